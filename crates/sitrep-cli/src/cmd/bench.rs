/*!
`sitrep bench`: throughput of each stage, and of the whole pipeline, on one core.
*/

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use sitrep::{Article, Doc, Pipeline, Resources, actor, control, event, place, time};
use sitrep_read::{Options, Reader};

use super::STAGE_BATCH;
use crate::{Global, resources};

/// Measure throughput (MB/s of article text, one core) and peak memory.
///
/// Reads the articles under PATH, repeats them until there are at least --mb megabytes of
/// text, and times one stage (or the whole pipeline) over them on the current thread. The
/// stages before the measured one run beforehand and are not timed. The whole pipeline runs
/// over batches of articles, as `extract` runs it.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles to measure on.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// What to time.
    #[arg(long, value_enum, default_value = "extract")]
    stage: Stage,
    /// Megabytes of text to process.
    #[arg(long, default_value_t = 20)]
    mb: usize,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Sentence segmentation.
    Sentences,
    /// Time expressions.
    Time,
    /// Place mentions and their resolution.
    Places,
    /// Actor mentions.
    Actors,
    /// Events and control facts, from documents with every other layer.
    Events,
    /// The whole pipeline: every stage, events and control facts.
    Extract,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let load_start = Instant::now();
    let resources = resources::load(global.resources.as_deref())?;
    let load_seconds = load_start.elapsed().as_secs_f64();
    let (inputs, _) = sitrep_read::collect_inputs(&args.paths);
    let articles: Vec<Article> =
        Reader::new(inputs, Options::default()).filter_map(Result::ok).map(|record| record.article).collect();
    let corpus_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    if corpus_bytes == 0 {
        bail!("no article text under the given paths");
    }
    let copies = (args.mb * 1_000_000).div_ceil(corpus_bytes);
    let pipeline = Pipeline::new(&resources);
    // Prepare documents with the layers the measured stage needs.
    let docs: Vec<Doc> = articles
        .iter()
        .map(|article| {
            let mut doc = Doc::new(article.clone());
            doc.sentences = resources.sentences.split(doc.text());
            if args.stage == Stage::Extract || args.stage == Stage::Sentences {
                return doc;
            }
            doc.times = time::tag(doc.text(), &doc.sentences, doc.published(), &resources.time);
            if args.stage == Stage::Events {
                doc.places = place::tag(doc.text(), &doc.sentences, &resources.gazetteer);
                doc.actors = actor::tag(doc.text(), &doc.sentences, &doc.places, &resources.actors);
                let definitions = actor::abbreviation_definitions(doc.text());
                doc.facilities = resources.events.facilities.find(doc.text(), &definitions);
            }
            doc
        })
        .collect();
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut n_items = 0usize;
    for _ in 0..copies {
        n_items += match args.stage {
            Stage::Extract => articles
                .chunks(STAGE_BATCH)
                .map(|chunk| pipeline.run_batch(chunk.to_vec()).iter().map(|analysis| analysis.events.len()).sum::<usize>())
                .sum::<usize>(),
            stage => docs.iter().map(|doc| stage_items(stage, doc, &resources)).sum::<usize>(),
        };
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu_start.zip(thread_cpu_seconds()).map(|(from, to)| to - from);
    let megabytes = (copies * corpus_bytes) as f64 / 1e6;
    println!(
        "{:?}: {megabytes:.1} MB ({} articles) in {seconds:.2} s = {:.1} MB/s, {:.0} articles/s ({}), {n_items} items; resources loaded in {load_seconds:.2} s; peak RSS {}",
        args.stage,
        copies * articles.len(),
        megabytes / seconds,
        (copies * articles.len()) as f64 / seconds,
        cpu.map_or("CPU time unknown".to_string(), |cpu| format!("{:.1} MB/s of CPU time", megabytes / cpu)),
        peak_rss().map_or("unknown".to_string(), |kb| format!("{:.0} MB", kb as f64 / 1024.0)),
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs one stage (not the whole pipeline) over a prepared document; returns how many items
/// it found.
fn stage_items(stage: Stage, doc: &Doc, resources: &Resources) -> usize {
    match stage {
        Stage::Sentences => resources.sentences.split(doc.text()).len(),
        Stage::Time => time::tag(doc.text(), &doc.sentences, doc.published(), &resources.time).len(),
        Stage::Places => place::tag(doc.text(), &doc.sentences, &resources.gazetteer).len(),
        Stage::Actors => actor::tag(doc.text(), &doc.sentences, &doc.places, &resources.actors).len(),
        Stage::Events | Stage::Extract => {
            let context = event::Context::new(doc, &resources.events, &resources.actors, resources.gazetteer.words());
            let events = event::extract(doc, &context, &resources.events, &resources.actors);
            let facts = control::derive(doc, &context, &events, &resources.control, &resources.events);
            events.len() + facts.len()
        }
    }
}

/// CPU time this thread has used, in seconds, from /proc (Linux): on a loaded machine it
/// measures the work better than the wall clock.
fn thread_cpu_seconds() -> Option<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: u64 = schedstat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds as f64 / 1e9)
}

/// Peak resident memory in kB, from /proc (Linux).
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
