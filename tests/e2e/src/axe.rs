//! Accessibility checks on the page as it is now: axe-core (from npm, installed by the xtask and
//! named by `NASSS_AXE`) injected through WebDriver and run against WCAG 2.0, 2.1 and 2.2 levels
//! A and AA, in light and dark colour schemes; and the reflow check (WCAG 1.4.10), that nothing
//! makes the page scroll sideways, naming the widest element when something does.

use crate::page::AnalyserPage;
use crate::webdriver::{Error, Result};
use serde_json::{json, Value};
use std::time::Duration;

/// The axe-core tags of WCAG 2.2 level AA: A and AA of versions 2.0, 2.1 and 2.2.
pub const WCAG_TAGS: [&str; 6] = [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
];

/// The colour schemes each state is checked in.
pub const SCHEMES: [&str; 2] = ["light", "dark"];

/// axe's own source, read once per audit from the file `NASSS_AXE` names.
fn axe_source() -> Result<String> {
    let path = std::env::var_os("NASSS_AXE").ok_or_else(|| {
        Error(
            "NASSS_AXE names axe-core's axe.min.js: `cargo xtask test` installs axe-core into \
             .tools/axe and sets it"
                .into(),
        )
    })?;
    std::fs::read_to_string(&path)
        .map_err(|e| Error(format!("NASSS_AXE={}: {e}", path.to_string_lossy())))
}

/// What axe found in one state, in one colour scheme.
#[derive(Debug)]
pub struct Finding {
    pub state: String,
    pub scheme: &'static str,
    /// How many rules axe ran (passed, failed, needing review or not applicable).
    pub rules_run: usize,
    /// Each violation, worded for a person reading a failed test.
    pub violations: Vec<String>,
}

/// An accessibility audit across a journey: each state visited is checked, and
/// [`Audit::finish`] fails with every violation found, state by state.
pub struct Audit {
    source: String,
    pub findings: Vec<Finding>,
}

impl Audit {
    pub fn new() -> Result<Audit> {
        Ok(Audit {
            source: axe_source()?,
            findings: Vec::new(),
        })
    }

    /// Runs axe on the page as it is, in each of [`SCHEMES`] (emulated through DevTools),
    /// recording what it finds under `state`.
    pub fn check(&mut self, page: &AnalyserPage, state: &str) -> Result<()> {
        for scheme in SCHEMES {
            emulate_scheme(page, scheme)?;
            let finding = self.run(page, state, scheme)?;
            self.findings.push(finding);
        }
        emulate_scheme(page, "light")
    }

    fn run(&self, page: &AnalyserPage, state: &str, scheme: &'static str) -> Result<Finding> {
        let session = page.session();
        let loaded = session.execute("return typeof window.axe === 'object';")?;
        if loaded != true {
            // WebDriver runs scripts outside the page's Content-Security-Policy.
            session.execute(&format!("{}\n;return true;", self.source))?;
        }
        let script = format!(
            "const done = arguments[arguments.length - 1];
             window.axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }}, resultTypes: ['violations'] }})
               .then(r => done({{
                 rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
                 violations: r.violations.map(v => ({{ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map(n => ({{ target: n.target.join(' '), summary: n.failureSummary }})) }}))
               }}))
               .catch(e => done({{ error: String(e) }}));",
            tags = json!(WCAG_TAGS)
        );
        let answer = session.execute_async(&script, Duration::from_secs(60))?;
        if let Some(error) = answer["error"].as_str() {
            return Err(Error(format!("axe failed in {state} ({scheme}): {error}")));
        }
        let rules_run = answer["rules"].as_u64().unwrap_or_default() as usize;
        if rules_run == 0 {
            return Err(Error(format!("axe ran no rules in {state}: {answer}")));
        }
        let violations = answer["violations"]
            .as_array()
            .map(|violations| violations.iter().map(describe).collect())
            .unwrap_or_default();
        Ok(Finding {
            state: state.to_owned(),
            scheme,
            rules_run,
            violations,
        })
    }

    /// The states checked, in order.
    pub fn states(&self) -> Vec<&str> {
        let mut states: Vec<&str> = self.findings.iter().map(|f| f.state.as_str()).collect();
        states.dedup();
        states
    }

    /// The most rules axe ran in any one state.
    pub fn rules_run(&self) -> usize {
        self.findings.iter().map(|f| f.rules_run).max().unwrap_or(0)
    }

    /// Every violation found, as one readable list; empty when there were none.
    pub fn report(&self) -> String {
        let mut report = String::new();
        for finding in self.findings.iter().filter(|f| !f.violations.is_empty()) {
            report.push_str(&format!("{} ({}):\n", finding.state, finding.scheme));
            for violation in &finding.violations {
                report.push_str(violation);
            }
        }
        report
    }
}

/// One axe violation: `rule (impact): help`, then each offending element's selector and why.
fn describe(violation: &Value) -> String {
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    let mut out = format!(
        "  - {} ({}): {}\n",
        text(&violation["id"]),
        text(&violation["impact"]),
        text(&violation["help"])
    );
    for node in violation["nodes"].as_array().into_iter().flatten() {
        let summary = text(&node["summary"]).replace('\n', " ");
        out.push_str(&format!("      at {}: {summary}\n", text(&node["target"])));
    }
    out
}

/// Emulates `prefers-color-scheme: light` or `dark` through DevTools.
pub fn emulate_scheme(page: &AnalyserPage, scheme: &str) -> Result<()> {
    page.session().devtools(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    )?;
    let query = format!("return window.matchMedia('(prefers-color-scheme: {scheme})').matches;");
    match page.session().execute(&query)? == true {
        true => Ok(()),
        false => Err(Error(format!(
            "DevTools did not make the page prefer the {scheme} colour scheme"
        ))),
    }
}

/// Makes the page's viewport `width` CSS pixels wide and `height` high at `scale` device
/// pixels per CSS pixel: 320 wide at scale 4 is a 1280-pixel window zoomed to 400%.
pub fn emulate_viewport(page: &AnalyserPage, width: u32, height: u32, scale: u32) -> Result<()> {
    page.session()
        .devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": scale, "mobile": false }),
        )
        .map(drop)
}

/// `None` if the page fits its viewport's width; otherwise what sticks out: the page's and the
/// viewport's widths and the widest elements beyond the right edge that are not inside their
/// own sideways scroll container (as a wide table may be).
pub fn sideways_overflow(page: &AnalyserPage) -> Result<Option<String>> {
    let answer = page.session().execute(
        "const page = document.documentElement.scrollWidth, view = window.innerWidth;
         if (page <= view) return null;
         const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
             const o = getComputedStyle(a).overflowX;
             if (a !== document.body && a !== document.documentElement && (o === 'auto' || o === 'scroll' || o === 'hidden')) return true; }
           return false; };
         const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
           + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
           + (e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : '');
         const wide = [...document.body.querySelectorAll('*')]
           .map(e => [e, e.getBoundingClientRect()])
           .filter(([e, r]) => r.right > view + 0.5 && r.width > 0 && !scrolls(e))
           .sort((a, b) => b[1].right - a[1].right).slice(0, 5)
           .map(([e, r]) => name(e) + ' (right edge ' + Math.round(r.right) + ' px, width ' + Math.round(r.width) + ' px)');
         return 'the page is ' + page + ' px wide in a ' + view + ' px viewport; widest: ' + wide.join('; ');",
    )?;
    Ok(answer.as_str().map(str::to_owned))
}
