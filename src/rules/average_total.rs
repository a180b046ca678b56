//! NUM-AVERAGE-TOTAL (`rules.md` #24).

use super::rate_per_capita;
use crate::analysis::parts::{self, Check, Sentence, TotalForm};
use crate::analysis::per_unit::{self, Per};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Role, Severity};
use crate::grammar::unit::convert;
use crate::model::{Claim, Kind};
use crate::rules::RuleCheck;
use crate::semantics::propagate::ops;
use crate::semantics::{compute, Binding};
use crate::text::{lower_eq, lower_in};

declare_rule! {
    /// ## What it checks
    /// An average times the number of things it is an average over, against the total the
    /// same sentence states: "The 15 winning teams received an average of $2,650 each,
    /// $36,000 in all" (15 × $2,650 is $39,750). And a per-unit figure against the total it
    /// divides: "raised $18,000 from 60 cyclists, or $400 per cyclist" ($300), "gave 900
    /// households $3.6 million, roughly $6,000 a household", "16 players scored a combined
    /// 480 points, an average of 40 each", "96 mm of rain over four days, an average of 32
    /// mm a day", "93,000 visitors in March, an average of 4,000 a day", "averaged 19
    /// points over 12 games, 180 in all", "540 overtime hours …, or 60 hours each on
    /// average", "lost $3 million a month over four months, $16 million in all", "Each of the
    /// 24 parishes received £8,000, a total of £240,000" (a distributive count). Measures
    /// of one dimension are converted (km ↔ m).
    ///
    /// ## Why it matters
    /// Average, count and total are often taken from different versions of a figure; one
    /// multiplication shows the mismatch.
    ///
    /// ## Example
    /// "The 15 winning teams received an average of $2,650 each, $36,000 in all." → warning.
    ///
    /// ## Known limits
    /// One sentence. The units are read from the figure's own "per"/"a"/"each" phrase: a noun
    /// ("per cyclist") needs the one count of that noun; "each" or a bare average needs the one
    /// count with a noun; "a day" needs the one period the sentence gives in days ("over four
    /// days", "a nine-day heatwave", a named month other than February), and no count of
    /// people beside it ("each of the 12 jurors … $50 a day", a third factor). Without an average
    /// mark (or, for "a day", a marked total), the figure must be set beside the total and
    /// count as their quotient (", or $300 per runner"); peaks and records are skipped. The total is the one marked total ("a total
    /// of", "a combined", "in all"), else the one other amount in the figure's unit. Medians,
    /// and sentences with more than one candidate for a role, are skipped.
    pub struct AverageTotal = ("NUM-AVERAGE-TOTAL", "average × count ≠ total");
}

/// Words after an average that make it a per-period rate.
const PER_PERIOD: &[&str] = &["a", "per", "every", "an"];

impl RuleCheck for AverageTotal {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            if let Some(f) = check(ctx, sentence) {
                out.push(f);
                continue;
            }
            let before = out.len();
            for &i in &sentence.claims {
                out.extend(per_unit_average(ctx, sentence, i));
            }
            if out.len() == before {
                out.extend(distributive_average(ctx, sentence));
            }
        }
    }
}

fn is_average(ctx: &Context, sentence: &Sentence, i: usize) -> bool {
    let c = &ctx.claims[i];
    let before = parts::before_in_sentence(ctx, sentence.span, c);
    let averaged = parts::ends_with_words(before, &["average", "of"])
        || parts::ends_with_words(before, &["averaging"]);
    let per_period = || {
        parts::words_as_written(parts::after_in_sentence(ctx, sentence.span, c))
            .next()
            .is_some_and(|w| lower_in(w, PER_PERIOD))
    };
    averaged && parts::is_amount(c) && !per_period()
}

fn check(ctx: &Context, sentence: &Sentence) -> Option<Finding> {
    // An average, a count and a total: three claims at least.
    if sentence.claims.len() < 3 {
        return None;
    }
    let average = single(
        sentence
            .claims
            .iter()
            .copied()
            .filter(|&i| is_average(ctx, sentence, i)),
    )?;
    if parts::words_as_written(ctx.text(sentence.span)).any(|w| lower_eq(w, "median")) {
        return None;
    }
    let a = &ctx.claims[average];
    let total = single(sentence.claims.iter().copied().filter(|&i| {
        i != average
            && parts::is_amount(&ctx.claims[i])
            && parts::same_unit(&ctx.claims[i], a)
            && parts::total_form(ctx, sentence, &ctx.claims[i]) == Some(TotalForm::Sum)
    }))?;
    let count = single(sentence.claims.iter().copied().filter(|&i| {
        let c = &ctx.claims[i];
        i != average
            && i != total
            && parts::is_countish(c)
            && c.counted.is_some()
            && parts::total_form(ctx, sentence, c).is_none()
    }))?;
    let t = &ctx.claims[total];
    let ar = parts::read(ctx, a)?;
    let nr = parts::read(ctx, &ctx.claims[count])?;
    let tr = parts::read(ctx, t)?;
    let computation = compute(&[&nr, &ar], &[], |x| ops::mul(x[0], x[1])).ok()?;
    let binding = if parts::binding(ctx, a, t) == Binding::OneClause
        && parts::binding(ctx, &ctx.claims[count], t) == Binding::OneClause
    {
        Binding::OneClause
    } else {
        Binding::CrossClause
    };
    parts::finish(
        ctx,
        Check {
            rule: AverageTotal::ID,
            default: Severity::Warning,
            binding,
            checked: (total, &tr),
            inputs: vec![(average, Role::Average), (count, Role::Count)],
            computation,
            operation: format!(
                "{} × {}",
                ctx.text(ctx.claims[count].span),
                ctx.text(a.span)
            ),
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

/// Words that make a per-unit figure an extreme rather than a quotient.
const EXTREMES: &[&str] = &[
    "peak", "highest", "lowest", "busiest", "record", "most", "least", "maximum", "minimum", "top",
];

/// Whether two amounts measure the same thing: both counts, the same currency, or measures
/// of one dimension. Returns the factor that takes the second into the first's unit.
fn measure_factor(avg: &Claim, total: &Claim) -> Option<rust_decimal::Decimal> {
    if parts::is_countish(avg) && parts::is_countish(total) || parts::same_unit(avg, total) {
        return Some(rust_decimal::Decimal::ONE);
    }
    if avg.kind != Kind::Measure || total.kind != Kind::Measure {
        return None;
    }
    let (to, from) = (avg.unit?.measure()?, total.unit?.measure()?);
    if to.is_ambiguous() || from.is_ambiguous() || !to.offset.is_zero() || !from.offset.is_zero() {
        return None;
    }
    convert(rust_decimal::Decimal::ONE, from, to)
}

/// The time unit of an amount of time: "64 hours", or "720 overtime hours" (a number whose
/// noun, a word or two on, is a unit of time).
fn duration_unit(ctx: &Context, sentence: &Sentence, c: &Claim) -> Option<crate::model::TimeUnit> {
    if let crate::model::Quantity::Duration { unit, .. } = &c.quantity {
        return (c.hedge == crate::model::Hedge::None).then_some(*unit);
    }
    if c.kind != Kind::Number || !parts::is_amount(c) || c.counted.is_some() {
        return None;
    }
    let after = parts::after_in_sentence(ctx, sentence.span, c);
    // "720 overtime hours", not "95,000 a day".
    parts::words_as_written(after)
        .take(2)
        .take_while(|w| !lower_in(w, &["a", "an", "per", "each", "every", "of", "in", "over"]))
        .find_map(per_unit::time_unit_word)
}

/// "raised $9,000 from 40 runners, or $225 per runner", "paid $2.1 million to 700 families,
/// roughly $3,000 a family", "186 mm of rain over six days, an average of 31 mm a day", "12
/// players scored a combined 300 points, an average of 25 each", "averaged 21 points over
/// ten games, 210 in all": the per-unit figure must be the total over the number of units.
fn per_unit_average(ctx: &Context, sentence: &Sentence, a: usize) -> Option<Finding> {
    let avg = &ctx.claims[a];
    let avg_time = duration_unit(ctx, sentence, avg);
    if !(per_unit::is_rate_amount(avg) || avg_time.is_some())
        || parts::words_as_written(ctx.text(sentence.span)).any(|w| lower_eq(w, "median"))
    {
        return None;
    }
    let per = per_unit::per_around(ctx, sentence, a);
    // "600 tonnes a day at its peak": an extreme, not the quotient.
    let after = parts::after_in_sentence(ctx, sentence.span, avg);
    let cut = after.find([',', ';', '.', '—']).unwrap_or(after.len());
    if parts::has_word(&after[..cut], EXTREMES) {
        return None;
    }
    let averaged = per_unit::is_average(ctx, sentence, avg);
    let others = || sentence.claims.iter().copied().filter(move |&i| i != a);
    let count = match &per {
        // The units are the things the noun names: "per runner" → "40 runners".
        Some(Per::Item(noun)) => single(others().filter(|&i| {
            let c = &ctx.claims[i];
            parts::is_countish(c)
                && (c.head.as_deref() == Some(noun.as_str())
                    || parts::head(ctx, c).as_deref() == Some(noun.as_str()))
        }))?,
        // The units are the days of a period the sentence names: "over six days", "in April".
        // Without an average mark or a marked total, the figure must be set beside the
        // total as its quotient (checked below): "raised £96,000 in 12 weeks, about £8,000
        // a week".
        Some(Per::Time(unit)) => {
            single(others().filter(|&i| {
                let c = &ctx.claims[i];
                // "a day" is the rate's own unit, not the period.
                let own = parts::words_as_written(ctx.text(c.span))
                    .next()
                    .is_some_and(|w| lower_in(w, &["a", "an", "per", "each", "every"]));
                !own && per_unit::period_count(c, *unit).is_some()
            }))
            // "Each of the 12 jurors was paid $50 a day for the 20-day trial, $12,000 in
            // all": a count of people is a third factor of the total.
            .filter(|&n| {
                !others().any(|i| {
                    let c = &ctx.claims[i];
                    i != n
                        && parts::is_countish(c)
                        && c.counted.is_some()
                        && per_unit::period_count(c, *unit).is_none()
                        && !per_unit::is_total(ctx, sentence, c)
                        && measure_factor(avg, c).is_none()
                })
            })?
        }
        // "30 each", "averaged 18 points", "$40 a head" (of fans; a population is
        // NUM-RATE-PER-CAPITA's): the one count with a noun.
        Some(Per::Capita) => single(others().filter(|&i| {
            let c = &ctx.claims[i];
            parts::is_countish(c)
                && c.counted.is_some()
                && per_unit::per_of(ctx, sentence, i).is_none()
        }))
        .filter(|&i| !rate_per_capita::is_population_head(ctx, &ctx.claims[i]))?,
        Some(Per::Each) | None if averaged || per == Some(Per::Each) => {
            single(others().filter(|&i| {
                let c = &ctx.claims[i];
                parts::is_countish(c)
                    && c.counted.is_some()
                    && !per_unit::is_total(ctx, sentence, c)
                    && per_unit::per_of(ctx, sentence, i).is_none()
            }))?
        }
        _ => return None,
    };
    let total_candidates = || {
        others().filter(move |&i| {
            let c = &ctx.claims[i];
            let same = match avg_time {
                Some(u) => duration_unit(ctx, sentence, c) == Some(u),
                None => parts::is_amount(c) && measure_factor(avg, c).is_some(),
            };
            i != count && same && per_unit::per_of(ctx, sentence, i).is_none()
        })
    };
    // An unmarked total comes before the figure that divides it.
    let total =
        single(total_candidates().filter(|&i| per_unit::is_total(ctx, sentence, &ctx.claims[i])))
            .or_else(|| {
                single(total_candidates().filter(|&i| ctx.claims[i].span.end <= avg.span.start))
            })
            .or_else(|| adjacent_total(ctx, sentence, count, total_candidates()))?;
    let (t, n) = (&ctx.claims[total], &ctx.claims[count]);
    // The units are a whole number of things.
    let whole = n
        .numeral()
        .is_some_and(|v| v.value.fract().is_zero() && v.value > rust_decimal::Decimal::ONE);
    if !whole && !matches!(per, Some(Per::Time(_))) {
        return None;
    }
    // Without an average mark the figure must be set beside the others as their quotient:
    // "from 40 runners, or $300 per runner", not "valued at $31 a share".
    let marked_total = per_unit::is_total(ctx, sentence, t);
    // A per-period figure beside a marked total is tied to it by the total's mark; any
    // other needs the quotient link.
    let tied = averaged || (marked_total && matches!(per, Some(Per::Time(_))));
    if !tied {
        let last = ctx.claims[total].span.end.max(n.span.end);
        let gap = ctx.doc.text.get(last..avg.span.start).unwrap_or("");
        // "…, with spending per pupil at £6,000": a "per" phrase before the figure names
        // the quotient itself.
        let named = per_unit::per_of(ctx, sentence, a).is_none() && gap.contains([',', '—']);
        if last > avg.span.start || !(named || per_unit::restates(gap)) {
            return None;
        }
    }
    let factor = match avg_time {
        Some(_) => rust_decimal::Decimal::ONE,
        None => measure_factor(avg, t)?,
    };
    let tr = parts::read(ctx, t)?;
    let ar = parts::read(ctx, avg)?;
    let nr = match &per {
        Some(Per::Time(unit)) => {
            let days = per_unit::period_count(n, *unit)?;
            per_unit::factor_reading(days, crate::semantics::Interval::point(days))
        }
        _ => parts::read(ctx, &as_preposition(ctx, n))?,
    };
    let mut tr = tr;
    let mut nr = nr;
    // Unhedged counts are exact: "12 players scored 300 points" is 25 each, no halo; the
    // number of units is exact whatever the total is.
    parts::exact_if_plain_counts(&mut [&mut tr, &mut nr]);
    parts::exact_if_plain_counts(&mut [&mut nr]);
    let computation = compute(&[&tr, &nr], &[1], |x| {
        ops::div(ops::mul(x[0], factor)?, x[1])
    })
    .ok()?;
    let binding = if parts::binding(ctx, avg, t) == Binding::OneClause
        && parts::binding(ctx, n, t) == Binding::OneClause
    {
        Binding::OneClause
    } else {
        Binding::CrossClause
    };
    let units = match &per {
        Some(Per::Time(unit)) => format!(
            "{} {}s",
            per_unit::period_count(n, *unit)?.normalize(),
            unit.as_str()
        ),
        _ => {
            let text = ctx.text(n.span);
            let over = text
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("over "));
            let bare = if over && as_preposition(ctx, n).hedge != n.hedge {
                &text[5..]
            } else {
                text
            };
            bare.to_string()
        }
    };
    parts::finish(
        ctx,
        Check {
            rule: AverageTotal::ID,
            default: Severity::Warning,
            binding,
            checked: (a, &ar),
            inputs: vec![(total, Role::Total), (count, Role::Count)],
            computation,
            operation: format!("{} / {units}", ctx.text(t.span)),
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

/// "averaged 18 points over ten games": "over" is the preposition of the games, not a
/// bound on their number.
fn as_preposition(ctx: &Context, n: &Claim) -> Claim {
    let mut c = n.clone();
    let over = parts::words_as_written(ctx.text(n.span))
        .next()
        .is_some_and(|w| lower_eq(w, "over"));
    if over && n.hedge == crate::model::Hedge::MoreThan {
        c.hedge = crate::model::Hedge::None;
    }
    c
}

/// "Each of the 30 schools received £12,000, a total of £360,000", "the 15 finalists will
/// each get $10,000, $150,000 in all": the first amount after a distributive count is
/// each one's share of the marked total.
fn distributive_average(ctx: &Context, sentence: &Sentence) -> Option<Finding> {
    let count = single(sentence.claims.iter().copied().filter(|&i| {
        let c = &ctx.claims[i];
        parts::is_countish(c) && c.counted.is_some() && per_unit::is_distributive(ctx, sentence, c)
    }))?;
    let n = &ctx.claims[count];
    let share = sentence.claims.iter().copied().find(|&i| {
        let c = &ctx.claims[i];
        c.span.start >= n.phrase_end() && per_unit::is_rate_amount(c)
    })?;
    let a = &ctx.claims[share];
    if per_unit::is_total(ctx, sentence, a)
        || !matches!(
            per_unit::per_of(ctx, sentence, share),
            None | Some(Per::Each)
        )
    {
        return None;
    }
    let total = single(sentence.claims.iter().copied().filter(|&i| {
        let c = &ctx.claims[i];
        i != share
            && i != count
            && parts::is_amount(c)
            && measure_factor(a, c).is_some()
            && per_unit::is_total(ctx, sentence, c)
    }))?;
    let t = &ctx.claims[total];
    let factor = measure_factor(a, t)?;
    let whole = n
        .numeral()
        .is_some_and(|v| v.value.fract().is_zero() && v.value > rust_decimal::Decimal::ONE);
    if !whole {
        return None;
    }
    let mut tr = parts::read(ctx, t)?;
    let mut nr = parts::read(ctx, n)?;
    let ar = parts::read(ctx, a)?;
    parts::exact_if_plain_counts(&mut [&mut tr, &mut nr]);
    // The number of shares is a count: unhedged, it is exact whatever the total is.
    parts::exact_if_plain_counts(&mut [&mut nr]);
    let computation = compute(&[&tr, &nr], &[1], |x| {
        ops::div(ops::mul(x[0], factor)?, x[1])
    })
    .ok()?;
    parts::finish(
        ctx,
        Check {
            rule: AverageTotal::ID,
            default: Severity::Warning,
            binding: parts::binding(ctx, a, t),
            checked: (share, &ar),
            inputs: vec![(total, Role::Total), (count, Role::Count)],
            computation,
            operation: format!("{} / {}", ctx.text(t.span), ctx.text(n.span)),
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

/// "90 musicians played to 120,000 people over 40 concerts": among several candidates, the
/// total is the one right before the count, tied to it by a preposition.
fn adjacent_total(
    ctx: &Context,
    sentence: &Sentence,
    count: usize,
    mut candidates: impl Iterator<Item = usize>,
) -> Option<usize> {
    let at = sentence.claims.iter().position(|&i| i == count)?;
    let before = *sentence.claims.get(at.checked_sub(1)?)?;
    let mut gap = parts::words(parts::between(
        ctx,
        ctx.claims[before].span,
        ctx.claims[count].span,
    ));
    // "over 40 concerts" is read with "over" as a hedge inside the count.
    if as_preposition(ctx, &ctx.claims[count]).hedge != ctx.claims[count].hedge {
        gap.push("over".into());
    }
    let tied = gap.len() <= 3
        && gap.last().is_some_and(|w| {
            [
                "from", "over", "across", "to", "among", "in", "for", "between",
            ]
            .contains(&w.as_ref())
        });
    (tied && candidates.any(|i| i == before)).then_some(before)
}

/// The only item, or `None` when there are none or several.
fn single(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&AverageTotal, text, false)
    }

    #[test]
    fn flags_average_times_count_against_total() {
        let f = run("The 15 winning teams received an average of $2,650 each, $36,000 in all.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        let c = f[0].computed.as_ref().expect("computed");
        assert_eq!((c.low, c.high), (Some(39675.into()), Some(39825.into())));
        assert!(
            run("The 15 winning teams received an average of $2,400 each, $36,000 in all.")
                .is_empty()
        );
    }

    #[test]
    fn per_period_averages_and_medians_are_skipped() {
        assert!(run(
            "The 300 volunteers worked an average of 6 hours a week, 1,000 hours in total."
        )
        .is_empty());
        assert!(run(
            "The 15 teams got a median of $2,650, an average of $2,000 each, $36,000 in all."
        )
        .is_empty());
    }
}
