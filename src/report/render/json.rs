//! `json` and `json-lines` (`json.md`, FINDING). JSON always carries every finding, notes
//! included. Everything is serialized straight to the writer, borrowing from the findings
//! and the document, so a long report is never held as a tree.

use super::{Counts, FileReport};
use crate::finding::Finding;
use crate::report::claim_json::decimal_string;
use crate::source::Document;
use serde::ser::{Serialize, Serializer};
use std::io::{self, Write};

#[derive(serde::Serialize)]
pub struct RelatedJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub label: &'static str,
}

#[derive(serde::Serialize)]
pub struct ComputedJson {
    pub value: String,
    pub low: Option<String>,
    pub high: Option<String>,
}

/// One finding as `json.md` defines it.
#[derive(serde::Serialize)]
pub struct FindingJson<'a> {
    pub rule: &'static str,
    pub severity: &'static str,
    pub verdict: &'static str,
    pub message: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
    pub related: Vec<RelatedJson<'a>>,
    pub computed: Option<ComputedJson>,
}

impl<'a> FindingJson<'a> {
    pub fn new(doc: &'a Document, f: &'a Finding) -> FindingJson<'a> {
        let (line, column) = doc.lines.position(&doc.text, f.primary.start);
        let text = |s: crate::model::Span| doc.text.get(s.start..s.end).unwrap_or("");
        FindingJson {
            rule: f.rule,
            severity: f.severity.as_str(),
            verdict: f.verdict.as_str(),
            message: &f.message,
            start: f.primary.start,
            end: f.primary.end,
            line,
            column,
            text: text(f.primary),
            related: f
                .related
                .iter()
                .map(|r| RelatedJson {
                    start: r.span.start,
                    end: r.span.end,
                    text: text(r.span),
                    label: r.label.as_str(),
                })
                .collect(),
            computed: f.computed.as_ref().map(|c| ComputedJson {
                value: decimal_string(c.value),
                low: c.low.map(decimal_string),
                high: c.high.map(decimal_string),
            }),
        }
    }
}

/// A document's findings as a JSON array, each serialized as it is written.
pub struct FindingsJson<'a> {
    pub doc: &'a Document,
    pub findings: &'a [Finding],
}

impl Serialize for FindingsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.findings.iter().map(|f| FindingJson::new(self.doc, f)))
    }
}

#[derive(serde::Serialize)]
struct DateJson {
    date: String,
    source: &'static str,
}

/// `{"path", "findings", "reference_date"}`.
#[derive(serde::Serialize)]
struct FileJson<'a> {
    path: &'a str,
    findings: FindingsJson<'a>,
    reference_date: Option<DateJson>,
}

impl<'a> FileJson<'a> {
    fn of(file: &'a FileReport) -> FileJson<'a> {
        FileJson {
            path: &file.doc.path,
            findings: FindingsJson {
                doc: file.doc,
                findings: file.findings,
            },
            reference_date: file.reference_date.map(|(d, src)| DateJson {
                date: d.to_string(),
                source: src.as_str(),
            }),
        }
    }
}

#[derive(serde::Serialize)]
struct SummaryJson {
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(serde::Serialize)]
struct ReportJson<'a> {
    version: u32,
    files: Vec<FileJson<'a>>,
    summary: SummaryJson,
}

/// Writes the whole report as one pretty-printed JSON document.
pub fn write(out: &mut dyn Write, files: &[FileReport]) -> io::Result<()> {
    let counts = Counts::of(files.iter().flat_map(|f| f.findings));
    let root = ReportJson {
        version: 1,
        files: files.iter().map(FileJson::of).collect(),
        summary: SummaryJson {
            errors: counts.errors,
            warnings: counts.warnings,
            notes: counts.notes,
        },
    };
    super::write_json(out, &root, true)?;
    writeln!(out)
}

/// Writes one line per file: `{"path", "findings", "reference_date"}`.
pub fn write_lines(out: &mut dyn Write, files: &[FileReport]) -> io::Result<()> {
    for file in files {
        super::write_json(out, &FileJson::of(file), false)?;
        writeln!(out)?;
    }
    Ok(())
}

/// [`write`] into a string.
pub fn render(files: &[FileReport]) -> String {
    super::to_string(|out| write(out, files))
}

/// [`write_lines`] into a string.
pub fn render_lines(files: &[FileReport]) -> String {
    super::to_string(|out| write_lines(out, files))
}
