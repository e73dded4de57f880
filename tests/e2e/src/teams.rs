//! Page-object helpers for the team journeys (`tests/teams.rs`): opening the app with a share
//! link in its address, pasting reply links, reading what is saved, and the team page's parts,
//! in the words a person sees.

use crate::page::{dist_index, file_url, AnalyserPage};
use crate::webdriver::{Error, Result};

/// The saved library exactly as the app stored it, to show that nothing changed.
pub fn stored_library(page: &AnalyserPage) -> Result<String> {
    let value = page
        .session()
        .execute("return window.localStorage.getItem('nasss-analyser.library.v1') || '';")?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// The `file://` address of the built page with `fragment` after its `#`.
pub fn link_to_page(fragment: &str) -> Result<String> {
    let index = dist_index()
        .canonicalize()
        .map_err(|e| Error(format!("{}: {e}", dist_index().display())))?;
    Ok(format!("{}#{fragment}", file_url(&index)))
}

/// Opens the app afresh at an address with a share link in it, as following the link would.
pub fn follow_link(page: &AnalyserPage, fragment: &str) -> Result<()> {
    page.session().goto("about:blank")?;
    page.session().goto(&link_to_page(fragment)?)?;
    page.wait_for("app")?;
    Ok(())
}

/// Pastes reply links, one per line, into the team page's box and adds them.
pub fn paste_reply_links(page: &AnalyserPage, links: &[String]) -> Result<()> {
    page.wait_for("reply-links")?;
    page.type_into_id("reply-links", &links.join("\n"))?;
    page.click("add-reply-links")
}

/// The items of the disagreement view in page order, with their split: `(item key, split)`.
pub fn spreads(page: &AnalyserPage) -> Result<Vec<(String, String)>> {
    let session = page.session();
    session
        .find_all_css("[data-testid=disagreement] article[data-testid^='spread-']")?
        .iter()
        .map(|article| {
            let id = session
                .attribute(article, "data-testid")?
                .unwrap_or_default();
            let split = session
                .attribute(article, "data-split")?
                .unwrap_or_default();
            Ok((id.trim_start_matches("spread-").to_owned(), split))
        })
        .collect()
}

/// Chooses a radio by its label inside the fieldset with `data-testid="{test_id}"`.
pub fn choose_in(page: &AnalyserPage, test_id: &str, label: &str) -> Result<()> {
    let xpath = format!(
        "//fieldset[@data-testid='{test_id}']//label[normalize-space()='{label}']//input[@type='radio']"
    );
    let found = page.session().find_all_xpath(&xpath)?;
    let radio = found
        .first()
        .ok_or_else(|| Error(format!("no radio {label:?} in {test_id}")))?;
    page.session().click(radio)
}

/// The band the report's outlook shows (`data-band`: a band's key or `uncertain`).
pub fn outlook_band(page: &AnalyserPage) -> Result<String> {
    page.click("tab-report")?;
    Ok(page.attribute("outlook", "data-band")?.unwrap_or_default())
}

/// Whether the radio labelled `label` in the fieldset with `data-testid="{test_id}"` is chosen.
pub fn is_chosen_in(page: &AnalyserPage, test_id: &str, label: &str) -> Result<bool> {
    let xpath = format!(
        "//fieldset[@data-testid='{test_id}']//label[normalize-space()='{label}']//input[@type='radio']"
    );
    let found = page.session().find_all_xpath(&xpath)?;
    let radio = found
        .first()
        .ok_or_else(|| Error(format!("no radio {label:?} in {test_id}")))?;
    page.session().is_selected(radio)
}
