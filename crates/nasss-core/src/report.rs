//! The report model: the structured result that every front end renders (text, Markdown, JSON,
//! the web app). `assess` is the one entry point from an assessment to a report; it cannot fail.

use crate::assessment::{Assessment, ComplexityKind, Date, Mode, Rater, Source};
use crate::bank::bank;
use crate::classify::{classify, DomainClass, Range};
use crate::crosswalk::{crosswalk, FactorCoverage};
use crate::explain::{changes, drivers};
use crate::factor::FactorSource;
use crate::history::{over_time, OverTime};
use crate::model::{Complexity, Domain, Item, Level, SubDomain};
use crate::outcome::{compare, Comparison};
use crate::outlook::{best_profile, count, outlook, Band, Outlook};
use crate::setting::{Framing, Setting, Stage};
use serde::Serialize;

/// The version tag of the report's JSON form. Version 2 names the domains wherever the report
/// mentions them (drivers, changes, pivotal unknowns) and groups the crosswalk by source.
pub const REPORT_SCHEMA: &str = "nasss-report/2";

/// What the analyser concludes about one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub setting: Setting,
    pub framing: Framing,
    pub mode: Mode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<StageNote>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub raters: Vec<Rater>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    pub outlook: Outlook,
    /// The domains still a range, the most consequential first, with their names.
    pub pivotal: Vec<PivotNote>,
    pub counts: Counts,
    /// The domains at the most complex level present.
    pub drivers: Vec<DomainName>,
    /// The cheapest changes that would improve the outlook.
    pub changes: Vec<ChangeNote>,
    pub domains: Vec<DomainReport>,
    pub strategies: Vec<StrategyNote>,
    /// The social-care crosswalk, one entry per source.
    pub crosswalk: Vec<CrosswalkSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// The plan, the timeline and the look back (left out of the JSON when there are none).
    #[serde(skip_serializing_if = "OverTime::is_empty")]
    pub over_time: OverTime,
    pub caveat: &'static str,
    /// Each person's view and where they differ, for an assessment with team views.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<crate::disagreement::TeamAnalysis>,
}

/// How many domains sit at each level (unknown: the domain is still a range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub simple: usize,
    pub complicated: usize,
    pub complex: usize,
    pub unknown: usize,
}

/// A domain with its names in the assessment's setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainName {
    pub domain: Domain,
    pub title: String,
    /// For a chart axis or a list beside a form.
    pub short_title: String,
}

/// An uncertain domain and the band if it alone proved complex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PivotNote {
    pub domain: DomainName,
    pub band_if_worst: Band,
}

/// One way to improve the outlook: domains made less complex, and the band that reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeNote {
    pub moves: Vec<MoveNote>,
    pub band: Band,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoveNote {
    pub domain: DomainName,
    pub from: Complexity,
    pub to: Complexity,
}

/// The factors of one crosswalk source and how far the ratings cover them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrosswalkSource {
    pub source: FactorSource,
    pub name: String,
    pub factors: Vec<FactorCoverage>,
}

/// One domain as reported: its classification and the ratings behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainReport {
    pub domain: Domain,
    pub title: String,
    pub short_title: String,
    pub class: DomainClass,
    pub items: Vec<ItemReport>,
}

/// One rating, with the words a person needs to read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemReport {
    pub item: Item,
    pub title: String,
    pub level: Level,
    /// The descriptor of the chosen level, where the level is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ComplexityKind>,
}

/// Suggestions for one complicated or complex sub-domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyNote {
    pub sub_domain: SubDomain,
    pub title: String,
    pub level: Complexity,
    /// True where the level comes from a whole-domain (quick) rating.
    pub from_domain_rating: bool,
    pub reduce: Vec<String>,
    pub handle: Vec<String>,
}

/// The innovation's stage and the success measures to prompt for there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageNote {
    pub stage: Stage,
    pub name: String,
    pub summary: String,
    pub success_measures: Vec<String>,
}

/// The authors' own warning, shown with every outlook.
pub const CAVEAT: &str = "NASSS is a tool for structured discussion, not a formula: the outlook is an ordinal reading of the published finding that complexity in several domains rarely ends in mainstream adoption. It is not a probability. Read it with the ratings, notes and evidence behind it, and overrule it with a written reason where local knowledge says otherwise.";

/// Classifies, predicts and explains one assessment, judging overdue actions as of `today`.
pub fn assess_as_of(assessment: &Assessment, today: Date) -> Report {
    let mut report = assess(assessment);
    report.over_time.as_of = Some(today);
    report
}

/// Classifies, predicts and explains one assessment; overdue actions are judged as of its last
/// update.
pub fn assess(assessment: &Assessment) -> Report {
    let mut report = assess_now(assessment);
    report.over_time = over_time(assessment, &report);
    report
}

fn assess_now(assessment: &Assessment) -> Report {
    let setting = assessment.setting;
    let classes = classify(assessment);
    let outlook = outlook(&classes);
    let profile = best_profile(&classes);
    let unknown = classes
        .iter()
        .filter(|class| !class.range.is_exact())
        .count();
    let exact = |level: Complexity| {
        classes
            .iter()
            .filter(|class| class.range.is_exact() && class.range.best == level)
            .count()
    };
    let comparison = match assessment.framing {
        Framing::Retrospective {
            outcome: Some(outcome),
        } => Some(compare(&outlook, outcome)),
        Framing::Retrospective { outcome: None } | Framing::Prospective => None,
    };
    Report {
        schema: REPORT_SCHEMA,
        title: assessment.title.clone(),
        description: assessment.description.clone(),
        setting,
        framing: assessment.framing,
        mode: assessment.mode,
        stage: assessment.stage.map(stage_note),
        raters: assessment.raters.clone(),
        updated: assessment
            .updated
            .clone()
            .or_else(|| assessment.created.clone()),
        source: assessment.source.clone(),
        counts: Counts {
            simple: exact(Complexity::Simple),
            complicated: exact(Complexity::Complicated),
            complex: exact(Complexity::Complex),
            unknown,
        },
        drivers: drivers(&profile)
            .into_iter()
            .map(|domain| domain_name(domain, setting))
            .collect(),
        changes: changes(&profile)
            .into_iter()
            .map(|change| ChangeNote {
                moves: change
                    .moves
                    .into_iter()
                    .map(|m| MoveNote {
                        domain: domain_name(m.domain, setting),
                        from: m.from,
                        to: m.to,
                    })
                    .collect(),
                band: change.band,
            })
            .collect(),
        pivotal: outlook
            .pivotal
            .iter()
            .map(|pivot| PivotNote {
                domain: domain_name(pivot.domain, setting),
                band_if_worst: pivot.band_if_worst,
            })
            .collect(),
        domains: classes
            .into_iter()
            .map(|class| domain_report(assessment, class))
            .collect(),
        strategies: strategies(assessment),
        crosswalk: crosswalk_by_source(assessment),
        comparison,
        outlook,
        over_time: OverTime::default(),
        caveat: CAVEAT,
        team: crate::disagreement::analyse(assessment),
    }
}

/// A domain's names in a setting.
fn domain_name(domain: Domain, setting: Setting) -> DomainName {
    let content = bank().domain(domain);
    DomainName {
        domain,
        title: content.title.render(setting),
        short_title: content.short_title.render(setting),
    }
}

fn crosswalk_by_source(assessment: &Assessment) -> Vec<CrosswalkSource> {
    let all = crosswalk(assessment);
    FactorSource::ALL
        .into_iter()
        .map(|source| CrosswalkSource {
            source,
            name: bank().source(source).name.clone(),
            factors: all.iter().filter(|f| f.source == source).cloned().collect(),
        })
        .collect()
}

fn domain_report(assessment: &Assessment, class: DomainClass) -> DomainReport {
    let setting = assessment.setting;
    let domain = class.domain;
    let content = bank().domain(domain);
    let whole = assessment.domain_ratings.get(&domain).map(|rating| {
        (
            Item::Domain(domain),
            &content.title,
            &content.descriptors,
            rating,
        )
    });
    let subs = content.sub_domains.iter().filter_map(|sub| {
        let rating = assessment.ratings.get(&sub.code)?;
        Some((
            Item::SubDomain(sub.code),
            &sub.title,
            &sub.descriptors,
            rating,
        ))
    });
    let items = whole
        .into_iter()
        .chain(subs)
        .map(|(item, title, descriptors, rating)| ItemReport {
            item,
            title: title.render(setting),
            level: rating.level,
            descriptor: rating
                .level
                .known()
                .map(|c| descriptors.get(c).render(setting)),
            note: rating.note.clone(),
            evidence: rating.evidence.clone(),
            kind: rating.kind,
        })
        .collect();
    DomainReport {
        domain,
        title: content.title.render(setting),
        short_title: content.short_title.render(setting),
        class,
        items,
    }
}

fn strategies(assessment: &Assessment) -> Vec<StrategyNote> {
    let setting = assessment.setting;
    SubDomain::ALL
        .into_iter()
        .filter_map(|sub_domain| {
            let level = assessment.effective_level(sub_domain)?;
            if level == Complexity::Simple {
                return None;
            }
            let own = assessment
                .ratings
                .get(&sub_domain)
                .and_then(|r| r.level.known());
            let content = bank().sub_domain(sub_domain);
            let render =
                |texts: &[crate::bank::Text]| texts.iter().map(|t| t.render(setting)).collect();
            Some(StrategyNote {
                sub_domain,
                title: content.title.render(setting),
                level,
                from_domain_rating: own.is_none(),
                reduce: render(&content.strategies.reduce),
                handle: render(&content.strategies.handle),
            })
        })
        .collect()
}

/// A stage of the Innovate wheel, with its summary and success measures.
pub fn stage_note(stage: Stage) -> StageNote {
    let content = bank().stage(stage);
    StageNote {
        stage,
        name: content.name.clone(),
        summary: content.summary.clone(),
        success_measures: content.success_measures.clone(),
    }
}

impl Report {
    /// Domains by classified range, for renderers that show a profile.
    pub fn range(&self, domain: Domain) -> Range {
        self.domains[domain.index()].class.range
    }

    /// A domain's part of the report.
    pub fn domain(&self, domain: Domain) -> &DomainReport {
        &self.domains[domain.index()]
    }

    /// The strategies to show first: at most `count`, the most complex first (in sub-domain
    /// order within a level).
    pub fn top_strategies(&self, count: usize) -> Vec<&StrategyNote> {
        let mut ordered: Vec<&StrategyNote> = self.strategies.iter().collect();
        ordered.sort_by_key(|note| std::cmp::Reverse(note.level));
        ordered.truncate(count);
        ordered
    }

    /// The number of complex domains in the best case, as the batch CSV reports it.
    pub fn complex_domains(&self) -> usize {
        count(&self.best_profile(), Complexity::Complex)
    }

    pub fn best_profile(&self) -> [Complexity; 7] {
        std::array::from_fn(|index| self.domains[index].class.range.best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_assessment_reports_strategies_for_its_sub_domains() {
        let mut levels = [Level::Simple; 7];
        levels[Domain::ValueProposition.index()] = Level::Complex;
        let report = assess(&Assessment::quick("t", levels));
        let codes: Vec<SubDomain> = report.strategies.iter().map(|s| s.sub_domain).collect();
        assert_eq!(codes, vec![SubDomain::S3A, SubDomain::S3B]);
        assert!(report.strategies.iter().all(|s| s.from_domain_rating));
        assert_eq!(report.outlook.best, Band::Possible);
        assert_eq!(report.drivers[0].domain, Domain::ValueProposition);
        assert_eq!(report.drivers.len(), 1);
        assert_eq!(report.counts.complex, 1);
        assert_eq!(report.counts.simple, 6);
    }
}
