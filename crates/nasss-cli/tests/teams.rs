//! Golden tests of `nasss merge` and `nasss agreement` on the team fixtures in
//! `tests/fixtures/team/`: notes and refusals on stderr, the merged file, the agreement table
//! and figures in text and JSON, located errors and exit codes.

use std::path::PathBuf;
use std::process::Command;

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn team_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/team")
}

fn nasss(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_nasss"))
        .args(args)
        .current_dir(team_dir())
        .output()
        .expect("nasss runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("utf-8"),
        stderr: String::from_utf8(output.stderr).expect("utf-8"),
    }
}

fn out_file(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("team-cli");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn merge_three_replies_then_show_the_agreement() {
    let team = out_file("three.json");
    let team = team.to_str().expect("utf-8 path");
    let run = nasss(&[
        "merge",
        "invitation.json",
        "ann.json",
        "ben.json",
        "cy.json",
        "-o",
        team,
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("merge_three_stderr", run.stderr);
    let merged = std::fs::read_to_string(team).expect("written");
    insta::assert_snapshot!("merge_three_file", merged);
    let run = nasss(&["agreement", team]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    insta::assert_snapshot!("agreement_text", run.stdout);
    let run = nasss(&["agreement", team, "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(value["figures"]["raters"], 3);
    assert_eq!(value["items"][0]["split"], "simple_complex");
    insta::assert_snapshot!("agreement_json", run.stdout);
}

#[test]
fn merge_replaces_a_second_reply_and_refuses_another_assessment() {
    let run = nasss(&[
        "merge",
        "ann.json",
        "ben.json",
        "ben-again.json",
        "eve-own-go.json",
        "other-assessment.json",
    ]);
    assert_eq!(run.status, 1, "a refused file fails the run");
    insta::assert_snapshot!("merge_rules_stderr", run.stderr);
    let merged = nasss_core::load(&run.stdout).expect("the rest is merged and printed");
    let names: Vec<&str> = merged.raters.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ann Patel (reablement lead)", "Ben Okafor", "eve-own-go"]
    );
    assert_eq!(merged.team.views.len(), 3);
}

#[test]
fn bad_files_are_located_and_nothing_is_written() {
    let bad = out_file("bad.json");
    std::fs::write(
        &bad,
        "{\"schema\": \"nasss-assessment/2\",\n \"title\": 3}\n",
    )
    .expect("write");
    let target = out_file("never.json");
    let _ = std::fs::remove_file(&target);
    let run = nasss(&[
        "merge",
        "ann.json",
        bad.to_str().expect("utf-8"),
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr
            .contains("line 2, column 11: at `title`: invalid type"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(!target.exists());
    let run = nasss(&["agreement", "ann.json"]);
    assert_eq!(run.status, 1);
    insta::assert_snapshot!("agreement_not_a_team", run.stderr);
    let run = nasss(&["agreement", "missing.json"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("cannot read missing.json"),
        "{}",
        run.stderr
    );
}
