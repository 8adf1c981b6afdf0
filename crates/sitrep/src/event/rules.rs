/*!
Trigger rules: compiled from the TOML files under `resources/events/`.

A rule names an event kind and a pattern (a regex over the sentence, matched without regard
to case and on word boundaries, where `{verb}` stands for every form of the verb), and says
where its roles are: who acts (`agent`), who is acted on (`patient`), which side of the
trigger the place is on (`place`) and whether the place slot must hold a place (`requires`).
Words that cancel the trigger when they follow or precede it are data too. Every rule's
`examples` and `counter_examples` run as tests.

All patterns are searched in one pass, as one leftmost-first multi-pattern regex with the
patterns in priority order: where triggers would overlap, the first to start wins, and of
those starting together the one of highest priority. (A `RegexSet` over the same patterns
reports every overlapping match but its automaton overflows the lazy DFA's cache: measured
six times slower.) The regex runs only where a trigger can start
([`StartSearch`](crate::start_search::StartSearch)): its lazy DFA is megabytes, and
scanning the whole text through it cost as much as the rest of the event stage.
*/

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use regex::Regex;
use serde::Deserialize;

use super::EventKind;
use super::inflect::{self, Forms};
use crate::resources::{ResourceError, ResourceFiles};
use crate::start_search::StartSearch;

const VERBS: &str = "events/verbs.tsv";
const POSITION_NOUNS: &str = "events/position_nouns.txt";
const CIVILIAN_TARGETS: &str = "events/civilian_targets.txt";
/// TOML files under `events/` that hold no trigger rules.
const NOT_RULES: [&str; 2] = ["events/clauses.toml", "events/facilities.toml"];

/// Where a rule finds the actor who acts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentSlot {
    /// The clause's subject, or the "by" phrase of a passive.
    #[default]
    Subject,
    /// The actor after the trigger ("fell to the AA").
    Object,
    /// Whoever the article says was acting: the speaker or the last actor of this kind.
    Context,
    /// Whoever caused it ("fled shelling by junta troops"), if the text says.
    Cause,
    /// The people protesting.
    Protesters,
    /// The other side of the clause's subject ("troops pulled out of the town": their enemy
    /// took it).
    Opponent,
}

/// Where a rule finds the actor acted on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatientSlot {
    /// An actor in the trigger's object, or the other side.
    #[default]
    Object,
    /// The actor before the trigger ("the MNDAA handed Lashio back").
    Subject,
    /// Always civilians.
    Civilians,
    /// None.
    None,
}

/// Which side of the trigger the place is looked for first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceSlot {
    /// After the trigger: "took control of Chipwi".
    #[default]
    Object,
    /// Before it: "Tsawlaw fell to the AA".
    Subject,
}

/// What the place slot must hold for the rule to fire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Nothing.
    #[default]
    None,
    /// A place name, a facility or a position noun ("base", "town").
    Place,
    /// Civilians named in the sentence ("villagers", "thousands of people").
    Civilians,
}

/// One rule as the file writes it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleEntry {
    id: String,
    kind: EventKind,
    pattern: String,
    #[serde(default = "default_priority")]
    priority: i32,
    #[serde(default)]
    agent: AgentSlot,
    #[serde(default)]
    patient: PatientSlot,
    #[serde(default)]
    place: PlaceSlot,
    #[serde(default)]
    requires: Requirement,
    #[serde(default)]
    blocked_after: Vec<String>,
    #[serde(default)]
    blocked_before: Vec<String>,
    #[serde(default)]
    blocked_in_object: Vec<String>,
    #[serde(default)]
    needs_actor: bool,
    #[serde(default)]
    strict_agent: bool,
    #[serde(default)]
    one_per_patient: bool,
    #[serde(default)]
    first_place_only: bool,
    #[serde(default)]
    one_per_agent: bool,
    #[serde(default)]
    state_agent: bool,
    #[serde(default)]
    weapon_trigger: bool,
    #[serde(default)]
    intent_is_content: bool,
    #[serde(default)]
    public_act: bool,
    #[serde(default)]
    civilian_kind: Option<EventKind>,
    #[serde(default)]
    aircraft_kind: Option<EventKind>,
    #[serde(default)]
    yields_to: Vec<EventKind>,
    #[serde(default)]
    civilian_yields_to: Vec<EventKind>,
    #[serde(default)]
    restates: bool,
    #[serde(default)]
    recalls_event: bool,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    going_in: bool,
    #[serde(default)]
    takes_captives: bool,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counter_examples: Vec<String>,
}

fn default_priority() -> i32 {
    10
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<RuleEntry>,
}

/// A compiled trigger rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Stable id, written into each event's provenance.
    pub id: String,
    /// The kind of event it signals.
    pub kind: EventKind,
    /// Higher wins where triggers overlap.
    pub priority: i32,
    /// Where the actor who acts is.
    pub agent: AgentSlot,
    /// Where the actor acted on is.
    pub patient: PatientSlot,
    /// Which side the place is on.
    pub place: PlaceSlot,
    /// What the place slot must hold.
    pub requires: Requirement,
    /// Words that cancel the trigger when they follow it.
    pub blocked_after: Vec<String>,
    /// Words that cancel the trigger when they precede it.
    pub blocked_before: Vec<String>,
    /// Words that cancel the trigger anywhere in its object ("warned that the town could
    /// fall" is a forecast, not a threat).
    pub blocked_in_object: Vec<String>,
    /// Fires only in a sentence that names an armed actor.
    pub needs_actor: bool,
    /// Fires only when the clause itself names who acts (speech acts: "X warned").
    pub strict_agent: bool,
    /// One event for each actor in the object ("met the KIA, the UWSA and the TNLA").
    pub one_per_patient: bool,
    /// What is to come is what the trigger says, not a doubt on it (threats: "vowed they would
    /// avenge him" is a threat made): a planned cue leaves the event asserted or claimed.
    pub intent_is_content: bool,
    /// The event is done in the open (a truce announced, a meeting held, a demand made): a
    /// party reporting it does not make it that party's claim.
    pub public_act: bool,
    /// Only the first place after the trigger ("the fall of Falam leaves Hakha exposed").
    pub first_place_only: bool,
    /// Mostly a state acts this way (air strikes): a non-state actor found as the agent means
    /// the state it fights, unless the trigger names it ("KIA drones", "strikes by the RSF").
    pub state_agent: bool,
    /// The trigger can name weapons rather than their use: after a verb of the arms trade
    /// ("supplying long-range missiles", "delivered drones") it tells no attack.
    pub weapon_trigger: bool,
    /// One event for each actor of a coordinated subject ("the MNDAA and the TNLA called for
    /// talks", "they called for talks" after both were named).
    pub one_per_agent: bool,
    /// The kind the event becomes when its object is a civilian target ("raided the village").
    pub civilian_kind: Option<EventKind>,
    /// The kind the event becomes when its subject is aircraft (`aircraft_subjects` in
    /// `clauses.toml`: "the air force struck the village"); a civilian target then makes
    /// `CIVILIANS` its actor2, and the kind stays.
    pub aircraft_kind: Option<EventKind>,
    /// Kinds that, stated in the same sentence, make this event part of theirs ("a bomb hit
    /// the school, killing ten" is one air strike, not also an attack on civilians).
    pub yields_to: Vec<EventKind>,
    /// Kinds that absorb the event, besides `yields_to`, once its civilian target made it
    /// `civilian_kind`: a raid on a village told with what the raiders did there ("troops
    /// raided the village and arrested ten men") is those deeds.
    pub civilian_yields_to: Vec<EventKind>,
    /// A noun phrase that names an event usually told elsewhere in the article ("the fall of
    /// the town"): the event gives way to any other event of its kind at its place.
    pub restates: bool,
    /// The trigger recalls an event of its kind told just before to name its places ("the
    /// newly captured villages include ..."): after "the" it is no mere reference to that
    /// event, and a sentence with no date of its own takes that event's date.
    pub recalls_event: bool,
    /// The trigger names a fight without telling who attacked whom ("clashes were ongoing"):
    /// where its sentence tells the same fight from one side ("as AA troops attacked regime
    /// posts"), that telling's sides stand.
    pub symmetric: bool,
    /// The trigger tells only that the agent went in ("entered the village", a raid or a
    /// passing): its capture gives no control fact, and another rule that tells the same event
    /// is credited with it ("entered the town and took control of it").
    pub going_in: bool,
    /// The trigger's verb takes people and goods as readily as places ("captured", "took"): an
    /// object that is people or goods ("captured two soldiers in the village", "took cash from
    /// the shop") tells prisoners or loot taken, no place.
    pub takes_captives: bool,
    /// Sentences it must fire on.
    pub examples: Vec<String>,
    /// Sentences it must not fire on.
    pub counter_examples: Vec<String>,
    /// The compiled pattern.
    pub regex: Regex,
}

/// The compiled trigger rules and the word lists they use.
#[derive(Clone, Debug)]
pub struct TriggerRules {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// Each rule's index by its id.
    by_id: FxHashMap<String, usize>,
    /// Every pattern at once, highest priority first.
    combined: StartSearch,
    /// For each pattern of `combined`, the index of its rule.
    combined_rules: Vec<usize>,
    /// Position nouns ("base", "town") that satisfy `requires = "place"`.
    pub position_nouns: HashSet<String>,
    /// Words that mark a strike's target as civilian.
    pub civilian_targets: HashSet<String>,
}

impl Default for TriggerRules {
    fn default() -> TriggerRules {
        TriggerRules {
            rules: Vec::new(),
            by_id: FxHashMap::default(),
            combined: StartSearch::new(&[], regex_automata::meta::Config::new())
                .expect("empty regex"),
            combined_rules: Vec::new(),
            position_nouns: HashSet::default(),
            civilian_targets: HashSet::default(),
        }
    }
}

impl TriggerRules {
    /// Compiles every rule file under `resources/events/`.
    pub fn load(files: &ResourceFiles) -> Result<TriggerRules, ResourceError> {
        let irregular = load_verbs(files)?;
        let mut rules = Vec::new();
        let mut ids = HashSet::default();
        let rule_paths: Vec<&str> = files
            .paths_under("events/")
            .filter(|p| p.ends_with(".toml") && !NOT_RULES.contains(p))
            .collect();
        for path in rule_paths {
            let file: RuleFile = toml::from_str(files.text(path)?)
                .map_err(|err| ResourceError::new(path, err.to_string()))?;
            for entry in file.rule {
                if !ids.insert(entry.id.clone()) {
                    return Err(ResourceError::new(path, "duplicate rule id").in_rule(entry.id));
                }
                if !entry.id.starts_with(&format!("{}/", entry.kind.as_str())) {
                    return Err(ResourceError::new(path, "a rule id starts with its kind")
                        .in_rule(entry.id));
                }
                let source = expand_verbs(&entry.pattern, &irregular)
                    .map_err(|msg| ResourceError::new(path, msg).in_rule(entry.id.clone()))?;
                // ASCII word classes keep each pattern a small DFA; the text's non-ASCII letters
                // never occur in trigger words.
                let regex = Regex::new(&format!(r"(?i-u)\b(?:{source})\b")).map_err(|err| {
                    ResourceError::new(path, err.to_string()).in_rule(entry.id.clone())
                })?;
                let lower =
                    |words: Vec<String>| words.into_iter().map(|w| w.to_lowercase()).collect();
                rules.push(Rule {
                    id: entry.id,
                    kind: entry.kind,
                    priority: entry.priority,
                    agent: entry.agent,
                    patient: entry.patient,
                    place: entry.place,
                    requires: entry.requires,
                    blocked_after: lower(entry.blocked_after),
                    blocked_before: lower(entry.blocked_before),
                    blocked_in_object: lower(entry.blocked_in_object),
                    needs_actor: entry.needs_actor,
                    strict_agent: entry.strict_agent,
                    one_per_patient: entry.one_per_patient,
                    first_place_only: entry.first_place_only,
                    one_per_agent: entry.one_per_agent,
                    state_agent: entry.state_agent,
                    weapon_trigger: entry.weapon_trigger,
                    intent_is_content: entry.intent_is_content,
                    public_act: entry.public_act,
                    civilian_kind: entry.civilian_kind,
                    aircraft_kind: entry.aircraft_kind,
                    yields_to: entry.yields_to,
                    civilian_yields_to: entry.civilian_yields_to,
                    restates: entry.restates,
                    recalls_event: entry.recalls_event,
                    symmetric: entry.symmetric,
                    going_in: entry.going_in,
                    takes_captives: entry.takes_captives,
                    examples: entry.examples,
                    counter_examples: entry.counter_examples,
                    regex,
                });
            }
        }
        let word_set = |path: &str| -> Result<HashSet<String>, ResourceError> {
            Ok(files
                .data_lines(path)?
                .into_iter()
                .map(|(_, line)| line.trim().to_lowercase())
                .collect())
        };
        let mut combined_rules: Vec<usize> = (0..rules.len()).collect();
        combined_rules.sort_by_key(|&idx| std::cmp::Reverse(rules[idx].priority));
        let patterns: Vec<&str> = combined_rules
            .iter()
            .map(|&idx| rules[idx].regex.as_str())
            .collect();
        let combined = StartSearch::new(
            &patterns,
            regex_automata::meta::Config::new().hybrid_cache_capacity(32 << 20),
        )
        .map_err(|err| ResourceError::new("events/", err))?;
        let by_id = rules
            .iter()
            .enumerate()
            .map(|(idx, rule)| (rule.id.clone(), idx))
            .collect();
        Ok(TriggerRules {
            rules,
            by_id,
            combined,
            combined_rules,
            position_nouns: word_set(POSITION_NOUNS)?,
            civilian_targets: word_set(CIVILIAN_TARGETS)?,
        })
    }
}

impl TriggerRules {
    /// The rule of an id (an event's `rule`).
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&idx| &self.rules[idx])
    }

    /// Every trigger match in `text`, leftmost first, with the index of its rule.
    pub fn find_all<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        self.combined
            .find_all(text)
            .into_iter()
            .map(|m| (self.combined_rules[m.pattern], m.start, m.end))
    }
}

fn load_verbs(files: &ResourceFiles) -> Result<HashMap<String, Forms>, ResourceError> {
    let mut verbs = HashMap::new();
    for (line_no, line) in files.data_lines(VERBS)? {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let forms: Forms = cols
            .clone()
            .try_into()
            .map(|array: [&str; 5]| array.map(str::to_string))
            .map_err(|_| ResourceError::at_line(VERBS, line_no, "expected five forms"))?;
        verbs.insert(forms[0].clone(), forms);
    }
    Ok(verbs)
}

/// Replaces each `{verb}` of a pattern by the alternation of its forms.
fn expand_verbs(pattern: &str, irregular: &HashMap<String, Forms>) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("unclosed {verb}")?;
        let verb = &after[..close];
        if verb.chars().all(|c| c.is_ascii_lowercase()) && !verb.is_empty() {
            out.push_str(&inflect::alternation(verb, irregular));
        } else {
            // A regex repetition such as {0,3}: keep it.
            out.push('{');
            out.push_str(verb);
            out.push('}');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_expand_and_repetitions_stay() {
        let irregular = HashMap::new();
        assert_eq!(
            expand_verbs(r"{seize} (?:\w+ ){0,3}base", &irregular).unwrap(),
            r"(?:seizing|seized|seizes|seize) (?:\w+ ){0,3}base"
        );
        assert!(expand_verbs("{seize", &irregular).is_err());
    }

    #[test]
    fn rule_files_compile_with_unique_ids() {
        let rules = TriggerRules::load(&ResourceFiles::embedded()).unwrap();
        assert!(rules.rules.len() > 20);
        assert!(rules.position_nouns.contains("outpost"));
        let matched: Vec<&str> = rules
            .rules
            .iter()
            .filter(|rule| rule.regex.is_match("Rebels took control of the town."))
            .map(|rule| rule.id.as_str())
            .collect();
        assert!(
            matched.contains(&"territory_captured/take_control"),
            "{matched:?}"
        );
    }

    #[test]
    fn a_broken_rule_names_file_and_rule() {
        let mut files = ResourceFiles::embedded();
        files.set(
            "events/zz.toml",
            b"[[rule]]\nid = \"shelling/bad\"\nkind = \"shelling\"\npattern = \"(unclosed\"\n"
                .to_vec(),
        );
        let err = TriggerRules::load(&files).unwrap_err();
        assert_eq!(err.file, "events/zz.toml");
        assert_eq!(err.rule.as_deref(), Some("shelling/bad"));
    }
}
