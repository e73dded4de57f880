//! "Import an assessment file": reads a chosen JSON file with `nasss_core::load_bytes`. A good
//! file always becomes a new saved assessment (nothing saved is replaced); a bad one gives an
//! error naming the line, column and JSON path of the problem, and changes nothing.

use crate::state::Action;
use gloo_file::futures::read_as_bytes;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportControlProps {
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ImportControl(props: &ImportControlProps) -> Html {
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Cleared so that choosing the same file again is a change too.
            input.set_value("");
            let file = gloo_file::File::from(file);
            let file_name = file.name();
            let dispatch = dispatch.clone();
            yew::platform::spawn_local(async move {
                let action = match read_as_bytes(&file).await {
                    Ok(bytes) => match nasss_core::load_bytes(&bytes) {
                        Ok(assessment) => Action::Import {
                            assessment: Box::new(assessment),
                            file_name,
                        },
                        Err(error) => Action::ImportFailed {
                            file_name,
                            error: error.to_string(),
                        },
                    },
                    Err(error) => Action::ImportFailed {
                        file_name,
                        error: format!("the file could not be read ({error})"),
                    },
                };
                dispatch.emit(action);
            });
        })
    };
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
