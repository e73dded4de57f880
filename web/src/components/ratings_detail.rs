//! Every rating in the report, domain by domain: the level with its descriptor, the kind of
//! complexity, notes and evidence, and any override with its reason.

use nasss_core::classify::Item;
use nasss_core::render::basis;
use nasss_core::render::range_label;
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingsDetailProps {
    pub report: Rc<Report>,
}

#[component]
pub fn RatingsDetail(props: &RatingsDetailProps) -> Html {
    let report = &props.report;
    let domains = report.domains.iter().map(|domain| {
        let items = domain.items.iter().map(|item| {
            let name = match item.item {
                Item::Domain(_) => "Whole domain".to_string(),
                Item::SubDomain(sub) => format!("{sub} {}", item.title),
            };
            html! {
                <li>
                    <strong>{ format!("{name}: {}", item.level.label()) }</strong>
                    if let Some(descriptor) = &item.descriptor { <span class="descriptor">{ format!(" ({descriptor})") }</span> }
                    if let Some(kind) = item.kind { <p>{ format!("Kind of complexity: {}", kind.label()) }</p> }
                    if !item.note.is_empty() { <p class="note">{ "Note: " }{ item.note.clone() }</p> }
                    if !item.evidence.is_empty() {
                        <p>{ "Evidence:" }</p>
                        <ul>{ for item.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                    }
                </li>
            }
        });
        html! {
            <section class="domain-detail">
                <h4>{ format!("{} {}: {}", domain.domain.number(), domain.title, range_label(domain.class.range)) }</h4>
                if let Some(over) = &domain.class.overridden {
                    <p class="override in-force">
                        { format!("Set by hand to {} (the ratings give {}). Reason: {}",
                            over.level.label(), range_label(domain.class.classified).to_lowercase(), over.reason.as_str()) }
                    </p>
                }
                <p class="basis">{ format!("Based on: {}", basis(&domain.class, report.setting)) }</p>
                if domain.items.is_empty() {
                    <p>{ "Not rated yet." }</p>
                } else {
                    <ul>{ for items }</ul>
                }
            </section>
        }
    });
    html! { <div class="ratings-detail">{ for domains }</div> }
}
