//! Today's date from the browser's clock, as the `YYYY-MM-DD` the assessment file records. The
//! reducer never reads the clock: components call [`today`] and put the date in the action.
//! The core writes dates out for people (`Date::long`).

use nasss_core::assessment::Date;

/// Today in the browser's local time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    // The browser's clock always gives a valid date; fall back to a fixed one rather than panic.
    Date::parse(&text).unwrap_or_else(|_| Date::parse("1970-01-01").expect("a valid date"))
}

/// An edit to the open assessment, dated today.
pub fn dated(edit: crate::edit::Edit) -> crate::state::Action {
    crate::state::Action::Edit {
        edit,
        today: today(),
    }
}
