//! The start page: start a new assessment, carry on with a saved one, import a file, or open a
//! built-in worked example or published case.

use crate::clock::today;
use crate::components::examples_list::ExamplesList;
use crate::components::import::ImportControl;
use crate::components::saved_list::SavedList;
use crate::components::site_data::SiteDataNotice;
use crate::library::Library;
use crate::state::{Action, View};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub library: Rc<Library>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let new = props
        .dispatch
        .reform(|_: MouseEvent| Action::New { today: today() });
    html! {
        <div class="home">
            <section aria-labelledby="start-heading" class="start">
                <h2 id="start-heading">{ "Start" }</h2>
                <p>
                    { "Rate how complex each of the seven NASSS domains is for your innovation, and see how likely it is to be taken up, spread and kept going: with the reasons, what would change it, and strategies. It is a tool for discussion, not a formula." }
                </p>
                <p><button type="button" class="primary" onclick={new} data-testid="new-assessment">{ "Start a new assessment" }</button></p>
            </section>
            <section aria-labelledby="saved-heading">
                <h2 id="saved-heading">{ "My assessments" }</h2>
                <p class="help">{ "Saved in this browser only. Export an assessment to keep a copy or share it." }</p>
                <SiteDataNotice saved={!props.library.entries.is_empty()} />
                <SavedList library={props.library.clone()} dispatch={props.dispatch.clone()} />
                <ImportControl dispatch={props.dispatch.clone()} />
            </section>
            <section aria-labelledby="examples-heading">
                <h2 id="examples-heading">{ "Worked examples and published cases" }</h2>
                <p class="help">{ "Opening one makes your own saved copy to explore and change." }</p>
                <ExamplesList dispatch={props.dispatch.clone()} />
            </section>
            <p class="help">
                <button type="button" class="link" onclick={props.dispatch.reform(|_: MouseEvent| Action::Show(View::Accessibility))} data-testid="home-accessibility">
                    { "Read the accessibility statement" }
                </button>
            </p>
        </div>
    }
}
