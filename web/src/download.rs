//! Saving a file to the person's device: the text goes into a Blob, an object URL points at it,
//! and a temporary `<a download>` is clicked. Nothing is sent anywhere. The URL is revoked a
//! little later, once the browser has started the download.

use gloo_file::{Blob, ObjectUrl};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;

/// Offers `contents` as a file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let failed = |what: &str| format!("could not prepare the download ({what})");
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| failed("no document"))?;
    let url = ObjectUrl::from(Blob::new_with_options(contents, Some(mime_type)));
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed("no link"))?
        .dyn_into()
        .map_err(|_| failed("not a link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(|| failed("no page body"))?;
    body.append_child(&anchor)
        .map_err(|_| failed("could not add the link"))?;
    anchor.click();
    anchor.remove();
    Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}
