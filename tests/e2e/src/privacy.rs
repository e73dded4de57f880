//! Helpers for the privacy journeys (`tests/privacy.rs`): reading a built page's
//! Content-Security-Policy and recomputing the hash of each inline script, recording CSP
//! violations from the first line of the page on, keeping every request the browser reports
//! over a whole journey, and a tiny local web server that logs every request it is sent.

use crate::page::AnalyserPage;
use crate::webdriver::{Error, Result, Session};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// The `content` of the page's `<meta http-equiv="Content-Security-Policy">`; an error if it
/// has none or more than one.
pub fn meta_policy(html: &str) -> Result<String> {
    let lower = html.to_ascii_lowercase();
    let marker = "http-equiv=\"content-security-policy\"";
    let found: Vec<usize> = lower.match_indices(marker).map(|(at, _)| at).collect();
    let [at] = found[..] else {
        return Err(Error(format!(
            "expected one CSP meta element, found {}",
            found.len()
        )));
    };
    let start = lower[..at]
        .rfind("<meta")
        .ok_or_else(|| Error("the CSP meta element has no start".into()))?;
    let end = start
        + lower[start..]
            .find('>')
            .ok_or_else(|| Error("the CSP meta element has no end".into()))?;
    let element = &html[start..end];
    let content = element
        .find("content=\"")
        .map(|i| &element[i + "content=\"".len()..])
        .and_then(|rest| rest.find('"').map(|j| &rest[..j]))
        .ok_or_else(|| Error(format!("no content in {element}")))?;
    Ok(content.to_owned())
}

/// The sources of one directive of a policy (`script-src` → `['self', …]`), if it is there.
pub fn directive<'a>(policy: &'a str, name: &str) -> Option<Vec<&'a str>> {
    policy.split(';').find_map(|part| {
        let mut words = part.split_whitespace();
        (words.next() == Some(name)).then(|| words.collect())
    })
}

/// The text of every inline `<script>` element of a page (those without `src`), as the
/// browser hashes it: everything between the start tag's `>` and `</script>`.
pub fn inline_scripts(html: &str) -> Result<Vec<String>> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(open) = lower[from..].find("<script").map(|i| from + i) {
        let tag_end = open
            + lower[open..]
                .find('>')
                .ok_or_else(|| Error("a <script> tag never closes".into()))?;
        let close = tag_end
            + lower[tag_end..]
                .find("</script")
                .ok_or_else(|| Error("a <script> element never ends".into()))?;
        if !lower[open..tag_end].contains(" src=") {
            scripts.push(html[tag_end + 1..close].to_owned());
        }
        from = close;
    }
    Ok(scripts)
}

/// The CSP source `'sha256-…'` that allows an inline script with this text.
pub fn hash_source(script: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Every way the page's policy was broken, from the first line of every page the session opens
/// on: a `securitypolicyviolation` listener installed through DevTools before any page script.
/// Reload the page after calling this for it to watch the load as well.
pub fn watch_violations(session: &Session) -> Result<()> {
    session.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__nasssViolations = [];\
            document.addEventListener('securitypolicyviolation', function (e) {\
              window.__nasssViolations.push(e.effectiveDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));\
            });" }),
    )?;
    Ok(())
}

/// The violations seen on the current page since it loaded (see [`watch_violations`]).
pub fn violations(session: &Session) -> Result<Vec<String>> {
    let seen = session.execute("return window.__nasssViolations || null;")?;
    let seen = seen.as_array().ok_or_else(|| {
        Error("the violation listener is not on this page: call watch_violations first".into())
    })?;
    Ok(seen
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect())
}

/// Puts an inline script into the page, as an injection would, and says whether it ran.
pub fn injected_script_ran(session: &Session) -> Result<bool> {
    let ran = session.execute(
        "window.__nasssInjected = false;\
         const s = document.createElement('script');\
         s.textContent = 'window.__nasssInjected = true;';\
         document.body.appendChild(s);\
         s.remove();\
         return window.__nasssInjected;",
    )?;
    ran.as_bool()
        .ok_or_else(|| Error(format!("the injection check answered {ran}")))
}

/// Every URL the browser reported requesting over a journey. The browser's log hands out each
/// event once, so this keeps them all as they are read.
#[derive(Default)]
pub struct RequestLog {
    pub urls: Vec<String>,
}

impl RequestLog {
    /// Reads what the browser has requested since the last read and keeps it.
    pub fn collect(&mut self, page: &AnalyserPage) -> Result<()> {
        self.urls.extend(page.session().requested_urls()?);
        Ok(())
    }

    /// The requests that are not the page itself (its address, with or without a `#`
    /// fragment), nor `data:` or `blob:` URLs made inside the page, nor one of `own`.
    pub fn beyond(&self, page_url: &str, own: &[String]) -> Vec<String> {
        self.urls
            .iter()
            .filter(|url| {
                let bare = url.split('#').next().unwrap_or_default();
                bare != page_url
                    && !url.starts_with("data:")
                    && !url.starts_with("blob:")
                    && !own.iter().any(|o| o == bare)
            })
            .cloned()
            .collect()
    }

    /// How many requests had URLs starting with `prefix`.
    pub fn count(&self, prefix: &str) -> usize {
        self.urls.iter().filter(|u| u.starts_with(prefix)).count()
    }
}

/// The browser's targets other than pages (workers, service workers, shared workers…), each as
/// `type url`: a page that talks to no one starts none.
pub fn other_targets(session: &Session) -> Result<Vec<String>> {
    let targets = session.devtools("Target.getTargets", json!({}))?;
    Ok(targets["targetInfos"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| !matches!(t["type"].as_str(), Some("page" | "browser" | "tab")))
        .map(|t| format!("{} {}", t["type"], t["url"]))
        .collect())
}

/// What the page itself recorded fetching (Resource Timing), and its service workers: a second
/// witness beside the DevTools events. Returns `(resource URLs, service worker count)`; a page
/// from `file://` can have no service worker (the browser refuses them there).
pub fn page_witness(session: &Session) -> Result<(Vec<String>, usize)> {
    let answer: Value = session.execute(
        "const resources = performance.getEntriesByType('resource').map(e => e.name);\
         const workers = navigator.serviceWorker && location.protocol !== 'file:' \
           ? navigator.serviceWorker.getRegistrations() : Promise.resolve([]);\
         return workers.then(w => [resources, w.length]);",
    )?;
    let resources = answer[0]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    Ok((resources, answer[1].as_u64().unwrap_or(0) as usize))
}

/// A web server on 127.0.0.1 that serves one folder and logs the path of every request it is
/// sent, whatever the browser's own logs say. It stops when the test process ends.
pub struct LoggingServer {
    /// The server's address, such as `http://127.0.0.1:41234`.
    pub origin: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl LoggingServer {
    pub fn serve(dir: &Path) -> Result<LoggingServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .map_err(|e| Error(format!("cannot listen on 127.0.0.1: {e}")))?;
        let origin = format!(
            "http://{}",
            listener
                .local_addr()
                .map_err(|e| Error(format!("no local address: {e}")))?
        );
        let log = Arc::new(Mutex::new(Vec::new()));
        let (dir, kept) = (dir.to_path_buf(), log.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dir, kept) = (dir.clone(), kept.clone());
                thread::spawn(move || answer(stream, &dir, &kept));
            }
        });
        Ok(LoggingServer { origin, log })
    }

    /// The request line paths (`GET /index.html`) the server has been sent so far.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }
}

fn answer(stream: std::net::TcpStream, dir: &Path, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        // The rest of the head, up to the blank line.
        let mut header = String::new();
        while reader.read_line(&mut header).unwrap_or(0) > 0 && header.trim() != "" {
            header.clear();
        }
        let mut words = line.split_whitespace();
        let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or("/"));
        if let Ok(mut log) = log.lock() {
            log.push(format!("{method} {target}"));
        }
        let name = match target.split(['?', '#']).next().unwrap_or("/") {
            "/" => "index.html",
            path => path.trim_start_matches('/'),
        };
        let file: PathBuf = dir.join(name);
        let safe = !name.contains("..") && !name.contains('/');
        let (status, body) = match std::fs::read(&file) {
            Ok(body) if safe => ("200 OK", body),
            _ => ("404 Not Found", b"not found".to_vec()),
        };
        let kind = match name.rsplit('.').next() {
            Some("html") => "text/html; charset=utf-8",
            Some("js") => "text/javascript",
            Some("wasm") => "application/wasm",
            _ => "text/plain",
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\r\n",
            body.len()
        );
        if stream.write_all(head.as_bytes()).is_err() || stream.write_all(&body).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_policy_and_its_directives() {
        let html = r#"<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-x' 'wasm-unsafe-eval'"></head>"#;
        let policy = meta_policy(html).unwrap();
        assert_eq!(
            directive(&policy, "script-src").unwrap(),
            ["'sha256-x'", "'wasm-unsafe-eval'"]
        );
        assert_eq!(directive(&policy, "connect-src"), None);
        assert!(meta_policy("<head></head>").is_err());
    }

    #[test]
    fn finds_inline_scripts_but_not_linked_ones() {
        let html = "<script>\na()\n</script><script src=\"x.js\"></script><SCRIPT type=\"module\">b</SCRIPT>";
        assert_eq!(inline_scripts(html).unwrap(), ["\na()\n", "b"]);
        assert!(inline_scripts("<script>never ends").is_err());
    }

    #[test]
    fn hashes_as_csp_does() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }
}
