/*!
`sitrep eval-geo`: scores the place stage on the geoparsing gold corpora.
*/

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sitrep::Article;
use sitrep::eval::haversine_km;
use sitrep::eval::{self, GoldControl, GoldEvent};
use sitrep::pipeline::Resources;
use sitrep::place::corpus::{self, GeoCorpus, GeoDocument};
use sitrep::place::geo_eval::{self, ACCURACY_KM, GeoReport, Resolution, SystemOutput};
use sitrep::place::gold_places::{self, GoldArticle, GoldPlaceReport};
use sitrep::place::{self, Location, PlaceKind, PlaceMention, PlaceRole, Precision};
use sitrep::span::Span;

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
///
/// With --dev DIR (a gold directory like ../shared/corpus/dev), also scores mentions
/// against the places of the gold events and control facts: how many gold places of
/// --country have a mention in their evidence sentence that resolves to them (by the
/// contract's place rule), and how many mentions (not demonyms) resolve to a place no gold
/// event or control fact of the article names.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Corpus files.
    #[arg(required_unless_present = "dev", value_name = "FILE")]
    files: Vec<PathBuf>,
    /// A gold directory: NAME.json articles with NAME.gold.jsonl and NAME.control.gold.jsonl.
    #[arg(long, value_name = "DIR")]
    dev: Option<PathBuf>,
    /// With --dev, the mentions to score, as `sitrep places` writes them (JSON Lines, any
    /// version); by default the place stage runs on the articles.
    #[arg(long, value_name = "FILE", requires = "dev")]
    mentions: Option<PathBuf>,
    /// With --dev, the country (ISO code) whose gold places are counted as found or not.
    #[arg(long, value_name = "ISO", default_value = "MM", requires = "dev")]
    country: String,
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
        print_report(&path.display().to_string(), &report)?;
        all.push(CorpusScores {
            file: path.display().to_string(),
            report,
        });
    }
    if let Some(out) = errors_out.as_mut() {
        out.flush()?;
    }
    if let Some(dir) = &args.dev {
        let report = score_dev(dir, args.mentions.as_deref(), &args.country, &resources)?;
        print_dev_report(&dir.display().to_string(), &args.country, &report)?;
    }
    if let Some(json) = &args.json {
        std::fs::write(json, serde_json::to_string_pretty(&all)?)
            .with_context(|| format!("writing {}", json.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(name: &str, report: &GeoReport) -> std::io::Result<()> {
    outln!(
        "{name}: {} documents, {} gold toponyms (annotations with a point)",
        report.documents,
        report.gold_toponyms
    )?;
    outln!(
        "  mentions   {} found, {} on gold toponyms, {} on annotations without a point (not counted)",
        report.system_mentions,
        report.mentions_on_toponyms,
        report.mentions_on_other_annotations
    )?;
    outln!(
        "             precision {:.3}  recall {:.3}",
        report.precision(),
        report.recall()
    )?;
    print_resolution("end to end", &report.end_to_end)?;
    print_resolution("gold spans", &report.gold_spans)
}

fn print_resolution(label: &str, resolution: &Resolution) -> std::io::Result<()> {
    outln!(
        "  {label:<10} {} toponyms, {} resolved: accuracy@161km {:.3}, exact id {:.3} (of {} with an id), mean error {:.0} km",
        resolution.toponyms,
        resolution.resolved,
        resolution.accuracy(),
        resolution.exact_id_accuracy(),
        resolution.with_id,
        resolution.mean_error_km()
    )
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

/// One line of `sitrep places` output, as far as scoring needs it.
#[derive(Deserialize)]
struct PlacesLine {
    doc: String,
    start: usize,
    end: usize,
    name: Option<String>,
    id: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<String>,
    admin1: Option<String>,
    precision: Option<Precision>,
    kind: PlaceKind,
    role: PlaceRole,
    confidence: f32,
}

impl PlacesLine {
    fn into_mention(self) -> PlaceMention {
        let location = self
            .name
            .zip(self.precision)
            .map(|(name, precision)| Location {
                name,
                country: self.country,
                admin1: self.admin1,
                lat: self.lat,
                lon: self.lon,
                precision,
                id: self.id,
                township: None,
            });
        PlaceMention {
            span: Span::new(self.start, self.end.max(self.start)),
            role: self.role,
            location,
            confidence: self.confidence,
            kind: self.kind,
        }
    }
}

/// Scores the mentions of a gold directory's articles (read from `mentions`, or made by
/// the place stage) against its gold events and control facts.
fn score_dev(
    dir: &Path,
    mentions: Option<&Path>,
    country: &str,
    resources: &Resources,
) -> Result<GoldPlaceReport> {
    let mut given: HashMap<String, Vec<PlaceMention>> = HashMap::new();
    if let Some(path) = mentions {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        for (idx, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let line: PlacesLine = serde_json::from_str(line)
                .with_context(|| format!("{}:{}", path.display(), idx + 1))?;
            given
                .entry(line.doc.clone())
                .or_default()
                .push(line.into_mention());
        }
    }
    let mut articles: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    articles.sort();
    let mut report = GoldPlaceReport::default();
    for path in &articles {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let article: Article = serde_json::from_str(&text)
            .with_context(|| format!("{}: not an article", path.display()))?;
        let gold_file = |suffix: &str| -> Result<String> {
            let gold = dir.join(format!("{}.{suffix}", article.id));
            if !gold.exists() {
                return Ok(String::new());
            }
            std::fs::read_to_string(&gold).with_context(|| format!("reading {}", gold.display()))
        };
        let (events, _) = eval::parse_jsonl::<GoldEvent>(&gold_file("gold.jsonl")?);
        let (controls, _) = eval::parse_jsonl::<GoldControl>(&gold_file("control.gold.jsonl")?);
        let mentions = match mentions {
            Some(_) => given.remove(&article.id).unwrap_or_default(),
            None => {
                let sentences = resources.sentences.split(&article.text);
                place::tag(&article.text, &sentences, &resources.gazetteer)
            }
        };
        let gold = GoldArticle {
            text: &article.text,
            mentions: &mentions,
            events: &events,
            controls: &controls,
        };
        gold_places::score(gold, Some(country), &resources.gazetteer, &mut report);
    }
    Ok(report)
}

fn print_dev_report(name: &str, country: &str, report: &GoldPlaceReport) -> std::io::Result<()> {
    outln!("{name}: {} articles", report.articles)?;
    outln!(
        "  gold places ({country}) with a mention in their evidence resolving to them: {} of {}",
        report.gold_places_found,
        report.gold_places
    )?;
    outln!(
        "  mentions (not demonyms) {}, resolving to no place the article's gold names: {}",
        report.mentions,
        report.mentions_unnamed
    )
}
