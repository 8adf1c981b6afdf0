/*!
The store's integration tests, one module per area. Real records come from the
gold annotations of the dev corpus, read from `../shared` (never copied): they
are contract-shaped events and control facts, fed in through the store's API.
*/

mod dev;
mod export;
mod format;
mod query;

use sitrep::ResourceFiles;
use sitrep::dedup::DedupRules;
use sitrep_store::Store;

/// The embedded de-duplication rules.
pub fn rules() -> DedupRules {
    DedupRules::load(&ResourceFiles::embedded()).expect("embedded dedup rules load")
}

/// A new store in memory.
pub fn memory_store() -> Store {
    Store::open_in_memory(rules()).expect("in-memory store opens")
}

/// Invented articles (written for these tests) with the records the pipeline would find in
/// them: a capture reported by two outlets, an air strike, shelling, a clash over a whole
/// state, and two control facts.
pub mod invented {
    use sitrep::place::{Location, Precision};
    use sitrep::time::{DateInterval, DatePrecision};
    use sitrep::{ActorId, Article, ControlFact, Event, EventKind, Modality};
    use sitrep_store::{NewArticle, Store};

    /// An article and its records.
    pub struct Invented {
        /// The article.
        pub article: Article,
        /// Its events.
        pub events: Vec<Event>,
        /// Its control facts.
        pub control: Vec<ControlFact>,
    }

    fn place(name: &str, precision: Precision, point: Option<(f64, f64)>) -> Option<Location> {
        Some(Location {
            name: name.into(),
            country: Some("ZZ".into()),
            admin1: Some("Upland".into()),
            lat: point.map(|p| p.0),
            lon: point.map(|p| p.1),
            precision,
            id: None,
            township: None,
        })
    }

    fn dates(start: &str, end: &str, precision: DatePrecision) -> Option<DateInterval> {
        Some(DateInterval {
            start: start.parse().unwrap(),
            end: end.parse().unwrap(),
            precision,
        })
    }

    fn event(
        doc: &str,
        kind: EventKind,
        actors: (&str, Option<&str>),
        location: Option<Location>,
        date: Option<DateInterval>,
        evidence: &str,
    ) -> Event {
        Event {
            doc: doc.into(),
            kind,
            actor1: Some(ActorId(actors.0.into())),
            actor2: actors.1.map(|actor| ActorId(actor.into())),
            location,
            date,
            modality: Modality::Asserted,
            evidence: evidence.into(),
            fatalities: None,
            evidence_start: 0,
            evidence_end: evidence.len(),
            rule: "invented".into(),
            confidence: 0.9,
            place_inferred: false,
        }
    }

    fn fact(
        doc: &str,
        place: &str,
        controller: &str,
        since: Option<&str>,
        evidence: &str,
    ) -> ControlFact {
        ControlFact {
            doc: doc.into(),
            place: place.into(),
            country: Some("ZZ".into()),
            admin1: Some("Upland".into()),
            controller: ActorId(controller.into()),
            since: since.map(|date| date.parse().unwrap()),
            evidence: evidence.into(),
            lat: None,
            lon: None,
            rule: "invented".into(),
        }
    }

    fn article(id: &str, outlet: &str, published: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            url: Some(format!("https://{outlet}/{id}")),
            outlet: Some(outlet.into()),
            title: None,
            published: Some(published.parse().unwrap()),
            text: text.into(),
        }
    }

    /// The three invented articles.
    pub fn articles() -> Vec<Invented> {
        use DatePrecision::{Day, Range};
        use EventKind::*;
        let took = "The Free Hills Army said it took Northtown on 1 May.";
        let jets = "Jets bombed a market in Greenwell on Friday.";
        let fell = "Northtown fell to the Free Hills Army around the start of May.";
        let held = "Traders still reach the XLA-held town of Greenwell by river.";
        let guns = "Artillery hit Southtown overnight.";
        let spread = "Fighting spread across Upland in June.";
        let retook = "Government troops retook Northtown on 15 June.";
        vec![
            Invented {
                article: article(
                    "inv-1",
                    "north-post.example",
                    "2030-05-04",
                    &format!("{took} {jets}"),
                ),
                events: vec![
                    event(
                        "inv-1",
                        TerritoryCaptured,
                        ("XLA", Some("ZZ_GOV")),
                        place("Northtown", Precision::Town, Some((20.0, 96.0))),
                        dates("2030-05-01", "2030-05-01", Day),
                        took,
                    ),
                    event(
                        "inv-1",
                        AirStrike,
                        ("ZZ_GOV", Some("CIVILIANS")),
                        place("Greenwell", Precision::Town, Some((20.5, 96.3))),
                        dates("2030-05-03", "2030-05-03", Day),
                        jets,
                    ),
                ],
                // The extraction's control stage turns each capture into a control fact.
                control: vec![fact("inv-1", "Northtown", "XLA", Some("2030-05-01"), took)],
            },
            Invented {
                article: article(
                    "inv-2",
                    "valley-times.example",
                    "2030-05-05",
                    &format!("{fell} {held}"),
                ),
                events: vec![event(
                    "inv-2",
                    TerritoryCaptured,
                    ("XLA", None),
                    place("Northtown", Precision::Town, Some((20.01, 96.01))),
                    dates("2030-04-30", "2030-05-02", Range),
                    fell,
                )],
                control: vec![
                    fact("inv-2", "Northtown", "XLA", Some("2030-04-30"), fell),
                    fact("inv-2", "Greenwell", "XLA", None, held),
                ],
            },
            Invented {
                article: article(
                    "inv-3",
                    "north-post.example",
                    "2030-06-20",
                    &format!("{guns} {spread} {retook}"),
                ),
                events: vec![
                    event(
                        "inv-3",
                        Shelling,
                        ("ZZ_GOV", None),
                        place("Southtown", Precision::Town, Some((19.0, 95.5))),
                        dates("2030-06-10", "2030-06-10", Day),
                        guns,
                    ),
                    event(
                        "inv-3",
                        ArmedClash,
                        ("XLA", Some("ZZ_GOV")),
                        place("Upland", Precision::Admin1, None),
                        dates("2030-06-01", "2030-06-30", DatePrecision::Month),
                        spread,
                    ),
                ],
                control: vec![fact(
                    "inv-3",
                    "Northtown",
                    "ZZ_GOV",
                    Some("2030-06-15"),
                    retook,
                )],
            },
        ]
    }

    /// A store holding the invented articles, rebuilt.
    pub fn store_with(mut store: Store) -> Store {
        let articles = articles();
        let batch: Vec<NewArticle<'_>> = articles
            .iter()
            .map(|item| NewArticle {
                article: &item.article,
                events: &item.events,
                control: &item.control,
            })
            .collect();
        store
            .insert_batch(&batch)
            .expect("invented articles stored");
        store.rebuild().expect("rebuilt");
        store
    }
}
