//! The NASSS complexity analyser's core: the framework's model, the question bank, the
//! classification of each domain, the mainstreaming outlook, its explanation and strategies,
//! the social-care crosswalk, and reports. It does no I/O and knows nothing of browsers, so the
//! same code runs in the CLI and, as WebAssembly, in the web app.
//!
//! ```
//! use nasss_core::{assess, model::Level, Assessment, Band};
//! let mut levels = [Level::Simple; 7];
//! levels[0] = Level::Complex;
//! levels[3] = Level::Complex;
//! let report = assess(&Assessment::quick("Telecare pilot", levels));
//! assert_eq!(report.outlook.best, Band::Unlikely);
//! ```

pub mod agreement;
pub mod assessment;
pub mod bank;
pub mod calibrate;
pub mod classify;
pub mod crosswalk;
pub mod disagreement;
pub mod examples;
pub mod explain;
pub mod export_status;
pub mod factor;
pub mod form;
pub mod history;
pub mod load;
pub mod merge;
pub mod model;
pub mod model_card;
pub mod outcome;
pub mod outlook;
pub mod plan;
pub mod planning;
pub mod profile_csv;
pub mod render;
pub mod report;
pub mod schema;
pub mod setting;
pub mod share;
pub mod snapshot;
pub mod team;
pub mod text_decoding;

pub use assessment::Assessment;
pub use load::{load, load_bytes, LoadError};
pub use outlook::Band;
pub use report::{assess, assess_as_of, Report};
