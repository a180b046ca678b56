//! The nom grammar of quantitative statements.
//!
//! Each production in `grammar/claims.ebnf` is a function of the same name in one of the
//! family modules below. The extractor (`crate::extract`) calls [`claim_at`] only at candidate
//! positions, so the parsers never run over plain prose.

pub mod money;
pub mod numeral;
pub mod time;
pub mod unit;

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

/// Words at which a claim may start or which a claim must contain; the scanner looks for
/// these (besides digits and currency signs) and tries the grammar only around them.
pub fn anchor_words() -> Vec<&'static str> {
    let mut words = Vec::new();
    words.extend_from_slice(time::ANCHORS);
    words.extend_from_slice(numeral::ANCHORS);
    words
}

/// Parses the longest claim starting at byte `at` of `text`, if any. `text` is the whole
/// (masked) document so that productions can look at what precedes `at` (a letter before
/// "-16" makes "F-16" a name, not a number).
pub fn claim_at(text: &str, at: usize) -> Option<Parsed> {
    time::claim_at(text, at).or_else(|| numeral::claim_at(text, at))
}
