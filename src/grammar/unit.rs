//! Units of measure written after a number ("12 km", "40 metres", "-mile", "°C").

use nom::IResult;
use rust_decimal::Decimal;

/// One unit of measure as the lexicon defines it.
#[derive(Debug)]
pub struct UnitDef {
    /// The symbol `json.md` reports ("km", "mi", "ft", "m", "kg", "lb", "°C", "l").
    pub symbol: &'static str,
    /// What it measures ("length", "mass", "volume", "temperature", "area", "speed", …).
    pub dimension: &'static str,
    /// Multiply by this to get the dimension's base unit (metre, kilogram, litre, …).
    pub to_base: Decimal,
}

/// `unit_after = [" " | "-"] unit_word`: a unit written right after a number, with the
/// separator it needs. Fails when none stands there.
pub fn unit_after(input: &str) -> IResult<&str, &'static UnitDef> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}
