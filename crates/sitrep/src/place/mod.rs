/*!
Places: the gazetteer, place mentions and their resolution.

(Interface only; the gazetteer and geoparser arrive with the places issue.)
*/

use serde::{Deserialize, Serialize};

use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

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
}

/// The compiled gazetteer.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// Loads the gazetteer under `resources/gazetteer/`.
    pub fn load(_files: &ResourceFiles) -> Result<Gazetteer, ResourceError> {
        Ok(Gazetteer {})
    }

    /// True when the two names can denote the same gazetteer entry (after case-folding
    /// and alternate names).
    pub fn same_place(&self, a: &str, b: &str) -> bool {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Finds and resolves the place mentions of a text.
pub fn tag(_text: &str, _sentences: &[Span], _gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    Vec::new()
}
