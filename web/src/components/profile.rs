//! The domain profile: the outline's profile section (the counts, and the table of each
//! domain's level and what it rests on) with the chart drawn beside the table. The table is the
//! chart's data in words, for screen readers, print and anyone who prefers text to pictures.

use crate::components::chart::ProfileChart;
use crate::components::outline_view::{heading, SectionView};
use nasss_core::model::Domain;
use nasss_core::render::{Block, Section};
use nasss_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub report: Rc<Report>,
    /// The outline's profile section.
    pub section: Section,
    /// Makes ids unique on the page: `report` or `live`.
    pub id: AttrValue,
    #[prop_or(3)]
    pub level: u8,
}

#[component]
pub fn Profile(props: &ProfileProps) -> Html {
    let section = &props.section;
    let row_testids: Vec<AttrValue> = Domain::ALL
        .into_iter()
        .map(|domain| AttrValue::from(format!("profile-{}", domain.key())))
        .collect();
    let (tables, others): (Vec<Block>, Vec<Block>) = section
        .blocks
        .iter()
        .cloned()
        .partition(|block| matches!(block, Block::Table(..)));
    let part = |blocks: Vec<Block>| Section {
        kind: section.kind,
        heading: None,
        blocks,
    };
    let heading_id = format!("{}-profile-heading", props.id);
    html! {
        <section class="profile" aria-labelledby={heading_id.clone()}>
            if let Some(text) = &section.heading { { heading(props.level, Some(heading_id.clone()), text) } }
            <SectionView section={part(others)} level={props.level} id={format!("{}-profile-counts", props.id)} />
            <div class="profile-pair">
                <ProfileChart report={props.report.clone()} id={format!("{}-chart", props.id)} title={section.heading.clone().unwrap_or_default()} />
                <div class="profile-table">
                    <SectionView
                        section={part(tables)}
                        level={props.level}
                        id={format!("{}-profile-table", props.id)}
                        table_testid="profile-table"
                        {row_testids}
                    />
                </div>
            </div>
        </section>
    }
}
