//! NUM-HEADLINE-BODY (`rules.md` #3).

use crate::check::Context;
use crate::declare_rule;
use crate::extract::key::{compatible, KeyMatch, QuantityKey};
use crate::model::{Claim, Kind, Span};
use crate::report::{Finding, Related, Severity, Verdict};
use crate::rules::pairing::{change_note, describe_with_interval, Mention};
use crate::rules::RuleCheck;
use crate::semantics::severity::is_hedged;
use crate::semantics::{format, reading, Interval, Reading};
use std::borrow::Cow;

declare_rule! {
    /// ## What it checks
    /// A count in a heading, deck or caption against the body's mentions of the same
    /// quantity (same key, `semantics.md` §7.3: troop = soldier). The heading figure must
    /// follow from the body in one step: a copy, a rounding (word ↔ digits, "415K"), or the
    /// sum or difference of two body counts of the same thing.
    ///
    /// ## Why it matters
    /// Headings are rewritten late and by other hands; about a third of heading figures are
    /// reworded, and a heading that no longer matches its story is the figure most readers
    /// see.
    ///
    /// ## Example
    /// Heading "Nearly 700 Flights Cancelled in Port Ellery Storm", body "the airport
    /// cancelled 412 flights on Monday" → warning (630–699 vs 412); no finding if the body
    /// adds "and 270 on Tuesday" (412 + 270 = 682).
    ///
    /// ## Known limits
    /// Only counts with a head noun are checked, and only against body mentions whose key
    /// matches (a body qualifier that the heading line also spells counts as matching): a
    /// heading figure with no such mention is not reported, since it may come from a linked
    /// story or an update. Money, percentages, ratios and year differences in headings are
    /// not checked yet. An error needs the same unhedged noun phrase in both places. Only
    /// the first 64 body mentions of a head noun are compared.
    pub struct HeadlineBody = ("NUM-HEADLINE-BODY", "heading figures must follow from the body");
}

/// Body counts tried as operands of a sum or difference, at most.
const MAX_OPERANDS: usize = 8;
/// Body mentions of one head a heading figure is compared with, at most (the first ones):
/// keeps a page of many heading-like lines linear.
const MAX_BODY: usize = 64;
/// Body mentions quoted in a message, at most.
const MAX_QUOTED: usize = 3;

impl RuleCheck for HeadlineBody {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        // Most passes hold no heading: their mentions need not be indexed.
        if !ctx.claims.iter().any(|c| c.in_heading) {
            return;
        }
        for mentions in ctx.mentions().values() {
            if !mentions.iter().any(|m| m.claim.in_heading) {
                continue;
            }
            let body: Vec<&Mention> = mentions.iter().filter(|m| !m.claim.in_heading).collect();
            for heading in mentions.iter().filter(|m| m.claim.in_heading) {
                if let Some(f) = check_heading(ctx, heading, &body) {
                    out.push(f);
                }
            }
        }
    }
}

fn check_heading(ctx: &Context, heading: &Mention, body: &[&Mention]) -> Option<Finding> {
    let line = heading_line(ctx, heading.claim.span);
    let line_stems = stems(&line);
    let candidates: Vec<&Mention> = body
        .iter()
        .copied()
        .take(MAX_BODY)
        .filter(|b| compatible(&heading.key, &relaxed(&b.key, &line_stems)) == KeyMatch::Same)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let target = &heading.reading.permissive;
    if let Some(found) = candidates
        .iter()
        .find(|c| c.reading.permissive.overlaps(target))
    {
        return ctx
            .settings
            .show_consistent
            .then(|| consistent(ctx, heading, found));
    }
    // Headings drop modifiers ("3,400 homes" for the body's "3,400 new homes"): the same
    // value under the same head noun anywhere in the body is the heading's source, whatever
    // qualifiers the body adds.
    if let Some(found) = body
        .iter()
        .take(MAX_BODY)
        .find(|b| b.reading.permissive.overlaps(target))
    {
        return ctx
            .settings
            .show_consistent
            .then(|| consistent(ctx, heading, found));
    }
    if let Some(f) = derived_by_sum(ctx, heading, &candidates) {
        return ctx.settings.show_consistent.then_some(f);
    }
    Some(inconsistent(ctx, heading, &candidates))
}

/// The heading line (or the claim itself) in lower case.
fn heading_line(ctx: &Context, span: Span) -> String {
    let line = ctx.doc.heading_of(span).unwrap_or(span);
    ctx.text(line).to_lowercase()
}

/// A heading drops the verbs the body uses ("Flights Cancelled" vs "cancelled 412 flights"
/// gives the body a qualifier): body qualifiers spelled in the heading line, in any
/// inflection ("Launch" / "launched"), are no difference. The key is copied only when it
/// loses a qualifier: most body mentions keep theirs.
fn relaxed<'k>(key: &'k QuantityKey, heading_stems: &[&str]) -> Cow<'k, QuantityKey> {
    let in_heading = |q: &String| {
        q.split_whitespace()
            .all(|w| heading_stems.contains(&stem(w)))
    };
    if !key.qualifiers.iter().any(in_heading) {
        return Cow::Borrowed(key);
    }
    let mut key = key.clone();
    key.qualifiers.retain(|q| !in_heading(q));
    Cow::Owned(key)
}

/// The stems of the heading line's words, for [`relaxed`].
fn stems(heading_line: &str) -> Vec<&str> {
    heading_line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// A crude verb stem: "launched", "launches", "launching" → "launch".
fn stem(word: &str) -> &str {
    ["ing", "ed", "es", "s", "d"]
        .iter()
        .find_map(|s| word.strip_suffix(s).filter(|r| r.len() >= 3))
        .unwrap_or(word)
}

fn consistent(ctx: &Context, heading: &Mention, found: &Mention) -> Finding {
    Finding {
        rule: "NUM-HEADLINE-BODY",
        severity: Severity::Note,
        verdict: Verdict::Consistent,
        message: format!(
            "heading says {}; body says {}: consistent",
            describe_with_interval(ctx, heading.claim, &heading.reading),
            describe_with_interval(ctx, found.claim, &found.reading),
        ),
        primary: heading.claim.span,
        related: vec![body(found.claim.span)],
        computed: Some(point_of(&found.reading)),
    }
}

fn body(span: Span) -> Related {
    Related {
        span,
        label: "body",
    }
}

fn point_of(r: &Reading) -> crate::report::Computed {
    let point = r
        .value
        .or_else(|| r.permissive.midpoint())
        .unwrap_or_default();
    format::computed(point, &r.permissive)
}

/// One operand of a sum: a body count and what it reads as.
struct Operand<'a> {
    claim: &'a Claim,
    reading: Reading,
}

/// The candidates, plus bare numbers that continue a candidate's sentence ("412 flights on
/// Monday and 270 on Tuesday"): these count the same thing.
fn operands<'a>(ctx: &'a Context, candidates: &[&Mention<'a>]) -> Vec<Operand<'a>> {
    let mut ops: Vec<Operand> = Vec::new();
    for c in candidates {
        ops.push(Operand {
            claim: c.claim,
            reading: c.reading.clone(),
        });
        let sentence = ctx.segments.sentence_of(c.claim.span.start).map(|s| s.1);
        // Dates between ("on Monday and 270 on Tuesday") are skipped, not a stop.
        let following = ctx
            .claims
            .iter()
            .skip(c.index + 1)
            .filter(|c| !c.kind.is_temporal_or_ordinal())
            .take(3);
        for claim in following {
            let inside = sentence.is_some_and(|s| s.contains(claim.span));
            let bare = matches!(claim.kind, Kind::Number | Kind::Count) && claim.head.is_none();
            if !inside || !bare {
                break;
            }
            if let Some(r) = reading(claim, &ctx.settings.tolerances) {
                ops.push(Operand { claim, reading: r });
            }
        }
    }
    ops.truncate(MAX_OPERANDS);
    ops
}

/// A sum or difference of two body counts that the heading figure can stand for.
fn derived_by_sum(ctx: &Context, heading: &Mention, candidates: &[&Mention]) -> Option<Finding> {
    let ops = operands(ctx, candidates);
    let target = &heading.reading.permissive;
    for (i, a) in ops.iter().enumerate() {
        for b in &ops[i + 1..] {
            let (pa, pb) = (&a.reading.permissive, &b.reading.permissive);
            let tries = [
                (pa.add(pb).ok(), "+"),
                (pa.sub(pb).ok().map(|d| abs(&d)), "−"),
            ];
            for (result, op) in tries {
                let Some(result) = result.filter(|r| r.overlaps(target)) else {
                    continue;
                };
                let (Some(va), Some(vb)) = (a.reading.value, b.reading.value) else {
                    continue;
                };
                let point = if op == "+" { va + vb } else { (va - vb).abs() };
                return Some(Finding {
                    rule: "NUM-HEADLINE-BODY",
                    severity: Severity::Note,
                    verdict: Verdict::Consistent,
                    message: format!(
                        "heading says {}; body says {} {op} {} = {}: consistent",
                        describe_with_interval(ctx, heading.claim, &heading.reading),
                        ctx.text(a.claim.span),
                        ctx.text(b.claim.span),
                        format::number(point, 0),
                    ),
                    primary: heading.claim.span,
                    related: vec![body(a.claim.span), body(b.claim.span)],
                    computed: Some(format::computed(point, &result)),
                });
            }
        }
    }
    None
}

/// |d| for an interval of differences.
fn abs(d: &Interval) -> Interval {
    match (d.low, d.high) {
        (Some(l), _) if !l.is_sign_negative() => *d,
        (_, Some(h)) if h.is_sign_negative() => d.neg(),
        _ => *d,
    }
}

fn inconsistent(ctx: &Context, heading: &Mention, candidates: &[&Mention]) -> Finding {
    let quoted: Vec<String> = candidates
        .iter()
        .take(MAX_QUOTED)
        .map(|c| describe_with_interval(ctx, c.claim, &c.reading))
        .collect();
    let mut message = format!(
        "heading says {}; body says {}",
        describe_with_interval(ctx, heading.claim, &heading.reading),
        quoted.join(" and "),
    );
    if let Some(change) = candidates.iter().find_map(|c| change_note(ctx, c.claim)) {
        message.push_str(&format!("; the body mentions {change}"));
    }
    let severity = if candidates
        .iter()
        .any(|c| same_plain_phrase(ctx, heading.claim, c.claim))
    {
        Severity::Error
    } else {
        Severity::Warning
    };
    Finding {
        rule: "NUM-HEADLINE-BODY",
        severity,
        verdict: Verdict::Inconsistent,
        message,
        primary: heading.claim.span,
        related: candidates.iter().map(|c| body(c.claim.span)).collect(),
        computed: Some(point_of(&candidates[0].reading)),
    }
}

/// The same noun phrase, unhedged, in heading and body: the heading figure is plainly wrong.
fn same_plain_phrase(ctx: &Context, heading: &Claim, body: &Claim) -> bool {
    let phrase = |c: &Claim| {
        c.counted
            .and_then(|s| ctx.doc.text.get(s.start..s.end))
            .map(str::to_lowercase)
    };
    phrase(heading).is_some()
        && phrase(heading) == phrase(body)
        && !is_hedged(heading)
        && !is_hedged(body)
}

#[cfg(test)]
mod tests {
    use crate::report::{Finding, Severity, Verdict};
    use crate::rules::test_support::findings_of;

    fn run(text: &str) -> Vec<Finding> {
        findings_of("NUM-HEADLINE-BODY", text, None)
    }

    #[test]
    fn a_rounded_heading_figure_is_consistent() {
        let f = run("Nearly 300 Homes Lose Power\nWind brought down lines, and 287 homes lost power overnight.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].verdict, f[0].severity),
            (Verdict::Consistent, Severity::Note)
        );
    }

    #[test]
    fn the_heading_value_under_a_fuller_body_phrase_is_found() {
        let f = run("Plan Promises 3,400 Homes\nThe plan calls for 3,400 new homes by 2030. The largest site will take 1,100 homes.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].verdict, Verdict::Consistent, "{f:?}");
    }

    #[test]
    fn a_sum_of_two_body_counts_derives_the_heading() {
        let f = run("Nearly 700 Flights Cancelled in Storm\nThe airport cancelled 412 flights on Monday and 270 on Tuesday.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].verdict, Verdict::Consistent);
        assert!(f[0].message.contains("412 + 270 = 682"), "{}", f[0].message);
    }

    #[test]
    fn a_heading_without_a_matching_body_mention_is_silent() {
        assert!(
            run("Sport: 3,000 Runners Expected at Marathon\nThe quay opens in spring.\n")
                .is_empty()
        );
    }
}
