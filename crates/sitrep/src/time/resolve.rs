/*!
Resolution: from a rule's match to a TIMEX3 value and the days it covers.

The rules say what the text says ("9 December", "last week", "on Friday"); this
module supplies what the text leaves out, from three things:

- the anchor, the publication date (the DCT of a TimeML file);
- the reference, the last date the text mentioned, for anaphora ("the next
  day", "that day", "a year earlier");
- the tense of the clause, from the nearest cue word (`tense.rs`): a weekday is the latest such day on or
  before the anchor, or the next on or after it in a future clause; a date
  without a year falls in the anchor's year unless that puts it more than
  `past_grace_days` after the anchor in a past clause (then last year; a past
  verb right beside the date allows only `close_past_grace_days`), before
  it in a future one (next year), or, with no cue at all, unless another year
  is nearer. In a sentence that gave a year earlier ("on 29 September 2024 …
  on 18 October") a later date takes that year when it still comes after it.
*/

use jiff::civil::{Date, Weekday};

use super::calendar::{Granule, Unit, add_days, shift_date, weekday_near};
use super::rules::TimeRules;
use super::scan::Candidate;
use super::template::{
    Amount, Anchor, Field, Groups, Meridiem, Modifier, PartOfDay, Template, Unreadable, Vague,
    ValueKind,
};
use super::tense::{Tense, tense_around};
use super::{DateInterval, DatePrecision, TimexType};
use crate::span::Span;

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// A part of the day: "Monday night".
    Part(PartOfDay),
    /// A clock time: "10:35 a.m.".
    At {
        /// Hour, 0-24.
        hour: i8,
        /// Minute.
        minute: i8,
    },
}

impl Clock {
    fn timex(self) -> String {
        match self {
            Clock::Part(part) => format!("T{}", part.code()),
            Clock::At { hour, minute } => format!("T{hour:02}:{minute:02}"),
        }
    }
}

/// What an expression resolved to.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// A stretch of the calendar, perhaps narrowed ("early December") or at a time of day.
    Point {
        /// The stretch.
        granule: Granule,
        /// Which part of it.
        modifier: Option<Modifier>,
        /// Time of day, for a TIME.
        clock: Option<Clock>,
    },
    /// A date with no anchor to place it: `XXXX-12-08`.
    Floating {
        /// The TIMEX3 value.
        value: String,
        /// Time of day, for a TIME.
        clock: Option<Clock>,
    },
    /// "now", "recently", "soon".
    Vague(Vague),
    /// A length of time, with the days it covers when it runs up to or from the anchor.
    Duration {
        /// TIMEX3 value (`P3W`).
        value: String,
        /// "the past three weeks": the three weeks up to the anchor.
        interval: Option<DateInterval>,
    },
    /// A recurrence (`P1D`, `XXXX-WXX-1`).
    Set(String),
}

impl Resolved {
    /// The TIMEX3 type.
    pub fn timex_type(&self) -> TimexType {
        match self {
            Resolved::Point { clock: Some(_), .. } | Resolved::Floating { clock: Some(_), .. } => {
                TimexType::Time
            }
            Resolved::Point { .. } | Resolved::Floating { .. } | Resolved::Vague(_) => {
                TimexType::Date
            }
            Resolved::Duration { .. } => TimexType::Duration,
            Resolved::Set(_) => TimexType::Set,
        }
    }

    /// The TIMEX3 value.
    pub fn timex(&self) -> String {
        match self {
            Resolved::Point { granule, clock, .. } => match clock {
                Some(clock) => format!(
                    "{}{}",
                    Granule::containing_day(granule).timex(),
                    clock.timex()
                ),
                None => granule.timex(),
            },
            Resolved::Floating { value, clock } => match clock {
                Some(clock) => format!("{value}{}", clock.timex()),
                None => value.clone(),
            },
            Resolved::Vague(vague) => vague.timex().to_string(),
            Resolved::Duration { value, .. } | Resolved::Set(value) => value.clone(),
        }
    }

    /// The days it covers, for the contract.
    pub fn interval(&self, anchor: Option<Date>) -> Option<DateInterval> {
        match self {
            Resolved::Point {
                granule, modifier, ..
            } => point_interval(granule, *modifier, anchor),
            Resolved::Vague(Vague::Present) => anchor.map(DateInterval::day),
            Resolved::Duration { interval, .. } => *interval,
            Resolved::Floating { .. } | Resolved::Vague(_) | Resolved::Set(_) => None,
        }
    }
}

impl Granule {
    /// The day a time of day falls on: the granule itself when it is a day, else its first day.
    fn containing_day(granule: &Granule) -> Granule {
        granule.first_day().map_or(*granule, Granule::Day)
    }
}

/// The days of a granule, narrowed by a modifier.
fn point_interval(
    granule: &Granule,
    modifier: Option<Modifier>,
    anchor: Option<Date>,
) -> Option<DateInterval> {
    let (first, last) = (granule.first_day()?, granule.last_day()?);
    // Only a day has a night.
    let modifier = modifier.filter(|&m| m != Modifier::Overnight || first == last);
    let Some(modifier) = modifier else {
        let precision = match granule {
            Granule::Day(_) => DatePrecision::Day,
            Granule::Month { .. } => DatePrecision::Month,
            Granule::Year(_) => DatePrecision::Year,
            _ => DatePrecision::Range,
        };
        return Some(DateInterval {
            start: first,
            end: last,
            precision,
        });
    };
    let range = |start: Date, end: Date| {
        Some(DateInterval {
            start,
            end,
            precision: DatePrecision::Range,
        })
    };
    if let Granule::Day(day) = granule {
        // "overnight": the night of a day ends the next morning.
        if modifier == Modifier::Overnight {
            return range(*day, add_days(*day, 1)?);
        }
        return Some(DateInterval::day(*day));
    }
    match (modifier, granule) {
        (Modifier::SoFar, _) => match anchor {
            // "earlier this month", written on its first day: the month that has just ended.
            Some(anchor) if anchor == first && anchor < last => {
                let previous = granule.shift(-1)?;
                range(previous.first_day()?, previous.last_day()?)
            }
            Some(anchor) if anchor >= first && anchor < last => range(first, anchor),
            _ => range(first, last),
        },
        (Modifier::Start, Granule::Month { .. }) => range(first, add_days(first, 9)?),
        (Modifier::Mid, Granule::Month { .. }) => range(add_days(first, 10)?, add_days(first, 19)?),
        (Modifier::End, Granule::Month { .. }) => range(add_days(first, 20)?, last),
        (Modifier::Start, Granule::Year(year)) => range(first, Date::new(*year, 3, 31).ok()?),
        (Modifier::Mid, Granule::Year(year)) => {
            range(Date::new(*year, 5, 1).ok()?, Date::new(*year, 8, 31).ok()?)
        }
        (Modifier::End, Granule::Year(year)) => range(Date::new(*year, 10, 1).ok()?, last),
        (part, _) => {
            let n_days = (last - first).get_days() as i64 + 1;
            let third = (n_days / 3).max(1);
            match part {
                Modifier::Start => range(first, add_days(first, third - 1)?),
                Modifier::Mid => range(add_days(first, third)?, add_days(last, -third)?),
                _ => range(add_days(last, -(third - 1))?, last),
            }
        }
    }
}

/// Resolves one document's expressions in text order, carrying the reference date along.
pub struct Resolver<'r, 't> {
    rules: &'r TimeRules,
    text: &'t str,
    anchor: Option<Date>,
    /// The dates the text mentioned so far, in order: the last is the reference.
    references: Vec<Granule>,
    /// Dates with an explicit year met so far in the current sentence.
    sentence_years: Vec<Granule>,
    /// Where the last expression resolved in the current sentence ends.
    previous_end: Option<usize>,
    sentence: Span,
}

impl<'r, 't> Resolver<'r, 't> {
    /// A resolver for `text`, anchored at `anchor`.
    pub fn new(rules: &'r TimeRules, text: &'t str, anchor: Option<Date>) -> Resolver<'r, 't> {
        Resolver {
            rules,
            text,
            anchor,
            references: Vec::new(),
            sentence_years: Vec::new(),
            previous_end: None,
            sentence: Span::default(),
        }
    }

    /// Starts a new sentence.
    pub fn enter_sentence(&mut self, sentence: Span) {
        self.sentence = sentence;
        self.sentence_years.clear();
        self.previous_end = None;
    }

    pub fn resolve(&mut self, candidate: &Candidate<'_>) -> Option<Resolved> {
        let template = &self.rules.rules[candidate.rule].template;
        let fields = Fields {
            groups: candidate.groups,
            rules: self.rules,
        };
        let resolved = match template.kind {
            ValueKind::Calendar => self.calendar(template, &fields, candidate.span),
            ValueKind::Shift => self.shift(template, &fields, candidate.span),
            ValueKind::Weekday => self.weekday(template, &fields, candidate.span),
            ValueKind::Duration => self.duration(template, &fields),
            ValueKind::Reference => Ok(template.reference.map(Resolved::Vague)),
            ValueKind::Set => self.set(template, &fields),
            ValueKind::Ignore => Ok(None),
        };
        self.previous_end = Some(candidate.span.end);
        resolved.ok().flatten()
    }

    fn calendar(
        &mut self,
        template: &Template,
        fields: &Fields<'_, '_>,
        span: Span,
    ) -> Result<Option<Resolved>, Unreadable> {
        let clock = clock(template, fields)?;
        let modifier = fields.get(&template.modifier)?;
        let point = |granule: Granule| {
            Some(Resolved::Point {
                granule,
                modifier,
                clock,
            })
        };
        if let Some(decade) = fields.get(&template.decade)? {
            return Ok(point(Granule::Decade(decade)));
        }
        if let Some(century) = fields.get(&template.century)? {
            return Ok(point(Granule::Century(century)));
        }
        let (month, day, holiday) = (
            fields.get(&template.month)?,
            fields.get(&template.day)?,
            fields.get(&template.holiday)?,
        );
        let (quarter, half, season) = (
            fields.get(&template.quarter)?,
            fields.get(&template.half)?,
            fields.get(&template.season)?,
        );
        let build = move |year: i16| -> Option<Granule> {
            // A holiday falls on its day of that year (Thanksgiving moves with the weekdays).
            let (month, day) = match holiday {
                Some(holiday) => holiday
                    .month_day_in(year)
                    .map_or((None, None), |(month, day)| (Some(month), Some(day))),
                None => (month, day),
            };
            match (month, day) {
                (Some(month), Some(day)) => Some(Granule::Day(Date::new(year, month, day).ok()?)),
                (Some(month), None) => Some(Granule::Month { year, month }),
                _ => match (quarter, half, season) {
                    (Some(quarter), _, _) if (1..=4).contains(&quarter) => {
                        Some(Granule::Quarter { year, quarter })
                    }
                    (_, Some(half), _) if (1..=2).contains(&half) => {
                        Some(Granule::Half { year, half })
                    }
                    (_, _, Some(season)) => Some(Granule::Season { year, season }),
                    (None, None, None) => Some(Granule::Year(year)),
                    _ => None,
                },
            }
        };
        let explicit_year = match (
            fields.get(&template.year)?,
            fields.get(&template.year_shift)?,
        ) {
            (Some(year), _) => Some(year),
            (None, Some(shift)) => self.anchor.map(|anchor| anchor.year() + i16::from(shift)),
            // "that September": the year of the last date the text mentioned.
            (None, None) if template.anchor == Anchor::Reference => {
                self.references.last().and_then(Granule::year)
            }
            (None, None) => None,
        };
        if let Some(year) = explicit_year {
            let Some(granule) = build(year) else {
                return Ok(None);
            };
            if matches!(granule, Granule::Day(_) | Granule::Month { .. }) {
                self.sentence_years.push(granule);
            }
            self.references.push(granule);
            return Ok(point(granule));
        }
        if build(2000).is_some_and(|granule| granule.unit() == Unit::Year) {
            return Ok(None); // no year and nothing else: not a date
        }
        let Some(anchor) = self.anchor else {
            let floating = build(2000).map(|granule| format!("XXXX{}", &granule.timex()[4..]));
            return Ok(floating.map(|value| Resolved::Floating { value, clock }));
        };
        let granule = match fields.get(&template.direction)? {
            Some(direction) => place_by_direction(anchor, &build, direction),
            None => self.place_in_year(anchor, &build, modifier, span),
        };
        if let Some(granule) = granule {
            self.references.push(granule);
        }
        Ok(granule.and_then(point))
    }

    /// The year of a date the text gives without one.
    fn place_in_year(
        &self,
        anchor: Date,
        build: &dyn Fn(i16) -> Option<Granule>,
        modifier: Option<Modifier>,
        span: Span,
    ) -> Option<Granule> {
        let settings = &self.rules.settings;
        // Where a date starts, as narrowed: "late July" starts on the 21st.
        let start = |granule: &Granule| {
            point_interval(granule, modifier, Some(anchor)).map(|interval| interval.start)
        };
        let year = anchor.year();
        let this_year = build(year)?;
        let (tense, cue_distance) = self.tense_and_distance(span);
        // A date or month may lie a few weeks after publication and still be this year's (a
        // dividend "payable Dec. 15", "decided to admit them in early March"); one a past verb
        // right beside it governs ("resumed on 25 December") may not.
        let close = cue_distance <= settings.close_cue_words;
        let grace = if close {
            settings.close_past_grace_days
        } else {
            settings.past_grace_days
        };
        let latest = add_days(anchor, grace)?;
        if let Some(previous) = self.sentence_years.last() {
            let carried = build(previous.year()?)?;
            if carried.first_day()? >= previous.first_day()? && start(&carried)? <= latest {
                return Some(carried);
            }
        }
        match tense {
            Tense::Past if start(&this_year)? > latest => build(year - 1),
            Tense::Future
                if this_year.last_day()? < add_days(anchor, -settings.future_grace_days)? =>
            {
                build(year + 1)
            }
            Tense::Past | Tense::Future => Some(this_year),
            // News reports the past: with no cue, a later date must be twice as near to win.
            Tense::Unknown => [build(year - 1), Some(this_year), build(year + 1)]
                .into_iter()
                .flatten()
                .min_by_key(|granule| {
                    let days = distance_in_days(granule, anchor);
                    if start(granule).is_some_and(|first| first > latest) {
                        days.saturating_mul(2)
                    } else {
                        days
                    }
                }),
        }
    }

    fn shift(
        &mut self,
        template: &Template,
        fields: &Fields<'_, '_>,
        span: Span,
    ) -> Result<Option<Resolved>, Unreadable> {
        let Some(mut unit) = fields.get(&template.unit)? else {
            return Ok(None);
        };
        let amount = fields.get(&template.amount)?.unwrap_or(Amount::Number(1.0));
        let given_direction = fields.get(&template.direction)?;
        let direction = i64::from(given_direction.unwrap_or(0));
        let modifier = fields.get(&template.modifier)?;
        let clock = clock(template, fields)?;
        let mut steps = match amount {
            Amount::Number(number) => direction * number.round() as i64,
            Amount::Vague if template.as_duration => {
                return Ok(Some(Resolved::Duration {
                    value: unit.duration_value(None),
                    interval: self.few_units_off(template, unit, direction),
                }));
            }
            Amount::Vague => {
                return Ok(Some(Resolved::Vague(if direction < 0 {
                    Vague::Past
                } else {
                    Vague::Future
                })));
            }
        };
        if unit == Unit::Fortnight {
            (unit, steps) = (Unit::Week, steps * 2);
        }
        // A time of day after a coarser reference takes what there is ("in June … the
        // previous night, at 7 pm": June, without the clock).
        // "the quarter", "that year": the last quarter or year mentioned, if there was one
        // ("that day" is the last date of any kind). "a year earlier": than the last period
        // (week to half-year) mentioned, if any.
        let preferred = self
            .references
            .iter()
            .rev()
            .find(|reference| match template.anchor {
                Anchor::Reference => {
                    steps == 0 && unit.rank() >= Unit::Month.rank() && reference.unit() == unit
                }
                Anchor::ReferenceDate => {
                    reference.unit().rank() > Unit::Day.rank()
                        && reference.unit().rank() < unit.rank()
                }
                Anchor::Document => false,
            });
        // A time of day takes no year or longer period ("in 1997 … at 10 p.m."): it takes the
        // last shorter one mentioned before, else the publication day.
        let too_coarse = |reference: &&Granule| {
            template.anchor == Anchor::Reference
                && clock.is_some()
                && reference.unit().rank() >= Unit::Year.rank()
        };
        let reference = preferred
            .or_else(|| self.references.iter().rev().find(|r| !too_coarse(r)))
            .copied();
        let granule = match (template.anchor, reference, self.anchor) {
            (Anchor::Reference, Some(reference), _) => around_reference(reference, unit, steps),
            (Anchor::ReferenceDate, Some(reference), _) => {
                from_reference_date(reference, unit, steps)
            }
            (_, _, Some(anchor)) => {
                let containing = Granule::containing(anchor, unit);
                // "the weekend" said on a Monday is the one just past, unless the clause is future.
                let not_begun = containing
                    .and_then(|granule| granule.first_day())
                    .is_some_and(|first| first > anchor);
                let back = i64::from(
                    not_begun && given_direction.is_none() && self.tense(span) != Tense::Future,
                );
                containing.and_then(|granule| granule.shift(steps - back))
            }
            _ => {
                return Ok(Some(Resolved::Vague(match direction.signum() {
                    -1 => Vague::Past,
                    1 => Vague::Future,
                    _ => Vague::Present,
                })));
            }
        };
        let Some(granule) = granule else {
            return Ok(None);
        };
        if template.anchor == Anchor::Document {
            self.references.push(granule);
        }
        // "the previous evening" after "in June" is June: no day, so no time of day.
        let clock = clock.filter(|_| matches!(granule, Granule::Day(_)));
        if template.as_duration {
            let value = unit.duration_value(Some(steps.unsigned_abs() as f64));
            return Ok(Some(Resolved::Duration {
                value,
                interval: point_interval(&granule, modifier, self.anchor),
            }));
        }
        Ok(Some(Resolved::Point {
            granule,
            modifier,
            clock,
        }))
    }

    /// The days a few units before or after the last date mentioned ("Days before", "weeks
    /// later" after "on 3 March"), up to the day next to it: the range such a phrase dates.
    fn few_units_off(
        &self,
        template: &Template,
        unit: Unit,
        direction: i64,
    ) -> Option<DateInterval> {
        // Hours or minutes off a date are that date, or the next: no range of days.
        if template.anchor != Anchor::ReferenceDate || unit.rank() < Unit::Day.rank() {
            return None;
        }
        let reference = self.references.last()?;
        let few = self.rules.settings.vague_amount;
        let (start, end) = match direction {
            -1 => {
                let day = reference.first_day()?;
                (unit.start_before(day, few)?, add_days(day, -1)?)
            }
            1 => {
                let day = reference.last_day()?;
                // `start_before` a negative amount counts forward.
                (add_days(day, 1)?, unit.start_before(day, -few)?)
            }
            _ => return None,
        };
        Some(DateInterval {
            start,
            end,
            precision: DatePrecision::Range,
        })
    }

    fn weekday(
        &mut self,
        template: &Template,
        fields: &Fields<'_, '_>,
        span: Span,
    ) -> Result<Option<Resolved>, Unreadable> {
        let Some(weekday) = fields.get(&template.weekday)? else {
            return Ok(None);
        };
        let clock = clock(template, fields)?;
        let modifier = fields.get(&template.modifier)?;
        let Some(anchor) = self.anchor else {
            let value = format!("XXXX-WXX-{}", weekday.to_monday_one_offset());
            return Ok(Some(Resolved::Floating { value, clock }));
        };
        // "the following Monday", "the previous Friday": counted from the day the text last
        // dated, if the rule asks for it and that reference is a day.
        let last_day = self
            .references
            .last()
            .and_then(|reference| match reference {
                Granule::Day(day) => Some(*day),
                _ => None,
            });
        let origin = last_day
            .filter(|_| template.anchor != Anchor::Document)
            .unwrap_or(anchor);
        let date = match fields.get(&template.direction)? {
            Some(-1) => add_days(origin, -1).and_then(|day| weekday_near(day, weekday, -1)),
            Some(1) => add_days(origin, 1).and_then(|day| weekday_near(day, weekday, 1)),
            Some(_) => weekday_near(origin, weekday, 0),
            None => match self.tense(span) {
                Tense::Future => weekday_near(anchor, weekday, 1),
                Tense::Past | Tense::Unknown => weekday_near(anchor, weekday, -1),
            },
        };
        let Some(date) = date else { return Ok(None) };
        let granule = Granule::Day(date);
        self.references.push(granule);
        Ok(Some(Resolved::Point {
            granule,
            modifier,
            clock,
        }))
    }

    fn duration(
        &self,
        template: &Template,
        fields: &Fields<'_, '_>,
    ) -> Result<Option<Resolved>, Unreadable> {
        let Some(unit) = fields.get(&template.unit)? else {
            return Ok(None);
        };
        let amount = fields.get(&template.amount)?.unwrap_or(Amount::Number(1.0));
        let number = match amount {
            Amount::Number(number) => Some(number),
            Amount::Vague => None,
        };
        let value = unit.duration_value(number);
        let length = number.unwrap_or(self.rules.settings.vague_amount);
        if template.anchor != Anchor::Document {
            // "the first week of the offensive": the units from the last date mentioned on.
            let interval = self
                .references
                .last()
                .and_then(Granule::first_day)
                .and_then(|start| {
                    let end = add_days(unit.start_before(start, -length)?, -1)?;
                    Some(DateInterval {
                        start,
                        end,
                        precision: DatePrecision::Range,
                    })
                });
            return Ok(Some(Resolved::Duration { value, interval }));
        }
        let interval = match (fields.get(&template.direction)?, self.anchor) {
            (Some(-1), Some(anchor)) => {
                unit.start_before(anchor, length).map(|start| DateInterval {
                    start,
                    end: anchor,
                    precision: DatePrecision::Range,
                })
            }
            (Some(1), Some(anchor)) => unit.start_before(anchor, -length).map(|end| DateInterval {
                start: anchor,
                end,
                precision: DatePrecision::Range,
            }),
            _ => None,
        };
        Ok(Some(Resolved::Duration { value, interval }))
    }

    fn set(
        &self,
        template: &Template,
        fields: &Fields<'_, '_>,
    ) -> Result<Option<Resolved>, Unreadable> {
        let value = if let Some(weekday) = fields.get::<Weekday>(&template.weekday)? {
            format!("XXXX-WXX-{}", weekday.to_monday_one_offset())
        } else if let Some(month) = fields.get(&template.month)? {
            format!("XXXX-{month:02}")
        } else if let Some(part) = fields.get(&template.part_of_day)? {
            format!("XXXX-XX-XXT{}", part.code())
        } else if let Some(unit) = fields.get(&template.unit)? {
            let amount = match fields.get(&template.amount)?.unwrap_or(Amount::Number(1.0)) {
                Amount::Number(number) => Some(number),
                Amount::Vague => None,
            };
            unit.duration_value(amount)
        } else {
            return Ok(None);
        };
        Ok(Some(Resolved::Set(value)))
    }

    /// The tense of the clause around `span` in the current sentence.
    fn tense(&self, span: Span) -> Tense {
        self.tense_and_distance(span).0
    }

    /// The tense of the clause around `span`, and how far its cue stands (`usize::MAX` for none).
    fn tense_and_distance(&self, span: Span) -> (Tense, usize) {
        tense_around(
            self.rules,
            self.text,
            self.sentence,
            span,
            self.previous_end,
        )
    }
}

/// "last April" (the latest April over before the anchor), "next April" (the first after
/// it), "this April" (the anchor's).
fn place_by_direction(
    anchor: Date,
    build: &dyn Fn(i16) -> Option<Granule>,
    direction: i8,
) -> Option<Granule> {
    let this_year = build(anchor.year())?;
    match direction.signum() {
        -1 if this_year.last_day()? >= anchor => build(anchor.year() - 1),
        1 if this_year.first_day()? <= anchor => build(anchor.year() + 1),
        _ => Some(this_year),
    }
}

/// How many days lie between a granule and a date (0 when it contains it).
fn distance_in_days(granule: &Granule, date: Date) -> i64 {
    match (granule.first_day(), granule.last_day()) {
        (Some(first), _) if date < first => (first - date).get_days().into(),
        (_, Some(last)) if date > last => (date - last).get_days().into(),
        (Some(_), Some(_)) => 0,
        _ => i64::MAX,
    }
}

/// The granule of `unit` around the reference, moved by `steps`: "the next day", "that
/// week". A reference coarser than the unit is as precise as the text allows ("that day"
/// after "in June" is June).
fn around_reference(reference: Granule, unit: Unit, steps: i64) -> Option<Granule> {
    if reference.unit().rank() > unit.rank() {
        return Some(reference);
    }
    Granule::containing(reference.first_day()?, unit)?.shift(steps)
}

/// The reference itself, moved by `steps` units and kept as precise as it was: "a year
/// earlier" than the third quarter of 1989 is the third quarter of 1988.
fn from_reference_date(reference: Granule, unit: Unit, steps: i64) -> Option<Granule> {
    if reference.unit().rank() > unit.rank() {
        return Some(reference);
    }
    Granule::containing(
        shift_date(reference.first_day()?, unit, steps)?,
        reference.unit(),
    )
}

/// The time of day a rule's fields give, if any.
fn clock(template: &Template, fields: &Fields<'_, '_>) -> Result<Option<Clock>, Unreadable> {
    if let Some(part) = fields.get(&template.part_of_day)? {
        return Ok(Some(Clock::Part(part)));
    }
    let Some(mut hour) = fields.get(&template.hour)? else {
        return Ok(None);
    };
    let minute = fields.get(&template.minute)?.unwrap_or(0);
    match fields.get(&template.meridiem)? {
        Some(Meridiem::Post) if hour < 12 => hour += 12,
        Some(Meridiem::Ante) if hour == 12 => hour = 0,
        _ => {}
    }
    Ok(Some(Clock::At { hour, minute }))
}

/// Reads a match's fields.
struct Fields<'c, 't> {
    groups: Groups<'t>,
    rules: &'c TimeRules,
}

impl Fields<'_, '_> {
    fn get<T: Copy>(&self, field: &Option<Field<T>>) -> Result<Option<T>, Unreadable> {
        match field {
            Some(field) => field.value(&self.groups, &self.rules.lexicon),
            None => Ok(None),
        }
    }
}
