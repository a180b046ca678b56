//! One check of one document version through the library's pipeline, and its findings as
//! LSP diagnostics.

use super::text::LineMap;
use crate::check::{self, Checked};
use crate::config::Resolved;
use crate::finding::{Finding, Severity};
use crate::limits::LIMIT_RULE;
use crate::report::claim_json::decimal_string;
use crate::source::{Document, Format};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};
use std::sync::Arc;

/// Where each rule's documentation is published (docs/rules.md, one heading per rule id).
pub const RULES_DOC: &str = "https://github.com/OWNER/numcheck/blob/main/docs/rules.md";

/// A checked version of a document: what hover and code actions read, and what was
/// published.
pub struct Analysis {
    /// The [`Job::id`] this came from.
    pub job: u64,
    pub uri: Uri,
    pub version: i32,
    pub checked: Checked,
    pub lines: LineMap,
    /// The findings published, in the order of `diagnostics`.
    pub shown: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What one check needs; cheap to send to the worker thread.
pub struct Job {
    /// Increases with every job the server starts: of two checks of one version, only the
    /// later one's result is published (settings may have changed in between).
    pub id: u64,
    pub uri: Uri,
    pub version: i32,
    /// Names the document for the engine and for `per-file-ignores`: the file's path, or the
    /// URI when it is not a file.
    pub path: String,
    pub text: String,
    pub format: Format,
    pub resolved: Arc<Resolved>,
    pub show_consistent: bool,
}

/// Checks a document as `numcheck check` would, and converts the findings it shows.
///
/// The pipeline always runs with the caller's `show_consistent`, so the findings are the
/// CLI's for the same setting; notes are then shown only when asked, except the one saying
/// the document was past the work cap, which an editor user needs to see to trust silence.
pub fn analyze(job: Job) -> Analysis {
    let doc = Document::new(job.path, job.text, job.format);
    let checked = check::check(doc, job.resolved, None, job.show_consistent);
    let lines = LineMap::new(&checked.doc.text);
    let shown: Vec<Finding> = checked
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Note || job.show_consistent || f.rule == LIMIT_RULE)
        .cloned()
        .collect();
    let diagnostics = shown
        .iter()
        .map(|f| diagnostic(&job.uri, &checked.doc.text, &lines, f))
        .collect();
    Analysis {
        job: job.id,
        uri: job.uri,
        version: job.version,
        checked,
        lines,
        shown,
        diagnostics,
    }
}

/// The documentation link of a rule id, if it is a documented rule.
pub fn rule_doc(rule: &str) -> Option<Uri> {
    crate::rules::registry()
        .iter()
        .any(|r| r.id() == rule)
        .then(|| format!("{RULES_DOC}#{}", rule.to_ascii_lowercase()))
        .and_then(|s| s.parse().ok())
}

/// The arithmetic line the terminal prints under a finding (`= computed: …`).
pub fn arithmetic(f: &Finding) -> String {
    match &f.computed {
        Some(c) => format!(
            "computed: {} ({}–{}); verdict: {}",
            decimal_string(c.value),
            c.low.map(decimal_string).unwrap_or_else(|| "-∞".into()),
            c.high.map(decimal_string).unwrap_or_else(|| "∞".into()),
            f.verdict.as_str()
        ),
        None => format!("verdict: {}", f.verdict.as_str()),
    }
}

fn diagnostic(uri: &Uri, text: &str, lines: &LineMap, f: &Finding) -> Diagnostic {
    let severity = match f.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    };
    // Every span the arithmetic used, labelled as the terminal labels its dashes.
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(text, r.span.start, r.span.end)),
            message: format!("{}: {}", r.label, r.span.text(text)),
        })
        .collect();
    Diagnostic {
        range: lines.range(text, f.primary.start, f.primary.end),
        severity: Some(severity),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: rule_doc(f.rule).map(|href| CodeDescription { href }),
        source: Some("numcheck".into()),
        message: format!("{}\n{}", f.message, arithmetic(f)),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
