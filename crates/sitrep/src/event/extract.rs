/*!
From an annotated document to events.

For each trigger (the highest-priority rule wherever triggers overlap):

1. **Agent** (actor1), by the rule's `agent` slot: a "by X" or "between X and Y" phrase after
   the trigger; else the nearest actor before it in its clause that is not the object of a
   preposition or of another trigger; else the same before it in the sentence; else the
   context (the party speaking, or the actor of the last event). A pronoun subject takes the
   context too.
2. **Patient** (actor2): "from X" or the first actor in the trigger's object; civilians when
   the object is a civilian target or the rule says so; else, for fighting, the other side
   (the article's state forces against a non-state group, the last non-state group against a
   state).
3. **Places**: every site (resolved place or facility) in the rule's place slot, minus
   containers ("Bhamo and Mansi townships in Kachin State" is two places) and points of
   reference ("40 miles from Lweje"); "the town" refers back to the last town named. A clause
   naming no place takes the last event's place, else the last place named, though not a
   place an earlier paragraph named only as background, where no event took place: then the
   story's main place, where most events took place. One
   event per place, each dated by the time stage's [`event_date`](crate::time::event_date),
   else by the date the story carries over (the last event's in the paragraph, else the last
   date given). Then the date is adjusted by what the sentence says of it: a "since" range in
   a narrative past perfect ends at the last event told; a carried date runs on to
   publication for what a "since" clause modifies; a carried day widens to its month when
   the sentence tells its events "soon afterwards"; "still going on" and "it has since …"
   run to publication; "three days after the rebels took X" moves the day back.
4. **Modality** from cues before the trigger, else claimed when a party to the conflict
   speaks, else asserted; **fatalities** from "killing 10", "31 people were killed".

The same event restated (same kind, actor1 and place, compatible dates) is kept once, with
the narrower date unless only the other sentence states one.
*/

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::actor::{ActorDictionary, ActorId, ActorKind, ActorMention, MentionKind};
use crate::doc::Doc;
use crate::modality::{CueIndex, ReportingVerb, SpeakerSide};
use crate::place::{Location, PlaceRole, Precision};
use crate::span::{Span, starting_in};
use crate::text::{self, find_word, fold_eq, without_brackets};
use crate::time::{
    self, DateInterval, DatePrecision, DateQuery, ScopeKind, TimeMention, TimexType,
};

use super::clause::{AnaphorKind, ClauseIndex, ClauseWords, SentenceCues, in_closed_apposition};
use super::context::Context;
use super::restate::SummaryKey;
use super::rules::{AgentSlot, PatientSlot, PlaceSlot, Requirement, Rule};
use super::site::Site;
use super::{Event, EventKind, EventRules, Modality};

/// The party a sentence quotes, and the verb that quotes it.
#[derive(Clone, Debug)]
struct Speaker {
    party: ActorId,
    verb: ReportingVerb,
}

/// How far back, in bytes before its sentence, a trigger looks for the events and actors it
/// may continue or refer to: a few sentences.
const RECENT_REACH: usize = 600;

/// Words after a trigger an accusation verb governs within which "on" or "to" names the one
/// blamed ("blamed the raid in Hill Ridge town on the ADF").
const BLAMED_ON_WORDS: usize = 6;

/// The most words a clause that a duration and "after" open may hold before the date it gives
/// ("two days after the KIA took the town on 3 March").
const MAX_OFFSET_CLAUSE_WORDS: usize = 12;

/// The most words between "after" or "before" and the event it dates ("three days after the
/// rebels took the bridge").
const MAX_OFFSET_SIGNAL_GAP_WORDS: usize = 5;

/// A rule's match in the text.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    span: Span,
    rule: usize,
}

/// The events of an annotated document, in text order.
pub fn extract(
    doc: &Doc,
    context: &Context,
    rules: &EventRules,
    actors: &ActorDictionary,
) -> Vec<Event> {
    let text = doc.text();
    let lower = context.lower.as_str();
    let triggers = find_triggers(text, lower, rules);
    if triggers.is_empty() {
        return Vec::new();
    }
    // A trigger word inside a name ("Artillery Battalion 366", "attack helicopter unit") is
    // part of the name; one in a headline, caption or link tells no news of the body's.
    let names = SpanCover::new(
        doc.facilities
            .iter()
            .map(|f| f.span)
            .chain(doc.actors.iter().map(|m| m.span)),
    );
    let triggers: Vec<Trigger> = triggers
        .into_iter()
        .filter(|t| !names.covers(t.span) && !doc.in_non_prose(t.span.start))
        .collect();
    let mut reader = Reader {
        doc,
        text,
        lower,
        rules,
        actors,
        sites: &context.sites,
        trigger_spans: triggers.iter().map(|t| t.span).collect(),
        fight_spans: triggers
            .iter()
            .filter(|t| {
                let rule = &rules.triggers.rules[t.rule];
                rule.kind == EventKind::ArmedClash && rule.civilian_kind.is_none()
            })
            .map(|t| t.span)
            .collect(),
        clause_index: &context.clauses,
        cue_index: &context.cues,
        focus: context.focus.clone(),
        events: Vec::new(),
        speakers: HashMap::default(),
        sentence_fatalities: None,
        accusations: accusations(lower, &rules.clauses.words.accusation_verbs),
        paragraph_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(idx, _)| idx + 1))
            .collect(),
        told_date: None,
        story_times: outside_relative_clauses(&doc.times, &context.clauses),
        sentence_cues: SentenceCues::default(),
        acting_units: Vec::new(),
        summaries: HashSet::default(),
        referred_back: Vec::new(),
    };
    for (idx, trigger) in triggers.iter().enumerate() {
        // "A barrage of rockets at the base": a trigger of the same kind glued on goes on
        // the same phrase, and the object runs past it.
        let mut end_of_phrase = *trigger;
        let next_trigger_start = triggers[idx + 1..]
            .iter()
            .find(|next| {
                let glued = rules.triggers.rules[next.rule].kind
                    == rules.triggers.rules[trigger.rule].kind
                    && lower
                        .get(end_of_phrase.span.end..next.span.start)
                        .is_some_and(|gap| {
                            gap.split_whitespace()
                                .all(|word| matches!(word, "of" | "and" | "or" | "with"))
                        });
                if glued {
                    end_of_phrase = **next;
                }
                !glued
            })
            .map(|t| t.span.start);
        reader.read(*trigger, next_trigger_start);
    }
    let events = drop_placeless_twins(drop_yielding(reader.events, rules, &reader.referred_back));
    let events = drop_doerless_twins(events);
    super::restate::merge_restatements(
        drop_restating_nouns(events, rules),
        doc,
        rules,
        &reader.summaries,
    )
}

/// Drops events whose rule yields to a kind the same actor does in the same sentence ("the
/// regime struck the village with airstrikes" is an air strike, not also an attack). An attack
/// on civilians yields to such a kind in its sentence whoever it was credited to: "five were
/// killed in a barrel bomb attack by army helicopters" is the strike's toll. Civilian deaths
/// and damage also yield to a kind their sentence refers back to (`referred_back`: "15
/// civilians were killed in the strikes" is the toll of strikes already told). An event that
/// became its rule's civilian kind also yields to the rule's `civilian_yields_to` kinds the
/// same actor does in its sentence ("troops raided the village and arrested ten men").
fn drop_yielding(
    events: Vec<Event>,
    rules: &EventRules,
    referred_back: &[(usize, EventKind)],
) -> Vec<Event> {
    let keep: Vec<bool> = events
        .iter()
        .map(|event| {
            let rule = rules.triggers.rule(&event.rule);
            let yields_to = rule.map_or(&[][..], |rule| rule.yields_to.as_slice());
            let civilian_yields_to = rule
                .filter(|rule| rule.civilian_kind == Some(event.kind) && rule.kind != event.kind)
                .map_or(&[][..], |rule| rule.civilian_yields_to.as_slice());
            !events.iter().any(|other| {
                other.evidence_start == event.evidence_start
                    && other.rule != event.rule
                    && (yields_to.contains(&other.kind)
                        && (other.actor1 == event.actor1
                            || event.actor1.is_none()
                            || event.kind == EventKind::AttackOnCivilians)
                        // Not a raid that killed: "raided the village, killing 20 and abducting
                        // 30" is an attack and an abduction.
                        || civilian_yields_to.contains(&other.kind)
                            && other.actor1 == event.actor1
                            && event.fatalities.is_none())
            }) && !(matches!(
                event.kind,
                EventKind::AttackOnCivilians | EventKind::PropertyDestruction
            ) && referred_back
                .iter()
                .any(|(start, kind)| *start == event.evidence_start && yields_to.contains(kind)))
        })
        .collect();
    retain_marked(events, keep)
}

/// Drops an event a restating noun phrase gave ("the fall of Falam leaves the junta exposed")
/// when another rule tells an event of its kind at its place anywhere in the article: the
/// phrase names that event again, with neither its date nor its actors.
fn drop_restating_nouns(events: Vec<Event>, rules: &EventRules) -> Vec<Event> {
    let restates = |event: &Event| {
        rules
            .triggers
            .rule(&event.rule)
            .is_some_and(|rule| rule.restates)
    };
    let keep: Vec<bool> = events
        .iter()
        .map(|event| {
            !restates(event)
                || !events.iter().any(|other| {
                    !restates(other)
                        && other.kind == event.kind
                        && other.location.is_some()
                        && same_place(other.location.as_ref(), event.location.as_ref())
                })
        })
        .collect();
    retain_marked(events, keep)
}

/// Drops an event whose sentence names no place for it when the same sentence tells an event
/// of the same kind, actor and date at a named place ("burned houses in Hill Ridge, as an
/// arson campaign rolled on" is one event, in Hill Ridge).
fn drop_placeless_twins(events: Vec<Event>) -> Vec<Event> {
    let placed = |event: &Event| event.location.is_some() && !event.place_inferred;
    let keep: Vec<bool> = events
        .iter()
        .map(|event| {
            placed(event)
                || !events.iter().any(|other| {
                    placed(other)
                        && other.evidence_start == event.evidence_start
                        && other.kind == event.kind
                        && other.actor1 == event.actor1
                        && other.date == event.date
                })
        })
        .collect();
    retain_marked(events, keep)
}

/// Drops an event no one is credited with when the same sentence tells, by another rule, an
/// event of the same kind, place and date that names its doer ("ten villagers were killed in
/// an attack by the militia" is one attack, the militia's; in "the KIA attacked a base and
/// gunmen attacked a post" one rule tells two attacks).
fn drop_doerless_twins(events: Vec<Event>) -> Vec<Event> {
    let keep: Vec<bool> = events
        .iter()
        .map(|event| {
            event.actor1.is_some()
                || !events.iter().any(|other| {
                    other.actor1.is_some()
                        && other.rule != event.rule
                        && other.evidence_start == event.evidence_start
                        && other.kind == event.kind
                        && other.date == event.date
                        && same_place(other.location.as_ref(), event.location.as_ref())
                })
        })
        .collect();
    retain_marked(events, keep)
}

/// The events whose mark is true, in order.
fn retain_marked(events: Vec<Event>, keep: Vec<bool>) -> Vec<Event> {
    events
        .into_iter()
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .map(|(event, _)| event)
        .collect()
}

/// Every rule match, with blocked matches removed and, where matches overlap, the one of
/// highest priority (then longest) kept.
fn find_triggers(text: &str, lower: &str, rules: &EventRules) -> Vec<Trigger> {
    let mut found = Vec::new();
    for (rule_idx, start, end) in rules.triggers.find_all(text) {
        let span = Span::new(start, end);
        if !is_blocked(text, lower, span, &rules.triggers.rules[rule_idx]) {
            found.push(Trigger {
                span,
                rule: rule_idx,
            });
        }
    }
    found.sort_by_key(|t| {
        let rule = &rules.triggers.rules[t.rule];
        (
            std::cmp::Reverse(rule.priority),
            std::cmp::Reverse(t.span.len()),
            t.span.start,
        )
    });
    // Kept triggers by start: a new one overlaps a kept one only if it overlaps the kept one
    // starting last before its end.
    let mut kept: BTreeMap<usize, Trigger> = BTreeMap::new();
    for trigger in found {
        let clashes = kept
            .range(..trigger.span.end)
            .next_back()
            .is_some_and(|(_, k)| k.span.overlaps(trigger.span));
        if !clashes {
            kept.insert(trigger.span.start, trigger);
        }
    }
    kept.into_values().collect()
}

fn is_blocked(text: &str, lower: &str, span: Span, rule: &Rule) -> bool {
    let after = lower[span.end..].trim_start();
    let word_end = |rest: &str, word: &str| {
        rest.starts_with(word) && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
    };
    rule.blocked_after.iter().any(|word| word_end(after, word))
        || text::ends_with_phrase(&lower[..span.start], &rule.blocked_before)
        || is_compound_adjective(lower, span)
        || in_proper_name(text, span)
}

/// True when the trigger is capitalised and follows a capitalised word in the same sentence:
/// part of a name ("the Nationwide Ceasefire Agreement", "the Peace Council"), not an act.
fn in_proper_name(text: &str, span: Span) -> bool {
    let capitalised = |word: &str| word.starts_with(char::is_uppercase);
    let before = text[..span.start].trim_end_matches([' ', '\u{a0}']);
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let opens_sentence = before[..before.len() - previous.len()]
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '“', '—', '\n'])
        || before.len() == previous.len();
    capitalised(span.slice(text))
        && capitalised(previous)
        && previous.chars().all(char::is_alphanumeric)
        && !opens_sentence
}

/// True when the trigger is a participle joined by a hyphen to the word before it: an
/// adjective ("a Russian-occupied area", "rebel-held towns"), not an act; "re-" and "counter-"
/// keep a verb a verb ("re-captured").
fn is_compound_adjective(lower: &str, span: Span) -> bool {
    let Some(before) = lower[..span.start].strip_suffix('-') else {
        return false;
    };
    let first = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let trigger = span.slice(lower);
    !first.is_empty()
        && !matches!(first, "re" | "counter")
        && trigger.ends_with("ed")
        && !trigger.contains(' ')
}

/// The country most actors and places of the document belong to.
pub(crate) fn focus_country(doc: &Doc, actors: &ActorDictionary) -> Option<String> {
    // A document names few countries: a list is quicker than a hash map.
    let mut votes: Vec<(&str, usize)> = Vec::new();
    let actor_countries = doc
        .actors
        .iter()
        .filter_map(|mention| actors.country_of(&mention.actor));
    let place_countries = doc
        .places
        .iter()
        .filter_map(|place| place.location.as_ref().and_then(|l| l.country.as_deref()));
    for country in actor_countries.chain(place_countries) {
        match votes.iter_mut().find(|(code, _)| *code == country) {
            Some((_, n)) => *n += 1,
            None => votes.push((country, 1)),
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(code, n)| (n, std::cmp::Reverse(code)))
        .map(|(code, _)| code.to_string())
}

/// Reading state over one document.
struct Reader<'a> {
    doc: &'a Doc,
    text: &'a str,
    lower: &'a str,
    rules: &'a EventRules,
    actors: &'a ActorDictionary,
    sites: &'a [Site],
    /// Every trigger's span, in text order; triggers do not overlap, so their ends are in
    /// order too.
    trigger_spans: Vec<Span>,
    /// The spans of the triggers that tell a fight between armed sides alone ("clashed",
    /// "fighting"), in text order.
    fight_spans: Vec<Span>,
    clause_index: &'a ClauseIndex,
    cue_index: &'a CueIndex,
    focus: Option<String>,
    events: Vec<Event>,
    /// The party each sentence quotes and its reporting verb, by sentence start, once looked
    /// up.
    speakers: HashMap<usize, Option<Speaker>>,
    /// The deaths the last sentence read gives, by its start, once counted.
    sentence_fatalities: Option<(usize, Option<u32>)>,
    /// Where "accuse" and "blame" stand, in order.
    accusations: Vec<Span>,
    /// Where each paragraph starts: 0 and every offset after a line break, in order.
    paragraph_starts: Vec<usize>,
    /// The sentence start and date of the last event emitted, as its sentence gave it before
    /// any offset ("a day after escaping an attack"): what an undated sentence goes on from.
    told_date: Option<(usize, DateInterval)>,
    /// The time expressions outside relative clauses, those that may date the story an
    /// undated sentence goes on: "Kherson, abandoned by Russian forces late last year" does
    /// not date the next sentence's shelling.
    story_times: Cow<'a, [TimeMention]>,
    /// What each sentence's sentence-wide cues say, once read.
    sentence_cues: SentenceCues,
    /// The names of the units that act as a clause's subject, named after their armed owner
    /// ("the force of KIA Brigade 3 seized the camp"): the side that acts, never an event's
    /// place, wherever the text names them again.
    acting_units: Vec<String>,
    /// The events whose object names its target only by its sort ("seized a town"): a
    /// summary a later sentence may tell by name.
    summaries: HashSet<SummaryKey>,
    /// The sentence start and kind of each trigger that refers back to an event already told
    /// ("were killed in the strikes"): what its sentence tells may be that event's toll.
    referred_back: Vec<(usize, EventKind)>,
}

/// Where a trigger stands: its sentence and the two parts of its clause.
#[derive(Clone, Copy, Debug)]
struct Frame {
    trigger: Span,
    sentence: Span,
    subject_start: usize,
    object_end: usize,
    /// Where the clause ends, ignoring later triggers.
    clause_end: usize,
}

impl Frame {
    /// From the trigger's end to the clause's end, later triggers included.
    fn rest_of_clause(&self) -> Span {
        Span::new(self.trigger.end, self.clause_end.max(self.trigger.end))
    }
}

impl<'a> Reader<'a> {
    fn read(&mut self, trigger: Trigger, next_trigger_start: Option<usize>) {
        let rule = &self.rules.triggers.rules[trigger.rule];
        let Some(sentence) = self
            .doc
            .sentence_at(trigger.span.start)
            .filter(|s| s.contains(trigger.span))
        else {
            return; // a pattern's gap ran over a sentence end
        };
        if text::is_heading(self.text, sentence) {
            return;
        }
        let mut clause_end = self.clause_index.object_end(sentence, trigger.span.end);
        let object_has_site = |end: usize| {
            let object = Span::new(trigger.span.end, end);
            self.sites_in(object).next().is_some()
        };
        if self.clause_index.is_listing_break(clause_end) && !object_has_site(clause_end) {
            // "took three townships — Mrauk-U, Minbya and Kyauktaw": the list names the object.
            clause_end = self.clause_index.object_end(sentence, clause_end + 1);
        }
        let object_end = next_trigger_start
            .filter(|&n| n < clause_end && n > trigger.span.end)
            .unwrap_or(clause_end);
        let frame = Frame {
            trigger: trigger.span,
            sentence,
            subject_start: self
                .clause_index
                .subject_start(sentence, trigger.span.start),
            object_end,
            clause_end,
        };
        if !rule.recalls_event && self.refers_back(&frame) {
            // "15 civilians were killed in the strikes": a toll of strikes told before. Not
            // "After the airstrike, soldiers killed 12 villagers", a deed of its own.
            let opener = self.lower[sentence.start..trigger.span.start]
                .split_whitespace()
                .next()
                .unwrap_or("");
            if !ClauseWords::has(&self.rules.clauses.words.fronted_subordinators, opener) {
                self.referred_back.push((sentence.start, rule.kind));
            }
            return;
        }
        if self.rules.clauses.tells_no_one_event(
            self.text,
            self.lower,
            sentence.start,
            trigger.span,
            frame.object_end,
        ) {
            return;
        }
        if rule.needs_actor
            && !self.actors_in(sentence).any(|m| m.kind.is_armed())
            && !self.continues_recent_event(&frame, rule.kind)
            && !self.pronoun_for_recent_actor(&frame)
            && !self.fighting_goes_on_at_named_places(&frame)
        {
            return;
        }
        if rule.needs_actor && self.background_noun(&frame) {
            return;
        }
        if self.natural_cause(&frame, rule.kind)
            || rule.kind == EventKind::AttackOnCivilians && self.war_long_toll(sentence)
            || rule.weapon_trigger && self.weapon_not_used(&frame)
            || self.blocked_in_object(&frame, rule)
            || rule.requires == Requirement::Place && self.captives_taken(&frame, rule)
        {
            return;
        }
        if rule.place == PlaceSlot::Object && !self.is_passive(frame.trigger) {
            self.note_acting_units(&frame);
        }
        let places = self.places(&frame, rule);
        if rule.requires == Requirement::Place
            && places.is_empty()
            && !self.position_noun_in_slot(&frame, rule)
        {
            return;
        }
        if rule.requires == Requirement::Civilians
            && !self.civilian_target(sentence)
            && !self
                .actors_in(sentence)
                .any(|m| m.kind == ActorKind::Civilians)
        {
            return;
        }
        let speaker = match self.speakers.get(&sentence.start) {
            Some(speaker) => speaker.clone(),
            None => {
                let speaker = self
                    .speaker(sentence)
                    .or_else(|| self.quotation_speaker(sentence));
                self.speakers.insert(sentence.start, speaker.clone());
                speaker
            }
        };
        let Some(mut agent) = self.agent(&frame, rule, speaker.as_ref().map(|s| &s.party)) else {
            return;
        };
        // "The UN called on both sides … since the war began": a fight needs a fighter.
        if rule.needs_actor
            && agent
                .as_ref()
                .is_some_and(|a| !self.actors.kind_of(a).is_armed())
        {
            return;
        }
        let flown_by_the_state = rule.state_agent && !self.names_own_agent(&frame)
            || rule.aircraft_kind.is_some()
                && self.aircraft_subject(&frame)
                && !self.subject_names_owner(&frame);
        if flown_by_the_state
            && agent
                .as_ref()
                .is_some_and(|a| self.actors.kind_of(a).is_non_state_armed())
        {
            // "a drone attack on the police station": the state is not its own target.
            let state = self.other_side(&frame, agent.as_ref());
            let object = Span::new(frame.trigger.end, frame.object_end);
            if !self
                .actors_in(object)
                .any(|m| Some(&m.actor) == state.as_ref())
            {
                agent = state;
            }
        }
        // "A suicide bomber hit the base, police said": no state sends one; a state found as
        // the agent is the side attacked, and the group it fights attacked.
        if self.non_state_tactic(&frame)
            && agent.as_ref().is_some_and(|a| {
                self.actors.kind_of(a) == ActorKind::State || self.actors.sides_with_state(a)
            })
        {
            agent = self.other_side(&frame, agent.as_ref());
        }
        // "The KNU captured the camp": a political body fights through its armed wing.
        if rule.kind.is_armed_violence() {
            agent = agent.map(|a| self.actors.armed_wing(&a).cloned().unwrap_or(a));
        }
        let agents = if rule.one_per_agent {
            self.coordinated_agents(&frame, agent.clone())
        } else {
            vec![agent.clone()]
        };
        for agent in agents {
            self.emit(&frame, rule, trigger, agent, speaker.as_ref(), &places);
        }
    }

    /// Notes the units in the subject of an active clause whose name holds an armed actor's
    /// ("The force of the KIA's Brigade 3 seized the camp"): that side acts through them.
    fn note_acting_units(&mut self, frame: &Frame) {
        let subject = Span::new(frame.subject_start, frame.trigger.start);
        // The owner's name or abbreviation opens the unit's name ("KIA Brigade 3").
        let owned = |site: &Site| {
            self.actors_in(site.span).any(|m| {
                m.kind.is_armed()
                    && matches!(m.how, MentionKind::Name | MentionKind::Defined)
                    && m.span.start == site.span.start
                    && m.span.end < site.span.end
            })
        };
        let acting: Vec<String> = self
            .sites_in(subject)
            .filter(|site| site.facility && owned(site))
            .map(|site| site.location.name.clone())
            .filter(|name| !self.acting(name))
            .collect();
        self.acting_units.extend(acting);
    }

    /// True when `name` names a unit that acts as a clause's subject
    /// ([`Self::note_acting_units`]).
    fn acting(&self, name: &str) -> bool {
        self.acting_units.iter().any(|unit| fold_eq(unit, name))
    }

    /// The document's time expressions but those inside a relative clause of `sentence` that
    /// does not hold the trigger: "advanced into Laukkaing, where it was based after 1989"
    /// says nothing of when the advance was.
    fn times_outside_asides(&self, sentence: Span, trigger: Span) -> Cow<'a, [TimeMention]> {
        let times: &'a [TimeMention] = &self.doc.times;
        let asides: Vec<Span> = self
            .clause_index
            .relative_clauses(sentence)
            .filter(|clause| !clause.contains(trigger))
            .copied()
            .collect();
        let aside = |mention: &TimeMention| asides.iter().any(|a| a.contains(mention.span));
        if !starting_in(times, sentence, |m| m.span).iter().any(aside) {
            return Cow::Borrowed(times);
        }
        Cow::Owned(times.iter().filter(|m| !aside(m)).cloned().collect())
    }

    /// True when a trigger that tells a fight between armed sides stands in `span` ("raided
    /// the village and clashed with the KNLA"): the place attacked was a battleground.
    fn fight_in(&self, span: Span) -> bool {
        let from = self.fight_spans.partition_point(|t| t.start < span.start);
        self.fight_spans
            .get(from)
            .is_some_and(|t| span.contains(*t))
    }

    /// Writes the events of one trigger and one agent: one per place and patient.
    fn emit(
        &mut self,
        frame: &Frame,
        rule: &Rule,
        trigger: Trigger,
        agent: Option<ActorId>,
        speaker: Option<&Speaker>,
        places: &[&'a Site],
    ) {
        let sentence = frame.sentence;
        let frame = *frame;
        let mut kind = rule.kind;
        let mut patients = vec![self.patient(&frame, rule, agent.as_ref())];
        let aircraft_kind = rule.aircraft_kind.filter(|_| self.aircraft_subject(&frame));
        if let Some(civilian_kind) = rule.civilian_kind {
            let object = self.direct_object(&frame);
            // A force named in the object is a target ("an attack on SAF positions"), a
            // country only where the target lies ("a camp in Congo's Ituri province"), and
            // a force after "by" the doer ("killed in an attack by the RSF"), whose target
            // may follow ("an attack by the RSF on army positions").
            let by_doer = text::words(object.slice(self.lower)).next() == Some("by");
            let force_in_object = if by_doer {
                self.phrase_actor(frame.rest_of_clause(), "on")
                    .is_some_and(|target| self.actors.kind_of(&target).is_armed())
            } else {
                self.actors_in(object)
                    .any(|m| m.kind.is_armed() && !matches!(m.how, MentionKind::Country))
            };
            if (self.civilian_target(object)
                && !self.actors_in(object).any(|m| m.kind.is_armed())
                && !self.armed_dead(frame.rest_of_clause().start, sentence.end)
                && !self.fight_in(sentence))
                || (self.civilians_died_in(&frame) && !force_in_object)
                || (self.civilians_harmed_after(object, sentence) && !force_in_object)
            {
                kind = civilian_kind;
                patients = vec![Some(ActorId("CIVILIANS".into()))];
            }
        }
        if let Some(aircraft_kind) = aircraft_kind {
            kind = aircraft_kind;
        }
        if rule.one_per_patient {
            let all = self.patients(&frame, rule, agent.as_ref());
            if all.len() > 1 {
                patients = all.into_iter().map(Some).collect();
            }
        }
        let modality = self.modality(&frame, rule, speaker);
        let fatalities = self.sentence_deaths(sentence);
        let evidence = sentence.slice(self.text).to_string();
        let place_inferred = places.is_empty();
        if self.unnamed_target(&frame) {
            self.summaries.insert((sentence.start, kind, agent.clone()));
        }
        let places: Vec<&Site> = if place_inferred {
            self.reference_place(&frame)
                .or_else(|| self.fallback_place(&frame))
                .filter(|site| {
                    !(kind.happens_on_the_ground() && self.foreign_country_off_site(site))
                })
                .into_iter()
                .collect()
        } else {
            places.to_vec()
        };
        let mut emitted = 0;
        let times = self.times_outside_asides(sentence, trigger.span);
        for place in places
            .iter()
            .map(Some)
            .chain(places.is_empty().then_some(None))
        {
            // A place named before a semicolon, in the clause before the trigger's, dates
            // nothing of it ("attacked Bhamo on 3 March; three days later it took the town's
            // airport").
            let argument = place
                .filter(|p| {
                    p.span.end > trigger.span.start
                        || !self.lower[p.span.end..trigger.span.start].contains(';')
                })
                .map(|p| self.argument_span(p.span, sentence));
            let query = DateQuery {
                sentence,
                trigger: trigger.span,
                argument,
            };
            let date = time::event_date(self.text, &times, &query)
                .map(|date| self.ended_by_story(date, &frame))
                .or_else(|| {
                    rule.recalls_event
                        .then(|| self.recent_event_of_kind(&frame, rule.kind))
                        .flatten()
                        .and_then(|event| event.date)
                })
                .or_else(|| self.carried_date(&frame))
                .map(|date| self.loosened(date, sentence));
            let told =
                date.map(|date| self.continued_to_publication(date, sentence, trigger.span, kind));
            // The event is told at its trigger, or at its place after it ("Its capture came
            // three days after the rebels took [Chipwi]").
            let told_at = [
                Some(trigger.span.start),
                argument
                    .map(|a| a.start)
                    .filter(|&at| at > trigger.span.start),
            ];
            let date = told
                .map(|date| self.offset_by_duration(date, told_at, sentence))
                .map(|date| self.ended_by_publication(date, modality));
            let location = place.map(|p| p.location.clone());
            let civilians = |a: &Option<ActorId>| a.as_ref().is_some_and(|a| a.0 == "CIVILIANS");
            for patient in &patients {
                // Civilians do not attack themselves: "opened fire on protesters, killing three
                // people" after the protesters' event was told.
                let agent = if civilians(&agent) && civilians(patient) {
                    None
                } else {
                    agent.clone()
                };
                let told_before = self.events.iter_mut().rev().take(12).find(|e| {
                    e.kind == kind
                        && e.modality == modality
                        && e.evidence_start == sentence.start
                        && e.actor1 == agent
                        && e.actor2 == *patient
                        && same_place(e.location.as_ref(), location.as_ref())
                });
                if let Some(told_before) = told_before {
                    super::restate::credit_fuller_rule(told_before, &rule.id, self.rules);
                    continue;
                }
                self.events.push(Event {
                    doc: self.doc.id().to_string(),
                    kind,
                    actor1: agent.clone(),
                    actor2: patient.clone(),
                    location: location.clone(),
                    date,
                    modality,
                    evidence: evidence.clone(),
                    fatalities: if emitted == 0 { fatalities } else { None },
                    evidence_start: sentence.start,
                    evidence_end: sentence.end,
                    rule: rule.id.clone(),
                    confidence: confidence(agent.is_some(), place.is_some() && !place_inferred),
                    place_inferred: place_inferred && place.is_some(),
                });
                emitted += 1;
                if let Some(told) = told {
                    self.told_date = Some((sentence.start, told));
                }
            }
        }
    }

    /// True when the clause's subject or the trigger names a tactic no state uses
    /// (`non_state_tactics`: "a suicide bomber", "a suicide car bombing").
    fn non_state_tactic(&self, frame: &Frame) -> bool {
        let clause = Span::new(frame.subject_start, frame.trigger.end).slice(self.lower);
        self.rules
            .clauses
            .words
            .non_state_tactics
            .iter()
            .any(|tactic| find_word(clause, tactic).is_some())
    }

    /// True when the clause's subject is a natural disaster and no armed actor stands in it or
    /// after the trigger's "by": "the earthquake that struck Mandalay killed 3,000 people"; or
    /// when it is a war as a whole, whose dead are its toll, not one event (the people a war
    /// has driven out are still displaced).
    fn natural_cause(&self, frame: &Frame, kind: EventKind) -> bool {
        let words = &self.rules.clauses.words;
        let subject = Span::new(frame.subject_start, frame.trigger.start);
        let after = Span::new(frame.trigger.end, frame.object_end);
        let natural = text::words(subject.slice(self.lower))
            .any(|w| ClauseWords::has(&words.natural_causes, w));
        // The parties of a war ("the war between the army and the RSF") do not make its toll
        // one event.
        (natural && !self.actors_in(subject).any(|m| m.kind.is_armed())
            || kind != EventKind::Displacement && self.war_toll(frame, subject))
            && self.phrase_actor(after, "by").is_none()
    }

    /// True when the sentence counts at least [`TOLL_MINIMUM`] dead: "at least 40,000 people
    /// have been killed" is a war's toll, not one attack on civilians.
    fn war_long_toll(&mut self, sentence: Span) -> bool {
        self.sentence_deaths(sentence)
            .is_some_and(|dead| dead >= TOLL_MINIMUM)
            || self.dead_counted_in_thousands(sentence)
    }

    /// True when the sentence counts its dead only in thousands or more ("thousands of people
    /// have been killed", "killing tens of thousands", "has killed thousands";
    /// `toll_quantities` in `clauses.toml`):
    /// a war's toll too.
    fn dead_counted_in_thousands(&self, sentence: Span) -> bool {
        let lists = &self.rules.clauses.words;
        let said = sentence.slice(self.lower);
        if !lists
            .toll_quantities
            .iter()
            .any(|q| said.contains(q.as_str()))
        {
            return false;
        }
        let words: Vec<&str> = said
            .split_whitespace()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let is_quantity = |word: &&str| ClauseWords::has(&lists.toll_quantities, word);
        let quantity = |range: &[&str]| range.iter().any(is_quantity);
        // Before the deaths, the quantity counts them: "thousands of people have been
        // killed", "thousands killed"; not "thousands fled after soldiers killed 12".
        let counts_dead = |idx: usize| {
            (idx.saturating_sub(5)..idx).any(|at| {
                is_quantity(&words[at]) && (words.get(at + 1) == Some(&"of") || idx - at <= 2)
            })
        };
        words.iter().enumerate().any(|(idx, word)| {
            if lists.dead_counted_after(&words, idx) {
                quantity(&words[idx + 1..(idx + 4).min(words.len())])
            } else {
                ClauseWords::has(&lists.deaths_after_number, word) && counts_dead(idx)
            }
        })
    }

    /// The deaths `sentence` counts ([`Self::fatalities`]), counted once per sentence.
    fn sentence_deaths(&mut self, sentence: Span) -> Option<u32> {
        match self.sentence_fatalities {
            Some((start, deaths)) if start == sentence.start => deaths,
            _ => {
                let deaths = self.fatalities(sentence);
                self.sentence_fatalities = Some((sentence.start, deaths));
                deaths
            }
        }
    }

    /// True when a war as a whole is what the trigger tells of: a war noun heads its subject
    /// ("the conflict in Sudan has displaced millions") or, in a relative clause, the noun the
    /// clause hangs on ("the war, which began in 2023 and has killed tens of thousands").
    fn war_toll(&self, frame: &Frame, subject: Span) -> bool {
        let clauses = &self.rules.clauses;
        let war = |w: &str| ClauseWords::has(&clauses.words.war_nouns, w);
        // The head: the last word before a preposition or the verb ("the conflict in Sudan
        // has", "the civil war has"), not a war noun that qualifies another ("war planes").
        let head_is_war = |span: Span| {
            let text = span.slice(self.lower);
            let phrase = &text[text.rfind(',').map_or(0, |comma| comma + 1)..];
            text::words(phrase)
                .take_while(|w| !clauses.is_preposition(w))
                .filter(|w| !ClauseWords::has(&clauses.words.verb_helpers, w) && *w != "since")
                .last()
                .is_some_and(war)
        };
        if head_is_war(subject) {
            return true;
        }
        let relatives = || {
            self.clause_index
                .relative_clauses(frame.sentence)
                .filter(|r| r.start < frame.trigger.start)
        };
        // "the war, which began in 2023 and has killed": the clause holds the trigger.
        let in_relative = relatives()
            .filter(|r| frame.trigger.end <= r.end)
            .last()
            .is_some_and(|r| {
                text::words(&self.lower[frame.sentence.start..r.start])
                    .next_back()
                    .is_some_and(war)
            });
        // "the war in Sudan, which began in 2023, has killed": the clause stands between the
        // subject and the trigger, and the subject search began inside it.
        in_relative
            || relatives()
                .filter(|r| {
                    r.end <= frame.trigger.start
                        && r.start < frame.subject_start
                        && frame.subject_start <= r.end
                })
                .last()
                .is_some_and(|r| head_is_war(Span::new(frame.sentence.start, r.start)))
    }

    /// True when one of the rule's `blocked_in_object` words (or signs: "%") stands in the
    /// trigger's object, outside an actor's name ("for independence", not "the Kachin
    /// Independence Army"). A trigger that closes its sentence as a reporting verb ("…,
    /// officials warned.") has its content before it, and that is where the words are looked
    /// for. A phrase of several words is looked for up to the clause's end, past a trigger that
    /// ends the object ("rounded up men at the market and executed them").
    fn blocked_in_object(&self, frame: &Frame, rule: &Rule) -> bool {
        if rule.blocked_in_object.is_empty() {
            return false;
        }
        // Words are looked for in `span`, phrases in `phrase_span`.
        let blocked = |span: Span, phrase_span: Span| {
            let text = self.without_actor_names(span);
            let mut phrase_text = None;
            rule.blocked_in_object.iter().any(|b| {
                if b.contains(' ') {
                    let phrase_text =
                        phrase_text.get_or_insert_with(|| self.without_actor_names(phrase_span));
                    text::find_word(phrase_text, b).is_some()
                } else if b.chars().any(char::is_alphanumeric) {
                    text::words(&text).any(|w| w == b)
                } else {
                    text.contains(b.as_str())
                }
            })
        };
        let object = Span::new(frame.trigger.end, frame.object_end.max(frame.trigger.end));
        let content_before = text::words(object.slice(self.lower)).count() < 3
            && self.lower[frame.object_end..frame.sentence.end]
                .trim_start()
                .len()
                <= 1;
        let clause = Span::new(frame.trigger.end, frame.clause_end.max(object.end));
        let before = Span::new(frame.sentence.start, frame.trigger.start);
        blocked(object, clause) || content_before && blocked(before, before)
    }

    /// The lower-case text of `span` with the actor names in it blanked out.
    fn without_actor_names(&self, span: Span) -> std::borrow::Cow<'a, str> {
        let text = span.slice(self.lower);
        let mut names = self.actors_in(span).peekable();
        if names.peek().is_none() {
            return text.into();
        }
        let mut blanked = text.to_string();
        for name in names {
            let (start, end) = (name.span.start - span.start, name.span.end - span.start);
            blanked.replace_range(start..end, &" ".repeat(end - start));
        }
        blanked.into()
    }

    /// True when a verb of the arms trade or of interception stands up to eight words before
    /// the trigger, with no other past tense between: the weapons were traded or stopped, not
    /// used by the subject ("supplying long-range missiles", "pledged more shells and air
    /// defence missiles", "shot down 288 drones and three missiles"; not "provided air support
    /// and turned drones on them").
    fn weapon_not_used(&self, frame: &Frame) -> bool {
        let words = &self.rules.clauses.words;
        let before = &self.lower[frame.sentence.start..frame.trigger.start];
        let found_in = |text: &str, verbs: &[String]| {
            text::words(text)
                .rev()
                .take(8)
                .take_while(|w| ClauseWords::has(verbs, w) || !w.ends_with("ed"))
                .any(|w| ClauseWords::has(verbs, w))
        };
        // An interception reaches no further than its clause ("shot down 40 drones, but a
        // missile struck a hospital").
        let clause = &before[before.rfind([',', ';']).map_or(0, |at| at + 1)..];
        found_in(before, &words.arms_transfer_verbs) || found_in(clause, &words.interception_verbs)
    }

    /// True when the trigger is a noun inside a phrase that only sets the scene: "after two
    /// days of fighting", "cut off by fighting", "amid clashes" (with no "between X and Y").
    /// An armed actor between the scene word and the trigger is the trigger's subject
    /// ("fighters of the KIA attacked").
    fn background_noun(&self, frame: &Frame) -> bool {
        let head = &self.lower[frame.sentence.start..frame.trigger.start];
        let scene_word_at = head
            .split_whitespace()
            .rev()
            .take(3)
            .find(|w| ClauseWords::has(&self.rules.clauses.words.scene_words, w))
            .map(|w| w.as_ptr() as usize - self.lower.as_ptr() as usize);
        let scene = scene_word_at.is_some_and(|at| {
            !self
                .actors_in(Span::new(at, frame.trigger.start))
                .any(|m| m.kind.is_armed())
        });
        let window = self.noun_phrase_after(frame);
        scene
            && self.phrase_actor(window, "between").is_none()
            && self.phrase_actor(window, "by").is_none()
    }

    /// The trigger's direct object: from the trigger (past one leading preposition, as in
    /// "an attack on army columns") to the next preposition, a participle after a comma
    /// ("attacks on two towns, displacing civilians") or the clause's end.
    fn direct_object(&self, frame: &Frame) -> Span {
        let rest = frame.rest_of_clause();
        let text = rest.slice(self.lower);
        let mut offset = 0;
        let mut first = true;
        let mut after_comma = false;
        for word in text.split_inclusive(|c: char| c.is_whitespace()) {
            let bare = word.trim().trim_matches(|c: char| !c.is_alphanumeric());
            let participle = after_comma && bare.len() > 4 && bare.ends_with("ing");
            if self.rules.clauses.is_preposition(bare) && !first || participle {
                return Span::new(frame.trigger.end, frame.trigger.end + offset);
            }
            if !bare.is_empty() && !self.rules.clauses.is_preposition(bare) {
                first = false;
            }
            after_comma = word.trim_end().ends_with(',');
            offset += word.len();
        }
        rest
    }

    /// True when the phrase right after an attack's `object` opens with a participle of harm
    /// and names civilians ("raided Hill Ridge and Dale, shooting residents and looting shops").
    fn civilians_harmed_after(&self, object: Span, sentence: Span) -> bool {
        // The phrase runs from after the comma that ends the object to the next one.
        let after = &self.lower[object.end..sentence.end];
        let start = object.end + after.len() - after.trim_start_matches([',', ';', ' ']).len();
        let rest = &self.lower[start..sentence.end];
        let phrase = Span::new(start, start + rest.find([',', ';']).unwrap_or(rest.len()));
        text::words(phrase.slice(self.lower))
            .next()
            .is_some_and(|first| {
                ClauseWords::has(&self.rules.clauses.words.harm_participles, first)
            })
            && self.civilian_target(phrase)
    }

    /// True when the trigger's object names one to three targets only by their sort, with no
    /// name ("seized a small town", "captured two outposts").
    fn unnamed_target(&self, frame: &Frame) -> bool {
        const SORT_WITHIN_WORDS: usize = 4;
        let object = self.direct_object(frame).slice(self.lower);
        let mut words = text::words(object);
        words.next().is_some_and(|first| {
            ClauseWords::has(&self.rules.clauses.words.indefinite_determiners, first)
        }) && words
            .take(SORT_WITHIN_WORDS)
            .any(|word| self.rules.triggers.position_nouns.contains(word))
    }

    /// True when the trigger is a noun after "the", "this"... (perhaps with a describing word
    /// between: "this cowardly attack") with no actor or date right after it: a reference to
    /// an event already told ("the attack came without warning"; but "the clashes on
    /// Thursday" tells of new fighting). Once an event has been told, a
    /// sequel verb right after the noun makes it a reference whatever follows ("The attack
    /// came hours after the rebels took the town").
    fn refers_back(&self, frame: &Frame) -> bool {
        // "the Tonzang attack": a town named between the determiner and a noun trigger (before
        // a verb it is the subject: "the Hill Ridge camp had fallen").
        let before_site = self.sites[..self
            .sites
            .partition_point(|s| s.span.end <= frame.trigger.start)]
            .last()
            .filter(|s| {
                !s.facility
                    && !self.opens_with_verb(frame.trigger)
                    && s.span.start >= frame.sentence.start
                    && self.lower[s.span.end..frame.trigger.start]
                        .trim()
                        .is_empty()
            })
            .map_or(frame.trigger.start, |s| s.span.start);
        let before_site =
            if self
                .rules
                .clauses
                .refers_back(self.lower, frame.sentence.start, before_site)
            {
                before_site
            } else {
                self.before_describing_word(frame, before_site)
            };
        let window = self.noun_phrase_after(frame);
        let next_word = self.first_words(window, 1).trim();
        if ClauseWords::has(&self.rules.clauses.words.sequel_verbs, next_word)
            && !self.events.is_empty()
        {
            // "The government assault came hours after …": also past an actor's name.
            let before_actor = self
                .actors_in(Span::new(frame.sentence.start, frame.trigger.start))
                .last()
                .filter(|m| {
                    self.lower[m.span.end..frame.trigger.start]
                        .trim()
                        .is_empty()
                })
                .map_or(before_site, |m| m.span.start.min(before_site));
            return self
                .rules
                .clauses
                .refers_back(self.lower, frame.sentence.start, before_actor);
        }
        if !self
            .rules
            .clauses
            .refers_back(self.lower, frame.sentence.start, before_site)
        {
            return false;
        }
        let actor_follows = self
            .rules
            .clauses
            .words
            .actor_phrase_words
            .iter()
            .any(|word| self.phrase_actor(window, word).is_some());
        let date_follows = self.doc.times.iter().any(|t| {
            window.contains(t.span) || t.span.start >= window.start && t.span.start < window.end
        });
        !actor_follows && !date_follows
    }

    /// Where the word right before `at` starts, when it only describes a trigger noun
    /// (`describing_words`: "this cowardly attack") and no place follows the noun. Else `at`.
    fn before_describing_word(&self, frame: &Frame, at: usize) -> usize {
        let head = self.lower[frame.sentence.start..at].trim_end();
        let word = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        // "the night raid on the Dale police station" tells a raid of its own.
        let describes = !word.is_empty()
            && !self.opens_with_verb(frame.trigger)
            && ClauseWords::has(&self.rules.clauses.words.describing_words, word)
            && starting_in(self.sites, self.noun_phrase_after(frame), |site| site.span).is_empty();
        if describes {
            frame.sentence.start + head.len() - word.len()
        } else {
            at
        }
    }

    /// A fact's range cut at the publication day: what a report tells as done happened by then
    /// ("clashes this week" in a report of a Wednesday run from Monday to Wednesday). A
    /// named month or year stays whole, as a coder gives it ("earlier in June"), and a range
    /// that starts after the report is left as the text gives it.
    fn ended_by_publication(&self, date: DateInterval, modality: Modality) -> DateInterval {
        match self.doc.published() {
            Some(published)
                if modality.is_fact()
                    && date.precision == DatePrecision::Range
                    && date.start <= published
                    && published < date.end =>
            {
                DateInterval {
                    start: date.start,
                    end: published,
                    precision: if date.start == published {
                        DatePrecision::Day
                    } else {
                        DatePrecision::Range
                    },
                }
            }
            _ => date,
        }
    }

    /// The date stretched to the publication day when the sentence says the event goes on
    /// ("broke out on Sunday and were still going on today").
    fn continued_to_publication(
        &self,
        date: DateInterval,
        sentence: Span,
        trigger: Span,
        kind: EventKind,
    ) -> DateInterval {
        let Some(published) = self.doc.published() else {
            return date;
        };
        // The dates first: they are cheaper to read than the sentence.
        if date.end >= published || date.start > published {
            return date;
        }
        // A capture is done when told: a cue elsewhere in its sentence tells of something else
        // going on ("seized the outpost on Monday, and fighting has continued since then").
        let clauses = &self.rules.clauses;
        let continuing = kind != EventKind::TerritoryCaptured
            && self
                .sentence_cues
                .says_continuing(clauses, self.lower, sentence)
            || clauses.continues_from_perfect(self.lower, sentence, trigger.start);
        if !continuing {
            return date;
        }
        DateInterval {
            start: date.start,
            end: published,
            precision: DatePrecision::Range,
        }
    }

    /// The day of an event told inside a clause that a duration and "after" or "before" open:
    /// "The town fell on Friday, three days after the rebels took the bridge" dates the
    /// bridge's capture three days before Friday. Only days and weeks, from a day's date, and
    /// not a date the clause gives itself ("a week after it took the bridge on 18 May").
    /// The other way round, an event outside such a clause that takes the clause's date moves
    /// from it: "Two days after the KIA took the town on 3 March, jets bombed it" bombed it on
    /// 5 March. `told_at` are where the event is told, tried in turn: its trigger, and its
    /// place when that comes after the trigger.
    fn offset_by_duration(
        &self,
        date: DateInterval,
        told_at: [Option<usize>; 2],
        sentence: Span,
    ) -> DateInterval {
        if date.precision != DatePrecision::Day {
            return date;
        }
        let dated_in_clause = |duration_end: usize| {
            self.doc.times.iter().any(|t| {
                t.span.start >= duration_end
                    && sentence.contains(t.span)
                    && t.interval == Some(date)
            })
        };
        let days = told_at
            .iter()
            .flatten()
            .find_map(|&at| self.duration_offset(at, sentence))
            .filter(|&(_, duration_end)| !dated_in_clause(duration_end))
            .map(|(days, _)| days)
            .or_else(|| self.clause_offset(date, told_at[0]?, sentence));
        match days.and_then(|days| time::add_days(date.start, days)) {
            Some(day) => DateInterval::day(day),
            None => date,
        }
    }

    /// The days a clause that a duration and "after" or "before" open, and that gives the
    /// event's `date` itself, moves an event told outside it (at `trigger`) from that date.
    fn clause_offset(&self, date: DateInterval, trigger: usize, sentence: Span) -> Option<i64> {
        let dated = self
            .doc
            .times
            .iter()
            .find(|t| sentence.contains(t.span) && t.interval == Some(date))?;
        let duration = self.duration_before(dated.span.start, sentence)?;
        if (duration.span.start..dated.span.end).contains(&trigger) {
            return None;
        }
        self.offset_days(duration, dated.span.start, MAX_OFFSET_CLAUSE_WORDS)
    }

    /// The days a duration and "after" or "before" right before byte `told_at` move what is
    /// told there from the sentence's date, and where the duration ends.
    fn duration_offset(&self, told_at: usize, sentence: Span) -> Option<(i64, usize)> {
        let duration = self.duration_before(told_at, sentence)?;
        let days = self.offset_days(duration, told_at, MAX_OFFSET_SIGNAL_GAP_WORDS)?;
        Some((-days, duration.span.end))
    }

    /// The duration of `sentence` nearest before byte `at` (the time layer is not promised in
    /// text order).
    fn duration_before(&self, at: usize, sentence: Span) -> Option<&'a TimeMention> {
        let times: &'a [TimeMention] = &self.doc.times;
        times
            .iter()
            .filter(|t| {
                t.timex_type == TimexType::Duration && sentence.contains(t.span) && t.span.end <= at
            })
            .max_by_key(|t| t.span.end)
    }

    /// The days from what `duration` and "after" count from to what they date ("two days
    /// after": 2, "a week before": -7), when the signal opens the words up to `until`, with at
    /// most `max_words` after it and no punctuation.
    fn offset_days(&self, duration: &TimeMention, until: usize, max_words: usize) -> Option<i64> {
        let words = &self.rules.clauses.words;
        let between = &self.lower[duration.span.end..until];
        let mut gap = between.split_whitespace();
        let signal = gap.next()?;
        let sign = if ClauseWords::has(&words.offset_after, signal) {
            1
        } else if ClauseWords::has(&words.offset_before, signal) {
            -1
        } else {
            return None;
        };
        if gap.count() > max_words || between.contains([',', ';', '.']) {
            return None;
        }
        Some(sign * time::duration_days(&duration.value)?)
    }

    /// True when a definite trigger ("The clashes broke out around ...") goes on telling an
    /// event of its kind with an actor from the last few sentences: it takes that event's
    /// actors and gives its own places and dates.
    fn continues_recent_event(&self, frame: &Frame, kind: EventKind) -> bool {
        self.rules
            .clauses
            .refers_back(self.lower, frame.sentence.start, frame.trigger.start)
            && self
                .recent_events(frame)
                .any(|e| e.kind == kind && e.actor1.is_some())
    }

    /// True when the trigger opens its clause as a noun, after at most a few words ("Fighting
    /// continues in A, B and C townships", "Last week, clashes broke out in A", "there have
    /// also been clashes in A") just after a fight, capture or strike by an armed actor, and
    /// its clause names places in that event's country: the war the story tells goes on there.
    fn fighting_goes_on_at_named_places(&self, frame: &Frame) -> bool {
        const MOST_WORDS_BEFORE: usize = 4;
        let head = &self.lower[frame.sentence.start..frame.trigger.start];
        let clause_head = head
            .rfind(", ")
            .map_or(head, |comma| &head[comma + ", ".len()..]);
        let opens = !self.opens_with_verb(frame.trigger)
            && clause_head.split_whitespace().count() <= MOST_WORDS_BEFORE;
        if !opens {
            return false;
        }
        let Some(country) = self
            .recent_events(frame)
            .find(|e| {
                matches!(
                    e.kind,
                    EventKind::ArmedClash
                        | EventKind::TerritoryCaptured
                        | EventKind::AirStrike
                        | EventKind::Shelling
                ) && e
                    .actor1
                    .as_ref()
                    .is_some_and(|a| self.actors.kind_of(a).is_armed())
            })
            .and_then(|e| e.location.as_ref()?.country.as_deref())
        else {
            return false;
        };
        let rest = Span::new(frame.trigger.end, frame.clause_end.max(frame.trigger.end));
        self.sites_in(rest)
            .next()
            .is_some_and(|site| site.location.country.as_deref() == Some(country))
    }

    /// The events told within [`RECENT_REACH`] bytes before the frame's sentence, newest
    /// first.
    fn recent_events(&self, frame: &Frame) -> impl Iterator<Item = &Event> {
        let recent_start = frame.sentence.start.saturating_sub(RECENT_REACH);
        self.events
            .iter()
            .rev()
            .take_while(move |e| e.evidence_start >= recent_start)
    }

    /// True when the active trigger's subject is a party pronoun and an armed actor was named
    /// shortly before ("The alliance is made up of three armies. It launched an offensive on
    /// 27 October."): not "he said fighting had taken place", "the village had been attacked".
    fn pronoun_for_recent_actor(&self, frame: &Frame) -> bool {
        let recent_start = frame.sentence.start.saturating_sub(RECENT_REACH);
        let actors = &self.doc.actors;
        let before_sentence = actors.partition_point(|m| m.span.start < frame.sentence.start);
        self.pronoun_before(frame.trigger, &self.rules.clauses.words.party_pronouns)
            && !self.is_passive(frame.trigger)
            && actors[..before_sentence]
                .iter()
                .rev()
                .take_while(|m| m.span.start >= recent_start)
                .any(|m| m.kind.is_armed())
    }

    /// The four words after a noun trigger that may still belong to its phrase, up to a comma
    /// ("before that raid, in late July, the KIA hit ...": the phrase ends at the comma).
    fn noun_phrase_after(&self, frame: &Frame) -> Span {
        let mut end = nth_word_end(self.lower, frame.trigger.end, 4).min(frame.sentence.end);
        if let Some(comma) = self.lower[frame.trigger.end..end].find(',') {
            end = frame.trigger.end + comma;
        }
        Span::new(frame.trigger.end, end)
    }

    /// A place's span widened over what belongs to it before a date: an alias in brackets and
    /// a generic word ("Pang War (Pangwa) Town" before "on 18 October").
    fn argument_span(&self, span: Span, sentence: Span) -> Span {
        let mut end = span.end;
        loop {
            let rest = &self.lower[end..sentence.end];
            let trimmed = rest.trim_start();
            let skipped = rest.len() - trimmed.len();
            if trimmed.starts_with('(') {
                match trimmed.find(')') {
                    Some(close) => end += skipped + close + 1,
                    None => return Span::new(span.start, end),
                }
                continue;
            }
            let word_len = trimmed
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(trimmed.len());
            let word = &trimmed[..word_len];
            if word_len > 0 && self.rules.triggers.position_nouns.contains(word) {
                end += skipped + word_len;
                continue;
            }
            return Span::new(span.start, end);
        }
    }

    /// The agents of a rule that takes one event per agent: the parties (armed or not, no
    /// civilians) of a coordinated subject, whose "and" opens no clause of its own ("The
    /// United States and the EU called for talks"), or, for "they" (not "it"), the armed actors
    /// of the sentence before.
    fn coordinated_agents(&self, frame: &Frame, agent: Option<ActorId>) -> Vec<Option<ActorId>> {
        let relative: Vec<Span> = self
            .clause_index
            .relative_clauses(frame.sentence)
            .copied()
            .collect();
        let subjects = |span: Span| -> Vec<ActorId> {
            let mut found: Vec<ActorId> = Vec::new();
            for mention in self.actors_in(span) {
                let usable = mention.kind != ActorKind::Civilians
                    && !relative.iter().any(|r| r.contains(mention.span))
                    && !self.in_object_position(mention, frame);
                if usable && !found.contains(&mention.actor) {
                    found.push(mention.actor.clone());
                }
            }
            found
        };
        // Only an actor right before the "and" shares the subject: not "the junta bombed
        // Momauk on Monday and the KIA called for talks".
        let conjunction = " and ";
        let and_start = frame.subject_start.saturating_sub(conjunction.len());
        let shared = self.lower[..frame.subject_start].ends_with(conjunction)
            && self
                .actors_in(Span::new(frame.sentence.start, and_start))
                .any(|m| m.span.end == and_start);
        let start = if shared {
            self.clause_index.subject_start(frame.sentence, and_start)
        } else {
            frame.subject_start
        };
        let in_sentence = subjects(Span::new(start, frame.trigger.start));
        let plural_pronoun = || {
            self.pronoun_subject(frame)
                && !self.pronoun_before(frame.trigger, &self.rules.clauses.words.singular_pronouns)
        };
        let found = if in_sentence.is_empty() && plural_pronoun() {
            self.previous_sentence(frame.sentence)
                .map(|previous| self.leading_coordination(previous))
                .unwrap_or_default()
        } else {
            in_sentence
        };
        if found.len() > 1 {
            found.into_iter().map(Some).collect()
        } else {
            vec![agent]
        }
    }

    /// The armed actors of the coordinated noun phrase that opens `span` ("The MNDAA and the
    /// TNLA, which control …"): the first actor within three words of its start, and those
    /// joined to it by "and", commas or brackets only.
    fn leading_coordination(&self, span: Span) -> Vec<ActorId> {
        let mut found: Vec<ActorId> = Vec::new();
        let mut previous_end: Option<usize> = None;
        for mention in self.actors_in(span).filter(|m| m.kind.is_armed()) {
            let gap_start = previous_end.unwrap_or(span.start);
            let gap = &self.lower[gap_start..mention.span.start];
            let joined = match previous_end {
                None => gap.split_whitespace().count() <= 3,
                Some(_) => {
                    let unbracketed = without_brackets(gap);
                    unbracketed
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .filter(|w| !w.is_empty())
                        .all(|w| w == "and" || w == "the" || w == "&")
                }
            };
            if !joined {
                break;
            }
            if !found.contains(&mention.actor) {
                found.push(mention.actor.clone());
            }
            previous_end = Some(mention.span.end);
        }
        found
    }

    fn previous_sentence(&self, sentence: Span) -> Option<Span> {
        let idx = self.doc.sentences.iter().position(|s| *s == sentence)?;
        idx.checked_sub(1).map(|prev| self.doc.sentences[prev])
    }

    /// Every distinct actor in the rule's patient slot other than the agent: the trigger's
    /// object, or the sentence before the trigger outside relative clauses.
    fn patients(&self, frame: &Frame, rule: &Rule, agent: Option<&ActorId>) -> Vec<ActorId> {
        if rule.patient == PatientSlot::Subject {
            let mut found =
                self.leading_coordination(Span::new(frame.sentence.start, frame.trigger.start));
            found.retain(|a| Some(a) != agent);
            return found;
        }
        let relative: Vec<Span> = self
            .clause_index
            .relative_clauses(frame.sentence)
            .copied()
            .collect();
        let span = Span::new(frame.trigger.end, frame.object_end);
        let mut found: Vec<ActorId> = Vec::new();
        for mention in self
            .actors_in(span)
            .filter(|m| !relative.iter().any(|r| r.contains(m.span)))
        {
            if mention.kind != ActorKind::Civilians
                && Some(&mention.actor) != agent
                && !found.contains(&mention.actor)
            {
                found.push(mention.actor.clone());
            }
        }
        found
    }

    /// The sites inside `span`, in text order.
    fn sites_in(&self, span: Span) -> impl DoubleEndedIterator<Item = &'a Site> + use<'a> {
        starting_in(self.sites, span, |site| site.span)
            .iter()
            .filter(move |site| span.contains(site.span))
    }

    /// The actor mentions inside `span`.
    fn actors_in(&self, span: Span) -> impl DoubleEndedIterator<Item = &ActorMention> {
        starting_in(&self.doc.actors, span, |m| m.span)
            .iter()
            .filter(move |m| span.contains(m.span))
    }

    /// Who acts. The outer `None` means the rule cannot fire: a strict rule whose clause
    /// names no one.
    fn agent(
        &self,
        frame: &Frame,
        rule: &Rule,
        speaker: Option<&ActorId>,
    ) -> Option<Option<ActorId>> {
        let after = Span::new(frame.trigger.end, frame.object_end);
        let context = || self.context_agent(frame, rule.kind);
        match rule.agent {
            AgentSlot::Object => {
                let object = self
                    .actors_in(after)
                    .find(|m| m.kind != ActorKind::Civilians)
                    .map(|m| m.actor.clone());
                // "repelled an assault by the RSF": the object's own trigger ends `after`, its
                // "by" phrase names the agent; not so in a passive ("was repelled by the army").
                let by_phrase = || {
                    (!self.is_passive(frame.trigger))
                        .then(|| self.phrase_actor(frame.rest_of_clause(), "by"))
                        .flatten()
                };
                return Some(object.or_else(by_phrase).or_else(context));
            }
            AgentSlot::Protesters => {
                // "China protested to the junta": a state's or a body's protest is a statement,
                // not people in the street ("police fired at protesters" still has them).
                let official = self.opens_with_verb(frame.trigger)
                    && self.subject(frame, false).is_some_and(|subject| {
                        matches!(
                            self.actors.kind_of(&subject),
                            ActorKind::State | ActorKind::International
                        )
                    });
                if official {
                    return None;
                }
                let organisers = self.phrase_actor(after, "by");
                return Some(organisers.or_else(|| Some(ActorId("CIVILIANS".into()))));
            }
            AgentSlot::Cause => {
                let clause = frame.rest_of_clause();
                return Some(
                    self.phrase_actor(clause, "by")
                        .or_else(|| self.participle_subject(frame).flatten())
                        .or_else(|| self.cause(frame))
                        .or_else(|| self.earlier_deed_of_sentence(frame)),
                );
            }
            AgentSlot::Context => {
                // "the fall of Laukkai, the Kokang capital, to the MNDAA": a restating noun's
                // "to" right after its place names the taker; not "the fall of Lashio dealt a
                // blow to the junta".
                let taker = || {
                    if !rule.restates {
                        return None;
                    }
                    let window = self.first_words(after, 10);
                    let head = window[..find_word(window, "to")?].trim_end();
                    let head_end = after.start + head.len();
                    let closes_place = head.ends_with(',')
                        || self.doc.places.iter().any(|p| p.span.end == head_end);
                    closes_place
                        .then(|| self.actor_after_word(after, window, "to"))
                        .flatten()
                };
                return Some(
                    self.phrase_actor(after, "by")
                        .or_else(taker)
                        .or_else(context),
                );
            }
            AgentSlot::Opponent => {
                // "destroyed 64 Ukrainian drones": the weapons' side is named with them.
                if let Some(owner) = self.actors_in(frame.trigger).find(|m| m.kind.is_armed()) {
                    return Some(Some(owner.actor.clone()));
                }
                // "hit a landmine planted by the KIA": a "by" right after the trigger names it.
                if let Some(doer) = self.phrase_actor_within(after, "by", 2) {
                    return Some(Some(doer));
                }
                // "withdrew from the camp when they were attacked", with neither side known,
                // tells no one who gained anything.
                let subject = self.subject(frame, false);
                let opponent = self.other_side(frame, subject.as_ref());
                return (subject.is_some() || opponent.is_some()).then_some(opponent);
            }
            AgentSlot::Subject => {}
        }
        // "fighting between the junta and the TNLA": right after a noun trigger.
        if let Some(actor) = self
            .agent_by_phrase(frame, after)
            .or_else(|| self.phrase_actor_within(after, "between", 2))
            .or_else(|| self.blamed_actor(after))
            .or_else(|| self.adjacent_agent(frame))
        {
            return Some(Some(actor));
        }
        if self.unidentified_subject(frame) || self.unidentified_by_phrase(frame, after) {
            return Some(None);
        }
        if self.existential(frame) {
            // "There were arrests of young men by junta soldiers": a "by" further on.
            return Some(
                self.phrase_actor(frame.rest_of_clause(), "by")
                    .or_else(context),
            );
        }
        if let Some(party) = speaker.filter(|_| self.first_person_subject(frame)) {
            return Some(Some(party.clone()));
        }
        // "“The enemy keeps shelling us,” the spokesman said": the side the speaker's party
        // fights; with no armed party named for the speaker, no one the text names.
        if self.enemy_subject(frame) {
            let party = speaker.filter(|s| self.actors.kind_of(s).is_armed());
            return Some(party.and_then(|party| self.other_side(frame, Some(party))));
        }
        if let Some(user) = self.instrument_user(frame) {
            return Some(Some(user));
        }
        if self.subject_is_target(frame) {
            // "came under fire from the KIA": the fire's side is named.
            let victims = self.subject(frame, false);
            return Some(
                self.phrase_actor(after, "from")
                    .or_else(|| self.other_side(frame, victims.as_ref())),
            );
        }
        if let Some(actor) = self.accused(frame) {
            return Some(actor);
        }
        if let Some(actor) = self.relative_subject(frame) {
            return Some(Some(actor));
        }
        if let Some(actor) = self.gerund_subject(frame) {
            return Some(Some(actor));
        }
        if let Some(actor) = self.participle_subject(frame) {
            return Some(actor);
        }
        if let Some(actor) = self.cataphoric_subject(frame) {
            return Some(Some(actor));
        }
        if let Some(actor) = self.reporter_of_pronoun(frame) {
            return Some(Some(actor));
        }
        if self.pronoun_subject(frame) {
            let armed_speaker = speaker
                .filter(|s| self.actors.kind_of(s).is_armed())
                .cloned();
            return Some(
                armed_speaker
                    .or_else(|| self.previous_agent(frame))
                    .or_else(context),
            );
        }
        if self.is_passive(frame.trigger) {
            // "Two junta bases were seized, the TNLA said": an armed speaker took what the
            // other side lost.
            let taker = speaker.filter(|s| {
                self.actors.kind_of(s).is_armed()
                    && self
                        .passive_loser(frame, None)
                        .is_some_and(|loser| &loser != *s)
            });
            // "Two junta bases were seized": the story's last agent is no agent when it is the
            // side that lost; the side it fights is.
            let loser = self.passive_loser(frame, None);
            let not_loser = || {
                context()
                    .filter(|a| loser.as_ref() != Some(a))
                    .or_else(|| self.other_side(frame, loser.as_ref()))
            };
            return Some(
                self.recruiter(frame)
                    .or_else(|| taker.cloned())
                    .or_else(|| self.unit_set_up(frame, rule))
                    .or_else(not_loser),
            );
        }
        if rule.strict_agent {
            return self.subject(frame, true).map(Some);
        }
        // "A raid on the village left 40 troops dead, the TNLA claimed": an armed speaker of
        // the other side than the dead claims the deed.
        let claimant = || {
            speaker
                .filter(|s| self.actors.kind_of(s).is_armed())
                .filter(|s| {
                    self.actors_in(frame.sentence)
                        .any(|m| m.kind.is_armed() && &m.actor != *s && self.told_dead(m))
                })
                .cloned()
        };
        // "China brokered a truce in January, but fighting resumed in Lashio": a foreign
        // country named in another clause is no agent of armed violence.
        let subject = self.subject(frame, false).filter(|actor| {
            !(rule.kind.is_armed_violence()
                && self.subject(frame, true).is_none()
                && self.foreign_country_named(frame, actor))
        });
        Some(
            subject
                .or_else(claimant)
                .or_else(context)
                .or_else(|| self.any_armed(frame)),
        )
    }

    /// True when `actor` is named before the trigger only as a country or capital other than
    /// the article's main country ("China", "Beijing").
    fn foreign_country_named(&self, frame: &Frame, actor: &ActorId) -> bool {
        let before = Span::new(frame.sentence.start, frame.trigger.start);
        let mut mentions = self
            .actors_in(before)
            .filter(|m| &m.actor == actor)
            .peekable();
        mentions.peek().is_some()
            && mentions.all(|m| matches!(m.how, MentionKind::Country | MentionKind::Capital))
            && self.focus.is_some()
            && self.actors.country_of(actor) != self.focus.as_deref()
    }

    /// The nearest actor before the trigger that is not the object of a preposition or of an
    /// earlier trigger: first in the clause, then (unless `clause_only`) in the sentence.
    fn subject(&self, frame: &Frame, clause_only: bool) -> Option<ActorId> {
        let singular =
            self.pronoun_before(frame.trigger, &self.rules.clauses.words.singular_pronouns);
        let closed_relatives = || self.closed_relatives(frame);
        // The nearest fitting actor after `from`; with `past_complements`, not the subject of a
        // clause that "that" opens ("voiced alarm at reports that RSF fighters had killed
        // civilians and demanded ...").
        let pick = |from: usize, past_complements: bool| {
            let nearest = self
                .actors_in(Span::new(from, frame.trigger.start))
                .rev()
                .filter(|m| !past_complements || !self.opens_complement_clause(m.span.start))
                .find(|m| self.may_be_subject(m, frame, singular))?;
            Some(self.first_conjunct(nearest, frame.sentence).actor.clone())
        };
        if let Some(actor) = pick(frame.subject_start, false) {
            return Some(actor);
        }
        // "The TNLA said it would withdraw and urged other groups not to fire": a clause
        // opened by "and" and a verb shares the subject of the clause before.
        let clause = self.lower[frame.subject_start..frame.trigger.start].trim_start();
        let first = clause.split_whitespace().next().unwrap_or("");
        let shared_subject = self.lower[..frame.subject_start].ends_with(" and ")
            && !self.rules.clauses.is_determiner(first)
            && !ClauseWords::has(&self.rules.clauses.words.subject_pronouns, first);
        // "The chairman of the commission, Jane Roe, called on ...": a verb right after a
        // comma has its subject before it.
        let verb_after_comma =
            clause.is_empty() && self.lower[..frame.subject_start].trim_end().ends_with(',');
        // "The junta, which seized power in 2021, warned …": the verb after a relative clause
        // has its subject before the clause.
        let after_relative = closed_relatives()
            .any(|r| r.start <= frame.subject_start && frame.subject_start <= r.end + 1);
        if shared_subject {
            return pick(frame.sentence.start, true);
        }
        if !clause_only || verb_after_comma || after_relative {
            return pick(frame.sentence.start, false);
        }
        None
    }

    /// The relative clauses of the sentence closed before the trigger: "The M23, which Kinshasa
    /// says Rwanda backs, has seized …" holds no subject of the trigger in its clause.
    fn closed_relatives(&self, frame: &Frame) -> impl Iterator<Item = Span> + '_ {
        let trigger = frame.trigger.start;
        self.clause_index
            .relative_clauses(frame.sentence)
            .filter(move |r| r.end <= trigger)
            .copied()
    }

    /// True when `mention`, before the trigger, may be its clause's subject: an actor, not
    /// civilians nor a country named as a place, nor a plural noun for a singular pronoun
    /// (`singular`), standing in no object, no closed relative clause and no closed apposition.
    fn may_be_subject(&self, mention: &ActorMention, frame: &Frame, singular: bool) -> bool {
        let country = matches!(mention.how, MentionKind::Country | MentionKind::Capital);
        !(singular && self.is_plural_noun(mention))
            && ((mention.kind != ActorKind::Civilians && !country)
                || self.country_as_subject(mention, frame))
            && !self.in_object_position(mention, frame)
            && !self.acted_on_earlier(mention, frame)
            && !self
                .closed_relatives(frame)
                .any(|r| r.contains(mention.span))
            && !self.in_closed_apposition(mention, frame)
    }

    /// True when `mention` stands in an apposition closed before the trigger
    /// ([`in_closed_apposition`]).
    fn in_closed_apposition(&self, mention: &ActorMention, frame: &Frame) -> bool {
        in_closed_apposition(
            self.lower,
            frame.sentence.start,
            mention.span,
            frame.trigger.start,
            |at| {
                self.actors_in(Span::new(frame.sentence.start, at))
                    .next_back()
                    .is_some_and(|head| head.span.end == at)
            },
        )
    }

    /// The first actor of the coordination `mention` ends, in `sentence`: "the KIA" of "the KIA
    /// and allied PDF fighters" or "the KIA and its PDF allies"; `mention` itself when it ends
    /// none.
    fn first_conjunct<'m>(&'m self, mention: &'m ActorMention, sentence: Span) -> &'m ActorMention {
        // Past the mention's own other names ("People's Defence Force (PDF)").
        let mut head = mention.span;
        let before = self
            .actors_in(Span::new(sentence.start, mention.span.start))
            .rev()
            .find(|m| {
                let alias = m.actor == mention.actor;
                if alias {
                    head = m.span;
                }
                !alias
            });
        before
            .filter(|m| {
                let gap = &self.lower[m.span.end..head.start];
                let mut words = text::words(gap);
                // "fled to Thailand, and the regime arrested": a comma ends the first clause.
                m.kind.is_armed()
                    && !matches!(m.how, MentionKind::Country | MentionKind::Capital)
                    && !gap.contains([',', ';', ':'])
                    && words.next() == Some("and")
                    && words.all(|w| w == "allied" || self.rules.clauses.is_determiner(w))
            })
            .unwrap_or(mention)
    }

    /// True when the word before `start`, but for determiners, opens a complement clause
    /// ("reports that RSF fighters ...").
    fn opens_complement_clause(&self, start: usize) -> bool {
        self.lower[..start]
            .split_whitespace()
            .rev()
            .take(3)
            .find(|word| !self.rules.clauses.is_determiner(word))
            .is_some_and(|word| ClauseWords::has(&self.rules.clauses.words.complementizers, word))
    }

    /// The first armed actor of the sentence that is not the trigger's direct object, which is
    /// acted on, nor inside the trigger ("killed four soldiers"), one outside the whole object
    /// first: the agent of last resort ("Shells have
    /// been falling on the town as Myanmar's military makes a last push"; "Fighting flared
    /// around the junta's bases as the KIA pressed on"; none in "Rebels ambushed a military
    /// convoy").
    fn any_armed(&self, frame: &Frame) -> Option<ActorId> {
        let object = Span::new(frame.trigger.end, frame.object_end);
        let direct_object = self.direct_object(frame);
        let armed = || {
            self.actors_in(frame.sentence).filter(|m| {
                m.kind.is_armed()
                    && !matches!(m.how, MentionKind::Country | MentionKind::Capital)
                    && !direct_object.contains(m.span)
                    && !frame.trigger.contains(m.span)
                    && !self.told_dead(m)
            })
        };
        armed()
            .find(|m| !object.contains(m.span))
            .or_else(|| armed().next())
            .map(|m| m.actor.clone())
    }

    /// True when the trigger itself names who acts: an actor right before it ("KIA drones",
    /// "the AA's drone strikes") or after "by" ("drone strikes by the RSF"), or the clause's
    /// subject when the trigger is its weapon ("attacked the post with drones").
    fn names_own_agent(&self, frame: &Frame) -> bool {
        let after = Span::new(frame.trigger.end, frame.object_end);
        // "by" first after the trigger: not "hit areas held by the RSF".
        self.adjacent_agent(frame).is_some()
            || self.phrase_actor_within(after, "by", 1).is_some()
            || self.blamed_actor(after).is_some()
            || self.instrument_with(frame).is_some()
            || self.launched_by_subject(frame)
    }

    /// Where "with" stands when it is at most two words before the trigger, within its clause
    /// ("attacked the post with armed drones"): the clause's subject used what the trigger
    /// names.
    fn instrument_with(&self, frame: &Frame) -> Option<usize> {
        self.word_before_trigger(frame, 3, |word| word == "with")
    }

    /// For a trigger that is the weapon after "with" ([`Self::instrument_with`]) of a clause
    /// that names its target before it, the clause's first armed actor, who used the weapon:
    /// "the PDF ambushed a junta convoy with landmines" (the nearest actor is the target). A
    /// "by" before the weapon ("the convoy was attacked by the PDF with landmines") leaves it
    /// to the agent search.
    fn instrument_user(&self, frame: &Frame) -> Option<ActorId> {
        let with = self.instrument_with(frame)?;
        let clause = Span::new(frame.subject_start, with);
        if text::words(clause.slice(self.lower)).any(|word| word == "by") {
            return None;
        }
        let mut armed = self.actors_in(clause).filter(|m| m.kind.is_armed());
        let user = armed.find(|m| self.may_be_subject(m, frame, false))?;
        let user = self.first_conjunct(user, frame.sentence);
        armed
            .any(|target| target.actor != user.actor)
            .then(|| user.actor.clone())
    }

    /// True when a verb of launching, in the active, stands at most four words before the
    /// trigger and an armed actor in the clause's subject before it: "the RSF launched
    /// drones", "the KIA has used artillery and drone strikes"; not "jets were used".
    fn launched_by_subject(&self, frame: &Frame) -> bool {
        let words = &self.rules.clauses.words;
        // "launched artillery and drone strikes": the verb stands before the first conjunct.
        let head = &self.lower[frame.sentence.start..frame.subject_start];
        let frame = match head.trim_end().strip_suffix(" and") {
            Some(first) if frame.trigger.start - frame.subject_start < 2 => Frame {
                subject_start: self
                    .clause_index
                    .subject_start(frame.sentence, frame.sentence.start + first.len()),
                ..*frame
            },
            _ => *frame,
        };
        self.word_before_trigger(&frame, 6, |word| {
            ClauseWords::has(&words.launch_verbs, word)
        })
        .is_some_and(|verb| {
            let subject = Span::new(frame.subject_start, verb);
            let auxiliary = text::words(&self.lower[subject.start..subject.end]).next_back();
            !auxiliary.is_some_and(|w| ClauseWords::has(&words.passive_auxiliaries, w))
                && self.actors_in(subject).any(|m| m.kind.is_armed())
        })
    }

    /// Where the nearest word for which `wanted` holds starts, among the `words` words of the
    /// clause's subject side right before the trigger, with no punctuation between.
    fn word_before_trigger(
        &self,
        frame: &Frame,
        words: usize,
        wanted: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        let mut before = self.lower[frame.subject_start..frame.trigger.start].trim_end();
        for _ in 0..words {
            let (rest, word) = before.rsplit_once(char::is_whitespace)?;
            if wanted(word) {
                return Some(frame.subject_start + rest.len() + 1);
            }
            if !word.chars().all(|c| c.is_alphanumeric() || c == '-') {
                return None;
            }
            before = rest.trim_end();
        }
        None
    }

    /// True when the clause's subject is aircraft (`aircraft_subjects`), with at most verb
    /// helpers between it and the trigger: "the regime's air force also struck", not "bombed
    /// by aircraft after rebels had attacked".
    fn aircraft_subject(&self, frame: &Frame) -> bool {
        self.subject_head(frame, &self.rules.clauses.words.aircraft_subjects)
            .is_some()
    }

    /// True when an armed actor stands in the clause's subject: "PDF drones attacked", not
    /// "KIA forces retreated when helicopters attacked".
    fn subject_names_owner(&self, frame: &Frame) -> bool {
        self.actors_in(Span::new(frame.subject_start, frame.trigger.start))
            .any(|m| m.kind.is_armed())
    }

    /// True when the clause's subject is someone the text does not identify
    /// (`unidentified_agents`: "Gunmen attacked the village"): no party did it, not even the one
    /// reporting it; so are "rebels" the text ties to no group. "The attackers" refers back to
    /// attackers already named, and "RSF gunmen" are the RSF's.
    fn unidentified_subject(&self, frame: &Frame) -> bool {
        let Some(before) = self.subject_head(frame, &self.rules.clauses.words.unidentified_agents)
        else {
            return false;
        };
        let head_start = frame.subject_start + before.len();
        let named = self
            .actors_in(Span::new(frame.subject_start, frame.trigger.start))
            .any(|m| {
                m.span.end > head_start || self.lower[m.span.end..head_start].trim().is_empty()
            });
        !before.ends_with("the ") && !named
    }

    /// True when the "by" phrase right after the trigger names its doers only by a head of
    /// `unidentified_agents` that the actor stage tied to no group ("killed in an ambush by
    /// suspected jihadists"): the event has no agent, not the other side of its victims. After
    /// "the" they are doers already told of ("abducted by the assailants"), as for a subject.
    fn unidentified_by_phrase(&self, frame: &Frame, after: Span) -> bool {
        const HEAD_WITHIN_WORDS: usize = 3;
        let Some((_, by)) = self.trigger_by(frame, after) else {
            return false;
        };
        let from = after.start + by + "by".len();
        let phrase_end = nth_word_end(self.lower, from, HEAD_WITHIN_WORDS).min(frame.object_end);
        let phrase = &self.lower[from.min(phrase_end)..phrase_end];
        let words = &self.rules.clauses.words;
        !phrase.trim_start().starts_with("the ")
            && words
                .unidentified_agents
                .iter()
                .any(|head| find_word(phrase, head).is_some())
            && self.actors_in(Span::new(from, phrase_end)).next().is_none()
    }

    /// Where the verb of casualties starts when a noun trigger comes after it and "in" or
    /// "by" ("25 soldiers were killed in a raid", "killed by artillery"), or the verb of
    /// exposure before "under" ("the post came under attack"): the subject is the event's
    /// victims, not its agents.
    fn casualty_verb_before(&self, frame: &Frame) -> Option<usize> {
        let before = self.lower[frame.sentence.start..frame.trigger.start].trim_end();
        let words: Vec<&str> = before.rsplit(' ').take(5).collect();
        let in_at = words
            .iter()
            .position(|&word| matches!(word, "in" | "by" | "under"))?;
        let verb = words.get(in_at + 1)?;
        let plain_words = words[..in_at]
            .iter()
            .all(|word| word.chars().all(|c| c.is_alphanumeric() || c == '-'));
        let verbs = &self.rules.clauses.words;
        let verbs = if words[in_at] == "under" {
            &verbs.exposure_verbs
        } else {
            &verbs.casualty_verbs
        };
        (ClauseWords::has(verbs, verb) && plain_words)
            .then(|| frame.sentence.start + (verb.as_ptr() as usize - before.as_ptr() as usize))
    }

    /// True when the clause's subject is what the noun trigger hit: its victims ("soldiers
    /// were killed in a raid"), exposed to it ("the post came under attack") or defending
    /// against it ("troops repelled an attack").
    fn subject_is_target(&self, frame: &Frame) -> bool {
        self.casualty_verb_before(frame).is_some() || self.defended_against(frame)
    }

    /// True when a verb of defence stands right before a noun trigger, at most three plain
    /// words between ("troops repelled a dawn attack on the base"): as under a verb of
    /// exposure, the subject is the event's target.
    fn defended_against(&self, frame: &Frame) -> bool {
        self.phrase_just_before(frame, &self.rules.clauses.words.defence_verbs)
    }

    /// True when an existential opener stands right before a noun trigger, at most three
    /// plain words between ("police said there were more abductions"): the clause names no
    /// agent, and the one who reports it is none.
    fn existential(&self, frame: &Frame) -> bool {
        self.phrase_just_before(frame, &self.rules.clauses.words.existential_openers)
    }

    /// True when one of `phrases` stands right before the trigger, at most three plain words
    /// between.
    fn phrase_just_before(&self, frame: &Frame, phrases: &[String]) -> bool {
        const PLAIN_WORDS: usize = 3;
        let mut before = self.lower[frame.sentence.start..frame.trigger.start].trim_end();
        for _ in 0..=PLAIN_WORDS {
            if phrases.iter().any(|phrase| {
                before
                    .strip_suffix(phrase.as_str())
                    .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
            }) {
                return true;
            }
            match before.rsplit_once(' ') {
                Some((rest, word)) if word.chars().all(|c| c.is_alphanumeric() || c == '-') => {
                    before = rest.trim_end()
                }
                _ => return false,
            }
        }
        false
    }

    /// The words before the clause's subject, when the subject ends with one of `heads` with at
    /// most verb helpers between it and the trigger.
    fn subject_head(&self, frame: &Frame, heads: &[String]) -> Option<&'a str> {
        let mut head = self.lower[frame.subject_start..frame.trigger.start].trim_end();
        while let Some((rest, last)) = head.rsplit_once(char::is_whitespace) {
            if !ClauseWords::has(&self.rules.clauses.words.verb_helpers, last) {
                break;
            }
            head = rest.trim_end();
        }
        heads.iter().find_map(|noun| {
            head.strip_suffix(noun.as_str())
                .filter(|rest| rest.is_empty() || rest.ends_with(' '))
        })
    }

    /// The armed actor right before the trigger, or its possessive, that is no preposition's
    /// object: "junta airstrikes", "the RSF's drone attack", not "backed by Rwandan troops
    /// captured".
    fn adjacent_agent(&self, frame: &Frame) -> Option<ActorId> {
        // A noun's modifier is its agent even as a preposition's object: "killed by Russian
        // shelling".
        let noun_trigger = !self.opens_with_verb(frame.trigger);
        self.actors_in(frame.sentence)
            .find(|m| {
                m.span.end <= frame.trigger.start
                    && m.kind != ActorKind::Civilians
                    && matches!(
                        self.lower[m.span.end..frame.trigger.start].trim(),
                        "" | "'s" | "’s"
                    )
                    && (!self.in_object_position(m, frame) || noun_trigger)
            })
            .map(|m| self.first_conjunct(m, frame.sentence).actor.clone())
    }

    /// The actor a blame marker right after the trigger names ("blamed on the RSF"), passive
    /// auxiliaries allowed between ("rockets were launched by Hezbollah").
    fn blamed_actor(&self, after: Span) -> Option<ActorId> {
        let words = &self.rules.clauses.words;
        let mut start = after.start;
        for word in self.lower[after.start..after.end]
            .split_whitespace()
            .take(3)
        {
            if !ClauseWords::has(&words.passive_auxiliaries, word)
                && !ClauseWords::has(&words.verb_helpers, word)
            {
                break;
            }
            start = nth_word_end(self.lower, start, 1);
        }
        let after = Span::new(start, after.end);
        let markers = &words.blame_markers;
        // Markers of as many words are looked for in the same first words: a window is cut
        // again only when the number of words changes.
        let mut window: Option<(usize, &str)> = None;
        markers.iter().find_map(|marker| {
            let words = marker.split_whitespace().count();
            let head = match window {
                Some((n, head)) if n == words => head,
                _ => {
                    let head = self.first_words(after, words);
                    window = Some((words, head));
                    head
                }
            };
            self.actor_after_word(after, head, marker)
        })
    }

    /// The actor blamed or accused of the event: "blamed the groups for a surprise attack",
    /// "accused them of torching homes"; for an event the verb takes as its object, the one
    /// it is blamed on, or no one ("police blamed the attacks on bandits": not the police).
    fn accused(&self, frame: &Frame) -> Option<Option<ActorId>> {
        // The verbs never overlap, so those ending by the trigger come first.
        let before = self
            .accusations
            .partition_point(|verb| verb.end <= frame.trigger.start);
        let verb = self.accusations[..before]
            .last()
            .filter(|verb| verb.start >= frame.sentence.start)?;
        let verb_at = verb.start;
        let between = &self.lower[verb_at..frame.trigger.start];
        // The accused stand between the verb and its "of" or "for" ("accused them of attacking
        // army camps, torching homes": not the army).
        let joint = [find_word(between, "of"), find_word(between, "for")]
            .into_iter()
            .flatten()
            .min();
        let Some(joint) = joint else {
            return self.blamed_on(frame, *verb);
        };
        let accused = Span::new(verb_at, verb_at + joint);
        if let Some(mention) = self.actors_in(accused).find(|m| m.kind.is_armed()) {
            return Some(Some(mention.actor.clone()));
        }
        let pronoun = self.lower[accused.start..accused.end]
            .split_whitespace()
            .nth(1)
            .unwrap_or("");
        ClauseWords::has(&self.rules.clauses.words.object_pronouns, pronoun)
            .then(|| {
                self.doc
                    .actors
                    .iter()
                    .rev()
                    .find(|m| m.span.end <= verb_at && m.kind.is_non_state_armed())
                    .map(|m| m.actor.clone())
            })
            .flatten()
            .map(Some)
    }

    /// For a trigger a few words after an accusation verb, with "on" or "to" after its noun
    /// phrase ("blamed Saturday's attacks in the town on bandits", "attributed the raid to
    /// the ADF"): the actor named after it, or no one.
    fn blamed_on(&self, frame: &Frame, verb: Span) -> Option<Option<ActorId>> {
        // The words between the verb's own word and the trigger.
        let object_words = self.lower[verb.start..frame.trigger.start]
            .split_whitespace()
            .skip(1)
            .count();
        // "accused M23 after an attack on Sake": the accused stand before the trigger.
        let accused_before = self
            .actors_in(Span::new(verb.end, frame.trigger.start))
            .next()
            .is_some();
        if object_words > 3 || accused_before {
            return None;
        }
        let after = frame.rest_of_clause();
        let head = self.first_words(after, BLAMED_ON_WORDS);
        ["on", "to"]
            .into_iter()
            .filter_map(|word| find_word(head, word).map(|at| (at, word)))
            .min()
            .map(|(_, word)| self.actor_after_word(after, head, word))
    }

    /// True when a mention is the object of a preposition or of a trigger ("clashed with
    /// government troops", "overran a junta outpost").
    fn in_object_position(&self, mention: &ActorMention, frame: &Frame) -> bool {
        // "with the Kachin Region People's Defence Force (KPDF)": the bracketed abbreviation
        // stands where its name stands.
        if self.text[..mention.span.start].trim_end().ends_with('(') {
            let named = self
                .doc
                .actors
                .iter()
                .rev()
                .find(|m| m.span.end <= mention.span.start && m.actor == mention.actor);
            if let Some(named) = named.filter(|m| m.span.start != mention.span.start) {
                return self.in_object_position(named, frame);
            }
        }
        let clauses = &self.rules.clauses;
        let floor = if frame.sentence.start <= mention.span.start {
            frame.sentence.start
        } else {
            self.doc
                .sentence_at(mention.span.start)
                .map_or(0, |s| s.start)
        };
        // "rebels in eastern Myanmar": a place mention that opens with a direction word before
        // the name stands where the preposition's object stands.
        // Places come in text order: only the last one starting before the mention can hold it.
        let places = &self.doc.places;
        let start = places[..places.partition_point(|p| p.span.start < mention.span.start)]
            .last()
            .filter(|p| p.role == PlaceRole::Toponym && p.span.contains(mention.span))
            .map_or(mention.span.start, |p| p.span.start);
        if clauses.after_preposition(self.lower, floor, start) {
            // "forces led by the TNLA attacked": the leader acts, unless the head names a
            // party of its own ("Wagner fighters led by army officers").
            let leads = start < frame.trigger.start
                && text::ends_with_phrase(&self.lower[floor..start], &clauses.words.leader_markers)
                && !self
                    .actors_in(Span::new(
                        frame.subject_start.min(mention.span.start),
                        mention.span.start,
                    ))
                    .any(|m| {
                        m.span.end < mention.span.start
                            && m.kind.is_armed()
                            && matches!(m.how, MentionKind::Name | MentionKind::Defined)
                    });
            return !leads && !clauses.owns_the_noun_before(self.lower, floor, start);
        }
        // "killed 12 soldiers", "attacked two KIA camps": past a count, to the verb that takes
        // them as object.
        // "insurgents fighting the junta", "rebels battling the army": past a determiner.
        let (mut word, mut word_start, mut word_end) =
            clauses.word_before(self.lower, floor, mention.span.start);
        while !word.is_empty() && (parse_number(word).is_some() || clauses.is_determiner(word)) {
            (word, word_start, word_end) = clauses.word_before(self.lower, floor, word_start);
        }
        self.trigger_spans
            .binary_search_by_key(&word_end, |t| t.end)
            .is_ok()
            || ClauseWords::has(&clauses.words.opposing_verbs, word)
    }

    /// True when a mention stands inside an earlier trigger after its first word, as the one
    /// acted on ("killed 12 soldiers and captured the base": the soldiers took nothing).
    fn acted_on_earlier(&self, mention: &ActorMention, frame: &Frame) -> bool {
        // Only the sentence's triggers before this one can hold it.
        let from = self
            .trigger_spans
            .partition_point(|t| t.start < frame.sentence.start);
        let to = self
            .trigger_spans
            .partition_point(|t| t.start < frame.trigger.start);
        self.trigger_spans[from..to.max(from)].iter().any(|t| {
            t.end <= frame.trigger.start && t.start < mention.span.start && t.contains(mention.span)
        })
    }

    /// A country name stands for its government as a subject ("China closed the border"),
    /// not as a place ("traveled to China").
    fn country_as_subject(&self, mention: &ActorMention, frame: &Frame) -> bool {
        if !matches!(mention.how, MentionKind::Country | MentionKind::Capital)
            || self.in_object_position(mention, frame)
        {
            return false;
        }
        let metonym = self
            .doc
            .places
            .iter()
            .any(|p| p.span == mention.span && p.role == PlaceRole::Metonym);
        let clause_start = self
            .clause_index
            .subject_start(frame.sentence, mention.span.start);
        let opens_clause = self.lower[clause_start..mention.span.start]
            .split_whitespace()
            .all(|word| word == "the" || word.ends_with(','));
        metonym || opens_clause
    }

    /// The actor right after a word following the trigger ("by the AA", "between the junta
    /// and the TNLA"), within six words of the trigger.
    fn phrase_actor(&self, after: Span, word: &str) -> Option<ActorId> {
        self.phrase_actor_within(after, word, 6)
    }

    /// [`Reader::phrase_actor`] with the word at most `words` words after the trigger.
    fn phrase_actor_within(&self, after: Span, word: &str, words: usize) -> Option<ActorId> {
        self.actor_after_word(after, self.first_words(after, words), word)
    }

    /// The first `words` words of `after` (lower case), cut at its end.
    fn first_words(&self, after: Span, words: usize) -> &'a str {
        let end = nth_word_end(self.lower, after.start, words).min(after.end);
        &self.lower[after.start..end]
    }

    /// The actor within three words after `word` in `window`, the start of `after`.
    fn actor_after_word(&self, after: Span, window: &str, word: &str) -> Option<ActorId> {
        let offset = find_word(window, word)?;
        let from = after.start + offset + word.len();
        self.actors_in(Span::new(from, after.end))
            .find(|m| self.lower[from..m.span.start].split_whitespace().count() <= 3)
            .map(|m| m.actor.clone())
    }

    /// For a trigger opening with a gerund right after a subordinator ("…, since launching an
    /// offensive against regime targets"), the main clause's subject: the sentence's first
    /// armed actor.
    fn gerund_subject(&self, frame: &Frame) -> Option<ActorId> {
        let words = &self.rules.clauses.words;
        let gerund = text::words(frame.trigger.slice(self.lower)).next()?;
        if !gerund.ends_with("ing") {
            return None;
        }
        let subordinated = text::words(&self.lower[frame.sentence.start..frame.trigger.start])
            .next_back()
            .is_some_and(|w| ClauseWords::has(&words.fronted_subordinators, w));
        if !subordinated {
            return None;
        }
        self.actors_in(Span::new(frame.sentence.start, frame.trigger.start))
            .find(|m| m.kind.is_armed())
            .map(|m| m.actor.clone())
    }

    /// The armed actor a passive trigger's subject names, other than `agent`: the side that
    /// lost what was taken or hit ("Two junta bases were seized").
    fn passive_loser(&self, frame: &Frame, agent: Option<&ActorId>) -> Option<ActorId> {
        if !self.is_passive(frame.trigger) {
            return None;
        }
        self.actors_in(Span::new(frame.subject_start, frame.trigger.start))
            .rev()
            .find(|m| Some(&m.actor) != agent && m.kind.is_armed())
            .map(|m| m.actor.clone())
    }

    /// The state's forces, for a military unit that the passive's subject names with no owner
    /// ("The Western Command was set up in 1972"): a command or battalion is the army's (a
    /// camp or an airport is not).
    fn unit_set_up(&self, frame: &Frame, rule: &Rule) -> Option<ActorId> {
        if rule.kind != EventKind::BaseEstablished {
            return None;
        }
        let subject = Span::new(frame.subject_start, frame.trigger.start);
        let unowned_unit = self
            .sites_in(subject)
            .any(|site| site.facility && self.rules.facilities.names_unit(&site.location.name))
            && !self.actors_in(subject).any(|m| m.kind.is_armed());
        let country = self.focus.as_deref().filter(|_| unowned_unit)?;
        Some(self.actors.country(country)?.military.clone())
    }

    /// The force a passive trigger ending in "into" names right after it: "drafted into the
    /// army" (the army recruits them).
    fn recruiter(&self, frame: &Frame) -> Option<ActorId> {
        if !frame.trigger.slice(self.lower).ends_with(" into") {
            return None;
        }
        let after = frame.trigger.end;
        self.actors_in(Span::new(after, frame.object_end))
            .find(|m| {
                m.kind.is_armed() && self.lower[after..m.span.start].split_whitespace().count() <= 2
            })
            .map(|m| m.actor.clone())
    }

    /// The actor of the "by" phrase after the trigger ("attacks by the RSF", "was seized by the
    /// AA"), unless "by" belongs to another verb: an active verb's ("bombed the town") or a
    /// participle's after the trigger ("jets bombed a town held by the rebels").
    fn agent_by_phrase(&self, frame: &Frame, after: Span) -> Option<ActorId> {
        let (window, by) = self.trigger_by(frame, after)?;
        let word_before = window[..by].split_whitespace().next_back();
        if word_before.is_some_and(|word| self.is_participle(word)) {
            return None;
        }
        self.actor_after_word(after, window, "by")
    }

    /// The first six words after a noun or passive trigger, and where "by" stands in them, if
    /// it does: "by" after an active verb's trigger tells how or when ("bombed the town by
    /// night"), not who.
    fn trigger_by(&self, frame: &Frame, after: Span) -> Option<(&'a str, usize)> {
        if self.opens_with_verb(frame.trigger) && !self.is_passive(frame.trigger) {
            return None;
        }
        let window = self.first_words(after, 6);
        find_word(window, "by").map(|by| (window, by))
    }

    /// The trigger's first word, lower case.
    fn first_word(&self, trigger: Span) -> &'a str {
        trigger
            .slice(self.lower)
            .split_whitespace()
            .next()
            .unwrap_or("")
    }

    fn is_participle(&self, word: &str) -> bool {
        word.ends_with("ed")
            || word.ends_with("en")
            || ClauseWords::has(&self.rules.clauses.words.irregular_participles, word)
    }

    /// True when the trigger opens with a verb form: a participle or an auxiliary ("had
    /// fallen", "seized"), not a noun ("attack").
    fn opens_with_verb(&self, trigger: Span) -> bool {
        let word = self.first_word(trigger);
        let words = &self.rules.clauses.words;
        self.is_participle(word)
            || ClauseWords::has(&words.verb_helpers, word)
            || ClauseWords::has(&words.passive_auxiliaries, word)
    }

    /// True when the trigger is a passive verb ("were killed by", "was seized"), holds one
    /// after its patient ("civilians were killed"), or is a participle that "by" follows (a
    /// reduced relative: "the bases captured by the AA").
    fn is_passive(&self, trigger: Span) -> bool {
        let words = &self.rules.clauses.words;
        let inner = trigger.slice(self.lower).split_whitespace();
        let holds_passive = inner.clone().zip(inner.skip(1)).any(|(auxiliary, verb)| {
            ClauseWords::has(&words.passive_auxiliaries, auxiliary) && self.is_participle(verb)
        });
        if holds_passive {
            return true;
        }
        let participle = self.is_participle(self.first_word(trigger));
        let by_follows = self.lower[trigger.end..].trim_start().starts_with("by ");
        if participle && by_follows {
            return true;
        }
        let before: Vec<&str> = self.lower[..trigger.start]
            .split_whitespace()
            .rev()
            .take(3)
            .collect();
        participle
            && before.iter().take(3).any(|w| {
                ClauseWords::has(
                    &words.passive_auxiliaries,
                    w.trim_matches(|c: char| !c.is_alphabetic()),
                )
            })
    }

    /// True when the clause's subject is a pronoun (its first word, or the word before the
    /// verb but for auxiliaries: "By July, it had retaken ...") and no armed actor is named
    /// between it and the trigger.
    fn pronoun_subject(&self, frame: &Frame) -> bool {
        let words = &self.rules.clauses.words;
        let clause = self.lower[frame.subject_start..frame.trigger.start].trim_start();
        let first = clause
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        (ClauseWords::has(&words.subject_pronouns, first)
            || self.pronoun_before(frame.trigger, &words.party_pronouns))
            && !self
                .actors_in(Span::new(frame.subject_start, frame.trigger.start))
                .any(|m| m.kind.is_armed())
    }

    /// True when a first-person pronoun is the subject of the trigger's active verb: right
    /// before it but for auxiliaries ("We first attacked the base"), opening the subject as a
    /// possessive ("Our troops took the base"), or opening a sentence
    /// whose later clause shares it ("We killed 27 soldiers and took the base"); not in "we lost
    /// five soldiers in this attack", nor "we were attacked".
    fn first_person_subject(&self, frame: &Frame) -> bool {
        let words = &self.rules.clauses.words;
        if self.is_passive(frame.trigger) {
            return false;
        }
        if self.pronoun_before(frame.trigger, &words.first_person_pronouns)
            || self.pronoun_before(frame.trigger, &words.first_person_possessives)
        {
            return true;
        }
        // "Our troops have taken the town": a subject the possessive opens, naming no party.
        let subject = Span::new(frame.subject_start, frame.trigger.start);
        let opens_possessive = subject
            .slice(self.lower)
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .is_some_and(|w| ClauseWords::has(&words.first_person_possessives, w));
        if opens_possessive
            && !self
                .actors_in(subject)
                .any(|m| matches!(m.how, MentionKind::Name | MentionKind::Defined))
        {
            return true;
        }
        let head = &self.lower[frame.sentence.start..frame.trigger.start];
        let mut sentence_words = head
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty());
        let opens_first_person = sentence_words
            .next()
            .is_some_and(|w| ClauseWords::has(&words.first_person_pronouns, w));
        opens_first_person
            && head.trim_end().ends_with(" and")
            && !head.contains([',', ';'])
            && !sentence_words.any(|w| ClauseWords::has(&words.subject_pronouns, w))
    }

    /// True when the clause before an active trigger opens with an enemy noun, after a
    /// determiner or not, and names no actor: "the enemy keeps shelling us", "enemy troops
    /// stormed the post".
    fn enemy_subject(&self, frame: &Frame) -> bool {
        let clauses = &self.rules.clauses;
        let span = Span::new(frame.subject_start, frame.trigger.start);
        let mut words = self.lower[span.start..span.end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .skip_while(|w| clauses.is_determiner(w));
        !self.is_passive(frame.trigger)
            && words
                .next()
                .is_some_and(|w| ClauseWords::has(&clauses.words.enemy_nouns, w))
            && self.actors_in(span).next().is_none()
    }

    /// True when the word before the trigger, but for auxiliaries and adverbs ("when it had
    /// stormed"), is one of `pronouns`.
    fn pronoun_before(&self, trigger: Span, pronouns: &[String]) -> bool {
        let helpers = &self.rules.clauses.words.verb_helpers;
        self.lower[..trigger.start]
            .split_whitespace()
            .rev()
            .take(4)
            .find(|word| !ClauseWords::has(helpers, word))
            .is_some_and(|word| ClauseWords::has(pronouns, word))
    }

    /// True when a mention is a plural common noun ("20 soldiers", "junta troops"), which a
    /// singular pronoun cannot stand for.
    fn is_plural_noun(&self, mention: &ActorMention) -> bool {
        let last = mention
            .span
            .slice(self.text)
            .rsplit(' ')
            .next()
            .unwrap_or("");
        last.starts_with(|c: char| c.is_lowercase()) && last.ends_with('s') && !last.ends_with("ss")
    }

    /// The antecedent of a relative clause whose verb the trigger is ("the Alliance, which
    /// launched an offensive"): the actor named right before the clause opens.
    fn relative_subject(&self, frame: &Frame) -> Option<ActorId> {
        let words = &self.rules.clauses.words;
        let clause = self
            .clause_index
            .relative_clauses(frame.sentence)
            .filter(|r| r.start < frame.trigger.start && frame.trigger.end <= r.end)
            .last()?;
        let mut between = self.lower[clause.start..frame.trigger.start]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let opener = between.next()?;
        // "the alliance, whose surprise offensive began": a noun right after "whose" (but for
        // two words before it) is the antecedent's deed.
        let possessive = ClauseWords::has(&words.possessive_relatives, opener);
        if possessive && between.clone().count() > 2 {
            return None;
        }
        if !possessive
            && (!ClauseWords::has(&words.subject_relatives, opener)
                || !between.all(|w| ClauseWords::has(&words.verb_helpers, w)))
        {
            return None;
        }
        self.doc
            .actors
            .iter()
            .rev()
            .find(|m| m.span.end <= clause.start)
            .filter(|m| {
                self.lower[m.span.end..clause.start].trim().is_empty()
                    && m.kind != ActorKind::Civilians
            })
            .map(|m| m.actor.clone())
    }

    /// The agent of the sentence's last event, for a participle that goes on from it ("attacked
    /// a convoy under army escort, burning 40 tankers": the attackers burned them; "shelled the
    /// village, wounding three and driving dozens from their homes"). `Some(None)` when that
    /// event has no agent ("Gunmen attacked the village, killing 12").
    fn participle_subject(&self, frame: &Frame) -> Option<Option<ActorId>> {
        let trigger_word = self.lower[frame.trigger.start..frame.trigger.end]
            .split(' ')
            .next()?;
        let before = self.lower[frame.sentence.start..frame.trigger.start].trim_end();
        let goes_on = before.ends_with(',') || before.ends_with(" and");
        if !goes_on || !trigger_word.ends_with("ing") {
            return None;
        }
        self.events
            .last()
            .filter(|e| e.evidence_start == frame.sentence.start)
            .map(|e| e.actor1.clone())
    }

    /// The main clause's subject, for a pronoun subject in a fronted subordinate clause
    /// ("Since they opened the offensive, the rebels have taken ..."): an armed actor among the
    /// first words after the comma.
    fn cataphoric_subject(&self, frame: &Frame) -> Option<ActorId> {
        let main = self.rules.clauses.main_clause_after_fronted(
            self.lower,
            frame.sentence,
            frame.trigger.start,
        )?;
        let fronted = &self.lower[frame.sentence.start..frame.trigger.start];
        let pronoun = fronted
            .split(|c: char| !c.is_alphabetic())
            .any(|word| ClauseWords::has(&self.rules.clauses.words.subject_pronouns, word));
        if !pronoun
            || self.is_passive(frame.trigger)
            || self
                .actors_in(Span::new(frame.sentence.start, frame.trigger.start))
                .any(|m| m.kind.is_armed())
        {
            return None;
        }
        let subject = Span::new(
            main,
            nth_word_end(self.lower, main, 3).min(frame.sentence.end),
        );
        self.actors_in(subject)
            .find(|m| m.kind.is_armed())
            .map(|m| m.actor.clone())
    }

    /// For a pronoun subject right after a reporting verb ("the RSF announced it had taken
    /// the city"), the armed actor nearest before that verb: the one who reports its own deed.
    fn reporter_of_pronoun(&self, frame: &Frame) -> Option<ActorId> {
        let verb = self
            .cue_index
            .reporting_verbs(Span::new(frame.sentence.start, frame.trigger.start))
            .iter()
            .rev()
            .find(|verb| {
                verb.speaker == SpeakerSide::Before && verb.span.end <= frame.trigger.start
            })?;
        let mut gap = self.lower[verb.span.end..frame.trigger.start].split_whitespace();
        let first = gap.next()?;
        let pronoun = if ClauseWords::has(&self.rules.clauses.words.complementizers, first) {
            gap.next()?
        } else {
            first
        };
        if !ClauseWords::has(&self.rules.clauses.words.party_pronouns, pronoun) {
            return None;
        }
        // "The AA said it attacked the base and the junta responded with air strikes": a later
        // clause that names its own armed subject is not the pronoun's.
        let clause = Span::new(frame.subject_start, frame.trigger.start);
        if verb.span.end < frame.subject_start && self.actors_in(clause).any(|m| m.kind.is_armed())
        {
            return None;
        }
        // "the RSF, the group the army has fought since 2023, announced": past an appositive.
        let head = self.lower[frame.sentence.start..verb.span.start].trim_end();
        let subject_end = match head.strip_suffix(',').and_then(|inner| inner.rfind(',')) {
            Some(comma) => frame.sentence.start + comma,
            None => verb.span.start,
        };
        // "The militants who have fought the army here claimed they took the town": the
        // reporter is the head a relative clause follows, not an actor inside that clause.
        let subject_end = self
            .actors_in(Span::new(frame.sentence.start, subject_end))
            .find(|m| m.kind.is_armed() && self.relative_follows(m.span.end))
            .map_or(subject_end, |m| m.span.end);
        self.head_of_last_actor(Span::new(frame.sentence.start, subject_end), |m| {
            m.kind.is_armed()
        })
        .map(|m| m.actor.clone())
    }

    /// True when one of the two words at `at` is a relative pronoun that opens a clause about
    /// the noun before it ("the militants who ...", "al Shabaab gunmen who ...").
    fn relative_follows(&self, at: usize) -> bool {
        self.lower[at..]
            .split_whitespace()
            .take(2)
            .any(|word| ClauseWords::has(&self.rules.clauses.words.subject_relatives, word))
    }

    /// The agent of the last event told in this sentence or the one before, for a pronoun
    /// subject ("The offensive was launched by the junta in May. By July, it had retaken ...").
    fn previous_agent(&self, frame: &Frame) -> Option<ActorId> {
        let from = self
            .previous_sentence(frame.sentence)
            .unwrap_or(frame.sentence)
            .start;
        self.events
            .iter()
            .rev()
            .take_while(|e| e.evidence_start >= from)
            .find_map(|e| e.actor1.clone())
    }

    /// Who acts when the clause does not say: the actor of a recent event of the same kind
    /// (none when that event has none: "Gunmen attacked … Nine people were killed"), else the
    /// last event's actor (for armed violence, the last violent event's), else the last armed
    /// non-state actor named before. Not the party reporting it: "Kyiv said 12 people were
    /// killed" tells who counts the dead, not who killed them.
    fn context_agent(&self, frame: &Frame, kind: EventKind) -> Option<ActorId> {
        if let Some(event) = self.recent_event_of_kind(frame, kind) {
            return event.actor1.clone();
        }
        // "China brokered a truce, but fighting resumed": a broker or a host is no fighter.
        self.events
            .iter()
            .rev()
            .find(|e| !kind.is_armed_violence() || e.kind.is_armed_violence())
            .and_then(|e| e.actor1.clone())
            .or_else(|| {
                self.doc
                    .actors
                    .iter()
                    .rev()
                    .find(|m| m.span.end <= frame.trigger.start && m.kind.is_non_state_armed())
                    .map(|m| m.actor.clone())
            })
    }

    /// The last event of `kind` told within a few sentences before the frame's.
    fn recent_event_of_kind(&self, frame: &Frame, kind: EventKind) -> Option<&Event> {
        self.recent_events(frame).find(|e| e.kind == kind)
    }

    /// What made people flee: an armed actor named after the trigger ("fled shelling by junta
    /// troops", "ran from the troops").
    fn cause(&self, frame: &Frame) -> Option<ActorId> {
        // "fled to Thailand": a country after the trigger is where people went.
        self.actors_in(frame.rest_of_clause())
            .find(|m| {
                m.kind.is_armed() && !matches!(m.how, MentionKind::Country | MentionKind::Capital)
            })
            .map(|m| m.actor.clone())
    }

    /// Who did the armed deed the sentence told before the trigger ("troops torched six
    /// villages, and 16,000 residents have been displaced"): what made people flee. Not
    /// across a contrast or a semicolon ("…, while in Sittwe 3,000 were displaced"), when a
    /// "by" phrase names another cause ("displaced by floods"), nor when the clause names a
    /// place the deed was not at.
    fn earlier_deed_of_sentence(&self, frame: &Frame) -> Option<ActorId> {
        let head = &self.lower[frame.sentence.start..frame.trigger.start];
        let rest = frame.rest_of_clause();
        let words = &self.rules.clauses.words;
        let another_cause = text::words(self.first_words(rest, 2)).any(|w| w == "by")
            || text::words(rest.slice(self.lower))
                .any(|w| ClauseWords::has(&words.natural_causes, w));
        let turned = words
            .contrast_marks
            .iter()
            .any(|mark| head.contains(mark.as_str()));
        if turned || another_cause {
            return None;
        }
        let deed = self
            .events
            .iter()
            .rev()
            .take_while(|e| e.evidence_start == frame.sentence.start)
            .filter(|e| e.kind != EventKind::Displacement)
            .find(|e| e.actor1.is_some())?;
        let elsewhere = self.sites_in(rest).next().is_some()
            && !self.sites_in(rest).any(|site| {
                deed.location
                    .as_ref()
                    .is_some_and(|l| fold_eq(&l.name, &site.location.name))
            });
        deed.actor1
            .clone()
            .filter(|actor| self.actors.kind_of(actor).is_armed() && !elsewhere)
    }

    fn patient(&self, frame: &Frame, rule: &Rule, agent: Option<&ActorId>) -> Option<ActorId> {
        let civilians = || Some(ActorId("CIVILIANS".into()));
        let object = Span::new(frame.trigger.end, frame.object_end);
        match rule.patient {
            PatientSlot::None => return None,
            PatientSlot::Civilians => return civilians(),
            PatientSlot::Subject => {
                // With none named before the trigger, a capture's loser is the side its taker
                // fights ("the station had fallen completely" after the AA's assault).
                return self
                    .actors_in(Span::new(frame.sentence.start, frame.trigger.start))
                    .rev()
                    .find(|m| Some(&m.actor) != agent && m.kind.is_armed())
                    .map(|m| m.actor.clone())
                    .or_else(|| {
                        (rule.kind == EventKind::TerritoryCaptured)
                            .then(|| self.other_side(frame, agent))
                            .flatten()
                    });
            }
            PatientSlot::Object => {}
        }
        // "attacked the army post with drones": the attack verb's object, before "with".
        if let Some(with) = self.instrument_with(frame) {
            let target = Span::new(frame.subject_start, with);
            if let Some(actor) = self
                .actors_in(target)
                .rev()
                .find(|m| Some(&m.actor) != agent && m.kind.is_armed())
            {
                return Some(actor.actor.clone());
            }
            if self.civilian_target(target) {
                return civilians();
            }
        }
        if let Some(actor) = self
            .phrase_actor(object, "from")
            .filter(|a| Some(a) != agent)
        {
            return Some(actor);
        }
        let strike = matches!(
            rule.kind,
            EventKind::AirStrike | EventKind::Shelling | EventKind::RemoteExplosive
        );
        if strike && self.civilian_target(frame.rest_of_clause()) {
            return civilians();
        }
        let fighting = matches!(
            rule.kind,
            EventKind::ArmedClash
                | EventKind::TerritoryCaptured
                | EventKind::AirStrike
                | EventKind::Shelling
        );
        if let Some(loser) = fighting.then(|| self.passive_loser(frame, agent)).flatten() {
            return Some(loser);
        }
        if rule.kind == EventKind::Arrest && self.civilian_target(object) {
            return civilians();
        }
        // "looted homes", "occupied two monasteries", "four villages had been ransacked": what
        // was destroyed was the civilians'.
        if rule.kind == EventKind::PropertyDestruction {
            let passive_subject = Span::new(frame.subject_start, frame.trigger.start);
            if self.civilian_target(frame.rest_of_clause())
                || self.is_passive(frame.trigger) && self.civilian_target(passive_subject)
            {
                return civilians();
            }
        }
        let political = matches!(
            rule.kind,
            EventKind::CallForTalks
                | EventKind::PressureOrThreat
                | EventKind::VisitOrMeeting
                | EventKind::Agreement
        );
        let object = if political && !self.actors_in(object).any(|m| m.kind.is_armed()) {
            frame.rest_of_clause()
        } else {
            object
        };
        // A country right after the trigger is the target ("a missile attack on Israel's
        // airport"); one further on is a point of reference ("sites near the Chinese border").
        let agent_country = agent.and_then(|a| self.actors.country_of(a));
        let target_end = nth_word_end(self.lower, frame.trigger.end, 3);
        let foreign_target = |m: &ActorMention| {
            m.span.start < target_end
                && agent_country.is_some()
                && self.actors.country_of(&m.actor) != agent_country
        };
        if let Some(mention) = self.actors_in(object).find(|m| {
            Some(&m.actor) != agent
                && !self.allied_with(m, agent)
                && !(fighting && self.is_speaker(m, frame.sentence))
                && (m.kind != ActorKind::Civilians || rule.kind == EventKind::AttackOnCivilians)
                && !(fighting
                    && matches!(m.how, MentionKind::Country | MentionKind::Capital)
                    && !foreign_target(m))
        }) {
            // "A missile attack on Israel's airport": a fight across a border is with the
            // other country's forces.
            let foreign_forces = fighting
                .then(|| self.actors.country_of(&mention.actor))
                .flatten()
                .filter(|_| matches!(mention.how, MentionKind::Country | MentionKind::Capital))
                .and_then(|code| self.actors.country(code))
                .map(|country| country.military.clone());
            return Some(foreign_forces.unwrap_or_else(|| mention.actor.clone()));
        }
        // "People in both villages fled heavy shelling", "airstrikes on the town, causing
        // civilian casualties": with no party struck, a strike on the civilians of its sentence.
        if strike && self.civilian_target(frame.sentence) {
            return civilians();
        }
        // "JNIM proclaimed a fuel blockade": an armed group's blockade is aimed at the state.
        let rebel_blockade = rule.kind == EventKind::TradeRestriction
            && agent.is_some_and(|a| self.actors.kind_of(a).is_non_state_armed());
        // "The group vowed to avenge him": a party at war threatens the side it fights.
        let armed_threat = rule.kind == EventKind::PressureOrThreat
            && agent.is_some_and(|a| self.actors.kind_of(a).is_armed());
        // "Soldiers were killed in an ambush by gunmen": its victims, whoever did it.
        let victims = || {
            self.subject_is_target(frame)
                .then(|| self.subject(frame, false))
                .flatten()
                .filter(|victims| Some(victims) != agent)
        };
        if let Some(victims) = fighting.then(victims).flatten() {
            Some(victims)
        } else if fighting || rebel_blockade || armed_threat || self.object_names_rank(frame) {
            self.other_side(frame, agent)
        } else {
            None
        }
    }

    /// True when `mention` speaks: a reporting verb follows it, at most two words between and
    /// no conjunction ("…, the UN said", "the KNU's spokesman said"). The party reporting a
    /// fight is none of its sides.
    fn is_speaker(&self, mention: &ActorMention, sentence: Span) -> bool {
        self.cue_index
            .reporting_verbs(sentence)
            .iter()
            .filter(|verb| verb.span.start >= mention.span.end)
            .any(|verb| {
                let gap = &self.lower[mention.span.end..verb.span.start];
                let words: Vec<&str> = gap.split_whitespace().collect();
                !gap.contains(',')
                    && words.len() <= 2
                    && !words.iter().any(|w| matches!(*w, "and" | "but" | "or"))
            })
    }

    /// True when an armed actor between `from` and `to` is told dead right after its name ("a
    /// raid on the village left 40 police and troops dead"): the raid hit fighters, not
    /// civilians.
    fn armed_dead(&self, from: usize, to: usize) -> bool {
        self.actors_in(Span::new(from, to))
            .any(|m| m.kind.is_armed() && self.told_dead(m))
    }

    /// True when civilians were killed or hurt in the trigger's attack: "30 villagers were
    /// killed in a militia attack on a camp" tells one attack on civilians, whatever its target
    /// is called. The victims stand before the verb of casualties (see
    /// [`Self::casualty_verb_before`]), with no armed party among them ("five soldiers and two
    /// civilians were killed in an attack" is a clash).
    fn civilians_died_in(&self, frame: &Frame) -> bool {
        let Some(verb_at) = self.casualty_verb_before(frame) else {
            return false;
        };
        let victims = Span::new(frame.sentence.start, verb_at);
        self.civilian_target(victims)
            && !self.armed_dead(victims.start, victims.end)
            && !self.actors_in(victims).any(|m| m.kind.is_armed())
    }

    /// True when a word among the three after a mention tells it dead, with no object after
    /// it ("40 police and troops dead", "12 soldiers killed in the raid"; not "soldiers killed
    /// 12 villagers"): the mention names victims.
    fn told_dead(&self, mention: &ActorMention) -> bool {
        let clauses = &self.rules.clauses;
        let mut words = self.lower[mention.span.end..].split_whitespace();
        for _ in 0..3 {
            let Some(word) = words.next() else {
                return false;
            };
            let bare = word.trim_matches(|c: char| !c.is_alphabetic());
            if ClauseWords::has(&clauses.words.deaths_after_number, bare) {
                let ends_clause = word.ends_with([',', '.', ';']);
                return ends_clause || words.next().is_none_or(|next| clauses.is_preposition(next));
            }
            if word.ends_with([',', '.', ';']) {
                return false;
            }
        }
        false
    }

    /// True when one of the first three words after the trigger is a military post ("warned
    /// the commander") or a capitalised rank ("detained Brigadier General Zaw Win").
    fn object_names_rank(&self, frame: &Frame) -> bool {
        let words = &self.rules.clauses.words;
        self.text[frame.trigger.end..frame.object_end]
            .split_whitespace()
            .take(3)
            .any(|word| {
                let bare = word.trim_matches(|c: char| !c.is_alphabetic());
                let lower = bare.to_lowercase();
                ClauseWords::has(&words.rank_posts, &lower)
                    || bare.starts_with(char::is_uppercase)
                        && ClauseWords::has(&words.rank_titles, &lower)
            })
    }

    /// True when `mention` is joined to a mention of `agent` right before it by coordination
    /// only ("by the KIA and allied PDF fighters"): an ally, not the one acted on.
    fn allied_with(&self, mention: &ActorMention, agent: Option<&ActorId>) -> bool {
        let Some(agent) = agent else { return false };
        // "fought alongside the TNLA": an ally of the agent, whatever stands before.
        let head = self.lower[..mention.span.start].trim_end();
        let head = head.strip_suffix(" the").unwrap_or(head);
        let marked = self.rules.clauses.words.ally_markers.iter().any(|marker| {
            head.ends_with(marker.as_str())
                && crate::text::on_word_boundaries(head, head.len() - marker.len(), head.len())
        });
        if marked {
            return true;
        }
        let mut current = mention;
        loop {
            let before = self
                .doc
                .actors
                .partition_point(|m| m.span.start < current.span.start);
            let Some(previous) = self.doc.actors[..before]
                .iter()
                .rev()
                .find(|m| m.span.end <= current.span.start)
            else {
                return false;
            };
            let gap = self.lower[previous.span.end..current.span.start]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'));
            // "People's Defence Force (PDF) fighters": the abbreviation and the head noun go
            // with the name.
            if previous.actor == mention.actor && gap.is_empty() {
                current = previous;
                continue;
            }
            return &previous.actor == agent
                && (gap.is_empty()
                    || ClauseWords::has(&self.rules.clauses.words.coordinators, gap));
        }
    }

    /// The side opposing `agent`: the state's forces against a non-state group, and the last
    /// non-state group named that fights the state against a state or one of its allies.
    fn other_side(&self, frame: &Frame, agent: Option<&ActorId>) -> Option<ActorId> {
        let agent = agent?;
        let kind = match self.actors.kind_of(agent) {
            ActorKind::Rebel | ActorKind::Militia if self.actors.sides_with_state(agent) => {
                ActorKind::State
            }
            kind => kind,
        };
        match kind {
            ActorKind::Rebel | ActorKind::Militia => {
                let country = self
                    .actors
                    .country_of(agent)
                    .map(str::to_string)
                    .or_else(|| self.focus.clone())?;
                Some(self.actors.country(&country)?.military.clone())
            }
            ActorKind::State => {
                // The nearest before, else the first after: a story may name the other side
                // only in a later sentence.
                let actors = &self.doc.actors;
                let split = actors.partition_point(|m| m.span.start < frame.sentence.end);
                self.opposing_state_agent(agent, actors[..split].iter().rev())
                    .or_else(|| self.opposing_state_agent(agent, actors[split..].iter()))
            }
            _ => None,
        }
    }

    /// The first of `mentions` that a state's `agent` fights: a non-state group not on the
    /// state's side, else another country's state ("Russia" for Ukrainian troops).
    fn opposing_state_agent<'m>(
        &self,
        agent: &ActorId,
        mentions: impl Iterator<Item = &'m ActorMention> + Clone,
    ) -> Option<ActorId> {
        let agent_country = self.actors.country_of(agent);
        let mentions = mentions.filter(|m| &m.actor != agent);
        mentions
            .clone()
            .find(|m| m.kind.is_non_state_armed() && !self.actors.sides_with_state(&m.actor))
            .or_else(|| {
                mentions.into_iter().find(|m| {
                    m.kind == ActorKind::State && self.actors.country_of(&m.actor) != agent_country
                })
            })
            .map(|m| m.actor.clone())
    }

    /// True when `span` names a civilian target (`civilian_targets`), not as the name of a
    /// military post ("the village base", "a school outpost": `military_heads`).
    fn civilian_target(&self, span: Span) -> bool {
        let words: Vec<&str> = self.lower[span.start..span.end]
            .split(|c: char| !c.is_alphanumeric())
            .collect();
        let heads = &self.rules.clauses.words.military_heads;
        words.iter().enumerate().any(|(idx, word)| {
            self.rules.triggers.civilian_targets.contains(*word)
                && !words
                    .get(idx + 1)
                    .is_some_and(|next| ClauseWords::has(heads, next))
        })
    }

    /// True when a passive capture's subject names people or goods and no post ("forty
    /// soldiers were captured at two camps"), or the object of a rule that `takes_captives` is
    /// people or goods ("captured two soldiers in the village", "took four insurgents who were
    /// heading for the town", "took cash from the monastery"): prisoners or loot, no place.
    fn captives_taken(&self, frame: &Frame, rule: &Rule) -> bool {
        let words = &self.rules.clauses.words;
        let taken = |word: &str| {
            ClauseWords::has(&words.captive_nouns, word)
                || ClauseWords::has(&words.loot_nouns, word)
        };
        if !self.is_passive(frame.trigger) {
            if !rule.takes_captives {
                return false;
            }
            // The heads of the object's coordinated noun phrases (each its last word before a
            // comma or coordinator), up to a relative pronoun: all must be people or goods
            // ("captured 30 soldiers and the base" took a place).
            let object = self.direct_object(frame).slice(self.lower);
            let end = ["who", "which", "that"]
                .iter()
                .filter_map(|pronoun| text::find_word(object, pronoun))
                .min()
                .unwrap_or(object.len());
            let mut heads = object[..end]
                .split(',')
                .flat_map(|part| part.split(" and "))
                .flat_map(|part| part.split(" or "))
                .filter_map(|phrase| {
                    phrase
                        .split(|c: char| !c.is_alphanumeric())
                        .rfind(|word| !word.is_empty())
                })
                .peekable();
            return heads.peek().is_some() && heads.all(taken);
        }
        let mut subject = self.lower[frame.subject_start..frame.trigger.start]
            .split(|c: char| !c.is_alphanumeric());
        subject.clone().any(taken)
            && !subject.any(|word| self.rules.triggers.position_nouns.contains(word))
    }

    fn position_noun_in_slot(&self, frame: &Frame, rule: &Rule) -> bool {
        let span = match rule.place {
            PlaceSlot::Object => Span::new(frame.trigger.start, frame.object_end),
            PlaceSlot::Subject => Span::new(frame.subject_start, frame.trigger.end),
        };
        let words: Vec<&str> = self.lower[span.start..span.end]
            .split(|c: char| !c.is_alphanumeric())
            .collect();
        let nouns = &self.rules.triggers.position_nouns;
        words.iter().any(|w| nouns.contains(*w))
            || words.windows(2).any(|pair| nouns.contains(&pair.join(" ")))
    }

    /// The sites of the rule's place slot. After the trigger: the coordinated list that starts
    /// there ("Chipwi Town on 29 September, Pang War Town on 18 October and Kan Paik Ti
    /// Town"), without containers (unless they include the others: "every post in Hill
    /// Township, including the camp"), points of reference, places that only locate a facility,
    /// places of relative clauses, and countries when finer places are named; a place anaphor
    /// ("retook the town", "attacked troops in the area") is the last such place named before.
    /// Before the trigger: the coordinated list that ends nearest it, across a subject break
    /// ("people from Tsawlaw and Chipwi fled"). When the clause names no place, an anaphor after
    /// its object ("in the region").
    fn places(&self, frame: &Frame, rule: &Rule) -> Vec<&'a Site> {
        let after_trigger = &self.lower[frame.trigger.end..frame.object_end];
        let anaphor = match rule.place {
            PlaceSlot::Object => self
                .rules
                .clauses
                .place_anaphor(after_trigger)
                .filter(|_| !self.anaphor_located(frame)),
            PlaceSlot::Subject => None,
        }
        .or_else(|| {
            // "The command, in the state of Rakhine, was overrun": a passive's subject.
            let subject_text = &self.lower[frame.subject_start..frame.trigger.start];
            (self.is_passive(frame.trigger) || rule.place == PlaceSlot::Subject)
                .then(|| self.rules.clauses.place_anaphor(subject_text))
                .flatten()
        });
        // An anaphor with nothing to refer back to leaves the clause's own places: "attacked
        // the camp in Hill State" as the story's first camp.
        if let Some((kind, count)) = anaphor {
            let antecedents = self.antecedent_places(frame, kind, count);
            if !antecedents.is_empty() {
                return antecedents;
            }
        }
        // The object and the rest of the clause end at an earlier event told after "after" or
        // "before": "torched homes after an ambush on the Hill road" puts the road at the
        // ambush. Not so for a flight: people fled where it struck ("fled to Thailand after
        // shelling hit Hill Ridge").
        let next_trigger = self.trigger_spans.get(
            self.trigger_spans
                .partition_point(|t| t.start < frame.trigger.end),
        );
        let earlier_event = next_trigger
            .filter(|t| {
                let between = &self.lower[frame.trigger.end..t.start];
                rule.kind != EventKind::Displacement
                    && text::words(between).any(|w| w == "after" || w == "before")
            })
            .map_or(usize::MAX, |t| t.start);
        let object = Span::new(frame.trigger.start, frame.object_end.min(earlier_event));
        let rest = Span::new(
            object.end,
            frame.clause_end.min(earlier_event).max(object.end),
        );
        let contrast = self.contrast_start(frame);
        // A place inside a subject-place trigger stands before the rest of the subject: "the
        // MNDAA handed Lashio back to".
        let subject_end = match rule.place {
            PlaceSlot::Subject => frame.trigger.end,
            PlaceSlot::Object => frame.trigger.start,
        };
        let subject = Span::new(frame.subject_start.max(contrast), subject_end);
        // "Since the war in Gaza began, the group has attacked ships": a fronted clause's places
        // are not the main clause's.
        let main_start = self.rules.clauses.main_clause_after_fronted(
            self.lower,
            frame.sentence,
            frame.sentence.start,
        );
        let before = Span::new(
            main_start
                .filter(|&start| start <= frame.trigger.start)
                .unwrap_or(frame.sentence.start)
                .max(contrast),
            frame.trigger.start,
        );
        let order: [(Span, bool); 4] = match rule.place {
            PlaceSlot::Object => [
                (object, true),
                (rest, true),
                (subject, false),
                (before, false),
            ],
            PlaceSlot::Subject => [
                (subject, false),
                (before, false),
                (object, true),
                (rest, true),
            ],
        };
        let relative: Vec<Span> = self
            .clause_index
            .relative_clauses(frame.sentence)
            .copied()
            .collect();
        // A relative clause whose pronoun is its subject ("Moscow, which last week took over
        // Avdiivka") names its own trigger's places; in "Paletwa, which the AA took after
        // fighting near Kyaukme", "Bhamo, where the KIA took the airport", the antecedent is the
        // place.
        let own_clause = relative.iter().find(|r| {
            r.contains(frame.trigger)
                && self.lower[r.start..frame.trigger.start]
                    .trim_start_matches([',', ' '])
                    .split(' ')
                    .next()
                    .is_some_and(|pronoun| {
                        ClauseWords::has(&self.rules.clauses.words.subject_relatives, pronoun)
                    })
                && self
                    .actors_in(Span::new(r.start, frame.trigger.start))
                    .next()
                    .is_none()
        });
        let usable = |site: &&'a Site| {
            !relative
                .iter()
                .any(|r| r.contains(site.span) && Some(r) != own_clause)
                && !site.names_actor
                && !(rule.kind.happens_on_the_ground() && self.foreign_country_off_site(site))
                && !self.acting(&site.location.name)
                && !self.is_elsewhere(site, frame.sentence)
                && !self.rules.clauses.is_reference(
                    self.lower,
                    frame.sentence.start,
                    site.span.start,
                )
        };
        for (span, forward) in order {
            let own_sites = || self.sites_in(span).next().is_some();
            if span == subject && !own_sites() {
                // "People in both villages fled": a place anaphor in the subject.
                let subject_text = &self.lower[subject.start..subject.end];
                if let Some((kind, count)) = self
                    .rules
                    .clauses
                    .place_anaphor_after_preposition(subject_text)
                {
                    return self.antecedent_places(frame, kind, count);
                }
            }
            if span == object && !own_sites() && self.ends_with_place_adverb(frame) {
                // "seized the police station there": the last place named before.
                return self.antecedent_places(frame, AnaphorKind::Any, 1);
            }
            if span == object && !own_sites() {
                // "attacked troops in the area": a place anaphor in the object.
                if let Some(found) = self.anaphor_after_preposition(
                    frame,
                    Span::new(frame.trigger.end, frame.object_end.max(frame.trigger.end)),
                ) {
                    return found;
                }
            }
            let candidates: Vec<&'a Site> = self.sites_in(span).filter(usable).collect();
            let candidates = drop_countries_if_finer(drop_containers(candidates, |site| {
                self.opens_inclusion(site)
            }));
            if candidates.is_empty() {
                continue;
            }
            let mut run: Vec<&'a Site> = if forward {
                // The coordinated list that starts right after the trigger.
                let mut run = vec![candidates[0]];
                for pair in candidates.windows(2) {
                    if rule.first_place_only || !self.joins(pair[0], pair[1]) {
                        break;
                    }
                    run.push(pair[1]);
                }
                run
            } else {
                // The coordinated list that ends nearest the trigger ("people from Tsawlaw and
                // Chipwi have stayed away").
                let mut run = vec![candidates[candidates.len() - 1]];
                for pair in candidates.windows(2).rev() {
                    if rule.first_place_only || !self.joins(pair[0], pair[1]) {
                        break;
                    }
                    run.insert(0, pair[0]);
                }
                // "Bara, 60 km north of El Obeid on the road to Omdurman, fell": a place that
                // heads the subject, set off by a comma, is the subject; its apposition's
                // places only describe it.
                match candidates.first() {
                    Some(&head)
                        if span == subject
                            && run[0].span.start > head.span.start
                            && self.heads_subject(subject, head) =>
                    {
                        vec![head]
                    }
                    _ => run,
                }
            };
            if span == subject && !rule.first_place_only {
                // A subject break inside the list ("people from Tsawlaw and Chipwi"): the list
                // goes on before the subject.
                let earlier = Span::new(before.start, subject.start.max(before.start));
                for site in self.sites_in(earlier).rev().filter(usable) {
                    if !self.joins(site, run[0]) {
                        break;
                    }
                    run.insert(0, site);
                }
                run = drop_countries_if_finer(drop_containers(run, |site| {
                    self.opens_inclusion(site)
                }));
            }
            return self.without_locators(run);
        }
        // "repelled attempts to take villages in the region": a place anaphor after the object,
        // when the clause names no place.
        self.anaphor_after_preposition(frame, rest)
            .unwrap_or_default()
    }

    /// True for a country other than the article's main one, or its capital, that no locative
    /// preposition puts an act in ("air support from Russia", "Russia and Turkey brokered a
    /// truce", "Moscow is back on the offensive"): it acts or is a point of reference
    /// (`foreign_country_prepositions` in `clauses.toml`). A trigger's object is where the act
    /// was ("drones struck Russia").
    fn foreign_country_off_site(&self, site: &Site) -> bool {
        let country_or_capital = site.location.precision == Precision::Country
            || self
                .actors_in(site.span)
                .any(|m| m.how == MentionKind::Capital);
        let foreign =
            country_or_capital && self.focus.is_some() && site.location.country != self.focus;
        if !foreign {
            return false;
        }
        let clauses = &self.rules.clauses;
        let head = &self.lower[self.paragraph_start(site.span.start)..site.span.start];
        let located = clauses
            .without_place_descriptors(head)
            .into_iter()
            .any(|head| {
                let head = head.trim_end();
                text::words(head).next_back().is_some_and(|word| {
                    head.ends_with(word)
                        && ClauseWords::has(&clauses.words.foreign_country_prepositions, word)
                })
            });
        // "drones struck Russia": the object of a trigger is where it struck.
        let last_before = self
            .trigger_spans
            .partition_point(|t| t.end <= site.span.start)
            .checked_sub(1);
        let struck = last_before
            .and_then(|idx| self.trigger_spans.get(idx))
            .is_some_and(|t| {
                let gap = self.lower[t.end..site.span.start].trim();
                gap.is_empty() || clauses.is_determiner(gap)
            });
        !(located || struck)
    }

    /// True when the place anaphor opening the trigger's object names its own place right
    /// after it ("attacked the base in Dioura"): that place, not an antecedent, is the
    /// event's. Not a region that only locates the place referred to ("bombed the town in
    /// northern Shan State" is the town told before).
    fn anaphor_located(&self, frame: &Frame) -> bool {
        const MOST_GAP_WORDS: usize = 4;
        let object = Span::new(frame.trigger.end, frame.object_end.max(frame.trigger.end));
        self.sites_in(object).next().is_some_and(|site| {
            let gap: Vec<&str> = self.lower[frame.trigger.end..site.span.start]
                .split_whitespace()
                .collect();
            gap.len() <= MOST_GAP_WORDS
                && matches!(gap.last(), Some(&("in" | "near")))
                && site.location.precision < Precision::Admin1
        })
    }

    /// True when a place adverb ends the trigger's object ("seized the police station there").
    fn ends_with_place_adverb(&self, frame: &Frame) -> bool {
        let object = &self.lower[frame.trigger.end..frame.object_end.max(frame.trigger.end)];
        object
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|last| ClauseWords::has(&self.rules.clauses.words.place_adverbs, last))
    }

    /// The places a place anaphor after a preposition in `span` refers back to ("in the
    /// region").
    fn anaphor_after_preposition(&self, frame: &Frame, span: Span) -> Option<Vec<&'a Site>> {
        if span.end <= span.start {
            return None;
        }
        let (kind, count) = self
            .rules
            .clauses
            .place_anaphor_after_preposition(&self.lower[span.start..span.end])?;
        Some(self.antecedent_places(frame, kind, count))
    }

    /// True when an inclusion word follows `site`, at most list words between ("Hill
    /// Township, including the command"): the places it includes do not replace it.
    fn opens_inclusion(&self, site: &Site) -> bool {
        let words = &self.rules.clauses.words;
        self.lower[site.span.end..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .take(4)
            .take_while(|word| {
                ClauseWords::has(&words.inclusion_words, word)
                    || self.rules.clauses.is_list_word(word)
            })
            .any(|word| ClauseWords::has(&words.inclusion_words, word))
    }

    /// True when `second` goes on the list `first` is in: only list words between them, or a
    /// locating preposition after a facility ("the headquarters near Hill Ridge").
    fn joins(&self, first: &Site, second: &Site) -> bool {
        self.continues_list(first.span.end, second.span.start)
            || (first.facility
                && !second.facility
                && first.span.end <= second.span.start
                && self
                    .rules
                    .clauses
                    .locates(&self.lower[first.span.end..second.span.start]))
    }

    /// True when `site` opens `subject` (a determiner at most before it) and a comma follows
    /// it: the subject's head, with an apposition after it ("Bara, 60 km north of El Obeid,").
    fn heads_subject(&self, subject: Span, site: &Site) -> bool {
        let before = self.lower[subject.start..site.span.start].trim_matches([' ', ',']);
        let determiner = before.is_empty() || self.rules.clauses.is_determiner(before);
        determiner && self.lower[site.span.end..].starts_with(',')
    }

    /// `run`, a coordinated list of places, without the places that only locate another:
    /// the town after a facility ("the headquarters of Battalion 9 in the town of Hill
    /// Ridge"), a coarser place right after "in" ("Hill village in south Dale"), a place right
    /// after "on the" ("Hill Ridge on the Dale River"), the town that
    /// closes the list after a village and a comma ("Hill village, Dale town"), and a
    /// possessor ("Kyauktaw's Western Regional Headquarters").
    fn without_locators(&self, run: Vec<&'a Site>) -> Vec<&'a Site> {
        let mut keep = vec![true; run.len()];
        for (idx, pair) in run.windows(2).enumerate() {
            let between = self
                .lower
                .get(pair[0].span.end..pair[1].span.start)
                .unwrap_or("");
            let town_of_village = between == ", "
                && idx + 2 == run.len()
                && pair[0].location.precision == Precision::Point
                && pair[1].location.precision == Precision::Town;
            let mut words = between.split_whitespace();
            let coarser_after_in = words.next() == Some("in")
                && words.count() <= 1
                && pair[0].location.precision < pair[1].location.precision;
            // "Hill Ridge on the Dale River", also in an apposition: "Hill Ridge, a town on
            // the Dale River".
            let on_the_second = self.rules.clauses.places_on(between);
            if town_of_village
                || coarser_after_in
                || on_the_second
                || pair[0].facility && !pair[1].facility && self.rules.clauses.locates(between)
            {
                keep[idx + 1] = false;
            } else if matches!(between.trim(), "'s" | "’s") {
                keep[idx] = false;
            }
        }
        run.into_iter()
            .zip(keep)
            .filter_map(|(site, keep)| keep.then_some(site))
            .collect()
    }

    /// True when only list words, commas, brackets and time expressions lie between two places.
    fn continues_list(&self, from: usize, to: usize) -> bool {
        if to < from {
            return false;
        }
        let mut gap: Vec<u8> = self.lower.as_bytes()[from..to].to_vec();
        // A place inside the gap was left out of the list as a container ("A and B, both in
        // northern C, and D"): it does not end the list.
        let gap_sites = starting_in(self.sites, Span::new(from, to), |site| site.span)
            .iter()
            .map(|site| site.span);
        let blanked = self
            .doc
            .times
            .iter()
            .map(|t| t.span)
            .chain(
                self.clause_index
                    .relative_clauses(Span::new(from, to))
                    .copied(),
            )
            .chain(gap_sites);
        for span in blanked.filter(|span| span.start >= from && span.end <= to) {
            gap[span.start - from..span.end - from].fill(b' ');
        }
        let mut depth = 0usize;
        for byte in gap.iter_mut() {
            match *byte {
                b'(' | b'[' => {
                    depth += 1;
                    *byte = b' ';
                }
                b')' | b']' => {
                    depth = depth.saturating_sub(1);
                    *byte = b' ';
                }
                _ if depth > 0 => *byte = b' ',
                _ => {}
            }
        }
        self.blank_unknown_members(from, &mut gap);
        let gap = String::from_utf8_lossy(&gap);
        self.rules
            .clauses
            .continues_list(&self.without_appositive(&gap))
    }

    /// Blanks in `gap` (the lower-case bytes from `from`) each member of a list that is only a
    /// name the gazetteer lacks: one to three capitalised words between commas, after an
    /// optional "and" or "or" ("Bara, Sheikan, Rahad": Sheikan does not end the list).
    fn blank_unknown_members(&self, from: usize, gap: &mut [u8]) {
        const NAME_WORDS: usize = 3;
        let original = &self.text.as_bytes()[from..from + gap.len()];
        let mut start = 0;
        for segment in original.split(|&byte| byte == b',') {
            let end = start + segment.len();
            let text = String::from_utf8_lossy(segment);
            let words: Vec<&str> = text
                .split_whitespace()
                .skip_while(|word| matches!(*word, "and" | "or"))
                .collect();
            let is_name = (1..=NAME_WORDS).contains(&words.len())
                && words.iter().all(|word| {
                    word.starts_with(|c: char| c.is_uppercase())
                        && word
                            .chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
                });
            // A member inside the gap, not the text before the first comma or after the last.
            let inner = start > 0 && end < gap.len();
            if is_name && inner {
                gap[start..end].fill(b' ');
            }
            start = end + 1;
        }
    }

    /// `gap` without an appositive near its start ("Sadung town, the base of a command, and
    /// Laphai"): from the first comma, when only list words come before it and a determiner
    /// after it, to the next comma.
    fn without_appositive<'g>(&self, gap: &'g str) -> std::borrow::Cow<'g, str> {
        let Some((head, rest)) = gap.split_once(',') else {
            return gap.into();
        };
        let clauses = &self.rules.clauses;
        let opens = head
            .split_whitespace()
            .all(|word| clauses.is_list_word(word))
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|word| clauses.is_determiner(word));
        match rest.split_once(',') {
            Some((_, tail)) if opens => format!("{head},{tail}").into(),
            _ => gap.into(),
        }
    }

    /// The point of reference the object names when it names no place of its own ("the road
    /// north of Hill Ridge"): the nearest named place below a state, as event datasets code
    /// "near X".
    fn reference_place(&self, frame: &Frame) -> Option<&'a Site> {
        let sites: &'a [Site] = self.sites;
        let object = Span::new(frame.trigger.end, frame.object_end.max(frame.trigger.end));
        starting_in(sites, object, |s| s.span)
            .iter()
            .filter(|site| {
                object.contains(site.span) && site.location.precision < Precision::Admin1
            })
            .find(|site| {
                self.rules
                    .clauses
                    .is_reference(self.lower, frame.sentence.start, site.span.start)
            })
    }

    /// A place when the clause names none: where the last event of the last three sentences
    /// was, else the last sub-national site before the trigger outside relative clauses, unless
    /// that is background from an earlier paragraph (see [`Self::unless_background`]).
    fn fallback_place(&self, frame: &Frame) -> Option<&'a Site> {
        let sites: &'a [Site] = self.sites;
        // The events of this sentence and the two before it.
        let sentence_idx = self
            .doc
            .sentences
            .partition_point(|s| s.start < frame.sentence.start);
        let recent_start = self.doc.sentences[sentence_idx.saturating_sub(2)..]
            .first()
            .map_or(0, |s| s.start);
        let last_event_place = self
            .events
            .iter()
            .rev()
            .take_while(|e| e.evidence_start >= recent_start)
            .find_map(|e| e.location.as_ref());
        last_event_place
            .and_then(|place| {
                sites
                    .iter()
                    .rev()
                    .filter(|site| site.span.end <= frame.trigger.start)
                    .find(|site| fold_eq(&site.location.name, &place.name))
            })
            .or_else(|| {
                // Not across a contrast in the sentence: "A holds X, but B now controls most".
                let contrasted = self.contrast_start(frame) > frame.sentence.start;
                let probe = Frame {
                    trigger: Span::new(frame.sentence.start, frame.sentence.start),
                    ..*frame
                };
                self.antecedent_place(if contrasted { &probe } else { frame }, AnaphorKind::Any)
                    .map(|site| self.unless_background(site, frame))
            })
    }

    /// `site`, unless an earlier paragraph names it and no event so far took place there (a
    /// place told as background: "The town lies near the state capital, where the army has
    /// its command."): then the story's main place, the town or area (no facility) where most
    /// events so far took place; of places with as many, the one named first (the lead's).
    fn unless_background(&self, site: &'a Site, frame: &Frame) -> &'a Site {
        let events_at = |name: &str| {
            self.events
                .iter()
                .filter(|e| e.location.as_ref().is_some_and(|l| fold_eq(&l.name, name)))
                .count()
        };
        if site.span.start >= self.paragraph_start(frame.sentence.start)
            || events_at(&site.location.name) > 0
        {
            return site;
        }
        let mut main: Option<(&'a Site, usize)> = None;
        let named_before = self
            .sites
            .iter()
            .filter(|s| s.span.end <= frame.trigger.start);
        let area =
            |s: &&Site| !s.facility && !s.names_actor && s.location.precision != Precision::Country;
        for candidate in named_before.filter(area) {
            let count = events_at(&candidate.location.name);
            if count > 0 && main.is_none_or(|(_, c)| count > c) {
                main = Some((candidate, count));
            }
        }
        main.map(|(main, _)| main).unwrap_or(site)
    }

    /// Where the paragraph holding `at` starts.
    fn paragraph_start(&self, at: usize) -> usize {
        let after = self.paragraph_starts.partition_point(|&start| start <= at);
        self.paragraph_starts[after.saturating_sub(1)]
    }

    /// True when `site` is where people fled to or where fire came from: a destination or
    /// origin phrase stands before it, perhaps with words that name its sort between ("fled to
    /// the nearby town of Dale"), or before the place its list goes on from ("fled to Tawila
    /// and El Fasher", "shelled from bases in Dale and Hill Ridge"); or when a plain list of
    /// names ("A, B and C") goes on from a point of reference ("the road linking Loikaw,
    /// Demoso and Dale").
    fn is_elsewhere(&self, site: &Site, sentence: Span) -> bool {
        let words = &self.rules.clauses.words;
        let mut site = site;
        // Whether `site` is an earlier name of a plain list the given site closes.
        let mut listed = false;
        let mut plain_list = true;
        loop {
            let head = &self.lower[sentence.start..site.span.start];
            let elsewhere = self
                .rules
                .clauses
                .without_place_descriptors(head)
                .into_iter()
                .any(|head| {
                    text::ends_with_phrase(head, &words.destination_phrases)
                        || text::ends_with_phrase(head, &words.origin_phrases)
                });
            let listed_after_reference = listed
                && plain_list
                && self
                    .rules
                    .clauses
                    .is_reference(self.lower, sentence.start, site.span.start);
            if elsewhere || listed_after_reference {
                return true;
            }
            listed = true;
            let idx = self
                .sites
                .partition_point(|s| s.span.start < site.span.start);
            let Some(previous) = idx.checked_sub(1).map(|i| &self.sites[i]) else {
                return false;
            };
            // Sites may nest (a town inside a facility's name): only a place before counts.
            if previous.span.start < sentence.start
                || previous.span.end > site.span.start
                || !self
                    .rules
                    .clauses
                    .continues_list(&self.lower[previous.span.end..site.span.start])
            {
                return false;
            }
            let gap = self.lower[previous.span.end..site.span.start].trim();
            plain_list &= matches!(gap, "," | "and" | ", and" | "or" | ", or");
            site = previous;
        }
    }

    /// Where the clause after the last contrast before the trigger starts, else the sentence
    /// start: in "The junta still holds A and B, but the rebels now control C" the places
    /// before the contrast are the other clause's ("…, but that …" goes on with the same
    /// statement).
    fn contrast_start(&self, frame: &Frame) -> usize {
        let head = &self.lower[frame.sentence.start..frame.trigger.start];
        head.rfind(", but ")
            .map(|at| at + ", but ".len())
            .filter(|&after| !head[after..].starts_with("that "))
            .map_or(frame.sentence.start, |after| frame.sentence.start + after)
    }

    /// The last `count` distinct sites before the trigger of the sort an anaphor refers to
    /// ("both villages" are the last two villages named).
    fn antecedent_places(&self, frame: &Frame, kind: AnaphorKind, count: usize) -> Vec<&'a Site> {
        let mut found: Vec<&'a Site> = Vec::new();
        let mut before = frame.trigger.start;
        while found.len() < count {
            let probe = Frame {
                trigger: Span::new(before, before),
                ..*frame
            };
            let Some(site) = self.antecedent_place(&probe, kind) else {
                break;
            };
            before = site.span.start;
            if !found
                .iter()
                .any(|f| fold_eq(&f.location.name, &site.location.name))
            {
                found.insert(0, site);
            }
        }
        found
    }

    /// The last site before the trigger of the sort an anaphor refers to ("the town" is the
    /// last town named, "the command" the last facility), other than a point of reference
    /// ("40 km south of Hill Ridge") or a place in no country (a continent).
    fn antecedent_place(&self, frame: &Frame, kind: AnaphorKind) -> Option<&'a Site> {
        let sites: &'a [Site] = self.sites;
        let fits = |site: &Site| match kind {
            // A township named bare is its main town ("Buthidaung", which the gazetteer knows
            // only as a township), not one named as such ("Buthidaung Township").
            AnaphorKind::Town => {
                !site.facility
                    && (site.location.precision == Precision::Town
                        || site.location.precision == Precision::Township
                            && !self.lower[site.span.start..site.span.end].contains("township"))
            }
            AnaphorKind::Township => {
                site.location.precision == Precision::Township && !site.facility
            }
            AnaphorKind::Village => site.location.precision == Precision::Point && !site.facility,
            AnaphorKind::Facility => site.facility,
            AnaphorKind::Region => site.location.precision == Precision::Admin1,
            AnaphorKind::Any => site.location.precision != Precision::Country,
        };
        let relative: Vec<Span> = self
            .clause_index
            .relative_clauses(frame.sentence)
            .copied()
            .collect();
        let before = sites
            .iter()
            .rev()
            .filter(|site| {
                site.span.end <= frame.trigger.start
                    && !site.names_actor
                    && !self.acting(&site.location.name)
            })
            // A place in no country (a continent, "Radio Free Asia") is no event's place.
            .filter(|site| site.location.country.is_some())
            .filter(move |site| !relative.iter().any(|r| r.contains(site.span)))
            .filter(move |site| {
                !self.rules.clauses.is_reference(
                    self.lower,
                    self.doc.sentence_at(site.span.start).map_or(0, |s| s.start),
                    site.span.start,
                )
            });
        before.clone().find(|site| fits(site)).or_else(|| {
            before
                .clone()
                .find(|site| site.location.precision != Precision::Country)
        })
    }

    /// `date` ended at the story's last event when it is a "since" range up to publication in
    /// a clause the narrative tells in the past perfect ("The rebels took the port on Friday.
    /// They had been shelling it since 2 May": 2 May to Friday). Reported speech ("the group
    /// said 40 people had been killed since May") keeps publication, when the report is made.
    fn ended_by_story(&self, date: DateInterval, frame: &Frame) -> DateInterval {
        let (Some(published), Some((_, told))) = (self.doc.published(), self.told_date) else {
            return date;
        };
        let since_range = date.end == published
            && self.doc.times.iter().any(|m| {
                frame.sentence.contains(m.span)
                    && m.scope.is_some_and(|scope| {
                        scope.kind == ScopeKind::Since && scope.interval == date
                    })
            });
        if !since_range
            || told.end < date.start
            || told.end >= published
            || !self.cue_index.reporting_verbs(frame.sentence).is_empty()
        {
            return date;
        }
        let auxiliaries = &self.rules.clauses.words.past_perfect_auxiliaries;
        let clause = &self.lower[frame.subject_start.min(frame.trigger.start)..frame.trigger.start];
        let past_perfect = clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| ClauseWords::has(auxiliaries, word));
        if past_perfect {
            DateInterval {
                start: date.start,
                end: told.end,
                precision: DatePrecision::Range,
            }
        } else {
            date
        }
    }

    /// The date a sentence that gives none carries over from the story: the last event's in
    /// the same paragraph, else the last date the text gave. What a "since" clause modifies
    /// ("looting has gone on since the rebels entered") runs from that date to publication.
    fn carried_date(&self, frame: &Frame) -> Option<DateInterval> {
        let date = self
            .narrative_date(frame)
            .or_else(|| time::previous_date(self.text, &self.story_times, frame.sentence.start))?;
        let since =
            self.rules
                .clauses
                .modified_by_since_clause(self.lower, frame.sentence, frame.trigger);
        match self.doc.published() {
            Some(published) if since && date.start <= published && date.end < published => {
                Some(DateInterval {
                    start: date.start,
                    end: published,
                    precision: DatePrecision::Range,
                })
            }
            _ => Some(date),
        }
    }

    /// `date` as a sentence dated only by the story so far tells it: a day widens to its month
    /// when the sentence puts its events loosely after that day ("Villagers fled soon
    /// afterwards", "… soon afterwards, as residents said at the time"). A date of the
    /// sentence's own ("On 3 May, soon after the rebels crossed, …") keeps it exact.
    fn loosened(&self, date: DateInterval, sentence: Span) -> DateInterval {
        let own_date = self
            .doc
            .times
            .iter()
            .any(|m| sentence.contains(m.span) && m.interval.is_some() && !m.refers_back);
        if date.precision != DatePrecision::Day
            || own_date
            || !self
                .sentence_cues
                .says_vague_sequel(&self.rules.clauses, self.lower, sentence)
        {
            return date;
        }
        DateInterval::month_of(date.start)
    }

    /// The date of the last event in the same paragraph, for a sentence that gives none.
    fn narrative_date(&self, frame: &Frame) -> Option<DateInterval> {
        let paragraph_start = self.paragraph_start(frame.sentence.start);
        self.told_date
            .filter(|&(start, _)| start >= paragraph_start)
            .map(|(_, date)| date)
    }

    /// The last actor named in `span` that `keep` keeps, or the one it qualifies: "the TNLA of
    /// the Brotherhood Alliance said" is the TNLA's word.
    fn head_of_last_actor(
        &self,
        span: Span,
        keep: impl Fn(&ActorMention) -> bool,
    ) -> Option<&ActorMention> {
        let mut named = self.actors_in(span).filter(|m| keep(m)).rev();
        let last = named.next()?;
        // A name, not a generic word that refers back ("the rebels of the TNLA"); "the Ta'ang
        // National Liberation Army (TNLA) of the ...": its abbreviation last.
        let qualified = named.next().filter(|before| {
            let gap = self
                .lower
                .get(before.span.end..last.span.start)
                .unwrap_or("")
                .trim_start_matches(|c: char| c == ')' || c.is_whitespace());
            matches!(before.how, MentionKind::Name | MentionKind::Defined)
                && matches!(gap.trim_end(), "of the" | "of")
        });
        Some(qualified.unwrap_or(last))
    }

    /// The party the sentence quotes or reports: an armed or governing actor just before a
    /// reporting verb ("the AA said", "KIA spokesman Naw Bu said") or after "according to".
    /// A passive verb has no speaker before it ("the KIA was reported to have seized").
    fn speaker(&self, sentence: Span) -> Option<Speaker> {
        for &verb in self.cue_index.reporting_verbs(sentence) {
            // "“We took the base,” said Ali Musa": a verb right after a quotation has its
            // speaker after it.
            let after_quote = self.text[sentence.start..verb.span.start]
                .trim_end()
                .ends_with(['”', '"']);
            let side = if after_quote {
                SpeakerSide::After
            } else {
                verb.speaker
            };
            match side {
                SpeakerSide::After => {
                    let reach_end = self
                        .lower
                        .floor_char_boundary((verb.span.end + 40).min(sentence.end));
                    let head_end = self.lower[verb.span.end..reach_end]
                        .find(',')
                        .map_or(reach_end, |comma| verb.span.end + comma);
                    let head = Span::new(verb.span.end, head_end);
                    if self.has_neutral_speaker(head) {
                        continue;
                    }
                    let named = self
                        .actors_in(head)
                        .next()
                        .or_else(|| self.appositive_actor(head_end, sentence));
                    if let Some(m) = named {
                        return Some(m.actor.clone())
                            .filter(|a| self.is_party(a))
                            .map(|party| Speaker { party, verb });
                    }
                }
                SpeakerSide::Before => {
                    if self.after_passive_auxiliary(verb.span.start) {
                        continue;
                    }
                    let window_start = self
                        .lower
                        .floor_char_boundary(verb.span.start.saturating_sub(60))
                        .max(sentence.start);
                    let window = Span::new(window_start, verb.span.start);
                    if self.has_neutral_speaker(window) {
                        continue;
                    }
                    // "The militants who fought the army there claimed ...": the head the
                    // relative clause follows speaks.
                    let head = self
                        .actors_in(Span::new(sentence.start, verb.span.start))
                        .find(|m| {
                            m.kind.is_armed()
                                && self.relative_follows(m.span.end)
                                && !self.lower[m.span.end..verb.span.start].contains([',', ';'])
                        });
                    if let Some(m) = head
                        .or_else(|| self.head_of_last_actor(window, |_| true))
                        .filter(|m| self.is_party(&m.actor))
                    {
                        return Some(Speaker {
                            party: m.actor.clone(),
                            verb,
                        });
                    }
                }
            }
        }
        None
    }

    /// The actor of a short appositive that follows a speaker's name at the comma `comma`
    /// ("said Ali Musa, al Shabaab's spokesman"): at most six words up to the next comma or the
    /// sentence end.
    fn appositive_actor(&self, comma: usize, sentence: Span) -> Option<&ActorMention> {
        if !self.lower[comma..sentence.end].starts_with(',') {
            return None;
        }
        let rest = &self.lower[comma + 1..sentence.end];
        let end = comma + 1 + rest.find([',', ';']).unwrap_or(rest.len());
        let appositive = Span::new(comma + 1, end);
        if self.lower[comma + 1..end].split_whitespace().count() > 6
            || self.has_neutral_speaker(appositive)
        {
            return None;
        }
        self.actors_in(appositive).next()
    }

    /// The party quoted by a quotation that runs on past `sentence`: the speaker of the
    /// sentence that closes it, when its reporting verb follows the closing quote ("“We took
    /// the base. We burned the trucks,” the group's spokesman said").
    fn quotation_speaker(&self, sentence: Span) -> Option<Speaker> {
        // A quotation runs over a few sentences: the search stays within QUOTE_REACH bytes, so
        // a long paragraph with an unclosed quote costs no more than a short one.
        let paragraph = self.paragraph_start(sentence.start).max(
            self.text
                .floor_char_boundary(sentence.start.saturating_sub(QUOTE_REACH)),
        );
        let own = &self.text[sentence.start..sentence.end];
        let body = if own.trim_start().starts_with(['“', '"']) {
            // Past the sentence's own opening quote.
            let quote = own.find(['“', '"'])?;
            sentence.start + quote + own[quote..].chars().next()?.len_utf8()
        } else if quote_open(&self.text[paragraph..sentence.start]) {
            sentence.start
        } else {
            return None;
        };
        let reach = self
            .text
            .floor_char_boundary((body + QUOTE_REACH).min(self.text.len()));
        let close = body + self.text[body..reach].find(['”', '"'])?;
        if self.text[sentence.start..close].contains('\n') {
            return None;
        }
        let closing = self.doc.sentence_at(close)?;
        if closing == sentence {
            return None;
        }
        self.speaker(closing)
            .filter(|speaker| speaker.verb.span.start > close)
    }

    /// Whether a neutral speaker ("residents", "sources") stands inside `span` that no party
    /// owns: "a KIA source" and "junta media" speak for their party, "local sources" and "a
    /// military source" (of either side) do not; nor is "local" in "the local PDF" neutral.
    fn has_neutral_speaker(&self, span: Span) -> bool {
        self.cue_index.neutral_speakers(span).any(|found| {
            let from = self
                .lower
                .floor_char_boundary(found.start.saturating_sub(40))
                .max(span.start);
            let owner = self
                .actors_in(Span::new(from, found.start))
                .last()
                .filter(|m| {
                    self.is_party(&m.actor)
                        && !self
                            .rules
                            .modality
                            .is_descriptive_owner(m.span.slice(self.lower))
                });
            // The party's name right before the speaker, or one word before it ("KIA front-line
            // sources", "MNDAA-run media"), but not joined to it ("the KIA and residents").
            !owner.is_some_and(|m| {
                let gap = &self.lower[m.span.end..found.start];
                gap.split_whitespace().count() <= 1
                    && !gap.contains([',', ';', '(', ')'])
                    && !self
                        .rules
                        .clauses
                        .words
                        .coordinators
                        .iter()
                        .any(|c| text::find_word(gap, c).is_some())
            }) && !self.party_named_right_after(found.end, span.end)
        })
    }

    /// Whether a party's name follows byte `at` right away, before `end`: "local" in "the
    /// local PDF said" qualifies the party that speaks ("local authorities" stay neutral).
    fn party_named_right_after(&self, at: usize, end: usize) -> bool {
        self.actors_in(Span::new(at, end)).next().is_some_and(|m| {
            matches!(m.how, MentionKind::Name | MentionKind::Defined)
                && self.is_party(&m.actor)
                && self.lower[at..m.span.start].trim().is_empty()
        })
    }

    /// Whether the word before `at` is a passive auxiliary ("was" in "was reported to").
    fn after_passive_auxiliary(&self, at: usize) -> bool {
        self.lower[..at]
            .split_whitespace()
            .next_back()
            .is_some_and(|word| {
                ClauseWords::has(&self.rules.clauses.words.passive_auxiliaries, word)
            })
    }

    fn is_party(&self, actor: &ActorId) -> bool {
        self.actors.kind_of(actor).is_armed()
    }

    /// Whether the reporting verb of `speaker` reports the event at `trigger`: not across a
    /// new clause ("the M23 announced a truce; fighting resumed"), nor from a clause of its
    /// own after the trigger ("China sealed the border and reopened it after the group
    /// declared a ceasefire").
    fn reports(&self, speaker: &Speaker, trigger: Span) -> bool {
        let verb = speaker.verb;
        if verb.span.end <= trigger.start {
            return !self
                .rules
                .modality
                .ends_report(&self.text[verb.span.end..trigger.start]);
        }
        if verb.span.start < trigger.end {
            // The verb is part of the trigger ("announced a ceasefire").
            return true;
        }
        if self
            .rules
            .modality
            .ends_report(&self.text[trigger.end..verb.span.start])
        {
            return false;
        }
        if verb.speaker == SpeakerSide::After {
            return true;
        }
        let phrase_start = self.lower[trigger.end..verb.span.start]
            .rfind(',')
            .map_or(trigger.end, |comma| trigger.end + comma);
        !self.lower[phrase_start..verb.span.start]
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| ClauseWords::has(&self.rules.clauses.words.fronted_subordinators, word))
    }

    fn modality(&self, frame: &Frame, rule: &Rule, speaker: Option<&Speaker>) -> Modality {
        // "the group would \"take the city when the time is right\"": a quotation opened
        // inside a clause goes on with it.
        let before = self.text[frame.sentence.start..frame.subject_start].trim_end();
        let clause_start = match before.strip_suffix(['"', '“']) {
            Some(head) if !head.trim_end().ends_with([',', ':']) && !head.trim().is_empty() => self
                .clause_index
                .subject_start(frame.sentence, frame.sentence.start + head.len()),
            _ => frame.subject_start,
        };
        self.rules
            .modality
            .cue(
                self.cue_index,
                self.text,
                clause_start,
                frame.sentence,
                frame.trigger,
            )
            // "declared they would launch operations to avenge him": a threat states what is to
            // come; the threat itself is made.
            .filter(|cue| !(*cue == Modality::Planned && rule.intent_is_content))
            // "the junta announced a new ceasefire": a public act is no one side's claim, also
            // where no one is said to have stated it ("it was announced that ...").
            .filter(|cue| !(*cue == Modality::Claimed && rule.public_act))
            .unwrap_or(
                if speaker.is_some_and(|s| self.reports(s, frame.trigger)) && !rule.public_act {
                    Modality::Claimed
                } else {
                    Modality::Asserted
                },
            )
    }

    /// Deaths the sentence gives: a number before "killed", "dead", "died" or after "killing"
    /// or "has killed".
    fn fatalities(&self, sentence: Span) -> Option<u32> {
        let clause = &self.lower[sentence.start..sentence.end];
        if !self.rules.clauses.may_count_deaths(clause) {
            return None;
        }
        let words: Vec<&str> = clause.split_whitespace().collect();
        let bare: Vec<&str> = words
            .iter()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let words_list = &self.rules.clauses.words;
        for (idx, word) in bare.iter().enumerate() {
            let number_after = words_list.dead_counted_after(&bare, idx);
            if !number_after && !ClauseWords::has(&words_list.deaths_after_number, word) {
                continue;
            }
            let candidates: Vec<&str> = if number_after {
                words[idx + 1..].iter().take(3).copied().collect()
            } else {
                words[idx.saturating_sub(5)..idx]
                    .iter()
                    .rev()
                    .copied()
                    .collect()
            };
            // "broke out in 2023 and has killed thousands": a date's year is no toll.
            let year_of_date = |word: &str| {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                word.len() == 4
                    && word.bytes().all(|b| b.is_ascii_digit())
                    && self.doc.times.iter().any(|m| {
                        sentence.contains(m.span) && m.span.slice(self.text).ends_with(word)
                    })
            };
            if let Some(number) = candidates
                .iter()
                .filter(|w| !year_of_date(w))
                .find_map(|w| parse_number(w))
            {
                return Some(number);
            }
        }
        None
    }
}

fn confidence(has_agent: bool, has_place: bool) -> f32 {
    let mut confidence = 0.9;
    if !has_agent {
        confidence -= 0.2;
    }
    if !has_place {
        confidence -= 0.2;
    }
    confidence
}

/// Drops sites that contain another site of the list ("Bhamo and Mansi townships in Kachin
/// State"), except those that `includes` the others ("Hill Township, including the camp"),
/// and repeated names.
fn drop_containers<'s>(sites: Vec<&'s Site>, includes: impl Fn(&Site) -> bool) -> Vec<&'s Site> {
    let mut kept: Vec<&Site> = Vec::new();
    for site in &sites {
        if !includes(site)
            && sites
                .iter()
                .any(|other| site.location.contains(&other.location))
        {
            continue;
        }
        if kept
            .iter()
            .any(|k| fold_eq(&k.location.name, &site.location.name))
        {
            continue;
        }
        kept.push(site);
    }
    kept
}

/// Drops country-wide sites when the list also names places within a country ("seized two
/// towns in Kachin State, close to the frontier with China").
fn drop_countries_if_finer(sites: Vec<&Site>) -> Vec<&Site> {
    if sites
        .iter()
        .all(|s| s.location.precision == Precision::Country)
    {
        return sites;
    }
    sites
        .into_iter()
        .filter(|s| s.location.precision != Precision::Country)
        .collect()
}

fn same_place(a: Option<&Location>, b: Option<&Location>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => fold_eq(&a.name, &b.name),
        (None, None) => true,
        _ => false,
    }
}

/// A set of spans that tells, by binary search, whether one of them holds a given span.
struct SpanCover {
    /// The spans' starts, in order.
    starts: Vec<usize>,
    /// For each start, the furthest end of the spans up to it.
    furthest_ends: Vec<usize>,
}

impl SpanCover {
    fn new(spans: impl Iterator<Item = Span>) -> SpanCover {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_by_key(|span| span.start);
        let mut furthest = 0;
        let furthest_ends = spans
            .iter()
            .map(|span| {
                furthest = furthest.max(span.end);
                furthest
            })
            .collect();
        SpanCover {
            starts: spans.iter().map(|span| span.start).collect(),
            furthest_ends,
        }
    }

    /// True when one of the spans starts at or before `span` and ends at or after it.
    fn covers(&self, span: Span) -> bool {
        let before = self.starts.partition_point(|&start| start <= span.start);
        before > 0 && self.furthest_ends[before - 1] >= span.end
    }
}

/// The time expressions of `times` that stand in no relative clause.
fn outside_relative_clauses<'a>(
    times: &'a [TimeMention],
    clauses: &ClauseIndex,
) -> Cow<'a, [TimeMention]> {
    let inside = |mention: &TimeMention| clauses.in_relative_clause(mention.span);
    if !times.iter().any(inside) {
        return Cow::Borrowed(times);
    }
    Cow::Owned(times.iter().filter(|m| !inside(m)).cloned().collect())
}

/// Where the accusation verbs ("accuse", "blame") stand in `lower`, in order.
fn accusations(lower: &str, verbs: &[String]) -> Vec<Span> {
    let mut verbs: Vec<Span> = verbs
        .iter()
        .flat_map(|verb| {
            crate::text::occurrences(lower, verb).map(|at| Span::new(at, at + verb.len()))
        })
        .collect();
    verbs.sort();
    verbs
}

/// The byte offset where the `n`th word after `from` ends.
fn nth_word_end(text: &str, from: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (idx, ch) in text[from..].char_indices() {
        if ch.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return from + idx;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// How far, in bytes, a quotation is followed before and after a sentence.
const QUOTE_REACH: usize = 2000;

/// The fewest dead that make a count a war's toll rather than one attack's: no single raid,
/// massacre or strike in the news kills ten thousand people.
pub(super) const TOLL_MINIMUM: u32 = 10_000;

/// Whether a quotation opened in `text` is still open at its end: more curly opening quotes
/// than closing ones, or an odd number of straight ones.
fn quote_open(text: &str) -> bool {
    let count = |quote: char| text.chars().filter(|&c| c == quote).count();
    count('“') > count('”') || count('"') % 2 == 1
}

/// A count written in digits or words ("31", "1,000", "ten").
pub(super) fn parse_number(word: &str) -> Option<u32> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if let Ok(n) = word.replace(',', "").parse::<u32>() {
        return Some(n);
    }
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    WORDS.iter().position(|w| *w == word).map(|n| n as u32)
}
