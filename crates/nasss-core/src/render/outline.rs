//! The report as a document outline: the title and context, then two parts (a summary that
//! fits one page for a board, and the full detail), each a list of sections made of headings,
//! paragraphs, lists and tables in reading order. Every shell lays out this one outline: the
//! text and Markdown renderers print it, and the web app renders its sections with its own
//! layout (a chart beside the profile table, signs beside levels). A new report section is
//! written here once and every shell shows it. All its sentences come from `phrases.rs`.

use super::{over_time, phrases};
use crate::crosswalk::Coverage;
use crate::model::Complexity;
use crate::outlook::Band;
use crate::report::Report;
use crate::setting::Framing;

/// A whole report, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// "NASSS assessment: …".
    pub title: String,
    pub description: Option<String>,
    /// Setting, framing, mode, stage, raters, date, source: one line each.
    pub context: Vec<String>,
    pub parts: Vec<Part>,
}

/// The summary or the detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub kind: PartKind,
    pub heading: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// One page for a board.
    Summary,
    Detail,
}

/// One section of a part: what it is, its heading (none for the closing caveat) and blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// What a section holds, so that a shell can lay each kind out in its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Outlook,
    Profile,
    Drivers,
    Changes,
    TopStrategies,
    Comparison,
    Caveat,
    Ratings,
    Strategies,
    Crosswalk,
    Stage,
    /// A team's agreed levels, range and each person's outlook (`team.rs`).
    Team,
    TeamDisagreement,
    TeamViews,
    TeamAgreement,
    /// The plan on the board's page (`over_time.rs`).
    PlanSummary,
    /// The plan in full: SIPS's four parts.
    Plan,
    /// Every snapshot's levels and outlook, and what changed since the latest.
    Timeline,
    /// The first snapshot's outlook beside what happened.
    Retrospective,
    /// What changed between two moments (`nasss diff`, the app's diff view).
    Difference,
    /// Several assessments side by side (the app's comparison page).
    SideBySide,
}

impl SectionKind {
    /// A stable name for ids, CSS classes and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Outlook => "outlook",
            SectionKind::Profile => "profile",
            SectionKind::Drivers => "drivers",
            SectionKind::Changes => "changes",
            SectionKind::TopStrategies => "top-strategies",
            SectionKind::Comparison => "comparison",
            SectionKind::Caveat => "caveat",
            SectionKind::Ratings => "ratings",
            SectionKind::Strategies => "strategies",
            SectionKind::Crosswalk => "crosswalk",
            SectionKind::Stage => "stage",
            SectionKind::Team => "team",
            SectionKind::TeamDisagreement => "team-disagreement",
            SectionKind::TeamViews => "team-views",
            SectionKind::TeamAgreement => "team-agreement",
            SectionKind::PlanSummary => "plan-summary",
            SectionKind::Plan => "plan",
            SectionKind::Timeline => "timeline",
            SectionKind::Retrospective => "retrospective",
            SectionKind::Difference => "difference",
            SectionKind::SideBySide => "side-by-side",
        }
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading inside a section (one level below the section's own).
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
    /// A header row, then rows of the same width.
    Table(Vec<String>, Vec<Vec<Cell>>),
}

/// A table cell: its text, and what it shows where a shell can draw it (a sign, a colour).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub mark: Option<Mark>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            mark: None,
        }
    }

    fn marked(text: impl Into<String>, mark: Mark) -> Cell {
        Cell {
            text: text.into(),
            mark: Some(mark),
        }
    }
}

/// What a cell's text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Level(Complexity),
    /// A range of levels: not sure yet.
    Unsure,
    Coverage(Coverage),
    Band(Band),
}

impl Outline {
    /// The section of a kind, if the report has it.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.parts
            .iter()
            .flat_map(|part| &part.sections)
            .find(|section| section.kind == kind)
    }

    /// Every piece of text in reading order: the title, each heading, paragraph, list item and
    /// table cell. Shells are tested to show all of them.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str()];
        out.extend(self.description.as_deref());
        out.extend(self.context.iter().map(String::as_str));
        for part in &self.parts {
            out.push(&part.heading);
            for section in &part.sections {
                out.extend(section.heading.as_deref());
                for block in &section.blocks {
                    match block {
                        Block::Heading(text) | Block::Paragraph(text) => out.push(text),
                        Block::List(items) => out.extend(items.iter().map(String::as_str)),
                        Block::Table(header, rows) => {
                            out.extend(header.iter().map(String::as_str));
                            out.extend(rows.iter().flatten().map(|cell| cell.text.as_str()));
                        }
                    }
                }
            }
        }
        out
    }
}

pub fn outline(report: &Report) -> Outline {
    Outline {
        title: phrases::report_title(&report.title),
        description: (!report.description.is_empty()).then(|| report.description.clone()),
        context: context_lines(report),
        parts: vec![
            Part {
                kind: PartKind::Summary,
                heading: "Summary".into(),
                sections: summary(report),
            },
            Part {
                kind: PartKind::Detail,
                heading: "Full detail".into(),
                sections: detail(report),
            },
        ],
    }
}

/// The lines that set a report in context: setting, framing, mode, stage, raters, date, source.
pub fn context_lines(report: &Report) -> Vec<String> {
    let mut context = vec![
        format!("Setting: {}", report.setting.label()),
        format!("Framing: {}", report.framing.label()),
        format!(
            "Assessment: {}",
            match report.mode {
                crate::assessment::Mode::Quick => "quick (seven domains rated directly)",
                crate::assessment::Mode::Full => "full (sub-domain questions)",
            }
        ),
    ];
    if let Framing::Retrospective { outcome } = report.framing {
        context.push(format!(
            "Actual outcome: {}",
            outcome.map_or("not recorded yet", |o| o.label())
        ));
    }
    if let Some(stage) = &report.stage {
        context.push(format!("Stage on the Innovate wheel: {}", stage.name));
    }
    let raters: Vec<String> = report
        .raters
        .iter()
        .filter(|rater| !rater.name.trim().is_empty())
        .map(|rater| match &rater.role {
            Some(role) => format!("{} ({role})", rater.name),
            None => rater.name.clone(),
        })
        .collect();
    if !raters.is_empty() {
        context.push(format!("Rated by: {}", raters.join(", ")));
    }
    if let Some(date) = &report.updated {
        context.push(format!("Last updated: {}", date.as_str()));
    }
    if let Some(source) = &report.source {
        let doi = source
            .doi
            .as_ref()
            .map_or(String::new(), |doi| format!(" doi:{doi}"));
        context.push(format!(
            "Source: {} ({}). {}. {}.{doi} Ratings: {}. {}",
            source.authors,
            source.year,
            source.title,
            source.journal,
            source.basis.label(),
            source.basis_note
        ));
    }
    context
}

fn section(kind: SectionKind, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        kind,
        heading: Some(heading.to_string()),
        blocks,
    }
}

fn summary(report: &Report) -> Vec<Section> {
    let mut sections = vec![
        outlook_section(report),
        profile_section(report),
        section(
            SectionKind::Drivers,
            "What drives it",
            vec![match report.drivers.is_empty() {
                true => Block::Paragraph(phrases::NO_DRIVERS.into()),
                false => Block::List(
                    report
                        .drivers
                        .iter()
                        .map(|d| phrases::driver_line(report.domain(d.domain)))
                        .collect(),
                ),
            }],
        ),
        section(
            SectionKind::Changes,
            "What would change it",
            vec![match report.changes.is_empty() {
                true => Block::Paragraph(phrases::NO_CHANGES.into()),
                false => Block::List(report.changes.iter().map(phrases::change_line).collect()),
            }],
        ),
        top_strategies_section(report),
    ];
    sections.splice(1..1, super::team::summary_sections(report));
    sections.extend(over_time::plan_summary(report));
    let comparison = match (report.comparison, report.framing) {
        (Some(comparison), _) => Some(phrases::comparison_sentence(&comparison)),
        (None, Framing::Retrospective { outcome: None }) => Some(phrases::RECORD_OUTCOME.into()),
        (None, _) => None,
    };
    if let Some(text) = comparison {
        sections.push(section(
            SectionKind::Comparison,
            "Outcome compared with the outlook",
            vec![Block::Paragraph(text)],
        ));
    }
    sections.extend(over_time::retrospective(report));
    sections.push(Section {
        kind: SectionKind::Caveat,
        heading: None,
        blocks: vec![Block::Paragraph(phrases::caveat_line(report.caveat))],
    });
    sections
}

fn outlook_section(report: &Report) -> Section {
    let outlook = &report.outlook;
    let mut blocks = vec![Block::Paragraph(phrases::outlook_sentence(outlook))];
    match outlook.is_uncertain() {
        true => {
            blocks.push(Block::Paragraph(phrases::PIVOTS_INTRO.into()));
            blocks.push(Block::List(
                report.pivotal.iter().map(phrases::pivot_line).collect(),
            ));
        }
        false => blocks.extend(phrases::harmless_unknowns(&report.pivotal).map(Block::Paragraph)),
    }
    section(SectionKind::Outlook, "Mainstreaming outlook", blocks)
}

fn profile_section(report: &Report) -> Section {
    let rows = report
        .domains
        .iter()
        .map(|domain| {
            let range = domain.class.range;
            let mark = match range.is_exact() {
                true => Mark::Level(range.best),
                false => Mark::Unsure,
            };
            vec![
                Cell::plain(phrases::numbered_title(domain)),
                Cell::marked(phrases::range_label(range), mark),
                Cell::plain(phrases::basis(domain)),
            ]
        })
        .collect();
    section(
        SectionKind::Profile,
        "Domain profile",
        vec![
            Block::Paragraph(phrases::counts_line(&report.counts)),
            Block::Table(phrases::PROFILE_COLUMNS.map(String::from).to_vec(), rows),
        ],
    )
}

/// How many strategies the board summary shows.
pub const TOP_STRATEGIES: usize = 3;

fn top_strategies_section(report: &Report) -> Section {
    let top = report.top_strategies(TOP_STRATEGIES);
    let mut blocks = Vec::new();
    if top.is_empty() {
        blocks.push(Block::Paragraph(phrases::NO_STRATEGIES.into()));
    }
    for note in &top {
        blocks.push(Block::Heading(phrases::strategy_heading(note)));
        blocks.push(Block::List(phrases::top_suggestions(note)));
    }
    blocks.extend(
        phrases::more_strategies(report.strategies.len() - top.len()).map(Block::Paragraph),
    );
    section(SectionKind::TopStrategies, "Top strategies", blocks)
}

fn detail(report: &Report) -> Vec<Section> {
    let mut sections = vec![
        ratings_section(report),
        strategies_section(report),
        over_time::plan_detail(report),
        crosswalk_section(report),
    ];
    sections.splice(1..1, super::team::detail_sections(report));
    if let Some(stage) = &report.stage {
        sections.push(Section {
            kind: SectionKind::Stage,
            heading: Some(phrases::stage_heading(&stage.name)),
            blocks: vec![
                Block::Paragraph(stage.summary.clone()),
                Block::Paragraph(phrases::STAGE_MEASURES_INTRO.into()),
                Block::List(stage.success_measures.clone()),
            ],
        });
    }
    sections.extend(over_time::timeline(report));
    sections
}

fn ratings_section(report: &Report) -> Section {
    let mut blocks = Vec::new();
    for domain in &report.domains {
        blocks.push(Block::Heading(phrases::domain_heading(domain)));
        blocks.extend(phrases::override_sentence(&domain.class).map(Block::Paragraph));
        blocks.push(Block::Paragraph(phrases::basis_line(domain)));
        match domain.items.is_empty() {
            true => blocks.push(Block::Paragraph(format!("{}.", phrases::NOT_RATED))),
            false => blocks.push(Block::List(
                domain.items.iter().map(phrases::item_line).collect(),
            )),
        }
    }
    section(SectionKind::Ratings, "Ratings in detail", blocks)
}

fn strategies_section(report: &Report) -> Section {
    let mut blocks = Vec::new();
    if report.strategies.is_empty() {
        blocks.push(Block::Paragraph(phrases::NO_STRATEGIES.into()));
    }
    for note in &report.strategies {
        blocks.push(Block::Heading(phrases::strategy_heading(note)));
        blocks.push(Block::Paragraph(phrases::REDUCE_INTRO.into()));
        blocks.push(Block::List(note.reduce.clone()));
        blocks.push(Block::Paragraph(phrases::HANDLE_INTRO.into()));
        blocks.push(Block::List(note.handle.clone()));
    }
    section(SectionKind::Strategies, "All strategies", blocks)
}

fn crosswalk_section(report: &Report) -> Section {
    let mut blocks = vec![Block::Paragraph(phrases::CROSSWALK_INTRO.into())];
    for source in &report.crosswalk {
        blocks.push(Block::Heading(source.name.clone()));
        let rows = source
            .factors
            .iter()
            .map(|factor| {
                let missing: Vec<&str> = factor.missing.iter().map(|s| s.code()).collect();
                vec![
                    Cell::plain(factor.name.clone()),
                    Cell::marked(
                        phrases::coverage_label(factor.coverage),
                        Mark::Coverage(factor.coverage),
                    ),
                    match factor.highest {
                        Some(level) => Cell::marked(level.label(), Mark::Level(level)),
                        None => Cell::plain(phrases::NONE),
                    },
                    Cell::plain(match missing.is_empty() {
                        true => phrases::NONE.to_string(),
                        false => missing.join(", "),
                    }),
                ]
            })
            .collect();
        blocks.push(Block::Table(
            phrases::CROSSWALK_COLUMNS.map(String::from).to_vec(),
            rows,
        ));
    }
    section(SectionKind::Crosswalk, "Social care crosswalk", blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Assessment, Rater};

    #[test]
    fn raters_without_a_name_are_left_out_of_the_context() {
        let mut assessment = Assessment::new("t");
        assessment.raters = vec![
            Rater::new(" ", Some("lead".into())),
            Rater::new("Ben", Some("family carer".into())),
            Rater::new("Ann", None),
        ];
        let lines = context_lines(&crate::assess(&assessment));
        assert!(
            lines.contains(&"Rated by: Ben (family carer), Ann".to_string()),
            "{lines:?}"
        );
        assessment.raters.drain(1..);
        let lines = context_lines(&crate::assess(&assessment));
        assert!(
            lines.iter().all(|line| !line.starts_with("Rated by")),
            "{lines:?}"
        );
    }

    #[test]
    fn an_untitled_assessment_is_called_so() {
        let outline = outline(&crate::assess(&Assessment::new("  ")));
        assert_eq!(outline.title, "NASSS assessment: Untitled assessment");
    }

    #[test]
    fn the_summary_shows_the_top_three_strategies_most_complex_first() {
        use crate::model::{Domain, Level};
        let mut levels = [Level::Simple; 7];
        levels[Domain::Technology.index()] = Level::Complicated;
        levels[Domain::Organisation.index()] = Level::Complex;
        let report = crate::assess(&Assessment::quick("t", levels));
        let section = outline(&report)
            .section(SectionKind::TopStrategies)
            .cloned()
            .expect("a summary has top strategies");
        let headings: Vec<&str> = section
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading(text) => Some(text.as_str()),
                Block::Paragraph(_) | Block::List(_) | Block::Table(..) => None,
            })
            .collect();
        assert_eq!(headings.len(), TOP_STRATEGIES);
        assert!(headings.iter().all(|h| h.starts_with("5")), "{headings:?}");
        let more = report.strategies.len() - TOP_STRATEGIES;
        assert!(section.blocks.contains(&Block::Paragraph(format!(
            "{more} more in the full detail below."
        ))));
    }
}
