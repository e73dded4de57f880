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

/// One hostile payload from the fixture.
struct Payload {
    name: String,
    text: String,
}

fn payloads() -> Vec<Payload> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/hostile-text.json"
    );
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the fixture")).expect("JSON");
    let list = doc["payloads"].as_array().expect("a list of payloads");
    list.iter()
        .map(|entry| {
            let name = entry["name"].as_str().expect("a name").to_string();
            let text = match (entry["text"].as_str(), entry["repeat"].as_str()) {
                (Some(text), _) => text.to_string(),
                (None, Some(repeat)) => {
                    let length = entry["length"].as_u64().expect("a length") as usize;
                    repeat.chars().cycle().take(length).collect()
                }
                (None, None) => panic!("payload {name} has neither text nor repeat"),
            };
            Payload { name, text }
        })
        .collect()
}

/// Keys whose string values are free text a person wrote.
const FREE_TEXT: [&str; 16] = [
    "title",
    "description",
    "note",
    "rated_by",
    "reason",
    "by",
    "name",
    "role",
    "authors",
    "journal",
    "doi",
    "basis_note",
    "what",
    "for_whom",
    "text",
    "owner",
];
/// Keys whose values are lists of free text.
const FREE_TEXT_LISTS: [&str; 3] = ["evidence", "must_be_true", "resources"];
/// Keys whose string values are not free text: tags, enums, dates and ids.
const NOT_FREE_TEXT: [&str; 19] = [
    "schema",
    "id",
    "setting",
    "kind",
    "outcome",
    "stage",
    "mode",
    "level",
    "rated_on",
    "created",
    "updated",
    "basis",
    "domain",
    "sub_domain",
    "due",
    "status",
    "taken",
    "on",
    "received",
];

/// Puts `payload` into every free-text field under `value`; returns how many it filled, and
/// fails on any string under a key it does not know, so a new free-text field cannot be missed.
fn fill(value: &mut Value, payload: &str) -> usize {
    let mut filled = 0;
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(text) if FREE_TEXT.contains(&key.as_str()) => {
                        *text = payload.to_string();
                        filled += 1;
                    }
                    Value::String(_) => assert!(
                        NOT_FREE_TEXT.contains(&key.as_str()),
                        "`{key}` holds a string the hostile-text test does not know: add it to \
                         FREE_TEXT or NOT_FREE_TEXT"
                    ),
                    Value::Array(items) if FREE_TEXT_LISTS.contains(&key.as_str()) => {
                        for item in items.iter_mut() {
                            *item = Value::String(payload.to_string());
                            filled += 1;
                        }
                    }
                    Value::Null
                    | Value::Bool(_)
                    | Value::Number(_)
                    | Value::Array(_)
                    | Value::Object(_) => filled += fill(child, payload),
                }
            }
        }
        Value::Array(items) => {
            filled += items
                .iter_mut()
                .map(|item| fill(item, payload))
                .sum::<usize>()
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
    filled
}

/// The every-field file of version 2 with every free-text field set to `payload`.
fn hostile_file(payload: &str) -> (String, usize) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/v2-every-field.json"
    );
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the fixture")).expect("JSON");
    let filled = fill(&mut value, payload);
    (serde_json::to_string_pretty(&value).expect("JSON"), filled)
}

/// The text as the Markdown and text outputs show it: control characters dropped, runs of
/// white space as one space.
fn shown(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
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
