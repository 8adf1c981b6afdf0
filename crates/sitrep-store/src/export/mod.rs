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

use std::io::Write;

use crate::{Error, Result, StoredEvent};

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

/// A writer of `format` over `out`.
pub fn writer<'w>(
    format: Format,
    out: Box<dyn Write + Send + 'w>,
) -> Result<Box<dyn EventWriter + 'w>> {
    Ok(match format {
        Format::Jsonl => Box::new(JsonlWriter { out, n_written: 0 }),
        Format::AcledCsv => Box::new(acled::CsvWriter::new(out)?),
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
    event.sources.iter().map(|source| source.doc.as_str()).collect::<Vec<_>>().join("; ")
}
