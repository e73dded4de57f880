//! Bad input gets a clear, located message, and files as spreadsheets and editors save them
//! are read: the fixtures in `tests/fixtures/encodings/`, files of many megabytes, deep
//! nesting, future versions, duplicate keys, empty files, a CSV with only a header, and rows
//! with too many or too few cells.

use nasss_core::load::{check_app_size, APP_FILE_LIMIT};
use nasss_core::model::{Domain, Level};
use nasss_core::text_decoding::{decode, Encoding};
use nasss_core::{load, load_bytes, profile_csv};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/encodings/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

const IDS: [&str; 3] = ["Café pilot", "Nurse’s round", "Falls – home"];

#[test]
fn profile_csv_files_as_excel_saves_them_are_read() {
    let cases = [
        ("profiles-utf8-bom.csv", Encoding::Utf8Bom),
        ("profiles-windows-1252.csv", Encoding::Windows1252),
        ("profiles-semicolon.csv", Encoding::Windows1252),
        ("profiles-utf-16le.txt", Encoding::Utf16Le),
        ("profiles-utf-16be.csv", Encoding::Utf16Be),
    ];
    for (name, encoding) in cases {
        let decoded = decode(&fixture(name)).unwrap();
        assert_eq!(decoded.encoding, encoding, "{name}");
        assert_eq!(
            decoded.encoding.note().is_some(),
            encoding == Encoding::Windows1252
        );
        let imported = profile_csv::read(&decoded.text).unwrap();
        assert!(imported.errors.is_empty(), "{name}: {:?}", imported.errors);
        let titles: Vec<&str> = imported
            .assessments
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(titles, IDS, "{name}");
        assert_eq!(
            imported.assessments[0].domain_ratings[&Domain::Condition].level,
            Level::Complex,
            "{name}"
        );
        assert_eq!(
            imported.assessments[2].domain_ratings[&Domain::EmbeddingAdaptation].level,
            Level::Complex,
            "{name}"
        );
    }
}

#[test]
fn assessment_files_with_a_mark_or_in_utf16_load() {
    for name in [
        "assessment-utf8-bom.json",
        "assessment-utf-16le.json",
        "assessment-utf-16be.json",
    ] {
        let assessment = load_bytes(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(assessment.title, "Café – Nurse’s round", "{name}");
        assert_eq!(
            assessment.domain_ratings[&Domain::Condition].note,
            "“quoted”",
            "{name}"
        );
    }
}

#[test]
fn an_assessment_in_windows_1252_is_refused_at_its_first_bad_byte() {
    let error = load_bytes(&fixture("assessment-windows-1252.json")).unwrap_err();
    assert_eq!((error.line, error.column), (3, 16), "{error}");
    assert!(error.message.contains("not UTF-8"), "{error}");
    assert!(error.message.contains("save it as UTF-8"), "{error}");
}

#[test]
fn a_twenty_megabyte_note_loads_and_a_fifty_megabyte_file_is_over_the_apps_limit() {
    let note = "Frank words about the service. ".repeat(20_000_000 / 31);
    let text = format!(
        r#"{{"schema":"nasss-assessment/2","title":"Big","domain_ratings":{{"condition":{{"level":"complex","note":"{note}"}}}}}}"#
    );
    assert!(text.len() > 20_000_000);
    let assessment = load(&text).unwrap();
    assert_eq!(
        assessment.domain_ratings[&Domain::Condition].note.len(),
        note.len()
    );
    assert!(check_app_size(text.len()).is_err());

    let padded = format!("{}{}", text, " ".repeat(50_000_000 - text.len()));
    assert_eq!(padded.len(), 50_000_000);
    assert!(load_bytes(padded.as_bytes()).is_ok(), "the reader copes");
    let error = check_app_size(padded.len()).unwrap_err();
    assert_eq!(
        error.message,
        "the file is 50.0 MB, larger than the 5.0 MB this app reads (about what a browser keeps for a site): use the nasss command-line tool for larger files"
    );
    assert!(check_app_size(APP_FILE_LIMIT).is_ok());
}

#[test]
fn deep_nesting_is_refused_with_where() {
    for depth in [10, 200, 100_000] {
        let text = format!(
            r#"{{"schema":"nasss-assessment/2","title":"x","ratings":{{"5C":{}{}}}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        // serde reads a struct from an array too, so the first element is where it stops.
        let error = load(&text).unwrap_err();
        assert_eq!(error.path, "ratings.5C[0]", "{depth}: {error}");
        assert_eq!((error.line, error.column), (1, 61), "{depth}: {error}");
    }
    // Nesting that no typed field stops first meets serde_json's limit, and says so.
    let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let error = load(&text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 1, column 1: at `[0]`: invalid type: sequence, expected a string"
    );
}

#[test]
fn a_newer_version_says_to_update_the_analyser() {
    let error = load(r#"{"schema":"nasss-assessment/3","title":"x"}"#).unwrap_err();
    assert_eq!(error.path, "schema");
    assert_eq!((error.line, error.column), (1, 30));
    assert_eq!(
        error.message,
        "the file is `nasss-assessment/3`, made by a newer version of the analyser than this one: update the analyser to read it"
    );
}

#[test]
fn duplicate_keys_are_refused_with_the_key_and_line() {
    let text = "{\"schema\": \"nasss-assessment/2\", \"title\": \"x\", \"ratings\": {\n  \"5C\": {\"level\": \"simple\"},\n  \"5C\": {\"level\": \"complex\"}\n}}";
    let error = load(text).unwrap_err();
    assert_eq!(error.path, "ratings");
    assert_eq!(error.line, 3, "{error}");
    assert_eq!(
        error.message,
        "the key `5C` appears twice in this object: keep only one of them"
    );
    let text = r#"{"schema": "nasss-assessment/2", "title": "x", "domain_ratings": {"condition": {"level": "simple"}, "technology": {"level": "simple"}, "condition": {"level": "complex"}}}"#;
    let error = load(text).unwrap_err();
    assert_eq!(error.path, "domain_ratings", "{error}");
    assert!(
        error.message.contains("`condition` appears twice"),
        "{error}"
    );
    let error =
        load(r#"{"schema": "nasss-assessment/2", "title": "x", "title": "y"}"#).unwrap_err();
    assert!(error.message.contains("duplicate field `title`"), "{error}");
    // The same key in two different objects is fine.
    load(r#"{"schema": "nasss-assessment/2", "title": "x", "ratings": {"5C": {"level": "simple", "note": "a"}, "5D": {"level": "simple", "note": "a"}}}"#).unwrap();
}

#[test]
fn empty_files_say_so() {
    for bytes in [&b""[..], b"   \n", b"\xEF\xBB\xBF", b"\xFF\xFE"] {
        let error = load_bytes(bytes).unwrap_err();
        assert!(
            error.message.starts_with("the file is empty"),
            "{bytes:?}: {error}"
        );
    }
    let error = profile_csv::read("").unwrap_err();
    assert_eq!(error.to_string(), "line 1: the file is empty: it needs the header id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation");
}

#[test]
fn a_csv_with_only_a_header_says_so() {
    let header = profile_csv::header().join(",");
    for text in [
        header.clone(),
        format!("{header}\r\n"),
        format!("{header}\n\n,,,\n"),
    ] {
        let error = profile_csv::read(&text).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2: the file has a header but no rows: add one row per assessment below it"
        );
    }
}

#[test]
fn rows_with_too_many_or_too_few_cells_are_reported_by_line() {
    let text = format!(
        "{}\nshort,simple,simple\nlong,simple,simple,simple,simple,simple,simple,simple,extra\nok,simple,simple,simple,simple,simple,simple,simple\n",
        profile_csv::header().join(",")
    );
    let imported = profile_csv::read(&text).unwrap();
    assert_eq!(imported.assessments.len(), 1);
    let errors: Vec<String> = imported.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "line 2: the row has 3 cells but the header has 8: check for a missing or extra comma",
            "line 3: the row has 9 cells but the header has 8: check for a missing or extra comma",
        ]
    );
    let semicolons = text.replace(',', ";");
    let imported = profile_csv::read(&semicolons).unwrap();
    assert!(imported.errors[0]
        .message
        .ends_with("missing or extra semicolon"));
}
