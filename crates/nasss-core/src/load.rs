//! Reading assessment files. Whatever the bytes, the result is an assessment or an error that
//! says where (line, column and JSON path) and what was expected; never a panic. Files declare
//! their format version in `schema`; every version this crate has ever written is read here.

use crate::assessment::{Assessment, Mode, SCHEMA_CURRENT};
use crate::setting::Framing;
use crate::text_decoding::{self, Encoding};
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

/// Why a file could not be read as an assessment, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// 1-based line and column of the problem; 0 when the problem is not at one place.
    pub line: usize,
    pub column: usize,
    /// JSON path to the offending value, such as `ratings.5C.level`; empty at the top.
    pub path: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        if !self.path.is_empty() {
            write!(f, "at `{}`: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for LoadError {}

/// Reads an assessment from raw bytes: UTF-8 JSON, with or without a byte order mark, or
/// UTF-16 with its mark (as Windows editors save "Unicode").
pub fn load_bytes(bytes: &[u8]) -> Result<Assessment, LoadError> {
    let decoded = text_decoding::decode(bytes).map_err(|error| LoadError {
        line: error.line,
        column: error.column,
        path: String::new(),
        message: error.message,
    })?;
    match decoded.encoding {
        Encoding::Windows1252 => {
            let error = std::str::from_utf8(bytes).expect_err("not UTF-8, so read as 1252");
            let before = &bytes[..error.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            Err(LoadError {
                line,
                column,
                path: String::new(),
                message: "the file is not UTF-8 text (perhaps Windows-1252, \"ANSI\"): save it as UTF-8 JSON".into(),
            })
        }
        Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Utf16Le | Encoding::Utf16Be => {
            load(&decoded.text)
        }
    }
}

/// The largest file the app reads: about what a browser keeps for a site in local storage, so
/// a larger assessment could not be saved there anyway.
pub const APP_FILE_LIMIT: usize = 5_000_000;

/// Refuses a file of `size` bytes larger than the app's limit, saying both sizes.
pub fn check_app_size(size: usize) -> Result<(), LoadError> {
    match size > APP_FILE_LIMIT {
        false => Ok(()),
        true => Err(LoadError {
            line: 0,
            column: 0,
            path: String::new(),
            message: format!(
                "the file is {}, larger than the {} this app reads (about what a browser keeps for a site): use the nasss command-line tool for larger files",
                megabytes(size),
                megabytes(APP_FILE_LIMIT)
            ),
        }),
    }
}

/// A size in megabytes, to one decimal place.
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Reads an assessment from JSON text.
pub fn load(text: &str) -> Result<Assessment, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError {
            line: 0,
            column: 0,
            path: String::new(),
            message: format!(
                "the file is empty: an assessment is a JSON object starting {{\"schema\": \"{SCHEMA_CURRENT}\", …"
            ),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result: Result<Assessment, _> = serde_path_to_error::deserialize(&mut deserializer);
    let assessment = result.map_err(|error| {
        let path = match error.path().to_string() {
            // `?` is a key that could not be read.
            top if top == "." || top == "?" => String::new(),
            path => path,
        };
        let inner = error.into_inner();
        LoadError {
            line: inner.line(),
            column: column(&inner),
            path,
            message: explain(&inner),
        }
    })?;
    deserializer.end().map_err(|error| LoadError {
        line: error.line(),
        column: column(&error),
        path: String::new(),
        message: "there is more after the assessment: a file holds one JSON object".into(),
    })?;
    no_duplicate_keys(text)?;
    Ok(assessment)
}

/// The column of an error, from 1: serde_json says 0 for a line break itself (inside a string,
/// say), which a person finds at the start of the next line.
fn column(error: &serde_json::Error) -> usize {
    match error.line() {
        0 => 0,
        _ => error.column().max(1),
    }
}

/// Refuses an object that names a key twice. serde refuses a repeated field, but in a map
/// (ratings by item, overrides by domain) the last would silently win over the first.
fn no_duplicate_keys(text: &str) -> Result<(), LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let found = RefCell::new(String::new());
    let seed = Unique {
        path: String::new(),
        found: &found,
    };
    seed.deserialize(&mut deserializer)
        .map_err(|error| LoadError {
            line: error.line(),
            column: column(&error),
            path: found.take(),
            message: explain(&error),
        })
}

/// Any JSON value whose objects each name a key once; `found` is given the path of the object
/// that does not.
struct Unique<'a> {
    path: String,
    found: &'a RefCell<String>,
}

impl Unique<'_> {
    fn child(&self, segment: fmt::Arguments) -> Self {
        let path = match self.path.is_empty() {
            true => segment.to_string(),
            false => format!("{}{segment}", self.path),
        };
        Unique {
            path,
            found: self.found,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while seq
            .next_element_seed(self.child(format_args!("[{index}]")))?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                *self.found.borrow_mut() = self.path.clone();
                return Err(A::Error::custom(format!(
                    "the key `{key}` appears twice in this object: keep only one of them"
                )));
            }
            let dot = match self.path.is_empty() {
                true => "",
                false => ".",
            };
            map.next_value_seed(self.child(format_args!("{dot}{key}")))?;
            seen.insert(key);
        }
        Ok(())
    }
}

/// serde_json's message, with a hint where a person would want one.
fn explain(error: &serde_json::Error) -> String {
    let message = error.to_string();
    // serde_json appends " at line L column C"; the location is shown separately.
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    if message.contains("missing field `schema`") {
        return format!(
            "missing field `schema`: add \"schema\": \"{SCHEMA_CURRENT}\" at the top of the object"
        );
    }
    if let Some(newer) = newer_schema(&message) {
        return format!("the file is `{newer}`, made by a newer version of the analyser than this one: update the analyser to read it");
    }
    if message.contains("missing field `title`") {
        return "missing field `title`: give the innovation a name, such as \"title\": \"Telecare in Anytown\"".into();
    }
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("this is not valid JSON ({message})")
        }
        serde_json::error::Category::Io | serde_json::error::Category::Data => message,
    }
}

/// The schema named in an "unsupported schema" message, when it is a later version of ours.
fn newer_schema(message: &str) -> Option<&str> {
    let tag = message
        .strip_prefix("unsupported schema `")?
        .split('`')
        .next()?;
    let version: u32 = tag.strip_prefix("nasss-assessment/")?.parse().ok()?;
    let current: u32 = SCHEMA_CURRENT
        .strip_prefix("nasss-assessment/")?
        .parse()
        .ok()?;
    (version > current).then_some(tag)
}

/// Something in a readable assessment that is probably not what the person meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    EmptyTitle,
    /// Retrospective, with no outcome to compare the outlook with.
    NoOutcome,
    /// Ratings from the mode the assessment is not in; they still count.
    OtherModeRatings {
        mode: Mode,
        count: usize,
    },
}

impl Warning {
    /// The warning for someone editing the file (the CLI's `validate`).
    pub fn for_file(self) -> String {
        match self {
            Warning::EmptyTitle => "the title is empty: give the innovation a name".into(),
            Warning::NoOutcome => "a retrospective assessment with no `outcome`: record what happened to compare it with the outlook".into(),
            Warning::OtherModeRatings { mode: Mode::Quick, .. } => "a quick assessment with sub-domain `ratings`: they are counted with the domain ratings".into(),
            Warning::OtherModeRatings { mode: Mode::Full, .. } => "a full assessment with `domain_ratings`: they are counted with the sub-domain ratings".into(),
        }
    }

    /// The warning for someone using the app, in a sentence.
    pub fn for_person(self) -> String {
        match self {
            Warning::EmptyTitle => "The innovation has no name yet: give it one so that you can find it again.".into(),
            Warning::NoOutcome => crate::render::phrases::RECORD_OUTCOME.into(),
            Warning::OtherModeRatings { count, .. } => format!("This assessment also has {count} ratings from the other mode; they still count towards the outlook."),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.for_file())
    }
}

/// Things in a readable assessment that are probably not what the person meant.
pub fn warnings(assessment: &Assessment) -> Vec<Warning> {
    let mut out = Vec::new();
    if assessment.title.trim().is_empty() {
        out.push(Warning::EmptyTitle);
    }
    if let Framing::Retrospective { outcome: None } = assessment.framing {
        out.push(Warning::NoOutcome);
    }
    let count = assessment.other_mode_ratings();
    if count > 0 {
        out.push(Warning::OtherModeRatings {
            mode: assessment.mode,
            count,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_error(text: &str, expected: &str) {
        let error = load(text).expect_err("should not load");
        assert_eq!(error.to_string(), expected);
    }

    #[test]
    fn errors_say_where_and_what() {
        check_error("", "the file is empty: an assessment is a JSON object starting {\"schema\": \"nasss-assessment/2\", …");
        check_error("{\"title\": \"x\"}", "line 1, column 14: missing field `schema`: add \"schema\": \"nasss-assessment/2\" at the top of the object");
        check_error(
            "{\"schema\": \"nasss-assessment/1\", \"title\": \"x\",\n \"ratings\": {\"5C\": {\"level\": \"chaotic\"}}}",
            "line 2, column 38: at `ratings.5C.level`: unknown variant `chaotic`, expected one of `simple`, `complicated`, `complex`, `unknown`",
        );
        check_error(
            "{\"schema\": \"nasss-assessment/1\", \"title\": \"x\", \"ratings\": {\"9Z\": {}}}",
            "line 1, column 63: at `ratings.9Z`: unknown sub-domain `9Z`, expected a published code from 1A to 7B (1A, 1B, 2A-2D, 3A, 3B, 4A-4C, 5A-5E, 6A-6E, 7A, 7B)",
        );
        check_error("{\"schema\": \"nasss-assessment/9\"}", "line 1, column 32: at `schema`: the file is `nasss-assessment/9`, made by a newer version of the analyser than this one: update the analyser to read it");
        check_error("{\"schema\": \"nasss-assessment/0\"}", "line 1, column 32: at `schema`: unsupported schema `nasss-assessment/0`: this version reads `nasss-assessment/1` and `nasss-assessment/2`");
        check_error(
            "{\"schema\": ",
            "line 1, column 11: at `schema`: this is not valid JSON (EOF while parsing a value)",
        );
        check_error(
            "{\"schema\": \"nasss-assessment/1\", \"title\": \"x\"} {}",
            "line 1, column 48: there is more after the assessment: a file holds one JSON object",
        );
    }

    #[test]
    fn override_without_reason_is_refused() {
        let error = load(r#"{"schema":"nasss-assessment/1","title":"x","overrides":{"condition":{"level":"complex","reason":" "}}}"#).unwrap_err();
        assert_eq!(error.path, "overrides.condition.reason");
        assert!(error.message.contains("needs a written reason"));
    }

    #[test]
    fn a_line_break_in_a_string_is_located_at_a_column() {
        let error = load("{\"schema\": \"nasss-\nassessment/2\"}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 1), "{error}");
        let error = load("{\"schema\": \"nasss-assessment/2\", \"ti\ntle\": 1}").unwrap_err();
        assert_eq!(error.path, "", "an unreadable key is no path: {error}");
    }

    #[test]
    fn bad_utf8_is_located() {
        let error = load_bytes(b"{\n  \"title\": \"\xff\"}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 13));
    }
}
