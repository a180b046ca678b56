//! Propagation by corners (`semantics.md` §6.1): y = F(x₁ … xₙ) over intervals is the min and
//! max of F at the 2ⁿ corners, exact for the monotone formulas of `rules.md`.

use super::interval::{span_of, ArithError, Interval};
use super::reading::Reading;
use rust_decimal::Decimal;

/// Checked arithmetic for formulas: overflow and division by zero are errors.
pub mod ops {
    use super::ArithError;
    use rust_decimal::Decimal;

    pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, ArithError> {
        a.checked_add(b).ok_or(ArithError::Overflow)
    }
    pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, ArithError> {
        a.checked_sub(b).ok_or(ArithError::Overflow)
    }
    pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, ArithError> {
        a.checked_mul(b).ok_or(ArithError::Overflow)
    }
    pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, ArithError> {
        if b.is_zero() {
            return Err(ArithError::ZeroDivisor);
        }
        a.checked_div(b).ok_or(ArithError::Overflow)
    }
}

/// Inputs beyond this many make 2ⁿ evaluations pointless; no formula in `rules.md` needs more.
pub const MAX_INPUTS: usize = 4;

/// Far enough beyond a bounded end to stand for ∞ in a monotone formula.
const PROXY_FACTOR: i64 = 1_000_000;

/// One end of one input: value, open, and whether it stands in for an unbounded end.
type End = (Decimal, bool, bool);

fn ends(iv: &Interval) -> Result<[End; 2], ArithError> {
    let reach = |anchor: Option<Decimal>| {
        let magnitude = anchor.map_or(Decimal::ONE, |a| a.abs().max(Decimal::ONE));
        magnitude
            .checked_mul(Decimal::from(PROXY_FACTOR))
            .ok_or(ArithError::Overflow)
    };
    let low = match iv.low {
        Some(l) => (l, iv.low_open, false),
        None => {
            let anchor = iv.high.unwrap_or(Decimal::ZERO);
            (ops::sub(anchor, reach(iv.high)?)?, false, true)
        }
    };
    let high = match iv.high {
        Some(h) => (h, iv.high_open, false),
        None => {
            let anchor = iv.low.unwrap_or(Decimal::ZERO);
            (ops::add(anchor, reach(iv.low)?)?, false, true)
        }
    };
    Ok([low, high])
}

/// F over intervals. `divisors` lists the inputs F divides by: one containing 0 makes the
/// check untestable (`Err(ZeroDivisor)`). An unbounded input leaves the result unbounded on
/// the side it drives. At most [`MAX_INPUTS`] inputs.
pub fn corners<F>(inputs: &[Interval], divisors: &[usize], f: F) -> Result<Interval, ArithError>
where
    F: Fn(&[Decimal]) -> Result<Decimal, ArithError>,
{
    if inputs.len() > MAX_INPUTS {
        return Err(ArithError::TooManyInputs);
    }
    if divisors
        .iter()
        .any(|&i| inputs.get(i).is_some_and(|iv| iv.contains(Decimal::ZERO)))
    {
        return Err(ArithError::ZeroDivisor);
    }
    let all_ends = inputs.iter().map(ends).collect::<Result<Vec<_>, _>>()?;
    // (value, open, reached through a proxy)
    let mut results: Vec<(Decimal, bool, bool)> = Vec::with_capacity(1 << inputs.len());
    let mut args = vec![Decimal::ZERO; inputs.len()];
    for mask in 0..(1usize << inputs.len()) {
        let mut open = false;
        let mut proxy = false;
        for (i, pair) in all_ends.iter().enumerate() {
            let (v, o, p) = pair[(mask >> i) & 1];
            args[i] = v;
            open |= o;
            proxy |= p;
        }
        results.push((f(&args)?, open, proxy));
    }
    let finite: Vec<(Decimal, bool)> = results.iter().map(|&(v, o, _)| (v, o)).collect();
    let mut out = span_of(&finite);
    // An extreme reached only through proxies is really unbounded.
    let only_proxies =
        |target: Option<Decimal>| results.iter().filter(|r| Some(r.0) == target).all(|r| r.2);
    if only_proxies(out.low) {
        out = Interval::new(None, out.high, false, out.high_open);
    }
    if only_proxies(out.high) {
        out = Interval::new(out.low, None, out.low_open, false);
    }
    Ok(out)
}

/// Both passes of one check (§6.3), with the point result where every input has a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Computation {
    pub point: Option<Decimal>,
    pub strict: Interval,
    pub permissive: Interval,
    /// Some input is too wide to say anything (§6.4).
    pub untestable: bool,
}

/// Runs F over the strict and the permissive readings of its inputs.
pub fn compute<F>(inputs: &[&Reading], divisors: &[usize], f: F) -> Result<Computation, ArithError>
where
    F: Fn(&[Decimal]) -> Result<Decimal, ArithError>,
{
    let strict: Vec<Interval> = inputs.iter().map(|r| r.strict).collect();
    let permissive: Vec<Interval> = inputs.iter().map(|r| r.permissive).collect();
    let values: Option<Vec<Decimal>> = inputs.iter().map(|r| r.value).collect();
    Ok(Computation {
        point: values.and_then(|v| f(&v).ok()),
        strict: corners(&strict, divisors, &f)?,
        permissive: corners(&permissive, divisors, &f)?,
        untestable: inputs.iter().any(|r| r.untestable),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::{d, iv};

    fn pct_change(x: &[Decimal]) -> Result<Decimal, ArithError> {
        ops::mul(ops::div(ops::sub(x[1], x[0])?, x[0])?, Decimal::ONE_HUNDRED)
    }

    #[test]
    fn percent_change_corners_of_the_revenue_example() {
        let from = iv("3.65", "3.75");
        let to = iv("3.85", "3.95");
        let out = corners(&[from, to], &[0], pct_change).unwrap();
        assert_eq!(out.low.unwrap().round_dp(3), d("2.667"));
        assert_eq!(out.high.unwrap().round_dp(3), d("8.219"));
    }

    #[test]
    fn sum_of_hedged_counts() {
        let sum = corners(&[iv("35", "45"), iv("23", "27")], &[], |x| {
            ops::add(x[0], x[1])
        })
        .unwrap();
        assert_eq!(sum, iv("58", "72"));
    }

    #[test]
    fn unbounded_input_gives_unbounded_side() {
        let at_least_12 = Interval::new(Some(d("12")), None, false, false);
        let sum = corners(&[at_least_12, iv("7", "7")], &[], |x| ops::add(x[0], x[1])).unwrap();
        assert_eq!((sum.low, sum.high), (Some(d("19")), None));
        // Decreasing in its unbounded input: the low side opens up.
        let diff = corners(&[iv("100", "100"), at_least_12], &[], |x| {
            ops::sub(x[0], x[1])
        })
        .unwrap();
        assert_eq!((diff.low, diff.high), (None, Some(d("88"))));
    }

    #[test]
    fn divisor_containing_zero_is_untestable() {
        let r = corners(&[iv("5", "6"), iv("0", "4")], &[1], |x| {
            ops::div(x[0], x[1])
        });
        assert_eq!(r, Err(ArithError::ZeroDivisor));
        let r = corners(&[iv("5", "6"), iv("-1", "4")], &[1], |x| {
            ops::div(x[0], x[1])
        });
        assert_eq!(r, Err(ArithError::ZeroDivisor));
    }

    #[test]
    fn overflow_in_a_corner_is_an_error() {
        let huge = Interval::point(Decimal::MAX);
        let r = corners(&[huge, huge], &[], |x| ops::add(x[0], x[1]));
        assert_eq!(r, Err(ArithError::Overflow));
        let five = [iv("1", "1"); 5];
        assert_eq!(
            corners(&five, &[], |x| Ok(x[0])),
            Err(ArithError::TooManyInputs)
        );
    }

    #[test]
    fn open_ends_propagate() {
        let nearly = Interval::new(Some(d("630")), Some(d("700")), false, true);
        let out = corners(&[nearly, iv("10", "10")], &[], |x| ops::add(x[0], x[1])).unwrap();
        assert!(out.high_open && !out.low_open);
    }
}
