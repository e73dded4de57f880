//! The spec's five invariants of the mainstreaming outlook, checked exhaustively over all 3^7
//! domain profiles and with proptest over random assessments (sub-domain and domain ratings,
//! unknowns, overrides, both modes), plus the robustness promise of the file reader.

use nasss_core::assessment::{Assessment, Mode, Rating};
use nasss_core::model::{Complexity, Domain, Level, SubDomain};
use nasss_core::outlook::{band, count, Band, Profile};
use nasss_core::{assess, load, load_bytes};
use proptest::prelude::*;

fn all_profiles() -> Vec<Profile> {
    (0..3usize.pow(7))
        .map(|mut n| {
            std::array::from_fn(|_| {
                let level = Complexity::ALL[n % 3];
                n /= 3;
                level
            })
        })
        .collect()
}

#[test]
fn invariant_1_monotone_over_every_profile() {
    for profile in all_profiles() {
        for domain in Domain::ALL {
            for higher in Complexity::ALL
                .into_iter()
                .filter(|l| *l > profile[domain.index()])
            {
                let mut raised = profile;
                raised[domain.index()] = higher;
                assert!(
                    band(&raised) >= band(&profile),
                    "raising {domain} to {higher} improved {profile:?}"
                );
            }
        }
    }
}

#[test]
fn invariant_2_all_simple_is_very_likely() {
    assert_eq!(band(&[Complexity::Simple; 7]), Band::VeryLikely);
    let report = assess(&Assessment::quick("t", [Level::Simple; 7]));
    assert_eq!(report.outlook.best, Band::VeryLikely);
    assert!(!report.outlook.is_uncertain());
}

#[test]
fn invariant_3_and_4_over_every_profile() {
    for profile in all_profiles() {
        let complex = count(&profile, Complexity::Complex);
        let complicated = count(&profile, Complexity::Complicated);
        let found = band(&profile);
        if complex >= 4 {
            assert_eq!(found, Band::VeryUnlikely, "{profile:?}");
        } else if complex >= 2 {
            assert!(
                matches!(found, Band::Unlikely | Band::VeryUnlikely),
                "{profile:?}"
            );
        }
        if complex == 0 && complicated > 0 {
            assert!(
                matches!(found, Band::Likely | Band::Possible),
                "{profile:?}"
            );
        }
        if complex == 0 && complicated == 0 {
            assert_eq!(found, Band::VeryLikely);
        }
    }
}

/// Not one of the spec's five, but the band table's own sourced rule since issue 9: exactly one
/// complex domain is the research note's "at risk: target that domain; spread is possible with
/// support", whatever the other domains are (docs/model.md, "The removed rule").
#[test]
fn one_complex_domain_is_possible_however_many_are_complicated() {
    for profile in all_profiles() {
        if count(&profile, Complexity::Complex) == 1 {
            assert_eq!(band(&profile), Band::Possible, "{profile:?}");
        }
    }
}

mod common;
use common::assessment;

/// Every unknown item of the assessment set to `level`.
fn resolve_unknowns(assessment: &Assessment, level: Level) -> Assessment {
    let mut resolved = assessment.clone();
    for rating in resolved
        .ratings
        .values_mut()
        .chain(resolved.domain_ratings.values_mut())
    {
        if rating.level == Level::Unknown {
            rating.level = level;
        }
    }
    match resolved.mode {
        Mode::Full => {
            for sub in SubDomain::ALL {
                resolved
                    .ratings
                    .entry(sub)
                    .or_insert_with(|| Rating::new(level));
            }
        }
        Mode::Quick => {
            for domain in Domain::ALL {
                resolved
                    .domain_ratings
                    .entry(domain)
                    .or_insert_with(|| Rating::new(level));
            }
        }
    }
    resolved
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Invariant 1 through the whole pipeline: making any rating more complex never improves
    /// the best or the worst band.
    #[test]
    fn invariant_1_monotone_through_ratings(
        assessment in assessment(),
        which in 0usize..30,
        steps in prop::sample::select(vec![(0usize, 1usize), (0, 2), (1, 2)]),
    ) {
        let (from, to) = (Complexity::ALL[steps.0], Complexity::ALL[steps.1]);
        let mut before = assessment.clone();
        let mut after = assessment;
        match which {
            0..=22 => {
                let sub = SubDomain::ALL[which];
                before.ratings.insert(sub, Rating::new(from.into()));
                after.ratings.insert(sub, Rating::new(to.into()));
            }
            _ => {
                let domain = Domain::ALL[which - 23];
                before.domain_ratings.insert(domain, Rating::new(from.into()));
                after.domain_ratings.insert(domain, Rating::new(to.into()));
            }
        }
        let (before, after) = (assess(&before).outlook, assess(&after).outlook);
        prop_assert!(after.best >= before.best);
        prop_assert!(after.worst >= before.worst);
    }

    /// Invariants 3 and 4 through the pipeline, on the best case the ratings show.
    #[test]
    fn invariants_3_and_4_through_ratings(assessment in assessment()) {
        let report = assess(&assessment);
        let complex = report.domains.iter().filter(|d| d.class.range.best == Complexity::Complex).count();
        let complicated = report.domains.iter().filter(|d| d.class.range.best == Complexity::Complicated).count();
        let best = report.outlook.best;
        if complex >= 4 { prop_assert_eq!(best, Band::VeryUnlikely); }
        if complex >= 2 { prop_assert!(best >= Band::Unlikely); }
        if complex == 0 && complicated > 0 { prop_assert!(matches!(best, Band::Likely | Band::Possible)); }
        if complex == 0 && complicated == 0 { prop_assert_eq!(best, Band::VeryLikely); }
    }

    /// Invariant 5: the best band reads unknowns as simple, the worst as complex; where they
    /// differ the outlook is uncertain and names the unknowns, most consequential first.
    #[test]
    fn invariant_5_unknowns_give_a_range(assessment in assessment()) {
        let outlook = assess(&assessment).outlook;
        let as_simple = assess(&resolve_unknowns(&assessment, Level::Simple)).outlook;
        let as_complex = assess(&resolve_unknowns(&assessment, Level::Complex)).outlook;
        prop_assert_eq!(outlook.best, as_simple.best);
        prop_assert_eq!(outlook.worst, as_complex.best);
        prop_assert!(!as_simple.is_uncertain() && !as_complex.is_uncertain());
        prop_assert!(outlook.best <= outlook.worst);
        prop_assert_eq!(outlook.is_uncertain(), outlook.key() == "uncertain");
        if outlook.is_uncertain() {
            prop_assert!(!outlook.pivotal.is_empty());
            for pair in outlook.pivotal.windows(2) {
                prop_assert!(pair[0].band_if_worst >= pair[1].band_if_worst);
            }
            for pivot in &outlook.pivotal {
                prop_assert!(pivot.band_if_worst >= outlook.best && pivot.band_if_worst <= outlook.worst);
            }
        }
    }

    /// What would change the outlook really does improve it, and nothing cheaper would.
    #[test]
    fn changes_improve_the_band(assessment in assessment()) {
        let report = assess(&assessment);
        let profile = report.best_profile();
        for change in &report.changes {
            let mut changed = profile;
            for step in &change.moves {
                prop_assert!(step.to < step.from);
                changed[step.domain.domain.index()] = step.to;
            }
            prop_assert_eq!(band(&changed), change.band);
            prop_assert!(change.band < report.outlook.best);
        }
        prop_assert_eq!(report.changes.is_empty(), report.outlook.best == Band::VeryLikely);
    }

    /// Saving and loading an assessment changes nothing, and the report is deterministic.
    #[test]
    fn files_round_trip(assessment in assessment()) {
        let json = serde_json::to_string_pretty(&assessment).expect("serialises");
        let back = load(&json).expect("loads what it saved");
        prop_assert_eq!(&back, &assessment);
        prop_assert_eq!(assess(&back), assess(&assessment));
    }

    /// Whatever the bytes, reading gives an assessment or a located error, never a panic.
    #[test]
    fn any_bytes_load_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = load_bytes(&bytes);
    }

    /// Damaged real files give errors with a line, never a panic.
    #[test]
    fn damaged_files_give_located_errors(cut in 1usize..400, junk in "[{}\\[\\]\",:a-z0-9 ]{0,3}") {
        let mut assessment = Assessment::quick("t", [Level::Complex; 7]);
        assessment.description = "a fairly long description".into();
        let json = serde_json::to_string_pretty(&assessment).expect("serialises");
        let cut = cut.min(json.len() - 1);
        let damaged = format!("{}{junk}", &json[..cut]);
        if let Err(error) = load(&damaged) {
            prop_assert!(error.line > 0 || damaged.trim().is_empty(), "{error}");
        }
    }
}
