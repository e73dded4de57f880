//! The plan that goes with an assessment, in the four parts of SCIE's Scaling Innovation
//! Planning (SIPS) tool (seed 004): the theory of change, readiness to scale (worked out from
//! the ratings, so not stored), the resources needed, and next steps as actions with an owner,
//! a due date and a status. Part of the file format from version 2.

use crate::assessment::Date;
use crate::model::{Domain, Item, SubDomain};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the team means to do about what the assessment found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default, skip_serializing_if = "TheoryOfChange::is_empty")]
    pub theory_of_change: TheoryOfChange,
    /// What scaling needs: people, money, time, skills; one item each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Next steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PlanAction>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.theory_of_change.is_empty() && self.resources.is_empty() && self.actions.is_empty()
    }
}

/// The theory of change in three short parts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TheoryOfChange {
    /// What the innovation does and changes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
    /// For whom: the people it is meant to benefit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub for_whom: String,
    /// What must be true for it to work: one assumption each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_be_true: Vec<String>,
}

impl TheoryOfChange {
    pub fn is_empty(&self) -> bool {
        self.what.is_empty() && self.for_whom.is_empty() && self.must_be_true.is_empty()
    }
}

/// A next step, linked to the domain (and, where it is that specific, the sub-domain) it
/// answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanAction {
    /// Unique within the plan, and kept when the plan is carried into a snapshot, so a step can
    /// be followed from one snapshot to the next.
    pub id: ActionId,
    pub text: String,
    pub domain: Domain,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_domain: Option<SubDomain>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: ActionStatus,
}

impl PlanAction {
    /// The item the action answers: its sub-domain if it names one, else its domain.
    pub fn item(&self) -> Item {
        match self.sub_domain {
            Some(sub_domain) => Item::SubDomain(sub_domain),
            None => Item::Domain(self.domain),
        }
    }

    /// Overdue: due before `today` and neither done nor dropped.
    pub fn is_overdue(&self, today: &Date) -> bool {
        self.status.is_open() && self.due.as_ref().is_some_and(|due| due < today)
    }
}

/// Which action of a plan.
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
pub struct ActionId(pub u32);

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// Decided against, with the plan kept as a record.
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    /// Still to be done.
    pub fn is_open(self) -> bool {
        match self {
            ActionStatus::NotStarted | ActionStatus::InProgress => true,
            ActionStatus::Done | ActionStatus::Dropped => false,
        }
    }
}
