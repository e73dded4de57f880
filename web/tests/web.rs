//! Browser tests of the web app: each test mounts [`App`] into a fresh `<div>` in headless
//! Chromium and works it through the DOM. Run by `cargo xtask test` (see `xtask/src/browser.rs`),
//! which sets the wasm-bindgen test runner and chromedriver; `webdriver.json` in the crate holds
//! the Chromium flags.

use nasss_web::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` in the test page with the app rendered into it.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    wait_for(&root, "[data-testid=rated-count]").await;
    root
}

/// Yew renders asynchronously: polls until `selector` matches, for up to two seconds.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(element) = root.query_selector(selector).unwrap() {
            return element;
        }
        settle().await;
    }
    panic!("nothing matched {selector} within two seconds");
}

/// Lets Yew run the renders scheduled so far.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|node| node.dyn_into::<Element>().unwrap())
        .collect()
}

/// The radio button labelled `label` in the fieldset of the domain with key `domain`.
fn radio(root: &Element, domain: &str, label: &str) -> HtmlInputElement {
    all(root, &format!("[data-testid=domain-{domain}] label"))
        .into_iter()
        .find(|element| element.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no radio labelled {label:?} for {domain}"))
        .query_selector("input[type=radio]")
        .unwrap()
        .expect("label without a radio button")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
}

/// Clicks the way a person does (the browser fires `click`, `input` and `change`), then lets
/// the app re-render.
async fn click(input: &HtmlInputElement) {
    input.click();
    settle().await;
}

#[wasm_bindgen_test]
async fn shows_every_domain_with_four_choices() {
    let root = mount().await;
    assert_eq!(text(&root, "h1"), "NASSS complexity analyser");
    let fieldsets = all(&root, "fieldset");
    assert_eq!(fieldsets.len(), 7, "one fieldset per NASSS domain");
    for fieldset in &fieldsets {
        let labels: Vec<String> = all(fieldset, "label")
            .iter()
            .map(|label| label.text_content().unwrap_or_default().trim().to_owned())
            .collect();
        assert_eq!(
            labels,
            ["Simple", "Complicated", "Complex", "Not sure yet"],
            "choices of {}",
            text(fieldset, "legend")
        );
        assert!(all(fieldset, "input[type=radio]:checked").is_empty());
    }
    let legends: Vec<String> = all(&root, "legend")
        .iter()
        .map(|legend| legend.text_content().unwrap_or_default())
        .collect();
    assert_eq!(legends[0], "Condition");
    assert_eq!(legends[2], "Value proposition");
    assert_eq!(
        text(&root, "[data-testid=rated-count]"),
        "0 of 7 domains rated"
    );
}

#[wasm_bindgen_test]
async fn clicking_a_radio_updates_the_rated_count() {
    let root = mount().await;
    let count = || text(&root, "[data-testid=rated-count]");
    assert_eq!(count(), "0 of 7 domains rated");

    click(&radio(&root, "condition", "Complex")).await;
    assert_eq!(count(), "1 of 7 domains rated");
    assert!(radio(&root, "condition", "Complex").checked());

    // Changing an answer does not count the domain twice.
    click(&radio(&root, "condition", "Simple")).await;
    assert_eq!(count(), "1 of 7 domains rated");
    assert!(radio(&root, "condition", "Simple").checked());
    assert!(!radio(&root, "condition", "Complex").checked());

    // "Not sure yet" is an answer too.
    click(&radio(&root, "value_proposition", "Not sure yet")).await;
    assert_eq!(count(), "2 of 7 domains rated");
    assert!(!radio(&root, "technology", "Simple").checked());
}
