//! Verdicts (`semantics.md` §6.3–6.6): a computed interval against the checked claim.

use super::interval::Interval;
use super::propagate::Computation;
use super::reading::Reading;
use super::rounding::round_back;
use crate::finding::Verdict;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// `None`: untestable and not contradicted, so nothing to report (§6.4).
    pub verdict: Option<Verdict>,
    /// The unrounded interval of the pass that decided: strict for `consistent`, permissive
    /// otherwise.
    pub computed: Interval,
    /// Distance between the permissive computed interval and the claim's, over |stated
    /// value| (0 on overlap; `None` when there is no nonzero scale to divide by) (§6.6).
    pub gap: Option<Decimal>,
    pub untestable: bool,
}

/// What the checked claim can be compared with: plain numbers see the computed interval
/// rounded to their precision, hedged ones the unrounded interval (§6.2).
fn as_stated(checked: &Reading, computed: &Interval) -> Interval {
    if checked.plain {
        round_back(computed, checked.unit)
    } else {
        *computed
    }
}

fn gap(checked: &Reading, permissive: &Interval) -> Option<Decimal> {
    let distance = permissive.distance(&checked.permissive).ok()?;
    if distance.is_zero() {
        return Some(Decimal::ZERO);
    }
    let scale = checked
        .value
        .or_else(|| checked.permissive.midpoint())?
        .abs();
    distance.checked_div(scale)
}

/// Two passes: strict inputs, then permissive inputs, both against the checked claim's strict
/// interval; an untestable check is never consistent.
pub fn judge(checked: &Reading, computation: &Computation) -> Judgement {
    let untestable = computation.untestable || checked.untestable;
    let strict_match = as_stated(checked, &computation.strict).overlaps(&checked.strict);
    // Tolerances do not stack (§6.3): the inputs may have been rounded, or the stated result
    // may have been, not both, so the permissive pass keeps the checked claim's strict interval.
    let permissive_match = as_stated(checked, &computation.permissive).overlaps(&checked.strict);
    let (verdict, computed) = if permissive_match || strict_match {
        if untestable {
            (None, computation.permissive)
        } else if strict_match {
            (Some(Verdict::Consistent), computation.strict)
        } else {
            (Some(Verdict::ConsistentByRounding), computation.permissive)
        }
    } else {
        (Some(Verdict::Inconsistent), computation.permissive)
    };
    Judgement {
        verdict,
        computed,
        gap: gap(checked, &computation.permissive),
        untestable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Hedge, Kind, Quantity, Span};
    use crate::semantics::propagate::{compute, ops};
    use crate::semantics::reading::reading;
    use crate::semantics::test_support::{d, iv, num};
    use crate::semantics::tolerances::Tolerances;
    use crate::semantics::ArithError;

    fn read(kind: Kind, mantissa: &str, scale: i64, hedge: Hedge) -> Reading {
        let mut c = Claim::new(Span::new(0, 1), kind, Quantity::Point(num(mantissa, scale)));
        c.hedge = hedge;
        reading(&c, &Tolerances::default()).unwrap()
    }

    fn money(m: &str, scale: i64) -> Reading {
        read(Kind::Money, m, scale, Hedge::None)
    }

    fn pct_change(x: &[Decimal]) -> Result<Decimal, ArithError> {
        ops::mul(ops::div(ops::sub(x[1], x[0])?, x[0])?, Decimal::ONE_HUNDRED)
    }

    fn change(from: &Reading, to: &Reading, stated: &Reading) -> (Computation, Judgement) {
        let c = compute(&[from, to], &[0], pct_change).unwrap();
        let j = judge(stated, &c);
        (c, j)
    }

    #[test]
    fn ridership_row_is_consistent() {
        let from = read(Kind::Number, "1.19", 1_000_000, Hedge::None);
        let to = read(Kind::Number, "1.29", 1_000_000, Hedge::None);
        let p = read(Kind::Percent, "8.4", 1, Hedge::None);
        let (c, j) = change(&from, &to, &p);
        assert_eq!(c.point.unwrap().round_dp(3), d("8.403"));
        assert_eq!(c.strict.low.unwrap().round_dp(3), d("7.531"));
        assert_eq!(c.strict.high.unwrap().round_dp(3), d("9.283"));
        assert_eq!(j.verdict, Some(Verdict::Consistent));
        assert_eq!(j.computed, c.strict);
        assert_eq!(j.gap, Some(Decimal::ZERO));
    }

    #[test]
    fn revenue_row_is_inconsistent_with_gap() {
        let from = money("3.7", 1_000_000_000);
        let to = money("3.9", 1_000_000_000);
        let p = read(Kind::Percent, "14", 1, Hedge::None);
        let (c, j) = change(&from, &to, &p);
        assert_eq!(c.point.unwrap().round_dp(3), d("5.405"));
        // Decimals are read as rounded: the permissive pass is the strict one.
        assert_eq!(c.permissive, c.strict);
        assert_eq!(c.permissive.high.unwrap().round_dp(3), d("8.219"));
        assert_eq!(j.verdict, Some(Verdict::Inconsistent));
        assert_eq!(j.computed, c.permissive);
        assert_eq!(j.gap.unwrap().round_dp(3), d("0.341"));
    }

    #[test]
    fn sales_row_is_inconsistent() {
        let from = money("4.8", 1_000_000);
        let to = money("5.6", 1_000_000);
        let p = read(Kind::Percent, "12", 1, Hedge::None);
        let (c, j) = change(&from, &to, &p);
        assert_eq!(c.strict.low.unwrap().round_dp(3), d("14.433"));
        assert_eq!(c.strict.high.unwrap().round_dp(3), d("18.947"));
        assert_eq!(j.verdict, Some(Verdict::Inconsistent));
    }

    #[test]
    fn tolerances_do_not_stack() {
        // $41 → $53: strict inputs give 26.5–32.1%, permissive ones ([40, 42], [52, 54])
        // 23.8–35% → rounded [24, 35]. A stated 34% is met by the permissive inputs alone.
        let from = money("41", 1);
        let to = money("53", 1);
        let (_, j) = change(&from, &to, &read(Kind::Percent, "34", 1, Hedge::None));
        assert_eq!(j.verdict, Some(Verdict::ConsistentByRounding));
        // A stated 36% would need its own rounding ([35, 37]) on top of the inputs' as well.
        let (_, j) = change(&from, &to, &read(Kind::Percent, "36", 1, Hedge::None));
        assert_eq!(j.verdict, Some(Verdict::Inconsistent));
    }

    #[test]
    fn enrollment_row_is_consistent_by_rounding() {
        let from = read(Kind::Count, "4500", 1, Hedge::None);
        let to = read(Kind::Count, "4200", 1, Hedge::None);
        let p = read(Kind::Percent, "-5", 1, Hedge::None);
        let (c, j) = change(&from, &to, &p);
        assert_eq!(c.strict.low.unwrap().round_dp(3), d("-6.667"));
        assert_eq!(c.permissive.low.unwrap().round_dp(3), d("-8.791"));
        assert_eq!(c.permissive.high.unwrap().round_dp(3), d("-4.494"));
        assert_eq!(j.verdict, Some(Verdict::ConsistentByRounding));
    }

    #[test]
    fn sum_with_hedges_is_consistent() {
        let dead = read(Kind::Count, "40", 1, Hedge::Approximately);
        let injured = read(Kind::Count, "25", 1, Hedge::Approximately);
        let total = read(Kind::Count, "65", 1, Hedge::Approximately);
        assert_eq!(dead.permissive, iv("35", "45"));
        assert_eq!(injured.permissive, iv("23", "27"));
        assert_eq!(total.permissive, iv("59", "71"));
        let c = compute(&[&dead, &injured], &[], |x| ops::add(x[0], x[1])).unwrap();
        assert_eq!(c.permissive, iv("58", "72"));
        assert_eq!(judge(&total, &c).verdict, Some(Verdict::Consistent));
    }

    #[test]
    fn projection_of_the_example_article() {
        let attacks = read(Kind::Count, "38", 1, Hedge::None);
        let months = read(Kind::Duration, "5", 1, Hedge::Exactly);
        let projected = read(Kind::Count, "90", 1, Hedge::Estimate);
        assert_eq!(projected.permissive, iv("81", "99"));
        let c = compute(&[&attacks, &months], &[1], |x| {
            ops::mul(ops::div(x[0], x[1])?, Decimal::from(12))
        })
        .unwrap();
        assert_eq!(c.point, Some(d("91.2")));
        assert_eq!(judge(&projected, &c).verdict, Some(Verdict::Consistent));
    }

    #[test]
    fn decision_example_contradicts_more_than_10_percent() {
        let from = money("0.98", 1);
        let to = money("1.05", 1);
        let p = read(Kind::Percent, "10", 1, Hedge::MoreThan);
        let (c, j) = change(&from, &to, &p);
        assert_eq!(c.strict.low.unwrap().round_dp(2), d("6.09"));
        assert_eq!(c.strict.high.unwrap().round_dp(2), d("8.21"));
        assert_eq!(c.permissive, c.strict);
        assert_eq!(j.verdict, Some(Verdict::Inconsistent));
    }

    #[test]
    fn bounds_are_read_literally() {
        // "more than 1,500%" is not satisfied by 1,471%.
        let bound = read(Kind::Percent, "1500", 1, Hedge::MoreThan);
        let c = Computation {
            point: Some(d("1471")),
            strict: iv("1471", "1471"),
            permissive: iv("1470.5", "1471.5"),
            untestable: false,
        };
        assert_eq!(judge(&bound, &c).verdict, Some(Verdict::Inconsistent));
    }

    #[test]
    fn untestable_never_consistent_but_can_contradict() {
        let hundreds = {
            let c = Claim::new(
                Span::new(0, 1),
                Kind::Count,
                Quantity::Vague(crate::model::Vague::Hundreds),
            );
            reading(&c, &Tolerances::default()).unwrap()
        };
        assert!(hundreds.untestable);
        let fits = compute(&[&hundreds], &[], |x| Ok(x[0])).unwrap();
        let stated = read(Kind::Count, "500", 1, Hedge::None);
        let j = judge(&stated, &fits);
        assert_eq!((j.verdict, j.untestable), (None, true));
        let far = read(Kind::Count, "5000", 1, Hedge::None);
        assert_eq!(judge(&far, &fits).verdict, Some(Verdict::Inconsistent));
    }
}
