//! `numcheck snapshot [PATHS] [--check]`: write, or verify, the claim ledger beside each
//! article (`article.md.numcheck`). Ledgers are written atomically and only when changed; the
//! article itself is never written.

use super::check::check_inputs;
use super::output::{print, write_atomic};
use super::settings::{ConfigArgs, Configs};
use clap::Args;
use jiff::civil::Date;
use numcheck::config::Overrides;
use numcheck::ledger;
use std::path::Path;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct SnapshotArgs {
    /// Articles or directories of articles.
    #[arg(default_value = ".")]
    pub paths: Vec<String>,
    /// Write nothing; exit 1 naming every ledger that is missing or stale.
    #[arg(long)]
    pub check: bool,
    /// The reference date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

pub fn run(args: SnapshotArgs) -> Result<ExitCode, String> {
    if args.paths.iter().any(|p| p == "-") {
        return Err("snapshot needs files: a ledger cannot be written beside stdin".into());
    }
    let mut configs = Configs::new(&args.config, Overrides::default())?;
    // Ledgers list every check a figure took part in, passed or not.
    let (checked, errors) = check_inputs(
        &args.paths,
        None,
        &mut configs,
        args.date,
        true,
        super::input::DEFAULT_MAX_FILE_SIZE,
        true,
    )?;
    for e in &errors {
        eprintln!("numcheck: error: {e}");
    }
    let mut stale = Vec::new();
    let mut written = 0;
    for c in &checked {
        let text = ledger::render(&c.doc, &c.claims, &c.findings, c.date);
        let path = ledger::ledger_path(Path::new(&c.doc.path));
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        if args.check {
            let why = if current.is_some() {
                "stale"
            } else {
                "missing"
            };
            stale.push(format!("{why} ledger: {}\n", path.display()));
        } else {
            write_atomic(&path, &text)?;
            written += 1;
        }
    }
    if args.check {
        print(&stale.concat())?;
        if !stale.is_empty() {
            eprintln!(
                "numcheck: {} out of date; run `numcheck snapshot` and commit the result",
                if stale.len() == 1 {
                    "1 ledger is".to_string()
                } else {
                    format!("{} ledgers are", stale.len())
                }
            );
        }
    } else {
        print(&format!("{written} of {} ledgers updated\n", checked.len()))?;
    }
    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if !stale.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
