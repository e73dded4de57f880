//! What the property tests share (`invariants.rs`, `over_time.rs`): random assessments in
//! either mode, with any sub-domain and domain rated or not, unknowns among the levels, and a
//! few overrides. Each test file takes it in with `mod common;`.

// Each test file uses only some of it.
#![allow(dead_code)]

use nasss_core::assessment::{Assessment, Mode, Override, Rating, Reason};
use nasss_core::model::{Complexity, Domain, Level, SubDomain};
use proptest::prelude::*;

pub fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

pub fn complexity() -> impl Strategy<Value = Complexity> {
    prop::sample::select(Complexity::ALL.to_vec())
}

prop_compose! {
    /// A random assessment: quick or full, each of the 23 sub-domains and 7 domains rated at a
    /// random level or not at all, and each domain overridden about one time in seven.
    pub fn assessment()(
        full in any::<bool>(),
        subs in prop::collection::vec(prop::option::of(level()), 23),
        domains in prop::collection::vec(prop::option::of(level()), 7),
        overrides in prop::collection::vec(prop::option::weighted(0.15, complexity()), 7),
    ) -> Assessment {
        let mut assessment = Assessment::new("random");
        assessment.mode = if full { Mode::Full } else { Mode::Quick };
        for (sub, level) in SubDomain::ALL.into_iter().zip(subs) {
            if let Some(level) = level {
                assessment.ratings.insert(sub, Rating::new(level));
            }
        }
        for (domain, level) in Domain::ALL.into_iter().zip(domains) {
            if let Some(level) = level {
                assessment.domain_ratings.insert(domain, Rating::new(level));
            }
        }
        for (domain, level) in Domain::ALL.into_iter().zip(overrides) {
            if let Some(level) = level {
                let reason = Reason::new("local knowledge").expect("not blank");
                assessment.overrides.insert(domain, Override { level, reason, by: None, on: None });
            }
        }
        assessment
    }
}
