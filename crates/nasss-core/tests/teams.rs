//! Team assessments end to end in the core: the fixtures in `tests/fixtures/team/` (an
//! invitation, three replies, a second reply from one person, an ordinary file and a file from
//! another assessment) merged by the CLI's and the app's rules, and the report's team sections
//! as snapshots.

use nasss_core::merge::{merge_files, MergeError};
use nasss_core::model::{Domain, Item, Level};
use nasss_core::render::{outline, render, Format, SectionKind};
use nasss_core::Assessment;

fn fixture(name: &str) -> (String, Assessment) {
    let path = format!(
        "{}/../../tests/fixtures/team/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture");
    (
        name.to_string(),
        nasss_core::load(&text).expect("fixture loads"),
    )
}

fn team() -> Assessment {
    let files = ["invitation.json", "ann.json", "ben.json", "cy.json"].map(fixture);
    let (team, results) = merge_files(&files, None).expect("files");
    assert!(results.iter().all(|r| r.outcome.is_ok()), "{results:?}");
    team
}

#[test]
fn three_replies_make_a_team_report() {
    let mut team = team();
    assert_eq!(team.team.views.len(), 3);
    let report = nasss_core::assess(&team);
    let outline = outline(&report);
    for kind in [
        SectionKind::Team,
        SectionKind::TeamDisagreement,
        SectionKind::TeamViews,
        SectionKind::TeamAgreement,
    ] {
        assert!(outline.section(kind).is_some(), "{kind:?}");
    }
    insta::assert_snapshot!(
        "team-nothing-agreed.markdown",
        render(&report, Format::Markdown)
    );
    team.agree(
        Item::Domain(Domain::Condition),
        Level::Complicated,
        "dementia needs are known and can be planned for",
    );
    team.agree(Item::Domain(Domain::ValueProposition), Level::Complex, "");
    let report = nasss_core::assess(&team);
    insta::assert_snapshot!("team-two-agreed.text", render(&report, Format::Text));
    let json: serde_json::Value =
        serde_json::from_str(&render(&report, Format::Json)).expect("json");
    assert_eq!(json["team"]["items"][0]["split"], "simple_complex");
}

#[test]
fn an_assessment_without_views_has_no_team_sections() {
    let (_, reply) = fixture("ann.json");
    let outline = outline(&nasss_core::assess(&reply));
    assert!(outline.section(SectionKind::Team).is_none());
    assert!(outline.section(SectionKind::TeamAgreement).is_none());
}

#[test]
fn a_second_reply_replaces_and_other_files_follow_the_rules() {
    let files = [
        "invitation.json",
        "ann.json",
        "ben.json",
        "ben-again.json",
        "eve-own-go.json",
        "other-assessment.json",
    ]
    .map(fixture);
    let (team, results) = merge_files(&files, None).expect("files");
    let said: Vec<String> = results
        .iter()
        .map(|r| match &r.outcome {
            Ok(notes) => notes
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join("; "),
            Err(error) => format!("refused: {error}"),
        })
        .collect();
    assert_eq!(
        said,
        [
            "added Ann Patel (reablement lead)'s ratings",
            "added Ben Okafor's ratings",
            "Ben Okafor's new ratings replace the ones they sent before",
            "added eve-own-go's ratings",
            "refused: it belongs to a different assessment (\"Shared Lives expansion\", id shared-lives-2026), not this one (\"Telecare for people living alone\", id telecare-2026-k7), so nothing was taken from it",
        ]
    );
    assert!(matches!(
        results[4].outcome,
        Err(MergeError::DifferentAssessment { .. })
    ));
    assert_eq!(team.team.views.len(), 3, "Ann, Ben once, Eve");
}
