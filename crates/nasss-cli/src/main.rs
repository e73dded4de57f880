//! `nasss`: the command-line shell over the core. It parses arguments, reads files, and chooses
//! exit codes in one place; every judgement is the core's.
//!
//! Exit status: 0 when everything was read and done; 1 when an input (a file, or some batch
//! rows) could not be read; 2 for a mistake in the command line itself (clap's own).

mod batch;
mod calibrate;
mod diff;
mod input;
mod team;

use anyhow::Result;
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};
use nasss_core::render::{render, Format};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nasss",
    version,
    about = "NASSS complexity analyser: classify each domain of a health or social care innovation and read its mainstreaming outlook"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render the report for an assessment file (`-` reads standard input)
    Assess {
        /// The assessment file (JSON, "schema": "nasss-assessment/1"), or `-` for stdin
        file: PathBuf,
        /// Report format
        #[arg(long, short, default_value = "text", value_parser = report_format())]
        format: Format,
        /// Judge the plan's overdue steps as of this day (YYYY-MM-DD); by default the file's last update
        #[arg(long, value_name = "DATE", value_parser = nasss_core::assessment::Date::parse)]
        as_of: Option<nasss_core::assessment::Date>,
    },
    /// Check assessment files and say exactly where any problem is
    Validate {
        /// One or more assessment files, or `-` for stdin
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the assessment file format
    Schema,
    /// Score many domain profiles at once: CSV or JSON Lines in, CSV out
    #[command(
        after_help = "CSV input has the header\n  id,condition,technology,value_proposition,adopter_system,organisation,wider_system,embedding_adaptation\nwith cells simple|complicated|complex|unknown (any case; blank means unknown).\nJSON Lines input has one assessment file per line; its title is the id.\nRows that cannot be read are reported on stderr with their line; the rest are scored and the exit status is 1."
    )]
    Batch {
        /// The input file, or `-` for stdin
        file: PathBuf,
        /// Input format; by default from the file's extension (.csv, .jsonl, .ndjson) or its first character
        #[arg(long, value_enum)]
        input: Option<batch::InputFormat>,
    },
    /// Say what changed between two assessment files, or two snapshots of one (`--from`, `--to`)
    #[command(
        after_help = "Examples:\n  nasss diff before.json after.json\n  nasss diff scheme.json --from \"Before the pilot\"             (that snapshot against now)\n  nasss diff scheme.json --from \"Before the pilot\" --to \"Six months in\"\nOnly what changed is named: ratings and domains with their old and new levels, the outlook before and after, and next steps added, removed or moved on."
    )]
    Diff {
        /// The earlier assessment file, or `-` for stdin
        before: PathBuf,
        /// The later assessment file; leave out to compare snapshots of the first
        after: Option<PathBuf>,
        /// A snapshot of the earlier file to start from, by name
        #[arg(long)]
        from: Option<String>,
        /// A snapshot of the later file (or the one file) to end at, by name; else as it stands
        #[arg(long)]
        to: Option<String>,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// List the built-in worked examples and published cases, or print one as an assessment file
    Examples {
        /// The id of the example to print; leave out to list them all
        id: Option<String>,
    },
    /// Bring a team's replies (or ordinary assessment files) together into one team assessment
    #[command(
        after_help = "The first file is the team assessment if it is one (or an invitation); otherwise a new team\nassessment is started from it. Each file counts as one person's ratings: its one named rater,\nelse the file's name. The same person again replaces their earlier ratings; a file from a\ndifferent assessment is refused. Notes and refusals go to stderr."
    )]
    Merge {
        /// The files to merge, in order
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the team assessment (standard output if left out)
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Show where a team agrees: each item's levels, split items first, and the agreement figures
    Agreement {
        /// A team assessment file (made by `nasss merge` or the app), or `-` for stdin
        file: PathBuf,
        /// Output format
        #[arg(long, short, default_value = "text", value_parser = report_format())]
        format: Format,
    },
    /// Score every case in a folder of assessment files against its recorded outcome
    Calibrate {
        /// A folder of assessment files (*.json) with retrospective framing and outcomes
        dir: PathBuf,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = calibrate::CalibrateFormat::Text)]
        format: calibrate::CalibrateFormat,
    },
}

/// `--format`'s values: every report format the core has, by its key.
fn report_format() -> impl TypedValueParser<Value = Format> {
    clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::key))
        .map(|key| Format::from_key(&key).unwrap_or_else(|| unreachable!("clap checked `{key}`")))
}

/// What a command did, for the exit status.
pub enum Outcome {
    Done,
    /// Some input could not be read; what could be was still processed.
    InputErrors,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::InputErrors) => ExitCode::from(1),
        Err(error) => {
            // A closed pipe (`nasss batch … | head`) is not an error.
            if let Some(io) = error.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("nasss: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    match command {
        Command::Assess {
            file,
            format,
            as_of,
        } => {
            let assessment = input::read_assessment(&file)?;
            let report = match as_of {
                Some(today) => nasss_core::assess_as_of(&assessment, today),
                None => nasss_core::assess(&assessment),
            };
            stdout.write_all(render(&report, format).as_bytes())?;
            Ok(Outcome::Done)
        }
        Command::Validate { files } => {
            let mut failed = false;
            for file in &files {
                match input::read_assessment(file) {
                    Ok(assessment) => {
                        let warnings = nasss_core::load::warnings(&assessment);
                        writeln!(stdout, "{}: ok", input::name(file))?;
                        for warning in warnings {
                            writeln!(stdout, "{}: warning: {warning}", input::name(file))?;
                        }
                    }
                    Err(error) => {
                        failed = true;
                        eprintln!("{error:#}");
                    }
                }
            }
            Ok(match failed {
                true => Outcome::InputErrors,
                false => Outcome::Done,
            })
        }
        Command::Schema => {
            stdout.write_all(nasss_core::schema::assessment_schema().as_bytes())?;
            Ok(Outcome::Done)
        }
        Command::Batch { file, input } => batch::run(&file, input, &mut stdout),
        Command::Merge { files, output } => team::merge(&files, output.as_deref(), &mut stdout),
        Command::Agreement { file, format } => team::agreement(&file, format, &mut stdout),
        Command::Calibrate { dir, format } => calibrate::run(&dir, format, &mut stdout),
        Command::Diff {
            before,
            after,
            from,
            to,
            format,
        } => diff::run(
            &before,
            after.as_ref(),
            from.as_deref(),
            to.as_deref(),
            format,
            &mut stdout,
        ),
        Command::Examples { id: None } => {
            for example in nasss_core::examples::examples() {
                let kind = match example.kind {
                    nasss_core::examples::ExampleKind::Worked => "worked example",
                    nasss_core::examples::ExampleKind::Case => "published case",
                };
                writeln!(
                    stdout,
                    "{:<48} {kind:<15} {}",
                    example.id,
                    example.assessment().title
                )?;
            }
            Ok(Outcome::Done)
        }
        Command::Examples { id: Some(id) } => match nasss_core::examples::example(&id) {
            Some(example) => {
                stdout.write_all(example.json.as_bytes())?;
                Ok(Outcome::Done)
            }
            None => anyhow::bail!("no example `{id}`: `nasss examples` lists them"),
        },
    }
}
