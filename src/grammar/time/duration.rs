//! Durations: "13 years", "eleven days", "a decade", "48 hours", "the two-day strike",
//! "half an hour".

use super::lexicon::{small_number_word, time_unit};
use super::{opens, parsed, when, words_before, Res};
use crate::grammar::lex::WordList;
use crate::grammar::lex::{fail, kw, kw_any, sp1_no_nnbsp, sp_no_nnbsp};
use crate::grammar::memo::{self, Slot};
use crate::grammar::Parsed;
use crate::model::{Hedge, Kind, Numeral, Quantity, TimeUnit, Unit, Vague};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::sync::OnceLock;

/// `amount = halves_amount | decimal | small_number_word | "a" | "an"`; the flag says it was
/// "a"/"an".
pub fn amount(input: &str) -> Res<'_, (Numeral, bool)> {
    if let Ok((rest, ())) = kw(input, "a").or_else(|_| kw(input, "an")) {
        return Ok((rest, (Numeral::integer(1), true)));
    }
    if let Ok((rest, n)) = halves_amount(input) {
        return Ok((rest, (n, false)));
    }
    let word = when(opens(input).word, || small_number_word(input));
    let (rest, n) = match word {
        Some((r, v)) => (r, Numeral::exact(Decimal::from(v))),
        None => decimal_amount(input)?,
    };
    if n.decimals == 0 {
        if let Ok((r, ())) = and_a_half(rest) {
            if let Some(v) = n.value.checked_add(Decimal::new(5, 1)) {
                return Ok((r, (Numeral::exact(v), false)));
            }
        }
    }
    Ok((rest, (n, false)))
}

/// `and_a_half = " and" [" a"] " half"`: "two and a half", "an hour and a half".
fn and_a_half(input: &str) -> Res<'_, ()> {
    let (s, ()) = kw(sp1_no_nnbsp(input)?.0, "and")?;
    let s = sp1_no_nnbsp(s)?.0;
    let s = kw(s, "a").map_or(s, |(r, ())| sp_no_nnbsp(r));
    kw(s, "half")
}

/// How many of the next smaller unit make one of this one, where that is exact.
fn smaller_unit(unit: TimeUnit) -> Option<(TimeUnit, i64)> {
    Some(match unit {
        TimeUnit::Century => (TimeUnit::Decade, 10),
        TimeUnit::Decade => (TimeUnit::Year, 10),
        TimeUnit::Year => (TimeUnit::Quarter, 4),
        TimeUnit::Quarter => (TimeUnit::Month, 3),
        TimeUnit::Week => (TimeUnit::Day, 7),
        TimeUnit::Day => (TimeUnit::Hour, 24),
        TimeUnit::Hour => (TimeUnit::Minute, 60),
        TimeUnit::Minute => (TimeUnit::Second, 60),
        _ => return None,
    })
}

/// `amount` in `unit` restated in the smaller unit `to`, when the chain of exact factors
/// reaches it.
fn restate(amount: Decimal, mut unit: TimeUnit, to: TimeUnit) -> Option<Decimal> {
    let mut v = amount;
    while unit != to {
        let (next, factor) = smaller_unit(unit)?;
        v = v.checked_mul(Decimal::from(factor))?;
        unit = next;
    }
    Some(v)
}

/// `compound_time = amount_unit ([","] [" and"] " " (amount_unit | glued_minutes))+ | amount_unit and_a_half`:
/// "1 year 2 months" → 14 months, "an hour and a half" → 1.5 hours; units must shrink and
/// convert exactly (not "a month and 3 days"). Read once per position and start (the
/// duration and the offset of a relative date both begin with it).
fn compound_time(input: &str) -> Res<'_, (Numeral, TimeUnit)> {
    memo::cached(&COMPOUND_TIMES, input, false, compound_time_uncached)
}

fn compound_time_uncached(input: &str) -> Res<'_, (Numeral, TimeUnit)> {
    let (mut s, (first, _, mut unit)) = amount_unit(input)?;
    if let Ok((r, ())) = and_a_half(s) {
        let v = first
            .value
            .checked_add(Decimal::new(5, 1))
            .ok_or_else(|| fail::<()>(input).unwrap_err())?;
        return Ok((r, (Numeral::exact(v), unit)));
    }
    let mut total = first.value;
    let mut parts = 1;
    loop {
        let t = s.strip_prefix(',').unwrap_or(s);
        let t = sp1_no_nnbsp(t).map_or(t, |(r, ())| r);
        let t = kw(t, "and").map_or(t, |(r, ())| sp_no_nnbsp(r));
        if t.len() == s.len() {
            break;
        }
        let Some((r, (n, _, next))) = amount_unit(t)
            .ok()
            .or_else(|| glued_minutes(t, unit).map(|(r, n)| (r, (n, false, TimeUnit::Minute))))
        else {
            break;
        };
        let Some(sum) = restate(total, unit, next).and_then(|v| v.checked_add(n.value)) else {
            break;
        };
        if next == unit {
            break;
        }
        total = sum;
        unit = next;
        parts += 1;
        s = r;
    }
    // A list that goes on in units that do not add up ("3 years, 2 months, 14 days") is read
    // part by part, not half summed.
    let t = s.strip_prefix(',').unwrap_or(s);
    let t = sp1_no_nnbsp(t).map_or(t, |(r, ())| r);
    let t = kw(t, "and").map_or(t, |(r, ())| sp_no_nnbsp(r));
    if parts < 2 || t.len() < s.len() && amount_unit(t).is_ok() {
        return fail(input);
    }
    Ok((s, (Numeral::exact(total), unit)))
}

/// `halves_amount = [digit{1,6}] ("½" | "¼" | "¾") | [digit{1,6} " "] digit "/" ("2" | "4")`:
/// "1½ hours", "2 1/2 years", "1/2 hour", "¾-hour" as news copy writes them. Only halves and
/// quarters, whose decimals are exact; the fraction's decimals are the amount's precision.
fn halves_amount(input: &str) -> Res<'_, Numeral> {
    let int = input.bytes().take_while(u8::is_ascii_digit).count();
    let after = &input[int..];
    let whole = match int {
        // A lone "1/2": its digit is the numerator.
        _ if after.starts_with('/') => 0,
        0 => 0,
        1..=6 => input[..int].parse::<i64>().unwrap_or(0),
        _ => return fail(input),
    };
    // A vulgar fraction sign of halves or quarters ("½", "¼", "¾"): four of it are whole.
    let glued = crate::grammar::fraction::vulgar_fraction(after)
        .ok()
        .filter(|(_, f)| (*f * Decimal::from(4)).fract().is_zero());
    let slashed = || {
        // After a whole number one space comes first.
        let s = if whole == 0 {
            input
        } else {
            after.strip_prefix(' ')?
        };
        let b = s.as_bytes();
        if b.len() < 3 || !b[0].is_ascii_digit() || b[1] != b'/' || !matches!(b[2], b'2' | b'4') {
            return None;
        }
        // "1/20", "1/2/2024": not a half.
        let rest = &s[3..];
        if rest.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
            return None;
        }
        let (_, f) = crate::grammar::fraction::slash_fraction(s).ok()?;
        Some((rest, f))
    };
    let Some((rest, f)) = glued.or_else(slashed) else {
        return fail(input);
    };
    let Some(value) = Decimal::from(whole).checked_add(f) else {
        return fail(input);
    };
    Ok((
        rest,
        Numeral {
            value,
            decimals: f.normalize().scale(),
            scale: Decimal::ONE,
            trailing_zeros: 0,
        },
    ))
}

/// `glued_minutes = digit [digit] "m"`: the minutes of "7h 30m", only after hours (alone,
/// "30m" is thirty metres or millions).
fn glued_minutes(input: &str, after: TimeUnit) -> Option<(&str, Numeral)> {
    if after != TimeUnit::Hour {
        return None;
    }
    let int = input.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&int) {
        return None;
    }
    let (rest, ()) = kw(&input[int..], "m").ok()?;
    let minutes = input[..int].parse::<i64>().ok().filter(|m| *m < 60)?;
    Some((rest, Numeral::integer(minutes)))
}

/// Digits with an optional decimal part ("48", "3.5"); no digit grouping.
fn decimal_amount(input: &str) -> Res<'_, Numeral> {
    let int = input.bytes().take_while(u8::is_ascii_digit).count();
    if int == 0 || int > 6 {
        return fail(input);
    }
    let frac = match input[int..].strip_prefix('.') {
        Some(r) => r.bytes().take_while(u8::is_ascii_digit).count(),
        None => 0,
    };
    let len = if frac > 0 { int + 1 + frac } else { int };
    let rest = &input[len..];
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == ',') {
        return fail(input);
    }
    let Ok(value) = input[..len].parse::<Decimal>() else {
        return fail(input);
    };
    let numeral = if frac > 0 {
        Numeral {
            value,
            decimals: frac as u32,
            scale: Decimal::ONE,
            trailing_zeros: 0,
        }
    } else {
        let Ok(v) = input[..len].parse::<i64>() else {
            return fail(input);
        };
        Numeral::integer(v)
    };
    Ok((rest, numeral))
}

thread_local! {
    static AMOUNT_UNITS: RefCell<Slot<(Numeral, bool, TimeUnit)>> = const { RefCell::new(Slot::new()) };
    static MEASURED_TIMES: RefCell<Slot<(Hedge, Numeral, bool, TimeUnit)>> =
        const { RefCell::new(Slot::new()) };
    static COMPOUND_TIMES: RefCell<Slot<(Numeral, TimeUnit)>> = const { RefCell::new(Slot::new()) };
}

/// `amount_unit = amount (" " [extra_word " "] time_unit | "-" time_unit | glued_unit)`:
/// "13 years", "two more weeks", "two-day", "48h". Read once per position and start (the
/// duration, the relative date and compound times all begin with it).
pub fn amount_unit(input: &str) -> Res<'_, (Numeral, bool, TimeUnit)> {
    memo::cached(&AMOUNT_UNITS, input, false, amount_unit_uncached)
}

fn amount_unit_uncached(input: &str) -> Res<'_, (Numeral, bool, TimeUnit)> {
    let (s, (n, article)) = amount(input)?;
    let glued = !article && input.starts_with(|c: char| c.is_ascii_digit());
    let (s, unit) = match s.strip_prefix('-') {
        Some(r) if !article => time_unit(r)?,
        _ if glued && s.starts_with(char::is_alphabetic) => glued_unit(s)?,
        _ => {
            let s = sp1_no_nnbsp(s)?.0;
            let s = kw_any(s, &["more", "additional", "extra", "further"])
                .map(|(r, _)| sp_no_nnbsp(r))
                .unwrap_or(s);
            time_unit(s)?
        }
    };
    if s.starts_with('-') || kw(sp_no_nnbsp(s), "old").is_ok() {
        // "13-year-old", "13 years old": an age, not a span of time.
        return fail(input);
    }
    if unit == TimeUnit::Quarter && !counts_quarters(input, s) {
        return fail(input);
    }
    Ok((s, (n, article, unit)))
}

/// Whether "quarter(s)" after an amount counts quarters of a year: not a fraction ("a
/// quarter million", "three quarters of voters", "one quarter", "a quarter century") and
/// not a year's quarter ("the 1988 quarter").
fn counts_quarters(input: &str, rest: &str) -> bool {
    let written = &input[..input.len() - rest.len()];
    let plural = written.ends_with(['s', 'S']);
    let fraction_word = kw_any(input, &["a", "an", "one", "three"]).is_ok();
    let next = sp_no_nnbsp(rest);
    let followed = kw_any(
        next,
        &[
            "of", "million", "billion", "trillion", "thousand", "hundred",
        ],
    )
    .is_ok()
        || time_unit(next).is_ok();
    plural && !fraction_word && !followed
}

/// `glued_unit = time_unit | "h"`, written against the digits ("3days", "48h").
fn glued_unit(input: &str) -> Res<'_, TimeUnit> {
    if let Ok((rest, ())) = kw(input, "h") {
        return Ok((rest, TimeUnit::Hour));
    }
    time_unit(input)
}

/// `vague_time = ("a few" | "few" | "several" | "a couple of" | "couple of" | "a handful of") " " units`
pub fn vague_time(input: &str) -> Res<'_, (Vague, TimeUnit)> {
    // Word by word: splitting phrases at every start costs more than matching them.
    const VAGUE: &[(&[&str], Vague)] = &[
        (&["a", "few"], Vague::Few),
        (&["a", "couple", "of"], Vague::Couple),
        (&["couple", "of"], Vague::Couple),
        (&["a", "handful", "of"], Vague::Handful),
        (&["several"], Vague::Several),
        (&["few"], Vague::Few),
    ];
    for (words, vague) in VAGUE {
        let mut s = input;
        let matched = words.iter().all(|w| match kw(s, w) {
            Ok((r, ())) => {
                s = sp_no_nnbsp(r);
                true
            }
            Err(_) => false,
        });
        if !matched {
            continue;
        }
        let (rest, unit) = time_unit(s)?;
        if !s[..s.len() - rest.len()].ends_with(['s', 'S']) {
            return fail(input);
        }
        return Ok((rest, (*vague, unit)));
    }
    fail(input)
}

/// `half_unit = "half" (" a" | " an" | "-" | " ") unit | "a half" " " unit`: "half an hour".
fn half_unit(input: &str) -> Res<'_, (Numeral, bool, TimeUnit)> {
    let s = match kw(input, "a") {
        Ok((r, ())) => sp1_no_nnbsp(r)?.0,
        Err(_) => input,
    };
    let (s, ()) = kw(s, "half")?;
    let s = s.strip_prefix('-').unwrap_or(s);
    let s = sp_no_nnbsp(s);
    let s = kw_any(s, &["an", "a"])
        .map(|(r, _)| sp_no_nnbsp(r))
        .unwrap_or(s);
    let (s, unit) = time_unit(s)?;
    let half = Numeral {
        value: Decimal::new(5, 1),
        decimals: 1,
        scale: Decimal::ONE,
        trailing_zeros: 0,
    };
    Ok((s, (half, false, unit)))
}

/// "another week" (one more), "a fortnight" (two weeks).
fn another_or_fortnight(input: &str) -> Res<'_, (Numeral, TimeUnit)> {
    if let Ok((r, ())) = kw(input, "another") {
        let (rest, unit) = time_unit(sp1_no_nnbsp(r)?.0)?;
        return Ok((rest, (Numeral::integer(1), unit)));
    }
    let (r, ()) = kw(input, "a")?;
    let (rest, ()) = kw(sp1_no_nnbsp(r)?.0, "fortnight")?;
    Ok((rest, (Numeral::integer(2), TimeUnit::Week)))
}

/// Hedges a duration or offset may carry, longest first.
pub fn time_hedge(input: &str) -> (&str, Hedge) {
    const HEDGES: &[(&str, Hedge)] = &[
        ("more than", Hedge::MoreThan),
        ("less than", Hedge::FewerThan),
        ("fewer than", Hedge::FewerThan),
        ("at least", Hedge::AtLeast),
        ("at most", Hedge::AtMost),
        ("up to", Hedge::UpTo),
        ("approximately", Hedge::Approximately),
        ("roughly", Hedge::Approximately),
        ("about", Hedge::Approximately),
        ("around", Hedge::Approximately),
        ("nearly", Hedge::Nearly),
        ("almost", Hedge::Nearly),
        ("over", Hedge::MoreThan),
        ("exactly", Hedge::Exactly),
    ];
    // Called at every start by several productions: only the hedges that begin with the
    // input's first word are tried, none before a digit.
    if !opens(input).word {
        return (input, Hedge::None);
    }
    static INDEX: OnceLock<WordList<Hedge>> = OnceLock::new();
    let index = INDEX.get_or_init(|| WordList::new(HEDGES.to_vec()));
    for (words, hedge) in index.candidates(input) {
        let mut s = input;
        let mut ok = true;
        for w in words.split(' ') {
            match kw(s, w) {
                Ok((r, ())) => s = sp_no_nnbsp(r),
                Err(_) => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && s.len() < input.len() {
            return (s, *hedge);
        }
    }
    (input, Hedge::None)
}

/// `measured_time = [time_hedge] (amount_unit | half_unit)`, shared with relative dates
/// (and so read once per position and start). `hedged` is `time_hedge(input)`, which every
/// caller has read already.
fn measured_time<'a>(
    input: &'a str,
    hedged: (&'a str, Hedge),
) -> Res<'a, (Hedge, Numeral, bool, TimeUnit)> {
    memo::cached(&MEASURED_TIMES, input, false, |_| {
        let (s, hedge) = hedged;
        let (rest, (n, article, unit)) = amount_unit(s).or_else(|_| half_unit(s))?;
        Ok((rest, (hedge, n, article, unit)))
    })
}

/// `offset_time = [time_hedge] compound_time | measured_time`: the length of an offset ("1
/// year 2 months ago").
pub fn offset_time(input: &str) -> Res<'_, (Hedge, Numeral, bool, TimeUnit)> {
    let (s, hedge) = time_hedge(input);
    if let Ok((r, ())) = kw(s, "a") {
        // "a fortnight later": two weeks.
        if let Ok((rest, ())) = sp1_no_nnbsp(r).and_then(|(r, ())| kw(r, "fortnight")) {
            return Ok((rest, (hedge, Numeral::integer(2), false, TimeUnit::Week)));
        }
    }
    match compound_time(s) {
        Ok((rest, (n, unit))) => Ok((rest, (hedge, n, false, unit))),
        Err(_) => measured_time(input, (s, hedge)),
    }
}

/// Whether a duration follows another in a list ("2 months, 14 days"): then it is not the
/// start of a compound.
fn continues_a_list(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.strip_suffix("and").map_or(t, str::trim_end);
    let Some(t) = t.strip_suffix(',') else {
        return false;
    };
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    time_unit(last).is_ok_and(|(rest, _)| rest.is_empty())
}

/// "a year" after a count or "once" is a rate ("38 attacks a year", "twice a day").
fn is_rate_context(before: &str) -> bool {
    let Some(prev) = words_before(before, 1).pop() else {
        return false;
    };
    let prev = prev.trim_end_matches(|c: char| c.is_ascii_punctuation());
    matches!(prev, "once" | "twice" | "times" | "per" | "each" | "every")
        || prev.contains(|c: char| c.is_ascii_digit())
        || small_number_word(prev).is_ok_and(|(rest, _)| rest.is_empty())
        || prev.len() > 3 && prev.ends_with('s') && !prev.ends_with("ss")
}

/// `duration = compound_time | measured_time | vague_time | "another" " " time_unit | "a fortnight"`:
/// "13 years", "a decade", "the two-day strike", "several weeks".
pub fn duration(input: &str, before: &str) -> Option<Parsed> {
    let word = opens(input).word;
    if let Some((rest, (vague, unit))) = when(word, || vague_time(input)) {
        let mut p = parsed(
            input.len() - rest.len(),
            Kind::Duration,
            Quantity::Vague(vague),
            Hedge::None,
        );
        p.unit = Some(Unit::Time(unit));
        return Some(p);
    }
    if let Some((rest, (amount, unit))) = when(word, || another_or_fortnight(input)) {
        return Some(parsed(
            input.len() - rest.len(),
            Kind::Duration,
            Quantity::Duration { amount, unit },
            Hedge::None,
        ));
    }
    let (after_hedge, hedge) = time_hedge(input);
    let compound = compound_time(after_hedge)
        .ok()
        .filter(|_| !continues_a_list(before));
    if let Some((rest, (amount, unit))) = compound {
        return Some(parsed(
            input.len() - rest.len(),
            Kind::Duration,
            Quantity::Duration { amount, unit },
            hedge,
        ));
    }
    let (rest, (hedge, amount, article, unit)) = measured_time(input, (after_hedge, hedge)).ok()?;
    if article && hedge == Hedge::None && is_rate_context(before) {
        return None;
    }
    // "a second vote", "forty-second": the ordinal, not a unit of time.
    let written = &input[..input.len() - rest.len()];
    let word_amount = !written.starts_with(|c: char| c.is_ascii_digit());
    if word_amount && unit == TimeUnit::Second && written.to_ascii_lowercase().ends_with("second") {
        return None;
    }
    let len = input.len() - rest.len();
    Some(parsed(
        len,
        Kind::Duration,
        Quantity::Duration { amount, unit },
        hedge,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dur(text: &str, at: usize) -> Option<(String, String, &'static str)> {
        let p = duration(&text[at..], &text[..at])?;
        let Quantity::Duration { amount, unit } = p.quantity else {
            return None;
        };
        Some((
            text[at..at + p.len].to_string(),
            amount.value.normalize().to_string(),
            unit.as_str(),
        ))
    }

    fn d(a: &str, v: &str, u: &'static str) -> Option<(String, String, &'static str)> {
        Some((a.to_string(), v.to_string(), u))
    }

    #[test]
    fn amounts_and_units() {
        assert_eq!(dur("After 13 years of war", 6), d("13 years", "13", "year"));
        assert_eq!(dur("for eleven days", 4), d("eleven days", "11", "day"));
        assert_eq!(dur("took a decade", 5), d("a decade", "1", "decade"));
        assert_eq!(dur("within 48 hours", 7), d("48 hours", "48", "hour"));
        assert_eq!(dur("the two-day strike", 4), d("two-day", "2", "day"));
        assert_eq!(dur("a six-month pause", 2), d("six-month", "6", "month"));
        assert_eq!(dur("for half an hour", 4), d("half an hour", "0.5", "hour"));
        assert_eq!(dur("for 3.5 years", 4), d("3.5 years", "3.5", "year"));
        assert_eq!(dur("within 48h of", 7), d("48h", "48", "hour"));
        assert_eq!(dur("two more weeks", 0), d("two more weeks", "2", "week"));
        assert_eq!(
            dur("for another month", 4),
            d("another month", "1", "month")
        );
        let p = duration("several weeks of talks", "").unwrap();
        assert_eq!(
            (p.len, p.unit),
            ("several weeks".len(), Some(Unit::Time(TimeUnit::Week)))
        );
        assert!(duration("several week", "").is_none());
    }

    #[test]
    fn halves_and_quarters_written_with_signs_or_slashes() {
        assert_eq!(
            dur("The hearing ran 1½ hours.", 16),
            d("1½ hours", "1.5", "hour")
        );
        assert_eq!(
            dur("after 2 1/2 years in office", 6),
            d("2 1/2 years", "2.5", "year")
        );
        assert_eq!(dur("a 1/2 hour walk", 2), d("1/2 hour", "0.5", "hour"));
        assert_eq!(dur("the 3¾-hour flight", 4), d("3¾-hour", "3.75", "hour"));
        let p = duration("1½ days", "").unwrap();
        let Quantity::Duration { amount, .. } = p.quantity else {
            panic!("{p:?}");
        };
        assert_eq!(amount.decimals, 1);
        // Not halves: a date, thirds, a longer denominator.
        assert_eq!(dur("on 1/2/2024 days", 3), None);
        assert_eq!(dur("1/3 hour", 0), None);
        assert_eq!(dur("1⅓ hours", 0), None);
        assert_eq!(dur("⅛ hour", 0), None);
        assert_eq!(dur("1/20 hours", 0), None);
        assert_eq!(dur("2 1/24 hours", 0), None);
    }

    #[test]
    fn hours_and_glued_minutes() {
        assert_eq!(
            dur("finished in 7h 30m, a record", 12),
            d("7h 30m", "450", "minute")
        );
        assert_eq!(dur("a 30m drop", 2), None);
        assert_eq!(dur("3 days 30m", 0), d("3 days", "3", "day"));
        assert_eq!(dur("2h 75m", 0), d("2h", "2", "hour"));
    }

    #[test]
    fn not_durations() {
        assert_eq!(dur("a 13-year-old boy", 2), None);
        assert_eq!(dur("he is 40 years old", 6), None);
        assert_eq!(dur("38 attacks a year", 11), None);
        assert_eq!(dur("twice a day", 6), None);
        assert_eq!(dur("three a month", 6), None);
        assert_eq!(dur("earns $5 a day", 9), None);
        assert_eq!(dur("a second vote", 0), None);
        assert_eq!(dur("the forty-second floor", 4), None);
        assert_eq!(
            dur("thirty seconds", 0),
            d("thirty seconds", "30", "second")
        );
        assert_eq!(dur("one sec", 0), d("one sec", "1", "second"));
        assert_eq!(dur("for years", 4), None);
    }

    #[test]
    fn quarters_and_compounds() {
        assert_eq!(
            dur("for 3 quarters running", 4),
            d("3 quarters", "3", "quarter")
        );
        assert_eq!(dur("three quarters of them", 0), None);
        assert_eq!(dur("a quarter century", 0), None);
        assert_eq!(dur("a quarter million", 0), None);
        assert_eq!(dur("three quarters", 0), None);
        assert_eq!(dur("the 1988 quarter", 4), None);
        assert_eq!(dur("two quarters", 0), d("two quarters", "2", "quarter"));
        assert_eq!(
            dur("3 years, 2 months, 14 days", 0),
            d("3 years", "3", "year")
        );
        assert_eq!(
            dur("for 1 year 2 months", 4),
            d("1 year 2 months", "14", "month")
        );
        assert_eq!(
            dur("for 2 hours and 15 minutes", 4),
            d("2 hours and 15 minutes", "135", "minute")
        );
        assert_eq!(
            dur("an hour and a half", 0),
            d("an hour and a half", "1.5", "hour")
        );
        assert_eq!(
            dur("two and a half days", 0),
            d("two and a half days", "2.5", "day")
        );
        // A month has no fixed number of days: the parts stay apart.
        assert_eq!(dur("a month and 3 days", 0), d("a month", "1", "month"));
    }

    #[test]
    fn hedged() {
        let p = duration("nearly two weeks", "").unwrap();
        assert_eq!(p.hedge, Hedge::Nearly);
        assert_eq!(p.len, "nearly two weeks".len());
    }
}
