//! Journeys through the built app, as a person takes them: open it in headless Chromium and use
//! it. They need `cargo xtask dist` and Chromium with ChromeDriver, so they are ignored by a
//! plain `cargo test`; `cargo xtask test` runs them with `--ignored`.

use nasss_e2e::page::hosted_url;
use nasss_e2e::{AnalyserPage, Result};

const CHOICES: [&str; 4] = ["Simple", "Complicated", "Complex", "Not sure yet"];

#[test]
#[ignore = "needs dist/ and headless Chromium: run by `cargo xtask test`"]
fn rating_every_domain_from_a_file_on_disk() -> Result<()> {
    let page = AnalyserPage::open_from_disk()?;
    assert_eq!(page.heading()?, "NASSS complexity analyser");
    page.wait_for_text("rated-count", "0 of 7 domains rated")?;

    let legends = page.domain_legends()?;
    assert_eq!(
        legends.len(),
        7,
        "one fieldset per NASSS domain: {legends:?}"
    );
    for (rated, legend) in legends.iter().enumerate() {
        assert_eq!(page.choices(legend)?, CHOICES, "the choices under {legend}");
        let choice = CHOICES[rated % CHOICES.len()];
        page.choose(legend, choice)?;
        page.wait_for_text("rated-count", &format!("{} of 7 domains rated", rated + 1))?;
        assert!(
            page.is_chosen(legend, choice)?,
            "{legend}: {choice} is checked"
        );
    }

    // Changing one's mind does not count a domain twice.
    page.choose(&legends[0], "Complex")?;
    assert!(page.is_chosen(&legends[0], "Complex")?);
    assert!(!page.is_chosen(&legends[0], "Simple")?);
    page.wait_for_text("rated-count", "7 of 7 domains rated")?;

    // The single file carries everything it needs: it asked for nothing, not even from disk.
    assert_eq!(page.requests_beyond_the_page()?, Vec::<String>::new());
    Ok(())
}

#[test]
#[ignore = "needs dist/ served on 127.0.0.1 and headless Chromium: run by `cargo xtask test`"]
fn the_hosted_variant_loads_its_files_from_its_own_server() -> Result<()> {
    let page = AnalyserPage::open(&hosted_url()?)?;
    assert_eq!(page.heading()?, "NASSS complexity analyser");
    let legends = page.domain_legends()?;
    assert_eq!(legends.len(), 7, "{legends:?}");
    page.choose(&legends[1], "Complicated")?;
    page.wait_for_text("rated-count", "1 of 7 domains rated")?;

    // It fetched its glue and wasm, and nothing from anywhere else.
    let requests = page.requests_beyond_the_page()?;
    let own = |name: &str| requests.iter().any(|url| url.ends_with(name));
    assert!(
        own("nasss_web.js") && own("nasss_web_bg.wasm"),
        "{requests:?}"
    );
    let elsewhere: Vec<_> = requests
        .iter()
        .filter(|url| !url.starts_with(page.url()))
        .collect();
    assert!(
        elsewhere.is_empty(),
        "requests beyond its own folder: {elsewhere:?}"
    );
    Ok(())
}
