//! Running the rules over one document.

use crate::extract::extract;
use crate::model::Claim;
use crate::report::Finding;
use crate::source::Document;

/// What a rule sees of one document.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub claims: &'a [Claim],
}

/// The findings for one document, sorted by start offset, rule id and end offset.
pub fn check_document(doc: &Document) -> (Vec<Claim>, Vec<Finding>) {
    let claims = extract(doc);
    let ctx = Context {
        doc,
        claims: &claims,
    };
    let mut findings = Vec::new();
    for rule in crate::rules::registry() {
        rule.check(&ctx, &mut findings);
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (claims, findings)
}
