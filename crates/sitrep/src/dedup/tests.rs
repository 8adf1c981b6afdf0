/*!
Tests of the de-duplication rules, one rule a test, on invented reports.
*/

use super::*;
use crate::place::Precision;
use crate::resources::ResourceFiles;

fn rules() -> DedupRules {
    DedupRules::load(&ResourceFiles::embedded()).expect("embedded dedup rules load")
}

fn place(name: &str, precision: Precision, point: Option<(f64, f64)>) -> Location {
    Location {
        name: name.into(),
        country: Some("ZZ".into()),
        admin1: Some("Upland".into()),
        lat: point.map(|p| p.0),
        lon: point.map(|p| p.1),
        precision,
        id: None,
        township: None,
    }
}

fn town(name: &str) -> Location {
    place(name, Precision::Town, None)
}

fn days(start: &str, end: &str) -> Option<DateInterval> {
    let (start, end): (Date, Date) = (start.parse().unwrap(), end.parse().unwrap());
    let precision = if start == end {
        DatePrecision::Day
    } else {
        DatePrecision::Range
    };
    Some(DateInterval {
        start,
        end,
        precision,
    })
}

fn report(
    doc: &str,
    kind: EventKind,
    actor1: &str,
    location: Location,
    date: Option<DateInterval>,
) -> Event {
    Event {
        doc: doc.into(),
        kind,
        actor1: Some(ActorId(actor1.into())),
        actor2: None,
        location: Some(location),
        date,
        modality: Modality::Asserted,
        evidence: format!("{actor1} report in {doc}."),
        fatalities: None,
        evidence_start: 0,
        evidence_end: 0,
        rule: String::new(),
        confidence: 1.0,
        place_inferred: false,
    }
}

fn capture(doc: &str, name: &str, start: &str, end: &str) -> Event {
    report(
        doc,
        EventKind::TerritoryCaptured,
        "XLA",
        town(name),
        days(start, end),
    )
}

fn reports_of(events: &[Event]) -> Vec<Report<'_>> {
    events
        .iter()
        .map(|event| Report {
            event,
            outlet: None,
        })
        .collect()
}

/// Clusters as lists of report indices.
fn groups(events: &[Event]) -> Vec<Vec<usize>> {
    let reports = reports_of(events);
    cluster(&reports, &rules())
        .into_iter()
        .map(|cluster| cluster.members.iter().map(|member| member.report).collect())
        .collect()
}

#[test]
fn same_town_and_overlapping_days_from_two_articles_merge() {
    let events = [
        capture("a", "Northtown", "2030-05-01", "2030-05-01"),
        capture("b", "Northtown Town", "2030-04-28", "2030-05-03"),
    ];
    let reports = reports_of(&events);
    let clusters = cluster(&reports, &rules());
    assert_eq!(clusters.len(), 1);
    let rule = clusters[0].members[1]
        .rule
        .expect("the second member records its rule");
    assert_eq!(rule.place, PlaceMatch::SameName);
    assert_eq!(rule.actor1, ActorMatch::Same);
    assert_eq!(
        rule.to_string(),
        "place=same_name actor1=same actor2=unknown dates=overlap"
    );
}

#[test]
fn reports_from_the_same_article_never_merge() {
    let events = [
        capture("a", "Northtown", "2030-05-01", "2030-05-01"),
        capture("a", "Northtown", "2030-05-01", "2030-05-01"),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn dates_that_do_not_overlap_never_merge() {
    let events = [
        capture("a", "Northtown", "2030-05-01", "2030-05-01"),
        capture("b", "Northtown", "2030-05-02", "2030-05-09"),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn a_long_range_does_not_chain_two_different_days() {
    let events = [
        capture("a", "Northtown", "2030-05-01", "2030-05-31"),
        capture("b", "Northtown", "2030-05-03", "2030-05-03"),
        capture("c", "Northtown", "2030-05-20", "2030-05-20"),
    ];
    assert_eq!(groups(&events), vec![vec![0, 1], vec![2]]);
}

#[test]
fn the_same_name_far_apart_is_two_places() {
    let day = days("2030-05-01", "2030-05-01");
    let events = [
        report(
            "a",
            EventKind::AirStrike,
            "YLB",
            place("Greenwell", Precision::Point, Some((20.0, 96.0))),
            day,
        ),
        report(
            "b",
            EventKind::AirStrike,
            "YLB",
            place("Greenwell", Precision::Point, Some((21.0, 96.0))),
            day,
        ),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn nearby_points_merge_under_different_names() {
    let day = days("2030-05-01", "2030-05-01");
    let events = [
        report(
            "a",
            EventKind::AirStrike,
            "YLB",
            place("Greenwell", Precision::Town, Some((20.0, 96.0))),
            day,
        ),
        report(
            "b",
            EventKind::AirStrike,
            "YLB",
            place("Green Well", Precision::Town, Some((20.03, 96.02))),
            day,
        ),
        report(
            "c",
            EventKind::AirStrike,
            "YLB",
            place("Farfield", Precision::Town, Some((20.5, 96.0))),
            day,
        ),
    ];
    let reports = reports_of(&events);
    let clusters = cluster(&reports, &rules());
    assert_eq!(clusters.len(), 2);
    assert_eq!(
        clusters[0].members[1].rule.map(|rule| rule.place),
        Some(PlaceMatch::WithinDistance)
    );
}

#[test]
fn points_in_neighbouring_grid_cells_are_compared() {
    let day = days("2030-05-01", "2030-05-01");
    let events = [
        report(
            "a",
            EventKind::Shelling,
            "YLB",
            place("Westbank", Precision::Town, Some((19.999, 95.999))),
            day,
        ),
        report(
            "b",
            EventKind::Shelling,
            "YLB",
            place("Eastbank", Precision::Town, Some((20.001, 96.001))),
            day,
        ),
    ];
    assert_eq!(groups(&events), vec![vec![0, 1]]);
}

#[test]
fn a_state_and_a_town_of_the_same_name_stay_apart() {
    let day = days("2030-05-01", "2030-05-01");
    let events = [
        report(
            "a",
            EventKind::ArmedClash,
            "XLA",
            place("Upland", Precision::Admin1, None),
            day,
        ),
        report(
            "b",
            EventKind::ArmedClash,
            "XLA",
            place("Upland", Precision::Town, None),
            day,
        ),
        report(
            "c",
            EventKind::ArmedClash,
            "XLA",
            place("Upland State", Precision::Admin1, None),
            day,
        ),
    ];
    assert_eq!(groups(&events), vec![vec![0, 2], vec![1]]);
}

#[test]
fn different_actors_stay_apart_and_coalition_members_merge() {
    let day = days("2030-05-01", "2030-05-01");
    let events = [
        report(
            "a",
            EventKind::TerritoryCaptured,
            "THREE_BROTHERHOOD_ALLIANCE",
            town("Northtown"),
            day,
        ),
        report(
            "b",
            EventKind::TerritoryCaptured,
            "MNDAA",
            town("Northtown"),
            day,
        ),
        report(
            "c",
            EventKind::TerritoryCaptured,
            "XLA",
            town("Northtown"),
            day,
        ),
    ];
    let reports = reports_of(&events);
    let clusters = cluster(&reports, &rules());
    assert_eq!(clusters.len(), 2);
    assert_eq!(
        clusters[0].members[1].rule.map(|rule| rule.actor1),
        Some(ActorMatch::Coalition)
    );
}

#[test]
fn swapped_sides_merge_only_for_symmetric_kinds() {
    let day = days("2030-05-01", "2030-05-01");
    let with_sides = |doc: &str, kind: EventKind, first: &str, second: &str| {
        let mut event = report(doc, kind, first, town("Northtown"), day);
        event.actor2 = Some(ActorId(second.into()));
        event
    };
    let clash = [
        with_sides("a", EventKind::ArmedClash, "XLA", "YLB"),
        with_sides("b", EventKind::ArmedClash, "YLB", "XLA"),
    ];
    let reports = reports_of(&clash);
    let clusters = cluster(&reports, &rules());
    assert_eq!(clusters.len(), 1);
    assert!(clusters[0].members[1].rule.is_some_and(|rule| rule.swapped));
    let merged = merged_event(&clusters[0], &reports);
    assert_eq!(merged.actor1, Some(ActorId("XLA".into())));
    let captures = [
        with_sides("a", EventKind::TerritoryCaptured, "XLA", "YLB"),
        with_sides("b", EventKind::TerritoryCaptured, "YLB", "XLA"),
    ];
    assert_eq!(groups(&captures), vec![vec![0], vec![1]]);
}

#[test]
fn reports_without_place_or_date_stay_alone() {
    let mut no_place = capture("a", "Northtown", "2030-05-01", "2030-05-01");
    no_place.location = None;
    let mut no_date = capture("b", "Northtown", "2030-05-01", "2030-05-01");
    no_date.date = None;
    let events = [
        no_place.clone(),
        no_date,
        capture("c", "Northtown", "2030-05-01", "2030-05-01"),
        no_place,
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1], vec![2], vec![3]]);
}

#[test]
fn facts_and_non_facts_stay_apart() {
    let mut planned = capture("b", "Northtown", "2030-05-01", "2030-05-01");
    planned.modality = Modality::Planned;
    let mut claimed = capture("c", "Northtown", "2030-05-01", "2030-05-01");
    claimed.modality = Modality::Claimed;
    let events = [
        capture("a", "Northtown", "2030-05-01", "2030-05-01"),
        planned,
        claimed,
    ];
    assert_eq!(groups(&events), vec![vec![0, 2], vec![1]]);
}

#[test]
fn independent_sources_are_distinct_outlets() {
    let events = [
        capture("a", "Northtown", "2030-05-01", "2030-05-01"),
        capture("b", "Northtown", "2030-05-01", "2030-05-01"),
        capture("c", "Northtown", "2030-05-01", "2030-05-01"),
        capture("d", "Northtown", "2030-05-01", "2030-05-01"),
    ];
    let outlets = [Some("One Post"), Some("one post"), None, None];
    let reports: Vec<Report<'_>> = events
        .iter()
        .zip(outlets)
        .map(|(event, outlet)| Report { event, outlet })
        .collect();
    let clusters = cluster(&reports, &rules());
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].n_sources, 3);
}

#[test]
fn the_merged_event_takes_shared_days_the_best_place_and_the_lowest_toll() {
    let mut first = capture("a", "Northtown", "2030-05-01", "2030-05-31");
    first.fatalities = Some(12);
    first.modality = Modality::Claimed;
    let mut second = report(
        "b",
        EventKind::TerritoryCaptured,
        "XLA",
        place("Northtown", Precision::Town, Some((20.0, 96.0))),
        days("2030-05-04", "2030-05-04"),
    );
    second.fatalities = Some(9);
    let events = [first, second];
    let reports = reports_of(&events);
    let clusters = cluster(&reports, &rules());
    let merged = merged_event(&clusters[0], &reports);
    assert_eq!(merged.date, days("2030-05-04", "2030-05-04"));
    assert_eq!(
        merged.location.as_ref().and_then(|location| location.lat),
        Some(20.0)
    );
    assert_eq!(merged.fatalities, Some(9));
    assert_eq!(merged.modality, Modality::Asserted);
    assert_eq!(merged.doc, "a");
}

#[test]
fn clustering_again_gives_the_same_clusters() {
    let events: Vec<Event> = (0..40)
        .map(|idx| {
            capture(
                &format!("doc{}", idx % 7),
                ["Northtown", "Southtown"][idx % 2],
                "2030-05-01",
                "2030-05-02",
            )
        })
        .collect();
    assert_eq!(groups(&events), groups(&events));
    assert!(groups(&events).iter().all(|group| group.len() <= 7));
}

#[test]
fn name_keys_drop_generic_words_and_punctuation() {
    let rules = rules();
    assert_eq!(rules.name_key("Mrauk-U Town"), rules.name_key("Mrauk U"));
    assert_eq!(rules.name_key("Town"), "town");
    assert_ne!(
        rules.name_key("northern Upland State"),
        rules.name_key("Upland State")
    );
}

#[test]
fn rule_files_are_checked() {
    let mut files = ResourceFiles::embedded();
    files.set(
        "dedup/coalitions.tsv",
        b"ZED\tALPHA\nALPHA\tBETA\n".to_vec(),
    );
    let err = DedupRules::load(&files).unwrap_err();
    assert_eq!(
        (err.file.as_str(), err.line),
        ("dedup/coalitions.tsv", Some(2))
    );
    let mut files = ResourceFiles::embedded();
    files.set("dedup/dedup.toml", b"[distance_km]\npoint = 5.0\ntown = 900.0\ntownship = 1.0\n[names]\ngeneric_words = []\n[actors]\nsymmetric_kinds = []\n".to_vec());
    assert!(
        DedupRules::load(&files)
            .unwrap_err()
            .message
            .contains("distance_km")
    );
    let mut files = ResourceFiles::embedded();
    files.set(
        "dedup/dedup.toml",
        b"[distance_km]\npoint = 5.0\n\n[names]\nbogus = 1\n".to_vec(),
    );
    assert!(DedupRules::load(&files).unwrap_err().line.is_some());
}
