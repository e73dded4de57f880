//! The assessment reader: any bytes give an assessment or an error that says where.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(error) = nasss_core::load_bytes(bytes) {
        assert!(!error.message.is_empty());
        // Located: a line and column, or (only for a file with nothing in it) the whole file.
        let empty = error.message.starts_with("the file is empty");
        assert!(error.line > 0 || empty, "unlocated: {error:?}");
        assert!(error.column > 0 || error.line == 0, "no column: {error:?}");
    }
});
