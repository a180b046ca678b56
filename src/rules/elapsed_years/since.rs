//! Counts of years since a dated start: "The bridge, which opened in 1932, marks its 93rd
//! anniversary", "Founded in 1998, the bakery is celebrating 26 years", "the law, passed in
//! 1986, has remained unchanged for nearly four decades", "their first title since 1992,
//! ending a 33-year wait". Ordinals count here: the Nth anniversary is N years on.

use super::{verb_words, Check, EXACT, WHOLE_YEARS};
use crate::analysis::timeline::{sentence_around, speaks_of_now, words_before};
use crate::analysis::Context;
use crate::model::{Claim, Hedge, Kind, Quantity, Span, TimeUnit};
use crate::text::normalize;
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

/// Words saying the started thing itself has lasted ("has remained unchanged for N years").
const PERSISTING: &[&str] = &[
    "remained",
    "remains",
    "stayed",
    "stood",
    "existed",
    "lasted",
    "endured",
    "survived",
    "unchanged",
    "unsolved",
    "travelling",
    "traveling",
    "orbiting",
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
    // "marks 25 years since its last title", "30 years of partnership", "20 years as
    // mayor": another span than the start's.
    let other_span = [" since", " of ", " as ", " with ", " at "]
        .iter()
        .any(|w| after.starts_with(w));
    let marking = prev.is_some_and(|w| MARKING.contains(&w)) && !other_span;
    // "for N years" only after a word of lasting ("has remained unchanged for", "went
    // unsolved for"): "has been run by the family for 40 years" counts another span.
    let state = prev == Some("for")
        && !after.starts_with(" since")
        && words_before(ctx, claim, 6)
            .iter()
            .skip(1)
            .any(|w| PERSISTING.contains(&w.as_str()));
    let wait = since
        && ctx.text(claim.span).ends_with("-year")
        && WAITS
            .iter()
            .any(|w| after.split_whitespace().next().map(normalize).as_deref() == Some(w));
    if !(lasting || marking || state || wait) {
        return None;
    }
    Some((n, hedge_slack(claim.hedge, n)?))
}

/// The slack a hedge gives a count of N whole years: "nearly" only below, "more than" only
/// above; `None` for hedges that bound from the other side ("up to").
pub(super) fn hedge_slack(hedge: Hedge, n: i64) -> Option<(i64, i64)> {
    let tenth = (n / 10).max(1);
    Some(match hedge {
        Hedge::None | Hedge::Exactly => WHOLE_YEARS,
        Hedge::Nearly => (tenth + 1, 0),
        Hedge::Approximately | Hedge::Estimate => (tenth + 1, tenth + 1),
        Hedge::MoreThan | Hedge::AtLeast => (1, i64::MAX / 4),
        _ => return None,
    })
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
    let end = now_end(ctx, claim.span.start, claim.span.end, years, start)?;
    Some(Check {
        stated: claim.span,
        amount,
        start: (start, start_claim),
        end: (end, None),
        slack,
    })
}

/// The reference date's year as the end of a count written at `from..to`, when the
/// sentence has no year but the start and the count's clause speaks of the present.
fn now_end(
    ctx: &Context,
    from: usize,
    to: usize,
    years: &[(&Claim, i32)],
    start: i32,
) -> Option<i32> {
    // Any other year makes the end uncertain: the article's days only when none stands.
    if years.len() != 1 {
        return None;
    }
    let text = ctx.doc.text.as_str();
    let clause_span = ctx.segments.clause_of(from)?.1;
    let sentence = ctx.segments.sentence_of(from)?.1;
    let clause: Vec<String> = text
        .get(clause_span.start..clause_span.end)
        .unwrap_or("")
        .split_whitespace()
        .map(normalize)
        .collect();
    if clause.iter().any(|w| NOT_NOW.contains(&w.as_str())) {
        return None;
    }
    let sentence_before = text.get(sentence.start..from).unwrap_or("");
    let sentence_after = text.get(to..sentence.end.max(to)).unwrap_or("");
    let now = clause.iter().any(|w| PRESENT.contains(&w.as_str()))
        || speaks_of_now(sentence_before)
        || speaks_of_now(sentence_after);
    if !now {
        return None;
    }
    let end = i32::from(ctx.settings.reference_date?.year());
    (end >= start).then_some(end)
}

/// Words that are counts of years: "its centenary", "for half a century".
const COUNT_WORDS: &[(&str, i64)] = &[
    ("bicentenary", 200),
    ("bicentennial", 200),
    ("sesquicentennial", 150),
    ("centenary", 100),
    ("centennial", 100),
    ("half-century", 50),
    ("half a century", 50),
    ("quarter-century", 25),
    ("quarter of a century", 25),
];

/// "which opened in 1931, celebrates its centenary": counts written as words, marked
/// ("celebrates its …", exact) or lasting ("for half a century", whole years).
pub(super) fn word_counts<'a>(
    ctx: &Context,
    claims: &[&Claim],
    years: &[(&'a Claim, i32)],
) -> Vec<Check<'a>> {
    let mut out = Vec::new();
    let Some(first) = claims.first() else {
        return out;
    };
    let Some((_, sentence)) = ctx.segments.sentence_of(first.span.start) else {
        return out;
    };
    let Some(text) = ctx.doc.text.get(sentence.start..sentence.end) else {
        return out;
    };
    // Only ASCII letters lower-case onto these words, so offsets stay those of `text`.
    let lower = text.to_ascii_lowercase();
    let Some((start_claim, start)) = start_year(ctx, claims, years) else {
        return out;
    };
    for &(word, amount) in COUNT_WORDS {
        let Some(at) = lower.find(word) else {
            continue;
        };
        let end_at = at + word.len();
        let bounded = lower[..at].ends_with(|c: char| !c.is_alphanumeric() && c != '-')
            && !lower[end_at..].starts_with(|c: char| c.is_alphanumeric());
        if !bounded || lower[end_at..].starts_with("-") {
            continue;
        }
        let before: Vec<&str> = lower[..at].split_whitespace().rev().take(7).collect();
        let marked = matches!(before.first(), Some(&("its" | "their" | "the")))
            && before.get(1).is_some_and(|w| MARKING.contains(w));
        let for_at = match before[..] {
            ["for", ..] => Some(1),
            ["a", "for", ..] => Some(2),
            _ => None,
        };
        let persisting = |from: usize| {
            before
                .iter()
                .skip(from)
                .take(5)
                .any(|w| PERSISTING.contains(w))
        };
        let lasting = for_at.is_some_and(persisting)
            || LASTING
                .iter()
                .any(|l| lower[end_at..].starts_with(&format!(" {l}")));
        let slack = if marked {
            EXACT
        } else if lasting {
            WHOLE_YEARS
        } else {
            continue;
        };
        let (from, to) = (sentence.start + at, sentence.start + end_at);
        let Some(end) = now_end(ctx, from, to, years, start) else {
            continue;
        };
        out.push(Check {
            stated: Span::new(from, to),
            amount,
            start: (start, start_claim),
            end: (end, None),
            slack,
        });
    }
    out
}

/// "It is 31 years since the mill closed in 1994", "marked a decade since the 2015 floods":
/// the one year written after "since" starts the count; it runs to the one other year of
/// the count's clause, or to the article's days when the clause speaks of them.
pub(super) fn years_since<'a>(
    ctx: &Context,
    claim: &'a Claim,
    years: &[(&'a Claim, i32)],
) -> Option<Check<'a>> {
    let Quantity::Duration { amount, unit } = &claim.quantity else {
        return None;
    };
    let (_, after) = sentence_around(ctx, claim);
    if !after.to_ascii_lowercase().starts_with(" since ") || amount.decimals != 0 {
        return None;
    }
    let per = match unit {
        TimeUnit::Year => Decimal::ONE,
        TimeUnit::Decade => Decimal::TEN,
        _ => return None,
    };
    let n = amount.value.checked_mul(per)?.to_i64()?;
    let slack = hedge_slack(claim.hedge, n)?;
    let later: Vec<_> = years
        .iter()
        .filter(|(c, _)| c.span.start >= claim.span.end)
        .collect();
    let [&(start_claim, start)] = later[..] else {
        return None;
    };
    let end = if years.len() == 1 {
        (
            now_end(ctx, claim.span.start, claim.span.end, years, start)?,
            None,
        )
    } else {
        let earlier: Vec<_> = years
            .iter()
            .filter(|(c, _)| c.span.end <= claim.span.start)
            .collect();
        match earlier[..] {
            [&(c, y)]
                if years.len() == 2 && crate::analysis::timeline::same_clause(ctx, c, claim) =>
            {
                (y, Some(c))
            }
            _ => return None,
        }
    };
    (end.0 >= start).then_some(Check {
        stated: claim.span,
        amount: n,
        start: (start, start_claim),
        end,
        slack,
    })
}
