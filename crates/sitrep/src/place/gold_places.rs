/*!
Scores place mentions against the places of the contract's gold events and control facts
(the dev corpus), the two questions the event stage asks of the place stage:

- **Found**: of the gold places (an event's location, a control fact's place), optionally
  of one country only, how many have a mention in their evidence sentence that resolves to
  them, by the contract's place rule ([`eval::same_place`]: names agree, points within
  25 km, or the mention lies inside a gold admin1 or country);
- **Unnamed**: of the mentions that claim a place (toponyms and metonyms, not demonyms),
  how many resolve to a place that no gold event or control fact of the article names. Not
  all of them are wrong (articles name places no event happens in), but every wrong one is
  among them, so the count falls as precision rises.
*/

use serde::Serialize;

use super::{PlaceMention, PlaceRole, Precision};
use crate::eval::{self, GoldControl, GoldEvent, GoldLocation, PlaceNames};
use crate::span::Span;

/// The counts over a set of articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GoldPlaceReport {
    /// Articles scored.
    pub articles: usize,
    /// Gold places (of the chosen country) whose evidence sentence is in the text.
    pub gold_places: usize,
    /// Of those, with a mention in the evidence that resolves to them.
    pub gold_places_found: usize,
    /// Mentions that claim a place (toponyms and metonyms with a location).
    pub mentions: usize,
    /// Of those, resolving to no place the article's gold names.
    pub mentions_unnamed: usize,
}

/// One article's text, its mentions and its gold.
#[derive(Clone, Copy, Debug)]
pub struct GoldArticle<'a> {
    /// The article text.
    pub text: &'a str,
    /// The place mentions to score.
    pub mentions: &'a [PlaceMention],
    /// Its gold events.
    pub events: &'a [GoldEvent],
    /// Its gold control facts.
    pub controls: &'a [GoldControl],
}

/// Adds one article to the report; `country` (ISO code) limits the gold places counted for
/// "found" to one country's.
pub fn score(
    article: GoldArticle<'_>,
    country: Option<&str>,
    places: &dyn PlaceNames,
    report: &mut GoldPlaceReport,
) {
    report.articles += 1;
    let gold: Vec<(GoldLocation, &str)> = article
        .events
        .iter()
        .filter_map(|event| Some((event.location.clone()?, event.evidence.as_str())))
        .chain(article.controls.iter().map(|control| {
            let location = GoldLocation {
                name: control.place.clone(),
                country: control.country.clone(),
                admin1: control.admin1.clone(),
                lat: None,
                lon: None,
                precision: Precision::Point,
                alt_names: Vec::new(),
            };
            (location, control.evidence.as_str())
        }))
        .collect();
    let claims_place =
        |mention: &&PlaceMention| mention.role != PlaceRole::Demonym && mention.location.is_some();
    for (location, evidence) in &gold {
        let in_country = country.is_none_or(|iso| location.country.as_deref() == Some(iso));
        let Some(sentence) = evidence_span(article.text, evidence).filter(|_| in_country) else {
            continue;
        };
        report.gold_places += 1;
        let found = article
            .mentions
            .iter()
            .filter(claims_place)
            .filter(|mention| mention.span.overlaps(sentence))
            .any(|mention| names_gold(mention, article.text, location, places));
        report.gold_places_found += usize::from(found);
    }
    for mention in article.mentions.iter().filter(claims_place) {
        report.mentions += 1;
        let named = gold
            .iter()
            .any(|(location, _)| names_gold(mention, article.text, location, places));
        report.mentions_unnamed += usize::from(!named);
    }
}

/// The bytes of the evidence sentence in the text, if it is there.
fn evidence_span(text: &str, evidence: &str) -> Option<Span> {
    if evidence.is_empty() {
        return None;
    }
    text.find(evidence)
        .map(|start| Span::new(start, start + evidence.len()))
}

/// True when the mention's location, or its text, is the gold place by the contract's rule.
fn names_gold(
    mention: &PlaceMention,
    text: &str,
    gold: &GoldLocation,
    places: &dyn PlaceNames,
) -> bool {
    let Some(location) = mention.location.as_ref() else {
        return false;
    };
    if eval::same_place(gold, location, places) {
        return true;
    }
    let as_written = super::Location {
        name: mention.span.slice(text).to_string(),
        ..location.clone()
    };
    eval::same_place(gold, &as_written, places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::FoldedNames;
    use crate::place::{Location, PlaceKind};

    fn mention(text: &str, name: &str, role: PlaceRole) -> PlaceMention {
        let start = text.find(name).unwrap();
        PlaceMention {
            span: Span::new(start, start + name.len()),
            role,
            location: Some(Location {
                name: name.to_string(),
                country: Some("MM".into()),
                admin1: Some("Kachin".into()),
                lat: None,
                lon: None,
                precision: Precision::Town,
                id: None,
                township: None,
            }),
            confidence: 1.0,
            kind: PlaceKind::Town,
        }
    }

    #[test]
    fn gold_places_are_found_in_their_evidence_and_other_mentions_counted_unnamed() {
        let text = "Troops left Alpha for Beta. Later Gamma was shelled by Kachin units.";
        let events: Vec<GoldEvent> = crate::eval::parse_jsonl(concat!(
            r#"{"doc":"d","kind":"shelling","actor1":null,"actor2":null,"location":{"name":"Gamma","country":"MM","precision":"town"},"date":null,"modality":"asserted","evidence":"Later Gamma was shelled by Kachin units."}"#,
            "\n",
            r#"{"doc":"d","kind":"armed_clash","actor1":null,"actor2":null,"location":{"name":"Beta","country":"TH","precision":"town"},"date":null,"modality":"asserted","evidence":"Troops left Alpha for Beta."}"#,
        ))
        .0;
        let mentions = [
            mention(text, "Alpha", PlaceRole::Toponym),
            mention(text, "Beta", PlaceRole::Toponym),
            mention(text, "Gamma", PlaceRole::Toponym),
            mention(text, "Kachin", PlaceRole::Demonym),
        ];
        let article = GoldArticle {
            text,
            mentions: &mentions,
            events: &events,
            controls: &[],
        };
        let mut report = GoldPlaceReport::default();
        score(article, Some("MM"), &FoldedNames, &mut report);
        assert_eq!((report.gold_places, report.gold_places_found), (1, 1));
        // Alpha is named by no gold place; the demonym is not counted.
        assert_eq!((report.mentions, report.mentions_unnamed), (3, 1));
    }
}
