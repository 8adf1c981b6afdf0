/*!
Report dates: the expressions a reporting verb governs.

"…, a UN spokesman told reporters on Thursday" dates the report, not what it
reports. This pass marks each expression a reporting verb governs with that
verb, so that event dating can let another date of the same clause win. A verb
governs an expression when it stands at most `report_window_words` words before
it, in the same clause, with no other tense cue and no word that opens the
reported clause ("said that on Monday the rebels…") between them; or right after
it ("on Monday said"). The reporting verbs are the `report` class of `cue.tsv`,
the words that open a reported clause its `report_clause` class.
*/

use super::TimeMention;
use super::rules::{Cue, TimeRules};
use super::scope::CLAUSE_BREAKS;
use super::words::words;
use crate::span::Span;

/// Sets `report_verb` of each mention a reporting verb governs. `sentences` are in text
/// order, as are `mentions`.
pub fn assign(text: &str, sentences: &[Span], rules: &TimeRules, mentions: &mut [TimeMention]) {
    let mut sentence_idx = 0;
    for mention in mentions.iter_mut() {
        while sentences
            .get(sentence_idx)
            .is_some_and(|s| s.end < mention.span.end)
        {
            sentence_idx += 1;
        }
        let Some(sentence) = sentences
            .get(sentence_idx)
            .filter(|s| s.contains(mention.span))
        else {
            continue;
        };
        mention.report_verb = verb_before(text, rules, *sentence, mention.span)
            .or_else(|| verb_after(text, rules, *sentence, mention.span));
    }
}

/// Whether a clause break lies between two points of `text`: a verb on the far side of one
/// governs nothing here.
fn breaks_between(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|gap| gap.contains(CLAUSE_BREAKS))
}

/// "said on Thursday", "told reporters in New York on Thursday": the reporting verb a few
/// words before `span`, with nothing between that starts a clause of its own.
fn verb_before(text: &str, rules: &TimeRules, sentence: Span, span: Span) -> Option<Span> {
    let before = words(text, Span::new(sentence.start, span.start))
        .rev()
        .take(rules.settings.report_window_words + 1);
    for word in before {
        if breaks_between(text, word.end, span.start) {
            return None;
        }
        match rules.cue(word.slice(text)) {
            Some(Cue::Report) => return Some(word),
            Some(Cue::ReportClause) => return None,
            Some(cue) if cue.is_tense() => return None,
            _ => {}
        }
    }
    None
}

/// "on Monday said": the reporting verb right after `span`.
fn verb_after(text: &str, rules: &TimeRules, sentence: Span, span: Span) -> Option<Span> {
    let word = words(text, Span::new(span.end, sentence.end)).next()?;
    let governs = !breaks_between(text, span.end, word.start)
        && rules.cue(word.slice(text)) == Some(Cue::Report);
    governs.then_some(word)
}
