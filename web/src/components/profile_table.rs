//! The domain profile as a table: the chart's data in text, for screen readers, print and
//! anyone who prefers numbers to pictures. Each row says the level, and what it rests on: the
//! deciding ratings, the unknowns, or the override and its reason.

use crate::text::{level_class, level_sign};
use nasss_core::render::{basis, range_label};
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileTableProps {
    pub report: Rc<Report>,
}

#[component]
pub fn ProfileTable(props: &ProfileTableProps) -> Html {
    let report = &props.report;
    let rows = report.domains.iter().map(|d| {
        let range = d.class.range;
        let (sign, class) = match range.is_exact() {
            true => (level_sign(range.best), level_class(range.best)),
            false => ("?", "level-unknown"),
        };
        html! {
            <tr data-testid={format!("profile-{}", d.domain.key())}>
                <th scope="row">{ format!("{} {}", d.domain.number(), d.title) }</th>
                <td class={classes!("level-cell", class)}>
                    <span aria-hidden="true">{ sign }</span>{ " " }{ range_label(range) }
                </td>
                <td>{ basis(&d.class, report.setting) }</td>
            </tr>
        }
    });
    html! {
        <table class="profile-table" data-testid="profile-table">
            <caption>{ "Domain profile in words" }</caption>
            <thead>
                <tr><th scope="col">{ "Domain" }</th><th scope="col">{ "Level" }</th><th scope="col">{ "Based on" }</th></tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
