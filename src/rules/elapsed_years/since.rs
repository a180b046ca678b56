//! Counts of years since a dated start: "The bridge, which opened in 1932, marks its 93rd
//! anniversary", "Founded in 1998, the bakery is celebrating 26 years", "the law, passed in
//! 1986, has remained unchanged for nearly four decades", "their first title since 1992,
//! ending a 33-year wait". Ordinals count here: the Nth anniversary is N years on.

use super::{verb_words, Check, EXACT, WHOLE_YEARS};
use crate::check::Context;
use crate::model::{Claim, Hedge, Kind, Quantity, TimeUnit};
use crate::rules::timeline::{
    clause_text, normalize, sentence_around, speaks_of_now, words_before,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Words written right before a year that make it the start of something that lasts.
const START_WORDS: &[&str] = &[
    "opened",
    "founded",
    "established",
    "built",
    "launched",
    "created",
    "formed",
    "passed",
    "enacted",
    "elected",
    "appointed",
    "committed",
    "began",
    "started",
    "introduced",
    "inaugurated",
    "unveiled",
    "since",
];

/// Nouns after "N years in/of" that say the started thing has lasted that long.
const LASTING: &[&str] = &[
    "in business",
    "in office",
    "in operation",
    "of operation",
    "in existence",
    "in service",
    "of service",
    "in power",
    "on the air",
    "in charge",
    "at the helm",
];

/// What a "N-year" count of waiting after "since YEAR" is called.
const WAITS: &[&str] = &["wait", "drought", "absence", "gap", "hiatus", "break"];

/// Verbs of marking a span of years.
const MARKING: &[&str] = &[
    "marks",
    "marked",
    "marking",
    "celebrates",
    "celebrated",
    "celebrating",
    "celebrate",
    "mark",
];

/// Present or perfect: the count runs to the article's days.
const PRESENT: &[&str] = &[
    "is",
    "are",
    "has",
    "have",
    "now",
    "marks",
    "celebrates",
    "celebrating",
    "marking",
    "remains",
    "this",
];

/// Words that put the count in the future or past instead ("will mark", "next year").
const NOT_NOW: &[&str] = &["will", "would", "next", "last", "previous", "had", "before"];

/// The one year in the sentence written as the start of something lasting.
pub(super) fn start_year<'a>(
    ctx: &Context,
    claims: &[&Claim],
    years: &[(&'a Claim, i32)],
) -> Option<(&'a Claim, i32)> {
    let starts: Vec<_> = years
        .iter()
        .filter(|(c, _)| {
            let words = verb_words(ctx, c, claims);
            // "opened in 1932", "founded in July 1998", "since 1992", "first elected in 2009".
            let mut near = words.iter().take(3).map(String::as_str);
            match near.next() {
                Some("since") => true,
                Some("in" | "on") => near.next().is_some_and(|w| START_WORDS.contains(&w)),
                _ => false,
            }
        })
        .copied()
        .collect();
    match starts[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Years a count states, with the slack its wording allows, when it counts the started
/// thing's years: (amount, slack).
fn count_of(ctx: &Context, claim: &Claim, since: bool) -> Option<(i64, (i64, i64))> {
    let (_, after) = sentence_around(ctx, claim);
    let after = after.to_lowercase();
    let before = words_before(ctx, claim, 3);
    if claim.kind == Kind::Ordinal {
        let Quantity::Point(n) = &claim.quantity else {
            return None;
        };
        // "its 93rd anniversary", not "the 93rd anniversary of …" (read elsewhere).
        let anniversary =
            after.starts_with(" anniversary") && !after.starts_with(" anniversary of");
        let owned = matches!(
            before.first().map(String::as_str),
            Some("its" | "their" | "the")
        );
        return (anniversary && owned)
            .then(|| n.value.to_i64())
            .flatten()
            .map(|n| (n, EXACT));
    }
    let Quantity::Duration { amount, unit } = &claim.quantity else {
        return None;
    };
    if amount.decimals != 0 {
        return None;
    }
    let per = match unit {
        TimeUnit::Year => Decimal::ONE,
        TimeUnit::Decade => Decimal::TEN,
        _ => return None,
    };
    let n = amount.value.checked_mul(per)?.to_i64()?;
    let prev = before.first().map(String::as_str);
    let lasting = LASTING.iter().any(|l| after.starts_with(&format!(" {l}")));
    let marking = prev.is_some_and(|w| MARKING.contains(&w));
    let state = prev == Some("for");
    let wait = since
        && ctx.text(claim.span).ends_with("-year")
        && WAITS
            .iter()
            .any(|w| after.split_whitespace().next().map(normalize).as_deref() == Some(w));
    if !(lasting || marking || state || wait) {
        return None;
    }
    let tenth = (n / 10).max(1);
    let slack = match claim.hedge {
        Hedge::None | Hedge::Exactly => WHOLE_YEARS,
        Hedge::Nearly => (tenth + 1, 0),
        Hedge::Approximately | Hedge::Estimate => (tenth + 1, tenth + 1),
        Hedge::MoreThan | Hedge::AtLeast => (1, i64::MAX / 4),
        _ => return None,
    };
    Some((n, slack))
}

/// "which opened in 1932, marks its 93rd anniversary": the count, its start, and the
/// reference date's year as the end when the count's clause speaks of the present.
pub(super) fn since_start<'a>(
    ctx: &Context,
    claims: &[&'a Claim],
    claim: &'a Claim,
    years: &[(&'a Claim, i32)],
) -> Option<Check<'a>> {
    let (start_claim, start) = start_year(ctx, claims, years)?;
    let since = words_before(ctx, start_claim, 1)
        .first()
        .map(String::as_str)
        == Some("since");
    let (amount, slack) = count_of(ctx, claim, since)?;
    // Any other year makes the end uncertain: the article's days only when none stands.
    if years.len() != 1 {
        return None;
    }
    let clause: Vec<String> = clause_text(ctx, claim)
        .split_whitespace()
        .map(normalize)
        .collect();
    if clause.iter().any(|w| NOT_NOW.contains(&w.as_str())) {
        return None;
    }
    let (sentence_before, sentence_after) = sentence_around(ctx, claim);
    let now = clause.iter().any(|w| PRESENT.contains(&w.as_str()))
        || speaks_of_now(sentence_before)
        || speaks_of_now(sentence_after);
    if !now {
        return None;
    }
    let end = i32::from(ctx.settings.reference_date?.year());
    if end < start {
        return None;
    }
    Some(Check {
        stated: claim,
        amount,
        start: (start, start_claim),
        end: (end, None),
        slack,
    })
}
