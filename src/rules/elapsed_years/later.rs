//! "Five years later, in 1997" and "five years on, in 1997": the years from the year the
//! text counts from to the year it names beside the offset.

use super::since::hedge_slack;
use super::Check;
use crate::analysis::timeline::{words_before, year_of};
use crate::analysis::Context;
use crate::model::{Claim, Direction, Quantity, TimeUnit};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Words before a year that make it a limit, not a time counted from ("since 2001").
const BOUND_WORDS: &[&str] = &["since", "by", "until", "till", "through", "before"];

/// Every "N years later, in YEAR" of the document, checked against the year counted from.
pub(super) fn later_in_year<'a>(ctx: &Context<'a>) -> Vec<Check<'a>> {
    let claims = ctx.claims;
    let mut out = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if let Some(check) = later_to_now(ctx, i) {
            out.push(check);
            continue;
        }
        let Some(next) = claims.get(i + 1) else {
            continue;
        };
        let Some(end) = year_of(next) else {
            continue;
        };
        let gap = ctx
            .doc
            .text
            .get(claim.span.end..next.span.start)
            .unwrap_or("");
        let words: Vec<String> = gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let (amount, anchor) = match (&claim.quantity, &words[..]) {
            (
                Quantity::Relative {
                    direction: Direction::After,
                    anchored_to_phrase: false,
                    anchor: Some(j),
                    ..
                },
                [w],
            ) if w == "in"
                && claims
                    .get(j.saturating_add(1)..i)
                    .is_some_and(|between| !between.iter().any(|c| year_of(c).is_some())) =>
            {
                // Another year between them ("since 2001") leaves "later" open to doubt.
                (years_of(claim), claims.get(*j))
            }
            (Quantity::Duration { .. }, [on, w]) if on == "on" && w == "in" => {
                (years_of(claim), counted_from(ctx, i))
            }
            _ => continue,
        };
        let (Some((amount, slack)), Some(anchor)) = (amount, anchor) else {
            continue;
        };
        let Some(start) = year_of(anchor) else {
            continue;
        };
        out.push(Check {
            stated: claim.span,
            amount,
            start: (start, anchor),
            end: (end, Some(next)),
            slack,
        });
    }
    out
}

/// Whole years of an offset or duration ("five years", "two decades"), with its slack.
fn years_of(claim: &Claim) -> Option<(i64, (i64, i64))> {
    let (amount, unit) = match &claim.quantity {
        Quantity::Relative { amount, unit, .. } | Quantity::Duration { amount, unit } => {
            (amount, unit)
        }
        _ => return None,
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
    Some((n, hedge_slack(claim.hedge, n)?))
}

/// The year "N years on" counts from: the nearest earlier year of the paragraph that is
/// not a limit ("since 2001").
fn counted_from<'a>(ctx: &Context<'a>, i: usize) -> Option<&'a Claim> {
    let claims = ctx.claims;
    let paragraph = ctx.segments.paragraph_of(claims[i].span.start)?.0;
    let j = (0..i).rev().find(|&j| year_of(&claims[j]).is_some())?;
    let anchor = &claims[j];
    if ctx.segments.paragraph_of(anchor.span.start)?.0 != paragraph {
        return None;
    }
    let bound = words_before(ctx, anchor, 1)
        .first()
        .is_some_and(|w| BOUND_WORDS.contains(&w.as_str()));
    (!bound).then_some(anchor)
}

/// Words of the present ("the site is being redeveloped").
const PRESENT: &[&str] = &["is", "are", "has", "have", "now", "remains", "remain"];

/// Words that put a sentence elsewhere in time than the article's days.
const ELSEWHEN: &[&str] = &[
    "was", "were", "had", "did", "will", "would", "next", "last", "then", "by", "until",
];

/// "The mill closed in 1994. Thirty-one years later, the site is being redeveloped": a
/// "later" in a sentence of the present, with no year of its own, ends at the article's
/// days.
fn later_to_now<'a>(ctx: &Context<'a>, i: usize) -> Option<Check<'a>> {
    let claims = ctx.claims;
    let claim = &claims[i];
    let Quantity::Relative {
        direction: Direction::After,
        anchored_to_phrase: false,
        anchor: Some(j),
        ..
    } = &claim.quantity
    else {
        return None;
    };
    if !ctx.text(claim.span).to_ascii_lowercase().ends_with("later") {
        return None;
    }
    let anchor = claims.get(*j)?;
    let start = year_of(anchor)?;
    let (index, sentence) = ctx.segments.sentence_of(claim.span.start)?;
    let own_year = claims.iter().any(|c| {
        year_of(c).is_some() && ctx.segments.sentence_of(c.span.start).map(|s| s.0) == Some(index)
    });
    if own_year
        || claims
            .get(j.saturating_add(1)..i)
            .is_none_or(|b| b.iter().any(|c| year_of(c).is_some()))
    {
        return None;
    }
    let words: Vec<String> = ctx
        .doc
        .text
        .get(sentence.start..sentence.end)?
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let present = words.iter().any(|w| PRESENT.contains(&w.as_str()));
    if !present || words.iter().any(|w| ELSEWHEN.contains(&w.as_str())) {
        return None;
    }
    let (amount, slack) = years_of(claim)?;
    let end = i32::from(ctx.settings.reference_date?.year());
    (end >= start).then_some(Check {
        stated: claim.span,
        amount,
        start: (start, anchor),
        end: (end, None),
        slack,
    })
}
