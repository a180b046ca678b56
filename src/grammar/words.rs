//! Number words: "eleven", "twenty-one", "a hundred", "two hundred and forty", "two million",
//! "one and a half million", and ordinals ("12th", "third", "twenty-first").

use super::fraction;
use super::lex::{self, fail};
use super::numeral::{self, Number};
use crate::model::{Flags, FractionForm, Numeral};
use nom::IResult;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// What joins the parts of "twenty-one", "twenty one", "twenty - one", "twenty—first".
fn compound_sep(input: &str) -> &str {
    let spaced = lex::sp(input);
    match spaced.strip_prefix(['-', '—', '–']) {
        Some(rest) => lex::sp(rest),
        None => lex::sp1(input).unwrap_or(""),
    }
}

/// `small = tens [("-" | " ") unit] | unit`: zero to ninety-nine.
pub fn small(input: &str) -> IResult<&str, u64> {
    let Some((rest, v)) = lex::number_words().longest(input) else {
        return fail(input);
    };
    if v >= 20 && v % 10 == 0 {
        if let Some((r2, u)) = lex::number_words().longest(compound_sep(rest)) {
            if (1..10).contains(&u) {
                return Ok((r2, v + u));
            }
        }
    }
    Ok((rest, v))
}

/// `hundreds = (small | "a") " hundred" [[" and"] " " small] | small`
pub fn hundreds(input: &str) -> IResult<&str, u64> {
    let head = match small(input) {
        Ok((rest, v)) => Some((rest, v)),
        Err(_) => lex::word(input, "a").map(|r| (r, 1)),
    };
    let Some((rest, v)) = head else {
        return fail(input);
    };
    let hundred = lex::sp1(rest).and_then(|r| lex::word(r, "hundred"));
    let Some(after) = hundred else {
        // A bare "a" is not a number.
        return if v == 1 && lex::word(input, "a").is_some() {
            fail(input)
        } else {
            Ok((rest, v))
        };
    };
    if v == 0 || v > 99 {
        return fail(input);
    }
    let tail = lex::sp1(after)
        .map(|r| lex::phrase(r, "and").and_then(lex::sp1).unwrap_or(r))
        .and_then(|r| small(r).ok());
    match tail {
        Some((r, t)) if t > 0 => Ok((r, v * 100 + t)),
        _ => Ok((after, v * 100)),
    }
}

/// `big_scale`: the scale words of the lexicon from a thousand up ("thousand", "million",
/// "lakh", "crore"); abbreviations stay with digits.
fn big_scale(input: &str) -> Option<(&str, u64)> {
    lex::scales().iter().find_map(|(w, (f, form))| {
        let spelled = *form == lex::ScaleForm::Word && *f >= 1000 && w.len() > 3;
        spelled
            .then(|| lex::word(input, w).map(|r| (r, *f)))
            .flatten()
    })
}

/// `and_fraction = " and " fraction_word`: the fraction of a mixed number ("and a half").
pub fn and_fraction(input: &str) -> Option<(&str, Decimal)> {
    let after = lex::sp1(input)
        .and_then(|s| lex::word(s, "and"))
        .and_then(lex::sp1)?;
    match fraction::fraction_word(after).ok()? {
        (rest, FractionForm::Word(f)) if f < Decimal::ONE => Some((rest, f)),
        _ => None,
    }
}

/// A group of `cardinal`; "a" counts as one only before a big scale ("a thousand").
fn group(input: &str, first: bool) -> Option<(&str, u64)> {
    if let Ok(r) = hundreds(input) {
        return Some(r);
    }
    let rest = lex::word(input, "a").filter(|_| first)?;
    lex::sp1(rest).and_then(big_scale)?;
    Some((rest, 1))
}

/// `cardinal = hundreds [" and a half"] [" " big_scale [[","] [" and"] " " cardinal]]`:
/// scales must fall from left to right ("two million five hundred thousand").
pub fn cardinal(input: &str) -> IResult<&str, Number> {
    let mut total: u64 = 0;
    let mut rest = input;
    let mut next = input;
    let mut prev_scale = u64::MAX;
    // The mantissa and scale of the last part read: "two million" keeps g = 10⁶.
    let mut last = (0u64, 1u64);
    // A fraction added to the last part ("two and a half", "five and a quarter").
    let mut half: Option<Decimal> = None;
    while let Some((r, g)) = group(next, total == 0) {
        let (r, with_half) = match and_fraction(r) {
            Some((r2, f)) => (r2, Some(f)),
            None => (r, None),
        };
        let scaled = lex::sp1(r)
            .or_else(|| r.strip_prefix('-'))
            .and_then(big_scale)
            .filter(|(_, s)| *s < prev_scale);
        match scaled {
            Some((r2, s)) => {
                // "three lakh crore": a larger scale word scales the first.
                let (r2, s) = match lex::sp1(r2)
                    .and_then(|r| numeral::larger_scale(r, s))
                    .filter(|_| total == 0)
                {
                    Some((r3, s2)) => match s.checked_mul(s2) {
                        Some(s) => (r3, s),
                        None => return fail(input),
                    },
                    None => (r2, s),
                };
                let Some(part) = g.checked_mul(s).and_then(|p| p.checked_add(total)) else {
                    return fail(input);
                };
                total = part;
                prev_scale = s;
                last = (g, s);
                half = with_half;
                rest = r2;
                if with_half.is_some() {
                    break;
                }
                // "one million and a half": the fraction of the scale just read.
                if let Some((r3, f)) = and_fraction(r2) {
                    half = Some(f);
                    rest = r3;
                    break;
                }
                let cont = r2.strip_prefix(',').unwrap_or(r2);
                let Some(cont) = lex::sp1(cont) else { break };
                next = lex::phrase(cont, "and").and_then(lex::sp1).unwrap_or(cont);
            }
            None => {
                if with_half.is_some() && total > 0 {
                    break;
                }
                total += g;
                last = (g, 1);
                half = with_half;
                rest = r;
                break;
            }
        }
    }
    if rest.len() == input.len() {
        return fail(input);
    }
    let (mantissa, s) = last;
    let numeral = if let Some(f) = half {
        // "two and a half million" = 2.5 × 10⁶: the fraction's decimals are the mantissa's.
        let m = Decimal::from(mantissa) + f;
        let others = Decimal::from(total - mantissa * s);
        let Some(value) = m
            .checked_mul(Decimal::from(s))
            .and_then(|v| v.checked_add(others))
        else {
            return fail(input);
        };
        Numeral {
            value,
            decimals: f.normalize().scale().min(4),
            scale: Decimal::from(s),
            trailing_zeros: 0,
        }
    } else if s > 1 && total == mantissa * s {
        let mut n = Numeral::integer(mantissa as i64);
        n.value = Decimal::from(total);
        n.scale = Decimal::from(s);
        n
    } else {
        Numeral::integer(total as i64)
    };
    Ok((
        rest,
        Number {
            numeral,
            flags: Flags::default(),
            scaled: s > 1,
        },
    ))
}

/// `ordinal = digit_ordinal | [cardinal ("-" | " ")] ordinal_word`: "third",
/// "twenty-first", "one hundred twenty-fifth", "two hundredth".
pub fn ordinal(input: &str) -> IResult<&str, Numeral> {
    if let Ok(r) = numeral::digit_ordinal(input) {
        return Ok(r);
    }
    if let Some((rest, u)) = lex::ordinal_words().longest(input) {
        return Ok((rest, Numeral::exact(Decimal::from(u))));
    }
    let (rest, c) = cardinal(input)?;
    let Some((rest, u)) = lex::ordinal_words().longest(compound_sep(rest)) else {
        return fail(input);
    };
    let c = u64::try_from(c.numeral.value).unwrap_or(0);
    let value = if u >= 100 && c < 1000 {
        c.checked_mul(u)
    } else if (u < 10 && c % 10 == 0) || (u < 100 && c % 100 == 0) {
        c.checked_add(u)
    } else {
        None
    };
    match value {
        Some(v) if c > 0 => Ok((rest, Numeral::exact(Decimal::from(v)))),
        _ => fail(input),
    }
}

/// Whether `letters` (ASCII letters, any case) are the leading letters of a number word of
/// the lexicon ("twenty" of "twenty-one"): the key under which [`small`] looks words up, so
/// that a word led by other letters is no number word.
#[inline]
pub fn is_number_word_key(letters: &[u8]) -> bool {
    number_word_keys().contains(letters)
}

/// The leading ASCII letters of the number words of the lexicon, the keys under which the
/// grammar looks them up, by length.
struct Keys {
    by_len: Vec<Vec<&'static str>>,
    /// Per length, the first letters of its keys as bits (bit 26: a key of no letters):
    /// most words are rejected on this alone.
    first: Vec<u32>,
}

/// The bit of a key's first letter in [`Keys::first`].
fn first_bit(letters: &[u8]) -> u32 {
    letters
        .first()
        .map_or(1 << 26, |b| 1 << (b.to_ascii_lowercase() - b'a'))
}

impl Keys {
    /// Whether `letters` (ASCII letters) is a key, in any case. Inlined: it is asked about
    /// nearly every word of a document, and most fail on the first letter.
    #[inline]
    fn contains(&self, letters: &[u8]) -> bool {
        self.first
            .get(letters.len())
            .is_some_and(|bits| bits & first_bit(letters) != 0)
            && self.equals_one(letters)
    }

    #[inline(never)]
    fn equals_one(&self, letters: &[u8]) -> bool {
        self.by_len[letters.len()]
            .iter()
            .any(|k| k.as_bytes().eq_ignore_ascii_case(letters))
    }
}

fn number_word_keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut by_len: Vec<Vec<&'static str>> = Vec::new();
        for (entry, _) in lex::number_words().iter() {
            let entry: &'static str = entry;
            let key = &entry[..entry.bytes().take_while(u8::is_ascii_alphabetic).count()];
            if by_len.len() <= key.len() {
                by_len.resize(key.len() + 1, Vec::new());
            }
            if !by_len[key.len()].contains(&key) {
                by_len[key.len()].push(key);
            }
        }
        let first = by_len
            .iter()
            .map(|keys| {
                keys.iter()
                    .fold(0, |bits, k| bits | first_bit(k.as_bytes()))
            })
            .collect();
        Keys { by_len, first }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(input: &str) -> (i64, &str) {
        let (rest, n) = cardinal(input).unwrap();
        (i64::try_from(n.numeral.value).unwrap(), rest)
    }

    #[test]
    fn units_teens_tens_and_compounds() {
        assert_eq!(card("zero"), (0, ""));
        assert_eq!(card("eleven days"), (11, " days"));
        assert_eq!(card("ninety-nine"), (99, ""));
        assert_eq!(card("Forty two boats"), (42, " boats"));
        assert_eq!(card("fifty - two"), (52, ""));
        assert_eq!(card("twenty people"), (20, " people"));
    }

    #[test]
    fn hundreds_and_scales() {
        assert_eq!(card("a hundred guests"), (100, " guests"));
        assert_eq!(card("two hundred and forty"), (240, ""));
        assert_eq!(card("nine hundred soldiers"), (900, " soldiers"));
        assert_eq!(card("two million"), (2_000_000, ""));
        assert_eq!(card("a thousand"), (1000, ""));
        assert_eq!(card("three thousand, four hundred"), (3400, ""));
        assert_eq!(card("two million five hundred thousand"), (2_500_000, ""));
        assert_eq!(
            card("three crore twelve lakh fifty-six thousand"),
            (31_256_000, "")
        );
        assert!(cardinal("a few").is_err());
        assert!(cardinal("alpha").is_err());
    }

    #[test]
    fn precision_of_word_numbers() {
        let (_, n) = cardinal("two million").unwrap();
        assert_eq!(n.numeral.scale, Decimal::from(1_000_000));
        assert_eq!(n.numeral.granularity(), Decimal::from(1_000_000));
        let (_, n) = cardinal("nine hundred").unwrap();
        assert_eq!(n.numeral.granularity(), Decimal::from(100));
    }

    #[test]
    fn and_a_half() {
        let (_, n) = cardinal("two and a half million").unwrap();
        assert_eq!(n.numeral.value, Decimal::from(2_500_000));
        let (rest, n) = cardinal("one and a half days").unwrap();
        assert_eq!((n.numeral.value, rest), (Decimal::new(15, 1), " days"));
        let (_, n) = cardinal("five and a quarter").unwrap();
        assert_eq!(n.numeral.value, Decimal::new(525, 2));
        let (_, n) = cardinal("three million and a half").unwrap();
        assert_eq!(n.numeral.value, Decimal::from(3_500_000));
        let (rest, _) = cardinal("five and a dog").unwrap();
        assert_eq!(rest, " and a dog");
    }

    #[test]
    fn ordinals() {
        let v = |s| ordinal(s).map(|(r, n)| (n.value, r)).ok();
        assert_eq!(v("third attack"), Some((Decimal::from(3), " attack")));
        assert_eq!(v("twenty-first"), Some((Decimal::from(21), "")));
        assert_eq!(v("12th"), Some((Decimal::from(12), "")));
        assert_eq!(v("three"), None);
        assert_eq!(v("twenty fifth"), Some((Decimal::from(25), "")));
        assert_eq!(
            v("one hundred twenty-fifth"),
            Some((Decimal::from(125), ""))
        );
        assert_eq!(v("two hundredth"), Some((Decimal::from(200), "")));
        assert_eq!(v("twenty-one fifth"), None);
    }
}
