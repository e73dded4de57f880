//! "Compare": saved assessments side by side (each domain's level, the outlook and its range,
//! open next steps), chosen by tick box and sorted by outlook either way, printable; with CSV
//! export of the chosen ones and CSV import. The table is the core's `side_by_side` section.

use crate::clock::today;
use crate::components::choice::{Choice, ChoiceOption};
use crate::components::csv_transfer::{CsvExport, CsvImport};
use crate::components::outline_view::SectionView;
use crate::library::{EntryId, Library};
use crate::state::Action;
use nasss_core::render::phrases::display_title;
use nasss_core::render::{side_by_side, CompareOrder};
use nasss_core::Assessment;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub library: Rc<Library>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    // Those left out; every saved assessment is in the comparison until unticked.
    let left_out = use_state(BTreeSet::<EntryId>::new);
    let order = use_state(CompareOrder::default);
    let entries = &props.library.entries;
    let chosen: Vec<&Assessment> = entries
        .iter()
        .filter(|e| !left_out.contains(&e.id))
        .map(|e| &e.assessment)
        .collect();
    let now = today();
    let (section, sorted) = side_by_side(&chosen, *order, Some(&now));
    let row_testids: Vec<AttrValue> = sorted
        .iter()
        .map(|index| AttrValue::from(format!("compare-row-{index}")))
        .collect();
    let ticks = entries.iter().map(|entry| {
        let id = entry.id;
        let n = id.0;
        let onchange = {
            let left_out = left_out.clone();
            Callback::from(move |_: Event| {
                let mut next = (*left_out).clone();
                if !next.remove(&id) {
                    next.insert(id);
                }
                left_out.set(next);
            })
        };
        html! {
            <li>
                <label>
                    <input type="checkbox" checked={!left_out.contains(&id)} {onchange} data-testid={format!("compare-pick-{n}")} />
                    { display_title(&entry.assessment.title).to_string() }
                </label>
            </li>
        }
    });
    let options: Vec<ChoiceOption> = CompareOrder::ALL
        .iter()
        .map(|o| ChoiceOption::new(o.key(), o.label()))
        .collect();
    let selected = CompareOrder::ALL.iter().position(|o| *o == *order);
    let onchoose = {
        let order = order.clone();
        Callback::from(move |index: usize| order.set(CompareOrder::ALL[index]))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let export: Vec<Assessment> = chosen.iter().map(|a| (*a).clone()).collect();
    html! {
        <div class="compare-page">
            <h2>{ "Compare saved assessments" }</h2>
            <div class="no-print">
                <fieldset class="compare-picks" data-testid="compare-picks">
                    <legend>{ "Assessments to compare" }</legend>
                    <ul>{ for ticks }</ul>
                </fieldset>
                <Choice name="compare-order" legend={html! { { "Sort by" } }} {options} {selected} {onchoose} testid="compare-order" />
                <p>
                    <button type="button" onclick={print} data-testid="print-compare">{ "Print" }</button>
                    { " " }
                    <CsvExport assessments={export} dispatch={props.dispatch.clone()} />
                </p>
                <CsvImport dispatch={props.dispatch.clone()} />
            </div>
            <SectionView section={section} level={3} id="compare" testid="side-by-side" table_testid="compare-table" {row_testids} />
        </div>
    }
}
