//! The app's components, one per file. Each takes what it shows as props and reports what a
//! person does as an `Action` through its `dispatch` callback; none holds assessment data of its
//! own beyond what is being typed.

pub mod accessibility_statement;
pub mod app_header;
pub mod banner;
pub mod chart;
pub mod choice;
pub mod chosen_file;
pub mod compare_page;
pub mod csv_transfer;
pub mod domain_nav;
pub mod domain_section;
pub mod examples_list;
pub mod export;
pub mod home;
pub mod import;
pub mod link_preview;
pub mod model_card;
pub mod notes;
pub mod outline_view;
pub mod outlook;
pub mod override_form;
pub mod plan_editor;
pub mod plan_page;
pub mod profile;
pub mod rate_page;
pub mod raters;
pub mod rating;
pub mod report_page;
pub mod results;
pub mod saved_list;
pub mod setup;
pub mod site_data;
pub mod team_page;
pub mod timeline_chart;
