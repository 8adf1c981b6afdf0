/*!
Exports: stored events in the formats analysts paste into their tools.

- [`Format::Jsonl`]: one [`StoredEvent`] a line (the contract's fields, plus
  `id`, `n_sources`, `n_reports` and the `sources`);
- [`Format::AcledCsv`]: ACLED's columns, our kinds mapped to ACLED's event and
  sub-event types ([`acled`]);
- [`Format::Geojson`]: a FeatureCollection of Points with flat properties, as
  QGIS loads it (events without coordinates are left out);
- [`Format::Parquet`]: one row an event, typed columns, Snappy-compressed
  ([`parquet`]), for pandas, DuckDB or Spark.

Every format is written as a stream through [`EventWriter`]: nothing but the
current Parquet row group is held in memory.
*/

pub mod acled;
mod geojson;
pub mod parquet;

use std::collections::BTreeMap;
use std::io::Write;

use sitrep::{ResourceError, ResourceFiles};

use crate::{Error, Result, StoredEvent};

const COUNTRIES_FILE: &str = "export/countries.tsv";

/// Country names by ISO 3166 alpha-2 code, from `resources/export/countries.tsv`.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    names: BTreeMap<String, String>,
}

impl Countries {
    /// Reads `export/countries.tsv`: sorted, unique codes, two tab-separated columns.
    pub fn load(files: &ResourceFiles) -> std::result::Result<Countries, ResourceError> {
        let mut names = BTreeMap::new();
        let mut previous = String::new();
        for (line_no, line) in files.data_lines(COUNTRIES_FILE)? {
            let Some((code, name)) = line.split_once('\t') else {
                return Err(ResourceError::at_line(
                    COUNTRIES_FILE,
                    line_no,
                    "expected code<TAB>name",
                ));
            };
            let valid = code.len() == 2 && code.bytes().all(|byte| byte.is_ascii_uppercase());
            if !valid || name.trim().is_empty() || code <= previous.as_str() {
                return Err(ResourceError::at_line(
                    COUNTRIES_FILE,
                    line_no,
                    "codes must be two capital letters, sorted and unique, with a name",
                ));
            }
            previous = code.to_string();
            names.insert(code.to_string(), name.trim().to_string());
        }
        Ok(Countries { names })
    }

    /// The name of the country with this code (any case), if listed.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.names
            .get(&code.to_ascii_uppercase())
            .map(String::as_str)
    }
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON Lines.
    Jsonl,
    /// ACLED-style CSV.
    AcledCsv,
    /// GeoJSON FeatureCollection.
    Geojson,
    /// Apache Parquet.
    Parquet,
}

/// Writes events one at a time in some format.
pub trait EventWriter {
    /// Writes one event.
    fn write(&mut self, event: &StoredEvent) -> Result<()>;
    /// Writes whatever closes the output and flushes it; returns how many events were
    /// written (formats may leave some out).
    fn finish(self: Box<Self>) -> Result<usize>;
}

/// A writer of `format` over `out`; `countries` name the countries where a format wants
/// names (ACLED's CSV).
pub fn writer<'w>(
    format: Format,
    out: Box<dyn Write + Send + 'w>,
    countries: &Countries,
) -> Result<Box<dyn EventWriter + 'w>> {
    Ok(match format {
        Format::Jsonl => Box::new(JsonlWriter { out, n_written: 0 }),
        Format::AcledCsv => Box::new(acled::CsvWriter::new(out, countries.clone())?),
        Format::Geojson => Box::new(geojson::GeojsonWriter::new(out)?),
        Format::Parquet => Box::new(parquet::ParquetWriter::new(out)?),
    })
}

struct JsonlWriter<'w> {
    out: Box<dyn Write + Send + 'w>,
    n_written: usize,
}

impl EventWriter for JsonlWriter<'_> {
    fn write(&mut self, event: &StoredEvent) -> Result<()> {
        serde_json::to_writer(&mut self.out, event)
            .map_err(|err| Error::Export(err.to_string()))?;
        self.out.write_all(b"\n")?;
        self.n_written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<usize> {
        self.out.flush()?;
        Ok(self.n_written)
    }
}

/// The distinct outlets of an event's sources, or their article ids where outlets are
/// unknown, joined with "; ".
pub fn source_names(event: &StoredEvent) -> String {
    let mut names: Vec<&str> = Vec::new();
    for source in &event.sources {
        let name = source.outlet.as_deref().unwrap_or(&source.doc);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join("; ")
}

/// The article ids of an event's sources, joined with "; ".
pub fn source_docs(event: &StoredEvent) -> String {
    event
        .sources
        .iter()
        .map(|source| source.doc.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
