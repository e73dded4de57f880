//! Browser timings for `cargo xtask bench`, through the project's WebDriver client in headless
//! Chromium:
//!
//! - page load from `file://`: first contentful paint and largest contentful paint of the app
//!   page and of a blank page, loaded in turn (interleaved, so both see the same machine);
//! - one rating change to the next painted frame: a rating radio is clicked from script and
//!   the time taken until a frame after the click has been painted (the first task after the
//!   next `requestAnimationFrame`).
//!
//! `nasss-page-timings APP.html BLANK.html LOADS CLICKS` prints one line per figure,
//! `load app fcp 123.4`, `load app lcp 150.2`, `load blank …`, `rating 5.1`, in milliseconds.

use nasss_e2e::page::file_url;
use nasss_e2e::webdriver::Session;
use nasss_e2e::AnalyserPage;
use serde_json::Value;
use std::path::PathBuf;
use std::thread;
use std::time::{Duration, Instant};

/// Waits for the app to show, then reads the paint timings once a frame more has gone by.
const PAINTS: &str = r#"
const appReady = () => !arguments[0] || document.querySelector("[data-testid=app]");
return new Promise((resolve) => {
  const started = performance.now();
  const poll = () => {
    if (!appReady() && performance.now() - started < 20000) { setTimeout(poll, 5); return; }
    let lcp = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    requestAnimationFrame(() => setTimeout(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      resolve([fcp ? fcp.startTime : null, lcp]);
    }, 100));
  };
  poll();
});
"#;

/// Clicks the `arguments[0]`th rating radio and times it to the next painted frame.
const RATING: &str = r#"
const radios = document.querySelectorAll("fieldset[data-testid^='rate-'] input[type=radio]");
const radio = radios[arguments[0] % radios.length];
return new Promise((resolve) => {
  setTimeout(() => {
    const started = performance.now();
    radio.click();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve([performance.now() - started, radios.length]);
      channel.port2.postMessage(null);
    });
  }, arguments[1]);
});
"#;

fn main() {
    if let Err(error) = run() {
        eprintln!("nasss-page-timings: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [app, blank, loads, clicks] = args.as_slice() else {
        return Err("usage: nasss-page-timings APP.html BLANK.html LOADS CLICKS".into());
    };
    let url = |path: &str| -> Result<String, std::io::Error> {
        Ok(file_url(&PathBuf::from(path).canonicalize()?))
    };
    let (app, blank) = (url(app)?, url(blank)?);
    let loads: usize = loads.parse()?;
    let clicks: usize = clicks.parse()?;

    let session = Session::start()?;
    // One load of each first, not counted: Chromium's own start-up is not the page's.
    for (address, is_app) in [(&app, true), (&blank, false)] {
        paints(&session, address, is_app)?;
    }
    for _ in 0..loads {
        for (name, address, is_app) in [("app", &app, true), ("blank", &blank, false)] {
            let (fcp, lcp) = paints(&session, address, is_app)?;
            println!("load {name} fcp {fcp:.1}");
            println!("load {name} lcp {lcp:.1}");
        }
    }
    drop(session);

    let page = AnalyserPage::open(&app)?;
    page.clear_storage()?;
    page.click("new-assessment")?;
    page.click("start-rating")?;
    let session = page.session();
    let started = Instant::now();
    while session
        .find_all_css("fieldset[data-testid^='rate-'] input[type=radio]")?
        .is_empty()
    {
        if started.elapsed() > Duration::from_secs(20) {
            return Err("no rating radios on the rating page".into());
        }
        thread::sleep(Duration::from_millis(20));
    }
    for n in 0..clicks {
        // Walk through the radios in a stride that changes the outlook often; start each
        // click at a different point in the frame.
        let script = RATING
            .replace("arguments[0]", &(n * 5).to_string())
            .replace("arguments[1]", &(n % 7).to_string());
        let answer: Value = session.execute(&script)?;
        let taken = answer[0].as_f64().ok_or("no rating time")?;
        println!("rating {taken:.2}");
    }
    Ok(())
}

/// Loads `url` from a blank tab and returns its first and largest contentful paint.
fn paints(
    session: &Session,
    url: &str,
    is_app: bool,
) -> Result<(f64, f64), Box<dyn std::error::Error>> {
    session.goto("about:blank")?;
    session.goto(url)?;
    let script = PAINTS.replace("arguments[0]", if is_app { "true" } else { "false" });
    let answer = session.execute(&script)?;
    match (answer[0].as_f64(), answer[1].as_f64()) {
        (Some(fcp), Some(lcp)) => Ok((fcp, lcp)),
        _ => Err(format!("{url}: no paint timings ({answer})").into()),
    }
}
