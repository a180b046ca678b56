//! The one library entry point that does everything `numcheck check` does for one document:
//! the reference date, extraction and the rules, rule selection (`select`, `ignore`,
//! `per-file-ignores`), suppression comments and severity overrides.
//!
//! Every front door (the CLI, and any server or binding built on the library) goes through
//! [`check`] or [`check_text`], so the same text and settings give the same findings.

pub use crate::analysis::Settings;
use crate::analysis::{Context, DocumentMemo};
use crate::config::{Overrides, Resolved};
use crate::extract::extract_document;
use crate::finding::Finding;
use crate::limits;
use crate::model::{Claim, Span};
use crate::source::{DateSource, Document, Format};
use jiff::civil::Date;
use std::path::Path;
use std::sync::Arc;

/// The claims and the findings for one document, findings sorted by start offset, rule id
/// and end offset. Over [`limits::MAX_CLAIMS_CROSS_CHECKED`] claims the rules check within
/// paragraphs only, and a note says so.
pub fn check_document(doc: &Document, settings: &Settings) -> (Vec<Claim>, Vec<Finding>) {
    let extraction = extract_document(doc);
    let (claims, segments) = (extraction.claims, extraction.segments);
    let passes = limits::passes(&claims, |at| segments.paragraph_of(at).map(|(i, _)| i));
    let mut findings = Vec::new();
    if passes.len() > 1 {
        findings.push(limits::note(&claims));
    }
    let whole_document = passes.len() == 1;
    let document = DocumentMemo::new(extraction.figure_words);
    for pass in passes {
        let pass_claims = &claims[pass];
        // A pass over part of the document walks only the segments its claims lie in: rules
        // iterate over sentences, and every pass walking all of them would be quadratic.
        let pass_segments;
        let segments = if whole_document {
            &segments
        } else {
            let Some(first) = pass_claims.first() else {
                continue;
            };
            let end = pass_claims
                .iter()
                .map(|c| c.span.end)
                .max()
                .unwrap_or(first.span.end);
            let covered = Span::new(first.span.start, end);
            pass_segments = segments.within(covered);
            &pass_segments
        };
        let ctx = Context::for_pass(doc, pass_claims, segments, settings, &document);
        for rule in crate::rules::registry() {
            rule.check(&ctx, &mut findings);
        }
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (claims, findings)
}

/// One checked document.
pub struct Checked {
    pub doc: Document,
    pub claims: Vec<Claim>,
    /// Every finding, notes included, sorted by offset and rule id.
    pub findings: Vec<Finding>,
    /// The reference date used, and where it came from.
    pub date: Option<(Date, DateSource)>,
    pub resolved: Arc<Resolved>,
}

/// The reference date by `semantics.md` §8: the caller's (`--date`), the document's own,
/// then the configuration's.
pub fn reference_date(
    doc: &Document,
    given: Option<Date>,
    resolved: &Resolved,
) -> Option<(Date, DateSource)> {
    given
        .map(|d| (d, DateSource::CommandLine))
        .or(doc.reference_date)
        .or(resolved.reference_date.map(|d| (d, DateSource::Config)))
}

/// Checks one document under resolved settings. `date` is the caller's reference date, which
/// wins over the document's; `show_consistent` keeps the notes of checks that passed.
pub fn check(
    doc: Document,
    resolved: Arc<Resolved>,
    date: Option<Date>,
    show_consistent: bool,
) -> Checked {
    let date = reference_date(&doc, date, &resolved);
    let settings = Settings {
        reference_date: date.map(|(d, _)| d),
        tolerances: resolved.tolerance.clone(),
        show_consistent,
    };
    let (claims, findings) = check_document(&doc, &settings);
    let path = Path::new(&doc.path);
    let enabled = |id: &str| resolved.enabled_for(id, path);
    let findings: Vec<Finding> = findings.into_iter().filter(|f| enabled(f.rule)).collect();
    let findings = crate::source::suppress::apply(&doc.suppressions, findings, enabled)
        .into_iter()
        .map(|mut f| {
            f.severity = resolved.severity_of(f.rule, f.severity);
            f
        })
        .collect();
    Checked {
        doc,
        claims,
        findings,
        date,
        resolved,
    }
}

/// What a caller without a configuration file sets: the options of `numcheck check` that
/// change findings.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The reference date; `None` takes the document's own, as the CLI does.
    pub date: Option<Date>,
    /// Rule selectors to run (`None`: all).
    pub select: Option<Vec<String>>,
    /// Rule selectors to leave out.
    pub ignore: Vec<String>,
    pub show_consistent: bool,
}

/// A selector that names no rule or prefix, returned by [`check_text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSelector(pub String);

impl std::fmt::Display for UnknownSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule selector `{}`", self.0)
    }
}

impl std::error::Error for UnknownSelector {}

/// Checks a text in memory as `numcheck check` checks a file with no `numcheck.toml`;
/// `path` names it in the report (and decides nothing else).
pub fn check_text(
    path: &str,
    text: String,
    format: Format,
    options: &Options,
) -> Result<Checked, UnknownSelector> {
    let selectors = options.select.iter().flatten().chain(&options.ignore);
    if let Some(bad) = selectors
        .into_iter()
        .find(|s| !crate::config::is_known_selector(s))
    {
        return Err(UnknownSelector(bad.clone()));
    }
    let overrides = Overrides {
        select: options.select.clone(),
        extend_ignore: options.ignore.clone(),
        fail_on: None,
    };
    let resolved = Arc::new(Resolved::new(None, &overrides));
    let doc = Document::new(path, text, format);
    Ok(check(doc, resolved, options.date, options.show_consistent))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Sales rose 50% to $3 million from $1 million last year.\n";

    #[test]
    fn check_text_applies_selection() {
        let all = check_text("a.txt", TEXT.into(), Format::Plain, &Options::default()).unwrap();
        assert!(all.findings.iter().any(|f| f.rule == "NUM-PCT-CHANGE"));
        let options = Options {
            ignore: vec!["NUM-PCT".into()],
            ..Options::default()
        };
        let some = check_text("a.txt", TEXT.into(), Format::Plain, &options).unwrap();
        assert!(some.findings.iter().all(|f| !f.rule.starts_with("NUM-PCT")));
    }

    #[test]
    fn check_text_applies_suppressions() {
        let text = format!("<!-- numcheck: ignore[NUM-PCT-CHANGE] -->\n{TEXT}");
        let c = check_text("a.md", text, Format::Markdown, &Options::default()).unwrap();
        assert!(c.findings.iter().all(|f| f.rule != "NUM-PCT-CHANGE"));
    }

    #[test]
    fn check_text_rejects_unknown_selectors() {
        let options = Options {
            select: Some(vec!["NUM-NOPE".into()]),
            ..Options::default()
        };
        let err = check_text("a.txt", TEXT.into(), Format::Plain, &options).err();
        assert_eq!(err, Some(UnknownSelector("NUM-NOPE".into())));
    }
}
