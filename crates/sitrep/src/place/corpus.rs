/*!
Readers for the geoparsing gold corpora of "A Pragmatic Guide to Geoparsing
Evaluation" (Gritta et al.): GeoWebNews, TR-News and GeoVirus, from their XML
text (the caller reads the file).

Each article becomes a [`GeoDocument`]: its text and its gold toponyms, with
byte spans into the text, the gold point and, where given, the GeoNames id.
The three files differ:

- GeoWebNews `<toponym>`s have a `<type>`; only those with coordinates are
  toponyms to resolve (literal, metonymic, mixed, modifier and embedded uses;
  not demonyms, languages, homonyms or non-toponyms, which have none);
- TR-News `<toponym>`s carry a `<gaztag geonameid=...>` with `<lat>`/`<lon>`;
- GeoVirus `<location>`s carry `<lat>`/`<lon>` from Wikipedia, no GeoNames id.

The corpora count offsets in characters, and some are off by one; a span whose
text is not the gold name is moved to the nearest occurrence of the name within
a few characters, and dropped if there is none.

The XML is regular enough for a small reader: elements are found by their tags,
CDATA sections and the five XML entities (plus numeric ones) are decoded.
*/

use crate::span::Span;

/// Which corpus a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoCorpus {
    /// GeoWebNews (typed toponyms, GeoNames ids).
    GeoWebNews,
    /// TR-News (GeoNames ids and points).
    TrNews,
    /// GeoVirus (Wikipedia points).
    GeoVirus,
}

impl GeoCorpus {
    /// Tells the corpus from the file's text.
    pub fn sniff(xml: &str) -> Option<GeoCorpus> {
        if xml.contains("<extractedName>") {
            Some(GeoCorpus::GeoWebNews)
        } else if xml.contains("<gaztag") {
            Some(GeoCorpus::TrNews)
        } else if xml.contains("<locations>") {
            Some(GeoCorpus::GeoVirus)
        } else {
            None
        }
    }
}

/// A gold toponym.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldToponym {
    /// Its bytes in the document text.
    pub span: Span,
    /// The name as the corpus gives it.
    pub name: String,
    /// The gold point.
    pub lat: f64,
    /// The gold point.
    pub lon: f64,
    /// The GeoNames id, when the corpus gives one.
    pub geonames_id: Option<String>,
}

/// One article of a corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoDocument {
    /// Position in the file, or the corpus' own id.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Gold toponyms with a point, in file order.
    pub toponyms: Vec<GoldToponym>,
    /// Gold annotations without a point (GeoWebNews' demonyms, homonyms, non-toponyms...):
    /// not to resolve, but a system that finds them has not made them up.
    pub other_spans: Vec<Span>,
}

/// The articles of a corpus file.
pub fn read(xml: &str, corpus: GeoCorpus) -> Vec<GeoDocument> {
    elements(xml, "article")
        .enumerate()
        .filter_map(|(idx, article)| read_article(article, idx, corpus))
        .collect()
}

fn read_article(article: &str, idx: usize, corpus: GeoCorpus) -> Option<GeoDocument> {
    let text = element_text(article, "text")?;
    let mut document = GeoDocument {
        id: idx.to_string(),
        text,
        toponyms: Vec::new(),
        other_spans: Vec::new(),
    };
    let tag = if corpus == GeoCorpus::GeoVirus {
        "location"
    } else {
        "toponym"
    };
    for block in elements(article, tag) {
        let name_tag = match corpus {
            GeoCorpus::GeoWebNews => "extractedName",
            GeoCorpus::TrNews => "phrase",
            GeoCorpus::GeoVirus => "name",
        };
        let Some(name) = element_text(block, name_tag) else {
            continue;
        };
        let (Some(start), Some(end)) = (
            number::<usize>(block, "start"),
            number::<usize>(block, "end"),
        ) else {
            continue;
        };
        let Some(span) = align(&document.text, &name, start, end) else {
            continue;
        };
        let point = match corpus {
            GeoCorpus::GeoWebNews => {
                number::<f64>(block, "latitude").zip(number::<f64>(block, "longitude"))
            }
            GeoCorpus::TrNews | GeoCorpus::GeoVirus => {
                number::<f64>(block, "lat").zip(number::<f64>(block, "lon"))
            }
        };
        let geonames_id = match corpus {
            GeoCorpus::GeoWebNews => element_text(block, "geonamesID").filter(|id| !id.is_empty()),
            GeoCorpus::TrNews => attribute(block, "gaztag", "geonameid"),
            GeoCorpus::GeoVirus => None,
        };
        match point {
            Some((lat, lon)) => document.toponyms.push(GoldToponym {
                span,
                name,
                lat,
                lon,
                geonames_id,
            }),
            None => document.other_spans.push(span),
        }
    }
    Some(document)
}

/// The byte span of `name` given character offsets that may be off by a few characters.
fn align(text: &str, name: &str, start: usize, end: usize) -> Option<Span> {
    let byte_of = |chars: usize| {
        text.char_indices()
            .map(|(byte, _)| byte)
            .chain([text.len()])
            .nth(chars)
    };
    let (start_byte, end_byte) = (byte_of(start)?, byte_of(end)?);
    if text.get(start_byte..end_byte) == Some(name) {
        return Some(Span::new(start_byte, end_byte));
    }
    const SLACK: usize = 8;
    let window_start = text.floor_char_boundary(start_byte.saturating_sub(SLACK));
    let window_end = text.ceil_char_boundary(end_byte + SLACK);
    text[window_start..window_end]
        .match_indices(name)
        .map(|(offset, _)| window_start + offset)
        .min_by_key(|found| found.abs_diff(start_byte))
        .map(|found| Span::new(found, found + name.len()))
}

/// The inner texts of every `<tag ...>...</tag>` in `xml`, in order (not nested in themselves).
fn elements<'x>(xml: &'x str, tag: &str) -> impl Iterator<Item = &'x str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = xml;
    std::iter::from_fn(move || {
        loop {
            let at = rest.find(&open)?;
            let after = &rest[at + open.len()..];
            // `<toponyms>` is not `<toponym>`: the tag name must end here.
            if !after.starts_with(['>', ' ', '/', '\t', '\n']) {
                rest = after;
                continue;
            }
            let head_end = after.find('>')?;
            if after[..head_end].ends_with('/') {
                rest = &after[head_end + 1..];
                return Some("");
            }
            let body = &after[head_end + 1..];
            let body_end = body.find(&close)?;
            rest = &body[body_end + close.len()..];
            return Some(&body[..body_end]);
        }
    })
}

/// The decoded text of the first `<tag>` in `xml`, trimmed.
fn element_text(xml: &str, tag: &str) -> Option<String> {
    let inner = elements(xml, tag).next()?;
    let trimmed = inner.trim();
    if let Some(cdata) = trimmed
        .strip_prefix("<![CDATA[")
        .and_then(|c| c.strip_suffix("]]>"))
    {
        return Some(cdata.to_string());
    }
    Some(unescape(trimmed))
}

fn number<T: std::str::FromStr>(xml: &str, tag: &str) -> Option<T> {
    element_text(xml, tag)?.trim().parse().ok()
}

/// The value of `name="..."` in the first `<tag ...>` opening.
fn attribute(xml: &str, tag: &str, name: &str) -> Option<String> {
    let open = format!("<{tag} ");
    let start = xml.find(&open)? + open.len();
    let head = &xml[start..start + xml[start..].find('>')?];
    let pattern = format!("{name}=\"");
    let value_start = head.find(&pattern)? + pattern.len();
    let value_end = value_start + head[value_start..].find('"')?;
    Some(unescape(&head[value_start..value_end]))
}

/// Decodes the five XML entities and numeric character references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let entity_end = rest[at..].find(';').map(|end| at + end);
        let decoded = entity_end.and_then(|end| {
            let entity = &rest[at + 1..end];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|ch| (ch, end))
        });
        match decoded {
            Some((ch, end)) => {
                out.push(ch);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEB_NEWS: &str = r#"<articles><article file="0"><title>t</title>
<text>Rain fell on Lyon &amp; its suburbs; French farmers left.</text>
<toponyms><toponym><extractedName>Lyon</extractedName><type>Literal</type>
<start>13</start><end>17</end><geonamesID>2996944</geonamesID>
<latitude>45.75</latitude><longitude>4.85</longitude></toponym>
<toponym><extractedName>French</extractedName><type>Demonym</type><start>36</start><end>42</end></toponym>
</toponyms></article></articles>"#;

    #[test]
    fn web_news_toponyms_with_points_are_gold_the_rest_are_other_spans() {
        assert_eq!(GeoCorpus::sniff(WEB_NEWS), Some(GeoCorpus::GeoWebNews));
        let documents = read(WEB_NEWS, GeoCorpus::GeoWebNews);
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert!(document.text.contains("Lyon & its"));
        assert_eq!(document.toponyms.len(), 1);
        let lyon = &document.toponyms[0];
        assert_eq!(lyon.span.slice(&document.text), "Lyon");
        assert_eq!(lyon.geonames_id.as_deref(), Some("2996944"));
        assert_eq!(document.other_spans.len(), 1);
        assert_eq!(document.other_spans[0].slice(&document.text), "French");
    }

    #[test]
    fn tr_news_ids_come_from_the_gaztag_and_offsets_off_by_one_are_aligned() {
        let xml = r#"<articles><article docid="7"><text><![CDATA[Talks in Quito ended.]]></text>
<toponyms><toponym><phrase>Quito</phrase><start>10</start><end>15</end>
<gaztag geonameid="3652462"><name>Quito</name><lat>-0.22</lat><lon>-78.51</lon></gaztag>
</toponym></toponyms></article></articles>"#;
        assert_eq!(GeoCorpus::sniff(xml), Some(GeoCorpus::TrNews));
        let documents = read(xml, GeoCorpus::TrNews);
        let quito = &documents[0].toponyms[0];
        assert_eq!(quito.span, Span::new(9, 14));
        assert_eq!(quito.geonames_id.as_deref(), Some("3652462"));
        assert!((quito.lon + 78.51).abs() < 1e-9);
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            unescape("a &lt;b&gt; &#233;t&#xE9; &bogus; &"),
            "a <b> été &bogus; &"
        );
    }
}
