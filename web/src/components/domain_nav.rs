//! The list of the seven domains beside the rating form, each with its current level in words
//! and sign, to move between them freely. In a quick assessment all domains are on the page and
//! the items are links to them; in a full one they switch the domain shown.

use crate::signs::{level_class, level_sign};
use crate::state::Action;
use nasss_core::assessment::Mode;
use nasss_core::model::Domain;
use nasss_core::render::phrases::{numbered_short_title, range_short};
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DomainNavProps {
    pub report: Rc<Report>,
    pub assessment: Rc<Assessment>,
    pub current: Domain,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn DomainNav(props: &DomainNavProps) -> Html {
    let mode = props.assessment.mode;
    let items = props.report.domains.iter().map(|domain_report| {
        let domain = domain_report.domain;
        let range = domain_report.class.range;
        let has_input = props.assessment.has_input_for(domain);
        let level = range_short(range, has_input);
        let sign = match range.is_exact() && has_input {
            true => level_sign(range.best),
            false => "?",
        };
        let class = match range.is_exact() {
            true => level_class(range.best),
            false => "level-unknown",
        };
        let label = html! {
            <>
                <span class="nav-title" title={domain_report.title.clone()}>{ numbered_short_title(domain_report) }</span>
                <span class={classes!("nav-level", class)}>
                    <span aria-hidden="true">{ sign }</span>{ " " }{ level }
                </span>
            </>
        };
        let testid = format!("nav-{}", domain.key());
        let current = props.current == domain;
        let item = match mode {
            Mode::Quick => html! {
                <a href={format!("#domain-{}", domain.key())} data-testid={testid}>{ label }</a>
            },
            Mode::Full => {
                let onclick = props.dispatch.reform(move |_: MouseEvent| Action::ShowDomain(domain));
                html! {
                    <button
                        type="button"
                        {onclick}
                        data-testid={testid}
                        aria-current={current.then_some("step")}
                    >
                        { label }
                    </button>
                }
            }
        };
        html! { <li class={classes!((current && mode == Mode::Full).then_some("current"))}>{ item }</li> }
    });
    html! {
        <nav class="domain-nav" aria-label="Domains">
            <ol>{ for items }</ol>
        </nav>
    }
}
