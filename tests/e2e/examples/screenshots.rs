//! Screenshots of the built app for a person to look at: a quick assessment part-rated (the
//! rating page with its live results), its report, the start page, a full assessment, and the
//! report printed to PDF (to check the board summary fits one page). Writes PNGs and a PDF into
//! the folder given as the first argument (default `target/screenshots`).
//!
//! `cargo xtask dist && cargo run -p nasss-e2e --example screenshots [DIR]`

use nasss_e2e::webdriver::SessionOptions;
use nasss_e2e::{AnalyserPage, Error, Result};
use serde_json::json;
use std::path::PathBuf;

fn main() -> Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/screenshots".into()),
    );
    std::fs::create_dir_all(&dir).map_err(|e| Error(e.to_string()))?;
    let save = |page: &AnalyserPage, name: &str| -> Result<()> {
        let path = dir.join(name);
        std::fs::write(&path, page.session().screenshot()?).map_err(|e| Error(e.to_string()))?;
        println!("{}", path.display());
        Ok(())
    };
    let page = AnalyserPage::open_from_disk_with(&SessionOptions {
        downloads: None,
        window: (1400, 2000),
    })?;
    page.clear_storage()?;
    save(&page, "home-empty.png")?;

    page.click("new-assessment")?;
    page.type_into("Name of the innovation", "Digital telecare in Anytown")?;
    page.type_into(
        "What it is and who it is for",
        "Sensors and a home hub for older people living alone, monitored by the council's response team.",
    )?;
    page.choose("Stage on the Innovate wheel", "Developing")?;
    save(&page, "setup.png")?;
    page.click("start-rating")?;
    for (item, level) in [
        ("condition", "Complicated"),
        ("technology", "Complex"),
        ("value_proposition", "Complicated"),
        ("adopter_system", "Complex"),
        ("organisation", "Not sure yet"),
    ] {
        page.rate(item, level)?;
    }
    page.wait_for_text("progress", "5 of 7 domains rated")?;
    page.click("notes-technology")?;
    page.type_into_id(
        "note-technology",
        "The hub drops its connection when the phone line goes digital.",
    )?;
    page.type_into_id("evidence-technology", "Fault log, March\nSupplier report")?;
    save(&page, "rate-quick.png")?;

    page.click("tab-report")?;
    page.wait_for("report")?;
    save(&page, "report.png")?;
    page.session().execute("window.scrollTo(0, 1900);")?;
    save(&page, "report-detail.png")?;

    let pdf = page.session().devtools(
        "Page.printToPDF",
        json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false }),
    )?;
    let bytes = nasss_e2e::webdriver::decode_base64(pdf["data"].as_str().unwrap_or_default())?;
    let path = dir.join("report.pdf");
    std::fs::write(&path, bytes).map_err(|e| Error(e.to_string()))?;
    println!("{}", path.display());

    page.click("tab-home")?;
    save(&page, "home.png")?;
    page.click("new-assessment")?;
    page.choose("How detailed?", "Full: answer the 23 sub-domain questions")?;
    page.click("start-rating")?;
    page.click("nav-technology")?;
    page.rate("2A", "Complex")?;
    page.rate("2B", "Simple")?;
    save(&page, "rate-full.png")?;
    Ok(())
}
