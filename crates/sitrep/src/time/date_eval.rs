/*!
Scoring event dating against gold events, without an event stage.

The gold gives each event its evidence sentence and, often, its place, but not
the words that state it. So the score is taken two ways for every gold event
with a date: whether some expression in the evidence resolves to exactly that
date (the tagger's ceiling), and what [`event_date`] gives when queried at the
gold place's mention in the sentence (trigger and argument both, a stand-in for
the real trigger). When it gives nothing, the [`previous_date`] fallback is
scored as well.
*/

use serde::Serialize;

use super::{DateInterval, DateQuery, TimeMention, event_date, previous_date};
use crate::eval::GoldEvent;
use crate::span::Span;

/// How the dated gold events fare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DateTally {
    /// Gold events with a date whose evidence was found in the text.
    pub dated: usize,
    /// Of those, events some expression in the evidence dates exactly.
    pub ceiling: usize,
    /// Events event dating dates exactly.
    pub exact: usize,
    /// Events event dating dates with an overlapping, inexact date.
    pub overlapping: usize,
    /// Events event dating leaves undated.
    pub undated: usize,
    /// Undated events the previous date dates exactly.
    pub fallback_exact: usize,
    /// Undated events the previous date dates with an overlapping, inexact date.
    pub fallback_overlapping: usize,
}

impl DateTally {
    /// Adds another tally.
    pub fn add(&mut self, other: &DateTally) {
        self.dated += other.dated;
        self.ceiling += other.ceiling;
        self.exact += other.exact;
        self.overlapping += other.overlapping;
        self.undated += other.undated;
        self.fallback_exact += other.fallback_exact;
        self.fallback_overlapping += other.fallback_overlapping;
    }

    /// Exact dates among the overlapping ones, as the contract's "exact date" agreement
    /// counts over matched events (a date that does not overlap the gold one matches nothing).
    pub fn exact_among_overlapping(&self) -> f64 {
        ratio(self.exact, self.exact + self.overlapping)
    }

    /// The same with the previous-date fallback for undated events.
    pub fn exact_among_overlapping_with_fallback(&self) -> f64 {
        ratio(
            self.exact + self.fallback_exact,
            self.exact + self.overlapping + self.fallback_exact + self.fallback_overlapping,
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// One gold event the dating missed: the gold date and what dating gave.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMiss<'g> {
    /// The gold event.
    pub gold: &'g GoldEvent,
    /// What event dating gave.
    pub dated: Option<DateInterval>,
}

/// Scores the dating of one article's gold events, given the article's text and time mentions.
pub fn score<'g>(
    text: &str,
    times: &[TimeMention],
    gold: &'g [GoldEvent],
) -> (DateTally, Vec<DateMiss<'g>>) {
    let mut tally = DateTally::default();
    let mut misses = Vec::new();
    for event in gold {
        let Some(gold_date) = event.date else {
            continue;
        };
        let Some(start) = text
            .find(event.evidence.as_str())
            .filter(|_| !event.evidence.is_empty())
        else {
            continue;
        };
        let evidence = Span::new(start, start + event.evidence.len());
        tally.dated += 1;
        let same = |interval: &DateInterval| {
            interval.start == gold_date.start && interval.end == gold_date.end
        };
        let reachable = times.iter().filter(|m| evidence.contains(m.span)).any(|m| {
            m.interval.as_ref().is_some_and(same)
                || m.scope.as_ref().is_some_and(|scope| same(&scope.interval))
        });
        tally.ceiling += usize::from(reachable);
        let place = event.location.as_ref().and_then(|location| {
            std::iter::once(&location.name)
                .chain(&location.alt_names)
                .filter(|name| !name.is_empty())
                .find_map(|name| {
                    event
                        .evidence
                        .find(name.as_str())
                        .map(|at| Span::new(start + at, start + at + name.len()))
                })
        });
        let query = DateQuery {
            sentence: evidence,
            trigger: place.unwrap_or(Span::new(start, start)),
            argument: place,
        };
        let dated = event_date(text, times, &query);
        match dated {
            Some(interval) if same(&interval) => tally.exact += 1,
            Some(interval) if interval.overlaps(&gold_date) => tally.overlapping += 1,
            Some(_) => {}
            None => {
                tally.undated += 1;
                match previous_date(text, times, evidence.start) {
                    Some(interval) if same(&interval) => tally.fallback_exact += 1,
                    Some(interval) if interval.overlaps(&gold_date) => {
                        tally.fallback_overlapping += 1
                    }
                    _ => {}
                }
            }
        }
        if !dated.as_ref().is_some_and(same) {
            misses.push(DateMiss { gold: event, dated });
        }
    }
    (tally, misses)
}
