//! Rounding a computed interval back to the stated precision (`semantics.md` §6.2).
//!
//! The low end rounds with ties toward −∞ and the high end with ties toward +∞, so either tie
//! convention the writer used is accepted.

use super::interval::Interval;
use rust_decimal::{Decimal, RoundingStrategy};

/// x rounded to a multiple of `unit` with `strategy`; unrounded if that overflows.
fn round_to(x: Decimal, unit: Decimal, strategy: RoundingStrategy) -> Decimal {
    x.checked_div(unit)
        .and_then(|q| q.round_dp_with_strategy(0, strategy).checked_mul(unit))
        .unwrap_or(x)
}

fn round_low(low: Decimal, unit: Decimal) -> Decimal {
    let strategy = if low.is_sign_negative() {
        RoundingStrategy::MidpointAwayFromZero
    } else {
        RoundingStrategy::MidpointTowardZero
    };
    round_to(low, unit, strategy)
}

fn round_high(high: Decimal, unit: Decimal) -> Decimal {
    let strategy = if high.is_sign_negative() {
        RoundingStrategy::MidpointTowardZero
    } else {
        RoundingStrategy::MidpointAwayFromZero
    };
    round_to(high, unit, strategy)
}

/// The interval of values a writer rounding to multiples of `unit` (the stated value's last
/// digit, e.g. 0.1 or 10,000 for "1.29 million") could state. Rounded ends are closed: a value
/// just inside an open end rounds to the end itself. A zero unit leaves the interval as is.
pub fn round_back(iv: &Interval, unit: Decimal) -> Interval {
    if unit <= Decimal::ZERO {
        return *iv;
    }
    Interval::new(
        iv.low.map(|l| round_low(l, unit)),
        iv.high.map(|h| round_high(h, unit)),
        false,
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::{d, iv};

    #[test]
    fn section_6_3_rows() {
        assert_eq!(
            round_back(&iv("7.531", "9.283"), d("0.1")),
            iv("7.5", "9.3")
        );
        assert_eq!(round_back(&iv("2.667", "8.219"), d("1")), iv("3", "8"));
        assert_eq!(round_back(&iv("0", "11.111"), d("1")), iv("0", "11"));
        assert_eq!(round_back(&iv("-6.667", "-6.667"), d("1")), iv("-7", "-7"));
        assert_eq!(round_back(&iv("-8.791", "-4.494"), d("1")), iv("-9", "-4"));
    }

    #[test]
    fn ties_widen_the_interval() {
        assert_eq!(round_back(&iv("2.5", "3.5"), d("1")), iv("2", "4"));
        assert_eq!(round_back(&iv("-3.5", "-2.5"), d("1")), iv("-4", "-2"));
        assert_eq!(
            round_back(&iv("0.125", "0.125"), d("0.01")),
            iv("0.12", "0.13")
        );
    }

    #[test]
    fn scaled_units_round_in_base_units() {
        let r = round_back(&iv("1284000.4", "1295600"), d("10000"));
        assert_eq!(r, iv("1280000", "1300000"));
        assert_eq!(round_back(&iv("1.5", "2.5"), d("0")), iv("1.5", "2.5"));
    }

    #[test]
    fn unbounded_ends_stay_unbounded() {
        let r = round_back(
            &Interval::new(Some(d("18.96")), None, true, false),
            d("0.1"),
        );
        assert_eq!((r.low, r.high, r.low_open), (Some(d("19.0")), None, false));
    }
}
