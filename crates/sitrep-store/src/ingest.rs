/*!
Writing source records: articles with their events and control facts.

An article is identified by the SHA-256 of its text ([`content_hash`]): the
same text read again, from the same file or another, is skipped, so ingesting
twice changes nothing. [`Store::insert_batch`] writes a batch in one
transaction, each article inside a savepoint: an article that cannot be stored
(its id already names another text, say) is reported and the rest of the batch
goes in; a process killed mid-batch loses only the uncommitted batch.
*/

use std::collections::HashSet;

use rusqlite::params;
use rusqlite::types::Value;
use sha2::{Digest, Sha256};
use sitrep::{Article, ControlFact, Event};

use crate::row::{EVENT_COLUMNS, N_EVENT_COLUMNS, event_values, placeholders};
use crate::{Result, Store};

/// One article to store, with what the pipeline found in it.
#[derive(Clone, Copy, Debug)]
pub struct NewArticle<'a> {
    /// The article (its text is hashed, not stored).
    pub article: &'a Article,
    /// Its events.
    pub events: &'a [Event],
    /// Its control facts.
    pub control: &'a [ControlFact],
}

/// What became of one article of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// Stored.
    New,
    /// Its text was already stored.
    Skipped,
    /// Not stored, for this reason.
    Failed(String),
}

/// The SHA-256 of an article's text, in hex: the article's identity in the store.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

impl Store {
    /// The hashes among `hashes` that are already stored.
    pub fn known_hashes<'h>(
        &self,
        hashes: impl IntoIterator<Item = &'h str>,
    ) -> Result<HashSet<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?")?;
        let mut known = HashSet::new();
        for hash in hashes {
            if statement.exists([hash])? {
                known.insert(hash.to_string());
            }
        }
        Ok(known)
    }

    /// Stores a batch of articles in one transaction; one outcome per article, in order.
    pub fn insert_batch(&mut self, batch: &[NewArticle<'_>]) -> Result<Vec<Inserted>> {
        let mut transaction = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for item in batch {
            let hash = content_hash(&item.article.text);
            let known: bool = transaction
                .prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?")?
                .exists([&hash])?;
            if known {
                outcomes.push(Inserted::Skipped);
                continue;
            }
            let savepoint = transaction.savepoint()?;
            match insert_article(&savepoint, item, &hash) {
                Ok(()) => {
                    savepoint.commit()?;
                    outcomes.push(Inserted::New);
                }
                Err(err) => {
                    drop(savepoint); // rolls the article back
                    outcomes.push(Inserted::Failed(describe_failure(item.article, &err)));
                }
            }
        }
        if outcomes.contains(&Inserted::New) {
            transaction.execute(
                "UPDATE meta SET value = '1' WHERE key = 'derived_stale'",
                [],
            )?;
        }
        transaction.commit()?;
        Ok(outcomes)
    }
}

fn describe_failure(article: &Article, err: &rusqlite::Error) -> String {
    let constraint = matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ConstraintViolation)
    );
    if constraint && err.to_string().contains("articles.doc") {
        format!(
            "article id {:?} is already stored with a different text",
            article.id
        )
    } else {
        format!("article {:?} not stored: {err}", article.id)
    }
}

fn insert_article(
    conn: &rusqlite::Connection,
    item: &NewArticle<'_>,
    hash: &str,
) -> rusqlite::Result<()> {
    let article = item.article;
    conn.prepare_cached(
        "INSERT INTO articles (doc, content_hash, url, outlet, title, published, text_bytes)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        article.id,
        hash,
        article.url,
        article.outlet,
        article.title,
        article.published.map(|date| date.to_string()),
        i64::try_from(article.text.len()).unwrap_or(i64::MAX),
    ])?;
    let article_id = conn.last_insert_rowid();
    let insert_event_sql = format!(
        "INSERT INTO article_events (article_id, ordinal, {EVENT_COLUMNS}) VALUES (?, ?, {})",
        placeholders(N_EVENT_COLUMNS)
    );
    let mut insert_event = conn.prepare_cached(&insert_event_sql)?;
    let mut insert_fts =
        conn.prepare_cached("INSERT INTO evidence_fts (rowid, evidence) VALUES (?, ?)")?;
    for (ordinal, event) in item.events.iter().enumerate() {
        let mut values: Vec<Value> =
            vec![Value::Integer(article_id), Value::Integer(ordinal as i64)];
        values.extend(event_values(event));
        insert_event.execute(rusqlite::params_from_iter(values))?;
        insert_fts.execute(params![conn.last_insert_rowid(), event.evidence])?;
    }
    let mut insert_fact = conn.prepare_cached(
        "INSERT INTO control_facts
         (article_id, ordinal, place, country, admin1, lat, lon, controller, since, evidence, rule)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for (ordinal, fact) in item.control.iter().enumerate() {
        insert_fact.execute(params![
            article_id,
            ordinal as i64,
            fact.place,
            fact.country,
            fact.admin1,
            fact.lat.filter(|lat| lat.is_finite()),
            fact.lon.filter(|lon| lon.is_finite()),
            fact.controller.as_str(),
            fact.since.map(|date| date.to_string()),
            fact.evidence,
            fact.rule,
        ])?;
    }
    Ok(())
}
