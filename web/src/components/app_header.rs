//! The page header: the app's name and the main navigation. "My assessments" is always there;
//! so is "Compare"; with an assessment open, its steps (About, Rate, Report, Plan and progress)
//! and its team page are too, the current one
//! marked with `aria-current`.

use crate::state::{Action, View};
use nasss_core::render::phrases::display_title;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    pub view: View,
    /// The open assessment's title, if one is open.
    pub open_title: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    let tab = |view: View, label: &'static str, testid: &'static str| {
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::Show(view));
        let current = props.view == view;
        html! {
            <li>
                <button type="button" {onclick} aria-current={current.then_some("page")}
                    class={classes!("tab", current.then_some("current"))} data-testid={testid}>
                    { label }
                </button>
            </li>
        }
    };
    html! {
        <header class="app-header no-print">
            <h1>{ "NASSS complexity analyser" }</h1>
            <nav aria-label="Main">
                <ul>
                    { tab(View::Home, "My assessments", "tab-home") }
                    { tab(View::Compare, "Compare", "tab-compare") }
                    if let Some(title) = &props.open_title {
                        <li class="open-title" aria-hidden="true">{ display_title(title).to_string() }{ ":" }</li>
                        { tab(View::Setup, "1 About", "tab-setup") }
                        { tab(View::Rate, "2 Rate", "tab-rate") }
                        { tab(View::Report, "3 Report", "tab-report") }
                        { tab(View::Plan, "4 Plan and progress", "tab-plan") }
                        { tab(View::Team, "Team", "tab-team") }
                    }
                </ul>
            </nav>
        </header>
    }
}
