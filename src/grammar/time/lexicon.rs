//! The time lexicon (`grammar/lexicon/{months,weekdays,time}.txt`, compiled in) and the
//! word-level parsers built on it: month and weekday names, time units, and a small
//! number-word reader.

use super::{fail, Res};
use crate::grammar::lex::WordList;
use crate::model::TimeUnit;
use std::sync::OnceLock;

const MONTHS: &str = include_str!("../../../grammar/lexicon/months.txt");
const WEEKDAYS: &str = include_str!("../../../grammar/lexicon/weekdays.txt");
const UNITS: &str = include_str!("../../../grammar/lexicon/time.txt");

/// Lexicon lines without comments and blank lines.
fn entries(list: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
}

/// (written form, 1-based index in the list), longest forms first so "sept" wins over "sep".
fn indexed(list: &'static str) -> Vec<(&'static str, u8)> {
    let mut forms: Vec<(&'static str, u8)> = entries(list)
        .zip(1u8..)
        .flat_map(|(words, i)| words.into_iter().map(move |w| (w, i)))
        .collect();
    forms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    forms
}

fn month_forms() -> &'static WordList<u8> {
    static FORMS: OnceLock<WordList<u8>> = OnceLock::new();
    FORMS.get_or_init(|| WordList::new(indexed(MONTHS)))
}

fn weekday_forms() -> &'static WordList<u8> {
    static FORMS: OnceLock<WordList<u8>> = OnceLock::new();
    FORMS.get_or_init(|| WordList::new(indexed(WEEKDAYS)))
}

fn unit_forms() -> &'static WordList<TimeUnit> {
    static FORMS: OnceLock<WordList<TimeUnit>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms: Vec<(&'static str, TimeUnit)> = entries(UNITS)
            .filter_map(|words| {
                let unit = unit_named(words.first()?)?;
                Some(
                    words[1..]
                        .iter()
                        .map(move |w| (*w, unit))
                        .collect::<Vec<_>>(),
                )
            })
            .flatten()
            .collect();
        forms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        WordList::new(forms)
    })
}

fn unit_named(name: &str) -> Option<TimeUnit> {
    Some(match name {
        "second" => TimeUnit::Second,
        "minute" => TimeUnit::Minute,
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "quarter" => TimeUnit::Quarter,
        "year" => TimeUnit::Year,
        "decade" => TimeUnit::Decade,
        "century" => TimeUnit::Century,
        _ => return None,
    })
}

/// The month (1–12) a whole word names in any case: "December", "dec", "Sept". Unlike
/// [`month_name`] it does not guard "may"/"march": callers use it where a date is expected.
pub fn month_of_word(word: &str) -> Option<u8> {
    form_of(word, month_forms()).and_then(|(len, m)| (len == word.len()).then_some(m))
}

/// The weekday (1 = Monday … 7 = Sunday) a whole word names in any case.
pub fn weekday_of_word(word: &str) -> Option<u8> {
    form_of(word, weekday_forms()).and_then(|(len, d)| (len == word.len()).then_some(d))
}

/// Every written form of months, weekdays and units.
pub fn all_forms() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = month_forms().iter().map(|(w, _)| *w).collect();
    all.extend(weekday_forms().iter().map(|(w, _)| *w));
    all.extend(unit_forms().iter().map(|(w, _)| *w));
    all
}

/// Matches one of `forms` as a whole word (case-insensitive); only the forms that begin with
/// the input's first word are compared.
fn form_of<T: Copy>(input: &str, forms: &WordList<T>) -> Option<(usize, T)> {
    forms
        .candidates(input)
        .find_map(|&(w, v)| whole_word(input, w).then_some((w.len(), v)))
}

/// `input` begins with `w` (any case) and no letter or digit follows it.
pub(super) fn whole_word(input: &str, w: &str) -> bool {
    let Some(head) = input.get(..w.len()) else {
        return false;
    };
    head.eq_ignore_ascii_case(w) && !input[w.len()..].starts_with(char::is_alphanumeric)
}

/// Months that are also common English words: alone or lower-case they are not dates.
fn is_ambiguous_month(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "may" | "march" | "mar")
}

/// `month_name = month | month_abbrev ["."]`: the month number. "May" and "March" need a
/// capital letter (the modal verb and the verb are far commoner).
pub fn month_name(input: &str) -> Res<'_, u8> {
    let Some((len, m)) = form_of(input, month_forms()) else {
        return fail(input);
    };
    let word = &input[..len];
    if is_ambiguous_month(word) && !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return fail(input);
    }
    let mut rest = &input[len..];
    if len <= 4 && !is_full_month(word) {
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    Ok((rest, m))
}

/// Whether `word` is a month's full name, in any case ("December", "may").
pub fn is_full_month(word: &str) -> bool {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| entries(MONTHS).map(|w| w[0]).collect())
        .iter()
        .any(|name| name.eq_ignore_ascii_case(word))
}

/// `weekday_name = weekday | weekday_abbrev ["."]`: 1 = Monday … 7 = Sunday.
pub fn weekday_name(input: &str) -> Res<'_, u8> {
    let Some((len, d)) = form_of(input, weekday_forms()) else {
        return fail(input);
    };
    let rest = &input[len..];
    let rest = if len <= 5 {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Ok((rest, d))
}

/// Whether the weekday at the start of `input` is written out in full ("Friday", not "Fri").
pub fn is_full_weekday(input: &str) -> bool {
    form_of(input, weekday_forms()).is_some_and(|(len, _)| len >= 6)
}

/// `time_unit`: a unit word, singular or plural ("day", "weeks", "hrs").
pub fn time_unit(input: &str) -> Res<'_, TimeUnit> {
    match form_of(input, unit_forms()) {
        Some((len, u)) => Ok((&input[len..], u)),
        None => fail(input),
    }
}

pub(super) const UNITS_WORDS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
pub(super) const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of the word of `words` that `input` starts with (whole words only, so the order
/// of the list does not matter).
fn word_value(input: &str, words: &[&'static str], base: u32, step: u32) -> Option<(usize, u32)> {
    // The words are ASCII letters, so a whole word is all of the input's leading letters:
    // measured once, they rule out most words by length.
    let len = input.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len == 0 || input[len..].starts_with(char::is_alphanumeric) {
        return None;
    }
    let head = &input[..len];
    words.iter().zip(0u32..).find_map(|(w, i)| {
        (w.len() == len && head.eq_ignore_ascii_case(w)).then_some((len, base + step * i))
    })
}

/// A private stand-in for the shared number-word grammar (`grammar::words`), limited to what
/// time expressions need: "zero" … "ninety-nine", hyphenated or spaced ("twenty-one",
/// "twenty one").
pub fn small_number_word(input: &str) -> Res<'_, u32> {
    if let Some((len, tens)) = word_value(input, &TENS_WORDS, 20, 10) {
        let rest = &input[len..];
        let unit_after = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix(' '))
            .and_then(|r| word_value(r, &UNITS_WORDS[1..10], 1, 1).map(|(l, u)| (&r[l..], u)));
        return Ok(match unit_after {
            Some((r, u)) => (r, tens + u),
            None => (rest, tens),
        });
    }
    match word_value(input, &UNITS_WORDS, 0, 1) {
        Some((len, v)) => Ok((&input[len..], v)),
        None => fail(input),
    }
}

const ORDINAL_WORDS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// A day of the month written as an ordinal word: "first" … "thirty-first", hyphenated or
/// spaced ("twenty-second", "twenty second").
pub fn ordinal_day_word(input: &str) -> Res<'_, u8> {
    for (tens_word, exact, tens) in [("twenty", "twentieth", 20u32), ("thirty", "thirtieth", 30)] {
        if whole_word(input, exact) {
            return Ok((&input[exact.len()..], tens as u8));
        }
        if whole_word(input, tens_word) {
            let rest = &input[tens_word.len()..];
            let unit = rest
                .strip_prefix('-')
                .or_else(|| rest.strip_prefix(' '))
                .and_then(|r| word_value(r, &ORDINAL_WORDS[..9], 1, 1).map(|(l, u)| (&r[l..], u)));
            if let Some((r, u)) = unit {
                if tens + u <= 31 {
                    return Ok((r, (tens + u) as u8));
                }
            }
            return fail(input);
        }
    }
    match word_value(input, &ORDINAL_WORDS, 1, 1) {
        Some((len, v)) => Ok((&input[len..], v as u8)),
        None => fail(input),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month_name("December 2").map(|r| r.1), Ok(12));
        assert_eq!(month_name("Sept. 3").map(|r| r.1), Ok(9));
        assert_eq!(month_name("dec 3").map(|r| r.1), Ok(12));
        assert!(month_name("may be").is_err());
        assert!(month_name("Decembers").is_err());
    }

    #[test]
    fn weekdays_and_units() {
        assert_eq!(weekday_name("Friday,").map(|r| r.1), Ok(5));
        assert_eq!(weekday_name("Tues. 3").map(|r| r.1), Ok(2));
        assert_eq!(time_unit("weeks later").map(|r| r.1), Ok(TimeUnit::Week));
        assert!(time_unit("dayside").is_err());
    }

    #[test]
    fn number_words() {
        assert_eq!(small_number_word("eleven days").map(|r| r.1), Ok(11));
        assert_eq!(small_number_word("twenty-one days").map(|r| r.1), Ok(21));
        assert_eq!(small_number_word("thirty days").map(|r| r.1), Ok(30));
        assert!(small_number_word("seventeenth").is_err());
        assert_eq!(ordinal_day_word("twenty-first of").map(|r| r.1), Ok(21));
        assert_eq!(ordinal_day_word("eleventh").map(|r| r.1), Ok(11));
        assert_eq!(ordinal_day_word("thirtieth").map(|r| r.1), Ok(30));
        assert!(ordinal_day_word("thirty-fifth").is_err());
    }
}
