//! Calibration: scoring published cases whose outcome is known and setting the outlook beside
//! what actually happened. The outlook rules are general and never tuned to these cases; this
//! module only counts how often they agree, and says how thin that evidence is.

use crate::assessment::{Assessment, RatingBasis};
use crate::outcome::{compare, OutcomeFit};
use crate::outlook::Band;
use crate::report::assess;
use crate::setting::{Framing, Outcome};
use serde::Serialize;

/// One scored case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseResult {
    pub id: String,
    pub title: String,
    pub levels: [crate::classify::Range; 7],
    pub best: Band,
    pub worst: Band,
    pub outcome: Option<Outcome>,
    pub fit: OutcomeFit,
    pub basis: Option<RatingBasis>,
}

/// The table and its summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    pub cases: Vec<CaseResult>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub cases: usize,
    /// Cases with a known outcome (not "too early" or missing).
    pub with_outcome: usize,
    pub agrees: usize,
    pub partly: usize,
    pub disagrees: usize,
    pub abandoned: usize,
    /// Abandoned cases whose whole outlook range is `unlikely` or `very_unlikely`.
    pub abandoned_in_bottom_bands: usize,
    pub mainstreamed: usize,
    /// Mainstreamed or partly mainstreamed cases whose outlook could be `very_likely`,
    /// `likely` or `possible`.
    pub mainstreamed_in_top_bands: usize,
    /// Cases whose ratings are published rather than reconstructed.
    pub published_ratings: usize,
}

/// Scores each `(id, assessment)` case.
pub fn calibrate(cases: &[(String, Assessment)]) -> Calibration {
    let mut summary = Summary {
        cases: cases.len(),
        ..Summary::default()
    };
    let results: Vec<CaseResult> = cases
        .iter()
        .map(|(id, assessment)| {
            let report = assess(assessment);
            let outcome = match assessment.framing {
                Framing::Retrospective { outcome } => outcome,
                Framing::Prospective => None,
            };
            let fit = outcome.map_or(OutcomeFit::TooEarly, |o| compare(&report.outlook, o).fit);
            let (best, worst) = (report.outlook.best, report.outlook.worst);
            match fit {
                OutcomeFit::Agrees => summary.agrees += 1,
                OutcomeFit::Partly => summary.partly += 1,
                OutcomeFit::Disagrees => summary.disagrees += 1,
                OutcomeFit::TooEarly => {}
            }
            if fit != OutcomeFit::TooEarly {
                summary.with_outcome += 1;
            }
            match outcome {
                Some(Outcome::Abandoned) => {
                    summary.abandoned += 1;
                    if best >= Band::Unlikely {
                        summary.abandoned_in_bottom_bands += 1;
                    }
                }
                Some(Outcome::Mainstreamed | Outcome::PartlyMainstreamed) => {
                    summary.mainstreamed += 1;
                    if best <= Band::Possible {
                        summary.mainstreamed_in_top_bands += 1;
                    }
                }
                Some(Outcome::Patchy | Outcome::TooEarly) | None => {}
            }
            let basis = assessment.source.as_ref().map(|s| s.basis);
            if basis == Some(RatingBasis::Published) {
                summary.published_ratings += 1;
            }
            CaseResult {
                id: id.clone(),
                title: assessment.title.clone(),
                levels: std::array::from_fn(|i| report.domains[i].class.range),
                best,
                worst,
                outcome,
                fit,
                basis,
            }
        })
        .collect();
    Calibration {
        cases: results,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn case(levels: [Level; 7], outcome: Outcome) -> Assessment {
        let mut assessment = Assessment::quick("c", levels);
        assessment.framing = Framing::Retrospective {
            outcome: Some(outcome),
        };
        assessment
    }

    #[test]
    fn counts_fit() {
        let cases = vec![
            (
                "abandoned".to_string(),
                case([Level::Complex; 7], Outcome::Abandoned),
            ),
            (
                "mainstream".to_string(),
                case([Level::Simple; 7], Outcome::Mainstreamed),
            ),
            (
                "surprise".to_string(),
                case([Level::Simple; 7], Outcome::Abandoned),
            ),
        ];
        let calibration = calibrate(&cases);
        let s = calibration.summary;
        assert_eq!(
            (s.cases, s.with_outcome, s.agrees, s.disagrees),
            (3, 3, 2, 1)
        );
        assert_eq!((s.abandoned, s.abandoned_in_bottom_bands), (2, 1));
        assert_eq!((s.mainstreamed, s.mainstreamed_in_top_bands), (1, 1));
        let text = crate::render::calibration_text(&calibration);
        assert!(
            text.contains("Abandoned cases in the bottom bands (unlikely, very unlikely): 1 of 2.")
        );
        assert!(text.contains(
            "abandoned                                        Cx Cx Cx Cx Cx Cx Cx  very_unlikely"
        ));
    }
}
