//! Journeys that nothing saved is lost, in the built page opened from disk in headless
//! Chromium: local storage filled to its quota, then the assessment edited (a plain message,
//! the app still working, the stored list untouched, export still working, saving resumed
//! once there is room); corrupted and every older stored shape seeded and the page reloaded
//! (readable entries kept, bad ones set aside and offered for download); the last-exported
//! date after an export and "changed since" after an edit; the site-data notice. Ignored by a
//! plain `cargo test`; `cargo xtask test` runs them with `--ignored`.

use nasss_e2e::page::{files_in, temp_dir, wait_for_download};
use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Error, Result};
use serde_json::Value;

const LIBRARY_KEY: &str = "nasss-analyser.library.v1";

/// The golden files of every stored shape, with the titles each must show (oldest first).
const GOLDEN: [(&str, &str, &[&str]); 4] = [
    (
        "v1-empty.json",
        include_str!("../../fixtures/storage/v1-empty.json"),
        &[],
    ),
    (
        "v1-format-1.json",
        include_str!("../../fixtures/storage/v1-format-1.json"),
        &["Minimal, format 1", "Every field of format version 1"],
    ),
    (
        "v1-format-2.json",
        include_str!("../../fixtures/storage/v1-format-2.json"),
        &[
            "Every field of format version 2",
            "Format 1 beside format 2",
        ],
    ),
    (
        "v2-exported.json",
        include_str!("../../fixtures/storage/v2-exported.json"),
        &["Exported, changed since", "Never exported"],
    ),
];

fn js_string(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

/// Puts `stored` under the saved list's key (and nothing else) and reloads.
fn seed(page: &AnalyserPage, stored: &str) -> Result<()> {
    page.session().execute(&format!(
        "window.localStorage.clear(); window.localStorage.setItem({}, {});",
        js_string(LIBRARY_KEY),
        js_string(stored)
    ))?;
    page.reload()
}

fn stored(page: &AnalyserPage) -> Result<Option<String>> {
    let value = page.session().execute(&format!(
        "return window.localStorage.getItem({});",
        js_string(LIBRARY_KEY)
    ))?;
    Ok(value.as_str().map(str::to_string))
}

/// The saved titles, oldest first (the list shows the newest first).
fn saved_titles(page: &AnalyserPage) -> Result<Vec<String>> {
    let mut titles = page.texts("saved-title")?;
    titles.reverse();
    Ok(titles)
}

fn new_quick(page: &AnalyserPage, title: &str) -> Result<()> {
    page.click("tab-home")?;
    page.click("new-assessment")?;
    page.wait_for("start-rating")?;
    page.type_into("Name of the innovation", title)?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 7 domains rated")
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_full_storage_keeps_the_work_on_the_page_and_export_still_works() -> Result<()> {
    let downloads = temp_dir("storage-full-downloads")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    page.clear_storage()?;
    new_quick(&page, "Day centre transport")?;
    page.rate("technology", "Simple")?;
    page.wait_for_text("progress", "1 of 7 domains rated")?;
    let before = stored(&page)?.ok_or(Error("nothing was saved".into()))?;

    // Other data fills the rest of the site's storage.
    let filled = page.session().execute(
        "let chunk = 'x'.repeat(1 << 20), n = 0;
         while (chunk.length > 16) {
           try { localStorage.setItem('filler.' + n, chunk); n += 1; }
           catch (e) { chunk = chunk.slice(0, chunk.length / 2); }
         }
         return n;",
    )?;
    assert!(filled.as_u64().unwrap_or(0) > 0, "{filled:?}");

    page.rate("organisation", "Complex")?;
    let message =
        page.wait_for_text_containing("save-error", "storage for the analyser is full")?;
    assert!(
        message.contains("Export this assessment as a file now"),
        "{message}"
    );
    assert!(message.contains("snapshots"), "{message}");
    page.wait_for_text("progress", "2 of 7 domains rated")?;
    assert_eq!(
        stored(&page)?.as_deref(),
        Some(before.as_str()),
        "nothing overwritten"
    );

    // The export still gives the person all of their work.
    page.click("tab-report")?;
    let already = files_in(&downloads);
    page.click("export-report")?;
    let file = wait_for_download(&downloads, &already)?;
    let text = std::fs::read_to_string(&file).map_err(|e| Error(e.to_string()))?;
    let exported: Value = serde_json::from_str(&text).map_err(|e| Error(e.to_string()))?;
    assert_eq!(
        exported["domain_ratings"]["organisation"]["level"], "complex",
        "{text}"
    );

    // With room again, the next change saves everything and the message goes.
    page.session().execute(
        "Object.keys(localStorage).filter(k => k.startsWith('filler.')).forEach(k => localStorage.removeItem(k));",
    )?;
    page.click("tab-rate")?;
    page.rate("value_proposition", "Simple")?;
    page.wait_until("the save error to go", || {
        Ok(!page.is_present("save-error")?)
    })?;
    let saved: Value = serde_json::from_str(&stored(&page)?.unwrap_or_default())
        .map_err(|e| Error(e.to_string()))?;
    let ratings = &saved["entries"][0]["assessment"]["domain_ratings"];
    assert_eq!(ratings["organisation"]["level"], "complex", "{saved}");
    assert_eq!(ratings["value_proposition"]["level"], "simple", "{saved}");
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn every_older_stored_shape_loads_after_a_reload() -> Result<()> {
    let page = AnalyserPage::open_from_disk()?;
    for (name, golden, titles) in GOLDEN {
        seed(&page, golden)?;
        assert!(!page.is_present("storage-problem")?, "{name}");
        page.click("tab-home")?;
        match titles.is_empty() {
            true => drop(page.wait_for("no-saved")?),
            false => {
                page.wait_for("saved-list")?;
                assert_eq!(saved_titles(&page)?, *titles, "{name}");
            }
        }
    }
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn corrupted_storage_keeps_what_it_can_and_offers_the_rest_for_download() -> Result<()> {
    let downloads = temp_dir("storage-corrupt-downloads")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    seed(
        &page,
        include_str!("../../fixtures/storage/corrupt-one-bad-entry.json"),
    )?;
    let message = page.wait_for_text_containing("storage-problem", "kept aside")?;
    assert!(
        message.contains("saved assessment 2, \"Unreadable rating\""),
        "{message}"
    );
    page.click("tab-home")?;
    assert_eq!(saved_titles(&page)?, ["Readable before", "Readable after"]);
    let already = files_in(&downloads);
    page.click("download-kept-aside")?;
    let file = wait_for_download(&downloads, &already)?;
    let text = std::fs::read_to_string(&file).map_err(|e| Error(e.to_string()))?;
    let kept: Value = serde_json::from_str(&text).map_err(|e| Error(e.to_string()))?;
    let kept = kept["kept aside"].as_object().cloned().unwrap_or_default();
    assert_eq!(kept.len(), 3, "{text}");
    assert!(
        kept.values()
            .any(|v| v.as_str().unwrap_or("").contains("very hard")),
        "the unreadable rating is kept as it was: {text}"
    );

    // A file that is not JSON at all: kept whole, and the app starts afresh.
    seed(
        &page,
        include_str!("../../fixtures/storage/corrupt-not-json.txt"),
    )?;
    page.wait_for_text_containing("storage-problem", "not readable JSON")?;
    page.wait_for("download-kept-aside")?;
    new_quick(&page, "After the damage")?;
    assert!(stored(&page)?
        .unwrap_or_default()
        .contains("After the damage"));
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn the_last_export_is_shown_and_a_later_change_flagged() -> Result<()> {
    let downloads = temp_dir("storage-export-downloads")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    page.clear_storage()?;
    page.wait_for_text_containing("site-data-notice", "Browsers may clear what a site keeps")?;
    new_quick(&page, "Reablement app")?;
    page.wait_for_text("open-exported", "Never exported")?;
    page.click("tab-home")?;
    page.wait_for_text("exported-1", "Never exported")?;
    let already = files_in(&downloads);
    page.click("export-1")?;
    wait_for_download(&downloads, &already)?;
    let shown = page.wait_for_text_containing("exported-1", "Last exported ")?;
    assert_eq!(
        page.attribute("exported-1", "data-export")?.as_deref(),
        Some("current")
    );
    // The date is written out, as in "2 December 2026".
    let date = shown.trim_start_matches("Last exported ");
    let words: Vec<&str> = date.split(' ').collect();
    assert_eq!(words.len(), 3, "{shown}");
    assert!(
        words[0].parse::<u32>().is_ok() && words[2].parse::<u32>().is_ok(),
        "{shown}"
    );

    page.click("open-1")?;
    page.rate("technology", "Complicated")?;
    page.wait_for_text_containing("open-exported", "changed since")?;
    page.click("tab-home")?;
    page.wait_for_text_containing("exported-1", "changed since")?;
    assert_eq!(
        page.attribute("exported-1", "data-export")?.as_deref(),
        Some("changed")
    );
    // And after a reload it is still known.
    page.reload()?;
    page.click("tab-home")?;
    page.wait_for_text_containing("exported-1", "changed since")?;
    Ok(())
}
