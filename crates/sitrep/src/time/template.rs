/*!
What a rule says its match means: the `value` of a rule, compiled.

In `rules.toml` a rule's value is a table of fields, each either a literal
(`unit = "day"`, `direction = -1`) or a named capture (`month = "$month"`):

```toml
value = { kind = "calendar", day = "$day", month = "$month", year = "$year" }
value = { kind = "shift", unit = "day", amount = "$amount", direction = -1 }
```

Each field has one normaliser (a month is a `month` table word or a number
1-12, an amount a number or `number` table words, …), used both for literals
at load time and for captures at match time, so a literal that would not parse
is a load error naming the rule. [`ValueKind`] says how the fields combine;
`resolve.rs` does the combining against the publication date.
*/

use jiff::civil::Weekday;
use regex_automata::util::primitives::NonMaxUsize;
use serde::Deserialize;

use super::calendar::{Season, Unit};
use super::tables::{Table, Tables};
use crate::resources::ResourceError;

/// How a rule's fields combine into a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// Calendar fields: "9 December 2024", "March", "the third quarter", "the 1990s".
    Calendar,
    /// A unit counted from the publication date or the last date mentioned: "yesterday",
    /// "two weeks ago", "last month", "a year earlier".
    Shift,
    /// A day of the week, before or after the publication date as the tense says: "on Friday".
    Weekday,
    /// A length of time: "three weeks", "the past 16 days".
    Duration,
    /// A vague reference: "now", "recently", "in the future".
    Reference,
    /// A recurrence: "every week", "daily".
    Set,
    /// No time expression, though it looks like one ("$1.76 a year", "four flights a week"):
    /// the match only keeps other rules off its words.
    Ignore,
}

/// What a shift counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The publication date ("yesterday", "last week").
    #[default]
    Document,
    /// The unit around the last date the text mentioned ("the next day", "that week"),
    /// else around the publication date.
    Reference,
    /// The last date the text mentioned itself, moved by the amount and as precise as it
    /// was ("two days earlier", "a year earlier": a quarter a year back is a quarter), else
    /// the publication date.
    ReferenceDate,
}

/// A vague reference's TIMEX3 value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vague {
    /// `PRESENT_REF`: "now", "currently".
    Present,
    /// `PAST_REF`: "recently", "previously".
    Past,
    /// `FUTURE_REF`: "soon", "the future".
    Future,
}

impl Vague {
    /// The TIMEX3 value.
    pub fn timex(self) -> &'static str {
        match self {
            Vague::Present => "PRESENT_REF",
            Vague::Past => "PAST_REF",
            Vague::Future => "FUTURE_REF",
        }
    }
}

/// A part of the day, TIMEX3's `MO`, `AF`, `EV`, `NI`, `DT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfDay {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
    /// Daytime.
    Daytime,
}

impl PartOfDay {
    fn from_code(code: &str) -> Option<PartOfDay> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            "DT" => PartOfDay::Daytime,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }
}

/// Before or after noon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meridiem {
    /// a.m.
    Ante,
    /// p.m.
    Post,
}

/// A holiday's date in a given year: fixed ("12-25") or a weekday of a month ("11-4-4": the
/// fourth Thursday of November, US Thanksgiving).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// The same month and day every year.
    Fixed {
        /// Month 1-12.
        month: i8,
        /// Day 1-31.
        day: i8,
    },
    /// The `nth` `weekday` of `month`.
    NthWeekday {
        /// Month 1-12.
        month: i8,
        /// Which one, 1-5.
        nth: i8,
        /// The day of the week.
        weekday: Weekday,
    },
}

impl Holiday {
    /// Reads `MM-DD` (fixed) or `MM-N-W` (the Nth weekday W, Monday = 1, of month MM).
    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let month = parse_in_range(parts.next()?, 1, 12)?;
        let holiday = match (parts.next()?, parts.next()) {
            (day, None) => Holiday::Fixed {
                month,
                day: parse_in_range(day, 1, 31)?,
            },
            (nth, Some(weekday)) => {
                let nth = parse_in_range(nth, 1, 5)?;
                Holiday::NthWeekday {
                    month,
                    nth,
                    weekday: weekday_from_number(weekday)?,
                }
            }
        };
        parts.next().is_none().then_some(holiday)
    }

    /// The holiday's month and day in `year`.
    pub fn month_day_in(self, year: i16) -> Option<(i8, i8)> {
        match self {
            Holiday::Fixed { month, day } => Some((month, day)),
            Holiday::NthWeekday {
                month,
                nth,
                weekday,
            } => {
                let date = jiff::civil::Date::new(year, month, 1)
                    .ok()?
                    .nth_weekday_of_month(nth, weekday)
                    .ok()?;
                Some((month, date.day()))
            }
        }
    }
}

/// Which part of a stretch of time is meant: "early December", "mid-2025", "earlier this month".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// The first part: "early", "the beginning of".
    Start,
    /// The middle: "mid-", "the middle of".
    Mid,
    /// The last part: "late", "the end of".
    End,
    /// From its start up to the publication date: "earlier this month", "so far this year".
    SoFar,
    /// A day's night, running into the next morning: "overnight" covers two days.
    Overnight,
}

impl Modifier {
    fn from_name(name: &str) -> Option<Modifier> {
        Some(match name {
            "start" => Modifier::Start,
            "mid" => Modifier::Mid,
            "end" => Modifier::End,
            "so_far" => Modifier::SoFar,
            "overnight" => Modifier::Overnight,
            _ => return None,
        })
    }
}

/// How many units: a number, or a vague "few" / "several" (TIMEX3 `X`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A known number (2.5 for "two and a half").
    Number(f64),
    /// "a few", "several", "months" (plural, no number).
    Vague,
}

/// The tables the normalisers read.
#[derive(Clone, Debug)]
pub struct Lexicon {
    month: Table,
    weekday: Table,
    number: Table,
    article: Table,
    ordinal: Table,
    unit: Table,
    frequency: Table,
    season: Table,
    part_of_day: Table,
    direction: Table,
    modifier: Table,
    holiday: Table,
    clock: Table,
}

impl Lexicon {
    /// Takes the tables the normalisers need from `tables` and checks their values.
    pub fn new(tables: &Tables, folder: &str) -> Result<Lexicon, ResourceError> {
        let lexicon = Lexicon {
            month: tables.required("month", folder)?.clone(),
            weekday: tables.required("weekday", folder)?.clone(),
            number: tables.required("number", folder)?.clone(),
            article: tables.required("article", folder)?.clone(),
            ordinal: tables.required("ordinal", folder)?.clone(),
            unit: tables.required("unit", folder)?.clone(),
            frequency: tables.required("frequency", folder)?.clone(),
            season: tables.required("season", folder)?.clone(),
            part_of_day: tables.required("part_of_day", folder)?.clone(),
            direction: tables.required("direction", folder)?.clone(),
            modifier: tables.required("modifier", folder)?.clone(),
            holiday: tables.required("holiday", folder)?.clone(),
            clock: tables.required("clock", folder)?.clone(),
        };
        tables.check_values("month", "a month number 1-12", |v| parse_in_range(v, 1, 12))?;
        tables.check_values(
            "weekday",
            "a weekday number 1-7 (Monday = 1)",
            weekday_from_number,
        )?;
        tables.check_values("number", "a number or X", number_value)?;
        tables.check_values("article", "a number", |v| v.parse::<f64>().ok())?;
        tables.check_values("ordinal", "a number 1-31", |v| parse_in_range(v, 1, 31))?;
        tables.check_values("unit", "a unit name (day, week, month…)", Unit::from_name)?;
        tables.check_values(
            "frequency",
            "a unit name (day, week, month…)",
            Unit::from_name,
        )?;
        tables.check_values(
            "season",
            "a season code (SP, SU, FA, WI)",
            Season::from_code,
        )?;
        tables.check_values(
            "part_of_day",
            "a part-of-day code (MO, AF, EV, NI, DT)",
            PartOfDay::from_code,
        )?;
        tables.check_values("direction", "-1, 0 or 1", |v| parse_in_range(v, -1, 1))?;
        tables.check_values(
            "modifier",
            "start, mid, end, so_far or overnight",
            Modifier::from_name,
        )?;
        tables.check_values(
            "holiday",
            "MM-DD or MM-N-W (the Nth weekday W of month MM)",
            Holiday::parse,
        )?;
        tables.check_values("clock", "an hour 0-24", |v| parse_in_range(v, 0, 24))?;
        Ok(lexicon)
    }
}

fn parse_in_range(text: &str, low: i8, high: i8) -> Option<i8> {
    text.trim()
        .parse::<i8>()
        .ok()
        .filter(|value| (low..=high).contains(value))
}

fn weekday_from_number(text: &str) -> Option<Weekday> {
    Weekday::from_monday_one_offset(parse_in_range(text, 1, 7)?).ok()
}

fn number_value(text: &str) -> Option<Amount> {
    if text == "X" {
        Some(Amount::Vague)
    } else {
        text.parse::<f64>().ok().map(Amount::Number)
    }
}

/// Leading digits of a word ("29th" → 29).
fn leading_number(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > 6 {
        None
    } else {
        digits.parse().ok()
    }
}

/// A year: four digits, an apostrophe and two ("'98"), two digits read in the 1900s or
/// 2000s, or number words ("nineteen ninety-six", "two thousand").
fn normalise_year(text: &str, lexicon: &Lexicon) -> Option<i16> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return year_in_words(text, lexicon);
    }
    let value: i16 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(value),
        2 if value >= 30 => Some(1900 + value),
        2 => Some(2000 + value),
        _ => None,
    }
}

/// "nineteen ninety-six" is 19 hundred and 96; "two thousand and one" adds up.
fn year_in_words(text: &str, lexicon: &Lexicon) -> Option<i16> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let hundreds = match normalise_amount(first, lexicon)? {
        Amount::Number(value) if (11.0..=20.0).contains(&value) && !rest.is_empty() => Some(value),
        _ => None,
    };
    let value = match (hundreds, normalise_amount(&rest.join(" "), lexicon)) {
        (Some(hundreds), Some(Amount::Number(tens))) if tens < 100.0 => hundreds * 100.0 + tens,
        _ => match normalise_amount(text, lexicon)? {
            Amount::Number(value) => value,
            Amount::Vague => return None,
        },
    };
    (1000.0..=2999.0).contains(&value).then_some(value as i16)
}

fn normalise_month(text: &str, lexicon: &Lexicon) -> Option<i8> {
    match lexicon.month.get(text) {
        Some(value) => parse_in_range(value, 1, 12),
        None => i8::try_from(leading_number(text)?)
            .ok()
            .filter(|m| (1..=12).contains(m)),
    }
}

fn normalise_ordinal(text: &str, lexicon: &Lexicon) -> Option<i8> {
    match lexicon.ordinal.get(text) {
        Some(value) => parse_in_range(value, 1, 31),
        None => i8::try_from(leading_number(text)?)
            .ok()
            .filter(|d| (1..=31).contains(d)),
    }
}

/// An hour: digits, or a `clock` table word ("noon").
fn normalise_hour(text: &str, lexicon: &Lexicon) -> Option<i8> {
    match lexicon.clock.get(text) {
        Some(value) => parse_in_range(value, 0, 24),
        None => i8::try_from(leading_number(text)?)
            .ok()
            .filter(|h| (0..=24).contains(h)),
    }
}

fn normalise_minute(text: &str, _: &Lexicon) -> Option<i8> {
    i8::try_from(leading_number(text)?)
        .ok()
        .filter(|m| (0..=59).contains(m))
}

fn normalise_meridiem(text: &str, _: &Lexicon) -> Option<Meridiem> {
    match text.trim().chars().next()?.to_ascii_lowercase() {
        'a' => Some(Meridiem::Ante),
        'p' => Some(Meridiem::Post),
        _ => None,
    }
}

/// A decade: "1990s" → 199, "90s" and "'90s" → 199 (two digits of 30 and above read in the 1900s).
fn normalise_decade(text: &str, _: &Lexicon) -> Option<i16> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let value: i16 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(value / 10),
        3 => Some(value),
        2 if value >= 30 => Some(190 + value / 10),
        2 => Some(200 + value / 10),
        _ => None,
    }
}

/// A century by its ordinal: "20th" → 19.
fn normalise_century(text: &str, lexicon: &Lexicon) -> Option<i16> {
    let ordinal = match lexicon.ordinal.get(text) {
        Some(value) => value.parse::<i16>().ok()?,
        None => i16::try_from(leading_number(text)?).ok()?,
    };
    (1..=99).contains(&ordinal).then_some(ordinal - 1)
}

fn normalise_season(text: &str, lexicon: &Lexicon) -> Option<Season> {
    Season::from_code(lexicon.season.get(text)?)
}

fn normalise_weekday(text: &str, lexicon: &Lexicon) -> Option<Weekday> {
    weekday_from_number(lexicon.weekday.get(text)?)
}

fn normalise_part_of_day(text: &str, lexicon: &Lexicon) -> Option<PartOfDay> {
    PartOfDay::from_code(lexicon.part_of_day.get(text)?)
}

/// A unit word ("weeks"), or the unit of a frequency adverb ("weekly").
fn normalise_unit(text: &str, lexicon: &Lexicon) -> Option<Unit> {
    Unit::from_name(
        lexicon
            .unit
            .get(text)
            .or_else(|| lexicon.frequency.get(text))?,
    )
}

fn normalise_direction(text: &str, lexicon: &Lexicon) -> Option<i8> {
    parse_in_range(lexicon.direction.get(text)?, -1, 1)
}

/// A modifier word of the table, or a rule's literal modifier name (`modifier = "overnight"`).
fn normalise_modifier(text: &str, lexicon: &Lexicon) -> Option<Modifier> {
    Modifier::from_name(lexicon.modifier.get(text).unwrap_or(text))
}

fn normalise_holiday(text: &str, lexicon: &Lexicon) -> Option<Holiday> {
    Holiday::parse(lexicon.holiday.get(text)?)
}

/// An amount: digits ("16", "1,300", "2.5"), a fraction ("2 1/2"), an `article` ("a"), or
/// number words ("twenty four", "a few") added up from the `number` table.
fn normalise_amount(text: &str, lexicon: &Lexicon) -> Option<Amount> {
    let text = text.trim();
    if let Some(value) = lexicon
        .number
        .get(text)
        .or_else(|| lexicon.article.get(text))
    {
        return number_value(value);
    }
    let mut total = 0.0;
    let mut any = false;
    for word in text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word_value = if let Some((numerator, denominator)) = word.split_once('/') {
            numerator.parse::<f64>().ok()?
                / denominator.parse::<f64>().ok().filter(|d| *d != 0.0)?
        } else if word.starts_with(|c: char| c.is_ascii_digit()) {
            word.replace(',', "").parse::<f64>().ok()?
        } else if word.eq_ignore_ascii_case("and") {
            continue;
        } else {
            match number_value(lexicon.number.get(word)?)? {
                Amount::Number(value) => value,
                Amount::Vague => return Some(Amount::Vague),
            }
        };
        // "hundred", "thousand" multiply what came before them.
        if word_value >= 100.0 && total > 0.0 && total < word_value {
            total *= word_value;
        } else {
            total += word_value;
        }
        any = true;
    }
    any.then_some(Amount::Number(total))
}

/// Turns text into a field's value.
type Normaliser<T> = fn(&str, &Lexicon) -> Option<T>;

/// Where a field's value comes from.
#[derive(Clone, Debug)]
pub enum Field<T> {
    /// Given in the rule.
    Literal(T),
    /// The text of a named capture, normalised.
    Capture {
        /// The capture's index in the rule's regex.
        index: usize,
        /// How its text becomes a value.
        normalise: Normaliser<T>,
    },
}

/// The groups of one match: where each capture lies in the text searched.
#[derive(Clone, Copy, Debug)]
pub struct Groups<'a> {
    /// The text the rule searched.
    pub haystack: &'a str,
    /// Where its captures matched: start and end of capture `index` at `2 * index` and
    /// `2 * index + 1`, as `regex_automata` fills them.
    pub slots: &'a [Option<NonMaxUsize>],
}

impl<'a> Groups<'a> {
    /// Where capture `index` matched, if it took part in the match.
    pub fn span(&self, index: usize) -> Option<(usize, usize)> {
        let start = self.slots.get(2 * index).copied().flatten()?;
        let end = self.slots.get(2 * index + 1).copied().flatten()?;
        Some((start.get(), end.get()))
    }

    /// The text of capture `index`, if it took part in the match.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let (start, end) = self.span(index)?;
        self.haystack.get(start..end)
    }
}

/// A capture matched text its field could not read: the match is not a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

impl<T: Copy> Field<T> {
    /// The field's value for one match: `Ok(None)` when its capture took no part in the match.
    pub fn value(&self, groups: &Groups<'_>, lexicon: &Lexicon) -> Result<Option<T>, Unreadable> {
        match self {
            Field::Literal(value) => Ok(Some(*value)),
            Field::Capture { index, normalise } => match groups.get(*index) {
                None => Ok(None),
                Some(matched) => normalise(matched, lexicon).map(Some).ok_or(Unreadable),
            },
        }
    }
}

/// A field as written in the rule file: a literal number or text, or `"$capture"`.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum FieldEntry {
    /// A number literal.
    Number(i64),
    /// A text literal, or a capture name after `$`.
    Text(String),
}

/// A rule's `value` table as written in the file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueEntry {
    kind: ValueKind,
    #[serde(default)]
    anchor: Anchor,
    #[serde(default)]
    as_duration: bool,
    reference: Option<Vague>,
    year: Option<FieldEntry>,
    year_shift: Option<FieldEntry>,
    month: Option<FieldEntry>,
    day: Option<FieldEntry>,
    quarter: Option<FieldEntry>,
    half: Option<FieldEntry>,
    season: Option<FieldEntry>,
    decade: Option<FieldEntry>,
    century: Option<FieldEntry>,
    holiday: Option<FieldEntry>,
    weekday: Option<FieldEntry>,
    part_of_day: Option<FieldEntry>,
    hour: Option<FieldEntry>,
    minute: Option<FieldEntry>,
    meridiem: Option<FieldEntry>,
    unit: Option<FieldEntry>,
    amount: Option<FieldEntry>,
    direction: Option<FieldEntry>,
    modifier: Option<FieldEntry>,
}

/// A rule's value, compiled.
#[derive(Clone, Debug)]
pub struct Template {
    /// How the fields combine.
    pub kind: ValueKind,
    /// What a shift counts from.
    pub anchor: Anchor,
    /// A shift written as a length of time ("three days later"): its TIMEX3 value is the
    /// DURATION (`P3D`), its interval the day it leads to (a few units next to the last date
    /// for a vague amount: "days before").
    pub as_duration: bool,
    /// The value of a vague reference.
    pub reference: Option<Vague>,
    /// Year (four digits).
    pub year: Option<Field<i16>>,
    /// Year relative to the publication year ("last year" → -1).
    pub year_shift: Option<Field<i8>>,
    /// Month 1-12.
    pub month: Option<Field<i8>>,
    /// Day of the month.
    pub day: Option<Field<i8>>,
    /// Quarter 1-4.
    pub quarter: Option<Field<i8>>,
    /// Half 1-2.
    pub half: Option<Field<i8>>,
    /// Season.
    pub season: Option<Field<Season>>,
    /// Decade (199 for the 1990s).
    pub decade: Option<Field<i16>>,
    /// Century (19 for the 1900s).
    pub century: Option<Field<i16>>,
    /// A holiday, fixed or on a weekday of its month.
    pub holiday: Option<Field<Holiday>>,
    /// Day of the week.
    pub weekday: Option<Field<Weekday>>,
    /// Part of the day.
    pub part_of_day: Option<Field<PartOfDay>>,
    /// Hour of the clock.
    pub hour: Option<Field<i8>>,
    /// Minute.
    pub minute: Option<Field<i8>>,
    /// a.m. or p.m.
    pub meridiem: Option<Field<Meridiem>>,
    /// Unit of a shift, duration or set.
    pub unit: Option<Field<Unit>>,
    /// How many units.
    pub amount: Option<Field<Amount>>,
    /// Back (-1), this (0) or forward (+1).
    pub direction: Option<Field<i8>>,
    /// Which part of the stretch.
    pub modifier: Option<Field<Modifier>>,
}

impl ValueEntry {
    /// Compiles the fields, checking literals and that each capture exists in `groups` (the
    /// rule regex's capture names by index).
    pub fn compile(&self, groups: &[Option<&str>], lexicon: &Lexicon) -> Result<Template, String> {
        let compile = Compiler { groups, lexicon };
        let template = Template {
            kind: self.kind,
            anchor: self.anchor,
            as_duration: self.as_duration,
            reference: self.reference,
            year: compile.field("year", &self.year, normalise_year)?,
            year_shift: compile.field("year_shift", &self.year_shift, signed_direction)?,
            month: compile.field("month", &self.month, normalise_month)?,
            day: compile.field("day", &self.day, normalise_ordinal)?,
            quarter: compile.field("quarter", &self.quarter, normalise_ordinal)?,
            half: compile.field("half", &self.half, normalise_ordinal)?,
            season: compile.field("season", &self.season, normalise_season)?,
            decade: compile.field("decade", &self.decade, normalise_decade)?,
            century: compile.field("century", &self.century, normalise_century)?,
            holiday: compile.field("holiday", &self.holiday, normalise_holiday)?,
            weekday: compile.field("weekday", &self.weekday, normalise_weekday)?,
            part_of_day: compile.field("part_of_day", &self.part_of_day, normalise_part_of_day)?,
            hour: compile.field("hour", &self.hour, normalise_hour)?,
            minute: compile.field("minute", &self.minute, normalise_minute)?,
            meridiem: compile.field("meridiem", &self.meridiem, normalise_meridiem)?,
            unit: compile.field("unit", &self.unit, normalise_unit)?,
            amount: compile.field("amount", &self.amount, normalise_amount)?,
            direction: compile.field("direction", &self.direction, signed_direction)?,
            modifier: compile.field("modifier", &self.modifier, normalise_modifier)?,
        };
        template.check_kind()?;
        Ok(template)
    }
}

/// A direction or year shift: a literal number (-1, 0, 1, or more for "two years ago"),
/// else a `direction` table word.
fn signed_direction(text: &str, lexicon: &Lexicon) -> Option<i8> {
    text.trim()
        .parse::<i8>()
        .ok()
        .or_else(|| normalise_direction(text, lexicon))
}

struct Compiler<'a> {
    groups: &'a [Option<&'a str>],
    lexicon: &'a Lexicon,
}

impl Compiler<'_> {
    fn field<T>(
        &self,
        name: &str,
        entry: &Option<FieldEntry>,
        normalise: Normaliser<T>,
    ) -> Result<Option<Field<T>>, String> {
        let Some(entry) = entry else { return Ok(None) };
        let literal = match entry {
            FieldEntry::Number(number) => number.to_string(),
            FieldEntry::Text(text) => match text.strip_prefix('$') {
                Some(group) => {
                    let index = self
                        .groups
                        .iter()
                        .position(|name| *name == Some(group))
                        .ok_or_else(|| format!("value field {name} reads capture {group:?}, which the pattern lacks"))?;
                    return Ok(Some(Field::Capture { index, normalise }));
                }
                None => text.clone(),
            },
        };
        normalise(&literal, self.lexicon)
            .map(|value| Some(Field::Literal(value)))
            .ok_or_else(|| format!("value field {name}: cannot read {literal:?}"))
    }
}

impl Template {
    /// Checks that the fields the kind needs are there.
    fn check_kind(&self) -> Result<(), String> {
        let missing = match self.kind {
            ValueKind::Calendar => {
                let has_any = self.year.is_some()
                    || self.year_shift.is_some()
                    || self.month.is_some()
                    || self.quarter.is_some()
                    || self.half.is_some()
                    || self.season.is_some()
                    || self.decade.is_some()
                    || self.century.is_some()
                    || self.holiday.is_some();
                (!has_any)
                    .then_some("a calendar field (year, month, quarter, season, decade, holiday…)")
            }
            ValueKind::Shift | ValueKind::Duration => self.unit.is_none().then_some("unit"),
            ValueKind::Weekday => self.weekday.is_none().then_some("weekday"),
            ValueKind::Reference => self.reference.is_none().then_some("reference"),
            ValueKind::Ignore => None,
            ValueKind::Set => (self.unit.is_none()
                && self.weekday.is_none()
                && self.month.is_none()
                && self.part_of_day.is_none())
            .then_some("unit, weekday, month or part_of_day"),
        };
        match missing {
            Some(what) => Err(format!("a {:?} value needs {what}", self.kind).to_lowercase()),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::ResourceFiles;

    fn lexicon() -> Lexicon {
        let files = ResourceFiles::embedded();
        let tables = Tables::load(&files, "time/en/tables/").unwrap();
        Lexicon::new(&tables, "time/en/tables/").unwrap()
    }

    #[test]
    fn amounts_read_digits_fractions_and_words() {
        let lexicon = lexicon();
        assert_eq!(normalise_amount("16", &lexicon), Some(Amount::Number(16.0)));
        assert_eq!(
            normalise_amount("1,300", &lexicon),
            Some(Amount::Number(1300.0))
        );
        assert_eq!(
            normalise_amount("2 1/2", &lexicon),
            Some(Amount::Number(2.5))
        );
        assert_eq!(
            normalise_amount("twenty-four", &lexicon),
            Some(Amount::Number(24.0))
        );
        assert_eq!(
            normalise_amount("two hundred", &lexicon),
            Some(Amount::Number(200.0))
        );
        assert_eq!(normalise_amount("a few", &lexicon), Some(Amount::Vague));
        assert_eq!(normalise_amount("purple", &lexicon), None);
    }

    #[test]
    fn years_decades_and_centuries() {
        let lexicon = lexicon();
        assert_eq!(normalise_year("'98", &lexicon), Some(1998));
        assert_eq!(normalise_year("2024", &lexicon), Some(2024));
        assert_eq!(normalise_year("nineteen ninety-six", &lexicon), Some(1996));
        assert_eq!(normalise_year("two thousand and one", &lexicon), Some(2001));
        assert_eq!(normalise_year("twenty", &lexicon), None);
        assert_eq!(normalise_decade("1990s", &lexicon), Some(199));
        assert_eq!(normalise_decade("'80s", &lexicon), Some(198));
        assert_eq!(normalise_century("20th", &lexicon), Some(19));
        assert_eq!(normalise_month("Sept.", &lexicon), Some(9));
        assert_eq!(normalise_ordinal("29th", &lexicon), Some(29));
        assert_eq!(normalise_ordinal("32", &lexicon), None);
    }

    #[test]
    fn literals_are_checked_and_captures_must_exist() {
        let lexicon = lexicon();
        let entry: ValueEntry =
            toml::from_str("kind = \"shift\"\nunit = \"fortnight\"\ndirection = -1").unwrap();
        assert!(entry.compile(&[], &lexicon).is_ok());
        let entry: ValueEntry = toml::from_str("kind = \"shift\"\nunit = \"aeon\"").unwrap();
        assert!(entry.compile(&[], &lexicon).unwrap_err().contains("unit"));
        let entry: ValueEntry = toml::from_str("kind = \"calendar\"\nmonth = \"$month\"").unwrap();
        assert!(
            entry
                .compile(&[None, Some("day")], &lexicon)
                .unwrap_err()
                .contains("month")
        );
        let entry: ValueEntry = toml::from_str("kind = \"weekday\"").unwrap();
        assert!(
            entry
                .compile(&[], &lexicon)
                .unwrap_err()
                .contains("weekday")
        );
    }
}
