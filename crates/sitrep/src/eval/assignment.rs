/*!
One-to-one assignment of system records to gold records.

Two strategies: [`greedy`], which `CONTRACT.md` describes (gold records in file
order each take the first free system record that matches), and
[`maximum_weight`], the Hungarian algorithm, which finds the largest number of
matched pairs and, among those, the pairs that agree best. Greedy can miss
pairs: a gold record that could match two system records takes the one a later
gold record needed.
*/

/// Pairs `(gold, system)` chosen by the contract's greedy rule. `weights[gold][system] > 0`
/// means the two match.
pub fn greedy(weights: &[Vec<i64>]) -> Vec<(usize, usize)> {
    let n_system = weights.first().map_or(0, Vec::len);
    let mut taken = vec![false; n_system];
    let mut pairs = Vec::new();
    for (gold_idx, row) in weights.iter().enumerate() {
        if let Some(system_idx) = (0..n_system).find(|&s| !taken[s] && row[s] > 0) {
            taken[system_idx] = true;
            pairs.push((gold_idx, system_idx));
        }
    }
    pairs
}

/// Pairs `(gold, system)` of greatest total weight; zero-weight cells are not pairs.
/// Give every real pair a weight larger than any sum of tie-breaking bonuses to make the
/// result a maximum-cardinality matching first.
pub fn maximum_weight(weights: &[Vec<i64>]) -> Vec<(usize, usize)> {
    let n_gold = weights.len();
    let n_system = weights.first().map_or(0, Vec::len);
    let size = n_gold.max(n_system);
    if size == 0 {
        return Vec::new();
    }
    let cost = |row: usize, col: usize| -> i64 {
        if row < n_gold && col < n_system {
            -weights[row][col]
        } else {
            0
        }
    };
    // Kuhn-Munkres with potentials over a square matrix, 1-based as in the classic form.
    let inf = i64::MAX / 4;
    let mut row_potential = vec![0i64; size + 1];
    let mut col_potential = vec![0i64; size + 1];
    let mut row_of_col = vec![0usize; size + 1];
    let mut way = vec![0usize; size + 1];
    for row in 1..=size {
        row_of_col[0] = row;
        let mut col0 = 0usize;
        let mut min_slack = vec![inf; size + 1];
        let mut used = vec![false; size + 1];
        loop {
            used[col0] = true;
            let row0 = row_of_col[col0];
            let mut delta = inf;
            let mut col1 = 0usize;
            for col in 1..=size {
                if used[col] {
                    continue;
                }
                let slack = cost(row0 - 1, col - 1) - row_potential[row0] - col_potential[col];
                if slack < min_slack[col] {
                    min_slack[col] = slack;
                    way[col] = col0;
                }
                if min_slack[col] < delta {
                    delta = min_slack[col];
                    col1 = col;
                }
            }
            for col in 0..=size {
                if used[col] {
                    row_potential[row_of_col[col]] += delta;
                    col_potential[col] -= delta;
                } else {
                    min_slack[col] -= delta;
                }
            }
            col0 = col1;
            if row_of_col[col0] == 0 {
                break;
            }
        }
        loop {
            let col1 = way[col0];
            row_of_col[col0] = row_of_col[col1];
            col0 = col1;
            if col0 == 0 {
                break;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = (1..=size)
        .filter_map(|col| {
            let (gold_idx, system_idx) = (row_of_col[col] - 1, col - 1);
            (gold_idx < n_gold && system_idx < n_system && weights[gold_idx][system_idx] > 0)
                .then_some((gold_idx, system_idx))
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_takes_what_a_later_gold_record_needed() {
        // Gold 0 matches system 0 and 1; gold 1 matches only system 0.
        let weights = vec![vec![1, 1], vec![1, 0]];
        assert_eq!(greedy(&weights), vec![(0, 0)]);
        assert_eq!(maximum_weight(&weights), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn maximum_weight_prefers_agreeing_pairs_among_maximum_matchings() {
        let weights = vec![vec![1000, 1002], vec![1001, 1000]];
        assert_eq!(maximum_weight(&weights), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn rectangular_and_empty_inputs() {
        assert!(maximum_weight(&[]).is_empty());
        assert!(maximum_weight(&[vec![], vec![]]).is_empty());
        assert_eq!(maximum_weight(&[vec![0, 0, 5]]), vec![(0, 2)]);
        assert_eq!(maximum_weight(&[vec![0], vec![3], vec![4]]), vec![(2, 0)]);
        assert!(maximum_weight(&[vec![0, 0], vec![0, 0]]).is_empty());
    }

    #[test]
    fn maximum_weight_is_never_smaller_than_greedy() {
        // A deterministic sweep over small random-looking 0/1 matrices.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            let rows = (state % 5) as usize + 1;
            let cols = ((state >> 8) % 5) as usize + 1;
            let weights: Vec<Vec<i64>> = (0..rows)
                .map(|_| {
                    (0..cols)
                        .map(|_| {
                            state ^= state << 13;
                            state ^= state >> 7;
                            state ^= state << 17;
                            i64::from(state % 3 == 0)
                        })
                        .collect()
                })
                .collect();
            let best = maximum_weight(&weights);
            assert!(best.len() >= greedy(&weights).len());
            assert!(best.iter().all(|&(g, s)| weights[g][s] > 0));
        }
    }
}
