//! Golden tests of the assessment file format: a file of every version, using every field, must
//! always load; a version-1 file saves as version 2 with nothing lost (only the schema tag and
//! the raters' ids are new), and a version-2 file saves back to the same JSON, so old files keep
//! working as the format grows.

use nasss_core::assessment::RatingBasis;
use nasss_core::model::{Domain, Level, SubDomain};
use nasss_core::setting::{Framing, Outcome, Setting, Stage};

const EVERY_FIELD: &str = include_str!("../../../tests/fixtures/v1-every-field.json");
const EVERY_FIELD_V2: &str = include_str!("../../../tests/fixtures/v2-every-field.json");

#[test]
fn version_1_with_every_field_loads() {
    let assessment = nasss_core::load(EVERY_FIELD).expect("version 1 loads");
    assert_eq!(assessment.setting, Setting::CrossSector);
    assert_eq!(
        assessment.framing,
        Framing::Retrospective {
            outcome: Some(Outcome::PartlyMainstreamed)
        }
    );
    assert_eq!(assessment.stage, Some(Stage::SystemChange));
    assert_eq!(assessment.ratings[&SubDomain::S3B].level, Level::Complex);
    assert_eq!(assessment.ratings[&SubDomain::S1A].evidence.len(), 2);
    assert!(assessment.overrides.contains_key(&Domain::WiderSystem));
    assert_eq!(
        assessment.source.map(|s| s.basis),
        Some(RatingBasis::PartlyReconstructed)
    );
}

#[test]
fn version_1_saves_back_unchanged_but_for_its_version_and_rater_ids() {
    let assessment = nasss_core::load(EVERY_FIELD).expect("version 1 loads");
    let saved: serde_json::Value = serde_json::to_value(&assessment).expect("serialises");
    let mut original: serde_json::Value = serde_json::from_str(EVERY_FIELD).expect("JSON");
    original["schema"] = "nasss-assessment/2".into();
    for (index, rater) in original["raters"]
        .as_array_mut()
        .expect("raters")
        .iter_mut()
        .enumerate()
    {
        rater["id"] = (index + 1).into();
    }
    assert_eq!(saved, original);
}

#[test]
fn version_2_with_every_field_loads_and_saves_back_unchanged() {
    use nasss_core::assessment::RaterId;
    use nasss_core::plan::ActionStatus;
    let assessment = nasss_core::load(EVERY_FIELD_V2).expect("version 2 loads");
    assert_eq!(
        assessment.id.as_ref().map(|id| id.as_str()),
        Some("anytown-telecare-2026")
    );
    assert_eq!(assessment.raters[1].id, RaterId(3));
    assert_eq!(
        assessment.team.views[&RaterId(1)].ratings[&SubDomain::S5C].level,
        Level::Complicated
    );
    assert_eq!(assessment.team.workshop.map(|w| w.revealed), Some(false));
    assert_eq!(assessment.plan.theory_of_change.must_be_true.len(), 2);
    assert_eq!(assessment.plan.actions[0].status, ActionStatus::InProgress);
    assert_eq!(assessment.plan.actions[0].sub_domain, Some(SubDomain::S5C));
    assert_eq!(assessment.snapshots[0].name, "Before the pilot");
    assert_eq!(assessment.snapshots[0].stage, Some(Stage::Developing));
    let saved: serde_json::Value = serde_json::to_value(&assessment).expect("serialises");
    let original: serde_json::Value = serde_json::from_str(EVERY_FIELD_V2).expect("JSON");
    assert_eq!(saved, original);
    assert_eq!(assessment.to_file_text(), EVERY_FIELD_V2, "byte for byte");
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let text = EVERY_FIELD.replace("\"note\": \"n\"", "\"notes\": \"n\"");
    let error = nasss_core::load(&text).expect_err("typo refused");
    assert_eq!(error.path, "ratings.1A.notes");
    assert!(error
        .message
        .starts_with("unknown field `notes`, expected one of `level`, `note`"));
}
