//! "Plan and progress" for the open assessment: take a snapshot (name, date, stage), the
//! timeline (a chart beside the core's timeline table), what changed between any two moments
//! (the core's diff, drawn as an outline section), and the plan editor. Every sentence about the
//! assessment comes from the core; this page adds its controls and their labels.

use crate::clock::{dated, today};
use crate::components::outline_view::SectionView;
use crate::components::plan_editor::PlanEditor;
use crate::components::timeline_chart::TimelineChart;
use crate::edit::Edit;
use crate::state::Action;
use nasss_core::assessment::Date;
use nasss_core::history::diff;
use nasss_core::render::plan_phrases::moment_name;
use nasss_core::render::{diff_section, Outline, SectionKind};
use nasss_core::report::stage_note;
use nasss_core::setting::Stage;
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPageProps {
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub outline: Rc<Outline>,
    pub dispatch: Callback<Action>,
}

/// A moment to compare: a snapshot by its place, or now.
fn moment_at(assessment: &Assessment, choice: Option<usize>) -> (Assessment, String) {
    match choice.and_then(|index| assessment.snapshots.get(index)) {
        Some(snapshot) => (assessment.at(snapshot), moment_name(Some(&snapshot.name))),
        None => (assessment.clone(), moment_name(None)),
    }
}

fn moment_select(
    id: &'static str,
    label: &'static str,
    assessment: &Assessment,
    chosen: Option<usize>,
    onchange: Callback<Event>,
) -> Html {
    let options = assessment
        .snapshots
        .iter()
        .enumerate()
        .map(|(index, snapshot)| {
            html! {
                <option value={index.to_string()} selected={chosen == Some(index)}>
                    { format!("{} ({})", snapshot.name, snapshot.taken.as_str()) }
                </option>
            }
        });
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select id={id} {onchange} data-testid={id}>
                { for options }
                <option value="now" selected={chosen.is_none()}>{ moment_name(None) }</option>
            </select>
        </div>
    }
}

fn parse_choice(event: &Event) -> Option<usize> {
    event
        .target_unchecked_into::<HtmlSelectElement>()
        .value()
        .parse()
        .ok()
}

#[component]
pub fn PlanPage(props: &PlanPageProps) -> Html {
    let assessment = &props.assessment;
    let name = use_state(String::new);
    let taken = use_state(|| today().as_str().to_string());
    let stage = use_state(|| assessment.stage);
    let from = use_state(|| (!assessment.snapshots.is_empty()).then_some(0));
    let to = use_state(|| None::<usize>);
    let problem = use_state(|| None::<String>);

    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            name.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_taken = {
        let taken = taken.clone();
        Callback::from(move |event: Event| {
            taken.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_stage = {
        let stage = stage.clone();
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            stage.set(Stage::from_key(&key));
        })
    };
    let take = {
        let (name, taken, stage, problem, from) = (
            name.clone(),
            taken.clone(),
            stage.clone(),
            problem.clone(),
            from.clone(),
        );
        let dispatch = props.dispatch.clone();
        let first = assessment.snapshots.is_empty();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if name.trim().is_empty() {
                problem.set(Some(
                    "Give the snapshot a name, such as \u{201c}before the pilot\u{201d}.".into(),
                ));
                return;
            }
            let date = match Date::parse(&taken) {
                Ok(date) => date,
                Err(error) => {
                    problem.set(Some(error));
                    return;
                }
            };
            problem.set(None);
            dispatch.emit(dated(Edit::TakeSnapshot {
                name: (*name).clone(),
                taken: date,
                stage: *stage,
            }));
            if first {
                from.set(Some(0));
            }
            name.set(String::new());
        })
    };
    let stages = Stage::ALL.iter().map(|s| {
        html! { <option value={s.key()} selected={*stage == Some(*s)}>{ stage_note(*s).name }</option> }
    });

    let timeline = props.outline.section(SectionKind::Timeline).cloned();
    let (old, old_name) = moment_at(assessment, *from);
    let (new, new_name) = moment_at(assessment, *to);
    let difference = diff_section(&diff(&old, &new), &old_name, &new_name);
    let on_from = {
        let from = from.clone();
        Callback::from(move |event: Event| from.set(parse_choice(&event)))
    };
    let on_to = {
        let to = to.clone();
        Callback::from(move |event: Event| to.set(parse_choice(&event)))
    };

    html! {
        <div class="plan-page">
            <h2>{ "Plan and progress" }</h2>
            <section class="snapshot-form no-print" aria-labelledby="snapshot-heading">
                <h3 id="snapshot-heading">{ "Take a snapshot" }</h3>
                <p class="help">{ "Keep the ratings and plan as they stand now, to compare later." }</p>
                <form onsubmit={take} data-testid="snapshot-form">
                    <div class="field">
                        <label for="snapshot-name">{ "Name of this moment" }</label>
                        <input id="snapshot-name" type="text" value={(*name).clone()} oninput={on_name} data-testid="snapshot-name" />
                    </div>
                    <div class="field">
                        <label for="snapshot-date">{ "Date" }</label>
                        <input id="snapshot-date" type="date" value={(*taken).clone()} onchange={on_taken} data-testid="snapshot-date" />
                    </div>
                    <div class="field">
                        <label for="snapshot-stage">{ "Stage on the Innovate wheel" }</label>
                        <select id="snapshot-stage" onchange={on_stage} data-testid="snapshot-stage">
                            <option value="" selected={stage.is_none()}>{ "Not recorded" }</option>
                            { for stages }
                        </select>
                    </div>
                    if let Some(problem) = &*problem {
                        <p class="error" role="alert" data-testid="snapshot-problem">{ problem.clone() }</p>
                    }
                    <button type="submit" class="primary" data-testid="take-snapshot">{ "Take snapshot" }</button>
                </form>
            </section>
            if let Some(section) = timeline {
                <SectionView section={section} level={3} id="plan-timeline" testid="timeline">
                    <TimelineChart moments={props.report.over_time.timeline.clone()} />
                </SectionView>
            }
            if !assessment.snapshots.is_empty() {
                <section class="diff-view" aria-labelledby="diff-choose-heading" data-testid="diff-view">
                    <h3 id="diff-choose-heading">{ "Compare two moments" }</h3>
                    <div class="diff-choose no-print">
                        { moment_select("diff-from", "From", assessment, *from, on_from) }
                        { moment_select("diff-to", "To", assessment, *to, on_to) }
                    </div>
                    <SectionView section={difference} level={4} id="plan-diff" testid="difference" />
                </section>
            }
            <PlanEditor assessment={assessment.clone()} report={props.report.clone()} dispatch={props.dispatch.clone()} />
        </div>
    }
}
