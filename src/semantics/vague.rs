//! Vague amounts ("a few", "dozens", "hundreds of") → intervals (`semantics.md` §3).
//! All are counts; ends are whole numbers.

use super::interval::{ArithError, Interval};
use super::numeral::Pair;
use crate::model::{Hedge, Vague};
use rust_decimal::Decimal;

fn iv(low: i64, high: i64) -> Interval {
    Interval::closed(Decimal::from(low), Decimal::from(high))
}

/// The unhedged phrase: (strict, permissive).
fn unhedged(vague: Vague) -> Result<Pair, ArithError> {
    let (strict, permissive) = match vague {
        Vague::Couple => (iv(2, 2), iv(2, 3)),
        Vague::PairOf => (iv(2, 2), iv(2, 2)),
        Vague::Few => (iv(3, 5), iv(2, 6)),
        Vague::Handful => (iv(3, 5), iv(2, 7)),
        Vague::Several => (iv(3, 7), iv(3, 10)),
        Vague::Dozen(1) => (iv(12, 12), iv(11, 13)),
        Vague::Dozen(n) => {
            let v = 12 * i64::from(n);
            // 12N ± min(6, 10 % · 12N)
            let h = Decimal::from(6).min(Decimal::from(v) / Decimal::TEN);
            (iv(v, v), Interval::around(Decimal::from(v), h)?.to_whole())
        }
        Vague::Dozens => (iv(24, 144), iv(20, 149)),
        Vague::Scores => (iv(40, 399), iv(40, 399)),
        Vague::Hundreds => (iv(200, 999), iv(100, 999)),
        Vague::Thousands => (iv(2_000, 9_999), iv(1_000, 99_999)),
        Vague::TensOfThousands => (iv(20_000, 99_999), iv(10_000, 99_999)),
        Vague::HundredsOfThousands => (iv(200_000, 999_999), iv(100_000, 999_999)),
        Vague::Millions => (iv(2_000_000, 999_999_999), iv(1_000_000, 999_999_999)),
    };
    Ok(Pair { strict, permissive })
}

/// "about a dozen" → [9, 15] (strict [10, 14]); N dozen scales with N. Phrases without a
/// point are already approximate.
fn approximately(vague: Vague) -> Result<Pair, ArithError> {
    match vague {
        Vague::Dozen(n) => {
            let n = i64::from(n);
            Ok(Pair {
                strict: iv(12 * n - 2 * n, 12 * n + 2 * n),
                permissive: iv(12 * n - 3 * n, 12 * n + 3 * n),
            })
        }
        _ => unhedged(vague),
    }
}

/// The phrase under its hedge (§3 "Hedges on a phrase").
pub fn hedged(vague: Vague, hedge: Hedge) -> Result<Pair, ArithError> {
    let plain = unhedged(vague)?;
    let point = match vague {
        Vague::Couple | Vague::PairOf => Some(Decimal::TWO),
        Vague::Dozen(n) => Some(Decimal::from(12 * i64::from(n))),
        _ => None,
    };
    let one = |iv: Interval| Pair {
        strict: iv,
        permissive: iv,
    };
    let zero = Some(Decimal::ZERO);
    let pair = match hedge {
        Hedge::None => plain,
        Hedge::Exactly => one(plain.strict),
        Hedge::Approximately | Hedge::Estimate => approximately(vague)?,
        // From the low end of "about X" up to, not including, X's point.
        Hedge::Nearly => match point {
            Some(p) => one(Interval::new(
                approximately(vague)?.permissive.low,
                Some(p),
                false,
                true,
            )),
            None => plain,
        },
        Hedge::MoreThan => one(Interval::new(plain.strict.high, None, true, false)),
        Hedge::AtLeast => one(Interval::new(plain.strict.low, None, false, false)),
        Hedge::FewerThan => one(Interval::new(zero, plain.strict.low, false, true)),
        Hedge::AtMost | Hedge::UpTo => one(Interval::new(zero, plain.strict.high, false, false)),
    };
    Ok(pair.to_whole())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::{d, iv as div};

    fn check(v: Vague, h: Hedge, strict: (&str, &str), permissive: (&str, &str)) {
        let pair = hedged(v, h).unwrap();
        assert_eq!(
            pair.strict,
            div(strict.0, strict.1),
            "strict of {v:?} {h:?}"
        );
        assert_eq!(
            pair.permissive,
            div(permissive.0, permissive.1),
            "permissive of {v:?} {h:?}"
        );
    }

    #[test]
    fn section_3_table() {
        let none = Hedge::None;
        check(Vague::Couple, none, ("2", "2"), ("2", "3"));
        check(Vague::PairOf, none, ("2", "2"), ("2", "2"));
        check(Vague::Few, none, ("3", "5"), ("2", "6"));
        check(Vague::Handful, none, ("3", "5"), ("2", "7"));
        check(Vague::Several, none, ("3", "7"), ("3", "10"));
        check(Vague::Dozen(1), none, ("12", "12"), ("11", "13"));
        check(
            Vague::Dozen(1),
            Hedge::Approximately,
            ("10", "14"),
            ("9", "15"),
        );
        check(Vague::Dozen(2), none, ("24", "24"), ("22", "26"));
        check(Vague::Dozen(10), none, ("120", "120"), ("114", "126"));
        check(Vague::Dozens, none, ("24", "144"), ("20", "149"));
        check(Vague::Scores, none, ("40", "399"), ("40", "399"));
        check(Vague::Hundreds, none, ("200", "999"), ("100", "999"));
        check(Vague::Thousands, none, ("2000", "9999"), ("1000", "99999"));
        check(
            Vague::TensOfThousands,
            none,
            ("20000", "99999"),
            ("10000", "99999"),
        );
        check(
            Vague::HundredsOfThousands,
            none,
            ("200000", "999999"),
            ("100000", "999999"),
        );
        check(
            Vague::Millions,
            none,
            ("2000000", "999999999"),
            ("1000000", "999999999"),
        );
    }

    #[test]
    fn hedged_phrases() {
        check(Vague::Dozen(1), Hedge::Nearly, ("9", "11"), ("9", "11"));
        let more = hedged(Vague::Dozen(1), Hedge::MoreThan).unwrap();
        assert_eq!(
            (more.permissive.low, more.permissive.high),
            (Some(d("13")), None)
        );
        let at_least = hedged(Vague::Several, Hedge::AtLeast).unwrap();
        assert_eq!(
            (at_least.permissive.low, at_least.permissive.high),
            (Some(d("3")), None)
        );
    }

    #[test]
    fn dozens_of_arrests_contradict_seven() {
        let dozens = hedged(Vague::Dozens, Hedge::None).unwrap();
        assert!(!dozens.permissive.overlaps(&div("7", "7")));
    }
}
