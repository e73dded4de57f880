//! Reading input files, where `-` means standard input, with errors that name the file: whole
//! (an assessment) or as a stream (batch rows).

use anyhow::{Context, Result};
use nasss_core::Assessment;
use std::io::Read;
use std::path::Path;

/// A file, or standard input for `-`, to read as a stream.
pub fn open(path: &Path) -> Result<Box<dyn Read>> {
    match path.as_os_str() == "-" {
        true => Ok(Box::new(std::io::stdin().lock())),
        false => {
            let file =
                std::fs::File::open(path).with_context(|| format!("cannot read {}", name(path)))?;
            Ok(Box::new(file))
        }
    }
}

/// How a path is shown in messages.
pub fn name(path: &Path) -> String {
    match path.as_os_str() == "-" {
        true => "<stdin>".into(),
        false => path.display().to_string(),
    }
}

pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match path.as_os_str() == "-" {
        true => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
        }
        false => {
            bytes = std::fs::read(path).with_context(|| format!("cannot read {}", name(path)))?;
        }
    }
    Ok(bytes)
}

/// Reads and parses one assessment file; the error says file, line, column and what is wrong.
pub fn read_assessment(path: &Path) -> Result<Assessment> {
    let bytes = read_bytes(path)?;
    nasss_core::load_bytes(&bytes).map_err(|error| anyhow::anyhow!("{}: {error}", name(path)))
}
