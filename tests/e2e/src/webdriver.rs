//! A small blocking WebDriver (W3C) client: starts `chromedriver` on a free local port, opens a
//! headless Chromium session and offers the handful of commands the page objects use. Both the
//! session and the driver process end when dropped.

use serde_json::{json, Value};
use std::fmt;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What can go wrong talking to the browser; the message says what was asked.
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The plain message, so a failed test (`-> Result<()>`) prints it readably.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn error(message: impl Into<String>) -> Error {
    Error(message.into())
}

/// The key under which W3C WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The Chromium flags the project's browser tests use (headless, as root, no network), shared
/// with the wasm-bindgen browser tests.
const WEBDRIVER_JSON: &str = include_str!("../../../web/webdriver.json");

/// A running `chromedriver`.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(agent: &ureq::Agent) -> Result<Driver> {
        let path = std::env::var_os("CHROMEDRIVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("chromedriver"));
        let port = TcpListener::bind(("127.0.0.1", 0))
            .and_then(|listener| listener.local_addr())
            .map_err(|e| error(format!("no free local port for chromedriver: {e}")))?
            .port();
        let child = Command::new(&path)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| {
                error(format!(
                    "could not start {}: {e} (install the Debian packages chromium and \
                     chromium-driver, or set CHROMEDRIVER)",
                    path.display()
                ))
            })?;
        let mut driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(error(format!(
                    "{} exited at start: {status}",
                    path.display()
                )));
            }
            let ready = request(agent, "GET", &format!("{}/status", driver.url), None)
                .map(|value| value["ready"] == true)
                .unwrap_or(false);
            if ready {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                let _ = driver.child.kill();
                return Err(error("chromedriver did not become ready within 20 s"));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session: one headless Chromium window.
pub struct Session {
    agent: ureq::Agent,
    base: String,
    // Dropped after the session is deleted (fields drop in declaration order).
    _driver: Driver,
}

/// How to start a [`Session`].
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// The folder Chromium saves downloads in, without asking.
    pub downloads: Option<PathBuf>,
    /// The window's width and height in CSS pixels.
    pub window: (u32, u32),
}

impl Default for SessionOptions {
    fn default() -> SessionOptions {
        SessionOptions {
            downloads: None,
            window: (1280, 1024),
        }
    }
}

/// An element on the page, as WebDriver names it.
#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    /// Starts chromedriver and a headless Chromium. `CHROMEDRIVER` and `CHROME_BIN` choose the
    /// programs; without them chromedriver is looked up on `PATH` and finds Chromium itself.
    pub fn start() -> Result<Session> {
        Session::start_with(&SessionOptions::default())
    }

    /// Starts a session with options: where downloads go, the window size.
    pub fn start_with(session_options: &SessionOptions) -> Result<Session> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let driver = Driver::start(&agent)?;
        let mut options: Value = serde_json::from_str::<Value>(WEBDRIVER_JSON)
            .map_err(|e| error(format!("web/webdriver.json is not JSON: {e}")))?
            ["goog:chromeOptions"]
            .clone();
        if let Some(args) = options["args"].as_array_mut() {
            let (width, height) = session_options.window;
            args.push(json!(format!("--window-size={width},{height}")));
        }
        if let Some(dir) = &session_options.downloads {
            options["prefs"] = json!({
                "download.default_directory": dir.to_string_lossy(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
                "safebrowsing.enabled": false
            });
        }
        if let Some(binary) = std::env::var_os("CHROME_BIN") {
            options["binary"] = json!(binary.to_string_lossy());
        }
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": options,
                    // Chromium's DevTools events, to see every request the page makes.
                    "goog:loggingPrefs": { "performance": "ALL" }
                }
            }
        });
        let created = request(
            &agent,
            "POST",
            &format!("{}/session", driver.url),
            Some(&capabilities),
        )?;
        let id = created["sessionId"]
            .as_str()
            .ok_or_else(|| error(format!("no session id in {created}")))?;
        Ok(Session {
            base: format!("{}/session/{id}", driver.url),
            agent,
            _driver: driver,
        })
    }

    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        request(&self.agent, method, &format!("{}{path}", self.base), body)
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.command("POST", "/url", Some(&json!({ "url": url })))
            .map(drop)
    }

    /// Every element matching a CSS selector.
    pub fn find_all_css(&self, selector: &str) -> Result<Vec<Element>> {
        self.find_all("css selector", selector)
    }

    /// Every element matching an XPath expression.
    pub fn find_all_xpath(&self, xpath: &str) -> Result<Vec<Element>> {
        self.find_all("xpath", xpath)
    }

    fn find_all(&self, using: &str, value: &str) -> Result<Vec<Element>> {
        let found = self.command(
            "POST",
            "/elements",
            Some(&json!({ "using": using, "value": value })),
        )?;
        found
            .as_array()
            .ok_or_else(|| error(format!("finding {value}: unexpected answer {found}")))?
            .iter()
            .map(|element| {
                element[ELEMENT_KEY]
                    .as_str()
                    .map(|id| Element(id.to_owned()))
                    .ok_or_else(|| error(format!("finding {value}: no element id in {element}")))
            })
            .collect()
    }

    /// Clicks in the middle of the element, as a mouse would.
    pub fn click(&self, element: &Element) -> Result<()> {
        self.command(
            "POST",
            &format!("/element/{}/click", element.0),
            Some(&json!({})),
        )
        .map(drop)
    }

    /// Types `text` into the element (for a file input: the path of the file to choose).
    pub fn send_keys(&self, element: &Element, text: &str) -> Result<()> {
        self.command(
            "POST",
            &format!("/element/{}/value", element.0),
            Some(&json!({ "text": text })),
        )
        .map(drop)
    }

    /// An attribute of the element, if it has it.
    pub fn attribute(&self, element: &Element, name: &str) -> Result<Option<String>> {
        let value = self.command(
            "GET",
            &format!("/element/{}/attribute/{name}", element.0),
            None,
        )?;
        Ok(value.as_str().map(str::to_owned))
    }

    /// Presses and releases each key in turn, as typed on the keyboard into whatever has focus.
    /// Keys are WebDriver key values: `"\u{E004}"` is Tab, `" "` is Space, `"\u{E015}"` is
    /// the down arrow.
    pub fn press_keys(&self, keys: &[&str]) -> Result<()> {
        let actions: Vec<Value> = keys
            .iter()
            .flat_map(|key| {
                [
                    json!({ "type": "keyDown", "value": key }),
                    json!({ "type": "keyUp", "value": key }),
                ]
            })
            .collect();
        self.command(
            "POST",
            "/actions",
            Some(&json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
        )?;
        self.command("DELETE", "/actions", None).map(drop)
    }

    /// Reloads the page.
    pub fn refresh(&self) -> Result<()> {
        self.command("POST", "/refresh", Some(&json!({}))).map(drop)
    }

    /// A PNG screenshot of the window.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let encoded = self.command("GET", "/screenshot", None)?;
        decode_base64(encoded.as_str().unwrap_or_default())
    }

    /// Runs a DevTools command (`Page.printToPDF`, `Emulation.setEmulatedMedia`, …).
    pub fn devtools(&self, command: &str, params: Value) -> Result<Value> {
        self.command(
            "POST",
            "/goog/cdp/execute",
            Some(&json!({ "cmd": command, "params": params })),
        )
    }

    /// The rendered text of the element.
    pub fn text(&self, element: &Element) -> Result<String> {
        let text = self.command("GET", &format!("/element/{}/text", element.0), None)?;
        Ok(text.as_str().unwrap_or_default().to_owned())
    }

    /// Whether a radio button or checkbox is checked.
    pub fn is_selected(&self, element: &Element) -> Result<bool> {
        let selected = self.command("GET", &format!("/element/{}/selected", element.0), None)?;
        Ok(selected == true)
    }

    /// Every URL the browser has requested since the last call (the browser's log hands out
    /// each event once: `privacy::RequestLog` keeps them over a journey), including `file://`
    /// and `data:` ones, in order (from Chromium's `Network.requestWillBeSent` DevTools events).
    pub fn requested_urls(&self) -> Result<Vec<String>> {
        let entries = self.command("POST", "/se/log", Some(&json!({ "type": "performance" })))?;
        let entries = entries
            .as_array()
            .ok_or_else(|| error(format!("performance log: unexpected answer {entries}")))?;
        let mut urls = Vec::new();
        for entry in entries {
            let event: Value = entry["message"]
                .as_str()
                .and_then(|message| serde_json::from_str(message).ok())
                .unwrap_or_default();
            if event["message"]["method"] == "Network.requestWillBeSent" {
                if let Some(url) = event["message"]["params"]["request"]["url"].as_str() {
                    urls.push(url.to_owned());
                }
            }
        }
        Ok(urls)
    }

    /// Runs `script` as the body of a function in the page and returns what it returns.
    pub fn execute(&self, script: &str) -> Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": [] })),
        )
    }

    /// Runs `script` as the body of an asynchronous function in the page: it ends by calling
    /// its last argument (`arguments[arguments.length - 1]`) with the answer, which this
    /// returns. Gives up after `timeout` (WebDriver's script timeout).
    pub fn execute_async(&self, script: &str, timeout: Duration) -> Result<Value> {
        let millis = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        self.command("POST", "/timeouts", Some(&json!({ "script": millis })))?;
        self.command(
            "POST",
            "/execute/async",
            Some(&json!({ "script": script, "args": [] })),
        )
    }

    /// Holds keys down together, then lets them go in reverse order (Shift+Tab is
    /// `["\u{E008}", "\u{E004}"]`).
    pub fn press_chord(&self, keys: &[&str]) -> Result<()> {
        let downs = keys
            .iter()
            .map(|key| json!({ "type": "keyDown", "value": key }));
        let ups = keys
            .iter()
            .rev()
            .map(|key| json!({ "type": "keyUp", "value": key }));
        let actions: Vec<Value> = downs.chain(ups).collect();
        self.command(
            "POST",
            "/actions",
            Some(&json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
        )?;
        self.command("DELETE", "/actions", None).map(drop)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.command("DELETE", "", None);
    }
}

/// One WebDriver request; returns the `value` of the answer or the error it reports.
fn request(agent: &ureq::Agent, method: &str, url: &str, body: Option<&Value>) -> Result<Value> {
    let failed = |e: ureq::Error| error(format!("{method} {url}: {e}"));
    let mut response = match (method, body) {
        ("GET", _) => agent.get(url).call().map_err(failed)?,
        ("DELETE", _) => agent.delete(url).call().map_err(failed)?,
        (_, body) => agent
            .post(url)
            .content_type("application/json")
            .send(body.unwrap_or(&json!({})).to_string())
            .map_err(failed)?,
    };
    let status = response.status();
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| error(format!("{method} {url}: reading the answer: {e}")))?;
    let answer: Value = serde_json::from_str(&text)
        .map_err(|e| error(format!("{method} {url}: answer is not JSON ({e}): {text}")))?;
    let value = answer["value"].clone();
    if !status.is_success() || value.get("error").is_some_and(|e| !e.is_null()) {
        return Err(error(format!(
            "{method} {url}: {} {}",
            value["error"].as_str().unwrap_or("error"),
            value["message"].as_str().unwrap_or(&text)
        )));
    }
    Ok(value)
}

/// Standard base64 (as WebDriver sends screenshots and PDFs) to bytes.
pub fn decode_base64(text: &str) -> Result<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| error(format!("not base64: {e}")))
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn base64_decodes() {
        assert_eq!(decode_base64("Zm9vYmFy").unwrap(), b"foobar");
        assert_eq!(decode_base64("Zm9vYg==").unwrap(), b"foob");
        assert!(decode_base64("Zm9v!").is_err());
    }
}
