//! "My assessments": the saved list as plain data, with the operations a person can take on it
//! (add, open, rename, duplicate, delete) and the lenient reading of what was stored. Nothing
//! here touches the browser, so it is unit-tested on the host; `storage.rs` moves it in and out
//! of local storage.

use nasss_core::assessment::Date;
use nasss_core::Assessment;
use serde::{Deserialize, Serialize};

/// A saved assessment's id: stable for the life of the entry, never reused while it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub u32);

/// One saved assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: EntryId,
    pub assessment: Assessment,
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
}

impl Library {
    /// The id the next added entry gets.
    pub fn next_id(&self) -> EntryId {
        EntryId(self.entries.iter().map(|e| e.id.0).max().unwrap_or(0) + 1)
    }

    /// Adds an entry at the end and returns its id; it does not open it.
    pub fn add(&mut self, assessment: Assessment) -> EntryId {
        let id = self.next_id();
        self.entries.push(Entry { id, assessment });
        id
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
        copy.title = format!(
            "Copy of {}",
            nasss_core::render::phrases::display_title(&copy.title)
        );
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
            parsed
                .problems
                .push("the saved list has no `entries`".to_string());
            return parsed;
        };
        for raw in entries {
            match serde_json::from_value::<Entry>(raw.clone()) {
                Ok(entry) if parsed.library.get(entry.id).is_none() => {
                    parsed.library.entries.push(entry)
                }
                Ok(entry) => {
                    parsed.rejected.push(raw.to_string());
                    parsed
                        .problems
                        .push(format!("two saved assessments share the id {}", entry.id.0));
                }
                Err(error) => {
                    let title = raw["assessment"]["title"].as_str().unwrap_or("untitled");
                    parsed.rejected.push(raw.to_string());
                    parsed.problems.push(format!(
                        "the saved assessment \"{title}\" is unreadable ({error})"
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
}
