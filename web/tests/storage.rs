//! Browser tests that nothing saved is lost: every older stored shape (the golden files in
//! `tests/fixtures/storage/`) loads; corrupted data is kept aside entry by entry and offered for
//! download; a list saved by a newer version is not overwritten; a full storage leaves the
//! work on the page, the stored list untouched and a plain message, and saving resumes when
//! there is room; exports are recorded; the site-data notice shows. Each test seeds local
//! storage, mounts [`App`] in headless Chromium and works it through the DOM.

use nasss_web::library::Library;
use nasss_web::storage::{kept_aside_file, BACKUP_PREFIX, LIBRARY_KEY};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// Every stored shape the app has written, with the titles each must show.
const GOLDEN: [(&str, &str, &[&str]); 4] = [
    (
        "v1-empty.json",
        include_str!("../../tests/fixtures/storage/v1-empty.json"),
        &[],
    ),
    (
        "v1-format-1.json",
        include_str!("../../tests/fixtures/storage/v1-format-1.json"),
        &["Minimal, format 1", "Every field of format version 1"],
    ),
    (
        "v1-format-2.json",
        include_str!("../../tests/fixtures/storage/v1-format-2.json"),
        &[
            "Every field of format version 2",
            "Format 1 beside format 2",
        ],
    ),
    (
        "v2-exported.json",
        include_str!("../../tests/fixtures/storage/v2-exported.json"),
        &["Exported, changed since", "Never exported"],
    ),
];

fn titles(root: &Element) -> Vec<String> {
    let list = root
        .query_selector_all("[data-testid=saved-title]")
        .unwrap();
    let mut titles: Vec<String> = (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    // The list shows the newest first; the stored order is oldest first.
    titles.reverse();
    titles
}

fn backups() -> Vec<(String, String)> {
    let storage = storage();
    let mut found: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|index| storage.key(index).unwrap())
        .filter(|key| key.starts_with(BACKUP_PREFIX))
        .map(|key| {
            let value = storage.get_item(&key).unwrap().unwrap();
            (key, value)
        })
        .collect();
    found.sort();
    found
}

/// Saving runs in an effect after the render: polls until the stored list holds `text`.
async fn wait_for_stored(text: &str) {
    for _ in 0..200 {
        if stored().contains(text) {
            return;
        }
        settle().await;
    }
    panic!("the stored list never held {text:?}: {}", stored());
}

fn stored() -> String {
    storage()
        .get_item(LIBRARY_KEY)
        .unwrap()
        .expect("a saved list")
}

#[wasm_bindgen_test]
async fn every_older_stored_shape_loads_and_is_saved_again_in_full() {
    for (name, golden, expected) in GOLDEN {
        let app = mount_with(golden).await;
        let root = &app.root;
        wait_for(root, "[data-testid=app]").await;
        assert!(
            root.query_selector("[data-testid=storage-problem]")
                .unwrap()
                .is_none(),
            "{name}: {}",
            root.text_content().unwrap_or_default()
        );
        if expected.is_empty() {
            wait_for(root, "[data-testid=no-saved]").await;
        } else {
            click_testid(root, "tab-home").await;
            wait_for(root, "[data-testid=saved-list]").await;
            assert_eq!(titles(root), *expected, "{name}");
        }
        // Whatever it loaded, it saves back whole, in today's shape.
        wait_for_stored("\"version\":2").await;
        let again = Library::parse(&stored());
        assert!(again.problems.is_empty(), "{name}: {:?}", again.problems);
        assert_eq!(again.library.entries.len(), expected.len(), "{name}");
        assert!(backups().is_empty(), "{name}: nothing to keep aside");
        drop(app);
    }
}

#[wasm_bindgen_test]
async fn unreadable_entries_are_kept_aside_one_by_one_and_offered_for_download() {
    let golden = include_str!("../../tests/fixtures/storage/corrupt-one-bad-entry.json");
    let app = mount_with(golden).await;
    let root = &app.root;
    let problem = wait_for(root, "[data-testid=storage-problem]").await;
    assert_eq!(problem.get_attribute("role").as_deref(), Some("alert"));
    let message = problem.text_content().unwrap_or_default();
    for part in [
        "saved assessment 2, \"Unreadable rating\"",
        "saved assessment 4, \"Same id as another\"",
        "saved assessment 5 could not be read",
        "the other 2 saved assessments loaded normally",
        "Download what was kept aside",
    ] {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
    wait_for(root, "[data-testid=download-kept-aside]").await;
    assert_eq!(titles(root), ["Readable before", "Readable after"]);

    // Exactly what could not be read is kept, entry by entry.
    let stored_entries: serde_json::Value = serde_json::from_str(golden).unwrap();
    let kept = backups();
    assert_eq!(kept.len(), 3, "{kept:?}");
    for ((_, text), position) in kept.iter().zip([1, 3, 4]) {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(value, stored_entries["entries"][position]);
    }
    // The download holds them all.
    let file: serde_json::Value = serde_json::from_str(&kept_aside_file().unwrap()).unwrap();
    assert_eq!(file["kept aside"].as_object().unwrap().len(), 3);
    click_testid(root, "download-kept-aside").await;

    // Saving again keeps them, and the next visit says they are still kept.
    start_quick(root, "After the damage").await;
    wait_for_stored("After the damage").await;
    assert_eq!(backups(), kept);
    drop(app);
    let app = mount().await;
    wait_for_text_containing(
        &app.root,
        "[data-testid=storage-problem]",
        "still kept aside in this browser (3 items)",
    )
    .await;
    wait_for(&app.root, "[data-testid=download-kept-aside]").await;
}

#[wasm_bindgen_test]
async fn a_list_that_is_not_a_saved_list_is_kept_aside_whole() {
    for golden in [
        include_str!("../../tests/fixtures/storage/corrupt-not-json.txt"),
        include_str!("../../tests/fixtures/storage/corrupt-wrong-shape.json"),
    ] {
        let app = mount_with(golden).await;
        let root = &app.root;
        wait_for_text_containing(root, "[data-testid=storage-problem]", "kept aside").await;
        wait_for(root, "[data-testid=no-saved]").await;
        let kept = backups();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].1, golden, "kept exactly as stored");
        start_quick(root, "Starting again").await;
        wait_for_stored("Starting again").await;
        assert_eq!(backups(), kept, "not lost on the next save");
        drop(app);
    }
}

#[wasm_bindgen_test]
async fn a_list_saved_by_a_newer_version_is_not_overwritten() {
    let golden = include_str!("../../tests/fixtures/storage/newer-version.json");
    let app = mount_with(golden).await;
    let root = &app.root;
    wait_for_text_containing(root, "[data-testid=storage-problem]", "newer version").await;
    assert!(text(root, "[data-testid=storage-problem]").contains("storage version 99"));
    wait_for(root, "[data-testid=download-kept-aside]").await;
    // It is shown as far as it can be read, and the app still works...
    click_testid(root, "tab-home").await;
    assert_eq!(titles(root), ["Saved by a newer version"]);
    start_quick(root, "Made in the older version").await;
    // ...but nothing is written over what the newer version saved.
    assert_eq!(stored(), golden);
    assert!(backups().is_empty());
}

/// Fills local storage until it refuses more; returns the keys it filled.
fn fill_storage() -> Vec<String> {
    let storage = storage();
    let mut keys = Vec::new();
    let mut chunk = "x".repeat(1 << 20);
    while chunk.len() > 16 {
        let key = format!("filler.{}", keys.len());
        match storage.set_item(&key, &chunk) {
            Ok(()) => keys.push(key),
            Err(_) => chunk.truncate(chunk.len() / 2),
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn when_storage_is_full_the_work_stays_and_saving_resumes_when_there_is_room() {
    storage().clear().unwrap();
    let app = mount().await;
    let root = &app.root;
    start_quick(root, "Saved before it filled").await;
    wait_for_stored("Saved before it filled").await;
    let before = stored();
    let filler = fill_storage();
    assert!(!filler.is_empty());

    // A change that cannot be saved: plain words, the work on the page, storage as it was.
    click_testid(root, "tab-home").await;
    start_quick(root, "Made while full").await;
    wait_for_text_containing(
        root,
        "[data-testid=save-error]",
        "storage for the analyser is full",
    )
    .await;
    let message = text(root, "[data-testid=save-error]");
    for part in [
        "Export this assessment",
        "deleting saved assessments",
        "tries again",
    ] {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
    assert_eq!(text(root, "main h2"), "Rate: Made while full");
    assert_eq!(stored(), before, "nothing stored is overwritten");
    // Exporting still works, and is recorded in memory.
    click_testid(root, "tab-report").await;
    click_testid(root, "export-report").await;
    wait_for_text_containing(root, "[data-testid=open-exported]", "Last exported").await;

    // With room again, the next change saves everything, and the message goes.
    for key in filler {
        storage().remove_item(&key).unwrap();
    }
    click_testid(root, "tab-home").await;
    click_testid(root, "rename-2").await;
    type_into(
        root,
        "[data-testid=rename-input-2]",
        "Made while full, saved",
    )
    .await;
    click_testid(root, "rename-save-2").await;
    wait_for_absent(root, "[data-testid=save-error]").await;
    let saved = Library::parse(&stored()).library;
    let titles: Vec<&str> = saved
        .entries
        .iter()
        .map(|entry| entry.assessment.title.as_str())
        .collect();
    assert_eq!(titles, ["Saved before it filled", "Made while full, saved"]);
    assert!(
        saved.entries[1].exported.is_some(),
        "the export was kept too"
    );
}

#[wasm_bindgen_test]
async fn exports_are_recorded_and_later_changes_flagged() {
    storage().clear().unwrap();
    let app = mount().await;
    let root = &app.root;
    start_quick(root, "To export").await;
    wait_for_text_containing(root, "[data-testid=open-exported]", "Never exported").await;
    click_testid(root, "tab-home").await;
    wait_for_text_containing(root, "[data-testid=exported-1]", "Never exported").await;
    click_testid(root, "export-1").await;
    let today = nasss_web::clock::today().long();
    wait_for_text_containing(
        root,
        "[data-testid=exported-1]",
        &format!("Last exported {today}"),
    )
    .await;
    assert_eq!(
        wait_for(root, "[data-testid=exported-1]")
            .await
            .get_attribute("data-export")
            .as_deref(),
        Some("current")
    );
    wait_for_stored("\"exported\"").await;
    // A change after the export is flagged.
    click_testid(root, "rename-1").await;
    type_into(root, "[data-testid=rename-input-1]", "To export, renamed").await;
    click_testid(root, "rename-save-1").await;
    wait_for_text_containing(root, "[data-testid=exported-1]", "changed since").await;
    assert_eq!(
        wait_for(root, "[data-testid=exported-1]")
            .await
            .get_attribute("data-export")
            .as_deref(),
        Some("changed")
    );
}

#[wasm_bindgen_test]
async fn the_start_page_warns_that_browsers_may_clear_site_data() {
    storage().clear().unwrap();
    let app = mount().await;
    let root = &app.root;
    wait_for_text_containing(
        root,
        "[data-testid=site-data-notice]",
        "Browsers may clear what a site keeps",
    )
    .await;
    let notice = wait_for(root, "[data-testid=site-data-notice]").await;
    assert_eq!(
        notice.get_attribute("data-persisted").as_deref(),
        Some("unknown")
    );
    assert!(root.query_selector("[role=dialog]").unwrap().is_none());
    // Once something is saved the browser is asked to keep it, and its answer is said.
    start_quick(root, "Worth keeping").await;
    click_testid(root, "tab-home").await;
    let mut answer = String::new();
    for _ in 0..200 {
        let notice = wait_for(root, "[data-testid=site-data-notice]").await;
        answer = notice.get_attribute("data-persisted").unwrap_or_default();
        if answer != "unknown" {
            break;
        }
        settle().await;
    }
    let said = text(root, "[data-testid=site-data-notice]");
    match answer.as_str() {
        "granted" => assert!(said.contains("has agreed")),
        "not-granted" => assert!(said.contains("has not agreed")),
        "unavailable" => assert!(said.contains("offers no way")),
        other => panic!("no answer from the browser: {other:?}"),
    }
}
