/*!
Clause boundaries and word positions: the shallow syntax the role rules need.

Compiled from `resources/events/clauses.toml`: what separates clauses (for finding a
trigger's subject and object), which words make an actor or place the object of a
preposition, which words to skip before a name, and which words turn a place into a point
of reference ("40 miles from Lweje").
*/

use serde::Deserialize;

use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

const CLAUSES: &str = "events/clauses.toml";

/// The compiled clause rules.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseRules {
    subject_breaks: Vec<String>,
    object_breaks: Vec<String>,
    prepositions: Vec<String>,
    determiners: Vec<String>,
    reference_words: Vec<String>,
    anaphoric_determiners: Vec<String>,
    list_words: Vec<String>,
    place_anaphors: Vec<String>,
    relative_openers: Vec<String>,
}

impl ClauseRules {
    /// Reads `resources/events/clauses.toml`.
    pub fn load(files: &ResourceFiles) -> Result<ClauseRules, ResourceError> {
        let mut rules: ClauseRules =
            toml::from_str(files.text(CLAUSES)?).map_err(|err| ResourceError::new(CLAUSES, err.to_string()))?;
        for list in [
            &mut rules.subject_breaks,
            &mut rules.object_breaks,
            &mut rules.prepositions,
            &mut rules.determiners,
            &mut rules.reference_words,
            &mut rules.anaphoric_determiners,
            &mut rules.list_words,
            &mut rules.place_anaphors,
            &mut rules.relative_openers,
        ] {
            list.iter_mut().for_each(|word| *word = word.to_lowercase());
        }
        Ok(rules)
    }

    /// Where the subject search for a trigger at `trigger_start` begins: after the last
    /// subject break between the sentence start and the trigger.
    pub fn subject_start(&self, lower: &str, sentence: Span, trigger_start: usize) -> usize {
        let head = &lower[sentence.start..trigger_start];
        self.subject_breaks
            .iter()
            .filter_map(|brk| head.rfind(brk.as_str()).map(|idx| sentence.start + idx + brk.len()))
            .max()
            .unwrap_or(sentence.start)
    }

    /// Where the object of a trigger ending at `trigger_end` ends: the first object break
    /// after it, or the sentence end.
    pub fn object_end(&self, lower: &str, sentence: Span, trigger_end: usize) -> usize {
        let tail = &lower[trigger_end..sentence.end];
        self.object_breaks
            .iter()
            .filter_map(|brk| tail.find(brk.as_str()).map(|idx| trigger_end + idx))
            .min()
            .unwrap_or(sentence.end)
    }

    /// The word before `start`, skipping determiners ("from the allied KIA" → "from"), and
    /// the byte offset where it ends.
    pub fn word_before<'t>(&self, lower: &'t str, floor: usize, start: usize) -> (&'t str, usize) {
        let mut end = start;
        loop {
            let head = lower[floor..end].trim_end();
            let word_start = head.rfind(|c: char| c.is_whitespace()).map_or(0, |idx| idx + 1);
            let word = head[word_start..].trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            if word.is_empty() || !self.determiners.iter().any(|d| d == word) {
                return (word, floor + head.len());
            }
            end = floor + word_start;
        }
    }

    /// True when the trigger at `start` is a noun that refers back to an event already told
    /// ("the attack came without warning").
    pub fn refers_back(&self, lower: &str, floor: usize, start: usize) -> bool {
        let head = lower[floor..start].trim_end();
        let word = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        self.anaphoric_determiners.iter().any(|d| d == word)
    }

    /// True when the name at `start` follows a preposition ("clashed with government troops").
    pub fn after_preposition(&self, lower: &str, floor: usize, start: usize) -> bool {
        let (word, _) = self.word_before(lower, floor, start);
        self.prepositions.iter().any(|p| p == word)
    }

    /// True when the text between two places of a list holds only list words and commas
    /// (time expressions and brackets already blanked out by the caller).
    pub fn continues_list(&self, gap: &str) -> bool {
        gap.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .all(|word| self.list_words.iter().any(|w| w == word))
    }

    /// The length of a place anaphor ("the town") at the start of `rest`, if one stands there
    /// and is not followed by "of" ("the town of Lweje" names its place).
    pub fn place_anaphor(&self, rest: &str) -> Option<usize> {
        let rest = rest.trim_start();
        let phrase = self.place_anaphors.iter().find(|p| rest.starts_with(p.as_str()))?;
        let after = rest[phrase.len()..].trim_start();
        let whole_word = !rest[phrase.len()..].starts_with(|c: char| c.is_alphanumeric());
        (whole_word && !after.starts_with("of ")).then_some(phrase.len())
    }

    /// The spans of relative clauses in `span`: from an opener to the next comma.
    pub fn relative_clauses(&self, lower: &str, span: Span) -> Vec<Span> {
        let text = &lower[span.start..span.end];
        let mut clauses = Vec::new();
        for opener in &self.relative_openers {
            for (idx, _) in text.match_indices(opener.as_str()) {
                let from = idx + opener.len();
                let end = text[from..].find(',').map_or(text.len(), |comma| from + comma);
                clauses.push(Span::new(span.start + idx, span.start + end));
            }
        }
        clauses
    }

    /// True when the place at `start` is a point of reference ("40 miles from Lweje").
    pub fn is_reference(&self, lower: &str, floor: usize, start: usize) -> bool {
        let head = lower[floor..start].trim_end();
        let head = head.strip_suffix("the").map_or(head, str::trim_end);
        let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
        self.reference_words.iter().any(|w| head.ends_with(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> ClauseRules {
        ClauseRules::load(&ResourceFiles::embedded()).unwrap()
    }

    #[test]
    fn clause_bounds() {
        let text = "residents said the rebels attacked the base, killing two, and fled.";
        let lower = text.to_lowercase();
        let sentence = Span::new(0, text.len());
        let trigger = text.find("attacked").unwrap();
        assert_eq!(&text[rules().subject_start(&lower, sentence, trigger)..trigger], "the rebels ");
        let object_end = rules().object_end(&lower, sentence, trigger + "attacked".len());
        assert_eq!(&text[trigger..object_end], "attacked the base");
    }

    #[test]
    fn prepositions_and_references() {
        let text = "They clashed with the allied troops 40 miles from the town of Hill.";
        let lower = text.to_lowercase();
        assert!(rules().after_preposition(&lower, 0, text.find("troops").unwrap()));
        assert!(!rules().after_preposition(&lower, 0, text.find("clashed").unwrap()));
        assert!(rules().is_reference(&lower, 0, text.find("town").unwrap()));
        assert!(!rules().is_reference(&lower, 0, text.find("troops").unwrap()));
    }
}
