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
