/*!
Readers: turn files into [`Article`]s.

Formats, chosen by file extension (or sniffed on standard input):

- `.json`: one article object as `CONTRACT.md` defines it (or an array of them);
- `.jsonl`: one article object a line, read as a stream;
- `.txt`: the whole file is the text;
- `.html`, `.htm`: the main text by Readability, the title and date from the page.

Directories are read recursively in name order, skipping gold files
(`*.gold.jsonl`) and files of other types; `-` is standard input.

A text or HTML file takes its publication date from `--published`, then from a
dateline at the top of its text ("BHAMO, 10 December 2024 —"), then from the
page's metadata. A JSON article keeps its own `published` and takes
`--published` only when it has none.

Nothing here panics or gives up on the first problem: each article comes back
as its own `Ok` or `Err`, errors name the file and line, invalid UTF-8 is decoded
lossily with a warning.
*/

mod date;
pub mod html;

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use sitrep::Article;

pub use date::parse_date;

/// Largest file read as one article; bigger inputs belong in `.jsonl`.
pub const MAX_ARTICLE_BYTES: u64 = 256 * 1024 * 1024;

/// What a reader needs to know beyond the files.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date for articles that carry none (and for text and HTML files, first).
    pub published: Option<Date>,
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// How errors and warnings name it.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// The article formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object (or an array of them).
    Json,
    /// One JSON object a line.
    Jsonl,
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format a file name implies, if it is one sitrep reads.
    pub fn of_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".gold.jsonl") {
            return None;
        }
        match path.extension()?.to_string_lossy().to_lowercase().as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    fn sniff(head: &[u8]) -> Format {
        let text = String::from_utf8_lossy(head);
        let trimmed = text.trim_start();
        if trimmed.starts_with('<') {
            Format::Html
        } else if trimmed.starts_with('[') {
            Format::Json
        } else if trimmed.starts_with('{') {
            // One object a line, unless the first line does not close the object.
            let first_line = trimmed.lines().next().unwrap_or("");
            if serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
                Format::Jsonl
            } else {
                Format::Json
            }
        } else {
            Format::Text
        }
    }
}

/// An article read, with where it came from and what was odd about it.
#[derive(Clone, Debug)]
pub struct Record {
    /// File, and line for JSON Lines (`dev/a.jsonl:3`).
    pub origin: String,
    /// The article.
    pub article: Article,
    /// Problems that did not stop the article being read.
    pub warnings: Vec<String>,
}

/// An input, or one record of it, that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// File, and line where known.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for ReadError {}

fn error(origin: impl Into<String>, message: impl Into<String>) -> ReadError {
    ReadError {
        origin: origin.into(),
        message: message.into(),
    }
}

/// Expands paths into the inputs to read: directories recursively, in name order, keeping
/// only files of a known format; `-` is standard input. Paths that do not exist are errors.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut errors);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            errors.push(error(
                path.display().to_string(),
                "no such file or directory",
            ));
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<ReadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return errors.push(error(dir.display().to_string(), err.to_string())),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, inputs, errors);
        } else if Format::of_path(&path).is_some() {
            inputs.push(Input::File(path));
        }
    }
}

/// Total size in bytes of the file inputs, for progress reporting.
pub fn total_bytes(inputs: &[Input]) -> u64 {
    inputs
        .iter()
        .filter_map(|input| match input {
            Input::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Input::Stdin => None,
        })
        .sum()
}

/// Reads articles from inputs, one at a time; JSON Lines files are streamed.
pub struct Reader {
    options: Options,
    pending: VecDeque<Input>,
    ready: VecDeque<Result<Record, ReadError>>,
    stream: Option<LineStream>,
    bytes_read: u64,
}

struct LineStream {
    name: String,
    lines: Box<dyn BufRead>,
    line_no: usize,
}

impl Reader {
    /// A reader over `inputs`, in order.
    pub fn new(inputs: Vec<Input>, options: Options) -> Reader {
        Reader {
            options,
            pending: inputs.into(),
            ready: VecDeque::new(),
            stream: None,
            bytes_read: 0,
        }
    }

    /// Bytes read so far, for progress reporting.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    fn open(&mut self, input: Input) {
        let name = input.name();
        let (mut source, format): (Box<dyn BufRead>, Format) = match &input {
            Input::Stdin => {
                let mut stdin = BufReader::new(io::stdin());
                let format = match stdin.fill_buf() {
                    Ok(head) => Format::sniff(head),
                    Err(err) => return self.ready.push_back(Err(error(name, err.to_string()))),
                };
                (Box::new(stdin), format)
            }
            Input::File(path) => {
                let file = match File::open(path) {
                    Ok(file) => file,
                    Err(err) => return self.ready.push_back(Err(error(name, err.to_string()))),
                };
                let mut reader = BufReader::new(file);
                let format = match Format::of_path(path) {
                    Some(format) => format,
                    None => match reader.fill_buf() {
                        Ok(head) => Format::sniff(head),
                        Err(err) => return self.ready.push_back(Err(error(name, err.to_string()))),
                    },
                };
                (Box::new(reader), format)
            }
        };
        if format == Format::Jsonl {
            self.stream = Some(LineStream {
                name,
                lines: source,
                line_no: 0,
            });
            return;
        }
        let mut bytes = Vec::new();
        if let Err(err) = source
            .by_ref()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
        {
            return self.ready.push_back(Err(error(name, err.to_string())));
        }
        self.bytes_read += bytes.len() as u64;
        if bytes.len() as u64 > MAX_ARTICLE_BYTES {
            let message = format!(
                "larger than {} MiB; put many articles in a .jsonl file",
                MAX_ARTICLE_BYTES >> 20
            );
            return self.ready.push_back(Err(error(name, message)));
        }
        let stem = match &input {
            Input::File(path) => path
                .file_stem()
                .map_or("article".into(), |s| s.to_string_lossy().into_owned()),
            Input::Stdin => "stdin".to_string(),
        };
        let records = parse_document(&name, &stem, format, &bytes, &self.options);
        self.ready.extend(records);
    }

    fn next_line(&mut self) -> Option<Result<Record, ReadError>> {
        let stream = self.stream.as_mut()?;
        let mut line = Vec::new();
        loop {
            line.clear();
            match stream.lines.read_until(b'\n', &mut line) {
                Ok(0) => {
                    self.stream = None;
                    return None;
                }
                Ok(n) => {
                    self.bytes_read += n as u64;
                    stream.line_no += 1;
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let origin = format!("{}:{}", stream.name, stream.line_no);
                    let fallback_id = format!("{}:{}", stem_of(&stream.name), stream.line_no);
                    return Some(parse_json_record(
                        &origin,
                        &fallback_id,
                        &line,
                        &self.options,
                    ));
                }
                Err(err) => {
                    let origin = format!("{}:{}", stream.name, stream.line_no + 1);
                    self.stream = None;
                    return Some(Err(error(origin, err.to_string())));
                }
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.stream.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let input = self.pending.pop_front()?;
            self.open(input);
        }
    }
}

fn stem_of(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned())
}

/// Decodes bytes as UTF-8, lossily, with a warning when anything was replaced.
fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Borrowed(text) => text.to_string(),
        std::borrow::Cow::Owned(text) => {
            warnings.push("invalid UTF-8 replaced with U+FFFD".to_string());
            text
        }
    }
}

/// Parses one whole file of a single-document format into its records.
pub fn parse_document(
    origin: &str,
    stem: &str,
    format: Format,
    bytes: &[u8],
    options: &Options,
) -> Vec<Result<Record, ReadError>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(error(origin, "empty file"))];
    }
    match format {
        Format::Json => parse_json_file(origin, stem, bytes, options),
        Format::Jsonl => {
            let mut records = Vec::new();
            for (idx, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if !line.iter().all(u8::is_ascii_whitespace) {
                    let line_origin = format!("{origin}:{}", idx + 1);
                    records.push(parse_json_record(
                        &line_origin,
                        &format!("{stem}:{}", idx + 1),
                        line,
                        options,
                    ));
                }
            }
            records
        }
        Format::Text => {
            let mut warnings = Vec::new();
            let text = decode(bytes, &mut warnings);
            let (title, text) = split_headline(text);
            vec![Ok(text_record(
                origin, stem, text, title, None, warnings, options,
            ))]
        }
        Format::Html => {
            let mut warnings = Vec::new();
            let html = decode(bytes, &mut warnings);
            match html::extract(&html) {
                Ok(page) if !page.text.trim().is_empty() => {
                    let meta_date = page.published.as_deref().and_then(|d| {
                        let parsed = parse_date(d);
                        if parsed.is_none() {
                            warnings.push(format!("unparseable date {d:?} in the page's metadata"));
                        }
                        parsed
                    });
                    let mut record = text_record(
                        origin, stem, page.text, page.title, meta_date, warnings, options,
                    );
                    record.article.url = page.url;
                    record.article.outlet = page.site_name;
                    vec![Ok(record)]
                }
                Ok(_) => vec![Err(error(origin, "no main text found in the page"))],
                Err(message) => vec![Err(error(origin, message))],
            }
        }
    }
}

fn text_record(
    origin: &str,
    stem: &str,
    text: String,
    title: Option<String>,
    meta_date: Option<Date>,
    mut warnings: Vec<String>,
    options: &Options,
) -> Record {
    let published = options
        .published
        .or_else(|| dateline_date(&text))
        .or(meta_date);
    if published.is_none() {
        warnings
            .push("no publication date: pass --published DATE to resolve relative dates".into());
    }
    let article = Article {
        id: stem.to_string(),
        title,
        published,
        text,
        ..Article::default()
    };
    Record {
        origin: origin.to_string(),
        article,
        warnings,
    }
}

/// A plain text's headline and body: a first line of at most 200 bytes that ends in no stop,
/// followed by a blank line, is the title ("Rebels take Sinbo\n\nBHAMO — ..."), as the
/// `title` field of a JSON article is; the text is left whole otherwise.
fn split_headline(text: String) -> (Option<String>, String) {
    const LONGEST: usize = 200;
    let body_start = text.len() - text.trim_start().len();
    let rest = &text[body_start..];
    let Some(line_end) = rest.find('\n') else {
        return (None, text);
    };
    let line = rest[..line_end].trim_end();
    let after = &rest[line_end + 1..];
    let blank_follows = after
        .trim_start_matches([' ', '\t', '\r'])
        .starts_with('\n');
    let stops = line.ends_with(['.', '!', '?', ':', '"', '”', '’', '\'']);
    if line.is_empty() || line.len() > LONGEST || stops || !blank_follows || after.trim().is_empty()
    {
        return (None, text);
    }
    (Some(line.to_string()), after.trim_start().to_string())
}

/// The date of a dateline opening the text ([`sitrep::text::dateline`]): "YANGON, 10 December
/// 2024 —", "GOMA, Congo, 3 May 2031 (Reuters) -".
fn dateline_date(text: &str) -> Option<Date> {
    let dateline = sitrep::text::dateline(text)?;
    dateline
        .details(text)
        .iter()
        .find_map(|part| parse_date(part))
}

#[derive(Deserialize)]
struct RawArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

fn parse_json_file(
    origin: &str,
    stem: &str,
    bytes: &[u8],
    options: &Options,
) -> Vec<Result<Record, ReadError>> {
    let mut warnings = Vec::new();
    let text = decode(bytes, &mut warnings);
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(err) => {
            return vec![Err(error(
                format!("{origin}:{}", err.line()),
                format!("broken JSON: {err}"),
            ))];
        }
    };
    let values = match value {
        serde_json::Value::Array(values) => values,
        single => vec![single],
    };
    let n_values = values.len();
    values
        .into_iter()
        .enumerate()
        .map(|(idx, value)| {
            let (item_origin, fallback_id) = if n_values == 1 {
                (origin.to_string(), stem.to_string())
            } else {
                (format!("{origin}[{idx}]"), format!("{stem}:{}", idx + 1))
            };
            article_from_value(&item_origin, &fallback_id, value, warnings.clone(), options)
        })
        .collect()
}

fn parse_json_record(
    origin: &str,
    fallback_id: &str,
    line: &[u8],
    options: &Options,
) -> Result<Record, ReadError> {
    let mut warnings = Vec::new();
    let text = decode(line, &mut warnings);
    let value =
        serde_json::from_str(&text).map_err(|err| error(origin, format!("broken JSON: {err}")))?;
    article_from_value(origin, fallback_id, value, warnings, options)
}

fn article_from_value(
    origin: &str,
    fallback_id: &str,
    value: serde_json::Value,
    mut warnings: Vec<String>,
    options: &Options,
) -> Result<Record, ReadError> {
    let raw: RawArticle = serde_json::from_value(value)
        .map_err(|err| error(origin, format!("not an article: {err}")))?;
    let text = raw
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| error(origin, "article has no \"text\""))?;
    let id = match raw.id {
        Some(serde_json::Value::String(id)) if !id.is_empty() => id,
        Some(serde_json::Value::Number(id)) => id.to_string(),
        _ => fallback_id.to_string(),
    };
    let own_date = raw
        .published
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .and_then(|d| {
            let parsed = parse_date(d);
            if parsed.is_none() {
                warnings.push(format!("unparseable \"published\" date {d:?}"));
            }
            parsed
        });
    let published = own_date.or(options.published);
    if published.is_none() {
        warnings
            .push("no publication date: pass --published DATE to resolve relative dates".into());
    }
    let article = Article {
        id,
        url: raw.url,
        outlet: raw.outlet,
        title: raw.title,
        published,
        text,
    };
    Ok(Record {
        origin: origin.to_string(),
        article,
        warnings,
    })
}

#[cfg(test)]
mod tests;
