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
    let (text, note) = match decode(&bytes) {
        Ok(decoded) => (decoded.text, decoded.encoding.note()),
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
            note,
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

#[cfg(test)]
mod tests {
    use super::read_csv;
    use crate::state::Action;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_windows_1252_csv_is_read_and_the_person_told_to_check_it() {
        let mut bytes = b"id;condition;technology;value_proposition;adopter_system;organisation;wider_system;embedding_adaptation\nCaf".to_vec();
        bytes.extend([
            0xE9, b' ', 0x96, b' ', b'n', b'u', b'r', b's', b'e', 0x92, b's',
        ]);
        bytes.extend(b";simple;;;;;;\n");
        let Action::ImportCsv {
            assessments, note, ..
        } = read_csv("p.csv".into(), bytes)
        else {
            panic!("the Windows-1252 file is imported");
        };
        assert_eq!(assessments.len(), 1);
        assert_eq!(assessments[0].title, "Café – nurse’s");
        let note = note.expect("a guessed encoding is noted");
        assert!(note.contains("Windows-1252"), "{note}");
        let utf8 = "id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\nCafé,simple,,,,,,\n";
        let Action::ImportCsv { note, .. } = read_csv("p.csv".into(), utf8.into()) else {
            panic!("the UTF-8 file is imported");
        };
        assert_eq!(note, None, "UTF-8 needs no note");
    }
}
