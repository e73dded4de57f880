//! The Content-Security-Policy `cargo xtask dist` writes into each page: the strictest each
//! variant allows. Inline scripts are allowed by their SHA-256 hash, never by `'unsafe-inline'`;
//! the self-contained page may connect nowhere (`connect-src 'none'`), the hosted one only to
//! its own origin, to fetch its wasm. The page shell carries a placeholder policy that allows
//! nothing; dist replaces it with the page's own.

use anyhow::{bail, Result};
use sha2::{Digest, Sha256};

/// The policy meta element in the page shell `index.html`, exactly: it allows nothing, so the
/// shell opened as it is runs no script. Dist replaces it with [`meta`] of the page's policy.
pub const SHELL_META: &str =
    r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'">"#;

/// Which page a policy is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// `dist/index.html`: everything inline, the wasm from a base64 string; no connections.
    SingleFile,
    /// `dist/hosted/index.html`: the glue as a module file from its own origin, which fetches
    /// the wasm beside it.
    Hosted,
}

/// An inline script as dist writes it: `<script{attributes}>{body}</script>`.
pub struct Script {
    /// What goes after `<script`, such as ` type="module"`, or nothing.
    pub attributes: &'static str,
    pub body: String,
}

impl Script {
    pub fn classic(body: String) -> Script {
        Script {
            attributes: "",
            body,
        }
    }

    pub fn module(body: String) -> Script {
        Script {
            attributes: r#" type="module""#,
            body,
        }
    }

    pub fn html(&self) -> String {
        format!("<script{}>{}</script>", self.attributes, self.body)
    }
}

/// The CSP source that allows exactly this inline script: `'sha256-…'` of its text.
pub fn hash_source(body: &str) -> String {
    use base64::Engine;
    let digest = Sha256::digest(body.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy for a page of `variant` whose inline scripts are `scripts`.
///
/// `style-src` keeps `'unsafe-inline'`: the team page draws each agreement bar's share as an
/// inline `style="width: …%"` attribute, which a hash cannot allow (its value changes).
pub fn policy(variant: Variant, scripts: &[Script]) -> String {
    let hashes: Vec<String> = scripts.iter().map(|s| hash_source(&s.body)).collect();
    let (script_self, connect) = match variant {
        Variant::SingleFile => ("", "'none'"),
        Variant::Hosted => ("'self' ", "'self'"),
    };
    format!(
        "default-src 'none'; script-src {script_self}{} 'wasm-unsafe-eval'; \
         connect-src {connect}; style-src 'unsafe-inline'; img-src data:; object-src 'none'; \
         base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    )
}

/// The meta element that carries `policy`.
pub fn meta(policy: &str) -> String {
    format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#)
}

/// The page shell with its placeholder policy replaced by `policy`.
pub fn fill(page_shell: &str, policy: &str) -> Result<String> {
    match page_shell.matches(SHELL_META).count() {
        1 => Ok(page_shell.replacen(SHELL_META, &meta(policy), 1)),
        count => bail!(
            "index.html must contain the placeholder policy `{SHELL_META}` exactly once, on one \
             line, for dist to replace with each page's own (found {count})"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_source_is_the_base64_sha256_of_the_text() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        assert_eq!(
            hash_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn the_single_file_connects_nowhere_and_allows_only_its_scripts() {
        let scripts = [Script::classic("a()".into()), Script::classic("b()".into())];
        let policy = policy(Variant::SingleFile, &scripts);
        assert!(policy.contains(&format!(
            "script-src {} {} 'wasm-unsafe-eval';",
            hash_source("a()"),
            hash_source("b()")
        )));
        assert!(policy.contains("connect-src 'none';"), "{policy}");
        assert!(!policy.contains("'self'"), "{policy}");
        for directive in [
            "default-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        let script_src = policy
            .split(';')
            .find(|d| d.contains("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{policy}");
    }

    #[test]
    fn the_hosted_page_may_load_and_fetch_only_from_its_origin() {
        let policy = policy(Variant::Hosted, &[Script::module("import x".into())]);
        assert!(policy.contains(&format!(
            "script-src 'self' {} 'wasm-unsafe-eval';",
            hash_source("import x")
        )));
        assert!(policy.contains("connect-src 'self';"), "{policy}");
    }

    #[test]
    fn the_shell_needs_its_placeholder_once() {
        let shell = format!("<head>{SHELL_META}</head>");
        assert_eq!(
            fill(&shell, "default-src 'none'; x").unwrap(),
            r#"<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; x"></head>"#
        );
        assert!(fill("<head></head>", "x").is_err());
        assert!(fill(&format!("{SHELL_META}{SHELL_META}"), "x").is_err());
    }
}
