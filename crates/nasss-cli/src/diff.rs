//! `nasss diff`: what changed between two assessment files, or two snapshots (or a snapshot and
//! now) of one file, as text or JSON. Which moments to compare is decided here; what changed,
//! and every word of it, is the core's (`history::diff`, `render::diff_text`).

use crate::input::{name, read_assessment};
use crate::Outcome;
use anyhow::{bail, Result};
use clap::ValueEnum;
use nasss_core::history::diff;
use nasss_core::render::plan_phrases::{moment_label, no_such_snapshot};
use nasss_core::render::{diff_json, diff_text};
use nasss_core::Assessment;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

/// The assessment as it stood at a named snapshot, or as it stands, with its label.
fn moment(
    path: &Path,
    assessment: &Assessment,
    snapshot: Option<&str>,
) -> Result<(Assessment, String)> {
    let file = name(path);
    let label = moment_label(&file, snapshot);
    match snapshot {
        None => Ok((assessment.clone(), label)),
        Some(wanted) => match assessment.snapshot_named(wanted) {
            Some(found) => Ok((assessment.at(found), label)),
            None => {
                let names: Vec<&str> = assessment
                    .snapshots
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect();
                bail!(no_such_snapshot(wanted, &file, &names))
            }
        },
    }
}

pub fn run(
    before: &Path,
    after: Option<&PathBuf>,
    from: Option<&str>,
    to: Option<&str>,
    format: DiffFormat,
    out: &mut dyn Write,
) -> Result<Outcome> {
    if after.is_none() && from.is_none() && to.is_none() {
        bail!(
            "nothing to compare {} with: give a second file, or a snapshot with --from NAME (and --to NAME, else it is compared with now)",
            name(before)
        );
    }
    let first = read_assessment(before)?;
    let second = match after {
        Some(path) => read_assessment(path)?,
        None => first.clone(),
    };
    let after_path = after.map_or(before, PathBuf::as_path);
    let (old, old_label) = moment(before, &first, from)?;
    let (new, new_label) = moment(after_path, &second, to)?;
    let changes = diff(&old, &new);
    let text = match format {
        DiffFormat::Text => diff_text(&changes, &old_label, &new_label),
        DiffFormat::Json => diff_json(&changes, &old_label, &new_label),
    };
    out.write_all(text.as_bytes())?;
    Ok(Outcome::Done)
}
