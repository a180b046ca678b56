//! NUM-IMPOSSIBLE-PCT (`rules.md` #14).

use crate::analysis::change::{self, Sign};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Severity, Verdict};
use crate::model::Span;
use crate::rules::RuleCheck;

declare_rule! {
    /// ## What it checks
    /// A decrease of more than 100% of a quantity that cannot go below zero: "reports dropped
    /// 160%". The percentage must be governed by a falling word right next to it ("fell 130%",
    /// "a drop of 160%", "a 160% cut").
    ///
    /// ## Why it matters
    /// Counts, prices and rates cannot lose more than all of themselves; the figure is a typo
    /// or a misreading of "the old value was 2.6 times the new one".
    ///
    /// ## Example
    /// "Shoplifting reports dropped 160% after the cameras went up." → error.
    /// "Net income fell 130% as the airline swung to a loss." → note: income is signed.
    ///
    /// ## Known limits
    /// A hedged percentage counts only if its whole interval exceeds 100% ("nearly 110%" does
    /// not). Signed quantities (profit, income, earnings, balances, temperatures, growth rates)
    /// are recognised from a word list in the clause before the verb. Shares above 100% of a set
    /// and negative counts are not checked.
    pub struct ImpossiblePct = ("NUM-IMPOSSIBLE-PCT", "impossible percentages");
}

/// Quantities that may turn negative: a fall of more than 100% is possible.
#[rustfmt::skip]
const SIGNED: &[&str] = &[
    "profit", "profits", "income", "earnings", "loss", "losses", "balance", "deficit",
    "surplus", "temperature", "temperatures", "growth", "margin", "margins", "return", "returns",
    "ebitda", "ebit", "inflation", "outflow", "outflows", "inflow", "inflows", "net", "cash",
    "yield", "yields",
];

impl RuleCheck for ImpossiblePct {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for b in change::bare_percents(ctx) {
            if !change::over_hundred(ctx, b.pct, b.word.sign) || b.word.sign != Sign::Down {
                continue;
            }
            let claim = &ctx.claims[b.pct];
            let signed = signed_subject(ctx, b.word.span);
            let (severity, tail) = if signed {
                (
                    Severity::Note,
                    "possible only for a quantity that can turn negative",
                )
            } else {
                (
                    Severity::Error,
                    "a quantity that cannot go below zero cannot fall by more than 100%",
                )
            };
            out.push(Finding {
                rule: ImpossiblePct::ID,
                severity,
                verdict: Verdict::Inconsistent,
                message: format!(
                    "\"{}\" {}: {}",
                    ctx.text(b.word.span),
                    ctx.text(claim.span).trim(),
                    tail
                ),
                primary: claim.span,
                related: Vec::new(),
                computed: None,
            });
        }
    }
}

/// A signed quantity word in the clause before the direction word.
fn signed_subject(ctx: &Context, word: Span) -> bool {
    let start = ctx
        .segments
        .clause_of(word.start)
        .map_or(word.start, |(_, c)| c.start);
    change::words(&ctx.doc.text, Span::new(start, word.start))
        .any(|(_, w)| SIGNED.contains(&w.to_lowercase().as_str()))
}
