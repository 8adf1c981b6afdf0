/*!
A word list as a regex alternation, longest word first, with the words' common
beginnings written once: `Sept(?:ember\b|\.|\b)` rather than
`September\b|Sept\.|Sept\b`.

The two match the same text with the same preference, and the factored one is
far cheaper to run: the engine that reads a match's captures tries the
alternatives one by one, and now fails once per first letter instead of once
per word (a month table has 30-odd words). Factoring may change the order in
which two words are tried; that matters only for two words that can match at
the same place, which one must then begin with the other, case and white
space aside. When factoring would reorder such a pair, the plain alternation is
kept.
*/

/// One step of a word: a char, or the white space between two words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Atom {
    Char(char),
    Space,
}

/// Where an alternative goes on from a point in the trie.
#[derive(Debug)]
enum Branch {
    /// One more step, and what may follow it.
    Step(Atom, Vec<Branch>),
    /// A word ends here, and then must end at a word boundary (if it ends in a letter or digit).
    End { boundary: bool, word_idx: usize },
}

/// The regex alternation of `words` (each at most once), longest first: a word that ends in a
/// letter or digit must end at a word boundary ("May" is not in "mayor"), and white space
/// inside a word matches any run of white space.
pub fn alternation(words: &[&str]) -> String {
    let mut sorted: Vec<&str> = words.to_vec();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    sorted.dedup();
    let mut root = Vec::new();
    for (word_idx, word) in sorted.iter().enumerate() {
        insert(
            &mut root,
            &atoms(word),
            word.ends_with(char::is_alphanumeric),
            word_idx,
        );
    }
    let mut order = Vec::with_capacity(sorted.len());
    word_order(&root, &mut order);
    if keeps_preference(&sorted, &order) {
        // The whole is one group, so a quantifier after it applies to all of it.
        let mut out = String::from("(?:");
        render_choice(&root, &mut out);
        out.push(')');
        out
    } else {
        let escaped: Vec<String> = sorted.iter().map(|word| plain(word)).collect();
        format!("(?:{})", escaped.join("|"))
    }
}

/// A word as a plain regex.
fn plain(word: &str) -> String {
    let escaped = word
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    if word.ends_with(char::is_alphanumeric) {
        format!(r"{escaped}\b")
    } else {
        escaped
    }
}

fn atoms(word: &str) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for (idx, part) in word.split_whitespace().enumerate() {
        if idx > 0 {
            atoms.push(Atom::Space);
        }
        atoms.extend(part.chars().map(Atom::Char));
    }
    atoms
}

/// Adds a word's steps under `branches`, sharing the step already there for its next atom.
fn insert(branches: &mut Vec<Branch>, atoms: &[Atom], boundary: bool, word_idx: usize) {
    let Some((first, rest)) = atoms.split_first() else {
        branches.push(Branch::End { boundary, word_idx });
        return;
    };
    let existing = branches.iter_mut().find_map(|branch| match branch {
        Branch::Step(atom, next) if atom == first => Some(next),
        _ => None,
    });
    match existing {
        Some(next) => insert(next, rest, boundary, word_idx),
        None => {
            let mut next = Vec::new();
            insert(&mut next, rest, boundary, word_idx);
            branches.push(Branch::Step(*first, next));
        }
    }
}

/// The words in the order the factored alternation tries them.
fn word_order(branches: &[Branch], order: &mut Vec<usize>) {
    for branch in branches {
        match branch {
            Branch::Step(_, next) => word_order(next, order),
            Branch::End { word_idx, .. } => order.push(*word_idx),
        }
    }
}

/// Whether every two words that can match at the same place are tried in their first order.
fn keeps_preference(words: &[&str], order: &[usize]) -> bool {
    let folded: Vec<String> = words
        .iter()
        .map(|word| {
            word.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        })
        .collect();
    // Outside ASCII, case folding is too rich to reason about here: such a word is taken to
    // overlap every other.
    let may_overlap = |a: usize, b: usize| {
        let (a, b) = (&folded[a], &folded[b]);
        !a.is_ascii() || !b.is_ascii() || a.starts_with(b.as_str()) || b.starts_with(a.as_str())
    };
    order.iter().enumerate().all(|(position, &later)| {
        order[position + 1..]
            .iter()
            .all(|&after| after > later || !may_overlap(later, after))
    })
}

/// Writes a choice among branches: a group, unless there is only one.
fn render_choice(branches: &[Branch], out: &mut String) {
    if let [branch] = branches {
        render_branch(branch, out);
        return;
    }
    out.push_str("(?:");
    for (idx, branch) in branches.iter().enumerate() {
        if idx > 0 {
            out.push('|');
        }
        render_branch(branch, out);
    }
    out.push(')');
}

fn render_branch(branch: &Branch, out: &mut String) {
    match branch {
        Branch::Step(Atom::Char(ch), next) => {
            out.push_str(&regex::escape(ch.encode_utf8(&mut [0; 4])));
            render_choice(next, out);
        }
        Branch::Step(Atom::Space, next) => {
            out.push_str(r"\s+");
            render_choice(next, out);
        }
        Branch::End { boundary: true, .. } => out.push_str(r"\b"),
        Branch::End {
            boundary: false, ..
        } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_beginnings_are_written_once_and_longer_words_come_first() {
        assert_eq!(
            alternation(&["Sept", "Sept.", "September", "late  in"]),
            r"(?:(?:Sept(?:ember\b|\.|\b)|late\s+in\b))"
        );
        assert_eq!(alternation(&["a", "an", "a"]), r"(?:a(?:n\b|\b))");
        assert_eq!(alternation(&["9$"]), r"(?:9\$)");
    }

    #[test]
    fn an_order_that_factoring_would_change_is_kept_plain() {
        // "sept" must be tried before "Sep", but factoring would put "Sep" beside "Sept." first.
        assert_eq!(
            alternation(&["Sept.", "sept", "Sep"]),
            r"(?:Sept\.|sept\b|Sep\b)"
        );
        let regex =
            regex::Regex::new(&format!("(?i){}", alternation(&["Sept.", "sept", "Sep"]))).unwrap();
        assert_eq!(
            regex.find("SEPT 9").map(|found| found.as_str()),
            Some("SEPT")
        );
    }
}
