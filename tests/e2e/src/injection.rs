//! Helpers for the script-injection journeys (`tests/injection.rs`): the hostile payloads of
//! `tests/fixtures/hostile-text.json`, an assessment with every free-text field set to one of
//! them, and the checks made after each: nothing ran, nothing the payload would create exists,
//! the payload is shown as text, and the page is no wider than the window.

use crate::page::AnalyserPage;
use crate::webdriver::{Error, Result};
use nasss_core::Assessment;
use serde_json::{json, Value};

#[path = "../../support/hostile.rs"]
mod hostile;

pub use hostile::{shown, Payload};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../fixtures/{name}"))
}

fn read(name: &str) -> Result<String> {
    let path = fixture(name);
    std::fs::read_to_string(&path).map_err(|e| Error(format!("{}: {e}", path.display())))
}

/// Every payload of the fixture, the generated ones spelt out.
pub fn payloads() -> Result<Vec<Payload>> {
    hostile::payloads(&read("hostile-text.json")?).map_err(Error)
}

/// The every-field file of format version 2 (`tests/fixtures/v2-every-field.json`) with every
/// free-text field set to `payload`, as JSON, and how many fields that is.
pub fn hostile_file(payload: &str) -> Result<(Value, usize)> {
    hostile::hostile_value(&read("v2-every-field.json")?, payload).map_err(Error)
}

/// The same, read by the core.
pub fn hostile_assessment(payload: &str) -> Result<Assessment> {
    let (value, _) = hostile_file(payload)?;
    serde_json::from_value(value).map_err(|e| Error(format!("the hostile file: {e}")))
}

/// Puts a library holding `assessment` (open) into local storage, in the app's own format
/// (`web/src/storage.rs`), and reloads.
pub fn seed_library(page: &AnalyserPage, assessment: &Value) -> Result<()> {
    let library = json!({ "entries": [{ "id": 1, "assessment": assessment }], "open": 1 });
    let script = format!(
        "window.localStorage.setItem('nasss-analyser.library.v1', {});",
        serde_json::to_string(&library.to_string()).unwrap_or_default()
    );
    page.session().execute(&script)?;
    page.reload()
}

/// Replaces `alert`, `confirm` and `prompt` with counters, so a payload that calls them is
/// seen (a real dialog would block the session).
pub fn arm(page: &AnalyserPage) -> Result<()> {
    page.session().execute(
        "for (const name of ['alert', 'confirm', 'prompt']) { \
           window[name] = () => { window.__dialogs = (window.__dialogs || 0) + 1; }; \
         } return true;",
    )?;
    Ok(())
}

/// What a payload could have done to the page, counted in the page: set `__pwned`, opened a
/// dialog, or made an element with an event-handler attribute, a `javascript:` address, an
/// iframe, object or embed, an image from user text, or a script beyond the page's own.
const HARM: &str = "
  const all = [...document.querySelectorAll('*')];
  const handlers = all.filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')));
  const js = all.filter(e => [...e.attributes].some(a => /^\\s*javascript:/i.test(a.value)));
  return {
    pwned: typeof window.__pwned !== 'undefined',
    dialogs: window.__dialogs || 0,
    handlers: handlers.map(e => e.outerHTML.slice(0, 80)),
    javascript: js.map(e => e.outerHTML.slice(0, 80)),
    frames: document.querySelectorAll('iframe, object, embed, frame').length,
    images: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    svg_scripts: document.querySelectorAll('svg script, svg foreignObject').length,
  };";

/// The page's own `script` elements, before any payload is shown.
pub fn own_scripts(page: &AnalyserPage) -> Result<u64> {
    let value = page
        .session()
        .execute("return document.querySelectorAll('script').length;")?;
    Ok(value.as_u64().unwrap_or(0))
}

/// Fails if the payload did anything on the page as it is now.
pub fn assert_harmless(page: &AnalyserPage, scripts: u64, what: &str) -> Result<()> {
    let harm = page.session().execute(HARM)?;
    check_harm(&harm, scripts, what)
}

fn check_harm(harm: &Value, scripts: u64, what: &str) -> Result<()> {
    let clean = harm["pwned"] == false
        && harm["dialogs"] == 0
        && harm["handlers"].as_array().is_some_and(Vec::is_empty)
        && harm["javascript"].as_array().is_some_and(Vec::is_empty)
        && harm["frames"] == 0
        && harm["images"] == 0
        && harm["svg_scripts"] == 0
        && harm["scripts"].as_u64() == Some(scripts);
    match clean {
        true => Ok(()),
        false => Err(Error(format!(
            "{what}: the payload acted on the page: {harm}"
        ))),
    }
}

/// One look at the page as it is, in one round trip: [`HARM`], whether the page's text
/// (compared as [`shown`] compares it) holds `expected`, and how wide the page is. The text is
/// searched in the page, so that a page holding the long payloads is not sent back each time.
fn look(page: &AnalyserPage, expected: Option<&str>) -> Result<Value> {
    let script = format!(
        "const harm = (() => {{ {HARM} }})();
         const expected = {expected};
         let shown = null;
         if (expected !== null) {{
           const text = document.body.textContent + ' ' +
             [...document.querySelectorAll('input, textarea')].map(e => e.value).join(' ');
           const kept = text.replace(/(?![\\p{{White_Space}}])\\p{{Cc}}/gu, '');
           shown = kept.split(/\\p{{White_Space}}+/u).filter(w => w).join(' ').includes(expected);
         }}
         return {{ harm, shown, width: document.documentElement.scrollWidth }};",
        expected = serde_json::to_string(&expected).unwrap_or_default(),
    );
    page.session().execute(&script)
}

/// Makes the page's viewport `width` CSS pixels wide (800 high), or, with `None`, the window's
/// own again.
pub fn set_width(page: &AnalyserPage, width: Option<u32>) -> Result<()> {
    match width {
        Some(width) => page.session().devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
        ),
        None => page
            .session()
            .devtools("Emulation.clearDeviceMetricsOverride", json!({})),
    }
    .map(drop)
}

/// Looks at the page once, at the viewport width set by [`set_width`]: fails if the payload
/// did anything, if the page is wider than `allowed` (at least `width`), or, with `payload`,
/// if the payload is not shown as text (checked again by [`assert_shown`] before failing).
pub fn assert_page(
    page: &AnalyserPage,
    scripts: u64,
    payload: Option<&Payload>,
    (width, allowed): (u32, u64),
    what: &str,
) -> Result<()> {
    let expected: Option<String> =
        payload.map(|payload| shown(&payload.text).chars().take(300).collect());
    let answer = look(page, expected.as_deref())?;
    check_harm(&answer["harm"], scripts, what)?;
    if let Some(payload) = payload {
        if answer["shown"] != true {
            assert_shown(page, payload, what)?;
        }
    }
    let scroll = answer["width"].as_u64().unwrap_or(u64::MAX);
    let allowed = allowed.max(u64::from(width));
    match scroll <= allowed {
        true => Ok(()),
        false => Err(Error(format!(
            "{what}: at {width} px the page is {scroll} px wide, more than {allowed} px"
        ))),
    }
}

/// Everything the page shows: its text and the values of its text boxes.
pub fn page_text(page: &AnalyserPage) -> Result<String> {
    let value = page.session().execute(
        "return document.body.textContent + ' ' + \
         [...document.querySelectorAll('input, textarea')].map(e => e.value).join(' ');",
    )?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// Fails unless the page shows `payload` as text (for a long one, its first 300 characters).
pub fn assert_shown(page: &AnalyserPage, payload: &Payload, what: &str) -> Result<()> {
    let expected: String = shown(&payload.text).chars().take(300).collect();
    let text = shown(&page_text(page)?);
    match text.contains(&expected) {
        true => Ok(()),
        false => Err(Error(format!(
            "{what}: {} is not shown as text; the page shows {:?}",
            payload.name,
            text.chars().take(400).collect::<String>()
        ))),
    }
}

/// How wide the page is, in CSS pixels, in a window `width` pixels wide.
pub fn page_width(page: &AnalyserPage, width: u32) -> Result<u64> {
    page.session().devtools(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
    )?;
    let scroll = page
        .session()
        .execute("return document.documentElement.scrollWidth;");
    page.session()
        .devtools("Emulation.clearDeviceMetricsOverride", json!({}))?;
    Ok(scroll?.as_u64().unwrap_or(u64::MAX))
}

/// Fails if the page is wider than `allowed` pixels in a window `width` pixels wide: the
/// window itself, or where the page is wider than that even with harmless text (the reflow
/// work of the accessibility part), no wider than it is then.
pub fn assert_fits(page: &AnalyserPage, width: u32, allowed: u64, what: &str) -> Result<()> {
    let scroll = page_width(page, width)?;
    let allowed = allowed.max(u64::from(width));
    match scroll <= allowed {
        true => Ok(()),
        false => Err(Error(format!(
            "{what}: at {width} px the page is {scroll} px wide, more than {allowed} px"
        ))),
    }
}
