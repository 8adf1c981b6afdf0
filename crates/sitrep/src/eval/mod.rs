/*!
Scoring against gold annotations, as `CONTRACT.md` defines it.

Only `asserted` and `claimed` gold events are facts, and only system events
with those modalities take part: a system fact that matches no gold fact is a
false positive, a `speculative`, `planned` or `negated` system event is left
out. A system event matches a gold fact of the same document when the kinds
are equal, the actor1 is one the gold accepts (when the gold names one), the
places agree (when the gold has one: names equal after folding and the
gazetteer's alternate names, or points within 25 km, or the system's place
inside the gold admin1 or country) and the dates overlap (when the gold has
one). Pairs are one-to-one; [`Matching`] chooses how they are found.

Over matched pairs the report gives how often actor2, the exact date, the
exact place and the fact modality agree. Control facts score as F1 over
(doc, place, controller).
*/

pub mod assignment;
pub mod gold;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::control::ControlFact;
use crate::event::{Event, EventKind};
use crate::place::{Location, Precision};
use crate::text::{fold, fold_eq};
pub use gold::{GoldControl, GoldEvent, GoldLocation, LineError, OneOrMany, parse_jsonl};

/// Distance under which two points are the same place, in km.
pub const SAME_PLACE_KM: f64 = 25.0;

/// Knows which place names and admin1 names denote the same thing.
pub trait PlaceNames {
    /// True when the two place names can denote the same place.
    fn same_place(&self, a: &str, b: &str) -> bool {
        fold_eq(a, b)
    }

    /// True when the two admin1 names denote the same state, region or province.
    fn same_admin1(&self, a: &str, b: &str) -> bool {
        admin1_key(a) == admin1_key(b)
    }
}

/// Name comparison by folding alone, with no gazetteer.
#[derive(Clone, Copy, Debug, Default)]
pub struct FoldedNames;

impl PlaceNames for FoldedNames {}

/// An admin1 name folded and stripped of its generic word ("Kachin State" → "kachin").
pub fn admin1_key(name: &str) -> String {
    const GENERIC: [&str; 9] = [
        "state",
        "region",
        "province",
        "division",
        "governorate",
        "oblast",
        "prefecture",
        "department",
        "county",
    ];
    fold(name)
        .split([' ', '-'])
        .filter(|word| !word.is_empty() && !GENERIC.contains(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How pairs are found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matching {
    /// The largest one-to-one matching, best-agreeing among equals.
    #[default]
    Maximum,
    /// Gold facts in file order each take the first free match (`CONTRACT.md`).
    Greedy,
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Matched pairs.
    pub true_positives: usize,
    /// System records that match nothing.
    pub false_positives: usize,
    /// Gold records that nothing matches.
    pub false_negatives: usize,
}

impl Counts {
    /// Share of system records that are right.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of gold records found.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

/// How often something agrees over a number of cases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Cases that agree.
    pub agree: usize,
    /// Cases counted.
    pub total: usize,
}

impl Agreement {
    /// The share that agrees (1 when nothing was counted).
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            ratio(self.agree, self.total)
        }
    }

    fn count(&mut self, agrees: bool) {
        self.total += 1;
        self.agree += usize::from(agrees);
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The scores of one system run against the gold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// How pairs were found.
    pub matching: Matching,
    /// Documents scored.
    pub docs: usize,
    /// Event facts, all kinds together.
    pub events: Counts,
    /// Event facts per kind.
    pub per_kind: BTreeMap<EventKind, Counts>,
    /// The same events matched by the contract's greedy rule, for reference.
    pub events_greedy: Counts,
    /// Over matched pairs: actor2 agrees.
    pub actor2: Agreement,
    /// Over matched pairs with a gold date: the same first and last day.
    pub date_exact: Agreement,
    /// Over matched pairs with a gold place: the names agree.
    pub place_exact: Agreement,
    /// Over matched pairs: asserted versus claimed agrees.
    pub modality: Agreement,
    /// Gold non-facts (speculative, planned, negated) that a system fact matches.
    pub non_facts_as_facts: Agreement,
    /// Control facts over (doc, place, controller).
    pub control: Counts,
}

/// The gold facts nothing matched and the system facts that matched nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Errors {
    /// Gold facts no system event matched.
    pub missed: Vec<GoldEvent>,
    /// System facts that matched no gold fact.
    pub spurious: Vec<Event>,
    /// Gold control facts not found.
    pub missed_control: Vec<GoldControl>,
    /// System control facts not in the gold.
    pub spurious_control: Vec<ControlFact>,
    /// Matched pairs whose dates are not the same days.
    pub inexact_dates: Vec<(GoldEvent, Event)>,
    /// Matched pairs whose modalities differ (asserted versus claimed).
    pub modality_disagrees: Vec<(GoldEvent, Event)>,
    /// Gold non-facts and the system facts that match them.
    pub non_facts_as_facts: Vec<(GoldEvent, Event)>,
}

/// Everything to score: gold and system records, and which documents count.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    /// Ids of the documents scored; records of other documents are ignored.
    pub docs: &'a [String],
    /// Gold events, facts and non-facts, in file order.
    pub gold: &'a [GoldEvent],
    /// System events.
    pub system: &'a [Event],
    /// Gold control facts.
    pub gold_control: &'a [GoldControl],
    /// System control facts.
    pub system_control: &'a [ControlFact],
}

/// Scores system output against the gold.
pub fn score(inputs: Inputs<'_>, places: &dyn PlaceNames, matching: Matching) -> (Report, Errors) {
    let docs: BTreeSet<&str> = inputs.docs.iter().map(String::as_str).collect();
    let mut report = Report {
        matching,
        docs: docs.len(),
        ..Report::default()
    };
    let mut errors = Errors::default();
    let gold_by_doc = group_by_doc(inputs.gold, |gold| &gold.doc);
    let system_by_doc = group_by_doc(inputs.system, |event| &event.doc);
    let gold_control_by_doc = group_by_doc(inputs.gold_control, |fact| &fact.doc);
    let system_control_by_doc = group_by_doc(inputs.system_control, |fact| &fact.doc);
    for doc in &docs {
        let gold = gold_by_doc.get(doc).cloned().unwrap_or_default();
        let system = system_by_doc.get(doc).cloned().unwrap_or_default();
        score_events(&gold, &system, places, matching, &mut report, &mut errors);
        let gold_control = gold_control_by_doc.get(doc).cloned().unwrap_or_default();
        let system_control = system_control_by_doc.get(doc).cloned().unwrap_or_default();
        score_control(
            &gold_control,
            &system_control,
            places,
            &mut report,
            &mut errors,
        );
    }
    (report, errors)
}

fn group_by_doc<'a, T>(
    records: &'a [T],
    doc: impl Fn(&T) -> &String,
) -> HashMap<&'a str, Vec<&'a T>> {
    let mut groups: HashMap<&str, Vec<&T>> = HashMap::new();
    for record in records {
        groups.entry(doc(record).as_str()).or_default().push(record);
    }
    groups
}

fn score_events(
    gold: &[&GoldEvent],
    system: &[&Event],
    places: &dyn PlaceNames,
    matching: Matching,
    report: &mut Report,
    errors: &mut Errors,
) {
    let facts: Vec<&GoldEvent> = gold
        .iter()
        .copied()
        .filter(|g| g.modality.is_fact())
        .collect();
    let non_facts: Vec<&GoldEvent> = gold
        .iter()
        .copied()
        .filter(|g| !g.modality.is_fact())
        .collect();
    let system_facts: Vec<&Event> = system
        .iter()
        .copied()
        .filter(|e| e.modality.is_fact())
        .collect();

    let weights: Vec<Vec<i64>> = facts
        .iter()
        .map(|fact| {
            system_facts
                .iter()
                .map(|event| pair_weight(fact, event, places))
                .collect()
        })
        .collect();
    let pairs = match matching {
        Matching::Maximum => assignment::maximum_weight(&weights),
        Matching::Greedy => assignment::greedy(&weights),
    };
    let n_greedy = assignment::greedy(&weights).len();
    report.events_greedy.add(Counts {
        true_positives: n_greedy,
        false_positives: system_facts.len() - n_greedy,
        false_negatives: facts.len() - n_greedy,
    });

    let mut gold_matched = vec![false; facts.len()];
    let mut system_matched = vec![false; system_facts.len()];
    for &(gold_idx, system_idx) in &pairs {
        gold_matched[gold_idx] = true;
        system_matched[system_idx] = true;
        let (fact, event) = (facts[gold_idx], system_facts[system_idx]);
        report.per_kind.entry(fact.kind).or_default().true_positives += 1;
        report.actor2.count(actor2_agrees(fact, event));
        if let Some(gold_date) = &fact.date {
            let exact = event
                .date
                .as_ref()
                .is_some_and(|date| date.start == gold_date.start && date.end == gold_date.end);
            report.date_exact.count(exact);
            if !exact {
                errors
                    .inexact_dates
                    .push(((*fact).clone(), (*event).clone()));
            }
        }
        if let Some(gold_place) = &fact.location {
            report.place_exact.count(
                event
                    .location
                    .as_ref()
                    .is_some_and(|place| names_agree(gold_place, place, places)),
            );
        }
        report.modality.count(fact.modality == event.modality);
        if fact.modality != event.modality {
            errors
                .modality_disagrees
                .push(((*fact).clone(), (*event).clone()));
        }
    }
    for (fact, matched) in facts.iter().zip(&gold_matched) {
        if !matched {
            report
                .per_kind
                .entry(fact.kind)
                .or_default()
                .false_negatives += 1;
            errors.missed.push((*fact).clone());
        }
    }
    for (event, matched) in system_facts.iter().zip(&system_matched) {
        if !matched {
            report
                .per_kind
                .entry(event.kind)
                .or_default()
                .false_positives += 1;
            errors.spurious.push((*event).clone());
        }
    }
    report.events.add(Counts {
        true_positives: pairs.len(),
        false_positives: system_facts.len() - pairs.len(),
        false_negatives: facts.len() - pairs.len(),
    });

    // Non-facts are not scored, but a system that states them as facts should know it.
    let leak_weights: Vec<Vec<i64>> = non_facts
        .iter()
        .map(|gold| {
            system_facts
                .iter()
                .map(|event| pair_weight(gold, event, places))
                .collect()
        })
        .collect();
    let leaked = assignment::maximum_weight(&leak_weights);
    for &(gold_idx, system_idx) in &leaked {
        errors.non_facts_as_facts.push((
            (*non_facts[gold_idx]).clone(),
            (*system_facts[system_idx]).clone(),
        ));
    }
    report.non_facts_as_facts.agree += leaked.len();
    report.non_facts_as_facts.total += non_facts.len();
}

/// 0 when the two do not match; otherwise 1000 plus one per agreeing detail.
fn pair_weight(gold: &GoldEvent, event: &Event, places: &dyn PlaceNames) -> i64 {
    if !event_matches(gold, event, places) {
        return 0;
    }
    let date_exact = gold.date.is_some_and(|g| {
        event
            .date
            .is_some_and(|e| g.start == e.start && g.end == e.end)
    });
    let place_exact = match (&gold.location, &event.location) {
        (Some(g), Some(e)) => names_agree(g, e, places),
        _ => false,
    };
    1000 + i64::from(actor2_agrees(gold, event)) + i64::from(date_exact) + i64::from(place_exact)
}

/// The contract's four matching rules.
pub fn event_matches(gold: &GoldEvent, event: &Event, places: &dyn PlaceNames) -> bool {
    if gold.kind != event.kind {
        return false;
    }
    if let Some(actor1) = &gold.actor1 {
        if !event
            .actor1
            .as_ref()
            .is_some_and(|actor| actor1.accepts(actor.as_str()))
        {
            return false;
        }
    }
    if let Some(gold_place) = &gold.location {
        if !event
            .location
            .as_ref()
            .is_some_and(|place| same_place(gold_place, place, places))
        {
            return false;
        }
    }
    if let Some(gold_date) = &gold.date {
        if !event
            .date
            .as_ref()
            .is_some_and(|date| date.overlaps(gold_date))
        {
            return false;
        }
    }
    true
}

fn actor2_agrees(gold: &GoldEvent, event: &Event) -> bool {
    match (&gold.actor2, &event.actor2) {
        (None, None) => true,
        (Some(accepted), Some(actor)) => accepted.accepts(actor.as_str()),
        _ => false,
    }
}

/// Rule 3: the names agree, the points are within 25 km, or the system's place lies inside
/// the gold admin1 or country.
pub fn same_place(gold: &GoldLocation, system: &Location, places: &dyn PlaceNames) -> bool {
    if names_agree(gold, system, places) {
        return true;
    }
    if let (Some(lat1), Some(lon1), Some(lat2), Some(lon2)) =
        (gold.lat, gold.lon, system.lat, system.lon)
    {
        if haversine_km(lat1, lon1, lat2, lon2) <= SAME_PLACE_KM {
            return true;
        }
    }
    let same_country = match (&gold.country, &system.country) {
        (Some(g), Some(s)) => g.eq_ignore_ascii_case(s),
        _ => false,
    };
    match gold.precision {
        Precision::Country => same_country,
        Precision::Admin1 => match (&gold.admin1, &system.admin1) {
            (Some(g), Some(s)) => {
                places.same_admin1(g, s) && (same_country || gold.country.is_none())
            }
            (Some(_), None) => false,
            (None, _) => same_country,
        },
        _ => false,
    }
}

fn names_agree(gold: &GoldLocation, system: &Location, places: &dyn PlaceNames) -> bool {
    std::iter::once(&gold.name)
        .chain(&gold.alt_names)
        .any(|name| places.same_place(name, &system.name))
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn score_control(
    gold: &[&GoldControl],
    system: &[&ControlFact],
    places: &dyn PlaceNames,
    report: &mut Report,
    errors: &mut Errors,
) {
    // The same (place, controller) stated twice is one fact.
    let mut seen = BTreeSet::new();
    let system: Vec<&ControlFact> = system
        .iter()
        .copied()
        .filter(|fact| seen.insert((fold(&fact.place), fact.controller.clone())))
        .collect();
    let weights: Vec<Vec<i64>> = gold
        .iter()
        .map(|g| {
            system
                .iter()
                .map(|s| {
                    i64::from(
                        g.controller.accepts(s.controller.as_str())
                            && places.same_place(&g.place, &s.place),
                    )
                })
                .collect()
        })
        .collect();
    let pairs = assignment::maximum_weight(&weights);
    let mut gold_matched = vec![false; gold.len()];
    let mut system_matched = vec![false; system.len()];
    for &(g, s) in &pairs {
        gold_matched[g] = true;
        system_matched[s] = true;
    }
    errors.missed_control.extend(
        gold.iter()
            .zip(&gold_matched)
            .filter(|(_, m)| !**m)
            .map(|(g, _)| (*g).clone()),
    );
    errors.spurious_control.extend(
        system
            .iter()
            .zip(&system_matched)
            .filter(|(_, m)| !**m)
            .map(|(s, _)| (*s).clone()),
    );
    report.control.add(Counts {
        true_positives: pairs.len(),
        false_positives: system.len() - pairs.len(),
        false_negatives: gold.len() - pairs.len(),
    });
}

#[cfg(test)]
mod tests;

impl PlaceNames for crate::place::Gazetteer {
    fn same_place(&self, a: &str, b: &str) -> bool {
        crate::place::Gazetteer::same_place(self, a, b)
    }

    fn same_admin1(&self, a: &str, b: &str) -> bool {
        crate::place::Gazetteer::same_admin1(self, a, b)
    }
}
