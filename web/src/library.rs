//! "My assessments": the saved list as plain data, with the operations a person can take on it
//! (add, open, rename, duplicate, delete) and the lenient reading of what was stored. Nothing
//! here touches the browser, so it is unit-tested on the host; `storage.rs` moves it in and out
//! of local storage.
//!
//! The stored shape, and every shape it has had (golden files of each are in
//! `tests/fixtures/storage/` and must keep loading):
//! - version 1 (no `version` field): `{"entries": [{"id", "assessment"}], "open"}`, each
//!   assessment in the file format `nasss-assessment/1` or `/2`;
//! - version 2: the same with `"version": 2` and, on each entry, `exported` (when the person
//!   last exported it as a file, and a fingerprint of what was exported).
//!
//! A list with a higher version was written by a newer app: it is read as far as it can be,
//! and `storage.rs` does not save over it.

use nasss_core::assessment::Date;
pub use nasss_core::export_status::{fingerprint, ExportState};
use nasss_core::render::phrases::display_title;
use nasss_core::Assessment;
use serde::{Deserialize, Serialize};

/// A saved assessment's id: stable for the life of the entry, never reused while it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub u32);

/// The version of the stored shape this app writes.
pub const STORAGE_VERSION: u32 = 2;

/// One saved assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: EntryId,
    pub assessment: Assessment,
    /// When the person last exported it as an assessment file (the only export that gives
    /// them a copy the app can read back: report downloads and share links do not count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<Exported>,
}

/// The last export of an entry as a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exported {
    pub on: Date,
    /// [`fingerprint`] of the file as exported, to tell whether it has changed since.
    pub fingerprint: String,
}

impl Entry {
    pub fn export_state(&self) -> ExportState {
        let last = self
            .exported
            .as_ref()
            .map(|exported| (&exported.on, exported.fingerprint.as_str()));
        ExportState::of(&self.assessment, last)
    }
}

/// Every saved assessment, in the order they were added, and the one that is open.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Library {
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub open: Option<EntryId>,
}

/// What reading stored text gave: the library, and anything that could not be read, kept
/// verbatim so it can be set aside rather than lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub library: Library,
    /// The unreadable parts, as stored: the whole text, or single entries.
    pub rejected: Vec<String>,
    /// What was wrong, one line each, for a person to read.
    pub problems: Vec<String>,
    /// The stored version, when it is newer than this app's: the list must not be saved over.
    pub newer: Option<u64>,
}

impl Library {
    /// The id the next added entry gets.
    pub fn next_id(&self) -> EntryId {
        EntryId(self.entries.iter().map(|e| e.id.0).max().unwrap_or(0) + 1)
    }

    /// Adds an entry at the end and returns its id; it does not open it.
    pub fn add(&mut self, assessment: Assessment) -> EntryId {
        let id = self.next_id();
        self.entries.push(Entry {
            id,
            assessment,
            exported: None,
        });
        id
    }

    /// Records that an entry (the open one when `id` is `None`) was exported as a file today;
    /// false if there is no such entry.
    pub fn mark_exported(&mut self, id: Option<EntryId>, today: &Date) -> bool {
        let Some(id) = id.or(self.open) else {
            return false;
        };
        match self.get_mut(id) {
            Some(entry) => {
                entry.exported = Some(Exported {
                    on: today.clone(),
                    fingerprint: fingerprint(&entry.assessment),
                });
                true
            }
            None => false,
        }
    }

    pub fn get(&self, id: EntryId) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == id)
    }

    pub fn get_mut(&mut self, id: EntryId) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|entry| entry.id == id)
    }

    /// The open entry, if one is open and still exists.
    pub fn open_entry(&self) -> Option<&Entry> {
        self.open.and_then(|id| self.get(id))
    }

    pub fn open_mut(&mut self) -> Option<&mut Entry> {
        let id = self.open?;
        self.get_mut(id)
    }

    /// Renames an entry; false if there is no such entry.
    pub fn rename(&mut self, id: EntryId, title: &str, today: &Date) -> bool {
        match self.get_mut(id) {
            Some(entry) => {
                entry.assessment.title = title.to_string();
                entry.assessment.updated = Some(today.clone());
                true
            }
            None => false,
        }
    }

    /// Adds a copy of an entry titled "Copy of …", dated today; returns the copy's id.
    pub fn duplicate(&mut self, id: EntryId, today: &Date) -> Option<EntryId> {
        let mut copy = self.get(id)?.assessment.clone();
        copy.title = format!("Copy of {}", display_title(&copy.title));
        copy.created = Some(today.clone());
        copy.updated = Some(today.clone());
        Some(self.add(copy))
    }

    /// Deletes an entry (closing it if it was open); false if there is no such entry.
    pub fn delete(&mut self, id: EntryId) -> bool {
        let before = self.entries.len();
        self.entries.retain(|entry| entry.id != id);
        if self.open == Some(id) {
            self.open = None;
        }
        self.entries.len() != before
    }

    /// The text to store: the list, marked with [`STORAGE_VERSION`].
    pub fn to_stored(&self) -> Result<String, serde_json::Error> {
        // The list serialises as an object, `{"entries":…}`: the version goes first inside it.
        // (Spliced as text: serde's `flatten` would cost the page far more.)
        let text = serde_json::to_string(self)?;
        Ok(format!(
            "{{\"version\":{STORAGE_VERSION},{}",
            text.strip_prefix('{').unwrap_or(&text)
        ))
    }

    /// Reads the stored form leniently: entries that do not read as assessments are rejected
    /// one by one, the rest are kept.
    pub fn parse(stored: &str) -> Parsed {
        let mut parsed = Parsed::default();
        let value: serde_json::Value = match serde_json::from_str(stored) {
            Ok(value) => value,
            Err(error) => {
                parsed.rejected.push(stored.to_string());
                parsed
                    .problems
                    .push(format!("the saved list is not readable JSON ({error})"));
                return parsed;
            }
        };
        let Some(entries) = value.get("entries").and_then(|e| e.as_array()) else {
            parsed.rejected.push(stored.to_string());
            parsed.problems.push(
                "the saved list is not in the shape this app saves (it has no list of `entries`)"
                    .to_string(),
            );
            return parsed;
        };
        let version = value.get("version").map_or(Some(1), |v| v.as_u64());
        match version {
            Some(version) if version <= u64::from(STORAGE_VERSION) => {}
            Some(version) => parsed.newer = Some(version),
            None => parsed.newer = Some(u64::MAX),
        }
        for (index, raw) in entries.iter().enumerate() {
            let position = index + 1;
            match serde_json::from_value::<Entry>(raw.clone()) {
                Ok(entry) if parsed.library.get(entry.id).is_none() => {
                    parsed.library.entries.push(entry)
                }
                Ok(entry) => {
                    parsed.rejected.push(raw.to_string());
                    parsed.problems.push(format!(
                        "saved assessment {position}, \"{}\", has the same id ({}) as an earlier one",
                        display_title(&entry.assessment.title),
                        entry.id.0
                    ));
                }
                Err(error) => {
                    let title = match raw["assessment"]["title"].as_str() {
                        Some(title) => format!(", \"{}\",", display_title(title)),
                        None => String::new(),
                    };
                    parsed.rejected.push(raw.to_string());
                    parsed.problems.push(format!(
                        "saved assessment {position}{title} could not be read ({error})"
                    ));
                }
            }
        }
        let open = value
            .get("open")
            .and_then(|open| serde_json::from_value::<EntryId>(open.clone()).ok());
        parsed.library.open = open.filter(|id| parsed.library.get(*id).is_some());
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // In the browser under wasm-bindgen-test; on the host (`cargo test -p nasss-web --lib`)
    // as plain tests, since nothing here touches the browser.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn library_of(titles: &[&str]) -> Library {
        let mut library = Library::default();
        for title in titles {
            library.add(Assessment::new(*title));
        }
        library
    }

    #[test]
    fn ids_grow_and_are_not_reused_while_entries_exist() {
        let mut library = library_of(&["a", "b"]);
        assert_eq!(library.next_id(), EntryId(3));
        assert!(library.delete(EntryId(1)));
        assert_eq!(library.add(Assessment::new("c")), EntryId(3));
        assert!(!library.delete(EntryId(1)), "already gone");
    }

    #[test]
    fn rename_duplicate_delete() {
        let mut library = library_of(&["Telecare"]);
        library.open = Some(EntryId(1));
        assert!(library.rename(EntryId(1), "Telecare pilot", &day("2026-01-02")));
        let copy = library.duplicate(EntryId(1), &day("2026-01-03")).unwrap();
        let copied = &library.get(copy).unwrap().assessment;
        assert_eq!(copied.title, "Copy of Telecare pilot");
        assert_eq!(copied.created, Some(day("2026-01-03")));
        assert_eq!(library.entries.len(), 2);
        assert!(library.delete(EntryId(1)));
        assert_eq!(library.open, None, "deleting the open entry closes it");
        assert_eq!(library.entries.len(), 1);
        assert!(library.duplicate(EntryId(9), &day("2026-01-03")).is_none());
    }

    #[test]
    fn round_trips_through_json() {
        let mut library = library_of(&["a", "b"]);
        library.open = Some(EntryId(2));
        let stored = serde_json::to_string(&library).unwrap();
        let parsed = Library::parse(&stored);
        assert_eq!(parsed.library, library);
        assert!(parsed.rejected.is_empty() && parsed.problems.is_empty());
    }

    #[test]
    fn unreadable_text_is_rejected_whole() {
        let parsed = Library::parse("{not json");
        assert_eq!(parsed.library, Library::default());
        assert_eq!(parsed.rejected, vec!["{not json".to_string()]);
        assert_eq!(parsed.problems.len(), 1);
    }

    #[test]
    fn one_bad_entry_does_not_lose_the_others() {
        let stored = r#"{"open": 2, "entries": [
            {"id": 1, "assessment": {"schema": "nasss-assessment/1", "title": "good"}},
            {"id": 2, "assessment": {"schema": "nasss-assessment/9", "title": "bad"}}
        ]}"#;
        let parsed = Library::parse(stored);
        assert_eq!(parsed.library.entries.len(), 1);
        assert_eq!(parsed.library.entries[0].assessment.title, "good");
        assert_eq!(parsed.library.open, None, "the open entry was the bad one");
        assert_eq!(parsed.rejected.len(), 1);
        assert!(
            parsed.problems[0].contains("\"bad\""),
            "{:?}",
            parsed.problems
        );
    }

    /// Every stored shape the app has ever written, as golden files.
    const GOLDEN: [(&str, &str); 5] = [
        (
            "v1-empty.json",
            include_str!("../../tests/fixtures/storage/v1-empty.json"),
        ),
        (
            "v1-format-1.json",
            include_str!("../../tests/fixtures/storage/v1-format-1.json"),
        ),
        (
            "v1-format-2.json",
            include_str!("../../tests/fixtures/storage/v1-format-2.json"),
        ),
        (
            "v2-exported.json",
            include_str!("../../tests/fixtures/storage/v2-exported.json"),
        ),
        ("today", ""),
    ];

    #[test]
    fn every_older_stored_shape_loads_whole() {
        let mut today = library_of(&["Saved today"]);
        today.mark_exported(Some(EntryId(1)), &day("2026-12-02"));
        let today_text = today.to_stored().unwrap();
        let mut loaded = Vec::new();
        for (name, text) in GOLDEN {
            let text = if name == "today" { &today_text } else { text };
            let parsed = Library::parse(text);
            assert!(parsed.rejected.is_empty(), "{name}: {:?}", parsed.problems);
            assert_eq!(parsed.newer, None, "{name}");
            loaded.push(parsed.library);
        }
        let counts: Vec<usize> = loaded.iter().map(|l| l.entries.len()).collect();
        assert_eq!(counts, [0, 2, 2, 2, 1]);
        assert_eq!(loaded[1].open, Some(EntryId(3)));
        assert_eq!(
            loaded[1].entries[1].assessment.title,
            "Every field of format version 1"
        );
        assert!(!loaded[1].entries[1].assessment.ratings.is_empty());
        assert_eq!(
            loaded[2].entries[0].assessment.title,
            "Every field of format version 2"
        );
        assert_eq!(loaded[3].open, Some(EntryId(1)));
        assert_eq!(
            loaded[3].entries[0].export_state(),
            ExportState::ChangedSince(day("2026-11-30"))
        );
        assert_eq!(loaded[3].entries[1].export_state(), ExportState::Never);
        assert_eq!(loaded[4], today, "today's shape round-trips");
        // What is read is written back in today's shape, and reads back the same.
        for library in &loaded {
            let again = Library::parse(&library.to_stored().unwrap());
            assert_eq!(&again.library, library);
            assert!(again.problems.is_empty());
        }
    }

    #[test]
    fn today_writes_its_version() {
        let text = library_of(&["a"]).to_stored().unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["version"], STORAGE_VERSION);
        assert!(
            value["entries"][0].get("exported").is_none(),
            "never exported is not written"
        );
    }

    #[test]
    fn exporting_is_recorded_and_a_later_change_is_flagged() {
        let mut library = library_of(&["a", "b"]);
        library.open = Some(EntryId(2));
        assert_eq!(library.entries[1].export_state(), ExportState::Never);
        assert!(
            library.mark_exported(None, &day("2026-12-02")),
            "the open one"
        );
        assert_eq!(
            library.entries[1].export_state(),
            ExportState::Current(day("2026-12-02"))
        );
        assert_eq!(library.entries[0].export_state(), ExportState::Never);
        library.rename(EntryId(2), "b, renamed", &day("2026-12-03"));
        assert_eq!(
            library.entries[1].export_state(),
            ExportState::ChangedSince(day("2026-12-02"))
        );
        let copy = library.duplicate(EntryId(2), &day("2026-12-03")).unwrap();
        assert_eq!(
            library.get(copy).unwrap().export_state(),
            ExportState::Never
        );
        assert!(!library.mark_exported(Some(EntryId(9)), &day("2026-12-03")));
        library.open = None;
        assert!(!library.mark_exported(None, &day("2026-12-03")));
    }

    #[test]
    fn unreadable_entries_are_kept_one_by_one_with_their_positions() {
        let parsed = Library::parse(include_str!(
            "../../tests/fixtures/storage/corrupt-one-bad-entry.json"
        ));
        let titles: Vec<&str> = parsed
            .library
            .entries
            .iter()
            .map(|entry| entry.assessment.title.as_str())
            .collect();
        assert_eq!(titles, ["Readable before", "Readable after"]);
        assert_eq!(parsed.library.open, None, "the open one was unreadable");
        assert_eq!(parsed.rejected.len(), 3, "{:?}", parsed.problems);
        assert_eq!(parsed.problems.len(), 3);
        assert!(parsed.problems[0].starts_with("saved assessment 2, \"Unreadable rating\""));
        assert!(parsed.problems[1].starts_with("saved assessment 4, \"Same id as another\""));
        assert!(parsed.problems[2].starts_with("saved assessment 5 could not be read"));
        // Each is kept exactly: it reads back as the entry that was stored.
        let stored: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/storage/corrupt-one-bad-entry.json"
        ))
        .unwrap();
        for (kept, position) in parsed.rejected.iter().zip([1, 3, 4]) {
            let kept: serde_json::Value = serde_json::from_str(kept).unwrap();
            assert_eq!(kept, stored["entries"][position]);
        }
    }

    #[test]
    fn the_wrong_shape_is_kept_whole() {
        let text = include_str!("../../tests/fixtures/storage/corrupt-wrong-shape.json");
        let parsed = Library::parse(text);
        assert_eq!(parsed.library, Library::default());
        assert_eq!(parsed.rejected, [text.to_string()]);
        assert!(parsed.problems[0].contains("not in the shape"));
        let text = include_str!("../../tests/fixtures/storage/corrupt-not-json.txt");
        let parsed = Library::parse(text);
        assert_eq!(parsed.rejected, [text.to_string()]);
        assert!(parsed.problems[0].contains("not readable JSON"));
    }

    #[test]
    fn a_newer_version_is_read_as_far_as_it_can_be_and_marked() {
        let parsed = Library::parse(include_str!(
            "../../tests/fixtures/storage/newer-version.json"
        ));
        assert_eq!(parsed.newer, Some(99));
        assert_eq!(parsed.library.entries.len(), 1);
        assert_eq!(
            Library::parse(r#"{"version": "three", "entries": []}"#).newer,
            Some(u64::MAX)
        );
    }
}
