/*!
Control facts: who holds which place, as an article states it.
*/

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::actor::ActorId;

/// What an article says of who holds a place, as the contract's control format describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ControlFact {
    /// The article's id.
    pub doc: String,
    /// The place's name.
    pub place: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// State, region or province.
    pub admin1: Option<String>,
    /// Who holds it.
    pub controller: ActorId,
    /// Since when, where the text says.
    pub since: Option<Date>,
    /// The sentence that says so, verbatim.
    pub evidence: String,
    /// Latitude, where the place resolved.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude, where the place resolved.
    #[serde(default)]
    pub lon: Option<f64>,
    /// Id of the rule that produced the fact.
    #[serde(default)]
    pub rule: String,
}

/// The control facts an analysed document states.
pub fn derive(_doc: &crate::Doc, _events: &[crate::Event]) -> Vec<ControlFact> {
    Vec::new()
}
