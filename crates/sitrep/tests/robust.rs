//! No input makes the pipeline panic, and every span it returns lies on the text's character
//! boundaries: random text, text built from trigger words, names and dates, and adversarial
//! shapes (one huge sentence, no punctuation, only brackets); and a batch of articles gives
//! what each gives alone.

use std::sync::LazyLock;

use proptest::prelude::*;
use sitrep::{Analysis, Article, Pipeline, ResourceFiles, Resources};

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::load(&ResourceFiles::embedded()).expect("resources load"));

fn article(text: &str) -> Article {
    Article {
        id: "fuzz".into(),
        published: jiff::civil::Date::new(2024, 6, 15).ok(),
        text: text.to_string(),
        ..Article::default()
    }
}

fn run(text: &str) -> Analysis {
    Pipeline::new(&RESOURCES).run(article(text))
}

/// Every span and offset of an analysis is valid for `text`.
fn check(text: &str, analysis: &Analysis) {
    let valid = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let doc = &analysis.doc;
    for span in doc
        .sentences
        .iter()
        .chain(doc.times.iter().map(|t| &t.span))
        .chain(doc.places.iter().map(|p| &p.span))
    {
        assert!(valid(span.start, span.end), "bad span {span:?}");
    }
    for event in &analysis.events {
        assert!(valid(event.evidence_start, event.evidence_end));
        assert_eq!(
            &text[event.evidence_start..event.evidence_end],
            event.evidence
        );
    }
}

/// Pieces of conflict prose: trigger words, names, dates, punctuation, odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("took control of".to_string()),
        Just("fell to".to_string()),
        Just("the KIA".to_string()),
        Just("junta troops".to_string()),
        Just("airstrikes".to_string()),
        Just("shelled".to_string()),
        Just("fled their homes".to_string()),
        Just("Bhamo Town".to_string()),
        Just("Light Infantry Battalion (LIB) 5".to_string()),
        Just("the Chin Brotherhood (CB)".to_string()),
        Just("on 9 December".to_string()),
        Just("since Tuesday".to_string()),
        Just("yesterday [8 December]".to_string()),
        Just("said".to_string()),
        Just("not".to_string()),
        Just("—".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("\n".to_string()),
        Just("(".to_string()),
        Just("’s".to_string()),
        "[a-zA-Z]{1,12}",
        // A word with a mark glued to it ("of—", "army’s—"): offsets next to multi-byte marks.
        "[a-zA-Z]{1,8}(’s)?[—–’“”]",
        "[0-9]{1,6}",
        "\\PC{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn prose_like_text_never_panics(pieces in prop::collection::vec(piece(), 0..80)) {
        let text = pieces.join(" ");
        check(&text, &run(&text));
    }

    #[test]
    fn a_batch_gives_what_each_article_gives_alone(texts in prop::collection::vec(prop::collection::vec(piece(), 0..40), 0..5)) {
        let texts: Vec<String> = texts.iter().map(|pieces| pieces.join(" ")).collect();
        let batch = Pipeline::new(&RESOURCES).run_batch(texts.iter().map(|text| article(text)).collect());
        let alone: Vec<Analysis> = texts.iter().map(|text| run(text)).collect();
        prop_assert_eq!(format!("{batch:?}"), format!("{alone:?}"));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text, &run(&text));
    }
}

#[test]
fn adversarial_shapes() {
    let every_trigger: String = RESOURCES
        .events
        .triggers
        .rules
        .iter()
        .flat_map(|rule| rule.examples.iter().cloned())
        .collect::<Vec<_>>()
        .join(" and ");
    let one_huge_sentence = "the KIA took control of Bhamo Town on 9 December and ".repeat(4000);
    let no_punctuation = "junta troops shelled villages fled ".repeat(2000);
    let brackets = "((((([[[[ ".repeat(2000);
    for text in [
        every_trigger.as_str(),
        &one_huge_sentence,
        &no_punctuation,
        &brackets,
        "",
        " ",
        "\u{FFFD}\u{0}",
    ] {
        check(text, &run(text));
    }
}
