//! The rating page: progress, the domain list, the domains to rate (all seven in a quick
//! assessment, one at a time in a full one) and, beside them, the live results.

use crate::components::domain_nav::DomainNav;
use crate::components::domain_section::DomainSection;
use crate::components::results::Results;
use crate::state::{Action, View};
use nasss_core::assessment::Mode;
use nasss_core::model::Domain;
use nasss_core::render::phrases::{display_title, progress_line};
use nasss_core::render::Outline;
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatePageProps {
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub outline: Rc<Outline>,
    pub current: Domain,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn RatePage(props: &RatePageProps) -> Html {
    let assessment = &props.assessment;
    let progress = assessment.progress();
    let section = |domain: Domain| {
        html! {
            <DomainSection
                key={domain.key()}
                {domain}
                assessment={props.assessment.clone()}
                class={props.report.domains[domain.index()].class.clone()}
                dispatch={props.dispatch.clone()}
            />
        }
    };
    let domains = match assessment.mode {
        Mode::Quick => html! { <>{ for Domain::ALL.into_iter().map(section) }</> },
        Mode::Full => section(props.current),
    };
    let how = match assessment.mode {
        Mode::Quick => "Quick assessment: rate each of the seven domains as a whole.",
        Mode::Full => {
            "Full assessment: answer the questions for each sub-domain, one domain at a time."
        }
    };
    let to_report = props
        .dispatch
        .reform(|_: MouseEvent| Action::Show(View::Report));
    html! {
        <div class="rate-page">
            <h2>{ format!("Rate: {}", display_title(&assessment.title)) }</h2>
            <div class="rate-layout">
                <div class="rate-form">
                    <p class="how">{ how }{ " Choose \"Not sure yet\" where you do not know: it keeps the outlook honest instead of guessing." }</p>
                    <div class="progress-line">
                        <progress max={progress.expected.to_string()} value={progress.done.to_string()} aria-hidden="true"></progress>
                        <p data-testid="progress" class="progress-text">{ progress_line(progress) }</p>
                    </div>
                    <DomainNav
                        report={props.report.clone()}
                        assessment={props.assessment.clone()}
                        current={props.current}
                        dispatch={props.dispatch.clone()}
                    />
                    <form class="domains" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                        { domains }
                    </form>
                    <p><button type="button" onclick={to_report} data-testid="to-report">{ "See the report" }</button></p>
                </div>
                <Results report={props.report.clone()} outline={props.outline.clone()} />
            </div>
        </div>
    }
}
