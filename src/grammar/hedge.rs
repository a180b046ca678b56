//! Hedges and bounds around a number (semantics.md §2) and the top production `claim`: "about
//! 9,000", "a possible 90", "at least two", "3,000-plus", "12 or more". A hedge before a range
//! applies to both ends; stacked hedges count once (the first).

use super::context::Before;
use super::lex::{self, fail};
use super::{fraction, numeral, range, vague, words, Expr};
use crate::model::{Hedge, Kind, Quantity};
use nom::IResult;
use std::sync::OnceLock;

struct HedgeWords {
    prefix: lex::WordList<Hedge>,
    /// Suffixes of words ("or more"), written after a space.
    suffix_words: lex::WordList<Hedge>,
    /// Suffixes glued to the number ("+", "-plus").
    suffix_signs: Vec<(&'static str, Hedge)>,
}

fn hedge_named(name: &str) -> Option<Hedge> {
    Some(match name {
        "exactly" => Hedge::Exactly,
        "approximately" => Hedge::Approximately,
        "estimate" => Hedge::Estimate,
        "nearly" => Hedge::Nearly,
        "more_than" => Hedge::MoreThan,
        "at_least" => Hedge::AtLeast,
        "fewer_than" => Hedge::FewerThan,
        "at_most" => Hedge::AtMost,
        "up_to" => Hedge::UpTo,
        _ => return None,
    })
}

fn hedge_words() -> &'static HedgeWords {
    static L: OnceLock<HedgeWords> = OnceLock::new();
    L.get_or_init(|| {
        let (mut prefix, mut suffix) = (Vec::new(), Vec::new());
        for (position, phrase, name) in
            lex::triples(include_str!("../../grammar/lexicon/hedges.txt"))
        {
            let Some(h) = hedge_named(name) else { continue };
            match position {
                "prefix" => prefix.push((phrase, h)),
                "suffix" => suffix.push((phrase, h)),
                _ => {}
            }
        }
        lex::by_length(&mut prefix);
        lex::by_length(&mut suffix);
        let (words, signs) = suffix
            .into_iter()
            .partition(|(p, _)| p.starts_with(|c: char| c.is_alphanumeric()));
        HedgeWords {
            prefix: lex::WordList::new(prefix),
            suffix_words: lex::WordList::new(words),
            suffix_signs: signs,
        }
    })
}

/// The words a prefix hedge can start with.
pub fn first_words() -> impl Iterator<Item = &'static str> {
    hedge_words()
        .prefix
        .iter()
        .filter_map(|(p, _)| p.split(' ').next())
}

/// `hedge_prefix = hedge_phrase " "` (no space needed after a sign such as "~").
pub fn hedge_prefix(input: &str) -> IResult<&str, Hedge> {
    // This runs at every candidate start: only the entries that begin with the input's first
    // word are tried, not the whole list.
    let found = hedge_words().prefix.candidates(input).find_map(|(p, h)| {
        let rest = lex::phrase(input, p)?;
        let glued_ok = !p.ends_with(|c: char| c.is_alphanumeric());
        let rest = lex::sp1(rest).or(glued_ok.then_some(rest))?;
        Some((rest, *h))
    });
    match found {
        Some(r) => Ok(r),
        None => fail(input),
    }
}

/// Words after "and over" / "and up" that show them starting a new phrase.
const CLAUSE_WORDS: &[&str] = &[
    "the", "a", "an", "all", "to", "this", "that", "these", "those", "his", "her", "its", "their",
    "our", "my", "your", "time", "against",
];

/// `hedge_suffix = " or more" | " or fewer" | " or less" | " or so" | "-plus" | "+"`
pub fn hedge_suffix(input: &str) -> IResult<&str, Hedge> {
    // Word suffixes follow a space and sign suffixes are glued, so at most one kind can match;
    // only the word suffixes that begin with the next word are tried.
    let found = match lex::sp1(input) {
        Some(spaced) => hedge_words()
            .suffix_words
            .candidates(spaced)
            .find_map(|(p, h)| word_suffix(spaced, p).map(|rest| (rest, *h))),
        None => hedge_words().suffix_signs.iter().find_map(|(p, h)| {
            let rest = lex::tag_ci(input, p)?;
            // "5+3" is arithmetic, "-plus" must end the word.
            (!rest.starts_with(|c: char| c.is_alphanumeric())).then_some((rest, *h))
        }),
    };
    match found {
        Some(r) => Ok(r),
        None => fail(input),
    }
}

/// A suffix of words ("or more", "and over") at `input`, the text after the number's space.
fn word_suffix<'a>(input: &'a str, p: &str) -> Option<&'a str> {
    let mut rest = lex::phrase(input, p)?;
    // "5,000 or less than 6,000" joins two claims; the bound belongs to the second.
    // A "than" with nothing after it belongs to the bound ("200 or more than.").
    if let Some(r) = lex::sp1(rest).and_then(|r| lex::word(r, "than")) {
        if lex::sp1(r).is_some_and(|r| r.starts_with(|c: char| c.is_alphanumeric()))
            || !p.starts_with("or ")
        {
            return None;
        }
        rest = r;
    }
    // "rose 5% and over the year", "and up to 9", "and above all": a preposition
    // or adverb of the clause that follows, not a bound.
    if p.starts_with("and ")
        && lex::sp1(rest).is_some_and(|r| {
            CLAUSE_WORDS.iter().any(|w| lex::word(r, w).is_some())
                || r.starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return None;
    }
    Some(rest)
}

/// `ordinal_claim = ordinal`: kind ordinal, no interval.
pub fn ordinal_claim(input: &str) -> IResult<&str, Expr> {
    let (rest, n) = words::ordinal(input)?;
    Ok((rest, Expr::new(Kind::Ordinal, Quantity::Point(n))))
}

/// `core = range | fraction | vague | ordinal_claim | quantity`
pub fn core<'a>(input: &'a str, before: &Before) -> IResult<&'a str, Expr> {
    match range::range(input, before) {
        Err(nom::Err::Error(_)) => {}
        other => return other,
    }
    if let Ok(r) = fraction::fraction(input, before) {
        return Ok(r);
    }
    if let Ok(r) = vague::vague(input) {
        return Ok(r);
    }
    // Before the cardinal, which would read only the "twenty" of "twenty-fifth" or the "1" of "1st".
    if let Ok(r) = ordinal_claim(input) {
        return Ok(r);
    }
    numeral::quantity(input)
}

/// `claim = [hedge_prefix [hedge_prefix]] core [hedge_suffix] [or_equal]`
pub fn claim<'a>(input: &'a str, before: &Before) -> IResult<&'a str, Expr> {
    let mut hedge = Hedge::None;
    let mut rest = input;
    let mut before = *before;
    for _ in 0..2 {
        match hedge_prefix(rest) {
            Ok((r, h)) => {
                if hedge == Hedge::None {
                    hedge = h;
                }
                // The word before the number is now the hedge's last word.
                before = Before {
                    word: rest[..rest.len() - r.len()]
                        .trim_end()
                        .rsplit(' ')
                        .next()
                        .unwrap_or(""),
                    ..before
                };
                rest = r;
            }
            Err(_) => break,
        }
    }
    let number_at = rest;
    let (mut rest, mut expr) = core(rest, &before)?;
    if hedge != Hedge::None && expr.kind == Kind::Ordinal {
        return fail(input);
    }
    let core_rest = rest;
    if let Ok((r, h)) = hedge_suffix(rest) {
        // A bound after the number says more than an approximation or an "equal to" before
        // it ("about 500 or more", "equal to 5000 or less").
        let weaker = hedge == Hedge::None
            || ((hedge.is_approximate() || hedge == Hedge::Exactly) && h.is_bound());
        if weaker && expr.kind != Kind::Ordinal {
            hedge = h;
            rest = r;
        }
    }
    if let Some((r, h)) = or_equal(rest, hedge) {
        hedge = h;
        rest = r;
    }
    // A range may carry its own hedge ("between 2 and about 7").
    if hedge != Hedge::None {
        expr.hedge = hedge;
    }
    if let Some(r) = bound_pair(rest, &mut expr) {
        rest = r;
    } else if hedge != Hedge::None && is_year_in_year_position(number_at, core_rest) {
        return fail(input);
    }
    Ok((rest, expr))
}

/// `or_equal = " or equal" [" to"]` after a strict bound makes it inclusive: "more than 5000 or
/// equal to" is at least 5000. Not before a number ("less than 5 or equal to 7").
fn or_equal(input: &str, hedge: Hedge) -> Option<(&str, Hedge)> {
    let inclusive = match hedge {
        Hedge::MoreThan => Hedge::AtLeast,
        Hedge::FewerThan => Hedge::AtMost,
        _ => return None,
    };
    let r = lex::phrase(lex::sp1(input)?, "or equal")?;
    let r = lex::sp1(r).and_then(|s| lex::word(s, "to")).unwrap_or(r);
    let number_follows = lex::sp1(r).is_some_and(|s| numeral::quantity(s).is_ok());
    (!number_follows).then_some((r, inclusive))
}

/// "around 2020," or "before 2019 and": a hedge word before a year is a time expression, left
/// to the time grammar. "about 2000 troops" stays a count: a noun follows.
fn is_year_in_year_position(number: &str, rest: &str) -> bool {
    let written = &number[..number.len() - rest.len()];
    if written.len() != 4 || !fraction::looks_like_year(written) {
        return false;
    }
    let after = lex::sp(rest);
    let next_is_word = after.starts_with(|c: char| c.is_alphabetic());
    !next_is_word
        || [
            "and", "or", "when", "as", "to", "in", "after", "before", "until", "through",
        ]
        .iter()
        .any(|w| lex::word(after, w).is_some())
}

fn is_lower(h: Hedge) -> bool {
    matches!(h, Hedge::MoreThan | Hedge::AtLeast)
}

fn is_upper(h: Hedge) -> bool {
    matches!(h, Hedge::FewerThan | Hedge::AtMost | Hedge::UpTo)
}

/// `bound_pair = bounded_claim ("and" | "but") bounded_claim`: "more than 100 and fewer than
/// 300" is the range between them, whichever bound comes first.
fn bound_pair<'a>(input: &'a str, first: &mut Expr) -> Option<&'a str> {
    let Quantity::Point(a) = &first.quantity else {
        return None;
    };
    if !(is_lower(first.hedge) || is_upper(first.hedge)) {
        return None;
    }
    let after = lex::sp(input.strip_prefix(',').unwrap_or(input));
    let after = ["and", "but"]
        .iter()
        .find_map(|w| lex::word(after, w))
        .and_then(lex::sp1)?;
    let (hedge, after) = hedge_prefix(after).ok().map(|(r, h)| (h, r))?;
    if is_lower(first.hedge) == is_lower(hedge) || !(is_lower(hedge) || is_upper(hedge)) {
        return None;
    }
    let (rest, second) = numeral::quantity(after).ok()?;
    let Quantity::Point(b) = second.quantity else {
        return None;
    };
    // Opposite bounds that leave nothing between them are two claims, not a range.
    let (low, high) = if is_lower(first.hedge) {
        (a.value, b.value)
    } else {
        (b.value, a.value)
    };
    if second.kind != first.kind || low >= high {
        return None;
    }
    first.quantity = Quantity::Range {
        first: a.clone(),
        second: b,
    };
    first.hedge = Hedge::None;
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedged(input: &str) -> Option<(Hedge, &str)> {
        claim(input, &Before::default())
            .ok()
            .map(|(r, e)| (e.hedge, r))
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            hedged("approximately 9,000 IS"),
            Some((Hedge::Approximately, " IS"))
        );
        assert_eq!(
            hedged("a possible 90 attacks"),
            Some((Hedge::Estimate, " attacks"))
        );
        assert_eq!(hedged("an estimated 400"), Some((Hedge::Estimate, "")));
        assert_eq!(hedged("on pace for about 110"), Some((Hedge::Estimate, "")));
        assert_eq!(
            hedged("expected to reach 5,000"),
            Some((Hedge::Estimate, ""))
        );
        assert_eq!(
            hedged("at least two escape"),
            Some((Hedge::AtLeast, " escape"))
        );
        assert_eq!(hedged("fewer than 50"), Some((Hedge::FewerThan, "")));
        assert_eq!(hedged("just over 300"), Some((Hedge::MoreThan, "")));
        assert_eq!(
            hedged("nearly 700 flights"),
            Some((Hedge::Nearly, " flights"))
        );
        assert_eq!(hedged("up to 40 buses"), Some((Hedge::UpTo, " buses")));
        assert_eq!(hedged("no more than 8"), Some((Hedge::AtMost, "")));
        assert_eq!(hedged("exactly 2,000"), Some((Hedge::Exactly, "")));
        assert_eq!(hedged("~5"), Some((Hedge::Approximately, "")));
        assert_eq!(hedged("about the"), None);
        assert_eq!(hedged("around 2020, the"), None);
        assert_eq!(hedged("above 1000 and below 1500"), Some((Hedge::None, "")));
        assert_eq!(
            hedged("approximately 2000 troops"),
            Some((Hedge::Approximately, " troops"))
        );
    }

    #[test]
    fn suffixes() {
        assert_eq!(hedged("3,000-plus fans"), Some((Hedge::MoreThan, " fans")));
        assert_eq!(hedged("12 or more"), Some((Hedge::AtLeast, "")));
        assert_eq!(hedged("500+ homes"), Some((Hedge::MoreThan, " homes")));
        assert_eq!(hedged("5+3"), Some((Hedge::None, "+3")));
        assert_eq!(hedged("a dozen or so"), Some((Hedge::Approximately, "")));
        assert_eq!(hedged("200 or greater"), Some((Hedge::AtLeast, "")));
        assert_eq!(
            hedged("5,000 or less than 6,000"),
            Some((Hedge::None, " or less than 6,000"))
        );
        assert_eq!(hedged(">= 30"), Some((Hedge::AtLeast, "")));
        assert_eq!(hedged("12 and up, they"), Some((Hedge::AtLeast, ", they")));
        assert_eq!(hedged("$40 and above."), Some((Hedge::AtLeast, ".")));
        assert_eq!(hedged("5 and under are"), Some((Hedge::AtMost, " are")));
        assert_eq!(
            hedged("5% and over the year"),
            Some((Hedge::None, " and over the year"))
        );
        assert_eq!(
            hedged("9 and up to 12"),
            Some((Hedge::None, " and up to 12"))
        );
        assert_eq!(
            hedged("7 and above all"),
            Some((Hedge::None, " and above all"))
        );
        assert_eq!(
            hedged("equal to or greater than 40 days"),
            Some((Hedge::AtLeast, " days"))
        );
        assert_eq!(
            hedged("equal to or less than 7 pupils"),
            Some((Hedge::AtMost, " pupils"))
        );
        assert_eq!(hedged("equal to 7"), Some((Hedge::Exactly, "")));
    }

    #[test]
    fn trailing_bounds_after_a_bound_or_equal_to() {
        assert_eq!(hedged("equal to 5000 or less"), Some((Hedge::AtMost, "")));
        assert_eq!(
            hedged("equal to 5000 or more than."),
            Some((Hedge::AtLeast, "."))
        );
        assert_eq!(
            hedged("more than 5000 or equal to it"),
            Some((Hedge::AtLeast, " it"))
        );
        assert_eq!(hedged("less than 5000 or equal"), Some((Hedge::AtMost, "")));
        assert_eq!(
            hedged("less than 5 or equal to 7"),
            Some((Hedge::FewerThan, " or equal to 7"))
        );
        assert_eq!(
            hedged("200 or more than 300"),
            Some((Hedge::None, " or more than 300"))
        );
    }

    #[test]
    fn hedge_before_a_range_covers_it() {
        let (_, e) = claim("about 20 to 30 people", &Before::default()).unwrap();
        assert_eq!(e.hedge, Hedge::Approximately);
        assert!(matches!(e.quantity, Quantity::Range { .. }));
    }

    #[test]
    fn hedged_fractions_and_vague() {
        let (rest, e) = claim("roughly a third of Syria", &Before::default()).unwrap();
        assert_eq!(
            (e.kind, e.hedge, rest),
            (Kind::Fraction, Hedge::Approximately, " of Syria")
        );
        let (_, e) = claim("approximately a dozen planned", &Before::default()).unwrap();
        assert_eq!(e.quantity, Quantity::Vague(crate::model::Vague::Dozen(1)));
    }

    #[test]
    fn opposite_bounds_make_a_range() {
        let (rest, e) =
            claim("more than 100 and fewer than 300 seats", &Before::default()).unwrap();
        assert_eq!(rest, " seats");
        assert_eq!(e.hedge, Hedge::None);
        assert!(matches!(e.quantity, Quantity::Range { .. }));
        let (rest, e) = claim("more than 100 and more than 300", &Before::default()).unwrap();
        assert_eq!((rest, e.hedge), (" and more than 300", Hedge::MoreThan));
        let (rest, e) = claim("more than 40 and less than 10", &Before::default()).unwrap();
        assert_eq!((rest, e.hedge), (" and less than 10", Hedge::MoreThan));
    }

    #[test]
    fn a_later_bound_overrides_an_approximation() {
        assert_eq!(hedged("about 500 or more"), Some((Hedge::AtLeast, "")));
    }

    #[test]
    fn ordinals_take_no_hedge() {
        let (_, e) = claim("third attack", &Before::default()).unwrap();
        assert_eq!(e.kind, Kind::Ordinal);
        assert!(claim("about third", &Before::default()).is_err());
    }
}
