//! The mainstreaming outlook: the band in words (or "Uncertain: between X and Y" with the
//! unknowns to find out first), what it means, its place on the five-band scale, and the model
//! card's plain-language guide to reading it. The band text sits in a polite live region so a
//! screen reader hears it change as ratings change.

use crate::components::model_card::ModelCard;
use crate::text::band_class;
use nasss_core::report::domain_title;
use nasss_core::{Band, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlookPanelProps {
    pub report: Rc<Report>,
}

/// The outlook in a few words: "Likely", or "Uncertain: between Likely and Very unlikely".
pub fn headline(report: &Report) -> String {
    let outlook = &report.outlook;
    match outlook.is_uncertain() {
        false => outlook.best.label().to_string(),
        true => format!(
            "Uncertain: between {} and {}",
            outlook.best.label(),
            outlook.worst.label()
        ),
    }
}

#[component]
pub fn OutlookPanel(props: &OutlookPanelProps) -> Html {
    let report = &props.report;
    let outlook = &report.outlook;
    let meaning = match outlook.is_uncertain() {
        false => outlook.best.meaning().to_string(),
        true => format!(
            "Some answers are still \"not sure yet\". If they all prove simple the outlook is {}; \
             if they all prove complex it is {}.",
            outlook.best.label().to_lowercase(),
            outlook.worst.label().to_lowercase()
        ),
    };
    let scale = Band::ALL.into_iter().map(|band| {
        let in_range = (outlook.best..=outlook.worst).contains(&band);
        let note = match (
            outlook.is_uncertain(),
            band == outlook.best,
            band == outlook.worst,
        ) {
            (false, true, _) => " ◀ this outlook",
            (true, true, _) => " ◀ best case",
            (true, _, true) => " ◀ worst case",
            _ => "",
        };
        html! {
            <li class={classes!(band_class(band), in_range.then_some("in-range"))}>
                { band.label() }
                if !note.is_empty() { <strong>{ note }</strong> }
            </li>
        }
    });
    let pivots = outlook.pivotal.iter().map(|pivot| {
        html! {
            <li>
                { domain_title(pivot.domain, report.setting) }
                { format!(": if it proves complex, the outlook would be {}", pivot.band_if_worst.label().to_lowercase()) }
            </li>
        }
    });
    html! {
        <section
            class={classes!("outlook", band_class(outlook.best), outlook.is_uncertain().then_some("uncertain"))}
            data-testid="outlook"
            data-band={outlook.key()}
            aria-labelledby="outlook-heading"
        >
            <h3 id="outlook-heading">{ "Mainstreaming outlook" }</h3>
            <div aria-live="polite" aria-atomic="true">
                <p class="band-headline" data-testid="outlook-band">{ headline(report) }</p>
                <p class="band-meaning">{ meaning }</p>
            </div>
            <ol class="band-scale" aria-label="The five bands, best to worst">{ for scale }</ol>
            if outlook.is_uncertain() {
                <p class="pivot-intro">{ "Find out first (the unknowns that matter most):" }</p>
                <ol class="pivots" data-testid="pivotal">{ for pivots }</ol>
            }
            <ModelCard />
        </section>
    }
}
