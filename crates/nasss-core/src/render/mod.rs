//! Renderers of a [`Report`](crate::report::Report): plain text, Markdown and JSON. Text and
//! Markdown share one document outline (`outline.rs`), so both say the same things in the same
//! order and differ only in how blocks are printed.

mod markdown;
mod outline;
mod text;

pub use outline::{basis, context_lines, outline, range_label, Block};

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

    pub fn key(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
        }
    }
}

pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(&outline(report)),
        Format::Markdown => markdown::render(&outline(report)),
        Format::Json => json(report),
    }
}

/// The report as pretty-printed JSON (`"schema": "nasss-report/1"`).
pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report)
        .unwrap_or_else(|error| format!("{{\"error\": \"cannot serialise report: {error}\"}}"));
    out.push('\n');
    out
}
