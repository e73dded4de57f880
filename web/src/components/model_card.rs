//! "How to read this outlook": a disclosure holding the model card's plain-language summary
//! (`nasss_core::model_card`, from `docs/model.md`), with its bold band names kept bold.

use nasss_core::model_card::{plain_words, Span, HOW_TO_READ};
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
            <summary>{ HOW_TO_READ }</summary>
            { for lines }
        </details>
    }
}
