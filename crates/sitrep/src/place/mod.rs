/*!
Places: the gazetteer, place mentions and their resolution.

[`tag`] finds the place names of a text and resolves each to a gazetteer entry
in three steps, each its own module:

- [`token`] cuts sentences into words with byte offsets;
- [`mention`] finds the names (capitalised runs that the gazetteer or the
  demonym list knows, outside organisation and person names) and reads their
  context: generic words, containers, roles;
- [`resolve`] picks each name's entry by kind, population, the article's
  focus, containers and distance to the other places.

The [`Gazetteer`] is compiled at start-up from `resources/gazetteer/`; the
[`compile`] module builds its main table from the public sources, and
[`corpus`] and [`geo_eval`] read and score the geoparsing gold corpora.
*/

use serde::{Deserialize, Serialize};

use crate::span::Span;

mod arena_map;
pub mod compile;
pub mod corpus;
pub mod gazetteer;
pub mod geo_eval;
pub mod key;
pub mod kind;
pub mod mention;
pub mod resolve;
pub mod token;
pub mod words;

pub use gazetteer::{EntryIdx, Gazetteer, PlaceEntry};
pub use kind::PlaceKind;

/// How exactly a location is known, as the contract spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A village, base, bridge or other spot.
    Point,
    /// A town or city.
    Town,
    /// A township or district.
    Township,
    /// A state, region or province.
    Admin1,
    /// A whole country.
    Country,
}

/// The contract's location object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name as the gazetteer spells it.
    pub name: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// State, region or province, without "State"/"Region" ("Kachin").
    pub admin1: Option<String>,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// How exactly it is known.
    pub precision: Precision,
    /// The gazetteer entry, where resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// What a place name stands for in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRole {
    /// The place itself: "fighting in Bhamo".
    Toponym,
    /// An adjective of nationality or origin: "Chinese pressure".
    Demonym,
    /// The place standing for its government or people: "Beijing said".
    Metonym,
}

/// A place name found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The name's bytes, including a generic word that belongs to it ("Bhamo Town").
    pub span: Span,
    /// What it stands for.
    pub role: PlaceRole,
    /// The resolved location, if any.
    pub location: Option<Location>,
    /// Confidence in the resolution, 0 to 1.
    pub confidence: f32,
    /// The sort of place named: the resolved entry's kind, or the kind a generic word asks
    /// for ("Mansi townships"), or `point` for a spot in a place ("Bhamo Airport").
    pub kind: PlaceKind,
}

/// Finds and resolves the place mentions of a text, in text order.
pub fn tag(text: &str, sentences: &[Span], gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    let candidates = mention::detect(text, sentences, gazetteer);
    resolve::resolve(text, &candidates, gazetteer)
}

/// Resolves given spans of a text (gold toponyms, for evaluation) in the context of the
/// whole text: a span the detector also found is resolved as found; any other is looked up
/// by its text. `None` where the gazetteer knows no such name.
pub fn resolve_spans(
    text: &str,
    sentences: &[Span],
    spans: &[Span],
    gazetteer: &Gazetteer,
) -> Vec<Option<PlaceMention>> {
    let mut candidates = mention::detect(text, sentences, gazetteer);
    let n_detected = candidates.len();
    let mut chosen = Vec::with_capacity(spans.len());
    for span in spans {
        let overlapping = candidates[..n_detected]
            .iter()
            .enumerate()
            .filter(|(_, candidate)| candidate.span.overlaps(*span))
            .max_by_key(|(_, candidate)| {
                let shared =
                    candidate.span.end.min(span.end) - candidate.span.start.max(span.start);
                (shared, std::cmp::Reverse(candidate.span.len()))
            })
            .map(|(idx, _)| idx);
        let idx = overlapping.unwrap_or_else(|| {
            let sentence = sentences.partition_point(|s| s.end <= span.start);
            candidates.push(mention::forced(text, *span, sentence, gazetteer));
            candidates.len() - 1
        });
        chosen.push(idx);
    }
    let resolved = resolve::resolve_each(text, &candidates, gazetteer, |idx| chosen.contains(&idx));
    chosen.iter().map(|idx| resolved[*idx].clone()).collect()
}
