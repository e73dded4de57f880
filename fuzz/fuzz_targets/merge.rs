//! The merge: arbitrary bytes as the team file and as replies. Whatever loads is merged
//! without a panic, and a refused file leaves the team assessment as it was.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nasss_core::merge::{merge, merge_files};

fuzz_target!(|bytes: &[u8]| {
    // Files separated by a zero byte: the first is the team file, the others replies.
    let files: Vec<(String, nasss_core::Assessment)> = bytes
        .split(|&b| b == 0)
        .enumerate()
        .filter_map(|(n, part)| {
            Some((
                format!("rater-{n}.json"),
                nasss_core::load_bytes(part).ok()?,
            ))
        })
        .collect();
    let Some((team, _)) = merge_files(&files, None) else {
        return;
    };
    for (name, reply) in &files {
        let mut merged = team.clone();
        if merge(&mut merged, reply, Some(name), None).is_err() {
            assert_eq!(merged, team, "a refused file changes nothing");
        }
        let _ = nasss_core::assess(&merged);
    }
});
