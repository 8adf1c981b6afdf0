/*!
The `sitrep` command line: flags in, one function per command, exit codes out.

Each command lives in its own module under `cmd/` with an `Args` struct (the
flags, validated by clap) and a `run(args, &Global) -> Result<ExitCode>`.
Errors that stop a command are printed once here; problems with single
records are reported by the command as it goes, and make it exit with 1 at
the end. A closed pipe (`sitrep extract … | head`) is not an error.

The program allocates through mimalloc: the pipeline makes and drops many small
vectors and strings per article, and mimalloc serves them about a tenth faster
overall than the system allocator (`sitrep bench --stage extract`).
*/

mod cmd;
mod progress;
mod resources;
mod table;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns conflict news into a dated, geocoded event dataset.
///
/// sitrep reads articles (JSON, JSON Lines, text or HTML), finds what happened, who did it
/// to whom, where and when, and how firmly the text says so, and writes one JSON object per
/// event with the sentence it came from. Run `sitrep help COMMAND` for a command's options.
#[derive(Parser, Debug)]
#[command(name = "sitrep", version, max_term_width = 100)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Options every command takes.
#[derive(clap::Args, Debug, Clone)]
pub struct Global {
    /// Read rule and gazetteer files from DIR, over the built-in ones (same layout as the
    /// repository's resources/ folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub resources: Option<PathBuf>,
    /// Print no progress bars or warnings, only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    Extract(cmd::extract::Args),
    Eval(cmd::eval::Args),
    EvalGeo(cmd::eval_geo::Args),
    Bench(cmd::bench::Args),
    Actors(cmd::actors::Args),
    Gazetteer(cmd::gazetteer::Args),
    Places(cmd::places::Args),
    Times(cmd::times::Args),
    EvalTime(cmd::eval_time::Args),
    Ingest(cmd::ingest::Args),
    Control(cmd::control::Args),
    Events(cmd::events::Args),
    Export(cmd::export::Args),
    Generate(cmd::generate::Args),
    BenchStore(cmd::bench_store::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => cmd::extract::run(args, &cli.global),
        Command::Eval(args) => cmd::eval::run(args, &cli.global),
        Command::EvalGeo(args) => cmd::eval_geo::run(args, &cli.global),
        Command::Bench(args) => cmd::bench::run(args, &cli.global),
        Command::Actors(args) => cmd::actors::run(args, &cli.global),
        Command::Gazetteer(args) => cmd::gazetteer::run(args, &cli.global),
        Command::Places(args) => cmd::places::run(args, &cli.global),
        Command::Times(args) => cmd::times::run(args, &cli.global),
        Command::EvalTime(args) => cmd::eval_time::run(args, &cli.global),
        Command::Ingest(args) => cmd::ingest::run(args, &cli.global),
        Command::Control(args) => cmd::control::run(args, &cli.global),
        Command::Events(args) => cmd::events::run(args, &cli.global),
        Command::Export(args) => cmd::export::run(args, &cli.global),
        Command::Generate(args) => cmd::generate::run(args, &cli.global),
        Command::BenchStore(args) => cmd::bench_store::run(args, &cli.global),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the reader of standard output went away ("sitrep extract ... | head"), whether
/// the write failed directly or inside the JSON writer.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io_kind = cause.downcast_ref::<io::Error>().map(io::Error::kind);
        let json_kind = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io_kind.or(json_kind) == Some(io::ErrorKind::BrokenPipe)
    })
}
