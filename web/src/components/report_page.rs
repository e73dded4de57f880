//! The report: a board summary that fits one printed page (context, outlook and what it means,
//! the profile chart and table, drivers, what would change it, the top strategies, the caveat),
//! then the full detail (every rating and strategy, the social-care crosswalk, the stage's
//! prompts, the outcome against the outlook). It prints with the print stylesheet and downloads
//! as Markdown rendered by `nasss_core::render`.

use crate::components::chart::ProfileChart;
use crate::components::crosswalk_table::CrosswalkTable;
use crate::components::explanation::Explanation;
use crate::components::export::ExportButton;
use crate::components::outlook::OutlookPanel;
use crate::components::profile_table::ProfileTable;
use crate::components::ratings_detail::RatingsDetail;
use crate::components::strategies::StrategyList;
use crate::download::{download, file_name};
use crate::library::display_title;
use crate::state::{Action, Message};
use nasss_core::factor::FactorSource;
use nasss_core::render::{context_lines, render, Format};
use nasss_core::setting::Framing;
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub dispatch: Callback<Action>,
}

fn comparison(report: &Report) -> Html {
    match (report.comparison, report.framing) {
        (Some(comparison), _) => {
            html! {
                <section aria-labelledby="comparison-heading" data-testid="comparison">
                    <h3 id="comparison-heading">{ "Outcome compared with the outlook" }</h3>
                    <p>{ format!("Actual outcome: {}. {}", comparison.outcome.label(), comparison.agreement.verdict()) }</p>
                </section>
            }
        }
        (None, Framing::Retrospective { outcome: None }) => html! {
            <section aria-labelledby="comparison-heading">
                <h3 id="comparison-heading">{ "Outcome compared with the outlook" }</h3>
                <p>{ "Record the actual outcome on the \"About\" page to compare it with the outlook." }</p>
            </section>
        },
        (None, _) => html! {},
    }
}

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let report = props.report.clone();
    let print = props.dispatch.reform(|_: MouseEvent| {
        let printed = web_sys::window().map(|window| window.print());
        match printed {
            Some(Ok(())) => Action::DismissMessage,
            _ => Action::Tell(Message::Error(
                "This browser could not open its print dialogue.".into(),
            )),
        }
    });
    let markdown = {
        let report = report.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let text = render(&report, Format::Markdown);
            if let Err(error) = download(&file_name(&report.title, "md"), "text/markdown", &text) {
                dispatch.emit(Action::Tell(Message::Error(format!(
                    "Download failed: {error}."
                ))));
            }
        })
    };
    html! {
        <article class="report" data-testid="report">
            <div class="report-actions no-print">
                <button type="button" class="primary" onclick={print} data-testid="print">{ "Print or save as PDF" }</button>
                <button type="button" onclick={markdown} data-testid="download-markdown">{ "Download Markdown" }</button>
                <ExportButton assessment={props.assessment.clone()} dispatch={props.dispatch.clone()} testid="export-report" />
            </div>
            <section class="board-summary" aria-labelledby="report-title">
                <h2 id="report-title">{ format!("NASSS assessment: {}", display_title(&report.title)) }</h2>
                if !report.description.is_empty() { <p class="description">{ report.description.clone() }</p> }
                <ul class="context">{ for context_lines(&report).into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                <OutlookPanel report={report.clone()} />
                <section class="profile" aria-labelledby="report-profile-heading">
                    <h3 id="report-profile-heading">{ "Domain profile" }</h3>
                    <div class="profile-pair">
                        <ProfileChart report={report.clone()} id="report-chart" />
                        <ProfileTable report={report.clone()} />
                    </div>
                </section>
                <Explanation report={report.clone()} />
                <section aria-labelledby="top-strategies-heading">
                    <h3 id="top-strategies-heading">{ "Top strategies" }</h3>
                    <StrategyList notes={report.strategies.clone()} top={Some(3)} />
                </section>
                <p class="caveat"><strong>{ "Note: " }</strong>{ report.caveat }</p>
            </section>
            <section class="report-detail" aria-labelledby="detail-heading">
                <h2 id="detail-heading">{ "Full detail" }</h2>
                <section aria-labelledby="ratings-heading">
                    <h3 id="ratings-heading">{ "Ratings in detail" }</h3>
                    <RatingsDetail report={report.clone()} />
                </section>
                <section aria-labelledby="all-strategies-heading">
                    <h3 id="all-strategies-heading">{ "All strategies" }</h3>
                    <StrategyList notes={report.strategies.clone()} />
                </section>
                <section aria-labelledby="crosswalk-heading" data-testid="crosswalk">
                    <h3 id="crosswalk-heading">{ "Social care crosswalk" }</h3>
                    <p>{ "Which social-care scaling factors and EXIT study ingredients the ratings speak to (● covered, ◐ partly covered, ○ not covered yet)." }</p>
                    <CrosswalkTable report={report.clone()} source={FactorSource::Scie} />
                    <CrosswalkTable report={report.clone()} source={FactorSource::Exit} />
                </section>
                if let Some(stage) = &report.stage {
                    <section aria-labelledby="stage-heading" data-testid="report-stage">
                        <h3 id="stage-heading">{ format!("Stage: {}", stage.name) }</h3>
                        <p>{ stage.summary.clone() }</p>
                        <p>{ "What success looks like at this stage:" }</p>
                        <ul>{ for stage.success_measures.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                    </section>
                }
                { comparison(&report) }
            </section>
        </article>
    }
}
