//! DATE-WEEKDAY (`rules.md` §19).

use crate::analysis::Context;
use crate::declare_rule;
use crate::extract::resolve::{civil, describe, weekday_of, weekday_word};
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Kind, Quantity, Span};
use crate::rules::RuleCheck;
use jiff::ToSpan;

declare_rule! {
    /// ## What it checks
    /// A weekday written beside a date ("Thursday, 14 August 2019", "on Oct. 1, a
    /// Wednesday,"): the date must fall on that weekday in the Gregorian calendar.
    ///
    /// ## Why it matters
    /// A weekday that does not match its date means one of the two is wrong, and readers act
    /// on both.
    ///
    /// ## Example
    /// "The bridge reopened on Thursday, 14 August 2019." 14 August 2019 was a Wednesday:
    /// error, offering either Wednesday or 15 August.
    ///
    /// ## Known limits
    /// A date without a year takes its year from the reference date (`--date`, front matter,
    /// dateline) by the tense of its sentence; without a reference date it is skipped. Julian
    /// dates and recurring events are not recognised.
    pub struct DateWeekday = ("DATE-WEEKDAY", "weekday vs date");
}

impl RuleCheck for DateWeekday {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claim in ctx.resolved_claims() {
            out.extend(check(ctx, claim));
        }
    }
}

fn check(ctx: &Context, claim: &Claim) -> Option<Finding> {
    let Quantity::Date(d) = claim.quantity else {
        return None;
    };
    if claim.kind != Kind::Date {
        return None;
    }
    let (stated, weekday_span) = match d.weekday {
        Some(w) => {
            let len = ctx
                .text(claim.span)
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(0);
            (w, Span::new(claim.span.start, claim.span.start + len))
        }
        None => weekday_after(ctx, claim)?,
    };
    let date = civil(d)?;
    let actual = weekday_of(date);
    if actual == stated {
        return None;
    }
    // The nearest date with the stated weekday, for the second repair.
    let shift = (-3i8..=3)
        .filter(|k| (i16::from(actual) + i16::from(*k) - 1).rem_euclid(7) + 1 == i16::from(stated))
        .min_by_key(|k| k.abs())?;
    let other = date.checked_add(i64::from(shift).days()).ok()?;
    let other_parts = crate::model::DateParts {
        year: d.year,
        month: Some(other.month() as u8),
        day: Some(other.day() as u8),
        weekday: None,
    };
    let plain = crate::model::DateParts { weekday: None, ..d };
    Some(Finding {
        rule: DateWeekday::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} is a {}, not a {}: change the weekday to {}, or the date to {}",
            describe(plain),
            weekday_word(actual),
            weekday_word(stated),
            weekday_word(actual),
            describe(other_parts)
        ),
        primary: claim.span,
        related: vec![Related {
            span: weekday_span,
            label: Role::Weekday,
        }],
        computed: None,
    })
}

/// A weekday set off after the date: "on Oct. 1, a Wednesday," (1 = Monday … 7 = Sunday).
fn weekday_after(ctx: &Context, claim: &Claim) -> Option<(u8, Span)> {
    let rest = ctx.doc.text.get(claim.span.end..)?;
    let after_comma = rest.strip_prefix(", ")?;
    let word_at = after_comma
        .strip_prefix("a ")
        .or_else(|| after_comma.strip_prefix("which is a "))
        .or_else(|| after_comma.strip_prefix("which was a "))?;
    let len = word_at
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(word_at.len());
    let word = &word_at[..len];
    let n = (1..=7u8).find(|&n| weekday_word(n) == word)?;
    let start = claim.span.end + (rest.len() - word_at.len());
    Some((n, Span::new(start, start + len)))
}
