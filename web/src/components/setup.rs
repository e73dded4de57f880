//! The start of an assessment: name and describe the innovation, choose the setting, the framing
//! (and, looking back, the actual outcome), the stage on the Innovate wheel with that stage's
//! success measures as prompts, who is rating, and quick or full rating. Every change is saved at once.

use crate::clock::dated;
use crate::components::choice::{Choice, ChoiceOption};
use crate::components::raters::Raters;
use crate::edit::Edit;
use crate::state::{Action, View};
use nasss_core::assessment::Mode;
use nasss_core::form::{stage_prompts_heading, stages};
use nasss_core::load::{warnings, Warning};
use nasss_core::setting::{Framing, Outcome, Setting, Stage};
use nasss_core::Assessment;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub assessment: Rc<Assessment>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn Setup(props: &SetupProps) -> Html {
    let assessment = &props.assessment;
    let dispatch = &props.dispatch;

    let on_title = dispatch.reform(|event: InputEvent| {
        dated(Edit::Title(
            event.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let on_description = dispatch.reform(|event: InputEvent| {
        dated(Edit::Description(
            event.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });

    let settings: Vec<ChoiceOption> = Setting::ALL
        .into_iter()
        .map(|s| ChoiceOption::new(s.key(), s.label()))
        .collect();
    let setting_index = Setting::ALL.iter().position(|s| *s == assessment.setting);
    let on_setting = dispatch.reform(|index: usize| dated(Edit::Setting(Setting::ALL[index])));

    let framings = vec![
        ChoiceOption::new("prospective", "Before or during a pilot (prospective)")
            .described("Where is this complex, and what will stop it scaling?"),
        ChoiceOption::new("retrospective", "Looking back (retrospective)")
            .described("Which domains explain what happened? Record the actual outcome to compare it with the outlook."),
    ];
    let framing_index = Some(usize::from(assessment.framing.is_retrospective()));
    let on_framing = dispatch.reform(|index: usize| dated(Edit::Retrospective(index == 1)));

    let outcome_choices: Vec<Option<Outcome>> =
        Outcome::ALL.into_iter().map(Some).chain([None]).collect();
    let outcomes: Vec<ChoiceOption> = outcome_choices
        .iter()
        .map(|o| match o {
            Some(o) => ChoiceOption::new(o.key(), o.label()),
            None => ChoiceOption::new("not_known", "Not known yet"),
        })
        .collect();
    let outcome_index = match assessment.framing {
        Framing::Retrospective { outcome } => outcome_choices.iter().position(|o| *o == outcome),
        Framing::Prospective => None,
    };
    let on_outcome = {
        let choices = outcome_choices.clone();
        dispatch.reform(move |index: usize| dated(Edit::Outcome(choices[index])))
    };

    let stage_notes = stages();
    let stage_choices: Vec<Option<Stage>> = stage_notes
        .iter()
        .map(|note| Some(note.stage))
        .chain([None])
        .collect();
    let stage_options: Vec<ChoiceOption> = stage_notes
        .iter()
        .map(|note| {
            ChoiceOption::new(note.stage.key(), note.name.clone()).described(note.summary.clone())
        })
        .chain([ChoiceOption::new("not_recorded", "Not recorded")])
        .collect();
    let current_stage = stage_notes
        .iter()
        .find(|note| Some(note.stage) == assessment.stage);
    let stage_index = stage_choices.iter().position(|s| *s == assessment.stage);
    let on_stage = {
        let choices = stage_choices.clone();
        dispatch.reform(move |index: usize| dated(Edit::Stage(choices[index])))
    };

    let modes = vec![
        ChoiceOption::new("quick", "Quick: rate the seven domains").described(
            "One question per domain, like the short NASSS checklist. About ten minutes.",
        ),
        ChoiceOption::new("full", "Full: answer the 23 sub-domain questions").described(
            "Plain-language questions for each part of each domain, with help and examples.",
        ),
    ];
    let mode_index = Some(match assessment.mode {
        Mode::Quick => 0,
        Mode::Full => 1,
    });
    let on_mode = dispatch.reform(|index: usize| {
        dated(Edit::Mode(match index {
            0 => Mode::Quick,
            _ => Mode::Full,
        }))
    });
    // Only what the person can act on here: the other mode's ratings (the title and outcome
    // have their own fields just above).
    let notes: Vec<String> = warnings(assessment)
        .into_iter()
        .filter(|warning| matches!(warning, Warning::OtherModeRatings { .. }))
        .map(Warning::for_person)
        .collect();

    let start = dispatch.reform(|_: MouseEvent| Action::Show(View::Rate));
    html! {
        <div class="setup">
            <h2>{ "About this assessment" }</h2>
            <p class="how">{ "Everything you enter is saved in this browser as you go. Nothing is sent anywhere." }</p>
            <div class="field">
                <label for="title">{ "Name of the innovation" }</label>
                <input id="title" type="text" value={assessment.title.clone()} oninput={on_title}
                    placeholder="For example: Digital telecare in Anytown" autocomplete="off" />
            </div>
            <div class="field">
                <label for="description">{ "What it is and who it is for" }</label>
                <textarea id="description" rows="3" value={assessment.description.clone()} oninput={on_description} />
            </div>
            <Choice name="setting" legend={html! { "Setting" }} options={settings} selected={setting_index} onchoose={on_setting} testid="setting">
                <p class="help">{ "The setting chooses the wording of the questions and examples." }</p>
            </Choice>
            <Choice name="framing" legend={html! { "Framing" }} options={framings} selected={framing_index} onchoose={on_framing} testid="framing" />
            if assessment.framing.is_retrospective() {
                <Choice name="outcome" legend={html! { "What actually happened?" }} options={outcomes} selected={outcome_index} onchoose={on_outcome} testid="outcome" />
            }
            <Choice name="stage" legend={html! { "Stage on the Innovate wheel" }} options={stage_options} selected={stage_index} onchoose={on_stage} testid="stage">
                <p class="help">{ "Where the innovation is now. The wheel is not a straight line: a scheme may pause or go back a stage." }</p>
            </Choice>
            if let Some(stage) = current_stage {
                <section class="stage-prompts" data-testid="stage-prompts" aria-labelledby="stage-prompts-heading">
                    <h3 id="stage-prompts-heading">{ stage_prompts_heading(&stage.name) }</h3>
                    <ul>{ for stage.success_measures.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                </section>
            }
            <Raters raters={assessment.raters.clone()} dispatch={dispatch.clone()} />
            <Choice name="mode" legend={html! { "How detailed?" }} options={modes} selected={mode_index} onchoose={on_mode} testid="mode" />
            { for notes.into_iter().map(|note| html! { <p class="note">{ note }</p> }) }
            <p><button type="button" class="primary" onclick={start} data-testid="start-rating">{ "Start rating" }</button></p>
        </div>
    }
}
