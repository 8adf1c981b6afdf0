/*!
Control facts: who holds which place, as an article states it.

Two sources: captures (a `territory_captured` fact makes its taker the controller of the
place, from the capture's day when the text gives one; not one that only tells troops went
in, "entered the village") and statements of control matched by
the rules in `resources/control/rules.toml` ("the KIA-controlled town of Lweje", "Kyaukme,
which is held by the TNLA", "now in the hands of the AA"). Contested and unconfirmed places
give none: only asserted and claimed captures count, and a statement in a sentence with a
negation or hedge cue is skipped. Facts are as of the article's date: a capture that another
side's later capture of the same place undid gives none. A post named after the place it stands
at is held by its own name ("the Hill Ridge army base"), though its events are at the place.

Each rule keeps the words one of which every match of it holds ("stronghold", "foothold",
"bastion"), read off its pattern, and is searched only in the sentences that hold one of
them: a few rules have no literal start a search could skip to, and case-blind patterns
with word gaps are slow to run over a whole text.
*/

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::Date;
use regex_automata::Input;
use regex_automata::meta::Regex;
use regex_syntax::hir::{Hir, HirKind};
use serde::{Deserialize, Serialize};

use crate::actor::{ActorId, ActorKind, ActorMention};
use crate::doc::Doc;
use crate::event::{
    ClauseIndex, ClauseWords, Context, Event, EventKind, EventRules, Site, in_closed_apposition,
};
use crate::place::{Location, Precision};
use crate::resources::{ResourceError, ResourceFiles};
use crate::span::{Span, starting_in};

const RULES: &str = "control/rules.toml";

/// What an article says of who holds a place, as the contract's control format describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ControlFact {
    /// The article's id.
    pub doc: String,
    /// The place's name.
    pub place: String,
    /// ISO 3166 alpha-2.
    pub country: Option<String>,
    /// State, region or province.
    pub admin1: Option<String>,
    /// Who holds it.
    pub controller: ActorId,
    /// Since when, where the text says.
    pub since: Option<Date>,
    /// The sentence that says so, verbatim.
    pub evidence: String,
    /// Latitude, where the place resolved.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude, where the place resolved.
    #[serde(default)]
    pub lon: Option<f64>,
    /// Id of the rule that produced the fact.
    #[serde(default)]
    pub rule: String,
}

/// Where a control rule finds the controller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControllerSlot {
    /// The actor ending where the pattern starts ("KIA-controlled").
    Before,
    /// The first actor after the pattern ("held by the TNLA").
    After,
    /// An actor inside the pattern ("under KIA control").
    Inside,
    /// The clause's subject ("the CB now controls Falam").
    Subject,
}

/// Where a control rule finds the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceSide {
    /// The places after the pattern, up to the clause's end.
    After,
    /// The nearest place before the pattern.
    Before,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: String,
    pattern: String,
    controller: ControllerSlot,
    place: PlaceSide,
    #[serde(default)]
    blocked_before: Vec<String>,
    examples: Vec<String>,
    counter_examples: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    places: PlaceWords,
    holders: HolderWords,
    rule: Vec<RuleEntry>,
}

/// The words that point a statement to its holder elsewhere in the text (the `[holders]`
/// table).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderWords {
    relative_pronouns: Vec<String>,
    possessive_pronouns: Vec<String>,
}

/// The words that tell a held place from one only fought over or holding a captured post
/// (the `[places]` table).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceWords {
    contested: Vec<String>,
    container_prepositions: Vec<String>,
    post_nouns: Vec<String>,
    post_window: usize,
    name_openers: Vec<String>,
    route_prepositions: Vec<String>,
    coordinators: Vec<String>,
    goal_prepositions: Vec<String>,
    route_nouns: Vec<String>,
    route_noun_prepositions: Vec<String>,
    reversals: Vec<String>,
}

impl PlaceWords {
    /// True when `head` (lower case, the text before a place) ends with a contest word, with
    /// or without "the".
    fn contested(&self, head: &str) -> bool {
        let head = head.trim_end();
        let head = head.strip_suffix(" the").unwrap_or(head);
        self.contested.iter().any(|c| head.ends_with(c.as_str()))
    }

    /// True when the words between a cue and the first place name a post ("an AA-controlled
    /// checkpoint on the highway"): the post is held, not the places that locate it.
    fn names_a_post(&self, phrase: &str) -> bool {
        crate::text::words(phrase)
            .take(self.post_window)
            .any(|w| self.post_nouns.iter().any(|n| n == w))
    }

    /// Where a name's phrase starts, with the openers before it ("the town of Hill Ridge").
    fn name_start(&self, lower: &str, floor: usize, start: usize) -> usize {
        let mut start = start;
        loop {
            let head = lower[floor..start].trim_end();
            let word_start = crate::text::after_last(head, |c| !c.is_alphanumeric());
            if word_start == head.len()
                || !self.name_openers.iter().any(|o| o == &head[word_start..])
            {
                return start;
            }
            start = floor + word_start;
        }
    }

    /// True when `head` ends with a post and a preposition that place the name after it
    /// ("an outpost in", "the headquarters of Battalion 9 in the village of", "headquarters in
    /// Hill Ridge as well as in").
    fn locates_a_post(&self, head: &str) -> bool {
        self.follows_noun_and_preposition(head, &self.post_nouns, &self.container_prepositions)
    }

    /// True when `tail` (lower case, the text after a captured place) says the takers lost it
    /// again ("before a counteroffensive forced them to pull back").
    fn undone_after(&self, tail: &str) -> bool {
        self.reversals
            .iter()
            .any(|cue| crate::text::find_word(tail, cue).is_some())
    }

    /// True when `head` ends with where a road or a move goes: a goal preposition ("pulled back
    /// to", "positions between"), or a route noun and a preposition ("the road that runs from",
    /// "the roads leading into").
    fn marks_a_route(&self, head: &str) -> bool {
        let mut words = words_backwards(head).peekable();
        while words
            .next_if(|w| ClauseWords::has(&self.name_openers, w))
            .is_some()
        {}
        words
            .next()
            .is_some_and(|w| ClauseWords::has(&self.goal_prepositions, w))
            || self.on_a_route(head)
    }

    /// True when `head` ends with a route noun and a preposition ("the road that runs from",
    /// "the entrance to").
    fn on_a_route(&self, head: &str) -> bool {
        self.follows_noun_and_preposition(head, &self.route_nouns, &self.route_noun_prepositions)
    }

    /// True when `head` ends with one of `prepositions` (name openers aside) and one of `nouns`
    /// stands among the `post_window` words before it. A preposition coordinated with an
    /// earlier one ("in Hill Ridge and in Lweje") shares that one's noun.
    fn follows_noun_and_preposition(
        &self,
        head: &str,
        nouns: &[String],
        prepositions: &[String],
    ) -> bool {
        let mut words = lazy_words_backwards(head);
        let mut at = 0;
        while words
            .get(at)
            .is_some_and(|w| ClauseWords::has(&self.name_openers, w))
        {
            at += 1;
        }
        loop {
            if !words
                .get(at)
                .is_some_and(|w| ClauseWords::has(prepositions, w))
            {
                return false;
            }
            at += 1;
            let coordinator = self.coordinators.iter().find(|c| {
                c.split_whitespace()
                    .rev()
                    .enumerate()
                    .all(|(idx, c)| words.get(at + idx) == Some(c))
            });
            let Some(coordinator) = coordinator else {
                return (at..at + self.post_window)
                    .map_while(|idx| words.get(idx))
                    .any(|w| ClauseWords::has(nouns, w));
            };
            // Back to the preposition the coordinated one repeats.
            let after_coordinator = at + coordinator.split_whitespace().count();
            let Some(earlier) = (after_coordinator..)
                .map_while(|idx| words.get(idx))
                .position(|w| ClauseWords::has(prepositions, w))
            else {
                return false;
            };
            at = after_coordinator + earlier;
        }
    }

    /// True when the (lower-case) sentence names the place only as contested, approached, on a
    /// route or where a captured post stands: no mention of it says it was itself taken.
    /// `mentions` are where the sentence names the place (offsets in `lower`, the dateline's
    /// left out), `names` all its place names: a name inside a list reads with the words before
    /// the list ("headquarters in Hill Ridge, Lweje and Tamu").
    fn held_place_unstated(&self, lower: &str, mentions: &[Span], names: &[Span]) -> bool {
        !mentions.is_empty()
            && mentions.iter().all(|mention| {
                let head = &lower[..list_start(lower, mention.start, names)];
                self.contested(head) || self.locates_a_post(head) || self.marks_a_route(head)
            })
    }
}

/// The words of a text from its last, read only as far as asked.
struct WordsBackwards<'t, I> {
    unread: I,
    read: Vec<&'t str>,
}

impl<'t, I: Iterator<Item = &'t str>> WordsBackwards<'t, I> {
    /// The `idx`th word from the end, if the text has so many.
    fn get(&mut self, idx: usize) -> Option<&'t str> {
        while self.read.len() <= idx {
            self.read.push(self.unread.next()?);
        }
        Some(self.read[idx])
    }
}

/// [`words_backwards`], read as far as asked.
fn lazy_words_backwards(text: &str) -> WordsBackwards<'_, impl Iterator<Item = &str>> {
    WordsBackwards {
        unread: words_backwards(text),
        read: Vec::new(),
    }
}

/// The words of `text`, last first (hyphenated words kept whole).
fn words_backwards(text: &str) -> impl Iterator<Item = &str> + Clone {
    crate::text::words(text).rev()
}

/// Where the list of names that the name at `at` belongs to begins: the first name before
/// which only commas, "and" and "or" separate names ("in Hill Ridge, Lweje and Tamu": Hill Ridge),
/// or the place that owns it ("in Kachin State's Hpakant Township": Kachin State).
fn list_start(lower: &str, mut at: usize, names: &[Span]) -> usize {
    loop {
        let head = lower[..at].trim_end();
        if let Some(owner) = head.strip_suffix("'s").or_else(|| head.strip_suffix("’s")) {
            match names.iter().find(|name| name.end == owner.len()) {
                Some(name) => {
                    at = name.start;
                    continue;
                }
                None => return at,
            }
        }
        let head = head.trim_end_matches([' ', ',']);
        let head = ["and", "or"]
            .iter()
            .find_map(|word| {
                head.strip_suffix(word)
                    .filter(|rest| rest.ends_with([' ', ',']))
            })
            .map_or(head, |rest| rest.trim_end_matches([' ', ',']));
        match names.iter().find(|name| name.end == head.len()) {
            Some(name) if head.len() < at => at = name.start,
            _ => return at,
        }
    }
}

/// One compiled control rule.
#[derive(Clone, Debug)]
pub struct ControlRule {
    /// Stable id.
    pub id: String,
    /// Where the controller is.
    pub controller: ControllerSlot,
    /// Where the place is.
    pub place: PlaceSide,
    /// Words right before the pattern that cancel it ("*lost* control of": a noun, no verb).
    pub blocked_before: Vec<String>,
    /// Sentences it must yield a fact on.
    pub examples: Vec<String>,
    /// Sentences it must not.
    pub counter_examples: Vec<String>,
    regex: Regex,
    /// Matches any of the words every match of `regex` holds, case aside; none when the
    /// pattern has no such words.
    required: Option<Regex>,
}

/// The compiled control rules.
#[derive(Clone, Debug)]
pub struct ControlRules {
    /// The rules, in file order.
    pub rules: Vec<ControlRule>,
    words: PlaceWords,
    holders: HolderWords,
}

impl ControlRules {
    /// Compiles `resources/control/rules.toml`.
    pub fn load(files: &ResourceFiles) -> Result<ControlRules, ResourceError> {
        let file: RuleFile = toml::from_str(files.text(RULES)?)
            .map_err(|err| ResourceError::new(RULES, err.to_string()))?;
        let rules = file
            .rule
            .into_iter()
            .map(|entry| {
                // ASCII word boundaries keep the search on the fast engines.
                let fail = |err: String| ResourceError::new(RULES, err).in_rule(entry.id.clone());
                let compile =
                    |source: &str| Regex::new(source).map_err(|err| fail(err.to_string()));
                let regex = compile(&format!(
                    "(?i){}",
                    entry.pattern.replace(r"\b", r"(?-u:\b)")
                ))?;
                let hir =
                    regex_syntax::parse(&entry.pattern).map_err(|err| fail(err.to_string()))?;
                let required = match required_words(&hir) {
                    Some(words) => {
                        let escaped: Vec<String> =
                            words.iter().map(|word| regex::escape(word)).collect();
                        Some(compile(&format!("(?i){}", escaped.join("|")))?)
                    }
                    None => None,
                };
                Ok(ControlRule {
                    id: entry.id,
                    controller: entry.controller,
                    place: entry.place,
                    // Matched against the lower-cased text.
                    blocked_before: entry
                        .blocked_before
                        .iter()
                        .map(|word| word.to_lowercase())
                        .collect(),
                    examples: entry.examples,
                    counter_examples: entry.counter_examples,
                    regex,
                    required,
                })
            })
            .collect::<Result<Vec<_>, ResourceError>>()?;
        Ok(ControlRules {
            rules,
            words: file.places,
            holders: file.holders,
        })
    }
}

/// The control facts an analysed document states: from its captures and its statements of
/// control.
pub fn derive(
    doc: &Doc,
    context: &Context,
    events: &[Event],
    rules: &ControlRules,
    event_rules: &EventRules,
) -> Vec<ControlFact> {
    let mut facts: Vec<ControlFact> = Vec::new();
    let dateline_end = crate::text::dateline(doc.text()).map_or(0, |dateline| dateline.end);
    for event in events {
        if event.kind != EventKind::TerritoryCaptured
            || !event.modality.is_fact()
            || event.place_inferred
            || event_rules
                .triggers
                .rule(&event.rule)
                .is_some_and(|rule| rule.going_in)
        {
            continue;
        }
        let (Some(controller), Some(location)) = (&event.actor1, &event.location) else {
            continue;
        };
        let sentence = Span::new(event.evidence_start, event.evidence_end);
        // The sentence's place names, with offsets in the sentence.
        let sentence_sites: Vec<(Span, &Site)> =
            starting_in(&context.sites, sentence, |site| site.span)
                .iter()
                .filter(|site| sentence.contains(site.span))
                .map(|site| {
                    (
                        Span::new(
                            site.span.start - sentence.start,
                            site.span.end - sentence.start,
                        ),
                        site,
                    )
                })
                .collect();
        let names: Vec<Span> = sentence_sites.iter().map(|(span, _)| *span).collect();
        let lower = sentence.slice(&context.lower);
        let named_here: Vec<&(Span, &Site)> = sentence_sites
            .iter()
            .filter(|(_, site)| site.location.name == location.name)
            .collect();
        let mentions: Vec<Span> = named_here.iter().map(|(span, _)| *span).collect();
        let mentions = if mentions.is_empty() {
            spelled_out(lower, &location.name)
        } else {
            mentions
        };
        // "BHAMO — ...": where the story is filed from says nothing of who took it.
        let mentions: Vec<Span> = mentions
            .into_iter()
            .filter(|mention| sentence.start + mention.end > dateline_end)
            .collect();
        if rules.words.held_place_unstated(lower, &mentions, &names) {
            continue;
        }
        let taken = named_here
            .first()
            .map_or(Cow::Borrowed(location), |(_, site)| held_location(site));
        // "took most of Hill Ridge before a counteroffensive forced them to pull back": the
        // side that lost it holds it again.
        if mentions
            .first()
            .is_some_and(|first| rules.words.undone_after(&lower[first.end..]))
        {
            if let Some(loser) = &event.actor2 {
                push_fact(&mut facts, doc, &taken, loser, None, sentence, &event.rule);
            }
            continue;
        }
        // The first day the capture's date allows ("in June" is from 1 June), as the contract's
        // control facts give it.
        let since = event.date.map(|d| d.start);
        push_fact(
            &mut facts,
            doc,
            &taken,
            controller,
            since,
            sentence,
            &event.rule,
        );
    }
    let text = doc.text();
    let (lower, sites, clause_index, cue_index) = (
        &context.lower,
        &context.sites,
        &context.clauses,
        &context.cues,
    );
    // For each controller and clause end (with its sentence's start), the earliest start from
    // which the places after a pattern have been read: a later start finds only places whose
    // facts are already there, so a long clause is read once, not once per pattern in it.
    let mut read_from: HashMap<(ActorId, usize, usize), usize> = HashMap::default();
    for rule in &rules.rules {
        for cue in rule.matches(doc) {
            if crate::text::ends_with_phrase(&lower[..cue.start], &rule.blocked_before) {
                continue;
            }
            let Some(sentence) = doc.sentence_at(cue.start) else {
                continue;
            };
            // The pattern's last word is its verb: a hedge inside the pattern ("which the KIA
            // hopes to hold") counts as one before it.
            let verb = Span::new(
                cue.start + crate::text::after_last(cue.slice(text), char::is_whitespace),
                cue.end,
            );
            if event_rules
                .modality
                .cue(cue_index, text, sentence.start, sentence, verb)
                .is_some()
            {
                continue;
            }
            let reading = Reading {
                doc,
                lower,
                sentence,
                event_rules,
                clause_index,
                holders: &rules.holders,
            };
            let Some(controller) = reading
                .controller(rule.controller, cue)
                .or_else(|| reading.pronoun_holder(rule.controller, cue, events))
            else {
                continue;
            };
            if rule.place == PlaceSide::After {
                let end = clause_index.object_end(sentence, cue.end);
                let from = read_from
                    .entry((controller.clone(), sentence.start, end))
                    .or_insert(usize::MAX);
                if *from <= cue.end {
                    continue;
                }
                *from = cue.end;
            }
            for site in reading.places(sites, &rules.words, rule.place, cue, &controller) {
                push_fact(
                    &mut facts,
                    doc,
                    &held_location(site),
                    &controller,
                    None,
                    sentence,
                    &rule.id,
                );
            }
        }
    }
    drop_overtaken(facts)
}

impl ControlRule {
    /// Where the rule matches `doc`'s text, in text order: in each sentence that holds one
    /// of its required words, or over the whole text when it has none; never in a line that
    /// tells no news ("READ MORE: the rebels now control the town").
    fn matches(&self, doc: &Doc) -> Vec<Span> {
        let mut found = self.matches_anywhere(doc);
        found.retain(|span| !doc.in_non_prose(span.start));
        found
    }

    fn matches_anywhere(&self, doc: &Doc) -> Vec<Span> {
        let text = doc.text();
        let Some(required) = &self.required else {
            return find_spans(&self.regex, Input::new(text));
        };
        let mut sentences: Vec<Span> = required
            .find_iter(text)
            .filter_map(|word| doc.sentence_at(word.start()))
            .collect();
        sentences.dedup();
        sentences
            .into_iter()
            .flat_map(|sentence| {
                find_spans(
                    &self.regex,
                    Input::new(text).range(sentence.start..sentence.end),
                )
            })
            .collect()
    }
}

/// Every match of `regex` in `input`'s range (its word boundaries see the text around it).
fn find_spans(regex: &Regex, input: Input<'_>) -> Vec<Span> {
    regex
        .find_iter(input)
        .map(|found| Span::new(found.start(), found.end()))
        .collect()
}

/// Words one of which every match of `hir` holds, as written in the pattern (the rules match
/// them case aside, as `(?i)` does the whole pattern); `None` when it need hold none. Of the
/// parts of a sequence, the part whose shortest word is longest is the most telling.
fn required_words(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(literal) => String::from_utf8(literal.0.to_vec())
            .ok()
            .map(|word| vec![word]),
        HirKind::Capture(capture) => required_words(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min > 0 => required_words(&repetition.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required_words)
            .max_by_key(|words| words.iter().map(String::len).min().unwrap_or(0)),
        HirKind::Alternation(branches) => branches
            .iter()
            .map(required_words)
            .collect::<Option<Vec<_>>>()
            .map(|sets| sets.concat()),
        _ => None,
    }
}

/// Where `lower` spells `name` out.
fn spelled_out(lower: &str, name: &str) -> Vec<Span> {
    let name = name.to_lowercase();
    lower
        .match_indices(name.as_str())
        .map(|(at, _)| Span::new(at, at + name.len()))
        .collect()
}

/// The facts that still hold as of the article's date: a capture dated before another side's
/// capture of the same place was undone by it ("took Hill Ridge in 2023 ... retook Hill Ridge
/// in July").
fn drop_overtaken(facts: Vec<ControlFact>) -> Vec<ControlFact> {
    let overtaken = |fact: &ControlFact| {
        facts.iter().any(|later| {
            later.place == fact.place
                && later.controller != fact.controller
                && matches!((later.since, fact.since), (Some(later), Some(earlier)) if later > earlier)
        })
    };
    let keep: Vec<bool> = facts.iter().map(|fact| !overtaken(fact)).collect();
    facts
        .into_iter()
        .zip(keep)
        .filter_map(|(fact, keep)| keep.then_some(fact))
        .collect()
}

/// The place a site's holder holds: a post by its own name ("Hill Ridge camp"), though its
/// events are at the place it stands at.
fn held_location(site: &Site) -> Cow<'_, Location> {
    match &site.post_name {
        Some(name) => Cow::Owned(Location {
            name: name.clone(),
            ..site.location.clone()
        }),
        None => Cow::Borrowed(&site.location),
    }
}

fn push_fact(
    facts: &mut Vec<ControlFact>,
    doc: &Doc,
    location: &Location,
    controller: &ActorId,
    since: Option<Date>,
    evidence: Span,
    rule: &str,
) {
    if matches!(location.precision, Precision::Admin1 | Precision::Country) {
        return;
    }
    if facts
        .iter()
        .any(|f| f.place == location.name && &f.controller == controller)
    {
        return;
    }
    facts.push(ControlFact {
        doc: doc.id().to_string(),
        place: location.name.clone(),
        country: location.country.clone(),
        admin1: location.admin1.clone(),
        controller: controller.clone(),
        since,
        evidence: evidence.slice(doc.text()).to_string(),
        lat: location.lat,
        lon: location.lon,
        rule: rule.to_string(),
    });
}

fn is_armed(mention: &ActorMention) -> bool {
    mention.kind.is_armed() && mention.kind != ActorKind::Civilians
}

/// One sentence of a document, with what finding a statement's holder in it needs.
struct Reading<'a> {
    doc: &'a Doc,
    lower: &'a str,
    sentence: Span,
    event_rules: &'a EventRules,
    clause_index: &'a ClauseIndex,
    holders: &'a HolderWords,
}

impl Reading<'_> {
    /// The armed mentions starting inside `span`, in order of start.
    fn armed_starting_in(&self, span: Span) -> impl DoubleEndedIterator<Item = &ActorMention> {
        starting_in(&self.doc.actors, span, |m| m.span)
            .iter()
            .filter(|m| is_armed(m))
    }

    /// The actor a rule's slot names around the pattern at `cue`.
    fn controller(&self, slot: ControllerSlot, cue: Span) -> Option<ActorId> {
        let (lower, sentence) = (self.lower, self.sentence);
        match slot {
            ControllerSlot::Before => self
                .armed_starting_in(Span::new(0, cue.start))
                .rev()
                .find(|m| m.span.end == cue.start)
                .map(|m| m.actor.clone()),
            ControllerSlot::Inside => self
                .armed_starting_in(cue)
                .rev()
                .find(|m| cue.contains(m.span))
                .map(|m| m.actor.clone()),
            ControllerSlot::After => starting_in(
                &self.doc.actors,
                Span::new(cue.end, sentence.end.max(cue.end)),
                |m| m.span,
            )
            .iter()
            // The gap only grows: past three words, no later mention is near enough.
            .take_while(|m| {
                lower[cue.end..m.span.start]
                    .split_whitespace()
                    .nth(3)
                    .is_none()
            })
            .find(|m| is_armed(m) && m.span.end <= sentence.end)
            .map(|m| m.actor.clone()),
            ControllerSlot::Subject => {
                let clause_start = self.clause_index.subject_start(sentence, cue.start);
                self.armed_starting_in(Span::new(clause_start.min(cue.start), cue.start))
                    .rev()
                    .filter(|m| m.span.start >= clause_start && m.span.end <= cue.start)
                    // "the MNDAA, a TNLA ally, controls": the apposition's actor describes.
                    .filter(|m| {
                        !in_closed_apposition(lower, sentence.start, m.span, cue.start, |at| {
                            starting_in(&self.doc.actors, Span::new(sentence.start, at), |a| a.span)
                                .iter()
                                .any(|a| a.span.end == at)
                        })
                    })
                    .find(|m| {
                        !self.event_rules.clauses.after_preposition(
                            lower,
                            sentence.start,
                            m.span.start,
                        )
                    })
                    .map(|m| m.actor.clone())
                    .or_else(|| self.relative_antecedent(clause_start))
            }
        }
    }

    /// The actor a relative pronoun opening the clause at `clause_start` stands for: the one
    /// right before it ("the AA (Arakan Army), which controls ...").
    fn relative_antecedent(&self, clause_start: usize) -> Option<ActorId> {
        let head =
            self.lower[self.sentence.start..clause_start.max(self.sentence.start)].trim_end();
        let word_start = crate::text::after_last(head, |c| !c.is_alphabetic());
        if !ClauseWords::has(&self.holders.relative_pronouns, &head[word_start..]) {
            return None;
        }
        let antecedent_end =
            self.sentence.start + head[..word_start].trim_end_matches([' ', ',', ')']).len();
        self.armed_starting_in(Span::new(self.sentence.start, antecedent_end))
            .rev()
            .find(|m| {
                m.span.end <= antecedent_end
                    && self.lower[m.span.end..antecedent_end]
                        .trim_matches([' ', ',', '(', ')'])
                        .is_empty()
            })
            .map(|m| m.actor.clone())
    }

    /// The holder a pronoun in the slot stands for ("which they now hold", "their stronghold
    /// of Hill Ridge", "They also control Lweje"): the last armed subject before it in the
    /// sentence, else the agent of the last capture or clash stated as fact before the sentence.
    fn pronoun_holder(&self, slot: ControllerSlot, cue: Span, events: &[Event]) -> Option<ActorId> {
        let words = &self.event_rules.clauses.words;
        let is_pronoun = |w: &str| {
            ClauseWords::has(&words.subject_pronouns, w)
                || ClauseWords::has(&self.holders.possessive_pronouns, w)
        };
        let says_pronoun = match slot {
            ControllerSlot::Subject => {
                let clause_start = self.clause_index.subject_start(self.sentence, cue.start);
                self.lower[clause_start..cue.start]
                    .split(|c: char| !c.is_alphabetic())
                    .find(|w| !w.is_empty())
                    .is_some_and(is_pronoun)
            }
            ControllerSlot::Inside => cue
                .slice(self.lower)
                .split(|c: char| !c.is_alphabetic())
                .any(is_pronoun),
            ControllerSlot::Before | ControllerSlot::After => false,
        };
        if !says_pronoun {
            return None;
        }
        self.armed_starting_in(Span::new(self.sentence.start, cue.start))
            .rev()
            .find(|m| {
                m.span.end <= cue.start
                    && !self.event_rules.clauses.after_preposition(
                        self.lower,
                        self.sentence.start,
                        m.span.start,
                    )
            })
            .map(|m| m.actor.clone())
            .or_else(|| {
                events
                    .iter()
                    .rev()
                    .filter(|e| e.evidence_start < self.sentence.start && e.modality.is_fact())
                    .filter(|e| {
                        matches!(e.kind, EventKind::TerritoryCaptured | EventKind::ArmedClash)
                    })
                    .find_map(|e| e.actor1.clone())
            })
    }
}

impl Reading<'_> {
    /// The places a statement of control at `cue` says `controller` holds.
    fn places<'s>(
        &self,
        sites: &'s [Site],
        words: &PlaceWords,
        side: PlaceSide,
        cue: Span,
        controller: &ActorId,
    ) -> Vec<&'s Site> {
        let (lower, sentence, event_rules, clause_index) = (
            self.lower,
            self.sentence,
            self.event_rules,
            self.clause_index,
        );
        let contested = |site: &Site| words.contested(&lower[sentence.start..site.span.start]);
        match side {
            PlaceSide::Before => {
                let before: Vec<&Site> =
                    starting_in(sites, Span::new(sentence.start, cue.start), |s| s.span)
                        .iter()
                        .filter(|s| s.span.start >= sentence.start && s.span.end <= cue.start)
                        .filter(|s| !s.names_actor)
                        .collect();
                let Some(mut last) = before.iter().rposition(|s| !contested(s)) else {
                    return Vec::new();
                };
                // "Kyondoe, a town on the Gyaing that has been in KNLA hands": the river only
                // locates the town.
                if last > 0
                    && event_rules
                        .clauses
                        .places_on(&lower[before[last - 1].span.end..before[last].span.start])
                {
                    last -= 1;
                }
                // "part of Region 1, which is held by ...": a relative clause says what its
                // antecedent, right before it, is held by.
                let gap = &lower[before[last].span.end..cue.start];
                let opener = clause_index
                    .relative_clauses(Span::new(before[last].span.end, sentence.end))
                    .find(|r| r.start < cue.start);
                if opener.is_some_and(|r| !gap[..r.start - before[last].span.end].trim().is_empty())
                {
                    return Vec::new();
                }
                // "the road between Hill Ridge and Lweje ... had been held by": places that only
                // mark a route are not what is held.
                let mut first = last;
                while first > 0
                    && event_rules.clauses.continues_list(
                        &lower[before[first - 1].span.end..before[first].span.start],
                    )
                {
                    first -= 1;
                }
                let name_start = words.name_start(lower, sentence.start, before[first].span.start);
                let (word, _, _) =
                    event_rules
                        .clauses
                        .word_before(lower, sentence.start, name_start);
                if words.route_prepositions.iter().any(|p| p == word) {
                    return Vec::new();
                }
                // "Hill Ridge and Lweje are still held by the army": the whole list.
                before[first..=last]
                    .iter()
                    .copied()
                    .filter(|s| !contested(s))
                    .collect()
            }
            PlaceSide::After => {
                let end = clause_index.object_end(sentence, cue.end);
                let after: Vec<&Site> =
                    starting_in(sites, Span::new(cue.end, end.max(cue.end)), |s| s.span)
                        .iter()
                        .filter(|s| s.span.start >= cue.end && s.span.end <= end)
                        .filter(|s| !s.names_actor)
                        .collect();
                if after
                    .first()
                    .is_some_and(|first| words.names_a_post(&lower[cue.end..first.span.start]))
                {
                    return Vec::new();
                }
                // "controls the road to Lweje", "the highway between Lweje and Momauk" (but "all
                // the towns from Kyaukme to Mogok" are held).
                let names: Vec<Span> = after.iter().map(|s| s.span).collect();
                let on_route = |site: &Site| {
                    words.on_a_route(&lower[..list_start(lower, site.span.start, &names)])
                };
                after
                    .iter()
                    .copied()
                    .filter(|s| {
                        !contested(s)
                            && !on_route(s)
                            && !event_rules.clauses.is_reference(
                                lower,
                                sentence.start,
                                s.span.start,
                            )
                    })
                    .filter(|s| !self.owned_by_another(s.span.start, controller))
                    .collect()
            }
        }
    }

    /// True when the name at `start` follows another armed actor's possessive ("including Hill
    /// Ridge, formerly the army's Battalion 9 base"): it is named as that actor's.
    fn owned_by_another(&self, start: usize, controller: &ActorId) -> bool {
        let (word, word_start, _) =
            self.event_rules
                .clauses
                .word_before(self.lower, self.sentence.start, start);
        let Some(owner) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) else {
            return false;
        };
        let owner_end = word_start + owner.len();
        self.armed_starting_in(Span::new(self.sentence.start, owner_end))
            .rev()
            .find(|m| m.span.end == owner_end)
            .is_some_and(|m| &m.actor != controller)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::ControlFact;
    use crate::{Article, Pipeline, ResourceFiles, Resources};

    static RESOURCES: LazyLock<Resources> =
        LazyLock::new(|| Resources::load(&ResourceFiles::embedded()).expect("resources load"));

    fn control_facts(text: &str) -> Vec<ControlFact> {
        let article = Article {
            id: "example".into(),
            text: text.into(),
            ..Article::default()
        };
        Pipeline::new(&RESOURCES).run(article).control
    }

    fn facts(sentence: &str) -> Vec<String> {
        control_facts(sentence)
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    fn held_places(text: &str) -> Vec<String> {
        control_facts(text)
            .into_iter()
            .map(|f| format!("{} {}", f.place, f.controller.0))
            .collect()
    }

    #[test]
    fn the_words_a_pattern_requires_are_those_each_of_its_matches_holds() {
        let required =
            |pattern: &str| super::required_words(&regex_syntax::parse(pattern).unwrap());
        let words = |list: &[&str]| Some(list.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(
            required(r"\b(?:the|its) (?:\w+ ){0,3}?(?:fortress|citadel) of\b"),
            words(&["fortress", "citadel"])
        );
        assert_eq!(
            required(r"\b(?:now )?(?:rules?|grips?)\b"),
            words(&["rule", "grip"])
        );
        assert_eq!(
            required(r"-(?:ruled|gripped)\b"),
            words(&["ruled", "gripped"])
        );
        assert_eq!(required(r"\bin (?:\S+ ){1,2}grip\b"), words(&["grip"]));
        assert_eq!(required(r"(?:,|\bwhich)\w+"), words(&[",", "which"]));
        assert_eq!(required(r"\w+(?:fortress)?"), None);
        // Each match holds a required word, case aside.
        let pattern = r"\b(?:the|its) (?:\w+ ){0,3}?(?:fortress|citadel) of\b";
        let rule = regex::Regex::new(&format!("(?i){pattern}")).unwrap();
        let words =
            regex::Regex::new(&format!("(?i){}", required(pattern).unwrap().join("|"))).unwrap();
        assert_eq!(
            rule.find("Its old CITADEL of stone")
                .map(|m| words.is_match(m.as_str())),
            Some(true)
        );
    }

    #[test]
    fn a_captured_post_gives_no_control_of_the_town_it_stands_in() {
        assert_eq!(
            held_places("The KIA captured Bhamo on Tuesday."),
            ["Bhamo KIA"]
        );
        assert!(held_places("The KIA overran a junta outpost in Bhamo on Tuesday.").is_empty());
        assert!(
            held_places("The KIA took the army's battalion headquarters in the town of Bhamo.")
                .is_empty()
        );
        assert!(
            held_places("The KIA has taken junta bases in Bhamo, Momauk and Shwegu this month.")
                .is_empty()
        );
        assert_eq!(
            held_places("The KIA has taken Bhamo, Momauk and Shwegu this month.").len(),
            3
        );
        assert!(held_places("Troops drove through a KIA-controlled checkpoint on the road between Bhamo and Momauk.").is_empty());
        assert_eq!(
            held_places("Troops shelled the KIA-controlled border town of Lweje."),
            ["Lweje KIA"]
        );
        assert!(
            held_places("BHAMO — The KIA overran two junta posts on the edge of Bhamo.").is_empty()
        );
        // A city named only in the dateline and then as "the city" is taken.
        assert_eq!(
            held_places("BHAMO — The KIA captured the town on Friday after a long siege."),
            ["Bhamo KIA"]
        );
        assert!(
            held_places("The KIA overran a junta camp at a bridge on the Myitkyina road.")
                .iter()
                .all(|h| !h.contains("road"))
        );
        assert!(held_places("The KIA took army camps in Shwegu as well as in Momauk.").is_empty());
        assert!(
            held_places("The KIA took an outpost in Kachin State's Momauk Township.").is_empty()
        );
        // The post noun may stand further back, and "the towns of" opens a name too.
        assert!(
            held_places("The KIA overran an army camp at the old rice mill in Momauk Township.")
                .is_empty()
        );
        assert!(
            held_places("The KIA took three army posts between the towns of Bhamo and Momauk.")
                .is_empty()
        );
    }

    #[test]
    fn a_post_named_after_its_place_is_held_by_its_own_name() {
        assert_eq!(
            held_places("The KIA seized the Zinbo Hta army base on Friday."),
            ["Zinbo Hta army base KIA"]
        );
        assert_eq!(
            held_places("The Zinbo Hta camp is now held by the KIA."),
            ["Zinbo Hta camp KIA"]
        );
    }

    #[test]
    fn a_capture_gives_no_control_of_the_places_a_road_or_a_move_goes_to() {
        assert!(
            held_places("The KIA captured the road that runs from Bhamo to Momauk on Friday.")
                .is_empty()
        );
        assert!(
            held_places("The KIA seized three junta posts between Momauk and Shwegu.").is_empty()
        );
        assert!(
            held_places("The KIA entered Momauk on Friday as junta troops pulled back to Bhamo.")
                .iter()
                .all(|h| !h.contains("Bhamo"))
        );
        assert_eq!(
            held_places("The KIA drove out junta troops from Momauk on Friday."),
            ["Momauk KIA"]
        );
        // A range of towns held is no route.
        assert!(
            held_places("The TNLA now controls all the towns from Kyaukme to Mogok.")
                .contains(&"Mogok TNLA".to_string())
        );
    }

    #[test]
    fn what_is_held_before_the_pattern_is_the_subject_list_or_the_relative_antecedent() {
        let mut held = held_places(
            "Sittwe, Kyaukphyu and Manaung are the last towns still held by the military.",
        );
        held.sort();
        assert_eq!(
            held,
            [
                "Kyaukphyu MM_MILITARY",
                "Manaung MM_MILITARY",
                "Sittwe MM_MILITARY"
            ]
        );
        assert!(held_places("The posts guarded the road between Waingmaw and Myitkyina and had been held by junta troops.").is_empty());
        assert!(
            held_places("Chipwi is part of the special region, which was administered by the KIA.")
                .is_empty()
        );
        assert_eq!(
            held_places("The offensive targets Kyaukme, which is held by the TNLA."),
            ["Kyaukme TNLA"]
        );
    }

    #[test]
    fn troops_who_only_went_in_hold_nothing_unless_they_took_the_place() {
        assert!(held_places("Junta troops entered Lweje village on Monday.").is_empty());
        assert_eq!(
            held_places("Junta troops entered Lweje on Monday and took control of the town."),
            ["Lweje MM_MILITARY"]
        );
        assert_eq!(
            facts("Junta troops entered Lweje on Monday and took control of the town."),
            ["territory_captured/take_control"]
        );
    }

    #[test]
    fn a_held_object_ends_where_a_new_subject_opens_a_clause() {
        assert!(
            held_places(
                "While the TNLA controls the hills to the north, it has so far been unable to take Kyaukme."
            )
            .is_empty()
        );
        assert_eq!(
            held_places("The TNLA controls Kyaukme, they said."),
            ["Kyaukme TNLA"]
        );
        // A speech tag inside the object ends nothing.
        assert_eq!(
            held_places("The army recaptured, he said, the town of Lashio on Monday."),
            ["Lashio MM_MILITARY"]
        );
    }

    #[test]
    fn a_later_capture_by_another_side_undoes_an_earlier_one() {
        let text = "The KNDF took Demoso in March 2023. Junta troops retook Demoso on 2 May 2025.";
        assert_eq!(held_places(text), ["Demoso MM_MILITARY"]);
        let told_backwards =
            "Junta troops retook Demoso on 2 May 2025. The KNDF had taken Demoso in March 2023.";
        assert_eq!(held_places(told_backwards), ["Demoso MM_MILITARY"]);
    }

    #[test]
    fn a_capture_the_takers_lost_again_leaves_the_place_to_the_loser() {
        let undone = "The KIA took most of Bhamo in May, before a junta counteroffensive forced them to pull back.";
        assert_eq!(held_places(undone), ["Bhamo MM_MILITARY"]);
        let kept =
            "The KIA took most of Bhamo in May, after junta troops were forced to pull back.";
        assert_eq!(held_places(kept), ["Bhamo KIA"]);
    }

    #[test]
    fn a_relative_clause_has_its_antecedent_as_holder() {
        let text =
            "The Arakan Army (AA), which controls Minbya, Mrauk-U and Kyauktaw, is under pressure.";
        let mut held = held_places(text);
        held.sort();
        assert_eq!(held, ["Kyauktaw AA", "Minbya AA", "Mrauk-U AA"]);
    }

    #[test]
    fn a_place_named_as_another_actors_is_not_held() {
        let held = held_places(
            "The AA controls Minbya, formerly the junta's Western Command base, and Kyauktaw.",
        );
        assert!(
            held.iter().all(|h| !h.contains("Western Command")),
            "{held:?}"
        );
        assert!(held.contains(&"Kyauktaw AA".to_string()), "{held:?}");
    }

    #[test]
    fn a_river_that_locates_a_town_is_not_held() {
        let found = control_facts(
            "Jets bombed Kyondoe, a riverside town on the Gyaing that has been in KNLA hands since November 2023.",
        );
        let places: Vec<&str> = found.iter().map(|f| f.place.as_str()).collect();
        assert_eq!(places, ["Kyondoe"]);
    }

    #[test]
    fn a_place_in_a_units_name_is_not_held() {
        let held = held_places(
            "The PDF fighters serve under the Kalay district command and they control most of the town.",
        );
        assert!(held.iter().all(|h| !h.contains("Kalay")), "{held:?}");
    }

    #[test]
    fn a_pronoun_holder_is_the_last_taker() {
        let held = held_places(
            "The KIA captured Bhamo on Monday. They also control Lweje, the border town.",
        );
        assert!(held.contains(&"Lweje KIA".to_string()), "{held:?}");
    }

    /// Every control rule yields a fact on its examples and none on its counter-examples, and
    /// its prefilter of required words lets each example through.
    #[test]
    fn rules_yield_facts_on_their_examples_only() {
        let mut failures = Vec::new();
        for rule in &RESOURCES.control.rules {
            for example in &rule.examples {
                if !facts(example).contains(&rule.id) {
                    failures.push(format!("{} yields nothing on {example:?}", rule.id));
                }
                if rule
                    .required
                    .as_ref()
                    .is_some_and(|words| !words.is_match(example))
                {
                    failures.push(format!("{}'s required words miss {example:?}", rule.id));
                }
            }
            for counter in &rule.counter_examples {
                if facts(counter).contains(&rule.id) {
                    failures.push(format!("{} yields a fact on {counter:?}", rule.id));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
