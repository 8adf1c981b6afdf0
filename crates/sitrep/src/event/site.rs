/*!
Sites: the places an event can be at, in text order. Resolved place names from the place
stage and facilities from [`facility`](super::facility). A facility is a point (precision
`point`) that takes its admin1, country and coordinates from the nearest resolved place in its
sentence, else from the last sub-national place named before it, else from the article's main
country alone: the coordinates are its container's. A post named after the place it stands at
("Hill Ridge army base") is at that place, and keeps its own name for control facts.

A country named after a preposition of the agent ("mediation by Qatar") is who acts, no
site; nor is a foreign place in the article's dateline, nor a unit of a non-state armed group
that is no post ("KNLA Brigade 3", "Brigade 3 of the KNLA"), nor the examples of a set
of places ("from 12 villages, including Zyqlo"), nor a ward of a town named with it, nor
where fighters come from ("groups from Zyqlo and Qopl attacked the post").

A site below the admin1 level keeps its name as the article writes it, without a direction
or generic word ("northern Sezin village" is "Sezin"): romanisations of one name vary
("Sezin", "Se Zin") and a reader searches for the article's. The gazetteer's entry stays in
the location's `id`.
*/

use rustc_hash::FxHashMap as HashMap;

use crate::actor::MentionKind;
use crate::doc::Doc;
use crate::event::FacilityMention;
use crate::place::words::{PlaceWords, WordClass};
use crate::place::{Location, PlaceKind, PlaceMention, PlaceRole, Precision};
use crate::span::{Span, starting_in};
use crate::text::{Dateline, fold_eq, without_brackets};

/// A place an event can be at.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// Where the text names it.
    pub span: Span,
    /// Where it is.
    pub location: Location,
    /// True for a military unit, base or other named facility.
    pub facility: bool,
    /// True when an actor's name overlaps it ("Kachin" in "Kachin fighters"), other than a
    /// country or capital, or an owner inside a unit's name ("BGF Battalion 9"), or when its
    /// possessive comes right before an actor ("Sudan's paramilitary RSF"): it names or
    /// describes the actor, not where an event happens.
    pub names_actor: bool,
    /// For a post that goes by the place it stands at ("Hill Ridge army base" is at Hill
    /// Ridge), the post's own name: an event there is at the place, but who holds the post
    /// holds the post, not the place.
    pub post_name: Option<String>,
}

/// True for a place named in the article's dateline ([`Dateline`]) that lies outside its
/// country ("BANGKOK — Fighting in Shan State ...", "NAIROBI, Kenya (Reuters) - ..."): where the
/// reporter files from, not where anything happened. A dateline in the article's own country
/// stays a site on purpose: local news files from where things happen ("BHAMO — The KIA
/// overran ...").
fn foreign_dateline(
    dateline: Option<&Dateline>,
    place: &PlaceMention,
    focus_country: Option<&str>,
) -> bool {
    let in_dateline = dateline.is_some_and(|dateline| place.span.end <= dateline.end);
    let country = place.location.as_ref().and_then(|l| l.country.as_deref());
    in_dateline && focus_country.is_some() && country.is_some() && country != focus_country
}

/// Where the places that `opens` takes start, and those `joins` lists right after each one
/// taken (given the span of the one before): the places of lists that name no event's place.
fn listed_places(
    doc: &Doc,
    opens: impl Fn(&PlaceMention) -> bool,
    joins: impl Fn(Span, &PlaceMention) -> bool,
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    let mut previous: Option<Span> = None;
    for place in &doc.places {
        let taken = previous.is_some_and(|p| joins(p, place)) || opens(place);
        if taken {
            found.push(place.span.start);
        }
        previous = taken.then_some(place.span);
    }
    found
}

/// True for a ward (a quarter of a town) named in a sentence that, or whose sentence before,
/// names a town: the event is at the town ("attacked offices in Hill Ridge and in Zyqlo ward";
/// "… in Hill Ridge Town. Jets struck Zyqlo Ward"). A romanised ward's name often matches
/// some other village's; the town is what a reader looks for.
fn ward_of_a_named_town(doc: &Doc, place: &PlaceMention) -> bool {
    if place.kind != PlaceKind::Ward {
        return false;
    }
    let sentences = &doc.sentences;
    let idx = sentences.partition_point(|s| s.end <= place.span.start);
    let start = sentences[idx.saturating_sub(1)..]
        .first()
        .map_or(0, |s| s.start);
    let end = sentences.get(idx).map_or(place.span.start, |s| s.end);
    doc.places.iter().any(|other| {
        other.role == PlaceRole::Toponym
            && matches!(other.kind, PlaceKind::Town | PlaceKind::Township)
            && other.span.start >= start
            && other.span.end <= end
    })
}

/// Where the countries named after a preposition of the agent start, and those listed with
/// them ("mediation by Qatar, Turkiye and Saudi Arabia", "backed by the United States"): who
/// acts, not where.
fn countries_as_agents(doc: &Doc, words: &PlaceWords) -> Vec<usize> {
    let text = doc.text();
    let is_country = |place: &PlaceMention| {
        place
            .location
            .as_ref()
            .is_some_and(|l| l.precision == Precision::Country)
    };
    let after_agent_preposition = |place: &PlaceMention| {
        let before = text[..place.span.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let word = before.rsplit(' ').next().unwrap_or("");
        is_country(place) && words.is(word, WordClass::AgentPreposition)
    };
    // A comma joins a list only where "and" closes it later ("by Qatar, Turkiye and Saudi
    // Arabia"), not a clause ("Flanked by Thailand and Laos, Myanmar ...").
    let listed = |previous: Span, place: &PlaceMention| {
        let after = text[place.span.end..].trim_start();
        is_country(place)
            && match text[previous.end..place.span.start].trim() {
                "and" | ", and" => true,
                "," => after.starts_with(',') || after.starts_with("and "),
                _ => false,
            }
    };
    listed_places(doc, after_agent_preposition, listed)
}

/// Where the places named as examples of a set of places start ("5,000 people from
/// 12 villages, including Zyqlo, fled", "ten villages including Zyqlo and Qopl"), and those
/// listed with them: the event is at the set, not at its examples.
fn examples_of_a_set(doc: &Doc, words: &PlaceWords) -> Vec<usize> {
    let text = doc.text();
    let after_opener = |place: &PlaceMention| {
        let mut before = text[..place.span.start].trim_end().rsplit(' ');
        let opener = before.next().unwrap_or("");
        let set = before.next().unwrap_or("").trim_end_matches(',');
        words.is(opener, WordClass::ExampleOpener) && words.is(set, WordClass::Plural)
    };
    let listed = |previous: Span, place: &PlaceMention| {
        matches!(
            text[previous.end..place.span.start].trim(),
            "," | "and" | ", and"
        )
    };
    listed_places(doc, after_opener, listed)
}

/// Most words between "from" and the first place of the fighters' origin ("groups from the
/// three Kale townships").
const WORDS_BEFORE_ORIGIN: usize = 2;

/// Most words between an expulsion word and the fighters it drives out ("drove the junta's
/// remaining troops from A").
const WORDS_BEFORE_FIGHTERS: usize = 4;

/// Where the places named as where fighters come from start, and those listed with them
/// ("resistance groups from A, B and C townships attacked the post", "PDFs from A and three
/// B townships"): the men come from there, the event is elsewhere. Fighters driven out
/// ("drove out junta troops from A") lose the place: that is where the event is.
fn origins_of_fighters(doc: &Doc, words: &PlaceWords) -> Vec<usize> {
    let text = doc.text();
    let after_fighters_from = |place: &PlaceMention| {
        let mut before = text[..place.span.start].trim_end().rsplit(' ');
        let Some(from) = before
            .by_ref()
            .take(WORDS_BEFORE_ORIGIN + 1)
            .position(|word| word == "from")
        else {
            return false;
        };
        let lower_case = text[..place.span.start]
            .trim_end()
            .rsplit(' ')
            .take(from)
            .all(|word| word.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()));
        let fighters = before
            .next()
            .is_some_and(|noun| words.is(noun, WordClass::Fighters));
        let expelled = before
            .take(WORDS_BEFORE_FIGHTERS)
            .any(|word| words.is(word, WordClass::Expulsion));
        lower_case && fighters && !expelled
    };
    // A plural generic word may close a part of the list ("from three A townships and B").
    let listed = |previous: Span, place: &PlaceMention| {
        let gap = text[previous.end..place.span.start].trim();
        let gap = gap
            .split_once(' ')
            .filter(|(first, _)| words.is(first.trim_end_matches(','), WordClass::Plural))
            .map_or(gap, |(_, rest)| rest.trim());
        matches!(gap, "," | "and" | ", and")
    };
    listed_places(doc, after_fighters_from, listed)
}

/// The sites of a document: its resolved toponyms and its facilities, in text order.
pub fn sites(doc: &Doc, focus_country: Option<&str>, words: &PlaceWords) -> Vec<Site> {
    let facilities = &doc.facilities;
    // Each gazetteer entry goes by the name the article first gives it.
    let mut first_written: HashMap<&str, String> = HashMap::default();
    let dateline = crate::text::dateline(doc.text());
    let agents = countries_as_agents(doc, words);
    let examples = examples_of_a_set(doc, words);
    let origins = origins_of_fighters(doc, words);
    let mut sites: Vec<Site> = doc
        .places
        .iter()
        .filter(|place| place.role == PlaceRole::Toponym)
        .filter(|place| !facilities.iter().any(|f| f.span.overlaps(place.span)))
        .filter(|place| !foreign_dateline(dateline.as_ref(), place, focus_country))
        .filter(|place| !ward_of_a_named_town(doc, place))
        .filter(|place| !agents.contains(&place.span.start))
        .filter(|place| !examples.contains(&place.span.start))
        .filter(|place| !origins.contains(&place.span.start))
        .filter_map(|place| {
            let mut location = place.location.clone()?;
            let below_admin1 = matches!(
                location.precision,
                Precision::Point | Precision::Town | Precision::Township
            );
            if let Some(written) = below_admin1
                .then(|| written_name(place.span.slice(doc.text()), words))
                .flatten()
                .map(|written| post_place(&written, words).unwrap_or(written))
            {
                location.name = match place.location.as_ref().and_then(|l| l.id.as_deref()) {
                    Some(id) => first_written.entry(id).or_insert(written).clone(),
                    None => written,
                };
            }
            Some(Site {
                span: place.span,
                location,
                facility: false,
                names_actor: false,
                post_name: None,
            })
        })
        .collect();
    for facility in facilities.iter() {
        let sentence = doc
            .sentence_at(facility.span.start)
            .unwrap_or(facility.span);
        // In a title-case heading every word is capitalised: "… After Rebels Seize Camp" names
        // no post.
        if crate::text::is_heading(doc.text(), sentence) {
            continue;
        }
        if facility.of_antecedent {
            sites.extend(named_after_antecedent(&sites, facility, sentence));
            continue;
        }
        let container = starting_in(&doc.places, sentence, |p| p.span)
            .iter()
            .filter(|p| p.role == PlaceRole::Toponym && sentence.contains(p.span))
            .filter_map(|p| p.location.as_ref().map(|l| (p.span, l)))
            .filter(|(_, l)| l.precision != Precision::Country)
            .min_by_key(|(span, _)| span.start.abs_diff(facility.span.start))
            .map(|(_, l)| l)
            .or_else(|| last_location_before(doc, facility.span.start))
            .cloned();
        // A post named by a word that is no place is its owner's ("the Dale Revolution camp").
        let post_place = post_place(&facility.name, words);
        let owned = post_place.as_deref().is_some_and(|place| {
            place.rsplit(' ').next().is_some_and(|last| {
                words.is(last, WordClass::OrgEnd) || words.is(last, WordClass::NotPlace)
            })
        });
        let (name, post_name) = match post_place {
            Some(place) if !owned => (place, Some(facility.name.clone())),
            _ => (facility.name.clone(), None),
        };
        let location = match container {
            // A base is a point (CONTRACT.md), placed at its container's point.
            Some(container) => {
                // It lies in its container's township, or in the container if that is one.
                let township = if container.precision == Precision::Township {
                    container.id.clone()
                } else {
                    container.township.clone()
                };
                Location {
                    name: name.clone(),
                    id: None,
                    precision: Precision::Point,
                    township,
                    ..container
                }
            }
            None => Location {
                name,
                country: focus_country.map(str::to_string),
                admin1: None,
                lat: None,
                lon: None,
                precision: Precision::Point,
                id: None,
                township: None,
            },
        };
        sites.push(Site {
            span: facility.span,
            location,
            facility: true,
            names_actor: owned,
            post_name,
        });
    }
    sites.sort_by_key(|site| site.span.start);
    let text = doc.text();
    for site in &mut sites {
        let possessive_end = ["'s ", "’s "]
            .iter()
            .find(|s| text[site.span.end..].starts_with(**s))
            .map(|s| site.span.end + s.len());
        // "Sudan's paramilitary Rapid Support Forces": the place only describes the group.
        let describes = possessive_end.is_some_and(|end| {
            let next = doc.actors.partition_point(|m| m.span.start < end);
            doc.actors
                .get(next)
                .is_some_and(|m| text[end..m.span.start].split_whitespace().nth(1).is_none())
        });
        site.names_actor |= describes
            || names_unit(&text[site.span.end..], words)
            || armed_group_unit(doc, site, words)
            || doc.actors.iter().any(|m| {
                // A post named by its owner alone ("the KIA camp") names no place.
                let owner = site.facility
                    && site.span.contains(m.span)
                    && site.span != m.span
                    && !fold_eq(&site.location.name, m.span.slice(text));
                m.span.overlaps(site.span)
                    && !owner
                    && !matches!(m.how, MentionKind::Country | MentionKind::Capital)
            });
    }
    sites
}

/// True for a unit of a non-state armed group, named with its owner inside ("KNLA Brigade 3")
/// or after "of" ("Brigade 3 of the KNLA"), and not as a post ("BGF Battalion 1002
/// headquarters", "the KIA Battalion 3 camp"): a force that acts, not where.
fn armed_group_unit(doc: &Doc, site: &Site, words: &PlaceWords) -> bool {
    let name = &site.location.name;
    let is_unit = site.facility
        && name
            .split(' ')
            .any(|word| words.is(&word.to_lowercase(), WordClass::Unit));
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    if !is_unit || last == "headquarters" || words.is(&last, WordClass::Post) {
        return false;
    }
    let text = doc.text();
    let after = &text[site.span.end..];
    let of_at = ["of the ", "of "]
        .iter()
        .find_map(|of| {
            after
                .strip_prefix(' ')?
                .strip_prefix(of)
                .map(|_| 1 + of.len())
        })
        .map(|len| site.span.end + len);
    let reach = Span::new(site.span.start, of_at.unwrap_or(site.span.end));
    starting_in(&doc.actors, reach, |m| m.span).iter().any(|m| {
        m.kind.is_non_state_armed() && (site.span.contains(m.span) || Some(m.span.start) == of_at)
    })
}

/// True when a unit word follows a place, right after it or after a generic word ("the
/// Hill Ridge district command", "the Dale battalion"): the place is part of the unit's name.
fn names_unit(after: &str, words: &PlaceWords) -> bool {
    if !after.starts_with(' ') {
        return false;
    }
    let mut next = after.split_whitespace();
    let is_unit = |raw: &str| {
        let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        raw.starts_with(char::is_lowercase) && words.is(word, WordClass::Unit)
    };
    match next.next() {
        Some(first) if is_unit(first) => true,
        // "district command": a generic word, then the unit, with no stop between.
        Some(first) => {
            first.chars().all(char::is_alphanumeric)
                && words.info(first).after.is_some()
                && next.next().is_some_and(is_unit)
        }
        None => false,
    }
}

/// The site of a facility named after the town or township last named before it in its
/// sentence ("took Hill Ridge Township, having already taken its airport": "Hill Ridge
/// Airport", at the township's point); none when the sentence names no such place before it.
fn named_after_antecedent(
    sites: &[Site],
    facility: &FacilityMention,
    sentence: Span,
) -> Option<Site> {
    let antecedent = sites.iter().rev().find(|site| {
        site.span.start >= sentence.start
            && site.span.end <= facility.span.start
            && matches!(
                site.location.precision,
                Precision::Town | Precision::Township
            )
    })?;
    let township = match antecedent.location.precision {
        Precision::Township => antecedent.location.id.clone(),
        _ => antecedent.location.township.clone(),
    };
    Some(Site {
        span: facility.span,
        location: Location {
            name: format!("{} {}", antecedent.location.name, facility.name),
            id: None,
            precision: Precision::Point,
            township,
            ..antecedent.location.clone()
        },
        facility: true,
        names_actor: false,
        post_name: None,
    })
}

/// A mention's text without the direction words before it and the generic words after it
/// ("northern Sezin village" → "Sezin"); `None` if nothing is left or the mention is in
/// capitals (a dateline's "MAGWAY" says nothing of spelling).
fn written_name(mention: &str, words: &PlaceWords) -> Option<String> {
    if !mention.chars().any(char::is_lowercase) {
        return None;
    }
    let unbracketed = without_brackets(mention);
    let mut kept: Vec<&str> = unbracketed.split_whitespace().collect();
    while kept.len() > 1
        && kept
            .first()
            .is_some_and(|word| words.is(word, WordClass::Direction))
    {
        kept.remove(0);
    }
    while kept.len() > 1
        && kept
            .last()
            .is_some_and(|word| words.info(word).after.is_some())
    {
        kept.pop();
    }
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// The place a military post is named with ("Hill Ridge" of "Hill Ridge village army base"):
/// the name without the lower-case post and generic words that end it, when a post word is
/// last and a capitalised word stays before them ("Dale air base" stays whole).
fn post_place(name: &str, words: &PlaceWords) -> Option<String> {
    let kept: Vec<&str> = name.split_whitespace().collect();
    let stripped = |word: &str| {
        word.starts_with(char::is_lowercase)
            && (words.is(word, WordClass::Post) || words.info(word).after.is_some())
    };
    if !kept
        .last()
        .is_some_and(|word| words.is(word, WordClass::Post))
    {
        return None;
    }
    let end = kept.iter().rposition(|word| !stripped(word))? + 1;
    // "Abu Shouk IDP camp": an abbreviation after a name says what the post is, so the whole
    // is the site's name ("BGF camp" alone is a group's).
    let last = kept[end - 1];
    let abbreviation = end > 1
        && last.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !last.chars().any(char::is_lowercase);
    (last.starts_with(char::is_uppercase) && !abbreviation).then(|| kept[..end].join(" "))
}

/// The last resolved sub-national place named before `offset`.
fn last_location_before(doc: &Doc, offset: usize) -> Option<&Location> {
    doc.places
        .iter()
        .rev()
        .filter(|p| p.span.end <= offset && p.role == PlaceRole::Toponym)
        .filter_map(|p| p.location.as_ref())
        .find(|l| l.precision != Precision::Country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::ResourceFiles;

    #[test]
    fn written_names_lose_directions_generic_words_and_asides() {
        let words = PlaceWords::load(&ResourceFiles::embedded()).unwrap();
        assert_eq!(
            written_name("Hill Ridge Town", &words).as_deref(),
            Some("Hill Ridge")
        );
        assert_eq!(
            written_name("northern Hill Ridge township", &words).as_deref(),
            Some("Hill Ridge")
        );
        assert_eq!(
            written_name("Pan Wa (Panwa) Town", &words).as_deref(),
            Some("Pan Wa")
        );
        assert_eq!(written_name("HILL RIDGE", &words), None);
    }

    #[test]
    fn a_military_post_goes_by_the_place_it_stands_at() {
        let words = PlaceWords::load(&ResourceFiles::embedded()).unwrap();
        let place = |name: &str| post_place(name, &words);
        assert_eq!(place("Hill Ridge army base").as_deref(), Some("Hill Ridge"));
        assert_eq!(place("Dale village outpost").as_deref(), Some("Dale"));
        assert_eq!(place("Dale camp").as_deref(), Some("Dale"));
        assert_eq!(place("Dale air base"), None);
        assert_eq!(place("Dale refugee camp"), None);
        assert_eq!(place("Dale Airport"), None);
        assert_eq!(place("Battalion 9 outpost"), None);
        assert_eq!(place("Dale IDP camp"), None);
    }

    #[test]
    fn a_place_before_a_unit_word_names_the_unit() {
        let words = PlaceWords::load(&ResourceFiles::embedded()).unwrap();
        assert!(names_unit(" district command said", &words));
        assert!(names_unit(" battalion, which", &words));
        assert!(!names_unit(" district on Monday", &words));
        assert!(!names_unit(", battalion", &words));
        assert!(!names_unit("'s battalion", &words));
    }
}
