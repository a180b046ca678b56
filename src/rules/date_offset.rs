//! DATE-OFFSET (`rules.md` §8).

use crate::analysis::Context;
use crate::declare_rule;
use crate::extract::resolve::{
    civil, date_of, describe, in_year, restates, restates_date_before, weekday_of, weekday_word,
};
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::grammar::time::is_deictic;
use crate::model::{Claim, DateParts, Direction, Hedge, Kind, Quantity, TimeUnit};
use crate::rules::RuleCheck;
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// An offset from a date in the text ("six days later", "a week after", "the next day"):
    /// the date it implies, and whether a date or weekday stated right after it
    /// ("six days later, on August 16", "six weeks later, in the match on 14 December")
    /// agrees with it, or a date the offset follows after a comma ("reopened on June 9, a
    /// week later" counts from the date before). Also a date written before an offset from a dated event ("arrested
    /// on 3 March, five days after the robbery on 26 February", "just three weeks after
    /// being injured on 2 March", "two days after they began on 29 May"), an offset from an
    /// event carrying its date ("three weeks after the 6 February flood, on 27 February"),
    /// and hours that are not whole days ("28 hours later, at 6am on 26 June": the date
    /// must lie 1–2 days on). "A fortnight later" is two weeks. A year-less date restating
    /// an offset takes the year nearest the offset's result. A day count after a date ("on
    /// 23 July, its sixth day") counts from the one date of the sentence written after a
    /// word of starting ("began on 18 July") as day one.
    ///
    /// ## Why it matters
    /// Off-by-one offsets and weekdays that do not match are among the commonest date slips in
    /// court and crime reporting; the reader cannot tell which figure is wrong.
    ///
    /// ## Example
    /// "The ferry ran aground on August 9 and was refloated six days later, on August 16."
    /// August 9 + 6 days is August 15: error. Without a stated date the implied date is
    /// reported as a note.
    ///
    /// ## Known limits
    /// "later" anchors on the nearest earlier date in the paragraph, which may belong to
    /// another event; after a span of dates ("from 1 to 6 March") it anchors nowhere.
    /// "A week later than planned" is a delay, not an offset, and is left alone. Business days, time zones and a day count without a dated start are
    /// not modelled. A weekday is checked only when the year is known (from the text or the
    /// reference date).
    pub struct DateOffset = ("DATE-OFFSET", "date arithmetic: offsets vs stated dates and weekdays");
}

impl RuleCheck for DateOffset {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let claims = ctx.resolved_claims();
        for (i, claim) in claims.iter().enumerate() {
            if claim.kind == Kind::RelativeDate {
                out.extend(phrase_anchored(ctx, claims, i));
                out.extend(hours(ctx, claims, i));
            }
            if claim.kind == Kind::Date {
                out.extend(day_count(ctx, claims, i));
            }
            let Quantity::Relative {
                resolved: Some(resolved),
                anchor: Some(anchor),
                ..
            } = &claim.quantity
            else {
                continue;
            };
            if claim.kind != Kind::RelativeDate || is_deictic(claim, &ctx.doc.text) {
                continue;
            }
            let Some(anchor_claim) = claims.get(*anchor) else {
                continue;
            };
            let stated = stated_after(ctx, claims, i).or_else(|| {
                // "on June 9, a week later": the date before restates the offset's result.
                let before = i.checked_sub(1)?;
                (*anchor != before && restates_date_before(claims, &ctx.doc.text, i))
                    .then(|| &claims[before])
            });
            let finding = match stated {
                Some(s) => check_stated(ctx, claim, anchor_claim, *resolved, s),
                None => derived(claim, anchor_claim, *resolved),
            };
            out.extend(finding);
        }
    }
}

/// The date claim written right after the offset ("six days later, on August 15").
fn stated_after<'a>(ctx: &Context, claims: &'a [Claim], i: usize) -> Option<&'a Claim> {
    let next = claims.get(i + 1)?;
    if next.kind != Kind::Date {
        return None;
    }
    let gap = ctx.doc.text.get(claims[i].span.end..next.span.start)?;
    restates(gap).then_some(next)
}

/// The date a claim states, without the year that resolution gave it when the text wrote
/// none: `day_gap` then tries the years either side.
fn as_written(ctx: &Context, claims: &[Claim], i: usize) -> Option<DateParts> {
    let Quantity::Date(d) = claims.get(i)?.quantity else {
        return None;
    };
    let written = match ctx.claims.get(i).map(|c| &c.quantity) {
        Some(Quantity::Date(w)) => w.year,
        _ => None,
    };
    Some(DateParts {
        year: written,
        weekday: None,
        ..d
    })
}

/// "arrested on 3 March, three days after the robbery on 26 February": the date before the
/// offset is the date after the phrase, shifted.
fn phrase_anchored(ctx: &Context, claims: &[Claim], i: usize) -> Option<Finding> {
    let claim = &claims[i];
    let Quantity::Relative {
        anchored_to_phrase: true,
        ..
    } = claim.quantity
    else {
        return None;
    };
    let text = &ctx.doc.text;
    if let Some(f) = embedded_anchor(ctx, claims, i) {
        return Some(f);
    }
    let (stated, anchor) = (claims.get(i.checked_sub(1)?)?, claims.get(i + 1)?);
    if stated.kind != Kind::Date || anchor.kind != Kind::Date {
        return None;
    }
    let lead = text.get(stated.span.end..claim.span.start)?.trim();
    let phrase = text.get(claim.span.end..anchor.span.start)?;
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // "the robbery on", "being admitted on", "they began on".
    let opener = |w: &str| {
        matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "he" | "she" | "they" | "it"
        ) || w.len() > 4 && w.ends_with("ing")
    };
    let names_event = words.first().is_some_and(|w| opener(w))
        && words.len() <= 5
        && words.last() == Some(&"on")
        && phrase
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    if !matches!(lead, "," | "" | ", just" | ", only" | ", exactly") || !names_event {
        return None;
    }
    let Quantity::Date(a) = anchor.quantity else {
        return None;
    };
    let expected =
        crate::extract::resolve::shift(DateParts { weekday: None, ..a }, &claim.quantity)?;
    let s = as_written(ctx, claims, i - 1)?;
    s.day?;
    let gap = day_gap(expected, s)?;
    if gap <= tolerance_days(claim) {
        return None;
    }
    mismatch(ctx, anchor, claim, stated, expected)
}

/// "Ten days after the 4 May election, on 14 May, …": the dated event names its date
/// inside the phrase, and the result follows it.
fn embedded_anchor(ctx: &Context, claims: &[Claim], i: usize) -> Option<Finding> {
    let claim = &claims[i];
    let text = &ctx.doc.text;
    let (anchor, stated) = (claims.get(i + 1)?, claims.get(i + 2)?);
    if anchor.kind != Kind::Date || stated.kind != Kind::Date {
        return None;
    }
    let lead = text.get(claim.span.end..anchor.span.start)?.trim();
    let noun = text.get(anchor.span.end..stated.span.start)?;
    let (noun, on) = noun.trim_end().rsplit_once(' ')?;
    let noun = noun.trim().strip_suffix(',').unwrap_or(noun.trim());
    let short_noun = !noun.is_empty()
        && noun.split_whitespace().count() <= 2
        && noun
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    if !matches!(lead, "the" | "its" | "their") || on != "on" || !short_noun {
        return None;
    }
    let Quantity::Date(a) = anchor.quantity else {
        return None;
    };
    let expected =
        crate::extract::resolve::shift(DateParts { weekday: None, ..a }, &claim.quantity)?;
    let s = as_written(ctx, claims, i + 2)?;
    s.day?;
    if day_gap(expected, s)? <= tolerance_days(claim) {
        return None;
    }
    mismatch(ctx, anchor, claim, stated, expected)
}

/// The error for a stated date that is not `anchor` shifted by `claim`'s offset.
fn mismatch(
    ctx: &Context,
    anchor: &Claim,
    claim: &Claim,
    stated: &Claim,
    expected: DateParts,
) -> Option<Finding> {
    Some(Finding {
        rule: DateOffset::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} {} is {}; the text says {}: inconsistent",
            describe_anchor(anchor)?,
            offset_words(claim)?,
            describe(expected),
            ctx.text(stated.span)
        ),
        primary: stated.span,
        related: vec![Related {
            span: anchor.span,
            label: Role::Anchor,
        }],
        computed: None,
    })
}

/// "launched at 2am on 25 June and docked 28 hours later, at 6am on 26 June": without the
/// times of day, the stated date must lie the whole days of the hours, or one more, after
/// the nearest earlier date of the sentence.
fn hours(ctx: &Context, claims: &[Claim], i: usize) -> Option<Finding> {
    let claim = &claims[i];
    let Quantity::Relative {
        amount,
        unit: TimeUnit::Hour,
        direction: Direction::After,
        anchored_to_phrase: false,
        ..
    } = &claim.quantity
    else {
        return None;
    };
    if !amount.value.fract().is_zero() || claim.hedge != Hedge::None {
        return None;
    }
    let h = i64::try_from(amount.value.trunc()).ok()?;
    let sentence = ctx.segments.sentence_of(claim.span.start)?.0;
    let anchor_at = (0..i).rev().find(|&j| date_of(&claims[j]).is_some())?;
    let anchor = &claims[anchor_at];
    if ctx.segments.sentence_of(anchor.span.start)?.0 != sentence {
        return None;
    }
    let stated = stated_after(ctx, claims, i)?;
    let a = date_of(anchor)?;
    let s = as_written(ctx, claims, i + 1)?;
    a.day?;
    s.day?;
    let (low, high) = (h / 24, (h + 23) / 24);
    let mut by_days = claim.quantity.clone();
    if let Quantity::Relative { amount, unit, .. } = &mut by_days {
        amount.value = Decimal::from(low);
        *unit = TimeUnit::Day;
    }
    let first = crate::extract::resolve::shift(DateParts { weekday: None, ..a }, &by_days)?;
    let days = signed_gap(first, s)?;
    if (0..=high - low).contains(&days) {
        return None;
    }
    Some(Finding {
        rule: DateOffset::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} + {h} hours falls {} days later; the text says {}: inconsistent",
            describe_anchor(anchor)?,
            if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            },
            ctx.text(stated.span)
        ),
        primary: stated.span,
        related: vec![Related {
            span: anchor.span,
            label: Role::Anchor,
        }],
        computed: None,
    })
}

/// Words that date the first day of something counted in days ("began on 18 July").
const BEGAN: &[&str] = &[
    "began", "begun", "started", "opened", "broke", "erupted", "launched",
];

/// "The strike began on 3 June; on 8 June, its sixth day, …": the start counts as day one.
fn day_count(ctx: &Context, claims: &[Claim], i: usize) -> Option<Finding> {
    let claim = &claims[i];
    let rest = ctx.doc.text.get(claim.span.end..)?;
    let after = rest
        .strip_prefix(", its ")
        .or_else(|| rest.strip_prefix(", the "))?;
    let (tail, nth) = crate::grammar::words::ordinal(after).ok()?;
    if !tail.starts_with(" day") || tail[" day".len()..].starts_with(char::is_alphabetic) {
        return None;
    }
    let n = i64::try_from(nth.value.trunc()).ok()?;
    let sentence = ctx.segments.sentence_of(claim.span.start)?.0;
    // The one date before it in its sentence, written after a word of starting.
    let earlier: Vec<usize> = (0..i)
        .filter(|&j| {
            claims[j].kind == Kind::Date
                && ctx.segments.sentence_of(claims[j].span.start).map(|s| s.0) == Some(sentence)
        })
        .collect();
    let [j] = earlier[..] else {
        return None;
    };
    let start = &claims[j];
    let head = ctx.doc.text.get(..start.span.start)?;
    let began = head
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .any(|w| BEGAN.contains(&w.as_str()));
    if !began {
        return None;
    }
    let (a, b) = (as_written(ctx, claims, j)?, as_written(ctx, claims, i)?);
    let days = signed_gap(a, b)?;
    if days < 0 || days + 1 == n {
        return None;
    }
    Some(Finding {
        rule: DateOffset::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: format!(
            "counting {} as day 1, {} is day {}; the text says day {n}: inconsistent",
            ctx.text(start.span),
            ctx.text(claim.span),
            days + 1
        ),
        primary: claim.span,
        related: vec![Related {
            span: start.span,
            label: Role::Anchor,
        }],
        computed: None,
    })
}

/// Days from `from` to `to`, signed, over the years the text leaves open (the nearest).
fn signed_gap(from: DateParts, to: DateParts) -> Option<i64> {
    let years: Vec<i32> = match from.year.or(to.year) {
        Some(y) => vec![y],
        None => vec![2023],
    };
    years
        .into_iter()
        .filter_map(|y| {
            let a = civil(in_year(from, y))?;
            (-1..=1)
                .filter_map(|dy| {
                    let b = civil(in_year(to, y + dy))?;
                    Some(i64::from(a.until(b).ok()?.get_days()))
                })
                .min_by_key(|d| d.abs())
        })
        .next()
}

/// Days of slack an offset allows (`semantics.md` §8).
fn tolerance_days(claim: &Claim) -> i64 {
    let Quantity::Relative { amount, unit, .. } = &claim.quantity else {
        return 0;
    };
    let n = i64::try_from(amount.value.trunc()).unwrap_or(0);
    let base = match unit {
        TimeUnit::Week => n.saturating_mul(7),
        _ => n,
    };
    let approx = matches!(
        claim.hedge,
        Hedge::Approximately | Hedge::Nearly | Hedge::Estimate
    );
    match unit {
        TimeUnit::Month | TimeUnit::Year => 3,
        TimeUnit::Week if !approx => 1,
        _ if approx => (base / 10).max(1),
        _ => 0,
    }
}

/// The smallest day distance between two dates, over the years the text leaves open; the
/// check passes if it passes in either a leap or a common year.
fn day_gap(expected: DateParts, stated: DateParts) -> Option<i64> {
    let year = expected.year.or(stated.year);
    let years: Vec<i32> = match year {
        Some(y) => vec![y],
        None => vec![2023, 2024],
    };
    years
        .into_iter()
        .filter_map(|y| {
            let e = civil(in_year(expected, y))?;
            (-1..=1)
                .filter_map(|dy| {
                    let s = civil(in_year(stated, y + dy))?;
                    let days = e.until(s).ok()?.get_days();
                    Some(i64::from(days).abs())
                })
                .min()
        })
        .min()
}

fn check_stated(
    ctx: &Context,
    offset: &Claim,
    anchor: &Claim,
    resolved: DateParts,
    stated: &Claim,
) -> Option<Finding> {
    let Quantity::Date(s) = stated.quantity else {
        return None;
    };
    let offset_text = offset_words(offset)?;
    let anchor_text = describe_anchor(anchor)?;
    let problem = if s.month.is_some() && s.day.is_some() {
        let gap = day_gap(resolved, s)?;
        if gap <= tolerance_days(offset) {
            return None;
        }
        format!(
            "{anchor_text} {offset_text} is {}; the text says {}: inconsistent",
            describe(resolved),
            ctx.text(stated.span)
        )
    } else {
        let wd = s.weekday?;
        let date = civil(resolved)?;
        if tolerance_days(offset) > 0 || weekday_of(date) == wd {
            return None;
        }
        format!(
            "{anchor_text} {offset_text} is {}, a {}; the text says {}: inconsistent",
            describe(resolved),
            weekday_word(weekday_of(date)),
            weekday_word(wd)
        )
    };
    Some(Finding {
        rule: DateOffset::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: problem,
        primary: stated.span,
        related: vec![Related {
            span: anchor.span,
            label: Role::Anchor,
        }],
        computed: None,
    })
}

fn derived(offset: &Claim, anchor: &Claim, resolved: DateParts) -> Option<Finding> {
    let year_note = if resolved.year.is_none() {
        " (year not stated)"
    } else {
        ""
    };
    let (Some(anchor_text), Some(offset_text)) = (describe_anchor(anchor), offset_words(offset))
    else {
        return None;
    };
    Some(Finding {
        rule: DateOffset::ID,
        severity: Severity::Note,
        verdict: Verdict::Derived,
        message: format!(
            "{anchor_text} {offset_text} is {}{year_note}: implied date",
            describe(resolved)
        ),
        primary: offset.span,
        related: vec![Related {
            span: anchor.span,
            label: Role::Anchor,
        }],
        computed: None,
    })
}

/// "+ 11 days", "− 2 weeks".
fn offset_words(offset: &Claim) -> Option<String> {
    let Quantity::Relative {
        amount,
        unit,
        direction,
        ..
    } = &offset.quantity
    else {
        return None;
    };
    let sign = if *direction == Direction::Before {
        "−"
    } else {
        "+"
    };
    let n = amount.value.normalize();
    let plural = if n == Decimal::ONE { "" } else { "s" };
    Some(format!("{sign} {n} {}{plural}", unit.as_str()))
}

/// The anchor date as a date, without its weekday.
fn describe_anchor(anchor: &Claim) -> Option<String> {
    let parts = date_of(anchor)?;
    Some(describe(DateParts {
        weekday: None,
        ..parts
    }))
}
