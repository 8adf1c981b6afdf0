/*!
The article as read, and the document the pipeline annotates.

An [`Article`] is what a reader produces from a file: an id, some metadata, a
publication date and the text. A [`Doc`] owns the article and never changes its
text; each stage adds a layer of spans over it (sentences, time expressions,
places, "Name (ABBR)" definitions, actors, facilities) and the
[`Pipeline`](crate::Pipeline) records what went wrong along the way as
[`Diagnostic`]s instead of failing.
*/

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::actor::{ActorMention, Definition};
use crate::event::FacilityMention;
use crate::place::PlaceMention;
use crate::span::Span;
use crate::time::TimeMention;

/// One news article, as the contract's input format describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id; events name their article by it.
    pub id: String,
    /// Where the article was published online.
    #[serde(default)]
    pub url: Option<String>,
    /// The outlet's name or domain ("kachinnews.com").
    #[serde(default)]
    pub outlet: Option<String>,
    /// Headline, when known.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date: the anchor of every relative time expression.
    #[serde(default)]
    pub published: Option<Date>,
    /// The body text.
    pub text: String,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Output was produced, but may be less complete or less exact.
    Warning,
    /// Part of the document could not be processed.
    Error,
}

/// Something a stage noticed about a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Which stage says so (`"time"`, `"place"`...).
    pub stage: &'static str,
    /// What happened, for a person.
    pub message: String,
    /// The text it is about, if any.
    pub span: Option<Span>,
}

/// An article under analysis: its unchanged text and the layers stages add.
#[derive(Clone, Debug)]
pub struct Doc {
    article: Article,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// The lines that tell no news (headings, captions, links), in order: no event or control
    /// fact is read from them.
    pub non_prose: Vec<Span>,
    /// Time expressions, in order.
    pub times: Vec<TimeMention>,
    /// Place mentions, in order.
    pub places: Vec<PlaceMention>,
    /// The "Name (ABBR)" definitions the article makes, in order.
    pub definitions: Vec<Definition>,
    /// Actor mentions, in order.
    pub actors: Vec<ActorMention>,
    /// Military units and named facilities, in order.
    pub facilities: Vec<FacilityMention>,
    /// What the stages noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// A document with no layers yet.
    pub fn new(article: Article) -> Doc {
        Doc {
            article,
            sentences: Vec::new(),
            non_prose: Vec::new(),
            times: Vec::new(),
            places: Vec::new(),
            definitions: Vec::new(),
            actors: Vec::new(),
            facilities: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The article's text, as read.
    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// The article's id.
    pub fn id(&self) -> &str {
        &self.article.id
    }

    /// The publication date, if known.
    pub fn published(&self) -> Option<Date> {
        self.article.published
    }

    /// The article and its metadata.
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// The sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let idx = self
            .sentences
            .partition_point(|sentence| sentence.end <= offset);
        self.sentences
            .get(idx)
            .copied()
            .filter(|sentence| sentence.start <= offset)
    }

    /// True when `offset` lies in a line that tells no news ([`Doc::non_prose`]).
    pub fn in_non_prose(&self, offset: usize) -> bool {
        let idx = self.non_prose.partition_point(|line| line.end <= offset);
        self.non_prose
            .get(idx)
            .is_some_and(|line| line.start <= offset)
    }

    /// Records a diagnostic.
    pub fn warn(&mut self, stage: &'static str, message: impl Into<String>, span: Option<Span>) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            stage,
            message: message.into(),
            span,
        });
    }
}
