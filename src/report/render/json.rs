//! `json` and `json-lines` (`json.md`, FINDING). JSON always carries every finding, notes
//! included.

use super::{Counts, FileReport};
use crate::report::claim_json::decimal_string;
use crate::report::Finding;
use crate::source::Document;
use serde::Serialize;
use serde_json::json;

#[derive(Serialize)]
pub struct RelatedJson {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: &'static str,
}

#[derive(Serialize)]
pub struct ComputedJson {
    pub value: String,
    pub low: Option<String>,
    pub high: Option<String>,
}

/// One finding as `json.md` defines it.
#[derive(Serialize)]
pub struct FindingJson {
    pub rule: &'static str,
    pub severity: &'static str,
    pub verdict: &'static str,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub related: Vec<RelatedJson>,
    pub computed: Option<ComputedJson>,
}

impl FindingJson {
    pub fn new(doc: &Document, f: &Finding) -> FindingJson {
        let (line, column) = doc.lines.position(&doc.text, f.primary.start);
        let text = |s: crate::model::Span| doc.text.get(s.start..s.end).unwrap_or("").to_string();
        FindingJson {
            rule: f.rule,
            severity: f.severity.as_str(),
            verdict: f.verdict.as_str(),
            message: f.message.clone(),
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
                    label: r.label,
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

fn file_json(file: &FileReport) -> serde_json::Value {
    let findings: Vec<FindingJson> = file
        .findings
        .iter()
        .map(|f| FindingJson::new(file.doc, f))
        .collect();
    let date = file
        .reference_date
        .map(|(d, src)| json!({"date": d.to_string(), "source": src.as_str()}));
    json!({"path": file.doc.path, "findings": findings, "reference_date": date})
}

/// The whole report as one pretty-printed JSON document.
pub fn render(files: &[FileReport]) -> String {
    let counts = Counts::of(files.iter().flat_map(|f| f.findings));
    let root = json!({
        "version": 1,
        "files": files.iter().map(file_json).collect::<Vec<_>>(),
        "summary": {"errors": counts.errors, "warnings": counts.warnings, "notes": counts.notes},
    });
    let mut s = serde_json::to_string_pretty(&root).unwrap_or_default();
    s.push('\n');
    s
}

/// One line per file: `{"path", "findings", "reference_date"}`.
pub fn render_lines(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        out.push_str(&file_json(file).to_string());
        out.push('\n');
    }
    out
}
