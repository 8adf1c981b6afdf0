/*!
The actor dictionary: compiled from `resources/actors/`.

- `actors.tsv`: canonical actors with their kind, ACLED inter code, country, parent
  organisation, the organisation they are a regional branch of, and names;
- `countries.tsv`: country names, adjectives and capitals, and the ids of each country's
  government and armed forces;
- `generic.tsv`: generic phrases ("the army", "the rebels") resolved in context;
- `ethnic.tsv`: ethnic adjectives that name a group before a force noun ("Kachin forces");
- `force_nouns.txt`: the nouns that make such phrases, and `wing_nouns.txt` those of them
  that name a political body's armed wing ("KIO troops" are the KIA);
- `unit_nouns.txt`: nouns of numbered units that may stand between a name and its force noun
  ("KNLA Brigade 6 troops");
- `weapon_nouns.txt`: nouns of weapons after which a country's adjective alone stands for
  its forces ("Russian drones");
- `attack_nouns.txt`: nouns of attacks after which (or after a weapon noun and one) a
  country's adjective is the attacker ("a Ukrainian drone attack");
- `org_heads.txt`: head words of organisation names, for actors an article defines;
- `group_nouns.txt`: phrases after a name that make an unknown name a group of its own
  without a definition ("the Ye Wa, a resistance force"), and `group_roles.txt`: role nouns
  that, after the phrase, make the name a person's ("a resistance group spokesman");
- `blocking_affixes.txt`: what, joined to a name, makes it no actor ("pro-junta",
  "Britain-based");
- `place_phrases.txt` and `border_nouns.txt`: words before or after a country's name that
  make it a place, not the country acting ("the border with Chad", "the Chad border");
- `outlets.txt`: news outlets whose names hold a country's ("France 24"): no actor;
- `successions.tsv`: actors whose names denote another actor in articles published from a
  date on (the Taliban are Afghanistan's government from 15 August 2021).

Every name becomes a pattern of one Aho-Corasick automaton, searched once per document in
ASCII-case-insensitive mode; names written in capitals match only as written.
*/

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use super::ActorId;
use crate::resources::{ResourceError, ResourceFiles};
use crate::span::Span;

const ACTORS: &str = "actors/actors.tsv";
const COUNTRIES: &str = "actors/countries.tsv";
const GENERIC: &str = "actors/generic.tsv";
const ETHNIC: &str = "actors/ethnic.tsv";
const FORCE_NOUNS: &str = "actors/force_nouns.txt";
const WING_NOUNS: &str = "actors/wing_nouns.txt";
const UNIT_NOUNS: &str = "actors/unit_nouns.txt";
const WEAPON_NOUNS: &str = "actors/weapon_nouns.txt";
const ATTACK_NOUNS: &str = "actors/attack_nouns.txt";
const ORG_HEADS: &str = "actors/org_heads.txt";
const GROUP_NOUNS: &str = "actors/group_nouns.txt";
const GROUP_ROLES: &str = "actors/group_roles.txt";
const BLOCKING_AFFIXES: &str = "actors/blocking_affixes.txt";
const STATE_ALLIES: &str = "actors/state_allies.txt";
const PLACE_PHRASES: &str = "actors/place_phrases.txt";
const BORDER_NOUNS: &str = "actors/border_nouns.txt";
const OUTLETS: &str = "actors/outlets.txt";
const SUCCESSIONS: &str = "actors/successions.tsv";

/// What sort of party an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A government or its forces.
    State,
    /// A rebel or ethnic armed group.
    Rebel,
    /// A militia, gang or other non-state force.
    Militia,
    /// Unarmed people.
    Civilians,
    /// An international body.
    International,
    /// Anyone else (student unions, parties).
    Other,
}

impl ActorKind {
    /// True for armed non-state actors.
    pub fn is_non_state_armed(self) -> bool {
        matches!(self, ActorKind::Rebel | ActorKind::Militia)
    }

    /// True for anyone who fights.
    pub fn is_armed(self) -> bool {
        matches!(
            self,
            ActorKind::State | ActorKind::Rebel | ActorKind::Militia
        )
    }

    fn parse(text: &str) -> Option<ActorKind> {
        Some(match text {
            "state" => ActorKind::State,
            "rebel" => ActorKind::Rebel,
            "militia" => ActorKind::Militia,
            "civilians" => ActorKind::Civilians,
            "international" => ActorKind::International,
            "other" => ActorKind::Other,
            _ => return None,
        })
    }
}

/// One actor of `actors.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    /// Canonical id.
    pub id: ActorId,
    /// What sort of party it is.
    pub kind: ActorKind,
    /// ACLED interaction code.
    pub inter: u8,
    /// Where it fights or governs.
    pub country: Option<String>,
    /// The political body or government whose (main) armed wing it is.
    pub wing_of: Option<ActorId>,
    /// The organisation it is a regional branch of: where an article names the branch, the
    /// parent's name stands for it.
    pub branch_of: Option<ActorId>,
    /// Names and aliases.
    pub names: Vec<String>,
}

/// The nouns after which a country's adjective alone stands for its forces.
#[derive(Clone, Debug, Default)]
pub(crate) struct StrikeNouns {
    /// Weapons ("Russian drones"): the adjective is the forces only for a party of the story;
    /// "Iranian drones struck Kyiv" names who made them.
    pub(crate) weapons: HashSet<String>,
    /// Attacks ("Ukrainian shelling"), also after a weapon ("a Ukrainian drone attack"): the
    /// adjective is the attacker.
    pub(crate) attacks: HashSet<String>,
}

/// One country of `countries.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-2.
    pub code: String,
    /// Its government's actor id.
    pub government: ActorId,
    /// Its armed forces' actor id.
    pub military: ActorId,
    /// Its names.
    pub names: Vec<String>,
    /// Adjectives of nationality.
    pub demonyms: Vec<String>,
    /// Seats of government.
    pub capitals: Vec<String>,
}

/// The role of a generic phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GenericClass {
    /// A state's forces.
    State,
    /// A state's government.
    Government,
    /// A non-state armed group named earlier.
    NonState,
    /// Fighters on the side of the party named with them ("the army and allied fighters"):
    /// no party of their own.
    Ally,
    /// An administrative area named like a body ("Funtua local government"): no actor.
    Area,
    /// A government post ("prime minister"): the government of the country named right
    /// before it ("Thai Prime Minister"); alone, no actor.
    Post,
}

/// What a dictionary pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Actor(usize),
    CountryName(usize),
    Demonym(usize),
    Capital(usize),
    Generic(GenericClass),
    Ethnic(usize),
}

/// One searchable string and what it may stand for.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub(crate) case_sensitive: bool,
    pub(crate) text: String,
    pub(crate) targets: Vec<Target>,
}

/// The compiled actor dictionary.
#[derive(Clone, Debug)]
pub struct ActorDictionary {
    pub(crate) entries: Vec<ActorEntry>,
    by_id: HashMap<String, usize>,
    pub(crate) countries: Vec<Country>,
    pub(crate) ethnic: Vec<(String, Vec<ActorId>)>,
    pub(crate) force_nouns: HashSet<String>,
    /// Nouns of weapons ("drones", "warplanes") and of attacks ("strikes", "shelling").
    pub(crate) strike_nouns: StrikeNouns,
    pub(crate) org_heads: HashSet<String>,
    /// Prefixes ("pro-") and suffixes ("-based") that, joined to a name, make it no actor.
    pub(crate) blocking_affixes: BlockingAffixes,
    /// For a generic phrase (lower case), the words one of its antecedent's names must end
    /// with ("the alliance" refers back to a "… Alliance" or "… Brotherhood").
    pub(crate) antecedent_heads: HashMap<String, Vec<String>>,
    /// Generic phrases (lower case) that name only a group fighting the state ("the rebels",
    /// "resistance forces"), never one of `state_allies`.
    pub(crate) opposition_phrases: HashSet<String>,
    /// Non-state armed groups that fight on the state's side (pro-junta militias).
    state_allies: HashSet<ActorId>,
    /// Phrases (lower case) right before a country's name that make it a place ("border
    /// with").
    pub(crate) place_phrases: Vec<String>,
    /// Nouns (lower case) right after a country's name that make it a place ("the Chad
    /// border").
    pub(crate) border_nouns: HashSet<String>,
    /// Phrases (lower case) after a name that make it an armed group ("resistance group").
    pub(crate) group_nouns: Vec<String>,
    /// Role nouns (lower case) after a group noun that make the name a person's ("spokesman").
    pub(crate) group_roles: HashSet<String>,
    /// News outlets whose names hold a country's, as written and in capitals ("France 24",
    /// "FRANCE 24"): a name inside one is no actor.
    outlets: Vec<(String, String)>,
    /// Actors whose names denote another in articles published on or after a day.
    pub(crate) successions: Vec<Succession>,
    /// The organisations some entry is a regional branch of (`branch_of`).
    parents_of_branches: HashSet<ActorId>,
    /// For a political body or government, its armed wing (`wing_of` in actors.tsv).
    armed_wings: HashMap<ActorId, ActorId>,
    /// Force nouns (lower case) that name a body's armed wing ("troops", not "police").
    pub(crate) wing_nouns: HashSet<String>,
    /// Nouns (lower case) of numbered units ("brigade"): one with its number may stand
    /// between a name and its force noun ("KNLA Brigade 6 troops").
    pub(crate) unit_nouns: HashSet<String>,
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) matcher: AhoCorasick,
}

impl Default for ActorDictionary {
    fn default() -> ActorDictionary {
        ActorDictionary::compile(
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            HashSet::default(),
            StrikeNouns::default(),
            HashSet::default(),
            BlockingAffixes::default(),
        )
    }
}

/// An actor whose names denote another in articles published on or after a day: the
/// Taliban, an insurgency until August 2021, are Afghanistan's government after it.
#[derive(Clone, Debug)]
pub(crate) struct Succession {
    pub(crate) actor: ActorId,
    pub(crate) successor: ActorId,
    pub(crate) from: jiff::civil::Date,
}

/// Prefixes ("pro-") and suffixes ("-based") that, joined to a name, make it no actor, sorted
/// apart when `blocking_affixes.txt` compiles; lower case.
#[derive(Clone, Debug, Default)]
pub(crate) struct BlockingAffixes {
    /// Affixes written before a name, ending with "-".
    prefixes: Vec<String>,
    /// Affixes written after a name, starting with "-".
    suffixes: Vec<String>,
}

impl BlockingAffixes {
    fn load(files: &ResourceFiles) -> Result<BlockingAffixes, ResourceError> {
        let mut affixes = BlockingAffixes::default();
        for (line_no, line) in files.data_lines(BLOCKING_AFFIXES)? {
            let affix = line.trim().to_ascii_lowercase();
            if affix.ends_with('-') {
                affixes.prefixes.push(affix);
            } else if affix.starts_with('-') {
                affixes.suffixes.push(affix);
            } else {
                return Err(ResourceError::at_line(
                    BLOCKING_AFFIXES,
                    line_no,
                    "an affix ends with \"-\" (a prefix) or starts with it (a suffix)",
                ));
            }
        }
        Ok(affixes)
    }

    /// True when a blocking prefix ends `before` (the text before a name) or a blocking suffix
    /// starts `after` (the text after it) as a whole word.
    pub(crate) fn joined(&self, before: &[u8], after: &[u8]) -> bool {
        self.prefixes.iter().map(String::as_bytes).any(|prefix| {
            before.len() >= prefix.len()
                && before[before.len() - prefix.len()..].eq_ignore_ascii_case(prefix)
        }) || self.suffixes.iter().map(String::as_bytes).any(|suffix| {
            after.len() >= suffix.len()
                && after[..suffix.len()].eq_ignore_ascii_case(suffix)
                && !after
                    .get(suffix.len())
                    .is_some_and(|b| b.is_ascii_alphanumeric())
        })
    }
}

/// True for aliases that must match as written: capitals, digits and punctuation only.
fn is_acronym(alias: &str) -> bool {
    alias.chars().any(|c| c.is_ascii_uppercase()) && !alias.chars().any(char::is_lowercase)
}

fn split_list(field: &str) -> Vec<String> {
    if field.trim() == "-" {
        return Vec::new();
    }
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn columns<'a>(
    file: &str,
    line_no: usize,
    line: &'a str,
    n: usize,
) -> Result<Vec<&'a str>, ResourceError> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != n {
        return Err(ResourceError::at_line(
            file,
            line_no,
            format!("expected {n} tab-separated columns, found {}", cols.len()),
        ));
    }
    Ok(cols)
}

fn optional(field: &str) -> Option<&str> {
    let field = field.trim();
    (field != "-" && !field.is_empty()).then_some(field)
}

impl ActorDictionary {
    /// Compiles the dictionary under `resources/actors/`.
    pub fn load(files: &ResourceFiles) -> Result<ActorDictionary, ResourceError> {
        let mut entries = Vec::new();
        for (line_no, line) in files.data_lines(ACTORS)? {
            let cols = columns(ACTORS, line_no, line, 7)?;
            let kind = ActorKind::parse(cols[1].trim()).ok_or_else(|| {
                ResourceError::at_line(ACTORS, line_no, format!("unknown kind {:?}", cols[1]))
            })?;
            let inter = cols[2]
                .trim()
                .parse()
                .ok()
                .filter(|code| (1..=8).contains(code))
                .ok_or_else(|| {
                    ResourceError::at_line(
                        ACTORS,
                        line_no,
                        "inter must be an ACLED code from 1 to 8",
                    )
                })?;
            entries.push(ActorEntry {
                id: ActorId(cols[0].trim().to_string()),
                kind,
                inter,
                country: optional(cols[3]).map(str::to_string),
                wing_of: optional(cols[4]).map(|id| ActorId(id.to_string())),
                branch_of: optional(cols[5]).map(|id| ActorId(id.to_string())),
                names: split_list(cols[6]),
            });
        }
        let mut countries = Vec::new();
        for (line_no, line) in files.data_lines(COUNTRIES)? {
            let cols = columns(COUNTRIES, line_no, line, 6)?;
            countries.push(Country {
                code: cols[0].trim().to_string(),
                government: ActorId(cols[1].trim().to_string()),
                military: ActorId(cols[2].trim().to_string()),
                names: split_list(cols[3]),
                demonyms: split_list(cols[4]),
                capitals: split_list(cols[5]),
            });
        }
        let mut generic = Vec::new();
        let mut opposition_phrases = HashSet::default();
        for (line_no, line) in files.data_lines(GENERIC)? {
            let n = if line.split('\t').count() == 3 { 3 } else { 2 };
            let cols = columns(GENERIC, line_no, line, n)?;
            let class = match cols[1].trim() {
                "state" => GenericClass::State,
                "government" => GenericClass::Government,
                "nonstate" => GenericClass::NonState,
                "opposition" => {
                    opposition_phrases.insert(cols[0].trim().to_lowercase());
                    GenericClass::NonState
                }
                "ally" => GenericClass::Ally,
                "area" => GenericClass::Area,
                "post" => GenericClass::Post,
                other => {
                    return Err(ResourceError::at_line(
                        GENERIC,
                        line_no,
                        format!("unknown class {other:?}"),
                    ));
                }
            };
            let heads = cols
                .get(2)
                .map(|field| {
                    split_list(field)
                        .into_iter()
                        .map(|h| h.to_lowercase())
                        .collect()
                })
                .unwrap_or_default();
            generic.push((cols[0].trim().to_string(), class, heads));
        }
        let mut ethnic = Vec::new();
        for (line_no, line) in files.data_lines(ETHNIC)? {
            let cols = columns(ETHNIC, line_no, line, 2)?;
            let ids: Vec<ActorId> = split_list(cols[1]).into_iter().map(ActorId).collect();
            if ids.is_empty() {
                return Err(ResourceError::at_line(ETHNIC, line_no, "no candidate ids"));
            }
            ethnic.push((cols[0].trim().to_string(), ids));
        }
        let word_set = |path: &str| -> Result<HashSet<String>, ResourceError> {
            Ok(files
                .data_lines(path)?
                .into_iter()
                .map(|(_, line)| line.trim().to_string())
                .collect())
        };
        let mut dictionary = ActorDictionary::compile(
            entries,
            countries,
            generic,
            ethnic,
            word_set(FORCE_NOUNS)?,
            StrikeNouns {
                weapons: word_set(WEAPON_NOUNS)?,
                attacks: word_set(ATTACK_NOUNS)?,
            },
            word_set(ORG_HEADS)?,
            BlockingAffixes::load(files)?,
        );
        dictionary.opposition_phrases = opposition_phrases;
        dictionary.state_allies = word_set(STATE_ALLIES)?.into_iter().map(ActorId).collect();
        dictionary.place_phrases = word_set(PLACE_PHRASES)?.into_iter().collect();
        dictionary.border_nouns = word_set(BORDER_NOUNS)?;
        dictionary.group_nouns = word_set(GROUP_NOUNS)?.into_iter().collect();
        dictionary.group_roles = word_set(GROUP_ROLES)?;
        dictionary.wing_nouns = word_set(WING_NOUNS)?;
        dictionary.unit_nouns = word_set(UNIT_NOUNS)?;
        dictionary.outlets = files
            .data_lines(OUTLETS)?
            .into_iter()
            .map(|(_, line)| (line.trim().to_string(), line.trim().to_uppercase()))
            .collect();
        for (line_no, line) in files.data_lines(SUCCESSIONS)? {
            let cols = columns(SUCCESSIONS, line_no, line, 3)?;
            let from = cols[2].trim().parse().map_err(|err| {
                ResourceError::at_line(SUCCESSIONS, line_no, format!("bad date: {err}"))
            })?;
            dictionary.successions.push(Succession {
                actor: ActorId(cols[0].trim().to_string()),
                successor: ActorId(cols[1].trim().to_string()),
                from,
            });
        }
        dictionary.check_references()?;
        Ok(dictionary)
    }

    fn compile(
        entries: Vec<ActorEntry>,
        countries: Vec<Country>,
        generic: Vec<(String, GenericClass, Vec<String>)>,
        ethnic: Vec<(String, Vec<ActorId>)>,
        force_nouns: HashSet<String>,
        strike_nouns: StrikeNouns,
        org_heads: HashSet<String>,
        blocking_affixes: BlockingAffixes,
    ) -> ActorDictionary {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut index: HashMap<(String, bool), usize> = HashMap::default();
        // A name with an apostrophe is also matched as news sites print it, with a curly one
        // ("People’s Defence Force").
        let mut add = |alias: &str, target: Target| {
            let curly = alias
                .contains('\'')
                .then(|| alias.replace('\'', "\u{2019}"));
            for alias in std::iter::once(alias).chain(curly.as_deref()) {
                let case_sensitive = is_acronym(alias);
                let key = if case_sensitive {
                    alias.to_string()
                } else {
                    alias.to_ascii_lowercase()
                };
                let idx = *index.entry((key, case_sensitive)).or_insert_with(|| {
                    patterns.push(Pattern {
                        case_sensitive,
                        text: alias.to_string(),
                        targets: Vec::new(),
                    });
                    patterns.len() - 1
                });
                if !patterns[idx].targets.contains(&target) {
                    patterns[idx].targets.push(target);
                }
            }
        };
        for (idx, entry) in entries.iter().enumerate() {
            for name in &entry.names {
                add(name, Target::Actor(idx));
            }
        }
        for (idx, country) in countries.iter().enumerate() {
            country
                .names
                .iter()
                .for_each(|name| add(name, Target::CountryName(idx)));
            country
                .demonyms
                .iter()
                .for_each(|name| add(name, Target::Demonym(idx)));
            country
                .capitals
                .iter()
                .for_each(|name| add(name, Target::Capital(idx)));
        }
        let mut antecedent_heads = HashMap::default();
        for (phrase, class, heads) in generic {
            add(&phrase, Target::Generic(class));
            if !heads.is_empty() {
                antecedent_heads.insert(phrase.to_lowercase(), heads);
            }
        }
        for (idx, (adjective, _)) in ethnic.iter().enumerate() {
            add(adjective, Target::Ethnic(idx));
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.text.as_str()))
            .expect("actor patterns compile");
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(idx, e)| (e.id.0.clone(), idx))
            .collect();
        let parents_of_branches = entries.iter().filter_map(|e| e.branch_of.clone()).collect();
        let armed_wings = entries
            .iter()
            .filter_map(|e| Some((e.wing_of.clone()?, e.id.clone())))
            .collect();
        ActorDictionary {
            entries,
            by_id,
            countries,
            ethnic,
            force_nouns,
            strike_nouns,
            org_heads,
            blocking_affixes,
            antecedent_heads,
            opposition_phrases: HashSet::default(),
            state_allies: HashSet::default(),
            place_phrases: Vec::new(),
            border_nouns: HashSet::default(),
            group_nouns: Vec::new(),
            group_roles: HashSet::default(),
            outlets: Vec::new(),
            successions: Vec::new(),
            parents_of_branches,
            armed_wings,
            wing_nouns: HashSet::default(),
            unit_nouns: HashSet::default(),
            patterns,
            matcher,
        }
    }

    /// Every id that countries.tsv, ethnic.tsv, state_allies.txt, wing_of and branch_of name
    /// must be in actors.tsv.
    fn check_references(&self) -> Result<(), ResourceError> {
        let missing = |file: &str, id: &ActorId| {
            ResourceError::new(file, format!("{id} is not an actor of {ACTORS}"))
                .in_rule(id.0.clone())
        };
        for country in &self.countries {
            for id in [&country.government, &country.military] {
                if self.entry(id.as_str()).is_none() && !id.as_str().ends_with("_GOV") {
                    return Err(missing(COUNTRIES, id));
                }
            }
        }
        for (_, ids) in &self.ethnic {
            if let Some(id) = ids.iter().find(|id| self.entry(id.as_str()).is_none()) {
                return Err(missing(ETHNIC, id));
            }
        }
        if let Some(id) = self
            .state_allies
            .iter()
            .find(|id| self.entry(id.as_str()).is_none())
        {
            return Err(missing(STATE_ALLIES, id));
        }
        if let Some(id) = self
            .successions
            .iter()
            .flat_map(|s| [&s.actor, &s.successor])
            .find(|id| self.entry(id.as_str()).is_none())
        {
            return Err(missing(SUCCESSIONS, id));
        }
        for entry in &self.entries {
            // The map keeps one wing per body: any other is a second.
            if let Some(parent) = &entry.wing_of
                && let Some(wing) = self.armed_wing(parent).filter(|w| **w != entry.id)
            {
                return Err(ResourceError::new(
                    ACTORS,
                    format!(
                        "{wing} and {} are both wing_of {parent}: a body has one armed wing",
                        entry.id
                    ),
                )
                .in_rule(entry.id.0.clone()));
            }
            if let Some(parent) = [&entry.wing_of, &entry.branch_of]
                .into_iter()
                .flatten()
                .find(|p| self.entry(p.as_str()).is_none())
            {
                return Err(missing(ACTORS, parent));
            }
        }
        Ok(())
    }

    /// Whether a non-state armed group fights on the state's side (`state_allies.txt`).
    pub fn sides_with_state(&self, id: &ActorId) -> bool {
        self.state_allies.contains(id)
    }

    /// The armed wing of a political body or government, if it has one: its forces are the
    /// wing ("KIO troops" are the KIA).
    pub fn armed_wing(&self, body: &ActorId) -> Option<&ActorId> {
        self.armed_wings.get(body)
    }

    /// Whether some entry is a regional branch of `parent`.
    pub fn has_branches(&self, parent: &ActorId) -> bool {
        self.parents_of_branches.contains(parent)
    }

    /// Whether `branch` is a regional branch of `parent` (`branch_of` in actors.tsv).
    pub fn is_branch_of(&self, branch: &ActorId, parent: &ActorId) -> bool {
        self.entry(branch.as_str())
            .is_some_and(|entry| entry.branch_of.as_ref() == Some(parent))
    }

    /// The entry of an actor id.
    pub fn entry(&self, id: &str) -> Option<&ActorEntry> {
        self.by_id.get(id).map(|&idx| &self.entries[idx])
    }

    /// The news outlets whose names occur in `text`, as written or in capitals ("FRANCE 24"):
    /// only inside these can a name be no actor (see [`inside_outlet`]). Most articles name
    /// none, so the names a text holds are checked against these few, not against every outlet.
    /// Other letter cases are words, not outlets ("Russia today launched drones").
    pub(crate) fn outlets_in(&self, text: &str) -> Vec<&str> {
        self.outlets
            .iter()
            .filter(|(written, capitals)| text.contains(written) || text.contains(capitals))
            .map(|(written, _)| written.as_str())
            .collect()
    }

    /// The country with an ISO code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|country| country.code == code)
    }

    /// The actor that `actor`'s names denote in an article published on `published` (by now,
    /// undated), where `successions.tsv` gives it one.
    pub(crate) fn successor(
        &self,
        actor: &ActorId,
        published: Option<jiff::civil::Date>,
    ) -> Option<&ActorId> {
        self.successions
            .iter()
            .find(|s| s.actor == *actor && published.is_none_or(|day| day >= s.from))
            .map(|s| &s.successor)
    }

    /// What sort of party an id names: dictionary actors by their entry, governments
    /// (`CC_GOV`) as states, ids an article defined as rebels.
    pub fn kind_of(&self, id: &ActorId) -> ActorKind {
        match self.entry(id.as_str()) {
            Some(entry) => entry.kind,
            None if self
                .countries
                .iter()
                .any(|c| &c.government == id || &c.military == id) =>
            {
                ActorKind::State
            }
            None => ActorKind::Rebel,
        }
    }

    /// The country an actor belongs to, if known.
    pub fn country_of(&self, id: &ActorId) -> Option<&str> {
        if let Some(country) = self.entry(id.as_str()).and_then(|e| e.country.as_deref()) {
            return Some(country);
        }
        self.countries
            .iter()
            .find(|c| &c.government == id || &c.military == id)
            .map(|c| c.code.as_str())
    }
}

/// True when the name at `span` of `text` lies inside the name of one of `outlets` (as
/// [`ActorDictionary::outlets_in`] gives them), written as listed or in capitals: "France" in
/// "told France 24".
pub(crate) fn inside_outlet(outlets: &[&str], text: &str, span: Span) -> bool {
    if outlets.is_empty() {
        return false;
    }
    let name = span.slice(text).to_lowercase();
    outlets.iter().any(|outlet| {
        let lower = outlet.to_lowercase();
        lower.match_indices(name.as_str()).any(|(offset, _)| {
            let Some(start) = span.start.checked_sub(offset) else {
                return false;
            };
            let end = start + outlet.len();
            end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
                && (text[start..end] == **outlet || text[start..end] == outlet.to_uppercase())
                && crate::text::on_word_boundaries(text, start, end)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary() -> ActorDictionary {
        ActorDictionary::load(&ResourceFiles::embedded()).unwrap()
    }

    #[test]
    fn names_inside_an_outlet_the_text_names_are_no_actors() {
        let dict = dictionary();
        let text = "Rebels told FRANCE 24 that France shelled the town.";
        let outlets = dict.outlets_in(text);
        assert_eq!(outlets, ["France 24"]);
        let at = |name: &str, from: usize| {
            let start = from + text[from..].find(name).unwrap();
            Span::new(start, start + name.len())
        };
        assert!(inside_outlet(&outlets, text, at("FRANCE", 0)));
        assert!(!inside_outlet(&outlets, text, at("France", 20)));
        assert!(dict.outlets_in("France shelled the town.").is_empty());
        // Another letter case is no outlet's name.
        assert!(
            dict.outlets_in("Russia today launched 90 drones.")
                .is_empty()
        );
    }

    #[test]
    fn the_contract_ids_are_known() {
        let dict = dictionary();
        for id in [
            "KIA",
            "KIO",
            "AA",
            "MNDAA",
            "TNLA",
            "PDF",
            "KNU",
            "RSF",
            "SAF",
            "M23",
            "BGF_KACHIN",
            "CIVILIANS",
            "MM_MILITARY",
        ] {
            assert!(dict.entry(id).is_some(), "{id}");
        }
        assert_eq!(
            dict.entry("KIA").unwrap().wing_of,
            Some(ActorId("KIO".into()))
        );
        assert_eq!(dict.kind_of(&ActorId("CN_GOV".into())), ActorKind::State);
        assert_eq!(dict.kind_of(&ActorId("CB".into())), ActorKind::Rebel);
        assert_eq!(dict.country("SD").unwrap().military.as_str(), "SAF");
    }

    #[test]
    fn tables_are_sorted_and_aliases_unique() {
        let files = ResourceFiles::embedded();
        let dict = dictionary();
        // Within one country, an alias names one actor.
        let mut seen: HashMap<(String, Option<String>), &str> = HashMap::default();
        for entry in &dict.entries {
            for name in &entry.names {
                let key = (
                    if is_acronym(name) {
                        name.clone()
                    } else {
                        name.to_lowercase()
                    },
                    entry.country.clone(),
                );
                if let Some(other) = seen.insert(key, entry.id.as_str()) {
                    panic!("alias {name:?} names both {other} and {}", entry.id);
                }
            }
        }
        let actor_keys: Vec<(String, String)> = files
            .data_lines(ACTORS)
            .unwrap()
            .iter()
            .map(|(_, line)| {
                let cols: Vec<&str> = line.split('\t').collect();
                (
                    if cols[3] == "-" {
                        String::new()
                    } else {
                        cols[3].to_string()
                    },
                    cols[0].to_string(),
                )
            })
            .collect();
        assert!(
            actor_keys.windows(2).all(|w| w[0] < w[1]),
            "actors.tsv must be sorted by country, then id"
        );
        for path in [
            COUNTRIES,
            ETHNIC,
            FORCE_NOUNS,
            WEAPON_NOUNS,
            ATTACK_NOUNS,
            ORG_HEADS,
            STATE_ALLIES,
            PLACE_PHRASES,
            BORDER_NOUNS,
            OUTLETS,
        ] {
            let keys: Vec<String> = files
                .data_lines(path)
                .unwrap()
                .iter()
                .map(|(_, line)| line.split('\t').next().unwrap().to_string())
                .collect();
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "{path} must be sorted and without duplicates"
            );
        }
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let mut files = ResourceFiles::embedded();
        files.set(ACTORS, b"# header\nKIA\trebel\t9\tMM\t-\t-\tKIA\n".to_vec());
        let err = ActorDictionary::load(&files).unwrap_err();
        assert_eq!(
            err.to_string(),
            "resources/actors/actors.tsv:2: inter must be an ACLED code from 1 to 8"
        );
    }

    #[test]
    fn affixes_are_prefixes_or_suffixes() {
        let mut files = ResourceFiles::embedded();
        files.set(BLOCKING_AFFIXES, b"Anti-\n-Led\n".to_vec());
        let affixes = ActorDictionary::load(&files).unwrap().blocking_affixes;
        assert!(affixes.joined(b"an ANTI-", b" group"));
        assert!(affixes.joined(b"a ", b"-led, group"));
        assert!(!affixes.joined(b"a ", b"-leader"));
        assert!(!affixes.joined(b"a semi-", b" group"));
        files.set(BLOCKING_AFFIXES, b"pro-\nbased\n".to_vec());
        let err = ActorDictionary::load(&files).unwrap_err();
        assert_eq!(
            err.to_string(),
            "resources/actors/blocking_affixes.txt:2: an affix ends with \"-\" (a prefix) or starts with it (a suffix)"
        );
    }
}
