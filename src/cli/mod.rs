//! Command-line interface: clap arguments → resolved settings → run → exit code.
//!
//! Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage,
//! configuration or I/O errors.

mod extract;
mod input;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "numcheck",
    version,
    about = "Find the quantitative claims in news prose and check the figures against each other",
    after_help = "Examples:\n  numcheck extract article.txt\n  numcheck extract --format json article.md\n  echo '{\"id\":1,\"text\":\"38 attacks\"}' | numcheck extract --format json-lines --batch"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print every quantitative claim found in the input.
    Extract(extract::ExtractArgs),
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("numcheck: error: {e}");
            ExitCode::from(2)
        }
    }
}
