//! Domain profiles as CSV, in exactly the input format of `nasss batch`: the header
//! `id,condition,technology,…,embedding_adaptation` and one row per assessment with each
//! domain's level (`simple`, `complicated`, `complex`, or `unknown` while it is a range). The
//! writer exports saved assessments; the reader turns such a file into quick assessments and
//! reports each row it cannot read by its line, keeping the good rows. A small RFC 4180 reader
//! (quoted fields, doubled quotes, line breaks inside quotes) earns its place over a crate: it
//! is all the app needs and costs the wasm bundle little.

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

/// A field, quoted where it must be.
fn field(text: &str) -> String {
    match text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') {
        true => format!("\"{}\"", text.replace('"', "\"\"")),
        false => text.to_string(),
    }
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
    let mut records = records(text).into_iter();
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
    for (line, row) in records {
        let row = match row {
            Ok(row) if row.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(row) => row,
            Err(message) => {
                imported.errors.push(RowError { line, message });
                continue;
            }
        };
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
                let mut assessment = Assessment::quick(cell(0), levels);
                assessment.mode = Mode::Quick;
                imported.assessments.push(assessment);
            }
            false => imported.errors.push(RowError {
                line,
                message: problems.join("; "),
            }),
        }
    }
    Ok(imported)
}

type Record = (usize, Result<Vec<String>, String>);

/// Splits text into records with the line each starts on: fields separated by commas, quoted
/// fields may hold commas, doubled quotes and line breaks; `\r\n` or `\n` ends a record.
fn records(text: &str) -> Vec<Record> {
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
                (false, Some(',')) => fields.push(std::mem::take(&mut field)),
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
}
