/*!
Actors an article defines: a name followed by its abbreviation in brackets, "the Chin
Brotherhood (CB)". A known name lends its actor to the abbreviation; an unknown name
that ends like an organisation ("Brotherhood", "Army", "Front") becomes a new actor
whose id is the abbreviation (`CB`, `NDA-K` → `NDA_K`).

An armed group the dictionary lacks is learned without brackets too, its id made from
its name, where a group noun follows the name ("the Ye Wa, a resistance force", `YE_WA`).
*/

use std::sync::LazyLock;

use regex::Regex;

use super::{ActorDictionary, ActorId, ActorKind, ActorMention, MentionKind};
use crate::span::Span;

/// A "Name (ABBR)" definition found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The defined name, without a leading "the".
    pub name: Span,
    /// The abbreviation inside the brackets.
    pub abbreviation: Span,
}

static ABBREVIATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?P<abbr>[A-Z][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*)\)").unwrap());

/// Words that may join the capitalised words of a name.
const CONNECTORS: [&str; 12] = [
    "of", "the", "and", "for", "al", "wal", "de", "du", "des", "la", "–", "-",
];

/// Finds the "Name (ABBR)" definitions of a text, in order ("Light Infantry Battalion (LIB)"
/// defines `LIB`).
pub fn find_definitions(text: &str) -> Vec<Definition> {
    let mut definitions = Vec::new();
    // "BEIRUT, Lebanon (AP) —": the agency's credit defines nothing.
    let dateline_end = crate::text::dateline(text).map_or(0, |dateline| dateline.end);
    for caps in ABBREVIATION.captures_iter(text) {
        let abbr = caps.name("abbr").expect("named group");
        if abbr.end() <= dateline_end {
            continue;
        }
        if abbr
            .as_str()
            .chars()
            .filter(char::is_ascii_uppercase)
            .count()
            < 2
            || abbr.as_str().len() > 12
        {
            continue;
        }
        let open = abbr.start() - 1;
        if let Some(name) = name_before(text, open, abbr.as_str()) {
            definitions.push(Definition {
                name,
                abbreviation: Span::new(abbr.start(), abbr.end()),
            });
        }
    }
    definitions
}

/// The capitalised name that ends just before byte `end` (white space allowed between): the
/// longest run of capitalised words and connectors, started at the first capitalised word
/// whose initial is the abbreviation's ("Fighters of the Hill Tribes Front (HTF)" → "Hill
/// Tribes Front").
fn name_before(text: &str, end: usize, abbreviation: &str) -> Option<Span> {
    let head = text[..end].trim_end();
    let mut word_starts = Vec::new();
    let mut start = head.len();
    for word in head.rsplit([' ', '\n']).take(10) {
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if word.is_empty() || (!capitalised && !CONNECTORS.contains(&word)) {
            break;
        }
        start -= word.len();
        if capitalised {
            word_starts.push(start);
        }
        if start == 0 {
            break;
        }
        start -= 1; // the separator
    }
    let initial = abbreviation.chars().next()?;
    let name_start = word_starts
        .iter()
        .rev()
        .find(|&&s| head[s..].starts_with(initial))
        .or(word_starts.last())
        .copied()?;
    Some(Span::new(name_start, head.len()))
}

/// The aliases the definitions teach: `(alias, actor)` pairs, from the mentions already found.
/// A country that closes a longer name is where the organisation works, not who it is: "the
/// Cooperative for the Development of the Congo (CODECO)" is no alias of Congo's government;
/// unless a word for the state opens the name ("the Government of Sudan (GoS)").
pub(crate) fn learn(
    text: &str,
    definitions: &[Definition],
    mentions: &[ActorMention],
    dict: &ActorDictionary,
) -> Vec<(String, ActorId)> {
    let mut learned = Vec::new();
    for definition in definitions {
        let abbreviation = definition.abbreviation.slice(text).to_string();
        if let Some(mention) = known_actor(text, definition.name, mentions) {
            learned.push((abbreviation, mention.actor.clone()));
            continue;
        }
        let name = definition.name.slice(text);
        if ends_like_organisation(name, dict) {
            let id = id_from(&abbreviation);
            learned.push((abbreviation, id.clone()));
            learned.push((name.to_string(), id));
        }
    }
    learned
}

/// The names of armed groups that [`group_names`] found and the dictionary lacks, each with
/// an id made from its name; `mentions` are the mentions found inside the names alone. A name
/// opened by an actor's ("KIA Special Force"), or holding one after "of" ("Brigade 3 of the
/// Ukrainian Armed Forces"), is that actor's unit.
pub(crate) fn learn_groups(
    text: &str,
    names: &[Span],
    mentions: &[ActorMention],
) -> Vec<(String, ActorId)> {
    let unit_of_actor = |name: Span| {
        let of = name.slice(text).find(" of ").map(|at| name.start + at);
        mentions.iter().any(|m| {
            name.contains(m.span)
                && (m.span.start == name.start || of.is_some_and(|of| m.span.start > of))
        })
    };
    names
        .iter()
        .filter(|name| known_actor(text, **name, mentions).is_none() && !unit_of_actor(**name))
        .map(|name| {
            let name = name.slice(text);
            (name.to_string(), id_from(name))
        })
        .collect()
}

/// The mention that a name stands for, from the mentions inside it: one that closes it, but
/// not a country that only closes a longer name (unless a word for the state opens it), nor a
/// generic word after capitalised words no mention explains.
fn known_actor<'m>(
    text: &str,
    name: Span,
    mentions: &'m [ActorMention],
) -> Option<&'m ActorMention> {
    let opened_by_state = mentions
        .iter()
        .any(|m| m.span.start == name.start && m.kind == ActorKind::State);
    mentions.iter().find(|m| {
        m.span.end == name.end
            && m.span.start >= name.start
            && !(matches!(m.how, MentionKind::Country | MentionKind::Capital)
                && m.span.start > name.start
                && !opened_by_state)
            && (m.how != MentionKind::Generic
                || !names_more(text, Span::new(name.start, m.span.start), mentions))
    })
}

/// An actor id made from a name or an abbreviation: ASCII letters and digits in capitals
/// (diacritics dropped), apostrophes dropped, anything else one underscore ("People’s Army" →
/// `PEOPLES_ARMY`, "NDA-K" → `NDA_K`, "Zoé Wa" → `ZOE_WA`).
fn id_from(name: &str) -> ActorId {
    let mut id = String::with_capacity(name.len());
    for c in crate::text::fold(name).chars().filter(|c| *c != '\'') {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_uppercase());
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    ActorId(id.trim_matches('_').to_string())
}

/// Capitalised names of armed groups, of two words or more and without a leading "The",
/// that a group noun follows ("the Ye Wa resistance group", "The Ye Wa, a resistance force,").
/// A sentence's opening words are a name only after "The" ("On Monday, an armed group ...",
/// "A Karen armed group ..." name none). A name that merely ends like a group's ("Hill Ridge
/// Revolutionary Army") is as often a known group's variant or unit. The group nouns are
/// looked for first: most texts have none.
pub(crate) fn group_names(text: &str, dict: &ActorDictionary) -> Vec<Span> {
    let mut names: Vec<Span> = dict
        .group_nouns
        .iter()
        .flat_map(|noun| memchr::memmem::find_iter(text.as_bytes(), noun.as_bytes()))
        .filter_map(|at| {
            let before = &text[..at];
            let name_end = [", a ", ", an ", " "]
                .iter()
                .find_map(|gap| before.strip_suffix(gap))?
                .len();
            let span = name_before_noun(text, name_end)?;
            let words = span.slice(text).split(' ').count();
            (words >= 2 && group_noun_after(&text[span.end..], dict)).then_some(span)
        })
        .collect();
    names.sort_unstable_by_key(|span| span.start);
    names.dedup();
    names
}

/// The capitalised name that ends at byte `end`: capitalised words, with "of", "for", "to" and
/// "the" between them, without a leading "The"; none when the run opens a sentence without
/// "The" ("On Monday", "A Karen").
fn name_before_noun(text: &str, end: usize) -> Option<Span> {
    const CONNECTORS: [&str; 4] = ["of", "for", "to", "the"];
    let capitalised = |word: &str| word.starts_with(|c: char| c.is_ascii_uppercase());
    let mut start = end;
    let mut first_capitalised = None;
    for word in text[..end].rsplit(' ') {
        let name_word = capitalised(word)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '’' | '\'' | '-'));
        if !name_word && !(first_capitalised.is_some() && CONNECTORS.contains(&word)) {
            break;
        }
        start -= word.len();
        if name_word {
            first_capitalised = Some(start);
        }
        if start == 0 {
            break;
        }
        start -= 1;
    }
    let mut start = first_capitalised?;
    let opens_sentence = text[..start]
        .trim_end_matches(['"', '“', '‘', '\''])
        .trim_end_matches(' ')
        .ends_with(['.', '\n', '!', '?', ':'])
        || start == 0;
    match text[start..end].strip_prefix("The ") {
        Some(rest) => start = end - rest.len(),
        None if opens_sentence => return None,
        None => {}
    }
    Some(Span::new(start, end))
}

/// True when `after`, the text after a name, opens with a group noun, directly (" resistance
/// group said") or in an apposition a comma or full stop closes (", a resistance force,"),
/// and no role noun follows ("a resistance group spokesman").
fn group_noun_after(after: &str, dict: &ActorDictionary) -> bool {
    let apposition = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "));
    let Some(rest) = apposition.or_else(|| after.strip_prefix(' ')) else {
        return false;
    };
    dict.group_nouns.iter().any(|noun| {
        let starts = rest.len() >= noun.len()
            && rest.as_bytes()[..noun.len()].eq_ignore_ascii_case(noun.as_bytes());
        if !starts {
            return false;
        }
        let tail = &rest[noun.len()..];
        let next_word = tail
            .strip_prefix(' ')
            .and_then(|t| t.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        let closed = tail.starts_with([',', '.']);
        !tail.starts_with(char::is_alphanumeric)
            && !dict.group_roles.contains(next_word)
            && (apposition.is_none() || closed)
    })
}

/// True when a name's head is an organisation's: its last word ("Chin Brotherhood"), or its
/// first before "for" or "of" ("Force for Federal Democracy", "Army of the Hills").
fn ends_like_organisation(name: &str, dict: &ActorDictionary) -> bool {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or("");
    let last = name.rsplit(' ').next().unwrap_or("");
    dict.org_heads.contains(last)
        || (dict.org_heads.contains(first) && matches!(words.next(), Some("for" | "of")))
}

/// True when `before`, the part of a defined name before a generic word, holds a capitalised
/// word that no mention explains: "Arkan Army (AA)" is a group of its own name, not "the
/// army", while "Sudanese Army (SA)" is the army of the country its first word names.
fn names_more(text: &str, before: Span, mentions: &[ActorMention]) -> bool {
    let mut at = before.start;
    before.slice(text).split(' ').any(|word| {
        let word_span = Span::new(at, at + word.len());
        at += word.len() + 1;
        word.chars().next().is_some_and(char::is_uppercase)
            && !mentions.iter().any(|m| m.span.contains(word_span))
    })
}

/// Surnames of the people the text names in full: news gives a full name first and the
/// surname after ("Min Aung Hlaing" … "Hlaing"). A name counts as a person's when it has two to
/// four capitalised words and does not end like an organisation.
pub(crate) fn surnames(
    text: &str,
    names: &[(Span, ActorId)],
    dict: &ActorDictionary,
) -> Vec<(String, ActorId)> {
    let mut learned: Vec<(String, ActorId)> = Vec::new();
    for (span, actor) in names {
        let name = span.slice(text);
        let words: Vec<&str> = name.split(' ').collect();
        let capitalised = words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == 'a')
        });
        let Some(last) = words
            .last()
            .filter(|_| (2..=4).contains(&words.len()) && capitalised)
        else {
            continue;
        };
        let person_like = last.chars().count() >= 4
            && !dict.org_heads.contains(*last)
            && !dict.force_nouns.contains(&last.to_lowercase())
            && last.chars().all(|c| c.is_alphabetic() || c == '-');
        if person_like && !learned.iter().any(|(alias, _)| alias == last) {
            learned.push((last.to_string(), actor.clone()));
        }
    }
    learned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_before_abbreviations() {
        let text = "Fighters of the Hill Tribes Liberation Front (HTLF) and the New Democratic Army – Kachin (NDA-K) met near Kan Bawk (Kanbauk) and the Light Infantry Battalion (LIB) 55.";
        let found: Vec<(&str, &str)> = find_definitions(text)
            .iter()
            .map(|d| (d.name.slice(text), d.abbreviation.slice(text)))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Hill Tribes Liberation Front", "HTLF"),
                ("New Democratic Army – Kachin", "NDA-K"),
                ("Light Infantry Battalion", "LIB"),
            ]
        );
    }

    #[test]
    fn lower_case_names_define_nothing() {
        assert!(find_definitions("ethnic armed organisations (EAOs) met").is_empty());
        assert!(find_definitions("(ABC) at the start").is_empty());
    }
}
