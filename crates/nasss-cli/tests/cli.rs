//! The `nasss` binary as a user runs it: real files from `tests/fixtures` and the built-in
//! examples, stdin, exit codes, and golden (snapshot) output for batch and errors.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[track_caller]
fn nasss(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nasss"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nasss runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(input);
    let output = child.wait_with_output().expect("nasss finishes");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

const GPS: &str = "crates/nasss-core/data/examples/gps-dementia-quick.json";
const TELECARE: &str = "crates/nasss-core/data/examples/digital-telecare-full.json";

#[test]
fn batch_scores_a_csv_of_profiles() {
    let run = nasss(&["batch", "tests/fixtures/profiles.csv"], None);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn batch_reports_bad_rows_and_scores_the_rest() {
    let run = nasss(&["batch", "tests/fixtures/profiles-bad.csv"], None);
    assert_eq!(run.status, 1);
    insta::assert_snapshot!("bad_rows_stdout", run.stdout);
    insta::assert_snapshot!("bad_rows_stderr", run.stderr);
}

#[test]
fn batch_reads_json_lines_from_stdin() {
    let gps = std::fs::read_to_string(root().join(GPS)).unwrap();
    let telecare = std::fs::read_to_string(root().join(TELECARE)).unwrap();
    let one_line = |text: &str| {
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(text).unwrap()).unwrap()
    };
    let input = format!(
        "{}\n\n{}\n{{\"schema\": \"nasss-assessment/1\"}}\nnot json\n",
        one_line(&gps),
        one_line(&telecare)
    );
    let run = nasss(&["batch", "-"], Some(&input));
    assert_eq!(run.status, 1);
    let rows: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert!(rows[1].starts_with("GPS location devices for people living with dementia,uncertain,unlikely,very_unlikely,3,3,0,1,"));
    assert!(rows[2].starts_with(
        "Digital telecare with activity sensors,uncertain,possible,very_unlikely,1,3,0,3,"
    ));
    insta::assert_snapshot!("jsonl_stderr", run.stderr);
}

#[test]
fn batch_header_without_domains_fails_clearly() {
    let run = nasss(
        &["batch", "--input", "csv", "-"],
        Some("id,condition\nx,simple\n"),
    );
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("line 1: the CSV header lacks technology, value_proposition"),
        "{}",
        run.stderr
    );
}

#[test]
fn assess_renders_every_format() {
    for format in ["text", "markdown", "json"] {
        let run = nasss(&["assess", TELECARE, "--format", format], None);
        assert_eq!(run.status, 0, "{format}: {}", run.stderr);
        assert!(
            run.stdout
                .contains("Digital telecare with activity sensors"),
            "{format}"
        );
        assert!(run.stdout.contains("2A"), "{format} names the sub-domains");
    }
    let json = nasss(&["assess", TELECARE, "-f", "json"], None);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON report");
    assert_eq!(value["outlook"]["best"], "possible");
    assert_eq!(value["outlook"]["worst"], "very_unlikely");
}

#[test]
fn assess_reads_stdin() {
    let text = std::fs::read_to_string(root().join(GPS)).unwrap();
    let run = nasss(&["assess", "-", "--format", "markdown"], Some(&text));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("# NASSS assessment: GPS location devices"));
}

#[test]
fn malformed_files_give_located_errors() {
    let bad = "{\n  \"schema\": \"nasss-assessment/1\",\n  \"title\": \"x\",\n  \"domain_ratings\": {\"technology\": {\"level\": \"very\"}}\n}\n";
    let run = nasss(&["validate", "-"], Some(bad));
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr.trim(),
        "<stdin>: line 4, column 51: at `domain_ratings.technology.level`: unknown variant `very`, expected one of `simple`, `complicated`, `complex`, `unknown`"
    );
    let run = nasss(
        &["assess", "-"],
        Some("{\"schema\": \"nasss-assessment/1\", \"title\": "),
    );
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("line 1, column 42"), "{}", run.stderr);
    let run = nasss(&["assess", "no/such/file.json"], None);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("cannot read no/such/file.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn validate_says_ok_and_warns() {
    let run = nasss(&["validate", GPS, TELECARE], None);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{GPS}: ok\n{TELECARE}: ok\n"));
    let run = nasss(
        &["validate", "-"],
        Some(r#"{"schema":"nasss-assessment/1","title":"x","framing":{"kind":"retrospective"}}"#),
    );
    assert_eq!(run.status, 0);
    assert!(run
        .stdout
        .contains("warning: a retrospective assessment with no `outcome`"));
}

#[test]
fn schema_is_json_schema() {
    let run = nasss(&["schema"], None);
    assert_eq!(run.status, 0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["title"], "Assessment");
    assert!(value["properties"]["ratings"].is_object());
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "assess",
        "validate",
        "schema",
        "batch",
        "calibrate",
        "examples",
    ] {
        let run = nasss(&[sub, "--help"], None);
        assert_eq!(run.status, 0, "{sub}");
        assert!(run.stdout.contains("Usage: nasss"), "{sub}");
    }
    let run = nasss(&["frobnicate"], None);
    assert_eq!(run.status, 2);
}

#[test]
fn calibrate_scores_the_case_library() {
    let run = nasss(&["calibrate", "cases"], None);
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
    // The model card quotes the summary; keep it true.
    let card = std::fs::read_to_string(root().join("docs/model.md")).expect("docs/model.md");
    for line in run
        .stdout
        .lines()
        .skip_while(|l| !l.is_empty())
        .skip(1)
        .take(4)
    {
        assert!(
            card.contains(line),
            "docs/model.md no longer quotes `{line}`: update it"
        );
    }
    let empty = std::env::temp_dir().join(format!("nasss-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("temp dir");
    let run = nasss(&["calibrate", empty.to_str().expect("utf-8 path")], None);
    let _ = std::fs::remove_dir(&empty);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("holds no assessment files"),
        "{}",
        run.stderr
    );
}

#[test]
fn examples_list_and_print() {
    let run = nasss(&["examples"], None);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("gps-dementia-quick"));
    assert!(run.stdout.contains("published case"));
    let run = nasss(&["examples", "family-app-childrens-quick"], None);
    assert_eq!(run.status, 0);
    assert!(nasss_core::load(&run.stdout).is_ok());
    let run = nasss(&["examples", "nope"], None);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("no example `nope`"));
}
