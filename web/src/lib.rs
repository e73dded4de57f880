//! The NASSS complexity analyser in the browser: the root [`App`] component and [`run`], which
//! mounts it into the page. Everything the analyser decides comes from `nasss-core`; this crate
//! only shows it and collects answers.
//!
//! Test hooks are `data-testid` attributes: `domain-<key>` on each domain's fieldset (the key is
//! [`Domain::key`]) and `rated-count` on the live count. The browser tests in `tests/web.rs` and
//! the end-to-end tests in `tests/e2e` rely on them.

use nasss_core::model::{Domain, Level};
use yew::prelude::*;

/// The answers so far: one entry per domain in [`Domain::ALL`] order, `None` until rated.
type Ratings = [Option<Level>; Domain::ALL.len()];

/// Mounts [`App`] into the element with id `app` (emptied first, so a loading message in the
/// page shell goes away), or into `<body>` when the page has no such element.
pub fn run() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// The whole app: a heading, one fieldset per domain and a live count of rated domains.
#[component]
pub fn App() -> Html {
    let ratings = use_state(Ratings::default);
    let rated = ratings.iter().filter(|rating| rating.is_some()).count();
    let fieldsets = Domain::ALL.into_iter().map(|domain| {
        let on_rate = {
            let ratings = ratings.clone();
            Callback::from(move |level: Level| {
                let mut next = *ratings;
                next[domain.index()] = Some(level);
                ratings.set(next);
            })
        };
        html! {
            <DomainRating key={domain.key()} {domain} value={ratings[domain.index()]} {on_rate} />
        }
    });
    html! {
        <main class="nasss-app">
            <h1>{ "NASSS complexity analyser" }</h1>
            <p class="intro">
                { "Rate how complex each domain of the programme is. \"Not sure yet\" counts as an \
                   answer: it widens the domain to a range instead of being read as simple." }
            </p>
            <form class="domains" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                { for fieldsets }
            </form>
            <p class="rated-count" data-testid="rated-count" aria-live="polite">
                { format!("{rated} of {} domains rated", Domain::ALL.len()) }
            </p>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct DomainRatingProps {
    domain: Domain,
    value: Option<Level>,
    on_rate: Callback<Level>,
}

/// One domain: a fieldset with its name as the legend and a radio button per [`Level`].
#[component]
fn DomainRating(props: &DomainRatingProps) -> Html {
    let key = props.domain.key();
    let name = format!("level-{key}");
    let radios = Level::ALL.into_iter().map(|level| {
        let onchange = props.on_rate.reform(move |_: Event| level);
        html! {
            <label class="level">
                <input
                    type="radio"
                    name={name.clone()}
                    value={level.key()}
                    checked={props.value == Some(level)}
                    {onchange}
                />
                { level.label() }
            </label>
        }
    });
    html! {
        <fieldset class="domain" data-testid={format!("domain-{key}")}>
            <legend>{ domain_name(props.domain) }</legend>
            { for radios }
        </fieldset>
    }
}

/// The name a person reads, made from the domain's key: `value_proposition` becomes
/// "Value proposition".
fn domain_name(domain: Domain) -> String {
    let words = domain.key().replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
