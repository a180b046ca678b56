//! The CLAIM object of `json.md`.

use crate::model::{Claim, Quantity};
use crate::source::Document;
use rust_decimal::Decimal;
use serde::Serialize;

/// `{"low", "high"}` with null for an unbounded end.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct IntervalJson {
    pub low: Option<String>,
    pub high: Option<String>,
}

/// One claim as `json.md` defines it; its texts borrow from the document and the claim, so
/// claims can be serialized one at a time without copying them.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub line: usize,
    pub column: usize,
    pub kind: &'static str,
    pub value: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub hedge: &'static str,
    pub interval: IntervalJson,
    pub unit: Option<&'a str>,
    pub counted: Option<&'a str>,
    pub head: Option<&'a str>,
    pub of: Option<&'a str>,
    pub resolved: Option<String>,
    pub in_heading: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub malformed: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub too_large: bool,
}

/// Decimal as `json.md` wants it: exact, no trailing zeros, no exponent.
pub fn decimal_string(d: Decimal) -> String {
    d.normalize().to_string()
}

impl<'a> ClaimJson<'a> {
    pub fn new(doc: &'a Document, claim: &'a Claim) -> ClaimJson<'a> {
        let (line, column) = doc.lines.position(&doc.text, claim.span.start);
        let (value, low, high, resolved) = match &claim.quantity {
            Quantity::Range { first, second } => (
                None,
                Some(decimal_string(first.value)),
                Some(decimal_string(second.value)),
                None,
            ),
            Quantity::Date(d) => (Some(d.timex()), None, None, None),
            Quantity::Period { from, to } => (None, Some(from.timex()), Some(to.timex()), None),
            Quantity::Relative { resolved, .. } => (
                claim.point_value().map(decimal_string),
                None,
                None,
                resolved.map(|d| d.timex()),
            ),
            _ => (claim.point_value().map(decimal_string), None, None, None),
        };
        let interval = crate::semantics::claim_interval(claim)
            .map(|iv| IntervalJson {
                low: iv.low.map(decimal_string),
                high: iv.high.map(decimal_string),
            })
            .unwrap_or(IntervalJson {
                low: None,
                high: None,
            });
        ClaimJson {
            start: claim.span.start,
            end: claim.span.end,
            text: claim.span.text(&doc.text),
            line,
            column,
            kind: claim.kind.as_str(),
            value,
            low,
            high,
            hedge: claim.hedge.as_str(),
            interval,
            unit: claim.unit.as_ref().map(|u| u.symbol()),
            counted: claim.counted.map(|s| s.text(&doc.text)),
            head: claim.head.as_deref(),
            of: claim.of.map(|s| s.text(&doc.text)),
            resolved,
            in_heading: claim.in_heading,
            malformed: claim.flags.malformed,
            too_large: claim.flags.too_large,
        }
    }
}
