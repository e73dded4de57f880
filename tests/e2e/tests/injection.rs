//! No script injection, in the browser: every hostile payload of
//! `tests/fixtures/hostile-text.json` put into every free-text field through each input channel
//! (local storage, an imported file, a share link, typing, rater files and pasted reply links
//! on the Team page, a CSV import on the Compare page), then the pages visited: every page for
//! local storage, those that show what came in for the other channels. After each: nothing ran (`window.__pwned` unset, no dialog), nothing the payload would make exists
//! (no event-handler attribute, `javascript:` address, frame, image or extra script), the
//! payload is shown as text, and the page is no wider than the window at 1280 and 360 px.
//! Ignored by a plain `cargo test`; `cargo xtask test` runs them with `--ignored`.

use nasss_core::Assessment;
use nasss_e2e::injection::{
    arm, assert_fits, assert_harmless, assert_page, assert_shown, hostile_assessment, hostile_file,
    own_scripts, page_width, payloads, seed_library, set_width, Payload,
};
use nasss_e2e::page::{files_in, temp_dir, wait_for_download};
use nasss_e2e::teams::{follow_link, paste_reply_links};
use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Error, Result};
use std::path::Path;

/// The pages of an open assessment, by their tab, and the start page.
const TABS: [&str; 7] = [
    "tab-home",
    "tab-setup",
    "tab-rate",
    "tab-report",
    "tab-plan",
    "tab-team",
    "tab-compare",
];

/// Where a payload in every field must be shown: the setup page (title and description) and
/// the report (every field it prints).
const EVERY_FIELD: [&str; 2] = ["tab-setup", "tab-report"];
/// Where a payload in one rating's note must be shown.
const NOTE_ONLY: [&str; 2] = ["tab-rate", "tab-report"];

fn fresh_page() -> Result<AnalyserPage> {
    let page = AnalyserPage::open_from_disk()?;
    page.clear_storage()?;
    Ok(page)
}

/// How wide each page is at 360 px with harmless words in every field.
fn harmless_widths(page: &AnalyserPage) -> Result<Vec<u64>> {
    let (file, _) = hostile_file("Harmless words")?;
    seed_library(page, &file)?;
    let mut widths = Vec::new();
    for tab in TABS {
        page.click(tab)?;
        widths.push(page_width(page, 360)?);
    }
    page.clear_storage()?;
    Ok(widths)
}

/// What each journey checks against: the page's own scripts, and each page's width at 360 px
/// with harmless text.
struct Baseline {
    scripts: u64,
    widths: Vec<u64>,
}

impl Baseline {
    /// The page's width at 360 px with harmless text.
    fn width(&self, tab: &str) -> u64 {
        TABS.iter()
            .position(|t| *t == tab)
            .and_then(|n| self.widths.get(n).copied())
            .unwrap_or(u64::MAX)
    }
}

fn baseline(page: &AnalyserPage) -> Result<Baseline> {
    Ok(Baseline {
        scripts: own_scripts(page)?,
        widths: harmless_widths(page)?,
    })
}

/// Visits `pages` with the payload's assessment open, first in a viewport 1280 px wide and then
/// 360 px, checking each; returns how many page views were checked. The payload must be shown
/// as text on those of `shown_on`.
///
/// The local-storage journey visits every page with every payload. Once it is in the library
/// an assessment is the same whichever way it came, so the other channels visit the pages that
/// show what they brought in (the setup page and the report, which show every field), beside
/// the checks of their own messages and previews.
fn visit(
    page: &AnalyserPage,
    payload: &Payload,
    base: &Baseline,
    channel: &str,
    (pages, shown_on): (&[&str], &[&str]),
) -> Result<usize> {
    arm(page)?;
    let mut checked = 0;
    for width in [1280, 360] {
        set_width(page, Some(width))?;
        for tab in pages {
            // A page already wider than 360 px with harmless text is the accessibility part's
            // reflow work: there only the 1280 px check is made.
            if width == 360 && base.width(tab) > 360 {
                continue;
            }
            page.click(tab)?;
            let what = format!("{channel}, {}, {tab} at {width} px", payload.name);
            let shown = (width == 1280 && shown_on.contains(tab)).then_some(payload);
            assert_page(page, base.scripts, shown, (width, u64::from(width)), &what)?;
            checked += 1;
        }
    }
    set_width(page, None)?;
    Ok(checked)
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn payloads_in_local_storage_are_shown_as_text_on_every_page() -> Result<()> {
    let page = fresh_page()?;
    let base = baseline(&page)?;
    let (mut tried, mut fields) = (0, 0);
    for payload in payloads()? {
        let (file, filled) = hostile_file(&payload.text)?;
        seed_library(&page, &file)?;
        tried += visit(
            &page,
            &payload,
            &base,
            "local storage",
            (&TABS, &EVERY_FIELD),
        )?;
        fields = filled;
    }
    println!("local storage: {tried} page views checked, {fields} fields each");
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn payloads_in_an_imported_file_are_shown_as_text() -> Result<()> {
    let page = fresh_page()?;
    let base = baseline(&page)?;
    let mut views = 0;
    let scripts = base.scripts;
    let dir = temp_dir("hostile-import")?;
    for (index, payload) in payloads()?.iter().enumerate() {
        let (file, _) = hostile_file(&payload.text)?;
        let path = dir.join(format!("hostile-{index}.json"));
        std::fs::write(&path, file.to_string()).map_err(|e| Error(e.to_string()))?;
        page.click("tab-home")?;
        arm(&page)?;
        page.choose_file("Import an assessment file", &path)?;
        page.wait_for_text_containing("message", "Imported")?;
        assert_harmless(&page, scripts, &format!("import, {}", payload.name))?;
        views += visit(
            &page,
            payload,
            &base,
            "import",
            (&EVERY_FIELD, &EVERY_FIELD),
        )?;
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("import: {views} page views checked");
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn payloads_in_a_share_link_are_shown_as_text_before_and_after_saving() -> Result<()> {
    let page = fresh_page()?;
    let base = baseline(&page)?;
    let mut views = 0;
    let scripts = base.scripts;
    // The very long payloads in every field make a file over the link's 2 MB limit, which the
    // app refuses with its own message; they come in by the other channels.
    for payload in payloads()?.iter().filter(|p| !p.is_long()) {
        let fragment = nasss_core::share::encode(&hostile_assessment(&payload.text)?);
        follow_link(&page, &fragment)?;
        arm(&page)?;
        page.wait_for("link-preview")?;
        let what = format!("share link, {}", payload.name);
        assert_harmless(&page, scripts, &what)?;
        assert_shown(&page, payload, &what)?;
        assert_fits(&page, 360, 360, &what)?;
        page.click("save-link")?;
        views += visit(
            &page,
            payload,
            &base,
            "share link",
            (&EVERY_FIELD, &EVERY_FIELD),
        )?;
    }
    println!("share link: {views} page views checked");
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn typed_payloads_are_shown_as_text() -> Result<()> {
    let page = fresh_page()?;
    let base = baseline(&page)?;
    let mut views = 0;
    let scripts = base.scripts;
    // Typing is slow: a sample of ten, every kind but the long and the untypeable (pasted below).
    for payload in payloads()?
        .iter()
        .filter(|p| p.is_typeable())
        .step_by(2)
        .take(10)
    {
        page.click("tab-home")?;
        page.click("new-assessment")?;
        page.wait_for("start-rating")?;
        arm(&page)?;
        page.type_into("Name of the innovation", &payload.text)?;
        page.click("start-rating")?;
        page.rate("condition", "Complex")?;
        page.click("notes-condition")?;
        page.type_into_id("note-condition", &payload.text)?;
        let what = format!("typed, {}", payload.name);
        assert_harmless(&page, scripts, &what)?;
        views += visit(&page, payload, &base, "typed", (&EVERY_FIELD, &EVERY_FIELD))?;
    }
    println!("typed: {views} page views checked");
    Ok(())
}

/// Sets a text box's value by script and tells the app, as pasting a long text would.
fn paste_into(page: &AnalyserPage, id: &str, text: &str) -> Result<()> {
    let script = format!(
        "const box = document.getElementById({id}); box.value = {text}; \
         box.dispatchEvent(new Event('input', {{ bubbles: true }})); \
         box.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;",
        id = serde_json::to_string(id).unwrap_or_default(),
        text = serde_json::to_string(text).unwrap_or_default(),
    );
    page.session().execute(&script)?;
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn long_and_untypeable_payloads_pasted_are_shown_as_text() -> Result<()> {
    let page = fresh_page()?;
    let base = baseline(&page)?;
    let mut views = 0;
    let scripts = base.scripts;
    for payload in payloads()?.iter().filter(|p| !p.is_typeable()) {
        page.click("tab-home")?;
        page.click("new-assessment")?;
        page.wait_for("start-rating")?;
        arm(&page)?;
        page.type_into("Name of the innovation", "Pasted")?;
        page.click("start-rating")?;
        page.rate("condition", "Complex")?;
        page.click("notes-condition")?;
        paste_into(&page, "note-condition", &payload.text)?;
        let what = format!("pasted, {}", payload.name);
        assert_harmless(&page, scripts, &what)?;
        views += visit(&page, payload, &base, "pasted", (&NOTE_ONLY, &NOTE_ONLY))?;
    }
    println!("pasted: {views} page views checked");
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn printing_runs_nothing_and_the_markdown_is_the_clis() -> Result<()> {
    let downloads = temp_dir("hostile-downloads")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    page.clear_storage()?;
    let base = baseline(&page)?;
    let scripts = base.scripts;
    let cli = std::env::var_os("NASSS_CLI").ok_or_else(|| {
        Error("NASSS_CLI names the `nasss` binary (set by `cargo xtask test`)".into())
    })?;
    for (index, payload) in payloads()?.iter().enumerate() {
        let (file, _) = hostile_file(&payload.text)?;
        let path = downloads.join(format!("hostile-{index}.json.in"));
        std::fs::write(&path, file.to_string()).map_err(|e| Error(e.to_string()))?;
        seed_library(&page, &file)?;
        arm(&page)?;
        page.click("tab-report")?;
        let pdf = page
            .session()
            .devtools("Page.printToPDF", serde_json::json!({}))?;
        assert!(pdf["data"].as_str().is_some_and(|data| data.len() > 1000));
        assert_harmless(&page, scripts, &format!("print, {}", payload.name))?;

        let before = files_in(&downloads);
        page.click("download-markdown")?;
        let markdown = wait_for_download(&downloads, &before)?;
        let markdown = std::fs::read_to_string(&markdown).map_err(|e| Error(e.to_string()))?;
        let printed = std::process::Command::new(&cli)
            .args(["assess", "--format", "markdown"])
            .arg(&path)
            .output()
            .map_err(|e| Error(format!("cannot run nasss: {e}")))?;
        assert!(printed.status.success(), "{}: {printed:?}", payload.name);
        assert_eq!(
            String::from_utf8_lossy(&printed.stdout),
            markdown,
            "{}: the app's Markdown is what `nasss assess FILE --format markdown` prints",
            payload.name
        );
        let bare = markdown
            .match_indices(['<', '['])
            .filter(|(at, _)| !markdown[..*at].ends_with('\\'))
            .count();
        assert_eq!(bare, 0, "{}: every `<` and `[` is escaped", payload.name);
    }
    let _ = std::fs::remove_dir_all(&downloads);
    Ok(())
}

/// A reply to the team fixtures' invitation (`tests/fixtures/team/ann.json`) from a person
/// named `payload`, with `payload` as the note of every rating.
fn hostile_reply(payload: &str) -> Result<Assessment> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/team/ann.json");
    let bytes = std::fs::read(&path).map_err(|e| Error(format!("{}: {e}", path.display())))?;
    let mut reply = nasss_core::load_bytes(&bytes).map_err(|e| Error(format!("ann.json: {e}")))?;
    for rater in &mut reply.raters {
        rater.name = payload.to_owned();
    }
    for rating in reply.domain_ratings.values_mut() {
        rating.note = payload.to_owned();
    }
    Ok(reply)
}

/// One CSV field, quoted as RFC 4180 quotes it.
fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Waits until the page's message differs from `before` and returns it.
fn next_message(page: &AnalyserPage, before: &str) -> Result<String> {
    page.wait_until("a new message", || {
        Ok(page.is_present("message")? && page.text("message")? != before)
    })?;
    page.text("message")
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn payloads_in_team_replies_and_csv_imports_are_shown_as_text() -> Result<()> {
    let page = fresh_page()?;
    let scripts = own_scripts(&page)?;
    let dir = temp_dir("hostile-team")?;
    let invitation = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/team/invitation.json"),
    )
    .map_err(|e| Error(e.to_string()))?;
    let invitation =
        nasss_core::load_bytes(&invitation).map_err(|e| Error(format!("invitation: {e}")))?;
    follow_link(&page, &nasss_core::share::encode(&invitation))?;
    page.click("save-link")?;
    page.wait_for_text_containing("message", "as a new assessment")?;
    let (mut files, mut links, mut rows) = (0, 0, 0);
    for (index, payload) in payloads()?.iter().enumerate() {
        let reply = hostile_reply(&payload.text)?;
        // A rater file, chosen on the Team page.
        page.click("tab-team")?;
        arm(&page)?;
        let path = dir.join(format!("reply-{index}.json"));
        std::fs::write(&path, reply.to_file_text()).map_err(|e| Error(e.to_string()))?;
        page.choose_file("Add reply files", &path)?;
        page.wait_for_text_containing("message", &format!("reply-{index}"))?;
        let what = format!("rater file, {}", payload.name);
        assert_harmless(&page, scripts, &what)?;
        assert_shown(&page, payload, &what)?;
        assert_fits(&page, 1280, 1280, &what)?;
        files += 1;

        // The same person's reply as a link pasted into the box (typed: links are ASCII; the
        // long payloads make links too long to type in good time and come by file above).
        if !payload.is_long() {
            let before = page.text("message")?;
            let link = format!("#{}", nasss_core::share::encode(&reply));
            paste_reply_links(&page, &[link])?;
            next_message(&page, &before)?;
            let what = format!("pasted reply link, {}", payload.name);
            assert_harmless(&page, scripts, &what)?;
            assert_shown(&page, payload, &what)?;
            links += 1;
        }

        // A profile CSV whose id is the payload, imported on the Compare page.
        page.click("tab-compare")?;
        arm(&page)?;
        let csv = dir.join(format!("hostile-{index}.csv"));
        let text = format!(
            "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\n{},complex,simple,complicated,simple,simple,complicated,simple\n",
            csv_field(&payload.text)
        );
        std::fs::write(&csv, text).map_err(|e| Error(e.to_string()))?;
        page.choose_file("Import profiles from CSV", &csv)?;
        let message = page.wait_for_text_containing("message", &format!("hostile-{index}.csv"))?;
        let what = format!("CSV import, {}", payload.name);
        assert_harmless(&page, scripts, &what)?;
        if message.contains("Imported 1 assessment") {
            assert_shown(&page, payload, &what)?;
            rows += 1;
        }
        assert_fits(&page, 1280, 1280, &what)?;
    }
    println!(
        "team and CSV: {files} rater files, {links} pasted reply links, {rows} CSV rows shown"
    );
    assert!(
        files > 0 && links > 0 && rows > 0,
        "every channel was tried"
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
