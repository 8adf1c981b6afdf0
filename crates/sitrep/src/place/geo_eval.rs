/*!
Scores place mentions against a geoparsing gold corpus ([`corpus`](super::corpus)).

Two questions, as the geoparsing literature asks them:

- **Recognition**: of the system's mentions, how many overlap a gold
  toponym (precision; a mention over a gold annotation without a point, such
  as a GeoWebNews demonym, is counted apart, neither right nor wrong), and how
  many gold toponyms a mention overlaps (recall).
- **Resolution**: for each gold toponym, the distance from the system's point
  to the gold point; accuracy is the share within [`ACCURACY_KM`] (161 km, 100
  miles), and exact-id accuracy the share that names the gold GeoNames entry.
  It is measured twice: on the gold toponyms the system's own mentions found
  (end to end), and on every gold toponym with its gold span given (the
  system resolves the span in the context of the whole article), which is the
  usual geocoding score. A toponym the system cannot resolve counts as wrong.
*/

use serde::Serialize;

use super::PlaceMention;
use super::corpus::GeoDocument;
use crate::eval::haversine_km;

/// Distance under which a resolution counts as right, in km (100 miles).
pub const ACCURACY_KM: f64 = 161.0;

/// The system's output for one document.
#[derive(Clone, Debug, Default)]
pub struct SystemOutput {
    /// Mentions the system found on its own.
    pub mentions: Vec<PlaceMention>,
    /// The system's resolution of each gold toponym's span, in gold order.
    pub gold_spans: Vec<Option<PlaceMention>>,
}

/// Resolution scores over a set of gold toponyms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Resolution {
    /// Gold toponyms scored.
    pub toponyms: usize,
    /// Of those, resolved to a point.
    pub resolved: usize,
    /// Of those, within 161 km of the gold point.
    pub within_161_km: usize,
    /// Gold toponyms that have a GeoNames id.
    pub with_id: usize,
    /// Of those, resolved to that very entry.
    pub exact_id: usize,
    /// Sum of errors in km over resolved toponyms (for the mean).
    pub error_km_sum: f64,
}

impl Resolution {
    /// Share of toponyms within 161 km.
    pub fn accuracy(&self) -> f64 {
        ratio(self.within_161_km, self.toponyms)
    }

    /// Share of toponyms with an id resolved to it.
    pub fn exact_id_accuracy(&self) -> f64 {
        ratio(self.exact_id, self.with_id)
    }

    /// Mean error in km over resolved toponyms.
    pub fn mean_error_km(&self) -> f64 {
        if self.resolved == 0 {
            0.0
        } else {
            self.error_km_sum / self.resolved as f64
        }
    }

    fn count(&mut self, gold: &super::corpus::GoldToponym, system: Option<&PlaceMention>) {
        self.toponyms += 1;
        let gold_id = gold
            .geonames_id
            .as_deref()
            .map(|id| format!("geonames:{id}"));
        self.with_id += usize::from(gold_id.is_some());
        let Some(location) = system.and_then(|mention| mention.location.as_ref()) else {
            return;
        };
        if gold_id.is_some() && location.id == gold_id {
            self.exact_id += 1;
        }
        if let (Some(lat), Some(lon)) = (location.lat, location.lon) {
            let km = haversine_km(gold.lat, gold.lon, lat, lon);
            self.resolved += 1;
            self.error_km_sum += km;
            self.within_161_km += usize::from(km <= ACCURACY_KM);
        }
    }
}

/// The scores of a run over a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GeoReport {
    /// Documents scored.
    pub documents: usize,
    /// Gold toponyms (annotations with a point).
    pub gold_toponyms: usize,
    /// System mentions.
    pub system_mentions: usize,
    /// System mentions over a gold toponym.
    pub mentions_on_toponyms: usize,
    /// System mentions over a gold annotation without a point (not counted either way).
    pub mentions_on_other_annotations: usize,
    /// Gold toponyms a system mention overlaps.
    pub toponyms_found: usize,
    /// Resolution of the gold toponyms the system's mentions found.
    pub end_to_end: Resolution,
    /// Resolution of every gold toponym, its span given.
    pub gold_spans: Resolution,
}

impl GeoReport {
    /// Share of system mentions (other than those over a pointless annotation) on a toponym.
    pub fn precision(&self) -> f64 {
        ratio(
            self.mentions_on_toponyms,
            self.system_mentions - self.mentions_on_other_annotations,
        )
    }

    /// Share of gold toponyms found.
    pub fn recall(&self) -> f64 {
        ratio(self.toponyms_found, self.gold_toponyms)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores system output (one per document, in the same order) against the gold.
pub fn score(documents: &[GeoDocument], outputs: &[SystemOutput]) -> GeoReport {
    let mut report = GeoReport::default();
    for (document, output) in documents.iter().zip(outputs) {
        report.documents += 1;
        report.gold_toponyms += document.toponyms.len();
        report.system_mentions += output.mentions.len();
        for mention in &output.mentions {
            if document
                .toponyms
                .iter()
                .any(|gold| gold.span.overlaps(mention.span))
            {
                report.mentions_on_toponyms += 1;
            } else if document
                .other_spans
                .iter()
                .any(|span| span.overlaps(mention.span))
            {
                report.mentions_on_other_annotations += 1;
            }
        }
        for (gold_idx, gold) in document.toponyms.iter().enumerate() {
            let found = output
                .mentions
                .iter()
                .filter(|mention| mention.span.overlaps(gold.span))
                .min_by_key(|mention| mention.span.start.abs_diff(gold.span.start));
            if let Some(mention) = found {
                report.toponyms_found += 1;
                report.end_to_end.count(gold, Some(mention));
            }
            report.gold_spans.count(
                gold,
                output.gold_spans.get(gold_idx).and_then(Option::as_ref),
            );
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::corpus::GoldToponym;
    use crate::place::{Location, PlaceKind, PlaceRole, Precision};
    use crate::span::Span;

    fn mention(start: usize, end: usize, lat: f64, lon: f64, id: &str) -> PlaceMention {
        PlaceMention {
            span: Span::new(start, end),
            role: PlaceRole::Toponym,
            location: Some(Location {
                name: "x".into(),
                country: None,
                admin1: None,
                lat: Some(lat),
                lon: Some(lon),
                precision: Precision::Town,
                id: Some(id.into()),
                township: None,
            }),
            confidence: 1.0,
            kind: PlaceKind::Town,
        }
    }

    #[test]
    fn recognition_and_both_resolutions_are_counted() {
        let gold = |start, end, lat, lon, id: Option<&str>| GoldToponym {
            span: Span::new(start, end),
            name: "x".into(),
            lat,
            lon,
            geonames_id: id.map(str::to_string),
        };
        let document = GeoDocument {
            id: "0".into(),
            text: "x".repeat(60),
            toponyms: vec![
                gold(0, 5, 10.0, 10.0, Some("1")),
                gold(20, 25, 0.0, 0.0, None),
            ],
            other_spans: vec![Span::new(40, 45)],
        };
        let output = SystemOutput {
            // Right place, a hit on a pointless annotation, and a false alarm.
            mentions: vec![
                mention(0, 5, 10.5, 10.0, "geonames:1"),
                mention(40, 45, 0.0, 0.0, "a"),
                mention(50, 55, 0.0, 0.0, "b"),
            ],
            // The second gold toponym resolved 5 degrees off (about 556 km).
            gold_spans: vec![
                Some(mention(0, 5, 10.0, 10.0, "geonames:1")),
                Some(mention(20, 25, 5.0, 0.0, "c")),
            ],
        };
        let report = score(&[document], &[output]);
        assert_eq!(report.gold_toponyms, 2);
        assert_eq!(report.toponyms_found, 1);
        assert_eq!(report.mentions_on_other_annotations, 1);
        assert!((report.precision() - 0.5).abs() < 1e-9);
        assert!((report.recall() - 0.5).abs() < 1e-9);
        assert_eq!(report.end_to_end.within_161_km, 1);
        assert_eq!(report.end_to_end.exact_id, 1);
        assert_eq!(report.gold_spans.within_161_km, 1);
        assert!((report.gold_spans.accuracy() - 0.5).abs() < 1e-9);
        assert_eq!(
            (report.gold_spans.with_id, report.gold_spans.exact_id),
            (1, 1)
        );
    }
}
