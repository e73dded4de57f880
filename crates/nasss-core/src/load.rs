//! Reading assessment files. Whatever the bytes, the result is an assessment or an error that
//! says where (line, column and JSON path) and what was expected; never a panic. Files declare
//! their format version in `schema`; every version this crate has ever written is read here.

use crate::assessment::{Assessment, Mode, SCHEMA_CURRENT};
use crate::setting::Framing;
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

/// Reads an assessment from raw bytes (which must be UTF-8 JSON).
pub fn load_bytes(bytes: &[u8]) -> Result<Assessment, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load(text),
        Err(error) => {
            let before = &bytes[..error.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            Err(LoadError {
                line,
                column,
                path: String::new(),
                message: "the file is not UTF-8 text: save it as UTF-8 JSON".into(),
            })
        }
    }
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
            top if top == "." => String::new(),
            path => path,
        };
        let inner = error.into_inner();
        LoadError {
            line: inner.line(),
            column: inner.column(),
            path,
            message: explain(&inner),
        }
    })?;
    deserializer.end().map_err(|error| LoadError {
        line: error.line(),
        column: error.column(),
        path: String::new(),
        message: "there is more after the assessment: a file holds one JSON object".into(),
    })?;
    Ok(assessment)
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
        check_error("{\"schema\": \"nasss-assessment/9\"}", "line 1, column 32: at `schema`: unsupported schema `nasss-assessment/9`: this version reads `nasss-assessment/1` and `nasss-assessment/2`");
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
    fn bad_utf8_is_located() {
        let error = load_bytes(b"{\n  \"title\": \"\xff\"}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 13));
    }
}
