/*!
A multi-pattern regex searched only where one of its matches can start.

The event triggers are a few dozen case-blind patterns with word gaps ("(?:\w+ ){0,3}")
searched leftmost-first as one regex. Its lazy DFA grows to megabytes, and scanning every
byte of the text through it misses the processor's cache at almost every step. But every
match of such patterns starts with one of a few hundred short literals ("seiz", "took",
"the f"): an Aho-Corasick automaton of them is small enough to stay in the cache and finds
those places quickly, and the regex then runs anchored at each, in text order.

The matches are exactly those of the regex's own leftmost-first `find_iter`: the match it
reports is the one that starts first, and the match that starts at a given place is the
one an anchored search there finds. A search resumes where the last match ended, as
`find_iter` does. The literals are the regex's own prefixes as `regex-syntax` extracts
them, so no match can start elsewhere; when the patterns have no such prefixes (one may
start with `\w+`), the search scans the whole text as before.

The anchored searches call the forward lazy DFA directly, with a cache taken once per text
from a pool: they are many and short, and the meta regex would look up its cache and choose
its engine on each. When every pattern opens with an ASCII word boundary (`(?-u:\b)`), a
literal found where no such boundary is cannot start a match and is not searched from.
*/

use aho_corasick::AhoCorasick;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, Match, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// Longest literal prefix kept, in bytes. Each case-blind letter doubles the prefixes
/// extracted (upper or lower case), so longer prefixes cost load time and memory for
/// little gain: six bytes single out "the fall" from "the".
const PREFIX_BYTES: usize = 6;

/// Most prefixes extracted (of every case variant) before the extraction gives up.
const MAX_PREFIXES: usize = 100_000;

/// A match: the index of its pattern and its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// Index of the pattern in the list the search was built from.
    pub pattern: usize,
    /// Where the match starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

/// A leftmost-first multi-pattern regex and the literals its matches start with.
#[derive(Clone, Debug)]
pub struct StartSearch {
    regex: Regex,
    /// Every prefix, in lower case, matched without regard to ASCII case, and the engines
    /// that search from each; none when the patterns have no finite set of prefixes.
    starts: Option<Anchors>,
}

/// What searches from the places a prefix is found.
#[derive(Debug)]
struct Anchors {
    prefixes: AhoCorasick,
    /// Whether every pattern opens with an ASCII word boundary.
    at_word_boundary: bool,
    /// The forward lazy DFA of the patterns, searched anchored.
    dfa: DFA,
    /// Its caches, one at a time per thread, built on first use.
    caches: Pool<Option<Cache>>,
    /// Answers should the lazy DFA give up (its cache cleared too often).
    fallback: PikeVM,
}

impl Clone for Anchors {
    /// The same automata with a new, empty pool: caches are not shared.
    fn clone(&self) -> Anchors {
        Anchors {
            prefixes: self.prefixes.clone(),
            at_word_boundary: self.at_word_boundary,
            dfa: self.dfa.clone(),
            caches: Pool::new(no_cache),
            fallback: self.fallback.clone(),
        }
    }
}

fn no_cache() -> Option<Cache> {
    None
}

impl StartSearch {
    /// Compiles `patterns` (in order of preference) with the meta regex `config`.
    pub fn new(patterns: &[&str], config: meta::Config) -> Result<StartSearch, String> {
        let regex = Regex::builder()
            .configure(config.clone())
            .build_many(patterns)
            .map_err(|err| err.to_string())?;
        let starts = match prefixes(patterns)? {
            Some(prefixes) => Some(Anchors::new(patterns, prefixes, &config)?),
            None => None,
        };
        Ok(StartSearch { regex, starts })
    }

    /// Every match in `text`, leftmost-first, as the regex's `find_iter` finds them.
    pub fn find_all(&self, text: &str) -> Vec<PatternMatch> {
        let as_found = |m: Match| PatternMatch {
            pattern: m.pattern().as_usize(),
            start: m.start(),
            end: m.end(),
        };
        let Some(starts) = &self.starts else {
            return self.regex.find_iter(text).map(as_found).collect();
        };
        // Overlapping prefixes report their ends in order, not their starts.
        let mut candidates: Vec<usize> = starts
            .prefixes
            .find_overlapping_iter(text)
            .map(|m| m.start())
            .filter(|&start| {
                !starts.at_word_boundary || at_ascii_word_boundary(text.as_bytes(), start)
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut cache = starts.caches.get();
        let cache = cache.get_or_insert_with(|| starts.dfa.create_cache());
        let mut found = Vec::new();
        let mut resume_at = 0;
        for start in candidates {
            if start < resume_at {
                continue;
            }
            if let Some(m) = starts.search_from(cache, text, start) {
                resume_at = m.end();
                found.push(as_found(m));
            }
        }
        found
    }
}

impl Anchors {
    /// The engines for `patterns`, as the meta regex of `config` builds its lazy DFA.
    fn new(
        patterns: &[&str],
        prefixes: Vec<Vec<u8>>,
        config: &meta::Config,
    ) -> Result<Anchors, String> {
        let prefixes = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(prefixes)
            .map_err(|err| err.to_string())?;
        let mut at_word_boundary = true;
        for pattern in patterns {
            let hir = regex_syntax::Parser::new()
                .parse(pattern)
                .map_err(|err| err.to_string())?;
            at_word_boundary &= opens_with_ascii_word_boundary(&hir);
        }
        let nfa = regex_automata::nfa::thompson::NFA::compiler()
            .configure(
                regex_automata::nfa::thompson::Config::new()
                    .nfa_size_limit(config.get_nfa_size_limit()),
            )
            .build_many(patterns)
            .map_err(|err| err.to_string())?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .starts_for_each_pattern(true)
                    .unicode_word_boundary(true)
                    .cache_capacity(config.get_hybrid_cache_capacity())
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|err| err.to_string())?;
        let fallback = PikeVM::new_from_nfa(nfa).map_err(|err| err.to_string())?;
        Ok(Anchors {
            prefixes,
            at_word_boundary,
            dfa,
            caches: Pool::new(no_cache),
            fallback,
        })
    }

    /// The match that starts at `start`, if any.
    fn search_from(&self, cache: &mut Cache, text: &str, start: usize) -> Option<Match> {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        match self.dfa.try_search_fwd(cache, &input) {
            Ok(end) => end.map(|end| Match::new(end.pattern(), start..end.offset())),
            Err(_) => {
                let mut captures = self.fallback.create_captures();
                self.fallback
                    .search(&mut self.fallback.create_cache(), &input, &mut captures);
                captures.get_match()
            }
        }
    }
}

/// Whether the pattern can match only where an ASCII word boundary is.
fn opens_with_ascii_word_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => *look == Look::WordAscii,
        HirKind::Concat(parts) => parts.first().is_some_and(opens_with_ascii_word_boundary),
        HirKind::Capture(capture) => opens_with_ascii_word_boundary(&capture.sub),
        _ => false,
    }
}

/// Whether `at` lies between an ASCII word byte and another byte, as `(?-u:\b)` asks.
fn at_ascii_word_boundary(text: &[u8], at: usize) -> bool {
    let is_word = |i: usize| {
        text.get(i)
            .is_some_and(|&b| b == b'_' || b.is_ascii_alphanumeric())
    };
    let before = at.checked_sub(1).is_some_and(is_word);
    before != is_word(at)
}

/// The lower-cased literals every match of `patterns` starts with, or `None` when some
/// match may start with anything (or with nothing).
fn prefixes(patterns: &[&str]) -> Result<Option<Vec<Vec<u8>>>, String> {
    let mut extractor = Extractor::new();
    extractor
        .kind(ExtractKind::Prefix)
        .limit_literal_len(PREFIX_BYTES)
        .limit_total(MAX_PREFIXES);
    let mut prefixes = Vec::new();
    for pattern in patterns {
        let hir = regex_syntax::Parser::new()
            .parse(pattern)
            .map_err(|err| err.to_string())?;
        let seq = extractor.extract(&hir);
        let Some(literals) = seq.literals() else {
            return Ok(None);
        };
        for literal in literals {
            if literal.as_bytes().is_empty() {
                return Ok(None);
            }
            prefixes.push(literal.as_bytes().to_ascii_lowercase());
        }
    }
    prefixes.sort_unstable();
    prefixes.dedup();
    Ok(Some(prefixes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns of our own with the traits of trigger rules: case folding, word gaps,
    /// alternations that share a start, overlapping preferences.
    const PATTERNS: [&str; 5] = [
        r"(?i-u)\b(?:took|taken) (?:\w+ ){0,3}control of\b",
        r"(?i-u)\b(?:the fall of|fall|fell)\b",
        r"(?i-u)\b(?:take|took|taking)\b",
        r"(?i-u)\bair ?strikes?\b",
        r"(?i-u)\bstrike\b",
    ];

    fn matches_of(search: &StartSearch, text: &str) -> Vec<(usize, String)> {
        search
            .find_all(text)
            .into_iter()
            .map(|m| (m.pattern, text[m.start..m.end].to_string()))
            .collect()
    }

    #[test]
    fn the_matches_are_those_of_the_regex_itself() {
        let search = StartSearch::new(&PATTERNS, meta::Config::new()).unwrap();
        assert!(
            search
                .starts
                .as_ref()
                .is_some_and(|starts| starts.at_word_boundary)
        );
        let text = "Rebels TOOK full Control of the hill after The Fall of the town; an airstrike, \
                    then air strikes and a strike. Takings fell; they took it. Unfallen, strikes.";
        let expected: Vec<(usize, String)> = search
            .regex
            .find_iter(text)
            .map(|m| (m.pattern().as_usize(), text[m.range()].to_string()))
            .collect();
        assert_eq!(matches_of(&search, text), expected);
        assert_eq!(expected[0], (0, "TOOK full Control of".to_string()));
        assert_eq!(expected[1], (1, "The Fall of".to_string()));
        assert_eq!(expected.len(), 7, "{expected:?}");
    }

    #[test]
    fn patterns_that_may_start_anywhere_scan_the_whole_text() {
        let search =
            StartSearch::new(&[r"(?i)\w+ fled", r"(?i)\bshelling\b"], meta::Config::new()).unwrap();
        assert!(search.starts.is_none());
        assert_eq!(
            matches_of(&search, "Villagers fled the SHELLING."),
            [
                (0, "Villagers fled".to_string()),
                (1, "SHELLING".to_string())
            ]
        );
    }
}
