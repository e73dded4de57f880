//! "My assessments": every saved assessment with its outlook and dates, to open, rename,
//! duplicate, export or delete, and when each was last exported. Deleting asks for confirmation
//! on the page itself.

use crate::clock::today;
use crate::components::export::{ExportButton, ExportStatus};
use crate::library::{EntryId, Library};
use crate::state::Action;
use nasss_core::render::phrases::{display_title, saved_summary};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedListProps {
    pub library: Rc<Library>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn SavedList(props: &SavedListProps) -> Html {
    let renaming = use_state(|| None::<(EntryId, String)>);
    let confirming = use_state(|| None::<EntryId>);
    // Asking to delete moves keyboard focus to the safe answer, so a keyboard user lands in the
    // question rather than behind it.
    let keep_button = use_node_ref();
    {
        let keep_button = keep_button.clone();
        use_effect_with(*confirming, move |confirming| {
            if confirming.is_some() {
                if let Some(button) = keep_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    if props.library.entries.is_empty() {
        return html! {
            <p data-testid="no-saved">{ "Nothing saved yet. Start a new assessment, open an example, or import a file." }</p>
        };
    }
    let rows = props.library.entries.iter().rev().map(|entry| {
        let id = entry.id;
        let n = id.0;
        let assessment = &entry.assessment;
        let title = display_title(&assessment.title).to_string();
        let summary = saved_summary(assessment, &nasss_core::assess(assessment));
        let hidden_title = html! { <span class="visually-hidden">{ format!(" {title}") }</span> };
        let open = props.dispatch.reform(move |_: MouseEvent| Action::Open(id));
        let duplicate = props
            .dispatch
            .reform(move |_: MouseEvent| Action::Duplicate { id, today: today() });
        let start_rename = {
            let renaming = renaming.clone();
            let title = assessment.title.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some((id, title.clone()))))
        };
        let ask_delete = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(Some(id)))
        };
        let rename_form = match &*renaming {
            Some((renamed, text)) if *renamed == id => {
                let oninput = {
                    let renaming = renaming.clone();
                    Callback::from(move |event: InputEvent| {
                        let value = event.target_unchecked_into::<HtmlInputElement>().value();
                        renaming.set(Some((id, value)));
                    })
                };
                let save = {
                    let renaming = renaming.clone();
                    let dispatch = props.dispatch.clone();
                    let text = text.clone();
                    Callback::from(move |event: SubmitEvent| {
                        event.prevent_default();
                        dispatch.emit(Action::Rename { id, title: text.clone(), today: today() });
                        renaming.set(None);
                    })
                };
                let cancel = {
                    let renaming = renaming.clone();
                    Callback::from(move |_: MouseEvent| renaming.set(None))
                };
                let input_id = format!("rename-{n}");
                html! {
                    <form class="rename" onsubmit={save}>
                        <label for={input_id.clone()}>{ format!("New name for {title}") }</label>
                        <input id={input_id} type="text" value={text.clone()} {oninput} data-testid={format!("rename-input-{n}")} />
                        <button type="submit" data-testid={format!("rename-save-{n}")}>{ "Save name" }</button>
                        <button type="button" onclick={cancel}>{ "Cancel" }</button>
                    </form>
                }
            }
            _ => html! {},
        };
        let confirm = match *confirming == Some(id) {
            true => {
                let yes = {
                    let confirming = confirming.clone();
                    let dispatch = props.dispatch.clone();
                    Callback::from(move |_: MouseEvent| {
                        confirming.set(None);
                        dispatch.emit(Action::Delete(id));
                    })
                };
                let no = {
                    let confirming = confirming.clone();
                    Callback::from(move |_: MouseEvent| confirming.set(None))
                };
                html! {
                    <div class="confirm" role="group" aria-labelledby={format!("confirm-{n}")} data-testid={format!("confirm-{n}")}>
                        <p id={format!("confirm-{n}")}><strong>{ format!("Delete \"{title}\"?") }</strong>{ " This cannot be undone: export it first if you may want it again." }</p>
                        <button type="button" class="danger" onclick={yes} data-testid={format!("confirm-delete-{n}")}>{ "Yes, delete it" }</button>
                        <button type="button" onclick={no} ref={keep_button.clone()} data-testid={format!("cancel-delete-{n}")}>{ "No, keep it" }</button>
                    </div>
                }
            }
            false => html! {},
        };
        html! {
            <li class="saved" key={n} data-testid={format!("saved-{n}")}>
                <div class="saved-head">
                    <span class="saved-title" data-testid="saved-title">{ title.clone() }</span>
                    <span class="saved-meta">
                        { summary }{ " · " }
                        <ExportStatus state={entry.export_state()} testid={format!("exported-{n}")} />
                    </span>
                </div>
                <div class="saved-actions">
                    <button type="button" class="primary" onclick={open} data-testid={format!("open-{n}")}>{ "Open" }{ hidden_title.clone() }</button>
                    <button type="button" onclick={start_rename} data-testid={format!("rename-{n}")}>{ "Rename" }{ hidden_title.clone() }</button>
                    <button type="button" onclick={duplicate} data-testid={format!("duplicate-{n}")}>{ "Duplicate" }{ hidden_title.clone() }</button>
                    <ExportButton assessment={Rc::new(assessment.clone())} entry={Some(id)} dispatch={props.dispatch.clone()} testid={format!("export-{n}")} />
                    <button type="button" class="danger" onclick={ask_delete} data-testid={format!("delete-{n}")}>{ "Delete" }{ hidden_title }</button>
                </div>
                { rename_form }
                { confirm }
            </li>
        }
    });
    html! {
        <ul class="saved-list" data-testid="saved-list">{ for rows }</ul>
    }
}
