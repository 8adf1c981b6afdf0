/*!
The word lists the place stage reads context from, compiled from
`resources/gazetteer/words.tsv` and `resources/gazetteer/demonyms.tsv`.

Each word of `words.tsv` has one or more classes: generic words that ask for a
kind of place ("Township", "the town of"), words that end or open an
organisation's name ("Army", "Ministry"), person titles, words that are never
a place on their own, and the words that make a place name stand for its
government or its people. `demonyms.tsv` maps adjectives of nationality and
ethnic names to a country or an admin1 division; `given_names.txt` lists first
names, which open a person's name, and `surnames.txt` common surnames.
*/

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::key::name_key;
use super::kind::PlaceKind;
use crate::resources::{ResourceError, ResourceFiles};

const WORDS: &str = "gazetteer/words.tsv";
const DEMONYMS: &str = "gazetteer/demonyms.tsv";
const GIVEN_NAMES: &str = "gazetteer/given_names.txt";
const SURNAMES: &str = "gazetteer/surnames.txt";

/// Where a demonym points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DemonymTarget {
    /// A country, by ISO code.
    Country(String),
    /// An admin1 division, by GeoNames code.
    Admin1(String),
    /// Any other gazetteer entry, by id (a continent: "European").
    Place(String),
}

/// The compiled word lists.
#[derive(Clone, Debug, Default)]
pub struct PlaceWords {
    /// Generic words after a name, and the kind each asks for.
    pub after: HashMap<String, PlaceKind>,
    /// Generic words in the plural, which give their kind to coordinated names.
    pub plural: HashSet<String>,
    /// Generic words before "of NAME", and the kind each asks for.
    pub before: HashMap<String, PlaceKind>,
    /// Words that make "NAME word" a spot in that place.
    pub facility: HashSet<String>,
    /// Last words of organisation names.
    pub org_end: HashSet<String>,
    /// First words of organisation names.
    pub org_start: HashSet<String>,
    /// Titles before a person's name.
    pub title: HashSet<String>,
    /// Words that are never a place on their own.
    pub not_place: HashSet<String>,
    /// Verbs after which a country or capital stands for its government.
    pub metonym_verb: HashSet<String>,
    /// Words skipped between a name and a metonym verb.
    pub auxiliary: HashSet<String>,
    /// Nouns after which a country name stands for its government.
    pub metonym_noun: HashSet<String>,
    /// Nouns after which an ethnic name is an adjective of people.
    pub people: HashSet<String>,
    /// Words before an ethnic name that make it the place.
    pub locative: HashSet<String>,
    /// Lower-case words allowed inside a name.
    pub connector: HashSet<String>,
    /// Direction words that may open a mention.
    pub direction: HashSet<String>,
    /// Verbs of speech after which a name is a person's ("Naw Bu said").
    pub speech_verb: HashSet<String>,
    /// Lower-case words that are a person's role before their name ("spokesman Zaw Min Tun").
    pub role: HashSet<String>,
    /// First names, as written ("Leslie").
    pub given_names: HashSet<String>,
    /// Common surnames, as written ("Bassett").
    pub surnames: HashSet<String>,
    /// The generic, facility and not-place words together: the words that may stand in a run
    /// of names without making it another thing's name (one lookup where three would do).
    pub common: HashSet<String>,
    /// Demonyms by lookup key.
    pub demonyms: HashMap<String, DemonymTarget>,
    /// The most words a demonym has.
    pub longest_demonym: usize,
}

impl PlaceWords {
    /// Compiles the two word files.
    pub fn load(files: &ResourceFiles) -> Result<PlaceWords, ResourceError> {
        let mut words = PlaceWords::default();
        for (line_no, line) in files.data_lines(WORDS)? {
            let (word, class) = line.split_once('\t').ok_or_else(|| {
                ResourceError::at_line(WORDS, line_no, "expected `word<TAB>class`")
            })?;
            let (word, class) = (word.trim().to_string(), class.trim());
            if let Some(kind_name) = class
                .strip_prefix("after:")
                .or_else(|| class.strip_prefix("before:"))
            {
                let kind = PlaceKind::parse(kind_name).ok_or_else(|| {
                    ResourceError::at_line(WORDS, line_no, format!("unknown kind {kind_name:?}"))
                })?;
                let map = if class.starts_with("after:") {
                    &mut words.after
                } else {
                    &mut words.before
                };
                map.insert(word, kind);
                continue;
            }
            let set = match class {
                "plural" => &mut words.plural,
                "facility" => &mut words.facility,
                "org_end" => &mut words.org_end,
                "org_start" => &mut words.org_start,
                "title" => &mut words.title,
                "not_place" => &mut words.not_place,
                "metonym_verb" => &mut words.metonym_verb,
                "auxiliary" => &mut words.auxiliary,
                "metonym_noun" => &mut words.metonym_noun,
                "people" => &mut words.people,
                "locative" => &mut words.locative,
                "connector" => &mut words.connector,
                "direction" => &mut words.direction,
                "speech_verb" => &mut words.speech_verb,
                "role" => &mut words.role,
                other => {
                    return Err(ResourceError::at_line(
                        WORDS,
                        line_no,
                        format!("unknown class {other:?}"),
                    ));
                }
            };
            set.insert(word);
        }
        words.common = (words.after.keys())
            .chain(&words.facility)
            .chain(&words.not_place)
            .cloned()
            .collect();
        for (path, names) in [
            (GIVEN_NAMES, &mut words.given_names),
            (SURNAMES, &mut words.surnames),
        ] {
            names.extend(
                files
                    .data_lines(path)?
                    .into_iter()
                    .map(|(_, line)| line.trim().to_string()),
            );
        }
        for (line_no, line) in files.data_lines(DEMONYMS)? {
            let (demonym, target) = line.split_once('\t').ok_or_else(|| {
                ResourceError::at_line(DEMONYMS, line_no, "expected `demonym<TAB>target`")
            })?;
            let target = target.trim();
            let target = match target.split_once('.') {
                _ if target.contains(':') => DemonymTarget::Place(target.to_string()),
                Some(_) => DemonymTarget::Admin1(target.to_string()),
                None if target.len() == 2 && target.chars().all(|c| c.is_ascii_uppercase()) => {
                    DemonymTarget::Country(target.to_string())
                }
                None => {
                    return Err(ResourceError::at_line(
                        DEMONYMS,
                        line_no,
                        format!("target {target:?} is no ISO code, admin1 code or entry id"),
                    ));
                }
            };
            let key = name_key(demonym.trim());
            words.longest_demonym = words.longest_demonym.max(key.split(' ').count());
            words.demonyms.insert(key, target);
        }
        Ok(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_compile_and_bad_lines_are_named() {
        let words = PlaceWords::load(&ResourceFiles::embedded()).unwrap();
        assert_eq!(words.after.get("Township"), Some(&PlaceKind::Township));
        assert!(words.org_end.contains("Army"));
        assert!(words.given_names.contains("Leslie"));
        assert!(words.surnames.contains("Bassett"));
        assert!(words.speech_verb.contains("said"));
        assert_eq!(
            words.demonyms.get("chinese"),
            Some(&DemonymTarget::Country("CN".into()))
        );
        assert_eq!(
            words.demonyms.get("kachin"),
            Some(&DemonymTarget::Admin1("MM.04".into()))
        );

        let mut files = ResourceFiles::embedded();
        files.set(
            WORDS,
            b"# fine\nArmy\torg_end\nTown\tafter:hamlet\n".to_vec(),
        );
        let err = PlaceWords::load(&files).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("hamlet"));
    }
}
