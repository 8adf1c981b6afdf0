/*!
TempEval-3 Task A scoring of time expressions, as the official scorer
(`tools/evaluation-entities/evaluate_entities.py`) defines it.

Gold and system expressions are paired one to one where they overlap (the
official TimeML normaliser gives overlapping entities one id); gold
expressions are taken in text order, each with the first unpaired system
expression it overlaps. Then, summed over documents:

- relaxed span precision and recall: paired expressions over system and gold counts;
- strict span: pairs whose texts are identical;
- type and value accuracy: pairs that agree, over all pairs;
- type and value F1 (the official "attribute F1"): accuracy times relaxed F1.
*/

use serde::Serialize;

use super::timeml::Timex;

/// How the gold and system expressions of one document pair up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    /// `(gold index, system index)` of each pair.
    pub pairs: Vec<(usize, usize)>,
    /// Gold expressions no system expression overlaps.
    pub missed: Vec<usize>,
    /// System expressions no gold expression overlaps.
    pub spurious: Vec<usize>,
}

/// Pairs overlapping expressions one to one, gold in text order.
pub fn align(gold: &[Timex], system: &[Timex]) -> Alignment {
    let mut taken = vec![false; system.len()];
    let mut alignment = Alignment::default();
    for (gold_idx, gold_timex) in gold.iter().enumerate() {
        let partner = system
            .iter()
            .enumerate()
            .find(|(system_idx, system_timex)| {
                !taken[*system_idx] && system_timex.span.overlaps(gold_timex.span)
            });
        match partner {
            Some((system_idx, _)) => {
                taken[system_idx] = true;
                alignment.pairs.push((gold_idx, system_idx));
            }
            None => alignment.missed.push(gold_idx),
        }
    }
    alignment.spurious = taken
        .iter()
        .enumerate()
        .filter(|(_, taken)| !**taken)
        .map(|(idx, _)| idx)
        .collect();
    alignment
}

/// Counts over any number of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TimexCounts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Overlapping pairs.
    pub relaxed: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// Pairs with the same type.
    pub type_agrees: usize,
    /// Pairs with the same value.
    pub value_agrees: usize,
}

impl TimexCounts {
    /// The counts of one document.
    pub fn of(gold: &[Timex], system: &[Timex], alignment: &Alignment) -> TimexCounts {
        let mut counts = TimexCounts {
            gold: gold.len(),
            system: system.len(),
            ..TimexCounts::default()
        };
        for &(gold_idx, system_idx) in &alignment.pairs {
            let (gold_timex, system_timex) = (&gold[gold_idx], &system[system_idx]);
            counts.relaxed += 1;
            counts.strict += usize::from(gold_timex.span == system_timex.span);
            counts.type_agrees += usize::from(
                gold_timex.timex_type.is_some() && gold_timex.timex_type == system_timex.timex_type,
            );
            counts.value_agrees += usize::from(gold_timex.value == system_timex.value);
        }
        counts
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: &TimexCounts) {
        self.gold += other.gold;
        self.system += other.system;
        self.relaxed += other.relaxed;
        self.strict += other.strict;
        self.type_agrees += other.type_agrees;
        self.value_agrees += other.value_agrees;
    }

    /// The scores these counts give.
    pub fn scores(&self) -> TimexScores {
        let ratio = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64
            }
        };
        let f1 = |p: f64, r: f64| {
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        let strict = Prf::new(
            ratio(self.strict, self.system),
            ratio(self.strict, self.gold),
            f1,
        );
        let relaxed = Prf::new(
            ratio(self.relaxed, self.system),
            ratio(self.relaxed, self.gold),
            f1,
        );
        let type_accuracy = ratio(self.type_agrees, self.relaxed);
        let value_accuracy = ratio(self.value_agrees, self.relaxed);
        TimexScores {
            strict,
            relaxed,
            type_accuracy,
            value_accuracy,
            type_f1: type_accuracy * relaxed.f1,
            value_f1: value_accuracy * relaxed.f1,
        }
    }
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64, f1: impl Fn(f64, f64) -> f64) -> Prf {
        Prf {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

/// TempEval-3 Task A figures for time expressions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TimexScores {
    /// Identical spans.
    pub strict: Prf,
    /// Overlapping spans.
    pub relaxed: Prf,
    /// Same type, over overlapping pairs.
    pub type_accuracy: f64,
    /// Same value, over overlapping pairs.
    pub value_accuracy: f64,
    /// Type accuracy times relaxed F1.
    pub type_f1: f64,
    /// Value accuracy times relaxed F1.
    pub value_f1: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::time::TimexType;

    fn timex(start: usize, end: usize, value: &str) -> Timex {
        Timex {
            span: Span::new(start, end),
            timex_type: Some(TimexType::Date),
            value: value.to_string(),
        }
    }

    #[test]
    fn pairs_are_one_to_one_and_scores_follow_the_official_definitions() {
        let gold = [
            timex(0, 10, "1998-01-08"),
            timex(20, 30, "P1W"),
            timex(40, 45, "1998"),
        ];
        let system = [
            timex(0, 10, "1998-01-08"),
            timex(22, 30, "P2W"),
            timex(25, 28, "P1W"),
            timex(60, 70, "1999"),
        ];
        let alignment = align(&gold, &system);
        assert_eq!(alignment.pairs, vec![(0, 0), (1, 1)]);
        assert_eq!(alignment.missed, vec![2]);
        assert_eq!(alignment.spurious, vec![2, 3]);
        let counts = TimexCounts::of(&gold, &system, &alignment);
        assert_eq!(
            (counts.relaxed, counts.strict, counts.value_agrees),
            (2, 1, 1)
        );
        let scores = counts.scores();
        assert!((scores.relaxed.precision - 0.5).abs() < 1e-9);
        assert!((scores.relaxed.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((scores.value_f1 - 0.5 * scores.relaxed.f1).abs() < 1e-9);
        assert!((scores.strict.f1 - 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)).abs() < 1e-9);
    }
}
