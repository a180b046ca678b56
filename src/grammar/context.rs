//! The not-claims filter: digits that are part of something else — citation markers "[2]",
//! list numbering, versions "1.2.3", names "F-16", "COVID-19", "Boeing 737", "G7", times of day
//! "10:30" / "9 a.m.", phone numbers, URLs and e-mail addresses, numbers glued to letters.

use super::lex;
use crate::model::ceil_char_boundary;
use std::sync::OnceLock;

/// The words just before a candidate position, for productions whose reading depends on them
/// ("the first half" is a period, "rose from 5% to 7%" a change).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Before<'a> {
    /// The previous word as written (trailing "." kept: "No."), or "".
    pub word: &'a str,
    /// The text before the candidate; its last clause ([`clause_tail`]) is read only when a
    /// production asks, since most never do.
    pub head: &'a str,
}

impl<'a> Before<'a> {
    pub fn of(text: &'a str, at: usize) -> Before<'a> {
        let head = &text[..at];
        Before {
            word: previous_word(head),
            head,
        }
    }

    pub fn word_is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.word.eq_ignore_ascii_case(w))
    }

    /// One of `words` among the last `n` words of the clause before the candidate, back to
    /// the last clause punctuation ("won the opening game 112-99": "won the opening game").
    pub fn clause_has(&self, words: &[&str], n: usize) -> bool {
        clause_tail(self.head)
            .split_whitespace()
            .rev()
            .take(n)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }
}

const CLAUSE_LOOKBACK: usize = 160;

/// The end of `head` after its last clause boundary (". ", ";", ":", ",", a dash or a line
/// break), so that words of an earlier clause never describe the candidate. Looks back at
/// most `CLAUSE_LOOKBACK` bytes so that scanning stays linear in the text.
fn clause_tail(head: &str) -> &str {
    let head = &head[ceil_char_boundary(head, head.len().saturating_sub(CLAUSE_LOOKBACK))..];
    let cut = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ';' | ':' | ',' | '\n' | '—' | '!' | '?')
                || (c == '.' && head[i + 1..].starts_with(' '))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[cut..]
}

/// The word ending just before `head` (separated from it by spaces only), or "".
fn previous_word(head: &str) -> &str {
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == head.len() {
        return "";
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '.' | '\'' | '-'))
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    &trimmed[start..]
}

fn name_words() -> &'static lex::WordList<()> {
    static L: OnceLock<lex::WordList<()>> = OnceLock::new();
    L.get_or_init(|| {
        let words = lex::singles(include_str!("../../grammar/lexicon/name_words.txt"));
        lex::WordList::new(words.map(|w| (w, ())).collect())
    })
}

/// A month name or abbreviation, with or without its period ("Dec.", "sept", "May").
fn is_month_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.len() >= 3 && lex::month_of_word(word).is_some()
}

/// Whether `text` starts with a month's full name ("March 3", "december").
fn starts_with_full_month(text: &str) -> bool {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    lex::is_full_month(&word)
}

/// Words after a number that make it a time expression, left to the time grammar.
const TIME_WORDS: &[&str] = &[
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "decades",
    "decade",
    "centuries",
    "century",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "GMT",
    "UTC",
    "BST",
    "EST",
    "EDT",
    "PST",
    "PDT",
    "CET",
    "hrs",
];

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, end: usize) -> Option<char> {
    text.get(end..)?.chars().next()
}

/// May a claim begin at `at`? Cheap checks on what precedes it.
pub fn may_start(text: &str, at: usize) -> bool {
    let Some(first) = char_after(text, at) else {
        return false;
    };
    let Some(prev) = char_before(text, at) else {
        return true;
    };
    if prev.is_alphanumeric() {
        return false;
    }
    let word = previous_word(&text[..at]);
    // Asked before every number: only the names that begin like the word are compared.
    if name_words()
        .candidates(word)
        .any(|(n, ())| word.eq_ignore_ascii_case(n))
    {
        // "Boeing 737", "Formula One", "type 2 diabetes".
        return false;
    }
    if is_british_number_sign(text, at, word) {
        return false;
    }
    let prev2 = char_before(text, at - prev.len_utf8());
    if !(first.is_ascii_digit() || matches!(first, '-' | '−')) {
        // "7-Eleven": a word dashed to digits is part of a name.
        return !(matches!(prev, '-' | '–') && prev2.is_some_and(|c| c.is_ascii_digit()));
    }
    let glued_after = |p: Option<char>, f: fn(char) -> bool| p.is_some_and(f);
    match prev {
        // "F-16", "COVID-19", the second half of "5–4".
        '-' | '–' | '−' => !glued_after(prev2, char::is_alphanumeric),
        // Exponents and scientific notation: "km^2", "2.48×10".
        '^' | '×' => false,
        // "1.2.3", "10:30", "3:1", "12/02", the tail of "1,2".
        '.' | ',' | ':' | '/' => !glued_after(prev2, |c| c.is_ascii_digit()),
        '#' | '@' | '_' => false,
        _ => !is_month_word(word),
    }
}

/// "No 10", "the No 7 shirt": British style writes "No." without its point. Only mid-sentence
/// and with a capital N, since a sentence may begin "No 5 people".
fn is_british_number_sign(text: &str, at: usize, word: &str) -> bool {
    if word != "No" {
        return false;
    }
    let before_no = text[..at].trim_end().strip_suffix("No").unwrap_or("");
    before_no
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// Words of a street name after a house number: "10 Downing Street".
const STREET_WORDS: &[&str] = &[
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Lane",
    "Place",
    "Square",
    "Drive",
    "Boulevard",
];

/// "10 Downing Street", "221B Baker Street": a house number before one or two capitalised
/// words and a street word.
fn is_house_number(claim: &str, rest: &str) -> bool {
    if !claim.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut r = rest;
    for _ in 0..3 {
        let Some(w) = lex::sp1(r) else { return false };
        let len = w.find(|c: char| !c.is_alphanumeric()).unwrap_or(w.len());
        let word = &w[..len];
        if STREET_WORDS.contains(&word) {
            return true;
        }
        if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        r = &w[len..];
    }
    false
}

/// "a one-time champion", "a one-off payment", "one-on-one talks": "one" in a compound.
fn is_compound_one(claim: &str, rest: &str) -> bool {
    claim.eq_ignore_ascii_case("one")
        && ["-time", "-off", "-on-one"]
            .iter()
            .any(|w| lex::word(rest, w).is_some())
}

/// "net zero", "Ground Zero", "zero-hours contracts", "zero-emission cars": "zero" in a name
/// or compound, not the number 0.
fn is_idiomatic_zero(text: &str, at: usize, claim: &str, rest: &str) -> bool {
    claim.eq_ignore_ascii_case("zero")
        && (Before::of(text, at).word_is(&["net", "ground", "year"])
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(char::is_alphabetic)))
}

/// May a claim that was read from `at` to `end` stand? Checks what follows it and the token
/// it sits in.
pub fn may_end(text: &str, at: usize, end: usize) -> bool {
    let claim = &text[at..end];
    let rest = &text[end..];
    let mut after = rest.chars();
    let next = after.next();
    let next2 = after.next();
    if next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let digit_next2 = next2.is_some_and(|c| c.is_ascii_digit());
    if digit_next2 && matches!(next, Some('.' | ',' | ':' | '/' | '-' | '–')) {
        return false;
    }
    if matches!(next, Some('@' | '_' | '^' | '×')) {
        return false;
    }
    if char_before(text, at) == Some('[') && next == Some(']') {
        return false;
    }
    if is_list_number(text, at, claim, next, next2) {
        return false;
    }
    if followed_by_time_word(rest) {
        return false;
    }
    if is_house_number(claim, rest)
        || is_compound_one(claim, rest)
        || is_idiomatic_zero(text, at, claim, rest)
    {
        return false;
    }
    if is_pronoun_one(text, at, claim, rest)
        || is_adverbial_ordinal(text, at, claim)
        || is_at_one_point(text, at, claim)
    {
        return false;
    }
    !in_url_or_address(text, at, end) && !is_phone_number(text, at, end)
}

/// "1. First item" / "2) Second" at the start of a line.
fn is_list_number(
    text: &str,
    at: usize,
    claim: &str,
    next: Option<char>,
    next2: Option<char>,
) -> bool {
    starts_line(text, at)
        && claim.bytes().all(|b| b.is_ascii_digit())
        && matches!(next, Some('.' | ')'))
        && next2.is_some_and(char::is_whitespace)
}

/// Whether only whitespace stands between the line start and `at`; reads back over that
/// whitespace only, so a long line costs nothing.
fn starts_line(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .rev()
        .find(|c| *c == '\n' || !c.is_whitespace())
        .is_none_or(|c| c == '\n')
}

/// A number directly followed by a unit of time or a clock word is a time expression.
pub fn followed_by_time_word(rest: &str) -> bool {
    let after = lex::sp1(rest).or_else(|| rest.strip_prefix('-'));
    after.is_some_and(|a| {
        let first = a.as_bytes().first().map(u8::to_ascii_lowercase);
        let time = TIME_WORDS
            .iter()
            .filter(|w| w.as_bytes().first().map(u8::to_ascii_lowercase) == first)
            .find_map(|w| lex::word(a, w));
        // "thirty years old" is an age, a number like any other.
        let age = time.is_some_and(|r| {
            lex::sp1(r)
                .or_else(|| r.strip_prefix('-'))
                .is_some_and(|r| lex::word(r, "old").is_some())
        });
        (time.is_some() && !age) || starts_with_full_month(a)
    })
}

/// "no one", "the one", "the last one", "one another": "one" as a pronoun.
fn is_pronoun_one(text: &str, at: usize, claim: &str, rest: &str) -> bool {
    const BEFORE: &[&str] = &[
        "no", "the", "any", "every", "each", "this", "that", "which", "last", "next", "previous",
        "current", "right", "wrong", "other", "little", "big", "new", "old", "same", "young",
        "loved", "chosen",
    ];
    const AFTER: &[&str] = &["another", "last", "day"];
    claim.eq_ignore_ascii_case("one")
        && (Before::of(text, at).word_is(BEFORE)
            || lex::sp1(rest).is_some_and(|r| AFTER.iter().any(|w| lex::word(r, w).is_some())))
}

/// "at first", "a second chance", "per second": ordinal words used as adverbs, for
/// "another", or as the unit of time.
fn is_adverbial_ordinal(text: &str, at: usize, claim: &str) -> bool {
    // The claim's own word first: reading the clause before it is the costly part.
    (claim.eq_ignore_ascii_case("first") && Before::of(text, at).word_is(&["at"]))
        || (claim.eq_ignore_ascii_case("second")
            && Before::of(text, at)
                .word_is(&["a", "an", "one", "per", "every", "each", "split", "that"]))
}

/// "at one point three men left": the idiom "at one point", not a spoken decimal.
fn is_at_one_point(text: &str, at: usize, claim: &str) -> bool {
    lex::phrase(claim, "one point").is_some() && Before::of(text, at).word_is(&["at"])
}

/// The whitespace-delimited token around `[at, end)`.
fn token(text: &str, at: usize, end: usize) -> &str {
    // At most 256 bytes each way: searching further makes a long unbroken run quadratic.
    let from = ceil_char_boundary(text, at.saturating_sub(256));
    let start = text[from..at]
        .rfind(char::is_whitespace)
        .map_or(from, |i| from + i + 1);
    let to = ceil_char_boundary(text, (end + 256).min(text.len()));
    let stop = text[end..to]
        .find(char::is_whitespace)
        .map_or(to, |i| end + i);
    text.get(start..stop).unwrap_or("")
}

fn in_url_or_address(text: &str, at: usize, end: usize) -> bool {
    let t = token(text, at, end);
    t.contains("://") || t.contains("www.") || t.contains('@')
}

/// "555-1234", "555-123-4567", "+1 (555) 123-4567", "+44 20 7946 0958": groups ending in four
/// digits after groups of at most three (at least seven digits in all), or any spaced digit
/// groups after a "+" with at least eight digits.
fn is_phone_number(text: &str, at: usize, end: usize) -> bool {
    let from = ceil_char_boundary(text, at.saturating_sub(16));
    let from = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
    let stop = (end + 16).min(text.len());
    let stop = (stop..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let window = &text[from..stop];
    let claim_end = end - from;
    // Over the run of phone-like characters around the claim.
    let (mut groups, mut total, mut last, mut long_inner) = (0usize, 0usize, 0usize, false);
    let (mut run, mut separators, mut plus) = (0usize, 0usize, false);
    for (i, c) in window.char_indices() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        if run > 0 {
            long_inner |= groups > 0 && last > 3;
            groups += 1;
            total += run;
            last = run;
            run = 0;
        }
        match c {
            '-' | '.' | ')' => separators += 1,
            '+' => plus = groups == 0,
            ' ' | '(' => {}
            _ if i >= claim_end => break,
            _ => {
                (groups, total, long_inner, separators, plus) = (0, 0, false, 0, false);
            }
        }
    }
    if run > 0 {
        long_inner |= groups > 0 && last > 3;
        groups += 1;
        total += run;
        last = run;
    }
    let grouped = groups >= 2 && separators >= 1 && total >= 7 && last == 4 && !long_inner;
    grouped || (plus && groups >= 2 && total >= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_word_and_before() {
        assert_eq!(previous_word("Boeing "), "Boeing");
        assert_eq!(previous_word("No. "), "No.");
        assert_eq!(previous_word("x"), "");
        assert!(Before::of("the first half", 10).word_is(&["first"]));
    }

    #[test]
    fn names_and_glued_letters_are_not_starts() {
        let t = "an F-16 and a Boeing 737 in G7 talks";
        assert!(!may_start(t, t.find("16").unwrap()));
        assert!(!may_start(t, t.find("737").unwrap()));
        assert!(!may_start("the G7 summit", 5));
        assert!(!may_start("a Formula One race", 10));
        assert!(!may_start("type 2 diabetes", 5));
        assert!(!may_start("a Category 4 storm", 11));
        assert!(may_start("about 38 attacks", 6));
        assert!(!may_start("a 7-Eleven store", 4));
        assert!(!may_start("the No 7 shirt", 7));
        assert!(may_start("No 5 people", 3));
        assert!(may_start("There were no 5 people", 14));
        assert!(may_start("one-third", 4));
    }

    #[test]
    fn citations_versions_times_and_lists() {
        let t = "as reported [2] in v1.2.3 at 10:30";
        assert!(!may_end(t, 13, 14));
        let t = "1. Go home";
        assert!(!may_end(t, 0, 1));
        assert!(may_end("192.", 0, 3));
        let t = "at 9 a.m. sharp";
        assert!(!may_end(t, 3, 4));
        let t = "version 1.2.3 ships";
        assert!(!may_end(t, 8, 11));
    }

    #[test]
    fn house_numbers_and_compounds_of_one() {
        let t = "talks at 10 Downing Street today";
        assert!(!may_end(t, 9, 11));
        let t = "moved to 4 Privet Drive";
        assert!(!may_end(t, 9, 10));
        let t = "sold 10 Downing shares on Street day";
        assert!(may_end(t, 5, 7));
        let t = "a one-time champion";
        assert!(!may_end(t, 2, 5));
        let t = "a one-off payment";
        assert!(!may_end(t, 2, 5));
        let t = "one-third of voters";
        assert!(may_end(t, 0, 3));
        let t = "net zero by 2050";
        assert!(!may_end(t, 4, 8));
        let t = "zero-hours contracts";
        assert!(!may_end(t, 0, 4));
        let t = "fell to zero in May";
        assert!(may_end(t, 8, 12));
    }

    #[test]
    fn phones_urls_and_emails() {
        let t = "call 555-1234 now";
        assert!(is_phone_number(t, 5, 8));
        let t = "a 1,500-3,000 range";
        assert!(!is_phone_number(t, 2, 13));
        let t = "ring +44 20 7946 0958 today";
        assert!(is_phone_number(
            t,
            t.find("7946").unwrap(),
            t.find("7946").unwrap() + 4
        ));
        let t = "ring +1 (555) 123-4567";
        assert!(is_phone_number(
            t,
            t.find("555").unwrap(),
            t.find("555").unwrap() + 3
        ));
        let t = "the 2,000 troops and 1234 others";
        assert!(!is_phone_number(t, 4, 9));
        let t = "see https://example.com/2024/report now";
        assert!(in_url_or_address(t, 24, 28));
        let t = "mail bob2@example.com";
        assert!(in_url_or_address(t, 8, 9));
    }

    #[test]
    fn pronoun_one_and_time_words() {
        let t = "no one came";
        assert!(!may_end(t, 3, 6));
        assert!(may_end("one attack", 0, 3));
        assert!(!may_end("the last one", 9, 12));
        assert!(may_end("only one of them", 5, 8));
        assert!(!may_start("the version two", 12));
        assert!(!may_end("wait a second", 7, 13));
        assert!(may_end("she finished second", 13, 19));
        assert!(followed_by_time_word(" years later"));
        assert!(followed_by_time_word("-day strike"));
        assert!(!followed_by_time_word(" attacks"));
        assert!(!followed_by_time_word(" years old"));
        let t = "At one point three men left";
        assert!(!may_end(t, 3, 18));
        assert!(may_end("only one point five", 5, 19));
    }
}
