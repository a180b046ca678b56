//! `numcheck config [PATH]`: the settings that apply to PATH (a file or directory) after
//! searching for numcheck.toml, as TOML.

use super::input::Input;
use super::output::print;
use super::settings::{ConfigArgs, Configs};
use clap::Args;
use numcheck::config::Overrides;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct ConfigCmdArgs {
    /// The file or directory whose settings to show.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub config: ConfigArgs,
}

pub fn run(args: ConfigCmdArgs) -> Result<ExitCode, String> {
    let mut configs = Configs::new(&args.config, Overrides::default())?;
    let resolved = if args.path.is_dir() {
        configs.for_dir(&args.path)?
    } else {
        configs.for_input(&Input::File(args.path.clone()), None)?
    };
    print(&resolved.to_toml())?;
    Ok(ExitCode::SUCCESS)
}
