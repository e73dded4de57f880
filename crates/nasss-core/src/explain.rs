//! Why the outlook is what it is: the domains that drive it, and what would change it (the
//! smallest reductions in domain levels that move the outlook up at least one band). Both are
//! read from the best-case profile, the levels the ratings actually show; unknowns are handled
//! by the outlook's range and its pivotal domains.

use crate::model::{Complexity, Domain};
use crate::outlook::{band, Band, Profile};
use serde::Serialize;

/// The domains at the most complex level present (complex, else complicated), in order.
pub fn drivers(profile: &Profile) -> Vec<Domain> {
    let top = profile.iter().copied().max().unwrap_or(Complexity::Simple);
    match top {
        Complexity::Simple => Vec::new(),
        Complexity::Complicated | Complexity::Complex => Domain::ALL
            .into_iter()
            .filter(|domain| profile[domain.index()] == top)
            .collect(),
    }
}

/// One way to improve the outlook: a set of domain moves and the band they reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub moves: Vec<Move>,
    pub band: Band,
}

/// One domain made less complex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Move {
    pub domain: Domain,
    pub from: Complexity,
    pub to: Complexity,
}

/// How many alternatives [`changes`] lists at most.
pub const MAX_CHANGES: usize = 6;

/// The cheapest ways (fewest steps down the simple–complicated–complex scale) to reach a better
/// band than `profile` has; empty when it is already at the best band. Alternatives reaching a
/// better band come first.
pub fn changes(profile: &Profile) -> Vec<Change> {
    let current = band(profile);
    let mut cheapest: Option<u8> = None;
    let mut found: Vec<(Profile, Band)> = Vec::new();
    for candidate in lower_profiles(profile) {
        let reached = band(&candidate);
        if reached >= current {
            continue;
        }
        let cost: u8 = Domain::ALL
            .iter()
            .map(|d| profile[d.index()].steps_to(candidate[d.index()]))
            .sum();
        match cheapest.map(|c| cost.cmp(&c)) {
            Some(std::cmp::Ordering::Greater) => continue,
            Some(std::cmp::Ordering::Less) | None => {
                cheapest = Some(cost);
                found.clear();
            }
            Some(std::cmp::Ordering::Equal) => {}
        }
        found.push((candidate, reached));
    }
    let changed = |candidate: &Profile| -> Vec<usize> {
        (0..7).filter(|&i| candidate[i] != profile[i]).collect()
    };
    found.sort_by_key(|(candidate, reached)| (*reached, changed(candidate), *candidate));
    found
        .into_iter()
        .take(MAX_CHANGES)
        .map(|(candidate, reached)| Change {
            moves: Domain::ALL
                .into_iter()
                .filter(|d| candidate[d.index()] != profile[d.index()])
                .map(|d| Move {
                    domain: d,
                    from: profile[d.index()],
                    to: candidate[d.index()],
                })
                .collect(),
            band: reached,
        })
        .collect()
}

/// Every profile with each domain at or below its level in `profile`.
fn lower_profiles(profile: &Profile) -> Vec<Profile> {
    let mut out = vec![[Complexity::Simple; 7]];
    for domain in Domain::ALL {
        let allowed: Vec<Complexity> = Complexity::ALL
            .into_iter()
            .filter(|level| *level <= profile[domain.index()])
            .collect();
        out = out
            .into_iter()
            .flat_map(|partial| {
                allowed.iter().map(move |level| {
                    let mut next = partial;
                    next[domain.index()] = *level;
                    next
                })
            })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Complexity::{Complex as X, Complicated as C, Simple as S};

    #[test]
    fn drivers_are_the_most_complex_domains() {
        assert_eq!(drivers(&[S; 7]), vec![]);
        assert_eq!(
            drivers(&[C, X, S, X, C, S, S]),
            vec![Domain::Technology, Domain::AdopterSystem]
        );
        assert_eq!(
            drivers(&[C, S, S, S, S, S, C]),
            vec![Domain::Condition, Domain::EmbeddingAdaptation]
        );
    }

    #[test]
    fn best_band_has_no_changes() {
        assert!(changes(&[S; 7]).is_empty());
    }

    #[test]
    fn one_complex_domain_one_step() {
        // Possible (x=1); making the complex domain complicated gives Likely.
        let found = changes(&[X, S, S, S, S, S, S]);
        assert_eq!(
            found,
            vec![Change {
                moves: vec![Move {
                    domain: Domain::Condition,
                    from: X,
                    to: C
                }],
                band: Band::Likely
            }]
        );
    }

    #[test]
    fn two_complex_domains_need_one_of_them_reduced() {
        let found = changes(&[X, X, S, S, S, S, S]);
        assert_eq!(found.len(), 2);
        assert!(found
            .iter()
            .all(|change| change.moves.len() == 1 && change.band == Band::Possible));
    }
}
