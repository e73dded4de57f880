//! The page object of the analyser: what a person can see and do on the page, in their words
//! (a domain's legend, a choice's label, a `data-testid` for read-outs), so journeys read like
//! the steps a person takes and survive changes to the markup.

use crate::webdriver::{Element, Error, Result, Session};
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

impl AnalyserPage {
    /// Opens the built page straight from disk (`file://`), as someone who downloaded it would,
    /// and waits for the app to start.
    pub fn open_from_disk() -> Result<AnalyserPage> {
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
        Self::open(&file_url(&index))
    }

    /// Opens `url` and waits until the app has rendered.
    pub fn open(url: &str) -> Result<AnalyserPage> {
        let page = AnalyserPage {
            session: Session::start()?,
            url: url.to_owned(),
        };
        page.session.goto(url)?;
        page.wait_until("the app to start", || {
            Ok(!page
                .session
                .find_all_css("[data-testid=rated-count]")?
                .is_empty())
        })
        .map_err(|e| {
            let app = page.app_text().unwrap_or_default();
            Error(format!("{e}; the page shows: {app:?}"))
        })?;
        Ok(page)
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

    /// The legends of the domain fieldsets, in page order.
    pub fn domain_legends(&self) -> Result<Vec<String>> {
        self.session
            .find_all_css("fieldset > legend")?
            .iter()
            .map(|legend| self.session.text(legend).map(|text| text.trim().to_owned()))
            .collect()
    }

    /// The labels of the choices in the fieldset with this legend.
    pub fn choices(&self, legend: &str) -> Result<Vec<String>> {
        let labels = self
            .session
            .find_all_xpath(&format!("{}//label", fieldset_xpath(legend)))?;
        labels
            .iter()
            .map(|label| self.session.text(label).map(|text| text.trim().to_owned()))
            .collect()
    }

    /// Clicks the radio button labelled `label` in the fieldset with legend `legend`.
    pub fn choose(&self, legend: &str, label: &str) -> Result<()> {
        let radio = self.radio(legend, label)?;
        self.session.click(&radio)
    }

    /// Whether the radio button labelled `label` under `legend` is checked.
    pub fn is_chosen(&self, legend: &str, label: &str) -> Result<bool> {
        let radio = self.radio(legend, label)?;
        self.session.is_selected(&radio)
    }

    fn radio(&self, legend: &str, label: &str) -> Result<Element> {
        let xpath = format!(
            "{}//label[normalize-space()={}]//input[@type='radio']",
            fieldset_xpath(legend),
            xpath_literal(label)
        );
        let mut found = self.session.find_all_xpath(&xpath)?;
        match found.len() {
            1 => Ok(found.remove(0)),
            count => Err(Error(format!(
                "expected one radio labelled {label:?} under {legend:?}, found {count}"
            ))),
        }
    }

    /// The text of the element with `data-testid="{test_id}"`.
    pub fn text(&self, test_id: &str) -> Result<String> {
        self.text_by_css(&format!("[data-testid=\"{test_id}\"]"))
    }

    /// Waits until the element with `data-testid="{test_id}"` reads `expected` (the app
    /// re-renders asynchronously); the error tells what it read last.
    pub fn wait_for_text(&self, test_id: &str, expected: &str) -> Result<()> {
        let mut last = String::new();
        self.wait_until(&format!("{test_id} to read {expected:?}"), || {
            last = self.text(test_id)?;
            Ok(last.trim() == expected)
        })
        .map_err(|e| Error(format!("{e}; it reads {last:?}")))
    }

    /// The address the page was opened at.
    pub fn url(&self) -> &str {
        &self.url
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

    fn wait_until(&self, what: &str, mut done: impl FnMut() -> Result<bool>) -> Result<()> {
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
