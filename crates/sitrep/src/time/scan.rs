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

use regex::CaptureLocations;
use regex_automata::{Anchored, Input, Match};

use super::rules::{Rule, TimeRules};
use super::template::Groups;
use crate::span::Span;

/// How far `not_before` and `not_after` look, in bytes.
const CONTEXT_BYTES: usize = 48;

/// One rule's match, before resolution.
#[derive(Debug)]
pub struct Candidate<'t> {
    /// Index of the rule in [`TimeRules::rules`].
    pub rule: usize,
    /// The expression, in document offsets.
    pub span: Span,
    /// The sentence it was found in.
    pub haystack: &'t str,
    /// Where the rule's captures lie in the sentence.
    pub locations: CaptureLocations,
}

impl Candidate<'_> {
    /// The match's capture groups.
    pub fn groups(&self) -> Groups<'_> {
        Groups { haystack: self.haystack, locations: &self.locations }
    }
}

/// The candidates of one sentence.
#[derive(Debug)]
pub struct SentenceCandidates<'t> {
    /// The sentence.
    pub sentence: Span,
    /// Its time expressions, in text order, not overlapping.
    pub candidates: Vec<Candidate<'t>>,
}

/// The time expressions of `text`, sentence by sentence (only sentences that have some).
/// Text outside the sentences is not searched.
pub fn scan<'t>(rules: &TimeRules, text: &'t str, sentences: &[Span]) -> Vec<SentenceCandidates<'t>> {
    sentences
        .iter()
        .filter(|sentence| sentence.end <= text.len() && text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end))
        .filter_map(|&sentence| {
            let candidates = scan_sentence(rules, text, sentence);
            (!candidates.is_empty()).then_some(SentenceCandidates { sentence, candidates })
        })
        .collect()
}

/// The time expressions of one sentence, in text order.
fn scan_sentence<'t>(rules: &TimeRules, text: &'t str, sentence: Span) -> Vec<Candidate<'t>> {
    let haystack = sentence.slice(text);
    let mut candidates = Vec::new();
    scan_range(rules, haystack, sentence, 0, haystack.len(), &mut candidates);
    candidates
}

/// Finds the expressions in `haystack[from..to]` (the sentence is all there for look-around).
fn scan_range<'t>(rules: &TimeRules, haystack: &'t str, sentence: Span, from: usize, to: usize, out: &mut Vec<Candidate<'t>>) {
    let mut at = from;
    while at < to {
        let Some(first) = rules.finder.search(&Input::new(haystack).span(at..to)) else { break };
        let Some(found) = accepted_at(rules, haystack, first) else {
            at = next_char(haystack, first.start());
            continue;
        };
        let rule_idx = rules.finder_rules[found.pattern().as_usize()];
        let rule = &rules.rules[rule_idx];
        // The rule's own regex, started where the finder's match starts and cut where it
        // ends, finds that match again, with its captures.
        let mut locations = rule.regex.capture_locations();
        match rule.regex.captures_read_at(&mut locations, &haystack[..found.end()], found.start()) {
            Some(again) if again.start() == found.start() => {}
            _ => {
                at = next_char(haystack, found.start());
                continue;
            }
        }
        let (start, end) = rule.focus.and_then(|index| locations.get(index)).unwrap_or((found.start(), found.end()));
        if start > found.start() {
            // "1958-[61]": what the context before the focus holds is searched on its own.
            scan_range(rules, haystack, sentence, found.start(), start, out);
        }
        out.push(Candidate { rule: rule_idx, span: Span::new(sentence.start + start, sentence.start + end), haystack, locations });
        at = if end < found.end() { end.max(next_char(haystack, found.start())) } else { found.end() };
    }
}

/// The finder's match if its rule's context allows it; else the longest other match at the
/// same start that is allowed ("five months" where "five months before the …" is not).
fn accepted_at(rules: &TimeRules, haystack: &str, found: Match) -> Option<Match> {
    let mut candidate = found;
    loop {
        let rule = &rules.rules[rules.finder_rules[candidate.pattern().as_usize()]];
        if !candidate.is_empty() && context_allows(rule, haystack, candidate.start(), candidate.end()) {
            return Some(candidate);
        }
        let shorter = previous_char(haystack, candidate.end());
        if shorter <= found.start() {
            return None;
        }
        let input = Input::new(haystack).span(found.start()..shorter).anchored(Anchored::Yes);
        candidate = rules.finder.search(&input)?;
    }
}

/// The offset one character after `offset`.
fn next_char(haystack: &str, offset: usize) -> usize {
    offset + haystack[offset..].chars().next().map_or(1, char::len_utf8)
}

/// The offset one character before `offset`.
fn previous_char(haystack: &str, offset: usize) -> usize {
    offset - haystack[..offset].chars().next_back().map_or(0, char::len_utf8)
}

/// Whether the rule's `not_before` and `not_after` patterns let a match at `start..end` stand.
fn context_allows(rule: &Rule, haystack: &str, start: usize, end: usize) -> bool {
    if let Some(not_before) = &rule.not_before {
        let from = floor_char_boundary(haystack, start.saturating_sub(CONTEXT_BYTES));
        if not_before.is_match(&haystack[from..start]) {
            return false;
        }
    }
    if let Some(not_after) = &rule.not_after {
        let to = floor_char_boundary(haystack, (end + CONTEXT_BYTES).min(haystack.len()));
        if not_after.is_match(&haystack[end..to.max(end)]) {
            return false;
        }
    }
    true
}

/// The largest char boundary at or before `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
