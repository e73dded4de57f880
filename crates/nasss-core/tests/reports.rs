//! Snapshot tests of whole reports: every worked example in text, Markdown and JSON, plus the
//! JSON Schema of the file format. A change to any wording or rule shows up here as a diff to
//! review (`cargo insta review`).

use nasss_core::examples::{examples, ExampleKind};
use nasss_core::render::{render, Format};

#[test]
fn worked_examples_in_every_format() {
    for example in examples().filter(|e| e.kind == ExampleKind::Worked) {
        let report = nasss_core::assess(&example.assessment());
        for format in Format::ALL {
            let name = format!("{}.{}", example.id, format.key());
            insta::assert_snapshot!(name, render(&report, format));
        }
    }
}

#[test]
fn assessment_file_schema() {
    insta::assert_snapshot!(nasss_core::schema::assessment_schema());
}

#[test]
fn json_report_is_valid_json_with_its_schema_tag() {
    for example in examples() {
        let report = nasss_core::assess(&example.assessment());
        let value: serde_json::Value =
            serde_json::from_str(&render(&report, Format::Json)).expect("valid JSON");
        assert_eq!(value["schema"], "nasss-report/2");
        assert_eq!(value["domains"].as_array().map(Vec::len), Some(7));
    }
}

#[test]
fn a_published_case_shows_its_source_and_outcome() {
    let example =
        nasss_core::examples::example("yakovchenko2021-va-annie").expect("the VA case ships");
    let report = nasss_core::assess(&example.assessment());
    insta::assert_snapshot!(render(&report, Format::Markdown));
}
