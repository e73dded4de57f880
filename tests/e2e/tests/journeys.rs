//! Journeys through the built app, as a person takes them: open it in headless Chromium and use
//! it. Each journey starts its own browser with nothing saved. They need `cargo xtask dist` and
//! Chromium with ChromeDriver, so they are ignored by a plain `cargo test`; `cargo xtask test`
//! runs them with `--ignored`.

use nasss_core::model::{Domain, Level};
use nasss_core::Assessment;
use nasss_e2e::page::{files_in, hosted_url, keys, temp_dir, wait_for_download};
use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Result};

const CHOICES: [&str; 4] = ["Simple", "Complicated", "Complex", "Not sure yet"];

/// Opens the page from disk with nothing saved.
fn fresh_page() -> Result<AnalyserPage> {
    let page = AnalyserPage::open_from_disk()?;
    page.clear_storage()?;
    Ok(page)
}

/// From the start page: a new quick assessment called `title`, on its rating page.
fn start_quick_assessment(page: &AnalyserPage, title: &str) -> Result<()> {
    page.click("new-assessment")?;
    page.wait_for("start-rating")?;
    page.type_into("Name of the innovation", title)?;
    page.choose("Setting", "Adult social care")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 7 domains rated")
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_quick_assessment_gives_the_engines_outlook() -> Result<()> {
    let page = fresh_page()?;
    assert_eq!(page.heading()?, "NASSS complexity analyser");
    start_quick_assessment(&page, "Telecare pilot")?;
    assert_eq!(page.view_heading()?, "Rate: Telecare pilot");

    let levels = [
        Level::Complex,
        Level::Simple,
        Level::Complicated,
        Level::Complex,
        Level::Simple,
        Level::Complicated,
        Level::Simple,
    ];
    for (rated, (domain, level)) in Domain::ALL.into_iter().zip(levels).enumerate() {
        let key = domain.key();
        let labels = page.choices(&legend_of(&page, key)?)?;
        assert_eq!(labels, CHOICES, "the choices for {key}");
        page.rate(key, level.label())?;
        page.wait_for_text("progress", &format!("{} of 7 domains rated", rated + 1))?;
        assert!(
            page.is_rated(key, level.label())?,
            "{key}: {level:?} is checked"
        );
    }

    let expected = nasss_core::assess(&Assessment::quick("t", levels));
    page.wait_for_attribute("outlook", "data-band", expected.outlook.key())?;
    assert_eq!(page.text("outlook-band")?, expected.outlook.best.label());
    // The navigation and the profile table say each level in words.
    assert!(page.text("nav-condition")?.contains("Complex"));
    assert!(page.text("profile-technology")?.contains("Simple"));

    // Changing one's mind does not count a domain twice, and the outlook follows.
    page.rate("condition", "Simple")?;
    let mut changed = levels;
    changed[0] = Level::Simple;
    let expected = nasss_core::assess(&Assessment::quick("t", changed));
    page.wait_for_attribute("outlook", "data-band", expected.outlook.key())?;
    page.wait_for_text("progress", "7 of 7 domains rated")?;

    // The report shows the same outlook and the board summary's parts.
    page.click("tab-report")?;
    page.wait_for("report")?;
    assert_eq!(page.text("outlook-band")?, expected.outlook.best.label());
    assert!(page.is_present("profile-chart")? && page.is_present("profile-table")?);
    page.wait_for_text_containing("crosswalk", "covered")?;

    // The single file carries everything it needs: it asked for nothing, not even from disk.
    assert_eq!(page.requests_beyond_the_page()?, Vec::<String>::new());
    Ok(())
}

/// The legend of the rating fieldset of an item, as shown.
fn legend_of(page: &AnalyserPage, item: &str) -> Result<String> {
    let legend = page
        .session()
        .find_all_css(&format!("fieldset[data-testid=\"rate-{item}\"] > legend"))?;
    let legend = legend
        .first()
        .ok_or_else(|| nasss_e2e::Error(format!("no rating fieldset for {item}")))?;
    Ok(page.session().text(legend)?.trim().to_owned())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_full_assessment_counts_sub_domains_and_stays_uncertain() -> Result<()> {
    let page = fresh_page()?;
    page.click("new-assessment")?;
    page.type_into("Name of the innovation", "Shared care record")?;
    page.choose("How detailed?", "Full: answer the 23 sub-domain questions")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 23 sub-domains rated")?;

    page.click("nav-technology")?;
    assert!(legend_of(&page, "2A")?.starts_with("2A Material features"));
    page.rate("2A", "Complex")?;
    page.rate("2B", "Simple")?;
    page.wait_for_text("progress", "2 of 23 sub-domains rated")?;
    page.click("nav-organisation")?;
    page.rate("5C", "Complicated")?;
    page.wait_for_text("progress", "3 of 23 sub-domains rated")?;

    page.wait_for_attribute("outlook", "data-band", "uncertain")?;
    let band = page.text("outlook-band")?;
    assert!(band.starts_with("Uncertain: between"), "{band}");
    assert!(page.text("nav-technology")?.contains("Complex"));
    // Going back shows what was chosen.
    page.click("nav-technology")?;
    assert!(page.is_rated("2A", "Complex")?);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn work_survives_a_reload() -> Result<()> {
    let page = fresh_page()?;
    start_quick_assessment(&page, "GPS trackers")?;
    page.rate("technology", "Complicated")?;
    page.rate("organisation", "Not sure yet")?;
    page.wait_for_text("progress", "2 of 7 domains rated")?;

    page.reload()?;
    page.wait_for_text("progress", "2 of 7 domains rated")?;
    assert_eq!(page.view_heading()?, "Rate: GPS trackers");
    assert!(page.is_rated("technology", "Complicated")?);
    assert!(page.is_rated("organisation", "Not sure yet")?);

    page.click("tab-home")?;
    assert_eq!(page.texts("saved-title")?, vec!["GPS trackers".to_string()]);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn export_delete_import_round_trips_the_file() -> Result<()> {
    let downloads = temp_dir("downloads")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    page.clear_storage()?;
    start_quick_assessment(&page, "Export round trip")?;
    page.rate("condition", "Complex")?;
    page.rate("value_proposition", "Complicated")?;
    page.click("notes-condition")?;
    page.type_into_id("note-condition", "Needs vary a lot")?;
    page.wait_for_text("progress", "2 of 7 domains rated")?;

    page.click("tab-home")?;
    page.click("export-1")?;
    let first = wait_for_download(&downloads, &[])?;
    assert_eq!(
        first.file_name().and_then(|n| n.to_str()),
        Some("export-round-trip.json")
    );
    let exported = std::fs::read_to_string(&first).map_err(|e| nasss_e2e::Error(e.to_string()))?;
    let assessment = nasss_core::load(&exported).map_err(|e| nasss_e2e::Error(e.to_string()))?;
    assert_eq!(assessment.title, "Export round trip");
    assert_eq!(
        assessment.domain_ratings[&Domain::Condition].note,
        "Needs vary a lot"
    );

    page.click("delete-1")?;
    page.click("confirm-delete-1")?;
    page.wait_for("no-saved")?;

    page.choose_file("Import an assessment file", &first)?;
    page.wait_for_text_containing("message", "Imported \"Export round trip\"")?;
    page.wait_for_text("progress", "2 of 7 domains rated")?;
    page.click("tab-home")?;
    assert_eq!(
        page.texts("saved-title")?,
        vec!["Export round trip".to_string()]
    );

    let before = files_in(&downloads);
    page.click("export-1")?;
    let second = wait_for_download(&downloads, &before)?;
    let reexported =
        std::fs::read_to_string(&second).map_err(|e| nasss_e2e::Error(e.to_string()))?;
    assert_eq!(reexported, exported, "the re-exported file is identical");

    // The report downloads as Markdown, rendered by the engine.
    page.click("open-1")?;
    page.click("tab-report")?;
    let before = files_in(&downloads);
    page.click("download-markdown")?;
    let markdown = wait_for_download(&downloads, &before)?;
    assert_eq!(
        markdown.file_name().and_then(|n| n.to_str()),
        Some("export-round-trip.md")
    );
    let markdown =
        std::fs::read_to_string(&markdown).map_err(|e| nasss_e2e::Error(e.to_string()))?;
    assert!(
        markdown.starts_with("# NASSS assessment: Export round trip\n"),
        "{markdown}"
    );
    // Byte for byte what the command line prints for the same file.
    let cli = std::env::var_os("NASSS_CLI").ok_or_else(|| {
        nasss_e2e::Error("NASSS_CLI names the `nasss` binary (set by `cargo xtask test`)".into())
    })?;
    let printed = std::process::Command::new(cli)
        .args(["assess", "--format", "markdown"])
        .arg(&second)
        .output()
        .map_err(|e| nasss_e2e::Error(format!("cannot run nasss: {e}")))?;
    assert!(printed.status.success(), "{printed:?}");
    assert_eq!(
        String::from_utf8_lossy(&printed.stdout),
        markdown,
        "the app's Markdown is what `nasss assess FILE --format markdown` prints"
    );
    let _ = std::fs::remove_dir_all(&downloads);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_broken_file_is_refused_with_its_line_and_nothing_is_lost() -> Result<()> {
    let page = fresh_page()?;
    start_quick_assessment(&page, "Kept safe")?;
    page.rate("technology", "Simple")?;
    page.click("tab-home")?;
    page.wait_for("saved-list")?;

    let dir = temp_dir("broken")?;
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        "{\"schema\": \"nasss-assessment/1\", \"title\": \"Broken\",\n \"ratings\": {\"5C\": {\"level\": \"chaotic\"}}}\n",
    )
    .map_err(|e| nasss_e2e::Error(e.to_string()))?;
    page.choose_file("Import an assessment file", &broken)?;
    let error = page.wait_for_text_containing("message", "Could not import broken.json")?;
    assert!(error.contains("line 2, column"), "{error}");
    assert!(error.contains("ratings.5C.level"), "{error}");
    assert_eq!(page.attribute("message", "role")?.as_deref(), Some("alert"));
    assert_eq!(page.texts("saved-title")?, vec!["Kept safe".to_string()]);

    page.reload()?;
    page.click("tab-home")?;
    assert_eq!(page.texts("saved-title")?, vec!["Kept safe".to_string()]);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn rating_by_keyboard_alone() -> Result<()> {
    let page = fresh_page()?;
    start_quick_assessment(&page, "Keyboard")?;
    // From the last item of the domain list, Tab reaches the first domain's first choice.
    page.focus("nav-embedding_adaptation")?;
    page.press(&[keys::TAB])?;
    assert_eq!(page.focused()?, "input radio simple Simple");
    page.press(&[keys::SPACE])?;
    page.wait_for_text("progress", "1 of 7 domains rated")?;
    assert!(page.is_rated("condition", "Simple")?);
    // Arrow keys move along the group and choose as they go.
    page.press(&[keys::ARROW_DOWN])?;
    page.wait_for_text_containing("nav-condition", "Complicated")?;
    assert!(page.is_rated("condition", "Complicated")?);
    assert_eq!(page.focused()?, "input radio complicated Complicated");
    page.wait_for_text("progress", "1 of 7 domains rated")?;
    Ok(())
}

#[test]
#[ignore = "needs dist/ served on 127.0.0.1 and headless Chromium: run by `cargo xtask test`"]
fn the_hosted_variant_loads_its_files_from_its_own_server() -> Result<()> {
    let page = AnalyserPage::open(&hosted_url()?)?;
    page.clear_storage()?;
    assert_eq!(page.heading()?, "NASSS complexity analyser");
    start_quick_assessment(&page, "Hosted")?;
    page.rate("technology", "Complicated")?;
    page.wait_for_text("progress", "1 of 7 domains rated")?;

    // It fetched its glue and wasm, and nothing from anywhere else.
    let requests = page.requests_beyond_the_page()?;
    let own = |name: &str| requests.iter().any(|url| url.ends_with(name));
    assert!(
        own("nasss_web.js") && own("nasss_web_bg.wasm"),
        "{requests:?}"
    );
    let elsewhere: Vec<_> = requests
        .iter()
        .filter(|url| !url.starts_with(page.url()))
        .collect();
    assert!(
        elsewhere.is_empty(),
        "requests beyond its own folder: {elsewhere:?}"
    );
    Ok(())
}
