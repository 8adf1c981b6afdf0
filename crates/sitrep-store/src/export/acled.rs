/*!
ACLED-style CSV: ACLED's column names, our kinds mapped to ACLED's event types.

ACLED codes each event with an `event_type` and `sub_event_type` (the table is
in `data/ontology/acled_event_categories.csv` of the shared data); [`acled_type`]
maps our kinds onto them. Kinds ACLED has no type for (displacement, visits,
calls for talks, pressure, trade restrictions) become "Strategic developments /
Other". A capture is "Government regains territory" when the taker is a state
force, else "Non-state actor overtakes territory".

`inter1`/`inter2` use ACLED's numeric actor types, guessed from our actor ids:
1 state forces (`*_GOV`, `MM_MILITARY`), 7 civilians (`CIVILIANS`), 2 any other
armed group; empty without an actor. `interaction` joins the two, lower first.
`time_precision` is 1 for a day, 2 for a stretch of up to a week, 3 for longer;
`geo_precision` 1 for a point or town, 2 for a township, 3 for a state or
country. `country` is the country's name (`resources/export/countries.tsv`), or its
ISO code where the table lacks it; `source` the distinct outlets;
`notes` the evidence sentence; `fatalities` 0 where no number was given, as in
ACLED.
*/

use std::io::Write;

use sitrep::EventKind;
use sitrep::place::Precision;
use sitrep::time::DatePrecision;

use super::{Countries, EventWriter, source_names};
use crate::{Error, Result, StoredEvent};

/// ACLED's columns, in order.
pub const COLUMNS: [&str; 18] = [
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
];

/// ACLED's (event_type, sub_event_type) for a kind; `state_taker` tells whether the actor
/// of a capture is a state force.
pub fn acled_type(kind: EventKind, state_taker: bool) -> (&'static str, &'static str) {
    const BATTLES: &str = "Battles";
    const EXPLOSIONS: &str = "Explosions/Remote violence";
    const VIOLENCE: &str = "Violence against civilians";
    const STRATEGIC: &str = "Strategic developments";
    match kind {
        EventKind::ArmedClash => (BATTLES, "Armed clash"),
        EventKind::TerritoryCaptured if state_taker => (BATTLES, "Government regains territory"),
        EventKind::TerritoryCaptured => (BATTLES, "Non-state actor overtakes territory"),
        EventKind::AirStrike => (EXPLOSIONS, "Air/drone strike"),
        EventKind::Shelling => (EXPLOSIONS, "Shelling/artillery/missile attack"),
        EventKind::RemoteExplosive => (EXPLOSIONS, "Remote explosive/landmine/IED"),
        EventKind::AttackOnCivilians => (VIOLENCE, "Attack"),
        EventKind::Abduction => (VIOLENCE, "Abduction/forced disappearance"),
        EventKind::Protest => ("Protests", "Peaceful protest"),
        EventKind::Riot => ("Riots", "Violent demonstration"),
        EventKind::Agreement => (STRATEGIC, "Agreement"),
        EventKind::Arrest => (STRATEGIC, "Arrests"),
        EventKind::BaseEstablished => (STRATEGIC, "Headquarters or base established"),
        EventKind::PropertyDestruction => (STRATEGIC, "Looting/property destruction"),
        EventKind::Displacement
        | EventKind::VisitOrMeeting
        | EventKind::CallForTalks
        | EventKind::PressureOrThreat
        | EventKind::TradeRestriction => (STRATEGIC, "Other"),
    }
}

/// ACLED's numeric actor type for an actor id (0 for none).
pub fn inter_code(actor: Option<&str>) -> u8 {
    match actor {
        None => 0,
        Some("CIVILIANS") => 7,
        Some(id) if id == "MM_MILITARY" || id.ends_with("_GOV") => 1,
        Some(_) => 2,
    }
}

fn time_precision(date: Option<&sitrep::time::DateInterval>) -> u8 {
    match date {
        Some(date) if date.precision == DatePrecision::Day || date.start == date.end => 1,
        Some(date)
            if date
                .end
                .since(date.start)
                .is_ok_and(|span| span.get_days() <= 6) =>
        {
            2
        }
        _ => 3,
    }
}

fn geo_precision(precision: Option<Precision>) -> &'static str {
    match precision {
        Some(Precision::Point | Precision::Town) => "1",
        Some(Precision::Township) => "2",
        Some(Precision::Admin1 | Precision::Country) => "3",
        None => "",
    }
}

/// The ACLED row of an event.
pub fn row(stored: &StoredEvent, countries: &Countries) -> [String; 18] {
    let event = &stored.event;
    let actor1 = event.actor1.as_ref().map(|actor| actor.as_str());
    let actor2 = event.actor2.as_ref().map(|actor| actor.as_str());
    let (inter1, inter2) = (inter_code(actor1), inter_code(actor2));
    let (event_type, sub_event_type) = acled_type(event.kind, inter1 == 1);
    let interaction = match (inter1, inter2) {
        (0, 0) => String::new(),
        (a, 0) | (0, a) => format!("{a}0"),
        (a, b) => format!("{}{}", a.min(b), a.max(b)),
    };
    let code = |code: u8| {
        if code == 0 {
            String::new()
        } else {
            code.to_string()
        }
    };
    let location = event.location.as_ref();
    let coordinate = |value: Option<f64>| value.map(|v| format!("{v:.4}")).unwrap_or_default();
    [
        event
            .date
            .map(|date| date.start.to_string())
            .unwrap_or_default(),
        time_precision(event.date.as_ref()).to_string(),
        event_type.to_string(),
        sub_event_type.to_string(),
        actor1.unwrap_or_default().to_string(),
        code(inter1),
        actor2.unwrap_or_default().to_string(),
        code(inter2),
        interaction,
        location
            .and_then(|l| l.country.as_deref())
            .map(|code| countries.name(code).unwrap_or(code).to_string())
            .unwrap_or_default(),
        location.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        location.map(|l| l.name.clone()).unwrap_or_default(),
        coordinate(location.and_then(|l| l.lat)),
        coordinate(location.and_then(|l| l.lon)),
        geo_precision(location.map(|l| l.precision)).to_string(),
        source_names(stored),
        event.evidence.clone(),
        event.fatalities.unwrap_or(0).to_string(),
    ]
}

/// Writes ACLED-style CSV.
pub struct CsvWriter<'w> {
    out: csv::Writer<Box<dyn Write + Send + 'w>>,
    countries: Countries,
    n_written: usize,
}

impl<'w> CsvWriter<'w> {
    /// A writer that has written the header.
    pub fn new(out: Box<dyn Write + Send + 'w>, countries: Countries) -> Result<CsvWriter<'w>> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(COLUMNS).map_err(csv_error)?;
        Ok(CsvWriter {
            out,
            countries,
            n_written: 0,
        })
    }
}

fn csv_error(err: csv::Error) -> Error {
    Error::Export(err.to_string())
}

impl EventWriter for CsvWriter<'_> {
    fn write(&mut self, event: &StoredEvent) -> Result<()> {
        self.out
            .write_record(row(event, &self.countries))
            .map_err(csv_error)?;
        self.n_written += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<usize> {
        self.out.flush()?;
        Ok(self.n_written)
    }
}
