/*!
`sitrep control`: who holds what, at a date or over a place's history.
*/

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use jiff::civil::Date;
use sitrep_store::ControlRow;

use super::{StoreArgs, output, parse_published, write_jsonl};
use crate::{Global, table};

/// Show the control timeline: each place's controller at a date, or one place's history.
///
/// `--at DATE` lists every place with its controller as of that date, since when, the claim
/// that says so, and the claims of other controllers on the same days (conflicting sources);
/// without `--at` (and `--place`), as of the latest change of hands in the store.
/// `--place NAME` lists every change of hands of that place. The timeline comes from the control
/// facts `sitrep ingest` stored (a capture counts once the extraction has made it one).
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// The date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_published, conflicts_with = "place")]
    at: Option<Date>,
    /// Only places in this country (ISO 3166 alpha-2).
    #[arg(long, value_name = "CC", conflicts_with = "place")]
    country: Option<String>,
    /// Only places in this state, region or province.
    #[arg(long, value_name = "NAME", conflicts_with = "place")]
    admin1: Option<String>,
    /// The history of the places of this name.
    #[arg(long, value_name = "NAME")]
    place: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: TableFormat,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// How a listing is printed.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object a line.
    Jsonl,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let store = args.store.open(global)?;
    let at = match (args.at, &args.place) {
        (Some(at), _) => Some(at),
        (None, Some(_)) => None,
        (None, None) => {
            let latest = store.latest_control_date()?;
            if let (Some(latest), false) = (latest, global.quiet) {
                eprintln!("sitrep: control as of {latest}, the latest change of hands stored");
            }
            latest
        }
    };
    let rows = match (&args.place, at) {
        (Some(place), _) => store.control_history(place)?,
        (None, Some(at)) => {
            store.control_at(at, args.country.as_deref(), args.admin1.as_deref())?
        }
        (None, None) => Vec::new(),
    };
    let mut out = output(args.output.as_deref())?;
    match args.format {
        TableFormat::Jsonl => rows.iter().try_for_each(|row| write_jsonl(&mut out, row))?,
        TableFormat::Table => print_table(&mut out, &rows)?,
    }
    out.flush()?;
    if rows.is_empty() && !global.quiet {
        eprintln!("sitrep: no control periods match (run `sitrep ingest` first?)");
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(out: &mut dyn Write, rows: &[ControlRow]) -> Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let conflicts: Vec<String> = row
                .conflicts
                .iter()
                .map(|c| format!("{} {} ({})", c.controller, c.date, c.doc))
                .collect();
            vec![
                row.place.clone(),
                row.country.clone().unwrap_or_default(),
                row.admin1.clone().unwrap_or_default(),
                row.controller.clone(),
                row.since.to_string(),
                row.until.map(|date| date.to_string()).unwrap_or_default(),
                row.n_claims.to_string(),
                conflicts.join("; "),
                format!("{}: {}", row.doc, row.evidence),
            ]
        })
        .collect();
    let headers = [
        "place",
        "cc",
        "admin1",
        "controller",
        "since",
        "until",
        "claims",
        "conflicting claims",
        "evidence",
    ];
    table::write(out, &headers, &cells)?;
    Ok(())
}
