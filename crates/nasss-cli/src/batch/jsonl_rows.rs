//! Batch input as JSON Lines, read one line at a time: one assessment file per non-blank line,
//! whose title is the row's id. A line that does not load is reported with its line and column.

use super::row::{Cells, Line};
use super::Rows;
use anyhow::Result;
use std::io::BufRead;

pub fn score(mut input: impl BufRead, rows: &mut Rows, report: &dyn Fn(String)) -> Result<()> {
    rows.header()?;
    let mut bytes = Vec::new();
    let mut number = 0;
    let mut row = Line::new();
    loop {
        bytes.clear();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        number += 1;
        let line = match std::str::from_utf8(&bytes) {
            Ok(line) => line.strip_suffix('\n').unwrap_or(line),
            Err(error) => {
                rows.fail();
                report(format!("line {number}: not UTF-8 text ({error})"));
                continue;
            }
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match nasss_core::load(line) {
            Ok(assessment) => {
                Cells::of(&assessment).after_id(&mut row);
                rows.write(&assessment.title, row.as_bytes())?
            }
            Err(error) => {
                rows.fail();
                let at = match error.path.is_empty() {
                    true => String::new(),
                    false => format!("at `{}`: ", error.path),
                };
                report(format!(
                    "line {number}, column {}: {at}{}",
                    error.column, error.message
                ));
            }
        }
    }
    Ok(())
}
