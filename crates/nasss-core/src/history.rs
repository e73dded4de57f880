//! An assessment over time: taking a snapshot, the timeline (each domain's level and the outlook
//! at every snapshot and now), the diff between any two moments or two assessments (only what
//! changed), and the retrospective view (the earliest snapshot's outlook beside what actually
//! happened, with the domains that explain the difference). Pure judgements; `render/over_time.rs`
//! words them.

use crate::assessment::{Assessment, Date, Rating};
use crate::bank::bank;
use crate::classify::{classify, Range};
use crate::model::{Complexity, Domain, Item, Level, SubDomain};
use crate::outcome::{compare, OutcomeFit};
use crate::outlook::{outlook, Band, Outlook};
use crate::plan::{ActionId, ActionStatus, Plan, PlanAction};
use crate::planning::{default_actions, readiness, Readiness};
use crate::report::Report;
use crate::setting::{Framing, Outcome, Setting, Stage};
use crate::snapshot::Snapshot;
use serde::Serialize;

impl Assessment {
    /// The assessment as it stands, as a snapshot named `name` taken on `taken`: its stage,
    /// framing, mode, ratings, overrides and plan.
    pub fn snapshot(&self, name: impl Into<String>, taken: Date) -> Snapshot {
        Snapshot {
            name: name.into(),
            taken,
            stage: self.stage,
            framing: self.framing,
            mode: self.mode,
            domain_ratings: self.domain_ratings.clone(),
            ratings: self.ratings.clone(),
            overrides: self.overrides.clone(),
            plan: self.plan.clone(),
        }
    }

    /// Takes a snapshot and keeps it, after the others (which stay oldest first by date).
    pub fn take_snapshot(&mut self, name: impl Into<String>, taken: Date) {
        let snapshot = self.snapshot(name, taken);
        let at = self
            .snapshots
            .iter()
            .position(|s| s.taken > snapshot.taken)
            .unwrap_or(self.snapshots.len());
        self.snapshots.insert(at, snapshot);
    }

    /// The snapshot with a name (the first, if two share it).
    pub fn snapshot_named(&self, name: &str) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.name == name)
    }

    /// The assessment as it stood at a snapshot: this assessment's title, setting and the
    /// rest, with the snapshot's stage, framing, mode, ratings, overrides and plan, and no
    /// snapshots of its own.
    pub fn at(&self, snapshot: &Snapshot) -> Assessment {
        Assessment {
            stage: snapshot.stage,
            framing: snapshot.framing,
            mode: snapshot.mode,
            domain_ratings: snapshot.domain_ratings.clone(),
            ratings: snapshot.ratings.clone(),
            overrides: snapshot.overrides.clone(),
            plan: snapshot.plan.clone(),
            snapshots: Vec::new(),
            updated: Some(snapshot.taken.clone()),
            ..self.clone()
        }
    }
}

/// What a report says about the assessment over time: its plan (with readiness and suggested
/// next steps), the timeline, what changed since the latest snapshot, and the look back.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OverTime {
    pub plan: Plan,
    /// The date overdue actions are judged against: today where the shell says so, else the
    /// assessment's last update.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub readiness: Readiness,
    /// Next steps to offer for the complex and complicated sub-domains no action names yet.
    pub suggested: Vec<PlanAction>,
    /// Every snapshot then now; empty where there are no snapshots.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<Moment>,
    /// What changed since the latest snapshot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Since>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrospective: Option<Retrospective>,
}

/// The latest snapshot's name and what changed since it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Since {
    pub snapshot: String,
    pub diff: Diff,
}

impl OverTime {
    /// No plan and no snapshots (readiness and suggestions are the report's other parts again).
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.timeline.is_empty()
    }

    /// The plan's actions overdue as of [`OverTime::as_of`] (none without a date).
    pub fn overdue(&self) -> Vec<&PlanAction> {
        self.as_of
            .as_ref()
            .map_or_else(Vec::new, |today| self.plan.overdue(today))
    }
}

/// The report's view over time, from the assessment and the rest of its report.
pub fn over_time(assessment: &Assessment, report: &Report) -> OverTime {
    let timeline = match assessment.snapshots.is_empty() {
        true => Vec::new(),
        false => timeline(assessment),
    };
    OverTime {
        plan: assessment.plan.clone(),
        as_of: report.updated.clone(),
        readiness: readiness(report),
        suggested: default_actions(assessment, report),
        timeline,
        since: assessment.snapshots.last().map(|last| Since {
            snapshot: last.name.clone(),
            diff: diff(&assessment.at(last), assessment),
        }),
        retrospective: retrospective(assessment),
    }
}

/// One moment of the timeline: a snapshot, or now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moment {
    /// The snapshot's name; `None` for the assessment as it stands now.
    pub name: Option<String>,
    pub taken: Option<Date>,
    pub stage: Option<Stage>,
    /// Each domain's level (a range while unknowns remain), in domain order.
    pub levels: [Range; 7],
    pub outlook: Outlook,
}

/// Each snapshot, oldest first, then now.
pub fn timeline(assessment: &Assessment) -> Vec<Moment> {
    let mut moments: Vec<Moment> = assessment
        .snapshots
        .iter()
        .map(|snapshot| moment(&assessment.at(snapshot), Some(snapshot)))
        .collect();
    moments.push(moment(assessment, None));
    moments
}

fn moment(assessment: &Assessment, snapshot: Option<&Snapshot>) -> Moment {
    let classes = classify(assessment);
    Moment {
        name: snapshot.map(|s| s.name.clone()),
        taken: snapshot.map_or(assessment.updated.clone(), |s| Some(s.taken.clone())),
        stage: assessment.stage,
        levels: std::array::from_fn(|index| classes[index].range),
        outlook: outlook(&classes),
    }
}

/// What changed from one assessment (or snapshot) to another. Holds nothing that did not change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Ratings whose level moved (an item rated on one side only counts, as not rated on the
    /// other), in item order.
    pub ratings: Vec<RatingChange>,
    /// Domains whose level moved, overrides included.
    pub domains: Vec<DomainChange>,
    pub outlook_before: Outlook,
    pub outlook_after: Outlook,
    pub actions_added: Vec<PlanAction>,
    pub actions_removed: Vec<PlanAction>,
    pub status_changes: Vec<StatusChange>,
}

/// One rating that moved, with its names and the notes on either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingChange {
    pub item: Item,
    /// "2A Material features", or the domain's title for a whole-domain rating.
    pub title: String,
    /// `None` where the item was not rated.
    pub before: Option<Level>,
    pub after: Option<Level>,
    pub note_before: String,
    pub note_after: String,
}

/// A domain whose level (or range) moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainChange {
    pub domain: Domain,
    pub title: String,
    pub before: Range,
    pub after: Range,
}

/// An action kept from one side to the other whose status changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub id: ActionId,
    pub text: String,
    pub before: ActionStatus,
    pub after: ActionStatus,
}

impl Diff {
    /// Whether the outlook moved (best or worst case).
    pub fn outlook_moved(&self) -> bool {
        self.outlook_before.best != self.outlook_after.best
            || self.outlook_before.worst != self.outlook_after.worst
    }

    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty()
            && self.domains.is_empty()
            && !self.outlook_moved()
            && self.actions_added.is_empty()
            && self.actions_removed.is_empty()
            && self.status_changes.is_empty()
    }
}

/// What changed from `before` to `after`. Titles are worded in `after`'s setting.
pub fn diff(before: &Assessment, after: &Assessment) -> Diff {
    let setting = after.setting;
    let items = Domain::ALL
        .into_iter()
        .map(Item::Domain)
        .chain(SubDomain::ALL.into_iter().map(Item::SubDomain));
    let ratings = items
        .filter_map(|item| {
            let (old, new) = (before.rating(item), after.rating(item));
            let level = |rating: Option<&Rating>| rating.map(|r| r.level);
            let note = |rating: Option<&Rating>| rating.map_or(String::new(), |r| r.note.clone());
            (level(old) != level(new)).then(|| RatingChange {
                item,
                title: item_title(item, setting),
                before: level(old),
                after: level(new),
                note_before: note(old),
                note_after: note(new),
            })
        })
        .collect();
    let (old, new) = (classify(before), classify(after));
    let domains = old
        .iter()
        .zip(&new)
        .filter(|(o, n)| o.range != n.range)
        .map(|(o, n)| DomainChange {
            domain: o.domain,
            title: bank().domain(o.domain).title.render(setting),
            before: o.range,
            after: n.range,
        })
        .collect();
    let find = |actions: &[PlanAction], id: ActionId| actions.iter().find(|a| a.id == id).cloned();
    let (old_actions, new_actions) = (&before.plan.actions, &after.plan.actions);
    Diff {
        ratings,
        domains,
        outlook_before: outlook(&old),
        outlook_after: outlook(&new),
        actions_added: new_actions
            .iter()
            .filter(|a| find(old_actions, a.id).is_none())
            .cloned()
            .collect(),
        actions_removed: old_actions
            .iter()
            .filter(|a| find(new_actions, a.id).is_none())
            .cloned()
            .collect(),
        status_changes: new_actions
            .iter()
            .filter_map(|a| {
                let old = find(old_actions, a.id)?;
                (old.status != a.status).then(|| StatusChange {
                    id: a.id,
                    text: a.text.clone(),
                    before: old.status,
                    after: a.status,
                })
            })
            .collect(),
    }
}

/// An item's name in a setting: "2A Material features", or a domain's title.
pub fn item_title(item: Item, setting: Setting) -> String {
    match item {
        Item::Domain(domain) => bank().domain(domain).title.render(setting),
        Item::SubDomain(sub) => format!("{sub} {}", bank().sub_domain(sub).title.render(setting)),
    }
}

/// For a retrospective assessment with snapshots and a recorded outcome: the earliest
/// snapshot's outlook beside what happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Retrospective {
    pub earliest: String,
    pub taken: Date,
    pub outlook: Outlook,
    pub outcome: Outcome,
    pub fit: OutcomeFit,
    /// Whether what happened was worse than that outlook (`Some(true)`), better (`Some(false)`)
    /// or within it (`None`).
    pub worse_than_forecast: Option<bool>,
    /// The domains whose level moved since that snapshot in the direction of what happened
    /// (all that moved, where the outlook held), which explain the difference.
    pub explaining: Vec<DomainChange>,
}

/// The retrospective view, where the assessment has a snapshot and a recorded outcome.
pub fn retrospective(assessment: &Assessment) -> Option<Retrospective> {
    let Framing::Retrospective {
        outcome: Some(outcome),
    } = assessment.framing
    else {
        return None;
    };
    let first = assessment.snapshots.first()?;
    let then = assessment.at(first);
    let classes = classify(&then);
    let forecast = outlook(&classes);
    let fit = compare(&forecast, outcome).fit;
    let agreeing: Vec<Band> = Band::ALL
        .into_iter()
        .filter(|band| OutcomeFit::of(*band, outcome) == OutcomeFit::Agrees)
        .collect();
    let worse_than_forecast = match (agreeing.first(), agreeing.last()) {
        _ if fit == OutcomeFit::Agrees || fit == OutcomeFit::TooEarly => None,
        (Some(best), _) if *best > forecast.worst => Some(true),
        (_, Some(worst)) if *worst < forecast.best => Some(false),
        _ => None,
    };
    let moved = diff(&then, assessment).domains;
    let explaining = moved
        .into_iter()
        .filter(|change| match worse_than_forecast {
            Some(true) => more_complex(change.after) > more_complex(change.before),
            Some(false) => more_complex(change.after) < more_complex(change.before),
            None => true,
        })
        .collect();
    Some(Retrospective {
        earliest: first.name.clone(),
        taken: first.taken.clone(),
        outlook: forecast,
        outcome,
        fit,
        worse_than_forecast,
        explaining,
    })
}

/// A range's weight for direction: best and worst case together.
fn more_complex(range: Range) -> (Complexity, Complexity) {
    (range.worst, range.best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn action(id: u32, text: &str, status: ActionStatus) -> PlanAction {
        PlanAction {
            id: ActionId(id),
            text: text.into(),
            domain: Domain::Organisation,
            sub_domain: None,
            owner: String::new(),
            due: None,
            status,
        }
    }

    #[test]
    fn a_diff_names_exactly_what_changed() {
        let mut before = Assessment::quick("t", [Level::Simple; 7]);
        before.plan = Plan {
            actions: vec![
                action(1, "Agree a budget", ActionStatus::NotStarted),
                action(2, "Train staff", ActionStatus::NotStarted),
                action(3, "Pilot", ActionStatus::InProgress),
            ],
            ..Plan::default()
        };
        let mut after = before.clone();
        after.rating_mut(Item::Domain(Domain::Technology)).level = Level::Complex;
        after.rating_mut(Item::Domain(Domain::Technology)).note = "New hubs fail".into();
        after.rating_mut(Item::Domain(Domain::Organisation)).level = Level::Complicated;
        after.plan.actions[0].status = ActionStatus::Done;
        after.plan.actions.remove(1);
        after
            .plan
            .actions
            .push(action(4, "Test lines", ActionStatus::NotStarted));
        let diff = diff(&before, &after);
        let items: Vec<Item> = diff.ratings.iter().map(|c| c.item).collect();
        assert_eq!(
            items,
            [
                Item::Domain(Domain::Technology),
                Item::Domain(Domain::Organisation)
            ]
        );
        assert_eq!(diff.ratings[0].before, Some(Level::Simple));
        assert_eq!(diff.ratings[0].after, Some(Level::Complex));
        assert_eq!(diff.ratings[0].note_after, "New hubs fail");
        assert_eq!(diff.domains.len(), 2);
        assert_eq!(diff.outlook_before.best, Band::VeryLikely);
        assert_eq!(diff.outlook_after.best, Band::Possible);
        assert!(diff.outlook_moved());
        assert_eq!(
            diff.status_changes,
            [StatusChange {
                id: ActionId(1),
                text: "Agree a budget".into(),
                before: ActionStatus::NotStarted,
                after: ActionStatus::Done,
            }]
        );
        assert_eq!(diff.actions_removed.len(), 1);
        assert_eq!(diff.actions_removed[0].id, ActionId(2));
        assert_eq!(diff.actions_added.len(), 1);
        assert_eq!(diff.actions_added[0].id, ActionId(4));
        assert!(!diff.is_empty());
    }

    #[test]
    fn a_note_alone_is_not_a_change_of_level() {
        let before = Assessment::quick("t", [Level::Complicated; 7]);
        let mut after = before.clone();
        after.rating_mut(Item::Domain(Domain::Condition)).note = "Reworded".into();
        assert!(diff(&before, &after).is_empty());
    }

    #[test]
    fn a_sub_domain_can_move_without_its_domain() {
        let mut before = Assessment::new("t");
        before.mode = crate::assessment::Mode::Full;
        before.rating_mut(Item::SubDomain(SubDomain::S2A)).level = Level::Complex;
        before.rating_mut(Item::SubDomain(SubDomain::S2B)).level = Level::Simple;
        let mut after = before.clone();
        after.rating_mut(Item::SubDomain(SubDomain::S2B)).level = Level::Complicated;
        let diff = diff(&before, &after);
        assert_eq!(diff.ratings.len(), 1);
        assert_eq!(diff.ratings[0].title, "2B Information and data it produces");
        assert!(diff.domains.is_empty(), "2A keeps the domain complex");
    }

    #[test]
    fn snapshots_make_a_timeline_ending_now() {
        let mut assessment = Assessment::quick("t", [Level::Simple; 7]);
        assessment.take_snapshot("Six months in", date("2026-06-01"));
        assessment.take_snapshot("Before the pilot", date("2026-01-01"));
        assessment
            .rating_mut(Item::Domain(Domain::AdopterSystem))
            .level = Level::Complex;
        let names: Vec<&str> = assessment
            .snapshots
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Before the pilot", "Six months in"], "oldest first");
        let moments = timeline(&assessment);
        assert_eq!(moments.len(), 3);
        assert_eq!(moments[2].name, None);
        assert_eq!(moments[0].outlook.best, Band::VeryLikely);
        assert_eq!(moments[2].outlook.best, Band::Possible);
        assert_eq!(
            moments[2].levels[Domain::AdopterSystem.index()],
            Range::exact(Complexity::Complex)
        );
        let then = assessment.at(assessment.snapshot_named("Six months in").unwrap());
        assert_eq!(diff(&then, &assessment).ratings.len(), 1);
    }

    #[test]
    fn the_retrospective_names_the_domains_that_got_worse() {
        let mut assessment = Assessment::quick("t", [Level::Simple; 7]);
        assessment.take_snapshot("Before the pilot", date("2025-01-01"));
        for domain in [
            Domain::Organisation,
            Domain::WiderSystem,
            Domain::Technology,
        ] {
            assessment.rating_mut(Item::Domain(domain)).level = Level::Complex;
        }
        assessment.framing = Framing::Retrospective {
            outcome: Some(Outcome::Abandoned),
        };
        let retro = retrospective(&assessment).expect("a snapshot and an outcome");
        assert_eq!(retro.outlook.best, Band::VeryLikely);
        assert_eq!(retro.fit, OutcomeFit::Disagrees);
        assert_eq!(retro.worse_than_forecast, Some(true));
        let domains: Vec<Domain> = retro.explaining.iter().map(|c| c.domain).collect();
        assert_eq!(
            domains,
            [
                Domain::Technology,
                Domain::Organisation,
                Domain::WiderSystem
            ]
        );
        assessment.snapshots.clear();
        assert!(retrospective(&assessment).is_none());
    }
}
