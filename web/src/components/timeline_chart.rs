//! The timeline as a chart: one column per snapshot and now, the outlook's band on the vertical
//! axis (best at the top), a bar from the best to the worst case where unknowns leave a range and
//! a line through the worst cases. The same data is the table of the core's timeline section,
//! shown beside it; the chart is hidden from screen readers, which read the table.

use nasss_core::history::Moment;
use nasss_core::outlook::Band;
use nasss_core::render::phrases::headline;
use nasss_core::render::plan_phrases::NOW;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    pub moments: Vec<Moment>,
}

const ROW: f64 = 28.0;
const LEFT: f64 = 110.0;
const COLUMN: f64 = 120.0;
const TOP: f64 = 16.0;

fn y(band: Band) -> f64 {
    TOP + f64::from(band.rank()) * ROW
}

#[component]
pub fn TimelineChart(props: &TimelineChartProps) -> Html {
    let moments = &props.moments;
    let width = LEFT + COLUMN * moments.len() as f64;
    let height = TOP * 2.0 + ROW * 4.0 + 40.0;
    let x = |index: usize| LEFT + COLUMN * index as f64 + COLUMN / 2.0;
    let bands = Band::ALL.iter().map(|band| {
        html! {
            <g>
                <line x1={LEFT.to_string()} x2={width.to_string()} y1={y(*band).to_string()} y2={y(*band).to_string()} class="grid" />
                <text x="4" y={(y(*band) + 4.0).to_string()} class="axis">{ band.label() }</text>
            </g>
        }
    });
    let points: Vec<String> = moments
        .iter()
        .enumerate()
        .map(|(index, moment)| format!("{},{}", x(index), y(moment.outlook.worst)))
        .collect();
    let marks = moments.iter().enumerate().map(|(index, moment)| {
        let (best, worst) = (y(moment.outlook.best), y(moment.outlook.worst));
        let label = moment.name.clone().unwrap_or_else(|| NOW.to_string());
        html! {
            <g data-testid="timeline-point" data-band={moment.outlook.key()}>
                <title>{ format!("{label}: {}", headline(&moment.outlook)) }</title>
                <line x1={x(index).to_string()} x2={x(index).to_string()} y1={best.to_string()} y2={worst.to_string()} class="range" />
                <circle cx={x(index).to_string()} cy={worst.to_string()} r="5" class={classes!("band", moment.outlook.worst.key())} />
                <text x={x(index).to_string()} y={(height - 12.0).to_string()} text-anchor="middle" class="axis">{ label }</text>
            </g>
        }
    });
    html! {
        <svg class="timeline-chart" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
            aria-hidden="true" focusable="false" data-testid="timeline-chart">
            { for bands }
            <polyline points={points.join(" ")} class="trend" fill="none" />
            { for marks }
        </svg>
    }
}
