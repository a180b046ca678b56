//! What a change relation says: which rule owns it (§7.6), the family's formulas, the
//! judged checks and the pieces of their messages.

use super::*;
use crate::finding::Role;

/// Which rule reports a change that has a stated percentage (`semantics.md` §7.6: one
/// finding per problem; the more specific rules suppress NUM-PCT-CHANGE on their triple).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    PctChange,
    Points,
    AsRatio,
    Impossible,
    Direction,
}

/// Checked arithmetic of the family.
pub mod formula {
    use crate::semantics::propagate::ops;
    use crate::semantics::ArithError;
    use rust_decimal::Decimal;

    /// (B − A) / A × 100 over [A, B].
    pub fn pct_change(x: &[Decimal]) -> Result<Decimal, ArithError> {
        ops::mul(ops::div(ops::sub(x[1], x[0])?, x[0])?, Decimal::ONE_HUNDRED)
    }
    /// B − A over [A, B].
    pub fn difference(x: &[Decimal]) -> Result<Decimal, ArithError> {
        ops::sub(x[1], x[0])
    }
    /// B / A over [A, B].
    pub fn ratio(x: &[Decimal]) -> Result<Decimal, ArithError> {
        ops::div(x[1], x[0])
    }
    /// 100 · B / A over [A, B].
    pub fn pct_ratio(x: &[Decimal]) -> Result<Decimal, ArithError> {
        ops::mul(ratio(x)?, Decimal::ONE_HUNDRED)
    }
}

/// A reading with its sign flipped for a fall: "fell 5%" states −5 %.
pub fn signed(r: &Reading, sign: Sign) -> Reading {
    if sign == Sign::Up {
        return r.clone();
    }
    Reading {
        value: r.value.map(|v| -v),
        strict: r.strict.neg(),
        permissive: r.permissive.neg(),
        ..r.clone()
    }
}

/// A reading of `claim` scaled by `k` ("35 basis points" → 0.35 points).
pub fn scaled(r: &Reading, k: rust_decimal::Decimal) -> Option<Reading> {
    Some(Reading {
        value: r.value.and_then(|v| v.checked_mul(k)),
        strict: r.strict.scale(k).ok()?,
        permissive: r.permissive.scale(k).ok()?,
        unit: r.unit.checked_mul(k)?,
        ..r.clone()
    })
}

/// A judged formula over the change's two values against a stated reading.
#[derive(Clone, Debug)]
pub struct Check {
    pub computation: Computation,
    pub judgement: Judgement,
}

impl Check {
    pub fn verdict(&self) -> Option<Verdict> {
        self.judgement.verdict
    }
    pub fn fits(&self) -> bool {
        matches!(
            self.verdict(),
            Some(Verdict::Consistent | Verdict::ConsistentByRounding)
        )
    }
}

/// F(A, B) judged against `stated`; `None` when the arithmetic has no result.
pub fn check<F>(change: &Change, stated: &Reading, divide_by_from: bool, f: F) -> Option<Check>
where
    F: Fn(&[rust_decimal::Decimal]) -> Result<rust_decimal::Decimal, crate::semantics::ArithError>,
{
    let divisors: &[usize] = if divide_by_from { &[0] } else { &[] };
    let computation = compute(&[&change.from.reading, &change.to.reading], divisors, f).ok()?;
    let judgement = judge(stated, &computation);
    Some(Check {
        computation,
        judgement,
    })
}

/// The stated percentage's reading, signed by the direction word.
pub fn stated_pct(ctx: &Context, change: &Change) -> Option<Reading> {
    let r = size_reading(ctx, change.pct?)?;
    Some(signed(&r, change.word.sign))
}

/// Ordinal words that name a fraction after "a": "by a third", "by a quarter".
const FRACTION_ORDINALS: &[(&str, i64)] = &[
    ("half", 2),
    ("third", 3),
    ("quarter", 4),
    ("fourth", 4),
    ("fifth", 5),
    ("tenth", 10),
];

/// The fraction a size states when it is one: "by a third", "by half", "by two-thirds"
/// (after "by", so that a share such as "a third of the staff" is never a change).
pub fn fraction_size(ctx: &Context, index: usize) -> Option<Decimal> {
    let claim = ctx.claims.get(index)?;
    let text = &ctx.doc.text;
    let sentence = ctx.segments.sentence_of(claim.span.start)?.1;
    let before = words_before(text, sentence.start, claim.span.start, 2);
    let after_by = match before.as_slice() {
        [by, ..] if by == "by" => true,
        [article, by] if by == "by" && matches!(article.as_str(), "a" | "one") => true,
        _ => false,
    };
    if !after_by
        || text_after(text, claim.span.end, 4)
            .trim_start()
            .starts_with("of")
    {
        return None;
    }
    match (&claim.kind, &claim.quantity) {
        (Kind::Fraction, Quantity::Fraction(crate::model::FractionForm::Word(f))) => Some(*f),
        (Kind::Ordinal, _) => {
            let word = ctx.text(claim.span).trim().to_lowercase();
            let (_, n) = FRACTION_ORDINALS.iter().find(|(w, _)| *w == word)?;
            Decimal::ONE.checked_div(Decimal::from(*n))
        }
        _ => None,
    }
}

/// The reading of a stated size as a percentage: a percentage or points as written, a
/// fraction ("by a third") as 100·f with the fraction's own tolerance (`semantics.md` §4).
pub fn size_reading(ctx: &Context, index: usize) -> Option<Reading> {
    let claim = ctx.claims.get(index)?;
    let tolerances = &ctx.settings.tolerances;
    let Some(f) = fraction_size(ctx, index) else {
        return reading(claim, tolerances);
    };
    let mut as_fraction = claim.clone();
    as_fraction.kind = Kind::Fraction;
    as_fraction.quantity = Quantity::Fraction(crate::model::FractionForm::Word(f));
    scaled(&reading(&as_fraction, tolerances)?, Decimal::ONE_HUNDRED)
}

/// The direction word contradicts the values: B − A lies wholly on the other side of 0.
pub fn direction_contradicted(change: &Change) -> Option<bool> {
    let word = change.word;
    let diff = compute(
        &[&change.from.reading, &change.to.reading],
        &[],
        formula::difference,
    )
    .ok()?
    .permissive;
    let zero = rust_decimal::Decimal::ZERO;
    Some(match word.sign {
        Sign::Up => diff.high.is_some_and(|h| h <= zero),
        Sign::Down => diff.low.is_some_and(|l| l >= zero),
    })
}

/// A stated decrease beyond 100 % (after rounding; a hedged one wholly beyond 100).
pub fn over_hundred(ctx: &Context, pct: usize, sign: Sign) -> bool {
    let Some(r) = ctx
        .claims
        .get(pct)
        .and_then(|c| reading(c, &ctx.settings.tolerances))
    else {
        return false;
    };
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    sign == Sign::Down
        && r.strict
            .low
            .is_some_and(|l| l > hundred || (l == hundred && r.strict.low_open))
}

/// Both values are percentages: the stated change may be in points.
pub fn between_percentages(change: &Change) -> bool {
    change.from.is_percent && change.to.is_percent
}

/// The stated size in points (`None` for a plain "%"): "pp"/"points" → 1, "bp" → 0.01.
pub fn points_scale(claim: &Claim) -> Option<rust_decimal::Decimal> {
    match claim.unit {
        Some(crate::model::Unit::Points) => Some(rust_decimal::Decimal::ONE),
        Some(crate::model::Unit::BasisPoints) => Some(rust_decimal::Decimal::new(1, 2)),
        _ => None,
    }
}

/// Words after a bare number that make it a size in points: "13 points", "five
/// percentage points", "40 basis points", with the factor to points.
const POINTS_AFTER: &[(&str, i64, u32)] = &[
    ("percentage point", 1, 0),
    ("percent point", 1, 0),
    ("basis point", 1, 2),
    ("point", 1, 0),
    ("pts", 1, 0),
];

/// The stated size in points of claim `index`: its unit ("pp", "bp"), or a plain number
/// followed by "points" ("down 13 points", "a drop of five points"); `None` for a "%".
pub fn points_scale_at(ctx: &Context, index: usize) -> Option<Decimal> {
    let claim = ctx.claims.get(index)?;
    if let Some(scale) = points_scale(claim) {
        return Some(scale);
    }
    if claim.kind != Kind::Number || claim.numeral().is_none() {
        return None;
    }
    let after = text_after(&ctx.doc.text, claim.span.end, 20);
    let after = after.strip_prefix(' ')?;
    POINTS_AFTER
        .iter()
        .find(|(w, _, _)| after.starts_with(w))
        .map(|&(_, m, e)| Decimal::new(m, e))
}

/// Which reading a stated size between two percentages fits: relative change (`true`) or
/// points (`false`). The relative one wins only when it fits at least as well: "from 4 percent
/// to 6 percent, an increase of 2 percent" is two points exactly and +50% only if every
/// figure was rounded.
fn relative_reading_wins(ctx: &Context, change: &Change) -> bool {
    let Some(stated) = stated_pct(ctx, change) else {
        return false;
    };
    let relative = check(change, &stated, true, formula::pct_change);
    let points = check(change, &stated, false, formula::difference);
    let exact =
        |c: &Option<Check>| c.as_ref().and_then(Check::verdict) == Some(Verdict::Consistent);
    relative.as_ref().is_some_and(Check::fits) && (exact(&relative) || !exact(&points))
}

/// The rule that reports a change with a stated percentage.
pub fn owner(ctx: &Context, change: &Change) -> Option<Owner> {
    let pct = change.pct?;
    let word = change.word;
    if over_hundred(ctx, pct, word.sign) {
        return Some(Owner::Impossible);
    }
    if direction_contradicted(change) == Some(true) {
        return Some(Owner::Direction);
    }
    let in_points = points_scale_at(ctx, pct).is_some();
    // Points between two values that are no percentages (index points) are no percent change.
    if in_points && !between_percentages(change) {
        return None;
    }
    if between_percentages(change) {
        return Some(if !in_points && relative_reading_wins(ctx, change) {
            Owner::PctChange
        } else {
            Owner::Points
        });
    }
    let stated = stated_pct(ctx, change)?;
    let change_fits = check(change, &stated, true, formula::pct_change)?.fits();
    if !change_fits && ratio_check(ctx, change).is_some_and(|c| ratio_near(&stated, &c)) {
        return Some(Owner::AsRatio);
    }
    Some(Owner::PctChange)
}

/// The ratio fits the stated percentage and lies within 10% of it: a bound such as "more
/// than 10%" is satisfied by any large ratio, which says nothing about how P was computed.
fn ratio_near(stated: &Reading, ratio: &Check) -> bool {
    let (Some(p), Some(r)) = (stated.value, ratio.computation.point) else {
        return false;
    };
    let tolerance = p.abs() / Decimal::TEN;
    ratio.fits() && (r - p.abs()).abs() <= tolerance
}

/// The stated percentage read as 100·B/A (100·A/B for a fall), unsigned.
pub fn ratio_check(ctx: &Context, change: &Change) -> Option<Check> {
    let claim = ctx.claims.get(change.pct?)?;
    let stated = reading(claim, &ctx.settings.tolerances)?;
    let flipped;
    let c = if change.word.sign == Sign::Down {
        flipped = Change {
            from: change.to.clone(),
            to: change.from.clone(),
            ..change.clone()
        };
        &flipped
    } else {
        change
    };
    check(c, &stated, true, formula::pct_ratio)
}

/// "$3.7 billion → $3.9 billion", as written.
pub fn values_text(ctx: &Context, change: &Change) -> String {
    format!(
        "{} → {}",
        ctx.text(change.from.span).trim(),
        ctx.text(change.to.span).trim()
    )
}

/// A signed percentage for a message: "+5.4%", "-6.7%".
pub fn signed_pct(v: rust_decimal::Decimal, decimals: u32) -> String {
    let n = crate::semantics::format::number(v, decimals);
    if v.is_sign_positive() && !v.is_zero() {
        format!("+{n}%")
    } else {
        format!("{n}%")
    }
}

/// Decimals that show a value to its last written digit: "$1.4 million" → 0, "$4.25" → 2.
pub fn unit_decimals(unit: Decimal) -> u32 {
    if unit >= Decimal::ONE {
        0
    } else {
        unit.normalize().scale()
    }
}

/// " given rounding" when the deciding pass was the permissive one.
pub fn rounding_words(verdict: Verdict) -> &'static str {
    if verdict == Verdict::Consistent {
        ""
    } else {
        " given rounding"
    }
}

/// The severity of §7.5 for one check, or `None` when it is not reported; a passed check is
/// reported as a note when the user asks for consistent entries.
pub fn severity_for(ctx: &Context, verdict: Verdict, facts: &Facts) -> Option<Severity> {
    severity(verdict, facts).or_else(|| {
        (verdict == Verdict::Consistent && ctx.settings.show_consistent).then_some(Severity::Note)
    })
}

/// §7.5 facts for a check over the change's values and the stated claim.
pub fn facts(ctx: &Context, change: &Change, stated: usize, default: Severity) -> Facts {
    let claims = [change.from.claim, change.to.claim, stated];
    let stated_claim = &ctx.claims[stated];
    Facts {
        default,
        binding: change.binding,
        hedged: claims.iter().any(|&i| is_hedged(&ctx.claims[i])),
        up_to_violation: false,
        different_sources: false,
        decision_flip: stated_claim.hedge.is_bound(),
        checked_is_estimate: stated_claim.hedge == crate::model::Hedge::Estimate,
    }
}

/// The related spans of a change: `from`, `to`.
pub fn related(change: &Change) -> Vec<Related> {
    vec![
        Related {
            span: change.from.span,
            label: Role::From,
        },
        Related {
            span: change.to.span,
            label: Role::To,
        },
    ]
}
