//! Periods: "from January to May of 2025", "Jan–May 2025", "between 2014 and 2017",
//! "2014–17", "July 10–14", "9–13 October", "the first five months of the year", "mid-year",
//! "last year", "the past two decades", "the 1990s".

use super::date::{calendar_date, day_number, weekday_date, year_tail};
use super::duration::amount;
use super::lexicon::{is_full_weekday, month_name, weekday_name};
use super::part::{self, Stretch};
use super::relative::calendar_relative;
use super::year::year_number;
use super::{dash, date_parts, opens, parsed, when, word_before, words_before, Res};
use crate::grammar::lex::{fail, kw, kw_any, sp1_no_nnbsp, sp_no_nnbsp, uint};
use crate::grammar::Parsed;
use crate::model::{DateParts, Hedge, Kind, Quantity, Unit};

/// One end of a span as written, before the ends lend each other their missing parts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum End {
    Date(DateParts),
    /// A day number alone ("10" in "July 10–14").
    Day(u8),
    /// Two digits after a dash ("17" in "2014–17").
    ShortYear(u8),
}

/// `span_end = weekday_date | calendar_date | month_name | year_number | [("this" | "next" |
/// "last" | "coming") " "] weekday | deictic_end`
fn span_end(input: &str) -> Res<'_, DateParts> {
    let weekday = |i| -> Res<'_, DateParts> {
        let i = kw_any(i, &["this", "next", "last", "coming"])
            .and_then(|(r, _)| sp1_no_nnbsp(r))
            .map_or(i, |(r, ())| r);
        if !is_full_weekday(i) {
            return fail(i);
        }
        let (r, wd) = weekday_name(i)?;
        Ok((
            r,
            DateParts {
                weekday: Some(wd),
                ..DateParts::default()
            },
        ))
    };
    let opens = opens(input);
    let alternatives = [
        when(opens.word, || weekday_date(input)),
        when(opens.word, || weekday(input)),
        calendar_date(input).ok(),
        when(opens.word, || {
            month_name(input).map(|(r, m)| (r, date_parts(None, Some(m), None)))
        }),
        when(opens.number, || {
            year_number(input).map(|(r, y)| (r, date_parts(Some(y), None, None)))
        }),
        when(opens.word, || {
            deictic_end(input).map(|(r, ())| (r, DateParts::default()))
        }),
    ];
    alternatives
        .into_iter()
        .flatten()
        .min_by_key(|(r, _)| r.len())
        .map_or_else(|| fail(input), Ok)
}

/// `deictic_end = ["the day after" " " | "the day before" " "] ("today" | "tomorrow" |
/// "yesterday") | "now"`: an end counted from the article's date, its parts unknown here.
fn deictic_end(input: &str) -> Res<'_, ()> {
    if let Ok((r, ())) = kw(input, "now") {
        return Ok((r, ()));
    }
    let s = kw(input, "the")
        .and_then(|(r, ())| kw(sp_no_nnbsp(r), "day"))
        .and_then(|(r, ())| kw_any(sp_no_nnbsp(r), &["after", "before"]))
        .map_or(input, |(r, _)| sp_no_nnbsp(r));
    kw_any(s, &["today", "tomorrow", "yesterday"]).map(|(r, _)| (r, ()))
}

fn first_end(input: &str) -> Res<'_, End> {
    let as_date = span_end(input).map(|(r, d)| (r, End::Date(d)));
    let as_day = day_number(input).map(|(r, d)| (r, End::Day(d)));
    match (as_date, as_day) {
        (Ok(a), Ok(b)) => Ok(if a.0.len() <= b.0.len() { a } else { b }),
        (Ok(a), Err(_)) | (Err(_), Ok(a)) => Ok(a),
        (Err(e), Err(_)) => Err(e),
    }
}

fn second_end(input: &str, first: End, after_dash: bool) -> Res<'_, End> {
    if let Ok((r, d)) = span_end(input) {
        return Ok((r, End::Date(d)));
    }
    match first {
        End::Date(DateParts {
            year: None,
            month: Some(_),
            day: Some(_),
            ..
        }) => {
            let s = kw(input, "the")
                .map(|(r, ())| sp_no_nnbsp(r))
                .unwrap_or(input);
            day_number(s).map(|(r, d)| (r, End::Day(d)))
        }
        End::Date(DateParts {
            year: Some(_),
            month: None,
            ..
        }) if after_dash => {
            let (r, (yy, n)) = uint(input, 2, 2)?;
            if n != 2 || r.starts_with(char::is_alphanumeric) {
                return fail(input);
            }
            Ok((r, End::ShortYear(yy as u8)))
        }
        _ => fail(input),
    }
}

/// Fills each end's missing parts from the other: "10–14" in July, "January to May of 2025".
fn complete(first: End, second: End, tail_year: Option<i32>) -> Option<(DateParts, DateParts)> {
    let (mut from, mut to) = match (first, second) {
        (End::Date(a), End::Date(b)) => (a, b),
        (End::Day(d), End::Date(b)) if b.day.is_some() => (
            DateParts {
                day: Some(d),
                weekday: None,
                ..b
            },
            b,
        ),
        (End::Date(a), End::Day(d)) => (
            a,
            DateParts {
                day: Some(d),
                weekday: None,
                ..a
            },
        ),
        (End::Date(a), End::ShortYear(yy)) => {
            let start = a.year?;
            let mut y = start - start.rem_euclid(100) + i32::from(yy);
            if y < start {
                y += 100;
            }
            // "2014–17" and "2010-11" are spans; "1995-01" is a month (`iso_month`) and
            // "2016-11" no span of a century.
            if y - start > 20 || y != start + 1 && (1..=12).contains(&yy) {
                return None;
            }
            (a, date_parts(Some(y), None, None))
        }
        _ => return None,
    };
    if to.year.is_none() {
        to.year = tail_year;
    }
    if from.year.is_none() && from.month.is_some() {
        if let (Some(y), Some(fm), Some(tm)) = (to.year, from.month, to.month) {
            from.year = Some(if fm > tm { y - 1 } else { y });
        }
    }
    if to.year.is_none() && to.month.is_some() {
        if let (Some(y), Some(fm), Some(tm)) = (from.year, from.month, to.month) {
            to.year = Some(if tm < fm { y + 1 } else { y });
        }
    }
    Some((from, to))
}

fn is_bare_year(d: &DateParts) -> bool {
    d.year.is_some() && d.month.is_none()
}

/// `date_span = ["from" | "between"] span_end connector span_end [year_tail]` with connector
/// "to", "until", "through" or a dash ("and" after "between").
fn date_span<'a>(input: &'a str, before: &str) -> Res<'a, (DateParts, DateParts)> {
    let (s, opener) = match kw_any(input, &["from", "between"]) {
        Ok((r, w)) => (sp1_no_nnbsp(r)?.0, Some(w)),
        Err(_) => (input, None),
    };
    let start = s;
    let (s, first) = first_end(s)?;
    let between_and = (opener == Some("between"))
        .then(|| kw(sp_no_nnbsp(s), "and").ok())
        .flatten();
    let (s, after_dash) = if let Some((r, ())) = between_and {
        (sp_no_nnbsp(r), false)
    } else if let Ok((r, ())) = dash(s) {
        (r, true)
    } else {
        let (r, _) = kw_any(sp_no_nnbsp(s), &["to", "until", "till", "through", "thru"])?;
        (sp1_no_nnbsp(r)?.0, false)
    };
    let (s, second) = second_end(s, first, after_dash)?;
    let (s, tail) = match year_tail(s) {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => (s, None),
    };
    let Some((from, to)) = complete(first, second, tail) else {
        return fail(input);
    };
    let deictic_start = deictic_end(start).is_ok();
    if from.month.is_none() && from.year.is_none() && from.weekday.is_none() && !deictic_start {
        return fail(input);
    }
    // "now to" without "from" or "between" is rarely a span ("is now to be").
    if opener.is_none() && kw(start, "now").is_ok() {
        return fail(input);
    }
    if is_bare_year(&from) && is_bare_year(&to) && !plausible_year_span(&from, &to, s, before) {
        return fail(input);
    }
    if opener.is_none() && !after_dash && is_bare_year(&from) != is_bare_year(&to) {
        return fail(input);
    }
    Ok((s, (from, to)))
}

/// Two bare four-digit numbers read as years only when they are close (at most a century
/// apart), no counted noun follows and no change verb comes before ("rose from 1500 to 2000").
fn plausible_year_span(from: &DateParts, to: &DateParts, rest: &str, before: &str) -> bool {
    let (Some(a), Some(b)) = (from.year, to.year) else {
        return false;
    };
    if (b - a).abs() > 100 {
        return false;
    }
    let after = sp_no_nnbsp(rest);
    let next = after
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    let counted = next.len() > 3 && next.ends_with('s') && !next.ends_with("ss")
        || matches!(
            next.as_str(),
            "people" | "troops" | "per" | "percent" | "million"
        );
    !counted && !super::year::is_change_word(&word_before(before))
}

/// `first_months = "the" " " ("first" | "last") " " amount " months of " ("the year" | "this
/// year" | year_number)`
fn first_months(input: &str) -> Res<'_, (DateParts, DateParts)> {
    let (s, ()) = kw(input, "the")?;
    let (s, which) = kw_any(sp_no_nnbsp(s), &["first", "last"])?;
    let (s, (n, article)) = amount(sp_no_nnbsp(s))?;
    let (s, ()) = kw(sp_no_nnbsp(s), if article { "month" } else { "months" })?;
    let (s, ()) = kw(sp_no_nnbsp(s), "of")?;
    let s = sp_no_nnbsp(s);
    let (s, year) = match year_number(s) {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => {
            let (r, _) = kw_any(s, &["the", "this", "that"])?;
            (kw(sp_no_nnbsp(r), "year")?.0, None)
        }
    };
    // "the first 2½ months" names no whole months.
    let whole = n.value.fract().is_zero();
    let n: u8 = u8::try_from(n.value.trunc().mantissa()).unwrap_or(0);
    if !whole || !(1..=12).contains(&n) {
        return fail(input);
    }
    let (a, b) = if which == "first" {
        (1, n)
    } else {
        (13 - n, 12)
    };
    Ok((
        s,
        (
            date_parts(year, Some(a), None),
            date_parts(year, Some(b), None),
        ),
    ))
}

/// " this year", " next year", " last year" after a part of a year.
fn deictic_year(input: &str) -> Res<'_, ()> {
    let (s, _) = kw_any(sp1_no_nnbsp(input)?.0, &["this", "next", "last"])?;
    kw(sp1_no_nnbsp(s)?.0, "year")
}

/// Words of a match report: near them a bare "the second half" or "the fourth quarter" is
/// part of a game, not of a year.
const GAME_WORDS: &[&str] = &[
    "scored",
    "scoring",
    "goal",
    "goals",
    "match",
    "minute",
    "minutes",
    "halftime",
    "half-time",
    "interval",
    "break",
    "striker",
    "penalty",
    "penalties",
    "equaliser",
    "equalizer",
    "touchdown",
    "touchdowns",
    "innings",
    "whistle",
    "kickoff",
    "kick-off",
    "rebounds",
    "assists",
    "yards",
    "quarterback",
    "substitute",
    "opener",
    "visitors",
    "hosts",
];

/// `part_of_year = ("Q" digit | "the" " " ordinal " " ("quarter" | "half")) [[","] " "
/// ["of" " "] year_number | " " ("this" | "next" | "last") " year"]`: "Q1 2025", "the third
/// quarter of 2016", "the first half", "the third quarter this year"; without a year not
/// after words of a game ("scored in the second half").
fn part_of_year<'a>(input: &'a str, before: &str) -> Res<'a, (DateParts, DateParts)> {
    let (s, (index, months)) = match quarter_code(input) {
        Ok(ok) => ok,
        Err(_) => {
            let (s, ()) = kw(input, "the")?;
            let (s, which) = kw_any(
                sp_no_nnbsp(s),
                &["first", "second", "third", "fourth", "final"],
            )?;
            let s = s.strip_prefix('-').unwrap_or(s);
            let (s, part) = kw_any(sp_no_nnbsp(s), &["quarter", "half"])?;
            let months: u8 = if part == "quarter" { 3 } else { 6 };
            let index: u8 = match which {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" => 4,
                _ => 12 / months,
            };
            if index > 12 / months {
                return fail(input);
            }
            (s, (index, months))
        }
    };
    let (s, year) = match year_tail(s) {
        Ok((r, y)) => (r, Some(y)),
        // "the third quarter this year": which year is for the article's date to say.
        Err(_) => match deictic_year(s) {
            Ok((r, ())) => (r, None),
            Err(_) if after_game_words(before) => return fail(input),
            Err(_) => (s, None),
        },
    };
    let last = index * months;
    Ok((
        s,
        (
            date_parts(year, Some(last + 1 - months), None),
            date_parts(year, Some(last), None),
        ),
    ))
}

/// Whether a word of [`GAME_WORDS`] is among the dozen words before.
fn after_game_words(before: &str) -> bool {
    words_before(before, 12).iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        GAME_WORDS.contains(&w)
    })
}

/// "Q1" … "Q4".
fn quarter_code(input: &str) -> Res<'_, (u8, u8)> {
    let b = input.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'Q' | b'q') && (b'1'..=b'4').contains(&b[1]) {
        let rest = &input[2..];
        if !rest.starts_with(char::is_alphanumeric) {
            return Ok((rest, (b[1] - b'0', 3)));
        }
    }
    fail(input)
}

/// `mid_year = "mid-year" | "midyear" | "mid-" year_number`
fn mid_year(input: &str) -> Res<'_, (DateParts, DateParts)> {
    let (s, year) = if let Ok((r, ())) = kw(input, "midyear") {
        (r, None)
    } else {
        let (r, ()) = kw(input, "mid")?;
        let r = r
            .strip_prefix('-')
            .ok_or_else(|| fail::<()>(input).unwrap_err())?;
        match kw(r, "year") {
            Ok((r2, ())) => (r2, None),
            Err(_) => {
                let (r2, y) = year_number(r)?;
                (r2, Some(y))
            }
        }
    };
    Ok((
        s,
        (
            date_parts(year, Some(6), None),
            date_parts(year, Some(7), None),
        ),
    ))
}

/// `decade = "the" " " digit{3} "0" ["'"] "s"`: "the 1990s".
fn decade(input: &str) -> Res<'_, (DateParts, DateParts)> {
    let (s, ()) = kw(input, "the")?;
    let (r, y) = super::part::four_digit_decade(sp_no_nnbsp(s))?;
    Ok((
        r,
        (
            date_parts(Some(y), None, None),
            date_parts(Some(y + 9), None, None),
        ),
    ))
}

/// `vague_recent = ["the" " "] ("past" | "last" | "previous" | "next" | "coming") " "
/// vague_time`: "the past few weeks", "the next several months".
fn vague_recent(input: &str) -> Res<'_, Stretch> {
    let s = kw(input, "the").map_or(input, |(r, ())| sp_no_nnbsp(r));
    let (s, _) = kw_any(s, &["past", "last", "previous", "next", "coming"])?;
    let (rest, (vague, unit)) = super::duration::vague_time(sp1_no_nnbsp(s)?.0)?;
    Ok((rest, Stretch::Vague(vague, unit)))
}

/// `period = date_span | first_months | mid_year | decade | decade_words | decade_part |
/// part_of_year | part_of | season | weekend | year_to_date | after_next | vague_recent |
/// calendar_relative`
pub fn period(input: &str, before: &str) -> Option<Parsed> {
    let span = date_span(input, before).map(|(r, (from, to))| (r, Stretch::Span(from, to)));
    // All the others open with a word ("the", "mid", "Q3", "last", "spring").
    let named =
        (opens(input).word && !verb_last(input, before)).then(|| named_period(input, before));
    // The longest wins; on a tie the earlier production.
    let (rest, stretch) = std::iter::once(span)
        .chain(named.into_iter().flatten())
        .flatten()
        .min_by_key(|(r, _)| r.len())?;
    let (quantity, unit) = match stretch {
        Stretch::Vague(vague, unit) => (Quantity::Vague(vague), Some(Unit::Time(unit))),
        other => (stretch_quantity(other), None),
    };
    let mut p = parsed(
        input.len() - rest.len(),
        Kind::Period,
        quantity,
        Hedge::None,
    );
    if unit.is_some() {
        p.unit = unit;
    }
    Some(p)
}

/// Words after which "last" is the verb: "the works will last two weeks".
const BEFORE_VERB_LAST: &[&str] = &[
    "will", "would", "to", "could", "can", "may", "might", "should", "must", "did", "does", "do",
    "won't", "wouldn't", "didn't", "doesn't", "cannot",
];

/// "last" as a verb ("will last two weeks"), which opens no period.
fn verb_last(input: &str, before: &str) -> bool {
    let Ok((_, _)) = kw(input, "last") else {
        return false;
    };
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| BEFORE_VERB_LAST.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// The periods after `date_span`, in the order of [`period`].
fn named_period<'a>(input: &'a str, before: &str) -> [Res<'a, Stretch>; 13] {
    let span =
        |c: Res<'a, (DateParts, DateParts)>| c.map(|(r, (from, to))| (r, Stretch::Span(from, to)));
    [
        span(first_months(input)),
        span(mid_year(input)),
        span(decade(input)),
        span(part::decade_words(input, before)),
        span(part::decade_part(input, before)),
        span(part_of_year(input, before)),
        part::part_of(input),
        part::season(input, before),
        part::weekend(input),
        part::year_to_date(input),
        part::after_next(input),
        vague_recent(input),
        calendar_relative(input)
            .map(|(r, (n, unit, direction))| (r, Stretch::Relative(n, unit, direction))),
    ]
}

fn stretch_quantity(stretch: Stretch) -> Quantity {
    match stretch {
        Stretch::Span(from, to) => Quantity::Period { from, to },
        Stretch::Relative(amount, unit, direction) => Quantity::Relative {
            amount,
            unit,
            direction,
            anchored_to_phrase: false,
            resolved: None,
            anchor: None,
        },
        Stretch::Vague(vague, _) => Quantity::Vague(vague),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TimeUnit, Vague};

    fn span(text: &str) -> Option<(String, String, String)> {
        let p = period(text, "")?;
        let Quantity::Period { from, to } = p.quantity else {
            return None;
        };
        Some((text[..p.len].to_string(), from.timex(), to.timex()))
    }

    fn s(a: &str, f: &str, t: &str) -> Option<(String, String, String)> {
        Some((a.into(), f.into(), t.into()))
    }

    #[test]
    fn month_spans() {
        assert_eq!(
            span("from January to May of 2025, the"),
            s("from January to May of 2025", "2025-01", "2025-05")
        );
        assert_eq!(
            span("Jan–May 2025 saw"),
            s("Jan–May 2025", "2025-01", "2025-05")
        );
        assert_eq!(
            span("July 10–14."),
            s("July 10–14", "XXXX-07-10", "XXXX-07-14")
        );
        assert_eq!(
            span("9–13 October"),
            s("9–13 October", "XXXX-10-09", "XXXX-10-13")
        );
        assert_eq!(
            span("from December 20 to January 5, 2025"),
            s(
                "from December 20 to January 5, 2025",
                "2024-12-20",
                "2025-01-05"
            )
        );
    }

    #[test]
    fn year_spans() {
        assert_eq!(
            span("between 2014 and 2017, IS"),
            s("between 2014 and 2017", "2014", "2017")
        );
        assert_eq!(span("2014–17 was"), s("2014–17", "2014", "2017"));
        assert_eq!(span("2014-2017 was"), s("2014-2017", "2014", "2017"));
        assert_eq!(
            span("from 2016 to 2022."),
            s("from 2016 to 2022", "2016", "2022")
        );
        assert_eq!(span("between 2000 and 3000 fighters"), None);
        assert_eq!(
            span("from 2010 until now."),
            s("from 2010 until now", "2010", "XXXX")
        );
        assert_eq!(
            span("today until next Friday"),
            s("today until next Friday", "XXXX", "XXXX-WXX-5")
        );
        assert_eq!(span("now to 2030"), None);
        assert_eq!(span("from 1500 to 2000."), None);
        assert_eq!(span("between 1,500 and 3,000"), None);
    }

    #[test]
    fn named_periods() {
        assert_eq!(
            span("the first five months of the year"),
            s("the first five months of the year", "XXXX-01", "XXXX-05")
        );
        assert_eq!(span("mid-year."), s("mid-year", "XXXX-06", "XXXX-07"));
        assert_eq!(span("the 1990s."), s("the 1990s", "1990", "1999"));
        assert_eq!(span("Q3 2024 sales"), s("Q3 2024", "2024-07", "2024-09"));
        assert_eq!(
            span("the second half of 2023"),
            s("the second half of 2023", "2023-07", "2023-12")
        );
        assert_eq!(
            span("the third quarter"),
            s("the third quarter", "XXXX-07", "XXXX-09")
        );
        assert_eq!(
            span("the fourth quarter last year"),
            s("the fourth quarter last year", "XXXX-10", "XXXX-12")
        );
        // In a match report the half or quarter is the game's.
        let after = |before: &str, text: &str| period(text, before).map(|p| p.len);
        assert_eq!(
            after("The striker scored twice in ", "the second half."),
            None
        );
        assert_eq!(
            after(
                "They kicked off, took the lead after 10 minutes, and in ",
                "the first half"
            ),
            None
        );
        assert_eq!(
            after("He threw two touchdowns in ", "the fourth quarter"),
            None
        );
        assert_eq!(
            after(
                "The club scored record sales in ",
                "the second half of 2023"
            ),
            Some("the second half of 2023".len())
        );
        assert_eq!(after("Sales slowed in ", "the second half."), Some(15));
        let p = period("the month after next", "").unwrap();
        assert_eq!(p.len, "the month after next".len());
        assert_eq!(span("2016-11 was"), None);
        assert_eq!(span("1995-01 was"), None);
        assert_eq!(span("2010-11 season"), s("2010-11", "2010", "2011"));
        let p = period("last year's count", "").unwrap();
        assert_eq!(p.len, "last year".len());
        assert!(matches!(
            p.quantity,
            Quantity::Relative {
                unit: TimeUnit::Year,
                ..
            }
        ));
        let p = period("the past two decades", "").unwrap();
        assert_eq!(p.len, "the past two decades".len());
        assert!(period("last night", "").is_none());
        assert!(period("last day", "").is_none());
        let p = period("the upcoming month", "").unwrap();
        assert_eq!(p.len, "the upcoming month".len());
        let p = period("the past few weeks,", "").unwrap();
        assert_eq!(p.len, "the past few weeks".len());
        assert_eq!(
            (p.kind, p.quantity, p.unit),
            (
                Kind::Period,
                Quantity::Vague(Vague::Few),
                Some(Unit::Time(crate::model::TimeUnit::Week))
            )
        );
        let p = period("the past three days", "").unwrap();
        assert_eq!(p.len, "the past three days".len());
    }
}
