//! The batch part of `cargo xtask bench`: `nasss batch` over generated CSVs of quick profiles
//! (random levels, blanks and unknowns included), beside the floor it cannot beat: the
//! `csv_floor` example of `nasss-cli`, which reads and writes the same rows with the csv crate
//! and nothing else. Both are built in release, write to /dev/null, and are timed on the wall
//! clock with their peak resident memory from the kernel (`getrusage`), each started from a fresh
//! copy of the xtask so that its peak is its own.

use crate::shell::{self, cargo, root};
use anyhow::{bail, Context, Result};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One timed run of a program over an input.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub wall: Duration,
    /// Peak resident set size in bytes.
    pub peak_rss: u64,
}

/// `nasss batch` and the floor over the same rows.
#[derive(Debug, Clone)]
pub struct BatchFigures {
    pub rows: u64,
    pub nasss: Run,
    pub floor: Run,
}

impl BatchFigures {
    pub fn rows_per_second(&self, run: Run) -> f64 {
        self.rows as f64 / run.wall.as_secs_f64()
    }

    /// How many times as long as the floor `nasss batch` takes.
    pub fn ratio(&self) -> f64 {
        self.nasss.wall.as_secs_f64() / self.floor.wall.as_secs_f64()
    }
}

/// The two programs, built.
pub struct Programs {
    pub nasss: PathBuf,
    pub floor: PathBuf,
}

/// Builds `nasss` and `csv_floor` with the release profile (the one users install).
pub fn build() -> Result<Programs> {
    shell::run(cargo().args([
        "build",
        "--release",
        "--package",
        "nasss-cli",
        "--bin",
        "nasss",
        "--example",
        "csv_floor",
    ]))?;
    let release = crate::dist::target_dir().join("release");
    Ok(Programs {
        nasss: release.join(format!("nasss{}", std::env::consts::EXE_SUFFIX)),
        floor: release
            .join("examples")
            .join(format!("csv_floor{}", std::env::consts::EXE_SUFFIX)),
    })
}

/// Times both programs over `rows` generated rows, `repeats` times each (interleaved), and
/// keeps the median run of each.
pub fn measure(programs: &Programs, rows: u64, repeats: usize) -> Result<BatchFigures> {
    let input = generated(rows)?;
    let mut nasss = Vec::new();
    let mut floor = Vec::new();
    for _ in 0..repeats {
        nasss.push(timed(
            &programs.nasss,
            &["batch", "--input", "csv"],
            &input,
        )?);
        floor.push(timed(&programs.floor, &[], &input)?);
    }
    eprintln!("xtask bench: batch {rows} rows: nasss {nasss:?}, floor {floor:?}");
    Ok(BatchFigures {
        rows,
        nasss: median_run(nasss),
        floor: median_run(floor),
    })
}

fn median_run(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|run| run.wall);
    runs[runs.len() / 2]
}

/// `target/nasss-bench/profiles-<rows>.csv`, written once and kept.
fn generated(rows: u64) -> Result<PathBuf> {
    let dir = crate::dist::target_dir().join("nasss-bench");
    fs::create_dir_all(&dir)?;
    let path = dir.join(format!("profiles-{rows}.csv"));
    if path.exists() {
        return Ok(path);
    }
    let partial = dir.join(format!("profiles-{rows}.csv.partial"));
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(&partial)?);
    out.write_all(
        b"id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n",
    )?;
    const CELLS: [&[u8]; 6] = [
        b"simple",
        b"complicated",
        b"complex",
        b"unknown",
        b"",
        b"Complex",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut line = Vec::with_capacity(128);
    for n in 0..rows {
        line.clear();
        line.extend_from_slice(b"profile-");
        line.extend_from_slice(n.to_string().as_bytes());
        for _ in 0..7 {
            // xorshift64: cheap, repeatable, good enough to spread profiles.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            line.push(b',');
            line.extend_from_slice(CELLS[(state % 6) as usize]);
        }
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()?;
    drop(out);
    fs::rename(&partial, &path)?;
    Ok(path)
}

/// Runs `program args input > /dev/null`, timing it and reading its peak memory, through a
/// fresh copy of this xtask ([`measure_child`]). Spawned straight from here, the child's peak
/// would count this process's memory: Linux carries the parent's high-water mark through the
/// vfork and exec that start a child into the child's `ru_maxrss`.
fn timed(program: &Path, args: &[&str], input: &Path) -> Result<Run> {
    let report = crate::dist::target_dir()
        .join("nasss-bench")
        .join("measured.txt");
    let status = Command::new(std::env::current_exe()?)
        .arg(MEASURE_TASK)
        .arg(&report)
        .arg(program)
        .args(args)
        .arg(input)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .with_context(|| format!("could not start {}", program.display()))?;
    let measured = fs::read_to_string(&report).unwrap_or_default();
    let numbers: Vec<u64> = measured
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match (status.success(), numbers.as_slice()) {
        (true, [nanos, peak_rss]) => Ok(Run {
            wall: Duration::from_nanos(*nanos),
            peak_rss: *peak_rss,
        }),
        _ => bail!(
            "{} {args:?} {} failed ({status}): {measured}",
            program.display(),
            input.display()
        ),
    }
}

/// The hidden xtask task that [`timed`] runs: `cargo xtask __measure REPORT PROGRAM ARGS…`.
pub const MEASURE_TASK: &str = "__measure";

/// Runs PROGRAM ARGS… with this process's standard streams and writes its wall time in
/// nanoseconds and peak resident memory in bytes to REPORT; fails if the program does.
pub fn measure_child(args: &[String]) -> Result<()> {
    let [report, program, rest @ ..] = args else {
        bail!("usage: xtask {MEASURE_TASK} REPORT PROGRAM ARGS…");
    };
    let started = Instant::now();
    let child = Command::new(program)
        .args(rest)
        .spawn()
        .with_context(|| format!("could not start {program}"))?;
    let (status, peak_rss) = wait_with_peak_memory(child)?;
    let wall = started.elapsed();
    if status != 0 {
        bail!("{program} {rest:?} exited with {status}");
    }
    fs::write(report, format!("{} {peak_rss}\n", wall.as_nanos()))?;
    Ok(())
}

/// Waits for the child and reads its peak resident memory: the largest of the children this
/// process has waited for, and the launcher only ever has this one.
#[cfg(unix)]
fn wait_with_peak_memory(mut child: std::process::Child) -> Result<(i32, u64)> {
    use nix::sys::resource::{getrusage, UsageWho};
    let status = child.wait()?;
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN)?;
    // Linux reports ru_maxrss in kilobytes.
    let peak = u64::try_from(usage.max_rss()).unwrap_or_default() * 1024;
    Ok((status.code().unwrap_or(-1), peak))
}

#[cfg(not(unix))]
fn wait_with_peak_memory(mut child: std::process::Child) -> Result<(i32, u64)> {
    let status = child.wait()?;
    Ok((status.code().unwrap_or(-1), 0))
}
