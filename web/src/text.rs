//! Words and signs the app shows that the core does not provide: short domain names for the
//! chart's axis, and the text and shape that go with each level and band, so that colour is
//! never the only signal.

use nasss_core::classify::Range;
use nasss_core::model::{Complexity, Domain};
use nasss_core::Band;

/// A short name for a domain, for the chart axis and the domain list (full titles are in the
/// table beside the chart and in the forms).
pub fn short_name(domain: Domain) -> &'static str {
    match domain {
        Domain::Condition => "Condition or need",
        Domain::Technology => "Technology",
        Domain::ValueProposition => "Value proposition",
        Domain::AdopterSystem => "Adopter system",
        Domain::Organisation => "Organisation(s)",
        Domain::WiderSystem => "Wider system",
        Domain::EmbeddingAdaptation => "Embedding over time",
    }
}

/// The sign drawn beside a level, so it reads without colour: ○ simple, ◆ complicated,
/// ▲ complex.
pub fn level_sign(level: Complexity) -> &'static str {
    match level {
        Complexity::Simple => "○",
        Complexity::Complicated => "◆",
        Complexity::Complex => "▲",
    }
}

/// A CSS class naming a level: `level-simple`.
pub fn level_class(level: Complexity) -> &'static str {
    match level {
        Complexity::Simple => "level-simple",
        Complexity::Complicated => "level-complicated",
        Complexity::Complex => "level-complex",
    }
}

/// A domain's level as the navigation shows it: "Complex", "Simple to complex?" or
/// "Not rated".
pub fn range_short(range: Range, rated_anything: bool) -> String {
    match (range.is_exact(), rated_anything) {
        (true, _) => range.best.label().to_string(),
        (false, false) => "Not rated yet".to_string(),
        (false, true) => format!("{} to {}?", range.best.label(), range.worst.key()),
    }
}

/// A CSS class naming a band: `band-very_likely`.
pub fn band_class(band: Band) -> String {
    format!("band-{}", band.key())
}
