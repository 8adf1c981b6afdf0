/*!
GeoJSON for QGIS: a FeatureCollection of Points, one per event with
coordinates, properties flat (strings and numbers only, no nested objects), so
that every property becomes an attribute column.
*/

use std::io::Write;

use serde_json::{Map, Value, json};

use super::{EventWriter, source_docs, source_names};
use crate::row::enum_text;
use crate::{Error, Result, StoredEvent};

pub struct GeojsonWriter<'w> {
    out: Box<dyn Write + Send + 'w>,
    n_written: usize,
}

impl<'w> GeojsonWriter<'w> {
    pub fn new(mut out: Box<dyn Write + Send + 'w>) -> Result<GeojsonWriter<'w>> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
        Ok(GeojsonWriter { out, n_written: 0 })
    }
}

/// The flat properties of an event.
fn properties(stored: &StoredEvent) -> Map<String, Value> {
    let event = &stored.event;
    let location = event.location.as_ref();
    let date = event.date.as_ref();
    let mut properties = Map::new();
    let mut put = |key: &str, value: Value| {
        properties.insert(key.to_string(), value);
    };
    put("id", json!(stored.id));
    put("kind", json!(event.kind.as_str()));
    put("actor1", json!(event.actor1.as_ref().map(|a| a.as_str())));
    put("actor2", json!(event.actor2.as_ref().map(|a| a.as_str())));
    put("place", json!(location.map(|l| &l.name)));
    put("country", json!(location.and_then(|l| l.country.as_ref())));
    put("admin1", json!(location.and_then(|l| l.admin1.as_ref())));
    put(
        "geo_precision",
        json!(location.map(|l| enum_text(&l.precision))),
    );
    put("date_start", json!(date.map(|d| d.start.to_string())));
    put("date_end", json!(date.map(|d| d.end.to_string())));
    put(
        "date_precision",
        json!(date.map(|d| enum_text(&d.precision))),
    );
    put("modality", json!(enum_text(&event.modality)));
    put("fatalities", json!(event.fatalities));
    put("n_sources", json!(stored.n_sources));
    put("n_reports", json!(stored.n_reports));
    put("sources", json!(source_names(stored)));
    put("docs", json!(source_docs(stored)));
    put("evidence", json!(event.evidence));
    properties
}

impl EventWriter for GeojsonWriter<'_> {
    fn write(&mut self, stored: &StoredEvent) -> Result<()> {
        let point = stored
            .event
            .location
            .as_ref()
            .and_then(|location| location.lat.zip(location.lon));
        let Some((lat, lon)) = point.filter(|(lat, lon)| lat.is_finite() && lon.is_finite()) else {
            return Ok(());
        };
        let feature = json!({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties(stored),
        });
        if self.n_written > 0 {
            self.out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut self.out, &feature)
            .map_err(|err| Error::Export(err.to_string()))?;
        self.n_written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<usize> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(self.n_written)
    }
}
