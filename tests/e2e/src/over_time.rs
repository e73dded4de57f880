//! Page-object helpers for the plan, snapshot, diff and comparison pages: choosing a radio in a
//! fieldset found by its `data-testid` (each next step has its own "Status"), choosing an option
//! of a `<select>` by its text, and reading a list's items or a table's row headings in order.

use crate::page::AnalyserPage;
use crate::webdriver::{Error, Result};

/// `text` as an XPath 1.0 string literal, whatever quotes it contains.
fn literal(text: &str) -> String {
    match (text.contains('\''), text.contains('"')) {
        (false, _) => format!("'{text}'"),
        (true, false) => format!("\"{text}\""),
        (true, true) => {
            let parts: Vec<String> = text.split('\'').map(|part| format!("'{part}'")).collect();
            format!("concat({})", parts.join(", \"'\", "))
        }
    }
}

fn one(page: &AnalyserPage, xpath: &str) -> Result<crate::webdriver::Element> {
    let mut found = Vec::new();
    page.wait_until(&format!("{xpath} to appear"), || {
        found = page.session().find_all_xpath(xpath)?;
        Ok(!found.is_empty())
    })?;
    match found.len() {
        1 => Ok(found.remove(0)),
        count => Err(Error(format!("expected one {xpath}, found {count}"))),
    }
}

/// Clicks the radio labelled `label` in the fieldset with `data-testid="{fieldset}"`.
pub fn choose_in(page: &AnalyserPage, fieldset: &str, label: &str) -> Result<()> {
    let xpath = format!(
        "//fieldset[@data-testid={}]//label[normalize-space()={}]//input[@type='radio']",
        literal(fieldset),
        literal(label)
    );
    let radio = one(page, &xpath)?;
    page.session().click(&radio)
}

/// Chooses the option of the `<select data-testid="{select}">` whose text starts with `text`.
pub fn select_option(page: &AnalyserPage, select: &str, text: &str) -> Result<()> {
    let xpath = format!(
        "//select[@data-testid={}]/option[starts-with(normalize-space(), {})]",
        literal(select),
        literal(text)
    );
    let option = one(page, &xpath)?;
    page.session().click(&option)
}

/// The text of each list item inside the element with `data-testid="{test_id}"`, in order.
pub fn list_items(page: &AnalyserPage, test_id: &str) -> Result<Vec<String>> {
    let xpath = format!("//*[@data-testid={}]//li", literal(test_id));
    let session = page.session();
    session
        .find_all_xpath(&xpath)?
        .iter()
        .map(|item| session.text(item).map(|text| text.trim().to_owned()))
        .collect()
}

/// The row headings (first cells) of the table with `data-testid="{table}"`, top to bottom.
pub fn row_headings(page: &AnalyserPage, table: &str) -> Result<Vec<String>> {
    let xpath = format!("//table[@data-testid={}]/tbody/tr/th", literal(table));
    let session = page.session();
    session
        .find_all_xpath(&xpath)?
        .iter()
        .map(|cell| session.text(cell).map(|text| text.trim().to_owned()))
        .collect()
}
