/*!
The news of the day: a fact the text gives no time for at all happened, as a news report
tells it, between the day before publication and the day itself ("Shelling killed three
people in the city, officials said" in a story that names no day).

Only a sentence that says nothing that places the fact away from that day qualifies: "years
ago", "daily", "for months" or a "since" clause ("since the offensive began") do, even without
a day; "in recent weeks" and whatever a relative clause says of its own time do not.
Nor does a toll summed over time ("the war has killed tens of thousands", "more than 40,000";
`toll_quantities` in `clauses.toml`). The dates are set after control
facts are derived, so a capture dated this way gives its controller no "since" day.
*/

use super::extract::{TOLL_MINIMUM, parse_number};
use super::{ClauseIndex, ClauseWords, Event, EventRules};
use crate::doc::Doc;
use crate::span::{Span, starting_in};
use crate::time::{DateInterval, DatePrecision, TimeMention, TimexType};

/// Dates the undated facts of `events` whose sentences say nothing of time with the day
/// before publication to publication.
pub fn date_news_of_the_day(
    doc: &Doc,
    clauses: &ClauseIndex,
    rules: &EventRules,
    events: &mut [Event],
) {
    let Some(published) = doc.published() else {
        return;
    };
    let Ok(day_before) = published.yesterday() else {
        return;
    };
    let news = DateInterval {
        start: day_before,
        end: published,
        precision: DatePrecision::Range,
    };
    let quantities = &rules.clauses.words.toll_quantities;
    let since_words = &rules.clauses.words.since_subordinators;
    for event in events {
        if event.date.is_some() || !event.modality.is_fact() {
            continue;
        }
        let sentence = Span::new(event.evidence_start, event.evidence_end);
        let timeless = !starting_in(&doc.times, sentence, |m| m.span)
            .iter()
            .any(|mention| places_away(mention) && !clauses.in_relative_clause(mention.span));
        let lower = event.evidence.to_lowercase();
        let mut words = lower.split(|c: char| !c.is_alphanumeric());
        let since_or_toll = words
            .any(|word| ClauseWords::has(since_words, word) || ClauseWords::has(quantities, word))
            || event.fatalities.is_some_and(|dead| dead >= TOLL_MINIMUM)
            || has_toll_number(&event.evidence);
        if timeless && !since_or_toll {
            event.date = Some(news);
        }
    }
}

/// Whether a time expression places what its sentence tells away from the news of the day: a
/// date, a time before now with no day ("years ago"), a repetition ("daily") or a length of
/// months or years ("for months"); not a few recent days or weeks ("in recent weeks").
fn places_away(mention: &TimeMention) -> bool {
    let long =
        |value: &str| value.starts_with('P') && (value.ends_with('M') || value.ends_with('Y'));
    mention.interval.is_some()
        || mention.value == "PAST_REF"
        || mention.timex_type == TimexType::Set
        || mention.timex_type == TimexType::Duration && long(&mention.value)
}

/// Whether `text` writes a number of at least [`TOLL_MINIMUM`] in figures ("more than 40,000").
fn has_toll_number(text: &str) -> bool {
    text.split_whitespace()
        .filter_map(parse_number)
        .any(|number| number >= TOLL_MINIMUM)
}
