/*!
Parquet export through the `parquet` crate's column writers, without Arrow.

Arrow and Parquet's Arrow layer take minutes to build; the bare `parquet` crate
(no default features, Snappy only) builds in about 25 s and writes the same
files. Rows are buffered column by column and written as a row group every
[`ROW_GROUP_ROWS`] events. Dates are Parquet `DATE` (days since 1970-01-01),
text is `STRING`, so pandas, DuckDB and Spark read typed columns.
*/

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DataType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedFileWriter, SerializedRowGroupWriter};
use parquet::schema::parser::parse_message_type;

use super::{EventWriter, source_docs, source_names};
use crate::rebuild::day_number;
use crate::row::enum_text;
use crate::{Error, Result, StoredEvent};

/// Events per row group.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The file's schema; the buffers are written in the order of its fields.
pub const SCHEMA: &str = "
message event {
  required int64 id;
  required binary kind (STRING);
  optional binary actor1 (STRING);
  optional binary actor2 (STRING);
  optional binary place (STRING);
  optional binary country (STRING);
  optional binary admin1 (STRING);
  optional double latitude;
  optional double longitude;
  optional binary geo_precision (STRING);
  optional int32 date_start (DATE);
  optional int32 date_end (DATE);
  optional binary date_precision (STRING);
  required binary modality (STRING);
  optional int32 fatalities;
  required int32 n_sources;
  required int32 n_reports;
  required binary sources (STRING);
  required binary docs (STRING);
  required binary evidence (STRING);
}
";

/// One column's values, and its definition levels when it is optional.
struct Column<T> {
    values: Vec<T>,
    levels: Option<Vec<i16>>,
}

impl<T> Column<T> {
    fn required() -> Column<T> {
        Column {
            values: Vec::new(),
            levels: None,
        }
    }

    fn optional() -> Column<T> {
        Column {
            values: Vec::new(),
            levels: Some(Vec::new()),
        }
    }

    fn push(&mut self, value: T) {
        self.values.push(value);
        if let Some(levels) = &mut self.levels {
            levels.push(1);
        }
    }

    fn push_option(&mut self, value: Option<T>) {
        match value {
            Some(value) => self.push(value),
            None => self.levels.get_or_insert_with(Vec::new).push(0),
        }
    }

    fn clear(&mut self) {
        self.values.clear();
        if let Some(levels) = &mut self.levels {
            levels.clear();
        }
    }
}

fn text(value: &str) -> ByteArray {
    ByteArray::from(value.as_bytes().to_vec())
}

/// The buffered columns, one field per schema field.
struct Buffers {
    id: Column<i64>,
    kind: Column<ByteArray>,
    actor1: Column<ByteArray>,
    actor2: Column<ByteArray>,
    place: Column<ByteArray>,
    country: Column<ByteArray>,
    admin1: Column<ByteArray>,
    latitude: Column<f64>,
    longitude: Column<f64>,
    geo_precision: Column<ByteArray>,
    date_start: Column<i32>,
    date_end: Column<i32>,
    date_precision: Column<ByteArray>,
    modality: Column<ByteArray>,
    fatalities: Column<i32>,
    n_sources: Column<i32>,
    n_reports: Column<i32>,
    sources: Column<ByteArray>,
    docs: Column<ByteArray>,
    evidence: Column<ByteArray>,
    n_rows: usize,
}

impl Buffers {
    fn new() -> Buffers {
        Buffers {
            id: Column::required(),
            kind: Column::required(),
            actor1: Column::optional(),
            actor2: Column::optional(),
            place: Column::optional(),
            country: Column::optional(),
            admin1: Column::optional(),
            latitude: Column::optional(),
            longitude: Column::optional(),
            geo_precision: Column::optional(),
            date_start: Column::optional(),
            date_end: Column::optional(),
            date_precision: Column::optional(),
            modality: Column::required(),
            fatalities: Column::optional(),
            n_sources: Column::required(),
            n_reports: Column::required(),
            sources: Column::required(),
            docs: Column::required(),
            evidence: Column::required(),
            n_rows: 0,
        }
    }

    fn push(&mut self, stored: &StoredEvent) {
        let event = &stored.event;
        let location = event.location.as_ref();
        let date = event.date.as_ref();
        let day = |date: jiff::civil::Date| i32::try_from(day_number(date)).unwrap_or(0);
        self.id.push(stored.id);
        self.kind.push(text(event.kind.as_str()));
        self.actor1
            .push_option(event.actor1.as_ref().map(|a| text(a.as_str())));
        self.actor2
            .push_option(event.actor2.as_ref().map(|a| text(a.as_str())));
        self.place.push_option(location.map(|l| text(&l.name)));
        self.country
            .push_option(location.and_then(|l| l.country.as_deref()).map(text));
        self.admin1
            .push_option(location.and_then(|l| l.admin1.as_deref()).map(text));
        self.latitude.push_option(location.and_then(|l| l.lat));
        self.longitude.push_option(location.and_then(|l| l.lon));
        self.geo_precision
            .push_option(location.map(|l| text(&enum_text(&l.precision))));
        self.date_start.push_option(date.map(|d| day(d.start)));
        self.date_end.push_option(date.map(|d| day(d.end)));
        self.date_precision
            .push_option(date.map(|d| text(&enum_text(&d.precision))));
        self.modality.push(text(&enum_text(&event.modality)));
        self.fatalities.push_option(
            event
                .fatalities
                .map(|n| i32::try_from(n).unwrap_or(i32::MAX)),
        );
        self.n_sources
            .push(i32::try_from(stored.n_sources).unwrap_or(i32::MAX));
        self.n_reports
            .push(i32::try_from(stored.n_reports).unwrap_or(i32::MAX));
        self.sources.push(text(&source_names(stored)));
        self.docs.push(text(&source_docs(stored)));
        self.evidence.push(text(&event.evidence));
        self.n_rows += 1;
    }

    /// Writes the buffered rows as one row group, in schema order, and empties the buffers.
    fn write<W: Write + Send>(
        &mut self,
        file: &mut SerializedFileWriter<W>,
    ) -> parquet::errors::Result<()> {
        let mut group = file.next_row_group()?;
        write_column::<Int64Type, W>(&mut group, &mut self.id)?;
        write_column::<ByteArrayType, W>(&mut group, &mut self.kind)?;
        for column in [
            &mut self.actor1,
            &mut self.actor2,
            &mut self.place,
            &mut self.country,
            &mut self.admin1,
        ] {
            write_column::<ByteArrayType, W>(&mut group, column)?;
        }
        write_column::<DoubleType, W>(&mut group, &mut self.latitude)?;
        write_column::<DoubleType, W>(&mut group, &mut self.longitude)?;
        write_column::<ByteArrayType, W>(&mut group, &mut self.geo_precision)?;
        write_column::<Int32Type, W>(&mut group, &mut self.date_start)?;
        write_column::<Int32Type, W>(&mut group, &mut self.date_end)?;
        write_column::<ByteArrayType, W>(&mut group, &mut self.date_precision)?;
        write_column::<ByteArrayType, W>(&mut group, &mut self.modality)?;
        for column in [
            &mut self.fatalities,
            &mut self.n_sources,
            &mut self.n_reports,
        ] {
            write_column::<Int32Type, W>(&mut group, column)?;
        }
        for column in [&mut self.sources, &mut self.docs, &mut self.evidence] {
            write_column::<ByteArrayType, W>(&mut group, column)?;
        }
        group.close()?;
        self.n_rows = 0;
        Ok(())
    }
}

fn write_column<T: DataType, W: Write + Send>(
    group: &mut SerializedRowGroupWriter<'_, W>,
    column: &mut Column<T::T>,
) -> parquet::errors::Result<()> {
    let mut writer = group.next_column()?.ok_or_else(|| {
        parquet::errors::ParquetError::General("more buffers than schema columns".into())
    })?;
    writer
        .typed::<T>()
        .write_batch(&column.values, column.levels.as_deref(), None)?;
    writer.close()?;
    column.clear();
    Ok(())
}

/// Writes events as a Parquet file.
pub struct ParquetWriter<'w> {
    file: SerializedFileWriter<Box<dyn Write + Send + 'w>>,
    buffers: Buffers,
    n_written: usize,
}

fn parquet_error(err: parquet::errors::ParquetError) -> Error {
    Error::Export(format!("parquet: {err}"))
}

impl<'w> ParquetWriter<'w> {
    /// A writer over `out`.
    pub fn new(out: Box<dyn Write + Send + 'w>) -> Result<ParquetWriter<'w>> {
        let schema = Arc::new(parse_message_type(SCHEMA).map_err(parquet_error)?);
        let properties = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let file = SerializedFileWriter::new(out, schema, properties).map_err(parquet_error)?;
        Ok(ParquetWriter {
            file,
            buffers: Buffers::new(),
            n_written: 0,
        })
    }
}

impl EventWriter for ParquetWriter<'_> {
    fn write(&mut self, event: &StoredEvent) -> Result<()> {
        self.buffers.push(event);
        self.n_written += 1;
        if self.buffers.n_rows >= ROW_GROUP_ROWS {
            self.buffers.write(&mut self.file).map_err(parquet_error)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<usize> {
        if self.buffers.n_rows > 0 {
            self.buffers.write(&mut self.file).map_err(parquet_error)?;
        }
        let mut out = self.file.into_inner().map_err(parquet_error)?;
        out.flush()?;
        Ok(self.n_written)
    }
}
