/*!
The dev corpus's gold events and control facts, stored: idempotent ingest, the
de-duplication measured against a hand annotation of which gold events are the
same real-world event, and the control timeline.
*/

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use sitrep::eval::{GoldControl, GoldEvent, OneOrMany, parse_jsonl};
use sitrep::place::Location;
use sitrep::{ActorId, Article, ControlFact, Event};
use sitrep_store::{EventQuery, Inserted, NewArticle, Store};

use crate::memory_store;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/dev");
const SAME_EVENTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/dedup/dev_same_events.tsv"
);

/// One dev article with its gold records as the pipeline would give them.
pub struct DevArticle {
    pub article: Article,
    pub events: Vec<Event>,
    /// The gold file line of each event.
    pub lines: Vec<usize>,
    pub control: Vec<ControlFact>,
}

fn first(value: &OneOrMany) -> String {
    match value {
        OneOrMany::One(one) => one.clone(),
        OneOrMany::Many(many) => many.first().cloned().unwrap_or_default(),
    }
}

fn to_event(gold: GoldEvent) -> Event {
    Event {
        doc: gold.doc,
        kind: gold.kind,
        actor1: gold.actor1.as_ref().map(|actor| ActorId(first(actor))),
        actor2: gold.actor2.as_ref().map(|actor| ActorId(first(actor))),
        location: gold.location.map(|location| Location {
            name: location.name,
            country: location.country,
            admin1: location.admin1,
            lat: location.lat,
            lon: location.lon,
            precision: location.precision,
            id: None,
            township: None,
        }),
        date: gold.date,
        modality: gold.modality,
        evidence: gold.evidence,
        fatalities: gold.fatalities,
        evidence_start: 0,
        evidence_end: 0,
        rule: "gold".into(),
        confidence: 1.0,
        place_inferred: false,
    }
}

fn to_fact(gold: GoldControl) -> ControlFact {
    ControlFact {
        doc: gold.doc,
        place: gold.place,
        country: gold.country,
        admin1: gold.admin1,
        controller: ActorId(first(&gold.controller)),
        since: gold.since,
        evidence: gold.evidence,
        lat: None,
        lon: None,
        rule: "gold".into(),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Every dev article, in name order.
pub fn dev_articles() -> Vec<DevArticle> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(DEV)
        .expect("the dev corpus is at ../shared/corpus/dev")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let article: Article = serde_json::from_str(&read(&path)).expect("dev article parses");
            let gold_text = read(&path.with_extension("gold.jsonl"));
            let mut events = Vec::new();
            let mut lines = Vec::new();
            for (idx, line) in gold_text.lines().enumerate() {
                let (mut parsed, errors): (Vec<GoldEvent>, _) = parse_jsonl(line);
                assert!(
                    errors.is_empty(),
                    "{}:{}: {errors:?}",
                    path.display(),
                    idx + 1
                );
                if let Some(gold) = parsed.pop() {
                    events.push(to_event(gold));
                    lines.push(idx + 1);
                }
            }
            let (control, errors): (Vec<GoldControl>, _) =
                parse_jsonl(&read(&path.with_extension("control.gold.jsonl")));
            assert!(errors.is_empty());
            DevArticle {
                article,
                events,
                lines,
                control: control.into_iter().map(to_fact).collect(),
            }
        })
        .collect()
}

/// Stores the dev articles in batches of 8; returns the outcomes.
pub fn ingest(store: &mut Store, articles: &[DevArticle]) -> Vec<Inserted> {
    let mut outcomes = Vec::new();
    for chunk in articles.chunks(8) {
        let batch: Vec<NewArticle<'_>> = chunk
            .iter()
            .map(|dev| NewArticle {
                article: &dev.article,
                events: &dev.events,
                control: &dev.control,
            })
            .collect();
        outcomes.extend(store.insert_batch(&batch).expect("batch stored"));
    }
    outcomes
}

#[test]
fn ingesting_the_dev_corpus_twice_changes_nothing() {
    let articles = dev_articles();
    let mut store = memory_store();
    let first = ingest(&mut store, &articles);
    assert!(first.iter().all(|outcome| *outcome == Inserted::New));
    store.rebuild().unwrap();
    let counts = store.counts().unwrap();
    assert_eq!(counts.articles, articles.len());
    assert_eq!(
        counts.article_events,
        articles.iter().map(|a| a.events.len()).sum::<usize>()
    );
    let second = ingest(&mut store, &articles);
    assert!(second.iter().all(|outcome| *outcome == Inserted::Skipped));
    assert!(!store.is_stale().unwrap());
    store.rebuild().unwrap();
    assert_eq!(store.counts().unwrap(), counts);
    assert!(store.check_integrity().unwrap().is_empty());
}

#[test]
fn an_id_reused_for_another_text_fails_alone() {
    let articles = dev_articles();
    let mut store = memory_store();
    ingest(&mut store, &articles[..2]);
    let impostor = Article {
        text: "A different text under an old id.".into(),
        ..articles[0].article.clone()
    };
    let batch = [
        NewArticle {
            article: &impostor,
            events: &articles[0].events,
            control: &[],
        },
        NewArticle {
            article: &articles[2].article,
            events: &articles[2].events,
            control: &articles[2].control,
        },
    ];
    let outcomes = store.insert_batch(&batch).unwrap();
    assert!(
        matches!(&outcomes[0], Inserted::Failed(message) if message.contains("already stored"))
    );
    assert_eq!(outcomes[1], Inserted::New);
    let counts = store.counts().unwrap();
    assert_eq!(counts.articles, 3);
    let expected_events: usize = articles[..3].iter().map(|a| a.events.len()).sum();
    assert_eq!(
        counts.article_events, expected_events,
        "the failed article left no events behind"
    );
}

/// (doc, gold line) to its annotated group.
fn same_event_groups() -> BTreeMap<(String, usize), String> {
    read(Path::new(SAME_EVENTS))
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (
                (
                    fields[1].to_string(),
                    fields[2].parse().expect("gold line number"),
                ),
                fields[0].to_string(),
            )
        })
        .collect()
}

#[test]
fn dedup_on_the_dev_corpus() {
    let articles = dev_articles();
    let mut store = memory_store();
    ingest(&mut store, &articles);
    let summary = store.rebuild().unwrap();
    let groups = same_event_groups();
    let line_of: BTreeMap<(&str, usize), usize> = articles
        .iter()
        .flat_map(|dev| {
            dev.lines
                .iter()
                .enumerate()
                .map(|(ordinal, line)| ((dev.article.id.as_str(), ordinal), *line))
        })
        .collect();
    let gold_events: BTreeSet<(String, usize)> = line_of
        .iter()
        .map(|((doc, _), line)| (doc.to_string(), *line))
        .collect();
    for key in groups.keys() {
        assert!(
            gold_events.contains(key),
            "the annotation names no gold event {key:?}"
        );
    }
    let n_gold = line_of.len();
    let n_group_members = groups.len();
    let n_groups = groups.values().collect::<BTreeSet<_>>().len();
    let gold_distinct = n_gold - n_group_members + n_groups;
    let events = store.events(&EventQuery::default()).unwrap();
    let mut wrong = Vec::new();
    let mut n_correct_merges = 0;
    for event in events.iter().filter(|event| event.sources.len() > 1) {
        let members: Vec<(String, usize)> = event
            .sources
            .iter()
            .map(|source| {
                (
                    source.doc.clone(),
                    line_of[&(source.doc.as_str(), source.ordinal)],
                )
            })
            .collect();
        let member_groups: BTreeSet<Option<&String>> =
            members.iter().map(|member| groups.get(member)).collect();
        if member_groups.len() == 1 && !member_groups.contains(&None) {
            n_correct_merges += members.len() - 1;
        } else {
            wrong.push(members);
        }
    }
    eprintln!(
        "dedup on dev: {n_gold} gold events, {gold_distinct} distinct by annotation ({} reports to merge); \
         store: {} events after merging, {} reports merged, {n_correct_merges} correctly, {} wrong merges",
        n_group_members - n_groups,
        events.len(),
        summary.merged,
        wrong.len()
    );
    assert!(wrong.is_empty(), "wrong merges: {wrong:?}");
    assert_eq!(events.len(), summary.events);
    assert!(
        n_correct_merges >= 8,
        "merged only {n_correct_merges} of the annotated duplicates"
    );
    let rules: BTreeSet<&str> = events
        .iter()
        .flat_map(|event| {
            event
                .sources
                .iter()
                .filter_map(|source| source.merge_rule.as_deref())
        })
        .collect();
    assert!(
        rules.iter().all(|rule| rule.starts_with("place=")),
        "{rules:?}"
    );
}

#[test]
fn the_control_timeline_of_the_dev_corpus() {
    let articles = dev_articles();
    let mut store = memory_store();
    ingest(&mut store, &articles);
    let summary = store.rebuild().unwrap();
    assert!(summary.control_periods > 50);
    // Captures and control facts alike make periods; each starts where the one before ends.
    let history = store.control_history("Lashio").unwrap();
    assert!(history.len() >= 2, "{history:?}");
    for pair in history.windows(2) {
        assert_eq!(pair[0].until, Some(pair[1].since));
        assert_ne!(pair[0].controller, pair[1].controller);
    }
    let at = history[1].since;
    let table = store
        .control_at(at, Some("MM"), Some("Shan State"))
        .unwrap();
    let lashio: Vec<_> = table
        .iter()
        .filter(|row| row.place == history[0].place)
        .collect();
    assert_eq!(lashio.len(), 1);
    assert_eq!(lashio[0].controller, history[1].controller);
    assert!(
        table
            .iter()
            .all(|row| row.admin1.as_deref() == Some("Shan") && row.since <= at)
    );
    assert!(
        table
            .iter()
            .all(|row| row.until.is_none_or(|until| until > at))
    );
    assert!(
        store
            .control_at(at, Some("SD"), Some("Shan"))
            .unwrap()
            .is_empty()
    );
}
