//! The nom grammar of quantitative statements.
//!
//! Each production in `grammar/claims.ebnf` is a function of the same name in one of the
//! family modules below. The extractor (`crate::extract`) calls [`claim_at`] only at candidate
//! positions, so the parsers never run over plain prose.

pub mod context;
pub mod fraction;
pub mod hedge;
pub mod lex;
mod memo;
pub mod money;
pub mod numeral;
pub mod percent;
pub mod range;
pub mod time;
pub mod unit;
pub mod vague;
pub mod words;

use crate::fnv::{self, FnvSet};
use crate::model::{Flags, Hedge, Kind, Quantity, Unit};
use std::sync::OnceLock;

/// What a production recognised, relative to the position it was called at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// Bytes consumed from the start position.
    pub len: usize,
    pub kind: Kind,
    pub quantity: Quantity,
    pub hedge: Hedge,
    pub unit: Option<Unit>,
    pub flags: Flags,
}

/// What a production returns: a claim without its length (the caller measures the input
/// it consumed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    pub kind: Kind,
    pub quantity: Quantity,
    pub hedge: Hedge,
    pub unit: Option<Unit>,
    pub flags: Flags,
}

impl Expr {
    pub fn new(kind: Kind, quantity: Quantity) -> Expr {
        Expr {
            kind,
            quantity,
            hedge: Hedge::None,
            unit: None,
            flags: Flags::default(),
        }
    }
}

/// Words at which a claim may start or which a claim must contain; the scanner looks for
/// these (besides digits and currency signs) and tries the grammar only around them.
pub fn anchor_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = number_anchor_words();
    words.extend(time::anchors());
    words.sort_unstable();
    words.dedup();
    words
}

/// The anchors of the number families: the words of their lexicons.
fn number_anchor_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    words.extend(lex::number_words().iter().map(|(w, _)| *w));
    words.extend(lex::ordinal_words().iter().map(|(w, _)| *w));
    words.extend(lex::fraction_words().iter().map(|(w, _)| *w));
    words.extend(
        lex::scales()
            .iter()
            .filter(|(_, (_, f))| *f == lex::ScaleForm::Word)
            .map(|(w, _)| *w),
    );
    words.extend_from_slice(vague::ANCHORS);
    words.extend_from_slice(fraction::ANCHORS);
    words.extend(fraction::VULGAR.iter().map(|(s, _, _)| *s));
    words
}

/// Keywords of the productions that can begin a claim, besides the lexicon words.
const KEYWORDS: &[&str] = &[
    "a", "an", "the", "between", "from", "minus", "negative", "plus", "half", "quarter",
];

/// Every lower-case word a number claim can begin with. The time anchors are not among them:
/// a time word ("weeks", "January") opens no number production, and the scanner tries every
/// one it finds.
fn start_words() -> &'static FnvSet<&'static str> {
    static L: OnceLock<FnvSet<&'static str>> = OnceLock::new();
    L.get_or_init(|| {
        let mut words: Vec<&'static str> = number_anchor_words();
        words.extend(hedge::first_words());
        words.extend(vague::first_words());
        words.extend_from_slice(KEYWORDS);
        words.retain(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()));
        words.into_iter().collect()
    })
}

/// The cheap failure path: a candidate that starts with a letter must start with a word some
/// production begins with, or with a currency code or sign ("USD", "Rs", "US$"), which the
/// money lexicon matches case-sensitively.
fn may_begin_claim(input: &str) -> bool {
    let bytes = input.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return true;
    }
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &bytes[..len];
    fnv::contains_lowercase(start_words(), word)
        || (word[0].is_ascii_uppercase() && money::currency_before(input).is_ok())
}

/// Parses the longest claim starting at byte `at` of `text`, if any. `text` is the whole
/// (masked) document so that productions can look at what precedes `at` (a letter before
/// "-16" makes "F-16" a name, not a number).
pub fn claim_at(text: &str, at: usize) -> Option<Parsed> {
    if is_citation_marker(text, at) {
        return None;
    }
    let _numbers_parsed_once = memo::Session::start();
    time::claim_at(text, at).or_else(|| number_claim_at(text, at))
}

/// A citation marker ("[3]", "[12]") is no claim. Reference-style articles end most
/// sentences with one, and every production would try it before `context::may_end` refused.
fn is_citation_marker(text: &str, at: usize) -> bool {
    let Some(after) = text.get(at..) else {
        return false;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && text[..at].ends_with('[') && after[digits..].starts_with(']')
}

/// The number families: hedged numerals, words, vague amounts, fractions, percentages,
/// ranges, money and measures.
fn number_claim_at(text: &str, at: usize) -> Option<Parsed> {
    if !text.is_char_boundary(at) || !context::may_start(text, at) {
        return None;
    }
    if !may_begin_claim(&text[at..]) {
        return None;
    }
    parse_number_claim(text, at)
}

/// [`number_claim_at`] without its first-word filter.
fn parse_number_claim(text: &str, at: usize) -> Option<Parsed> {
    let input = &text[at..];
    let before = context::Before::of(text, at);
    let (rest, expr) = hedge::claim(input, &before).ok()?;
    let len = input.len() - rest.len();
    if len == 0 || !context::may_end(text, at, at + len) {
        return None;
    }
    Some(Parsed {
        len,
        kind: expr.kind,
        quantity: expr.quantity,
        hedge: expr.hedge,
        unit: expr.unit,
        flags: expr.flags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_words_begin_claims() {
        assert!(may_begin_claim("about 40"));
        assert!(may_begin_claim("Approximately 900"));
        assert!(may_begin_claim("twenty-one"));
        assert!(may_begin_claim("USD 5"));
        assert!(may_begin_claim("38 attacks"));
        assert!(may_begin_claim("Rs 500"));
        assert!(may_begin_claim("US$5"));
        assert!(!may_begin_claim("said 40"));
        assert!(!may_begin_claim("Officials"));
        assert!(!may_begin_claim("IS has 40"));
        assert!(!may_begin_claim("weeks later"));
        assert!(!may_begin_claim("January 2024"));
    }

    /// Over every text of the test fixtures, no token start the filter rejects would have
    /// parsed: the filter changes the cost of the scan, never its result.
    #[test]
    fn rejected_starts_never_parse_as_numbers_in_the_fixtures() {
        let mut checked = 0;
        for (path, text) in crate::fixture_texts::all() {
            for at in crate::fixture_texts::token_starts(&text) {
                let input = &text[at..];
                if !input.starts_with(|c: char| c.is_ascii_alphabetic()) || may_begin_claim(input) {
                    continue;
                }
                checked += 1;
                assert!(
                    parse_number_claim(&text, at).is_none(),
                    "{}: {:?} parses but is filtered",
                    path.display(),
                    &input[..input.len().min(40)]
                );
            }
        }
        assert!(checked > 5_000, "only {checked} starts checked");
    }

    /// No number production opens with a word that only the time grammar knows, whatever
    /// follows it: leaving those words out of the filter loses nothing.
    #[test]
    fn time_words_open_no_number_claim() {
        let words = time::anchors().into_iter().filter(|w| !may_begin_claim(w));
        let mut checked = 0;
        for word in words {
            for rest in [
                " 5",
                " five",
                " of 5",
                " 5%",
                "-5",
                " to 5",
                " $5",
                " 1 million",
            ] {
                for text in [
                    format!("{word}{rest}"),
                    format!("{}{rest}", capitalised(word)),
                ] {
                    assert!(parse_number_claim(&text, 0).is_none(), "{text}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "only {checked} texts checked");
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    }

    #[test]
    fn claims_at_positions() {
        let text = "Officials said about 40 boats left.";
        let at = text.find("about").unwrap();
        let parsed = claim_at(text, at).unwrap();
        assert_eq!(&text[at..at + parsed.len], "about 40");
        assert_eq!(parsed.hedge, Hedge::Approximately);
        assert!(claim_at(text, text.find("said").unwrap()).is_none());
        for marker in ["as reported [3].", "in [2025]", "sources [12][13]"] {
            let at = marker.find(|c: char| c.is_ascii_digit()).unwrap();
            assert!(claim_at(marker, at).is_none(), "{marker}");
        }
        assert!(claim_at("[3 days]", 1).is_some());
    }
}
