//! Reference chains for figures with a unit: a definite noun phrase that restates an amount
//! ("The $7 million agreement", "the 18-year term", "the fee of €13 million", "The
//! 34.8C reading") refers back to the one figure of that unit in the sentences just before
//! it, and must agree with it.

use crate::analysis::pairing::describe_with_interval;
use crate::analysis::Context;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Kind, Quantity};
use crate::semantics::{format, judge, reading, Computation, Reading};

/// Nouns that name an amount already stated: a deal and its price, a term, a reading.
const REFERRING_NOUNS: &[&str] = &[
    "agreement",
    "deal",
    "contract",
    "extension",
    "price",
    "fee",
    "sum",
    "payment",
    "settlement",
    "offer",
    "bid",
    "valuation",
    "package",
    "award",
    "fine",
    "loan",
    "grant",
    "takeover",
    "acquisition",
    "purchase",
    "transfer",
    "term",
    "sentence",
    "ban",
    "suspension",
    "reading",
    "temperature",
    "time",
    "tag",
    "figure",
    "amount",
];

/// Determiners and possessives that open a referring noun phrase.
const DETERMINERS: &[&str] = &["the", "this", "that", "its", "his", "her", "their"];

/// How many sentences back the antecedent may stand.
const REACH: usize = 2;

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let figures: Vec<(&Claim, Reading)> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading && matches!(c.kind, Kind::Money | Kind::Duration | Kind::Measure))
        .filter_map(|c| Some((c, reading(c, &ctx.settings.tolerances)?)))
        .collect();
    let sentence = |c: &Claim| ctx.segments.sentence_of(c.span.start).map(|s| s.0);
    for (i, (later, later_reading)) in figures.iter().enumerate() {
        let Some(s) = sentence(later) else { continue };
        if !refers_back(ctx, later) {
            continue;
        }
        // The antecedent: the only figure of the unit in the REACH sentences before, none
        // of them in the referring sentence itself.
        let same_unit = |c: &Claim| c.kind == later.kind && c.unit == later.unit;
        let in_own = figures
            .iter()
            .filter(|(c, _)| same_unit(c) && sentence(c) == Some(s))
            .count();
        let before: Vec<&(&Claim, Reading)> = figures[..i]
            .iter()
            .filter(|(c, _)| same_unit(c))
            .filter(|(c, _)| sentence(c).is_some_and(|e| e < s && e + REACH >= s))
            .collect();
        let [(earlier, earlier_reading)] = before[..] else {
            continue;
        };
        if in_own != 1
            || (later.kind == Kind::Duration && !states_a_term(ctx, earlier))
            || super::years_in_clause(ctx, earlier) != super::years_in_clause(ctx, later)
            || weekdays_differ(ctx, earlier, later)
        {
            continue;
        }
        if let Some(f) = compare(ctx, (earlier, earlier_reading), (later, later_reading)) {
            out.push(f);
        }
    }
}

/// A figure inside a definite noun phrase that names an amount: "the $2.4 billion price
/// tag" (determiner, figure, noun) or "her transfer fee of €13 million" (determiner, noun,
/// "of", figure).
fn refers_back(ctx: &Context, claim: &Claim) -> bool {
    let text = &ctx.doc.text;
    // Markup ("*$7 million*") is no word.
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let before: Vec<String> = text
        .get(..claim.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .map(word)
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    let after: Vec<String> = text
        .get(claim.span.end..)
        .unwrap_or("")
        .split_whitespace()
        .map(word)
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let determiner = |w: &String| DETERMINERS.contains(&w.as_str()) || w.ends_with("'s");
    let noun = |w: &String| REFERRING_NOUNS.contains(&w.as_str());
    let prefix_form = before.first().is_some_and(determiner)
        && (after.first().is_some_and(noun) || (after.len() == 2 && noun(&after[1])));
    let of_form = before.first().is_some_and(|w| w == "of")
        && before.get(1).is_some_and(noun)
        && before[2..].iter().any(determiner);
    prefix_form || of_form
}

/// "38C on Tuesday" … "the 41C reading on Wednesday": two days, two readings.
fn weekdays_differ(ctx: &Context, a: &Claim, b: &Claim) -> bool {
    let weekday = |c: &Claim| {
        let (_, sentence) = ctx.segments.sentence_of(c.span.start)?;
        ctx.claims
            .iter()
            .filter(|d| sentence.contains(d.span))
            .find_map(|d| match &d.quantity {
                Quantity::Date(parts) => parts.weekday,
                _ => None,
            })
    };
    matches!((weekday(a), weekday(b)), (Some(x), Some(y)) if x != y)
}

/// A duration that sets a term ("jailed for eight years", "a three-year deal"), not one
/// that tells of time spent ("spent three years at the club").
fn states_a_term(ctx: &Context, claim: &Claim) -> bool {
    let text = ctx.text(claim.span);
    let before = ctx.doc.text.get(..claim.span.start).unwrap_or("");
    let previous = before.split_whitespace().next_back().unwrap_or("");
    text.contains('-') || previous.eq_ignore_ascii_case("for")
}

fn compare(
    ctx: &Context,
    (earlier, er): (&Claim, &Reading),
    (later, lr): (&Claim, &Reading),
) -> Option<Finding> {
    let as_computed = Computation {
        point: er.value,
        strict: er.strict,
        permissive: er.permissive,
        untestable: er.untestable,
    };
    let judgement = judge(lr, &as_computed);
    if judgement.verdict? != Verdict::Inconsistent {
        return None;
    }
    let point = er.value.or_else(|| judgement.computed.midpoint())?;
    Some(Finding {
        rule: crate::rules::same_quantity::SameQuantity::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} earlier; {} here, in a phrase that refers back to it: inconsistent",
            describe_with_interval(ctx, earlier, er),
            describe_with_interval(ctx, later, lr),
        ),
        primary: later.span,
        related: vec![Related {
            span: earlier.span,
            label: Role::Earlier,
        }],
        computed: Some(format::computed(point, &judgement.computed)),
    })
}
