//! The report as a document outline: headings, paragraphs, lists and tables in reading order,
//! summary first (one page for a board), detail after. The text and Markdown renderers print
//! these blocks; nothing here knows about either syntax.

use crate::classify::{DomainClass, Item, Range};
use crate::explain::Change;
use crate::factor::FactorSource;
use crate::model::Complexity;
use crate::report::{domain_title, sub_domain_title, Report};
use crate::setting::{Framing, Setting};

/// One block of a rendered report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 1 is the title.
    Heading(u8, String),
    Paragraph(String),
    List(Vec<String>),
    /// A header row, then rows of the same width.
    Table(Vec<String>, Vec<Vec<String>>),
}

/// How a domain's level reads: "Complicated", or "Simple to complex (not sure yet)".
pub fn range_label(range: Range) -> String {
    match range.is_exact() {
        true => range.best.label().to_string(),
        false => format!(
            "{} to {} (not sure yet)",
            range.best.label(),
            range.worst.key()
        ),
    }
}

pub fn outline(report: &Report) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(
        1,
        format!("NASSS assessment: {}", report.title),
    )];
    if !report.description.is_empty() {
        blocks.push(Block::Paragraph(report.description.clone()));
    }
    blocks.push(Block::List(context_lines(report)));
    summary(report, &mut blocks);
    detail(report, &mut blocks);
    blocks
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

fn summary(report: &Report, blocks: &mut Vec<Block>) {
    let outlook = &report.outlook;
    blocks.push(Block::Heading(2, "Summary".into()));
    let headline = match outlook.is_uncertain() {
        false => format!(
            "Mainstreaming outlook: {}. {}",
            outlook.best.label(),
            outlook.best.meaning()
        ),
        true => format!(
            "Mainstreaming outlook: uncertain, between {} (if every unknown proves simple) and {} (if every unknown proves complex).",
            outlook.best.label().to_lowercase(),
            outlook.worst.label().to_lowercase()
        ),
    };
    blocks.push(Block::Paragraph(headline));
    let counts = report.counts;
    blocks.push(Block::Paragraph(format!(
        "Domains: {} complex, {} complicated, {} simple, {} not yet known.",
        counts.complex, counts.complicated, counts.simple, counts.unknown
    )));
    let drivers: Vec<String> = report
        .drivers
        .iter()
        .map(|&domain| in_sentence(&domain_title(domain, report.setting)))
        .collect();
    blocks.push(Block::Paragraph(match drivers.is_empty() {
        true => "Drivers: no domain is rated complicated or complex.".into(),
        false => format!("Driven by: {}.", drivers.join("; ")),
    }));
    let pivotal: Vec<String> = outlook
        .pivotal
        .iter()
        .map(|pivot| in_sentence(&domain_title(pivot.domain, report.setting)))
        .collect();
    match outlook.is_uncertain() {
        true => {
            blocks.push(Block::Paragraph(
                "The unknowns, most consequential first (with the outlook if that domain alone proves complex):"
                    .into(),
            ));
            blocks.push(Block::List(
                outlook
                    .pivotal
                    .iter()
                    .map(|pivot| {
                        format!(
                            "{}: {}",
                            domain_title(pivot.domain, report.setting),
                            pivot.band_if_worst.label().to_lowercase()
                        )
                    })
                    .collect(),
            ));
        }
        false if !pivotal.is_empty() => blocks.push(Block::Paragraph(format!(
            "Not yet known, though it would not change the outlook: {}.",
            pivotal.join("; ")
        ))),
        false => {}
    }
    blocks.push(Block::Heading(2, "Domain profile".into()));
    blocks.push(Block::Table(
        vec!["Domain".into(), "Level".into(), "Basis".into()],
        report
            .domains
            .iter()
            .map(|domain| {
                vec![
                    format!("{}. {}", domain.domain.number(), domain.title),
                    range_label(domain.class.range),
                    basis(&domain.class, report.setting),
                ]
            })
            .collect(),
    ));
    blocks.push(Block::Heading(2, "What would change the outlook".into()));
    blocks.push(match report.changes.is_empty() {
        true => Block::Paragraph("The ratings already give the best band.".into()),
        false => Block::List(
            report
                .changes
                .iter()
                .map(|c| change_line(c, report))
                .collect(),
        ),
    });
    if let Some(comparison) = report.comparison {
        blocks.push(Block::Heading(
            2,
            "Outcome compared with the outlook".into(),
        ));
        blocks.push(Block::Paragraph(format!(
            "Actual outcome: {}. {}",
            comparison.outcome.label(),
            comparison.agreement.verdict()
        )));
    } else if let Framing::Retrospective { outcome: None } = report.framing {
        blocks.push(Block::Paragraph(
            "Record the actual outcome to compare it with the outlook.".into(),
        ));
    }
    blocks.push(Block::Paragraph(format!("Note: {}", report.caveat)));
}

fn detail(report: &Report, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, "Strategies".into()));
    match report.strategies.is_empty() {
        true => blocks.push(Block::Paragraph(
            "No sub-domain is rated complicated or complex, so there is nothing to reduce yet."
                .into(),
        )),
        false => {
            for note in &report.strategies {
                let whole = match note.from_domain_rating {
                    true => ", from the whole-domain rating",
                    false => "",
                };
                blocks.push(Block::Heading(
                    3,
                    format!("{} {} ({}{whole})", note.sub_domain, note.title, note.level),
                ));
                blocks.push(Block::Paragraph("To reduce the complexity:".into()));
                blocks.push(Block::List(note.reduce.clone()));
                blocks.push(Block::Paragraph("To handle what remains:".into()));
                blocks.push(Block::List(note.handle.clone()));
            }
        }
    }
    blocks.push(Block::Heading(2, "Ratings in detail".into()));
    for domain in &report.domains {
        blocks.push(Block::Heading(
            3,
            format!(
                "{}. {}: {}",
                domain.domain.number(),
                domain.title,
                range_label(domain.class.range)
            ),
        ));
        if let Some(over) = &domain.class.overridden {
            blocks.push(Block::Paragraph(format!(
                "Set by hand to {} (the ratings give {}). Reason: {}",
                over.level,
                range_label(domain.class.classified).to_lowercase(),
                over.reason.as_str()
            )));
        }
        if domain.items.is_empty() {
            blocks.push(Block::Paragraph("Not rated yet.".into()));
        }
        let items = domain.items.iter().map(|item| {
            let code = match item.item {
                Item::Domain(_) => "Whole domain".to_string(),
                Item::SubDomain(sub) => format!("{sub} {}", item.title),
            };
            let mut line = format!("{code}: {}", item.level.label());
            if let Some(descriptor) = &item.descriptor {
                line.push_str(&format!(" ({descriptor})"));
            }
            if let Some(kind) = item.kind {
                line.push_str(&format!(". Kind of complexity: {}", kind.label()));
            }
            if !item.note.is_empty() {
                line.push_str(&format!(". Note: {}", item.note));
            }
            if !item.evidence.is_empty() {
                line.push_str(&format!(". Evidence: {}", item.evidence.join("; ")));
            }
            line
        });
        let items: Vec<String> = items.collect();
        if !items.is_empty() {
            blocks.push(Block::List(items));
        }
    }
    blocks.push(Block::Heading(2, "Social care crosswalk".into()));
    blocks.push(Block::Paragraph(
        "Which scaling factors and EXIT ingredients the ratings speak to, and which they have not covered yet.".into(),
    ));
    for source in FactorSource::ALL {
        blocks.push(Block::Heading(
            3,
            crate::bank::bank().source(source).name.clone(),
        ));
        blocks.push(Block::Table(
            vec![
                "Factor".into(),
                "Coverage".into(),
                "Highest level".into(),
                "Not yet rated".into(),
            ],
            report
                .factors(source)
                .map(|factor| {
                    vec![
                        factor.name.clone(),
                        factor.coverage.label().into(),
                        factor
                            .highest
                            .map_or("-".into(), |l: Complexity| l.label().into()),
                        match factor.missing.is_empty() {
                            true => "-".into(),
                            false => factor
                                .missing
                                .iter()
                                .map(|s| s.code())
                                .collect::<Vec<_>>()
                                .join(", "),
                        },
                    ]
                })
                .collect(),
        ));
    }
    if let Some(stage) = &report.stage {
        blocks.push(Block::Heading(2, format!("Stage: {}", stage.name)));
        blocks.push(Block::Paragraph(stage.summary.clone()));
        blocks.push(Block::Paragraph(
            "What success looks like at this stage:".into(),
        ));
        blocks.push(Block::List(stage.success_measures.clone()));
    }
}

/// What a domain's level rests on, in words: the override, the deciding ratings, the unknowns.
pub fn basis(class: &DomainClass, setting: Setting) -> String {
    if let Some(over) = &class.overridden {
        return format!("Set by hand: {}", over.reason.as_str());
    }
    let mut parts = Vec::new();
    let decisive: Vec<String> = class
        .decisive
        .iter()
        .map(|item| match item {
            Item::Domain(_) => "whole-domain rating".to_string(),
            Item::SubDomain(sub) => format!("{sub} {}", sub_domain_title(*sub, setting)),
        })
        .collect();
    if class.rated > 0 && !decisive.is_empty() {
        parts.push(decisive.join(", "));
    }
    if !class.unknown.is_empty() {
        parts.push(format!("{} not sure yet", class.unknown.len()));
    }
    match parts.is_empty() {
        true => "not rated yet".into(),
        false => parts.join("; "),
    }
}

fn change_line(change: &Change, report: &Report) -> String {
    let moves: Vec<String> = change
        .moves
        .iter()
        .map(|m| {
            format!(
                "{} from {} to {}",
                in_sentence(&domain_title(m.domain, report.setting)),
                m.from,
                m.to
            )
        })
        .collect();
    format!(
        "Reduce {} (outlook becomes {})",
        moves.join(" and "),
        change.band.label().to_lowercase()
    )
}

/// A title as it reads inside a sentence: "The adopter system" becomes "the adopter system".
fn in_sentence(title: &str) -> String {
    match title.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Assessment, Rater};

    #[test]
    fn raters_without_a_name_are_left_out_of_the_context() {
        let mut assessment = Assessment::new("t");
        assessment.raters = vec![
            Rater {
                name: " ".into(),
                role: Some("lead".into()),
            },
            Rater {
                name: "Ben".into(),
                role: Some("family carer".into()),
            },
            Rater {
                name: "Ann".into(),
                role: None,
            },
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
}
