/*!
Exports of the invented articles: ACLED's columns and types, GeoJSON that QGIS
reads (flat properties, Points), Parquet read back, JSON Lines.
*/

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::{Arc, Mutex};

use parquet::file::reader::{FileReader, SerializedFileReader};
use sitrep::EventKind;
use sitrep::ResourceFiles;
use sitrep_store::export::{self, Countries, Format, acled};
use sitrep_store::{EventQuery, Store};

use crate::invented::store_with;
use crate::memory_store;

const ACLED_CATEGORIES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ontology/acled_event_categories.csv"
);

/// A `Write` whose bytes stay readable after the writer is boxed away.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn countries() -> Countries {
    Countries::load(&ResourceFiles::embedded()).expect("embedded country names load")
}

fn export(store: &Store, format: Format) -> (Vec<u8>, usize) {
    let bytes = Shared::default();
    let mut writer = export::writer(format, Box::new(bytes.clone()), &countries()).unwrap();
    store
        .visit_events(&EventQuery::default(), |event| writer.write(&event))
        .unwrap();
    let n_written = writer.finish().unwrap();
    let out = bytes.0.lock().unwrap().clone();
    (out, n_written)
}

#[test]
fn every_kind_maps_to_an_acled_type_that_exists() {
    let table = std::fs::read_to_string(ACLED_CATEGORIES).expect("shared ACLED categories");
    let known: BTreeSet<(String, String)> = table
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            (fields[0].to_string(), fields[1].to_string())
        })
        .collect();
    for kind in EventKind::ALL {
        for state_taker in [false, true] {
            let (event_type, sub_event_type) = acled::acled_type(kind, state_taker);
            assert!(
                known.contains(&(event_type.into(), sub_event_type.into())),
                "{kind:?}: {event_type} / {sub_event_type}"
            );
        }
    }
    assert_eq!(
        acled::acled_type(EventKind::TerritoryCaptured, true).1,
        "Government regains territory"
    );
}

#[test]
fn acled_csv_has_acleds_columns_and_codes() {
    let store = store_with(memory_store());
    let (bytes, n_written) = export(&store, Format::AcledCsv);
    assert_eq!(n_written, 4);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, acled::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let capture = rows
        .iter()
        .find(|row| &row[3] == "Non-state actor overtakes territory")
        .expect("capture row");
    assert_eq!(&capture[0], "2030-05-01");
    assert_eq!((&capture[4], &capture[5], &capture[8]), ("XLA", "2", "12"));
    assert_eq!(
        &capture[15], "valley-times.example; north-post.example",
        "the opening report first"
    );
    assert_eq!(&capture[17], "0");
    let strike = rows
        .iter()
        .find(|row| &row[3] == "Air/drone strike")
        .expect("strike row");
    assert_eq!((&strike[5], &strike[7], &strike[8]), ("1", "7", "17"));
    let clash = rows
        .iter()
        .find(|row| &row[3] == "Armed clash")
        .expect("clash row");
    assert_eq!((&clash[1], &clash[14]), ("3", "3"));
}

#[test]
fn acled_country_names_come_from_the_table_and_unknown_codes_stay() {
    let countries = countries();
    assert_eq!(countries.name("mm"), Some("Myanmar"));
    assert_eq!(countries.name("ZZ"), None);
    let store = store_with(memory_store());
    let (bytes, _) = export(&store, Format::AcledCsv);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert!(reader.records().all(|row| &row.unwrap()[9] == "ZZ"));
    let mut files = ResourceFiles::embedded();
    files.set(
        "export/countries.tsv",
        b"MM\tMyanmar\nAF\tAfghanistan\n".to_vec(),
    );
    let err = Countries::load(&files).unwrap_err();
    assert_eq!(
        (err.file.as_str(), err.line),
        ("export/countries.tsv", Some(2))
    );
}

#[test]
fn geojson_is_a_feature_collection_of_points_with_flat_properties() {
    let store = store_with(memory_store());
    let (bytes, n_written) = export(&store, Format::Geojson);
    let collection: serde_json::Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    assert_eq!(
        (features.len(), n_written),
        (3, 3),
        "the clash over a whole state has no point"
    );
    for feature in features {
        assert_eq!(feature["geometry"]["type"], "Point");
        let coordinates = feature["geometry"]["coordinates"].as_array().unwrap();
        assert!(coordinates[0].as_f64().unwrap() > 90.0, "longitude first");
        assert!(
            feature["properties"]
                .as_object()
                .unwrap()
                .values()
                .all(|value| !value.is_object() && !value.is_array())
        );
    }
}

#[test]
fn parquet_reads_back_with_typed_columns() {
    let store = store_with(memory_store());
    let (bytes, n_written) = export(&store, Format::Parquet);
    assert_eq!(n_written, 4);
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).expect("a Parquet file");
    let metadata = reader.metadata();
    assert_eq!(metadata.file_metadata().num_rows(), 4);
    let schema = metadata.file_metadata().schema_descr();
    let names: Vec<&str> = schema
        .columns()
        .iter()
        .map(|column| column.name())
        .collect();
    assert_eq!(names[..3], ["id", "kind", "actor1"]);
    let rows: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| row.unwrap().to_string())
        .collect();
    assert!(rows.iter().any(|row| row.contains("kind: \"territory_captured\"") && row.contains("n_sources: 2")), "{rows:?}");
    assert!(
        rows.iter()
            .any(|row| row.contains("date_start: 2030-05-01")),
        "dates are DATE: {rows:?}"
    );
}

#[test]
fn jsonl_keeps_the_contract_fields_and_the_sources() {
    let store = store_with(memory_store());
    let (bytes, n_written) = export(&store, Format::Jsonl);
    let lines: Vec<serde_json::Value> = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), n_written);
    let event: sitrep::Event = serde_json::from_value(lines[0].clone()).expect("contract-shaped");
    assert_eq!(event.kind, EventKind::TerritoryCaptured);
    assert_eq!(lines[0]["sources"].as_array().unwrap().len(), 2);
}
