//! Domain profiles as CSV, in exactly the input format of `nasss batch`: the header
//! `id,condition,technology,…,embedding_adaptation` and one row per assessment with each
//! domain's level (`simple`, `complicated`, `complex`, or `unknown` while it is a range). The
//! writer exports saved assessments; the reader turns such a file into quick assessments and
//! reports each row it cannot read by its line, keeping the good rows. A small RFC 4180 reader
//! (quoted fields, doubled quotes, line breaks inside quotes) earns its place over a crate: it
//! is all the app needs and costs the wasm bundle little. The reader takes the delimiter from
//! the header (commas, or semicolons as Excel writes CSV in many European locales, or tabs as
//! in its "Unicode text"). Text cells a spreadsheet would run as a formula are written with a
//! leading `'` (as OWASP advises against CSV injection), which the reader takes off again.

use crate::assessment::{Assessment, Mode};
use crate::classify::classify;
use crate::model::{Domain, Level};

/// The columns, in order.
pub fn header() -> Vec<&'static str> {
    std::iter::once("id")
        .chain(Domain::ALL.map(Domain::key))
        .collect()
}

/// The CSV text for assessments: the header, then one row each, lines ending `\r\n` as RFC 4180
/// has it. The id is the assessment's title (trimmed).
pub fn write(assessments: &[Assessment]) -> String {
    let mut out = header().join(",");
    out.push_str("\r\n");
    for assessment in assessments {
        let classes = classify(assessment);
        let mut cells = vec![field(assessment.title.trim())];
        cells.extend(classes.iter().map(|class| match class.range.is_exact() {
            true => class.range.best.key().to_string(),
            false => Level::Unknown.key().to_string(),
        }));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A field, guarded against formulas and quoted where it must be.
fn field(text: &str) -> String {
    let text = guard_formula(text);
    match text.contains([',', ';', '"', '\r', '\n', '\t']) || text.starts_with(' ') {
        true => format!("\"{}\"", text.replace('"', "\"\"")),
        false => text.into_owned(),
    }
}

/// The characters that make a spreadsheet read a cell as a formula when they start it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell, past any leading `'`, starts as a formula would.
fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell as it is safe to write: with a `'` in front when a spreadsheet would otherwise
/// run it as a formula (`=`, `+`, `-`, `@`, tab or carriage return first); else unchanged.
/// A text that already starts with `'` before such a character gets one more, so that
/// [`unguard_formula`] gives back exactly what was written.
pub fn guard_formula(text: &str) -> std::borrow::Cow<'_, str> {
    match looks_like_formula(text) {
        true => format!("'{text}").into(),
        false => text.into(),
    }
}

/// A cell as [`guard_formula`] had it: the one `'` it added taken off.
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        Some(_) | None => cell,
    }
}

/// The delimiter a CSV file uses, from its first line: whichever of comma, semicolon and tab
/// appears most often outside quotes (a comma when none does, or on a tie with it).
pub fn sniff_delimiter(text: &str) -> char {
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            _ if !quoted => {
                for (delimiter, count) in &mut counts {
                    if ch == *delimiter {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(ch, n)| if n > best.1 { (ch, n) } else { best },
        )
        .0
}

/// One row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line the row starts on, counting the header as line 1.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// What a CSV file gave: an assessment for each good row, and the rows that were not.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessments: Vec<Assessment>,
    pub errors: Vec<RowError>,
}

/// Reads profiles as quick assessments titled by their id. A header without the needed
/// columns fails the whole file (line 1); a bad row fails only itself.
pub fn read(text: &str) -> Result<Imported, RowError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    let mut records = records(text, delimiter).into_iter();
    let blank = |row: &Result<Vec<String>, String>| {
        row.as_ref()
            .is_ok_and(|cells| cells.iter().all(|c| c.trim().is_empty()))
    };
    let Some((_, header_row)) = records.next().filter(|(_, row)| !blank(row)) else {
        return Err(RowError {
            line: 1,
            message: format!(
                "the file is empty: it needs the header {}",
                header().join(",")
            ),
        });
    };
    let header_row = header_row.map_err(|message| RowError { line: 1, message })?;
    let find = |column: &str| {
        header_row
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(column))
    };
    let columns: Vec<Option<usize>> = header().iter().map(|c| find(c)).collect();
    let missing: Vec<&str> = header()
        .into_iter()
        .zip(&columns)
        .filter(|(_, c)| c.is_none())
        .map(|(name, _)| name)
        .collect();
    if !missing.is_empty() {
        return Err(RowError {
            line: 1,
            message: format!(
                "the header lacks {}: it needs {}",
                missing.join(", "),
                header().join(",")
            ),
        });
    }
    let columns: Vec<usize> = columns.into_iter().flatten().collect();
    let mut imported = Imported {
        assessments: Vec::new(),
        errors: Vec::new(),
    };
    let mut rows = 0;
    for (line, row) in records {
        let row = match row {
            Ok(row) if row.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(row) if row.len() != header_row.len() => {
                rows += 1;
                imported.errors.push(RowError {
                    line,
                    message: format!(
                        "the row has {} cells but the header has {}: check for a missing or extra {}",
                        row.len(),
                        header_row.len(),
                        delimiter_name(delimiter)
                    ),
                });
                continue;
            }
            Ok(row) => row,
            Err(message) => {
                rows += 1;
                imported.errors.push(RowError { line, message });
                continue;
            }
        };
        rows += 1;
        let cell = |index: usize| row.get(columns[index]).map_or("", |c| c.trim());
        let mut levels = [Level::Unknown; 7];
        let mut problems = Vec::new();
        for domain in Domain::ALL {
            let text = cell(domain.index() + 1);
            match Level::parse_lenient(text) {
                Some(level) => levels[domain.index()] = level,
                None => problems.push(format!(
                    "column `{}`: `{text}` is not a level (use simple, complicated, complex or unknown; blank means unknown)",
                    domain.key()
                )),
            }
        }
        match problems.is_empty() {
            true => {
                let mut assessment = Assessment::quick(unguard_formula(cell(0)), levels);
                assessment.mode = Mode::Quick;
                imported.assessments.push(assessment);
            }
            false => imported.errors.push(RowError {
                line,
                message: problems.join("; "),
            }),
        }
    }
    if rows == 0 {
        return Err(RowError {
            line: 2,
            message: "the file has a header but no rows: add one row per assessment below it"
                .into(),
        });
    }
    Ok(imported)
}

/// A delimiter as a person calls it.
fn delimiter_name(delimiter: char) -> &'static str {
    match delimiter {
        ';' => "semicolon",
        '\t' => "tab",
        _ => "comma",
    }
}

type Record = (usize, Result<Vec<String>, String>);

/// Splits text into records with the line each starts on: fields separated by `delimiter`,
/// quoted fields may hold it, doubled quotes and line breaks; `\r\n` or `\n` ends a record.
fn records(text: &str, delimiter: char) -> Vec<Record> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut error = None;
        let mut quoted = false;
        loop {
            match (quoted, chars.next()) {
                (_, None) => {
                    if quoted {
                        error = Some("a quoted field is not closed".to_string());
                    }
                    break;
                }
                (true, Some('"')) => match chars.peek() {
                    Some('"') => {
                        chars.next();
                        field.push('"');
                    }
                    _ => quoted = false,
                },
                (true, Some(ch)) => {
                    if ch == '\n' {
                        line += 1;
                    }
                    field.push(ch);
                }
                (false, Some('"')) if field.trim().is_empty() => {
                    field.clear();
                    quoted = true;
                }
                (false, Some(ch)) if ch == delimiter => fields.push(std::mem::take(&mut field)),
                (false, Some('\r')) if chars.peek() == Some(&'\n') => {}
                (false, Some('\n')) => {
                    line += 1;
                    break;
                }
                (false, Some(ch)) => field.push(ch),
            }
        }
        fields.push(field);
        out.push((start, error.map_or(Ok(fields), Err)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

    #[test]
    fn a_written_file_reads_back_as_the_same_profiles() {
        let mut levels = [Level::Simple; 7];
        levels[2] = Level::Complex;
        levels[4] = Level::Unknown;
        let one = Assessment::quick("Telecare, \"digital\" pilot", levels);
        let mut full = Assessment::new("Shared Lives");
        full.mode = Mode::Full;
        full.rating_mut(Item::SubDomain(crate::model::SubDomain::S5A))
            .level = Level::Complicated;
        let text = write(&[one, full]);
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation")
        );
        assert_eq!(
            lines.next(),
            Some("\"Telecare, \"\"digital\"\" pilot\",simple,simple,complex,simple,unknown,simple,simple")
        );
        let back = read(&text).unwrap();
        assert!(back.errors.is_empty(), "{:?}", back.errors);
        assert_eq!(back.assessments.len(), 2);
        assert_eq!(back.assessments[0].title, "Telecare, \"digital\" pilot");
        assert_eq!(
            crate::assess(&back.assessments[0]).outlook,
            crate::assess(&Assessment::quick("x", levels)).outlook
        );
        assert_eq!(
            back.assessments[1].domain_ratings[&Domain::Organisation].level,
            Level::Unknown,
            "a domain that is still a range is written as unknown"
        );
    }

    #[test]
    fn bad_rows_are_reported_by_line_and_good_rows_kept() {
        let text = "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n\
                    a,simple,simple,simple,simple,simple,simple,simple\n\
                    \"b\nc\",chaotic,simple,simple,simple,simple,simple,simple\n\
                    d,complex,,,,,,\n\
                    \"e,simple";
        let imported = read(text).unwrap();
        let titles: Vec<&str> = imported
            .assessments
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(titles, ["a", "d"]);
        assert_eq!(imported.errors.len(), 2);
        assert_eq!(imported.errors[0].line, 3);
        assert!(imported.errors[0]
            .message
            .contains("`chaotic` is not a level"));
        assert_eq!(imported.errors[1].line, 6, "the row after a two-line row");
        assert_eq!(
            imported.errors[1].to_string(),
            "line 6: a quoted field is not closed"
        );
    }

    #[test]
    fn formulas_are_guarded_and_read_back() {
        let titles = [
            "=HYPERLINK(\"http://x\",\"click\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "'=already quoted",
            "''+twice",
            "'plain apostrophe",
            "a=b",
            "Café – pilot",
        ];
        let assessments: Vec<Assessment> = titles
            .iter()
            .map(|t| Assessment::quick(*t, [Level::Simple; 7]))
            .collect();
        let text = write(&assessments);
        let ids: Vec<&str> = text
            .split("\r\n")
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .collect();
        assert_eq!(ids[0], "\"'=HYPERLINK(\"\"http://x\"\"");
        assert_eq!(&ids[1..4], ["'+1", "'-2+3", "'@SUM(A1)"]);
        assert_eq!(ids[4], "''=already quoted");
        assert_eq!(ids[5], "'''+twice");
        assert_eq!(&ids[6..9], ["'plain apostrophe", "a=b", "Café – pilot"]);
        for line in text.split("\r\n").skip(1).filter(|l| !l.is_empty()) {
            let first = line.trim_start_matches('"').chars().next().unwrap();
            assert!(!FORMULA_STARTS.contains(&first), "{line}");
        }
        let back = read(&text).unwrap();
        let read_titles: Vec<&str> = back.assessments.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(read_titles, titles);
        assert_eq!(guard_formula("\tx"), "'\tx");
        assert_eq!(unguard_formula("'\rx"), "\rx");
    }

    #[test]
    fn the_delimiter_comes_from_the_header() {
        assert_eq!(sniff_delimiter("id;condition;technology\n1,2;3"), ';');
        assert_eq!(sniff_delimiter("id\tcondition\ttechnology"), '\t');
        assert_eq!(sniff_delimiter("id,condition"), ',');
        assert_eq!(
            sniff_delimiter("\"a;b;c\",x"),
            ',',
            "quoted semicolons do not count"
        );
        assert_eq!(sniff_delimiter(""), ',');
        let text = "id;condition;technology;value_proposition;adopter_system;organisation;wider_system;embedding_adaptation\r\n\
                    \"Falls; at home\";complex;simple;simple;simple;simple;simple;simple\r\n";
        let imported = read(text).unwrap();
        assert!(imported.errors.is_empty(), "{:?}", imported.errors);
        assert_eq!(imported.assessments[0].title, "Falls; at home");
    }

    #[test]
    fn a_header_without_the_columns_fails_the_file() {
        let error = read("id,condition\nx,simple\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert!(
            error.message.contains("lacks technology"),
            "{}",
            error.message
        );
        assert_eq!(read("").unwrap_err().line, 1);
    }

    #[test]
    fn a_header_alone_points_below_it() {
        let header = header().join(";");
        for text in [
            header.clone(),
            format!("{header}\r\n"),
            format!("{header}\n;;;\n\n"),
            // A carriage return alone does not end the header (the fuzzer's find).
            format!("{header}\r;extra\r\n"),
        ] {
            let error = read(&text).unwrap_err();
            assert_eq!(error.line, 2, "{text:?}");
            assert!(error.message.contains("no rows"), "{}", error.message);
        }
    }
}
