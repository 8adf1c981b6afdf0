/*!
The finder: every rule's pattern in one multi-pattern regex, searched by a
lazy DFA, so a sentence is read once whatever the number of rules.

It is the lazy DFA of `regex_automata` built as the meta regex engine builds
it for these patterns, but searched directly: the scan keeps the DFA's cache
from text to text itself, which spares the meta engine's cache pool and
strategy dispatch on each of the many short searches (one per match and one
per sentence). Should the lazy DFA give up on a search (it may when its cache
is cleared too often), the PikeVM of the same patterns answers instead; both
report the leftmost match, preferring the pattern listed first.
*/

use std::sync::Arc;

use regex_automata::hybrid;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::{Input, Match, MatchKind};

/// The multi-pattern regex of all rules.
#[derive(Clone, Debug)]
pub struct Finder {
    lazy_dfa: Arc<hybrid::regex::Regex>,
    fallback: PikeVM,
}

/// The lazy DFA's states and transitions, built as searches need them.
#[derive(Clone, Debug)]
pub struct FinderCache(hybrid::regex::Cache);

impl Finder {
    /// Compiles `patterns` (in order of preference), with at most `size_limit` bytes of NFA
    /// and of lazy DFA cache.
    pub fn new(patterns: &[&str], size_limit: usize) -> Result<Finder, String> {
        let compile = |reverse: bool| {
            NFA::compiler()
                .configure(
                    thompson::Config::new()
                        .nfa_size_limit(Some(size_limit))
                        .reverse(reverse)
                        .which_captures(if reverse {
                            WhichCaptures::None
                        } else {
                            WhichCaptures::Implicit
                        }),
                )
                .build_many(patterns)
                .map_err(|err| err.to_string())
        };
        let (forward, reverse) = (compile(false)?, compile(true)?);
        // As the meta engine configures it: any kind of search works, and a DFA whose cache
        // is cleared too often for too little progress gives up rather than crawl.
        let config = hybrid::dfa::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .starts_for_each_pattern(true)
            .unicode_word_boundary(true)
            .cache_capacity(size_limit)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let build = |config: hybrid::dfa::Config, nfa: NFA| {
            hybrid::dfa::Builder::new()
                .configure(config)
                .build_from_nfa(nfa)
                .map_err(|err| err.to_string())
        };
        let forward_dfa = build(config.clone(), forward.clone())?;
        let reverse_dfa = build(config.match_kind(MatchKind::All), reverse)?;
        let lazy_dfa =
            Arc::new(hybrid::regex::Builder::new().build_from_dfas(forward_dfa, reverse_dfa));
        let fallback = PikeVM::new_from_nfa(forward).map_err(|err| err.to_string())?;
        Ok(Finder { lazy_dfa, fallback })
    }

    /// A cache for [`Finder::search`].
    pub fn create_cache(&self) -> FinderCache {
        FinderCache(self.lazy_dfa.create_cache())
    }

    /// The leftmost match in `input`, of the first pattern that matches there.
    pub fn search(&self, cache: &mut FinderCache, input: &Input<'_>) -> Option<Match> {
        match self.lazy_dfa.try_search(&mut cache.0, input) {
            Ok(found) => found,
            Err(_) => {
                let mut captures = self.fallback.create_captures();
                self.fallback
                    .search(&mut self.fallback.create_cache(), input, &mut captures);
                captures.get_match()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lazy_dfa_and_its_fallback_find_the_same_leftmost_first_matches() {
        let patterns = [
            r"(?i)\b(?:May|March)\s+[0-9]{1,2}\b",
            r"(?i)\bMay\b",
            r"[0-9]{4}",
            r"(?i)\blast\s+(?:week|month)\b",
        ];
        let finder = Finder::new(&patterns, 1 << 20).unwrap();
        let mut cache = finder.create_cache();
        let text = "In may 5 1999 talks, and last  WEEK again; mayor Mayfield said May.";
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(matched) = finder.search(&mut cache, &Input::new(text).span(at..text.len()))
        {
            let mut captures = finder.fallback.create_captures();
            finder.fallback.search(
                &mut finder.fallback.create_cache(),
                &Input::new(text).span(at..text.len()),
                &mut captures,
            );
            assert_eq!(captures.get_match(), Some(matched));
            found.push((matched.pattern().as_usize(), &text[matched.range()]));
            at = matched.end();
        }
        assert_eq!(
            found,
            [(0, "may 5"), (2, "1999"), (3, "last  WEEK"), (1, "May")]
        );
    }
}
