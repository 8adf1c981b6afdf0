/*!
Reading a match's captures: a rule's own regex, run over the span the finder
matched, anchored at its start.

The finder already knows where the match lies, so no DFA pass is needed to find
it again: a bounded backtracker reads the captures straight from the NFA, and a
span too long for its memory bound falls back to the PikeVM (the same NFA, the
same leftmost-first answer). Both engines share one cache per scan, so reading
the captures allocates nothing once the cache has grown.
*/

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::captures::GroupInfo;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input};

/// A rule's pattern, compiled to read captures.
#[derive(Clone, Debug)]
pub struct CaptureRegex {
    backtracker: BoundedBacktracker,
    pikevm: PikeVM,
    /// How many capture slots a match fills.
    slot_len: usize,
    /// The longest span the backtracker may search.
    max_backtrack_len: usize,
}

/// The scratch memory of [`CaptureRegex::read`], for any rule.
#[derive(Clone, Debug, Default)]
pub struct CaptureCache {
    backtracker: Option<backtrack::Cache>,
}

impl CaptureRegex {
    /// Compiles `pattern`, with at most `size_limit` bytes of NFA.
    pub fn new(pattern: &str, size_limit: usize) -> Result<CaptureRegex, String> {
        let nfa = NFA::compiler()
            .configure(thompson::Config::new().nfa_size_limit(Some(size_limit)))
            .build(pattern)
            .map_err(|err| format!("pattern does not compile: {err}"))?;
        let backtracker =
            BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|err| err.to_string())?;
        let slot_len = nfa.group_info().slot_len();
        let max_backtrack_len = backtracker.max_haystack_len();
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|err| err.to_string())?;
        Ok(CaptureRegex {
            backtracker,
            pikevm,
            slot_len,
            max_backtrack_len,
        })
    }

    /// The capture groups, with their names.
    pub fn group_info(&self) -> &GroupInfo {
        self.backtracker.get_nfa().group_info()
    }

    /// How many slots [`CaptureRegex::read`] fills.
    pub fn slot_len(&self) -> usize {
        self.slot_len
    }

    /// Fills `slots` with the captures of the match that starts at `start` and ends at or
    /// before the end of `haystack`; false if there is none. `slots` holds
    /// [`CaptureRegex::slot_len`] entries.
    pub fn read(
        &self,
        cache: &mut CaptureCache,
        haystack: &str,
        start: usize,
        slots: &mut [Option<NonMaxUsize>],
    ) -> bool {
        let input = Input::new(haystack)
            .span(start..haystack.len())
            .anchored(Anchored::Yes);
        if input.get_span().len() <= self.max_backtrack_len {
            let backtracker_cache = cache
                .backtracker
                .get_or_insert_with(|| self.backtracker.create_cache());
            if let Ok(found) = self
                .backtracker
                .try_search_slots(backtracker_cache, &input, slots)
            {
                return found.is_some();
            }
        }
        self.pikevm
            .search_slots(&mut self.pikevm.create_cache(), &input, slots)
            .is_some()
    }
}
