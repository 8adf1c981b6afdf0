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

use rustc_hash::FxHashMap as HashMap;

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

/// A class of words: each is a list of `words.tsv` (or the given-name and surname files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    /// A generic word in the plural, which gives its kind to coordinated names.
    Plural,
    /// A word that makes "NAME word" a spot in that place.
    Facility,
    /// The last word of organisation names.
    OrgEnd,
    /// The first word of organisation names.
    OrgStart,
    /// A title before a person's name.
    Title,
    /// A word that is never a place on its own.
    NotPlace,
    /// A verb after which a country or capital stands for its government.
    MetonymVerb,
    /// A word skipped between a name and a metonym verb.
    Auxiliary,
    /// A noun after which a country name stands for its government.
    MetonymNoun,
    /// A preposition of the agent: a country after it, "the" allowed between, is who acts, no
    /// event's place ("mediation by Qatar", "backed by the United States").
    AgentPreposition,
    /// A noun after which an ethnic name is an adjective of people.
    People,
    /// A word before an ethnic name that makes it the place.
    Locative,
    /// A lower-case word allowed inside a name.
    Connector,
    /// A direction word that may open a mention.
    Direction,
    /// A verb of speech after which a name is a person's ("Naw Bu said").
    SpeechVerb,
    /// A lower-case word for a person's role before their name ("spokesman Zaw Min Tun").
    Role,
    /// A verb whose object is who is spoken to: the name right after it is a person or an
    /// outlet, no place ("told The Irrawaddy", "told Reuters").
    AddresseeVerb,
    /// A verb of capture: an unknown capitalised name right after it, with no noun after the
    /// name, is a town ("captured Masisi on Friday").
    CaptureVerb,
    /// A noun of capture: an unknown capitalised name right after it and "of", with no noun
    /// after the name, is a town, as after a verb of capture ("took control of Zyqwa").
    CaptureNoun,
    /// A noun of fighting: an unknown capitalised name right after it and a locative word,
    /// with no noun after the name, is a town, as after a verb of capture ("clashes in Zyqwa").
    FightNoun,
    /// A preposition that, after a noun of fighting, names what the fight was aimed at, as a
    /// locative word does there ("the attack on Zyqwa").
    TargetPreposition,
    /// A word that may follow a place name closing a phrase ("on", "after"), not a noun that
    /// the name would qualify ("captured Hezbollah fighters").
    NameFollower,
    /// A lower-case word for a military unit after a place name: the place is part of the
    /// unit's name ("the Hill Ridge district command"), not where anything happens.
    Unit,
    /// A lower-case word for a military post or its kind after a place name ("base",
    /// "outpost", "army"): the post is named by the place it stands at ("the Hill Ridge army
    /// base" is at Hill Ridge).
    Post,
    /// A word that opens a list of names after a plural generic word ("the villages include
    /// A and B", "three villages, including A").
    ListOpener,
    /// A preposition: a plural generic word it governs opens no list ("men from the
    /// villages, including A").
    Preposition,
    /// A word after a plural generic word that opens examples of the set ("12 villages,
    /// including A"): the event told of the set is not at its examples.
    ExampleOpener,
    /// A plural noun for armed men ("groups", "troops"): the places "from" names right after
    /// it are where they come from, no event's place ("groups from A and B attacked").
    Fighters,
    /// A word of driving fighters out ("drove", "out"): shortly before them, "from" names the
    /// place they lose, the event's ("drove out junta troops from A").
    Expulsion,
    /// A first name, as written ("Leslie").
    GivenName,
    /// A common surname, as written ("Bassett").
    Surname,
}

impl WordClass {
    /// The class a `words.tsv` line names (the generic classes `after:` and `before:` aside).
    fn parse(name: &str) -> Option<WordClass> {
        Some(match name {
            "plural" => WordClass::Plural,
            "facility" => WordClass::Facility,
            "org_end" => WordClass::OrgEnd,
            "org_start" => WordClass::OrgStart,
            "title" => WordClass::Title,
            "not_place" => WordClass::NotPlace,
            "metonym_verb" => WordClass::MetonymVerb,
            "auxiliary" => WordClass::Auxiliary,
            "metonym_noun" => WordClass::MetonymNoun,
            "agent_preposition" => WordClass::AgentPreposition,
            "people" => WordClass::People,
            "locative" => WordClass::Locative,
            "connector" => WordClass::Connector,
            "direction" => WordClass::Direction,
            "speech_verb" => WordClass::SpeechVerb,
            "role" => WordClass::Role,
            "addressee_verb" => WordClass::AddresseeVerb,
            "capture_verb" => WordClass::CaptureVerb,
            "capture_noun" => WordClass::CaptureNoun,
            "fight_noun" => WordClass::FightNoun,
            "target_preposition" => WordClass::TargetPreposition,
            "name_follower" => WordClass::NameFollower,
            "unit" => WordClass::Unit,
            "post" => WordClass::Post,
            "list_opener" => WordClass::ListOpener,
            "preposition" => WordClass::Preposition,
            "example_opener" => WordClass::ExampleOpener,
            "fighters" => WordClass::Fighters,
            "expulsion" => WordClass::Expulsion,
            _ => return None,
        })
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Everything the word lists say of one word (as written: the lists are case-sensitive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    classes: u32,
    /// The kind this word asks for as a generic word after a name ("Township").
    pub after: Option<PlaceKind>,
    /// The kind this word asks for as a generic word before "of NAME" ("the town of").
    pub before: Option<PlaceKind>,
}

impl WordInfo {
    /// True when the word is of the class.
    pub fn is(self, class: WordClass) -> bool {
        self.classes & class.bit() != 0
    }

    /// A generic, facility or not-place word: one that may stand in a run of names without
    /// making it another thing's name.
    pub fn is_common(self) -> bool {
        self.after.is_some() || self.is(WordClass::Facility) || self.is(WordClass::NotPlace)
    }
}

/// The compiled word lists.
#[derive(Clone, Debug, Default)]
pub struct PlaceWords {
    /// Every listed word, with all its classes: one lookup answers every question about it.
    by_word: HashMap<Box<str>, WordInfo>,
    /// Demonyms by lookup key, in file order.
    pub demonyms: Vec<(String, DemonymTarget)>,
    /// The most words a demonym has.
    pub longest_demonym: usize,
}

impl PlaceWords {
    /// Compiles the word files.
    pub fn load(files: &ResourceFiles) -> Result<PlaceWords, ResourceError> {
        let mut words = PlaceWords::default();
        for (line_no, line) in files.data_lines(WORDS)? {
            let (word, class) = line.split_once('\t').ok_or_else(|| {
                ResourceError::at_line(WORDS, line_no, "expected `word<TAB>class`")
            })?;
            let (word, class) = (word.trim(), class.trim());
            if let Some(kind_name) = class
                .strip_prefix("after:")
                .or_else(|| class.strip_prefix("before:"))
            {
                let kind = PlaceKind::parse(kind_name).ok_or_else(|| {
                    ResourceError::at_line(WORDS, line_no, format!("unknown kind {kind_name:?}"))
                })?;
                let info = words.entry(word);
                if class.starts_with("after:") {
                    info.after = Some(kind);
                } else {
                    info.before = Some(kind);
                }
                continue;
            }
            let class = WordClass::parse(class).ok_or_else(|| {
                ResourceError::at_line(WORDS, line_no, format!("unknown class {class:?}"))
            })?;
            words.entry(word).classes |= class.bit();
        }
        for (path, class) in [
            (GIVEN_NAMES, WordClass::GivenName),
            (SURNAMES, WordClass::Surname),
        ] {
            for (_, line) in files.data_lines(path)? {
                words.entry(line.trim()).classes |= class.bit();
            }
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
            words.demonyms.push((key, target));
        }
        Ok(words)
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.by_word.entry(word.into()).or_default()
    }

    /// What the lists say of a word, as written.
    pub fn info(&self, word: &str) -> WordInfo {
        self.by_word.get(word).copied().unwrap_or_default()
    }

    /// True when the word, as written, is of the class.
    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.info(word).is(class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_compile_and_bad_lines_are_named() {
        let words = PlaceWords::load(&ResourceFiles::embedded()).unwrap();
        assert_eq!(words.info("Township").after, Some(PlaceKind::Township));
        assert_eq!(words.info("township").after, Some(PlaceKind::Township));
        assert!(words.is("Army", WordClass::OrgEnd));
        assert!(words.is("Leslie", WordClass::GivenName));
        assert!(words.is("Bassett", WordClass::Surname));
        assert!(words.is("said", WordClass::SpeechVerb));
        assert!(
            !words.is("Said", WordClass::SpeechVerb),
            "the lists are case-sensitive"
        );
        assert!(words.info("Airport").is_common());
        assert!(!words.info("Bhamo").is_common());
        let demonym = |key: &str| {
            words
                .demonyms
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, t)| t)
        };
        assert_eq!(
            demonym("chinese"),
            Some(&DemonymTarget::Country("CN".into()))
        );
        assert_eq!(
            demonym("kachin"),
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
