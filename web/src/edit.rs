//! The edits a person makes to the open assessment, and [`apply`], which makes one. Pure: the
//! date comes in with the edit's action, and the reducer in `state.rs` decides which assessment
//! an edit applies to.

use nasss_core::assessment::{ComplexityKind, Date, Mode, Override, RaterId, Reason};
use nasss_core::model::{Complexity, Domain, Item, Level};
use nasss_core::plan::{ActionId, ActionStatus, PlanAction};
use nasss_core::setting::{Framing, Outcome, Setting, Stage};
use nasss_core::team::AssessmentId;
use nasss_core::Assessment;

/// A change to the open assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Title(String),
    Description(String),
    Setting(Setting),
    /// Prospective (false) or retrospective (true).
    Retrospective(bool),
    /// The actual outcome of a retrospective assessment; `None` is "not known yet".
    Outcome(Option<Outcome>),
    Stage(Option<Stage>),
    Mode(Mode),
    Level {
        item: Item,
        level: Level,
    },
    Note {
        item: Item,
        note: String,
    },
    Evidence {
        item: Item,
        lines: Vec<String>,
    },
    Kind {
        item: Item,
        kind: Option<ComplexityKind>,
    },
    Override {
        domain: Domain,
        level: Complexity,
        reason: Reason,
    },
    RemoveOverride(Domain),
    /// Adds a rater with no name yet, at the end of the list.
    AddRater,
    /// Renames a rater; the name is stored trimmed.
    RaterName {
        rater: RaterId,
        name: String,
    },
    /// Sets a rater's role: trimmed, and `None` when blank.
    RaterRole {
        rater: RaterId,
        role: String,
    },
    RemoveRater(RaterId),
    /// Gives the assessment an id, if it has none, so invitations and replies can be matched.
    EnsureId(AssessmentId),
    /// The group's agreed level for an item, with its reason.
    Agree {
        item: Item,
        level: Level,
        reason: String,
    },
    /// No agreed level for an item: it counts as a range.
    LeaveOpen(Item),
    StartWorkshop,
    /// Starts a person's turn in a workshop (found by name, or added).
    StartTurn(String),
    /// One person's level for an item, in their own view.
    ViewLevel {
        rater: RaterId,
        item: Item,
        level: Level,
    },
    Reveal,
    /// Takes a snapshot of the assessment as it stands, at a stage (which becomes the
    /// assessment's stage too).
    TakeSnapshot {
        name: String,
        taken: Date,
        stage: Option<Stage>,
    },
    /// The theory of change: what it does, for whom, and what must be true (one per line).
    TheoryWhat(String),
    TheoryForWhom(String),
    MustBeTrue(Vec<String>),
    /// The resources needed, one per line.
    Resources(Vec<String>),
    /// Adds a next step (its id is set to the plan's next one).
    AddAction(PlanAction),
    ActionText {
        id: ActionId,
        text: String,
    },
    ActionOwner {
        id: ActionId,
        owner: String,
    },
    ActionDue {
        id: ActionId,
        due: Option<Date>,
    },
    ActionStatus {
        id: ActionId,
        status: ActionStatus,
    },
    RemoveAction(ActionId),
}

/// Applies one edit to an assessment.
pub fn apply(assessment: &mut Assessment, edit: Edit, today: &Date) {
    match edit {
        Edit::Title(title) => assessment.title = title,
        Edit::Description(description) => assessment.description = description,
        Edit::Setting(setting) => assessment.setting = setting,
        Edit::Retrospective(true) => {
            if !assessment.framing.is_retrospective() {
                assessment.framing = Framing::Retrospective { outcome: None };
            }
        }
        Edit::Retrospective(false) => assessment.framing = Framing::Prospective,
        Edit::Outcome(outcome) => assessment.framing = Framing::Retrospective { outcome },
        Edit::Stage(stage) => assessment.stage = stage,
        Edit::Mode(mode) => assessment.mode = mode,
        Edit::Level { item, level } => {
            let rating = assessment.rating_mut(item);
            rating.level = level;
            rating.rated_on = Some(today.clone());
        }
        Edit::Note { item, note } => assessment.rating_mut(item).note = note,
        Edit::Evidence { item, lines } => assessment.rating_mut(item).evidence = lines,
        Edit::Kind { item, kind } => assessment.rating_mut(item).kind = kind,
        Edit::Override {
            domain,
            level,
            reason,
        } => {
            assessment.overrides.insert(
                domain,
                Override {
                    level,
                    reason,
                    by: None,
                    on: Some(today.clone()),
                },
            );
        }
        Edit::RemoveOverride(domain) => {
            assessment.overrides.remove(&domain);
        }
        Edit::AddRater => {
            assessment.add_rater();
        }
        Edit::RaterName { rater, name } => {
            if let Some(rater) = assessment.rater_mut(rater) {
                rater.name = name.trim().to_string();
            }
        }
        Edit::RaterRole { rater, role } => {
            if let Some(rater) = assessment.rater_mut(rater) {
                let role = role.trim();
                rater.role = (!role.is_empty()).then(|| role.to_string());
            }
        }
        Edit::RemoveRater(rater) => {
            assessment.remove_rater(rater);
        }
        Edit::EnsureId(id) => {
            if assessment.id.is_none() {
                assessment.id = Some(id);
            }
        }
        Edit::Agree {
            item,
            level,
            reason,
        } => {
            assessment.agree(item, level, &reason);
            assessment.rating_mut(item).rated_on = Some(today.clone());
        }
        Edit::LeaveOpen(item) => assessment.leave_open(item),
        Edit::StartWorkshop => assessment.start_workshop(),
        Edit::StartTurn(name) => {
            assessment.start_turn(&name);
        }
        Edit::ViewLevel { rater, item, level } => assessment.set_view_level(rater, item, level),
        Edit::Reveal => assessment.reveal(),
        Edit::TakeSnapshot { name, taken, stage } => {
            assessment.stage = stage;
            assessment.take_snapshot(name.trim(), taken);
        }
        Edit::TheoryWhat(what) => assessment.plan.theory_of_change.what = what,
        Edit::TheoryForWhom(who) => assessment.plan.theory_of_change.for_whom = who,
        Edit::MustBeTrue(lines) => assessment.plan.theory_of_change.must_be_true = lines,
        Edit::Resources(lines) => assessment.plan.resources = lines,
        Edit::AddAction(action) => {
            let id = assessment.plan.next_id();
            assessment.plan.actions.push(PlanAction { id, ..action });
        }
        Edit::ActionText { id, text } => {
            if let Some(action) = action_mut(assessment, id) {
                action.text = text;
            }
        }
        Edit::ActionOwner { id, owner } => {
            if let Some(action) = action_mut(assessment, id) {
                action.owner = owner;
            }
        }
        Edit::ActionDue { id, due } => {
            if let Some(action) = action_mut(assessment, id) {
                action.due = due;
            }
        }
        Edit::ActionStatus { id, status } => {
            if let Some(action) = action_mut(assessment, id) {
                action.status = status;
            }
        }
        Edit::RemoveAction(id) => assessment.plan.actions.retain(|a| a.id != id),
    }
}

fn action_mut(assessment: &mut Assessment, id: ActionId) -> Option<&mut PlanAction> {
    assessment.plan.actions.iter_mut().find(|a| a.id == id)
}

/// Evidence as typed into a box: one item per non-blank line.
pub fn evidence_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}
