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
                out.push_str(&escape_block_start(escape(text)));
                out.push('\n');
            }
            Flat::List(items) => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&escape_block_start(escape(item)));
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

/// Escapes the characters that would turn user text into markup: emphasis, code, links and
/// images, raw HTML, headings, entities (`&lt;`) and strikethrough. Control characters (NUL,
/// ESC and the like) are dropped and runs of white space become one space, so user text stays
/// on one line and cannot start a new block.
fn escape(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|ch| !ch.is_control() || ch.is_whitespace())
        .collect();
    let mut out = String::with_capacity(kept.len());
    for ch in kept
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Escapes what would make a paragraph or list item start a block of its own: a list marker
/// (`-`, `+`, `1.`, `1)`), a thematic break (`---`) or a setext underline (`===`).
fn escape_block_start(text: String) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text.chars().next() {
        Some('-' | '+' | '=') => format!("\\{text}"),
        Some(_) if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) => {
            format!("{}\\{}", &text[..digits], &text[digits..])
        }
        Some(_) | None => text,
    }
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
    fn escapes_entities_strikethrough_and_drops_controls() {
        assert_eq!(
            escape("&lt;b&gt; ~~x~~ a\u{1b}[31m\u{0}b\nc"),
            "\\&lt;b\\&gt; \\~\\~x\\~\\~ a\\[31mb c"
        );
    }

    #[test]
    fn block_starts_are_escaped() {
        assert_eq!(escape_block_start("- item".into()), "\\- item");
        assert_eq!(escape_block_start("=== x".into()), "\\=== x");
        assert_eq!(escape_block_start("12. x".into()), "12\\. x");
        assert_eq!(escape_block_start("3) x".into()), "3\\) x");
        assert_eq!(escape_block_start("3 of 7".into()), "3 of 7");
    }

    #[test]
    fn tables_escape_pipes() {
        assert_eq!(row(&["x|y".into()]), "| x\\|y |\n");
    }
}
