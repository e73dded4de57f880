//! One thing to rate: a whole domain (quick assessment) or a sub-domain (full assessment). A
//! fieldset whose legend names it ("2A Material features…"), with its question(s) worded for
//! the setting and framing, help, an example, the radios Simple / Complicated / Complex / Not
//! sure yet each beside its descriptor, and the notes, evidence and kind of complexity.

use crate::clock::dated;
use crate::components::choice::{Choice, ChoiceOption};
use crate::components::notes::RatingNotes;
use crate::state::{Action, Edit};
use nasss_core::assessment::Rating;
use nasss_core::bank::{bank, Descriptors, Question, Text};
use nasss_core::classify::Item;
use nasss_core::model::Level;
use nasss_core::setting::Setting;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingItemProps {
    pub item: Item,
    pub setting: Setting,
    pub retrospective: bool,
    pub rating: Option<Rating>,
    pub dispatch: Callback<Action>,
}

/// The key of an item in ids and test hooks: a domain key or a sub-domain code.
pub fn item_key(item: Item) -> String {
    match item {
        Item::Domain(domain) => domain.key().to_string(),
        Item::SubDomain(sub_domain) => sub_domain.code().to_string(),
    }
}

#[component]
pub fn RatingItem(props: &RatingItemProps) -> Html {
    let setting = props.setting;
    let item = props.item;
    let key = item_key(item);
    let (legend, questions, help, example, descriptors): (
        String,
        Vec<&Text>,
        &Text,
        Option<&Text>,
        &Descriptors,
    ) = match item {
        Item::Domain(domain) => {
            let content = bank().domain(domain);
            let question = match props.retrospective {
                true => &content.retrospective,
                false => &content.prospective,
            };
            (
                format!("{} {}", domain.number(), content.title.render(setting)),
                vec![question],
                &content.summary,
                None,
                &content.descriptors,
            )
        }
        Item::SubDomain(sub_domain) => {
            let content = bank().sub_domain(sub_domain);
            let pick = |question: &'static Question| match props.retrospective {
                true => &question.retrospective,
                false => &question.prospective,
            };
            (
                format!("{} {}", sub_domain.code(), content.title.render(setting)),
                content.questions.iter().map(pick).collect(),
                &content.help,
                Some(&content.example),
                &content.descriptors,
            )
        }
    };
    let options: Vec<ChoiceOption> = Level::ALL
        .into_iter()
        .map(|level| {
            let option = ChoiceOption::new(level.key(), level.label());
            match level.known() {
                Some(complexity) => option.described(descriptors.get(complexity).render(setting)),
                None => option.described(
                    "Counts as a range from simple to complex until you know more; the results \
                     show which unknowns matter most.",
                ),
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
            legend={html! { { legend } }}
            {options}
            {selected}
            {onchoose}
            {footer}
            class="rating"
            testid={format!("rate-{key}")}
        >
            <div class="questions">
                { for questions.iter().map(|question| html! { <p class="question">{ question.render(setting) }</p> }) }
            </div>
            <p class="help">{ help.render(setting) }</p>
            if let Some(example) = example {
                <details class="example">
                    <summary>{ "Example of a complex answer" }</summary>
                    <p>{ example.render(setting) }</p>
                </details>
            }
        </Choice>
    }
}
