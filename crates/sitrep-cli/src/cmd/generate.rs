/*!
`sitrep generate`: a large synthetic corpus for measuring ingest, made by
recombining the sentences of a directory of articles.

Each generated article takes 8 to 30 sentences (fewer with `--max-sentences`) drawn
from the pool of every
sentence of the input articles, an outlet and a publication date drawn from
theirs (shifted by up to a year, so relative dates resolve anew), and an id of
its own. The draw is a fixed pseudo-random sequence from `--seed`: the same
arguments give the same corpus byte for byte.
*/

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use jiff::ToSpan;
use sitrep::Article;
use sitrep_read::{Options, Reader};

use super::{output, write_jsonl};
use crate::{Global, resources};

/// Write a synthetic corpus (JSON Lines) recombining the sentences of some articles.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles whose sentences are recombined.
    #[arg(value_name = "DIR", default_value = "examples")]
    source: PathBuf,
    /// How many articles to write.
    #[arg(long, default_value_t = 100_000)]
    articles: usize,
    /// Most sentences an article takes (at least 1; the fewest is 8, or this if lower).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..))]
    max_sentences: u16,
    /// Seed of the pseudo-random draw.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// SplitMix64: a small, fast, reproducible pseudo-random sequence.
pub struct SplitMix(u64);

impl SplitMix {
    /// A sequence from a seed.
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Runs the command.
pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let resources = resources::load(global.resources.as_deref())?;
    let (inputs, missing) = sitrep_read::collect_inputs(std::slice::from_ref(&args.source));
    if let Some(err) = missing.first() {
        bail!("{err}");
    }
    let sources: Vec<Article> = Reader::new(inputs, Options::default())
        .filter_map(Result::ok)
        .map(|record| record.article)
        .collect();
    let sentences: Vec<&str> = sources
        .iter()
        .flat_map(|article| {
            resources
                .sentences
                .split(&article.text)
                .into_iter()
                .map(|span| article.text[span.start..span.end].trim())
        })
        .filter(|sentence| !sentence.is_empty())
        .collect();
    if sentences.is_empty() {
        bail!("no sentences under {}", args.source.display());
    }
    let mut random = SplitMix::new(args.seed);
    let mut out = output(args.output.as_deref())?;
    for idx in 0..args.articles {
        let model = &sources[random.below(sources.len())];
        let most = usize::from(args.max_sentences);
        let fewest = most.min(8);
        let n_sentences = fewest + random.below(most - fewest + 1);
        let mut text = String::new();
        for sentence_idx in 0..n_sentences {
            if sentence_idx > 0 {
                text.push_str(if random.below(4) == 0 { "\n\n" } else { " " });
            }
            text.push_str(sentences[random.below(sentences.len())]);
        }
        let shift = random.below(366) as i64;
        let article = Article {
            id: format!("gen-{:x}-{idx:07}", args.seed),
            url: None,
            outlet: Some(format!("outlet-{}.example", random.below(40))),
            title: None,
            published: model
                .published
                .and_then(|date| date.checked_add(shift.days()).ok()),
            text,
        };
        write_jsonl(&mut out, &article)?;
    }
    out.flush()?;
    if !global.quiet {
        eprintln!(
            "sitrep: {} articles from {} sentences of {} articles",
            args.articles,
            sentences.len(),
            sources.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
