//! NUM-PCT-AS-RATIO (`rules.md` #13).

use crate::analysis::change::{self, formula, Change, Owner};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Severity, Verdict};
use crate::rules::RuleCheck;
use crate::semantics::format::{self, computed, message_decimals};

declare_rule! {
    /// ## What it checks
    /// A stated increase of P% between two values where P is not the change 100·(B − A)/A but
    /// the ratio 100·B/A (100·A/B for a fall): "rose from 48 to 1,530, an increase of 3,188%".
    ///
    /// ## Why it matters
    /// Computing the new value as a percentage of the old one overstates every increase by
    /// exactly 100 points; for large increases the slip is invisible without the arithmetic.
    ///
    /// ## Example
    /// "Applications rose from 48 to 1,530, an increase of 3,188%." → warning: +3,087.5%;
    /// 1,530 is 3,187.5% of 48.
    ///
    /// ## Known limits
    /// Reported only where the percent change does not fit and the ratio does; true ratios
    /// ("X is 150% of Y", "rose to 150% of") have their own base and are never the change.
    pub struct PctAsRatio = ("NUM-PCT-AS-RATIO", "percent increase computed as a ratio");
}

impl RuleCheck for PctAsRatio {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (c, &owner) in ctx.changes().iter().zip(ctx.change_owners()) {
            if owner == Some(Owner::AsRatio) {
                out.extend(finding(ctx, c));
            }
        }
    }
}

fn finding(ctx: &Context, c: &Change) -> Option<Finding> {
    let pct = c.pct?;
    let stated = change::stated_pct(ctx, c)?;
    let change_check = change::check(c, &stated, true, formula::pct_change)?;
    let ratio = change::ratio_check(ctx, c)?;
    let d = message_decimals(stated.decimals).max(1);
    let point = change_check.computation.point?;
    let ratio_point = ratio.computation.point?;
    let message = format!(
        "{} is {} ({}% given rounding), but the ratio is {}%; the text says {}: the ratio written as the change",
        change::values_text(ctx, c),
        change::signed_pct(point, d),
        format::interval(&change_check.judgement.computed, d),
        format::number(ratio_point, d),
        ctx.text(ctx.claims[pct].span).trim(),
    );
    Some(Finding {
        rule: PctAsRatio::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message,
        primary: ctx.claims[pct].span,
        related: change::related(c),
        computed: Some(computed(point, &change_check.judgement.computed)),
    })
}
