//! Currencies written before ("$", "US$", "£", "EUR ") or after (" dollars", "€", " cents") a
//! number.
//!
//! The spellings come from `grammar/lexicon/currencies.txt` (its header documents the format
//! and what is left out on purpose). A plain "pounds" is not money here: "25 pounds" is as
//! often a weight, and reading a weight as money invents a claim, while reading money as a
//! weight only loses its currency; `unit_after` reads it as lb (except "361 million pounds",
//! see `numeral::quantity`).

use super::unit::{lexicon_lines, no_match, strip_space, SpellingTable};
use nom::IResult;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// One currency (or currency subunit) as the lexicon defines it.
#[derive(Debug)]
pub struct CurrencyDef {
    /// ISO 4217 code reported as the claim's unit ("USD", "EUR", "GBP").
    pub code: &'static str,
    /// Multiply the written number by this to get main units (0.01 for "cents").
    pub factor: Decimal,
}

/// `currency_before = symbol | code " "`: a currency sign or code before a number, with the
/// one space that may follow it ("$ 10", "EUR 20"; "USD3.14" needs none).
pub fn currency_before(input: &str) -> IResult<&str, &'static CurrencyDef> {
    let lexicon = currencies();
    match lexicon.before.before_number(input) {
        Some((target, rest)) => Ok((strip_space(rest).unwrap_or(rest), &lexicon.defs[target])),
        None => Err(no_match(input)),
    }
}

/// `currency_after = [" "] (name | code | symbol)`: a currency written after a number (and
/// after its scale word: "5 million dollars").
pub fn currency_after(input: &str) -> IResult<&str, &'static CurrencyDef> {
    let lexicon = currencies();
    match lexicon.after.after_number(input) {
        Some((target, rest)) => Ok((rest, &lexicon.defs[target])),
        None => Err(no_match(input)),
    }
}

/// The main unit of the currency with this ISO code.
pub fn code(iso: &str) -> Option<&'static CurrencyDef> {
    currencies()
        .defs
        .iter()
        .find(|d| d.code == iso && d.factor == Decimal::ONE)
}

struct Currencies {
    defs: Vec<CurrencyDef>,
    before: SpellingTable,
    after: SpellingTable,
}

const CURRENCIES_TXT: &str = include_str!("../../grammar/lexicon/currencies.txt");

fn currencies() -> &'static Currencies {
    static CURRENCIES: OnceLock<Currencies> = OnceLock::new();
    // A malformed line is dropped here and reported by the lexicon test.
    CURRENCIES.get_or_init(|| parse_currencies(CURRENCIES_TXT).0)
}

/// Parses the currency lexicon; also returns one message per line it could not read.
fn parse_currencies(text: &'static str) -> (Currencies, Vec<String>) {
    let mut lexicon = Currencies {
        defs: Vec::new(),
        before: SpellingTable::default(),
        after: SpellingTable::default(),
    };
    let mut errors = Vec::new();
    for (number, line) in lexicon_lines(text) {
        let fields: Vec<&'static str> = line.split('|').map(str::trim).collect();
        let parsed = match fields[..] {
            [code, factor, position, signs, names]
                if is_iso_code(code) && !(signs.is_empty() && names.is_empty()) =>
            {
                factor
                    .parse::<Decimal>()
                    .ok()
                    .filter(|f| f.is_sign_positive() && !f.is_zero())
                    .zip(match position {
                        "before" => Some(&mut lexicon.before),
                        "after" => Some(&mut lexicon.after),
                        _ => None,
                    })
                    .map(|(factor, table)| (code, factor, table, signs, names))
            }
            _ => None,
        };
        let Some((code, factor, table, signs, names)) = parsed else {
            errors.push(format!("currencies.txt line {number}: {line}"));
            continue;
        };
        // Lines of one code and factor share one definition.
        let target = match lexicon
            .defs
            .iter()
            .position(|d| d.code == code && d.factor == factor)
        {
            Some(i) => i,
            None => {
                lexicon.defs.push(CurrencyDef { code, factor });
                lexicon.defs.len() - 1
            }
        };
        table.add_all(signs, target, true);
        table.add_all(names, target, false);
    }
    lexicon.before.sort();
    lexicon.after.sort();
    (lexicon, errors)
}

fn is_iso_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(input: &str) -> Option<(&'static str, &str)> {
        currency_before(input).ok().map(|(rest, d)| (d.code, rest))
    }

    fn after(input: &str) -> Option<(&'static str, Decimal, &str)> {
        currency_after(input)
            .ok()
            .map(|(rest, d)| (d.code, d.factor, rest))
    }

    fn code_after(input: &str) -> Option<&'static str> {
        after(input).map(|(code, _, _)| code)
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn every_lexicon_line_parses() {
        let (lexicon, errors) = parse_currencies(CURRENCIES_TXT);
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(lexicon.defs.len() > 40, "{} currencies", lexicon.defs.len());
    }

    #[test]
    fn code_and_factor_are_unique() {
        let defs = &currencies().defs;
        for (i, a) in defs.iter().enumerate() {
            for b in &defs[i + 1..] {
                assert!(a.code != b.code || a.factor != b.factor, "{} twice", a.code);
            }
        }
    }

    #[test]
    fn no_spelling_names_two_currencies() {
        assert_eq!(currencies().before.clashes(), vec![]);
        assert_eq!(currencies().after.clashes(), vec![]);
    }

    #[test]
    fn malformed_lines_are_reported() {
        let (_, errors) = parse_currencies("usd | 1 | before | $ |\nEUR | x | after | € |\n");
        assert_eq!(errors.len(), 2);
        let (_, errors) = parse_currencies("EUR | 1 | beside | € |\nEUR | 1 | after | | \n");
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn signs_before_a_number() {
        assert_eq!(before("$2.3bn"), Some(("USD", "2.3bn")));
        assert_eq!(before("$ 10"), Some(("USD", "10")));
        assert_eq!(before("US$4.7 billion"), Some(("USD", "4.7 billion")));
        assert_eq!(before("US $5"), Some(("USD", "5")));
        assert_eq!(before("A$300"), Some(("AUD", "300")));
        assert_eq!(before("C$1.34"), Some(("CAD", "1.34")));
        assert_eq!(before("HK$10"), Some(("HKD", "10")));
        assert_eq!(before("£65 million"), Some(("GBP", "65 million")));
        assert_eq!(before("€4.2 billion"), Some(("EUR", "4.2 billion")));
        assert_eq!(before("¥500"), Some(("JPY", "500")));
        assert_eq!(before("₹20"), Some(("INR", "20")));
        assert_eq!(before("Rs 20"), Some(("INR", "20")));
        assert_eq!(before("Rs. 20"), Some(("INR", "20")));
        assert_eq!(before("Rs20"), Some(("INR", "20")));
        assert_eq!(before("Sh2.5 billion"), Some(("KES", "2.5 billion")));
        assert_eq!(before("KSh 300"), Some(("KES", "300")));
        assert_eq!(before("Shell 5"), None);
    }

    #[test]
    fn codes_before_a_number() {
        assert_eq!(before("USD 5"), Some(("USD", "5")));
        assert_eq!(before("EUR 4.2"), Some(("EUR", "4.2")));
        assert_eq!(before("GBP3.01"), Some(("GBP", "3.01")));
        assert_eq!(before("USDA 5"), None);
        assert_eq!(before("EURO 5"), None);
        assert_eq!(before("Rsx 5"), None);
        assert_eq!(before("usda"), None);
        assert_eq!(before("5 USD"), None);
        assert_eq!(before("eur"), Some(("EUR", "")));
    }

    #[test]
    fn names_after_a_number() {
        assert_eq!(after(" dollars"), Some(("USD", Decimal::ONE, "")));
        assert_eq!(code_after(" US dollars"), Some("USD"));
        assert_eq!(code_after(" U.S. dollars"), Some("USD"));
        assert_eq!(code_after(" Australian dollars"), Some("AUD"));
        assert_eq!(code_after(" euros"), Some("EUR"));
        assert_eq!(code_after(" euro"), Some("EUR"));
        assert_eq!(code_after(" yen"), Some("JPY"));
        assert_eq!(code_after(" yuan"), Some("CNY"));
        assert_eq!(code_after(" rupees"), Some("INR"));
        assert_eq!(code_after(" pounds sterling"), Some("GBP"));
        assert_eq!(code_after(" Swiss francs"), Some("CHF"));
        assert_eq!(code_after(" Egyptian pounds"), Some("EGP"));
        assert_eq!(code_after("-euro note"), Some("EUR"));
        assert_eq!(after(" dollars."), Some(("USD", Decimal::ONE, ".")));
    }

    #[test]
    fn subunits_scale_the_amount() {
        assert_eq!(after(" cents"), Some(("USD", dec("0.01"), "")));
        assert_eq!(after("-cent stamp"), Some(("USD", dec("0.01"), " stamp")));
        assert_eq!(after("¢"), Some(("USD", dec("0.01"), "")));
        assert_eq!(after(" pence"), Some(("GBP", dec("0.01"), "")));
        assert_eq!(after("p each"), Some(("GBP", dec("0.01"), " each")));
        assert_eq!(after(" p each"), None);
        assert_eq!(after("pm"), None);
    }

    #[test]
    fn codes_and_signs_after_a_number() {
        assert_eq!(code_after(" USD"), Some("USD"));
        assert_eq!(code_after("USD"), Some("USD"));
        assert_eq!(code_after(" EUR,"), Some("EUR"));
        assert_eq!(code_after("€"), Some("EUR"));
        assert_eq!(code_after(" €"), Some("EUR"));
        assert_eq!(code_after("$"), Some("USD"));
        assert_eq!(code_after("US$"), Some("USD"));
        assert_eq!(code_after(" EGP"), Some("EGP"));
        assert_eq!(code_after(" EURx"), None);
    }

    #[test]
    fn million_prefixed_codes() {
        assert_eq!(after(" MUSD"), Some(("USD", dec("1000000"), "")));
        assert_eq!(before("MSEK 120"), Some(("SEK", "120")));
        assert_eq!(
            currencies().defs.iter().filter(|d| d.code == "SEK").count(),
            2
        );
    }

    #[test]
    fn names_and_events_are_not_money() {
        assert_eq!(code_after(" euros"), Some("EUR"));
        assert_eq!(code_after(" Euros"), None);
        assert_eq!(code_after(" Euro championship"), None);
        assert_eq!(code_after(" Pence said"), None);
        assert_eq!(code_after(" pence"), Some("GBP"));
        assert_eq!(code_after(" Rand report"), None);
        assert_eq!(code_after(" Bucks"), None);
        assert_eq!(code_after(" bucks"), Some("USD"));
        assert_eq!(code_after(" Sterling scored"), None);
        assert_eq!(code_after(" COP summit"), None);
        assert_eq!(code_after(" SAR helicopters"), None);
        assert_eq!(before("SAR 5 million"), Some(("SAR", "5 million")));
        assert_eq!(before("PHP 8"), None);
    }

    #[test]
    fn weights_and_words_are_not_money() {
        assert_eq!(code_after(" pounds"), None);
        assert_eq!(code_after(" pounds of beef"), None);
        assert_eq!(code_after(" won"), None);
        assert_eq!(code_after(" dollarsigns"), None);
        assert_eq!(code_after(" centuries"), None);
        assert_eq!(code_after(" real"), None);
        assert_eq!(code_after(""), None);
    }
}
