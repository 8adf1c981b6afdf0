/*!
Actors: the dictionary of armed groups, forces and other parties, and their mentions.

[`ActorDictionary`] is compiled from `resources/actors/`; [`tag`] finds the actors a
document names, resolving generic phrases ("the junta", "Russian troops", "the rebels")
and learning the actors an article defines ("the Chin Brotherhood (CB)").
*/

mod define;
pub mod dictionary;
mod tag;

use serde::{Deserialize, Serialize};

use crate::span::Span;
pub use define::{Definition, find_definitions};
pub use dictionary::{ActorDictionary, ActorEntry, ActorKind, Country, GenericClass};
pub use tag::tag;

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

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A dictionary name or alias: "the Kachin Independence Army", "KIA".
    Name,
    /// A name or abbreviation the article defined: "the Chin Brotherhood (CB)".
    Defined,
    /// A generic phrase resolved by country: "the junta", "Sudan's army".
    Generic,
    /// A phrase that refers back to a group named earlier: "the rebels", "its fighters".
    Anaphor,
    /// An ethnic adjective with a force noun: "Kachin forces".
    Ethnic,
    /// A country's name, standing for its government when it acts: "China closed the border".
    Country,
    /// A capital standing for its government: "Beijing said".
    Capital,
}

/// An actor named in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// The name's bytes.
    pub span: Span,
    /// Who it is.
    pub actor: ActorId,
    /// What sort of party it is.
    pub kind: ActorKind,
    /// How the text names it.
    pub how: MentionKind,
}
