//! Who the innovation is for and how it is being looked at: the setting (which chooses the
//! wording), the framing (before a pilot, or looking back with the actual outcome), and the
//! stage on the Innovate Project wheel.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The sector the innovation serves; it chooses the wording of questions and examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Health,
    #[default]
    AdultSocialCare,
    ChildrensSocialCare,
    CrossSector,
}

impl Setting {
    pub const ALL: [Setting; 4] = [
        Setting::Health,
        Setting::AdultSocialCare,
        Setting::ChildrensSocialCare,
        Setting::CrossSector,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Setting::Health => "health",
            Setting::AdultSocialCare => "adult_social_care",
            Setting::ChildrensSocialCare => "childrens_social_care",
            Setting::CrossSector => "cross_sector",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Setting::Health => "Health care",
            Setting::AdultSocialCare => "Adult social care",
            Setting::ChildrensSocialCare => "Children's social care",
            Setting::CrossSector => "Across health and social care",
        }
    }

    /// Whether texts written in two wordings use the social-care one.
    pub fn uses_social_care_wording(self) -> bool {
        match self {
            Setting::Health => false,
            Setting::AdultSocialCare | Setting::ChildrensSocialCare | Setting::CrossSector => true,
        }
    }
}

/// Prospective (before a pilot) or retrospective (looking back, with what actually happened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Framing {
    /// Before or early in a pilot: where is this complex, what will stop it scaling?
    #[default]
    Prospective,
    /// After the fact: which domains explain what happened?
    Retrospective {
        /// What actually happened, once known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<Outcome>,
    },
}

impl Framing {
    pub fn is_retrospective(self) -> bool {
        matches!(self, Framing::Retrospective { .. })
    }

    pub fn label(self) -> &'static str {
        match self {
            Framing::Prospective => "Prospective (planning before or during a pilot)",
            Framing::Retrospective { .. } => "Retrospective (looking back)",
        }
    }
}

/// What became of an innovation, from best to worst, plus "too early".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Scaled up, spread and sustained as routine.
    Mainstreamed,
    /// Sustained locally or spread to some settings.
    PartlyMainstreamed,
    /// Uptake in pockets, not sustained widely.
    Patchy,
    /// Abandoned, or never adopted.
    Abandoned,
    /// Too early to tell.
    TooEarly,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Mainstreamed,
        Outcome::PartlyMainstreamed,
        Outcome::Patchy,
        Outcome::Abandoned,
        Outcome::TooEarly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Mainstreamed => "mainstreamed",
            Outcome::PartlyMainstreamed => "partly_mainstreamed",
            Outcome::Patchy => "patchy",
            Outcome::Abandoned => "abandoned",
            Outcome::TooEarly => "too_early",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Mainstreamed => "Mainstreamed (scaled up, spread and sustained)",
            Outcome::PartlyMainstreamed => "Partly mainstreamed",
            Outcome::Patchy => "Patchy or limited uptake",
            Outcome::Abandoned => "Abandoned or never adopted",
            Outcome::TooEarly => "Too early to tell",
        }
    }

    pub fn from_key(key: &str) -> Option<Outcome> {
        Outcome::ALL
            .into_iter()
            .find(|outcome| outcome.key() == key)
    }
}

/// A stage on the Innovate Project wheel for social care innovation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Mobilising,
    Designing,
    Developing,
    Integrating,
    Growing,
    SystemChange,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Mobilising,
        Stage::Designing,
        Stage::Developing,
        Stage::Integrating,
        Stage::Growing,
        Stage::SystemChange,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Stage::Mobilising => "mobilising",
            Stage::Designing => "designing",
            Stage::Developing => "developing",
            Stage::Integrating => "integrating",
            Stage::Growing => "growing",
            Stage::SystemChange => "system_change",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.key() == key)
    }
}
