//! The plan editor: the theory of change (what, for whom, what must be true), the resources
//! needed, and next steps, each with its text, owner, due date and status (radios), overdue
//! ones flagged. Steps suggested by the core for the complex and complicated sub-domains can be
//! added with one button; their text is the strategy, to be rewritten. The labels here are the
//! app's own controls'; every word about the assessment comes from the core.

use crate::clock::{dated, today};
use crate::components::choice::{Choice, ChoiceOption};
use crate::edit::{evidence_lines, Edit};
use crate::state::Action;
use nasss_core::assessment::Date;
use nasss_core::history::item_title;
use nasss_core::plan::{ActionStatus, PlanAction};
use nasss_core::render::plan_phrases as words;
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub dispatch: Callback<Action>,
}

fn text_area(id: &str, label: &str, value: String, oninput: Callback<InputEvent>) -> Html {
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label.to_string() }</label>
            <textarea id={id.to_string()} rows="2" {value} {oninput} data-testid={id.to_string()} />
        </div>
    }
}

fn step_row(
    action: &PlanAction,
    assessment: &Assessment,
    overdue: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let id = action.id;
    let n = id.0;
    let on_text = dispatch.reform(move |event: InputEvent| {
        let text = event.target_unchecked_into::<HtmlInputElement>().value();
        dated(Edit::ActionText { id, text })
    });
    let on_owner = dispatch.reform(move |event: InputEvent| {
        let owner = event.target_unchecked_into::<HtmlInputElement>().value();
        dated(Edit::ActionOwner { id, owner })
    });
    let on_due = dispatch.reform(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        dated(Edit::ActionDue {
            id,
            due: Date::parse(&value).ok(),
        })
    });
    let on_status = dispatch.reform(move |index: usize| {
        dated(Edit::ActionStatus {
            id,
            status: ActionStatus::ALL[index],
        })
    });
    let remove = dispatch.reform(move |_: MouseEvent| dated(Edit::RemoveAction(id)));
    let options: Vec<ChoiceOption> = ActionStatus::ALL
        .iter()
        .map(|status| ChoiceOption::new(status.key(), status.label()))
        .collect();
    let selected = ActionStatus::ALL.iter().position(|s| *s == action.status);
    let answers = item_title(action.item(), assessment.setting);
    html! {
        <li class={classes!("plan-step", overdue.then_some("overdue"))} data-testid={format!("step-{n}")}>
            <p class="step-answers">{ answers }</p>
            <div class="field">
                <label for={format!("step-text-{n}")}>{ "Step" }</label>
                <input id={format!("step-text-{n}")} type="text" value={action.text.clone()} oninput={on_text} data-testid={format!("step-text-{n}")} />
            </div>
            <div class="field">
                <label for={format!("step-owner-{n}")}>{ "Owner" }</label>
                <input id={format!("step-owner-{n}")} type="text" value={action.owner.clone()} oninput={on_owner} data-testid={format!("step-owner-{n}")} />
            </div>
            <div class="field">
                <label for={format!("step-due-{n}")}>{ "Due" }</label>
                <input id={format!("step-due-{n}")} type="date" value={action.due.as_ref().map(|d| d.as_str().to_string()).unwrap_or_default()} onchange={on_due} data-testid={format!("step-due-{n}")} />
            </div>
            <Choice name={format!("step-status-{n}")} legend={html! { { "Status" } }} options={options} {selected} onchoose={on_status} testid={format!("step-status-{n}")} />
            if overdue {
                <p class="overdue-flag" data-testid={format!("step-overdue-{n}")}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ words::status_cell(action.status, true) }
                </p>
            }
            <button type="button" class="danger" onclick={remove} data-testid={format!("step-remove-{n}")}>{ "Remove step" }</button>
        </li>
    }
}

#[component]
pub fn PlanEditor(props: &PlanEditorProps) -> Html {
    let assessment = &props.assessment;
    let plan = &assessment.plan;
    let theory = &plan.theory_of_change;
    let dispatch = &props.dispatch;
    let must_draft = use_state(|| theory.must_be_true.join("\n"));
    let resources_draft = use_state(|| plan.resources.join("\n"));
    let on_what = dispatch.reform(|event: InputEvent| {
        dated(Edit::TheoryWhat(
            event.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });
    let on_for_whom = dispatch.reform(|event: InputEvent| {
        dated(Edit::TheoryForWhom(
            event.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });
    let on_must = {
        let dispatch = dispatch.clone();
        let draft = must_draft.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.emit(dated(Edit::MustBeTrue(evidence_lines(&text))));
            draft.set(text);
        })
    };
    let on_resources = {
        let dispatch = dispatch.clone();
        let draft = resources_draft.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.emit(dated(Edit::Resources(evidence_lines(&text))));
            draft.set(text);
        })
    };
    let now = today();
    let steps = plan
        .actions
        .iter()
        .map(|action| step_row(action, assessment, action.is_overdue(&now), dispatch));
    let suggested = props.report.over_time.suggested.iter().map(|action| {
        let add = {
            let action = action.clone();
            dispatch.reform(move |_: MouseEvent| dated(Edit::AddAction(action.clone())))
        };
        let key = action.item().key();
        let line = words::suggested_line(&item_title(action.item(), assessment.setting), action);
        html! {
            <li data-testid={format!("suggested-{key}")}>
                { line }{ " " }
                <button type="button" onclick={add} data-testid={format!("add-suggested-{key}")}>
                    { "Add as a step" }<span class="visually-hidden">{ format!(" ({key})") }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="plan-editor" aria-labelledby="plan-editor-heading" data-testid="plan-editor">
            <h3 id="plan-editor-heading">{ words::PLAN_HEADING }</h3>
            <h4>{ words::THEORY_HEADING }</h4>
            { text_area("theory-what", "What it does and changes", theory.what.clone(), on_what) }
            { text_area("theory-for-whom", "For whom", theory.for_whom.clone(), on_for_whom) }
            { text_area("theory-must", "What must be true for it to work (one per line)", (*must_draft).clone(), on_must) }
            <h4>{ words::RESOURCES_HEADING }</h4>
            { text_area("plan-resources", "Resources needed (one per line)", (*resources_draft).clone(), on_resources) }
            <h4>{ words::NEXT_STEPS_HEADING }</h4>
            <p data-testid="steps-count">{ words::actions_count_line(&plan.actions, plan.overdue(&now).len(), Some(now.as_str())) }</p>
            <ol class="plan-steps">{ for steps }</ol>
            if !props.report.over_time.suggested.is_empty() {
                <details class="suggested" data-testid="suggested-steps">
                    <summary>{ "Suggested steps, from the strategies" }</summary>
                    <ul>{ for suggested }</ul>
                </details>
            }
        </section>
    }
}
