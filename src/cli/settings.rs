//! The second stage of argument handling: command-line flags plus `numcheck.toml` files →
//! the resolved settings of each input.

use super::input::Input;
use clap::Args;
use numcheck::config::{find_upward, is_known_selector, ConfigFile, Overrides, Resolved};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Args, Debug, Clone, Default)]
pub struct ConfigArgs {
    /// Use this configuration file for every input instead of searching upward.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every numcheck.toml.
    #[arg(long)]
    pub isolated: bool,
}

enum Mode {
    /// `--config` or `--isolated`: one setting for everything.
    Fixed(Arc<Resolved>),
    /// Nearest numcheck.toml upward from each file, cached by directory.
    Search(HashMap<PathBuf, Arc<Resolved>>),
}

pub struct Configs {
    mode: Mode,
    overrides: Overrides,
}

impl Configs {
    pub fn new(args: &ConfigArgs, overrides: Overrides) -> Result<Configs, String> {
        let selectors = overrides
            .select
            .iter()
            .flatten()
            .map(|s| ("--select", s))
            .chain(overrides.extend_ignore.iter().map(|s| ("--ignore", s)));
        for (flag, s) in selectors {
            if !is_known_selector(s) {
                return Err(format!("{flag}: unknown rule `{s}` (see `numcheck rules`)"));
            }
        }
        let mode = if let Some(path) = &args.config {
            let file = ConfigFile::load(path)?;
            Mode::Fixed(Arc::new(Resolved::new(
                Some((path.clone(), file)),
                &overrides,
            )))
        } else if args.isolated {
            Mode::Fixed(Arc::new(Resolved::new(None, &overrides)))
        } else {
            Mode::Search(HashMap::new())
        };
        Ok(Configs { mode, overrides })
    }

    /// The settings for one input: stdin is looked up from its `--stdin-filename`, or from
    /// the working directory.
    pub fn for_input(
        &mut self,
        input: &Input,
        stdin_name: Option<&str>,
    ) -> Result<Arc<Resolved>, String> {
        let dir = match input {
            Input::File(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            Input::Stdin => stdin_name
                .and_then(|n| Path::new(n).parent())
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        };
        self.for_dir(&dir)
    }

    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Resolved>, String> {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        match &mut self.mode {
            Mode::Fixed(r) => Ok(r.clone()),
            Mode::Search(cache) => {
                if let Some(r) = cache.get(dir) {
                    return Ok(r.clone());
                }
                let file = match find_upward(dir) {
                    Some(p) => Some((p.clone(), ConfigFile::load(&p)?)),
                    None => None,
                };
                let r = Arc::new(Resolved::new(file, &self.overrides));
                cache.insert(dir.to_path_buf(), r.clone());
                Ok(r)
            }
        }
    }
}
