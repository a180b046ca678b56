//! NUM-AVERAGE-TOTAL (`rules.md` #24).

use super::parts::{self, Check, Sentence, TotalForm};
use crate::check::Context;
use crate::declare_rule;
use crate::report::{Finding, Severity};
use crate::rules::lowercase::{lower_eq, lower_in};
use crate::rules::RuleCheck;
use crate::semantics::propagate::ops;
use crate::semantics::{compute, Binding};

declare_rule! {
    /// ## What it checks
    /// An average times the number of things it is an average over, against the total the
    /// same sentence states: "The 15 winning teams received an average of $2,650 each,
    /// $36,000 in all" (15 × $2,650 is $39,750).
    ///
    /// ## Why it matters
    /// Average, count and total are often taken from different versions of a figure; one
    /// multiplication shows the mismatch.
    ///
    /// ## Example
    /// "The 15 winning teams received an average of $2,650 each, $36,000 in all." → warning.
    ///
    /// ## Known limits
    /// One sentence, one average ("an average of", "averaging"), one count with a counted
    /// noun and one marked total ("in all", "in total", "a total of") in the unit of the
    /// average. Per-period averages ("an average of 30 a day"), medians and sentences with
    /// more than one candidate count are skipped.
    pub struct AverageTotal = ("NUM-AVERAGE-TOTAL", "average × count ≠ total");
}

/// Words after an average that make it a per-period rate.
const PER_PERIOD: &[&str] = &["a", "per", "every", "an"];

impl RuleCheck for AverageTotal {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            if let Some(f) = check(ctx, sentence) {
                out.push(f);
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
            rule: "NUM-AVERAGE-TOTAL",
            default: Severity::Warning,
            binding,
            checked: (total, &tr),
            inputs: vec![(average, "average"), (count, "count")],
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

/// The only item, or `None` when there are none or several.
fn single(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parts::run_rule;

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
