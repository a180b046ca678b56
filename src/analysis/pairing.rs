//! Pairing mentions of one quantity across sentences (`semantics.md` §7.3), shared by
//! NUM-SAME-QUANTITY, NUM-HEADLINE-BODY and NUM-EXTRAPOLATION, and the words their messages
//! use to describe a mention.
//!
//! Claims are indexed by the head of their quantity key, so a rule compares a mention only
//! with earlier mentions of the same thing, and with at most [`MAX_EARLIER`] of them: the
//! work stays linear in the number of claims whatever the article.

use crate::analysis::Context;
use crate::extract::key::QuantityKey;
use crate::grammar::hedge::hedge_prefix;
use crate::model::{Claim, Hedge, Kind, Quantity};
use crate::semantics::format;
use crate::semantics::{reading, Reading};
use std::collections::BTreeMap;

/// How many earlier mentions of one head a mention is compared with, nearest first.
pub const MAX_EARLIER: usize = 16;

/// A claim that can take part in a key pairing: a count with a head noun and an interval.
pub struct Mention<'a> {
    pub index: usize,
    pub claim: &'a Claim,
    pub key: QuantityKey<'a>,
    pub reading: Reading,
}

/// Words after which a number labels a thing in a sequence instead of counting things
/// ("game six of the series", "Round 2", "page 12").
const LABEL_WORDS: &[&str] = &[
    "game", "match", "round", "leg", "page", "chapter", "episode", "stage", "phase", "act",
    "scene", "track", "lane", "gate", "platform", "room", "no.",
];

/// A number that names rather than counts: a label ("game six"), a part of a hyphenated
/// compound ("best-of-seven"), or a score ("3–1").
fn names_rather_than_counts(ctx: &Context, claim: &Claim) -> bool {
    let before = ctx.doc.text.get(..claim.span.start).unwrap_or("");
    let mut rev = before.chars().rev();
    if rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic) {
        return true;
    }
    let previous = before.split_whitespace().next_back().unwrap_or("");
    if LABEL_WORDS.iter().any(|w| previous.eq_ignore_ascii_case(w)) {
        return true;
    }
    match &claim.quantity {
        Quantity::Range { first, second } => reads_as_score(ctx, claim, first, second),
        _ => false,
    }
}

/// Counts with a head noun, bucketed by canonical head, each bucket in text order.
pub fn by_head<'a>(ctx: &Context<'a>) -> BTreeMap<String, Vec<Mention<'a>>> {
    let mut index: BTreeMap<String, Vec<Mention<'a>>> = BTreeMap::new();
    for (i, claim) in ctx.claims.iter().enumerate() {
        if claim.kind != Kind::Count
            || matches!(claim.quantity, Quantity::Fraction(_))
            || names_rather_than_counts(ctx, claim)
        {
            continue;
        }
        let Some(reading) = reading(claim, &ctx.settings.tolerances) else {
            continue;
        };
        let key = QuantityKey::of(claim, &ctx.doc.text);
        let Some(head) = key.head.as_deref() else {
            continue;
        };
        // The bucket's name is copied once per head, not once per mention.
        let bucket = match index.get_mut(head) {
            Some(bucket) => bucket,
            None => index.entry(head.to_string()).or_default(),
        };
        bucket.push(Mention {
            index: i,
            claim,
            key,
            reading,
        });
    }
    index
}

/// The hedge as a message says it: "Approximately 900" and "a possible 90" both read "about".
pub fn hedge_words(hedge: Hedge) -> &'static str {
    match hedge {
        Hedge::None => "",
        Hedge::Approximately | Hedge::Estimate => "about ",
        Hedge::Nearly => "nearly ",
        Hedge::MoreThan => "more than ",
        Hedge::AtLeast => "at least ",
        Hedge::FewerThan => "fewer than ",
        Hedge::AtMost => "at most ",
        Hedge::UpTo => "up to ",
        Hedge::Exactly => "exactly ",
    }
}

/// The number as written, without its hedge words: "Approximately 900" → "900".
pub fn bare_literal(text: &str) -> &str {
    let mut rest = text;
    // Stacked hedges count once (§2) but may be written twice.
    for _ in 0..3 {
        match hedge_prefix(rest) {
            Ok((after, _)) if !after.is_empty() => rest = after,
            _ => break,
        }
    }
    rest.trim()
}

/// The counted phrase as a message quotes it; Title Case heading words are lowered
/// ("Soldiers" → "soldiers"), acronyms kept ("IS").
pub fn counted_words(ctx: &Context, claim: &Claim) -> Option<String> {
    let text = claim
        .counted
        .and_then(|s| ctx.doc.text.get(s.start..s.end))?;
    if !claim.in_heading {
        return Some(text.to_string());
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let acronym = w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase);
            if acronym {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    Some(words.join(" "))
}

/// "about 2000 troops in Syria": hedge, number as written, counted phrase, place.
pub fn describe(ctx: &Context, claim: &Claim) -> String {
    let literal = bare_literal(ctx.text(claim.span));
    let mut s = format!("{}{literal}", hedge_words(claim.hedge));
    if let Some(counted) = counted_words(ctx, claim) {
        s.push(' ');
        s.push_str(&counted);
    }
    if let Some(place) = claim.scope.place_text(&ctx.doc.text) {
        s.push_str(" in ");
        s.push_str(place);
    }
    s
}

/// "about 2000 troops in Syria (1,500–2,500)": the description and the permissive interval.
pub fn describe_with_interval(ctx: &Context, claim: &Claim, r: &Reading) -> String {
    let described = describe(ctx, claim);
    let iv = format::interval(&r.permissive, r.decimals);
    if iv == bare_literal(ctx.text(claim.span)) {
        described
    } else {
        format!("{described} ({iv})")
    }
}

/// Verbs that make the object of a change smaller or larger.
const REDUCTIONS: &[&str] = &[
    "reduc", "cut", "lower", "halv", "shrink", "trim", "slash", "withdraw", "decreas", "scal",
];
const INCREASES: &[&str] = &["increas", "rais", "boost", "expand", "doubl", "add", "grow"];
/// Words before the verb that make the change a plan rather than a fact.
const PLANS: &[&str] = &[
    "to", "will", "would", "plans", "plan", "planned", "intends", "aims", "expects", "wants",
];

/// What a message says about a mention that is the object of a change ("plans to reduce its
/// 2,000 troops"): "a planned reduction", "a reduction", "a planned change".
pub fn change_note(ctx: &Context, claim: &Claim) -> Option<String> {
    if !(claim.scope.changed && claim.scope.change_object) {
        return None;
    }
    let before = ctx.doc.text.get(..claim.span.start)?;
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(8)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let stem_in = |w: &str, stems: &[&str]| stems.iter().any(|s| w.starts_with(s));
    let verb_at = words
        .iter()
        .position(|w| stem_in(w, REDUCTIONS) || stem_in(w, INCREASES));
    let (what, planned) = match verb_at {
        Some(i) => {
            let what = if stem_in(&words[i], REDUCTIONS) {
                "reduction"
            } else {
                "increase"
            };
            // Skip adverbs ("significantly reduce") on the way to "to" / "will".
            let planned = words[i + 1..]
                .iter()
                .find(|w| !(w.len() > 4 && w.ends_with("ly")))
                .is_some_and(|w| PLANS.contains(&w.as_str()));
            (what, planned)
        }
        None => ("change", false),
    };
    Some(format!("a {}{what}", if planned { "planned " } else { "" }))
}

/// "2-1", "5–4": two bare integers below 100 joined by a dash, high first, with no unit, are
/// how news writes scores, tallies and votes, whatever words stand around them.
pub(crate) fn reads_as_score(
    ctx: &Context,
    claim: &Claim,
    first: &crate::model::Numeral,
    second: &crate::model::Numeral,
) -> bool {
    // "rally from 3-1 down": the pair itself is bare whatever word leads the span.
    let text = ctx.text(claim.span);
    let text = text
        .strip_prefix("from ")
        .or_else(|| text.strip_prefix("From "))
        .unwrap_or(text);
    let dash_joined = !text.contains(char::is_whitespace) && text.contains(['-', '–', '—']);
    let small =
        |n: &crate::model::Numeral| n.decimals == 0 && n.value < rust_decimal::Decimal::ONE_HUNDRED;
    dash_joined && claim.unit.is_none() && small(first) && small(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_literal_drops_hedges_only() {
        assert_eq!(bare_literal("Approximately 900"), "900");
        assert_eq!(bare_literal("a possible 90"), "90");
        assert_eq!(bare_literal("approximately a dozen"), "a dozen");
        assert_eq!(
            bare_literal("between 1,500 and 3,000"),
            "between 1,500 and 3,000"
        );
        assert_eq!(bare_literal("38"), "38");
    }

    #[test]
    fn hedges_read_as_plain_words() {
        assert_eq!(hedge_words(Hedge::Estimate), "about ");
        assert_eq!(hedge_words(Hedge::Nearly), "nearly ");
        assert_eq!(hedge_words(Hedge::None), "");
    }
}
