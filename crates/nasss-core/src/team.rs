//! Rating as a team: each rater's own view of the assessment, kept beside the group's agreed
//! levels (the assessment's own `domain_ratings` and `ratings`, whose notes hold the reasons),
//! and the state of a workshop on one shared screen. An item the group has not agreed counts as
//! a range, as "not sure yet" does. Part of the file format from version 2.

use crate::assessment::{Date, RaterId, Rating};
use crate::model::{Domain, SubDomain};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The team's part of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Each rater's own ratings, by the rater's id in `raters`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub views: BTreeMap<RaterId, RaterView>,
    /// A workshop on one shared screen, if one is running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<Workshop>,
}

impl Team {
    pub fn is_empty(&self) -> bool {
        self.views.is_empty() && self.workshop.is_none()
    }
}

/// One rater's ratings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaterView {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domain_ratings: BTreeMap<Domain, Rating>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<SubDomain, Rating>,
    /// When the rater sent these ratings back, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Date>,
}

/// A workshop: people take turns at one device, each one's choices hidden from the next, until
/// the lead reveals them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Whether the lead has revealed everyone's ratings.
    #[serde(default)]
    pub revealed: bool,
}

/// An assessment's identity, shared by an invitation and every rater's reply, so a reply from
/// another assessment can be refused. Letters, digits, `-` and `_`, at most 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AssessmentId(String);

impl AssessmentId {
    pub fn parse(text: &str) -> Result<AssessmentId, String> {
        let valid = !text.is_empty()
            && text.len() <= 64
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        match valid {
            true => Ok(AssessmentId(text.to_string())),
            false => Err(format!(
                "`{text}` is not an assessment id: use 1 to 64 letters, digits, `-` or `_`"
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AssessmentId {
    type Error = String;
    fn try_from(text: String) -> Result<AssessmentId, String> {
        AssessmentId::parse(&text)
    }
}

impl From<AssessmentId> for String {
    fn from(id: AssessmentId) -> String {
        id.0
    }
}

impl JsonSchema for AssessmentId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AssessmentId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{1,64}$",
            "description": "The assessment's identity, shared by an invitation and its replies"
        })
    }
}
