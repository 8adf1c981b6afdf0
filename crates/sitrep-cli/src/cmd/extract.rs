/*!
`sitrep extract`: articles in, events and control facts out, as JSON Lines.
*/

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use jiff::civil::Date;

use super::{analyse_paths, output, parse_published, write_jsonl};
use crate::{Global, resources};

/// Extract events (and control facts) from articles.
///
/// Reads each PATH (a .json, .jsonl, .txt or .html file, a directory read recursively, or -
/// for standard input) and writes one JSON object per event, in the format of CONTRACT.md:
/// kind, actor1, actor2, location, date, modality, evidence, fatalities, plus the evidence's
/// byte offsets, the rule that fired and a confidence. Unreadable inputs are reported on
/// standard error and skipped; the exit code is then 1.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles to read.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write events to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write control facts (who holds which place) to FILE.
    #[arg(long, value_name = "FILE")]
    control: Option<PathBuf>,
    /// Publication date for articles that carry none, YYYY-MM-DD (text and HTML files: used
    /// before any date in the file).
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Date>,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let mut events_out = output(args.output.as_deref())?;
    let mut control_out = args
        .control
        .as_deref()
        .map(|path| output(Some(path)))
        .transpose()?;
    let (mut n_events, mut n_control) = (0usize, 0usize);
    let summary = analyse_paths(
        &args.paths,
        args.published,
        &resources,
        global.quiet,
        |analysis| {
            for event in &analysis.events {
                write_jsonl(&mut events_out, event)?;
            }
            n_events += analysis.events.len();
            n_control += analysis.control.len();
            if let Some(out) = control_out.as_mut() {
                for fact in &analysis.control {
                    write_jsonl(out, fact)?;
                }
            }
            Ok(())
        },
    )?;
    events_out.flush()?;
    if let Some(out) = control_out.as_mut() {
        out.flush()?;
    }
    if !global.quiet {
        eprintln!(
            "sitrep: {} articles, {} events, {} control facts, {} unreadable",
            summary.articles, n_events, n_control, summary.errors
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
