//! Resolution of time claims (`semantics.md` §8): relative dates against the nearest earlier
//! date in the text, and — once a reference date R is known — year-less dates by tense and
//! "last year", "two months ago", "yesterday" against R.
//!
//! `extract` calls [`resolve`] with `None` (the reference date is a check setting); rules that
//! need R call [`resolved_claims`], which resolves a copy again with it.

use crate::grammar::lex::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::grammar::time::is_deictic;
use crate::model::{ceil_char_boundary, Claim, DateParts, Direction, Kind, Quantity, TimeUnit};
use jiff::civil::Date;
use jiff::ToSpan;

/// Resolves the time claims of one document in place.
pub fn resolve(claims: &mut [Claim], text: &str, reference: Option<Date>) {
    // Which dates were written without a year, before tense fills one in.
    let yearless: Vec<bool> = claims
        .iter()
        .map(|c| matches!(c.quantity, Quantity::Date(d) if d.year.is_none() && d.day.is_some()))
        .collect();
    if let Some(r) = reference {
        for claim in claims.iter_mut() {
            date_by_tense(claim, text, r);
        }
    }
    // The nearest earlier dated claim; in its paragraph if it has one there, else before it,
    // which is the same claim either way.
    let mut last_dated: Option<usize> = None;
    // The dated claim before `last_dated`, for an offset that restates the date it follows.
    let mut dated_before_last: Option<usize> = None;
    for i in 0..claims.len() {
        if let Quantity::Relative {
            anchored_to_phrase: false,
            ..
        } = claims[i].quantity
        {
            let (resolved, anchor) = if in_another_year(&claims[i], text)
                || compares(&claims[i], text)
            {
                (None, None)
            } else if is_deictic(&claims[i], text) {
                (reference.and_then(|r| from_reference(&claims[i], r)), None)
            } else {
                let from =
                    if last_dated == i.checked_sub(1) && restates_date_before(claims, text, i) {
                        // From a single date only: after "from April 7 to April 13" the
                        // week may count from either end.
                        dated_before_last.filter(|&j| claims[j].kind == Kind::Date)
                    } else {
                        last_dated
                    };
                match from {
                    Some(j) => (
                        date_of(&claims[j]).and_then(|d| shift(d, &claims[i].quantity)),
                        Some(j),
                    ),
                    None => (None, None),
                }
            };
            if let Quantity::Relative {
                resolved: res,
                anchor: anc,
                ..
            } = &mut claims[i].quantity
            {
                *res = resolved;
                *anc = anchor.filter(|_| resolved.is_some());
            }
            if let (Some(_), Some(d)) = (reference, resolved) {
                year_from_offset(claims, text, i, d, &yearless);
            }
        }
        if date_of(&claims[i]).is_some()
            && !is_deictic(&claims[i], text)
            && !is_bound(&claims[i], text)
        {
            dated_before_last = last_dated;
            last_dated = Some(i);
        }
    }
}

/// "a week later than planned", "two days earlier than expected": a delay or an advance on
/// a plan, not an offset from a date in the text.
fn compares(claim: &Claim, text: &str) -> bool {
    let after = text.get(claim.span.end..).unwrap_or("");
    let next = after.trim_start_matches(' ');
    next.len() < after.len()
        && next
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("than"))
        && !next[4..].starts_with(|c: char| c.is_alphanumeric())
}

/// "power returned on June 9, a week later": an offset that follows a date after nothing but
/// a comma, and closes its clause, restates that date; it counts from the date before it.
/// ("on June 9, a week later than planned" goes on, and is left alone.)
pub fn restates_date_before(claims: &[Claim], text: &str, i: usize) -> bool {
    let Some(date) = i.checked_sub(1).and_then(|j| claims.get(j)) else {
        return false;
    };
    let Some(offset) = claims.get(i) else {
        return false;
    };
    let forward = matches!(
        offset.quantity,
        Quantity::Relative {
            direction: Direction::After,
            anchored_to_phrase: false,
            ..
        }
    );
    let gap = text.get(date.span.end..offset.span.start).unwrap_or("");
    let closes = text
        .get(offset.span.end..)
        .unwrap_or("")
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')' | '\n' | '\r' | '—' | '–'));
    date.kind == Kind::Date && forward && gap.trim() == "," && closes
}

/// "four weeks later, on 5 May": a date restating an offset's result takes the year that
/// brings it nearest that result, not the one the sentence's tense gives ("announced …
/// would be held four weeks later, on 5 May" is not last May).
fn year_from_offset(
    claims: &mut [Claim],
    text: &str,
    i: usize,
    result: DateParts,
    yearless: &[bool],
) {
    let Some(year) = result.year else {
        return;
    };
    let Some(target) = civil(result) else {
        return;
    };
    let (Some(offset), Some(next)) = (claims.get(i), claims.get(i + 1)) else {
        return;
    };
    let gap = text.get(offset.span.end..next.span.start).unwrap_or("");
    if next.kind != Kind::Date || !yearless.get(i + 1).copied().unwrap_or(false) || !restates(gap) {
        return;
    }
    let Quantity::Date(d) = &mut claims[i + 1].quantity else {
        return;
    };
    let parts = DateParts { year: None, ..*d };
    let distance = |y: i32| {
        let c = civil(in_year(parts, y))?;
        Some(i64::from(c.until(target).ok()?.get_days()).abs())
    };
    if let Some(best) = (year - 1..=year + 1)
        .filter_map(|y| distance(y).map(|g| (g, y)))
        .min()
    {
        d.year = Some(best.1);
    }
}

/// Whether the words between an offset and a date make the date the offset's result:
/// nothing, "on", "by", or a short phrase of place or occasion ending in "on" ("in the
/// match on", "at the hearing on").
pub fn restates(gap: &str) -> bool {
    let words: Vec<String> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    match &words[..] {
        [] => true,
        [w] => matches!(w.as_str(), "on" | "by"),
        [first, .., last] => {
            words.len() <= 5
                && matches!(first.as_str(), "in" | "at")
                && last == "on"
                && words
                    .iter()
                    .all(|w| w.chars().all(char::is_alphabetic) || is_time_of_day(w))
        }
    }
}

/// "6am", "6.30pm", "18:00": a time of day, which may stand in a restatement ("at 6am on").
fn is_time_of_day(word: &str) -> bool {
    let digits = word
        .strip_suffix("am")
        .or_else(|| word.strip_suffix("pm"))
        .map_or((word, false), |d| (d, true));
    let (clock, meridiem) = digits;
    let parts: Vec<&str> = clock.split(['.', ':']).collect();
    let numeric = |p: &str| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit());
    match parts[..] {
        [h] => meridiem && numeric(h),
        [h, m] => numeric(h) && m.len() == 2 && numeric(m),
        _ => false,
    }
}

/// Words that make a date a limit rather than the time the text is at: "the lowest since
/// 2021", "3,400 homes by 2030", "open until June". "A year earlier" in the next sentence
/// counts back from the story's time, never from such a date.
const BOUND_WORDS: &[&str] = &["since", "by", "until", "till", "through"];

/// A relative phrase set in another year by the words after it ("in the same week last
/// year", "the following day in 2019"): its anchor's year does not apply, so it resolves
/// to nothing.
fn in_another_year(claim: &Claim, text: &str) -> bool {
    let after = text.get(claim.span.end..).unwrap_or("");
    let words: Vec<String> = after
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    matches!(
        (w(0), w(1)),
        ("last" | "next", "year")
            | ("a" | "the", "year")
            | ("the", "previous" | "following")
            | ("of", "last" | "the")
    ) || (w(0) == "in" && w(1).len() == 4 && w(1).parse::<u16>().is_ok())
}

/// A date written as the limit of a span ("since the autumn of 2021", "by 2030").
fn is_bound(claim: &Claim, text: &str) -> bool {
    let head = text.get(..claim.span.start).unwrap_or("");
    let mut words = head
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let word = match words.next() {
        Some(w) if w.eq_ignore_ascii_case("the") => words.next(),
        w => w,
    };
    word.is_some_and(|w| BOUND_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

/// The document's claims, resolved against the reference date when there is one.
pub fn resolved_claims(
    claims: &[Claim],
    text: &str,
    reference_date: Option<jiff::civil::Date>,
) -> Vec<Claim> {
    let mut claims = claims.to_vec();
    if reference_date.is_some() {
        resolve(&mut claims, text, reference_date);
    }
    claims
}

/// The calendar date a claim names or resolves to, if it has one.
pub fn date_of(claim: &Claim) -> Option<DateParts> {
    match &claim.quantity {
        Quantity::Date(d) if d.month.is_some() || d.year.is_some() => Some(*d),
        Quantity::Period { to, .. } => Some(*to),
        Quantity::Relative {
            resolved: Some(d), ..
        } => Some(*d),
        _ => None,
    }
}

/// Whole days, months or years of an offset, signed; `None` when it is not a whole number
/// of one of them.
fn signed_offset(quantity: &Quantity) -> Option<(i64, TimeUnit)> {
    let Quantity::Relative {
        amount,
        unit,
        direction,
        ..
    } = quantity
    else {
        return None;
    };
    if !amount.value.fract().is_zero() {
        return None;
    }
    let n = i64::try_from(amount.value.trunc()).ok()?;
    let (n, unit) = match unit {
        TimeUnit::Day | TimeUnit::Month | TimeUnit::Year => (n, *unit),
        TimeUnit::Week => (n.checked_mul(7)?, TimeUnit::Day),
        TimeUnit::Decade => (n.checked_mul(10)?, TimeUnit::Year),
        TimeUnit::Quarter => (n.checked_mul(3)?, TimeUnit::Month),
        TimeUnit::Hour if n % 24 == 0 => (n / 24, TimeUnit::Day),
        _ => return None,
    };
    Some((
        if *direction == Direction::Before {
            -n
        } else {
            n
        },
        unit,
    ))
}

/// Applies an offset to a date. Without a year the result must not depend on one (it may
/// not cross the end of February): it is computed in a leap and a common year and kept
/// only when both agree.
pub fn shift(anchor: DateParts, offset: &Quantity) -> Option<DateParts> {
    let (n, unit) = signed_offset(offset)?;
    if unit == TimeUnit::Year {
        let year = anchor.year?.checked_add(i32::try_from(n).ok()?)?;
        return Some(DateParts {
            year: Some(year),
            weekday: None,
            ..anchor
        });
    }
    let month = anchor.month?;
    let day = anchor.day?;
    let add = |year: i16| -> Option<Date> {
        let start = Date::new(year, month as i8, day as i8).ok()?;
        let span = if unit == TimeUnit::Day {
            n.days()
        } else {
            n.months()
        };
        start.checked_add(span).ok()
    };
    match anchor.year {
        Some(y) => add(i16::try_from(y).ok()?).map(|d| parts_of(d, true)),
        None => {
            let leap = add(2024)?;
            let common = add(2023)?;
            let same = leap.month() == common.month() && leap.day() == common.day();
            let same_year_shift = leap.year() - 2024 == common.year() - 2023;
            (same && same_year_shift).then(|| parts_of(leap, false))
        }
    }
}

/// The civil date of complete parts (`None` for partial or impossible dates).
pub fn civil(d: DateParts) -> Option<Date> {
    let year = i16::try_from(d.year?).ok()?;
    Date::new(
        year,
        i8::try_from(d.month?).ok()?,
        i8::try_from(d.day?).ok()?,
    )
    .ok()
}

/// The parts with `year` filled in where they lack one.
pub fn in_year(d: DateParts, year: i32) -> DateParts {
    DateParts {
        year: d.year.or(Some(year)),
        ..d
    }
}

/// "Monday" for 1 … "Sunday" for 7.
pub fn weekday_word(n: u8) -> &'static str {
    WEEKDAY_NAMES
        .get(usize::from(n.max(1)) - 1)
        .copied()
        .unwrap_or("?")
}

/// 1 = Monday … 7 = Sunday.
pub fn weekday_of(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

/// A date for messages: "December 13", "December 13, 2024", "2017", "May 2025".
pub fn describe(d: DateParts) -> String {
    let month = d
        .month
        .and_then(|m| MONTH_NAMES.get(usize::from(m).checked_sub(1)?))
        .copied();
    match (month, d.day, d.year) {
        (Some(m), Some(day), Some(y)) => format!("{m} {day}, {y}"),
        (Some(m), Some(day), None) => format!("{m} {day}"),
        (Some(m), None, Some(y)) => format!("{m} {y}"),
        (Some(m), None, None) => m.to_string(),
        (None, _, Some(y)) => y.to_string(),
        (None, _, None) => d.timex(),
    }
}

fn parts_of(d: Date, with_year: bool) -> DateParts {
    DateParts {
        year: with_year.then_some(i32::from(d.year())),
        month: Some(d.month() as u8),
        day: Some(d.day() as u8),
        weekday: None,
    }
}

/// "last year" → R's year − 1; "two months ago" → R − 2 months; "yesterday" → R − 1 day.
fn from_reference(claim: &Claim, r: Date) -> Option<DateParts> {
    let Quantity::Relative { unit, .. } = &claim.quantity else {
        return None;
    };
    let today = DateParts {
        year: Some(i32::from(r.year())),
        month: Some(r.month() as u8),
        day: Some(r.day() as u8),
        weekday: None,
    };
    let shifted = shift(today, &claim.quantity)?;
    if claim.kind != Kind::Period {
        return Some(shifted);
    }
    // A calendar unit named as a whole keeps only the parts that name it.
    Some(match unit {
        TimeUnit::Year | TimeUnit::Decade => DateParts {
            month: None,
            day: None,
            ..shifted
        },
        TimeUnit::Month => DateParts {
            day: None,
            ..shifted
        },
        _ => shifted,
    })
}

/// A year-less month and day gets its year from R by the tense of its sentence.
fn date_by_tense(claim: &mut Claim, text: &str, r: Date) {
    let Quantity::Date(d) = &mut claim.quantity else {
        return;
    };
    let (None, Some(m), Some(day)) = (d.year, d.month, d.day) else {
        return;
    };
    let ry = i32::from(r.year());
    let valid = |y: i32| {
        i16::try_from(y)
            .ok()
            .and_then(|y| Date::new(y, m as i8, day as i8).ok())
    };
    let past = (ry - 1..=ry)
        .rev()
        .find_map(|y| valid(y).filter(|x| *x <= r));
    let future = (ry..=ry + 1).find_map(|y| valid(y).filter(|x| *x >= r));
    let chosen = match tense_before(text, claim.span.start) {
        Tense::Past => past,
        Tense::Future => future,
        Tense::Unknown => match (past, future) {
            (Some(p), Some(f)) => {
                let back = r.since(p).ok().map(|s| s.get_days());
                let ahead = f.since(r).ok().map(|s| s.get_days());
                if ahead < back {
                    Some(f)
                } else {
                    Some(p)
                }
            }
            (p, f) => p.or(f),
        },
    };
    if let Some(c) = chosen {
        d.year = Some(i32::from(c.year()));
    }
}

#[derive(Debug, PartialEq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// The tense of the sentence up to a position: "will"/"is set to"/"is due" → future; a
/// past auxiliary or an "-ed" verb → past.
fn tense_before(text: &str, at: usize) -> Tense {
    // A sentence is at most ~1,000 bytes (segment.rs); reading further back on a line
    // without punctuation would make long documents quadratic.
    let from = ceil_char_boundary(text, at.saturating_sub(1_000));
    let head = text.get(from..at).unwrap_or("");
    let start = head
        .rfind(['.', '!', '?', '\n'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let words: Vec<String> = head[start..]
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    const FUTURE: &[&str] = &[
        "will",
        "shall",
        "set",
        "due",
        "scheduled",
        "planned",
        "expected",
    ];
    const PAST: &[&str] = &[
        "was", "were", "had", "did", "said", "began", "took", "met", "left",
    ];
    if words.iter().any(|w| FUTURE.contains(&w.as_str())) {
        return Tense::Future;
    }
    if words
        .iter()
        .any(|w| PAST.contains(&w.as_str()) || w.len() > 3 && w.ends_with("ed"))
    {
        return Tense::Past;
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Document, Format};

    fn claims_of(text: &str, r: Option<Date>) -> Vec<Claim> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let mut claims = crate::extract::extract(&doc);
        resolve(&mut claims, text, r);
        claims
    }

    fn resolved(claims: &[Claim]) -> Vec<String> {
        claims
            .iter()
            .filter_map(|c| match &c.quantity {
                Quantity::Relative {
                    resolved: Some(d), ..
                } => Some(d.timex()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_limit_date_is_not_an_anchor() {
        let text =
            "Prices are the lowest since the autumn of 2021. They were 3% lower a year earlier.";
        assert!(resolved(&claims_of(text, None)).is_empty());
        let text = "It plans 900 homes by 2030. Rents rose 4% from a year earlier.";
        assert!(resolved(&claims_of(text, None)).is_empty());
        let text = "It opened in 2019 and closed a year later.";
        assert_eq!(resolved(&claims_of(text, None)), ["2020"]);
    }

    #[test]
    fn later_counts_from_the_nearest_date() {
        let text = "He was stopped on December 2. Eleven days later he was freed.";
        assert_eq!(resolved(&claims_of(text, None)), ["XXXX-12-13"]);
        let text = "It sank on August 9, 2021 and was raised a week later.";
        assert_eq!(resolved(&claims_of(text, None)), ["2021-08-16"]);
    }

    #[test]
    fn leap_dependence_is_skipped() {
        let text = "It opened on February 27 and closed three days later.";
        assert!(resolved(&claims_of(text, None)).is_empty());
        let text = "It opened on February 27, 2024 and closed three days later.";
        assert_eq!(resolved(&claims_of(text, None)), ["2024-03-01"]);
    }

    #[test]
    fn phrases_are_not_anchored_on_dates() {
        let text = "On May 4 they met. Three days after the vote they left.";
        assert!(resolved(&claims_of(text, None)).is_empty());
    }

    #[test]
    fn reference_date_resolves_tense_and_last_year() {
        let r: Date = "2025-07-10".parse().unwrap();
        let text = "He was arrested on December 2. Last year was calm.";
        let claims = claims_of(text, Some(r));
        assert!(matches!(claims[0].quantity, Quantity::Date(d) if d.timex() == "2024-12-02"));
        assert_eq!(resolved(&claims), ["2024"]);
        let text = "The vote will be held on March 3.";
        let claims = claims_of(text, Some(r));
        assert!(matches!(claims[0].quantity, Quantity::Date(d) if d.timex() == "2026-03-03"));
    }

    #[test]
    fn a_phrase_set_in_another_year_is_not_resolved() {
        let r: Date = "2025-01-13".parse().unwrap();
        let text = "Flu admissions doubled on Monday. In the same week last year there were 60.";
        let dates = resolved(&claims_of(text, Some(r)));
        assert!(!dates.iter().any(|d| d.starts_with("2025")), "{dates:?}");
    }
}
