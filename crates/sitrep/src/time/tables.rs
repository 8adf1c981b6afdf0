/*!
Normalisation tables: the words a language uses for months, weekdays, numbers,
units and so on, each with the value it stands for.

A table is a TSV file under `resources/time/<lang>/tables/` (`month.tsv`:
`Sept.<TAB>9`). It serves twice: a rule pattern names it as `{month}` and gets
an alternation of its words, and a capture matched by that alternation is
normalised by looking the words up again. Lookups fold case and white space, so
"SEPT." and "Sept." agree. A table's values are checked when it is loaded, by
the field that reads it ([`Tables::check_values`]), so a typo in a value is an
error that names the file and line.
*/

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use super::alternation::alternation;
use crate::resources::{ResourceError, ResourceFiles};

/// One table: its words in file order and the value of each.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Path of the file it came from, for error messages.
    pub path: String,
    /// `(word, value, line)` in file order.
    pub entries: Vec<(String, String, usize)>,
    lookup: WordMap<String>,
}

impl Table {
    /// The value of `words`, folded (case, runs of white space).
    pub fn get(&self, words: &str) -> Option<&str> {
        with_folded(words, |key| self.lookup.get(key)).map(String::as_str)
    }

    /// A regex alternation of the table's words, longest first so the longest wins. A word
    /// that ends in a letter or digit must end at a word boundary ("May" is not in "mayor").
    pub fn alternation(&self) -> String {
        let words: Vec<&str> = self
            .entries
            .iter()
            .map(|(word, _, _)| word.as_str())
            .collect();
        alternation(&words)
    }
}

/// A map from folded words, hashed fast: the keys are short and trusted (our own files), so
/// the collision resistance of the standard hasher buys nothing and costs a lot per word.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// The Fx hash (as in rustc): a rotate, a xor and a multiply per byte.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Lower case, single spaces.
pub fn fold_key(words: &str) -> String {
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Calls `f` with `words` folded as [`fold_key`] folds them, without allocating when they
/// are short and ASCII (as nearly every lookup is).
pub fn with_folded<R>(words: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX_BYTES: usize = 64;
    if words.len() <= MAX_BYTES && words.is_ascii() {
        let mut buffer = [0u8; MAX_BYTES];
        let mut len = 0;
        for (idx, word) in words.split_ascii_whitespace().enumerate() {
            if idx > 0 {
                buffer[len] = b' ';
                len += 1;
            }
            for byte in word.bytes() {
                buffer[len] = byte.to_ascii_lowercase();
                len += 1;
            }
        }
        if let Ok(key) = std::str::from_utf8(&buffer[..len]) {
            return f(key);
        }
    }
    f(&fold_key(words))
}

/// Every table of one language folder, by name (file stem).
#[derive(Clone, Debug, Default)]
pub struct Tables {
    tables: BTreeMap<String, Table>,
}

impl Tables {
    /// Reads every `.tsv` file under `folder` (`"time/en/tables/"`).
    pub fn load(files: &ResourceFiles, folder: &str) -> Result<Tables, ResourceError> {
        let mut tables = BTreeMap::new();
        let paths: Vec<String> = files
            .paths_under(folder)
            .filter(|p| p.ends_with(".tsv"))
            .map(str::to_string)
            .collect();
        for path in paths {
            let name = path
                .trim_start_matches(folder)
                .trim_end_matches(".tsv")
                .to_string();
            let mut table = Table {
                path: path.clone(),
                ..Table::default()
            };
            for (line_no, line) in files.data_lines(&path)? {
                let (word, value) = line.split_once('\t').ok_or_else(|| {
                    ResourceError::at_line(&path, line_no, "expected `words<TAB>value`")
                })?;
                let (word, value) = (word.trim(), value.trim());
                if word.is_empty() || value.is_empty() {
                    return Err(ResourceError::at_line(
                        &path,
                        line_no,
                        "empty word or value",
                    ));
                }
                if let Some(previous) = table.lookup.insert(fold_key(word), value.to_string()) {
                    if previous != value {
                        return Err(ResourceError::at_line(
                            &path,
                            line_no,
                            format!(
                                "{word:?} is listed twice, with values {previous:?} and {value:?}"
                            ),
                        ));
                    }
                }
                table
                    .entries
                    .push((word.to_string(), value.to_string(), line_no));
            }
            tables.insert(name, table);
        }
        Ok(Tables { tables })
    }

    /// The table called `name`.
    pub fn get(&self, name: &str) -> Option<&Table> {
        self.tables.get(name)
    }

    /// The table called `name`, which the engine needs.
    pub fn required(&self, name: &str, folder: &str) -> Result<&Table, ResourceError> {
        self.get(name).ok_or_else(|| {
            ResourceError::new(&format!("{folder}{name}.tsv"), "required table is missing")
        })
    }

    /// Every table, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Table)> {
        self.tables
            .iter()
            .map(|(name, table)| (name.as_str(), table))
    }

    /// Checks that every value of table `name` parses with `parse`.
    pub fn check_values<T>(
        &self,
        name: &str,
        what: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<(), ResourceError> {
        if let Some(table) = self.get(name) {
            for (word, value, line_no) in &table.entries {
                if parse(value).is_none() {
                    return Err(ResourceError::at_line(
                        &table.path,
                        *line_no,
                        format!("{word:?}: {value:?} is not {what}"),
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Result<Tables, ResourceError> {
        let mut files = ResourceFiles::empty();
        files.set("t/tables/month.tsv", text.as_bytes().to_vec());
        Tables::load(&files, "t/tables/")
    }

    #[test]
    fn lookups_fold_case_and_space_and_alternations_prefer_longer_words() {
        let tables = tables("# months\nSept.\t9\nSept\t9\nSeptember\t9\nlate  in\t1\n").unwrap();
        let month = tables.get("month").unwrap();
        assert_eq!(month.get("SEPT."), Some("9"));
        assert_eq!(month.get("late\n in"), Some("1"));
        assert_eq!(with_folded("  Late \t IN ", str::to_string), "late in");
        assert_eq!(with_folded("Été", str::to_string), "été");
        assert_eq!(
            month.alternation(),
            r"(?:(?:Sept(?:ember\b|\.|\b)|late\s+in\b))"
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = tables("May\t5\nmay\t6\n").unwrap_err();
        assert_eq!(err.file, "t/tables/month.tsv");
        assert_eq!(err.line, Some(2));
        let err = tables("May 5\n").unwrap_err();
        assert_eq!(err.line, Some(1));
        let tables = tables("May\tfive\n").unwrap();
        let err = tables
            .check_values("month", "a month number", |v| v.parse::<i8>().ok())
            .unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
