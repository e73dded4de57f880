//! How an outlook fits what actually happened, for retrospective assessments and calibration.
//! ("Agreement" is kept for agreement between raters; this is fit with the outcome.)

use crate::outlook::{Band, Outlook};
use crate::setting::Outcome;
use serde::Serialize;

/// For a retrospective assessment: the actual outcome against the outlook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub outcome: Outcome,
    pub fit: OutcomeFit,
}

/// How well an outlook matches an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeFit {
    Agrees,
    Partly,
    Disagrees,
    /// The outcome is not known yet.
    TooEarly,
}

impl OutcomeFit {
    pub fn key(self) -> &'static str {
        match self {
            OutcomeFit::Agrees => "agrees",
            OutcomeFit::Partly => "partly",
            OutcomeFit::Disagrees => "disagrees",
            OutcomeFit::TooEarly => "too_early",
        }
    }

    /// What the fit means, in a sentence.
    pub fn verdict(self) -> &'static str {
        match self {
            OutcomeFit::Agrees => "The outlook agrees with what happened.",
            OutcomeFit::Partly => "The outlook is one band away from what happened.",
            OutcomeFit::Disagrees => "The outlook disagrees with what happened: look for what the ratings missed, or what the people involved did to beat the odds.",
            OutcomeFit::TooEarly => "It is too early to compare the outlook with what happened.",
        }
    }

    /// How a band fits an outcome: each outcome has the bands that agree with it, those one band
    /// away agree partly, the rest disagree.
    pub fn of(band: Band, outcome: Outcome) -> OutcomeFit {
        let expected: &[Band] = match outcome {
            Outcome::Mainstreamed => &[Band::VeryLikely, Band::Likely],
            Outcome::PartlyMainstreamed => &[Band::Likely, Band::Possible],
            Outcome::Patchy => &[Band::Possible, Band::Unlikely],
            Outcome::Abandoned => &[Band::Unlikely, Band::VeryUnlikely],
            Outcome::TooEarly => return OutcomeFit::TooEarly,
        };
        let distance = expected
            .iter()
            .map(|b| b.rank().abs_diff(band.rank()))
            .min()
            .unwrap_or(u8::MAX);
        match distance {
            0 => OutcomeFit::Agrees,
            1 => OutcomeFit::Partly,
            _ => OutcomeFit::Disagrees,
        }
    }
}

/// The best fit any band in the outlook's range has with the outcome.
pub fn compare(outlook: &Outlook, outcome: Outcome) -> Comparison {
    let fit = Band::ALL
        .into_iter()
        .filter(|band| (outlook.best..=outlook.worst).contains(band))
        .map(|band| OutcomeFit::of(band, outcome))
        .min()
        .unwrap_or(OutcomeFit::TooEarly);
    Comparison { outcome, fit }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_table() {
        assert_eq!(
            OutcomeFit::of(Band::VeryUnlikely, Outcome::Abandoned),
            OutcomeFit::Agrees
        );
        assert_eq!(
            OutcomeFit::of(Band::Possible, Outcome::Abandoned),
            OutcomeFit::Partly
        );
        assert_eq!(
            OutcomeFit::of(Band::VeryLikely, Outcome::Abandoned),
            OutcomeFit::Disagrees
        );
        assert_eq!(
            OutcomeFit::of(Band::Likely, Outcome::Mainstreamed),
            OutcomeFit::Agrees
        );
        assert_eq!(
            OutcomeFit::of(Band::Unlikely, Outcome::TooEarly),
            OutcomeFit::TooEarly
        );
    }
}
