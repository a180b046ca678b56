//! Percentages, percentage points and basis points after a number: "12%", "12 percent",
//! "12 per cent", "0.4 percentage points", "130 basis points".

use super::lex::{self, fail};
use nom::IResult;

/// Suffix words (after a space or hyphen) and the unit `json.md` reports for them; longest
/// first so that "percentage points" is not read as "percentage".
const WORDS: &[(&str, &str)] = &[
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("basis points", "bp"),
    ("basis point", "bp"),
    ("per cent", "%"),
    ("percentage", "%"),
    ("percents", "%"),
    ("percent", "%"),
    ("pct", "%"),
    ("bps", "bp"),
    ("bp", "bp"),
    ("pp", "pp"),
];

/// `percent_suffix = [" "] "%" | "pc" | (" " | "-") percent_word`
pub fn percent_suffix(input: &str) -> IResult<&str, &'static str> {
    let spaced = lex::sp(input);
    if let Some(rest) = spaced.strip_prefix('%') {
        return Ok((rest, "%"));
    }
    // "4pc", "80pc": British papers' short "per cent", glued to the number only ("5 pc" may
    // count pieces).
    if let Some(rest) = input.strip_prefix("pc").filter(|r| lex::at_boundary(r)) {
        return Ok((rest, "%"));
    }
    let after_sep = lex::sp1(input).or_else(|| input.strip_prefix('-'));
    let found = after_sep.and_then(|s| {
        WORDS
            .iter()
            .find_map(|(w, unit)| lex::phrase(s, w).map(|r| (r, *unit)))
    });
    match found {
        Some(r) => Ok(r),
        None => fail(input),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(percent_suffix("% of"), Ok((" of", "%")));
        assert_eq!(percent_suffix(" %"), Ok(("", "%")));
        assert_eq!(percent_suffix(" per cent rise"), Ok((" rise", "%")));
        assert_eq!(percent_suffix(" percent"), Ok(("", "%")));
        assert_eq!(percent_suffix("-percent"), Ok(("", "%")));
        assert_eq!(percent_suffix(" percentage points"), Ok(("", "pp")));
        assert_eq!(percent_suffix(" basis points"), Ok(("", "bp")));
        assert!(percent_suffix(" percentages").is_err());
        assert!(percent_suffix(" people").is_err());
        assert_eq!(percent_suffix("pc rise"), Ok((" rise", "%")));
        assert!(percent_suffix(" pc").is_err());
        assert!(percent_suffix("pcs").is_err());
        assert!(percent_suffix("PC").is_err());
    }
}
