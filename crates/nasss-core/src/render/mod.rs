//! Renderers of a [`Report`](crate::report::Report): plain text, Markdown and JSON. Text and
//! Markdown print one document outline (`outline.rs`), whose sentences all come from the
//! phrasebook (`phrases.rs`), so every shell says the same things in the same words and order
//! and differs only in layout. A new format is one renderer file and one [`Format`] arm.

mod calibration;
mod markdown;
mod outline;
mod over_time;
pub mod phrases;
mod team;

pub mod plan_phrases;
pub mod team_phrases;
mod text;

pub use calibration::calibration_text;
pub use outline::{
    context_lines, outline, Block, Cell, Mark, Outline, Part, PartKind, Section, SectionKind,
    TOP_STRATEGIES,
};
pub use over_time::{
    diff_blocks, diff_json, diff_section, diff_text, side_by_side, CompareOrder, DiffReport,
    DIFF_SCHEMA,
};

use crate::report::Report;
use serde::{Deserialize, Serialize};

/// The output formats a report can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Json];

    /// The name on the command line (`--format markdown`).
    pub fn key(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
        }
    }

    /// The format's name for people, as on a download button.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "Text",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
        }
    }

    /// The file extension of a saved report, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The media type of a saved report.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
            Format::Json => "application/json",
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| format.key() == key)
    }
}

pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(&outline(report)),
        Format::Markdown => markdown::render(&outline(report)),
        Format::Json => json(report),
    }
}

/// The team's agreement (`nasss agreement`): a per-item table, split items first, and the
/// figures, or for JSON the team analysis itself; `None` without team views.
pub fn agreement(report: &Report, format: Format) -> Option<String> {
    let outline = team::agreement_outline(report)?;
    Some(match format {
        Format::Text => text::render(&outline),
        Format::Markdown => markdown::render(&outline),
        Format::Json => {
            let mut out = serde_json::to_string_pretty(&report.team).unwrap_or_else(|error| {
                format!("{{\"error\": \"cannot serialise the team: {error}\"}}")
            });
            out.push('\n');
            out
        }
    })
}

/// The report as pretty-printed JSON (`"schema": "nasss-report/2"`).
pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report)
        .unwrap_or_else(|error| format!("{{\"error\": \"cannot serialise report: {error}\"}}"));
    out.push('\n');
    out
}

/// A file name for a saved report or assessment, made from its title: lower-case letters and
/// digits joined by hyphens, such as `telecare-pilot.md`; `assessment.md` for a title with none.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut stem = String::new();
    for ch in title.chars().flat_map(char::to_lowercase) {
        match ch.is_alphanumeric() {
            true => stem.push(ch),
            false if !stem.is_empty() && !stem.ends_with('-') => stem.push('-'),
            false => {}
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    let stem = stem.trim_end_matches('-');
    match stem.is_empty() {
        true => format!("assessment.{extension}"),
        false => format!("{stem}.{extension}"),
    }
}

/// The outline as a flat run of blocks with absolute heading levels (1 the title, 2 a part,
/// 3 a section, 4 a heading inside a section), for renderers that print in order.
enum Flat<'a> {
    Heading(u8, &'a str),
    Paragraph(&'a str),
    List(&'a [String]),
    Table(&'a [String], &'a [Vec<Cell>]),
}

fn flatten(outline: &Outline) -> Vec<Flat<'_>> {
    let mut out = vec![Flat::Heading(1, &outline.title)];
    out.extend(outline.description.as_deref().map(Flat::Paragraph));
    out.push(Flat::List(&outline.context));
    for part in &outline.parts {
        out.push(Flat::Heading(2, &part.heading));
        for section in &part.sections {
            out.extend(section.heading.as_deref().map(|h| Flat::Heading(3, h)));
            for block in &section.blocks {
                out.push(match block {
                    Block::Heading(text) => Flat::Heading(4, text),
                    Block::Paragraph(text) => Flat::Paragraph(text),
                    Block::List(items) => Flat::List(items),
                    Block::Table(header, rows) => Flat::Table(header, rows),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_titles() {
        assert_eq!(file_name("Telecare pilot", "json"), "telecare-pilot.json");
        assert_eq!(
            file_name("  GPS: dementia (2019)!", "md"),
            "gps-dementia-2019.md"
        );
        assert_eq!(file_name("***", "json"), "assessment.json");
        assert_eq!(file_name("", "json"), "assessment.json");
        assert_eq!(file_name("Café Ünïcode", "json"), "café-ünïcode.json");
    }

    #[test]
    fn formats_round_trip_their_keys() {
        for format in Format::ALL {
            assert_eq!(Format::from_key(format.key()), Some(format));
        }
        assert_eq!(Format::from_key("pdf"), None);
    }
}
