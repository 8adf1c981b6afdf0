/*!
Facilities: military units and named sites that events take or strike.

Gazetteers do not list "Light Infantry Battalion 268" or "Bhamo Airport", yet conflict news
is about them. This module finds them with patterns compiled from
`resources/events/facilities.toml` and names them as an analyst would: abbreviations in
brackets dropped ("Light Infantry Battalion (LIB) 268" → "Light Infantry Battalion 268"),
abbreviated units expanded ("IB 47" → "Infantry Battalion 47", using the article's own
definitions first), "the headquarters of X" named "X headquarters", and "the airport at
Kavumu" named "Kavumu Airport".
*/

use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};
use serde::Deserialize;

use crate::actor::Definition;
use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

const FACILITIES: &str = "events/facilities.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FacilityFile {
    unit_types: Vec<String>,
    unit_heads: Vec<String>,
    unit_suffixes: Vec<String>,
    abbreviations: HashMap<String, String>,
    openers: Vec<String>,
    named: NamedSection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedSection {
    heads: Vec<String>,
    lower_heads: Vec<String>,
    of_place_heads: Vec<String>,
    route_heads: Vec<String>,
    numbered_heads: Vec<String>,
    number_after_heads: Vec<String>,
}

/// A facility named in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacilityMention {
    /// Its bytes.
    pub span: Span,
    /// Its name, as an analyst writes it; for one named after the place before it, its head
    /// alone ("Airport" for "its airport").
    pub name: String,
    /// True when "its" names it after the place named before it ("took the town, having
    /// already taken its airport"): the site takes that place's name before its head.
    pub of_antecedent: bool,
}

/// The compiled facility patterns.
#[derive(Clone, Debug)]
pub struct FacilityPatterns {
    unit: Regex,
    abbreviated: Regex,
    named: Regex,
    named_lower: Regex,
    of_place: Regex,
    of_antecedent: Regex,
    route: Regex,
    numbered: Regex,
    headquarters_of: Regex,
    abbreviations: HashMap<String, String>,
    /// Capitalised words that open a sentence before a site's name, no part of it ("After").
    openers: Vec<String>,
    /// Heads of numbered units ("Battalion", "Command").
    unit_heads: Vec<String>,
    /// The head words of every headed pattern.
    head_finder: AhoCorasick,
    /// The pattern each word of `head_finder` is a head of.
    head_patterns: Vec<Headed>,
}

/// The patterns that cannot match without one of their head words ("Battalion", "Airport",
/// "road"): a text without any of those words is not searched with them; and but for routes,
/// which may run over a line break, a pattern searches only the lines that hold one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Headed {
    /// Numbered units, by `unit_heads`.
    Unit,
    /// Capitalised named sites, by `named.heads` and `named.number_after_heads`.
    Named,
    /// Named sites with a lower-case head, by `named.lower_heads`.
    NamedLower,
    /// "the airport at Kavumu", by `named.of_place_heads`.
    OfPlace,
    /// Routes, by `named.route_heads`.
    Route,
    /// Numbered places, by `named.numbered_heads`.
    Numbered,
}

/// `name` without the article that opens a sentence before it ("The Hill Ridge", "A"
/// of "A military base"): empty when the article is all there is.
fn without_determiner(name: &str) -> &str {
    match name {
        "A" | "An" | "The" => "",
        _ => ["The ", "A ", "An "]
            .iter()
            .find_map(|article| name.strip_prefix(article))
            .unwrap_or(name),
    }
}

impl Headed {
    /// How many headed patterns there are.
    const COUNT: usize = 6;
}

/// For each headed pattern (indexed by [`Headed`]), the lines of a text that hold one of its
/// head words, in text order; none when the text lacks its heads.
#[derive(Default)]
struct HeadLines([Vec<Span>; Headed::COUNT]);

impl HeadLines {
    /// The matches of `pattern` in `text`, each read for its captures, in text order; none
    /// when the text lacks the pattern's heads.
    fn in_text<'s>(&self, pattern: &'s Regex, head: Headed, text: &'s str) -> Vec<Captures<'s>> {
        if self.0[head as usize].is_empty() {
            return Vec::new();
        }
        pattern.captures_iter(text).collect()
    }

    /// The same matches, searched only in the lines that hold the pattern's heads: for a
    /// pattern whose every match holds its head and no line break (its words joined by
    /// spaces), every match lies in one of those lines, and a line cut where it ends looks
    /// to a closing word boundary as the line break after it does.
    fn in_lines<'s>(&self, pattern: &'s Regex, head: Headed, text: &'s str) -> Vec<Captures<'s>> {
        let mut found = Vec::new();
        let mut at = 0;
        for line in &self.0[head as usize] {
            let haystack = &text[..line.end];
            at = at.max(line.start);
            while let Some(caps) = pattern.captures_at(haystack, at) {
                at = caps.get(0).expect("whole match").end();
                found.push(caps);
            }
        }
        found
    }
}

fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

impl FacilityPatterns {
    /// True when `name` holds a unit head ("Western Command", "Battalion 9").
    pub fn names_unit(&self, name: &str) -> bool {
        name.split_whitespace()
            .any(|word| self.unit_heads.iter().any(|head| head == word))
    }

    /// Compiles `resources/events/facilities.toml`.
    pub fn load(files: &ResourceFiles) -> Result<FacilityPatterns, ResourceError> {
        let file: FacilityFile = toml::from_str(files.text(FACILITIES)?)
            .map_err(|err| ResourceError::new(FACILITIES, err.to_string()))?;
        let types = alternation(&file.unit_types);
        let heads = alternation(&file.unit_heads);
        let suffixes = alternation(&file.unit_suffixes);
        let abbreviations = alternation(&file.abbreviations.keys().cloned().collect::<Vec<_>>());
        let cap_word = r"[A-Z][A-Za-z0-9'’-]*";
        let cap_name = r"[A-Z][A-Za-z0-9'’]*(?: [A-Z][A-Za-z0-9'’]*){0,2}";
        let head_lists = [
            (&file.unit_heads, Headed::Unit),
            (&file.named.heads, Headed::Named),
            (&file.named.number_after_heads, Headed::Named),
            (&file.named.lower_heads, Headed::NamedLower),
            (&file.named.of_place_heads, Headed::OfPlace),
            (&file.named.route_heads, Headed::Route),
            (&file.named.numbered_heads, Headed::Numbered),
        ];
        let (head_words, head_patterns): (Vec<&String>, Vec<Headed>) = head_lists
            .iter()
            .flat_map(|(words, pattern)| words.iter().map(move |word| (word, *pattern)))
            .unzip();
        let head_finder = AhoCorasick::new(head_words)
            .map_err(|err| ResourceError::new(FACILITIES, err.to_string()))?;
        let compile = |source: String| {
            Regex::new(&source).map_err(|err| ResourceError::new(FACILITIES, err.to_string()))
        };
        Ok(FacilityPatterns {
            unit_heads: file.unit_heads.clone(),
            unit: compile(format!(
                r"(?-u:\b)(?:(?P<owner>[A-Z]{{2,5}}) |(?:[A-Z][a-z]+ ){{1,4}}\((?P<owner_defined>[A-Z]{{2,5}})\) )?(?P<type>(?:{types}) )?(?P<head>{heads})(?: \((?P<abbr>[A-Z-]+)\))? (?:No\. ?)?(?P<number>\d+)(?P<more>(?:(?:, | and | & )\d+)*)(?: (?P<suffix>{suffixes}))?(?-u:\b)"
            ))?,
            abbreviated: compile(format!(
                r"(?-u:\b)(?P<abbr>{abbreviations}|[A-Z]{{2,4}})[- ](?P<number>\d+)(?-u:\b)"
            ))?,
            named: compile(format!(
                r"(?-u:\b)(?P<name>(?:{cap_word} ){{0,3}}{cap_word} (?:(?:{})(?: \d{{1,4}})?|{}))(?-u:\b)",
                alternation(&file.named.number_after_heads),
                alternation(&file.named.heads)
            ))?,
            named_lower: compile(format!(
                r#"(?-u:\b)(?P<name>(?:{cap_word} ){{0,3}}{cap_word})["”]? (?P<head>{})(?-u:\b)"#,
                alternation(&file.named.lower_heads)
            ))?,
            of_place: compile(format!(
                r"(?-u:\b)the (?P<head>{}) (?:at|in|of) (?P<place>(?:{cap_word} ){{0,2}}{cap_word})",
                alternation(&file.named.of_place_heads)
            ))?,
            of_antecedent: compile(format!(
                r"(?-u:\b)[Ii]ts (?P<head>{})(?-u:\b)",
                alternation(&file.named.of_place_heads)
            ))?,
            route: compile(format!(
                r"(?-u:\b)(?P<name>{cap_name}(?:\s?[–-]\s?{cap_name})+) (?:{})(?-u:\b)",
                alternation(&file.named.route_heads)
            ))?,
            numbered: compile(format!(
                r"(?-u:\b)(?:{}) \d+(?-u:\b)",
                alternation(&file.named.numbered_heads)
            ))?,
            headquarters_of: compile(
                r"(?-u:\b)headquarters of (?:the )?(?:(?:[\w-]+ ){0,2}[\w-]+(?:'s|’s) )?$"
                    .to_string(),
            )?,
            abbreviations: file.abbreviations,
            openers: file.openers,
            head_finder,
            head_patterns,
        })
    }

    /// The lines of `text` that hold the head words of each headed pattern.
    fn head_lines(&self, text: &str) -> HeadLines {
        let mut lines = HeadLines::default();
        for m in self.head_finder.find_overlapping_iter(text) {
            let of_pattern = &mut lines.0[self.head_patterns[m.pattern().as_usize()] as usize];
            if of_pattern.last().is_none_or(|line| line.end < m.end()) {
                of_pattern.push(line_around(text, m.start()));
            }
        }
        lines
    }

    /// The facilities of a text. `definitions` are the text's own "Name (ABBR)" pairs; the
    /// last definition of an abbreviation wins.
    pub fn find<'s>(&'s self, text: &'s str, definitions: &[Definition]) -> Vec<FacilityMention> {
        let mut found: Vec<FacilityMention> = Vec::new();
        let heads = self.head_lines(text);
        // Routes and numbered places are named as written. A route may run over a line break
        // ("Lashio-\nMuse road").
        let as_written = heads
            .in_text(&self.route, Headed::Route, text)
            .into_iter()
            .chain(heads.in_lines(&self.numbered, Headed::Numbered, text));
        for caps in as_written {
            let whole = caps.get(0).expect("whole match");
            found.push(FacilityMention {
                span: Span::new(whole.start(), whole.end()),
                name: whole.as_str().to_string(),
                of_antecedent: false,
            });
        }
        for caps in heads.in_lines(&self.unit, Headed::Unit, text) {
            let whole = caps.get(0).expect("whole match");
            // "Border Guard Force (BGF) Battalion 1003" is "BGF Battalion 1003": the owner's
            // abbreviation tells its units from the army's.
            let owner = caps
                .name("owner")
                .or_else(|| caps.name("owner_defined"))
                .map_or(String::new(), |m| format!("{} ", m.as_str()));
            let unit_type = caps.name("type").map_or("", |m| m.as_str());
            let suffix = caps
                .name("suffix")
                .map_or(String::new(), |m| format!(" {}", m.as_str()));
            let head = caps["head"].trim_end_matches('s');
            let mut numbers = vec![caps["number"].to_string()];
            if let Some(more) = caps.name("more") {
                numbers.extend(
                    more.as_str()
                        .split(|c: char| !c.is_ascii_digit())
                        .filter(|n| !n.is_empty())
                        .map(str::to_string),
                );
            }
            for number in numbers {
                found.push(FacilityMention {
                    span: Span::new(whole.start(), whole.end()),
                    name: format!("{owner}{unit_type}{head} {number}{suffix}"),
                    of_antecedent: false,
                });
            }
        }
        for caps in self.abbreviated.captures_iter(text) {
            let whole = caps.get(0).expect("whole match");
            let abbr = &caps["abbr"];
            let defined = definitions
                .iter()
                .rev()
                .find(|definition| definition.abbreviation.slice(text) == abbr);
            let expansion = defined
                .map(|definition| definition.name.slice(text))
                .or_else(|| self.abbreviations.get(abbr).map(String::as_str));
            if let Some(expansion) =
                expansion.filter(|_| !overlaps_any(&found, whole.start(), whole.end()))
            {
                found.push(FacilityMention {
                    span: Span::new(whole.start(), whole.end()),
                    name: format!("{expansion} {}", &caps["number"]),
                    of_antecedent: false,
                });
            }
        }
        for caps in heads.in_lines(&self.named, Headed::Named, text) {
            let name = caps.name("name").expect("named group");
            // "Kyauktaw's Western Regional Headquarters" is the headquarters, in Kyauktaw.
            let trimmed = without_determiner(name.as_str());
            let trimmed = trimmed
                .rsplit_once("'s ")
                .or_else(|| trimmed.rsplit_once("’s "))
                .map_or(trimmed, |(_, rest)| rest);
            let start = name.end() - trimmed.len();
            if trimmed.contains(' ') && !overlaps_any(&found, start, name.end()) {
                found.push(FacilityMention {
                    span: Span::new(start, name.end()),
                    name: trimmed.to_string(),
                    of_antecedent: false,
                });
            }
        }
        for caps in heads.in_lines(&self.named_lower, Headed::NamedLower, text) {
            let whole = caps.get(0).expect("whole match");
            let name = without_determiner(&caps["name"]);
            let name = name
                .split_once(' ')
                .filter(|(first, _)| self.openers.iter().any(|opener| opener == first))
                .map_or(name, |(_, rest)| rest);
            let name = name
                .rsplit_once("'s ")
                .or_else(|| name.rsplit_once("’s "))
                .map_or(name, |(_, rest)| rest);
            // "the Myanmar Military's base camp" names its owner, not the camp.
            let owner_only = name.ends_with("'s") || name.ends_with("’s");
            let start = caps.name("name").expect("name group").end() - name.len();
            if !name.is_empty() && !owner_only && !overlaps_any(&found, start, whole.end()) {
                found.push(FacilityMention {
                    span: Span::new(start, whole.end()),
                    name: format!("{name} {}", &caps["head"]),
                    of_antecedent: false,
                });
            }
        }
        // "the airport at Kavumu" is "Kavumu Airport"; "its airport" is named after its place.
        for caps in [&self.of_place, &self.of_antecedent]
            .into_iter()
            .flat_map(|pattern| heads.in_lines(pattern, Headed::OfPlace, text))
        {
            let whole = caps.get(0).expect("whole match");
            if !overlaps_any(&found, whole.start(), whole.end()) {
                let head = capitalised(&caps["head"]);
                let place = caps.name("place");
                found.push(FacilityMention {
                    span: Span::new(whole.start(), whole.end()),
                    name: match place {
                        Some(place) => format!("{} {head}", place.as_str()),
                        None => head,
                    },
                    of_antecedent: place.is_none(),
                });
            }
        }
        for facility in &mut found {
            let head_start = text.floor_char_boundary(facility.span.start.saturating_sub(80));
            let head = &text[head_start..facility.span.start];
            if let Some(m) = self.headquarters_of.find(head) {
                if !facility.name.ends_with("eadquarters") {
                    facility.span = Span::new(head_start + m.start(), facility.span.end);
                    facility.name = format!("{} headquarters", facility.name);
                }
            }
        }
        found.sort_by_key(|f| f.span.start);
        use_full_names(&mut found);
        found
    }
}

/// The line of `text` around byte `at`, without its line breaks.
fn line_around(text: &str, at: usize) -> Span {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    Span::new(start, end)
}

/// `word` with a capital first letter ("airport" → "Airport").
fn capitalised(word: &str) -> String {
    let mut letters = word.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

/// Gives a short name the full name the article used before it: "Battalion 933" after
/// "Supply and Transport Battalion 933" is that battalion.
fn use_full_names(found: &mut [FacilityMention]) {
    for idx in 1..found.len() {
        let (earlier, rest) = found.split_at_mut(idx);
        let short = &mut rest[0];
        if short.of_antecedent {
            continue;
        }
        let full = earlier.iter().rev().find(|f| {
            f.name.len() > short.name.len()
                && f.name.ends_with(short.name.as_str())
                && f.name[..f.name.len() - short.name.len()].ends_with(' ')
        });
        if let Some(full) = full {
            short.name = full.name.clone();
        }
    }
}

fn overlaps_any(found: &[FacilityMention], start: usize, end: usize) -> bool {
    found.iter().any(|f| f.span.overlaps(Span::new(start, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let patterns = FacilityPatterns::load(&ResourceFiles::embedded()).unwrap();
        patterns
            .find(text, &crate::actor::find_definitions(text))
            .into_iter()
            .map(|f| f.name)
            .collect()
    }

    #[test]
    fn numbered_units_drop_bracketed_abbreviations() {
        assert_eq!(
            names(
                "Rebels took Light Infantry Battalion (LIB) 512 and Light Infantry Battalions 31 and 32."
            ),
            [
                "Light Infantry Battalion 512",
                "Light Infantry Battalion 31",
                "Light Infantry Battalion 32"
            ]
        );
        assert_eq!(
            names("They overran Ordnance Depot 77 near the lake."),
            ["Ordnance Depot 77"]
        );
        assert_eq!(
            names(
                "Rebels shelled the headquarters of Hill Guard Force (HGF) Battalion 12 and HGF Battalion 14."
            ),
            ["HGF Battalion 12 headquarters", "HGF Battalion 14"]
        );
        assert_eq!(
            names("They took the Infantry Battalion 9 headquarters."),
            ["Infantry Battalion 9 headquarters"]
        );
    }

    #[test]
    fn a_word_opening_a_sentence_is_no_part_of_a_posts_name() {
        assert_eq!(
            names("After Dale outpost burned, the troops left the Hill Ridge camp."),
            ["Dale outpost", "Hill Ridge camp"]
        );
    }

    #[test]
    fn an_article_opening_a_sentence_names_no_site() {
        assert_eq!(
            names("A military base near Hill Ridge was hit. The Dale refugee camp was shelled."),
            ["Dale refugee camp"]
        );
    }

    #[test]
    fn an_owner_before_a_lower_case_head_names_no_site() {
        assert_eq!(
            names(
                "Rebels took the Hill Army's base camp, then Dale outpost and Lake Ridge's Kone camp."
            ),
            ["Dale outpost", "Kone camp"]
        );
        assert_eq!(
            names("Gunmen raided the “Lake Ridge” camp."),
            ["Lake Ridge camp"]
        );
    }

    #[test]
    fn units_are_found_in_each_line_that_names_a_unit_head() {
        assert_eq!(
            names(
                "Rebels took Infantry Battalion 4.\nThe army held IB 7.\nThen Brigade 2 and Infantry\nBattalion 5 fell; Ordnance Depot 8 too."
            ),
            [
                "Infantry Battalion 4",
                "Infantry Battalion 7",
                "Brigade 2",
                "Battalion 5",
                "Ordnance Depot 8"
            ]
        );
    }

    #[test]
    fn a_road_keeps_its_number() {
        assert_eq!(
            names("Rebels cut National Highway 7 near the lake."),
            ["National Highway 7"]
        );
        assert_eq!(
            names("They took Hill Ridge Airport 20 minutes later."),
            ["Hill Ridge Airport"]
        );
    }

    #[test]
    fn a_short_name_takes_the_full_name_told_before() {
        assert_eq!(
            names(
                "Rebels ringed Supply and Transport Battalion 77. Battalion 77 held out, unlike Battalion 78."
            ),
            [
                "Supply and Transport Battalion 77",
                "Supply and Transport Battalion 77",
                "Battalion 78"
            ]
        );
    }

    #[test]
    fn abbreviations_expand_from_the_article_first() {
        assert_eq!(
            names("Rebels said the Experimental Battalion (XB) fled. Fighting hit IB 47 and XB 9."),
            ["Infantry Battalion 47", "Experimental Battalion 9"]
        );
    }

    #[test]
    fn headquarters_and_named_sites() {
        assert_eq!(
            names(
                "They seized the headquarters of the army's Southern Command and Hill Town Airport."
            ),
            ["Southern Command headquarters", "Hill Town Airport"]
        );
        assert_eq!(
            names(
                "They hold the headquarters of the Myanmar military's Eastern Command and Riverside's Central Prison."
            ),
            ["Eastern Command headquarters", "Central Prison"]
        );
        assert_eq!(
            names("Both sides fought along the Hill Town–Lake Shore road."),
            ["Hill Town–Lake Shore road"]
        );
        assert_eq!(
            names("Troops held the airport at Riverside and the Lake Shore naval base."),
            ["Riverside Airport", "Lake Shore naval base"]
        );
        assert_eq!(
            names("Rebels took a camp at Mile 11 on the road, a mile 12 post and Mile Creek."),
            ["Mile 11"]
        );
        // "its prison" is named after the place before it, not after another facility.
        assert_eq!(
            names("Troops took Riverside Airport and later its prison."),
            ["Riverside Airport", "Prison"]
        );
    }
}
