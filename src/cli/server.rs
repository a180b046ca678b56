//! `numcheck server`: the language server (the protocol lives in the library's `lsp`).

use clap::Args;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ServerArgs {
    /// Talk over stdin and stdout (the only transport; accepted because clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// Exit code 0 after `shutdown` then `exit`, 1 when the client left without `shutdown`
/// (as LSP 3.17 asks).
pub fn run(_args: ServerArgs) -> Result<ExitCode, String> {
    Ok(match numcheck::lsp::run_stdio() {
        numcheck::lsp::End::Clean => ExitCode::SUCCESS,
        numcheck::lsp::End::Abrupt => ExitCode::from(1),
    })
}
