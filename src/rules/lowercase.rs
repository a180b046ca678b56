//! Lower-casing words without allocating: most words of prose are already lower-case ASCII,
//! and the rules compare them with lower-case lexicons many times per sentence.

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

/// An automaton that finds any of `patterns` ignoring ASCII case: a cheap test of a whole
/// sentence before it is read word by word.
pub fn ascii_case_insensitive(patterns: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("constant patterns are valid")
}

/// Whether `text` contains `needle` in any ASCII case.
pub fn contains_ignoring_ascii_case(text: &str, needle: &str) -> bool {
    let (haystack, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    // Most bytes differ from the needle's first letter: a vectorised search finds it in
    // either case, and only there is the rest compared.
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, haystack).any(|i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(contains_ignoring_ascii_case("Almost MoSt", "most"));
        assert!(!contains_ignoring_ascii_case("mos t", "most"));
        assert!(!contains_ignoring_ascii_case("mos", "most"));
        assert!(contains_ignoring_ascii_case("twice", ""));
    }
}
