/*!
Time: finds time expressions and resolves them against the publication date.

(Interface only; the rule engine arrives with the time issue.)
*/

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

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
        DateInterval { start: date, end: date, precision: DatePrecision::Day }
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
}

/// The compiled time rules.
#[derive(Clone, Debug, Default)]
pub struct TimeRules {}

impl TimeRules {
    /// Compiles the rules under `resources/time/`.
    pub fn load(_files: &ResourceFiles) -> Result<TimeRules, ResourceError> {
        Ok(TimeRules {})
    }
}

/// Finds and resolves the time expressions of a text.
pub fn tag(
    _text: &str,
    _sentences: &[Span],
    _published: Option<Date>,
    _rules: &TimeRules,
) -> Vec<TimeMention> {
    Vec::new()
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

/// The date of the event at `query`: the time expression governing its clause.
pub fn event_date(_text: &str, _times: &[TimeMention], _query: &DateQuery) -> Option<DateInterval> {
    None
}
