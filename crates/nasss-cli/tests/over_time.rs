//! `nasss diff` as a user runs it (golden output for text and JSON, located errors and exit
//! codes), and a profile CSV exported from saved assessments read by `nasss batch` unchanged.

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
fn nasss(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_nasss"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("nasss runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

const OVER_TIME: &str = "tests/fixtures/over-time.json";

#[test]
fn diff_between_two_snapshots_of_one_file() {
    let run = nasss(&[
        "diff",
        OVER_TIME,
        "--from",
        "Before the pilot",
        "--to",
        "Six months in",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("from complicated to complex"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("Technology"),
        "nothing that did not change"
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn diff_between_a_snapshot_and_now_as_json() {
    let run = nasss(&[
        "diff",
        OVER_TIME,
        "--from",
        "Six months in",
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["schema"], "nasss-diff/1");
    assert_eq!(json["ratings"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["ratings"][0]["before"], "complex");
    assert_eq!(json["ratings"][0]["after"], "complicated");
    assert_eq!(json["outlook_before"]["best"], "unlikely");
    assert_eq!(json["outlook_after"]["best"], "possible");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn diff_between_two_files() {
    let run = nasss(&[
        "diff",
        "crates/nasss-core/data/examples/gps-dementia-quick.json",
        "crates/nasss-core/data/examples/family-app-childrens-quick.json",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn a_file_with_itself_has_nothing_to_say() {
    let run = nasss(&["diff", OVER_TIME, OVER_TIME]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("Nothing has changed: the same levels, outlook and next steps.\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn diff_errors_are_located_and_exit_1() {
    let run = nasss(&["diff", OVER_TIME, "--from", "A year in"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "nasss: tests/fixtures/over-time.json has no snapshot \u{201c}A year in\u{201d}: it has \u{201c}Before the pilot\u{201d}, \u{201c}Six months in\u{201d}\n"
    );
    let run = nasss(&["diff", OVER_TIME]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("nothing to compare"), "{}", run.stderr);
    let run = nasss(&["diff", OVER_TIME, "tests/fixtures/profiles.csv"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .starts_with("nasss: tests/fixtures/profiles.csv: line 1, column 1"),
        "{}",
        run.stderr
    );
}

/// The CSV the app exports of saved assessments is `nasss batch`'s input as it is, and batch
/// gives each the outlook the report does.
#[test]
fn an_exported_profile_csv_is_scored_by_batch_unchanged() {
    let assessments: Vec<nasss_core::Assessment> = [
        "gps-dementia-quick",
        "digital-telecare-full",
        "family-app-childrens-quick",
    ]
    .iter()
    .map(|id| {
        nasss_core::examples::example(id)
            .expect("an example")
            .assessment()
    })
    .collect();
    let csv = nasss_core::profile_csv::write(&assessments);
    let dir = std::env::temp_dir().join(format!("nasss-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("exported.csv");
    std::fs::write(&path, &csv).expect("write the CSV");
    let run = nasss(&["batch", path.to_str().expect("a UTF-8 path")]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), assessments.len());
    for (row, assessment) in rows.iter().zip(&assessments) {
        let report = nasss_core::assess(assessment);
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[0], assessment.title.trim());
        assert_eq!(cells[1], report.outlook.key(), "{row}");
    }
}

/// `assess` shows the plan and the timeline; `--as-of` moves the day overdue steps are judged by.
#[test]
fn assess_shows_the_plan_and_timeline_with_overdue_steps_as_of_a_day() {
    let run = nasss(&["assess", OVER_TIME]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 overdue as of 2026-06-01"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Since \u{201c}Six months in\u{201d}"));
    let early = nasss(&["assess", OVER_TIME, "--as-of", "2026-04-15"]);
    assert_eq!(early.status, 0, "{}", early.stderr);
    assert!(
        early
            .stdout
            .contains("2 next steps: 1 open, 1 done, 0 dropped."),
        "{}",
        early.stdout
    );
    assert!(!early.stdout.contains("overdue"));
    let bad = nasss(&["assess", OVER_TIME, "--as-of", "tomorrow"]);
    assert_eq!(bad.status, 2, "a mistake in the command line");
    assert!(
        bad.stderr.contains("`tomorrow` is not a date"),
        "{}",
        bad.stderr
    );
}
