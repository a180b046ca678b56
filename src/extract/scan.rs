//! Candidate scan: the grammar runs only where a number, number word, currency sign or other
//! anchor word stands, and from the few token starts just before it (where a hedge such as
//! "approximately" or "between" may begin) up to the nearest word no production matches.

use crate::fnv::{self, FnvSet};
use crate::grammar::{self, Parsed};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// How many token starts before an anchor may begin a claim ("a little over", "greater than or
/// equal to").
const LOOKBACK_TOKENS: usize = 5;
/// How far back (bytes) those token starts may lie.
const LOOKBACK_BYTES: usize = 48;

/// Texts from this size on are scanned with the DFA: it costs ~6 M instructions to build
/// but a third of the NFA's per byte, which pays off from about 250 KB.
const DFA_FROM_BYTES: usize = 256 * 1024;

/// The anchor automaton suited to a text of `len` bytes; both find the same matches.
fn anchor_automaton(len: usize) -> &'static AhoCorasick {
    static NFA: OnceLock<AhoCorasick> = OnceLock::new();
    static DFA: OnceLock<AhoCorasick> = OnceLock::new();
    if len >= DFA_FROM_BYTES {
        DFA.get_or_init(|| build_anchor_automaton(AhoCorasickKind::DFA))
    } else {
        NFA.get_or_init(|| build_anchor_automaton(AhoCorasickKind::ContiguousNFA))
    }
}

fn build_anchor_automaton(kind: AhoCorasickKind) -> AhoCorasick {
    let mut patterns: Vec<String> = grammar::anchor_words()
        .iter()
        .map(|w| w.to_string())
        .collect();
    patterns.extend(["$", "£", "€", "¥", "₹", "~"].iter().map(|s| s.to_string()));
    patterns.extend((0..10).map(|d| d.to_string()));
    patterns.extend(super::segment::clause_marks().map(str::to_string));
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(kind))
        .build(&patterns)
        .expect("anchor patterns are valid")
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

// `CLAIM_WORDS`: every word a production or lexicon of the grammar matches (build.rs).
include!(concat!(env!("OUT_DIR"), "/claim_words.rs"));

/// Which look-back starts the scanner tries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lookback {
    /// Only those from which every word up to the anchor is one the grammar can match: a
    /// claim reaching the anchor from further back would have to consume a word no production
    /// knows ("said", "Syria"), so trying it is wasted work (three quarters of all parses on
    /// news text).
    ClaimWords,
    /// Every token start in the window; the tests compare the two.
    #[cfg_attr(not(test), allow(dead_code))]
    Every,
}

/// Whether a claim may run through `token`: each of its words is a grammar word (currency
/// codes and signs such as "USD" or "Rs" are, from the money lexicon), or it is glued to
/// digits ("Q3", "2nd").
fn may_lie_inside_claim(token: &str) -> bool {
    if token.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    token
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(is_claim_word)
}

fn is_claim_word(word: &str) -> bool {
    static SET: OnceLock<FnvSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| CLAIM_WORDS.iter().copied().collect());
    if word.is_ascii() {
        fnv::contains_lowercase(set, word.as_bytes())
    } else {
        set.contains(word.to_lowercase().as_str())
    }
}

/// Token starts before `anchor` (nearest last), at most [`LOOKBACK_TOKENS`], never before
/// `floor` and never across a line break; with [`Lookback::ClaimWords`], none before a
/// token no claim can run through.
fn lookback_starts(text: &str, anchor: usize, floor: usize, mode: Lookback) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::with_capacity(LOOKBACK_TOKENS);
    let lowest = anchor.saturating_sub(LOOKBACK_BYTES).max(floor);
    let mut i = anchor;
    let mut token_end = anchor;
    while i > lowest && starts.len() < LOOKBACK_TOKENS {
        i -= 1;
        if matches!(bytes[i], b'\n' | b'\r') {
            break;
        }
        if is_token_start(text, i) && !bytes[i].is_ascii_whitespace() {
            if mode == Lookback::ClaimWords && !may_lie_inside_claim(&text[i..token_end]) {
                break;
            }
            starts.push(i);
            token_end = i;
        }
    }
    starts.reverse();
    starts
}

/// Every claim in `text`, as (start offset, parse), in order, non-overlapping; returns the
/// text's [`Marks`], found in the same pass.
///
/// Each claim is handed to `found` as it is parsed, so that no list of parses is held beside
/// the caller's claims (on a 100 MB file that list alone took 40 MB).
pub fn scan(text: &str, found: impl FnMut(usize, Parsed)) -> Marks {
    scan_with(text, Lookback::ClaimWords, found)
}

/// What the anchor scan notes besides claims, in increasing order of offset: kept, they spare
/// later analyses another pass over every word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Where the words that may read as numbers begin: each run of ASCII digits, and each
    /// anchor whose leading letters are a number word's ("twenty", "Six-week"). The
    /// written-number index (`crate::analysis::written`) and the numeric dates read these.
    pub figure_words: Vec<usize>,
    /// Each `;` and each clause word ("but", "and", …) in any case, whole word or not: where
    /// segmentation may split a sentence into clauses ([`super::segment::clause_marks`]).
    pub clause_marks: Vec<usize>,
}

impl Marks {
    /// The marks of `text` without running the grammar: for analyses of a text that was not
    /// scanned through [`scan`].
    pub fn of(text: &str) -> Marks {
        let mut marks = Marks::default();
        for m in anchor_automaton(text.len()).find_iter(text) {
            marks.note(text, m.start(), m.end());
        }
        marks
    }

    /// Records the match `text[start..end]` if it is a clause mark or may begin a figure
    /// word; whether it is an anchor the scan should try.
    fn note(&mut self, text: &str, start: usize, end: usize) -> bool {
        let bytes = text.as_bytes();
        let first = bytes[start];
        if first.is_ascii_digit() {
            if start == 0 || !bytes[start - 1].is_ascii_digit() {
                self.figure_words.push(start);
            }
            return true;
        }
        if super::segment::is_clause_mark(&text[start..end]) {
            self.clause_marks.push(start);
            return false;
        }
        let matched = &text[start..end];
        let letters = matched.bytes().take_while(u8::is_ascii_alphabetic).count();
        if letters > 0 && crate::grammar::words::is_number_word_key(&matched.as_bytes()[..letters])
        {
            self.figure_words.push(start);
        }
        // An anchor of several words ("a half") may end in another word that reads as a
        // number: each of its words is a candidate.
        for (i, c) in matched.char_indices().skip(1) {
            if c.is_whitespace() {
                let next = start + i + c.len_utf8();
                if next < end && self.figure_words.last() != Some(&next) {
                    self.figure_words.push(next);
                }
            }
        }
        true
    }
}

fn scan_with(text: &str, lookback: Lookback, mut found: impl FnMut(usize, Parsed)) -> Marks {
    let bytes = text.as_bytes();
    let mut marks = Marks::default();
    let mut next_free = 0;
    // Starts already tried in vain. Neighbouring anchors share lookback windows, and a start
    // that gave nothing reaching one anchor cannot reach a later one (`claim_at` depends on
    // the start alone), so each start is parsed at most once.
    let mut rejected = RecentStarts::default();
    for m in anchor_automaton(text.len()).find_iter(text) {
        let anchor = m.start();
        if !marks.note(text, anchor, m.end()) || anchor < next_free {
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
        let mut candidates = lookback_starts(text, anchor, next_free, lookback);
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
    marks
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

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str, lookback: Lookback) -> Vec<(usize, Parsed)> {
        let mut out = Vec::new();
        let _ = scan_with(text, lookback, |start, parsed| out.push((start, parsed)));
        out
    }

    #[test]
    fn grammar_words_and_currency_codes_may_lie_inside_a_claim() {
        for token in [
            "approximately",
            "More",
            "than",
            "US$",
            "Rs",
            "USD",
            "Q3",
            "mid-2025",
            "(",
        ] {
            assert!(may_lie_inside_claim(token), "{token}");
        }
        for token in [
            "said",
            "Officials",
            "Syria",
            "attacks,",
            "supercalifragilistic",
        ] {
            assert!(!may_lie_inside_claim(token), "{token}");
        }
    }

    #[test]
    fn claim_words_fit_the_lookup_buffer() {
        // fnv::contains_lowercase reads words of up to 24 bytes.
        assert!(CLAIM_WORDS.iter().all(|w| w.len() <= 24));
    }

    #[test]
    fn look_back_stops_at_a_word_no_claim_contains() {
        let text = "Officials said roughly 40 boats left.";
        let anchor = text.find("40").unwrap();
        let starts = lookback_starts(text, anchor, 0, Lookback::ClaimWords);
        assert_eq!(starts, vec![text.find("roughly").unwrap()]);
        assert_eq!(lookback_starts(text, anchor, 0, Lookback::Every).len(), 3);
    }

    #[test]
    fn both_anchor_automata_find_the_same_anchors() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/is-resurgence.txt"),
        )
        .unwrap()
            + "Q3 2024: ~5 £3 €4 ¥5 ₹6 twenty-one ½ a half-dozen THIRD quarter";
        let spans = |len: usize| -> Vec<(usize, usize)> {
            anchor_automaton(len)
                .find_iter(&text)
                .map(|m| (m.start(), m.end()))
                .collect()
        };
        let small = spans(0);
        assert!(small.len() > 100);
        assert_eq!(small, spans(DFA_FROM_BYTES));
    }

    /// Over every text of the test fixtures, skipping the look-back starts changes the cost of
    /// the scan, never its result.
    #[test]
    fn claim_word_look_back_finds_what_every_start_finds_in_the_fixtures() {
        let texts = crate::fixture_texts::all();
        assert!(texts.len() > 50, "only {} fixture files", texts.len());
        for (path, text) in texts {
            assert_eq!(
                claims(&text, Lookback::ClaimWords),
                claims(&text, Lookback::Every),
                "{}",
                path.display()
            );
        }
    }
}
