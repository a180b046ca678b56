//! Command-line interface: clap arguments → resolved settings → run → exit code.
//!
//! Exit codes: 0 nothing at or above the fail level, 1 findings at or above it (or stale
//! ledgers with `snapshot --check`), 2 usage, configuration or I/O errors.

mod batch;
mod check;
mod config_cmd;
mod extract;
mod input;
mod output;
mod rules;
mod server;
mod settings;
mod snapshot;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "numcheck",
    version,
    about = "Find the quantitative claims in news prose and check the figures against each other",
    after_help = "Examples:
  numcheck check article.md                      check one article
  numcheck check --show-consistent articles/     also show what was verified
  numcheck check --format sarif -o numcheck.sarif articles/
  numcheck extract --format json article.md      print every claim as JSON
  numcheck snapshot articles/ && git diff        claim ledgers for review
  numcheck rule NUM-PCT-CHANGE                   a rule's documentation
  echo '{\"id\":1,\"text\":\"38 attacks\"}' | numcheck extract --format json-lines --batch

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage, config or I/O error."
)]
pub struct Cli {
    /// Worker threads for files and batch documents (default: one per core).
    #[arg(short = 'j', long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Replace invalid UTF-8 in inputs with U+FFFD (with a warning) instead of failing them.
    #[arg(long, global = true)]
    pub lossy: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the figures of each input against each other.
    Check(check::CheckArgs),
    /// Print every quantitative claim found in the input.
    Extract(extract::ExtractArgs),
    /// Write (or --check) the claim ledger beside each article.
    Snapshot(snapshot::SnapshotArgs),
    /// List every rule.
    Rules(rules::RulesArgs),
    /// Print one rule's documentation.
    Rule(rules::RuleArgs),
    /// Print the settings that apply to a path.
    Config(config_cmd::ConfigCmdArgs),
    /// Serve a local web page and an HTTP API (`/api/v1`) for checking texts.
    Serve(crate::serve::ServeArgs),
    /// Run the language server (LSP over stdio) for editors.
    Server(server::ServerArgs),
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
    if let Some(n) = cli.threads {
        // Fails only if the pool was already built, which nothing does before this.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    input::set_lossy(cli.lossy);
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Snapshot(args) => snapshot::run(args),
        Command::Rules(args) => rules::run_rules(args),
        Command::Rule(args) => rules::run_rule(args),
        Command::Config(args) => config_cmd::run(args),
        Command::Serve(args) => crate::serve::run(args),
        Command::Server(args) => server::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("numcheck: error: {e}");
            ExitCode::from(2)
        }
    }
}
