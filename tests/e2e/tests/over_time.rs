//! Journeys over time and across schemes, in the built app in headless Chromium: take a
//! snapshot, change two ratings and a step's status, take another, and the diff names exactly
//! those; compare three saved assessments and sort them by outlook; export two as CSV and feed
//! the file to `nasss batch` unchanged. Ignored by a plain `cargo test`; `cargo xtask test` runs
//! them with `--ignored`.

use nasss_core::history::item_title;
use nasss_core::model::{Domain, Item, Level};
use nasss_core::setting::Setting;
use nasss_core::Assessment;
use nasss_e2e::over_time::{choose_in, list_items, row_headings, select_option};
use nasss_e2e::page::{files_in, temp_dir, wait_for_download};
use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Error, Result};

/// From the start page: a new quick assessment called `title`, rated `levels`.
fn rated_quick_assessment(page: &AnalyserPage, title: &str, levels: [Level; 7]) -> Result<()> {
    page.click("tab-home")?;
    page.click("new-assessment")?;
    page.wait_for("start-rating")?;
    page.type_into("Name of the innovation", title)?;
    page.choose("Setting", "Adult social care")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 7 domains rated")?;
    for (rated, (domain, level)) in Domain::ALL.into_iter().zip(levels).enumerate() {
        page.rate(domain.key(), level.label())?;
        page.wait_for_text("progress", &format!("{} of 7 domains rated", rated + 1))?;
    }
    Ok(())
}

fn take_snapshot(page: &AnalyserPage, name: &str) -> Result<()> {
    page.type_into("Name of this moment", name)?;
    page.click("take-snapshot")?;
    page.wait_for_text_containing("timeline", name).map(drop)
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn the_diff_between_two_snapshots_names_exactly_what_changed() -> Result<()> {
    let page = AnalyserPage::open_from_disk()?;
    page.clear_storage()?;
    let mut levels = [Level::Simple; 7];
    levels[Domain::AdopterSystem.index()] = Level::Complicated;
    rated_quick_assessment(&page, "Shared Lives", levels)?;

    // A next step from the suggestions, then the first snapshot.
    page.click("tab-plan")?;
    page.wait_for("plan-editor")?;
    page.click("suggested-steps")?;
    page.click("add-suggested-4A")?;
    page.wait_for("step-1")?;
    page.type_into("Owner", "Scheme manager")?;
    take_snapshot(&page, "Before the pilot")?;

    // Two ratings and the step's status change; then the second snapshot.
    page.click("tab-rate")?;
    page.rate("technology", "Complex")?;
    page.rate("organisation", "Complicated")?;
    page.click("tab-plan")?;
    choose_in(&page, "step-status-1", "Done")?;
    take_snapshot(&page, "Six months in")?;

    select_option(&page, "diff-from", "Before the pilot")?;
    select_option(&page, "diff-to", "Six months in")?;
    page.wait_for_text_containing(
        "difference",
        "What changed from \u{201c}Before the pilot\u{201d} to \u{201c}Six months in\u{201d}",
    )?;
    let lines = list_items(&page, "difference")?;
    let title = |domain| item_title(Item::Domain(domain), Setting::AdultSocialCare);
    assert_eq!(lines.len(), 3, "two ratings and one step: {lines:?}");
    assert_eq!(
        lines[0],
        format!("{}: from simple to complex", title(Domain::Technology))
    );
    assert_eq!(
        lines[1],
        format!(
            "{}: from simple to complicated",
            title(Domain::Organisation)
        )
    );
    assert!(
        lines[2].starts_with("Step \u{201c}") && lines[2].ends_with("from not started to done"),
        "{lines:?}"
    );
    let mut changed = levels;
    changed[Domain::Technology.index()] = Level::Complex;
    changed[Domain::Organisation.index()] = Level::Complicated;
    let (before, after) = (
        Assessment::quick("t", levels),
        Assessment::quick("t", changed),
    );
    let text = page.text("difference")?;
    let (old, new) = (
        nasss_core::assess(&before).outlook,
        nasss_core::assess(&after).outlook,
    );
    assert!(
        text.contains(&nasss_core::render::plan_phrases::outlook_change_line(
            &old, &new
        )),
        "{text}"
    );
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn three_assessments_side_by_side_sort_by_outlook_and_two_export_to_batch() -> Result<()> {
    let downloads = temp_dir("over-time-downloads")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    page.clear_storage()?;
    let mut worst = [Level::Complex; 7];
    worst[0] = Level::Simple;
    let schemes = [
        ("Middling", [Level::Complicated; 7]),
        ("Best", [Level::Simple; 7]),
        ("Worst", worst),
    ];
    for (title, levels) in schemes {
        rated_quick_assessment(&page, title, levels)?;
    }
    page.click("tab-compare")?;
    page.wait_for("compare-table")?;
    assert_eq!(
        row_headings(&page, "compare-table")?,
        ["Middling", "Best", "Worst"]
    );
    page.choose("Sort by", "Best outlook first")?;
    page.wait_until("the best first", || {
        Ok(row_headings(&page, "compare-table")? == ["Best", "Middling", "Worst"])
    })?;
    page.choose("Sort by", "Worst outlook first")?;
    page.wait_until("the worst first", || {
        Ok(row_headings(&page, "compare-table")? == ["Worst", "Middling", "Best"])
    })?;

    // Leave "Best" out and export the other two as CSV.
    page.click("compare-pick-2")?;
    page.wait_until("two in the comparison", || {
        Ok(row_headings(&page, "compare-table")?.len() == 2)
    })?;
    let before = files_in(&downloads);
    page.click("export-csv")?;
    let csv = wait_for_download(&downloads, &before)?;
    let cli = std::env::var_os("NASSS_CLI").ok_or_else(|| {
        Error("NASSS_CLI names the `nasss` binary (set by `cargo xtask test`)".into())
    })?;
    let scored = std::process::Command::new(cli)
        .arg("batch")
        .arg(&csv)
        .output()
        .map_err(|e| Error(format!("cannot run nasss: {e}")))?;
    assert!(scored.status.success(), "{scored:?}");
    assert!(scored.stderr.is_empty(), "{scored:?}");
    let out = String::from_utf8_lossy(&scored.stdout);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let expected: Vec<(String, &str)> = [("Middling", schemes[0].1), ("Worst", worst)]
        .iter()
        .map(|(title, levels)| {
            let key = nasss_core::assess(&Assessment::quick(*title, *levels))
                .outlook
                .key();
            (title.to_string(), key)
        })
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    for (row, (title, outlook)) in rows.iter().zip(&expected) {
        assert_eq!(row[0], title);
        assert_eq!(row[1], *outlook, "{out}");
    }

    // The same file imports back as two new quick assessments.
    page.choose_file("Import profiles from CSV", &csv)?;
    page.wait_for_text_containing("message", "Imported 2 assessments")?;
    page.wait_until("four in the comparison", || {
        Ok(row_headings(&page, "compare-table")?.len() == 4)
    })?;
    let _ = std::fs::remove_dir_all(&downloads);
    Ok(())
}
