//! How far a team's raters agree: Krippendorff's alpha (any number of raters, missing ratings
//! allowed) beside raw percent agreement. The statistic is general over integer-coded values
//! and three metrics (nominal, ordinal, interval) so it can be checked against published worked
//! examples; a team assessment uses the ordinal metric over simple < complicated < complex, with
//! "not sure yet" and unrated items as missing.
//!
//! Following Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", University of
//! Pennsylvania (repository.upenn.edu/asc_papers/43): build the coincidence matrix from every
//! unit with at least two values, then `alpha = 1 - (n - 1) * sum(o_ck d_ck) / sum(n_c n_k d_ck)`.

use serde::Serialize;

/// How differences between two values count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Any difference counts the same.
    Nominal,
    /// Differences count by how many values lie between them, weighted by how often they are
    /// used (the right metric for simple < complicated < complex).
    Ordinal,
    /// Differences count by their squared size.
    Interval,
}

/// Why alpha cannot be worked out for some data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Undefined {
    /// No item has levels from two or more raters, so there is nothing to compare.
    TooFewPairs,
    /// Every level given is the same one: there is no variation for agreement to beat chance
    /// on (raw agreement is then complete).
    NoVariation,
}

/// Krippendorff's alpha for reliability data: one row per rater, one column per unit, `None`
/// where a rater gave no value. Values are integer codes (for the ordinal metric, in order).
pub fn alpha(data: &[Vec<Option<i64>>], metric: Metric) -> Result<f64, Undefined> {
    let mut values: Vec<i64> = data.iter().flatten().flatten().copied().collect();
    values.sort_unstable();
    values.dedup();
    let index = |v: i64| values.binary_search(&v).unwrap_or(0);
    let units = data.iter().map(Vec::len).max().unwrap_or(0);
    let size = values.len();
    let mut coincidence = vec![vec![0.0f64; size]; size];
    let mut pairable = false;
    for unit in 0..units {
        let present: Vec<usize> = data
            .iter()
            .filter_map(|row| row.get(unit).copied().flatten())
            .map(index)
            .collect();
        let m = present.len();
        if m < 2 {
            continue;
        }
        pairable = true;
        let weight = 1.0 / (m as f64 - 1.0);
        for (i, &c) in present.iter().enumerate() {
            for (j, &k) in present.iter().enumerate() {
                if i != j {
                    coincidence[c][k] += weight;
                }
            }
        }
    }
    if !pairable {
        return Err(Undefined::TooFewPairs);
    }
    let marginals: Vec<f64> = coincidence.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = marginals.iter().sum();
    let delta = |c: usize, k: usize| -> f64 {
        match metric {
            Metric::Nominal => f64::from(u8::from(c != k)),
            Metric::Ordinal => {
                let (low, high) = (c.min(k), c.max(k));
                let between: f64 = marginals[low..=high].iter().sum();
                (between - (marginals[low] + marginals[high]) / 2.0).powi(2)
            }
            Metric::Interval => ((values[c] - values[k]) as f64).powi(2),
        }
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..size {
        for k in 0..size {
            let d = delta(c, k);
            observed += coincidence[c][k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    if expected == 0.0 {
        return Err(Undefined::NoVariation);
    }
    Ok(1.0 - (n - 1.0) * observed / expected)
}

/// Raw percent agreement: of all pairs of values two raters gave the same unit, the share that
/// match, as a fraction from 0 to 1; `None` when no unit has two values.
pub fn pairwise_agreement(data: &[Vec<Option<i64>>]) -> Option<f64> {
    let units = data.iter().map(Vec::len).max().unwrap_or(0);
    let mut pairs = 0usize;
    let mut matching = 0usize;
    for unit in 0..units {
        let present: Vec<i64> = data
            .iter()
            .filter_map(|row| row.get(unit).copied().flatten())
            .collect();
        for (i, a) in present.iter().enumerate() {
            for b in &present[i + 1..] {
                pairs += 1;
                matching += usize::from(a == b);
            }
        }
    }
    (pairs > 0).then(|| matching as f64 / pairs as f64)
}

/// Krippendorff's reading of alpha, for plain words: the thresholds of his Content Analysis
/// (2004, 2nd edition, p. 241): rely on alpha of at least 0.800, draw only tentative conclusions
/// from 0.667 to 0.800, and below that the data are not reliable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Alpha at least 0.800.
    Reliable,
    /// Alpha from 0.667 to under 0.800.
    Tentative,
    /// Alpha under 0.667.
    Low,
}

impl Reading {
    pub fn of(alpha: f64) -> Reading {
        match alpha {
            a if a >= 0.8 => Reading::Reliable,
            a if a >= 0.667 => Reading::Tentative,
            _ => Reading::Low,
        }
    }
}

/// Where the plain-words reading comes from.
pub const READING_SOURCE: &str = "Krippendorff K. Content Analysis: An Introduction to Its Methodology. 2nd ed. Sage, 2004, p. 241";

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(data: &[&[Option<i64>]]) -> Vec<Vec<Option<i64>>> {
        data.iter().map(|row| row.to_vec()).collect()
    }

    const N: Option<i64> = None;

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
    /// observers, twelve units, values 1 to 5 with missing data. He gives alpha = 0.743
    /// (nominal), 0.815 (ordinal) and 0.849 (interval); the `krippendorff` Python package
    /// (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py, `test_ordinal_metric`)
    /// checks the same data for 0.815.
    fn krippendorff_2011() -> Vec<Vec<Option<i64>>> {
        let s = Some;
        rows(&[
            &[
                s(1),
                s(2),
                s(3),
                s(3),
                s(2),
                s(1),
                s(4),
                s(1),
                s(2),
                N,
                N,
                N,
            ],
            &[
                s(1),
                s(2),
                s(3),
                s(3),
                s(2),
                s(2),
                s(4),
                s(1),
                s(2),
                s(5),
                N,
                s(3),
            ],
            &[
                N,
                s(3),
                s(3),
                s(3),
                s(2),
                s(3),
                s(4),
                s(2),
                s(2),
                s(5),
                s(1),
                N,
            ],
            &[
                s(1),
                s(2),
                s(3),
                s(3),
                s(2),
                s(4),
                s(4),
                s(1),
                s(2),
                s(5),
                s(1),
                N,
            ],
        ])
    }

    /// The example on Wikipedia's "Krippendorff's alpha" page (a computational example), three
    /// coders and fifteen units, as tested in the same package: nominal 0.691358 and interval
    /// 0.810845 (`test_nominal_metric_reliability_data`, `test_interval_metric`).
    fn wikipedia() -> Vec<Vec<Option<i64>>> {
        let s = Some;
        rows(&[
            &[
                N,
                N,
                N,
                N,
                N,
                s(3),
                s(4),
                s(1),
                s(2),
                s(1),
                s(1),
                s(3),
                s(3),
                N,
                s(3),
            ],
            &[
                s(1),
                N,
                s(2),
                s(1),
                s(3),
                s(3),
                s(4),
                s(3),
                N,
                N,
                N,
                N,
                N,
                N,
                N,
            ],
            &[
                N,
                N,
                s(2),
                s(1),
                s(3),
                s(4),
                s(4),
                N,
                s(2),
                s(1),
                s(1),
                s(3),
                s(3),
                N,
                s(4),
            ],
        ])
    }

    fn round(value: f64, places: i32) -> f64 {
        let scale = 10f64.powi(places);
        (value * scale).round() / scale
    }

    #[test]
    fn krippendorffs_own_example() {
        let data = krippendorff_2011();
        assert_eq!(round(alpha(&data, Metric::Ordinal).unwrap(), 3), 0.815);
        assert_eq!(round(alpha(&data, Metric::Nominal).unwrap(), 3), 0.743);
        assert_eq!(round(alpha(&data, Metric::Interval).unwrap(), 3), 0.849);
    }

    #[test]
    fn the_wikipedia_example() {
        let data = wikipedia();
        assert_eq!(round(alpha(&data, Metric::Nominal).unwrap(), 6), 0.691358);
        assert_eq!(round(alpha(&data, Metric::Interval).unwrap(), 6), 0.810845);
    }

    #[test]
    fn undefined_cases() {
        let s = Some;
        assert_eq!(
            alpha(&rows(&[&[s(1), N], &[N, s(2)]]), Metric::Ordinal),
            Err(Undefined::TooFewPairs)
        );
        assert_eq!(
            alpha(&rows(&[&[s(1), s(1)], &[s(1), s(1)]]), Metric::Ordinal),
            Err(Undefined::NoVariation)
        );
        assert_eq!(pairwise_agreement(&rows(&[&[s(1), N], &[N, s(2)]])), None);
    }

    #[test]
    fn percent_agreement_counts_pairs() {
        let s = Some;
        // Unit 1: three raters agree (3 of 3 pairs); unit 2: 1 of 3 pairs match.
        let data = rows(&[&[s(1), s(1)], &[s(1), s(1)], &[s(1), s(2)]]);
        assert_eq!(pairwise_agreement(&data), Some(4.0 / 6.0));
    }

    #[test]
    fn readings() {
        assert_eq!(Reading::of(0.815), Reading::Reliable);
        assert_eq!(Reading::of(0.7), Reading::Tentative);
        assert_eq!(Reading::of(0.2), Reading::Low);
    }

    proptest::proptest! {
        /// When every rater gives every unit the same value (with gaps anywhere), alpha is 1
        /// wherever it is defined, and raw agreement is complete.
        #[test]
        fn alpha_is_one_when_all_raters_agree(
            units in proptest::collection::vec(0i64..3, 2..25),
            gaps in proptest::collection::vec(proptest::collection::vec(proptest::bool::weighted(0.2), 25), 2..8),
        ) {
            let data: Vec<Vec<Option<i64>>> = gaps
                .iter()
                .map(|gap| units.iter().zip(gap).map(|(v, g)| (!g).then_some(*v)).collect())
                .collect();
            match alpha(&data, Metric::Ordinal) {
                Ok(value) => proptest::prop_assert!((value - 1.0).abs() < 1e-12, "{}", value),
                Err(Undefined::NoVariation | Undefined::TooFewPairs) => {}
            }
            if let Some(share) = pairwise_agreement(&data) {
                proptest::prop_assert_eq!(share, 1.0);
            }
        }

        /// With no gaps and at least two different values across units, alpha is defined and 1.
        #[test]
        fn alpha_is_defined_and_one_with_full_agreement(
            units in proptest::collection::vec(0i64..3, 2..25),
            raters in 2usize..10,
        ) {
            let mut units = units;
            units[0] = 0;
            units[1] = 2;
            let data = vec![units.iter().copied().map(Some).collect::<Vec<_>>(); raters];
            proptest::prop_assert_eq!(alpha(&data, Metric::Ordinal), Ok(1.0));
        }
    }
}
