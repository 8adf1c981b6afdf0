/*!
What the event and control stages read from a document beyond its layers, computed once per
document and shared: the lower-cased text, the main country, the sites (places and
facilities), the clause breaks and the modality cues.
*/

use crate::actor::ActorDictionary;
use crate::doc::Doc;
use crate::modality::CueIndex;
use crate::place::words::PlaceWords;

use super::clause::ClauseIndex;
use super::site::{self, Site};
use super::{EventRules, focus_country};

/// A document's shared reading aids.
#[derive(Clone, Debug)]
pub struct Context {
    /// The text with ASCII letters lower-cased (byte offsets unchanged).
    pub lower: String,
    /// The country most of its actors and places belong to.
    pub focus: Option<String>,
    /// Its resolved places and facilities, in text order.
    pub sites: Vec<Site>,
    /// Its clause breaks.
    pub clauses: ClauseIndex,
    /// Its modality cues.
    pub cues: CueIndex,
}

impl Context {
    /// Reads the aids of an annotated document.
    pub fn new(
        doc: &Doc,
        rules: &EventRules,
        actors: &ActorDictionary,
        place_words: &PlaceWords,
    ) -> Context {
        let lower = doc.text().to_ascii_lowercase();
        let focus = focus_country(doc, actors);
        let sites = site::sites(doc, focus.as_deref(), place_words);
        let clauses = rules.clauses.index(&lower);
        let cues = rules.modality.index(doc.text(), &lower);
        Context {
            lower,
            focus,
            sites,
            clauses,
            cues,
        }
    }
}
