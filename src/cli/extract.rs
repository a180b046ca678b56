//! `numcheck extract`: print claims as a table, JSON or JSON Lines (batch).

use super::batch;
use super::input;
use super::output::print_with;
use clap::{Args, ValueEnum};
use numcheck::extract::extract;
use numcheck::report::claim_json::ClaimJson;
use numcheck::source::{Document, Format};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A readable table: line:col, kind, text, value or interval, counted noun.
    Table,
    Json,
    JsonLines,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files or directories to read; `-` for stdin.
    #[arg(default_value = "-")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long = "output-format", alias = "format", value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
    /// Read JSON Lines documents `{"id", "text"}` from stdin; write one result line each.
    #[arg(long)]
    pub batch: bool,
    /// The name to give stdin (for format detection and messages).
    #[arg(long)]
    pub stdin_filename: Option<String>,
    /// Refuse inputs (or batch documents) larger than this: bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size, default_value = "256M")]
    pub max_file_size: u64,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode, String> {
    if args.batch {
        let stdin = std::io::stdin().lock();
        print_with(|out| {
            batch::stream(stdin, out, args.max_file_size, |id, text| {
                let doc = Document::new("<batch>", text, Format::Plain);
                json!({"id": id, "claims": claims_json(&doc)})
            })
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let (inputs, mut errors) = input::collect(&args.paths);
    // Files are read and extracted in parallel, then written in input order.
    let results: Vec<Result<Extracted, String>> = inputs
        .par_iter()
        .map(|i| {
            input::read(i, args.stdin_filename.as_deref(), args.max_file_size).map(|doc| {
                let claims = claims_json(&doc);
                (doc, claims)
            })
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        eprintln!("numcheck: error: {e}");
    }
    let failed = !errors.is_empty();
    print_with(|out| match args.format {
        ExtractFormat::Table => write_table(out, &files),
        ExtractFormat::Json => write_json(out, &files),
        ExtractFormat::JsonLines => files.iter().try_for_each(|(doc, claims)| {
            let line = json!({"path": doc.path, "claims": claims});
            writeln!(out, "{line}")
        }),
    })?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn claims_json(doc: &Document) -> Vec<ClaimJson> {
    extract(doc)
        .iter()
        .map(|c| ClaimJson::new(doc, c))
        .collect()
}

/// A document with its claims.
type Extracted = (Document, Vec<ClaimJson>);

fn write_json(out: &mut dyn Write, files: &[Extracted]) -> std::io::Result<()> {
    let files: Vec<Value> = files
        .iter()
        .map(|(doc, claims)| json!({"path": doc.path, "claims": claims}))
        .collect();
    let root = json!({"version": 1, "files": files});
    serde_json::to_writer_pretty(&mut *out, &root)?;
    writeln!(out)
}

fn write_table(out: &mut dyn Write, files: &[Extracted]) -> std::io::Result<()> {
    for (doc, claims) in files {
        writeln!(out, "{}", doc.path)?;
        for c in claims {
            let value = match (&c.value, &c.low, &c.high) {
                (Some(v), _, _) => v.clone(),
                (None, Some(l), Some(h)) => format!("{l}..{h}"),
                _ => "-".to_string(),
            };
            // Years, dates and ordinals carry no interval (semantics.md §1.1).
            let interval = match (&c.interval.low, &c.interval.high) {
                (None, None) => String::new(),
                (low, high) => format!(
                    "[{}, {}]",
                    low.as_deref().unwrap_or("-∞"),
                    high.as_deref().unwrap_or("∞")
                ),
            };
            let mut extra = String::new();
            if c.hedge != "none" {
                extra.push_str(&format!(" hedge={}", c.hedge));
            }
            if let Some(u) = &c.unit {
                extra.push_str(&format!(" unit={u}"));
            }
            if let Some(counted) = &c.counted {
                extra.push_str(&format!(" counted=\"{counted}\""));
            }
            if let Some(of) = &c.of {
                extra.push_str(&format!(" of=\"{of}\""));
            }
            if let Some(r) = &c.resolved {
                extra.push_str(&format!(" resolved={r}"));
            }
            if c.in_heading {
                extra.push_str(" heading");
            }
            writeln!(
                out,
                "  {:>4}:{:<3} {:<13} {:<40} {} {}{}",
                c.line,
                c.column,
                c.kind,
                format!("{:?}", c.text),
                value,
                interval,
                extra
            )?;
        }
    }
    Ok(())
}
