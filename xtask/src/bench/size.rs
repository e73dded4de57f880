//! The size part of `cargo xtask bench`: the bytes of what `dist` built, raw and gzipped; the
//! wasm's code and data sections; the compiled-in content (question bank, examples and cases,
//! model card) found in its data; and, with twiggy, its code by crate. For twiggy the wasm is
//! made again the way `dist` makes it, but with `wasm-opt -g` so that function names survive.

use crate::dist::{self, Dist};
use crate::shell::{self, root};
use crate::tools;
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Raw and gzipped bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bytes {
    pub raw: u64,
    pub gzip: u64,
}

impl Bytes {
    fn of(bytes: &[u8]) -> Result<Bytes> {
        Ok(Bytes {
            raw: bytes.len() as u64,
            gzip: dist::gzip(bytes)?.len() as u64,
        })
    }
}

pub struct SizeFigures {
    /// The gzipped size of `dist/index.html`, which the budget is on.
    pub page_gzip: u64,
    /// (what, bytes), in the order shown.
    pub parts: Vec<(String, Bytes)>,
    /// The compiled-in content: (what, bytes, whether its text is in the wasm as it is).
    pub content: Vec<(String, Bytes, bool)>,
    /// Code and data by crate, in bytes of the optimised wasm, largest first.
    pub by_crate: Option<Vec<(String, u64)>>,
}

pub fn measure(built: &Dist, profile_crates: bool) -> Result<SizeFigures> {
    let page = read(&built.single_file)?;
    let wasm_path = dist::bindgen_dir("no-modules").join("nasss_web_bg.wasm");
    let wasm = read(&wasm_path)?;
    let glue = read(&dist::bindgen_dir("no-modules").join("nasss_web.js"))?;
    let shell = read(&root().join("index.html"))?;
    let sections = sections(&wasm)?;
    let section = |id: u8| {
        sections
            .iter()
            .filter(|(section, _)| *section == id)
            .map(|(_, bytes)| bytes.as_slice())
            .collect::<Vec<_>>()
            .concat()
    };
    let page_bytes = Bytes::of(&page)?;
    let parts = vec![
        ("dist/index.html (the single-file page)".into(), page_bytes),
        ("  its wasm (after wasm-opt)".into(), Bytes::of(&wasm)?),
        ("    code section".into(), Bytes::of(&section(10))?),
        ("    data section".into(), Bytes::of(&section(11))?),
        ("  its JS glue (wasm-bindgen)".into(), Bytes::of(&glue)?),
        ("  the page shell (index.html)".into(), Bytes::of(&shell)?),
    ];
    let mut content = Vec::new();
    for (what, files) in compiled_in()? {
        let mut all = Vec::new();
        let mut present = true;
        for file in &files {
            let text = read(file)?;
            present &= contains(&wasm, &text);
            all.extend_from_slice(&text);
        }
        content.push((what, Bytes::of(&all)?, present));
    }
    let by_crate = match profile_crates {
        true => Some(by_crate()?),
        false => None,
    };
    Ok(SizeFigures {
        page_gzip: page_bytes.gzip,
        parts,
        content,
        by_crate,
    })
}

/// The files compiled into the wasm as text, by what they are.
fn compiled_in() -> Result<Vec<(String, Vec<PathBuf>)>> {
    let json_in = |dir: PathBuf| -> Result<Vec<PathBuf>> {
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .with_context(|| format!("could not list {}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        Ok(files)
    };
    let mut examples = json_in(root().join("crates/nasss-core/data/examples"))?;
    examples.extend(json_in(root().join("cases"))?);
    Ok(vec![
        (
            "question bank (data/*.toml as JSON)".into(),
            vec![newest_bank_json()?],
        ),
        ("worked examples and cases (JSON)".into(), examples),
        (
            "model card (docs/model.md)".into(),
            vec![root().join("docs/model.md")],
        ),
    ])
}

/// The `bank.json` that the core's build script wrote for the wasm build.
fn newest_bank_json() -> Result<PathBuf> {
    let build = dist::compiled_wasm()
        .parent()
        .map(|dir| dir.join("build"))
        .context("no build folder")?;
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&build)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|dir| {
            dir.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("nasss-core-"))
        })
        .map(|dir| dir.join("out").join("bank.json"))
        .filter_map(|path| Some((fs::metadata(&path).ok()?.modified().ok()?, path)))
        .collect();
    found.sort();
    match found.pop() {
        Some((_, path)) => Ok(path),
        None => bail!("no bank.json under {}", build.display()),
    }
}

/// Twiggy's shallow sizes of the optimised wasm (names kept), summed by crate.
fn by_crate() -> Result<Vec<(String, u64)>> {
    let twiggy = tools::ensure_twiggy()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    let dir = dist::target_dir().join("nasss-bench").join("named");
    let bound = dist::bindgen(
        &wasm_bindgen.cli,
        &dist::compiled_wasm(),
        &dir,
        "no-modules",
    )?;
    let named = dir.join("named.wasm");
    match tools::ensure_wasm_opt()? {
        Some(wasm_opt) => shell::run(
            Command::new(wasm_opt)
                .args(["-Oz", "-g"])
                .arg(&bound.wasm)
                .arg("-o")
                .arg(&named),
        )?,
        None => {
            fs::copy(&bound.wasm, &named)?;
        }
    }
    let output = Command::new(&twiggy)
        .args(["top", "--format", "csv"])
        .arg(&named)
        .output()
        .context("could not run twiggy")?;
    if !output.status.success() {
        bail!("twiggy failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines().skip(1) {
        let Some((name, size)) = csv_name_and_size(line) else {
            continue;
        };
        if name.contains("\"function names\" subsection") || name.contains("name\" section") {
            continue;
        }
        *sums.entry(crate_of(&name)).or_default() += size;
    }
    let mut sums: Vec<(String, u64)> = sums.into_iter().collect();
    sums.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(sums)
}

/// The first two cells of a twiggy CSV line: the (quoted) item name and its shallow size.
fn csv_name_and_size(line: &str) -> Option<(String, u64)> {
    let mut name = String::new();
    let rest = match line.strip_prefix('"') {
        Some(mut quoted) => loop {
            let end = quoted.find('"')?;
            name.push_str(&quoted[..end]);
            quoted = &quoted[end + 1..];
            match quoted.strip_prefix('"') {
                Some(more) => {
                    name.push('"');
                    quoted = more;
                }
                None => break quoted.strip_prefix(',')?,
            }
        },
        None => {
            let (first, rest) = line.split_once(',')?;
            name.push_str(first);
            rest
        }
    };
    let size = rest.split(',').next()?.parse().ok()?;
    Some((name, size))
}

/// Which crate a twiggy item belongs to: data segments are data; otherwise the first path in
/// the name whose crate is not the standard library's (`<yew::X<nasss_web::Y>>` is yew's),
/// else the standard library.
pub fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("data[") {
        return "(data segments)".into();
    }
    let mut roots = Vec::new();
    let bytes = name.as_bytes();
    let mut start = None;
    for (i, &b) in bytes.iter().enumerate() {
        let ident = b.is_ascii_alphanumeric() || b == b'_';
        match (start, ident) {
            (None, true) => {
                let boundary = i == 0
                    || matches!(bytes[i - 1], b'<' | b'&' | b' ' | b'(' | b'[' | b',' | b'*');
                if boundary && !b.is_ascii_digit() {
                    start = Some(i);
                }
            }
            (Some(s), false) => {
                // An identifier followed by `::` or a `[hash]::` is a path's first segment.
                let rest = &name[i..];
                let after_hash = match rest.strip_prefix('[') {
                    Some(hashed) => hashed.find("]").map(|end| &hashed[end + 1..]),
                    None => Some(rest),
                };
                if after_hash.is_some_and(|r| r.starts_with("::")) {
                    roots.push(&name[s..i]);
                }
                start = None;
            }
            _ => {}
        }
    }
    let std = ["core", "alloc", "std", "impl", "dyn"];
    match roots.iter().find(|root| !std.contains(root)) {
        Some(root) => (*root).to_owned(),
        None if roots.is_empty() => "(other)".into(),
        None => "std (core, alloc)".into(),
    }
}

/// The wasm's sections as (id, contents).
fn sections(wasm: &[u8]) -> Result<Vec<(u8, Vec<u8>)>> {
    if wasm.get(..4) != Some(b"\0asm") {
        bail!("not a wasm module");
    }
    let mut at = 8;
    let mut found = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        let (length, start) = leb128(wasm, at + 1).context("truncated wasm section header")?;
        let end = start + length;
        let contents = wasm.get(start..end).context("truncated wasm section")?;
        found.push((id, contents.to_vec()));
        at = end;
    }
    Ok(found)
}

fn leb128(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let mut value = 0usize;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(at)?;
        at += 1;
        value |= usize::from(byte & 0x7f) << shift;
        shift += 7;
        if byte < 0x80 {
            return Some((value, at));
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("could not read {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_go_to_their_crate() {
        assert_eq!(crate_of("data segment \".rodata.11\""), "(data segments)");
        assert_eq!(crate_of("nasss_core::load::load::h19"), "nasss_core");
        assert_eq!(
            crate_of("<yew::html::component::lifecycle::CompStateInner<COMP> as yew::Stateful>::view::h9"),
            "yew"
        );
        assert_eq!(
            crate_of("core::ptr::drop_in_place<nasss_core::report::Report>::h1"),
            "nasss_core"
        );
        assert_eq!(
            crate_of("<f64 as core[c5930c85a12de822]::fmt::Display>::fmt"),
            "std (core, alloc)"
        );
        assert_eq!(crate_of("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_seq::h2"), "serde_json");
        assert_eq!(crate_of("dlmalloc"), "(other)");
    }

    #[test]
    fn reads_twiggy_csv() {
        assert_eq!(
            csv_name_and_size("\"data segment \"\".rodata.11\"\"\",133335,12.7,,"),
            Some(("data segment \".rodata.11\"".into(), 133335))
        );
        assert_eq!(
            csv_name_and_size("dlmalloc::x,10,0.1,,"),
            Some(("dlmalloc::x".into(), 10))
        );
    }

    #[test]
    fn reads_sections() {
        let wasm = [0, b'a', b's', b'm', 1, 0, 0, 0, 10, 2, 7, 7, 11, 1, 9];
        let found = sections(&wasm).unwrap();
        assert_eq!(found, vec![(10, vec![7, 7]), (11, vec![9])]);
    }
}
