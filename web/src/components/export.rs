//! "Export": saves an assessment as the JSON file the CLI reads (`nasss assess FILE`), named
//! after its title, through a download that never leaves the device.

use crate::download::download;
use crate::state::{Action, Message};
use nasss_core::render::file_name;
use nasss_core::render::phrases::display_title;
use nasss_core::Assessment;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub assessment: Rc<Assessment>,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let onclick = {
        let assessment = props.assessment.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let result = download(
                &file_name(&assessment.title, "json"),
                "application/json",
                &assessment.to_file_text(),
            );
            if let Err(error) = result {
                dispatch.emit(Action::Tell(Message::Error(format!(
                    "Export failed: {error}."
                ))));
            }
        })
    };
    html! {
        <button type="button" {onclick} data-testid={props.testid.clone()}>
            { "Export" }
            <span class="visually-hidden">{ format!(" {}", display_title(&props.assessment.title)) }</span>
            { " as a file" }
        </button>
    }
}
