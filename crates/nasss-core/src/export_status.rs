//! Whether a saved assessment's latest work is in a file the person holds: when it was last
//! exported, and whether it has changed since, told in words. Browsers may clear what a page
//! keeps, so the app shows this beside every saved assessment; the core words it, as it words
//! everything a person reads about an assessment.
//!
//! Only exporting the assessment file counts: it is a copy the app and the CLI can read back.
//! Report downloads (Markdown, print) and share links do not.

use crate::assessment::Date;
use crate::Assessment;

/// Where a saved assessment stands against its last export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportState {
    Never,
    /// Exported on that day, and unchanged since.
    Current(Date),
    /// Exported on that day, and changed since.
    ChangedSince(Date),
}

impl ExportState {
    /// Where `assessment` stands, given the day and [`fingerprint`] of its last export.
    pub fn of(assessment: &Assessment, last: Option<(&Date, &str)>) -> ExportState {
        match last {
            None => ExportState::Never,
            Some((on, exported)) if exported == fingerprint(assessment) => {
                ExportState::Current(on.clone())
            }
            Some((on, _)) => ExportState::ChangedSince(on.clone()),
        }
    }

    /// A stable key for the state (for styling and tests): `never`, `current` or `changed`.
    pub fn key(&self) -> &'static str {
        match self {
            ExportState::Never => "never",
            ExportState::Current(_) => "current",
            ExportState::ChangedSince(_) => "changed",
        }
    }

    /// "Last exported 2 December 2026", "Never exported", or that it has changed since.
    pub fn line(&self) -> String {
        match self {
            ExportState::Never => "Never exported".to_string(),
            ExportState::Current(on) => format!("Last exported {}", on.long()),
            ExportState::ChangedSince(on) => format!(
                "Last exported {}, changed since: export it again to keep the latest",
                on.long()
            ),
        }
    }
}

/// A short, stable digest of an assessment's file text (64-bit FNV-1a, in hex): equal texts
/// give equal fingerprints in every version of the app, so one stored by an older version
/// still matches.
pub fn fingerprint(assessment: &Assessment) -> String {
    let hash = assessment
        .to_file_text()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn each_state_is_worded_with_its_date_written_out() {
        assert_eq!(ExportState::Never.line(), "Never exported");
        assert_eq!(
            ExportState::Current(day("2026-12-02")).line(),
            "Last exported 2 December 2026"
        );
        assert_eq!(
            ExportState::ChangedSince(day("2025-01-31")).line(),
            "Last exported 31 January 2025, changed since: export it again to keep the latest"
        );
    }

    #[test]
    fn a_change_after_the_export_is_noticed() {
        let mut assessment = Assessment::new("Shared Lives");
        let exported = fingerprint(&assessment);
        let on = day("2026-11-30");
        assert_eq!(
            ExportState::of(&assessment, Some((&on, &exported))),
            ExportState::Current(on.clone())
        );
        assessment.title.push_str(" (pilot)");
        assert_eq!(
            ExportState::of(&assessment, Some((&on, &exported))),
            ExportState::ChangedSince(on.clone())
        );
        assert_eq!(ExportState::of(&assessment, None), ExportState::Never);
    }

    #[test]
    fn fingerprints_are_16_hex_digits_and_follow_the_file_text() {
        let one = fingerprint(&Assessment::new("One"));
        assert_eq!(one.len(), 16);
        assert!(one.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(one, fingerprint(&Assessment::new("One")));
        assert_ne!(one, fingerprint(&Assessment::new("Two")));
    }
}
