//! A set of radio buttons in a fieldset with a legend: the one control the app uses for every
//! choice (settings, framing, levels), because radios work by keyboard and screen reader and
//! fire `change` reliably in every browser. Each option may carry a description shown beside
//! it and linked with `aria-describedby`.

use yew::prelude::*;

/// One option of a [`Choice`].
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The radio's value, unique in the group.
    pub value: AttrValue,
    /// The label a person reads, such as "Simple".
    pub label: AttrValue,
    /// A description shown beside the label.
    pub description: Option<AttrValue>,
}

impl ChoiceOption {
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> ChoiceOption {
        ChoiceOption {
            value: value.into(),
            label: label.into(),
            description: None,
        }
    }

    pub fn described(mut self, description: impl Into<AttrValue>) -> ChoiceOption {
        self.description = Some(description.into());
        self
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The radios' `name`: unique on the page.
    pub name: AttrValue,
    pub legend: Html,
    pub options: Vec<ChoiceOption>,
    /// The index of the chosen option.
    pub selected: Option<usize>,
    pub onchoose: Callback<usize>,
    /// Shown between the legend and the radios: questions, help.
    #[prop_or_default]
    pub children: Html,
    /// Shown after the radios: notes and the like.
    #[prop_or_default]
    pub footer: Html,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

#[component]
pub fn Choice(props: &ChoiceProps) -> Html {
    let options = props.options.iter().enumerate().map(|(index, option)| {
        let description_id = format!("{}-{}-about", props.name, option.value);
        let onchange = props.onchoose.reform(move |_: Event| index);
        let checked = props.selected == Some(index);
        html! {
            <div class={classes!("option", checked.then_some("chosen"))}>
                <label>
                    <input
                        type="radio"
                        name={props.name.clone()}
                        value={option.value.clone()}
                        {checked}
                        {onchange}
                        aria-describedby={option.description.as_ref().map(|_| description_id.clone())}
                    />
                    { option.label.clone() }
                </label>
                if let Some(description) = &option.description {
                    <p class="descriptor" id={description_id}>{ description.clone() }</p>
                }
            </div>
        }
    });
    html! {
        <fieldset class={classes!("choice", props.class.clone())} data-testid={props.testid.clone()}>
            <legend>{ props.legend.clone() }</legend>
            { props.children.clone() }
            <div class="options">{ for options }</div>
            { props.footer.clone() }
        </fieldset>
    }
}
