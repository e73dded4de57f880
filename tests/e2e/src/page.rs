//! The page object of the analyser: what a person can see and do on the page, in their words
//! (a domain's legend, a choice's label, a `data-testid` for read-outs), so journeys read like
//! the steps a person takes and survive changes to the markup.

use crate::webdriver::{Element, Error, Result, Session, SessionOptions};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

/// How long to wait for the app to start or to re-render after a click.
const PATIENCE: Duration = Duration::from_secs(20);

/// The built self-contained page: `NASSS_DIST_INDEX` if set (the xtask sets it), otherwise
/// `dist/index.html` in the workspace.
pub fn dist_index() -> PathBuf {
    std::env::var_os("NASSS_DIST_INDEX")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../dist/index.html")
                .components()
                .collect()
        })
}

/// The address of the served multi-file variant, from `NASSS_HOSTED_URL` (the xtask serves
/// `dist/` while the journeys run and sets it).
pub fn hosted_url() -> Result<String> {
    std::env::var("NASSS_HOSTED_URL").map_err(|_| {
        Error(
            "NASSS_HOSTED_URL is not set: `cargo xtask test` serves dist/ and sets it (or run \
             `cargo xtask serve` and set it to its /hosted/ address)"
                .into(),
        )
    })
}

/// The `file://` address of an absolute path, percent-encoding what URLs cannot hold.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte))
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

/// The analyser open in a headless browser.
pub struct AnalyserPage {
    session: Session,
    /// The address the page was opened at.
    url: String,
}

/// WebDriver's key values for the keys the journeys press.
pub mod keys {
    pub const TAB: &str = "\u{E004}";
    pub const SPACE: &str = " ";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const ENTER: &str = "\u{E007}";
    pub const SHIFT: &str = "\u{E008}";
}

impl AnalyserPage {
    /// Opens the built page straight from disk (`file://`), as someone who downloaded it would,
    /// and waits for the app to start.
    pub fn open_from_disk() -> Result<AnalyserPage> {
        Self::open_from_disk_with(&SessionOptions::default())
    }

    /// Opens the built page from disk in a browser started with `options` (such as a downloads
    /// folder).
    pub fn open_from_disk_with(options: &SessionOptions) -> Result<AnalyserPage> {
        let index = dist_index();
        if !index.is_file() {
            return Err(Error(format!(
                "{} does not exist: run `cargo xtask dist` first (`cargo xtask test` does)",
                index.display()
            )));
        }
        let index = index
            .canonicalize()
            .map_err(|e| Error(format!("{}: {e}", index.display())))?;
        Self::open_with(&file_url(&index), options)
    }

    /// Opens `url` and waits until the app has rendered.
    pub fn open(url: &str) -> Result<AnalyserPage> {
        Self::open_with(url, &SessionOptions::default())
    }

    /// Opens `url` in a browser started with `options` (such as a downloads folder).
    pub fn open_with_options(url: &str, options: &SessionOptions) -> Result<AnalyserPage> {
        Self::open_with(url, options)
    }

    fn open_with(url: &str, options: &SessionOptions) -> Result<AnalyserPage> {
        let page = AnalyserPage {
            session: Session::start_with(options)?,
            url: url.to_owned(),
        };
        page.session.goto(url)?;
        page.wait_for_app()?;
        Ok(page)
    }

    fn wait_for_app(&self) -> Result<()> {
        self.wait_until("the app to start", || {
            Ok(!self.session.find_all_css("[data-testid=app]")?.is_empty())
        })
        .map_err(|e| {
            let app = self.app_text().unwrap_or_default();
            Error(format!("{e}; the page shows: {app:?}"))
        })
    }

    /// Empties the page's local storage and reloads, so a journey starts from nothing saved.
    pub fn clear_storage(&self) -> Result<()> {
        self.session.execute("window.localStorage.clear();")?;
        self.reload()
    }

    /// Reloads the page, as closing and reopening it would, and waits for the app.
    pub fn reload(&self) -> Result<()> {
        self.session.refresh()?;
        self.wait_for_app()
    }

    /// What the app's container shows, such as a loading or error message.
    fn app_text(&self) -> Result<String> {
        let app = self.session.find_all_css("#app, body")?;
        match app.first() {
            Some(element) => self.session.text(element),
            None => Ok(String::new()),
        }
    }

    /// The main heading.
    pub fn heading(&self) -> Result<String> {
        self.text_by_css("h1")
    }

    /// The second-level heading of the current view.
    pub fn view_heading(&self) -> Result<String> {
        self.text_by_css("main h2")
    }

    /// Clicks the element with `data-testid="{test_id}"`, waiting for it to appear.
    pub fn click(&self, test_id: &str) -> Result<()> {
        let element = self.wait_for(test_id)?;
        self.session.click(&element)
    }

    /// Waits until an element with `data-testid="{test_id}"` is on the page and returns it.
    pub fn wait_for(&self, test_id: &str) -> Result<Element> {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let mut found = None;
        self.wait_until(&format!("{selector} to appear"), || {
            found = self.session.find_all_css(&selector)?.into_iter().next();
            Ok(found.is_some())
        })?;
        found.ok_or_else(|| Error(format!("{selector} vanished")))
    }

    /// Whether an element with `data-testid="{test_id}"` is on the page now.
    pub fn is_present(&self, test_id: &str) -> Result<bool> {
        Ok(!self
            .session
            .find_all_css(&format!("[data-testid=\"{test_id}\"]"))?
            .is_empty())
    }

    /// Types into the text box labelled `label` (its `<label for>` text).
    pub fn type_into(&self, label: &str, text: &str) -> Result<()> {
        let field = self.labelled(label)?;
        self.session.send_keys(&field, text)
    }

    /// Types into the text box with this `id` (for a label shared by many boxes, such as each
    /// rating's notes).
    pub fn type_into_id(&self, id: &str, text: &str) -> Result<()> {
        let found = self.session.find_all_css(&format!("#{id}"))?;
        let field = found
            .first()
            .ok_or_else(|| Error(format!("no element with id {id}")))?;
        self.session.send_keys(field, text)
    }

    /// The control a `<label for=…>` with this text points at.
    fn labelled(&self, label: &str) -> Result<Element> {
        let xpath = format!(
            "//*[@id = //label[normalize-space()={}]/@for]",
            xpath_literal(label)
        );
        let mut found = self.session.find_all_xpath(&xpath)?;
        match found.len() {
            1 => Ok(found.remove(0)),
            count => Err(Error(format!(
                "expected one control labelled {label:?}, found {count}"
            ))),
        }
    }

    /// Chooses a file in the file input labelled `label`, as a person picking it would.
    pub fn choose_file(&self, label: &str, path: &Path) -> Result<()> {
        let input = self.labelled(label)?;
        self.session.send_keys(&input, &path.to_string_lossy())
    }

    /// The legends of the fieldsets on the page, in page order.
    pub fn legends(&self) -> Result<Vec<String>> {
        self.session
            .find_all_css("fieldset > legend")?
            .iter()
            .map(|legend| self.session.text(legend).map(|text| text.trim().to_owned()))
            .collect()
    }

    /// The labels of the choices in the fieldset with this legend (not those of fieldsets
    /// inside it).
    pub fn choices(&self, legend: &str) -> Result<Vec<String>> {
        let labels = self.session.find_all_xpath(&format!(
            "{}/div[@class='options']//label",
            fieldset_xpath(legend)
        ))?;
        labels
            .iter()
            .map(|label| self.session.text(label).map(|text| text.trim().to_owned()))
            .collect()
    }

    /// Clicks the radio button labelled `label` in the fieldset with legend `legend`.
    pub fn choose(&self, legend: &str, label: &str) -> Result<()> {
        let radio = self.radio(&fieldset_xpath(legend), label)?;
        self.session.click(&radio)
    }

    /// Clicks the radio button labelled `label` in the rating of a domain (its key, such as
    /// `value_proposition`) or sub-domain (its code, such as `2A`).
    pub fn rate(&self, item: &str, label: &str) -> Result<()> {
        let radio = self.radio(&rating_xpath(item), label)?;
        self.session.click(&radio)
    }

    /// Whether the radio labelled `label` in the rating of `item` is checked.
    pub fn is_rated(&self, item: &str, label: &str) -> Result<bool> {
        let radio = self.radio(&rating_xpath(item), label)?;
        self.session.is_selected(&radio)
    }

    /// Whether the radio button labelled `label` under `legend` is checked.
    pub fn is_chosen(&self, legend: &str, label: &str) -> Result<bool> {
        let radio = self.radio(&fieldset_xpath(legend), label)?;
        self.session.is_selected(&radio)
    }

    fn radio(&self, fieldset: &str, label: &str) -> Result<Element> {
        let xpath = format!(
            "{fieldset}/div[@class='options']//label[normalize-space()={}]//input[@type='radio']",
            xpath_literal(label)
        );
        let mut found = self.session.find_all_xpath(&xpath)?;
        match found.len() {
            1 => Ok(found.remove(0)),
            count => Err(Error(format!(
                "expected one radio labelled {label:?} in {fieldset}, found {count}"
            ))),
        }
    }

    /// Moves keyboard focus to the element with `data-testid="{test_id}"`, as a click on it
    /// would, without activating it.
    pub fn focus(&self, test_id: &str) -> Result<()> {
        self.wait_for(test_id)?;
        self.session.execute(&format!(
            "document.querySelector('[data-testid=\"{test_id}\"]').focus();"
        ))?;
        Ok(())
    }

    /// Presses keys on the keyboard (see [`keys`]).
    pub fn press(&self, keys: &[&str]) -> Result<()> {
        self.session.press_keys(keys)
    }

    /// Presses keys together, as Shift with Tab: each goes down in turn, then all come up.
    pub fn press_together(&self, keys: &[&str]) -> Result<()> {
        self.session.press_chord(keys)
    }

    /// What has keyboard focus: its tag, type, value and label text, such as
    /// `input radio simple Simple`.
    pub fn focused(&self) -> Result<String> {
        let described = self.session.execute(
            "const e = document.activeElement; const l = e && e.closest('label'); \
             return [e.tagName.toLowerCase(), e.type || '', e.value || '', l ? l.textContent.trim() : ''].join(' ');",
        )?;
        Ok(described.as_str().unwrap_or_default().to_owned())
    }

    /// The text of the element with `data-testid="{test_id}"`.
    pub fn text(&self, test_id: &str) -> Result<String> {
        self.text_by_css(&format!("[data-testid=\"{test_id}\"]"))
    }

    /// The texts of every element with `data-testid="{test_id}"`.
    pub fn texts(&self, test_id: &str) -> Result<Vec<String>> {
        self.session
            .find_all_css(&format!("[data-testid=\"{test_id}\"]"))?
            .iter()
            .map(|element| self.session.text(element))
            .collect()
    }

    /// An attribute of the element with `data-testid="{test_id}"`.
    pub fn attribute(&self, test_id: &str, name: &str) -> Result<Option<String>> {
        let element = self.wait_for(test_id)?;
        self.session.attribute(&element, name)
    }

    /// Waits until the element with `data-testid="{test_id}"` reads `expected` (the app
    /// re-renders asynchronously); the error tells what it read last.
    pub fn wait_for_text(&self, test_id: &str, expected: &str) -> Result<()> {
        let mut last = String::new();
        self.wait_until(&format!("{test_id} to read {expected:?}"), || {
            last = self.text(test_id).unwrap_or_default();
            Ok(last.trim() == expected)
        })
        .map_err(|e| Error(format!("{e}; it reads {last:?}")))
    }

    /// Waits until the element with `data-testid="{test_id}"` contains `expected`.
    pub fn wait_for_text_containing(&self, test_id: &str, expected: &str) -> Result<String> {
        let mut last = String::new();
        self.wait_until(&format!("{test_id} to contain {expected:?}"), || {
            last = self.text(test_id).unwrap_or_default();
            Ok(last.contains(expected))
        })
        .map_err(|e| Error(format!("{e}; it reads {last:?}")))?;
        Ok(last)
    }

    /// Waits until an attribute of the element with `data-testid="{test_id}"` is `expected`.
    pub fn wait_for_attribute(&self, test_id: &str, name: &str, expected: &str) -> Result<()> {
        let mut last = None;
        self.wait_until(&format!("{test_id} to have {name}={expected:?}"), || {
            last = self.attribute(test_id, name)?;
            Ok(last.as_deref() == Some(expected))
        })
        .map_err(|e| Error(format!("{e}; it has {last:?}")))
    }

    /// The address the page was opened at.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The browser session, for what the page object does not cover.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Every request the page has made beyond loading itself: anything but its own address and
    /// `data:` or `blob:` URLs. A page that works offline makes none.
    pub fn requests_beyond_the_page(&self) -> Result<Vec<String>> {
        Ok(self
            .session
            .requested_urls()?
            .into_iter()
            .filter(|url| {
                url != &self.url && !url.starts_with("data:") && !url.starts_with("blob:")
            })
            .collect())
    }

    fn text_by_css(&self, selector: &str) -> Result<String> {
        let found = self.session.find_all_css(selector)?;
        let element = found
            .first()
            .ok_or_else(|| Error(format!("nothing on the page matches {selector}")))?;
        self.session.text(element)
    }

    /// Polls `done` every 25 ms until it says yes, for up to [`PATIENCE`].
    pub fn wait_until(&self, what: &str, mut done: impl FnMut() -> Result<bool>) -> Result<()> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if done()? {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(Error(format!("waited {} s for {what}", PATIENCE.as_secs())));
            }
            thread::sleep(Duration::from_millis(25));
        }
    }
}

/// Waits for a download to finish in `dir`: a file other than those in `before`, once nothing
/// is still being written. Returns its path.
pub fn wait_for_download(dir: &Path, before: &[PathBuf]) -> Result<PathBuf> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Error(format!("{}: {e}", dir.display())))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| !before.contains(path))
            .collect::<Vec<_>>();
        let name = |path: &PathBuf| {
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        // Chromium writes a hidden temporary file, then `*.crdownload`, then the file.
        let in_progress =
            |path: &PathBuf| name(path).starts_with('.') || name(path).ends_with(".crdownload");
        let finished = entries.iter().find(|path| !in_progress(path));
        let writing = entries.iter().any(in_progress);
        if let (Some(path), false) = (finished, writing) {
            return Ok(path.clone());
        }
        if Instant::now() > deadline {
            return Err(Error(format!(
                "waited {} s for a download in {} (found {entries:?})",
                PATIENCE.as_secs(),
                dir.display()
            )));
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// The files in a folder now.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// A fresh empty folder under the system's temporary folder, for downloads and test files.
pub fn temp_dir(name: &str) -> Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("nasss-e2e-{name}-{}-{stamp}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error(format!("{}: {e}", dir.display())))?;
    Ok(dir)
}

fn rating_xpath(item: &str) -> String {
    format!(
        "//fieldset[@data-testid={}]",
        xpath_literal(&format!("rate-{item}"))
    )
}

fn fieldset_xpath(legend: &str) -> String {
    format!(
        "//fieldset[legend[normalize-space()={}]]",
        xpath_literal(legend)
    )
}

/// `text` as an XPath 1.0 string literal, whatever quotes it contains.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|part| format!("'{part}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xpath_literals() {
        assert_eq!(xpath_literal("Simple"), "'Simple'");
        assert_eq!(xpath_literal("Don't know"), "\"Don't know\"");
        assert_eq!(xpath_literal("a'b\"c"), "concat('a', \"'\", 'b\"c')");
    }

    #[test]
    fn file_urls() {
        assert_eq!(
            file_url(Path::new("/work/my dist/index.html")),
            "file:///work/my%20dist/index.html"
        );
    }
}
