//! The domain profile as a chart the app draws itself in inline SVG: one row per domain, the
//! level shown by position (simple, complicated, complex from left to right), by shape (circle,
//! diamond, triangle) and by colour; a domain still "not sure yet" is a hatched bar over its
//! range. The same data is in the table beside it, and in the chart's own text description.

use crate::signs::level_class;
use nasss_core::classify::Range;
use nasss_core::model::Complexity;
use nasss_core::render::phrases::{numbered_short_title, range_label};
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileChartProps {
    pub report: Rc<Report>,
    /// Makes the ids inside this chart unique on the page.
    pub id: AttrValue,
    /// The chart's accessible name: the profile section's heading.
    pub title: AttrValue,
}

const WIDTH: f64 = 440.0;
const TOP: f64 = 40.0;
const ROW: f64 = 30.0;
const AXIS_START: f64 = 200.0;
const STEP: f64 = 100.0;

fn x_of(level: Complexity) -> f64 {
    AXIS_START
        + STEP
            * match level {
                Complexity::Simple => 0.0,
                Complexity::Complicated => 1.0,
                Complexity::Complex => 2.0,
            }
}

/// The marker for a level at (x, y): circle, diamond or triangle.
fn marker(level: Complexity, x: f64, y: f64, class: &'static str) -> Html {
    let class = classes!("mark", level_class(level), class);
    match level {
        Complexity::Simple => {
            html! { <circle {class} cx={x.to_string()} cy={y.to_string()} r="7" /> }
        }
        Complexity::Complicated => html! {
            <path {class} d={format!("M {x} {} L {} {y} L {x} {} L {} {y} Z", y - 8.0, x + 8.0, y + 8.0, x - 8.0)} />
        },
        Complexity::Complex => html! {
            <path {class} d={format!("M {x} {} L {} {} L {} {} Z", y - 8.0, x + 8.0, y + 7.0, x - 8.0, y + 7.0)} />
        },
    }
}

#[component]
pub fn ProfileChart(props: &ProfileChartProps) -> Html {
    let report = &props.report;
    let height = TOP + ROW * report.domains.len() as f64 + 8.0;
    let hatch = format!("{}-hatch", props.id);
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let description: Vec<String> = report
        .domains
        .iter()
        .map(|d| {
            format!(
                "{}: {}",
                numbered_short_title(d),
                range_label(d.class.range)
            )
        })
        .collect();
    let columns = Complexity::ALL.into_iter().map(|level| {
        let x = x_of(level);
        html! {
            <>
                <line class="gridline" x1={x.to_string()} x2={x.to_string()} y1={(TOP - 14.0).to_string()} y2={(height - 6.0).to_string()} />
                <text class="column-label" x={x.to_string()} y="16" text-anchor="middle">{ level.label() }</text>
            </>
        }
    });
    let rows = report.domains.iter().enumerate().map(|(index, d)| {
        let y = TOP + ROW * index as f64 + ROW / 2.0 - 6.0;
        let Range { best, worst } = d.class.range;
        let label = numbered_short_title(d);
        let overridden = d.class.overridden.is_some();
        let shape = match best == worst {
            true => html! {
                <>
                    <line class="stem" x1={AXIS_START.to_string()} x2={x_of(best).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    if overridden {
                        <circle class="override-ring" cx={x_of(best).to_string()} cy={y.to_string()} r="12" />
                    }
                    { marker(best, x_of(best), y, "") }
                </>
            },
            false => html! {
                <>
                    <rect
                        class="range"
                        x={(x_of(best) - 6.0).to_string()}
                        y={(y - 7.0).to_string()}
                        width={(x_of(worst) - x_of(best) + 12.0).to_string()}
                        height="14"
                        rx="7"
                        fill={format!("url(#{hatch})")}
                    />
                    { marker(best, x_of(best), y, "hollow") }
                    { marker(worst, x_of(worst), y, "hollow") }
                </>
            },
        };
        html! {
            <g class="row">
                <text class="row-label" x="4" y={(y + 5.0).to_string()}>{ label }</text>
                { shape }
            </g>
        }
    });
    html! {
        <svg
            class="profile-chart"
            viewBox={format!("0 0 {WIDTH} {height}")}
            role="img"
            aria-labelledby={format!("{title_id} {desc_id}")}
            data-testid="profile-chart"
        >
            <title id={title_id}>{ props.title.clone() }</title>
            <desc id={desc_id}>{ description.join("; ") }</desc>
            <defs>
                <pattern id={hatch.clone()} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="hatch" width="2" height="6" />
                </pattern>
            </defs>
            { for columns }
            { for rows }
        </svg>
    }
}
