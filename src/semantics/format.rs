//! Numbers in messages and in `computed` (`semantics.md` §9).

use super::interval::Interval;
use crate::finding::{Computed, Verdict};
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimals of a computed figure in a message: one more than the stated value has.
pub fn message_decimals(stated_decimals: u32) -> u32 {
    stated_decimals.saturating_add(1)
}

/// `d` rounded half-even to `decimals` places, with thousands separators: "1,450", "91.2",
/// "0.2833", "-6.7".
pub fn number(d: Decimal, decimals: u32) -> String {
    let rounded = d.round_dp_with_strategy(decimals.min(28), RoundingStrategy::MidpointNearestEven);
    let text = format!("{:.*}", decimals.min(28) as usize, rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(text.len() + int.len() / 3 + 1);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        grouped.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(f);
    }
    grouped
}

/// "81–99"; a point prints once; one-sided intervals print as a bound ("≥ 19", "< 700").
pub fn interval(iv: &Interval, decimals: u32) -> String {
    match (iv.low, iv.high) {
        (Some(l), Some(h)) if number(l, decimals) == number(h, decimals) => number(l, decimals),
        // "−7.7 to −7.1" reads better than "-7.7–-7.1".
        (Some(l), Some(h)) if l.is_sign_negative() || h.is_sign_negative() => {
            format!("{} to {}", number(l, decimals), number(h, decimals))
        }
        (Some(l), Some(h)) => format!("{}–{}", number(l, decimals), number(h, decimals)),
        (Some(l), None) => format!(
            "{} {}",
            if iv.low_open { ">" } else { "≥" },
            number(l, decimals)
        ),
        (None, Some(h)) => format!(
            "{} {}",
            if iv.high_open { "<" } else { "≤" },
            number(h, decimals)
        ),
        (None, None) => "any value".to_string(),
    }
}

/// The verdict at the end of a message (§9): "…; the text says 14%: inconsistent".
pub fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Inconsistent => "inconsistent",
        Verdict::Consistent => "consistent",
        Verdict::ConsistentByRounding => "consistent given rounding",
        Verdict::Derived => "implied value",
    }
}

/// A `computed` figure: half-even to 6 places, trailing zeros dropped.
pub fn computed_decimal(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven)
        .normalize()
}

/// The `computed` object of a finding: the point and the deciding pass's interval.
pub fn computed(point: Decimal, iv: &Interval) -> Computed {
    Computed {
        value: computed_decimal(point),
        low: iv.low.map(computed_decimal),
        high: iv.high.map(computed_decimal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::test_support::{d, iv};

    #[test]
    fn numbers_with_separators_and_fixed_decimals() {
        assert_eq!(number(d("1450"), 0), "1,450");
        assert_eq!(number(d("91.2"), 1), "91.2");
        assert_eq!(number(d("0.28333"), 4), "0.2833");
        assert_eq!(number(d("1234567.891"), 2), "1,234,567.89");
        assert_eq!(number(d("-6.667"), 1), "-6.7");
        assert_eq!(number(d("-0.04"), 1), "0.0");
        assert_eq!(number(d("100"), 0), "100");
        assert_eq!(number(d("2.5"), 0), "2");
        assert_eq!(number(d("5"), 1), "5.0");
    }

    #[test]
    fn intervals_in_messages() {
        assert_eq!(interval(&iv("81", "99"), 0), "81–99");
        assert_eq!(interval(&iv("-7.7", "-7.1"), 1), "-7.7 to -7.1");
        assert_eq!(interval(&iv("0", "11.111"), 1), "0.0–11.1");
        assert_eq!(interval(&iv("91.2", "91.2"), 1), "91.2");
        let more = Interval::new(Some(d("19")), None, false, false);
        assert_eq!(interval(&more, 0), "≥ 19");
        let below = Interval::new(None, Some(d("700")), false, true);
        assert_eq!(interval(&below, 0), "< 700");
    }

    #[test]
    fn verdicts_in_words() {
        assert_eq!(verdict_words(Verdict::Inconsistent), "inconsistent");
        assert_eq!(
            verdict_words(Verdict::ConsistentByRounding),
            "consistent given rounding"
        );
    }

    #[test]
    fn computed_rounds_half_even_to_six_places() {
        assert_eq!(computed_decimal(d("5.4054054054")).to_string(), "5.405405");
        assert_eq!(computed_decimal(d("0.0000005")).to_string(), "0");
        assert_eq!(computed_decimal(d("0.0000015")).to_string(), "0.000002");
        assert_eq!(computed_decimal(d("91.200")).to_string(), "91.2");
        let c = computed(
            d("8.4033613445"),
            &Interval::new(Some(d("7.53138")), None, false, false),
        );
        assert_eq!(c.value, d("8.403361"));
        assert_eq!(c.high, None);
    }
}
