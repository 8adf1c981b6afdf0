/*!
Actors: the dictionary of armed groups, forces and other parties, and their mentions.

(Interface only for now.)
*/

use serde::{Deserialize, Serialize};

use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

/// A canonical actor id in UPPER_SNAKE (`KIA`, `MM_MILITARY`, `CN_GOV`, `CIVILIANS`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

impl ActorId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ActorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An actor named in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// The name's bytes.
    pub span: Span,
    /// Who it is.
    pub actor: ActorId,
}

/// The compiled actor dictionary.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {}

impl ActorDictionary {
    /// Compiles the dictionary under `resources/actors/`.
    pub fn load(_files: &ResourceFiles) -> Result<ActorDictionary, ResourceError> {
        Ok(ActorDictionary {})
    }
}

/// Finds the actor mentions of a text.
pub fn tag(_text: &str, _sentences: &[Span], _dictionary: &ActorDictionary) -> Vec<ActorMention> {
    Vec::new()
}
