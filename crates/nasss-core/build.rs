//! Turns the reviewable TOML content in `data/` into one JSON document compiled into the
//! library (`bank.json` in OUT_DIR). Only syntax is checked here; `src/bank.rs` tests check
//! that the content is complete.

use std::path::Path;

#[path = "src/model_card/section.rs"]
mod section;

fn main() {
    let data = Path::new("data");
    println!("cargo:rerun-if-changed=data");
    let mut domains = Vec::new();
    let mut question_files: Vec<_> = std::fs::read_dir(data.join("questions"))
        .expect("data/questions exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    question_files.sort();
    for path in question_files {
        println!("cargo:rerun-if-changed={}", path.display());
        domains.push(read_toml(&path));
    }
    let crosswalk = read_toml(&data.join("crosswalk.toml"));
    let stages = read_toml(&data.join("stages.toml"));
    let tokens = read_toml(&data.join("tokens.toml"));
    let bank = serde_json::json!({
        "domains": domains,
        "sources": crosswalk.get("sources").cloned().unwrap_or_default(),
        "factors": crosswalk.get("factors").cloned().unwrap_or_default(),
        "stages": stages.get("stages").cloned().unwrap_or_default(),
        "tokens": tokens.get("tokens").cloned().unwrap_or_default(),
    });
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bank.json");
    std::fs::write(out, bank.to_string()).expect("OUT_DIR is writable");
    write_examples();
    write_plain_words();
}

/// Cuts the model card's "In plain words" section out of `docs/model.md` into
/// `plain_words.md`, so the app carries those few paragraphs, not the whole card.
fn write_plain_words() {
    let model_card = Path::new("../../docs/model.md");
    println!("cargo:rerun-if-changed={}", model_card.display());
    let text = std::fs::read_to_string(model_card).expect("docs/model.md is readable");
    let plain_words = section::section(&text, section::PLAIN_WORDS_TITLE);
    assert!(
        !plain_words.trim().is_empty(),
        "docs/model.md has no `## {}` section",
        section::PLAIN_WORDS_TITLE
    );
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("plain_words.md"), plain_words)
        .expect("OUT_DIR is writable");
}

/// Lists the worked examples (`data/examples/*.json`) and the published cases
/// (`../../cases/*.json`) as `include_str!`s, so both ship inside the library and the app.
fn write_examples() {
    let mut entries = String::from("&[\n");
    for (folder, kind) in [("data/examples", "Worked"), ("../../cases", "Case")] {
        println!("cargo:rerun-if-changed={folder}");
        let Ok(dir) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut paths: Vec<_> = dir
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        for path in paths {
            println!("cargo:rerun-if-changed={}", path.display());
            let id = path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let absolute = std::fs::canonicalize(&path).expect("the example exists");
            entries.push_str(&format!(
                "    ({id:?}, ExampleKind::{kind}, include_str!({:?})),\n",
                absolute.display().to_string()
            ));
        }
    }
    entries.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("examples.rs");
    std::fs::write(out, entries).expect("OUT_DIR is writable");
}

fn read_toml(path: &Path) -> serde_json::Value {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|error| panic!("{} is not valid TOML: {error}", path.display()));
    serde_json::to_value(value).expect("TOML values convert to JSON")
}
