//! "How to read this outlook": a disclosure holding the model card's plain-language summary
//! (`docs/model.md`, section "In plain words"), with its bold band names kept bold.

use crate::model_card::{plain_words, Span};
use yew::prelude::*;

#[component]
pub fn ModelCard() -> Html {
    let lines = plain_words().into_iter().map(|spans| {
        html! {
            <p>
                { for spans.into_iter().map(|span| match span {
                    Span::Plain(text) => html! { { text } },
                    Span::Bold(text) => html! { <strong>{ text }</strong> },
                }) }
            </p>
        }
    });
    html! {
        <details class="model-card" data-testid="how-to-read">
            <summary>{ "How to read this outlook" }</summary>
            { for lines }
        </details>
    }
}
