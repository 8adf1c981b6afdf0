//! The scoring rules, one by one, on hand-made gold and system records.

use super::*;

fn gold(json: &str) -> GoldEvent {
    let base = serde_json::json!({
        "doc": "d", "kind": "armed_clash", "actor1": "KIA", "actor2": "MM_MILITARY",
        "location": {"name": "Bhamo", "country": "MM", "admin1": "Kachin", "lat": null, "lon": null,
                     "precision": "town"},
        "date": {"start": "2024-12-04", "end": "2024-12-10", "precision": "range"},
        "modality": "asserted", "evidence": "", "fatalities": null
    });
    serde_json::from_value(merge(base, json)).unwrap()
}

fn system(json: &str) -> Event {
    let base = serde_json::json!({
        "doc": "d", "kind": "armed_clash", "actor1": "KIA", "actor2": "MM_MILITARY",
        "location": {"name": "Bhamo", "country": "MM", "admin1": "Kachin", "lat": 24.26, "lon": 97.23,
                     "precision": "town"},
        "date": {"start": "2024-12-10", "end": "2024-12-10", "precision": "day"},
        "modality": "asserted", "evidence": "", "fatalities": null
    });
    serde_json::from_value(merge(base, json)).unwrap()
}

fn merge(mut base: serde_json::Value, json: &str) -> serde_json::Value {
    let patch: serde_json::Value = serde_json::from_str(json).unwrap();
    for (key, value) in patch.as_object().unwrap() {
        base[key] = value.clone();
    }
    base
}

fn run(gold: &[GoldEvent], system: &[Event], matching: Matching) -> Report {
    let docs = vec!["d".to_string()];
    let inputs = Inputs {
        docs: &docs,
        gold,
        system,
        gold_control: &[],
        system_control: &[],
    };
    score(inputs, &FoldedNames, matching).0
}

fn matches(gold_json: &str, system_json: &str) -> bool {
    event_matches(&gold(gold_json), &system(system_json), &FoldedNames)
}

#[test]
fn rule_1_kind_must_agree() {
    assert!(matches("{}", "{}"));
    assert!(!matches("{}", r#"{"kind": "shelling"}"#));
}

#[test]
fn rule_2_actor1_when_gold_names_one() {
    assert!(!matches("{}", r#"{"actor1": "AA"}"#));
    assert!(!matches("{}", r#"{"actor1": null}"#));
    assert!(matches(r#"{"actor1": null}"#, r#"{"actor1": "AA"}"#));
    assert!(matches(r#"{"actor1": ["PDF", "KIA"]}"#, "{}"));
    assert!(!matches(r#"{"actor1": ["PDF", "AA"]}"#, "{}"));
}

#[test]
fn rule_3_place_by_name_alternate_distance_or_containment() {
    assert!(matches(
        "{}",
        r#"{"location": {"name": "BHAMO", "country": "MM", "admin1": null, "lat": null, "lon": null, "precision": "town"}}"#
    ));
    let pangwa = r#"{"location": {"name": "Pangwa", "country": "MM", "admin1": "Kachin", "lat": null, "lon": null, "precision": "town", "alt_names": ["Pang War"]}}"#;
    assert!(matches(
        pangwa,
        r#"{"location": {"name": "Pang War", "country": "MM", "admin1": "Kachin", "lat": null, "lon": null, "precision": "town"}}"#
    ));
    // A different town in the same state does not match a town-precision gold place...
    let mansi = r#"{"location": {"name": "Mansi", "country": "MM", "admin1": "Kachin", "lat": 24.05, "lon": 97.0, "precision": "town"}}"#;
    assert!(!matches("{}", mansi));
    // ...but lies inside an admin1-precision one, whatever the admin1's generic word.
    let kachin_state = r#"{"location": {"name": "Kachin State", "country": "MM", "admin1": "Kachin", "lat": null, "lon": null, "precision": "admin1"}}"#;
    assert!(matches(kachin_state, mansi));
    assert!(matches(
        kachin_state,
        r#"{"location": {"name": "Mansi", "country": "MM", "admin1": "Kachin State", "lat": null, "lon": null, "precision": "town"}}"#
    ));
    assert!(!matches(
        kachin_state,
        r#"{"location": {"name": "Lashio", "country": "MM", "admin1": "Shan", "lat": null, "lon": null, "precision": "town"}}"#
    ));
    let china = r#"{"location": {"name": "China", "country": "CN", "admin1": null, "lat": null, "lon": null, "precision": "country"}}"#;
    assert!(matches(
        china,
        r#"{"location": {"name": "Kunming", "country": "CN", "admin1": "Yunnan", "lat": null, "lon": null, "precision": "town"}}"#
    ));
    assert!(!matches(china, mansi));
    // Points within 25 km are the same place; 30 km apart they are not.
    let point = r#"{"location": {"name": "Hill 5", "country": "MM", "admin1": "Kachin", "lat": 24.26, "lon": 97.23, "precision": "point"}}"#;
    assert!(matches(
        point,
        r#"{"location": {"name": "Near Bhamo", "country": "MM", "admin1": "Kachin", "lat": 24.40, "lon": 97.30, "precision": "point"}}"#
    ));
    assert!(!matches(
        point,
        r#"{"location": {"name": "Far", "country": "MM", "admin1": "Kachin", "lat": 24.53, "lon": 97.23, "precision": "point"}}"#
    ));
    // No system place never matches a gold place; no gold place accepts any.
    assert!(!matches("{}", r#"{"location": null}"#));
    assert!(matches(r#"{"location": null}"#, mansi));
}

#[test]
fn rule_4_dates_overlap_when_gold_has_one() {
    assert!(matches(
        "{}",
        r#"{"date": {"start": "2024-12-01", "end": "2024-12-04", "precision": "range"}}"#
    ));
    assert!(!matches(
        "{}",
        r#"{"date": {"start": "2024-12-11", "end": "2024-12-11", "precision": "day"}}"#
    ));
    assert!(!matches("{}", r#"{"date": null}"#));
    assert!(matches(r#"{"date": null}"#, r#"{"date": null}"#));
}

#[test]
fn non_fact_modalities_are_left_out_on_both_sides() {
    let gold_events = [
        gold("{}"),
        gold(r#"{"modality": "speculative", "kind": "shelling"}"#),
    ];
    let system_events = [
        system("{}"),
        system(r#"{"modality": "planned", "kind": "air_strike"}"#),
        system(r#"{"kind": "shelling", "modality": "claimed"}"#),
    ];
    let report = run(&gold_events, &system_events, Matching::Maximum);
    assert_eq!(
        report.events,
        Counts {
            true_positives: 1,
            false_positives: 1,
            false_negatives: 0
        }
    );
    assert_eq!(report.non_facts_as_facts, Agreement { agree: 1, total: 1 });
    assert_eq!(report.per_kind[&EventKind::Shelling].false_positives, 1);
    assert!(!report.per_kind.contains_key(&EventKind::AirStrike));
}

#[test]
fn errors_list_modality_disagreements_and_non_facts_stated_as_facts() {
    let gold_events = [
        gold(r#"{"modality": "claimed"}"#),
        gold(r#"{"modality": "negated", "kind": "shelling"}"#),
    ];
    let system_events = [system("{}"), system(r#"{"kind": "shelling"}"#)];
    let docs = vec!["d".to_string()];
    let inputs = Inputs {
        docs: &docs,
        gold: &gold_events,
        system: &system_events,
        gold_control: &[],
        system_control: &[],
    };
    let errors = score(inputs, &FoldedNames, Matching::Maximum).1;
    let kinds = |pairs: &[(GoldEvent, Event)]| -> Vec<EventKind> {
        pairs.iter().map(|(gold, _)| gold.kind).collect()
    };
    assert_eq!(kinds(&errors.modality_disagrees), [EventKind::ArmedClash]);
    assert_eq!(kinds(&errors.non_facts_as_facts), [EventKind::Shelling]);
}

#[test]
fn maximum_matching_recovers_what_greedy_loses() {
    // Gold A (any place) could take either system event; gold B only the one in Mansi.
    // Greedy gives A the first (Mansi) and leaves B without a match.
    let gold_events = [
        gold(r#"{"location": null}"#),
        gold(
            r#"{"location": {"name": "Mansi", "country": "MM", "admin1": "Kachin", "lat": null, "lon": null, "precision": "town"}}"#,
        ),
    ];
    let system_events = [
        system(
            r#"{"location": {"name": "Mansi", "country": "MM", "admin1": "Kachin", "lat": null, "lon": null, "precision": "town"}}"#,
        ),
        system("{}"),
    ];
    let greedy = run(&gold_events, &system_events, Matching::Greedy);
    assert_eq!(greedy.events.true_positives, 1);
    let maximum = run(&gold_events, &system_events, Matching::Maximum);
    assert_eq!(maximum.events.true_positives, 2);
    assert_eq!(maximum.events_greedy.true_positives, 1);
    assert!((maximum.events.f1() - 1.0).abs() < 1e-9);
}

#[test]
fn agreement_over_matched_pairs() {
    let gold_events = [
        gold(r#"{"date": {"start": "2024-12-10", "end": "2024-12-10", "precision": "day"}}"#),
        gold(r#"{"kind": "shelling"}"#),
    ];
    let system_events = [
        system("{}"),
        system(r#"{"kind": "shelling", "actor2": "AA", "modality": "claimed"}"#),
    ];
    let report = run(&gold_events, &system_events, Matching::Maximum);
    assert_eq!(report.actor2, Agreement { agree: 1, total: 2 });
    assert_eq!(report.date_exact, Agreement { agree: 1, total: 2 });
    assert_eq!(report.place_exact, Agreement { agree: 2, total: 2 });
    assert_eq!(report.modality, Agreement { agree: 1, total: 2 });
}

#[test]
fn other_documents_are_ignored() {
    let report = run(
        &[gold("{}")],
        &[system(r#"{"doc": "elsewhere"}"#)],
        Matching::Maximum,
    );
    assert_eq!(
        report.events,
        Counts {
            true_positives: 0,
            false_positives: 0,
            false_negatives: 1
        }
    );
}

#[test]
fn control_facts_score_over_doc_place_and_controller() {
    let gold_control: Vec<GoldControl> = parse_jsonl(
        r#"{"doc": "d", "place": "Lashio", "country": "MM", "admin1": "Shan", "controller": ["MNDAA", "TNLA"], "since": null, "evidence": ""}
{"doc": "d", "place": "Lweje", "country": "MM", "admin1": "Kachin", "controller": "KIA", "since": null, "evidence": ""}"#,
    )
    .0;
    let fact = |place: &str, controller: &str| ControlFact {
        doc: "d".into(),
        place: place.into(),
        country: Some("MM".into()),
        admin1: None,
        controller: crate::ActorId(controller.into()),
        since: None,
        evidence: String::new(),
        lat: None,
        lon: None,
        rule: String::new(),
    };
    let system_control = [
        fact("lashio", "TNLA"),
        fact("Lashio", "TNLA"),
        fact("Lweje", "MM_MILITARY"),
    ];
    let docs = vec!["d".to_string()];
    let inputs = Inputs {
        docs: &docs,
        gold: &[],
        system: &[],
        gold_control: &gold_control,
        system_control: &system_control,
    };
    let (report, errors) = score(inputs, &FoldedNames, Matching::Maximum);
    assert_eq!(
        report.control,
        Counts {
            true_positives: 1,
            false_positives: 1,
            false_negatives: 1
        }
    );
    assert_eq!(errors.missed_control[0].place, "Lweje");
}

#[test]
fn admin1_keys_drop_generic_words() {
    assert_eq!(admin1_key("Kachin State"), "kachin");
    assert_eq!(admin1_key("Sagaing Region"), "sagaing");
    assert_eq!(admin1_key("Donetsk Oblast"), "donetsk");
    assert_eq!(admin1_key("North Darfur"), "north darfur");
}
