//! Browser tests of the team actions in the app's reducer: a share link is shown before it is
//! saved and becomes a new copy, never overwriting; replies (pasted links or files) merge into
//! the open assessment with one message naming each; a refused or unreadable reply changes
//! nothing; a workshop turn is recorded in the person's own view. Run by `cargo xtask test`.

use nasss_core::assessment::Date;
use nasss_core::model::{Domain, Item, Level};
use nasss_core::team::AssessmentId;
use nasss_core::Assessment;
use nasss_web::edit::Edit;
use nasss_web::library::Library;
use nasss_web::state::{Action, Incoming, Message, State, View};
use std::rc::Rc;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn today() -> Date {
    Date::parse("2026-12-02").unwrap()
}

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    let mut state = Rc::new(state);
    for action in actions {
        state = state.reduce(action);
    }
    Rc::try_unwrap(state).unwrap_or_else(|rc| (*rc).clone())
}

fn invitation() -> Assessment {
    Assessment::new("Shared Lives").invitation(AssessmentId::parse("sl-1").unwrap())
}

fn reply(name: &str, level: Level) -> Assessment {
    let mut filled = invitation();
    filled.rating_mut(Item::Domain(Domain::Condition)).level = level;
    filled.reply(name)
}

fn link(assessment: &Assessment) -> Incoming {
    Incoming {
        source: "link 1".into(),
        file_name: None,
        assessment: nasss_core::share::decode(&nasss_core::share::encode(assessment))
            .map_err(|e| e.to_string()),
    }
}

#[wasm_bindgen_test]
fn a_link_is_shown_first_then_saved_as_a_new_copy() {
    let mut library = Library::default();
    let kept = library.add(Assessment::new("Kept"));
    library.open = Some(kept);
    let state = run(
        State::new(library),
        [Action::LinkOpened(Box::new(invitation()))],
    );
    assert_eq!(state.library.entries.len(), 1, "nothing saved yet");
    assert!(state.pending.is_some());
    let state = run(state, [Action::SavePending { today: today() }]);
    assert_eq!(state.library.entries.len(), 2, "a new copy beside the old");
    assert_eq!(state.open_assessment().unwrap().title, "Shared Lives");
    assert!(state.pending.is_none());
    assert_eq!(state.view, View::Rate);
}

#[wasm_bindgen_test]
fn replies_merge_with_one_message_and_a_refused_one_changes_nothing() {
    let mut library = Library::default();
    let team = library.add(invitation());
    library.open = Some(team);
    let state = run(
        State::new(library),
        [Action::MergeReplies {
            replies: vec![
                link(&reply("Ann", Level::Simple)),
                link(&reply("Ben", Level::Complex)),
            ],
            today: today(),
        }],
    );
    assert_eq!(state.open_assessment().unwrap().team.views.len(), 2);
    assert_eq!(
        state.message,
        Some(Message::Info(
            "link 1: added Ann's ratings. link 1: added Ben's ratings.".into()
        ))
    );
    let before = state.library.clone();
    let other = Assessment::new("Other").invitation(AssessmentId::parse("zz").unwrap());
    let mut stranger = other.clone();
    stranger.rating_mut(Item::Domain(Domain::Condition)).level = Level::Simple;
    let state = run(
        state,
        [Action::MergeReplies {
            replies: vec![
                link(&stranger.reply("Cy")),
                Incoming {
                    source: "bad.json".into(),
                    file_name: Some("bad.json".into()),
                    assessment: Err("line 1, column 2: bad".into()),
                },
            ],
            today: Date::parse("2027-01-01").unwrap(),
        }],
    );
    assert_eq!(state.library, before, "nothing changed, not even the date");
    let Some(Message::Error(text)) = &state.message else {
        panic!("an error message");
    };
    assert!(
        text.contains("link 1: not merged: it belongs to a different assessment"),
        "{text}"
    );
    assert!(
        text.contains("bad.json: not merged: line 1, column 2: bad"),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn a_workshop_turn_goes_into_the_persons_own_view() {
    let mut library = Library::default();
    let team = library.add(invitation());
    library.open = Some(team);
    let edit = |edit: Edit| Action::Edit {
        edit,
        today: today(),
    };
    let state = run(
        State::new(library),
        [
            edit(Edit::StartWorkshop),
            edit(Edit::StartTurn("Ann".into())),
        ],
    );
    let ann = state.open_assessment().unwrap().raters[0].id;
    let state = run(
        state,
        [edit(Edit::ViewLevel {
            rater: ann,
            item: Item::Domain(Domain::Condition),
            level: Level::Complex,
        })],
    );
    let assessment = state.open_assessment().unwrap();
    assert!(
        assessment.domain_ratings.is_empty(),
        "no agreed level is made"
    );
    assert_eq!(
        assessment.team.views[&ann].domain_ratings[&Domain::Condition].level,
        Level::Complex
    );
    let report = nasss_core::assess(assessment);
    assert!(report.team.unwrap().hidden);
}

#[wasm_bindgen_test]
fn a_reply_link_can_be_added_to_the_open_team_assessment() {
    let mut library = Library::default();
    let team = library.add(invitation());
    library.open = Some(team);
    let state = run(
        State::new(library),
        [
            Action::LinkOpened(Box::new(reply("Ann", Level::Complicated))),
            Action::MergePending { today: today() },
        ],
    );
    assert_eq!(state.library.entries.len(), 1, "added, not saved as a copy");
    assert_eq!(state.open_assessment().unwrap().team.views.len(), 1);
    assert!(state.pending.is_none());
    assert_eq!(state.view, View::Team);
    assert_eq!(
        state.message,
        Some(Message::Info("link: added Ann's ratings.".into()))
    );
    let other = Assessment::new("Other").invitation(AssessmentId::parse("zz").unwrap());
    let mut stranger = other;
    stranger.rating_mut(Item::Domain(Domain::Condition)).level = Level::Simple;
    let before = state.library.clone();
    let state = run(
        state,
        [
            Action::LinkOpened(Box::new(stranger.reply("Cy"))),
            Action::MergePending { today: today() },
        ],
    );
    assert_eq!(
        state.library, before,
        "a reply to another assessment changes nothing"
    );
    assert!(
        state.pending.is_some(),
        "it can still be saved as its own copy"
    );
    assert!(matches!(state.message, Some(Message::Error(_))));
}
