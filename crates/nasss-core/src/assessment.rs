//! The assessment: what a person records about one innovation. This is the file format the app
//! exports and the CLI reads (`"schema": "nasss-assessment/1"`), so every field here is a
//! promise to old files; `load.rs` reads it with located errors and `schema.rs` derives its JSON
//! Schema from these types.

use crate::model::{Complexity, Domain, Level, SubDomain};
use crate::setting::{Framing, Setting, Stage};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tag every assessment file carries.
pub const SCHEMA_V1: &str = "nasss-assessment/1";

/// One innovation, its context and its ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Always `"nasss-assessment/1"` for this version of the format.
    pub schema: SchemaTag,
    /// A short name for the innovation.
    pub title: String,
    /// What the innovation is and who it is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub setting: Setting,
    #[serde(default)]
    pub framing: Framing,
    /// Where the innovation is on the Innovate Project wheel, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Quick (seven domains rated directly) or full (sub-domain questions).
    #[serde(default)]
    pub mode: Mode,
    /// Whole-domain ratings (a quick assessment).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domain_ratings: BTreeMap<Domain, Rating>,
    /// Sub-domain ratings (a full assessment), keyed by published code ("5C").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<SubDomain, Rating>,
    /// Domains whose level a person has set by hand, with their reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<Domain, Override>,
    /// The people who made the ratings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raters: Vec<Rater>,
    /// When the assessment was started and last changed, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// For a published case: where it comes from and how the ratings were made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

impl Assessment {
    /// An empty assessment with a title, ready to be rated.
    pub fn new(title: impl Into<String>) -> Assessment {
        Assessment {
            schema: SchemaTag,
            title: title.into(),
            description: String::new(),
            setting: Setting::default(),
            framing: Framing::default(),
            stage: None,
            mode: Mode::default(),
            domain_ratings: BTreeMap::new(),
            ratings: BTreeMap::new(),
            overrides: BTreeMap::new(),
            raters: Vec::new(),
            created: None,
            updated: None,
            source: None,
        }
    }

    /// A quick assessment with the seven domains at the given levels.
    pub fn quick(title: impl Into<String>, levels: [Level; 7]) -> Assessment {
        let mut assessment = Assessment::new(title);
        assessment.mode = Mode::Quick;
        for (domain, level) in Domain::ALL.into_iter().zip(levels) {
            assessment.domain_ratings.insert(domain, Rating::new(level));
        }
        assessment
    }
}

/// Where a published case comes from, and how far its ratings can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Authors as cited, such as "Greenhalgh T, Wherton J, Papoutsi C, et al.".
    pub authors: String,
    pub year: u16,
    /// The article's title.
    pub title: String,
    pub journal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    pub basis: RatingBasis,
    /// How the ratings were arrived at: what the paper says and what was read into it.
    pub basis_note: String,
}

/// Whether a case's ratings were printed by its authors or reconstructed from their narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RatingBasis {
    /// The paper states the level of every rated domain.
    Published,
    /// Some levels are stated; the rest are read from the narrative.
    PartlyReconstructed,
    /// The levels are our reading of the paper's narrative, not the authors' ratings.
    Reconstructed,
}

impl RatingBasis {
    pub fn label(self) -> &'static str {
        match self {
            RatingBasis::Published => "published ratings",
            RatingBasis::PartlyReconstructed => "partly reconstructed from the narrative",
            RatingBasis::Reconstructed => "reconstructed from the narrative",
        }
    }
}

/// The `schema` field: a unit type that reads and writes only the current tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SchemaTag;

impl Serialize for SchemaTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(SCHEMA_V1)
    }
}

impl<'de> Deserialize<'de> for SchemaTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SchemaTag, D::Error> {
        let tag = String::deserialize(deserializer)?;
        match tag == SCHEMA_V1 {
            true => Ok(SchemaTag),
            false => Err(serde::de::Error::custom(format!(
                "unsupported schema `{tag}`: this version reads `{SCHEMA_V1}`"
            ))),
        }
    }
}

impl JsonSchema for SchemaTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaTag".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "const": SCHEMA_V1, "description": "The file format and its version" })
    }
}

/// Quick (domains) or full (sub-domains). Both are read by the same engine: the mode says which
/// ratings are expected, so that what is missing counts as "not sure yet".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Rate the seven domains directly.
    #[default]
    Quick,
    /// Rate the 23 sub-domains through their questions.
    Full,
}

/// One answer: a level and what backs it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub level: Level,
    /// Why this level: the situated story behind it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Sources, documents or data that back the rating.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Whether the complexity is about logistics or about people and politics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ComplexityKind>,
    /// Who made this rating, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rated_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rated_on: Option<Date>,
}

impl Rating {
    pub fn new(level: Level) -> Rating {
        Rating {
            level,
            ..Rating::default()
        }
    }
}

/// The kind of complexity a rating describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplexityKind {
    /// Many parts to co-ordinate: can be planned and project-managed.
    Logistical,
    /// Conflicting values, interests or power: needs negotiation and sensemaking.
    SocioPolitical,
    /// Both at once.
    Both,
}

impl ComplexityKind {
    pub fn label(self) -> &'static str {
        match self {
            ComplexityKind::Logistical => "logistical",
            ComplexityKind::SocioPolitical => "socio-political",
            ComplexityKind::Both => "logistical and socio-political",
        }
    }
}

/// A domain level set by a person, overruling the classification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub level: Complexity,
    /// Why the person overruled the classification; never empty.
    pub reason: Reason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
}

/// A written reason: text that is not blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "String", into = "String")]
#[schemars(with = "String")]
pub struct Reason(String);

impl Reason {
    pub fn new(text: impl Into<String>) -> Result<Reason, String> {
        let text: String = text.into();
        match text.trim().is_empty() {
            true => Err(
                "an override needs a written reason: say why the domain is at this level".into(),
            ),
            false => Ok(Reason(text)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Reason {
    type Error = String;
    fn try_from(text: String) -> Result<Reason, String> {
        Reason::new(text)
    }
}

impl From<Reason> for String {
    fn from(reason: Reason) -> String {
        reason.0
    }
}

/// Somebody who contributed ratings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rater {
    pub name: String,
    /// Their role or perspective, such as "service manager" or "family carer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date(String);

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD"
        })
    }
}

impl Date {
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("`{text}` is not a date: write it as YYYY-MM-DD, such as 2026-03-31");
        let parts: Vec<&str> = text.split('-').collect();
        let [year, month, day] = parts.as_slice() else {
            return Err(bad());
        };
        let digits = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        match (digits(year, 4), digits(month, 2), digits(day, 2)) {
            (Some(_), Some(1..=12), Some(1..=31)) => Ok(Date(text.to_string())),
            _ => Err(bad()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(text: String) -> Result<Date, String> {
        Date::parse(&text)
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(Date::parse("2026-11-23").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("26-11-23").is_err());
        assert!(Date::parse("yesterday").is_err());
    }

    #[test]
    fn blank_reason_is_refused() {
        assert!(Reason::new("  ").is_err());
        assert_eq!(
            Reason::new("seen on site").unwrap().as_str(),
            "seen on site"
        );
    }

    #[test]
    fn minimal_file_reads() {
        let assessment: Assessment =
            serde_json::from_str(r#"{"schema":"nasss-assessment/1","title":"T"}"#).unwrap();
        assert_eq!(assessment, Assessment::new("T"));
    }

    #[test]
    fn round_trip() {
        let mut assessment = Assessment::quick("GPS", [Level::Complex; 7]);
        assessment.framing = Framing::Retrospective {
            outcome: Some(crate::setting::Outcome::Abandoned),
        };
        assessment.overrides.insert(
            Domain::Technology,
            Override {
                level: Complexity::Simple,
                reason: Reason::new("off the shelf").unwrap(),
                by: None,
                on: Some(Date::parse("2026-01-02").unwrap()),
            },
        );
        let json = serde_json::to_string_pretty(&assessment).unwrap();
        let back: Assessment = serde_json::from_str(&json).unwrap();
        assert_eq!(back, assessment);
    }
}
