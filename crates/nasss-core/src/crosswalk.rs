//! The social-care crosswalk: which of the SCIE scaling factors (seed 004) and the EXIT study's
//! ingredients (seed 000) an assessment has covered, which it has missed, and which look like a
//! concern. Each factor names the NASSS sub-domains whose ratings speak to it
//! (`data/crosswalk.toml`); a factor is covered when those sub-domains have known levels.

use crate::assessment::Assessment;
use crate::bank::bank;
use crate::factor::{Factor, FactorSource};
use crate::model::{Complexity, SubDomain};
use serde::Serialize;

/// How far the assessment speaks to one factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorCoverage {
    pub factor: Factor,
    pub source: FactorSource,
    pub name: String,
    pub description: String,
    pub basis: String,
    pub coverage: Coverage,
    /// The sub-domains that speak to this factor but are not rated yet.
    pub missing: Vec<SubDomain>,
    /// The most complex level among the rated sub-domains, if any are rated.
    pub highest: Option<Complexity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    Covered,
    Partly,
    NotCovered,
}

impl Coverage {
    pub fn label(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partly => "partly covered",
            Coverage::NotCovered => "not covered",
        }
    }
}

pub fn crosswalk(assessment: &Assessment) -> Vec<FactorCoverage> {
    bank()
        .factors
        .iter()
        .map(|content| {
            let levels: Vec<(SubDomain, Option<Complexity>)> = content
                .sub_domains
                .iter()
                .map(|&sub| (sub, assessment.effective_level(sub)))
                .collect();
            let missing: Vec<SubDomain> = levels
                .iter()
                .filter(|(_, l)| l.is_none())
                .map(|(s, _)| *s)
                .collect();
            let coverage = match (missing.len(), levels.len()) {
                (0, _) => Coverage::Covered,
                (m, n) if m == n => Coverage::NotCovered,
                _ => Coverage::Partly,
            };
            FactorCoverage {
                factor: content.id,
                source: content.source,
                name: content.name.clone(),
                description: content.description.clone(),
                basis: content.basis.clone(),
                coverage,
                missing,
                highest: levels.iter().filter_map(|(_, l)| *l).max(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Mode, Rating};
    use crate::model::Level;

    #[test]
    fn empty_assessment_covers_nothing() {
        let assessment = Assessment::new("t");
        assert!(crosswalk(&assessment)
            .iter()
            .all(|f| f.coverage == Coverage::NotCovered && f.highest.is_none()));
    }

    #[test]
    fn quick_ratings_cover_every_factor() {
        let assessment = Assessment::quick("t", [Level::Complicated; 7]);
        for factor in crosswalk(&assessment) {
            assert_eq!(factor.coverage, Coverage::Covered, "{:?}", factor.factor);
            assert_eq!(factor.highest, Some(Complexity::Complicated));
        }
    }

    #[test]
    fn one_sub_domain_partly_covers() {
        let mut assessment = Assessment::new("t");
        assessment.mode = Mode::Full;
        let factor = &bank().factors[0];
        assessment
            .ratings
            .insert(factor.sub_domains[0], Rating::new(Level::Complex));
        let found = crosswalk(&assessment);
        let expected = match factor.sub_domains.len() {
            1 => Coverage::Covered,
            _ => Coverage::Partly,
        };
        assert_eq!(found[0].coverage, expected);
        assert_eq!(found[0].highest, Some(Complexity::Complex));
    }
}
