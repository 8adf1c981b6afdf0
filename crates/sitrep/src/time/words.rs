/*!
Words, as the tense cues and range signals count them: runs of letters, digits
and apostrophes, and each dash on its own (a dash is a clause break, or joins
the two ends of a range).

An iterator rather than a list, because its callers mostly want one word (the
last before an expression, the one between two expressions) or one pass over a
sentence: building a vector of every word cost more than the look itself. It
reads from either end, so the last few words before a point cost no more than
they are. ASCII is read byte by byte, anything else char by char.
*/

use crate::span::Span;

/// What one character is to the word splitter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CharKind {
    /// Part of a word: a letter, a digit or an apostrophe.
    Word,
    /// A dash: a word of its own.
    Dash,
    /// Anything else: between words.
    Between,
}

/// The words of `text[span]`, in text order, with their spans. `span` must lie on char
/// boundaries.
pub fn words(text: &str, span: Span) -> Words<'_> {
    Words {
        text,
        at: span.start,
        end: span.end,
    }
}

/// Iterator over the words of a stretch of text; see [`words`].
#[derive(Clone, Debug)]
pub struct Words<'t> {
    text: &'t str,
    at: usize,
    end: usize,
}

impl Words<'_> {
    /// The kind and length in bytes of the char at `self.at`.
    #[inline]
    fn char_at(&self) -> (CharKind, usize) {
        let byte = self.text.as_bytes()[self.at];
        if byte.is_ascii() {
            return (ascii_kind(byte), 1);
        }
        self.text[self.at..self.end]
            .chars()
            .next()
            .map_or((CharKind::Between, 1), non_ascii_kind)
    }

    /// The kind and length in bytes of the char that ends at `self.end`.
    #[inline]
    fn char_before(&self) -> (CharKind, usize) {
        let byte = self.text.as_bytes()[self.end - 1];
        if byte.is_ascii() {
            return (ascii_kind(byte), 1);
        }
        self.text[self.at..self.end]
            .chars()
            .next_back()
            .map_or((CharKind::Between, 1), non_ascii_kind)
    }
}

/// What an ASCII char is to the word splitter.
#[inline]
fn ascii_kind(byte: u8) -> CharKind {
    match byte {
        b'-' => CharKind::Dash,
        b'\'' => CharKind::Word,
        _ if byte.is_ascii_alphanumeric() => CharKind::Word,
        _ => CharKind::Between,
    }
}

/// What a char outside ASCII is to the word splitter, with its length in bytes.
#[cold]
fn non_ascii_kind(ch: char) -> (CharKind, usize) {
    let kind = match ch {
        '–' | '—' => CharKind::Dash,
        '’' => CharKind::Word,
        _ if ch.is_alphanumeric() => CharKind::Word,
        _ => CharKind::Between,
    };
    (kind, ch.len_utf8())
}

impl Iterator for Words<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        while self.at < self.end {
            let start = self.at;
            let (kind, len) = self.char_at();
            self.at += len;
            match kind {
                CharKind::Between => {}
                CharKind::Dash => return Some(Span::new(start, self.at)),
                CharKind::Word => {
                    while self.at < self.end {
                        let (kind, len) = self.char_at();
                        if kind != CharKind::Word {
                            break;
                        }
                        self.at += len;
                    }
                    return Some(Span::new(start, self.at));
                }
            }
        }
        None
    }
}

/// From the end back: the same words, last first ("the last few words before an expression").
impl DoubleEndedIterator for Words<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Span> {
        while self.at < self.end {
            let end = self.end;
            let (kind, len) = self.char_before();
            self.end -= len;
            match kind {
                CharKind::Between => {}
                CharKind::Dash => return Some(Span::new(self.end, end)),
                CharKind::Word => {
                    while self.at < self.end {
                        let (kind, len) = self.char_before();
                        if kind != CharKind::Word {
                            break;
                        }
                        self.end -= len;
                    }
                    return Some(Span::new(self.end, end));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len()))
            .map(|word| word.slice(text))
            .collect()
    }

    #[test]
    fn letters_digits_and_apostrophes_make_words_and_dashes_stand_alone() {
        assert_eq!(
            split("The rebels’ 3rd push—on 2-5 May, (again)."),
            [
                "The",
                "rebels’",
                "3rd",
                "push",
                "—",
                "on",
                "2",
                "-",
                "5",
                "May",
                "again"
            ]
        );
        assert_eq!(split("Élan d'été – fin"), ["Élan", "d'été", "–", "fin"]);
        assert_eq!(split(" … "), Vec::<&str>::new());
        let text = "one two three";
        let inner: Vec<&str> = words(text, Span::new(4, 13))
            .map(|word| word.slice(text))
            .collect();
        assert_eq!(inner, ["two", "three"]);
    }

    #[test]
    fn backwards_gives_the_same_words() {
        for text in [
            "The rebels’ 3rd push—on 2-5 May, (again).",
            "Élan d'été – fin",
            " … ",
            "x",
        ] {
            for start in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                for end in (start..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                    let span = Span::new(start, end);
                    let mut backwards: Vec<Span> = words(text, span).rev().collect();
                    backwards.reverse();
                    assert_eq!(
                        backwards,
                        words(text, span).collect::<Vec<_>>(),
                        "{:?}",
                        span.slice(text)
                    );
                }
            }
        }
    }
}
