//! CSV in and out: export chosen saved assessments as the profile CSV `nasss batch` reads
//! (written by `nasss_core::profile_csv`), and import such a file as new saved quick
//! assessments, the rows it cannot read reported by line and the good rows kept. The file may
//! be in any encoding and with either delimiter Excel writes.

use super::chosen_file::on_choose;
use crate::clock::today;
use crate::download::download;
use crate::state::{Action, Message};
use nasss_core::profile_csv;
use nasss_core::text_decoding::decode;
use nasss_core::Assessment;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CsvExportProps {
    pub assessments: Vec<Assessment>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn CsvExport(props: &CsvExportProps) -> Html {
    let onclick = {
        let assessments = props.assessments.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let text = profile_csv::write(&assessments);
            if let Err(error) = download("profiles.csv", "text/csv", &text) {
                dispatch.emit(Action::Tell(Message::Error(format!(
                    "Export failed: {error}."
                ))));
            }
        })
    };
    html! {
        <button type="button" {onclick} disabled={props.assessments.is_empty()} data-testid="export-csv">
            { format!("Export the {} chosen as CSV", props.assessments.len()) }
        </button>
    }
}

/// A chosen CSV file as the import action: its bytes read as Excel may have saved them
/// (UTF-8 with or without a mark, UTF-16, Windows-1252; commas or semicolons).
fn read_csv(file_name: String, bytes: Vec<u8>) -> Action {
    let text = match decode(&bytes) {
        Ok(decoded) => decoded.text,
        Err(error) => {
            return Action::ImportFailed {
                file_name,
                error: error.to_string(),
            }
        }
    };
    match profile_csv::read(&text) {
        Ok(imported) => Action::ImportCsv {
            assessments: imported.assessments,
            errors: imported.errors.iter().map(ToString::to_string).collect(),
            file_name,
            today: today(),
        },
        Err(error) => Action::ImportFailed {
            file_name,
            error: error.to_string(),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct CsvImportProps {
    pub dispatch: Callback<Action>,
}

#[component]
pub fn CsvImport(props: &CsvImportProps) -> Html {
    let onchange = on_choose(props.dispatch.clone(), read_csv);
    html! {
        <div class="field import">
            <label for="import-csv">{ "Import profiles from CSV" }</label>
            <input id="import-csv" type="file" accept=".csv,text/csv" {onchange}
                data-testid="import-csv" aria-describedby="import-csv-help" />
            <p class="help" id="import-csv-help">
                { "A CSV in the nasss batch format (id and the seven domains' levels). Each good row becomes a new saved quick assessment; rows that cannot be read are listed by line." }
            </p>
        </div>
    }
}
