//! Digit numerals (placeholder production; the full grammar replaces it).

use super::Parsed;
use crate::model::{Flags, Hedge, Kind, Numeral, Quantity};
use nom::character::complete::digit1;
use nom::IResult;
use rust_decimal::Decimal;

pub const ANCHORS: &[&str] = &[];

/// `numeral = digit+`
pub fn numeral(input: &str) -> IResult<&str, Numeral> {
    let (rest, digits) = digit1(input)?;
    let value: Decimal = digits.parse().map_err(|_| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit))
    })?;
    let trailing_zeros = digits.len() - digits.trim_end_matches('0').len();
    Ok((
        rest,
        Numeral {
            value,
            decimals: 0,
            scale: Decimal::ONE,
            trailing_zeros: if value.is_zero() {
                0
            } else {
                trailing_zeros as u32
            },
        },
    ))
}

pub fn claim_at(text: &str, at: usize) -> Option<Parsed> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let input = &text[at..];
    let (rest, n) = numeral(input).ok()?;
    Some(Parsed {
        len: input.len() - rest.len(),
        kind: Kind::Number,
        quantity: Quantity::Point(n),
        hedge: Hedge::None,
        unit: None,
        flags: Flags::default(),
    })
}
