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
[`compile`] module builds its main table from the public sources,
[`corpus`] and [`geo_eval`] read and score the geoparsing gold corpora, and
[`gold_places`] scores mentions against the places of gold events.
*/

use serde::{Deserialize, Serialize};

use crate::eval::haversine_km;
use crate::span::Span;

mod arena_map;
pub mod compile;
pub mod corpus;
pub mod gazetteer;
pub mod geo_eval;
pub mod gold_places;
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
    /// The gazetteer id of the Myanmar township it lies in (towns, villages and wards), so
    /// that "X village in Y Township" can tell Y contains X. Not part of the contract's object.
    #[serde(skip)]
    pub township: Option<String>,
}

impl Location {
    /// True when `inner` lies inside this place and is named more exactly: a country holds
    /// what is in it, a state or region what the gazetteer puts in it, a township what lies
    /// within it (see [`within_township`]). Towns and points contain nothing: two of them are
    /// two places.
    pub fn contains(&self, inner: &Location) -> bool {
        inner.precision < self.precision
            && match self.precision {
                Precision::Country => self.country == inner.country,
                Precision::Admin1 => self.admin1.is_some() && self.admin1 == inner.admin1,
                Precision::Township => self.admin1 == inner.admin1 && within_township(self, inner),
                Precision::Town | Precision::Point => false,
            }
    }
}

/// How far from a township's centre a place may lie and still be taken to be inside it, when
/// the gazetteer's codes cannot tell: Myanmar's townships are seldom wider than 80 km.
const TOWNSHIP_RADIUS_KM: f64 = 40.0;

/// True when `inner` lies in `township`: by the township the gazetteer puts it in, else by
/// MIMU place code where both have one (a town's code extends its township's), else by
/// distance, else (no coordinates) assumed.
fn within_township(township: &Location, inner: &Location) -> bool {
    fn mimu_code(location: &Location) -> Option<&str> {
        location
            .id
            .as_deref()
            .filter(|id| id.starts_with("mimu:MMR"))
    }
    if let (Some(outer), Some(parent)) = (township.id.as_deref(), inner.township.as_deref()) {
        return outer == parent;
    }
    if let (Some(outer), Some(inner)) = (mimu_code(township), mimu_code(inner)) {
        return inner.starts_with(outer);
    }
    match (township.lat.zip(township.lon), inner.lat.zip(inner.lon)) {
        (Some((lat1, lon1)), Some((lat2, lon2))) => {
            haversine_km(lat1, lon1, lat2, lon2) <= TOWNSHIP_RADIUS_KM
        }
        _ => true,
    }
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
/// by its text, or by the longest part of it that is a name. A span that still has no point
/// (a street, a building, a river the gazetteer lacks) is put at the place the article is
/// about ([`resolve::main_place`]), without an id. `None` where the article names no place.
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
    let main_place = resolve::main_place(&resolved[..n_detected]);
    spans
        .iter()
        .zip(&chosen)
        .map(|(span, idx)| {
            let mention = resolved[*idx].clone();
            let location = mention.as_ref().and_then(|m| m.location.as_ref());
            let has_point = location.is_some_and(|location| location.lat.is_some());
            // A part of the span that names a place elsewhere than the article's main place is
            // a guess worse than that place ("Metcalfe County" is not Metcalfe, Mississippi).
            let candidate = &candidates[*idx];
            let from_part = *idx >= n_detected && candidate.name_span != candidate.span;
            let strays = from_part
                && main_place.zip(location).is_some_and(|(main, location)| {
                    location.country.is_some()
                        && (location.country != main.country
                            || location.admin1.is_some() && location.admin1 != main.admin1)
                });
            if has_point && !strays {
                return mention;
            }
            let Some(main_place) = main_place else {
                return mention;
            };
            let location = Location {
                name: span.slice(text).to_string(),
                id: None,
                ..main_place.clone()
            };
            Some(PlaceMention {
                span: *span,
                role: PlaceRole::Toponym,
                kind: mention.map_or(PlaceKind::Point, |m| m.kind),
                location: Some(location),
                confidence: 0.05,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::resources::ResourceFiles;

    /// Loaded once per test binary: the full gazetteer is large.
    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
        Gazetteer::load(&ResourceFiles::embedded()).expect("the shipped gazetteer loads")
    });

    fn tag_text(text: &str) -> Vec<(String, PlaceMention)> {
        let sentences = [Span::new(0, text.len())];
        tag(text, &sentences, &GAZETTEER)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m))
            .collect()
    }

    fn find<'m>(mentions: &'m [(String, PlaceMention)], text: &str) -> &'m PlaceMention {
        &mentions
            .iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {mentions:?}"))
            .1
    }

    #[test]
    fn towns_townships_and_states_resolve_with_their_kind_and_admin1() {
        let mentions = tag_text(
            "Fighters of the Kachin Independence Army overran Chipwi Town and shelled Bhamo and Mansi townships in Kachin State.",
        );
        assert!(
            mentions.iter().all(|(t, _)| !t.contains("Independence")),
            "{mentions:?}"
        );
        let chipwi = find(&mentions, "Chipwi Town").location.as_ref().unwrap();
        assert_eq!(
            (chipwi.name.as_str(), chipwi.precision),
            ("Chipwi", Precision::Town)
        );
        assert_eq!(
            (chipwi.country.as_deref(), chipwi.admin1.as_deref()),
            (Some("MM"), Some("Kachin"))
        );
        let bhamo = find(&mentions, "Bhamo").location.as_ref().unwrap();
        assert_eq!(
            bhamo.precision,
            Precision::Township,
            "the plural is shared by coordination"
        );
        assert_eq!(find(&mentions, "Mansi townships").kind, PlaceKind::Township);
        let state = find(&mentions, "Kachin State");
        assert_eq!(state.kind, PlaceKind::Admin1);
        assert_eq!(state.location.as_ref().unwrap().name, "Kachin");
    }

    #[test]
    fn an_unknown_town_takes_the_articles_division_not_a_stray_words() {
        // "Fano" is also a town of Italy's Marches: said five times, it must not make the
        // Marches the division the unknown town lies in.
        let mentions = tag_text(
            "Fano militiamen clashed with federal troops near Bahir Dar, the capital of Amhara \
             region, on Monday. Residents of Zerfeta town said Fano fighters had withdrawn by \
             nightfall. Later the army said it had retaken Gondar from Fano units. Fano leaders \
             denied it, and a Fano spokesman said fighting went on near Woreta.",
        );
        assert!(mentions.iter().all(|(t, _)| t != "Fano"), "{mentions:?}");
        let town = find(&mentions, "Zerfeta town").location.as_ref().unwrap();
        assert_eq!(
            (town.country.as_deref(), town.admin1.as_deref()),
            (Some("ET"), Some("Amhara"))
        );
    }

    #[test]
    fn an_unknown_village_takes_the_division_its_article_keeps_naming() {
        // No town of the article is known: the division named again and again holds them.
        let mentions = tag_text(
            "Fighting spread across Idlib province on Monday. Jets bombed the village of \
             Kafr Zyqwa and the nearby village of Tel Qorbun. Rescuers in Idlib said nine \
             people died.",
        );
        let village = find(&mentions, "Tel Qorbun").location.as_ref().unwrap();
        assert_eq!(
            (village.country.as_deref(), village.admin1.as_deref()),
            (Some("SY"), Some("Idlib"))
        );
    }

    #[test]
    fn a_plural_generic_after_a_list_makes_each_name_a_place_of_its_kind() {
        let text = "Troops burned Zyqo Dwe and Shar Lwin villages, then Kani Township's Hill \
                    Ridge and Dale Gyi villages.";
        let mentions = tag_text(text);
        let names: Vec<&str> = mentions.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "Zyqo Dwe",
                "Shar Lwin",
                "Kani Township",
                "Hill Ridge",
                "Dale Gyi villages"
            ]
        );
        assert_eq!(find(&mentions, "Zyqo Dwe").kind, PlaceKind::Village);
        assert_eq!(find(&mentions, "Kani Township").kind, PlaceKind::Township);
    }

    #[test]
    fn who_is_told_is_no_place() {
        let text = "A Sittwe trader told The Irrawaddy and another told Reuters that Ann fell.";
        let places: Vec<String> = tag_text(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(places, ["Sittwe", "Ann"]);
        // An outlet named after its city keeps the city.
        let text = "A nurse told CBC Toronto that the clinic had closed.";
        let places: Vec<String> = tag_text(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(places, ["Toronto"]);
    }

    #[test]
    fn a_name_written_without_its_apostrophe_is_found() {
        let text = "Federal troops entered Debre Markos in Ethiopia on Tuesday.";
        let mentions = tag_text(text);
        let town = find(&mentions, "Debre Markos").location.as_ref().unwrap();
        assert_eq!(
            (town.name.as_str(), town.country.as_deref(), town.precision),
            ("Debre Mark’os", Some("ET"), Precision::Town)
        );
    }

    #[test]
    fn country_names_that_end_in_a_generic_word_or_open_with_capitals_are_whole() {
        let text = "Aid left the United States for DR Congo, where fighting in eastern Congo grew.";
        let mentions = tag_text(text);
        for (written, country) in [
            ("United States", "US"),
            ("DR Congo", "CD"),
            ("eastern Congo", "CD"),
        ] {
            let location = find(&mentions, written).location.as_ref().unwrap();
            assert_eq!(
                (location.precision, location.country.as_deref()),
                (Precision::Country, Some(country)),
                "{written}"
            );
        }
    }

    #[test]
    fn a_capital_after_a_locative_is_a_place_even_before_a_verb_of_speech() {
        let mentions = tag_text(
            "Protesters in Nairobi demanded new elections, and Nairobi said it would listen.",
        );
        let roles: Vec<PlaceRole> = mentions.iter().map(|(_, m)| m.role).collect();
        assert_eq!(
            roles,
            [PlaceRole::Toponym, PlaceRole::Metonym],
            "{mentions:?}"
        );
    }

    #[test]
    fn a_possessive_owner_of_a_township_is_its_region() {
        let mentions = tag_text("Troops burned homes in Sagaing's Ayadaw township on Monday.");
        assert_eq!(
            find(&mentions, "Sagaing").kind,
            PlaceKind::Admin1,
            "{mentions:?}"
        );
        assert_eq!(find(&mentions, "Ayadaw township").kind, PlaceKind::Township);
    }

    #[test]
    fn spelling_variants_and_aliases_come_from_data() {
        let mentions =
            tag_text("Troops left Kanpaikti for Laiza, then drove on past Lweje toward Pangwa.");
        assert_eq!(
            find(&mentions, "Kanpaikti").location.as_ref().unwrap().name,
            "Kan Paik Ti"
        );
        assert_eq!(find(&mentions, "Laiza").kind, PlaceKind::Town);
        assert_eq!(
            find(&mentions, "Lweje").location.as_ref().unwrap().name,
            "Lwegel"
        );
        assert_eq!(
            find(&mentions, "Pangwa").location.as_ref().unwrap().name,
            "Pang War"
        );
        assert!(GAZETTEER.same_place("Pangwa", "Pang War"));
        assert!(GAZETTEER.same_admin1("North Darfur", "Northern Darfur"));
    }

    #[test]
    fn an_arabic_article_is_written_either_way() {
        let mentions = tag_text("Drones struck al-Fasher after the siege of El-Obeid began.");
        assert_eq!(
            find(&mentions, "al-Fasher").location.as_ref().unwrap().name,
            "El Fasher"
        );
        assert!(GAZETTEER.same_place("Al Obeid", "El-Obeid"));
    }

    #[test]
    fn an_ethnic_name_of_a_state_is_the_state_before_a_generic_word() {
        // "Karenni State" is Kayah State; "Karenni" names its people too.
        let mentions = tag_text("Troops pushed into southern Shan and Karenni states.");
        let kayah = find(&mentions, "Karenni states");
        assert_eq!(kayah.role, PlaceRole::Toponym);
        assert_eq!(kayah.location.as_ref().unwrap().name, "Kayah");
        let mentions = tag_text("Karenni fighters held the road.");
        assert_eq!(find(&mentions, "Karenni").role, PlaceRole::Demonym);
    }

    #[test]
    fn a_village_put_in_a_township_is_not_a_namesake_near_its_town() {
        // None of the gazetteer's villages named "Let Pan" lies in Kani Township (one lies in
        // the next, 28 km from Kani town): this one keeps its name and township, no point.
        let mentions = tag_text("Soldiers burned Let Pan village in Kani Township.");
        let village = find(&mentions, "Let Pan village")
            .location
            .as_ref()
            .unwrap();
        assert_eq!(
            (village.country.as_deref(), village.lat),
            (Some("MM"), None)
        );
        assert_eq!(village.township.as_deref(), Some("mimu:MMR005017"));
    }

    #[test]
    fn a_name_written_without_its_soft_sign_is_still_the_towns_own() {
        // GeoNames spells the city "Ryazan’"; the article gives no other sign of Russia.
        let mentions = tag_text("Ukrainian drones hit Ryazan overnight.");
        assert_eq!(
            find(&mentions, "Ryazan")
                .location
                .as_ref()
                .unwrap()
                .country
                .as_deref(),
            Some("RU")
        );
    }

    #[test]
    fn a_small_town_in_a_named_region_that_holds_none_of_its_name_is_unknown_there() {
        let mentions =
            tag_text("Russian troops took Vyshneve in Ukraine's eastern Donetsk region on Sunday.");
        let town = find(&mentions, "Vyshneve").location.clone().unwrap();
        assert_eq!(town.admin1.as_deref(), Some("Donetsk"));
        assert_eq!(town.lat, None);
    }

    #[test]
    fn a_division_after_a_comma_holds_the_place_before_it_when_a_comma_follows() {
        // No "Shwe Kyin" of the gazetteer lies in Bago Region: this one keeps its name and
        // Bago, no point; the comma after "Bago Region" goes on to a date, not a list.
        let mentions = tag_text("Troops raided Shwe Kyin village, Bago Region, on Monday.");
        let village = find(&mentions, "Shwe Kyin village")
            .location
            .clone()
            .unwrap();
        assert_eq!(
            (village.admin1.as_deref(), village.lat),
            (Some("Bago"), None)
        );
    }

    #[test]
    fn a_container_is_the_sense_that_holds_its_place() {
        // Donetsk is a city and a region; the region holds this Blahodatne, 60 km from the city.
        let mentions = tag_text("Ukrainian troops retook Blahodatne in Donetsk on Sunday.");
        let region = find(&mentions, "Donetsk").location.clone().unwrap();
        assert_eq!(region.precision, Precision::Admin1);
        let village = find(&mentions, "Blahodatne").location.clone().unwrap();
        assert_eq!(village.admin1.as_deref(), Some("Donetsk"));
    }

    #[test]
    fn a_generic_word_ends_a_name_before_a_connector_and_owners_hold_what_they_own() {
        // "on Tuesday" is no part of the village's name.
        let mentions = tag_text("Troops burned Zyqlo Village on Tuesday.");
        assert_eq!(texts(&mentions), ["Zyqlo Village"]);
        // Two unknown names: the village lies in the township, the township in the region.
        let mentions = tag_text("Jets bombed Qopl village in Sagaing Region's Zyxwv Township.");
        for name in ["Qopl village", "Zyxwv Township"] {
            let location = find(&mentions, name).location.clone().unwrap();
            assert_eq!(location.admin1.as_deref(), Some("Sagaing"), "{name}");
        }
    }

    #[test]
    fn a_district_or_region_word_makes_an_unknown_name_an_area() {
        let mentions =
            tag_text("Gunmen raided farms in the Zorvatumbo region and in Qelmaw District.");
        assert_eq!(texts(&mentions), ["Zorvatumbo region", "Qelmaw District"]);
        let region = find(&mentions, "Zorvatumbo region")
            .location
            .clone()
            .unwrap();
        assert_eq!(region.precision, Precision::Admin1);
        let district = find(&mentions, "Qelmaw District").location.clone().unwrap();
        assert_eq!(district.precision, Precision::Township);
        // Not the rest of a name that holds a known place.
        let mentions = tag_text("The militia once ruled what was called Shan Special Region 7.");
        assert!(texts(&mentions).iter().all(|t| !t.contains("Special")));
        // Nor an office named after the area.
        let mentions = tag_text("The attack was confirmed by the Qelmaw District Secretary.");
        assert!(texts(&mentions).is_empty(), "{mentions:?}");
    }

    #[test]
    fn a_name_set_off_by_commas_after_a_role_is_a_persons() {
        // Bello is a town in Colombia; here it is a resident's name, and the same elsewhere.
        let mentions = tag_text(
            "Another resident, Bello Ahmadu, said Bhamo was calm. Bello left for Myitkyina.",
        );
        assert_eq!(texts(&mentions), ["Bhamo", "Myitkyina"]);
        // A list after a role stays a list of places.
        let mentions =
            tag_text("According to the commander, Nam Hkam, Mansi and Momauk were calm.");
        assert_eq!(texts(&mentions), ["Nam Hkam", "Mansi", "Momauk"]);
    }

    #[test]
    fn a_country_before_its_embassies_is_no_place_of_the_sentence() {
        let mentions = tag_text("Crowds stormed the French and US embassies in Kinshasa.");
        assert_eq!(find(&mentions, "US").role, PlaceRole::Metonym);
        assert_eq!(find(&mentions, "Kinshasa").role, PlaceRole::Toponym);
    }

    #[test]
    fn demonyms_and_metonyms_keep_the_country_but_say_what_they_are() {
        let mentions = tag_text(
            "Chinese envoys arrived in Myanmar after Beijing said the border would stay shut.",
        );
        let chinese = find(&mentions, "Chinese");
        assert_eq!(chinese.role, PlaceRole::Demonym);
        assert_eq!(
            chinese.location.as_ref().unwrap().country.as_deref(),
            Some("CN")
        );
        assert_eq!(find(&mentions, "Myanmar").role, PlaceRole::Toponym);
        let beijing = find(&mentions, "Beijing");
        assert_eq!(beijing.role, PlaceRole::Metonym);
        assert_eq!(
            beijing.location.as_ref().unwrap().country.as_deref(),
            Some("CN")
        );
        // An adverb may stand between ("Beijing again called").
        let mentions = tag_text("Beijing again called for a ceasefire.");
        assert_eq!(find(&mentions, "Beijing").role, PlaceRole::Metonym);
    }

    #[test]
    fn names_the_gazetteer_lacks_keep_a_location_from_their_generic_word() {
        let mentions = tag_text("Soldiers burned Zyxwv Qopl village in Kachin State.");
        let village = find(&mentions, "Zyxwv Qopl village")
            .location
            .as_ref()
            .unwrap();
        assert_eq!(
            (village.name.as_str(), village.precision),
            ("Zyxwv Qopl", Precision::Point)
        );
        assert_eq!(village.admin1.as_deref(), Some("Kachin"));
        assert_eq!(village.lat, None);
    }

    fn texts(mentions: &[(String, PlaceMention)]) -> Vec<&str> {
        mentions.iter().map(|(text, _)| text.as_str()).collect()
    }

    #[test]
    fn people_and_parts_of_other_names_are_no_places() {
        // Every word of these names is a village somewhere in the gazetteer.
        let mentions = tag_text(
            "Troops detained Sin Myo Aung and Kyaw Thein in Myitkyina, and the army spokesman Min Htet Zin said Lashio was calm.",
        );
        assert_eq!(texts(&mentions), ["Myitkyina", "Lashio"]);
        let mentions = tag_text("Nine were killed near Hpakant; Leslie Hickson flew to Sydney.");
        assert_eq!(texts(&mentions), ["Hpakant", "Sydney"]);
        // A Burmese honorific opens a person's name, though "Bo" alone is a town.
        let mentions = tag_text("Bo Aung Lwin, who leads the local militia, said Kalay was calm.");
        assert_eq!(texts(&mentions), ["Kalay"]);
        let mentions = tag_text("A bomb fell on the village of Maung Zyqo in Kalay Township.");
        assert_eq!(texts(&mentions), ["Maung Zyqo", "Kalay Township"]);
        // A person's name found once is no place elsewhere in the article.
        let text = "General Oo Myint visited Taunggyi. Oo later flew back to Yangon.";
        let sentences = [Span::new(0, 34), Span::new(35, text.len())];
        let found: Vec<&str> = tag(text, &sentences, &GAZETTEER)
            .iter()
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(found, ["Taunggyi", "Yangon"]);
    }

    #[test]
    fn a_capitalised_common_word_is_no_place_abroad() {
        // "Drone" is another name of a town in Italy; in the news it is the weapon.
        let mentions = tag_text("Drone strikes killed nine people in Italy on Monday.");
        assert_eq!(texts(&mentions), ["Italy"]);
        let mentions = tag_text("Drones hit a depot near Fano at dawn.");
        assert_eq!(texts(&mentions), ["Fano"]);
        // A compass word in a title-case heading is no region abroad (Iceland has a
        // "Northwest").
        let mentions = tag_text("Gunmen Kill Five Soldiers In Northwest Burkina Faso");
        assert_eq!(texts(&mentions), ["Burkina Faso"]);
    }

    #[test]
    fn a_run_before_a_generic_word_is_one_place_even_if_its_parts_are_known() {
        let mentions = tag_text("Shelling hit Sin Nyaung Lay village tract in Kyaukme Township.");
        assert_eq!(
            texts(&mentions),
            ["Sin Nyaung Lay village", "Kyaukme Township"]
        );
        let village = mentions[0].1.location.as_ref().unwrap();
        assert_eq!(
            (village.name.as_str(), village.precision),
            ("Sin Nyaung Lay", Precision::Point)
        );
    }

    #[test]
    fn lists_and_appositions_make_places_of_names_the_gazetteer_lacks() {
        let mentions = tag_text(
            "Troops burned Zyqlo, Wuzin Tet and Hpoqgyi villages, then shelled the villages of Kyartoq and Moethux; Leyoq, a village in Pauk Township, was hit too.",
        );
        let names: Vec<(&str, Precision)> = mentions
            .iter()
            .filter_map(|(_, m)| m.location.as_ref())
            .map(|l| (l.name.as_str(), l.precision))
            .collect();
        for village in [
            "Zyqlo",
            "Wuzin Tet",
            "Hpoqgyi",
            "Kyartoq",
            "Moethux",
            "Leyoq",
        ] {
            assert!(
                names.contains(&(village, Precision::Point)),
                "{village} in {names:?}"
            );
        }
        let leyoq = find(&mentions, "Leyoq").location.as_ref().unwrap();
        assert_eq!(
            leyoq.admin1.as_deref(),
            Some("Magway"),
            "its container's state"
        );
        // A list is no chain of containers: Zyqlo is not "in" Wuzin Tet.
        assert_eq!(
            find(&mentions, "Zyqlo").location.as_ref().unwrap().admin1,
            None
        );
    }

    #[test]
    fn a_plural_apposition_makes_villages_of_a_whole_list() {
        let mentions = tag_text(
            "Troops looted Qarvoz, Tezmin Gyi and Wuzhap, at least three further villages, before the rains.",
        );
        assert_eq!(texts(&mentions), ["Qarvoz", "Tezmin Gyi", "Wuzhap"]);
        for (_, mention) in &mentions {
            assert_eq!(
                mention.location.as_ref().unwrap().precision,
                Precision::Point
            );
        }
        // No list, or no apposition: a lone unknown name before a count of villages is none.
        let mentions = tag_text("In Qarvoz, three villages burned.");
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
        let mentions = tag_text("Qarvoz and Wuzhap, as three villages said, were calm.");
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
    }

    #[test]
    fn a_list_a_plural_generic_opens_with_include_makes_places_of_its_names() {
        for text in [
            "The newly burned villages include Qarvoz, Tezmin Gyi and Wuzhap.",
            "Troops looted three villages, including Qarvoz, Tezmin Gyi and Wuzhap.",
        ] {
            let mentions = tag_text(text);
            assert_eq!(
                texts(&mentions),
                ["Qarvoz", "Tezmin Gyi", "Wuzhap"],
                "{text}"
            );
        }
        // A generic a preposition governs announces no places: the names are people's.
        let mentions = tag_text(
            "Troops killed five men from the villages, including Qarvoz Tun and Wuzhap Min.",
        );
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
        // No plural generic before the opener: the names are no places.
        let mentions = tag_text("The victims include Qarvoz, Tezmin Gyi and Wuzhap.");
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
    }

    #[test]
    fn a_singular_generic_word_is_shared_by_a_pair_after_between() {
        let mentions = tag_text("Fighting broke out between Qarvoz and Wuzhap village on Monday.");
        assert_eq!(texts(&mentions), ["Qarvoz", "Wuzhap village"]);
        let mentions = tag_text("Fighting broke out in Qarvoz and Wuzhap village on Monday.");
        assert_eq!(texts(&mentions), ["Wuzhap village"]);
    }

    #[test]
    fn a_weapon_opening_a_sentence_is_no_place() {
        // GeoNames spells an Italian town "Drone"; here it is the weapon.
        let mentions = tag_text("Drone strikes killed dozens of people on Monday.");
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
    }

    #[test]
    fn a_commune_or_municipality_of_an_unknown_name_is_a_town() {
        let mentions = tag_text("Gunmen raided the commune of Belvoire near the coast on Monday.");
        assert_eq!(texts(&mentions), ["Belvoire"]);
        assert_eq!(mentions[0].1.kind, PlaceKind::Town);
        let mentions = tag_text("Police returned to the municipality of Qarvenne last week.");
        assert_eq!(texts(&mentions), ["Qarvenne"]);
    }

    #[test]
    fn an_unknown_name_right_after_a_verb_of_capture_is_a_town() {
        let mentions = tag_text("The rebels captured Zorvala on Friday after a week of fighting.");
        assert_eq!(texts(&mentions), ["Zorvala"]);
        assert_eq!(mentions[0].1.kind, PlaceKind::Town);
        // A name that qualifies a noun is no place: "captured Zorvala fighters".
        let mentions = tag_text("The rebels captured Zorvala fighters near the river.");
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
        // Taking and fleeing a place name it too.
        for text in [
            "The rebels took Zorvala, the district seat, on Friday.",
            "Thousands fled Zorvala on Friday.",
            "Forty people died in the attack on Zorvala on Friday.",
        ] {
            assert_eq!(texts(&tag_text(text)), ["Zorvala"], "{text}");
        }
        // An apposition tells the kind.
        let mentions =
            tag_text("Troops burned houses in an assault on Zorvala, a village in Pauk.");
        assert_eq!(texts(&mentions)[0], "Zorvala");
        assert_eq!(mentions[0].1.kind, PlaceKind::Village);
    }

    #[test]
    fn a_list_after_a_verb_of_capture_or_attack_or_a_facility_names_towns_known_or_not() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "The rebels seized Zorvala, Qarvoz and Wuzhap since early May.",
                &["Zorvala", "Qarvoz", "Wuzhap"],
            ),
            (
                "Gunmen raided Zorvala and Bhamo, looting shops.",
                &["Zorvala", "Bhamo"],
            ),
            ("The army shelled Zorvala overnight.", &["Zorvala"]),
            // A facility's town.
            (
                "Jets bombed the cattle market in Zorvala on Tuesday.",
                &["Zorvala"],
            ),
            // A list that qualifies a noun names no places.
            ("The rebels attacked Zorvala and Qarvoz positions.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(texts(&tag_text(text)), expected, "{text}");
        }
    }

    #[test]
    fn an_unknown_name_after_a_noun_of_capture_and_of_is_a_town() {
        let mentions = tag_text("The rebels took control of Zorvala, a camp for displaced people.");
        assert_eq!(texts(&mentions), ["Zorvala"]);
        assert_eq!(mentions[0].1.kind, PlaceKind::Town);
        let mentions = tag_text("The rebels took control of Zorvala radio on Friday.");
        assert!(texts(&mentions).is_empty(), "{:?}", texts(&mentions));
    }

    #[test]
    fn an_unknown_place_the_context_named_is_a_place_wherever_the_article_names_it() {
        let text = "The rebels captured Zorvala on Friday. Zorvala is now held by the rebels, \
                    and the Zorvala Falls camp and General Zorvalan lie far away.";
        let mentions = tag_text(text);
        assert_eq!(texts(&mentions), ["Zorvala", "Zorvala"]);
        assert!(mentions.iter().all(|(_, m)| m.kind == PlaceKind::Town));
        // A known name inside the learned one is part of it.
        let text = "Gunmen raided the village of Tawu Mandalay on Monday. Seven people died in \
                    Tawu Mandalay.";
        assert_eq!(texts(&tag_text(text)), ["Tawu Mandalay", "Tawu Mandalay"]);
        // After "a", the name tells the sort of village: elsewhere it names people.
        let text = "Gunmen burned a Zorvalan village on Monday. Zorvalan elders said they fled.";
        assert_eq!(texts(&tag_text(text)), ["Zorvalan village"]);
        // The name of a person found in the article stays a person's.
        let text = "The rebels captured Zorvala on Friday. Colonel Zorvala said they would stay.";
        assert_eq!(texts(&tag_text(text)), ["Zorvala"]);
    }

    #[test]
    fn an_unknown_name_right_after_a_noun_of_fighting_and_in_is_a_town() {
        // A name that qualifies a noun is no place: "clashes in Qorvanta hills".
        let cases: [(&str, &[&str]); 2] = [
            (
                "Residents reported heavy shelling in Qorvanta on Sunday.",
                &["Qorvanta"],
            ),
            (
                "Residents reported clashes in Qorvanta hills near the river.",
                &[],
            ),
        ];
        for (text, expected) in cases {
            let mentions = tag_text(text);
            assert_eq!(texts(&mentions), expected, "{text}");
            assert!(mentions.iter().all(|(_, m)| m.kind == PlaceKind::Town));
        }
    }

    #[test]
    fn an_unknown_name_in_a_part_of_a_known_place_is_a_town() {
        for text in [
            "Militants overran a post in Zorvala, northern Niger, on Friday.",
            "Militants overran a post in Zorvala in Northern Niger on Friday.",
        ] {
            let mentions = tag_text(text);
            assert_eq!(texts(&mentions)[0], "Zorvala", "{text}");
            assert_eq!(mentions[0].1.kind, PlaceKind::Town);
        }
        // Without a direction word, "in X, Y" may be a list; without "in", a person.
        // Nor are common words, operations and acronyms.
        for text in [
            "Militants overran posts in Zorvala, Niger and Chad.",
            "Envoy Zorvala, northern Niger's governor, said little.",
            "Many died in Operation Zorvala in northern Niger.",
            "Guards serving in ZORVALA in northern Niger were killed.",
            "Gunmen struck at Friday Prayers in northern Niger.",
        ] {
            let mentions = tag_text(text);
            let found = texts(&mentions);
            assert!(
                found.iter().all(|t| !t.contains("Zorvala")
                    && !t.contains("ZORVALA")
                    && !t.contains("Friday")),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn capitals_name_places_only_as_listed_acronyms_or_in_the_dateline() {
        let mentions = tag_text("BHAMO — EU envoys and KIA officers met in the town.");
        assert_eq!(texts(&mentions), ["BHAMO", "EU"]);
        assert_eq!(
            mentions[1].1.location.as_ref().unwrap().id.as_deref(),
            Some("extra:europe")
        );
    }

    #[test]
    fn datelines_name_towns_and_names_inside_other_names_stay_there() {
        let mentions = tag_text(
            "MAGWAY — Members of the Pyu Saw Htee militia raided Sagaing villages near Taunggyi's Defence Services Academy.",
        );
        assert_eq!(texts(&mentions), ["MAGWAY", "Sagaing", "Taunggyi"]);
        let magway = mentions[0].1.location.as_ref().unwrap();
        assert_eq!(magway.precision, Precision::Town);
        assert_ne!(
            mentions[1].1.kind,
            PlaceKind::Village,
            "villages in Sagaing"
        );
    }

    #[test]
    fn a_road_between_places_is_named_after_all_of_them() {
        let mentions = tag_text("Troops closed the Lashio–Hsenwi–Muse highway on Friday.");
        let road = find(&mentions, "Lashio–Hsenwi–Muse highway");
        assert_eq!(road.kind, PlaceKind::Point);
        assert_eq!(
            road.location.as_ref().unwrap().name,
            "Lashio–Hsenwi–Muse highway"
        );
    }

    #[test]
    fn a_small_place_abroad_that_nothing_supports_is_no_place() {
        let mentions = tag_text(
            "Fano militias clashed with federal troops near Gondar as Ethiopia's army moved north.",
        );
        assert_eq!(texts(&mentions), ["Gondar", "Ethiopia"]);
    }

    #[test]
    fn gold_spans_resolve_in_context_and_odd_text_does_not_panic() {
        let text = "Talks were held in Paris; later, delegates flew on to Lyon.";
        let sentences = [Span::new(0, text.len())];
        let lyon = text.find("Lyon").unwrap();
        let resolved = resolve_spans(text, &sentences, &[Span::new(lyon, lyon + 4)], &GAZETTEER);
        assert_eq!(
            resolved[0]
                .as_ref()
                .unwrap()
                .location
                .as_ref()
                .unwrap()
                .country
                .as_deref(),
            Some("FR")
        );
        // A name the gazetteer lacks is put at the place the article is about.
        let text = "Protesters gathered in Mandalay on Zyxq Street.";
        let sentences = [Span::new(0, text.len())];
        let street = text.find("Zyxq").unwrap();
        let resolved = resolve_spans(
            text,
            &sentences,
            &[Span::new(street, street + 11)],
            &GAZETTEER,
        );
        let location = resolved[0].as_ref().unwrap().location.as_ref().unwrap();
        assert_eq!(
            (location.name.as_str(), location.admin1.as_deref()),
            ("Zyxq Street", Some("Mandalay"))
        );
        assert!(location.lat.is_some() && location.id.is_none());
        for odd in [
            "",
            "   ",
            "ÉÉÉ — «»",
            "U.S.-",
            "A-",
            "'s 's",
            "Town Town Township",
        ] {
            let sentences = [Span::new(0, odd.len())];
            let _ = tag(odd, &sentences, &GAZETTEER);
        }
    }
}
