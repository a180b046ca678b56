//! `numcheck extract`: print claims as a table, JSON or JSON Lines (batch).

use super::batch;
use super::input;
use super::output::print_with;
use clap::{Args, ValueEnum};
use numcheck::extract::extract;
use numcheck::model::Claim;
use numcheck::report::claim_json::ClaimJson;
use numcheck::report::render;
use numcheck::source::Document;
use rayon::prelude::*;
use serde::ser::{Serialize, Serializer};
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
            batch::stream(stdin, out, args.max_file_size, |id, text, line| {
                let doc = Document::new("<batch>", text, batch::line_format(line)?);
                let claims = extract(&doc);
                let claims = ClaimsJson {
                    doc: &doc,
                    claims: &claims,
                };
                Ok(batch::to_line(&BatchClaims { id, claims }))
            })
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let (inputs, mut errors) = input::collect(&args.paths);
    // Files are read and extracted in parallel, then written in input order.
    let results: Vec<Result<Option<Extracted>, String>> = inputs
        .par_iter()
        .map(|i| {
            input::read(i, args.stdin_filename.as_deref(), args.max_file_size).map(|doc| {
                doc.map(|doc| {
                    let claims = extract(&doc);
                    (doc, claims)
                })
            })
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(Some(f)) => files.push(f),
            Ok(None) => {}
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
        ExtractFormat::JsonLines => files.iter().try_for_each(|file| {
            render::write_json(out, &FileClaims::of(file), false)?;
            writeln!(out)
        }),
    })?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// A document with its claims, turned into JSON only as they are written.
type Extracted = (Document, Vec<Claim>);

/// A document's claims as a JSON array, each claim serialized straight to the output.
struct ClaimsJson<'a> {
    doc: &'a Document,
    claims: &'a [Claim],
}

impl Serialize for ClaimsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.claims.iter().map(|c| ClaimJson::new(self.doc, c)))
    }
}

/// `{"path", "claims"}`: one file of `--format json`, one line of `--format json-lines`.
#[derive(serde::Serialize)]
struct FileClaims<'a> {
    path: &'a str,
    claims: ClaimsJson<'a>,
}

impl<'a> FileClaims<'a> {
    fn of((doc, claims): &'a Extracted) -> FileClaims<'a> {
        FileClaims {
            path: &doc.path,
            claims: ClaimsJson { doc, claims },
        }
    }
}

/// `{"id", "claims"}`: one line of `--batch`.
#[derive(serde::Serialize)]
struct BatchClaims<'a> {
    id: serde_json::Value,
    claims: ClaimsJson<'a>,
}

/// `{"version": 1, "files": [...]}`.
#[derive(serde::Serialize)]
struct ExtractJson<'a> {
    version: u32,
    files: Vec<FileClaims<'a>>,
}

fn write_json(out: &mut dyn Write, files: &[Extracted]) -> std::io::Result<()> {
    let root = ExtractJson {
        version: 1,
        files: files.iter().map(FileClaims::of).collect(),
    };
    render::write_json(out, &root, true)?;
    writeln!(out)
}

fn write_table(out: &mut dyn Write, files: &[Extracted]) -> std::io::Result<()> {
    for (doc, claims) in files {
        writeln!(out, "{}", doc.path)?;
        for c in claims {
            let c = ClaimJson::new(doc, c);
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
