//! The report's sections about the plan and the assessment over time: the plan in the board
//! summary and in the detail (SIPS's four parts), the timeline with what changed since the
//! latest snapshot, and the look back at the first outlook beside what happened. `outline.rs`
//! calls these; every sentence comes from `plan_phrases.rs`. Also a diff between any two
//! moments as a section, for `nasss diff` and the app.

use super::outline::{Block, Cell, Mark, Section, SectionKind};
use super::plan_phrases as words;
use crate::history::{item_title, Diff};
use crate::report::Report;

fn section(kind: SectionKind, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        kind,
        heading: Some(heading.to_string()),
        blocks,
    }
}

/// The plan on the board's one page, where there is a plan.
pub fn plan_summary(report: &Report) -> Option<Section> {
    let over = &report.over_time;
    let plan = &over.plan;
    if plan.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    let theory = &plan.theory_of_change;
    if !theory.what.trim().is_empty() {
        blocks.push(Block::Paragraph(words::theory_what(&theory.what)));
    }
    if !theory.for_whom.trim().is_empty() {
        blocks.push(Block::Paragraph(words::theory_for_whom(&theory.for_whom)));
    }
    let overdue = over.overdue();
    blocks.push(Block::Paragraph(words::actions_count_line(
        &plan.actions,
        overdue.len(),
        over.as_of.as_ref().map(|d| d.as_str()),
    )));
    let open: Vec<String> = plan
        .open_actions()
        .map(|a| words::open_action_line(a, overdue.iter().any(|o| o.id == a.id)))
        .collect();
    blocks.push(match open.is_empty() {
        true => Block::Paragraph(words::NO_OPEN_ACTIONS.into()),
        false => Block::List(open),
    });
    Some(section(
        SectionKind::PlanSummary,
        words::PLAN_SUMMARY_HEADING,
        blocks,
    ))
}

/// The plan in full: theory of change, readiness, resources and next steps.
pub fn plan_detail(report: &Report) -> Section {
    let over = &report.over_time;
    let plan = &over.plan;
    let theory = &plan.theory_of_change;
    let mut blocks = vec![Block::Heading(words::THEORY_HEADING.into())];
    match theory.is_empty() {
        true => blocks.push(Block::Paragraph(words::NO_THEORY.into())),
        false => {
            if !theory.what.trim().is_empty() {
                blocks.push(Block::Paragraph(words::theory_what(&theory.what)));
            }
            if !theory.for_whom.trim().is_empty() {
                blocks.push(Block::Paragraph(words::theory_for_whom(&theory.for_whom)));
            }
            if !theory.must_be_true.is_empty() {
                blocks.push(Block::Paragraph(words::MUST_BE_TRUE_INTRO.into()));
                blocks.push(Block::List(theory.must_be_true.clone()));
            }
        }
    }
    blocks.push(Block::Heading(words::READINESS_HEADING.into()));
    blocks.push(Block::Paragraph(words::READINESS_INTRO.into()));
    let readiness = &over.readiness;
    blocks.push(Block::List(
        [
            words::readiness_line(words::READINESS_COVERED, &readiness.covered),
            words::readiness_line(words::READINESS_PARTLY, &readiness.partly),
            words::readiness_line(words::READINESS_MISSING, &readiness.missing),
        ]
        .into_iter()
        .flatten()
        .collect(),
    ));
    blocks.push(Block::Heading(words::RESOURCES_HEADING.into()));
    blocks.push(match plan.resources.is_empty() {
        true => Block::Paragraph(words::NO_RESOURCES.into()),
        false => Block::List(plan.resources.clone()),
    });
    blocks.push(Block::Heading(words::NEXT_STEPS_HEADING.into()));
    let overdue = over.overdue();
    match (plan.actions.is_empty(), over.suggested.is_empty()) {
        (false, _) => {
            let rows = plan
                .actions
                .iter()
                .map(|action| {
                    let late = overdue.iter().any(|o| o.id == action.id);
                    vec![
                        Cell::plain(action.text.clone()),
                        Cell::plain(item_title(action.item(), report.setting)),
                        Cell::plain(match action.owner.trim() {
                            "" => super::phrases::NONE.to_string(),
                            owner => owner.to_string(),
                        }),
                        Cell::plain(
                            action
                                .due
                                .as_ref()
                                .map_or(super::phrases::NONE, |d| d.as_str()),
                        ),
                        Cell::plain(words::status_cell(action.status, late)),
                    ]
                })
                .collect();
            blocks.push(Block::Paragraph(words::actions_count_line(
                &plan.actions,
                overdue.len(),
                over.as_of.as_ref().map(|d| d.as_str()),
            )));
            blocks.push(Block::Table(
                words::ACTION_COLUMNS.map(String::from).to_vec(),
                rows,
            ));
        }
        (true, true) => blocks.push(Block::Paragraph(words::NO_ACTIONS.into())),
        (true, false) => {
            blocks.push(Block::Paragraph(words::SUGGESTED_INTRO.into()));
            blocks.push(Block::List(
                over.suggested
                    .iter()
                    .take(words::SUGGESTED_SHOWN)
                    .map(|a| words::suggested_line(&item_title(a.item(), report.setting), a))
                    .collect(),
            ));
            blocks.extend(
                words::more_suggestions(
                    over.suggested.len().saturating_sub(words::SUGGESTED_SHOWN),
                )
                .map(Block::Paragraph),
            );
        }
    }
    section(SectionKind::Plan, words::PLAN_HEADING, blocks)
}

/// The timeline, where there are snapshots: a table of every moment, then what changed since
/// the latest snapshot.
pub fn timeline(report: &Report) -> Option<Section> {
    let over = &report.over_time;
    if over.timeline.is_empty() {
        return None;
    }
    let mut header: Vec<String> = words::TIMELINE_COLUMNS.map(String::from).to_vec();
    header.extend(
        report
            .domains
            .iter()
            .map(super::phrases::numbered_short_title),
    );
    header.push(words::OUTLOOK_COLUMN.into());
    let rows = over
        .timeline
        .iter()
        .map(|moment| {
            let mut row = vec![
                Cell::plain(moment.name.as_deref().unwrap_or(words::NOW)),
                Cell::plain(
                    moment
                        .taken
                        .as_ref()
                        .map_or(super::phrases::NONE, |d| d.as_str()),
                ),
                Cell::plain(moment.stage.map_or(super::phrases::NONE.to_string(), |s| {
                    crate::report::stage_note(s).name
                })),
            ];
            row.extend(moment.levels.iter().map(|range| {
                let mark = match range.is_exact() {
                    true => Mark::Level(range.best),
                    false => Mark::Unsure,
                };
                Cell {
                    text: words::timeline_cell(*range),
                    mark: Some(mark),
                }
            }));
            row.push(Cell {
                text: super::phrases::headline(&moment.outlook),
                mark: Some(Mark::Band(moment.outlook.worst)),
            });
            row
        })
        .collect();
    let mut blocks = vec![
        Block::Paragraph(words::TIMELINE_INTRO.into()),
        Block::Table(header, rows),
    ];
    if let Some(since) = &over.since {
        blocks.push(Block::Heading(words::since_heading(&since.snapshot)));
        blocks.extend(diff_blocks(&since.diff));
    }
    Some(section(
        SectionKind::Timeline,
        words::TIMELINE_HEADING,
        blocks,
    ))
}

/// What changed between two moments, as blocks: the outlook line, then each group that has
/// anything in it; one sentence where nothing changed.
pub fn diff_blocks(diff: &Diff) -> Vec<Block> {
    if diff.is_empty() {
        return vec![Block::Paragraph(words::NO_DIFFERENCE.into())];
    }
    let mut blocks = vec![Block::Paragraph(words::outlook_change_line(
        &diff.outlook_before,
        &diff.outlook_after,
    ))];
    for (intro, lines) in words::diff_groups(diff) {
        blocks.push(Block::Paragraph(intro.into()));
        blocks.push(Block::List(lines));
    }
    blocks
}

/// A diff between two named moments as a section of its own.
pub fn diff_section(diff: &Diff, before: &str, after: &str) -> Section {
    section(
        SectionKind::Difference,
        &words::diff_title(before, after),
        diff_blocks(diff),
    )
}

/// The look back, in a retrospective assessment with snapshots and a recorded outcome.
pub fn retrospective(report: &Report) -> Option<Section> {
    let retro = report.over_time.retrospective.as_ref()?;
    let mut blocks = vec![Block::Paragraph(words::retrospective_sentence(retro))];
    match retro.explaining.is_empty() {
        true => blocks.push(Block::Paragraph(
            words::nothing_explains(retro.worse_than_forecast).into(),
        )),
        false => {
            blocks.push(Block::Paragraph(
                words::explaining_intro(retro.worse_than_forecast).into(),
            ));
            blocks.push(Block::List(
                retro
                    .explaining
                    .iter()
                    .map(words::domain_change_line)
                    .collect(),
            ));
        }
    }
    Some(section(
        SectionKind::Retrospective,
        words::RETROSPECTIVE_HEADING,
        blocks,
    ))
}

/// The version tag of a diff's JSON form.
pub const DIFF_SCHEMA: &str = "nasss-diff/1";

/// A diff with the names of its two sides, as `nasss diff --format json` prints it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DiffReport<'a> {
    pub schema: &'static str,
    pub before: &'a str,
    pub after: &'a str,
    #[serde(flatten)]
    pub diff: &'a Diff,
}

/// A diff as plain text: its title, then the outlook line and each group of changes.
pub fn diff_text(diff: &Diff, before: &str, after: &str) -> String {
    let mut out = words::diff_title(before, after);
    out.push('\n');
    for block in diff_blocks(diff) {
        out.push('\n');
        match block {
            Block::Paragraph(text) | Block::Heading(text) => out.push_str(&text),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {item}\n"));
                }
                out.pop();
            }
            Block::Table(..) => {}
        }
        out.push('\n');
    }
    out
}

/// A diff as pretty JSON (`"schema": "nasss-diff/1"`), the same facts as the text.
pub fn diff_json(diff: &Diff, before: &str, after: &str) -> String {
    let report = DiffReport {
        schema: DIFF_SCHEMA,
        before,
        after,
        diff,
    };
    let mut out = serde_json::to_string_pretty(&report)
        .unwrap_or_else(|error| panic!("a diff always serialises: {error}"));
    out.push('\n');
    out
}

/// The order of assessments side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CompareOrder {
    /// As given (the order they were saved in).
    #[default]
    AsGiven,
    /// The best outlook first (by best case, then worst case).
    BestFirst,
    /// The worst outlook first.
    WorstFirst,
}

impl CompareOrder {
    pub const ALL: [CompareOrder; 3] = [
        CompareOrder::AsGiven,
        CompareOrder::BestFirst,
        CompareOrder::WorstFirst,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CompareOrder::AsGiven => "saved",
            CompareOrder::BestFirst => "best-first",
            CompareOrder::WorstFirst => "worst-first",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CompareOrder::AsGiven => words::ORDER_SAVED,
            CompareOrder::BestFirst => words::ORDER_BEST_FIRST,
            CompareOrder::WorstFirst => words::ORDER_WORST_FIRST,
        }
    }
}

/// Assessments side by side: each domain's level, the outlook and its range, and open steps
/// (overdue ones counted as of `today`), in the order asked for. Also returns the order the
/// assessments were put in (indices into `assessments`).
pub fn side_by_side(
    assessments: &[&crate::Assessment],
    order: CompareOrder,
    today: Option<&crate::assessment::Date>,
) -> (Section, Vec<usize>) {
    let reports: Vec<Report> = assessments.iter().map(|a| crate::assess(a)).collect();
    let mut indices: Vec<usize> = (0..reports.len()).collect();
    let rank = |index: &usize| {
        let outlook = &reports[*index].outlook;
        (outlook.best, outlook.worst)
    };
    match order {
        CompareOrder::AsGiven => {}
        CompareOrder::BestFirst => indices.sort_by_key(rank),
        CompareOrder::WorstFirst => indices.sort_by_key(|i| std::cmp::Reverse(rank(i))),
    }
    let mut header = vec![words::COMPARE_FIRST_COLUMN.to_string()];
    if let Some(first) = reports.first() {
        header.extend(
            first
                .domains
                .iter()
                .map(super::phrases::numbered_short_title),
        );
    }
    header.extend(words::COMPARE_LAST_COLUMNS.map(String::from));
    let rows = indices
        .iter()
        .map(|&index| {
            let (assessment, report) = (assessments[index], &reports[index]);
            let mut row = vec![Cell::plain(super::phrases::display_title(
                &assessment.title,
            ))];
            row.extend(report.domains.iter().map(|domain| {
                let range = domain.class.range;
                Cell {
                    text: super::phrases::range_label(range),
                    mark: Some(match range.is_exact() {
                        true => Mark::Level(range.best),
                        false => Mark::Unsure,
                    }),
                }
            }));
            row.push(Cell {
                text: super::phrases::headline(&report.outlook),
                mark: Some(Mark::Band(report.outlook.worst)),
            });
            let open = assessment.plan.open_actions().count();
            let overdue = today.map_or(0, |day| assessment.plan.overdue(day).len());
            row.push(Cell::plain(words::open_steps_cell(open, overdue)));
            row
        })
        .collect();
    let blocks = match assessments.is_empty() {
        true => vec![Block::Paragraph(words::COMPARE_NOTHING.into())],
        false => vec![Block::Table(header, rows)],
    };
    (
        section(SectionKind::SideBySide, words::COMPARE_HEADING, blocks),
        indices,
    )
}
