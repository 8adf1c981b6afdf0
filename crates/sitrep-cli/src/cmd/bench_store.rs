/*!
`sitrep bench-store`: query latency of the store at scale.

Fills a store (once) with synthetic reports through the store's own API, a
thousand articles per transaction, then de-duplicates and rebuilds the control
timeline, timing each step; then times `control --at` (every place's
controller at a random date) and `events --near` (events within 25 km of a
random point) over random inputs, and prints the median, 95th percentile and
worst latency with the answer sizes and peak memory.

The synthetic world: 5,000 places on a grid over a 10° × 9° box, 24 actors,
dates over four years, each article with ten reports; one report in ten
restates an earlier one from another outlet (so merges happen), one in five is
a capture and each article states one control fact, so the timeline has many
changes of hands. Reproducible from `--seed`.
*/

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use jiff::ToSpan;
use jiff::civil::Date;
use sitrep::place::{Location, Precision};
use sitrep::time::DateInterval;
use sitrep::{ActorId, Article, ControlFact, Event, EventKind, Modality};
use sitrep_store::{EventQuery, Near, NewArticle};

use super::StoreArgs;
use super::generate::SplitMix;
use crate::Global;

/// Measure store query latency on a large synthetic store.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Reports to fill an empty store with (a store already holding reports is used as is).
    #[arg(long, default_value_t = 1_000_000)]
    events: usize,
    /// How many times each query is timed.
    #[arg(long, default_value_t = 200)]
    queries: usize,
    /// Seed of the synthetic world and of the queries.
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

const N_PLACES: usize = 5_000;
const N_ACTORS: usize = 24;
const EVENTS_PER_ARTICLE: usize = 10;
const ARTICLES_PER_BATCH: usize = 1_000;
const FIRST_DAY: Date = Date::constant(2021, 1, 1);
const N_DAYS: usize = 4 * 365;
const LAT_RANGE: (f64, f64) = (12.0, 22.0);
const LON_RANGE: (f64, f64) = (92.0, 101.0);
const NEAR_KM: f64 = 25.0;

fn place(idx: usize) -> Location {
    let side = (N_PLACES as f64).sqrt().ceil() as usize;
    let (row, col) = (idx / side, idx % side);
    Location {
        name: format!("Place {idx}"),
        country: Some("ZZ".into()),
        admin1: Some(format!("Province {}", idx % 14)),
        lat: Some(LAT_RANGE.0 + (LAT_RANGE.1 - LAT_RANGE.0) * row as f64 / side as f64),
        lon: Some(LON_RANGE.0 + (LON_RANGE.1 - LON_RANGE.0) * col as f64 / side as f64),
        precision: Precision::Town,
        id: Some(format!("synthetic:{idx}")),
        township: None,
    }
}

fn day(offset: usize) -> Date {
    FIRST_DAY
        .checked_add((offset as i64).days())
        .unwrap_or(FIRST_DAY)
}

fn actor(idx: usize) -> ActorId {
    ActorId(format!("ARMED_GROUP_{idx}"))
}

/// One synthetic report, or a restatement of `earlier` by another article.
fn report(random: &mut SplitMix, doc: &str, earlier: Option<&Event>) -> Event {
    if let Some(earlier) = earlier.filter(|_| random.below(10) == 0) {
        return Event {
            doc: doc.to_string(),
            ..earlier.clone()
        };
    }
    let kind = if random.below(5) == 0 {
        EventKind::TerritoryCaptured
    } else {
        EventKind::ALL[random.below(18)]
    };
    let start = random.below(N_DAYS);
    Event {
        doc: doc.to_string(),
        kind,
        actor1: Some(actor(random.below(N_ACTORS))),
        actor2: Some(actor(random.below(N_ACTORS))),
        location: Some(place(random.below(N_PLACES))),
        date: Some(DateInterval::day(day(start))),
        modality: Modality::Asserted,
        evidence: format!(
            "Synthetic report {} of {doc}.",
            random.next_u64() % 1_000_000
        ),
        fatalities: None,
        evidence_start: 0,
        evidence_end: 0,
        rule: "synthetic".into(),
        confidence: 1.0,
        place_inferred: false,
    }
}

fn fill(store: &mut sitrep_store::Store, n_events: usize, seed: u64) -> Result<()> {
    let mut random = SplitMix::new(seed);
    let n_articles = n_events.div_ceil(EVENTS_PER_ARTICLE);
    let mut last: Option<Event> = None;
    let mut article_idx = 0;
    while article_idx < n_articles {
        let batch_end = (article_idx + ARTICLES_PER_BATCH).min(n_articles);
        let mut articles: Vec<(Article, Vec<Event>, Vec<ControlFact>)> = Vec::new();
        for idx in article_idx..batch_end {
            let doc = format!("synthetic-{idx:07}");
            let events: Vec<Event> = (0..EVENTS_PER_ARTICLE)
                .map(|_| {
                    let event = report(&mut random, &doc, last.as_ref());
                    last = Some(event.clone());
                    event
                })
                .collect();
            let location = place(random.below(N_PLACES));
            let fact = ControlFact {
                doc: doc.clone(),
                place: location.name.clone(),
                country: location.country.clone(),
                admin1: location.admin1.clone(),
                controller: actor(random.below(N_ACTORS)),
                since: Some(day(random.below(N_DAYS))),
                evidence: format!("Synthetic control fact of {doc}."),
                lat: location.lat,
                lon: location.lon,
                rule: "synthetic".into(),
            };
            let article = Article {
                id: doc.clone(),
                outlet: Some(format!("outlet-{}.example", random.below(50))),
                published: Some(day(N_DAYS)),
                text: format!("Synthetic article {idx} of seed {seed}."),
                ..Article::default()
            };
            articles.push((article, events, vec![fact]));
        }
        let batch: Vec<NewArticle<'_>> = articles
            .iter()
            .map(|(article, events, control)| NewArticle {
                article,
                events,
                control,
            })
            .collect();
        store.insert_batch(&batch)?;
        article_idx = batch_end;
    }
    Ok(())
}

/// Median, 95th percentile and worst of some timings, in ms.
fn percentiles(mut millis: Vec<f64>) -> (f64, f64, f64) {
    millis.sort_by(f64::total_cmp);
    let at = |q: f64| millis[((millis.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut store = args.store.open(global)?;
    if store.counts()?.article_events == 0 {
        let start = Instant::now();
        fill(&mut store, args.events, args.seed)?;
        eprintln!(
            "fill: {} reports in {:.1} s",
            args.events,
            start.elapsed().as_secs_f64()
        );
    }
    if store.is_stale()? {
        let start = Instant::now();
        let summary = store.rebuild()?;
        eprintln!(
            "rebuild: {} reports → {} events ({} merged), {} control periods in {:.1} s",
            summary.reports,
            summary.events,
            summary.merged,
            summary.control_periods,
            start.elapsed().as_secs_f64()
        );
    }
    let counts = store.counts()?;
    outln!(
        "store: {} reports, {} events, {} control periods",
        counts.article_events,
        counts.events,
        counts.control_periods
    )?;
    let mut random = SplitMix::new(args.seed ^ 0xBE7C);
    let (mut control_ms, mut control_rows) = (Vec::new(), 0usize);
    for _ in 0..args.queries {
        let at = day(random.below(N_DAYS));
        let start = Instant::now();
        control_rows += store.control_at(at, None, None)?.len();
        control_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let (mut near_ms, mut near_rows) = (Vec::new(), 0usize);
    for _ in 0..args.queries {
        let unit = |random: &mut SplitMix| random.below(1_000_000) as f64 / 1e6;
        let lat = LAT_RANGE.0 + (LAT_RANGE.1 - LAT_RANGE.0) * unit(&mut random);
        let lon = LON_RANGE.0 + (LON_RANGE.1 - LON_RANGE.0) * unit(&mut random);
        let query = EventQuery {
            near: Some(Near {
                lat,
                lon,
                km: NEAR_KM,
            }),
            ..EventQuery::default()
        };
        let start = Instant::now();
        near_rows += store.events(&query)?.len();
        near_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    for (name, millis, rows) in [
        ("control --at", control_ms, control_rows),
        ("events --near 25km", near_ms, near_rows),
    ] {
        let (median, p95, worst) = percentiles(millis);
        outln!(
            "{name}: median {median:.1} ms, p95 {p95:.1} ms, max {worst:.1} ms; {:.0} rows an answer",
            rows as f64 / args.queries.max(1) as f64
        )?;
    }
    let peak_mb = super::bench::peak_rss().map_or("unknown".to_string(), |kb| {
        format!("{:.0} MB", kb as f64 / 1024.0)
    });
    outln!("peak memory: {peak_mb}")?;
    Ok(ExitCode::SUCCESS)
}
