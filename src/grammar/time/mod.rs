//! Time expressions: years, dates, periods, durations and relative dates (`claims.ebnf`,
//! section "time").
//!
//! Values are [`DateParts`] with unknown parts left empty (TIMEX `XXXX`). Representation of
//! expressions that only make sense against the date the article speaks from ("last year",
//! "this month", "the past two decades", "two months ago", "yesterday"): they keep their offset
//! as a [`Quantity::Relative`] with `anchored_to_phrase = false` — kind `period` for calendar
//! units named as a whole ("last year"), kind `relative_date` for the rest — and
//! [`is_deictic`] tells them apart from offsets that anchor on a date in the text
//! ("eleven days later"). `crate::extract::resolve` fills their `resolved` date once a reference
//! date is known.

mod date;
mod duration;
mod lexicon;
mod part;
mod period;
mod relative;
mod start;
mod year;

use super::lex::{fail, sp_no_nnbsp};
use super::Parsed;
use crate::model::{ceil_char_boundary, Claim, DateParts, Flags, Hedge, Kind, Quantity, Unit};
use nom::IResult;

type Res<'a, T> = IResult<&'a str, T>;

/// Words at which a time expression may start or which it must contain (besides digits and
/// the forms of the time lexicon: months, weekdays, units).
const KEYWORD_ANCHORS: &[&str] = &[
    "midyear",
    "yesterday",
    "today",
    "tomorrow",
    "fortnight",
    "half",
    "q1",
    "q2",
    "q3",
    "q4",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "weekend",
    "noughties",
];

/// Words at which a time expression may start or which it must contain (besides digits).
pub fn anchors() -> Vec<&'static str> {
    let mut words = lexicon::all_forms();
    words.extend_from_slice(KEYWORD_ANCHORS);
    words.extend_from_slice(&part::DECADE_WORDS);
    words
}

/// The parts a claim of one of the time kinds speaks of, as a [`Parsed`].
fn parsed(len: usize, kind: Kind, quantity: Quantity, hedge: Hedge) -> Parsed {
    let unit = match &quantity {
        Quantity::Duration { unit, .. } | Quantity::Relative { unit, .. } => {
            Some(Unit::Time(*unit))
        }
        _ => None,
    };
    Parsed {
        len,
        kind,
        quantity,
        hedge,
        unit,
        flags: Flags::default(),
    }
}

/// Parses the longest time expression starting at byte `at` of `text`. Returns `None` where
/// the number grammar should read the text instead ("2000 troops").
pub fn claim_at(text: &str, at: usize) -> Option<Parsed> {
    let before = text.get(..at)?;
    let input = &text[at..];
    if glued_to_previous_token(before) || !start::may_begin(input) {
        return None;
    }
    longest_production(input, before)
}

/// The longest parse of any time production at the start of `input`.
fn longest_production(input: &str, before: &str) -> Option<Parsed> {
    let dated = !start::opens_a_length(input);
    // The longest wins; on a tie the earlier production (period before date before year).
    // Kept as we go rather than collected and compared: a `Parsed` is large, and moving
    // every production's result around would cost more than most failing starts spend
    // parsing.
    let mut best = None;
    if dated {
        keep_longer(&mut best, period::period(input, before));
        keep_longer(&mut best, date::date(input, before));
    }
    keep_longer(&mut best, relative::relative(input, before));
    keep_longer(&mut best, duration::duration(input, before));
    keep_longer(&mut best, year::year(input, before));
    best
}

/// Replaces `best` by a non-empty `candidate` strictly longer than it.
fn keep_longer(best: &mut Option<Parsed>, candidate: Option<Parsed>) {
    let Some(p) = candidate else { return };
    if p.len > best.as_ref().map_or(0, |b| b.len) {
        *best = Some(p);
    }
}

/// Which kinds of production may match at a start, read off its first byte. Every keyword,
/// lexicon word and quarter code ("Q3") begins with an ASCII letter and every number with an
/// ASCII digit, so a production that must open with one is skipped where the other stands
/// ("the" cannot open "2024", a day number cannot open "the").
#[derive(Clone, Copy)]
struct Opens {
    word: bool,
    number: bool,
}

fn opens(input: &str) -> Opens {
    #[cfg(test)]
    if tests::UNGATED.with(std::cell::Cell::get) {
        return Opens {
            word: true,
            number: true,
        };
    }
    let first = input.as_bytes().first();
    Opens {
        word: first.is_some_and(u8::is_ascii_alphabetic),
        number: first.is_some_and(u8::is_ascii_digit),
    }
}

/// `parse()` where the start `opens` as it must, else nothing: one gated alternative of a
/// longest match.
fn when<'a, T>(opens: bool, parse: impl FnOnce() -> Res<'a, T>) -> Option<(&'a str, T)> {
    if opens {
        parse().ok()
    } else {
        None
    }
}

/// A position inside a token ("F-16", "v2.2024", "a1") cannot start a time expression.
fn glued_to_previous_token(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('-' | '/' | '.' | ',' | ':') => rev.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// Whether a claim's offset counts from the article's own date rather than from a date in the
/// text ("last year", "two months ago", "yesterday").
pub fn is_deictic(claim: &Claim, text: &str) -> bool {
    if !matches!(claim.quantity, Quantity::Relative { .. }) {
        return false;
    }
    if claim.kind == Kind::Period {
        return true;
    }
    let written = claim.span.text(text).as_bytes();
    ["ago", "from now", "hence", "yesterday", "today", "tomorrow"]
        .iter()
        .any(|w| {
            written.len() >= w.len()
                && written[written.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
        })
}

/// A dash between range ends: hyphen, en dash or em dash, optionally spaced.
fn dash(input: &str) -> Res<'_, ()> {
    let s = sp_no_nnbsp(input);
    let rest = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('–'))
        .or_else(|| s.strip_prefix('—'));
    match rest {
        Some(r) => Ok((sp_no_nnbsp(r), ())),
        None => fail(input),
    }
}

/// The last `n` words before a position, lower case, nearest last ("'s" and punctuation
/// dropped).
fn words_before(before: &str, n: usize) -> Vec<String> {
    // A few words lie within 256 bytes; looking for the line start further back would make
    // a long line without breaks quadratic.
    let from = ceil_char_boundary(before, before.len().saturating_sub(256));
    let line = before[from..].rsplit('\n').next().unwrap_or("");
    let mut words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(|w| w.to_lowercase())
        .collect();
    words.reverse();
    words
}

/// The word right before a position, lower case, or "" at the start of a line.
fn word_before(before: &str) -> String {
    words_before(before, 1).pop().unwrap_or_default()
}

/// Whether the word before ends a sentence or the text starts here.
fn at_sentence_start(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\t']);
    t.is_empty() || t.ends_with(['\n', '.', '!', '?', ':', '"', '“', '”'])
}

/// A date built from its parts.
fn date_parts(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> DateParts {
    DateParts {
        year,
        month,
        day,
        weekday: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Set, every production is tried wherever it opens (see [`opens`]).
        pub(super) static UNGATED: Cell<bool> = const { Cell::new(false) };
    }

    /// Over every token start of the test fixtures, the productions gated by their first
    /// byte parse exactly what the ungated ones do: the gates skip only what cannot match.
    #[test]
    fn gated_productions_parse_as_the_ungated_ones() {
        let parse = |text: &str, at: usize, ungated: bool| {
            UNGATED.with(|u| u.set(ungated));
            let _session = crate::grammar::memo::Session::start();
            let (before, input) = text.split_at(at);
            longest_production(input, before)
        };
        let mut parsed = 0;
        for (path, text) in crate::fixture_texts::all() {
            for at in crate::fixture_texts::token_starts(&text) {
                let gated = parse(&text, at, false);
                let ungated = parse(&text, at, true);
                assert_eq!(gated, ungated, "{}: at {at}", path.display());
                parsed += usize::from(gated.is_some());
            }
        }
        UNGATED.with(|u| u.set(false));
        assert!(parsed > 500, "only {parsed} starts parsed");
    }

    #[test]
    fn inside_a_token_is_not_a_start() {
        assert!(claim_at("F-2016", 2).is_none());
        assert!(claim_at("in 2016", 3).is_some());
    }
}
