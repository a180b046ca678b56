//! The time words and the word-level parsers built on them: month and weekday names (their
//! lists are `grammar::lex`'s, which other layers read too), time units
//! (`grammar/lexicon/time.txt`, compiled in), and small cardinal and ordinal number words
//! (`grammar/lexicon/{number,ordinal}_words.txt`).

use super::Res;
use crate::grammar::lex::{self, fail, form_of, month_forms, weekday_forms, WordList};
use crate::model::TimeUnit;
use std::sync::OnceLock;

const UNITS: &str = include_str!("../../../grammar/lexicon/time.txt");

fn unit_forms() -> &'static WordList<TimeUnit> {
    static FORMS: OnceLock<WordList<TimeUnit>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms: Vec<(&'static str, TimeUnit)> = lex::word_rows(UNITS)
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
        lex::by_length(&mut forms);
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

/// Every written form of months, weekdays and units.
pub fn all_forms() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = month_forms().iter().map(|(w, _)| *w).collect();
    all.extend(weekday_forms().iter().map(|(w, _)| *w));
    all.extend(unit_forms().iter().map(|(w, _)| *w));
    all
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
    if len <= 4 && !lex::is_full_month(word) {
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    Ok((rest, m))
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

/// The word of `words` that `input` begins with, if its value lies in `values`: (rest,
/// value).
fn valued<'a>(
    input: &'a str,
    words: &WordList<u64>,
    values: std::ops::RangeInclusive<u64>,
) -> Option<(&'a str, u32)> {
    let (len, v) = form_of(input, words).filter(|(_, v)| values.contains(v))?;
    Some((&input[len..], u32::try_from(v).ok()?))
}

/// The word after the hyphen or space that joins it to a tens word ("one" of "twenty-one").
fn joined<'a>(
    rest: &'a str,
    words: &WordList<u64>,
    values: std::ops::RangeInclusive<u64>,
) -> Option<(&'a str, u32)> {
    let r = rest.strip_prefix('-').or_else(|| rest.strip_prefix(' '))?;
    valued(r, words, values)
}

/// `small_number_word`: the cardinals of the number lexicon below a hundred, tens joined to
/// a unit by a hyphen or a space ("twenty-one", "twenty one"). The time productions read
/// these rather than the whole number grammar (`grammar::words`), whose scales and fractions
/// no time expression needs.
pub fn small_number_word(input: &str) -> Res<'_, u32> {
    let cardinals = lex::number_words();
    match valued(input, cardinals, 0..=99) {
        Some((rest, tens)) if tens >= 20 => {
            Ok(joined(rest, cardinals, 1..=9).map_or((rest, tens), |(r, unit)| (r, tens + unit)))
        }
        Some(word) => Ok(word),
        None => fail(input),
    }
}

/// A day of the month written as an ordinal word: "first" … "thirty-first", hyphenated or
/// spaced ("twenty-second", "twenty second").
pub fn ordinal_day_word(input: &str) -> Res<'_, u8> {
    let ordinals = lex::ordinal_words();
    // "twenty" and "thirty" open a day only joined to an ordinal ("twenty-first").
    let day = valued(input, ordinals, 1..=31).or_else(|| {
        valued(input, lex::number_words(), 20..=30)
            .and_then(|(rest, tens)| joined(rest, ordinals, 1..=9).map(|(r, u)| (r, tens + u)))
            .filter(|(_, d)| *d <= 31)
    });
    match day {
        Some((rest, d)) => Ok((rest, d as u8)),
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
        assert!(ordinal_day_word("twenty").is_err());
        // The lexicon's other spellings, as the number grammar reads them.
        assert_eq!(small_number_word("fourty-two days").map(|r| r.1), Ok(42));
        assert_eq!(ordinal_day_word("twenty-nineth").map(|r| r.1), Ok(29));
    }
}
