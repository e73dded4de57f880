//! The live results beside the rating form: the outline's outlook, profile, drivers, changes
//! and strategies (folded), updated as each rating changes.

use crate::components::outline_view::SectionView;
use crate::components::outlook::OutlookPanel;
use crate::components::profile::Profile;
use nasss_core::render::{Outline, SectionKind};
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub report: Rc<Report>,
    pub outline: Rc<Outline>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let report = props.report.clone();
    let section = |kind: SectionKind| props.outline.section(kind).cloned();
    let plain = |kind: SectionKind, folded: bool| match section(kind) {
        Some(section) => html! {
            <SectionView {section} level={3} id={format!("live-{}", kind.key())} {folded} testid={kind.key()} />
        },
        None => html! {},
    };
    html! {
        <aside class="results" aria-label="Live results" data-testid="results">
            if let Some(section) = section(SectionKind::Outlook) {
                <OutlookPanel report={report.clone()} {section} />
            }
            if let Some(section) = section(SectionKind::Profile) {
                <Profile report={report.clone()} {section} id="live" />
            }
            { plain(SectionKind::Drivers, false) }
            { plain(SectionKind::Changes, false) }
            { plain(SectionKind::Strategies, true) }
        </aside>
    }
}
