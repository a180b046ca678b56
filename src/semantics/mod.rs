//! The number model of `semantics.md`: claims → intervals (§1–5), propagation by corners
//! (§6.1), rounding back (§6.2), verdicts (§6.3–6.6), the severity policy (§7.5) and the
//! number formats of messages (§9). All arithmetic is exact and checked.

pub mod format;
pub mod fraction;
pub mod interval;
pub mod numeral;
pub mod propagate;
pub mod reading;
pub mod rounding;
pub mod severity;
pub mod tolerances;
pub mod vague;
pub mod verdict;

pub use interval::{ArithError, Interval};
pub use propagate::{compute, corners, Computation};
pub use reading::{reading, Reading};
pub use rounding::round_back;
pub use severity::{severity, Binding, Facts};
pub use tolerances::Tolerances;
pub use verdict::{judge, Judgement};

use crate::model::Claim;

/// The permissive interval a claim commits to (`json.md` CLAIM.interval) under the default
/// tolerances, or `None` for claims that carry no numeric interval (years, dates, ordinals,
/// malformed literals).
pub fn claim_interval(claim: &Claim) -> Option<Interval> {
    reading(claim, &Tolerances::default()).map(|r| r.permissive)
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::Interval;
    use crate::model::Numeral;
    use rust_decimal::Decimal;

    pub fn d(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    pub fn iv(a: &str, b: &str) -> Interval {
        Interval::closed(d(a), d(b))
    }

    /// [a, b)
    pub fn open_high(a: &str, b: &str) -> Interval {
        Interval::new(Some(d(a)), Some(d(b)), false, true)
    }

    /// (a, b] or (a, ∞)
    pub fn open_low(a: &str, b: Option<&str>) -> Interval {
        Interval::new(Some(d(a)), b.map(d), true, false)
    }

    /// A numeral as written: mantissa digits (sign and decimal point allowed) times a scale.
    pub fn num(mantissa: &str, scale: i64) -> Numeral {
        let m = d(mantissa);
        let decimals = mantissa.split_once('.').map_or(0, |(_, f)| f.len() as u32);
        let trailing_zeros = if decimals == 0 {
            let digits = mantissa.trim_start_matches('-');
            let kept = digits.trim_end_matches('0');
            if kept.is_empty() {
                0
            } else {
                (digits.len() - kept.len()) as u32
            }
        } else {
            0
        };
        let scale = Decimal::from(scale);
        Numeral {
            value: m * scale,
            decimals,
            scale,
            trailing_zeros,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{d, num};
    use super::*;
    use crate::model::{Hedge, Kind, Numeral, Quantity, Span};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn claim(kind: Kind, n: Numeral, hedge: Hedge) -> Claim {
        let mut c = Claim::new(Span::new(0, 1), kind, Quantity::Point(n));
        c.hedge = hedge;
        c
    }

    #[test]
    fn json_interval_is_the_permissive_one_after_the_hedge() {
        let flights = claim(Kind::Count, num("700", 1), Hedge::Nearly);
        let iv = claim_interval(&flights).unwrap();
        assert_eq!((iv.low, iv.high), (Some(d("630")), Some(d("699"))));
        let more = claim_interval(&claim(Kind::Percent, num("1500", 1), Hedge::MoreThan)).unwrap();
        assert_eq!((more.low, more.high), (Some(d("1499.5")), None));
        let year = claim(Kind::Year, num("2024", 1), Hedge::None);
        assert_eq!(claim_interval(&year), None);
    }

    const HEDGES: [Hedge; 10] = [
        Hedge::None,
        Hedge::Approximately,
        Hedge::Nearly,
        Hedge::MoreThan,
        Hedge::AtLeast,
        Hedge::FewerThan,
        Hedge::AtMost,
        Hedge::UpTo,
        Hedge::Exactly,
        Hedge::Estimate,
    ];

    proptest! {
        /// Any numeral under any hedge reads without panicking, and the strict interval is
        /// never wider than the permissive one.
        #[test]
        fn strict_lies_inside_permissive(
            mantissa in -10_000_000i64..10_000_000,
            decimals in 0u32..4,
            scale_exp in prop::sample::select(vec![0u32, 3, 6, 9, 12]),
            hedge in prop::sample::select(HEDGES.to_vec()),
            count in any::<bool>(),
        ) {
            let scale = Decimal::from(10i64.pow(scale_exp));
            let value = Decimal::new(mantissa, decimals) * scale;
            let mut trailing_zeros = 0;
            let mut m = mantissa.unsigned_abs();
            while decimals == 0 && m != 0 && m % 10 == 0 {
                trailing_zeros += 1;
                m /= 10;
            }
            let n = Numeral { value, decimals, scale, trailing_zeros };
            let kind = if count { Kind::Count } else { Kind::Measure };
            let r = reading(&claim(kind, n, hedge), &Tolerances::default()).unwrap();
            prop_assert!(r.permissive.contains_interval(&r.strict), "{:?}", r);
            prop_assert!(!r.strict.is_empty(), "{:?}", r);
        }

        #[test]
        fn huge_values_never_panic(
            hedge in prop::sample::select(HEDGES.to_vec()),
            exp in 0u32..20,
        ) {
            let n = Numeral {
                value: Decimal::MAX,
                decimals: 0,
                scale: Decimal::from(10i64.pow(exp.min(18))),
                trailing_zeros: 28,
            };
            let _ = reading(&claim(Kind::Money, n, hedge), &Tolerances::default());
        }
    }
}
