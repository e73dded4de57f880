//! Golden tests of the assessment file format: a version-1 file using every field must always
//! load, and must save back to the same JSON, so old files keep working as the format grows.

use nasss_core::assessment::RatingBasis;
use nasss_core::model::{Domain, Level, SubDomain};
use nasss_core::setting::{Framing, Outcome, Setting, Stage};

const EVERY_FIELD: &str = include_str!("../../../tests/fixtures/v1-every-field.json");

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
fn version_1_saves_back_unchanged() {
    let assessment = nasss_core::load(EVERY_FIELD).expect("version 1 loads");
    let saved: serde_json::Value = serde_json::to_value(&assessment).expect("serialises");
    let original: serde_json::Value = serde_json::from_str(EVERY_FIELD).expect("JSON");
    assert_eq!(saved, original);
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
