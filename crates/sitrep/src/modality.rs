/*!
Modality: how firmly a sentence states an event.

Cues come from `resources/modality/cues.toml`. A negation, plan or hedge counts when it
stands before the trigger in the same clause, within a few words ("had not been captured",
"plans to retake", "might carry out airstrikes"), or, for a few sentence-wide cues ("denied",
"analysts believe"), anywhere before it. Without such a cue, a sentence whose speaker is a
party to the conflict ("the AA said", "according to the junta") states a claim, and so does
a statement with no speaker ("it was stated that"); anything else is asserted.
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
    #[serde(default)]
    adjacent: Vec<String>,
    #[serde(default)]
    following: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
}

/// Reporting verbs and the speakers who are not parties, as written in the file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Attribution {
    /// Reporting verbs whose speaker stands before them ("the AA said").
    verbs: Vec<String>,
    /// Reporting phrases whose speaker follows them ("according to the AA").
    leading_verbs: Vec<String>,
    /// Speakers whose reports are asserted ("residents", "sources").
    neutral_speakers: Vec<String>,
    /// Party names that, right before a neutral speaker, only describe it: "a military source"
    /// may speak for either side.
    descriptive_owners: Vec<String>,
    /// Openers of a new clause that a reporting verb does not reach across ("; ").
    clause_breaks: Vec<String>,
}

/// Where a reporting verb's speaker stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerSide {
    /// Before the verb: "the AA said".
    Before,
    /// After the verb: "according to the AA".
    After,
}

/// A reporting verb found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportingVerb {
    /// Where the verb stands.
    pub span: Span,
    /// Where its speaker stands.
    pub speaker: SpeakerSide,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    /// Openers of a new clause ("; ", ", which "): a sentence-wide cue does not reach past one.
    clause_breaks: Vec<String>,
    /// Finite verbs that a window cue does not reach across ("troops trying to flee were").
    window_breaks: Vec<String>,
    negated: CueClass,
    planned: CueClass,
    speculative: CueClass,
    /// Statements with no speaker ("it was stated that"): what they report is a claim.
    #[serde(default)]
    unattributed_claim: CueClass,
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
    /// Right before the trigger, with only spaces between ("aimed at seizing").
    Adjacent,
    /// Right after the trigger, with only spaces between: a modal verb whose subject the
    /// trigger is ("fighting might intensify").
    Following,
}

/// One class's cues, compiled.
#[derive(Clone, Debug)]
struct CompiledClass {
    modality: Modality,
    window: usize,
    /// Words that, right after a "following" cue, make it tell what was witnessed, not what
    /// may be ("shelling could be heard").
    not_before: Vec<String>,
}

/// The compiled cues: one automaton over every cue of every class.
#[derive(Clone, Debug)]
pub struct ModalityCues {
    classes: Vec<CompiledClass>,
    /// Openers of a new clause, in lower case, that end a sentence-wide cue's reach.
    clause_breaks: Vec<String>,
    /// Words that end a window cue's reach ([`CueFile::window_breaks`]).
    window_breaks: Vec<String>,
    /// For each automaton pattern: its class, its reach, and whether it may sit inside a word.
    patterns: Vec<(usize, Reach, bool)>,
    matcher: AhoCorasick,
    /// Reporting verbs of both sides; the first `verbs_before` patterns have the speaker before.
    reporting: AhoCorasick,
    verbs_before: usize,
    neutral_speakers: AhoCorasick,
    descriptive_owners: Vec<String>,
    /// Openers of a new clause, in lower case, that end a reporting verb's reach.
    reporting_breaks: Vec<String>,
}

/// The cues, reporting verbs and neutral speakers found in one document, each in text order.
#[derive(Clone, Debug, Default)]
pub struct CueIndex {
    hits: Vec<CueHit>,
    reporting: Vec<ReportingVerb>,
    neutral_speakers: Vec<Span>,
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
        let file: CueFile = toml::from_str(files.text(CUES)?)
            .map_err(|err| ResourceError::new(CUES, err.to_string()))?;
        let mut classes = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        for (class_idx, (modality, class)) in [
            (Modality::Negated, file.negated),
            (Modality::Planned, file.planned),
            (Modality::Speculative, file.speculative),
            (Modality::Claimed, file.unattributed_claim),
        ]
        .into_iter()
        .enumerate()
        {
            for (reach, list) in [
                (Reach::Window, &class.cues),
                (Reach::Sentence, &class.sentence_cues),
                (Reach::After, &class.after),
                (Reach::Adjacent, &class.adjacent),
                (Reach::Following, &class.following),
            ] {
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
            classes.push(CompiledClass {
                modality,
                window: class.window,
                not_before: class.not_before.iter().map(|w| w.to_lowercase()).collect(),
            });
        }
        let matcher = automaton(&words, MatchKind::Standard)?;
        let attribution = file.claimed;
        let reporting_words: Vec<&String> = attribution
            .verbs
            .iter()
            .chain(&attribution.leading_verbs)
            .collect();
        Ok(ModalityCues {
            classes,
            clause_breaks: lower_case(&file.clause_breaks),
            window_breaks: lower_case(&file.window_breaks),
            patterns,
            matcher,
            reporting: automaton(&reporting_words, MatchKind::LeftmostLongest)?,
            verbs_before: attribution.verbs.len(),
            neutral_speakers: automaton(&attribution.neutral_speakers, MatchKind::LeftmostLongest)?,
            descriptive_owners: lower_case(&attribution.descriptive_owners),
            reporting_breaks: lower_case(&attribution.clause_breaks),
        })
    }

    /// Finds every cue, reporting verb and neutral speaker of a document, on word boundaries
    /// (contraction cues inside words too). `lower` is the text with its ASCII letters
    /// lower-cased, which the automata read.
    pub fn index(&self, text: &str, lower: &str) -> CueIndex {
        let mut hits: Vec<CueHit> = self
            .matcher
            .find_overlapping_iter(lower)
            .filter_map(|m| {
                let (class, reach, inside_word) = self.patterns[m.pattern().as_usize()];
                let span = Span::new(m.start(), m.end());
                let cue = (inside_word || is_whole_word(text, span)) && !is_month_may(text, span);
                cue.then_some(CueHit { span, class, reach })
            })
            .collect();
        hits.sort_by_key(|hit| hit.span.start);
        let words = |matcher: &AhoCorasick| {
            matcher
                .find_iter(lower)
                .filter(|m| is_whole_word(text, Span::new(m.start(), m.end())))
                .collect::<Vec<_>>()
        };
        let reporting = words(&self.reporting)
            .into_iter()
            .map(|m| ReportingVerb {
                span: Span::new(m.start(), m.end()),
                speaker: if m.pattern().as_usize() < self.verbs_before {
                    SpeakerSide::Before
                } else {
                    SpeakerSide::After
                },
            })
            .collect();
        let neutral_speakers = words(&self.neutral_speakers)
            .into_iter()
            .map(|m| Span::new(m.start(), m.end()))
            .collect();
        CueIndex {
            hits,
            reporting,
            neutral_speakers,
        }
    }

    /// The modality a cue gives the trigger at `trigger` in `sentence`, whose clause starts at
    /// `clause_start`: the first of negated, planned, speculative and unattributed claims with a
    /// cue in the last words of the clause before the trigger (or, for an adjacent cue, right
    /// before it), a sentence-wide cue before it with no new clause opened in between
    /// ("analysts say …, which has killed"), an "after" cue after it, or a "following" cue
    /// right after it. `None` when no cue
    /// applies.
    pub fn cue(
        &self,
        index: &CueIndex,
        text: &str,
        clause_start: usize,
        sentence: Span,
        trigger: Span,
    ) -> Option<Modality> {
        let clause_start = clause_start.min(trigger.start);
        let in_sentence = within(&index.hits, sentence, |hit| hit.span);
        self.classes
            .iter()
            .enumerate()
            .find_map(|(class_idx, class)| {
                let window_start = words_back(text, clause_start, trigger.start, class.window);
                let found = in_sentence.iter().any(|hit| {
                    hit.class == class_idx
                        && match hit.reach {
                            // Not across a comma: "The RSF, unable to take El Fasher, captured
                            // Mellit" took Mellit.
                            Reach::Window => {
                                hit.span.start >= window_start
                                    && hit.span.end <= trigger.start
                                    && !text[hit.span.end..trigger.start].contains(',')
                                    && !self.breaks_window(&text[hit.span.end..trigger.start])
                            }
                            Reach::Sentence => {
                                hit.span.start >= sentence.start
                                    && hit.span.end <= trigger.start
                                    && !self.opens_clause(&text[hit.span.end..trigger.start])
                            }
                            Reach::After => {
                                hit.span.start >= trigger.end && hit.span.end <= sentence.end
                            }
                            Reach::Adjacent => {
                                hit.span.end <= trigger.start
                                    && text[hit.span.end..trigger.start].trim().is_empty()
                            }
                            Reach::Following => {
                                let rest = text[hit.span.end..].trim_start();
                                hit.span.start >= trigger.end
                                    && text[trigger.end..hit.span.start].trim().is_empty()
                                    && !class.not_before.iter().any(|w| {
                                        rest.get(..w.len())
                                            .is_some_and(|head| head.eq_ignore_ascii_case(w))
                                    })
                            }
                        }
                });
                found.then_some(class.modality)
            })
    }
}

impl ModalityCues {
    /// Whether a party's name, right before a neutral speaker, only describes it ("military"
    /// in "a military source"); `name` is in lower case.
    pub fn is_descriptive_owner(&self, name: &str) -> bool {
        self.descriptive_owners.iter().any(|word| word == name)
    }

    /// Whether `between` opens a new clause ("; ", ", which ") that a sentence-wide cue does
    /// not reach across.
    fn opens_clause(&self, between: &str) -> bool {
        contains_any(&self.clause_breaks, between)
    }

    /// Whether a finite verb stands in `between`, from a window cue to its trigger: the cue
    /// was in the subject ("troops trying to flee were killed"), not on the trigger's verb.
    fn breaks_window(&self, between: &str) -> bool {
        between
            .split_whitespace()
            .any(|w| self.window_breaks.iter().any(|b| w.eq_ignore_ascii_case(b)))
    }

    /// Whether `between` opens a new clause ("; ") that a reporting verb does not reach
    /// across: "the M23 announced a truce; fighting resumed" reports no fighting.
    pub fn ends_report(&self, between: &str) -> bool {
        contains_any(&self.reporting_breaks, between)
    }
}

impl CueIndex {
    /// The reporting verbs inside `span`, in text order.
    pub fn reporting_verbs(&self, span: Span) -> &[ReportingVerb] {
        within(&self.reporting, span, |verb| verb.span)
    }

    /// The neutral speakers ("residents", "sources") inside `span`, in text order.
    pub fn neutral_speakers(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        within(&self.neutral_speakers, span, |found| *found)
            .iter()
            .copied()
            .filter(move |found| span.contains(*found))
    }
}

/// The words of `list` in lower case.
fn lower_case(list: &[String]) -> Vec<String> {
    list.iter().map(|word| word.to_lowercase()).collect()
}

/// Whether `text`, lower-cased, contains one of `openers` (in lower case).
fn contains_any(openers: &[String], text: &str) -> bool {
    let text = text.to_lowercase();
    openers.iter().any(|opener| text.contains(opener.as_str()))
}

/// The items of `sorted` (in order of start) that start inside `span`.
fn within<T>(sorted: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = sorted.partition_point(|item| span_of(item).start < span.start);
    let to = sorted.partition_point(|item| span_of(item).start < span.end);
    &sorted[from..to.max(from)]
}

/// An automaton over `words` in lower case, for text with its ASCII letters lower-cased: it
/// finds what a case-blind automaton finds in the text itself, and, unlike one, it may use
/// the SIMD prefilter of a few short words (measured 4 times faster on the reporting verbs).
fn automaton<W: AsRef<str>>(words: &[W], kind: MatchKind) -> Result<AhoCorasick, ResourceError> {
    let words: Vec<String> = words
        .iter()
        .map(|word| word.as_ref().to_lowercase())
        .collect();
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&words)
        .map_err(|err| ResourceError::new(CUES, err.to_string()))
}

/// Whether `span` of `text` is neither preceded nor followed by a letter or digit.
fn is_whole_word(text: &str, span: Span) -> bool {
    crate::text::on_word_boundaries(text, span.start, span.end)
}

/// Whether `span` is "May" capitalised inside a sentence: the month ("In May this year"), not
/// the modal verb.
fn is_month_may(text: &str, span: Span) -> bool {
    span.slice(text) == "May"
        && text[..span.start]
            .trim_end()
            .ends_with(|c: char| c.is_alphanumeric() || c == ',')
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
        let index = cues.index(&text, &text.to_ascii_lowercase());
        let trigger = Span::new(before.len() + 1, before.len() + 7);
        cues.cue(&index, &text, 0, Span::new(0, text.len()), trigger)
    }

    #[test]
    fn a_cue_in_the_subject_stops_at_the_verb() {
        assert_eq!(cue("Troops trying to flee the town were"), None);
        assert_eq!(cue("the base had not yet been"), Some(Modality::Negated));
    }

    #[test]
    fn cues_before_the_trigger() {
        assert_eq!(
            cue("the base had not yet been completely"),
            Some(Modality::Negated)
        );
        assert_eq!(cue("Battalion 9 itself hasn't"), Some(Modality::Negated));
        assert_eq!(cue("Battalion 9 itself hasn’t"), Some(Modality::Negated));
        assert_eq!(cue("the group plans to"), Some(Modality::Planned));
        assert_eq!(cue("the alliance expected to"), Some(Modality::Planned));
        assert_eq!(cue("ahead of an expected ground"), Some(Modality::Planned));
        assert_eq!(cue("fears of an imminent"), Some(Modality::Planned));
        assert_eq!(
            cue("warning that the military might carry out"),
            Some(Modality::Speculative)
        );
        assert_eq!(
            cue("In August, the rebels tried to"),
            Some(Modality::Speculative)
        );
        assert_eq!(cue("On Monday the rebels"), None);
        // The month is no hedge; the verb is.
        assert_eq!(cue("In May the rebels"), None);
        assert_eq!(cue("the rebels may have"), Some(Modality::Speculative));
        assert_eq!(
            cue("the district risks being drawn into the"),
            Some(Modality::Speculative)
        );
        for (before, modality) in [
            ("the rebels refused to", Modality::Negated),
            ("the rebels declined to", Modality::Negated),
            ("the commander ruled out having", Modality::Negated),
            (
                "the rebels called off the offensive that",
                Modality::Negated,
            ),
            ("an offensive with the goal of having", Modality::Planned),
            (
                "an offensive with the objective of having",
                Modality::Planned,
            ),
            ("the rebels are determined to have", Modality::Planned),
            ("the group hopes to have", Modality::Planned),
            ("the group wants to have", Modality::Planned),
            ("the fighters want to have", Modality::Planned),
            ("the rebels have been unable to", Modality::Negated),
            ("after failing to", Modality::Negated),
            ("the rebels' failure to have", Modality::Negated),
            ("part of the rebels' campaign to", Modality::Speculative),
            ("the rebels are attempting to have", Modality::Speculative),
            ("the rebels sought to have", Modality::Speculative),
            ("the rebels, hoping to have", Modality::Planned),
            ("the troops were ordered to have", Modality::Planned),
            ("the alliance declared a halt to", Modality::Negated),
            ("despite opting out of", Modality::Negated),
            ("adding there had been no", Modality::Negated),
            ("it will be harder for the rebels to", Modality::Speculative),
            (
                "unconfirmed reports said the rebels had",
                Modality::Speculative,
            ),
        ] {
            assert_eq!(cue(before), Some(modality), "{before}");
        }
        // A cue before a comma is another clause's: "The RSF, unable to take the hill, seized
        // the town".
        assert_eq!(cue("The rebels, unable to take the hill,"), None);
        // Beyond the window, a refusal is of another act.
        assert_eq!(
            cue("the rebels refused to negotiate and in the days that followed"),
            None
        );
    }

    #[test]
    fn a_sentence_cue_stops_at_a_new_clause() {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        let modality_of = |text: &str, trigger: &str| {
            let index = cues.index(text, &text.to_ascii_lowercase());
            let start = text.find(trigger).unwrap();
            let trigger = Span::new(start, start + trigger.len());
            cues.cue(&index, text, start, Span::new(0, text.len()), trigger)
        };
        assert_eq!(
            modality_of("Analysts say the rebels have seized the town.", "seized"),
            Some(Modality::Speculative)
        );
        assert_eq!(
            modality_of(
                "Analysts say the loss is a turning point in the war, which has uprooted millions.",
                "uprooted"
            ),
            None
        );
        assert_eq!(
            modality_of(
                "The RSF denied that its fighters killed civilians.",
                "killed"
            ),
            Some(Modality::Negated)
        );
        assert_eq!(
            modality_of(
                "The RSF denied the charge; its fighters killed civilians.",
                "killed"
            ),
            None
        );
        assert_eq!(
            modality_of(
                "The president called on the United States and France to make the army withdraw.",
                "withdraw"
            ),
            Some(Modality::Planned)
        );
    }

    #[test]
    fn a_demand_asks_for_what_has_not_happened() {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        for (text, trigger) in [
            (
                "Crowds marched, demanding that the army retake the town.",
                "retake",
            ),
            (
                "The envoy met the rebels to press them to hand the town back.",
                "hand",
            ),
        ] {
            let index = cues.index(text, &text.to_ascii_lowercase());
            let start = text.find(trigger).unwrap();
            let trigger = Span::new(start, start + trigger.len());
            let found = cues.cue(&index, text, 0, Span::new(0, text.len()), trigger);
            assert_eq!(found, Some(Modality::Planned), "{text}");
        }
    }

    #[test]
    fn an_aim_counts_only_right_before_the_trigger() {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        let modality_of = |text: &str, trigger: &str| {
            let index = cues.index(text, &text.to_ascii_lowercase());
            let start = text.find(trigger).unwrap();
            let trigger = Span::new(start, start + trigger.len());
            cues.cue(&index, text, 0, Span::new(0, text.len()), trigger)
        };
        assert_eq!(
            modality_of(
                "Rebels mounted a raid aimed at seizing the bridge.",
                "seizing"
            ),
            Some(Modality::Planned)
        );
        // The raid itself happened; and a drone aimed at a depot that killed guards did too.
        assert_eq!(
            modality_of("Rebels mounted a raid aimed at seizing the bridge.", "raid"),
            None
        );
        assert_eq!(
            modality_of("A drone aimed at the depot killed two guards.", "killed"),
            None
        );
    }

    #[test]
    fn a_modal_right_after_a_trigger_noun_is_its_verb() {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        let modality_after_noun = |text: &str| {
            let index = cues.index(text, &text.to_ascii_lowercase());
            let noun = Span::new(0, "Clashes".len());
            cues.cue(&index, text, 0, Span::new(0, text.len()), noun)
        };
        assert_eq!(
            modality_after_noun("Clashes could spread to the river towns, officers warned."),
            Some(Modality::Speculative)
        );
        assert_eq!(
            modality_after_noun("Clashes will go on until the rains, a commander said."),
            Some(Modality::Planned)
        );
        // "could be heard" tells what was witnessed.
        assert_eq!(
            modality_after_noun("Clashes could be heard across the river town on Monday."),
            None
        );
        // A modal further on is another verb's.
        assert_eq!(
            modality_after_noun("Clashes broke out at dawn and villagers say more could come."),
            None
        );
    }

    #[test]
    fn a_statement_with_no_speaker_makes_a_claim() {
        assert_eq!(
            cue("It was stated on Monday that the rebels had"),
            Some(Modality::Claimed)
        );
        // A hedge comes first; a report by a named source is attribution's business.
        assert_eq!(
            cue("It was stated that the rebels may have"),
            Some(Modality::Speculative)
        );
        assert_eq!(cue("The group stated that the rebels"), None);
    }

    #[test]
    fn window_and_word_boundaries() {
        // "not" far from the trigger, and "will" inside "goodwill", do not count.
        assert_eq!(
            cue("it was not the first time that, after many long weeks of siege, the rebels"),
            None
        );
        assert_eq!(cue("a gesture of goodwill, the rebels"), None);
        // A count nobody gave, and efforts, tell no event.
        assert_eq!(
            cue("officials gave no word on how many"),
            Some(Modality::Speculative)
        );
        assert_eq!(cue("efforts to"), Some(Modality::Speculative));
        assert_eq!(
            cue("open to talks if the army ends its"),
            Some(Modality::Speculative)
        );
        // Talks a party is urged to return to have not been held.
        assert_eq!(
            cue("the envoy urged the rebels to return to"),
            Some(Modality::Planned)
        );
    }

    #[test]
    fn reporting_verbs_and_neutral_speakers() {
        let cues = ModalityCues::load(&ResourceFiles::embedded()).unwrap();
        let text = "Residents said the rebels proclaimed a blockade, according to the army.";
        let index = cues.index(text, &text.to_ascii_lowercase());
        let whole = Span::new(0, text.len());
        let found: Vec<(&str, SpeakerSide)> = index
            .reporting_verbs(whole)
            .iter()
            .map(|verb| (verb.span.slice(text), verb.speaker))
            .collect();
        // "claimed" inside "proclaimed" is no reporting verb.
        assert_eq!(
            found,
            [
                ("said", SpeakerSide::Before),
                ("according to", SpeakerSide::After)
            ]
        );
        assert_eq!(index.neutral_speakers(Span::new(0, 14)).count(), 1);
        assert_eq!(index.neutral_speakers(Span::new(14, text.len())).count(), 0);
    }
}
