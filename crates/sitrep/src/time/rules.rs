/*!
The time rules of one language, read from `resources/time/<lang>/` and compiled
once: each rule into its own regex (for its captures), and all of them into one
multi-pattern regex, the finder, that scans the text in a single pass.

`rules.toml` holds `[settings]`, named pattern fragments (`[patterns]`) and the
rules (`[[rule]]`); the `tables` folder the word tables (one TSV file each). A rule
pattern names a fragment or a table as `{name}`, uses named captures only, and
is matched case-insensitively unless the rule says `case_sensitive = true`.
`\b` is compiled as an ASCII word boundary and `\d` as `[0-9]`, which keeps the
regexes on the fast DFA engines whatever the text. See
`resources/time/README.md` for the full schema.
*/

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use regex::{Regex, RegexBuilder};
use regex_automata::PatternID;

use super::captures::CaptureRegex;
use super::finder::Finder;
use super::scan::ScratchPool;
use serde::Deserialize;

use super::tables::{Tables, WordMap, fold_key, with_folded};
use super::template::{Lexicon, Template, ValueEntry};
use crate::resources::{ResourceError, ResourceFiles};

/// The folder of the English rules.
pub const ENGLISH: &str = "time/en/";

/// Limits on regex size: generous, but a runaway alternation is an error, not a hang.
const REGEX_SIZE_LIMIT: usize = 64 << 20;

/// How the engine infers what the text leaves out.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A date without a year, in a past-tense clause (or one with no tense cue), still falls
    /// in the publication year when it lies at most this many days after publication; later,
    /// it is last year's.
    pub past_grace_days: i64,
    /// A past-tense cue at most this many words from the date is close: it governs the date.
    pub close_cue_words: usize,
    /// The grace in days for a date a close past-tense cue governs ("resumed on 25 December").
    pub close_past_grace_days: i64,
    /// In a future-tense clause, a date without a year up to this many days before
    /// publication stays in the publication year; earlier, it is next year's.
    pub future_grace_days: i64,
    /// "since" opens a range only when it stands at most this many words before the expression.
    pub since_window_words: usize,
    /// A reporting verb governs an expression at most this many words after it ("told
    /// reporters in New York on Thursday").
    pub report_window_words: usize,
    /// Words between a clock time and the day named right after it, which the time is on
    /// ("at 7 pm on 27 June").
    pub clock_day_links: Vec<String>,
    /// How many units "a few" or "several" stand for when an interval needs a number.
    pub vague_amount: f64,
    /// The publication date the rule examples are resolved against.
    pub example_published: Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    settings: Settings,
    #[serde(default)]
    patterns: BTreeMap<String, String>,
    rule: Vec<RuleEntry>,
}

/// One rule as written in `rules.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: String,
    pattern: String,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    case_sensitive: bool,
    not_before: Option<String>,
    not_after: Option<String>,
    value: ValueEntry,
    examples: Vec<String>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

/// A compiled rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Stable id, written into each mention it finds.
    pub id: String,
    /// Wins over overlapping matches of lower priority.
    pub priority: i32,
    /// The pattern, to read the captures of a match.
    pub regex: CaptureRegex,
    /// The index of its `focus` capture, if it has one: the part of the match it reports.
    pub focus: Option<usize>,
    /// Must not match the text just before a match (ends where the match starts).
    pub not_before: Option<Regex>,
    /// Must not match the text just after a match (starts where the match ends).
    pub not_after: Option<Regex>,
    /// What a match means.
    pub template: Template,
    /// Texts the rule must find: the expression in `[brackets]`, optionally ` => VALUE`.
    pub examples: Vec<String>,
    /// Texts the rule must not fire on.
    pub counter_examples: Vec<String>,
}

/// The class of a cue word: what it says about the tense of its clause or the range
/// an expression opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// The clause speaks of the future ("will", "plans").
    Future,
    /// A future cue only right before "to" ("set to resume Monday"); no cue otherwise ("set
    /// fire to", "set up").
    FutureBeforeTo,
    /// The clause speaks of the past ("said", "was").
    Past,
    /// A reporting verb ("said"): past tense for an expression right beside it, and the date
    /// of the report, not of what it reports.
    Report,
    /// Opens the clause a reporting verb reports ("said that …"): an expression after it is
    /// the reported event's, not the report's.
    ReportClause,
    /// A deadline word right before a date ("until", "effective"): cues further off do not
    /// speak for that date. Joins a range too ("from 2 until 5 March").
    Deadline,
    /// A past verb that moves something to a later date ("postponed", "extended"): past
    /// tense, except for the date it moves to ("extended until Friday", "postponed to 5
    /// March"), which lies ahead.
    Postpone,
    /// Not a past tense, though it ends in -ed ("armed", "based").
    Neutral,
    /// Opens a range running to the publication date ("since").
    Since,
    /// Past perfect ("had"): past tense, and with a completion word before a date, a range.
    Perfect,
    /// Present perfect ("has", "have") before a past participle: a sentence that goes on with
    /// the "since" range of the sentence before.
    PresentPerfect,
    /// Before a date, with a past perfect after it, what was done up to that date ("By
    /// Sunday, the rebels had taken …").
    Completion,
    /// Opens a two-ended range ("between", "from").
    RangeOpen,
    /// Before "X and Y", makes them one range ("in 2023 and 2024", "during March and April").
    RangeSpan,
    /// Joins the two ends of a range ("and", "to", "until", "-").
    RangeJoin,
}

impl Cue {
    /// Whether the cue bears on the tense of its clause: future (before "to" or not), past,
    /// postpone, perfect, report or deadline, or the opener of a reported clause, whose tense
    /// is its own.
    pub fn is_tense(self) -> bool {
        matches!(
            self,
            Cue::Future
                | Cue::FutureBeforeTo
                | Cue::Past
                | Cue::Postpone
                | Cue::Perfect
                | Cue::Report
                | Cue::ReportClause
                | Cue::Deadline
        )
    }

    /// Whether the word is a simple past or past participle: past, or a postpone verb.
    pub fn is_past_form(self) -> bool {
        matches!(self, Cue::Past | Cue::Postpone)
    }

    fn from_name(name: &str) -> Option<Cue> {
        Some(match name {
            "future" => Cue::Future,
            "future_before_to" => Cue::FutureBeforeTo,
            "past" => Cue::Past,
            "report" => Cue::Report,
            "report_clause" => Cue::ReportClause,
            "deadline" => Cue::Deadline,
            "postpone" => Cue::Postpone,
            "neutral" => Cue::Neutral,
            "since" => Cue::Since,
            "perfect" => Cue::Perfect,
            "present_perfect" => Cue::PresentPerfect,
            "completion" => Cue::Completion,
            "range_open" => Cue::RangeOpen,
            "range_span" => Cue::RangeSpan,
            "range_join" => Cue::RangeJoin,
            _ => return None,
        })
    }
}

/// The compiled time rules.
#[derive(Clone, Debug)]
pub struct TimeRules {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// All rule patterns at once, by precedence: priority, then file order.
    pub finder: Finder,
    /// The rule index of each finder pattern.
    pub finder_rules: Vec<usize>,
    /// The tables the normalisers read.
    pub lexicon: Lexicon,
    /// Tense and range cue words, folded.
    pub cues: WordMap<Cue>,
    /// The first and last letters and the lengths of the cue words: most words need no lookup.
    pub cue_shapes: WordShapes,
    /// The same for the tense cue words (future, past, perfect, report, deadline) alone.
    pub tense_cue_shapes: WordShapes,
    /// Inference settings.
    pub settings: Settings,
    /// Scratch memory for scans, kept from text to text.
    pub scratch: ScratchPool,
}

impl TimeRules {
    /// Compiles the English rules under `resources/time/en/`.
    pub fn load(files: &ResourceFiles) -> Result<TimeRules, ResourceError> {
        TimeRules::load_language(files, ENGLISH)
    }

    /// Compiles the rules of one language folder (`"time/en/"`).
    pub fn load_language(files: &ResourceFiles, folder: &str) -> Result<TimeRules, ResourceError> {
        let tables_folder = format!("{folder}tables/");
        let tables = Tables::load(files, &tables_folder)?;
        let lexicon = Lexicon::new(&tables, &tables_folder)?;
        let cue_table = tables.required("cue", &tables_folder)?;
        tables.check_values("cue", "a cue class (future, future_before_to, past, report, report_clause, deadline, postpone, neutral, since, perfect, present_perfect, completion, range_open, range_span, range_join)", Cue::from_name)?;
        let cues: WordMap<Cue> = cue_table
            .entries
            .iter()
            .filter_map(|(word, class, _)| Some((fold_key(word), Cue::from_name(class)?)))
            .collect();
        let cue_shapes = WordShapes::of(cues.keys());
        let tense_cue_shapes = WordShapes::of(
            cues.iter()
                .filter(|(_, cue)| cue.is_tense())
                .map(|(word, _)| word),
        );

        let rules_path = format!("{folder}rules.toml");
        let text = files.text(&rules_path)?;
        let file: RuleFile = toml::from_str(text).map_err(|err| {
            let line = err.span().map(|span| line_of(text, span.start));
            let error = ResourceError::new(&rules_path, err.message().to_string());
            match line {
                Some(line) => ResourceError {
                    line: Some(line),
                    ..error
                },
                None => error,
            }
        })?;
        let expander = Expander {
            patterns: &file.patterns,
            tables: &tables,
        };
        let mut rules = Vec::with_capacity(file.rule.len());
        let mut patterns = Vec::with_capacity(file.rule.len());
        let mut seen = HashMap::new();
        for entry in &file.rule {
            let line = line_of(
                text,
                text.find(&format!("id = \"{}\"", entry.id)).unwrap_or(0),
            );
            let fail = |message: String| {
                ResourceError::at_line(&rules_path, line, message).in_rule(entry.id.clone())
            };
            if seen.insert(entry.id.clone(), line).is_some() {
                return Err(fail("duplicate rule id".to_string()));
            }
            if entry.examples.is_empty() {
                return Err(fail("a rule needs at least one example".to_string()));
            }
            let pattern = expander.expand(&entry.pattern).map_err(&fail)?;
            let pattern = if entry.case_sensitive {
                pattern
            } else {
                format!("(?i:{pattern})")
            };
            let regex = CaptureRegex::new(&pattern, REGEX_SIZE_LIMIT).map_err(&fail)?;
            let groups: Vec<Option<&str>> =
                regex.group_info().pattern_names(PatternID::ZERO).collect();
            let template = entry.value.compile(&groups, &lexicon).map_err(&fail)?;
            let focus = groups.iter().position(|name| *name == Some("focus"));
            let context = |pattern: &Option<String>,
                           wrap: fn(&str) -> String|
             -> Result<Option<Regex>, ResourceError> {
                pattern
                    .as_deref()
                    .map(|p| expander.expand(p).and_then(|p| compile(&wrap(&p))))
                    .transpose()
                    .map_err(&fail)
            };
            let not_before = context(&entry.not_before, |p| format!(r"(?i:{p})\z"))?;
            let not_after = context(&entry.not_after, |p| format!(r"\A(?i:{p})"))?;
            patterns.push(pattern);
            rules.push(Rule {
                id: entry.id.clone(),
                priority: entry.priority,
                focus,
                regex,
                not_before,
                not_after,
                template,
                examples: entry.examples.clone(),
                counter_examples: entry.counter_examples.clone(),
            });
        }
        // The finder tries patterns by precedence: at one position, the first pattern in its
        // order that matches wins.
        let mut finder_rules: Vec<usize> = (0..rules.len()).collect();
        finder_rules.sort_by_key(|&rule_idx| std::cmp::Reverse(rules[rule_idx].priority));
        let finder_patterns: Vec<&str> = finder_rules
            .iter()
            .map(|&rule_idx| patterns[rule_idx].as_str())
            .collect();
        let finder = Finder::new(&finder_patterns, REGEX_SIZE_LIMIT).map_err(|err| {
            ResourceError::new(
                &rules_path,
                format!("the rules together do not compile: {err}"),
            )
        })?;
        Ok(TimeRules {
            rules,
            finder,
            finder_rules,
            lexicon,
            cues,
            cue_shapes,
            tense_cue_shapes,
            settings: file.settings,
            scratch: ScratchPool::default(),
        })
    }

    /// The cue class of one word, if it has one. Words ending in "-ed" (but not "-eed") are
    /// past tense unless the cue table says otherwise.
    pub fn cue(&self, word: &str) -> Option<Cue> {
        if !self.cue_shapes.may_hold(word) {
            // Not listed (and ASCII): only the "-ed" rule can make it a cue.
            return is_past_participle(word).then_some(Cue::Past);
        }
        with_folded(word, |folded| match self.cues.get(folded) {
            Some(Cue::Neutral) => None,
            Some(cue) => Some(*cue),
            None => is_past_participle(folded).then_some(Cue::Past),
        })
    }

    /// [`TimeRules::cue`] if it is a tense cue ([`Cue::is_tense`]), else `None`; quicker, as
    /// the common words that join ranges ("and", "to", "in") need no lookup.
    #[inline]
    pub fn tense_cue(&self, word: &str) -> Option<Cue> {
        if !is_past_participle(word) && !self.tense_cue_shapes.may_hold(word) {
            return None;
        }
        self.cue(word).filter(|cue| cue.is_tense())
    }
}

/// Whether a word is past tense by its ending: more than four ASCII letters ending in "-ed"
/// but not "-eed" ("-eed" is mostly no past tense: "succeed", "need"; "agreed" and the like
/// are listed).
#[inline]
fn is_past_participle(word: &str) -> bool {
    let bytes = word.as_bytes();
    let ends_with = |suffix: &[u8]| {
        bytes.len() >= suffix.len()
            && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    bytes.len() > 4
        && ends_with(b"ed")
        && !ends_with(b"eed")
        && bytes.iter().all(u8::is_ascii_alphabetic)
}

/// Which first and last letters come with which lengths among a set of words: a cheap test
/// that rules most other words out before a hash lookup.
#[derive(Clone, Debug)]
pub struct WordShapes {
    /// For each first letter a-z and last letter a-z, a bit per word length (63 for 63 and
    /// longer).
    lengths_by_letters: Vec<u64>,
}

impl WordShapes {
    /// The shapes of `words` (folded).
    pub fn of<'w>(words: impl Iterator<Item = &'w String>) -> WordShapes {
        let mut shapes = WordShapes {
            lengths_by_letters: vec![0; 26 * 26],
        };
        for word in words {
            // A word that is not ASCII or does not start and end with a letter ("’ll", "-",
            // "won’t") is always looked up: `may_hold` says yes to every such word.
            if let Some(letters) = WordShapes::letters(word) {
                shapes.lengths_by_letters[letters] |= 1 << word.len().min(63);
            }
        }
        shapes
    }

    /// The index of the first and last letters of an ASCII word, folded, if it has them. (A
    /// word outside ASCII may fold to another length.)
    #[inline]
    fn letters(word: &str) -> Option<usize> {
        if !word.is_ascii() {
            return None;
        }
        let (first, last) = (word.as_bytes().first()?, word.as_bytes().last()?);
        let letter = |byte: &u8| {
            byte.is_ascii_alphabetic()
                .then(|| usize::from(byte.to_ascii_lowercase() - b'a'))
        };
        Some(letter(first)? * 26 + letter(last)?)
    }

    /// Whether `word` may be one of the words (false means it certainly is not).
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        match WordShapes::letters(word) {
            Some(letters) => self.lengths_by_letters[letters] >> word.len().min(63) & 1 == 1,
            None => true,
        }
    }
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}

fn compile(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|err| format!("pattern does not compile: {err}"))
}

/// Replaces `{name}` by a pattern fragment or a table's alternation.
struct Expander<'a> {
    patterns: &'a BTreeMap<String, String>,
    tables: &'a Tables,
}

impl Expander<'_> {
    fn expand(&self, pattern: &str) -> Result<String, String> {
        self.expand_depth(pattern, 0)
    }

    fn expand_depth(&self, pattern: &str, depth: usize) -> Result<String, String> {
        if depth > 8 {
            return Err("pattern fragments nest more than 8 deep (a cycle?)".to_string());
        }
        let mut out = String::with_capacity(pattern.len());
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let escaped = open > 0 && rest[..open].ends_with('\\');
            if name.is_empty() || escaped || !after[name_len..].starts_with('}') {
                out.push('{');
                rest = after;
                continue;
            }
            let expansion = if let Some(fragment) = self.patterns.get(name) {
                format!("(?:{})", self.expand_depth(fragment, depth + 1)?)
            } else if let Some(table) = self.tables.get(name) {
                table.alternation()
            } else {
                return Err(format!("{{{name}}} names no pattern fragment and no table"));
            };
            out.push_str(&expansion);
            rest = &after[name_len + 1..];
        }
        out.push_str(rest);
        Ok(out.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_and_tables_expand_and_quantifiers_stay() {
        let mut files = ResourceFiles::empty();
        files.set("t/tables/month.tsv", b"May\t5\nMarch\t3\n".to_vec());
        let tables = Tables::load(&files, "t/tables/").unwrap();
        let patterns = BTreeMap::from([("year".to_string(), r"\d{4}".to_string())]);
        let expander = Expander {
            patterns: &patterns,
            tables: &tables,
        };
        assert_eq!(
            expander.expand(r"\b{month}? {year}").unwrap(),
            r"(?-u:\b)(?:Ma(?:rch(?-u:\b)|y(?-u:\b)))? (?:[0-9]{4})"
        );
        assert!(
            expander
                .expand("{nothing}")
                .unwrap_err()
                .contains("nothing")
        );
        assert_eq!(expander.expand(r"a\{b}").unwrap(), r"a\{b}");
    }

    #[test]
    fn the_embedded_rules_compile() {
        let rules = TimeRules::load(&ResourceFiles::embedded()).unwrap();
        assert!(rules.rules.len() > 20);
        assert_eq!(rules.cue("will"), Some(Cue::Future));
        assert_eq!(rules.cue("captured"), Some(Cue::Past));
        assert_eq!(rules.cue("armed"), None);
        assert_eq!(rules.cue("succeed"), None);
        assert_eq!(rules.cue("agreed"), Some(Cue::Past));
        assert_eq!(rules.cue("Will"), Some(Cue::Future));
        assert_eq!(rules.cue("’ll"), Some(Cue::Future));
        assert_eq!(rules.cue("elephant"), None);
        assert_eq!(rules.cue("and"), Some(Cue::RangeJoin));
        assert_eq!(rules.cue("Until"), Some(Cue::Deadline));
        assert_eq!(rules.cue("ATTACKED"), Some(Cue::Past));
        assert_eq!(rules.cue("Armed"), None);
        assert_eq!(rules.cue("naïveed"), None);
        assert_eq!(rules.cue("feed"), None);
        assert_eq!(rules.tense_cue("and"), None);
        assert_eq!(rules.tense_cue("Until"), Some(Cue::Deadline));
        assert_eq!(rules.tense_cue("attacked"), Some(Cue::Past));
        assert_eq!(rules.tense_cue("armed"), None);
    }

    #[test]
    fn a_broken_rule_is_named_with_its_line() {
        let mut files = ResourceFiles::embedded();
        let text = files.text("time/en/rules.toml").unwrap().to_string();
        files.set("time/en/rules.toml", format!("{text}\n[[rule]]\nid = \"broken\"\npattern = '(?P<x>'\nvalue = {{ kind = \"reference\", reference = \"present\" }}\nexamples = [\"[now]\"]\n").into_bytes());
        let err = TimeRules::load(&files).unwrap_err();
        assert_eq!(err.rule.as_deref(), Some("broken"));
        assert_eq!(err.line, Some(text.lines().count() + 3));
    }
}
