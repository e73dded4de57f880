//! Today's date from the browser's clock, as the `YYYY-MM-DD` the assessment file records. The
//! reducer never reads the clock: components call [`today`] and put the date in the action.
//! [`long_date`] writes a date out for a person to read.

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

/// A date as people write it: `2 December 2026`.
pub fn long_date(date: &Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let text = date.as_str();
    let (year, month, day) = (&text[0..4], &text[5..7], &text[8..10]);
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|month| MONTHS.get(month.wrapping_sub(1)));
    match (month, day.parse::<u32>()) {
        (Some(month), Ok(day)) => format!("{day} {month} {year}"),
        // A `Date` is always YYYY-MM-DD with a month from 1 to 12; show it as written if not.
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // In the browser under wasm-bindgen-test; on the host (`cargo test -p nasss-web --lib`)
    // as plain tests, since nothing here touches the browser.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn long_dates_are_written_out() {
        let date = |text: &str| Date::parse(text).unwrap();
        assert_eq!(long_date(&date("2026-12-02")), "2 December 2026");
        assert_eq!(long_date(&date("2025-01-31")), "31 January 2025");
        assert_eq!(long_date(&date("2024-06-09")), "9 June 2024");
    }
}
