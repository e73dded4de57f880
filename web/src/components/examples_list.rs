//! The built-in worked examples and published cases (`nasss_core::examples`), each with its
//! kind, title and, for a case, the recorded outcome. Opening one adds a saved copy, so the
//! original is always there to go back to.

use crate::clock::today;
use crate::state::Action;
use nasss_core::examples::{examples, ExampleKind};
use nasss_core::setting::Framing;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExamplesListProps {
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ExamplesList(props: &ExamplesListProps) -> Html {
    let items = examples().map(|example| {
        let assessment = example.assessment();
        let kind = match example.kind {
            ExampleKind::Worked => "Worked example",
            ExampleKind::Case => "Published case",
        };
        let outcome = match assessment.framing {
            Framing::Retrospective { outcome: Some(outcome) } => Some(format!("Outcome: {}", outcome.label())),
            Framing::Retrospective { outcome: None } => Some("Outcome: not recorded".to_string()),
            Framing::Prospective => None,
        };
        let outcome = outcome.filter(|_| example.kind == ExampleKind::Case);
        let title = assessment.title.clone();
        let onclick = {
            let assessment = assessment.clone();
            props.dispatch.reform(move |_: MouseEvent| Action::OpenExample {
                assessment: Box::new(assessment.clone()),
                today: today(),
            })
        };
        html! {
            <li class="example-item" data-testid={format!("example-{}", example.id)}>
                <span class="example-kind">{ kind }</span>
                <span class="example-title">{ title.clone() }</span>
                if let Some(outcome) = outcome { <span class="example-outcome">{ outcome }</span> }
                <button type="button" {onclick} data-testid={format!("open-example-{}", example.id)}>
                    { "Open a copy" }<span class="visually-hidden">{ format!(" of {title}") }</span>
                </button>
            </li>
        }
    });
    html! { <ul class="examples-list">{ for items }</ul> }
}
