//! The calibration table as plain text, for the terminal: each case's levels, outlook, outcome
//! and fit, then the summary in sentences with the caveat on how thin the evidence is.

use crate::calibrate::Calibration;
use crate::classify::Range;

/// Plain-text table and summary, for the terminal.
pub fn calibration_text(calibration: &Calibration) -> String {
    let mut out = String::new();
    out.push_str("case                                             levels (1-7)          outlook                    outcome              fit        basis\n");
    for case in &calibration.cases {
        let levels: Vec<&str> = case.levels.iter().map(|r| short(*r)).collect();
        let outlook = match case.best == case.worst {
            true => case.best.key().to_string(),
            false => format!("{}..{}", case.best.key(), case.worst.key()),
        };
        out.push_str(&format!(
            "{:<48} {:<21} {:<26} {:<20} {:<10} {}\n",
            truncate(&case.id, 48),
            levels.join(" "),
            outlook,
            case.outcome.map_or("-", |o| o.key()),
            case.fit.key(),
            case.basis.map_or("-", |b| b.label()),
        ));
    }
    let s = calibration.summary;
    out.push('\n');
    out.push_str(&format!(
        "{} cases, {} with a known outcome: {} agree, {} partly, {} disagree.\n",
        s.cases, s.with_outcome, s.agrees, s.partly, s.disagrees
    ));
    out.push_str(&format!(
        "Abandoned cases in the bottom bands (unlikely, very unlikely): {} of {}.\n",
        s.abandoned_in_bottom_bands, s.abandoned
    ));
    out.push_str(&format!(
        "Mainstreamed or partly mainstreamed cases in the top three bands: {} of {}.\n",
        s.mainstreamed_in_top_bands, s.mainstreamed
    ));
    out.push_str(&format!(
        "Ratings published by the cases' authors: {} of {}; the rest are reconstructed from their narratives.\n",
        s.published_ratings, s.cases
    ));
    out.push_str("This is weak evidence: few cases, mostly reconstructed ratings, and outcomes that were known when the ratings were made. It shows the rules are consistent with the published finding, not that they predict.\n");
    out
}

fn short(range: Range) -> &'static str {
    use crate::model::Complexity::{Complex, Complicated, Simple};
    match (range.best, range.worst) {
        (Simple, Simple) => "S",
        (Complicated, Complicated) => "Cd",
        (Complex, Complex) => "Cx",
        _ => "?",
    }
}

fn truncate(text: &str, width: usize) -> String {
    match text.chars().count() > width {
        true => text.chars().take(width - 1).chain(['…']).collect(),
        false => text.to_string(),
    }
}
