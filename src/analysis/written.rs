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
    // The number-word grammar only tries entries whose leading letters are the word's: a
    // word led by other letters is none. (A non-ASCII character after them might lower-case
    // to a letter: such a word takes the whole way.)
    let run = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    if word.as_bytes().get(run).is_none_or(u8::is_ascii)
        && !number_word_keys().contains(&word.as_bytes()[..run])
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

/// The leading ASCII letters of the number words of the lexicon, the keys under which the
/// grammar looks them up, by length.
struct Keys {
    by_len: Vec<Vec<&'static str>>,
    /// Per length, the first letters of its keys as bits (bit 26: a key of no letters):
    /// most words are rejected on this alone.
    first: Vec<u32>,
}

/// The bit of a key's first letter in [`Keys::first`].
fn first_bit(letters: &[u8]) -> u32 {
    letters
        .first()
        .map_or(1 << 26, |b| 1 << (b.to_ascii_lowercase() - b'a'))
}

impl Keys {
    /// Whether `letters` (ASCII letters) is a key, in any case. Inlined: it is asked about
    /// nearly every word of a document, and most fail on the first letter.
    #[inline]
    fn contains(&self, letters: &[u8]) -> bool {
        self.first
            .get(letters.len())
            .is_some_and(|bits| bits & first_bit(letters) != 0)
            && self.equals_one(letters)
    }

    #[inline(never)]
    fn equals_one(&self, letters: &[u8]) -> bool {
        self.by_len[letters.len()]
            .iter()
            .any(|k| k.as_bytes().eq_ignore_ascii_case(letters))
    }
}

fn number_word_keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut by_len: Vec<Vec<&'static str>> = Vec::new();
        for (entry, _) in crate::grammar::lex::number_words().iter() {
            let entry: &'static str = entry;
            let key = &entry[..entry.bytes().take_while(u8::is_ascii_alphabetic).count()];
            if by_len.len() <= key.len() {
                by_len.resize(key.len() + 1, Vec::new());
            }
            if !by_len[key.len()].contains(&key) {
                by_len[key.len()].push(key);
            }
        }
        let first = by_len
            .iter()
            .map(|keys| {
                keys.iter()
                    .fold(0, |bits, k| bits | first_bit(k.as_bytes()))
            })
            .collect();
        Keys { by_len, first }
    })
}

/// Whether `word` begins with ASCII letters that lead no number word (and an ASCII
/// character or nothing after them): then [`word_value`] of the trimmed word is `None`,
/// since trimming keeps those letters and [`word_value`] rejects the word on them. Most
/// words are rejected here, without being trimmed.
fn no_number_word(keys: &Keys, word: &str) -> bool {
    let b = word.as_bytes();
    let run = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    run > 0 && b.get(run).is_none_or(u8::is_ascii) && !keys.contains(&b[..run])
}

/// A word trimmed of the punctuation around it ("(12," → "12").
pub fn trimmed(word: &str) -> &str {
    // ASCII ends are trimmed byte by byte; a non-ASCII character at either end takes the
    // general way.
    let b = word.as_bytes();
    let kept = |c: &u8| !c.is_ascii() || c.is_ascii_alphanumeric();
    let start = b.iter().position(kept).unwrap_or(b.len());
    let end = b.iter().rposition(kept).map_or(start, |p| p + 1);
    if b.get(start).is_some_and(|c| !c.is_ascii()) || (end > start && !b[end - 1].is_ascii()) {
        return word.trim_matches(|c: char| !c.is_alphanumeric());
    }
    &word[start..end]
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
        let keys = number_word_keys();
        for (start, end) in words_of(text) {
            let word = &text[start..end];
            if pending {
                if let Some(w) = words.last_mut() {
                    w.next = Some(Span::new(start, end));
                }
            }
            pending = false;
            if no_number_word(keys, word) {
                continue;
            }
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

/// The byte ranges of the words of `text` as `str::split_whitespace` splits them, found
/// byte by byte: only a few lead bytes can begin a non-ASCII space.
fn words_of(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let space_at = move |i: usize| -> usize {
        match bytes[i] {
            b' ' | b'\t'..=b'\r' => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            if i >= bytes.len() {
                return None;
            }
            match space_at(i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        // Only bytes that may begin a space are looked at closer.
        let may_space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        i += 1;
        while let Some(p) = bytes[i..].iter().position(may_space) {
            i += p;
            if space_at(i) > 0 {
                return Some((start, i));
            }
            i += 1;
        }
        i = bytes.len();
        Some((start, i))
    })
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
    fn words_are_split_as_split_whitespace_splits_them() {
        let text = " a\u{a0}b\u{2009}c\u{3000}d\te\u{85}f\u{1680}g\u{202f}h é\u{e1}\u{2013}i\u{c2}\n\x0bj ";
        let ours: Vec<&str> = words_of(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(ours, text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn trimming_matches_trim_matches() {
        for w in [
            "(12,",
            "",
            "--",
            "\"Two\"",
            "é)",
            "(é",
            "a",
            "1.",
            "«12»",
            "x\u{2019}",
            "’s",
            "12\u{2019}",
        ] {
            assert_eq!(
                trimmed(w),
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "{w}"
            );
        }
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
