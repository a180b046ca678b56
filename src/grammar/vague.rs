//! Vague amounts (semantics.md §3): "a dozen", "two dozen", "a few", "several", "dozens",
//! "tens of thousands", "millions".

use super::lex::{self, fail};
use super::{numeral, Expr};
use crate::model::{Kind, Quantity, Vague};
use nom::IResult;
use std::sync::OnceLock;

/// Words the scanner must stop at (the first word of a phrase is reached by lookback).
pub const ANCHORS: &[&str] = &[
    "couple",
    "pair",
    "few",
    "handful",
    "several",
    "dozen",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens",
    "millions",
];

fn vague_words() -> &'static lex::WordList<(Vague, bool)> {
    static L: OnceLock<lex::WordList<(Vague, bool)>> = OnceLock::new();
    L.get_or_init(|| {
        let mut out: Vec<_> = lex::triples(include_str!("../../grammar/lexicon/vague.txt"))
            .filter_map(|(phrase, name, of)| {
                let v = match name {
                    "couple" => Vague::Couple,
                    "pair_of" => Vague::PairOf,
                    "few" => Vague::Few,
                    "handful" => Vague::Handful,
                    "several" => Vague::Several,
                    "dozen" => Vague::Dozen(1),
                    "dozens" => Vague::Dozens,
                    "scores" => Vague::Scores,
                    "hundreds" => Vague::Hundreds,
                    "thousands" => Vague::Thousands,
                    "tens_of_thousands" => Vague::TensOfThousands,
                    "hundreds_of_thousands" => Vague::HundredsOfThousands,
                    "millions" => Vague::Millions,
                    _ => return None,
                };
                Some((phrase, (v, of == "yes")))
            })
            .collect();
        lex::by_length(&mut out);
        lex::WordList::new(out)
    })
}

/// The words a vague phrase can start with.
pub fn first_words() -> impl Iterator<Item = &'static str> {
    vague_words()
        .iter()
        .filter_map(|(p, _)| p.split(' ').next())
}

/// `n_dozen = number " dozen" ["s"]`: "two dozen" = 24, "3 dozens" = 36.
pub fn n_dozen(input: &str) -> IResult<&str, Vague> {
    let (rest, n) = numeral::number(input, false)?;
    let Ok(n) = u32::try_from(n.numeral.value) else {
        return fail(input);
    };
    let dozen =
        lex::sp1(rest).and_then(|r| lex::word(r, "dozen").or_else(|| lex::word(r, "dozens")));
    match dozen {
        Some(r) if (2..10_000).contains(&n) => Ok((r, Vague::Dozen(n))),
        _ => fail(input),
    }
}

/// `vague = n_dozen | vague_phrase`, where a phrase marked so in the lexicon must be followed
/// by "of" ("scores of", "a pair of"); the "of" stays outside the span.
pub fn vague(input: &str) -> IResult<&str, Expr> {
    let (rest, v) = match n_dozen(input) {
        Ok(r) => r,
        Err(_) => {
            let Some((rest, (v, needs_of))) = vague_words().longest(input) else {
                return fail(input);
            };
            if needs_of && lex::sp1(rest).and_then(|r| lex::word(r, "of")).is_none() {
                return fail(input);
            }
            (rest, v)
        }
    };
    // "several thousand", "a few hundred": the amount is of a scale the table has no interval
    // for, and reading "several" alone would be wrong by that factor.
    let scale_follows = lex::sp1(rest)
        .map(|r| lex::word(r, "of").and_then(lex::sp1).unwrap_or(r))
        .is_some_and(|r| {
            ["hundred", "thousand", "million", "billion", "trillion"]
                .iter()
                .any(|s| lex::word(r, s).is_some())
        });
    if scale_follows {
        return fail(input);
    }
    Ok((rest, Expr::new(Kind::Count, Quantity::Vague(v))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(input: &str) -> Option<(Vague, &str)> {
        vague(input).ok().map(|(r, e)| match e.quantity {
            Quantity::Vague(v) => (v, r),
            _ => unreachable!(),
        })
    }

    #[test]
    fn phrases() {
        assert_eq!(
            v("a dozen planned attacks"),
            Some((Vague::Dozen(1), " planned attacks"))
        );
        assert_eq!(v("two dozen eggs"), Some((Vague::Dozen(2), " eggs")));
        assert_eq!(v("3 dozens"), Some((Vague::Dozen(3), "")));
        assert_eq!(v("a couple of days"), Some((Vague::Couple, " of days")));
        assert_eq!(v("several boats"), Some((Vague::Several, " boats")));
        assert_eq!(v("A handful"), Some((Vague::Handful, "")));
        assert_eq!(v("dozens of arrests"), Some((Vague::Dozens, " of arrests")));
        assert_eq!(
            v("tens of thousands of"),
            Some((Vague::TensOfThousands, " of"))
        );
        assert_eq!(
            v("hundreds of thousands"),
            Some((Vague::HundredsOfThousands, ""))
        );
        assert_eq!(v("millions"), Some((Vague::Millions, "")));
    }

    #[test]
    fn phrases_that_need_of() {
        assert_eq!(v("scores of people"), Some((Vague::Scores, " of people")));
        assert_eq!(v("scores were high"), None);
        assert_eq!(v("a pair of boots"), Some((Vague::PairOf, " of boots")));
        assert_eq!(v("few people"), None);
        assert_eq!(v("several thousand people"), None);
        assert_eq!(v("a couple of hundred"), None);
        assert_eq!(v("hundreds of millions of"), Some((Vague::Millions, " of")));
    }
}
