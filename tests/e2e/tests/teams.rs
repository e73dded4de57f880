//! Team journeys against the built `dist/index.html` from `file://`: three people's reply links
//! brought into one assessment and their disagreement shown, split items first; a workshop on
//! one screen that hides each turn until the lead reveals them (and stays hidden on reload); an
//! agreed level changing the outlook; and a tampered and a truncated link each refused with a
//! clear message, losing nothing. The links are made by the core from `tests/fixtures/team/`.

use nasss_core::model::Domain;
use nasss_core::share::encode;
use nasss_core::Assessment;
use nasss_e2e::page::keys;
use nasss_e2e::teams::{
    choose_in, follow_link, is_chosen_in, outlook_band, paste_reply_links, spreads, stored_library,
};
use nasss_e2e::{AnalyserPage, Result};

fn fixture(name: &str) -> Assessment {
    let path = format!("{}/../fixtures/team/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    nasss_core::load(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fresh_page() -> Result<AnalyserPage> {
    let page = AnalyserPage::open_from_disk()?;
    page.clear_storage()?;
    Ok(page)
}

/// Follows the invitation link, saves it, and brings in Ann's, Ben's and Cy's reply links.
fn team_of_three(page: &AnalyserPage) -> Result<()> {
    follow_link(page, &encode(&fixture("invitation.json")))?;
    page.wait_for_text_containing(
        "link-contents",
        "An invitation to rate \"Telecare for people living alone\"",
    )?;
    let stored = stored_library(page)?;
    assert!(
        !stored.contains("Telecare"),
        "nothing is saved before the person chooses: {stored}"
    );
    page.click("save-link")?;
    page.wait_for_text_containing("message", "as a new assessment")?;
    page.click("tab-team")?;
    let links: Vec<String> = ["ann.json", "ben.json", "cy.json"]
        .map(|name| encode(&fixture(name)))
        .to_vec();
    paste_reply_links(page, &links)?;
    page.wait_for_text_containing("message", "link 3: added Cy Morgan's ratings.")?;
    page.wait_for("disagreement")?;
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn three_raters_links_show_where_they_disagree_split_items_first() -> Result<()> {
    let page = fresh_page()?;
    team_of_three(&page)?;
    let message = page.text("message")?;
    assert!(
        message.contains("link 1: added Ann Patel (reablement lead)'s ratings."),
        "{message}"
    );
    let order = spreads(&page)?;
    assert_eq!(order.len(), 7, "{order:?}");
    assert_eq!(
        order[0],
        ("adopter_system".to_string(), "simple_complex".to_string())
    );
    let rank = |split: &str| match split {
        "simple_complex" => 0,
        "simple_complicated" | "complicated_complex" => 1,
        _ => 2,
    };
    let ranks: Vec<u8> = order.iter().map(|(_, split)| rank(split)).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted, "split items first, widest first: {order:?}");
    let adopters = page.text("spread-adopter_system")?;
    for line in [
        "Ann Patel (reablement lead): Complicated. Note: Families must agree to the sensors.",
        "Ben Okafor: Complex. Note: Care staff fear the sensors replace their visits.",
        "Cy Morgan: Simple. Note: Most people were keen in the pilot.",
        "1 simple, 1 complicated, 1 complex, 0 not sure yet",
    ] {
        assert!(adopters.contains(line), "{line:?} in {adopters:?}");
    }
    page.wait_for_text_containing("team-summary", "Each person's own outlook")?;
    page.wait_for_text_containing("team-figures", "Krippendorff's alpha (ordinal): 0.17.")?;
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn an_agreed_level_changes_the_outlook() -> Result<()> {
    let page = fresh_page()?;
    team_of_three(&page)?;
    assert_eq!(
        outlook_band(&page)?,
        "uncertain",
        "nothing agreed: every item is open"
    );
    page.click("tab-team")?;
    for domain in Domain::ALL {
        let key = domain.key();
        choose_in(&page, &format!("agree-{key}"), "Complicated")?;
        page.wait_for_text_containing(&format!("agreed-{key}"), "Agreed: Complicated")?;
    }
    assert_eq!(
        outlook_band(&page)?,
        "possible",
        "seven complicated domains"
    );
    page.click("tab-team")?;
    let reason = format!("dementia is common and needs change fast{}", keys::TAB);
    page.type_into_id("reason-condition", &reason)?;
    choose_in(&page, "agree-condition", "Complex")?;
    page.wait_for_text_containing(
        "agreed-condition",
        "Agreed: Complex. Reason: Dementia is common",
    )?;
    assert_eq!(
        outlook_band(&page)?,
        "possible",
        "one complex domain is still possible"
    );
    page.click("tab-team")?;
    choose_in(&page, "agree-value_proposition", "Complex")?;
    page.wait_for_text_containing("agreed-value_proposition", "Agreed: Complex")?;
    assert_eq!(outlook_band(&page)?, "unlikely", "two complex domains");
    page.click("tab-team")?;
    page.click("leave-open-value_proposition")?;
    page.wait_for_text_containing("agreed-value_proposition", "No agreed level yet")?;
    assert_eq!(
        outlook_band(&page)?,
        "uncertain",
        "an open item is a range again"
    );
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_workshop_hides_each_turn_until_the_lead_reveals_them() -> Result<()> {
    let page = fresh_page()?;
    follow_link(&page, &encode(&fixture("invitation.json")))?;
    page.click("save-link")?;
    page.click("tab-team")?;
    page.click("start-workshop")?;
    for (name, level) in [("Ann", "Simple"), ("Ben", "Complex")] {
        page.type_into_id("turn-name", name)?;
        page.click("start-turn")?;
        page.wait_for("turn-condition")?;
        for other in ["Simple", "Complicated", "Complex", "Not sure yet"] {
            assert!(
                !is_chosen_in(&page, "turn-condition", other)?,
                "{name} cannot see the last person's choice"
            );
        }
        choose_in(&page, "turn-condition", level)?;
        page.wait_until("the choice to be recorded", || {
            is_chosen_in(&page, "turn-condition", level)
        })?;
        page.click("finish-turn")?;
        page.wait_until("the turn to close", || Ok(!page.is_present("turn")?))?;
        assert!(
            !page.is_present("disagreement")?,
            "nothing is shown between turns"
        );
    }
    page.wait_for_text_containing("team-summary", "2 people have taken a turn.")?;
    page.reload()?;
    page.click("tab-team")?;
    page.wait_for_text_containing("team-summary", "stay hidden until the lead reveals them")?;
    assert!(
        !page.is_present("disagreement")?,
        "hidden stays hidden on reload"
    );
    page.click("reveal")?;
    page.wait_for("disagreement")?;
    assert_eq!(
        spreads(&page)?[0],
        ("condition".to_string(), "simple_complex".to_string())
    );
    let condition = page.text("spread-condition")?;
    assert!(
        condition.contains("Ann: Simple") && condition.contains("Ben: Complex"),
        "{condition}"
    );
    Ok(())
}

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn a_tampered_or_truncated_link_is_refused_and_nothing_is_lost() -> Result<()> {
    let page = fresh_page()?;
    team_of_three(&page)?;
    let before = stored_library(&page)?;
    assert!(before.contains("Cy Morgan"));
    let reply = encode(&fixture("ben-again.json"));

    follow_link(&page, &reply[..reply.len() / 2])?;
    page.wait_for_text_containing("message", "The link has been cut short")?;
    assert!(!page.is_present("link-preview")?);
    assert_eq!(
        stored_library(&page)?,
        before,
        "a truncated link changes nothing"
    );

    let mut tampered = reply.clone().into_bytes();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).expect("ascii");
    follow_link(&page, &tampered)?;
    page.wait_for_text_containing("message", "The link has been changed since it was made")?;
    assert_eq!(
        stored_library(&page)?,
        before,
        "a tampered link changes nothing"
    );

    page.click("tab-team")?;
    paste_reply_links(&page, &[tampered, reply[..reply.len() - 3].to_string()])?;
    let message =
        page.wait_for_text_containing("message", "link 1: not merged: The link has been changed")?;
    assert!(
        message.contains("link 2: not merged: The link has been cut short"),
        "{message}"
    );
    assert_eq!(
        stored_library(&page)?,
        before,
        "pasted broken links change nothing"
    );
    Ok(())
}
