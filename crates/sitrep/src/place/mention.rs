/*!
Mention detection: which words of a sentence name a place, and what the words
around them say about it.

Only capitalised words start a mention. In each sentence:

1. Capitalised runs (capitalised words, with connectors such as "of" between
   them) that end in an organisation word ("Kachin Independence Army") or open
   with one ("Ministry of ...") are organisations; the words after a title
   ("General", "U") or a role ("spokesman") are a person. Neither holds a place.
2. Each remaining run is cut into the longest gazetteer names or demonyms it
   holds (names are looked up by key, and also with their words joined, as
   Burmese names are spelt both ways: "Kan Paik Ti", "Kanpaikti"), and words.
   A run is a name as a whole or not at all: when a word of it is neither a
   name nor a common word ("Li Jiawen", "Khine Thu Kha"), or two names touch
   ("Nyaungbin Lay"), the run names something else, and only large places
   (countries, divisions, cities) in it are kept ("London Stock Exchange").
   An all-capital word is a place only as an alias the gazetteer lists in
   capitals ("US"), except in a dateline ("BHAMO —", "WASHINGTON Officials"),
   which names a town.
3. People: a run that opens with a given name ("Leslie Hickson"), or stands
   before a verb of speech or after one at the end of a clause ("Naw Bu
   said", "said Maui."), is a person's name unless a large place has it. The
   words of every person's name found in the article are no place elsewhere
   in it either, unless a generic word or a container says otherwise.
4. A capitalised run before a generic word ("Chaung Gyi village", "Naung Pain
   village tract"), in a list of places that a plural generic word closes or
   opens ("Thindaw, Shwebo and Kone villages", "the villages of Tha Dut and
   Nyaungbin Lay") or in an apposition ("Leyar, a village in Pauk Township";
   "Zyqlo, Wuzin Tet and Hpoqgyi, three villages in Pauk Township") is
   a place of that kind even when the gazetteer lacks it or knows only parts
   of it. So is a run of plain capitalised words the gazetteer lacks right
   after a verb of capture ("captured Masisi"), a noun of capture and "of"
   ("control of Zamzam") or a noun of fighting and a locative ("clashes in
   Zyqwa"), or after "in", "at" or "near" and before a direction word and a
   larger place ("in Dioura, central Mali"): a town.
5. The context is read: a generic word after the name ("Bhamo Town", "Mansi
   townships", shared by coordinated names: "Bhamo and Mansi townships") or
   before it ("the border town of Lweje") asks for a kind; a facility word
   after it makes a spot ("Bhamo Airport"); a direction word before it opens
   the mention ("northern Shan State"); ", Y", "in Y" or ", a village in Y"
   after it names a container (but not in a list: "X, Y and Z villages").
6. The role: a demonym stays a demonym unless it is also a place and a
   locative or generic word makes it one ("in Kachin", "Kachin State"); a
   country, admin1 or city followed by a speech or pressure verb ("Beijing
   said"), or by a noun for its government ("Myanmar military", "China's
   pressure"), is a metonym.
7. A name the gazetteer lacks that the context made a place is a place of the
   same kind wherever else the article names it alone ("captured Zorvala", then
   "Zorvala is now held by ..."), unless a person found in it bears the name.
*/

use std::borrow::Cow;
use std::cell::Cell;

use rustc_hash::FxHashSet as HashSet;

use super::PlaceRole;
use super::gazetteer::{EntryIdx, Gazetteer};
use super::key::{key_is, push_key};
use super::kind::PlaceKind;
use super::token::{Token, TokenKind, tokenize, tokenize_into};
use super::words::{DemonymTarget, PlaceWords, WordClass, WordInfo};
use crate::span::Span;
use crate::text::Dateline;

/// Most letters of an acronym ("MNDAA"); a longer all-capital word is a name in capitals
/// ("WASHINGTON").
const MAX_ACRONYM_LETTERS: usize = 5;

/// Most tokens looked through for the generic word that ends a list of places.
const MAX_LIST_TOKENS: usize = 40;

/// Longest run of capitalised words taken as a place the gazetteer lacks.
const MAX_UNKNOWN_WORDS: usize = 4;

/// Most words of an unknown town that only its context names one ("captured Masisi", "in
/// Dioura, central Mali"): fewer than a generic word allows.
const MAX_UNKNOWN_TOWN_WORDS: usize = 3;

/// Most words of a name looked up ("Democratic Republic of the Congo" has five).
const MAX_NAME_WORDS: usize = 12;

/// Longest joined spelling tried ("Thin Gan Nyi Naung" as "Thingannyinaung").
const MAX_JOINED_WORDS: usize = 4;

/// Longest word taken for syllables of a name written apart ("Naung", "Sakaung").
const MAX_SYLLABLE_BYTES: usize = 9;

/// A place mention before resolution, borrowing from the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'g> {
    /// The mention's bytes, with generic, facility and direction words.
    pub span: Span,
    /// The name's bytes alone.
    pub name_span: Span,
    /// Index of the sentence.
    pub sentence: usize,
    /// Gazetteer entries the name can denote (empty for an unknown name before a generic word).
    pub entries: Cow<'g, [EntryIdx]>,
    /// The kind the context asks for.
    pub hint: Option<PlaceKind>,
    /// The hint comes from a plural generic word, which coordinated names share.
    pub plural_hint: bool,
    /// A facility word follows: the mention is a spot in the place ("Bhamo Airport").
    pub facility: bool,
    /// What the name stands for.
    pub role: PlaceRole,
    /// Where a demonym points.
    pub demonym: Option<&'g DemonymTarget>,
    /// A later candidate that names this one's container ("X, Kachin State", "X in Y Township").
    pub container: Option<usize>,
}

impl Candidate<'_> {
    /// A place the gazetteer lacks, named by `span` alone, of the kind its context asks for.
    fn unknown(span: Span, sentence: usize, kind: PlaceKind) -> Self {
        Candidate {
            span,
            name_span: span,
            sentence,
            entries: Cow::Borrowed(&[]),
            hint: Some(kind),
            plural_hint: false,
            facility: false,
            role: PlaceRole::Toponym,
            demonym: None,
            container: None,
        }
    }
}

/// The buffers one sentence's detection works in, kept from sentence to sentence.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    /// What the word lists say of each token, looked up when first asked.
    infos: Vec<Cell<Option<WordInfo>>>,
    blocked: Vec<bool>,
    key: String,
    joined: String,
}

/// Finds the candidate mentions of every sentence.
pub fn detect<'g>(text: &str, sentences: &[Span], gazetteer: &'g Gazetteer) -> Vec<Candidate<'g>> {
    let mut candidates = Vec::new();
    let mut scratch = Scratch::default();
    let mut persons = HashSet::default();
    let dateline = crate::text::dateline(text);
    for (sentence_idx, sentence) in sentences.iter().enumerate() {
        if sentence.end > text.len()
            || !text.is_char_boundary(sentence.start)
            || !text.is_char_boundary(sentence.end)
        {
            continue;
        }
        tokenize_into(text, sentence.start, sentence.end, &mut scratch.tokens);
        let n_tokens = scratch.tokens.len();
        scratch.infos.clear();
        scratch.infos.resize(n_tokens, Cell::new(None));
        scratch.blocked.clear();
        scratch.blocked.resize(n_tokens, false);
        let mut detector = SentenceDetector {
            text,
            tokens: &scratch.tokens,
            infos: &scratch.infos,
            gazetteer,
            words: gazetteer.words(),
            blocked: &mut scratch.blocked,
            dateline_end: 0,
            key: &mut scratch.key,
            joined: &mut scratch.joined,
            persons: &mut persons,
        };
        detector.find_dateline(dateline.as_ref());
        detector.block_organisations_and_people();
        let first = candidates.len();
        detector.find(sentence_idx, &mut candidates);
        detector.read_context(&mut candidates[first..], first);
    }
    let candidates = drop_person_names(text, candidates, &persons);
    with_names_learned(text, sentences, candidates, &persons)
}

/// Adds the other mentions of the places the gazetteer lacks that the context made places
/// ("captured Zorvala" makes "Zorvala" a town), of the same kind: "Zorvala is now held by the
/// rebels" names it too, though nothing around it says so. A mention is the whole capitalised
/// run (not "Zorvala Airport", nor "General Zorvala"), and no person found in the article bears
/// the name.
fn with_names_learned<'g>(
    text: &str,
    sentences: &[Span],
    mut candidates: Vec<Candidate<'g>>,
    persons: &HashSet<String>,
) -> Vec<Candidate<'g>> {
    let mut learned: Vec<(&str, PlaceKind)> = Vec::new();
    let mut key = String::new();
    for candidate in &candidates {
        let Some(kind) = candidate.hint else { continue };
        let name = candidate.name_span.slice(text);
        key.clear();
        push_key(name, &mut key);
        // "a Fulani village": after "a" the name says what sort of village, so elsewhere it
        // names people, not the place.
        let word_before = text[..candidate.name_span.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let after_article =
            word_before.eq_ignore_ascii_case("a") || word_before.eq_ignore_ascii_case("an");
        if candidate.entries.is_empty()
            && candidate.role == PlaceRole::Toponym
            && !candidate.facility
            && !after_article
            && !persons.contains(&key)
            && !learned.iter().any(|(known, _)| *known == name)
        {
            learned.push((name, kind));
        }
    }
    let n_found = candidates.len();
    for (name, kind) in learned {
        for (start, _) in text.match_indices(name) {
            let span = Span::new(start, start + name.len());
            let sentence = sentences.partition_point(|s| s.end <= start);
            if sentences.get(sentence).is_none_or(|s| !s.contains(span))
                || !is_whole_run(text, span, sentences[sentence].start)
            {
                continue;
            }
            let mut overlapping = (0..n_found).filter(|&idx| candidates[idx].span.overlaps(span));
            match (overlapping.next(), overlapping.next()) {
                (None, _) => candidates.push(Candidate::unknown(span, sentence, kind)),
                // A known name inside the learned one is part of it: "Borno" in "Fata Borno".
                (Some(idx), None)
                    if candidates[idx].span != span && span.contains(candidates[idx].span) =>
                {
                    candidates[idx] = Candidate::unknown(span, sentence, kind);
                }
                _ => {}
            }
        }
    }
    if candidates.len() == n_found {
        return candidates;
    }
    // Back in text order, with containers pointing where their candidates went.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&idx| candidates[idx].span.start);
    let mut new_idx = vec![0; candidates.len()];
    for (new, &old) in order.iter().enumerate() {
        new_idx[old] = new;
    }
    let mut slots: Vec<Option<Candidate<'g>>> = candidates.into_iter().map(Some).collect();
    order
        .iter()
        .map(|&old| {
            let mut candidate = slots[old].take().expect("each candidate is taken once");
            candidate.container = candidate.container.map(|idx| new_idx[idx]);
            candidate
        })
        .collect()
}

/// True when `span` is a whole run of capitalised words: no capitalised word touches it
/// across a space, except the first word of its sentence ("In Zorvala, ...").
fn is_whole_run(text: &str, span: Span, sentence_start: usize) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let word_before_start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |idx| {
            idx + before[idx..].chars().next().map_or(1, char::len_utf8)
        });
    let word_before = &before[word_before_start..];
    let joined_before = before.len() < span.start
        && word_before.starts_with(char::is_uppercase)
        && word_before_start > sentence_start;
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let after = &text[span.end..];
    let joined_after = after
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    !glued(text[..span.start].chars().next_back())
        && !glued(after.chars().next())
        && !joined_before
        && !joined_after
}

/// Drops the candidates that bear the name, or a word of the name, of a person found
/// elsewhere in the article, unless a generic word, a facility word or a container makes
/// them places; containers are renumbered.
fn drop_person_names<'g>(
    text: &str,
    candidates: Vec<Candidate<'g>>,
    persons: &HashSet<String>,
) -> Vec<Candidate<'g>> {
    if persons.is_empty() {
        return candidates;
    }
    let mut key = String::new();
    let keep: Vec<bool> = candidates
        .iter()
        .map(|candidate| {
            if candidate.hint.is_some()
                || candidate.facility
                || candidate.container.is_some()
                || candidate.role == PlaceRole::Demonym
            {
                return true;
            }
            key.clear();
            push_key(candidate.name_span.slice(text), &mut key);
            !persons.contains(&key)
        })
        .collect();
    if keep.iter().all(|kept| *kept) {
        return candidates;
    }
    let mut new_idx = Vec::with_capacity(candidates.len());
    let mut n_kept = 0;
    for kept in &keep {
        new_idx.push(kept.then_some(n_kept));
        n_kept += usize::from(*kept);
    }
    candidates
        .into_iter()
        .zip(&keep)
        .filter(|(_, kept)| **kept)
        .map(|(mut candidate, _)| {
            candidate.container = candidate.container.and_then(|idx| new_idx[idx]);
            candidate
        })
        .collect()
}

/// A candidate for a given span (a gold toponym under evaluation): the gazetteer entries of
/// its text, or of its text joined up, or the demonym it is (unless a large place has the
/// name: "Kachin" is the state, "Canadian" no town); failing those, of the longest
/// run of its words that is a name ("Cuyahoga County", "Eastern Ghouta", "Cavan Institute"),
/// with the generic word after it as a hint.
pub fn forced<'g>(
    text: &str,
    span: Span,
    sentence: usize,
    gazetteer: &'g Gazetteer,
) -> Candidate<'g> {
    let words = gazetteer.words();
    let tokens: Vec<Token> = tokenize(text, span.start, span.end)
        .into_iter()
        .filter(Token::is_word)
        .collect();
    let n = tokens.len();
    let mut found = None;
    'lengths: for n_words in (1..=n).rev() {
        for first in 0..=n - n_words {
            let last = first + n_words - 1;
            let whole = n_words == n;
            let name_span = if whole {
                span
            } else {
                Span::new(tokens[first].start, tokens[last].end)
            };
            let name = name_span.slice(text);
            // A part is a name of capitalised words that is not one common word.
            let part_is_name = tokens[first].capitalised
                && tokens[last].capitalised
                && !(n_words == 1 && words.info(name).is_common());
            if !whole && !part_is_name {
                continue;
            }
            let key = push_key_owned(name);
            let capitals = is_all_capitals(name) && name.split(' ').all(could_be_acronym);
            let names = gazetteer.names_of(&key);
            let mut entries = Cow::Borrowed(if capitals {
                gazetteer.acronym_entries(&key)
            } else {
                names.entries
            });
            if entries.is_empty() && !capitals {
                let joined: String = key.chars().filter(|c| *c != ' ').collect();
                entries = gazetteer.lookup_joined(&joined);
            }
            let demonym = names.demonym;
            if !entries.is_empty() || demonym.is_some() {
                let hint = tokens
                    .get(last + 1)
                    .filter(|_| !whole)
                    .and_then(|next| words.info(next.text(text)).after);
                found = Some((name_span, entries, demonym, hint));
                break 'lengths;
            }
        }
    }
    let (name_span, entries, demonym, hint) =
        found.unwrap_or((span, Cow::Borrowed(&[]), None, None));
    let large = entries.iter().any(|idx| gazetteer.entry(*idx).is_large());
    let role = if demonym.is_some() && !large {
        PlaceRole::Demonym
    } else {
        PlaceRole::Toponym
    };
    Candidate {
        span,
        name_span,
        sentence,
        entries,
        hint,
        plural_hint: false,
        facility: false,
        role,
        demonym,
        container: None,
    }
}

/// A word of capital letters only (at least two of them).
fn is_all_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Acronyms are short: an all-capital word of more letters is a name in capitals.
fn could_be_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() <= MAX_ACRONYM_LETTERS
}

fn push_key_owned(text: &str) -> String {
    let mut key = String::new();
    push_key(text, &mut key);
    key
}

/// A found name, as token indices, borrowing from the gazetteer until it becomes a candidate.
struct Found<'g> {
    first: usize,
    last: usize,
    entries: Cow<'g, [EntryIdx]>,
    demonym: Option<&'g DemonymTarget>,
}

/// A division at least this populous keeps its name when it opens a run like a given name
/// does ("Virginia Beach" aside, "Virginia" is a state, not a first name).
const MAJOR_DIVISION_POPULATION: u64 = 1_000_000;

/// A part of a capitalised run: a name the gazetteer or the demonym list knows, or a word.
enum Piece<'g> {
    Name(Found<'g>),
    Word(usize),
}

impl Piece<'_> {
    fn first(&self) -> usize {
        match self {
            Piece::Name(found) => found.first,
            Piece::Word(idx) => *idx,
        }
    }

    fn last(&self) -> usize {
        match self {
            Piece::Name(found) => found.last,
            Piece::Word(idx) => *idx,
        }
    }
}

struct SentenceDetector<'s, 'g> {
    text: &'s str,
    tokens: &'s [Token],
    /// What the word lists say of each token, once asked: see [`SentenceDetector::info`].
    infos: &'s [Cell<Option<WordInfo>>],
    gazetteer: &'g Gazetteer,
    words: &'g PlaceWords,
    blocked: &'s mut [bool],
    /// Tokens before this one are the article's dateline ("BHAMO —"): capitals there are
    /// no acronyms.
    dateline_end: usize,
    key: &'s mut String,
    /// A key with its spaces taken out ("thingannyinaung").
    joined: &'s mut String,
    /// Keys of the names of people found so far in the article, and of their words.
    persons: &'s mut HashSet<String>,
}

impl<'s, 'g> SentenceDetector<'s, 'g> {
    fn word(&self, idx: usize) -> &'s str {
        self.tokens[idx].text(self.text)
    }

    /// What the word lists say of token `idx` (nothing past the sentence's end): looked up
    /// once per token, however often asked.
    fn info(&self, idx: usize) -> WordInfo {
        let Some(cached) = self.infos.get(idx) else {
            return WordInfo::default();
        };
        if let Some(info) = cached.get() {
            return info;
        }
        let info = self.words.info(self.word(idx));
        cached.set(Some(info));
        info
    }

    /// True when token `idx` is a word of the class.
    fn is(&self, idx: usize, class: WordClass) -> bool {
        self.info(idx).is(class)
    }

    fn is_connector(&self, idx: usize) -> bool {
        let token = &self.tokens[idx];
        token.is_word() && !token.capitalised && self.is(idx, WordClass::Connector)
    }

    /// Only spaces or a hyphen between two tokens.
    fn adjacent(&self, left: usize, right: usize) -> bool {
        self.text[self.tokens[left].end..self.tokens[right].start]
            .chars()
            .all(|c| c == ' ' || c == '-')
    }

    /// The end (exclusive) of the capitalised run starting at `start`: capitalised words, with
    /// connectors (but not after a generic word) and possessives between them.
    fn run_end(&self, start: usize) -> usize {
        let mut end = start;
        let mut idx = start;
        while idx < self.tokens.len() {
            let token = &self.tokens[idx];
            if idx > start && !self.adjacent(idx - 1, idx) {
                break;
            }
            if token.is_word() && token.capitalised {
                idx += 1;
                end = idx;
            } else if idx > start && (self.is_connector(idx) || token.kind == TokenKind::Possessive)
            {
                // A generic word ends the run before a connector: "Hka Ya Village on Tuesday".
                if self.is_connector(idx) && self.info(idx - 1).after.is_some() {
                    break;
                }
                idx += 1;
            } else {
                break;
            }
        }
        end
    }

    /// Finds the dateline's place: the tokens of the article's [`Dateline`] place when the
    /// sentence opens the article ("BHAMO —", "MEXICO CITY (AP) —"). Here alone, all-capital
    /// words that open a sentence and are too long to be acronyms are one too ("WASHINGTON
    /// Officials said"): a dateline that lost its dash, which no other stage needs to see,
    /// but whose capitals the place stage must not read as an acronym.
    fn find_dateline(&mut self, dateline: Option<&Dateline>) {
        let in_place = |token: &Token| {
            dateline.is_some_and(|d| d.place.start <= token.start && token.end <= d.place.end)
        };
        let placed = self.tokens.iter().take_while(|t| in_place(t)).count();
        let capitals = (0..self.tokens.len())
            .find(|idx| !(self.tokens[*idx].is_word() && is_all_capitals(self.word(*idx))))
            .unwrap_or(self.tokens.len());
        let lost_dash = (0..capitals).all(|idx| !could_be_acronym(self.word(idx)));
        self.dateline_end = if placed > 0 {
            placed
        } else if lost_dash {
            capitals
        } else {
            0
        };
    }

    fn block_organisations_and_people(&mut self) {
        let mut start = 0;
        while start < self.tokens.len() {
            let token = self.tokens[start];
            if !(token.is_word() && token.capitalised) {
                let name_follows = self
                    .tokens
                    .get(start + 1)
                    .is_some_and(|next| next.capitalised);
                if name_follows && token.is_word() && self.is(start, WordClass::Role) {
                    self.block_person_after(start);
                }
                if token.is_word() && self.is(start, WordClass::Role) {
                    self.block_person_in_apposition(start);
                }
                if name_follows && token.is_word() && self.is(start, WordClass::AddresseeVerb) {
                    // "told Reuters", "told The Irrawaddy"; not "told CBC Toronto", whose
                    // city the outlet's name keeps.
                    let addressee_end = self.run_end(start + 1);
                    if addressee_end == start + 2 || self.word(start + 1) == "The" {
                        self.blocked[start + 1..addressee_end].fill(true);
                    }
                }
                start += 1;
                continue;
            }
            let end = self.run_end(start);
            if self.is(start, WordClass::OrgStart) {
                self.blocked[start..end].fill(true);
            } else if let Some(last_org) = (start + 1..end)
                .rev()
                .find(|idx| self.is(*idx, WordClass::OrgEnd))
            {
                // "Pyin Oo Lwin's Defence Services Academy": the owner is no part of the name.
                let org_start = (start..last_org)
                    .rev()
                    .find(|idx| self.tokens[*idx].kind == TokenKind::Possessive)
                    .map_or(start, |possessive| possessive + 1);
                self.blocked[org_start..=last_org].fill(true);
            }
            for idx in start..end {
                if self.is(idx, WordClass::Title) && self.is_title_here(start, idx) {
                    self.block_person_after(idx);
                }
            }
            start = end.max(start + 1);
        }
    }

    /// A title opens a run, or is a word of four letters or more, or an abbreviation with its
    /// period ("Gen."); a short title inside a run is a syllable of a name ("Pyu Saw Htee",
    /// "Mrauk U").
    fn is_title_here(&self, run_start: usize, idx: usize) -> bool {
        let letters = self.word(idx).chars().filter(|c| c.is_alphabetic()).count();
        let period = self
            .tokens
            .get(idx + 1)
            .is_some_and(|t| t.text(self.text) == ".");
        idx == run_start || letters >= 4 || period
    }

    /// Blocks a title and the capitalised words after it (a person's name: "Colonel Naw Bu",
    /// "Gen. N'Ban La"), if any follow.
    fn block_person_after(&mut self, title: usize) {
        let mut person = title + 1;
        // A title may be followed by its period.
        if person < self.tokens.len() && self.word(person) == "." {
            person += 1;
        }
        let first_name = person;
        while person < self.tokens.len()
            && self.tokens[person].is_word()
            && self.tokens[person].capitalised
        {
            self.blocked[person] = true;
            person += 1;
        }
        if person > first_name {
            self.blocked[title] = true;
            self.add_person(first_name, person);
        }
    }

    /// Blocks a name of two or more words set off by commas after the role word `role` ("another
    /// resident, Hka Ya Naw, said"), unless another name follows it (a list): a person's, not
    /// a place's.
    fn block_person_in_apposition(&mut self, role: usize) {
        let name_start = role + 2;
        let is_comma = |idx: usize| {
            self.tokens
                .get(idx)
                .is_some_and(|t| t.text(self.text) == ",")
        };
        if !is_comma(role + 1)
            || !self
                .tokens
                .get(name_start)
                .is_some_and(|t| t.is_word() && t.capitalised)
        {
            return;
        }
        let name_end = self.run_end(name_start);
        // Not a list of places: "the commander, Zee Kone, Hill Ridge and Dale, ...".
        let list_goes_on = self
            .tokens
            .get(name_end + 1)
            .is_some_and(|t| t.is_word() && t.capitalised);
        if name_end >= name_start + 2 && is_comma(name_end) && !list_goes_on {
            self.blocked[name_start..name_end].fill(true);
            self.add_person(name_start, name_end);
        }
    }

    /// Remembers the name of a person, tokens `start..end`, and each of its words.
    fn add_person(&mut self, start: usize, end: usize) {
        let name = &self.text[self.tokens[start].start..self.tokens[end - 1].end];
        self.persons.insert(push_key_owned(name));
        for idx in start..end {
            if self.tokens[idx].is_word() && self.tokens[idx].capitalised {
                self.persons.insert(push_key_owned(self.word(idx)));
            }
        }
    }

    fn find(&mut self, sentence_idx: usize, out: &mut Vec<Candidate<'g>>) {
        let mut idx = 0;
        while idx < self.tokens.len() {
            let token = self.tokens[idx];
            if !(token.is_word() && token.capitalised) || self.blocked[idx] {
                idx += 1;
                continue;
            }
            let full_end = self.run_end(idx);
            let run_end = (idx..full_end)
                .find(|i| self.blocked[*i])
                .unwrap_or(full_end);
            self.read_run(sentence_idx, idx, run_end, out);
            idx = run_end.max(idx + 1);
        }
    }

    /// The mentions of one capitalised run, tokens `start..end`.
    fn read_run(
        &mut self,
        sentence_idx: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Candidate<'g>>,
    ) {
        let pieces = self.segment(start, end);
        if let Some(tail_start) = self.unknown_tail(start, end, &pieces) {
            let name_end = self.name_end(start, end);
            // A district or region takes a name no word of which the gazetteer knows ("the
            // Zorva region"), not one that holds a known place ("Kachin Special Region 1").
            let none_known = !pieces.iter().any(|piece| matches!(piece, Piece::Name(_)));
            if let Some(unknown) = self
                .unknown_before_generic(sentence_idx, tail_start, name_end)
                .filter(|u| u.hint.is_some_and(PlaceKind::is_local_unit) || none_known)
            {
                let n_before = pieces.partition_point(|piece| piece.last() < tail_start);
                let before = &pieces[..n_before];
                // "Wuzin Tet and Hpoqgyi villages": a plural is shared by the whole run, and so
                // is a singular after "between" ("between Wuzin Tet and Hpoqgyi village").
                let between = start > 0 && self.tokens[start - 1].text(self.text) == "between";
                match unknown.hint.filter(|_| unknown.plural_hint || between) {
                    Some(kind) => {
                        self.emit_listed(sentence_idx, start, tail_start, before, kind, out)
                    }
                    None => self.emit(sentence_idx, before, out),
                }
                out.push(unknown);
                return;
            }
        }
        if self.is_person(start, end, &pieces) {
            self.add_person(start, end);
            return;
        }
        // A list or an apposition tells the kind ("an assault on Leyar, a village in ..."):
        // it goes before the town a verb of capture or a locative would make of the name.
        if let Some(kind) = self.listed_kind(start, end, &pieces) {
            self.emit_listed(sentence_idx, start, end, &pieces, kind, out);
            return;
        }
        match self
            .unknown_captured(sentence_idx, start, end, &pieces)
            .or_else(|| self.unknown_located(sentence_idx, start, end, &pieces))
        {
            Some(unknown) => out.push(unknown),
            None => self.emit(sentence_idx, &pieces, out),
        }
    }

    /// An unknown town right after a verb of capture, after a noun of capture and "of", after
    /// a noun of fighting and a locative word, or after a facility and "in", "at" or "near",
    /// tokens `start..end` none of which the gazetteer knows, closing its phrase: "Masisi" in
    /// "M23 captured Masisi on Friday", "Zyqwa" in "took control of Zyqwa", "clashes in
    /// Zyqwa", "the attack on Zyqwa" and "bombed the market in Zyqwa".
    fn unknown_captured(
        &self,
        sentence_idx: usize,
        start: usize,
        end: usize,
        pieces: &[Piece<'g>],
    ) -> Option<Candidate<'g>> {
        let after_capture = start > 0 && self.is(start - 1, WordClass::CaptureVerb);
        let after_fight = start > 1
            && (self.is(start - 1, WordClass::Locative)
                || self.is(start - 1, WordClass::TargetPreposition))
            && self.is(start - 2, WordClass::FightNoun);
        let after_capture_noun =
            start > 1 && self.word(start - 1) == "of" && self.is(start - 2, WordClass::CaptureNoun);
        // "the livestock market in Zyqwa", "a camp near Zyqwa".
        let after_facility = start > 1
            && matches!(self.word(start - 1), "in" | "at" | "near")
            && !self.tokens[start - 2].capitalised
            && self.is(start - 2, WordClass::Facility);
        if !(after_capture || after_capture_noun || after_fight || after_facility) {
            return None;
        }
        let end = self.unknown_capitalised_end(start, end, pieces)?;
        // A list goes on ("captured Zyqwa and Numbra positions"): only a list that closes
        // its phrase names towns, and `listed_kind` reads those.
        let list_goes_on = matches!(
            self.tokens.get(end).map(|t| t.text(self.text)),
            Some("and" | "or")
        ) && self.tokens.get(end + 1).is_some_and(|t| t.capitalised);
        let closes = !list_goes_on
            && self.tokens.get(end).is_none_or(|next| {
                !next.is_word() || !next.capitalised && self.is(end, WordClass::NameFollower)
            });
        if !closes {
            return None;
        }
        self.unknown_name(sentence_idx, start, end, PlaceKind::Town)
    }

    /// The end of the capitalised words opening the run `start..end` (a run goes on over a
    /// connector: "Masisi on Friday") when they could name a town the gazetteer lacks: at
    /// most [`MAX_UNKNOWN_TOWN_WORDS`], no name the gazetteer knows in the whole run ("captured
    /// Zorvala and Goma" is a list the usual reading keeps whole), no common word ("Friday
    /// Prayers", "Operation Serval") and no word in capitals ("MINUSMA").
    fn unknown_capitalised_end(&self, start: usize, end: usize, pieces: &[Piece]) -> Option<usize> {
        let end = (start..end)
            .find(|&idx| !self.tokens[idx].capitalised)
            .unwrap_or(end);
        let unknown = pieces.iter().all(|piece| matches!(piece, Piece::Word(_)));
        let plain = (start..end)
            .all(|idx| !self.is(idx, WordClass::NotPlace) && !is_all_capitals(self.word(idx)));
        (unknown && plain && end - start <= MAX_UNKNOWN_TOWN_WORDS).then_some(end)
    }

    /// An unknown town after a locative preposition, tokens `start..end` none of which the
    /// gazetteer knows, that the text puts in a part of a larger place: "Dioura" in "a base
    /// in Dioura, central Mali" or "attacks near Dioura in northern Mali". The direction word
    /// says the larger place is a region to be placed in, not a list's next member.
    fn unknown_located(
        &self,
        sentence_idx: usize,
        start: usize,
        end: usize,
        pieces: &[Piece<'g>],
    ) -> Option<Candidate<'g>> {
        let after_locative =
            start > 0 && matches!(self.tokens[start - 1].text(self.text), "in" | "at" | "near");
        if !after_locative {
            return None;
        }
        let end = self.unknown_capitalised_end(start, end, pieces)?;
        let word_at = |idx: usize| self.tokens.get(idx).map(|t| t.text(self.text));
        let direction_at = match word_at(end) {
            Some("," | "in") => end + 1,
            _ => return None,
        };
        let in_a_part = self
            .tokens
            .get(direction_at..=direction_at + 1)
            .is_some_and(|pair| {
                // "Farabougou, Southwestern Mali": in any letter case.
                let direction = pair[0].text(self.text).to_ascii_lowercase();
                pair[0].is_word()
                    && self.words.is(&direction, WordClass::Direction)
                    && pair[1].is_word()
                    && pair[1].capitalised
            });
        if !in_a_part {
            return None;
        }
        self.unknown_name(sentence_idx, start, end, PlaceKind::Town)
    }

    /// The kind a list or an apposition gives the names of a run: "Tha Dut and Nyaungbin Lay"
    /// in "the villages of Tha Dut and Nyaungbin Lay", "Thindaw" in "Thindaw, Shwebo and
    /// Kone villages", "Leyar" in "Leyar, a village in Pauk Township".
    fn listed_kind(&self, start: usize, end: usize, pieces: &[Piece]) -> Option<PlaceKind> {
        let word_at = |idx: usize| self.tokens.get(idx).map(|t| t.text(self.text));
        let joins = |word: Option<&str>| matches!(word, Some("," | "and" | "or" | "(" | ")"));
        // Most runs stand in no list: nothing that could join them to one. A run may hold a
        // list itself, its names joined by a connector, with a name the gazetteer lacks
        // ("Kalar Luu and Shar Lwin villages").
        let previous = start.checked_sub(1).and_then(word_at);
        let unknown_word = |piece: &Piece| {
            matches!(piece, Piece::Word(idx) if self.tokens[*idx].capitalised
                && !self.is(*idx, WordClass::NotPlace))
        };
        let holds_list =
            (start..end).any(|idx| joins(word_at(idx))) && pieces.iter().any(unknown_word);
        if !joins(word_at(end)) && !joins(previous) && previous != Some("of") && !holds_list {
            return None;
        }
        // A run with its own generic word ("Demoso Township", "Soum province") is what
        // that word says.
        let own_generic = |idx: usize| self.info(idx).after.is_some();
        let shared_plural = holds_list && self.is(end, WordClass::Plural);
        if (own_generic(end) && !shared_plural) || own_generic(end - 1) {
            return None;
        }
        let in_list = |idx: usize| {
            self.tokens
                .get(idx)
                .is_some_and(|t| t.is_word() && t.capitalised || joins(Some(t.text(self.text))))
        };
        // Where the list the run opens or goes on ends: past its names and joining words.
        let mut list_end = end;
        while list_end < end + MAX_LIST_TOKENS && in_list(list_end) {
            list_end += 1;
        }
        // Forward to a plural generic: "Thindaw, Shwebo and Kone villages".
        if list_end > end || holds_list {
            let generic = self.info(list_end);
            if let Some(kind) = generic.after.filter(|kind| kind.is_local_unit()) {
                if generic.is(WordClass::Plural) {
                    return Some(kind);
                }
            }
        }
        // Back to "the villages of": "the villages of Tha Dut and Nyaungbin Lay".
        let mut idx = start;
        while idx > 0 && start - idx < MAX_LIST_TOKENS && in_list(idx - 1) {
            idx -= 1;
        }
        if idx >= 2 && word_at(idx - 1) == Some("of") {
            if let Some(kind) = self
                .info(idx - 2)
                .before
                .filter(|kind| kind.is_local_unit())
            {
                return Some(kind);
            }
        }
        // Back to a verb of capture or attack, the list closing its phrase: "seized Zyqwa,
        // Numbra and Goma on Friday", whose names are towns, each of a few words.
        if idx >= 1 && self.is(idx - 1, WordClass::CaptureVerb) {
            // The last name, not a joining word after it, closes the list.
            let mut names_end = list_end;
            while names_end > end && !self.tokens[names_end - 1].capitalised {
                names_end -= 1;
            }
            let listed = (idx..names_end).any(|i| matches!(word_at(i), Some("," | "and" | "or")));
            let closes = self
                .tokens
                .get(names_end)
                .is_none_or(|next| !next.is_word() || self.is(names_end, WordClass::NameFollower));
            let short_names = (idx..names_end)
                .map(|i| self.tokens[i].capitalised)
                .collect::<Vec<_>>()
                .split(|capitalised| !capitalised)
                .all(|name| name.len() <= MAX_UNKNOWN_TOWN_WORDS);
            if listed && closes && short_names {
                return Some(PlaceKind::Town);
            }
        }
        // Back past a list opener to a plural generic: "the villages include Tha Dut and
        // Nyaungbin Lay", "three villages, including Tha Dut"; not one a preposition governs
        // ("men from the villages, including Tun Tun", "leaders of several towns, namely ...").
        if idx >= 2 && self.is(idx - 1, WordClass::ListOpener) {
            let generic_at = if word_at(idx - 2) == Some(",") {
                idx.checked_sub(3)
            } else {
                Some(idx - 2)
            };
            let governed = generic_at.is_some_and(|at| {
                (at.saturating_sub(2)..at).any(|before| self.is(before, WordClass::Preposition))
            });
            let generic = generic_at.filter(|_| !governed).map(|at| self.info(at));
            if let Some(kind) = generic
                .filter(|generic| generic.is(WordClass::Plural))
                .and_then(|generic| generic.after.filter(|kind| kind.is_local_unit()))
            {
                return Some(kind);
            }
        }
        // Apposition: "Leyar, a village in Pauk Township", "Kyeintali, a town further south".
        if word_at(end) == Some(",") && matches!(word_at(end + 1), Some("a" | "an")) {
            return self.appositive_kind(end + 2, false);
        }
        // A list's apposition: "Zyqlo, Wuzin Tet and Hpoqgyi, three villages in Pauk
        // Township", "…, at least four further villages".
        let listed = (start..list_end).any(|idx| matches!(word_at(idx), Some("and" | "or")));
        if listed && list_end > end && word_at(list_end - 1) == Some(",") {
            return self.appositive_kind(list_end, true);
        }
        None
    }

    /// The kind of the generic word that ends an apposition, its lower-case words (an
    /// article, a count) starting at token `from`: singular ("a village in …") or `plural`
    /// ("two villages in …"), the generic word followed by punctuation, a locative or a
    /// direction.
    fn appositive_kind(&self, from: usize, plural: bool) -> Option<PlaceKind> {
        for generic_at in from..(from + 5).min(self.tokens.len()) {
            let generic = self.info(generic_at);
            if let Some(kind) = generic.after.filter(|kind| kind.is_local_unit()) {
                let ends = self.tokens.get(generic_at + 1).is_none_or(|next| {
                    next.kind == TokenKind::Punct
                        || self.is(generic_at + 1, WordClass::Locative)
                        || self.is(generic_at + 1, WordClass::Direction)
                });
                return (ends && generic.is(WordClass::Plural) == plural).then_some(kind);
            }
            let token = &self.tokens[generic_at];
            if !token.is_word() || token.capitalised {
                break;
            }
        }
        None
    }

    /// Pushes the names of a run that a list or an apposition marks as places of `kind`: a
    /// part that is a known name whole is that place; any other part is a place the gazetteer
    /// lacks ("Nyaungbin Lay", though it knows "Nyaungbin" and "Lay").
    fn emit_listed(
        &self,
        sentence_idx: usize,
        start: usize,
        end: usize,
        pieces: &[Piece<'g>],
        kind: PlaceKind,
        out: &mut Vec<Candidate<'g>>,
    ) {
        let mut part_start = start;
        while part_start < end {
            let mut part_end = part_start;
            while part_end < end && self.tokens[part_end].capitalised {
                part_end += 1;
            }
            let whole = |first: usize| {
                pieces.iter().find_map(|piece| match piece {
                    Piece::Name(found) if found.first == first && found.last + 1 == part_end => {
                        Some(found)
                    }
                    _ => None,
                })
            };
            // "In Thindaw, Shwebo and Kone villages": the common word is no part of the name
            // (but "North Darfur" is a name whole).
            let mut name_start = part_start;
            while whole(name_start).is_none()
                && name_start < part_end
                && self.is(name_start, WordClass::NotPlace)
            {
                name_start += 1;
            }
            // "Rakhine State's Rathedaung and Minbya towns": the owner is no town of the list.
            let owner = self
                .tokens
                .get(part_end)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
            if owner {
                let from = pieces.partition_point(|piece| piece.first() < part_start);
                let to = pieces.partition_point(|piece| piece.last() < part_end);
                self.emit(sentence_idx, &pieces[from..to], out);
            } else if part_end > name_start {
                let candidate = match whole(name_start) {
                    Some(found) => self.candidate(sentence_idx, found),
                    None => self.unknown_name(sentence_idx, name_start, part_end, kind),
                };
                out.extend(candidate.map(|mut candidate| {
                    candidate.hint = candidate.hint.or(Some(kind));
                    candidate
                }));
            }
            part_start = part_end + 1;
        }
    }

    /// Pushes the names of a run. The run is read in parts, split where a connector or a
    /// possessive stands between two pieces ("Sin Khwa and Chaung Gyi", "Kyauktaw's Western
    /// Command"): all the names of a part made of names and common words alone are kept, only
    /// the large places of any other part.
    fn emit(&self, sentence_idx: usize, pieces: &[Piece<'g>], out: &mut Vec<Candidate<'g>>) {
        let mut part_start = 0;
        for idx in 1..=pieces.len() {
            let splits = idx == pieces.len() || pieces[idx - 1].last() + 1 != pieces[idx].first();
            if splits {
                self.emit_part(sentence_idx, &pieces[part_start..idx], out);
                part_start = idx;
            }
        }
    }

    fn emit_part(&self, sentence_idx: usize, part: &[Piece<'g>], out: &mut Vec<Candidate<'g>>) {
        let whole = self.is_names_alone(part);
        for piece in part {
            if let Piece::Name(found) = piece {
                if whole || self.is_large_by_its_name(found) {
                    out.extend(self.candidate(sentence_idx, found));
                }
            }
        }
    }

    /// A demonym, or the own name of a large place ("London" in "London Stock Exchange"; not
    /// "al-Sham", an old name of Damascus, in "Hayat Tahrir al-Sham").
    fn is_large_by_its_name(&self, found: &Found) -> bool {
        let name = &self.text[self.tokens[found.first].start..self.tokens[found.last].end];
        let key = push_key_owned(name);
        found.demonym.is_some()
            || found.entries.iter().any(|idx| {
                let entry = self.gazetteer.entry(*idx);
                entry.is_large() && (entry.curated || key_is(&entry.name, &key))
            })
    }

    /// Cuts a run into names and words.
    fn segment(&mut self, start: usize, end: usize) -> Vec<Piece<'g>> {
        let mut pieces = Vec::new();
        let mut idx = start;
        while idx < end {
            let token = self.tokens[idx];
            if !(token.is_word() && token.capitalised) {
                idx += 1;
                continue;
            }
            if idx >= self.dateline_end && is_all_capitals(self.word(idx)) {
                // "DR Congo": a longer name may open with capitals.
                if let Some(found) = self.longest_name(idx, end).filter(|f| f.last > idx) {
                    idx = found.last + 1;
                    pieces.push(Piece::Name(found));
                    continue;
                }
                self.key.clear();
                push_key(self.word(idx), self.key);
                let entries = self.gazetteer.acronym_entries(self.key);
                pieces.push(if entries.is_empty() {
                    Piece::Word(idx)
                } else {
                    Piece::Name(Found {
                        first: idx,
                        last: idx,
                        entries: Cow::Borrowed(entries),
                        demonym: None,
                    })
                });
                idx += 1;
                continue;
            }
            match self.longest_name(idx, end) {
                // A common word the gazetteer happens to have ("Airport", "Street") is a word.
                Some(found)
                    if found.first < found.last
                        || found.demonym.is_some()
                        || !self.is_common_word(idx) =>
                {
                    idx = found.last + 1;
                    pieces.push(Piece::Name(found));
                }
                _ => {
                    pieces.push(Piece::Word(idx));
                    idx += 1;
                }
            }
        }
        pieces
    }

    /// A word that may stand in a run of names without making it another thing's name: a
    /// generic, facility or common word.
    fn is_common_word(&self, idx: usize) -> bool {
        self.info(idx).is_common()
    }

    /// True when the pieces are only names and common words, and no two names touch.
    fn is_names_alone(&self, pieces: &[Piece]) -> bool {
        let mut previous_last: Option<usize> = None;
        for piece in pieces {
            match piece {
                Piece::Word(idx) if !self.is_common_word(*idx) => return false,
                Piece::Word(_) => previous_last = None,
                Piece::Name(found) => {
                    if previous_last.is_some_and(|last| {
                        last + 1 == found.first && self.adjacent(last, found.first)
                    }) {
                        return false;
                    }
                    previous_last = Some(found.last);
                }
            }
        }
        true
    }

    /// A demonym, or a name of a large place ("London Stock Exchange" keeps London; smaller
    /// places inside other names are parts of them).
    fn is_large(&self, found: &Found) -> bool {
        found.demonym.is_some()
            || found
                .entries
                .iter()
                .any(|idx| self.gazetteer.entry(*idx).is_large())
    }

    /// True for the name of a country or of a large first-order division ("Georgia",
    /// "Virginia", which are given names too).
    fn is_major_division(&self, found: &Found) -> bool {
        found.entries.iter().any(|idx| {
            let entry = self.gazetteer.entry(*idx);
            entry.kind == PlaceKind::Country
                || entry.kind == PlaceKind::Admin1 && entry.population >= MAJOR_DIVISION_POPULATION
        })
    }

    /// True when the run is a person's name: it opens with a given name and goes on (not after
    /// a generic word and "of": "the village of Nang Hkam"), or it stands before a verb of
    /// speech, or after one at the end of a clause, and no large place bears it.
    fn is_person(&self, start: usize, end: usize, pieces: &[Piece]) -> bool {
        let n_words = (start..end).filter(|i| self.tokens[*i].capitalised).count();
        let generic_of =
            start >= 2 && self.word(start - 1) == "of" && self.info(start - 2).before.is_some();
        let given_name = self.is(start, WordClass::GivenName) && !generic_of;
        if n_words >= 2 && given_name {
            let (first_is_division, first_covers_run) = match pieces.first() {
                Some(Piece::Name(found)) => (
                    found.last == start && self.is_major_division(found),
                    found.last + 1 >= end,
                ),
                _ => (false, false),
            };
            if !first_is_division && !first_covers_run {
                return true;
            }
        }
        let is_speech = |idx: Option<usize>| {
            idx.and_then(|i| self.tokens.get(i).map(|t| (i, t)))
                .is_some_and(|(i, t)| t.is_word() && self.is(i, WordClass::SpeechVerb))
        };
        let closes = self
            .tokens
            .get(end)
            .is_none_or(|t| t.kind == TokenKind::Punct);
        let speaks_after = is_speech(Some(end));
        let spoken_before = is_speech(start.checked_sub(1)) && closes;
        let alone = n_words == 1 && given_name;
        // "Avenel, who arrived with his family".
        let who = self
            .tokens
            .get(end)
            .is_some_and(|t| t.text(self.text) == ",")
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.text(self.text) == "who");
        if !(speaks_after || spoken_before || alone || who) {
            return false;
        }
        // "from Mrauk U said" and "in Pauk Township said" name the speaker's place.
        let placed = start
            .checked_sub(1)
            .is_some_and(|i| self.is(i, WordClass::Locative) || self.is_connector(i))
            || (start..end).any(|i| self.is_common_word(i));
        let any_large = pieces.iter().any(|piece| match piece {
            Piece::Name(found) => self.is_large(found),
            Piece::Word(_) => false,
        });
        !any_large && (alone || who || !placed)
    }

    /// The end of a run's name part: the run without the generic words that close it
    /// ("Zyxwv Qopl Village").
    fn name_end(&self, start: usize, end: usize) -> usize {
        let mut name_end = end;
        while name_end > start + 1 && self.info(name_end - 1).after.is_some() {
            name_end -= 1;
        }
        name_end
    }

    /// Where the unknown place name of a run starts, when the run stands before a generic word
    /// and its last plain words are no single known name ("Naung Pain village tract", where
    /// the gazetteer knows "Naung" and "Pain" apart).
    fn unknown_tail(&self, start: usize, end: usize, pieces: &[Piece]) -> Option<usize> {
        let name_end = self.name_end(start, end);
        self.tokens
            .get(name_end)
            .filter(|t| t.is_word() && self.info(name_end).after.is_some())?;
        let mut tail_start = name_end;
        while tail_start > start && self.tokens[tail_start - 1].capitalised {
            tail_start -= 1;
        }
        while tail_start < name_end && self.is(tail_start, WordClass::NotPlace) {
            tail_start += 1;
        }
        if tail_start == name_end {
            return None;
        }
        let known_whole = pieces.iter().any(|piece| {
            matches!(piece, Piece::Name(found)
                if found.first <= tail_start && found.last + 1 >= name_end)
        });
        (!known_whole).then_some(tail_start)
    }

    fn token_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|token| token.start < byte)
    }

    /// The longest gazetteer name or demonym starting at `start` within the run.
    fn longest_name(&mut self, start: usize, run_end: usize) -> Option<Found<'g>> {
        self.key.clear();
        push_key(self.word(start), self.key);
        let gazetteer: &'g Gazetteer = self.gazetteer;
        let first_names = gazetteer.names_of(self.key);
        let longest_place = first_names.longest_from;
        let may_join = gazetteer.may_join(self.key);
        let longest = longest_place
            .max(self.words.longest_demonym)
            .max(MAX_JOINED_WORDS);
        // Word positions of the run, up to `longest` words.
        let mut word_ends = [0; MAX_NAME_WORDS];
        let mut n_ends = 0;
        let mut idx = start;
        while idx < run_end && n_ends < longest.min(MAX_NAME_WORDS) {
            let token = &self.tokens[idx];
            if token.kind == TokenKind::Possessive {
                break;
            }
            if token.capitalised {
                word_ends[n_ends] = idx;
                n_ends += 1;
            } else if !self.is_connector(idx) {
                break;
            }
            idx += 1;
        }
        for &last in word_ends[..n_ends].iter().rev() {
            let n_words = last - start + 1;
            let may_be_place = n_words <= longest_place;
            let may_be_demonym = n_words <= self.words.longest_demonym;
            // Syllables written apart ("Thin Gan Nyi Naung") are short words.
            let may_be_joined = may_join
                && (2..=MAX_JOINED_WORDS).contains(&n_words)
                && (start..=last).all(|i| {
                    self.tokens[i].capitalised
                        && self.tokens[i].end - self.tokens[i].start <= MAX_SYLLABLE_BYTES
                });
            if !(may_be_place || may_be_demonym || may_be_joined) {
                continue;
            }
            let names = if last == start {
                first_names
            } else {
                let text: &'s str = self.text;
                let span_text = &text[self.tokens[start].start..self.tokens[last].end];
                self.key.clear();
                push_key(span_text, self.key);
                gazetteer.names_of(self.key)
            };
            if may_be_place && !names.entries.is_empty() {
                return Some(Found {
                    first: start,
                    last,
                    entries: Cow::Borrowed(names.entries),
                    demonym: names.demonym,
                });
            }
            if let Some(target) = names.demonym.filter(|_| may_be_demonym) {
                return Some(Found {
                    first: start,
                    last,
                    entries: Cow::Borrowed(&[]),
                    demonym: Some(target),
                });
            }
            if may_be_joined {
                self.joined.clear();
                self.joined.extend(self.key.chars().filter(|c| *c != ' '));
                let entries = gazetteer.lookup_joined(self.joined);
                if !entries.is_empty() {
                    return Some(Found {
                        first: start,
                        last,
                        entries,
                        demonym: None,
                    });
                }
            }
        }
        None
    }

    /// A capitalised run the gazetteer lacks, right before a generic word ("Chaung Gyi village").
    fn unknown_before_generic(
        &self,
        sentence_idx: usize,
        start: usize,
        run_end: usize,
    ) -> Option<Candidate<'g>> {
        let next = run_end;
        let generic = self
            .tokens
            .get(next)
            .filter(|t| t.is_word())
            .map(|_| self.info(next))?;
        let hint = generic.after?;
        if !hint.names_unknown_area() || run_end == start || !self.adjacent(run_end - 1, next) {
            return None;
        }
        // "the Zorva District Secretary": a district or region whose name goes on past the
        // generic word names an office or a body, not the area.
        let name_goes_on = || {
            self.tokens.get(next + 1).is_some_and(|t| t.is_word())
                && self.adjacent(next, next + 1)
                && self.word(next + 1).starts_with(char::is_uppercase)
        };
        if !hint.is_local_unit() && name_goes_on() {
            return None;
        }
        let mut candidate = self.unknown_name(sentence_idx, start, run_end, hint)?;
        candidate.span = Span::new(candidate.name_span.start, self.tokens[next].end);
        candidate.plural_hint = generic.is(WordClass::Plural);
        Some(candidate)
    }

    /// A place of `kind` whose name, tokens `start..end` (capitalised words), the gazetteer
    /// lacks: not too long, and not common words alone.
    fn unknown_name(
        &self,
        sentence_idx: usize,
        start: usize,
        end: usize,
        kind: PlaceKind,
    ) -> Option<Candidate<'g>> {
        let n_words = end - start;
        let all_common = (start..end).all(|i| self.is(i, WordClass::NotPlace));
        let acronym = (start..end).any(|i| {
            let word = self.word(i);
            is_all_capitals(word) && could_be_acronym(word)
        });
        if n_words == 0 || n_words > MAX_UNKNOWN_WORDS || all_common || acronym {
            return None;
        }
        let name_span = Span::new(self.tokens[start].start, self.tokens[end - 1].end);
        Some(Candidate::unknown(name_span, sentence_idx, kind))
    }

    fn candidate(&self, sentence_idx: usize, found: &Found<'g>) -> Option<Candidate<'g>> {
        // A generic word the gazetteer keeps as part of a name ("Bhamo Town") is context,
        // unless the rest is no name on its own ("United States").
        let mut last = found.last;
        if last > found.first
            && self.info(last).after.is_some()
            && !(found.first + 1 == last && self.is(found.first, WordClass::NotPlace))
        {
            last -= 1;
        }
        let single_common = found.first == last && self.is(found.first, WordClass::NotPlace);
        if single_common && found.demonym.is_none() {
            return None;
        }
        let name_span = Span::new(self.tokens[found.first].start, self.tokens[last].end);
        // A dateline names the town the story was filed from ("MAGWAY —").
        let hint = (found.first < self.dateline_end).then_some(PlaceKind::Town);
        Some(Candidate {
            span: name_span,
            name_span,
            sentence: sentence_idx,
            entries: found.entries.clone(),
            hint,
            plural_hint: false,
            facility: false,
            role: PlaceRole::Toponym,
            demonym: found.demonym,
            container: None,
        })
    }

    /// True when only a dash stands between two names ("Kyondoe–Myawaddy").
    fn dash_between(&self, left: &Candidate, right: &Candidate) -> bool {
        self.text
            .get(left.name_span.end..right.name_span.start)
            .is_some_and(|between| matches!(between, "–" | "—" | "-"))
    }

    /// True for the words between a place and its container in an apposition: ", a village
    /// in", ", a town in neighbouring".
    fn is_apposition_in(&self, between: &str) -> bool {
        let Some(rest) = between
            .strip_prefix(", a ")
            .or_else(|| between.strip_prefix(", an "))
        else {
            return false;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let Some(in_at) = words.iter().rposition(|word| *word == "in") else {
            return false;
        };
        let generic = words[..in_at]
            .iter()
            .any(|word| self.words.info(word).after.is_some());
        generic && in_at <= 3 && words.len() - in_at <= 2
    }

    /// The token after a name's parenthesised other name ("(Kayah)"), or after the closing
    /// parenthesis of a name that is itself the aside; else `idx`.
    fn after_aside(&self, idx: usize) -> usize {
        let text_at = |i: usize| self.tokens.get(i).map(|t| t.text(self.text));
        match text_at(idx) {
            Some(")") => idx + 1,
            Some("(") => (idx + 1..idx + 5)
                .find(|i| text_at(*i) == Some(")"))
                .map_or(idx, |close| close + 1),
            _ => idx,
        }
    }

    /// Generic, facility and direction words, coordination, containers and roles.
    fn read_context(&self, candidates: &mut [Candidate<'g>], first_idx: usize) {
        let n = candidates.len();
        for idx in 0..n {
            let first = self.token_after(candidates[idx].name_span.start);
            let last = self.token_after(candidates[idx].name_span.end) - 1;
            let mut end_token = last;
            // Generic word after: "Bhamo Town", "Mansi townships", past another name in
            // parentheses: "Karenni (Kayah) State".
            if candidates[idx].hint.is_none() {
                let after_aside = self.after_aside(last + 1);
                let generic = self.info(after_aside);
                let last = after_aside - 1;
                // "the Shan State town of Lashio": the generic word belongs to the next name.
                let before_of = self
                    .tokens
                    .get(last + 2)
                    .is_some_and(|t| t.text(self.text) == "of");
                match generic.after {
                    Some(kind) if !before_of => {
                        candidates[idx].hint = Some(kind);
                        candidates[idx].plural_hint = generic.is(WordClass::Plural);
                        end_token = last + 1;
                    }
                    _ => {}
                }
            } else {
                end_token = self.token_after(candidates[idx].span.end) - 1;
            }
            // Facility word after: "Bhamo Airport".
            if let Some(token) = self.tokens.get(end_token + 1) {
                if token.is_word()
                    && self.is(end_token + 1, WordClass::Facility)
                    && self.adjacent(end_token, end_token + 1)
                {
                    candidates[idx].facility = true;
                    end_token += 1;
                }
            }
            // Generic word before "of": "the border town of Lweje".
            if candidates[idx].hint.is_none() && first >= 2 && self.word(first - 1) == "of" {
                if let Some(kind) = self.info(first - 2).before {
                    candidates[idx].hint = Some(kind);
                }
            }
            let mut start_token = first;
            if first >= 1
                && self.tokens[first - 1].is_word()
                && self.is(first - 1, WordClass::Direction)
            {
                start_token = first - 1;
            }
            // A road between places names them all: "the Loikaw–Mobye–Pekon road".
            if candidates[idx].facility {
                let mut chain = idx;
                while chain > 0 && self.dash_between(&candidates[chain - 1], &candidates[chain]) {
                    chain -= 1;
                }
                start_token = start_token.min(self.token_after(candidates[chain].name_span.start));
            }
            candidates[idx].span =
                Span::new(self.tokens[start_token].start, self.tokens[end_token].end);
            candidates[idx].role = self.role(&candidates[idx], first, last, end_token);
        }
        // Coordination: "Bhamo and Mansi townships" gives both the plural's kind.
        let mut shared = vec![false; n];
        for idx in (1..n).rev() {
            let (left, right) = candidates.split_at_mut(idx);
            let (previous, current) = (&mut left[idx - 1], &right[0]);
            if previous.hint.is_none()
                && current.plural_hint
                && previous.span.end <= current.span.start
            {
                let between = &self.text[previous.span.end..current.name_span.start];
                let between = between.trim();
                if matches!(between, "and" | "," | "or" | ", and" | "&") {
                    previous.hint = current.hint;
                    previous.plural_hint = true;
                    shared[idx - 1] = true;
                    shared[idx] = true;
                }
            }
        }
        // A plural of villages after one name describes them: "Sagaing villages" are villages
        // in Sagaing, not a village called Sagaing.
        for (candidate, shared) in candidates.iter_mut().zip(shared) {
            let villages = matches!(candidate.hint, Some(PlaceKind::Village | PlaceKind::Ward));
            if candidate.plural_hint && villages && !shared && !candidate.entries.is_empty() {
                candidate.hint = None;
                candidate.plural_hint = false;
                candidate.span = Span::new(candidate.span.start, candidate.name_span.end);
            }
        }
        // Containers: "X, Kachin State", "X in Y Township", "X of Y Township".
        for idx in 0..n.saturating_sub(1) {
            let gap = candidates[idx].span.end..candidates[idx + 1].span.start;
            let between = self.text.get(gap).unwrap_or("").trim();
            // "Thindaw, Shwebo and Kone villages" is a list, not Thindaw in Shwebo; "Thindaw,
            // Sagaing Region, on Monday" is not: a comma goes on a list only to another name.
            let listed = between == "," && {
                let after_next = self.text[candidates[idx + 1].span.end..].trim_start();
                let name_next = after_next
                    .strip_prefix(',')
                    .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase));
                name_next || after_next.starts_with("and ") || after_next.starts_with("or ")
            };
            let container_words = matches!(
                between,
                "," | "in" | "of" | ", in" | "near" | "in the" | "of the"
            );
            if container_words && !listed || self.is_apposition_in(between) {
                // "X in Ukraine's eastern Donetsk region": the place the possessive owns.
                let owned = candidates.get(idx + 2).filter(|owned| {
                    let gap = candidates[idx + 1].span.end..owned.span.start;
                    matches!(self.text.get(gap).unwrap_or(""), "'s " | "’s ")
                });
                let container = if owned.is_some() { idx + 2 } else { idx + 1 };
                candidates[idx].container = Some(first_idx + container);
            } else if matches!(between, "'s" | "’s") {
                // "Sagaing's Ayadaw Township": an owner that can be a state or region is one,
                // and holds the place it owns.
                let division = match candidates[idx].hint {
                    Some(hint) => hint == PlaceKind::Admin1,
                    None => candidates[idx]
                        .entries
                        .iter()
                        .any(|&entry| self.gazetteer.entry(entry).kind == PlaceKind::Admin1),
                };
                if division && candidates[idx + 1].hint.is_some() {
                    candidates[idx].hint = Some(PlaceKind::Admin1);
                    candidates[idx + 1].container = Some(first_idx + idx);
                }
            }
        }
    }

    fn role(
        &self,
        candidate: &Candidate,
        first: usize,
        last: usize,
        end_token: usize,
    ) -> PlaceRole {
        let next_is = |offset: usize, class: WordClass| self.is(end_token + offset, class);
        if candidate.demonym.is_some() {
            let locative_before = first >= 1
                && (self.is(first - 1, WordClass::Locative)
                    || self.is(first - 1, WordClass::Direction));
            // "in Kachin" is the state and "seized Kokang" the zone; "in Canadian hands" is
            // no town called Canadian.
            let region = candidate.entries.iter().any(|idx| {
                let entry = self.gazetteer.entry(*idx);
                entry.is_large() || entry.kind.is_division()
            });
            let is_place =
                region && (candidate.hint.is_some() || locative_before || candidate.facility);
            if !is_place {
                return PlaceRole::Demonym;
            }
        }
        if candidate.entries.is_empty() || candidate.facility {
            return PlaceRole::Toponym;
        }
        let may_stand_for_government = candidate.entries.iter().any(|idx| {
            let entry = self.gazetteer.entry(*idx);
            entry.kind == PlaceKind::Country
                || entry.kind == PlaceKind::Admin1
                || entry.kind == PlaceKind::Town && entry.population >= 100_000
        });
        if !may_stand_for_government || candidate.hint.is_some() {
            return PlaceRole::Toponym;
        }
        // "China's pressure", "Myanmar military".
        let possessive = self
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let noun_at = if possessive { 2 } else { 1 };
        if next_is(noun_at, WordClass::MetonymNoun) {
            return PlaceRole::Metonym;
        }
        // "Beijing said", "Kyiv did not address"; not "protesters in Nairobi demanded".
        let locative_before = first >= 1 && self.is(first - 1, WordClass::Locative);
        if locative_before {
            return PlaceRole::Toponym;
        }
        let mut offset = 1;
        while next_is(offset, WordClass::Auxiliary) {
            offset += 1;
        }
        if next_is(offset, WordClass::MetonymVerb) {
            return PlaceRole::Metonym;
        }
        PlaceRole::Toponym
    }
}
