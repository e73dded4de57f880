//! The social-care crosswalk in the report: for the SCIE scaling factors and the EXIT study's
//! ingredients, whether the ratings cover each one (covered / partly / not covered, in words and
//! sign), the highest level among them and the sub-domains not rated yet.

use crate::text::level_sign;
use nasss_core::crosswalk::Coverage;
use nasss_core::factor::FactorSource;
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CrosswalkTableProps {
    pub report: Rc<Report>,
    pub source: FactorSource,
}

fn coverage_sign(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Covered => "●",
        Coverage::Partly => "◐",
        Coverage::NotCovered => "○",
    }
}

fn coverage_class(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Covered => "covered",
        Coverage::Partly => "partly",
        Coverage::NotCovered => "not-covered",
    }
}

#[component]
pub fn CrosswalkTable(props: &CrosswalkTableProps) -> Html {
    let rows = props.report.factors(props.source).map(|factor| {
        let missing = match factor.missing.is_empty() {
            true => "-".to_string(),
            false => factor.missing.iter().map(|s| s.code()).collect::<Vec<_>>().join(", "),
        };
        html! {
            <tr>
                <th scope="row">
                    { factor.name.clone() }
                    <span class="factor-description">{ factor.description.clone() }</span>
                </th>
                <td class={classes!("coverage", coverage_class(factor.coverage))}>
                    <span aria-hidden="true">{ coverage_sign(factor.coverage) }</span>{ " " }{ factor.coverage.label() }
                </td>
                <td>
                    { match factor.highest {
                        Some(level) => html! { <><span aria-hidden="true">{ level_sign(level) }</span>{ " " }{ level.label() }</> },
                        None => html! { "-" },
                    } }
                </td>
                <td>{ missing }</td>
            </tr>
        }
    });
    html! {
        <table class="crosswalk" data-testid={format!("crosswalk-{:?}", props.source).to_lowercase()}>
            <caption>{ nasss_core::bank::bank().source(props.source).name.clone() }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Factor" }</th>
                    <th scope="col">{ "Coverage" }</th>
                    <th scope="col">{ "Highest level" }</th>
                    <th scope="col">{ "Not rated yet" }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
