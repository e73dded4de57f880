//! The live results beside the rating form, recomputed from the assessment on every change:
//! the outlook, the domain profile (chart and table), what drives it, what would change it, and
//! the strategies.

use crate::components::chart::ProfileChart;
use crate::components::explanation::Explanation;
use crate::components::outlook::OutlookPanel;
use crate::components::profile_table::ProfileTable;
use crate::components::strategies::StrategyList;
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub report: Rc<Report>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let report = props.report.clone();
    html! {
        <aside class="results" aria-label="Live results" data-testid="results">
            <OutlookPanel report={report.clone()} />
            <section class="profile" aria-labelledby="profile-heading">
                <h3 id="profile-heading">{ "Domain profile" }</h3>
                <div class="profile-pair">
                    <ProfileChart report={report.clone()} id="live-chart" />
                    <ProfileTable report={report.clone()} />
                </div>
            </section>
            <Explanation report={report.clone()} />
            <section class="strategies-section" aria-labelledby="strategies-heading">
                <h3 id="strategies-heading">{ "Strategies to consider" }</h3>
                <StrategyList notes={report.strategies.clone()} folded=true />
            </section>
        </aside>
    }
}
