//! Tests of the time stage: every rule's own examples, and the behaviours the
//! rest of sitrep relies on (year inference, ranges, event dating), on made-up sentences.

use jiff::civil::{Date, date};

use super::*;
use crate::resources::ResourceFiles;
use crate::sentence::SentenceSplitter;

struct Fixture {
    rules: TimeRules,
    splitter: SentenceSplitter,
}

impl Fixture {
    fn new() -> Fixture {
        let files = ResourceFiles::embedded();
        Fixture {
            rules: TimeRules::load(&files).unwrap(),
            splitter: SentenceSplitter::load(&files).unwrap(),
        }
    }

    fn tag(&self, text: &str, published: Option<Date>) -> Vec<TimeMention> {
        tag(text, &self.splitter.split(text), published, &self.rules)
    }

    /// The date event dating gives the trigger `trigger` in the one-sentence `text`.
    fn date_of(&self, text: &str, published: Date, trigger: &str) -> Option<DateInterval> {
        event_date(
            text,
            &self.tag(text, Some(published)),
            &query(text, trigger, None),
        )
    }

    /// The mentions as `text=value` strings, for compact assertions.
    fn values(&self, text: &str, published: Date) -> Vec<String> {
        self.tag(text, Some(published))
            .iter()
            .map(|m| format!("{}={}", m.span.slice(text), m.value))
            .collect()
    }
}

/// Splits "a [b] c => V" into the plain text, the bracketed span and the expected value.
fn parse_example(example: &str) -> Option<(String, Span, Option<String>)> {
    let (body, value) = match example.rsplit_once(" => ") {
        Some((body, value)) => (body, Some(value.trim().to_string())),
        None => (example, None),
    };
    let open = body.find('[')?;
    let close = body[open..].find(']')? + open;
    let text = format!(
        "{}{}{}",
        &body[..open],
        &body[open + 1..close],
        &body[close + 1..]
    );
    Some((text, Span::new(open, close - 1), value))
}

#[test]
fn every_rule_finds_its_examples_and_not_its_counter_examples() {
    let fixture = Fixture::new();
    let published = fixture.rules.settings.example_published;
    let mut failures = Vec::new();
    for rule in &fixture.rules.rules {
        for example in &rule.examples {
            let Some((text, span, value)) = parse_example(example) else {
                failures.push(format!(
                    "{}: example without [brackets]: {example}",
                    rule.id
                ));
                continue;
            };
            let mentions = fixture.tag(&text, Some(published));
            if rule.template.kind == template::ValueKind::Ignore {
                // An ignore rule's example: nothing may be found in the brackets.
                if let Some(found) = mentions.iter().find(|m| m.span.overlaps(span)) {
                    failures.push(format!(
                        "{}: {:?} found {:?} in {example:?}",
                        rule.id,
                        found.rule,
                        found.span.slice(&text)
                    ));
                }
                continue;
            }
            let found = mentions
                .iter()
                .find(|m| m.span == span && m.rule == rule.id);
            match (found, value) {
                (None, _) => failures.push(format!(
                    "{}: missed {:?} in {example:?}; found {:?}",
                    rule.id,
                    span.slice(&text),
                    mentions
                        .iter()
                        .map(|m| (m.span.slice(&text), m.rule.as_str(), m.value.as_str()))
                        .collect::<Vec<_>>()
                )),
                (Some(mention), Some(value)) if mention.value != value => {
                    failures.push(format!("{}: {example:?} gave {}", rule.id, mention.value))
                }
                _ => {}
            }
        }
        for counter in &rule.counter_examples {
            if rule.template.kind == template::ValueKind::Ignore {
                // An ignore rule's counter-example: what is in the brackets must still be found.
                let Some((text, span, _)) = parse_example(counter) else {
                    failures.push(format!(
                        "{}: counter-example without [brackets]: {counter}",
                        rule.id
                    ));
                    continue;
                };
                if !fixture
                    .tag(&text, Some(published))
                    .iter()
                    .any(|m| m.span == span)
                {
                    failures.push(format!(
                        "{}: hid {:?} in {counter:?}",
                        rule.id,
                        span.slice(&text)
                    ));
                }
                continue;
            }
            let mentions = fixture.tag(counter, Some(published));
            if let Some(mention) = mentions.iter().find(|m| m.rule == rule.id) {
                failures.push(format!(
                    "{}: fired on counter-example {counter:?} at {:?}",
                    rule.id,
                    mention.span.slice(counter)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_list_of_dates_carries_the_year_forward() {
    let fixture = Fixture::new();
    let text = "The militia took Aville on 29 September 2023, Btown on 18 October and Cburg on 20 November.";
    assert_eq!(
        fixture.values(text, date(2024, 12, 10)),
        [
            "29 September 2023=2023-09-29",
            "18 October=2023-10-18",
            "20 November=2023-11-20"
        ]
    );
}

#[test]
fn set_is_a_future_cue_only_before_to() {
    let fixture = Fixture::new();
    // Published on a Wednesday: "set to" looks ahead; "set fire", "set up" are past; after
    // "had been" the plan was overtaken.
    for (text, value) in [
        ("Talks are set to resume on Monday.", "Monday=2024-12-16"),
        (
            "Rebels set fire to the depot on Monday.",
            "Monday=2024-12-09",
        ),
        ("Troops set up a checkpoint on Monday.", "Monday=2024-12-09"),
        (
            "The truce had been set to end on Monday.",
            "Monday=2024-12-09",
        ),
    ] {
        assert_eq!(fixture.values(text, date(2024, 12, 11)), [value], "{text}");
    }
}

#[test]
fn past_dates_without_a_year_fall_before_publication() {
    let fixture = Fixture::new();
    // Published in January: a December date in a past-tense clause is last year's.
    assert_eq!(
        fixture.values(
            "Rebels captured the depot on 26 December.",
            date(2025, 1, 16)
        ),
        ["26 December=2024-12-26"]
    );
    // A future clause pushes a date that has passed into next year.
    assert_eq!(
        fixture.values("The new bridge will open on 3 January.", date(2024, 12, 20)),
        ["3 January=2025-01-03"]
    );
    // A month a few weeks ahead, far from the clause's past verb, stays this year's; a past
    // verb right beside it moves it to last year.
    for (text, value) in [
        (
            "The alliance decided to admit the three states in early March.",
            "early March=1999-03",
        ),
        ("Exports collapsed in March.", "March=1998-03"),
    ] {
        assert_eq!(fixture.values(text, date(1999, 2, 10)), [value]);
    }
    // Weekdays: the latest on or before publication, unless the clause is future.
    assert_eq!(
        fixture.values("The airport was seized on Friday.", date(2025, 2, 15)),
        ["Friday=2025-02-14"]
    );
    assert_eq!(
        fixture.values("Delegates will meet on Monday.", date(2025, 2, 15)),
        ["Monday=2025-02-17"]
    );
}

#[test]
fn intervals_follow_the_contract() {
    let fixture = Fixture::new();
    let published = date(2025, 2, 15);
    let text = "Aid stopped in early December, resumed earlier this month and stalled in mid-2024 and in late January.";
    let mentions = fixture.tag(text, Some(published));
    let intervals: Vec<(String, Date, Date, DatePrecision)> = mentions
        .iter()
        .filter_map(|m| {
            m.interval
                .map(|i| (m.span.slice(text).to_string(), i.start, i.end, i.precision))
        })
        .collect();
    assert_eq!(
        intervals,
        [
            (
                "early December".into(),
                date(2024, 12, 1),
                date(2024, 12, 10),
                DatePrecision::Range
            ),
            (
                "earlier this month".into(),
                date(2025, 2, 1),
                published,
                DatePrecision::Range
            ),
            (
                "mid-2024".into(),
                date(2024, 5, 1),
                date(2024, 8, 31),
                DatePrecision::Range
            ),
            (
                "late January".into(),
                date(2025, 1, 21),
                date(2025, 1, 31),
                DatePrecision::Range
            ),
        ]
    );
    let month = fixture.tag("Fighting stopped in May 2023.", Some(published));
    assert_eq!(
        month[0].interval,
        Some(DateInterval {
            start: date(2023, 5, 1),
            end: date(2023, 5, 31),
            precision: DatePrecision::Month
        })
    );
    // Written on the first of a month, "earlier this month" can only mean the month before.
    let earlier = fixture.tag("Aid resumed earlier this month.", Some(date(2025, 3, 1)));
    assert_eq!(
        earlier[0].interval.map(|i| (i.start, i.end)),
        Some((date(2025, 2, 1), date(2025, 2, 28)))
    );
    let last_week = fixture.tag("Shelling eased last week.", Some(published));
    assert_eq!(last_week[0].value, "2025-W06");
    assert_eq!(
        last_week[0].interval.map(|i| (i.start, i.end)),
        Some((date(2025, 2, 3), date(2025, 2, 9)))
    );
    // The first days of an undertaking count from the last date the text gave.
    let first_days = fixture.tag(
        "The rebels began the siege on 2 January. Food ran out in the first ten days of the siege.",
        Some(published),
    );
    let interval = first_days
        .last()
        .and_then(|m| m.interval)
        .map(|i| (i.start, i.end, i.precision));
    assert_eq!(
        interval,
        Some((date(2025, 1, 2), date(2025, 1, 11), DatePrecision::Range))
    );
    // A few days before or after the last date is a range of days next to it; a few hours,
    // no range.
    let last_range = |text: &str| {
        fixture
            .tag(text, Some(published))
            .last()
            .and_then(|m| m.interval)
            .map(|i| (i.start, i.end))
    };
    assert_eq!(
        last_range("A market was hit on 10 January. Days before, a mosque was shelled."),
        Some((date(2025, 1, 7), date(2025, 1, 9)))
    );
    assert_eq!(
        last_range("A market was hit on 10 January. A few days later, a school was shelled."),
        Some((date(2025, 1, 11), date(2025, 1, 13)))
    );
    assert_eq!(
        last_range("A market was hit on 10 January. A few hours earlier, a school was shelled."),
        None
    );
}

#[test]
fn without_a_publication_date_nothing_is_guessed() {
    let fixture = Fixture::new();
    let text = "Troops left on 9 December and returned yesterday, and again in 2021.";
    let mentions = fixture.tag(text, None);
    let values: Vec<(&str, Option<DateInterval>)> = mentions
        .iter()
        .map(|m| (m.value.as_str(), m.interval))
        .collect();
    assert_eq!(values[0], ("XXXX-12-09", None));
    assert_eq!(values[1], ("PAST_REF", None));
    assert_eq!(values[2].0, "2021");
    assert!(values[2].1.is_some());
}

#[test]
fn overnight_covers_the_night_into_the_day_of_the_report() {
    let fixture = Fixture::new();
    let published = date(2024, 6, 12);
    let night = |text: &str, trigger: &str| {
        let interval = fixture.date_of(text, published, trigger).unwrap();
        (interval.start, interval.end)
    };
    assert_eq!(
        night("Missiles struck two power plants overnight.", "struck"),
        (date(2024, 6, 11), date(2024, 6, 12))
    );
    assert_eq!(
        night(
            "Gunmen stormed the post on 3 June. Guards fled overnight.",
            "fled"
        ),
        (date(2024, 6, 11), date(2024, 6, 12)),
        "the night before the report, not before a day the story named"
    );
    assert_eq!(
        night("Rockets hit the port last night.", "hit"),
        (date(2024, 6, 11), date(2024, 6, 12))
    );
    assert_eq!(
        night("Missiles struck the port on Monday night.", "struck"),
        (date(2024, 6, 10), date(2024, 6, 10)),
        "a named night stays on its day"
    );
}

#[test]
fn a_clock_time_takes_the_day_named_right_after_it() {
    let fixture = Fixture::new();
    let published = date(2024, 6, 30);
    assert_eq!(
        fixture.values("A bomb hit the market at 7:00 pm on 27 June.", published),
        ["7:00 pm=2024-06-27T19:00", "27 June=2024-06-27"]
    );
    let interval = fixture
        .date_of(
            "A bomb hit the market at 7:00 pm on 27 June.",
            published,
            "hit",
        )
        .unwrap();
    assert_eq!(
        (interval.start, interval.end),
        (date(2024, 6, 27), date(2024, 6, 27))
    );
}

fn query(text: &str, trigger: &str, argument: Option<&str>) -> DateQuery {
    let find = |needle: &str| {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    };
    DateQuery {
        sentence: Span::new(0, text.len()),
        trigger: find(trigger),
        argument: argument.map(find),
    }
}

#[test]
fn events_take_the_expression_governing_their_clause() {
    let fixture = Fixture::new();
    let published = date(2024, 12, 10);
    let text = "The militia seized Aville on 29 September 2024, Btown (Bee) Town on 18 October and Cburg on 20 November.";
    let times = fixture.tag(text, Some(published));
    let dated = |argument| {
        event_date(text, &times, &query(text, "seized", Some(argument))).map(|i| i.start)
    };
    assert_eq!(dated("Aville"), Some(date(2024, 9, 29)));
    assert_eq!(dated("Btown (Bee) Town"), Some(date(2024, 10, 18)));
    assert_eq!(dated("Cburg"), Some(date(2024, 11, 20)));

    // A list after "and" shares the expression that closes it, not the one before the "and".
    let text = "Soldiers burnt Aville and Btown on 2 December and Cburg, Dton, Eham and Fwick on Sunday, locals said.";
    let times = fixture.tag(text, Some(published));
    let dated =
        |argument| event_date(text, &times, &query(text, "burnt", Some(argument))).map(|i| i.start);
    assert_eq!(dated("Aville"), Some(date(2024, 12, 2)));
    assert_eq!(dated("Cburg"), Some(date(2024, 12, 8)));
    assert_eq!(dated("Dton"), Some(date(2024, 12, 8)));
    // A lower-case word before the expression ends the list: the report's day is not Cburg's.
    let text = "Soldiers burnt Aville on 2 December and Cburg, the Dton militia said on Sunday.";
    let times = fixture.tag(text, Some(published));
    let dated = event_date(text, &times, &query(text, "burnt", Some("Cburg"))).map(|i| i.start);
    assert_eq!(dated, Some(date(2024, 12, 2)));

    let text = "A spokesman said on Friday that the rebels captured the bridge on Monday.";
    let captured = fixture.date_of(text, published, "captured").unwrap();
    assert_eq!(captured.start, date(2024, 12, 9));

    let text = "The envoy left for the capital yesterday [8 December], aides said.";
    let left = fixture.date_of(text, published, "left").unwrap();
    assert_eq!(left.start, date(2024, 12, 8));

    let text = "The army has held the pass for years.";
    assert_eq!(fixture.date_of(text, published, "held"), None);
}

#[test]
fn a_sentence_without_a_date_can_fall_back_on_the_last_one() {
    let fixture = Fixture::new();
    let text = "Rebels took the bridge on 3 May. They now hold the road. Troops fled north.";
    let times = fixture.tag(text, Some(date(2024, 6, 1)));
    let last = text.find("Troops").unwrap();
    assert_eq!(
        previous_date(text, &times, last).map(|interval| interval.start),
        Some(date(2024, 5, 3))
    );
    assert_eq!(previous_date(text, &times, 5), None);

    let text = "Troops raided the hills between 4 and 6 May. Hundreds of families fled.";
    let times = fixture.tag(text, Some(date(2024, 6, 1)));
    let fled = previous_date(text, &times, text.find("Hundreds").unwrap()).unwrap();
    assert_eq!(
        (fled.start, fled.end),
        (date(2024, 5, 4), date(2024, 5, 6)),
        "a range the last sentence closed"
    );

    let text = "Rebels have shelled the port since 4 May. Hundreds of families fled.";
    let times = fixture.tag(text, Some(date(2024, 6, 1)));
    let fled = previous_date(text, &times, text.find("Hundreds").unwrap()).unwrap();
    assert_eq!(
        (fled.start, fled.end),
        (date(2024, 5, 4), date(2024, 5, 4)),
        "not a range that runs to publication"
    );

    let text = "Rebels have shelled the port since 4 May. They have also attacked the airfield.";
    let times = fixture.tag(text, Some(date(2024, 6, 1)));
    let attacked = previous_date(text, &times, text.find("They").unwrap()).unwrap();
    assert_eq!(
        (attacked.start, attacked.end),
        (date(2024, 5, 4), date(2024, 6, 1)),
        "a present perfect goes on with it"
    );

    let text = "Gunmen burned a market on Tuesday. The hills have been lawless since late last \
                year. Two traders were shot dead.";
    let times = fixture.tag(text, Some(date(2024, 6, 5)));
    let shot = previous_date(text, &times, text.find("Two").unwrap()).unwrap();
    assert_eq!(
        shot.start,
        date(2024, 6, 4),
        "not a 'since' date after the story gave its day"
    );

    let text = "Jets struck the town on 2 June, the worst raids since the truce took effect in May. \
                A drone hit a car.";
    let times = fixture.tag(text, Some(date(2024, 6, 5)));
    let hit = previous_date(text, &times, text.find("A drone").unwrap()).unwrap();
    assert_eq!(
        hit.start,
        date(2024, 6, 2),
        "not the date of a clause 'since' opens"
    );
}

#[test]
fn since_and_between_open_ranges() {
    let fixture = Fixture::new();
    let published = date(2024, 12, 10);
    let text = "Since 4 December the rebels have been shelling the port.";
    let shelling = fixture.date_of(text, published, "shelling").unwrap();
    assert_eq!(
        (shelling.start, shelling.end, shelling.precision),
        (date(2024, 12, 4), published, DatePrecision::Range)
    );

    let text = "The group has taken 14 towns since it opened its offensive on 7 March.";
    let times = fixture.tag(text, Some(published));
    let opened = event_date(text, &times, &query(text, "opened", None)).unwrap();
    assert_eq!(
        (opened.start, opened.end),
        (date(2024, 3, 7), date(2024, 3, 7))
    );
    let taken = event_date(text, &times, &query(text, "taken", None)).unwrap();
    assert_eq!((taken.start, taken.end), (date(2024, 3, 7), published));

    let text = "Between 26 and 30 August the envoy met four armed groups.";
    let times = fixture.tag(text, Some(date(2024, 9, 2)));
    let met = event_date(text, &times, &query(text, "met", None)).unwrap();
    assert_eq!((met.start, met.end), (date(2024, 8, 26), date(2024, 8, 30)));

    let text = "Gunboats shelled the coastal villages on Sunday and Monday, residents said.";
    let shelled = fixture
        .date_of(text, date(2024, 12, 10), "shelled")
        .unwrap();
    assert_eq!(
        (shelled.start, shelled.end),
        (date(2024, 12, 8), date(2024, 12, 9)),
        "two days in a row are one stretch"
    );
    let text = "The militia raided the camp on 3 May and 9 June.";
    let raided = fixture.date_of(text, date(2024, 12, 10), "raided").unwrap();
    assert_eq!(raided.end, date(2024, 5, 3), "days apart are two dates");
}

#[test]
fn a_report_date_gives_way_to_the_date_of_the_reported_clause() {
    let fixture = Fixture::new();
    let published = date(2024, 12, 13);
    let text = "Since Sunday, aid groups have counted 900 families fleeing the valley, an envoy told journalists in Geneva on Thursday.";
    let fleeing = fixture.date_of(text, published, "fleeing").unwrap();
    assert_eq!((fleeing.start, fleeing.end), (date(2024, 12, 8), published));

    let text = "Rebels hold the whole valley, their leader said on Thursday, the largest area taken since they crossed the river on 2 December.";
    let hold = fixture.date_of(text, published, "hold").unwrap();
    assert_eq!(
        (hold.start, hold.end),
        (date(2024, 12, 12), date(2024, 12, 12)),
        "the date across the verb is another clause's"
    );

    let text = "Officials said on Thursday that on Monday the militia burned the market.";
    let burned = fixture.date_of(text, published, "burned").unwrap();
    assert_eq!(burned.start, date(2024, 12, 9));

    let text =
        "The army said on Thursday that it had retaken the pass, its first gain there since 2021.";
    let retaken = fixture.date_of(text, published, "retaken").unwrap();
    assert_eq!(
        retaken.start,
        date(2024, 12, 12),
        "a report before the event dates it"
    );
}

#[test]
fn a_trailing_report_day_gives_way_to_the_day_the_story_gave() {
    let fixture = Fixture::new();
    let published = date(2024, 12, 13);
    let text = "Militia fighters stormed a customs post on Tuesday night. \
                They burned two trucks, a local official told reporters on Wednesday. \
                The fighters also looted a fuel depot.";
    let times = fixture.tag(text, Some(published));
    let second = text.find("They burned").unwrap();
    let third = text.find("The fighters").unwrap();
    let burned = DateQuery {
        sentence: Span::new(second, third - 1),
        trigger: Span::new(
            text.find("burned").unwrap(),
            text.find("burned").unwrap() + 6,
        ),
        argument: None,
    };
    assert_eq!(
        event_date(text, &times, &burned),
        None,
        "the story's day is carried over"
    );
    let looted = previous_date(text, &times, third).unwrap();
    assert_eq!(
        looted.start,
        date(2024, 12, 10),
        "not the report's Wednesday"
    );

    let text = "Militia fighters stormed a customs post on Tuesday night. \
                The governor said on Wednesday the fighters had burned two trucks. \
                The fighters also looted a fuel depot.";
    let times = fixture.tag(text, Some(published));
    let third = text.find("The fighters").unwrap();
    let looted = previous_date(text, &times, third).unwrap();
    assert_eq!(
        looted.start,
        date(2024, 12, 11),
        "a report that opens its clause dates it"
    );

    let text = "They burned two trucks, a local official told reporters on Wednesday.";
    let burned = fixture.date_of(text, published, "burned").unwrap();
    assert_eq!(
        burned.start,
        date(2024, 12, 11),
        "no earlier day: the report's day"
    );
}

#[test]
fn by_a_date_with_a_past_perfect_opens_a_range_for_the_sentence() {
    let fixture = Fixture::new();
    let published = date(2024, 12, 10);
    let text = "By Friday, the rebels, who began their push on 2 December, had taken six bases.";
    let times = fixture.tag(text, Some(published));
    for trigger in ["taken", "began"] {
        let dated = event_date(text, &times, &query(text, trigger, None)).unwrap();
        assert_eq!(
            (dated.start, dated.end, dated.precision),
            (date(2024, 12, 2), date(2024, 12, 6), DatePrecision::Range),
            "{trigger}"
        );
    }

    let text = "The army opened the operation in March. By 30 June, it had retaken four towns.";
    let times = fixture.tag(text, Some(published));
    let sentence = Span::new(text.find("By").unwrap(), text.len());
    let retaken = event_date(
        text,
        &times,
        &DateQuery {
            sentence,
            ..query(text, "retaken", None)
        },
    )
    .unwrap();
    assert_eq!(
        (retaken.start, retaken.end),
        (date(2024, 3, 1), date(2024, 6, 30)),
        "from the last date before"
    );

    let text = "By Friday, shops were shutting across the town.";
    let shutting = fixture.date_of(text, published, "shutting").unwrap();
    assert_eq!(
        (shutting.start, shutting.end),
        (date(2024, 12, 6), date(2024, 12, 6)),
        "no past perfect, no range"
    );
}

#[test]
fn random_word_salad_does_not_panic() {
    let fixture = Fixture::new();
    let vocabulary = [
        "on",
        "since",
        "between",
        "and",
        "to",
        "-",
        "—",
        "9",
        "31",
        "2024",
        "1958-61",
        "December",
        "Dec.",
        "May",
        "Friday",
        "night",
        "last",
        "next",
        "week",
        "year",
        "ago",
        "earlier",
        "the",
        "a",
        "few",
        "days",
        "4-6",
        "(",
        ")",
        ",",
        ";",
        "é",
        "🙂",
        "’s",
        "a.m.",
        "10:35",
        "noon",
        "yesterday",
        "that",
        "day",
        "quarter",
        "third-quarter",
        "mid-",
        "early",
        "1990s",
        "21st",
        "century",
        "every",
        "daily",
        "now",
        "until",
        "fiscal",
        "\n",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..30 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(vocabulary[(state >> 33) as usize % vocabulary.len()]);
            text.push(if state & 1 == 0 { ' ' } else { '.' });
        }
        for published in [None, Some(date(2024, 2, 29)), Some(date(9999, 12, 31))] {
            let mentions = fixture.tag(&text, published);
            for mention in &mentions {
                assert!(mention.span.end <= text.len() && mention.span.start < mention.span.end);
                let query = DateQuery {
                    sentence: Span::new(0, text.len()),
                    trigger: mention.span,
                    argument: Some(mention.span),
                };
                let _ = event_date(&text, &mentions, &query);
            }
        }
    }
}

#[test]
fn odd_input_does_not_panic() {
    let fixture = Fixture::new();
    for text in [
        "",
        "[",
        "9999-12-31 and 31 December 9999 plus 3000 years ago",
        "0:00 a.m. on 31 February",
        "🙂 since 🙂 between 2 and",
        "BHAMO — since 4 May — the town — was shelled",
    ] {
        let mentions = fixture.tag(text, Some(date(9999, 12, 31)));
        for mention in &mentions {
            let _ = event_date(
                text,
                &mentions,
                &DateQuery {
                    sentence: Span::new(0, text.len()),
                    trigger: mention.span,
                    argument: None,
                },
            );
        }
    }
    let text = "On 3 May";
    let times = fixture.tag(text, Some(date(2024, 6, 1)));
    let bad = DateQuery {
        sentence: Span::new(0, 100),
        trigger: Span::new(50, 60),
        argument: Some(Span::new(1, 200)),
    };
    assert!(event_date(text, &times, &bad).is_some());
}

/// The shared reference data, read where the repository's neighbour keeps it.
fn shared(path: &str) -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(path)
}

fn files_under(dir: &std::path::Path, extension: &str, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, extension, out);
        } else if path.extension().is_some_and(|ext| ext == extension) {
            out.push(path);
        }
    }
}

#[test]
fn tempeval_training_scores_hold() {
    let fixture = Fixture::new();
    let mut paths = Vec::new();
    files_under(&shared("data/tempeval3/train"), "tml", &mut paths);
    assert_eq!(paths.len(), 256, "TimeBank and AQUAINT: 183 + 73 files");
    let mut total = tempeval::TimexCounts::default();
    for path in &paths {
        let doc = timeml::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let system: Vec<timeml::Timex> = fixture
            .tag(&doc.text, doc.dct)
            .into_iter()
            .map(|m| timeml::Timex {
                span: m.span,
                timex_type: Some(m.timex_type),
                value: m.value,
            })
            .collect();
        let alignment = tempeval::align(&doc.timexes, &system);
        total.add(&tempeval::TimexCounts::of(
            &doc.timexes,
            &system,
            &alignment,
        ));
    }
    assert_eq!(total.gold, 1822);
    let scores = total.scores();
    // Floors a little under the figures `sitrep eval-time` prints, to catch regressions.
    assert!(
        scores.strict.f1 >= 0.85,
        "strict span F1 {:.3}",
        scores.strict.f1
    );
    assert!(
        scores.relaxed.f1 >= 0.92,
        "relaxed span F1 {:.3}",
        scores.relaxed.f1
    );
    assert!(scores.value_f1 >= 0.79, "value F1 {:.3}", scores.value_f1);
}

#[test]
fn dev_corpus_event_dates_hold() {
    let fixture = Fixture::new();
    let mut paths = Vec::new();
    files_under(&shared("corpus/dev"), "json", &mut paths);
    let mut total = date_eval::DateTally::default();
    for path in &paths {
        let article: crate::doc::Article =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let gold_path = path.with_file_name(format!(
            "{}.gold.jsonl",
            path.file_stem().unwrap().to_string_lossy()
        ));
        let (gold, bad) = crate::eval::parse_jsonl::<crate::eval::GoldEvent>(
            &std::fs::read_to_string(gold_path).unwrap(),
        );
        assert!(bad.is_empty());
        let times = fixture.tag(&article.text, article.published);
        total.add(&date_eval::score(&article.text, &times, &gold).0);
    }
    assert!(total.dated > 250, "{} dated gold events", total.dated);
    let ceiling = total.ceiling as f64 / total.dated as f64;
    assert!(
        ceiling >= 0.70,
        "an expression in the evidence gives the gold date for {ceiling:.3}"
    );
    assert!(
        total.exact_among_overlapping() >= 0.84,
        "exact among overlapping {:.3}",
        total.exact_among_overlapping()
    );
}
