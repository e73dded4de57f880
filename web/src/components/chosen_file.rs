//! Reading the file a person chose in a file input, shared by the two imports (assessment
//! files and profile CSV): the input is cleared so that choosing the same file again is a
//! change too, a file over the core's size limit is refused with both sizes before it is read,
//! and the bytes go to the import's own reader (the core's), whose action is dispatched.

use crate::state::Action;
use gloo_file::futures::read_as_bytes;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The `onchange` of a file input: `read` turns the chosen file's name and bytes into an action.
pub fn on_choose(
    dispatch: Callback<Action>,
    read: impl Fn(String, Vec<u8>) -> Action + Clone + 'static,
) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let file = gloo_file::File::from(file);
        let file_name = file.name();
        let size = usize::try_from(file.size()).unwrap_or(usize::MAX);
        if let Err(error) = nasss_core::load::check_app_size(size) {
            dispatch.emit(Action::ImportFailed {
                file_name,
                error: error.to_string(),
            });
            return;
        }
        let dispatch = dispatch.clone();
        let read = read.clone();
        yew::platform::spawn_local(async move {
            let action = match read_as_bytes(&file).await {
                Ok(bytes) => read(file_name, bytes),
                Err(error) => Action::ImportFailed {
                    file_name,
                    error: format!("the file could not be read ({error})"),
                },
            };
            dispatch.emit(action);
        });
    })
}
