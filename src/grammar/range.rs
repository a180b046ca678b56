//! Ranges (semantics.md §5): "1,500–3,000", "1,500 to 3,000", "between 1,500 and 3,000",
//! "from 1,500 to 3,000", "two or three", "between $26 and $31 million". A scale, unit or
//! currency written once applies to both ends. Scores ("won 3–1", "a 5–4 vote") are cut.

use super::context::Before;
use super::lex::{self, cut, fail, ChangeReading};
use super::{hedge, numeral, Expr};
use crate::model::{Hedge, Kind, Numeral, Quantity};
use nom::IResult;
use rust_decimal::Decimal;

/// Words around a dashed pair that make it a score or a vote tally.
const SCORE_BEFORE: &[&str] = &[
    "won", "win", "wins", "lost", "lose", "loses", "beat", "beats", "defeated", "drew", "tied",
    "trailed", "led", "leads", "trailing", "leading", "score", "scored", "voted",
];
const SCORE_AFTER: &[&str] = &[
    "win",
    "victory",
    "defeat",
    "loss",
    "vote",
    "votes",
    "decision",
    "lead",
    "ruling",
    "margin",
    "draw",
    "tie",
    "score",
    "scoreline",
    "majority",
    "verdict",
    "split",
    "record",
];

/// Words earlier in the clause that make a later high-to-low pair a score: "won the opening
/// game of the series 112-99", "lead the Capitals 2-1".
const SCORE_IN_CLAUSE: &[&str] = &[
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loses",
    "losing",
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeating",
    "drew",
    "tied",
    "trailed",
    "trail",
    "trails",
    "trailing",
    "led",
    "lead",
    "leads",
    "leading",
    "outscored",
    "outscoring",
    "scored",
];

/// Words shortly after a high-to-low pair that make it a score or a season record:
/// "31-10 this season", "3-1 in the series", "21-17 at half-time".
const SCORE_NEAR_AFTER: &[&str] = &[
    "season",
    "series",
    "record",
    "game",
    "games",
    "match",
    "half-time",
    "halftime",
    "quarter",
    "innings",
    "overtime",
    "lead",
    "win",
    "victory",
    "defeat",
    "loss",
];

/// Nouns that name a series of games; a pair right after one is a series score (the grammar
/// keeps it a pair, and NUM-SERIES-SCORE reads it).
pub const SERIES_NOUNS: &[&str] = &[
    "series",
    "final",
    "finals",
    "playoff",
    "playoffs",
    "semifinal",
    "semifinals",
    "semi-final",
    "semi-finals",
    "quarterfinal",
    "quarterfinals",
    "quarter-final",
    "quarter-finals",
];

/// "the series 3–1", "the final 4–2", "a 3–1 series lead": a pair right after or before a
/// series noun stays a pair, because NUM-SERIES-SCORE reads it against the game number and
/// the series length.
fn is_series_score(before: &Before, rest: &str) -> bool {
    let next_word = rest
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    before.word_is(SERIES_NOUNS) || next_word.is_some_and(|w| w.eq_ignore_ascii_case("series"))
}

/// A pair of bare whole numbers below 1,000, written high-to-low (or level) with a dash and
/// no unit, in a clause about winning or leading, or followed closely by a game word, is a
/// score or a record: news writes ranges low-to-high and scores winner first.
fn score_in_clause(a: &Expr, b: &Expr, before: &Before, rest: &str) -> bool {
    let whole =
        |n: &Numeral| n.decimals == 0 && n.value >= Decimal::ZERO && n.value < Decimal::from(1000);
    let (Some(x), Some(y)) = (point(a), point(b)) else {
        return false;
    };
    // Series wins are few; "of the series 112-99" is a game's score.
    let few = |n: &Numeral| n.value <= Decimal::from(20);
    if few(x) && few(y) && is_series_score(before, rest) {
        return false;
    }
    if !(whole(x) && whole(y) && x.value >= y.value && a.unit.is_none() && b.unit.is_none()) {
        return false;
    }
    let near_after = rest
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .any(|w| SCORE_NEAR_AFTER.iter().any(|s| w.eq_ignore_ascii_case(s)));
    near_after || before.clause_has(SCORE_IN_CLAUSE, 10)
}

/// `dash = [" "] ("–" | "-" | "—") [" "]`
fn dash(input: &str) -> Option<(&str, bool)> {
    let s = lex::sp(input);
    let spaced = s.len() < input.len();
    let r = s
        .strip_prefix('–')
        .or_else(|| s.strip_prefix('-'))
        .or_else(|| s.strip_prefix('—'))?;
    let r2 = lex::sp(r);
    Some((r2, spaced || r2.len() < r.len()))
}

fn point(e: &Expr) -> Option<&Numeral> {
    match &e.quantity {
        Quantity::Point(n) => Some(n),
        _ => None,
    }
}

/// "paid $2 million to 450 families": a scale word on the first end only, with a smaller
/// second end, is an amount and its recipients. A range writes its scale once after the
/// second end ("$2 to 3 million") or on both.
fn scale_on_first_end_only(a: &Expr, b: &Expr) -> bool {
    match (point(a), point(b)) {
        (Some(x), Some(y)) => {
            x.scale > Decimal::ONE && y.scale == Decimal::ONE && y.value < x.value
        }
        _ => false,
    }
}

fn is_small_integer(n: &Numeral) -> bool {
    n.decimals == 0 && n.value >= Decimal::ZERO && n.value < Decimal::from(100)
}

/// Joins two ends, sharing a unit, currency or scale written only on one of them.
fn join(first: Expr, second: Expr) -> Option<Expr> {
    let (mut a, b) = (point(&first)?.clone(), point(&second)?.clone());
    // "from 20 percent in 2010 to 12 percent": a bare year is no end of a range of
    // percentages or measures; the unit on the second end belongs to another value.
    let year = |n: &Numeral| {
        n.decimals == 0
            && n.scale == Decimal::ONE
            && n.value >= Decimal::from(1800)
            && n.value <= Decimal::from(2100)
    };
    if first.unit.is_none() && second.unit.is_some() && year(&a) && !year(&b) {
        return None;
    }
    let mut flags = first.flags;
    flags.malformed |= second.flags.malformed;
    flags.too_large |= second.flags.too_large;
    let unit = match (&first.unit, &second.unit) {
        (Some(x), Some(y)) if x != y => return None,
        // A unit written once ("5 to 7%", "8- to 16-foot") is ordinary style; only a shared
        // scale word is worth a note (NUM-MALFORMED).
        (None, Some(_)) => second.unit,
        // "14% to 3.9 billion" is a change and its result, not a range of percentages.
        (Some(_), None) if first.kind != Kind::Money => return None,
        _ => first.unit,
    };
    let kind = match (first.kind, second.kind) {
        (x, y) if x == y => x,
        (Kind::Number, y) => y,
        (x, Kind::Number) => x,
        _ => return None,
    };
    // "between $26 and $31 million": the scale word written once covers both ends.
    if b.scale > Decimal::ONE
        && a.scale == Decimal::ONE
        && a.value.abs() < Decimal::from(1000)
        && b.value
            .checked_div(b.scale)
            .is_some_and(|m| a.value.abs() <= m.abs() * Decimal::TEN)
    {
        a.value = a.value.checked_mul(b.scale)?;
        a.scale = b.scale;
        flags.scale_ellipsis = true;
    }
    let mut expr = Expr::new(
        kind,
        Quantity::Range {
            first: a,
            second: b,
        },
    );
    expr.unit = unit;
    expr.flags = flags;
    Some(expr)
}

/// An approximating hedge before a range's end ("about"), which makes the whole range
/// approximate; bounds ("more than") are not read here.
fn approximate_end(input: &str) -> (&str, bool) {
    match hedge::hedge_prefix(input) {
        Ok((r, h)) if h.is_approximate() => (r, true),
        _ => (input, false),
    }
}

/// `between_range = "between " [approx] quantity " and " [approx] quantity`: "between 2 kg and
/// about 7 kg" is approximate as a whole.
pub fn between_range(input: &str) -> IResult<&str, Expr> {
    let Some(r) = lex::word(input, "between").and_then(lex::sp1) else {
        return fail(input);
    };
    let (r, approx_a) = approximate_end(r);
    let (r, a) = numeral::quantity(r)?;
    let Some(r) = lex::sp1(r)
        .and_then(|s| lex::word(s, "and"))
        .and_then(lex::sp1)
    else {
        return fail(input);
    };
    let (r, approx_b) = approximate_end(r);
    let (r, b) = numeral::quantity(r)?;
    match join(a, b) {
        Some(mut e) => {
            if approx_a || approx_b {
                e.hedge = Hedge::Approximately;
            }
            Ok((r, e))
        }
        None => fail(input),
    }
}

/// `from_range = "from " quantity (" to " | dash) quantity`, unless a change verb governs it.
pub fn from_range<'a>(input: &'a str, before: &Before) -> IResult<&'a str, Expr> {
    let Some(r) = lex::word(input, "from").and_then(lex::sp1) else {
        return fail(input);
    };
    if before.word_is(lex::change_words(ChangeReading::From)) {
        return fail(input);
    }
    let (r, a) = numeral::quantity(r)?;
    let r = match lex::sp1(r)
        .and_then(|s| lex::word(s, "to"))
        .and_then(lex::sp1)
    {
        Some(r) => r,
        None => match dash(r) {
            Some((r, _)) => r,
            None => return fail(input),
        },
    };
    let (r, b) = numeral::quantity(r)?;
    match join(a, b) {
        Some(e) => Ok((r, e)),
        None => fail(input),
    }
}

/// `bare_range = quantity (dash | " to " | " or ") quantity`. "or" joins only rising whole
/// numbers ("two or three"); a dashed pair of small numbers beside a score word is cut.
pub fn bare_range<'a>(input: &'a str, before: &Before) -> IResult<&'a str, Expr> {
    // After "from" the range was the whole "from A to B" phrase, or it is a change.
    if before.word_is(&["from"]) {
        return fail(input);
    }
    let (r, a) = numeral::quantity(input)?;
    if let Some((after, spaced)) = dash(r) {
        if let Ok((rest, b)) = numeral::quantity(after) {
            let (na, nb) = (point(&a), point(&b));
            let small_pair = na.is_some_and(is_small_integer)
                && nb.is_some_and(is_small_integer)
                && a.unit.is_none()
                && b.unit.is_none();
            let next = lex::sp1(rest).map(|s| Before {
                word: s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
                ..Before::default()
            });
            // "a vote of 7-2": small whole numbers dashed high-to-low are how news writes
            // scores and tallies, whatever the words around them.
            let descending = matches!((na, nb), (Some(x), Some(y)) if x.value > y.value);
            if small_pair
                && !is_series_score(before, rest)
                && ((!spaced && descending)
                    || before.word_is(SCORE_BEFORE)
                    || next.is_some_and(|n| n.word_is(SCORE_AFTER)))
            {
                return cut(input);
            }
            if score_in_clause(&a, &b, before, rest) {
                return cut(input);
            }
            // "2013-14" is a fiscal year, left to the time grammar.
            let fiscal = super::fraction::looks_like_year(input)
                && after.len() >= 2
                && after.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && !after.as_bytes().get(2).is_some_and(u8::is_ascii_digit);
            if fiscal {
                return cut(input);
            }
            // "555-1234", "12-02-2024", "1995-01": codes and dates, not ranges.
            let more = dash(rest).is_some_and(|(s, _)| s.starts_with(|c: char| c.is_ascii_digit()))
                || (after.starts_with('0') && after[1..].starts_with(|c: char| c.is_ascii_digit()));
            // "7-Eleven": digits dashed to a word are a name.
            let mixed = !spaced
                && input.starts_with(|c: char| c.is_ascii_digit())
                && after.starts_with(|c: char| c.is_alphabetic());
            if more || mixed || (!spaced && rest.starts_with(|c: char| c.is_alphabetic())) {
                return cut(input);
            }
            if let Some(e) = join(a.clone(), b) {
                return Ok((rest, e));
            }
        }
        if !r.starts_with('-') {
            return fail(input);
        }
    }
    // "8- to 16-metre": the first end's hyphen is suspended.
    let r: &str = r
        .strip_prefix('-')
        .filter(|s| lex::sp1(s).is_some())
        .unwrap_or(r);
    let Some(s) = lex::sp1(r) else {
        return fail(input);
    };
    // "rose 14% to 3.9 billion": after a change verb "to" introduces the result.
    let to = ["to", "through", "thru"]
        .iter()
        .filter(|_| !before.word_is(lex::change_words(ChangeReading::From)))
        .find_map(|w| lex::word(s, w));
    if let Some(after) = to.and_then(lex::sp1) {
        let (rest, b) = numeral::quantity(after)?;
        if scale_on_first_end_only(&a, &b) {
            return fail(input);
        }
        // "voted 7 to 2": a tally.
        let small = |e: &Expr| point(e).is_some_and(is_small_integer) && e.unit.is_none();
        if before.word_is(SCORE_BEFORE) && small(&a) && small(&b) {
            return cut(input);
        }
        return match join(a, b) {
            Some(e) => Ok((rest, e)),
            None => fail(input),
        };
    }
    if let Some(after) = lex::word(s, "or").and_then(lex::sp1) {
        let (rest, b) = numeral::quantity(after)?;
        let rising = match (point(&a), point(&b)) {
            (Some(x), Some(y)) => x.decimals == 0 && y.decimals == 0 && x.value < y.value,
            _ => false,
        };
        if rising && a.kind == Kind::Number && b.kind == Kind::Number {
            if let Some(e) = join(a, b) {
                return Ok((rest, e));
            }
        }
    }
    fail(input)
}

/// `range = between_range | from_range | bare_range`
pub fn range<'a>(input: &'a str, before: &Before) -> IResult<&'a str, Expr> {
    match between_range(input) {
        Err(nom::Err::Error(_)) => {}
        other => return other,
    }
    match from_range(input, before) {
        Err(nom::Err::Error(_)) => {}
        other => return other,
    }
    bare_range(input, before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(input: &str, before: &str) -> Option<(String, String, &'static str)> {
        let b = Before {
            word: before,
            ..Before::default()
        };
        let (rest, e) = range(input, &b).ok()?;
        let leaked: &'static str = Box::leak(rest.to_string().into_boxed_str());
        match e.quantity {
            Quantity::Range { first, second } => {
                Some((first.value.to_string(), second.value.to_string(), leaked))
            }
            _ => None,
        }
    }

    #[test]
    fn a_percent_change_followed_by_its_result_is_no_range() {
        assert_eq!(ends("8.4% to 1.29 million from", "rose"), None);
        assert_eq!(ends("5% to 4,200", "fell"), None);
        assert!(ends("5 to 7%", "").is_some());
        assert!(ends("5% to 7%", "").is_some());
        // "from 20 percent in 2010 to 12 percent": the year is no end of the range.
        assert_eq!(ends("2010 to 12 percent", "in"), None);
    }

    fn r(a: &str, b: &str, rest: &'static str) -> Option<(String, String, &'static str)> {
        Some((a.to_string(), b.to_string(), rest))
    }

    #[test]
    fn dashed_and_worded_ranges() {
        assert_eq!(
            ends("1,500–3,000 fighters", ""),
            r("1500", "3000", " fighters")
        );
        assert_eq!(ends("1,500-3,000", ""), r("1500", "3000", ""));
        assert_eq!(ends("1,500 to 3,000", ""), r("1500", "3000", ""));
        assert_eq!(
            ends("between 1,500 and 3,000 men", ""),
            r("1500", "3000", " men")
        );
        assert_eq!(ends("from 1,500 to 3,000", "grew"), None);
        assert_eq!(ends("from 1,500 to 3,000", "range"), r("1500", "3000", ""));
        assert_eq!(ends("two or three", ""), r("2", "3", ""));
        assert_eq!(ends("20 through 100", ""), r("20", "100", ""));
        assert_eq!(ends("14% to 3.9 billion", ""), None);
        assert_eq!(ends("14 to 39", "rose"), None);
        assert_eq!(ends("14 to 39", "from"), None);
        assert_eq!(ends("1995-01", ""), None);
        assert_eq!(ends("8- to 16-foot", ""), r("8", "16", ""));
        assert!(matches!(
            range("2013-14", &Before::default()),
            Err(nom::Err::Failure(_))
        ));
        assert_eq!(ends("3 or 2", ""), None);
    }

    #[test]
    fn an_amount_and_its_recipients_are_no_range() {
        assert_eq!(ends("2 million to 450 families", ""), None);
        assert_eq!(ends("1.5 million to 900,000", ""), None);
        assert_eq!(
            ends("1.5 million to 2,000,000", ""),
            r("1500000.0", "2000000", "")
        );
        assert_eq!(ends("2 to 3 million", ""), r("2000000", "3000000", ""));
    }

    #[test]
    fn inverted_ranges_keep_written_order() {
        assert_eq!(ends("between 3,000 and 1,500", ""), r("3000", "1500", ""));
    }

    #[test]
    fn scale_and_unit_written_once() {
        let b = Before::default();
        let (_, e) = range("between $26 and $31 million", &b).unwrap_or_else(|_| {
            // Without the currency grammar the dollar signs are not read; use plain numbers.
            range("between 26 and 31 million", &b).unwrap()
        });
        assert!(e.flags.scale_ellipsis);
        match e.quantity {
            Quantity::Range { first, .. } => assert_eq!(first.value, Decimal::from(26_000_000)),
            _ => panic!("not a range"),
        }
        let (_, e) = range("5 to 7%", &b).unwrap();
        assert_eq!(
            (e.kind, e.unit),
            (Kind::Percent, Some(crate::model::Unit::Percent))
        );
        assert!(
            !e.flags.scale_ellipsis,
            "a unit written once is ordinary style"
        );
    }

    #[test]
    fn an_approximate_end_makes_the_range_approximate() {
        let (rest, e) = between_range("between 3 and roughly 9 boats").unwrap();
        assert_eq!((rest, e.hedge), (" boats", Hedge::Approximately));
        let (_, e) = between_range("between 3 and 9").unwrap();
        assert_eq!(e.hedge, Hedge::None);
        // A bound inside a range is not read as one.
        assert!(between_range("between 3 and more than 9").is_err());
    }

    #[test]
    fn scores_far_from_their_verb_are_cut() {
        let text = "The Hawks won the opening game of the series 112-99 on Friday";
        let at = text.find("112").unwrap_or(0);
        let b = Before::of(text, at);
        assert!(matches!(range(&text[at..], &b), Err(nom::Err::Failure(_))));
        // A series score stays a pair for NUM-SERIES-SCORE.
        let text = "Harwick won the best-of-seven final 4-2 in game six";
        let at = text.find("4-2").unwrap_or(0);
        assert!(range(&text[at..], &Before::of(text, at)).is_ok());
        // A season record is written like a score.
        let b = Before::of("where they are 31-10", 15);
        assert!(range("31-10 this season", &b).is_err());
        // A clause boundary ends the verb's reach, and ranges read low-to-high stay ranges.
        // (Pairs below 100 written high-to-low are tallies whatever the clause says.)
        let text = "They won easily, and 140-130 boats sailed";
        let at = text.find("140").unwrap_or(0);
        assert!(range(&text[at..], &Before::of(text, at)).is_ok());
        let text = "The team won praise as 20-30 parents came";
        let at = text.find("20").unwrap_or(0);
        assert!(range(&text[at..], &Before::of(text, at)).is_ok());
    }

    #[test]
    fn scores_and_codes_are_cut() {
        let b = Before {
            word: "won",
            ..Before::default()
        };
        assert!(matches!(
            range("3–1 on Sunday", &b),
            Err(nom::Err::Failure(_))
        ));
        let b = Before {
            word: "a",
            ..Before::default()
        };
        assert!(matches!(range("5-4 vote", &b), Err(nom::Err::Failure(_))));
        assert!(matches!(
            range("7-Eleven store", &Before::default()),
            Err(nom::Err::Failure(_))
        ));
        assert_eq!(ends("7 - eleven", ""), r("7", "11", ""));
        let b = Before {
            word: "of",
            head: "",
        };
        assert!(matches!(range("7-2 on", &b), Err(nom::Err::Failure(_))));
        assert_eq!(ends("2-7 on", "of"), r("2", "7", " on"));
        assert_eq!(ends("700-200 on", "of"), r("700", "200", " on"));
        assert!(matches!(
            range(
                "7 to 2 to",
                &Before {
                    word: "voted",
                    head: ""
                }
            ),
            Err(nom::Err::Failure(_))
        ));
        assert!(matches!(
            range("12-02-2024", &Before::default()),
            Err(nom::Err::Failure(_))
        ));
    }
}
