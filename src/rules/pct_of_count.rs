//! NUM-PCT-OF-COUNT (`rules.md` #22): GRIM for news.

use crate::analysis::parts;
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Computed, Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Hedge, Kind};
use crate::rules::RuleCheck;
use crate::semantics::format::{message_decimals, number, verdict_words};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A percentage of a small stated count that no whole number of that count gives: "40%
    /// of the nine inspectors" (3 of 9 is 33.3%, 4 of 9 is 44.4%). The GRIM test, for news.
    ///
    /// ## Why it matters
    /// With a small base only a few percentages are possible; any other one means the
    /// percentage or the count is wrong.
    ///
    /// ## Example
    /// "40% of the nine inspectors on duty were reassigned." → warning.
    /// "Of the 14 board members, 71% voted to sell." → no finding (10 of 14 is 71.4%).
    ///
    /// ## Known limits
    /// Runs only when the count N is an unhedged whole number with N < 10^(d+2), d the
    /// percentage's decimals (beyond that every percentage is possible), and the
    /// percentage is unhedged. Polls and surveys are skipped: their shares are weighted.
    /// Both rounding conventions for ties are accepted.
    pub struct PctOfCount = ("NUM-PCT-OF-COUNT", "a percentage no whole number of the count gives");
}

/// Words that mark weighted survey shares.
const POLL_WORDS: &[&str] = &[
    "poll",
    "polls",
    "polled",
    "survey",
    "surveys",
    "surveyed",
    "respondent",
    "respondents",
    "sample",
    "sampled",
    "weighted",
    "questioned",
    "interviewed",
];

impl RuleCheck for PctOfCount {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            let pairs = parts::part_wholes(ctx, sentence);
            if pairs.is_empty() {
                continue;
            }
            let text = ctx.text(sentence.span);
            if parts::has_word(text, POLL_WORDS) {
                continue;
            }
            for pw in pairs {
                if let Some(f) = check(ctx, pw.part, pw.whole) {
                    out.push(f);
                }
            }
        }
    }
}

/// The count N: an unhedged whole number of things.
fn base(claim: &Claim) -> Option<u64> {
    if !parts::is_countish(claim) || !matches!(claim.hedge, Hedge::None | Hedge::Exactly) {
        return None;
    }
    let n = claim.numeral()?;
    if n.decimals > 0 || n.value.fract() != Decimal::ZERO || n.value <= Decimal::ZERO {
        return None;
    }
    u64::try_from(n.value.mantissa()).ok()
}

fn check(ctx: &Context, p: usize, w: usize) -> Option<Finding> {
    let (pct, whole) = (&ctx.claims[p], &ctx.claims[w]);
    if pct.kind != Kind::Percent
        || pct.unit != Some(crate::model::Unit::Percent)
        || !matches!(pct.hedge, Hedge::None | Hedge::Exactly)
        || !parts::is_amount(pct)
    {
        return None;
    }
    // "Of the 10 firms, 12% of staff …": the percentage names a base of its own.
    if pct.of.is_some_and(|of| !of.contains(whole.span)) {
        return None;
    }
    let n = base(whole)?;
    let stated = pct.numeral()?;
    let d = stated.decimals.min(4);
    // GRIM's power condition: N < 10^(d+2).
    if n >= 10u64.pow(d + 2) {
        return None;
    }
    let half = Decimal::new(5, d + 1);
    let (low, high) = (stated.value - half, stated.value + half);
    let big_n = Decimal::from(n);
    // The smallest whole k with 100·k/N ≥ low; either tie convention, so both ends count.
    let k = (low.checked_mul(big_n)? / Decimal::ONE_HUNDRED)
        .ceil()
        .max(Decimal::ZERO);
    let possible = k <= big_n
        && k.checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(big_n)
            .is_some_and(|s| s <= high);
    let exact = stated.value.checked_mul(big_n)? / Decimal::ONE_HUNDRED;
    let below = exact.floor().max(Decimal::ZERO);
    let above = exact.ceil().min(big_n);
    let (verdict, severity) = if possible {
        if !ctx.settings.show_consistent {
            return None;
        }
        (Verdict::Consistent, Severity::Note)
    } else {
        (Verdict::Inconsistent, Severity::Warning)
    };
    let shown = message_decimals(d).max(1);
    let pct_of = |k: Decimal| {
        (k * Decimal::ONE_HUNDRED)
            .checked_div(big_n)
            .map_or_else(|| "?".into(), |v| number(v, shown))
    };
    let message = if below == above {
        format!(
            "{} of {} is {}%; the text says {}: {}",
            number(below, 0),
            n,
            pct_of(below),
            ctx.text(pct.span),
            verdict_words(verdict)
        )
    } else {
        format!(
            "{} of {} is {}% and {} of {} is {}%; the text says {}: {}",
            number(below, 0),
            n,
            pct_of(below),
            number(above, 0),
            n,
            pct_of(above),
            ctx.text(pct.span),
            verdict_words(verdict)
        )
    };
    Some(Finding {
        rule: PctOfCount::ID,
        severity,
        verdict,
        message,
        primary: pct.span,
        related: vec![Related {
            span: whole.span,
            label: Role::Count,
        }],
        computed: Some(Computed {
            value: crate::semantics::format::computed_decimal(exact),
            low: Some(below),
            high: Some(above),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&PctOfCount, text, false)
    }

    #[test]
    fn flags_a_share_no_whole_number_gives() {
        let f = run("40% of the nine inspectors on duty were reassigned.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "3 of 9 is 33.3% and 4 of 9 is 44.4%; the text says 40%: inconsistent"
        );
        assert_eq!(f[0].related[0].label, "count");
    }

    #[test]
    fn possible_shares_polls_hedges_and_large_counts_pass() {
        assert!(run("Of the 14 board members, 71% voted to sell the land.").is_empty());
        assert!(run("35% of the 1,012 adults polled backed the plan.").is_empty());
        assert!(run("About 40% of the nine inspectors were moved.").is_empty());
        assert!(run("40% of the 120 inspectors were moved.").is_empty());
        assert!(run("Of the 10 largest firms, 12% of staff work remotely.").is_empty());
    }

    #[test]
    fn decimals_raise_the_power_limit() {
        // 33.3% of 120 is 39.96: no whole number gives it at one decimal (39 → 32.5, 40 → 33.3).
        assert!(run("33.3% of the 120 inspectors were moved.").is_empty());
        assert_eq!(run("33.4% of the 120 inspectors were moved.").len(), 1);
    }
}
