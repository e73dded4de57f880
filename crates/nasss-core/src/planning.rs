//! The plan's judgements: readiness to scale drawn from the crosswalk (which factors the ratings
//! cover and which they miss), default next steps for the complex and complicated sub-domains
//! with the strategies as their starting text, and which actions are overdue. The plan itself is
//! in `plan.rs`; `render/over_time.rs` words all of this.

use crate::assessment::{Assessment, Date};
use crate::crosswalk::Coverage;
use crate::plan::{ActionId, ActionStatus, Plan, PlanAction};
use crate::report::Report;
use serde::Serialize;

/// Readiness to scale, from the crosswalk: factor names by how far the ratings cover them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Readiness {
    pub covered: Vec<String>,
    pub partly: Vec<String>,
    pub missing: Vec<String>,
}

/// Readiness from a report's crosswalk, in the crosswalk's order.
pub fn readiness(report: &Report) -> Readiness {
    let mut readiness = Readiness::default();
    for factor in report.crosswalk.iter().flat_map(|source| &source.factors) {
        let list = match factor.coverage {
            Coverage::Covered => &mut readiness.covered,
            Coverage::Partly => &mut readiness.partly,
            Coverage::NotCovered => &mut readiness.missing,
        };
        list.push(factor.name.clone());
    }
    readiness
}

impl Plan {
    /// The id for a new action: one past the highest there is.
    pub fn next_id(&self) -> ActionId {
        ActionId(self.actions.iter().map(|a| a.id.0).max().unwrap_or(0) + 1)
    }

    /// Open actions, in plan order.
    pub fn open_actions(&self) -> impl Iterator<Item = &PlanAction> {
        self.actions.iter().filter(|a| a.status.is_open())
    }

    /// Actions due before `today` and still open.
    pub fn overdue(&self, today: &Date) -> Vec<&PlanAction> {
        self.actions
            .iter()
            .filter(|a| a.is_overdue(today))
            .collect()
    }
}

/// Next steps to offer: one for each complex or complicated sub-domain (complex first) that no
/// action of the plan names yet, its text the first strategy to reduce that complexity (else
/// the first to handle it), numbered after the plan's own.
pub fn default_actions(assessment: &Assessment, report: &Report) -> Vec<PlanAction> {
    let mut next = assessment.plan.next_id().0;
    report
        .top_strategies(report.strategies.len())
        .into_iter()
        .filter(|note| {
            !assessment
                .plan
                .actions
                .iter()
                .any(|a| a.sub_domain == Some(note.sub_domain))
        })
        .filter_map(|note| {
            let text = note.reduce.first().or(note.handle.first())?.clone();
            let id = ActionId(next);
            next += 1;
            Some(PlanAction {
                id,
                text,
                domain: note.sub_domain.domain(),
                sub_domain: Some(note.sub_domain),
                owner: String::new(),
                due: None,
                status: ActionStatus::NotStarted,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Domain, Level, SubDomain};

    #[test]
    fn default_actions_follow_the_complex_sub_domains_first_and_skip_those_planned() {
        let mut levels = [Level::Simple; 7];
        levels[Domain::Technology.index()] = Level::Complicated;
        levels[Domain::ValueProposition.index()] = Level::Complex;
        let mut assessment = Assessment::quick("t", levels);
        let report = crate::assess(&assessment);
        let actions = default_actions(&assessment, &report);
        let subs: Vec<SubDomain> = actions.iter().filter_map(|a| a.sub_domain).collect();
        assert_eq!(subs[..2], [SubDomain::S3A, SubDomain::S3B]);
        assert!(subs[2..].iter().all(|s| s.domain() == Domain::Technology));
        let note = report
            .strategies
            .iter()
            .find(|n| n.sub_domain == SubDomain::S3A)
            .unwrap();
        assert_eq!(actions[0].text, note.reduce[0], "the strategy is the start");
        assert_eq!(actions[0].id, ActionId(1));
        assessment.plan.actions.push(actions[0].clone());
        let again = default_actions(&assessment, &report);
        assert_eq!(again.len(), actions.len() - 1);
        assert_eq!(again[0].sub_domain, Some(SubDomain::S3B));
        assert_eq!(again[0].id, ActionId(2));
    }

    #[test]
    fn overdue_means_due_before_today_and_still_open() {
        let date = |text: &str| Date::parse(text).unwrap();
        let action = |id, due: Option<&str>, status| PlanAction {
            id: ActionId(id),
            text: "x".into(),
            domain: Domain::Organisation,
            sub_domain: None,
            owner: String::new(),
            due: due.map(date),
            status,
        };
        let plan = Plan {
            actions: vec![
                action(1, Some("2026-01-01"), ActionStatus::InProgress),
                action(2, Some("2026-01-01"), ActionStatus::Done),
                action(3, Some("2026-03-01"), ActionStatus::NotStarted),
                action(4, None, ActionStatus::NotStarted),
            ],
            ..Plan::default()
        };
        let overdue: Vec<ActionId> = plan
            .overdue(&date("2026-02-01"))
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(overdue, [ActionId(1)]);
        assert_eq!(plan.next_id(), ActionId(5));
        assert_eq!(plan.open_actions().count(), 3);
    }

    #[test]
    fn readiness_sorts_the_crosswalk_by_coverage() {
        let report = crate::assess(&Assessment::quick("t", [Level::Simple; 7]));
        let readiness = readiness(&report);
        let all: usize = report.crosswalk.iter().map(|s| s.factors.len()).sum();
        assert_eq!(
            readiness.covered.len() + readiness.partly.len() + readiness.missing.len(),
            all
        );
        let none = readiness_of_blank();
        assert!(none.covered.is_empty());
    }

    fn readiness_of_blank() -> Readiness {
        readiness(&crate::assess(&Assessment::new("t")))
    }
}
