//! `nasss batch`: researchers' bulk scoring. Reads CSV domain profiles or JSON Lines of
//! assessment files, writes one CSV row per readable input row, reports each unreadable row on
//! stderr with its line number, and exits 1 if there was any.
//!
//! It streams: rows are read, scored and written one at a time, so memory stays the same
//! whatever the number of rows, and output starts before the input ends. Files as Excel saves
//! them are read too: a UTF-8 byte order mark is skipped, UTF-16 (with its mark) is decoded
//! first, semicolon or tab delimiters are taken from the header, and a CSV row that is not
//! UTF-8 is read as Windows-1252 with a warning.

// Paths spelt out so that the fuzz targets (`fuzz/`), which take in this file, find them too.
#[path = "batch/csv_rows.rs"]
mod csv_rows;
#[path = "batch/jsonl_rows.rs"]
mod jsonl_rows;
#[path = "batch/row.rs"]
mod row;

use crate::input::{name, open};
use crate::Outcome;
use anyhow::{bail, Result};
use clap::ValueEnum;
use nasss_core::profile_csv;
use nasss_core::text_decoding::{self, Encoding};
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
    let report = |message: String| eprintln!("{}: {message}", name(path));
    score(open(path)?, path, format, out, &report)
}

/// Scores `input` (named `path`, whose extension may give the format) into `out`, telling
/// `report` each row it cannot read.
pub fn score(
    input: Box<dyn Read>,
    path: &Path,
    format: Option<InputFormat>,
    out: &mut dyn Write,
    report: &dyn Fn(String),
) -> Result<Outcome> {
    let mut input = decode_start(BufReader::with_capacity(BUFFER, input))?;
    let format = match format {
        Some(format) => format,
        None => detect(path, &mut input)?,
    };
    let mut rows = Rows {
        out: BufWriter::with_capacity(BUFFER, out),
        failed: 0,
    };
    match format {
        InputFormat::Csv => {
            let delimiter = sniff_delimiter(&mut input)?;
            csv_rows::score(input, delimiter, &mut rows, report)?
        }
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

    /// Writes one row as the csv crate would: the id quoted if it must be, then what follows
    /// it (the comma, the cells and the line end).
    fn write(&mut self, id: &str, after_id: &[u8]) -> Result<()> {
        write_field(&mut self.out, id)?;
        Ok(self.out.write_all(after_id)?)
    }

    fn fail(&mut self) {
        self.failed += 1;
    }
}

/// One CSV field, guarded against formulas as the profile CSV is (a `'` before a leading `=`,
/// `+`, `-`, `@`, tab or carriage return), then quoted (with quotes doubled) when it holds a
/// comma, quote or line break: the csv crate's rule for its default writer, which batch's
/// output has always followed.
fn write_field(out: &mut impl Write, field: &str) -> std::io::Result<()> {
    let field = profile_csv::guard_formula(field);
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

/// The input past any byte order mark; UTF-16 input is decoded whole (it is rare, and Excel
/// writes it only for sheets of a modest size) and its UTF-8 text read instead.
fn decode_start(mut input: BufReader<Box<dyn Read>>) -> Result<BufReader<Box<dyn Read>>> {
    match Encoding::sniff(input.fill_buf()?) {
        Some((Encoding::Utf8Bom, mark)) => {
            input.consume(mark);
            Ok(input)
        }
        Some((Encoding::Utf16Le | Encoding::Utf16Be, _)) => {
            let mut bytes = Vec::new();
            input.read_to_end(&mut bytes)?;
            let decoded = match text_decoding::decode(&bytes) {
                Ok(decoded) => decoded,
                Err(error) => bail!("{error}"),
            };
            let text: Box<dyn Read> = Box::new(std::io::Cursor::new(decoded.text.into_bytes()));
            Ok(BufReader::with_capacity(BUFFER, text))
        }
        Some((Encoding::Utf8 | Encoding::Windows1252, _)) | None => Ok(input),
    }
}

/// The CSV delimiter, from the header line as far as it is buffered (it is never read past).
fn sniff_delimiter(input: &mut BufReader<Box<dyn Read>>) -> Result<u8> {
    let head = input.fill_buf()?;
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = profile_csv::sniff_delimiter(&String::from_utf8_lossy(line));
    Ok(u8::try_from(delimiter).unwrap_or(b','))
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
    use nasss_core::profile_csv::guard_formula;

    #[test]
    fn fields_are_guarded_then_written_as_the_csv_crate_writes_them() {
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
            "=1+1",
            "+44 20",
            "-minus",
            "@user",
            "'=quoted",
        ];
        for field in fields {
            let mut ours = Vec::new();
            write_field(&mut ours, field).unwrap();
            let mut theirs = csv::Writer::from_writer(Vec::new());
            theirs
                .write_record([guard_formula(field).as_ref(), "x"])
                .unwrap();
            let theirs = theirs.into_inner().unwrap();
            ours.extend_from_slice(b",x\n");
            assert_eq!(ours, theirs, "{field:?}");
        }
    }
}
