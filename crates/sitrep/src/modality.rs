/*!
Modality: how firmly a sentence states an event.

Cues come from `resources/modality/cues.toml`. A negation, plan or hedge counts when it
stands before the trigger in the same clause, within a few words ("had not been captured",
"plans to retake", "might carry out airstrikes"), or, for a few sentence-wide cues ("denied",
"analysts believe"), anywhere before it. Without such a cue, a sentence whose speaker is a
party to the conflict ("the AA said", "according to the junta") states a claim; anything else
is asserted.
*/

use serde::Deserialize;

use crate::event::Modality;
use crate::resources::{ResourceError, ResourceFiles};

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

/// The compiled cues.
#[derive(Clone, Debug, Default)]
pub struct ModalityCues {
    classes: Vec<(Modality, CueClass)>,
    /// Reporting verbs and neutral speakers.
    pub attribution: Attribution,
}

impl ModalityCues {
    /// Reads `resources/modality/cues.toml`.
    pub fn load(files: &ResourceFiles) -> Result<ModalityCues, ResourceError> {
        let file: CueFile =
            toml::from_str(files.text(CUES)?).map_err(|err| ResourceError::new(CUES, err.to_string()))?;
        let lower = |mut class: CueClass| {
            for list in [&mut class.cues, &mut class.sentence_cues, &mut class.after] {
                list.iter_mut().for_each(|cue| *cue = cue.to_lowercase());
            }
            class
        };
        Ok(ModalityCues {
            classes: vec![
                (Modality::Negated, lower(file.negated)),
                (Modality::Planned, lower(file.planned)),
                (Modality::Speculative, lower(file.speculative)),
            ],
            attribution: file.claimed,
        })
    }

    /// The modality a cue gives the trigger: `clause_before` is the text of the trigger's
    /// clause before it, `sentence_before` the sentence before it, `after` the sentence after
    /// it. `None` when no cue applies (the caller then decides between asserted and claimed).
    pub fn cue(&self, clause_before: &str, sentence_before: &str, after: &str) -> Option<Modality> {
        let clause = clause_before.to_lowercase();
        let words: Vec<&str> = clause.split_whitespace().collect();
        let sentence = sentence_before.to_lowercase();
        let after = after.to_lowercase();
        for (modality, class) in &self.classes {
            let window = words[words.len().saturating_sub(class.window)..].join(" ");
            let window = format!(" {window} ");
            let in_window = class.cues.iter().any(|cue| contains_phrase(&window, cue));
            let in_sentence = class.sentence_cues.iter().any(|cue| contains_phrase(&sentence, cue));
            let after_cue = class.after.iter().any(|cue| contains_phrase(&after, cue));
            if in_window || in_sentence || after_cue {
                return Some(*modality);
            }
        }
        None
    }
}

/// True when `phrase` occurs in `text` on word boundaries; a contraction ("n't", "'ll") also
/// inside a word, with either apostrophe.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.contains('\'') {
        return text.contains(phrase) || text.contains(&phrase.replace('\'', "’"));
    }
    text.match_indices(phrase).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(before: &str) -> Option<Modality> {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        cues.cue(before, before, "")
    }

    #[test]
    fn cues_before_the_trigger() {
        assert_eq!(cue("the base had not yet been completely"), Some(Modality::Negated));
        assert_eq!(cue("Battalion 9 itself hasn't"), Some(Modality::Negated));
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
