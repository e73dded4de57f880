//! The phrasebook's team pages: every sentence and label about a team's ratings (who rated,
//! where they differ, the agreement figures, merge and link messages), written once, for the
//! report's team sections (`team.rs`), the CLI's `agreement` table and the web app.

use crate::agreement::{Reading, Undefined, READING_SOURCE};
use crate::assessment::Rating;
use crate::disagreement::{Figures, ItemSpread, RaterLevel, RaterOutlook, Split};
use crate::model::{Item, Level};
use crate::outlook::Band;

/// What a rater with a blank name is called.
pub const UNNAMED_RATER: &str = "Unnamed rater";

/// A rater's name as people read it: trimmed, and "Unnamed rater" when blank.
pub fn display_rater(name: &str) -> &str {
    match name.trim() {
        "" => UNNAMED_RATER,
        trimmed => trimmed,
    }
}

pub const TEAM_HEADING: &str = "The team's view";
pub const DISAGREEMENT_HEADING: &str = "Where the group did not agree";
pub const VIEWS_HEADING: &str = "Each person's view";
pub const FIGURES_HEADING: &str = "Agreement figures";

/// An item as the team pages name it: "2. The technology" or "2A Material features".
pub fn item_name(spread: &ItemSpread) -> String {
    match spread.item {
        Item::Domain(domain) => format!("{}. {}", domain.number(), spread.title),
        Item::SubDomain(sub) => format!("{sub} {}", spread.title),
    }
}

/// How far apart the raters of an item are, in words.
pub fn split_label(split: Split) -> &'static str {
    match split {
        Split::SimpleComplex => "Split: simple against complex",
        Split::SimpleComplicated => "Split: simple against complicated",
        Split::ComplicatedComplex => "Split: complicated against complex",
        Split::Agreed => "Everyone who gave a level gave the same one",
        Split::TooFew => "Fewer than two people gave a level",
    }
}

/// A split item's heading: "3. The value proposition (split: simple against complex)".
pub fn split_heading(spread: &ItemSpread) -> String {
    format!(
        "{} ({})",
        item_name(spread),
        split_label(spread.split).to_lowercase()
    )
}

/// One person's answer: "Ann: Complex. Note: frailty varies."
pub fn rater_level_line(level: &RaterLevel) -> String {
    let mut line = format!("{}: {}", display_rater(&level.name), level.level.label());
    if !level.note.trim().is_empty() {
        line.push_str(&format!(". Note: {}", level.note.trim()));
    }
    line
}

/// The group's agreed rating for an item, or that it is still open.
pub fn agreed_line(agreed: Option<&Rating>) -> String {
    match agreed {
        None => OPEN_LINE.to_string(),
        Some(rating) if rating.level == Level::Unknown => {
            "Agreed: not sure yet, so it counts as a range.".to_string()
        }
        Some(rating) => match rating.note.trim() {
            "" => format!("Agreed: {} (no reason written yet).", rating.level.label()),
            reason => format!(
                "Agreed: {}. Reason: {}",
                rating.level.label(),
                super::phrases::sentence(reason)
            ),
        },
    }
}

/// Said of an item with no agreed level.
pub const OPEN_LINE: &str = "No agreed level yet: it counts as a range, as \"not sure yet\" does.";

/// How many items have an agreed level.
pub fn agreed_progress(agreed: usize, expected: usize) -> String {
    match agreed == expected {
        true => format!("Agreed levels: all {expected} items, and the outlook rests on them."),
        false => format!(
            "Agreed levels: {agreed} of {expected} items. The outlook rests on them; the {} still open count as ranges.",
            expected - agreed
        ),
    }
}

/// The group's range in a sentence.
pub fn group_range_sentence(optimistic: Band, pessimistic: Band) -> String {
    match optimistic == pessimistic {
        true => format!(
            "The group's range: {} whichever person's view holds.",
            optimistic.label().to_lowercase()
        ),
        false => format!(
            "The group's range: from {} (if the most optimistic view held on every item) to {} (if the most pessimistic view did).",
            optimistic.label().to_lowercase(),
            pessimistic.label().to_lowercase()
        ),
    }
}

/// Leads the list of each person's own outlook.
pub const RATER_OUTLOOKS_INTRO: &str = "Each person's own outlook, from their ratings alone:";

/// One person's own outlook: "Ann: Likely".
pub fn rater_outlook_line(rater: &RaterOutlook) -> String {
    format!(
        "{}: {}",
        display_rater(&rater.name),
        super::phrases::headline(&rater.outlook)
    )
}

/// Said when nobody differs.
pub const NO_SPLITS: &str =
    "Nobody's levels differ: on every item, everyone who gave a level gave the same one.";

/// How many items are split, in a sentence.
pub fn splits_line(split: usize, expected: usize) -> String {
    format!(
        "People gave different levels for {split} of {expected} items, the widest splits first."
    )
}

/// The first column and the last of the table of each person's view.
pub const VIEWS_ITEM_COLUMN: &str = "Item";
pub const VIEWS_AGREED_COLUMN: &str = "Agreed";
/// The cell of an item with no agreed level.
pub const OPEN_CELL: &str = "Open";

/// Krippendorff's alpha in a sentence.
pub fn alpha_line(alpha: Result<f64, Undefined>) -> String {
    match alpha {
        Ok(value) => format!("Krippendorff's alpha (ordinal): {value:.2}."),
        Err(Undefined::TooFewPairs) => "Krippendorff's alpha (ordinal): cannot be worked out yet, as no item has levels from two or more people.".to_string(),
        Err(Undefined::NoVariation) => "Krippendorff's alpha (ordinal): cannot be worked out, as every level given is the same one; there is nothing to tell agreement from chance (everyone agrees).".to_string(),
    }
}

/// Raw agreement in a sentence.
pub fn percent_line(percent: Option<f64>) -> String {
    match percent {
        Some(share) => format!(
            "Raw agreement: {:.0}% of pairs of levels given for the same item match.",
            share * 100.0
        ),
        None => {
            "Raw agreement: not yet, as no item has levels from two or more people.".to_string()
        }
    }
}

/// What the figures rest on.
pub fn basis_line(figures: &Figures) -> String {
    format!(
        "Based on {} {} and {} of {} items (those with levels from at least two people); \"not sure yet\" counts as missing.",
        figures.raters,
        match figures.raters {
            1 => "person",
            _ => "people",
        },
        figures.items,
        figures.expected
    )
}

/// The figure in plain words, with a caution when it rests on few items.
pub fn reading_line(figures: &Figures) -> Option<String> {
    let reading = figures.reading?;
    let words = match reading {
        Reading::Reliable => "In plain words: the group rates these items much alike, well beyond chance, so its levels can be relied on.",
        Reading::Tentative => "In plain words: the group broadly agrees, but treat conclusions as tentative and talk through the split items.",
        Reading::Low => "In plain words: the group sees this scheme in quite different ways. That is worth knowing: talk through the split items before relying on the outlook.",
    };
    let caution = match figures.items < 5 {
        true => " With so few items to compare, read the figure with care.",
        false => "",
    };
    Some(format!("{words}{caution}"))
}

/// Where the reading's thresholds come from.
pub fn reading_source() -> String {
    format!(
        "The reading uses Krippendorff's thresholds: rely on alpha of 0.80 or more, draw only tentative conclusions from 0.67 to 0.80 (source: {READING_SOURCE})."
    )
}

/// The column of how far apart the raters are.
pub const SPLIT_COLUMN: &str = "Split";

/// A split in a table cell.
pub fn split_short(split: Split) -> &'static str {
    match split {
        Split::SimpleComplex => "simple-complex",
        Split::SimpleComplicated => "simple-complicated",
        Split::ComplicatedComplex => "complicated-complex",
        Split::Agreed => "agreed",
        Split::TooFew => "too few",
    }
}

/// The title of `nasss agreement`'s output.
pub fn agreement_title(title: &str) -> String {
    format!(
        "Where the team agrees: {}",
        super::phrases::display_title(title)
    )
}

pub const AGREEMENT_PART: &str = "Agreement";
pub const AGREEMENT_TABLE_HEADING: &str = "Each item, split items first";

/// Said by `nasss agreement` for a file with no team views.
pub const NOT_A_TEAM: &str =
    "this assessment has no team views yet: merge the team's replies into it first (nasss merge)";

/// Said while a workshop's ratings are hidden.
pub fn hidden_line(people: usize) -> String {
    let who = match people {
        0 => "Nobody has taken a turn yet".to_string(),
        1 => "1 person has taken a turn".to_string(),
        n => format!("{n} people have taken a turn"),
    };
    format!("{who}. Everyone's ratings stay hidden until the lead reveals them all at once.")
}

/// What a merge did with one file or link, for the person who brought it in: "ann.json: added
/// Ann's ratings." or "link: not merged: it belongs to a different assessment …".
pub fn merge_line(
    source: &str,
    outcome: &Result<Vec<crate::merge::MergeNote>, crate::merge::MergeError>,
) -> String {
    match outcome {
        Ok(notes) => {
            let said: Vec<String> = notes.iter().map(ToString::to_string).collect();
            format!("{source}: {}.", said.join("; "))
        }
        Err(error) => format!("{source}: not merged: {error}."),
    }
}

/// What a link or file holds, said before anything is saved.
pub fn contents_line(assessment: &crate::Assessment) -> String {
    let title = super::phrases::display_title(&assessment.title);
    let progress = super::phrases::progress_line(assessment.progress());
    let named: Vec<&str> = assessment
        .raters
        .iter()
        .map(|r| r.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match (
        assessment.is_invitation(),
        assessment.is_team(),
        named.as_slice(),
    ) {
        (true, _, _) => format!(
            "An invitation to rate \"{title}\" ({}). Nothing has been rated yet.",
            assessment.setting.label()
        ),
        (false, true, _) => format!(
            "The team assessment \"{title}\", with {} and the group's agreed levels ({progress}).",
            match assessment.team.views.len() {
                1 => "one person's ratings".to_string(),
                n => format!("{n} people's ratings"),
            }
        ),
        (false, false, [one]) if assessment.id.is_some() => {
            format!("{one}'s ratings for \"{title}\" ({progress}).")
        }
        (false, false, _) => format!("The assessment \"{title}\" ({progress})."),
    }
}

/// What opening a link offers to do.
/// How a pasted link is named in merge messages ("link 2: added Ann's ratings.").
pub const LINK_SOURCE: &str = "link";

/// Said when a file or link could not be read at all.
pub fn unreadable_line(source: &str, error: &str) -> String {
    format!("{source}: not merged: {error}")
}

/// Said when a link's assessment is saved.
pub fn saved_copy_line(title: &str) -> String {
    format!("Saved \"{title}\" from the link as a new assessment: nothing else has changed.")
}

/// How many people gave each level: "1 simple, 2 complicated, 0 complex, 0 not sure yet".
pub fn counts_line(counts: [usize; 4]) -> String {
    let [simple, complicated, complex, unsure] = counts;
    format!("{simple} simple, {complicated} complicated, {complex} complex, {unsure} not sure yet")
}

/// The legend of the control that records an item's agreed level.
pub fn agree_legend(spread: &ItemSpread) -> String {
    format!("Agreed level for {}", item_name(spread))
}

/// The legend of one item in a person's workshop turn.
pub fn turn_legend(spread: &ItemSpread) -> String {
    item_name(spread)
}

/// The heading of a person's turn in a workshop.
pub fn turn_heading(name: &str) -> String {
    format!("{}'s turn", display_rater(name))
}

/// In a full assessment, the headings over each domain's spread and each sub-domain's.
pub const BY_DOMAIN_HEADING: &str =
    "By domain (each person's domain level from their own sub-domain ratings)";
pub const BY_SUB_DOMAIN_HEADING: &str = "By sub-domain";

pub const SAVE_AS_COPY: &str = "Save it as a new assessment";
pub const ADD_TO_OPEN: &str = "Add these ratings to the open team assessment";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_link_holds_is_said_before_saving() {
        let mut assessment = crate::Assessment::new("Telecare");
        let id = crate::team::AssessmentId::parse("t").unwrap();
        let invitation = assessment.invitation(id);
        assert_eq!(
            contents_line(&invitation),
            "An invitation to rate \"Telecare\" (Adult social care). Nothing has been rated yet."
        );
        assessment = invitation.clone();
        assessment
            .rating_mut(Item::Domain(crate::model::Domain::Condition))
            .level = Level::Simple;
        let reply = assessment.reply("Ann");
        assert_eq!(
            contents_line(&reply),
            "Ann's ratings for \"Telecare\" (1 of 7 domains rated)."
        );
        let mut team = invitation;
        crate::merge::merge(&mut team, &reply, None, None).unwrap();
        assert_eq!(
            contents_line(&team),
            "The team assessment \"Telecare\", with one person's ratings and the group's agreed levels (0 of 7 domains rated)."
        );
        assert_eq!(hidden_line(2), "2 people have taken a turn. Everyone's ratings stay hidden until the lead reveals them all at once.");
    }
}
