//! Units of measure written after a number ("12 km", "40 metres", "-mile", "°C").
//!
//! The units come from `grammar/lexicon/units.txt` (its header documents the format), parsed
//! once into a [`SpellingTable`]; `money.rs` reuses that table for currency spellings.

pub use crate::model::UnitDef;
use nom::IResult;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// `value` in `from` expressed in `to`, with both units in their usual reading; `None` across
/// dimensions or when the arithmetic overflows.
pub fn convert(value: Decimal, from: &UnitDef, to: &UnitDef) -> Option<Decimal> {
    convert_with(value, from, from.to_base, to, to.to_base)
}

/// `value` in `from` expressed in `to` under every reading of both units (one value when
/// neither is ambiguous): a stated conversion is consistent when it matches any of them.
pub fn convert_all(value: Decimal, from: &UnitDef, to: &UnitDef) -> Vec<Decimal> {
    let mut out = Vec::new();
    for from_factor in from.readings() {
        for to_factor in to.readings() {
            if let Some(v) = convert_with(value, from, from_factor, to, to_factor) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    out
}

/// `value` in `from` expressed in `to` under one reading of each (`from_factor` and
/// `to_factor` taken from their [`UnitDef::readings`]); `None` across dimensions or on overflow.
pub fn convert_with(
    value: Decimal,
    from: &UnitDef,
    from_factor: Decimal,
    to: &UnitDef,
    to_factor: Decimal,
) -> Option<Decimal> {
    if from.dimension != to.dimension {
        return None;
    }
    let base = value.checked_mul(from_factor)?.checked_add(from.offset)?;
    base.checked_sub(to.offset)?.checked_div(to_factor)
}

/// The unit a claim's `unit` symbol names, if it is a unit of measure.
pub fn by_symbol(symbol: &str) -> Option<&'static UnitDef> {
    units().defs.iter().find(|d| d.symbol == symbol)
}

/// `unit_after = [" " | "-"] unit_word`: a unit written right after a number, with the
/// separator it needs. Fails when none stands there.
pub fn unit_after(input: &str) -> IResult<&str, &'static UnitDef> {
    let lexicon = units();
    match lexicon.spellings.after_number(input) {
        Some((target, rest)) => Ok((rest, &lexicon.defs[target])),
        None => Err(no_match(input)),
    }
}

pub(super) fn no_match(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag))
}

struct Units {
    defs: Vec<UnitDef>,
    spellings: SpellingTable,
}

const UNITS_TXT: &str = include_str!("../../grammar/lexicon/units.txt");

fn units() -> &'static Units {
    static UNITS: OnceLock<Units> = OnceLock::new();
    // A malformed line is dropped here and reported by the lexicon test.
    UNITS.get_or_init(|| parse_units(UNITS_TXT).0)
}

/// Parses the units lexicon; also returns one message per line it could not read.
fn parse_units(text: &'static str) -> (Units, Vec<String>) {
    let mut units = Units {
        defs: Vec::new(),
        spellings: SpellingTable::default(),
    };
    let mut errors = Vec::new();
    for (number, line) in lexicon_lines(text) {
        match parse_unit_line(line) {
            Some((def, symbols, names)) => {
                let target = units.defs.len();
                units.defs.push(def);
                units.spellings.add_all(symbols, target, true);
                units.spellings.add_all(names, target, false);
            }
            None => errors.push(format!("units.txt line {number}: {line}")),
        }
    }
    units.spellings.sort();
    (units, errors)
}

fn parse_unit_line(line: &'static str) -> Option<(UnitDef, &'static str, &'static str)> {
    let fields: Vec<&'static str> = line.split('|').map(str::trim).collect();
    let [symbol, dimension, to_base, options, symbols, names] = fields[..] else {
        return None;
    };
    if symbol.is_empty() || dimension.is_empty() || (symbols.is_empty() && names.is_empty()) {
        return None;
    }
    let mut def = UnitDef {
        symbol,
        dimension,
        to_base: to_base.parse().ok()?,
        offset: Decimal::ZERO,
        alt_to_base: Vec::new(),
    };
    for option in options.split_whitespace() {
        match option.split_once('=')? {
            ("offset", v) => def.offset = v.parse().ok()?,
            ("alt", vs) => {
                for v in vs.split(',') {
                    def.alt_to_base.push(v.parse().ok()?);
                }
            }
            _ => return None,
        }
    }
    if def.to_base.is_zero() || def.alt_to_base.iter().any(Decimal::is_zero) {
        return None;
    }
    Some((def, symbols, names))
}

/// The non-blank, non-comment lines of a lexicon with their 1-based line numbers.
pub(super) fn lexicon_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

/// How a spelling may attach to the number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Attach {
    /// Glued, spaced, or (for spellings longer than one letter) hyphenated.
    Free,
    /// Glued only: "5l", "50p".
    Glued,
    /// Must end the text or stand before closing punctuation: "5 in".
    Final,
}

#[derive(Debug)]
struct Spelling {
    text: String,
    target: usize,
    case_sensitive: bool,
    attach: Attach,
}

/// Every spelling of a lexicon, bucketed by its first byte (ASCII-lowercased) and longest
/// first within a bucket, so that a lookup tries a few candidates and the longest wins.
#[derive(Debug, Default)]
pub(super) struct SpellingTable {
    buckets: Vec<Vec<Spelling>>,
}

impl SpellingTable {
    /// Adds each comma-separated spelling of `list` for `target`, expanding "(s)"/"(es)"
    /// and reading the trailing markers "!" (glued only) and "^" (final only).
    pub(super) fn add_all(&mut self, list: &str, target: usize, case_sensitive: bool) {
        for raw in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (raw, attach) = if let Some(s) = raw.strip_suffix('!') {
                (s, Attach::Glued)
            } else if let Some(s) = raw.strip_suffix('^') {
                (s, Attach::Final)
            } else {
                (raw, Attach::Free)
            };
            for text in expand_plural(raw) {
                self.add(text, target, case_sensitive, attach);
            }
        }
    }

    fn add(&mut self, text: String, target: usize, case_sensitive: bool, attach: Attach) {
        let Some(&first) = text.as_bytes().first() else {
            return;
        };
        if self.buckets.is_empty() {
            self.buckets.resize_with(256, Vec::new);
        }
        self.buckets[usize::from(first.to_ascii_lowercase())].push(Spelling {
            text,
            target,
            case_sensitive,
            attach,
        });
    }

    pub(super) fn sort(&mut self) {
        for bucket in &mut self.buckets {
            bucket.sort_by_key(|s| std::cmp::Reverse(s.text.len()));
        }
    }

    /// The longest spelling after a number: glued, or after one space, no-break space or
    /// hyphen (see [`Attach`]), and ending a word. Returns its target and the input after it.
    pub(super) fn after_number<'a>(&self, input: &'a str) -> Option<(usize, &'a str)> {
        let ends = |s: &Spelling, rest: &str| ends_word(&s.text, s.attach, rest);
        if let Some(rest) = strip_space(input) {
            self.longest(rest, |s, r| s.attach != Attach::Glued && ends(s, r))
        } else if let Some(rest) = input.strip_prefix('-') {
            self.longest(rest, |s, r| {
                s.attach == Attach::Free && s.text.chars().nth(1).is_some() && ends(s, r)
            })
        } else {
            self.longest(input, ends)
        }
    }

    /// The longest spelling at the very start of `input` that a number may follow: no
    /// letter right after a spelling that ends in one ("USD5" but not "USDA").
    pub(super) fn before_number<'a>(&self, input: &'a str) -> Option<(usize, &'a str)> {
        self.longest(input, |s, rest| {
            !(s.text.ends_with(|c: char| c.is_alphabetic())
                && rest.starts_with(|c: char| c.is_alphabetic()))
        })
    }

    fn longest<'a>(
        &self,
        input: &'a str,
        fits: impl Fn(&Spelling, &str) -> bool,
    ) -> Option<(usize, &'a str)> {
        let first = *input.as_bytes().first()?;
        let bucket = self.buckets.get(usize::from(first.to_ascii_lowercase()))?;
        let bytes = input.as_bytes();
        bucket.iter().find_map(|s| {
            let head = bytes.get(..s.text.len())?;
            let same = if s.case_sensitive {
                head == s.text.as_bytes()
            } else {
                head.eq_ignore_ascii_case(s.text.as_bytes())
            };
            // The bytes equal the spelling's up to ASCII case, so this is a char boundary.
            let rest = input.get(s.text.len()..)?;
            (same && fits(s, rest)).then_some((s.target, rest))
        })
    }

    /// Pairs of spellings that read the same input but name different targets, or are
    /// listed twice: the lexicon tests require none.
    #[cfg(test)]
    pub(super) fn clashes(&self) -> Vec<(String, String)> {
        let entries: Vec<&Spelling> = self.buckets.iter().flatten().collect();
        let mut clashes = Vec::new();
        for (i, a) in entries.iter().enumerate() {
            for b in &entries[i + 1..] {
                let same_text = if a.case_sensitive && b.case_sensitive {
                    a.text == b.text
                } else {
                    a.text.eq_ignore_ascii_case(&b.text)
                };
                let duplicate = a.target == b.target && a.case_sensitive == b.case_sensitive;
                if same_text && (a.target != b.target || duplicate) {
                    clashes.push((a.text.clone(), b.text.clone()));
                }
            }
        }
        clashes
    }
}

/// One space, no-break space, narrow no-break space or thin space.
pub(super) fn strip_space(input: &str) -> Option<&str> {
    [' ', '\u{a0}', '\u{202f}', '\u{2009}']
        .iter()
        .find_map(|&c| input.strip_prefix(c))
}

/// "metre(s)" → "metre", "metres"; "inch(es)" → "inch", "inches".
fn expand_plural(raw: &str) -> Vec<String> {
    match (raw.find('('), raw.find(')')) {
        (Some(open), Some(close)) if open < close => {
            let (before, after) = (&raw[..open], &raw[close + 1..]);
            vec![
                format!("{before}{after}"),
                format!("{before}{}{after}", &raw[open + 1..close]),
            ]
        }
        _ => vec![raw.to_string()],
    }
}

/// Whether a spelling ends a word when `rest` follows it: "5 mall" must not read as metres.
fn ends_word(spelling: &str, attach: Attach, rest: &str) -> bool {
    let mut after = rest.chars();
    let next = after.next();
    if attach == Attach::Final {
        return match next {
            None => true,
            Some(c) if ";)]}".contains(c) => true,
            // "5 in. of snow": an abbreviation before a lower-case word.
            Some(' ') => {
                spelling.ends_with('.') && after.next().is_some_and(|c| c.is_ascii_lowercase())
            }
            _ => false,
        };
    }
    let Some(next) = next else {
        return true;
    };
    if next.is_alphanumeric() || next == '_' {
        return false;
    }
    if spelling.chars().nth(1).is_none() && spelling.chars().all(char::is_alphabetic) {
        // A lone letter ("m", "t", "L", "p") reads as a unit only before a space or closing
        // punctuation: "5 t-shirts", "5 L.A." and "5 m's" are something else.
        return match next {
            '.' => !after.next().is_some_and(char::is_alphanumeric),
            c => c.is_whitespace() || ",;:!?)]}\"”".contains(c),
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(input: &str) -> Option<(&'static str, &str)> {
        unit_after(input).ok().map(|(rest, def)| (def.symbol, rest))
    }

    fn symbol(input: &str) -> Option<&'static str> {
        unit(input).map(|(s, _)| s)
    }

    fn def(symbol: &str) -> &'static UnitDef {
        units()
            .defs
            .iter()
            .find(|d| d.symbol == symbol)
            .unwrap_or_else(|| panic!("no unit {symbol}"))
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn every_lexicon_line_parses() {
        let (units, errors) = parse_units(UNITS_TXT);
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(units.defs.len() > 80, "{} units", units.defs.len());
    }

    #[test]
    fn symbols_are_unique_per_dimension() {
        let defs = &units().defs;
        for (i, a) in defs.iter().enumerate() {
            for b in &defs[i + 1..] {
                assert!(
                    a.symbol != b.symbol || a.dimension != b.dimension,
                    "{} twice in {}",
                    a.symbol,
                    a.dimension
                );
            }
        }
    }

    #[test]
    fn no_spelling_names_two_units() {
        assert_eq!(units().spellings.clashes(), vec![]);
    }

    #[test]
    fn symbols_names_and_plurals() {
        assert_eq!(symbol(" km"), Some("km"));
        assert_eq!(symbol("km"), Some("km"));
        assert_eq!(symbol(" kilometres"), Some("km"));
        assert_eq!(symbol(" Kilometers"), Some("km"));
        assert_eq!(symbol(" metre"), Some("m"));
        assert_eq!(symbol(" meters"), Some("m"));
        assert_eq!(symbol(" litres"), Some("l"));
        assert_eq!(symbol(" liter"), Some("l"));
        assert_eq!(symbol(" feet"), Some("ft"));
        assert_eq!(symbol(" foot"), Some("ft"));
        assert_eq!(symbol(" inches"), Some("in"));
        assert_eq!(symbol(" tonnes"), Some("t"));
        assert_eq!(symbol(" metric tons"), Some("t"));
        assert_eq!(symbol(" tons"), Some("ton"));
        assert_eq!(symbol(" lbs"), Some("lb"));
        assert_eq!(symbol(" pounds"), Some("lb"));
        assert_eq!(symbol(" ounces"), Some("oz"));
        assert_eq!(symbol(" cups"), Some("cup"));
        assert_eq!(symbol(" tablespoons"), Some("tbsp"));
        assert_eq!(symbol(" tsp"), Some("tsp"));
        assert_eq!(symbol(" acres"), Some("acre"));
        assert_eq!(symbol(" hectares"), Some("ha"));
        assert_eq!(symbol(" gallons"), Some("gal"));
        assert_eq!(symbol(" barrels"), Some("bbl"));
        assert_eq!(symbol(" barrels a day"), Some("bbl/d"));
        assert_eq!(symbol(" mpg"), Some("mpg"));
        assert_eq!(symbol("-square-foot"), Some("ft²"));
        assert_eq!(symbol("ºC"), Some("°C"));
        assert_eq!(symbol("C on Monday"), Some("°C"));
        assert_eq!(symbol(" C on Monday"), None);
        assert_eq!(symbol("Cs"), None);
    }

    #[test]
    fn separators() {
        assert_eq!(symbol("-mile"), Some("mi"));
        assert_eq!(symbol("-kilometre"), Some("km"));
        assert_eq!(symbol("-km"), Some("km"));
        assert_eq!(symbol("\u{a0}km"), Some("km"));
        assert_eq!(symbol("\u{202f}°C"), Some("°C"));
        // One separator only, and no hyphen before a lone letter.
        assert_eq!(symbol("  km"), None);
        assert_eq!(symbol("-m"), None);
        assert_eq!(symbol("- km"), None);
    }

    #[test]
    fn abbreviations_with_periods_and_multiword_names() {
        assert_eq!(unit(" ft. tall"), Some(("ft", " tall")));
        assert_eq!(unit(" ft tall"), Some(("ft", " tall")));
        assert_eq!(unit(" sq km of forest"), Some(("km²", " of forest")));
        assert_eq!(unit(" sq. km."), Some(("km²", "")));
        assert_eq!(symbol("km²"), Some("km²"));
        assert_eq!(symbol(" km2"), Some("km²"));
        assert_eq!(symbol(" square kilometres"), Some("km²"));
        assert_eq!(symbol(" square miles"), Some("mi²"));
        assert_eq!(symbol(" cubic metres"), Some("m³"));
        assert_eq!(symbol(" fluid ounces"), Some("fl oz"));
        assert_eq!(symbol(" fl oz"), Some("fl oz"));
        assert_eq!(symbol(" nautical miles"), Some("nmi"));
        assert_eq!(symbol(" degrees Celsius"), Some("°C"));
        assert_eq!(symbol(" degrees fahrenheit"), Some("°F"));
        assert_eq!(symbol(" degrees F"), Some("°F"));
        assert_eq!(symbol(" ° Celsius"), Some("°C"));
        assert_eq!(symbol(" miles per hour"), Some("mph"));
        assert_eq!(symbol(" kilometres an hour"), Some("km/h"));
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(unit(" km/h."), Some(("km/h", ".")));
        assert_eq!(unit(" degrees Celsius."), Some(("°C", ".")));
        assert_eq!(unit(" degrees in the shade"), Some(("°", " in the shade")));
        assert_eq!(unit("°C"), Some(("°C", "")));
        assert_eq!(unit("°"), Some(("°", "")));
        assert_eq!(unit(" miles away"), Some(("mi", " away")));
        assert_eq!(unit(" mph"), Some(("mph", "")));
        assert_eq!(unit(" kWh a year"), Some(("kWh", " a year")));
        assert_eq!(unit(" Mbps"), Some(("Mbit/s", "")));
    }

    #[test]
    fn case_matters_for_symbols_only() {
        assert_eq!(symbol(" MW"), Some("MW"));
        assert_eq!(symbol(" mW"), None);
        assert_eq!(symbol(" GB"), Some("GB"));
        assert_eq!(symbol(" Gb"), Some("Gb"));
        assert_eq!(symbol(" gb"), None);
        assert_eq!(symbol(" MEGAWATTS"), Some("MW"));
        assert_eq!(symbol(" KM"), None);
    }

    #[test]
    fn unit_ends_at_a_word_boundary() {
        assert_eq!(symbol(" mall"), None);
        assert_eq!(symbol(" mins"), None);
        assert_eq!(symbol(" miners"), None);
        assert_eq!(symbol(" cupcakes"), None);
        assert_eq!(symbol(" Cup final"), None);
        assert_eq!(symbol(" Cups of flour"), Some("cup"));
        assert_eq!(symbol(" pm"), None);
        assert_eq!(symbol(" picometres"), Some("pm"));
        assert_eq!(symbol(" gs"), None);
        assert_eq!(symbol(" kmx"), None);
        assert_eq!(symbol("°N"), None);
        assert_eq!(unit(" m, then"), Some(("m", ", then")));
        assert_eq!(unit(" m."), Some(("m", ".")));
        assert_eq!(unit(" km-long trail"), Some(("km", "-long trail")));
    }

    #[test]
    fn lone_letters_are_guarded() {
        assert_eq!(symbol(" m"), Some("m"));
        assert_eq!(symbol("m high"), Some("m"));
        assert_eq!(symbol(" t-shirts"), None);
        assert_eq!(symbol(" m's"), None);
        assert_eq!(symbol(" L.A."), None);
        assert_eq!(symbol("t"), Some("t"));
        // "l" only glued; "L" glued or spaced.
        assert_eq!(symbol("l"), Some("l"));
        assert_eq!(symbol(" l"), None);
        assert_eq!(symbol(" L"), Some("l"));
        assert_eq!(symbol("L bottle"), Some("l"));
    }

    #[test]
    fn inches_need_more_than_in() {
        assert_eq!(symbol(" in the morning"), None);
        assert_eq!(symbol(" in 2024"), None);
        assert_eq!(symbol(" in, 3 out"), None);
        assert_eq!(symbol(" in"), Some("in"));
        assert_eq!(symbol(" in)"), Some("in"));
        assert_eq!(unit(" in. of snow"), Some(("in", " of snow")));
        assert_eq!(symbol(" in. The"), None);
        assert_eq!(symbol("''"), Some("in"));
        assert_eq!(symbol("-inch"), Some("in"));
        assert_eq!(symbol("\""), None);
    }

    #[test]
    fn non_ascii_input_never_splits_a_char() {
        let text = "5 µm, 6 μg; 7 ℃x 8° é 日本\u{a0}km 9 ˚F 10 £ ¥ ₹ 20€ ''\u{202f}-é in. ";
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            let _ = unit_after(rest);
            let _ = super::super::money::currency_before(rest);
            let _ = super::super::money::currency_after(rest);
        }
        assert_eq!(symbol(" μm"), Some("µm"));
        assert_eq!(symbol("℃"), Some("°C"));
    }

    #[test]
    fn factors_are_exact() {
        assert_eq!(def("mi").to_base, dec("1609.344"));
        assert_eq!(def("acre").to_base, dec("4046.8564224"));
        assert_eq!(def("lb").to_base, dec("0.45359237"));
        assert_eq!(def("gal").to_base, dec("3.785411784"));
        assert!(def("gal").is_ambiguous());
        assert!(def("ton").is_ambiguous());
        assert!(!def("km").is_ambiguous());
    }

    #[test]
    fn conversions() {
        let twelve_miles = convert(dec("12"), def("mi"), def("km")).unwrap();
        assert_eq!(twelve_miles, dec("19.312128"));
        let forty_metres = convert(dec("40"), def("m"), def("ft")).unwrap();
        assert_eq!(forty_metres.round_dp(1), dec("131.2"));
        assert_eq!(convert(dec("12"), def("ft"), def("m")), Some(dec("3.6576")));
        assert_eq!(convert(dec("100"), def("°C"), def("°F")), Some(dec("212")));
        assert_eq!(convert(dec("-40"), def("°F"), def("°C")), Some(dec("-40")));
        assert_eq!(convert(dec("0"), def("°C"), def("K")), Some(dec("273.15")));
        assert_eq!(convert(dec("10"), def("m/s"), def("km/h")), Some(dec("36")));
        assert_eq!(convert(dec("1"), def("kWh"), def("MJ")), Some(dec("3.6")));
        assert_eq!(convert(dec("8"), def("GB"), def("km")), None);
        assert_eq!(convert(Decimal::MAX, def("km"), def("mm")), None);
    }

    #[test]
    fn ambiguous_units_convert_under_every_reading() {
        let tons = convert_all(dec("1"), def("ton"), def("kg"));
        assert_eq!(
            tons,
            vec![dec("907.18474"), dec("1000"), dec("1016.0469088")]
        );
        let miles = convert_all(dec("1"), def("mi"), def("m"));
        assert!(miles.contains(&dec("1852")));
        assert_eq!(
            convert_all(dec("2"), def("km"), def("m")),
            vec![dec("2000")]
        );
    }
}
