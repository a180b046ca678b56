//! Named stretches and parts of periods: seasons ("last summer", "the spring of 2024"),
//! weekends, decades in words ("the seventies", "the '70s"), and parts of a period ("early
//! 2025", "late last year", "mid-March", "the rest of the year", "the end of next week",
//! "the first half of this year", "the third week of June").

use super::date::{calendar_date, year_tail};
use super::lexicon::month_name;
use super::relative::calendar_relative;
use super::year::{followed_by_counted_noun, year_number};
use super::{date_parts, word_before, words_before, Res};
use crate::grammar::lex::{fail, kw, kw_any, sp1_no_nnbsp, sp_no_nnbsp, uint};
use crate::model::{DateParts, Direction, Numeral, TimeUnit, Vague};

/// What a period production reads: two ends, or an offset from the article's date. Defined
/// with the named stretches that build most of them; `period` reads them all.
pub enum Stretch {
    Span(DateParts, DateParts),
    Relative(Numeral, TimeUnit, Direction),
    /// "the past few weeks": as long as the vague amount says, up to the article's date.
    Vague(Vague, TimeUnit),
}

/// Months a season covers (meteorological, northern hemisphere); winter crosses the year.
fn season_months(word: &str) -> (u8, u8) {
    match word {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "autumn" | "fall" => (9, 11),
        _ => (12, 2),
    }
}

/// Words after which a season word standing alone names a season ("in summer").
const SEASON_PREPOSITIONS: &[&str] = &[
    "in", "during", "since", "by", "until", "till", "through", "over", "early", "late", "mid",
    "this", "last", "next", "that", "past", "coming",
];

/// `season = ["the" " "] [("this" | "last" | "next" | "that" | "past" | "coming") " "]
/// season_word [[","] " " ["of" " "] year_number]`: "this summer", "the spring of 2024",
/// "Summer 2016"; without a year or a determiner only after a preposition ("in the spring").
/// "The fall" needs a year ("the fall of Kabul").
pub fn season<'a>(input: &'a str, before: &str) -> Res<'a, Stretch> {
    let s = match kw(input, "the") {
        Ok((r, ())) => sp1_no_nnbsp(r)?.0,
        Err(_) => input,
    };
    let (s, det) = match kw_any(s, &["this", "last", "next", "that", "past", "coming"]) {
        Ok((r, w)) => (sp1_no_nnbsp(r)?.0, Some(w)),
        Err(_) => (s, None),
    };
    let (s, word) = kw_any(s, &["spring", "summer", "autumn", "fall", "winter"])?;
    let year = year_tail(s).ok();
    let prev = word_before(before);
    // "The spring in his step", "the summer camp": a season only where a time goes.
    let placed = det.is_some() || SEASON_PREPOSITIONS.contains(&prev.as_str()) && word != "fall";
    if year.is_none() && !placed {
        return fail(input);
    }
    let (a, b) = season_months(word);
    let (rest, stretch) = match year {
        // Winter of a year reaches into the next one; say only which years.
        Some((r, y)) if a > b => (
            r,
            span(
                date_parts(Some(y), None, None),
                date_parts(Some(y + 1), None, None),
            ),
        ),
        Some((r, y)) => (
            r,
            span(
                date_parts(Some(y), Some(a), None),
                date_parts(Some(y), Some(b), None),
            ),
        ),
        None => (
            s,
            span(
                date_parts(None, Some(a), None),
                date_parts(None, Some(b), None),
            ),
        ),
    };
    Ok((rest, stretch))
}

fn span(from: DateParts, to: DateParts) -> Stretch {
    Stretch::Span(from, to)
}

/// `weekend = ("this" | "last" | "next" | "the" | "that" | "coming" | "past") " " "weekend"`:
/// the week it falls in, counted from the article's date.
pub fn weekend(input: &str) -> Res<'_, Stretch> {
    let s = kw(input, "the")
        .map(|(r, ())| sp_no_nnbsp(r))
        .unwrap_or(input);
    let (s, det) = kw_any(s, &["this", "last", "next", "that", "coming", "past"])
        .map(|(r, w)| (sp_no_nnbsp(r), w))
        .unwrap_or((s, "the"));
    if s.len() == input.len() {
        return fail(input);
    }
    let (rest, ()) = kw(s, "weekend")?;
    let (amount, direction) = match det {
        "next" | "coming" => (1, Direction::After),
        "last" | "past" => (1, Direction::Before),
        _ => (0, Direction::After),
    };
    Ok((
        rest,
        Stretch::Relative(Numeral::integer(amount), TimeUnit::Week, direction),
    ))
}

pub(super) const DECADE_WORDS: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// Words near "the 70s" that make it a temperature or an age, not a decade.
const NOT_A_DECADE: &[&str] = &[
    "temperature",
    "temperatures",
    "degrees",
    "highs",
    "lows",
    "high",
    "low",
    "their",
    "his",
    "her",
    "aged",
    "age",
    "ages",
];

/// `decade_words = "the" " " ["'"] digit "0" ["'"] "s" | "the" " " ["nineteen" ["-" | " "]]
/// decade_word | "the" " " "noughties"`: "the '70s", "the 70's", "the seventies", "the
/// nineteen-seventies" → 1970..1979, "the noughties" → 2000..2009; two digits only with an
/// apostrophe or away from temperatures and ages.
pub fn decade_words<'a>(input: &'a str, before: &str) -> Res<'a, (DateParts, DateParts)> {
    let (s, ()) = kw(input, "the")?;
    let (rest, start) = decade_start(sp1_no_nnbsp(s)?.0, before)?;
    Ok((
        rest,
        (
            date_parts(Some(start), None, None),
            date_parts(Some(start + 9), None, None),
        ),
    ))
}

/// The first year of a decade written "1990s", "'70s", "70's", "seventies" or
/// "nineteen-seventies" (after "the").
fn decade_start<'a>(input: &'a str, before: &str) -> Res<'a, i32> {
    four_digit_decade(input)
        .or_else(|_| two_digit_decade(input, before))
        .or_else(|_| worded_decade(input))
}

/// "1990s", "1990's": the decade starting in that year.
pub fn four_digit_decade(input: &str) -> Res<'_, i32> {
    let (r, (y, _)) = uint(input, 4, 4)?;
    let r = r
        .strip_prefix('\'')
        .or_else(|| r.strip_prefix('’'))
        .unwrap_or(r);
    let Some(r) = r.strip_prefix('s') else {
        return fail(input);
    };
    if y % 10 != 0 || !(1000..=2100).contains(&y) || r.starts_with(char::is_alphanumeric) {
        return fail(input);
    }
    Ok((r, y as i32))
}

fn two_digit_decade<'a>(input: &'a str, before: &str) -> Res<'a, i32> {
    let apostrophe = |s: &'a str| s.strip_prefix('\'').or_else(|| s.strip_prefix('’'));
    let (s, lead) = match apostrophe(input) {
        Some(r) => (r, true),
        None => (input, false),
    };
    let (r, (d, n)) = uint(s, 2, 2)?;
    let r = apostrophe(r).unwrap_or(r);
    let Some(r) = r.strip_prefix('s') else {
        return fail(input);
    };
    if n != 2 || d % 10 != 0 || r.starts_with(char::is_alphanumeric) {
        return fail(input);
    }
    let context = words_before(before, 4);
    let next = sp_no_nnbsp(r)
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    let temperature = next.starts_with(['°', 'F']) || next.eq_ignore_ascii_case("degrees");
    if !lead && (temperature || context.iter().any(|w| NOT_A_DECADE.contains(&w.as_str()))) {
        return fail(input);
    }
    // "the '20s" could be either century.
    let start = match d {
        0 | 10 => 2000 + d as i32,
        30..=90 => 1900 + d as i32,
        _ => return fail(input),
    };
    Ok((r, start))
}

fn worded_decade(input: &str) -> Res<'_, i32> {
    let (s, century) = match kw(input, "nineteen") {
        Ok((r, ())) => (
            r.strip_prefix('-').unwrap_or_else(|| sp_no_nnbsp(r)),
            Some(1900),
        ),
        Err(_) => (input, None),
    };
    // "the noughties": the British name of the 2000s.
    if let (None, Ok((rest, ()))) = (century, kw(s, "noughties")) {
        return Ok((rest, 2000));
    }
    let (rest, w) = kw_any(s, &DECADE_WORDS)?;
    let index = DECADE_WORDS.iter().position(|d| *d == w).unwrap_or(0) as i32;
    let start = century.unwrap_or(1900) + 20 + 10 * index;
    if century.is_none() && start < 1930 {
        // "the twenties" alone could be either century.
        return fail(input);
    }
    Ok((rest, start))
}

/// Which part of a stretch a prefix names.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Early,
    Mid,
    Late,
    /// "later this year", "the rest of the month": no narrower than the stretch.
    Some,
    /// "the first half of", "the third quarter of": (index, months per part).
    Share(u8, u8),
}

/// `part_prefix = "early" | "late" | "mid" ["-"] | "later" | "earlier" | ["the" " "]
/// ("beginning" | "start" | "end" | "middle" | "rest" | "remainder" | "close") " of" |
/// "the" " " ordinal " " ("half" | "quarter" | "week") " of" | "the week" (" of" | " " ("starting"
/// | "beginning" | "commencing") [" on"])`
fn part_prefix(input: &str) -> Res<'_, (Part, bool)> {
    if let Ok((r, w)) = kw_any(input, &["early", "late", "mid", "later", "earlier"]) {
        let r = match (w, r.strip_prefix('-')) {
            ("mid", Some(r2)) => r2,
            _ => sp1_no_nnbsp(r)?.0,
        };
        let part = match w {
            "early" => Part::Early,
            "mid" => Part::Mid,
            "late" => Part::Late,
            _ => Part::Some,
        };
        return Ok((r, (part, false)));
    }
    let (s, the) = match kw(input, "the") {
        Ok((r, ())) => (sp1_no_nnbsp(r)?.0, true),
        Err(_) => (input, false),
    };
    let named = [
        ("beginning", Part::Early),
        ("start", Part::Early),
        ("end", Part::Late),
        ("close", Part::Late),
        ("middle", Part::Mid),
        ("rest", Part::Some),
        ("remainder", Part::Some),
    ];
    for (word, part) in named {
        if let Ok((r, ())) = kw(s, word) {
            let (r, ()) = kw(sp_no_nnbsp(r), "of")?;
            return Ok((sp1_no_nnbsp(r)?.0, (part, true)));
        }
    }
    if !the {
        return fail(input);
    }
    if let Ok((r, ())) = kw(s, "week") {
        let r = sp_no_nnbsp(r);
        let r = kw(r, "of").map(|(r2, ())| r2).or_else(|_| {
            let (r2, _) = kw_any(r, &["starting", "beginning", "commencing"])?;
            Ok::<_, nom::Err<nom::error::Error<&str>>>(
                kw(sp_no_nnbsp(r2), "on").map_or(r2, |(r3, ())| r3),
            )
        })?;
        return Ok((sp1_no_nnbsp(r)?.0, (Part::Some, true)));
    }
    let (s, which) = kw_any(s, &["first", "second", "third", "fourth", "final", "last"])?;
    let s = s.strip_prefix('-').unwrap_or(sp_no_nnbsp(s));
    let (s, unit) = kw_any(s, &["half", "quarter", "week"])?;
    let (s, ()) = kw(sp_no_nnbsp(s), "of")?;
    let months = match unit {
        "half" => 6,
        "quarter" => 3,
        _ => 0,
    };
    let index = match which {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => 12u8.checked_div(months).unwrap_or(0),
    };
    if months > 0 && index > 12 / months {
        return fail(input);
    }
    let part = if months == 0 {
        Part::Some
    } else {
        Part::Share(index, months)
    };
    Ok((sp1_no_nnbsp(s)?.0, (part, true)))
}

/// `part_of = part_prefix (calendar_relative | weekend | "the" " " ("year" | "month" |
/// "week") | calendar_date | month_name [year_tail] | year_number | season)`: "late last year",
/// "mid-March", "early 2025", "the rest of the year", "the first half of this year".
pub fn part_of(input: &str) -> Res<'_, Stretch> {
    let (s, (part, of_form)) = part_prefix(input)?;
    if let Ok((r, (n, unit, direction))) = calendar_relative(s) {
        return Ok((r, Stretch::Relative(n, unit, direction)));
    }
    if let Ok(ok) = weekend(s) {
        return Ok(ok);
    }
    if of_form {
        let the_unit =
            kw(s, "the").and_then(|(r, ())| kw_any(sp_no_nnbsp(r), &["year", "month", "week"]));
        if let Ok((r, w)) = the_unit {
            let unit = match w {
                "year" => TimeUnit::Year,
                "month" => TimeUnit::Month,
                _ => TimeUnit::Week,
            };
            return Ok((
                r,
                Stretch::Relative(Numeral::integer(0), unit, Direction::After),
            ));
        }
    } else if part == Part::Some {
        // "later this year" is English, "later March" is not.
        return fail(input);
    }
    if let Ok((r, d)) = calendar_date(s) {
        if d.day.is_some() {
            return Ok((r, span(d, week_end_month(d))));
        }
    }
    if let Ok((r, m)) = month_name(s) {
        let (r, year) = match year_tail(r) {
            Ok((r2, y)) => (r2, Some(y)),
            Err(_) => (r, None),
        };
        let d = date_parts(year, Some(m), None);
        return Ok((r, span(d, d)));
    }
    if let Ok((r, y)) = year_number(s) {
        if followed_by_counted_noun(r) {
            // "early 1500 votes": a count.
            return fail(input);
        }
        let (from, to) = narrow_year(y, part);
        return Ok((r, span(from, to)));
    }
    season(s, "in ")
}

/// The month a stretch starting on day `d` ends in, a week or so later (the day left open).
fn week_end_month(d: DateParts) -> DateParts {
    match (d.day, d.month) {
        (Some(day), Some(12)) if day > 24 => date_parts(d.year.map(|y| y + 1), Some(1), None),
        (Some(day), Some(m)) if day > 24 => date_parts(d.year, Some(m + 1), None),
        _ => date_parts(d.year, d.month, None),
    }
}

/// `decade_part = "the" " " ("early" | "mid" ["-"] | "late") " " decade_start ["'"] "s"`:
/// "the early 1990s" → 1990..1993, "the late '70s" → 1976..1979.
pub fn decade_part<'a>(input: &'a str, before: &str) -> Res<'a, (DateParts, DateParts)> {
    let (s, ()) = kw(input, "the")?;
    let (s, w) = kw_any(sp1_no_nnbsp(s)?.0, &["early", "mid", "late"])?;
    let s = match s.strip_prefix('-') {
        Some(r) if w == "mid" => r,
        _ => sp1_no_nnbsp(s)?.0,
    };
    let (rest, a) = decade_start(s, before)?;
    let (x, y) = match w {
        "early" => (a, a + 3),
        "mid" => (a + 3, a + 6),
        _ => (a + 6, a + 9),
    };
    Ok((
        rest,
        (
            date_parts(Some(x), None, None),
            date_parts(Some(y), None, None),
        ),
    ))
}

/// The months of a year a part covers: early 2025 → January to April.
fn narrow_year(y: i32, part: Part) -> (DateParts, DateParts) {
    let (a, b) = match part {
        Part::Early => (1, 4),
        Part::Mid => (5, 8),
        Part::Late => (9, 12),
        Part::Some => (1, 12),
        Part::Share(i, m) => (i * m + 1 - m, i * m),
    };
    (
        date_parts(Some(y), Some(a), None),
        date_parts(Some(y), Some(b), None),
    )
}

/// `after_next = "the" " " ("week" | "month" | "year") " after next"`: two units on.
pub fn after_next(input: &str) -> Res<'_, Stretch> {
    let (s, ()) = kw(input, "the")?;
    let (s, w) = kw_any(sp1_no_nnbsp(s)?.0, &["week", "month", "year"])?;
    let (s, ()) = kw(sp1_no_nnbsp(s)?.0, "after")?;
    let (rest, ()) = kw(sp1_no_nnbsp(s)?.0, "next")?;
    let unit = match w {
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        _ => TimeUnit::Year,
    };
    Ok((
        rest,
        Stretch::Relative(Numeral::integer(2), unit, Direction::After),
    ))
}

/// `year_to_date = ["the" " "] "year" ("-" | " ") "to" ("-" | " ") "date"`
pub fn year_to_date(input: &str) -> Res<'_, Stretch> {
    let s = kw(input, "the")
        .map(|(r, ())| sp_no_nnbsp(r))
        .unwrap_or(input);
    let (s, ()) = kw(s, "year")?;
    let s = s.strip_prefix('-').unwrap_or_else(|| sp_no_nnbsp(s));
    let (s, ()) = kw(s, "to")?;
    let s = s.strip_prefix('-').unwrap_or_else(|| sp_no_nnbsp(s));
    let (rest, ()) = kw(s, "date")?;
    Ok((
        rest,
        Stretch::Relative(Numeral::integer(0), TimeUnit::Year, Direction::After),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(stretch: Stretch) -> Option<(String, String)> {
        match stretch {
            Stretch::Span(a, b) => Some((a.timex(), b.timex())),
            Stretch::Relative(..) | Stretch::Vague(..) => None,
        }
    }

    fn e(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.into(), b.into()))
    }

    #[test]
    fn seasons_need_a_determiner_a_year_or_a_preposition() {
        let (r, s) = season("the summer of 2019 was", "").unwrap();
        assert_eq!((r, ends(s)), (" was", e("2019-06", "2019-08")));
        let (_, s) = season("winter 2020", "").unwrap();
        assert_eq!(ends(s), e("2020", "2021"));
        assert!(season("spring", "in ").is_ok());
        assert!(season("spring", "they ").is_err());
        assert!(season("the fall of the city", "").is_err());
        assert!(season("the spring in his step", "").is_err());
        assert!(season("the spring", "in ").is_ok());
        assert!(season("the fall", "in ").is_err());
        assert!(season("this fall", "").is_ok());
    }

    #[test]
    fn decades_in_words_and_digits() {
        let d = |t| {
            decade_words(t, "grew in ")
                .ok()
                .map(|(_, (a, b))| (a.timex(), b.timex()))
        };
        assert_eq!(d("the seventies"), e("1970", "1979"));
        assert_eq!(d("the noughties"), e("2000", "2009"));
        assert_eq!(d("the nineteen noughties"), None);
        assert_eq!(d("the nineteen eighties"), e("1980", "1989"));
        assert_eq!(d("the '90s"), e("1990", "1999"));
        assert_eq!(d("the 2000s"), e("2000", "2009"));
        assert_eq!(d("the twenties"), None);
        assert_eq!(d("the 25s"), None);
        assert!(decade_words("the 70s", "highs in ").is_err());
        assert!(decade_words("the 70s degrees", "").is_err());
        let (_, (a, b)) = decade_part("the late 1980s", "").unwrap();
        assert_eq!((a.timex(), b.timex()), ("1986".into(), "1989".into()));
    }

    #[test]
    fn parts_narrow_years_and_keep_relatives() {
        let (_, s) = part_of("late 2019 and").unwrap();
        assert_eq!(ends(s), e("2019-09", "2019-12"));
        let (_, s) = part_of("the second half of 2019").unwrap();
        assert_eq!(ends(s), e("2019-07", "2019-12"));
        let (_, s) = part_of("mid-June").unwrap();
        assert_eq!(ends(s), e("XXXX-06", "XXXX-06"));
        let (r, s) = part_of("the rest of the month.").unwrap();
        assert_eq!(r, ".");
        assert!(matches!(s, Stretch::Relative(_, TimeUnit::Month, _)));
        assert!(part_of("later June").is_err());
        assert!(part_of("early 1500 votes").is_err());
        assert!(part_of("early the year").is_err());
        assert!(part_of("the end of the war").is_err());
        let (_, s) = part_of("the week of March 3, 2025").unwrap();
        assert_eq!(ends(s), e("2025-03-03", "2025-03"));
        let (_, s) = part_of("the week of December 29, 2025").unwrap();
        assert_eq!(ends(s), e("2025-12-29", "2026-01"));
        assert!(part_of("the week starting on May 5").is_ok());
        assert!(part_of("the week of action").is_err());
    }

    #[test]
    fn weekends_and_year_to_date() {
        assert!(weekend("this weekend").is_ok());
        assert!(weekend("weekend").is_err());
        let (r, _) = year_to_date("year-to-date sales").unwrap();
        assert_eq!(r, " sales");
    }
}
