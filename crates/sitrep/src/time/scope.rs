/*!
Ranges that signal words open around time expressions.

TimeML keeps "since" and "between … and" out of the expressions; an event they
date still covers more than one expression's days. "Since 4 December the KIA
has been attacking" runs from 4 December to the publication date; "between 26
and 30 August" (two expressions, "26" and "30 August") covers all five days.
This pass gives such expressions a [`TimeScope`]: the clause the signal opens
and the range an event outside that clause takes. An event inside it ("since
it opened an offensive on 7 March", or in a when-clause after the expression:
"since 29 September, when the offensive began") is dated by the expression
alone. "in 2023 and 2024" is one range too. The signal words are the `since`,
`range_open`, `range_span` and `range_join` classes of `cue.tsv`.
*/

use jiff::civil::Date;

use super::rules::{Cue, TimeRules};
use super::words::words;
use super::{DateInterval, DatePrecision, TimeMention, TimeScope};
use crate::span::Span;

/// Sets the scope of each mention a signal word governs.
pub fn assign(text: &str, sentences: &[Span], published: Option<Date>, rules: &TimeRules, mentions: &mut [TimeMention]) {
    let mut sentence_idx = 0;
    for idx in 0..mentions.len() {
        // Mentions and sentences are both in text order.
        while sentences.get(sentence_idx).is_some_and(|s| s.end < mentions[idx].span.end) {
            sentence_idx += 1;
        }
        let Some(sentence) = sentences.get(sentence_idx).filter(|s| s.contains(mentions[idx].span)) else { continue };
        if idx > 0 && sentence.contains(mentions[idx - 1].span) {
            if let Some(scope) = two_ended(text, rules, &mentions[idx - 1], &mentions[idx], *sentence) {
                mentions[idx - 1].scope = Some(scope);
                mentions[idx].scope = Some(scope);
                continue;
            }
        }
        if let Some(scope) = since(text, rules, &mentions[idx], *sentence, published) {
            mentions[idx].scope = Some(scope);
        }
    }
}

/// The longest gap between the ends of a range ("and", " to ", "–"), in bytes.
const MAX_JOIN_BYTES: usize = 16;

/// The word that ends last before `at`, looking back no further than `from` (nor than a few words).
fn last_word_before(text: &str, from: usize, at: usize) -> Option<Span> {
    let mut start = at.saturating_sub(32).max(from);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    words(text, Span::new(start.min(at), at)).last()
}

/// "between X and Y", "from X to Y", "X-Y": one range over both.
fn two_ended(text: &str, rules: &TimeRules, first: &TimeMention, second: &TimeMention, sentence: Span) -> Option<TimeScope> {
    let (first_interval, second_interval) = (first.interval?, second.interval?);
    if second.span.start.saturating_sub(first.span.end) > MAX_JOIN_BYTES {
        return None;
    }
    let mut gap = words(text, Span::new(first.span.end, second.span.start));
    let (Some(join), None) = (gap.next(), gap.next()) else { return None };
    if !matches!(rules.cue(join.slice(text)), Some(Cue::RangeJoin | Cue::Deadline)) {
        return None;
    }
    let word_before = last_word_before(text, sentence.start, first.span.start);
    let opener = word_before.filter(|word| rules.cue(word.slice(text)) == Some(Cue::RangeOpen));
    let is_and = join.slice(text).eq_ignore_ascii_case("and");
    let in_both = word_before.is_some_and(|word| rules.cue(word.slice(text)) == Some(Cue::RangeSpan));
    if is_and && opener.is_none() && !in_both {
        return None; // "on 3 May and 9 June" are two dates, not one range
    }
    if first_interval.start > second_interval.end {
        return None;
    }
    let clause = Span::new(opener.map_or(first.span.start, |word| word.start), second.span.end);
    let interval = DateInterval { start: first_interval.start, end: second_interval.end, precision: DatePrecision::Range };
    Some(TimeScope { clause, interval })
}

/// "since X": from X to the publication date.
fn since(text: &str, rules: &TimeRules, mention: &TimeMention, sentence: Span, published: Option<Date>) -> Option<TimeScope> {
    let interval = mention.interval?;
    let published = published?;
    let clause = Span::new(clause_start(text, sentence.start, mention.span.start), mention.span.start);
    if !rules.since_words.iter().any(|word| contains_ignoring_case(clause.slice(text), word)) {
        return None; // no signal word in the clause: skip the word-by-word look
    }
    // The last signal word of the clause, if it is one of its last `since_window_words` words.
    let mut n_words = 0;
    let mut last_signal = None;
    for word in words(text, clause) {
        if rules.cue(word.slice(text)) == Some(Cue::Since) {
            last_signal = Some((n_words, word));
        }
        n_words += 1;
    }
    let (_, signal) = last_signal.filter(|(word_idx, _)| n_words - word_idx <= rules.settings.since_window_words)?;
    if published < interval.start {
        return None;
    }
    let interval = DateInterval { start: interval.start, end: published.max(interval.end), precision: DatePrecision::Range };
    // "since 29 September, when the offensive began": what the when-clause tells happened then.
    let after = &text[mention.span.end..sentence.end];
    let clause_end = if starts_when_clause(after) { sentence.end } else { mention.span.end };
    Some(TimeScope { clause: Span::new(signal.start, clause_end), interval })
}

/// Whether `text` contains `needle`, ignoring ASCII case.
fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some(first) = needle.first().map(u8::to_ascii_lowercase) else { return true };
    text.as_bytes().windows(needle.len()).any(|window| window[0].to_ascii_lowercase() == first && window.eq_ignore_ascii_case(needle))
}

/// Where the clause that ends at `end` starts: after the last comma, semicolon, colon, em
/// dash or bracket since `sentence_start`.
fn clause_start(text: &str, sentence_start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut idx = end;
    while idx > sentence_start {
        idx -= 1;
        match bytes[idx] {
            b',' | b';' | b':' | b'(' | b')' => return idx + 1,
            // — is E2 80 94 in UTF-8.
            0x94 if idx >= sentence_start + 2 && bytes[idx - 2..idx] == [0xE2, 0x80] => return idx + 1,
            _ => {}
        }
    }
    sentence_start
}

/// Whether `text` opens with ", when" (a clause telling what happened at the time just named).
fn starts_when_clause(text: &str) -> bool {
    let rest = text.trim_start();
    let Some(rest) = rest.strip_prefix(',') else { return false };
    let rest = rest.trim_start();
    rest.get(..5).is_some_and(|word| word.eq_ignore_ascii_case("when ")) || rest.get(..6).is_some_and(|word| word.eq_ignore_ascii_case("after "))
}
