//! Browser tests of the web app: each test empties local storage, mounts [`App`] into a fresh
//! `<div>` in headless Chromium and works it through the DOM, as a person would (clicking
//! radios and buttons, typing), then unmounts it. Run by `cargo xtask test` (see
//! `xtask/src/browser.rs`), which sets the wasm-bindgen test runner and chromedriver;
//! `webdriver.json` in the crate holds the Chromium flags.

use nasss_core::model::{Domain, Level};
use nasss_core::Assessment;
use nasss_web::storage::{BACKUP_PREFIX, LIBRARY_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// The radio labelled `label` among the choices of the fieldset with `data-testid={testid}`.
fn radio(root: &Element, testid: &str, label: &str) -> HtmlInputElement {
    all(
        root,
        &format!("[data-testid=\"{testid}\"] > .options label"),
    )
    .into_iter()
    .find(|element| element.text_content().unwrap_or_default().trim() == label)
    .unwrap_or_else(|| panic!("no radio labelled {label:?} in {testid}"))
    .query_selector("input[type=radio]")
    .unwrap()
    .expect("label without a radio button")
    .dyn_into::<HtmlInputElement>()
    .unwrap()
}

fn band(root: &Element) -> String {
    root.query_selector("[data-testid=outlook]")
        .unwrap()
        .expect("the outlook panel")
        .get_attribute("data-band")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_start_page_offers_a_new_assessment_and_the_examples() {
    let app = mount_fresh().await;
    let root = &app.root;
    assert_eq!(text(root, "h1"), "NASSS complexity analyser");
    wait_for(root, "[data-testid=no-saved]").await;
    let examples = all(root, ".example-item");
    assert!(examples.len() >= 3, "worked examples and cases are listed");
    assert!(text(root, ".examples-list").contains("Published case"));
    assert!(text(root, ".examples-list").contains("Outcome: "));
}

#[wasm_bindgen_test]
async fn rating_every_domain_gives_the_engines_outlook() {
    let app = mount_fresh().await;
    let root = &app.root;
    start_quick(root, "Telecare").await;
    assert_eq!(text(root, "main h2"), "Rate: Telecare");
    assert_eq!(band(root), "uncertain", "nothing rated yet");

    let levels = [
        Level::Complex,
        Level::Complicated,
        Level::Simple,
        Level::Complex,
        Level::Simple,
        Level::Simple,
        Level::Complicated,
    ];
    for (rated, (domain, level)) in Domain::ALL.into_iter().zip(levels).enumerate() {
        let testid = format!("rate-{}", domain.key());
        let labels: Vec<String> = all(root, &format!("[data-testid={testid}] > .options label"))
            .iter()
            .map(|label| label.text_content().unwrap_or_default().trim().to_owned())
            .collect();
        assert_eq!(labels, ["Simple", "Complicated", "Complex", "Not sure yet"]);
        click(&radio(root, &testid, level.label())).await;
        wait_for_text(
            root,
            "[data-testid=progress]",
            &format!("{} of 7 domains rated", rated + 1),
        )
        .await;
    }
    let expected = nasss_core::assess(&Assessment::quick("t", levels));
    assert_eq!(band(root), expected.outlook.key());
    assert_eq!(
        text(root, "[data-testid=outlook-band]"),
        expected.outlook.best.label()
    );
    assert!(
        text(root, "[data-testid=drivers]").contains("Complex"),
        "the drivers are named"
    );

    // Simplifying the complex domains improves the outlook.
    click(&radio(root, "rate-condition", "Simple")).await;
    click(&radio(root, "rate-adopter_system", "Simple")).await;
    let mut better = levels;
    better[0] = Level::Simple;
    better[3] = Level::Simple;
    let improved = nasss_core::assess(&Assessment::quick("t", better));
    assert_eq!(band(root), improved.outlook.key());
    assert!(improved.outlook.best < expected.outlook.best);
    assert!(radio(root, "rate-condition", "Simple").checked());
    assert!(!radio(root, "rate-condition", "Complex").checked());
}

#[wasm_bindgen_test]
async fn a_full_assessment_moves_between_domains() {
    let app = mount_fresh().await;
    let root = &app.root;
    click_testid(root, "new-assessment").await;
    click(&radio(
        root,
        "mode",
        "Full: answer the 23 sub-domain questions",
    ))
    .await;
    click_testid(root, "start-rating").await;
    wait_for_text(root, "[data-testid=progress]", "0 of 23 sub-domains rated").await;
    assert!(text(root, "[data-testid=rate-1A] > legend").starts_with("1A "));

    click_testid(root, "nav-technology").await;
    let legend = text(root, "[data-testid=rate-2A] > legend");
    assert!(legend.starts_with("2A Material features"), "{legend}");
    click(&radio(root, "rate-2A", "Complex")).await;
    click(&radio(root, "rate-2C", "Not sure yet")).await;
    wait_for_text(root, "[data-testid=progress]", "2 of 23 sub-domains rated").await;
    assert_eq!(band(root), "uncertain");
    assert!(text(root, "[data-testid=nav-technology]").contains("Complex"));
    assert!(!all(root, "[data-testid=pivotal] li").is_empty());

    click_testid(root, "step-next").await;
    wait_for(root, "[data-testid=rate-3A]").await;
}

#[wasm_bindgen_test]
async fn an_override_needs_a_reason_and_can_be_removed() {
    let app = mount_fresh().await;
    let root = &app.root;
    start_quick(root, "Override").await;
    click_testid(root, "override-technology").await;
    click(&radio(root, "override-level-technology", "Complex")).await;
    click_testid(root, "set-override-technology").await;
    let error = text(root, "[data-testid=override-error-technology]");
    assert!(error.contains("needs a written reason"), "{error}");
    assert_eq!(
        wait_for(root, "[data-testid=override-error-technology]")
            .await
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );
    assert!(text(root, "[data-testid=profile-technology]").contains("not sure yet"));

    type_into(
        root,
        "#override-reason-technology",
        "The supplier is pulling out",
    )
    .await;
    click_testid(root, "set-override-technology").await;
    wait_for(root, "[data-testid=remove-override-technology]").await;
    assert!(text(root, "[data-testid=override-technology]").contains("The supplier is pulling out"));
    assert!(text(root, "[data-testid=profile-technology]").contains("Set by hand"));
    assert!(text(root, "[data-testid=profile-technology]").contains("Complex"));

    click_testid(root, "remove-override-technology").await;
    wait_for(root, "[data-testid=set-override-technology]").await;
    assert!(!text(root, "[data-testid=profile-technology]").contains("Set by hand"));
}

#[wasm_bindgen_test]
async fn work_is_saved_at_once_and_reopens() {
    let app = mount_fresh().await;
    start_quick(&app.root, "Kept").await;
    click(&radio(&app.root, "rate-organisation", "Complicated")).await;
    click_testid(&app.root, "notes-organisation").await;
    type_into(
        &app.root,
        "#evidence-organisation",
        "Board minutes\n\nBudget\n",
    )
    .await;
    settle().await;
    let stored = storage().get_item(LIBRARY_KEY).unwrap().expect("saved");
    assert!(stored.contains("\"Kept\""), "{stored}");
    assert!(stored.contains("complicated"), "{stored}");
    assert!(
        stored.contains("[\"Board minutes\",\"Budget\"]"),
        "{stored}"
    );
    drop(app);

    // Opening the app again reopens the same assessment where it was.
    let app = mount().await;
    wait_for_text(&app.root, "[data-testid=progress]", "1 of 7 domains rated").await;
    assert_eq!(text(&app.root, "main h2"), "Rate: Kept");
    assert!(radio(&app.root, "rate-organisation", "Complicated").checked());
}

#[wasm_bindgen_test]
async fn corrupt_storage_is_kept_aside_and_reported() {
    storage().clear().unwrap();
    storage()
        .set_item(LIBRARY_KEY, "{this is not json")
        .unwrap();
    let app = mount().await;
    let root = &app.root;
    let problem = wait_for(root, "[data-testid=storage-problem]").await;
    assert_eq!(problem.get_attribute("role").as_deref(), Some("alert"));
    assert!(problem
        .text_content()
        .unwrap_or_default()
        .contains("kept aside"));
    let storage = storage();
    let backups: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|index| storage.key(index).unwrap())
        .filter(|key| key.starts_with(BACKUP_PREFIX))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        storage.get_item(&backups[0]).unwrap().as_deref(),
        Some("{this is not json")
    );
    // The app still works, and saves again.
    start_quick(root, "After").await;
    assert!(storage
        .get_item(LIBRARY_KEY)
        .unwrap()
        .unwrap()
        .contains("\"After\""));
}

#[wasm_bindgen_test]
async fn saved_assessments_can_be_renamed_duplicated_and_deleted() {
    let app = mount_fresh().await;
    let root = &app.root;
    start_quick(root, "First").await;
    click_testid(root, "tab-home").await;
    click_testid(root, "rename-1").await;
    type_into(root, "[data-testid=rename-input-1]", "Renamed").await;
    click_testid(root, "rename-save-1").await;
    wait_for_text(
        root,
        "[data-testid=saved-1] [data-testid=saved-title]",
        "Renamed",
    )
    .await;
    click_testid(root, "duplicate-1").await;
    wait_for_text(
        root,
        "[data-testid=saved-2] [data-testid=saved-title]",
        "Copy of Renamed",
    )
    .await;

    // Delete asks first, with keyboard focus on the safe answer; "No" keeps it.
    click_testid(root, "delete-2").await;
    let focused = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|element| element.get_attribute("data-testid"));
    assert_eq!(focused.as_deref(), Some("cancel-delete-2"));
    click_testid(root, "cancel-delete-2").await;
    assert_eq!(all(root, "[data-testid=saved-title]").len(), 2);
    click_testid(root, "delete-2").await;
    click_testid(root, "confirm-delete-2").await;
    assert_eq!(all(root, "[data-testid=saved-title]").len(), 1);
    assert!(text(root, "[data-testid=message]").contains("Deleted"));
}

#[wasm_bindgen_test]
async fn the_report_has_the_board_summary_the_detail_and_the_model_card() {
    let app = mount_fresh().await;
    let root = &app.root;
    start_quick(root, "Board paper").await;
    click(&radio(root, "rate-technology", "Complex")).await;
    click(&radio(root, "rate-wider_system", "Complicated")).await;
    click_testid(root, "tab-report").await;
    let report = wait_for(root, "[data-testid=report]").await;
    let shown = report.text_content().unwrap_or_default();
    for part in [
        "NASSS assessment: Board paper",
        "Mainstreaming outlook",
        "Domain profile",
        "What drives it",
        "What would change it",
        "Top strategies",
        "Ratings in detail",
        "All strategies",
        "Social care crosswalk",
        "not covered",
    ] {
        assert!(shown.contains(part), "the report lacks {part:?}");
    }
    assert!(wait_for(root, "[data-testid=print]")
        .await
        .text_content()
        .unwrap_or_default()
        .contains("Print or save as PDF"));
    assert!(root
        .query_selector("[data-testid=profile-chart]")
        .unwrap()
        .is_some());
    let bold: Vec<String> = all(root, "[data-testid=how-to-read] strong")
        .iter()
        .map(|strong| strong.text_content().unwrap_or_default())
        .collect();
    assert!(bold.contains(&"Very likely".to_string()), "{bold:?}");
    assert!(bold.contains(&"Uncertain".to_string()), "{bold:?}");
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_not_a_crash() {
    let app = mount_fresh().await;
    let root = &app.root;
    start_quick(root, "Quota").await;
    js_sys::eval(
        "window.__nasssSetItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
    click(&radio(root, "rate-condition", "Complex")).await;
    let error = wait_for(root, "[data-testid=save-error]").await;
    js_sys::eval("Storage.prototype.setItem = window.__nasssSetItem;").unwrap();
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let message = error.text_content().unwrap_or_default();
    assert!(message.contains("QuotaExceededError"), "{message}");
    assert!(message.contains("Export"), "{message}");
    // The app keeps working, and the next change saves and clears the error.
    assert!(radio(root, "rate-condition", "Complex").checked());
    click(&radio(root, "rate-technology", "Simple")).await;
    wait_for_absent(root, "[data-testid=save-error]").await;
    assert!(storage()
        .get_item(LIBRARY_KEY)
        .unwrap()
        .unwrap()
        .contains("\"Quota\""));
}

/// The id of the element with keyboard focus.
fn focused_id() -> Option<String> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .map(|element| element.id())
}

#[wasm_bindgen_test]
async fn raters_are_recorded_on_the_setup_page_and_named_in_the_report() {
    let app = mount_fresh().await;
    let root = &app.root;
    click_testid(root, "new-assessment").await;
    type_into(root, "#title", "Rated").await;
    wait_for(root, "[data-testid=no-raters]").await;
    assert_eq!(text(root, "[data-testid=raters] > legend"), "Who is rating");

    click_testid(root, "add-rater").await;
    wait_for(root, "[data-testid=rater-name-1]").await;
    assert_eq!(
        focused_id().as_deref(),
        Some("rater-name-1"),
        "focus goes to the new name"
    );
    type_into(root, "[data-testid=rater-name-1]", "Ann Lee").await;
    click_testid(root, "add-rater").await;
    type_into(root, "[data-testid=rater-name-2]", "Ben Ode").await;
    type_into(root, "[data-testid=rater-role-2]", "family carer ").await;
    // Every box has a label, and a Remove button names its rater for screen readers.
    for id in [
        "rater-name-1",
        "rater-role-1",
        "rater-name-2",
        "rater-role-2",
    ] {
        assert!(
            root.query_selector(&format!("label[for={id}]"))
                .unwrap()
                .is_some(),
            "{id} has no label"
        );
    }
    assert_eq!(
        text(root, "[data-testid=remove-rater-2] .visually-hidden").trim(),
        "Ben Ode"
    );
    // Typing a space keeps it in the box; the stored role is trimmed.
    let role = wait_for(root, "[data-testid=rater-role-2]").await;
    assert_eq!(
        role.unchecked_ref::<HtmlInputElement>().value(),
        "family carer "
    );

    click_testid(root, "remove-rater-1").await;
    assert!(root
        .query_selector("[data-testid=rater-2]")
        .unwrap()
        .is_none());
    assert_eq!(
        focused_id().as_deref(),
        Some("add-rater"),
        "focus is not lost"
    );
    assert_eq!(all(root, "[data-testid=raters] fieldset.rater").len(), 1);
    assert_eq!(
        wait_for(root, "[data-testid=rater-name-1]")
            .await
            .unchecked_ref::<HtmlInputElement>()
            .value(),
        "Ben Ode"
    );
    assert_eq!(
        text(root, "[data-testid=raters-status]"),
        "Removed Ann Lee."
    );
    let stored = storage().get_item(LIBRARY_KEY).unwrap().expect("saved");
    assert!(
        // Version 2 files keep each rater's id beside the name and role.
        stored.contains("\"name\":\"Ben Ode\",\"role\":\"family carer\"}"),
        "{stored}"
    );
    assert!(!stored.contains("Ann Lee"), "{stored}");

    click_testid(root, "tab-report").await;
    wait_for(root, "[data-testid=report] .context").await;
    let context: Vec<String> = all(root, "[data-testid=report] .context li")
        .iter()
        .map(|line| line.text_content().unwrap_or_default())
        .collect();
    assert!(
        context.contains(&"Rated by: Ben Ode (family carer)".to_string()),
        "{context:?}"
    );
}

/// Whitespace folded to single spaces, as a person reads it.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen_test]
async fn the_report_page_shows_every_sentence_of_the_text_report() {
    use nasss_web::components::report_page::{ReportPage, ReportPageProps};
    use std::rc::Rc;
    let document = web_sys::window().unwrap().document().unwrap();
    let mut checked = 0;
    for example in nasss_core::examples::examples() {
        let assessment = example.assessment();
        let report = nasss_core::assess(&assessment);
        let outline = nasss_core::render::outline(&report);
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = ReportPageProps {
            assessment: Rc::new(assessment),
            report: Rc::new(report),
            outline: Rc::new(outline.clone()),
            dispatch: yew::Callback::noop(),
        };
        let handle = yew::Renderer::<ReportPage>::with_root_and_props(root.clone(), props).render();
        let page = wait_for(&root, "[data-testid=report]").await;
        let shown = folded(&page.text_content().unwrap_or_default());
        for text in outline.texts() {
            assert!(
                shown.contains(&folded(text)),
                "{}: the report page lacks {text:?}",
                example.id
            );
        }
        handle.destroy();
        root.remove();
        checked += 1;
    }
    assert!(checked >= 10, "every worked example and case: {checked}");
}
