//! The app's components, one per file. Each takes what it shows as props and reports what a
//! person does as an `Action` through its `dispatch` callback; none holds assessment data of its
//! own beyond what is being typed.

pub mod app_header;
pub mod banner;
pub mod chart;
pub mod choice;
pub mod crosswalk_table;
pub mod domain_nav;
pub mod domain_section;
pub mod examples_list;
pub mod explanation;
pub mod export;
pub mod home;
pub mod import;
pub mod model_card;
pub mod notes;
pub mod outlook;
pub mod override_form;
pub mod profile_table;
pub mod rate_page;
pub mod raters;
pub mod rating;
pub mod ratings_detail;
pub mod report_page;
pub mod results;
pub mod saved_list;
pub mod setup;
pub mod strategies;
