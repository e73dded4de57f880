//! What a person is asked: the rating form's words for each item (its legend, questions in the
//! assessment's framing, help, example and the descriptor beside each level), a domain's
//! introduction, and the stages to choose from, all filled in for the setting. Shells lay these
//! out; they never read the question bank themselves.

use crate::assessment::Assessment;
use crate::bank::{bank, Question};
use crate::model::{Complexity, Domain, Item};
use crate::report::{stage_note, StageNote};
use crate::setting::{Setting, Stage};

/// Everything shown to rate one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemForm {
    pub item: Item,
    /// "2A Material features of the technology", or "2 The technology" for a whole domain.
    pub legend: String,
    /// The questions, worded for looking ahead or looking back.
    pub questions: Vec<String>,
    pub help: String,
    /// An example of a complex answer (sub-domains only).
    pub example: Option<String>,
    /// What simple, complicated and complex look like here, in that order.
    pub descriptors: [String; 3],
}

impl ItemForm {
    /// The descriptor of one level.
    pub fn descriptor(&self, level: Complexity) -> &str {
        let index = match level {
            Complexity::Simple => 0,
            Complexity::Complicated => 1,
            Complexity::Complex => 2,
        };
        &self.descriptors[index]
    }
}

/// The heading over an item's example.
pub const EXAMPLE_LABEL: &str = "Example of a complex answer";

/// What "Not sure yet" means, beside that choice.
pub const UNSURE_DESCRIPTION: &str = "Counts as a range from simple to complex until you know more; the results show which unknowns matter most.";

/// The form for one item of an assessment, in its setting and framing.
pub fn item_form(assessment: &Assessment, item: Item) -> ItemForm {
    let setting = assessment.setting;
    let retrospective = assessment.framing.is_retrospective();
    let pick = |question: &Question| match retrospective {
        true => question.retrospective.render(setting),
        false => question.prospective.render(setting),
    };
    match item {
        Item::Domain(domain) => {
            let content = bank().domain(domain);
            let question = match retrospective {
                true => &content.retrospective,
                false => &content.prospective,
            };
            ItemForm {
                item,
                legend: format!("{} {}", domain.number(), content.title.render(setting)),
                questions: vec![question.render(setting)],
                help: content.summary.render(setting),
                example: None,
                descriptors: Complexity::ALL.map(|c| content.descriptors.get(c).render(setting)),
            }
        }
        Item::SubDomain(sub_domain) => {
            let content = bank().sub_domain(sub_domain);
            ItemForm {
                item,
                legend: format!("{} {}", sub_domain.code(), content.title.render(setting)),
                questions: content.questions.iter().map(pick).collect(),
                help: content.help.render(setting),
                example: Some(content.example.render(setting)),
                descriptors: Complexity::ALL.map(|c| content.descriptors.get(c).render(setting)),
            }
        }
    }
}

/// A domain's heading and summary, for the top of its page in a full assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainIntro {
    pub domain: Domain,
    /// "2 The technology or service model".
    pub heading: String,
    pub title: String,
    pub summary: String,
}

pub fn domain_intro(domain: Domain, setting: Setting) -> DomainIntro {
    let content = bank().domain(domain);
    let title = content.title.render(setting);
    DomainIntro {
        domain,
        heading: format!("{} {title}", domain.number()),
        title,
        summary: content.summary.render(setting),
    }
}

/// The label of a button to another domain: "Next: 3 The value proposition".
pub fn step_label(direction: &str, domain: Domain, setting: Setting) -> String {
    format!("{direction}: {}", domain_intro(domain, setting).heading)
}

/// The summary of the disclosure that sets a domain's level by hand.
pub fn override_summary(title: &str) -> String {
    format!(
        "Set the level of {} by hand",
        crate::render::phrases::in_sentence(title)
    )
}

/// The legend over the levels to choose when setting a domain by hand.
pub fn override_legend(title: &str) -> String {
    format!("Level for {title} set by hand")
}

/// The heading over a stage's success measures while setting up.
pub fn stage_prompts_heading(name: &str) -> String {
    format!("What success looks like at the {name} stage")
}

/// Every stage of the Innovate wheel, in order, with its summary and success measures.
pub fn stages() -> Vec<StageNote> {
    Stage::ALL.into_iter().map(stage_note).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SubDomain;
    use crate::setting::Framing;

    #[test]
    fn forms_follow_the_framing_and_the_setting() {
        let mut assessment = Assessment::new("t");
        assessment.setting = Setting::AdultSocialCare;
        let ahead = item_form(&assessment, Item::SubDomain(SubDomain::S2A));
        assert!(ahead.legend.starts_with("2A Material features"));
        assert!(ahead.questions.iter().all(|q| q.ends_with('?')));
        assert!(ahead.example.is_some());
        assessment.framing = Framing::Retrospective { outcome: None };
        let back = item_form(&assessment, Item::SubDomain(SubDomain::S2A));
        assert_ne!(ahead.questions, back.questions);
        let whole = item_form(&assessment, Item::Domain(Domain::Technology));
        assert!(whole.legend.starts_with("2 "));
        assert_eq!(whole.questions.len(), 1);
        assert!(whole.example.is_none());
        assert!(whole
            .descriptors
            .iter()
            .all(|d| !d.contains('{') && !d.is_empty()));
    }

    #[test]
    fn every_stage_is_offered_in_order() {
        let stages: Vec<Stage> = stages().iter().map(|s| s.stage).collect();
        assert_eq!(stages, Stage::ALL.to_vec());
    }
}
