/*!
Events: the contract's typed output, and the rules that find events in text.
*/

use serde::{Deserialize, Serialize};

use crate::actor::ActorId;
use crate::place::Location;
use crate::time::DateInterval;

/// The contract's event kinds: ACLED's sub-event types plus CAMEO's political kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Fighting, an attack or offensive between armed groups.
    ArmedClash,
    /// An armed actor takes control of a place.
    TerritoryCaptured,
    /// Airstrike, bombing from the air, drone strike.
    AirStrike,
    /// Artillery, mortar, rocket or missile fire.
    Shelling,
    /// Landmine, IED, car bomb.
    RemoteExplosive,
    /// Killing, wounding, torture of civilians, burning of homes.
    AttackOnCivilians,
    /// Abduction, forced disappearance, forced recruitment.
    Abduction,
    /// Demonstration, strike, rally.
    Protest,
    /// Violent demonstration, mob violence.
    Riot,
    /// Ceasefire, truce or handover agreed; peace deal.
    Agreement,
    /// Arrest or detention by an authority.
    Arrest,
    /// Headquarters or base set up.
    BaseEstablished,
    /// Looting, destruction or seizure of property.
    PropertyDestruction,
    /// Civilians flee or are displaced.
    Displacement,
    /// A delegation travels to, or meets, another party.
    VisitOrMeeting,
    /// Appeal for, or stated willingness to, negotiate or cease fire.
    CallForTalks,
    /// Demands, pressure, warnings, threats.
    PressureOrThreat,
    /// Border closure, trade ban, embargo, sanction.
    TradeRestriction,
}

impl EventKind {
    /// Every kind, in the contract's order.
    pub const ALL: [EventKind; 18] = [
        EventKind::ArmedClash,
        EventKind::TerritoryCaptured,
        EventKind::AirStrike,
        EventKind::Shelling,
        EventKind::RemoteExplosive,
        EventKind::AttackOnCivilians,
        EventKind::Abduction,
        EventKind::Protest,
        EventKind::Riot,
        EventKind::Agreement,
        EventKind::Arrest,
        EventKind::BaseEstablished,
        EventKind::PropertyDestruction,
        EventKind::Displacement,
        EventKind::VisitOrMeeting,
        EventKind::CallForTalks,
        EventKind::PressureOrThreat,
        EventKind::TradeRestriction,
    ];

    /// The contract's name ("armed_clash").
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::ArmedClash => "armed_clash",
            EventKind::TerritoryCaptured => "territory_captured",
            EventKind::AirStrike => "air_strike",
            EventKind::Shelling => "shelling",
            EventKind::RemoteExplosive => "remote_explosive",
            EventKind::AttackOnCivilians => "attack_on_civilians",
            EventKind::Abduction => "abduction",
            EventKind::Protest => "protest",
            EventKind::Riot => "riot",
            EventKind::Agreement => "agreement",
            EventKind::Arrest => "arrest",
            EventKind::BaseEstablished => "base_established",
            EventKind::PropertyDestruction => "property_destruction",
            EventKind::Displacement => "displacement",
            EventKind::VisitOrMeeting => "visit_or_meeting",
            EventKind::CallForTalks => "call_for_talks",
            EventKind::PressureOrThreat => "pressure_or_threat",
            EventKind::TradeRestriction => "trade_restriction",
        }
    }
}

impl std::str::FromStr for EventKind {
    type Err = String;

    fn from_str(name: &str) -> Result<EventKind, String> {
        EventKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
            .ok_or_else(|| format!("unknown event kind {name:?}"))
    }
}

/// How firmly the text states an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as fact.
    Asserted,
    /// One side's own claim that the article attributes and does not confirm.
    Claimed,
    /// A guess or possibility.
    Speculative,
    /// Intended or announced for the future.
    Planned,
    /// Said not to have happened.
    Negated,
}

impl Modality {
    /// True for the modalities the contract scores as facts.
    pub fn is_fact(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Claimed)
    }
}

/// One event, as the contract's output format describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The article's id.
    pub doc: String,
    /// What happened.
    pub kind: EventKind,
    /// Who acted.
    pub actor1: Option<ActorId>,
    /// Who was acted on.
    pub actor2: Option<ActorId>,
    /// Where.
    pub location: Option<Location>,
    /// When.
    pub date: Option<DateInterval>,
    /// How firmly the text states it.
    pub modality: Modality,
    /// The sentence that states it, verbatim.
    pub evidence: String,
    /// Deaths, where the text gives a number for this event.
    pub fatalities: Option<u32>,
    /// Byte offset of the evidence in the article text.
    #[serde(default)]
    pub evidence_start: usize,
    /// Byte offset one past the evidence's end.
    #[serde(default)]
    pub evidence_end: usize,
    /// Id of the rule that produced the event.
    #[serde(default)]
    pub rule: String,
    /// Confidence, 0 to 1.
    #[serde(default)]
    pub confidence: f32,
}

/// The compiled event rules.
#[derive(Clone, Debug, Default)]
pub struct EventRules {}

impl EventRules {
    /// Compiles the trigger rules under `resources/events/`.
    pub fn load(_files: &crate::ResourceFiles) -> Result<EventRules, crate::ResourceError> {
        Ok(EventRules {})
    }
}

/// The events of an annotated document.
pub fn extract(_doc: &crate::Doc, _rules: &EventRules) -> Vec<Event> {
    Vec::new()
}
