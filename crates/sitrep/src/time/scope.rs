/*!
Ranges that signal words open around time expressions.

TimeML keeps "since" and "between … and" out of the expressions; an event they
date still covers more than one expression's days. "Since 4 December the KIA
has been attacking" runs from 4 December to the publication date; "between 26
and 30 August" (two expressions, "26" and "30 August") covers all five days.
This pass gives such expressions a [`TimeScope`]: the clause the signal opens
and the range an event outside that clause takes. An event inside it ("since
it opened an offensive on 7 March") is dated by the expression alone. The
signal words are the `since`, `range_open` and `range_join` classes of
`cue.tsv`.
*/

use jiff::civil::Date;

use super::rules::{Cue, TimeRules};
use super::{DateInterval, DatePrecision, TimeMention, TimeScope};
use crate::span::Span;

/// Sets the scope of each mention a signal word governs.
pub fn assign(text: &str, sentences: &[Span], published: Option<Date>, rules: &TimeRules, mentions: &mut [TimeMention]) {
    for idx in 0..mentions.len() {
        let Some(sentence) = sentences.iter().find(|s| s.contains(mentions[idx].span)) else { continue };
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

/// Words (letters, digits, apostrophes, or a lone dash) of `text[span]`, with their spans.
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let mut words = Vec::new();
    let mut start = None;
    for (offset, ch) in span.slice(text).char_indices() {
        let at = span.start + offset;
        let is_word_char = ch.is_alphanumeric() || ch == '\'' || ch == '’';
        match (start, is_word_char) {
            (None, true) => start = Some(at),
            (Some(word_start), false) => {
                words.push(Span::new(word_start, at));
                start = None;
            }
            _ => {}
        }
        if matches!(ch, '-' | '–' | '—') && start.is_none() {
            words.push(Span::new(at, at + ch.len_utf8()));
        }
    }
    if let Some(word_start) = start {
        words.push(Span::new(word_start, span.end));
    }
    words
}

/// "between X and Y", "from X to Y", "X-Y": one range over both.
fn two_ended(text: &str, rules: &TimeRules, first: &TimeMention, second: &TimeMention, sentence: Span) -> Option<TimeScope> {
    let (first_interval, second_interval) = (first.interval?, second.interval?);
    let gap = words(text, Span::new(first.span.end, second.span.start));
    let [join] = gap.as_slice() else { return None };
    if rules.cue(join.slice(text)) != Some(Cue::RangeJoin) {
        return None;
    }
    let before = words(text, Span::new(sentence.start, first.span.start));
    let opener = before.last().filter(|word| rules.cue(word.slice(text)) == Some(Cue::RangeOpen));
    let is_and = join.slice(text).eq_ignore_ascii_case("and");
    if is_and && opener.is_none() {
        return None; // "in 2023 and 2024" may be two dates, not one range
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
    let before = Span::new(sentence.start, mention.span.start);
    let clause_start = before
        .slice(text)
        .rfind([',', ';', ':', '—', '(', ')'])
        .map_or(before.start, |offset| before.start + offset + 1);
    let window = words(text, Span::new(clause_start, mention.span.start));
    let signal = window
        .iter()
        .rev()
        .take(rules.settings.since_window_words)
        .find(|word| rules.cue(word.slice(text)) == Some(Cue::Since))?;
    if published < interval.start {
        return None;
    }
    let interval = DateInterval { start: interval.start, end: published.max(interval.end), precision: DatePrecision::Range };
    Some(TimeScope { clause: Span::new(signal.start, mention.span.end), interval })
}
