//! The assessment: what a person records about one innovation. This is the file format the app
//! exports and the CLI reads, so every field here is a promise to old files; `load.rs` reads it
//! with located errors and `schema.rs` derives its JSON Schema from these types.
//!
//! Versions: `nasss-assessment/1` (ratings, overrides, raters, source) and
//! `nasss-assessment/2`, which adds an `id`, rater ids, each rater's own ratings and a workshop
//! (`team.rs`), the plan (`plan.rs`) and snapshots (`snapshot.rs`). Every version-1 file reads as
//! it always did; files are written as the current version.

use crate::model::{Complexity, Domain, Item, Level, SubDomain};
use crate::plan::Plan;
use crate::setting::{Framing, Setting, Stage};
use crate::snapshot::Snapshot;
use crate::team::{AssessmentId, Team};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema tags assessment files carry, oldest first.
pub const SCHEMA_V1: &str = "nasss-assessment/1";
pub const SCHEMA_V2: &str = "nasss-assessment/2";
/// The version this code writes.
pub const SCHEMA_CURRENT: &str = SCHEMA_V2;
/// Every version this code reads.
pub const SCHEMAS: [&str; 2] = [SCHEMA_V1, SCHEMA_V2];

/// One innovation, its context and its ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// `"nasss-assessment/2"` (this code also reads `"nasss-assessment/1"`).
    pub schema: SchemaTag,
    /// The assessment's identity, shared by a team's invitation and replies (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<AssessmentId>,
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
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "numbered_raters"
    )]
    pub raters: Vec<Rater>,
    /// When the assessment was started and last changed, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// For a published case: where it comes from and how the ratings were made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Each rater's own ratings and any workshop (version 2). The assessment's own ratings are
    /// then the group's agreed levels.
    #[serde(default, skip_serializing_if = "Team::is_empty")]
    pub team: Team,
    /// The plan: theory of change, resources and next steps (version 2).
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
    /// The assessment as it stood at named moments, oldest first (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
}

impl Assessment {
    /// An empty assessment with a title, ready to be rated.
    pub fn new(title: impl Into<String>) -> Assessment {
        Assessment {
            schema: SchemaTag,
            id: None,
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
            team: Team::default(),
            plan: Plan::default(),
            snapshots: Vec::new(),
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

    /// The rating recorded for an item, if any.
    pub fn rating(&self, item: Item) -> Option<&Rating> {
        match item {
            Item::Domain(domain) => self.domain_ratings.get(&domain),
            Item::SubDomain(sub_domain) => self.ratings.get(&sub_domain),
        }
    }

    /// The rating for an item, created as "not sure yet" if it has none.
    pub fn rating_mut(&mut self, item: Item) -> &mut Rating {
        match item {
            Item::Domain(domain) => self.domain_ratings.entry(domain).or_default(),
            Item::SubDomain(sub_domain) => self.ratings.entry(sub_domain).or_default(),
        }
    }

    /// The items this assessment's mode asks for, in order: the seven domains (quick) or the
    /// 23 sub-domains (full).
    pub fn expected_items(&self) -> Vec<Item> {
        match self.mode {
            Mode::Quick => Domain::ALL.into_iter().map(Item::Domain).collect(),
            Mode::Full => SubDomain::ALL.into_iter().map(Item::SubDomain).collect(),
        }
    }

    /// How far rating has got in this assessment's mode.
    pub fn progress(&self) -> Progress {
        let expected = self.expected_items();
        Progress {
            mode: self.mode,
            done: expected
                .iter()
                .filter(|item| self.rating(**item).is_some())
                .count(),
            expected: expected.len(),
        }
    }

    /// How many ratings the assessment holds from the other mode (they still count).
    pub fn other_mode_ratings(&self) -> usize {
        match self.mode {
            Mode::Quick => self.ratings.len(),
            Mode::Full => self.domain_ratings.len(),
        }
    }

    /// Whether anything is recorded for a domain: a level, "not sure yet", or an override.
    pub fn has_input_for(&self, domain: Domain) -> bool {
        self.domain_ratings.contains_key(&domain)
            || domain
                .sub_domains()
                .any(|sub| self.ratings.contains_key(&sub))
            || self.overrides.contains_key(&domain)
    }

    /// The level a sub-domain has: its own rating, else its domain's whole-domain rating.
    pub fn effective_level(&self, sub_domain: SubDomain) -> Option<Complexity> {
        let own = self.ratings.get(&sub_domain).and_then(|r| r.level.known());
        let domain = || {
            self.domain_ratings
                .get(&sub_domain.domain())
                .and_then(|r| r.level.known())
        };
        own.or_else(domain)
    }

    /// Adds a rater with no name yet, at the end, and returns its id.
    pub fn add_rater(&mut self) -> RaterId {
        let next = self.raters.iter().map(|r| r.id.0).max().unwrap_or(0) + 1;
        let id = RaterId(next);
        self.raters.push(Rater {
            id,
            ..Rater::new("", None)
        });
        id
    }

    pub fn rater_mut(&mut self, id: RaterId) -> Option<&mut Rater> {
        self.raters.iter_mut().find(|rater| rater.id == id)
    }

    /// Removes a rater; false if there was none with that id.
    pub fn remove_rater(&mut self, id: RaterId) -> bool {
        let before = self.raters.len();
        self.raters.retain(|rater| rater.id != id);
        self.raters.len() < before
    }

    /// The file's text: pretty JSON with a final newline, as the app exports it and the CLI
    /// reads it.
    pub fn to_file_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|error| panic!("an assessment always serialises: {error}"));
        text.push('\n');
        text
    }
}

/// How far rating has got: items rated (including "not sure yet") of those the mode expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub mode: Mode,
    pub done: usize,
    pub expected: usize,
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
        serializer.serialize_str(SCHEMA_CURRENT)
    }
}

impl<'de> Deserialize<'de> for SchemaTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<SchemaTag, D::Error> {
        let tag = String::deserialize(deserializer)?;
        match SCHEMAS.contains(&tag.as_str()) {
            true => Ok(SchemaTag),
            false => Err(serde::de::Error::custom(format!(
                "unsupported schema `{tag}`: this version reads {}",
                SCHEMAS.map(|s| format!("`{s}`")).join(" and ")
            ))),
        }
    }
}

impl JsonSchema for SchemaTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaTag".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "enum": SCHEMAS,
            "description": "The file format and its version; files are written as the newest"
        })
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
#[derive(Debug, Clone, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rater {
    /// Unique within the assessment (version 2). A version-1 file has none: its raters are
    /// numbered 1, 2, 3… as it is read.
    #[serde(default, skip_serializing_if = "RaterId::is_unset")]
    pub id: RaterId,
    pub name: String,
    /// Their role or perspective, such as "service manager" or "family carer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Raters are the same person when their name and role are; the id is only a handle.
impl PartialEq for Rater {
    fn eq(&self, other: &Rater) -> bool {
        self.name == other.name && self.role == other.role
    }
}

impl Rater {
    pub fn new(name: impl Into<String>, role: Option<String>) -> Rater {
        Rater {
            id: RaterId::default(),
            name: name.into(),
            role,
        }
    }
}

/// Which rater of an assessment (see [`Rater::id`]); 0 means not numbered yet.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(transparent)]
pub struct RaterId(pub u32);

impl RaterId {
    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }
}

/// Reads the raters and numbers those without an id (every rater of a version-1 file) after the
/// highest id there is, in file order. Two raters with one id are refused.
fn numbered_raters<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Rater>, D::Error> {
    let mut raters = Vec::<Rater>::deserialize(deserializer)?;
    let mut seen = std::collections::BTreeSet::new();
    for rater in raters.iter().filter(|r| !r.id.is_unset()) {
        if !seen.insert(rater.id) {
            return Err(serde::de::Error::custom(format!(
                "two raters have the id {}: give each rater its own",
                rater.id.0
            )));
        }
    }
    let mut next = seen.iter().next_back().map_or(0, |id| id.0);
    for rater in raters.iter_mut().filter(|r| r.id.is_unset()) {
        next += 1;
        rater.id = RaterId(next);
    }
    Ok(raters)
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

    /// The date as people write it: `2 December 2026`.
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let text = self.as_str();
        let (year, month, day) = (&text[0..4], &text[5..7], &text[8..10]);
        let month = month
            .parse::<usize>()
            .ok()
            .and_then(|month| MONTHS.get(month.wrapping_sub(1)));
        match (month, day.parse::<u32>()) {
            (Some(month), Ok(day)) => format!("{day} {month} {year}"),
            // `parse` admits only YYYY-MM-DD with a month from 1 to 12; shown as written if not.
            _ => text.to_string(),
        }
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
    fn raters_are_numbered_as_read_and_added_and_keep_their_ids() {
        let mut assessment = crate::load(
            r#"{"schema":"nasss-assessment/1","title":"t","raters":[{"name":"Ann"},{"name":"Ben"}]}"#,
        )
        .unwrap();
        let ids: Vec<RaterId> = assessment.raters.iter().map(|r| r.id).collect();
        assert_eq!(ids, [RaterId(1), RaterId(2)]);
        assert!(assessment.remove_rater(RaterId(1)));
        assert!(!assessment.remove_rater(RaterId(1)), "already gone");
        let added = assessment.add_rater();
        assert_eq!(added, RaterId(3), "ids are never reused while open");
        assessment.rater_mut(RaterId(2)).unwrap().name = "Ben Ode".into();
        let names: Vec<&str> = assessment.raters.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Ben Ode", ""]);
        let saved = crate::load(&assessment.to_file_text()).unwrap();
        let ids: Vec<RaterId> = saved.raters.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [RaterId(2), RaterId(3)],
            "ids are saved from version 2 on"
        );
        let twice = r#"{"schema":"nasss-assessment/2","title":"t","raters":[{"id":4,"name":"A"},{"id":4,"name":"B"}]}"#;
        let error = crate::load(twice).unwrap_err();
        assert!(
            error.message.contains("two raters have the id 4"),
            "{error}"
        );
    }

    #[test]
    fn dates() {
        assert!(Date::parse("2026-11-23").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("26-11-23").is_err());
        assert!(Date::parse("yesterday").is_err());
    }

    #[test]
    fn long_dates_are_written_out() {
        let date = |text: &str| Date::parse(text).unwrap();
        assert_eq!(date("2026-12-02").long(), "2 December 2026");
        assert_eq!(date("2025-01-31").long(), "31 January 2025");
        assert_eq!(date("2024-06-09").long(), "9 June 2024");
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
