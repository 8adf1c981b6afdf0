/*!
`sitrep times`: the time expressions of articles and TimeML files, one JSON object each.
*/

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::civil::Date;
use serde::Serialize;
use sitrep::time::{self, DateInterval, TimeMention, TimeScope, TimexType, timeml};
use sitrep::{Resources, Span};

use super::{analyse_paths, output, parse_published, write_jsonl};
use crate::{Global, resources};

/// Print the time expressions of articles, resolved against their publication dates.
///
/// Reads each PATH (articles as `sitrep extract` reads them, TimeML `.tml` files, or
/// directories of either) and writes one JSON object per expression: doc, start and end
/// (byte offsets into the text), text, type, value (TIMEX3), interval ({start, end,
/// precision} for a DATE) and the rule that found it. A `.tml` file is read as the text
/// inside <TEXT>, tags removed, anchored at its document creation time.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles or TimeML files to read.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Publication date for articles that carry none (and instead of a TimeML file's own), YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Date>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// One expression, as printed.
#[derive(Serialize)]
struct TimeRecord<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    timex_type: TimexType,
    value: &'a str,
    interval: Option<DateInterval>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<TimeScope>,
    /// The reporting verb that governs the expression, as its text.
    #[serde(skip_serializing_if = "Option::is_none")]
    report_verb: Option<&'a str>,
    rule: &'a str,
}

impl<'a> TimeRecord<'a> {
    fn new(doc: &'a str, text: &'a str, mention: &'a TimeMention) -> TimeRecord<'a> {
        TimeRecord {
            doc,
            start: mention.span.start,
            end: mention.span.end,
            text: mention.span.slice(text),
            timex_type: mention.timex_type,
            value: &mention.value,
            interval: mention.interval,
            scope: mention.scope,
            report_verb: mention.report_verb.map(|verb| verb.slice(text)),
            rule: &mention.rule,
        }
    }
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let mut out = output(args.output.as_deref())?;
    let (timeml_paths, article_paths): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|path| path.extension().is_some_and(|ext| ext == "tml"));
    let mut n_errors = 0usize;
    for path in timeml_paths
        .iter()
        .chain(timeml_files_under(&article_paths).iter())
    {
        let doc = match read_timeml(path) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("{err:#}");
                n_errors += 1;
                continue;
            }
        };
        let id = doc_id(path, &doc);
        for mention in tag_timeml(&doc, args.published, &resources) {
            write_jsonl(&mut out, &TimeRecord::new(&id, &doc.text, &mention))?;
        }
    }
    let article_paths: Vec<PathBuf> = article_paths
        .into_iter()
        .filter(|path| !is_timeml_only_dir(path))
        .collect();
    if !article_paths.is_empty() {
        let summary = analyse_paths(
            &article_paths,
            args.published,
            &resources,
            global.quiet,
            |analysis| {
                for mention in &analysis.doc.times {
                    write_jsonl(
                        &mut out,
                        &TimeRecord::new(analysis.doc.id(), analysis.doc.text(), mention),
                    )?;
                }
                Ok(())
            },
        )?;
        n_errors += summary.errors;
    }
    out.flush()?;
    Ok(if n_errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads and parses one TimeML file.
pub fn read_timeml(path: &Path) -> Result<timeml::TimemlDoc> {
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    timeml::parse(&xml).with_context(|| format!("{}: not TimeML", path.display()))
}

/// A TimeML document's id: its DOCID, else the file name.
pub fn doc_id(path: &Path, doc: &timeml::TimemlDoc) -> String {
    doc.id.clone().unwrap_or_else(|| {
        path.file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    })
}

/// Tags a TimeML document's text, anchored at `published` or else its creation time.
pub fn tag_timeml(
    doc: &timeml::TimemlDoc,
    published: Option<Date>,
    resources: &Resources,
) -> Vec<TimeMention> {
    let sentences: Vec<Span> = resources.sentences.split(&doc.text);
    time::tag(
        &doc.text,
        &sentences,
        published.or(doc.dct),
        &resources.time,
    )
}

/// The `.tml` files under the directories among `paths`, recursively, in name order.
pub fn timeml_files_under(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths.iter().filter(|path| path.is_dir()) {
        walk(path, &mut files);
    }
    files
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "tml") {
            files.push(path);
        }
    }
}

/// A directory whose only articles are TimeML files (not worth handing to the article reader).
fn is_timeml_only_dir(path: &Path) -> bool {
    path.is_dir()
        && sitrep_read::collect_inputs(&[path.to_path_buf()])
            .0
            .is_empty()
}
