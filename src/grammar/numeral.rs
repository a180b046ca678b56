//! Digit numerals with grouping, decimals, signs and scales ("1,500", "-3", "5.6", "415K",
//! "2.3bn", "1.5 million"), and the quantity they head (money, percent, measure).

use super::lex::{self, fail, ScaleForm};
use super::{money, percent, unit, words, Expr};
use crate::model::{Flags, Kind, Numeral, Quantity};
use nom::IResult;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A number as written, with what was wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    pub numeral: Numeral,
    pub flags: Flags,
    /// A scale word or suffix was written ("million", "bn", "K").
    pub scaled: bool,
}

fn digit_run(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// Length of a thousands separator at the start of `s`: a comma, or a no-break, narrow
/// no-break or thin space; 0 if none.
fn group_separator(s: &str) -> usize {
    match s.chars().next() {
        Some(',') => 1,
        Some(c @ ('\u{a0}' | '\u{202f}' | '\u{2009}')) => c.len_utf8(),
        _ => 0,
    }
}

/// End of the groups in "1 234 567" or "40 000" (plain spaces as thousands separators), or
/// `from` when there are none. Plain spaces also separate numbers ("on March 3 100 people"),
/// so a single group counts only when it is "000".
fn space_groups(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut groups = 0;
    let mut last_zeros = false;
    while bytes.get(i) == Some(&b' ') && digit_run(bytes, i + 1) == i + 4 {
        last_zeros = &bytes[i + 1..i + 4] == b"000";
        i += 4;
        groups += 1;
    }
    let clean_end = !bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b',');
    if clean_end && (groups >= 2 || (groups == 1 && last_zeros)) {
        i
    } else {
        from
    }
}

fn trailing_zeros(int_digits: &str) -> u32 {
    if int_digits.bytes().all(|b| b == b'0') {
        return 0;
    }
    (int_digits.len() - int_digits.trim_end_matches('0').len()) as u32
}

/// `digits = ["-" | "−"] digit+ (("," | thin_space) digit digit digit)* ["." digit+]`
///
/// A group after a comma that is not three digits long ("6,5000,000"), or a first group longer
/// than three before a comma group, is read best-effort (commas dropped) and flagged
/// `malformed`; one or two digits after a comma end the number ("1,2 and 3" is a list). A value
/// beyond rust_decimal is flagged `too_large`.
pub fn digits(input: &str) -> IResult<&str, Number> {
    let (negative, body) = match input.strip_prefix('-').or_else(|| input.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, input),
    };
    let bytes = body.as_bytes();
    let first_end = digit_run(bytes, 0);
    // ".08": a decimal without its leading zero.
    let bare_point = first_end == 0 && bytes.first() == Some(&b'.') && digit_run(bytes, 1) > 1;
    if first_end == 0 && !bare_point {
        return fail(input);
    }
    let mut buf = String::with_capacity(first_end + 8);
    buf.push_str(if bare_point { "0" } else { &body[..first_end] });
    let mut flags = Flags::default();
    let mut i = first_end;
    let mut grouped = false;
    loop {
        let sep_len = group_separator(&body[i..]);
        if sep_len == 0 {
            break;
        }
        let end = digit_run(bytes, i + sep_len);
        let n = end - (i + sep_len);
        // A thin or no-break space groups only exact triples ("40 000").
        if n < 3 || (sep_len > 1 && n != 3) {
            break;
        }
        flags.malformed |= n != 3;
        grouped = true;
        buf.push_str(&body[i + sep_len..end]);
        i = end;
    }
    flags.malformed |= grouped && first_end > 3;
    if !grouped && first_end <= 3 {
        let end = space_groups(bytes, first_end);
        if end > first_end {
            for chunk in body[first_end..end].split(' ') {
                buf.push_str(chunk);
            }
            i = end;
        }
    }
    let int_digits_len = buf.len();
    let mut decimals = 0u32;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let end = digit_run(bytes, i + 1);
        buf.push('.');
        buf.push_str(&body[i + 1..end]);
        decimals = (end - i - 1) as u32;
        i = end;
    }
    let z = if decimals == 0 {
        trailing_zeros(&buf[..int_digits_len])
    } else {
        0
    };
    let value = match Decimal::from_str(&buf) {
        Ok(v) if decimals <= 28 => v,
        _ => {
            flags.too_large = true;
            Decimal::MAX
        }
    };
    let numeral = Numeral {
        value: if negative { -value } else { value },
        decimals,
        scale: Decimal::ONE,
        trailing_zeros: z,
    };
    Ok((
        &body[i..],
        Number {
            numeral,
            flags,
            scaled: false,
        },
    ))
}

/// `scale = scale_suffix | (" " | "-") scale_word`: "K", "bn" glued to the digits, or
/// "million" after a space. `money` admits the suffixes that only a currency disambiguates
/// ("$1.5m"; "100m" alone is a distance).
pub fn scale(input: &str, money: bool) -> IResult<&str, Decimal> {
    let glued = lex::scales().iter().find_map(|(w, (f, form))| {
        let ok = *form == ScaleForm::Glued || (money && *form == ScaleForm::Money);
        ok.then(|| lex::word(input, w).map(|r| (r, *f))).flatten()
    });
    if let Some((rest, f)) = glued {
        return Ok((rest, Decimal::from(f)));
    }
    let after_sep = lex::sp1(input)
        .or_else(|| input.strip_prefix('-'))
        .unwrap_or("");
    let spaced = lex::scales().iter().find_map(|(w, (f, form))| {
        (*form == ScaleForm::Word)
            .then(|| lex::word(after_sep, w).map(|r| (r, *f)))
            .flatten()
    });
    match spaced {
        Some((rest, f)) => Ok((rest, Decimal::from(f))),
        None => fail(input),
    }
}

/// Multiplies a numeral by a scale factor, keeping its precision; overflow flags
/// `too_large`.
pub fn apply_scale(n: &mut Number, factor: Decimal) {
    match n.numeral.value.checked_mul(factor) {
        Some(v) => n.numeral.value = v,
        None => {
            n.flags.too_large = true;
            n.numeral.value = Decimal::MAX;
        }
    }
    n.numeral.scale = n.numeral.scale.checked_mul(factor).unwrap_or(Decimal::MAX);
    n.scaled = true;
}

/// `number = [("minus" | "negative") " "] (digits [scale] | cardinal)`
pub fn number(input: &str, money: bool) -> IResult<&str, Number> {
    let negated = ["minus", "negative"]
        .iter()
        .find_map(|w| lex::word(input, w).and_then(lex::sp1));
    if let Some(after) = negated {
        let (rest, mut n) = unsigned_number(after, money)?;
        if n.numeral.value.is_sign_negative() {
            return fail(input);
        }
        n.numeral.value = -n.numeral.value;
        return Ok((rest, n));
    }
    unsigned_number(input, money)
}

fn unsigned_number(input: &str, money: bool) -> IResult<&str, Number> {
    if let Ok((rest, mut n)) = digits(input) {
        // "2½": a mixed number.
        if n.numeral.decimals == 0 && !n.numeral.value.is_sign_negative() {
            if let Ok((r, f)) = super::fraction::vulgar_fraction(rest) {
                n.numeral.value += f;
                n.numeral.decimals = f.normalize().scale().min(4);
                n.numeral.trailing_zeros = 0;
                return Ok((r, n));
            }
        }
        // "1.2M", "1.2b": after a decimal these letters are scales, not metres or bytes.
        if n.numeral.decimals > 0 {
            let letter = [
                ("M", 1_000_000u64),
                ("B", 1_000_000_000),
                ("b", 1_000_000_000),
            ]
            .iter()
            .find_map(|(l, f)| {
                rest.strip_prefix(l)
                    .filter(|r| lex::at_boundary(r))
                    .map(|r| (r, *f))
            });
            if let Some((r, f)) = letter {
                apply_scale(&mut n, Decimal::from(f));
                return Ok((r, n));
            }
        }
        if let Ok((rest, factor)) = scale(rest, money) {
            apply_scale(&mut n, factor);
            return Ok((rest, n));
        }
        return Ok((rest, n));
    }
    words::cardinal(input)
}

/// `quantity = [currency_before] number [percent_suffix | currency_after | unit_after]`
///
/// With a currency the kind is money, the unit its ISO code and the value in main units
/// ("50 cents" → 0.5); with a unit of measure it is a measure.
pub fn quantity(input: &str) -> IResult<&str, Expr> {
    let (after_currency, currency) = match money::currency_before(input) {
        Ok((rest, c)) => (lex::sp(rest), Some(c)),
        Err(_) => (input, None),
    };
    let (mut rest, mut n) = number(after_currency, currency.is_some())?;
    let mut kind = Kind::Number;
    let mut unit_name = None;
    let mut currency = currency;
    if currency.is_none() {
        if let Ok((r, symbol)) = percent::percent_suffix(rest) {
            rest = r;
            kind = Kind::Percent;
            unit_name = Some(symbol.to_string());
        } else if let Ok((r, c)) = money::currency_after(rest) {
            rest = r;
            currency = Some(c);
        } else if let Ok((r, u)) = unit::unit_after(rest) {
            rest = r;
            kind = Kind::Measure;
            unit_name = Some(u.symbol.to_string());
        }
    }
    if let Some(c) = currency {
        kind = Kind::Money;
        unit_name = Some(c.code.to_string());
        if c.factor != Decimal::ONE {
            apply_scale(&mut n, c.factor);
            n.scaled = false;
        }
    }
    let mut expr = Expr::new(kind, Quantity::Point(n.numeral));
    expr.unit = unit_name;
    expr.flags = n.flags;
    Ok((rest, expr))
}

/// `digit_ordinal = digit+ ("st" | "nd" | "rd" | "th")`
pub fn digit_ordinal(input: &str) -> IResult<&str, Numeral> {
    let end = digit_run(input.as_bytes(), 0);
    if end == 0 {
        return fail(input);
    }
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| lex::word(&input[end..], s));
    match (suffix, u64::from_str(&input[..end])) {
        (Some(rest), Ok(v)) => Ok((rest, Numeral::exact(Decimal::from(v)))),
        _ => fail(input),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn value(input: &str) -> (Decimal, &str) {
        let (rest, n) = number(input, false).unwrap();
        (n.numeral.value, rest)
    }

    #[test]
    fn digits_with_grouping_and_decimals() {
        assert_eq!(value("1,500 troops"), (dec("1500"), " troops"));
        assert_eq!(value("5.6 points"), (dec("5.6"), " points"));
        assert_eq!(value("-3 degrees"), (dec("-3"), " degrees"));
        assert_eq!(value("0.5"), (dec("0.5"), ""));
        let (_, n) = digits("9,000").unwrap();
        assert_eq!(n.numeral.trailing_zeros, 3);
    }

    #[test]
    fn short_group_after_comma_ends_the_number() {
        assert_eq!(value("1,2 and 3"), (dec("1"), ",2 and 3"));
    }

    #[test]
    fn malformed_grouping_is_flagged_with_a_best_effort_value() {
        let (_, n) = digits("6,5000,000 people").unwrap();
        assert!(n.flags.malformed);
        assert_eq!(n.numeral.value, dec("65000000"));
        let (_, n) = digits("1500,000").unwrap();
        assert!(n.flags.malformed);
    }

    #[test]
    fn huge_values_are_flagged_not_panicking() {
        let (_, n) = digits("123456789012345678901234567890123").unwrap();
        assert!(n.flags.too_large);
        let (_, n) = number("90000000000000000000 trillion", false).unwrap();
        assert!(n.flags.too_large);
    }

    #[test]
    fn scales_glued_and_spaced() {
        assert_eq!(value("415K fans").0, dec("415000"));
        assert_eq!(value("2.3bn").0, dec("2300000000"));
        assert_eq!(value("1.5 million").0, dec("1500000"));
        assert_eq!(value("4.2 billion").0, dec("4200000000"));
        // The currency sign belongs to `quantity`, not to the number.
        assert!(number("$1.5m", true).is_err());
        // "100m" without a currency is left for the unit grammar.
        assert_eq!(value("100m sprint"), (dec("100"), "m sprint"));
        let (_, n) = number("1.5m", true).unwrap();
        assert_eq!(n.numeral.value, dec("1500000"));
        assert_eq!(n.numeral.scale, dec("1000000"));
        assert_eq!(n.numeral.decimals, 1);
    }

    #[test]
    fn quantity_plain_and_percent() {
        let (rest, e) = quantity("12% of voters").unwrap();
        assert_eq!(rest, " of voters");
        assert_eq!(e.kind, Kind::Percent);
        assert_eq!(e.unit.as_deref(), Some("%"));
        let (rest, e) = quantity("38 attacks").unwrap();
        assert_eq!((rest, e.kind), (" attacks", Kind::Number));
    }

    #[test]
    fn digit_ordinals() {
        assert_eq!(digit_ordinal("12th century").unwrap().1.value, dec("12"));
        assert_eq!(digit_ordinal("21st").unwrap().1.value, dec("21"));
        assert!(digit_ordinal("12").is_err());
        assert!(digit_ordinal("12thx").is_err());
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn leading_point_minus_words_and_capital_m() {
        let (rest, n) = number(".08 left", false).unwrap();
        assert_eq!((n.numeral.value, rest), ("0.08".parse().unwrap(), " left"));
        let (_, n) = number("minus five", false).unwrap();
        assert_eq!(n.numeral.value, Decimal::from(-5));
        let (_, n) = number("negative 1,200", false).unwrap();
        assert_eq!(n.numeral.value, Decimal::from(-1200));
        let (_, n) = number("1.2M", false).unwrap();
        assert_eq!(n.numeral.value, Decimal::from(1_200_000));
        assert!(number("minus -5", false).is_err());
    }
}

#[cfg(test)]
mod grouping_tests {
    use super::*;

    #[test]
    fn thin_and_no_break_spaces_group_thousands() {
        let (rest, n) = digits("40\u{202f}000 fans").unwrap();
        assert_eq!((n.numeral.value, rest), (Decimal::from(40_000), " fans"));
        let (_, n) = digits("1\u{a0}234\u{a0}567").unwrap();
        assert_eq!(n.numeral.value, Decimal::from(1_234_567));
        let (rest, _) = digits("12\u{a0}boats").unwrap();
        assert_eq!(rest, "\u{a0}boats");
        let (rest, n) = digits("1 414 021 100 people").unwrap();
        assert_eq!(
            (n.numeral.value, rest),
            (Decimal::from(1_414_021_100u64), " people")
        );
        let (_, n) = digits("40 000 fans").unwrap();
        assert_eq!(n.numeral.value, Decimal::from(40_000));
        let (rest, n) = digits("3 100 protesters").unwrap();
        assert_eq!(
            (n.numeral.value, rest),
            (Decimal::from(3), " 100 protesters")
        );
        let (_, n) = number("1.2b", false).unwrap();
        assert_eq!(n.numeral.value, Decimal::from(1_200_000_000));
    }
}
