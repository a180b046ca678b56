//! Years: a four-digit number 1000–2100 in year position ("in 2025", "2025's", "by 2030").

use super::{date_parts, parsed, words_before, Res};
use crate::grammar::lex::{change_words, fail, kw_any, sp_no_nnbsp, uint, ChangeReading};
use crate::grammar::Parsed;
use crate::model::{Hedge, Kind, Quantity};

/// `year_number = digit{4}` with a value from 1000 to 2100, not part of a grouped number.
pub fn year_number(input: &str) -> Res<'_, i32> {
    let (rest, (v, _)) = uint(input, 4, 4)?;
    if !(1000..=2100).contains(&v) {
        return fail(input);
    }
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '%') {
        return fail(input);
    }
    Ok((rest, v as i32))
}

/// Words after which a four-digit number names a year.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "from",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "circa",
    "year",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "the",
    "this",
    "its",
    "their",
    "his",
    "her",
    "fiscal",
    "ending",
    "around",
];

/// Whether a word is a change verb ("rose", "fell by").
pub fn is_change_word(word: &str) -> bool {
    change_words(ChangeReading::Year).contains(&word)
}

/// `year = year_number` in year position; `None` where a count reads better.
pub fn year(input: &str, before: &str) -> Option<Parsed> {
    let (rest, y) = year_number(input).ok()?;
    if followed_by_counted_noun(rest) {
        return None;
    }
    if !(in_year_position(before) || followed_like_a_year(rest, before)) {
        return None;
    }
    let len = input.len() - rest.len();
    Some(parsed(
        len,
        Kind::Year,
        Quantity::Date(date_parts(Some(y), None, None)),
        Hedge::None,
    ))
}

fn in_year_position(before: &str) -> bool {
    let words = words_before(before, 3);
    let Some(prev) = words.last() else {
        return false;
    };
    let prev = prev.trim_end_matches(',');
    if !YEAR_PREPOSITIONS.contains(&prev) && !prev.ends_with("mid-") {
        return false;
    }
    let earlier = words.len().checked_sub(2).map(|i| words[i].as_str());
    match prev {
        "by" | "from" | "to" => !earlier.is_some_and(is_change_word),
        "of" => !earlier.is_some_and(|w| {
            matches!(w, "out" | "total" | "all") || w.starts_with(|c: char| c.is_ascii_digit())
        }),
        "the" | "this" | "its" | "their" | "his" | "her" => true,
        _ => true,
    }
}

/// "2025's", "(2019)", or a sentence opening "2024, …".
fn followed_like_a_year(rest: &str, before: &str) -> bool {
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return true;
    }
    if before.trim_end().ends_with('(') && rest.starts_with(')') {
        return true;
    }
    super::at_sentence_start(before) && rest.starts_with(',')
}

/// Plural nouns (and the irregular ones) that a count would quantify.
fn is_counted_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    const IRREGULAR: &[&str] = &[
        "people",
        "men",
        "women",
        "children",
        "police",
        "staff",
        "personnel",
        "feet",
        "cattle",
        "sheep",
        "fish",
        "troops",
        "percent",
        "per",
        "million",
        "billion",
        "thousand",
        "hundred",
        "more",
        "other",
        "others",
        "new",
        "additional",
        "extra",
    ];
    if IRREGULAR.contains(&w.as_str()) {
        return true;
    }
    const NOT_PLURAL: &[&str] = &[
        "was",
        "is",
        "has",
        "as",
        "this",
        "its",
        "his",
        "us",
        "plus",
        "thus",
        "across",
        "always",
        "perhaps",
        "whereas",
        "less",
        "unless",
        "yes",
        "towards",
        "afterwards",
        "besides",
        "nevertheless",
        "news",
        "status",
        "crisis",
        "analysis",
        "basis",
        "series",
        "elections",
    ];
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !NOT_PLURAL.contains(&w.as_str())
        || matches!(
            w.as_str(),
            "km" | "kg" | "mi" | "ft" | "lb" | "m" | "tonnes" | "tons"
        )
}

/// "2000 troops", "2000 U.S. troops", "2000 and 3000 fighters".
pub fn followed_by_counted_noun(rest: &str) -> bool {
    let after = sp_no_nnbsp(rest);
    if after.starts_with("'s") || after.starts_with("’s") {
        return false;
    }
    let mut words = after
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let bare = first.trim_end_matches(|c: char| c.is_ascii_punctuation());
    if is_counted_noun(bare) && bare.len() == first.len() {
        return true;
    }
    // An abbreviation or proper adjective before the noun ("U.S. troops", "Kurdish fighters").
    if first.starts_with(|c: char| c.is_uppercase()) && !first.ends_with(',') {
        if let Some(second) = words.next() {
            let bare2 = second.trim_end_matches(|c: char| c.is_ascii_punctuation());
            if is_counted_noun(bare2) && bare2.chars().all(char::is_lowercase) {
                return true;
            }
        }
    }
    // Coordinated with another number that counts something.
    if let Ok((r, _)) = kw_any(after, &["and", "or", "to"]) {
        let r = sp_no_nnbsp(r);
        let n = r
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b',')
            .count();
        if n > 0 {
            return followed_by_counted_noun(&r[n..]);
        }
    }
    if let Ok((r, ())) = super::dash(after) {
        let n = r
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b',')
            .count();
        if n > 0 {
            return followed_by_counted_noun(&r[n..]);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_at(text: &str, at: usize) -> Option<String> {
        let p = year(&text[at..], &text[..at])?;
        Some(text[at..at + p.len].to_string())
    }

    #[test]
    fn years_in_year_position() {
        assert_eq!(year_at("It began in 2025.", 12).as_deref(), Some("2025"));
        assert_eq!(
            year_at("Fighting since 2014 has", 15).as_deref(),
            Some("2014")
        );
        assert_eq!(year_at("This is 2025's worst", 8).as_deref(), Some("2025"));
        assert_eq!(year_at("2024, a hard year", 0).as_deref(), Some("2024"));
        assert_eq!(year_at("a goal by 2030.", 10).as_deref(), Some("2030"));
    }

    #[test]
    fn counts_are_not_years() {
        assert_eq!(year_at("approximately 2000 troops", 14), None);
        assert_eq!(year_at("in 2000 U.S. troops", 3), None);
        assert_eq!(year_at("between 2000 and 3000 fighters", 8), None);
        assert_eq!(year_at("it fell by 2000 last", 11), None);
        assert_eq!(year_at("out of 2000.", 7), None);
        assert_eq!(year_at("up from 1500 in", 8), None);
        assert_eq!(year_at("We counted 2000.", 11), None);
        assert_eq!(year_at("in 2000.5 cases", 3), None);
        assert_eq!(year_at("in 3000 BC", 3), None);
    }
}
