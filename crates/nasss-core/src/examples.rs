//! Built-in assessments a person can open: worked examples written for the tool
//! (`data/examples/`) and published NASSS cases with their recorded outcomes (`cases/` at the
//! workspace root). Both are compiled in, so the app and the CLI offer them offline.

use crate::assessment::Assessment;
use crate::load::load;
use serde::Serialize;

/// Where a built-in assessment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleKind {
    /// Written for this tool to show how it is used; not a real case.
    Worked,
    /// A published NASSS application, with its source and outcome.
    Case,
}

/// One built-in assessment: a stable id, its kind, and the file as it ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub id: &'static str,
    pub kind: ExampleKind,
    pub json: &'static str,
}

const EXAMPLES: &[(&str, ExampleKind, &str)] = include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// Every built-in assessment: worked examples first, then cases, each sorted by id.
pub fn examples() -> impl Iterator<Item = Example> {
    EXAMPLES
        .iter()
        .map(|&(id, kind, json)| Example { id, kind, json })
}

pub fn example(id: &str) -> Option<Example> {
    examples().find(|example| example.id == id)
}

impl Example {
    /// The assessment; every built-in file loads (checked by this module's tests).
    pub fn assessment(&self) -> Assessment {
        load(self.json)
            .unwrap_or_else(|error| panic!("built-in example {} is invalid: {error}", self.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_loads_and_has_a_title() {
        let mut count = 0;
        for example in examples() {
            let assessment = load(example.json).unwrap_or_else(|e| panic!("{}: {e}", example.id));
            assert!(!assessment.title.trim().is_empty(), "{}", example.id);
            assert!(
                crate::load::warnings(&assessment).is_empty(),
                "{}: {:?}",
                example.id,
                crate::load::warnings(&assessment)
            );
            count += 1;
        }
        assert!(count >= 2);
    }

    #[test]
    fn cases_record_source_and_outcome() {
        for example in examples().filter(|e| e.kind == ExampleKind::Case) {
            let assessment = example.assessment();
            assert!(assessment.source.is_some(), "{} has no source", example.id);
            assert!(
                assessment.framing.is_retrospective(),
                "{} is not retrospective",
                example.id
            );
        }
    }
}
