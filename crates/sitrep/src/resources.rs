/*!
The resource files every stage compiles its rules from.

Rules are data: the sentence abbreviations, time patterns, gazetteer, actor
dictionary and event triggers live under `resources/` in the repository. The
build embeds that folder into the library ([`ResourceFiles::embedded`]); the
binary can overlay files read from a directory (`--resources DIR`) with
[`ResourceFiles::set`]. This module does no I/O itself: whoever reads a
directory hands the bytes over.

Each stage compiles what it needs once, with a `load(&ResourceFiles)`
constructor that returns a [`ResourceError`] naming the file, the line and the
rule when something is wrong.
*/

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_resources.rs"));
}

/// A set of resource files by path relative to `resources/` (`"time/en/rules.toml"`).
#[derive(Clone, Debug)]
pub struct ResourceFiles {
    files: BTreeMap<String, Cow<'static, [u8]>>,
}

impl ResourceFiles {
    /// The files embedded in the library at build time.
    pub fn embedded() -> ResourceFiles {
        let files = embedded::EMBEDDED
            .iter()
            .map(|(path, bytes)| (path.to_string(), Cow::Borrowed(*bytes)))
            .collect();
        ResourceFiles { files }
    }

    /// An empty set, for tests that build resources by hand.
    pub fn empty() -> ResourceFiles {
        ResourceFiles {
            files: BTreeMap::new(),
        }
    }

    /// Adds or replaces one file.
    pub fn set(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.files.insert(path.into(), Cow::Owned(bytes));
    }

    /// The bytes of one file.
    pub fn bytes(&self, path: &str) -> Result<&[u8], ResourceError> {
        self.files
            .get(path)
            .map(|bytes| bytes.as_ref())
            .ok_or_else(|| ResourceError::new(path, "resource file is missing"))
    }

    /// The text of one file, which must be UTF-8.
    pub fn text(&self, path: &str) -> Result<&str, ResourceError> {
        std::str::from_utf8(self.bytes(path)?)
            .map_err(|err| ResourceError::new(path, format!("not UTF-8: {err}")))
    }

    /// Paths of the files under a folder (`"events/"`), sorted.
    pub fn paths_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files
            .keys()
            .map(String::as_str)
            .filter(move |path| path.starts_with(prefix))
    }

    /// The non-empty, non-comment lines of a text file with their 1-based line numbers.
    /// A line whose first non-blank character is `#` is a comment.
    pub fn data_lines(&self, path: &str) -> Result<Vec<(usize, &str)>, ResourceError> {
        Ok(self
            .text(path)?
            .lines()
            .enumerate()
            .map(|(idx, line)| (idx + 1, line.trim_end_matches('\r')))
            .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .collect())
    }
}

/// What is wrong with a resource file, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceError {
    /// Path relative to `resources/`.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// The rule's id, where the error is about one rule.
    pub rule: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl ResourceError {
    /// An error about a whole file.
    pub fn new(file: &str, message: impl Into<String>) -> ResourceError {
        ResourceError {
            file: file.to_string(),
            line: None,
            rule: None,
            message: message.into(),
        }
    }

    /// An error about one line of a file.
    pub fn at_line(file: &str, line: usize, message: impl Into<String>) -> ResourceError {
        ResourceError {
            line: Some(line),
            ..ResourceError::new(file, message)
        }
    }

    /// The same error, naming the rule it is about.
    pub fn in_rule(mut self, rule: impl Into<String>) -> ResourceError {
        self.rule = Some(rule.into());
        self
    }
}

impl fmt::Display for ResourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "resources/{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, " (rule {rule})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ResourceError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_are_there_and_overridable() {
        let mut files = ResourceFiles::embedded();
        assert!(
            files
                .text("sentence/abbreviations.tsv")
                .unwrap()
                .contains("Gen\ttitle")
        );
        files.set("sentence/abbreviations.tsv", b"# empty\n".to_vec());
        assert!(
            files
                .data_lines("sentence/abbreviations.tsv")
                .unwrap()
                .is_empty()
        );
        let missing = files.bytes("nope.txt").unwrap_err();
        assert_eq!(
            missing.to_string(),
            "resources/nope.txt: resource file is missing"
        );
    }
}
