//! One written number → strict and permissive intervals: precision and round-number halo
//! (`semantics.md` §1.2), then the hedge (§2).

use super::interval::{ArithError, Interval};
use super::tolerances::Tolerances;
use crate::model::{Hedge, Numeral};
use rust_decimal::Decimal;

/// The strict and permissive readings of one literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub strict: Interval,
    pub permissive: Interval,
}

impl Pair {
    fn same(iv: Interval) -> Pair {
        Pair {
            strict: iv,
            permissive: iv,
        }
    }

    /// Counts are whole numbers: both ends move inward.
    pub fn to_whole(self) -> Pair {
        Pair {
            strict: self.strict.to_whole(),
            permissive: self.permissive.to_whole(),
        }
    }
}

/// What the number measures, as far as the intervals care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Things counted: whole numbers, stated exactly unless round.
    pub count: bool,
    /// Can be negative (temperatures, negative values): upper bounds get no floor at 0.
    pub signed: bool,
}

fn checked(r: Option<Decimal>) -> Result<Decimal, ArithError> {
    r.ok_or(ArithError::Overflow)
}

fn half(d: Decimal) -> Decimal {
    d / Decimal::TWO
}

/// h_round = min(g/2, round-halo · |v|).
fn round_halo(n: &Numeral, tol: &Tolerances) -> Result<Decimal, ArithError> {
    let relative = checked(tol.round_halo.checked_mul(n.value.abs()))?;
    Ok(half(n.granularity()).min(relative))
}

/// h_apx = max(g/2, approx · |v|, u/2).
pub fn approx_halo(n: &Numeral, tol: &Tolerances) -> Result<Decimal, ArithError> {
    let relative = checked(tol.approx.checked_mul(n.value.abs()))?;
    Ok(half(n.granularity())
        .max(relative)
        .max(half(n.last_digit_unit())))
}

/// §1.2: the literal without a hedge.
pub fn unhedged(n: &Numeral, shape: Shape, tol: &Tolerances) -> Result<Pair, ArithError> {
    let v = n.value;
    let u = n.last_digit_unit();
    if n.is_decimal_mantissa() {
        let strict = Interval::around(v, half(u))?;
        // News copy rounds; a source that truncates may also have dropped up to one unit.
        // Negative values mirror: truncation moves them toward zero.
        let permissive = if tol.truncation && v.is_sign_negative() {
            Interval::closed(checked(v.checked_sub(u))?, checked(v.checked_add(half(u)))?)
        } else if tol.truncation {
            Interval::closed(checked(v.checked_sub(half(u)))?, checked(v.checked_add(u))?)
        } else {
            strict
        };
        return Ok(Pair { strict, permissive });
    }
    // The whole unit the digits count: 1, or a sub-unit ("212 pence" counts pennies, 0.01).
    let step = n.scale.min(Decimal::ONE);
    let strict = if shape.count {
        Interval::point(v)
    } else {
        Interval::around(v, half(step))?
    };
    let permissive = if n.is_round() {
        Interval::around(v, round_halo(n, tol)?)?
    } else if shape.count {
        strict
    } else {
        Interval::around(v, step)?
    };
    Ok(Pair { strict, permissive })
}

/// §1.2 then §2: the literal under its hedge. Counts come back with whole-number ends.
pub fn hedged(
    n: &Numeral,
    hedge: Hedge,
    shape: Shape,
    tol: &Tolerances,
) -> Result<Pair, ArithError> {
    let v = n.value;
    // How far below/above v a bound may reach because v itself was rounded: nothing for a
    // count written in whole digits.
    let slack = if shape.count && !n.is_decimal_mantissa() {
        Decimal::ZERO
    } else {
        half(n.last_digit_unit())
    };
    let floor = if shape.signed {
        None
    } else {
        Some(Decimal::ZERO)
    };
    let below = checked(v.checked_sub(slack))?;
    let above = checked(v.checked_add(slack))?;
    let pair = match hedge {
        Hedge::None => unhedged(n, shape, tol)?,
        Hedge::Exactly => Pair::same(unhedged(n, shape, tol)?.strict),
        Hedge::Approximately | Hedge::Estimate => {
            Pair::same(Interval::around(v, approx_halo(n, tol)?)?)
        }
        Hedge::Nearly => {
            let low = checked(v.checked_sub(approx_halo(n, tol)?))?;
            Pair {
                strict: Interval::new(Some(low), Some(v), false, true),
                permissive: Interval::new(Some(low), Some(above), false, slack.is_zero()),
            }
        }
        Hedge::MoreThan => Pair {
            strict: Interval::new(Some(v), None, true, false),
            permissive: Interval::new(Some(below), None, true, false),
        },
        Hedge::AtLeast => Pair {
            strict: Interval::new(Some(v), None, false, false),
            permissive: Interval::new(Some(below), None, false, false),
        },
        Hedge::FewerThan => Pair {
            strict: Interval::new(floor, Some(v), false, true),
            permissive: Interval::new(floor, Some(above), false, slack.is_zero()),
        },
        Hedge::AtMost | Hedge::UpTo => Pair {
            strict: Interval::new(floor, Some(v), false, false),
            permissive: Interval::new(floor, Some(above), false, false),
        },
    };
    Ok(if shape.count { pair.to_whole() } else { pair })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::{d, iv, num, open_high, open_low};

    const COUNT: Shape = Shape {
        count: true,
        signed: false,
    };
    const OTHER: Shape = Shape {
        count: false,
        signed: false,
    };

    fn check(n: Numeral, hedge: Hedge, shape: Shape, strict: Interval, permissive: Interval) {
        let pair = hedged(&n, hedge, shape, &Tolerances::default()).unwrap();
        assert_eq!(pair.strict, strict, "strict of {n:?} {hedge:?}");
        assert_eq!(pair.permissive, permissive, "permissive of {n:?} {hedge:?}");
    }

    #[test]
    fn section_1_2_table() {
        let none = Hedge::None;
        check(
            num("7.25", 1),
            none,
            OTHER,
            iv("7.245", "7.255"),
            iv("7.245", "7.255"),
        );
        check(
            num("4.0", 1),
            none,
            OTHER,
            iv("3.95", "4.05"),
            iv("3.95", "4.05"),
        );
        check(
            num("3.9", 1_000_000_000),
            none,
            OTHER,
            iv("3850000000", "3950000000"),
            iv("3850000000", "3950000000"),
        );
        check(num("47", 1), none, COUNT, iv("47", "47"), iv("47", "47"));
        check(
            num("47", 1),
            none,
            OTHER,
            iv("46.5", "47.5"),
            iv("46", "48"),
        );
        check(num("90", 1), none, COUNT, iv("90", "90"), iv("85", "95"));
        check(
            num("1500", 1),
            none,
            COUNT,
            iv("1500", "1500"),
            iv("1450", "1550"),
        );
        check(
            num("2000", 1),
            none,
            COUNT,
            iv("2000", "2000"),
            iv("1800", "2200"),
        );
        check(
            num("6000", 1),
            none,
            COUNT,
            iv("6000", "6000"),
            iv("5500", "6500"),
        );
        check(
            num("4", 1_000_000),
            none,
            COUNT,
            iv("4000000", "4000000"),
            iv("3600000", "4400000"),
        );
        check(
            num("415", 1000),
            none,
            OTHER,
            iv("414999.5", "415000.5"),
            iv("414500", "415500"),
        );
        check(
            num("20", 1),
            none,
            OTHER,
            iv("19.5", "20.5"),
            iv("18", "22"),
        );
    }

    #[test]
    fn negative_values_mirror_and_zero_has_no_halo() {
        check(
            num("-20", 1),
            Hedge::None,
            OTHER,
            iv("-20.5", "-19.5"),
            iv("-22", "-18"),
        );
        check(num("0", 1), Hedge::None, COUNT, iv("0", "0"), iv("0", "0"));
    }

    #[test]
    fn sub_unit_integers_keep_their_own_step() {
        // "212 pence" is £2.12 give or take a penny, not a pound.
        let pence = Numeral {
            value: d("2.12"),
            scale: d("0.01"),
            ..num("212", 1)
        };
        check(
            pence,
            Hedge::None,
            OTHER,
            iv("2.115", "2.125"),
            iv("2.11", "2.13"),
        );
    }

    #[test]
    fn truncation_widens_decimal_mantissas_upward() {
        let tol = Tolerances {
            truncation: true,
            ..Tolerances::default()
        };
        let pair = hedged(&num("7.25", 1), Hedge::None, OTHER, &tol).unwrap();
        assert_eq!(pair.strict, iv("7.245", "7.255"));
        assert_eq!(pair.permissive, iv("7.245", "7.26"));
        let pair = hedged(&num("-7.25", 1), Hedge::None, OTHER, &tol).unwrap();
        assert_eq!(pair.permissive, iv("-7.26", "-7.245"));
    }

    #[test]
    fn approximate_hedges_use_h_apx() {
        let apx = Hedge::Approximately;
        check(
            num("9000", 1),
            apx,
            COUNT,
            iv("8100", "9900"),
            iv("8100", "9900"),
        );
        check(
            num("2000", 1),
            apx,
            COUNT,
            iv("1500", "2500"),
            iv("1500", "2500"),
        );
        check(
            num("90", 1),
            Hedge::Estimate,
            COUNT,
            iv("81", "99"),
            iv("81", "99"),
        );
        check(num("47", 1), apx, COUNT, iv("43", "51"), iv("43", "51"));
        check(
            num("7.25", 1),
            apx,
            OTHER,
            iv("6.525", "7.975"),
            iv("6.525", "7.975"),
        );
        check(
            num("6000", 1),
            apx,
            COUNT,
            iv("5400", "6600"),
            iv("5400", "6600"),
        );
        check(
            num("110", 1),
            Hedge::Estimate,
            COUNT,
            iv("99", "121"),
            iv("99", "121"),
        );
    }

    #[test]
    fn section_2_table_bounds() {
        check(
            num("2000", 1),
            Hedge::Exactly,
            COUNT,
            iv("2000", "2000"),
            iv("2000", "2000"),
        );
        check(
            num("1500", 1),
            Hedge::None,
            COUNT,
            iv("1500", "1500"),
            iv("1450", "1550"),
        );
        // "nearly 700" continuous: [630, 700) strict, [630, 700.5] permissive.
        check(
            num("700", 1),
            Hedge::Nearly,
            OTHER,
            open_high("630", "700"),
            iv("630", "700.5"),
        );
        // "nearly 700 flights": the exclusive end moves inward.
        check(
            num("700", 1),
            Hedge::Nearly,
            COUNT,
            iv("630", "699"),
            iv("630", "699"),
        );
        check(
            num("1500", 1),
            Hedge::MoreThan,
            OTHER,
            open_low("1500", None),
            open_low("1499.5", None),
        );
        let at_least = Interval::new(Some(d("12")), None, false, false);
        check(num("12", 1), Hedge::AtLeast, COUNT, at_least, at_least);
        check(
            num("50", 1),
            Hedge::FewerThan,
            COUNT,
            iv("0", "49"),
            iv("0", "49"),
        );
        check(
            num("8", 1),
            Hedge::AtMost,
            COUNT,
            iv("0", "8"),
            iv("0", "8"),
        );
        check(
            num("40", 1),
            Hedge::UpTo,
            COUNT,
            iv("0", "40"),
            iv("0", "40"),
        );
        check(
            num("5", 1),
            Hedge::FewerThan,
            OTHER,
            open_high("0", "5"),
            iv("0", "5.5"),
        );
    }

    #[test]
    fn bounds_on_counts_move_past_the_stated_whole_number() {
        let more = hedged(
            &num("1500", 1),
            Hedge::MoreThan,
            COUNT,
            &Tolerances::default(),
        )
        .unwrap();
        assert_eq!(more.permissive.low, Some(d("1501")));
        assert_eq!(more.permissive.high, None);
    }

    #[test]
    fn upper_bounds_on_signed_quantities_have_no_floor() {
        let signed = Shape {
            count: false,
            signed: true,
        };
        let pair = hedged(
            &num("-3", 1),
            Hedge::FewerThan,
            signed,
            &Tolerances::default(),
        )
        .unwrap();
        assert_eq!(pair.strict.low, None);
        assert_eq!(pair.strict.high, Some(d("-3")));
    }

    #[test]
    fn huge_values_overflow_without_panicking() {
        let n = Numeral {
            value: Decimal::MAX,
            decimals: 0,
            scale: Decimal::ONE,
            trailing_zeros: 0,
        };
        assert!(hedged(&n, Hedge::None, OTHER, &Tolerances::default()).is_err());
        assert!(hedged(&n, Hedge::Approximately, OTHER, &Tolerances::default()).is_err());
    }
}
