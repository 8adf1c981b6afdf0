/*!
Finding time expressions: the locator, the rule regexes and the choice among
overlapping matches.

One pass of the locator over the whole text (every rule at once, without captures, a lazy DFA that
is its own prefilter) marks where expressions may be; around each such place a
window of a few words runs the regex set, which says which rules can match
there, and only those rules run, on that window. (An Aho-Corasick pass for
trigger words before it was measured: nearly every news sentence has a digit or
a unit word, so it only added time.) Where matches overlap, the rule
with the higher priority wins, then the longer match, then the earlier one. A
rule with a `focus` capture reports only that part of its match ("2" in "from 2
to 5 March": the rest is context), so the "5 March" found by another rule can
stand beside it.
*/

use regex::CaptureLocations;

use super::template::Groups;

use super::rules::{Rule, TimeRules};
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
    /// The window of the sentence it was found in.
    pub window: &'t str,
    /// Where the rule's captures lie in the window.
    pub locations: CaptureLocations,
}

impl Candidate<'_> {
    /// The match's capture groups.
    pub fn groups(&self) -> Groups<'_> {
        Groups { haystack: self.window, locations: &self.locations }
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
/// `sentences` must be in text order and not overlap; text outside them is not searched.
pub fn scan<'t>(rules: &TimeRules, text: &'t str, sentences: &[Span]) -> Vec<SentenceCandidates<'t>> {
    let mut found = Vec::new();
    for (sentence, windows) in windows(rules, text, sentences) {
        let candidates = scan_windows(rules, text, sentence, &windows);
        if !candidates.is_empty() {
            found.push(SentenceCandidates { sentence, candidates });
        }
    }
    found
}

/// Runs the rules the regex set picks on each window of one sentence.
fn scan_windows<'t>(rules: &TimeRules, text: &'t str, sentence: Span, windows: &[Span]) -> Vec<Candidate<'t>> {
    let haystack = sentence.slice(text);
    let mut candidates = Vec::new();
    for window_span in windows {
        // Windows start and end at white space, so word boundaries inside them are the
        // sentence's own: searching the window alone finds what searching the sentence would.
        let window = window_span.slice(text);
        for rule_idx in rules.set.matches(window).iter() {
            let rule = &rules.rules[rule_idx];
            let mut locations = rule.regex.capture_locations();
            let mut at = 0;
            while at <= window.len() {
                let Some(whole) = rule.regex.captures_read_at(&mut locations, window, at) else { break };
                at = if whole.is_empty() { whole.end() + window[whole.end()..].chars().next().map_or(1, char::len_utf8) } else { whole.end() };
                let start_in_sentence = window_span.start - sentence.start + whole.start();
                let end_in_sentence = window_span.start - sentence.start + whole.end();
                if whole.is_empty() || !context_allows(rule, haystack, start_in_sentence, end_in_sentence) {
                    continue;
                }
                let (focus_start, focus_end) =
                    rule.focus.and_then(|index| locations.get(index)).unwrap_or((whole.start(), whole.end()));
                let span = Span::new(window_span.start + focus_start, window_span.start + focus_end);
                candidates.push(Candidate { rule: rule_idx, span, window, locations: locations.clone() });
            }
        }
    }
    choose(rules, candidates)
}

/// The stretches worth searching, by sentence: each place the locator matches in one pass
/// over the text, widened by a few words on either side within its sentence, overlapping
/// stretches merged.
fn windows(rules: &TimeRules, text: &str, sentences: &[Span]) -> Vec<(Span, Vec<Span>)> {
    let mut by_sentence: Vec<(Span, Vec<Span>)> = Vec::new();
    let mut sentence_idx = 0;
    for found in rules.locator.find_iter(text) {
        while sentences.get(sentence_idx).is_some_and(|s| s.end <= found.start()) {
            sentence_idx += 1;
        }
        let Some(&sentence) = sentences.get(sentence_idx) else { break };
        if found.start() < sentence.start || !valid(text, sentence) {
            continue;
        }
        let haystack = sentence.slice(text);
        let (found_start, found_end) = (found.start() - sentence.start, found.end().min(sentence.end) - sentence.start);
        let start = sentence.start + word_start_at_or_before(haystack, found_start.saturating_sub(WINDOW_BYTES));
        let end = sentence.start + word_end_at_or_after(haystack, found_end + WINDOW_BYTES);
        match by_sentence.last_mut() {
            Some((last_sentence, windows)) if *last_sentence == sentence => match windows.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => windows.push(Span::new(start, end)),
            },
            _ => by_sentence.push((sentence, vec![Span::new(start, end)])),
        }
    }
    by_sentence
}

/// A sentence span that lies on character boundaries of the text.
fn valid(text: &str, span: Span) -> bool {
    span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

/// How far a window reaches beyond a place the locator marks, in bytes.
const WINDOW_BYTES: usize = 8;

/// The start of the word at or before byte `index` (just after white space, or 0).
fn word_start_at_or_before(text: &str, index: usize) -> usize {
    let index = floor_char_boundary(text, index.min(text.len()));
    text[..index].rfind(char::is_whitespace).map_or(0, |at| at + text[at..].chars().next().map_or(1, char::len_utf8))
}

/// The end of the word at or after byte `index` (at white space, or the end).
fn word_end_at_or_after(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let index = floor_char_boundary(text, index);
    text[index..].find(char::is_whitespace).map_or(text.len(), |at| index + at)
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

/// Keeps the best of overlapping candidates: higher priority, then longer, then earlier.
fn choose<'t>(rules: &TimeRules, mut candidates: Vec<Candidate<'t>>) -> Vec<Candidate<'t>> {
    candidates.sort_by(|a, b| {
        rules.rules[b.rule]
            .priority
            .cmp(&rules.rules[a.rule].priority)
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.cmp(&b.rule))
    });
    let mut chosen: Vec<Candidate<'t>> = Vec::new();
    for candidate in candidates {
        if chosen.iter().all(|kept| !kept.span.overlaps(candidate.span)) {
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|candidate| candidate.span.start);
    chosen
}
