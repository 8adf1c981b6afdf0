/*!
Tense: whether the clause around a time expression speaks of the past or the
future, from the nearest cue word in its sentence (`cue.tsv`; a word ending in
-ed counts as past).

Nearness counts the words between the cue and the expression, and crossing a
comma costs [`COMMA_COST`] more, crossing a semicolon, colon, dash (– or —) or
bracket [`BOUNDARY_COST`]. A reporting verb ("said") speaks only for an
expression at most [`REPORT_REACH`] away; a deadline word ("until", "effective")
is no tense cue, and right before the expression it lets only cues at most
`close_cue_words` away speak ("until March 6" has a tense of its own); a past
participle after an article or a form of "be" is no past tense ("to be held",
"the reduced dividend"). At equal distance the earlier cue wins.

The look starts at the expression and walks outward word by word, stopping on
each side at the first cue that speaks: the nearest cue is mostly a few words
away, and reading every word of every sentence cost more than all the rest of
resolution.
*/

use super::dating::{BOUNDARY_COST, COMMA_COST};
use super::rules::{Cue, TimeRules};
use crate::span::Span;

/// The tense a clause speaks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// A past-tense cue is nearest.
    Past,
    /// A future cue is nearest.
    Future,
    /// No cue in the sentence.
    Unknown,
}

/// Words after which a past participle is no past tense: "to be held", "is heard", "the
/// reduced dividend".
const NOT_BEFORE_PAST: [&str; 15] = [
    "be", "being", "is", "are", "am", "the", "a", "an", "its", "their", "his", "her", "this",
    "these", "those",
];

/// How many words a reporting verb's tense reaches: "said on Friday", not "said … on Friday".
pub const REPORT_REACH: usize = 2;

/// The tense of the clause around `span`, an expression in `sentence`, and how far its cue
/// stands (`usize::MAX` for none). Both spans lie on char boundaries of `text`.
pub fn tense_around(rules: &TimeRules, text: &str, sentence: Span, span: Span) -> (Tense, usize) {
    let sentence = Sentence {
        text,
        span: sentence,
    };
    let cue_of = |word: Span, previous: Option<Span>| sentence.cue(rules, word, previous);
    // Words that overlap the expression are neither before nor after it. Distances before it
    // count to the first word that ends inside or after it (or to the sentence end).
    let overlapping_or_next = sentence.word_ending_after(span.start);
    let left_end = overlapping_or_next.map_or(sentence.span.end, |word| word.start);
    let mut next = sentence.step_left(left_end);
    // "effective Feb. 1", "until March 6": the date has a tense of its own; only a verb right
    // beside it still speaks for it.
    let deadline_before = next.is_some_and(|(word, _)| cue_of(word, None) == Some(Cue::Deadline));
    let reach = if deadline_before {
        rules.settings.close_cue_words
    } else {
        usize::MAX
    };

    let mut best = None;
    let (mut n_between, mut cost) = (0, 0);
    while let Some((word, gap_cost)) = next {
        cost += gap_cost;
        let distance = n_between + cost;
        if distance > reach {
            break;
        }
        let previous = sentence.step_left(word.start);
        if let Some(cue) =
            cue_of(word, previous.map(|(word, _)| word)).and_then(|cue| speaks(cue, distance))
        {
            best = Some((distance, cue));
            break;
        }
        (next, n_between) = (previous, n_between + 1);
    }

    // Distances after it count from the last word that starts inside or before it; when no
    // word does, the sentence's first word stands at 0 and the others count from it.
    let (mut next, mut previous) = match sentence.word_starting_before(span.end) {
        Some(word) => (sentence.step_right(word.end), Some(word)),
        None => (
            sentence
                .step_right(sentence.span.start)
                .map(|(word, _)| (word, 0)),
            None,
        ),
    };
    let (mut n_between, mut cost) = (0, 0);
    while let Some((word, gap_cost)) = next {
        cost += gap_cost;
        let distance = n_between + cost;
        // A cue after the expression wins only when it is strictly nearer.
        if distance > reach || best.is_some_and(|(best_distance, _)| distance >= best_distance) {
            break;
        }
        if let Some(cue) = cue_of(word, previous).and_then(|cue| speaks(cue, distance)) {
            best = Some((distance, cue));
            break;
        }
        (next, previous, n_between) = (sentence.step_right(word.end), Some(word), n_between + 1);
    }
    match best {
        Some((distance, Cue::Future)) => (Tense::Future, distance),
        Some((distance, _)) => (Tense::Past, distance),
        None => (Tense::Unknown, usize::MAX),
    }
}

/// What a cue `distance` away says of the tense, if anything.
fn speaks(cue: Cue, distance: usize) -> Option<Cue> {
    match cue {
        Cue::Report if distance <= REPORT_REACH => Some(Cue::Past),
        Cue::Past | Cue::Perfect => Some(Cue::Past),
        Cue::Future => Some(cue),
        _ => None,
    }
}

/// What crossing one char between words costs: a comma, or a semicolon, colon, dash (– or
/// —) or bracket.
fn break_cost(ch: char) -> usize {
    match ch {
        ',' => COMMA_COST,
        ';' | ':' | '(' | ')' | '–' | '—' => BOUNDARY_COST,
        _ => 0,
    }
}

/// A sentence, read a word at a time from any point, forward or backward. Words are runs of
/// letters, digits and apostrophes inside the sentence, as `words.rs` has them; dashes, which
/// it keeps as words of their own, are breaks here.
struct Sentence<'t> {
    text: &'t str,
    span: Span,
}

impl Sentence<'_> {
    /// The tense cue class of `word` (past, future, report or deadline), given the word before it
    /// (which only a past participle needs).
    fn cue(&self, rules: &TimeRules, word: Span, previous: Option<Span>) -> Option<Cue> {
        let after_be = || {
            previous.is_some_and(|previous| {
                let previous = previous.slice(self.text);
                NOT_BEFORE_PAST
                    .iter()
                    .any(|word| previous.eq_ignore_ascii_case(word))
            })
        };
        match rules.tense_cue(word.slice(self.text))? {
            Cue::Past if after_be() => None,
            cue => Some(cue),
        }
    }

    /// The char that starts at `at`, and whether it is part of a word; `None` at the end of
    /// the sentence.
    #[inline]
    fn char_at(&self, at: usize) -> Option<(char, bool)> {
        let byte = *self
            .text
            .as_bytes()
            .get(at)
            .filter(|_| at < self.span.end)?;
        if byte.is_ascii() {
            return Some((char::from(byte), is_ascii_word_byte(byte)));
        }
        let ch = self.text[at..self.span.end].chars().next()?;
        Some((ch, is_word_char(ch)))
    }

    /// The char that ends at `at`, and whether it is part of a word; `None` at the start of
    /// the sentence.
    #[inline]
    fn char_before(&self, at: usize) -> Option<(char, bool)> {
        let byte = *self
            .text
            .as_bytes()
            .get(at.checked_sub(1)?)
            .filter(|_| at > self.span.start)?;
        if byte.is_ascii() {
            return Some((char::from(byte), is_ascii_word_byte(byte)));
        }
        let ch = self.text[self.span.start..at].chars().next_back()?;
        Some((ch, is_word_char(ch)))
    }

    /// The last word that ends at or before `at`, which lies outside any word, and what the
    /// breaks between them cost.
    fn step_left(&self, mut at: usize) -> Option<(Span, usize)> {
        let bytes = self.text.as_bytes();
        let mut cost = 0;
        loop {
            // ASCII byte by byte; anything else char by char.
            match bytes[..at].last().filter(|_| at > self.span.start)? {
                &byte if byte.is_ascii() && !is_ascii_word_byte(byte) => {
                    (at, cost) = (at - 1, cost + break_cost(char::from(byte)))
                }
                &byte if byte.is_ascii() => break,
                _ => match self.char_before(at)? {
                    (_, true) => break,
                    (ch, false) => (at, cost) = (at - ch.len_utf8(), cost + break_cost(ch)),
                },
            }
        }
        Some((Span::new(self.word_start(at), at), cost))
    }

    /// The first word that starts at or after `at`, which lies outside any word, and what the
    /// breaks between them cost.
    fn step_right(&self, mut at: usize) -> Option<(Span, usize)> {
        let bytes = self.text.as_bytes();
        let mut cost = 0;
        loop {
            match bytes.get(at).filter(|_| at < self.span.end)? {
                &byte if byte.is_ascii() && !is_ascii_word_byte(byte) => {
                    (at, cost) = (at + 1, cost + break_cost(char::from(byte)))
                }
                &byte if byte.is_ascii() => break,
                _ => match self.char_at(at)? {
                    (_, true) => break,
                    (ch, false) => (at, cost) = (at + ch.len_utf8(), cost + break_cost(ch)),
                },
            }
        }
        Some((Span::new(at, self.word_end(at)), cost))
    }

    /// Where the word that goes on to `at` starts (`at` itself if none does).
    fn word_start(&self, mut at: usize) -> usize {
        let bytes = self.text.as_bytes();
        while at > self.span.start {
            match bytes[at - 1] {
                byte if byte.is_ascii() && is_ascii_word_byte(byte) => at -= 1,
                byte if byte.is_ascii() => break,
                _ => match self.char_before(at) {
                    Some((ch, true)) => at -= ch.len_utf8(),
                    _ => break,
                },
            }
        }
        at
    }

    /// Where the word that goes on from `at` ends (`at` itself if none does).
    fn word_end(&self, mut at: usize) -> usize {
        let bytes = self.text.as_bytes();
        while at < self.span.end {
            match bytes[at] {
                byte if byte.is_ascii() && is_ascii_word_byte(byte) => at += 1,
                byte if byte.is_ascii() => break,
                _ => match self.char_at(at) {
                    Some((ch, true)) => at += ch.len_utf8(),
                    _ => break,
                },
            }
        }
        at
    }

    /// The first word that ends after `at`: the one the char at `at` is part of, or the next.
    fn word_ending_after(&self, at: usize) -> Option<Span> {
        match self.char_at(at) {
            Some((_, true)) => Some(Span::new(self.word_start(at), self.word_end(at))),
            _ => self.step_right(at).map(|(word, _)| word),
        }
    }

    /// The last word that starts before `at`: the one the char before `at` is part of, or the
    /// one before.
    fn word_starting_before(&self, at: usize) -> Option<Span> {
        match self.char_before(at) {
            Some((_, true)) => Some(Span::new(self.word_start(at), self.word_end(at))),
            _ => self.step_left(at).map(|(word, _)| word),
        }
    }
}

/// Whether an ASCII byte is part of a word: a letter, a digit or an apostrophe.
fn is_ascii_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'\''
}

/// Whether a char outside ASCII is part of a word: a letter, a digit or a curly apostrophe.
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '’'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::ResourceFiles;

    /// The tense around the `[bracketed]` expression of a one-sentence text.
    fn tense_of(rules: &TimeRules, example: &str) -> (Tense, usize) {
        let (open, close) = (example.find('[').unwrap(), example.find(']').unwrap());
        let text = example.replace(['[', ']'], "");
        tense_around(
            rules,
            &text,
            Span::new(0, text.len()),
            Span::new(open, close - 1),
        )
    }

    #[test]
    fn the_nearest_cue_that_speaks_gives_the_tense() {
        let rules = TimeRules::load(&ResourceFiles::embedded()).unwrap();
        assert_eq!(
            tense_of(&rules, "The bridge fell on [Friday] at dawn."),
            (Tense::Past, 1)
        );
        assert_eq!(
            tense_of(&rules, "The council will vote on [Friday]."),
            (Tense::Future, 2)
        );
        // A reporting verb speaks only near the expression.
        assert_eq!(
            tense_of(&rules, "Officials said on [Friday]."),
            (Tense::Past, 1)
        );
        assert_eq!(
            tense_of(&rules, "Officials said the bridge opens on [Friday]."),
            (Tense::Unknown, usize::MAX)
        );
        // At equal distance the earlier cue wins; commas and dashes cost extra.
        assert_eq!(
            tense_of(&rules, "Crews left on [Friday] and will return."),
            (Tense::Past, 1)
        );
        assert_eq!(
            tense_of(&rules, "Crews left on [Friday], and will return."),
            (Tense::Past, 1)
        );
        assert_eq!(
            tense_of(&rules, "On [Friday], crews will return."),
            (Tense::Future, 1 + COMMA_COST)
        );
        assert_eq!(
            tense_of(&rules, "The bridge fell — on [Friday]."),
            (Tense::Past, 1 + BOUNDARY_COST)
        );
        // A deadline word right before the expression keeps farther cues off it.
        assert_eq!(
            tense_of(&rules, "The offer stands until [Friday], the firm said."),
            (Tense::Unknown, usize::MAX)
        );
        assert_eq!(
            tense_of(&rules, "The offer was extended until [Friday]."),
            (Tense::Past, 1)
        );
        // A past participle after "be" or an article is no past tense.
        assert_eq!(
            tense_of(&rules, "The vote is to be held on [Friday]."),
            (Tense::Unknown, usize::MAX)
        );
        assert_eq!(
            tense_of(&rules, "The vote was held on [Friday]."),
            (Tense::Past, 1)
        );
    }

    #[test]
    fn words_inside_the_expression_are_no_cues_and_odd_spans_do_not_panic() {
        let rules = TimeRules::load(&ResourceFiles::embedded()).unwrap();
        assert_eq!(
            tense_of(&rules, "The [planned Friday] vote."),
            (Tense::Unknown, usize::MAX)
        );
        assert_eq!(
            tense_of(&rules, "The rally on Fri[da]y, we heard."),
            (Tense::Past, COMMA_COST + 1)
        );
        let text = "— été, ’ll –";
        for start in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            for end in (start..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                tense_around(
                    &rules,
                    text,
                    Span::new(0, text.len()),
                    Span::new(start, end),
                );
            }
        }
    }
}
