//! One thing to rate: a whole domain (quick assessment) or a sub-domain (full assessment). A
//! fieldset whose legend names it ("2A Material features…"), with its question(s) worded for
//! the setting and framing, help, an example, the radios Simple / Complicated / Complex / Not
//! sure yet each beside its descriptor, and the notes, evidence and kind of complexity.

use crate::clock::dated;
use crate::components::choice::{Choice, ChoiceOption};
use crate::components::notes::RatingNotes;
use crate::edit::Edit;
use crate::state::Action;
use nasss_core::assessment::Rating;
use nasss_core::form::{ItemForm, EXAMPLE_LABEL, UNSURE_DESCRIPTION};
use nasss_core::model::Level;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingItemProps {
    /// The item's words, from the core, in the assessment's setting and framing.
    pub form: ItemForm,
    pub rating: Option<Rating>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn RatingItem(props: &RatingItemProps) -> Html {
    let form = &props.form;
    let item = form.item;
    let key = item.key();
    let options: Vec<ChoiceOption> = Level::ALL
        .into_iter()
        .map(|level| {
            let option = ChoiceOption::new(level.key(), level.label());
            match level.known() {
                Some(complexity) => option.described(form.descriptor(complexity).to_string()),
                None => option.described(UNSURE_DESCRIPTION),
            }
        })
        .collect();
    let selected = props
        .rating
        .as_ref()
        .and_then(|rating| Level::ALL.iter().position(|level| *level == rating.level));
    let onchoose = props.dispatch.reform(move |index: usize| {
        dated(Edit::Level {
            item,
            level: Level::ALL[index],
        })
    });
    let footer = html! {
        <RatingNotes {item} rating={props.rating.clone()} dispatch={props.dispatch.clone()} />
    };
    html! {
        <Choice
            name={format!("level-{key}")}
            legend={html! { { form.legend.clone() } }}
            {options}
            {selected}
            {onchoose}
            {footer}
            class="rating"
            testid={format!("rate-{key}")}
        >
            <div class="questions">
                { for form.questions.iter().map(|question| html! { <p class="question">{ question.clone() }</p> }) }
            </div>
            <p class="help">{ form.help.clone() }</p>
            if let Some(example) = &form.example {
                <details class="example">
                    <summary>{ EXAMPLE_LABEL }</summary>
                    <p>{ example.clone() }</p>
                </details>
            }
        </Choice>
    }
}
