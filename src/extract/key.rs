//! Quantity keys (`semantics.md` §7.3): two mentions in different sentences may be compared
//! only when their keys match — same thing counted (through synonyms), compatible owner,
//! place and time, the same restrictive qualifiers, and neither a change result nor a
//! forecast set against an actual figure.

use super::lexicon::{self, singular};
use crate::model::{Claim, Hedge};
use crate::text::lower;
use std::borrow::Cow;

/// The normalised key of one claim. All strings are lower case.
///
/// A key points into the document it was read from (`'a`): a field normalised from words
/// already written in lower case ("troops", "in syria") is a slice of the text, a canonical
/// head from the lexicon is a `&'static str`, and only a field whose lower case differs from
/// the text ("U.S." → "u.s.") holds a string of its own. Building a key copies nothing for
/// most mentions, and keys compare as the strings they read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QuantityKey<'a> {
    /// Canonical head noun, synonyms mapped ("soldier" → "troop").
    pub head: Option<Cow<'a, str>>,
    /// Possessor or modifier; pronouns ("its") are unresolved and count as missing.
    pub owner: Option<Cow<'a, str>>,
    pub place: Option<Cow<'a, str>>,
    pub time: Option<Cow<'a, str>>,
    /// Restrictive modifiers and trailing qualifiers, neutral words removed: sorted, each
    /// once (a set; most mentions have none, and an empty one takes no heap).
    pub qualifiers: Vec<Cow<'a, str>>,
    pub source: Option<Cow<'a, str>>,
    /// The result or amount of a change ("rose to", "now", "cut 1,200"); the object of a
    /// planned change is not.
    pub change_result: bool,
    /// A forecast (`estimate` hedge).
    pub estimate: bool,
}

/// The outcome of comparing two keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyMatch {
    Same,
    /// Why the two mentions are not the same quantity.
    Different(&'static str),
    /// Too little is known (no head noun on one side) to pair them.
    Unknown,
}

impl<'a> QuantityKey<'a> {
    /// The key of `claim`, whose spans point into `text`.
    pub fn of(claim: &'a Claim, text: &'a str) -> QuantityKey<'a> {
        let counted = claim
            .counted
            .and_then(|s| text.get(s.start..s.end))
            .map(lower);
        let (head, absorbed) = match (counted, &claim.head) {
            (Some(Cow::Borrowed(c)), _) => {
                canonical_head(c).map_or((None, Vec::new()), |(h, a)| (Some(h), a))
            }
            (Some(Cow::Owned(c)), _) => canonical_head(&c).map_or((None, Vec::new()), |(h, a)| {
                (Some(Cow::Owned(h.into_owned())), a)
            }),
            (None, Some(h)) => (Some(canonical_singular(lower(h))), Vec::new()),
            (None, None) => (None, Vec::new()),
        };
        let scope = &claim.scope;
        let mut qualifiers: Vec<Cow<'a, str>> = scope
            .qualifiers
            .iter()
            .map(|q| q.text(text))
            .filter(|q| !lexicon::neutral_modifiers().contains(q.as_ref()))
            .filter(|q| !absorbed.iter().any(|a| a == q))
            .collect();
        qualifiers.sort_unstable();
        qualifiers.dedup();
        QuantityKey {
            head,
            owner: scope.owner_text(text).and_then(normalise_owner),
            place: scope.place_text(text).map(|p| strip_the(lower(p))),
            time: scope.time_text(text).map(normalise_time),
            qualifiers,
            source: scope.source_text(text).map(|s| strip_the(lower(s))),
            change_result: scope.changed && !scope.change_object,
            estimate: claim.hedge == Hedge::Estimate,
        }
    }
}

/// `s` cut down to the slice `f` returns: still borrowed from the text when `s` was.
fn cut<'a>(s: Cow<'a, str>, f: impl FnOnce(&str) -> &str) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(f(b)),
        Cow::Owned(o) => {
            let kept = f(&o);
            if kept.len() == o.len() {
                Cow::Owned(o)
            } else {
                Cow::Owned(kept.to_string())
            }
        }
    }
}

/// `s` lower case: still borrowed from the text when it already was.
fn lower_cow(s: Cow<'_, str>) -> Cow<'_, str> {
    match s {
        Cow::Borrowed(b) => lower(b),
        Cow::Owned(o) => match lower(&o) {
            Cow::Borrowed(_) => Cow::Owned(o),
            Cow::Owned(l) => Cow::Owned(l),
        },
    }
}

/// The canonical head of a counted phrase: a multi-word synonym at its end ("military
/// personnel", "staff members") first, then its last word. Also returns the modifiers the
/// synonym absorbed ("staff"), which are then no qualifiers.
fn canonical_head(counted: &str) -> Option<(Cow<'_, str>, Vec<String>)> {
    let words: Vec<&str> = counted.split_whitespace().collect();
    let written_last = *words.last()?;
    let last = singular(written_last);
    // Each phrase looked up is written into one buffer: a key is made for every count.
    let mut phrase = String::new();
    for n in [3, 2] {
        let Some(first) = words.len().checked_sub(n) else {
            continue;
        };
        let modifiers = &words[first..words.len() - 1];
        // As written ("staff members"), then with the last word singular ("staff member").
        for final_word in [written_last, &last] {
            phrase.clear();
            for m in modifiers {
                phrase.push_str(m);
                phrase.push(' ');
            }
            phrase.push_str(final_word);
            if let Some(c) = lexicon::synonyms().get(phrase.as_str()) {
                let absorbed = modifiers.iter().map(|m| m.to_string()).collect();
                return Some((Cow::Borrowed(*c), absorbed));
            }
        }
    }
    Some((canonical(last), Vec::new()))
}

/// A head noun's synonym from the lexicon, or the noun itself.
fn canonical(head: Cow<'_, str>) -> Cow<'_, str> {
    match lexicon::synonyms().get(head.as_ref()) {
        Some(c) => Cow::Borrowed(*c),
        None => head,
    }
}

/// The canonical form of a lower-case head noun, singular first.
fn canonical_singular(head: Cow<'_, str>) -> Cow<'_, str> {
    match head {
        Cow::Borrowed(h) => canonical(singular(h)),
        Cow::Owned(h) => Cow::Owned(canonical(singular(&h)).into_owned()),
    }
}

fn strip_the(s: Cow<'_, str>) -> Cow<'_, str> {
    cut(s, |s| s.strip_prefix("the ").unwrap_or(s).trim())
}

fn normalise_owner(owner: Cow<'_, str>) -> Option<Cow<'_, str>> {
    const PRONOUNS: [&str; 7] = ["its", "their", "his", "her", "our", "my", "your"];
    let o = strip_the(lower_cow(owner));
    let o = cut(o, |o| {
        o.strip_suffix("'s")
            .or_else(|| o.strip_suffix("’s"))
            .unwrap_or(o)
    });
    (!PRONOUNS.contains(&o.as_ref())).then_some(o)
}

/// "in 2025 alone" → "2025"; "from January to May of 2025" stays as written.
fn normalise_time(time: &str) -> Cow<'_, str> {
    let t = cut(lower(time), |t| {
        let t = t.strip_suffix(" alone").unwrap_or(t);
        ["in ", "during ", "at "]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t)
    });
    strip_the(t)
}

fn differ(a: &Option<Cow<str>>, b: &Option<Cow<str>>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x != y)
}

/// Whether two mentions may be compared as one quantity (field by field, §7.3).
pub fn compatible(a: &QuantityKey, b: &QuantityKey) -> KeyMatch {
    let (Some(ha), Some(hb)) = (&a.head, &b.head) else {
        return KeyMatch::Unknown;
    };
    // The reasons are constant: the rules pair thousands of mentions and only ask whether
    // they match.
    let different = KeyMatch::Different;
    if ha != hb {
        return different("different things counted");
    }
    if a.change_result || b.change_result {
        return different("one figure is the result of a change");
    }
    if a.estimate != b.estimate {
        return different("a forecast against an actual figure");
    }
    if differ(&a.owner, &b.owner) {
        return different("different owners");
    }
    if differ(&a.place, &b.place) {
        return different("different places");
    }
    if differ(&a.time, &b.time) {
        return different("different times");
    }
    if a.qualifiers != b.qualifiers {
        return different("different qualifiers");
    }
    KeyMatch::Same
}

/// Both mentions name a source and the sources differ: a finding is at most a note.
pub fn sources_differ(a: &QuantityKey, b: &QuantityKey) -> bool {
    differ(&a.source, &b.source)
}
