//! The NASSS complexity analyser in the browser: the root [`App`] component and [`run`], which
//! mounts it into the page. Everything the analyser decides comes from `nasss-core`; this crate
//! collects answers, shows the results and keeps the person's work in local storage.
//!
//! The state is one pure reducer (`state.rs`); saving happens here, in an effect that runs
//! whenever the saved list changes (`storage.rs` is the only file that touches storage).
//!
//! Test hooks are `data-testid` attributes: `outlook` (with `data-band` set to the band's key or
//! `uncertain`), `progress`, `nav-<domain key>`, `rate-<domain key or sub-domain code>` on each
//! rating's fieldset, and the buttons' own ids. The browser tests in `tests/web.rs` and the
//! journeys in `tests/e2e` rely on them.

pub mod clock;
pub mod components;
pub mod download;
pub mod edit;
pub mod library;
pub mod share_link;
pub mod signs;
pub mod state;
pub mod storage;

use components::accessibility_statement::AccessibilityStatement;
use components::app_header::AppHeader;
use components::banner::Banner;
use components::compare_page::ComparePage;
use components::home::Home;
use components::link_preview::LinkPreview;
use components::plan_page::PlanPage;
use components::rate_page::RatePage;
use components::report_page::ReportPage;
use components::setup::Setup;
use components::team_page::TeamPage;
use state::{Action, Message, State, View};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Mounts [`App`] into the element with id `app` (emptied first, so a loading message in the
/// page shell goes away), or into `<body>` when the page has no such element.
pub fn run() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// The whole app: header, messages, and the current view over the open assessment.
#[component]
pub fn App() -> Html {
    let boot = use_memo((), |_| storage::load());
    let state = use_reducer_eq({
        let library = boot.library.clone();
        move || State::new(library)
    });
    let save_error = use_state_eq(|| None::<String>);
    let load_problem = use_state_eq(|| boot.problem.clone());

    use_effect_with(state.library.clone(), {
        let save_error = save_error.clone();
        let may_save = boot.may_save;
        move |library| {
            if may_save {
                save_error.set(storage::save(library).err());
            }
        }
    });

    // After moving to another view or domain, put keyboard focus at the top of what is new,
    // so keyboard and screen-reader users start there (not on the first render).
    let first_render = use_mut_ref(|| true);
    use_effect_with((state.view, state.domain), move |(view, _)| {
        if std::mem::replace(&mut *first_render.borrow_mut(), false) {
            return;
        }
        let target = match view {
            View::Rate => "#domain-heading, #main",
            View::Home
            | View::Setup
            | View::Report
            | View::Team
            | View::Plan
            | View::Compare
            | View::Accessibility => "#main",
        };
        let found = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(target).ok().flatten());
        if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });

    let dispatch = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });
    // A share link in the address is read at start, and again whenever the address's fragment
    // changes (a link pasted into the address bar of the open page); nothing is saved until
    // the person chooses (see `LinkPreview`).
    use_effect_with((), {
        let dispatch = dispatch.clone();
        move |_| {
            let read = move || {
                if let Some(fragment) = share_link::take_fragment() {
                    dispatch.emit(match nasss_core::share::decode(&fragment) {
                        Ok(assessment) => Action::LinkOpened(Box::new(assessment)),
                        Err(error) => Action::LinkFailed(error.to_string()),
                    });
                }
            };
            read();
            let listener = share_link::on_hash_change(read);
            move || drop(listener)
        }
    });
    let open = state.library.open_entry();
    let assessment = use_memo(open.map(|entry| entry.assessment.clone()), |open| {
        open.clone().map(Rc::new)
    });
    // The report and its outline are worked out here, once per change to the open assessment,
    // and every view lays them out.
    let report = use_memo(assessment.clone(), |assessment| {
        let open: &Option<Rc<nasss_core::Assessment>> = assessment;
        open.as_ref().map(|assessment| {
            let report = nasss_core::assess(assessment);
            let outline = nasss_core::render::outline(&report);
            (Rc::new(report), Rc::new(outline))
        })
    });
    let open_id = open.map(|entry| entry.id.0);

    let view = match (state.view, &*assessment, &*report) {
        (View::Setup, Some(assessment), _) => html! {
            <Setup key={format!("setup-{open_id:?}")} assessment={assessment.clone()} dispatch={dispatch.clone()} />
        },
        (View::Rate, Some(assessment), Some((report, outline))) => html! {
            <RatePage
                key={format!("rate-{open_id:?}")}
                assessment={assessment.clone()}
                report={report.clone()}
                outline={outline.clone()}
                current={state.domain}
                dispatch={dispatch.clone()}
            />
        },
        (View::Team, Some(assessment), Some((report, outline))) => html! {
            <TeamPage assessment={assessment.clone()} report={report.clone()} outline={outline.clone()} dispatch={dispatch.clone()} />
        },
        (View::Report, Some(assessment), Some((report, outline))) => html! {
            <ReportPage assessment={assessment.clone()} report={report.clone()} outline={outline.clone()} dispatch={dispatch.clone()} />
        },
        (View::Plan, Some(assessment), Some((report, outline))) => html! {
            <PlanPage key={format!("plan-{open_id:?}")} assessment={assessment.clone()} report={report.clone()} outline={outline.clone()} dispatch={dispatch.clone()} />
        },
        (View::Accessibility, _, _) => html! { <AccessibilityStatement /> },
        (View::Compare, _, _) => html! {
            <ComparePage library={Rc::new(state.library.clone())} dispatch={dispatch.clone()} />
        },
        _ => html! {
            <Home library={Rc::new(state.library.clone())} dispatch={dispatch.clone()} />
        },
    };

    let dispatch_for_kept = dispatch.clone();
    let message = state.message.as_ref().map(|message| {
        let (text, error) = match message {
            Message::Info(text) => (text.clone(), false),
            Message::Error(text) => (text.clone(), true),
        };
        let ondismiss = dispatch.reform(|_: MouseEvent| Action::DismissMessage);
        html! { <Banner text={text} {error} ondismiss={Some(ondismiss)} testid="message" /> }
    });
    // What could not be read is kept aside in storage; the person can download it (with the
    // saved list as stored) to keep it or send it to someone who can help.
    let download_kept = Callback::from(move |_: MouseEvent| {
        let result = storage::kept_aside_file().and_then(|text| {
            download::download("nasss-analyser-kept-aside.json", "application/json", &text)
        });
        if let Err(error) = result {
            dispatch_for_kept.emit(Action::Tell(Message::Error(format!(
                "The data kept aside could not be downloaded: {error}."
            ))));
        }
    });
    let export_status = open
        .filter(|_| !matches!(state.view, View::Home | View::Compare))
        .map(|entry| {
            html! {
                <p class="open-export-status">
                    <components::export::ExportStatus state={entry.export_state()} testid="open-exported" />
                </p>
            }
        });
    let dismiss_load_problem = {
        let load_problem = load_problem.clone();
        Callback::from(move |_: MouseEvent| load_problem.set(None))
    };

    html! {
        <div class="nasss-app" data-testid="app">
            <a class="skip-link" href="#main">{ "Skip to the main content" }</a>
            <AppHeader
                view={state.view}
                open_title={assessment.as_ref().as_ref().map(|a| AttrValue::from(a.title.clone()))}
                dispatch={dispatch.clone()}
            />
            if let Some(problem) = &*load_problem {
                <Banner text={problem.clone()} error=true ondismiss={Some(dismiss_load_problem)} testid="storage-problem">
                    if boot.offer_download {
                        <button type="button" onclick={download_kept} data-testid="download-kept-aside">{ "Download what is stored" }</button>
                    }
                </Banner>
            }
            if let Some(error) = &*save_error {
                <Banner text={error.clone()} error=true testid="save-error" />
            }
            { for message }
            <main id="main" tabindex="-1">
                { for export_status }
                if let Some(pending) = &state.pending {
                    <LinkPreview pending={(**pending).clone()} can_merge={assessment.is_some()} dispatch={dispatch.clone()} />
                }
                { view }
            </main>
            <footer class="app-footer no-print">
                <button type="button" class="link" onclick={dispatch.reform(|_: MouseEvent| Action::Show(View::Accessibility))} data-testid="footer-accessibility">
                    { "Accessibility statement" }
                </button>
            </footer>
        </div>
    }
}
