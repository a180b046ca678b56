//! The numbers a document writes as words, claim or not ("game six", "1,200"): every
//! whitespace-separated word that reads as digits or as a number word, indexed once per
//! document so that asking whether the text after a heading writes a value does not read
//! the whole body again for every heading figure.

use crate::grammar::words::is_number_word_key;
use crate::model::Span;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::HashMap;

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
        && !is_number_word_key(&word.as_bytes()[..run])
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
    /// The written numbers of `text`, visiting only the words that hold one of
    /// `figure_words` (where the anchor scan found figure words in this text,
    /// [`crate::extract::Marks::figure_words`]): every word that reads as a number begins
    /// with digits or a number word after its punctuation, where the scan stops.
    pub fn new(text: &str, figure_words: &[usize]) -> WrittenNumbers {
        let mut words: Vec<Written> = Vec::new();
        let mut last = HashMap::new();
        // The end of the last word read: a figure word before it lies in that word. Each
        // word is read at most twice (as a figure word and as the word after one), so the
        // index stays linear however long a word runs.
        let mut read_to = 0;
        for &at in figure_words {
            if at < read_to {
                continue;
            }
            let start = text[read_to..at]
                .rfind(char::is_whitespace)
                .map_or(read_to, |p| {
                    read_to + p + text[read_to + p..].chars().next().map_or(1, char::len_utf8)
                });
            let end = word_end(text, at);
            read_to = end;
            if let Some(value) = word_value(trimmed(&text[start..end])) {
                last.insert(value, start);
                words.push(Written {
                    start,
                    value,
                    next: next_word(text, end),
                });
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

/// Where the word of `text` that holds byte `at` ends (as `str::split_whitespace` splits).
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |p| at + p)
}

/// The word after the white space at `from`, if any.
fn next_word(text: &str, from: usize) -> Option<Span> {
    let start = text[from..]
        .find(|c: char| !c.is_whitespace())
        .map(|p| from + p)?;
    Some(Span::new(start, word_end(text, start)))
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

    /// The index as it reads every word of the text: what visiting only the figure words
    /// must give.
    fn every_word(text: &str) -> Vec<(usize, Decimal, Option<Span>)> {
        let spans: Vec<Span> = text
            .split_whitespace()
            .map(|w| {
                let start = w.as_ptr() as usize - text.as_ptr() as usize;
                Span::new(start, start + w.len())
            })
            .collect();
        spans
            .iter()
            .enumerate()
            .filter_map(|(k, s)| {
                let value = word_value(trimmed(&text[s.start..s.end]))?;
                Some((s.start, value, spans.get(k + 1).copied()))
            })
            .collect()
    }

    fn indexed(text: &str) -> Vec<(usize, Decimal, Option<Span>)> {
        WrittenNumbers::new(text, &crate::extract::Marks::of(text).figure_words)
            .words
            .iter()
            .map(|w| (w.start, w.value, w.next))
            .collect()
    }

    #[test]
    fn figure_words_lead_to_every_written_number() {
        let crafted = " a\u{a0}two\u{2009}3\u{3000}Four\te\u{85}(12,\u{1680}g\u{202f}1,200 é\u{e1}\u{2013}six\u{c2}\n\x0bj ";
        let mixed = "TWENTY-ONE x-six six-week (Nine) 7.50 2.0 Dozen a half dozen 1e3 1_000 ½ 3½ twenty-first";
        for text in [crafted, mixed] {
            assert_eq!(indexed(text), every_word(text), "{text:?}");
        }
        let texts = crate::fixture_texts::all();
        assert!(texts.len() > 50, "only {} fixture files", texts.len());
        let mut numbers = 0;
        for (path, text) in texts {
            let expected = every_word(&text);
            numbers += expected.len();
            assert_eq!(indexed(&text), expected, "{}", path.display());
        }
        assert!(
            numbers > 1_000,
            "only {numbers} written numbers in the fixtures"
        );
    }

    #[test]
    fn a_long_word_of_figures_is_read_once() {
        // Quadratic reading would take minutes here.
        let text = "1,".repeat(200_000);
        assert_eq!(indexed(&text), every_word(&text));
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
        let index = WrittenNumbers::new(text, &crate::extract::Marks::of(text).figure_words);
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
