//! What the browser tests of `web.rs` and `storage.rs` share: mounting [`App`] into a fresh
//! `<div>` over what local storage holds, waiting for Yew's renders, and working the page as a
//! person would (clicking, typing). Each test file takes it in with `mod common;`.

// Each test file uses only some of these.
#![allow(dead_code)]

use nasss_web::storage::LIBRARY_KEY;
use nasss_web::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The app, mounted in a fresh `<div>`; unmounted when dropped.
pub struct Mounted {
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// Mounts the app over whatever local storage holds now.
pub async fn mount() -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    let mounted = Mounted {
        root,
        handle: Some(handle),
    };
    wait_for(&mounted.root, "[data-testid=app]").await;
    settle().await;
    mounted
}

/// Mounts the app with nothing saved.
pub async fn mount_fresh() -> Mounted {
    storage().clear().unwrap();
    mount().await
}

/// Mounts the app over exactly `stored` under the saved list's key.
pub async fn mount_with(stored: &str) -> Mounted {
    storage().clear().unwrap();
    storage().set_item(LIBRARY_KEY, stored).unwrap();
    mount().await
}

/// Lets Yew run the renders scheduled so far.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

/// Yew renders asynchronously: polls until `selector` matches, for up to two seconds.
pub async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(element) = root.query_selector(selector).unwrap() {
            return element;
        }
        settle().await;
    }
    panic!("nothing matched {selector} within two seconds");
}

/// Polls until nothing matches `selector`, for up to two seconds.
pub async fn wait_for_absent(root: &Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).unwrap().is_none() {
            return;
        }
        settle().await;
    }
    panic!("{selector} is still there after two seconds");
}

/// Polls until the element matching `selector` reads `expected`, for up to two seconds.
pub async fn wait_for_text(root: &Element, selector: &str, expected: &str) {
    let mut last = String::new();
    for _ in 0..200 {
        last = text(root, selector);
        if last.trim() == expected {
            return;
        }
        settle().await;
    }
    panic!("{selector} reads {last:?}, not {expected:?}");
}

/// Polls until the text of `selector` contains `expected`, for up to two seconds.
pub async fn wait_for_text_containing(root: &Element, selector: &str, expected: &str) {
    let mut last = String::new();
    for _ in 0..200 {
        if let Some(element) = root.query_selector(selector).unwrap() {
            last = element.text_content().unwrap_or_default();
            if last.contains(expected) {
                return;
            }
        }
        settle().await;
    }
    panic!("{selector} reads {last:?}, without {expected:?}");
}

pub fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|node| node.dyn_into::<Element>().unwrap())
        .collect()
}

/// Clicks the way a person does (the browser fires `click`, `input` and `change`), then lets
/// the app re-render.
pub async fn click(element: &HtmlElement) {
    element.click();
    settle().await;
}

pub async fn click_testid(root: &Element, testid: &str) {
    let element = wait_for(root, &format!("[data-testid=\"{testid}\"]")).await;
    click(element.unchecked_ref()).await;
}

/// Types into a text box or text area: sets its value and fires `input`, as typing does.
pub async fn type_into(root: &Element, selector: &str, value: &str) {
    let element = wait_for(root, selector).await;
    match element.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.set_value(value),
        None => element
            .unchecked_ref::<web_sys::HtmlTextAreaElement>()
            .set_value(value),
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    element.dispatch_event(&event).unwrap();
    settle().await;
}

/// From the start page to the rating page of a new quick assessment called `title`.
pub async fn start_quick(root: &Element, title: &str) {
    click_testid(root, "new-assessment").await;
    type_into(root, "#title", title).await;
    click_testid(root, "start-rating").await;
    wait_for_text(root, "[data-testid=progress]", "0 of 7 domains rated").await;
}
