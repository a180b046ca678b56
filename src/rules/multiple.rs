//! NUM-MULTIPLE (`rules.md` #11).

use crate::analysis::change::{self, Multiple, MultipleHedge};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Role, Severity, Verdict};
use crate::rules::RuleCheck;
use crate::semantics::format::{self, computed};
use crate::semantics::severity::is_hedged;
use crate::semantics::Facts;

declare_rule! {
    /// ## What it checks
    /// Multiples and fold changes against the two values in the same sentence: "quadrupled,
    /// from 310 to 1,260", "six times as many passengers …: 9.2 million against 2.3 million",
    /// "halved", "nearly doubled", "a fourfold rise", "by a factor of four", "half as many as".
    /// r = new/old; "N times as" and "N-tupled"
    /// read as N, "N times more/higher" and "N-fold" as N or N + 1 (usage is split); each
    /// reading is N ± 2.5% ("halved" 0.4875–0.5125), "nearly doubled" 1.8–2: the word adds no
    /// tolerance of its own, the values' rounding is the only slack (S§6.3).
    ///
    /// ## Why it matters
    /// Multiples are easy to misstate and hard to check by eye; "three times higher" is often
    /// written for a quadrupling.
    ///
    /// ## Example
    /// "Bookings quadrupled, from 310 to 1,260." → no finding (×4.06).
    /// "… six times as many passengers as the old one: 9.2 million a year against 2.3
    /// million." → error: ×4.0 (3.89–4.11).
    ///
    /// ## Known limits
    /// One multiple word per sentence, with a from/to pair, an "X against Y" pair after it,
    /// or, for "N times as many as", "twice as long as", "double the diameter of", the one
    /// value before the word and the one after it, when the multiple stands in apposition to
    /// the first ("24 goals, three times as many as … 12") or both carry a unit; a count of
    /// the things compared ("the 40 new buses carry twice as many passengers") is not read.
    /// "More than doubled" is a direction claim and reported by NUM-DIRECTION-WORD.
    /// Compounding over periods and per-capita vs absolute figures are not told apart.
    pub struct MultipleRule = ("NUM-MULTIPLE", "multiples and fold changes vs the values");
}

impl RuleCheck for MultipleRule {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for m in ctx.multiples() {
            if m.hedge != MultipleHedge::MoreThan {
                out.extend(finding(ctx, m));
            }
        }
    }
}

fn finding(ctx: &Context, m: &Multiple) -> Option<Finding> {
    let checks: Vec<_> = m
        .readings
        .iter()
        .map(|&n| change::multiple_check(m, n).map(|c| (n, c)))
        .collect::<Option<_>>()?;
    let (_, first) = checks.first()?;
    let alternative = checks.get(1).filter(|(_, c)| c.fits());
    let (verdict, default, check, words) = if first.fits() {
        (first.verdict()?, Severity::Warning, first, None)
    } else if let Some((_, alt)) = alternative {
        (
            alt.verdict()?,
            Severity::Note,
            alt,
            Some("fits only the \"N + 1\" reading of \"times more\""),
        )
    } else {
        (Verdict::Inconsistent, Severity::Error, first, None)
    };
    let hedged = [m.from.claim, m.to.claim]
        .iter()
        .any(|&i| is_hedged(&ctx.claims[i]))
        || m.hedge != MultipleHedge::None;
    let facts = Facts {
        default,
        binding: m.binding,
        hedged,
        up_to_violation: false,
        different_sources: false,
        decision_flip: false,
        checked_is_estimate: false,
    };
    let severity = match (verdict, words) {
        (Verdict::Inconsistent, _) => crate::semantics::severity(verdict, &facts)?,
        (_, Some(_)) => Severity::Note,
        _ => change::severity_for(ctx, verdict, &facts)?,
    };
    let point = first.computation.point?;
    let iv = check.judgement.computed;
    let readings = m
        .readings
        .iter()
        .map(|n| format!("×{}", format::number(*n, n.scale())))
        .collect::<Vec<_>>()
        .join(" or ");
    let message = format!(
        "{} → {} is ×{} ({}{}); the text says \"{}\" ({}): {}",
        ctx.text(m.from.span).trim(),
        ctx.text(m.to.span).trim(),
        format::number(point, 2),
        format::interval(&iv, 2),
        change::rounding_words(verdict),
        ctx.text(m.span),
        readings,
        words.unwrap_or(format::verdict_words(verdict)),
    );
    Some(Finding {
        rule: MultipleRule::ID,
        severity,
        verdict,
        message,
        primary: m.span,
        related: vec![
            crate::finding::Related {
                span: m.from.span,
                label: Role::From,
            },
            crate::finding::Related {
                span: m.to.span,
                label: Role::To,
            },
        ],
        computed: Some(computed(point, &iv)),
    })
}
