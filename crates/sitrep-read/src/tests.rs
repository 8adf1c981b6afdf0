//! Readers on the real dev corpus and on hand-made files of every format.

use super::*;

fn shared_dev() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev")
}

fn read_all(paths: &[PathBuf], options: Options) -> (Vec<Record>, Vec<ReadError>) {
    let (inputs, mut errors) = collect_inputs(paths);
    let mut records = Vec::new();
    for item in Reader::new(inputs, options) {
        match item {
            Ok(record) => records.push(record),
            Err(err) => errors.push(err),
        }
    }
    (records, errors)
}

#[test]
fn reads_the_seed_article() {
    let (records, errors) = read_all(&[shared_dev().join("seed.json")], Options::default());
    assert!(errors.is_empty(), "{errors:?}");
    let article = &records[0].article;
    assert_eq!(article.id, "seed");
    assert_eq!(article.outlet.as_deref(), Some("kachinnews.com"));
    assert_eq!(article.published, Date::new(2024, 12, 10).ok());
    assert!(
        article
            .text
            .starts_with("A Kachin Independence Organisation (KIO) delegation")
    );
    assert!(records[0].warnings.is_empty());
}

#[test]
fn a_directory_yields_every_article_and_skips_gold_files() {
    let (records, errors) = read_all(&[shared_dev()], Options::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(records.len(), 41);
    assert!(
        records
            .iter()
            .all(|r| r.article.published.is_some() && !r.article.text.is_empty())
    );
    let ids: Vec<&str> = records.iter().map(|r| r.article.id.as_str()).collect();
    assert_eq!(ids[0], "dev-001");
    assert_eq!(ids[40], "seed");
}

#[test]
fn jsonl_reports_broken_lines_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.jsonl");
    std::fs::write(
        &path,
        b"{\"id\": \"a\", \"published\": \"2025-01-02\", \"text\": \"One.\"}\n\n{\"id\": \"b\", \"text\": \n{\"text\": \"No id or date.\"}\n{\"id\": \"c\"}\n",
    )
    .unwrap();
    let (records, errors) = read_all(
        &[path.clone()],
        Options {
            published: Date::new(2025, 2, 1).ok(),
        },
    );
    let ids: Vec<&str> = records.iter().map(|r| r.article.id.as_str()).collect();
    assert_eq!(ids, ["a", "batch:4"]);
    assert_eq!(
        records[1].article.published,
        Date::new(2025, 2, 1).ok(),
        "--published fills a missing date"
    );
    assert_eq!(
        records[0].article.published,
        Date::new(2025, 1, 2).ok(),
        "an article keeps its own date"
    );
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].origin, format!("{}:3", path.display()));
    assert!(errors[0].message.starts_with("broken JSON"));
    assert_eq!(errors[1].origin, format!("{}:5", path.display()));
    assert!(errors[1].message.contains("no \"text\""));
}

#[test]
fn a_text_file_s_headline_is_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sinbo.txt");
    std::fs::write(
        &path,
        "Rebels take Sinbo after week-long siege\n\nBHAMO, 3 March 2025 — Rebels took Sinbo.\n",
    )
    .unwrap();
    let (records, _) = read_all(&[path.clone()], Options::default());
    let article = &records[0].article;
    assert_eq!(
        article.title.as_deref(),
        Some("Rebels take Sinbo after week-long siege")
    );
    assert!(article.text.starts_with("BHAMO, 3 March 2025"));
    assert_eq!(article.published, Date::new(2025, 3, 3).ok());
    // A first sentence with its stop is text, not a headline.
    std::fs::write(&path, "Rebels took Sinbo.\n\nThey hold it now.\n").unwrap();
    let (records, _) = read_all(&[path], Options::default());
    assert_eq!(records[0].article.title, None);
    assert!(records[0].article.text.starts_with("Rebels took Sinbo."));
}

#[test]
fn text_files_take_flag_then_dateline_and_survive_bad_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let with_dateline = dir.path().join("river.txt");
    std::fs::write(
        &with_dateline,
        [
            "MAGWAY, 3 March 2025 — Boats crossed the river.".as_bytes(),
            b"\xff\n",
        ]
        .concat(),
    )
    .unwrap();
    let (records, errors) = read_all(&[with_dateline.clone()], Options::default());
    assert!(errors.is_empty());
    assert_eq!(records[0].article.id, "river");
    assert_eq!(records[0].article.published, Date::new(2025, 3, 3).ok());
    assert!(records[0].article.text.contains('\u{FFFD}'));
    assert!(records[0].warnings.iter().any(|w| w.contains("UTF-8")));
    let (records, _) = read_all(
        &[with_dateline],
        Options {
            published: Date::new(2025, 3, 9).ok(),
        },
    );
    assert_eq!(records[0].article.published, Date::new(2025, 3, 9).ok());
}

#[test]
fn missing_empty_and_broken_inputs_are_named_errors() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"id\": \"x\",\n  \"text\": \n").unwrap();
    let missing = dir.path().join("missing.json");
    let (records, errors) = read_all(
        &[missing.clone(), empty.clone(), broken.clone()],
        Options::default(),
    );
    assert!(records.is_empty());
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages[0],
        format!("{}: no such file or directory", missing.display())
    );
    assert_eq!(messages[1], format!("{}: empty file", empty.display()));
    assert!(
        messages[2].starts_with(&format!("{}:4: broken JSON", broken.display())),
        "{}",
        messages[2]
    );
}

#[test]
fn sniffs_formats() {
    assert_eq!(Format::sniff(b"  <html>"), Format::Html);
    assert_eq!(Format::sniff(b"{\"a\": 1}\n{\"a\": 2}"), Format::Jsonl);
    assert_eq!(Format::sniff(b"{\n \"a\": 1\n}"), Format::Json);
    assert_eq!(Format::sniff(b"[{}]"), Format::Json);
    assert_eq!(Format::sniff(b"Plain words."), Format::Text);
    assert_eq!(Format::of_path(Path::new("x.gold.jsonl")), None);
    assert_eq!(Format::of_path(Path::new("x.HTM")), Some(Format::Html));
}

#[test]
fn a_wire_dateline_gives_its_date_past_the_country_and_the_agency() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wire.txt");
    std::fs::write(
        &path,
        "GAO, Mali, 3 May 2031 (Reuters) - Gunmen attacked a convoy.\n",
    )
    .unwrap();
    let (records, _) = read_all(&[path.clone()], Options::default());
    assert_eq!(records[0].article.published, Date::new(2031, 5, 3).ok());
    std::fs::write(&path, "HAMAS, 3 May 2031, said - again - it would reply.\n").unwrap();
    let (records, _) = read_all(&[path], Options::default());
    assert_eq!(records[0].article.published, None);
}
