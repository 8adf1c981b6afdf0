/*!
Text helpers shared by the stages: name folding for comparison.
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

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_diacritics_apostrophes_and_spaces() {
        assert_eq!(fold("  Ta’ang   National "), "ta'ang national");
        assert_eq!(fold("Al Jazīrah"), "al jazirah");
        assert_eq!(fold("Kurakhove"), "kurakhove");
    }
}
