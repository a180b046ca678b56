//! DATE-INVALID (`rules.md` §20).

use crate::analysis::Context;
use crate::declare_rule;
use crate::extract::resolve::describe;
use crate::finding::{Finding, Severity, Verdict};
use crate::model::{Claim, DateParts, Quantity};
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
    /// checked only when their order is unambiguous, or when they are no date in either
    /// order ("25/13/2023").
    pub struct DateInvalid = ("DATE-INVALID", "dates that do not exist");
}

impl RuleCheck for DateInvalid {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claim in ctx.claims {
            out.extend(check(claim));
        }
        // The grammar's own numeric dates are checked above.
        let read = |i: usize, end: usize| {
            ctx.claims.iter().any(|c| {
                c.span.start < end
                    && i < c.span.end
                    && matches!(c.quantity, Quantity::Date(_) | Quantity::Period { .. })
            })
        };
        // Prose only (the masked copy: no code, markup or web addresses), and only the
        // paragraphs of this pass: an over-cap document is checked a paragraph at a time,
        // and every pass scanning the whole text was quadratic and repeated its findings.
        let masked = ctx.doc.masked();
        let paragraphs = &ctx.segments.paragraphs;
        let from = paragraphs.first().map_or(0, |p| p.start);
        let to = paragraphs.last().map_or(masked.len(), |p| p.end);
        let Some(prose) = masked.get(from..to) else {
            return;
        };
        // Numeric dates begin with a run of digits, and the anchor scan noted where each
        // run begins: only those are read, not every byte.
        let starts = ctx.figure_words();
        let lo = starts.partition_point(|&s| s < from);
        let hi = starts.partition_point(|&s| s < to);
        let candidates = starts[lo..hi].iter().map(|&s| s - from);
        out.extend(
            numeric_nowhere(prose, from, candidates)
                .into_iter()
                .filter(|f| !read(f.primary.start, f.primary.end)),
        );
    }
}

/// Numeric dates that are no date in either order ("25/13/2023": no month 13 either way),
/// which the grammar does not read as dates at all. `base` is the offset of `text` in the
/// document; `candidates`, in increasing order, are the offsets in `text` where such a date
/// may begin: every start of a run of digits at least.
fn numeric_nowhere(
    text: &str,
    base: usize,
    candidates: impl Iterator<Item = usize>,
) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let digits_at = |i: usize, max: usize| -> (usize, u32) {
        let mut j = i;
        let mut v = 0u32;
        while j < bytes.len() && j - i < max && bytes[j].is_ascii_digit() {
            v = v * 10 + u32::from(bytes[j] - b'0');
            j += 1;
        }
        (j, v)
    };
    // Where the previous date or run of digits read ends: candidates before it lie inside.
    let mut read_to = 0;
    for i in candidates {
        if i < read_to || i >= bytes.len() {
            continue;
        }
        let starts = bytes[i].is_ascii_digit()
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric() || b"/.-".contains(&bytes[i - 1])));
        if !starts {
            continue;
        }
        let (a_end, a) = digits_at(i, 2);
        let sep = bytes.get(a_end).copied();
        let parsed = sep.filter(|c| b"/.-".contains(c)).and_then(|sep| {
            let (b_end, b) = digits_at(a_end + 1, 2);
            (b_end > a_end + 1 && bytes.get(b_end) == Some(&sep)).then_some(())?;
            let (y_end, y) = digits_at(b_end + 1, 4);
            let whole =
                y_end == b_end + 5 && !bytes.get(y_end).is_some_and(|c| c.is_ascii_alphanumeric());
            whole.then_some((b, y, y_end))
        });
        let Some((b, y, end)) = parsed else {
            read_to = a_end;
            continue;
        };
        let year = i32::try_from(y).ok();
        let fits = |day: u32, month: u32| {
            u8::try_from(month)
                .ok()
                .filter(|m| (1..=12).contains(m))
                .and_then(|m| month_length(m, year))
                .is_some_and(|len| day >= 1 && day <= u32::from(len))
        };
        if (1900..=2100).contains(&y) && !fits(a, b) && !fits(b, a) && a > 0 && b > 0 {
            out.push(Finding {
                rule: DateInvalid::ID,
                severity: Severity::Error,
                verdict: Verdict::Inconsistent,
                message: format!(
                    "{} is no date in either order (day/month or month/day): inconsistent",
                    &text[i..end]
                ),
                primary: crate::model::Span::new(base + i, base + end),
                related: Vec::new(),
                computed: None,
            });
        }
        read_to = end;
    }
    out
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
            rule: DateInvalid::ID,
            severity: Severity::Error,
            verdict: Verdict::Inconsistent,
            message,
            primary: claim.span,
            related: Vec::new(),
            computed: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Marks;

    /// The numeric dates found from the figure words' starts, and from every offset.
    fn both(text: &str) -> (Vec<Finding>, Vec<Finding>) {
        let marks = Marks::of(text);
        (
            numeric_nowhere(text, 7, marks.figure_words.iter().copied()),
            numeric_nowhere(text, 7, 0..text.len()),
        )
    }

    #[test]
    fn figure_word_starts_find_what_every_offset_finds() {
        let text = "On 25/13/2023, 31.04.2024 and 2/30/2023 (not 12-31-2023, v1.25/13/2023, \
                    1925/13/2023 or x25/13/2023); 30/30/2030.";
        let (figures, every) = both(text);
        assert_eq!(figures.len(), 4, "{figures:?}");
        assert_eq!(figures, every);
        for (path, text) in crate::fixture_texts::all() {
            let (figures, every) = both(&text);
            assert_eq!(figures, every, "{}", path.display());
        }
    }
}
