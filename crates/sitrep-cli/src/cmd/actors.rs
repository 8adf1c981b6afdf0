/*!
`sitrep actors`: the actor mentions of articles, one JSON object per mention.
*/

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use jiff::civil::Date;
use serde::Serialize;
use sitrep::actor::{ActorKind, MentionKind};

use super::{analyse_paths, output, parse_published, write_jsonl};
use crate::{Global, resources};

/// Print the actors each article names, with their canonical ids.
///
/// One JSON object per mention: doc, start and end (byte offsets into the text), text,
/// actor (canonical id), kind (state, rebel, militia, civilians...) and how the text names it
/// (name, defined, generic, anaphor, ethnic, country, capital).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles to read.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Publication date for articles that carry none, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Date>,
}

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    actor: &'a str,
    kind: ActorKind,
    how: MentionKind,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let mut out = output(None)?;
    let summary = analyse_paths(
        &args.paths,
        args.published,
        &resources,
        global.quiet,
        |analysis| {
            let doc = &analysis.doc;
            for mention in &doc.actors {
                let row = Row {
                    doc: doc.id(),
                    start: mention.span.start,
                    end: mention.span.end,
                    text: mention.span.slice(doc.text()),
                    actor: mention.actor.as_str(),
                    kind: mention.kind,
                    how: mention.how,
                };
                write_jsonl(&mut out, &row)?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(if summary.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
