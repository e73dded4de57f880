//! The JSON Schema of the assessment file, generated from the Rust types so that it can never
//! drift from what `load` accepts.

use crate::assessment::Assessment;

pub fn assessment_schema() -> String {
    let schema = schemars::schema_for!(Assessment);
    let mut out = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|error| format!("{{\"error\": \"cannot serialise schema: {error}\"}}"));
    out.push('\n');
    out
}
