/*!
`sitrep bench`: throughput of each stage, and of the whole pipeline, on one core.
*/

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use sitrep::{Article, Doc, Pipeline, Resources, actor, place, time};
use sitrep_read::{Options, Reader};

use super::STAGE_BATCH;
use crate::{Global, resources};

/// Measure throughput (MB/s of article text, one core) and peak memory.
///
/// Reads the articles under PATH, repeats them until there are at least --mb megabytes of
/// text, and times one stage (or the whole pipeline) over them on the current thread. A
/// single stage runs over documents every stage has already annotated (untimed); the whole
/// pipeline runs over batches of articles, as `extract` runs it.
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
    let articles: Vec<Article> = Reader::new(inputs, Options::default())
        .filter_map(Result::ok)
        .map(|record| record.article)
        .collect();
    let corpus_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    if corpus_bytes == 0 {
        bail!("no article text under the given paths");
    }
    let copies = (args.mb * 1_000_000).div_ceil(corpus_bytes);
    let pipeline = Pipeline::new(&resources);
    // A single stage runs over documents that already have every layer, added untimed.
    let mut docs: Vec<Doc> = Vec::new();
    if args.stage != Stage::Extract {
        docs = articles.iter().cloned().map(Doc::new).collect();
        pipeline.annotate(&mut docs);
    }
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut n_items = 0usize;
    for _ in 0..copies {
        n_items += pass_items(args.stage, &articles, &docs, &pipeline, &resources);
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu_start
        .zip(thread_cpu_seconds())
        .map(|(from, to)| to - from);
    let megabytes = (copies * corpus_bytes) as f64 / 1e6;
    outln!(
        "{:?}: {megabytes:.1} MB ({} articles) in {seconds:.2} s = {:.1} MB/s, {:.0} articles/s ({}), {n_items} items; resources loaded in {load_seconds:.2} s; peak RSS {}",
        args.stage,
        copies * articles.len(),
        megabytes / seconds,
        (copies * articles.len()) as f64 / seconds,
        cpu.map_or("CPU time unknown".to_string(), |cpu| format!(
            "{:.1} MB/s of CPU time",
            megabytes / cpu
        )),
        peak_rss().map_or("unknown".to_string(), |kb| format!(
            "{:.0} MB",
            kb as f64 / 1024.0
        )),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Runs what `stage` names once over the corpus; returns how many items it found. The whole
/// pipeline runs from the articles, in batches as `extract` runs it; a single stage runs over
/// the annotated documents.
fn pass_items(
    stage: Stage,
    articles: &[Article],
    docs: &[Doc],
    pipeline: &Pipeline<'_>,
    resources: &Resources,
) -> usize {
    let over_docs = |items: &dyn Fn(&Doc) -> usize| docs.iter().map(items).sum::<usize>();
    match stage {
        Stage::Sentences => over_docs(&|doc| resources.sentences.split(doc.text()).len()),
        Stage::Time => over_docs(&|doc| {
            time::tag(doc.text(), &doc.sentences, doc.published(), &resources.time).len()
        }),
        Stage::Places => {
            over_docs(&|doc| place::tag(doc.text(), &doc.sentences, &resources.gazetteer).len())
        }
        Stage::Actors => over_docs(&|doc| {
            actor::tag(
                doc.text(),
                &doc.sentences,
                &doc.places,
                &doc.definitions,
                doc.published(),
                &resources.actors,
            )
            .len()
        }),
        Stage::Events => over_docs(&|doc| {
            let (events, facts) = pipeline.events(doc);
            events.len() + facts.len()
        }),
        Stage::Extract => articles
            .chunks(STAGE_BATCH)
            .map(|chunk| {
                pipeline
                    .run_batch(chunk.to_vec())
                    .iter()
                    .map(|analysis| analysis.events.len())
                    .sum::<usize>()
            })
            .sum(),
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
