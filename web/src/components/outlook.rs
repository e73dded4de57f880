//! The mainstreaming outlook: the band in a few words ("Likely", or "Uncertain: between X and
//! Y"), the outline's outlook section (what it means, the unknowns to find out first), its place
//! on the five-band scale, and the model card's guide to reading it. The band text sits in a
//! polite live region so a screen reader hears it change as ratings change.

use crate::components::model_card::ModelCard;
use crate::components::outline_view::heading;
use crate::signs::band_class;
use nasss_core::render::phrases::{self, SCALE_LABEL};
use nasss_core::render::{Block, Section};
use nasss_core::{Band, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutlookPanelProps {
    pub report: Rc<Report>,
    /// The outline's outlook section.
    pub section: Section,
    /// The level of the panel's heading.
    #[prop_or(3)]
    pub level: u8,
}

#[component]
pub fn OutlookPanel(props: &OutlookPanelProps) -> Html {
    let outlook = &props.report.outlook;
    let scale = Band::ALL.into_iter().map(|band| {
        let in_range = (outlook.best..=outlook.worst).contains(&band);
        let note = phrases::scale_note(outlook, band);
        html! {
            <li class={classes!(band_class(band), in_range.then_some("in-range"))}>
                { band.label() }
                if let Some(note) = note { <strong>{ format!(" ◀ {note}") }</strong> }
            </li>
        }
    });
    let blocks = props.section.blocks.iter().map(|block| match block {
        Block::List(items) => html! {
            <ul class="pivots" data-testid="pivotal">{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
        },
        Block::Paragraph(text) => html! { <p class="band-meaning">{ text.clone() }</p> },
        Block::Heading(text) => heading(props.level + 1, None, text),
        Block::Table(..) => html! {},
    });
    html! {
        <section
            class={classes!("outlook", band_class(outlook.best), outlook.is_uncertain().then_some("uncertain"))}
            data-testid="outlook"
            data-band={outlook.key()}
            aria-labelledby="outlook-heading"
        >
            if let Some(text) = &props.section.heading {
                { heading(props.level, Some("outlook-heading".into()), text) }
            }
            <div aria-live="polite" aria-atomic="true">
                <p class="band-headline" data-testid="outlook-band">{ phrases::headline(outlook) }</p>
                { for blocks }
            </div>
            <ol class="band-scale" aria-label={SCALE_LABEL}>{ for scale }</ol>
            <ModelCard />
        </section>
    }
}
