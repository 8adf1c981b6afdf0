/*!
Sites: the places an event can be at, in text order. Resolved place names from the place
stage and facilities from [`facility`](super::facility). A facility is a point (precision
`point`) that takes its admin1, country and coordinates from the nearest resolved place in its
sentence (or, failing that, the article's main country): the coordinates are its container's.
*/

use crate::doc::Doc;
use crate::place::{Location, PlaceRole, Precision};
use crate::span::Span;

/// A place an event can be at.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// Where the text names it.
    pub span: Span,
    /// Where it is.
    pub location: Location,
    /// True for a military unit, base or other named facility.
    pub facility: bool,
}

/// The sites of a document: its resolved toponyms and its facilities, in text order.
pub fn sites(doc: &Doc, focus_country: Option<&str>) -> Vec<Site> {
    let facilities = &doc.facilities;
    let mut sites: Vec<Site> = doc
        .places
        .iter()
        .filter(|place| place.role == PlaceRole::Toponym)
        .filter(|place| !facilities.iter().any(|f| f.span.overlaps(place.span)))
        .filter_map(|place| Some(Site { span: place.span, location: place.location.clone()?, facility: false }))
        .collect();
    for facility in facilities.iter() {
        let sentence = doc.sentence_at(facility.span.start).unwrap_or(facility.span);
        let container = doc
            .places
            .iter()
            .filter(|p| p.role == PlaceRole::Toponym && sentence.contains(p.span))
            .filter_map(|p| p.location.as_ref().map(|l| (p.span, l)))
            .filter(|(_, l)| l.precision != Precision::Country)
            .min_by_key(|(span, _)| span.start.abs_diff(facility.span.start))
            .map(|(_, l)| l.clone())
            .or_else(|| last_location_before(doc, facility.span.start));
        let location = match container {
            // A base is a point (CONTRACT.md), placed at its container's point.
            Some(container) => Location { name: facility.name.clone(), id: None, precision: Precision::Point, ..container },
            None => Location {
                name: facility.name.clone(),
                country: focus_country.map(str::to_string),
                admin1: None,
                lat: None,
                lon: None,
                precision: Precision::Point,
                id: None,
            },
        };
        sites.push(Site { span: facility.span, location, facility: true });
    }
    sites.sort_by_key(|site| site.span.start);
    sites
}

/// The last resolved sub-national place named before `offset`.
fn last_location_before(doc: &Doc, offset: usize) -> Option<Location> {
    doc.places
        .iter()
        .rev()
        .filter(|p| p.span.end <= offset && p.role == PlaceRole::Toponym)
        .filter_map(|p| p.location.clone())
        .find(|l| l.precision != Precision::Country)
}
