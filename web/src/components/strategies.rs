//! Strategies for the complicated and complex sub-domains: ways to reduce the complexity and
//! ways to handle what remains. The live results show each as a disclosure; the report shows
//! them in full, or only the first few on the board summary.

use crate::text::{level_class, level_sign};
use nasss_core::report::StrategyNote;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StrategyListProps {
    pub notes: Vec<StrategyNote>,
    /// Show each note folded in a disclosure (the live results) or open (the report).
    #[prop_or_default]
    pub folded: bool,
    /// Show at most this many notes, the most complex first, each with its first suggestion
    /// of each kind.
    #[prop_or_default]
    pub top: Option<usize>,
}

#[component]
pub fn StrategyList(props: &StrategyListProps) -> Html {
    if props.notes.is_empty() {
        return html! {
            <p>{ "No sub-domain is rated complicated or complex, so there is nothing to reduce yet." }</p>
        };
    }
    // The top few: the most complex first, each with its first suggestion of each kind.
    let mut ordered: Vec<&StrategyNote> = props.notes.iter().collect();
    if props.top.is_some() {
        ordered.sort_by_key(|note| std::cmp::Reverse(note.level));
    }
    let count = props.top.unwrap_or(props.notes.len());
    let notes = ordered.into_iter().take(count).map(|note| {
        let whole = match note.from_domain_rating {
            true => ", from the whole-domain rating",
            false => "",
        };
        let heading = html! {
            <>
                <span class={classes!("level-tag", level_class(note.level))}>
                    <span aria-hidden="true">{ level_sign(note.level) }</span>{ " " }{ note.level.label() }
                </span>
                { format!(" {} {}{whole}", note.sub_domain, note.title) }
            </>
        };
        let body = match props.top {
            Some(_) => html! {
                <ul class="top-suggestions">
                    if let Some(first) = note.reduce.first() { <li>{ "Reduce: " }{ first.clone() }</li> }
                    if let Some(first) = note.handle.first() { <li>{ "Handle: " }{ first.clone() }</li> }
                </ul>
            },
            None => html! {
            <>
                <p class="strategy-kind">{ "To reduce the complexity:" }</p>
                <ul>{ for note.reduce.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
                <p class="strategy-kind">{ "To handle what remains:" }</p>
                <ul>{ for note.handle.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
            </>
            },
        };
        match props.folded {
            true => html! {
                <details class="strategy"><summary>{ heading }</summary>{ body }</details>
            },
            false => html! {
                <div class="strategy"><h4>{ heading }</h4>{ body }</div>
            },
        }
    });
    let more = props
        .top
        .filter(|top| props.notes.len() > *top)
        .map(|top| format!("{} more in the full detail below.", props.notes.len() - top));
    html! {
        <div class="strategies" data-testid="strategies">
            { for notes }
            if let Some(more) = more { <p class="more">{ more }</p> }
        </div>
    }
}
