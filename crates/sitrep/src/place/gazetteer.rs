/*!
The compiled gazetteer: every known place, and an index from name keys to places.

Loading reads four files under `resources/gazetteer/` (their schema is in that
folder's README.md):

- `places.tsv.gz`, the table the build step ([`compile`](super::compile))
  makes from GeoNames and MIMU, with names already turned into keys;
- `extra.tsv`, places the sources lack (seas, continents, regions), written by hand;
- `aliases.tsv`, further names for entries ("Laiza" for the village "Lai Zar"),
  optionally with a kind that overrides the source's;
- `admin1.tsv`, the short English name of admin1 divisions where GeoNames
  spells them otherwise ("North Darfur"), and further names for them;
- `variants.tsv`, spelling rules that add variants of a country's names
  ("Kan Paik Ti" gives "Kanpaikti").

Names are looked up by [`name_key`]; each key maps, in one index, to the
entries that bear it, the demonym it is, and the most words of a name that
starts with it, so that reading a word of the text asks one question.
*/

use std::borrow::Cow;
use std::io::Read;

use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::arena_map::ArenaMap;

use super::key::{name_key, without_apostrophes};
use super::kind::PlaceKind;
use super::words::{DemonymTarget, PlaceWords};
use super::{Location, Precision};
use crate::resources::{ResourceError, ResourceFiles};

const TABLE: &str = "gazetteer/places.tsv.gz";
const EXTRA: &str = "gazetteer/extra.tsv";
const ALIASES: &str = "gazetteer/aliases.tsv";
const ADMIN1: &str = "gazetteer/admin1.tsv";
const VARIANTS: &str = "gazetteer/variants.tsv";
const POINTS: &str = "gazetteer/points.tsv";
const DEMONYMS: &str = "gazetteer/demonyms.tsv";

/// Bytes of a joined name's start kept to tell, cheaply, what cannot be one.
const JOINED_START: usize = 3;

/// The first [`JOINED_START`] bytes of a key (padded with zeros when shorter).
fn joined_start(key: &str) -> [u8; JOINED_START] {
    let mut start = [0; JOINED_START];
    for (slot, byte) in start.iter_mut().zip(key.bytes()) {
        *slot = byte;
    }
    start
}

/// Index of an entry in the gazetteer.
pub type EntryIdx = u32;

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceEntry {
    /// Stable id: `geonames:1328218`, `mimu:MMR001010701`, `extra:red_sea`.
    pub id: Box<str>,
    /// What sort of place it is.
    pub kind: PlaceKind,
    /// The name as the gazetteer spells it.
    pub name: Box<str>,
    /// Latitude, or NaN when the source has no point.
    pub lat: f32,
    /// Longitude, or NaN when the source has no point.
    pub lon: f32,
    /// ISO 3166 alpha-2 country code (`"MM"`), empty for seas and continents.
    pub country: Box<str>,
    /// The admin1 division it lies in (for an admin1 entry: itself).
    pub admin1: Option<EntryIdx>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// The township or district it lies in (Myanmar), if known.
    pub parent: Option<EntryIdx>,
    /// Written by hand (`extra.tsv`): each of its names is as much its own as the first.
    pub curated: bool,
}

/// A town at least this large is known well enough to be named without context.
pub const LARGE_TOWN_POPULATION: u64 = 100_000;

impl PlaceEntry {
    /// True for a country, a first-order division, a region or a town of at least
    /// [`LARGE_TOWN_POPULATION`]: places a text names without needing context.
    pub fn is_large(&self) -> bool {
        matches!(
            self.kind,
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region
        ) || self.kind == PlaceKind::Town && self.population >= LARGE_TOWN_POPULATION
    }

    /// The point, if the source gives one.
    pub fn point(&self) -> Option<(f64, f64)> {
        (!self.lat.is_nan() && !self.lon.is_nan())
            .then_some((f64::from(self.lat), f64::from(self.lon)))
    }
}

/// The entries a key names: one inline, or several in a side list.
#[derive(Clone, Copy, Debug)]
enum Postings {
    One(EntryIdx),
    Many(u32),
}

/// What the index holds for one key.
#[derive(Clone, Copy, Debug, Default)]
struct KeyInfo {
    /// The entries with a name of this key.
    postings: Option<Postings>,
    /// For the first word of a name of two words or more, the most words such a name has.
    longest_from: u8,
    /// The demonym of this key, by its place in the demonym list.
    demonym: Option<u32>,
}

/// What a lookup key names, from one look at the index.
#[derive(Clone, Copy, Debug)]
pub struct KeyNames<'g> {
    /// The entries with a name of this key.
    pub entries: &'g [EntryIdx],
    /// The demonym this key is.
    pub demonym: Option<&'g DemonymTarget>,
    /// The most words a name starting with this key word has (1 when no name of several
    /// words starts with it).
    pub longest_from: usize,
}

/// The compiled gazetteer.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<PlaceEntry>,
    /// Every name key, every first word of a name of several words and every demonym.
    keys: ArenaMap<KeyInfo>,
    many: Vec<Vec<EntryIdx>>,
    /// Number of distinct name keys.
    n_names: usize,
    /// Names written in capitals in the alias layer ("US", "DRC"), by key, with the entries
    /// they name: the only names, and entries, an all-capital word of the text may match.
    acronyms: HashMap<String, Vec<EntryIdx>>,
    /// Short English names of admin1 entries ("Kachin").
    admin1_short: HashMap<EntryIdx, Box<str>>,
    /// Admin1 entries by GeoNames code (`"MM.04"`).
    admin1_by_code: HashMap<Box<str>, EntryIdx>,
    /// Country entries by ISO code.
    countries: HashMap<Box<str>, EntryIdx>,
    /// The word lists mention detection reads context from.
    words: PlaceWords,
    /// Countries with spelling rules (Myanmar), whose names the news writes in syllables it
    /// may join or split.
    spelling_countries: HashSet<Box<str>>,
    /// The first bytes of the one-word names of those countries' places: a text's words
    /// whose first word starts otherwise are never a joined name.
    joined_starts: HashSet<[u8; JOINED_START]>,
    /// The entries demonyms and the alias files name by id.
    named_entries: HashMap<String, EntryIdx>,
}

/// A row of the table before its references are resolved.
struct RawRow<'a> {
    line: usize,
    file: &'static str,
    id: &'a str,
    kind: PlaceKind,
    name: &'a str,
    lat: f32,
    lon: f32,
    country: &'a str,
    admin1: &'a str,
    population: u64,
    parent: &'a str,
    /// Names separated by `|`: keys in the compiled table, plain names in `extra.tsv`.
    names: &'a str,
    keys_given: bool,
}

impl Gazetteer {
    /// Loads the gazetteer under `resources/gazetteer/`.
    pub fn load(files: &ResourceFiles) -> Result<Gazetteer, ResourceError> {
        let mut table = String::new();
        flate2::read::GzDecoder::new(files.bytes(TABLE)?)
            .read_to_string(&mut table)
            .map_err(|err| {
                ResourceError::new(TABLE, format!("not a gzipped UTF-8 table: {err}"))
            })?;
        let mut rows = Vec::with_capacity(table.len() / 80);
        for (idx, line) in table.lines().enumerate().skip(1) {
            if !line.is_empty() {
                rows.push(parse_row(TABLE, idx + 1, line, true)?);
            }
        }
        for (line_no, line) in files.data_lines(EXTRA)? {
            rows.push(parse_row(EXTRA, line_no, line, false)?);
        }
        let variants = VariantRules::load(files)?;
        let mut gazetteer = Gazetteer::from_rows(&rows, &variants)?;
        gazetteer.spelling_countries = variants.rules.iter().map(|(c, _, _)| c.clone()).collect();
        gazetteer.words = PlaceWords::load(files)?;
        gazetteer.index_demonyms();
        gazetteer.find_named_entries(files)?;
        gazetteer.load_admin1_names(files)?;
        gazetteer.load_aliases(files)?;
        gazetteer.load_points(files)?;
        Ok(gazetteer)
    }

    fn from_rows(rows: &[RawRow<'_>], variants: &VariantRules) -> Result<Gazetteer, ResourceError> {
        let mut gazetteer = Gazetteer::default();
        let key_bytes: usize = rows
            .iter()
            .map(|row| row.name.len() + row.names.len())
            .sum();
        gazetteer.keys.reserve(rows.len() * 4, key_bytes);
        let mut by_id: HashMap<&str, EntryIdx> = HashMap::default();
        by_id.reserve(rows.len());
        for (idx, row) in rows.iter().enumerate() {
            let idx = idx as EntryIdx;
            if by_id.insert(row.id, idx).is_some() {
                return Err(ResourceError::at_line(
                    row.file,
                    row.line,
                    format!("duplicate id {:?}", row.id),
                ));
            }
            match row.kind {
                PlaceKind::Admin1 => {
                    gazetteer.admin1_by_code.insert(row.admin1.into(), idx);
                }
                PlaceKind::Country => {
                    gazetteer.countries.insert(row.country.into(), idx);
                }
                _ => {}
            }
        }
        gazetteer.entries.reserve(rows.len());
        for row in rows {
            let admin1 = if row.admin1.is_empty() {
                None
            } else {
                gazetteer.admin1_by_code.get(row.admin1).copied()
            };
            let parent = if row.parent.is_empty() {
                None
            } else {
                by_id.get(row.parent).copied()
            };
            gazetteer.entries.push(PlaceEntry {
                id: row.id.into(),
                kind: row.kind,
                name: row.name.into(),
                lat: row.lat,
                lon: row.lon,
                country: row.country.into(),
                admin1,
                population: row.population,
                parent,
                curated: !row.keys_given,
            });
        }
        let mut keys: Vec<String> = Vec::new();
        for (idx, row) in rows.iter().enumerate() {
            let idx = idx as EntryIdx;
            let names = row.names.split('|').filter(|name| !name.is_empty());
            if row.keys_given && !variants.applies_to(row.country) {
                gazetteer.add_key(&name_key(row.name), idx);
                for key in names {
                    gazetteer.add_key(key, idx);
                }
                continue;
            }
            keys.clear();
            keys.push(name_key(row.name));
            keys.extend(names.map(|name| {
                if row.keys_given {
                    name.to_string()
                } else {
                    name_key(name)
                }
            }));
            variants.extend(row.country, &mut keys);
            let spelled = variants.applies_to(row.country);
            for key in &keys {
                gazetteer.add_key(key, idx);
                if spelled && !key.contains(' ') {
                    gazetteer.joined_starts.insert(joined_start(key));
                }
            }
        }
        for idx in gazetteer.admin1_by_code.values() {
            let short = strip_admin_word(&gazetteer.entries[*idx as usize].name);
            gazetteer.admin1_short.insert(*idx, short.into());
        }
        Ok(gazetteer)
    }

    /// Files the entry under `key`, and under the key without its apostrophes (the news
    /// writes "Debre Markos" for "Debre Mark’os").
    fn add_key(&mut self, key: &str, idx: EntryIdx) {
        self.add_one_key(key, idx);
        if let Some(bare) = without_apostrophes(key) {
            self.add_one_key(&bare, idx);
        }
    }

    fn add_one_key(&mut self, key: &str, idx: EntryIdx) {
        if key.is_empty() {
            return;
        }
        if let Some((first, _)) = key.split_once(' ') {
            let n_words = (key.matches(' ').count() + 1).min(u8::MAX as usize) as u8;
            let info = self.keys.get_or_insert_with(first, KeyInfo::default);
            info.longest_from = info.longest_from.max(n_words);
        }
        let many = &mut self.many;
        let info = self.keys.get_or_insert_with(key, KeyInfo::default);
        match info.postings {
            None => {
                info.postings = Some(Postings::One(idx));
                self.n_names += 1;
            }
            Some(Postings::One(existing)) if existing == idx => {}
            Some(Postings::One(existing)) => {
                many.push(vec![existing, idx]);
                info.postings = Some(Postings::Many((many.len() - 1) as u32));
            }
            Some(Postings::Many(list)) => {
                let list = &mut many[list as usize];
                if !list.contains(&idx) {
                    list.push(idx);
                }
            }
        }
    }

    /// Puts the demonyms in the index (a key listed twice is the later line's).
    fn index_demonyms(&mut self) {
        for (position, (key, _)) in self.words.demonyms.iter().enumerate() {
            self.keys.get_or_insert_with(key, KeyInfo::default).demonym = Some(position as u32);
        }
    }

    /// Finds, in one pass over the entries, those the alias, point and demonym files name by id.
    fn find_named_entries(&mut self, files: &ResourceFiles) -> Result<(), ResourceError> {
        let mut wanted: HashSet<String> = HashSet::default();
        for path in [ALIASES, POINTS] {
            for (_, line) in files.data_lines(path)? {
                wanted.extend(
                    line.split('\t')
                        .nth(if path == ALIASES { 1 } else { 0 })
                        .map(|id| id.trim().to_string()),
                );
            }
        }
        for (_, target) in &self.words.demonyms {
            if let DemonymTarget::Place(id) = target {
                wanted.insert(id.clone());
            }
        }
        for (idx, entry) in self.entries.iter().enumerate() {
            if wanted.contains(&*entry.id) {
                self.named_entries
                    .insert(entry.id.to_string(), idx as EntryIdx);
            }
        }
        for (_, target) in &self.words.demonyms {
            if let DemonymTarget::Place(id) = target {
                if !self.named_entries.contains_key(id) {
                    return Err(ResourceError::new(
                        DEMONYMS,
                        format!("no gazetteer entry {id:?}"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// An entry the resource files name by id (only those: see `find_named_entries`).
    pub fn entry_by_id(&self, id: &str) -> Option<EntryIdx> {
        self.named_entries.get(id).copied()
    }

    fn load_points(&mut self, files: &ResourceFiles) -> Result<(), ResourceError> {
        for (line_no, line) in files.data_lines(POINTS)? {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let bad = || {
                ResourceError::at_line(
                    POINTS,
                    line_no,
                    "expected `entry id<TAB>lat<TAB>lon[<TAB>name]`",
                )
            };
            if fields.len() < 3 {
                return Err(bad());
            }
            let (Ok(lat), Ok(lon)) = (fields[1].parse::<f32>(), fields[2].parse::<f32>()) else {
                return Err(bad());
            };
            let Some(idx) = self.entry_by_id(fields[0]) else {
                return Err(ResourceError::at_line(
                    POINTS,
                    line_no,
                    format!("no gazetteer entry {:?}", fields[0]),
                ));
            };
            let entry = &mut self.entries[idx as usize];
            entry.lat = lat;
            entry.lon = lon;
        }
        Ok(())
    }

    fn load_admin1_names(&mut self, files: &ResourceFiles) -> Result<(), ResourceError> {
        for (line_no, line) in files.data_lines(ADMIN1)? {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() < 2 || fields[1].is_empty() {
                return Err(ResourceError::at_line(
                    ADMIN1,
                    line_no,
                    "expected `code<TAB>short name[<TAB>names]`",
                ));
            }
            let Some(&idx) = self.admin1_by_code.get(fields[0]) else {
                return Err(ResourceError::at_line(
                    ADMIN1,
                    line_no,
                    format!("unknown admin1 code {:?}", fields[0]),
                ));
            };
            self.admin1_short.insert(idx, fields[1].into());
            self.add_key(&name_key(fields[1]), idx);
            for name in fields.get(2).into_iter().flat_map(|names| names.split('|')) {
                self.add_key(&name_key(name), idx);
            }
        }
        Ok(())
    }

    fn load_aliases(&mut self, files: &ResourceFiles) -> Result<(), ResourceError> {
        let lines = files.data_lines(ALIASES)?;
        for (line_no, line) in lines {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() < 2 {
                return Err(ResourceError::at_line(
                    ALIASES,
                    line_no,
                    "expected `alias<TAB>entry id[<TAB>kind]`",
                ));
            }
            let Some(idx) = self.entry_by_id(fields[1]) else {
                return Err(ResourceError::at_line(
                    ALIASES,
                    line_no,
                    format!("no gazetteer entry {:?}", fields[1]),
                ));
            };
            if let Some(kind_name) = fields.get(2).filter(|k| !k.is_empty()) {
                let kind = PlaceKind::parse(kind_name).ok_or_else(|| {
                    ResourceError::at_line(ALIASES, line_no, format!("unknown kind {kind_name:?}"))
                })?;
                self.entries[idx as usize].kind = kind;
            }
            let alias = fields[0];
            if alias.chars().any(char::is_alphabetic) && !alias.chars().any(char::is_lowercase) {
                let entries = self.acronyms.entry(name_key(alias)).or_default();
                if !entries.contains(&idx) {
                    entries.push(idx);
                }
            }
            self.add_key(&name_key(alias), idx);
        }
        Ok(())
    }

    fn postings<'a>(&'a self, postings: &'a Postings) -> &'a [EntryIdx] {
        match postings {
            Postings::One(idx) => std::slice::from_ref(idx),
            Postings::Many(list) => &self.many[*list as usize],
        }
    }

    /// The entries an all-capital word with this key names ("US", "DRC"): only those the
    /// alias layer lists in capitals, so that "EU" is never the French town of Eu.
    pub fn acronym_entries(&self, key: &str) -> &[EntryIdx] {
        self.acronyms.get(key).map_or(&[], Vec::as_slice)
    }

    /// False when no joined name (of a country with spelling rules) starts like this key of
    /// a word: the check before building joined spellings of the words that follow it.
    pub fn may_join(&self, first_word_key: &str) -> bool {
        first_word_key.len() >= JOINED_START
            && self.joined_starts.contains(&joined_start(first_word_key))
    }

    /// The entries of a joined spelling of several words of the text ("Thin Gan Nyi Naung"
    /// as "thingannyinaung"): only places of countries with spelling rules, whose names are
    /// syllables the news joins or splits ("Cleve R" is no "Clever").
    pub fn lookup_joined(&self, joined_key: &str) -> Cow<'_, [EntryIdx]> {
        let entries = self.lookup_key(joined_key);
        let spelled = |idx: &EntryIdx| self.spelling_countries.contains(&self.entry(*idx).country);
        if entries.iter().all(spelled) {
            Cow::Borrowed(entries)
        } else {
            Cow::Owned(entries.iter().copied().filter(spelled).collect())
        }
    }

    /// The word lists mention detection reads context from.
    pub fn words(&self) -> &PlaceWords {
        &self.words
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct name keys.
    pub fn n_names(&self) -> usize {
        self.n_names
    }

    /// One entry.
    pub fn entry(&self, idx: EntryIdx) -> &PlaceEntry {
        &self.entries[idx as usize]
    }

    /// What a key names: its entries, its demonym, the longest name it starts.
    pub fn names_of(&self, key: &str) -> KeyNames<'_> {
        let Some(info) = self.keys.get(key) else {
            return KeyNames {
                entries: &[],
                demonym: None,
                longest_from: 1,
            };
        };
        KeyNames {
            entries: info
                .postings
                .as_ref()
                .map_or(&[], |postings| self.postings(postings)),
            demonym: info
                .demonym
                .and_then(|position| self.words.demonyms.get(position as usize))
                .map(|(_, target)| target),
            longest_from: usize::from(info.longest_from.max(1)),
        }
    }

    /// The entries whose names have this key.
    pub fn lookup_key(&self, key: &str) -> &[EntryIdx] {
        self.names_of(key).entries
    }

    /// The demonym this key is, if any.
    pub fn demonym(&self, key: &str) -> Option<&DemonymTarget> {
        self.names_of(key).demonym
    }

    /// The entries a name can denote.
    pub fn lookup(&self, name: &str) -> &[EntryIdx] {
        self.lookup_key(&name_key(name))
    }

    /// The country entry of an ISO code.
    pub fn country(&self, iso: &str) -> Option<EntryIdx> {
        self.countries.get(iso).copied()
    }

    /// The admin1 entry of a GeoNames admin1 code (`"MM.04"`).
    pub fn admin1(&self, code: &str) -> Option<EntryIdx> {
        self.admin1_by_code.get(code).copied()
    }

    /// The short English name of an admin1 entry ("Kachin", "North Darfur").
    pub fn admin1_name(&self, idx: EntryIdx) -> Option<&str> {
        self.admin1_short.get(&idx).map(|name| &**name)
    }

    /// The contract's location object for an entry, at the precision its kind implies.
    pub fn location(&self, idx: EntryIdx) -> Location {
        let entry = self.entry(idx);
        self.location_at(idx, entry.kind.precision())
    }

    /// The contract's location object for an entry, at a given precision.
    pub fn location_at(&self, idx: EntryIdx, precision: Precision) -> Location {
        let entry = self.entry(idx);
        let point = entry.point();
        let name = match entry.kind {
            PlaceKind::Admin1 => self.admin1_name(idx).unwrap_or(&entry.name).to_string(),
            _ => String::from(&*entry.name),
        };
        Location {
            name,
            country: (!entry.country.is_empty()).then(|| String::from(&*entry.country)),
            admin1: entry
                .admin1
                .and_then(|a1| self.admin1_name(a1))
                .map(str::to_string),
            lat: point.map(|p| round5(p.0)),
            lon: point.map(|p| round5(p.1)),
            precision,
            id: Some(String::from(&*entry.id)),
            township: entry
                .parent
                .filter(|&parent| self.entry(parent).kind == PlaceKind::Township)
                .map(|parent| String::from(&*self.entry(parent).id)),
        }
    }

    /// True when the two names can denote the same gazetteer entry (after case-folding
    /// and alternate names).
    pub fn same_place(&self, a: &str, b: &str) -> bool {
        let (key_a, key_b) = (name_key(a), name_key(b));
        if key_a == key_b {
            return true;
        }
        let entries_b = self.lookup_key(&key_b);
        self.lookup_key(&key_a)
            .iter()
            .any(|idx| entries_b.contains(idx))
    }

    /// True when the two names denote the same admin1 division.
    pub fn same_admin1(&self, a: &str, b: &str) -> bool {
        let (key_a, key_b) = (
            name_key(&strip_admin_word(a)),
            name_key(&strip_admin_word(b)),
        );
        if key_a == key_b {
            return true;
        }
        let admin1_of = |key: &str| -> Vec<EntryIdx> {
            let mut found: Vec<EntryIdx> = self
                .lookup_key(key)
                .iter()
                .copied()
                .filter(|idx| self.entry(*idx).kind == PlaceKind::Admin1)
                .collect();
            if found.is_empty() {
                found = self
                    .lookup_key(&name_key(&format!("{key} state")))
                    .iter()
                    .copied()
                    .filter(|idx| self.entry(*idx).kind == PlaceKind::Admin1)
                    .collect();
            }
            found
        };
        let entries_b = admin1_of(&key_b);
        admin1_of(&key_a).iter().any(|idx| entries_b.contains(idx))
    }
}

fn round5(value: f64) -> f64 {
    (value * 1e5).round() / 1e5
}

/// An admin1 name without its generic word ("Kachin State" → "Kachin").
pub fn strip_admin_word(name: &str) -> String {
    const GENERIC: [&str; 10] = [
        "state",
        "region",
        "province",
        "division",
        "governorate",
        "oblast",
        "prefecture",
        "department",
        "county",
        "krai",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|word| !GENERIC.contains(&word.to_lowercase().as_str()))
        .collect();
    if kept.is_empty() {
        name.trim().to_string()
    } else {
        kept.join(" ")
    }
}

fn parse_row<'a>(
    file: &'static str,
    line: usize,
    text: &'a str,
    keys_given: bool,
) -> Result<RawRow<'a>, ResourceError> {
    let mut fields = [""; 10];
    let mut n_fields = 0;
    for field in text.split('\t') {
        if n_fields == fields.len() {
            n_fields += 1;
            break;
        }
        fields[n_fields] = field;
        n_fields += 1;
    }
    if n_fields != fields.len() {
        return Err(ResourceError::at_line(
            file,
            line,
            "expected 10 tab-separated fields",
        ));
    }
    let kind = PlaceKind::parse(fields[1]).ok_or_else(|| {
        ResourceError::at_line(file, line, format!("unknown kind {:?}", fields[1]))
    })?;
    let coordinate = |field: &str| -> Result<f32, ResourceError> {
        if field.is_empty() {
            return Ok(f32::NAN);
        }
        field
            .parse()
            .map_err(|_| ResourceError::at_line(file, line, format!("bad coordinate {field:?}")))
    };
    let population = if fields[7].is_empty() {
        0
    } else {
        fields[7].parse().map_err(|_| {
            ResourceError::at_line(file, line, format!("bad population {:?}", fields[7]))
        })?
    };
    Ok(RawRow {
        line,
        file,
        id: fields[0],
        kind,
        name: fields[2],
        lat: coordinate(fields[3])?,
        lon: coordinate(fields[4])?,
        country: fields[5],
        admin1: fields[6],
        population,
        parent: fields[8],
        names: fields[9],
        keys_given,
    })
}

/// Spelling rules from `variants.tsv`, by country.
#[derive(Default)]
struct VariantRules {
    rules: Vec<(Box<str>, Regex, String)>,
}

impl VariantRules {
    fn load(files: &ResourceFiles) -> Result<VariantRules, ResourceError> {
        let mut rules = Vec::new();
        for (line_no, line) in files.data_lines(VARIANTS)? {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 3 {
                return Err(ResourceError::at_line(
                    VARIANTS,
                    line_no,
                    "expected `country<TAB>pattern<TAB>replacement`",
                ));
            }
            let pattern = Regex::new(fields[1]).map_err(|err| {
                ResourceError::at_line(VARIANTS, line_no, format!("bad pattern: {err}"))
            })?;
            rules.push((fields[0].trim().into(), pattern, fields[2].to_string()));
        }
        Ok(VariantRules { rules })
    }

    fn applies_to(&self, country: &str) -> bool {
        self.rules.iter().any(|(c, _, _)| &**c == country)
    }

    /// Adds to `keys` the variants the country's rules make: each rule, in order, rewrites
    /// every key so far, and what it changes is added.
    fn extend(&self, country: &str, keys: &mut Vec<String>) {
        for (_, pattern, replacement) in self.rules.iter().filter(|(c, _, _)| &**c == country) {
            for idx in 0..keys.len() {
                if let std::borrow::Cow::Owned(variant) =
                    pattern.replace_all(&keys[idx], replacement.as_str())
                {
                    if !variant.is_empty() && !keys.contains(&variant) {
                        keys.push(variant);
                    }
                }
            }
        }
    }
}
