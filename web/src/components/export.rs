//! "Export": saves an assessment as the JSON file the CLI reads (`nasss assess FILE`), named
//! after its title, through a download that never leaves the device; and what a person sees of
//! when each saved assessment was last exported (worded by the core's `export_status`).
//!
//! Only this export counts as "exported": it gives the person their own copy of the file, which
//! the app can read back. Report downloads (Markdown, print) and share links do not.

use crate::clock::today;
use crate::download::download;
use crate::library::{EntryId, ExportState};
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
    /// The saved entry exported; `None` means the open one.
    #[prop_or_default]
    pub entry: Option<EntryId>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let onclick = {
        let assessment = props.assessment.clone();
        let dispatch = props.dispatch.clone();
        let entry = props.entry;
        Callback::from(move |_: MouseEvent| {
            let result = download(
                &file_name(&assessment.title, "json"),
                "application/json",
                &assessment.to_file_text(),
            );
            match result {
                Ok(()) => dispatch.emit(Action::Exported {
                    id: entry,
                    today: today(),
                }),
                Err(error) => dispatch.emit(Action::Tell(Message::Error(format!(
                    "Export failed: {error}."
                )))),
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

#[derive(Properties, PartialEq)]
pub struct ExportStatusProps {
    pub state: ExportState,
    pub testid: AttrValue,
}

/// When an assessment was last exported, flagged when it has changed since.
#[component]
pub fn ExportStatus(props: &ExportStatusProps) -> Html {
    let class = match props.state {
        ExportState::Never => "export-status never",
        ExportState::Current(_) => "export-status",
        ExportState::ChangedSince(_) => "export-status changed",
    };
    html! {
        <span {class} data-testid={props.testid.clone()} data-export={props.state.key()}>{ props.state.line() }</span>
    }
}
