//! Finding one `## ` section of a Markdown document. Shared by `build.rs`, which cuts the model
//! card's "In plain words" section out of `docs/model.md` so only that ships in the app, and by
//! `model_card.rs`'s tests, which check the cut against the whole file.

/// The heading of the model card section the app shows.
pub const PLAIN_WORDS_TITLE: &str = "In plain words";

/// The text under `## {title}`, up to the next `## ` heading; empty if there is no such section.
pub fn section<'a>(markdown: &'a str, title: &str) -> &'a str {
    let heading = format!("## {title}");
    let Some(start) = markdown.lines().position(|line| line.trim_end() == heading) else {
        return "";
    };
    let offset: usize = markdown
        .lines()
        .take(start + 1)
        .map(|line| line.len() + 1)
        .sum();
    let rest = markdown.get(offset.min(markdown.len())..).unwrap_or("");
    match rest.find("\n## ") {
        Some(end) => &rest[..end],
        None if rest.starts_with("## ") => "",
        None => rest,
    }
}
