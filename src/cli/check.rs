//! `numcheck check`: run the rules over every input and report like a linter.

use super::batch;
use super::input::{self, Input};
use super::output::{emit_with, print, print_with, write_atomic, write_atomic_with, ColorChoice};
use super::settings::{ConfigArgs, Configs};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::civil::Date;
use numcheck::baseline::{self, Baseline};
use numcheck::check::{self, Checked};
use numcheck::config::{FailOn, Overrides};
use numcheck::finding::{Finding, Severity};
use numcheck::report::render::{concise, full, github, json, sarif, Counts, FileReport};
use numcheck::source::Document;
use rayon::prelude::*;
use serde_json::Value;
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Source snippets with carets, labels and the arithmetic.
    Full,
    /// `path:line:col: severity RULE-ID message`.
    Concise,
    Json,
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

impl OutputFormat {
    /// Human formats hide notes unless asked and end with a summary line.
    fn is_human(self) -> bool {
        matches!(self, OutputFormat::Full | OutputFormat::Concise)
    }
    /// Formats that show notes only with `--show-consistent`.
    fn hides_notes(self) -> bool {
        self.is_human() || self == OutputFormat::Github
    }
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check; `-` for stdin.
    #[arg(default_value = "-")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long = "output-format", alias = "format", value_enum, default_value_t = OutputFormat::Full)]
    pub format: OutputFormat,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output-file", value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Also show the checks that passed and the derived values (notes).
    #[arg(long)]
    pub show_consistent: bool,
    /// The reference date (YYYY-MM-DD) for year-less dates, ages and "last year".
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,
    /// Exit 0 even when findings were reported.
    #[arg(long)]
    pub exit_zero: bool,
    /// The name to give stdin (for format detection, configuration and messages).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Only these rules (ids or prefixes, comma-separated; overrides `select` in the config).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Skip these rules (ids or prefixes; added to `ignore` in the config).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (then report only new ones: none).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Read JSON Lines `{"id", "text"}` from stdin and write `{"id", "findings"}` per line
    /// (with `--format json-lines`).
    #[arg(long)]
    pub batch: bool,
    /// Refuse inputs (or batch documents) larger than this: bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size, default_value = "256M")]
    pub max_file_size: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
}

impl CheckArgs {
    pub fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            extend_ignore: self.ignore.clone(),
            fail_on: self.fail_on.map(|f| match f {
                FailOnArg::Error => FailOn::Error,
                FailOnArg::Warning => FailOn::Warning,
            }),
        }
    }
}

/// Checks every input with its settings, in input order; read errors are returned apart.
/// Each file's claims are dropped as soon as it is checked unless `keep_claims`: they take
/// several times the text's size and only the ledgers print them.
pub fn check_inputs(
    paths: &[String],
    stdin_name: Option<&str>,
    configs: &mut Configs,
    date: Option<Date>,
    show_consistent: bool,
    max_file_size: u64,
    keep_claims: bool,
) -> Result<(Vec<Checked>, Vec<String>), String> {
    let (inputs, mut errors) = input::collect(paths);
    let mut jobs = Vec::new();
    for i in inputs {
        let resolved = configs.for_input(&i, stdin_name)?;
        jobs.push((i, resolved));
    }
    let progress = (std::io::stderr().is_terminal() && jobs.len() > 1).then(|| {
        let bar = ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    });
    let results: Vec<Result<Option<Checked>, String>> = jobs
        .into_par_iter()
        .map(|(i, resolved): (Input, _)| {
            let result = input::read(&i, stdin_name, max_file_size).map(|doc| {
                doc.map(|doc| {
                    let mut checked = check::check(doc, resolved, date, show_consistent);
                    if !keep_claims {
                        checked.claims = Vec::new();
                    }
                    checked
                })
            });
            if let Some(bar) = &progress {
                bar.set_message(i.display(stdin_name));
                bar.inc(1);
            }
            result
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(Some(c)) => checked.push(c),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    // Output order is by path (then offset and rule id within a file), whatever the order
    // of the arguments.
    checked.sort_by(|a, b| a.doc.path.cmp(&b.doc.path));
    Ok((checked, errors))
}

pub fn run(args: CheckArgs) -> Result<ExitCode, String> {
    if args.batch && args.format != OutputFormat::JsonLines {
        return Err("--batch needs --format json-lines".into());
    }
    let mut configs = Configs::new(&args.config, args.overrides())?;
    if args.batch {
        return run_batch(&args, &mut configs);
    }
    let (mut checked, errors) = check_inputs(
        &args.paths,
        args.stdin_filename.as_deref(),
        &mut configs,
        args.date,
        args.show_consistent,
        args.max_file_size,
        false,
    )?;
    let hidden = apply_baseline(&args, &mut checked)?;

    // Formats that show everything borrow the findings; only filtering copies them.
    let shown: Vec<Cow<[Finding]>> = checked
        .iter()
        .map(|c| {
            if args.show_consistent || !args.format.hides_notes() {
                Cow::Borrowed(c.findings.as_slice())
            } else {
                Cow::Owned(
                    c.findings
                        .iter()
                        .filter(|f| f.severity != Severity::Note)
                        .cloned()
                        .collect(),
                )
            }
        })
        .collect();
    let reports: Vec<FileReport> = checked
        .iter()
        .zip(&shown)
        .map(|(c, findings)| FileReport {
            doc: &c.doc,
            findings,
            reference_date: c.date,
        })
        .collect();
    let colour = args.color.enabled(args.output_file.is_some());
    let summary = summary_line(&checked, hidden, args.show_consistent);
    let write_report = |out: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            OutputFormat::Full => {
                for r in &reports {
                    full::write_styled(out, r.doc, r.findings, colour)?;
                }
                out.write_all(date_lines(&checked).as_bytes())?;
            }
            OutputFormat::Concise => out.write_all(concise::render(&reports).as_bytes())?,
            OutputFormat::Json => json::write(out, &reports)?,
            OutputFormat::JsonLines => json::write_lines(out, &reports)?,
            OutputFormat::Sarif => sarif::write(
                out,
                &reports,
                numcheck::rules::registry(),
                super::rules::docs_text,
            )?,
            OutputFormat::Github => out.write_all(github::render(&reports).as_bytes())?,
        }
        if args.format.is_human() {
            out.write_all(summary.as_bytes())?;
        }
        Ok(())
    };
    for e in &errors {
        eprintln!("numcheck: error: {e}");
    }
    match &args.output_file {
        Some(path) => {
            write_atomic_with(path, write_report)?;
            print(&summary)?;
        }
        None => print_with(write_report)?,
    }
    if !errors.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let failed = checked.iter().any(|c| {
        c.findings
            .iter()
            .any(|f| c.resolved.fail_on.fails(f.severity))
    });
    Ok(if failed && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes or reads the baseline and drops the findings it records; returns how many.
fn apply_baseline(args: &CheckArgs, checked: &mut [Checked]) -> Result<usize, String> {
    let entries = |c: &Checked, f: &Finding| baseline::entry(&c.doc.path, &c.doc.text, f);
    let base = if let Some(path) = &args.write_baseline {
        let all = checked
            .iter()
            .flat_map(|c| c.findings.iter().map(move |f| entries(c, f)))
            .collect();
        let b = Baseline::new(all);
        write_atomic(path, &b.to_json())?;
        b
    } else if let Some(path) = &args.baseline {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Baseline::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        return Ok(0);
    };
    let mut matcher = base.matcher();
    let mut hidden = 0;
    for c in checked.iter_mut() {
        let before = c.findings.len();
        let keep: Vec<Finding> = c
            .findings
            .iter()
            .filter(|f| !matcher.is_known(&entries(c, f)))
            .cloned()
            .collect();
        hidden += before - keep.len();
        c.findings = keep;
    }
    Ok(hidden)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "3 errors, 5 warnings in 12 files".
fn summary_line(checked: &[Checked], hidden: usize, show_notes: bool) -> String {
    let counts = Counts::of(checked.iter().flat_map(|c| &c.findings));
    let mut s = format!(
        "{}, {}",
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning")
    );
    if show_notes {
        s.push_str(&format!(", {}", plural(counts.notes, "note")));
    }
    s.push_str(&format!(" in {}", plural(checked.len(), "file")));
    if hidden > 0 {
        s.push_str(&format!(" ({hidden} more in the baseline)"));
    }
    s.push('\n');
    s
}

/// Which reference date each file used, and once for all files without one.
fn date_lines(checked: &[Checked]) -> String {
    let mut s = String::new();
    let single = checked.len() == 1;
    let mut undated = 0;
    for c in checked {
        match c.date {
            Some((d, src)) if single => {
                s.push_str(&format!("reference date: {d} ({})\n", src.as_str()))
            }
            Some((d, src)) => s.push_str(&format!(
                "{}: reference date: {d} ({})\n",
                c.doc.path,
                src.as_str()
            )),
            None => undated += 1,
        }
    }
    if undated == checked.len() && undated > 0 {
        s.push_str("no reference date: year-less dates not checked\n");
    } else if undated > 0 {
        s.push_str(&format!(
            "no reference date in {}: year-less dates not checked\n",
            plural(undated, "file")
        ));
    }
    s
}

/// `{"id", "findings"}`: one line of `--batch`.
#[derive(serde::Serialize)]
struct BatchFindings<'a> {
    id: Value,
    findings: json::FindingsJson<'a>,
}

/// JSON Lines in, JSON Lines out, in input order, documents in parallel; a bad line yields
/// an error line.
fn run_batch(args: &CheckArgs, configs: &mut Configs) -> Result<ExitCode, String> {
    let resolved = configs.for_dir(std::path::Path::new("."))?;
    let check_one = |id: Value, text: String, line: &Value| {
        let format = batch::line_format(line)?;
        let date = batch::line_date(line)?.or(args.date);
        let doc = Document::new("<batch>", text, format);
        let c = check::check(doc, resolved.clone(), date, args.show_consistent);
        let findings = json::FindingsJson {
            doc: &c.doc,
            findings: &c.findings,
        };
        Ok(batch::to_line(&BatchFindings { id, findings }))
    };
    let stdin = std::io::stdin().lock();
    emit_with(args.output_file.as_deref(), |out| {
        batch::stream(stdin, out, args.max_file_size, check_one)
    })?;
    Ok(ExitCode::SUCCESS)
}
