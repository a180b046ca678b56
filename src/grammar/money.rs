//! Currencies written before ("$", "US$", "£", "EUR ") or after (" dollars", "€", " cents") a
//! number.

use nom::IResult;
use rust_decimal::Decimal;

/// One currency (or currency subunit) as the lexicon defines it.
#[derive(Debug)]
pub struct CurrencyDef {
    /// ISO 4217 code reported as the claim's unit ("USD", "EUR", "GBP").
    pub code: &'static str,
    /// Multiply the written number by this to get main units (0.01 for "cents").
    pub factor: Decimal,
}

/// `currency_before = symbol | code " "`: a currency sign or code before a number.
pub fn currency_before(input: &str) -> IResult<&str, &'static CurrencyDef> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// `currency_after = [" "] (name | code | symbol)`: a currency written after a number (and
/// after its scale word: "5 million dollars").
pub fn currency_after(input: &str) -> IResult<&str, &'static CurrencyDef> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}
