//! Domain classification: each domain takes the most complex level among its rated items
//! (never an average, which would hide the one complex element that blocks adoption).
//! "Not sure yet", and items a full or quick assessment expects but lacks, widen the domain to a
//! range: best with unknowns read as simple, worst with them read as complex. A person's
//! override replaces the range with one level and keeps its reason.

use crate::assessment::{Assessment, Mode, Override};
use crate::model::{Complexity, Domain, Item, Level};
use serde::Serialize;

/// A domain's level, as a range from best to worst case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Range {
    pub best: Complexity,
    pub worst: Complexity,
}

impl Range {
    pub fn exact(level: Complexity) -> Range {
        Range {
            best: level,
            worst: level,
        }
    }

    pub fn is_exact(self) -> bool {
        self.best == self.worst
    }

    /// The range of one answer taken alone.
    pub fn of_level(level: Level) -> Range {
        match level.known() {
            Some(complexity) => Range::exact(complexity),
            None => Range {
                best: Complexity::Simple,
                worst: Complexity::Complex,
            },
        }
    }
}

/// How one domain was classified, and from what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainClass {
    pub domain: Domain,
    /// The level used for the outlook: the override if any, else the classified range.
    pub range: Range,
    /// What the ratings alone give, before any override.
    pub classified: Range,
    /// The items that set the level (the most complex rated ones).
    pub decisive: Vec<Item>,
    /// The items still unknown: the reason the domain is a range.
    pub unknown: Vec<Item>,
    /// How many items were rated with a known level.
    pub rated: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overridden: Option<Override>,
}

/// Classifies all seven domains, in order.
pub fn classify(assessment: &Assessment) -> [DomainClass; 7] {
    Domain::ALL.map(|domain| classify_domain(assessment, domain))
}

fn classify_domain(assessment: &Assessment, domain: Domain) -> DomainClass {
    let mut items: Vec<(Item, Level)> = Vec::new();
    match (assessment.domain_ratings.get(&domain), assessment.mode) {
        (Some(rating), _) => items.push((Item::Domain(domain), rating.level)),
        (None, Mode::Quick) => items.push((Item::Domain(domain), Level::Unknown)),
        (None, Mode::Full) => {}
    }
    for sub_domain in domain.sub_domains() {
        match (assessment.ratings.get(&sub_domain), assessment.mode) {
            (Some(rating), _) => items.push((Item::SubDomain(sub_domain), rating.level)),
            (None, Mode::Full) => items.push((Item::SubDomain(sub_domain), Level::Unknown)),
            (None, Mode::Quick) => {}
        }
    }
    let known = items
        .iter()
        .filter_map(|(item, level)| level.known().map(|c| (*item, c)));
    let best = known
        .clone()
        .map(|(_, c)| c)
        .max()
        .unwrap_or(Complexity::Simple);
    let unknown: Vec<Item> = items
        .iter()
        .filter(|(_, level)| level.known().is_none())
        .map(|(item, _)| *item)
        .collect();
    let worst = match unknown.is_empty() {
        true => best,
        false => Complexity::Complex,
    };
    let rated = known.clone().count();
    let decisive = known
        .filter(|(_, c)| *c == best && rated > 0)
        .map(|(item, _)| item)
        .collect();
    let classified = Range { best, worst };
    let overridden = assessment.overrides.get(&domain).cloned();
    DomainClass {
        domain,
        range: overridden
            .as_ref()
            .map_or(classified, |o| Range::exact(o.level)),
        classified,
        decisive,
        unknown,
        rated,
        overridden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Rating, Reason};
    use crate::model::SubDomain;

    #[test]
    fn most_complex_sub_domain_wins() {
        let mut assessment = Assessment::new("t");
        assessment.mode = Mode::Full;
        assessment
            .ratings
            .insert(SubDomain::S1A, Rating::new(Level::Simple));
        assessment
            .ratings
            .insert(SubDomain::S1B, Rating::new(Level::Complex));
        let classes = classify(&assessment);
        assert_eq!(classes[0].range, Range::exact(Complexity::Complex));
        assert_eq!(classes[0].decisive, vec![Item::SubDomain(SubDomain::S1B)]);
        // Technology: nothing rated in a full assessment is four unknowns.
        assert_eq!(classes[1].range.best, Complexity::Simple);
        assert_eq!(classes[1].range.worst, Complexity::Complex);
        assert_eq!(classes[1].unknown.len(), 4);
        assert_eq!(classes[1].rated, 0);
    }

    #[test]
    fn unknown_widens_to_a_range() {
        let mut assessment = Assessment::new("t");
        assessment.mode = Mode::Full;
        assessment
            .ratings
            .insert(SubDomain::S7A, Rating::new(Level::Complicated));
        assessment
            .ratings
            .insert(SubDomain::S7B, Rating::new(Level::Unknown));
        let class = &classify(&assessment)[6];
        assert_eq!(class.range.best, Complexity::Complicated);
        assert_eq!(class.range.worst, Complexity::Complex);
        assert_eq!(class.unknown, vec![Item::SubDomain(SubDomain::S7B)]);
    }

    #[test]
    fn quick_ratings_and_overrides() {
        let mut assessment = Assessment::quick("t", [Level::Complicated; 7]);
        assessment.domain_ratings.remove(&Domain::Organisation);
        assessment.overrides.insert(
            Domain::Condition,
            Override {
                level: Complexity::Complex,
                reason: Reason::new("frailty varies hugely").unwrap(),
                by: None,
                on: None,
            },
        );
        let classes = classify(&assessment);
        assert_eq!(classes[0].range, Range::exact(Complexity::Complex));
        assert_eq!(classes[0].classified, Range::exact(Complexity::Complicated));
        assert!(
            !classes[4].range.is_exact(),
            "a missing quick rating is unknown"
        );
        assert_eq!(classes[1].range, Range::exact(Complexity::Complicated));
    }
}
