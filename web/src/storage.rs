//! The only file that touches the browser's local storage. The whole saved list lives under one
//! key as JSON (its shapes over time are described in `library.rs`); whatever cannot be read is
//! copied aside under a backup key, entry by entry where it can be, before anything is written,
//! so stored work is never silently dropped, and the person can download what was kept aside.
//! Every failure (storage turned off, quota full, unreadable data, a list saved by a newer
//! version) comes back as a message for the page, never a panic.
//!
//! A save is one `setItem` of the whole list, which the browser either does in full or not at
//! all: when storage is full the old list stays as it was, the work stays on the page, and the
//! next change tries again.

use crate::library::{Library, STORAGE_VERSION};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Where the saved list lives (the key has not changed since the first version: the list
/// carries its own `version`).
pub const LIBRARY_KEY: &str = "nasss-analyser.library.v1";
/// Unreadable data is kept under this prefix followed by a timestamp and a number.
pub const BACKUP_PREFIX: &str = "nasss-analyser.backup.";

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub library: Library,
    /// A problem to show: storage unavailable, or data that could not be read.
    pub problem: Option<String>,
    /// False when unreadable data could not be kept aside, or the list was saved by a newer
    /// version: then saving would overwrite it, so the app does not save until reloaded.
    pub may_save: bool,
    /// Whether there is stored data the person should be offered to download: what was kept
    /// aside, or a list saved by a newer version.
    pub offer_download: bool,
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) | Err(_) => Err(
            "This browser is not letting the analyser use local storage, so nothing will be \
             kept after you close the page: export your assessment to keep it."
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
            let problem = kept_aside_before(&storage);
            return Loaded {
                offer_download: problem.is_some(),
                problem,
                may_save: true,
                ..Loaded::default()
            };
        }
        Err(error) => {
            return Loaded {
                problem: Some(format!(
                    "Your saved assessments could not be read ({}). Nothing will be saved \
                     until you reload the page, so that they are not overwritten.",
                    describe(&error)
                )),
                may_save: false,
                ..Loaded::default()
            }
        }
    };
    let parsed = Library::parse(&stored);
    if let Some(version) = parsed.newer {
        let version = match version {
            u64::MAX => "an unknown version".to_string(),
            version => format!("version {version}"),
        };
        return Loaded {
            library: parsed.library,
            problem: Some(format!(
                "Your saved assessments were saved by a newer version of the analyser (storage \
                 {version}; this version reads up to {STORAGE_VERSION}). They are shown as far \
                 as this version can read them, but nothing you change here will be saved, so \
                 that the newer data is not overwritten: use the newer version, or export what \
                 you change as a file. You can download everything stored to keep a copy."
            )),
            may_save: false,
            offer_download: true,
        };
    }
    if parsed.rejected.is_empty() {
        let problem = kept_aside_before(&storage);
        return Loaded {
            library: parsed.library,
            offer_download: problem.is_some(),
            problem,
            may_save: true,
        };
    }
    let stamp = js_sys::Date::now() as u64;
    for (index, raw) in parsed.rejected.iter().enumerate() {
        let key = format!("{BACKUP_PREFIX}{stamp}.{index}");
        if let Err(error) = storage.set_item(&key, raw) {
            return Loaded {
                library: parsed.library,
                problem: Some(format!(
                    "Some saved data could not be read: {}. It could not be kept aside either \
                     ({}), so nothing will be saved until you reload the page, so that it is \
                     not overwritten. Download what is stored to keep it, export the \
                     assessments you need, then free some space and reload.",
                    parsed.problems.join("; "),
                    describe(&error)
                )),
                may_save: false,
                offer_download: true,
            };
        }
    }
    let count = parsed.library.entries.len();
    Loaded {
        problem: Some(format!(
            "Some saved data could not be read: {}. It has been kept aside in this browser, \
             unchanged, and the other {count} saved {} loaded normally. Download what was kept \
             aside to keep it safe, or to send it to someone who can help recover it.",
            parsed.problems.join("; "),
            match count {
                1 => "assessment",
                _ => "assessments",
            }
        )),
        library: parsed.library,
        may_save: true,
        offer_download: true,
    }
}

/// A reminder, at start, of data kept aside on an earlier visit and still in storage.
fn kept_aside_before(storage: &web_sys::Storage) -> Option<String> {
    let count = backup_keys(storage).len();
    (count > 0).then(|| {
        format!(
            "Data that could not be read on an earlier visit is still kept aside in this browser \
             ({count} {}). Download it to keep it safe, or to send it to someone who can help \
             recover it.",
            match count {
                1 => "item",
                _ => "items",
            }
        )
    })
}

fn backup_keys(storage: &web_sys::Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(BACKUP_PREFIX))
        .collect();
    keys.sort();
    keys
}

/// Everything kept aside, and the saved list as stored, as one JSON file to download:
/// `{"saved list": …, "kept aside": {key: text}}`, each text exactly as it was stored.
pub fn kept_aside_file() -> Result<String, String> {
    let storage = storage()?;
    let mut kept = serde_json::Map::new();
    for key in backup_keys(&storage) {
        if let Ok(Some(text)) = storage.get_item(&key) {
            kept.insert(key, serde_json::Value::String(text));
        }
    }
    let list = storage
        .get_item(LIBRARY_KEY)
        .ok()
        .flatten()
        .map_or(serde_json::Value::Null, serde_json::Value::String);
    let file = serde_json::json!({
        "about": "Data from the NASSS complexity analyser's storage in this browser, kept exactly as stored.",
        "saved list": list,
        "kept aside": kept,
    });
    serde_json::to_string_pretty(&file).map_err(|error| error.to_string())
}

/// Saves the whole list, in one write that the browser does in full or not at all.
pub fn save(library: &Library) -> Result<(), String> {
    let storage = storage()?;
    let text = library
        .to_stored()
        .map_err(|error| format!("Your assessments could not be prepared for saving: {error}."))?;
    storage
        .set_item(LIBRARY_KEY, &text)
        .map_err(|error| match is_quota(&error) {
            true => format!(
                "Your latest change could not be saved: this browser's storage for the \
                 analyser is full. Your work is still here on the page, but it will be lost if \
                 you close the page. Export this assessment as a file now, then make room by \
                 deleting saved assessments, or snapshots, that you no longer need. Everything \
                 saved before this change is unchanged, and the analyser tries again at your \
                 next change. (The browser said: {}.)",
                describe(&error)
            ),
            false => format!(
                "Your latest change could not be saved ({}). Your work is still here on the \
                 page: export this assessment as a file now to keep it. Everything saved before \
                 this change is unchanged, and the analyser tries again at your next change.",
                describe(&error)
            ),
        })
}

/// Whether a failed write failed because storage is full (the name differs by browser).
fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error.dyn_ref::<js_sys::Error>().is_some_and(|error| {
        let name = String::from(error.name());
        name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

/// A JavaScript exception in words: `QuotaExceededError: …`.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}

/// Whether the browser has agreed to keep the analyser's data when it clears site data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet, or no answer yet.
    Unknown,
    Granted,
    NotGranted,
    /// The browser offers no way to ask (`navigator.storage` is missing, as on pages opened
    /// from a file in some browsers).
    Unavailable,
}

/// Asks the browser to keep the analyser's data (`navigator.storage.persist()`: no network,
/// and most browsers answer without asking the person); `answer` gets the reply.
pub fn request_persistence(answer: impl FnOnce(Persistence) + 'static) {
    let manager = web_sys::window()
        .map(|window| window.navigator())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"storage".into()).ok())
        .filter(|manager| !manager.is_undefined() && !manager.is_null())
        .map(|manager| manager.unchecked_into::<web_sys::StorageManager>());
    let Some(promise) = manager.and_then(|manager| manager.persist().ok()) else {
        answer(Persistence::Unavailable);
        return;
    };
    let answer = std::rc::Rc::new(std::cell::RefCell::new(Some(answer)));
    let granted = {
        let answer = answer.clone();
        Closure::<dyn FnMut(JsValue)>::once(move |value: JsValue| {
            if let Some(answer) = answer.borrow_mut().take() {
                answer(match value.as_bool() {
                    Some(true) => Persistence::Granted,
                    _ => Persistence::NotGranted,
                });
            }
        })
    };
    let failed = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
        if let Some(answer) = answer.borrow_mut().take() {
            answer(Persistence::Unavailable);
        }
    });
    let _ = promise.then2(&granted, &failed);
    // The browser calls one of them, once, at some later time: they must outlive this call.
    granted.forget();
    failed.forget();
}
