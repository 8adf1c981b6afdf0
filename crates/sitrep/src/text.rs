/*!
Text helpers shared by the stages: name folding for comparison (and comparing two names
folded without building either: events compare place names many times each), where the last word of a text
starts, where a dateline ends, where a phrase stands on word boundaries, and text without its bracketed asides.
*/

use crate::span::Span;
use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A dateline opening an article: "KYIV, July 31 (AP) —", "KHARTOUM, March 3 (Reuters) -",
/// "BEIRUT (Al Jazeera) –", "WAD MADANI, Sudan —", "BHAMO -".
///
/// Every stage that asks where an article was filed from reads it here: actors and
/// abbreviations are not looked for in it, the place stage reads its place as a town, events
/// do not happen at a foreign one, and the reader takes the publication date from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place's name, in capitals ("KYIV", "PORT-AU-PRINCE").
    pub place: Range<usize>,
    /// Where the dash that closes the dateline starts: the dateline is the text before it,
    /// the place, then perhaps a country, a date and an agency in brackets.
    pub end: usize,
}

impl Dateline {
    /// What the dateline says after its place, in comma-separated parts without the agency
    /// in brackets: the country and the date, when given (["Sudan", "May 6"] of "PORT SUDAN,
    /// Sudan, May 6 (Reuters) -").
    pub fn details(&self, text: &str) -> Vec<String> {
        without_brackets(&text[self.place.end..self.end])
            .split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The dateline opening `text`, if any: a place name in capitals at its start and, within the
/// first 80 bytes, a dash between spaces ("--" too) or a colon ("BANGKOK: "); between them only a comma
/// or a bracket after the name, then capitalised words, numbers and "of" ("GOMA, Democratic
/// Republic of Congo (Reuters) -"), with anything in brackets. "HAMAS, the militant group —
/// ..." is none. A name of one to three capitalised words right before a colon is one too
/// ("Kyiv: ", "New Delhi: ").
/// A heading line before the body ("SUDAN: Eastern Al Jazirah State — Flash Update No. 3") is
/// passed over for the body's own dateline, when it has one.
pub fn dateline(text: &str) -> Option<Dateline> {
    let opening = |text: &str| capitals_dateline(text).or_else(|| colon_dateline(text));
    let after_heading = || {
        let body_start = heading_end(text)?;
        let found = opening(&text[body_start..])?;
        Some(Dateline {
            place: found.place.start + body_start..found.place.end + body_start,
            end: found.end + body_start,
        })
    };
    after_heading().or_else(|| opening(text))
}

/// Where the body starts after a headline that opens `text` ([`is_headline`]), then a line
/// break.
fn heading_end(text: &str) -> Option<usize> {
    let body = text.trim_start();
    let line_end = body.find('\n')?;
    is_headline(&body[..line_end]).then(|| text.len() - body.len() + line_end + 1)
}

/// True for a line of a text of several lines that reads as a headline, a byline or a caption:
/// at most twenty words and no closing punctuation ("Rebels seize Hill Ridge as jets strike
/// Dale", "By Staff Writer").
pub fn is_headline(line: &str) -> bool {
    const MOST_WORDS: usize = 20;
    reads_as_heading(line, MOST_WORDS)
}

/// A dateline whose place is written in capitals ([`dateline`]).
fn capitals_dateline(text: &str) -> Option<Dateline> {
    const LONGEST: usize = 80;
    const DASHES: [&str; 5] = [" — ", " – ", " - ", " -- ", ": "];
    let body = text.trim_start();
    let offset = text.len() - body.len();
    let window = &body[..body.floor_char_boundary(LONGEST.min(body.len()))];
    let dash = DASHES.iter().filter_map(|dash| window.find(dash)).min()?;
    // The place: words all in capitals ("PORT-AU-PRINCE", "WAD MADANI"), then a comma, a
    // bracket or the dash.
    let name_end = window
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-')))
        .unwrap_or(window.len())
        .min(dash);
    let name = body[..name_end].trim_end();
    let letters = name.chars().filter(|c| c.is_uppercase()).count();
    let between = body[name.len()..dash].trim_start();
    let closes = between.is_empty() || between.starts_with([',', '(']);
    let details_read = without_brackets(between)
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .all(|word| {
            word == "of" || word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
    (letters >= 3 && closes && details_read).then(|| Dateline {
        place: offset..offset + name.len(),
        end: offset + dash,
    })
}

/// A dateline of capitalised words right before a colon ("Kyiv: Ukraine's army said ...").
fn colon_dateline(text: &str) -> Option<Dateline> {
    const MOST_WORDS: usize = 3;
    const LONGEST: usize = 40;
    let body = text.trim_start();
    let offset = text.len() - body.len();
    let colon = body[..body.floor_char_boundary(LONGEST.min(body.len()))].find(": ")?;
    let name = &body[..colon];
    let words: Vec<&str> = name.split(' ').collect();
    let place_like = words.len() <= MOST_WORDS
        && words.iter().all(|word| {
            word.starts_with(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        });
    place_like.then(|| Dateline {
        place: offset..offset + colon,
        end: offset + colon,
    })
}

/// Folds a name for comparison: lower case, no diacritics, one kind of apostrophe and
/// dash, single spaces ("Ta’ang  Région" and "ta'ang region" fold alike).
pub fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    let mut pending_space = false;
    for ch in name.nfkd().filter(|c| !is_combining_mark(*c)) {
        let ch = match ch {
            '’' | '‘' | '`' | 'ʼ' | '´' | 'ʻ' | 'ʿ' | 'ʾ' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            other => other,
        };
        if ch.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.extend(ch.to_lowercase());
    }
    folded
}

/// True when `a` and `b` [fold](fold) alike. Plain ASCII names, the usual case, are compared
/// as they fold, byte by byte, without building the folded strings.
pub fn fold_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return ascii_folded(a).eq(ascii_folded(b));
    }
    fold(a) == fold(b)
}

/// The bytes of [`fold`] of an ASCII `name`: its words in lower case, one space between them,
/// the backtick an apostrophe (ASCII has no diacritics nor other dashes or apostrophes).
fn ascii_folded(name: &str) -> impl Iterator<Item = u8> + '_ {
    let fold_byte = |byte: u8| {
        if byte == b'`' {
            b'\''
        } else {
            byte.to_ascii_lowercase()
        }
    };
    name.split(char::is_whitespace)
        .filter(|word| !word.is_empty())
        .enumerate()
        .flat_map(move |(idx, word)| {
            (idx > 0)
                .then_some(b' ')
                .into_iter()
                .chain(word.bytes().map(fold_byte))
        })
}

/// The byte offset just after the last character of `text` that `is_break` accepts, or 0:
/// where the text's last word starts (a character boundary even after a multi-byte space).
pub fn after_last(text: &str, is_break: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .rev()
        .find(|(_, c)| is_break(*c))
        .map_or(0, |(idx, c)| idx + c.len_utf8())
}

/// Byte offset of the first `phrase` in `text` that stands on word boundaries. The phrases
/// are looked for in short spans (a clause, a few words), many times over: the occurrences
/// are those of `match_indices`, but found from their first byte, with no searcher to
/// prepare for each call.
pub fn find_word(text: &str, phrase: &str) -> Option<usize> {
    let Some(&first) = phrase.as_bytes().first() else {
        // The empty phrase stands at every character boundary.
        return text
            .match_indices("")
            .map(|(idx, _)| idx)
            .find(|&idx| on_word_boundaries(text, idx, idx));
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = memchr::memchr(first, &bytes[from..]) {
        let idx = from + offset;
        if !bytes[idx..].starts_with(phrase.as_bytes()) {
            from = idx + 1;
        } else if on_word_boundaries(text, idx, idx + phrase.len()) {
            return Some(idx);
        } else {
            // Occurrences never overlap, as those of `match_indices`.
            from = idx + phrase.len();
        }
    }
    None
}

/// Byte offsets of `needle` in `text`, left to right and never overlapping, as
/// `str::match_indices` gives them, but by a vectorised substring search (`match_indices`
/// compares byte by byte). Preparing the search costs more than `match_indices` saves on a
/// sentence: this is for searching whole documents.
pub fn occurrences<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    // The empty needle is found at every char boundary, as `match_indices` finds it.
    let at_boundaries = needle
        .is_empty()
        .then(|| text.char_indices().map(|(idx, _)| idx).chain([text.len()]));
    let found =
        (!needle.is_empty()).then(|| memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()));
    at_boundaries
        .into_iter()
        .flatten()
        .chain(found.into_iter().flatten())
}

/// The words of `text`, hyphenated compounds whole ("long-range"), without the punctuation
/// and spaces between them.
pub fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
}

/// True when `span` of `text` is a heading: a line of its own, of a few words, that no full
/// stop, question or exclamation mark ends ("Fighting near the border", "'A massacre'").
pub fn is_heading(text: &str, span: Span) -> bool {
    const MAX_WORDS: usize = 8;
    let line_start = text[..span.start].trim_end_matches([' ', '\t']);
    let line_end = text[span.end..].trim_start_matches([' ', '\t']);
    let own_line = (line_start.is_empty() || line_start.ends_with('\n'))
        && (line_end.is_empty() || line_end.starts_with('\n'));
    own_line && reads_as_heading(span.slice(text), MAX_WORDS)
}

/// True when `line` has one to `most_words` words and no full stop, question or exclamation
/// mark, colon or semicolon ends it, closing quotes and brackets aside.
fn reads_as_heading(line: &str, most_words: usize) -> bool {
    let body = line.trim_end().trim_end_matches(['"', '\'', '’', '”', ')']);
    let count = words(body).count();
    !body.ends_with(['.', '!', '?', '…', ':', ';', ',']) && count > 0 && count <= most_words
}

/// True when `head`, less trailing white space, ends with one of `phrases` on a word boundary
/// ("before that" ends "only days before that", not "… beforethat").
pub fn ends_with_phrase(head: &str, phrases: &[String]) -> bool {
    let head = head.trim_end();
    phrases.iter().any(|phrase| {
        head.ends_with(phrase.as_str())
            && !head[..head.len() - phrase.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// True when the bytes `start..end` of `text` have no letter or digit right before or right
/// after them.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// `text` without its bracketed asides, round or square ("Pang War (Pangwa) Town" →
/// "Pang War  Town"); `text` itself, not a copy, when it has no bracket.
pub fn without_brackets(text: &str) -> Cow<'_, str> {
    if !text.contains(['(', '[', ')', ']']) {
        return Cow::Borrowed(text);
    }
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::{
        after_last, dateline, find_word, fold, fold_eq, is_heading, occurrences,
        on_word_boundaries, without_brackets,
    };
    use crate::span::Span;
    use proptest::prelude::*;

    #[test]
    fn short_lines_without_a_full_stop_are_headings() {
        let text = "Troops shelled the market on Monday.\n\n'A massacre'\n\nFighting near the \
                    border\n";
        let heading = |part: &str| {
            let start = text.find(part).unwrap();
            is_heading(text, Span::new(start, start + part.len()))
        };
        assert!(heading("'A massacre'"));
        assert!(heading("Fighting near the border"));
        assert!(!heading("Troops shelled the market on Monday."));
        // A longer line is a sentence that lost its full stop.
        let long = "The rebels said on Monday that they had fought the army for six hours";
        assert!(!is_heading(long, Span::new(0, long.len())));
    }

    /// The place and the dateline of `text`, as text.
    fn read(text: &str) -> Option<(&str, &str)> {
        dateline(text).map(|d| (&text[d.place.clone()], &text[..d.end]))
    }

    #[test]
    fn wire_datelines_end_at_their_dash() {
        let text = "ODESA, March 3 (Reuters) - Drones hit the port overnight.";
        assert_eq!(read(text), Some(("ODESA", "ODESA, March 3 (Reuters)")));
        assert_eq!(dateline(text).unwrap().details(text), ["March 3"]);
        let text = "MOGADISHU (AFP) — A car bomb exploded near a hotel.";
        assert_eq!(read(text), Some(("MOGADISHU", "MOGADISHU (AFP)")));
        let text = "BUKAVU, Congo — Rebels walked into the city unopposed.";
        assert_eq!(read(text), Some(("BUKAVU", "BUKAVU, Congo")));
        let text = "ALEPPO, Syria -- Shells fell on the old market.";
        assert_eq!(read(text), Some(("ALEPPO", "ALEPPO, Syria")));
        let text = "  GAO - Gunmen attacked a convoy.";
        assert_eq!(read(text), Some(("GAO", "  GAO")));
        let text = "PORT-AU-PRINCE, Haiti, 3 May 2031 (wire) – Gangs burned a school.";
        assert_eq!(read(text).map(|r| r.0), Some("PORT-AU-PRINCE"));
        assert_eq!(
            dateline(text).unwrap().details(text),
            ["Haiti", "3 May 2031"]
        );
        let text = "SAN PEDRO, Democratic Republic of Congo (AP) — Troops withdrew.";
        assert_eq!(read(text).map(|r| r.0), Some("SAN PEDRO"));
        let text = "DHAKA: Troops shelled the camp.";
        assert_eq!(read(text), Some(("DHAKA", "DHAKA")));
        let text = "Port Sudan: The army said it had retaken the bridge.";
        assert_eq!(read(text), Some(("Port Sudan", "Port Sudan")));
    }

    #[test]
    fn a_heading_line_is_passed_over_for_the_body_s_dateline() {
        let text = "SUDAN: Eastern Lake State — Update No. 3\n\nPORT SUDAN, 28 October 2024 — Attacks went on.";
        let found = dateline(text).unwrap();
        assert_eq!(&text[found.place.clone()], "PORT SUDAN");
        assert!(text[found.end..].starts_with(" — Attacks"));
        // A body with no dateline of its own keeps the heading's.
        let text = "KYIV: Drones hit the port\n\nDrones hit the port on Monday.";
        assert_eq!(&text[dateline(text).unwrap().place], "KYIV");
    }

    #[test]
    fn capitals_opening_a_sentence_are_no_dateline_by_themselves() {
        for text in [
            "HAMAS, the militant group, said the talks had failed.",
            "HAMAS, the militant group — which runs the enclave — said it would reply.",
            "NATO (the alliance) said it would meet on Friday.",
            "The KIA said it had taken the post - residents agreed.",
            "KIA fighters, residents said, shelled the town - twice.",
            "The KIA said: we hold the town.",
            "Fighting in the hills: a report from the front.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn bracketed_asides_go() {
        assert_eq!(
            without_brackets("Pan Wa (Panwa) Town [sic]"),
            "Pan Wa  Town "
        );
    }

    #[test]
    fn words_are_found_on_their_boundaries_only() {
        assert_eq!(
            find_word("the continues continue to", "continue to"),
            Some(14)
        );
        assert_eq!(find_word("discontinue to", "continue to"), None);
    }

    #[test]
    fn the_last_word_starts_after_a_multibyte_space() {
        assert_eq!(
            after_last("junta\u{a0}troops", char::is_whitespace),
            "junta\u{a0}".len()
        );
        assert_eq!(after_last("troops", char::is_whitespace), 0);
    }

    #[test]
    fn names_compare_as_they_fold() {
        assert!(fold_eq(" Mrauk  U", "mrauk u"));
        assert!(fold_eq("Ta`ang", "ta’ang"));
        assert!(!fold_eq("Mrauk U", "MraukU"));
        assert!(!fold_eq("Bhamo", "Bhamo Town"));
    }

    proptest! {
        #[test]
        fn comparing_folded_names_agrees_with_folding(a in "[ `A-Za-z\t\x0b’é-]{0,8}", b in "[ `A-Za-z\t\x0b’é-]{0,8}") {
            prop_assert_eq!(fold_eq(&a, &b), fold(&a) == fold(&b));
            let upper = a.to_uppercase();
            prop_assert_eq!(fold_eq(&a, &upper), fold(&a) == fold(&upper));
        }

        #[test]
        fn occurrences_are_those_match_indices_finds(text in "[abé —]{0,12}", needle in "[abé —]{0,3}") {
            let expected: Vec<usize> = text.match_indices(needle.as_str()).map(|(idx, _)| idx).collect();
            prop_assert_eq!(occurrences(&text, &needle).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn words_are_found_where_match_indices_finds_them(text in "[aé —]{0,12}", phrase in "[aé —]{0,4}") {
            let expected = text
                .match_indices(phrase.as_str())
                .map(|(idx, _)| idx)
                .find(|&idx| on_word_boundaries(&text, idx, idx + phrase.len()));
            prop_assert_eq!(find_word(&text, &phrase), expected);
        }
    }

    #[test]
    fn occurrences_do_not_overlap() {
        assert_eq!(occurrences("aaaa", "aa").collect::<Vec<_>>(), [0, 2]);
        assert_eq!(occurrences("né", "").collect::<Vec<_>>(), [0, 1, 3]);
    }

    #[test]
    fn folds_case_diacritics_apostrophes_and_spaces() {
        assert_eq!(fold("  Ta’ang   National "), "ta'ang national");
        assert_eq!(fold("Al Jazīrah"), "al jazirah");
        assert_eq!(fold("Haʻikū"), "ha'iku");
        assert_eq!(fold("Ṣanʿāʾ"), "san'a'");
        assert_eq!(fold("Kurakhove"), "kurakhove");
    }
}
