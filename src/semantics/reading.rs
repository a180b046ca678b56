//! A claim → its [`Reading`]: stated value, strict and permissive intervals, and what the
//! checks need to know about it.

use super::interval::Interval;
use super::numeral::{self, Pair, Shape};
use super::tolerances::Tolerances;
use super::{fraction, vague};
use crate::model::{Claim, Hedge, Kind, Numeral, Quantity};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// v, the stated point; `None` for ranges, bounds-only phrases and vague plurals.
    pub value: Option<Decimal>,
    pub strict: Interval,
    pub permissive: Interval,
    /// d, decimals written in the mantissa (the larger of a range's two ends).
    pub decimals: u32,
    /// u, the unit of the last written digit with the scale applied ("1.29 million" →
    /// 10,000; 1 for an integer mantissa): computed values round back to it (§6.2).
    pub unit: Decimal,
    pub is_count: bool,
    pub hedge: Hedge,
    /// A plain number (`none` or `exactly`, one numeral): computed values are rounded back to
    /// its precision before comparing (§6.2).
    pub plain: bool,
    /// Too wide to say anything as an input (§6.4).
    pub untestable: bool,
}

/// Things counted are whole numbers: `count` claims, numbers with a counted noun, vague amounts.
pub fn is_count(claim: &Claim) -> bool {
    match claim.kind {
        Kind::Count => true,
        Kind::Number => claim.counted.is_some() || claim.head.is_some(),
        _ => matches!(claim.quantity, Quantity::Vague(_)),
    }
}

/// Quantities that may be negative: upper bounds on them get no floor at 0.
fn is_signed(claim: &Claim, value: Decimal) -> bool {
    if value.is_sign_negative() && !value.is_zero() {
        return true;
    }
    let temperature = claim
        .unit
        .and_then(|u| u.measure())
        // °C, °F and a bare degree; kelvin is never negative.
        .is_some_and(|def| def.symbol.starts_with('°'));
    claim.kind == Kind::Measure && temperature
}

/// §6.4: permissive half-width above `untestable` × |midpoint|. Unbounded intervals are
/// testable: a bound still contradicts what lies beyond it.
fn too_wide(iv: &Interval, tol: &Tolerances) -> bool {
    let (Some(half), Some(mid)) = (iv.half_width(), iv.midpoint()) else {
        return false;
    };
    match tol.untestable.checked_mul(mid.abs()) {
        Some(limit) => half > limit,
        None => false,
    }
}

/// Whole numbers only when the last written digit is at least a unit: "2.5 children" is an
/// average, "1.5 million people" a count.
fn counted_in_wholes(claim: &Claim, numerals: &[&Numeral]) -> bool {
    is_count(claim) && numerals.iter().all(|n| n.last_digit_unit() >= Decimal::ONE)
}

fn point_reading(claim: &Claim, n: &Numeral, tol: &Tolerances) -> Option<Reading> {
    let count = counted_in_wholes(claim, &[n]);
    let shape = Shape {
        count,
        signed: is_signed(claim, n.value),
    };
    let pair = numeral::hedged(n, claim.hedge, shape, tol).ok()?;
    Some(finish(
        claim,
        Some(n.value),
        pair,
        Precision::of(n),
        count,
        true,
        tol,
    ))
}

/// "between A and B": ends included, the hedge on both ends, strict [A, B] when unhedged.
fn range_reading(claim: &Claim, a: &Numeral, b: &Numeral, tol: &Tolerances) -> Option<Reading> {
    let (lo, hi) = if a.value <= b.value { (a, b) } else { (b, a) };
    let count = counted_in_wholes(claim, &[a, b]);
    let shape = Shape {
        count,
        signed: is_signed(claim, lo.value),
    };
    let lo_pair = numeral::hedged(lo, claim.hedge, shape, tol).ok()?;
    let hi_pair = numeral::hedged(hi, claim.hedge, shape, tol).ok()?;
    let join = |l: Interval, h: Interval| Interval::new(l.low, h.high, l.low_open, h.high_open);
    let strict = if matches!(claim.hedge, Hedge::None | Hedge::Exactly) {
        Interval::closed(lo.value, hi.value)
    } else {
        join(lo_pair.strict, hi_pair.strict)
    };
    let pair = Pair {
        strict,
        permissive: join(lo_pair.permissive, hi_pair.permissive),
    };
    let (pa, pb) = (Precision::of(a), Precision::of(b));
    let precision = Precision {
        decimals: pa.decimals.max(pb.decimals),
        unit: pa.unit.min(pb.unit),
    };
    Some(finish(claim, None, pair, precision, count, false, tol))
}

/// How precisely a literal is written: d and u.
struct Precision {
    decimals: u32,
    unit: Decimal,
}

impl Precision {
    fn of(n: &Numeral) -> Precision {
        Precision {
            decimals: n.decimals,
            unit: n.last_digit_unit(),
        }
    }

    /// Phrases and fractions, which are never rounded back to.
    fn none() -> Precision {
        Precision {
            decimals: 0,
            unit: Decimal::ONE,
        }
    }
}

fn finish(
    claim: &Claim,
    value: Option<Decimal>,
    pair: Pair,
    precision: Precision,
    is_count: bool,
    single: bool,
    tol: &Tolerances,
) -> Reading {
    Reading {
        value,
        untestable: too_wide(&pair.permissive, tol),
        strict: pair.strict,
        permissive: pair.permissive,
        decimals: precision.decimals,
        unit: precision.unit,
        is_count,
        hedge: claim.hedge,
        plain: single && matches!(claim.hedge, Hedge::None | Hedge::Exactly),
    }
}

/// The reading of a claim, or `None` when it has no numeric interval: years, dates, ordinals,
/// malformed or too-large literals, or arithmetic beyond `Decimal`'s range.
pub fn reading(claim: &Claim, tol: &Tolerances) -> Option<Reading> {
    if claim.kind.is_temporal_or_ordinal() || claim.flags.malformed || claim.flags.too_large {
        return None;
    }
    match &claim.quantity {
        Quantity::Point(n) | Quantity::Duration { amount: n, .. } => point_reading(claim, n, tol),
        Quantity::Range { first, second } => range_reading(claim, first, second, tol),
        Quantity::Vague(v) => {
            let pair = vague::hedged(*v, claim.hedge).ok()?;
            Some(finish(
                claim,
                claim.point_value(),
                pair,
                Precision::none(),
                true,
                false,
                tol,
            ))
        }
        Quantity::Fraction(form) => {
            let pair = fraction::hedged(form, claim.hedge, tol).ok()?;
            Some(finish(
                claim,
                form.value(),
                pair,
                Precision::none(),
                false,
                false,
                tol,
            ))
        }
        Quantity::Date(_) | Quantity::Period { .. } | Quantity::Relative { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FractionForm, Span, Vague};
    use crate::semantics::test_support::{d, iv, num};

    fn claim(kind: Kind, quantity: Quantity, hedge: Hedge) -> Claim {
        let mut c = Claim::new(Span::new(0, 1), kind, quantity);
        c.hedge = hedge;
        c
    }

    fn read(c: &Claim) -> Reading {
        reading(c, &Tolerances::default()).expect("a reading")
    }

    #[test]
    fn counts_are_count_claims_and_numbers_with_a_counted_noun() {
        let mut c = claim(Kind::Number, Quantity::Point(num("90", 1)), Hedge::None);
        assert!(!is_count(&c));
        assert_eq!(read(&c).permissive, iv("85", "95"));
        assert_eq!(read(&c).strict, iv("89.5", "90.5"));
        c.head = Some("attack".into());
        assert!(is_count(&c));
        assert_eq!(read(&c).strict, iv("90", "90"));
        let money = claim(Kind::Money, Quantity::Point(num("415", 1000)), Hedge::None);
        assert!(!is_count(&money));
    }

    #[test]
    fn decimal_counts_below_one_unit_are_continuous() {
        let avg = read(&claim(
            Kind::Count,
            Quantity::Point(num("2.5", 1)),
            Hedge::None,
        ));
        assert!(!avg.is_count);
        assert_eq!(avg.strict, iv("2.45", "2.55"));
        let people = read(&claim(
            Kind::Count,
            Quantity::Point(num("1.5", 1_000_000)),
            Hedge::None,
        ));
        assert!(people.is_count);
        assert_eq!(people.strict, iv("1450000", "1550000"));
    }

    #[test]
    fn range_between_1500_and_3000() {
        let q = Quantity::Range {
            first: num("1500", 1),
            second: num("3000", 1),
        };
        let r = read(&claim(Kind::Count, q, Hedge::None));
        assert_eq!(r.permissive, iv("1450", "3300"));
        assert_eq!(r.strict, iv("1500", "3000"));
        assert_eq!(r.value, None);
        assert!(!r.plain);
    }

    #[test]
    fn hedge_before_a_range_applies_to_both_ends() {
        let q = Quantity::Range {
            first: num("20", 1),
            second: num("30", 1),
        };
        let r = read(&claim(Kind::Count, q, Hedge::Approximately));
        assert_eq!(r.permissive, iv("15", "35"));
    }

    #[test]
    fn inverted_and_negative_ranges_read_as_min_max() {
        let inverted = Quantity::Range {
            first: num("800", 1),
            second: num("450", 1),
        };
        let r = read(&claim(Kind::Count, inverted, Hedge::None));
        assert_eq!(r.strict, iv("450", "800"));
        let negative = Quantity::Range {
            first: num("-3", 1),
            second: num("-9", 1),
        };
        let mut c = claim(Kind::Measure, negative, Hedge::None);
        c.unit = crate::grammar::unit::by_symbol("°C").map(crate::model::Unit::Measure);
        assert_eq!(read(&c).strict, iv("-9", "-3"));
    }

    #[test]
    fn scale_written_once_applies_to_both_ends() {
        let q = Quantity::Range {
            first: num("14", 1_000_000),
            second: num("19", 1_000_000),
        };
        let r = read(&claim(Kind::Money, q, Hedge::None));
        assert_eq!(r.strict, iv("14000000", "19000000"));
        // "14 million" is round (g = 10⁶): halo min(500,000, 1.4 M).
        assert_eq!(r.permissive, iv("13500000", "19500000"));
    }

    #[test]
    fn vague_plurals_are_untestable_and_have_no_value() {
        let r = read(&claim(
            Kind::Count,
            Quantity::Vague(Vague::Hundreds),
            Hedge::None,
        ));
        assert!(r.untestable);
        assert_eq!(r.value, None);
        let few = read(&claim(
            Kind::Count,
            Quantity::Vague(Vague::Few),
            Hedge::None,
        ));
        assert!(!few.untestable, "[2, 6] is exactly 50 %, not above it");
        let dozen = read(&claim(
            Kind::Count,
            Quantity::Vague(Vague::Dozen(1)),
            Hedge::None,
        ));
        assert_eq!(dozen.value, Some(d("12")));
    }

    #[test]
    fn fractions_read_as_proportions() {
        let q = Quantity::Fraction(FractionForm::Word(d("0.5")));
        let r = read(&claim(Kind::Fraction, q, Hedge::None));
        assert_eq!(r.permissive, iv("0.45", "0.55"));
        assert!(!r.plain);
    }

    #[test]
    fn temporal_malformed_and_huge_claims_have_no_reading() {
        let year = claim(Kind::Year, Quantity::Point(num("2024", 1)), Hedge::None);
        assert!(reading(&year, &Tolerances::default()).is_none());
        let mut bad = claim(
            Kind::Number,
            Quantity::Point(num("34500000", 1)),
            Hedge::None,
        );
        bad.flags.malformed = true;
        assert!(reading(&bad, &Tolerances::default()).is_none());
        let huge = Numeral {
            value: Decimal::MAX,
            decimals: 0,
            scale: Decimal::ONE,
            trailing_zeros: 0,
        };
        let big = claim(Kind::Number, Quantity::Point(huge), Hedge::Approximately);
        assert!(reading(&big, &Tolerances::default()).is_none());
    }

    #[test]
    fn plain_numbers_round_back_and_hedged_ones_do_not() {
        let plain = read(&claim(
            Kind::Percent,
            Quantity::Point(num("8.4", 1)),
            Hedge::None,
        ));
        assert!(plain.plain);
        assert_eq!(plain.decimals, 1);
        assert_eq!(plain.unit, d("0.1"));
        let millions = read(&claim(
            Kind::Number,
            Quantity::Point(num("1.29", 1_000_000)),
            Hedge::None,
        ));
        assert_eq!((millions.decimals, millions.unit), (2, d("10000")));
        let hedged = read(&claim(
            Kind::Percent,
            Quantity::Point(num("8.4", 1)),
            Hedge::Nearly,
        ));
        assert!(!hedged.plain);
    }
}
