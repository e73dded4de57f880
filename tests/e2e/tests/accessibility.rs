//! Accessibility journeys (WCAG 2.2 AA) through the built app in headless Chromium: one walk
//! that reaches every page and state the way a person would (home empty and with saved work,
//! setup, quick and full rating with help and notes open, the live outlook, an override with its
//! error, the report, the team page with an invitation, replies and the workshop, plan and
//! progress with the editor and the timeline chart, compare, a share link's preview, an import
//! error, a confirmation and the accessibility statement), checked at each state by axe-core in
//! light and dark colours, then again at 320 CSS pixels wide and at 400% zoom for sideways
//! scrolling (reflow, 1.4.10); and a keyboard-only journey from a new assessment to the report,
//! the team page and a download. Ignored by a plain `cargo test`; `cargo xtask test` runs them.

use nasss_core::share::encode;
use nasss_core::Assessment;
use nasss_e2e::axe::{emulate_viewport, sideways_overflow, Audit, WCAG_TAGS};
use nasss_e2e::page::{files_in, keys, temp_dir, wait_for_download};
use nasss_e2e::teams::{follow_link, paste_reply_links};
use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Error, Result};

fn fixture(name: &str) -> Assessment {
    let path = format!("{}/../fixtures/team/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    nasss_core::load(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Clicks the first element matching `selector` (for parts with no test id, such as a
/// `<summary>` that opens an example).
fn click_css(page: &AnalyserPage, selector: &str) -> Result<()> {
    let found = page.session().find_all_css(selector)?;
    let element = found
        .first()
        .ok_or_else(|| Error(format!("nothing matches {selector}")))?;
    page.session().click(element)
}

/// Walks through every page and state of the app from nothing saved, calling `check` at each
/// with the state's name. Every state has the footer's link to the accessibility statement.
fn visit_every_state(
    page: &AnalyserPage,
    check_state: &mut dyn FnMut(&AnalyserPage, &str) -> Result<()>,
) -> Result<()> {
    let mut check = |page: &AnalyserPage, state: &str| {
        if !page.is_present("footer-accessibility")? {
            return Err(Error(format!(
                "{state}: no link to the accessibility statement"
            )));
        }
        check_state(page, state)
    };
    page.clear_storage()?;
    page.wait_for("no-saved")?;
    check(page, "home, nothing saved")?;

    page.click("home-accessibility")?;
    let statement = page.wait_for_text_containing("accessibility-statement", "2 December 2026")?;
    for part in [
        "How accessible this app is",
        "Feedback and contact information",
        "Reporting accessibility problems with this app",
        "Equality and Human Rights Commission (EHRC)",
        "Equality Commission for Northern Ireland (ECNI)",
        "Compliance status",
        "Web Content Accessibility Guidelines version 2.2 AA",
        "Non-accessible content",
        "Preparation of this accessibility statement",
        "No manual audit has been done",
    ] {
        assert!(statement.contains(part), "{part:?} in the statement");
    }
    focus_moved_to_the_view(page)?;
    check(page, "accessibility statement")?;
    page.click("tab-compare")?;
    page.click("footer-accessibility")?;
    page.wait_for("accessibility-statement")?;

    // A quick assessment: setup, rating, the live outlook, notes, an override.
    page.click("tab-home")?;
    page.click("new-assessment")?;
    page.wait_for("start-rating")?;
    check(page, "setup")?;
    page.type_into("Name of the innovation", "Telecare pilot")?;
    page.choose("Setting", "Adult social care")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 7 domains rated")?;
    check(page, "quick rating, nothing rated")?;
    let levels = [
        "Simple",
        "Simple",
        "Simple",
        "Complicated",
        "Simple",
        "Simple",
        "Not sure yet",
    ];
    for (rated, (domain, level)) in nasss_core::model::Domain::ALL
        .into_iter()
        .zip(levels)
        .enumerate()
    {
        page.rate(domain.key(), level)?;
        page.wait_for_text("progress", &format!("{} of 7 domains rated", rated + 1))?;
    }
    page.wait_for_attribute("outlook", "data-band", "uncertain")?;
    check(page, "quick rating with the live outlook")?;
    page.click("notes-condition")?;
    page.type_into_id("note-condition", "Needs vary a lot between people")?;
    check(page, "quick rating with notes typed")?;
    page.click("override-technology")?;
    page.click("set-override-technology")?;
    page.wait_for("override-error-technology")?;
    check(page, "override form with its error")?;

    page.click("tab-report")?;
    page.wait_for("report")?;
    check(page, "report")?;

    // Plan and progress: the editor with a step, then two snapshots for the timeline.
    page.click("tab-plan")?;
    page.wait_for("plan-editor")?;
    check(page, "plan and progress")?;
    page.click("suggested-steps")?;
    page.click("add-suggested-4A")?;
    page.wait_for("step-1")?;
    check(page, "plan editor with a step")?;
    for moment in ["Before the pilot", "Six months in"] {
        page.type_into("Name of this moment", moment)?;
        page.click("take-snapshot")?;
        page.wait_for_text_containing("timeline", moment)?;
    }
    page.wait_for("timeline-chart")?;
    check(page, "plan with the timeline chart")?;

    page.click("tab-team")?;
    page.wait_for("make-invitation")?;
    check(page, "team page")?;
    page.click("make-invitation")?;
    page.wait_for("invitation-link")?;
    check(page, "team page with an invitation")?;

    page.click("tab-home")?;
    page.wait_for("saved-list")?;
    check(page, "home with saved assessments")?;
    page.click("delete-1")?;
    page.wait_for("confirm-delete-1")?;
    check(page, "confirm dialog")?;
    page.click("cancel-delete-1")?;

    let dir = temp_dir("a11y-broken")?;
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        "{\"schema\": \"nasss-assessment/1\",\n \"title\": 7}\n",
    )
    .map_err(|e| Error(e.to_string()))?;
    page.choose_file("Import an assessment file", &broken)?;
    page.wait_for_text_containing("message", "Could not import broken.json")?;
    check(page, "import error")?;
    let _ = std::fs::remove_dir_all(&dir);

    // A full assessment: a domain open, its examples open, a note typed.
    page.click("new-assessment")?;
    page.wait_for("start-rating")?;
    page.type_into("Name of the innovation", "Shared care record")?;
    page.choose("How detailed?", "Full: answer the 23 sub-domain questions")?;
    page.click("start-rating")?;
    page.wait_for_text("progress", "0 of 23 sub-domains rated")?;
    page.click("nav-technology")?;
    page.wait_for("rate-2A")?;
    page.rate("2A", "Complex")?;
    check(page, "full rating, a domain open")?;
    click_css(
        page,
        "fieldset[data-testid=\"rate-2A\"] details.example > summary",
    )?;
    check(page, "full rating with an example open")?;
    page.click("notes-2A")?;
    page.type_into_id("note-2A", "The sensors need a wired hub")?;
    check(page, "full rating with notes typed")?;

    page.click("tab-compare")?;
    page.wait_for("compare-table")?;
    check(page, "compare")?;

    // A team: an invitation link followed, replies merged, the workshop.
    follow_link(page, &encode(&fixture("invitation.json")))?;
    page.wait_for("link-contents")?;
    check(page, "share-link preview")?;
    page.click("save-link")?;
    page.click("tab-team")?;
    let links: Vec<String> = ["ann.json", "ben.json", "cy.json"]
        .map(|name| encode(&fixture(name)))
        .to_vec();
    paste_reply_links(page, &links)?;
    page.wait_for("disagreement")?;
    check(page, "team page with replies merged")?;
    page.click("start-workshop")?;
    page.wait_for("turn-name")?;
    check(page, "workshop")?;
    page.type_into_id("turn-name", "Ann")?;
    page.click("start-turn")?;
    page.wait_for("turn-condition")?;
    check(page, "workshop, a person's turn")?;
    Ok(())
}

#[test]
#[ignore = "needs dist/, axe-core and headless Chromium: run by `cargo xtask test`"]
fn axe_finds_no_wcag_violation_in_any_state() -> Result<()> {
    let page = AnalyserPage::open_from_disk()?;
    let mut audit = Audit::new()?;
    visit_every_state(&page, &mut |page, state| audit.check(page, state))?;
    let states = audit.states();
    assert!(states.len() >= 20, "every state was visited: {states:?}");
    println!(
        "axe-core ({}): {} rules run in each of {} states, light and dark: {}",
        WCAG_TAGS.join(", "),
        audit.rules_run(),
        states.len(),
        states.join("; ")
    );
    let report = audit.report();
    assert!(report.is_empty(), "axe-core found violations:\n{report}");
    Ok(())
}

#[test]
#[ignore = "needs dist/, axe-core and headless Chromium: run by `cargo xtask test`"]
fn the_audit_reports_a_violation_with_its_rule_and_place() -> Result<()> {
    // The same audit on a page with two faults put in on purpose: it must name them.
    let page = AnalyserPage::open_from_disk()?;
    page.session().execute(
        "const main = document.getElementById('main');
         main.insertAdjacentHTML('afterbegin',
           '<img id=\"no-alt\" src=\"data:,\"><p id=\"faint\" style=\"color:#ccc;background:#fff\">Faint words</p>');",
    )?;
    let mut audit = Audit::new()?;
    audit.check(&page, "home with two faults")?;
    let report = audit.report();
    for expected in [
        "home with two faults (light):",
        "home with two faults (dark):",
        "image-alt (critical): Images must have alternative text",
        "at #no-alt:",
        "color-contrast (serious)",
        "at #faint:",
    ] {
        assert!(report.contains(expected), "{expected:?} in:\n{report}");
    }
    Ok(())
}

/// Walks every state in a viewport `width` CSS pixels wide at `scale`, failing at the first
/// state that scrolls sideways.
fn reflows_in(width: u32, height: u32, scale: u32) -> Result<usize> {
    let page = AnalyserPage::open_from_disk()?;
    emulate_viewport(&page, width, height, scale)?;
    let inner = page.session().execute("return window.innerWidth;")?;
    assert_eq!(
        inner.as_u64(),
        Some(u64::from(width)),
        "the viewport's width"
    );
    let mut states = 0;
    visit_every_state(&page, &mut |page, state| {
        states += 1;
        match sideways_overflow(page)? {
            None => Ok(()),
            Some(overflow) => Err(Error(format!(
                "{state} scrolls sideways at {width} px (scale {scale}): {overflow}"
            ))),
        }
    })?;
    Ok(states)
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn every_state_fits_320_pixels_wide() -> Result<()> {
    let states = reflows_in(320, 640, 1)?;
    println!("reflow: {states} states fit 320 CSS px wide");
    assert!(states >= 20);
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn every_state_fits_a_1280_pixel_window_at_400_percent_zoom() -> Result<()> {
    // 1280 x 1024 device pixels at 4 device pixels per CSS pixel: 320 x 256 CSS pixels.
    let states = reflows_in(320, 256, 4)?;
    println!("reflow: {states} states fit a 1280 px window at 400% zoom");
    assert!(states >= 20);
    Ok(())
}

/// What has focus, and whether it shows a focus style: an outline or a box shadow.
fn focus_state(page: &AnalyserPage) -> Result<(String, bool)> {
    let answer = page.session().execute(
        "const e = document.activeElement;
         if (!e || e === document.body) return ['body', false];
         const s = getComputedStyle(e);
         const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
         return [e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset.testid ? '[' + e.dataset.testid + ']' : ''), ring];",
    )?;
    let name = answer[0].as_str().unwrap_or_default().to_owned();
    Ok((name, answer[1] == true))
}

/// Presses Tab (or Shift+Tab, `backwards`) until the focused element is the one with
/// `data-testid="{test_id}"` (at most `limit` presses), checking at each stop that focus is on
/// something and visible.
fn tab_to(page: &AnalyserPage, test_id: &str, backwards: bool, limit: usize) -> Result<()> {
    for _ in 0..limit {
        match backwards {
            true => page.press_together(&[keys::SHIFT, keys::TAB])?,
            false => page.press(&[keys::TAB])?,
        }
        let name = visible_focus(page)?;
        if name.contains(&format!("[{test_id}]")) {
            return Ok(());
        }
    }
    Err(Error(format!(
        "{limit} presses of Tab did not reach {test_id}"
    )))
}

/// What has focus, failing if it is nothing (`body`) or shows no focus style.
fn visible_focus(page: &AnalyserPage) -> Result<String> {
    let (name, visible) = focus_state(page)?;
    if name == "body" {
        return Err(Error("focus fell to body".into()));
    }
    if !visible {
        return Err(Error(format!(
            "{name} has focus but no visible focus style"
        )));
    }
    Ok(name)
}

/// After a view changes, focus is on the new view's heading or its main region, never lost.
fn focus_moved_to_the_view(page: &AnalyserPage) -> Result<()> {
    page.wait_until("focus to move to the new view", || {
        let (name, _) = focus_state(page)?;
        Ok(name.starts_with("main") || name.starts_with('h'))
    })
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_whole_quick_assessment_by_keyboard_alone() -> Result<()> {
    let downloads = temp_dir("a11y-keyboard")?;
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: Some(downloads.clone()),
        ..SessionOptions::default()
    })?;
    page.clear_storage()?;
    page.wait_for("no-saved")?;
    tab_to(&page, "new-assessment", false, 20)?;
    page.press(&[keys::ENTER])?;
    page.wait_for("start-rating")?;
    focus_moved_to_the_view(&page)?;
    // The name box comes first in the setup form.
    page.press(&[keys::TAB])?;
    assert!(visible_focus(&page)?.starts_with("input"), "the name box");
    page.press(&["K", "e", "y", "s"])?;
    tab_to(&page, "start-rating", false, 60)?;
    page.press(&[keys::ENTER])?;
    page.wait_for_text("progress", "0 of 7 domains rated")?;
    focus_moved_to_the_view(&page)?;

    // Quick mode shows the seven domains one under another: Tab on to each one's first
    // choice, Space chooses it, the down arrow moves to the next level and chooses that.
    for (rated, domain) in nasss_core::model::Domain::ALL.into_iter().enumerate() {
        let key = domain.key();
        let inside = format!(
            "return document.activeElement.closest('fieldset[data-testid=\"rate-{key}\"]') !== null;"
        );
        let mut reached = false;
        for _ in 0..40 {
            page.press(&[keys::TAB])?;
            visible_focus(&page)?;
            if page.session().execute(&inside)? == true {
                reached = true;
                break;
            }
        }
        assert!(reached, "Tab reached the rating of {key}");
        page.press(&[keys::SPACE])?;
        page.wait_for_text("progress", &format!("{} of 7 domains rated", rated + 1))?;
        if rated % 2 == 1 {
            page.press(&[keys::ARROW_DOWN])?;
            page.wait_for_text_containing(&format!("nav-{key}"), "Complicated")?;
        }
    }
    page.wait_for_text("progress", "7 of 7 domains rated")?;

    // Back up to the header, to the report, then its Markdown download.
    tab_to(&page, "tab-report", true, 200)?;
    page.press(&[keys::ENTER])?;
    page.wait_for("report")?;
    focus_moved_to_the_view(&page)?;
    tab_to(&page, "download-markdown", false, 100)?;
    let before = files_in(&downloads);
    page.press(&[keys::ENTER])?;
    let markdown = wait_for_download(&downloads, &before)?;
    let text = std::fs::read_to_string(&markdown).map_err(|e| Error(e.to_string()))?;
    assert!(text.starts_with("# NASSS assessment: Keys\n"), "{text}");

    // The team page, from the header, and an invitation made there.
    tab_to(&page, "tab-team", true, 200)?;
    page.press(&[keys::SPACE])?;
    page.wait_for("make-invitation")?;
    focus_moved_to_the_view(&page)?;
    tab_to(&page, "make-invitation", false, 20)?;
    page.press(&[keys::ENTER])?;
    page.wait_for("invitation-link")?;
    visible_focus(&page)?;
    let _ = std::fs::remove_dir_all(&downloads);
    Ok(())
}
