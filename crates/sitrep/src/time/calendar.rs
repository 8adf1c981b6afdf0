/*!
Calendar units and the stretches of time they name ("granules"): a day, an ISO
week, a month, a quarter, a season, a year, a decade.

Every resolved DATE is a [`Granule`]: it knows its first and last day (the
contract's interval), its TIMEX3 value (`2024-12`, `2024-W49`, `2024-Q3`) and
how to step to its neighbours ("last month" is this month shifted by -1).
Arithmetic that would leave jiff's calendar returns `None`, never panics.
*/

use jiff::civil::{Date, ISOWeekDate, Weekday};

/// A unit of time, as the rule tables name it ("weeks" → `week`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A second (durations only).
    Second,
    /// A minute (durations only).
    Minute,
    /// An hour (durations only).
    Hour,
    /// A calendar day.
    Day,
    /// Saturday and Sunday.
    Weekend,
    /// An ISO week, Monday to Sunday.
    Week,
    /// Two weeks.
    Fortnight,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A season (spring, summer, autumn, winter).
    Season,
    /// Half a calendar year.
    Half,
    /// A calendar year.
    Year,
    /// Ten years ("the 1990s").
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    /// Parses a unit's name as the resource files spell it.
    pub fn from_name(name: &str) -> Option<Unit> {
        Some(match name {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "weekend" => Unit::Weekend,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "season" => Unit::Season,
            "half" => Unit::Half,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }

    /// Orders units from finest to coarsest.
    pub fn rank(self) -> u8 {
        match self {
            Unit::Second => 0,
            Unit::Minute => 1,
            Unit::Hour => 2,
            Unit::Day => 3,
            Unit::Weekend => 4,
            Unit::Week => 5,
            Unit::Fortnight => 6,
            Unit::Month => 7,
            Unit::Quarter => 8,
            Unit::Season => 9,
            Unit::Half => 10,
            Unit::Year => 11,
            Unit::Decade => 12,
            Unit::Century => 13,
        }
    }

    /// The TIMEX3 duration of `amount` of this unit: `P3W`, `PT5H`, `P1Q`, `P2Y6M` for two and
    /// a half years. An unknown amount gives an `X` (`PXM`, "months").
    pub fn duration_value(self, amount: Option<f64>) -> String {
        let Some(amount) = amount else {
            return match self {
                Unit::Second => "PTXS".to_string(),
                Unit::Minute => "PTXM".to_string(),
                Unit::Hour => "PTXH".to_string(),
                Unit::Decade => "PXE".to_string(),
                Unit::Century => "PXC".to_string(),
                _ => format!("P{}{}", "X", self.designator().1),
            };
        };
        let (scale, designator) = self.designator();
        let whole = (amount * scale).trunc();
        let fraction = amount * scale - whole;
        let time = matches!(self, Unit::Second | Unit::Minute | Unit::Hour);
        let rest = match (self, fraction > 1e-9) {
            (Unit::Year, true) => format!("{}M", format_amount(fraction * 12.0)),
            (Unit::Month, true) => format!("{}D", format_amount(fraction * 30.0)),
            (Unit::Week, true) => format!("{}D", format_amount(fraction * 7.0)),
            (Unit::Day, true) => format!("T{}H", format_amount(fraction * 24.0)),
            (Unit::Hour, true) => format!("{}M", format_amount(fraction * 60.0)),
            (Unit::Minute, true) => format!("{}S", format_amount(fraction * 60.0)),
            (_, true) => return format!("P{}{designator}", format_amount(amount * scale)),
            (_, false) => String::new(),
        };
        format!(
            "P{}{}{designator}{rest}",
            if time { "T" } else { "" },
            format_amount(whole)
        )
    }

    /// How many of the TIMEX3 designator's units make one of this unit, and the designator.
    fn designator(self) -> (f64, &'static str) {
        match self {
            Unit::Second => (1.0, "S"),
            Unit::Minute => (1.0, "M"),
            Unit::Hour => (1.0, "H"),
            Unit::Day => (1.0, "D"),
            Unit::Weekend => (1.0, "WE"),
            Unit::Week => (1.0, "W"),
            Unit::Fortnight => (2.0, "W"),
            Unit::Month => (1.0, "M"),
            Unit::Quarter => (1.0, "Q"),
            Unit::Season => (3.0, "M"),
            Unit::Half => (6.0, "M"),
            Unit::Year => (1.0, "Y"),
            Unit::Decade => (10.0, "Y"),
            Unit::Century => (100.0, "Y"),
        }
    }

    /// The first day of the stretch `amount` units long that ends on `end`
    /// ("the past three months" up to 10 December starts on 10 September).
    pub fn start_before(self, end: Date, amount: f64) -> Option<Date> {
        let whole = amount.round() as i64;
        match self {
            Unit::Second | Unit::Minute | Unit::Hour => Some(end),
            Unit::Day => add_days(end, -whole),
            Unit::Weekend | Unit::Week => add_days(end, -7 * whole),
            Unit::Fortnight => add_days(end, -14 * whole),
            Unit::Month => add_months(end, -whole),
            Unit::Quarter | Unit::Season => add_months(end, -3 * whole),
            Unit::Half => add_months(end, -6 * whole),
            Unit::Year => add_months(end, -12 * whole),
            Unit::Decade => add_months(end, -120 * whole),
            Unit::Century => add_months(end, -1200 * whole),
        }
    }
}

/// `date` moved by `steps` of `unit` (days, weeks and months on the calendar; hours and
/// smaller leave it where it is).
pub fn shift_date(date: Date, unit: Unit, steps: i64) -> Option<Date> {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => add_days(date, steps),
        Unit::Weekend | Unit::Week => add_days(date, 7 * steps),
        Unit::Fortnight => add_days(date, 14 * steps),
        Unit::Month => add_months(date, steps),
        Unit::Quarter | Unit::Season => add_months(date, 3 * steps),
        Unit::Half => add_months(date, 6 * steps),
        Unit::Year => add_months(date, 12 * steps),
        Unit::Decade => add_months(date, 120 * steps),
        Unit::Century => add_months(date, 1200 * steps),
    }
}

/// Writes an amount without a needless fraction: 3 → "3", 2.5 → "2.5".
fn format_amount(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value}")
    }
}

/// Writes `number` as `format!("{number:0width$}")` does: zeros after any sign, up to `width`
/// chars in all.
fn push_padded(out: &mut String, number: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut n_digits = 0;
    let mut rest = number.unsigned_abs();
    loop {
        digits[n_digits] = b'0' + (rest % 10) as u8;
        n_digits += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let sign = usize::from(number < 0);
    if number < 0 {
        out.push('-');
    }
    for _ in n_digits + sign..width {
        out.push('0');
    }
    out.extend(
        digits[..n_digits]
            .iter()
            .rev()
            .map(|digit| char::from(*digit)),
    );
}

/// The four seasons, northern-hemisphere as TimeML reckons them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February (of the next year).
    Winter,
}

impl Season {
    /// Parses a season's TIMEX3 code (`SP`, `SU`, `FA`, `WI`).
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Autumn,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    fn index(self) -> i64 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Autumn => 2,
            Season::Winter => 3,
        }
    }

    fn from_index(index: i64) -> Season {
        match index.rem_euclid(4) {
            0 => Season::Spring,
            1 => Season::Summer,
            2 => Season::Autumn,
            _ => Season::Winter,
        }
    }

    /// First month of the season.
    fn first_month(self) -> i8 {
        3 + 3 * self.index() as i8
    }
}

/// A named stretch of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Granule {
    /// One day.
    Day(Date),
    /// An ISO week.
    Week {
        /// ISO week-numbering year.
        year: i16,
        /// ISO week, 1 to 53.
        week: i8,
    },
    /// The Saturday and Sunday of an ISO week.
    Weekend {
        /// ISO week-numbering year.
        year: i16,
        /// ISO week, 1 to 53.
        week: i8,
    },
    /// A calendar month.
    Month {
        /// Year.
        year: i16,
        /// Month, 1 to 12.
        month: i8,
    },
    /// A calendar quarter.
    Quarter {
        /// Year.
        year: i16,
        /// Quarter, 1 to 4.
        quarter: i8,
    },
    /// Half a year.
    Half {
        /// Year.
        year: i16,
        /// Half, 1 or 2.
        half: i8,
    },
    /// A season; winter runs into the next year.
    Season {
        /// Year the season starts in.
        year: i16,
        /// Which season.
        season: Season,
    },
    /// A calendar year.
    Year(i16),
    /// A decade, by its first three digits (199 = the 1990s).
    Decade(i16),
    /// A century, by its first two digits (19 = 1900 to 1999).
    Century(i16),
}

impl Granule {
    /// The granule of `unit` that contains `date`; `None` for units that name no calendar stretch.
    pub fn containing(date: Date, unit: Unit) -> Option<Granule> {
        let year = date.year();
        Some(match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granule::Day(date),
            Unit::Week | Unit::Fortnight => {
                let week = date.iso_week_date();
                Granule::Week {
                    year: week.year(),
                    week: week.week(),
                }
            }
            Unit::Weekend => {
                let week = date.iso_week_date();
                Granule::Weekend {
                    year: week.year(),
                    week: week.week(),
                }
            }
            Unit::Month => Granule::Month {
                year,
                month: date.month(),
            },
            Unit::Quarter => Granule::Quarter {
                year,
                quarter: (date.month() - 1) / 3 + 1,
            },
            Unit::Half => Granule::Half {
                year,
                half: (date.month() - 1) / 6 + 1,
            },
            Unit::Season => {
                let months_since_march = (i64::from(date.month()) - 3).rem_euclid(12);
                let season = Season::from_index(months_since_march / 3);
                let season_year = if date.month() <= 2 { year - 1 } else { year };
                Granule::Season {
                    year: season_year,
                    season,
                }
            }
            Unit::Year => Granule::Year(year),
            Unit::Decade => Granule::Decade(year.div_euclid(10)),
            Unit::Century => Granule::Century(year.div_euclid(100)),
        })
    }

    /// The unit this granule is one of.
    pub fn unit(&self) -> Unit {
        match self {
            Granule::Day(_) => Unit::Day,
            Granule::Week { .. } => Unit::Week,
            Granule::Weekend { .. } => Unit::Weekend,
            Granule::Month { .. } => Unit::Month,
            Granule::Quarter { .. } => Unit::Quarter,
            Granule::Half { .. } => Unit::Half,
            Granule::Season { .. } => Unit::Season,
            Granule::Year(_) => Unit::Year,
            Granule::Decade(_) => Unit::Decade,
            Granule::Century(_) => Unit::Century,
        }
    }

    /// The calendar year the granule starts in.
    pub fn year(&self) -> Option<i16> {
        Some(self.first_day()?.year())
    }

    /// First day.
    pub fn first_day(&self) -> Option<Date> {
        match *self {
            Granule::Day(date) => Some(date),
            Granule::Week { year, week } => week_day(year, week, Weekday::Monday),
            Granule::Weekend { year, week } => week_day(year, week, Weekday::Saturday),
            Granule::Month { year, month } => Date::new(year, month, 1).ok(),
            Granule::Quarter { year, quarter } => Date::new(year, 3 * quarter - 2, 1).ok(),
            Granule::Half { year, half } => Date::new(year, 6 * half - 5, 1).ok(),
            Granule::Season { year, season } => Date::new(year, season.first_month(), 1).ok(),
            Granule::Year(year) => Date::new(year, 1, 1).ok(),
            Granule::Decade(decade) => Date::new(decade.checked_mul(10)?, 1, 1).ok(),
            Granule::Century(century) => Date::new(century.checked_mul(100)?, 1, 1).ok(),
        }
    }

    /// Last day, inclusive.
    pub fn last_day(&self) -> Option<Date> {
        match *self {
            Granule::Day(date) => Some(date),
            Granule::Week { year, week } | Granule::Weekend { year, week } => {
                week_day(year, week, Weekday::Sunday)
            }
            Granule::Month { .. } => Some(self.first_day()?.last_of_month()),
            Granule::Quarter { .. } | Granule::Season { .. } => {
                Some(add_months(self.first_day()?, 2)?.last_of_month())
            }
            Granule::Half { .. } => Some(add_months(self.first_day()?, 5)?.last_of_month()),
            Granule::Year(year) => Date::new(year, 12, 31).ok(),
            Granule::Decade(decade) => {
                Date::new(decade.checked_mul(10)?.checked_add(9)?, 12, 31).ok()
            }
            Granule::Century(century) => {
                Date::new(century.checked_mul(100)?.checked_add(99)?, 12, 31).ok()
            }
        }
    }

    /// The granule `steps` units later (earlier when negative).
    pub fn shift(&self, steps: i64) -> Option<Granule> {
        match *self {
            Granule::Day(date) => Some(Granule::Day(add_days(date, steps)?)),
            Granule::Week { .. } | Granule::Weekend { .. } => {
                let monday = add_days(self.first_day()?, 7 * steps)?;
                Granule::containing(monday, self.unit())
            }
            Granule::Month { .. } => {
                Granule::containing(add_months(self.first_day()?, steps)?, Unit::Month)
            }
            Granule::Quarter { .. } => {
                Granule::containing(add_months(self.first_day()?, 3 * steps)?, Unit::Quarter)
            }
            Granule::Half { .. } => {
                Granule::containing(add_months(self.first_day()?, 6 * steps)?, Unit::Half)
            }
            Granule::Season { .. } => {
                Granule::containing(add_months(self.first_day()?, 3 * steps)?, Unit::Season)
            }
            Granule::Year(year) => Some(Granule::Year(checked_year(i64::from(year) + steps)?)),
            Granule::Decade(decade) => {
                Some(Granule::Decade(checked_year(i64::from(decade) + steps)?))
            }
            Granule::Century(century) => {
                Some(Granule::Century(checked_year(i64::from(century) + steps)?))
            }
        }
    }

    /// The TIMEX3 value: `2024-12-08`, `2024-W49`, `2024-12`, `2024-Q3`, `2024-SU`, `2024`, `199` (the 1990s), `19` (the 1900s).
    pub fn timex(&self) -> String {
        // Written digit by digit: this runs for every mention, and `format!` costs more than
        // the rest of building the value.
        let mut value = String::with_capacity(16);
        let out = &mut value;
        match *self {
            Granule::Day(date) => {
                push_padded(out, date.year().into(), 4);
                out.push('-');
                push_padded(out, date.month().into(), 2);
                out.push('-');
                push_padded(out, date.day().into(), 2);
            }
            Granule::Week { year, week } | Granule::Weekend { year, week } => {
                push_padded(out, year.into(), 4);
                out.push_str("-W");
                push_padded(out, week.into(), 2);
                if matches!(self, Granule::Weekend { .. }) {
                    out.push_str("-WE");
                }
            }
            Granule::Month { year, month } => {
                push_padded(out, year.into(), 4);
                out.push('-');
                push_padded(out, month.into(), 2);
            }
            Granule::Quarter {
                year,
                quarter: part,
            }
            | Granule::Half { year, half: part } => {
                push_padded(out, year.into(), 4);
                out.push_str(if matches!(self, Granule::Quarter { .. }) {
                    "-Q"
                } else {
                    "-H"
                });
                push_padded(out, part.into(), 1);
            }
            Granule::Season { year, season } => {
                push_padded(out, year.into(), 4);
                out.push('-');
                out.push_str(season.code());
            }
            Granule::Year(year) => push_padded(out, year.into(), 4),
            Granule::Decade(decade) => push_padded(out, decade.into(), 3),
            Granule::Century(century) => push_padded(out, century.into(), 2),
        }
        value
    }
}

/// The date of `weekday` in ISO week `week` of `year`.
fn week_day(year: i16, week: i8, weekday: Weekday) -> Option<Date> {
    Some(ISOWeekDate::new(year, week, weekday).ok()?.date())
}

fn checked_year(year: i64) -> Option<i16> {
    i16::try_from(year)
        .ok()
        .filter(|year| (-9999..=9999).contains(year))
}

/// The whole days a TIMEX3 duration of days or weeks spans (`P3D` → 3, `P2W` → 14); `None`
/// for other units and unknown amounts (`P1M`, `PXD`).
pub fn duration_days(value: &str) -> Option<i64> {
    let amount = value.strip_prefix('P')?;
    let (number, unit) = amount.split_at(amount.len().checked_sub(1)?);
    let unit_days = match unit {
        "D" => 1,
        "W" => 7,
        _ => return None,
    };
    Some(number.parse::<i64>().ok()? * unit_days)
}

/// `date` moved by `days` days.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// `date` moved by `months` calendar months, the day clamped to the month's length.
pub fn add_months(date: Date, months: i64) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + months;
    let year = checked_year(index.div_euclid(12))?;
    let month = (index.rem_euclid(12) + 1) as i8;
    let first = Date::new(year, month, 1).ok()?;
    let day = date.day().min(first.days_in_month());
    Date::new(year, month, day).ok()
}

/// The `weekday` nearest `anchor` in the given direction: on or before it (`-1`), on or
/// after it (`+1`), or in the same ISO week (`0`).
pub fn weekday_near(anchor: Date, weekday: Weekday, direction: i8) -> Option<Date> {
    let anchor_index = i64::from(anchor.weekday().to_monday_zero_offset());
    let target_index = i64::from(weekday.to_monday_zero_offset());
    let offset = match direction.signum() {
        -1 => -(anchor_index - target_index).rem_euclid(7),
        1 => (target_index - anchor_index).rem_euclid(7),
        _ => target_index - anchor_index,
    };
    add_days(anchor, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn granules_know_their_days_and_values() {
        let week = Granule::containing(date(2024, 12, 10), Unit::Week).unwrap();
        assert_eq!(week.timex(), "2024-W50");
        assert_eq!(week.first_day(), Some(date(2024, 12, 9)));
        assert_eq!(week.last_day(), Some(date(2024, 12, 15)));
        let quarter = Granule::containing(date(1989, 10, 26), Unit::Quarter).unwrap();
        assert_eq!(quarter.shift(-1).unwrap().timex(), "1989-Q3");
        assert_eq!(quarter.shift(-4).unwrap().timex(), "1988-Q4");
        let winter = Granule::containing(date(2025, 1, 20), Unit::Season).unwrap();
        assert_eq!(winter.timex(), "2024-WI");
        assert_eq!(winter.last_day(), Some(date(2025, 2, 28)));
        assert_eq!(Granule::Decade(199).timex(), "199");
        assert_eq!(
            Granule::Month {
                year: 2024,
                month: 2
            }
            .last_day(),
            Some(date(2024, 2, 29))
        );
        assert_eq!(Granule::Year(9999).shift(1), None);
        assert_eq!(Granule::Day(date(-44, 3, 15)).timex(), "-044-03-15");
        assert_eq!(
            Granule::Weekend { year: 987, week: 7 }.timex(),
            "0987-W07-WE"
        );
        assert_eq!(
            Granule::Half {
                year: 2025,
                half: 2
            }
            .timex(),
            "2025-H2"
        );
        assert_eq!(Granule::Century(5).timex(), "05");
    }

    #[test]
    fn numbers_are_padded_as_format_pads_them() {
        for (number, width) in [
            (0, 4),
            (7, 2),
            (1234, 2),
            (-5, 4),
            (-1234, 3),
            (i64::MIN, 4),
            (99, 1),
        ] {
            let mut out = String::new();
            push_padded(&mut out, number, width);
            assert_eq!(out, format!("{number:0width$}"));
        }
    }

    #[test]
    fn weekdays_resolve_around_an_anchor() {
        let thursday = date(2024, 12, 12);
        assert_eq!(
            weekday_near(thursday, Weekday::Tuesday, -1),
            Some(date(2024, 12, 10))
        );
        assert_eq!(
            weekday_near(thursday, Weekday::Thursday, -1),
            Some(thursday)
        );
        assert_eq!(
            weekday_near(thursday, Weekday::Tuesday, 1),
            Some(date(2024, 12, 17))
        );
        assert_eq!(
            weekday_near(thursday, Weekday::Monday, 0),
            Some(date(2024, 12, 9))
        );
    }

    #[test]
    fn durations_and_month_arithmetic() {
        assert_eq!(Unit::Week.duration_value(Some(3.0)), "P3W");
        assert_eq!(Unit::Hour.duration_value(Some(5.5)), "PT5H30M");
        assert_eq!(Unit::Year.duration_value(Some(2.5)), "P2Y6M");
        assert_eq!(Unit::Decade.duration_value(Some(2.0)), "P20Y");
        assert_eq!(Unit::Month.duration_value(None), "PXM");
        assert_eq!(
            (duration_days("P3D"), duration_days("P2W")),
            (Some(3), Some(14))
        );
        assert_eq!(
            (
                duration_days("P1M"),
                duration_days("PXD"),
                duration_days("P")
            ),
            (None, None, None)
        );
        assert_eq!(add_months(date(2024, 3, 31), -1), Some(date(2024, 2, 29)));
        assert_eq!(
            Unit::Day.start_before(date(2024, 3, 24), 16.0),
            Some(date(2024, 3, 8))
        );
    }
}
