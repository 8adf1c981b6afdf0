/*!
`sitrep eval-time`: scores the time stage, on TimeML (TempEval-3 Task A) and on the
dates of a gold event directory.
*/

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use sitrep::eval::{self, GoldEvent};
use sitrep::time::date_eval::{self, DateTally};
use sitrep::time::tempeval::{self, TimexCounts, TimexScores};
use sitrep::time::timeml::Timex;
use sitrep::{Resources, Span, time};
use sitrep_read::{Options, Reader};

use super::times::{doc_id, read_timeml, tag_timeml, timeml_files_under};
use crate::{Global, resources};

/// Score time expressions against TimeML gold (TempEval-3 Task A), or event dates against a
/// gold event directory.
///
/// With DIRs of .tml files (such as ../shared/data/tempeval3/train), tags each file's text
/// anchored at its creation time and prints, per top-level folder and overall, strict and
/// relaxed span precision, recall and F1, type and value accuracy, and type and value F1
/// (accuracy times relaxed F1), as the official TempEval-3 scorer defines them. With --events
/// DIR (such as ../shared/corpus/dev), reads each article and its gold events and reports,
/// for the gold events with a date: how often some expression in the evidence sentence
/// resolves to exactly that date (the tagger's ceiling), and how often event dating, queried
/// at the gold place's mention in the sentence, gives it.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folders of TimeML files.
    #[arg(value_name = "DIR", required_unless_present = "events")]
    dirs: Vec<PathBuf>,
    /// A gold event directory (NAME.json with NAME.gold.jsonl) to score event dates on.
    #[arg(long, value_name = "DIR")]
    events: Option<PathBuf>,
    /// Also list the misses: missed, spurious and misread expressions, or undated events.
    #[arg(long)]
    errors: bool,
    /// Print the TimeML scores as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    if !args.dirs.is_empty() {
        let report = score_timeml(&args.dirs, &resources, args.errors)?;
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&report.scores)?)?;
        } else {
            out!("{}", report.table)?;
        }
        if args.errors {
            out!("{}", report.errors)?;
        }
    }
    if let Some(dir) = &args.events {
        out!("{}", score_event_dates(dir, &resources, args.errors)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

struct TimemlReport {
    scores: BTreeMap<String, TimexScores>,
    table: String,
    errors: String,
}

fn score_timeml(
    dirs: &[PathBuf],
    resources: &Resources,
    list_errors: bool,
) -> Result<TimemlReport> {
    let mut counts: BTreeMap<String, TimexCounts> = BTreeMap::new();
    let mut total = TimexCounts::default();
    let mut errors = String::new();
    let mut n_files = 0usize;
    for dir in dirs {
        let files = timeml_files_under(std::slice::from_ref(dir));
        if files.is_empty() {
            bail!("{} holds no .tml files", dir.display());
        }
        for path in files {
            let doc = read_timeml(&path)?;
            let system: Vec<Timex> = tag_timeml(&doc, None, resources)
                .into_iter()
                .map(|mention| Timex {
                    span: mention.span,
                    timex_type: Some(mention.timex_type),
                    value: mention.value,
                })
                .collect();
            let alignment = tempeval::align(&doc.timexes, &system);
            let file_counts = TimexCounts::of(&doc.timexes, &system, &alignment);
            counts
                .entry(group_name(dir, &path))
                .or_default()
                .add(&file_counts);
            total.add(&file_counts);
            n_files += 1;
            if list_errors {
                list_timeml_errors(
                    &mut errors,
                    &doc_id(&path, &doc),
                    &doc.text,
                    &doc.timexes,
                    &system,
                    &alignment,
                );
            }
        }
    }
    counts.insert("all".to_string(), total);
    let mut table =
        format!("sitrep eval-time: {n_files} TimeML files (TempEval-3 Task A, time expressions)\n");
    let _ = writeln!(
        table,
        "{:<10} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>6} {:>6}",
        "",
        "gold",
        "sys",
        "str P",
        "str R",
        "str F1",
        "rel P",
        "rel R",
        "rel F1",
        "type",
        "value",
        "typeF1",
        "valF1"
    );
    let mut scores = BTreeMap::new();
    for (name, group) in &counts {
        let s = group.scores();
        let _ = writeln!(
            table,
            "{name:<10} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} | {:>6.3} {:>6.3}",
            group.gold,
            group.system,
            s.strict.precision,
            s.strict.recall,
            s.strict.f1,
            s.relaxed.precision,
            s.relaxed.recall,
            s.relaxed.f1,
            s.type_accuracy,
            s.value_accuracy,
            s.type_f1,
            s.value_f1
        );
        scores.insert(name.clone(), s);
    }
    Ok(TimemlReport {
        scores,
        table,
        errors,
    })
}

/// The name a file's scores are grouped under: the first folder below the given one, or its own name.
fn group_name(dir: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(dir).unwrap_or(file);
    let mut components = relative.components();
    match (components.next(), components.next()) {
        (Some(first), Some(_)) => first.as_os_str().to_string_lossy().into_owned(),
        _ => dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
    }
}

fn list_timeml_errors(
    out: &mut String,
    id: &str,
    text: &str,
    gold: &[Timex],
    system: &[Timex],
    alignment: &tempeval::Alignment,
) {
    let shown = |timex: &Timex| {
        format!(
            "{:?} {:?}={}",
            timex.span.slice(text),
            timex.timex_type,
            timex.value
        )
    };
    for &gold_idx in &alignment.missed {
        let _ = writeln!(
            out,
            "MISSED   {id} {} | {}",
            shown(&gold[gold_idx]),
            context(text, gold[gold_idx].span)
        );
    }
    for &system_idx in &alignment.spurious {
        let _ = writeln!(
            out,
            "SPURIOUS {id} {} | {}",
            shown(&system[system_idx]),
            context(text, system[system_idx].span)
        );
    }
    for &(gold_idx, system_idx) in &alignment.pairs {
        let (g, s) = (&gold[gold_idx], &system[system_idx]);
        if g.span != s.span {
            let _ = writeln!(out, "SPAN     {id} gold {} system {}", shown(g), shown(s));
        }
        if g.value != s.value || g.timex_type != s.timex_type {
            let _ = writeln!(
                out,
                "VALUE    {id} gold {} system {} | {}",
                shown(g),
                shown(s),
                context(text, g.span)
            );
        }
    }
}

/// Up to 60 bytes either side of `span`, on one line.
fn context(text: &str, span: Span) -> String {
    let mut start = span.start.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[start..end].replace('\n', " ")
}

fn score_event_dates(dir: &Path, resources: &Resources, list_errors: bool) -> Result<String> {
    let (inputs, missing) = sitrep_read::collect_inputs(&[dir.to_path_buf()]);
    if let Some(err) = missing.first() {
        bail!("{err}");
    }
    let mut tally = DateTally::default();
    let mut errors = String::new();
    for record in Reader::new(inputs, Options::default()) {
        let record = record.map_err(|err| anyhow::anyhow!("{err}"))?;
        let article = record.article;
        let Some(gold_path) = gold_path_for(&record.origin).filter(|path| path.exists()) else {
            continue;
        };
        let gold_text = std::fs::read_to_string(&gold_path)
            .with_context(|| format!("reading {}", gold_path.display()))?;
        let (gold, bad) = eval::parse_jsonl::<GoldEvent>(&gold_text);
        if let Some(first) = bad.first() {
            bail!("{}:{}: {}", gold_path.display(), first.line, first.message);
        }
        let text = article.text.as_str();
        let times = time::tag(
            text,
            &resources.sentences.split(text),
            article.published,
            &resources.time,
        );
        let (article_tally, misses) = date_eval::score(text, &times, &gold);
        tally.add(&article_tally);
        for miss in misses.iter().filter(|_| list_errors) {
            let gold_date = miss
                .gold
                .date
                .map_or("-".to_string(), |d| format!("{}..{}", d.start, d.end));
            let dated = miss
                .dated
                .map_or("none".to_string(), |d| format!("{}..{}", d.start, d.end));
            let evidence: String = miss.gold.evidence.chars().take(150).collect();
            let _ = writeln!(
                errors,
                "  {} gold {gold_date} got {dated} | {evidence}",
                article.id
            );
        }
    }
    let share = |n: usize| {
        if tally.dated == 0 {
            0.0
        } else {
            n as f64 / tally.dated as f64
        }
    };
    let mut out = format!(
        "sitrep eval-time --events {}: {} gold events with a date\n",
        dir.display(),
        tally.dated
    );
    let _ = writeln!(
        out,
        "  some expression in the evidence gives the date  {:.3} ({})",
        share(tally.ceiling),
        tally.ceiling
    );
    let _ = writeln!(
        out,
        "  event dating at the gold place gives the date   {:.3} ({})",
        share(tally.exact),
        tally.exact
    );
    let _ = writeln!(
        out,
        "  … gives an overlapping date                     {:.3} ({})",
        share(tally.overlapping),
        tally.overlapping
    );
    let _ = writeln!(
        out,
        "  … gives no date                                 {:.3} ({})",
        share(tally.undated),
        tally.undated
    );
    let _ = writeln!(
        out,
        "  of those, the previous date (time::previous_date) gives it exactly {} times, overlapping {} more",
        tally.fallback_exact, tally.fallback_overlapping
    );
    let _ = writeln!(
        out,
        "  exact among overlapping dates: {:.3} ({}/{}); with the fallback {:.3}",
        tally.exact_among_overlapping(),
        tally.exact,
        tally.exact + tally.overlapping,
        tally.exact_among_overlapping_with_fallback()
    );
    if list_errors {
        let _ = writeln!(out, "events not dated exactly:\n{errors}");
    }
    Ok(out)
}

/// `dev/NAME.json` → `dev/NAME.gold.jsonl`.
fn gold_path_for(origin: &str) -> Option<PathBuf> {
    let path = Path::new(origin);
    let stem = path.file_stem()?.to_string_lossy();
    Some(path.with_file_name(format!("{stem}.gold.jsonl")))
}
