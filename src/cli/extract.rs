//! `numcheck extract`: print claims as a table, JSON or JSON Lines (batch).

use super::input;
use clap::{Args, ValueEnum};
use numcheck::extract::extract;
use numcheck::report::claim_json::ClaimJson;
use numcheck::source::{Document, Format};
use serde_json::{json, Value};
use std::io::{BufRead, BufWriter, Write};
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
}

pub fn run(args: ExtractArgs) -> Result<ExitCode, String> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.batch {
        run_batch(&mut out).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let (inputs, mut errors) = input::collect(&args.paths);
    let mut docs = Vec::new();
    for i in &inputs {
        match input::read(i, args.stdin_filename.as_deref()) {
            Ok(Some(doc)) => docs.push(doc),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        eprintln!("numcheck: error: {e}");
    }
    let failed = !errors.is_empty();
    let result = match args.format {
        ExtractFormat::Table => write_table(&mut out, &docs),
        ExtractFormat::Json => write_json(&mut out, &docs),
        ExtractFormat::JsonLines => docs.iter().try_for_each(|doc| {
            let line = json!({"path": doc.path, "claims": claims_json(doc)});
            writeln!(out, "{line}")
        }),
    };
    result
        .and_then(|_| out.flush())
        .map_err(|e| e.to_string())?;
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

fn write_json(out: &mut impl Write, docs: &[Document]) -> std::io::Result<()> {
    let files: Vec<Value> = docs
        .iter()
        .map(|doc| json!({"path": doc.path, "claims": claims_json(doc)}))
        .collect();
    let root = json!({"version": 1, "files": files});
    serde_json::to_writer_pretty(&mut *out, &root)?;
    writeln!(out)
}

fn write_table(out: &mut impl Write, docs: &[Document]) -> std::io::Result<()> {
    for doc in docs {
        writeln!(out, "{}", doc.path)?;
        for c in claims_json(doc) {
            let value = match (&c.value, &c.low, &c.high) {
                (Some(v), _, _) => v.clone(),
                (None, Some(l), Some(h)) => format!("{l}..{h}"),
                _ => "-".to_string(),
            };
            let interval = format!(
                "[{}, {}]",
                c.interval.low.as_deref().unwrap_or("-∞"),
                c.interval.high.as_deref().unwrap_or("∞")
            );
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

/// JSON Lines in, JSON Lines out, in input order; a bad line yields an error line.
fn run_batch(out: &mut impl Write) -> std::io::Result<()> {
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(&line) {
            Err(e) => json!({"id": Value::Null, "error": format!("invalid JSON: {e}")}),
            Ok(v) => {
                let id = v.get("id").cloned().unwrap_or(Value::Null);
                match v.get("text").and_then(Value::as_str) {
                    None => json!({"id": id, "error": "no \"text\" string"}),
                    Some(text) => {
                        let doc = Document::new("<batch>", text.to_string(), Format::Plain);
                        json!({"id": id, "claims": claims_json(&doc)})
                    }
                }
            }
        };
        writeln!(out, "{result}")?;
    }
    Ok(())
}
