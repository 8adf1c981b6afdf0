/*!
Restatements: one event told more than once in an article. A lead gives the news ("took
the town on Tuesday") and a later paragraph tells it again with other words: a vaguer or a
neighbouring date ("overnight", "late on Monday", "this week"), a finer or a coarser place
("in southern Lebanon" … "in the town of X"). [`merge_restatements`] keeps one event of each,
with the most exact date and place its mentions give.
A mention that names its target only by its sort, at a state or country ("seized a town in
the north this week"), is the same event as one inside it that names the place, on a day its
dates hold ("took Hill Ridge on Monday").

Two mentions are one event when they have the same kind and actor, and either the same place
and dates that overlap, or a country or state and a place inside it (or one mention with no
place and one with a place) and the same dates, or a day of a two-day range ("overnight"
and the morning after it), or one undated at a state, a country or no place and one dated
inside it in the week before the report, with no other toll.
Dates one day apart count as the same, and so does a lead dated only by its report ("has taken
the base, it said on Wednesday") with a story day in the week before it ("took the base on
Monday"): the story's day is the event's. A coarser place with a coarser date is no restatement
but a summary ("overran ten bases in Kachin State since March" and "took the base at X on 9
April"), and both are kept; so are a township and its villages, which news tells as events of
their own ("the assault on the township" … "it first struck three villages").

Two days that the article names both as calendar dates ("took A on 29 September and attacked
it again on 30 September") stay two events: a writer who names both days means two. A
relative day ("on Tuesday", "overnight", "late on Monday") may be a day off the lead's,
depending on whose clock the sentence keeps: where neither names its day the merged event
spans both. Two towns or two points are never one inside the other, so the villages of a list
stay apart.
*/

use rustc_hash::FxHashSet as HashSet;

use crate::doc::Doc;
use crate::place::{Location, Precision};
use crate::span::Span;
use crate::text::fold_eq;
use crate::time::{self, DateInterval, DatePrecision, TimeMention};

use super::{Event, EventKind, EventRules};
use crate::actor::ActorId;

/// Days before the report within which an undated lead's dated restatement ends.
const LEAD_WEEK_DAYS: i64 = 7;

/// Credits `kept` to `told_rule`, another rule that told the same event, when `kept`'s rule
/// tells only a going-in ("entered Hill Ridge and took control of the town" is a taking), or
/// gave the event its kind only by its target while `told_rule` names that kind itself ("raided
/// the village, setting fire to 12 houses" is the burning).
pub(super) fn credit_fuller_rule(kept: &mut Event, told_rule: &str, rules: &EventRules) {
    let rule_of = |id: &str| rules.triggers.rule(id);
    let fuller = rule_of(&kept.rule).is_some_and(|rule| {
        rule.going_in
            || rule.kind != kept.kind
                && rule_of(told_rule).is_some_and(|told| told.kind == kept.kind)
    });
    if fuller {
        kept.rule = told_rule.to_string();
    }
}

/// Keeps one event per restated event (see the module's comment), in text order. The merged
/// event keeps the narrower date, and the evidence that gave it, unless only the first
/// sentence states a date: a date carried over from the story does not replace one the text
/// gave. Of two neighbouring days it keeps the one named as a calendar day, else both. It keeps
/// the finer place when one place holds the other.
/// `summaries` holds the events whose text names the target only by its sort ("seized a
/// town").
pub(super) fn merge_restatements(
    events: Vec<Event>,
    doc: &Doc,
    rules: &EventRules,
    summaries: &HashSet<SummaryKey>,
) -> Vec<Event> {
    let symmetric = |event: &Event| {
        rules
            .triggers
            .rule(&event.rule)
            .is_some_and(|rule| rule.symmetric)
    };
    let summarises = |summary: &Event, told: &Event| {
        let unnamed = |event: &Event| summaries.contains(&summary_key(event));
        unnamed(summary) && !unnamed(told) && holds_in_time(summary, told)
    };
    let states_date = |event: &Event| stated_dates(doc, event).next().is_some();
    let dates_agree = |first: &Event, second: &Event, exactly: bool| match (first.date, second.date)
    {
        (Some(a), Some(b)) => {
            let same = if exactly {
                (a.start, a.end) == (b.start, b.end) || in_two_days(&a, &b) || in_two_days(&b, &a)
            } else {
                a.overlaps(&b)
            };
            same || (adjacent(&a, &b) && !(names_day(doc, first, &a) && names_day(doc, second, &b)))
                || told_before_report(doc, first, &a, &b)
                || told_before_report(doc, second, &b, &a)
        }
        _ if !exactly => true,
        // A mention without a date at a state, a country or no place is the dated one's inside
        // it: the lead tells the news ("bombed Sagaing Region, residents said"), the
        // restatement its day. Not an undated town's within a dated country ("attacked X" and
        // "the war broke out in April 2023"), and two tolls are two events ("killing 12
        // children" … "killing four people").
        _ => {
            let (undated, dated) = if first.date.is_none() {
                (first, second)
            } else {
                (second, first)
            };
            // The lead is news: its dated restatement ended within the week before the report
            // ("bombed villages, residents said" is not "the deadliest strike, in April 2023").
            let recent = dated.date.is_some_and(|date| {
                doc.published().is_none_or(|day| {
                    time::add_days(date.end, LEAD_WEEK_DAYS).is_some_and(|limit| limit >= day)
                })
            });
            recent
                && (undated.location.is_none() || may_hold(undated, dated))
                && first
                    .fatalities
                    .zip(second.fatalities)
                    .is_none_or(|(a, b)| a == b)
        }
    };
    let mut kept: Vec<Event> = Vec::new();
    for event in events {
        let restated = kept.iter_mut().find(|k| {
            k.kind == event.kind
                && (k.actor1 == event.actor1 || told_from_both_sides(k, &event))
                && k.modality.is_fact() == event.modality.is_fact()
                && match places(k, &event) {
                    Places::Same => dates_agree(&**k, &event, false),
                    Places::Nested => {
                        dates_agree(&**k, &event, true)
                            || summarises(&**k, &event)
                            || summarises(&event, &**k)
                    }
                    Places::Apart => false,
                }
        });
        match restated {
            Some(kept_event) => {
                // Read before the date is taken: taking it takes the other's sentence too.
                let finer_place = may_hold(kept_event, &event);
                // "clashes were ongoing as AA troops attacked": the side the text names as
                // attacker stands.
                if told_from_both_sides(kept_event, &event)
                    && symmetric(kept_event)
                    && !symmetric(&event)
                {
                    kept_event.actor1 = event.actor1.clone();
                    kept_event.actor2 = event.actor2.clone();
                    kept_event.rule = event.rule.clone();
                } else {
                    credit_fuller_rule(kept_event, &event.rule, rules);
                }
                match (kept_event.date, event.date) {
                    // The story's day, when the restatement names it: not a day its sentence
                    // carries over from the story before ("before the AA entered the town").
                    (Some(a), Some(b))
                        if told_before_report(doc, &*kept_event, &a, &b) && states_date(&event) =>
                    {
                        take_date(kept_event, &event)
                    }
                    (Some(a), Some(b)) if told_before_report(doc, &event, &b, &a) => {}
                    (Some(a), Some(b)) if adjacent(&a, &b) && days(&a) == days(&b) => {
                        // Neither or one names its day: the named one, else both days.
                        if names_day(doc, &event, &b) {
                            take_date(kept_event, &event);
                        } else if !names_day(doc, kept_event, &a) {
                            kept_event.date = Some(DateInterval {
                                start: a.start.min(b.start),
                                end: a.end.max(b.end),
                                precision: DatePrecision::Range,
                            });
                        }
                    }
                    (None, Some(_)) => take_date(kept_event, &event),
                    (Some(a), Some(b))
                        if days(&b) < days(&a)
                            && (states_date(&event) || !states_date(kept_event)) =>
                    {
                        take_date(kept_event, &event)
                    }
                    _ => {}
                }
                if kept_event.location.is_none() {
                    kept_event.location = event.location.clone();
                    kept_event.place_inferred = event.place_inferred;
                }
                if finer_place {
                    kept_event.location = event.location;
                    kept_event.place_inferred = event.place_inferred;
                }
                if kept_event.actor2.is_none() {
                    kept_event.actor2 = event.actor2;
                }
                kept_event.fatalities = kept_event.fatalities.or(event.fatalities);
            }
            None => kept.push(event),
        }
    }
    kept
}

/// How the places of two mentions stand to each other.
enum Places {
    /// The same name, or neither known.
    Same,
    /// One inside the other ("southern Lebanon" and a town there), or one told without a
    /// place ("launched air strikes on a town" … "the strikes on Tabayin").
    Nested,
    /// Two places.
    Apart,
}

fn places(a: &Event, b: &Event) -> Places {
    match (&a.location, &b.location) {
        (Some(x), Some(y)) if fold_eq(&x.name, &y.name) => Places::Same,
        _ if may_hold(a, b) || may_hold(b, a) => Places::Nested,
        (None, None) => Places::Same,
        (None, Some(_)) | (Some(_), None) => Places::Nested,
        _ => Places::Apart,
    }
}

/// True when `outer` is a country or a state that holds `inner`: too wide a place to be where
/// something happened when the article names the town the same day. A township is not: news
/// tells a fight for a township and the villages it began at as events of their own.
fn holds(outer: &Location, inner: &Location) -> bool {
    matches!(outer.precision, Precision::Country | Precision::Admin1) && outer.contains(inner)
}

/// True when the place of `outer` holds the place of `inner`, or when the sentence of `outer`
/// names a state and another sentence places `inner` at a place of its country the gazetteer
/// does not know (no state, no coordinates): "a raid on a camp in Mopti region" … "the camp is
/// in the village of X". Within one sentence the two are two places ("attacked X, and another
/// attack hit troops in the Sahel region").
fn may_hold(outer: &Event, inner: &Event) -> bool {
    let (Some(outer_place), Some(inner_place)) = (&outer.location, &inner.location) else {
        return false;
    };
    holds(outer_place, inner_place)
        || (outer_place.precision == Precision::Admin1
            && !outer.place_inferred
            && outer.evidence_start != inner.evidence_start
            && inner_place.precision < Precision::Admin1
            && inner_place.admin1.is_none()
            && inner_place.lat.is_none()
            && inner_place.country.is_some()
            && inner_place.country == outer_place.country)
}

/// What tells one event of a sentence from another for [`merge_restatements`]'s summaries:
/// the sentence's start, the kind and the agent ("The KIA seized a town and the AA took
/// Paletwa" has one summary).
pub(super) type SummaryKey = (usize, EventKind, Option<ActorId>);

/// The summary key of `event`.
fn summary_key(event: &Event) -> SummaryKey {
    (event.evidence_start, event.kind, event.actor1.clone())
}

/// True when `summary` is at no place finer than a state, on dates that hold those of `told`:
/// with a target named only by its sort, it is the event `told` names ("seized a town in the
/// north this week" and "took Hill Ridge on Monday" are one capture).
fn holds_in_time(summary: &Event, told: &Event) -> bool {
    summary
        .location
        .as_ref()
        .is_none_or(|place| place.precision >= Precision::Admin1)
        && match (summary.date, told.date) {
            (Some(outer), Some(inner)) => outer.start <= inner.start && inner.end <= outer.end,
            (None, _) => true,
            (Some(_), None) => false,
        }
}

/// Gives `kept` the date of `event`, and the evidence that stated it.
fn take_date(kept: &mut Event, event: &Event) {
    kept.date = event.date;
    kept.evidence.clone_from(&event.evidence);
    kept.evidence_start = event.evidence_start;
    kept.evidence_end = event.evidence_end;
}

/// The time mentions of the event's sentence that give a date.
fn stated_dates<'d>(doc: &'d Doc, event: &Event) -> impl Iterator<Item = &'d TimeMention> {
    let sentence = Span::new(event.evidence_start, event.evidence_end);
    doc.times
        .iter()
        .filter(move |mention| sentence.contains(mention.span) && mention.interval.is_some())
}

/// True when `event` is dated only by the day of its report ("…, it said on Wednesday") and
/// `story` is a day in the week up to it, told by another mention: a report tells what happened
/// by then, and the story's day is the event's ("The AA has taken the base, it said on
/// Wednesday. … took the base on Monday").
fn told_before_report(doc: &Doc, event: &Event, date: &DateInterval, story: &DateInterval) -> bool {
    const REPORT_LAG_DAYS: i64 = 7;
    days(story) == 0
        && days(date) == 0
        && story.end < date.start
        && time::add_days(story.start, REPORT_LAG_DAYS).is_some_and(|limit| limit >= date.start)
        && stated_dates(doc, event).all(|mention| mention.report_verb.is_some())
        && stated_dates(doc, event).any(|mention| mention.interval.as_ref() == Some(date))
}

/// True when two intervals of a day or two each are neighbours: one ends the day before the
/// other starts. Longer ranges that touch ("in October", "in November") are two periods.
fn adjacent(a: &DateInterval, b: &DateInterval) -> bool {
    const LONGEST_DAYS: i32 = 1;
    if days(a) > LONGEST_DAYS || days(b) > LONGEST_DAYS {
        return false;
    }
    let follows = |first: &DateInterval, second: &DateInterval| {
        time::add_days(first.end, 1) == Some(second.start)
    };
    follows(a, b) || follows(b, a)
}

/// True when `day` is one of the two days `range` spans: a night ("overnight" runs into the
/// next morning) restated on its morning.
fn in_two_days(range: &DateInterval, day: &DateInterval) -> bool {
    days(range) == 1 && days(day) == 0 && range.start <= day.start && day.end <= range.end
}

/// True when the sentence names `date` as a calendar day, with a number ("on 29 September",
/// "July 31"), not as a weekday or a relative word ("on Tuesday", "overnight").
fn names_day(doc: &Doc, event: &Event, date: &DateInterval) -> bool {
    stated_dates(doc, event).any(|mention| {
        mention.interval.as_ref() == Some(date)
            && mention
                .span
                .slice(doc.text())
                .contains(|c: char| c.is_ascii_digit())
    })
}

/// True when two events of one sentence have their parties swapped: "the army repelled an
/// attack by the RSF" tells one clash from each side.
fn told_from_both_sides(first: &Event, second: &Event) -> bool {
    first.evidence_start == second.evidence_start
        && first.actor1.is_some()
        && first.actor1 == second.actor2
        && first.actor2 == second.actor1
}

/// The number of days an interval spans.
fn days(interval: &DateInterval) -> i32 {
    (interval.end - interval.start).get_days()
}
