//! Token helpers shared by the productions, and the word lists of `grammar/lexicon/`,
//! compiled in and parsed once.

use nom::error::{Error, ErrorKind};
use nom::IResult;
use std::sync::OnceLock;

/// A recoverable failure at `input` (the caller may try another alternative).
pub fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Tag)))
}

/// A cut: the text here is known not to be a claim ("won 3–1"), so no shorter parse may be
/// tried either.
pub fn cut<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Failure(Error::new(input, ErrorKind::Verify)))
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `input` starts a new word (nothing alphanumeric glued on).
pub fn at_boundary(input: &str) -> bool {
    !input.chars().next().is_some_and(is_word_char)
}

/// Case-insensitive literal prefix.
pub fn tag_ci<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    let n = lit.len();
    if input.len() >= n && input.as_bytes()[..n].eq_ignore_ascii_case(lit.as_bytes()) {
        input.get(n..)
    } else {
        None
    }
}

/// A whole word, case-insensitive: `lit` followed by a word boundary (a literal ending in
/// punctuation, like "ca.", needs none).
#[inline]
pub fn word<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    // Inlined first-letter test: most calls try one entry of a word list that fails there.
    if let (Some(a), Some(b)) = (input.as_bytes().first(), lit.as_bytes().first()) {
        if !a.eq_ignore_ascii_case(b) {
            return None;
        }
    }
    word_rest(input, lit)
}

#[inline(never)]
fn word_rest<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    let rest = tag_ci(input, lit)?;
    let needs_boundary = lit.chars().next_back().is_some_and(is_word_char);
    (!needs_boundary || at_boundary(rest)).then_some(rest)
}

/// Spaces and tabs (also no-break spaces), never a line break.
pub fn sp(input: &str) -> &str {
    input.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}'])
}

/// At least one space.
pub fn sp1(input: &str) -> Option<&str> {
    let rest = sp(input);
    (rest.len() < input.len()).then_some(rest)
}

/// A phrase of space-separated words, each separated in the text by one or more spaces.
#[inline]
pub fn phrase<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    // Word lists are tried one entry after another and nearly all fail on the first letter:
    // reject those, inlined, before splitting the phrase (the split dominated the profile).
    if let (Some(a), Some(b)) = (input.as_bytes().first(), lit.as_bytes().first()) {
        if !a.eq_ignore_ascii_case(b) {
            return None;
        }
    }
    phrase_rest(input, lit)
}

#[inline(never)]
fn phrase_rest<'a>(input: &'a str, lit: &str) -> Option<&'a str> {
    let mut rest = input;
    for (i, w) in lit.split(' ').enumerate() {
        if i > 0 {
            rest = sp1(rest)?;
        }
        rest = word(rest, w)?;
    }
    Some(rest)
}

/// The longest entry of `list` (sorted longest first) that `input` starts with.
pub fn longest<'a, T: Copy>(input: &'a str, list: &[(&'static str, T)]) -> Option<(&'a str, T)> {
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    list.iter()
        .filter(|(p, _)| p.as_bytes().first() == Some(&first))
        .find_map(|(p, v)| phrase(input, p).map(|rest| (rest, *v)))
}

/// The lines of a lexicon file, without comments and blank lines, split at tabs.
fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Parses `word <TAB> number` rows, longest word first.
fn numbered(file: &'static str) -> Vec<(&'static str, u64)> {
    let mut out: Vec<(&'static str, u64)> = rows(file)
        .filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?)))
        .collect();
    by_length(&mut out);
    out
}

pub fn by_length<T>(list: &mut [(&'static str, T)]) {
    list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
}

/// Cardinal words ("seven" → 7).
pub fn number_words() -> &'static [(&'static str, u64)] {
    static L: OnceLock<Vec<(&'static str, u64)>> = OnceLock::new();
    L.get_or_init(|| numbered(include_str!("../../grammar/lexicon/number_words.txt")))
}

/// Ordinal words ("seventh" → 7).
pub fn ordinal_words() -> &'static [(&'static str, u64)] {
    static L: OnceLock<Vec<(&'static str, u64)>> = OnceLock::new();
    L.get_or_init(|| numbered(include_str!("../../grammar/lexicon/ordinal_words.txt")))
}

/// Fraction denominators ("thirds" → 3).
pub fn fraction_words() -> &'static [(&'static str, u64)] {
    static L: OnceLock<Vec<(&'static str, u64)>> = OnceLock::new();
    L.get_or_init(|| numbered(include_str!("../../grammar/lexicon/fractions.txt")))
}

/// Where a scale form may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleForm {
    Word,
    Glued,
    Money,
}

/// Scale words and suffixes with their factor.
pub fn scales() -> &'static [(&'static str, (u64, ScaleForm))] {
    static L: OnceLock<Vec<(&'static str, (u64, ScaleForm))>> = OnceLock::new();
    L.get_or_init(|| {
        let mut out: Vec<_> = rows(include_str!("../../grammar/lexicon/scales.txt"))
            .filter_map(|r| {
                let form = match *r.get(2)? {
                    "word" => ScaleForm::Word,
                    "glued" => ScaleForm::Glued,
                    "money" => ScaleForm::Money,
                    _ => return None,
                };
                Some((*r.first()?, (r.get(1)?.parse().ok()?, form)))
            })
            .collect();
        by_length(&mut out);
        out
    })
}

/// Rows of a three-column lexicon as (first, second, third).
pub fn triples(
    file: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    rows(file).filter_map(|r| Some((*r.first()?, *r.get(1)?, *r.get(2)?)))
}

/// Words of a one-column lexicon.
pub fn singles(file: &'static str) -> impl Iterator<Item = &'static str> {
    rows(file).filter_map(|r| r.first().copied())
}
