//! The phrasebook's part for the plan and for an assessment over time: the plan's four parts,
//! next steps and overdue flags, the timeline, what changed between two moments, and the look
//! back at the first outlook. Split from `phrases.rs` by topic; the same rule holds: every
//! sentence and label is written here once, and the outline, the CLI and the app use it.

use super::phrases::range_label;
use crate::classify::Range;
use crate::history::{Diff, DomainChange, RatingChange, Retrospective, StatusChange};
use crate::model::{Item, Level};
use crate::outlook::Outlook;
use crate::plan::{ActionStatus, PlanAction};

/// The plan's heading in the board summary.
pub const PLAN_SUMMARY_HEADING: &str = "The plan";
/// The plan's heading in the detail.
pub const PLAN_HEADING: &str = "The plan: theory of change, readiness, resources and next steps";
pub const THEORY_HEADING: &str = "Theory of change";
pub const READINESS_HEADING: &str = "Readiness to scale";
pub const RESOURCES_HEADING: &str = "Resources needed";
pub const NEXT_STEPS_HEADING: &str = "Next steps";

/// Said where the plan's theory of change is blank.
pub const NO_THEORY: &str = "Not written yet: say what the innovation changes, for whom, and what must be true for it to work.";
pub const NO_RESOURCES: &str =
    "None listed yet: people, money, time and skills that scaling will need.";
pub const MUST_BE_TRUE_INTRO: &str = "What must be true for it to work:";

/// "What it does: …".
pub fn theory_what(what: &str) -> String {
    format!("What it does and changes: {}", what.trim())
}

pub fn theory_for_whom(for_whom: &str) -> String {
    format!("For whom: {}", for_whom.trim())
}

/// Leads the readiness part.
pub const READINESS_INTRO: &str =
    "From the ratings, against the social-care sources in the crosswalk:";

/// One line of readiness: "Covered (5): a; b" or "Not covered yet (3): …".
pub fn readiness_line(label: &str, factors: &[String]) -> Option<String> {
    (!factors.is_empty()).then(|| format!("{label} ({}): {}", factors.len(), factors.join("; ")))
}

pub const READINESS_COVERED: &str = "Covered";
pub const READINESS_PARTLY: &str = "Partly covered";
pub const READINESS_MISSING: &str = "Not covered yet";

/// The next steps table's columns.
pub const ACTION_COLUMNS: [&str; 5] = ["Step", "Answers", "Owner", "Due", "Status"];

/// A step's status as the table shows it, flagged where overdue.
pub fn status_cell(status: ActionStatus, overdue: bool) -> String {
    match overdue {
        true => format!("{} (overdue)", status.label()),
        false => status.label().to_string(),
    }
}

/// Said where the plan has no next steps and none to suggest.
pub const NO_ACTIONS: &str = "No next steps yet.";

/// Leads the suggested next steps.
pub const SUGGESTED_INTRO: &str =
    "No next steps yet. To start from the strategies for the complex and complicated sub-domains:";

/// A suggested step: "3A Value to the provider: Write down …".
pub fn suggested_line(item_title: &str, action: &PlanAction) -> String {
    format!("{item_title}: {}", action.text)
}

/// How many suggested steps the plan shows.
pub const SUGGESTED_SHOWN: usize = 5;

/// Said under the suggestions when more are in the strategies.
pub fn more_suggestions(more: usize) -> Option<String> {
    (more > 0).then(|| format!("{more} more in All strategies."))
}

/// The plan's steps in a line for the board: "4 next steps: 2 open (1 overdue as of
/// 2026-01-05), 1 done, 1 dropped."
pub fn actions_count_line(actions: &[PlanAction], overdue: usize, as_of: Option<&str>) -> String {
    let count = |status: ActionStatus| actions.iter().filter(|a| a.status == status).count();
    let open = actions.iter().filter(|a| a.status.is_open()).count();
    let steps = match actions.len() {
        1 => "1 next step".to_string(),
        n => format!("{n} next steps"),
    };
    let overdue = match (overdue, as_of) {
        (0, _) => String::new(),
        (n, Some(date)) => format!(" ({n} overdue as of {date})"),
        (n, None) => format!(" ({n} overdue)"),
    };
    format!(
        "{steps}: {open} open{overdue}, {} done, {} dropped.",
        count(ActionStatus::Done),
        count(ActionStatus::Dropped)
    )
}

/// An open step for the board: "Agree a budget (Service manager, due 2026-03-31, overdue)".
pub fn open_action_line(action: &PlanAction, overdue: bool) -> String {
    let mut parts = Vec::new();
    if !action.owner.trim().is_empty() {
        parts.push(action.owner.trim().to_string());
    }
    if let Some(due) = &action.due {
        parts.push(format!("due {}", due.as_str()));
    }
    if overdue {
        parts.push("overdue".to_string());
    }
    let text = action.text.trim();
    match parts.is_empty() {
        true => text.to_string(),
        false => format!("{} ({})", text.trim_end_matches('.'), parts.join(", ")),
    }
}

/// Said on the board where every step is done or dropped.
pub const NO_OPEN_ACTIONS: &str = "No step is still open.";

/// The timeline's heading.
pub const TIMELINE_HEADING: &str = "Over time";
pub const TIMELINE_INTRO: &str = "Each domain's level and the outlook at every snapshot, and now.";
/// The timeline's first columns; a column for each domain and the outlook follow.
pub const TIMELINE_COLUMNS: [&str; 3] = ["Moment", "Date", "Stage"];
pub const OUTLOOK_COLUMN: &str = "Outlook";
/// The last row of the timeline.
pub const NOW: &str = "Now";

/// A heading for what changed since a snapshot.
pub fn since_heading(name: &str) -> String {
    format!("Since \u{201c}{name}\u{201d}")
}

/// Said where nothing changed between two moments.
pub const NO_DIFFERENCE: &str = "Nothing has changed: the same levels, outlook and next steps.";

/// A rating's level on one side of a diff.
fn side(level: Option<Level>) -> &'static str {
    level.map_or("not rated", Level::label)
}

/// "2A Material features: from simple to complex. Note now: …".
pub fn rating_change_line(change: &RatingChange) -> String {
    let mut line = format!(
        "{}: from {} to {}",
        change.title,
        side(change.before).to_lowercase(),
        side(change.after).to_lowercase()
    );
    let mut then = |part: String| {
        let stop = match line.ends_with(['.', '?', '!']) {
            true => " ",
            false => ". ",
        };
        line.push_str(stop);
        line.push_str(&part);
    };
    match (change.note_before.trim(), change.note_after.trim()) {
        ("", "") => {}
        (before, after) if before == after => then(format!("Note: {after}")),
        (before, after) => {
            if !before.is_empty() {
                then(format!("Note then: {before}"));
            }
            if !after.is_empty() {
                then(format!("Note now: {after}"));
            }
        }
    }
    line
}

/// A domain's level inside a sentence: "complex", or "not sure yet (simple to complex)".
pub fn level_words(range: Range) -> String {
    match range.is_exact() {
        true => range.best.key().to_string(),
        false => format!(
            "not sure yet ({} to {})",
            range.best.key(),
            range.worst.key()
        ),
    }
}

/// "The organisation: from simple to complex".
pub fn domain_change_line(change: &DomainChange) -> String {
    format!(
        "{}: from {} to {}",
        change.title,
        level_words(change.before),
        level_words(change.after)
    )
}

/// The outlook in a few lowercase words: "likely", or "between likely and unlikely".
pub fn outlook_words(outlook: &Outlook) -> String {
    match outlook.is_uncertain() {
        false => outlook.best.label().to_lowercase(),
        true => format!(
            "between {} and {}",
            outlook.best.label().to_lowercase(),
            outlook.worst.label().to_lowercase()
        ),
    }
}

/// How the outlook moved, or that it held.
pub fn outlook_change_line(before: &Outlook, after: &Outlook) -> String {
    let (then, now) = (outlook_words(before), outlook_words(after));
    match then == now {
        true => format!("Outlook unchanged: {now}"),
        false => format!("Outlook: from {then} to {now}"),
    }
}

pub fn action_added_line(action: &PlanAction) -> String {
    format!(
        "Step added: {} ({})",
        action.text.trim().trim_end_matches('.'),
        action.status.label().to_lowercase()
    )
}

pub fn action_removed_line(action: &PlanAction) -> String {
    format!("Step removed: {}", action.text)
}

/// "Step “Agree a budget”: from not started to done".
pub fn status_change_line(change: &StatusChange) -> String {
    format!(
        "Step \u{201c}{}\u{201d}: from {} to {}",
        change.text,
        change.before.label().to_lowercase(),
        change.after.label().to_lowercase()
    )
}

pub const RATINGS_MOVED: &str = "Ratings that moved:";
pub const DOMAINS_MOVED: &str = "Domains whose level moved:";
pub const STEPS_CHANGED: &str = "Next steps:";

/// Every line of a diff, grouped: the outlook, then ratings, domains and steps that changed.
/// Nothing that did not change is named (the outlook line says so when it held).
pub fn diff_groups(diff: &Diff) -> Vec<(&'static str, Vec<String>)> {
    let mut groups = Vec::new();
    let ratings: Vec<String> = diff.ratings.iter().map(rating_change_line).collect();
    // A domain whose whole-domain rating moved, and nothing else with it, is named once.
    let said = |change: &&DomainChange| {
        diff.ratings.iter().any(|rating| {
            let range = |level: Option<Level>| Range::of_level(level.unwrap_or(Level::Unknown));
            rating.item == Item::Domain(change.domain)
                && range(rating.before) == change.before
                && range(rating.after) == change.after
        })
    };
    let domains: Vec<String> = diff
        .domains
        .iter()
        .filter(|change| !said(change))
        .map(domain_change_line)
        .collect();
    let steps: Vec<String> = diff
        .status_changes
        .iter()
        .map(status_change_line)
        .chain(diff.actions_added.iter().map(action_added_line))
        .chain(diff.actions_removed.iter().map(action_removed_line))
        .collect();
    for (intro, lines) in [
        (RATINGS_MOVED, ratings),
        (DOMAINS_MOVED, domains),
        (STEPS_CHANGED, steps),
    ] {
        if !lines.is_empty() {
            groups.push((intro, lines));
        }
    }
    groups
}

/// The title of a diff between two named moments.
pub fn diff_title(before: &str, after: &str) -> String {
    format!("What changed from {before} to {after}")
}

/// The retrospective's heading.
pub const RETROSPECTIVE_HEADING: &str = "Looking back: the first outlook and what happened";

/// "At “Before the pilot” (2025-12-01) the outlook was likely. What happened: Patchy…".
pub fn retrospective_sentence(retro: &Retrospective) -> String {
    format!(
        "At \u{201c}{}\u{201d} ({}) the outlook was {}. What happened: {}. {}",
        retro.earliest,
        retro.taken.as_str(),
        outlook_words(&retro.outlook),
        retro.outcome.label().to_lowercase(),
        retro.fit.verdict()
    )
}

/// Leads the domains that explain the difference.
pub fn explaining_intro(worse_than_forecast: Option<bool>) -> &'static str {
    match worse_than_forecast {
        Some(true) => "What happened was worse than that outlook. The domains that became more complex since then:",
        Some(false) => "What happened was better than that outlook. The domains that became less complex since then:",
        None => "The domains whose level moved since then:",
    }
}

/// Said where no domain moved the way that would explain the difference.
pub fn nothing_explains(worse_than_forecast: Option<bool>) -> &'static str {
    match worse_than_forecast {
        Some(_) => "No domain's level moved that way since then: look for what the ratings missed, at the time and since.",
        None => "No domain's level has moved since then.",
    }
}

/// A domain's level in a timeline cell.
pub fn timeline_cell(range: Range) -> String {
    range_label(range)
}

/// One side of a diff: "“Before the pilot” in a.json", or "a.json as it stands".
pub fn moment_label(file: &str, snapshot: Option<&str>) -> String {
    match snapshot {
        Some(name) => format!("\u{201c}{name}\u{201d} in {file}"),
        None => format!("{file} as it stands"),
    }
}

/// Said when a snapshot asked for is not in the file.
pub fn no_such_snapshot(name: &str, file: &str, names: &[&str]) -> String {
    match names.is_empty() {
        true => format!("{file} has no snapshot \u{201c}{name}\u{201d}: it has no snapshots"),
        false => format!(
            "{file} has no snapshot \u{201c}{name}\u{201d}: it has {}",
            names
                .iter()
                .map(|n| format!("\u{201c}{n}\u{201d}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The heading of assessments side by side.
pub const COMPARE_HEADING: &str = "Assessments side by side";
pub const COMPARE_FIRST_COLUMN: &str = "Assessment";
/// The columns after the seven domains.
pub const COMPARE_LAST_COLUMNS: [&str; 2] = ["Outlook", "Open next steps"];
pub const COMPARE_NOTHING: &str = "Choose the saved assessments to compare.";
pub const ORDER_SAVED: &str = "As saved";
pub const ORDER_BEST_FIRST: &str = "Best outlook first";
pub const ORDER_WORST_FIRST: &str = "Worst outlook first";

/// "2 (1 overdue)", "0".
pub fn open_steps_cell(open: usize, overdue: usize) -> String {
    match overdue {
        0 => open.to_string(),
        n => format!("{open} ({n} overdue)"),
    }
}

/// A moment as a diff names it: "“Before the pilot”", or "now".
pub fn moment_name(snapshot: Option<&str>) -> String {
    match snapshot {
        Some(name) => format!("\u{201c}{name}\u{201d}"),
        None => "now".to_string(),
    }
}

/// What the CSV import did: "Imported 3 assessments from f.csv." and the rows it could not read.
pub fn csv_imported(count: usize, file_name: &str, errors: &[String]) -> String {
    let what = match count {
        1 => "1 assessment".to_string(),
        n => format!("{n} assessments"),
    };
    match errors.is_empty() {
        true => format!("Imported {what} from {file_name} as new quick assessments."),
        false => format!(
            "Imported {what} from {file_name} as new quick assessments. Rows not imported: {}.",
            errors.join("; ")
        ),
    }
}
