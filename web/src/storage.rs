//! The only file that touches the browser's local storage. The whole saved list lives under one
//! key as JSON; whatever cannot be read is copied aside under a backup key before anything is
//! written, so stored work is never silently dropped. Every failure (storage turned off, quota
//! full, unreadable data) comes back as a message for the page, never a panic.

use crate::library::Library;
use wasm_bindgen::JsCast;

/// Where the saved list lives.
pub const LIBRARY_KEY: &str = "nasss-analyser.library.v1";
/// Unreadable data is kept under this prefix followed by a timestamp and a number.
pub const BACKUP_PREFIX: &str = "nasss-analyser.backup.";

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub library: Library,
    /// A problem to show: storage unavailable, or data that could not be read.
    pub problem: Option<String>,
    /// False when unreadable data could not be kept aside: then saving would overwrite it,
    /// so the app does not save until the page is reloaded.
    pub may_save: bool,
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) | Err(_) => Err(
            "this browser is not letting the analyser use local storage, so nothing will be \
             kept after you close the page: export your assessment to keep it"
                .to_string(),
        ),
    }
}

/// Reads the saved list.
pub fn load() -> Loaded {
    let storage = match storage() {
        Ok(storage) => storage,
        Err(problem) => {
            return Loaded {
                problem: Some(problem),
                may_save: false,
                ..Loaded::default()
            }
        }
    };
    let stored = match storage.get_item(LIBRARY_KEY) {
        Ok(Some(stored)) => stored,
        Ok(None) => {
            return Loaded {
                may_save: true,
                ..Loaded::default()
            }
        }
        Err(error) => {
            return Loaded {
                problem: Some(format!(
                    "could not read saved assessments: {}",
                    describe(&error)
                )),
                may_save: false,
                ..Loaded::default()
            }
        }
    };
    let parsed = Library::parse(&stored);
    if parsed.rejected.is_empty() {
        return Loaded {
            library: parsed.library,
            problem: None,
            may_save: true,
        };
    }
    let stamp = js_sys::Date::now() as u64;
    let mut kept = Vec::new();
    for (index, raw) in parsed.rejected.iter().enumerate() {
        let key = format!("{BACKUP_PREFIX}{stamp}.{index}");
        match storage.set_item(&key, raw) {
            Ok(()) => kept.push(key),
            Err(error) => {
                return Loaded {
                    library: parsed.library,
                    problem: Some(format!(
                        "Some saved data could not be read ({}), and it could not be kept aside \
                         either ({}). Saving is paused so that it is not overwritten: export \
                         what you need, then free some space and reload.",
                        parsed.problems.join("; "),
                        describe(&error)
                    )),
                    may_save: false,
                }
            }
        }
    }
    Loaded {
        library: parsed.library,
        problem: Some(format!(
            "Some saved data could not be read ({}). It has been kept aside in this browser's \
             storage under {}; everything else loaded normally.",
            parsed.problems.join("; "),
            kept.join(", ")
        )),
        may_save: true,
    }
}

/// Saves the whole list.
pub fn save(library: &Library) -> Result<(), String> {
    let storage = storage()?;
    let text = serde_json::to_string(library)
        .map_err(|error| format!("could not prepare your assessments for saving: {error}"))?;
    storage.set_item(LIBRARY_KEY, &text).map_err(|error| {
        format!(
            "Your latest change could not be saved ({}). Export your assessment to keep it, \
             and free some space (for example by deleting assessments you no longer need).",
            describe(&error)
        )
    })
}

/// A JavaScript exception in words: `QuotaExceededError: …`.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}
