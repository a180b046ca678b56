//! What the year rules (NUM-AGE-YEAR, NUM-ELAPSED-YEARS) share: years of claims, sentences
//! as groups of claims, the words around a claim, and "now" markers.

use crate::analysis::Context;
use crate::finding::{Computed, Related};
use crate::model::{Claim, Quantity};
use crate::text::normalize;
use rust_decimal::Decimal;

/// The year a year or dated claim names ("in 1986", "March 1986", "May 3, 2024").
pub fn year_of(claim: &Claim) -> Option<i32> {
    if !matches!(
        claim.kind,
        crate::model::Kind::Year | crate::model::Kind::Date
    ) {
        return None;
    }
    match &claim.quantity {
        Quantity::Date(parts) => parts.year,
        _ => None,
    }
}

/// Claims grouped by sentence, in text order: one linear pass.
pub fn by_sentence<'a>(ctx: &Context<'a>) -> Vec<Vec<&'a Claim>> {
    let mut groups: Vec<Vec<&'a Claim>> = Vec::new();
    let mut current = None;
    for claim in ctx.claims {
        let sentence = ctx.segments.sentence_of(claim.span.start).map(|(i, _)| i);
        if sentence.is_none() || sentence != current {
            groups.push(Vec::new());
            current = sentence;
        }
        if let Some(group) = groups.last_mut() {
            group.push(claim);
        }
    }
    groups
}

/// The text from the start of `claim`'s sentence to the claim, and from the claim to the
/// sentence end.
pub fn sentence_around<'a>(ctx: &Context<'a>, claim: &Claim) -> (&'a str, &'a str) {
    let text = ctx.doc.text.as_str();
    let Some((_, sentence)) = ctx.segments.sentence_of(claim.span.start) else {
        return ("", "");
    };
    let before = text.get(sentence.start..claim.span.start).unwrap_or("");
    let after = text
        .get(claim.span.end..sentence.end.max(claim.span.end))
        .unwrap_or("");
    (before, after)
}

/// Up to `n` words before `claim` in its sentence, nearest first.
pub fn words_before(ctx: &Context, claim: &Claim, n: usize) -> Vec<String> {
    crate::text::last_words(sentence_around(ctx, claim).0, n)
}

/// Whether both claims lie in one clause (`semantics.md` §7.1).
pub fn same_clause(ctx: &Context, a: &Claim, b: &Claim) -> bool {
    let clause = |c: &Claim| ctx.segments.clause_of(c.span.start).map(|(i, _)| i);
    clause(a).is_some() && clause(a) == clause(b)
}

/// Words that date an event to the days around the article's date: a weekday, "today",
/// "yesterday", "this week".
const NOW_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "now",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether the text of a clause dates its event to the article's own days.
pub fn speaks_of_now(clause: &str) -> bool {
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| {
            let w = normalize(w);
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .map_or(w.clone(), str::to_string)
        })
        .collect();
    words.iter().any(|w| NOW_WORDS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| p[0] == "this" && matches!(p[1].as_str(), "week" | "month"))
}

/// The clause text around `claim`.
pub fn clause_text<'a>(ctx: &Context<'a>, claim: &Claim) -> &'a str {
    ctx.segments
        .clause_of(claim.span.start)
        .and_then(|(_, span)| ctx.doc.text.get(span.start..span.end))
        .unwrap_or("")
}

/// An exact whole-number result for a finding's `computed`.
pub fn computed_range(low: i64, high: i64, value: i64) -> Computed {
    Computed {
        value: Decimal::from(value),
        low: Some(Decimal::from(low)),
        high: Some(Decimal::from(high)),
    }
}

pub fn related(claim: &Claim, label: crate::finding::Role) -> Related {
    Related {
        span: claim.span,
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_markers() {
        assert!(speaks_of_now("retired on Friday at 63"));
        assert!(speaks_of_now("Saturday's ceremony marked"));
        assert!(speaks_of_now("opened this week"));
        assert!(!speaks_of_now("retired at 63"));
        assert!(!speaks_of_now("a Sundays-only service"));
    }
}
