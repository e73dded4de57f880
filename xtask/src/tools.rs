//! The tools the web build needs beyond cargo, fetched on first use: the `wasm32-unknown-unknown`
//! target (through rustup), `wasm-bindgen` / `wasm-bindgen-test-runner` at exactly the
//! wasm-bindgen version in `Cargo.lock`, installed from crates.io into `.tools/` (gitignored),
//! and, where npm is available, `wasm-opt` from the npm package `binaryen` into `.tools/npm/`;
//! for `cargo xtask bench`, the wasm size profiler `twiggy` from crates.io into `.tools/`; for the
//! accessibility journeys, npm's `axe-core` into `.tools/axe/`.

use crate::shell::{self, cargo, root};
use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The npm `binaryen` release whose `wasm-opt` shrinks the app (Debian's binaryen is too old to
/// read current rustc output). Pinned so that dist/ is the same on every machine.
const BINARYEN_VERSION: &str = "132.0.0";

/// Where `cargo install --root` puts the project's own tools.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// The wasm-bindgen command-line tools, matching the library the app links.
pub struct WasmBindgen {
    pub version: String,
    /// `wasm-bindgen`: turns the compiled wasm into wasm + JS glue.
    pub cli: PathBuf,
    /// `wasm-bindgen-test-runner`: cargo's runner for `cargo test --target wasm32-unknown-unknown`.
    pub test_runner: PathBuf,
}

/// Adds the wasm target to the active toolchain unless it is there already.
pub fn ensure_wasm_target() -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root())
        .output()
        .context("could not run rustup: the web build needs rustup to add the wasm32 target")?;
    if !installed.status.success() {
        bail!(
            "`rustup target list --installed` failed: {}",
            String::from_utf8_lossy(&installed.stderr)
        );
    }
    let listed = String::from_utf8_lossy(&installed.stdout);
    if listed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    shell::run(
        Command::new("rustup")
            .args(["target", "add", WASM_TARGET])
            .current_dir(root()),
    )
}

/// Makes sure `.tools/bin` holds wasm-bindgen at the version in `Cargo.lock`, installing it with
/// `cargo install --locked` when it is missing or another version (about two minutes, once).
pub fn ensure_wasm_bindgen() -> Result<WasmBindgen> {
    let version = locked_version("wasm-bindgen")?;
    let bin = tools_dir().join("bin");
    let tools = WasmBindgen {
        cli: bin.join(exe("wasm-bindgen")),
        test_runner: bin.join(exe("wasm-bindgen-test-runner")),
        version,
    };
    let installed = installed_version(&tools.cli);
    if installed.as_deref() == Some(tools.version.as_str()) && tools.test_runner.exists() {
        return Ok(tools);
    }
    match installed {
        Some(other) => eprintln!(
            "xtask: .tools has wasm-bindgen {other}, Cargo.lock wants {}; reinstalling",
            tools.version
        ),
        None => eprintln!(
            "xtask: installing wasm-bindgen-cli {} into .tools (once; takes a few minutes)",
            tools.version
        ),
    }
    install_wasm_bindgen_cli(&tools.version)?;
    match installed_version(&tools.cli) {
        Some(found) if found == tools.version => Ok(tools),
        found => bail!(
            "installed wasm-bindgen-cli {} but {} reports {found:?}",
            tools.version,
            tools.cli.display()
        ),
    }
}

/// `wasm-opt` from npm's `binaryen` at [`BINARYEN_VERSION`], installed into `.tools/npm` on
/// first use; `None`, with a note, where there is no npm, since the app works without it.
pub fn ensure_wasm_opt() -> Result<Option<PathBuf>> {
    let prefix = tools_dir().join("npm");
    let wasm_opt = prefix.join("node_modules").join(".bin").join("wasm-opt");
    let wanted_major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let installed = || {
        let output = Command::new(&wasm_opt).arg("--version").output().ok()?;
        // `wasm-opt version 132 (version_132)`
        let printed = String::from_utf8_lossy(&output.stdout).into_owned();
        Some(printed.split_whitespace().nth(2)? == wanted_major)
    };
    if installed() == Some(true) {
        return Ok(Some(wasm_opt));
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    if Command::new(npm).arg("--version").output().is_err() {
        eprintln!(
            "xtask: no npm here, so no wasm-opt: the wasm stays about a third larger. Install \
             Node.js and npm (Debian: apt-get install nodejs npm) for the smaller build."
        );
        return Ok(None);
    }
    std::fs::create_dir_all(&prefix)?;
    shell::run(
        Command::new(npm)
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(format!("binaryen@{BINARYEN_VERSION}"))
            .current_dir(&prefix),
    )?;
    match installed() {
        Some(true) => Ok(Some(wasm_opt)),
        _ => bail!(
            "installed binaryen {BINARYEN_VERSION} with npm but {} does not report version \
             {wanted_major}",
            wasm_opt.display()
        ),
    }
}

/// The npm `axe-core` release the accessibility journeys inject into the page. Pinned so that a
/// new axe release (new rules) cannot change what the tests find without a commit saying so.
pub const AXE_CORE_VERSION: &str = "4.10.3";

/// `axe.min.js` from npm's `axe-core` at [`AXE_CORE_VERSION`], installed into `.tools/axe` on
/// first use and kept there. Unlike `wasm-opt` it is not optional: the accessibility journeys
/// are never skipped, so without npm this stops with the command that installs it.
pub fn ensure_axe_core() -> Result<PathBuf> {
    let prefix = tools_dir().join("axe");
    let package = prefix.join("node_modules").join("axe-core");
    let script = package.join("axe.min.js");
    let installed = || {
        let manifest = std::fs::read_to_string(package.join("package.json")).ok()?;
        // npm writes `"version": "4.10.3",` on a line of its own.
        let wanted = format!("\"version\": \"{AXE_CORE_VERSION}\"");
        Some(manifest.contains(&wanted) && script.is_file())
    };
    if installed() == Some(true) {
        return Ok(script);
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    if Command::new(npm).arg("--version").output().is_err() {
        bail!(
            "the accessibility journeys need axe-core {AXE_CORE_VERSION} from npm, and there is \
             no npm here. Install Node.js and npm (Debian: `apt-get install -y nodejs npm`), then \
             run `cargo xtask test` again"
        );
    }
    std::fs::create_dir_all(&prefix)?;
    shell::run(
        Command::new(npm)
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                "--prefix",
            ])
            .arg(&prefix)
            .arg(format!("axe-core@{AXE_CORE_VERSION}"))
            .current_dir(&prefix),
    )?;
    match installed() {
        Some(true) => Ok(script),
        _ => bail!(
            "installed axe-core {AXE_CORE_VERSION} with npm but {} is missing or another version",
            script.display()
        ),
    }
}

/// The `twiggy` release that `cargo xtask bench` profiles the wasm with.
const TWIGGY_VERSION: &str = "0.8.0";

/// `.tools/bin/twiggy` at [`TWIGGY_VERSION`], installed from crates.io on first use (about two
/// minutes, once).
pub fn ensure_twiggy() -> Result<PathBuf> {
    let twiggy = tools_dir().join("bin").join(exe("twiggy"));
    let installed = || {
        let output = Command::new(&twiggy).arg("--version").output().ok()?;
        // `twiggy 0.8.0`
        let printed = String::from_utf8_lossy(&output.stdout).into_owned();
        Some(printed.split_whitespace().nth(1)? == TWIGGY_VERSION)
    };
    if installed() == Some(true) {
        return Ok(twiggy);
    }
    eprintln!("xtask: installing twiggy {TWIGGY_VERSION} into .tools (once; takes a few minutes)");
    let mut install = cargo();
    install.args(["install", "--root"]);
    install.arg(tools_dir());
    install.args(["twiggy", "--version", TWIGGY_VERSION, "--force"]);
    if shell::run(install.arg("--locked")).is_err() {
        eprintln!("xtask: twiggy would not install with --locked; trying without");
        let mut install = cargo();
        install.args(["install", "--root"]);
        install.arg(tools_dir());
        install.args(["twiggy", "--version", TWIGGY_VERSION, "--force"]);
        shell::run(&mut install)?;
    }
    match installed() {
        Some(true) => Ok(twiggy),
        _ => bail!(
            "installed twiggy {TWIGGY_VERSION} but {} does not report that version",
            twiggy.display()
        ),
    }
}

/// `cargo install wasm-bindgen-cli --locked` into `.tools`. If the registry lacks a dependency
/// version that the CLI's own lock file pins (seen with a crates.io mirror missing a yanked
/// `webpki-roots`), it says so and installs the same CLI version without `--locked`.
fn install_wasm_bindgen_cli(version: &str) -> Result<()> {
    let install = |locked: bool| {
        let mut command = cargo();
        command.args(["install", "--root"]);
        command.arg(tools_dir());
        command.args(["wasm-bindgen-cli", "--version", version, "--force"]);
        if locked {
            command.arg("--locked");
        }
        command
    };
    let mut locked = install(true);
    eprintln!("$ {locked:?}");
    let mut child = locked
        .stderr(Stdio::piped())
        .spawn()
        .context("could not start cargo install")?;
    // Echo cargo's progress as it comes while keeping it, to tell why it failed.
    let mut printed = String::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.unwrap_or_default();
            eprintln!("{line}");
            printed.push_str(&line);
            printed.push('\n');
        }
    }
    let status = child.wait()?;
    if status.success() {
        return Ok(());
    }
    if !printed.contains("failed to select a version") {
        bail!("cargo install wasm-bindgen-cli {version} --locked failed with {status}");
    }
    eprintln!(
        "xtask: the registry lacks a dependency version pinned by wasm-bindgen-cli {version}'s \
         lock file; installing wasm-bindgen-cli {version} without --locked instead"
    );
    shell::run(&mut install(false))
}

/// The version of `package` that `Cargo.lock` pins, resolving the workspace first if there is no
/// lock file yet. Fails if the lock holds several versions of it.
pub fn locked_version(package: &str) -> Result<String> {
    let lock_path = root().join("Cargo.lock");
    if !lock_path.exists() {
        let resolved = cargo()
            .args(["metadata", "--format-version", "1"])
            .stdout(Stdio::null())
            .status()
            .context("could not run cargo metadata to create Cargo.lock")?;
        if !resolved.success() {
            bail!("cargo metadata could not resolve the workspace to create Cargo.lock");
        }
    }
    let lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("could not read {}", lock_path.display()))?;
    let versions = lock_versions(&lock, package);
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => bail!("Cargo.lock has no `{package}`: does the web crate depend on yew?"),
        several => bail!("Cargo.lock has several versions of `{package}`: {several:?}"),
    }
}

/// Every version of `package` in the text of a `Cargo.lock`.
fn lock_versions(lock: &str, package: &str) -> Vec<String> {
    let wanted = format!("name = \"{package}\"");
    lock.split("[[package]]")
        .filter(|entry| entry.lines().any(|line| line.trim() == wanted))
        .filter_map(|entry| {
            entry.lines().find_map(|line| {
                line.trim()
                    .strip_prefix("version = \"")
                    .and_then(|rest| rest.strip_suffix('"'))
                    .map(str::to_owned)
            })
        })
        .collect()
}

/// The version a `wasm-bindgen` binary reports (`wasm-bindgen 0.2.100`), if it runs at all.
fn installed_version(cli: &std::path::Path) -> Option<String> {
    let output = Command::new(cli).arg("--version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .nth(1)
        .map(str::to_owned)
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::lock_versions;

    #[test]
    fn reads_versions_from_a_lock_file() {
        let lock = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.100"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.100"
"#;
        assert_eq!(lock_versions(lock, "wasm-bindgen"), ["0.2.100"]);
        assert_eq!(lock_versions(lock, "wasm-bindgen-backend"), ["0.2.100"]);
        assert!(lock_versions(lock, "yew").is_empty());
    }
}
