//! NUM-RATE-PER-CAPITA (`rules.md` #23).

use super::parts::{self, Check, Sentence};
use crate::check::Context;
use crate::declare_rule;
use crate::model::{Claim, Kind};
use crate::report::{Finding, Related, Severity, Verdict};
use crate::rules::RuleCheck;
use crate::semantics::propagate::ops;
use crate::semantics::{compute, Binding};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A stated rate "per 1,000" or "per 100,000" against the count and the population the
    /// same sentence gives: "84 cases among its 56,000 residents, a rate of 15 per 100,000"
    /// (84 / 56,000 × 100,000 is 150). Also a "%" written on a "per N" rate.
    ///
    /// ## Why it matters
    /// Rates are where a slipped digit or a wrong base hides best; the reader cannot redo
    /// the division in their head.
    ///
    /// ## Example
    /// "The county recorded 84 cases among its 56,000 residents, a rate of 15 per 100,000."
    /// → warning: the figures give 150 per 100,000.
    ///
    /// ## Known limits
    /// Count, population, rate and base must follow one another in one sentence, with the
    /// population named as residents, people, inhabitants or a population. The base must be
    /// a power of ten from 100 up. "Per capita" money figures and "one in N" are not checked.
    pub struct RatePerCapita = ("NUM-RATE-PER-CAPITA", "count / population ≠ stated rate");
}

/// Head nouns that name a population.
const POPULATION_HEADS: &[&str] = &[
    "resident",
    "inhabitant",
    "person",
    "people",
    "citizen",
    "population",
    "adult",
    "child",
    "pupil",
    "student",
    "member",
    "worker",
    "employee",
    "patient",
    "user",
    "rider",
    "driver",
];

impl RuleCheck for RatePerCapita {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            for (pos, pair) in sentence.claims.windows(2).enumerate() {
                let (rate, base) = (pair[0], pair[1]);
                let gap = parts::between(ctx, ctx.claims[rate].span, ctx.claims[base].span);
                if !parts::words_are_exactly(gap, &["per"]) || per_base(&ctx.claims[base]).is_none()
                {
                    continue;
                }
                let r = &ctx.claims[rate];
                if r.unit == Some("%") {
                    out.push(percent_on_rate(ctx, rate, base));
                } else if let Some(f) = check(ctx, sentence, pos, rate, base) {
                    out.push(f);
                }
            }
        }
    }
}

/// The base of a "per N" rate: a plain power of ten from 100 up.
fn per_base(claim: &Claim) -> Option<Decimal> {
    let n = claim.numeral()?;
    let v = n.value;
    if !parts::is_countish(claim) && claim.kind != Kind::Number {
        return None;
    }
    let mut p = Decimal::ONE_HUNDRED;
    while p <= v {
        if p == v {
            return Some(v);
        }
        p = p.checked_mul(Decimal::TEN)?;
    }
    None
}

fn percent_on_rate(ctx: &Context, rate: usize, base: usize) -> Finding {
    Finding {
        rule: "NUM-RATE-PER-CAPITA",
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} is written as a percentage but stated per {}; a rate per N is not a percentage: inconsistent",
            ctx.text(ctx.claims[rate].span),
            ctx.text(ctx.claims[base].span)
        ),
        primary: ctx.claims[rate].span,
        related: vec![Related {
            span: ctx.claims[base].span,
            label: "population",
        }],
        computed: None,
    }
}

/// Whether a claim names a population: its head, or "a population of N".
fn is_population(ctx: &Context, sentence: &Sentence, claim: &Claim) -> bool {
    if let Some(h) = parts::head(ctx, claim) {
        return POPULATION_HEADS.contains(&h.as_str());
    }
    parts::ends_with_words(
        parts::before_in_sentence(ctx, sentence.span, claim),
        &["population", "of"],
    )
}

fn check(
    ctx: &Context,
    sentence: &Sentence,
    pos: usize,
    rate: usize,
    base: usize,
) -> Option<Finding> {
    // Count and population are the two claims right before the rate.
    let pop = *sentence.claims.get(pos.checked_sub(1)?)?;
    let count = *sentence.claims.get(pos.checked_sub(2)?)?;
    let (c, p, r) = (&ctx.claims[count], &ctx.claims[pop], &ctx.claims[rate]);
    if !parts::is_countish(c) || !parts::is_countish(p) || !is_population(ctx, sentence, p) {
        return None;
    }
    if !parts::is_amount(r) || parts::head(ctx, c) == parts::head(ctx, p) {
        return None;
    }
    let per = per_base(&ctx.claims[base])?;
    let cr = parts::read(ctx, c)?;
    let pr = parts::read(ctx, p)?;
    let rr = crate::semantics::reading(r, &ctx.settings.tolerances)?;
    let computation = compute(&[&cr, &pr], &[1], |x| ops::mul(ops::div(x[0], x[1])?, per)).ok()?;
    parts::finish(
        ctx,
        Check {
            rule: "NUM-RATE-PER-CAPITA",
            default: Severity::Warning,
            binding: Binding::OneClause,
            checked: (rate, &rr),
            inputs: vec![(count, "count"), (pop, "population")],
            computation,
            operation: format!(
                "{} / {} × {}",
                ctx.text(c.span),
                ctx.text(p.span),
                ctx.text(ctx.claims[base].span)
            ),
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parts::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&RatePerCapita, text, false)
    }

    #[test]
    fn flags_a_rate_the_figures_do_not_give() {
        let f = run(
            "The county recorded 84 cases among its 56,000 residents, a rate of 15 per 100,000.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        let labels: Vec<&str> = f[0].related.iter().map(|r| r.label).collect();
        assert_eq!(labels, ["count", "population"]);
        assert!(run(
            "The county recorded 84 cases among its 56,000 residents, a rate of 150 per 100,000."
        )
        .is_empty());
    }

    #[test]
    fn a_percent_on_a_per_n_rate() {
        let f = run("Cycling injuries reached 5.8% per 1,000 riders last year.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }
}
