//! Quantity keys (`semantics.md` §7.3): two mentions in different sentences may be compared
//! only when their keys match — same thing counted (through synonyms), compatible owner,
//! place and time, the same restrictive qualifiers, and neither a change result nor a
//! forecast set against an actual figure.

use super::lexicon::{self, singular};
use crate::model::{Claim, Hedge};
use std::collections::BTreeSet;

/// The normalised key of one claim. All strings are lower case.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QuantityKey {
    /// Canonical head noun, synonyms mapped ("soldier" → "troop").
    pub head: Option<String>,
    /// Possessor or modifier; pronouns ("its") are unresolved and count as missing.
    pub owner: Option<String>,
    pub place: Option<String>,
    pub time: Option<String>,
    /// Restrictive modifiers and trailing qualifiers, neutral words removed.
    pub qualifiers: BTreeSet<String>,
    pub source: Option<String>,
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

impl QuantityKey {
    /// The key of `claim`, whose spans point into `text`.
    pub fn of(claim: &Claim, text: &str) -> QuantityKey {
        let counted = claim
            .counted
            .and_then(|s| text.get(s.start..s.end))
            .map(str::to_lowercase);
        let (head, absorbed) = match (&counted, &claim.head) {
            (Some(c), _) => canonical_head(c).map_or((None, Vec::new()), |(h, a)| (Some(h), a)),
            (None, Some(h)) => (Some(canonical(&singular(&h.to_lowercase()))), Vec::new()),
            (None, None) => (None, Vec::new()),
        };
        let scope = &claim.scope;
        QuantityKey {
            head,
            owner: scope.owner_text(text).as_deref().and_then(normalise_owner),
            place: scope.place_text(text).map(|p| strip_the(&p.to_lowercase())),
            time: scope.time_text(text).map(normalise_time),
            qualifiers: scope
                .qualifiers
                .iter()
                .map(|q| q.text(text).into_owned())
                .filter(|q| !lexicon::neutral_modifiers().contains(q.as_str()))
                .filter(|q| !absorbed.contains(q))
                .collect(),
            source: scope
                .source_text(text)
                .map(|s| strip_the(&s.to_lowercase())),
            change_result: scope.changed && !scope.change_object,
            estimate: claim.hedge == Hedge::Estimate,
        }
    }
}

/// The canonical head of a counted phrase: a multi-word synonym at its end ("military
/// personnel", "staff members") first, then its last word. Also returns the modifiers the
/// synonym absorbed ("staff"), which are then no qualifiers.
fn canonical_head(counted: &str) -> Option<(String, Vec<String>)> {
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
                return Some(((*c).to_string(), absorbed));
            }
        }
    }
    Some((canonical(&last), Vec::new()))
}

fn canonical(head: &str) -> String {
    lexicon::synonyms()
        .get(head)
        .map_or_else(|| head.to_string(), |c| (*c).to_string())
}

fn strip_the(s: &str) -> String {
    s.strip_prefix("the ").unwrap_or(s).trim().to_string()
}

fn normalise_owner(owner: &str) -> Option<String> {
    const PRONOUNS: [&str; 7] = ["its", "their", "his", "her", "our", "my", "your"];
    let o = strip_the(&owner.to_lowercase());
    let o = o
        .strip_suffix("'s")
        .or_else(|| o.strip_suffix("’s"))
        .unwrap_or(&o)
        .to_string();
    (!PRONOUNS.contains(&o.as_str())).then_some(o)
}

/// "in 2025 alone" → "2025"; "from January to May of 2025" stays as written.
fn normalise_time(time: &str) -> String {
    let t = time.to_lowercase();
    let t = t.strip_suffix(" alone").unwrap_or(&t);
    let t = ["in ", "during ", "at "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    strip_the(t)
}

fn differ(a: &Option<String>, b: &Option<String>) -> bool {
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
