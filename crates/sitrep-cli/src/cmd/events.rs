/*!
`sitrep events`: query the de-duplicated events of the store.
*/

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::civil::Date;
use sitrep::EventKind;
use sitrep_store::export::{self, Format};
use sitrep_store::{EventQuery, Near, StoredEvent};

use super::{StoreArgs, countries, parse_published};
use crate::{Global, table};

/// List stored events, filtered.
///
/// Every filter given must hold. Events are the de-duplicated records: one per real-world
/// event, with the number of independent sources that report it.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Only events of this kind (armed_clash, territory_captured, air_strike…).
    #[arg(long, value_name = "K")]
    kind: Option<EventKind>,
    /// Only events with this actor on either side (KIA, MM_MILITARY…).
    #[arg(long, value_name = "A")]
    actor: Option<String>,
    /// Only events at this place, or in this state or region.
    #[arg(long, value_name = "P")]
    place: Option<String>,
    /// Only events within KM kilometres of a point.
    #[arg(long, value_name = "LAT,LON,KM", value_parser = parse_near)]
    near: Option<Near>,
    /// Only events ending on or after this day.
    #[arg(long, value_name = "D", value_parser = parse_published)]
    since: Option<Date>,
    /// Only events starting on or before this day.
    #[arg(long, value_name = "D", value_parser = parse_published)]
    until: Option<Date>,
    /// Only events with all these words in the evidence of one of their reports.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// At most N events.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Output format (csv is ACLED-style).
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ListFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object a line, with the sources.
    Jsonl,
    /// ACLED-style CSV.
    Csv,
    /// GeoJSON FeatureCollection (events with coordinates).
    Geojson,
}

fn parse_near(text: &str) -> Result<Near, String> {
    let numbers: Vec<f64> = text
        .split(',')
        .map(|part| {
            part.trim()
                .parse::<f64>()
                .map_err(|_| format!("{part:?} is not a number"))
        })
        .collect::<Result<_, _>>()?;
    let [lat, lon, km] = numbers[..] else {
        return Err("expected LAT,LON,KM".into());
    };
    let valid = (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && km > 0.0
        && km.is_finite();
    if !valid {
        return Err(
            "latitude within ±90, longitude within ±180 and a positive distance, please".into(),
        );
    }
    Ok(Near { lat, lon, km })
}

/// Opens FILE, or standard output, for a writer that may cross threads.
pub fn send_output(path: Option<&std::path::Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(std::io::stdout())),
    })
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let store = args.store.open(global)?;
    let query = EventQuery {
        kind: args.kind,
        actor: args.actor,
        place: args.place,
        near: args.near,
        since: args.since,
        until: args.until,
        text: args.text,
        limit: args.limit,
    };
    let mut out = send_output(args.output.as_deref())?;
    let format = match args.format {
        ListFormat::Table => {
            let events = store.events(&query)?;
            print_table(&mut out, &events)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        ListFormat::Jsonl => Format::Jsonl,
        ListFormat::Csv => Format::AcledCsv,
        ListFormat::Geojson => Format::Geojson,
    };
    let mut writer = export::writer(format, out, &countries(global)?)?;
    store.visit_events(&query, |event| writer.write(&event))?;
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn print_table(out: &mut dyn Write, events: &[StoredEvent]) -> Result<()> {
    let cells: Vec<Vec<String>> = events
        .iter()
        .map(|stored| {
            let event = &stored.event;
            let location = event.location.as_ref();
            let actor = |actor: &Option<sitrep::ActorId>| {
                actor.as_ref().map(|a| a.to_string()).unwrap_or_default()
            };
            vec![
                stored.id.to_string(),
                event
                    .date
                    .map(|date| date.start.to_string())
                    .unwrap_or_default(),
                event.kind.as_str().to_string(),
                event.modality.as_str().to_string(),
                actor(&event.actor1),
                actor(&event.actor2),
                location.map(|l| l.name.clone()).unwrap_or_default(),
                location.and_then(|l| l.admin1.clone()).unwrap_or_default(),
                location.and_then(|l| l.country.clone()).unwrap_or_default(),
                stored.n_sources.to_string(),
                event.evidence.clone(),
            ]
        })
        .collect();
    let headers = [
        "id", "date", "kind", "modality", "actor1", "actor2", "place", "admin1", "cc", "sources",
        "evidence",
    ];
    table::write(out, &headers, &cells)?;
    Ok(())
}
