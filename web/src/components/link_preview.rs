//! What a share link holds, shown when the app opens with one and before anything is saved:
//! the core's one-line description, and the choice to save it as a new assessment (never over
//! one already saved), to add its ratings to the open team assessment, or to set it aside.

use crate::clock::today;
use crate::state::Action;
use nasss_core::render::team_phrases::{contents_line, ADD_TO_OPEN, SAVE_AS_COPY};
use nasss_core::share::PRIVACY_NOTE;
use nasss_core::Assessment;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkPreviewProps {
    pub pending: Assessment,
    /// Whether an assessment is open to add the ratings to.
    pub can_merge: bool,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn LinkPreview(props: &LinkPreviewProps) -> Html {
    let save = props
        .dispatch
        .reform(|_: MouseEvent| Action::SavePending { today: today() });
    let add = props
        .dispatch
        .reform(|_: MouseEvent| Action::MergePending { today: today() });
    let dismiss = props
        .dispatch
        .reform(|_: MouseEvent| Action::DismissPending);
    let offers_merge = props.can_merge && !props.pending.is_invitation();
    html! {
        <section class="link-preview" aria-labelledby="link-preview-heading" data-testid="link-preview">
            <h2 id="link-preview-heading">{ "Opened from a link" }</h2>
            <p data-testid="link-contents">{ contents_line(&props.pending) }</p>
            <p class="help">{ PRIVACY_NOTE }</p>
            <div class="actions">
                <button type="button" onclick={save} data-testid="save-link">{ SAVE_AS_COPY }</button>
                if offers_merge {
                    <button type="button" onclick={add} data-testid="merge-link">{ ADD_TO_OPEN }</button>
                }
                <button type="button" onclick={dismiss} data-testid="dismiss-link">{ "Set it aside" }</button>
            </div>
        </section>
    }
}
