/*!
`sitrep eval-geo`: scores the place stage on the geoparsing gold corpora.
*/

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;
use sitrep::eval::haversine_km;
use sitrep::place::corpus::{self, GeoCorpus, GeoDocument};
use sitrep::place::geo_eval::{self, ACCURACY_KM, GeoReport, Resolution, SystemOutput};
use sitrep::place::{self};

use super::{output, write_jsonl};
use crate::{Global, resources};

/// Score place recognition and resolution on geoparsing corpora.
///
/// Reads each FILE (GeoWebNews_GWN.xml, TR-News.xml or GeoVirus.xml from
/// ../shared/data/geo; the corpus is told from the content) and prints, per corpus: mention
/// precision and recall against the gold toponyms, and resolution accuracy within 161 km
/// and exact GeoNames-id accuracy, both end to end (on the toponyms the system found) and
/// with the gold spans given (every gold toponym resolved in its article's context).
/// Gold toponyms are the annotations with a point: for GeoWebNews, literal, metonymic,
/// mixed, modifier and embedded toponyms (not demonyms, languages, homonyms or
/// non-toponyms, which the corpus gives no point).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Corpus files.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Also write the scores as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write every gold toponym resolved wrong (gold span given) to FILE, one JSON object a
    /// line: corpus, doc, text, gold id and point, system id, name and point, error in km.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
}

#[derive(Serialize)]
struct WrongResolution<'a> {
    corpus: &'a str,
    doc: &'a str,
    text: &'a str,
    gold_id: Option<&'a str>,
    gold_lat: f64,
    gold_lon: f64,
    system_id: Option<&'a str>,
    system_name: Option<&'a str>,
    system_lat: Option<f64>,
    system_lon: Option<f64>,
    km: Option<f64>,
}

#[derive(Serialize)]
struct CorpusScores {
    file: String,
    report: GeoReport,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let mut all = Vec::new();
    let mut errors_out = args
        .errors
        .as_deref()
        .map(|path| output(Some(path)))
        .transpose()?;
    for path in &args.files {
        let xml =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let Some(kind) = GeoCorpus::sniff(&xml) else {
            bail!(
                "{}: not GeoWebNews, TR-News or GeoVirus XML",
                path.display()
            );
        };
        let documents = corpus::read(&xml, kind);
        let outputs: Vec<SystemOutput> = documents
            .par_iter()
            .map(|document| {
                let sentences = resources.sentences.split(&document.text);
                let spans: Vec<_> = document.toponyms.iter().map(|gold| gold.span).collect();
                SystemOutput {
                    mentions: place::tag(&document.text, &sentences, &resources.gazetteer),
                    gold_spans: place::resolve_spans(
                        &document.text,
                        &sentences,
                        &spans,
                        &resources.gazetteer,
                    ),
                }
            })
            .collect();
        if let Some(out) = errors_out.as_mut() {
            let corpus = path.display().to_string();
            write_errors(out, &corpus, &documents, &outputs)?;
        }
        let report = geo_eval::score(&documents, &outputs);
        print_report(&path.display().to_string(), &report);
        all.push(CorpusScores {
            file: path.display().to_string(),
            report,
        });
    }
    if let Some(out) = errors_out.as_mut() {
        out.flush()?;
    }
    if let Some(json) = &args.json {
        std::fs::write(json, serde_json::to_string_pretty(&all)?)
            .with_context(|| format!("writing {}", json.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(name: &str, report: &GeoReport) {
    println!(
        "{name}: {} documents, {} gold toponyms (annotations with a point)",
        report.documents, report.gold_toponyms
    );
    println!(
        "  mentions   {} found, {} on gold toponyms, {} on annotations without a point (not counted)",
        report.system_mentions, report.mentions_on_toponyms, report.mentions_on_other_annotations
    );
    println!(
        "             precision {:.3}  recall {:.3}",
        report.precision(),
        report.recall()
    );
    print_resolution("end to end", &report.end_to_end);
    print_resolution("gold spans", &report.gold_spans);
}

fn print_resolution(label: &str, resolution: &Resolution) {
    println!(
        "  {label:<10} {} toponyms, {} resolved: accuracy@161km {:.3}, exact id {:.3} (of {} with an id), mean error {:.0} km",
        resolution.toponyms,
        resolution.resolved,
        resolution.accuracy(),
        resolution.exact_id_accuracy(),
        resolution.with_id,
        resolution.mean_error_km()
    );
}

fn write_errors(
    out: &mut dyn Write,
    corpus: &str,
    documents: &[GeoDocument],
    outputs: &[SystemOutput],
) -> Result<()> {
    for (document, output) in documents.iter().zip(outputs) {
        for (gold, system) in document.toponyms.iter().zip(&output.gold_spans) {
            let location = system
                .as_ref()
                .and_then(|mention| mention.location.as_ref());
            let point = location.and_then(|l| l.lat.zip(l.lon));
            let km = point.map(|(lat, lon)| haversine_km(gold.lat, gold.lon, lat, lon));
            if km.is_some_and(|km| km <= ACCURACY_KM) {
                continue;
            }
            let wrong = WrongResolution {
                corpus,
                doc: &document.id,
                text: gold.span.slice(&document.text),
                gold_id: gold.geonames_id.as_deref(),
                gold_lat: gold.lat,
                gold_lon: gold.lon,
                system_id: location.and_then(|l| l.id.as_deref()),
                system_name: location.map(|l| l.name.as_str()),
                system_lat: point.map(|p| p.0),
                system_lon: point.map(|p| p.1),
                km,
            };
            write_jsonl(out, &wrong)?;
        }
    }
    Ok(())
}
