//! The nom grammar of quantitative statements.
//!
//! Each production in `grammar/claims.ebnf` is a function of the same name in one of the
//! family modules below. The extractor (`crate::extract`) calls [`claim_at`] only at candidate
//! positions, so the parsers never run over plain prose.

pub mod context;
pub mod fraction;
pub mod hedge;
pub mod lex;
pub mod money;
pub mod numeral;
pub mod percent;
pub mod range;
pub mod unit;
pub mod vague;
pub mod words;

use crate::model::{Flags, Hedge, Kind, Quantity};

/// What a production recognised, relative to the position it was called at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// Bytes consumed from the start position.
    pub len: usize,
    pub kind: Kind,
    pub quantity: Quantity,
    pub hedge: Hedge,
    pub unit: Option<String>,
    pub flags: Flags,
}

/// What a production returns: a claim without its length (the caller measures the input
/// it consumed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    pub kind: Kind,
    pub quantity: Quantity,
    pub hedge: Hedge,
    pub unit: Option<String>,
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
    words.sort_unstable();
    words.dedup();
    words
}

/// Parses the longest claim starting at byte `at` of `text`, if any. `text` is the whole
/// (masked) document so that productions can look at what precedes `at` (a letter before
/// "-16" makes "F-16" a name, not a number).
pub fn claim_at(text: &str, at: usize) -> Option<Parsed> {
    if !text.is_char_boundary(at) || !context::may_start(text, at) {
        return None;
    }
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
