//! DATE-INVALID (`rules.md` §20).

use crate::check::Context;
use crate::declare_rule;
use crate::extract::resolve::describe;
use crate::model::{Claim, DateParts, Quantity};
use crate::report::{Finding, Severity, Verdict};
use crate::rules::RuleCheck;

declare_rule! {
    /// ## What it checks
    /// Dates that do not exist: a day past the end of its month ("September 31") or
    /// February 29 of a common year ("February 29, 2026").
    ///
    /// ## Why it matters
    /// An impossible date is always a typo, and often hides the real one (September 30 or
    /// October 1?).
    ///
    /// ## Example
    /// "Applications close on September 31." September has 30 days: error.
    ///
    /// ## Known limits
    /// Without a year, February 29 is accepted (it exists in leap years). Numeric dates are
    /// checked only when their order is unambiguous.
    pub struct DateInvalid = ("DATE-INVALID", "dates that do not exist");
}

impl RuleCheck for DateInvalid {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claim in ctx.claims {
            out.extend(check(claim));
        }
    }
}

/// Days in a month; February has 29 when the year is unknown.
fn month_length(month: u8, year: Option<i32>) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => return None,
    })
}

/// Why a date cannot exist, if it cannot.
fn impossible(d: DateParts) -> Option<String> {
    let (month, day) = (d.month?, d.day?);
    let length = month_length(month, d.year)?;
    if day <= length {
        return None;
    }
    let shown = describe(DateParts { weekday: None, ..d });
    Some(if month == 2 && day == 29 {
        format!(
            "{shown} does not exist: {} is not a leap year",
            d.year.unwrap_or(0)
        )
    } else {
        let name = describe(DateParts {
            year: None,
            day: None,
            weekday: None,
            ..d
        });
        format!("{shown} does not exist: {name} has {length} days")
    })
}

fn check(claim: &Claim) -> Vec<Finding> {
    let dates = match claim.quantity {
        Quantity::Date(d) => vec![d],
        Quantity::Period { from, to } => vec![from, to],
        _ => Vec::new(),
    };
    dates
        .into_iter()
        .filter_map(impossible)
        .map(|message| Finding {
            rule: "DATE-INVALID",
            severity: Severity::Error,
            verdict: Verdict::Inconsistent,
            message,
            primary: claim.span,
            related: Vec::new(),
            computed: None,
        })
        .collect()
}
