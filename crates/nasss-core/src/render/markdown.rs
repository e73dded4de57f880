//! Markdown rendering of a report outline, for wikis, papers and the app's download.

use super::{flatten, Flat, Outline};

pub fn render(outline: &Outline) -> String {
    let mut out = String::new();
    for block in flatten(outline) {
        match block {
            Flat::Heading(level, text) => {
                out.push_str(&"#".repeat(usize::from(level)));
                out.push(' ');
                out.push_str(&escape(text));
                out.push('\n');
            }
            Flat::Paragraph(text) => {
                out.push_str(&escape(text));
                out.push('\n');
            }
            Flat::List(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&escape(item));
                    out.push('\n');
                }
            }
            Flat::Table(header, rows) => {
                out.push_str(&row(header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for cells in rows {
                    let cells: Vec<String> = cells.iter().map(|cell| cell.text.clone()).collect();
                    out.push_str(&row(&cells));
                }
            }
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| escape(c).replace('|', "\\|"))
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Escapes the characters that would turn user text into markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(ch, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_user_text() {
        assert_eq!(
            escape("a *bold* <script> | x"),
            "a \\*bold\\* \\<script\\> | x"
        );
    }

    #[test]
    fn tables_escape_pipes() {
        assert_eq!(row(&["x|y".into()]), "| x\\|y |\n");
    }
}
