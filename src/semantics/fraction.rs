//! Fraction and proportion words → intervals in [0, 1] (`semantics.md` §4).

use super::interval::{ArithError, Interval};
use super::numeral::{unhedged, Pair, Shape};
use super::tolerances::Tolerances;
use crate::model::{FractionForm, Hedge, Numeral};
use rust_decimal::Decimal;

const COUNT: Shape = Shape {
    count: true,
    signed: false,
};

fn checked(r: Option<Decimal>) -> Result<Decimal, ArithError> {
    r.ok_or(ArithError::Overflow)
}

/// f ± max(rel · f, floor).
fn spread(f: Decimal, rel: Decimal, floor: Decimal) -> Result<Interval, ArithError> {
    let h = checked(rel.checked_mul(f.abs()))?.max(floor);
    Interval::around(f, h)
}

fn unit() -> Interval {
    Interval::closed(Decimal::ZERO, Decimal::ONE)
}

/// A word fraction f under a hedge.
fn word(f: Decimal, hedge: Hedge, tol: &Tolerances) -> Result<Pair, ArithError> {
    let one = |iv: Interval| Pair {
        strict: iv,
        permissive: iv,
    };
    let unhedged = || -> Result<Pair, ArithError> {
        Ok(Pair {
            strict: spread(
                f,
                tol.fraction / Decimal::TWO,
                tol.fraction_floor / Decimal::TWO,
            )?,
            permissive: spread(f, tol.fraction, tol.fraction_floor)?,
        })
    };
    let zero = Some(Decimal::ZERO);
    let pair = match hedge {
        Hedge::None => unhedged()?,
        Hedge::Exactly => one(unhedged()?.strict),
        Hedge::Approximately | Hedge::Estimate => {
            one(spread(f, tol.fraction_hedged, tol.fraction_hedged_floor)?)
        }
        Hedge::Nearly => {
            // Twice the unhedged tolerance below f: "nearly half" → [0.40, 0.50).
            let h = checked(tol.fraction.checked_mul(f))?.max(tol.fraction_floor);
            let low = checked(f.checked_sub(checked(h.checked_mul(Decimal::TWO))?))?;
            one(Interval::new(Some(low), Some(f), false, true))
        }
        Hedge::MoreThan => one(Interval::new(Some(f), Some(Decimal::ONE), true, false)),
        Hedge::AtLeast => one(Interval::new(Some(f), Some(Decimal::ONE), false, false)),
        Hedge::FewerThan => one(Interval::new(zero, Some(f), false, true)),
        Hedge::AtMost | Hedge::UpTo => one(Interval::new(zero, Some(f), false, false)),
    };
    Ok(Pair {
        strict: pair.strict.intersect(&unit()),
        permissive: pair.permissive.intersect(&unit()),
    })
}

/// a/b with each count read by its own precision, by corners.
fn ratio(a: &Numeral, b: &Numeral, tol: &Tolerances) -> Result<Pair, ArithError> {
    let a = unhedged(a, COUNT, tol)?;
    let b = unhedged(b, COUNT, tol)?;
    Ok(Pair {
        strict: a.strict.div(&b.strict)?,
        permissive: a.permissive.div(&b.permissive)?,
    })
}

/// The proportion a fraction form states, under its hedge. "X out of Y", "one in 250" and
/// majority/minority words carry their precision in their own numbers and ignore the hedge.
pub fn hedged(form: &FractionForm, hedge: Hedge, tol: &Tolerances) -> Result<Pair, ArithError> {
    let majority = Interval::new(Some(Decimal::new(5, 1)), Some(Decimal::ONE), true, false);
    let minority = Interval::new(Some(Decimal::ZERO), Some(Decimal::new(5, 1)), false, true);
    match form {
        FractionForm::Word(f) => word(*f, hedge, tol),
        // "one in 250" is a rate: the 0.02 floor would swamp it, so N keeps its own interval.
        FractionForm::OneIn(n) if n.value > Decimal::TEN => ratio(&Numeral::integer(1), n, tol),
        FractionForm::OneIn(n) => word(checked(Decimal::ONE.checked_div(n.value))?, hedge, tol),
        FractionForm::OutOf(a, b) => ratio(a, b, tol),
        FractionForm::Majority => Ok(Pair {
            strict: majority,
            permissive: majority,
        }),
        FractionForm::Minority => Ok(Pair {
            strict: minority,
            permissive: minority,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::{d, iv};

    fn third() -> Decimal {
        Decimal::ONE / Decimal::from(3)
    }

    /// Rounded to 4 places, as the spec's table prints them.
    fn r4(iv: Interval) -> (Decimal, Decimal) {
        (
            iv.low.unwrap().round_dp(4).normalize(),
            iv.high.unwrap().round_dp(4).normalize(),
        )
    }

    fn check(form: FractionForm, hedge: Hedge, permissive: (&str, &str), strict: (&str, &str)) {
        let pair = hedged(&form, hedge, &Tolerances::default()).unwrap();
        assert_eq!(
            r4(pair.permissive),
            (d(permissive.0), d(permissive.1)),
            "{form:?} {hedge:?}"
        );
        assert_eq!(
            r4(pair.strict),
            (d(strict.0), d(strict.1)),
            "{form:?} {hedge:?}"
        );
    }

    #[test]
    fn section_4_examples() {
        let w = FractionForm::Word;
        check(
            w(third()),
            Hedge::None,
            ("0.3", "0.3667"),
            ("0.3167", "0.35"),
        );
        check(
            w(third()),
            Hedge::Approximately,
            ("0.2833", "0.3833"),
            ("0.2833", "0.3833"),
        );
        check(
            w(d("0.5")),
            Hedge::None,
            ("0.45", "0.55"),
            ("0.475", "0.525"),
        );
        check(
            w(d("0.25")),
            Hedge::None,
            ("0.225", "0.275"),
            ("0.2375", "0.2625"),
        );
        check(
            FractionForm::OneIn(Numeral::integer(4)),
            Hedge::None,
            ("0.225", "0.275"),
            ("0.2375", "0.2625"),
        );
        let two_thirds = Decimal::TWO / Decimal::from(3);
        check(
            w(two_thirds),
            Hedge::None,
            ("0.6", "0.7333"),
            ("0.6333", "0.7"),
        );
        check(
            w(d("0.7")),
            Hedge::None,
            ("0.63", "0.77"),
            ("0.665", "0.735"),
        );
        check(w(d("0.5")), Hedge::Nearly, ("0.4", "0.5"), ("0.4", "0.5"));
    }

    #[test]
    fn nearly_half_excludes_half() {
        let pair = hedged(
            &FractionForm::Word(d("0.5")),
            Hedge::Nearly,
            &Tolerances::default(),
        )
        .unwrap();
        assert!(!pair.permissive.contains(d("0.5")));
        assert!(pair.permissive.contains(d("0.4")));
    }

    #[test]
    fn one_in_250_keeps_its_own_precision() {
        let pair = hedged(
            &FractionForm::OneIn(Numeral::integer(250)),
            Hedge::None,
            &Tolerances::default(),
        )
        .unwrap();
        let expected = Interval::closed(Decimal::ONE / d("255"), Decimal::ONE / d("245"));
        assert_eq!(pair.permissive, expected);
        assert_eq!(pair.strict, iv("0.004", "0.004"));
    }

    #[test]
    fn majority_and_minority_exclude_half() {
        let tol = Tolerances::default();
        let maj = hedged(&FractionForm::Majority, Hedge::None, &tol).unwrap();
        assert!(!maj.permissive.contains(d("0.5")) && maj.permissive.contains(d("1")));
        let min = hedged(&FractionForm::Minority, Hedge::None, &tol).unwrap();
        assert!(!min.permissive.contains(d("0.5")) && min.permissive.contains(d("0")));
    }

    #[test]
    fn out_of_with_a_zero_denominator_is_refused() {
        let form = FractionForm::OutOf(Numeral::integer(3), Numeral::integer(0));
        assert_eq!(
            hedged(&form, Hedge::None, &Tolerances::default()),
            Err(ArithError::ZeroDivisor)
        );
    }
}
