//! Dates: "December 2", "2 December", "Dec. 2, 2024", "2024-12-02", "Friday, October 4,
//! 2024", months with or without a year ("January 2025", "in January").

use super::lexicon::{is_full_weekday, month_name, ordinal_day_word, weekday_name};
use super::year::year_number;
use super::{date_parts, opens, parsed, when, word_before, Opens, Res};
use crate::grammar::lex::{fail, kw, kw_any, sp1_no_nnbsp, sp_no_nnbsp, uint, MONTH_NAMES};
use crate::grammar::memo::{self, Slot};
use crate::grammar::Parsed;
use crate::model::{DateParts, Hedge, Kind, Quantity};
use std::cell::RefCell;

/// `day_number = digit{1,2} [ordinal_suffix]`, 1 to 31.
pub fn day_number(input: &str) -> Res<'_, u8> {
    let (rest, (d, _)) = uint(input, 1, 2)?;
    if !(1..=31).contains(&d) {
        return fail(input);
    }
    let rest = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| {
            rest.get(..2)
                .filter(|h| h.eq_ignore_ascii_case(s))
                .map(|_| &rest[2..])
        })
        .unwrap_or(rest);
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == ':') {
        return fail(input);
    }
    Ok((rest, d as u8))
}

/// `year_tail = "-" year_number | [","] " " ["of" " "] year_number`
pub fn year_tail(input: &str) -> Res<'_, i32> {
    if let Some(r) = input.strip_prefix('-') {
        return year_number(r);
    }
    let s = sp_no_nnbsp(input).strip_prefix(',').unwrap_or(input);
    let (s, ()) = sp1_no_nnbsp(s)?;
    let s = match kw(s, "of") {
        Ok((r, ())) => sp1_no_nnbsp(r)?.0,
        Err(_) => s,
    };
    year_number(s)
}

fn with_year(input: &str, parts: DateParts) -> (&str, DateParts) {
    match year_tail(input) {
        Ok((rest, y)) => (
            rest,
            DateParts {
                year: Some(y),
                ..parts
            },
        ),
        Err(_) => (input, parts),
    }
}

/// `month_day = month_name (" " | "-") ["the" " "] day_number [year_tail]`: "Dec. 2, 2024".
pub fn month_day(input: &str) -> Res<'_, DateParts> {
    let (s, m) = month_name(input)?;
    let (s, ()) = match s.strip_prefix('-') {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => (r, ()),
        _ => sp1_no_nnbsp(s)?,
    };
    let s = kw(s, "the").map(|(r, ())| sp_no_nnbsp(r)).unwrap_or(s);
    let (s, d) = day_number(s).or_else(|_| ordinal_day_word(s))?;
    Ok(with_year(s, date_parts(None, Some(m), Some(d))))
}

/// `ordinal_of_month = ["the" " "] ordinal_day_word " of " month_name [year_tail]`:
/// "the fourth of July".
pub fn ordinal_of_month(input: &str) -> Res<'_, DateParts> {
    let s = kw(input, "the")
        .map(|(r, ())| sp_no_nnbsp(r))
        .unwrap_or(input);
    let (s, d) = ordinal_day_word(s)?;
    let (s, ()) = kw(sp_no_nnbsp(s), "of")?;
    let (s, m) = month_name(sp_no_nnbsp(s))?;
    Ok(with_year(s, date_parts(None, Some(m), Some(d))))
}

/// `day_alone = "the" " " digit{1,2} ordinal_suffix` before punctuation: "on the 15th.".
fn day_alone(input: &str) -> Res<'_, DateParts> {
    let (s, ()) = kw(input, "the")?;
    let s = sp_no_nnbsp(s);
    let (rest, d) = day_number(s)?;
    let suffixed = s[..s.len() - rest.len()].ends_with(char::is_alphabetic);
    let at_end = rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?', ')']);
    if !suffixed || !at_end {
        return fail(input);
    }
    Ok((rest, date_parts(None, None, Some(d))))
}

/// `day_month = day_number (" " ["of" " "] | "-") month_name [year_tail]`: "2 December 2024".
pub fn day_month(input: &str) -> Res<'_, DateParts> {
    let (s, d) = day_number(input)?;
    let s = match s.strip_prefix('-') {
        Some(r) => r,
        None => {
            let (s, ()) = sp1_no_nnbsp(s)?;
            kw(s, "of").map(|(r, ())| sp_no_nnbsp(r)).unwrap_or(s)
        }
    };
    let (s, m) = month_name(s)?;
    Ok(with_year(s, date_parts(None, Some(m), Some(d))))
}

/// `month_year = month_name [","] " " year_number`: "January 2025".
pub fn month_year(input: &str) -> Res<'_, DateParts> {
    let (s, m) = month_name(input)?;
    let (s, y) = year_tail(s)?;
    Ok((s, date_parts(Some(y), Some(m), None)))
}

/// `iso_date = year_number ("-" | "/") (digit{1,2} | month_name) ("-" | "/") digit{1,2}`:
/// "2024-12-02", "2019-Sep-01".
pub fn iso_date(input: &str) -> Res<'_, DateParts> {
    let (s, y) = year_number_glued(input)?;
    let sep = s.chars().next().filter(|c| matches!(c, '-' | '/'));
    let Some(sep) = sep else { return fail(input) };
    let (s, (m, _)) = uint(&s[1..], 1, 2).or_else(|_| {
        // "2019-Sep-01": the month by name.
        let (r, m) = month_name(&s[1..])?;
        Ok((r, (u32::from(m), 0)))
    })?;
    let s = s
        .strip_prefix(sep)
        .ok_or_else(|| fail::<()>(input).unwrap_err())?;
    let (s, (d, _)) = uint(s, 1, 2)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || s.starts_with(char::is_alphanumeric) {
        return fail(input);
    }
    Ok((s, date_parts(Some(y), Some(m as u8), Some(d as u8))))
}

/// `iso_month = year_number ("-" | "/") digit [digit]`: "1995-01", "2016/11" (that month);
/// not a season of two consecutive years ("2010-11", "2016/17").
pub fn iso_month(input: &str) -> Res<'_, DateParts> {
    let (s, y) = year_number_glued(input)?;
    let Some(sep) = s.chars().next().filter(|c| matches!(c, '-' | '/')) else {
        return fail(input);
    };
    let (s, (m, n)) = uint(&s[1..], 1, 2)?;
    let consecutive = (y + 1).rem_euclid(100) == m as i32;
    if n == 1 && sep == '-' || !(1..=12).contains(&m) || consecutive {
        return fail(input);
    }
    if s.starts_with(['-', '/']) || s.starts_with(char::is_alphanumeric) {
        return fail(input);
    }
    Ok((s, date_parts(Some(y), Some(m as u8), None)))
}

/// `month_slash_year = digit [digit] "/" year_number`: "11/2016" (November 2016); not a
/// fraction ("1/1000 of").
pub fn month_slash_year(input: &str) -> Res<'_, DateParts> {
    let (s, (m, _)) = short_digits(input)?;
    let s = s
        .strip_prefix('/')
        .ok_or_else(|| fail::<()>(input).unwrap_err())?;
    let (s, y) = year_number(s)?;
    if !(1..=12).contains(&m) || y < 1900 || kw(sp_no_nnbsp(s), "of").is_ok() || s.starts_with('/')
    {
        return fail(input);
    }
    Ok((s, date_parts(Some(y), Some(m as u8), None)))
}

/// `day_slash_month = digit{1,2} "/" digit{1,2}` after a date preposition, read only when one
/// part exceeds 12 ("on 4/22", "by 22/04"); never "24/7".
fn day_slash_month<'a>(input: &'a str, before: &str) -> Res<'a, DateParts> {
    const PREPOSITIONS: &[&str] = &[
        "on", "by", "since", "until", "till", "from", "before", "after", "through", "to",
        "between", "dated",
    ];
    let (s, (a, _)) = short_digits(input)?;
    let s = s
        .strip_prefix('/')
        .ok_or_else(|| fail::<()>(input).unwrap_err())?;
    let (s, (b, _)) = short_digits(s)?;
    if s.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '/' | '-' | '%'))
        || s.starts_with(['.', ',']) && s[1..].starts_with(|c: char| c.is_ascii_digit())
        || !PREPOSITIONS.contains(&word_before(before).as_str())
        || (a, b) == (24, 7)
    {
        return fail(input);
    }
    match (a, b) {
        (1..=12, 13..=31) => Ok((s, date_parts(None, Some(a as u8), Some(b as u8)))),
        (13..=31, 1..=12) => Ok((s, date_parts(None, Some(b as u8), Some(a as u8)))),
        _ => fail(input),
    }
}

/// Four digits 1000–2100 followed by a separator.
fn year_number_glued(input: &str) -> Res<'_, i32> {
    let (s, (y, _)) = uint(input, 4, 4)?;
    if !(1000..=2100).contains(&y) {
        return fail(input);
    }
    Ok((s, y as i32))
}

/// `numeric_date = digit{1,2} sep digit{1,2} sep year_number` with sep one of "/", ".", "-".
/// The order (day first or month first) is read only when one part exceeds 12; otherwise
/// just the year is kept.
pub fn numeric_date(input: &str) -> Res<'_, DateParts> {
    let (s, (a, _)) = short_digits(input)?;
    let Some(sep) = s.chars().next().filter(|c| matches!(c, '/' | '.' | '-')) else {
        return fail(input);
    };
    let (s, (b, _)) = short_digits(&s[1..])?;
    let s = s
        .strip_prefix(sep)
        .ok_or_else(|| fail::<()>(input).unwrap_err())?;
    let (s, (y, _)) = uint(s, 4, 4)?;
    if !(1000..=2100).contains(&y) || s.starts_with(char::is_alphanumeric) {
        return fail(input);
    }
    let y = Some(y as i32);
    let parts = match (a, b) {
        (1..=12, 13..=31) => date_parts(y, Some(a as u8), Some(b as u8)),
        (13..=31, 1..=12) => date_parts(y, Some(b as u8), Some(a as u8)),
        (1..=12, 1..=12) => date_parts(y, None, None),
        _ => return fail(input),
    };
    Ok((s, parts))
}

/// One or two digits, whatever follows.
fn short_digits(input: &str) -> Res<'_, (u32, usize)> {
    let n = input.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) {
        return fail(input);
    }
    Ok((&input[n..], (input[..n].parse().unwrap_or(0), n)))
}

/// `calendar_date = month_day | day_month | iso_date | numeric_date | month_year | iso_month |
/// month_slash_year | ordinal_of_month`, read once per position and start (dates, periods
/// and their ends all begin with it).
pub fn calendar_date(input: &str) -> Res<'_, DateParts> {
    thread_local! {
        static DATES: RefCell<Slot<DateParts>> = const { RefCell::new(Slot::new()) };
    }
    memo::cached(&DATES, input, false, calendar_date_uncached)
}

fn calendar_date_uncached(input: &str) -> Res<'_, DateParts> {
    let Opens { word, number } = opens(input);
    let alternatives = [
        when(word, || month_day(input)),
        when(number, || day_month(input)),
        when(number, || iso_date(input)),
        when(number, || numeric_date(input)),
        when(word, || month_year(input)),
        when(number, || iso_month(input)),
        when(number, || month_slash_year(input)),
        when(word, || ordinal_of_month(input)),
    ];
    alternatives
        .into_iter()
        .flatten()
        .min_by_key(|(rest, _)| rest.len())
        .map_or_else(|| fail(input), Ok)
}

/// `weekday_date = weekday_name [","] " " (calendar_date | "the" " " (day_number |
/// ordinal_day_word))`: "Friday, October 4, 2024", "Monday, 3 March 2025", "Friday the 13th",
/// "Thursday the twenty-first".
pub fn weekday_date(input: &str) -> Res<'_, DateParts> {
    let (s, wd) = weekday_name(input)?;
    let s = s.strip_prefix(',').unwrap_or(s);
    let (s, ()) = sp1_no_nnbsp(s)?;
    let (s, parts) = match calendar_date(s) {
        Ok(ok) => ok,
        Err(_) => {
            let (r, ()) = kw(s, "the")?;
            let r = sp_no_nnbsp(r);
            let (r, d) = day_number(r).or_else(|_| ordinal_day_word(r))?;
            (r, date_parts(None, None, Some(d)))
        }
    };
    if parts.day.is_none() {
        return fail(input);
    }
    Ok((
        s,
        DateParts {
            weekday: Some(wd),
            ..parts
        },
    ))
}

/// Words after which a weekday or month standing alone names a date.
const DATE_PREPOSITIONS: &[&str] = &[
    "on", "in", "since", "by", "until", "till", "through", "during", "of", "last", "next", "this",
    "early", "late", "mid", "from", "before", "after", "past", "that", "every", "between", "and",
    "to",
];

/// `weekday_alone = [("last" | "next" | "this" | "past") " "] weekday_name`: written in
/// full, in any case ("Friday", "friday": no other word is spelled so); abbreviated only as
/// "Tues" or "Thurs" after "on".
fn weekday_alone<'a>(input: &'a str, before: &str) -> Res<'a, DateParts> {
    if let Ok((r, _)) = kw_any(input, &["last", "next", "this", "past"]) {
        let r = sp1_no_nnbsp(r)?.0;
        if is_full_weekday(r) {
            return weekday_alone(r, "on ");
        }
        return fail(input);
    }
    let (s, wd) = weekday_name(input)?;
    let prev = word_before(before);
    // Other abbreviations alone are too often names or words ("Sun Street", "Sat Nav", "to
    // wed").
    let unmistakable_abbreviation = prev == "on"
        && kw_any(input, &["tues", "thur", "thurs"]).is_ok_and(|(r, _)| !r.starts_with('-'));
    if !(is_full_weekday(input) || unmistakable_abbreviation) || s.starts_with(['-', '–']) {
        return fail(input);
    }
    Ok((
        s,
        DateParts {
            weekday: Some(wd),
            ..DateParts::default()
        },
    ))
}

/// `month_alone = [("this" | "last" | "next" | "coming" | "past") " " | ["the" " "] "month of"
/// " "] month_name`: after a preposition ("in January"), or with its own determiner ("last
/// September", "the month of April").
fn month_alone<'a>(input: &'a str, before: &str) -> Res<'a, DateParts> {
    let determiner = kw_any(input, &["this", "last", "next", "coming", "past"])
        .map(|(r, _)| r)
        .or_else(|_| {
            let s = kw(input, "the").map_or(input, |(r, ())| sp_no_nnbsp(r));
            kw(s, "month")
                .and_then(|(r, ())| kw(sp_no_nnbsp(r), "of"))
                .map(|(r, ())| r)
        })
        .and_then(sp1_no_nnbsp);
    if let Ok((s, ())) = determiner {
        let (rest, m) = month_name(s)?;
        return Ok((rest, date_parts(None, Some(m), None)));
    }
    let (s, m) = month_name(input)?;
    let prev = word_before(before);
    if !DATE_PREPOSITIONS.contains(&prev.as_str()) && !unmistakable_month(input, s) {
        return fail(input);
    }
    Ok((s, date_parts(None, Some(m), None)))
}

/// Months whose names are also common words or first names: March, April, May, June,
/// August.
const NAME_LIKE_MONTHS: [usize; 5] = [3, 4, 5, 6, 8];

/// A capitalised month name in full that is no common word or first name ("November", not
/// "May", "June" or "August"), and not the first word of a name ("the October Revolution").
fn unmistakable_month(input: &str, rest: &str) -> bool {
    let word = &input[..input.len() - rest.len()];
    let plain = MONTH_NAMES
        .iter()
        .position(|name| *name == word)
        .is_some_and(|i| !NAME_LIKE_MONTHS.contains(&(i + 1)));
    let next_is_name = sp_no_nnbsp(rest).starts_with(|c: char| c.is_uppercase());
    plain && !next_is_name
}

/// `weekday_of_week = weekday_name [" " ("of" | "on")] " " ("this" | "next" | "last") " week" |
/// ("this" | "next" | "last") " week" [" on"] " " weekday_name`: "Friday of next week",
/// "this week on Saturday" (weekdays in full).
fn weekday_of_week(input: &str) -> Res<'_, DateParts> {
    let week = |i| -> Res<'_, ()> {
        let (r, _) = kw_any(i, &["this", "next", "last"])?;
        kw(sp1_no_nnbsp(r)?.0, "week")
    };
    let weekday = |i| -> Res<'_, u8> {
        if !is_full_weekday(i) {
            return fail(i);
        }
        weekday_name(i)
    };
    let (rest, wd) = match weekday(input) {
        Ok((s, wd)) => {
            let s = sp1_no_nnbsp(s)?.0;
            let s = kw_any(s, &["of", "on"]).map_or(s, |(r, _)| sp_no_nnbsp(r));
            (week(s)?.0, wd)
        }
        Err(_) => {
            let (s, ()) = week(input)?;
            let s = sp1_no_nnbsp(s)?.0;
            let s = kw(s, "on").map_or(s, |(r, ())| sp_no_nnbsp(r));
            weekday(s)?
        }
    };
    Ok((
        rest,
        DateParts {
            weekday: Some(wd),
            ..DateParts::default()
        },
    ))
}

/// `nth_weekday = "the" " " ordinal " " weekday_name " " ("of" | "in") " " (month_name
/// [year_tail] | ("this" | "next" | "last") " month")`: "the first Friday of June".
fn nth_weekday(input: &str) -> Res<'_, DateParts> {
    let (s, ()) = kw(input, "the")?;
    let (s, _) = kw_any(
        sp1_no_nnbsp(s)?.0,
        &["first", "second", "third", "fourth", "fifth", "last"],
    )?;
    let s = sp1_no_nnbsp(s)?.0;
    if !is_full_weekday(s) {
        return fail(input);
    }
    let (s, wd) = weekday_name(s)?;
    let (s, _) = kw_any(sp1_no_nnbsp(s)?.0, &["of", "in"])?;
    let (rest, month) = month_or_relative(sp1_no_nnbsp(s)?.0)?;
    Ok((
        rest,
        DateParts {
            weekday: Some(wd),
            ..month
        },
    ))
}

/// A month by name (with its year if given), or "this/next/last month" (parts unknown).
fn month_or_relative(input: &str) -> Res<'_, DateParts> {
    if let Ok((r, _)) = kw_any(input, &["this", "next", "last"]) {
        let (r, ()) = kw(sp1_no_nnbsp(r)?.0, "month")?;
        return Ok((r, DateParts::default()));
    }
    let (s, m) = month_name(input)?;
    Ok(with_year(s, date_parts(None, Some(m), None)))
}

/// `day_of_month = ["the" " "] day_number [" of"] " " ("this" | "next" | "last") " month"`:
/// "the 20th of next month".
fn day_of_month(input: &str) -> Res<'_, DateParts> {
    let s = kw(input, "the").map_or(input, |(r, ())| sp_no_nnbsp(r));
    let (s, d) = day_number(s)?;
    let s = sp1_no_nnbsp(s)?.0;
    let s = kw(s, "of").map_or(s, |(r, ())| sp_no_nnbsp(r));
    let (s, _) = kw_any(s, &["this", "next", "last"])?;
    let (rest, ()) = kw(sp1_no_nnbsp(s)?.0, "month")?;
    Ok((rest, date_parts(None, None, Some(d))))
}

/// `date = weekday_date | calendar_date | weekday_of_week | nth_weekday | day_of_month |
/// weekday_alone | month_alone | day_alone | day_slash_month`
pub fn date(input: &str, before: &str) -> Option<Parsed> {
    let Opens { word, number } = opens(input);
    let alternatives = [
        when(word, || weekday_date(input)),
        calendar_date(input).ok(),
        when(word, || weekday_of_week(input)),
        when(word, || nth_weekday(input)),
        day_of_month(input).ok(),
        when(word, || weekday_alone(input, before)),
        when(word, || month_alone(input, before)),
        when(word, || day_alone(input)),
        when(number, || day_slash_month(input, before)),
    ];
    let (rest, parts) = alternatives
        .into_iter()
        .flatten()
        .min_by_key(|(rest, _)| rest.len())?;
    if parts.month.is_none()
        && parts.day.is_none()
        && parts.weekday.is_none()
        && parts.year.is_none()
    {
        return None;
    }
    let kind = if parts.month.is_none() && parts.day.is_none() && parts.weekday.is_none() {
        Kind::Year
    } else {
        Kind::Date
    };
    let len = input.len() - rest.len();
    Some(parsed(len, kind, Quantity::Date(parts), Hedge::None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timex(text: &str, at: usize) -> Option<(String, String)> {
        let p = date(&text[at..], &text[..at])?;
        let Quantity::Date(d) = p.quantity else {
            return None;
        };
        Some((text[at..at + p.len].to_string(), d.timex()))
    }

    fn t(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn month_and_day_orders() {
        assert_eq!(timex("on December 2 at", 3), t("December 2", "XXXX-12-02"));
        assert_eq!(timex("on 2 December.", 3), t("2 December", "XXXX-12-02"));
        assert_eq!(
            timex("Dec. 2, 2024 was", 0),
            t("Dec. 2, 2024", "2024-12-02")
        );
        assert_eq!(
            timex("the 4th of March 2019", 4),
            t("4th of March 2019", "2019-03-04")
        );
        assert_eq!(timex("on Sept 30", 3), t("Sept 30", "XXXX-09-30"));
        assert_eq!(
            timex("the fourth of July", 0),
            t("the fourth of July", "XXXX-07-04")
        );
        assert_eq!(
            timex("on June twenty-first", 3),
            t("June twenty-first", "XXXX-06-21")
        );
        assert_eq!(timex("due on the 15th.", 7), t("the 15th", "XXXX-XX-15"));
        assert_eq!(timex("the 27th floor", 0), None);
        assert_eq!(timex("the 27 floors.", 0), None);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(timex("filed 2024-12-02.", 6), t("2024-12-02", "2024-12-02"));
        assert_eq!(timex("on 12/25/2023.", 3), t("12/25/2023", "2023-12-25"));
        assert_eq!(timex("on 25.12.2023.", 3), t("25.12.2023", "2023-12-25"));
        assert_eq!(timex("on 03/04/2023.", 3), t("03/04/2023", "2023"));
        assert_eq!(timex("on 4/22 at", 3), t("4/22", "XXXX-04-22"));
        assert_eq!(timex("on 6/5 at", 3), None);
        assert_eq!(timex("won 22/4 at", 4), None);
        assert_eq!(timex("by 24/7.", 3), None);
        assert_eq!(timex("since 11/2016.", 6), t("11/2016", "2016-11"));
        assert_eq!(timex("a 1/1000 of", 2), None);
        assert_eq!(timex("in 2016/11.", 3), t("2016/11", "2016-11"));
        assert_eq!(timex("the 2016/17 budget", 4), None);
        assert_eq!(timex("in 1995-01.", 3), t("1995-01", "1995-01"));
        assert_eq!(timex("the 2010-11 season", 4), None);
    }

    #[test]
    fn weekdays_beside_dates() {
        let text = "on Friday, October 4, 2024, the";
        let p = date(&text[3..], &text[..3]).unwrap();
        assert_eq!(&text[3..3 + p.len], "Friday, October 4, 2024");
        assert_eq!(
            p.quantity,
            Quantity::Date(DateParts {
                year: Some(2024),
                month: Some(10),
                day: Some(4),
                weekday: Some(5)
            })
        );
        assert_eq!(timex("freed on Monday.", 9), t("Monday", "XXXX-WXX-1"));
        assert_eq!(timex("on friday.", 3), t("friday", "XXXX-WXX-5"));
        assert_eq!(timex("back by friday", 8), t("friday", "XXXX-WXX-5"));
        assert_eq!(timex("the second sunday", 11), t("sunday", "XXXX-WXX-7"));
        assert_eq!(timex("shut on Tues. and", 8), t("Tues.", "XXXX-WXX-2"));
        assert_eq!(timex("on thurs", 3), t("thurs", "XXXX-WXX-4"));
        assert_eq!(timex("Tues said", 0), None);
        assert_eq!(timex("on Wed", 3), None);
        assert_eq!(timex("on Sun Street", 3), None);
        assert_eq!(timex("the Sun reported", 4), None);
        assert_eq!(timex("met last Friday.", 4), t("last Friday", "XXXX-WXX-5"));
        assert_eq!(timex("on 28-Nov-2024.", 3), t("28-Nov-2024", "2024-11-28"));
        assert_eq!(
            timex("on Monday the twelfth.", 3),
            t("Monday the twelfth", "XXXX-XX-12")
        );
        assert_eq!(
            timex("on Tuesday of next week", 3),
            t("Tuesday of next week", "XXXX-WXX-2")
        );
        assert_eq!(
            timex("by next week on Friday", 3),
            t("next week on Friday", "XXXX-WXX-5")
        );
        assert_eq!(
            timex("the third Monday of May 2024", 0),
            t("the third Monday of May 2024", "2024-05")
        );
        assert_eq!(
            timex("the 5th of next month", 0),
            t("the 5th of next month", "XXXX-XX-05")
        );
        assert_eq!(timex("on 2020/Mar/05.", 3), t("2020/Mar/05", "2020-03-05"));
    }

    #[test]
    fn months() {
        assert_eq!(timex("in January the", 3), t("January", "XXXX-01"));
        assert_eq!(timex("since March 2025 the", 6), t("March 2025", "2025-03"));
        assert_eq!(timex("in June , 2016.", 3), t("June , 2016", "2016-06"));
        assert_eq!(timex("Jan said", 0), None);
        assert_eq!(timex("September saw", 0), t("September", "XXXX-09"));
        assert_eq!(timex("the October Revolution", 4), None);
        assert_eq!(timex("said June Carter", 5), None);
        assert_eq!(timex("the august hall", 4), None);
        assert_eq!(timex("you may 2 times", 4), None);
        assert_eq!(timex("they march on", 5), None);
        assert_eq!(timex("by last March the", 3), t("last March", "XXXX-03"));
        assert_eq!(
            timex("in the month of June", 3),
            t("the month of June", "XXXX-06")
        );
        assert_eq!(timex("next may be", 0), None);
    }
}
