/*!
The store's integration tests, one module per area. Real records come from the
gold annotations of the dev corpus, read from `../shared` (never copied): they
are contract-shaped events and control facts, fed in through the store's API.
*/

mod dev;
mod export;
mod format;
mod query;

use sitrep::dedup::DedupRules;
use sitrep::ResourceFiles;
use sitrep_store::Store;

/// The embedded de-duplication rules.
pub fn rules() -> DedupRules {
    DedupRules::load(&ResourceFiles::embedded()).expect("embedded dedup rules load")
}

/// A new store in memory.
pub fn memory_store() -> Store {
    Store::open_in_memory(rules()).expect("in-memory store opens")
}
