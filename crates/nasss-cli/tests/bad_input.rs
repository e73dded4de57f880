//! `nasss batch` and `nasss assess` on files as Excel and Windows editors save them (the
//! fixtures in `tests/fixtures/encodings/`), on a CSV with only a header, and with ids a
//! spreadsheet would run as formulas.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn nasss(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nasss"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nasss runs");
    child.stdin.take().expect("stdin").write_all(stdin).unwrap();
    child.wait_with_output().expect("nasss ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn batch_reads_profiles_in_every_encoding_excel_saves() {
    let warning = "line 2: The file is not UTF-8, so it was read as Windows-1252 (as Excel saves CSV on Windows): check that accented letters and quotation marks look right.\n";
    let cases = [
        ("profiles-utf8-bom.csv", false),
        ("profiles-windows-1252.csv", true),
        ("profiles-semicolon.csv", true),
        ("profiles-utf-16le.txt", false),
        ("profiles-utf-16be.csv", false),
    ];
    for (name, guessed) in cases {
        let path = format!("tests/fixtures/encodings/{name}");
        // The .txt is not named as CSV: the format is found from its content.
        let output = nasss(&["batch", &path], b"");
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{name}: {stderr}");
        match guessed {
            true => assert_eq!(stderr, format!("{path}: {warning}"), "{name}"),
            false => assert_eq!(stderr, "", "{name}"),
        }
        let stdout = text(&output.stdout);
        let ids: Vec<&str> = stdout
            .lines()
            .skip(1)
            .map(|line| line.split(',').next().unwrap())
            .collect();
        assert_eq!(
            ids,
            ["Café pilot", "Nurse’s round", "Falls – home"],
            "{name}"
        );
        assert!(
            stdout
                .lines()
                .nth(1)
                .unwrap()
                .ends_with(",1,0,6,0,condition,"),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn batch_reads_utf16_from_standard_input() {
    let bytes =
        std::fs::read(root().join("tests/fixtures/encodings/profiles-utf-16le.txt")).unwrap();
    let output = nasss(&["batch", "-"], &bytes);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout).lines().count(), 4);
}

#[test]
fn assess_reads_assessment_files_with_a_mark_or_in_utf16() {
    for name in [
        "assessment-utf8-bom.json",
        "assessment-utf-16le.json",
        "assessment-utf-16be.json",
    ] {
        let path = format!("tests/fixtures/encodings/{name}");
        let output = nasss(&["assess", &path], b"");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text(&output.stderr)
        );
        assert!(
            text(&output.stdout).contains("Café – Nurse’s round"),
            "{name}"
        );
    }
    let output = nasss(
        &[
            "assess",
            "tests/fixtures/encodings/assessment-windows-1252.json",
        ],
        b"",
    );
    assert_ne!(output.status.code(), Some(0));
    assert!(
        text(&output.stderr).contains("assessment-windows-1252.json: line 3, column 16: the file is not UTF-8 text (perhaps Windows-1252, \"ANSI\"): save it as UTF-8 JSON"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_batch_csv_with_only_a_header_gives_only_the_header() {
    let header = "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n";
    let output = nasss(&["batch", "--input", "csv", "-"], header.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout).lines().count(), 1);
    assert!(text(&output.stdout).starts_with("id,outlook,"));
}

#[test]
fn batch_ids_that_look_like_formulas_are_guarded_and_guarded_ids_read_back() {
    let input = "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n\
                 =HYPERLINK(1),simple,,,,,,\n\
                 '@SUM(A1),simple,,,,,,\n\
                 -1,simple,,,,,,\n";
    let output = nasss(&["batch", "--input", "csv", "-"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let ids: Vec<&str> = stdout
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    // `'@SUM(A1)` is how the app exports the id `@SUM(A1)`: read back, then guarded again.
    assert_eq!(ids, ["'=HYPERLINK(1)", "'@SUM(A1)", "'-1"]);
}

#[test]
fn row_errors_name_the_right_line_in_a_file_with_windows_line_ends() {
    let input = "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\r\n\
                 a,simple,,,,,,\r\n\
                 \"b\r\nc\",bad,,,,,,\r\n\
                 \r\n\
                 d,simple,,\r\n";
    let output = nasss(&["batch", "--input", "csv", "-"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().map(|l| &l[..16]).collect();
    assert_eq!(lines, ["<stdin>: line 3:", "<stdin>: line 6:"], "{stderr}");
}
