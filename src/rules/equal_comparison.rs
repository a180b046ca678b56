//! NUM-EQUAL-COMPARISON (`rules.md` #27).

use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Hedge, Kind, Quantity, TimeBase, TimeUnit, Unit};
use crate::rules::RuleCheck;
use crate::semantics::{format, reading, Reading};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// Two figures of one sentence set against each other — "longer than", "more … than",
    /// "compared with", "against", "while" — that are in fact equal once their units are
    /// made the same (m ↔ km, minutes ↔ hours, % ↔ fraction).
    ///
    /// ## Why it matters
    /// A contrast between equal values means one of the two figures is probably wrong,
    /// typically a unit or a decimal point slipped in conversion.
    ///
    /// ## Example
    /// "The new footbridge is 1.2 kilometres long, far longer than the old crossing's 1,200
    /// metres." → note. With "800 metres" → no finding.
    ///
    /// ## Known limits
    /// Only neighbouring figures of one sentence, both unhedged. A comparative with "than"
    /// always counts as a contrast; "compared with", "against", "versus", "while" and
    /// "whereas" only when the two figures are written differently (units or form), since
    /// "38 this year compared with 38 last year" may well say that nothing changed. Stated
    /// equality ("the same as", "unchanged", "matching", "equal") is never flagged.
    pub struct EqualComparison = ("NUM-EQUAL-COMPARISON", "contrast between equal values");
}

impl RuleCheck for EqualComparison {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let tol = &ctx.settings.tolerances;
        for pair in ctx.claims.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.span.end > b.span.start || !plain(a) || !plain(b) {
                continue;
            }
            let sentence = ctx.segments.sentence_of(a.span.start).map(|s| s.0);
            if sentence.is_none() || sentence != ctx.segments.sentence_of(b.span.start).map(|s| s.0)
            {
                continue;
            }
            let (Some(ma), Some(mb)) = (measure(a), measure(b)) else {
                continue;
            };
            if ma.dimension != mb.dimension {
                continue;
            }
            let between = ctx
                .doc
                .text
                .get(a.span.end..b.span.start)
                .unwrap_or("")
                .to_lowercase();
            let written_differently = ma.factor != mb.factor || a.kind != b.kind;
            if !contrast(&between, written_differently) {
                continue;
            }
            let (Some(ra), Some(rb)) = (reading(a, tol), reading(b, tol)) else {
                continue;
            };
            if let Some(f) = equal(ctx, (a, &ra, &ma), (b, &rb, &mb)) {
                out.push(f);
            }
        }
    }
}

/// Unhedged single figures: a hedge or bound makes equality meaningless.
fn plain(c: &Claim) -> bool {
    matches!(c.hedge, Hedge::None | Hedge::Exactly)
        && !c.flags.malformed
        && matches!(
            c.quantity,
            Quantity::Point(_) | Quantity::Duration { .. } | Quantity::Fraction(_)
        )
}

/// What a figure measures and the factor to a common base.
struct Measure {
    dimension: String,
    factor: Decimal,
}

fn measure(c: &Claim) -> Option<Measure> {
    let m = |dimension: &str, factor: Decimal| {
        Some(Measure {
            dimension: dimension.to_string(),
            factor,
        })
    };
    match (&c.quantity, c.kind) {
        (Quantity::Duration { unit, .. }, _) => m("time", seconds(*unit)?),
        (Quantity::Fraction(_), _) => m("ratio", Decimal::ONE),
        (_, Kind::Percent) if c.unit == Some(Unit::Percent) => m("ratio", Decimal::new(1, 2)),
        (_, Kind::Measure) => {
            let def = c.unit?.measure()?;
            // Temperature scales and ambiguous units (US or imperial gallons) convert
            // with doubt; leave them to NUM-UNIT-CONVERSION.
            if !def.offset.is_zero() || def.is_ambiguous() {
                return None;
            }
            m(def.dimension, def.to_base)
        }
        (_, Kind::Money) => m(&format!("money {}", c.unit?.symbol()), Decimal::ONE),
        (_, Kind::Count) => m(&format!("count {}", c.head.as_deref()?), Decimal::ONE),
        _ => None,
    }
}

/// Exact lengths of time in seconds; months and years vary and are left out.
fn seconds(unit: TimeUnit) -> Option<Decimal> {
    match unit.in_base()? {
        (TimeBase::Seconds, n) => Some(Decimal::from(n)),
        (TimeBase::Months, _) => None,
    }
}

/// Words that contrast two figures; "compared with" and the like only for figures written
/// differently.
fn contrast(between: &str, written_differently: bool) -> bool {
    const EQUALITY: [&str; 6] = [
        "same",
        "unchanged",
        "matching",
        "equal",
        "as many",
        "as much",
    ];
    const WEAK: [&str; 7] = [
        "compared with",
        "compared to",
        "against",
        "versus",
        "while",
        "whereas",
        " vs",
    ];
    if EQUALITY.iter().any(|w| between.contains(w)) {
        return false;
    }
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let comparative_than = words
        .windows(2)
        .any(|p| p[1] == "than" && !matches!(p[0], "rather" | "other") && comparative(p[0]))
        || words.iter().position(|w| *w == "than").is_some_and(|i| {
            words[..i]
                .iter()
                .any(|w| matches!(*w, "more" | "less" | "fewer"))
        });
    comparative_than || (written_differently && WEAK.iter().any(|w| between.contains(w)))
}

fn comparative(word: &str) -> bool {
    matches!(word, "more" | "less" | "fewer")
        || (word.len() > 4 && word.ends_with("er") && !word.ends_with("ever"))
}

type Side<'a> = (&'a Claim, &'a Reading, &'a Measure);

/// The note when the strict intervals, in one unit, overlap.
fn equal(ctx: &Context, (a, ra, ma): Side, (b, rb, mb): Side) -> Option<Finding> {
    // a in b's unit.
    let ratio = ma.factor.checked_div(mb.factor)?;
    let a_strict = ra.strict.scale(ratio).ok()?;
    if !a_strict.overlaps(&rb.strict) {
        return None;
    }
    let point = ra.value?.checked_mul(ratio)?;
    // In the other figure's precision: "1.2 kilometres is 1,200 m".
    let decimals = rb.decimals.min(6);
    let unit = match (&b.quantity, b.unit) {
        (Quantity::Duration { unit, .. }, _) => format!(" {}s", unit.as_str()),
        (_, Some(Unit::Percent)) => "%".to_string(),
        (_, Some(u)) => format!(" {}", u.symbol()),
        (_, None) => String::new(),
    };
    let shown = format::number(point, decimals);
    let range = format::interval(&a_strict, decimals);
    let in_b = match (ratio == Decimal::ONE, range == shown) {
        (true, _) => String::new(),
        (false, true) => format!(" is {shown}{unit}"),
        (false, false) => format!(" is {shown}{unit} ({range}{unit})"),
    };
    Some(Finding {
        rule: EqualComparison::ID,
        severity: Severity::Note,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{}{in_b}; the text contrasts it with {}, an equal value: one of the two figures is probably wrong",
            ctx.text(a.span),
            ctx.text(b.span),
        ),
        primary: b.span,
        related: vec![Related {
            span: a.span,
            label: Role::Earlier,
        }],
        computed: Some(format::computed(point, &a_strict)),
    })
}

#[cfg(test)]
mod tests {
    use super::contrast;

    #[test]
    fn comparatives_always_contrast_weak_words_only_across_forms() {
        assert!(contrast(
            " long, far longer than the old crossing's ",
            false
        ));
        assert!(contrast(" visitors, more people than the ", false));
        assert!(!contrast(" in may compared with ", false));
        assert!(contrast(" in may compared with ", true));
        assert!(!contrast(", the same as the ", true));
        assert!(!contrast(" rather than ", false));
    }
}
