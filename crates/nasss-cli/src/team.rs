//! `nasss merge` and `nasss agreement`: a team's replies brought into one assessment by the
//! core's merge rules (`nasss_core::merge`), and the team's agreement as a table and figures.
//! Files that cannot be read stop the merge before anything is written; files the rules refuse
//! are named on stderr and the rest are still merged; either way the exit status is 1.

use crate::input;
use crate::Outcome;
use anyhow::Result;
use nasss_core::merge::merge_files;
use nasss_core::render::{team_phrases, Format};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn merge(files: &[PathBuf], output: Option<&Path>, out: &mut impl Write) -> Result<Outcome> {
    let mut read = Vec::new();
    let mut unreadable = false;
    for file in files {
        match input::read_assessment(file) {
            Ok(assessment) => read.push((input::name(file), assessment)),
            Err(error) => {
                unreadable = true;
                eprintln!("{error:#}");
            }
        }
    }
    if unreadable {
        eprintln!("nasss: nothing was written: correct the files above and merge again");
        return Ok(Outcome::InputErrors);
    }
    let Some((team, results)) = merge_files(&read, None) else {
        anyhow::bail!("no files to merge");
    };
    let mut refused = false;
    for result in &results {
        match &result.outcome {
            Ok(notes) => {
                for note in notes {
                    eprintln!("{}: {note}", result.file);
                }
            }
            Err(error) => {
                refused = true;
                eprintln!("{}: not merged: {error}", result.file);
            }
        }
    }
    let text = team.to_file_text();
    match output {
        Some(path) => std::fs::write(path, text)
            .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", path.display()))?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(match refused {
        true => Outcome::InputErrors,
        false => Outcome::Done,
    })
}

pub fn agreement(file: &Path, format: Format, out: &mut impl Write) -> Result<Outcome> {
    let assessment = input::read_assessment(file)?;
    let report = nasss_core::assess(&assessment);
    match nasss_core::render::agreement(&report, format) {
        Some(text) => {
            out.write_all(text.as_bytes())?;
            Ok(Outcome::Done)
        }
        None => anyhow::bail!("{}: {}", input::name(file), team_phrases::NOT_A_TEAM),
    }
}
