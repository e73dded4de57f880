//! The phrasebook: every sentence and label a person reads about an assessment, written once.
//! The report outline (`outline.rs`) is built from these, and the web app calls the same
//! functions where it lays things out itself (the live results, the rating form's status
//! lines), so the page, the printed page, the Markdown, the text and the app never word the
//! same thing twice. The wording of the framework itself (questions, descriptors, strategies)
//! lives in `data/`; this module words the analyser's conclusions.

use crate::assessment::{Mode, Progress};
use crate::classify::{DomainClass, Range};
use crate::crosswalk::Coverage;
use crate::model::{Complexity, Item};
use crate::outcome::Comparison;
use crate::outlook::{Band, Outlook};
use crate::report::{ChangeNote, DomainReport, ItemReport, PivotNote, StrategyNote};

/// What an assessment with a blank title is called.
pub const UNTITLED: &str = "Untitled assessment";

/// An assessment's title as people read it: trimmed, and "Untitled assessment" when blank.
pub fn display_title(title: &str) -> &str {
    match title.trim() {
        "" => UNTITLED,
        trimmed => trimmed,
    }
}

/// The report's title line.
pub fn report_title(title: &str) -> String {
    format!("NASSS assessment: {}", display_title(title))
}

/// A title as it reads inside a sentence: "The adopter system" becomes "the adopter system".
pub fn in_sentence(title: &str) -> String {
    match title.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => title.to_string(),
    }
}

/// A fragment as a sentence: capital first letter and a full stop.
pub fn sentence(fragment: &str) -> String {
    let mut chars = fragment.trim().chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

/// The outlook in a few words: "Likely", or "Uncertain: between Likely and Very unlikely".
pub fn headline(outlook: &Outlook) -> String {
    match outlook.is_uncertain() {
        false => outlook.best.label().to_string(),
        true => format!(
            "Uncertain: between {} and {}",
            outlook.best.label(),
            outlook.worst.label()
        ),
    }
}

/// An assessment in one line, for a list of saved assessments:
/// "Adult social care · quick · outlook: likely · updated 2026-03-01".
pub fn saved_summary(assessment: &crate::Assessment, report: &crate::Report) -> String {
    let mode = match assessment.mode {
        Mode::Quick => "quick",
        Mode::Full => "full",
    };
    let dates = match (&assessment.created, &assessment.updated) {
        (_, Some(updated)) => format!(" · updated {}", updated.as_str()),
        (Some(created), None) => format!(" · created {}", created.as_str()),
        (None, None) => String::new(),
    };
    format!(
        "{} · {mode} · outlook: {}{dates}",
        assessment.setting.label(),
        headline(&report.outlook).to_lowercase()
    )
}

/// The outlook in a sentence, with what it means.
pub fn outlook_sentence(outlook: &Outlook) -> String {
    match outlook.is_uncertain() {
        false => format!(
            "Mainstreaming outlook: {}. {}",
            outlook.best.label().to_lowercase(),
            outlook.best.meaning()
        ),
        true => format!(
            "Mainstreaming outlook: uncertain, between {} (if every unknown proves simple) and {} (if every unknown proves complex).",
            outlook.best.label().to_lowercase(),
            outlook.worst.label().to_lowercase()
        ),
    }
}

/// Leads the list of unknowns when they leave the outlook uncertain.
pub const PIVOTS_INTRO: &str = "The unknowns, most consequential first (with the outlook if that domain alone proves complex):";

/// One unknown domain and the outlook if it alone proved complex.
pub fn pivot_line(pivot: &PivotNote) -> String {
    format!(
        "{}: {}",
        pivot.domain.title,
        pivot.band_if_worst.label().to_lowercase()
    )
}

/// Unknowns that would not change the outlook, in a sentence; `None` when there are none.
pub fn harmless_unknowns(pivotal: &[PivotNote]) -> Option<String> {
    let names: Vec<String> = pivotal
        .iter()
        .map(|pivot| in_sentence(&pivot.domain.title))
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "Not yet known, though it would not change the outlook: {}.",
            names.join("; ")
        )
    })
}

/// How a band sits on the five-band scale for this outlook: "this outlook", "best case",
/// "worst case", or nothing.
pub fn scale_note(outlook: &Outlook, band: Band) -> Option<&'static str> {
    match (
        outlook.is_uncertain(),
        band == outlook.best,
        band == outlook.worst,
    ) {
        (false, true, _) => Some("this outlook"),
        (true, true, _) => Some("best case"),
        (true, _, true) => Some("worst case"),
        _ => None,
    }
}

/// The scale's name, for the list of five bands.
pub const SCALE_LABEL: &str = "The five bands, best to worst";

/// "Domains: 2 complex, 1 complicated, 4 simple, 0 not yet known."
pub fn counts_line(counts: &crate::report::Counts) -> String {
    format!(
        "Domains: {} complex, {} complicated, {} simple, {} not yet known.",
        counts.complex, counts.complicated, counts.simple, counts.unknown
    )
}

/// One domain that drives the outlook, with its level: "4. The adopter system: Complex".
pub fn driver_line(domain: &DomainReport) -> String {
    format!(
        "{}: {}",
        numbered_title(domain),
        range_label(domain.class.range)
    )
}

/// Said when nothing drives the outlook down.
pub const NO_DRIVERS: &str = "No domain is rated complicated or complex.";

/// One way to improve the outlook.
pub fn change_line(change: &ChangeNote) -> String {
    let moves: Vec<String> = change
        .moves
        .iter()
        .map(|m| {
            format!(
                "{} from {} to {}",
                in_sentence(&m.domain.title),
                m.from,
                m.to
            )
        })
        .collect();
    format!(
        "Reduce {} (outlook becomes {})",
        moves.join(" and "),
        change.band.label().to_lowercase()
    )
}

/// Said when no change could improve the outlook.
pub const NO_CHANGES: &str = "The ratings already give the best band.";

/// The actual outcome against the outlook.
pub fn comparison_sentence(comparison: &Comparison) -> String {
    format!(
        "Actual outcome: {}. {}",
        comparison.outcome.label(),
        comparison.fit.verdict()
    )
}

/// Said in a retrospective assessment with no outcome recorded.
pub const RECORD_OUTCOME: &str = "Record the actual outcome to compare it with the outlook.";

/// The caveat as the report prints it.
pub fn caveat_line(caveat: &str) -> String {
    format!("Note: {caveat}")
}

/// How a domain's level reads: "Complicated", or "Simple to complex (not sure yet)".
pub fn range_label(range: Range) -> String {
    match range.is_exact() {
        true => range.best.label().to_string(),
        false => format!(
            "{} to {} (not sure yet)",
            range.best.label(),
            range.worst.key()
        ),
    }
}

/// A domain's level as the list beside the rating form shows it: "Complex",
/// "Simple to complex?" or "Not rated yet".
pub fn range_short(range: Range, has_input: bool) -> String {
    match (range.is_exact(), has_input) {
        (true, _) => range.best.label().to_string(),
        (false, false) => NOT_RATED.to_string(),
        (false, true) => format!("{} to {}?", range.best.label(), range.worst.key()),
    }
}

/// Said of a domain with no ratings.
pub const NOT_RATED: &str = "Not rated yet";

/// What a domain's level rests on, in words: the override, the deciding ratings, the unknowns.
pub fn basis(domain: &DomainReport) -> String {
    let class = &domain.class;
    if let Some(over) = &class.overridden {
        return format!("Set by hand: {}", over.reason.as_str());
    }
    let mut parts = Vec::new();
    let decisive: Vec<String> = class
        .decisive
        .iter()
        .map(|item| item_name(domain, *item))
        .collect();
    if class.rated > 0 && !decisive.is_empty() {
        parts.push(decisive.join(", "));
    }
    if !class.unknown.is_empty() {
        parts.push(format!("{} not sure yet", class.unknown.len()));
    }
    match parts.is_empty() {
        true => "not rated yet".into(),
        false => parts.join("; "),
    }
}

/// "Based on: 2A Material features; 1 not sure yet".
pub fn basis_line(domain: &DomainReport) -> String {
    format!("Based on: {}", basis(domain))
}

fn item_name(domain: &DomainReport, item: Item) -> String {
    match item {
        Item::Domain(_) => "whole-domain rating".to_string(),
        // Decisive items are rated, so the domain's items always hold their titles.
        Item::SubDomain(sub) => match domain.items.iter().find(|i| i.item == item) {
            Some(rated) => format!("{sub} {}", rated.title),
            None => sub.to_string(),
        },
    }
}

/// A domain's heading in the ratings: "2. The technology: Complex".
pub fn domain_heading(domain: &DomainReport) -> String {
    format!(
        "{}. {}: {}",
        domain.domain.number(),
        domain.title,
        range_label(domain.class.range)
    )
}

/// A domain in the profile table: "2. The technology".
pub fn numbered_title(domain: &DomainReport) -> String {
    format!("{}. {}", domain.domain.number(), domain.title)
}

/// A domain on a chart axis or in the domain list: "2 Technology".
pub fn numbered_short_title(domain: &DomainReport) -> String {
    format!("{} {}", domain.domain.number(), domain.short_title)
}

/// An override in a sentence.
pub fn override_sentence(class: &DomainClass) -> Option<String> {
    class.overridden.as_ref().map(|over| {
        format!(
            "Set by hand to {} (the ratings give {}). Reason: {}",
            over.level,
            range_label(class.classified).to_lowercase(),
            over.reason.as_str()
        )
    })
}

/// An item's name in the ratings: "Whole domain", or "2A Material features".
pub fn item_label(item: &ItemReport) -> String {
    match item.item {
        Item::Domain(_) => "Whole domain".to_string(),
        Item::SubDomain(sub) => format!("{sub} {}", item.title),
    }
}

/// One rating in a line: its name, level, descriptor, kind, note and evidence.
pub fn item_line(item: &ItemReport) -> String {
    let mut line = format!("{}: {}", item_label(item), item.level.label());
    if let Some(descriptor) = &item.descriptor {
        line.push_str(&format!(" ({descriptor})"));
    }
    let mut then = |part: String| {
        let stop = match line.ends_with(['.', '?', '!']) {
            true => " ",
            false => ". ",
        };
        line.push_str(stop);
        line.push_str(&part);
    };
    if let Some(kind) = item.kind {
        then(format!("Kind of complexity: {}", kind.label()));
    }
    if !item.note.is_empty() {
        then(format!("Note: {}", item.note));
    }
    if !item.evidence.is_empty() {
        then(format!("Evidence: {}", item.evidence.join("; ")));
    }
    line
}

/// A strategy note's heading: "2A Material features (complex, from the whole-domain rating)".
pub fn strategy_heading(note: &StrategyNote) -> String {
    let whole = match note.from_domain_rating {
        true => ", from the whole-domain rating",
        false => "",
    };
    format!("{} {} ({}{whole})", note.sub_domain, note.title, note.level)
}

pub const REDUCE_INTRO: &str = "To reduce the complexity:";
pub const HANDLE_INTRO: &str = "To handle what remains:";
pub const NO_STRATEGIES: &str =
    "No sub-domain is rated complicated or complex, so there is nothing to reduce yet.";

/// The first suggestion of each kind, for the board summary.
pub fn top_suggestions(note: &StrategyNote) -> Vec<String> {
    let reduce = note.reduce.first().map(|s| format!("Reduce: {s}"));
    let handle = note.handle.first().map(|s| format!("Handle: {s}"));
    reduce.into_iter().chain(handle).collect()
}

/// Said under the top strategies when more are in the detail.
pub fn more_strategies(more: usize) -> Option<String> {
    (more > 0).then(|| format!("{more} more in the full detail below."))
}

/// What the crosswalk is.
pub const CROSSWALK_INTRO: &str = "Which social-care scaling factors, conditions, capabilities and study ingredients the ratings speak to, and which they have not covered yet.";

/// The crosswalk table's columns.
pub const CROSSWALK_COLUMNS: [&str; 4] = ["Factor", "Coverage", "Highest level", "Not yet rated"];

/// A coverage in words.
pub fn coverage_label(coverage: Coverage) -> &'static str {
    coverage.label()
}

/// An empty cell.
pub const NONE: &str = "-";

/// The highest level among a factor's sub-domains, or "-".
pub fn highest_label(highest: Option<Complexity>) -> &'static str {
    highest.map_or(NONE, Complexity::label)
}

/// The profile table's columns.
pub const PROFILE_COLUMNS: [&str; 3] = ["Domain", "Level", "Based on"];

/// The stage's heading.
pub fn stage_heading(name: &str) -> String {
    format!("Stage: {name}")
}

pub const STAGE_MEASURES_INTRO: &str = "What success looks like at this stage:";

/// How far rating has got: "3 of 7 domains rated".
pub fn progress_line(progress: Progress) -> String {
    let unit = match progress.mode {
        Mode::Quick => "domains",
        Mode::Full => "sub-domains",
    };
    format!("{} of {} {unit} rated", progress.done, progress.expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_titles_read_as_untitled() {
        assert_eq!(display_title("  "), "Untitled assessment");
        assert_eq!(display_title(" GPS "), "GPS");
        assert_eq!(report_title(""), "NASSS assessment: Untitled assessment");
    }

    #[test]
    fn titles_and_fragments_in_sentences() {
        assert_eq!(in_sentence("The adopter system"), "the adopter system");
        assert_eq!(in_sentence("Embedding over time"), "Embedding over time");
        assert_eq!(sentence("the title is empty"), "The title is empty.");
        assert_eq!(sentence("done?"), "Done?");
    }
}
