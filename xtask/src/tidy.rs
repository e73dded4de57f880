//! The project's style rules, enforced as tests so `cargo test` (and so CI) keeps them: every
//! Rust file says why it exists in a `//!` header; the core stays free of I/O and browser
//! crates; libraries do not print; the web app reads no question bank (the core words
//! everything it shows).

#[cfg(test)]
mod tests {
    use crate::shell::root;
    use std::path::{Path, PathBuf};

    /// Rust files of the project, skipping build output and installed tools.
    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "target" | ".tools" | "dist" | ".git" | "node_modules"
                ) {
                    rust_files(&path, out);
                }
            } else if name.ends_with(".rs") {
                out.push(path);
            }
        }
    }

    fn project_files() -> Vec<PathBuf> {
        let mut files = Vec::new();
        for dir in ["crates", "web", "xtask", "tests"] {
            rust_files(&root().join(dir), &mut files);
        }
        assert!(files.len() > 20, "found only {} Rust files", files.len());
        files
    }

    #[test]
    fn every_rust_file_has_a_module_doc() {
        let missing: Vec<String> = project_files()
            .into_iter()
            .filter(|path| {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                !text.starts_with("//!")
            })
            .map(|path| path.display().to_string())
            .collect();
        assert!(
            missing.is_empty(),
            "rule `//! header`: start each file with a //! comment saying why it exists: {missing:?}"
        );
    }

    #[test]
    fn the_core_depends_only_on_what_it_may() {
        let manifest = std::fs::read_to_string(root().join("crates/nasss-core/Cargo.toml"))
            .expect("core manifest");
        let dependencies = manifest
            .split("[dependencies]")
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .unwrap_or_default();
        let allowed = [
            "serde",
            "serde_json",
            "serde_path_to_error",
            "schemars",
            "miniz_oxide",
            "base64",
        ];
        for line in dependencies.lines().filter(|l| l.contains('=')) {
            let name = line.split(['.', '=', ' ']).next().unwrap_or_default();
            assert!(
                allowed.contains(&name),
                "rule `core dependencies`: nasss-core may depend only on {allowed:?} (no I/O, no browser crates); found `{name}`"
            );
        }
    }

    #[test]
    fn libraries_do_not_print() {
        let mut files = Vec::new();
        rust_files(&root().join("crates/nasss-core/src"), &mut files);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for banned in ["println!", "eprintln!", "dbg!", "std::fs", "std::io::stdin"] {
                assert!(
                    !text.contains(banned),
                    "rule `pure core`: {} uses {banned}; the core returns values and the shells print",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn the_web_app_reads_no_question_bank() {
        let mut files = Vec::new();
        rust_files(&root().join("web/src"), &mut files);
        assert!(files.len() > 10, "found only {} web files", files.len());
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for banned in ["nasss_core::bank", "bank()"] {
                assert!(
                    !text.contains(banned),
                    "rule `the core words`: {} uses {banned}; take the words from the report, \
                     its outline or `nasss_core::form` instead",
                    path.display()
                );
            }
        }
    }
}
