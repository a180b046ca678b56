//! Rounding a computed interval back to the stated precision (`semantics.md` §6.2).
//!
//! The low end rounds with ties toward −∞ and the high end with ties toward +∞, so either tie
//! convention the writer used is accepted.

use super::interval::Interval;
use rust_decimal::{Decimal, RoundingStrategy};

fn round_low(low: Decimal, dp: u32) -> Decimal {
    let strategy = if low.is_sign_negative() {
        RoundingStrategy::MidpointAwayFromZero
    } else {
        RoundingStrategy::MidpointTowardZero
    };
    low.round_dp_with_strategy(dp, strategy)
}

fn round_high(high: Decimal, dp: u32) -> Decimal {
    let strategy = if high.is_sign_negative() {
        RoundingStrategy::MidpointTowardZero
    } else {
        RoundingStrategy::MidpointAwayFromZero
    };
    high.round_dp_with_strategy(dp, strategy)
}

/// The interval of values a writer rounding to `decimals` places could state. Rounded ends are
/// closed: a value just inside an open end rounds to the end itself.
pub fn round_back(iv: &Interval, decimals: u32) -> Interval {
    Interval::new(
        iv.low.map(|l| round_low(l, decimals)),
        iv.high.map(|h| round_high(h, decimals)),
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
        assert_eq!(round_back(&iv("7.531", "9.283"), 1), iv("7.5", "9.3"));
        assert_eq!(round_back(&iv("2.667", "8.219"), 0), iv("3", "8"));
        assert_eq!(round_back(&iv("0", "11.111"), 0), iv("0", "11"));
        assert_eq!(round_back(&iv("-6.667", "-6.667"), 0), iv("-7", "-7"));
        assert_eq!(round_back(&iv("-8.791", "-4.494"), 0), iv("-9", "-4"));
    }

    #[test]
    fn ties_widen_the_interval() {
        assert_eq!(round_back(&iv("2.5", "3.5"), 0), iv("2", "4"));
        assert_eq!(round_back(&iv("-3.5", "-2.5"), 0), iv("-4", "-2"));
        assert_eq!(round_back(&iv("0.125", "0.125"), 2), iv("0.12", "0.13"));
    }

    #[test]
    fn unbounded_ends_stay_unbounded() {
        let r = round_back(&Interval::new(Some(d("18.96")), None, true, false), 1);
        assert_eq!((r.low, r.high, r.low_open), (Some(d("19.0")), None, false));
    }
}
