/*!
Tense: whether the clause around a time expression speaks of the past or the
future, from the nearest cue word in its sentence (`cue.tsv`; a word ending in
-ed counts as past).

Nearness counts the words between the cue and the expression, and crossing a
comma costs [`COMMA_COST`] more, crossing a semicolon, colon, dash (– or —) or
bracket [`BOUNDARY_COST`]. A reporting verb ("said") speaks only for an
expression at most [`REPORT_REACH`] away; a deadline word ("until", "effective")
is no tense cue, and right before the expression it lets only cues at most
`close_cue_words` away speak ("until March 6" has a tense of its own); with
none of those, the deadline lies ahead ("has until Friday to leave"), unless a
range opener before it makes it a range's end ("from Monday until Friday"). A
postpone verb ("extended", "postponed") is past tense, but the date it moves
something to ("postponed until Tuesday", "extended to 5 March") lies ahead. Cues
after the opener of a reported clause ("warned on Monday that it would attack")
speak for that clause only. A
past participle after an article or a form of "be" is no past tense ("to be
held", "the reduced dividend"). At equal distance the earlier cue wins.

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

/// Words after which a future cue is a noun ("the plan", "its aims") unless it is a participle
/// ("the planned offensive", "the upcoming vote").
const DETERMINERS: [&str; 11] = [
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
];

/// The word after which a verb is an infinitive ("set to resume").
const INFINITIVE_MARKER: &str = "to";

/// Past forms of "be" that, right before a future cue, point ahead ("were planning").
const PAST_BE: [&str; 2] = ["was", "were"];

/// How many words a reporting verb's tense reaches: "said on Friday", not "said … on Friday".
pub const REPORT_REACH: usize = 2;

/// The tense of the clause around `span`, an expression in `sentence`, and how far its cue
/// stands (`usize::MAX` for none). `previous_end` is where the expression before it in the
/// sentence ends, if any ("Monday" of "Monday until [Friday]"). All spans lie on char
/// boundaries of `text`.
pub fn tense_around(
    rules: &TimeRules,
    text: &str,
    sentence: Span,
    span: Span,
    previous_end: Option<usize>,
) -> (Tense, usize) {
    let sentence = Sentence {
        text,
        span: sentence,
    };
    // Words that overlap the expression are neither before nor after it. Distances before it
    // count to the first word that ends inside or after it (or to the sentence end).
    let overlapping_or_next = sentence.word_ending_after(span.start);
    let left_end = overlapping_or_next.map_or(sentence.span.end, |word| word.start);
    let word_before = sentence.step_left(left_end).map(|(word, _)| word);
    // "since March": the range starts before publication, whatever the clause is told in.
    if word_before.is_some_and(|word| rules.cue(word.slice(text)) == Some(Cue::Since)) {
        return (Tense::Past, 0);
    }
    // "effective Feb. 1", "until March 6", "postponed to 5 March": the date has a tense of its
    // own; only a verb right beside it still speaks for it.
    let deadline_word = word_before.filter(|&word| sentence.is_deadline_word(rules, word));
    let Some(deadline_word) = deadline_word else {
        return tense_of_cue(sentence.nearest_cue(rules, span, left_end, usize::MAX, false));
    };
    match sentence.nearest_cue(rules, span, left_end, rules.settings.close_cue_words, true) {
        Some(found) => tense_of_cue(Some(found)),
        // A deadline no verb beside it places lies ahead ("has until Friday to leave"), unless
        // the clause is told in the past ("Until Friday, they had not ...") or it ends a range
        // ("from Monday until Friday").
        None if !sentence.ends_range(rules, deadline_word, previous_end)
            && sentence
                .nearest_cue(rules, span, left_end, usize::MAX, true)
                .is_none_or(|(_, cue)| cue == Cue::Future) =>
        {
            (Tense::Future, 0)
        }
        None => (Tense::Unknown, usize::MAX),
    }
}

/// The tense a cue found some distance away gives.
fn tense_of_cue(found: Option<(usize, Cue)>) -> (Tense, usize) {
    match found {
        Some((distance, Cue::Future)) => (Tense::Future, distance),
        Some((distance, _)) => (Tense::Past, distance),
        None => (Tense::Unknown, usize::MAX),
    }
}

/// How many words before a deadline word a range opener ("from", "between") makes it the end
/// of a range rather than a deadline: "from 5 a.m. on Monday until".
const RANGE_OPENER_REACH: usize = 6;

/// What a cue `distance` away says of the tense, if anything; `deadline_before` when a
/// deadline word stands right before the expression (a postpone verb then points ahead).
fn speaks(cue: Cue, distance: usize, deadline_before: bool) -> Option<Cue> {
    match cue {
        Cue::Report if distance <= REPORT_REACH => Some(Cue::Past),
        Cue::Postpone if deadline_before => Some(Cue::Future),
        Cue::Past | Cue::Perfect | Cue::Postpone => Some(Cue::Past),
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
        let after = |words: &[&str]| {
            previous.is_some_and(|previous| {
                let previous = previous.slice(self.text);
                words.iter().any(|word| previous.eq_ignore_ascii_case(word))
            })
        };
        let text = word.slice(self.text);
        let participle = text.ends_with("ed") || text.ends_with("ing");
        match rules.tense_cue(text)? {
            Cue::Past if after(&NOT_BEFORE_PAST) => None,
            Cue::Future if !participle && after(&DETERMINERS) => None,
            Cue::Past if self.ahead_in_the_past(rules, word) => Some(Cue::Future),
            Cue::Future if self.after_perfect(rules, previous) => Some(Cue::Past),
            Cue::FutureBeforeTo if !self.before_infinitive(word) => None,
            Cue::FutureBeforeTo if self.after_perfect(rules, previous) => Some(Cue::Past),
            Cue::FutureBeforeTo => Some(Cue::Future),
            cue => Some(cue),
        }
    }

    /// Whether "to" follows `word` with nothing between: "set to resume".
    fn before_infinitive(&self, word: Span) -> bool {
        self.step_right(word.end).is_some_and(|(next, cost)| {
            cost == 0
                && next
                    .slice(self.text)
                    .eq_ignore_ascii_case(INFINITIVE_MARKER)
        })
    }

    /// Whether `previous`, the word before a future cue, is the past perfect, alone or with
    /// "been": "had planned to vote Friday", "had been scheduled to expire Friday" speak of a
    /// plan overtaken, so of the past.
    fn after_perfect(&self, rules: &TimeRules, previous: Option<Span>) -> bool {
        let Some(previous) = previous else {
            return false;
        };
        let previous = if previous.slice(self.text).eq_ignore_ascii_case("been") {
            match self.step_left(previous.start) {
                Some((word, 0)) => word,
                _ => return false,
            }
        } else {
            previous
        };
        rules.tense_cue(previous.slice(self.text)) == Some(Cue::Perfect)
    }

    /// Whether `word` is a past form of "be" right before a future cue: "were planning to
    /// march on Saturday", "was expected to vote Monday" speak of what lies ahead.
    fn ahead_in_the_past(&self, rules: &TimeRules, word: Span) -> bool {
        let word_text = word.slice(self.text);
        PAST_BE.iter().any(|be| word_text.eq_ignore_ascii_case(be))
            && self.step_right(word.end).is_some_and(|(next, cost)| {
                cost == 0 && rules.tense_cue(next.slice(self.text)) == Some(Cue::Future)
            })
    }

    /// Whether `word`, right before an expression, makes it a deadline: a deadline word
    /// ("until", "effective"), or a range joiner ("to") right after a postpone verb
    /// ("extended to 5 March").
    fn is_deadline_word(&self, rules: &TimeRules, word: Span) -> bool {
        match rules.cue(word.slice(self.text)) {
            Some(Cue::Deadline) => true,
            Some(Cue::RangeJoin) => self.step_left(word.start).is_some_and(|(previous, _)| {
                rules.cue(previous.slice(self.text)) == Some(Cue::Postpone)
            }),
            _ => false,
        }
    }

    /// Whether the deadline word `word` ends a range rather than sets a deadline: it comes
    /// right after the expression before (which ends at `previous_end`), or a range opener
    /// ("from", "between") stands a few words before it with no break between.
    fn ends_range(&self, rules: &TimeRules, word: Span, previous_end: Option<usize>) -> bool {
        if previous_end.is_some_and(|end| {
            end <= word.start && self.step_right(end).is_some_and(|(next, _)| next == word)
        }) {
            return true;
        }
        let mut at = word.start;
        for _ in 0..RANGE_OPENER_REACH {
            let Some((previous, 0)) = self.step_left(at) else {
                return false;
            };
            if rules.cue(previous.slice(self.text)) == Some(Cue::RangeOpen) {
                return true;
            }
            at = previous.start;
        }
        false
    }

    /// The nearest cue that speaks for the expression at `span` (whose words before it end
    /// at `left_end`), at most `reach` away, and how far it stands; `deadline_before` when a
    /// deadline word stands right before the expression.
    fn nearest_cue(
        &self,
        rules: &TimeRules,
        span: Span,
        left_end: usize,
        reach: usize,
        deadline_before: bool,
    ) -> Option<(usize, Cue)> {
        let cue_of = |word: Span, previous: Option<Span>| self.cue(rules, word, previous);
        let mut best = None;
        let mut next = self.step_left(left_end);
        let (mut n_between, mut cost) = (0, 0);
        while let Some((word, gap_cost)) = next {
            cost += gap_cost;
            let distance = n_between + cost;
            if distance > reach {
                break;
            }
            let previous = self.step_left(word.start);
            if let Some(cue) = cue_of(word, previous.map(|(word, _)| word))
                .and_then(|cue| speaks(cue, distance, deadline_before))
            {
                best = Some((distance, cue));
                break;
            }
            (next, n_between) = (previous, n_between + 1);
        }

        // Distances after it count from the last word that starts inside or before it; when no
        // word does, the sentence's first word stands at 0 and the others count from it.
        let (mut next, mut previous) = match self.word_starting_before(span.end) {
            Some(word) => (self.step_right(word.end), Some(word)),
            None => (
                self.step_right(self.span.start).map(|(word, _)| (word, 0)),
                None,
            ),
        };
        let (mut n_between, mut cost) = (0, 0);
        while let Some((word, gap_cost)) = next {
            cost += gap_cost;
            let distance = n_between + cost;
            // A cue after the expression wins only when it is strictly nearer.
            if distance > reach || best.is_some_and(|(best_distance, _)| distance >= best_distance)
            {
                break;
            }
            let cue = cue_of(word, previous);
            // "warned on Monday that it would attack": the reported clause's tense is its own,
            // once the expression's own clause has told one ("talks on Saturday that the US
            // hopes will …" has none: a relative "that" goes on).
            if cue == Some(Cue::ReportClause) && best.is_some() {
                break;
            }
            if let Some(cue) = cue.and_then(|cue| speaks(cue, distance, deadline_before)) {
                best = Some((distance, cue));
                break;
            }
            (next, previous, n_between) = (self.step_right(word.end), Some(word), n_between + 1);
        }
        best
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
            None,
        )
    }

    #[test]
    fn a_reported_clause_after_the_expression_keeps_its_tense_to_itself() {
        let rules = TimeRules::load(&ResourceFiles::embedded()).unwrap();
        assert_eq!(
            tense_of(
                &rules,
                "The rebels warned the army on [Monday] that they would attack."
            ),
            (Tense::Past, 3)
        );
        assert_eq!(
            tense_of(
                &rules,
                "The rebels warned that they would attack on [Monday]."
            ),
            (Tense::Future, 2)
        );
        // A relative "that", with no tense in the expression's own clause, lets the search go on.
        assert_eq!(
            tense_of(
                &rules,
                "Envoys meet on [Saturday] in talks that officials hope will end the war."
            ),
            (Tense::Future, 5)
        );
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
        // A deadline word right before the expression keeps farther cues off it; a verb beside
        // it still speaks.
        assert_eq!(
            tense_of(&rules, "The road remained closed until [Friday]."),
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
        // A past "be" right before a future cue points ahead; before anything else it is past.
        assert_eq!(
            tense_of(
                &rules,
                "Crowds gathered in the capital on [Saturday] and were planning a march."
            ),
            (Tense::Future, 1)
        );
        assert_eq!(
            tense_of(
                &rules,
                "Crowds gathered in the capital on [Saturday] and were angry."
            ),
            (Tense::Past, 1)
        );
        let cases = [
            // A future cue after a determiner is a noun, unless a participle.
            (
                "The army unveiled the plan on [21 August].",
                (Tense::Past, 3),
            ),
            (
                "Troops massed for the upcoming assault on [Friday].",
                (Tense::Future, 2),
            ),
            // A future cue in the past perfect tells of a plan overtaken: the past.
            (
                "The offer had been scheduled to expire at midnight [Friday].",
                (Tense::Past, 4),
            ),
            (
                "The rebels had planned to attack on [Friday].",
                (Tense::Past, 3),
            ),
            (
                "The offer is scheduled to expire on [Friday].",
                (Tense::Future, 3),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(tense_of(&rules, text), expected, "{text}");
        }
        // "since" right before the expression opens a range in the past.
        assert_eq!(
            tense_of(&rules, "The ship, at sea since [March], will return soon."),
            (Tense::Past, 0)
        );
    }

    #[test]
    fn a_deadline_lies_ahead_unless_a_verb_beside_it_or_a_range_says_otherwise() {
        let rules = TimeRules::load(&ResourceFiles::embedded()).unwrap();
        // No verb beside the deadline, and no past tense further off: it is still to come.
        assert_eq!(
            tense_of(
                &rules,
                "The camp residents have until [Friday] to leave, the mayor said."
            ),
            (Tense::Future, 0)
        );
        assert_eq!(
            tense_of(
                &rules,
                "The new rules are effective [1 March], the ministry says."
            ),
            (Tense::Future, 0)
        );
        // A postpone verb points to a later date, with "until" or "to".
        assert_eq!(
            tense_of(&rules, "The hearing was postponed until [Tuesday]."),
            (Tense::Future, 1)
        );
        assert_eq!(
            tense_of(&rules, "The truce was extended to [12 May]."),
            (Tense::Future, 1)
        );
        // Elsewhere it is a past verb like any other.
        assert_eq!(
            tense_of(&rules, "The hearing was postponed on [Tuesday]."),
            (Tense::Past, 1)
        );
        // Nor when the clause is told in the past.
        assert_eq!(
            tense_of(&rules, "Until [Friday], the army had kept the road shut."),
            (Tense::Unknown, usize::MAX)
        );
        // The end of a range is no deadline: after "from", or right after the expression before.
        assert_eq!(
            tense_of(&rules, "Roads were closed from Monday until [Friday]."),
            (Tense::Unknown, usize::MAX)
        );
        let text = "Sales hold up in spring through August.";
        let (spring_end, august) = (text.find(" through").unwrap(), text.find("August").unwrap());
        let whole = Span::new(0, text.len());
        assert_eq!(
            tense_around(
                &rules,
                text,
                whole,
                Span::new(august, august + 6),
                Some(spring_end)
            )
            .0,
            Tense::Unknown
        );
        assert_eq!(
            tense_around(&rules, text, whole, Span::new(august, august + 6), None).0,
            Tense::Future
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
                    None,
                );
            }
        }
    }
}
