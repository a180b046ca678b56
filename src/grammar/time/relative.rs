//! Relative dates: "eleven days later", "three days after Trump's meeting", "the next day",
//! "two weeks earlier", "two months ago", "yesterday"; and the calendar offsets that periods
//! and their parts are built on ("last year", "the past two decades").

use super::duration::{amount, offset_time};
use super::{parsed, Res};
use crate::grammar::lex::{fail, kw, kw_any, sp1_no_nnbsp, sp_no_nnbsp};
use crate::grammar::Parsed;
use crate::model::{Direction, Hedge, Kind, Numeral, Quantity, TimeUnit};

/// An offset and its direction, before it becomes a [`Quantity::Relative`].
struct Offset {
    hedge: Hedge,
    amount: Numeral,
    unit: TimeUnit,
    direction: Direction,
    anchored_to_phrase: bool,
}

/// `offset_date = offset_time (" later" | " earlier" | " ago" | " after" [phrase] |
/// " before" [phrase] | " from now" | " hence" | " afterwards") [" " deictic_day]`
fn offset_date(input: &str) -> Res<'_, Offset> {
    let (s, (hedge, amount, _, unit)) = offset_time(input)?;
    let (s, ()) = sp1_no_nnbsp(s)?;
    let (rest, word) = kw_any(
        s,
        &[
            "later",
            "earlier",
            "afterwards",
            "afterward",
            "ago",
            "after",
            "before",
            "hence",
            "prior",
        ],
    )
    .or_else(|_| {
        let (r, ()) = kw(s, "from")?;
        let r = sp_no_nnbsp(r);
        // "three weeks from tomorrow" counts from tomorrow; the deictic day is read below.
        match kw(r, "now") {
            Ok((r2, ())) => Ok((r2, "from now")),
            Err(_) => kw_any(r, &["today", "tomorrow", "yesterday"]).map(|_| (r, "from")),
        }
    })?;
    let direction = match word {
        "earlier" | "ago" | "before" | "prior" => Direction::Before,
        _ => Direction::After,
    };
    let rest = if word == "prior" {
        match kw(sp_no_nnbsp(rest), "to") {
            Ok((r, ())) => r,
            Err(_) => return fail(input),
        }
    } else {
        rest
    };
    // "two days after today" counts from the article's date, like "two days from now".
    let deictic = matches!(word, "after" | "before" | "from now" | "from")
        .then(|| kw_any(sp_no_nnbsp(rest), &["today", "tomorrow", "yesterday"]).ok())
        .flatten();
    if let Some((r, _)) = deictic {
        return Ok((
            r,
            Offset {
                hedge,
                amount,
                unit,
                direction,
                anchored_to_phrase: false,
            },
        ));
    }
    let anchored_to_phrase = matches!(word, "after" | "before" | "prior") && phrase_follows(rest);
    Ok((
        rest,
        Offset {
            hedge,
            amount,
            unit,
            direction,
            anchored_to_phrase,
        },
    ))
}

/// Whether a noun phrase follows "after"/"before" (not a sentence end or a comma).
fn phrase_follows(rest: &str) -> bool {
    sp_no_nnbsp(rest).starts_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '“' | '\''))
}

/// `day_beside_deictic = "the day" (" after tomorrow" | " before yesterday")`: two days
/// from the article's date.
fn day_beside_deictic(input: &str) -> Res<'_, Offset> {
    let (s, ()) = kw(input, "the")?;
    let (s, ()) = kw(sp_no_nnbsp(s), "day")?;
    let (s, w) = kw_any(sp_no_nnbsp(s), &["after", "before"])?;
    let (rest, ()) = kw(
        sp_no_nnbsp(s),
        if w == "after" {
            "tomorrow"
        } else {
            "yesterday"
        },
    )?;
    let direction = if w == "after" {
        Direction::After
    } else {
        Direction::Before
    };
    Ok((rest, one(TimeUnit::Day, direction, 2)))
}

/// `next_day = ["the" " "] ("next" | "following" | "previous" | "preceding" | "same") " "
/// unit | "the day" (" after" | " before")`: "the next day", "the following week".
fn next_day(input: &str) -> Res<'_, Offset> {
    let s = kw(input, "the")
        .map(|(r, ())| sp_no_nnbsp(r))
        .unwrap_or(input);
    let day_after = kw(s, "day").and_then(|(r, ())| {
        let (r2, w) = kw_any(sp_no_nnbsp(r), &["after", "before"])?;
        if phrase_follows(r2) {
            return fail(r2);
        }
        Ok((r2, w))
    });
    if let Ok((rest, w)) = day_after {
        let direction = if w == "after" {
            Direction::After
        } else {
            Direction::Before
        };
        return Ok((rest, one(TimeUnit::Day, direction, 1)));
    }
    let (s, which) = kw_any(s, &["next", "following", "previous", "preceding", "same"])?;
    let (s, ()) = sp1_no_nnbsp(s)?;
    let (rest, unit) = match kw_any(s, &["morning", "evening", "night", "afternoon"]) {
        Ok((r, _)) => (r, TimeUnit::Day),
        Err(_) => {
            let (r, u) = super::lexicon::time_unit(s)?;
            let singular = &s[..s.len() - r.len()];
            if singular.ends_with('s') || matches!(u, TimeUnit::Second | TimeUnit::Minute) {
                return fail(input);
            }
            (r, u)
        }
    };
    let (direction, amount) = match which {
        "next" | "following" => (Direction::After, 1),
        "same" => (Direction::After, 0),
        _ => (Direction::Before, 1),
    };
    Ok((rest, one(unit, direction, amount)))
}

fn one(unit: TimeUnit, direction: Direction, amount: i64) -> Offset {
    Offset {
        hedge: Hedge::None,
        amount: Numeral::integer(amount),
        unit,
        direction,
        anchored_to_phrase: false,
    }
}

/// `deictic_day = "yesterday" | "today" | "tomorrow"`
fn deictic_day(input: &str) -> Res<'_, Offset> {
    let (rest, w) = kw_any(input, &["yesterday", "today", "tomorrow"])?;
    let offset = match w {
        "yesterday" => one(TimeUnit::Day, Direction::Before, 1),
        "today" => one(TimeUnit::Day, Direction::After, 0),
        _ => one(TimeUnit::Day, Direction::After, 1),
    };
    Ok((rest, offset))
}

/// `relative = offset_date | day_beside_deictic | next_day | deictic_day`
pub fn relative(input: &str, _before: &str) -> Option<Parsed> {
    let (rest, o) = offset_date(input)
        .or_else(|_| day_beside_deictic(input))
        .or_else(|_| next_day(input))
        .or_else(|_| deictic_day(input))
        .ok()?;
    let len = input.len() - rest.len();
    Some(parsed(
        len,
        Kind::RelativeDate,
        Quantity::Relative {
            amount: o.amount,
            unit: o.unit,
            direction: o.direction,
            anchored_to_phrase: o.anchored_to_phrase,
            resolved: None,
            anchor: None,
        },
        o.hedge,
    ))
}

/// `calendar_relative = ("last" | "this" | "next" | "past" | "previous" | "coming" | "upcoming" |
/// "current") " " ("year" | "month" | "week" | "decade") | ["the" " "] ("past" | "last" |
/// "previous" | "next") " " amount " " units`: "last year", "the past two decades", "the past three days".
pub fn calendar_relative(input: &str) -> Res<'_, (Numeral, TimeUnit, Direction)> {
    let s = kw(input, "the")
        .map(|(r, ())| sp_no_nnbsp(r))
        .unwrap_or(input);
    let (s, which) = kw_any(
        s,
        &[
            "last", "this", "next", "past", "previous", "coming", "upcoming", "current",
        ],
    )?;
    let which = match which {
        "current" => "this",
        "upcoming" => "coming",
        w => w,
    };
    let (s, ()) = sp1_no_nnbsp(s)?;
    let (s, n, counted) = match amount(s) {
        Ok((r, (n, false))) if which != "this" => (sp1_no_nnbsp(r)?.0, n, true),
        _ => (
            s,
            Numeral::integer(if which == "this" { 0 } else { 1 }),
            false,
        ),
    };
    let (rest, unit) = super::lexicon::time_unit(s)?;
    let calendar_unit = matches!(
        unit,
        TimeUnit::Year | TimeUnit::Month | TimeUnit::Week | TimeUnit::Decade
    );
    if !(calendar_unit || counted && unit == TimeUnit::Day) || rest.starts_with('-') {
        return fail(input);
    }
    let direction = if matches!(which, "next" | "coming") {
        Direction::After
    } else {
        Direction::Before
    };
    Ok((rest, (n, unit, direction)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(text: &str) -> Option<(String, i64, Direction, bool)> {
        let p = relative(text, "")?;
        let Quantity::Relative {
            amount,
            direction,
            anchored_to_phrase,
            ..
        } = p.quantity
        else {
            return None;
        };
        let v = amount.value.try_into().unwrap_or(-1);
        Some((text[..p.len].to_string(), v, direction, anchored_to_phrase))
    }

    #[test]
    fn offsets() {
        let r = rel("eleven days later, he").unwrap();
        assert_eq!(r, ("eleven days later".into(), 11, Direction::After, false));
        let r = rel("three days after the meeting").unwrap();
        assert_eq!(r, ("three days after".into(), 3, Direction::After, true));
        let r = rel("two weeks earlier.").unwrap();
        assert_eq!(r, ("two weeks earlier".into(), 2, Direction::Before, false));
        let r = rel("a week later").unwrap();
        assert_eq!(r.1, 1);
        let r = rel("two days after today").unwrap();
        assert_eq!(
            r,
            ("two days after today".into(), 2, Direction::After, false)
        );
        let r = rel("three weeks from tomorrow.").unwrap();
        assert_eq!(
            r,
            (
                "three weeks from tomorrow".into(),
                3,
                Direction::After,
                false
            )
        );
        assert_eq!(rel("three weeks from Monday"), None);
        let r = rel("1 year 2 months ago").unwrap();
        assert_eq!(
            r,
            ("1 year 2 months ago".into(), 14, Direction::Before, false)
        );
        let r = rel("two months ago").unwrap();
        assert_eq!(r.2, Direction::Before);
    }

    #[test]
    fn next_and_following() {
        assert_eq!(rel("the next day").map(|r| r.1), Some(1));
        assert_eq!(rel("the following morning").map(|r| r.1), Some(1));
        assert_eq!(rel("the day before.").map(|r| r.2), Some(Direction::Before));
        assert_eq!(rel("the day before the vote"), None);
        let r = rel("the day after tomorrow, he").unwrap();
        assert_eq!(
            r,
            ("the day after tomorrow".into(), 2, Direction::After, false)
        );
        assert_eq!(
            rel("the day before yesterday").map(|r| r.2),
            Some(Direction::Before)
        );
        assert_eq!(rel("the next days"), None);
        assert_eq!(rel("the next attack"), None);
    }
}
