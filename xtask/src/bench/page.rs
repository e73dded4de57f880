//! The browser part of `cargo xtask bench`: writes a blank page, runs the `nasss-page-timings`
//! program of the end-to-end crate (which drives headless Chromium through the project's
//! WebDriver client) over it and `dist/index.html`, and takes medians of what it prints.

use crate::shell::{cargo, root};
use anyhow::{bail, Context, Result};
use std::fs;
use std::path::Path;
use std::process::Stdio;

/// A page with one line of text and nothing else, loaded the same way as the app.
const BLANK: &str = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
<title>Blank</title></head>\n<body><p>A blank page.</p></body>\n</html>\n";

/// Medians in milliseconds.
pub struct PageFigures {
    pub loads: usize,
    pub app_fcp: f64,
    pub app_lcp: f64,
    pub blank_fcp: f64,
    pub blank_lcp: f64,
    pub clicks: usize,
    pub rating_median: f64,
    pub rating_p90: f64,
}

impl PageFigures {
    pub fn lcp_ratio(&self) -> f64 {
        self.app_lcp / self.blank_lcp
    }
}

pub fn measure(app: &Path, loads: usize, clicks: usize) -> Result<PageFigures> {
    let dir = crate::dist::target_dir().join("nasss-bench");
    fs::create_dir_all(&dir)?;
    let blank = dir.join("blank.html");
    fs::write(&blank, BLANK)?;
    let mut command = cargo();
    command
        .args(["run", "--quiet", "--package", "nasss-e2e"])
        .args(["--bin", "nasss-page-timings", "--"])
        .arg(app)
        .arg(&blank)
        .args([loads.to_string(), clicks.to_string()])
        .current_dir(root())
        .stderr(Stdio::inherit());
    eprintln!("$ {command:?}");
    let output = command
        .output()
        .context("could not run nasss-page-timings")?;
    if !output.status.success() {
        bail!("nasss-page-timings failed with {}", output.status);
    }
    let printed = String::from_utf8_lossy(&output.stdout);
    let series = |prefix: &str| -> Vec<f64> {
        printed
            .lines()
            .filter_map(|line| line.strip_prefix(prefix))
            .filter_map(|value| value.trim().parse().ok())
            .collect()
    };
    let ratings = series("rating ");
    eprintln!("xtask bench: page timings\n{printed}");
    Ok(PageFigures {
        loads,
        app_fcp: median(series("load app fcp ")),
        app_lcp: median(series("load app lcp ")),
        blank_fcp: median(series("load blank fcp ")),
        blank_lcp: median(series("load blank lcp ")),
        clicks: ratings.len(),
        rating_median: quantile(ratings.clone(), 0.5),
        rating_p90: quantile(ratings, 0.9),
    })
}

fn median(values: Vec<f64>) -> f64 {
    quantile(values, 0.5)
}

/// The value at `q` of the sorted values (nearest rank); NaN when there are none.
fn quantile(mut values: Vec<f64>, q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((values.len() as f64 * q).ceil() as usize).clamp(1, values.len());
    values[rank - 1]
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn nearest_rank_quantiles() {
        assert_eq!(quantile(vec![3.0, 1.0, 2.0], 0.5), 2.0);
        assert_eq!(quantile((1..=10).map(f64::from).collect(), 0.9), 9.0);
        assert!(quantile(Vec::new(), 0.5).is_nan());
    }
}
