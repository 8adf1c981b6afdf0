/*!
Verb forms for trigger patterns: `{take}` in a pattern matches take, takes, took, taken and
taking. Irregular verbs come from `resources/events/verbs.tsv`; the rest follow the regular
spelling rules (seize → seizes, seized, seizing; carry → carries, carried).
*/

use std::collections::HashMap;

/// The forms of one verb: base, third person, past, past participle, gerund.
pub(crate) type Forms = [String; 5];

/// The regular forms of a verb.
pub(crate) fn regular(base: &str) -> Forms {
    let consonant_y =
        base.ends_with('y') && !base[..base.len() - 1].ends_with(|c: char| "aeiou".contains(c));
    let third = if consonant_y {
        format!("{}ies", &base[..base.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|end| base.ends_with(end))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let past = if consonant_y {
        format!("{}ied", &base[..base.len() - 1])
    } else if base.ends_with('e') {
        format!("{base}d")
    } else {
        format!("{base}ed")
    };
    let gerund = if base.ends_with("ee")
        || base.ends_with("ye")
        || base.ends_with("oe")
        || !base.ends_with('e')
    {
        format!("{base}ing")
    } else {
        format!("{}ing", &base[..base.len() - 1])
    };
    [base.to_string(), third, past.clone(), past, gerund]
}

/// A regex alternation of all forms of `base`, longest first.
pub(crate) fn alternation(base: &str, irregular: &HashMap<String, Forms>) -> String {
    let forms = irregular
        .get(base)
        .cloned()
        .unwrap_or_else(|| regular(base));
    let mut unique: Vec<&String> = forms.iter().collect();
    unique.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    unique.dedup();
    format!(
        "(?:{})",
        unique
            .iter()
            .map(|f| regex::escape(f))
            .collect::<Vec<_>>()
            .join("|")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_spelling_rules() {
        assert_eq!(
            regular("seize"),
            ["seize", "seizes", "seized", "seized", "seizing"].map(String::from)
        );
        assert_eq!(
            regular("carry"),
            ["carry", "carries", "carried", "carried", "carrying"].map(String::from)
        );
        assert_eq!(
            regular("attack"),
            ["attack", "attacks", "attacked", "attacked", "attacking"].map(String::from)
        );
        assert_eq!(regular("flee")[4], "fleeing");
        assert_eq!(regular("clash")[1], "clashes");
        assert_eq!(regular("destroy")[2], "destroyed");
    }

    #[test]
    fn alternation_prefers_long_forms() {
        let irregular = HashMap::from([(
            "take".to_string(),
            ["take", "takes", "took", "taken", "taking"].map(String::from),
        )]);
        assert_eq!(
            alternation("take", &irregular),
            "(?:taking|taken|takes|take|took)"
        );
    }
}
