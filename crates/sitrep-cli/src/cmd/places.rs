/*!
`sitrep places`: the place mentions of articles, one JSON object a line.
*/

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use jiff::civil::Date;
use serde::Serialize;
use sitrep::place::{PlaceKind, PlaceMention, PlaceRole, Precision};

use super::{analyse_paths, output, parse_published, write_jsonl};
use crate::{Global, resources};

/// Find and resolve the place names of articles.
///
/// Reads each PATH like `sitrep extract` does and writes one JSON object per place mention:
/// doc, start and end (byte offsets into the article text), text, the resolved name, id,
/// lat, lon, country, admin1, precision and kind, the role (toponym, demonym or metonym) and
/// a confidence. A mention the gazetteer lacks but a generic word marks ("X village") has a
/// name but no id or point.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles to read.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write mentions to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Publication date for articles that carry none, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Date>,
}

/// One line of output.
#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    name: Option<&'a str>,
    id: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    precision: Option<Precision>,
    kind: PlaceKind,
    role: PlaceRole,
    confidence: f32,
}

impl<'a> Line<'a> {
    fn new(doc: &'a str, text: &'a str, mention: &'a PlaceMention) -> Line<'a> {
        let location = mention.location.as_ref();
        Line {
            doc,
            start: mention.span.start,
            end: mention.span.end,
            text: mention.span.slice(text),
            name: location.map(|l| l.name.as_str()),
            id: location.and_then(|l| l.id.as_deref()),
            lat: location.and_then(|l| l.lat),
            lon: location.and_then(|l| l.lon),
            country: location.and_then(|l| l.country.as_deref()),
            admin1: location.and_then(|l| l.admin1.as_deref()),
            precision: location.map(|l| l.precision),
            kind: mention.kind,
            role: mention.role,
            confidence: mention.confidence,
        }
    }
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let mut out = output(args.output.as_deref())?;
    let mut n_mentions = 0usize;
    let summary = analyse_paths(
        &args.paths,
        args.published,
        &resources,
        global.quiet,
        |analysis| {
            for mention in &analysis.doc.places {
                write_jsonl(
                    &mut out,
                    &Line::new(analysis.doc.id(), analysis.doc.text(), mention),
                )?;
            }
            n_mentions += analysis.doc.places.len();
            Ok(())
        },
    )?;
    out.flush()?;
    if !global.quiet {
        eprintln!(
            "sitrep: {} articles, {n_mentions} place mentions, {} unreadable",
            summary.articles, summary.errors
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
