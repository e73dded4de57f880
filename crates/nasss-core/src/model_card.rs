//! The model card's plain-language summary, shown with every outlook ("How to read this
//! outlook"): the section of `docs/model.md` headed "## In plain words", compiled in so that the
//! shells and the card cannot drift apart. Only `**bold**` is marked; the rest is plain text.

/// The heading of the disclosure that holds the plain words.
pub const HOW_TO_READ: &str = "How to read this outlook";

mod section;
pub use section::{section, PLAIN_WORDS_TITLE};

/// The "In plain words" section, cut out of `docs/model.md` by `build.rs`: only these few
/// hundred words ship in the app, not the whole model card.
const PLAIN_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/plain_words.md"));

/// A run of text, bold or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span<'a> {
    Plain(&'a str),
    Bold(&'a str),
}

/// The lines of the "In plain words" section, each split into spans.
pub fn plain_words() -> Vec<Vec<Span<'static>>> {
    PLAIN_WORDS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(spans)
        .collect()
}

/// Splits a line at `**` markers: odd runs are bold. An unmatched `**` is kept as text.
pub fn spans(line: &str) -> Vec<Span<'_>> {
    let parts: Vec<&str> = line.split("**").collect();
    let balanced = parts.len() % 2 == 1;
    match balanced {
        false => vec![Span::Plain(line)],
        true => parts
            .into_iter()
            .enumerate()
            .filter(|(_, part)| !part.is_empty())
            .map(|(index, part)| match index % 2 {
                0 => Span::Plain(part),
                _ => Span::Bold(part),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_words_section_is_there_and_has_bold_bands() {
        let lines = plain_words();
        assert!(lines.len() >= 3, "{lines:?}");
        let bold: Vec<&str> = lines
            .iter()
            .flatten()
            .filter_map(|span| match span {
                Span::Bold(text) => Some(*text),
                Span::Plain(_) => None,
            })
            .collect();
        assert!(bold.contains(&"Very likely"), "{bold:?}");
        assert!(bold.contains(&"Uncertain"), "{bold:?}");
        let text: String = lines
            .iter()
            .flatten()
            .map(|span| match span {
                Span::Plain(t) | Span::Bold(t) => *t,
            })
            .collect();
        assert!(!text.contains("##"), "stops before the next section");
    }

    #[test]
    fn the_build_cut_the_section_the_model_card_has() {
        let model_card = include_str!("../../../docs/model.md");
        let cut = section(model_card, PLAIN_WORDS_TITLE);
        assert!(cut.contains("**Very likely**"), "{cut}");
        assert_eq!(PLAIN_WORDS, cut);
    }

    #[test]
    fn sections_and_spans() {
        let md = "# T\n\n## A\n\none **two** three\n\n## B\n\nfour\n";
        assert_eq!(section(md, "A").trim(), "one **two** three");
        assert_eq!(section(md, "B").trim(), "four");
        assert_eq!(section(md, "C"), "");
        assert_eq!(
            spans("one **two** three"),
            vec![
                Span::Plain("one "),
                Span::Bold("two"),
                Span::Plain(" three")
            ]
        );
        assert_eq!(spans("a ** b"), vec![Span::Plain("a ** b")]);
    }
}
