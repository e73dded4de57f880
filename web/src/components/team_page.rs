//! Rating as a team: hand out an invitation (file and link), send back your own ratings (file
//! and link), bring the team's replies in (files or pasted links), run a workshop on one shared
//! screen (turns hidden from the next person until the lead reveals them all), and see where
//! people differ, split items first, with the spread drawn and the group's agreed level
//! recorded or left open. Every sentence about the assessment comes from the core (its team
//! phrases and the outline's team sections); this file lays them out.

use crate::clock::{dated, today};
use crate::components::choice::{Choice, ChoiceOption};
use crate::components::outline_view::SectionView;
use crate::download::download;
use crate::edit::Edit;
use crate::share_link::{new_id, page_address};
use crate::signs;
use crate::state::{Action, Incoming, Message};
use gloo_file::futures::read_as_bytes;
use nasss_core::disagreement::{ItemSpread, TeamAnalysis};
use nasss_core::model::{Item, Level};
use nasss_core::render::phrases::display_title;
use nasss_core::render::team_phrases as words;
use nasss_core::render::{file_name, Outline, SectionKind};
use nasss_core::share::{self, COMFORTABLE_LENGTH, PRIVACY_NOTE};
use nasss_core::{Assessment, Report};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TeamPageProps {
    pub assessment: Rc<Assessment>,
    pub report: Rc<Report>,
    pub outline: Rc<Outline>,
    pub dispatch: Callback<Action>,
}

/// A link to copy, or, when it is too long for a message, the reason to send the file instead.
fn link_box(link: &str, label: &str, id: &str) -> Html {
    match link.len() > COMFORTABLE_LENGTH {
        true => {
            html! { <p class="help" data-testid={format!("{id}-too-long")}>{ share::too_long_note(link.len()) }</p> }
        }
        false => html! {
            <div class="field">
                <label for={id.to_string()}>{ label.to_string() }</label>
                <textarea id={id.to_string()} readonly=true rows="3" value={link.to_string()} data-testid={id.to_string()} />
            </div>
        },
    }
}

fn download_button(
    assessment: &Assessment,
    name: &str,
    label: &str,
    testid: &str,
    dispatch: &Callback<Action>,
) -> Html {
    let text = assessment.to_file_text();
    let name = file_name(name, "json");
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Err(error) = download(&name, "application/json", &text) {
            dispatch.emit(Action::Tell(Message::Error(format!(
                "Download failed: {error}."
            ))));
        }
    });
    html! { <button type="button" {onclick} data-testid={testid.to_string()}>{ label.to_string() }</button> }
}

#[component]
pub fn TeamPage(props: &TeamPageProps) -> Html {
    let assessment = &props.assessment;
    let dispatch = &props.dispatch;
    let title = display_title(&assessment.title).to_string();

    // Invitation.
    let invite = match &assessment.id {
        None => {
            let onclick = dispatch.reform(|_: MouseEvent| dated(Edit::EnsureId(new_id())));
            html! { <button type="button" {onclick} data-testid="make-invitation">{ "Make an invitation" }</button> }
        }
        Some(id) => {
            let invitation = assessment.invitation(id.clone());
            let link = share::link(&page_address(), &invitation);
            html! {
                <>
                    { link_box(&link, "Invitation link", "invitation-link") }
                    { download_button(&invitation, &format!("{title} invitation"), "Download the invitation", "download-invitation", dispatch) }
                </>
            }
        }
    };

    html! {
        <section class="team-page" aria-labelledby="team-heading">
            <h2 id="team-heading">{ format!("Team: {title}") }</h2>
            <p class="help">{ PRIVACY_NOTE }</p>
            <section aria-labelledby="invite-heading">
                <h3 id="invite-heading">{ "Invite people to rate" }</h3>
                { invite }
            </section>
            <ReplyPanel assessment={assessment.clone()} dispatch={dispatch.clone()} />
            <ImportReplies dispatch={dispatch.clone()} />
            <WorkshopPanel assessment={assessment.clone()} report={props.report.clone()} dispatch={dispatch.clone()} />
            if let Some(section) = props.outline.section(SectionKind::Team) {
                <SectionView section={section.clone()} level={3} id="team-summary" testid="team-summary" />
            }
            if let Some(team) = props.report.team.as_ref().filter(|team| !team.hidden) {
                <Disagreement team={Rc::new(team.clone())} dispatch={dispatch.clone()} />
            }
            if let Some(section) = props.outline.section(SectionKind::TeamAgreement) {
                <SectionView section={section.clone()} level={3} id="team-figures" testid="team-figures" />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReplyProps {
    assessment: Rc<Assessment>,
    dispatch: Callback<Action>,
}

/// A rater's reply: their name, then a link and a file with their ratings.
#[component]
fn ReplyPanel(props: &ReplyProps) -> Html {
    let named = props
        .assessment
        .raters
        .iter()
        .find(|r| !r.name.trim().is_empty())
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let name = use_state(|| named);
    let oninput = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            name.set(input.value());
        })
    };
    let reply = (!name.trim().is_empty()).then(|| props.assessment.reply(&name));
    html! {
        <section aria-labelledby="reply-heading">
            <h3 id="reply-heading">{ "Send back your ratings" }</h3>
            <div class="field">
                <label for="reply-name">{ "Your name" }</label>
                <input id="reply-name" type="text" value={(*name).clone()} {oninput} data-testid="reply-name" />
            </div>
            if let Some(reply) = reply {
                { link_box(&share::link(&page_address(), &reply), "Your reply link", "reply-link") }
                { download_button(&reply, &format!("{} reply {}", reply.title, *name), "Download my reply", "download-reply", &props.dispatch) }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ImportProps {
    dispatch: Callback<Action>,
}

/// Bringing replies in: any number of files, or links pasted one per line.
#[component]
fn ImportReplies(props: &ImportProps) -> Html {
    let links = use_state(String::new);
    let onfiles = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let files: Vec<gloo_file::File> = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(gloo_file::File::from)
                .collect();
            input.set_value("");
            let dispatch = dispatch.clone();
            yew::platform::spawn_local(async move {
                let mut replies = Vec::new();
                for file in files {
                    let name = file.name();
                    let assessment = match read_as_bytes(&file).await {
                        Ok(bytes) => nasss_core::load_bytes(&bytes).map_err(|e| e.to_string()),
                        Err(error) => Err(format!("the file could not be read ({error})")),
                    };
                    replies.push(Incoming {
                        source: name.clone(),
                        file_name: Some(name),
                        assessment,
                    });
                }
                dispatch.emit(Action::MergeReplies {
                    replies,
                    today: today(),
                });
            });
        })
    };
    let oninput = {
        let links = links.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            links.set(area.value());
        })
    };
    let onadd = {
        let links = links.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let replies: Vec<Incoming> = links
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .enumerate()
                .map(|(index, line)| Incoming {
                    source: format!("{} {}", words::LINK_SOURCE, index + 1),
                    file_name: None,
                    assessment: share::decode(line).map_err(|e| e.to_string()),
                })
                .collect();
            if !replies.is_empty() {
                dispatch.emit(Action::MergeReplies {
                    replies,
                    today: today(),
                });
                links.set(String::new());
            }
        })
    };
    html! {
        <section aria-labelledby="replies-heading">
            <h3 id="replies-heading">{ "Bring in the team's replies" }</h3>
            <div class="field">
                <label for="reply-files">{ "Add reply files" }</label>
                <input id="reply-files" type="file" multiple=true accept=".json,application/json" onchange={onfiles} data-testid="reply-files" />
            </div>
            <div class="field">
                <label for="reply-links">{ "Paste reply links, one per line" }</label>
                <textarea id="reply-links" rows="4" value={(*links).clone()} {oninput} data-testid="reply-links" />
            </div>
            <button type="button" onclick={onadd} data-testid="add-reply-links">{ "Add the pasted links" }</button>
        </section>
    }
}

fn level_options() -> Vec<ChoiceOption> {
    Level::ALL
        .into_iter()
        .map(|level| ChoiceOption::new(level.key(), level.label()))
        .collect()
}

#[derive(Properties, PartialEq)]
struct WorkshopProps {
    assessment: Rc<Assessment>,
    report: Rc<Report>,
    dispatch: Callback<Action>,
}

/// A workshop on one shared screen. The person whose turn it is rates in a form of their own;
/// when they finish, the form goes and nothing they chose is shown until the lead reveals all.
#[component]
fn WorkshopPanel(props: &WorkshopProps) -> Html {
    let turn = use_state(|| None::<String>);
    let typed = use_state(String::new);
    let dispatch = &props.dispatch;
    let Some(workshop) = props.assessment.team.workshop else {
        let onclick = dispatch.reform(|_: MouseEvent| dated(Edit::StartWorkshop));
        return html! {
            <section aria-labelledby="workshop-heading">
                <h3 id="workshop-heading">{ "Workshop on one screen" }</h3>
                <button type="button" {onclick} data-testid="start-workshop">{ "Start a workshop on this screen" }</button>
            </section>
        };
    };
    if workshop.revealed {
        return Html::default();
    }
    let body = match &*turn {
        None => {
            let oninput = {
                let typed = typed.clone();
                Callback::from(move |event: InputEvent| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    typed.set(input.value());
                })
            };
            let start = {
                let turn = turn.clone();
                let typed = typed.clone();
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    let name = typed.trim().to_string();
                    if !name.is_empty() {
                        dispatch.emit(dated(Edit::StartTurn(name.clone())));
                        turn.set(Some(name));
                        typed.set(String::new());
                    }
                })
            };
            let reveal = dispatch.reform(|_: MouseEvent| dated(Edit::Reveal));
            html! {
                <>
                    <div class="field">
                        <label for="turn-name">{ "Whose turn is it?" }</label>
                        <input id="turn-name" type="text" value={(*typed).clone()} {oninput} data-testid="turn-name" />
                    </div>
                    <button type="button" onclick={start} data-testid="start-turn">{ "Start my turn" }</button>
                    <button type="button" onclick={reveal} data-testid="reveal">{ "Reveal everyone's ratings" }</button>
                </>
            }
        }
        Some(name) => {
            let rater = props
                .assessment
                .raters
                .iter()
                .find(|r| r.name.trim().eq_ignore_ascii_case(name.trim()))
                .map(|r| r.id);
            let view = rater.and_then(|id| props.assessment.team.views.get(&id));
            let items: Vec<ItemSpread> = props
                .report
                .team
                .as_ref()
                .map(|team| team.items.clone())
                .unwrap_or_default();
            let form = items.iter().filter_map(|spread| {
                let rater = rater?;
                let item = spread.item;
                let own = view.and_then(|view| match item {
                    Item::Domain(domain) => view.domain_ratings.get(&domain),
                    Item::SubDomain(sub) => view.ratings.get(&sub),
                });
                let selected = own.and_then(|r| Level::ALL.iter().position(|l| *l == r.level));
                let onchoose = dispatch.reform(move |index: usize| {
                    dated(Edit::ViewLevel {
                        rater,
                        item,
                        level: Level::ALL[index],
                    })
                });
                Some(html! {
                    <Choice name={format!("turn-{}", item.key())} legend={html! { { words::turn_legend(spread) } }}
                        options={level_options()} {selected} {onchoose} testid={format!("turn-{}", item.key())} />
                })
            });
            let finish = {
                let turn = turn.clone();
                Callback::from(move |_: MouseEvent| turn.set(None))
            };
            html! {
                <div data-testid="turn">
                    <h4>{ words::turn_heading(name) }</h4>
                    { for form }
                    <button type="button" onclick={finish} data-testid="finish-turn">{ "Finish my turn" }</button>
                </div>
            }
        }
    };
    html! {
        <section aria-labelledby="workshop-heading" data-testid="workshop">
            <h3 id="workshop-heading">{ "Workshop on one screen" }</h3>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DisagreementProps {
    team: Rc<TeamAnalysis>,
    dispatch: Callback<Action>,
}

/// The spread of one item drawn as a bar: one segment per level, as wide as the share of
/// people who gave it, with the counts in words beside it.
fn spread_bar(spread: &ItemSpread) -> Html {
    let counts = spread.counts();
    let total: usize = counts.iter().sum();
    let segments = Level::ALL.into_iter().zip(counts).filter(|(_, n)| *n > 0).map(|(level, n)| {
        let class = match level.known() {
            Some(complexity) => signs::level_class(complexity).to_string(),
            None => "unsure".to_string(),
        };
        let width = n as f64 * 100.0 / total.max(1) as f64;
        html! { <span class={classes!("segment", class)} style={format!("width: {width:.1}%")}>{ n }</span> }
    });
    html! {
        <div class="spread">
            <div class="spread-bar" aria-hidden="true">{ for segments }</div>
            <p class="spread-counts">{ words::counts_line(counts) }</p>
        </div>
    }
}

/// Where people differ: each item, split items first (per domain in a full assessment), every
/// person's level and note, and the group's agreed level.
#[component]
fn Disagreement(props: &DisagreementProps) -> Html {
    let items = props.team.items.iter().map(|spread| {
        let key = spread.item.key();
        html! {
            <article key={key} class="item-spread" data-testid={format!("spread-{key}")} data-split={spread.split.key()}>
                { spread_view(spread) }
                <p data-testid={format!("agreed-{key}")}>{ words::agreed_line(spread.agreed.as_ref()) }</p>
                <AgreeControl spread={spread.clone()} dispatch={props.dispatch.clone()} />
            </article>
        }
    });
    let domains = props.team.domains.iter().map(|spread| {
        let key = spread.item.key();
        html! {
            <article key={key} class="item-spread" data-testid={format!("domain-spread-{key}")} data-split={spread.split.key()}>
                { spread_view(spread) }
            </article>
        }
    });
    let full = !props.team.domains.is_empty();
    html! {
        <section aria-labelledby="spread-heading" data-testid="disagreement">
            <h3 id="spread-heading">{ words::DISAGREEMENT_HEADING }</h3>
            if full {
                <section aria-labelledby="by-domain-heading" data-testid="by-domain">
                    <h4 id="by-domain-heading">{ words::BY_DOMAIN_HEADING }</h4>
                    { for domains }
                </section>
                <h4>{ words::BY_SUB_DOMAIN_HEADING }</h4>
            }
            { for items }
        </section>
    }
}

/// An item's name, how far apart people are, the spread drawn, and each person's level.
fn spread_view(spread: &ItemSpread) -> Html {
    let key = spread.item.key();
    html! {
        <>
            <h4>{ words::item_name(spread) }</h4>
            <p class="split" data-testid={format!("split-{key}")}>{ words::split_label(spread.split) }</p>
            { spread_bar(spread) }
            <ul>
                { for spread.levels.iter().map(|level| html! { <li>{ words::rater_level_line(level) }</li> }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct AgreeProps {
    spread: ItemSpread,
    dispatch: Callback<Action>,
}

/// Recording the group's level for an item with its reason, or leaving it open.
#[component]
fn AgreeControl(props: &AgreeProps) -> Html {
    let spread = &props.spread;
    let item = spread.item;
    let key = item.key();
    let reason = use_state(|| {
        spread
            .agreed
            .as_ref()
            .map(|r| r.note.clone())
            .unwrap_or_default()
    });
    let selected = spread
        .agreed
        .as_ref()
        .and_then(|r| Level::ALL.iter().position(|l| *l == r.level));
    let onchoose = {
        let reason = reason.clone();
        props.dispatch.reform(move |index: usize| {
            dated(Edit::Agree {
                item,
                level: Level::ALL[index],
                reason: (*reason).clone(),
            })
        })
    };
    let onchange = {
        let reason = reason.clone();
        let dispatch = props.dispatch.clone();
        let agreed = spread.agreed.as_ref().map(|r| r.level);
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            reason.set(input.value());
            if let Some(level) = agreed {
                dispatch.emit(dated(Edit::Agree {
                    item,
                    level,
                    reason: input.value(),
                }));
            }
        })
    };
    let leave_open = props
        .dispatch
        .reform(move |_: MouseEvent| dated(Edit::LeaveOpen(item)));
    let footer = html! {
        <>
            <div class="field">
                <label for={format!("reason-{key}")}>{ "Reason" }</label>
                <input id={format!("reason-{key}")} type="text" value={(*reason).clone()} {onchange} data-testid={format!("reason-{key}")} />
            </div>
            <button type="button" onclick={leave_open} data-testid={format!("leave-open-{key}")}>{ "Leave open" }</button>
        </>
    };
    html! {
        <Choice name={format!("agree-{key}")} legend={html! { { words::agree_legend(spread) } }}
            options={level_options()} {selected} {onchoose} {footer} class="agree" testid={format!("agree-{key}")} />
    }
}
