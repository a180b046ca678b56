//! The not-claims filter: digits that are part of something else — citation markers "[2]",
//! list numbering, versions "1.2.3", names "F-16", "COVID-19", "Boeing 737", "G7", times of day
//! "10:30" / "9 a.m.", phone numbers, URLs and e-mail addresses, numbers glued to letters.

use super::lex;
use std::sync::OnceLock;

/// The words just before a candidate position, for productions whose reading depends on them
/// ("the first half" is a period, "rose from 5% to 7%" a change).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Before<'a> {
    /// The previous word as written (trailing "." kept: "No."), or "".
    pub word: &'a str,
    /// The text of the clause before the candidate, back to the last clause punctuation
    /// ("won the opening game 112-99": "won the opening game "), or "".
    pub clause: &'a str,
}

impl<'a> Before<'a> {
    pub fn of(text: &'a str, at: usize) -> Before<'a> {
        let head = &text[..at];
        Before {
            word: previous_word(head),
            clause: clause_tail(head),
        }
    }

    pub fn word_is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.word.eq_ignore_ascii_case(w))
    }

    /// One of `words` among the last `n` words of the clause before the candidate.
    pub fn clause_has(&self, words: &[&str], n: usize) -> bool {
        self.clause
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
    let mut from = head.len().saturating_sub(CLAUSE_LOOKBACK);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    let head = &head[from..];
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

fn name_words() -> &'static [&'static str] {
    static L: OnceLock<Vec<&'static str>> = OnceLock::new();
    L.get_or_init(|| lex::singles(include_str!("../../grammar/lexicon/name_words.txt")).collect())
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

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
    if name_words().iter().any(|n| word.eq_ignore_ascii_case(n)) {
        // "Boeing 737", "Formula One", "type 2 diabetes".
        return false;
    }
    if !(first.is_ascii_digit() || matches!(first, '-' | '−')) {
        return true;
    }
    let prev2 = char_before(text, at - prev.len_utf8());
    let glued_after = |p: Option<char>, f: fn(char) -> bool| p.is_some_and(f);
    match prev {
        // "F-16", "COVID-19", the second half of "5–4".
        '-' | '–' | '−' => !glued_after(prev2, char::is_alphanumeric),
        // Exponents and scientific notation: "km^2", "2.48×10".
        '^' | '×' => false,
        // "1.2.3", "10:30", "3:1", "12/02", the tail of "1,2".
        '.' | ',' | ':' | '/' => !glued_after(prev2, |c| c.is_ascii_digit()),
        '#' | '@' | '_' => false,
        _ => !MONTHS.iter().any(|m| word.eq_ignore_ascii_case(m)),
    }
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
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].trim().is_empty()
        && claim.bytes().all(|b| b.is_ascii_digit())
        && matches!(next, Some('.' | ')'))
        && next2.is_some_and(char::is_whitespace)
}

/// A number directly followed by a unit of time or a clock word is a time expression.
pub fn followed_by_time_word(rest: &str) -> bool {
    let after = lex::sp1(rest).or_else(|| rest.strip_prefix('-'));
    after.is_some_and(|a| {
        let time = TIME_WORDS.iter().find_map(|w| lex::word(a, w));
        // "thirty years old" is an age, a number like any other.
        let age = time.is_some_and(|r| {
            lex::sp1(r)
                .or_else(|| r.strip_prefix('-'))
                .is_some_and(|r| lex::word(r, "old").is_some())
        });
        (time.is_some() && !age) || MONTHS[..12].iter().any(|m| lex::word(a, m).is_some())
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
    let before = Before::of(text, at);
    (claim.eq_ignore_ascii_case("first") && before.word_is(&["at"]))
        || (claim.eq_ignore_ascii_case("second")
            && before.word_is(&["a", "an", "one", "per", "every", "each", "split", "that"]))
}

/// "at one point three men left": the idiom "at one point", not a spoken decimal.
fn is_at_one_point(text: &str, at: usize, claim: &str) -> bool {
    lex::phrase(claim, "one point").is_some() && Before::of(text, at).word_is(&["at"])
}

/// The whitespace-delimited token around `[at, end)`.
fn token(text: &str, at: usize, end: usize) -> &str {
    let start = text[..at]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1)
        .max(at.saturating_sub(256));
    let stop = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i)
        .min(end + 256);
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
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let from = at.saturating_sub(16).max(line_start);
    let from = (from..at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
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
