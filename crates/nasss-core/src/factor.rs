//! The crosswalk's vocabulary: the scaling factors and ingredients that social-care sources
//! name, and the sources themselves. The bank (`data/crosswalk.toml`) says what each factor
//! means and which sub-domains speak to it; `crosswalk.rs` works out how far an assessment
//! covers it. Both depend on this module, and it on neither.

use serde::{Deserialize, Serialize};

/// A social-care scaling factor, an EXIT ingredient, one of SCIE's conditions for innovation, a
/// SASCI capability, or one of the Innovate Project's tests for children's social care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    ScieComplexity,
    ScieDifficultEnvironment,
    ScieResourcesDoubleRunning,
    ScieRecruitmentTurnover,
    ScieRiskAversion,
    ScieCoProduction,
    ScieEvidence,
    ExitReceptiveContext,
    ExitCoProduction,
    ExitSharedLeadership,
    ExitOutcomeMeasurement,
    ExitAdaptationLearning,
    ConditionsSystemLeaders,
    ConditionsCapabilities,
    ConditionsCoProduction,
    ConditionsInvestment,
    ConditionsDataEvidence,
    ConditionsProcurementHurdle,
    ConditionsSharing,
    SasciCollaboration,
    SasciLeadership,
    SasciLearning,
    SasciResources,
    SasciEnablingCulture,
    SasciGovernance,
    InnovatePower,
    InnovateRisk,
    InnovateRelationships,
    InnovateDesirableFeasible,
    InnovateViability,
    InnovateScalability,
    InnovateProgressiveness,
}

impl Factor {
    pub const ALL: [Factor; 32] = [
        Factor::ScieComplexity,
        Factor::ScieDifficultEnvironment,
        Factor::ScieResourcesDoubleRunning,
        Factor::ScieRecruitmentTurnover,
        Factor::ScieRiskAversion,
        Factor::ScieCoProduction,
        Factor::ScieEvidence,
        Factor::ExitReceptiveContext,
        Factor::ExitCoProduction,
        Factor::ExitSharedLeadership,
        Factor::ExitOutcomeMeasurement,
        Factor::ExitAdaptationLearning,
        Factor::ConditionsSystemLeaders,
        Factor::ConditionsCapabilities,
        Factor::ConditionsCoProduction,
        Factor::ConditionsInvestment,
        Factor::ConditionsDataEvidence,
        Factor::ConditionsProcurementHurdle,
        Factor::ConditionsSharing,
        Factor::SasciCollaboration,
        Factor::SasciLeadership,
        Factor::SasciLearning,
        Factor::SasciResources,
        Factor::SasciEnablingCulture,
        Factor::SasciGovernance,
        Factor::InnovatePower,
        Factor::InnovateRisk,
        Factor::InnovateRelationships,
        Factor::InnovateDesirableFeasible,
        Factor::InnovateViability,
        Factor::InnovateScalability,
        Factor::InnovateProgressiveness,
    ];

    pub fn source(self) -> FactorSource {
        match self {
            Factor::ScieComplexity
            | Factor::ScieDifficultEnvironment
            | Factor::ScieResourcesDoubleRunning
            | Factor::ScieRecruitmentTurnover
            | Factor::ScieRiskAversion
            | Factor::ScieCoProduction
            | Factor::ScieEvidence => FactorSource::Scie,
            Factor::ExitReceptiveContext
            | Factor::ExitCoProduction
            | Factor::ExitSharedLeadership
            | Factor::ExitOutcomeMeasurement
            | Factor::ExitAdaptationLearning => FactorSource::Exit,
            Factor::ConditionsSystemLeaders
            | Factor::ConditionsCapabilities
            | Factor::ConditionsCoProduction
            | Factor::ConditionsInvestment
            | Factor::ConditionsDataEvidence
            | Factor::ConditionsProcurementHurdle
            | Factor::ConditionsSharing => FactorSource::ScieConditions,
            Factor::SasciCollaboration
            | Factor::SasciLeadership
            | Factor::SasciLearning
            | Factor::SasciResources
            | Factor::SasciEnablingCulture
            | Factor::SasciGovernance => FactorSource::Sasci,
            Factor::InnovatePower
            | Factor::InnovateRisk
            | Factor::InnovateRelationships
            | Factor::InnovateDesirableFeasible
            | Factor::InnovateViability
            | Factor::InnovateScalability
            | Factor::InnovateProgressiveness => FactorSource::Innovate,
        }
    }
}

/// Where a crosswalk factor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorSource {
    /// The social-care scaling factors (seed 004).
    Scie,
    /// The EXIT study's ingredients (seed 000).
    Exit,
    /// SCIE's five conditions for innovation in adult social care, and the hurdles (seed 003).
    ScieConditions,
    /// The capabilities for innovation named by the SASCI project (seed 002).
    Sasci,
    /// The Innovate Project's guiding framework for children's social care (seed 001): what sets
    /// the sector apart, and the tests an innovation must pass as it moves round the wheel.
    Innovate,
}

impl FactorSource {
    /// Every source, in the order reports show them.
    pub const ALL: [FactorSource; 5] = [
        FactorSource::Scie,
        FactorSource::Exit,
        FactorSource::ScieConditions,
        FactorSource::Sasci,
        FactorSource::Innovate,
    ];
}
