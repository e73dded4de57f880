//! Why the outlook is what it is: the domains that drive it, and what would change it (the
//! smallest reductions in domain levels that move it up a band), in sentences.

use nasss_core::report::domain_title;
use nasss_core::setting::Setting;
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub report: Rc<Report>,
}

/// A title as it reads inside a sentence: "The adopter system" becomes "the adopter system".
pub fn in_sentence(domain: nasss_core::model::Domain, setting: Setting) -> String {
    let title = domain_title(domain, setting);
    match title.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => title,
    }
}

#[component]
pub fn Explanation(props: &ExplanationProps) -> Html {
    let report = &props.report;
    let setting = report.setting;
    let drivers = match report.drivers.is_empty() {
        true => html! { <p>{ "No domain is rated complicated or complex." }</p> },
        false => html! {
            <ul>
                { for report.drivers.iter().map(|&domain| {
                    let level = report.range(domain).best;
                    html! { <li>{ format!("{} {}: {}", domain.number(), domain_title(domain, setting), level.label()) }</li> }
                }) }
            </ul>
        },
    };
    let changes = match report.changes.is_empty() {
        true => html! { <p>{ "The ratings already give the best band." }</p> },
        false => html! {
            <ul>
                { for report.changes.iter().map(|change| {
                    let moves: Vec<String> = change.moves.iter().map(|m| format!(
                        "{} from {} to {}", in_sentence(m.domain, setting), m.from, m.to
                    )).collect();
                    html! {
                        <li>{ format!("Reduce {}: the outlook becomes {}.", moves.join(" and "), change.band.label().to_lowercase()) }</li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <>
            <section class="drivers" data-testid="drivers" aria-labelledby="drivers-heading">
                <h3 id="drivers-heading">{ "What drives it" }</h3>
                { drivers }
            </section>
            <section class="changes" data-testid="changes" aria-labelledby="changes-heading">
                <h3 id="changes-heading">{ "What would change it" }</h3>
                { changes }
            </section>
        </>
    }
}
