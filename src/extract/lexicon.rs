//! Word lists for attachment and quantity keys, compiled in from `grammar/lexicon/`.
//!
//! Files hold one entry a line; `#` starts a comment line. Every list is parsed once.

use crate::fnv::Fnv;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

pub type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;
pub type WordMap = HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>>;

fn entries(source: &'static str) -> impl Iterator<Item = &'static str> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(source: &'static str) -> WordSet {
    entries(source).collect()
}

macro_rules! word_set {
    ($name:ident, $file:literal) => {
        pub fn $name() -> &'static WordSet {
            static SET: OnceLock<WordSet> = OnceLock::new();
            SET.get_or_init(|| set(include_str!(concat!("../../grammar/lexicon/", $file))))
        }
    };
}

word_set!(abbreviations, "abbreviations.txt");
word_set!(phrase_stops, "phrase_stops.txt");
word_set!(not_counted, "not_counted.txt");
word_set!(attribution_verbs, "attribution_verbs.txt");
word_set!(neutral_modifiers, "neutral_modifiers.txt");
word_set!(adjectival_participles, "adjectival_participles.txt");

/// Change-verb stems ("increas" matches "increased", "increases").
pub fn change_stems() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(include_str!("../../grammar/lexicon/change_verbs.txt")).collect())
}

/// Plural → singular for the forms suffix rules get wrong.
pub fn irregular_plurals() -> &'static WordMap {
    static MAP: OnceLock<WordMap> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(include_str!("../../grammar/lexicon/irregular_plurals.txt"))
            .filter_map(|l| l.split_once(char::is_whitespace))
            .map(|(p, s)| (p, s.trim()))
            .collect()
    })
}

/// Synonym phrase (singular, lower case) → canonical head.
pub fn synonyms() -> &'static WordMap {
    static MAP: OnceLock<WordMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = WordMap::default();
        for line in entries(include_str!("../../grammar/lexicon/synonyms.txt")) {
            let mut group = line.split('=').map(str::trim).filter(|w| !w.is_empty());
            if let Some(canonical) = group.next() {
                map.insert(canonical, canonical);
                for word in group {
                    map.insert(word, canonical);
                }
            }
        }
        map
    })
}

/// The singular of a lower-case noun: irregulars first, then suffix rules. Borrowed when the
/// word is its own singular or loses only a suffix.
pub fn singular(word: &str) -> Cow<'_, str> {
    if let Some(s) = irregular_plurals().get(word) {
        return Cow::Borrowed(s);
    }
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..n - 3]));
    }
    for suffix in ["sses", "xes", "ches", "shes", "zzes"] {
        if n > suffix.len() + 1 && word.ends_with(suffix) {
            return Cow::Borrowed(&word[..n - 2]);
        }
    }
    if n > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|s| word.ends_with(s)) {
        return Cow::Borrowed(&word[..n - 1]);
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        for (p, s) in [
            ("attacks", "attack"),
            ("casualties", "casualty"),
            ("people", "person"),
            ("women", "woman"),
            ("classes", "class"),
            ("churches", "church"),
            ("houses", "house"),
            ("status", "status"),
            ("troops", "troop"),
            ("bus", "bus"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
    }

    #[test]
    fn synonym_groups_share_a_canonical_head() {
        assert_eq!(synonyms().get("soldier"), Some(&"troop"));
        assert_eq!(synonyms().get("military personnel"), Some(&"troop"));
        assert_eq!(synonyms().get("militant"), Some(&"fighter"));
    }
}
