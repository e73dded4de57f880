//! The engine part of `cargo xtask bench`: runs the criterion benchmarks of the core
//! (`crates/nasss-core/benches/engine.rs`) with short warm-up and measurement times, and reads
//! each benchmark's estimate from criterion's output.

use crate::shell::cargo;
use anyhow::{bail, Context, Result};
use std::process::Stdio;

/// One criterion benchmark: its name and the middle of its estimate, as criterion prints it.
pub struct EngineFigure {
    pub name: String,
    pub time: String,
}

pub fn measure() -> Result<Vec<EngineFigure>> {
    let mut command = cargo();
    command
        .args([
            "bench",
            "--package",
            "nasss-core",
            "--bench",
            "engine",
            "--",
        ])
        .args(["--warm-up-time", "1", "--measurement-time", "3"])
        .stderr(Stdio::inherit());
    eprintln!("$ {command:?}");
    let output = command.output().context("could not run cargo bench")?;
    if !output.status.success() {
        bail!("cargo bench -p nasss-core failed with {}", output.status);
    }
    let printed = String::from_utf8_lossy(&output.stdout);
    let figures = parse(&printed);
    if figures.is_empty() {
        bail!("found no criterion estimates in the output of cargo bench:\n{printed}");
    }
    Ok(figures)
}

/// Reads `name  time: [low mid high]` lines; criterion puts a long name on the line before.
fn parse(printed: &str) -> Vec<EngineFigure> {
    let mut figures = Vec::new();
    let mut previous = "";
    for line in printed.lines() {
        if let Some((before, after)) = line.split_once("time:") {
            let name = match before.trim() {
                "" => previous.trim(),
                name => name,
            };
            let inside = after.trim().trim_start_matches('[').trim_end_matches(']');
            let parts: Vec<&str> = inside.split_whitespace().collect();
            if parts.len() == 6 {
                figures.push(EngineFigure {
                    name: name.to_owned(),
                    time: format!("{} {}", parts[2], parts[3]),
                });
            }
        }
        if !line.trim().is_empty() {
            previous = line;
        }
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_short_and_long_names() {
        let printed = "\
Benchmarking x
band/all 2187 profiles  time:   [10.1 µs 10.2 µs 10.3 µs]
assess/a-very-long-benchmark-name-that-wraps
                        time:   [1.5 ms 1.6 ms 1.7 ms]
                        change: [-1% +0% +1%]
";
        let figures = parse(printed);
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].name, "band/all 2187 profiles");
        assert_eq!(figures[0].time, "10.2 µs");
        assert_eq!(
            figures[1].name,
            "assess/a-very-long-benchmark-name-that-wraps"
        );
        assert_eq!(figures[1].time, "1.6 ms");
    }
}
