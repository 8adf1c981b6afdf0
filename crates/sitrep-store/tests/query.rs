/*!
Queries over the invented articles: every filter, alone and together.
*/

use sitrep::EventKind;
use sitrep_store::{EventQuery, Near};

use crate::invented::store_with;
use crate::memory_store;

fn kinds(query: &EventQuery) -> Vec<EventKind> {
    let store = store_with(memory_store());
    store
        .events(query)
        .unwrap()
        .into_iter()
        .map(|event| event.event.kind)
        .collect()
}

#[test]
fn the_capture_told_twice_is_one_event_with_two_sources() {
    let store = store_with(memory_store());
    let events = store
        .events(&EventQuery {
            kind: Some(EventKind::TerritoryCaptured),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].n_sources, events[0].n_reports), (2, 2));
    assert_eq!(
        events[0].event.date.unwrap().start.to_string(),
        "2030-05-01"
    );
    assert_eq!(
        events[0].event.actor2.as_ref().map(|a| a.as_str()),
        Some("ZZ_GOV")
    );
    assert!(
        events[0].sources[1]
            .merge_rule
            .as_deref()
            .unwrap()
            .starts_with("place=within_distance")
    );
    assert_eq!(store.counts().unwrap().events, 4);
}

#[test]
fn near_uses_the_distance_not_the_box() {
    let near = |km: f64| EventQuery {
        near: Some(Near {
            lat: 20.0,
            lon: 96.0,
            km,
        }),
        ..EventQuery::default()
    };
    assert_eq!(kinds(&near(10.0)), vec![EventKind::TerritoryCaptured]);
    // Greenwell is 63 km away: inside a 60 km box's corner reach, outside the circle.
    assert_eq!(kinds(&near(60.0)), vec![EventKind::TerritoryCaptured]);
    assert_eq!(
        kinds(&near(70.0)),
        vec![EventKind::TerritoryCaptured, EventKind::AirStrike]
    );
}

#[test]
fn text_kind_actor_place_and_dates_filter() {
    let text = EventQuery {
        text: Some("market bombed".into()),
        ..EventQuery::default()
    };
    assert_eq!(kinds(&text), vec![EventKind::AirStrike]);
    let odd_words = EventQuery {
        text: Some("\"market AND".into()),
        ..EventQuery::default()
    };
    assert!(kinds(&odd_words).is_empty());
    let actor = EventQuery {
        actor: Some("XLA".into()),
        ..EventQuery::default()
    };
    assert_eq!(
        kinds(&actor),
        vec![EventKind::TerritoryCaptured, EventKind::ArmedClash]
    );
    let place = EventQuery {
        place: Some("Southtown Town".into()),
        ..EventQuery::default()
    };
    assert_eq!(kinds(&place), vec![EventKind::Shelling]);
    let state = EventQuery {
        place: Some("Upland State".into()),
        ..EventQuery::default()
    };
    assert_eq!(kinds(&state).len(), 4);
    let june = EventQuery {
        since: Some("2030-06-05".parse().unwrap()),
        ..EventQuery::default()
    };
    assert_eq!(
        kinds(&june),
        vec![EventKind::ArmedClash, EventKind::Shelling]
    );
    let early = EventQuery {
        until: Some("2030-05-02".parse().unwrap()),
        limit: Some(5),
        ..EventQuery::default()
    };
    assert_eq!(kinds(&early), vec![EventKind::TerritoryCaptured]);
    let both = EventQuery {
        actor: Some("ZZ_GOV".into()),
        kind: Some(EventKind::Shelling),
        ..EventQuery::default()
    };
    assert_eq!(kinds(&both), vec![EventKind::Shelling]);
}

#[test]
fn control_at_a_date_and_a_place_history() {
    let store = store_with(memory_store());
    let may = store
        .control_at("2030-05-10".parse().unwrap(), None, None)
        .unwrap();
    let summary: Vec<(&str, &str)> = may
        .iter()
        .map(|row| (row.place.as_str(), row.controller.as_str()))
        .collect();
    assert_eq!(summary, vec![("Greenwell", "XLA"), ("Northtown", "XLA")]);
    let june = store
        .control_at(
            "2030-06-20".parse().unwrap(),
            Some("zz"),
            Some("Upland State"),
        )
        .unwrap();
    assert_eq!(
        june.iter()
            .find(|row| row.place == "Northtown")
            .map(|row| row.controller.as_str()),
        Some("ZZ_GOV")
    );
    assert!(
        store
            .control_at("2030-04-01".parse().unwrap(), None, None)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .latest_control_date()
            .unwrap()
            .map(|date| date.to_string())
            .as_deref(),
        Some("2030-06-15")
    );
    let history = store.control_history("northtown").unwrap();
    let periods: Vec<(&str, String)> = history
        .iter()
        .map(|row| (row.controller.as_str(), row.since.to_string()))
        .collect();
    assert_eq!(
        periods,
        vec![
            ("XLA", "2030-04-30".into()),
            ("ZZ_GOV", "2030-06-15".into())
        ]
    );
    assert_eq!(history[0].n_claims, 2);
}
