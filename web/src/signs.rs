//! Signs and CSS classes that go with levels, coverage and bands, so that colour is never the
//! only signal: ○ simple, ◆ complicated, ▲ complex, ? not sure yet; ● covered, ◐ partly,
//! ○ not covered. Words come from the core; these are only the shapes and class names beside
//! them.

use nasss_core::crosswalk::Coverage;
use nasss_core::model::Complexity;
use nasss_core::render::Mark;
use nasss_core::Band;

/// The sign drawn beside a level.
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

/// The sign beside a coverage.
pub fn coverage_sign(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Covered => "●",
        Coverage::Partly => "◐",
        Coverage::NotCovered => "○",
    }
}

/// A CSS class naming a coverage.
pub fn coverage_class(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Covered => "covered",
        Coverage::Partly => "partly",
        Coverage::NotCovered => "not-covered",
    }
}

/// A CSS class naming a band: `band-very_likely`.
pub fn band_class(band: Band) -> String {
    format!("band-{}", band.key())
}

/// The sign and CSS class for what a table cell stands for.
pub fn mark(mark: Mark) -> (&'static str, String) {
    match mark {
        Mark::Level(level) => (level_sign(level), level_class(level).to_string()),
        Mark::Unsure => ("?", "level-unknown".to_string()),
        Mark::Coverage(coverage) => (
            coverage_sign(coverage),
            format!("coverage {}", coverage_class(coverage)),
        ),
        Mark::Band(band) => ("", band_class(band)),
    }
}
