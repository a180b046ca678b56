//! The numbers a document writes as words, claim or not ("game six", "1,200"): every
//! whitespace-separated word that reads as digits or as a number word, indexed once per
//! document so that asking whether the text after a heading writes a value does not read
//! the whole body again for every heading figure.

use crate::model::Span;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A word's value as digits ("1,200") or a number word ("two"), punctuation around it
/// already trimmed.
pub fn word_value(word: &str) -> Option<Decimal> {
    // Decimal's parser accepts nothing but these bytes: any other fails it without a try
    // (a failed parse allocates its error message).
    let numeric = |b: u8| b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'+' | b'-' | b',');
    if !word.is_empty() && word.bytes().all(numeric) {
        let digits = if word.contains(',') {
            word.chars()
                .filter(|c| *c != ',')
                .collect::<String>()
                .parse()
        } else {
            word.parse::<Decimal>()
        };
        if let Ok(d) = digits {
            return Some(d);
        }
    }
    // Number words begin with a letter: a word that begins with another ASCII character
    // (in lower case too) is none.
    if word
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphabetic())
        && number_words_begin_with_letters()
    {
        return None;
    }
    // Number words are matched in lower case; most words already are.
    let lower: Cow<str> = if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    };
    match crate::grammar::words::small(&lower) {
        Ok(("", v)) => Some(Decimal::from(v)),
        _ => None,
    }
}

/// Whether every number word of the lexicon begins with an ASCII letter, as [`word_value`]'s
/// shortcut assumes.
fn number_words_begin_with_letters() -> bool {
    static ALL: OnceLock<bool> = OnceLock::new();
    *ALL.get_or_init(|| {
        crate::grammar::lex::number_words()
            .iter()
            .all(|(w, _)| w.starts_with(|c: char| c.is_ascii_alphabetic()))
    })
}

/// A word trimmed of the punctuation around it ("(12," → "12").
pub fn trimmed(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// One word of the text that reads as a number.
struct Written {
    /// Where the word starts (before trimming).
    start: usize,
    value: Decimal,
    /// The word after it, untrimmed.
    next: Option<Span>,
}

/// The words of a document that read as numbers, in text order.
pub struct WrittenNumbers {
    words: Vec<Written>,
    /// The start of the last word of each value: whether a value is written after an offset
    /// is one look-up.
    last: HashMap<Decimal, usize>,
}

impl WrittenNumbers {
    pub fn new(text: &str) -> WrittenNumbers {
        let mut words: Vec<Written> = Vec::new();
        let mut last = HashMap::new();
        let mut pending = false;
        for word in text.split_whitespace() {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            if pending {
                if let Some(w) = words.last_mut() {
                    w.next = Some(Span::new(start, start + word.len()));
                }
            }
            pending = false;
            if let Some(value) = word_value(trimmed(word)) {
                last.insert(value, start);
                words.push(Written {
                    start,
                    value,
                    next: None,
                });
                pending = true;
            }
        }
        WrittenNumbers { words, last }
    }

    /// Whether the words of `text[from..]` include one that reads as `value`.
    pub fn written_after(&self, text: &str, from: usize, value: Decimal) -> bool {
        let Some(rest) = text.get(from..) else {
            return false;
        };
        // A word cut by `from` is read from there, as `text[from..]` reads it.
        if cuts_word(text, from)
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|w| word_value(trimmed(w)) == Some(value))
        {
            return true;
        }
        self.last.get(&value).is_some_and(|&start| start >= from)
    }

    /// Whether the words of `text[from..]` include one that reads as `value` followed by a
    /// word that starts, in lower case, with `unit` ("two years", "48 hours").
    pub fn written_before(&self, text: &str, from: usize, value: Decimal, unit: &str) -> bool {
        let Some(rest) = text.get(from..) else {
            return false;
        };
        let unit_word = |w: &str| trimmed(w).to_lowercase().starts_with(unit);
        if cuts_word(text, from) {
            let mut words = rest.split_whitespace();
            let first = words
                .next()
                .is_some_and(|w| word_value(trimmed(w)) == Some(value));
            if first && words.next().is_some_and(unit_word) {
                return true;
            }
        }
        if self.last.get(&value).is_none_or(|&start| start < from) {
            return false;
        }
        let at = self.words.partition_point(|w| w.start < from);
        self.words[at..].iter().any(|w| {
            w.value == value
                && w.next
                    .is_some_and(|n| text.get(n.start..n.end).is_some_and(unit_word))
        })
    }
}

/// Whether `from` falls inside a word: then `text[from..]` begins with part of it.
fn cuts_word(text: &str, from: usize) -> bool {
    let before = text.get(..from).and_then(|t| t.chars().next_back());
    let after = text.get(from..).and_then(|t| t.chars().next());
    before.is_some_and(|c| !c.is_whitespace()) && after.is_some_and(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the index answers is what reading `text[from..]` word by word answers.
    fn scan_after(text: &str, from: usize, value: Decimal) -> bool {
        text.get(from..)
            .unwrap_or("")
            .split_whitespace()
            .any(|w| word_value(trimmed(w)) == Some(value))
    }

    fn scan_before(text: &str, from: usize, value: Decimal, unit: &str) -> bool {
        let words: Vec<String> = text
            .get(from..)
            .unwrap_or("")
            .split_whitespace()
            .map(|w| trimmed(w).to_lowercase())
            .collect();
        words
            .windows(2)
            .any(|w| w[1].starts_with(unit) && word_value(&w[0]) == Some(value))
    }

    #[test]
    fn the_index_answers_as_a_scan_from_every_offset() {
        let text = "Two Hurt\nTwo people, 1,200 homes; (12) Years later 12 years and\u{a0}six hours 7.50 Six-week 2.0 Dozen.";
        let index = WrittenNumbers::new(text);
        let values = [1, 2, 6, 12, 1200].map(Decimal::from);
        for from in 0..=text.len() + 1 {
            for v in values
                .iter()
                .copied()
                .chain([Decimal::new(75, 1), Decimal::new(20, 1)])
            {
                assert_eq!(
                    index.written_after(text, from, v),
                    scan_after(text, from, v),
                    "{from} {v}"
                );
                for unit in ["year", "hour", "home"] {
                    assert_eq!(
                        index.written_before(text, from, v, unit),
                        scan_before(text, from, v, unit),
                        "{from} {v} {unit}"
                    );
                }
            }
        }
    }
}
