//! `cargo xtask bench [--check]`: the project's speed and size measurements in one table.
//!
//! - the bundle: `dist/index.html` raw and gzipped, and what each part of its wasm costs, by
//!   crate (twiggy) and by compiled-in data;
//! - page load from `file://` in headless Chromium, first and largest contentful paint, beside
//!   a blank page loaded the same way in the same run; one rating change to the next frame;
//! - the criterion engine benchmarks (`cargo bench -p nasss-core`);
//! - `nasss batch` rows per second and peak memory, beside the csv-crate floor.
//!
//! Without `--check` it measures everything (batch at 10^5, 10^6 and 10^7 rows) and writes the
//! table into `docs/performance.md` between its markers, with the machine and date. With
//! `--check` (CI) it measures what the budgets need (batch at 10^5 and 10^6 rows, no twiggy, no
//! criterion), prints the table, and fails if a budget is not met, unless it is a known
//! shortfall (`budgets::KNOWN_SHORTFALLS`, explained in the doc) still under its ceiling. Ratios are taken within one
//! run, since the machine is noisy. `--rows` chooses the batch sizes.

mod batch;
mod budgets;
mod engine;
mod page;
mod report;
mod size;

use anyhow::{bail, Result};

pub use batch::{measure_child, MEASURE_TASK};

/// What one run of the bench found; each part is `None` when not measured.
pub struct Figures {
    pub size: size::SizeFigures,
    pub page: page::PageFigures,
    pub engine: Option<Vec<engine::EngineFigure>>,
    pub batch: Vec<batch::BatchFigures>,
}

const USAGE: &str = "usage: cargo xtask bench [--check] [--rows 100000,1000000]";

pub fn run(args: &[String]) -> Result<()> {
    let mut check = false;
    let mut only_rows: Option<Vec<u64>> = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--rows" => {
                let list = args.next().map(String::as_str).unwrap_or_default();
                let parsed: Result<Vec<u64>, _> = list.split(',').map(str::parse).collect();
                only_rows =
                    Some(parsed.map_err(|_| {
                        anyhow::anyhow!("--rows takes counts such as 100000,1000000")
                    })?);
            }
            other => bail!("unknown option `{other}` ({USAGE})"),
        }
    }
    let dist = crate::dist::run(&[])?;
    let size = size::measure(&dist, !check)?;
    let page = page::measure(&dist.single_file, 9, 60)?;
    let engine = match check {
        true => None,
        false => Some(engine::measure()?),
    };
    let programs = batch::build()?;
    let rows = only_rows.unwrap_or_else(|| match check {
        true => vec![100_000, 1_000_000],
        false => vec![100_000, 1_000_000, 10_000_000],
    });
    let mut batches = Vec::new();
    for count in rows {
        // Three runs each, interleaved with the floor's; the median is kept.
        batches.push(batch::measure(&programs, count, 3)?);
    }
    let figures = Figures {
        size,
        page,
        engine,
        batch: batches,
    };
    let verdicts = budgets::judge(&figures);
    let table = report::table(&figures, &verdicts);
    println!("\n{table}");
    if !check {
        report::write_doc(&table)?;
        println!("xtask bench: wrote the table into docs/performance.md");
    }
    let failed: Vec<&budgets::Verdict> = verdicts.iter().filter(|v| v.fails()).collect();
    if check && !failed.is_empty() {
        let names: Vec<&str> = failed.iter().map(|v| v.budget).collect();
        bail!("budgets not met: {}", names.join("; "));
    }
    Ok(())
}
