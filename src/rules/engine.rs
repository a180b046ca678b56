//! Engine rules: findings the engine, not a rule's check, reports. They are declared here so
//! that they are documented, selectable and listed like every other rule.

use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::Finding;
use crate::rules::RuleCheck;

declare_rule! {
    /// ## What it checks
    /// `<!-- numcheck: … -->` comments that suppress nothing: an `ignore[RULE-ID]` whose next
    /// paragraph has no finding of that rule, a `disable`/`off` range without findings, and
    /// directives numcheck cannot read (`numcheck: ignor[…]`).
    ///
    /// ## Why it matters
    /// A stale suppression hides the next real error in that paragraph; a misspelt one
    /// suppresses nothing while the author believes it does.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- numcheck: ignore[NUM-PCT-CHANGE] -->
    /// Sales rose from 10 to 12 units, or 20%.
    /// ```
    /// The change is 20%, so nothing is suppressed and the comment is reported.
    ///
    /// ## Known limits
    /// Suppressions naming only rules that are not selected are not reported. The engine
    /// reports this rule after all others ran; it cannot itself be suppressed.
    pub struct UnusedSuppression = (crate::source::suppress::UNUSED_SUPPRESSION, "suppression comments that suppress nothing");
}

impl RuleCheck for UnusedSuppression {
    /// Reported by [`crate::source::suppress::apply`] once every other rule has run.
    fn run(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
}

declare_rule! {
    /// ## What it checks
    /// Nothing in the text: this note says that a document had more figures than numcheck
    /// cross-checks at once (2,000), so the rules compared figures within each paragraph
    /// (in runs of at most 200) instead of across the whole document.
    ///
    /// ## Why it matters
    /// Rule work grows with the square of the figures compared; the cap keeps a generated
    /// table or a wire dump from hanging a CI job. The note tells the reader that errors
    /// linking figures in different paragraphs were not looked for.
    ///
    /// ## Example
    /// A 3,000-row statistics appendix pasted into an article gives one note on its first
    /// figure; every figure is still extracted and checked against its neighbours.
    ///
    /// ## Known limits
    /// Split very long documents to have them checked across paragraphs.
    pub struct Limit = (crate::limits::LIMIT_RULE, "a document over the cross-checking cap");
}

impl RuleCheck for Limit {
    /// Reported by the engine ([`crate::check::check_document`]) when it splits the passes.
    fn run(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::{MAX_CLAIMS_CROSS_CHECKED, MAX_CLAIMS_PER_PASS};
    use crate::rules::Rule;

    /// The caps are written out in the docs; they must follow the constants.
    #[test]
    fn limit_docs_name_the_caps() {
        let thousands = |n: usize| {
            let s = n.to_string();
            match s.len() {
                4..=6 => format!("{},{}", &s[..s.len() - 3], &s[s.len() - 3..]),
                _ => s,
            }
        };
        let docs = Limit.docs();
        assert!(docs.contains(&format!("({})", thousands(MAX_CLAIMS_CROSS_CHECKED))));
        assert!(docs.contains(&format!("at most {MAX_CLAIMS_PER_PASS})")));
    }
}
