/*!
Time: finds time expressions and resolves them against the publication date,
then dates events by the expression that governs their clause.

The engine is split the way HeidelTime splits its resources, but typed: word
tables (`tables.rs`, `resources/time/en/tables/`), rules with named captures,
priorities and executable examples (`rules.rs`, `template.rs`,
`resources/time/en/rules.toml`), a scanner that finds every rule's matches in
one pass of a multi-pattern regex and reads each match's captures (`scan.rs`,
`captures.rs`), and a resolver that supplies what the text leaves out from the
publication date, the last date mentioned and the tense of the clause
(`resolve.rs`, `tense.rs`, on the calendar arithmetic of `calendar.rs`).
`scope.rs` widens expressions that "since" or "between … and" govern (counting
words as `words.rs` splits them), and `dating.rs` picks the
expression that dates an event. `timeml.rs` reads TimeML and `tempeval.rs`
scores against it as TempEval-3 does; `date_eval.rs` scores event dating
against gold events.
*/

mod alternation;
mod calendar;
mod captures;
pub mod date_eval;
mod dating;
mod finder;
mod report;
mod resolve;
mod rules;
mod scan;
mod scope;
mod tables;
pub mod tempeval;
mod template;
mod tense;
#[cfg(test)]
mod tests;
pub mod timeml;
mod words;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::span::Span;

pub use calendar::{add_days, duration_days};
pub use dating::{event_date, previous_date};
pub use rules::TimeRules;

/// TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "29 September 2024", "last month".
    Date,
    /// A time of day: "Monday night", "10 a.m.".
    Time,
    /// A length of time: "for three weeks".
    Duration,
    /// A recurrence: "every week".
    Set,
}

/// How exactly a [`DateInterval`] is known, as the contract spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// One day.
    Day,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
    /// Any other stretch of days.
    Range,
}

/// The contract's date: inclusive first and last day, and a precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateInterval {
    /// First day.
    pub start: Date,
    /// Last day, inclusive.
    pub end: Date,
    /// How exactly it is known.
    pub precision: DatePrecision,
}

impl DateInterval {
    /// One day.
    pub fn day(date: Date) -> DateInterval {
        DateInterval {
            start: date,
            end: date,
            precision: DatePrecision::Day,
        }
    }

    /// The calendar month `date` falls in.
    pub fn month_of(date: Date) -> DateInterval {
        DateInterval {
            start: date.first_of_month(),
            end: date.last_of_month(),
            precision: DatePrecision::Month,
        }
    }

    /// True when the two intervals share at least one day.
    pub fn overlaps(&self, other: &DateInterval) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// A time expression found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    /// The expression's bytes.
    pub span: Span,
    /// TIMEX3 type.
    pub timex_type: TimexType,
    /// TIMEX3 value (`2024-12-08`, `2024-W49`, `P3W`, `PRESENT_REF`).
    pub value: String,
    /// The days it covers, for a DATE that resolves to a calendar interval.
    pub interval: Option<DateInterval>,
    /// Id of the rule that found it.
    pub rule: String,
    /// The range a signal word opens around it ("since 4 December", "between 26 and 30 August").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<TimeScope>,
    /// The reporting verb that governs it ("said on Thursday"): it dates the report, not
    /// necessarily what the report tells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_verb: Option<Span>,
    /// True when the expression counts from the last date the text mentioned ("at the time",
    /// "the next day"), not from the publication date or the calendar.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refers_back: bool,
}

/// A range that a signal word opens around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeScope {
    /// The signal and what it governs, up to the end of the expression ("since it opened the
    /// offensive on 7 March"): an event stated inside is dated by the expression alone.
    pub clause: Span,
    /// The days an event outside the clause covers ("since 4 December": to the publication date).
    pub interval: DateInterval,
    /// What opened the range.
    pub kind: ScopeKind,
    /// The next sentence, for a "since" range, when it goes on in the present perfect with no
    /// date of its own ("Rebels have shelled the port since 4 May. They have also cut the
    /// road."): what it tells covers the range too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continued_in: Option<Span>,
}

/// The signals that open a [`TimeScope`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    /// "since 4 December": to the publication date.
    Since,
    /// "between 26 and 30 August", "in 2023 and 2024": from one expression to the other.
    TwoEnded,
    /// "By Sunday, the rebels had taken …": from the date the story starts at to the
    /// expression; it dates every event of the sentence outside its clause.
    Completion,
}

/// Finds and resolves the time expressions of a text, sentence by sentence, in text order.
/// `sentences` are in text order and do not overlap, as the sentence splitter gives them.
pub fn tag(
    text: &str,
    sentences: &[Span],
    published: Option<Date>,
    rules: &TimeRules,
) -> Vec<TimeMention> {
    let mut resolver = resolve::Resolver::new(rules, text, published);
    let mut scanner = scan::Scanner::new(rules);
    let mut mentions = Vec::new();
    // Text outside the sentences is not searched.
    let searchable = |sentence: &&Span| {
        sentence.end <= text.len()
            && text.is_char_boundary(sentence.start)
            && text.is_char_boundary(sentence.end)
    };
    for &sentence in sentences.iter().filter(searchable) {
        resolver.enter_sentence(sentence);
        scanner.scan_sentence(text, sentence, &mut |candidate| {
            let Some(resolved) = resolver.resolve(&candidate) else {
                return;
            };
            mentions.push(TimeMention {
                span: candidate.span,
                timex_type: resolved.timex_type(),
                value: resolved.timex(),
                interval: resolved.interval(published),
                rule: rules.rules[candidate.rule].id.clone(),
                scope: None,
                report_verb: None,
                refers_back: rules.rules[candidate.rule].template.anchor
                    != template::Anchor::Document,
            });
        });
    }
    date_clocks(text, &rules.settings.clock_day_links, &mut mentions);
    scope::assign(text, sentences, published, rules, &mut mentions);
    report::assign(text, sentences, rules, &mut mentions);
    mentions
}

/// "at 7 pm on 27 June": a time of day with its day named right after it is on that day, not
/// on the last day mentioned before.
fn date_clocks(text: &str, links: &[String], mentions: &mut [TimeMention]) {
    for idx in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(idx);
        let (clock, day) = (&mut before[idx - 1], &after[0]);
        if clock.timex_type != TimexType::Time {
            continue;
        }
        let between = text
            .get(clock.span.end..day.span.start)
            .unwrap_or("")
            .trim();
        let on_the_day = day.timex_type == TimexType::Date
            && day
                .interval
                .is_some_and(|i| i.precision == DatePrecision::Day)
            && links.iter().any(|link| between.eq_ignore_ascii_case(link));
        // A clock reading ("T19:00"), not a part of the day ("TNI": "overnight on Monday"
        // spans the night into Tuesday).
        let Some(time_of_day) = clock
            .value
            .find('T')
            .map(|at| &clock.value[at..])
            .filter(|t| t[1..].starts_with(|c: char| c.is_ascii_digit()))
        else {
            continue;
        };
        if on_the_day {
            clock.value = format!("{}{time_of_day}", day.value);
            clock.interval = day.interval;
        }
    }
}

/// Where an event is stated, for [`event_date`].
#[derive(Clone, Copy, Debug)]
pub struct DateQuery {
    /// The sentence stating the event.
    pub sentence: Span,
    /// The word or phrase that signals the event ("took control of").
    pub trigger: Span,
    /// The argument the event is about, where one of several in a list ("Pang War Town").
    pub argument: Option<Span>,
}
