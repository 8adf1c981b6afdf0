/*!
The commands, one module each, and what several of them share: reading
articles and running the pipeline over them in parallel, in order.
*/

/// `print!` to standard output that returns the error instead of panicking when the reader has
/// gone ("sitrep eval ... | head"): `main` ends quietly on a broken pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `println!` as [`out!`] is `print!`.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

pub mod actors;
pub mod bench;
pub mod bench_store;
pub mod control;
pub mod eval;
pub mod eval_geo;
pub mod eval_time;
pub mod events;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod generate;
pub mod ingest;
pub mod places;
pub mod times;

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Once;

use anyhow::{Context, Result};
use jiff::civil::Date;
use rayon::prelude::*;
use sitrep::dedup::DedupRules;
use sitrep::{Analysis, Article, Pipeline, Resources};
use sitrep_read::{Options, Reader};
use sitrep_store::Store;
use sitrep_store::export::Countries;

use crate::{Global, progress, resources};

/// Articles are analysed in parallel batches of this many, then written in input order.
const BATCH: usize = 4 * STAGE_BATCH;

/// Each thread runs the pipeline over this many articles at once, one stage at a time.
pub const STAGE_BATCH: usize = 64;

/// Parses a `--published` value.
pub fn parse_published(text: &str) -> Result<Date, String> {
    sitrep_read::parse_date(text)
        .ok_or_else(|| format!("unparseable date {text:?}: use YYYY-MM-DD"))
}

/// What a run over inputs met.
#[derive(Debug, Default)]
pub struct RunSummary {
    /// Articles analysed (not counting those a filter dropped or that failed).
    pub articles: usize,
    /// Bytes of article text analysed.
    pub text_bytes: usize,
    /// Inputs or records that could not be read.
    pub errors: usize,
}

/// Reads every article under `paths`, runs the pipeline over each and hands the analyses to
/// `sink` in input order. Read errors and warnings go to standard error as they happen.
pub fn analyse_paths(
    paths: &[PathBuf],
    published: Option<Date>,
    resources: &Resources,
    quiet: bool,
    mut sink: impl FnMut(Analysis) -> Result<()>,
) -> Result<RunSummary> {
    analyse_batches(
        paths,
        published,
        resources,
        quiet,
        |_| Ok(()),
        |analyses| analyses.into_iter().try_for_each(&mut sink),
    )
}

/// Like [`analyse_paths`], a batch at a time: `keep` may drop articles from each batch
/// before the pipeline runs (those already stored, say), and `sink` takes each batch's
/// analyses together, in input order.
pub fn analyse_batches(
    paths: &[PathBuf],
    published: Option<Date>,
    resources: &Resources,
    quiet: bool,
    mut keep: impl FnMut(&mut Vec<Article>) -> Result<()>,
    mut sink: impl FnMut(Vec<Analysis>) -> Result<()>,
) -> Result<RunSummary> {
    let (inputs, missing) = sitrep_read::collect_inputs(paths);
    let mut summary = RunSummary {
        errors: missing.len(),
        ..RunSummary::default()
    };
    for err in &missing {
        eprintln!("{err}");
    }
    let bar = progress::bytes(sitrep_read::total_bytes(&inputs), quiet);
    let pipeline = Pipeline::new(resources);
    let mut reader = Reader::new(inputs, Options { published });
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for item in reader.by_ref() {
            match item {
                Ok(record) => {
                    if !quiet {
                        for warning in &record.warnings {
                            bar.suspend(|| eprintln!("{}: warning: {warning}", record.origin));
                        }
                    }
                    batch.push(record.article);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Err(err) => {
                    summary.errors += 1;
                    bar.suspend(|| eprintln!("{err}"));
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        keep(&mut batch)?;
        summary.text_bytes += batch.iter().map(|a| a.text.len()).sum::<usize>();
        let results: Vec<Result<Analysis, String>> = batch
            .par_chunks(STAGE_BATCH)
            .flat_map_iter(|articles| run_guarded(&pipeline, articles))
            .collect();
        let mut analyses = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(analysis) => analyses.push(analysis),
                Err(message) => {
                    summary.errors += 1;
                    bar.suspend(|| eprintln!("{message}"));
                }
            }
        }
        summary.articles += analyses.len();
        sink(analyses)?;
        bar.set_position(reader.bytes_read());
    }
    bar.finish_and_clear();
    Ok(summary)
}

/// Runs the pipeline on a few articles together; a bug that panics is reported against the
/// article it happened in (the articles are then run again one at a time to find it) and the
/// run goes on with the others. The batch runs on a copy of the articles, kept for that rerun.
fn run_guarded(pipeline: &Pipeline<'_>, articles: &[Article]) -> Vec<Result<Analysis, String>> {
    let run_again = articles.len() > 1;
    match catch_panic(run_again, || pipeline.run_batch(articles.to_vec())) {
        Some(analyses) => analyses.into_iter().map(Ok).collect(),
        None if run_again => articles.chunks(1).flat_map(|article| run_guarded(pipeline, article)).collect(),
        None => articles
            .iter()
            .map(|article| {
                Err(format!("{}: internal error while extracting; this article was skipped (please report it)", article.id))
            })
            .collect(),
    }
}

thread_local! {
    /// True while this thread runs work that, should it panic, runs again in smaller pieces.
    static RUN_AGAIN_ON_PANIC: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, catching a panic. With `run_again` the panic goes unreported: the caller runs
/// the work again in smaller pieces, and the piece that panics again reports it, so each
/// panic message is printed once.
fn catch_panic<T>(run_again: bool, work: impl FnOnce() -> T) -> Option<T> {
    static QUIET_HOOK: Once = Once::new();
    QUIET_HOOK.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !RUN_AGAIN_ON_PANIC.get() {
                report(info);
            }
        }));
    });
    RUN_AGAIN_ON_PANIC.set(run_again);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    RUN_AGAIN_ON_PANIC.set(false);
    outcome.ok()
}

/// A buffered writer to a file, or to standard output when no path is given.
pub fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("creating {}", path.display()))?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Writes one record as a line of JSON.
pub fn write_jsonl(out: &mut dyn Write, record: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The store file, for the commands that use one.
#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The store: an SQLite file, created when missing.
    #[arg(long, value_name = "PATH", default_value = "sitrep.db")]
    pub db: PathBuf,
}

/// The country names of the resource files, for exports.
pub fn countries(global: &Global) -> Result<Countries> {
    Ok(Countries::load(&resources::files(
        global.resources.as_deref(),
    )?)?)
}

impl StoreArgs {
    /// Opens the store with the de-duplication rules of the resource files.
    pub fn open(&self, global: &Global) -> Result<Store> {
        let rules = DedupRules::load(&resources::files(global.resources.as_deref())?)?;
        Store::open(&self.db, rules)
            .with_context(|| format!("opening the store {}", self.db.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static PANICS_REPORTED: Cell<usize> = const { Cell::new(0) };
    }

    #[test]
    fn a_panic_run_again_is_reported_once() {
        // Count the reports of this thread's panics, under the hook catch_panic installs.
        std::panic::set_hook(Box::new(|_| PANICS_REPORTED.set(PANICS_REPORTED.get() + 1)));
        assert_eq!(catch_panic(true, || 7), Some(7));
        assert_eq!(catch_panic(true, || panic!("a batch fails")), None::<()>);
        assert_eq!(PANICS_REPORTED.get(), 0);
        assert_eq!(
            catch_panic(false, || panic!("its article fails again")),
            None::<()>
        );
        assert_eq!(PANICS_REPORTED.get(), 1);
        let _ = std::panic::take_hook();
    }
}
