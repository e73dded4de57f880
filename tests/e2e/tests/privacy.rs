//! Privacy, proven on the built pages: each carries the strictest Content-Security-Policy it
//! allows (every inline script allowed by its hash, no `'unsafe-inline'` scripts, no connections
//! at all from the single file), the browser enforces it (an injected script is refused and
//! reported) while the app runs without a single violation, and a journey through every feature
//! of the app, in the single file and in `dist/hosted/` served on 127.0.0.1, makes no request
//! beyond the page itself. Ignored by a plain `cargo test`; `cargo xtask test` runs them.

use nasss_core::model::{Domain, Level};
use nasss_core::render::Format;
use nasss_core::Assessment;
use nasss_e2e::over_time::{choose_in, select_option};
use nasss_e2e::page::{dist_index, file_url, files_in, temp_dir, wait_for_download};
use nasss_e2e::privacy::{
    directive, hash_source, injected_script_ran, inline_scripts, meta_policy, other_targets,
    page_witness, violations, watch_violations, LoggingServer, RequestLog,
};
use nasss_e2e::teams::paste_reply_links;
use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Error, Result};
use serde_json::json;
use std::path::{Path, PathBuf};

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error(format!("{}: {e}", path.display())))
}

fn hosted_dir() -> PathBuf {
    dist_index().with_file_name("hosted")
}

/// Checks one built page's policy against the scripts actually in it; returns how many inline
/// scripts it holds.
fn check_policy(html: &str, connect: &str, script_self: bool) -> Result<usize> {
    let policy = meta_policy(html)?;
    let script_src = directive(&policy, "script-src")
        .ok_or_else(|| Error(format!("no script-src in {policy}")))?;
    assert!(
        !script_src.contains(&"'unsafe-inline'") && !script_src.contains(&"'unsafe-eval'"),
        "{policy}"
    );
    assert_eq!(script_src.contains(&"'self'"), script_self, "{policy}");
    let scripts = inline_scripts(html)?;
    assert!(!scripts.is_empty());
    for script in &scripts {
        let hash = hash_source(script);
        assert!(
            script_src.contains(&hash.as_str()),
            "the inline script starting {:?} ({hash}) is not allowed by {policy}",
            &script[..script.len().min(60)]
        );
    }
    let hashes = script_src
        .iter()
        .filter(|s| s.starts_with("'sha256-"))
        .count();
    assert_eq!(
        hashes,
        scripts.len(),
        "a hash for each script, no more: {policy}"
    );
    assert_eq!(
        directive(&policy, "connect-src"),
        Some(vec![connect]),
        "{policy}"
    );
    for (name, value) in [
        ("default-src", "'none'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("form-action", "'none'"),
    ] {
        assert_eq!(directive(&policy, name), Some(vec![value]), "{policy}");
    }
    Ok(scripts.len())
}

#[test]
#[ignore = "needs dist/: run by `cargo xtask test`"]
fn each_built_page_carries_the_strictest_policy_it_allows() -> Result<()> {
    let single = read(&dist_index())?;
    assert_eq!(check_policy(&single, "'none'", false)?, 2);
    // It loads nothing: no element of the single file names another file.
    for attribute in [" src=", " href=\"http", " href=\"/", " srcset="] {
        assert!(
            !single.contains(attribute),
            "{attribute} in dist/index.html"
        );
    }
    let hosted = read(&hosted_dir().join("index.html"))?;
    assert_eq!(check_policy(&hosted, "'self'", true)?, 2);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn the_policy_is_enforced_and_the_app_breaks_none_of_it() -> Result<()> {
    let page = AnalyserPage::open_from_disk()?;
    watch_violations(page.session())?;
    page.clear_storage()?;
    page.click("new-assessment")?;
    page.type_into("Name of the innovation", "Policy check")?;
    page.choose("Setting", "Adult social care")?;
    page.click("start-rating")?;
    page.rate("condition", "Complex")?;
    page.wait_for_text("progress", "1 of 7 domains rated")?;
    page.click("tab-report")?;
    page.wait_for("report")?;
    assert_eq!(violations(page.session())?, Vec::<String>::new());

    // A script put into the page, as an injection would, is refused and reported.
    assert!(
        !injected_script_ran(page.session())?,
        "the injected script ran"
    );
    page.wait_until("the refusal to be reported", || {
        Ok(!violations(page.session())?.is_empty())
    })?;
    let seen = violations(page.session())?;
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].starts_with("script-src"), "{seen:?}");
    // A connection attempt is refused too: the single file may connect nowhere.
    let fetched = page.session().execute(
        "return fetch('data:text/plain,hello').then(() => 'fetched', e => 'refused: ' + e);",
    )?;
    assert!(
        fetched.as_str().unwrap_or_default().starts_with("refused"),
        "{fetched}"
    );
    page.wait_until("the connection to be reported", || {
        Ok(violations(page.session())?
            .iter()
            .any(|v| v.starts_with("connect-src")))
    })?;
    Ok(())
}

/// A new assessment's ratings, one per domain.
const LEVELS: [Level; 7] = [
    Level::Complex,
    Level::Simple,
    Level::Complicated,
    Level::Complex,
    Level::Simple,
    Level::Complicated,
    Level::Simple,
];

/// What the journey did, in a person's words, one entry per feature.
type Features = Vec<&'static str>;

/// Clicks `test_id` and waits for the file it downloads.
fn download(page: &AnalyserPage, downloads: &Path, test_id: &str) -> Result<PathBuf> {
    let before = files_in(downloads);
    page.click(test_id)?;
    wait_for_download(downloads, &before)
}

/// The value of a text box (a link the app made, to copy).
fn value_of(page: &AnalyserPage, id: &str) -> Result<String> {
    page.wait_for(id)?;
    let value = page
        .session()
        .execute(&format!("return document.getElementById('{id}').value;"))?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// The page so far broke no part of its policy (checked before leaving each page, as the
/// listener's record goes with it).
fn no_violations(page: &AnalyserPage) -> Result<()> {
    assert_eq!(violations(page.session())?, Vec::<String>::new());
    Ok(())
}

/// Opens a link the app made, as a person pasting it into the address bar would.
fn open_link(page: &AnalyserPage, link: &str) -> Result<()> {
    no_violations(page)?;
    page.session().goto("about:blank")?;
    page.session().goto(link)?;
    page.wait_for("app").map(drop)
}

/// Backspaces enough to empty a short text box, then `text`.
fn retype(text: &str) -> String {
    format!("{}{text}", "\u{E003}".repeat(12))
}

fn quick_assessment(page: &AnalyserPage, features: &mut Features) -> Result<()> {
    page.click("new-assessment")?;
    page.wait_for("start-rating")?;
    page.type_into("Name of the innovation", "Privacy journey")?;
    page.choose("Setting", "Adult social care")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 7 domains rated")?;
    features.push("setup");
    for (domain, level) in Domain::ALL.into_iter().zip(LEVELS) {
        page.rate(domain.key(), level.label())?;
    }
    page.wait_for_text("progress", "7 of 7 domains rated")?;
    features.push("quick rating");
    page.click("notes-condition")?;
    page.type_into_id("note-condition", "Frank words about the service")?;
    page.type_into_id("evidence-condition", "Care plan audit\nFamily survey")?;
    features.push("notes and evidence");
    let expected = nasss_core::assess(&Assessment::quick("t", LEVELS));
    page.wait_for_attribute("outlook", "data-band", expected.outlook.key())?;
    features.push("live outlook");
    Ok(())
}

/// The report, printing, and every download; returns the exported assessment file.
fn report_and_downloads(
    page: &AnalyserPage,
    downloads: &Path,
    features: &mut Features,
) -> Result<PathBuf> {
    page.click("tab-report")?;
    page.wait_for("report")?;
    features.push("report page");
    page.click("print")?;
    features.push("print button");
    let printed = page.session().devtools("Page.printToPDF", json!({}))?;
    let pdf = nasss_e2e::webdriver::decode_base64(printed["data"].as_str().unwrap_or_default())?;
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    features.push("print to PDF");
    for format in Format::ALL {
        let file = download(page, downloads, &format!("download-{}", format.key()))?;
        assert_eq!(
            file.extension().and_then(|e| e.to_str()),
            Some(format.extension())
        );
        assert!(
            read(&file)?.contains("Privacy journey"),
            "{}",
            file.display()
        );
        features.push(match format {
            Format::Text => "text download",
            Format::Markdown => "Markdown download",
            Format::Json => "JSON download",
        });
    }
    let exported = download(page, downloads, "export-report")?;
    let assessment = nasss_core::load(&read(&exported)?).map_err(|e| Error(e.to_string()))?;
    assert_eq!(assessment.title, "Privacy journey");
    features.push("assessment file export");
    Ok(exported)
}

/// Makes an invitation and three replies (a file, a pasted link, a followed link merged into
/// the open assessment), opens the invitation, runs a workshop and brings the replies in.
fn team(page: &AnalyserPage, downloads: &Path, features: &mut Features) -> Result<()> {
    page.click("tab-team")?;
    page.click("make-invitation")?;
    let invitation = value_of(page, "invitation-link")?;
    download(page, downloads, "download-invitation")?;
    features.push("invitation (share link and file)");
    page.type_into_id("reply-name", "Dee")?;
    let reply_file = download(page, downloads, "download-reply")?;
    page.type_into_id("reply-name", &retype("Eve"))?;
    let eve = value_of(page, "reply-link")?;
    page.type_into_id("reply-name", &retype("Fay"))?;
    let fay = value_of(page, "reply-link")?;
    assert!(eve != fay && eve.contains('#'), "two reply links");
    features.push("reply links and file");

    open_link(page, &invitation)?;
    page.wait_for_text_containing("link-contents", "An invitation to rate")?;
    page.click("save-link")?;
    page.wait_for_text_containing("message", "as a new assessment")?;
    features.push("open a share link");

    page.click("tab-team")?;
    page.click("start-workshop")?;
    page.type_into_id("turn-name", "Gus")?;
    page.click("start-turn")?;
    choose_in(page, "turn-condition", "Simple")?;
    page.click("finish-turn")?;
    page.wait_until("the turn to close", || Ok(!page.is_present("turn")?))?;
    page.click("reveal")?;
    page.wait_for("disagreement")?;
    features.push("workshop");

    page.choose_file("Add reply files", &reply_file)?;
    page.wait_for_text_containing("message", "Dee")?;
    features.push("replies from files");
    paste_reply_links(page, &[eve])?;
    page.wait_for_text_containing("message", "Eve")?;
    features.push("replies from pasted links");
    open_link(page, &fay)?;
    page.click("merge-link")?;
    page.wait_for_text_containing("message", "Fay")?;
    page.click("tab-team")?;
    page.wait_for_text_containing("spread-condition", "Fay")?;
    features.push("merge a followed link");
    choose_in(page, "agree-condition", "Complicated")?;
    page.wait_for_text_containing("agreed-condition", "Agreed: Complicated")?;
    features.push("agree a level");
    Ok(())
}

/// A full assessment with an override, a plan, two snapshots, the timeline and the diff.
fn full_plan_and_time(page: &AnalyserPage, features: &mut Features) -> Result<()> {
    page.click("tab-home")?;
    page.click("new-assessment")?;
    page.type_into("Name of the innovation", "Privacy full")?;
    page.choose("How detailed?", "Full: answer the 23 sub-domain questions")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 23 sub-domains rated")?;
    page.click("nav-technology")?;
    page.rate("2A", "Complex")?;
    page.rate("2B", "Simple")?;
    page.wait_for_text("progress", "2 of 23 sub-domains rated")?;
    features.push("full rating");
    let summary = page
        .session()
        .find_all_css("[data-testid='override-technology'] > summary")?;
    page.session().click(
        summary
            .first()
            .ok_or_else(|| Error("no override for technology".into()))?,
    )?;
    choose_in(page, "override-level-technology", "Simple")?;
    page.type_into_id("override-reason-technology", "The supplier runs it for us")?;
    page.click("set-override-technology")?;
    page.wait_for("remove-override-technology")?;
    features.push("override");

    page.click("tab-plan")?;
    page.wait_for("plan-editor")?;
    page.click("suggested-steps")?;
    let add = page
        .session()
        .find_all_css("[data-testid^='add-suggested-']")?;
    page.session().click(
        add.first()
            .ok_or_else(|| Error("no suggested step".into()))?,
    )?;
    page.wait_for("step-1")?;
    page.type_into("Owner", "Scheme manager")?;
    features.push("plan editor");
    page.type_into("Name of this moment", "Before")?;
    page.click("take-snapshot")?;
    page.wait_for_text_containing("timeline", "Before")?;
    page.click("tab-rate")?;
    page.click("nav-technology")?;
    page.rate("2B", "Complex")?;
    page.click("tab-plan")?;
    choose_in(page, "step-status-1", "Done")?;
    page.type_into("Name of this moment", "After")?;
    page.click("take-snapshot")?;
    page.wait_for_text_containing("timeline", "After")?;
    page.wait_for("timeline-chart")?;
    features.push("snapshots and timeline");
    select_option(page, "diff-from", "Before")?;
    select_option(page, "diff-to", "After")?;
    page.wait_for_text_containing("difference", "What changed")?;
    features.push("diff");
    Ok(())
}

fn compare(page: &AnalyserPage, downloads: &Path, features: &mut Features) -> Result<()> {
    page.click("tab-compare")?;
    page.wait_for("compare-table")?;
    page.choose("Sort by", "Best outlook first")?;
    features.push("compare page");
    let csv = download(page, downloads, "export-csv")?;
    features.push("CSV export");
    page.choose_file("Import profiles from CSV", &csv)?;
    page.wait_for_text_containing("message", "Imported")?;
    features.push("CSV import");
    page.click("print-compare")?;
    features.push("print the comparison");
    Ok(())
}

fn saved_list(page: &AnalyserPage, exported: &Path, features: &mut Features) -> Result<()> {
    page.click("tab-home")?;
    page.choose_file("Import an assessment file", exported)?;
    page.wait_for_text_containing("message", "Imported \"Privacy journey\"")?;
    features.push("import a file");
    page.click("tab-home")?;
    page.wait_for("saved-list")?;
    let count = page.texts("saved-title")?.len();
    page.click("rename-1")?;
    let input = page.wait_for("rename-input-1")?;
    page.session().send_keys(&input, " renamed")?;
    page.click("rename-save-1")?;
    page.wait_until("the new name", || {
        Ok(page
            .texts("saved-title")?
            .iter()
            .any(|t| t.ends_with(" renamed")))
    })?;
    features.push("rename");
    page.click("duplicate-1")?;
    page.click("tab-home")?;
    page.wait_until("the copy", || {
        Ok(page.texts("saved-title")?.len() == count + 1)
    })?;
    features.push("duplicate");
    page.click(&format!("delete-{}", count + 1))?;
    page.click(&format!("confirm-delete-{}", count + 1))?;
    page.wait_until("the deletion", || {
        Ok(page.texts("saved-title")?.len() == count)
    })?;
    features.push("delete");
    no_violations(page)?;
    page.reload()?;
    page.click("tab-home")?;
    page.wait_until("the list after reload", || {
        Ok(page.texts("saved-title")?.len() == count)
    })?;
    features.push("reload");
    Ok(())
}

/// Uses every feature of the app open in `page`, downloading into `downloads`.
fn every_feature(page: &AnalyserPage, downloads: &Path) -> Result<Features> {
    let mut features = Features::new();
    quick_assessment(page, &mut features)?;
    let exported = report_and_downloads(page, downloads, &mut features)?;
    team(page, downloads, &mut features)?;
    full_plan_and_time(page, &mut features)?;
    compare(page, downloads, &mut features)?;
    saved_list(page, &exported, &mut features)?;
    Ok(features)
}

/// A browser that saves downloads in a fresh folder.
fn with_downloads(name: &str) -> Result<(SessionOptions, PathBuf)> {
    let downloads = temp_dir(name)?;
    let options = SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    };
    Ok((options, downloads))
}

/// What both variants must show at the end: no worker of any kind, no resource the page
/// fetched beyond `own`, no policy broken, and the policy enforced.
fn nothing_else(page: &AnalyserPage, own: &[String]) -> Result<()> {
    assert_eq!(other_targets(page.session())?, Vec::<String>::new());
    let (resources, workers) = page_witness(page.session())?;
    assert_eq!(workers, 0, "service workers");
    let foreign: Vec<_> = resources.iter().filter(|r| !own.contains(r)).collect();
    assert!(foreign.is_empty(), "the page fetched {foreign:?}");
    no_violations(page)?;
    // And the policy is in force: an injected script is refused.
    assert!(
        !injected_script_ran(page.session())?,
        "the injected script ran"
    );
    page.wait_until("the refusal to be reported", || {
        Ok(violations(page.session())?.len() == 1)
    })?;
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn every_feature_of_the_single_file_requests_nothing_beyond_the_page() -> Result<()> {
    let (options, downloads) = with_downloads("privacy")?;
    let page = AnalyserPage::open_from_disk_with(&options)?;
    watch_violations(page.session())?;
    page.clear_storage()?;
    let mut log = RequestLog::default();
    let features = every_feature(&page, &downloads)?;
    log.collect(&page)?;
    let page_url = file_url(
        &dist_index()
            .canonicalize()
            .map_err(|e| Error(e.to_string()))?,
    );
    assert_eq!(page.url(), page_url);
    assert_eq!(log.beyond(&page_url, &[]), Vec::<String>::new());
    assert!(
        log.count(&page_url) >= 2,
        "the log saw the page load: {:?}",
        log.urls
    );
    nothing_else(&page, &[])?;
    println!(
        "single file: {} features ({}), {} files downloaded, {} requests seen ({} of the page \
         itself, {} data:, {} blob:), none beyond the page",
        features.len(),
        features.join(", "),
        files_in(&downloads).len(),
        log.urls.len(),
        log.count(&page_url),
        log.count("data:"),
        log.count("blob:")
    );
    let _ = std::fs::remove_dir_all(&downloads);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn every_feature_of_the_hosted_page_asks_only_its_own_server_for_its_own_files() -> Result<()> {
    let server = LoggingServer::serve(&hosted_dir())?;
    let (options, downloads) = with_downloads("privacy-hosted")?;
    let page_url = format!("{}/", server.origin);
    let page = AnalyserPage::open_with_options(&page_url, &options)?;
    watch_violations(page.session())?;
    page.clear_storage()?;
    let mut log = RequestLog::default();
    let features = every_feature(&page, &downloads)?;
    log.collect(&page)?;
    let own: Vec<String> = ["nasss_web.js", "nasss_web_bg.wasm"]
        .map(|name| format!("{page_url}{name}"))
        .to_vec();
    assert_eq!(log.beyond(&page_url, &own), Vec::<String>::new());
    for file in &own {
        assert!(log.urls.contains(file), "{file} in {:?}", log.urls);
    }
    let mut asked: Vec<String> = server.requests();
    let sent = asked.len();
    asked.sort();
    asked.dedup();
    assert_eq!(
        asked,
        ["GET /", "GET /nasss_web.js", "GET /nasss_web_bg.wasm"],
        "the server was asked for its three files and nothing else"
    );
    // The browser's log saw every request the server was sent: it misses nothing.
    assert!(
        log.count(&server.origin) >= sent,
        "the server was sent {sent} requests, the browser reported {:?}",
        log.urls
    );
    nothing_else(&page, &own)?;
    println!(
        "hosted: {} features, {} files downloaded, {} requests seen by the browser ({} data:, \
         {} blob:), {} sent to the server, all for its three files",
        features.len(),
        files_in(&downloads).len(),
        log.urls.len(),
        log.count("data:"),
        log.count("blob:"),
        sent
    );
    let _ = std::fs::remove_dir_all(&downloads);
    Ok(())
}
