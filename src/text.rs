//! Text helpers every layer shares: lower-casing words without allocating (most words of
//! prose are already lower-case ASCII, and the rules compare them with lower-case lexicons
//! many times per sentence), and reading the words before a figure.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use std::borrow::Cow;

/// `word` lower-cased exactly as [`str::to_lowercase`] would, borrowed when it already is.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Whether `word` lower-cased (as [`str::to_lowercase`]) equals `lower_case`, which must be
/// lower case already.
pub fn lower_eq(word: &str, lower_case: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower_case)
    } else {
        word.to_lowercase() == lower_case
    }
}

/// Whether `word` lower-cased (as [`str::to_lowercase`]) is one of `set`, whose words must
/// be lower case already: [`lower_eq`] against each, with the word's case read once.
pub fn lower_in(word: &str, set: &[&str]) -> bool {
    if word.is_ascii() {
        set.iter().any(|s| word.eq_ignore_ascii_case(s))
    } else {
        let lower = word.to_lowercase();
        set.contains(&lower.as_str())
    }
}

/// An automaton that finds any of `patterns` ignoring ASCII case: a cheap test of a whole
/// sentence before it is read word by word.
pub fn ascii_case_insensitive(patterns: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("constant patterns are valid")
}

/// Letters from the most to the least common in English prose.
const LETTERS_BY_FREQUENCY: &[u8] = b"etaoinsrhldcumfpgwybvkxjqz";

/// How common `b` is in prose, lower for rarer bytes: letters by their frequency, any
/// other byte as rare.
fn commonness(b: u8) -> usize {
    let letter = b.to_ascii_lowercase();
    LETTERS_BY_FREQUENCY
        .iter()
        .position(|&l| l == letter)
        .map_or(0, |i| LETTERS_BY_FREQUENCY.len() - i)
}

/// Whether `text` contains `needle` in any ASCII case.
pub fn contains_ignoring_ascii_case(text: &str, needle: &str) -> bool {
    let (haystack, needle) = (text.as_bytes(), needle.as_bytes());
    // Most bytes differ from the needle's rarest letter ("w" of "twice", not its "t"): a
    // vectorised search finds that letter in either case, and only there is the rest
    // compared.
    let Some((at, &rare)) = needle
        .iter()
        .enumerate()
        .min_by_key(|&(_, &b)| commonness(b))
    else {
        return true;
    };
    let (lower, upper) = (rare.to_ascii_lowercase(), rare.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, haystack).any(|i| {
        i.checked_sub(at)
            .and_then(|start| haystack.get(start..start + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// A word without the punctuation around it, lower-cased: `"Rose,"` → `"rose"`.
pub fn normalize(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The last `n` whitespace-separated words of `before`, normalized, nearest first.
pub fn last_words(before: &str, n: usize) -> Vec<String> {
    before
        .split_whitespace()
        .rev()
        .take(n)
        .map(normalize)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_are_nearest_first_without_punctuation() {
        assert_eq!(
            last_words("Sales (rose) \"sharply,\" to", 3),
            ["to", "sharply", "rose"]
        );
        assert_eq!(normalize("—Ex-chief,"), "ex-chief");
        assert!(last_words("   ", 2).is_empty());
    }

    #[test]
    fn agrees_with_to_lowercase() {
        for w in [
            "rose",
            "Rose",
            "ROSE",
            "Über",
            "İstanbul",
            "\u{212A}m",
            "",
            "x×",
        ] {
            assert_eq!(lower(w), w.to_lowercase(), "{w}");
            assert!(lower_eq(w, &w.to_lowercase()), "{w}");
        }
        assert!(matches!(lower("rose"), Cow::Borrowed(_)));
        assert!(lower_eq("Of", "of"));
        assert!(!lower_eq("Off", "of"));
        // The Kelvin sign lower-cases to an ASCII "k".
        assert!(lower_eq("\u{212A}", "k"));
        assert!(lower_in("Of", &["the", "of"]));
        assert!(lower_in("\u{212A}", &["x", "k"]));
        assert!(!lower_in("Off", &["of", "o"]));
        assert!(contains_ignoring_ascii_case("Almost MoSt", "most"));
        assert!(!contains_ignoring_ascii_case("mos t", "most"));
        assert!(!contains_ignoring_ascii_case("mos", "most"));
        assert!(contains_ignoring_ascii_case("twice", ""));
        assert!(contains_ignoring_ascii_case("TWICE", "twice"));
        assert!(contains_ignoring_ascii_case("xtimes", "times"));
        assert!(!contains_ignoring_ascii_case("imes", "times"));
        assert!(!contains_ignoring_ascii_case("tim", "times"));
    }
}
