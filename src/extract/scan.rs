//! Candidate scan: the grammar runs only where a number, number word, currency sign or other
//! anchor word stands, and from the few token starts just before it (where a hedge such as
//! "approximately" or "between" may begin).

use crate::grammar::{self, Parsed};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

/// How many token starts before an anchor may begin a claim ("a little over", "greater than or
/// equal to").
const LOOKBACK_TOKENS: usize = 5;
/// How far back (bytes) those token starts may lie.
const LOOKBACK_BYTES: usize = 48;

fn anchor_automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let mut patterns: Vec<String> = grammar::anchor_words()
            .iter()
            .map(|w| w.to_string())
            .collect();
        patterns.extend(["$", "£", "€", "¥", "₹", "~"].iter().map(|s| s.to_string()));
        patterns.extend((0..10).map(|d| d.to_string()));
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("anchor patterns are valid")
    })
}

/// A letter or digit (any script) ends right before `i` / starts at `i`: word anchors must
/// be whole words, but a dash or quote glued to them ("twenty—fifth") does not join words.
fn word_char_before(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

fn word_char_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// A token start: the first byte of the text, or a byte after whitespace or opening
/// punctuation.
fn is_token_start(text: &str, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    if !text.is_char_boundary(i) {
        return false;
    }
    match text[..i].chars().next_back() {
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'' | '—' | '–' | '/')
        }
        None => true,
    }
}

/// Token starts before `anchor` (nearest last), at most [`LOOKBACK_TOKENS`], never before
/// `floor` and never across a line break.
fn lookback_starts(text: &str, anchor: usize, floor: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::with_capacity(LOOKBACK_TOKENS);
    let lowest = anchor.saturating_sub(LOOKBACK_BYTES).max(floor);
    let mut i = anchor;
    while i > lowest && starts.len() < LOOKBACK_TOKENS {
        i -= 1;
        if matches!(bytes[i], b'\n' | b'\r') {
            break;
        }
        if is_token_start(text, i) && !bytes[i].is_ascii_whitespace() {
            starts.push(i);
        }
    }
    starts.reverse();
    starts
}

/// Every claim in `text`, as (start offset, parse), in order, non-overlapping.
///
/// Each claim is handed to `found` as it is parsed, so that no list of parses is held beside
/// the caller's claims (on a 100 MB file that list alone took 40 MB).
pub fn scan(text: &str, mut found: impl FnMut(usize, Parsed)) {
    let bytes = text.as_bytes();
    let mut next_free = 0;
    // Starts already tried in vain. Neighbouring anchors share lookback windows, and a start
    // that gave nothing reaching one anchor cannot reach a later one (`claim_at` depends on
    // the start alone), so each start is parsed at most once.
    let mut rejected = RecentStarts::default();
    for m in anchor_automaton().find_iter(text) {
        let anchor = m.start();
        if anchor < next_free {
            continue;
        }
        let first = bytes[anchor];
        if first.is_ascii_alphabetic() {
            // Word anchors must be whole words.
            if word_char_before(text, anchor) || word_char_at(text, m.end()) {
                continue;
            }
        } else if first.is_ascii_digit() && anchor > 0 && bytes[anchor - 1].is_ascii_digit() {
            continue;
        }
        rejected.forget_before(anchor.saturating_sub(LOOKBACK_BYTES));
        let mut candidates = lookback_starts(text, anchor, next_free);
        candidates.push(anchor);
        for start in candidates {
            if rejected.contains(start) {
                continue;
            }
            match grammar::claim_at(text, start) {
                Some(parsed) if start + parsed.len > anchor && parsed.len > 0 => {
                    next_free = start + parsed.len;
                    found(start, parsed);
                    break;
                }
                _ => rejected.add(start),
            }
        }
    }
}

/// Rejected starts within the lookback window of the current anchor, in increasing order.
#[derive(Default)]
struct RecentStarts(std::collections::VecDeque<usize>);

impl RecentStarts {
    fn forget_before(&mut self, floor: usize) {
        while self.0.front().is_some_and(|&s| s < floor) {
            self.0.pop_front();
        }
    }
    fn contains(&self, start: usize) -> bool {
        self.0.contains(&start)
    }
    fn add(&mut self, start: usize) {
        if self.0.back().is_none_or(|&last| last < start) {
            self.0.push_back(start);
        }
    }
}
