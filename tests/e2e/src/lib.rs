//! End-to-end test support for the NASSS analyser's web app: a small blocking WebDriver client
//! ([`webdriver`]) and the page object ([`page::AnalyserPage`]) the journeys in `tests/` are
//! written against. The journeys drive the built app in headless Chromium: `dist/index.html`
//! opened from disk, and the multi-file `dist/hosted/` over HTTP; `cargo xtask test` builds and
//! serves them and runs the journeys.

pub mod axe;
pub mod injection;
pub mod over_time;
pub mod page;
pub mod privacy;
pub mod teams;
pub mod webdriver;

pub use page::AnalyserPage;
pub use webdriver::{Error, Result};
