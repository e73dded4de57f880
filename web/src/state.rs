//! The app's state and every action a person can take, as one pure reducer: `Action` in, new
//! `State` out, in one exhaustive `match`. Edits to the open assessment are in `edit.rs`. Dates
//! come in with the actions (the reducer never reads the clock) and nothing here touches
//! storage: `lib.rs` saves the library in an effect whenever it changes.

use crate::edit::{apply, Edit};
use crate::library::{EntryId, Library};
use nasss_core::assessment::Date;
use nasss_core::merge::{file_stem, merge};
use nasss_core::model::Domain;
use nasss_core::render::phrases::display_title;
use nasss_core::render::team_phrases::{merge_line, saved_copy_line, unreadable_line, LINK_SOURCE};
use nasss_core::Assessment;
use std::rc::Rc;
use yew::Reducible;

/// What the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The start page: new assessment, examples, my assessments, import.
    Home,
    /// About the open assessment: title, setting, framing, stage, mode.
    Setup,
    /// Rating the open assessment, with live results.
    Rate,
    /// The open assessment's report.
    Report,
    /// Rating as a team: invitations, replies, the workshop, where people differ.
    Team,
    /// The open assessment's plan, snapshots, timeline and what changed between two moments.
    Plan,
    /// Saved assessments side by side, and CSV export and import.
    Compare,
    /// The app's accessibility statement.
    Accessibility,
}

/// A message for the person about what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub library: Library,
    pub view: View,
    /// The domain shown in a full assessment.
    pub domain: Domain,
    pub message: Option<Message>,
    /// An assessment from a share link, shown before anything is saved.
    pub pending: Option<Box<Assessment>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A share link was opened: show what it holds, save nothing yet.
    LinkOpened(Box<Assessment>),
    /// A share link could not be read; the message says why.
    LinkFailed(String),
    /// Saves the link's assessment as a new entry and opens it.
    SavePending {
        today: Date,
    },
    /// Merges the link's ratings into the open (team) assessment.
    MergePending {
        today: Date,
    },
    DismissPending,
    /// Merges replies (files or pasted links, by where they came from, or why they could not
    /// be read) into the open assessment.
    MergeReplies {
        replies: Vec<Incoming>,
        today: Date,
    },
    /// Adds a blank assessment and opens it at its setup page.
    New {
        today: Date,
    },
    /// Adds a copy of a built-in example or case and opens it.
    OpenExample {
        assessment: Box<Assessment>,
        today: Date,
    },
    /// Adds an imported assessment as a new entry (never replacing one).
    Import {
        assessment: Box<Assessment>,
        file_name: String,
    },
    ImportFailed {
        file_name: String,
        error: String,
    },
    Open(EntryId),
    Rename {
        id: EntryId,
        title: String,
        today: Date,
    },
    Duplicate {
        id: EntryId,
        today: Date,
    },
    Delete(EntryId),
    Show(View),
    ShowDomain(Domain),
    Edit {
        edit: Edit,
        today: Date,
    },
    /// Adds each good row of a profile CSV as a new quick assessment; `errors` are the rows
    /// that could not be read, by line.
    ImportCsv {
        assessments: Vec<Assessment>,
        errors: Vec<String>,
        file_name: String,
        /// What the person should check about how the file was read (its encoding was guessed).
        note: Option<String>,
        today: Date,
    },
    /// An entry (the open one when `id` is `None`) was exported as an assessment file.
    Exported {
        id: Option<EntryId>,
        today: Date,
    },
    /// A message to show, such as a failed download.
    Tell(Message),
    DismissMessage,
}

/// One reply brought in: where it came from ("ann.json", "link 2"), the file's name (which
/// names the rater when the file names none; `None` for a link), and the assessment or why it
/// could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub source: String,
    pub file_name: Option<String>,
    pub assessment: Result<Assessment, String>,
}

impl State {
    /// The state at start: the saved library, reopening the assessment that was open.
    pub fn new(library: Library) -> State {
        let view = match library.open_entry() {
            Some(_) => View::Rate,
            None => View::Home,
        };
        State {
            library,
            view,
            domain: Domain::Condition,
            message: None,
            pending: None,
        }
    }

    pub fn open_assessment(&self) -> Option<&Assessment> {
        self.library.open_entry().map(|entry| &entry.assessment)
    }

    fn open(&mut self, id: EntryId, view: View) {
        self.library.open = Some(id);
        self.view = view;
        self.domain = Domain::Condition;
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.message = None;
        match action {
            Action::LinkOpened(assessment) => next.pending = Some(assessment),
            Action::LinkFailed(error) => next.message = Some(Message::Error(error)),
            Action::SavePending { today } => {
                if let Some(assessment) = next.pending.take() {
                    let mut assessment = *assessment;
                    assessment.created = assessment.created.or(Some(today.clone()));
                    assessment.updated = Some(today);
                    let title = display_title(&assessment.title).to_string();
                    let id = next.library.add(assessment);
                    next.open(id, View::Rate);
                    next.message = Some(Message::Info(saved_copy_line(&title)));
                }
            }
            Action::MergePending { today } => {
                if let (Some(pending), Some(entry)) =
                    (next.pending.clone(), next.library.open_mut())
                {
                    let outcome = merge(&mut entry.assessment, &pending, None, Some(today.clone()));
                    let line = merge_line(LINK_SOURCE, &outcome);
                    next.message = Some(match outcome {
                        Ok(_) => {
                            entry.assessment.updated = Some(today);
                            next.pending = None;
                            next.view = View::Team;
                            Message::Info(line)
                        }
                        Err(_) => Message::Error(line),
                    });
                }
            }
            Action::DismissPending => next.pending = None,
            Action::MergeReplies { replies, today } => {
                if let Some(entry) = next.library.open_mut() {
                    let mut lines = Vec::new();
                    let mut failed = false;
                    let mut merged = false;
                    for Incoming {
                        source,
                        file_name,
                        assessment,
                    } in replies
                    {
                        match assessment {
                            Ok(reply) => {
                                let outcome = merge(
                                    &mut entry.assessment,
                                    &reply,
                                    file_name.as_deref().map(file_stem),
                                    Some(today.clone()),
                                );
                                failed |= outcome.is_err();
                                merged |= outcome.is_ok();
                                lines.push(merge_line(&source, &outcome));
                            }
                            Err(error) => {
                                failed = true;
                                lines.push(unreadable_line(&source, &error));
                            }
                        }
                    }
                    if merged {
                        entry.assessment.updated = Some(today);
                    }
                    let text = lines.join(" ");
                    next.message = Some(match failed {
                        true => Message::Error(text),
                        false => Message::Info(text),
                    });
                }
            }
            Action::New { today } => {
                let mut assessment = Assessment::new("");
                assessment.created = Some(today.clone());
                assessment.updated = Some(today);
                let id = next.library.add(assessment);
                next.open(id, View::Setup);
            }
            Action::OpenExample { assessment, today } => {
                let mut assessment = *assessment;
                assessment.created = Some(today.clone());
                assessment.updated = Some(today);
                let title = display_title(&assessment.title).to_string();
                let id = next.library.add(assessment);
                next.open(id, View::Rate);
                next.message = Some(Message::Info(format!(
                    "Opened a copy of \"{title}\": your changes are saved to the copy."
                )));
            }
            Action::Import {
                assessment,
                file_name,
            } => {
                let title = display_title(&assessment.title).to_string();
                let id = next.library.add(*assessment);
                next.open(id, View::Rate);
                next.message = Some(Message::Info(format!(
                    "Imported \"{title}\" from {file_name} as a new saved assessment."
                )));
            }
            Action::ImportFailed { file_name, error } => {
                next.message = Some(Message::Error(format!(
                    "Could not import {file_name}: {error}. Nothing saved has changed."
                )));
            }
            Action::Open(id) => match next.library.get(id) {
                Some(_) => next.open(id, View::Rate),
                None => {
                    next.message = Some(Message::Error(
                        "That assessment no longer exists.".to_string(),
                    ))
                }
            },
            Action::Rename { id, title, today } => {
                next.library.rename(id, &title, &today);
            }
            Action::Duplicate { id, today } => {
                if let Some(copy) = next.library.duplicate(id, &today) {
                    let title = next.library.get(copy).map(|e| e.assessment.title.clone());
                    next.message = title.map(|t| Message::Info(format!("Added \"{t}\".")));
                }
            }
            Action::Delete(id) => {
                let title = next
                    .library
                    .get(id)
                    .map(|e| display_title(&e.assessment.title).to_string());
                if next.library.delete(id) {
                    next.message = title.map(|t| Message::Info(format!("Deleted \"{t}\".")));
                }
                if next.library.open_entry().is_none() {
                    next.view = View::Home;
                }
            }
            Action::Show(view) => {
                next.view = match (view, next.library.open_entry()) {
                    (View::Home | View::Compare | View::Accessibility, _) => view,
                    (
                        View::Setup | View::Rate | View::Report | View::Team | View::Plan,
                        Some(_),
                    ) => view,
                    (View::Setup | View::Rate | View::Report | View::Team | View::Plan, None) => {
                        View::Home
                    }
                };
            }
            Action::ShowDomain(domain) => next.domain = domain,
            Action::Edit { edit, today } => {
                if let Some(entry) = next.library.open_mut() {
                    apply(&mut entry.assessment, edit, &today);
                    entry.assessment.updated = Some(today);
                }
            }
            Action::ImportCsv {
                assessments,
                errors,
                file_name,
                note,
                today,
            } => {
                let count = assessments.len();
                for mut assessment in assessments {
                    assessment.created = Some(today.clone());
                    assessment.updated = Some(today.clone());
                    next.library.add(assessment);
                }
                let mut text =
                    nasss_core::render::plan_phrases::csv_imported(count, &file_name, &errors);
                if let Some(note) = note {
                    text = format!("{text} {note}");
                }
                next.message = Some(match errors.is_empty() {
                    true => Message::Info(text),
                    false => Message::Error(text),
                });
            }
            Action::Exported { id, today } => {
                next.library.mark_exported(id, &today);
            }
            Action::Tell(message) => next.message = Some(message),
            Action::DismissMessage => {}
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::evidence_lines;
    use nasss_core::assessment::{ComplexityKind, Mode, Rater, RaterId, Reason};
    use nasss_core::model::{Complexity, Item, Level, SubDomain};
    use nasss_core::render::phrases::progress_line;
    use nasss_core::setting::{Framing, Outcome};
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn today() -> Date {
        Date::parse("2026-03-04").unwrap()
    }

    fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        Rc::try_unwrap(state).unwrap_or_else(|rc| (*rc).clone())
    }

    fn edit(edit: Edit) -> Action {
        Action::Edit {
            edit,
            today: today(),
        }
    }

    #[test]
    fn a_new_assessment_is_dated_and_opened_at_setup() {
        let state = run(
            State::new(Library::default()),
            [Action::New { today: today() }],
        );
        assert_eq!(state.view, View::Setup);
        let assessment = state.open_assessment().unwrap();
        assert_eq!(assessment.created, Some(today()));
        assert_eq!(progress_line(assessment.progress()), "0 of 7 domains rated");
    }

    #[test]
    fn rating_notes_and_overrides() {
        let item = Item::Domain(Domain::Technology);
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                edit(Edit::Title("Telecare".into())),
                edit(Edit::Level {
                    item,
                    level: Level::Complex,
                }),
                edit(Edit::Note {
                    item,
                    note: "Hub fails".into(),
                }),
                edit(Edit::Evidence {
                    item,
                    lines: evidence_lines("log 1\n\n  log 2 \n"),
                }),
                edit(Edit::Kind {
                    item,
                    kind: Some(ComplexityKind::Logistical),
                }),
                edit(Edit::Override {
                    domain: Domain::Condition,
                    level: Complexity::Complex,
                    reason: Reason::new("frailty").unwrap(),
                }),
            ],
        );
        let assessment = state.open_assessment().unwrap();
        assert_eq!(assessment.title, "Telecare");
        let rating = &assessment.domain_ratings[&Domain::Technology];
        assert_eq!(rating.level, Level::Complex);
        assert_eq!(rating.note, "Hub fails");
        assert_eq!(rating.evidence, vec!["log 1", "log 2"]);
        assert_eq!(rating.kind, Some(ComplexityKind::Logistical));
        assert_eq!(
            (assessment.progress().done, assessment.progress().expected),
            (1, 7)
        );
        assert_eq!(
            assessment.overrides[&Domain::Condition].reason.as_str(),
            "frailty"
        );
        let state = run(state, [edit(Edit::RemoveOverride(Domain::Condition))]);
        assert!(state.open_assessment().unwrap().overrides.is_empty());
    }

    #[test]
    fn a_note_before_a_level_counts_as_not_sure_yet() {
        let item = Item::SubDomain(SubDomain::S5C);
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                edit(Edit::Mode(Mode::Full)),
                edit(Edit::Note {
                    item,
                    note: "ask finance".into(),
                }),
            ],
        );
        let assessment = state.open_assessment().unwrap();
        assert_eq!(assessment.ratings[&SubDomain::S5C].level, Level::Unknown);
        assert_eq!(
            progress_line(assessment.progress()),
            "1 of 23 sub-domains rated"
        );
    }

    #[test]
    fn framing_and_outcome() {
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                edit(Edit::Retrospective(true)),
            ],
        );
        assert_eq!(
            state.open_assessment().unwrap().framing,
            Framing::Retrospective { outcome: None }
        );
        let state = run(
            state,
            [
                edit(Edit::Outcome(Some(Outcome::Abandoned))),
                edit(Edit::Retrospective(true)),
            ],
        );
        assert_eq!(
            state.open_assessment().unwrap().framing,
            Framing::Retrospective {
                outcome: Some(Outcome::Abandoned)
            },
            "choosing retrospective again keeps the outcome"
        );
        let state = run(state, [edit(Edit::Retrospective(false))]);
        assert_eq!(
            state.open_assessment().unwrap().framing,
            Framing::Prospective
        );
    }

    #[test]
    fn import_adds_and_failure_keeps_everything() {
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                Action::Import {
                    assessment: Box::new(Assessment::new("Imported")),
                    file_name: "a.json".into(),
                },
            ],
        );
        assert_eq!(state.library.entries.len(), 2);
        assert_eq!(state.open_assessment().unwrap().title, "Imported");
        let before = state.library.clone();
        let state = run(
            state,
            [Action::ImportFailed {
                file_name: "b.json".into(),
                error: "line 3, column 1: oops".into(),
            }],
        );
        assert_eq!(state.library, before);
        assert!(matches!(&state.message, Some(Message::Error(m)) if m.contains("line 3")));
    }

    #[test]
    fn deleting_the_open_assessment_goes_home() {
        let state = run(
            State::new(Library::default()),
            [Action::New { today: today() }, Action::Show(View::Report)],
        );
        assert_eq!(state.view, View::Report);
        let id = state.library.open.unwrap();
        let state = run(state, [Action::Delete(id)]);
        assert_eq!(state.view, View::Home);
        assert!(state.library.entries.is_empty());
        let state = run(state, [Action::Show(View::Rate)]);
        assert_eq!(state.view, View::Home, "nothing is open to rate");
    }

    #[test]
    fn the_accessibility_statement_opens_with_or_without_an_assessment() {
        let state = run(
            State::new(Library::default()),
            [Action::Show(View::Accessibility)],
        );
        assert_eq!(state.view, View::Accessibility, "nothing open");
        let state = run(
            state,
            [
                Action::New { today: today() },
                Action::Show(View::Accessibility),
            ],
        );
        assert_eq!(state.view, View::Accessibility, "an assessment open");
        assert!(state.library.open.is_some(), "and it stays open");
    }

    fn rater(name: &str, role: Option<&str>) -> Rater {
        Rater::new(name, role.map(str::to_string))
    }

    #[test]
    fn raters_are_added_named_and_given_roles() {
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                edit(Edit::AddRater),
                edit(Edit::AddRater),
                edit(Edit::RaterName {
                    rater: RaterId(1),
                    name: "  Asha Patel ".into(),
                }),
                edit(Edit::RaterRole {
                    rater: RaterId(1),
                    role: " service manager ".into(),
                }),
                edit(Edit::RaterName {
                    rater: RaterId(2),
                    name: "Tom".into(),
                }),
                edit(Edit::RaterRole {
                    rater: RaterId(2),
                    role: "   ".into(),
                }),
            ],
        );
        let assessment = state.open_assessment().unwrap();
        assert_eq!(
            assessment.raters,
            vec![
                rater("Asha Patel", Some("service manager")),
                rater("Tom", None)
            ]
        );
        assert_eq!(assessment.updated, Some(today()));

        // Clearing a role stores no role; a rater that does not exist changes nothing.
        let state = run(
            state,
            [
                edit(Edit::RaterRole {
                    rater: RaterId(1),
                    role: String::new(),
                }),
                edit(Edit::RaterName {
                    rater: RaterId(6),
                    name: "Nobody".into(),
                }),
                edit(Edit::RaterRole {
                    rater: RaterId(6),
                    role: "ghost".into(),
                }),
            ],
        );
        assert_eq!(
            state.open_assessment().unwrap().raters,
            vec![rater("Asha Patel", None), rater("Tom", None)]
        );
    }

    #[test]
    fn removing_a_rater_keeps_the_others_in_order() {
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                edit(Edit::AddRater),
                edit(Edit::AddRater),
                edit(Edit::AddRater),
                edit(Edit::RaterName {
                    rater: RaterId(1),
                    name: "Ann".into(),
                }),
                edit(Edit::RaterName {
                    rater: RaterId(2),
                    name: "Ben".into(),
                }),
                edit(Edit::RaterName {
                    rater: RaterId(3),
                    name: "Cat".into(),
                }),
                edit(Edit::RemoveRater(RaterId(2))),
                edit(Edit::RemoveRater(RaterId(8))),
            ],
        );
        assert_eq!(
            state.open_assessment().unwrap().raters,
            vec![rater("Ann", None), rater("Cat", None)]
        );
        let state = run(
            state,
            [
                edit(Edit::RemoveRater(RaterId(1))),
                edit(Edit::RemoveRater(RaterId(3))),
            ],
        );
        assert!(state.open_assessment().unwrap().raters.is_empty());
    }

    #[test]
    fn reopening_after_reload_goes_to_rating() {
        let mut library = Library::default();
        let id = library.add(Assessment::new("x"));
        library.open = Some(id);
        assert_eq!(State::new(library).view, View::Rate);
    }

    #[test]
    fn snapshots_and_the_plan_are_edits_of_the_open_assessment() {
        use nasss_core::plan::{ActionId, ActionStatus, PlanAction};
        use nasss_core::setting::Stage;
        let step = PlanAction {
            id: ActionId(0),
            text: "Recruit carers".into(),
            domain: Domain::AdopterSystem,
            sub_domain: None,
            owner: String::new(),
            due: None,
            status: ActionStatus::NotStarted,
        };
        let state = run(
            State::new(Library::default()),
            [
                Action::New { today: today() },
                edit(Edit::AddAction(step.clone())),
                edit(Edit::AddAction(step)),
                edit(Edit::ActionOwner {
                    id: ActionId(1),
                    owner: "Scheme manager".into(),
                }),
                edit(Edit::ActionDue {
                    id: ActionId(1),
                    due: Some(Date::parse("2026-03-01").unwrap()),
                }),
                edit(Edit::RemoveAction(ActionId(2))),
                edit(Edit::TakeSnapshot {
                    name: " Before the pilot ".into(),
                    taken: today(),
                    stage: Some(Stage::Developing),
                }),
                edit(Edit::ActionStatus {
                    id: ActionId(1),
                    status: ActionStatus::Done,
                }),
                edit(Edit::Resources(evidence_lines("A recruitment officer\n\n"))),
            ],
        );
        let assessment = state.open_assessment().unwrap();
        assert_eq!(assessment.stage, Some(Stage::Developing));
        assert_eq!(assessment.snapshots.len(), 1);
        assert_eq!(assessment.snapshots[0].name, "Before the pilot");
        assert_eq!(
            assessment.snapshots[0].plan.actions[0].status,
            ActionStatus::NotStarted
        );
        let actions = &assessment.plan.actions;
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].id, ActionId(1));
        assert_eq!(actions[0].owner, "Scheme manager");
        assert_eq!(actions[0].status, ActionStatus::Done);
        assert!(!actions[0].is_overdue(&today()), "done is never overdue");
        assert_eq!(assessment.plan.resources, ["A recruitment officer"]);
        let diff = nasss_core::history::diff(&assessment.at(&assessment.snapshots[0]), assessment);
        assert_eq!(diff.status_changes.len(), 1);
    }

    #[test]
    fn a_csv_import_keeps_the_good_rows_and_names_the_bad() {
        let imported = nasss_core::profile_csv::read(
            "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\na,simple,,,,,,\nb,chaotic,,,,,,\n",
        )
        .unwrap();
        let state = run(
            State::new(Library::default()),
            [Action::ImportCsv {
                assessments: imported.assessments,
                errors: imported.errors.iter().map(ToString::to_string).collect(),
                file_name: "p.csv".into(),
                note: None,
                today: today(),
            }],
        );
        assert_eq!(state.library.entries.len(), 1);
        assert_eq!(state.library.entries[0].assessment.created, Some(today()));
        match &state.message {
            Some(Message::Error(text)) => {
                assert!(
                    text.starts_with("Imported 1 assessment from p.csv"),
                    "{text}"
                );
                assert!(text.contains("line 3:"), "{text}");
            }
            other => panic!("{other:?}"),
        }
    }
}
