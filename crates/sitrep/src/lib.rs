/*!
sitrep's core: turns conflict news into dated, geocoded events.

The library does no I/O. A reader (the `sitrep-read` crate) turns files into
[`Article`]s; [`Pipeline::run`] annotates each as a [`Doc`] (sentences, time
expressions, places, actors) and extracts its [`Event`]s and
[`ControlFact`]s; [`eval`] scores them against gold annotations as
`CONTRACT.md` defines.

```
use sitrep::{Article, Pipeline, ResourceFiles, Resources};

let resources = Resources::load(&ResourceFiles::embedded()).unwrap();
let article = Article {
    id: "example".into(),
    text: "Fighting broke out on Monday. Residents fled.".into(),
    ..Article::default()
};
let analysis = Pipeline::new(&resources).run(article);
assert_eq!(analysis.doc.sentences.len(), 2);
```
*/
#![deny(missing_docs)]

pub mod actor;
pub mod control;
pub mod dedup;
pub mod doc;
pub mod eval;
pub mod event;
pub mod modality;
pub mod pipeline;
pub mod place;
pub mod resources;
pub mod sentence;
pub mod span;
pub mod start_search;
pub mod text;
pub mod time;

pub use actor::ActorId;
pub use control::ControlFact;
pub use doc::{Article, Diagnostic, Doc, Severity};
pub use event::{Event, EventKind, Modality};
pub use pipeline::{Analysis, Pipeline, Resources};
pub use resources::{ResourceError, ResourceFiles};
pub use span::Span;
