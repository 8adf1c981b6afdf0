/*!
On-disk format fixtures: one directory per schema version under `tests/data/`,
each holding a store written by that version (`store.sql`, a `sqlite3 .dump`,
so a review can read it) and what it answered then (`events.jsonl`,
`control.jsonl`). Every version's store must open with this build (migrated
forward) and still answer the same.

To add the fixture of a new version: run
`SITREP_FIXTURE_DIR=tests/data/format_vN cargo test -p sitrep-store --test it write_format_fixture -- --ignored`,
then `sqlite3 tests/data/format_vN/store.db .dump > tests/data/format_vN/store.sql`,
add `PRAGMA user_version=N;` before its final `COMMIT;` (a dump leaves the version
out) and delete `store.db`.
*/

use std::path::{Path, PathBuf};

use sitrep_store::{ControlRow, EventQuery, SCHEMA_VERSION, Store, StoredEvent};

use crate::invented::store_with;
use crate::rules;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn answers(store: &Store) -> (String, String) {
    let lines = |values: Vec<serde_json::Value>| -> String {
        values.iter().map(|value| format!("{value}\n")).collect()
    };
    let events: Vec<StoredEvent> = store.events(&EventQuery::default()).unwrap();
    let control: Vec<ControlRow> = ["2030-05-10", "2030-06-20"]
        .iter()
        .flat_map(|date| store.control_at(date.parse().unwrap(), None, None).unwrap())
        .collect();
    (
        lines(
            events
                .iter()
                .map(|event| serde_json::to_value(event).unwrap())
                .collect(),
        ),
        lines(
            control
                .iter()
                .map(|row| serde_json::to_value(row).unwrap())
                .collect(),
        ),
    )
}

#[test]
#[ignore = "writes a new fixture; see the module docs"]
fn write_format_fixture() {
    let dir = PathBuf::from(
        std::env::var("SITREP_FIXTURE_DIR").expect("SITREP_FIXTURE_DIR names the fixture dir"),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let store = store_with(Store::open(&dir.join("store.db"), rules()).unwrap());
    let (events, control) = answers(&store);
    std::fs::write(dir.join("events.jsonl"), events).unwrap();
    std::fs::write(dir.join("control.jsonl"), control).unwrap();
}

#[test]
fn every_format_version_opens_and_answers_as_it_did() {
    let mut n_versions = 0;
    for version in 1..=SCHEMA_VERSION {
        let fixture = Path::new(DATA).join(format!("format_v{version}"));
        let dump = std::fs::read_to_string(fixture.join("store.sql"))
            .expect("a fixture for every schema version");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(&dump)
            .expect("the dump loads");
        let store = Store::open(&path, rules()).expect("the old store opens");
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(store.check_integrity().unwrap().is_empty());
        let (events, control) = answers(&store);
        assert_eq!(
            events,
            std::fs::read_to_string(fixture.join("events.jsonl")).unwrap(),
            "events of v{version}"
        );
        assert_eq!(
            control,
            std::fs::read_to_string(fixture.join("control.jsonl")).unwrap(),
            "control of v{version}"
        );
        n_versions += 1;
    }
    assert_eq!(n_versions, SCHEMA_VERSION);
}

#[test]
fn a_store_from_a_newer_sitrep_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&path, rules()).err().expect("refused");
    assert!(err.to_string().contains("newer"), "{err}");
}
