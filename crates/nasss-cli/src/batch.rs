//! `nasss batch`: researchers' bulk scoring. Reads CSV domain profiles or JSON Lines of
//! assessment files, writes one CSV row per readable input row, reports each unreadable row on
//! stderr with its line number, and exits 1 if there was any.
//!
//! It streams: rows are read, scored and written one at a time, so memory stays the same
//! whatever the number of rows, and output starts before the input ends.

mod csv_rows;
mod jsonl_rows;
mod row;

use crate::input::{name, open};
use crate::Outcome;
use anyhow::Result;
use clap::ValueEnum;
use row::Scored;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

pub use row::COLUMNS;

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

/// How much input and output is buffered at a time.
const BUFFER: usize = 64 * 1024;

pub fn run(path: &Path, format: Option<InputFormat>, out: &mut dyn Write) -> Result<Outcome> {
    let mut input = BufReader::with_capacity(BUFFER, open(path)?);
    let format = match format {
        Some(format) => format,
        None => detect(path, &mut input)?,
    };
    let report = |message: String| eprintln!("{}: {message}", name(path));
    let mut rows = Rows {
        out: BufWriter::with_capacity(BUFFER, out),
        failed: 0,
    };
    match format {
        InputFormat::Csv => csv_rows::score(input, &mut rows, report)?,
        InputFormat::Jsonl => jsonl_rows::score(input, &mut rows, report)?,
    }
    rows.out.flush()?;
    Ok(match rows.failed {
        0 => Outcome::Done,
        _ => Outcome::InputErrors,
    })
}

/// Where scored rows go, and how many input rows could not be read.
pub struct Rows<'a> {
    out: BufWriter<&'a mut dyn Write>,
    failed: usize,
}

impl Rows<'_> {
    fn header(&mut self) -> Result<()> {
        self.out.write_all(COLUMNS.join(",").as_bytes())?;
        Ok(self.out.write_all(b"\n")?)
    }

    /// Writes one row as the csv crate would: the id quoted if it must be, then the cells.
    fn write(&mut self, id: &str, scored: &Scored) -> Result<()> {
        write_field(&mut self.out, id)?;
        self.out.write_all(b",")?;
        self.out.write_all(scored.cells().as_bytes())?;
        Ok(self.out.write_all(b"\n")?)
    }

    fn fail(&mut self) {
        self.failed += 1;
    }
}

/// One CSV field, quoted (with quotes doubled) when it holds a comma, quote or line break: the
/// csv crate's rule for its default writer, which batch's output has always followed.
fn write_field(out: &mut impl Write, field: &str) -> std::io::Result<()> {
    if !field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        return out.write_all(field.as_bytes());
    }
    out.write_all(b"\"")?;
    out.write_all(field.replace('"', "\"\"").as_bytes())?;
    out.write_all(b"\"")
}

/// The format from the file's extension, or else from its first character that is not white
/// space (`{` for JSON Lines); only the white space is read ahead, and it stays in `input`.
fn detect(path: &Path, input: &mut BufReader<Box<dyn Read>>) -> Result<InputFormat> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => return Ok(InputFormat::Jsonl),
        Some("csv") => return Ok(InputFormat::Csv),
        _ => {}
    }
    let mut skipped = Vec::new();
    let first = loop {
        let buffered = input.fill_buf()?;
        let Some(&byte) = buffered.first() else {
            break None;
        };
        if !byte.is_ascii_whitespace() {
            break Some(byte);
        }
        skipped.push(byte);
        input.consume(1);
    };
    if !skipped.is_empty() {
        // Put the white space back in front, so line numbers stay right.
        let rest = std::mem::replace(input, BufReader::new(Box::new(std::io::empty())));
        *input =
            BufReader::with_capacity(BUFFER, Box::new(std::io::Cursor::new(skipped).chain(rest)));
    }
    Ok(match first {
        Some(b'{') => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    })
}

#[cfg(test)]
mod tests {
    use super::write_field;

    #[test]
    fn fields_are_written_as_the_csv_crate_writes_them() {
        let fields = [
            "plain",
            "with space",
            " padded ",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "carriage\rreturn",
            "tab\there",
            "café ünïcode",
            "semi;colon",
            "'single'",
            "#hash",
        ];
        for field in fields {
            let mut ours = Vec::new();
            write_field(&mut ours, field).unwrap();
            let mut theirs = csv::Writer::from_writer(Vec::new());
            theirs.write_record([field, "x"]).unwrap();
            let theirs = theirs.into_inner().unwrap();
            ours.extend_from_slice(b",x\n");
            assert_eq!(ours, theirs, "{field:?}");
        }
    }
}
