/*!
A TimeML reader: the text of a `.tml` file, its creation time and its TIMEX3
annotations, for running the tagger on TempEval-3 data and scoring it.

The text is what lies inside `<TEXT>…</TEXT>` with every tag removed and the
five XML entities decoded; annotation offsets are byte offsets into that text.
The document creation time (DCT) is the TIMEX3 whose `functionInDocument` is
`CREATION_TIME`, wherever it stands. Parsing works on a `&str`, does no I/O, and
reports malformed input as an error rather than panicking.
*/

use std::fmt;

use jiff::civil::Date;

use super::TimexType;
use crate::span::Span;

/// One TIMEX3 annotation (or one system expression, for scoring).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Its text, as byte offsets into the document text.
    pub span: Span,
    /// TIMEX3 type; `None` when the annotation gives none or an unknown one.
    pub timex_type: Option<TimexType>,
    /// TIMEX3 value (`1998-01-08`, `P1W`, `PRESENT_REF`); empty when absent.
    pub value: String,
}

/// A TimeML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimemlDoc {
    /// The `<DOCID>`, when there is one.
    pub id: Option<String>,
    /// The document creation time, the anchor of relative expressions.
    pub dct: Option<Date>,
    /// The text inside `<TEXT>`, tags removed.
    pub text: String,
    /// The TIMEX3 annotations inside `<TEXT>`, in text order.
    pub timexes: Vec<Timex>,
}

/// What is wrong with a TimeML file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimemlError {
    /// What and where, in bytes from the start of the file.
    pub message: String,
}

impl fmt::Display for TimemlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TimemlError {}

fn error(message: impl Into<String>) -> TimemlError {
    TimemlError {
        message: message.into(),
    }
}

/// The TIMEX3 type named in TimeML (`DATE`, `TIME`, `DURATION`, `SET`).
pub fn timex_type(name: &str) -> Option<TimexType> {
    Some(match name {
        "DATE" => TimexType::Date,
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => return None,
    })
}

/// Reads a TimeML document.
pub fn parse(xml: &str) -> Result<TimemlDoc, TimemlError> {
    let id = element_text(xml, "DOCID").map(|id| decode(id.trim()));
    let dct = creation_time(xml);
    let open = xml
        .find("<TEXT>")
        .ok_or_else(|| error("no <TEXT> element"))?;
    let body_start = open + "<TEXT>".len();
    let body_len = xml[body_start..]
        .find("</TEXT>")
        .ok_or_else(|| error("<TEXT> is not closed"))?;
    let body = &xml[body_start..body_start + body_len];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open_timex: Option<(usize, Option<TimexType>, String)> = None;
    let mut rest = body;
    while let Some(tag_start) = rest.find('<') {
        text.push_str(&decode(&rest[..tag_start]));
        let tag_len = rest[tag_start..].find('>').ok_or_else(|| {
            error(format!(
                "unclosed tag at byte {}",
                body_start + body.len() - rest.len() + tag_start
            ))
        })?;
        let tag = &rest[tag_start + 1..tag_start + tag_len];
        if let Some(attributes) = tag.strip_prefix("TIMEX3") {
            if open_timex.is_some() {
                return Err(error("nested TIMEX3"));
            }
            let kind = attribute(attributes, "type").and_then(timex_type);
            let value = attribute(attributes, "value")
                .map(decode)
                .unwrap_or_default();
            open_timex = Some((text.len(), kind, value));
        } else if tag.trim() == "/TIMEX3" {
            let (start, timex_type, value) = open_timex
                .take()
                .ok_or_else(|| error("</TIMEX3> without <TIMEX3>"))?;
            timexes.push(Timex {
                span: Span::new(start, text.len()),
                timex_type,
                value,
            });
        }
        rest = &rest[tag_start + tag_len + 1..];
    }
    text.push_str(&decode(rest));
    if open_timex.is_some() {
        return Err(error("a TIMEX3 is not closed"));
    }
    Ok(TimemlDoc {
        id,
        dct,
        text,
        timexes,
    })
}

/// The text of the first `<name>…</name>` element.
fn element_text<'x>(xml: &'x str, name: &str) -> Option<&'x str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let len = xml[start..].find(&format!("</{name}>"))?;
    Some(&xml[start..start + len])
}

/// The date of the TIMEX3 marked `functionInDocument="CREATION_TIME"`.
fn creation_time(xml: &str) -> Option<Date> {
    let mut rest = xml;
    while let Some(start) = rest.find("<TIMEX3") {
        let len = rest[start..].find('>')?;
        let attributes = &rest[start + "<TIMEX3".len()..start + len];
        if attribute(attributes, "functionInDocument") == Some("CREATION_TIME") {
            let value = attribute(attributes, "value")?;
            return value.get(..10).and_then(|day| day.parse().ok());
        }
        rest = &rest[start + len..];
    }
    None
}

/// The value of `name="…"` among a tag's attributes.
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attributes;
    while let Some(at) = rest.find(name) {
        let preceded_ok = at == 0 || rest[..at].ends_with(char::is_whitespace);
        let after = &rest[at + name.len()..];
        if preceded_ok {
            if let Some(quoted) = after.trim_start().strip_prefix('=').map(str::trim_start) {
                if let Some(inner) = quoted.strip_prefix('"') {
                    return inner.find('"').map(|end| &inner[..end]);
                }
            }
        }
        rest = after;
    }
    None
}

/// Decodes the five XML entities and numeric character references.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let entity_len = after.find(';').filter(|len| *len <= 10);
        let decoded = entity_len.and_then(|len| {
            let name = &after[1..len];
            let ch = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix('x') {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((ch, len + 1))
        });
        match decoded {
            Some((ch, consumed)) => {
                out.push(ch);
                rest = &after[consumed..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>SAMPLE.01</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-04T09:00" temporalFunction="false" functionInDocument="CREATION_TIME">March 4</TIMEX3></DCT>
<TEXT>
The shop at R&amp;D Lane <EVENT eid="e1" class="OCCURRENCE">opened</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-03-02" functionInDocument="NONE">two days ago</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn reads_text_annotations_and_creation_time() {
        let doc = parse(SAMPLE).unwrap();
        assert_eq!(doc.id.as_deref(), Some("SAMPLE.01"));
        assert_eq!(doc.dct, Some(jiff::civil::date(2001, 3, 4)));
        assert_eq!(
            doc.text,
            "\nThe shop at R&D Lane opened two days ago for a week.\n"
        );
        assert_eq!(doc.timexes.len(), 2);
        assert_eq!(doc.timexes[0].span.slice(&doc.text), "two days ago");
        assert_eq!(doc.timexes[0].timex_type, Some(TimexType::Date));
        assert_eq!(doc.timexes[1].value, "P1W");
        assert_eq!(doc.timexes[1].span.slice(&doc.text), "a week");
    }

    #[test]
    fn malformed_input_is_an_error() {
        assert!(parse("no text here").is_err());
        assert!(parse("<TEXT>a <TIMEX3 type=\"DATE\">b</TEXT>").is_err());
        assert!(parse("<TEXT>a <TIMEX3 type=\"DATE\"</TEXT>").is_err());
        assert!(parse("<TEXT>a </TIMEX3></TEXT>").is_err());
        assert_eq!(decode("a &amp; b &#65; &bogus; &"), "a & b A &bogus; &");
    }
}
