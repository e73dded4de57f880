//! Batch input as CSV domain profiles, read one record at a time: a header problem fails the
//! whole file before anything is written, a row problem only that row. Every profile is a quick
//! assessment, so its scored row comes from the memo in `row.rs`.

use super::row::QuickRows;
use super::Rows;
use anyhow::{bail, Result};
use nasss_core::model::{Domain, Level};
use std::io::Read;

pub fn score(input: impl Read, rows: &mut Rows, report: impl Fn(String)) -> Result<()> {
    // Cells are trimmed (of Unicode white space) one by one, only where they are read.
    let mut reader = csv::ReaderBuilder::new()
        .buffer_capacity(super::BUFFER)
        .from_reader(input);
    let header = reader.byte_headers()?.clone();
    let find = |column: &str| {
        header.iter().position(|h| {
            std::str::from_utf8(h).is_ok_and(|h| h.trim().eq_ignore_ascii_case(column))
        })
    };
    let id_column = find("id");
    let domain_columns: [Option<usize>; 7] = Domain::ALL.map(|d| find(d.key()));
    let missing: Vec<&str> = std::iter::once(("id", id_column))
        .chain(Domain::ALL.iter().map(|d| d.key()).zip(domain_columns))
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
    rows.header()?;
    let mut memo = QuickRows::new();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                rows.fail();
                report(format!("line {line}: {}", message(&error)));
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        match profile(&record, id_column, &domain_columns) {
            Ok((id, levels)) => rows.write(id, memo.get(levels))?,
            Err(problem) => {
                rows.fail();
                report(format!("line {line}: {problem}"));
            }
        }
    }
    Ok(())
}

/// The id and domain levels of one record, or what is wrong with it.
fn profile<'r>(
    record: &'r csv::ByteRecord,
    id_column: usize,
    domain_columns: &[Option<usize>; 7],
) -> Result<(&'r str, [Level; 7]), String> {
    let id = record.get(id_column).unwrap_or_default();
    let mut levels = [Level::Unknown; 7];
    let mut problems = Vec::new();
    for ((domain, column), level) in Domain::ALL.iter().zip(domain_columns).zip(&mut levels) {
        let cell = column.and_then(|c| record.get(c)).unwrap_or_default();
        let text = match std::str::from_utf8(cell) {
            Ok(text) => text.trim(),
            Err(_) => {
                problems.push(format!("column `{}`: not UTF-8 text", domain.key()));
                continue;
            }
        };
        match Level::parse_lenient(text) {
            Some(parsed) => *level = parsed,
            None => problems.push(format!(
                "column `{}`: `{text}` is not a level (use simple, complicated, complex or unknown; blank means unknown)",
                domain.key()
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let Ok(id) = std::str::from_utf8(id).map(str::trim) else {
        return Err("the `id` cell is not UTF-8 text".into());
    };
    if id.is_empty() {
        return Err("the `id` cell is empty: give every row an id".into());
    }
    Ok((id, levels))
}

// csv's `ErrorKind` is not ours and is non-exhaustive: only one kind gets its own words.
#[allow(clippy::wildcard_enum_match_arm)]
fn message(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
            "the row has {len} cells but the header has {expected_len}: check for a missing or extra comma"
        ),
        _ => error.to_string(),
    }
}
