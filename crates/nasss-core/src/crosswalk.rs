//! The social-care crosswalk: which of the SCIE scaling factors (seed 004), the EXIT study's
//! ingredients (seed 000), SCIE's conditions for innovation (seed 003), the SASCI capabilities
//! (seed 002) and the Innovate Project's tests for children's social care (seed 001) an assessment
//! has covered, which it has missed, and which look like a concern. Each factor names the NASSS
//! sub-domains whose ratings speak to it (`data/crosswalk.toml`); a factor is covered when those
//! sub-domains have known levels.

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
    fn complexity_is_covered_only_when_every_domain_is_rated() {
        let found = |assessment: &Assessment| {
            crosswalk(assessment)
                .into_iter()
                .find(|f| f.factor == Factor::ScieComplexity)
                .map(|f| f.coverage)
        };
        let mut levels = [Level::Simple; 7];
        levels[6] = Level::Unknown;
        assert_eq!(
            found(&Assessment::quick("t", levels)),
            Some(Coverage::Partly)
        );
        assert_eq!(
            found(&Assessment::quick("t", [Level::Simple; 7])),
            Some(Coverage::Covered)
        );
        let mut full = Assessment::new("t");
        full.mode = Mode::Full;
        for sub in SubDomain::ALL {
            full.ratings.insert(sub, Rating::new(Level::Complicated));
        }
        assert_eq!(found(&full), Some(Coverage::Covered));
        full.ratings.remove(&SubDomain::S6D);
        assert_eq!(found(&full), Some(Coverage::Partly));
    }

    #[test]
    fn mappings_reach_the_questions_that_ask_about_them() {
        let maps = |factor: Factor, subs: &[SubDomain]| {
            let mapped = &bank().factor(factor).sub_domains;
            for sub in subs {
                assert!(mapped.contains(sub), "{factor:?} should map to {sub}");
            }
        };
        use SubDomain as S;
        // 4B asks whether the people served shaped the innovation and keep a say in it.
        maps(Factor::ScieCoProduction, &[S::S4B, S::S5C]);
        maps(Factor::ExitCoProduction, &[S::S4B]);
        maps(Factor::ConditionsCoProduction, &[S::S4B]);
        maps(
            Factor::ScieResourcesDoubleRunning,
            &[S::S3A, S::S5C, S::S5E, S::S6A],
        );
        maps(Factor::ScieRiskAversion, &[S::S5C]);
        // 5E asks whether growth needs staff or carers who can be recruited and kept.
        maps(Factor::ScieRecruitmentTurnover, &[S::S4C, S::S5E]);
        maps(Factor::ConditionsProcurementHurdle, &[S::S5C]);
        // The lone champion is rated in 5A, not in 7B.
        maps(Factor::ExitSharedLeadership, &[S::S5A]);
        assert!(!bank()
            .factor(Factor::ExitSharedLeadership)
            .sub_domains
            .contains(&S::S7B));
    }

    #[test]
    fn every_source_has_factors() {
        for source in FactorSource::ALL {
            assert!(
                bank().factors.iter().any(|f| f.source == source),
                "{source:?} has no factors"
            );
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
