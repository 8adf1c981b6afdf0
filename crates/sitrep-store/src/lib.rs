/*!
The event store: sitrep's memory across articles, in one SQLite file.

[`Store::open`] creates or upgrades the database (WAL journal, foreign keys on,
schema versioned by `PRAGMA user_version`, migrations under `migrations/`).
What is stored falls in two parts:

- **source records**, written once by [`Store::insert_batch`]: the articles
  (with the SHA-256 of their text, so an article is never stored twice), the
  events and control facts the pipeline found in each, and a full-text index
  (FTS5) over the evidence sentences. Each batch is one transaction and each
  article within it all-or-nothing, so a killed ingest leaves no half-written
  article behind;
- **derived records**, recomputed from the source records by
  [`Store::rebuild`]: the de-duplicated events with their sources and the rule
  that merged each (`sitrep::dedup`), an R*Tree over their coordinates, and the
  control timeline ([`timeline`]). Re-running the rebuild after changing the
  de-duplication rules recomputes them; the source records never change.

[`Store::events`] and [`Store::control_at`] answer the queries, [`export`]
writes events as ACLED-style CSV, GeoJSON, JSON Lines or Parquet.

```
use sitrep::dedup::DedupRules;
use sitrep::{Article, ResourceFiles};
use sitrep_store::{NewArticle, Store};

let rules = DedupRules::load(&ResourceFiles::embedded()).unwrap();
let mut store = Store::open_in_memory(rules).unwrap();
let article = Article { id: "a1".into(), text: "Nothing happened.".into(), ..Article::default() };
let batch = [NewArticle { article: &article, events: &[], control: &[] }];
store.insert_batch(&batch).unwrap();
store.insert_batch(&batch).unwrap(); // the same text again: skipped
assert_eq!(store.counts().unwrap().articles, 1);
```
*/
#![deny(missing_docs)]

pub mod export;
mod ingest;
mod query;
mod rebuild;
mod row;
mod schema;
pub mod timeline;

use std::path::Path;

use rusqlite::Connection;
use sitrep::dedup::DedupRules;

pub use ingest::{Inserted, NewArticle, content_hash};
pub use query::{ControlRow, EventQuery, Near, Source, StoredEvent};
pub use rebuild::RebuildSummary;
pub use schema::SCHEMA_VERSION;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite failed.
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// The database's schema cannot be used by this version of sitrep.
    #[error("schema: {0}")]
    Schema(String),
    /// A stored value could not be read back.
    #[error("stored record {table}#{id}: {message}")]
    Corrupt {
        /// The table.
        table: &'static str,
        /// The row id.
        id: i64,
        /// What is wrong.
        message: String,
    },
    /// Writing an export failed.
    #[error("export: {0}")]
    Export(String),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// How many records the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles stored.
    pub articles: usize,
    /// Events as the articles state them (reports).
    pub article_events: usize,
    /// Control facts as the articles state them.
    pub control_facts: usize,
    /// De-duplicated events.
    pub events: usize,
    /// Periods of the control timeline.
    pub control_periods: usize,
}

/// An open store.
pub struct Store {
    conn: Connection,
    rules: DedupRules,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, upgrading its schema to
    /// [`SCHEMA_VERSION`]. `rules` decide which reports are the same event.
    pub fn open(path: &Path, rules: DedupRules) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode, NORMAL keeps every committed transaction through a crash of the
        // process; only a power loss may drop the last ones.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::init(conn, rules)
    }

    /// A store in memory, for tests and one-off runs.
    pub fn open_in_memory(rules: DedupRules) -> Result<Store> {
        Store::init(Connection::open_in_memory()?, rules)
    }

    fn init(mut conn: Connection, rules: DedupRules) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Up to 256 MB of page cache (used only as the store grows): rebuilds of large stores
        // touch index pages all over the file.
        conn.pragma_update(None, "cache_size", -262_144)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn, rules })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        schema::version(&self.conn)
    }

    /// How many records the store holds.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<usize> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                        row.get(0)
                    })?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok(Counts {
            articles: count("articles")?,
            article_events: count("article_events")?,
            control_facts: count("control_facts")?,
            events: count("events")?,
            control_periods: count("control_periods")?,
        })
    }

    /// Problems SQLite finds in the file and its foreign keys (empty when it is sound).
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = Vec::new();
        let mut statement = self.conn.prepare("PRAGMA integrity_check")?;
        for line in statement.query_map([], |row| row.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(line);
            }
        }
        let mut statement = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = statement.query_map([], |row| {
            Ok(format!(
                "foreign key broken in {}",
                row.get::<_, String>(0)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }
}
