//! One section of the core's report outline as HTML: its heading, then each block (headings,
//! paragraphs, lists, tables with the signs of the levels and coverage in their cells). The
//! report page and the live results both draw the report through this component, so the page
//! says exactly what the text and Markdown reports say. `folded` puts each sub-heading and what
//! follows it in a disclosure, for the live results' strategies.

use crate::signs;
use nasss_core::render::{Block, Cell, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub section: Section,
    /// The level of the section's own heading (3 for `<h3>`); sub-headings are one below.
    pub level: u8,
    /// Makes the heading's id unique on the page.
    pub id: AttrValue,
    /// Show each sub-heading and what follows it as a closed disclosure.
    #[prop_or_default]
    pub folded: bool,
    /// `data-testid`s for the rows of the section's first table, in order.
    #[prop_or_default]
    pub row_testids: Vec<AttrValue>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    #[prop_or_default]
    pub table_testid: Option<AttrValue>,
    /// Shown after the heading, before the blocks (a chart, a band scale).
    #[prop_or_default]
    pub children: Html,
}

/// A heading of any level from 2 to 6.
pub fn heading(level: u8, id: Option<String>, text: &str) -> Html {
    let tag = format!("h{}", level.clamp(2, 6));
    html! { <@{tag} id={id}>{ text.to_string() }</@> }
}

fn cell(cell: &Cell, header: bool) -> Html {
    let content = match cell.mark {
        Some(mark) => {
            let (sign, class) = signs::mark(mark);
            html! {
                <span class={classes!("marked", class)}>
                    if !sign.is_empty() { <span aria-hidden="true">{ sign }</span>{ " " } }
                    { cell.text.clone() }
                </span>
            }
        }
        None => html! { { cell.text.clone() } },
    };
    match header {
        true => html! { <th scope="row">{ content }</th> },
        false => html! { <td>{ content }</td> },
    }
}

fn table(
    header: &[String],
    rows: &[Vec<Cell>],
    testid: Option<AttrValue>,
    row_testids: &[AttrValue],
) -> Html {
    let body = rows.iter().enumerate().map(|(index, row)| {
        html! {
            <tr data-testid={row_testids.get(index).cloned()}>
                { for row.iter().enumerate().map(|(column, c)| cell(c, column == 0)) }
            </tr>
        }
    });
    // A wide table scrolls inside its own box, never the page (WCAG 1.4.10); the box can take
    // focus so that keyboard users can scroll it, and is named by the table's columns.
    let name = format!("Table: {}", header.join(", "));
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={name}>
            <table data-testid={testid}>
                <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}

/// The blocks of a section as HTML, each sub-heading at `level`.
pub fn blocks(
    section: &Section,
    level: u8,
    table_testid: Option<AttrValue>,
    row_testids: &[AttrValue],
) -> Vec<Html> {
    let mut first_table = true;
    section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading(text) => heading(level, None, text),
            Block::Paragraph(text) => html! { <p>{ text.clone() }</p> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ item.clone() }</li> }) }</ul>
            },
            Block::Table(header, rows) => {
                let (testid, ids) = match std::mem::replace(&mut first_table, false) {
                    true => (table_testid.clone(), row_testids),
                    false => (None, &[][..]),
                };
                table(header, rows, testid, ids)
            }
        })
        .collect()
}

/// Groups each sub-heading with the blocks after it, as closed disclosures.
fn folded(section: &Section, rendered: Vec<Html>) -> Html {
    let mut out = Vec::new();
    let mut open: Option<(String, Vec<Html>)> = None;
    for (block, html) in section.blocks.iter().zip(rendered) {
        match block {
            Block::Heading(text) => {
                if let Some((summary, body)) = open.take() {
                    out.push(html! { <details class="fold"><summary>{ summary }</summary>{ for body }</details> });
                }
                open = Some((text.clone(), Vec::new()));
            }
            Block::Paragraph(_) | Block::List(_) | Block::Table(..) => match &mut open {
                Some((_, body)) => body.push(html),
                None => out.push(html),
            },
        }
    }
    if let Some((summary, body)) = open {
        out.push(
            html! { <details class="fold"><summary>{ summary }</summary>{ for body }</details> },
        );
    }
    html! { <>{ for out }</> }
}

#[component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let section = &props.section;
    let heading_id = format!("{}-heading", props.id);
    let rendered = blocks(
        section,
        props.level + 1,
        props.table_testid.clone(),
        &props.row_testids,
    );
    let body = match props.folded {
        true => folded(section, rendered),
        false => html! { <>{ for rendered }</> },
    };
    html! {
        <section
            class={classes!("report-section", section.kind.key())}
            aria-labelledby={section.heading.as_ref().map(|_| heading_id.clone())}
            data-testid={props.testid.clone()}
        >
            if let Some(text) = &section.heading { { heading(props.level, Some(heading_id.clone()), text) } }
            { props.children.clone() }
            { body }
        </section>
    }
}
