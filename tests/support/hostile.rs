//! The hostile payloads of `tests/fixtures/hostile-text.json`, and the every-field file with
//! each free-text field set to one of them: written once, and taken in (by `#[path]`) by the
//! core's hostile-text test (`crates/nasss-core/tests/hostile_text.rs`) and the browser's
//! injection journeys (`tests/e2e/src/injection.rs`). It needs only `serde_json`.

// Each user takes only some of it.
#![allow(dead_code)]

use serde_json::Value;

/// One hostile payload from the fixture.
pub struct Payload {
    pub name: String,
    pub text: String,
}

impl Payload {
    /// Long enough that it is set by script rather than typed.
    pub fn is_long(&self) -> bool {
        self.text.chars().count() > 1_000
    }

    /// Can be typed through WebDriver: no control characters, none of WebDriver's private-use
    /// keys, and nothing outside the Basic Multilingual Plane (ChromeDriver types only that).
    pub fn is_typeable(&self) -> bool {
        !self.is_long()
            && !self
                .text
                .chars()
                .any(|c| c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) || c > '\u{ffff}')
    }
}

/// Every payload of the fixture's text (`hostile-text.json`), the generated ones (`repeat` up
/// to `length`) spelt out.
pub fn payloads(fixture: &str) -> Result<Vec<Payload>, String> {
    let doc: Value =
        serde_json::from_str(fixture).map_err(|e| format!("hostile-text.json: {e}"))?;
    let list = doc["payloads"]
        .as_array()
        .ok_or("hostile-text.json: no list of payloads")?;
    list.iter()
        .map(|entry| {
            let name = entry["name"].as_str().unwrap_or_default().to_string();
            let text = match (entry["text"].as_str(), entry["repeat"].as_str()) {
                (Some(text), _) => text.to_string(),
                (None, Some(repeat)) => {
                    let length = entry["length"]
                        .as_u64()
                        .ok_or(format!("payload {name}: `repeat` without a `length`"))?;
                    repeat.chars().cycle().take(length as usize).collect()
                }
                (None, None) => return Err(format!("payload {name} has neither text nor repeat")),
            };
            Ok(Payload { name, text })
        })
        .collect()
}

/// Keys whose string values are free text a person wrote.
pub const FREE_TEXT: [&str; 16] = [
    "title",
    "description",
    "note",
    "rated_by",
    "reason",
    "by",
    "name",
    "role",
    "authors",
    "journal",
    "doi",
    "basis_note",
    "what",
    "for_whom",
    "text",
    "owner",
];
/// Keys whose values are lists of free text.
pub const FREE_TEXT_LISTS: [&str; 3] = ["evidence", "must_be_true", "resources"];
/// Keys whose string values are not free text: tags, enums, dates and ids.
pub const NOT_FREE_TEXT: [&str; 19] = [
    "schema",
    "id",
    "setting",
    "kind",
    "outcome",
    "stage",
    "mode",
    "level",
    "rated_on",
    "created",
    "updated",
    "basis",
    "domain",
    "sub_domain",
    "due",
    "status",
    "taken",
    "on",
    "received",
];

/// Puts `payload` into every free-text field under `value`; returns how many it filled, and
/// fails on any string under a key it does not know, so a new free-text field cannot be missed.
pub fn fill(value: &mut Value, payload: &str) -> Result<usize, String> {
    let mut filled = 0;
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(text) if FREE_TEXT.contains(&key.as_str()) => {
                        *text = payload.to_string();
                        filled += 1;
                    }
                    Value::String(_) if NOT_FREE_TEXT.contains(&key.as_str()) => {}
                    Value::String(_) => {
                        return Err(format!(
                            "`{key}` holds a string the hostile-text tests do not know: add it \
                             to FREE_TEXT or NOT_FREE_TEXT in tests/support/hostile.rs"
                        ))
                    }
                    Value::Array(items) if FREE_TEXT_LISTS.contains(&key.as_str()) => {
                        for item in items.iter_mut() {
                            *item = Value::String(payload.to_string());
                            filled += 1;
                        }
                    }
                    Value::Null
                    | Value::Bool(_)
                    | Value::Number(_)
                    | Value::Array(_)
                    | Value::Object(_) => filled += fill(child, payload)?,
                }
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                filled += fill(item, payload)?;
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
    Ok(filled)
}

/// The every-field file (`v2-every-field.json`, given as text) with every free-text field set
/// to `payload`, and how many fields that is.
pub fn hostile_value(every_field: &str, payload: &str) -> Result<(Value, usize), String> {
    let mut value: Value =
        serde_json::from_str(every_field).map_err(|e| format!("v2-every-field.json: {e}"))?;
    let filled = fill(&mut value, payload)?;
    Ok((value, filled))
}

/// The text as the outputs and the page show it, compared loosely: control characters
/// dropped, runs of white space as one space.
pub fn shown(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}
