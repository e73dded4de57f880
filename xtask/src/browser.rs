//! The browser half of `cargo xtask test`: the wasm-bindgen tests of the web crate (its unit
//! tests and `web/tests/web.rs`) in headless Chromium, then `dist`, then the end-to-end journeys
//! (`tests/e2e`) that drive `dist/index.html` opened from disk, and `dist/hosted/` served on
//! 127.0.0.1 by this process, through ChromeDriver.
//!
//! Needs Chromium and ChromeDriver (Debian: `apt-get install chromium chromium-driver`);
//! `CHROME_BIN` and `CHROMEDRIVER` point at other copies. The accessibility journeys also need
//! npm, for axe-core (`NASSS_AXE` names its `axe.min.js`).

use crate::shell::{self, cargo, root};
use crate::tools::{self, WASM_TARGET};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const INSTALL_HINT: &str = "the browser tests need Chromium and ChromeDriver. On Debian or \
     Ubuntu: `apt-get update && apt-get install -y chromium chromium-driver` (as root); or set \
     CHROME_BIN and CHROMEDRIVER to the programs";

/// The browser the tests drive.
struct Browser {
    chromium: PathBuf,
    chromedriver: PathBuf,
}

pub fn test() -> Result<()> {
    let started = Instant::now();
    let browser = Browser::find()?;
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;

    let step = Instant::now();
    shell::run(
        cargo()
            .args(["test", "--package", "nasss-web", "--target", WASM_TARGET])
            // The crate's unit tests (`--lib`: reducer, saved list, model card, file names)
            // and its browser tests (`tests/web.rs`), both under wasm-bindgen-test.
            .args([
                "--lib", "--test", "web", "--test", "teams", "--test", "storage",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                &wasm_bindgen.test_runner,
            )
            .env("CHROMEDRIVER", &browser.chromedriver)
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root().join("web").join("webdriver.json"),
            )
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .env_remove("NO_HEADLESS")
            .env_remove("CHROMEDRIVER_REMOTE"),
    )?;
    let wasm_tests = step.elapsed();

    let step = Instant::now();
    let dist = crate::dist::run(&[])?;
    let dist_time = step.elapsed();

    let step = Instant::now();
    // The journeys compare the app's downloads with what the command line prints.
    shell::run(cargo().args(["build", "--package", "nasss-cli", "--bin", "nasss"]))?;
    let cli = root()
        .join("target")
        .join("debug")
        .join(format!("nasss{}", std::env::consts::EXE_SUFFIX));
    // The accessibility journeys inject axe-core, from npm, into the page.
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    if Command::new(npm).arg("--version").output().is_err() {
        install(&NPM_PACKAGES)?;
    }
    let axe = tools::ensure_axe_core()?;
    let server = crate::serve::in_background(dist.dir.clone())?;
    shell::run(
        cargo()
            // The same packages as the host tests (`test.rs`), so that cargo reuses their build
            // rather than building nasss-e2e's dependencies again with other features; only the
            // ignored tests run, and those are all the journeys.
            .args([
                "test",
                "--workspace",
                "--exclude",
                "nasss-web",
                "--tests",
                "--",
                "--ignored",
            ])
            .env("NASSS_CLI", &cli)
            .env("NASSS_AXE", &axe)
            .env("NASSS_DIST_INDEX", &dist.single_file)
            .env("NASSS_HOSTED_URL", format!("http://{server}/hosted/"))
            .env("CHROMEDRIVER", &browser.chromedriver)
            .env("CHROME_BIN", &browser.chromium),
    )?;
    println!(
        "xtask test: browser tests passed in {:.1} s (wasm tests {:.1} s, dist {:.1} s, \
         end-to-end {:.1} s)",
        started.elapsed().as_secs_f64(),
        wasm_tests.as_secs_f64(),
        dist_time.as_secs_f64(),
        step.elapsed().as_secs_f64()
    );
    Ok(())
}

impl Browser {
    /// Finds Chromium and ChromeDriver and checks that they are the same major version, which
    /// ChromeDriver insists on.
    fn find() -> Result<Browser> {
        if program("CHROME_BIN", CHROMIUM_NAMES).is_err()
            || program("CHROMEDRIVER", &["chromedriver"]).is_err()
        {
            install(&PACKAGES)?;
        }
        let chromium = program("CHROME_BIN", CHROMIUM_NAMES).context(INSTALL_HINT)?;
        let chromedriver = program("CHROMEDRIVER", &["chromedriver"]).context(INSTALL_HINT)?;
        let browser_version = version(&chromium)?;
        let driver_version = version(&chromedriver)?;
        eprintln!("xtask: {browser_version} with {driver_version}");
        if major(&browser_version) != major(&driver_version) {
            bail!(
                "{} is {browser_version} but {} is {driver_version}: they must be the same major \
                 version ({INSTALL_HINT})",
                chromium.display(),
                chromedriver.display()
            );
        }
        Ok(Browser {
            chromium,
            chromedriver,
        })
    }
}

/// The names Chromium goes by on PATH.
const CHROMIUM_NAMES: &[&str] = &["chromium", "chromium-browser", "google-chrome"];

/// The Debian packages that give Chromium and ChromeDriver, and the command that installs them.
const PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];

/// The Debian packages that give npm, which installs axe-core for the accessibility journeys.
const NPM_PACKAGES: [&str; 2] = ["nodejs", "npm"];

/// Installs Debian `packages` (Chromium and ChromeDriver, or npm) with apt where this user may
/// (root, or sudo without a password); otherwise stops at once with the command to run. The
/// browser tests are never skipped.
fn install(packages: &[&str]) -> Result<()> {
    let install_command = format!(
        "sudo apt-get update && sudo apt-get install -y {}",
        packages.join(" ")
    );
    let has = |program: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {program}")])
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if !has("apt-get") {
        bail!(
            "the browser tests need the Debian packages {}; this machine has no apt-get, so \
             xtask cannot install them itself ({INSTALL_HINT})",
            packages.join(" and ")
        );
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0");
    let sudo = !root
        && Command::new("sudo")
            .args(["-n", "true"])
            .output()
            .is_ok_and(|output| output.status.success());
    if !root && !sudo {
        bail!(
            "the browser tests need the Debian packages {}, and installing them needs root. \
             Run:\n  {install_command}\nthen `cargo xtask test` again",
            packages.join(" and ")
        );
    }
    let apt = |args: &[&str]| {
        let mut command = match sudo {
            true => {
                let mut command = Command::new("sudo");
                command.args(["-n", "apt-get"]);
                command
            }
            false => Command::new("apt-get"),
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    eprintln!("xtask: installing {} with apt-get", packages.join(" and "));
    shell::run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq"]);
    install.args(packages);
    shell::run(&mut install)
        .with_context(|| format!("could not install them; run:\n  {install_command}"))
}

/// The program named by the environment variable `variable`, or the first of `names` on `PATH`.
fn program(variable: &str, names: &[&str]) -> Result<PathBuf> {
    if let Some(path) = std::env::var_os(variable) {
        let path = PathBuf::from(path);
        if path.is_file() {
            return Ok(path);
        }
        bail!(
            "{variable} is set to {}, which is not a file",
            path.display()
        );
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    names
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
        .with_context(|| format!("found none of {} on PATH", names.join(", ")))
}

/// What `program --version` prints, such as `Chromium 156.0.8078.79 built on Debian…`.
fn version(program: &Path) -> Result<String> {
    let output = Command::new(program)
        .arg("--version")
        .output()
        .with_context(|| format!("could not run {} --version", program.display()))?;
    let printed = String::from_utf8_lossy(&output.stdout);
    let line = printed.lines().find(|line| !line.trim().is_empty());
    match line {
        Some(line) if output.status.success() => Ok(line.trim().to_owned()),
        _ => bail!(
            "{} --version failed: {}",
            program.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ),
    }
}

/// The major version in a `--version` line: `156` in `ChromeDriver 156.0.8078.79 (…)`.
fn major(version: &str) -> Option<&str> {
    version
        .split_whitespace()
        .find(|word| word.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .and_then(|number| number.split('.').next())
}

#[cfg(test)]
mod tests {
    use super::major;

    #[test]
    fn major_versions() {
        assert_eq!(
            major("Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)"),
            Some("156")
        );
        assert_eq!(
            major("ChromeDriver 156.0.8078.79 (a21ce95c24ce3964416f09ae1862f53f319eb4d0-refs/branch-heads/8078@{#1704})"),
            Some("156")
        );
        assert_eq!(major("Google Chrome 131.0.6778.85 "), Some("131"));
        assert_eq!(major("nothing"), None);
    }
}
