//! `cargo xtask test`: every check the project has, in the order that fails fastest. This is
//! the README's test command and what `.ci/run` runs.

use crate::shell::{self, cargo};
use anyhow::{bail, Result};

pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        None => {
            host()?;
            wasm_core()?;
            fuzz()?;
            // The web app: wasm tests in headless Chromium, then end-to-end tests of dist/.
            crate::browser::test()
        }
        Some("--host") => host(),
        Some(other) => {
            bail!("unknown option `{other}` (try `cargo xtask test` or `cargo xtask test --host`)")
        }
    }
}

/// Host tests: unit, property, snapshot and CLI tests of every crate.
fn host() -> Result<()> {
    shell::run(cargo().args(["test", "--workspace", "--exclude", "nasss-web"]))
}

/// A bounded pass of every fuzz target (`cargo xtask fuzz` runs them longer).
fn fuzz() -> Result<()> {
    for (target, executions) in crate::fuzz::fuzz_all(FUZZ_SECONDS)? {
        println!("fuzz {target}: {executions} executions in {FUZZ_SECONDS} s, no failure");
    }
    Ok(())
}

/// Seconds each fuzz target runs in `cargo xtask test`.
const FUZZ_SECONDS: u64 = 10;

/// The core must build for the browser as well as the host.
fn wasm_core() -> Result<()> {
    shell::run(cargo().args([
        "build",
        "--package",
        "nasss-core",
        "--target",
        "wasm32-unknown-unknown",
    ]))
}
