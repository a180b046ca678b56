//! SARIF 2.1.0 for code scanning (GitHub uploads it with `github/codeql-action/upload-sarif`).
//!
//! `tool.driver.rules` lists every rule with its summary and its documentation as
//! `fullDescription` and `help`; results point at their rule by id and index and carry a
//! region with 1-based lines and columns counted in characters (`columnKind:
//! unicodeCodePoints`), `endColumn` being the column after the span, plus byte offsets.
//! Related spans become `relatedLocations` with their label as message. Notes are included
//! with level `note`.

use super::{end_position, FileReport};
use crate::finding::{Finding, Severity};
use crate::rules::Rule;
use crate::source::Document;
use serde::ser::Serializer;
use serde::Serialize;
use std::io::{self, Write};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Results<'a>,
}

/// Every finding of every file, each serialized as it is written.
struct Results<'a> {
    files: &'a [FileReport<'a>],
    /// Each file's path as a URI.
    uris: Vec<String>,
    rules: &'a [&'a dyn Rule],
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.files.iter().zip(&self.uris).flat_map(|(file, uri)| {
            file.findings
                .iter()
                .map(move |f| result(file.doc, uri, f, self.rules))
        }))
    }
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor<'a>>,
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<&'a str>,
    full_description: Text<String>,
    help: Help,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<&'a str>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<&'a str>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text<&'a str>,
}

/// [`write`] into a string.
pub fn render(
    files: &[FileReport],
    rules: &[&dyn Rule],
    docs: impl Fn(&dyn Rule) -> String,
) -> String {
    super::to_string(|out| write(out, files, rules, docs))
}

/// Writes a SARIF log; `rules` is the catalogue (docs come from the rules themselves).
pub fn write(
    out: &mut dyn Write,
    files: &[FileReport],
    rules: &[&dyn Rule],
    docs: impl Fn(&dyn Rule) -> String,
) -> io::Result<()> {
    let descriptors: Vec<RuleDescriptor> = rules
        .iter()
        .map(|r| {
            let text = docs(*r);
            RuleDescriptor {
                id: r.id(),
                name: r.id(),
                short_description: Text { text: r.summary() },
                full_description: Text { text: text.clone() },
                help: Help {
                    text: text.clone(),
                    markdown: text,
                },
            }
        })
        .collect();
    let results = Results {
        files,
        uris: files
            .iter()
            .map(|f| f.doc.path.replace('\\', "/"))
            .collect(),
        rules,
    };
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "numcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: descriptors,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    super::write_json(out, &log, true)?;
    writeln!(out)
}

fn result<'a>(
    doc: &'a Document,
    uri: &'a str,
    f: &'a Finding,
    rules: &[&dyn Rule],
) -> SarifResult<'a> {
    SarifResult {
        rule_id: f.rule,
        rule_index: rules.iter().position(|r| r.id() == f.rule),
        level: match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        },
        message: Text { text: &f.message },
        locations: [location(doc, uri, f.primary, None, None)],
        related_locations: f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| location(doc, uri, r.span, Some(i + 1), Some(r.label.as_str())))
            .collect(),
    }
}

fn location<'a>(
    doc: &'a Document,
    uri: &'a str,
    span: crate::model::Span,
    id: Option<usize>,
    label: Option<&'a str>,
) -> Location<'a> {
    let (start_line, start_column) = doc.lines.position(&doc.text, span.start);
    let (end_line, end_column) = end_position(doc, span.end);
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri },
            region: Region {
                start_line,
                start_column,
                end_line,
                end_column,
                byte_offset: span.start,
                byte_length: span.len(),
                snippet: Text {
                    text: doc.text.get(span.start..span.end).unwrap_or(""),
                },
            },
        },
        message: label.map(|text| Text { text }),
    }
}
