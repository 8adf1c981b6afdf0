/*!
The control timeline: who held each place, from when to when, on whose word.

Its input is [`Claim`]s: every control fact (the controller holds the place
from its `since`, or else from the article's publication date). The extraction
already turns each asserted or claimed capture of a place into a control fact
(`sitrep::control`), so captures of a post outside a town, of a whole state or
of a place only inferred from context give no claim. Claims are grouped by place (the de-dup name key
and the country). For each day with claims the controller named most often
wins (ties go to the controller already holding the place, then to the first
in alphabetical order); consecutive days won by the same controller form one
[`Period`], which lasts until the next controller's first day. Claims naming
another controller on days inside a period are its [`Conflict`]s: the sources
disagreed, and the majority was kept.

Pure functions: the store feeds them from its tables and stores the periods.
*/

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One source's word that a controller holds a place from a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The place's name as the source gives it.
    pub place: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// State, region or province.
    pub admin1: Option<String>,
    /// Latitude, where known.
    pub lat: Option<f64>,
    /// Longitude, where known.
    pub lon: Option<f64>,
    /// Who holds it.
    pub controller: String,
    /// From when.
    pub date: Date,
    /// The article saying so.
    pub doc: String,
    /// The sentence saying so.
    pub evidence: String,
}

/// A claim that disagreed with the controller of its period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The controller it named.
    pub controller: String,
    /// From when.
    pub date: Date,
    /// The article.
    pub doc: String,
    /// The sentence.
    pub evidence: String,
}

/// A stretch of days during which one controller held a place.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// The place's comparison key (`DedupRules::name_key`).
    pub place_key: String,
    /// The place's name, from its first claim.
    pub place: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// State, region or province, from the first claim giving one.
    pub admin1: Option<String>,
    /// Latitude, from the first claim giving one.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Who held it.
    pub controller: String,
    /// First day.
    pub since: Date,
    /// The next controller's first day, if any (exclusive).
    pub until: Option<Date>,
    /// The article of the claim that opened the period.
    pub doc: String,
    /// Its sentence.
    pub evidence: String,
    /// Claims supporting the period.
    pub n_claims: usize,
    /// Claims naming someone else on the period's days.
    pub conflicts: Vec<Conflict>,
}

/// Builds the periods of every place; `place_key` gives a claim's place key.
pub fn periods(claims: &[Claim], place_key: impl Fn(&str) -> String) -> Vec<Period> {
    let mut places: BTreeMap<(String, String), Vec<&Claim>> = BTreeMap::new();
    for claim in claims {
        let country = claim.country.as_deref().unwrap_or("").to_ascii_uppercase();
        places
            .entry((place_key(&claim.place), country))
            .or_default()
            .push(claim);
    }
    let mut periods = Vec::new();
    for ((key, _), mut place_claims) in places {
        place_claims
            .sort_by(|a, b| (a.date, &a.doc, &a.controller).cmp(&(b.date, &b.doc, &b.controller)));
        periods.extend(place_periods(&key, &place_claims));
    }
    periods
}

fn place_periods(key: &str, claims: &[&Claim]) -> Vec<Period> {
    let first = claims[0];
    let mut periods: Vec<Period> = Vec::new();
    let mut day_start = 0;
    while day_start < claims.len() {
        let date = claims[day_start].date;
        let day_end = day_start
            + claims[day_start..]
                .iter()
                .take_while(|claim| claim.date == date)
                .count();
        let day = &claims[day_start..day_end];
        let holder = periods.last().map(|period| period.controller.as_str());
        let winner = day_winner(day, holder);
        let n_winning = day
            .iter()
            .filter(|claim| claim.controller == winner)
            .count();
        if holder != Some(winner.as_str()) {
            if let Some(last) = periods.last_mut() {
                last.until = Some(date);
            }
            let opening = day
                .iter()
                .find(|claim| claim.controller == winner)
                .copied()
                .unwrap_or(day[0]);
            periods.push(Period {
                place_key: key.to_string(),
                place: first.place.clone(),
                country: first.country.clone(),
                admin1: claims.iter().find_map(|claim| claim.admin1.clone()),
                lat: claims.iter().find_map(|claim| claim.lat),
                lon: claims.iter().find_map(|claim| claim.lon),
                controller: winner.clone(),
                since: date,
                until: None,
                doc: opening.doc.clone(),
                evidence: opening.evidence.clone(),
                n_claims: 0,
                conflicts: Vec::new(),
            });
        }
        if let Some(period) = periods.last_mut() {
            period.n_claims += n_winning;
            period
                .conflicts
                .extend(
                    day.iter()
                        .filter(|claim| claim.controller != winner)
                        .map(|claim| Conflict {
                            controller: claim.controller.clone(),
                            date: claim.date,
                            doc: claim.doc.clone(),
                            evidence: claim.evidence.clone(),
                        }),
                );
        }
        day_start = day_end;
    }
    periods
}

/// The controller most of a day's claims name; ties go to the current holder, then to the
/// first in alphabetical order.
fn day_winner(day: &[&Claim], holder: Option<&str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for claim in day {
        *counts.entry(claim.controller.as_str()).or_default() += 1;
    }
    let best = counts.values().copied().max().unwrap_or(0);
    let tied: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| **n == best)
        .map(|(controller, _)| *controller)
        .collect();
    holder
        .filter(|holder| tied.contains(holder))
        .or(tied.first().copied())
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(place: &str, controller: &str, date: &str, doc: &str) -> Claim {
        Claim {
            place: place.into(),
            country: Some("ZZ".into()),
            admin1: None,
            lat: None,
            lon: None,
            controller: controller.into(),
            date: date.parse().unwrap(),
            doc: doc.into(),
            evidence: format!("{controller} holds {place}."),
        }
    }

    fn key(name: &str) -> String {
        name.to_lowercase()
    }

    #[test]
    fn changes_of_hands_make_consecutive_periods() {
        let claims = [
            claim("Northtown", "GOV", "2030-01-01", "a"),
            claim("Northtown", "XLA", "2030-03-10", "b"),
            claim("Northtown", "XLA", "2030-03-12", "c"),
            claim("Northtown", "GOV", "2030-06-01", "d"),
        ];
        let periods = periods(&claims, key);
        let summary: Vec<(&str, String, Option<String>, usize)> = periods
            .iter()
            .map(|p| {
                (
                    p.controller.as_str(),
                    p.since.to_string(),
                    p.until.map(|d| d.to_string()),
                    p.n_claims,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("GOV", "2030-01-01".into(), Some("2030-03-10".into()), 1),
                ("XLA", "2030-03-10".into(), Some("2030-06-01".into()), 2),
                ("GOV", "2030-06-01".into(), None, 1),
            ]
        );
        assert_eq!(periods[1].doc, "b");
    }

    #[test]
    fn the_majority_of_a_day_wins_and_the_rest_are_conflicts() {
        let claims = [
            claim("Northtown", "XLA", "2030-03-10", "a"),
            claim("Northtown", "GOV", "2030-03-10", "b"),
            claim("Northtown", "XLA", "2030-03-10", "c"),
        ];
        let periods = periods(&claims, key);
        assert_eq!(periods.len(), 1);
        assert_eq!(periods[0].controller, "XLA");
        assert_eq!(periods[0].conflicts.len(), 1);
        assert_eq!(periods[0].conflicts[0].doc, "b");
    }

    #[test]
    fn a_tie_keeps_the_holder() {
        let claims = [
            claim("Northtown", "GOV", "2030-01-01", "a"),
            claim("Northtown", "XLA", "2030-03-10", "b"),
            claim("Northtown", "GOV", "2030-03-10", "c"),
        ];
        let periods = periods(&claims, key);
        assert_eq!(periods.len(), 1);
        assert_eq!(periods[0].conflicts[0].controller, "XLA");
    }

    #[test]
    fn places_are_kept_apart_by_name_and_country() {
        let mut elsewhere = claim("Northtown", "XLA", "2030-01-01", "b");
        elsewhere.country = Some("YY".into());
        let claims = [
            claim("Northtown", "GOV", "2030-01-01", "a"),
            elsewhere,
            claim("Southtown", "GOV", "2030-01-01", "c"),
        ];
        assert_eq!(periods(&claims, key).len(), 3);
    }
}
