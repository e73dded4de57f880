//! Project automation in Rust, reached as `cargo xtask <task>` through the alias in
//! `.cargo/config.toml` (see <https://github.com/matklad/cargo-xtask/>). Each task is a module;
//! this file only dispatches, so `cargo xtask help` is the table of contents.

mod bench;
mod browser;
mod dist;
mod fuzz;
mod serve;
mod shell;
mod test;
mod tidy;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

Tasks:
  test     run every check: unit, property, snapshot and CLI tests, the wasm build of the core,
           the browser tests of the web app
  dist     build the web app into dist/ (dist/index.html is one self-contained file)
  serve    build dist/ and serve it on 127.0.0.1, printing the address
  fuzz     run each fuzz target (fuzz/) for a bounded time; `fuzz --seconds N` (default 60)
  bench    measure size and speed into docs/performance.md; `bench --check` checks the budgets
  help     show this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match task {
        "test" => test::run(rest),
        "dist" => dist::run(rest).map(|_| ()),
        "serve" => serve::run(rest),
        "fuzz" => fuzz::run(rest),
        "bench" => bench::run(rest),
        bench::MEASURE_TASK => bench::measure_child(rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(anyhow::anyhow!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask {task}: {error:#}");
            ExitCode::FAILURE
        }
    }
}
