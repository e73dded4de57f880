//! `cargo xtask fuzz [--seconds N]`: runs each fuzz target in `fuzz/` (the assessment reader,
//! the profile CSV reader, batch's row readers, the share-link decoder and the merge) with
//! libFuzzer for a bounded time, its corpus seeded from the repository's fixtures and examples
//! and from the inputs that once failed it (`fuzz/regressions/<target>/`, replayed on every
//! run), and prints how many inputs each ran.
//!
//! The targets are built as `cargo fuzz build --sanitizer none` builds them (the same
//! instrumentation flags, release with debug assertions and overflow checks), by cargo itself:
//! installing cargo-fuzz from source took a minute of every CI run, for flags that fit in a
//! constant. No sanitizer is needed: the code is safe Rust, and the properties are the targets'
//! assertions. The `fuzz/` crate stays a cargo-fuzz project, so `cargo fuzz run` works too.

use crate::shell::{self, cargo, root};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The targets, as named in `fuzz/Cargo.toml`.
pub const TARGETS: [&str; 5] = ["load", "profile_csv", "batch", "share", "merge"];

/// Inputs longer than this are not tried, so no single run takes long.
const MAX_LEN: usize = 64 * 1024;

/// Where the seeds of every target come from (files directly in these folders).
const SEEDS: [&str; 5] = [
    "tests/fixtures",
    "tests/fixtures/encodings",
    "tests/fixtures/team",
    "crates/nasss-core/data/examples",
    "cases",
];

pub fn run(args: &[String]) -> Result<()> {
    let seconds = match args {
        [] => 60,
        [flag, n] if flag == "--seconds" => n
            .parse()
            .with_context(|| format!("`--seconds {n}`: give a whole number of seconds"))?,
        _ => bail!("usage: cargo xtask fuzz [--seconds N]"),
    };
    for (target, executions) in fuzz_all(seconds)? {
        println!("fuzz {target}: {executions} executions in {seconds} s, no failure");
    }
    Ok(())
}

/// Runs every target for `seconds` each; the number of executions of each.
pub fn fuzz_all(seconds: u64) -> Result<Vec<(&'static str, u64)>> {
    let binaries = build()?;
    TARGETS
        .iter()
        .map(|&target| Ok((target, fuzz(&binaries.join(target), target, seconds)?)))
        .collect()
}

/// What `cargo fuzz build --sanitizer none` (cargo-fuzz 0.13) gives rustc on Linux: libFuzzer's
/// coverage instrumentation, `--cfg fuzzing`, debug assertions (and so overflow checks), and
/// one codegen unit.
const RUSTFLAGS: [&str; 10] = [
    "-Cpasses=sancov-module",
    "-Cllvm-args=-sanitizer-coverage-level=4",
    "-Cllvm-args=-sanitizer-coverage-inline-8bit-counters",
    "-Cllvm-args=-sanitizer-coverage-pc-table",
    "-Cllvm-args=-sanitizer-coverage-trace-compares",
    "--cfg fuzzing",
    "-Cllvm-args=-simplifycfg-branch-fold-threshold=0",
    "-Cllvm-args=-sanitizer-coverage-stack-depth",
    "-Cdebug-assertions",
    "-Ccodegen-units=1",
];

/// The host's target triple, given explicitly so that the flags reach the targets and not the
/// build scripts (as cargo-fuzz does).
const TRIPLE: &str = "x86_64-unknown-linux-gnu";

/// Builds every target; the folder that holds them.
fn build() -> Result<PathBuf> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        bail!("the fuzz pass is built for {TRIPLE} only (libFuzzer's coverage flags here are Linux's)");
    }
    let fuzz = root().join("fuzz");
    shell::run(
        cargo()
            .current_dir(&fuzz)
            .args(["build", "--release", "--bins", "--target", TRIPLE])
            .args(["--config", "profile.release.debug=\"line-tables-only\""])
            .env("RUSTFLAGS", RUSTFLAGS.join(" "))
            .env_remove("CARGO_TARGET_DIR"),
    )?;
    Ok(fuzz.join("target").join(TRIPLE).join("release"))
}

/// Runs one target; a crash, a hang (ten seconds on one input) or a failed assertion fails.
fn fuzz(binary: &Path, target: &str, seconds: u64) -> Result<u64> {
    let corpus = root().join("target/fuzz-corpus").join(target);
    seed(&corpus, target)?;
    let artifacts = root().join("fuzz/artifacts").join(target);
    std::fs::create_dir_all(&artifacts)?;
    let mut command = Command::new(binary);
    command
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .args(["-timeout=10", "-print_final_stats=1"])
        .arg(&corpus);
    let shown = format!("{command:?}");
    eprintln!("$ {shown}");
    let output = command
        .output()
        .with_context(|| format!("could not start {shown}"))?;
    let log = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        eprintln!("{log}");
        bail!(
            "fuzz target `{target}` failed ({}): the input is saved under fuzz/artifacts/{target}/",
            output.status
        );
    }
    executions(&log).with_context(|| format!("no execution count in the log of `{target}`"))
}

/// The number of executions libFuzzer reports at the end (`stat::number_of_executed_units`).
fn executions(log: &str) -> Option<u64> {
    log.lines()
        .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|n| n.trim().parse().ok())
}

/// Copies the seed files, and the target's past failures, into its corpus (which then keeps
/// what the fuzzer finds).
fn seed(corpus: &Path, target: &str) -> Result<()> {
    std::fs::create_dir_all(corpus)?;
    let regressions = format!("fuzz/regressions/{target}");
    for folder in SEEDS.iter().copied().chain([regressions.as_str()]) {
        let Ok(entries) = std::fs::read_dir(root().join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name() else {
                continue;
            };
            if path.is_file() && std::fs::metadata(&path)?.len() <= MAX_LEN as u64 {
                let seed = corpus.join(format!("seed-{}", name.to_string_lossy()));
                std::fs::copy(&path, seed)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::executions;

    #[test]
    fn the_count_is_read_from_the_final_stats() {
        let log = "#2048\tpulse  cov: 10\nDone 5120 runs in 2 second(s)\nstat::number_of_executed_units: 5120\nstat::peak_rss_mb: 40\n";
        assert_eq!(executions(log), Some(5120));
        assert_eq!(executions("Done"), None);
    }
}
