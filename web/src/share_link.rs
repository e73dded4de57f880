//! The browser's side of share links: reading a link's fragment when the app starts (and then
//! removing it from the address bar, so a reload does not offer it again), the page's own
//! address to build links on, and a fresh assessment id. Making and reading the link itself is
//! `nasss_core::share`.

use nasss_core::share::looks_like_link;
use nasss_core::team::AssessmentId;

/// The share link in the page's address, if there is one; it is taken out of the address.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    if !looks_like_link(&hash) {
        return None;
    }
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
    Some(hash)
}

/// Calls `read` whenever the address's fragment changes, until the returned listener is
/// dropped.
pub fn on_hash_change(read: impl Fn() + 'static) -> Option<HashListener> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(read);
    window
        .add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(HashListener { window, closure })
}

/// A `hashchange` listener, removed when dropped.
pub struct HashListener {
    window: web_sys::Window,
    closure: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for HashListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        let _ = self.window.remove_event_listener_with_callback(
            "hashchange",
            self.closure.as_ref().unchecked_ref(),
        );
    }
}

/// The page's address without any fragment, for building links on.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// A new assessment id: the date and time in base 36 and a random part, such as `mg3k2p-x7q9`.
pub fn new_id() -> AssessmentId {
    let base36 = |mut n: u64| {
        let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(digits[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    };
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    let text = format!("{}-{}", base36(time), base36(random));
    AssessmentId::parse(&text)
        .unwrap_or_else(|_| AssessmentId::parse("assessment").expect("a valid id"))
}
