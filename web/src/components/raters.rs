//! Who is rating: the people who made the ratings, each with a name and an optional role or
//! perspective, shown in the report as "Rated by: …". Every change is an [`Edit`] through the
//! reducer, so it is saved like any other.

use crate::clock::dated;
use crate::edit::Edit;
use crate::state::Action;
use nasss_core::assessment::{Rater, RaterId};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatersProps {
    pub raters: Vec<Rater>,
    pub dispatch: Callback<Action>,
}

/// The id of the "Add a rater" button, where focus goes after a rater is removed.
const ADD_ID: &str = "add-rater";

/// The id of the name box of the rater at `index` (counting from 0).
fn name_id(index: usize) -> String {
    format!("rater-name-{}", index + 1)
}

#[component]
pub fn Raters(props: &RatersProps) -> Html {
    // Where keyboard focus goes once the list has re-rendered: the new rater's name box after
    // adding, the "Add a rater" button after removing (the removed button has gone).
    let focus_next = use_mut_ref(|| None::<String>);
    let announcement = use_state(String::new);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            let Some(id) = focus_next.borrow_mut().take() else {
                return;
            };
            let found = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id(&id));
            if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
        });
    }

    let on_add = {
        let focus_next = focus_next.clone();
        let announcement = announcement.clone();
        let next = props.raters.len();
        props.dispatch.reform(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(name_id(next));
            announcement.set(String::new());
            dated(Edit::AddRater)
        })
    };
    let on_remove = {
        let announcement = announcement.clone();
        let raters = props.raters.clone();
        props.dispatch.reform(move |id: RaterId| {
            *focus_next.borrow_mut() = Some(ADD_ID.to_string());
            let who = raters
                .iter()
                .enumerate()
                .find(|(_, rater)| rater.id == id)
                .map(|(index, rater)| rater_name(rater, index))
                .unwrap_or_default();
            announcement.set(format!("Removed {who}."));
            dated(Edit::RemoveRater(id))
        })
    };

    html! {
        <fieldset class="raters" data-testid="raters">
            <legend>{ "Who is rating" }</legend>
            <p class="help">{ "The people making the ratings, so readers of the report know whose view it is. A mix of perspectives gives a fuller picture." }</p>
            if props.raters.is_empty() {
                <p data-testid="no-raters">{ "No one recorded yet." }</p>
            }
            { for props.raters.iter().enumerate().map(|(index, rater)| html! {
                <RaterRow key={rater.id.0} {index} rater={rater.clone()}
                    dispatch={props.dispatch.clone()} on_remove={on_remove.clone()} />
            }) }
            <p><button type="button" id={ADD_ID} onclick={on_add} data-testid="add-rater">{ "Add a rater" }</button></p>
            <p class="visually-hidden" role="status" data-testid="raters-status">{ (*announcement).clone() }</p>
        </fieldset>
    }
}

/// How a rater is named to a screen reader: their name, or "rater 2" before one is typed.
fn rater_name(rater: &Rater, index: usize) -> String {
    match rater.name.trim() {
        "" => format!("rater {}", index + 1),
        name => name.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct RaterRowProps {
    index: usize,
    rater: Rater,
    dispatch: Callback<Action>,
    on_remove: Callback<RaterId>,
}

/// What a text box shows: the text as typed while it trims to what is stored (so a space typed
/// between two words is not taken away before the next word), otherwise what is stored.
fn shown(typed: &RefCell<String>, stored: &str) -> String {
    let typed = typed.borrow();
    if typed.trim() == stored {
        typed.clone()
    } else {
        stored.to_string()
    }
}

#[component]
fn RaterRow(props: &RaterRowProps) -> Html {
    let index = props.index;
    let number = index + 1;
    let id = props.rater.id;
    let typed_name: Rc<RefCell<String>> = use_mut_ref(String::new);
    let typed_role: Rc<RefCell<String>> = use_mut_ref(String::new);

    let on_name = {
        let typed_name = typed_name.clone();
        props.dispatch.reform(move |event: InputEvent| {
            let name = event.target_unchecked_into::<HtmlInputElement>().value();
            typed_name.replace(name.clone());
            dated(Edit::RaterName { rater: id, name })
        })
    };
    let on_role = {
        let typed_role = typed_role.clone();
        props.dispatch.reform(move |event: InputEvent| {
            let role = event.target_unchecked_into::<HtmlInputElement>().value();
            typed_role.replace(role.clone());
            dated(Edit::RaterRole { rater: id, role })
        })
    };
    let on_remove = props.on_remove.reform(move |_: MouseEvent| id);

    let name_value = shown(&typed_name, &props.rater.name);
    let role_value = shown(&typed_role, props.rater.role.as_deref().unwrap_or(""));
    let role_id = format!("rater-role-{number}");
    let role_hint = format!("rater-role-hint-{number}");
    html! {
        <fieldset class="rater" data-testid={format!("rater-{number}")}>
            <legend>{ format!("Rater {number}") }</legend>
            <div class="field">
                <label for={name_id(index)}>{ "Name" }</label>
                <input id={name_id(index)} type="text" value={name_value} oninput={on_name}
                    autocomplete="off" data-testid={format!("rater-name-{number}")} />
            </div>
            <div class="field">
                <label for={role_id.clone()}>{ "Role or perspective (optional)" }</label>
                <p class="help" id={role_hint.clone()}>{ "For example: service manager, family carer" }</p>
                <input id={role_id} type="text" value={role_value} oninput={on_role}
                    aria-describedby={role_hint} autocomplete="off"
                    data-testid={format!("rater-role-{number}")} />
            </div>
            <p>
                <button type="button" onclick={on_remove} data-testid={format!("remove-rater-{number}")}>
                    { "Remove" }<span class="visually-hidden">{ format!(" {}", rater_name(&props.rater, index)) }</span>
                </button>
            </p>
        </fieldset>
    }
}
