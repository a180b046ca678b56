//! Reference chains for ages: "A 23-year-old man …" … "the man, 32, …" names one person
//! twice. A definite noun with an age in apposition refers back to the one earlier age
//! given with the same noun, unless a new person of that noun ("a man", "another man") is
//! introduced between them.

use crate::analysis::Context;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Kind};
use crate::semantics::{format, judge, reading, Computation};

/// One age and the noun it is given with.
struct Age<'a> {
    claim: &'a Claim,
    noun: String,
    /// "the man, 32," rather than "a 23-year-old man".
    definite: bool,
}

fn word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// "23-year-old man" → "man"; "the man, 32," → "man" (definite).
fn age_of<'a>(ctx: &Context, claim: &'a Claim) -> Option<Age<'a>> {
    if claim.kind != Kind::Number || claim.in_heading {
        return None;
    }
    let text = &ctx.doc.text;
    let after = text.get(claim.span.end..)?;
    if let Some(rest) = after.strip_prefix("-year-old ") {
        let noun = word(rest.split_whitespace().next()?);
        return (!noun.is_empty()).then_some(Age {
            claim,
            noun,
            definite: false,
        });
    }
    // Apposition: "the man, 32," (a comma on each side).
    let before = text.get(..claim.span.start)?.strip_suffix(", ")?;
    if !after.starts_with(',') {
        return None;
    }
    let mut words = before.split_whitespace().rev();
    let noun = words.next()?;
    if !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    let determiner = word(words.next()?);
    (determiner == "the").then(|| Age {
        claim,
        noun: noun.to_lowercase(),
        definite: true,
    })
}

/// Whether a new person of `noun` is introduced in `text` ("a man", "another man").
fn introduces(text: &str, noun: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(word).collect();
    words
        .windows(2)
        .any(|w| w[1] == noun && matches!(w[0].as_str(), "a" | "an" | "another" | "second" | "one"))
}

pub(super) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let ages: Vec<Age> = ctx.claims.iter().filter_map(|c| age_of(ctx, c)).collect();
    for (i, later) in ages.iter().enumerate().filter(|(_, a)| a.definite) {
        let earlier: Vec<&Age> = ages[..i].iter().filter(|a| a.noun == later.noun).collect();
        let [earlier] = earlier[..] else {
            continue;
        };
        let between = ctx
            .doc
            .text
            .get(earlier.claim.span.end..later.claim.span.start)
            .unwrap_or("");
        // The earlier phrase's own noun ("23-year-old man") is skipped: it is the referent.
        let between = between
            .split_once(&*earlier.noun)
            .map_or(between, |(_, b)| b);
        // "In the fraud trial, … The defendant, 61" and "In the arson trial, … The
        // defendant, 35": two scenes, two people.
        if introduces(between, &later.noun)
            || super::opening_frame(ctx, earlier.claim) != super::opening_frame(ctx, later.claim)
        {
            continue;
        }
        if let Some(f) = compare(ctx, earlier.claim, later.claim) {
            out.push(f);
        }
    }
}

fn compare(ctx: &Context, earlier: &Claim, later: &Claim) -> Option<Finding> {
    let tol = &ctx.settings.tolerances;
    let (er, lr) = (reading(earlier, tol)?, reading(later, tol)?);
    let as_computed = Computation {
        point: er.value,
        strict: er.strict,
        permissive: er.permissive,
        untestable: er.untestable,
    };
    let judgement = judge(&lr, &as_computed);
    if judgement.verdict? != Verdict::Inconsistent {
        return None;
    }
    Some(Finding {
        rule: crate::rules::same_quantity::SameQuantity::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "aged {} earlier; {} here, for the same person: inconsistent",
            ctx.text(earlier.span),
            ctx.text(later.span),
        ),
        primary: later.span,
        related: vec![Related {
            span: earlier.span,
            label: Role::Earlier,
        }],
        computed: Some(format::computed(er.value?, &judgement.computed)),
    })
}
