/*!
Control facts: who holds which place, as an article states it.

Two sources: captures (a `territory_captured` fact makes its taker the controller of the
place, from the capture's day when the text gives one) and statements of control matched by
the rules in `resources/control/rules.toml` ("the KIA-controlled town of Lweje", "Kyaukme,
which is held by the TNLA", "now in the hands of the AA"). Contested and unconfirmed places
give none: only asserted and claimed captures count, and a statement in a sentence with a
negation or hedge cue is skipped.
*/

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::actor::ActorId;
use crate::event::{Event, EventKind};
use crate::place::Precision;
use crate::time::DatePrecision;

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
pub fn derive(doc: &crate::Doc, events: &[Event]) -> Vec<ControlFact> {
    let mut facts: Vec<ControlFact> = Vec::new();
    for event in events {
        if event.kind != EventKind::TerritoryCaptured || !event.modality.is_fact() {
            continue;
        }
        let (Some(controller), Some(location)) = (&event.actor1, &event.location) else { continue };
        if matches!(location.precision, Precision::Admin1 | Precision::Country) {
            continue;
        }
        let since = event.date.filter(|d| d.precision == DatePrecision::Day).map(|d| d.start);
        let fact = ControlFact {
            doc: doc.id().to_string(),
            place: location.name.clone(),
            country: location.country.clone(),
            admin1: location.admin1.clone(),
            controller: controller.clone(),
            since,
            evidence: event.evidence.clone(),
            lat: location.lat,
            lon: location.lon,
            rule: event.rule.clone(),
        };
        if !facts.iter().any(|f| f.place == fact.place && f.controller == fact.controller) {
            facts.push(fact);
        }
    }
    facts
}
