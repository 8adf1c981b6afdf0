/*!
Reading the store: de-duplicated events by kind, actor, place, distance, dates
and words of their evidence, and the control timeline at a date or for a place.

`--near` goes through the R*Tree over event points (a bounding box, then the
exact great-circle distance); `--text` through the FTS5 index over the
evidence of every report; `control --at` through the R*Tree over the periods'
days. None of them scans a whole table.
*/

use std::collections::HashMap;

use jiff::civil::Date;
use rusqlite::types::Value;
use serde::Serialize;
use sitrep::eval::{admin1_key, haversine_km};
use sitrep::{Event, EventKind};

use crate::rebuild::day_number;
use crate::row::{EVENT_COLUMNS, date_column, event_from_row};
use crate::timeline::Conflict;
use crate::{Result, Store};

/// A point and a radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Near {
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// Radius in km.
    pub km: f64,
}

/// Which events to read; every filter given must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventQuery {
    /// Of this kind.
    pub kind: Option<EventKind>,
    /// With this actor as actor1 or actor2.
    pub actor: Option<String>,
    /// At this place (its name compared as de-duplication compares names) or in this admin1.
    pub place: Option<String>,
    /// Within this distance of a point (events with coordinates only).
    pub near: Option<Near>,
    /// Ending on or after this day.
    pub since: Option<Date>,
    /// Starting on or before this day.
    pub until: Option<Date>,
    /// With all these words in the evidence of one of their reports.
    pub text: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
}

/// One report behind a stored event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The article's id.
    pub doc: String,
    /// The report's position among its article's events (0 for the first).
    pub ordinal: usize,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// Its publication date.
    pub published: Option<Date>,
    /// The sentence stating the event in that article.
    pub evidence: String,
    /// The de-duplication rule that merged this report (`None` for the first).
    pub merge_rule: Option<String>,
}

/// A de-duplicated event with its sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEvent {
    /// The event's id in the store (stable until the next rebuild).
    pub id: i64,
    /// The merged record, in the contract's shape (its `doc` and `evidence` are the first
    /// report's).
    #[serde(flatten)]
    pub event: Event,
    /// Independent sources: distinct outlets.
    pub n_sources: usize,
    /// Reports merged.
    pub n_reports: usize,
    /// The reports.
    pub sources: Vec<Source>,
}

/// One period of the control timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ControlRow {
    /// The place.
    pub place: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// State, region or province.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Who held it.
    pub controller: String,
    /// Since when.
    pub since: Date,
    /// Until the day before this one, if it changed hands again.
    pub until: Option<Date>,
    /// The article of the claim that opened the period.
    pub doc: String,
    /// That claim's sentence.
    pub evidence: String,
    /// Claims supporting the period.
    pub n_claims: usize,
    /// Claims naming another controller on the period's days (from `control_at`, only up to its
    /// date).
    pub conflicts: Vec<Conflict>,
}

const KM_PER_DEGREE: f64 = 111.32;

/// Events whose sources are read together.
const SOURCES_CHUNK: usize = 512;

impl Store {
    /// The events `query` selects, by first day then id.
    pub fn events(&self, query: &EventQuery) -> Result<Vec<StoredEvent>> {
        let mut events = Vec::new();
        self.visit_events(query, |event| {
            events.push(event);
            Ok(())
        })?;
        Ok(events)
    }

    /// Hands the events `query` selects to `visit` one by one, by first day then id; returns
    /// how many there were.
    pub fn visit_events(
        &self,
        query: &EventQuery,
        mut visit: impl FnMut(StoredEvent) -> Result<()>,
    ) -> Result<usize> {
        let (sql, values) = self.event_sql(query);
        let mut statement = self.conn.prepare(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let limit = query.limit.unwrap_or(usize::MAX);
        let mut n_events = 0;
        let mut chunk: Vec<StoredEvent> = Vec::with_capacity(SOURCES_CHUNK);
        while let Some(row) = rows.next()? {
            if n_events + chunk.len() >= limit {
                break;
            }
            let id: i64 = row.get(0)?;
            let read = || -> rusqlite::Result<StoredEvent> {
                let event = event_from_row(row, 4, row.get(1)?)?;
                let (n_sources, n_reports) = (
                    row.get::<_, i64>(2)? as usize,
                    row.get::<_, i64>(3)? as usize,
                );
                Ok(StoredEvent {
                    id,
                    event,
                    n_sources,
                    n_reports,
                    sources: Vec::new(),
                })
            };
            let stored = read().map_err(crate::row::corrupt("events", id))?;
            if let Some(near) = query.near {
                let point = stored
                    .event
                    .location
                    .as_ref()
                    .and_then(|location| location.lat.zip(location.lon));
                if !point
                    .is_some_and(|(lat, lon)| haversine_km(near.lat, near.lon, lat, lon) <= near.km)
                {
                    continue;
                }
            }
            chunk.push(stored);
            if chunk.len() == SOURCES_CHUNK {
                n_events += self.visit_chunk(&mut chunk, &mut visit)?;
            }
        }
        n_events += self.visit_chunk(&mut chunk, &mut visit)?;
        Ok(n_events)
    }

    /// Reads the sources of a chunk of events in one query and hands the events on.
    fn visit_chunk(
        &self,
        chunk: &mut Vec<StoredEvent>,
        visit: &mut impl FnMut(StoredEvent) -> Result<()>,
    ) -> Result<usize> {
        if chunk.is_empty() {
            return Ok(0);
        }
        // Ids are integers read from the store: safe to write into the statement.
        let ids: Vec<String> = chunk.iter().map(|event| event.id.to_string()).collect();
        let mut statement = self.conn.prepare(&format!(
            "SELECT es.event_id, a.doc, a.outlet, a.url, a.published, ae.evidence, es.rule, ae.ordinal
             FROM event_sources es
             JOIN article_events ae ON ae.id = es.article_event_id
             JOIN articles a ON a.id = ae.article_id
             WHERE es.event_id IN ({}) ORDER BY es.event_id, es.rule IS NOT NULL, ae.id",
            ids.join(",")
        ))?;
        let mut sources: HashMap<i64, Vec<Source>> = HashMap::new();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let event_id: i64 = row.get(0)?;
            let read = || -> rusqlite::Result<Source> {
                Ok(Source {
                    doc: row.get(1)?,
                    ordinal: row.get::<_, i64>(7)? as usize,
                    outlet: row.get(2)?,
                    url: row.get(3)?,
                    published: date_column(row, 4)?,
                    evidence: row.get(5)?,
                    merge_rule: row.get(6)?,
                })
            };
            sources
                .entry(event_id)
                .or_default()
                .push(read().map_err(crate::row::corrupt("events", event_id))?);
        }
        let n_events = chunk.len();
        for mut event in chunk.drain(..) {
            event.sources = sources.remove(&event.id).unwrap_or_default();
            visit(event)?;
        }
        Ok(n_events)
    }

    fn event_sql(&self, query: &EventQuery) -> (String, Vec<Value>) {
        let mut conditions: Vec<&str> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(kind) = query.kind {
            conditions.push("e.kind = ?");
            values.push(Value::Text(kind.as_str().into()));
        }
        if let Some(actor) = &query.actor {
            conditions.push("(e.actor1 = ? OR e.actor2 = ?)");
            values.extend([Value::Text(actor.clone()), Value::Text(actor.clone())]);
        }
        if let Some(place) = &query.place {
            conditions.push("(e.place_key = ? OR lower(e.admin1) IN (lower(?), ?))");
            values.extend([
                Value::Text(self.rules.name_key(place)),
                Value::Text(place.clone()),
                Value::Text(admin1_key(place)),
            ]);
        }
        if let Some(near) = query.near {
            let lat_reach = near.km / KM_PER_DEGREE;
            let lon_reach = near.km / (KM_PER_DEGREE * near.lat.abs().min(89.0).to_radians().cos());
            conditions.push(
                "e.id IN (SELECT id FROM events_geo WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? AND max_lon <= ?)",
            );
            values.extend(
                [
                    near.lat - lat_reach,
                    near.lat + lat_reach,
                    near.lon - lon_reach,
                    near.lon + lon_reach,
                ]
                .map(Value::Real),
            );
        }
        if let Some(since) = query.since {
            conditions.push("e.date_end >= ?");
            values.push(Value::Text(since.to_string()));
        }
        if let Some(until) = query.until {
            conditions.push("e.date_start <= ?");
            values.push(Value::Text(until.to_string()));
        }
        if let Some(text) = &query.text {
            conditions.push(
                "e.id IN (SELECT es.event_id FROM event_sources es WHERE es.article_event_id IN \
                 (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?))",
            );
            values.push(Value::Text(fts_words(text)));
        }
        let columns = EVENT_COLUMNS
            .split(", ")
            .map(|column| format!("e.{column}"))
            .collect::<Vec<_>>()
            .join(", ");
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let sql = format!(
            "SELECT e.id, e.doc, e.n_sources, e.n_reports, {columns} FROM events e {filter}
             ORDER BY e.date_start IS NULL, e.date_start, e.id"
        );
        (sql, values)
    }

    /// Each place with its controller on `at`, optionally in one country and admin1, by
    /// country, admin1 and place.
    pub fn control_at(
        &self,
        at: Date,
        country: Option<&str>,
        admin1: Option<&str>,
    ) -> Result<Vec<ControlRow>> {
        let mut rows = self.control_rows(
            "p.id IN (SELECT id FROM control_periods_span WHERE first_day <= ?1 AND last_day >= ?1)
             AND (?2 IS NULL OR upper(p.country) = upper(?2))",
            &[
                Value::Integer(day_number(at)),
                country.map_or(Value::Null, |cc| Value::Text(cc.into())),
            ],
        )?;
        if let Some(admin1) = admin1 {
            let wanted = admin1_key(admin1);
            rows.retain(|row| {
                row.admin1
                    .as_deref()
                    .is_some_and(|name| admin1_key(name) == wanted)
            });
        }
        for row in &mut rows {
            row.conflicts.retain(|conflict| conflict.date <= at);
        }
        rows.sort_by(|a, b| {
            (&a.country, &a.admin1, &a.place).cmp(&(&b.country, &b.admin1, &b.place))
        });
        Ok(rows)
    }

    /// The latest day on which a period starts: the date the stored claims are current to.
    pub fn latest_control_date(&self) -> Result<Option<Date>> {
        let latest: Option<String> =
            self.conn
                .query_row("SELECT max(since) FROM control_periods", [], |row| {
                    row.get(0)
                })?;
        Ok(latest.and_then(|text| text.parse().ok()))
    }

    /// Every period of the places named `place`, by country then date.
    pub fn control_history(&self, place: &str) -> Result<Vec<ControlRow>> {
        let mut rows = self.control_rows(
            "p.place_key = ?1",
            &[Value::Text(self.rules.name_key(place))],
        )?;
        rows.sort_by(|a, b| (&a.country, a.since).cmp(&(&b.country, b.since)));
        Ok(rows)
    }

    fn control_rows(&self, condition: &str, values: &[Value]) -> Result<Vec<ControlRow>> {
        let sql = format!(
            "SELECT p.id, p.place, p.country, p.admin1, p.lat, p.lon, p.controller, p.since, p.until, p.doc,
                    p.evidence, p.n_claims, p.conflicts
             FROM control_periods p WHERE {condition}"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let mut periods = Vec::new();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let read = || -> rusqlite::Result<ControlRow> {
                let conflicts: String = row.get(12)?;
                Ok(ControlRow {
                    place: row.get(1)?,
                    country: row.get(2)?,
                    admin1: row.get(3)?,
                    lat: row.get(4)?,
                    lon: row.get(5)?,
                    controller: row.get(6)?,
                    since: date_column(row, 7)?.unwrap_or_default(),
                    until: date_column(row, 8)?,
                    doc: row.get(9)?,
                    evidence: row.get(10)?,
                    n_claims: row.get::<_, i64>(11)? as usize,
                    conflicts: serde_json::from_str(&conflicts).map_err(|err| {
                        rusqlite::Error::FromSqlConversionFailure(
                            12,
                            rusqlite::types::Type::Text,
                            Box::new(err),
                        )
                    })?,
                })
            };
            periods.push(read().map_err(crate::row::corrupt("control_periods", id))?);
        }
        Ok(periods)
    }
}

/// Words as an FTS5 query that matches them all, each quoted so that no word is read as
/// query syntax.
fn fts_words(text: &str) -> String {
    text.split_whitespace()
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}
