//! The `nasss-web` binary: the entry point wasm-bindgen starts in the page. It only mounts the
//! app; everything else lives in the library so the browser tests can mount it too.

fn main() {
    #[cfg(target_arch = "wasm32")]
    nasss_web::run();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "nasss-web runs in a browser: build it with `cargo xtask dist` or `cargo xtask serve`"
    );
}
