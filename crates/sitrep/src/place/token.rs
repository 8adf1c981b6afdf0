/*!
Word tokens of a sentence, with byte offsets, for the place stage.

A word is a run of letters and digits, with apostrophes, hyphens and periods
kept inside it when a letter or digit follows ("N'Ban", "Mrauk-U", "U.S"), and a
period before a hyphen ("U.S.-owned", one word as "Iran-backed" is).
A final "'s" is a token of its own, so "China's" is the name and its
possessive. Every other non-space character is a punctuation token.
*/

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits.
    Word,
    /// A possessive "'s" split off a word.
    Possessive,
    /// Any other character.
    Punct,
}

/// A token: its bytes and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// True for a word that opens with a capital letter (or an Arabic article before one:
    /// "al-Fashir").
    pub capitalised: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True for a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// The tokens of `text[start..end]`, with offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, start, end, &mut tokens);
    tokens
}

/// The character at byte `at` of `text` and its length in bytes; ASCII takes a fast path.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let ch = text.get(at..)?.chars().next()?;
    Some((ch, ch.len_utf8()))
}

/// A mark kept inside a word when a letter or digit follows it ("N'Ban", "Mrauk-U", "U.S").
fn is_inner_mark(ch: char) -> bool {
    matches!(ch, '\'' | '’' | '-' | '.' | '‐')
}

/// Replaces `tokens` with the tokens of `text[start..end]`, offsets into `text`: the same as
/// [`tokenize`], reusing the buffer.
pub fn tokenize_into(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    tokens.clear();
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let mut at = 0;
    while let Some((ch, len)) = char_at(slice, at) {
        if ch.is_whitespace() {
            at += len;
            continue;
        }
        if !ch.is_alphanumeric() {
            tokens.push(Token {
                start: start + at,
                end: start + at + len,
                kind: TokenKind::Punct,
                capitalised: false,
            });
            at += len;
            continue;
        }
        let word_start = at;
        let mut word_end = at + len;
        let bytes = slice.as_bytes();
        loop {
            // Most words are ASCII letters and digits throughout.
            while bytes.get(word_end).is_some_and(u8::is_ascii_alphanumeric) {
                word_end += 1;
            }
            let Some((next, next_len)) = char_at(slice, word_end) else {
                break;
            };
            let after = char_at(slice, word_end + next_len).map(|(after, _)| after);
            // "U.S.-owned" is one word, as "Iran-backed" is: neither names a place.
            let continues = next.is_alphanumeric()
                || is_inner_mark(next)
                    && (after.is_some_and(char::is_alphanumeric)
                        || next == '.' && after == Some('-'));
            if !continues {
                break;
            }
            word_end += next_len;
        }
        at = word_end;
        let word = &slice[word_start..word_end];
        let possessive = ["'s", "’s"]
            .iter()
            .find(|suffix| word.len() > suffix.len() && word.ends_with(*suffix));
        match possessive {
            Some(suffix) => {
                let split = start + word_end - suffix.len();
                let name = &slice[word_start..word_end - suffix.len()];
                tokens.push(Token {
                    start: start + word_start,
                    end: split,
                    kind: TokenKind::Word,
                    capitalised: capitalised(name),
                });
                tokens.push(Token {
                    start: split,
                    end: start + word_end,
                    kind: TokenKind::Possessive,
                    capitalised: false,
                });
            }
            None => tokens.push(Token {
                start: start + word_start,
                end: start + word_end,
                kind: TokenKind::Word,
                capitalised: capitalised(word),
            }),
        }
    }
}

fn capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(byte) if byte.is_ascii_uppercase() => return !is_participle_compound(word),
        // Only the Arabic articles below open with a lower-case ASCII letter and still count.
        Some(b'a' | b'e') => {}
        Some(byte) if byte.is_ascii() => return false,
        _ => {
            if word.chars().next().is_some_and(char::is_uppercase) {
                return !is_participle_compound(word);
            }
        }
    }
    // Arabic articles: "al-Fashir", "el-Obeid", "ash-Sham".
    [
        "al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-",
    ]
    .iter()
    .find_map(|article| word.strip_prefix(article))
    .and_then(|rest| rest.chars().next())
    .is_some_and(char::is_uppercase)
}

/// True for a name joined to a participle ("TNLA-held", "Russian-occupied", "KIA-led"): an
/// adjective, no part of the capitalised name after it ("in TNLA-held Kyaukme"). A lower-case
/// syllable of a name is no participle ("Hpa-an").
fn is_participle_compound(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.bytes().all(|b| b.is_ascii_lowercase())
            && (tail.len() > 3 && tail.ends_with("ed") || matches!(tail, "held" | "led" | "run"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind, bool)> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| (t.text(text), t.kind, t.capitalised))
            .collect()
    }

    #[test]
    fn a_name_joined_to_a_participle_is_no_capitalised_word() {
        let capitalised: Vec<(&str, bool)> = words("TNLA-held Kyaukme, Russian-occupied Hpa-an")
            .into_iter()
            .map(|(text, _, capitalised)| (text, capitalised))
            .collect();
        assert_eq!(
            capitalised,
            [
                ("TNLA-held", false),
                ("Kyaukme", true),
                (",", false),
                ("Russian-occupied", false),
                ("Hpa-an", true)
            ]
        );
    }

    #[test]
    fn words_keep_inner_marks_and_split_possessives() {
        let tokens =
            words("Rebels near Mrauk-U, the U.S. said; China's envoy met al-Fashir's mayor.");
        let texts: Vec<&str> = tokens.iter().map(|t| t.0).collect();
        assert_eq!(
            texts,
            [
                "Rebels",
                "near",
                "Mrauk-U",
                ",",
                "the",
                "U.S",
                ".",
                "said",
                ";",
                "China",
                "'s",
                "envoy",
                "met",
                "al-Fashir",
                "'s",
                "mayor",
                "."
            ]
        );
        assert_eq!(tokens[10].1, TokenKind::Possessive);
        assert!(tokens[13].2, "al-Fashir counts as capitalised");
        assert!(!tokens[1].2);
        let joined: Vec<&str> = words("a U.S.-owned ship").iter().map(|t| t.0).collect();
        assert_eq!(joined, ["a", "U.S.-owned", "ship"]);
    }

    #[test]
    fn offsets_point_into_the_whole_text() {
        let text = "Skip this. Keep Bhamo Town.";
        let tokens = tokenize(text, 11, text.len());
        assert_eq!(tokens[1].text(text), "Bhamo");
        assert_eq!(tokens.len(), 4);
    }
}
