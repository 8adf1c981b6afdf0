/*!
Finding time expressions in one sentence: the prefilter, the rule regexes and
the choice among overlapping matches.

A sentence with no trigger word (a month, a weekday, a unit, a digit, one of
`triggers.txt`) is skipped after one Aho-Corasick pass. Otherwise the regex set
says which rules can match, and only those run. Where matches overlap, the rule
with the higher priority wins, then the longer match, then the earlier one. A
rule with a `focus` capture reports only that part of its match ("2" in "from 2
to 5 March": the rest is context), so the "5 March" found by another rule can
stand beside it.
*/

use regex::Captures;

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
    /// The rule's captures, over the sentence's text.
    pub captures: Captures<'t>,
}

/// The time expressions of the sentence `sentence` of `text`, in text order, not overlapping.
pub fn scan<'t>(rules: &TimeRules, text: &'t str, sentence: Span) -> Vec<Candidate<'t>> {
    let haystack = sentence.slice(text);
    if !rules.triggers.is_match(haystack) {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    for rule_idx in rules.set.matches(haystack).iter() {
        let rule = &rules.rules[rule_idx];
        for captures in rule.regex.captures_iter(haystack) {
            let Some(whole) = captures.get(0) else { continue };
            if whole.is_empty() || !context_allows(rule, haystack, whole.start(), whole.end()) {
                continue;
            }
            let focus = captures.name("focus").unwrap_or(whole);
            let span = Span::new(sentence.start + focus.start(), sentence.start + focus.end());
            candidates.push(Candidate { rule: rule_idx, span, captures });
        }
    }
    choose(rules, candidates)
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
