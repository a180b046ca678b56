//! NUM-PCT-CHANGE (`rules.md` #1).

use crate::analysis::change::{self, formula, Change, Owner};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity};
use crate::rules::RuleCheck;
use crate::semantics::format::{self, computed, message_decimals};
use crate::semantics::reading;

declare_rule! {
    /// ## What it checks
    /// A stated percent change against the two values it links in one sentence: "rose 8.4% to
    /// 1.29 million from 1.19 million", "slipped to $9,570 from $10,950, a drop of $1,380, or
    /// 12.6%". The earlier value may follow a short reference phrase ("up 12% from last
    /// year's 25,000", "down 40% on the long-term average of 95 mm", "a 25% drop from
    /// Monday's close of 236 pence"); the values may be start and end ("opening at $50 and
    /// closing at $46"); a period may stand between the size and the values ("rose by 8% in
    /// the year to March, from 1,250 to 1,450"); the size may be a fraction after "by" ("up
    /// by a third from 2,400"). c = (B − A)/A × 100 is tested with the values' rounding
    /// (strict, then permissive; the stated percentage keeps its own strict reading); a
    /// stated absolute change D is tested against |B − A| too.
    ///
    /// ## Why it matters
    /// A percent change that does not follow from its own figures is the commonest arithmetic
    /// slip in business and public-service news, and readers quote the percentage.
    ///
    /// ## Example
    /// "Revenue climbed 14% to $3.9 billion from $3.7 billion." → error: +5.4% (2.7–8.2% given
    /// rounding). "Enrollment fell 5% to 4,200 from 4,500." → note: consistent given rounding.
    ///
    /// ## Known limits
    /// Only one pair of values per sentence; two from/to pairs are skipped. Years are never
    /// values ("rose 23% from 2016 to 2022"); a percentage with its own base (", or 11.2% of
    /// turnover") or a rate per period ("4% a year") is not the change; sentences about per-share,
    /// adjusted, constant-currency, organic or like-for-like figures are skipped, and so are
    /// values in different periods or currency quotes. Percent-point confusions, ratios written as
    /// increases, impossible decreases and wrong directions are reported by their own rules.
    pub struct PctChange = ("NUM-PCT-CHANGE", "stated percent change vs stated values");
}

impl RuleCheck for PctChange {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (c, &owner) in ctx.changes().iter().zip(ctx.change_owners()) {
            if owner == Some(Owner::PctChange) {
                out.extend(percent_finding(ctx, c));
            }
            out.extend(amount_finding(ctx, c));
        }
    }
}

fn percent_finding(ctx: &Context, c: &Change) -> Option<Finding> {
    let pct = c.pct?;
    let stated = change::stated_pct(ctx, c)?;
    let check = change::check(c, &stated, true, formula::pct_change)?;
    let verdict = check.verdict()?;
    let facts = change::facts(ctx, c, pct, Severity::Error);
    let severity = change::severity_for(ctx, verdict, &facts)?;
    let point = check.computation.point?;
    let d = message_decimals(stated.decimals).max(1);
    let iv = check.judgement.computed;
    let message = format!(
        "{} is {} ({}%{}); the text says {}: {}",
        change::values_text(ctx, c),
        change::signed_pct(point, d),
        format::interval(&iv, d),
        change::rounding_words(verdict),
        ctx.text(ctx.claims[pct].span).trim(),
        format::verdict_words(verdict),
    );
    let mut related = change::related(c);
    if let Some(a) = c.amount {
        related.push(Related {
            span: ctx.claims[a].span,
            label: Role::Change,
        });
    }
    Some(Finding {
        rule: PctChange::ID,
        severity,
        verdict,
        message,
        primary: ctx.claims[pct].span,
        related,
        computed: Some(computed(point, &iv)),
    })
}

/// A stated absolute change ("a drop of $1,380") against B − A.
fn amount_finding(ctx: &Context, c: &Change) -> Option<Finding> {
    let amount = c.amount?;
    let claim = &ctx.claims[amount];
    if c.from.is_percent || claim.unit != ctx.claims[c.to.claim].unit {
        return None;
    }
    if change::direction_contradicted(c) != Some(false) {
        return None;
    }
    let stated = change::signed(&reading(claim, &ctx.settings.tolerances)?, c.word.sign);
    let check = change::check(c, &stated, false, formula::difference)?;
    let verdict = check.verdict()?;
    let facts = change::facts(ctx, c, amount, Severity::Error);
    let severity = change::severity_for(ctx, verdict, &facts)?;
    let point = check.computation.point?;
    let d = change::unit_decimals(stated.unit);
    let iv = check.judgement.computed;
    let (noun, size, size_iv) = if point.is_sign_negative() {
        ("a fall", -point, iv.neg())
    } else {
        ("a rise", point, iv)
    };
    let message = format!(
        "{} is {} of {} ({}{}); the text says {}: {}",
        change::values_text(ctx, c),
        noun,
        format::number(size, d),
        format::interval(&size_iv, d),
        change::rounding_words(verdict),
        ctx.text(claim.span).trim(),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: PctChange::ID,
        severity,
        verdict,
        message,
        primary: claim.span,
        related: change::related(c),
        computed: Some(computed(point, &iv)),
    })
}
