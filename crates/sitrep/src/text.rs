/*!
Text helpers shared by the stages: name folding for comparison (and comparing two names
folded without building either: events compare place names many times each), where the last word of a text
starts, where a dateline ends, where a phrase stands on word boundaries, and text without its bracketed asides.
*/

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Where the dateline ends: a text that opens with a place name in capitals and, within its
/// first 80 bytes, a dash between spaces has a dateline up to that dash ("KYIV, July 31 (AP)
/// —", "BEIRUT, Lebanon (AP) –", "KYIV - Russian troops", "WAD MADANI, Sudan —"); 0 for any
/// other text ("HAMAS, the militant group, attacked").
pub fn dateline_end(text: &str) -> usize {
    const LONGEST: usize = 80;
    const DASHES: [&str; 3] = [" — ", " – ", " - "];
    let body = text.trim_start();
    let offset = text.len() - body.len();
    let window = &body[..body.floor_char_boundary(LONGEST.min(body.len()))];
    let Some(dash) = DASHES.iter().filter_map(|dash| window.find(dash)).min() else {
        return 0;
    };
    // The place: words all in capitals ("PORT-AU-PRINCE", "WAD MADANI"), then a comma, a
    // bracket or the dash.
    let name_end = window
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-')))
        .unwrap_or(window.len())
        .min(dash);
    let name = body[..name_end].trim_end();
    let letters = name.chars().filter(|c| c.is_uppercase()).count();
    let closes = name.len() == dash || body[name.len()..].trim_start().starts_with([',', '(']);
    if letters >= 3 && closes {
        offset + dash
    } else {
        0
    }
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

/// Byte offset of the first `phrase` in `text` that stands on word boundaries.
pub fn find_word(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase)
        .map(|(idx, _)| idx)
        .find(|&idx| on_word_boundaries(text, idx, idx + phrase.len()))
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
        after_last, dateline_end, find_word, fold, fold_eq, occurrences, without_brackets,
    };
    use proptest::prelude::*;

    #[test]
    fn a_dateline_ends_at_its_dash() {
        assert_eq!(dateline_end("KYIV, July 31 (AP) — Russia fired"), 18);
        assert_eq!(dateline_end("WAD MADANI, Sudan — Soldiers"), 17);
        assert_eq!(dateline_end("  YANGON (wire) — The junta"), 15);
        assert_eq!(dateline_end("KYIV - Russian troops attacked"), 4);
        assert_eq!(dateline_end("HAMAS, the militant group, attacked"), 0);
        assert_eq!(dateline_end("NATO (the alliance) said"), 0);
        assert_eq!(dateline_end("The KIA said"), 0);
        assert_eq!(dateline_end("KIA fighters, residents said"), 0);
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
