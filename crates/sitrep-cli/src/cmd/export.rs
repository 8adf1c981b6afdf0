/*!
`sitrep export`: every stored event, in a format for other tools.
*/

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use sitrep_store::EventQuery;
use sitrep_store::export::{self, Format};

use super::events::send_output;
use super::{StoreArgs, countries};
use crate::Global;

/// Export the stored events.
///
/// acled-csv: ACLED's columns, our kinds mapped to ACLED event types; geojson: Points with
/// flat properties, for QGIS; jsonl: one event a line with its sources; parquet: typed
/// columns, for pandas, DuckDB or Spark (needs --output).
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    /// ACLED-style CSV.
    AcledCsv,
    /// GeoJSON FeatureCollection.
    Geojson,
    /// JSON Lines.
    Jsonl,
    /// Apache Parquet.
    Parquet,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let format = match args.format {
        ExportFormat::AcledCsv => Format::AcledCsv,
        ExportFormat::Geojson => Format::Geojson,
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Parquet => Format::Parquet,
    };
    if format == Format::Parquet && args.output.is_none() {
        bail!("Parquet is binary: name a file with --output");
    }
    let store = args.store.open(global)?;
    let mut writer = export::writer(
        format,
        send_output(args.output.as_deref())?,
        &countries(global)?,
    )?;
    let n_events = store.visit_events(&EventQuery::default(), |event| writer.write(&event))?;
    let n_written = writer.finish()?;
    if !global.quiet {
        eprintln!("sitrep: {n_written} of {n_events} events exported");
    }
    Ok(ExitCode::SUCCESS)
}
