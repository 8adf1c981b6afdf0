/*!
Clause boundaries and word positions: the shallow syntax the role rules need.

Compiled from `resources/events/clauses.toml`: what separates clauses (for finding a
trigger's subject and object), which words make an actor or place the object of a
preposition, which words to skip before a name, and which words turn a place into a point
of reference ("40 miles from Lweje").
*/

use std::cell::RefCell;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, MatchKind, StartKind,
};
use serde::Deserialize;

use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;
use crate::text;

const CLAUSES: &str = "events/clauses.toml";

/// `clauses.toml` as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseFile {
    subject_breaks: Vec<String>,
    object_breaks: Vec<String>,
    listing_breaks: Vec<String>,
    not_breaks: Vec<String>,
    pair_openers: Vec<String>,
    prepositions: Vec<String>,
    determiners: Vec<String>,
    reference_words: Vec<String>,
    anaphoric_determiners: Vec<String>,
    list_words: Vec<String>,
    relative_openers: Vec<String>,
    place_anaphors: BTreeMap<String, AnaphorKind>,
    words: ClauseWords,
}

/// Closed word lists the role rules read (the `[words]` table of `clauses.toml`), lower case.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWords {
    /// Pronouns that stand as a clause's subject ("it", "they").
    pub subject_pronouns: Vec<String>,
    /// Pronouns that stand as an object ("them").
    pub object_pronouns: Vec<String>,
    /// Verb stems that blame an actor for an event ("accused them of torching homes").
    pub accusation_verbs: Vec<String>,
    /// Words that open a fronted clause; a pronoun subject there is the main clause's subject.
    pub fronted_subordinators: Vec<String>,
    /// Prepositions after a facility that name where it is ("Battalion 9 in Hill Ridge").
    pub locating_prepositions: Vec<String>,
    /// Prepositions between two places that make the second only locate the first ("Hill
    /// Ridge on the Dale River").
    pub place_locating_prepositions: Vec<String>,
    /// Phrases before a place that name a part of it ("in the east of Hill State").
    pub part_phrases: Vec<String>,
    /// Words after a place that open a list of places inside it ("every post in Hill
    /// Township, including the command"): the place is an event's place beside them.
    pub inclusion_words: Vec<String>,
    /// Phrases before a place that name where people fled to ("fled to Thailand"): no place
    /// of the event, nor a point of reference.
    pub destination_phrases: Vec<String>,
    /// Phrases before a place that name where fire or aircraft came from ("shelled the
    /// village from bases in Dale"): no place of the event, nor a point of reference.
    pub origin_phrases: Vec<String>,
    /// Prepositions before a country other than the article's main one that put an act there
    /// ("strikes in Syria", "rockets fired into Israel"): named any other way ("air support from
    /// Russia", "Russia and Turkey brokered a truce", "the border with Mali") such a country
    /// acts or is a point of reference, no place where anything happened on the ground.
    pub foreign_country_prepositions: Vec<String>,
    /// Words that may name the sort of place between a reference word and the place ("north
    /// of the state capital Hill Ridge", "west of the city of Dale").
    pub place_descriptors: Vec<String>,
    /// Adverbs that stand for a place named before when they end a clause ("seized the
    /// police station there").
    pub place_adverbs: Vec<String>,
    /// Phrases that say an event goes on up to the time of writing ("still going on").
    pub continuation_cues: Vec<String>,
    /// Auxiliaries of the past perfect ("had"): a "since" range in such a clause ends at the
    /// story's last event.
    pub past_perfect_auxiliaries: Vec<String>,
    /// Words that open a clause dating what the clause it modifies tells from then on ("since
    /// the town fell").
    pub since_subordinators: Vec<String>,
    /// Perfect auxiliaries with "since" that make the verb right after them go on up to the
    /// time of writing ("it has since driven …").
    pub continuing_perfect: Vec<String>,
    /// Phrases that put what a sentence tells loosely after the date it carries ("soon
    /// afterwards").
    pub vague_sequels: Vec<String>,
    /// Words right before a noun trigger that make it scene-setting ("amid clashes").
    pub scene_words: Vec<String>,
    /// Words after a back-referring trigger that bring in its actor ("the attack by ...").
    pub actor_phrase_words: Vec<String>,
    /// Verbs right after a back-referring trigger that make it the subject of a sentence placing
    /// it in time: no actor or date after them is its own ("the attack came hours after the
    /// rebels took the town").
    pub sequel_verbs: Vec<String>,
    /// Words that, between a back-referring determiner and a trigger noun, only describe the
    /// event told ("this cowardly attack", "the morning assault"), unless a place follows.
    pub describing_words: Vec<String>,
    /// Words opening an object that names one to three targets only by their sort ("seized a
    /// town", "took two outposts"): the event may be a summary a later sentence tells by name.
    pub indefinite_determiners: Vec<String>,
    /// Participles of harm that, opening the phrase after an attack's object, tell what the
    /// attackers did to whom ("raided A and B, shooting residents"): civilians named there
    /// make the attack one on civilians.
    pub harm_participles: Vec<String>,
    /// Phrases right after a noun trigger that name who did it, as "by" does ("drone strikes
    /// blamed on the RSF").
    pub blame_markers: Vec<String>,
    /// Heads of a subject that flies: an attack verb after one tells an air strike ("the air
    /// force struck the village").
    pub aircraft_subjects: Vec<String>,
    /// Heads of a subject the text does not identify: the event has no agent ("Gunmen
    /// attacked the village").
    pub unidentified_agents: Vec<String>,
    /// Verbs of casualties: before "in" or "by" and a noun trigger, they make the subject the
    /// event's victims ("soldiers were killed in a raid").
    pub casualty_verbs: Vec<String>,
    /// Verbs of exposure: before "under" and a noun trigger, they make the subject the event's
    /// target ("the post came under attack").
    pub exposure_verbs: Vec<String>,
    /// Verbs of defence: right before a noun trigger, at most three plain words between, they
    /// make the subject the event's target ("troops repelled an attack on the base").
    pub defence_verbs: Vec<String>,
    /// Existential openers: right before a noun trigger, at most three plain words between,
    /// the clause names no agent ("police said there were abductions").
    pub existential_openers: Vec<String>,
    /// Nouns of people: the passive subject of a capture that names one and no post tells of
    /// people taken prisoner, no place taken ("200 soldiers were captured").
    pub captive_nouns: Vec<String>,
    /// Nouns of goods: taken like captives, they are loot, no place ("took 1.7 million kyat
    /// from the monastery").
    pub loot_nouns: Vec<String>,
    /// Nouns of military posts: a civilian target word right before one names the post, not
    /// civilians ("the village base").
    pub military_heads: Vec<String>,
    /// Verbs of the arms trade: a weapon named right after one is traded, not used
    /// ("supplying long-range missiles").
    pub arms_transfer_verbs: Vec<String>,
    /// Words of interception: a weapon trigger after one was stopped, not used ("shot down").
    pub interception_verbs: Vec<String>,
    /// Verbs of launching or using: a strike trigger a few words after one, whose subject
    /// names an armed actor, is that actor's ("the RSF launched drones").
    pub launch_verbs: Vec<String>,
    /// Natural disasters and illnesses: as a clause's subject, with no armed actor in it, they
    /// make its trigger no conflict event ("the earthquake killed 3,000 people").
    pub natural_causes: Vec<String>,
    /// Marks of a turn to something else before a trigger ("while", "elsewhere", ";"): what
    /// the sentence told before them did not cause it.
    pub contrast_marks: Vec<String>,
    /// Tactics no state uses, as phrases: one in a clause's subject or trigger ("a suicide
    /// bomber") makes a state found as the agent the side attacked, and the group it fights the
    /// attacker.
    pub non_state_tactics: Vec<String>,
    /// Words before a trigger noun that make its event hypothetical ("any attack").
    pub hypothetical_determiners: Vec<String>,
    /// Words before a trigger noun that point vaguely to events told nowhere ("other attacks").
    pub vague_determiners: Vec<String>,
    /// Adverbs right before a trigger that make it a habit ("often clash").
    pub habitual_adverbs: Vec<String>,
    /// Openings of a present progressive relative clause right before a trigger ("whose
    /// forces are fighting"): a description of a party, no one event.
    pub descriptive_relatives: Vec<String>,
    /// Phrases of a lasting state since a date ("in turmoil since"): triggers after one in
    /// its sentence tell no one event.
    pub standing_states: Vec<String>,
    /// Words that open a clause whose subject a gerund trigger may be ("said taking the town
    /// would lift morale"), besides the sentence's start.
    pub gerund_subject_openers: Vec<String>,
    /// Modal verbs whose subject a gerund trigger and its object are ("taking the town would
    /// lift morale"): such a gerund names an event only weighed.
    pub gerund_subject_verbs: Vec<String>,
    /// Predicates of a trigger noun that tell a trend or a run of events going on, not one
    /// event ("attacks on convoys have been on the rise", "attacks have continued").
    pub trend_predicates: Vec<String>,
    /// Predicates of a trigger noun that judge what it names, telling no one event ("the
    /// shelling of villages amounts to war crimes").
    pub judging_predicates: Vec<String>,
    /// Words right after a trend predicate that make it one event going on ("has continued
    /// for a third day", "have continued into a second week").
    pub ongoing_markers: Vec<String>,
    /// Wars as a whole: as the head of a clause's subject they tell a toll over the war, not
    /// one event ("the war, which began in 2023, has killed tens of thousands").
    pub war_nouns: Vec<String>,
    /// Participles that do not end in "-ed" or "-en" ("overrun", "hit").
    pub irregular_participles: Vec<String>,
    /// Auxiliaries that make a participle passive ("was", "been").
    pub passive_auxiliaries: Vec<String>,
    /// Words after a number of dead ("12 killed", "five dead").
    pub deaths_after_number: Vec<String>,
    /// Words before a number of dead ("killing 12").
    pub deaths_before_number: Vec<String>,
    /// Auxiliaries that, right before a word of `deaths_after_number`, make the number of dead
    /// follow it ("has killed 20,000").
    pub active_perfect_auxiliaries: Vec<String>,
    /// Vague quantities that count the dead of a whole war ("thousands have been killed").
    pub toll_quantities: Vec<String>,
    /// Nouns whose "of X" names who they belong to, so X acts ("fighters of the KIA attacked").
    pub owner_heads: Vec<String>,
    /// Prepositions after an owner head that name the owner ("of", "from": "gunmen from the
    /// ISWAP").
    pub owner_prepositions: Vec<String>,
    /// Words that join an actor to an ally ("the KIA and allied PDF fighters").
    pub coordinators: Vec<String>,
    /// Words that open a complement clause ("reports that ..."): its subject is not the
    /// sentence's.
    pub complementizers: Vec<String>,
    /// Words right before an actor that make it an ally, not the one acted on ("fought
    /// alongside the TNLA").
    pub ally_markers: Vec<String>,
    /// Words in a clause's subject right before an actor that make it the one who acts
    /// ("forces led by the TNLA attacked").
    pub leader_markers: Vec<String>,
    /// Verbs of opposing that take a party as object, besides the triggers ("insurgents
    /// battling the junta"): the party after one is no subject.
    pub opposing_verbs: Vec<String>,
    /// Military ranks as titles, counted when capitalised ("detained Brigadier General Zaw
    /// Win"): the person belongs to the side the agent fights.
    pub rank_titles: Vec<String>,
    /// Military posts, counted in any case ("warned the commander").
    pub rank_posts: Vec<String>,
    /// Relative pronouns whose noun right after is the antecedent's ("whose offensive").
    pub possessive_relatives: Vec<String>,
    /// Relative pronouns that stand as their clause's subject ("the Alliance, which launched").
    pub subject_relatives: Vec<String>,
    /// Words after a duration that put what follows that long before the sentence's date
    /// ("three days after the rebels took the bridge").
    pub offset_after: Vec<String>,
    /// Words after a duration that put what follows that long after it ("a week before").
    pub offset_before: Vec<String>,
    /// Pronouns that stand for a party, not a person ("it", "they").
    pub party_pronouns: Vec<String>,
    /// Pronouns that stand for one party ("it"): they cannot refer to "20 soldiers".
    pub singular_pronouns: Vec<String>,
    /// First-person subject pronouns ("we"): in a quotation, the quoted speaker's party.
    pub first_person_pronouns: Vec<String>,
    /// First-person possessives ("our"): right before a noun trigger ("hit by our mortar
    /// fire"), in a quotation, the quoted speaker's party did it.
    pub first_person_possessives: Vec<String>,
    /// Nouns for the other side as a speaker sees it ("the enemy shelled our trenches"): as
    /// the subject, the side the speaker's party fights.
    pub enemy_nouns: Vec<String>,
    /// Auxiliaries and adverbs that may stand between a subject and its verb ("it had also").
    pub verb_helpers: Vec<String>,
}

impl ClauseWords {
    /// True when `word` is in `list`.
    pub fn has(list: &[String], word: &str) -> bool {
        list.iter().any(|w| w == word)
    }

    /// True when the number of dead follows `words[idx]` (words without punctuation): "killing
    /// 12", or an active perfect, "the fighting has killed more than 20,000".
    pub fn dead_counted_after(&self, words: &[&str], idx: usize) -> bool {
        let word = words[idx];
        Self::has(&self.deaths_before_number, word)
            || Self::has(&self.deaths_after_number, word)
                && idx.checked_sub(1).is_some_and(|before| {
                    Self::has(&self.active_perfect_auxiliaries, words[before])
                })
    }
}

/// The sort of place a place anaphor refers back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnaphorKind {
    /// A town or city.
    Town,
    /// A township or district.
    Township,
    /// A village.
    Village,
    /// A base, camp, command or other facility.
    Facility,
    /// A state, region or province: a country's first-level division.
    Region,
    /// Any place within a country.
    Any,
}

/// The compiled clause rules.
#[derive(Clone, Debug)]
pub struct ClauseRules {
    /// Every break, phrase that is no break and relative opener, in one automaton.
    breaks: AhoCorasick,
    /// What each pattern of `breaks` is.
    break_kinds: Vec<BreakKind>,
    /// The continuation cues of `words`, matched as written.
    continuation_cues: AhoCorasick,
    /// The vague sequels of `words`, matched as written.
    vague_sequels: AhoCorasick,
    /// The words of `words` that count deaths, matched as written.
    death_words: AhoCorasick,
    /// The phrases of `place_anaphors`, matched as written.
    anaphor_finder: AhoCorasick,
    /// The trend and judging predicates of `words`, matched as written.
    predicate_finder: AhoCorasick,
    prepositions: Vec<String>,
    determiners: Vec<String>,
    /// The reference words, each spelled backwards, as anchored prefixes: a text ends with
    /// one when its end read backwards starts with one.
    reference_words_reversed: AhoCorasick,
    /// The longest reference word, in bytes.
    longest_reference_word: usize,
    anaphoric_determiners: Vec<String>,
    list_words: Vec<String>,
    place_anaphors: Vec<(String, AnaphorKind)>,
    /// The words of each of `words.continuing_perfect`, last first.
    continuing_perfect_reversed: Vec<Vec<String>>,
    /// Closed word lists the role rules read.
    pub words: ClauseWords,
}

/// What the sentence-wide cues say of the sentences of one document, each sentence read once
/// however many of its triggers ask.
#[derive(Debug, Default)]
pub struct SentenceCues {
    continuing: RefCell<HashMap<Span, bool>>,
    vague_sequel: RefCell<HashMap<Span, bool>>,
}

impl SentenceCues {
    /// [`ClauseRules::says_continuing`] of a sentence of the (lower-case) document.
    pub fn says_continuing(&self, rules: &ClauseRules, lower: &str, sentence: Span) -> bool {
        remembered(&self.continuing, sentence, || {
            rules.says_continuing(sentence.slice(lower))
        })
    }

    /// [`ClauseRules::says_vague_sequel`] of a sentence of the (lower-case) document.
    pub fn says_vague_sequel(&self, rules: &ClauseRules, lower: &str, sentence: Span) -> bool {
        remembered(&self.vague_sequel, sentence, || {
            rules.says_vague_sequel(sentence.slice(lower))
        })
    }
}

/// What `memo` holds for `sentence`, read and kept the first time.
fn remembered(
    memo: &RefCell<HashMap<Span, bool>>,
    sentence: Span,
    read: impl FnOnce() -> bool,
) -> bool {
    if let Some(&known) = memo.borrow().get(&sentence) {
        return known;
    }
    let says = read();
    memo.borrow_mut().insert(sentence, says);
    says
}

/// Where a document's clauses break, found once per document.
#[derive(Clone, Debug, Default)]
pub struct ClauseIndex {
    /// Ends of subject breaks, sorted.
    subject_break_ends: Vec<usize>,
    /// Starts of object breaks, sorted.
    object_break_starts: Vec<usize>,
    /// Starts of the object breaks that may open a list of the object's members, sorted.
    listing_break_starts: Vec<usize>,
    /// Relative clauses, from their opener to the next comma, sorted by start.
    relative: Vec<Span>,
}

/// What a phrase of the break automaton marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BreakKind {
    /// Ends the clause a subject is looked for in.
    Subject,
    /// Ends a trigger's object.
    Object,
    /// Ends an object and may open a list of its members.
    Listing,
    /// A phrase whose breaks inside are no breaks.
    NotBreak,
    /// Opens a pair whose first "and" joins its two members ("between X and Y").
    PairOpener,
    /// Opens a relative clause.
    RelativeOpener,
}

/// The most words of the noun an apposition gives a place before a locating preposition ("a
/// border town on the Dale River").
const MAX_APPOSITIVE_NOUN_WORDS: usize = 2;

/// The longest reference word allowed, in bytes.
const MAX_REFERENCE_WORD_BYTES: usize = 64;

/// A dateline's dash starts before this byte of its sentence.
const DATELINE_DASH_BEFORE: usize = 40;

/// True when `mention` stands in an apposition that an actor opens and a comma closes before
/// `upto` ("the MNDAA, a TNLA ally, has seized", "the Allied Democratic Forces (ADF), an
/// Islamic State-linked group, killed"): it describes that actor, who is the subject.
/// `actor_ends_at` tells whether an actor's name ends at a byte.
pub fn in_closed_apposition(
    lower: &str,
    sentence_start: usize,
    mention: Span,
    upto: usize,
    actor_ends_at: impl Fn(usize) -> bool,
) -> bool {
    // An apposition's opener stands a few words before the actor it holds.
    const OPENER_REACH: usize = 40;
    let from = lower.floor_char_boundary(
        mention
            .start
            .saturating_sub(OPENER_REACH)
            .max(sentence_start),
    );
    let Some(before) = lower.get(from..mention.start) else {
        return false;
    };
    let Some(comma) = before.rfind(", ") else {
        return false;
    };
    let opener = &before[comma + ", ".len()..];
    // "the Allied Democratic Forces (ADF), an …": the name may end inside a bracket.
    let bracket = usize::from(before[..comma].ends_with(')'));
    matches!(opener.split(' ').next(), Some("a" | "an" | "the"))
        && (actor_ends_at(from + comma) || actor_ends_at(from + comma - bracket))
        && lower
            .get(mention.end..upto)
            .is_some_and(|gap| gap.contains(','))
}

/// Where the body of a (lower-case) sentence starts, after a dateline ("TOWN — "), and its
/// first word.
fn opening_word(lower: &str, sentence: Span) -> (usize, &str) {
    const DASH: &[u8] = " — ".as_bytes();
    let text = &lower[sentence.start..sentence.end];
    // The dash opens with a space: wherever it starts is a char boundary.
    let body = text.as_bytes()[..text.len().min(DATELINE_DASH_BEFORE - 1 + DASH.len())]
        .windows(DASH.len())
        .position(|window| window == DASH)
        .map_or(0, |idx| idx + DASH.len());
    let first = text[body..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (sentence.start + body, first)
}

/// Where a relative clause that opens at `from` ends: at the next comma, full stop, semicolon
/// or line break, but for one inside a number ("2,000", "3.5").
fn clause_end(lower: &str, from: usize) -> usize {
    let bytes = lower.as_bytes();
    let in_number = |at: usize| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    };
    lower[from..]
        .match_indices([',', '.', ';', '\n'])
        .map(|(idx, _)| from + idx)
        .find(|&at| !in_number(at))
        .unwrap_or(lower.len())
}

/// One automaton over the phrases of every kind: the document is read once, not once per kind.
fn break_automaton(
    lists: [(&[String], BreakKind); 6],
) -> Result<(AhoCorasick, Vec<BreakKind>), ResourceError> {
    let (phrases, kinds): (Vec<&String>, Vec<BreakKind>) = lists
        .iter()
        .flat_map(|(words, kind)| words.iter().map(move |word| (word, *kind)))
        .unzip();
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(phrases)
        .map_err(|err| ResourceError::new(CLAUSES, err.to_string()))?;
    Ok((automaton, kinds))
}

/// Longest pair member, in bytes: "between the Kachin Independence Army and" fits.
const MAX_PAIR_MEMBER_BYTES: usize = 80;

/// Where the " and " joining a pair's members starts, when it follows `opener_end` closely
/// with no punctuation between ("between the KIA and the junta broke out").
fn pair_and(lower: &str, opener_end: usize) -> Option<usize> {
    let window = &lower[opener_end..lower.floor_char_boundary(opener_end + MAX_PAIR_MEMBER_BYTES)];
    let and = window.find(" and ")?;
    (!window[..and].contains([',', ';', '.', ':'])).then_some(opener_end + and)
}

/// An automaton over `words` as written (the text it reads is lower case already).
fn exact_automaton<'w>(
    words: impl Iterator<Item = &'w String>,
) -> Result<AhoCorasick, ResourceError> {
    AhoCorasick::new(words).map_err(|err| ResourceError::new(CLAUSES, err.to_string()))
}

impl ClauseRules {
    /// Reads `resources/events/clauses.toml`.
    pub fn load(files: &ResourceFiles) -> Result<ClauseRules, ResourceError> {
        let mut file: ClauseFile = toml::from_str(files.text(CLAUSES)?)
            .map_err(|err| ResourceError::new(CLAUSES, err.to_string()))?;
        for list in [
            &mut file.subject_breaks,
            &mut file.object_breaks,
            &mut file.listing_breaks,
            &mut file.not_breaks,
            &mut file.pair_openers,
            &mut file.prepositions,
            &mut file.determiners,
            &mut file.reference_words,
            &mut file.anaphoric_determiners,
            &mut file.list_words,
            &mut file.relative_openers,
        ] {
            list.iter_mut().for_each(|word| *word = word.to_lowercase());
        }
        let (breaks, break_kinds) = break_automaton([
            (&file.subject_breaks, BreakKind::Subject),
            (&file.object_breaks, BreakKind::Object),
            (&file.listing_breaks, BreakKind::Listing),
            (&file.not_breaks, BreakKind::NotBreak),
            (&file.pair_openers, BreakKind::PairOpener),
            (&file.relative_openers, BreakKind::RelativeOpener),
        ])?;
        let continuation_cues = exact_automaton(file.words.continuation_cues.iter())?;
        let vague_sequels = exact_automaton(file.words.vague_sequels.iter())?;
        let death_words = exact_automaton(
            file.words
                .deaths_after_number
                .iter()
                .chain(&file.words.deaths_before_number),
        )?;
        let place_anaphors: Vec<(String, AnaphorKind)> = file
            .place_anaphors
            .into_iter()
            .map(|(phrase, kind)| (phrase.to_lowercase(), kind))
            .collect();
        let anaphor_finder = exact_automaton(place_anaphors.iter().map(|(phrase, _)| phrase))?;
        let predicate_finder = exact_automaton(
            file.words
                .trend_predicates
                .iter()
                .chain(&file.words.judging_predicates),
        )?;
        let reference_words_reversed = AhoCorasickBuilder::new()
            .start_kind(StartKind::Anchored)
            .build(file.reference_words.iter().map(|word| {
                let mut bytes = word.as_bytes().to_vec();
                bytes.reverse();
                bytes
            }))
            .map_err(|err| ResourceError::new(CLAUSES, err.to_string()))?;
        let longest_reference_word = file.reference_words.iter().map(String::len).max();
        if longest_reference_word.is_some_and(|len| len > MAX_REFERENCE_WORD_BYTES) {
            return Err(ResourceError::new(
                CLAUSES,
                format!("a reference word is longer than {MAX_REFERENCE_WORD_BYTES} bytes"),
            ));
        }
        let continuing_perfect_reversed = file
            .words
            .continuing_perfect
            .iter()
            .map(|cue| cue.split_whitespace().rev().map(str::to_string).collect())
            .collect();
        Ok(ClauseRules {
            breaks,
            break_kinds,
            continuation_cues,
            vague_sequels,
            death_words,
            anaphor_finder,
            predicate_finder,
            prepositions: file.prepositions,
            determiners: file.determiners,
            reference_words_reversed,
            longest_reference_word: longest_reference_word.unwrap_or(0),
            anaphoric_determiners: file.anaphoric_determiners,
            list_words: file.list_words,
            place_anaphors,
            continuing_perfect_reversed,
            words: file.words,
        })
    }

    /// Finds the clause breaks and relative clauses of a (lower-cased) document.
    pub fn index(&self, lower: &str) -> ClauseIndex {
        let mut found: Vec<(BreakKind, Span)> = self
            .breaks
            .find_overlapping_iter(lower)
            .map(|m| {
                (
                    self.break_kinds[m.pattern().as_usize()],
                    Span::new(m.start(), m.end()),
                )
            })
            .collect();
        let not_breaks: Vec<Span> = found
            .iter()
            .filter(|(kind, _)| *kind == BreakKind::NotBreak)
            .map(|(_, span)| *span)
            .collect();
        let pair_ands: Vec<usize> = found
            .iter()
            .filter(|(kind, _)| *kind == BreakKind::PairOpener)
            .filter_map(|(_, opener)| pair_and(lower, opener.end))
            .collect();
        found.retain(|(kind, span)| {
            *kind == BreakKind::RelativeOpener
                || !(not_breaks.iter().any(|not| not.contains(*span))
                    || pair_ands.contains(&span.start))
        });
        let breaks = |wanted: BreakKind, edge: fn(Span) -> usize| -> Vec<usize> {
            let mut edges: Vec<usize> = found
                .iter()
                .filter(|(kind, _)| *kind == wanted)
                .map(|(_, span)| edge(*span))
                .collect();
            edges.sort_unstable();
            edges
        };
        let subject_break_ends = breaks(BreakKind::Subject, |span| span.end);
        let object_break_starts = breaks(BreakKind::Object, |span| span.start);
        let listing_break_starts = breaks(BreakKind::Listing, |span| span.start);
        let mut relative: Vec<Span> = found
            .iter()
            .filter(|(kind, _)| *kind == BreakKind::RelativeOpener)
            .map(|(_, opener)| Span::new(opener.start, clause_end(lower, opener.end)))
            .collect();
        relative.sort_unstable();
        ClauseIndex {
            subject_break_ends,
            object_break_starts,
            listing_break_starts,
            relative,
        }
    }

    /// The word before `start`, skipping determiners ("from the allied KIA" → "from"),
    /// trimmed of punctuation; with the byte offset where the word itself starts and where the
    /// text before `start` ends but for spaces (after any punctuation: "attacked," ends after
    /// the comma).
    pub fn word_before<'t>(
        &self,
        lower: &'t str,
        floor: usize,
        start: usize,
    ) -> (&'t str, usize, usize) {
        let mut end = start;
        loop {
            let head = lower[floor..end].trim_end();
            let token_start = crate::text::after_last(head, char::is_whitespace);
            let token = &head[token_start..];
            let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            if word.is_empty() || !self.determiners.iter().any(|d| d == word) {
                let word_start = floor
                    + token_start
                    + (token.len()
                        - token
                            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                            .len());
                return (word, word_start, floor + head.len());
            }
            end = floor + token_start;
        }
    }

    /// True for a determiner ("the", "its").
    pub fn is_determiner(&self, word: &str) -> bool {
        self.determiners.iter().any(|d| d == word)
    }

    /// True for a preposition ("on", "in", "with").
    pub fn is_preposition(&self, word: &str) -> bool {
        self.prepositions.iter().any(|p| p == word)
    }

    /// True when the trigger at `start` is a noun that refers back to an event already told
    /// ("the attack came without warning").
    pub fn refers_back(&self, lower: &str, floor: usize, start: usize) -> bool {
        text::ends_with_phrase(&lower[floor..start], &self.anaphoric_determiners)
    }

    /// True when the trigger at `start` tells no one event: a hypothetical one ("warned that
    /// any offensive would be met with force"), vague ones ("follows other air attacks"), a
    /// habit ("often clash there", "have regularly been shelling", "clashes frequently
    /// occurred"), a trend ("attacks have been on the rise"), a judgement ("the shelling of
    /// homes amounts to war crimes"), a party described ("whose
    /// forces are fighting") or years of war summed up ("has been in turmoil since the coup,
    /// with attacks by ..."), or one only weighed, told by a gerund heading its clause's
    /// subject ("said taking the city would lift morale"). `object_end` is where the trigger's
    /// object ends.
    pub fn tells_no_one_event(
        &self,
        text: &str,
        lower: &str,
        floor: usize,
        trigger: Span,
        object_end: usize,
    ) -> bool {
        let head = &lower[floor..trigger.start];
        let words = &self.words;
        // The predicate of the trigger noun, after its object ("attacks on convoys have been
        // on the rise"), before a comma or the object's end.
        let rest = &lower[trigger.end..object_end.max(trigger.end)];
        let predicate = &rest[..rest.find([',', ';', ':', '.']).unwrap_or(rest.len())];
        // "attacks have continued for a third day" tell one event going on.
        let one_event_goes_on = |after: &str| {
            text::words(after)
                .next()
                .is_some_and(|word| ClauseWords::has(&words.ongoing_markers, word))
        };
        // A trend ("attacks have been on the rise") or a judgement ("the shelling of homes
        // amounts to war crimes") tells no one event.
        let weighed = self
            .predicate_finder
            .find_overlapping_iter(predicate)
            .any(|m| {
                text::on_word_boundaries(predicate, m.start(), m.end())
                    && !one_event_goes_on(&predicate[m.end()..])
            });
        if weighed {
            return true;
        }
        [
            &words.hypothetical_determiners,
            &words.vague_determiners,
            &words.habitual_adverbs,
            &words.descriptive_relatives,
        ]
        .into_iter()
        .any(|list| text::ends_with_phrase(head, list))
            || self.habitual(lower, head, trigger.end)
            || words
                .standing_states
                .iter()
                .any(|state| head.contains(state.as_str()))
            || self.gerund_subject(text, lower, head, trigger)
    }

    /// True when the trigger is a gerund opening its clause, and a modal verb follows its
    /// object within a few words, with no comma between: "taking the town would lift morale".
    fn gerund_subject(&self, text: &str, lower: &str, head: &str, trigger: Span) -> bool {
        const OBJECT_WORDS: usize = 6;
        let words = &self.words;
        let gerund = trigger.slice(lower).split_whitespace().next().unwrap_or("");
        let head = head.trim_end();
        let opens_clause = head.is_empty()
            || text::words(head).next_back().is_some_and(|last| {
                head.ends_with(last) && ClauseWords::has(&words.gerund_subject_openers, last)
            });
        if !gerund.ends_with("ing") || !opens_clause {
            return false;
        }
        let rest = &lower[trigger.end..];
        let clause = &rest[..rest.find([',', ';', '.', ':']).unwrap_or(rest.len())];
        let mut after = clause.split_whitespace();
        // A verb's gerund takes an object, a name or a noun after a determiner ("taking Bhamo",
        // "seizing the town"); a noun in -ing does not ("fighting around the town").
        let object_start = trigger.end + clause.len() - clause.trim_start().len();
        let names = text[object_start..].starts_with(char::is_uppercase);
        after
            .next()
            .is_some_and(|object| names || self.is_determiner(object))
            && after
                .take(OBJECT_WORDS)
                .any(|word| ClauseWords::has(&words.gerund_subject_verbs, word))
    }

    /// True when a habitual adverb stands before the trigger with only auxiliaries between
    /// ("have regularly been shelling") or right after it ("clashes frequently occurred").
    fn habitual(&self, lower: &str, head: &str, trigger_end: usize) -> bool {
        let words = &self.words;
        let mut before = head.trim_end();
        while let Some(word) = text::words(before).next_back() {
            if !before.ends_with(word) || !ClauseWords::has(&words.verb_helpers, word) {
                break;
            }
            before = before[..before.len() - word.len()].trim_end();
        }
        let next_word = lower[trigger_end..]
            .strip_prefix(' ')
            .and_then(|after| text::words(after).next().filter(|w| after.starts_with(w)));
        text::ends_with_phrase(before, &words.habitual_adverbs)
            || next_word.is_some_and(|word| ClauseWords::has(&words.habitual_adverbs, word))
    }

    /// Where the main clause starts when the sentence opens with a fronted subordinate clause
    /// that holds `position` ("Since they crossed the river, the rebels ..."): just after the
    /// clause's comma. A dateline ("TOWN — ") before the subordinator is skipped.
    pub fn main_clause_after_fronted(
        &self,
        lower: &str,
        sentence: Span,
        position: usize,
    ) -> Option<usize> {
        let (body, first) = opening_word(lower, sentence);
        if !self.words.fronted_subordinators.iter().any(|s| s == first) {
            return None;
        }
        let comma = body + lower[body..sentence.end].find(", ")?;
        (position < comma).then_some(comma + ", ".len())
    }

    /// True when the trigger at `trigger` heads the clause that a "since" clause of its
    /// sentence modifies: "since" stands after it with no clause break between ("a massacre
    /// had taken place since the town fell"), or opens the sentence and the trigger follows
    /// the comma that closes that clause ("Since the law came in, thousands have fled").
    pub fn modified_by_since_clause(&self, lower: &str, sentence: Span, trigger: Span) -> bool {
        let is_since = |word: &str| self.words.since_subordinators.iter().any(|s| s == word);
        let (_, first) = opening_word(lower, sentence);
        if is_since(first) {
            return self
                .main_clause_after_fronted(lower, sentence, sentence.start)
                .is_some_and(|main| trigger.start >= main);
        }
        let after = &lower[trigger.end.min(sentence.end)..sentence.end];
        let clause_end = after
            .find([',', ';', ':', '—', '('])
            .unwrap_or(after.len())
            .min(after.find(" and ").unwrap_or(after.len()));
        after[..clause_end]
            .split(|c: char| !c.is_alphanumeric())
            .any(is_since)
    }

    /// True when the name at `start` follows a preposition ("clashed with government troops").
    pub fn after_preposition(&self, lower: &str, floor: usize, start: usize) -> bool {
        let (word, _, _) = self.word_before(lower, floor, start);
        self.prepositions.iter().any(|p| p == word)
    }

    /// True when the name at `start` follows an owner preposition after a noun it owns ("the
    /// chairman of the Union", "gunmen from the KIA"): the owner, not a preposition's object.
    pub fn owns_the_noun_before(&self, lower: &str, floor: usize, start: usize) -> bool {
        let (word, word_start, _) = self.word_before(lower, floor, start);
        if !ClauseWords::has(&self.words.owner_prepositions, word) {
            return false;
        }
        let (head, _, _) = self.word_before(lower, floor, word_start);
        ClauseWords::has(&self.words.owner_heads, head)
    }

    /// True when a (lower-case) sentence says its event goes on ("were still going on today").
    pub fn says_continuing(&self, sentence: &str) -> bool {
        self.continuation_cues
            .find_overlapping_iter(sentence)
            .any(|m| crate::text::on_word_boundaries(sentence, m.start(), m.end()))
    }

    /// True when the verb at `trigger` of a (lower-case) document follows a continuing perfect
    /// ("it has since driven …"), with at most one adverb between ("have since also taken").
    pub fn continues_from_perfect(&self, lower: &str, sentence: Span, trigger: usize) -> bool {
        // Only the last words can hold a cue: the longest cue and the one word that may follow.
        let reach = self
            .continuing_perfect_reversed
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            + 1;
        let before: Vec<&str> = lower[sentence.start..trigger]
            .split_whitespace()
            .rev()
            .take(reach)
            .collect();
        self.continuing_perfect_reversed.iter().any(|cue| {
            (0..=1).any(|skip| {
                before
                    .get(skip..skip + cue.len())
                    .is_some_and(|words| words == cue.as_slice())
            })
        })
    }

    /// True when a (lower-case) sentence tells what it tells only loosely after the date it
    /// carries over ("soon afterwards").
    pub fn says_vague_sequel(&self, sentence: &str) -> bool {
        self.vague_sequels
            .find_overlapping_iter(sentence)
            .any(|m| crate::text::on_word_boundaries(sentence, m.start(), m.end()))
    }

    /// False when a (lower-case) sentence holds none of the words that count deaths ("killed",
    /// "killing"), not even inside a word: then no word of it need be looked at.
    pub fn may_count_deaths(&self, sentence: &str) -> bool {
        self.death_words.is_match(sentence)
    }

    /// True for a word that may stand between the places of one list ("and", "town").
    pub fn is_list_word(&self, word: &str) -> bool {
        ClauseWords::has(&self.list_words, word)
    }

    /// True when the gap between a facility and a place says where the facility is ("in the
    /// town of", "base near"): list words only, a locating preposition among them, and before
    /// it only what may end the facility's name ("base", "camp").
    pub fn locates(&self, gap: &str) -> bool {
        let words: Vec<&str> = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .collect();
        let is_preposition =
            |word: &&str| self.words.locating_prepositions.iter().any(|p| p == word);
        let is_list_word = |word: &&str| self.is_list_word(word);
        let Some(at) = words.iter().position(is_preposition) else {
            return false;
        };
        words[..at].iter().all(is_list_word) && words[at + 1..].iter().all(is_list_word)
    }

    /// True when the gap between two places puts the first on the second ("on the", also in
    /// an apposition: ", a town on the"): the second only locates the first.
    pub fn places_on(&self, gap: &str) -> bool {
        let words: Vec<&str> = gap.split_whitespace().collect();
        let locating =
            |word: &&str| ClauseWords::has(&self.words.place_locating_prepositions, word);
        let appositive = words.first() == Some(&",") && matches!(words.get(1), Some(&("a" | "an")));
        let preposition_at = if appositive {
            words
                .iter()
                .skip(2)
                .take(MAX_APPOSITIVE_NOUN_WORDS + 1)
                .position(locating)
                .map(|at| at + 2)
        } else {
            Some(0).filter(|_| words.first().is_some_and(locating))
        };
        preposition_at.is_some_and(|at| words[at + 1..].iter().all(|word| *word == "the"))
    }

    /// True when the text between two places of a list holds only list words and commas
    /// (time expressions and brackets already blanked out by the caller).
    pub fn continues_list(&self, gap: &str) -> bool {
        gap.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|word| !word.is_empty())
            .all(|word| self.list_words.iter().any(|w| w == word))
    }

    /// The place anaphor ("the town", "both villages") at the start of `rest` (lower case),
    /// if one stands there and is not followed by "of" ("the town of Lweje" names its
    /// place), with the number of places it refers to.
    pub fn place_anaphor(&self, rest: &str) -> Option<(AnaphorKind, usize)> {
        let rest = rest.trim_start();
        let (phrase, kind) = self
            .place_anaphors
            .iter()
            .find(|(p, _)| rest.starts_with(p.as_str()))?;
        let after = rest[phrase.len()..].trim_start();
        let whole_word = !rest[phrase.len()..].starts_with(|c: char| c.is_alphanumeric());
        let count = if phrase.starts_with("both ") || phrase.starts_with("the two ") {
            2
        } else {
            1
        };
        (whole_word && !after.starts_with("of ")).then_some((*kind, count))
    }

    /// The last place anaphor in `text` (lower case) that follows a preposition ("people in
    /// both villages", "residents of the town"), with the number of places it refers to.
    pub fn place_anaphor_after_preposition(&self, text: &str) -> Option<(AnaphorKind, usize)> {
        // An anaphor is read only where one of its phrases starts (after any spaces): those
        // places are found in one pass, and tried from the last, as a walk back would.
        let mut phrase_starts: Vec<usize> = self
            .anaphor_finder
            .find_overlapping_iter(text)
            .map(|m| m.start())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        phrase_starts.sort_unstable();
        phrase_starts.dedup();
        let mut tried_from = text.len();
        for &phrase_start in phrase_starts.iter().rev() {
            let spaces_start = text[..phrase_start].trim_end().len();
            let word_starts = (spaces_start..=phrase_start.min(tried_from.saturating_sub(1)))
                .rev()
                .filter(|&idx| idx < tried_from && text.is_char_boundary(idx))
                .filter(|&idx| idx == 0 || text[..idx].ends_with(' '));
            for idx in word_starts {
                let word = text[..idx].split_whitespace().next_back().unwrap_or("");
                if let Some(found) = self
                    .is_preposition(word)
                    .then(|| self.place_anaphor(&text[idx..]))
                    .flatten()
                {
                    return Some(found);
                }
            }
            tried_from = tried_from.min(spaces_start);
        }
        None
    }

    /// True when `head` ends with one of the reference words.
    fn ends_with_reference_word(&self, head: &str) -> bool {
        let mut backwards = [0; MAX_REFERENCE_WORD_BYTES];
        let n = head.len().min(self.longest_reference_word);
        for (to, from) in backwards
            .iter_mut()
            .zip(head.as_bytes()[head.len() - n..].iter().rev())
        {
            *to = *from;
        }
        let input = aho_corasick::Input::new(&backwards[..n]).anchored(Anchored::Yes);
        self.reference_words_reversed.find(input).is_some()
    }

    /// True when the place at `start` is a point of reference ("40 miles from Lweje"), not a
    /// part of it ("in the east of Hill State"), also after a short appositive ("closer to the
    /// state capital, Sittwe") or an owner ("in front of the army's Battalion 9").
    pub fn is_reference(&self, lower: &str, floor: usize, start: usize) -> bool {
        let head = lower[floor..start].trim_end();
        if text::ends_with_phrase(head, &self.words.part_phrases) {
            return false;
        }
        let before_appositive = head.strip_suffix(',').and_then(|phrase| {
            phrase
                .rfind("the ")
                .filter(|&at| phrase[at..].split_whitespace().count() <= 4)
                .map(|at| &phrase[..at])
        });
        // "in front of the army's Battalion 9": the owner stands between.
        let before_owner = head
            .rsplit_once(' ')
            .filter(|(_, owner)| owner.ends_with("'s") || owner.ends_with("’s"))
            .map(|(rest, _)| rest.strip_suffix(" the").unwrap_or(rest));
        [Some(head), before_appositive, before_owner]
            .into_iter()
            .flatten()
            .flat_map(|head| self.without_place_descriptors(head))
            .any(|head| {
                let head = head.trim_end();
                let head = head.strip_suffix("the").map_or(head, str::trim_end);
                let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
                self.ends_with_reference_word(head)
            })
    }

    /// `head`, then `head` less each of up to six place descriptors that end it ("north of
    /// the city of", "north of the city", "north of the").
    pub fn without_place_descriptors<'h>(&self, head: &'h str) -> Vec<&'h str> {
        let mut heads = vec![head];
        let mut rest = head.trim_end();
        for _ in 0..6 {
            let Some((before, last)) = rest.rsplit_once(' ') else {
                break;
            };
            if !ClauseWords::has(&self.words.place_descriptors, last) {
                break;
            }
            rest = before.trim_end();
            heads.push(rest);
        }
        heads
    }
}

impl ClauseIndex {
    /// Where the subject search for a trigger at `trigger_start` begins: after the last
    /// subject break between the sentence start and the trigger.
    pub fn subject_start(&self, sentence: Span, trigger_start: usize) -> usize {
        let idx = self
            .subject_break_ends
            .partition_point(|&end| end <= trigger_start);
        self.subject_break_ends[..idx]
            .last()
            .copied()
            .filter(|&end| end >= sentence.start)
            .unwrap_or(sentence.start)
    }

    /// Where the object of a trigger ending at `trigger_end` ends: the first object break at or
    /// after it, or the sentence end.
    pub fn object_end(&self, sentence: Span, trigger_end: usize) -> usize {
        let idx = self
            .object_break_starts
            .partition_point(|&start| start < trigger_end);
        self.object_break_starts
            .get(idx)
            .copied()
            .filter(|&start| start < sentence.end)
            .unwrap_or(sentence.end)
    }

    /// True when an object break that may open a list of the object's members starts at
    /// `offset` ("took three townships — Mrauk-U, Minbya and Kyauktaw").
    pub fn is_listing_break(&self, offset: usize) -> bool {
        self.listing_break_starts.binary_search(&offset).is_ok()
    }

    /// Whether `span` stands inside a relative clause.
    pub fn in_relative_clause(&self, span: Span) -> bool {
        let before = self.relative.partition_point(|r| r.start <= span.start);
        self.relative[..before].iter().any(|r| r.contains(span))
    }

    /// The relative clauses inside `span`.
    pub fn relative_clauses(&self, span: Span) -> impl Iterator<Item = &Span> {
        let from = self.relative.partition_point(|r| r.start < span.start);
        self.relative[from..]
            .iter()
            .take_while(move |r| r.start < span.end)
            .filter(move |r| r.end <= span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> ClauseRules {
        ClauseRules::load(&ResourceFiles::embedded()).unwrap()
    }

    #[test]
    fn clause_bounds() {
        let text = "residents said the rebels attacked the base, killing two, and fled.";
        let lower = text.to_lowercase();
        let sentence = Span::new(0, text.len());
        let trigger = text.find("attacked").unwrap();
        let index = rules().index(&lower);
        assert_eq!(
            &text[index.subject_start(sentence, trigger)..trigger],
            "the rebels "
        );
        let object_end = index.object_end(sentence, trigger + "attacked".len());
        assert_eq!(&text[trigger..object_end], "attacked the base");
    }

    #[test]
    fn prepositions_and_references() {
        let text = "They clashed with the allied troops 40 miles from the town of Hill.";
        let lower = text.to_lowercase();
        assert!(rules().after_preposition(&lower, 0, text.find("troops").unwrap()));
        assert!(!rules().after_preposition(&lower, 0, text.find("clashed").unwrap()));
        assert!(rules().is_reference(&lower, 0, text.find("town").unwrap()));
        assert!(!rules().is_reference(&lower, 0, text.find("troops").unwrap()));
        let text =
            "the push brought the rebels closer to the state capital, hill ridge, and to the sea.";
        assert!(rules().is_reference(text, 0, text.find("hill").unwrap()));
        let text = "the posts stand in front of the army's battalion 9.";
        assert!(rules().is_reference(text, 0, text.find("battalion").unwrap()));
        let text = "the rebels attacked the state capital, hill ridge.";
        assert!(!rules().is_reference(text, 0, text.find("hill").unwrap()));
        let text = "the rebels took a camp at dale, 30 km north of the state capital hill ridge.";
        assert!(rules().is_reference(text, 0, text.find("hill").unwrap()));
        assert!(!rules().is_reference(text, 0, text.find("dale").unwrap()));
        // A part of a place is no reference to it.
        let text = "the rebels raided villages in the east of hill state.";
        assert!(!rules().is_reference(text, 0, text.find("hill").unwrap()));
        let text = "jets bombed a camp some 50 miles west of the city of hill ridge.";
        assert!(rules().is_reference(text, 0, text.find("hill").unwrap()));
        let text = "the rebels took hill ridge, the capital of lake state, after besieging it.";
        assert!(rules().is_reference(text, 0, text.find("lake").unwrap()));
        assert!(!rules().is_reference(text, 0, text.find("hill").unwrap()));
    }

    #[test]
    fn listing_breaks_and_phrases_that_are_no_break() {
        let text = "the rebels took two towns — hill and dale, as well as the port, as planned.";
        let index = rules().index(text);
        let sentence = Span::new(0, text.len());
        let dash = index.object_end(sentence, text.find("took").unwrap() + 4);
        assert_eq!(&text[dash..dash + 5], " — ");
        assert!(index.is_listing_break(dash));
        // ", as well as" does not end the object; ", as planned" does.
        let next = index.object_end(sentence, dash + 1);
        assert_eq!(&text[next..], ", as planned.");
        assert!(!index.is_listing_break(next));
    }

    #[test]
    fn the_and_of_a_pair_breaks_no_clause() {
        let text = "fighting between the rebels and the junta broke out in hill ridge, and the junta fled.";
        let index = rules().index(text);
        let sentence = Span::new(0, text.len());
        let end = index.object_end(sentence, "fighting".len());
        assert_eq!(&text[end..], ", and the junta fled.");
        // Punctuation before the "and" ends the pair: "between the hills, and the junta".
        let text = "fighting raged between the hills, and the junta fled to hill ridge.";
        let sentence = Span::new(0, text.len());
        let end = rules().index(text).object_end(sentence, "fighting".len());
        assert_eq!(&text[end..], ", and the junta fled to hill ridge.");
    }
    #[test]
    fn place_anaphors_after_a_preposition() {
        let rules = rules();
        assert_eq!(
            rules.place_anaphor_after_preposition("people in both villages "),
            Some((AnaphorKind::Village, 2))
        );
        assert_eq!(
            rules.place_anaphor_after_preposition("residents of the town "),
            Some((AnaphorKind::Town, 1))
        );
        assert_eq!(rules.place_anaphor_after_preposition("the town "), None);
        // The last anaphor after a preposition, whatever the spacing.
        assert_eq!(
            rules.place_anaphor_after_preposition("people in both villages fled to  the town "),
            Some((AnaphorKind::Town, 1))
        );
        assert_eq!(
            rules.place_anaphor_after_preposition("people in both villages said the town "),
            Some((AnaphorKind::Village, 2))
        );
        assert_eq!(rules.place_anaphor_after_preposition(""), None);
    }
}
