//! The notes, evidence and kind of complexity behind one rating, in a disclosure under its
//! radios. Evidence is typed one item per line; the box keeps what was typed (blank lines and
//! all) while the assessment keeps only the non-blank lines.

use crate::clock::dated;
use crate::components::choice::{Choice, ChoiceOption};
use crate::edit::{evidence_lines, Edit};
use crate::state::Action;
use nasss_core::assessment::{ComplexityKind, Rating};
use nasss_core::model::Item;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RatingNotesProps {
    pub item: Item,
    pub rating: Option<Rating>,
    pub dispatch: Callback<Action>,
}

const KINDS: [(Option<ComplexityKind>, &str, &str); 4] = [
    (Some(ComplexityKind::Logistical), "logistical", "Logistical"),
    (
        Some(ComplexityKind::SocioPolitical),
        "socio_political",
        "Socio-political",
    ),
    (Some(ComplexityKind::Both), "both", "Both"),
    (None, "unstated", "Not stated"),
];

#[component]
pub fn RatingNotes(props: &RatingNotesProps) -> Html {
    let item = props.item;
    let key = item.key();
    let rating = props.rating.clone().unwrap_or_default();
    let evidence_draft = use_state({
        let evidence = rating.evidence.join("\n");
        move || evidence
    });
    let note_id = format!("note-{key}");
    let evidence_id = format!("evidence-{key}");
    let on_note = props.dispatch.reform(move |event: InputEvent| {
        let note = event.target_unchecked_into::<HtmlTextAreaElement>().value();
        dated(Edit::Note { item, note })
    });
    let on_evidence = {
        let dispatch = props.dispatch.clone();
        let draft = evidence_draft.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            let lines = evidence_lines(&text);
            draft.set(text);
            dispatch.emit(dated(Edit::Evidence { item, lines }));
        })
    };
    let kinds: Vec<ChoiceOption> = KINDS
        .iter()
        .map(|(_, value, label)| ChoiceOption::new(*value, *label))
        .collect();
    let selected = KINDS.iter().position(|(kind, _, _)| *kind == rating.kind);
    let on_kind = props.dispatch.reform(move |index: usize| {
        dated(Edit::Kind {
            item,
            kind: KINDS[index].0,
        })
    });
    let filled = [
        (!rating.note.is_empty()).then_some("notes"),
        (!rating.evidence.is_empty()).then_some("evidence"),
        rating.kind.map(|_| "kind"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    let summary = match filled.is_empty() {
        true => "Notes, evidence and kind of complexity".to_string(),
        false => format!(
            "Notes, evidence and kind of complexity (has {})",
            filled.join(", ")
        ),
    };
    html! {
        <details class="notes" data-testid={format!("notes-{key}")}>
            <summary>{ summary }</summary>
            <div class="field">
                <label for={note_id.clone()}>{ "Notes: why this level?" }</label>
                <textarea id={note_id} rows="3" value={rating.note.clone()} oninput={on_note} />
            </div>
            <div class="field">
                <label for={evidence_id.clone()}>{ "Evidence (one item per line)" }</label>
                <textarea id={evidence_id} rows="3" value={(*evidence_draft).clone()} oninput={on_evidence} />
            </div>
            <Choice
                name={format!("kind-{key}")}
                legend={html! { "Kind of complexity (optional)" }}
                options={kinds}
                {selected}
                onchoose={on_kind}
                class="kind"
            />
        </details>
    }
}
