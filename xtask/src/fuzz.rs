//! `cargo xtask fuzz [--seconds N]`: runs each fuzz target in `fuzz/` (the assessment reader,
//! the profile CSV reader, batch's row readers, the share-link decoder and the merge) with
//! libFuzzer for a bounded time, its corpus seeded from the repository's fixtures and examples,
//! and prints how many inputs each ran. cargo-fuzz is installed into `.tools/` on first use; it
//! needs a nightly compiler, which the stable one stands in for with `RUSTC_BOOTSTRAP=1` (no
//! sanitizer: the code is safe Rust, and the properties are the targets' assertions).

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
    let cargo_fuzz = ensure_cargo_fuzz()?;
    TARGETS
        .iter()
        .map(|&target| Ok((target, fuzz(&cargo_fuzz, target, seconds)?)))
        .collect()
}

/// `.tools/bin/cargo-fuzz`, installed from crates.io if missing (about a minute, once).
fn ensure_cargo_fuzz() -> Result<PathBuf> {
    let tools = crate::tools::tools_dir();
    let binary = tools.join("bin").join("cargo-fuzz");
    if !binary.exists() {
        eprintln!("xtask: installing cargo-fuzz into .tools (once)");
        let mut install = cargo();
        install.args(["install", "--locked", "--root"]);
        install.arg(&tools);
        shell::run(install.arg("cargo-fuzz"))?;
    }
    Ok(binary)
}

/// Runs one target; a crash, a hang (ten seconds on one input) or a failed assertion fails.
fn fuzz(cargo_fuzz: &Path, target: &str, seconds: u64) -> Result<u64> {
    let corpus = root().join("target/fuzz-corpus").join(target);
    seed(&corpus)?;
    let mut command = Command::new(cargo_fuzz);
    command
        .current_dir(root().join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["run", "--sanitizer", "none", target])
        .arg(&corpus)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .args(["-timeout=10", "-print_final_stats=1"]);
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

/// Copies the seed files into a target's corpus (which then keeps what the fuzzer finds).
fn seed(corpus: &Path) -> Result<()> {
    std::fs::create_dir_all(corpus)?;
    for folder in SEEDS {
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
