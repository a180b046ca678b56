//! Digit numerals with grouping, decimals, signs and scales ("1,500", "-3", "5.6", "415K",
//! "2.3bn", "1.5 million"), and the quantity they head (money, percent, measure).

use super::lex::{self, fail, ScaleForm};
use super::memo::{self, Slot};
use super::{fraction, hedge, money, percent, unit, words, Expr};
use crate::model::{Flags, Kind, Numeral, Quantity, Unit};
use nom::IResult;
use rust_decimal::Decimal;
use std::cell::RefCell;
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

/// `scale = scale_suffix | (" " | "-") scale_word [" " scale_word]`: "K", "bn" glued to the
/// digits, or "million" after a space; a larger second word scales the first ("3 lakh crore"). `money` admits the suffixes that only a currency disambiguates
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
        Some((rest, f)) => match lex::sp1(rest).and_then(|r| larger_scale(r, f)) {
            // "3 lakh crore", "2 thousand crore": a scale of the scale.
            Some((rest, g)) => Ok((rest, Decimal::from(f) * Decimal::from(g))),
            None => Ok((rest, Decimal::from(f))),
        },
        None => fail(input),
    }
}

/// A spelled scale word larger than `than` ("crore" after "lakh").
pub fn larger_scale(input: &str, than: u64) -> Option<(&str, u64)> {
    lex::scales().iter().find_map(|(w, (f, form))| {
        (*form == ScaleForm::Word && *f > than && w.len() > 3)
            .then(|| lex::word(input, w).map(|r| (r, *f)))
            .flatten()
    })
}

/// Things counted in millions that no length measures: after them a glued "m" is a million
/// ("150m passengers", "9.8m b/d"), elsewhere a metre ("the 400m hurdles", "a 30m drop").
const COUNTED_IN_MILLIONS: &[&str] = &[
    "people",
    "passengers",
    "users",
    "customers",
    "subscribers",
    "viewers",
    "visitors",
    "voters",
    "votes",
    "residents",
    "households",
    "homes",
    "jobs",
    "workers",
    "employees",
    "shares",
    "barrels",
    "b/d",
    "bpd",
    "tonnes",
    "tons",
    "ounces",
    "doses",
    "cases",
    "deaths",
    "tourists",
    "patients",
    "children",
    "adults",
    "pupils",
    "students",
    "copies",
    "units",
    "vehicles",
    "cars",
    "downloads",
    "followers",
    "members",
    "migrants",
    "refugees",
    "animals",
    "trees",
    "litres",
    "liters",
    "gallons",
    "euros",
    "dollars",
    "items",
    "records",
    "accounts",
    "streams",
    "listeners",
    "readers",
    "buyers",
    "sales",
    "hectares",
    "acres",
];

/// `million_before_count = "m" " " <counted in millions>`: the "m" of "150m passengers".
fn million_before_count(input: &str) -> Option<&str> {
    let rest = input.strip_prefix('m').filter(|r| lex::at_boundary(r))?;
    let next = lex::sp1(rest)?;
    COUNTED_IN_MILLIONS
        .iter()
        .any(|w| lex::word(next, w).is_some())
        .then_some(rest)
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

/// `number = [plus_or_minus | ("minus" | "negative") " "] (slash_fraction | vulgar_fraction | digits
/// [exponent | mixed_fraction [scale] | million_before_count | scale [and_fraction]] | half_a_scale | cardinal [spoken_decimal [scale]])`
pub fn number(input: &str, money: bool) -> IResult<&str, Number> {
    thread_local! {
        static NUMBERS: RefCell<Slot<Number>> = const { RefCell::new(Slot::new()) };
    }
    // "3 out of 4", "3 dozen", "3 million people": several productions open on the number.
    memo::cached(&NUMBERS, input, money, |input| {
        number_uncached(input, money)
    })
}

/// [`number`] without the per-start memo.
fn number_uncached(input: &str, money: bool) -> IResult<&str, Number> {
    if let Some(after) = plus_or_minus(input) {
        return unsigned_number(after, money);
    }
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

/// `plus_or_minus = ("plus or minus" | "plus/minus") " " | "±" [" "] | "+/-" [" "]`: a margin ("a
/// margin of error of plus or minus 3 points") is its size, not a negative number.
fn plus_or_minus(input: &str) -> Option<&str> {
    if let Some(r) = ["plus or minus", "plus/minus"]
        .iter()
        .find_map(|w| lex::phrase(input, w))
    {
        return lex::sp1(r);
    }
    let r = input
        .strip_prefix('±')
        .or_else(|| input.strip_prefix("+/-"))?;
    Some(lex::sp(r))
}

/// A whole number plus a fraction ("2½", "10 1/2", "3/4" with `whole` zero); the fraction's
/// decimals, at most four, stand for its precision. `None` when the sum overflows: a whole
/// number of 29 digits has no room for a fraction.
fn add_fraction(n: &mut Number, f: Decimal) -> Option<()> {
    n.numeral.value = n.numeral.value.checked_add(f)?;
    n.numeral.decimals = f.normalize().scale().min(4);
    n.numeral.trailing_zeros = 0;
    Some(())
}

/// `mixed_fraction = vulgar_fraction | " " slash_fraction`: the fraction of "2½" or "10 1/2".
fn mixed_fraction(input: &str) -> Option<(&str, Decimal)> {
    if let Ok(r) = fraction::vulgar_fraction(input) {
        return Some(r);
    }
    lex::sp1(input).and_then(|r| fraction::slash_fraction(r).ok())
}

/// `spoken_decimal = " point" (" " digit_word)+ | " point " small`: the decimals of "one
/// point five", "two point zero three", "nought point seventy-one".
fn spoken_decimal(input: &str) -> Option<(&str, String)> {
    let mut rest = lex::sp1(input).and_then(|r| lex::word(r, "point"))?;
    let mut digits = String::new();
    while let Some((r, d)) = lex::sp1(rest).and_then(|r| lex::number_words().longest(r)) {
        if d > 9 {
            // "point seventy-one": one number of two digits, alone.
            if digits.is_empty() && d < 100 {
                let (r, v) = words::small(lex::sp1(rest)?).ok()?;
                return Some((r, v.to_string()));
            }
            break;
        }
        digits.push(char::from(b'0' + d as u8));
        rest = r;
    }
    (!digits.is_empty()).then_some((rest, digits))
}

/// A spelled whole number with its spoken decimals and scale ("two point two million").
fn with_spoken_decimal<'a>(input: &'a str, n: &Number, money: bool) -> Option<(&'a str, Number)> {
    if n.scaled || n.numeral.decimals > 0 {
        return None;
    }
    let (rest, decimals) = spoken_decimal(input)?;
    let value = Decimal::from_str(&format!("{}.{decimals}", n.numeral.value)).ok()?;
    let mut out = Number {
        numeral: Numeral {
            value,
            decimals: decimals.len() as u32,
            scale: Decimal::ONE,
            trailing_zeros: 0,
        },
        flags: n.flags,
        scaled: false,
    };
    match scale(rest, money) {
        Ok((r, factor)) => {
            apply_scale(&mut out, factor);
            Some((r, out))
        }
        Err(_) => Some((rest, out)),
    }
}

/// `exponent = ("e" | "E") [sign] digit [digit] | ("x" | "×") "10" ("^" [sign] | sign) digit [digit]`:
/// the power of ten of "1.3e6", "-12e-1", "6.23x10^-4", "2.48×10−5".
fn exponent(input: &str) -> Option<(&str, i32)> {
    let after = match input.strip_prefix(['e', 'E']) {
        Some(r) => r,
        None => {
            let r = input
                .strip_prefix('x')
                .or_else(|| input.strip_prefix('×'))?
                .strip_prefix("10")?;
            match r.strip_prefix('^') {
                Some(r) => r,
                // Without a caret only a sign shows that an exponent follows.
                None if r.starts_with(['-', '−', '+']) => r,
                None => return None,
            }
        }
    };
    let (negative, digits) = match after.strip_prefix(['-', '−']) {
        Some(r) => (true, r),
        None => (false, after.strip_prefix('+').unwrap_or(after)),
    };
    let len = digit_run(digits.as_bytes(), 0);
    if !(1..=2).contains(&len) || !lex::at_boundary(&digits[len..]) {
        return None;
    }
    let e: i32 = digits[..len].parse().ok()?;
    Some((&digits[len..], if negative { -e } else { e }))
}

/// Multiplies a number by ten to the power `e`: a positive power acts as a scale, a negative
/// one adds decimals.
fn apply_exponent(n: &mut Number, e: i32) -> Option<()> {
    let power = Decimal::from_i128_with_scale(10i128.checked_pow(e.unsigned_abs())?, 0);
    if e >= 0 {
        apply_scale(n, power);
    } else {
        n.numeral.value = n.numeral.value.checked_div(power)?;
        n.numeral.decimals += e.unsigned_abs();
        n.numeral.trailing_zeros = 0;
    }
    Some(())
}

fn unsigned_number(input: &str, money: bool) -> IResult<&str, Number> {
    // "3/4 cup", "½ teaspoon": a fraction alone.
    if let Ok((rest, f)) =
        fraction::slash_fraction(input).or_else(|_| fraction::vulgar_fraction(input))
    {
        let mut n = Number {
            numeral: Numeral::integer(0),
            flags: Flags::default(),
            scaled: false,
        };
        if add_fraction(&mut n, f).is_some() {
            return Ok((rest, n));
        }
    }
    if let Ok((rest, mut n)) = digits(input) {
        if let Some((r, e)) = exponent(rest) {
            if e.unsigned_abs() <= 28 && apply_exponent(&mut n, e).is_some() {
                return Ok((r, n));
            }
        }
        // "2½", "10 1/2": a mixed number; "2½ million" keeps its scale.
        if n.numeral.decimals == 0 && !n.numeral.value.is_sign_negative() {
            if let Some((r, f)) = mixed_fraction(rest) {
                let mut mixed = n.clone();
                if add_fraction(&mut mixed, f).is_some() {
                    if let Ok((r, factor)) = scale(r, money) {
                        apply_scale(&mut mixed, factor);
                        return Ok((r, mixed));
                    }
                    return Ok((r, mixed));
                }
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
        if let Some(r) = million_before_count(rest) {
            apply_scale(&mut n, Decimal::from(1_000_000u64));
            return Ok((r, n));
        }
        if let Ok((rest, factor)) = scale(rest, money) {
            apply_scale(&mut n, factor);
            // "3 million and a half": the fraction of the scale.
            if let Some((r, f)) = words::and_fraction(rest).filter(|_| n.numeral.decimals == 0) {
                if let Some(v) = f
                    .checked_mul(factor)
                    .and_then(|x| x.checked_add(n.numeral.value))
                {
                    n.numeral.value = v;
                    n.numeral.decimals = f.normalize().scale().min(4);
                    n.numeral.trailing_zeros = 0;
                    return Ok((r, n));
                }
            }
            return Ok((rest, n));
        }
        return Ok((rest, n));
    }
    // "half a million", "a quarter billion".
    if let Ok((rest, numeral)) = fraction::half_a_scale(input) {
        let n = Number {
            numeral,
            flags: Flags::default(),
            scaled: true,
        };
        return Ok((rest, n));
    }
    let (rest, n) = words::cardinal(input)?;
    match with_spoken_decimal(rest, &n, money) {
        Some(r) => Ok(r),
        None => Ok((rest, n)),
    }
}

/// `quantity = [currency_before] number [percent_suffix | currency_after | scaled_pounds |
/// unit_after] [minor_part | smaller_unit] [restated]`
///
/// With a currency the kind is money, the unit its ISO code and the value in main units
/// ("50 cents" → 0.5); with a unit of measure it is a measure.
pub fn quantity(input: &str) -> IResult<&str, Expr> {
    thread_local! {
        static QUANTITIES: RefCell<Slot<Expr>> = const { RefCell::new(Slot::new()) };
    }
    // Ranges read their first end here, then the claim falls back to it: once per position.
    memo::cached(&QUANTITIES, input, false, quantity_uncached)
}

fn quantity_uncached(input: &str) -> IResult<&str, Expr> {
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
            unit_name = Unit::percent(symbol);
        } else if let Ok((r, c)) = money::currency_after(rest) {
            rest = r;
            currency = Some(c);
        } else if let Some(r) = scaled_pounds(rest, &n) {
            rest = r;
            currency = money::code("GBP");
        } else if let Ok((r, u)) = unit::unit_after(rest) {
            rest = r;
            kind = Kind::Measure;
            unit_name = Some(Unit::Measure(u));
        }
    }
    if let Some(c) = currency {
        kind = Kind::Money;
        unit_name = Unit::currency(c.code);
        if c.factor != Decimal::ONE {
            apply_scale(&mut n, c.factor);
            n.scaled = false;
        } else if let Some((r, v)) = minor_part(rest, &n) {
            rest = r;
            n.numeral = v;
        }
    } else if let Some((r, v)) = unit_name.and_then(|u| smaller_unit(rest, u.symbol(), &n)) {
        rest = r;
        n.numeral = v;
    }
    if let Some(r) = restated(rest, &n) {
        rest = r;
    }
    let mut expr = Expr::new(kind, Quantity::Point(n.numeral));
    expr.unit = unit_name;
    expr.flags = n.flags;
    Ok((rest, expr))
}

/// `scaled_pounds = " pounds"` after a scale word, not before "of": sterling when the scale is
/// a billion or more, or when a conversion into another currency follows ("850 million pounds
/// ($1.1 billion)"). "2 million pounds of beef" and "a recall of 2 million pounds" are weights.
fn scaled_pounds<'a>(input: &'a str, n: &Number) -> Option<&'a str> {
    if !n.scaled || n.numeral.scale < Decimal::from(1_000_000) {
        return None;
    }
    let rest = lex::sp1(input).and_then(|r| lex::word(r, "pounds"))?;
    let after = lex::sp1(rest).unwrap_or(rest);
    if lex::word(after, "of").is_some() {
        return None;
    }
    let conversion = after.strip_prefix('(').is_some_and(|r| {
        let r = hedge::hedge_prefix(r).map_or(r, |(r, _)| r);
        money::currency_before(r).is_ok()
    });
    (n.numeral.scale >= Decimal::from(1_000_000_000u64) || conversion).then_some(rest)
}

/// A whole amount plus `part` of it, with the precision of the smaller unit: `denominator`
/// smaller units make one of the whole.
fn plus_part(whole: &Number, part: &Number, denominator: u32) -> Option<Numeral> {
    let d = Decimal::from(denominator);
    if whole.scaled
        || whole.numeral.decimals > 0
        || whole.numeral.value.is_sign_negative()
        || part.numeral.decimals > 0
        || part.numeral.value.is_sign_negative()
        || part.numeral.value >= d
    {
        return None;
    }
    let value = whole
        .numeral
        .value
        .checked_add(part.numeral.value.checked_div(d)?)?;
    Some(Numeral {
        value,
        decimals: 2,
        scale: Decimal::ONE,
        trailing_zeros: 0,
    })
}

/// `and_number = " " ["and "] number`: the second number of "3 dollars and 50 cents". After a
/// comma it is a list ("5 feet, 3 inches of rain"), not one amount.
fn and_number(input: &str) -> Option<(&str, Number)> {
    let r = lex::sp1(input)?;
    let r = lex::word(r, "and").and_then(lex::sp1).unwrap_or(r);
    number(r, false).ok()
}

/// `minor_part = and_number minor_currency`: "20 dollars and 43 cents", "£3 50p" (the
/// currency's hundredth, written as such).
fn minor_part<'a>(input: &'a str, whole: &Number) -> Option<(&'a str, Numeral)> {
    let (r, part) = and_number(input)?;
    let (r, minor) = money::currency_after(r).ok()?;
    if minor.factor != Decimal::new(1, 2) {
        return None;
    }
    Some((r, plus_part(whole, &part, 100)?))
}

/// `smaller_unit = and_number unit`: "5 feet 2 inches", "7 lb 4 oz" in the larger unit.
fn smaller_unit<'a>(input: &'a str, unit: &str, whole: &Number) -> Option<(&'a str, Numeral)> {
    let denominator = match unit {
        "ft" => ("in", 12),
        "lb" => ("oz", 16),
        _ => return None,
    };
    let (r, part) = and_number(input)?;
    let (r, u) = unit::unit_after(r).ok()?;
    if u.symbol != denominator.0 {
        return None;
    }
    Some((r, plus_part(whole, &part, denominator.1)?))
}

/// `restated = " (" digits ")"` of the same value: "forty-five (45)", "45 (forty-five)" is one
/// number written twice.
fn restated<'a>(input: &'a str, n: &Number) -> Option<&'a str> {
    let inner = lex::sp(input).strip_prefix('(')?;
    let (r, again) = number(inner, false).ok()?;
    let r = r.strip_prefix(')')?;
    (again.numeral.value == n.numeral.value).then_some(r)
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
    fn a_remembered_number_is_the_number_parsed_afresh() {
        let _session = memo::Session::start();
        for text in ["3 out of 4", "$1.5m", "none here", "two-thirds of"] {
            for money in [false, true] {
                let plain = number_uncached(text, money);
                assert_eq!(number(text, money), plain, "{text}");
                assert_eq!(number(text, money), plain, "{text}, remembered");
            }
        }
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
    fn a_glued_m_before_a_counted_noun_is_a_million() {
        assert_eq!(value("150m passengers"), (dec("150000000"), " passengers"));
        assert_eq!(value("9.8m b/d").0, dec("9800000"));
        assert_eq!(value("400m hurdles"), (dec("400"), "m hurdles"));
        assert_eq!(value("30m deep"), (dec("30"), "m deep"));
        assert_eq!(value("150m"), (dec("150"), "m"));
    }

    #[test]
    fn a_scale_of_a_scale() {
        assert_eq!(value("3 lakh crore").0, dec("3000000000000"));
        assert_eq!(value("1.5 lakh crore rupees").0, dec("1500000000000"));
        assert_eq!(value("2 thousand crore").0, dec("20000000000"));
        assert_eq!(value("three lakh crore").0, dec("3000000000000"));
        assert_eq!(value("500 cr").0, dec("5000000000"));
        // A smaller word after a scale is a new number or a noun.
        assert_eq!(value("5 million thousand"), (dec("5000000"), " thousand"));
        assert_eq!(value("two million thousand"), (dec("2000000"), " thousand"));
    }

    #[test]
    fn a_margin_is_its_size() {
        assert_eq!(value("plus or minus 3 points"), (dec("3"), " points"));
        assert_eq!(value("±2.5"), (dec("2.5"), ""));
        assert_eq!(value("+/- 4"), (dec("4"), ""));
        assert_eq!(value("minus 3"), (dec("-3"), ""));
    }

    #[test]
    fn quantity_plain_and_percent() {
        let (rest, e) = quantity("12% of voters").unwrap();
        assert_eq!(rest, " of voters");
        assert_eq!(e.kind, Kind::Percent);
        assert_eq!(e.unit, Some(Unit::Percent));
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

#[cfg(test)]
mod compound_tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q(input: &str) -> (Kind, Decimal, Option<String>, &str) {
        let (rest, e) = quantity(input).unwrap();
        let Quantity::Point(n) = e.quantity else {
            panic!("not a point: {input}");
        };
        (
            e.kind,
            n.value,
            e.unit.map(|u| u.symbol().to_string()),
            rest,
        )
    }

    #[test]
    fn spoken_point_decimals() {
        assert_eq!(value("one point five metres"), (dec("1.5"), " metres"));
        assert_eq!(value("two hundred point zero three"), (dec("200.03"), ""));
        assert_eq!(value("nought point seventy-one"), (dec("0.71"), ""));
        assert_eq!(value("minus four point two"), (dec("-4.2"), ""));
        let (_, n) = number("three point two million", false).unwrap();
        assert_eq!((n.numeral.value, n.scaled), (dec("3200000"), true));
        // Without a digit word after it, "point" is a noun.
        assert_eq!(value("one point lead"), (dec("1"), " point lead"));
        assert_eq!(value("two points"), (dec("2"), " points"));
        // A scale word before "point" ends the number.
        assert_eq!(
            value("two million point five"),
            (dec("2000000"), " point five")
        );
    }

    fn value(input: &str) -> (Decimal, &str) {
        let (rest, n) = number(input, false).unwrap();
        (n.numeral.value, rest)
    }

    #[test]
    fn slash_and_mixed_fractions() {
        assert_eq!(value("3/4 of the vote"), (dec("0.75"), " of the vote"));
        assert_eq!(value("12 1/2 hours"), (dec("12.5"), " hours"));
        // The scale after a mixed number multiplies it whole.
        assert_eq!(value("2½ million voters"), (dec("2500000"), " voters"));
        assert_eq!(value("4 1/2 billion years"), (dec("4500000000"), " years"));
        let (kind, v, unit, _) = q("$1½ million grant");
        assert_eq!(
            (kind, v, unit.as_deref()),
            (Kind::Money, dec("1500000"), Some("USD"))
        );
        let (kind, v, unit, _) = q("1/4 mile track");
        assert_eq!(
            (kind, v, unit.as_deref()),
            (Kind::Measure, dec("0.25"), Some("mi"))
        );
        // Dates, names and ratios are not fractions.
        assert_eq!(value("9/11 attacks").0, dec("9"));
        assert_eq!(value("3/15").0, dec("3"));
        assert_eq!(value("50/50").0, dec("50"));
    }

    #[test]
    fn a_fraction_that_overflows_the_whole_number_is_left_off() {
        let whole = "79228162514264337593543950335";
        assert_eq!(value(&format!("{whole}½")), (dec(whole), "½"));
    }

    #[test]
    fn dollars_and_cents() {
        let (kind, v, unit, rest) = q("12 dollars and 75 cents each");
        assert_eq!(
            (kind, v, unit.as_deref(), rest),
            (Kind::Money, dec("12.75"), Some("USD"), " each")
        );
        assert_eq!(q("£4 20p").1, dec("4.2"));
        assert_eq!(q("nine dollars five cents").1, dec("9.05"));
        assert_eq!(q("nine dollars, five cents").1, dec("9"));
        // Cents beyond a dollar, or a scaled amount, are two amounts.
        assert_eq!(q("$3 and 150 cents").1, dec("3"));
        assert_eq!(q("$3 million and 5 cents").1, dec("3000000"));
    }

    #[test]
    fn feet_and_inches_pounds_and_ounces() {
        let (kind, v, unit, rest) = q("6 feet 3 inches tall");
        assert_eq!(
            (kind, unit.as_deref(), rest),
            (Kind::Measure, Some("ft"), " tall")
        );
        assert_eq!(v, dec("6") + dec("3") / dec("12"));
        assert_eq!(q("eight pounds and 4 ounces").1, dec("8.25"));
        // Inches after metres are not one length.
        assert_eq!(q("3 m 4 inches").1, dec("3"));
    }

    #[test]
    fn scaled_pounds_are_sterling() {
        let (kind, v, unit, _) = q("40 million pounds (about $52 million) in fines");
        assert_eq!(
            (kind, v, unit.as_deref()),
            (Kind::Money, dec("40000000"), Some("GBP"))
        );
        assert_eq!(q("2.5 billion pounds in aid").2.as_deref(), Some("GBP"));
        assert_eq!(q("3 billion pounds of grain").2.as_deref(), Some("lb"));
        assert_eq!(q("3 million pounds were recalled").2.as_deref(), Some("lb"));
        assert_eq!(q("300 pounds").2.as_deref(), Some("lb"));
    }

    #[test]
    fn half_a_scale_and_scale_and_a_half_take_a_currency() {
        let (kind, v, unit, _) = q("half a million dollars");
        assert_eq!(
            (kind, v, unit.as_deref()),
            (Kind::Money, dec("500000"), Some("USD"))
        );
        assert_eq!(q("a quarter billion euros").1, dec("250000000"));
        let (kind, v, _, rest) = q("4 million and a half voters");
        assert_eq!((kind, v, rest), (Kind::Number, dec("4500000"), " voters"));
        assert_eq!(q("2 and a half").1, dec("2"));
    }

    #[test]
    fn scientific_notation() {
        assert_eq!(value("2.5e6 cells"), (dec("2500000"), " cells"));
        assert_eq!(value("-4e-2"), (dec("-0.04"), ""));
        assert_eq!(value("7.1x10^3"), (dec("7100"), ""));
        assert_eq!(value("3.3×10−4"), (dec("0.00033"), ""));
        assert_eq!(value("1.5E+3"), (dec("1500"), ""));
        // A letter run or a bare "x10" is no exponent.
        assert_eq!(value("3eggs").1, "eggs");
        assert_eq!(value("4x10 relay").1, "x10 relay");
        let (_, n) = number("2.5e6", false).unwrap();
        assert_eq!((n.numeral.decimals, n.numeral.scale), (1, dec("1000000")));
    }

    #[test]
    fn trillion_and_finance_million_abbreviations() {
        assert_eq!(value("4 tln").0, dec("4000000000000"));
        assert_eq!(q("$7MM budget").1, dec("7000000"));
        // Without a currency "mm" is the millimetre.
        assert_eq!(q("7mm").2.as_deref(), Some("mm"));
    }

    #[test]
    fn a_number_restated_in_parentheses_is_one_claim() {
        assert_eq!(q("thirty (30) days").3, " days");
        assert_eq!(q("12 (twelve) jurors").3, " jurors");
        assert_eq!(q("twelve (13) jurors").3, " (13) jurors");
    }
}
