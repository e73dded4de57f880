//! Snapshots: an assessment's ratings and plan as they stood at a named, dated moment ("before
//! the pilot", "six months in"), with the stage on the Innovate wheel then, so a scheme can be
//! followed round the wheel and two moments compared. Part of the file format from version 2.

use crate::assessment::{Date, Mode, Override, Rating};
use crate::model::{Domain, SubDomain};
use crate::plan::Plan;
use crate::setting::{Framing, Stage};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One moment in an assessment's life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// What the moment was, such as "before the pilot".
    pub name: String,
    pub taken: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    #[serde(default)]
    pub framing: Framing,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domain_ratings: BTreeMap<Domain, Rating>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<SubDomain, Rating>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<Domain, Override>,
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
}
