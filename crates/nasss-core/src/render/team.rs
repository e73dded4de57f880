//! The report's team sections, for an assessment with team views: in the summary, the team's
//! view (agreed levels, the group's range and each person's own outlook); in the detail, where
//! the group did not agree (split items first, every person's level and note, the agreed level
//! or that it is open), each person's view as a table, and the agreement figures. Every
//! sentence comes from `team_phrases.rs`.

use super::outline::{Block, Cell, Mark, Section, SectionKind};
use super::team_phrases as words;
use crate::disagreement::{ItemSpread, TeamAnalysis};
use crate::model::Level;
use crate::report::Report;

fn section(kind: SectionKind, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        kind,
        heading: Some(heading.to_string()),
        blocks,
    }
}

/// The summary's team section; none without team views.
pub fn summary_sections(report: &Report) -> Vec<Section> {
    let Some(team) = &report.team else {
        return Vec::new();
    };
    if team.hidden {
        return vec![section(
            SectionKind::Team,
            words::TEAM_HEADING,
            vec![Block::Paragraph(words::hidden_line(team.people))],
        )];
    }
    let agreed = team.items.iter().filter(|s| s.agreed.is_some()).count();
    vec![section(
        SectionKind::Team,
        words::TEAM_HEADING,
        vec![
            Block::Paragraph(words::agreed_progress(agreed, team.items.len())),
            Block::Paragraph(words::group_range_sentence(
                team.optimistic,
                team.pessimistic,
            )),
            Block::Paragraph(words::RATER_OUTLOOKS_INTRO.into()),
            Block::List(team.raters.iter().map(words::rater_outlook_line).collect()),
        ],
    )]
}

/// The detail's team sections; none without team views.
pub fn detail_sections(report: &Report) -> Vec<Section> {
    let Some(team) = report.team.as_ref().filter(|team| !team.hidden) else {
        return Vec::new();
    };
    vec![
        disagreement_section(team),
        views_section(team),
        figures_section(team),
    ]
}

fn disagreement_section(team: &TeamAnalysis) -> Section {
    let split: Vec<&ItemSpread> = team.items.iter().filter(|s| s.split.is_split()).collect();
    let mut blocks = Vec::new();
    match split.is_empty() {
        true => blocks.push(Block::Paragraph(words::NO_SPLITS.into())),
        false => blocks.push(Block::Paragraph(words::splits_line(
            split.len(),
            team.items.len(),
        ))),
    }
    for spread in split {
        blocks.push(Block::Heading(words::split_heading(spread)));
        blocks.push(Block::List(
            spread.levels.iter().map(words::rater_level_line).collect(),
        ));
        blocks.push(Block::Paragraph(words::agreed_line(spread.agreed.as_ref())));
    }
    section(
        SectionKind::TeamDisagreement,
        words::DISAGREEMENT_HEADING,
        blocks,
    )
}

fn level_cell(level: Level) -> Cell {
    Cell {
        text: level.label().to_string(),
        mark: Some(match level.known() {
            Some(complexity) => Mark::Level(complexity),
            None => Mark::Unsure,
        }),
    }
}

/// Each person's level for every item, in published order, with the agreed level.
pub fn views_table(team: &TeamAnalysis) -> Block {
    let mut header = vec![words::VIEWS_ITEM_COLUMN.to_string()];
    if let Some(first) = team.items.first() {
        header.extend(
            first
                .levels
                .iter()
                .map(|l| words::display_rater(&l.name).to_string()),
        );
    }
    header.push(words::VIEWS_AGREED_COLUMN.to_string());
    let mut items: Vec<&ItemSpread> = team.items.iter().collect();
    items.sort_by_key(|s| s.item);
    let rows = items
        .into_iter()
        .map(|spread| {
            let mut row = vec![Cell::plain(words::item_name(spread))];
            row.extend(spread.levels.iter().map(|l| level_cell(l.level)));
            row.push(match &spread.agreed {
                Some(rating) => level_cell(rating.level),
                None => Cell::plain(words::OPEN_CELL),
            });
            row
        })
        .collect();
    Block::Table(header, rows)
}

fn views_section(team: &TeamAnalysis) -> Section {
    section(
        SectionKind::TeamViews,
        words::VIEWS_HEADING,
        vec![views_table(team)],
    )
}

/// The agreement figures' paragraphs.
pub fn figures_blocks(team: &TeamAnalysis) -> Vec<Block> {
    let figures = &team.figures;
    let mut blocks = vec![
        Block::Paragraph(words::alpha_line(figures.alpha)),
        Block::Paragraph(words::percent_line(figures.percent)),
        Block::Paragraph(words::basis_line(figures)),
    ];
    if let Some(reading) = words::reading_line(figures) {
        blocks.push(Block::Paragraph(reading));
        blocks.push(Block::Paragraph(words::reading_source()));
    }
    blocks
}

fn figures_section(team: &TeamAnalysis) -> Section {
    section(
        SectionKind::TeamAgreement,
        words::FIGURES_HEADING,
        figures_blocks(team),
    )
}

/// Each item with its split and every person's level, split items first: the table of
/// `nasss agreement`.
pub fn agreement_table(team: &TeamAnalysis) -> Block {
    let mut header = vec![
        words::VIEWS_ITEM_COLUMN.to_string(),
        words::SPLIT_COLUMN.to_string(),
    ];
    if let Some(first) = team.items.first() {
        header.extend(
            first
                .levels
                .iter()
                .map(|l| words::display_rater(&l.name).to_string()),
        );
    }
    header.push(words::VIEWS_AGREED_COLUMN.to_string());
    let rows = team
        .items
        .iter()
        .map(|spread| {
            let mut row = vec![
                Cell::plain(words::item_name(spread)),
                Cell::plain(words::split_short(spread.split)),
            ];
            row.extend(spread.levels.iter().map(|l| level_cell(l.level)));
            row.push(match &spread.agreed {
                Some(rating) => level_cell(rating.level),
                None => Cell::plain(words::OPEN_CELL),
            });
            row
        })
        .collect();
    Block::Table(header, rows)
}

/// What `nasss agreement` prints: the per-item table and the figures, as an outline; `None`
/// for an assessment with no team views.
pub fn agreement_outline(report: &Report) -> Option<super::outline::Outline> {
    let team = report.team.as_ref()?;
    Some(super::outline::Outline {
        title: words::agreement_title(&report.title),
        description: None,
        context: super::outline::context_lines(report),
        parts: vec![super::outline::Part {
            kind: super::outline::PartKind::Detail,
            heading: words::AGREEMENT_PART.to_string(),
            sections: vec![
                section(
                    SectionKind::TeamViews,
                    words::AGREEMENT_TABLE_HEADING,
                    vec![agreement_table(team)],
                ),
                figures_section(team),
            ],
        }],
    })
}
