//! DATE-RANGE (`rules.md` §21).

use crate::analysis::Context;
use crate::declare_rule;
use crate::extract::resolve::{civil, describe, in_year};
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, DateParts, Hedge, Quantity, TimeUnit};
use crate::rules::RuleCheck;

declare_rule! {
    /// ## What it checks
    /// Spans of dates or years: the end must not come before the start ("from September 20
    /// to September 8"), and a duration stated beside the span ("the two-day strike, 9–13
    /// October") must match its length, counted inclusively or exclusively.
    ///
    /// ## Why it matters
    /// A reversed span or a duration that does not fit its dates means one of the figures
    /// was mistyped.
    ///
    /// ## Example
    /// "Picket lines returned for the two-day strike, 9–13 October." 9–13 October is 5 days
    /// inclusive, 4 exclusive: warning. Weeks are read against the days of the span, within
    /// three days of seven a week ("a three-week ban from 1 to 8 August": warning).
    ///
    /// A date moved is no span: "moved the deadline from June 30 to June 1", "brought
    /// forward from May 20 to May 6" (a reschedule word or "deadline"/"date" just before).
    ///
    /// ## Known limits
    /// Month spans without a year that run backwards are read as crossing a new year
    /// ("December to March"). Fiscal years ("2014-15") and "between" meaning "at some time
    /// between" are not told apart; durations are bound only within the sentence.
    pub struct DateRange = ("DATE-RANGE", "ordered spans and stated durations");
}

impl RuleCheck for DateRange {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (i, claim) in ctx.claims.iter().enumerate() {
            let Quantity::Period { from, to } = claim.quantity else {
                continue;
            };
            if reversed(from, to) && !rescheduled(ctx, claim) {
                out.push(Finding {
                    rule: DateRange::ID,
                    severity: Severity::Error,
                    verdict: Verdict::Inconsistent,
                    message: format!(
                        "the span ends ({}) before it starts ({}): inconsistent",
                        describe(to),
                        describe(from)
                    ),
                    primary: claim.span,
                    related: Vec::new(),
                    computed: None,
                });
                continue;
            }
            if let Some(d) = stated_duration(ctx, i) {
                out.extend(check_duration(ctx, claim, from, to, d));
            }
        }
    }
}

/// Words that make "from A to B" a date moved, not a span: "moved the deadline from June 30
/// to June 1", "the vote was brought forward from May 20 to May 6".
#[rustfmt::skip]
const RESCHEDULE_WORDS: &[&str] = &[
    "moved", "move", "moves", "moving", "brought", "bring", "brings", "pushed", "push",
    "pulled", "postponed", "postpone", "delayed", "delay", "rescheduled", "reschedule",
    "changed", "change", "shifted", "shift", "advanced", "deferred", "put", "switched",
    "deadline", "deadlines", "date", "dates", "forward", "back", "earlier", "later",
];

/// A reschedule word in the claim's clause before it (or the six words before it): the two
/// dates are the old and new dates of one event, so their order says nothing.
fn rescheduled(ctx: &Context, claim: &Claim) -> bool {
    let start = ctx
        .segments
        .clause_of(claim.span.start)
        .map(|(_, span)| span.start)
        .unwrap_or(0);
    let text = ctx.doc.text.get(start..claim.span.start).unwrap_or("");
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let near = &words[words.len().saturating_sub(8)..];
    near.iter().any(|w| RESCHEDULE_WORDS.contains(&w.as_str()))
}

/// (year, month, day) order where both ends give the parts compared. Without years, only a
/// reversal inside one month counts ("September 20 to September 8").
fn reversed(from: DateParts, to: DateParts) -> bool {
    match (from.year, to.year) {
        (Some(a), Some(b)) if a != b => a > b,
        (Some(_), Some(_)) | (None, None) => {
            let (Some(fm), Some(tm)) = (from.month, to.month) else {
                return false;
            };
            if fm != tm {
                return from.year.is_some() && fm > tm;
            }
            matches!((from.day, to.day), (Some(a), Some(b)) if a > b)
        }
        _ => false,
    }
}

/// A duration in the same sentence, next to the span with nothing but words between
/// ("the five-day festival runs July 10–14").
fn stated_duration<'a>(ctx: &Context<'a>, i: usize) -> Option<&'a Claim> {
    let claims = ctx.claims;
    let near = |a: &Claim, b: &Claim| {
        ctx.doc
            .text
            .get(a.span.end..b.span.start)
            .is_some_and(|gap| gap.len() <= 40 && !gap.contains(['.', ';', '!', '?', '\n']))
    };
    let length = |c: &&Claim| {
        matches!(c.quantity, Quantity::Duration { .. }) && !rate_unit(&ctx.doc.text, c)
    };
    let before = i
        .checked_sub(1)
        .and_then(|j| claims.get(j))
        .filter(|c| length(c) && near(c, &claims[i]));
    let after = claims
        .get(i + 1)
        .filter(|c| length(c) && near(&claims[i], c));
    before.or(after)
}

/// "hire 30 people a month from June to November": "a month" is the unit of a rate, not
/// the span's length. A duration written "a/an/per/each/every UNIT" is one, unless a word
/// of lasting comes before it ("for a month", "lasting a week").
fn rate_unit(text: &str, c: &Claim) -> bool {
    let Some(written) = text.get(c.span.start..c.span.end) else {
        return false;
    };
    let first = written
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !matches!(first.as_str(), "a" | "an" | "per" | "each" | "every") {
        return false;
    }
    let before = text.get(..c.span.start).unwrap_or("");
    let prev = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_lowercase();
    !matches!(
        prev.as_str(),
        "for"
            | "lasting"
            | "lasts"
            | "lasted"
            | "last"
            | "over"
            | "within"
            | "in"
            | "of"
            | "about"
            | "nearly"
            | "almost"
            | "just"
            | "than"
            | "took"
            | "takes"
            | "spent"
            | "spend"
    )
}

/// Days (or years) from one end to the other, inclusive count; `None` when the count
/// depends on an unknown year.
fn inclusive_length(from: DateParts, to: DateParts, unit: TimeUnit) -> Option<i64> {
    match unit {
        TimeUnit::Year => Some(i64::from(to.year? - from.year?) + 1),
        TimeUnit::Day => {
            let count = |y: i32| -> Option<i64> {
                let a = civil(in_year(from, y))?;
                let b = civil(in_year(to, y))?;
                Some(i64::from(a.until(b).ok()?.get_days()) + 1)
            };
            if from.year.is_some() {
                return count(from.year?);
            }
            let (leap, common) = (count(2024)?, count(2023)?);
            (leap == common).then_some(leap)
        }
        TimeUnit::Month => {
            let months = |d: DateParts| Some(i64::from(d.year?) * 12 + i64::from(d.month?));
            if from.day.is_some() {
                return None;
            }
            Some(months(in_year(to, 0))? - months(in_year(from, 0))? + 1)
        }
        _ => None,
    }
}

fn check_duration(
    ctx: &Context,
    period: &Claim,
    from: DateParts,
    to: DateParts,
    duration: &Claim,
) -> Option<Finding> {
    let Quantity::Duration { amount, unit } = &duration.quantity else {
        return None;
    };
    if duration.hedge != Hedge::None || !amount.value.fract().is_zero() {
        return None;
    }
    let stated = i64::try_from(amount.value).ok()?;
    if *unit == TimeUnit::Week {
        return check_weeks(ctx, period, from, to, duration, stated);
    }
    let inclusive = inclusive_length(from, to, *unit)?;
    if inclusive <= 0 || stated == inclusive || stated == inclusive - 1 {
        return None;
    }
    Some(Finding {
        rule: DateRange::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} is {inclusive} {unit}s counted inclusively, {} exclusively; the text says {}: inconsistent",
            ctx.text(period.span),
            inclusive - 1,
            ctx.text(duration.span),
            unit = unit.as_str()
        ),
        primary: period.span,
        related: vec![Related {
            span: duration.span,
            label: Role::Period,
        }],
        computed: None,
    })
}

/// Days a stated number of weeks may span, inclusive count, either side of 7 × weeks: "a
/// two-week festival, 3 to 17 July" (15 days) is two weeks as news counts them.
const WEEK_SLACK_DAYS: i64 = 3;

/// "a three-week ban from 1 to 8 August": weeks against the span's days.
fn check_weeks(
    ctx: &Context,
    period: &Claim,
    from: DateParts,
    to: DateParts,
    duration: &Claim,
    weeks: i64,
) -> Option<Finding> {
    let inclusive = inclusive_length(from, to, TimeUnit::Day)?;
    let days = weeks.checked_mul(7)?;
    if inclusive <= 0 || (inclusive - days).abs() <= WEEK_SLACK_DAYS {
        return None;
    }
    Some(Finding {
        rule: DateRange::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} is {inclusive} days counted inclusively; the text says {} ({days} days): inconsistent",
            ctx.text(period.span),
            ctx.text(duration.span),
        ),
        primary: period.span,
        related: vec![Related {
            span: duration.span,
            label: Role::Period,
        }],
        computed: None,
    })
}
