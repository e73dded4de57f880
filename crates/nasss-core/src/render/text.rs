//! Plain-text rendering of a report outline: underlined headings, wrapped paragraphs, dashed
//! lists and aligned tables, for terminals and e-mail.

use super::{flatten, Cell, Flat, Outline};

const WIDTH: usize = 92;

pub fn render(outline: &Outline) -> String {
    let mut out = String::new();
    for block in flatten(outline) {
        match block {
            Flat::Heading(level, text) => {
                let rule = match level {
                    1 => '=',
                    2 => '-',
                    3 => '~',
                    _ => '.',
                };
                let text = clean(text);
                out.push_str(&text);
                out.push('\n');
                out.extend(std::iter::repeat_n(rule, text.chars().count()));
                out.push('\n');
            }
            Flat::Paragraph(text) => out.push_str(&wrap(text, "", "")),
            Flat::List(items) => {
                for item in items {
                    out.push_str(&wrap(item, "- ", "  "));
                }
            }
            Flat::Table(header, rows) => out.push_str(&table(header, rows)),
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// User text as a terminal should get it: control characters (ESC, NUL, bell and the like,
/// which could move the cursor or recolour the screen) dropped, and white space as single
/// spaces, so a heading or a table cell stays on its line.
fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|ch| !ch.is_control() || ch.is_whitespace())
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in clean(text).split(' ').filter(|word| !word.is_empty()) {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn table(header: &[String], rows: &[Vec<Cell>]) -> String {
    let header: Vec<String> = header.iter().map(|cell| clean(cell)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| clean(&cell.text)).collect())
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|col| {
            std::iter::once(header.as_slice())
                .chain(rows.iter().map(Vec::as_slice))
                .map(|row| row.get(col).map_or(0, |cell| cell.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |row: &[String]| {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            // Padded by hand: `format!`'s width stops at 65,535, shorter than a long note.
            .map(|(cell, width)| {
                let pad = width.saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect();
        format!("{}\n", cells.join("  ").trim_end())
    };
    let mut out = line(&header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("{}\n", rule.join("  ")));
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_long_paragraphs() {
        let out = wrap(&"word ".repeat(40), "", "");
        assert!(out.lines().all(|line| line.chars().count() <= WIDTH));
        assert!(out.lines().count() > 1);
    }

    #[test]
    fn drops_terminal_control_characters() {
        assert_eq!(clean("a\u{1b}[2J\u{7}\u{9b}b\tc\r\nd"), "a[2Jb c d");
    }

    #[test]
    fn aligns_tables() {
        let out = table(
            &["A".into(), "Bee".into()],
            &[vec![Cell::plain("long cell"), Cell::plain("x")]],
        );
        assert_eq!(out, "A          Bee\n---------  ---\nlong cell  x\n");
    }
}
