/*!
`sitrep ingest` as a user runs it: idempotent on the dev corpus, and a kill -9 in the
middle of a large ingest loses nothing committed, leaves no half-written batch, and a
second run completes the store to what an uninterrupted run gives. (Its own test binary,
so that it merges beside the end-to-end tests in `tests/it.rs`.)
*/

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

const SITREP: &str = env!("CARGO_BIN_EXE_sitrep");
const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/dev");
/// Articles per transaction in `sitrep ingest` (`cmd::BATCH`).
const BATCH: i64 = 64;

fn sitrep(args: &[&str]) {
    let status = Command::new(SITREP).arg("--quiet").args(args).status().expect("sitrep runs");
    assert!(status.success(), "sitrep {args:?} failed: {status}");
}

/// Every table's row count and the sorted article ids, read without the store's code.
fn snapshot(db: &Path) -> (Vec<i64>, Vec<String>) {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let counts = [
        "articles",
        "article_events",
        "control_facts",
        "events",
        "event_sources",
        "control_periods",
    ]
    .iter()
    .map(|table| {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0)).unwrap()
    })
    .collect();
    let mut statement = conn.prepare("SELECT doc FROM articles ORDER BY doc").unwrap();
    let docs = statement.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
    (counts, docs)
}

fn article_count(db: &Path) -> i64 {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |row| row.get(0)).unwrap_or(0)
}

#[test]
fn ingesting_the_dev_corpus_twice_gives_identical_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dev.db");
    let db_arg = db.to_str().unwrap();
    sitrep(&["ingest", DEV, "--db", db_arg]);
    let first = snapshot(&db);
    assert_eq!(first.1.len(), 41);
    sitrep(&["ingest", DEV, "--db", db_arg]);
    assert_eq!(snapshot(&db), first);
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    const N_ARTICLES: i64 = 12_000;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let n_articles = N_ARTICLES.to_string();
    sitrep(&[
        "generate",
        DEV,
        "--articles",
        &n_articles,
        "--seed",
        "5",
        "--output",
        corpus.to_str().unwrap(),
    ]);
    let reference = dir.path().join("reference.db");
    sitrep(&["ingest", corpus.to_str().unwrap(), "--db", reference.to_str().unwrap()]);
    let expected = snapshot(&reference);
    assert_eq!(expected.0[0], N_ARTICLES);

    let killed = dir.path().join("killed.db");
    let mut child = Command::new(SITREP)
        .args(["--quiet", "ingest", corpus.to_str().unwrap(), "--db", killed.to_str().unwrap()])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while article_count(&killed) < N_ARTICLES / 6 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL sent");
    child.wait().unwrap();

    let conn = Connection::open(&killed).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(check, "ok");
    let n_stored: i64 =
        conn.query_row("SELECT count(*) FROM articles", [], |row| row.get(0)).unwrap();
    drop(conn);
    assert!(n_stored > 0 && n_stored < N_ARTICLES, "killed mid-way: {n_stored} stored");
    assert_eq!(n_stored % BATCH, 0, "only whole batches are committed");

    sitrep(&["ingest", corpus.to_str().unwrap(), "--db", killed.to_str().unwrap()]);
    assert_eq!(snapshot(&killed), expected);
}
