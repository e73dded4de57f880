//! The notice on the start page that browsers may clear what the analyser keeps, so people
//! export what matters; it asks the browser to keep the data (`storage::request_persistence`)
//! once something is saved, and says what the browser answered. Shown in the page, never as a
//! pop-up.

use crate::storage::{request_persistence, Persistence};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SiteDataNoticeProps {
    /// Whether anything is saved: the browser is asked to keep the data only then.
    pub saved: bool,
}

#[component]
pub fn SiteDataNotice(props: &SiteDataNoticeProps) -> Html {
    let persistence = use_state_eq(|| Persistence::Unknown);
    {
        let persistence = persistence.clone();
        use_effect_with(props.saved, move |saved| {
            if *saved {
                request_persistence(move |answer| persistence.set(answer));
            }
        });
    }
    let answer = match *persistence {
        Persistence::Unknown => None,
        Persistence::Granted => Some(
            "This browser has agreed to keep the analyser's data unless you clear it yourself.",
        ),
        Persistence::NotGranted => Some(
            "This browser has not agreed to keep the analyser's data, so exporting matters all the more.",
        ),
        Persistence::Unavailable => Some(
            "This browser offers no way to ask it to keep the analyser's data, so exporting matters all the more.",
        ),
    };
    let state = match *persistence {
        Persistence::Unknown => "unknown",
        Persistence::Granted => "granted",
        Persistence::NotGranted => "not-granted",
        Persistence::Unavailable => "unavailable",
    };
    html! {
        <p class="help site-data" data-testid="site-data-notice" data-persisted={state}>
            { "Browsers may clear what a site keeps, for example after some weeks without use, when the device runs short of space, or when someone clears browsing data, and work kept only in this browser is then lost. Export the assessments that matter as files and keep them somewhere safe." }
            if let Some(answer) = answer {
                { " " }{ answer }
            }
        </p>
    }
}
