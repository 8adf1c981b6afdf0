/*!
`sitrep eval`: scores events and control facts against a gold directory.
*/

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use sitrep::eval::{self, Counts, Errors, GoldControl, GoldEvent, Inputs, Matching, Report};
use sitrep::{ControlFact, Event};

use super::analyse_paths;
use crate::{Global, resources};

/// Score events against gold annotations (precision, recall, F1).
///
/// DIR holds articles (NAME.json) with their gold events (NAME.gold.jsonl) and control facts
/// (NAME.control.gold.jsonl), as in ../shared/corpus/dev. Without SYSTEM, sitrep extracts the
/// articles itself and scores the result; with SYSTEM (a JSON Lines file of events), that file
/// is scored. Scoring follows CONTRACT.md: only asserted and claimed events are facts; a system
/// event matches a gold fact with the same kind, actor1, place and overlapping dates.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The gold directory.
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// System events to score (JSON Lines); by default sitrep extracts DIR's articles.
    #[arg(value_name = "SYSTEM.jsonl")]
    system: Option<PathBuf>,
    /// System control facts to score with SYSTEM (JSON Lines).
    #[arg(long, value_name = "FILE", requires = "system")]
    system_control: Option<PathBuf>,
    /// How system events are paired with gold facts: `maximum` finds the most pairs, `greedy`
    /// follows CONTRACT.md's greedy rule (both are always reported).
    #[arg(long, value_enum, default_value = "maximum")]
    matching: MatchingArg,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also list the gold facts missed and the system facts that matched nothing.
    #[arg(long)]
    errors: bool,
    /// Exit with 1 when event F1 or control F1 is below the figures in FILE
    /// ({"events_f1": …, "control_f1": …}).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum MatchingArg {
    Maximum,
    Greedy,
}

/// The figures CI holds the scorer to.
#[derive(Debug, Serialize, Deserialize)]
struct Baseline {
    events_f1: f64,
    control_f1: f64,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let gold = GoldDir::read(&args.gold)?;
    let (system, system_control) = match &args.system {
        Some(path) => {
            let events = read_jsonl::<Event>(path)?;
            let control = args
                .system_control
                .as_deref()
                .map(read_jsonl::<ControlFact>)
                .transpose()?;
            (events, control.unwrap_or_default())
        }
        None => {
            let (mut events, mut control) = (Vec::new(), Vec::new());
            analyse_paths(&gold.articles, None, &resources, global.quiet, |analysis| {
                events.extend(analysis.events);
                control.extend(analysis.control);
                Ok(())
            })?;
            (events, control)
        }
    };
    let matching = match args.matching {
        MatchingArg::Maximum => Matching::Maximum,
        MatchingArg::Greedy => Matching::Greedy,
    };
    let inputs = Inputs {
        docs: &gold.docs,
        gold: &gold.events,
        system: &system,
        gold_control: &gold.control,
        system_control: &system_control,
    };
    let (report, errors) = eval::score(inputs, &resources.gazetteer, matching);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        out!("{}", format_report(&report))?;
    }
    if args.errors {
        out!("{}", format_errors(&errors))?;
    }
    if let Some(path) = &args.baseline {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let baseline: Baseline =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        let (events_f1, control_f1) = (report.events.f1(), report.control.f1());
        if events_f1 + 1e-9 < baseline.events_f1 || control_f1 + 1e-9 < baseline.control_f1 {
            eprintln!(
                "sitrep eval: below the baseline in {}: event F1 {events_f1:.3} (baseline {:.3}), control F1 {control_f1:.3} (baseline {:.3})",
                path.display(),
                baseline.events_f1,
                baseline.control_f1
            );
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A gold directory's articles and annotations.
struct GoldDir {
    articles: Vec<PathBuf>,
    docs: Vec<String>,
    events: Vec<GoldEvent>,
    control: Vec<GoldControl>,
}

impl GoldDir {
    fn read(dir: &Path) -> Result<GoldDir> {
        let entries = std::fs::read_dir(dir)
            .with_context(|| format!("reading gold directory {}", dir.display()))?;
        let mut articles: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        articles.sort();
        if articles.is_empty() {
            bail!("{} holds no articles (NAME.json)", dir.display());
        }
        let mut gold = GoldDir {
            articles: Vec::new(),
            docs: Vec::new(),
            events: Vec::new(),
            control: Vec::new(),
        };
        for article in articles {
            let stem = article
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&article)
                .with_context(|| format!("reading {}", article.display()))?;
            let id = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|value| value.get("id")?.as_str().map(str::to_string))
                .unwrap_or_else(|| stem.clone());
            gold.docs.push(id);
            gold.events.extend(read_jsonl_if_present::<GoldEvent>(
                &dir.join(format!("{stem}.gold.jsonl")),
            )?);
            gold.control.extend(read_jsonl_if_present::<GoldControl>(
                &dir.join(format!("{stem}.control.gold.jsonl")),
            )?);
            gold.articles.push(article);
        }
        Ok(gold)
    }
}

fn read_jsonl_if_present<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    if path.exists() {
        read_jsonl(path)
    } else {
        Ok(Vec::new())
    }
}

/// Reads JSON Lines strictly: a scorer must not silently drop records.
fn read_jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let (records, errors) = eval::parse_jsonl(&text);
    if let Some(first) = errors.first() {
        bail!(
            "{}:{}: {} ({} bad lines in all)",
            path.display(),
            first.line,
            first.message,
            errors.len()
        );
    }
    Ok(records)
}

fn counts_row(out: &mut String, label: &str, counts: &Counts) {
    let _ = writeln!(
        out,
        "{label:<24} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}",
        counts.precision(),
        counts.recall(),
        counts.f1(),
        counts.true_positives,
        counts.false_positives,
        counts.false_negatives
    );
}

fn format_report(report: &Report) -> String {
    let mut out = String::new();
    let matching = match report.matching {
        Matching::Maximum => "maximum matching",
        Matching::Greedy => "greedy matching (CONTRACT.md)",
    };
    let _ = writeln!(out, "sitrep eval: {} documents, {matching}", report.docs);
    let _ = writeln!(
        out,
        "{:<24} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
        "", "P", "R", "F1", "TP", "FP", "FN"
    );
    counts_row(&mut out, "events", &report.events);
    for (kind, counts) in &report.per_kind {
        counts_row(&mut out, &format!("  {}", kind.as_str()), counts);
    }
    counts_row(&mut out, "events, greedy matching", &report.events_greedy);
    counts_row(&mut out, "control facts", &report.control);
    let _ = writeln!(out, "over matched event pairs:");
    for (label, agreement) in [
        ("actor2 agrees", &report.actor2),
        ("exact date", &report.date_exact),
        ("exact place", &report.place_exact),
        ("modality agrees", &report.modality),
    ] {
        let _ = writeln!(
            out,
            "  {label:<22} {:>6.3} ({}/{})",
            agreement.rate(),
            agreement.agree,
            agreement.total
        );
    }
    let leaks = &report.non_facts_as_facts;
    let _ = writeln!(
        out,
        "gold non-facts stated as facts: {} of {}",
        leaks.agree, leaks.total
    );
    out
}

fn format_errors(errors: &Errors) -> String {
    let mut out = String::new();
    let place = |name: Option<&str>| name.unwrap_or("-").to_string();
    let _ = writeln!(out, "\nmissed gold facts ({}):", errors.missed.len());
    for gold in &errors.missed {
        let _ = writeln!(
            out,
            "  {} {} {} -> {} @ {} {} | {}",
            gold.doc,
            gold.kind.as_str(),
            gold.actor1
                .as_ref()
                .map_or("-".into(), |a| format!("{a:?}")),
            gold.actor2
                .as_ref()
                .map_or("-".into(), |a| format!("{a:?}")),
            place(gold.location.as_ref().map(|l| l.name.as_str())),
            gold.date
                .map_or("-".into(), |d| format!("{}..{}", d.start, d.end)),
            snippet(&gold.evidence),
        );
    }
    let _ = writeln!(out, "\nspurious system facts ({}):", errors.spurious.len());
    for event in &errors.spurious {
        let _ = writeln!(
            out,
            "  {} {} {} -> {} @ {} {} [{}] | {}",
            event.doc,
            event.kind.as_str(),
            event.actor1.as_ref().map_or("-", |a| a.as_str()),
            event.actor2.as_ref().map_or("-", |a| a.as_str()),
            place(event.location.as_ref().map(|l| l.name.as_str())),
            event
                .date
                .map_or("-".into(), |d| format!("{}..{}", d.start, d.end)),
            event.rule,
            snippet(&event.evidence),
        );
    }
    let _ = writeln!(
        out,
        "\nmatched events with inexact dates ({}):",
        errors.inexact_dates.len()
    );
    for (gold, event) in &errors.inexact_dates {
        let days = |d: Option<sitrep::time::DateInterval>| {
            d.map_or("-".to_string(), |d| format!("{}..{}", d.start, d.end))
        };
        let _ = writeln!(
            out,
            "  {} {} gold {} system {} [{}] | {}",
            gold.doc,
            gold.kind.as_str(),
            days(gold.date),
            days(event.date),
            event.rule,
            snippet(&event.evidence)
        );
    }
    for (title, pairs) in [
        (
            "matched events whose modality differs",
            &errors.modality_disagrees,
        ),
        ("gold non-facts stated as facts", &errors.non_facts_as_facts),
    ] {
        let _ = writeln!(out, "\n{title} ({}):", pairs.len());
        for (gold, event) in pairs {
            let _ = writeln!(
                out,
                "  {} {} gold {} system {} [{}] | {}",
                gold.doc,
                gold.kind.as_str(),
                gold.modality.as_str(),
                event.modality.as_str(),
                event.rule,
                snippet(&event.evidence)
            );
            if gold.evidence != event.evidence {
                let _ = writeln!(out, "      gold evidence | {}", snippet(&gold.evidence));
            }
        }
    }
    let _ = writeln!(
        out,
        "\nmissed control facts ({}):",
        errors.missed_control.len()
    );
    for fact in &errors.missed_control {
        let _ = writeln!(
            out,
            "  {} {} {:?} | {}",
            fact.doc,
            fact.place,
            fact.controller,
            snippet(&fact.evidence)
        );
    }
    let _ = writeln!(
        out,
        "\nspurious control facts ({}):",
        errors.spurious_control.len()
    );
    for fact in &errors.spurious_control {
        let _ = writeln!(
            out,
            "  {} {} {} [{}] | {}",
            fact.doc,
            fact.place,
            fact.controller,
            fact.rule,
            snippet(&fact.evidence)
        );
    }
    out
}

fn snippet(text: &str) -> String {
    let cut = text
        .char_indices()
        .nth(140)
        .map_or(text.len(), |(idx, _)| idx);
    let tail = if cut < text.len() { "…" } else { "" };
    format!("{}{tail}", &text[..cut])
}
