//! `nasss batch`: researchers' bulk scoring. Reads CSV domain profiles or JSON Lines of
//! assessment files, writes one CSV row per readable input row, reports each unreadable row on
//! stderr with its line number, and exits 1 if there was any.

use crate::input::{name, read_bytes};
use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use nasss_core::model::{Domain, Level};
use nasss_core::{assess, Assessment, Report};
use std::io::Write;
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

/// The output columns, in order.
pub const COLUMNS: [&str; 10] = [
    "id",
    "outlook",
    "outlook_best",
    "outlook_worst",
    "complex_domains",
    "complicated_domains",
    "simple_domains",
    "unknown_domains",
    "drivers",
    "pivotal_unknowns",
];

pub fn run(path: &Path, format: Option<InputFormat>, out: &mut dyn Write) -> Result<Outcome> {
    let bytes = read_bytes(path)?;
    let text = String::from_utf8(bytes)
        .map_err(|error| anyhow::anyhow!("{}: not UTF-8 text ({error})", name(path)))?;
    let format = format.unwrap_or_else(|| detect(path, &text));
    let rows = match format {
        InputFormat::Csv => read_csv(&text)?,
        InputFormat::Jsonl => read_jsonl(&text),
    };
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut failed = false;
    for row in rows {
        match row {
            Ok((id, assessment)) => writer.write_record(record(&id, &assess(&assessment)))?,
            Err(message) => {
                failed = true;
                eprintln!("{}: {message}", name(path));
            }
        }
    }
    writer.flush()?;
    Ok(match failed {
        true => Outcome::InputErrors,
        false => Outcome::Done,
    })
}

fn detect(path: &Path, text: &str) -> InputFormat {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => InputFormat::Jsonl,
        Some("csv") => InputFormat::Csv,
        _ => match text.trim_start().starts_with('{') {
            true => InputFormat::Jsonl,
            false => InputFormat::Csv,
        },
    }
}

type Row = std::result::Result<(String, Assessment), String>;

/// Reads CSV rows; a header problem fails the whole file, a row problem only that row.
fn read_csv(text: &str) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .context("cannot read the CSV header")?
        .clone();
    let find = |column: &str| header.iter().position(|h| h.eq_ignore_ascii_case(column));
    let id_column = find("id");
    let domain_columns: Vec<(Domain, Option<usize>)> =
        Domain::ALL.iter().map(|&d| (d, find(d.key()))).collect();
    let missing: Vec<&str> = std::iter::once(("id", id_column))
        .chain(domain_columns.iter().map(|(d, c)| (d.key(), *c)))
        .filter(|(_, c)| c.is_none())
        .map(|(key, _)| key)
        .collect();
    if !missing.is_empty() {
        bail!(
            "line 1: the CSV header lacks {}: it needs id,{}",
            missing.join(", "),
            Domain::ALL.map(Domain::key).join(",")
        );
    }
    let id_column = id_column.unwrap_or_default();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                rows.push(Err(format!("line {line}: {}", csv_message(&error))));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let id = record.get(id_column).unwrap_or_default().to_string();
        let mut levels = [Level::Unknown; 7];
        let mut problems = Vec::new();
        for (domain, column) in &domain_columns {
            let cell = column.and_then(|c| record.get(c)).unwrap_or_default();
            match Level::parse_lenient(cell) {
                Some(level) => levels[domain.index()] = level,
                None => problems.push(format!(
                    "column `{}`: `{cell}` is not a level (use simple, complicated, complex or unknown; blank means unknown)",
                    domain.key()
                )),
            }
        }
        rows.push(match (problems.is_empty(), id.is_empty()) {
            (true, false) => Ok((id.clone(), Assessment::quick(id, levels))),
            (true, true) => Err(format!(
                "line {line}: the `id` cell is empty: give every row an id"
            )),
            (false, _) => Err(format!("line {line}: {}", problems.join("; "))),
        });
    }
    Ok(rows)
}

// csv's `ErrorKind` is not ours and is non-exhaustive: only one kind gets its own words.
#[allow(clippy::wildcard_enum_match_arm)]
fn csv_message(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
            "the row has {len} cells but the header has {expected_len}: check for a missing or extra comma"
        ),
        _ => error.to_string(),
    }
}

/// Reads JSON Lines: one assessment file per non-blank line; the title is the id.
fn read_jsonl(text: &str) -> Vec<Row> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            nasss_core::load(line)
                .map(|assessment| (assessment.title.clone(), assessment))
                .map_err(|error| {
                    let at = match error.path.is_empty() {
                        true => String::new(),
                        false => format!("at `{}`: ", error.path),
                    };
                    format!(
                        "line {}, column {}: {at}{}",
                        index + 1,
                        error.column,
                        error.message
                    )
                })
        })
        .collect()
}

fn record(id: &str, report: &Report) -> Vec<String> {
    let outlook = &report.outlook;
    let join = |domains: &mut dyn Iterator<Item = Domain>| {
        domains.map(Domain::key).collect::<Vec<_>>().join(";")
    };
    vec![
        id.to_string(),
        outlook.key().to_string(),
        outlook.best.key().to_string(),
        outlook.worst.key().to_string(),
        report.counts.complex.to_string(),
        report.counts.complicated.to_string(),
        report.counts.simple.to_string(),
        report.counts.unknown.to_string(),
        join(&mut report.drivers.iter().map(|d| d.domain)),
        join(&mut outlook.pivotal.iter().map(|p| p.domain)),
    ]
}
