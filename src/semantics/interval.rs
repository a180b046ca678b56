//! Intervals over `Decimal`: each end bounded or not (`None`), open or closed.
//!
//! Every operation is exact and checked: an overflow is an [`ArithError`], never a panic.

use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Why an interval operation has no result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithError {
    /// Beyond `Decimal`'s range.
    Overflow,
    /// A divisor interval contains 0 (the check is untestable, `semantics.md` §6.4).
    ZeroDivisor,
    /// A formula over more inputs than corner propagation takes (`propagate::MAX_INPUTS`).
    TooManyInputs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    /// `None`: unbounded below.
    pub low: Option<Decimal>,
    /// `None`: unbounded above.
    pub high: Option<Decimal>,
    pub low_open: bool,
    pub high_open: bool,
}

/// One end as an extended real, for products with unbounded ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Ext {
    NegInf,
    Fin(Decimal),
    PosInf,
}

impl Ext {
    fn signum(self) -> i8 {
        match self {
            Ext::NegInf => -1,
            Ext::PosInf => 1,
            Ext::Fin(d) => match d.cmp(&Decimal::ZERO) {
                Ordering::Less => -1,
                Ordering::Equal => 0,
                Ordering::Greater => 1,
            },
        }
    }

    /// Product, with 0 · ∞ = 0 as interval arithmetic takes it.
    fn mul(self, other: Ext) -> Result<Ext, ArithError> {
        match (self, other) {
            (Ext::Fin(a), Ext::Fin(b)) => {
                a.checked_mul(b).map(Ext::Fin).ok_or(ArithError::Overflow)
            }
            _ => Ok(match self.signum() * other.signum() {
                0 => Ext::Fin(Decimal::ZERO),
                s if s > 0 => Ext::PosInf,
                _ => Ext::NegInf,
            }),
        }
    }
}

impl Interval {
    /// [low, high], ends swapped if given high-to-low.
    pub fn closed(a: Decimal, b: Decimal) -> Interval {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        Interval {
            low: Some(low),
            high: Some(high),
            low_open: false,
            high_open: false,
        }
    }

    pub fn point(v: Decimal) -> Interval {
        Interval::closed(v, v)
    }

    /// v ± h (h ≥ 0), checked.
    pub fn around(v: Decimal, h: Decimal) -> Result<Interval, ArithError> {
        let h = h.abs();
        let low = v.checked_sub(h).ok_or(ArithError::Overflow)?;
        let high = v.checked_add(h).ok_or(ArithError::Overflow)?;
        Ok(Interval::closed(low, high))
    }

    /// Any ends, as given (no reordering).
    pub fn new(
        low: Option<Decimal>,
        high: Option<Decimal>,
        low_open: bool,
        high_open: bool,
    ) -> Self {
        Interval {
            low,
            high,
            low_open: low_open && low.is_some(),
            high_open: high_open && high.is_some(),
        }
    }

    pub fn is_bounded(&self) -> bool {
        self.low.is_some() && self.high.is_some()
    }

    /// No value lies inside.
    pub fn is_empty(&self) -> bool {
        match (self.low, self.high) {
            (Some(l), Some(h)) => l > h || (l == h && (self.low_open || self.high_open)),
            _ => false,
        }
    }

    pub fn contains(&self, v: Decimal) -> bool {
        let above_low = match self.low {
            None => true,
            Some(l) => v > l || (v == l && !self.low_open),
        };
        let below_high = match self.high {
            None => true,
            Some(h) => v < h || (v == h && !self.high_open),
        };
        above_low && below_high
    }

    /// Whether `other` lies wholly inside `self`.
    pub fn contains_interval(&self, other: &Interval) -> bool {
        let low_ok = match (self.low, other.low) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a < b || (a == b && (!self.low_open || other.low_open)),
        };
        let high_ok = match (self.high, other.high) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a > b || (a == b && (!self.high_open || other.high_open)),
        };
        low_ok && high_ok
    }

    /// The common part (possibly empty, see [`Interval::is_empty`]).
    pub fn intersect(&self, other: &Interval) -> Interval {
        let (low, low_open) = match (self.low, other.low) {
            (None, _) => (other.low, other.low_open),
            (_, None) => (self.low, self.low_open),
            (Some(a), Some(b)) => match a.cmp(&b) {
                Ordering::Greater => (Some(a), self.low_open),
                Ordering::Less => (Some(b), other.low_open),
                Ordering::Equal => (Some(a), self.low_open || other.low_open),
            },
        };
        let (high, high_open) = match (self.high, other.high) {
            (None, _) => (other.high, other.high_open),
            (_, None) => (self.high, self.high_open),
            (Some(a), Some(b)) => match a.cmp(&b) {
                Ordering::Less => (Some(a), self.high_open),
                Ordering::Greater => (Some(b), other.high_open),
                Ordering::Equal => (Some(a), self.high_open || other.high_open),
            },
        };
        Interval::new(low, high, low_open, high_open)
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        !self.intersect(other).is_empty()
    }

    /// The smallest interval covering both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let (low, low_open) = match (self.low, other.low) {
            (Some(a), Some(b)) => match a.cmp(&b) {
                Ordering::Less => (Some(a), self.low_open),
                Ordering::Greater => (Some(b), other.low_open),
                Ordering::Equal => (Some(a), self.low_open && other.low_open),
            },
            _ => (None, false),
        };
        let (high, high_open) = match (self.high, other.high) {
            (Some(a), Some(b)) => match a.cmp(&b) {
                Ordering::Greater => (Some(a), self.high_open),
                Ordering::Less => (Some(b), other.high_open),
                Ordering::Equal => (Some(a), self.high_open && other.high_open),
            },
            _ => (None, false),
        };
        Interval::new(low, high, low_open, high_open)
    }

    /// How far apart two intervals are: 0 when they touch or overlap (`semantics.md` §6.6).
    pub fn distance(&self, other: &Interval) -> Result<Decimal, ArithError> {
        let gap = |high: Option<Decimal>, low: Option<Decimal>| match (high, low) {
            (Some(h), Some(l)) if l > h => l.checked_sub(h).ok_or(ArithError::Overflow),
            _ => Ok(Decimal::ZERO),
        };
        let right = gap(self.high, other.low)?;
        let left = gap(other.high, self.low)?;
        Ok(right.max(left))
    }

    /// (low + high) / 2 for a bounded interval.
    pub fn midpoint(&self) -> Option<Decimal> {
        let sum = self.low?.checked_add(self.high?)?;
        sum.checked_div(Decimal::TWO)
    }

    /// (high − low) / 2 for a bounded interval.
    pub fn half_width(&self) -> Option<Decimal> {
        let width = self.high?.checked_sub(self.low?)?;
        width.checked_div(Decimal::TWO)
    }

    pub fn neg(&self) -> Interval {
        Interval::new(
            self.high.map(|h| -h),
            self.low.map(|l| -l),
            self.high_open,
            self.low_open,
        )
    }

    pub fn add(&self, other: &Interval) -> Result<Interval, ArithError> {
        let sum = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
            (Some(a), Some(b)) => a.checked_add(b).map(Some).ok_or(ArithError::Overflow),
            _ => Ok(None),
        };
        Ok(Interval::new(
            sum(self.low, other.low)?,
            sum(self.high, other.high)?,
            self.low_open || other.low_open,
            self.high_open || other.high_open,
        ))
    }

    pub fn sub(&self, other: &Interval) -> Result<Interval, ArithError> {
        self.add(&other.neg())
    }

    /// k · self.
    pub fn scale(&self, k: Decimal) -> Result<Interval, ArithError> {
        self.mul(&Interval::point(k))
    }

    pub fn mul(&self, other: &Interval) -> Result<Interval, ArithError> {
        let ends = |iv: &Interval| {
            [
                (iv.low.map_or(Ext::NegInf, Ext::Fin), iv.low_open),
                (iv.high.map_or(Ext::PosInf, Ext::Fin), iv.high_open),
            ]
        };
        let mut corners = Vec::with_capacity(4);
        for (a, a_open) in ends(self) {
            for (b, b_open) in ends(other) {
                corners.push((a.mul(b)?, a_open || b_open));
            }
        }
        Ok(from_corners(&corners))
    }

    /// self / other, for a divisor not containing 0.
    pub fn div(&self, other: &Interval) -> Result<Interval, ArithError> {
        self.mul(&other.reciprocal()?)
    }

    /// 1 / self, for an interval not containing 0 (1/∞ is an open 0).
    pub fn reciprocal(&self) -> Result<Interval, ArithError> {
        if self.contains(Decimal::ZERO) || self.is_empty() {
            return Err(ArithError::ZeroDivisor);
        }
        let inv = |end: Option<Decimal>| -> Result<(Option<Decimal>, bool), ArithError> {
            match end {
                None => Ok((Some(Decimal::ZERO), true)),
                Some(d) if d.is_zero() => Ok((None, false)),
                Some(d) => Decimal::ONE
                    .checked_div(d)
                    .map(|r| (Some(r), false))
                    .ok_or(ArithError::Overflow),
            }
        };
        let (low, low_inf_open) = inv(self.high)?;
        let (high, high_inf_open) = inv(self.low)?;
        Ok(Interval::new(
            low,
            high,
            self.high_open || low_inf_open,
            self.low_open || high_inf_open,
        ))
    }

    /// For counts: ends moved inward to whole numbers, an open end to the next whole number.
    /// Unchanged when no whole number lies inside ("0.1 attacks" is not a count to check).
    pub fn to_whole(&self) -> Interval {
        let low = self.low.map(|l| {
            let c = l.ceil();
            if self.low_open && c == l {
                c.saturating_add(Decimal::ONE)
            } else {
                c
            }
        });
        let high = self.high.map(|h| {
            let f = h.floor();
            if self.high_open && f == h {
                f.saturating_sub(Decimal::ONE)
            } else {
                f
            }
        });
        let whole = Interval::new(low, high, false, false);
        if whole.is_empty() {
            *self
        } else {
            whole
        }
    }
}

/// The interval spanned by finite corner values `(value, open)` (see `from_corners`).
pub(crate) fn span_of(corners: &[(Decimal, bool)]) -> Interval {
    let ext: Vec<(Ext, bool)> = corners.iter().map(|&(v, o)| (Ext::Fin(v), o)).collect();
    from_corners(&ext)
}

/// The interval spanned by corner values `(value, open)`: an end is open only if every corner
/// reaching it is open; an infinite extreme leaves that side unbounded.
fn from_corners(corners: &[(Ext, bool)]) -> Interval {
    let min = corners.iter().map(|c| c.0).min();
    let max = corners.iter().map(|c| c.0).max();
    let end = |target: Option<Ext>| -> (Option<Decimal>, bool) {
        match target {
            Some(Ext::Fin(d)) => {
                let open = corners.iter().filter(|c| c.0 == Ext::Fin(d)).all(|c| c.1);
                (Some(d), open)
            }
            _ => (None, false),
        }
    };
    let (low, low_open) = end(min);
    let (high, high_open) = end(max);
    Interval::new(low, high, low_open, high_open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::d;

    fn iv(a: &str, b: &str) -> Interval {
        Interval::closed(d(a), d(b))
    }

    #[test]
    fn arithmetic_on_closed_intervals() {
        assert_eq!(iv("35", "45").add(&iv("23", "27")), Ok(iv("58", "72")));
        assert_eq!(iv("10", "20").sub(&iv("1", "2")), Ok(iv("8", "19")));
        assert_eq!(iv("-2", "3").mul(&iv("4", "5")), Ok(iv("-10", "15")));
        assert_eq!(iv("38", "38").div(&iv("5", "5")), Ok(iv("7.6", "7.6")));
        assert_eq!(iv("1", "2").scale(d("-3")), Ok(iv("-6", "-3")));
    }

    #[test]
    fn unbounded_ends_stay_unbounded() {
        let at_least_12 = Interval::new(Some(d("12")), None, false, false);
        let sum = at_least_12.add(&Interval::point(d("7"))).unwrap();
        assert_eq!(sum, Interval::new(Some(d("19")), None, false, false));
        let prod = Interval::new(Some(d("0")), None, false, false)
            .mul(&iv("2", "3"))
            .unwrap();
        assert_eq!(prod.low, Some(d("0")));
        assert_eq!(prod.high, None);
    }

    #[test]
    fn division_by_an_interval_containing_zero_is_refused() {
        assert_eq!(
            iv("1", "2").div(&iv("-1", "1")),
            Err(ArithError::ZeroDivisor)
        );
        assert_eq!(
            iv("1", "2").div(&iv("0", "0")),
            Err(ArithError::ZeroDivisor)
        );
        let above_zero = Interval::new(Some(d("0")), Some(d("4")), true, false);
        let r = Interval::point(d("1")).div(&above_zero).unwrap();
        assert_eq!((r.low, r.high), (Some(d("0.25")), None));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = Interval::point(Decimal::MAX);
        assert_eq!(huge.add(&huge), Err(ArithError::Overflow));
        assert_eq!(huge.mul(&iv("2", "2")), Err(ArithError::Overflow));
        assert_eq!(
            Interval::around(Decimal::MAX, d("1")),
            Err(ArithError::Overflow)
        );
    }

    #[test]
    fn open_ends_decide_overlap_at_a_shared_point() {
        let below_700 = Interval::new(Some(d("630")), Some(d("700")), false, true);
        assert!(!below_700.overlaps(&Interval::point(d("700"))));
        assert!(below_700.overlaps(&iv("699", "720")));
        assert!(!below_700.contains(d("700")));
        assert!(iv("0", "800").contains_interval(&below_700));
        assert!(!below_700.contains_interval(&iv("630", "700")));
    }

    #[test]
    fn distance_between_disjoint_intervals() {
        assert_eq!(iv("0", "11.111").distance(&iv("13", "15")), Ok(d("1.889")));
        assert_eq!(iv("13", "15").distance(&iv("0", "11.111")), Ok(d("1.889")));
        assert_eq!(iv("0", "14").distance(&iv("13", "15")), Ok(d("0")));
    }

    #[test]
    fn counts_move_inward_to_whole_numbers() {
        assert_eq!(iv("42.3", "51.7").to_whole(), iv("43", "51"));
        let nearly_700 = Interval::new(Some(d("630")), Some(d("700")), false, true);
        assert_eq!(nearly_700.to_whole(), iv("630", "699"));
        let more_than_12 = Interval::new(Some(d("12")), None, true, false);
        assert_eq!(more_than_12.to_whole().low, Some(d("13")));
        assert_eq!(iv("0.05", "0.15").to_whole(), iv("0.05", "0.15"));
    }

    #[test]
    fn hull_midpoint_and_half_width() {
        let h = iv("1", "2").hull(&iv("5", "9"));
        assert_eq!(h, iv("1", "9"));
        assert_eq!(h.midpoint(), Some(d("5")));
        assert_eq!(h.half_width(), Some(d("4")));
        assert!(iv("3", "1").low == Some(d("1")));
    }
}
