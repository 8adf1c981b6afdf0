/*!
Lookup keys for place names: how the gazetteer and the text meet.

A key is the name [folded](crate::text::fold) (lower case, no diacritics, one
kind of apostrophe), with hyphens as spaces and periods dropped, so "Mrauk-U",
"Mrauk U" and "MRAUK U" share a key, as do "U.S." and "US". The news often leaves a
name's apostrophes out ("Debre Markos" for "Debre Mark’os"), so the gazetteer also files
a name under its key [without apostrophes](without_apostrophes). The text side asks
for keys many times per sentence, so plain ASCII takes a fast path that
allocates nothing beyond the output buffer.
*/

use crate::text::fold;

/// The lookup key of a name.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_key(name, &mut key);
    key
}

/// Appends the key of `name` to `out` (with no separator).
pub fn push_key(name: &str, out: &mut String) {
    if name.is_ascii() {
        let mut pending_space = false;
        for byte in name.bytes() {
            match byte {
                b'.' => {}
                b'-' | b'_' | b' ' | b'\t' | b'\n' | b'\r' => pending_space = true,
                b'`' => push_ascii(out, b'\'', &mut pending_space),
                other => push_ascii(out, other.to_ascii_lowercase(), &mut pending_space),
            }
        }
    } else {
        let folded = fold(name);
        let mut pending_space = false;
        for ch in folded.chars() {
            match ch {
                '.' => {}
                '-' | '_' => pending_space = true,
                c if c.is_whitespace() => pending_space = true,
                c => {
                    if pending_space && !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(c);
                }
            }
        }
    }
}

/// The key without its apostrophes ("debre mark'os" gives "debre markos"), when it has any
/// and something is left.
pub fn without_apostrophes(key: &str) -> Option<String> {
    if !key.contains('\'') {
        return None;
    }
    let bare = key
        .split(' ')
        .map(|word| word.replace('\'', ""))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!bare.is_empty()).then_some(bare)
}

/// True when `name`'s key is `key`, without building it: the check stops at the first
/// byte that differs (most names of a homonym list differ early).
pub fn key_is(name: &str, key: &str) -> bool {
    if !name.is_ascii() {
        return name_key(name) == key;
    }
    let key = key.as_bytes();
    let mut at = 0;
    let mut pending_space = false;
    for byte in name.bytes() {
        let folded = match byte {
            b'.' => continue,
            b'-' | b'_' | b' ' | b'\t' | b'\n' | b'\r' => {
                pending_space = true;
                continue;
            }
            b'`' => b'\'',
            other => other.to_ascii_lowercase(),
        };
        if pending_space && at > 0 {
            if key.get(at) != Some(&b' ') {
                return false;
            }
            at += 1;
        }
        pending_space = false;
        if key.get(at) != Some(&folded) {
            return false;
        }
        at += 1;
    }
    at == key.len()
}

fn push_ascii(out: &mut String, byte: u8, pending_space: &mut bool) {
    if *pending_space && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
    *pending_space = false;
    out.push(byte as char);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_periods_case_and_diacritics_fold_away() {
        assert_eq!(name_key("Mrauk-U"), "mrauk u");
        assert_eq!(name_key("  MRAUK   U "), "mrauk u");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Al Jazīrah"), "al jazirah");
        assert_eq!(name_key("Ta’ang"), "ta'ang");
        assert_eq!(name_key("Port-au-Prince"), "port au prince");
        assert_eq!(name_key("São Tomé"), "sao tome");
    }

    #[test]
    fn a_name_is_checked_against_a_key_without_building_it() {
        for name in [
            "Mrauk-U",
            "  MRAUK   U ",
            "U.S.",
            "Port-au-Prince",
            "São Tomé",
            "a",
            "",
        ] {
            assert!(key_is(name, &name_key(name)), "{name:?}");
        }
        assert!(!key_is("Mrauk U", "mrauk"));
        assert!(!key_is("Mrauk", "mrauk u"));
        assert!(!key_is("Bhamo", "bhamu"));
    }

    #[test]
    fn apostrophes_of_any_kind_can_be_left_out() {
        assert_eq!(
            without_apostrophes(&name_key("Debre Mark’os")).as_deref(),
            Some("debre markos")
        );
        assert_eq!(
            without_apostrophes(&name_key("Kakaʻako")).as_deref(),
            Some("kakaako")
        );
        assert_eq!(
            without_apostrophes("homyel' voblasc'").as_deref(),
            Some("homyel voblasc")
        );
        assert_eq!(without_apostrophes("o ' brien").as_deref(), Some("o brien"));
        assert_eq!(without_apostrophes("bahir dar"), None);
        assert_eq!(without_apostrophes("'"), None);
    }

    #[test]
    fn appending_keeps_what_is_there() {
        let mut key = String::from("bhamo");
        key.push(' ');
        push_key("Town", &mut key);
        assert_eq!(key, "bhamo town");
    }
}
