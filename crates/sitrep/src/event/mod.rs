/*!
Events: the contract's typed output, and the rules that find events in text.

[`extract`] reads an annotated [`Doc`](crate::Doc): trigger rules ([`rules`]) find what
happened, the shallow clause rules ([`clause`]) find who did it to whom and where (places
from the place stage, facilities from [`facility`]), the time stage dates it and
[`modality`](crate::modality) says how firmly the text states it.
*/

pub mod clause;
mod context;
mod extract;
pub mod facility;
mod inflect;
mod news_day;
mod restate;
pub mod rules;
mod site;

pub use clause::{ClauseIndex, ClauseRules, ClauseWords, in_closed_apposition};
pub use context::Context;
pub use extract::extract;
pub(crate) use extract::focus_country;
pub use facility::{FacilityMention, FacilityPatterns};
pub use news_day::date_news_of_the_day;
pub use rules::{Rule, TriggerRules};
pub use site::{Site, sites};

use crate::modality::ModalityCues;

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

    /// True for a kind whose place is where something happened on the ground; false for
    /// meetings, calls for talks, pressure and trade restrictions, whose place may be a venue
    /// or a country that acts ("China closed the border", "talks in Kunming"). An agreement's
    /// place is where the truce holds, not the countries that brokered it.
    pub fn happens_on_the_ground(self) -> bool {
        !matches!(
            self,
            EventKind::VisitOrMeeting
                | EventKind::CallForTalks
                | EventKind::PressureOrThreat
                | EventKind::TradeRestriction
        )
    }

    /// True for a kind of armed violence, done by forces: a political body or government
    /// that does it acts through its armed wing ("the KIO captured the post" is the KIA's
    /// deed).
    pub fn is_armed_violence(self) -> bool {
        matches!(
            self,
            EventKind::ArmedClash
                | EventKind::TerritoryCaptured
                | EventKind::AirStrike
                | EventKind::Shelling
                | EventKind::RemoteExplosive
                | EventKind::AttackOnCivilians
                | EventKind::Abduction
                | EventKind::PropertyDestruction
                | EventKind::BaseEstablished
        )
    }

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
    /// The contract's name for the modality.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Claimed => "claimed",
            Modality::Speculative => "speculative",
            Modality::Planned => "planned",
            Modality::Negated => "negated",
        }
    }

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
    /// True when the sentence names no place and the location is inferred from the
    /// sentences before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub place_inferred: bool,
}

/// Everything the event stage compiles from `resources/`.
#[derive(Clone, Debug)]
pub struct EventRules {
    /// Trigger rules and their word lists.
    pub triggers: TriggerRules,
    /// Clause boundaries and word positions.
    pub clauses: ClauseRules,
    /// Facility patterns.
    pub facilities: FacilityPatterns,
    /// Modality cues.
    pub modality: ModalityCues,
}

impl EventRules {
    /// Compiles the trigger rules, clause rules, facility patterns and modality cues.
    pub fn load(files: &crate::ResourceFiles) -> Result<EventRules, crate::ResourceError> {
        Ok(EventRules {
            triggers: TriggerRules::load(files)?,
            clauses: ClauseRules::load(files)?,
            facilities: FacilityPatterns::load(files)?,
            modality: ModalityCues::load(files)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use crate::{Article, Pipeline, ResourceFiles, Resources};

    static RESOURCES: LazyLock<Resources> =
        LazyLock::new(|| Resources::load(&ResourceFiles::embedded()).expect("resources load"));

    /// The events of a text published on 15 June 2024.
    fn analyse(text: &str) -> Vec<super::Event> {
        let article = Article {
            id: "example".into(),
            published: jiff::civil::Date::new(2024, 6, 15).ok(),
            text: text.into(),
            ..Article::default()
        };
        Pipeline::new(&RESOURCES).run(article).events
    }

    fn rules_fired(sentence: &str) -> Vec<String> {
        analyse(sentence).into_iter().map(|e| e.rule).collect()
    }

    /// Every trigger rule fires on its examples and stays silent on its counter-examples.
    #[test]
    fn rules_fire_on_their_examples_only() {
        let mut failures = Vec::new();
        for rule in &RESOURCES.events.triggers.rules {
            assert!(
                !rule.examples.is_empty(),
                "rule {} has no examples",
                rule.id
            );
            for example in &rule.examples {
                let fired = rules_fired(example);
                if !fired.contains(&rule.id) {
                    failures.push(format!(
                        "{} does not fire on {example:?} (fired: {fired:?})",
                        rule.id
                    ));
                }
            }
            for counter in &rule.counter_examples {
                if rules_fired(counter).contains(&rule.id) {
                    failures.push(format!("{} fires on counter-example {counter:?}", rule.id));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Each event as "kind actor1 place start-date".
    fn events(text: &str) -> Vec<String> {
        analyse(text)
            .into_iter()
            .map(|e| {
                let actor = e.actor1.map_or("-".to_string(), |a| a.0);
                let place = e.location.map_or("-".to_string(), |l| l.name);
                let date = e.date.map_or("-".to_string(), |d| d.start.to_string());
                format!("{} {actor} {place} {date}", e.kind.as_str())
            })
            .collect()
    }

    /// Asserts that the events of `kind` in `text`, as [`events`] writes them, are `expected`.
    #[track_caller]
    fn assert_kind_events(text: &str, kind: &str, expected: &[&str]) {
        let found = events(text);
        let of_kind: Vec<&String> = found
            .iter()
            .filter(|e| e.split(' ').next() == Some(kind))
            .collect();
        assert_eq!(of_kind, expected, "{found:?}");
    }

    /// Asserts that one of `found` (as [`events`] writes them) starts with `prefix`.
    #[track_caller]
    fn assert_has(found: &[String], prefix: &str) {
        assert!(found.iter().any(|e| e.starts_with(prefix)), "{found:?}");
    }

    /// Asserts that none of `found` starts with `prefix`.
    fn assert_lacks(found: &[String], prefix: &str) {
        assert!(!found.iter().any(|e| e.starts_with(prefix)), "{found:?}");
    }

    /// Asserts that the events of each of `texts` include one that starts with `prefix`.
    fn assert_each_has(texts: &[&str], prefix: &str) {
        for text in texts {
            let found = events(text);
            assert!(
                found.iter().any(|e| e.starts_with(prefix)),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_building_set_on_fire_by_a_group_is_the_groups_deed() {
        let found =
            events("The Hill Ridge police station was set on fire by a local PDF unit on Monday.");
        assert_has(&found, "property_destruction PDF");
        // Homes set on fire stay an attack on civilians.
        let found = events("Dozens of homes were set on fire by junta troops in Hill Ridge.");
        assert_has(&found, "attack_on_civilians MM_MILITARY");
        assert_lacks(&found, "property_destruction");
    }

    #[test]
    fn gunmen_from_a_group_are_the_group_not_a_prepositions_object() {
        let found = events(
            "According to two army officers, gunmen from the Kachin Independence Army (KIA) \
             attacked the Hill Ridge camp near Bhamo on Sunday.",
        );
        assert_has(&found, "armed_clash KIA");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn the_side_repelled_attacked() {
        let found = events("Army troops fought off KIA fighters near Bhamo on Monday.");
        assert_has(&found, "armed_clash KIA Bhamo");
        assert_lacks(&found, "armed_clash MM_MILITARY");
        let found = events("The army said it repelled an assault by TNLA fighters on Lashio.");
        assert_has(&found, "armed_clash TNLA Lashio");
        assert_lacks(&found, "armed_clash MM_MILITARY");
        // An attempt repelled is the attacker's own failed act; the fight is the defender's.
        let found = events("Army troops repelled KIA attempts to cross the river near Bhamo.");
        assert_has(&found, "armed_clash MM_MILITARY Bhamo");
    }

    #[test]
    fn we_in_a_quotation_is_the_party_quoted_after_it() {
        let found = events(
            "“We attacked the army base near Afgoye at dawn. We killed 20 soldiers and took \
             the base,” al Shabaab spokesman Ali Musa said on Sunday.",
        );
        assert_has(&found, "territory_captured AL_SHABAAB");
        assert!(!found.iter().any(|e| e.contains("SO_GOV")), "{found:?}");
    }

    #[test]
    fn our_troops_in_a_quotation_are_the_party_quoted() {
        let found = events(
            "“Our troops have taken the army camp near Afgoye,” al Shabaab spokesman Ali Musa \
             said on Sunday.",
        );
        assert_has(&found, "territory_captured AL_SHABAAB Afgoye");
        assert_lacks(&found, "territory_captured SO_GOV");
    }

    #[test]
    fn forces_led_by_a_group_are_the_group() {
        // Even right after the other side's deed, which would lend it the attack.
        let found = events(
            "Junta jets bombed a monastery in Mogok on Monday. Joint forces led by the TNLA \
             attacked three army camps in Mogok on Tuesday.",
        );
        assert_has(&found, "armed_clash TNLA Mogok 2024-06-11");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn a_fight_told_from_one_side_keeps_that_sides_attack() {
        let found = analyse(
            "Clashes went on in Lashio on Monday as TNLA fighters attacked junta positions.",
        );
        let fights: Vec<(Option<String>, Option<String>)> = found
            .iter()
            .filter(|e| e.kind == super::EventKind::ArmedClash)
            .map(|e| {
                (
                    e.actor1.as_ref().map(|a| a.0.clone()),
                    e.actor2.as_ref().map(|a| a.0.clone()),
                )
            })
            .collect();
        assert_eq!(
            fights,
            [(Some("TNLA".to_string()), Some("MM_MILITARY".to_string()))]
        );
    }

    #[test]
    fn a_speaker_named_after_the_quotation_and_its_appositive_owns_we() {
        let found = events(
            "“We overran the army camp near Afgoye and took the base,” said Omar Ridge, al \
             Shabaab's military spokesman.",
        );
        assert_has(&found, "territory_captured AL_SHABAAB Afgoye");
        assert_lacks(&found, "territory_captured SO_GOV");
    }

    #[test]
    fn the_enemy_of_a_quoted_party_is_the_side_it_fights() {
        let found = events(
            "Russian troops hold the hills. “The enemy keeps shelling our trenches,” said Petro \
             Koval, a Ukrainian army spokesman, near Robotyne.",
        );
        assert_has(&found, "shelling RU_GOV");
        assert_lacks(&found, "shelling UA_GOV");
        // A speaker known by name only: no side is guessed, least of all the one that acted.
        let found = events(
            "Russian forces shelled Kherson on Sunday. “The enemy keeps shelling us,” Koval said.",
        );
        assert_lacks(&found, "shelling UA_GOV");
        // The enemy as the object of a passive is no agent.
        let found = events(
            "“The enemy was shelled by Ukrainian troops near Robotyne,” said Petro Koval, a \
             Russian army spokesman.",
        );
        assert_has(&found, "shelling UA_GOV");
    }

    #[test]
    fn an_attack_civilians_were_killed_in_is_the_attack_on_them() {
        let found = events(
            "Twenty villagers were killed in a rebel attack on a shelter site in Sudan's Kassala \
             state on Friday.",
        );
        assert_has(&found, "attack_on_civilians");
        assert_lacks(&found, "armed_clash");
        // Soldiers killed in an attack tell a clash.
        let found = events(
            "Twelve soldiers were killed in an RSF attack on an army post in Kassala on Friday.",
        );
        assert_has(&found, "armed_clash RSF");
        // So do soldiers among the dead, or a force as the attack's target.
        for text in [
            "Five soldiers and two civilians were killed in an RSF attack on a base in Kassala.",
            "Villagers were killed in an RSF attack on SAF positions in Kassala on Friday.",
        ] {
            assert_has(&events(text), "armed_clash RSF");
        }
    }

    #[test]
    fn a_raid_that_left_fighters_dead_is_a_clash_claimed_by_the_other_side() {
        let found = events(
            "Earlier, junta troops shelled Lashio. A raid on Hill Ridge village near Lashio left \
             at least 30 police and soldiers dead, the TNLA said.",
        );
        assert_has(&found, "armed_clash TNLA Hill Ridge");
        assert_lacks(&found, "attack_on_civilians");
        // Dead villagers keep the raid an attack on civilians.
        let found =
            events("A raid on Hill Ridge village near Lashio by junta troops killed 12 villagers.");
        assert_has(&found, "attack_on_civilians MM_MILITARY");
    }

    #[test]
    fn a_habit_told_around_auxiliaries_or_after_a_noun_is_no_event() {
        let found = events("Since the coup, junta troops have regularly been shelling Hill Ridge.");
        assert_lacks(&found, "shelling");
        let found =
            events("Clashes frequently broke out between the KIA and junta troops in Dale.");
        assert_lacks(&found, "armed_clash");
        let found = events("Junta troops have been shelling Hill Ridge since Monday.");
        assert_has(&found, "shelling MM_MILITARY");
        let found = events("Clashes broke out between the KIA and junta troops in Dale on Monday.");
        assert_has(&found, "armed_clash");
    }

    #[test]
    fn a_trend_of_attacks_is_no_event() {
        for trend in [
            "KIA attacks on army convoys have been on the rise near Dale.",
            "The two sides agreed a truce in Hill Ridge in May, but attacks have continued.",
        ] {
            assert_lacks(&events(trend), "armed_clash");
        }
        assert_each_has(
            &["KIA attacks on army convoys near Dale killed six soldiers on Monday."],
            "armed_clash KIA",
        );
    }

    #[test]
    fn deaths_and_damage_in_a_strike_already_told_are_its_toll() {
        let strike = "Junta jets bombed Hill Ridge village in Sagaing Region on Monday.\n\n";
        let found = events(&format!(
            "{strike}Residents said five villagers were killed in the airstrike and a school \
             was destroyed in the air strikes."
        ));
        assert_lacks(&found, "attack_on_civilians");
        assert_lacks(&found, "property_destruction");
        let found = events(&format!(
            "{strike}Residents said soldiers killed five villagers in Dale village on Tuesday."
        ));
        assert_has(&found, "attack_on_civilians MM_MILITARY");
        // A strike that only opens the sentence ("After the airstrike, ...") dates a new deed.
        let found = events(&format!(
            "{strike}After the airstrike, soldiers entered Dale village and killed five villagers."
        ));
        assert_has(&found, "attack_on_civilians MM_MILITARY");
    }

    #[test]
    fn a_date_s_year_is_no_toll() {
        let killed: Vec<Option<u32>> = analyse(
            "KIA troops attacked the army base at Bhamo in 2023 and killed dozens of soldiers.",
        )
        .into_iter()
        .map(|e| e.fatalities)
        .collect();
        assert!(!killed.contains(&Some(2023)), "{killed:?}");
        assert!(!killed.is_empty());
    }

    #[test]
    fn a_war_long_toll_is_no_attack_on_civilians() {
        let found =
            events("Health officials say at least 25,000 people have been killed in the war.");
        assert_lacks(&found, "attack_on_civilians");
        let found =
            events("Health officials say at least 25,000 people have been killed in fighting.");
        assert_lacks(&found, "attack_on_civilians");
        let found = events("Junta troops killed 25 villagers in Hill Ridge village on Monday.");
        assert_has(&found, "attack_on_civilians MM_MILITARY");
        let found = events("At least 9,000 people have been killed by junta troops in Hill Ridge.");
        assert_has(&found, "attack_on_civilians MM_MILITARY");
    }

    #[test]
    fn a_toll_told_in_the_active_perfect_is_no_attack_on_civilians() {
        let found = events(
            "Aid agencies reckon the violence along the delta has killed over 12,000 people \
             since 2019.",
        );
        assert_lacks(&found, "attack_on_civilians");
        let found = events("Junta troops have killed 14 villagers in Hill Ridge village.");
        assert_has(&found, "attack_on_civilians MM_MILITARY");
        let killed: Vec<Option<u32>> =
            analyse("Junta troops have killed 14 villagers in Hill Ridge.")
                .into_iter()
                .map(|e| e.fatalities)
                .collect();
        assert_eq!(killed, [Some(14)]);
    }

    #[test]
    fn acts_a_predicate_judges_are_no_event() {
        let found = events(
            "Rights groups said the junta's shelling of farms near Hill Ridge amounts to a war \
             crime.",
        );
        assert_lacks(&found, "shelling");
        let found = events("Junta troops shelled farms near Hill Ridge on Monday.");
        assert_has(&found, "shelling MM_MILITARY");
    }

    #[test]
    fn a_war_described_in_a_relative_clause_still_heads_its_toll() {
        let found = events(
            "The conflict in Hill State between the junta and the KIA, which began in 2011, has \
             killed 900 people.",
        );
        assert_lacks(&found, "attack_on_civilians");
        let found = events(
            "Junta troops, who entered Hill Ridge village in 2011, have killed 900 people there.",
        );
        assert_has(&found, "attack_on_civilians MM_MILITARY");
    }

    #[test]
    fn a_reported_pronoun_is_not_the_subject_of_a_later_clause_with_its_own() {
        let found = events(
            "The TNLA said it stormed the hill camp on Monday and the junta answered with \
             heavy air strikes.",
        );
        assert_has(&found, "air_strike MM_MILITARY");
        assert_lacks(&found, "air_strike TNLA");
        // With no subject of its own, the later clause still tells the reporter's deed.
        let found = events("The TNLA said it stormed the hill camp on Monday and seized it.");
        assert_has(&found, "armed_clash TNLA");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn a_launch_verb_before_the_first_conjunct_launches_the_second() {
        let found =
            events("The RSF has launched nightly artillery and drone strikes on El Fasher.");
        assert_has(&found, "air_strike RSF El Fasher");
        assert_lacks(&found, "air_strike SAF");
    }

    #[test]
    fn our_before_a_noun_trigger_in_a_quotation_is_the_party_quoted() {
        let found =
            events("“One army truck was hit by our rocket fire near Bhamo,” the KIA source said.");
        assert_has(&found, "shelling KIA Bhamo");
    }

    #[test]
    fn the_head_of_a_relative_clause_claims_the_deed() {
        let found = events(
            "Al Shabaab gunmen who had clashed with SNA soldiers along the river said they had \
             seized the town of Afgoye.",
        );
        assert_has(&found, "territory_captured AL_SHABAAB Afgoye");
        assert_lacks(&found, "territory_captured SO_GOV");
    }

    #[test]
    fn a_second_verb_shares_the_subject_not_the_first_verbs_object() {
        // The soldiers are what "killed" acts on, with or without the count in its trigger.
        for text in [
            "Al Shabaab fighters killed nine soldiers and seized the army base at Afgoye on Sunday.",
            "KIA fighters detained 20 soldiers and seized the army post at Bhamo on Sunday.",
        ] {
            let found = events(text);
            assert_lacks(&found, "territory_captured SO_GOV");
            assert_lacks(&found, "territory_captured MM_MILITARY");
            assert!(
                found.iter().any(|e| e.starts_with("territory_captured")),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_weapon_after_with_is_the_subjects() {
        let found = events("KIA fighters attacked the army post with drones near Bhamo on Sunday.");
        assert_eq!(
            found
                .iter()
                .filter(|e| !e.starts_with("air_strike KIA Bhamo"))
                .collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "{found:?}"
        );
        // The target stands before "with", not in the place after it.
        let text = "KIA fighters attacked an army convoy with drones near a village outside Bhamo.";
        assert_eq!(
            actor2_of(text, super::EventKind::AirStrike).as_deref(),
            Some("MM_MILITARY")
        );
    }

    #[test]
    fn aircraft_that_strike_make_an_air_strike() {
        let text =
            "The junta's air force also struck a village near Bhamo on Sunday, killing a farmer.";
        let found = events(text);
        assert!(
            found
                .iter()
                .all(|e| e.starts_with("air_strike MM_MILITARY")),
            "{found:?}"
        );
        assert_eq!(
            actor2_of(text, super::EventKind::AirStrike).as_deref(),
            Some("CIVILIANS")
        );
        // Aircraft that are not the attack verb's subject leave the attack a clash.
        let found = events(
            "The school was bombed by junta aircraft after KIA troops had attacked an army post near Bhamo.",
        );
        assert_has(&found, "armed_clash KIA");
    }

    #[test]
    fn unidentified_attackers_are_no_party() {
        // Neither the reporting authorities nor anyone else did what gunmen did, nor the
        // killing the same sentence goes on with, nor the deaths the next sentence counts.
        let found = events(
            "Gunmen attacked a market village near Bhamo on Sunday, killing six traders, the \
             regional authorities said. Officials of the regime said four more people were \
             killed there on Sunday.",
        );
        assert!(
            !found.is_empty() && found.iter().all(|e| e.contains(" - ")),
            "{found:?}"
        );
        // Rebels the text ties to no group are no party either, not the state they fight.
        let found = events(
            "Resistance forces captured a junta camp near Bhamo on Sunday and the army answered \
             with air strikes.",
        );
        assert!(
            found.contains(&"territory_captured - Bhamo 2024-06-09".to_string()),
            "{found:?}"
        );
        // "The ethnic rebel group" is the group named before.
        let found = events(
            "Junta troops surrendered to the KIA as the ethnic rebel group took control of a camp \
             near Bhamo on Sunday.",
        );
        assert!(
            found.contains(&"territory_captured KIA Bhamo 2024-06-09".to_string()),
            "{found:?}"
        );
        // "The attackers" refers back to the attackers named before.
        let found = events(
            "KIA fighters stormed an army post near Bhamo on Sunday. The attackers then \
             burned the barracks.",
        );
        assert!(found.iter().all(|e| e.contains(" KIA ")), "{found:?}");
    }

    #[test]
    fn a_militia_on_the_states_side_fights_the_states_enemies() {
        let text = "Pyu Saw Htee fighters attacked Bhamo on Friday. The KIA said it repelled them.";
        assert_eq!(
            actor2_of(text, super::EventKind::ArmedClash).as_deref(),
            Some("KIA")
        );
    }

    #[test]
    fn the_killed_in_a_raid_are_its_victims() {
        let text = "About 20 junta soldiers were killed in a raid on an army post near Bhamo on \
                    Sunday, according to the KIA.";
        let found = events(text);
        assert!(
            found.contains(&"armed_clash KIA Bhamo 2024-06-09".to_string()),
            "{found:?}"
        );
        assert_eq!(
            actor2_of(text, super::EventKind::ArmedClash).as_deref(),
            Some("MM_MILITARY")
        );
    }

    #[test]
    fn a_weapon_s_modifier_is_its_user_after_by() {
        let found = events(
            "The KIA said on Sunday that five villagers near Bhamo were wounded by junta shelling.",
        );
        assert_has(&found, "shelling MM_MILITARY Bhamo");
    }

    #[test]
    fn a_by_phrase_of_another_verb_names_no_agent() {
        let found = events("Junta jets bombed a town held by the KIA near Bhamo on Sunday.");
        assert!(
            found
                .iter()
                .all(|e| e.starts_with("air_strike MM_MILITARY")),
            "{found:?}"
        );
    }

    #[test]
    fn an_actor_inside_a_closed_relative_clause_is_no_subject() {
        let found = events(
            "The KIA, which the junta calls a terrorist group, seized an army post near Bhamo on \
             Sunday.",
        );
        assert!(
            found.contains(&"territory_captured KIA Bhamo 2024-06-09".to_string()),
            "{found:?}"
        );
        let found = events(
            "The junta, which seized power in 2021, warned the KIA on Sunday that any attack on \
             Bhamo would be met with force.",
        );
        assert_has(&found, "pressure_or_threat MM_MILITARY");
    }

    #[test]
    fn a_unit_of_the_side_that_acts_is_no_place_and_a_post_goes_by_its_place() {
        let found = events(
            "The joint force of KIA Brigade 3 seized the junta's Bhamo outpost on Monday, a \
             Brigade 3 spokesperson said. The fighters then raided another junta camp.",
        );
        assert!(found.iter().all(|e| !e.contains("Brigade")), "{found:?}");
        assert_has(&found, "territory_captured KIA Bhamo");
        // Nor is a group's unit named anywhere else, with its owner before or after it.
        for text in [
            "Junta troops clashed with forces led by KNLA Brigade 3 in Hill Ridge village on Monday.",
            "Junta troops clashed with forces led by Brigade 3 of the KNLA in Hill Ridge village on Monday.",
        ] {
            let found = events(text);
            assert_has(&found, "armed_clash MM_MILITARY Hill Ridge");
            assert!(found.iter().all(|e| !e.contains("Brigade")), "{found:?}");
        }
        // A post named after its owner is no place: the township after it is.
        let found =
            events("Junta troops burned a Dale Revolution camp in Bhamo Township on Monday.");
        assert!(found.iter().all(|e| !e.contains("Revolution")), "{found:?}");
        assert_has(&found, "property_destruction MM_MILITARY Bhamo");
    }

    #[test]
    fn recruits_drafted_into_a_force_are_taken_by_it() {
        let found =
            events("Hundreds of young men in Bhamo have been drafted into the junta's army.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("abduction MM_MILITARY"), "{found:?}");
    }

    /// The actor2 of the first event of `kind` the text gives (panics if none).
    fn actor2_of(text: &str, kind: super::EventKind) -> Option<String> {
        let found = analyse(text);
        let event = found
            .iter()
            .find(|e| e.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {found:?}"));
        event.actor2.as_ref().map(|a| a.0.clone())
    }

    #[test]
    fn places_before_a_contrast_belong_to_the_other_clause() {
        let found = events(
            "The army still holds Sittwe and Kyaukphyu, but the AA now controls most of the state's townships.",
        );
        assert!(
            found
                .iter()
                .all(|e| !e.contains("Sittwe") && !e.contains("Kyaukphyu")),
            "{found:?}"
        );
    }

    #[test]
    fn drones_shot_down_are_their_owners_attack() {
        let found = events(
            "Ukrainian troops shelled a village near Kursk on Monday. Russian air defence units destroyed 64 Ukrainian drones over the Bryansk region overnight, the ministry said.",
        );
        assert_has(&found, "air_strike UA_GOV Bryansk");
    }

    #[test]
    fn a_quotation_opened_inside_a_clause_keeps_its_cue() {
        let found = analyse(
            "Its leader said last month that the AA would \"take Sittwe when the time comes\".",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].modality, super::Modality::Planned);
    }

    #[test]
    fn where_people_fled_to_is_not_where_they_fled() {
        let found = events(
            "Fighting broke out in Bhamo on Monday. Thousands of residents fled to Myitkyina and Waingmaw on Tuesday.",
        );
        assert_eq!(found, ["displacement - Bhamo 2024-06-11"]);
        // Words naming the place's sort may stand between.
        let found = events(
            "Fighting broke out in Bhamo on Monday. Thousands of residents fled to the nearby town of Myitkyina on Tuesday.",
        );
        assert_eq!(found, ["displacement - Bhamo 2024-06-11"]);
        // So may a word that tells it lies next door.
        let found = events(
            "Fighting broke out in Bhamo and Momauk on Monday, and thousands of residents fled into neighbouring China.",
        );
        assert_eq!(
            found,
            [
                "displacement - Bhamo 2024-06-10",
                "displacement - Momauk 2024-06-10"
            ]
        );
    }

    #[test]
    fn a_name_the_gazetteer_lacks_does_not_end_a_list_of_places() {
        let found = events(
            "Thousands of people have been displaced from Bhamo, Pyinbaw, Momauk and Mansi since Monday.",
        );
        assert_eq!(
            found,
            [
                "displacement - Bhamo 2024-06-10",
                "displacement - Momauk 2024-06-10",
                "displacement - Mansi 2024-06-10"
            ]
        );
    }

    #[test]
    fn where_fire_came_from_is_not_where_it_struck() {
        let found = events(
            "The KIA attacked an outpost in Mansi on Monday. The army fired artillery shells from bases in Bhamo and Momauk.",
        );
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("shelling MM_MILITARY Mansi")),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|e| e.contains("Bhamo") || e.contains("Momauk")),
            "{found:?}"
        );
    }

    #[test]
    fn an_attack_that_came_after_another_event_is_the_one_told() {
        let told = "The KIA attacked the army base in Mansi on Monday.";
        let again = "The KIA attacked the army base in Mansi on Monday. The attack came just hours after the army took Bhamo.";
        let found = events(again);
        assert_eq!(
            found
                .iter()
                .filter(|e| e.starts_with("armed_clash"))
                .count(),
            1,
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("territory_captured MM_MILITARY Bhamo")),
            "{found:?}"
        );
        assert!(events(told).iter().all(|e| found.contains(e)), "{found:?}");
        // Also with the actor's name before the noun.
        let found = events(
            "Junta jets bombed Hill Ridge village on Monday. The junta assault came hours after the KIA took Bhamo.",
        );
        assert!(
            !found.iter().any(|e| e.starts_with("armed_clash")),
            "{found:?}"
        );
        // Told first, the noun is the event itself.
        let found = events(
            "The drone strike came shortly after noon on Monday, killing 12 people in Hill Ridge village.",
        );
        assert!(
            found.iter().any(|e| e.starts_with("air_strike")),
            "{found:?}"
        );
    }

    #[test]
    fn a_range_told_as_done_ends_at_the_report() {
        // Published on Saturday 15 June 2024: "this week" ran from Monday to that day.
        let found = events("KIA troops attacked junta posts in Hill Ridge village this week.");
        assert_eq!(found, ["armed_clash KIA Hill Ridge 2024-06-10"]);
        let found = analyse("KIA troops attacked junta posts in Hill Ridge village this week.");
        assert_eq!(
            found[0].date.map(|d| d.end.to_string()),
            Some("2024-06-15".to_string())
        );
        // A plan keeps the range the text gives.
        let found = analyse("KIA troops will attack junta posts in Hill Ridge village this week.");
        assert_eq!(
            found[0].date.map(|d| d.end.to_string()),
            Some("2024-06-16".to_string())
        );
    }

    #[test]
    fn a_town_taken_this_week_is_the_town_named_later() {
        let found = events(
            "The KIA seized a town in Kachin State this week, the group said on Thursday. KIA troops captured Sumprabum on Tuesday after two days of fighting.",
        );
        let captures: Vec<_> = found
            .iter()
            .filter(|e| e.starts_with("territory_captured"))
            .collect();
        assert_eq!(
            captures,
            ["territory_captured KIA Sumprabum 2024-06-11"],
            "{found:?}"
        );
        // A named town and a coarser summary of several stay two events.
        let found = events(
            "The KIA has seized several bases in Kachin State since March. KIA troops captured Sumprabum on Tuesday.",
        );
        let captures = found
            .iter()
            .filter(|e| e.starts_with("territory_captured"))
            .count();
        assert_eq!(captures, 2, "{found:?}");
        // Another side's summary in the same sentence leaves a named capture named.
        let found = events(
            "The KIA seized a town in Kachin State and the AA captured Paletwa on Monday. The AA has seized a town in Chin State this week, its spokesman said.",
        );
        let captures: Vec<_> = found
            .iter()
            .filter(|e| e.starts_with("territory_captured AA"))
            .collect();
        assert_eq!(
            captures,
            ["territory_captured AA Paletwa 2024-06-10"],
            "{found:?}"
        );
    }

    #[test]
    fn an_attack_named_after_its_town_refers_back() {
        let told = "The AA attacked Rathedaung on Monday.";
        let again =
            "The AA attacked Rathedaung on Monday. The Rathedaung attack was its first in months.";
        assert_eq!(events(again), events(told));
        // Before a verb, the place is the subject: "the Hill station had fallen".
        assert_eq!(
            events("A resident said the Done Paik station had fallen on Monday.").len(),
            1
        );
    }

    #[test]
    fn villages_ransacked_in_the_passive_were_the_civilians() {
        assert_eq!(
            actor2_of(
                "Three villages in Myaing Township, Magway Region, had been looted by junta troops on Monday.",
                super::EventKind::PropertyDestruction
            )
            .as_deref(),
            Some("CIVILIANS")
        );
    }

    #[test]
    fn a_state_fights_the_side_named_after_it_when_none_came_before() {
        assert_eq!(
            actor2_of(
                "Russian troops overran the village of Ivanivka on Monday. Ukrainian forces said they had pulled back.",
                super::EventKind::TerritoryCaptured
            )
            .as_deref(),
            Some("UA_GOV")
        );
    }

    #[test]
    fn a_clash_told_from_both_sides_in_one_sentence_is_one_event() {
        let found =
            events("Sudan's army said it repelled an attack by the RSF on El Obeid on Tuesday.");
        let clashes: Vec<&String> = found
            .iter()
            .filter(|e| e.starts_with("armed_clash"))
            .collect();
        assert_eq!(clashes.len(), 1, "{found:?}");
    }

    #[test]
    fn a_member_named_of_its_alliance_speaks_for_itself() {
        assert_kind_events(
            "The Ta'ang National Liberation Army (TNLA) of the Three Brotherhood Alliance said it had overrun a hill base near Hill Ridge town on Friday.",
            "territory_captured",
            &["territory_captured TNLA Hill Ridge 2024-06-14"],
        );
    }

    #[test]
    fn fighters_killed_by_artillery_are_its_victims() {
        assert_kind_events(
            "Two KIA fighters were killed by artillery strikes near Hill Ridge town on Monday.",
            "shelling",
            &["shelling MM_MILITARY Hill Ridge 2024-06-10"],
        );
    }

    #[test]
    fn rockets_launched_by_a_group_are_its_shelling() {
        assert_kind_events(
            "The army said that 24 rockets were launched by Hezbollah at Hill Ridge town on Sunday.",
            "shelling",
            &["shelling HEZBOLLAH Hill Ridge 2024-06-09"],
        );
    }

    #[test]
    fn civilians_killed_in_a_strike_are_its_toll_whoever_the_story_credits() {
        let found = events(
            "Russian forces shelled Hill Ridge town on Sunday. Monitors said five villagers were killed on Monday in a barrel bomb attack carried out by Syrian army helicopters over Hill Ridge town.",
        );
        assert_lacks(&found, "attack_on_civilians");
        assert_has(&found, "air_strike SY_GOV Hill Ridge 2024-06-10");
    }

    #[test]
    fn soldiers_captured_are_prisoners_not_a_place_taken() {
        assert_lacks(
            &events(
                "About forty junta soldiers were captured near Hill Ridge town in March, the AA said.",
            ),
            "territory_captured",
        );
        assert_has(
            &events("Two junta bases near Hill Ridge town were captured in March, the AA said."),
            "territory_captured AA Hill Ridge",
        );
    }

    #[test]
    fn a_ward_named_with_its_town_is_no_place_of_its_own() {
        assert_kind_events(
            "CNF fighters raided junta offices in Hakha and in Zyqlo ward on Friday.",
            "armed_clash",
            &["armed_clash CNA Hakha 2024-06-14"],
        );
        // The town named in the sentence before.
        let found = events(
            "Junta jets bombed Falam Town on Monday. On Tuesday, jets struck Tlangpi Ward, killing four.",
        );
        assert!(found.iter().all(|e| !e.contains("Tlangpi")), "{found:?}");
    }

    #[test]
    fn a_date_in_a_reduced_relative_clause_dates_no_event_outside_it() {
        assert_has(
            &events("Army troops shelled Bhamo, captured by the KIA in March, on Monday."),
            "shelling MM_MILITARY Bhamo 2024-06-10",
        );
    }

    #[test]
    fn a_date_in_a_relative_clause_dates_no_later_sentence() {
        assert_kind_events(
            "Army troops shelled Bhamo, captured by the KIA in March. Shelling also hit Hill Ridge town.",
            "shelling",
            &[
                "shelling MM_MILITARY Bhamo 2024-06-14",
                "shelling MM_MILITARY Hill Ridge 2024-06-14",
            ],
        );
    }

    #[test]
    fn a_fact_in_a_story_that_gives_no_date_is_news_of_the_day() {
        assert_eq!(
            dated("Army artillery shelled Hill Ridge town overnight, residents said."),
            ["shelling Hill Ridge 2024-06-14..2024-06-15"]
        );
        assert_eq!(
            dated("The KIA will attack Hill Ridge town, its spokesman said."),
            ["armed_clash Hill Ridge -"]
        );
        // A sentence that speaks of time without a day, and a toll summed over time, are no
        // news of the day.
        for background in [
            "Years ago, soldiers burned Hill Ridge village.",
            "Since the offensive began, the KIA has captured Hill Ridge town.",
            "The war has killed tens of thousands of people in Hill Ridge town.",
            "Air strikes have killed more than 12,000 people in Hill Ridge town.",
        ] {
            assert!(
                dated(background).iter().all(|e| e.ends_with(" -")),
                "{background}: {:?}",
                dated(background)
            );
        }
        // A day the text gives later dates what follows, not the news of the day.
        let found = dated(
            "Army artillery shelled Hill Ridge town, residents said. The rains began on Monday. Junta troops torched houses in Bhamo.",
        );
        assert_eq!(found[1], "attack_on_civilians Bhamo 2024-06-10..2024-06-10");
    }

    #[test]
    fn a_date_in_a_relative_clause_dates_no_event_outside_it() {
        assert_kind_events(
            "KIA fighters took the hill post near Hill Ridge town, where the army had been based since 2019.",
            "territory_captured",
            &["territory_captured KIA Hill Ridge -"],
        );
        // A number's comma does not close the clause.
        assert_kind_events(
            "KIA fighters took the hill post near Hill Ridge town, which had 2,000 residents in the 2014 census.",
            "territory_captured",
            &["territory_captured KIA Hill Ridge 2024-06-14"],
        );
    }

    #[test]
    fn frequent_or_escalating_attacks_are_no_one_event() {
        for text in [
            "The junta's build-up near Hill Ridge town has led to frequent clashes with the KIA.",
            "The KIA has answered with escalating attacks on junta posts around Hill Ridge town.",
        ] {
            assert_lacks(&events(text), "armed_clash");
        }
    }

    #[test]
    fn countries_that_mediate_are_no_places() {
        assert_kind_events(
            "The KIA and the junta agreed a ceasefire on Monday following mediation by China and Thailand.",
            "agreement",
            &["agreement KIA - 2024-06-10"],
        );
        // A list is closed by "and": the clause after it names a place again.
        assert_kind_events(
            "Flanked by Thailand and Laos, Myanmar saw heavy fighting on Monday as junta troops clashed with the KIA.",
            "armed_clash",
            &["armed_clash MM_MILITARY Myanmar 2024-06-10"],
        );
    }

    #[test]
    fn a_restatement_a_day_off_or_in_the_country_around_is_one_event() {
        let found = analyse(
            "Russian missiles hit Kharkiv on Thursday, killing four people, regional officials said.\n\nRussian missiles struck Kharkiv late on Wednesday, the governor said, damaging a school.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let date = found[0].date.expect("dated");
        assert_eq!(
            (date.start.to_string(), date.end.to_string()),
            ("2024-06-12".into(), "2024-06-13".into())
        );
        assert_kind_events(
            "Israeli air strikes on southern Lebanon killed five people on Friday, the health ministry said.\n\nAn Israeli drone strike on a car in Nabatieh killed three people on Friday, the ministry said.",
            "air_strike",
            &["air_strike IL_GOV Nabatiye 2024-06-14"],
        );
    }

    #[test]
    fn a_lead_told_overnight_is_one_event_with_its_restatement_the_next_morning() {
        let found = dated(
            "Russian drones struck Ukraine overnight, officials said.\n\nRussian drones hit \
             Kharkiv on Saturday morning, the governor said.",
        );
        let strikes: Vec<&String> = found
            .iter()
            .filter(|e| e.starts_with("air_strike"))
            .collect();
        assert_eq!(
            strikes,
            ["air_strike Kharkiv 2024-06-15..2024-06-15"],
            "{found:?}"
        );
    }

    #[test]
    fn a_lead_dated_by_its_report_is_one_event_with_the_story_day() {
        assert_kind_events(
            "The KIA has overrun an army outpost in Kachin State's Momauk Township, it said on \
             Friday.\n\nKIA fighters overran the outpost in Momauk on Wednesday after a week of \
             fighting, the group said.",
            "territory_captured",
            &["territory_captured KIA Momauk 2024-06-12"],
        );
    }

    #[test]
    fn a_lead_in_a_state_is_one_event_with_its_restatement_at_an_unknown_village() {
        assert_kind_events(
            "At least 12 soldiers were killed in a raid by JNIM fighters on an army camp in \
             Segou region on Sunday night. The camp lies in the village of Tiembarko, the mayor \
             said.\n\nThe JNIM fighters attacked the camp from two directions.",
            "armed_clash",
            &["armed_clash JNIM Tiembarko 2024-06-09"],
        );
    }

    #[test]
    fn an_undated_lead_in_a_state_is_one_event_with_its_dated_restatement_inside_it() {
        assert_kind_events(
            "Junta jets bombed Sagaing Region, residents said. Junta jets bombed Kyunhla \
             village in Sagaing Region on Monday, killing four people.",
            "air_strike",
            &["air_strike MM_MILITARY Kyunhla 2024-06-10"],
        );
        // An undated town within a dated country is another event.
        let found = events(
            "RSF fighters launched a major attack on army positions in Kutum, the army said. \
             The war in Sudan broke out in April 2023 between the RSF and the army.",
        );
        assert_eq!(
            found
                .iter()
                .filter(|e| e.starts_with("armed_clash"))
                .count(),
            2,
            "{found:?}"
        );
        // A strike years before the report is no undated lead's day.
        let found = events(
            "Junta jets bombed villages in Sagaing Region, residents said. The deadliest strike \
             was in April 2023, when junta jets bombed Kyunhla village in Sagaing Region.",
        );
        assert_eq!(
            found.iter().filter(|e| e.starts_with("air_strike")).count(),
            2,
            "{found:?}"
        );
        // Two tolls are two strikes.
        let found = events(
            "Junta jets bombed a school in Sagaing Region, killing 12 children, residents said. \
             Junta jets bombed Kyunhla village in Sagaing Region on Monday, killing four people.",
        );
        assert_eq!(
            found.iter().filter(|e| e.starts_with("air_strike")).count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn a_lead_without_a_place_is_one_event_with_its_placed_restatement() {
        assert_kind_events(
            "Junta jets bombed a town held by the rebels on Sunday, the KIA said.\n\nThe jets \
             bombed Bhamo on Sunday afternoon, residents said.",
            "air_strike",
            &["air_strike MM_MILITARY Bhamo 2024-06-09"],
        );
    }

    #[test]
    fn a_place_named_as_background_in_an_earlier_paragraph_gives_way_to_the_main_place() {
        let story = "The KIA attacked Hpakant on Monday. Junta jets bombed Hpakant on Tuesday.\n\n\
                     The jade mines bring in much money. Many of its residents have family in \
                     Myitkyina, the state capital.";
        let shelled = |joint: &str| {
            events(&format!(
                "{story}{joint}The army shelled rebel positions on Thursday."
            ))
            .into_iter()
            .filter(|e| e.starts_with("shelling"))
            .collect::<Vec<String>>()
        };
        assert_eq!(shelled("\n\n"), ["shelling MM_MILITARY Hpakant 2024-06-13"]);
        // In the same paragraph the place named last still stands.
        assert_eq!(shelled(" "), ["shelling MM_MILITARY Myitkyina 2024-06-13"]);
    }

    #[test]
    fn a_continent_is_no_place_a_clause_without_one_inherits() {
        let found = events(
            "Junta jets bombed Hpakant on Monday.\n\nThe KIA is one of the strongest armed \
             groups in Asia. Its leaders met in the hills. They drank tea. The army shelled rebel \
             positions on Thursday.",
        );
        assert!(
            found.contains(&"shelling MM_MILITARY Hpakant 2024-06-13".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn days_named_by_date_and_places_of_a_list_stay_apart() {
        assert_eq!(
            events(
                "Russian missiles hit Kharkiv on 12 June, killing four people, regional officials said.\n\nRussian missiles struck Kharkiv again on 13 June, the governor said, damaging a school."
            ),
            [
                "shelling RU_GOV Kharkiv 2024-06-12",
                "shelling RU_GOV Kharkiv 2024-06-13"
            ]
        );
        assert_eq!(
            events("The KIA took Chipwi on 29 September and Pangwa on 18 October, the group said."),
            [
                "territory_captured KIA Chipwi 2023-09-29",
                "territory_captured KIA Pangwa 2023-10-18"
            ]
        );
        assert_eq!(
            events(
                "Junta aircraft bombed the villages of Aung Myay and Lawa Yang in Waingmaw Township on Tuesday, killing six people."
            ),
            [
                "air_strike MM_MILITARY Aung Myay 2024-06-11",
                "air_strike MM_MILITARY Lawa Yang 2024-06-11"
            ]
        );
    }

    #[test]
    fn a_column_is_the_state_forces_of_the_story() {
        let found = events(
            "Regime troops burned houses in Myaing Township on Sunday. Two villages nearby, Kone Gyi and Ywa Thit, had been ransacked by the same column.",
        );
        assert_has(&found, "property_destruction MM_MILITARY");
    }

    #[test]
    fn a_trigger_glued_to_one_of_its_kind_keeps_the_object_of_the_phrase() {
        assert_eq!(
            actor2_of(
                "Hezbollah fired a barrage of rockets at an Israeli army post on Monday.",
                super::EventKind::Shelling
            )
            .as_deref(),
            Some("IL_GOV")
        );
    }

    #[test]
    fn a_strike_blamed_on_or_attributed_to_a_group_is_that_group_s() {
        // "attributed to" is looked for in the window cut for "blamed on", of as many words.
        assert_each_has(
            &[
                "Drone strikes blamed on the RSF hit Port Sudan on Wednesday.",
                "Drone strikes attributed to the RSF hit Port Sudan on Wednesday.",
            ],
            "air_strike RSF Port Sudan",
        );
    }

    #[test]
    fn a_country_s_adjective_before_a_guided_weapon_names_its_forces() {
        assert_each_has(
            &["Two Russian guided aerial bombs struck Zaporizhzhia on Wednesday."],
            "air_strike RU_GOV Zaporizhzhia",
        );
    }

    #[test]
    fn the_fall_of_a_town_to_a_group_is_that_group_s_capture() {
        assert_each_has(
            &[
                "The fall of Lashio to the MNDAA in August shocked the junta.",
                "The deal follows the fall of Laukkai, the capital of Kokang, to the MNDAA in January.",
            ],
            "territory_captured MNDAA",
        );
        let found = events("The fall of Lashio dealt a heavy blow to the military.");
        assert_lacks(&found, "territory_captured MM_MILITARY");
    }

    #[test]
    fn a_clash_with_no_named_side_takes_a_fighter_from_before_not_a_host_of_talks() {
        let found = events(
            "Junta jets bombed Laiza on Monday. China hosted talks with the KIO in Kunming on Tuesday. Clashes broke out around Momauk on Wednesday.",
        );
        assert_has(&found, "armed_clash MM_MILITARY Momauk");
    }

    #[test]
    fn a_place_heading_the_subject_is_the_place_of_its_fall_not_its_apposition_s() {
        let found = events(
            "Bara, about 60 kilometres north of El Obeid on the road to Omdurman, fell to the RSF on 25 October. The army had recaptured the town only in September.",
        );
        assert_has(&found, "territory_captured RSF Bara");
        assert_has(&found, "territory_captured SAF Bara");
        assert_lacks(&found, "territory_captured RSF Omdurman");
    }

    #[test]
    fn a_place_of_an_event_told_after_after_is_that_event_s() {
        let found = events(
            "In Kani Township, soldiers torched homes in four villages last week after a PDF ambush on a convoy on the Monywa-Kalay road.",
        );
        assert_has(&found, "attack_on_civilians MM_MILITARY Kani");
        assert_has(&found, "armed_clash PDF Monywa-Kalay road");
    }

    #[test]
    fn the_base_shells_were_fired_from_is_no_place_of_the_shelling() {
        let found = events(
            "Shells fired from the army's Light Infantry Battalion 250 base landed in homes in Loikaw on Tuesday, wounding six civilians.",
        );
        assert_has(&found, "shelling MM_MILITARY Loikaw");
    }

    #[test]
    fn a_date_after_and_opens_the_next_clause_not_a_list() {
        let found = events(
            "The KIA took Laiza in March 2024. That September it captured Chipwi, and in October it took Pangwa.",
        );
        assert_has(&found, "territory_captured KIA Chipwi 2024-09-01");
    }

    #[test]
    fn headlines_captions_and_links_give_no_events() {
        let found = events(
            "Jets bomb Laiza market as KIA takes Mansi\n\nMYITKYINA — KIA fighters took the army camp in Mansi on Monday.\nA file photo shows junta jets bombing Laiza in 2023.\nREAD MORE: Junta jets bomb Waingmaw village as thousands flee the fighting across Kachin State",
        );
        assert_has(&found, "territory_captured KIA Mansi");
        assert_lacks(&found, "air_strike");
        assert_lacks(&found, "displacement");
    }

    #[test]
    fn a_headline_names_no_place_for_the_body() {
        let found = events(
            "Jet strike on Mindat market kills five as rivals agree truce\nPhoto: Smoke rises over Mindat's central market\n\nMINDAT — A military jet bombed the central market in Mindat on Monday, killing five civilians.",
        );
        assert_has(&found, "air_strike MM_MILITARY Mindat ");
        assert_lacks(&found, "agreement");
    }

    #[test]
    fn a_lead_dated_by_its_report_keeps_it_over_a_day_carried_over() {
        let found = events(
            "GWA — The AA said on Thursday that it had seized full control of Gwa town after a three-week siege.\n\nAn airstrike on the town on 10 June killed six civilians.\n\nMost residents fled before the AA entered the town.",
        );
        assert_has(&found, "territory_captured AA Gwa 2024-06-13");
    }

    #[test]
    fn the_party_reporting_a_fight_is_none_of_its_sides() {
        let sides: Vec<String> =
            analyse("Thousands fled after the RSF attacked En Nahud on Monday, the UN said.")
                .into_iter()
                .filter_map(|e| e.actor2.map(|a| a.0))
                .collect();
        assert!(!sides.contains(&"UN".to_string()), "{sides:?}");
    }

    #[test]
    fn villages_fled_to_are_no_place_of_the_flight() {
        let found = events(
            "About 2,000 residents of Kyondoe fled across the river to villages in Hpa-an Township on Wednesday.",
        );
        assert_has(&found, "displacement - Kyondoe");
        assert_lacks(&found, "displacement - Hpa-an");
    }

    #[test]
    fn forces_under_the_command_of_a_group_are_that_group_s() {
        let found = events(
            "Junta troops shelled Waingmaw on Monday. On Friday, allied units under the command of the Kachin Independence Army (KIA) took the police station in Mansi.",
        );
        assert_has(&found, "territory_captured KIA Mansi");
    }

    #[test]
    fn an_apposition_after_a_bracketed_abbreviation_describes_the_group() {
        let found = events(
            "Fighters of the Allied Democratic Forces (ADF), an Islamic State-linked group, killed 20 villagers in Lubero on Friday.",
        );
        assert_has(&found, "attack_on_civilians ADF Lubero");
    }

    #[test]
    fn a_town_handed_back_is_the_place_not_the_state_opening_the_sentence() {
        let found = events(
            "In northern Shan State, the MNDAA handed Lashio back to the junta on Tuesday, months after seizing the city in August.",
        );
        assert_has(&found, "territory_captured MM_MILITARY Lashio");
        assert_lacks(&found, "territory_captured MM_MILITARY Shan");
    }

    #[test]
    fn a_place_after_a_name_joined_to_a_participle_is_the_strike_s() {
        let found = events(
            "Fighting went on in Hsipaw. Junta aircraft struck a market in TNLA-held Kyaukme on Monday.",
        );
        assert_has(&found, "air_strike MM_MILITARY Kyaukme");
    }

    #[test]
    fn each_party_of_a_coordinated_subject_calls_for_talks() {
        let found = events(
            "The United States and the European Union called on both sides to end the fighting.",
        );
        assert_has(&found, "call_for_talks US_GOV");
        assert_has(&found, "call_for_talks EU");
        // An "and" between clauses shares no subject.
        let found = events("The junta bombed Momauk on Monday and the KIA called for talks.");
        assert_lacks(&found, "call_for_talks MM_MILITARY");
        // "It" stands for the one party speaking, not for the pair of the sentence before.
        let found = events(
            "The United States and Egypt have asked for calm. The RSF said it was willing to hold talks.",
        );
        assert_has(&found, "call_for_talks RSF");
        assert_lacks(&found, "call_for_talks US_GOV");
    }

    #[test]
    fn a_mine_planted_by_a_group_is_that_group_s_not_its_victims() {
        // The truck's side hit the mine; the "planted by" phrase names who laid it.
        assert_each_has(
            &[
                "A landmine planted by the KIA killed three junta soldiers near Waingmaw on Friday.",
                "Three junta soldiers died near Waingmaw on Friday when their truck hit a landmine laid by the KIA.",
            ],
            "remote_explosive KIA Waingmaw",
        );
    }

    #[test]
    fn a_leader_named_before_a_coordinated_title_reads_without_panic() {
        // The "and" inside the leader's title opens the subject after the leader's name.
        let found = events(
            "The claims came as a delegation led by Min Aung Hlaing, head of the Security and Defence Council, held talks with Chinese officials in Kunming on Sunday.",
        );
        assert_has(&found, "visit_or_meeting MM_MILITARY Kunming");
    }

    #[test]
    fn an_actor_right_before_a_noun_trigger_is_its_agent() {
        let found = events(
            "The town of Mindat in Chin State, held by the Chinland Defence Force (CDF), was hit by junta airstrikes on Monday.",
        );
        assert_has(&found, "air_strike MM_MILITARY ");
        assert_lacks(&found, "air_strike CDF ");
    }

    #[test]
    fn the_agent_of_last_resort_is_not_the_owner_of_the_target() {
        let found = events(
            "Fighting flared on Monday near the junta's outposts around Bhamo, as the Kachin Independence Army (KIA) kept up its offensive.",
        );
        assert_has(&found, "armed_clash KIA Bhamo");
    }

    #[test]
    fn a_country_s_strikes_are_its_air_strikes() {
        let found = events("Israeli strikes hit Gaza City on Tuesday.");
        assert_has(&found, "air_strike IL_GOV Gaza");
        assert_lacks(&found, "armed_clash");
    }

    #[test]
    fn the_forces_acted_on_are_no_agent_of_last_resort() {
        let found = events("Rebels ambushed a military convoy near Goma on Friday.");
        assert_has(&found, "armed_clash - Goma");
        let found = events("A roadside bomb killed four soldiers near Kidal on Sunday.");
        assert_eq!(found, ["remote_explosive - Kidal 2024-06-09"]);
    }

    #[test]
    fn an_attack_on_neighbourhoods_is_on_civilians() {
        let found =
            events("Viv Ansanm gunmen attacked two neighbourhoods of Saint-Marc on Sunday.");
        assert!(
            found
                .iter()
                .all(|e| e.starts_with("attack_on_civilians VIV_ANSANM")),
            "{found:?}"
        );
    }

    #[test]
    fn civilians_displaced_after_the_object_are_no_target_of_the_attack() {
        assert_kind_events(
            "On Monday the KIA launched attacks on Hill Ridge town and Bhamo, displacing civilians.",
            "armed_clash",
            &[
                "armed_clash KIA Hill Ridge 2024-06-10",
                "armed_clash KIA Bhamo 2024-06-10",
            ],
        );
    }

    #[test]
    fn a_post_named_for_its_village_is_no_civilian_target() {
        let found = events("KIA fighters attacked the junta's village base near Bhamo on Sunday.");
        assert!(
            found.iter().all(|e| e.starts_with("armed_clash KIA")) && !found.is_empty(),
            "{found:?}"
        );
    }

    #[test]
    fn mines_that_kill_or_hit_soldiers_are_their_enemy_s_remote_explosives() {
        let found =
            events("Four junta soldiers were killed by mines near Bhamo on Monday, the KIA said.");
        assert_has(&found, "remote_explosive KIA Bhamo");
        let found =
            events("A KIA mine ambush on an army convoy near Bhamo killed six soldiers on Monday.");
        assert_eq!(found, ["remote_explosive KIA Bhamo 2024-06-10"]);
        let found = events("Army troops were attacked with homemade mines near Bhamo on Monday.");
        assert_eq!(found, ["remote_explosive - Bhamo 2024-06-10"]);
    }

    #[test]
    fn mines_an_attacker_used_are_the_attacker_s() {
        // The weapon after "with" is the subject's, not the target's named before it.
        let text =
            "KIA fighters ambushed a junta supply column near Bhamo with landmines on Sunday.";
        assert_eq!(events(text), ["remote_explosive KIA Bhamo 2024-06-09"]);
    }

    #[test]
    fn a_raid_on_a_village_told_with_the_raiders_deeds_is_those_deeds() {
        let text =
            "Junta troops raided Hill Ridge village near Bhamo on Sunday and arrested ten men.";
        let found = events(text);
        assert_has(&found, "arrest MM_MILITARY");
        assert_lacks(&found, "attack_on_civilians");
        let found = events("Junta troops raided Hill Ridge village near Bhamo on Sunday.");
        assert_has(&found, "attack_on_civilians MM_MILITARY");
        // A deed that is the raid's own kind stays beside the others.
        let found = events(
            "Junta troops raided Hill Ridge village on Sunday, setting fire to 20 houses and \
             arresting six men.",
        );
        assert_has(&found, "attack_on_civilians MM_MILITARY");
        assert_has(&found, "arrest MM_MILITARY");
        // Civilians harmed in the phrase after the object were the raid's targets.
        let found = events("KIA fighters raided Mansi and Nam Hkam, shooting residents.");
        assert_lacks(&found, "armed_clash");
        assert_has(&found, "attack_on_civilians KIA Mansi");
    }

    #[test]
    fn drones_only_seen_strike_nothing() {
        for text in [
            "Before the raid, a junta drone was scouting the road near Bhamo.",
            "Army drones were sighted over Bhamo on Sunday, residents said.",
            "The junta has been flying drone patrols over Bhamo this week.",
        ] {
            assert_lacks(&events(text), "air_strike");
        }
        let found = events("A junta drone bombed a school in Bhamo on Sunday.");
        assert_has(&found, "air_strike MM_MILITARY Bhamo");
    }

    #[test]
    fn jet_fighters_and_aircraft_joined_by_another_arm_strike_from_the_air() {
        let found = events("Army aircraft and gunboats pounded Bhamo on Wednesday.");
        assert_has(&found, "air_strike MM_MILITARY Bhamo");
        let found = events("The army raided a KIA camp near Bhamo on Friday using jet fighters.");
        assert_eq!(found, ["air_strike MM_MILITARY Bhamo 2024-06-14"]);
    }

    #[test]
    fn an_onslaught_is_an_attack() {
        let found =
            events("KIA fighters kept up their onslaught on junta positions in Bhamo on Monday.");
        assert_has(&found, "armed_clash KIA Bhamo");
    }

    #[test]
    fn an_incursion_is_an_offensive() {
        let found = events("The army's incursion into KIA territory near Bhamo began on Monday.");
        assert_has(&found, "armed_clash MM_MILITARY Bhamo");
    }

    #[test]
    fn civilians_do_not_attack_themselves() {
        let found = events(
            "Protesters marched in Dhaka on Monday. Police opened fire on the crowd in Dhaka, killing three people.",
        );
        assert_lacks(&found, "attack_on_civilians CIVILIANS");
    }

    #[test]
    fn a_pronoun_in_a_fronted_clause_is_the_main_subject() {
        let found = events(
            "Junta jets bombed Sezin on Monday. Since they opened their offensive on 2 May, the KIA and its allies have taken Tamakan.",
        );
        assert_has(&found, "armed_clash KIA ");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn a_singular_pronoun_does_not_stand_for_plural_troops() {
        let found = events(
            "The TNLA said dozens of junta troops died when it had stormed their camp near Hpakant on Friday.",
        );
        assert_has(&found, "armed_clash TNLA ");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn a_pronoun_before_the_verb_after_a_fronted_phrase_is_the_subject() {
        let found = events(
            "The KIA attacked junta troops near Hpakant on Monday. By Friday, it had captured Sezin.",
        );
        assert_has(&found, "territory_captured KIA Sezin");
    }

    #[test]
    fn an_event_a_duration_after_opens_is_dated_back_from_the_sentences_date() {
        let found = events(
            "The KIA captured Hpakant on Friday, a day after it attacked the junta camp in Sezin.",
        );
        assert!(
            found.contains(&"armed_clash KIA Sezin 2024-06-13".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"territory_captured KIA Hpakant 2024-06-14".to_string()),
            "{found:?}"
        );
        // An event outside such a clause moves from the date the clause gives.
        let found =
            events("Two days after the KIA took Waingmaw on 3 June, junta jets bombed the town.");
        assert!(
            found.contains(&"air_strike MM_MILITARY Waingmaw 2024-06-05".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"territory_captured KIA Waingmaw 2024-06-03".to_string()),
            "{found:?}"
        );
        // "N days later" after a semicolon counts from the clause before.
        let found = events(
            "On 3 June the KIA attacked Bhamo; three days later it took the town's airport.",
        );
        assert!(
            found.contains(&"territory_captured KIA Bhamo 2024-06-06".to_string()),
            "{found:?}"
        );
        // A date of the clause's own is its event's.
        let found = events(
            "The KIA attacked Sezin in late May, a week after it captured Hpakant on 18 May.",
        );
        assert!(
            found.contains(&"territory_captured KIA Hpakant 2024-05-18".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_after_a_places_apposition_is_the_places() {
        let found = events(
            "The KIA seized Bhamo in late May, and took Myitkyina, the capital of the state, on 6 June.",
        );
        assert!(
            found.contains(&"territory_captured KIA Myitkyina 2024-06-06".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn an_actor_owning_the_object_is_not_the_agent_of_a_later_noun() {
        let found =
            events("The KIA overran the last junta camp in Shwegu on Monday after a long assault.");
        assert_has(&found, "armed_clash KIA Shwegu");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn the_town_may_be_a_township_named_bare() {
        // The gazetteer knows Buthidaung only as a township.
        let found = events(
            "The AA entered Maungdaw on Friday. Junta troops raided Buthidaung on Sunday and then torched the town.",
        );
        assert_has(&found, "attack_on_civilians MM_MILITARY Buthidaung");
        assert_lacks(&found, "attack_on_civilians MM_MILITARY Maungdaw");
    }

    #[test]
    fn a_list_going_on_from_a_point_of_reference_names_points_of_reference() {
        let found = events(
            "Junta troops burned homes along the road linking Loikaw, Demoso and Bawlakhe on Monday.",
        );
        assert_lacks(&found, "attack_on_civilians MM_MILITARY Demoso");
        assert_lacks(&found, "attack_on_civilians MM_MILITARY Bawlakhe");
    }

    #[test]
    fn a_foreign_country_in_another_clause_is_no_fighter() {
        let found = events(
            "LASHIO — The MNDAA and the junta have fought over Shan State for a year. \
             China brokered a truce in January, but fighting resumed in Lashio on Monday.",
        );
        assert_has(&found, "armed_clash MNDAA Lashio");
        assert_lacks(&found, "armed_clash CN_GOV");
    }

    #[test]
    fn a_state_protesting_is_no_street_protest() {
        let found = events(
            "Thailand protested to the junta on Monday after shells killed two villagers in Mae Sot.",
        );
        assert_lacks(&found, "protest ");
        assert_has(
            &events("Hundreds of villagers protested in Monywa on Monday."),
            "protest CIVILIANS Monywa",
        );
    }

    #[test]
    fn a_place_after_on_the_only_locates_the_place_before() {
        let found = events("The KIA captured Shwegu on the Irrawaddy River on Monday.");
        assert_eq!(found, ["territory_captured KIA Shwegu 2024-06-10"]);
        let found = events("The KIA took Shwegu, a town on the Irrawaddy river, on Monday.");
        assert_eq!(found, ["territory_captured KIA Shwegu 2024-06-10"]);
    }

    #[test]
    fn a_verb_right_after_and_shares_the_subject_before() {
        let found = events(
            "The KIA described the raid on Hpakant as a crime and warned the junta on Friday.",
        );
        assert_has(&found, "pressure_or_threat KIA ");
        let found = events(
            "The KIO voiced alarm at reports that junta troops had killed villagers in Hpakant and warned of reprisals.",
        );
        assert_lacks(&found, "pressure_or_threat MM_MILITARY");
    }

    #[test]
    fn a_pronoun_after_a_reporting_verb_is_the_reporter() {
        let found = events(
            "The junta said its troops left Hpakant after the KIA, the group the army has fought for years, announced it had taken the town.",
        );
        assert_has(&found, "territory_captured KIA ");
        assert_lacks(&found, "territory_captured MM_MILITARY ");
    }

    #[test]
    fn a_tie_between_two_countries_is_broken_the_same_way_every_time() {
        // "Fano" is a town in Italy and a militia in Ethiopia: one vote each, at one place.
        let text = "Fano said the army attacked the town on Friday.";
        let first = events(text);
        assert_has(&first, "armed_clash ENDF ");
        for _ in 0..16 {
            assert_eq!(events(text), first);
        }
    }

    #[test]
    fn a_village_in_its_township_gives_one_event_even_far_from_the_townships_centre() {
        // Sezin lies some 47 km from Hpakant Township's point; the gazetteer puts it inside.
        let found = events(
            "KIA fighters captured a junta outpost at Sezin in Hpakant Township on Wednesday.",
        );
        assert_has(&found, "territory_captured KIA Sezin");
        assert!(!found.iter().any(|e| e.contains("Hpakant")), "{found:?}");
    }

    #[test]
    fn an_actor_fighting_alongside_the_agent_is_no_patient() {
        assert_eq!(
            actor2_of(
                "The AA fought alongside the TNLA near Lashio on Monday.",
                super::EventKind::ArmedClash
            )
            .as_deref(),
            Some("MM_MILITARY")
        );
    }

    #[test]
    fn a_relative_clause_has_its_antecedent_as_agent() {
        let found = events(
            "The AA belongs to the Northern Alliance, which launched an offensive near Lashio in October.",
        );
        assert_has(&found, "armed_clash THREE_BROTHERHOOD_ALLIANCE ");
        assert_lacks(&found, "armed_clash AA ");
    }

    #[test]
    fn a_definite_trigger_with_no_actor_goes_on_telling_the_last_event() {
        let found = events(
            "The KIA fought junta troops near Hpakant on Friday. The clashes broke out on Thursday night around the villages of Sezin and Tamakan.",
        );
        assert!(
            found.contains(&"armed_clash KIA Sezin 2024-06-13".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"armed_clash KIA Tamakan 2024-06-13".to_string()),
            "{found:?}"
        );
        assert!(events("The clashes broke out on Thursday night around Sezin.").is_empty());
    }

    #[test]
    fn an_event_still_going_on_runs_to_the_publication_day() {
        let events = analyse(
            "The KIA attacked junta troops in Hpakant on Thursday, and the fighting was still going on.",
        );
        let date = events
            .iter()
            .find(|e| e.kind == super::EventKind::ArmedClash)
            .and_then(|e| e.date)
            .expect("a dated clash");
        assert_eq!(
            (date.start.to_string(), date.end.to_string()),
            ("2024-06-13".into(), "2024-06-15".into())
        );
        // A capture is done when told: what goes on is the fighting after it.
        let found = dated(
            "The KIA seized the junta outpost at Mansi on Thursday, and fighting has continued \
             around Bhamo since then.",
        );
        assert!(
            found.contains(&"territory_captured Mansi 2024-06-13..2024-06-13".to_string()),
            "{found:?}"
        );
    }

    /// Each event's kind, place and date as `kind place start..end`.
    fn dated(text: &str) -> Vec<String> {
        analyse(text)
            .into_iter()
            .map(|e| {
                let place = e.location.map_or("-".to_string(), |l| l.name);
                let date = e
                    .date
                    .map_or("-".to_string(), |d| format!("{}..{}", d.start, d.end));
                format!("{} {place} {date}", e.kind.as_str())
            })
            .collect()
    }

    #[test]
    fn a_verb_after_has_since_runs_from_the_story_date_to_publication() {
        let found = dated(
            "The KIA attacked junta troops near Hpakant in March. It has since driven hundreds of families in Sezin from their homes.",
        );
        assert!(
            found.contains(&"displacement Sezin 2024-03-01..2024-06-15".to_string()),
            "{found:?}"
        );
        // Only the verb after it: the attack of the same sentence stays in March.
        let found = dated(
            "The KIA attacked junta troops near Hpakant in March and has since seized Sezin.",
        );
        assert!(
            found.contains(&"armed_clash Hpakant 2024-03-01..2024-03-31".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"territory_captured Sezin 2024-03-01..2024-06-15".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn what_a_since_clause_modifies_runs_from_the_story_date_to_publication() {
        let story = "The KIA attacked junta troops near Hpakant on 2 May. ";
        for sentence in [
            "Villagers have fled Sezin since the fighting began.",
            "Since the fighting began, villagers have fled Sezin.",
        ] {
            let found = dated(&format!("{story}{sentence}"));
            assert!(
                found.contains(&"displacement Sezin 2024-05-02..2024-06-15".to_string()),
                "{sentence}: {found:?}"
            );
        }
        // An event of another clause keeps the story's day.
        let found = dated(&format!(
            "{story}Junta jets bombed Sezin and villagers have stayed away since the fighting began."
        ));
        assert!(
            found.contains(&"air_strike Sezin 2024-05-02..2024-05-02".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_restatement_dated_only_by_the_story_keeps_the_stated_range() {
        // The last paragraph carries 3 June over, the last day the text gave.
        let found = dated(
            "The army began an offensive near Hpakant on 3 June. Junta jets bombed Sezin in the first week of the offensive.\n\nAir raids on Sezin have also been reported.",
        );
        let strikes: Vec<&String> = found
            .iter()
            .filter(|e| e.starts_with("air_strike Sezin"))
            .collect();
        assert_eq!(
            strikes,
            ["air_strike Sezin 2024-06-03..2024-06-09"],
            "{found:?}"
        );
    }

    #[test]
    fn captured_places_listed_after_the_capture_take_its_date() {
        let found = dated(
            "The rebels captured six villages near Hpakant on Monday.\n\nThe army shelled Sezin on Wednesday.\n\nThe newly captured villages include Mansi and Momauk.",
        );
        for place in ["Mansi", "Momauk"] {
            let capture = format!("territory_captured {place} 2024-06-10..2024-06-10");
            assert!(found.contains(&capture), "{capture} in {found:?}");
        }
    }

    #[test]
    fn a_place_in_a_clause_a_duration_opens_is_dated_back_even_after_a_noun_trigger() {
        let found = dated(
            "KIA fighters took Hpakant on Friday. Its capture came two days after the same fighters seized Sezin.",
        );
        assert!(
            found.contains(&"territory_captured Sezin 2024-06-12..2024-06-12".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"territory_captured Hpakant 2024-06-14..2024-06-14".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_since_range_in_the_past_perfect_ends_at_the_last_event() {
        let story = "KIA fighters took Hpakant on Friday. ";
        let shelling = |sentence: &str| {
            dated(&format!("{story}{sentence}"))
                .into_iter()
                .find(|e| e.starts_with("shelling"))
        };
        assert_eq!(
            shelling("They had been shelling Hpakant since 2 May.").as_deref(),
            Some("shelling Hpakant 2024-05-02..2024-06-14")
        );
        // The present perfect, and a report, run to publication.
        assert_eq!(
            shelling("They have been shelling Hpakant since 2 May.").as_deref(),
            Some("shelling Hpakant 2024-05-02..2024-06-15")
        );
        assert_eq!(
            shelling("The KIA said it had been shelling Hpakant since 2 May.").as_deref(),
            Some("shelling Hpakant 2024-05-02..2024-06-15")
        );
    }

    #[test]
    fn an_event_loosely_after_the_story_date_takes_its_month() {
        let found = dated(
            "The KIA attacked junta troops near Hpakant on 3 May. Villagers fled Sezin soon afterwards.",
        );
        assert!(
            found.contains(&"armed_clash Hpakant 2024-05-03..2024-05-03".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"displacement Sezin 2024-05-01..2024-05-31".to_string()),
            "{found:?}"
        );
        // "at the time" counts from the story's date: it gives the sentence no date of its own.
        let found = dated(
            "The KIA attacked junta troops near Hpakant on 3 May. Soon afterwards villagers fled Sezin, a monk said at the time.",
        );
        assert!(
            found.contains(&"displacement Sezin 2024-05-01..2024-05-31".to_string()),
            "{found:?}"
        );
        // "Shortly afterwards" means hours: the day holds.
        let found = dated(
            "The KIA attacked junta troops near Hpakant on 3 May. Shortly afterwards villagers fled Sezin.",
        );
        assert!(
            found.contains(&"displacement Sezin 2024-05-03..2024-05-03".to_string()),
            "{found:?}"
        );
        // A date of the sentence's own keeps the day.
        let found = dated(
            "The KIA attacked junta troops near Hpakant on 3 May. On 5 May, soon after the attack, villagers fled Sezin.",
        );
        assert!(
            found.contains(&"displacement Sezin 2024-05-05..2024-05-05".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_case_heading_names_no_post() {
        let found = events(
            "Jets Strike Villages After Rebels Seize Hill Camp\nThe KIA captured a junta camp on the border on Friday.",
        );
        assert!(!found.iter().any(|e| e.contains("Seize")), "{found:?}");
    }

    #[test]
    fn what_fell_was_its_owners_not_the_speakers() {
        let text = "The junta's Light Infantry Battalion 345 fell on Friday, the AA said.";
        let lost: Vec<Option<super::ActorId>> =
            analyse(text).into_iter().map(|e| e.actor2).collect();
        assert_eq!(lost, [Some(super::ActorId("MM_MILITARY".into()))]);
    }

    #[test]
    fn an_actor_in_an_apposition_describes_the_subject() {
        let found = events("On Monday the KIA, a TNLA ally, seized Mansi town.");
        assert_has(&found, "territory_captured KIA Mansi");
        assert_lacks(&found, "territory_captured TNLA");
    }

    #[test]
    fn a_village_raided_where_armed_sides_fought_was_a_battleground() {
        let found = events(
            "On Monday, junta soldiers raided Sezin village and clashed with KIA fighters there.",
        );
        assert_lacks(&found, "attack_on_civilians");
        assert_has(&found, "armed_clash MM_MILITARY Sezin");
        // With no fight told, the raid on the village is one on its people.
        assert_has(
            &events("On Monday, junta soldiers raided Sezin village and burned the market."),
            "attack_on_civilians MM_MILITARY Sezin",
        );
    }

    #[test]
    fn people_displaced_after_a_deed_told_before_them_fled_its_doer() {
        let found = events(
            "Junta troops torched four villages in Hpakant on Monday, and 3,000 residents have been displaced.",
        );
        assert_has(&found, "displacement MM_MILITARY Hpakant");
        // With no deed told before, across a contrast, or after another cause, no one is
        // named.
        for text in [
            "About 3,000 residents of Hpakant have been displaced since Monday.",
            "The KIA took Bhamo on Monday, while in Sittwe 3,000 people were displaced.",
            "The KIA took Bhamo on Monday, and 3,000 people in Sittwe were displaced by floods.",
        ] {
            assert_lacks(&events(text), "displacement KIA");
            assert_has(&events(text), "displacement - ");
        }
    }

    #[test]
    fn what_came_under_attack_was_attacked() {
        let text = "KIA positions near Hpakant came under heavy shelling on Monday.";
        assert_has(&events(text), "shelling MM_MILITARY Hpakant");
        let attacked: Vec<Option<super::ActorId>> =
            analyse(text).into_iter().map(|e| e.actor2).collect();
        assert_eq!(attacked, [Some(super::ActorId("KIA".into()))]);
        // "came in an offensive" is no exposure: the KIA's own advance.
        assert_has(
            &events("The KIA's advance came in an offensive launched near Bhamo on Monday."),
            "armed_clash KIA Bhamo",
        );
    }

    #[test]
    fn a_place_anaphor_with_nothing_before_it_leaves_the_clause_s_places() {
        assert_has(
            &events("KIA troops attacked the camp in Kachin State on Monday."),
            "armed_clash KIA Kachin",
        );
        // With a camp told before, "the camp" is that one.
        assert_has(
            &events(
                "The army built a camp at Hpakant in May. KIA troops attacked the camp in Kachin State on Monday.",
            ),
            "armed_clash KIA Hpakant",
        );
    }

    #[test]
    fn a_political_body_fights_through_its_armed_wing() {
        let found = events(
            "The KIO captured Bhamo on Monday. The KIO and the junta agreed to a ceasefire on Tuesday.",
        );
        assert_has(&found, "territory_captured KIA Bhamo");
        assert_has(&found, "agreement KIO");
    }

    #[test]
    fn an_existential_names_no_agent_nor_its_reporter() {
        let found = events("A police spokesman said there were two abductions in Bhamo on Monday.");
        assert_has(&found, "abduction - Bhamo");
        assert_lacks(&found, "abduction MM_MILITARY");
        // A "by" further on still names the agent.
        assert_has(
            &events("There were arrests of young men by junta soldiers in Bhamo on Saturday."),
            "arrest MM_MILITARY Bhamo",
        );
    }

    #[test]
    fn who_repelled_an_attack_was_attacked() {
        // The defenders are the target; the attackers are named by "by" or not at all.
        let text = "Army troops foiled an attack on their camp near Hpakant on Monday.";
        assert_lacks(&events(text), "armed_clash MM_MILITARY");
        let attacked: Vec<Option<super::ActorId>> =
            analyse(text).into_iter().map(|e| e.actor2).collect();
        assert_eq!(attacked, [Some(super::ActorId("MM_MILITARY".into()))]);
        assert_has(
            &events("Army troops thwarted a dawn raid by the KIA near Hpakant on Monday."),
            "armed_clash KIA Hpakant",
        );
    }

    #[test]
    fn a_group_counted_in_the_object_is_acted_on() {
        // "two KIA camps" are what was attacked; the jets are the junta's.
        let found = events(
            "On Friday, junta troops attacked two KIA camps with fighter jets near Hpakant.",
        );
        assert_has(&found, "air_strike MM_MILITARY Hpakant");
        assert_lacks(&found, "air_strike KIA");
    }

    #[test]
    fn fighting_that_goes_on_at_named_places_after_an_armed_event_is_a_clash_there() {
        let found = events(
            "The AA took Buthidaung on Monday. Fighting continues in Maungdaw and Kyauktaw.",
        );
        assert_has(&found, "armed_clash AA Maungdaw");
        assert_has(&found, "armed_clash AA Kyauktaw");
        // With no war told just before, or named no place, no one is known to fight.
        assert_lacks(
            &events("Fighting continues in Maungdaw and Kyauktaw."),
            "armed_clash",
        );
        assert_lacks(
            &events("The AA took Buthidaung on Monday. Fighting continues, residents said."),
            "armed_clash",
        );
        // Nor after a meeting, nor in another country.
        assert_lacks(
            &events(
                "A KIO delegation met envoys in Kunming on Monday. Fighting continues in Bhamo.",
            ),
            "armed_clash",
        );
        assert_lacks(
            &events("The AA took Buthidaung on Monday. Fighting continues in Gaza."),
            "armed_clash",
        );
        // A few words may open the clause before the fighting.
        let lead = "KIA fighters attacked a junta base near Waingmaw on Monday.";
        assert_has(
            &events(&format!(
                "{lead} Last week, clashes broke out near Sumprabum."
            )),
            "armed_clash KIA Sumprabum",
        );
        assert_has(
            &events(&format!(
                "{lead} Apart from Waingmaw, there have also been clashes in Tanai."
            )),
            "armed_clash KIA Tanai",
        );
    }

    #[test]
    fn a_place_word_that_names_its_place_is_no_anaphor() {
        // "the base in X" is located by X, even with no base told before.
        let found = events("The KNLA attacked the base in Hpapun on Monday.");
        assert_has(&found, "armed_clash KNLA Hpapun");
        // "the base at dawn" still refers back.
        let found = events(
            "The KNLA took a base near Hpapun on Sunday. Jets bombed the base at dawn on Monday.",
        );
        assert_has(&found, "air_strike MM_MILITARY Hpapun");
        // A region after the anaphor only locates the town told before.
        let found = events(
            "The TNLA took Lashio on Monday. Junta jets bombed the town in northern Shan State on Tuesday.",
        );
        assert_has(&found, "air_strike MM_MILITARY Lashio");
    }

    #[test]
    fn doers_named_only_as_gunmen_after_by_are_no_one() {
        // Not the other side of the dead: the text names no group.
        let text = "Eight Nigerien soldiers were killed in an ambush by unknown gunmen in Tillaberi on Monday. Mali denied any role.";
        assert_has(&events(text), "armed_clash - ");
        // The dead are still the side attacked.
        let attacked: Vec<Option<super::ActorId>> =
            analyse(text).into_iter().map(|e| e.actor2).collect();
        assert_eq!(attacked, [Some(super::ActorId("NE_GOV".into()))]);
        // Doers already told of, and doers the actor stage names, still act.
        let found = events(
            "The TNLA attacked the Hill Ridge camp on Monday. Two guards were killed in the raid by the attackers.",
        );
        assert_lacks(&found, "armed_clash - ");
        assert_has(
            &events("Two guards were killed in an ambush by KIA fighters near Hill Ridge."),
            "armed_clash KIA ",
        );
    }

    #[test]
    fn civilians_killed_in_an_attack_by_a_group_are_its_victims() {
        // The force after "by" did it: the attack is on civilians, and one event, the
        // group's, not also an uncredited killing.
        let found = events(
            "Twelve villagers were killed in an attack by the RSF near Hill Ridge on Monday.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_has(&found, "attack_on_civilians RSF ");
        // A force after "on" is the target, also after the doer's "by".
        assert_has(
            &events(
                "Twelve villagers were killed in an attack by the RSF on army positions near El Fasher.",
            ),
            "armed_clash RSF El Fasher",
        );
        assert_has(
            &events("Twelve villagers were killed in an attack on RSF positions near Hill Ridge."),
            "armed_clash ",
        );
        // An uncredited killing in a sentence of its own stays.
        let found = events(
            "Twelve villagers were killed near Mellit on Monday. RSF fighters killed five villagers in Tawila on Tuesday.",
        );
        assert_has(&found, "attack_on_civilians - ");
        assert_has(&found, "attack_on_civilians RSF ");
    }

    #[test]
    fn a_described_attack_after_this_refers_back() {
        // "this cowardly attack" is the attack told before, not the speaker's own.
        let told = "KIA fighters attacked an army post near Hpakant on Monday.";
        let found = events(&format!(
            "{told} \"We lost five soldiers in this cowardly attack,\" a junta officer said."
        ));
        assert_eq!(found, ["armed_clash KIA Hpakant 2024-06-10"]);
        // "the first attack" tells of another.
        let found = events(&format!(
            "{told} \"We lost five soldiers in the first attack,\" a junta officer said."
        ));
        assert_has(&found, "armed_clash MM_MILITARY ");
    }

    #[test]
    fn a_capture_only_weighed_as_a_subject_is_no_event() {
        let found = events("Analysts said taking Hpakant would give the KIA the jade trade.");
        assert_lacks(&found, "territory_captured");
        let found = events("Seizing Bhamo could open the road to Myitkyina for the KIA.");
        assert_lacks(&found, "territory_captured");
        // A noun in -ing is no gerund: "fighting around Bhamo could" still tells the fight.
        let found =
            events("Heavy fighting around Bhamo could be heard all night, KIA fighters said.");
        assert_has(&found, "armed_clash");
        let found = events("Fighting around Bhamo could be heard all night, KIA fighters said.");
        assert_has(&found, "armed_clash");
    }

    #[test]
    fn a_participle_before_by_is_passive() {
        // "the bases captured by the KIA": the KIA took them.
        let found = events(
            "The two army bases captured by the KIA near Bhamo on Monday guarded the river road.",
        );
        assert_has(&found, "territory_captured KIA Bhamo");
        // "By night" after an active verb tells when, not who.
        let found = events(
            "KIA fighters attacked by night and overran the army post near Bhamo on Monday.",
        );
        assert_has(&found, "armed_clash KIA Bhamo");
    }

    #[test]
    fn the_party_a_subject_is_battling_is_no_subject() {
        let found = events(
            "The CNF took the hill near Falam on Sunday. Insurgents battling Myanmar's junta in \
             Chin state have captured four camps from the military.",
        );
        assert_lacks(&found, "territory_captured MM_MILITARY");
    }

    #[test]
    fn narrowing_rules_leave_real_events_alone() {
        // Two attacks told by one rule stay two, whoever is named.
        let found = events(
            "KIA fighters attacked a junta base near Waingmaw on Monday, and unknown gunmen \
             attacked a police post near Waingmaw on Monday.",
        );
        assert_has(&found, "armed_clash - Waingmaw");
        // A named party leads itself, whoever leads its fighters.
        let found =
            events("Wagner fighters led by Malian army officers attacked the village of Moura.");
        assert_lacks(&found, "ML_GOV");
        // A described noun with a place of its own is a new event.
        let found = events(
            "The army shelled Bhamo on Monday. The night raid on the Momauk police station \
             killed six police.",
        );
        assert_has(&found, "armed_clash MM_MILITARY Momauk");
        // One assault going on is no trend.
        assert_has(
            &events("The RSF assault on El Fasher has continued for a third day."),
            "armed_clash RSF El Fasher",
        );
        // Thousands who fled do not make twelve dead a war's toll.
        assert_has(
            &events("Thousands fled after soldiers killed 12 villagers near Bhamo on Monday."),
            "attack_on_civilians ",
        );
    }

    #[test]
    fn no_fighting_and_feared_fighting_are_no_facts() {
        let modality = |text: &str| -> Vec<super::Modality> {
            analyse(text)
                .into_iter()
                .filter(|e| e.location.as_ref().is_some_and(|l| l.name == "Tanai"))
                .map(|e| e.modality)
                .collect()
        };
        let told = "KIA fighters attacked a junta base near Waingmaw on Monday.";
        assert_eq!(
            modality(&format!(
                "{told} Unlike Waingmaw, no clashes were reported in Tanai."
            )),
            [super::Modality::Negated]
        );
        assert_eq!(
            modality(&format!(
                "{told} Residents fear that fighting could spread to Tanai."
            )),
            [super::Modality::Speculative]
        );
    }

    #[test]
    fn an_attempt_to_take_a_town_is_no_capture_even_with_a_date_between() {
        // "since" before a date opens no clause that would cut "trying" off from the trigger.
        let modalities: Vec<_> = analyse("The RSF has been trying since May to seize El Fasher.")
            .into_iter()
            .filter(|e| e.kind.as_str() == "territory_captured")
            .map(|e| e.modality)
            .collect();
        assert_eq!(modalities, [super::Modality::Speculative]);
    }

    #[test]
    fn a_foreign_country_a_trigger_takes_as_object_is_its_place() {
        let found = events(
            "Sudanese army jets struck El Obeid on Monday. The RSF shelled Chad on Tuesday, \
             killing three.",
        );
        assert_has(&found, "shelling RSF Chad 2024-06-11");
        // Named any other way, a foreign country acts or is a point of reference.
        let found = events("The RSF shelled El Obeid with drones bought from Chad on Tuesday.");
        assert_lacks(&found, "Chad");
    }

    #[test]
    fn the_examples_of_a_counted_set_of_villages_are_no_event_place() {
        let found = events(
            "About 3,000 people from nine Kalay Township villages, including Zyqlo and Qopl, have fled junta shelling since Monday.",
        );
        assert_has(&found, "displacement ");
        assert!(
            !found
                .iter()
                .any(|e| e.contains("Zyqlo") || e.contains("Qopl")),
            "{found:?}"
        );
    }

    #[test]
    fn where_fighters_come_from_is_no_event_place() {
        let found = events(
            "Junta troops burned houses in Ye-U town on Saturday. On Sunday, PDF fighters \
             from Pale and Kyunhla townships ambushed a junta column.",
        );
        assert_has(&found, "armed_clash PDF");
        assert!(
            !found
                .iter()
                .any(|e| e.contains("Pale") || e.contains("Kyunhla")),
            "{found:?}"
        );
        // Troops forced from a town lose it: the town is the event's place.
        let found =
            events("The KIA forced junta troops from Sumprabum on Monday, taking the town.");
        assert!(found.iter().any(|e| e.contains("Sumprabum")), "{found:?}");
    }

    #[test]
    fn a_relative_clause_whose_pronoun_is_its_subject_takes_its_own_places() {
        assert_kind_events(
            "Troops from the Northern Command in Myitkyina, which last week retook Lweje, shelled Momauk on Monday.",
            "territory_captured",
            &["territory_captured MM_MILITARY Lweje 2024-06-03"],
        );
        // The pronoun is the object: the antecedent is the place taken.
        assert_kind_events(
            "Paletwa, which the AA captured in January in southern Chin State, lies near the border.",
            "territory_captured",
            &["territory_captured AA Paletwa 2024-01-01"],
        );
    }

    #[test]
    fn a_foreign_dateline_is_no_event_place() {
        let found =
            events("BANGKOK — Junta troops clashed with the KIA on Monday, the group said.");
        assert_has(&found, "armed_clash ");
        assert!(!found.iter().any(|e| e.contains("Bangkok")), "{found:?}");
        // A wire dateline, with its country, date and agency, the same.
        let found = events(
            "BANGKOK, Thailand, June 10 (Reuters) - Junta troops clashed with the KIA on Monday, the group said.",
        );
        assert_has(&found, "armed_clash ");
        assert!(
            !found
                .iter()
                .any(|e| e.contains("Bangkok") || e.contains("Thailand")),
            "{found:?}"
        );
        // A title-case place before a colon, the same.
        let found = events("Bangkok: Junta troops clashed with the KIA on Monday, the group said.");
        assert_has(&found, "armed_clash ");
        assert!(!found.iter().any(|e| e.contains("Bangkok")), "{found:?}");
        let home =
            events("MYITKYINA — Junta troops clashed with the KIA on Monday, the group said.");
        assert!(home.iter().any(|e| e.contains("Myitkyina")), "{home:?}");
    }

    #[test]
    fn a_foreign_country_is_a_place_only_after_a_locative_preposition() {
        // A supplier and mediators act; none is where anything happened.
        let lead = "Sudanese army jets struck El Obeid on Monday.";
        let supplier = "The army has pushed back the RSF with drones bought from Turkey, which \
                        also trains its pilots.";
        let mediators = "Egypt and Qatar brokered a truce between the RSF and the army in March.";
        // A foreign capital standing for its government, the same.
        let backer = "Backed by drones, Cairo is back on the offensive against the RSF.";
        for (text, countries) in [
            (supplier, &["Turkey"][..]),
            (mediators, &["Egypt", "Qatar"]),
            (backer, &["Cairo"]),
        ] {
            let found = events(&format!("{lead} {text}"));
            assert!(
                !found
                    .iter()
                    .any(|e| countries.iter().any(|c| e.contains(c))),
                "{found:?}"
            );
        }
        assert_has(&events(&format!("{lead} {mediators}")), "agreement ");
        // Fire sent into a neighbour lands there.
        let found = events(&format!(
            "{lead} The RSF fired shells into Chad on Tuesday."
        ));
        assert_has(&found, "shelling RSF Chad");
    }

    #[test]
    fn a_fight_needs_a_fighter() {
        let found = events(
            "The United Nations called on both sides to let aid into Kutum, where families have fled since the war began in April 2023.",
        );
        assert_lacks(&found, "armed_clash UN");
    }

    #[test]
    fn a_participle_after_a_comma_keeps_the_agent_of_its_sentence() {
        let found = events(
            "KIA fighters attacked a convoy under army escort near Bhamo on Monday, burning 40 lorries.",
        );
        assert_has(&found, "property_destruction KIA ");
        assert_lacks(&found, "property_destruction MM_MILITARY");
    }

    #[test]
    fn people_driven_out_by_a_strike_were_driven_out_by_its_agent() {
        let found = events(
            "Junta troops shelled Hpakant on Monday, wounding three people and driving dozens of families from their homes.",
        );
        assert_has(&found, "displacement MM_MILITARY ");
    }

    #[test]
    fn a_party_pronoun_stands_for_the_armed_actor_named_before() {
        let found = events(
            "The Arakan Army is one of three groups in the alliance. It launched an offensive in Rakhine State on 13 November.",
        );
        assert_has(&found, "armed_clash AA ");
        let found = events(
            "The Arakan Army holds the hills. It was the first time the village had been attacked.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_deed_after_whose_is_the_antecedent_s() {
        let found = events(
            "Junta troops in Lashio surrendered to the Three Brotherhood Alliance, whose surprise offensive began in October.",
        );
        assert_has(&found, "armed_clash THREE_BROTHERHOOD_ALLIANCE ");
    }

    #[test]
    fn a_coordinated_subject_acts_through_its_first_conjunct() {
        assert_each_has(
            &[
                "KIA troops and allied People's Defence Force (PDF) units seized Sinbo on Monday.",
                "The KIA and its PDF allies seized Sinbo on Monday.",
            ],
            "territory_captured KIA ",
        );
    }

    #[test]
    fn the_accused_stand_before_the_accusations_of() {
        let found = events(
            "The junta accused the KNDF of attacking army camps and torching homes in Demoso on Monday.",
        );
        assert_has(&found, "attack_on_civilians KNDF Demoso");
    }

    #[test]
    fn an_act_blamed_on_someone_is_not_the_blamers() {
        assert_kind_events(
            "Police blamed Sunday's raid in Hill Ridge town on the ADF.",
            "armed_clash",
            &["armed_clash ADF Hill Ridge 2024-06-09"],
        );
        // Blamed on no one the text knows as an actor: no one, not the police.
        assert_kind_events(
            "Police in Zamfara attributed recent attacks to bandits.",
            "armed_clash",
            &["armed_clash - Zamfara 2024-06-14"],
        );
    }

    #[test]
    fn an_owner_after_of_acts() {
        let found = events("Fighters of the KIA attacked a junta camp in Momauk on Monday.");
        assert_has(&found, "armed_clash KIA Momauk");
        let found = events(
            "The chairman of the African Union, Jane Roe, called on both sides to respect the truce on Monday.",
        );
        assert_has(&found, "call_for_talks AU ");
    }

    #[test]
    fn a_threat_of_what_is_to_come_is_made() {
        let found = analyse(
            "The KIA declared that it would launch new operations to avenge the commander.",
        );
        let threat = found
            .iter()
            .find(|e| e.kind == super::EventKind::PressureOrThreat)
            .expect("a threat");
        assert!(threat.modality.is_fact(), "{:?}", threat.modality);
    }

    /// The modality of the first event of `kind` the text gives (panics if none).
    fn modality_of(text: &str, kind: super::EventKind) -> &'static str {
        analyse(text)
            .into_iter()
            .find(|e| e.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {text}"))
            .modality
            .as_str()
    }

    #[test]
    fn a_quoted_word_and_the_days_to_come_keep_a_plan_planned() {
        use super::EventKind::ArmedClash;
        assert_eq!(
            modality_of(
                "The AA said it would \"soon\" launch an offensive on Sittwe.",
                ArmedClash
            ),
            "planned"
        );
        assert_eq!(
            modality_of(
                "KIA fighters took Nam Si In on Monday. Residents fear the junta may try to retake Nam Si In with a ground offensive in the coming days.",
                ArmedClash
            ),
            "planned"
        );
    }

    #[test]
    fn a_party_reporting_its_own_deed_claims_it() {
        use super::EventKind::{Agreement, TerritoryCaptured, VisitOrMeeting};
        assert_eq!(
            modality_of(
                "The KIA said it had captured Bhamo on Monday.",
                TerritoryCaptured
            ),
            "claimed"
        );
        // A passive reporting verb has no party speaking.
        assert_eq!(
            modality_of(
                "The KIA was reported to have captured Bhamo on Monday.",
                TerritoryCaptured
            ),
            "asserted"
        );
        // A source or the media of a party speak for it; local sources do not, but the local
        // branch of a party does.
        assert_eq!(
            modality_of(
                "A KIA source said the fighters had captured Bhamo on Monday.",
                TerritoryCaptured
            ),
            "claimed"
        );
        assert_eq!(
            modality_of(
                "Fighters captured Kani on Monday, the local PDF said.",
                TerritoryCaptured
            ),
            "claimed"
        );
        assert_eq!(
            modality_of(
                "Local sources said the KIA had captured Bhamo on Monday.",
                TerritoryCaptured
            ),
            "asserted"
        );
        // A party and residents together confirm it.
        assert_eq!(
            modality_of(
                "The KIA captured Bhamo on Monday, according to the KIA and residents.",
                TerritoryCaptured
            ),
            "asserted"
        );
        assert_eq!(
            modality_of(
                "The KIA captured Bhamo on Monday, according to a military source.",
                TerritoryCaptured
            ),
            "asserted"
        );
        // A doctor is no party: with a police officer, the report stands confirmed.
        assert_eq!(
            modality_of(
                "The KIA captured Bhamo on Monday, a doctor in the town and a police officer said.",
                TerritoryCaptured
            ),
            "asserted"
        );
        // A public act (a truce announced, a meeting held) is no one side's claim.
        assert_eq!(
            modality_of("The junta announced a new ceasefire on Tuesday.", Agreement),
            "asserted"
        );
        assert_eq!(
            modality_of(
                "It was announced on Monday that the two sides had agreed a ceasefire.",
                Agreement
            ),
            "asserted"
        );
        assert_eq!(
            modality_of(
                "The KIA said KIA leaders met the Chinese envoy in Kunming on Monday.",
                VisitOrMeeting
            ),
            "asserted"
        );
    }

    #[test]
    fn a_reporting_verb_reports_only_its_own_clause() {
        use super::EventKind::{ArmedClash, TradeRestriction};
        assert_eq!(
            modality_of(
                "The KIA said fighting resumed in Bhamo on Monday.",
                ArmedClash
            ),
            "claimed"
        );
        assert_eq!(
            modality_of(
                "The KIA announced a truce on Friday; fighting resumed in Bhamo on Monday.",
                ArmedClash
            ),
            "asserted"
        );
        assert_eq!(
            modality_of(
                "Fighting resumed in Bhamo on Monday, the KIA said.",
                ArmedClash
            ),
            "claimed"
        );
        assert_eq!(
            modality_of(
                "China closed its border gates with Kachin State and reopened them only after the KIA said it would stop fighting.",
                TradeRestriction
            ),
            "asserted"
        );
    }

    #[test]
    fn an_ally_joined_to_the_agent_is_no_patient() {
        assert_eq!(actor2_of("Bhamo has been under attack by the KIA and allied Hill Defence Force (HDF) fighters since Monday.", super::EventKind::ArmedClash).as_deref(), Some("MM_MILITARY"));
    }

    #[test]
    fn a_strike_on_no_party_after_civilians_strikes_civilians() {
        assert_eq!(
            actor2_of(
                "Villagers in Sezin fled heavy shelling by junta troops on Monday.",
                super::EventKind::Shelling
            )
            .as_deref(),
            Some("CIVILIANS")
        );
    }

    #[test]
    fn a_place_with_no_own_event_in_its_sentence_gives_way_to_the_named_one() {
        let found = events(
            "Junta troops burned 50 houses in Myaing Township on Sunday, as an arson campaign rolled on.",
        );
        assert_eq!(
            found
                .iter()
                .filter(|e| e.starts_with("attack_on_civilians"))
                .count(),
            1,
            "{found:?}"
        );
    }

    #[test]
    fn a_list_goes_on_past_a_container_and_a_direction_word() {
        let found = events(
            "Junta troops set fire to houses in Sezin and Tamakan, both in northern Hpakant, and in the western villages of Tha Dut and Pinlebu on Sunday.",
        );
        for place in ["Sezin", "Tamakan", "Tha Dut"] {
            assert!(
                found.iter().any(|e| e.contains(&format!(" {place} "))),
                "{place}: {found:?}"
            );
        }
        assert!(!found.iter().any(|e| e.contains(" Hpakant ")), "{found:?}");
    }

    #[test]
    fn a_town_after_a_village_and_a_comma_only_locates_it() {
        let found = events("Junta troops raided a clinic in Zyqlo village, Wetlet town on Monday.");
        assert!(found.iter().any(|e| e.contains(" Zyqlo ")), "{found:?}");
        assert!(!found.iter().any(|e| e.contains(" Wetlet ")), "{found:?}");
        // Nor does a town right after "in" ("Zyqlo village in south Wetlet").
        let found = events("Junta troops shelled Zyqlo village in south Wetlet on Monday.");
        assert!(!found.iter().any(|e| e.contains(" Wetlet ")), "{found:?}");
        // In a list the town is a place of its own.
        let found =
            events("Junta troops shelled Zyqlo village, Wetlet town and Kyaukse town on Monday.");
        assert!(found.iter().any(|e| e.contains(" Wetlet ")), "{found:?}");
    }

    /// True when one of `found` is of `kind` with `actor` at `place`.
    fn has_event(found: &[String], kind: &str, actor: &str, place: &str) -> bool {
        let head = format!("{kind} {actor} {place} ");
        found.iter().any(|e| e.starts_with(&head))
    }

    /// Asserts that `text` gives an event of `kind` by `actor` at each of `at` and at none of
    /// `not_at`.
    fn assert_placed(text: &str, kind: &str, actor: &str, at: &[&str], not_at: &[&str]) {
        let found = events(text);
        for place in at {
            assert!(
                has_event(&found, kind, actor, place),
                "not at {place}: {found:?}"
            );
        }
        for place in not_at {
            assert!(
                !has_event(&found, kind, actor, place),
                "at {place}: {found:?}"
            );
        }
    }

    #[test]
    fn a_list_in_the_subject_goes_on_before_a_subject_break() {
        // "and" ends a subject, yet both villages are the flight's places.
        assert_placed(
            "Villagers from Sezin and Tamakan have fled since the fighting began in May.",
            "displacement",
            "-",
            &["Sezin", "Tamakan"],
            &[],
        );
    }

    #[test]
    fn facilities_in_a_passive_subject_are_the_places_not_the_villages_locating_them() {
        assert_placed(
            "The headquarters of Infantry Battalion 12 in Sezin village and an Artillery Battalion 30 base in Tamakan village were captured by the KIA on Friday.",
            "territory_captured",
            "KIA",
            &[
                "Infantry Battalion 12 headquarters",
                "Artillery Battalion 30",
            ],
            &["Sezin", "Tamakan"],
        );
    }

    #[test]
    fn a_numbered_milestone_is_a_place() {
        assert_placed(
            "The KIA took a BGF camp at Mile 11 on the road north of Hpakant on Monday.",
            "territory_captured",
            "KIA",
            &["Mile 11"],
            &[],
        );
    }

    #[test]
    fn its_airport_is_the_airport_of_the_town_named_before() {
        assert_placed(
            "The KIA seized Bhamo Township on Friday, having already taken its airport and the Infantry Battalion 12 base.",
            "territory_captured",
            "KIA",
            &["Bhamo", "Bhamo Airport", "Infantry Battalion 12"],
            &["Airport"],
        );
    }

    #[test]
    fn a_village_near_a_facility_only_locates_it() {
        assert_placed(
            "The KIA captured the camp of Infantry Battalion 12 in Sezin on Monday, and on Tuesday the Infantry Battalion 30 headquarters near Tamakan, a village in Hpakant Township, was seized.",
            "territory_captured",
            "KIA",
            &["Infantry Battalion 30 headquarters"],
            &["Tamakan"],
        );
    }

    #[test]
    fn a_place_anaphor_in_the_object_refers_back_past_the_speakers_place() {
        assert_placed(
            "Junta troops have held Sezin village since May. A resident of Hpakant said the army had shelled houses in the village on Friday.",
            "shelling",
            "MM_MILITARY",
            &["Sezin"],
            &["Hpakant"],
        );
    }

    #[test]
    fn the_region_refers_back_to_the_last_region_named() {
        assert_placed(
            "Russian forces are dug in across the Belgorod region, around the town of Shebekino. On Friday the army repelled Ukrainian attacks on villages in the region.",
            "armed_clash",
            "UA_GOV",
            &["Belgorod"],
            &["Shebekino"],
        );
    }

    #[test]
    fn a_point_of_reference_is_no_antecedent() {
        assert_placed(
            "Bhamo lies about 180 km south of Myitkyina. The KIA retook the town on Friday.",
            "territory_captured",
            "KIA",
            &["Bhamo"],
            &["Myitkyina"],
        );
    }

    #[test]
    fn a_place_that_includes_another_stays_a_place_of_the_event() {
        assert_placed(
            "On Sunday the AA seized every junta post in Minbya Township, including the camp of Infantry Battalion 20.",
            "territory_captured",
            "AA",
            &["Minbya", "Infantry Battalion 20"],
            &[],
        );
    }

    #[test]
    fn an_appositive_does_not_end_a_list_of_places() {
        assert_placed(
            "The KIA took Bhamo, the largest town of the district, and Mansi on Friday.",
            "territory_captured",
            "KIA",
            &["Bhamo", "Mansi"],
            &[],
        );
    }

    #[test]
    fn there_at_the_end_of_the_object_is_the_last_place_named() {
        assert_placed(
            "The KIA took Hpakant town on Monday. Sezin village lies on the road west of it. On Friday KIA fighters attacked the police post there.",
            "armed_clash",
            "KIA",
            &["Sezin"],
            &["Hpakant"],
        );
    }

    #[test]
    fn an_object_near_a_place_is_placed_at_it() {
        let found = events(
            "The KIA took Sezin on Monday. Junta troops later said the group now controls the road north of Tamakan.",
        );
        assert_has(&found, "territory_captured KIA Tamakan");
    }

    #[test]
    fn the_fall_of_a_town_taken_earlier_is_no_second_capture() {
        let found = events(
            "The KIA took Bhamo on 9 October after a long siege. A month later, analysts said the fall of Bhamo left the junta weak in the north.",
        );
        assert_eq!(
            found
                .iter()
                .filter(|e| e.starts_with("territory_captured"))
                .collect::<Vec<_>>(),
            ["territory_captured KIA Bhamo 2023-10-09"],
            "{found:?}"
        );
    }

    #[test]
    fn those_detained_in_a_raid_did_not_raid() {
        // The police held are the side raided; the group reporting it raided them.
        let found = events(
            "Police officers and their captain were detained in a raid on the post in Hill Ridge \
             village on Monday, according to the KIA.",
        );
        assert_has(&found, "armed_clash KIA Hill Ridge");
        assert_lacks(&found, "armed_clash MM_MILITARY");
    }

    #[test]
    fn a_suicide_bombing_is_never_the_state_s() {
        // The troops and the police report it: the group the state fights struck.
        let found = events(
            "Al Shabaab claimed a raid near Marka last week. Somali troops repelled an attack \
             near Marka on Sunday.\n\nOn Monday a suicide bomber blew himself up at a base in \
             Marka, police said.",
        );
        assert_has(&found, "remote_explosive AL_SHABAAB Marka");
        // With no group named, no one the text names.
        let found = events(
            "Somali troops repelled an attack near Marka on Sunday.\n\nOn Monday a suicide \
             bomber blew himself up at a base in Marka, police said.",
        );
        assert_has(&found, "remote_explosive - Marka");
        // A state's own mines stay its own.
        let found = events("Junta troops planted landmines around Hill Ridge village on Monday.");
        assert_has(&found, "remote_explosive MM_MILITARY");
        // States fly "suicide drones".
        let found = events("Suicide drones launched by Russian forces struck Kharkiv on Monday.");
        assert_has(&found, "armed_clash RU_GOV Kharkiv");
    }

    #[test]
    fn a_strike_that_names_its_non_state_agent_keeps_it() {
        let found = events("Drone strikes by the RSF hit the power station in Merowe on Friday.");
        assert_has(&found, "air_strike RSF Merowe");
        let found = events("PDF drones struck junta positions in Bhamo on Saturday.");
        assert_has(&found, "air_strike PDF Bhamo");
        let found = events("The KIA said regime jets bombed its positions near Bhamo on Friday.");
        assert_has(&found, "air_strike MM_MILITARY Bhamo");
        let found = events("Airstrikes on Friday hit areas held by the KIA near Bhamo.");
        assert_has(&found, "air_strike MM_MILITARY");
        let found = events("The RSF launched drones at army positions in Merowe on Friday.");
        assert_has(&found, "air_strike RSF Merowe");
        let found = events(
            "The AA attacked the base in Bhamo on Friday. Two jet fighters were used to \
             carry out airstrikes on the hill.",
        );
        assert_has(&found, "air_strike MM_MILITARY Bhamo");
    }

    #[test]
    fn a_passive_capture_lost_by_one_side_was_taken_by_the_speaker() {
        let text = "Two junta bases were seized in Hsipaw on Friday, the TNLA said.";
        assert_has(&events(text), "territory_captured TNLA Hsipaw");
        assert_eq!(
            actor2_of(text, super::EventKind::TerritoryCaptured).as_deref(),
            Some("MM_MILITARY")
        );
    }

    #[test]
    fn a_gerund_after_since_shares_the_main_subject() {
        let text = "The KIA has taken 14 army posts in Kachin State since launching an \
                    offensive against junta targets on 3 March.";
        assert_has(&events(text), "armed_clash KIA Kachin 2024-03-03");
        assert_eq!(
            actor2_of(text, super::EventKind::ArmedClash).as_deref(),
            Some("MM_MILITARY")
        );
    }

    #[test]
    fn years_of_war_summed_up_are_no_event() {
        let found = events(
            "The country has been in turmoil since the coup three years ago, with rebels \
             attacking army posts and the junta answering with air strikes.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Dead counted in thousands are a war's toll, not one attack.
        let lead = "Junta jets bombed Dale village in Sagaing Region on Monday.";
        let found = events(&format!(
            "{lead} Thousands of villagers have been killed and millions driven from their homes."
        ));
        assert_lacks(&found, "attack_on_civilians");
        let found = events(&format!(
            "{lead} Soldiers killed 12 villagers in Dale on Tuesday."
        ));
        assert_has(&found, "attack_on_civilians MM_MILITARY");
    }

    #[test]
    fn a_unit_set_up_with_no_owner_named_is_the_armys() {
        assert_kind_events(
            "The KIA overran a post near Bhamo on Friday. The Northern Command was set up in \
             Myitkyina in 1968, residents recalled.",
            "base_established",
            &["base_established MM_MILITARY Myitkyina 1968-01-01"],
        );
        let found = events(
            "The KIA overran a post near Bhamo on Friday. The Hill Ridge Airport was set up in \
             Myitkyina in 1968, residents recalled.",
        );
        assert!(
            !found
                .iter()
                .any(|e| e.starts_with("base_established MM_MILITARY")),
            "{found:?}"
        );
    }

    #[test]
    fn a_persons_post_names_no_place_of_the_event() {
        assert_kind_events(
            "On Tuesday, junta troops killed Naw Lay, the KIA's commander in northern Bhamo, in \
             Momauk.",
            "armed_clash",
            &["armed_clash MM_MILITARY Momauk 2024-06-11"],
        );
    }

    #[test]
    fn a_relative_clause_describing_a_party_is_no_event() {
        let found = events(
            "A KIA officer, whose troops are fighting the army across the state, said on \
             Friday that the road to the mines was open again.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found =
            events("The KIA, which was fighting the army near Bhamo on Friday, lost a post.");
        assert_has(&found, "armed_clash KIA");
    }

    #[test]
    fn the_state_does_not_strike_its_own_post() {
        let found = events(
            "The KIA said on Friday that its fighters had taken two posts near Bhamo. A drone \
             attack on the police station in Bhamo killed two officers on Friday.",
        );
        assert_has(&found, "air_strike KIA Bhamo");
    }

    #[test]
    fn aircraft_that_no_one_is_named_with_are_the_states() {
        let found = events(
            "KIA fighters near Bhamo pulled back when helicopter gunships attacked on Friday.",
        );
        assert_has(&found, "air_strike MM_MILITARY Bhamo");
        let found =
            events("The KIA took Bhamo on Friday. Military aircraft are attacking the town.");
        assert_has(&found, "air_strike MM_MILITARY Bhamo");
    }

    #[test]
    fn an_attack_on_a_village_is_an_attack_on_civilians() {
        let found = events(
            "JNIM fighters carried out an attack on a village in the Mopti region on Friday.",
        );
        assert_has(&found, "attack_on_civilians JNIM");
        assert_lacks(&found, "armed_clash");
    }

    #[test]
    fn an_officer_detained_belongs_to_the_side_the_agent_fights() {
        assert_eq!(
            actor2_of(
                "KIA fighters detained Brigadier General Zaw Win near Bhamo on Friday.",
                super::EventKind::Arrest
            )
            .as_deref(),
            Some("MM_MILITARY")
        );
        assert_eq!(
            actor2_of(
                "KIA fighters detained major traders near Bhamo on Friday.",
                super::EventKind::Arrest
            ),
            None
        );
    }

    #[test]
    fn looted_homes_are_the_civilians_loss() {
        assert_eq!(
            actor2_of(
                "Junta soldiers looted homes in Tamakan village near Hpakant on Sunday.",
                super::EventKind::PropertyDestruction
            )
            .as_deref(),
            Some("CIVILIANS")
        );
    }

    #[test]
    fn an_armed_groups_blockade_is_aimed_at_the_state() {
        assert_eq!(
            actor2_of(
                "JNIM declared a blockade on fuel convoys to Kayes in Mali on Monday.",
                super::EventKind::TradeRestriction
            )
            .as_deref(),
            Some("ML_GOV")
        );
    }

    #[test]
    fn a_party_at_war_threatens_the_side_it_fights() {
        let text =
            "After the raid on Hill Ridge, Fano commanders vowed to avenge their dead in Gondar.";
        assert_eq!(
            actor2_of(text, super::EventKind::PressureOrThreat).as_deref(),
            Some("ENDF")
        );
        // "Fano" is also an Italian town: a name that names an actor is no fallback place.
        let found = events(text);
        assert!(!found.iter().any(|e| e.contains(" Fano ")), "{found:?}");
    }

    #[test]
    fn punctuation_glued_to_the_word_before_a_name_is_no_char_boundary_trap() {
        // "of—" once put the word's start inside the dash and panicked.
        let found = events("Fighters of— the KIA attacked Bhamo on Friday.");
        assert_has(&found, "armed_clash KIA Bhamo");
    }

    #[test]
    fn a_country_after_a_preposition_and_a_direction_word_is_no_subject() {
        // "in western Myanmar" is where the rebels are, not who seized the outpost.
        let text = "Insurgent forces in western Myanmar seized an army outpost near Paletwa on \
                    Sunday, a spokesman for the Arakan Army said.";
        assert_kind_events(
            text,
            "territory_captured",
            &["territory_captured AA Paletwa 2024-06-09"],
        );
        assert_eq!(
            actor2_of(text, super::EventKind::TerritoryCaptured).as_deref(),
            Some("MM_MILITARY")
        );
    }

    #[test]
    fn a_passive_capture_is_not_credited_to_the_side_that_lost() {
        // The story's last agent is the army, whose bases were the ones taken.
        let text = "The KIA launched an offensive on Monday. Junta troops shelled Hill Ridge \
                    village on Tuesday. Two junta bases were seized near Bhamo on Wednesday.";
        assert_kind_events(
            text,
            "territory_captured",
            &["territory_captured KIA Bhamo 2024-06-12"],
        );
    }
}
