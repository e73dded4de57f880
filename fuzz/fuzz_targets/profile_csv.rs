//! The profile CSV reader (the app's CSV import): any text gives rows and row errors by line,
//! or a file error (the header's, on line 1, or "no rows", on line 2); never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nasss_core::{profile_csv, text_decoding};

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = text_decoding::decode(bytes) else {
        return;
    };
    let lines = decoded.text.split('\n').count();
    match profile_csv::read(&decoded.text) {
        Ok(imported) => {
            for error in &imported.errors {
                assert!(
                    error.line >= 2 && error.line <= lines,
                    "{error:?} of {lines}"
                );
                assert!(!error.message.is_empty());
            }
            if imported.assessments.is_empty() {
                return;
            }
            // What was read writes and reads back as the same titles.
            let again = profile_csv::read(&profile_csv::write(&imported.assessments)).unwrap();
            assert!(again.errors.is_empty(), "{:?}", again.errors);
            let titles = |a: &[nasss_core::Assessment]| {
                a.iter()
                    .map(|a| a.title.trim().to_string())
                    .collect::<Vec<_>>()
            };
            assert_eq!(titles(&again.assessments), titles(&imported.assessments));
        }
        Err(error) => {
            assert!(!error.message.is_empty());
            match error.line {
                1 => {}
                2 => assert!(error.message.contains("no rows"), "{error:?}"),
                _ => panic!("a file error past line 2: {error:?}"),
            }
        }
    }
});
