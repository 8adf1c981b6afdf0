/*!
Events as table rows: the columns `article_events` and `events` share, in one
order, and the conversions both ways. Enums are stored as the contract spells
them (`territory_captured`, `town`, `day`), dates as `YYYY-MM-DD`.
*/

use jiff::civil::Date;
use rusqlite::Row;
use rusqlite::types::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sitrep::place::Location;
use sitrep::time::DateInterval;
use sitrep::{ActorId, Event};

use crate::Error;

/// The event columns, in the order of [`event_values`] and [`event_from_row`].
pub const EVENT_COLUMNS: &str = "kind, actor1, actor2, place, country, admin1, lat, lon, geo_precision, place_id, \
     date_start, date_end, date_precision, modality, evidence, evidence_start, evidence_end, fatalities, rule, \
     confidence, place_inferred";

/// How many columns [`EVENT_COLUMNS`] names.
pub const N_EVENT_COLUMNS: usize = 21;

/// `?, ?, …` for `n` parameters.
pub fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// An enum as the contract spells it.
pub fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        other => format!("{other:?}"),
    }
}

/// An enum from the contract's spelling.
pub fn enum_parse<T: DeserializeOwned>(text: &str) -> std::result::Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|err| err.to_string())
}

fn text(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |value| Value::Text(value.to_string()))
}

fn real(value: Option<f64>) -> Value {
    value
        .filter(|value| value.is_finite())
        .map_or(Value::Null, Value::Real)
}

fn integer(value: usize) -> Value {
    Value::Integer(i64::try_from(value).unwrap_or(i64::MAX))
}

/// The values of [`EVENT_COLUMNS`] for one event.
pub fn event_values(event: &Event) -> [Value; N_EVENT_COLUMNS] {
    let location = event.location.as_ref();
    let date = event.date.as_ref();
    [
        Value::Text(event.kind.as_str().to_string()),
        text(event.actor1.as_ref().map(ActorId::as_str)),
        text(event.actor2.as_ref().map(ActorId::as_str)),
        text(location.map(|l| l.name.as_str())),
        text(location.and_then(|l| l.country.as_deref())),
        text(location.and_then(|l| l.admin1.as_deref())),
        real(location.and_then(|l| l.lat)),
        real(location.and_then(|l| l.lon)),
        location.map_or(Value::Null, |l| Value::Text(enum_text(&l.precision))),
        text(location.and_then(|l| l.id.as_deref())),
        date.map_or(Value::Null, |d| Value::Text(d.start.to_string())),
        date.map_or(Value::Null, |d| Value::Text(d.end.to_string())),
        date.map_or(Value::Null, |d| Value::Text(enum_text(&d.precision))),
        Value::Text(enum_text(&event.modality)),
        Value::Text(event.evidence.clone()),
        integer(event.evidence_start),
        integer(event.evidence_end),
        event
            .fatalities
            .map_or(Value::Null, |n| Value::Integer(i64::from(n))),
        Value::Text(event.rule.clone()),
        Value::Real(f64::from(event.confidence)),
        Value::Integer(i64::from(event.place_inferred)),
    ]
}

/// A date column.
pub fn date_column(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Date>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|text| {
        text.parse::<Date>().map_err(|err| {
            rusqlite::Error::FromSqlConversionFailure(
                idx,
                rusqlite::types::Type::Text,
                Box::new(err),
            )
        })
    })
    .transpose()
}

fn enum_column<T: DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|text| {
        enum_parse(&text).map_err(|err| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, err.into())
        })
    })
    .transpose()
}

fn required<T>(value: Option<T>, idx: usize) -> rusqlite::Result<T> {
    value.ok_or(rusqlite::Error::InvalidColumnType(
        idx,
        "NULL".into(),
        rusqlite::types::Type::Null,
    ))
}

/// An event from [`EVENT_COLUMNS`] starting at column `first`, for article `doc`.
pub fn event_from_row(row: &Row<'_>, first: usize, doc: String) -> rusqlite::Result<Event> {
    let col = |offset: usize| first + offset;
    let location = match row.get::<_, Option<String>>(col(3))? {
        Some(name) => Some(Location {
            name,
            country: row.get(col(4))?,
            admin1: row.get(col(5))?,
            lat: row.get(col(6))?,
            lon: row.get(col(7))?,
            precision: required(enum_column(row, col(8))?, col(8))?,
            id: row.get(col(9))?,
            township: None,
        }),
        None => None,
    };
    let date = match (date_column(row, col(10))?, date_column(row, col(11))?) {
        (Some(start), Some(end)) => Some(DateInterval {
            start,
            end,
            precision: required(enum_column(row, col(12))?, col(12))?,
        }),
        _ => None,
    };
    Ok(Event {
        doc,
        kind: required(enum_column(row, col(0))?, col(0))?,
        actor1: row.get::<_, Option<String>>(col(1))?.map(ActorId),
        actor2: row.get::<_, Option<String>>(col(2))?.map(ActorId),
        location,
        date,
        modality: required(enum_column(row, col(13))?, col(13))?,
        evidence: row.get(col(14))?,
        evidence_start: usize::try_from(row.get::<_, i64>(col(15))?).unwrap_or(0),
        evidence_end: usize::try_from(row.get::<_, i64>(col(16))?).unwrap_or(0),
        fatalities: row
            .get::<_, Option<i64>>(col(17))?
            .and_then(|n| u32::try_from(n).ok()),
        rule: row.get(col(18))?,
        confidence: row.get::<_, f64>(col(19))? as f32,
        place_inferred: row.get::<_, i64>(col(20))? != 0,
    })
}

/// Turns a row conversion failure into an error naming the record.
pub fn corrupt(table: &'static str, id: i64) -> impl Fn(rusqlite::Error) -> Error {
    move |err| Error::Corrupt {
        table,
        id,
        message: err.to_string(),
    }
}
