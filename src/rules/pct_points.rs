//! NUM-PCT-POINTS (`rules.md` #5).

use crate::analysis::change::{self, formula, Change, Owner};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Severity, Verdict};
use crate::rules::RuleCheck;
use crate::semantics::format::{self, computed, message_decimals};
use crate::semantics::reading;
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A change between two percentages whose size is given in "%", "percentage points",
    /// "points" or "basis points": the point difference B − A and the relative change
    /// (B − A)/A × 100 are both computed, and the stated size must fit the reading its unit
    /// names.
    ///
    /// ## Why it matters
    /// "Support fell 6%" for a move from 48% to 42% is six points but a 12.5% relative fall;
    /// readers cannot tell which the writer meant, and the two differ by a factor of the base.
    ///
    /// ## Example
    /// "Support for the bypass fell 6% from 48% to 42%." → warning: 6 points written as "%".
    /// "Turnout rose 15 percentage points, from 61% to 64%." → error: 3 points, +4.9% relative.
    ///
    /// ## Known limits
    /// Both percentages must be in the sentence as from/to values. A size in points may be
    /// written "13 points" or "five percentage points"; a stated relative change that is
    /// really the point difference is read as points unless the relative reading fits as
    /// exactly. Changes in "%" below 1 that fit the point difference in interest-rate copy
    /// ("cut the base rate 0.25%", rate jargon) are only a note; elsewhere ("fell from 5.2%
    /// to 4.8%, a drop of 0.4 percent") a warning. Points that are really the relative change
    /// are an error. Loose "%" inside quotations is not told apart.
    pub struct PctPoints = ("NUM-PCT-POINTS", "percent vs percentage points confused");
}

impl RuleCheck for PctPoints {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (c, &owner) in ctx.changes().iter().zip(ctx.change_owners()) {
            if owner == Some(Owner::Points) {
                out.extend(finding(ctx, c));
            }
        }
    }
}

fn finding(ctx: &Context, c: &Change) -> Option<Finding> {
    let pct = c.pct?;
    let claim = &ctx.claims[pct];
    let raw = reading(claim, &ctx.settings.tolerances)?;
    let sign = c.word.sign;
    let relative_stated = change::signed(&raw, sign);
    let scale = change::points_scale_at(ctx, pct);
    let points_stated = change::scaled(&relative_stated, scale.unwrap_or(Decimal::ONE))?;
    let points = change::check(c, &points_stated, false, formula::difference)?;
    let relative = change::check(c, &relative_stated, true, formula::pct_change)?;
    let in_points = scale.is_some();
    // Points that fit only if the percentages were rounded, where the relative change fits
    // as written, are the relative change ("from 60% to 66%, up 10 percentage points").
    let exact = |c: &change::Check| c.verdict() == Some(Verdict::Consistent);
    let points_fit = points.fits() && (exact(&points) || !exact(&relative));
    let (verdict, default, words) = match (in_points, points_fit, relative.fits()) {
        (true, true, _) => (points.verdict()?, Severity::Warning, "points"),
        (true, false, true) => (
            Verdict::Inconsistent,
            Severity::Error,
            "the relative change written as points",
        ),
        (false, true, _) => {
            let below_one = raw.value.is_some_and(|v| v.abs() < Decimal::ONE);
            let s = if below_one && rate_jargon(ctx, c) {
                Severity::Note
            } else {
                Severity::Warning
            };
            (Verdict::Inconsistent, s, "points written as %")
        }
        _ => (
            Verdict::Inconsistent,
            Severity::Error,
            "neither reading fits",
        ),
    };
    let facts = change::facts(ctx, c, pct, default);
    let severity = change::severity_for(ctx, verdict, &facts)?;
    let d = message_decimals(c.from.decimals.max(c.to.decimals));
    let p = points.computation.point?;
    let r = relative.computation.point?;
    let words = if verdict == Verdict::Inconsistent {
        words
    } else {
        format::verdict_words(verdict)
    };
    let message = format!(
        "{} is {} points ({}) and {} relative ({}%); the text says {}: {}",
        change::values_text(ctx, c),
        signed(p, d),
        format::interval(&points.judgement.computed, d),
        change::signed_pct(r, 1),
        format::interval(&relative.judgement.computed, 1),
        ctx.text(claim.span).trim(),
        words,
    );
    Some(Finding {
        rule: PctPoints::ID,
        severity,
        verdict,
        message,
        primary: claim.span,
        related: change::related(c),
        computed: Some(computed(p, &points.judgement.computed)),
    })
}

/// Words of interest-rate copy, where "cut rates by 0.25%" is the trade's own usage.
const RATE_JARGON: &[&str] = &[
    "interest",
    "base rate",
    "key rate",
    "policy rate",
    "deposit rate",
    "lending rate",
    "bank rate",
    "cash rate",
    "repo rate",
    "funds rate",
    "mortgage rate",
    "prime rate",
    "discount rate",
    "refinancing rate",
    "cut rates",
    "raised rates",
    "yield",
];

fn rate_jargon(ctx: &Context, c: &Change) -> bool {
    let sentence = ctx.text(c.sentence).to_lowercase();
    RATE_JARGON.iter().any(|w| sentence.contains(w))
}

fn signed(v: Decimal, d: u32) -> String {
    let n = format::number(v, d);
    if v > Decimal::ZERO {
        format!("+{n}")
    } else {
        n
    }
}
