//! `nasss batch`'s row readers (CSV and JSON Lines, as detected and as forced): any bytes give
//! scored rows and row errors that each start with their line, or a file error that does.
#![no_main]

// The CLI is a binary crate: its batch and input modules are taken in as they are.
#[path = "../../crates/nasss-cli/src/batch.rs"]
#[allow(dead_code)]
mod batch;
#[path = "../../crates/nasss-cli/src/input.rs"]
#[allow(dead_code)]
mod input;

use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::path::Path;

pub enum Outcome {
    Done,
    InputErrors,
}

/// Whether a message starts `line N` with N at least 1.
fn located(message: &str) -> bool {
    message
        .strip_prefix("line ")
        .and_then(|rest| rest.split([':', ',']).next())
        .and_then(|n| n.parse::<usize>().ok())
        .is_some_and(|n| n >= 1)
}

fuzz_target!(|bytes: &[u8]| {
    for format in [
        None,
        Some(batch::InputFormat::Csv),
        Some(batch::InputFormat::Jsonl),
    ] {
        let messages = RefCell::new(Vec::new());
        let mut out = Vec::new();
        let report = |message: String| messages.borrow_mut().push(message);
        let input: Box<dyn std::io::Read> = Box::new(std::io::Cursor::new(bytes.to_vec()));
        match batch::score(input, Path::new("fuzz"), format, &mut out, &report) {
            Ok(outcome) => {
                let messages = messages.borrow();
                for message in messages.iter() {
                    assert!(located(message), "unlocated: {message}");
                }
                if matches!(outcome, Outcome::InputErrors) {
                    assert!(!messages.is_empty());
                }
                assert!(std::str::from_utf8(&out).is_ok(), "output is UTF-8");
            }
            Err(error) => assert!(located(&error.to_string()), "unlocated: {error}"),
        }
    }
});
