/*!
Mention detection: which words of a sentence name a place, and what the words
around them say about it.

Only capitalised words start a mention. In each sentence:

1. Capitalised runs (capitalised words, with connectors such as "of" between
   them) that end in an organisation word ("Kachin Independence Army") or open
   with one ("Ministry of ...") are organisations; the words after a title
   ("General", "U") are a person. Neither holds a place.
2. From each remaining capitalised word the longest gazetteer name or demonym
   is taken (names are looked up by key, and also with their words joined, as
   Burmese names are spelt both ways: "Kan Paik Ti", "Kanpaikti"). A word that
   is never a place on its own ("March", "Police") is skipped.
3. A capitalised run before a generic word ("Chaung Gyi village") is a
   mention even when the gazetteer lacks it.
4. The context is read: a generic word after the name ("Bhamo Town", "Mansi
   townships", shared by coordinated names: "Bhamo and Mansi townships") or
   before it ("the border town of Lweje") asks for a kind; a facility word
   after it makes a spot ("Bhamo Airport"); a direction word before it opens
   the mention ("northern Shan State"); ", Y" or "in Y" after it names a
   container.
5. The role: a demonym stays a demonym unless it is also a place and a
   locative or generic word makes it one ("in Kachin", "Kachin State"); a
   country, admin1 or city followed by a speech or pressure verb ("Beijing
   said"), or by a noun for its government ("Myanmar military", "China's
   pressure"), is a metonym.
*/

use super::PlaceRole;
use super::gazetteer::{EntryIdx, Gazetteer};
use super::key::push_key;
use super::kind::PlaceKind;
use super::token::{Token, TokenKind, tokenize};
use super::words::{DemonymTarget, PlaceWords};
use crate::span::Span;

/// Longest run of capitalised words taken as a place the gazetteer lacks.
const MAX_UNKNOWN_WORDS: usize = 4;

/// Longest joined spelling tried ("Thin Gan Nyi Naung" as "Thingannyinaung").
const MAX_JOINED_WORDS: usize = 4;

/// A place mention before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The mention's bytes, with generic, facility and direction words.
    pub span: Span,
    /// The name's bytes alone.
    pub name_span: Span,
    /// Index of the sentence.
    pub sentence: usize,
    /// Gazetteer entries the name can denote (empty for an unknown name before a generic word).
    pub entries: Vec<EntryIdx>,
    /// The kind the context asks for.
    pub hint: Option<PlaceKind>,
    /// The hint comes from a plural generic word, which coordinated names share.
    pub plural_hint: bool,
    /// A facility word follows: the mention is a spot in the place ("Bhamo Airport").
    pub facility: bool,
    /// What the name stands for.
    pub role: PlaceRole,
    /// Where a demonym points.
    pub demonym: Option<DemonymTarget>,
    /// A later candidate that names this one's container ("X, Kachin State", "X in Y Township").
    pub container: Option<usize>,
}

/// Finds the candidate mentions of every sentence.
pub fn detect(text: &str, sentences: &[Span], gazetteer: &Gazetteer) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut key = String::new();
    for (sentence_idx, sentence) in sentences.iter().enumerate() {
        if sentence.end > text.len()
            || !text.is_char_boundary(sentence.start)
            || !text.is_char_boundary(sentence.end)
        {
            continue;
        }
        let tokens = tokenize(text, sentence.start, sentence.end);
        let mut detector = SentenceDetector {
            text,
            tokens: &tokens,
            gazetteer,
            words: gazetteer.words(),
            blocked: vec![false; tokens.len()],
            key: &mut key,
        };
        detector.block_organisations_and_people();
        let first = candidates.len();
        detector.find(sentence_idx, &mut candidates);
        detector.read_context(&mut candidates[first..], first);
    }
    candidates
}

/// A candidate for a given span (a gold toponym under evaluation): the gazetteer entries of
/// its text, or of its text joined up, or the demonym it is.
pub fn forced(text: &str, span: Span, sentence: usize, gazetteer: &Gazetteer) -> Candidate {
    let key = push_key_owned(span.slice(text));
    let mut entries = gazetteer.lookup_key(&key).to_vec();
    if entries.is_empty() {
        let joined: String = key.chars().filter(|c| *c != ' ').collect();
        entries = gazetteer.lookup_key(&joined).to_vec();
    }
    let demonym = gazetteer.words().demonyms.get(&key).cloned();
    let role = if entries.is_empty() && demonym.is_some() {
        PlaceRole::Demonym
    } else {
        PlaceRole::Toponym
    };
    Candidate {
        span,
        name_span: span,
        sentence,
        entries,
        hint: None,
        plural_hint: false,
        facility: false,
        role,
        demonym,
        container: None,
    }
}

fn push_key_owned(text: &str) -> String {
    let mut key = String::new();
    push_key(text, &mut key);
    key
}

/// A found name, as token indices.
struct Found {
    first: usize,
    last: usize,
    entries: Vec<EntryIdx>,
    demonym: Option<DemonymTarget>,
}

struct SentenceDetector<'a> {
    text: &'a str,
    tokens: &'a [Token],
    gazetteer: &'a Gazetteer,
    words: &'a PlaceWords,
    blocked: Vec<bool>,
    key: &'a mut String,
}

impl<'a> SentenceDetector<'a> {
    fn word(&self, idx: usize) -> &'a str {
        self.tokens[idx].text(self.text)
    }

    fn is_connector(&self, idx: usize) -> bool {
        let token = &self.tokens[idx];
        token.is_word() && !token.capitalised && self.words.connector.contains(self.word(idx))
    }

    /// Only spaces or a hyphen between two tokens.
    fn adjacent(&self, left: usize, right: usize) -> bool {
        self.text[self.tokens[left].end..self.tokens[right].start]
            .chars()
            .all(|c| c == ' ' || c == '-')
    }

    /// The end (exclusive) of the capitalised run starting at `start`: capitalised words, with
    /// connectors and possessives between them.
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
                idx += 1;
            } else {
                break;
            }
        }
        end
    }

    fn block_organisations_and_people(&mut self) {
        let mut start = 0;
        while start < self.tokens.len() {
            let token = self.tokens[start];
            if !(token.is_word() && token.capitalised) {
                start += 1;
                continue;
            }
            let end = self.run_end(start);
            if self.words.org_start.contains(self.word(start)) {
                self.blocked[start..end].fill(true);
            } else if let Some(last_org) = (start + 1..end)
                .rev()
                .find(|idx| self.words.org_end.contains(self.word(*idx)))
            {
                self.blocked[start..=last_org].fill(true);
            }
            for idx in start..end {
                if self.words.title.contains(self.word(idx)) {
                    self.block_person_after(idx);
                }
            }
            start = end.max(start + 1);
        }
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
        }
    }

    fn find(&mut self, sentence_idx: usize, out: &mut Vec<Candidate>) {
        let mut idx = 0;
        while idx < self.tokens.len() {
            let token = self.tokens[idx];
            if !(token.is_word() && token.capitalised)
                || self.blocked[idx]
                || self.is_unknown_acronym(idx)
            {
                idx += 1;
                continue;
            }
            let run_end = (idx..self.run_end(idx))
                .find(|i| self.blocked[*i])
                .unwrap_or_else(|| self.run_end(idx));
            match self.longest_name(idx, run_end) {
                Some(found) => {
                    let next = found.last + 1;
                    if let Some(candidate) = self.candidate(sentence_idx, found) {
                        out.push(candidate);
                    }
                    idx = next;
                }
                None => {
                    // Only a plain run of capitalised words (no connector, no common word) is
                    // taken for a name the gazetteer lacks: "Residents of X town" is not one.
                    let plain = (idx..run_end).all(|i| self.tokens[i].capitalised)
                        && !self.words.not_place.contains(self.word(idx));
                    let unknown =
                        plain.then(|| self.unknown_before_generic(sentence_idx, idx, run_end));
                    if let Some(candidate) = unknown.flatten() {
                        idx = self.token_after(candidate.name_span.end);
                        out.push(candidate);
                    } else {
                        idx += 1;
                    }
                }
            }
        }
    }

    /// An all-capital word ("KNG", "AA") names a place only when the alias layer lists it
    /// ("US", "DRC").
    fn is_unknown_acronym(&mut self, idx: usize) -> bool {
        let word = self.word(idx);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || word.chars().any(char::is_lowercase) {
            return false;
        }
        self.key.clear();
        push_key(word, self.key);
        !self.gazetteer.is_acronym(self.key)
    }

    fn token_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|token| token.start < byte)
    }

    /// The longest gazetteer name or demonym starting at `start` within the run.
    fn longest_name(&mut self, start: usize, run_end: usize) -> Option<Found> {
        self.key.clear();
        push_key(self.word(start), self.key);
        let longest_place = self.gazetteer.longest_name_from(self.key);
        let longest = longest_place
            .max(self.words.longest_demonym)
            .max(MAX_JOINED_WORDS);
        // Word positions of the run, up to `longest` words.
        let mut word_ends = Vec::with_capacity(longest);
        let mut idx = start;
        while idx < run_end && word_ends.len() < longest {
            let token = &self.tokens[idx];
            if token.kind == TokenKind::Possessive {
                break;
            }
            if token.capitalised {
                word_ends.push(idx);
            } else if !self.is_connector(idx) {
                break;
            }
            idx += 1;
        }
        for &last in word_ends.iter().rev() {
            let n_words = last - start + 1;
            let text: &'a str = self.text;
            let span_text = &text[self.tokens[start].start..self.tokens[last].end];
            self.key.clear();
            push_key(span_text, self.key);
            if n_words <= longest_place.max(1) {
                let entries = self.gazetteer.lookup_key(self.key);
                if !entries.is_empty() {
                    let demonym = self.words.demonyms.get(self.key.as_str()).cloned();
                    return Some(Found {
                        first: start,
                        last,
                        entries: entries.to_vec(),
                        demonym,
                    });
                }
            }
            if let Some(target) = self.words.demonyms.get(self.key.as_str()) {
                return Some(Found {
                    first: start,
                    last,
                    entries: Vec::new(),
                    demonym: Some(target.clone()),
                });
            }
            if n_words >= 2
                && n_words <= MAX_JOINED_WORDS
                && (start..=last).all(|i| self.tokens[i].capitalised)
            {
                let joined: String = self.key.chars().filter(|c| *c != ' ').collect();
                let entries = self.gazetteer.lookup_key(&joined);
                if !entries.is_empty() {
                    return Some(Found {
                        first: start,
                        last,
                        entries: entries.to_vec(),
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
    ) -> Option<Candidate> {
        let next = run_end;
        let generic = self
            .tokens
            .get(next)
            .filter(|t| t.is_word())
            .map(|t| t.text(self.text))?;
        let hint = *self.words.after.get(generic)?;
        if !matches!(
            hint,
            PlaceKind::Village | PlaceKind::Township | PlaceKind::Town | PlaceKind::Ward
        ) {
            return None;
        }
        let n_words = run_end - start;
        let all_common = (start..run_end).all(|i| self.words.not_place.contains(self.word(i)));
        if n_words == 0
            || n_words > MAX_UNKNOWN_WORDS
            || all_common
            || !self.adjacent(run_end - 1, next)
        {
            return None;
        }
        let name_span = Span::new(self.tokens[start].start, self.tokens[run_end - 1].end);
        Some(Candidate {
            span: Span::new(name_span.start, self.tokens[next].end),
            name_span,
            sentence: sentence_idx,
            entries: Vec::new(),
            hint: Some(hint),
            plural_hint: self.words.plural.contains(generic),
            facility: false,
            role: PlaceRole::Toponym,
            demonym: None,
            container: None,
        })
    }

    fn candidate(&self, sentence_idx: usize, mut found: Found) -> Option<Candidate> {
        // A generic word the gazetteer keeps as part of a name ("Bhamo Town") is context.
        if found.last > found.first && self.words.after.contains_key(self.word(found.last)) {
            found.last -= 1;
        }
        let single_common =
            found.first == found.last && self.words.not_place.contains(self.word(found.first));
        if single_common && found.demonym.is_none() {
            return None;
        }
        let name_span = Span::new(self.tokens[found.first].start, self.tokens[found.last].end);
        Some(Candidate {
            span: name_span,
            name_span,
            sentence: sentence_idx,
            entries: found.entries,
            hint: None,
            plural_hint: false,
            facility: false,
            role: PlaceRole::Toponym,
            demonym: found.demonym,
            container: None,
        })
    }

    /// Generic, facility and direction words, coordination, containers and roles.
    fn read_context(&self, candidates: &mut [Candidate], first_idx: usize) {
        let n = candidates.len();
        for idx in 0..n {
            let first = self.token_after(candidates[idx].name_span.start);
            let last = self.token_after(candidates[idx].name_span.end) - 1;
            let mut end_token = last;
            // Generic word after: "Bhamo Town", "Mansi townships".
            if candidates[idx].hint.is_none() {
                let generic = self
                    .tokens
                    .get(last + 1)
                    .map(|t| t.text(self.text))
                    .unwrap_or("");
                if let Some(kind) = self.words.after.get(generic) {
                    candidates[idx].hint = Some(*kind);
                    candidates[idx].plural_hint = self.words.plural.contains(generic);
                    end_token = last + 1;
                }
            } else {
                end_token = self.token_after(candidates[idx].span.end) - 1;
            }
            // Facility word after: "Bhamo Airport".
            if let Some(token) = self.tokens.get(end_token + 1) {
                if token.is_word()
                    && self.words.facility.contains(token.text(self.text))
                    && self.adjacent(end_token, end_token + 1)
                {
                    candidates[idx].facility = true;
                    end_token += 1;
                }
            }
            // Generic word before "of": "the border town of Lweje".
            if candidates[idx].hint.is_none() && first >= 2 && self.word(first - 1) == "of" {
                if let Some(kind) = self.words.before.get(self.word(first - 2)) {
                    candidates[idx].hint = Some(*kind);
                }
            }
            let mut start_token = first;
            if first >= 1
                && self.tokens[first - 1].is_word()
                && self.words.direction.contains(self.word(first - 1))
            {
                start_token = first - 1;
            }
            candidates[idx].span =
                Span::new(self.tokens[start_token].start, self.tokens[end_token].end);
            candidates[idx].role = self.role(&candidates[idx], first, last, end_token);
        }
        // Coordination: "Bhamo and Mansi townships" gives both the plural's kind.
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
                }
            }
        }
        // Containers: "X, Kachin State", "X in Y Township", "X of Y Township".
        for idx in 0..n.saturating_sub(1) {
            let gap = candidates[idx].span.end..candidates[idx + 1].span.start;
            let between = self.text.get(gap).unwrap_or("").trim();
            if matches!(
                between,
                "," | "in" | "of" | ", in" | "near" | "in the" | "of the"
            ) {
                candidates[idx].container = Some(first_idx + idx + 1);
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
        let next_word = |offset: usize| {
            self.tokens
                .get(end_token + offset)
                .map(|t| t.text(self.text))
        };
        if candidate.demonym.is_some() {
            let locative_before = first >= 1 && self.words.locative.contains(self.word(first - 1))
                || first >= 1 && self.words.direction.contains(self.word(first - 1));
            let is_place = !candidate.entries.is_empty()
                && (candidate.hint.is_some() || locative_before || candidate.facility);
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
        if next_word(noun_at).is_some_and(|word| self.words.metonym_noun.contains(word)) {
            return PlaceRole::Metonym;
        }
        // "Beijing said", "Kyiv did not address".
        let mut offset = 1;
        while next_word(offset).is_some_and(|word| self.words.auxiliary.contains(word)) {
            offset += 1;
        }
        if next_word(offset).is_some_and(|word| self.words.metonym_verb.contains(word)) {
            return PlaceRole::Metonym;
        }
        PlaceRole::Toponym
    }
}
