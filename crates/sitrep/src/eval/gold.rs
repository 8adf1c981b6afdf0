/*!
The gold annotation formats: `NAME.gold.jsonl` (events) and
`NAME.control.gold.jsonl` (control facts), as `CONTRACT.md` defines them.

Gold fields may list several acceptable values (`"actor1": ["KIA", "PDF"]`) and
gold locations may carry `alt_names`; system output never does.
*/

use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::event::{EventKind, Modality};
use crate::place::Precision;
use crate::time::DateInterval;

/// A field that holds one value or a list of acceptable ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One acceptable value.
    One(String),
    /// Several acceptable values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// True when `value` is acceptable.
    pub fn accepts(&self, value: &str) -> bool {
        match self {
            OneOrMany::One(one) => one == value,
            OneOrMany::Many(many) => many.iter().any(|one| one == value),
        }
    }
}

/// A gold location.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldLocation {
    /// The place's name.
    pub name: String,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    /// State, region or province.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
    /// How exactly the gold knows the place.
    pub precision: Precision,
    /// Other spellings that count as the same name.
    #[serde(default)]
    pub alt_names: Vec<String>,
}

/// One gold event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// The article's id.
    pub doc: String,
    /// What happened.
    pub kind: EventKind,
    /// Acceptable actor1 ids, or null for any.
    pub actor1: Option<OneOrMany>,
    /// Acceptable actor2 ids, or null.
    pub actor2: Option<OneOrMany>,
    /// Where, or null for anywhere.
    pub location: Option<GoldLocation>,
    /// When, or null for any time.
    pub date: Option<DateInterval>,
    /// How firmly the article states it.
    pub modality: Modality,
    /// The sentence that states it.
    #[serde(default)]
    pub evidence: String,
    /// Deaths, if the article gives a number.
    #[serde(default)]
    pub fatalities: Option<u32>,
}

/// One gold control fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldControl {
    /// The article's id.
    pub doc: String,
    /// The place's name.
    pub place: String,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    /// State, region or province.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Acceptable controllers.
    pub controller: OneOrMany,
    /// Since when.
    #[serde(default)]
    pub since: Option<Date>,
    /// The sentence that says so.
    #[serde(default)]
    pub evidence: String,
}

/// A line of a JSON Lines file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses JSON Lines, skipping blank lines; bad lines are returned, not fatal.
pub fn parse_jsonl<T: DeserializeOwned>(text: &str) -> (Vec<T>, Vec<LineError>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(record) => records.push(record),
            Err(err) => errors.push(LineError {
                line: idx + 1,
                message: err.to_string(),
            }),
        }
    }
    (records, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lists_nulls_and_bad_lines() {
        let text = r#"{"doc":"d","kind":"armed_clash","actor1":["KIA","PDF"],"actor2":null,"location":null,"date":{"start":"2024-12-04","end":"2024-12-10","precision":"range"},"modality":"asserted","evidence":"x","fatalities":null}

{"doc":"d","kind":"no_such_kind"}
"#;
        let (events, errors): (Vec<GoldEvent>, _) = parse_jsonl(text);
        assert_eq!(events.len(), 1);
        assert!(events[0].actor1.as_ref().unwrap().accepts("PDF"));
        assert!(!events[0].actor1.as_ref().unwrap().accepts("AA"));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
    }
}
