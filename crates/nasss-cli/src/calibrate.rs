//! `nasss calibrate DIR`: reads every assessment file in a folder of published cases and prints
//! the core's calibration table and summary (text or CSV).

use crate::input::read_assessment;
use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use nasss_core::calibrate::calibrate;
use nasss_core::render::calibration_text;
use std::io::Write;
use std::path::Path;

#[derive(Clone, Copy, ValueEnum)]
pub enum CalibrateFormat {
    Text,
    Json,
}

pub fn run(dir: &Path, format: CalibrateFormat, out: &mut dyn Write) -> Result<Outcome> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("{} holds no assessment files (*.json)", dir.display());
    }
    let mut cases = Vec::new();
    let mut failed = false;
    for path in &paths {
        match read_assessment(path) {
            Ok(assessment) => {
                let id = path
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                cases.push((id, assessment));
            }
            Err(error) => {
                failed = true;
                eprintln!("{error:#}");
            }
        }
    }
    let calibration = calibrate(&cases);
    match format {
        CalibrateFormat::Text => out.write_all(calibration_text(&calibration).as_bytes())?,
        CalibrateFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &calibration)?;
            writeln!(out)?;
        }
    }
    Ok(match failed {
        true => Outcome::InputErrors,
        false => Outcome::Done,
    })
}
