/*!
Sentence segmentation for news prose.

A sentence ends at `.`, `!`, `?` or `…`, with any closing quotes and brackets
that follow, when white space and then something other than a lower-case letter
come next. A line break always ends a sentence (paragraphs never run on), and
nothing inside brackets ends one ("yesterday [8 December]", "(about 64 km.)").
A period with no white space after it ends a sentence only when a capitalised word
is glued to a lower-case word or a number ("shelling.On Sunday").
A period does not end a sentence after an initial ("N. Aung"), a title
("Gen. N'Ban La"), a month or "No." before a number ("Jan. 8", "No. 5"), or an
acronym ("U.S.") unless a common sentence opener follows. Quotations that run
over several sentences are split into their sentences; the closing quote stays
with the sentence it ends.

The abbreviation classes and the list of openers are data:
`resources/sentence/abbreviations.tsv` and `resources/sentence/openers.txt`.
*/

use std::collections::HashSet;

use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

const ABBREVIATIONS: &str = "sentence/abbreviations.tsv";
const OPENERS: &str = "sentence/openers.txt";
const NON_PROSE: &str = "sentence/non_prose.txt";

/// The compiled splitter.
#[derive(Clone, Debug, Default)]
pub struct SentenceSplitter {
    titles: HashSet<String>,
    before_number: HashSet<String>,
    may_end: HashSet<String>,
    openers: HashSet<String>,
    /// Openers, lower case, of lines that tell no news ("read more", "photo:").
    non_prose_openers: Vec<String>,
}

impl SentenceSplitter {
    /// Compiles the splitter from its two resource files.
    pub fn load(files: &ResourceFiles) -> Result<SentenceSplitter, ResourceError> {
        let mut splitter = SentenceSplitter::default();
        for (line_no, line) in files.data_lines(ABBREVIATIONS)? {
            let (abbreviation, class) = line.split_once('\t').ok_or_else(|| {
                ResourceError::at_line(ABBREVIATIONS, line_no, "expected `abbreviation<TAB>class`")
            })?;
            let set = match class.trim() {
                "title" => &mut splitter.titles,
                "before_number" => &mut splitter.before_number,
                "may_end" => &mut splitter.may_end,
                other => {
                    return Err(ResourceError::at_line(
                        ABBREVIATIONS,
                        line_no,
                        format!("unknown class {other:?}: use title, before_number or may_end"),
                    ));
                }
            };
            set.insert(abbreviation.trim().to_string());
        }
        for (_, line) in files.data_lines(OPENERS)? {
            splitter.openers.insert(line.trim().to_string());
        }
        for (_, line) in files.data_lines(NON_PROSE)? {
            splitter.non_prose_openers.push(line.trim().to_lowercase());
        }
        Ok(splitter)
    }

    /// The lines of `text` that tell no news, as trimmed spans in order: a heading, a byline or
    /// a caption ([`crate::text::is_headline`], when the text has more than one line), and a line
    /// that a `non_prose.txt` opener opens ("READ MORE: …", "Photo: …", "A file photo shows …").
    /// A headline repeats the story the body tells; a link tells another.
    pub fn non_prose(&self, text: &str) -> Vec<Span> {
        let lines: Vec<Span> = line_spans(text).collect();
        let several = lines.len() > 1;
        lines
            .into_iter()
            .filter(|line| {
                let line_text = line.slice(text);
                let opens = |opener: &String| {
                    line_text
                        .get(..opener.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(opener))
                };
                several && crate::text::is_headline(line_text)
                    || self.non_prose_openers.iter().any(opens)
            })
            .collect()
    }

    /// The sentences of `text`, as trimmed, non-empty spans in order.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut sentences = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            self.split_line(text, line_start, line_start + line.len(), &mut sentences);
            line_start += line.len();
        }
        sentences
    }

    fn split_line(&self, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
        let line = &text[start..end];
        let mut sentence_start = start;
        let mut bracket_depth = 0usize;
        let mut chars = line.char_indices().peekable();
        while let Some((offset, ch)) = chars.next() {
            match ch {
                '(' | '[' | '{' => bracket_depth += 1,
                ')' | ']' | '}' => bracket_depth = bracket_depth.saturating_sub(1),
                '.' | '!' | '?' | '…' if bracket_depth == 0 => {
                    // Swallow the rest of the terminal run and any closing quotes or brackets.
                    let mut boundary = start + offset + ch.len_utf8();
                    while let Some(&(next_offset, next)) = chars.peek() {
                        if matches!(
                            next,
                            '.' | '!' | '?' | '…' | '”' | '’' | '"' | '\'' | ')' | ']'
                        ) {
                            boundary = start + next_offset + next.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    if self.ends_sentence(text, start + offset, ch, boundary, end) {
                        push_trimmed(text, sentence_start, boundary, out);
                        sentence_start = boundary;
                    }
                }
                _ => {}
            }
        }
        push_trimmed(text, sentence_start, end, out);
    }

    /// Whether the terminal `ch` at `at`, whose run ends at `boundary`, ends a sentence.
    fn ends_sentence(&self, text: &str, at: usize, ch: char, boundary: usize, end: usize) -> bool {
        let rest = &text[boundary..end];
        let after_space = rest.trim_start();
        if after_space.is_empty() {
            return true;
        }
        if after_space.len() == rest.len() {
            // No white space: "U.S.-backed", "3.5" and "kachinnews.com" go on, but a word glued
            // to the last one of a sentence does not ("shelling.On Sunday").
            return ch == '.' && self.starts_glued_sentence(word_before(text, at), rest);
        }
        let next_char = after_space.chars().next().unwrap_or(' ');
        if next_char.is_lowercase() {
            return false;
        }
        if ch != '.' {
            return true;
        }
        let word = word_before(text, at);
        if word.is_empty() {
            return true;
        }
        if is_initial(word) || self.titles.contains(word) {
            return false;
        }
        if self.before_number.contains(word) && next_char.is_ascii_digit() {
            return false;
        }
        if self.may_end.contains(word) || word.contains('.') {
            let next_word: String = after_space
                .chars()
                .skip_while(|c| matches!(c, '“' | '"' | '‘' | '\'' | '(' | '['))
                .take_while(|c| c.is_alphanumeric())
                .collect();
            return self.openers.contains(&next_word);
        }
        true
    }

    /// Whether `rest`, straight after the period that ends `word`, is a capitalised word
    /// starting a new sentence: `word` is a lower-case word or a number, not an abbreviation.
    fn starts_glued_sentence(&self, word: &str, rest: &str) -> bool {
        let mut next = rest.chars();
        let capitalised_word = matches!(
            (next.next(), next.next()),
            (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase()
        );
        let last = word.chars().last();
        let sentence_end = (last.is_some_and(|c| c.is_ascii_digit())
            || (word.chars().count() >= 2 && last.is_some_and(char::is_lowercase)))
            && !word.contains('.')
            && !self.titles.contains(word)
            && !self.before_number.contains(word)
            && !self.may_end.contains(word);
        capitalised_word && sentence_end
    }
}

/// The word (letters, digits and inner periods) that ends just before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(idx, _)| idx);
    head[start..].trim_start_matches('.')
}

/// One capital letter ("N" in "U Kyaw N. Aung"): an initial.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The non-empty lines of `text`, trimmed.
fn line_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let line_start = start;
        start += line.len();
        let trimmed = line.trim_start();
        let from = line_start + line.len() - trimmed.len();
        let to = from + trimmed.trim_end().len();
        (to > from).then(|| Span::new(from, to))
    })
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trailing = piece.len() - piece.trim_end().len();
    if leading + trailing < piece.len() {
        out.push(Span::new(start + leading, end - trailing));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let splitter = SentenceSplitter::load(&ResourceFiles::embedded()).unwrap();
        splitter
            .split(text)
            .iter()
            .map(|span| span.slice(text))
            .collect()
    }

    #[test]
    fn headings_captions_and_links_tell_no_news() {
        let splitter = SentenceSplitter::load(&ResourceFiles::embedded()).unwrap();
        let text = "Rebels seize Hill Ridge as jets strike Dale\nBy Staff Writer\n\nDALE — Rebels took \
                    Hill Ridge on Monday.\nPhoto: Smoke over Dale (supplied).\nREAD MORE: Jets \
                    bomb Dale market\nFighting goes on\nThe junta said:\n\"We will retake it.\"";
        let lines: Vec<&str> = splitter
            .non_prose(text)
            .iter()
            .map(|span| span.slice(text))
            .collect();
        assert_eq!(
            lines,
            [
                "Rebels seize Hill Ridge as jets strike Dale",
                "By Staff Writer",
                "Photo: Smoke over Dale (supplied).",
                "READ MORE: Jets bomb Dale market",
                "Fighting goes on"
            ]
        );
        // One line alone is prose, closing punctuation or not.
        assert!(
            splitter
                .non_prose("Rebels took Hill Ridge on Monday")
                .is_empty()
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Gen. Tun Lwin and Lt. Col. Aye met U Kyaw N. Aung. They talked."),
            vec![
                "Gen. Tun Lwin and Lt. Col. Aye met U Kyaw N. Aung.",
                "They talked."
            ]
        );
    }

    #[test]
    fn months_and_numbers() {
        assert_eq!(
            split("On Jan. 8 the No. 5 brigade moved. It was Dec. Then rain came."),
            vec![
                "On Jan. 8 the No. 5 brigade moved.",
                "It was Dec.",
                "Then rain came."
            ]
        );
        assert_eq!(
            split("Prices rose 3.5 percent. Sales fell."),
            vec!["Prices rose 3.5 percent.", "Sales fell."]
        );
    }

    #[test]
    fn acronyms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            split("Aid came from the U.S. State Department. It came from the U.S. The end."),
            vec![
                "Aid came from the U.S. State Department.",
                "It came from the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn quotes_brackets_and_lines() {
        assert_eq!(
            split(
                "He said: “We left. We came back yesterday [8 Dec. 2024].” Then he went.\nNext line"
            ),
            vec![
                "He said: “We left.",
                "We came back yesterday [8 Dec. 2024].”",
                "Then he went.",
                "Next line"
            ]
        );
        assert_eq!(
            split("“We won,” he said. “Really?” she asked."),
            vec!["“We won,” he said.", "“Really?” she asked."]
        );
        assert_eq!(
            split("Troops (about 100.) stayed. Fine"),
            vec!["Troops (about 100.) stayed.", "Fine"]
        );
    }

    #[test]
    fn a_sentence_glued_to_the_last_word_starts_anew() {
        assert_eq!(
            split("Rebels shelled the depot.On Sunday, 12 died, said Radio 5.Later they left."),
            vec![
                "Rebels shelled the depot.",
                "On Sunday, 12 died, said Radio 5.",
                "Later they left."
            ]
        );
        assert_eq!(
            split("See kachinnews.com or Gen.Tun Lwin in the U.S.Army camp."),
            vec!["See kachinnews.com or Gen.Tun Lwin in the U.S.Army camp."]
        );
    }

    #[test]
    fn empty_and_unpunctuated_text() {
        assert!(split("").is_empty());
        assert!(split(" \n\n ").is_empty());
        assert_eq!(
            split("no punctuation at all"),
            vec!["no punctuation at all"]
        );
    }
}
