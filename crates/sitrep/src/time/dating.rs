/*!
Event dating: which time expression dates an event stated in a sentence.

An event takes the expression that governs its clause. In a list ("took A on
29 September, B on 18 October and C on 20 November") the expression right
after the event's argument, or right before it, is the argument's own; so is the
one right after the rest of a list of names the argument opens ("burnt A on 27
December and B, C and D on Wednesday": B burnt on Wednesday) or after an
apposition ("took B, the provincial capital, on 16 February"). Else the
expression nearest the trigger wins, where crossing a comma costs a few words
and crossing a semicolon, colon, dash or bracket many: "said on Friday that the
KIA captured the town on Monday" dates the capture on Monday; a date in
brackets right after the expression ("yesterday [8 December]") is the writer's
own correction and wins. An expression
whose signal opens a range ("since 4 December") dates events outside its clause
with that range, and an event inside the clause ("since it opened the offensive
on 7 March") with the expression alone; "By Sunday, the rebels had taken …"
dates every event of its sentence with the range it opens. An expression a
reporting verb governs ("…, a spokesman said on Thursday") dates the report:
when the report trails the event's clause, another expression of that clause
wins over it. A sentence without a dated expression gives no date;
[`previous_date`] is the fallback a caller may choose, the last date the text
gave before the sentence.
*/

use super::{DateInterval, DatePrecision, DateQuery, ScopeKind, TimeMention, TimexType};
use crate::span::Span;

/// Words an expression may stand from the argument it belongs to ("B [Town] on 18 October").
const ARGUMENT_GAP_WORDS: usize = 3;
/// What crossing a comma costs, in words.
pub const COMMA_COST: usize = 4;
/// What crossing a strong clause boundary (; : — brackets) costs, in words.
pub const BOUNDARY_COST: usize = 12;

/// The date of the event at `query`.
pub fn event_date(text: &str, times: &[TimeMention], query: &DateQuery) -> Option<DateInterval> {
    let dated: Vec<&TimeMention> = times
        .iter()
        .filter(|mention| {
            query.sentence.contains(mention.span)
                && mention.interval.is_some()
                && !is_vague(mention)
        })
        .filter(|mention| valid_span(text, mention.span))
        .collect();
    if dated.is_empty() {
        return None;
    }
    let in_clause = |clause: Span| clause.overlaps(query.trigger) || clause.contains(query.trigger);
    // "By Sunday, the rebels had taken …" dates every event of its sentence.
    let completed = dated
        .iter()
        .filter_map(|mention| mention.scope)
        .find(|scope| scope.kind == ScopeKind::Completion);
    if let Some(scope) = completed.filter(|scope| !in_clause(scope.clause)) {
        return Some(scope.interval);
    }
    let story_date = previous_date(text, times, query.sentence.start);
    let dated = without_report_dates(text, dated, query.trigger, story_date);
    let chosen = query
        .argument
        .filter(|argument| valid_span(text, *argument))
        .and_then(|argument| beside_argument(text, &dated, argument))
        .or_else(|| {
            if valid_span(text, query.trigger) {
                nearest(text, &dated, query.trigger)
            } else {
                dated.first().copied()
            }
        })?;
    match &chosen.scope {
        Some(scope) if !in_clause(scope.clause) => Some(scope.interval),
        _ => clarification(text, &dated, chosen).or(chosen.interval),
    }
}

/// The date in brackets right after `mention`, which the writer gave to make it plain:
/// "yesterday [8 December]", "on Friday (5 April)".
fn clarification(
    text: &str,
    dated: &[&TimeMention],
    mention: &TimeMention,
) -> Option<DateInterval> {
    let next = dated
        .iter()
        .find(|other| other.span.start >= mention.span.end)?;
    let opening = text.get(mention.span.end..next.span.start)?.trim();
    let closing = text.get(next.span.end..)?.trim_start();
    let paired = matches!(
        (opening, closing.chars().next()),
        ("[", Some(']')) | ("(", Some(')'))
    );
    if paired { next.interval } else { None }
}

/// `dated` without the expressions that date a report trailing the event's clause, where
/// another expression stands before the reporting verb too: "Since Sunday, 4,300 people have
/// fled, a spokesman told reporters on Thursday" dates the flight since Sunday; or where the
/// story has already given a day no later than the report's (`story_date`): "Rebels raided
/// the post on Tuesday. They took the armoury, a spokesman said on Wednesday" took it on the
/// story's Tuesday. A report before the event ("the group said on Saturday that it had taken
/// the base") is left to date it, as news dates what it reports as soon as it is told; so is
/// a report date with no other date before its verb that opens the story ("the rebels hold
/// the town, he said on Thursday, the largest taken since they crossed on 6 August").
fn without_report_dates<'m>(
    text: &str,
    mut dated: Vec<&'m TimeMention>,
    trigger: Span,
    story_date: Option<DateInterval>,
) -> Vec<&'m TimeMention> {
    // Another expression stands before a verb when the first of them ends before it.
    let first_other_end = dated
        .iter()
        .filter(|mention| mention.report_verb.is_none())
        .map(|mention| mention.span.end)
        .min();
    dated.retain(|mention| {
        let outweighed = mention.report_verb.is_some_and(|verb| {
            trigger.end <= verb.start
                && (first_other_end.is_some_and(|end| end <= verb.start)
                    || (story_date.is_some_and(|story| precedes_report(story, mention))
                        && trails_after_comma(text, trigger, verb)
                        && closes_report(text, mention)))
        });
        !outweighed
    });
    dated
}

/// Whether the report at `verb` trails the clause of `trigger` after a comma ("they took the
/// post, a spokesman said on Wednesday"), not opening the sentence ("a spokesman said on
/// Wednesday that they took the post").
fn trails_after_comma(text: &str, trigger: Span, verb: Span) -> bool {
    text.get(trigger.end..verb.start)
        .is_some_and(|between| between.contains(','))
}

/// Whether the report date `mention` ends its clause ("…, a spokesman said on Wednesday."),
/// so that the report trails what it tells, not opens it ("the group said on Sunday (that)
/// its fighters had overrun two posts").
fn closes_report(text: &str, mention: &TimeMention) -> bool {
    mention.report_verb.is_some()
        && text
            .get(mention.span.end..)
            .and_then(|rest| rest.trim_start().chars().next())
            .is_none_or(|next| matches!(next, ',' | '.' | ';' | ':' | '"' | '”'))
}

/// Whether `story` is a day the story gave no later than the day of `report`, the date a
/// reporting verb governs: what the report tells took place on the story's day. An expression
/// that counts from the story ("a resident said at the time") gives the story's day itself.
fn precedes_report(story: DateInterval, report: &TimeMention) -> bool {
    story.precision == DatePrecision::Day
        && !report.refers_back
        && report
            .interval
            .is_some_and(|told| told.precision == DatePrecision::Day && story.end <= told.start)
}

/// "now", "currently": they date nothing an event stage can use ("the rebels now hold the
/// town" reports a capture that happened before).
fn is_vague(mention: &TimeMention) -> bool {
    mention.value.ends_with("_REF")
}

fn valid_span(text: &str, span: Span) -> bool {
    span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

/// The expression just after the argument, else just before it, with no clause break between.
fn beside_argument<'m>(
    text: &str,
    dated: &[&'m TimeMention],
    argument: Span,
) -> Option<&'m TimeMention> {
    let close = |gap: Span| {
        let between = gap.slice(text);
        between.split_whitespace().count() <= ARGUMENT_GAP_WORDS
            && !between.contains([',', ';', ':', '—', '(', ')'])
    };
    let after = dated
        .iter()
        .filter(|m| m.span.start >= argument.end)
        .min_by_key(|m| m.span.start);
    if let Some(after) = after.filter(|m| {
        let gap = Span::new(argument.end, m.span.start);
        close(gap) || ends_name_list(gap.slice(text)) || passes_apposition(gap.slice(text))
    }) {
        return Some(after);
    }
    let before = dated
        .iter()
        .filter(|m| m.span.end <= argument.start)
        .max_by_key(|m| m.span.end);
    before
        .filter(|m| close(Span::new(m.span.end, argument.start)))
        .copied()
}

/// The most words the rest of a list of names may have before the expression that dates it.
const LIST_TAIL_WORDS: usize = 12;

/// Whether `gap`, the text from an argument to the next expression, is only the rest of a list
/// of names the argument opens, and a preposition: "torched A on 27 December and [B], C, D and
/// E on Wednesday" burnt B on Wednesday, the date the whole list after the "and" shares. The
/// names are capitalised words joined by commas, "and" or "or"; a lower-case word anywhere but
/// last ("B, the army said on Wednesday") ends the list, and a lone "and" is none ("took B, and
/// in October C").
fn ends_name_list(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    let Some((last, names)) = words.split_last() else {
        return false;
    };
    let joined = |word: &&str| matches!(*word, "and" | "or");
    let is_name = |word: &&str| word.chars().next().is_some_and(char::is_uppercase);
    words.len() <= LIST_TAIL_WORDS
        && last.chars().all(char::is_lowercase)
        && names.iter().any(is_name)
        && names.iter().all(|word| joined(word) || is_name(word))
        && !gap.contains([';', ':', '—', '(', ')'])
}

/// The most words of an apposition between an argument and the expression that dates it.
const APPOSITION_WORDS: usize = 10;

/// Whether `gap`, the text from an argument to the next expression, is an apposition that
/// commas close and a preposition: "took [B], the capital of the province, on 16 February"
/// took B on 16 February. The apposition opens with an article; "B, the army said on
/// Wednesday" has no closing comma and is none.
fn passes_apposition(gap: &str) -> bool {
    let parts: Vec<&str> = gap.split(',').collect();
    let [before, apposition, tail] = parts[..] else {
        return false;
    };
    let mut words = apposition.split_whitespace();
    let opens_with_article = words
        .next()
        .is_some_and(|word| matches!(word, "the" | "a" | "an"));
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    before.trim().is_empty()
        && opens_with_article
        && words.count() < APPOSITION_WORDS
        && !gap.contains([';', ':', '—', '(', ')'])
        && tail_words.len() <= 1
        && tail_words
            .iter()
            .all(|word| word.chars().all(char::is_lowercase))
}

/// How far apart two spans of a sentence are: the words between them, with clause breaks
/// counted extra. Overlapping spans are 0 apart.
pub fn distance(text: &str, a: Span, b: Span) -> usize {
    let gap = if a.end <= b.start {
        Span::new(a.end, b.start)
    } else if b.end <= a.start {
        Span::new(b.end, a.start)
    } else {
        return 0;
    };
    let between = gap.slice(text);
    let n_words = between.split_whitespace().count();
    let n_commas = between.matches(',').count();
    let n_boundaries = between.matches([';', ':', '—', '(', ')']).count();
    n_words + COMMA_COST * n_commas + BOUNDARY_COST * n_boundaries
}

/// The expression nearest the trigger; of two as near, the one after it ("said on Friday
/// that they captured the bridge on Monday": the capture was on Monday).
fn nearest<'m>(text: &str, dated: &[&'m TimeMention], trigger: Span) -> Option<&'m TimeMention> {
    dated.iter().copied().min_by_key(|mention| {
        (
            distance(text, mention.span, trigger),
            mention.span.start < trigger.start,
        )
    })
}

/// The date the text last gave before byte `before`: a fallback for an event stated in a
/// sentence without a date of its own, which news usually dates by the sentences before it.
/// Vague expressions ("now", "recently") and durations without days do not count, nor does the
/// day of a report that closes its sentence after the story gave an earlier one ("They raided
/// the post on Tuesday. They took the armoury, a spokesman said on Wednesday."). When the
/// last date closes a range ("between 26 and 30 August"), the whole range is the date: what
/// the next sentence tells happened over those days; so it is when the last date opens a
/// "since" range and the sentence at `before` goes on in the present perfect ("They have also
/// cut the road"). The date inside a clause "since" opens ("since the truce took effect in
/// May") is passed over: it tells when a state of things began; so is the date "since" opens
/// once the story has given a day of its own ("… since late last year").
pub fn previous_date(text: &str, times: &[TimeMention], before: usize) -> Option<DateInterval> {
    // Mentions are in text order.
    let earlier = &times[..times.partition_point(|mention| mention.span.end <= before)];
    earlier.iter().enumerate().rev().find_map(|(idx, mention)| {
        // A report's day the story already gave a day before ("They raided the post on
        // Tuesday, a spokesman told us on Wednesday") dates the report, not the story.
        if closes_report(text, mention) && story_before(&earlier[..idx], mention) {
            return None;
        }
        let interval = narrative_interval(mention)?;
        match carried_range(mention, interval, before) {
            Some(range) => Some(range),
            // "the heaviest strikes since the ceasefire took effect in November": the date of
            // a clause "since" opens tells when a state of things began, not the story's.
            // "Troops shelled the town on Thursday. Rebels have held the hills since late last
            // year.": once the story has given its day, a date "since" opens is background.
            None if mention.scope.is_some_and(|scope| {
                scope.kind == ScopeKind::Since
                    && (mention.span.start > scope.clause.start + "since ".len()
                        || story_dated_before(&earlier[..idx]))
            }) =>
            {
                None
            }
            None => Some(interval),
        }
    })
}

/// Whether `earlier` gives the story a day or days of its own, not a date "since" opens.
fn story_dated_before(earlier: &[TimeMention]) -> bool {
    earlier.iter().any(|mention| {
        narrative_interval(mention).is_some()
            && !mention
                .scope
                .is_some_and(|scope| scope.kind == ScopeKind::Since)
    })
}

/// Whether a day no later than `report`'s, told by no reporting verb, stands among `earlier`.
fn story_before(earlier: &[TimeMention], report: &TimeMention) -> bool {
    earlier.iter().any(|mention| {
        mention.report_verb.is_none()
            && narrative_interval(mention).is_some_and(|story| precedes_report(story, report))
    })
}

/// The days `mention` gives a story: none for a vague expression ("now", "recently") nor for a
/// length of time that spans many days ("the past 16 days"); a length that leads to a day ("a
/// day later") gives that day.
pub(super) fn narrative_interval(mention: &TimeMention) -> Option<DateInterval> {
    let interval = mention.interval.filter(|_| !is_vague(mention))?;
    let dates = matches!(mention.timex_type, TimexType::Date | TimexType::Time)
        || interval.precision == DatePrecision::Day;
    dates.then_some(interval)
}

/// The range `mention` carries over to the text at `before`: a two-ended range whose far end
/// it is ("between 26 and [30 August]"), or a "since" range the sentence at `before` goes on
/// with ("… since 4 May. They have also cut the road.").
fn carried_range(
    mention: &TimeMention,
    interval: DateInterval,
    before: usize,
) -> Option<DateInterval> {
    let scope = mention.scope?;
    let carried = match scope.kind {
        ScopeKind::TwoEnded => {
            scope.interval.end == interval.end && scope.interval.start < interval.start
        }
        ScopeKind::Since => scope
            .continued_in
            .is_some_and(|sentence| sentence.start == before),
        ScopeKind::Completion => false,
    };
    carried.then_some(scope.interval)
}
