//! Properties of an assessment over time, with proptest over random assessments: a diff of a
//! thing with itself is empty, a diff runs both ways, a snapshot diffs as nothing against the
//! assessment it was taken from, and a profile CSV reads back to the same outlook (or,
//! where a domain is still a range, one that contains it).

use nasss_core::assessment::{Assessment, Date};
use nasss_core::history::diff;
use nasss_core::model::{Domain, Item, Level, SubDomain};
use nasss_core::plan::{ActionId, ActionStatus, PlanAction};
use nasss_core::render::{render, Format};
use nasss_core::{assess, profile_csv};
use proptest::prelude::*;

fn v2_fixture() -> Assessment {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/v2-every-field.json"
    );
    nasss_core::load(&std::fs::read_to_string(path).expect("the fixture")).expect("it loads")
}

/// The plan, the timeline (with what changed since the snapshot) and the look back, as the
/// Markdown report prints them; overdue judged as of a fixed day.
#[test]
fn the_report_shows_the_plan_the_timeline_and_the_look_back() {
    let report =
        nasss_core::assess_as_of(&v2_fixture(), Date::parse("2026-04-01").expect("a date"));
    let outline = nasss_core::render::outline(&report);
    use nasss_core::render::SectionKind;
    for kind in [
        SectionKind::PlanSummary,
        SectionKind::Plan,
        SectionKind::Timeline,
        SectionKind::Retrospective,
    ] {
        assert!(outline.section(kind).is_some(), "{kind:?}");
    }
    let markdown = render(&report, Format::Markdown);
    assert!(
        markdown.contains("In progress (overdue)"),
        "5C's step was due on 2026-03-31"
    );
    insta::assert_snapshot!(markdown);
}

/// Without a plan or snapshots the report has no summary plan, timeline or look back, and its
/// JSON is as it was.
#[test]
fn an_assessment_without_a_plan_or_snapshots_keeps_its_report() {
    let report = assess(&Assessment::quick("t", [Level::Complicated; 7]));
    let outline = nasss_core::render::outline(&report);
    use nasss_core::render::SectionKind;
    for kind in [
        SectionKind::PlanSummary,
        SectionKind::Timeline,
        SectionKind::Retrospective,
    ] {
        assert!(outline.section(kind).is_none(), "{kind:?}");
    }
    assert!(
        outline.section(SectionKind::Plan).is_some(),
        "readiness and suggested steps"
    );
    assert!(!render(&report, Format::Json).contains("over_time"));
}

mod common;

fn status() -> impl Strategy<Value = ActionStatus> {
    prop::sample::select(ActionStatus::ALL.to_vec())
}

prop_compose! {
    /// A random assessment (`common::assessment`) with up to five plan actions in random states.
    fn assessment()(
        mut assessment in common::assessment(),
        actions in prop::collection::vec(prop::option::of(status()), 5),
    ) -> Assessment {
        for (index, status) in actions.into_iter().enumerate() {
            if let Some(status) = status {
                assessment.plan.actions.push(PlanAction {
                    id: ActionId(index as u32 + 1),
                    text: format!("step {index}"),
                    domain: Domain::ALL[index],
                    sub_domain: None,
                    owner: String::new(),
                    due: None,
                    status,
                });
            }
        }
        assessment
    }
}

fn items() -> impl Iterator<Item = Item> {
    Domain::ALL
        .into_iter()
        .map(Item::Domain)
        .chain(SubDomain::ALL.into_iter().map(Item::SubDomain))
}

proptest! {
    #[test]
    fn a_diff_with_itself_is_empty(assessment in assessment()) {
        prop_assert!(diff(&assessment, &assessment).is_empty());
    }

    #[test]
    fn a_diff_names_exactly_the_moved_ratings_and_runs_both_ways(a in assessment(), b in assessment()) {
        let forward = diff(&a, &b);
        let moved: Vec<Item> = items()
            .filter(|item| a.rating(*item).map(|r| r.level) != b.rating(*item).map(|r| r.level))
            .collect();
        let named: Vec<Item> = forward.ratings.iter().map(|c| c.item).collect();
        prop_assert_eq!(&named, &moved);
        let backward = diff(&b, &a);
        prop_assert_eq!(backward.ratings.len(), forward.ratings.len());
        prop_assert_eq!(backward.actions_added.len(), forward.actions_removed.len());
        prop_assert_eq!(backward.status_changes.len(), forward.status_changes.len());
        prop_assert_eq!(&backward.outlook_before, &forward.outlook_after);
        prop_assert_eq!(forward.is_empty(), backward.is_empty());
    }

    #[test]
    fn a_snapshot_is_the_assessment_as_it_stood(assessment in assessment()) {
        let mut later = assessment.clone();
        later.take_snapshot("now", Date::parse("2026-01-01").expect("a date"));
        let then = later.at(&later.snapshots[0]);
        prop_assert!(diff(&then, &assessment).is_empty());
        prop_assert_eq!(assess(&then).outlook, assess(&assessment).outlook);
    }

    #[test]
    fn a_profile_csv_reads_back_to_the_same_outlook(assessment in assessment()) {
        let text = profile_csv::write(std::slice::from_ref(&assessment));
        let back = profile_csv::read(&text).expect("its own header");
        prop_assert!(back.errors.is_empty());
        prop_assert_eq!(back.assessments.len(), 1);
        let (before, after) = (assess(&assessment).outlook, assess(&back.assessments[0]).outlook);
        // A domain that is still a range is written as `unknown`: the range may widen, never
        // narrow, and a profile with every domain known reads back exactly.
        prop_assert!(after.best <= before.best && after.worst >= before.worst);
        if assess(&assessment).domains.iter().all(|d| d.class.range.is_exact()) {
            prop_assert_eq!(before, after);
        }
    }
}

/// Side by side, sorted by outlook either way; the rows name the assessments in that order.
#[test]
fn assessments_side_by_side_sort_by_outlook() {
    use nasss_core::render::{side_by_side, Block, CompareOrder};
    let mut worse = [Level::Complex; 7];
    worse[0] = Level::Simple;
    let a = Assessment::quick("Middling", [Level::Complicated; 7]);
    let b = Assessment::quick("Best", [Level::Simple; 7]);
    let c = Assessment::quick("Worst", worse);
    let all = [&a, &b, &c];
    let titles = |order| {
        let (section, indices) = side_by_side(&all, order, None);
        let Some(Block::Table(_, rows)) = section.blocks.first() else {
            panic!("a table")
        };
        let titles: Vec<String> = rows.iter().map(|row| row[0].text.clone()).collect();
        assert_eq!(titles.len(), indices.len());
        titles
    };
    assert_eq!(titles(CompareOrder::AsGiven), ["Middling", "Best", "Worst"]);
    assert_eq!(
        titles(CompareOrder::BestFirst),
        ["Best", "Middling", "Worst"]
    );
    assert_eq!(
        titles(CompareOrder::WorstFirst),
        ["Worst", "Middling", "Best"]
    );
}
