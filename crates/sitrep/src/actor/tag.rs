/*!
Finding actor mentions in a document.

One pass of the dictionary's automaton gives raw hits; they are then read in text order,
keeping what the reading needs: the article's main country (for "the army"), the last
armed non-state group named (for "the rebels"), and the last armed actor (for "its
troops"). A country or adjective before a generic phrase or force noun makes one mention
("Sudan's army", "Russian troops"); a force noun after a name joins it ("KIA fighters").
Definitions the article makes ("the Chin Brotherhood (CB)"), and unknown groups it names
before a group noun ("the Ye Wa, a resistance force"), add aliases, and the text is read again
with them. A political body's forces are its armed wing ("KIO troops" are the KIA).
*/

use jiff::civil::Date;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::define::{self, Definition};
use super::dictionary::{GenericClass, Target, inside_outlet};
use super::{ActorDictionary, ActorId, ActorMention, MentionKind};
use crate::place::PlaceMention;
use crate::span::Span;

/// What a hit found.
#[derive(Clone, Debug)]
enum HitKind {
    /// A dictionary pattern.
    Pattern(usize),
    /// An alias the article defined.
    Learned(ActorId),
}

#[derive(Clone, Debug)]
struct Hit {
    span: Span,
    kind: HitKind,
}

/// Finds the actor mentions of a text, in order. `places` (may be empty) help decide the
/// article's main country; `definitions` are the text's [`find_definitions`](super::find_definitions).
pub fn tag(
    text: &str,
    sentences: &[Span],
    places: &[PlaceMention],
    definitions: &[Definition],
    published: Option<Date>,
    dict: &ActorDictionary,
) -> Vec<ActorMention> {
    let hits = dictionary_hits(text, dict);
    let focus = focus_country(text, &hits, places, dict);
    // What each definition's or group's name stands for, read from the hits inside it alone.
    let named_in = |name: Span| {
        let inside: Vec<Hit> = hits
            .iter()
            .filter(|h| name.contains(h.span))
            .cloned()
            .collect();
        resolve(text, sentences, &inside, focus.as_deref(), published, dict)
    };
    let named: Vec<ActorMention> = definitions.iter().flat_map(|d| named_in(d.name)).collect();
    let mut learned = define::learn(text, definitions, &named, dict);
    // A group's name is no place's ("the Hill Ridge Township resistance group"), no other
    // name's ("the Lebanese armed group"), nor part of a definition's.
    let mut groups = define::group_names(text, dict);
    groups.retain(|name| {
        !places.iter().any(|p| p.span.contains(*name))
            && !hits.iter().any(|h| h.span.contains(*name))
            && !definitions.iter().any(|d| d.name.overlaps(*name))
    });
    let named: Vec<ActorMention> = groups.iter().flat_map(|name| named_in(*name)).collect();
    learned.extend(define::learn_groups(text, &groups, &named));
    let names: Vec<(Span, ActorId)> = hits
        .iter()
        .filter_map(|hit| {
            let HitKind::Pattern(idx) = hit.kind else {
                return None;
            };
            let entry = best_actor(&dict.patterns[idx].targets, focus.as_deref(), dict)?;
            Some((hit.span, dict.entries[entry].id.clone()))
        })
        .collect();
    learned.extend(define::surnames(text, &names, dict));
    let hits = if learned.is_empty() {
        hits
    } else {
        with_learned(text, hits, &learned, dict)
    };
    let mut mentions = resolve(text, sentences, &hits, focus.as_deref(), published, dict);
    to_branches(&mut mentions, dict);
    mentions
}

/// Where the article names a regional branch of an organisation ("Islamic State West Africa
/// Province"), the organisation's own name stands for that branch ("fighters of the Islamic
/// State"): the branch named last before, else the first named soon after (within
/// [`BRANCH_AHEAD_BYTES`]: an affiliate named later in a story about the parent is another
/// group).
fn to_branches(mentions: &mut [ActorMention], dict: &ActorDictionary) {
    const BRANCH_AHEAD_BYTES: usize = 600;
    for idx in 0..mentions.len() {
        let parent = &mentions[idx].actor;
        if !dict.has_branches(parent) {
            continue;
        }
        let is_branch = |m: &&ActorMention| dict.is_branch_of(&m.actor, parent);
        let ahead = mentions[idx].span.end + BRANCH_AHEAD_BYTES;
        let branch = mentions[..idx]
            .iter()
            .rev()
            .find(is_branch)
            .or_else(|| {
                mentions[idx + 1..]
                    .iter()
                    .take_while(|m| m.span.start <= ahead)
                    .find(is_branch)
            })
            .map(|m| m.actor.clone());
        if let Some(branch) = branch {
            mentions[idx].actor = branch;
        }
    }
}

/// True when `span` starts and ends on word boundaries and no blocking affix is joined to it
/// ("pro-junta", "Britain-based" name no actor).
fn on_word_boundaries(text: &str, span: Span, dict: &ActorDictionary) -> bool {
    if !crate::text::on_word_boundaries(text, span.start, span.end) {
        return false;
    }
    !dict
        .blocking_affixes
        .joined(&text.as_bytes()[..span.start], &text.as_bytes()[span.end..])
}

/// The dictionary's names in `text`, but for the places of the dateline ("MOSCOW, July 31
/// (Reuters) - Ukrainian drones hit ..." is no deed of Russia's; "Arakan Army: The group said
/// ..." is the group's) and the names of news outlets ("France 24").
fn dictionary_hits(text: &str, dict: &ActorDictionary) -> Vec<Hit> {
    let dateline_end = crate::text::dateline(text).map_or(0, |dateline| dateline.end);
    let outlets = dict.outlets_in(text);
    dict.matcher
        .find_iter(text)
        .filter_map(|m| {
            let span = Span::new(m.start(), m.end());
            let pattern = &dict.patterns[m.pattern().as_usize()];
            let case_ok = !pattern.case_sensitive || span.slice(text) == pattern.text;
            let in_dateline = span.end <= dateline_end
                && !pattern
                    .targets
                    .iter()
                    .any(|t| matches!(t, Target::Actor(_)));
            let usable = case_ok
                && !in_dateline
                && on_word_boundaries(text, span, dict)
                && !inside_outlet(&outlets, text, span);
            usable.then_some(Hit {
                span,
                kind: HitKind::Pattern(m.pattern().as_usize()),
            })
        })
        .collect()
}

/// Adds the occurrences of learned aliases; they win over dictionary hits they overlap,
/// except inside a longer dictionary name ("Hlaing" inside "Min Aung Hlaing").
fn with_learned(
    text: &str,
    hits: Vec<Hit>,
    learned: &[(String, ActorId)],
    dict: &ActorDictionary,
) -> Vec<Hit> {
    let mut learned_hits: Vec<Hit> = Vec::new();
    for (alias, id) in learned {
        for start in crate::text::occurrences(text, alias) {
            let span = Span::new(start, start + alias.len());
            let inside_longer = hits
                .iter()
                .any(|h| h.span.contains(span) && h.span.len() > span.len());
            if on_word_boundaries(text, span, dict)
                && !inside_longer
                && !learned_hits.iter().any(|h| h.span.overlaps(span))
            {
                learned_hits.push(Hit {
                    span,
                    kind: HitKind::Learned(id.clone()),
                });
            }
        }
    }
    let mut all: Vec<Hit> = hits
        .into_iter()
        .filter(|hit| !learned_hits.iter().any(|l| l.span.overlaps(hit.span)))
        .collect();
    all.extend(learned_hits);
    all.sort_by_key(|hit| hit.span.start);
    all
}

/// The country most of the article's actors and places belong to; on a tie, the one named
/// first, and then the first in code order. An actor counts twice. "UK-based" and the like
/// name no country of the story: a name joined to a blocking affix made no hit; nor does a
/// neighbour named only to locate a place ("near the Chad border"), as a name or as a place.
fn focus_country(
    text: &str,
    hits: &[Hit],
    places: &[PlaceMention],
    dict: &ActorDictionary,
) -> Option<String> {
    let mut votes: HashMap<String, (usize, usize)> = HashMap::default();
    let mut vote = |country: &str, weight: usize, at: usize| {
        let entry = votes.entry(country.to_string()).or_insert((0, at));
        entry.0 += weight;
        entry.1 = entry.1.min(at);
    };
    let mut place_references: Vec<Span> = Vec::new();
    for hit in hits {
        let HitKind::Pattern(idx) = hit.kind else {
            continue;
        };
        let targets = &dict.patterns[idx].targets;
        if targets.iter().any(|t| matches!(t, Target::CountryName(_)))
            && names_a_place(text, hit.span, dict)
        {
            place_references.push(hit.span);
            continue;
        }
        for target in targets {
            match *target {
                Target::Actor(entry) => {
                    if let Some(country) = dict.entries[entry].country.as_deref() {
                        vote(country, 2, hit.span.start);
                    }
                }
                Target::CountryName(c) | Target::Capital(c) | Target::Demonym(c) => {
                    vote(&dict.countries[c].code, 1, hit.span.start)
                }
                _ => {}
            }
        }
    }
    for place in places {
        if place_references.iter().any(|r| r.overlaps(place.span)) {
            continue;
        }
        if let Some(country) = place.location.as_ref().and_then(|l| l.country.as_deref()) {
            vote(country, 1, place.span.start);
        }
    }
    // The code breaks a last tie, so that the answer does not hang on the map's order.
    votes
        .into_iter()
        .max_by(|(code_a, (n_a, first_a)), (code_b, (n_b, first_b))| {
            (n_a, std::cmp::Reverse(first_a), std::cmp::Reverse(code_a)).cmp(&(
                n_b,
                std::cmp::Reverse(first_b),
                std::cmp::Reverse(code_b),
            ))
        })
        .map(|(code, _)| code)
}

/// Reading state carried through the document.
struct Reader<'a> {
    text: &'a str,
    dict: &'a ActorDictionary,
    /// The article's day: names of an actor succeeded by then denote the successor.
    published: Option<Date>,
    mentions: Vec<ActorMention>,
    last_non_state: Option<ActorId>,
    /// The last non-state armed group named that fights the state (no state ally).
    last_opposition: Option<ActorId>,
}

impl Reader<'_> {
    fn push(&mut self, span: Span, actor: ActorId, how: MentionKind) {
        let actor = match self.dict.successor(&actor, self.published) {
            Some(successor) => successor.clone(),
            None => actor,
        };
        let actor = self.armed_wing_of_forces(span, actor);
        let kind = self.dict.kind_of(&actor);
        if kind.is_non_state_armed() && how != MentionKind::Anaphor {
            self.last_non_state = Some(actor.clone());
            if !self.dict.sides_with_state(&actor) {
                self.last_opposition = Some(actor.clone());
            }
        }
        self.mentions.push(ActorMention {
            span,
            actor,
            kind,
            how,
        });
    }

    /// A mention of a political body's forces ("KIO troops", or "resistance forces" that
    /// refer back to the NUG) names its armed wing; the body itself ("the KIO said") stays.
    fn armed_wing_of_forces(&self, span: Span, actor: ActorId) -> ActorId {
        let Some(wing) = self.dict.armed_wing(&actor) else {
            return actor;
        };
        let last_word = span.slice(self.text).rsplit(' ').next().unwrap_or("");
        if self.dict.wing_nouns.contains(&last_word.to_lowercase()) {
            wing.clone()
        } else {
            actor
        }
    }

    /// The end of a force noun that follows `end` ("KIA fighters", "Russian troops",
    /// "KIA-led forces"), if one does.
    fn force_noun_after(&self, end: usize) -> Option<usize> {
        self.noun_after(self.unit_after(end).unwrap_or(end), &self.dict.force_nouns)
    }

    /// The end of a numbered unit right after `end` ("KNLA *Brigade 6* troops", "*Battalion
    /// No. 14*"), if one stands there.
    fn unit_after(&self, end: usize) -> Option<usize> {
        let rest = self.text[end..].strip_prefix(' ')?;
        let (noun, rest) = rest.split_once(' ')?;
        let rest = ["No. ", "No "]
            .iter()
            .find_map(|prefix| rest.strip_prefix(prefix))
            .unwrap_or(rest);
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        // The number first: it rules out almost every word before any lookup.
        (digits > 0 && self.dict.unit_nouns.contains(&noun.to_ascii_lowercase()))
            .then(|| self.text.len() - rest.len() + digits)
    }

    /// Whether a noun of a weapon ("Russian drones") or of an attack ("Ukrainian shelling", "a
    /// Ukrainian drone attack") follows `end`.
    fn strike_noun_after(&self, end: usize) -> Option<StrikeNoun> {
        let nouns = &self.dict.strike_nouns;
        if self.noun_after(end, &nouns.attacks).is_some() {
            return Some(StrikeNoun::Attack);
        }
        let weapon_end = self.noun_after(end, &nouns.weapons)?;
        Some(match self.noun_after(weapon_end, &nouns.attacks) {
            Some(_) => StrikeNoun::Attack,
            None => StrikeNoun::Weapon,
        })
    }

    /// The end of a noun of `nouns` that follows `end`, past "-led" or the bracket that closes
    /// an abbreviation alone ("the Arakan Army (AA) troops", not "(TNLA, MNDAA and AA)
    /// forces"), if one does.
    fn noun_after(&self, end: usize, nouns: &HashSet<String>) -> Option<usize> {
        let rest = &self.text[end..];
        // The abbreviation alone: no space or comma back to the opening bracket.
        let bracketed_alone = || {
            let word_start = self.text[..end]
                .rfind(|c: char| c.is_whitespace() || c == ',' || c == '(')
                .unwrap_or(0);
            self.text[word_start..].starts_with('(')
        };
        let rest_trimmed = rest
            .strip_prefix("-led")
            .or_else(|| rest.strip_prefix(')').filter(|_| bracketed_alone()))
            .unwrap_or(rest);
        let skipped = rest.len() - rest_trimmed.len();
        let after_space = rest_trimmed.trim_start_matches([' ', '\u{a0}']);
        if after_space.len() == rest_trimmed.len() {
            return None;
        }
        let word_len = after_space
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after_space.len());
        let word = &after_space[..word_len];
        nouns
            .contains(&word.to_ascii_lowercase())
            .then(|| end + skipped + (rest_trimmed.len() - after_space.len()) + word_len)
    }

    /// The start of a force noun and "loyal to" right before `start` ("forces loyal to" the
    /// name there), if they stand there: the forces are the named leader's side.
    fn loyal_forces_before(&self, start: usize) -> Option<usize> {
        let head = self.text[..start].strip_suffix(LOYAL_TO)?;
        let noun_start = head.trim_end_matches(char::is_alphabetic).len();
        self.dict
            .force_nouns
            .contains(&head[noun_start..].to_lowercase())
            .then_some(noun_start)
    }

    /// For a generic phrase with antecedent heads ("the alliance"), the last non-state actor
    /// named (not referred to) whose name, as written or in the dictionary, ends with one.
    fn antecedent_with_head(&self, phrase: &str) -> Option<ActorId> {
        let heads = self.dict.antecedent_heads.get(phrase)?;
        let ends_with_head = |name: &str| {
            let last = name.rsplit(' ').next().unwrap_or("");
            heads.iter().any(|head| last.eq_ignore_ascii_case(head))
        };
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.kind.is_non_state_armed() && m.how != MentionKind::Anaphor)
            .find(|m| {
                ends_with_head(m.span.slice(self.text))
                    || self
                        .dict
                        .entry(m.actor.as_str())
                        .is_some_and(|entry| entry.names.iter().any(|n| ends_with_head(n)))
            })
            .map(|m| m.actor.clone())
    }

    /// The last armed actor named before `start`, for "its troops".
    fn last_armed_before(&self, start: usize) -> Option<ActorId> {
        self.mentions
            .iter()
            .rev()
            .find(|m| m.span.end <= start && m.kind.is_armed())
            .map(|m| m.actor.clone())
    }

    /// The non-state armed group whose possessive stands right before `start` ("the KIA's"),
    /// or, with `bare`, its name ("the NUG defence minister").
    fn non_state_owner_before(&self, start: usize, bare: bool) -> Option<ActorId> {
        let last = self
            .mentions
            .last()
            .filter(|m| m.kind.is_non_state_armed())?;
        let after_name = possessive_end(self.text, last.span.end);
        let owned = last.span.end < start
            && (bare || after_name > last.span.end)
            && self.text[after_name..start].trim().is_empty();
        owned.then(|| last.actor.clone())
    }

    fn possessive_pronoun_before(&self, start: usize) -> bool {
        let word = self.word_before(start);
        word.eq_ignore_ascii_case("its") || word.eq_ignore_ascii_case("their")
    }

    /// True when a capitalised generic word closes a name of two or more capitalised words
    /// the dictionary does not know: "the Zomi Revolutionary Army" is a group of its own, not
    /// the army of the country ("the Myanmar Army" keeps one word of name).
    fn closes_unknown_name(&self, span: Span) -> bool {
        if !self.text[span.start..].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        let head = &self.text[..span.start];
        let capitalised_before = head
            .split(' ')
            .rev()
            .skip(1) // the empty piece after the last word's space
            .take_while(|word| word.starts_with(|c: char| c.is_uppercase()))
            .filter(|word| !matches!(*word, "The" | "A" | "An" | "This" | "That"))
            .count();
        head.ends_with(' ') && capitalised_before >= 2
    }

    /// True when a capitalised word stands right before `start` within its sentence, other
    /// than an article ("Funtua local government", "Hungarian Prime Minister"; not "The
    /// prime minister", nor a word closing the sentence before).
    fn capitalised_word_before(&self, start: usize) -> bool {
        let word = self.word_before(start);
        word.starts_with(char::is_uppercase)
            && !matches!(word, "The" | "A" | "An")
            && !word.ends_with(['.', '!', '?', '"', '”', ':', ';'])
    }

    fn definite_article_before(&self, start: usize) -> bool {
        let word = self.word_before(start);
        word == "the" || word == "The" || word.ends_with("’s") || word.ends_with("'s")
    }

    /// The word before `start`, past any white space: a paragraph's first word follows a line
    /// break, not a space ("…\n\nThe group said").
    fn word_before(&self, start: usize) -> &str {
        self.text[..start]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
    }
}

fn resolve(
    text: &str,
    sentences: &[Span],
    hits: &[Hit],
    focus: Option<&str>,
    published: Option<Date>,
    dict: &ActorDictionary,
) -> Vec<ActorMention> {
    let mut reader = Reader {
        text,
        dict,
        published,
        mentions: Vec::new(),
        last_non_state: None,
        last_opposition: None,
    };
    // Generic groups named before any group, whether they fight the state, and where the
    // group they stand for may be named from.
    let mut cataphors: Vec<(Span, bool, usize)> = Vec::new();
    let mut idx = 0;
    while idx < hits.len() {
        let hit = &hits[idx];
        idx += 1;
        let targets: &[Target] = match &hit.kind {
            HitKind::Learned(id) => {
                let end = reader
                    .force_noun_after(hit.span.end)
                    .unwrap_or(hit.span.end);
                idx = skip_hits_before(hits, idx, end);
                reader.push(
                    Span::new(hit.span.start, end),
                    id.clone(),
                    MentionKind::Defined,
                );
                continue;
            }
            HitKind::Pattern(pattern) => &dict.patterns[*pattern].targets,
        };
        if let Some(entry) = best_actor(targets, focus, dict) {
            let end = reader
                .force_noun_after(hit.span.end)
                .unwrap_or(hit.span.end);
            idx = skip_hits_before(hits, idx, end);
            let start = reader
                .loyal_forces_before(hit.span.start)
                .unwrap_or(hit.span.start);
            reader.push(
                Span::new(start, end),
                dict.entries[entry].id.clone(),
                MentionKind::Name,
            );
            continue;
        }
        if let Some(country) = targets.iter().find_map(|t| match *t {
            Target::CountryName(c) | Target::Demonym(c) | Target::Capital(c) => Some(c),
            _ => None,
        }) {
            let country_entry = &dict.countries[country];
            // "Sudan's army", "the Chinese government", "Russian troops".
            let after_possessive = possessive_end(text, hit.span.end);
            let next_adjacent = hits
                .get(idx)
                .filter(|next| text[after_possessive..next.span.start].trim().is_empty());
            // "Sudan's paramilitary Rapid Support Forces": the country only places the group.
            if after_possessive > hit.span.end
                && next_adjacent.is_some_and(|next| match &next.kind {
                    HitKind::Learned(_) => true,
                    HitKind::Pattern(p) => {
                        generic_class(next, dict) == Some(GenericClass::NonState)
                            || best_actor(&dict.patterns[*p].targets, focus, dict).is_some()
                    }
                })
            {
                continue;
            }
            if let Some(next) = next_adjacent {
                if let Some(class) = generic_class(next, dict).filter(|c| {
                    !matches!(
                        c,
                        GenericClass::NonState | GenericClass::Ally | GenericClass::Area
                    )
                }) {
                    let actor = match class {
                        GenericClass::Government | GenericClass::Post => {
                            country_entry.government.clone()
                        }
                        _ => country_entry.military.clone(),
                    };
                    let end = reader
                        .force_noun_after(next.span.end)
                        .unwrap_or(next.span.end);
                    idx = skip_hits_before(hits, idx + 1, end);
                    reader.push(Span::new(hit.span.start, end), actor, MentionKind::Generic);
                    continue;
                }
            }
            if let Some(end) = reader.force_noun_after(hit.span.end) {
                idx = skip_hits_before(hits, idx, end);
                reader.push(
                    Span::new(hit.span.start, end),
                    country_entry.military.clone(),
                    MentionKind::Generic,
                );
                continue;
            }
            // "Russian drones hit the port": the adjective is the forces, the noun the event's;
            // for a weapon only when the country is a party of the story (its country, or one
            // named as an actor before): "Iranian drones struck Kyiv" names who made them.
            let party = || {
                focus == Some(country_entry.code.as_str())
                    || reader.mentions.iter().any(|m| {
                        m.actor == country_entry.military || m.actor == country_entry.government
                    })
            };
            let attacker = targets.iter().any(|t| matches!(t, Target::Demonym(_)))
                && match reader.strike_noun_after(hit.span.end) {
                    Some(StrikeNoun::Attack) => true,
                    Some(StrikeNoun::Weapon) => party(),
                    None => false,
                };
            if attacker {
                reader.push(
                    hit.span,
                    country_entry.military.clone(),
                    MentionKind::Generic,
                );
                continue;
            }
            if targets
                .iter()
                .any(|t| matches!(t, Target::CountryName(_) | Target::Capital(_)))
                && !names_a_place(text, hit.span, dict)
            {
                let how = if targets.iter().any(|t| matches!(t, Target::CountryName(_))) {
                    MentionKind::Country
                } else {
                    MentionKind::Capital
                };
                reader.push(hit.span, country_entry.government.clone(), how);
            }
            continue;
        }
        if let Some(ethnic) = targets.iter().find_map(|t| {
            if let Target::Ethnic(e) = *t {
                Some(e)
            } else {
                None
            }
        }) {
            // "Kachin forces", "Chin resistance forces".
            let next_generic_end = hits
                .get(idx)
                .filter(|next| text[hit.span.end..next.span.start].trim().is_empty())
                .filter(|next| generic_class(next, dict) == Some(GenericClass::NonState))
                .map(|next| next.span.end);
            if let Some(end) = next_generic_end.or_else(|| reader.force_noun_after(hit.span.end)) {
                idx = skip_hits_before(hits, idx, end);
                let candidates = &dict.ethnic[ethnic].1;
                let actor = candidates
                    .iter()
                    .find(|id| reader.mentions.iter().any(|m| &m.actor == *id))
                    .unwrap_or(&candidates[0])
                    .clone();
                reader.push(Span::new(hit.span.start, end), actor, MentionKind::Ethnic);
            }
            continue;
        }
        let Some(class) = generic_class(hit, dict) else {
            continue;
        };
        // "troops loyal to Hadi": the name after makes the mention, from the troops on
        // ("troops loyal to the president" stay the generic troops).
        let after_loyal = hit.span.end + LOYAL_TO.len();
        let name_after_loyal = text[hit.span.end..].starts_with(LOYAL_TO)
            && hits[idx..]
                .iter()
                .take_while(|h| h.span.start <= after_loyal)
                .any(|h| h.span.start == after_loyal && generic_class(h, dict).is_none());
        if name_after_loyal {
            continue;
        }
        let end = reader
            .force_noun_after(hit.span.end)
            .unwrap_or(hit.span.end);
        let span = Span::new(hit.span.start, end);
        // "Funtua local government" is an area; "the local government said", its body. A post
        // after a capitalised word no country list knows ("Hungarian Prime Minister") is that
        // word's country's, no actor; otherwise ("Defence Minister Salifou Mody said") the
        // article's.
        let class = match class {
            GenericClass::Area | GenericClass::Post
                if !reader.capitalised_word_before(hit.span.start) =>
            {
                GenericClass::Government
            }
            class => class,
        };
        // "al Shabaab's military spokesman", "the NUG defence minister": the group's own, not
        // the state's.
        let bare = matches!(
            class,
            GenericClass::State | GenericClass::Government | GenericClass::Post
        );
        let owner = (class != GenericClass::Ally && class != GenericClass::Area)
            .then(|| reader.non_state_owner_before(hit.span.start, bare))
            .flatten();
        if let Some(owner) = owner {
            idx = skip_hits_before(hits, idx, end);
            reader.push(span, owner, MentionKind::Anaphor);
            continue;
        }
        // A post no country names ("the defence minister of Niger" is Niger's) is no one.
        if matches!(
            class,
            GenericClass::Ally | GenericClass::Area | GenericClass::Post
        ) {
            idx = skip_hits_before(hits, idx, end);
            continue;
        }
        if reader.possessive_pronoun_before(hit.span.start) {
            if let Some(actor) = reader.last_armed_before(hit.span.start) {
                idx = skip_hits_before(hits, idx, end);
                reader.push(span, actor, MentionKind::Anaphor);
            }
            continue;
        }
        match class {
            GenericClass::State | GenericClass::Government => {
                // "authorities in the Ukrainian capital", "officials in Kenya", "the defence
                // minister of Niger": the country named right after, not the article's.
                let country_after = (class == GenericClass::Government)
                    .then(|| hits.get(idx))
                    .flatten()
                    // Not a compound it opens ("in the Chinese-speaking Wa region").
                    .filter(|next| {
                        text.get(end..next.span.start)
                            .is_some_and(|gap| matches!(gap.trim(), "in" | "in the" | "of"))
                            && !text[next.span.end..].starts_with('-')
                    })
                    .and_then(|next| match next.kind {
                        HitKind::Pattern(p) => {
                            dict.patterns[p].targets.iter().find_map(|t| match *t {
                                Target::CountryName(c)
                                | Target::Demonym(c)
                                | Target::Capital(c) => Some(&dict.countries[c]),
                                _ => None,
                            })
                        }
                        HitKind::Learned(_) => None,
                    });
                let Some(country) =
                    country_after.or_else(|| focus.and_then(|code| dict.country(code)))
                else {
                    continue;
                };
                if reader.closes_unknown_name(hit.span) {
                    continue;
                }
                let actor = if class == GenericClass::State {
                    &country.military
                } else {
                    &country.government
                };
                idx = skip_hits_before(hits, idx, end);
                reader.push(span, actor.clone(), MentionKind::Generic);
            }
            GenericClass::Ally | GenericClass::Area | GenericClass::Post => {}
            GenericClass::NonState => {
                let phrase = hit.span.slice(text);
                let bare_plural = phrase.ends_with('s') && !phrase.ends_with("ss");
                let definite = bare_plural || reader.definite_article_before(hit.span.start);
                // "A rebel group attacked the village … the ADF rebels": a group brought in
                // before any group is named is the first one named after its sentence (in it,
                // a group named is the one attacked: "A militia attacked a KIA post").
                let first_indefinite = !definite
                    && reader.last_non_state.is_none()
                    && matches!(reader.word_before(hit.span.start), "a" | "an" | "A" | "An");
                if !definite && !first_indefinite {
                    continue;
                }
                let phrase = phrase.to_lowercase();
                let opposition = dict.opposition_phrases.contains(&phrase);
                idx = skip_hits_before(hits, idx, end);
                if first_indefinite {
                    let sentence_end = sentences
                        .get(sentences.partition_point(|s| s.end <= span.start))
                        .map_or(text.len(), |sentence| sentence.end);
                    cataphors.push((span, opposition, sentence_end));
                    continue;
                }
                let last = if opposition {
                    &reader.last_opposition
                } else {
                    &reader.last_non_state
                };
                match reader
                    .antecedent_with_head(&phrase)
                    .or_else(|| last.clone())
                {
                    Some(actor) => reader.push(span, actor, MentionKind::Anaphor),
                    None => cataphors.push((span, opposition, span.end)),
                }
            }
        }
    }
    // "Suspected jihadists set fire to tankers … JNIM said": a generic group named before any
    // group is the first one named after it.
    for (span, opposition, from) in cataphors {
        let later = reader.mentions.iter().find(|m| {
            m.span.start > from
                && m.kind.is_non_state_armed()
                && m.how != MentionKind::Anaphor
                && !(opposition && dict.sides_with_state(&m.actor))
        });
        if let Some(actor) = later.map(|m| m.actor.clone()) {
            let actor = reader.armed_wing_of_forces(span, actor);
            let kind = dict.kind_of(&actor);
            reader.mentions.push(ActorMention {
                span,
                actor,
                kind,
                how: MentionKind::Anaphor,
            });
        }
    }
    reader.mentions.sort_by_key(|m| m.span.start);
    reader.mentions
}

/// How far before a country's name a place phrase ("border with") is looked for, in bytes.
const PHRASE_REACH: usize = 24;

/// True when the country name at `span` only locates a place: a place phrase stands before it
/// ("near the border with Turkey") or a border noun after it ("not far from the Chad border"),
/// unless a force noun follows that ("Chad border guards").
fn names_a_place(text: &str, span: Span, dict: &ActorDictionary) -> bool {
    let head_start = text.floor_char_boundary(span.start.saturating_sub(PHRASE_REACH));
    let head = text[head_start..span.start].to_lowercase();
    let mut next_words = text[span.end..]
        .strip_prefix(' ')
        .unwrap_or("")
        .split(' ')
        .map(|word| {
            word.trim_end_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        });
    let border = next_words
        .next()
        .is_some_and(|word| dict.border_nouns.contains(&word));
    let force_follows = next_words
        .next()
        .is_some_and(|word| dict.force_nouns.contains(&word));
    crate::text::ends_with_phrase(&head, &dict.place_phrases) || (border && !force_follows)
}

/// The words between a force noun and the leader whose side it fights on.
const LOYAL_TO: &str = " loyal to ";

/// What follows a country's adjective in "Russian drones" or "Ukrainian shelling".
enum StrikeNoun {
    /// A weapon: the adjective may name its maker.
    Weapon,
    /// An attack, or a weapon and an attack: the adjective names the attacker.
    Attack,
}

/// The first hit index at or after `from` that starts at or after `end`.
fn skip_hits_before(hits: &[Hit], from: usize, end: usize) -> usize {
    let mut idx = from;
    while hits.get(idx).is_some_and(|hit| hit.span.start < end) {
        idx += 1;
    }
    idx
}

/// The end of "'s" after `end`, or `end`.
fn possessive_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    for suffix in ["'s", "’s", "'", "’"] {
        if rest.starts_with(suffix) {
            return end + suffix.len();
        }
    }
    end
}

fn generic_class(hit: &Hit, dict: &ActorDictionary) -> Option<GenericClass> {
    let HitKind::Pattern(idx) = hit.kind else {
        return None;
    };
    dict.patterns[idx].targets.iter().find_map(|t| {
        if let Target::Generic(c) = *t {
            Some(c)
        } else {
            None
        }
    })
}

/// Among a pattern's actor entries, the one of the article's country, else the first.
fn best_actor(targets: &[Target], focus: Option<&str>, dict: &ActorDictionary) -> Option<usize> {
    let entries: Vec<usize> = targets
        .iter()
        .filter_map(|t| {
            if let Target::Actor(e) = *t {
                Some(e)
            } else {
                None
            }
        })
        .collect();
    entries
        .iter()
        .copied()
        .find(|&e| dict.entries[e].country.as_deref() == focus && focus.is_some())
        .or_else(|| entries.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::ResourceFiles;
    use crate::sentence::SentenceSplitter;
    use std::sync::LazyLock;

    static DICT: LazyLock<ActorDictionary> =
        LazyLock::new(|| ActorDictionary::load(&ResourceFiles::embedded()).unwrap());

    static SENTENCES: LazyLock<SentenceSplitter> =
        LazyLock::new(|| SentenceSplitter::load(&ResourceFiles::embedded()).unwrap());

    fn mentions(text: &str) -> Vec<(String, String)> {
        mentions_on(text, None)
    }

    /// The mentions of `text` in an article published on `published`.
    fn mentions_on(text: &str, published: Option<Date>) -> Vec<(String, String)> {
        let sentences = SENTENCES.split(text);
        tag(
            text,
            &sentences,
            &[],
            &define::find_definitions(text),
            published,
            &DICT,
        )
        .into_iter()
        .map(|m| (m.span.slice(text).to_string(), m.actor.0))
        .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_generic_word_closing_an_unknown_name_is_no_state_force() {
        assert_eq!(
            mentions("The Hill Ridge Revolutionary Army attacked a junta post in Myanmar."),
            pairs(&[("junta", "MM_MILITARY"), ("Myanmar", "MM_MILITARY")])
        );
        assert_eq!(
            mentions("The Myanmar Army attacked a post in Myanmar."),
            pairs(&[("Myanmar Army", "MM_MILITARY"), ("Myanmar", "MM_MILITARY")])
        );
    }

    #[test]
    fn insurgent_forces_and_occupiers_name_parties() {
        assert_eq!(
            mentions("The KIA shelled the post. Insurgent forces then took the hill."),
            pairs(&[("KIA", "KIA"), ("Insurgent forces", "KIA")])
        );
        assert_eq!(
            mentions("Russian occupiers shelled the town overnight."),
            pairs(&[("Russian occupiers", "RU_GOV")])
        );
    }

    #[test]
    fn unknown_armed_groups_are_learned_from_their_names() {
        assert_eq!(
            mentions(
                "The Zoqa Wel, a resistance force, ambushed junta troops. The group said six died."
            ),
            pairs(&[
                ("Zoqa Wel", "ZOQA_WEL"),
                ("junta troops", "MM_MILITARY"),
                ("group", "ZOQA_WEL")
            ])
        );
        assert_eq!(
            mentions("The People’s Army of Zoqa resistance group shelled the post."),
            pairs(&[("People’s Army of Zoqa", "PEOPLES_ARMY_OF_ZOQA")])
        );
        // A unit of a known actor, a place's resistance forces and a sentence's first word are
        // no new group.
        assert_eq!(
            mentions("The 3rd Brigade of the Kachin Independence Army held the hill."),
            pairs(&[("Kachin Independence Army", "KIA")])
        );
        assert_eq!(
            mentions("An armed group attacked the post. KIA fighters later took it."),
            pairs(&[("armed group", "KIA"), ("KIA fighters", "KIA")])
        );
        // Opening words, a spokesman and a list are no group's name.
        assert_eq!(
            mentions("On Monday, an armed group attacked the post."),
            pairs(&[])
        );
        assert_eq!(
            mentions("Ko Min Thu, a resistance group spokesman, said the KIA took it."),
            pairs(&[("KIA", "KIA")])
        );
        assert_eq!(
            mentions("The KIA and the Zoqa Wel resistance group took it."),
            pairs(&[("KIA", "KIA"), ("Zoqa Wel", "ZOQA_WEL")])
        );
    }

    #[test]
    fn a_political_bodys_forces_are_its_armed_wing() {
        assert_eq!(
            mentions("KIO troops shelled the post, the KIO said."),
            pairs(&[("KIO troops", "KIA"), ("KIO", "KIO")])
        );
        assert_eq!(
            mentions("The NUG said resistance forces took the hill."),
            pairs(&[("NUG", "NUG"), ("resistance forces", "PDF")])
        );
        // Police are no armed wing.
        assert_eq!(
            mentions("NUG police detained a man."),
            pairs(&[("NUG police", "NUG")])
        );
    }

    #[test]
    fn a_group_named_in_a_colon_dateline_stays_an_actor() {
        assert_eq!(
            mentions("Arakan Army: The group said it took the base."),
            pairs(&[("Arakan Army", "AA"), ("group", "AA")])
        );
    }

    #[test]
    fn the_rebels_are_never_a_militia_on_the_states_side() {
        assert_eq!(
            mentions(
                "The KIA took the hill. Pyu Saw Htee militia fled, and the rebels gave chase."
            ),
            pairs(&[
                ("KIA", "KIA"),
                ("Pyu Saw Htee militia", "PYU_SAW_HTEE"),
                ("rebels", "KIA")
            ])
        );
        assert_eq!(
            mentions("The AA took the hill. The rebel army then shelled the town."),
            pairs(&[("AA", "AA"), ("rebel army", "AA")])
        );
        assert_eq!(
            mentions("The AA took the hill. Anti-junta forces then shelled the town."),
            pairs(&[("AA", "AA"), ("Anti-junta forces", "AA")])
        );
        assert_eq!(
            mentions("Resistance forces raided the post held by Pyu Saw Htee fighters."),
            pairs(&[("Pyu Saw Htee fighters", "PYU_SAW_HTEE")])
        );
        assert_eq!(
            mentions("The militia attacked the village, and Pyu Saw Htee later claimed it."),
            pairs(&[
                ("militia", "PYU_SAW_HTEE"),
                ("Pyu Saw Htee", "PYU_SAW_HTEE")
            ])
        );
    }

    #[test]
    fn a_generic_group_opening_a_paragraph_is_resolved() {
        assert_eq!(
            mentions("The KIA took the hill.\n\nThe group said its fighters held it."),
            pairs(&[("KIA", "KIA"), ("group", "KIA"), ("fighters", "KIA")])
        );
    }

    #[test]
    fn a_name_is_found_with_a_curly_apostrophe() {
        assert_eq!(
            mentions("People’s Defence Force fighters and Ta’ang forces raided the camp."),
            pairs(&[
                ("People’s Defence Force fighters", "PDF"),
                ("Ta’ang forces", "TNLA")
            ])
        );
    }

    #[test]
    fn a_successor_takes_an_actors_names_from_its_day() {
        let text = "Taliban fighters overran a district centre on Monday.";
        let in_year = |year: i16| mentions_on(text, Some(jiff::civil::date(year, 6, 1)));
        assert_eq!(in_year(2019), pairs(&[("Taliban fighters", "TALIBAN")]));
        assert_eq!(in_year(2023), pairs(&[("Taliban fighters", "AF_GOV")]));
    }

    #[test]
    fn a_regional_defence_force_is_found_in_either_spelling() {
        assert_eq!(
            mentions("The Kachin People's Defense Force ambushed a convoy."),
            pairs(&[("Kachin People's Defense Force", "KPDF")])
        );
        assert_eq!(
            mentions("The camp was shelled by Kachin People’s Defense Forces."),
            pairs(&[("Kachin People’s Defense Forces", "KPDF")])
        );
    }

    #[test]
    fn a_name_two_actors_share_is_the_one_of_the_story_s_country() {
        assert_eq!(
            mentions("The People's Liberation Army raided a junta post in Sagaing, Myanmar."),
            pairs(&[
                ("People's Liberation Army", "PLA"),
                ("junta", "MM_MILITARY"),
                ("Myanmar", "MM_MILITARY")
            ])
        );
        assert_eq!(
            mentions("The People's Liberation Army held drills near Taiwan, Beijing said."),
            pairs(&[
                ("People's Liberation Army", "CN_GOV"),
                ("Beijing", "CN_GOV")
            ])
        );
    }

    #[test]
    fn a_group_s_own_military_is_the_group() {
        assert_eq!(
            mentions("The KIA's military spokesman said the army had shelled Laiza."),
            pairs(&[("KIA", "KIA"), ("military", "KIA"), ("army", "MM_MILITARY")])
        );
    }

    #[test]
    fn the_dateline_names_no_actor() {
        assert_eq!(
            mentions("MOSCOW, July 31 (Reuters) - Ukrainian drones hit a depot in Russia."),
            pairs(&[("Ukrainian", "UA_GOV"), ("Russia", "RU_GOV")])
        );
        assert_eq!(
            mentions("BEIRUT, Lebanon (AP) — Israeli jets struck Tyre, officials told The AP."),
            pairs(&[("Israeli", "IL_GOV")])
        );
        assert_eq!(
            mentions("Officials in MOSCOW said Ukraine attacked."),
            pairs(&[("MOSCOW", "RU_GOV"), ("Ukraine", "UA_GOV")])
        );
    }

    #[test]
    fn the_pakistani_taliban_are_not_the_afghan_government() {
        assert_eq!(
            mentions("The Taliban detained two journalists on Monday."),
            pairs(&[("Taliban", "AF_GOV")])
        );
        assert_eq!(
            mentions("Pakistani Taliban fighters attacked a police post."),
            pairs(&[("Pakistani Taliban fighters", "TTP"), ("police", "PK_GOV")])
        );
    }

    #[test]
    fn regime_forces_are_the_forces_of_the_country_named_with_them() {
        assert_eq!(
            mentions("Syrian regime forces shelled the town."),
            pairs(&[("Syrian regime forces", "SY_GOV")])
        );
        assert_eq!(
            mentions("The KIA said regime forces shelled Bhamo."),
            pairs(&[("KIA", "KIA"), ("regime forces", "MM_MILITARY")])
        );
    }

    #[test]
    fn allied_fighters_are_no_party_of_their_own() {
        assert_eq!(
            mentions("Sudan's army and allied fighters retook the town from the RSF."),
            pairs(&[("Sudan's army", "SAF"), ("RSF", "RSF")])
        );
    }

    #[test]
    fn a_numbered_unit_between_a_name_and_its_force_noun_is_the_name_s() {
        assert_eq!(
            mentions("KNLA Brigade 6 troops and KIA Battalion No. 14 fighters held the hill."),
            pairs(&[
                ("KNLA Brigade 6 troops", "KNLA"),
                ("KIA Battalion No. 14 fighters", "KIA")
            ])
        );
    }

    #[test]
    fn a_troop_noun_in_a_compound_is_a_force() {
        assert_eq!(
            mentions("Drones hit Russian troop positions near the river."),
            pairs(&[("Russian troop", "RU_GOV")])
        );
    }

    #[test]
    fn a_local_government_area_is_no_actor() {
        assert_eq!(
            mentions("Nigeria's government said gunmen raided Dala in Tofa local government."),
            pairs(&[("Nigeria's government", "NG_GOV")])
        );
        // Without a name before it, the local government is the state's.
        assert_eq!(
            mentions("In Nigeria, the local government condemned the raid."),
            pairs(&[("Nigeria", "NG_GOV"), ("local government", "NG_GOV")])
        );
    }

    #[test]
    fn a_group_brought_in_before_any_is_named_is_the_next_one_named() {
        assert_eq!(
            mentions("Officials say a rebel group raided a village. The KIA denied it."),
            pairs(&[("rebel group", "KIA"), ("KIA", "KIA")])
        );
        // Once a group is named, "a rebel group" may be another one: no mention.
        assert_eq!(
            mentions("The KIA denied it. Officials say a rebel group raided a village."),
            pairs(&[("KIA", "KIA")])
        );
        // A group named in the same sentence is the one attacked, not the attacker.
        assert_eq!(
            mentions("A rebel group attacked a KIA post near Bhamo."),
            pairs(&[("KIA", "KIA")])
        );
    }

    #[test]
    fn a_country_after_border_with_only_locates_a_place() {
        assert_eq!(
            mentions("Rebels seized a village near the border with Turkey, Syria said."),
            pairs(&[("Syria", "SY_GOV")])
        );
    }

    #[test]
    fn forces_loyal_to_a_leader_are_his_side_and_outlets_are_no_party() {
        assert_eq!(
            mentions("Troops loyal to Mansour Hadi seized two villages, France 24 reported."),
            pairs(&[("Troops loyal to Mansour Hadi", "YE_GOV")])
        );
        // After a quote of more than one byte.
        assert_eq!(
            mentions("“Forces loyal to Mansour Hadi took the port,” he said."),
            pairs(&[("Forces loyal to Mansour Hadi", "YE_GOV")])
        );
        assert_eq!(
            mentions("Yemeni pro-government forces attacked the Houthis."),
            pairs(&[
                ("Yemeni pro-government forces", "YE_GOV"),
                ("Houthis", "HOUTHIS")
            ])
        );
    }

    #[test]
    fn separatists_named_before_their_group_are_the_group_named_later() {
        assert_eq!(
            mentions(
                "Separatists attacked a checkpoint. Anglophone rebels have fought since 2017."
            ),
            pairs(&[
                ("Separatists", "AMBAZONIA"),
                ("Anglophone rebels", "AMBAZONIA")
            ])
        );
    }

    #[test]
    fn a_neighbour_named_as_a_place_is_no_party_nor_the_story_s_country() {
        assert_eq!(
            mentions(
                "Soldiers died in an ambush near the Mali border, Niger said. Troops chased \
                 the attackers, who fled to nearby Mali."
            ),
            pairs(&[
                ("Soldiers", "NE_GOV"),
                ("Niger", "NE_GOV"),
                ("Troops", "NE_GOV"),
            ])
        );
        // Nor is a country named before its border guards, nor troops loyal to no one named.
        assert_eq!(
            mentions("Chad border guards opened fire. Troops loyal to the president fled."),
            pairs(&[("Chad", "TD_GOV"), ("Troops", "TD_GOV")])
        );
        // A neighbour that backs or acts is a party.
        assert_eq!(
            mentions("M23 rebels, backed by neighbouring Rwanda, seized the town."),
            pairs(&[("M23 rebels", "M23"), ("Rwanda", "RW_GOV")])
        );
    }

    #[test]
    fn an_organisation_named_with_its_branch_stands_for_the_branch() {
        assert_eq!(
            mentions(
                "Islamic State fighters raided a camp in Borno State. The Islamic State West \
                 Africa Province says it holds the road."
            ),
            pairs(&[
                ("Islamic State fighters", "ISWAP"),
                ("Islamic State West Africa Province", "ISWAP")
            ])
        );
        // Without a branch named, the organisation is itself.
        assert_eq!(
            mentions("Islamic State fighters raided a camp in Borno State."),
            pairs(&[("Islamic State fighters", "ISIS")])
        );
        // A branch's last word is no surname: "Province" names the branch only in its name.
        assert_eq!(
            mentions("The Islamic State Sahel Province raided a post in Tillaberi Province."),
            pairs(&[("Islamic State Sahel Province", "ISSP")])
        );
        // An affiliate named long after a story about the parent is another group.
        let far = format!(
            "The Islamic State claimed the bombing in Damascus. {} Its affiliate, the Islamic \
             State West Africa Province, is active in Borno State.",
            "Officials counted the dead. ".repeat(30)
        );
        assert!(mentions(&far).contains(&("Islamic State".to_string(), "ISIS".to_string())));
    }

    #[test]
    fn a_country_adjective_before_a_weapon_is_its_forces_and_leaves_the_weapon() {
        assert_eq!(
            mentions(
                "Russia and Israel deny it, but Russian drones struck the port while Israeli warplanes circled."
            ),
            pairs(&[
                ("Russia", "RU_GOV"),
                ("Israel", "IL_GOV"),
                ("Russian", "RU_GOV"),
                ("Israeli", "IL_GOV")
            ])
        );
        // A country that is no party to the story only made the weapon, but carried out an
        // attack.
        assert_eq!(
            mentions("Ukraine said Iranian drones struck the port."),
            pairs(&[("Ukraine", "UA_GOV")])
        );
        assert_eq!(
            mentions("Russia said a Ukrainian drone attack and Ukrainian shelling hit the port."),
            pairs(&[
                ("Russia", "RU_GOV"),
                ("Ukrainian", "UA_GOV"),
                ("Ukrainian", "UA_GOV")
            ])
        );
        assert!(
            mentions("Russian officials spoke of Chinese cooking.")
                .iter()
                .all(|(_, id)| id != "RU_GOV" && id != "CN_GOV")
        );
    }

    #[test]
    fn names_acronyms_and_force_nouns() {
        assert_eq!(
            mentions(
                "The Kachin Independence Army (KIA) said KIA fighters and KIA-led forces held the hill."
            ),
            pairs(&[
                ("Kachin Independence Army", "KIA"),
                ("KIA", "KIA"),
                ("KIA fighters", "KIA"),
                ("KIA-led forces", "KIA")
            ])
        );
        // Past the bracket that closes the abbreviation, the troops are still the group's.
        assert_eq!(
            mentions("The junta lost the post after Arakan Army (AA) troops attacked it."),
            pairs(&[
                ("junta", "MM_MILITARY"),
                ("Arakan Army", "AA"),
                ("AA) troops", "AA")
            ])
        );
        // A bracket listing a coalition's members closes no one member's name.
        let found = mentions("The alliance (TNLA, MNDAA and AA) forces attacked.");
        assert!(
            !found.iter().any(|(text, _)| text.contains(')')),
            "{found:?}"
        );
        // A full name with a country in it is the group's, not the country's.
        assert_eq!(
            mentions("The Islamic State of Iraq and the Levant attacked Mosul."),
            pairs(&[("Islamic State of Iraq and the Levant", "ISIS")])
        );
        assert!(
            mentions("the aa battery").is_empty(),
            "acronyms match only in capitals"
        );
    }

    #[test]
    fn a_government_noun_before_in_and_a_country_is_that_countrys() {
        assert_eq!(
            mentions("Russian troops advanced; authorities in the Ukrainian capital said so."),
            pairs(&[("Russian troops", "RU_GOV"), ("authorities", "UA_GOV")])
        );
        // Not a compound the country's adjective opens.
        assert_eq!(
            mentions(
                "Russian troops advanced; authorities in the Ukrainian-speaking east said so."
            ),
            pairs(&[("Russian troops", "RU_GOV"), ("authorities", "RU_GOV")])
        );
    }

    #[test]
    fn generic_phrases_take_the_country_named_before_or_the_articles_country() {
        assert_eq!(
            mentions(
                "Sudan's army and the RSF clashed; Russian troops and the Chinese government watched."
            ),
            pairs(&[
                ("Sudan's army", "SAF"),
                ("RSF", "RSF"),
                ("Russian troops", "RU_GOV"),
                ("Chinese government", "CN_GOV")
            ])
        );
        assert_eq!(
            mentions("The TNLA said the junta and regime troops attacked; the military denied it."),
            pairs(&[
                ("TNLA", "TNLA"),
                ("junta", "MM_MILITARY"),
                ("regime troops", "MM_MILITARY"),
                ("military", "MM_MILITARY")
            ])
        );
    }

    #[test]
    fn a_group_at_war_in_several_countries_names_none_of_them() {
        let text = "JNIM said JNIM fighters attacked the army in northern Burkina Faso, where Burkina Faso has lost ground; Burkina Faso fears the group.";
        let found = mentions(text);
        assert!(
            found.contains(&("army".to_string(), "BF_GOV".to_string())),
            "{found:?}"
        );
    }

    #[test]
    fn the_alliance_is_the_last_alliance_named_not_the_last_group() {
        let found = mentions(
            "The Northern Alliance took the town. The Arakan Army (AA) joined later, and the alliance said the AA held the port.",
        );
        assert!(
            found.contains(&(
                "alliance".to_string(),
                "THREE_BROTHERHOOD_ALLIANCE".to_string()
            )),
            "{found:?}"
        );
        let found =
            mentions("The Arakan Army took the town, and the alliance said it held the port.");
        assert!(
            found.contains(&("alliance".to_string(), "AA".to_string())),
            "with no alliance named, the last group: {found:?}"
        );
    }

    #[test]
    fn anaphors_and_ethnic_forces() {
        assert_eq!(
            mentions(
                "The Arakan Army took the town. The group said its fighters and Kachin forces met the rebels."
            ),
            pairs(&[
                ("Arakan Army", "AA"),
                ("group", "AA"),
                ("fighters", "AA"),
                ("Kachin forces", "KIA"),
                ("rebels", "KIA"),
            ])
        );
        assert!(mentions("a group of people").is_empty());
    }

    #[test]
    fn a_group_named_before_any_other_is_the_next_one_named() {
        assert_eq!(
            mentions("Suspected jihadists burned the lorries, and JNIM later claimed the attack."),
            pairs(&[("jihadists", "JNIM"), ("JNIM", "JNIM")])
        );
    }

    #[test]
    fn countries_stand_for_governments_and_pro_prefixes_block() {
        assert_eq!(
            mentions("China closed the border and pro-junta channels said Beijing agreed."),
            pairs(&[("China", "CN_GOV"), ("Beijing", "CN_GOV")])
        );
        assert_eq!(
            mentions("A France-based monitor said the Iran-backed rebels and China clashed."),
            pairs(&[("China", "CN_GOV")])
        );
        assert_eq!(
            mentions("The port is held by Iran-aligned Houthis; Hezbollah-linked fighters left."),
            pairs(&[
                ("Houthis", "HOUTHIS"),
                ("Hezbollah", "HEZBOLLAH"),
                ("fighters", "HEZBOLLAH")
            ])
        );
        // A country's possessive before a group only places the group.
        assert_eq!(
            mentions("Missiles fired by Sudan's paramilitary Rapid Support Forces hit a depot."),
            pairs(&[("paramilitary", "RSF"), ("Rapid Support Forces", "RSF")])
        );
    }

    #[test]
    fn an_acronym_of_two_countries_names_the_group_of_the_articles_country() {
        assert_eq!(
            mentions("Al-Shabaab fighters overran an SNA base near Mogadishu."),
            pairs(&[
                ("Al-Shabaab fighters", "AL_SHABAAB"),
                ("SNA", "SO_GOV"),
                ("Mogadishu", "SO_GOV")
            ])
        );
        assert_eq!(
            mentions("SNA fighters and the KIA clashed near Hpakant in Myanmar."),
            pairs(&[
                ("SNA fighters", "SNA"),
                ("KIA", "KIA"),
                ("Myanmar", "MM_MILITARY")
            ])
        );
    }

    #[test]
    fn spokespeople_and_units_stand_for_their_side_but_namesakes_do_not() {
        assert_eq!(
            mentions("Ukraine's General Staff said the SBU hit a depot; Pushilin denied it."),
            pairs(&[
                ("Ukraine's General Staff", "UA_GOV"),
                ("SBU", "UA_GOV"),
                ("Pushilin", "RU_GOV")
            ])
        );
        // Myanmar's army has Military Operations Commands too; Israel a Golani Brigade.
        assert_eq!(
            mentions("Military Operations Command 19 and the Golani Brigade made a gallant stand."),
            pairs(&[])
        );
        // A neighbour named as a place is no party; its adjective before a force noun is.
        assert_eq!(
            mentions("The blockade runs along the border with Senegal. Senegalese troops massed."),
            pairs(&[("Senegalese troops", "SN_GOV")])
        );
    }

    #[test]
    fn a_surname_after_the_full_name_is_the_same_actor() {
        assert_eq!(
            mentions("Vladimir Putin met envoys. Later, Putin said the talks had ended."),
            pairs(&[("Vladimir Putin", "RU_GOV"), ("Putin", "RU_GOV")])
        );
        assert_eq!(
            mentions("Abiy Ahmed spoke. Ahmed then left."),
            pairs(&[("Abiy Ahmed", "ET_GOV"), ("Ahmed", "ET_GOV")])
        );
    }

    #[test]
    fn articles_define_new_actors() {
        assert_eq!(
            mentions(
                "The Hill Tribes Liberation Front (HTLF) said HTLF troops won. The Sudanese Armed Forces (SAF) lost. The Front for Hill Democracy (FHD) helped."
            ),
            pairs(&[
                ("Hill Tribes Liberation Front", "HTLF"),
                ("HTLF", "HTLF"),
                ("HTLF troops", "HTLF"),
                ("Sudanese Armed Forces", "SAF"),
                ("SAF", "SAF"),
                ("Front for Hill Democracy", "FHD"),
                ("FHD", "FHD"),
            ])
        );
    }

    #[test]
    fn a_country_closing_a_defined_name_is_not_what_the_abbreviation_stands_for() {
        assert_eq!(
            mentions("The Front for the Defence of Congo (FDC) said FDC fighters left."),
            pairs(&[
                ("Front for the Defence of Congo", "FDC"),
                ("FDC", "FDC"),
                ("FDC fighters", "FDC"),
            ])
        );
        let known = mentions("The Cooperative for the Development of the Congo (CODECO) said.");
        assert_eq!(
            known.last().unwrap(),
            &("CODECO".to_string(), "CODECO".to_string())
        );
        // A word for the state opening the name makes it the state's.
        let state = mentions("The Government of Sudan (GoS) said GoS troops shelled Nyala.");
        assert!(
            state.contains(&("GoS troops".to_string(), "SAF".to_string())),
            "{state:?}"
        );
    }

    #[test]
    fn a_misspelt_name_before_a_known_abbreviation_is_that_group_not_the_army() {
        assert_eq!(
            mentions(
                "The ethnic Arkan Army (AA) took the base. The Myanmar Armed Forces (MAF) lost."
            ),
            pairs(&[
                ("Arkan Army", "AA"),
                ("AA", "AA"),
                ("Myanmar Armed Forces", "MM_MILITARY"),
                ("MAF", "MM_MILITARY"),
            ])
        );
    }

    #[test]
    fn a_minister_or_embassy_after_a_country_adjective_is_that_government() {
        let text = "Thai Prime Minister Anan Som met the Laotian ambassador on Monday.";
        assert_eq!(
            mentions(text),
            pairs(&[
                ("Thai Prime Minister", "TH_GOV"),
                ("Laotian ambassador", "LA_GOV")
            ])
        );
        // A post after an adjective no country list knows is no one's; one that names its
        // country after it is that country's; a bare one is the article's.
        let text = "Zorvan Prime Minister Anan Som met Vladimir Putin on Monday.";
        assert_eq!(mentions(text), pairs(&[("Vladimir Putin", "RU_GOV")]));
        let text = "The defence minister of Niger met Malian troops.";
        assert_eq!(
            mentions(text),
            pairs(&[
                ("defence minister", "NE_GOV"),
                ("Niger", "NE_GOV"),
                ("Malian troops", "ML_GOV")
            ])
        );
        // A group's own minister is the group's.
        let text = "The NUG defence minister said the army had withdrawn.";
        assert_eq!(
            mentions(text),
            pairs(&[
                ("NUG", "NUG"),
                ("defence minister", "NUG"),
                ("army", "MM_MILITARY")
            ])
        );
    }

    #[test]
    fn a_federal_government_is_the_government_of_the_article_country() {
        let text =
            "Federal government forces retook the town from al-Shabaab, Somali officials said.";
        assert!(
            mentions(text).contains(&("Federal government forces".into(), "SO_GOV".into())),
            "{:?}",
            mentions(text)
        );
    }
}
