//! The report: the core's outline laid out as a page. The summary part fits one printed page
//! for a board (the title and context, the outlook with its scale, the profile chart beside its
//! table, drivers, changes, top strategies, the outcome and the caveat); the detail part follows
//! (every rating, every strategy, the crosswalk, the stage). It prints with the print stylesheet
//! and downloads in every format the core renders, as the CLI would print it.

use crate::components::export::ExportButton;
use crate::components::outline_view::SectionView;
use crate::components::outlook::OutlookPanel;
use crate::components::profile::Profile;
use crate::download::download;
use crate::state::{Action, Message};
use nasss_core::render::{file_name, render, Format, Outline, PartKind, Section, SectionKind};
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub outline: Rc<Outline>,
    pub dispatch: Callback<Action>,
}

/// The level of a section's heading on the page: the title is `<h2>`, a part `<h3>`.
const SECTION_LEVEL: u8 = 4;

// Every other section, including any the core adds later, is laid out generically: that is
// how a new report section reaches the page without web code of its own.
#[allow(clippy::wildcard_enum_match_arm)]
fn section_view(report: &Rc<Report>, section: &Section) -> Html {
    let kind = section.kind;
    match kind {
        SectionKind::Outlook => html! {
            <OutlookPanel report={report.clone()} section={section.clone()} level={SECTION_LEVEL} />
        },
        SectionKind::Profile => html! {
            <Profile report={report.clone()} section={section.clone()} id="report" level={SECTION_LEVEL} />
        },
        _ => html! {
            <SectionView
                section={section.clone()}
                level={SECTION_LEVEL}
                id={format!("report-{}", kind.key())}
                testid={kind.key()}
            />
        },
    }
}

/// What a download button offers: the report in one format, named after the assessment.
fn download_button(report: &Rc<Report>, format: Format, dispatch: &Callback<Action>) -> Html {
    let onclick = {
        let report = report.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let text = render(&report, format);
            let name = file_name(&report.title, format.extension());
            if let Err(error) = download(&name, format.media_type(), &text) {
                dispatch.emit(Action::Tell(Message::Error(format!(
                    "Download failed: {error}."
                ))));
            }
        })
    };
    html! {
        <button type="button" {onclick} data-testid={format!("download-{}", format.key())}>
            { format!("Download {}", format.label()) }
        </button>
    }
}

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let report = &props.report;
    let outline = &props.outline;
    let print = props.dispatch.reform(|_: MouseEvent| {
        let printed = web_sys::window().map(|window| window.print());
        match printed {
            Some(Ok(())) => Action::DismissMessage,
            _ => Action::Tell(Message::Error(
                "This browser could not open its print dialogue.".into(),
            )),
        }
    });
    let head = html! {
        <>
            <h2 id="report-title">{ outline.title.clone() }</h2>
            if let Some(description) = &outline.description { <p class="description">{ description.clone() }</p> }
            <ul class="context">{ for outline.context.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ul>
        </>
    };
    let parts = outline.parts.iter().enumerate().map(|(index, part)| {
        let (class, id) = match part.kind {
            PartKind::Summary => ("board-summary", "summary-heading"),
            PartKind::Detail => ("report-detail", "detail-heading"),
        };
        html! {
            <section class={class} aria-labelledby={id}>
                if index == 0 { { head.clone() } }
                <h3 id={id}>{ part.heading.clone() }</h3>
                { for part.sections.iter().map(|section| section_view(report, section)) }
            </section>
        }
    });
    html! {
        <article class="report" data-testid="report">
            <div class="report-actions no-print">
                <button type="button" class="primary" onclick={print} data-testid="print">{ "Print or save as PDF" }</button>
                { for Format::ALL.into_iter().map(|format| download_button(report, format, &props.dispatch)) }
                <ExportButton assessment={props.assessment.clone()} dispatch={props.dispatch.clone()} testid="export-report" />
            </div>
            { for parts }
        </article>
    }
}
