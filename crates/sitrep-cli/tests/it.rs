//! End-to-end tests of the `sitrep` binary on the real dev corpus in `../shared/corpus/dev`
//! and the bundled examples.

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dev() -> PathBuf {
    repo().join("../shared/corpus/dev")
}

fn sitrep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("sitrep runs")
}

/// `sitrep eval` on the dev corpus stays at or above the committed baseline.
#[test]
fn dev_corpus_scores_at_least_the_baseline() {
    let gold = dev();
    let output = sitrep(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--baseline",
        "eval/baseline.json",
        "--json",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout,
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["docs"], 41);
}

/// `sitrep extract` writes contract-shaped JSON Lines for the seed article.
#[test]
fn extract_writes_contract_events() {
    let seed = dev().join("seed.json");
    let output = sitrep(&["extract", "-q", seed.to_str().unwrap()]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let events: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!events.is_empty());
    for event in &events {
        for field in [
            "doc",
            "kind",
            "actor1",
            "actor2",
            "location",
            "date",
            "modality",
            "evidence",
            "fatalities",
        ] {
            assert!(event.get(field).is_some(), "missing {field} in {event}");
        }
        assert_eq!(event["doc"], "seed");
        let (start, end) = (
            event["evidence_start"].as_u64().unwrap(),
            event["evidence_end"].as_u64().unwrap(),
        );
        assert!(start < end);
    }
}

/// A missing file and a broken JSON line are reported by name and line; the good article
/// is still written; the exit code says something went wrong.
#[test]
fn bad_inputs_are_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch.jsonl");
    std::fs::write(
        &batch,
        "{\"id\": \"ok\", \"published\": \"2025-03-01\", \"text\": \"KIA fighters captured a junta base on Monday.\"}\n{broken\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.json");
    let output = sitrep(&[
        "extract",
        batch.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:2: broken JSON", batch.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: no such file or directory", missing.display())),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.lines().all(|line| line.contains("\"doc\":\"ok\"")));
}

/// A reader that stops early ("sitrep ... | head") ends the run quietly: no panic, success.
#[test]
fn a_closed_pipe_ends_reports_and_extraction_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dev = dev();
    for args in [
        vec!["eval", "-q", "--errors", "--gold", dev.to_str().unwrap()],
        vec!["extract", "-q", dev.to_str().unwrap()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(&args)
            .current_dir(repo())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sitrep runs");
        let mut first = [0u8; 16];
        child
            .stdout
            .take()
            .expect("piped")
            .read_exact(&mut first)
            .unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
