/*!
De-duplication: which reports, from different articles, are one real-world event.

Outlets repeat each other: the capture of a town is told by a wire service, two
local outlets and a weekly round-up. [`cluster`] groups such reports into
[`Cluster`]s; [`merged_event`] makes one event of each, and
[`Cluster::n_sources`] counts its independent sources (distinct outlets).

The rules (the `resources/dedup/` README lists them) are conservative: two
reports merge only with the same kind, compatible actors, the same place
(gazetteer entry, distance fitting the precision, or name) and overlapping
dates, and never from the same article. Every report must be compatible with
the report that opened its cluster and share a day with every other member (the
members' date intersection never empties), so chains of near matches cannot
drag unrelated reports together. Each member records the [`MergeRule`] that let
it in, so a merge can be explained; nothing here changes the reports, so
running it again over the same reports gives the same clusters.

Work is linear in the number of reports, up to the reports that compete for
the same place and days: reports are blocked by kind, modality and country,
swept in date order, and compared only with open clusters at the same name or
in nearby grid cells.

```
use sitrep::dedup::{self, DedupRules, Report};
use sitrep::{Event, EventKind, Modality, ResourceFiles};
use sitrep::place::{Location, Precision};
use sitrep::time::DateInterval;

let rules = DedupRules::load(&ResourceFiles::embedded()).unwrap();
let report = |doc: &str| Event {
    doc: doc.into(),
    kind: EventKind::TerritoryCaptured,
    actor1: Some(sitrep::ActorId("XLA".into())),
    actor2: None,
    location: Some(Location {
        name: "Northtown".into(), country: Some("ZZ".into()), admin1: None,
        lat: None, lon: None, precision: Precision::Town, id: None, township: None,
    }),
    date: Some(DateInterval::day("2030-05-01".parse().unwrap())),
    modality: Modality::Asserted,
    evidence: "The XLA took Northtown on 1 May.".into(),
    fatalities: None, evidence_start: 0, evidence_end: 0, rule: String::new(), confidence: 1.0,
    place_inferred: false,
};
let (a, b) = (report("a"), report("b"));
let reports = [Report { event: &a, outlet: Some("one.example") }, Report { event: &b, outlet: Some("two.example") }];
let clusters = dedup::cluster(&reports, &rules);
assert_eq!(clusters.len(), 1);
assert_eq!(clusters[0].n_sources, 2);
```
*/

mod rules;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use jiff::civil::Date;

use crate::actor::ActorId;
use crate::event::{Event, EventKind, Modality};
use crate::place::Location;
use crate::text::fold;
use crate::time::{DateInterval, DatePrecision};

pub use rules::{DedupRules, MAX_DISTANCE_KM, is_area};

/// One report of an event: what one article states, and the outlet that published it.
#[derive(Clone, Copy, Debug)]
pub struct Report<'e> {
    /// The event as the article states it.
    pub event: &'e Event,
    /// The outlet's name or domain, when known; reports with none count as their own source.
    pub outlet: Option<&'e str>,
}

/// How a report's place agreed with its cluster's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceMatch {
    /// The same gazetteer entry.
    SameEntry,
    /// Both points resolved, within the distance for their precision.
    WithinDistance,
    /// The same name (folded, generic words dropped) where coordinates are missing.
    SameName,
}

/// How one actor slot of a report agreed with its cluster's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorMatch {
    /// The same actor.
    Same,
    /// One side names no actor.
    Unknown,
    /// One names a coalition the other belongs to.
    Coalition,
}

impl PlaceMatch {
    /// The rule's name as stored (`same_name`).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceMatch::SameEntry => "same_entry",
            PlaceMatch::WithinDistance => "within_distance",
            PlaceMatch::SameName => "same_name",
        }
    }
}

impl ActorMatch {
    /// The rule's name as stored (`same`).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorMatch::Same => "same",
            ActorMatch::Unknown => "unknown",
            ActorMatch::Coalition => "coalition",
        }
    }

    /// The weaker of two agreements.
    fn weaker(self, other: ActorMatch) -> ActorMatch {
        match (self, other) {
            (ActorMatch::Unknown, _) | (_, ActorMatch::Unknown) => ActorMatch::Unknown,
            (ActorMatch::Coalition, _) | (_, ActorMatch::Coalition) => ActorMatch::Coalition,
            _ => ActorMatch::Same,
        }
    }
}

/// Why a report joined a cluster: how its place and actors agreed (its dates always share a
/// day with every member's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MergeRule {
    /// How the places agreed.
    pub place: PlaceMatch,
    /// How the actor1s agreed.
    pub actor1: ActorMatch,
    /// How the actor2s agreed.
    pub actor2: ActorMatch,
    /// True when the report's actor1 and actor2 are the cluster's actor2 and actor1.
    pub swapped: bool,
}

impl fmt::Display for MergeRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "place={} actor1={} actor2={} dates=overlap",
            self.place.as_str(),
            self.actor1.as_str(),
            self.actor2.as_str()
        )?;
        if self.swapped {
            f.write_str(" swapped")?;
        }
        Ok(())
    }
}

/// A report in a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// Index of the report in the slice given to [`cluster`].
    pub report: usize,
    /// Why it joined; `None` for the report that opened the cluster.
    pub rule: Option<MergeRule>,
}

/// Reports of one real-world event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// The reports, the one that opened the cluster first.
    pub members: Vec<Member>,
    /// Independent sources: distinct outlets (a report without an outlet counts as its own).
    pub n_sources: usize,
}

/// Groups reports of the same real-world event. Every report is in exactly one cluster;
/// clusters come in the order of their first report.
pub fn cluster(reports: &[Report<'_>], rules: &DedupRules) -> Vec<Cluster> {
    let mut blocks: BTreeMap<BlockKey, Vec<usize>> = BTreeMap::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (idx, report) in reports.iter().enumerate() {
        match block_key(report.event) {
            Some(key) => blocks.entry(key).or_default().push(idx),
            None => clusters.push(Cluster {
                members: vec![Member {
                    report: idx,
                    rule: None,
                }],
                n_sources: 0,
            }),
        }
    }
    for mut block in blocks.into_values() {
        block.sort_by_key(|&idx| (reports[idx].event.date.map(|date| date.start), idx));
        clusters.extend(sweep_block(&block, reports, rules));
    }
    for cluster in &mut clusters {
        cluster.n_sources = count_sources(cluster, reports);
    }
    clusters.sort_by_key(|cluster| cluster.members.iter().map(|member| member.report).min());
    clusters
}

/// Reports merge only within a block: same kind, same modality class, same country.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct BlockKey {
    kind: EventKind,
    /// `None` for facts (asserted and claimed merge together), else the modality.
    non_fact: Option<ModalityKey>,
    country: String,
}

/// Modality as a sortable key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ModalityKey(u8);

/// The block of a report that may merge at all: one with a place and a date.
fn block_key(event: &Event) -> Option<BlockKey> {
    let location = event.location.as_ref()?;
    event.date?;
    let non_fact = match event.modality {
        Modality::Asserted | Modality::Claimed => None,
        Modality::Speculative => Some(ModalityKey(1)),
        Modality::Planned => Some(ModalityKey(2)),
        Modality::Negated => Some(ModalityKey(3)),
    };
    let country = location
        .country
        .as_deref()
        .unwrap_or("")
        .to_ascii_uppercase();
    Some(BlockKey {
        kind: event.kind,
        non_fact,
        country,
    })
}

/// A cluster still taking members during the sweep.
struct OpenCluster<'e> {
    members: Vec<Member>,
    seed_location: &'e Location,
    /// The days every member shares.
    shared: (Date, Date),
    docs: HashSet<&'e str>,
    actor1s: Vec<&'e ActorId>,
    actor2s: Vec<&'e ActorId>,
}

fn sweep_block(block: &[usize], reports: &[Report<'_>], rules: &DedupRules) -> Vec<Cluster> {
    let mut open: Vec<OpenCluster<'_>> = Vec::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_cell: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for &report_idx in block {
        let event = reports[report_idx].event;
        let (Some(location), Some(date)) = (event.location.as_ref(), event.date) else {
            continue;
        };
        let name_key = rules.name_key(&location.name);
        let mut candidates: Vec<usize> = Vec::new();
        let still_open = |open_idx: &usize| open[*open_idx].shared.1 >= date.start;
        if let Some(list) = by_name.get_mut(&name_key) {
            list.retain(still_open);
            candidates.extend(list.iter().copied());
        }
        let cell = grid_cell(location);
        if let Some((lat_cell, lon_cell)) = cell {
            let lon_reach = lon_cells_within(location.lat.unwrap_or(0.0), rules.max_distance_km());
            for lat in lat_cell - 1..=lat_cell + 1 {
                for lon in lon_cell - lon_reach..=lon_cell + lon_reach {
                    if let Some(list) = by_cell.get_mut(&(lat, lon)) {
                        list.retain(still_open);
                        candidates.extend(list.iter().copied());
                    }
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let joined = candidates.into_iter().find_map(|open_idx| {
            admits(&open[open_idx], event, date, rules).map(|rule| (open_idx, rule))
        });
        match joined {
            Some((open_idx, rule)) => open[open_idx].add(report_idx, event, date, rule),
            None => {
                let open_idx = open.len();
                open.push(OpenCluster::new(report_idx, event, location, date));
                by_name.entry(name_key).or_default().push(open_idx);
                if let Some(cell) = cell {
                    by_cell.entry(cell).or_default().push(open_idx);
                }
            }
        }
    }
    open.into_iter()
        .map(|cluster| Cluster {
            members: cluster.members,
            n_sources: 0,
        })
        .collect()
}

/// The rule by which `cluster` admits `event`, if it does.
fn admits(
    cluster: &OpenCluster<'_>,
    event: &Event,
    date: DateInterval,
    rules: &DedupRules,
) -> Option<MergeRule> {
    if cluster.docs.contains(event.doc.as_str()) {
        return None;
    }
    if date.start > cluster.shared.1 || date.end < cluster.shared.0 {
        return None;
    }
    let place = rules.same_place(cluster.seed_location, event.location.as_ref()?)?;
    let (actor1, actor2) = (event.actor1.as_ref(), event.actor2.as_ref());
    let direct = actors_agree(&cluster.actor1s, actor1, rules).zip(actors_agree(
        &cluster.actor2s,
        actor2,
        rules,
    ));
    if let Some((actor1, actor2)) = direct {
        return Some(MergeRule {
            place,
            actor1,
            actor2,
            swapped: false,
        });
    }
    if !rules.is_symmetric(event.kind) {
        return None;
    }
    let (actor1, actor2) = actors_agree(&cluster.actor1s, actor2, rules).zip(actors_agree(
        &cluster.actor2s,
        actor1,
        rules,
    ))?;
    Some(MergeRule {
        place,
        actor1,
        actor2,
        swapped: true,
    })
}

/// How `actor` agrees with every actor the cluster already names in that slot.
fn actors_agree(
    known: &[&ActorId],
    actor: Option<&ActorId>,
    rules: &DedupRules,
) -> Option<ActorMatch> {
    if known.is_empty() || actor.is_none() {
        return Some(ActorMatch::Unknown);
    }
    known
        .iter()
        .try_fold(ActorMatch::Same, |agreement, known_actor| {
            rules
                .actor_matches(Some(known_actor), actor)
                .map(|one| agreement.weaker(one))
        })
}

impl<'e> OpenCluster<'e> {
    fn new(
        report_idx: usize,
        event: &'e Event,
        location: &'e Location,
        date: DateInterval,
    ) -> OpenCluster<'e> {
        let mut cluster = OpenCluster {
            members: vec![Member {
                report: report_idx,
                rule: None,
            }],
            seed_location: location,
            shared: (date.start, date.end),
            docs: HashSet::new(),
            actor1s: Vec::new(),
            actor2s: Vec::new(),
        };
        cluster.take_in(event, false);
        cluster
    }

    fn add(&mut self, report_idx: usize, event: &'e Event, date: DateInterval, rule: MergeRule) {
        self.members.push(Member {
            report: report_idx,
            rule: Some(rule),
        });
        self.shared = (self.shared.0.max(date.start), self.shared.1.min(date.end));
        self.take_in(event, rule.swapped);
    }

    fn take_in(&mut self, event: &'e Event, swapped: bool) {
        self.docs.insert(event.doc.as_str());
        let (first, second) = if swapped {
            (&event.actor2, &event.actor1)
        } else {
            (&event.actor1, &event.actor2)
        };
        for (actor, known) in [(first, &mut self.actor1s), (second, &mut self.actor2s)] {
            if let Some(actor) = actor {
                if !known.contains(&actor) {
                    known.push(actor);
                }
            }
        }
    }
}

/// The 1-degree grid cell of a resolved point.
fn grid_cell(location: &Location) -> Option<(i32, i32)> {
    let (lat, lon) = (location.lat?, location.lon?);
    if !lat.is_finite() || !lon.is_finite() || is_area(location.precision) {
        return None;
    }
    Some((lat.floor() as i32, lon.floor() as i32))
}

/// How many 1-degree longitude cells `km` spans at latitude `lat`.
fn lon_cells_within(lat: f64, km: f64) -> i32 {
    let km_per_degree = 111.32 * lat.abs().min(85.0).to_radians().cos();
    ((km / km_per_degree).ceil() as i32).clamp(1, 180)
}

fn count_sources(cluster: &Cluster, reports: &[Report<'_>]) -> usize {
    let sources: HashSet<String> = cluster
        .members
        .iter()
        .map(|member| {
            let report = &reports[member.report];
            match report.outlet {
                Some(outlet) if !outlet.trim().is_empty() => fold(outlet),
                _ => format!("\u{0}doc:{}", report.event.doc),
            }
        })
        .collect();
    sources.len()
}

/// One event standing for a cluster: the first report's, with the days all reports share,
/// the most exact place, the actors most reports name, `asserted` when any report asserts
/// it, and the lowest death toll given.
pub fn merged_event(cluster: &Cluster, reports: &[Report<'_>]) -> Event {
    let seed = reports[cluster.members[0].report].event;
    let mut event = seed.clone();
    let members: Vec<(&Event, bool)> = cluster
        .members
        .iter()
        .map(|member| {
            (
                reports[member.report].event,
                member.rule.is_some_and(|rule| rule.swapped),
            )
        })
        .collect();
    event.date = shared_date(&members);
    event.location = members
        .iter()
        .filter_map(|(member, _)| member.location.as_ref())
        .min_by_key(|location| {
            (
                location.lat.is_none() || location.lon.is_none(),
                location.precision,
            )
        })
        .cloned();
    event.actor1 = most_named(
        members
            .iter()
            .map(|(m, swapped)| if *swapped { &m.actor2 } else { &m.actor1 }),
    );
    event.actor2 = most_named(
        members
            .iter()
            .map(|(m, swapped)| if *swapped { &m.actor1 } else { &m.actor2 }),
    );
    if members
        .iter()
        .any(|(member, _)| member.modality == Modality::Asserted)
    {
        event.modality = Modality::Asserted;
    }
    event.fatalities = members
        .iter()
        .filter_map(|(member, _)| member.fatalities)
        .min();
    event
}

/// The days every member's date covers, with the precision of a member that says exactly that.
fn shared_date(members: &[(&Event, bool)]) -> Option<DateInterval> {
    let dates: Vec<DateInterval> = members
        .iter()
        .filter_map(|(member, _)| member.date)
        .collect();
    let start = dates.iter().map(|date| date.start).max()?;
    let end = dates.iter().map(|date| date.end).min()?;
    if start > end {
        return dates.first().copied();
    }
    let precision = if start == end {
        DatePrecision::Day
    } else {
        dates
            .iter()
            .find(|date| date.start == start && date.end == end)
            .map_or(DatePrecision::Range, |date| date.precision)
    };
    Some(DateInterval {
        start,
        end,
        precision,
    })
}

/// The actor named most often (the first named among equals).
fn most_named<'e>(actors: impl Iterator<Item = &'e Option<ActorId>>) -> Option<ActorId> {
    let mut counts: Vec<(&ActorId, usize)> = Vec::new();
    for actor in actors.flatten() {
        match counts.iter_mut().find(|(known, _)| *known == actor) {
            Some((_, count)) => *count += 1,
            None => counts.push((actor, 1)),
        }
    }
    let best = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == best)
        .map(|(actor, _)| actor.clone())
}
