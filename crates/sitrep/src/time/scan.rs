/*!
Finding time expressions: one pass of the finder over each sentence.

The finder holds every rule's pattern in one multi-pattern regex (a lazy DFA,
which is its own prefilter), so a sentence is scanned once, whatever the number
of rules. Each match names its rule; that rule's own small regex then reads the
captures over the match alone, which is far cheaper than resolving captures in
the big automaton. (Measured: an Aho-Corasick pass for trigger words first only
added time, as nearly every news sentence holds a digit or a unit word; and a
regex set plus one search per rule, around each place a locator marked, was
three times slower.)

Matches never overlap. At one position the finder prefers the rule with the
higher `priority`, then the one earlier in the file (so a file lists the longer
forms of an expression first); the leftmost match wins over any that starts
later. A match its rule's `not_before` or `not_after` rejects gives way to the
longest allowed match at the same start, if any ("five months" where "five
months before the base fell" is no anaphor). A rule with a `focus` capture
reports only that part of its match ("2" in "from 2 to 5 March": the rest is
context); the search goes on after the focus, so the "5 March" another rule
finds can stand beside it, and context before the focus is searched on its own
("1958" in "1958-61").
*/

use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input, Match};

use super::captures::CaptureCache;
use super::finder::FinderCache;
use super::rules::{Rule, TimeRules};
use super::template::Groups;
use crate::span::Span;

/// How far `not_before` and `not_after` look, in bytes.
const CONTEXT_BYTES: usize = 48;

/// One rule's match, before resolution.
#[derive(Debug)]
pub struct Candidate<'s> {
    /// Index of the rule in [`TimeRules::rules`].
    pub rule: usize,
    /// The expression, in document offsets.
    pub span: Span,
    /// The rule's captures, in the sentence.
    pub groups: Groups<'s>,
}

/// What a scan writes as it goes: kept from text to text, above all the states the finder's
/// lazy DFA has built.
#[derive(Debug, Default)]
pub struct Scratch {
    finder: Option<FinderCache>,
    captures: CaptureCache,
    /// Capture slots, as many as the rule with the most captures needs.
    slots: Vec<Option<NonMaxUsize>>,
}

/// Scratch memory for scans, one at a time per thread.
#[derive(Debug)]
pub struct ScratchPool(Pool<Scratch>);

impl Default for ScratchPool {
    fn default() -> ScratchPool {
        ScratchPool(Pool::new(Scratch::default))
    }
}

impl Clone for ScratchPool {
    /// A new, empty pool: scratch memory is not shared.
    fn clone(&self) -> ScratchPool {
        ScratchPool::default()
    }
}

/// Finds time expressions sentence by sentence.
pub struct Scanner<'r> {
    rules: &'r TimeRules,
    scratch: PoolGuard<'r, Scratch, fn() -> Scratch>,
}

impl<'r> Scanner<'r> {
    /// A scanner for `rules`, with scratch memory from their pool.
    pub fn new(rules: &'r TimeRules) -> Scanner<'r> {
        let mut scratch = rules.scratch.0.get();
        let n_slots = rules
            .rules
            .iter()
            .map(|rule| rule.regex.slot_len())
            .max()
            .unwrap_or(0);
        scratch.slots.resize(n_slots, None);
        if scratch.finder.is_none() {
            scratch.finder = Some(rules.finder.create_cache());
        }
        Scanner { rules, scratch }
    }

    /// Hands each time expression of `sentence` to `found`, in text order. The sentence must
    /// lie on char boundaries of `text`.
    pub fn scan_sentence(
        &mut self,
        text: &str,
        sentence: Span,
        found: &mut impl FnMut(Candidate<'_>),
    ) {
        let haystack = sentence.slice(text);
        self.scan_range(haystack, sentence, 0, haystack.len(), found);
    }

    /// Finds the expressions in `haystack[from..to]` (the sentence is all there for look-around).
    fn scan_range(
        &mut self,
        haystack: &str,
        sentence: Span,
        from: usize,
        to: usize,
        found: &mut impl FnMut(Candidate<'_>),
    ) {
        let rules = self.rules;
        let mut at = from;
        while at < to {
            let Some(first) = self.search(&Input::new(haystack).span(at..to)) else {
                break;
            };
            let Some(matched) = self.accepted_at(haystack, first) else {
                at = next_char(haystack, first.start());
                continue;
            };
            let rule_idx = rules.finder_rules[matched.pattern().as_usize()];
            let rule = &rules.rules[rule_idx];
            if !self.capture(rule, haystack, matched) {
                at = next_char(haystack, matched.start());
                continue;
            }
            let focus = rule
                .focus
                .and_then(|index| self.groups(rule, haystack).span(index));
            let (start, end) = focus.unwrap_or((matched.start(), matched.end()));
            if start > matched.start() {
                // "1958-[61]": what the context before the focus holds is searched on its own,
                // which takes the capture buffer: the match is read again after.
                self.scan_range(haystack, sentence, matched.start(), start, found);
                self.capture(rule, haystack, matched);
            }
            let span = Span::new(sentence.start + start, sentence.start + end);
            found(Candidate {
                rule: rule_idx,
                span,
                groups: self.groups(rule, haystack),
            });
            at = if end < matched.end() {
                end.max(next_char(haystack, matched.start()))
            } else {
                matched.end()
            };
        }
    }

    /// Reads the captures of the finder's match with the rule's own regex, anchored where the
    /// match starts and cut where it ends; false if the rule does not match there.
    fn capture(&mut self, rule: &Rule, haystack: &str, matched: Match) -> bool {
        let Scratch {
            captures, slots, ..
        } = &mut *self.scratch;
        let slots = &mut slots[..rule.regex.slot_len()];
        rule.regex
            .read(captures, &haystack[..matched.end()], matched.start(), slots)
    }

    /// The captures of the rule's last match.
    fn groups<'s>(&'s self, rule: &Rule, haystack: &'s str) -> Groups<'s> {
        Groups {
            haystack,
            slots: &self.scratch.slots[..rule.regex.slot_len()],
        }
    }

    /// The finder's leftmost match in `input`.
    fn search(&mut self, input: &Input<'_>) -> Option<Match> {
        let cache = self
            .scratch
            .finder
            .get_or_insert_with(|| self.rules.finder.create_cache());
        self.rules.finder.search(cache, input)
    }

    /// The finder's match if its rule's context allows it; else the longest other match at the
    /// same start that is allowed ("five months" where "five months before the …" is not).
    fn accepted_at(&mut self, haystack: &str, found: Match) -> Option<Match> {
        let rules = self.rules;
        let mut candidate = found;
        loop {
            let rule = &rules.rules[rules.finder_rules[candidate.pattern().as_usize()]];
            if !candidate.is_empty()
                && context_allows(rule, haystack, candidate.start(), candidate.end())
            {
                return Some(candidate);
            }
            let shorter = previous_char(haystack, candidate.end());
            if shorter <= found.start() {
                return None;
            }
            candidate = self.search(
                &Input::new(haystack)
                    .span(found.start()..shorter)
                    .anchored(Anchored::Yes),
            )?;
        }
    }
}

/// The offset one character after `offset`.
fn next_char(haystack: &str, offset: usize) -> usize {
    offset + haystack[offset..].chars().next().map_or(1, char::len_utf8)
}

/// The offset one character before `offset`.
fn previous_char(haystack: &str, offset: usize) -> usize {
    offset
        - haystack[..offset]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8)
}

/// Whether the rule's `not_before` and `not_after` patterns let a match at `start..end` stand.
fn context_allows(rule: &Rule, haystack: &str, start: usize, end: usize) -> bool {
    if let Some(not_before) = &rule.not_before {
        let from = haystack.floor_char_boundary(start.saturating_sub(CONTEXT_BYTES));
        if not_before.is_match(&haystack[from..start]) {
            return false;
        }
    }
    if let Some(not_after) = &rule.not_after {
        let to = haystack.floor_char_boundary(end + CONTEXT_BYTES);
        if not_after.is_match(&haystack[end..to.max(end)]) {
            return false;
        }
    }
    true
}
