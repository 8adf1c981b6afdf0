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
alone. "in 2023 and 2024" is one range too, and so are two days in a row ("on Monday and
Tuesday"). "By Sunday, the rebels had taken
…" runs from the date the story starts at (another date of the sentence, else the
last before it) to Sunday, for every event of the sentence. A "since" range goes
on in the next sentence when that one has no date and is in the present perfect.
The signal words are the `since`, `completion`, `perfect`, `present_perfect`,
`past`, `range_open`, `range_span` and `range_join` classes of `cue.tsv`.
*/

use jiff::civil::Date;

use super::dating::{narrative_interval, previous_date};
use super::rules::{Cue, TimeRules};
use super::words::words;
use super::{DateInterval, DatePrecision, ScopeKind, TimeMention, TimeScope};
use crate::span::Span;

/// Sets the scope of each mention a signal word governs.
pub fn assign(
    text: &str,
    sentences: &[Span],
    published: Option<Date>,
    rules: &TimeRules,
    mentions: &mut [TimeMention],
) {
    let mut sentence_idx = 0;
    for idx in 0..mentions.len() {
        // Mentions and sentences are both in text order.
        while sentences
            .get(sentence_idx)
            .is_some_and(|s| s.end < mentions[idx].span.end)
        {
            sentence_idx += 1;
        }
        let Some(sentence) = sentences
            .get(sentence_idx)
            .filter(|s| s.contains(mentions[idx].span))
        else {
            continue;
        };
        if idx > 0 && sentence.contains(mentions[idx - 1].span) {
            if let Some(scope) =
                two_ended(text, rules, &mentions[idx - 1], &mentions[idx], *sentence)
            {
                mentions[idx - 1].scope = Some(scope);
                mentions[idx].scope = Some(scope);
                continue;
            }
        }
        if let Some(scope) = completion(text, rules, mentions, idx, *sentence) {
            mentions[idx].scope = Some(scope);
            continue;
        }
        if let Some(scope) = since(text, rules, &mentions[idx], *sentence, published) {
            let next = sentences
                .get(sentence_idx + 1)
                .filter(|next| goes_on(text, rules, &mentions[idx + 1..], **next));
            mentions[idx].scope = Some(TimeScope {
                continued_in: next.copied(),
                ..scope
            });
        }
    }
}

/// The longest gap between the ends of a range ("and", " to ", "–"), in bytes.
const MAX_JOIN_BYTES: usize = 16;

/// The word that ends last before `at`, looking back no further than `from` (nor than a few words).
fn last_word_before(text: &str, from: usize, at: usize) -> Option<Span> {
    let start = text.ceil_char_boundary(at.saturating_sub(32).max(from));
    words(text, Span::new(start.min(at), at)).next_back()
}

/// "between X and Y", "from X to Y", "X-Y", "on Monday and Tuesday": one range over both.
fn two_ended(
    text: &str,
    rules: &TimeRules,
    first: &TimeMention,
    second: &TimeMention,
    sentence: Span,
) -> Option<TimeScope> {
    let (first_interval, second_interval) = (first.interval?, second.interval?);
    if second.span.start.saturating_sub(first.span.end) > MAX_JOIN_BYTES {
        return None;
    }
    let mut gap = words(text, Span::new(first.span.end, second.span.start));
    let (Some(join), None) = (gap.next(), gap.next()) else {
        return None;
    };
    if !matches!(
        rules.cue(join.slice(text)),
        Some(Cue::RangeJoin | Cue::Deadline)
    ) {
        return None;
    }
    let word_before = last_word_before(text, sentence.start, first.span.start);
    let opener = word_before.filter(|word| rules.cue(word.slice(text)) == Some(Cue::RangeOpen));
    let is_and = join.slice(text).eq_ignore_ascii_case("and");
    let in_both =
        word_before.is_some_and(|word| rules.cue(word.slice(text)) == Some(Cue::RangeSpan));
    if is_and && opener.is_none() && !in_both && !next_days(first_interval, second_interval) {
        return None; // "on 3 May and 9 June" are two dates, not one range
    }
    if first_interval.start > second_interval.end {
        return None;
    }
    let clause = Span::new(
        opener.map_or(first.span.start, |word| word.start),
        second.span.end,
    );
    let interval = DateInterval {
        start: first_interval.start,
        end: second_interval.end,
        precision: DatePrecision::Range,
    };
    Some(TimeScope {
        clause,
        interval,
        kind: ScopeKind::TwoEnded,
        continued_in: None,
    })
}

/// Whether `second` is the day right after the day `first`: "shelled the town on Monday and
/// Tuesday" tells one stretch of two days.
fn next_days(first: DateInterval, second: DateInterval) -> bool {
    first.precision == DatePrecision::Day
        && second.precision == DatePrecision::Day
        && first.end.tomorrow().is_ok_and(|next| next == second.start)
}

/// "since X": from X to the publication date.
fn since(
    text: &str,
    rules: &TimeRules,
    mention: &TimeMention,
    sentence: Span,
    published: Option<Date>,
) -> Option<TimeScope> {
    let interval = mention.interval?;
    let published = published?;
    let clause = Span::new(
        clause_start(text, sentence.start, mention.span.start),
        mention.span.start,
    );
    // The last signal word of the clause, if it is one of its last `since_window_words` words.
    let signal = words(text, clause)
        .rev()
        .take(rules.settings.since_window_words)
        .find(|word| rules.cue(word.slice(text)) == Some(Cue::Since))?;
    if published < interval.start {
        return None;
    }
    let interval = DateInterval {
        start: interval.start,
        end: published.max(interval.end),
        precision: DatePrecision::Range,
    };
    // "since 29 September, when the offensive began": what the when-clause tells happened then.
    let after = &text[mention.span.end..sentence.end];
    let clause_end = if starts_when_clause(after) {
        sentence.end
    } else {
        mention.span.end
    };
    Some(TimeScope {
        clause: Span::new(signal.start, clause_end),
        interval,
        kind: ScopeKind::Since,
        continued_in: None,
    })
}

/// Whether `sentence` goes on with the range of the sentence before: it has no dated expression
/// of its own (`later` are the mentions after that range's) and is told in the present perfect
/// ("They have also cut the road").
fn goes_on(text: &str, rules: &TimeRules, later: &[TimeMention], sentence: Span) -> bool {
    if later
        .iter()
        .any(|mention| sentence.contains(mention.span) && mention.interval.is_some())
    {
        return false;
    }
    let cues: Vec<Option<Cue>> = words(text, sentence)
        .map(|word| rules.cue(word.slice(text)))
        .collect();
    cues.iter().enumerate().any(|(at, cue)| {
        *cue == Some(Cue::PresentPerfect)
            && cues[at + 1..]
                .iter()
                .take(2)
                .any(|next| next.is_some_and(Cue::is_past_form))
    })
}

/// "By Sunday, the offensive launched on 13 November had overrun …": a completion word right
/// before the expression and a past perfect after it make a range from the earliest other date
/// of the sentence, else the last date before it, to the expression.
fn completion(
    text: &str,
    rules: &TimeRules,
    mentions: &[TimeMention],
    idx: usize,
    sentence: Span,
) -> Option<TimeScope> {
    let mention = &mentions[idx];
    let interval = mention.interval?;
    let signal = last_word_before(text, sentence.start, mention.span.start).filter(|word| {
        rules.cue(word.slice(text)) == Some(Cue::Completion)
            && text[word.end..mention.span.start].trim().is_empty()
    })?;
    let mut after = words(text, Span::new(mention.span.end, sentence.end));
    if !after.any(|word| rules.cue(word.slice(text)) == Some(Cue::Perfect)) {
        return None;
    }
    let earlier = |other: DateInterval| (other.start < interval.start).then_some(other.start);
    let in_sentence = mentions
        .iter()
        .filter(|other| other.span != mention.span && sentence.contains(other.span))
        .filter_map(|other| narrative_interval(other).and_then(earlier))
        .min();
    let start =
        in_sentence.or_else(|| previous_date(text, mentions, sentence.start).and_then(earlier))?;
    let interval = DateInterval {
        start,
        end: interval.end,
        precision: DatePrecision::Range,
    };
    Some(TimeScope {
        clause: Span::new(signal.start, mention.span.end),
        interval,
        kind: ScopeKind::Completion,
        continued_in: None,
    })
}

/// The chars that end a clause: each comma, semicolon, colon, bracket and em dash.
pub(super) const CLAUSE_BREAKS: [char; 6] = [',', ';', ':', '(', ')', '—'];

/// Where the clause that ends at `end` starts: after the last clause break that lies whole
/// between `sentence_start` and `end`. Only the clause's own bytes are read, from its end
/// back (a break's bytes in valid UTF-8 can only be that break).
fn clause_start(text: &str, sentence_start: usize, end: usize) -> usize {
    let clause = &text.as_bytes()[sentence_start..end];
    let mut mark = [0; 4];
    (1..=clause.len())
        .rev()
        .find(|&at| {
            CLAUSE_BREAKS
                .iter()
                .any(|c| clause[..at].ends_with(c.encode_utf8(&mut mark).as_bytes()))
        })
        .map_or(sentence_start, |at| sentence_start + at)
}

/// Whether `text` opens with ", when" (a clause telling what happened at the time just named).
fn starts_when_clause(text: &str) -> bool {
    let rest = text.trim_start();
    let Some(rest) = rest.strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start();
    rest.get(..5)
        .is_some_and(|word| word.eq_ignore_ascii_case("when "))
        || rest
            .get(..6)
            .is_some_and(|word| word.eq_ignore_ascii_case("after "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_starts_after_the_last_break_wholly_in_its_sentence() {
        let text = "a, b — c (d) e";
        let dash = text.find('—').unwrap();
        assert_eq!(&text[clause_start(text, 0, text.len())..], " e");
        assert_eq!(
            &text[clause_start(text, 0, dash + 2)..dash],
            " b ",
            "a dash cut by the end is no break"
        );
        assert_eq!(
            clause_start(text, dash + 1, text.find('(').unwrap()),
            dash + 1,
            "nor one cut by the sentence start"
        );
    }
}
