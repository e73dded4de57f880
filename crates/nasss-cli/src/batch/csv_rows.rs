//! Batch input as CSV domain profiles, read one record at a time: a header problem fails the
//! whole file before anything is written, a row problem only that row. Every profile is a quick
//! assessment, so its scored row comes from the memo in `row.rs`. A row that is not UTF-8 is
//! read as Windows-1252 (Excel's "CSV" on Windows), and the first such row is reported.

use super::row::QuickRows;
use super::Rows;
use anyhow::{bail, Result};
use nasss_core::model::{Domain, Level};
use nasss_core::profile_csv::unguard_formula;
use nasss_core::text_decoding::{windows_1252, Encoding};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

pub fn score(
    input: impl Read,
    delimiter: u8,
    rows: &mut Rows,
    report: &dyn Fn(String),
) -> Result<()> {
    // Cells are trimmed (of Unicode white space) one by one, only where they are read.
    let (input, mut lines) = Lines::count(input);
    let mut reader = csv::ReaderBuilder::new()
        .buffer_capacity(super::BUFFER)
        .delimiter(delimiter)
        .from_reader(input);
    let header = reader.byte_headers()?.clone();
    let find = |column: &str| {
        header
            .iter()
            .position(|h| text(h).trim().eq_ignore_ascii_case(column))
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
    let mut told_encoding = false;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, |p| lines.at(p.byte()));
                rows.fail();
                report(format!("line {line}: {}", message(&error)));
                continue;
            }
        }
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        let bytes = record.as_slice();
        if !told_encoding && !bytes.is_ascii() && std::str::from_utf8(bytes).is_err() {
            told_encoding = true;
            if let Some(note) = Encoding::Windows1252.note() {
                report(format!("line {line}: {note}"));
            }
        }
        match profile(&record, id_column, &domain_columns) {
            Ok((id, levels)) => rows.write(unguard_formula(&id), memo.get(levels))?,
            Err(problem) => {
                rows.fail();
                report(format!("line {line}: {problem}"));
            }
        }
    }
    Ok(())
}

/// The line a byte is on. The csv crate's own line numbers run short after a `\r\n` (as Excel
/// ends lines), so line ends (`\r` and `\n`, by offset) are noted here as the reader passes
/// them: only those not yet asked about are kept, about a buffer's worth.
struct Lines {
    breaks: Breaks,
    passed: usize,
}

/// Offsets of `\r` (false) and `\n` (true) bytes not yet passed.
type Breaks = Rc<RefCell<VecDeque<(u64, bool)>>>;

/// The input, noting where each line break is.
struct Counting<R> {
    inner: R,
    offset: u64,
    breaks: Breaks,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut breaks = self.breaks.borrow_mut();
        let read = &buf[..n];
        breaks.extend(
            memchr::memchr2_iter(b'\n', b'\r', read)
                .map(|i| (self.offset + i as u64, read[i] == b'\n')),
        );
        self.offset += n as u64;
        Ok(n)
    }
}

impl Lines {
    fn count<R: Read>(inner: R) -> (Counting<R>, Lines) {
        let breaks = Rc::new(RefCell::new(VecDeque::new()));
        let counting = Counting {
            inner,
            offset: 0,
            breaks: breaks.clone(),
        };
        (counting, Lines { breaks, passed: 0 })
    }

    /// The 1-based line of a record starting at `byte`; asked in order. The csv crate may
    /// start a record at line ends before it (after a `\r\n` or a blank line): those belong to
    /// the lines before.
    fn at(&mut self, mut byte: u64) -> usize {
        let mut breaks = self.breaks.borrow_mut();
        while let Some(&(at, newline)) = breaks.front() {
            if at > byte {
                break;
            }
            if at == byte {
                byte += 1;
            }
            breaks.pop_front();
            self.passed += usize::from(newline);
        }
        self.passed + 1
    }
}

/// A cell as text: UTF-8 if it is, else Windows-1252.
fn text(cell: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(cell) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(windows_1252(cell)),
    }
}

/// The id and domain levels of one record, or what is wrong with it.
fn profile<'r>(
    record: &'r csv::ByteRecord,
    id_column: usize,
    domain_columns: &[Option<usize>; 7],
) -> Result<(Cow<'r, str>, [Level; 7]), String> {
    let mut levels = [Level::Unknown; 7];
    let mut problems = Vec::new();
    for ((domain, column), level) in Domain::ALL.iter().zip(domain_columns).zip(&mut levels) {
        let cell = column.and_then(|c| record.get(c)).unwrap_or_default();
        let parsed = match cell.is_ascii() {
            true => ascii_level(cell),
            false => Level::parse_lenient(&text(cell)),
        };
        match parsed {
            Some(parsed) => *level = parsed,
            None => problems.push(format!(
                "column `{}`: `{}` is not a level (use simple, complicated, complex or unknown; blank means unknown)",
                domain.key(),
                text(cell).trim()
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let id = match text(record.get(id_column).unwrap_or_default()) {
        Cow::Borrowed(id) => Cow::Borrowed(id.trim()),
        Cow::Owned(id) => Cow::Owned(id.trim().to_string()),
    };
    if id.is_empty() {
        return Err("the `id` cell is empty: give every row an id".into());
    }
    Ok((id, levels))
}

/// [`Level::parse_lenient`] for a cell of ASCII bytes (nearly every cell), without making it
/// text first: trimmed of the white space that `str::trim` takes from ASCII (which, unlike
/// `u8::is_ascii_whitespace`, includes the vertical tab).
fn ascii_level(cell: &[u8]) -> Option<Level> {
    let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let start = cell.iter().position(|b| !space(b)).unwrap_or(cell.len());
    let end = cell
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |end| end + 1);
    let cell = &cell[start..end];
    if cell.is_empty() {
        return Some(Level::Unknown);
    }
    Level::ALL
        .into_iter()
        .find(|level| level.key().as_bytes().eq_ignore_ascii_case(cell))
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

#[cfg(test)]
mod tests {
    use super::ascii_level;
    use nasss_core::model::Level;

    #[test]
    fn ascii_cells_read_as_the_core_reads_them() {
        let words = [
            "simple",
            "Complex",
            "COMPLICATED",
            "unknown",
            "",
            "simpler",
            "x",
            "?",
        ];
        let pads = ["", " ", "\t", "\x0b", "\x0c", "\r", "\n", " \t "];
        for word in words {
            for before in pads {
                for after in pads {
                    let cell = format!("{before}{word}{after}");
                    assert_eq!(
                        ascii_level(cell.as_bytes()),
                        Level::parse_lenient(&cell),
                        "{cell:?}"
                    );
                }
            }
        }
    }
}
