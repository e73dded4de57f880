//! The mainstreaming outlook: an ordinal band read from the seven domain levels, following the
//! published finding that complicated programmes were hard but possible, while those complex in
//! several domains rarely if ever became mainstream. The thresholds are the team's design; they
//! and their reasons are in `docs/model.md`, and the five invariants of the spec are property
//! tests in `tests/invariants.rs`.
//!
//! Let `x` be the number of complex domains and `k` the number at least complicated:
//!
//! | pattern                          | band            |
//! |----------------------------------|-----------------|
//! | all simple (`k = 0`)             | very likely     |
//! | `x = 0`, `k` 1–3                 | likely          |
//! | `x = 0`, `k` 4–7                 | possible        |
//! | `x = 1`, any `k`                 | possible        |
//! | `x` 2–3                          | unlikely        |
//! | `x` ≥ 4                          | very unlikely   |
//!
//! The band never improves as `x` or `k` grows, which is what makes it monotone. An earlier
//! line, "`x = 1`, `k` ≥ 5: unlikely", had no published source and was removed (issue 9; see
//! `docs/model.md`): with one complex domain the band follows the research note's "at risk, spread
//! possible with support", however many other domains are complicated.

use crate::classify::DomainClass;
use crate::model::{Complexity, Domain};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A level for each of the seven domains, in [`Domain::ALL`] order.
pub type Profile = [Complexity; 7];

/// How likely the innovation is to be mainstreamed, best first. The derived order runs from
/// best (`VeryLikely`) to worst (`VeryUnlikely`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    VeryLikely,
    Likely,
    Possible,
    Unlikely,
    VeryUnlikely,
}

impl Band {
    pub const ALL: [Band; 5] = [
        Band::VeryLikely,
        Band::Likely,
        Band::Possible,
        Band::Unlikely,
        Band::VeryUnlikely,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Band::VeryLikely => "very_likely",
            Band::Likely => "likely",
            Band::Possible => "possible",
            Band::Unlikely => "unlikely",
            Band::VeryUnlikely => "very_unlikely",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::VeryLikely => "Very likely",
            Band::Likely => "Likely",
            Band::Possible => "Possible",
            Band::Unlikely => "Unlikely",
            Band::VeryUnlikely => "Very unlikely",
        }
    }

    /// What the band means for a person planning or reviewing the innovation.
    pub fn meaning(self) -> &'static str {
        match self {
            Band::VeryLikely => "Nothing here stands in the way of scaling, spreading and sustaining the innovation, if the ordinary implementation work is done.",
            Band::Likely => "Good prospects: a few domains are complicated and need planning and project management, but none is complex.",
            Band::Possible => "Achievable but effortful: many complicated domains, or one complex domain, call for sustained work and support.",
            Band::Unlikely => "Complex in several domains: programmes like this rarely become mainstream unless that complexity is reduced.",
            Band::VeryUnlikely => "Complex in most domains: consider rethinking the scope before investing further.",
        }
    }

    /// 0 for the best band, 4 for the worst.
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// The band one better, if there is one.
    pub fn better(self) -> Option<Band> {
        Band::ALL
            .get((self.rank() as usize).checked_sub(1)?)
            .copied()
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The band for a fully known profile.
pub fn band(profile: &Profile) -> Band {
    let complex = count(profile, Complexity::Complex);
    let at_least_complicated = complex + count(profile, Complexity::Complicated);
    match (complex, at_least_complicated) {
        (0, 0) => Band::VeryLikely,
        (0, 1..=3) => Band::Likely,
        (0, _) => Band::Possible,
        (1, _) => Band::Possible,
        (2..=3, _) => Band::Unlikely,
        _ => Band::VeryUnlikely,
    }
}

/// How many domains of a profile are at a level.
pub fn count(profile: &Profile, level: Complexity) -> usize {
    profile.iter().filter(|&&l| l == level).count()
}

/// The outlook for classified domains: a best and a worst band, and where they differ, which
/// unknown domains matter most.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outlook {
    /// The band with every unknown read as simple.
    pub best: Band,
    /// The band with every unknown read as complex.
    pub worst: Band,
    /// Every domain that is still a range, the most consequential first: those that alone
    /// could pull the outlook furthest down lead. (Reports carry these with their names, as
    /// `Report::pivotal`, so they are not serialised twice.)
    #[serde(skip)]
    pub pivotal: Vec<Pivot>,
}

/// An uncertain domain and how far it alone could pull the outlook down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pivot {
    pub domain: Domain,
    /// The band if this domain turned out at its worst and every other at its best.
    pub band_if_worst: Band,
}

impl Outlook {
    pub fn is_uncertain(&self) -> bool {
        self.best != self.worst
    }

    /// The band name, or `uncertain` where best and worst differ (as in the batch CSV).
    pub fn key(&self) -> &'static str {
        match self.is_uncertain() {
            true => "uncertain",
            false => self.best.key(),
        }
    }
}

/// The best-case profile of classified domains.
pub fn best_profile(classes: &[DomainClass; 7]) -> Profile {
    std::array::from_fn(|index| classes[index].range.best)
}

/// The worst-case profile of classified domains.
pub fn worst_profile(classes: &[DomainClass; 7]) -> Profile {
    std::array::from_fn(|index| classes[index].range.worst)
}

pub fn outlook(classes: &[DomainClass; 7]) -> Outlook {
    let best_case = best_profile(classes);
    let best = band(&best_case);
    let worst = band(&worst_profile(classes));
    let mut pivotal: Vec<Pivot> = classes
        .iter()
        .filter(|class| !class.range.is_exact())
        .map(|class| {
            let mut profile = best_case;
            profile[class.domain.index()] = class.range.worst;
            Pivot {
                domain: class.domain,
                band_if_worst: band(&profile),
            }
        })
        .collect();
    pivotal.sort_by_key(|pivot| (std::cmp::Reverse(pivot.band_if_worst), pivot.domain));
    Outlook {
        best,
        worst,
        pivotal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Complexity::{Complex as X, Complicated as C, Simple as S};

    #[test]
    fn table() {
        assert_eq!(band(&[S; 7]), Band::VeryLikely);
        assert_eq!(band(&[C, C, C, S, S, S, S]), Band::Likely);
        assert_eq!(band(&[C, C, C, C, S, S, S]), Band::Possible);
        assert_eq!(band(&[X, S, S, S, S, S, S]), Band::Possible);
        assert_eq!(band(&[X, C, C, C, C, S, S]), Band::Possible);
        assert_eq!(band(&[X, C, C, C, C, C, C]), Band::Possible);
        assert_eq!(band(&[X, X, S, S, S, S, S]), Band::Unlikely);
        assert_eq!(band(&[X, X, X, C, C, C, C]), Band::Unlikely);
        assert_eq!(band(&[X, X, X, X, S, S, S]), Band::VeryUnlikely);
    }

    #[test]
    fn better() {
        assert_eq!(Band::VeryLikely.better(), None);
        assert_eq!(Band::VeryUnlikely.better(), Some(Band::Unlikely));
    }
}
