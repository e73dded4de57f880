//! The phrasebook's team pages: every sentence and label about a team's ratings (who rated,
//! where they differ, the agreement figures, merge and link messages), written once, for the
//! report's team sections (`team.rs`), the CLI's `agreement` table and the web app.

/// What a rater with a blank name is called.
pub const UNNAMED_RATER: &str = "Unnamed rater";

/// A rater's name as people read it: trimmed, and "Unnamed rater" when blank.
pub fn display_rater(name: &str) -> &str {
    match name.trim() {
        "" => UNNAMED_RATER,
        trimmed => trimmed,
    }
}
