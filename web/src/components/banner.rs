//! Messages for the person: what just happened (role "status") or what went wrong (role
//! "alert", so a screen reader announces it at once), each with a way to dismiss it and any
//! controls that go with it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub text: AttrValue,
    pub error: bool,
    #[prop_or_default]
    pub ondismiss: Option<Callback<MouseEvent>>,
    pub testid: AttrValue,
    /// Controls to go with the message, such as a download.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Banner(props: &BannerProps) -> Html {
    let (role, class, sign) = match props.error {
        true => ("alert", "banner error", "⚠ "),
        false => ("status", "banner info", "ℹ "),
    };
    html! {
        <div {class} {role} data-testid={props.testid.clone()}>
            <p><span aria-hidden="true">{ sign }</span>{ props.text.clone() }</p>
            { props.children.clone() }
            if let Some(ondismiss) = &props.ondismiss {
                <button type="button" class="dismiss" onclick={ondismiss.clone()}>{ "Dismiss" }</button>
            }
        </div>
    }
}
