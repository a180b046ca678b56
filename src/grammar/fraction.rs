//! Fractions and shares (semantics.md §4): "half", "a third", "two-thirds", "three-quarters",
//! "one in four", "3 out of 10", "a majority". A bare "third" is an ordinal, not a fraction.

use super::context::Before;
use super::lex::{self, fail};
use super::numeral::{self, Number};
use super::{unit, words, Expr};
use crate::model::{FractionForm, Kind, Numeral, Quantity, Unit};
use nom::IResult;
use rust_decimal::Decimal;

/// Words the scanner must stop at besides the denominators of the lexicon.
pub const ANCHORS: &[&str] = &["majority", "minority"];

/// `majority = ["a" | "the"] [size_adjective] ("majority" | "minority")`
pub fn majority(input: &str) -> IResult<&str, FractionForm> {
    let mut rest = ["a", "the"]
        .iter()
        .find_map(|w| lex::word(input, w).and_then(lex::sp1))
        .unwrap_or(input);
    for adj in [
        "slim",
        "narrow",
        "large",
        "vast",
        "clear",
        "simple",
        "overwhelming",
    ] {
        if let Some(r) = lex::word(rest, adj).and_then(lex::sp1) {
            rest = r;
            break;
        }
    }
    if let Some(r) = lex::word(rest, "majority") {
        return Ok((r, FractionForm::Majority));
    }
    match lex::word(rest, "minority") {
        Some(r) => Ok((r, FractionForm::Minority)),
        None => fail(input),
    }
}

/// A whole number without a scale word, for either side of "in" / "out of".
fn whole(input: &str) -> IResult<&str, Number> {
    let (rest, n) = numeral::number(input, false)?;
    if n.scaled || n.numeral.decimals > 0 || n.numeral.value.is_sign_negative() {
        return fail(input);
    }
    Ok((rest, n))
}

/// Four digits from 1000 to 2199 with no grouping comma: in running text, a year.
pub fn looks_like_year(input: &str) -> bool {
    let b = input.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[0], b'1' | b'2')
        && (b[0] == b'1' || b[1] <= b'1')
        && !b.get(4).is_some_and(u8::is_ascii_digit)
        // "2,023" is grouped; "in 2023, police said" is a year before a comma.
        && !(b.get(4) == Some(&b',') && b.get(5).is_some_and(u8::is_ascii_digit))
}

/// `one_in = whole " in " whole`: "one in four" is a quarter, "one in 250" a rate.
pub fn one_in(input: &str) -> IResult<&str, FractionForm> {
    let (rest, a) = whole(input)?;
    let Some(after) = lex::sp1(rest)
        .and_then(|r| lex::word(r, "in"))
        .and_then(lex::sp1)
    else {
        return fail(input);
    };
    // "in 1979" is a year, not a denominator.
    if looks_like_year(after) {
        return fail(input);
    }
    let (rest, b) = whole(after)?;
    let (a, b) = (a.numeral, b.numeral);
    if b.value <= Decimal::ONE || a.value > b.value || a.value.is_zero() {
        return fail(input);
    }
    if a.value == Decimal::ONE && b.value > Decimal::TEN {
        return Ok((rest, FractionForm::OneIn(b)));
    }
    match a.value.checked_div(b.value) {
        Some(f) => Ok((rest, FractionForm::Word(f))),
        None => fail(input),
    }
}

/// `out_of = whole " out of " whole`
pub fn out_of(input: &str) -> IResult<&str, FractionForm> {
    let (rest, a) = whole(input)?;
    let Some(after) = lex::sp1(rest)
        .and_then(|r| lex::phrase(r, "out of"))
        .and_then(lex::sp1)
    else {
        return fail(input);
    };
    let (rest, b) = whole(after)?;
    if b.numeral.value.is_zero() || a.numeral.value > b.numeral.value {
        return fail(input);
    }
    Ok((rest, FractionForm::OutOf(a.numeral, b.numeral)))
}

/// Words that may follow the share of a change ("fell by a third over the decade", "cut by a
/// fifth since 2019") and never the noun of an ordinal.
const AFTER_A_CHANGE_SHARE: &[&str] = &[
    "over",
    "since",
    "in",
    "from",
    "to",
    "last",
    "this",
    "compared",
    "between",
    "during",
    "within",
    "on",
    "after",
    "while",
    "as",
    "than",
    "against",
    "amid",
    "despite",
    "following",
    "because",
    "year-on-year",
];

/// Whether the candidate follows "by" after a change word: "fell by", "was cut by".
fn after_change_by(before: &Before) -> bool {
    if !before.word_is(&["by"]) {
        return false;
    }
    let Some(head) = before.head.trim_end().strip_suffix(before.word) else {
        return false;
    };
    let change = Before::of(head, head.len()).word;
    lex::change_words(lex::ChangeReading::Year)
        .iter()
        .any(|w| change.eq_ignore_ascii_case(w))
}

/// `fraction_word = "half" | ("a" | "one" | small) (" " | "-") denominator`; "half-" before a
/// word is a compound ("half-time", "a quarter-final").
pub fn fraction_word(input: &str) -> IResult<&str, FractionForm> {
    share_word(input, false)
}

/// [`fraction_word`]; `after_change` (after "fell by") also takes "a third" before a word of
/// [`AFTER_A_CHANGE_SHARE`].
fn share_word(input: &str, after_change: bool) -> IResult<&str, FractionForm> {
    if let Some(rest) = lex::word(input, "half") {
        // "half-time", "half-brother", "half-price": a compound, not a share.
        if rest
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(char::is_alphabetic))
        {
            return fail(input);
        }
        return Ok((rest, FractionForm::Word(Decimal::new(5, 1))));
    }
    let numerator = match lex::word(input, "a") {
        Some(r) => Some((r, 1)),
        None => words::small(input).ok(),
    };
    let Some((rest, num)) = numerator.filter(|(_, n)| *n > 0) else {
        return fail(input);
    };
    let hyphen = rest.strip_prefix('-');
    let after_sep = lex::sp1(rest).or(hyphen);
    let Some((after, den)) = after_sep.and_then(|s| lex::fraction_words().longest(s)) else {
        return fail(input);
    };
    let den_word = &after_sep.unwrap_or("")[..after_sep.map_or(0, |s| s.len() - after.len())];
    // "three trillionth" is an ordinal; several parts take the plural ("three quarters").
    if num >= den || (num > 1 && !den_word.ends_with(['s', 'S'])) {
        return fail(input);
    }
    // "a third term", "a fourth straight win": an ordinal. One part of an ordinal-like
    // denominator is a share only before "of" or where the phrase ends ("a third of them",
    // "roughly a third.") or when hyphenated ("one-third"), and after "fell by" also before a
    // preposition or time word ("fell by a third over the decade").
    let ordinal_like = den > 2 && lex::tag_ci(after_sep.unwrap_or(""), "quarter").is_none();
    if num == 1 && ordinal_like && hyphen.is_none() {
        let next_word = lex::sp1(after).filter(|r| r.starts_with(char::is_alphanumeric));
        let share_goes_on = |r: &str| {
            lex::word(r, "of").is_some()
                || after_change
                    && AFTER_A_CHANGE_SHARE
                        .iter()
                        .any(|w| lex::word(r, w).is_some())
        };
        if next_word.is_some_and(|r| !share_goes_on(r)) {
            return fail(input);
        }
    }
    // "a quarter-final", "a half-hearted", "a third-party": compounds ("-point" is a rate move,
    // read by `of_a_unit`).
    let compound = after
        .strip_prefix('-')
        .is_some_and(|r| r.starts_with(char::is_alphabetic));
    if compound
        && !["-point", "-percentage-point"]
            .iter()
            .any(|w| lex::word(after, w).is_some())
    {
        return fail(input);
    }
    let rest = after;
    match Decimal::from(num).checked_div(Decimal::from(den)) {
        Some(f) => Ok((rest, FractionForm::Word(f))),
        None => fail(input),
    }
}

/// `half_a_scale = ("half" | ["a"] "quarter") [" a"] (" " | "-") ("million" | "billion" | "dozen" …)`:
/// "half a million" and "a quarter million" are numbers, not shares.
pub fn half_a_scale(input: &str) -> IResult<&str, Numeral> {
    let (rest, part) = match lex::word(input, "half") {
        Some(r) => (r, 2u64),
        None => match lex::word(
            lex::word(input, "a").and_then(lex::sp1).unwrap_or(input),
            "quarter",
        ) {
            Some(r) => (r, 4),
            None => return fail(input),
        },
    };
    // "a half-million dollars" too.
    let Some(rest) = lex::sp1(rest).or_else(|| rest.strip_prefix('-')) else {
        return fail(input);
    };
    let rest = lex::word(rest, "a").and_then(lex::sp1).unwrap_or(rest);
    let scales = [
        ("dozen", 12u64),
        ("hundred", 100),
        ("thousand", 1_000),
        ("million", 1_000_000),
        ("billion", 1_000_000_000),
    ];
    match scales
        .iter()
        .find_map(|(w, s)| lex::word(rest, w).map(|r| (r, *s)))
    {
        Some((r, s)) => Ok((
            r,
            Numeral {
                value: Decimal::from(s / part),
                decimals: if part == 2 { 1 } else { 2 },
                scale: Decimal::from(s),
                trailing_zeros: 0,
            },
        )),
        None => fail(input),
    }
}

/// Unicode vulgar fractions and their values.
pub const VULGAR: &[(&str, u64, u64)] = &[
    ("½", 1, 2),
    ("⅓", 1, 3),
    ("⅔", 2, 3),
    ("¼", 1, 4),
    ("¾", 3, 4),
    ("⅕", 1, 5),
    ("⅖", 2, 5),
    ("⅗", 3, 5),
    ("⅘", 4, 5),
    ("⅙", 1, 6),
    ("⅚", 5, 6),
    ("⅛", 1, 8),
    ("⅜", 3, 8),
    ("⅝", 5, 8),
    ("⅞", 7, 8),
];

/// `vulgar_fraction = "½" | "¾" | "⅔" | …`
pub fn vulgar_fraction(input: &str) -> IResult<&str, Decimal> {
    // Every sign is outside ASCII; this runs before every number.
    if input.as_bytes().first().is_none_or(u8::is_ascii) {
        return fail(input);
    }
    for (sign, num, den) in VULGAR {
        if let Some(rest) = input.strip_prefix(sign) {
            if let Some(f) = Decimal::from(*num).checked_div(Decimal::from(*den)) {
                return Ok((rest, f));
            }
        }
    }
    fail(input)
}

/// Denominators a slash fraction may have. Others read as dates ("3/15") or codes.
const SLASH_DENOMINATORS: &[u64] = &[2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 1000];

/// `slash_fraction = digit{1,2} "/" digit+`: "1/2", "3/4", "1/40" with the numerator below the
/// denominator and a denominator of the usual kind; "9/11", "24/7" and "50/50" are names.
/// What follows ("/2020" of a date) is the caller's to check.
pub fn slash_fraction(input: &str) -> IResult<&str, Decimal> {
    let bytes = input.as_bytes();
    let num_end = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&num_end) || bytes.get(num_end) != Some(&b'/') {
        return fail(input);
    }
    let den_len = bytes[num_end + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let den_end = num_end + 1 + den_len;
    let (Ok(num), Ok(den)) = (
        input[..num_end].parse::<u64>(),
        input[num_end + 1..den_end].parse::<u64>(),
    ) else {
        return fail(input);
    };
    if num == 0 || num >= den || !SLASH_DENOMINATORS.contains(&den) {
        return fail(input);
    }
    match Decimal::from(num).checked_div(Decimal::from(den)) {
        Some(f) => Ok((&input[den_end..], f)),
        None => fail(input),
    }
}

/// A fraction written with digits or a sign ("3/4", "¾"), alone: with a unit or currency
/// after it ("¾ cup") it is a measure, read by `quantity`.
fn written_fraction(input: &str) -> IResult<&str, Decimal> {
    let (rest, f) = slash_fraction(input).or_else(|_| vulgar_fraction(input))?;
    if numeral::quantity(input).is_ok_and(|(_, e)| e.kind != Kind::Number) {
        return fail(input);
    }
    Ok((rest, f))
}

/// `fraction = written_fraction | majority | out_of | one_in | fraction_word`; a `half_a_scale`
/// is a number, left to `quantity`.
pub fn fraction<'a>(input: &'a str, before: &Before) -> IResult<&'a str, Expr> {
    if let Ok((rest, f)) = written_fraction(input) {
        return Ok((
            rest,
            Expr::new(Kind::Fraction, Quantity::Fraction(FractionForm::Word(f))),
        ));
    }
    // "half a million dollars": a number, read with the currency or unit after it.
    if half_a_scale(input).is_ok() {
        return numeral::quantity(input);
    }
    // "the first half of the year" is a period, not a share.
    if lex::word(input, "half").is_some() && before.word_is(&["first", "second", "latter"]) {
        return fail(input);
    }
    let (rest, form) = match majority(input) {
        Ok(r) => r,
        Err(_) => match out_of(input) {
            Ok(r) => r,
            Err(_) => match one_in(input) {
                Ok(r) => r,
                Err(_) => share_word(input, after_change_by(before))?,
            },
        },
    };
    if let FractionForm::Word(f) = form {
        let counted = lex::word(input, "a").is_some();
        if let Some((r, kind, unit)) = of_a_unit(rest, counted) {
            let mut expr = Expr::new(kind, Quantity::Point(Numeral::exact(f)));
            expr.unit = Some(unit);
            return Ok((r, expr));
        }
    }
    Ok((rest, Expr::new(Kind::Fraction, Quantity::Fraction(form))))
}

/// `of_a_unit = ("-point" | "-percentage-point") | [" of"] " a" [n] (" percentage point" | " percent"
/// | " per cent" | unit_after)`: "half a percentage point" and "a half-point cut" are 0.5 pp, "a
/// quarter of a mile" 0.25 mi.
fn of_a_unit(input: &str, after_a: bool) -> Option<(&str, Kind, Unit)> {
    // "a quarter-point cut": rates move in percentage points ("the half-point of the season"
    // is a place).
    if let Some(r) = ["-percentage-point", "-point"]
        .iter()
        .find_map(|w| lex::word(input, w))
        .filter(|_| after_a)
    {
        return Some((r, Kind::Percent, Unit::Points));
    }
    let r = lex::sp1(input)?;
    let r = lex::word(r, "of").and_then(lex::sp1).unwrap_or(r);
    let r = lex::word(r, "a").or_else(|| lex::word(r, "an"))?;
    let after = lex::sp1(r)?;
    let percent = [
        ("percentage point", "pp"),
        ("percent", "%"),
        ("per cent", "%"),
    ]
    .iter()
    .find_map(|(w, unit)| {
        lex::phrase(after, w).map(|rest| (rest, Kind::Percent, Unit::percent(unit)))
    })
    .and_then(|(rest, kind, unit)| Some((rest, kind, unit?)));
    percent.or_else(|| {
        let (rest, u) = unit::unit_after(r).ok()?;
        // A unit's name ("a quarter of an inch"), not a lone symbol ("half a m").
        let written = r[..r.len() - rest.len()].trim();
        (written.len() > 2).then_some((rest, Kind::Measure, Unit::Measure(u)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vulgar_signs_are_outside_ascii() {
        for (sign, num, den) in VULGAR {
            assert!(!sign.as_bytes()[0].is_ascii(), "{sign}");
            let f = Decimal::from(*num) / Decimal::from(*den);
            assert_eq!(vulgar_fraction(sign), Ok(("", f)));
        }
    }

    fn f(input: &str) -> Option<(Option<Decimal>, &str)> {
        fraction(input, &Before::default())
            .ok()
            .and_then(|(r, e)| match e.quantity {
                Quantity::Fraction(form) => Some((form.value(), r)),
                _ => None,
            })
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn word_fractions() {
        assert_eq!(f("half of them"), Some((Some(d("0.5")), " of them")));
        assert_eq!(f("a quarter"), Some((Some(d("0.25")), "")));
        assert_eq!(f("three-quarters"), Some((Some(d("0.75")), "")));
        let (v, _) = f("two-thirds of voters").unwrap();
        assert!((v.unwrap() - d("0.6667")).abs() < d("0.0001"));
        let (v, _) = f("a third of the land").unwrap();
        assert!((v.unwrap() - d("0.3333")).abs() < d("0.0001"));
    }

    /// The share read at the "a" after `head` (which ends in "by " or another word).
    fn after(head: &str, input: &str) -> Option<String> {
        let text = format!("{head}{input}");
        let before = Before::of(&text, head.len());
        let (rest, e) = fraction(&text[head.len()..], &before).ok()?;
        let Quantity::Fraction(form) = e.quantity else {
            return None;
        };
        Some(format!(
            "{} +{rest:?}",
            form.value()?.round_dp(4).normalize()
        ))
    }

    #[test]
    fn shares_of_a_change_before_a_preposition() {
        let fifth = Some("0.2 +\" over the decade\"".to_string());
        assert_eq!(after("Rents rose by ", "a fifth over the decade"), fifth);
        assert_eq!(
            after("Staff numbers were cut by ", "a third since 2019."),
            Some("0.3333 +\" since 2019.\"".to_string())
        );
        assert_eq!(
            after("Output fell by ", "a tenth in March"),
            Some("0.1 +\" in March\"".to_string())
        );
        // Without the change, or before a noun, the ordinal stays.
        assert_eq!(
            after("The goal was followed by ", "a third in the 80th minute"),
            None
        );
        assert_eq!(after("The party lost ", "a third in a row"), None);
        assert_eq!(after("Jobs were cut by ", "a third round of layoffs"), None);
        assert_eq!(
            after("Rents rose by ", "a fifth"),
            Some("0.2 +\"\"".to_string())
        );
    }

    #[test]
    fn rates_and_counts() {
        assert_eq!(f("one in four adults"), Some((Some(d("0.25")), " adults")));
        assert_eq!(f("3 out of 10"), Some((Some(d("0.3")), "")));
        let (rest, e) = fraction("1 in 250 births", &Before::default()).unwrap();
        assert_eq!(rest, " births");
        assert!(matches!(
            e.quantity,
            Quantity::Fraction(FractionForm::OneIn(_))
        ));
    }

    #[test]
    fn majority_and_not_fractions() {
        assert_eq!(f("a majority of"), Some((None, " of")));
        assert_eq!(f("the vast majority"), Some((None, "")));
        assert_eq!(f("third attack"), None);
        assert_eq!(f("the third"), None);
        assert_eq!(f("a third term"), None);
        assert_eq!(f("three trillionth"), None);
        assert_eq!(
            f("a hundredth of a second"),
            Some((Some(d("0.01")), " of a second"))
        );
        assert_eq!(f("a fourth straight win"), None);
        assert_eq!(f("One-fourth is"), Some((Some(d("0.25")), " is")));
        assert_eq!(f("a quarter century"), Some((Some(d("0.25")), " century")));
        assert_eq!(
            f("a third."),
            Some((Some(d("0.3333333333333333333333333333")), "."))
        );
        assert_eq!(f("a quarter-final"), None);
        assert_eq!(f("a half-hearted"), None);
        assert_eq!(f("a third-party"), None);
        assert_eq!(f("half-time"), None);
        assert_eq!(f("half-brother"), None);
        assert_eq!(f("half-"), Some((Some(d("0.5")), "-")));
        assert_eq!(f("four in three"), None);
        assert_eq!(f("2 in 1979"), None);
        assert!(looks_like_year("2005 ") && !looks_like_year("2,005") && !looks_like_year("3005"));
        assert!(looks_like_year("2023, police said") && looks_like_year("2023,"));
    }

    #[test]
    fn vulgar_fractions() {
        assert_eq!(f("½ of"), Some((Some(d("0.5")), " of")));
        assert_eq!(f("¾"), Some((Some(d("0.75")), "")));
        let (rest, n) = numeral::number("2½ miles", false).unwrap();
        assert_eq!((n.numeral.value, rest), (d("2.5"), " miles"));
    }

    #[test]
    fn slash_fractions() {
        assert_eq!(
            f("1/3 of seats"),
            Some((Some(d("1") / d("3")), " of seats"))
        );
        assert_eq!(f("7/10"), Some((Some(d("0.7")), "")));
        assert_eq!(f("24/7"), None);
        assert_eq!(f("4/4"), None);
        assert_eq!(f("2/29"), None);
        assert_eq!(f("0/8"), None);
        // With a unit it is a measure, for `quantity`.
        assert_eq!(f("1/2 gallon"), None);
        assert_eq!(f("½ teaspoon"), None);
    }

    #[test]
    fn half_a_million_is_a_number() {
        let (_, e) = fraction("half a million", &Before::default()).unwrap();
        assert_eq!(e.kind, Kind::Number);
        assert_eq!(
            e.quantity,
            Quantity::Point(half_a_scale("half a million").unwrap().1)
        );
        assert_eq!(half_a_scale("half a million").unwrap().1.value, d("500000"));
        assert_eq!(
            half_a_scale("quarter million").unwrap().1.value,
            d("250000")
        );
        assert_eq!(half_a_scale("a quarter of a million").ok(), None);
        assert_eq!(half_a_scale("half-million").unwrap().1.value, d("500000"));
        assert!(fraction("half the crew", &Before::default()).is_ok());
    }

    fn percent(input: &str) -> Option<(Decimal, Unit, &str)> {
        let (rest, e) = fraction(input, &Before::default()).ok()?;
        match (e.kind, e.quantity, e.unit) {
            (Kind::Percent, Quantity::Point(n), Some(u)) => Some((n.value, u, rest)),
            _ => None,
        }
    }

    #[test]
    fn a_fraction_of_a_percentage_point_is_a_percentage() {
        assert_eq!(
            percent("half a percentage point to"),
            Some((d("0.5"), Unit::Points, " to"))
        );
        assert_eq!(
            percent("a quarter of a percentage point"),
            Some((d("0.25"), Unit::Points, ""))
        );
        assert_eq!(
            percent("three-quarters of a percentage point"),
            Some((d("0.75"), Unit::Points, ""))
        );
        assert_eq!(
            percent("half a per cent"),
            Some((d("0.5"), Unit::Percent, ""))
        );
        assert_eq!(
            percent("a quarter-point cut"),
            Some((d("0.25"), Unit::Points, " cut"))
        );
        assert_eq!(
            percent("a half-point rise"),
            Some((d("0.5"), Unit::Points, " rise"))
        );
        assert_eq!(percent("a quarter-pointed"), None);
        assert_eq!(percent("half-point of the season"), None);
        let (rest, e) = fraction("half a mile away", &Before::default()).unwrap();
        assert_eq!(
            (e.kind, e.unit.map(|u| u.symbol().to_string()), rest),
            (Kind::Measure, Some("mi".to_string()), " away")
        );
        assert_eq!(e.quantity, Quantity::Point(Numeral::exact(d("0.5"))));
        let (_, e) = fraction("a quarter of an inch", &Before::default()).unwrap();
        assert_eq!(
            (e.kind, e.unit.map(|u| u.symbol().to_string())),
            (Kind::Measure, Some("in".to_string()))
        );
        // A share of something else stays a fraction.
        assert_eq!(
            fraction("half a team", &Before::default()).unwrap().1.kind,
            Kind::Fraction
        );
        assert_eq!(percent("half a percentage"), None);
        assert_eq!(percent("a quarter of a point"), None);
        assert_eq!(percent("a third of the percentage points"), None);
    }
}
