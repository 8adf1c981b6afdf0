/*!
The pipeline: the one place that orders the stages.

[`Resources`] holds every stage's compiled rules; [`Pipeline::run`] turns one
[`Article`] into an [`Analysis`] ([`Pipeline::run_batch`] many, a stage at a
time): the annotated [`Doc`], its events and its control facts. Extraction never fails: a stage that cannot do its job leaves a
[`Diagnostic`](crate::Diagnostic) on the document and the rest go on.
*/

use crate::actor::{self, ActorDictionary};
use crate::control::{self, ControlFact, ControlRules};
use crate::doc::{Article, Doc};
use crate::event::{self, Event, EventRules};
use crate::place::{self, Gazetteer};
use crate::resources::{ResourceError, ResourceFiles};
use crate::sentence::SentenceSplitter;
use crate::span::Span;
use crate::time::{self, TimeRules};

/// Every stage's compiled rules.
#[derive(Clone, Debug)]
pub struct Resources {
    /// Sentence segmentation.
    pub sentences: SentenceSplitter,
    /// Time expressions.
    pub time: TimeRules,
    /// The gazetteer.
    pub gazetteer: Gazetteer,
    /// The actor dictionary.
    pub actors: ActorDictionary,
    /// Event triggers and their roles.
    pub events: EventRules,
    /// Statements of control.
    pub control: ControlRules,
}

impl Resources {
    /// Compiles every stage's rules from `files`.
    pub fn load(files: &ResourceFiles) -> Result<Resources, ResourceError> {
        Ok(Resources {
            sentences: SentenceSplitter::load(files)?,
            time: TimeRules::load(files)?,
            gazetteer: Gazetteer::load(files)?,
            actors: ActorDictionary::load(files)?,
            events: EventRules::load(files)?,
            control: ControlRules::load(files)?,
        })
    }
}

/// What the pipeline makes of one article.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The document with all its layers.
    pub doc: Doc,
    /// Its events, in text order.
    pub events: Vec<Event>,
    /// Its control facts.
    pub control: Vec<ControlFact>,
}

/// Runs the stages, in order, over articles.
#[derive(Clone, Copy, Debug)]
pub struct Pipeline<'r> {
    resources: &'r Resources,
}

impl<'r> Pipeline<'r> {
    /// A pipeline over compiled resources.
    pub fn new(resources: &'r Resources) -> Pipeline<'r> {
        Pipeline { resources }
    }

    /// Annotates one article and extracts its events and control facts.
    pub fn run(&self, article: Article) -> Analysis {
        let mut docs = [Doc::new(article)];
        self.annotate(&mut docs);
        let [doc] = docs;
        self.extract(doc)
    }

    /// Annotates a batch of articles and extracts their events and control facts, one
    /// analysis per article, in order: the same as [`Pipeline::run`] on each, only faster,
    /// since each stage runs over the whole batch before the next starts and its automata
    /// stay in the processor's cache.
    pub fn run_batch(&self, articles: Vec<Article>) -> Vec<Analysis> {
        let res = self.resources;
        let mut docs: Vec<Doc> = articles.into_iter().map(Doc::new).collect();
        self.annotate(&mut docs);
        let contexts: Vec<event::Context> = docs.iter().map(|doc| self.context(doc)).collect();
        let mut events: Vec<Vec<Event>> = docs
            .iter()
            .zip(&contexts)
            .map(|(doc, context)| event::extract(doc, context, &res.events, &res.actors))
            .collect();
        let control: Vec<Vec<ControlFact>> = docs
            .iter()
            .zip(&contexts)
            .zip(&mut events)
            .map(|((doc, context), events)| self.control_then_news_of_the_day(doc, context, events))
            .collect();
        docs.into_iter()
            .zip(events)
            .zip(control)
            .map(|((doc, events), control)| Analysis {
                doc,
                events,
                control,
            })
            .collect()
    }

    /// Adds every layer to each document, one stage at a time over all of them.
    pub fn annotate(&self, docs: &mut [Doc]) {
        let res = self.resources;
        for doc in docs.iter_mut() {
            if doc.published().is_none() {
                doc.warn(
                    "time",
                    "no publication date: relative dates stay unresolved",
                    None,
                );
            }
            doc.sentences = res.sentences.split(doc.text());
            doc.non_prose = res.sentences.non_prose(doc.text());
        }
        for doc in docs.iter_mut() {
            doc.times = time::tag(doc.text(), &doc.sentences, doc.published(), &res.time);
        }
        for doc in docs.iter_mut() {
            // A headline's capitals ("Jet Strike on Mindat Market") would name places the body
            // names otherwise: the body's sentences alone are read for places.
            let prose: Vec<Span> = doc
                .sentences
                .iter()
                .filter(|sentence| !doc.in_non_prose(sentence.start))
                .copied()
                .collect();
            doc.places = place::tag(doc.text(), &prose, &res.gazetteer);
        }
        for doc in docs.iter_mut() {
            doc.definitions = actor::find_definitions(doc.text());
            doc.actors = actor::tag(
                doc.text(),
                &doc.sentences,
                &doc.places,
                &doc.definitions,
                doc.published(),
                &res.actors,
            );
        }
        for doc in docs.iter_mut() {
            doc.facilities = res.events.facilities.find(doc.text(), &doc.definitions);
        }
    }

    /// Extracts the events and control facts of an annotated document.
    fn extract(&self, doc: Doc) -> Analysis {
        let (events, control) = self.events(&doc);
        Analysis {
            doc,
            events,
            control,
        }
    }

    /// The events and control facts of a document [`Pipeline::annotate`] annotated.
    pub fn events(&self, doc: &Doc) -> (Vec<Event>, Vec<ControlFact>) {
        let res = self.resources;
        let context = self.context(doc);
        let mut events = event::extract(doc, &context, &res.events, &res.actors);
        let control = self.control_then_news_of_the_day(doc, &context, &mut events);
        (events, control)
    }

    /// The control facts of a document's events; then the undated facts among them are dated
    /// as news of the day, which so gives no capture a "since" day.
    fn control_then_news_of_the_day(
        &self,
        doc: &Doc,
        context: &event::Context,
        events: &mut [Event],
    ) -> Vec<ControlFact> {
        let res = self.resources;
        let control = control::derive(doc, context, events, &res.control, &res.events);
        event::date_news_of_the_day(doc, &context.clauses, &res.events, events);
        control
    }

    /// What the event and control stages read from an annotated document.
    fn context(&self, doc: &Doc) -> event::Context {
        let res = self.resources;
        event::Context::new(doc, &res.events, &res.actors, res.gazetteer.words())
    }
}
