//! Overruling a domain's classified level with a written reason. The reason is required (the
//! core's `Reason` refuses blank text, and its message is shown); an override in force is shown
//! with its reason and can be removed.

use crate::clock::dated;
use crate::components::choice::{Choice, ChoiceOption};
use crate::edit::Edit;
use crate::state::Action;
use nasss_core::assessment::Reason;
use nasss_core::classify::DomainClass;
use nasss_core::form::{override_legend, override_summary};
use nasss_core::model::Complexity;
use nasss_core::render::phrases::{override_sentence, sentence};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverrideFormProps {
    pub class: DomainClass,
    /// The domain's title in the assessment's setting.
    pub title: AttrValue,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn OverrideForm(props: &OverrideFormProps) -> Html {
    let domain = props.class.domain;
    let key = domain.key();
    let level = use_state(|| None::<usize>);
    let reason = use_state(String::new);
    let error = use_state(|| None::<String>);

    if let Some(sentence) = override_sentence(&props.class) {
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| dated(Edit::RemoveOverride(domain)));
        return html! {
            <div class="override in-force" data-testid={format!("override-{key}")}>
                <p>{ sentence }</p>
                <button type="button" {onclick} data-testid={format!("remove-override-{key}")}>
                    { "Remove the override" }
                </button>
            </div>
        };
    }

    let options: Vec<ChoiceOption> = Complexity::ALL
        .into_iter()
        .map(|c| ChoiceOption::new(c.key(), c.label()))
        .collect();
    let onchoose = {
        let level = level.clone();
        Callback::from(move |index: usize| level.set(Some(index)))
    };
    let oninput = {
        let reason = reason.clone();
        Callback::from(move |event: InputEvent| {
            reason.set(event.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onclick = {
        let (level, reason, error) = (level.clone(), reason.clone(), error.clone());
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(index) = *level else {
                error.set(Some(
                    "Choose the level you want this domain to have.".into(),
                ));
                return;
            };
            match Reason::new((*reason).clone()) {
                Ok(written) => {
                    error.set(None);
                    reason.set(String::new());
                    dispatch.emit(dated(Edit::Override {
                        domain,
                        level: Complexity::ALL[index],
                        reason: written,
                    }));
                }
                Err(message) => error.set(Some(sentence(&message))),
            }
        })
    };
    let reason_id = format!("override-reason-{key}");
    let error_id = format!("override-error-{key}");
    html! {
        <details class="override" data-testid={format!("override-{key}")}>
            <summary>{ override_summary(&props.title) }</summary>
            <Choice
                name={format!("override-{key}")}
                legend={html! { override_legend(&props.title) }}
                {options}
                selected={*level}
                {onchoose}
                class="override-level"
                testid={format!("override-level-{key}")}
            />
            <div class="field">
                <label for={reason_id.clone()}>{ "Reason (required): why is this domain at that level?" }</label>
                <textarea
                    id={reason_id}
                    rows="2"
                    value={(*reason).clone()}
                    {oninput}
                    aria-describedby={error.as_ref().map(|_| error_id.clone())}
                />
            </div>
            if let Some(message) = &*error {
                <p class="field-error" role="alert" id={error_id} data-testid={format!("override-error-{key}")}>
                    { message.clone() }
                </p>
            }
            <button type="button" {onclick} data-testid={format!("set-override-{key}")}>{ "Set level by hand" }</button>
        </details>
    }
}
