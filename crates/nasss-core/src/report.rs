//! The report model: the structured result that every front end renders (text, Markdown, JSON,
//! the web app). `assess` is the one entry point from an assessment to a report; it cannot fail.

use crate::assessment::{Assessment, ComplexityKind, Date, Mode, Rater, Source};
use crate::bank::bank;
use crate::classify::{classify, DomainClass, Item, Range};
use crate::crosswalk::{crosswalk, effective_level, FactorCoverage};
use crate::explain::{changes, drivers, Change};
use crate::factor::FactorSource;
use crate::model::{Complexity, Domain, Level, SubDomain};
use crate::outlook::{best_profile, count, outlook, Band, Outlook};
use crate::setting::{Framing, Outcome, Setting, Stage};
use serde::Serialize;

/// The version tag of the report's JSON form.
pub const REPORT_SCHEMA: &str = "nasss-report/1";

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
    pub counts: Counts,
    pub drivers: Vec<Domain>,
    pub changes: Vec<Change>,
    pub domains: Vec<DomainReport>,
    pub strategies: Vec<StrategyNote>,
    pub crosswalk: Vec<FactorCoverage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    pub caveat: &'static str,
}

/// How many domains sit at each level (unknown: the domain is still a range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub simple: usize,
    pub complicated: usize,
    pub complex: usize,
    pub unknown: usize,
}

/// One domain as reported: its classification and the ratings behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainReport {
    pub domain: Domain,
    pub title: String,
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

/// For a retrospective assessment: the actual outcome against the outlook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub outcome: Outcome,
    pub agreement: Agreement,
}

/// How well an outlook matches an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Agrees,
    Partly,
    Disagrees,
    /// The outcome is not known yet.
    TooEarly,
}

impl Agreement {
    pub fn key(self) -> &'static str {
        match self {
            Agreement::Agrees => "agrees",
            Agreement::Partly => "partly",
            Agreement::Disagrees => "disagrees",
            Agreement::TooEarly => "too_early",
        }
    }

    /// What the agreement means, in a sentence.
    pub fn verdict(self) -> &'static str {
        match self {
            Agreement::Agrees => "The outlook agrees with what happened.",
            Agreement::Partly => "The outlook is one band away from what happened.",
            Agreement::Disagrees => "The outlook disagrees with what happened: look for what the ratings missed, or what the people involved did to beat the odds.",
            Agreement::TooEarly => "It is too early to compare the outlook with what happened.",
        }
    }

    /// How a band fits an outcome: each outcome has the bands that agree with it, those one band
    /// away agree partly, the rest disagree.
    pub fn of(band: Band, outcome: Outcome) -> Agreement {
        let expected: &[Band] = match outcome {
            Outcome::Mainstreamed => &[Band::VeryLikely, Band::Likely],
            Outcome::PartlyMainstreamed => &[Band::Likely, Band::Possible],
            Outcome::Patchy => &[Band::Possible, Band::Unlikely],
            Outcome::Abandoned => &[Band::Unlikely, Band::VeryUnlikely],
            Outcome::TooEarly => return Agreement::TooEarly,
        };
        let distance = expected
            .iter()
            .map(|b| b.rank().abs_diff(band.rank()))
            .min()
            .unwrap_or(u8::MAX);
        match distance {
            0 => Agreement::Agrees,
            1 => Agreement::Partly,
            _ => Agreement::Disagrees,
        }
    }
}

/// The authors' own warning, shown with every outlook.
pub const CAVEAT: &str = "NASSS is a tool for structured discussion, not a formula: the outlook is an ordinal reading of the published finding that complexity in several domains rarely ends in mainstream adoption. It is not a probability. Read it with the ratings, notes and evidence behind it, and overrule it with a written reason where local knowledge says otherwise.";

/// Classifies, predicts and explains one assessment.
pub fn assess(assessment: &Assessment) -> Report {
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
        drivers: drivers(&profile),
        changes: changes(&profile),
        domains: classes
            .into_iter()
            .map(|class| domain_report(assessment, class))
            .collect(),
        strategies: strategies(assessment),
        crosswalk: crosswalk(assessment),
        comparison,
        outlook,
        caveat: CAVEAT,
    }
}

/// The best agreement any band in the outlook's range has with the outcome.
pub fn compare(outlook: &Outlook, outcome: Outcome) -> Comparison {
    let agreement = Band::ALL
        .into_iter()
        .filter(|band| (outlook.best..=outlook.worst).contains(band))
        .map(|band| Agreement::of(band, outcome))
        .min()
        .unwrap_or(Agreement::TooEarly);
    Comparison { outcome, agreement }
}

/// The domain's title in the assessment's setting.
pub fn domain_title(domain: Domain, setting: Setting) -> String {
    bank().domain(domain).title.render(setting)
}

pub fn sub_domain_title(sub_domain: SubDomain, setting: Setting) -> String {
    bank().sub_domain(sub_domain).title.render(setting)
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
        class,
        items,
    }
}

fn strategies(assessment: &Assessment) -> Vec<StrategyNote> {
    let setting = assessment.setting;
    SubDomain::ALL
        .into_iter()
        .filter_map(|sub_domain| {
            let level = effective_level(assessment, sub_domain)?;
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

fn stage_note(stage: Stage) -> StageNote {
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

    /// The crosswalk factors from one source, in order.
    pub fn factors(&self, source: FactorSource) -> impl Iterator<Item = &FactorCoverage> {
        self.crosswalk.iter().filter(move |f| f.source == source)
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
    fn agreement_table() {
        assert_eq!(
            Agreement::of(Band::VeryUnlikely, Outcome::Abandoned),
            Agreement::Agrees
        );
        assert_eq!(
            Agreement::of(Band::Possible, Outcome::Abandoned),
            Agreement::Partly
        );
        assert_eq!(
            Agreement::of(Band::VeryLikely, Outcome::Abandoned),
            Agreement::Disagrees
        );
        assert_eq!(
            Agreement::of(Band::Likely, Outcome::Mainstreamed),
            Agreement::Agrees
        );
        assert_eq!(
            Agreement::of(Band::Unlikely, Outcome::TooEarly),
            Agreement::TooEarly
        );
    }

    #[test]
    fn quick_assessment_reports_strategies_for_its_sub_domains() {
        let mut levels = [Level::Simple; 7];
        levels[Domain::ValueProposition.index()] = Level::Complex;
        let report = assess(&Assessment::quick("t", levels));
        let codes: Vec<SubDomain> = report.strategies.iter().map(|s| s.sub_domain).collect();
        assert_eq!(codes, vec![SubDomain::S3A, SubDomain::S3B]);
        assert!(report.strategies.iter().all(|s| s.from_domain_rating));
        assert_eq!(report.outlook.best, Band::Possible);
        assert_eq!(report.drivers, vec![Domain::ValueProposition]);
        assert_eq!(report.counts.complex, 1);
        assert_eq!(report.counts.simple, 6);
    }
}
