/*!
Resolution: which gazetteer entry each mention denotes.

Every entry a name can denote is scored, and the best one wins:

- a **prior** by kind and population (a country before an admin1 division
  before a city before a village), with a bonus for the entry's own name
  over an alternate one ("New York" is the city's name less "City"; "Mexico"
  the country's) and for entries written by hand (seas, continents, landmarks);
- the **kind the context asks for** ("Bhamo Township" wants the township);
- the article's **focus**: the share of the article's country evidence
  (countries and demonyms named, names that only one country has; each name
  once, and never its own) that the entry's country holds, and whether
  another name of the article names its admin1 division;
- an **explicit container** ("X, Kachin State", "X in Y Township") that
  holds the entry;
- in a second pass, **distance** to the places the other mentions resolved
  to in the first (and, for a division, holding them).

A name its container resolves means the same place where the article repeats
it bare (one sense per article). Some names are no places after all: one
whose best entry scores too low without support; a small place abroad that
nothing but its name speaks for, in an article about other countries
("Fano" in news from Ethiopia); a common surname that only names a small
town ("Bassett"); a town named by a county's word ("Metcalfe County"). A
village far from every other place of the article keeps its name but not the
point of a namesake. A name the gazetteer lacks but a generic word marks
("Chaung Gyi village") keeps a location without a point: its name, the
article's country and its container's admin1, else the division the article's
places mostly lie in, else the division the article itself names most. Nothing here fails: an
unresolvable name only loses its own location.
*/

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::{EntryIdx, Gazetteer, PlaceEntry};
use super::key::{key_is, push_key};
use super::kind::PlaceKind;
use super::mention::Candidate;
use super::words::{DemonymTarget, WordClass};
use super::{Location, PlaceMention, PlaceRole, Precision};
use crate::eval::haversine_km;

/// Apostrophes, and marks of the soft sign in romanised Russian and Ukrainian names
/// ("Ryazan’"), which the news leaves out ("Ryazan", "Debre Markos" for "Debre Mark’os"): a
/// name without them is still the entry's own.
const LEFT_OUT_MARKS: [char; 9] = ['\'', '’', '‘', '`', 'ʼ', 'ʻ', 'ʿ', 'ʾ', 'ʹ'];

/// Below this score, a mention with no generic word, demonym or container is no place.
const MIN_SCORE: f64 = 3.5;

/// Bonus when the text spells the entry's own name, not one of its alternate names.
const PRIMARY_NAME_BONUS: f64 = 1.5;

/// Penalty for an alternate name of a place in a country the article gives no other evidence of.
const FOREIGN_ALTERNATE_PENALTY: f64 = 4.0;

/// Places within this distance of each other count together when the article's main place
/// is chosen.
const MAIN_PLACE_KM: f64 = 100.0;

/// The farthest distance at which other places of the article lend an entry support.
const PROXIMITY_KM: f64 = 300.0;

/// Bonus for an admin1 division that holds other places the article names.
const HOLDS_PLACES_BONUS: f64 = 2.0;

/// Country evidence (two names, or a country's name) that makes a small place of another
/// country, without support, a stray word.
const STRAY_EVIDENCE: f64 = 2.0;

/// Penalty for an alternate name of a small place.
const SMALL_ALTERNATE_PENALTY: f64 = 1.5;

/// Bonus of an entry written by hand (a sea, a continent, a landmark).
const CURATED_BONUS: f64 = 2.0;

/// Further bonus when the text spells a country's own name ("Mexico" is the country before
/// Mexico City).
const COUNTRY_NAME_BONUS: f64 = 1.5;

/// Entries scored at most per mention (names shared by hundreds of hamlets).
const MAX_ENTRIES: usize = 2000;

/// Resolves the candidates of one text into place mentions.
pub fn resolve(text: &str, candidates: &[Candidate], gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    resolve_each(text, candidates, gazetteer, |_| false)
        .into_iter()
        .flatten()
        .collect()
}

/// Resolves each candidate, in order: `None` for one that is no place. A candidate for which
/// `keep` is true is resolved however weak its support (a gold toponym under evaluation).
pub fn resolve_each(
    text: &str,
    candidates: &[Candidate],
    gazetteer: &Gazetteer,
    keep: impl Fn(usize) -> bool,
) -> Vec<Option<PlaceMention>> {
    let keys = Keys::of(text, candidates);
    let focus = Focus::of(&keys, candidates, gazetteer);
    let mut scorer = Scorer {
        candidates,
        keys: &keys,
        gazetteer,
        focus: &focus,
        article_admin1: None,
    };
    // Every candidate's entry scores, in one buffer.
    let mut scores = Vec::new();
    let mut shares = Vec::new();
    let ranges: Vec<Range<usize>> = (0..candidates.len())
        .map(|idx| {
            let start = scores.len();
            scorer.context_scores(idx, &mut shares, &mut scores);
            start..scores.len()
        })
        .collect();
    let first_pass: Vec<Option<Best>> = ranges
        .iter()
        .enumerate()
        .map(|(idx, range)| scorer.best(idx, &scores[range.clone()], &[]))
        .collect();
    let anchors: Vec<Anchor> = first_pass
        .iter()
        .enumerate()
        .filter_map(|(idx, best)| {
            let entry = gazetteer.entry(best.as_ref()?.entry);
            Some(Anchor {
                key_id: keys.id(idx),
                point: entry.point().filter(|_| is_local(entry.kind))?,
                admin1: entry.admin1,
            })
        })
        .collect();
    // A stray word ("Fano" in news from Ethiopia, an Italian town) says nothing of the
    // division the article is about, which unknown names take.
    let kept_admin1s: Vec<Option<EntryIdx>> = first_pass
        .iter()
        .enumerate()
        .filter_map(|(idx, best)| {
            let best = best.as_ref()?;
            let entry = gazetteer.entry(best.entry);
            let local = is_local(entry.kind) && entry.point().is_some();
            (local && !scorer.is_stray(idx, best)).then_some(entry.admin1)
        })
        .collect();
    // An article whose towns the gazetteer mostly lacks may still name its division itself,
    // again and again ("the town of Kheret ... in Amhara"): unknown names take that one.
    scorer.article_admin1 = article_admin1(&kept_admin1s).or_else(|| {
        let named_admin1s: Vec<Option<EntryIdx>> = first_pass
            .iter()
            .flatten()
            .filter(|best| gazetteer.entry(best.entry).kind == PlaceKind::Admin1)
            .map(|best| Some(best.entry))
            .collect();
        article_admin1(&named_admin1s)
    });
    let anchors = distinct(anchors);
    let mut bests: Vec<Option<Best>> = ranges
        .iter()
        .enumerate()
        .map(|(idx, range)| scorer.best(idx, &scores[range.clone()], &anchors))
        .collect();
    scorer.one_sense_per_article(&mut bests);
    scorer.containers_hold_their_places(&mut bests);
    bests
        .into_iter()
        .enumerate()
        .map(|(idx, best)| scorer.mention(text, idx, best, keep(idx)))
        .collect()
}

/// A local place a candidate resolved to in the first pass, which speaks for the entries of
/// the other candidates near it or holding it.
#[derive(Clone, Copy, PartialEq)]
struct Anchor {
    /// The number of the candidate's key (a name said twice is no evidence for itself).
    key_id: u32,
    point: (f64, f64),
    admin1: Option<EntryIdx>,
}

/// The anchors, each the same name at the same place once: what distance scoring reads, and
/// no more of it than the article has different names.
fn distinct(anchors: Vec<Anchor>) -> Vec<Anchor> {
    let mut seen = HashSet::default();
    anchors
        .into_iter()
        .filter(|anchor| {
            seen.insert((
                anchor.key_id,
                anchor.point.0.to_bits(),
                anchor.point.1.to_bits(),
                anchor.admin1,
            ))
        })
        .collect()
}

/// The lookup keys of the candidates, in one buffer, each with a number: equal keys, equal
/// numbers.
struct Keys {
    buffer: String,
    ranges: Vec<Range<usize>>,
    ids: Vec<u32>,
}

impl Keys {
    fn of(text: &str, candidates: &[Candidate]) -> Keys {
        let mut buffer = String::new();
        let ranges: Vec<Range<usize>> = candidates
            .iter()
            .map(|candidate| {
                let start = buffer.len();
                push_key(candidate.name_span.slice(text), &mut buffer);
                start..buffer.len()
            })
            .collect();
        let mut numbers: HashMap<&str, u32> = HashMap::default();
        let ids = ranges
            .iter()
            .map(|range| {
                let next = numbers.len() as u32;
                *numbers.entry(&buffer[range.clone()]).or_insert(next)
            })
            .collect();
        Keys {
            buffer,
            ranges,
            ids,
        }
    }

    /// The key of candidate `idx`.
    fn key(&self, idx: usize) -> &str {
        &self.buffer[self.ranges[idx].clone()]
    }

    /// The number of candidate `idx`'s key.
    fn id(&self, idx: usize) -> u32 {
        self.ids[idx]
    }
}

/// The score of one entry of a candidate from what the article says of it, before distance.
struct EntryScore {
    entry: EntryIdx,
    score: f64,
    /// A generic or facility word, a named admin1 division holding it or a container.
    supported: bool,
    /// A named admin1 division holding it, or a container.
    anchored: bool,
    contained: bool,
    share: f64,
}

/// The box around the anchors of an article, widened by the distance that proximity scores:
/// a point outside it is far from all of them, with no distance to compute.
struct Reach {
    south: f64,
    north: f64,
    west: f64,
    east: f64,
}

impl Reach {
    /// Degrees of latitude in [`PROXIMITY_KM`].
    const MARGIN_DEGREES: f64 = PROXIMITY_KM / 111.0;

    fn of<'a>(anchors: impl Iterator<Item = &'a Anchor>) -> Reach {
        let mut reach = Reach {
            south: f64::MAX,
            north: f64::MIN,
            west: f64::MAX,
            east: f64::MIN,
        };
        for anchor in anchors {
            let (lat, lon) = anchor.point;
            reach.south = reach.south.min(lat);
            reach.north = reach.north.max(lat);
            reach.west = reach.west.min(lon);
            reach.east = reach.east.max(lon);
        }
        reach
    }

    /// False only when the point is surely beyond [`PROXIMITY_KM`] of every anchor.
    fn may_reach(&self, (lat, lon): (f64, f64)) -> bool {
        if self.south > self.north {
            return false;
        }
        // A degree of longitude shrinks toward the poles; near them, or across the
        // antimeridian, the box says nothing.
        let lon_margin = Reach::MARGIN_DEGREES / lat.to_radians().cos().max(0.1);
        let near_antimeridian = self.west - lon_margin < -180.0 || self.east + lon_margin > 180.0;
        lat >= self.south - Reach::MARGIN_DEGREES
            && lat <= self.north + Reach::MARGIN_DEGREES
            && (near_antimeridian || lon >= self.west - lon_margin && lon <= self.east + lon_margin)
    }
}

/// What the article as a whole is about: its countries and admin1 divisions.
///
/// Each distinct name votes once for a country (a name said again counts a little more, not
/// once per mention), so that a name repeated ten times cannot make its own country the
/// article's; and a name's own vote is left out when its entries are scored.
struct Focus<'a> {
    /// Each name's country and vote, by lookup key.
    by_name: HashMap<&'a str, (&'a str, f64)>,
    country_votes: HashMap<&'a str, f64>,
    total_votes: f64,
    /// The admin1 divisions named, with the keys of the names that name them.
    admin1: HashMap<EntryIdx, HashSet<&'a str>>,
}

impl<'a> Focus<'a> {
    /// The focus of the candidates, `keys` their lookup keys.
    fn of(keys: &'a Keys, candidates: &[Candidate<'a>], gazetteer: &'a Gazetteer) -> Focus<'a> {
        // (country, weight, count) by name.
        let mut by_name: HashMap<&'a str, (&'a str, f64, usize)> = HashMap::default();
        let mut admin1: HashMap<EntryIdx, HashSet<&'a str>> = HashMap::default();
        for (idx, candidate) in candidates.iter().enumerate() {
            let mut named_admin1 = None;
            let Some((country, weight)) = Focus::evidence(candidate, gazetteer, &mut named_admin1)
            else {
                continue;
            };
            let key = keys.key(idx);
            if let Some(idx) = named_admin1 {
                admin1.entry(idx).or_default().insert(key);
            }
            let vote = by_name.entry(key).or_insert((country, 0.0, 0));
            vote.1 = vote.1.max(weight);
            vote.2 += 1;
        }
        let mut focus = Focus {
            by_name: HashMap::default(),
            country_votes: HashMap::default(),
            total_votes: 0.0,
            admin1,
        };
        for (key, (country, weight, count)) in by_name {
            let vote = weight * (1.0 + 0.5 * (count as f64).ln());
            *focus.country_votes.entry(country).or_default() += vote;
            focus.total_votes += vote;
            focus.by_name.insert(key, (country, vote));
        }
        focus
    }

    /// The country a candidate is evidence of, and how strong: a country's name 2, a
    /// demonym, an admin1 division or a name only one country has 1. An admin1 division
    /// named is noted in `admin1`.
    fn evidence(
        candidate: &Candidate<'a>,
        gazetteer: &'a Gazetteer,
        admin1: &mut Option<EntryIdx>,
    ) -> Option<(&'a str, f64)> {
        if candidate.role == PlaceRole::Demonym {
            match candidate.demonym? {
                DemonymTarget::Country(iso) => return Some((iso.as_str(), 1.0)),
                DemonymTarget::Admin1(code) => {
                    let idx = gazetteer.admin1(code)?;
                    *admin1 = Some(idx);
                    return Some((&gazetteer.entry(idx).country, 1.0));
                }
                DemonymTarget::Place(_) => {}
            }
        }
        let entries = &candidate.entries;
        let top = entries
            .iter()
            .copied()
            .max_by(|a, b| prior(gazetteer.entry(*a)).total_cmp(&prior(gazetteer.entry(*b))))?;
        let top_entry = gazetteer.entry(top);
        let country: &'a str = &top_entry.country;
        if country.is_empty() {
            return None;
        }
        match top_entry.kind {
            PlaceKind::Country => Some((country, 2.0)),
            PlaceKind::Admin1 => {
                *admin1 = Some(top);
                Some((country, 1.0))
            }
            _ => entries
                .iter()
                .all(|idx| &*gazetteer.entry(*idx).country == country)
                .then_some((country, 1.0)),
        }
    }

    /// The share of the evidence, other than the name `key`'s own, that points to `country`.
    fn share(&self, country: &str, key: &str) -> f64 {
        let (own_country, own_vote) = self
            .by_name
            .get(key)
            .map_or(("", 0.0), |(country, vote)| (&**country, *vote));
        let total = self.total_votes - own_vote;
        if total <= 1e-9 {
            return 0.0;
        }
        let votes = self.country_votes.get(country).copied().unwrap_or(0.0)
            - if own_country == country {
                own_vote
            } else {
                0.0
            };
        votes.max(0.0) / total
    }

    /// True when a name other than `key` names the admin1 division ("Kachin State" for
    /// Bhamo; not "Quebec" for Quebec City).
    fn names_admin1(&self, admin1: EntryIdx, key: &str) -> bool {
        self.admin1
            .get(&admin1)
            .is_some_and(|keys| keys.iter().any(|other| *other != key))
    }

    /// The weight of the article's country evidence besides the name `key`'s own.
    fn other_votes(&self, key: &str) -> f64 {
        let own_vote = self.by_name.get(key).map_or(0.0, |(_, vote)| *vote);
        (self.total_votes - own_vote).max(0.0)
    }

    /// The article's main country, when it holds at least half the evidence.
    fn main_country(&self) -> Option<&str> {
        self.country_votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .filter(|(_, votes)| **votes * 2.0 >= self.total_votes)
            .map(|(country, _)| &**country)
    }
}

/// The admin1 division that holds at least half of the article's local places (and two of
/// them at least), given the division of each.
fn article_admin1(admin1s: &[Option<EntryIdx>]) -> Option<EntryIdx> {
    let mut counts: Vec<(EntryIdx, usize)> = Vec::new();
    for &admin1 in admin1s.iter().flatten() {
        match counts.iter_mut().find(|(seen, _)| *seen == admin1) {
            Some((_, count)) => *count += 1,
            None => counts.push((admin1, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count >= 2 && count * 2 >= admin1s.len())
        .map(|(admin1, _)| admin1)
}

/// The place an article is about: among the towns and smaller places its toponyms resolve
/// to, the one with the most weight of itself and the places within [`MAIN_PLACE_KM`] of it,
/// each place weighing the square root of its mentions (so that a cluster of suburbs
/// outweighs a surname taken for a town six times); else the most
/// named division, else country (ties go to the first named). The fallback for a place name
/// the gazetteer does not know at all.
pub fn main_place(mentions: &[Option<PlaceMention>]) -> Option<&Location> {
    let located = |precisions: &'static [Precision]| {
        mentions.iter().flatten().filter_map(move |mention| {
            let location = mention.location.as_ref()?;
            let known = mention.role != PlaceRole::Demonym
                && location.id.is_some()
                && precisions.contains(&location.precision);
            Some((location, (location.lat?, location.lon?))).filter(|_| known)
        })
    };
    let local: Vec<(&Location, (f64, f64))> =
        located(&[Precision::Point, Precision::Town, Precision::Township]).collect();
    // Each distinct place counts by the square root of its mentions.
    let mut distinct: Vec<(&Location, (f64, f64), usize)> = Vec::new();
    for (location, point) in &local {
        match distinct
            .iter_mut()
            .find(|(seen, _, _)| seen.id == location.id)
        {
            Some((_, _, count)) => *count += 1,
            None => distinct.push((location, *point, 1)),
        }
    }
    let weight = |point: (f64, f64)| -> f64 {
        distinct
            .iter()
            .filter(|(_, other, _)| {
                haversine_km(point.0, point.1, other.0, other.1) <= MAIN_PLACE_KM
            })
            .map(|(_, _, count)| (*count as f64).sqrt())
            .sum()
    };
    let best_local = distinct
        .iter()
        .rev()
        .max_by(|a, b| weight(a.1).total_cmp(&weight(b.1)))
        .map(|(location, _, _)| *location);
    best_local.or_else(|| {
        [&[Precision::Admin1][..], &[Precision::Country][..]]
            .into_iter()
            .find_map(|precisions| {
                let named: Vec<&Location> = located(precisions).map(|(l, _)| l).collect();
                named
                    .iter()
                    .rev()
                    .max_by_key(|location| named.iter().filter(|l| l.id == location.id).count())
                    .copied()
            })
    })
}

/// The entry a demonym points to.
fn demonym_entry(gazetteer: &Gazetteer, target: &DemonymTarget) -> Option<EntryIdx> {
    match target {
        DemonymTarget::Country(iso) => gazetteer.country(iso),
        DemonymTarget::Admin1(code) => gazetteer.admin1(code),
        DemonymTarget::Place(id) => gazetteer.entry_by_id(id),
    }
}

/// True for the kinds whose point says where something happened, not a whole division.
fn is_local(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Town
            | PlaceKind::Township
            | PlaceKind::District
            | PlaceKind::Village
            | PlaceKind::Ward
            | PlaceKind::Point
    )
}

/// The bonus for a point near the anchors: 3 within 30 km of one, 2 within 100 km, 1 within
/// [`PROXIMITY_KM`]. Only the band of the nearest matters, so the search stops at the first
/// anchor in the nearest band.
fn proximity<'a>(point: (f64, f64), anchors: impl Iterator<Item = &'a Anchor>) -> f64 {
    let cos_lat = point.0.to_radians().cos();
    let mut nearest = f64::MAX;
    for anchor in anchors {
        nearest = nearest.min(near_km(point, cos_lat, anchor.point));
        if nearest < 30.0 {
            break;
        }
    }
    match nearest {
        km if km < 30.0 => 3.0,
        km if km < 100.0 => 2.0,
        km if km < PROXIMITY_KM => 1.0,
        _ => 0.0,
    }
}

/// Distance in km by the flat-earth approximation, good to a few percent at the few hundred
/// km that proximity scoring cares about, and without the trigonometry of the great circle
/// (this runs for every entry of every mention against every other place of the article).
fn near_km(from: (f64, f64), cos_lat: f64, to: (f64, f64)) -> f64 {
    const KM_PER_DEGREE: f64 = 111.195;
    let d_lat = to.0 - from.0;
    let mut d_lon = (to.1 - from.1).abs();
    if d_lon > 180.0 {
        d_lon = 360.0 - d_lon;
    }
    KM_PER_DEGREE * (d_lat * d_lat + (d_lon * cos_lat).powi(2)).sqrt()
}

/// The kind-and-size prior of an entry.
fn prior(entry: &PlaceEntry) -> f64 {
    let size = 1.2 * (entry.population as f64 + 1.0).log10();
    match entry.kind {
        PlaceKind::Country => 9.0,
        PlaceKind::Admin1 => 7.0,
        PlaceKind::Region => 7.0,
        PlaceKind::Town => size.max(3.5),
        PlaceKind::Township => 3.2,
        PlaceKind::District => 2.8,
        PlaceKind::Village | PlaceKind::Point => 1.5,
        PlaceKind::Ward => 0.5,
    }
}

/// Bonus when the entry is of the kind the context asks for.
fn hint_bonus(hint: Option<PlaceKind>, kind: PlaceKind) -> f64 {
    let Some(hint) = hint else { return 0.0 };
    if hint == kind {
        return 5.0;
    }
    match (hint, kind) {
        (PlaceKind::Town, PlaceKind::Township | PlaceKind::District) => 2.0,
        (PlaceKind::Township, PlaceKind::Town | PlaceKind::District) => 2.0,
        (PlaceKind::District, PlaceKind::Township | PlaceKind::Town) => 2.0,
        (PlaceKind::Admin1, PlaceKind::Region) => 3.0,
        (PlaceKind::Village, PlaceKind::Town | PlaceKind::Ward) => 1.0,
        _ => 0.0,
    }
}

#[derive(Clone, Copy, Debug)]
struct Best {
    entry: EntryIdx,
    score: f64,
    runner_up: f64,
    /// A generic or facility word, a container, a named admin1 division, nearby places or
    /// the article's focus on its country speak for the entry.
    supported: bool,
    /// The same, without the article's focus on the country.
    local_support: bool,
    /// Other places of the article speak for the entry: a container, a named admin1
    /// division holding it, places near it (or held by it).
    anchored: bool,
    /// The article names other local places, all of them far (300 km or more) from the entry.
    isolated: bool,
    /// The candidate's container holds the entry ("Parkland, Florida").
    contained: bool,
    /// The share of the article's other country evidence that the entry's country holds.
    share: f64,
}

/// True when `key` is the entry's own name, or its name without a final "City" ("New York"
/// for "New York City", as the news writes it), or any name of a country ("Burma", "Korea")
/// or of an entry written by hand.
fn is_primary_name(entry: &PlaceEntry, key: &str) -> bool {
    entry.curated
        || entry.kind == PlaceKind::Country
        || key_is(&entry.name, key)
        || entry.name.contains(LEFT_OUT_MARKS)
            && key_is(&entry.name.replace(LEFT_OUT_MARKS, ""), key)
        || entry.kind == PlaceKind::Town
            && entry
                .name
                .strip_suffix(" City")
                .is_some_and(|stem| key_is(stem, key))
}

struct Scorer<'a> {
    candidates: &'a [Candidate<'a>],
    /// Each candidate's lookup key.
    keys: &'a Keys,
    gazetteer: &'a Gazetteer,
    focus: &'a Focus<'a>,
    /// The admin1 division most of the article's local places lie in, if one holds most.
    article_admin1: Option<EntryIdx>,
}

impl<'a> Scorer<'a> {
    /// Appends to `scores` what the article says for each entry of a candidate, apart from
    /// the distance to the other places (which needs a first resolution of all of them);
    /// `shares` is room for the focus share of each country.
    fn context_scores(
        &self,
        idx: usize,
        shares: &mut Vec<(&'a str, f64)>,
        scores: &mut Vec<EntryScore>,
    ) {
        let candidate = &self.candidates[idx];
        let container = candidate.container.and_then(|c| self.candidates.get(c));
        let key = self.keys.key(idx);
        let several = candidate.entries.len() > 1;
        shares.clear();
        for &entry_idx in candidate.entries.iter().take(MAX_ENTRIES) {
            let entry: &'a PlaceEntry = self.gazetteer.entry(entry_idx);
            let mut score = prior(entry) + hint_bonus(candidate.hint, entry.kind);
            let share = match shares
                .iter()
                .find(|(country, _)| *country == &*entry.country)
            {
                Some((_, share)) => *share,
                None => {
                    let share = self.focus.share(&entry.country, key);
                    shares.push((&entry.country, share));
                    share
                }
            };
            // The entry's own name, rather than one of its alternate names; an alternate name
            // of a place in a country the article does not otherwise name is a weak guess.
            let foreign = !entry.country.is_empty() && share == 0.0;
            // Whether the name is the entry's own matters among homonyms, or abroad.
            let primary = !(several || foreign) || is_primary_name(entry, key);
            if primary && several {
                score += PRIMARY_NAME_BONUS;
                if entry.kind == PlaceKind::Country {
                    score += COUNTRY_NAME_BONUS;
                }
            }
            if !primary && foreign && self.focus.other_votes(key) > 1e-9 {
                score -= FOREIGN_ALTERNATE_PENALTY;
            }
            // A small place known by the name only as an alternate ("Atlantic" for a village
            // once so called) is a worse guess than a place of that very name.
            if !primary && several && !entry.is_large() {
                score -= SMALL_ALTERNATE_PENALTY;
            }
            // Entries written by hand are places the news names often: seas and continents,
            // which no focus on a country can speak for, and landmarks that stand for their
            // occupants ("the White House said"), which share their names with towns.
            if entry.curated {
                score += CURATED_BONUS;
            }
            // "Metcalfe County": a county's word after a town's name says little of the town.
            let hint_supports = candidate.hint.is_some()
                && !(matches!(
                    candidate.hint,
                    Some(PlaceKind::Township | PlaceKind::District)
                ) && entry.kind == PlaceKind::Town);
            let mut supported = hint_supports || candidate.facility;
            score += 4.0 * share;
            let in_named_admin1 = entry
                .admin1
                .is_some_and(|a1| self.focus.names_admin1(a1, key))
                && entry.kind != PlaceKind::Admin1;
            if in_named_admin1 {
                score += 2.0;
                supported = true;
            }
            let contained = container.is_some_and(|container| {
                self.container_entries(container)
                    .any(|c| self.contains(c, entry_idx))
            });
            if contained {
                score += 6.0;
                supported = true;
            }
            scores.push(EntryScore {
                entry: entry_idx,
                score,
                supported,
                anchored: in_named_admin1 || contained,
                contained,
                share,
            });
        }
    }

    /// The best entry of a candidate, given its context scores and the anchors of the other
    /// mentions for distance.
    fn best(&self, idx: usize, scores: &[EntryScore], anchors: &[Anchor]) -> Option<Best> {
        let mut best: Option<Best> = None;
        let mut runner_up = f64::MIN;
        // Other names only: a name said twice is no evidence for itself.
        let own_key = self.keys.id(idx);
        let others = || {
            anchors
                .iter()
                .filter(move |anchor| anchor.key_id != own_key)
        };
        let reach = Reach::of(others());
        let any_others = others().next().is_some();
        for scored in scores {
            let entry = self.gazetteer.entry(scored.entry);
            let mut score = scored.score;
            let mut near_others = false;
            let mut isolated = false;
            if let Some(point) = entry.point().filter(|_| is_local(entry.kind)) {
                let proximity = if reach.may_reach(point) {
                    proximity(point, others())
                } else {
                    0.0
                };
                score += proximity;
                near_others = proximity >= 2.0;
                isolated = any_others && proximity == 0.0;
            } else if entry.kind == PlaceKind::Admin1
                && others().any(|anchor| anchor.admin1 == Some(scored.entry))
            {
                // A division that holds other places of the article ("Quebec" beside Montreal).
                score += HOLDS_PLACES_BONUS;
                near_others = true;
            }
            // What the article says near the name supports it; the article's country alone
            // supports only the places not made of a village's or a surname's kind of name.
            let local_support = scored.supported || near_others;
            let supported = local_support
                || scored.share >= 0.3
                    && entry.kind != PlaceKind::Village
                    && entry.kind != PlaceKind::Ward;
            match best {
                Some(current) if current.score >= score => runner_up = runner_up.max(score),
                _ => {
                    if let Some(current) = best {
                        runner_up = runner_up.max(current.score);
                    }
                    best = Some(Best {
                        entry: scored.entry,
                        score,
                        runner_up: f64::MIN,
                        supported,
                        local_support,
                        anchored: scored.anchored || near_others,
                        isolated,
                        contained: scored.contained,
                        share: scored.share,
                    });
                }
            }
        }
        best.map(|best| Best { runner_up, ..best })
    }

    /// One sense per article: a name its container resolves ("Parkland, Florida") means the
    /// same place where the article repeats it bare ("the Parkland shooting").
    fn one_sense_per_article(&self, bests: &mut [Option<Best>]) {
        for idx in 0..bests.len() {
            let Some(best) = bests[idx].filter(|best| best.contained) else {
                continue;
            };
            for (other, other_best) in bests.iter_mut().enumerate() {
                let candidate = &self.candidates[other];
                let bare = candidate.container.is_none() && candidate.hint.is_none();
                if other != idx
                    && bare
                    && self.keys.id(other) == self.keys.id(idx)
                    && candidate.entries.contains(&best.entry)
                {
                    *other_best = Some(best);
                }
            }
        }
    }

    /// A container means the sense that holds the place it contains: in "Blahodatne in
    /// Donetsk" Donetsk is the region holding that village, not the city of the same name.
    fn containers_hold_their_places(&self, bests: &mut [Option<Best>]) {
        for idx in 0..bests.len() {
            let Some(inner) = bests[idx].filter(|best| best.contained) else {
                continue;
            };
            let Some(container) = self.candidates[idx].container else {
                continue;
            };
            let Some(outer) = bests[container].as_mut() else {
                continue;
            };
            if !self.contains(outer.entry, inner.entry) {
                let holder = self
                    .container_entries(&self.candidates[container])
                    .find(|&entry| self.contains(entry, inner.entry));
                outer.entry = holder.unwrap_or(outer.entry);
            }
        }
    }

    /// True when entry `outer` holds entry `inner` (or, for a town, lies within 50 km of it).
    /// The entries a container can be: those of the kind its generic word names, if it has
    /// any ("Kani Township" is the township, not the town of Kani nor a city in Japan).
    fn container_entries(
        &self,
        container: &'a Candidate<'a>,
    ) -> impl Iterator<Item = EntryIdx> + 'a {
        let gazetteer = self.gazetteer;
        let of_hinted_kind = move |c: EntryIdx| {
            container
                .hint
                .is_none_or(|hint| gazetteer.entry(c).kind == hint)
        };
        let hinted = container.entries.iter().any(|&c| of_hinted_kind(c));
        container
            .entries
            .iter()
            .copied()
            .filter(move |&c| !hinted || of_hinted_kind(c))
    }

    fn contains(&self, outer: EntryIdx, inner: EntryIdx) -> bool {
        if outer == inner {
            return false;
        }
        let (outer_entry, inner_entry) = (self.gazetteer.entry(outer), self.gazetteer.entry(inner));
        match outer_entry.kind {
            PlaceKind::Country => inner_entry.country == outer_entry.country,
            PlaceKind::Admin1 => inner_entry.admin1 == Some(outer),
            PlaceKind::District | PlaceKind::Township => {
                let parent = inner_entry.parent;
                parent == Some(outer)
                    || parent.and_then(|p| self.gazetteer.entry(p).parent) == Some(outer)
            }
            _ => match (outer_entry.point(), inner_entry.point()) {
                (Some(a), Some(b)) => haversine_km(a.0, a.1, b.0, b.1) < 50.0,
                _ => false,
            },
        }
    }

    /// True when candidate `idx`'s best entry is a small place abroad that nothing in an
    /// article about other countries speaks for: a word that happens to name a place ("Fano"
    /// in news from Ethiopia).
    fn is_stray(&self, idx: usize, best: &Best) -> bool {
        best.share == 0.0
            && !self.gazetteer.entry(best.entry).is_large()
            && !best.anchored
            && self.focus.other_votes(self.keys.key(idx)) >= STRAY_EVIDENCE
    }

    fn mention(
        &self,
        text: &str,
        idx: usize,
        best: Option<Best>,
        keep: bool,
    ) -> Option<PlaceMention> {
        let candidate = &self.candidates[idx];
        if candidate.role == PlaceRole::Demonym {
            let target = demonym_entry(self.gazetteer, candidate.demonym.as_ref()?)?;
            let location = Some(self.gazetteer.location(target));
            let kind = self.gazetteer.entry(target).kind;
            return Some(PlaceMention {
                span: candidate.span,
                role: PlaceRole::Demonym,
                location,
                confidence: 0.9,
                kind,
            });
        }
        let Some(best) = best else {
            return candidate
                .hint
                .and_then(|kind| self.unknown(text, candidate, kind));
        };
        let entry = self.gazetteer.entry(best.entry);
        // A generic word or a facility word does not make a stray a place ("Friendship Bridge").
        let stray = self.is_stray(idx, &best);
        let local_hint = matches!(
            candidate.hint,
            Some(PlaceKind::Village | PlaceKind::Ward | PlaceKind::Town)
        );
        // A stray is no place even where the caller wants every candidate resolved, but a
        // village the text calls one is a village the gazetteer lacks ("Sann villages").
        if stray {
            return candidate
                .hint
                .filter(|_| local_hint)
                .and_then(|kind| self.unknown(text, candidate, kind));
        }
        if !best.supported && best.score < MIN_SCORE && !keep {
            return None;
        }
        // A village far from every other place of the article, that nothing else speaks for,
        // is another village of the same name: keep the name, not the point.
        let small = matches!(
            entry.kind,
            PlaceKind::Village | PlaceKind::Ward | PlaceKind::Point
        );
        // So is a village or small town the text puts in a division or town that holds none of
        // its name ("Hill Ridge village in Kani Township").
        let container = candidate.container.and_then(|c| self.candidates.get(c));
        let container_resolves = container.is_some_and(|c| !c.entries.is_empty());
        let outside_its_container = container_resolves && !best.contained;
        // So is a small town the text puts in a region it names as one ("Vyshneve in the
        // Donetsk region", when the gazetteer knows only others).
        let in_named_division = container.is_some_and(|c| c.hint == Some(PlaceKind::Admin1));
        let small_town = entry.kind == PlaceKind::Town && !entry.is_large() && in_named_division;
        if (small && best.isolated && !best.anchored
            || (small || small_town) && outside_its_container)
            && !entry.curated
        {
            return self.unknown(text, candidate, candidate.hint.unwrap_or(entry.kind));
        }
        // A town taken for the county or township of its name needs more than that word.
        let division_word = matches!(
            candidate.hint,
            Some(PlaceKind::Township | PlaceKind::District)
        );
        if division_word
            && entry.kind == PlaceKind::Town
            && !entry.is_large()
            && !best.local_support
        {
            return None;
        }
        // A surname alone is a small place only where the text around it says so.
        let name = candidate.name_span.slice(text);
        let surname = !name.contains(' ') && self.gazetteer.words().is(name, WordClass::Surname);
        if surname && !entry.is_large() && !best.local_support && !keep {
            return None;
        }
        let kind = if candidate.facility {
            PlaceKind::Point
        } else {
            candidate.hint.unwrap_or(entry.kind)
        };
        let precision = if kind == entry.kind {
            entry.kind.precision()
        } else {
            kind.precision()
        };
        let mut location = self.gazetteer.location_at(best.entry, precision);
        if candidate.facility {
            location.name = normalise_space(candidate.span.slice(text));
        }
        let margin = if best.runner_up == f64::MIN {
            best.score
        } else {
            best.score - best.runner_up
        };
        let confidence = (1.0 / (1.0 + (-(margin - 1.0)).exp())).clamp(0.05, 0.99) as f32;
        Some(PlaceMention {
            span: candidate.span,
            role: candidate.role,
            location: Some(location),
            confidence,
            kind,
        })
    }

    /// A place whose name the gazetteer lacks (or knows only elsewhere), of the kind a
    /// generic word gives: its name, its container's admin1, the article's country, no point.
    fn unknown(&self, text: &str, candidate: &Candidate, kind: PlaceKind) -> Option<PlaceMention> {
        // The nearest container the gazetteer knows, up the chain: "X village in Sagaing
        // Region's Y Township" lies in Sagaing when Y is unknown too. A village, its township
        // and its state are the longest chain news writes.
        const CONTAINER_STEPS: usize = 3;
        let container_entry =
            std::iter::successors(candidate.container, |&c| self.candidates.get(c)?.container)
                .take(CONTAINER_STEPS)
                .filter_map(|c| self.candidates.get(c))
                .find_map(|c| {
                    self.container_entries(c).max_by(|a, b| {
                        prior(self.gazetteer.entry(*a)).total_cmp(&prior(self.gazetteer.entry(*b)))
                    })
                });
        // The container's division, else the one the article's places mostly lie in.
        let admin1_idx = match container_entry {
            Some(idx) if self.gazetteer.entry(idx).kind == PlaceKind::Admin1 => Some(idx),
            Some(idx) => self.gazetteer.entry(idx).admin1,
            None => self.article_admin1,
        };
        let country = container_entry
            .or(admin1_idx)
            .map(|idx| self.gazetteer.entry(idx).country.as_ref().to_string())
            .filter(|c| !c.is_empty())
            .or_else(|| self.focus.main_country().map(str::to_string));
        let admin1 = admin1_idx
            .and_then(|a1| self.gazetteer.admin1_name(a1))
            .map(str::to_string);
        let location = Location {
            name: normalise_space(candidate.name_span.slice(text)),
            country,
            admin1,
            lat: None,
            lon: None,
            precision: if kind == PlaceKind::Township {
                Precision::Township
            } else {
                kind.precision()
            },
            id: None,
            township: container_entry
                .filter(|&idx| self.gazetteer.entry(idx).kind == PlaceKind::Township)
                .map(|idx| String::from(&*self.gazetteer.entry(idx).id)),
        };
        Some(PlaceMention {
            span: candidate.span,
            role: PlaceRole::Toponym,
            location: Some(location),
            confidence: 0.3,
            kind,
        })
    }
}

fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
