/*!
The de-duplication rules, compiled from `resources/dedup/`: when two places are
the same place, and when two actors can be the same side of one event.

Kept apart from the clustering so that each test of a rule reads as the rule:
[`DedupRules::same_place`] and [`DedupRules::actors_match`] answer for one pair
of reports, and say which rule made them agree.
*/

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::actor::ActorId;
use crate::eval::{admin1_key, haversine_km};
use crate::event::EventKind;
use crate::place::{Location, Precision};
use crate::resources::{ResourceError, ResourceFiles};
use crate::text::fold;

use super::{ActorMatch, PlaceMatch};

const RULES_FILE: &str = "dedup/dedup.toml";
const COALITIONS_FILE: &str = "dedup/coalitions.tsv";

/// Largest same-place distance the rules may set: the clustering's spatial index relies on it.
pub const MAX_DISTANCE_KM: f64 = 50.0;

/// `dedup.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    distance_km: DistanceTable,
    names: NameRules,
    actors: ActorRules,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DistanceTable {
    point: f64,
    town: f64,
    township: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameRules {
    generic_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorRules {
    symmetric_kinds: Vec<EventKind>,
}

/// The compiled de-duplication rules.
#[derive(Clone, Debug)]
pub struct DedupRules {
    distance_point_km: f64,
    distance_town_km: f64,
    distance_township_km: f64,
    generic_words: Vec<String>,
    symmetric_kinds: BTreeSet<EventKind>,
    /// Coalition id to its members.
    coalitions: BTreeMap<ActorId, BTreeSet<ActorId>>,
}

impl DedupRules {
    /// Compiles `dedup/dedup.toml` and `dedup/coalitions.tsv`.
    pub fn load(files: &ResourceFiles) -> Result<DedupRules, ResourceError> {
        let text = files.text(RULES_FILE)?;
        let raw: RuleFile = toml::from_str(text).map_err(|err| {
            let line = err
                .span()
                .map(|span| text[..span.start].lines().count().max(1));
            let message = err.message().to_string();
            match line {
                Some(line) => ResourceError::at_line(RULES_FILE, line, message),
                None => ResourceError::new(RULES_FILE, message),
            }
        })?;
        let distances = [
            raw.distance_km.point,
            raw.distance_km.town,
            raw.distance_km.township,
        ];
        if distances
            .iter()
            .any(|km| !(0.0..=MAX_DISTANCE_KM).contains(km))
        {
            return Err(ResourceError::new(
                RULES_FILE,
                format!("distance_km values must lie between 0 and {MAX_DISTANCE_KM}"),
            ));
        }
        Ok(DedupRules {
            distance_point_km: raw.distance_km.point,
            distance_town_km: raw.distance_km.town,
            distance_township_km: raw.distance_km.township,
            generic_words: raw
                .names
                .generic_words
                .iter()
                .map(|word| fold(word))
                .collect(),
            symmetric_kinds: raw.actors.symmetric_kinds.into_iter().collect(),
            coalitions: load_coalitions(files)?,
        })
    }

    /// The key two place names must share to name the same place: folded, the trailing
    /// generic words dropped, letters and digits only ("Mrauk-U Town" → "mrauku").
    pub fn name_key(&self, name: &str) -> String {
        let folded = fold(name);
        let mut words: Vec<&str> = folded.split(' ').filter(|word| !word.is_empty()).collect();
        while words.len() > 1
            && words
                .last()
                .is_some_and(|last| self.generic_words.iter().any(|g| g == last))
        {
            words.pop();
        }
        words
            .concat()
            .chars()
            .filter(|ch| ch.is_alphanumeric())
            .collect()
    }

    /// The largest same-place distance, in km.
    pub fn max_distance_km(&self) -> f64 {
        self.distance_point_km
            .max(self.distance_town_km)
            .max(self.distance_township_km)
    }

    fn distance_km(&self, precision: Precision) -> f64 {
        match precision {
            Precision::Point => self.distance_point_km,
            Precision::Town => self.distance_town_km,
            _ => self.distance_township_km,
        }
    }

    /// Whether two locations are the same place, and by which rule; `None` when they are not
    /// (or cannot be told apart from different places).
    pub fn same_place(&self, a: &Location, b: &Location) -> Option<PlaceMatch> {
        if !same_where_given(a.country.as_deref(), b.country.as_deref(), |x, y| {
            x.eq_ignore_ascii_case(y)
        }) {
            return None;
        }
        if is_area(a.precision) || is_area(b.precision) {
            let same =
                a.precision == b.precision && self.name_key(&a.name) == self.name_key(&b.name);
            return same.then_some(PlaceMatch::SameName);
        }
        if let (Some(id_a), Some(id_b)) = (&a.id, &b.id) {
            if id_a == id_b {
                return Some(PlaceMatch::SameEntry);
            }
        }
        if let (Some(lat_a), Some(lon_a), Some(lat_b), Some(lon_b)) = (a.lat, a.lon, b.lat, b.lon) {
            let limit = self.distance_km(a.precision.max(b.precision));
            return (haversine_km(lat_a, lon_a, lat_b, lon_b) <= limit)
                .then_some(PlaceMatch::WithinDistance);
        }
        let same = same_where_given(a.admin1.as_deref(), b.admin1.as_deref(), |x, y| {
            admin1_key(x) == admin1_key(y)
        }) && self.name_key(&a.name) == self.name_key(&b.name);
        same.then_some(PlaceMatch::SameName)
    }

    /// Whether one actor slot of two reports can name the same side.
    pub fn actor_matches(&self, a: Option<&ActorId>, b: Option<&ActorId>) -> Option<ActorMatch> {
        match (a, b) {
            (Some(a), Some(b)) if a == b => Some(ActorMatch::Same),
            (Some(a), Some(b)) if self.is_member(a, b) || self.is_member(b, a) => {
                Some(ActorMatch::Coalition)
            }
            (Some(_), Some(_)) => None,
            _ => Some(ActorMatch::Unknown),
        }
    }

    /// True for kinds whose actors may stand in either order.
    pub fn is_symmetric(&self, kind: EventKind) -> bool {
        self.symmetric_kinds.contains(&kind)
    }

    fn is_member(&self, coalition: &ActorId, member: &ActorId) -> bool {
        self.coalitions
            .get(coalition)
            .is_some_and(|members| members.contains(member))
    }
}

/// True for precisions that name an area compared by name only.
pub fn is_area(precision: Precision) -> bool {
    matches!(precision, Precision::Admin1 | Precision::Country)
}

/// True when both values are absent, one is, or both are given and agree.
fn same_where_given(a: Option<&str>, b: Option<&str>, agree: impl Fn(&str, &str) -> bool) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => agree(a, b),
        _ => true,
    }
}

fn load_coalitions(
    files: &ResourceFiles,
) -> Result<BTreeMap<ActorId, BTreeSet<ActorId>>, ResourceError> {
    let mut coalitions: BTreeMap<ActorId, BTreeSet<ActorId>> = BTreeMap::new();
    let mut previous: Option<(String, String)> = None;
    for (line_no, line) in files.data_lines(COALITIONS_FILE)? {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [coalition, member] = fields[..] else {
            return Err(ResourceError::at_line(
                COALITIONS_FILE,
                line_no,
                "expected two tab-separated columns",
            ));
        };
        if coalition.is_empty() || member.is_empty() || coalition == member {
            return Err(ResourceError::at_line(
                COALITIONS_FILE,
                line_no,
                "empty or self-referring entry",
            ));
        }
        let entry = (coalition.to_string(), member.to_string());
        if previous.as_ref().is_some_and(|prev| *prev >= entry) {
            return Err(ResourceError::at_line(
                COALITIONS_FILE,
                line_no,
                "lines must be sorted and unique",
            ));
        }
        coalitions
            .entry(ActorId(entry.0.clone()))
            .or_default()
            .insert(ActorId(entry.1.clone()));
        previous = Some(entry);
    }
    Ok(coalitions)
}
