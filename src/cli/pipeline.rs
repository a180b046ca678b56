//! One document through the engine with its resolved settings: reference date, rule
//! selection, per-file ignores, suppressions and severity overrides.

use jiff::civil::Date;
use numcheck::check::{check_document, Settings};
use numcheck::config::Resolved;
use numcheck::model::Claim;
use numcheck::report::Finding;
use numcheck::source::{DateSource, Document};
use std::path::Path;
use std::sync::Arc;

pub struct Checked {
    pub doc: Document,
    pub claims: Vec<Claim>,
    /// Every finding, notes included, sorted.
    pub findings: Vec<Finding>,
    pub date: Option<(Date, DateSource)>,
    pub resolved: Arc<Resolved>,
}

/// The reference date by `semantics.md` §8: `--date`, the document's own, then the config.
pub fn reference_date(
    doc: &Document,
    cli: Option<Date>,
    resolved: &Resolved,
) -> Option<(Date, DateSource)> {
    cli.map(|d| (d, DateSource::CommandLine))
        .or(doc.reference_date)
        .or(resolved.reference_date.map(|d| (d, DateSource::Config)))
}

pub fn check(
    doc: Document,
    resolved: Arc<Resolved>,
    cli_date: Option<Date>,
    show_consistent: bool,
) -> Checked {
    let date = reference_date(&doc, cli_date, &resolved);
    let settings = Settings {
        reference_date: date.map(|(d, _)| d),
        tolerances: resolved.tolerance.clone(),
        show_consistent,
    };
    let (claims, findings) = check_document(&doc, &settings);
    let path = Path::new(&doc.path);
    let enabled = |id: &str| resolved.enabled_for(id, path);
    let findings: Vec<Finding> = findings.into_iter().filter(|f| enabled(f.rule)).collect();
    let findings = numcheck::suppress::apply(&doc.suppressions, findings, enabled)
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
