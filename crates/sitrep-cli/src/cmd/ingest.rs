/*!
`sitrep ingest`: articles in, the store updated.

Reads the articles, drops those whose text the store (or this run) already
has, extracts the rest in parallel and writes each batch in one transaction;
then, when anything was added, recomputes the de-duplicated events and the
control timeline. Killing it loses at most the batch being written; running it
again on the same inputs completes the work and changes nothing already done.
*/

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use jiff::civil::Date;
use sitrep_store::{Inserted, NewArticle, RebuildSummary, content_hash};

use super::{StoreArgs, analyse_batches, parse_published};
use crate::{Global, resources};

/// Store articles, their events and control facts, de-duplicated.
///
/// Reads each PATH (files, directories or - as for `extract`), skips articles whose text is
/// already stored, extracts the others on every core and stores them, a batch per
/// transaction. Then merges reports of the same event from different articles and rebuilds
/// the control timeline. Prints a summary: articles new, skipped and failed, events, merges.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles to read.
    #[arg(value_name = "PATH", required_unless_present = "rebuild")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    /// Publication date for articles that carry none, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Date>,
    /// Recompute the merged events and the control timeline even if nothing was added (after
    /// changing the de-duplication rules, say).
    #[arg(long)]
    rebuild: bool,
}

#[derive(Debug, Default)]
struct Tally {
    new: usize,
    skipped: usize,
    failed: usize,
    reports: usize,
    control_facts: usize,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let start = Instant::now();
    let store = RefCell::new(args.store.open(global)?);
    let resources = resources::load(global.resources.as_deref())?;
    let tally = RefCell::new(Tally::default());
    let mut seen: HashSet<String> = HashSet::new();
    let keep = |batch: &mut Vec<sitrep::Article>| -> Result<()> {
        let hashes: Vec<String> = batch
            .iter()
            .map(|article| content_hash(&article.text))
            .collect();
        let hashes_len = hashes.len();
        let known = store
            .borrow()
            .known_hashes(hashes.iter().map(String::as_str))?;
        let mut hashes = hashes.into_iter();
        batch.retain(|_| {
            let hash = hashes.next().unwrap_or_default();
            !known.contains(&hash) && seen.insert(hash)
        });
        tally.borrow_mut().skipped += hashes_len - batch.len();
        Ok(())
    };
    let sink = |analyses: Vec<sitrep::Analysis>| -> Result<()> {
        let batch: Vec<NewArticle<'_>> = analyses
            .iter()
            .map(|analysis| NewArticle {
                article: analysis.doc.article(),
                events: &analysis.events,
                control: &analysis.control,
            })
            .collect();
        let outcomes = store.borrow_mut().insert_batch(&batch)?;
        let mut tally = tally.borrow_mut();
        for (item, outcome) in batch.iter().zip(outcomes) {
            match outcome {
                Inserted::New => {
                    tally.new += 1;
                    tally.reports += item.events.len();
                    tally.control_facts += item.control.len();
                }
                Inserted::Skipped => tally.skipped += 1,
                Inserted::Failed(message) => {
                    tally.failed += 1;
                    eprintln!("sitrep: {message}");
                }
            }
        }
        Ok(())
    };
    let run = analyse_batches(
        &args.paths,
        args.published,
        &resources,
        global.quiet,
        keep,
        sink,
    )?;
    let mut store = store.into_inner();
    let tally = tally.into_inner();
    let rebuilt = if args.rebuild || store.is_stale()? {
        Some(store.rebuild()?)
    } else {
        None
    };
    let seconds = start.elapsed().as_secs_f64();
    if !global.quiet {
        print_summary(&tally, run.errors, rebuilt, run.text_bytes, seconds);
        let counts = store.counts()?;
        eprintln!(
            "sitrep: the store {} holds {} articles, {} reports, {} events, {} control periods",
            args.store.db.display(),
            counts.articles,
            counts.article_events,
            counts.events,
            counts.control_periods
        );
    }
    Ok(if tally.failed + run.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_summary(
    tally: &Tally,
    unreadable: usize,
    rebuilt: Option<RebuildSummary>,
    text_bytes: usize,
    seconds: f64,
) {
    eprintln!(
        "sitrep: articles: {} new, {} skipped (already stored), {} failed to store, {} unreadable or failed to extract; \
         {} events and {} control facts stored",
        tally.new, tally.skipped, tally.failed, unreadable, tally.reports, tally.control_facts
    );
    if let Some(rebuilt) = rebuilt {
        eprintln!(
            "sitrep: de-duplication: {} reports → {} events ({} merged); {} control periods",
            rebuilt.reports, rebuilt.events, rebuilt.merged, rebuilt.control_periods
        );
    }
    let seconds = seconds.max(1e-9);
    let peak_mb = super::bench::peak_rss().map_or("unknown".to_string(), |kb| {
        format!("{:.0} MB", kb as f64 / 1024.0)
    });
    eprintln!(
        "sitrep: {:.1} s, {:.0} new articles/s, {:.2} MB/s of new text, peak memory {peak_mb}",
        seconds,
        tally.new as f64 / seconds,
        text_bytes as f64 / 1e6 / seconds
    );
}
