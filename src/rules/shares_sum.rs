//! NUM-SHARES-SUM (`rules.md` #7).

use super::parts;
use crate::check::Context;
use crate::declare_rule;
use crate::model::{Claim, Kind};
use crate::report::{Computed, Finding, Related, Severity, Verdict};
use crate::rules::RuleCheck;
use crate::semantics::format::{computed_decimal, number, verdict_words};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// Shares of one whole, listed together in a sentence, that add up to more than 100%:
    /// "Ferrante won 44% of the vote, Pallister 41% and Okafor 19%."
    ///
    /// ## Why it matters
    /// Vote and poll results, budgets and market shares are split into parts; a total above
    /// 100% means one of the shares is wrong.
    ///
    /// ## Example
    /// "Ferrante won 44% of the vote, Pallister 41% and Okafor 19%." → warning: 104%.
    /// "61% favoured the plan, 33% opposed it and 6% had no opinion." → no finding.
    ///
    /// ## Known limits
    /// Only percentages written side by side in one sentence (joined by commas or "and")
    /// are read as one set, and only in a sentence that speaks of shares ("of the vote",
    /// favoured, opposed, backed). Changes, rates, several answers per person and shares of
    /// different bases ("44% of men and 60% of women") are skipped. k shares written to
    /// unit u may sum to 100 + k·u/2 (rounding). Fractions and a sum short of 100% are not
    /// checked.
    pub struct SharesSum = ("NUM-SHARES-SUM", "shares of one whole sum past 100%");
}

/// Words that make a sentence speak of parts of one whole.
#[rustfmt::skip]
const SHARE_WORDS: &[&str] = &[
    "favoured", "favored", "favour", "favor", "opposed", "backed", "supported", "undecided",
    "opinion", "vote", "votes", "voters", "share", "shares", "split", "survey", "poll",
    "polled", "respondents",
];

/// Words that make the percentages changes, rates or overlapping answers, not shares.
#[rustfmt::skip]
const NOT_SHARES: &[&str] = &[
    "rate", "rates", "inflation", "interest", "growth", "grew", "yield", "tax", "turnout",
    "unemployment", "jobless", "margin", "return", "returns", "annual", "annually", "year",
    "rose", "fell", "rise", "fall", "up", "down", "from", "increase", "increased", "decrease",
    "decreased", "points", "than", "compared", "versus", "each", "both", "respectively",
    "multiple", "answers", "several", "whom", "them", "those", "among", "while", "whereas",
    "but", "men", "women",
];

impl RuleCheck for SharesSum {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            let shares: Vec<usize> = sentence
                .claims
                .iter()
                .copied()
                .filter(|&i| is_share(&ctx.claims[i]))
                .collect();
            // Most sentences have fewer than two shares: their words need no reading.
            if shares.len() < 2 {
                continue;
            }
            let text = ctx.text(sentence.span);
            if parts::has_word(text, NOT_SHARES) {
                continue;
            }
            let has_base = shares.iter().any(|&i| ctx.claims[i].of.is_some());
            if !has_base && !parts::has_word(text, SHARE_WORDS) {
                continue;
            }
            for run in runs(ctx, &shares) {
                if let Some(f) = check(ctx, &run) {
                    out.push(f);
                }
            }
        }
    }
}

fn is_share(claim: &Claim) -> bool {
    claim.kind == Kind::Percent && claim.unit == Some("%") && parts::is_amount(claim)
}

/// Runs of percentages joined by commas or "and", with no other base named between them.
fn runs(ctx: &Context, shares: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &i in shares {
        let joined = run.last().is_some_and(|&prev| {
            let gap_text = parts::between(ctx, ctx.claims[prev].span, ctx.claims[i].span);
            let gap = parts::words(gap_text);
            (gap_text.contains(',') || gap.iter().any(|w| w == "and"))
                && gap.len() <= 8
                && !gap_text.contains([';', ':', '('])
        });
        if !joined && !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        run.push(i);
    }
    out.push(run);
    out.retain(|r| r.len() >= 2);
    out
}

/// Shares naming different bases ("of men", "of women") are not parts of one whole.
fn one_base(ctx: &Context, run: &[usize]) -> bool {
    let mut bases = run
        .iter()
        .filter_map(|&i| ctx.claims[i].of)
        .map(|s| ctx.text(s).to_lowercase());
    match bases.next() {
        Some(first) => bases.all(|b| b == first),
        None => true,
    }
}

fn check(ctx: &Context, run: &[usize]) -> Option<Finding> {
    if !one_base(ctx, run) {
        return None;
    }
    let mut low = Decimal::ZERO;
    let mut point = Decimal::ZERO;
    let mut decimals = 0;
    for &i in run {
        let r = parts::read(ctx, &ctx.claims[i])?;
        low = low.checked_add(r.strict.low.unwrap_or(Decimal::ZERO))?;
        point = point.checked_add(r.value?)?;
        decimals = decimals.max(r.decimals);
    }
    let (verdict, severity) = if low > Decimal::ONE_HUNDRED {
        (Verdict::Inconsistent, Severity::Warning)
    } else if ctx.settings.show_consistent && point <= Decimal::ONE_HUNDRED {
        (Verdict::Consistent, Severity::Note)
    } else {
        return None;
    };
    let last = *run.last()?;
    let operation = run
        .iter()
        .map(|&i| ctx.text(ctx.claims[i].span))
        .collect::<Vec<_>>()
        .join(" + ");
    let shown = decimals.min(4);
    Some(Finding {
        rule: "NUM-SHARES-SUM",
        severity,
        verdict,
        message: format!(
            "{operation} is {}% (at least {}% given rounding); shares of one whole add up to at most 100%: {}",
            number(point, shown),
            number(low, shown + 1),
            verdict_words(verdict)
        ),
        primary: ctx.claims[last].span,
        related: run[..run.len() - 1]
            .iter()
            .map(|&i| Related {
                span: ctx.claims[i].span,
                label: "share",
            })
            .collect(),
        computed: Some(Computed {
            value: computed_decimal(point),
            low: Some(computed_decimal(low)),
            high: None,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parts::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&SharesSum, text, false)
    }

    #[test]
    fn flags_shares_past_100() {
        let f = run("Ferrante won 44% of the vote, Pallister 41% and Okafor 19%.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].related.len(), 2);
        assert!(f[0].message.starts_with("44% + 41% + 19% is 104%"));
    }

    #[test]
    fn rounding_bases_and_rates_pass() {
        assert!(
            run("In the poll, 34% favoured it, 34% opposed it and 33% had no opinion.").is_empty()
        );
        assert!(run("Some 44% of men and 60% of women backed the plan.").is_empty());
        assert!(run("Inflation reached 60% in one province and 50% in the next.").is_empty());
        assert!(run(
            "Asked what they use (several answers allowed), 72% named buses and 58% trams."
        )
        .is_empty());
    }
}
