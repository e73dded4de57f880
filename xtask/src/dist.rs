//! `cargo xtask dist`: builds the web app (`web/`, crate `nasss-web`) for the browser into
//! `dist/`, in two shapes made from the page shell `index.html` at the repository root:
//!
//! - `dist/index.html`: one self-contained file. The wasm-bindgen glue (`--target no-modules`)
//!   is an inline script and the wasm, gzipped (by zopfli, the smallest gzip) and
//!   base64-encoded, is a second one that inflates it with the browser's `DecompressionStream`,
//!   compiles it with `WebAssembly.compile` (off the main thread) and starts it with `initSync`. It makes no
//!   network requests, so it works offline and straight from disk (`file://`).
//! - `dist/hosted/`: the usual multi-file layout (`index.html`, `nasss_web.js` as an ES module,
//!   `nasss_web_bg.wasm`) for a web server.
//!
//! Each page gets the strictest Content-Security-Policy it allows (`csp.rs`): its inline scripts
//! by hash, and no connections at all from the self-contained page.
//!
//! The wasm goes through `wasm-opt -Oz` (npm `binaryen`, see `tools.rs`) when npm is available,
//! which makes it about a third smaller; `--no-wasm-opt` skips that. It ends by printing the size
//! of every file it wrote, raw and gzipped: that table is the project's size measurement of the
//! web app.

mod csp;

use crate::shell::{self, cargo, root};
use crate::tools::{self, WASM_TARGET};
use anyhow::{bail, Context, Result};
use csp::{Script, Variant};
use flate2::{write::GzEncoder, Compression};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The comment in the page shell that dist replaces with the app's scripts.
const SCRIPTS_MARKER: &str = "<!-- nasss:scripts -->";
/// The name wasm-bindgen gives its output: `nasss_web.js`, `nasss_web_bg.wasm`.
const OUT_NAME: &str = "nasss_web";

/// What `dist` wrote.
pub struct Dist {
    /// `dist/` itself.
    pub dir: PathBuf,
    /// The self-contained page, `dist/index.html`.
    pub single_file: PathBuf,
}

pub fn run(args: &[String]) -> Result<Dist> {
    let mut optimise = true;
    for arg in args {
        match arg.as_str() {
            "--no-wasm-opt" => optimise = false,
            other => bail!("unknown option `{other}` (usage: cargo xtask dist [--no-wasm-opt])"),
        }
    }
    let started = Instant::now();
    tools::ensure_wasm_target()?;
    shell::run(cargo().args([
        "build",
        "--profile",
        WASM_PROFILE,
        "--package",
        "nasss-web",
        "--bin",
        "nasss-web",
        "--target",
        WASM_TARGET,
    ]))?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;

    let compiled = compiled_wasm();
    let no_modules = bindgen(
        &wasm_bindgen.cli,
        &compiled,
        &bindgen_dir("no-modules"),
        "no-modules",
    )?;
    let web = bindgen(&wasm_bindgen.cli, &compiled, &bindgen_dir("web"), "web")?;
    let wasm_opt = if optimise {
        tools::ensure_wasm_opt()?
    } else {
        None
    };
    let optimised = match &wasm_opt {
        Some(wasm_opt) => Some(shrink(wasm_opt, &[&no_modules.wasm, &web.wasm])?),
        None => None,
    };

    let shell_path = root().join("index.html");
    let page_shell = fs::read_to_string(&shell_path)
        .with_context(|| format!("could not read the page shell {}", shell_path.display()))?;

    let dist = root().join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("could not empty {}", dist.display()))?;
    }
    let hosted = dist.join("hosted");
    fs::create_dir_all(&hosted)
        .with_context(|| format!("could not create {}", hosted.display()))?;

    let single_file = dist.join("index.html");
    let glue = read_text(&no_modules.js)?;
    let wasm = read_bytes(&no_modules.wasm)?;
    write(
        &single_file,
        page(
            &page_shell,
            Variant::SingleFile,
            &single_file_scripts(&glue, &wasm)?,
        )?
        .as_bytes(),
    )?;

    let js_name = format!("{OUT_NAME}.js");
    let wasm_name = format!("{OUT_NAME}_bg.wasm");
    write(
        &hosted.join("index.html"),
        page(&page_shell, Variant::Hosted, &hosted_scripts(&js_name))?.as_bytes(),
    )?;
    write(&hosted.join(&js_name), &read_bytes(&web.js)?)?;
    write(&hosted.join(&wasm_name), &read_bytes(&web.wasm)?)?;

    println!(
        "\nxtask dist: wrote dist/ with wasm-bindgen {} in {:.1} s",
        wasm_bindgen.version,
        started.elapsed().as_secs_f64()
    );
    match optimised {
        Some((before, after)) => println!(
            "wasm-opt -Oz: {} -> {} bytes of wasm",
            thousands(before),
            thousands(after)
        ),
        None => println!("wasm-opt: skipped"),
    }
    print_sizes(
        &dist,
        &[
            (
                single_file.clone(),
                "one self-contained page (open from disk)",
            ),
            (hosted.join("index.html"), "hosted page"),
            (hosted.join(&js_name), "hosted JS glue"),
            (hosted.join(&wasm_name), "hosted wasm"),
        ],
    )?;
    Ok(Dist {
        dir: dist,
        single_file,
    })
}

/// The cargo profile of the wasm build (`Cargo.toml`): release, but optimised for size.
pub const WASM_PROFILE: &str = "wasm-release";

/// The app's wasm as rustc leaves it, before wasm-bindgen.
pub fn compiled_wasm() -> PathBuf {
    target_dir()
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join("nasss-web.wasm")
}

/// Where wasm-bindgen's output for `target` (`no-modules` or `web`) goes, and where wasm-opt
/// then shrinks it in place.
pub fn bindgen_dir(target: &str) -> PathBuf {
    target_dir().join("nasss-dist").join(target)
}

/// The cargo target directory, honouring `CARGO_TARGET_DIR` like cargo does.
pub fn target_dir() -> PathBuf {
    ["CARGO_TARGET_DIR", "CARGO_BUILD_TARGET_DIR"]
        .into_iter()
        .find_map(std::env::var_os)
        .map(|dir| root().join(dir))
        .unwrap_or_else(|| root().join("target"))
}

/// The two files wasm-bindgen writes.
pub struct Bindgen {
    pub js: PathBuf,
    pub wasm: PathBuf,
}

pub fn bindgen(cli: &Path, compiled: &Path, out_dir: &Path, target: &str) -> Result<Bindgen> {
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)
            .with_context(|| format!("could not empty {}", out_dir.display()))?;
    }
    shell::run(
        Command::new(cli)
            .arg(compiled)
            .args([
                "--target",
                target,
                "--no-typescript",
                "--out-name",
                OUT_NAME,
            ])
            .arg("--out-dir")
            .arg(out_dir),
    )?;
    Ok(Bindgen {
        js: out_dir.join(format!("{OUT_NAME}.js")),
        wasm: out_dir.join(format!("{OUT_NAME}_bg.wasm")),
    })
}

/// Runs `wasm-opt -Oz` over wasm-bindgen's outputs in place (once if they are the same bytes,
/// as they are for the two targets today); returns the size before and after.
fn shrink(wasm_opt: &Path, files: &[&Path]) -> Result<(usize, usize)> {
    let original = read_bytes(files[0])?;
    shell::run(
        Command::new(wasm_opt)
            .arg("-Oz")
            .arg(files[0])
            .arg("-o")
            .arg(files[0]),
    )?;
    let optimised = read_bytes(files[0])?;
    for file in &files[1..] {
        if read_bytes(file)? == original {
            write(file, &optimised)?;
        } else {
            shell::run(
                Command::new(wasm_opt)
                    .arg("-Oz")
                    .arg(file)
                    .arg("-o")
                    .arg(file),
            )?;
        }
    }
    Ok((original.len(), optimised.len()))
}

/// Shows why the app did not start instead of leaving "Loading…" on screen.
const LOAD_FAILED_JS: &str = r#"function nasssLoadFailed(error) {
  console.error(error);
  var app = document.getElementById("app");
  if (!app) return;
  var message = document.createElement("p");
  message.className = "load-error";
  message.textContent = "The analyser could not start in this browser: " + error;
  app.replaceChildren(message);
}"#;

/// The inline scripts of the self-contained page: the no-modules glue, then the gzipped wasm in
/// base64 with the few lines that inflate and start it.
fn single_file_scripts(glue: &str, wasm: &[u8]) -> Result<Vec<Script>> {
    let packed = base64(&gzip_smallest(wasm)?);
    let start = format!(
        r#"{LOAD_FAILED_JS}
(function () {{
  "use strict";
  var packed = "{packed}";
  try {{
    var bytes;
    if (typeof Uint8Array.fromBase64 === "function") {{
      bytes = Uint8Array.fromBase64(packed);
    }} else {{
      var text = atob(packed);
      bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    }}
    // Inflate with one write (fewer stream hops than a Blob's stream), compile off the main
    // thread, then start the app.
    var inflater = new DecompressionStream("gzip");
    var writer = inflater.writable.getWriter();
    writer.write(bytes).catch(function () {{}});
    writer.close().catch(function () {{}});
    new Response(inflater.readable).arrayBuffer().then(function (inflated) {{
      return WebAssembly.compile(inflated);
    }}).then(function (module) {{
      wasm_bindgen.initSync({{ module: module }});
    }}).catch(nasssLoadFailed);
  }} catch (error) {{
    nasssLoadFailed(error);
  }}
}})();"#
    );
    Ok(vec![
        Script::classic(format!("\n{}\n", inline_safe(glue)?)),
        Script::classic(format!("\n{start}\n")),
    ])
}

/// The scripts of the hosted page: the ES-module glue fetches the wasm next to it.
fn hosted_scripts(js_name: &str) -> Vec<Script> {
    vec![
        Script::classic(format!("\n{LOAD_FAILED_JS}\n")),
        Script::module(format!(
            "\nimport init from \"./{js_name}\";\ninit().catch(nasssLoadFailed);\n"
        )),
    ]
}

/// JS that can sit inside `<script>…</script>` as it is.
fn inline_safe(js: &str) -> Result<&str> {
    let lower = js.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        bail!("the JS glue contains `</script` or `<!--`, which would end the inline script early");
    }
    Ok(js)
}

/// A page of `variant` from the shell: its inline `scripts` in place of the marker, and the
/// policy that allows exactly those scripts in place of the shell's placeholder.
fn page(page_shell: &str, variant: Variant, scripts: &[Script]) -> Result<String> {
    let html: Vec<String> = scripts.iter().map(Script::html).collect();
    let filled = fill_shell(page_shell, &html.join("\n  "))?;
    csp::fill(&filled, &csp::policy(variant, scripts))
}

fn fill_shell(page_shell: &str, scripts: &str) -> Result<String> {
    match page_shell.matches(SCRIPTS_MARKER).count() {
        1 => Ok(page_shell.replace(SCRIPTS_MARKER, scripts)),
        count => bail!(
            "index.html must contain `{SCRIPTS_MARKER}` exactly once, where the app's scripts go \
             (found {count})"
        ),
    }
}

/// How hard zopfli tries: more iterations gain little past this and take much longer.
const ZOPFLI_ITERATIONS: u64 = 5;

/// The smallest gzip we can make of the wasm, from zopfli: a few percent under [`gzip`], and
/// inflated by the browser exactly the same way.
fn gzip_smallest(bytes: &[u8]) -> Result<Vec<u8>> {
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(ZOPFLI_ITERATIONS).context("iterations")?,
        ..zopfli::Options::default()
    };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)?;
    Ok(out)
}

/// gzip at flate2's best level: how big a file is when a web server sends it compressed.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Standard base64 with padding, as `atob` reads it.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn print_sizes(dist: &Path, files: &[(PathBuf, &str)]) -> Result<()> {
    println!("{:<32} {:>11} {:>11}", "file", "bytes", "gzip");
    for (path, what) in files {
        let bytes = read_bytes(path)?;
        let shown = path
            .strip_prefix(dist.parent().unwrap_or(dist))
            .unwrap_or(path)
            .display()
            .to_string();
        println!(
            "{shown:<32} {:>11} {:>11}  {what}",
            thousands(bytes.len()),
            thousands(gzip(&bytes)?.len())
        );
    }
    Ok(())
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("could not read {}", path.display()))
}

fn write(path: &Path, contents: &[u8]) -> Result<()> {
    fs::write(path, contents).with_context(|| format!("could not write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn the_shell_needs_exactly_one_marker() {
        let filled = fill_shell("<body><!-- nasss:scripts --></body>", "<script></script>");
        assert_eq!(filled.unwrap(), "<body><script></script></body>");
        assert!(fill_shell("<body></body>", "x").is_err());
    }

    #[test]
    fn the_real_shell_has_the_marker_and_no_network_references() {
        let page_shell = fs::read_to_string(root().join("index.html")).unwrap();
        assert_eq!(page_shell.matches(SCRIPTS_MARKER).count(), 1);
        for external in ["http://", "https://", "//fonts.", "@import"] {
            assert!(
                !page_shell.contains(external),
                "index.html refers to {external}"
            );
        }
    }

    /// Every inline `<script …>body</script>` of a page, by plain search (the way a browser
    /// finds them in these pages: no script text contains `</script`).
    fn inline_script_bodies(html: &str) -> Vec<&str> {
        html.split("<script")
            .skip(1)
            .map(|rest| {
                let body = &rest[rest.find('>').unwrap() + 1..];
                &body[..body.find("</script>").unwrap()]
            })
            .collect()
    }

    fn policy_of(html: &str) -> &str {
        let start = html.find("content=\"default-src").unwrap() + "content=\"".len();
        &html[start..start + html[start..].find('"').unwrap()]
    }

    #[test]
    fn each_page_allows_exactly_its_own_inline_scripts() {
        let page_shell = fs::read_to_string(root().join("index.html")).unwrap();
        let glue = "var wasm_bindgen = (function () { return { initSync: function () {} }; })();";
        let pages = [
            (
                Variant::SingleFile,
                page(
                    &page_shell,
                    Variant::SingleFile,
                    &single_file_scripts(glue, b"\0asm").unwrap(),
                )
                .unwrap(),
            ),
            (
                Variant::Hosted,
                page(
                    &page_shell,
                    Variant::Hosted,
                    &hosted_scripts("nasss_web.js"),
                )
                .unwrap(),
            ),
        ];
        for (variant, html) in pages {
            assert_eq!(
                html.matches("http-equiv=\"Content-Security-Policy\"")
                    .count(),
                1
            );
            assert!(
                !html.contains(csp::SHELL_META),
                "{variant:?}: placeholder left"
            );
            let policy = policy_of(&html);
            let script_src = policy
                .split(';')
                .find(|d| d.trim().starts_with("script-src"))
                .unwrap();
            let bodies = inline_script_bodies(&html);
            assert_eq!(bodies.len(), 2, "{variant:?}");
            for body in bodies {
                assert!(
                    script_src.contains(&csp::hash_source(body)),
                    "{variant:?}: a script is not allowed by {script_src}"
                );
            }
            assert!(!script_src.contains("unsafe-inline"), "{policy}");
            let connect = match variant {
                Variant::SingleFile => "connect-src 'none'",
                Variant::Hosted => "connect-src 'self'",
            };
            assert!(policy.contains(connect), "{variant:?}: {policy}");
        }
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
