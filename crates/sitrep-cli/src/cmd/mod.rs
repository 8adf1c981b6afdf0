/*!
The commands, one module each, and what several of them share: reading
articles and running the pipeline over them in parallel, in order.
*/

pub mod actors;
pub mod bench;
pub mod eval;
pub mod eval_geo;
pub mod eval_time;
pub mod extract;
pub mod gazetteer;
pub mod places;
pub mod times;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use jiff::civil::Date;
use rayon::prelude::*;
use sitrep::{Analysis, Pipeline, Resources};
use sitrep_read::{Options, Reader};

use crate::progress;

/// Articles are analysed in parallel batches of this many, then written in input order.
const BATCH: usize = 64;

/// Parses a `--published` value.
pub fn parse_published(text: &str) -> Result<Date, String> {
    sitrep_read::parse_date(text).ok_or_else(|| format!("unparseable date {text:?}: use YYYY-MM-DD"))
}

/// What a run over inputs met.
#[derive(Debug, Default)]
pub struct RunSummary {
    /// Articles analysed.
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
    let (inputs, missing) = sitrep_read::collect_inputs(paths);
    let mut summary = RunSummary { errors: missing.len(), ..RunSummary::default() };
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
        summary.text_bytes += batch.iter().map(|a| a.text.len()).sum::<usize>();
        let analyses: Vec<Result<Analysis, String>> =
            batch.into_par_iter().map(|article| run_guarded(&pipeline, article)).collect();
        for analysis in analyses {
            match analysis {
                Ok(analysis) => {
                    summary.articles += 1;
                    sink(analysis)?;
                }
                Err(message) => {
                    summary.errors += 1;
                    bar.suspend(|| eprintln!("{message}"));
                }
            }
        }
        bar.set_position(reader.bytes_read());
    }
    bar.finish_and_clear();
    Ok(summary)
}

/// Runs the pipeline on one article; a bug that panics is reported against the article and
/// the run goes on with the others.
fn run_guarded(pipeline: &Pipeline<'_>, article: sitrep::Article) -> Result<Analysis, String> {
    let id = article.id.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.run(article)))
        .map_err(|_| format!("{id}: internal error while extracting; this article was skipped (please report it)"))
}

/// A buffered writer to a file, or to standard output when no path is given.
pub fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => {
            let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
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
