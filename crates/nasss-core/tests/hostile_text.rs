//! No script injection, in the core: every free-text field of the assessment file filled with
//! each hostile payload of `tests/fixtures/hostile-text.json`, then every output rendered. The
//! file round-trips exactly; the JSON report carries the text unchanged; the Markdown, read back
//! by a real Markdown parser, has the same structure as for harmless text (no raw HTML, link,
//! image, code, heading, list or table made from user text) and shows the text as text; the
//! plain text has no control characters that would drive a terminal.

use nasss_core::assessment::Assessment;
use nasss_core::render::{agreement, render, Format};
use pulldown_cmark::{Event, Options, Parser};
use serde_json::Value;

#[path = "../../../tests/support/hostile.rs"]
mod hostile;

use hostile::{shown, Payload};

fn payloads() -> Vec<Payload> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/hostile-text.json"
    );
    hostile::payloads(&std::fs::read_to_string(path).expect("the fixture")).expect("the payloads")
}

/// The every-field file of version 2 with every free-text field set to `payload`.
fn hostile_file(payload: &str) -> (String, usize) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/v2-every-field.json"
    );
    let every_field = std::fs::read_to_string(path).expect("the fixture");
    let (value, filled) = hostile::hostile_value(&every_field, payload).expect("filled");
    (serde_json::to_string_pretty(&value).expect("JSON"), filled)
}

/// The shape of a Markdown document: every event but plain text, as a parser sees it.
fn shape_and_text(markdown: &str) -> (Vec<String>, String) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let mut shape = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        if let Event::Text(words) = &event {
            text.push_str(words);
        } else {
            shape.push(format!("{event:?}"));
        }
    }
    (shape, text)
}

fn outputs(assessment: &Assessment) -> Vec<(Format, String)> {
    let report = nasss_core::assess(assessment);
    let mut out = Vec::new();
    for format in Format::ALL {
        out.push((format, render(&report, format)));
        out.extend(agreement(&report, format).map(|text| (format, text)));
    }
    out
}

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings(item, out)),
        Value::Object(map) => map.values().for_each(|item| strings(item, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[test]
fn the_fixture_holds_every_kind_of_payload() {
    let payloads = payloads();
    assert!(payloads.len() >= 30, "{} payloads", payloads.len());
    let has = |needle: &str| payloads.iter().any(|p| p.text.contains(needle));
    for needle in [
        "<script>",
        "onerror=",
        "javascript:",
        "<svg",
        "-->",
        "&lt;",
        "](",
        "\u{202e}",
        "\u{200b}",
        "\u{0}",
        "\u{1b}",
        "=HYPERLINK(",
    ] {
        assert!(has(needle), "no payload contains {needle:?}");
    }
    assert!(payloads.iter().any(|p| p.text.chars().count() == 100_000));
    assert!(payloads
        .iter()
        .any(|p| p.text.chars().count() == 5_000 && !p.text.contains(' ')));
}

#[test]
fn every_free_text_field_round_trips_through_the_file_exactly() {
    for payload in payloads() {
        let (file, filled) = hostile_file(&payload.text);
        assert!(
            filled >= 35,
            "{}: only {filled} fields filled",
            payload.name
        );
        let assessment = nasss_core::load(&file)
            .unwrap_or_else(|error| panic!("{}: the file does not load: {error}", payload.name));
        let again = nasss_core::load(&assessment.to_file_text()).expect("the written file loads");
        assert_eq!(again, assessment, "{}", payload.name);
        assert_eq!(assessment.title, payload.text);
        assert_eq!(assessment.plan.actions[0].owner, payload.text);
        assert_eq!(assessment.snapshots[0].name, payload.text);
    }
}

#[test]
fn the_json_report_carries_each_payload_unchanged() {
    for payload in payloads() {
        let assessment = nasss_core::load(&hostile_file(&payload.text).0).expect("it loads");
        let json = render(&nasss_core::assess(&assessment), Format::Json);
        let value: Value = serde_json::from_str(&json).expect("the report is valid JSON");
        let mut found = Vec::new();
        strings(&value, &mut found);
        assert!(
            found.contains(&payload.text),
            "{}: the JSON report does not carry the text unchanged",
            payload.name
        );
    }
}

#[test]
fn markdown_shows_each_payload_as_text_with_the_structure_of_harmless_text() {
    let harmless = nasss_core::load(&hostile_file("Harmless words").0).expect("it loads");
    let baseline: Vec<Vec<String>> = outputs(&harmless)
        .into_iter()
        .filter(|(format, _)| *format == Format::Markdown)
        .map(|(_, markdown)| shape_and_text(&markdown).0)
        .collect();
    for payload in payloads() {
        let assessment = nasss_core::load(&hostile_file(&payload.text).0).expect("it loads");
        let markdowns: Vec<String> = outputs(&assessment)
            .into_iter()
            .filter(|(format, _)| *format == Format::Markdown)
            .map(|(_, markdown)| markdown)
            .collect();
        assert_eq!(markdowns.len(), baseline.len());
        for (markdown, expected) in markdowns.iter().zip(&baseline) {
            let (shape, text) = shape_and_text(markdown);
            let extra: Vec<&String> = shape.iter().filter(|e| !expected.contains(e)).collect();
            assert!(
                extra.is_empty(),
                "{}: user text made Markdown structure: {extra:?}",
                payload.name
            );
            assert_eq!(&shape, expected, "{}: the structure changed", payload.name);
            assert!(
                text.contains(&shown(&payload.text)),
                "{}: the Markdown does not show the text as text",
                payload.name
            );
        }
    }
}

#[test]
fn plain_text_has_no_terminal_control_characters_and_shows_the_text() {
    for payload in payloads() {
        let assessment = nasss_core::load(&hostile_file(&payload.text).0).expect("it loads");
        for (format, text) in outputs(&assessment) {
            if format != Format::Text {
                continue;
            }
            let control: Vec<char> = text
                .chars()
                .filter(|c| c.is_control() && *c != '\n')
                .collect();
            assert!(
                control.is_empty(),
                "{}: {} control characters in the text output, first {:?}",
                payload.name,
                control.len(),
                control[0]
            );
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains(&shown(&payload.text)),
                "{}: the text output does not show the text",
                payload.name
            );
        }
    }
}
