/*!
`sitrep ingest` as a user runs it: idempotent on the dev corpus, and a kill -9 in the
middle of a large ingest loses nothing committed, leaves no half-written batch, and a
second run completes the store to what an uninterrupted run gives. (Its own test binary,
so that it merges beside the end-to-end tests in `tests/it.rs`.)

Articles the pipeline fails on are reported and not stored, so a run may exit with 1;
these tests compare stores, not exit codes, and stay meaningful whatever the pipeline
extracts. The generated corpus keeps articles short (two sentences at most) so that the
tests stay fast in a debug build.
*/

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

const SITREP: &str = env!("CARGO_BIN_EXE_sitrep");
const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/dev");
/// Articles per transaction in `sitrep ingest` (`cmd::BATCH`).
const BATCH: usize = 64;

/// Runs sitrep quietly; true when it exited with 0.
fn sitrep(args: &[&str]) -> bool {
    let status = Command::new(SITREP)
        .arg("--quiet")
        .args(args)
        .stderr(Stdio::null())
        .status()
        .expect("sitrep runs");
    status.success()
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
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .unwrap()
    })
    .collect();
    let mut statement = conn
        .prepare("SELECT doc FROM articles ORDER BY doc")
        .unwrap();
    let docs = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (counts, docs)
}

fn article_count(db: &Path) -> usize {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_or(0, |n| n as usize)
}

/// The input position of a generated article (`gen-5-0000123` → 123).
fn position(doc: &str) -> usize {
    doc.rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a generated article id")
}

#[test]
fn ingesting_the_dev_corpus_twice_gives_identical_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dev.db");
    let db_arg = db.to_str().unwrap();
    sitrep(&["ingest", DEV, "--db", db_arg]);
    let first = snapshot(&db);
    assert!(!first.1.is_empty() && first.1.len() <= 41);
    sitrep(&["ingest", DEV, "--db", db_arg]);
    assert_eq!(snapshot(&db), first);
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    const N_ARTICLES: usize = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let corpus_arg = corpus.to_str().unwrap();
    let n_articles = N_ARTICLES.to_string();
    let generate = [
        "generate",
        DEV,
        "--articles",
        &n_articles,
        "--max-sentences",
        "2",
    ];
    assert!(sitrep(
        &[&generate[..], &["--seed", "5", "--output", corpus_arg]].concat()
    ));
    let reference = dir.path().join("reference.db");
    sitrep(&["ingest", corpus_arg, "--db", reference.to_str().unwrap()]);
    let expected = snapshot(&reference);
    assert!(
        expected.1.len() > N_ARTICLES / 2,
        "most articles are stored"
    );

    let killed = dir.path().join("killed.db");
    // Kill as soon as the first batch is committed; should a loaded machine let the run
    // finish first, try again on a fresh store.
    for _ in 0..3 {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", killed.display()));
        }
        let mut child = Command::new(SITREP)
            .args([
                "--quiet",
                "ingest",
                corpus_arg,
                "--db",
                killed.to_str().unwrap(),
            ])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while article_count(&killed) == 0 && start.elapsed() < Duration::from_secs(300) {
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().expect("SIGKILL sent");
        child.wait().unwrap();
        if article_count(&killed) < expected.1.len() {
            break;
        }
    }

    let conn = Connection::open(&killed).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    // Batches are committed whole and in input order: what is stored is exactly what the
    // uninterrupted run stored from the first whole batches of the input.
    let stored: BTreeSet<String> = snapshot(&killed).1.into_iter().collect();
    let last = stored
        .iter()
        .map(|doc| position(doc))
        .max()
        .expect("something was committed");
    let cut = (last / BATCH + 1) * BATCH;
    assert!(
        cut < N_ARTICLES,
        "killed mid-way, after {} articles",
        stored.len()
    );
    let committed: BTreeSet<String> = expected
        .1
        .iter()
        .filter(|doc| position(doc) < cut)
        .cloned()
        .collect();
    assert_eq!(stored, committed);

    sitrep(&["ingest", corpus_arg, "--db", killed.to_str().unwrap()]);
    assert_eq!(snapshot(&killed), expected);
}
