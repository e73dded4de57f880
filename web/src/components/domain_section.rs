//! One domain on the rating page. In a quick assessment: the domain's own question and the
//! override. In a full assessment: the domain's heading and summary, a fieldset per sub-domain,
//! the override, and buttons to the previous and next domain.

use crate::components::override_form::OverrideForm;
use crate::components::rating::RatingItem;
use crate::state::Action;
use nasss_core::assessment::Mode;
use nasss_core::classify::DomainClass;
use nasss_core::form::{domain_intro, item_form, step_label};
use nasss_core::model::{Domain, Item};
use nasss_core::Assessment;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DomainSectionProps {
    pub domain: Domain,
    pub assessment: Rc<Assessment>,
    pub class: DomainClass,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn DomainSection(props: &DomainSectionProps) -> Html {
    let assessment = &props.assessment;
    let setting = assessment.setting;
    let domain = props.domain;
    let intro = domain_intro(domain, setting);
    let title = intro.title.clone();
    let rate = |item: Item| {
        html! {
            <RatingItem
                key={item.key()}
                form={item_form(assessment, item)}
                rating={assessment.rating(item).cloned()}
                dispatch={props.dispatch.clone()}
            />
        }
    };
    let override_form = html! {
        <OverrideForm class={props.class.clone()} title={title.clone()} dispatch={props.dispatch.clone()} />
    };
    match assessment.mode {
        Mode::Quick => html! {
            <section class="domain quick" id={format!("domain-{}", domain.key())} data-testid={format!("domain-{}", domain.key())}>
                { rate(Item::Domain(domain)) }
                { override_form }
            </section>
        },
        Mode::Full => {
            let step = |target: Option<Domain>, label: &'static str| match target {
                Some(target) => {
                    let onclick = props
                        .dispatch
                        .reform(move |_: MouseEvent| Action::ShowDomain(target));
                    html! {
                        <button type="button" {onclick} data-testid={format!("step-{}", label.to_lowercase())}>
                            { step_label(label, target, setting) }
                        </button>
                    }
                }
                None => html! {},
            };
            let index = domain.index();
            let previous = index.checked_sub(1).map(|i| Domain::ALL[i]);
            let next = Domain::ALL.get(index + 1).copied();
            html! {
                <section class="domain full" id={format!("domain-{}", domain.key())} data-testid={format!("domain-{}", domain.key())} aria-labelledby="domain-heading">
                    <h3 id="domain-heading" tabindex="-1">{ intro.heading.clone() }</h3>
                    <p class="help">{ intro.summary.clone() }</p>
                    { for domain.sub_domains().map(|sub| rate(Item::SubDomain(sub))) }
                    { override_form }
                    <div class="steps">
                        { step(previous, "Previous") }
                        { step(next, "Next") }
                    </div>
                </section>
            }
        }
    }
}
