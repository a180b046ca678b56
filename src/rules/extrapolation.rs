//! NUM-EXTRAPOLATION (`rules.md` #12): pro-rata projections and values implied by a fraction.

use crate::analysis::change::{text_after, window_start};
use crate::analysis::pairing::{bare_literal, hedge_words};
use crate::analysis::parts::{self, Check, Sentence};
use crate::analysis::per_unit::{self, Per};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Hedge, Kind, Quantity, TimeUnit};
use crate::rules::RuleCheck;
use crate::semantics::propagate::ops;
use crate::semantics::Binding;
use crate::semantics::{compute, format, judge, reading, Reading};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A count over part of a year projected to the whole year — "38 attacks from January to
    /// May, indicating a possible 90 for the whole year" (38 / 5 × 12 = 91.2) — and a value
    /// tied to another by a fraction: "roughly half of last year's 1,300" (the fraction must
    /// be the ratio; money and measures too: "$48 million was a fifth of the previous year's
    /// $240 million"), or "about a third of last year's count" (the implied count is
    /// derived). A rate restated over another period — "$350 a week, or $18,200 a year",
    /// "45,000 passengers a day — 16 million a year", "£150 a month, worth £1,800 a year",
    /// "$1.2m a week …, or $62m over the year" — must be the rate times the periods in it.
    /// A tally over the first fixtures of a season projected to the season — "8 goals in
    /// his first 12 games, on course for 25 over a 38-game season" — is the tally per
    /// fixture times the season's fixtures.
    ///
    /// ## Why it matters
    /// A projection is arithmetic the reader cannot see; a wrong period length or a slipped
    /// digit turns a trend around. The implied value is what the story silently asserts.
    ///
    /// ## Example
    /// "Rangers logged 14 bear sightings from January through April, putting the park on
    /// track for roughly 70 this year." → warning: 14 / 4 × 12 = 42, outside 63–77.
    /// "Police recorded 27 break-ins in the first 13 weeks of the year, on pace for about 110
    /// by December." → note: 27 / 13 × 52 = 108, consistent.
    ///
    /// ## Known limits
    /// Only projections to a calendar year ("for the whole year", "this year", "by December",
    /// "an annualised rate of"), from periods whose length the text gives in months, weeks or
    /// days ("January to May" = 5 months, "to mid-May" = 4.5, "in January and February" = 2,
    /// "the first quarter" = 3, "the first half" = 6, "the first 13 weeks"); year-to-date
    /// periods, seasons and fiscal years are not resolved. The count, the projection cue ("on
    /// pace for", "a pace of", "on course for", "at this rate", …) and the projected figure
    /// must stand in one sentence, in that order; the period may come before or after the
    /// count. Restated rates are read only when the second is set beside the first (", or",
    /// "—", "worth", "he will earn") with the same unit; the period counts allow for working
    /// time (a year is 220–366 days or 48–52.18 weeks, a month 20–31 days), so only gross slips
    /// are flagged.
    pub struct Extrapolation = ("NUM-EXTRAPOLATION", "pro-rata projections and implied values");
}

/// Words that make a later figure a projection of an earlier one (§7.2 "projection").
const PROJECTION_CUES: &[&str] = &[
    "indicating",
    "on pace for",
    "on pace to",
    "a pace of",
    "at a pace of",
    "on track to",
    "on course to",
    "annualized rate of",
    "on track for",
    "on course for",
    "at this rate",
    "at that rate",
    "annualised",
    "annualized",
    "a possible",
    "a projected",
    "projecting",
    "heading for",
    "which would mean",
    "suggesting",
];
/// Words after the projected figure that make its period a calendar year.
const WHOLE_YEAR: &[&str] = &[
    "for the whole year",
    "for the full year",
    "for the entire year",
    "for the year",
    "this year",
    "by december",
    "by the end of the year",
    "by year-end",
    "by year end",
    "by the end of december",
    "a year",
    "annually",
    "over the year",
    "full year",
    "whole year",
    "entire year",
];
/// Heads of an "of" phrase that name the same quantity at another time ("of last year's
/// count").
const SAME_QUANTITY_WORDS: &[&str] = &["count", "total", "number", "figure", "tally", "level"];
/// How many claims after a count the period and the projection may lie.
const LOOKAHEAD: usize = 4;

impl RuleCheck for Extrapolation {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            restated_rates(ctx, sentence, out);
            season_pace(ctx, sentence, out);
        }
        for (i, claim) in ctx.claims.iter().enumerate() {
            if claim.kind == Kind::Count || parts::is_countish(claim) {
                if let Some(f) = projection(ctx, i) {
                    out.push(f);
                }
            }
            if claim.kind == Kind::Fraction {
                if let Some(f) = implied(ctx, i) {
                    out.push(f);
                }
            }
        }
    }
}

/// A period's length in a unit of time.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Length {
    amount: Decimal,
    unit: TimeUnit,
}

impl Length {
    /// How many of this unit make a year.
    fn per_year(&self) -> Option<Decimal> {
        match self.unit {
            TimeUnit::Month => Some(Decimal::from(12)),
            TimeUnit::Week => Some(Decimal::from(52)),
            TimeUnit::Day => Some(Decimal::from(365)),
            _ => None,
        }
    }

    fn describe(&self) -> String {
        let amount = self.amount.normalize();
        let unit = self.unit.as_str();
        if amount == Decimal::ONE {
            format!("1 {unit}")
        } else {
            format!("{amount} {unit}s")
        }
    }
}

fn same_sentence(ctx: &Context, a: &Claim, b: &Claim) -> bool {
    let s = |c: &Claim| ctx.segments.sentence_of(c.span.start).map(|s| s.0);
    s(a).is_some() && s(a) == s(b)
}

fn lower_between(ctx: &Context, from: usize, to: usize) -> String {
    ctx.doc.text.get(from..to).unwrap_or("").to_lowercase()
}

/// count → period → cue → projected figure, all in one sentence.
fn projection(ctx: &Context, i: usize) -> Option<Finding> {
    let count = &ctx.claims[i];
    let following = ctx.claims.get(i + 1..)?;
    let after_count = following
        .iter()
        .enumerate()
        .take(LOOKAHEAD)
        .take_while(|(_, c)| same_sentence(ctx, count, c))
        .find(|(_, c)| period_length(ctx, c).is_some());
    // "Through the first four months, the agency approved 120 permits, on track for …":
    // the period may also lead the sentence.
    let (period, search_from) = match after_count {
        Some((p_off, period)) => (period, p_off + 1),
        None => (
            ctx.claims[..i]
                .iter()
                .rev()
                .take(3)
                .take_while(|c| same_sentence(ctx, count, c))
                .find(|c| period_length(ctx, c).is_some())?,
            0,
        ),
    };
    let length = period_length(ctx, period)?;
    let projected = following
        .iter()
        .skip(search_from)
        .take(LOOKAHEAD)
        .take_while(|c| same_sentence(ctx, count, c))
        .find(|c| matches!(c.kind, Kind::Count | Kind::Number))?;
    if projected.head.is_some() && projected.head != count.head {
        return None;
    }
    let cue_text = lower_between(
        ctx,
        period.span.end.max(count.phrase_end()),
        projected.span.end,
    );
    if !PROJECTION_CUES.iter().any(|c| cue_text.contains(c)) {
        return None;
    }
    // "an annualised rate of 4.8 million": the cue itself names the year.
    let annual_cue = ["annualised", "annualized", "annual rate"]
        .iter()
        .any(|c| cue_text.contains(c));
    let sentence_end = ctx
        .segments
        .sentence_of(projected.span.start)
        .map_or(projected.span.end, |s| s.1.end);
    let after = lower_between(ctx, projected.phrase_end(), sentence_end);
    let after = after.split([',', ';', '—', '(']).next().unwrap_or("");
    if !annual_cue && !WHOLE_YEAR.iter().any(|w| after.contains(w)) {
        return None;
    }
    let per_year = length.per_year()?;
    let tol = &ctx.settings.tolerances;
    let (rc, rp) = (reading(count, tol)?, reading(projected, tol)?);
    let computation = compute(&[&rc], &[], |x| {
        ops::mul(ops::div(x[0], length.amount)?, per_year)
    })
    .ok()?;
    let judgement = judge(&rp, &computation);
    let verdict = judgement.verdict?;
    // The cue makes the figure a projection: consistent or not, the reviewer learns how it
    // was reached (§7.5 step 5).
    let severity = match verdict {
        Verdict::Inconsistent => Severity::Warning,
        _ => Severity::Note,
    };
    let point = computation.point?;
    let decimals = format::message_decimals(rp.decimals);
    let noun = count
        .counted
        .map_or(String::new(), |n| format!(" {}", ctx.text(n)));
    let message = format!(
        "{}{noun} in {} is {} a year{}; the text projects {}: {}",
        bare_literal(ctx.text(count.span)),
        length.describe(),
        format::number(point, decimals),
        given(&judgement.computed, point, decimals),
        stated(ctx, projected, &rp),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: Extrapolation::ID,
        severity,
        verdict,
        message,
        primary: projected.span,
        related: vec![
            Related {
                span: count.span,
                label: Role::Count,
            },
            Related {
                span: period.span,
                label: Role::Period,
            },
        ],
        computed: Some(format::computed(point, &judgement.computed)),
    })
}

/// " (85.2–97.2 given rounding and hedges)" when the interval is wider than the point.
fn given(iv: &crate::semantics::Interval, point: Decimal, decimals: u32) -> String {
    let shown = format::interval(iv, decimals);
    if shown == format::number(point, decimals) {
        String::new()
    } else {
        format!(" ({shown} given rounding and hedges)")
    }
}

/// "about 90 (81–99)": hedge, number as written, interval when it says more.
fn stated(ctx: &Context, claim: &Claim, r: &Reading) -> String {
    let literal = bare_literal(ctx.text(claim.span));
    let iv = format::interval(&r.permissive, r.decimals);
    let base = format!("{}{literal}", hedge_words(claim.hedge));
    if iv == literal {
        base
    } else {
        format!("{base} ({iv})")
    }
}

/// The length of a sub-year period: "from January to May of 2025" (5 months, inclusive),
/// "from January to mid-May" (4.5), "the first 13 weeks" (13 weeks).
fn period_length(ctx: &Context, c: &Claim) -> Option<Length> {
    let text = ctx.text(c.span).to_lowercase();
    // Only the few words around the claim matter; reading more would make long documents
    // quadratic.
    let before = ctx
        .doc
        .text
        .get(window_start(&ctx.doc.text, 0, c.span.start)..c.span.start)
        .unwrap_or("")
        .to_lowercase();
    // "the first half (of the year)": six months from January.
    if c.kind == Kind::Period && text.contains("first half") {
        return Some(Length {
            amount: Decimal::from(6),
            unit: TimeUnit::Month,
        });
    }
    match &c.quantity {
        Quantity::Period { from, to } => {
            if from.day.is_some() || to.day.is_some() {
                return None;
            }
            let (fm, tm) = (from.month?, to.month?);
            let years = match (from.year, to.year) {
                (Some(a), Some(b)) => b.checked_sub(a)?,
                _ if tm >= fm => 0,
                _ => 1,
            };
            let months = i64::from(years) * 12 + i64::from(tm) - i64::from(fm) + 1;
            let mut amount = Decimal::from(months);
            // "mid-May" ends or starts in the middle of its month.
            let mids = text.matches("mid-").count();
            amount -= Decimal::new(5, 1) * Decimal::from(mids);
            (amount > Decimal::ZERO && months < 12).then_some(Length {
                amount,
                unit: TimeUnit::Month,
            })
        }
        Quantity::Duration { amount, unit } => {
            let first = before.trim_end().ends_with("first") || before.trim_end().ends_with("past");
            let sub_year = matches!(unit, TimeUnit::Month | TimeUnit::Week | TimeUnit::Day);
            (first && sub_year && c.hedge == Hedge::None).then_some(Length {
                amount: amount.value,
                unit: *unit,
            })
        }
        // "from January to mid-May": the grammar reads only "January" as a date.
        Quantity::Date(d) if d.day.is_none() && d.year.is_none() => {
            let start = d.month?;
            let rest = text_after(&ctx.doc.text, c.span.end, 40);
            // "in January and February": both months, whole.
            if let Some(second) = rest.trim_start().strip_prefix("and ") {
                let end = month_number(second)?;
                let months = i64::from(end) - i64::from(start) + 1;
                let opened = ["in", "during", "between", "over", "across"]
                    .iter()
                    .any(|w| before.trim_end().ends_with(w));
                return (opened && months == 2).then(|| Length {
                    amount: Decimal::from(months),
                    unit: TimeUnit::Month,
                });
            }
            let rest = rest
                .trim_start()
                .strip_prefix("to mid-")
                .or_else(|| rest.trim_start().strip_prefix("through mid-"))?;
            let end = month_number(rest)?;
            let months = i64::from(end) - i64::from(start);
            (before.trim_end().ends_with("from") && months > 0).then(|| Length {
                amount: Decimal::from(months) + Decimal::new(5, 1),
                unit: TimeUnit::Month,
            })
        }
        _ => None,
    }
}

/// The month named by the word at the start of `text` ("may 2025" → 5).
fn month_number(text: &str) -> Option<u8> {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    crate::grammar::lex::month_of_word(&word).filter(|_| word.len() >= 3)
}

/// "replaced 2,600 of the bridge's 5,200 panels, half of the total": a count after "of"
/// (past determiners and possessives) that itself follows a figure is the whole of a part,
/// and a fraction set beside it describes the part, not the whole. "Net profit of $48
/// million" has no figure before its "of".
fn is_whole_of_a_part(ctx: &Context, value: &Claim) -> bool {
    let before = ctx.doc.text.get(..value.span.start).unwrap_or("");
    let mut rest = before.trim_end();
    for _ in 0..4 {
        // After the last whitespace character, whatever its width ("\u{a0}" is two bytes).
        let cut = rest
            .char_indices()
            .rev()
            .find(|(_, ch)| ch.is_whitespace())
            .map_or(0, |(p, ch)| p + ch.len_utf8());
        let w = rest[cut..].to_lowercase();
        if w == "of" {
            let before_of = rest[..cut].trim_end();
            return ctx.claims.iter().any(|c| {
                let end = c.phrase_end();
                end <= before_of.len() && before_of.len() - end < 2 && c.span.end <= end
            }) && !before_of.is_empty();
        }
        let skip = ["the", "its", "their", "his", "her", "our", "all"].contains(&w.as_str())
            || w.ends_with("'s")
            || w.ends_with("’s");
        if !skip {
            return false;
        }
        rest = rest[..cut].trim_end();
    }
    false
}

/// "X — about a third of last year's count" (Y = X / f, derived) or "X are roughly half of
/// last year's Y" (f = X / Y, checked).
fn implied(ctx: &Context, i: usize) -> Option<Finding> {
    let fraction = &ctx.claims[i];
    let of = fraction.of?;
    if !matches!(fraction.quantity, Quantity::Fraction(_)) {
        return None;
    }
    // "by 318 votes to 276, a majority of 42": a margin, not a share.
    let words = ctx.text(fraction.span).to_lowercase();
    if words.contains("majority") || words.contains("minority") {
        return None;
    }
    let tol = &ctx.settings.tolerances;
    let value_index = (0..i)
        .rev()
        .take(LOOKAHEAD)
        .find(|&j| is_value_kind(&ctx.claims[j]))?;
    let value = &ctx.claims[value_index];
    if !same_sentence(ctx, value, fraction) {
        return None;
    }
    // Nothing numeric between the value and the fraction.
    if ctx.claims[value_index + 1..i]
        .iter()
        .any(|c| reading(c, tol).is_some())
    {
        return None;
    }
    let between = lower_between(ctx, value.phrase_end(), fraction.span.start);
    if between.split_whitespace().count() > 8 || is_whole_of_a_part(ctx, value) {
        return None;
    }
    let base_claim = ctx.claims[i + 1..]
        .iter()
        .take_while(|c| c.span.start < of.end)
        .find(|c| of.contains(c.span) && (is_value_kind(c) || c.kind == Kind::Number))
        .or_else(|| possessed(ctx, of, &ctx.claims[i + 1..]));
    let (rv, rf) = (reading(value, tol)?, reading(fraction, tol)?);
    match base_claim {
        Some(base) => ratio_check(ctx, (value, &rv), (fraction, &rf), base),
        // An implied value is derived only from a count, as before money and measures
        // were read here.
        None if value.kind == Kind::Count => derived(ctx, (value, &rv), (fraction, &rf), &between),
        None => None,
    }
}

type Side<'a> = (&'a Claim, &'a Reading);

/// What a fraction can tie together: counts, money and measures ("$48 million was a fifth
/// of the previous year's $240 million").
fn is_value_kind(c: &Claim) -> bool {
    matches!(c.kind, Kind::Count | Kind::Money | Kind::Measure)
}

/// "of the previous year's $240 million": the "of" phrase ends in a possessive and the
/// figure it owns follows right after it.
fn possessed<'c>(ctx: &Context, of: crate::model::Span, after: &'c [Claim]) -> Option<&'c Claim> {
    let of_text = ctx.text(of).trim_end();
    if !(of_text.ends_with("'s") || of_text.ends_with("’s")) {
        return None;
    }
    let next = after.iter().find(|c| c.span.start >= of.end)?;
    let gap = ctx.doc.text.get(of.end..next.span.start)?;
    (gap.trim().is_empty() && (is_value_kind(next) || next.kind == Kind::Number)).then_some(next)
}

/// Y is not stated: Y = X / f, a derived value, when the "of" phrase names the same
/// quantity at another time and the fraction is set beside X ("—", ",", "or").
fn derived(
    ctx: &Context,
    (value, rv): Side,
    (fraction, rf): Side,
    between: &str,
) -> Option<Finding> {
    let of = fraction.of?;
    let of_text = ctx.text(of).to_lowercase();
    let head = of_text.split_whitespace().last()?;
    let same_head = value.head.as_deref().is_some_and(|h| head.starts_with(h));
    if !(SAME_QUANTITY_WORDS.contains(&head) || same_head) {
        return None;
    }
    if !between.contains(['—', '–', ',', '(', ':']) && !between.contains(" or ") {
        return None;
    }
    let computation = compute(&[rv, rf], &[1], |x| ops::div(x[0], x[1])).ok()?;
    if computation.untestable {
        return None;
    }
    let point = computation.point?;
    let iv = computation.permissive;
    let decimals = format::message_decimals(rv.decimals);
    let point_decimals = if point.round_dp(decimals) == point.round() {
        0
    } else {
        decimals
    };
    let message = format!(
        "{} is {} of {}, so {} ≈ {} ({}): {}",
        stated_value(ctx, value),
        ctx.text(fraction.span),
        ctx.text(of),
        ctx.text(of),
        format::number(point, point_decimals),
        format::interval(&iv, decimals),
        format::verdict_words(Verdict::Derived),
    );
    Some(Finding {
        rule: Extrapolation::ID,
        severity: Severity::Note,
        verdict: Verdict::Derived,
        message,
        primary: fraction.span,
        related: vec![Related {
            span: value.span,
            label: Role::Base,
        }],
        computed: Some(format::computed(point, &iv)),
    })
}

/// "about 90 attacks": hedge, number, counted noun.
fn stated_value(ctx: &Context, c: &Claim) -> String {
    let noun = c
        .counted
        .map_or(String::new(), |n| format!(" {}", ctx.text(n)));
    format!(
        "{}{}{noun}",
        hedge_words(c.hedge),
        bare_literal(ctx.text(c.span))
    )
}

/// Y is stated: the fraction must be X / Y.
fn ratio_check(
    ctx: &Context,
    (value, rv): Side,
    (fraction, rf): Side,
    base: &Claim,
) -> Option<Finding> {
    if base.head.is_some() && value.head.is_some() && base.head != value.head {
        return None;
    }
    let counts = parts::is_countish(value) && parts::is_countish(base);
    if !counts && !parts::same_unit(value, base) {
        return None;
    }
    let rb = reading(base, &ctx.settings.tolerances)?;
    let computation = compute(&[rv, &rb], &[1], |x| ops::div(x[0], x[1])).ok()?;
    let judgement = judge(rf, &computation);
    let verdict = judgement.verdict?;
    let severity = match verdict {
        Verdict::Inconsistent => Severity::Warning,
        Verdict::Consistent if !ctx.settings.show_consistent => return None,
        _ => Severity::Note,
    };
    let point = computation.point?;
    let decimals = 3;
    let message = format!(
        "{} / {} is {}{}; the text says {} ({}): {}",
        bare_literal(ctx.text(value.span)),
        bare_literal(ctx.text(base.span)),
        format::number(point, decimals),
        given(&judgement.computed, point, decimals),
        ctx.text(fraction.span),
        format::interval(&rf.permissive, decimals),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: Extrapolation::ID,
        severity,
        verdict,
        message,
        primary: fraction.span,
        related: vec![
            Related {
                span: value.span,
                label: Role::Count,
            },
            Related {
                span: base.span,
                label: Role::Base,
            },
        ],
        computed: Some(format::computed(point, &judgement.computed)),
    })
}

/// "$350 a week, or $18,200 a year", "45,000 a day — 16 million a year", "A$1.2m a week …,
/// or A$62m over the year": a rate restated over another period must be the rate times the
/// number of its periods in the other (a week is 5–7 days, a month 20–31 days or 4–4.43
/// weeks, a year 220–366 days, 48–52.18 weeks or 12 months: working time is allowed for).
fn restated_rates(ctx: &Context, sentence: &Sentence, out: &mut Vec<Finding>) {
    let rates: Vec<(usize, TimeUnit)> = sentence
        .claims
        .iter()
        .copied()
        .filter(|&i| per_unit::is_rate_amount(&ctx.claims[i]))
        .filter_map(|i| match per_unit::per_of(ctx, sentence, i) {
            Some(Per::Time(u)) => Some((i, u)),
            _ => None,
        })
        .collect();
    for pair in rates.windows(2) {
        let ((a, ua), (b, ub)) = (pair[0], pair[1]);
        let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
        let same_measure =
            parts::same_unit(ca, cb) || (parts::is_countish(ca) && parts::is_countish(cb));
        if ua == ub || !same_measure || !per_unit::restates(parts::between(ctx, ca.span, cb.span)) {
            continue;
        }
        // Another amount between the two is another quantity.
        let amounts_between = sentence.claims.iter().any(|&k| {
            let c = &ctx.claims[k];
            c.span.start > ca.span.end && c.span.end < cb.span.start && parts::is_amount(c)
        });
        if amounts_between {
            continue;
        }
        if let Some(f) = restated_rate(ctx, (a, ua), (b, ub)) {
            out.push(f);
        }
    }
}

fn restated_rate(
    ctx: &Context,
    (a, ua): (usize, TimeUnit),
    (b, ub): (usize, TimeUnit),
) -> Option<Finding> {
    let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
    let ra = parts::read(ctx, ca)?;
    let rb = parts::read(ctx, cb)?;
    // From the shorter unit to the longer one the rate multiplies, the other way it divides.
    let (up, (typical, iv)) = match per_unit::units_in(ub, ua) {
        Some(f) => (true, f),
        None => (false, per_unit::units_in(ua, ub)?),
    };
    let factor = per_unit::factor_reading(typical, iv);
    let computation = compute(&[&ra, &factor], &[], |x| {
        if up {
            ops::mul(x[0], x[1])
        } else {
            ops::div(x[0], x[1])
        }
    })
    .ok()?;
    let (small, large) = if up { (ua, ub) } else { (ub, ua) };
    let count = match (iv.low, iv.high) {
        (Some(l), Some(h)) if l == h => l.normalize().to_string(),
        (Some(l), Some(h)) => format!("{}–{}", l.normalize(), h.normalize()),
        _ => return None,
    };
    let operation = format!(
        "{} a {} {} {count} {}s a {}",
        ctx.text(ca.span),
        ua.as_str(),
        if up { "×" } else { "÷" },
        small.as_str(),
        large.as_str()
    );
    parts::finish(
        ctx,
        Check {
            rule: Extrapolation::ID,
            default: Severity::Warning,
            binding: Binding::OneClause,
            checked: (b, &rb),
            inputs: vec![(a, Role::Rate)],
            computation,
            operation,
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

/// Nouns that count the fixtures of a season.
const FIXTURES: &[&str] = &[
    "game", "match", "round", "race", "fixture", "start", "outing",
];

/// The number of fixtures a season figure names: "a 38-game season", "over 82 games".
fn season_length(ctx: &Context, c: &Claim) -> Option<()> {
    let after = ctx.doc.text.get(c.span.end..)?;
    let hyphenated = after.strip_prefix('-').is_some_and(|rest| {
        let word: String = rest.chars().take_while(|ch| ch.is_alphabetic()).collect();
        FIXTURES.contains(&word.to_lowercase().as_str())
    });
    let counted = c.head.as_deref().is_some_and(|h| FIXTURES.contains(&h));
    (hyphenated || counted).then_some(())
}

/// "11 goals in his first 10 games, on course for 42 over a 38-game season": a tally over
/// the first fixtures projected to the season is the tally per fixture times the season's.
fn season_pace(ctx: &Context, sentence: &Sentence, out: &mut Vec<Finding>) {
    let claims = &sentence.claims;
    for (k, &ci) in claims.iter().enumerate() {
        let c = &ctx.claims[ci];
        if !parts::is_countish(c) || c.head.as_deref().is_some_and(|h| FIXTURES.contains(&h)) {
            continue;
        }
        let Some(found) = season_parts(ctx, claims, k) else {
            continue;
        };
        out.extend(season_check(ctx, ci, found));
    }
}

/// The fixtures played, the projected tally and the season's fixtures after the tally at
/// position `k`.
fn season_parts(ctx: &Context, claims: &[usize], k: usize) -> Option<(usize, usize, usize)> {
    let c = &ctx.claims[claims[k]];
    let rest = claims.get(k + 1..)?;
    let mut numeric = rest
        .iter()
        .copied()
        .filter(|&i| matches!(ctx.claims[i].kind, Kind::Count | Kind::Number));
    let played = numeric.next()?;
    let g = &ctx.claims[played];
    if !g.head.as_deref().is_some_and(|h| FIXTURES.contains(&h)) {
        return None;
    }
    let gap = parts::words(ctx.doc.text.get(c.phrase_end()..g.span.start)?);
    let tied = gap.iter().any(|w| w == "first")
        && gap.iter().all(|w| {
            [
                "in", "from", "over", "through", "the", "its", "his", "her", "their", "first", "of",
            ]
            .contains(&w.as_ref())
        });
    if !tied {
        return None;
    }
    let projected = numeric.next()?;
    let cue = lower_between(ctx, g.span.end, ctx.claims[projected].span.end);
    if !PROJECTION_CUES.iter().any(|q| cue.contains(q)) {
        return None;
    }
    let season = numeric.next()?;
    season_length(ctx, &ctx.claims[season])?;
    let between = lower_between(
        ctx,
        ctx.claims[projected].span.end,
        ctx.claims[season].span.start,
    );
    if between.contains([',', ';', '(']) || between.split_whitespace().count() > 5 {
        return None;
    }
    Some((played, projected, season))
}

fn season_check(
    ctx: &Context,
    tally: usize,
    (played, projected, season): (usize, usize, usize),
) -> Option<Finding> {
    let (c, g, p, s) = (
        &ctx.claims[tally],
        &ctx.claims[played],
        &ctx.claims[projected],
        &ctx.claims[season],
    );
    if p.head.is_some() && c.head.is_some() && p.head != c.head {
        return None;
    }
    let mut rc = parts::read(ctx, c)?;
    let mut rg = parts::read(ctx, g)?;
    let mut rs = parts::read(ctx, s)?;
    parts::exact_if_plain_counts(&mut [&mut rc, &mut rg, &mut rs]);
    let rp = parts::read(ctx, p)?;
    let computation = compute(&[&rc, &rg, &rs], &[1], |x| {
        ops::mul(ops::div(x[0], x[1])?, x[2])
    })
    .ok()?;
    parts::finish(
        ctx,
        Check {
            rule: Extrapolation::ID,
            default: Severity::Warning,
            binding: Binding::OneClause,
            checked: (projected, &rp),
            inputs: vec![
                (tally, Role::Count),
                (played, Role::Period),
                (season, Role::Season),
            ],
            computation,
            operation: format!(
                "{} / {} × {}",
                stated_value(ctx, c),
                stated_value(ctx, g),
                ctx.text(s.span)
            ),
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&Extrapolation, text, false)
    }

    #[test]
    fn restated_rates_multiply_by_the_periods() {
        let f = run("The levy costs $40 a week, or $4,000 a year.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(run("The levy costs $40 a week, or $2,080 a year.").is_empty());
        // Another amount between them is another quantity.
        assert!(run("The levy costs $40 a week, $15 more than the $4,000 a year.").is_empty());
    }

    #[test]
    fn odd_whitespace_before_a_fraction_is_read_safely() {
        for text in [
            "Net profit of\u{a0}$48 million was a tenth of the previous year's $240 million.",
            "Net profit\u{2003}of\u{a0}\u{a0}$48 million was half of\u{a0}its $96 million.",
        ] {
            let _ = run(text);
        }
    }
}
