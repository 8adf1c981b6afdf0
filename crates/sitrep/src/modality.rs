/*!
Modality: how firmly a sentence states an event.

Cues come from `resources/modality/cues.toml`. A negation, plan or hedge counts when it
stands before the trigger in the same clause, within a few words ("had not been captured",
"plans to retake", "might carry out airstrikes"), or, for a few sentence-wide cues ("denied",
"analysts believe"), anywhere before it. Without such a cue, a sentence whose speaker is a
party to the conflict ("the AA said", "according to the junta") states a claim; anything else
is asserted.
*/

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::event::Modality;
use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

const CUES: &str = "modality/cues.toml";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueClass {
    window: usize,
    cues: Vec<String>,
    #[serde(default)]
    sentence_cues: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

/// Reporting verbs and the speakers who are not parties.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// Reporting verbs ("said", "according to").
    pub verbs: Vec<String>,
    /// Speakers whose reports are asserted ("residents", "sources").
    pub neutral_speakers: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    negated: CueClass,
    planned: CueClass,
    speculative: CueClass,
    claimed: Attribution,
}

/// Which part of the sentence a cue list looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// The last few words before the trigger, in its clause.
    Window,
    /// Anywhere before the trigger in its sentence.
    Sentence,
    /// Anywhere after the trigger in its sentence.
    After,
}

/// One class's cues, compiled.
#[derive(Clone, Debug)]
struct CompiledClass {
    modality: Modality,
    window: usize,
}

/// The compiled cues: one automaton over every cue of every class.
#[derive(Clone, Debug)]
pub struct ModalityCues {
    classes: Vec<CompiledClass>,
    /// For each automaton pattern: its class, its reach, and whether it may sit inside a word.
    patterns: Vec<(usize, Reach, bool)>,
    matcher: AhoCorasick,
    /// Reporting verbs and neutral speakers.
    pub attribution: Attribution,
}

/// The cues found in one document, in text order.
#[derive(Clone, Debug, Default)]
pub struct CueIndex {
    hits: Vec<CueHit>,
}

#[derive(Clone, Copy, Debug)]
struct CueHit {
    span: Span,
    class: usize,
    reach: Reach,
}

impl ModalityCues {
    /// Reads `resources/modality/cues.toml`.
    pub fn load(files: &ResourceFiles) -> Result<ModalityCues, ResourceError> {
        let file: CueFile =
            toml::from_str(files.text(CUES)?).map_err(|err| ResourceError::new(CUES, err.to_string()))?;
        let mut classes = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        for (class_idx, (modality, class)) in
            [(Modality::Negated, file.negated), (Modality::Planned, file.planned), (Modality::Speculative, file.speculative)]
                .into_iter()
                .enumerate()
        {
            for (reach, list) in [(Reach::Window, &class.cues), (Reach::Sentence, &class.sentence_cues), (Reach::After, &class.after)] {
                for cue in list {
                    let cue = cue.to_lowercase();
                    // A contraction ("n't") may end a word; match it with either apostrophe.
                    let inside_word = cue.contains('\'');
                    if inside_word {
                        words.push(cue.replace('\'', "’"));
                        patterns.push((class_idx, reach, true));
                    }
                    words.push(cue);
                    patterns.push((class_idx, reach, inside_word));
                }
            }
            classes.push(CompiledClass { modality, window: class.window });
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|err| ResourceError::new(CUES, err.to_string()))?;
        Ok(ModalityCues { classes, patterns, matcher, attribution: file.claimed })
    }

    /// Finds every cue of a document (on word boundaries, contractions inside words too).
    pub fn index(&self, text: &str) -> CueIndex {
        let hits = self
            .matcher
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (class, reach, inside_word) = self.patterns[m.pattern().as_usize()];
                let span = Span::new(m.start(), m.end());
                let before = text[..span.start].chars().next_back();
                let after = text[span.end..].chars().next();
                let bounded = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
                (inside_word || bounded).then_some(CueHit { span, class, reach })
            })
            .collect();
        CueIndex { hits }
    }

    /// The modality a cue gives the trigger at `trigger` in `sentence`, whose clause starts at
    /// `clause_start`: the first of negated, planned, speculative with a cue in the last
    /// words of the clause before the trigger, a sentence-wide cue before it, or an "after"
    /// cue after it. `None` when no cue applies.
    pub fn cue(&self, index: &CueIndex, text: &str, clause_start: usize, sentence: Span, trigger: Span) -> Option<Modality> {
        let clause_start = clause_start.min(trigger.start);
        self.classes.iter().enumerate().find_map(|(class_idx, class)| {
            let window_start = words_back(text, clause_start, trigger.start, class.window);
            let found = index.hits.iter().any(|hit| {
                hit.class == class_idx
                    && match hit.reach {
                        Reach::Window => hit.span.start >= window_start && hit.span.end <= trigger.start,
                        Reach::Sentence => hit.span.start >= sentence.start && hit.span.end <= trigger.start,
                        Reach::After => hit.span.start >= trigger.end && hit.span.end <= sentence.end,
                    }
            });
            found.then_some(class.modality)
        })
    }
}

/// The start of the `n`th word before `end`, not before `floor`.
fn words_back(text: &str, floor: usize, end: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (idx, ch) in text[floor..end].char_indices().rev() {
        if ch.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return floor + idx + ch.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    floor
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modality cues give a trigger standing right after `before`.
    fn cue(before: &str) -> Option<Modality> {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        let text = format!("{before} seized the town.");
        let index = cues.index(&text);
        let trigger = Span::new(before.len() + 1, before.len() + 7);
        cues.cue(&index, &text, 0, Span::new(0, text.len()), trigger)
    }

    #[test]
    fn cues_before_the_trigger() {
        assert_eq!(cue("the base had not yet been completely"), Some(Modality::Negated));
        assert_eq!(cue("Battalion 9 itself hasn't"), Some(Modality::Negated));
        assert_eq!(cue("Battalion 9 itself hasn’t"), Some(Modality::Negated));
        assert_eq!(cue("the group plans to"), Some(Modality::Planned));
        assert_eq!(cue("the alliance expected to"), Some(Modality::Planned));
        assert_eq!(cue("warning that the military might carry out"), Some(Modality::Speculative));
        assert_eq!(cue("In August, the rebels tried to"), Some(Modality::Speculative));
        assert_eq!(cue("On Monday the rebels"), None);
    }

    #[test]
    fn window_and_word_boundaries() {
        // "not" far from the trigger, and "will" inside "goodwill", do not count.
        assert_eq!(cue("it was not the first time that, after many long weeks of siege, the rebels"), None);
        assert_eq!(cue("a gesture of goodwill, the rebels"), None);
    }
}
