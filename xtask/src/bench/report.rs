//! The table `cargo xtask bench` prints, as Markdown, and writing it into `docs/performance.md`
//! between the markers there, with the machine and the date, leaving the rest of the doc alone.

use super::budgets::{mb, Verdict};
use super::Figures;
use crate::shell::root;
use anyhow::{Context, Result};
use std::fmt::Write;
use std::process::Command;

const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";

pub fn table(figures: &Figures, verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Measured by `cargo xtask bench` on {}, {}.\n",
        machine(),
        date()
    );

    let _ = writeln!(out, "| budget | figure | met |\n| --- | --- | --- |");
    for verdict in verdicts {
        let met = match (verdict.met, verdict.ceiling()) {
            (true, _) => "yes".to_owned(),
            (false, Some(ceiling)) => format!("**no**: known, see below (must stay <= {ceiling})"),
            (false, None) => "**no**".to_owned(),
        };
        let _ = writeln!(out, "| {} | {} | {met} |", verdict.budget, verdict.figure);
    }

    let _ = writeln!(out, "\n| bundle | bytes | gzip |\n| --- | ---: | ---: |");
    for (what, bytes) in &figures.size.parts {
        let what = what.trim_start();
        let _ = writeln!(
            out,
            "| {what} | {} | {} |",
            thousands(bytes.raw),
            thousands(bytes.gzip)
        );
    }
    let _ = writeln!(out, "\n| compiled-in content | bytes | gzip alone | in the wasm as text |\n| --- | ---: | ---: | --- |");
    for (what, bytes, present) in &figures.size.content {
        let present = if *present { "yes" } else { "no" };
        let _ = writeln!(
            out,
            "| {what} | {} | {} | {present} |",
            thousands(bytes.raw),
            thousands(bytes.gzip)
        );
    }
    if let Some(by_crate) = &figures.size.by_crate {
        let total: u64 = by_crate.iter().map(|(_, bytes)| bytes).sum();
        let _ = writeln!(
            out,
            "\n| wasm by crate (twiggy, shallow) | bytes | share |\n| --- | ---: | ---: |"
        );
        let (shown, rest) = by_crate.split_at(by_crate.len().min(14));
        for (name, bytes) in shown {
            let _ = writeln!(
                out,
                "| {name} | {} | {:.1}% |",
                thousands(*bytes),
                share(*bytes, total)
            );
        }
        let rest_bytes: u64 = rest.iter().map(|(_, bytes)| bytes).sum();
        if !rest.is_empty() {
            let _ = writeln!(
                out,
                "| {} others | {} | {:.1}% |",
                rest.len(),
                thousands(rest_bytes),
                share(rest_bytes, total)
            );
        }
    }

    let page = &figures.page;
    let _ = writeln!(out, "\n| page from `file://` (median of {} loads each, interleaved) | FCP ms | LCP ms |\n| --- | ---: | ---: |", page.loads);
    let _ = writeln!(
        out,
        "| dist/index.html | {:.0} | {:.0} |",
        page.app_fcp, page.app_lcp
    );
    let _ = writeln!(
        out,
        "| blank page | {:.0} | {:.0} |",
        page.blank_fcp, page.blank_lcp
    );
    let _ = writeln!(
        out,
        "| ratio | {:.2}x | {:.2}x |",
        page.app_fcp / page.blank_fcp,
        page.lcp_ratio()
    );
    let _ = writeln!(
        out,
        "\nOne rating change to the next painted frame: {:.1} ms median, {:.1} ms p90, over {} clicks.",
        page.rating_median, page.rating_p90, page.clicks
    );

    if let Some(engine) = &figures.engine {
        let _ = writeln!(
            out,
            "\n| engine (criterion, `cargo bench -p nasss-core`) | time |\n| --- | ---: |"
        );
        for figure in engine {
            let _ = writeln!(out, "| {} | {} |", figure.name, figure.time);
        }
    }

    let _ = writeln!(out, "\n| batch rows | `nasss batch` rows/s | peak MB | floor rows/s | floor peak MB | time vs floor |\n| ---: | ---: | ---: | ---: | ---: | ---: |");
    for batch in &figures.batch {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {} | {:.1} | {:.2}x |",
            thousands(batch.rows),
            thousands(batch.rows_per_second(batch.nasss) as u64),
            mb(batch.nasss.peak_rss),
            thousands(batch.rows_per_second(batch.floor) as u64),
            mb(batch.floor.peak_rss),
            batch.ratio()
        );
    }
    out
}

/// Puts `table` between the markers of `docs/performance.md`, or starts the doc.
pub fn write_doc(table: &str) -> Result<()> {
    let path = root().join("docs").join("performance.md");
    let old = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| format!("# Performance\n\n{START}\n{END}\n"));
    std::fs::write(&path, splice(&old, table))
        .with_context(|| format!("could not write {}", path.display()))
}

/// `doc` with `table` between its markers (added at the end if it has none).
fn splice(doc: &str, table: &str) -> String {
    match (doc.find(START), doc.find(END)) {
        (Some(start), Some(end)) if start < end => format!(
            "{}{START}\n{table}{END}{}",
            &doc[..start],
            &doc[end + END.len()..]
        ),
        _ => format!("{doc}\n{START}\n{table}{END}\n"),
    }
}

fn share(part: u64, total: u64) -> f64 {
    100.0 * part as f64 / total.max(1) as f64
}

/// The CPU model, core count and memory, from `/proc` where there is one.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, name)| name.trim().to_owned())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let line = info
                .lines()
                .find(|line| line.starts_with("MemTotal:"))?
                .to_owned();
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!(", {} GiB", (kb + (1 << 19)) >> 20))
        })
        .unwrap_or_default();
    format!("{cpu} ({cores} cores{memory}, {})", std::env::consts::OS)
}

/// Today's date and time in UTC, from `date` (no clock crate just for this).
fn date() -> String {
    Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .filter(|date| !date.is_empty())
        .unwrap_or_else(|| "an unknown date".into())
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_replaces_only_what_is_between_the_markers() {
        let old = format!("# P\n\nbefore\n{START}\nold table\n{END}\nafter\n");
        assert_eq!(
            splice(&old, "new\n"),
            format!("# P\n\nbefore\n{START}\nnew\n{END}\nafter\n")
        );
        assert_eq!(
            splice("# P\n", "t\n"),
            format!("# P\n\n{START}\nt\n{END}\n")
        );
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
