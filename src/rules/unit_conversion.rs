//! NUM-UNIT-CONVERSION (`rules.md` #17).

use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::grammar::unit::{convert_with, UnitDef};
use crate::model::{Claim, Hedge, Quantity};
use crate::rules::RuleCheck;
use crate::semantics::format::{self, message_decimals, number};
use crate::semantics::severity::is_hedged;
use crate::semantics::{judge, reading, severity, Binding, Computation, Facts, Interval, Reading};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A measurement followed by its conversion into another unit of the same dimension, in
    /// parentheses or after ", or": "a 12-mile (19-kilometre) trail", "40 metres (131 feet)",
    /// "5 miles, or about 8 km".
    ///
    /// ## Why it matters
    /// Conversions are typed by hand and checked by no one; a slipped factor ("12 feet (37
    /// metres)" — feet taken for metres times three) is invisible to a reader who thinks in
    /// one of the two units.
    ///
    /// ## Example
    /// "The seawall will rise 12 feet (37 metres)." → error: 12 ft is 3.66 m.
    /// "The lake is 40 metres (131 feet) deep." → no finding (131.2 ft).
    ///
    /// ## Known limits
    /// The source's strict interval is converted and rounded to the conversion's precision;
    /// a round conversion within 5 % of the exact value, or one that needs the source's
    /// rounding halo, is a note. Ambiguous units (ton, gallon, mile) pass under any reading.
    /// An unhedged conversion keeps its own strict interval: only the source's rounding is
    /// the tolerance. A compound conversion ("2.30 metres (7 ft 6.5 in)") is read whole; a
    /// bound ("up to 150 mm (6 inches)") governs both figures, so their numbers are compared.
    /// A temperature in a sentence that speaks of a difference ("a rise of 1.5C (2.7F)",
    /// "warmer", "above normal") may also be read as a difference, its scales' offsets
    /// cancelling. Currencies are never converted (no exchange rate is known). Ranges and dimensions
    /// ("2 x 3 m") are skipped.
    pub struct UnitConversion = ("NUM-UNIT-CONVERSION", "stated unit conversion vs the exact factor");
}

/// A round conversion this close to the exact value is a deliberate rounding (rules.md #17).
const ROUND_CONVERSION_TOLERANCE: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// What may stand between a value and its conversion, once trimmed: "12 feet (3.7 m)",
/// "5 miles, or 8 km", "5 miles (or 8 km)". A bare "or" is left out: "5 km or 10 miles" is
/// usually a choice, not a conversion.
const LINKS: &[&str] = &["(", "[", ", or", "(or"];

/// A measure with a known unit and a plain point value.
fn measure(claim: &Claim) -> Option<(&'static UnitDef, Decimal)> {
    let Quantity::Point(n) = &claim.quantity else {
        return None;
    };
    if claim.flags.malformed || claim.flags.too_large {
        return None;
    }
    let unit = claim.unit?.measure()?;
    Some((unit, n.value))
}

/// "2 x 3 m", "3 by 4 metres": a dimension, whose conversion pairs up differently.
fn in_dimensions(ctx: &Context, source: &Claim, target: &Claim) -> bool {
    let before = ctx.doc.text.get(..source.span.start).unwrap_or("");
    let after = ctx.doc.text.get(target.span.end..).unwrap_or("");
    let is_times =
        |w: Option<&str>| w.is_some_and(|w| matches!(w.to_lowercase().as_str(), "x" | "×" | "by"));
    is_times(before.split_whitespace().next_back()) || is_times(after.split_whitespace().next())
}

/// The pairs (source, conversion) tied by a conversion relation (`semantics.md` §7.2).
fn conversion_pairs<'a, 'c>(
    ctx: &'a Context<'c>,
) -> impl Iterator<Item = (&'a Claim, &'a Claim)> + use<'a, 'c> {
    ctx.claims.windows(2).filter_map(move |w| {
        let (source, target) = (&w[0], &w[1]);
        let between = ctx.doc.text.get(source.span.end..target.span.start)?;
        if !LINKS.contains(&between.trim()) {
            return None;
        }
        let same_sentence = ctx.segments.sentence_of(source.span.start)
            == ctx.segments.sentence_of(target.span.start);
        (same_sentence && !in_dimensions(ctx, source, target)).then_some((source, target))
    })
}

/// An interval in `from` expressed in `to` under one reading of each; `None` on overflow.
/// Every factor is positive, so the ends stay in order.
fn convert_interval(
    iv: &Interval,
    from: (&UnitDef, Decimal),
    to: (&UnitDef, Decimal),
    delta: bool,
) -> Option<Interval> {
    let end = |e: Option<Decimal>| match e {
        Some(v) => convert(v, from, to, delta).map(Some),
        None => Some(None),
    };
    Some(Interval::new(
        end(iv.low)?,
        end(iv.high)?,
        iv.low_open,
        iv.high_open,
    ))
}

/// A value converted as a level, or as a difference (`delta`: "a rise of 1.5C (2.7F)",
/// where the scales' zero offsets cancel).
fn convert(
    v: Decimal,
    from: (&UnitDef, Decimal),
    to: (&UnitDef, Decimal),
    delta: bool,
) -> Option<Decimal> {
    if delta {
        v.checked_mul(from.1)?.checked_div(to.1)
    } else {
        convert_with(v, from.0, from.1, to.0, to.1)
    }
}

/// Words that make a temperature a difference, not a level: "a 1.5-degree rise", "2C
/// warmer", "3 degrees above normal".
#[rustfmt::skip]
const DIFFERENCE_WORDS: &[&str] = &[
    "rise", "rises", "rose", "increase", "increased", "warming", "warmer", "hotter", "cooler",
    "colder", "above", "below", "higher", "lower", "drop", "dropped", "fall", "fell",
    "difference", "change", "swing",
];

/// One reading's result: the exact conversion and how the stated one compares with it.
struct Outcome {
    point: Decimal,
    verdict: Verdict,
    computed: Interval,
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Consistent => 0,
        Verdict::ConsistentByRounding => 1,
        _ => 2,
    }
}

/// A round stated conversion close to the exact value (rules.md #17).
fn close_round_conversion(target: &Claim, stated: &Reading, point: Decimal) -> bool {
    let (Some(n), Some(value)) = (target.numeral(), stated.value) else {
        return false;
    };
    let Some(limit) = ROUND_CONVERSION_TOLERANCE.checked_mul(point.abs()) else {
        return false;
    };
    n.is_round()
        && value
            .checked_sub(point)
            .is_some_and(|gap| gap.abs() <= limit)
}

/// "7 ft 6.5 in": a smaller unit of the same dimension right after a measure completes it.
fn compound_tail<'c>(
    ctx: &'c Context,
    head: &Claim,
    unit: &UnitDef,
) -> Option<(&'c Claim, &'static UnitDef)> {
    let at = ctx.claims.partition_point(|c| c.span.start < head.span.end);
    let next = ctx.claims.get(at)?;
    let gap = ctx.doc.text.get(head.span.end..next.span.start)?;
    let (small, _) = measure(next)?;
    let smaller = small.dimension == unit.dimension && small.to_base < unit.to_base;
    (gap.trim().is_empty() && smaller && small.offset.is_zero()).then_some((next, small))
}

/// The reading of "7 ft 6.5 in" in feet: the whole feet exact, the inches' rounding added.
fn compound_reading(
    head: &Claim,
    unit: &UnitDef,
    (tail, small): (&Claim, &'static UnitDef),
    tol: &crate::semantics::tolerances::Tolerances,
) -> Option<Reading> {
    let whole = head.numeral()?.value;
    let part = reading(tail, tol)?;
    let factor = crate::grammar::unit::convert(Decimal::ONE, small, unit)?;
    let shift = |iv: &Interval| -> Option<Interval> {
        iv.scale(factor).ok()?.add(&Interval::point(whole)).ok()
    };
    Some(Reading {
        value: part
            .value
            .and_then(|v| v.checked_mul(factor)?.checked_add(whole)),
        strict: shift(&part.strict)?,
        permissive: shift(&part.permissive)?,
        plain: false,
        ..part
    })
}

/// The best outcome over every reading of both units (ambiguous units accept any).
fn best_outcome(
    ctx: &Context,
    source: (&Claim, &'static UnitDef, Decimal),
    target: (&Claim, &'static UnitDef),
) -> Option<Outcome> {
    let tol = &ctx.settings.tolerances;
    let from = reading(source.0, tol)?;
    let mut stated = match compound_tail(ctx, target.0, target.1) {
        Some(tail) => compound_reading(target.0, target.1, tail, tol)?,
        None => reading(target.0, tol)?,
    };
    // The conversion is the checked figure: unhedged, it keeps its strict interval in the
    // permissive pass too (the source's rounding is the tolerance, semantics.md §6.3).
    if !is_hedged(target.0) {
        stated.permissive = stated.strict;
    }
    // A scale with a zero offset (temperature) may state a difference, in a sentence that
    // speaks of one: then the offsets cancel.
    let offsets = !(source.1.offset.is_zero() && target.1.offset.is_zero());
    let sentence = ctx
        .segments
        .sentence_of(source.0.span.start)
        .map_or("", |(_, span)| ctx.text(span));
    let difference = offsets && crate::analysis::parts::has_word(sentence, DIFFERENCE_WORDS);
    let deltas: &[bool] = if difference { &[false, true] } else { &[false] };
    let mut best: Option<Outcome> = None;
    for &delta in deltas {
        for from_factor in source.1.readings() {
            for to_factor in target.1.readings() {
                let (f, t) = ((source.1, from_factor), (target.1, to_factor));
                let Some(point) = convert(source.2, f, t, delta) else {
                    continue;
                };
                let (Some(strict), Some(permissive)) = (
                    convert_interval(&from.strict, f, t, delta),
                    convert_interval(&from.permissive, f, t, delta),
                ) else {
                    continue;
                };
                let computation = Computation {
                    point: Some(point),
                    strict,
                    permissive,
                    untestable: from.untestable,
                };
                let judgement = judge(&stated, &computation);
                let verdict = match judgement.verdict {
                    Some(Verdict::Inconsistent)
                        if close_round_conversion(target.0, &stated, point) =>
                    {
                        Verdict::ConsistentByRounding
                    }
                    Some(v) => v,
                    None => continue,
                };
                let outcome = Outcome {
                    point,
                    verdict,
                    computed: judgement.computed,
                };
                if best
                    .as_ref()
                    .is_none_or(|b| rank(outcome.verdict) < rank(b.verdict))
                {
                    best = Some(outcome);
                }
            }
        }
    }
    best
}

fn stated_decimals(claim: &Claim) -> u32 {
    claim.numeral().map_or(0, |n| n.decimals)
}

/// "Up to 150 mm (6 inches)": a bound governs both figures alike, so the conversion is of
/// the bare numbers.
fn unbound(claim: &Claim) -> std::borrow::Cow<'_, Claim> {
    if claim.hedge.is_bound() {
        let mut bare = claim.clone();
        bare.hedge = Hedge::None;
        std::borrow::Cow::Owned(bare)
    } else {
        std::borrow::Cow::Borrowed(claim)
    }
}

impl RuleCheck for UnitConversion {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (source, target) in conversion_pairs(ctx) {
            let (source, target) = (&*unbound(source), &*unbound(target));
            let (Some((from_unit, value)), Some((to_unit, _))) = (measure(source), measure(target))
            else {
                continue;
            };
            if from_unit.dimension != to_unit.dimension || from_unit.symbol == to_unit.symbol {
                continue;
            }
            let Some(outcome) = best_outcome(ctx, (source, from_unit, value), (target, to_unit))
            else {
                continue;
            };
            let facts = Facts {
                default: Severity::Error,
                binding: Binding::OneClause,
                hedged: is_hedged(source) || is_hedged(target),
                up_to_violation: false,
                different_sources: false,
                decision_flip: false,
                checked_is_estimate: false,
            };
            let severity = match severity(outcome.verdict, &facts) {
                Some(s) => s,
                None if ctx.settings.show_consistent => Severity::Note,
                None => continue,
            };
            let decimals = message_decimals(stated_decimals(target));
            let tol = &ctx.settings.tolerances;
            let tail = compound_tail(ctx, target, to_unit);
            let stated = match tail {
                Some(t) => compound_reading(target, to_unit, t, tol),
                None => reading(target, tol),
            };
            let shown = crate::model::Span::new(
                target.span.start,
                tail.map_or(target.span.end, |(t, _)| t.span.end),
            );
            let stated_interval = stated.map_or(String::new(), |r| {
                format!(
                    " ({})",
                    format::interval(
                        &r.permissive,
                        stated_decimals(target) + u32::from(tail.is_some()) * 2
                    )
                )
            });
            let message = format!(
                "{} {} is {} {} ({}–{} given rounding); the text says {}{}: {}",
                number(value, stated_decimals(source)),
                from_unit.symbol,
                number(outcome.point, decimals),
                to_unit.symbol,
                outcome
                    .computed
                    .low
                    .map_or("…".into(), |l| number(l, decimals)),
                outcome
                    .computed
                    .high
                    .map_or("…".into(), |h| number(h, decimals)),
                ctx.text(shown),
                stated_interval,
                format::verdict_words(outcome.verdict),
            );
            out.push(Finding {
                rule: UnitConversion::ID,
                severity,
                verdict: outcome.verdict,
                message,
                primary: target.span,
                related: vec![Related {
                    span: source.span,
                    label: Role::SourceValue,
                }],
                computed: Some(format::computed(outcome.point, &outcome.computed)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::{Finding, Severity, Verdict};
    use crate::rules::test_support::findings_of;

    fn findings(text: &str) -> Vec<Finding> {
        findings_of("NUM-UNIT-CONVERSION", text, None)
    }

    fn verdicts(text: &str) -> Vec<(Severity, Verdict)> {
        findings(text)
            .iter()
            .map(|f| (f.severity, f.verdict))
            .collect()
    }

    #[test]
    fn a_slipped_factor_is_an_error() {
        let found = findings("The dyke rises 12 feet (37 metres) above the marsh.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].message,
            "12 ft is 3.7 m (3.4–4.0 given rounding); the text says 37 metres (36–38): inconsistent"
        );
    }

    #[test]
    fn correct_conversions_pass_at_the_conversion_precision() {
        let ok = [(Severity::Note, Verdict::Consistent)];
        assert_eq!(verdicts("a 12-mile (19-kilometre) trail"), ok);
        assert_eq!(verdicts("The pond is 40 metres (131 feet) deep."), ok);
        assert_eq!(verdicts("It ran 5 miles (8 km) uphill."), ok);
    }

    #[test]
    fn a_round_conversion_within_five_percent_is_a_note() {
        assert_eq!(
            verdicts("The mast is 1,000 feet (300 metres) tall."),
            [(Severity::Note, Verdict::ConsistentByRounding)]
        );
    }

    #[test]
    fn ambiguous_units_pass_under_any_reading() {
        // 10 US gallons are 37.9 litres, 10 imperial gallons 45.5.
        assert_eq!(
            verdicts("The butt holds 10 gallons (45 litres)."),
            [(Severity::Note, Verdict::Consistent)]
        );
        assert_eq!(
            verdicts("The butt holds 10 gallons (38 litres)."),
            [(Severity::Note, Verdict::Consistent)]
        );
    }

    #[test]
    fn hedged_conversions_are_at_most_warnings() {
        assert_eq!(
            verdicts("The crossing is about 20 miles (about 70 kilometres) long."),
            [(Severity::Warning, Verdict::Inconsistent)]
        );
    }

    #[test]
    fn compound_measures_are_not_read_by_their_first_part() {
        let found = findings("He cleared 2.30 metres (7 ft 6.5 in) at the trials.");
        assert!(
            found.iter().all(|f| f.verdict != Verdict::Inconsistent),
            "{found:?}"
        );
    }

    #[test]
    fn dimensions_currencies_and_other_dimensions_are_skipped() {
        assert!(findings("The hall is 8 x 12 m (26 x 39 ft).").is_empty());
        assert!(findings("They paid $4,000 (€3,700) for it.").is_empty());
        assert!(findings("The drive holds 8 GB (12 km of tape).").is_empty());
        assert!(findings("Crews laid 5 to 7 miles (8 to 11 km) of cable.").is_empty());
    }
}
