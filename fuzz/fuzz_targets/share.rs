//! The share-link decoder: any text gives an assessment or a `LinkError` with its message.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for candidate in [text.to_string(), format!("#nasss1.{text}")] {
        match nasss_core::share::decode(&candidate) {
            Ok(assessment) => {
                let again = nasss_core::share::decode(&nasss_core::share::encode(&assessment));
                assert_eq!(again.as_ref(), Ok(&assessment));
            }
            Err(error) => assert!(!error.to_string().is_empty()),
        }
    }
});
