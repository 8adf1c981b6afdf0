/*!
Text helpers shared by the stages: name folding for comparison, and where the last word of a
text starts.
*/

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name for comparison: lower case, no diacritics, one kind of apostrophe and
/// dash, single spaces ("Ta’ang  Région" and "ta'ang region" fold alike).
pub fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    let mut pending_space = false;
    for ch in name.nfkd().filter(|c| !is_combining_mark(*c)) {
        let ch = match ch {
            '’' | '‘' | '`' | 'ʼ' | '´' => '\'',
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

/// The byte offset just after the last character of `text` that `is_break` accepts, or 0:
/// where the text's last word starts (a character boundary even after a multi-byte space).
pub fn after_last(text: &str, is_break: impl Fn(char) -> bool) -> usize {
    text.char_indices().rev().find(|(_, c)| is_break(*c)).map_or(0, |(idx, c)| idx + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::{after_last, fold};

    #[test]
    fn the_last_word_starts_after_a_multibyte_space() {
        assert_eq!(after_last("junta\u{a0}troops", char::is_whitespace), "junta\u{a0}".len());
        assert_eq!(after_last("troops", char::is_whitespace), 0);
    }

    #[test]
    fn folds_case_diacritics_apostrophes_and_spaces() {
        assert_eq!(fold("  Ta’ang   National "), "ta'ang national");
        assert_eq!(fold("Al Jazīrah"), "al jazirah");
        assert_eq!(fold("Kurakhove"), "kurakhove");
    }
}
