//! Privacy, proven on the built pages: each carries the strictest Content-Security-Policy it
//! allows (every inline script allowed by its hash, no `'unsafe-inline'` scripts, no connections
//! at all from the single file), the browser enforces it (an injected script is refused and
//! reported) while the app runs without a single violation, and a journey through every feature
//! of the app, in the single file and in `dist/hosted/` served on 127.0.0.1, makes no request
//! beyond the page itself. Ignored by a plain `cargo test`; `cargo xtask test` runs them.

use nasss_e2e::page::dist_index;
use nasss_e2e::privacy::{
    directive, hash_source, inline_scripts, meta_policy, violations, watch_violations,
};
use nasss_e2e::{AnalyserPage, Error, Result};
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
    let ran = page.session().execute(
        "window.__nasssInjected = false;\
         const s = document.createElement('script');\
         s.textContent = 'window.__nasssInjected = true;';\
         document.body.appendChild(s);\
         return window.__nasssInjected;",
    )?;
    assert_eq!(ran, false, "the injected script ran");
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
