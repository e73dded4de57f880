//! "Import an assessment file": reads a chosen JSON file (UTF-8, with or without a byte order
//! mark, or UTF-16) with `nasss_core::load_bytes`. A good
//! file always becomes a new saved assessment (nothing saved is replaced); a bad one gives an
//! error naming the line, column and JSON path of the problem, and changes nothing.

use super::chosen_file::on_choose;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportControlProps {
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ImportControl(props: &ImportControlProps) -> Html {
    let onchange = on_choose(
        props.dispatch.clone(),
        |file_name, bytes| match nasss_core::load_bytes(&bytes) {
            Ok(assessment) => Action::Import {
                assessment: Box::new(assessment),
                file_name,
            },
            Err(error) => Action::ImportFailed {
                file_name,
                error: error.to_string(),
            },
        },
    );
    html! {
        <div class="field import">
            <label for="import-file">{ "Import an assessment file" }</label>
            <input id="import-file" type="file" accept=".json,application/json" {onchange}
                data-testid="import-file" aria-describedby="import-help" />
            <p class="help" id="import-help">
                { "A .json assessment file exported from this app or written for the nasss command-line tool. It is added as a new saved assessment." }
            </p>
        </div>
    }
}
