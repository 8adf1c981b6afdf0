/*!
Recomputing the derived records from the source records, in one transaction:
the de-duplicated events (`sitrep::dedup` over every stored report), their
sources with the rule that merged each, the R*Tree over their points, and the
control timeline. The source records are only read, so a rebuild can be run
again at any time (after changing the rules, or after a killed run) and gives
the same result.
*/

use jiff::civil::Date;
use rusqlite::types::Value;
use rusqlite::{Transaction, params};
use sitrep::Event;
use sitrep::dedup::{self, Report};

use crate::row::{
    EVENT_COLUMNS, N_EVENT_COLUMNS, date_column, event_from_row, event_values, placeholders,
};
use crate::timeline::{self, Claim, Period};
use crate::{Result, Store};

/// What a rebuild made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RebuildSummary {
    /// Reports (per-article events) read.
    pub reports: usize,
    /// De-duplicated events written.
    pub events: usize,
    /// Reports merged into another report's event (`reports - events`).
    pub merged: usize,
    /// Periods of the control timeline.
    pub control_periods: usize,
}

/// A stored report and what the de-duplication needs beside it.
struct StoredReport {
    id: i64,
    outlet: Option<String>,
    event: Event,
}

impl Store {
    /// True when source records were added since the last rebuild.
    pub fn is_stale(&self) -> Result<bool> {
        let value: String = self.conn.query_row(
            "SELECT value FROM meta WHERE key = 'derived_stale'",
            [],
            |row| row.get(0),
        )?;
        Ok(value != "0")
    }

    /// Recomputes the de-duplicated events and the control timeline.
    pub fn rebuild(&mut self) -> Result<RebuildSummary> {
        let transaction = self.conn.transaction()?;
        let reports = load_reports(&transaction)?;
        let views: Vec<Report<'_>> = reports
            .iter()
            .map(|report| Report {
                event: &report.event,
                outlet: report.outlet.as_deref(),
            })
            .collect();
        let clusters = dedup::cluster(&views, &self.rules);
        transaction.execute_batch(
            "DELETE FROM event_sources; DELETE FROM events; DELETE FROM events_geo;",
        )?;
        // Bulk inserts are much faster into bare tables: indexes are rebuilt after, by sorting.
        let indexes = drop_indexes(&transaction, &["events", "event_sources"])?;
        {
            let insert_event_sql = format!(
                "INSERT INTO events (id, doc, place_key, n_sources, n_reports, {EVENT_COLUMNS})
                 VALUES (?, ?, ?, ?, ?, {})",
                placeholders(N_EVENT_COLUMNS)
            );
            let mut insert_event = transaction.prepare(&insert_event_sql)?;
            let mut insert_source = transaction.prepare(
                "INSERT INTO event_sources (event_id, article_event_id, rule) VALUES (?, ?, ?)",
            )?;
            let mut insert_geo = transaction
                .prepare("INSERT INTO events_geo (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)")?;
            for (idx, cluster) in clusters.iter().enumerate() {
                let event_id = idx as i64 + 1;
                let merged = dedup::merged_event(cluster, &views);
                let place_key = merged
                    .location
                    .as_ref()
                    .map(|location| self.rules.name_key(&location.name));
                let mut values = vec![
                    Value::Integer(event_id),
                    Value::Text(merged.doc.clone()),
                    place_key.map_or(Value::Null, Value::Text),
                    Value::Integer(cluster.n_sources as i64),
                    Value::Integer(cluster.members.len() as i64),
                ];
                values.extend(event_values(&merged));
                insert_event.execute(rusqlite::params_from_iter(values))?;
                for member in &cluster.members {
                    let rule = member.rule.map(|rule| rule.to_string());
                    insert_source.execute(params![event_id, reports[member.report].id, rule])?;
                }
                let point = merged
                    .location
                    .as_ref()
                    .and_then(|location| location.lat.zip(location.lon));
                if let Some((lat, lon)) =
                    point.filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
                {
                    insert_geo.execute(params![event_id, lat, lat, lon, lon])?;
                }
            }
        }
        transaction.execute_batch(&indexes.join(";\n"))?;
        let claims = load_claims(&transaction)?;
        let periods = timeline::periods(&claims, |name| self.rules.name_key(name));
        write_periods(&transaction, &periods)?;
        transaction.execute(
            "UPDATE meta SET value = '0' WHERE key = 'derived_stale'",
            [],
        )?;
        transaction.commit()?;
        Ok(RebuildSummary {
            reports: reports.len(),
            events: clusters.len(),
            merged: reports.len() - clusters.len(),
            control_periods: periods.len(),
        })
    }
}

/// Drops the indexes of `tables` (not the primary keys); returns the statements that
/// recreate them.
fn drop_indexes(transaction: &Transaction<'_>, tables: &[&str]) -> Result<Vec<String>> {
    let mut indexes: Vec<(String, String)> = Vec::new();
    for table in tables {
        let mut statement = transaction
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")?;
        let rows = statement.query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))?;
        for row in rows {
            indexes.push(row?);
        }
    }
    for (name, _) in &indexes {
        transaction.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

fn load_reports(transaction: &Transaction<'_>) -> Result<Vec<StoredReport>> {
    let sql = format!(
        "SELECT ae.id, a.doc, a.outlet, {}
         FROM article_events ae JOIN articles a ON a.id = ae.article_id ORDER BY ae.id",
        EVENT_COLUMNS
            .split(", ")
            .map(|column| format!("ae.{column}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut statement = transaction.prepare(&sql)?;
    let mut rows = statement.query([])?;
    let mut reports = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let read = || -> rusqlite::Result<StoredReport> {
            Ok(StoredReport {
                id,
                outlet: row.get(2)?,
                event: event_from_row(row, 3, row.get(1)?)?,
            })
        };
        reports.push(read().map_err(crate::row::corrupt("article_events", id))?);
    }
    Ok(reports)
}

/// Control facts (statements and the captures the extraction's control stage kept), dated by
/// `since` or else by publication.
fn load_claims(transaction: &Transaction<'_>) -> Result<Vec<Claim>> {
    let mut statement = transaction.prepare(
        "SELECT cf.id, cf.place, cf.country, cf.admin1, cf.lat, cf.lon, cf.controller, cf.since, a.published,
                a.doc, cf.evidence
         FROM control_facts cf JOIN articles a ON a.id = cf.article_id ORDER BY cf.id",
    )?;
    let mut rows = statement.query([])?;
    let mut claims = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let read = || -> rusqlite::Result<Option<Claim>> {
            let Some(date) = date_column(row, 7)?.or(date_column(row, 8)?) else {
                return Ok(None);
            };
            Ok(Some(Claim {
                place: row.get(1)?,
                country: row.get(2)?,
                admin1: row.get(3)?,
                lat: row.get(4)?,
                lon: row.get(5)?,
                controller: row.get(6)?,
                date,
                doc: row.get(9)?,
                evidence: row.get(10)?,
            }))
        };
        claims.extend(read().map_err(crate::row::corrupt("control_facts", id))?);
    }
    Ok(claims)
}

/// Days since 1970-01-01, the R*Tree's integer time axis.
pub fn day_number(date: Date) -> i64 {
    date.since(Date::constant(1970, 1, 1))
        .map_or(0, |span| i64::from(span.get_days()))
}

fn write_periods(transaction: &Transaction<'_>, periods: &[Period]) -> Result<()> {
    transaction.execute_batch("DELETE FROM control_periods; DELETE FROM control_periods_span;")?;
    let mut insert = transaction.prepare(
        "INSERT INTO control_periods (id, place_key, place, country, admin1, lat, lon, controller, since, until,
                                      doc, evidence, n_claims, conflicts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut insert_span = transaction
        .prepare("INSERT INTO control_periods_span (id, first_day, last_day) VALUES (?, ?, ?)")?;
    for (idx, period) in periods.iter().enumerate() {
        let id = idx as i64 + 1;
        let conflicts = serde_json::to_string(&period.conflicts).unwrap_or_else(|_| "[]".into());
        insert.execute(params![
            id,
            period.place_key,
            period.place,
            period.country,
            period.admin1,
            period.lat,
            period.lon,
            period.controller,
            period.since.to_string(),
            period.until.map(|date| date.to_string()),
            period.doc,
            period.evidence,
            period.n_claims as i64,
            conflicts,
        ])?;
        let last_day = period
            .until
            .map_or(i64::from(i32::MAX), |until| day_number(until) - 1);
        insert_span.execute(params![id, day_number(period.since), last_day])?;
    }
    Ok(())
}
