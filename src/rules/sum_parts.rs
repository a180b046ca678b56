//! NUM-SUM-PARTS (`rules.md` #4).

use super::parts::{self, Check, Sentence, TotalForm};
use crate::check::Context;
use crate::declare_rule;
use crate::report::{Finding, Severity};
use crate::rules::RuleCheck;
use crate::semantics::{Binding, Reading};

declare_rule! {
    /// ## What it checks
    /// Parts that do not add up to the total the sentence states: "14 homes destroyed and 23
    /// damaged, 37 in all"; "Of the 52 complaints, 30 …, 12 … and the remaining 7 …".
    ///
    /// ## Why it matters
    /// A breakdown that misses its total by a few is the commonest slip in casualty, vote
    /// and budget figures, and readers add the numbers up.
    ///
    /// ## Example
    /// "Of the 52 complaints, 30 concerned noise, 12 parking and the remaining 7 litter." →
    /// error: 30 + 12 + 7 is 49; the text says 52.
    ///
    /// ## Known limits
    /// Only one sentence is read. A total after its parts ("…, 37 in all") binds the
    /// coordinated numbers right before it, a total before a colon ("a total of 37 homes:
    /// 14 … and 23 …") those right after; any run of two or more of them next to the total
    /// that adds up counts as consistent. A whole that leads the sentence ("Of the 52 …") is an error
    /// only with an exhaustiveness marker ("the remaining", "the rest", "the other");
    /// without one, parts are reported (as a warning) only when they exceed the whole.
    /// "including", "such as", "among them" and bounds ("at least") make a list
    /// non-exhaustive; parts that count something other than the total are skipped.
    pub struct SumParts = ("NUM-SUM-PARTS", "parts do not add up to the stated total");
}

impl RuleCheck for SumParts {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            // A total with its parts, or a whole with its parts: two claims at least.
            if sentence.claims.len() < 2 {
                continue;
            }
            for (pos, &t) in sentence.claims.iter().enumerate() {
                if let Some(f) = total_after_parts(ctx, sentence, pos, t) {
                    out.push(f);
                }
            }
            for pw in parts::part_wholes(ctx, sentence) {
                if matches!(
                    pw.form,
                    parts::PartWholeForm::LeadOf | parts::PartWholeForm::OfWhom
                ) {
                    if let Some(f) = breakdown(ctx, sentence, pw.whole, pw.part) {
                        out.push(f);
                    }
                }
            }
        }
    }
}

/// The coordinated amounts right before a total, nearest first: "14 homes and 23 others,
/// 37 in all" → [23, 14].
fn coordinated_before(ctx: &Context, sentence: &Sentence, pos: usize, total: usize) -> Vec<usize> {
    let t = &ctx.claims[total];
    let mut list = Vec::new();
    let mut next = t;
    for &k in sentence.claims[..pos].iter().rev() {
        let c = &ctx.claims[k];
        if !parts::is_amount(c) || !parts::same_unit(c, t) {
            break;
        }
        let gap_text = parts::between(ctx, c.span, next.span);
        let gap = parts::words(gap_text);
        let joined = gap_text.contains(',')
            || gap_text.contains('—')
            || (!list.is_empty() && gap.iter().any(|w| w == "and"));
        if !joined
            || gap.len() > 8
            || gap_text.contains([';', ':'])
            || parts::has_non_exhaustive(&gap)
            || gap.iter().any(|w| w == "of" || w == "or")
        {
            break;
        }
        list.push(k);
        next = c;
        if list.len() == MAX_PARTS {
            break;
        }
    }
    list
}

/// A breakdown longer than this is a table, not a sentence; it also bounds the work.
const MAX_PARTS: usize = 12;

/// "…, 37 in all" or "a total of 37 homes: 14 … and 23 …": some run of the coordinated
/// amounts next to the total must add up to it.
fn total_after_parts(ctx: &Context, sentence: &Sentence, pos: usize, t: usize) -> Option<Finding> {
    let total = &ctx.claims[t];
    if !parts::is_amount(total) || total.kind == crate::model::Kind::Percent {
        return None;
    }
    let form = parts::total_form(ctx, sentence, total)?;
    let min_parts = if form == TotalForm::Running { 1 } else { 2 };
    let mut list = coordinated_before(ctx, sentence, pos, t);
    list.reverse();
    let mut before = true;
    if list.len() < min_parts && form == TotalForm::Sum {
        list = coordinated_after(ctx, sentence, pos, t);
        before = false;
    }
    if list.len() < min_parts
        || list
            .iter()
            .any(|&p| !parts::same_thing(ctx, &ctx.claims[p], total))
        || list.iter().any(|&p| ctx.claims[p].hedge.is_bound())
    {
        return None;
    }
    let total_reading = parts::read(ctx, total)?;
    let readings: Vec<(usize, Reading)> = list
        .iter()
        .map(|&p| parts::read(ctx, &ctx.claims[p]).map(|r| (p, r)))
        .collect::<Option<_>>()?;
    if form == TotalForm::Running {
        return check(ctx, t, &total_reading, &readings, Severity::Warning, true);
    }
    // Longest run first, growing away from the total: the first that fits is the breakdown
    // the writer meant.
    let mut first_try = None;
    for cut in 0..=readings.len() - 2 {
        let run = if before {
            &readings[cut..]
        } else {
            &readings[..readings.len() - cut]
        };
        let found = check(ctx, t, &total_reading, run, Severity::Error, false);
        let fits = found
            .as_ref()
            .is_none_or(|f| f.verdict != crate::report::Verdict::Inconsistent);
        if fits {
            return found;
        }
        first_try.get_or_insert(found);
    }
    first_try.flatten()
}

/// The coordinated amounts after a colon or dash that follows a total: "a total of 37
/// homes were damaged: 14 in Arden and 23 in Bexley" → [14, 23].
fn coordinated_after(ctx: &Context, sentence: &Sentence, pos: usize, total: usize) -> Vec<usize> {
    let t = &ctx.claims[total];
    let mut list = Vec::new();
    let mut prev = t;
    for &k in &sentence.claims[pos + 1..] {
        let c = &ctx.claims[k];
        if !parts::is_amount(c) || !parts::same_unit(c, t) {
            break;
        }
        let gap_text = parts::between(ctx, prev.span, c.span);
        let gap = parts::words(gap_text);
        let joined = if list.is_empty() {
            (gap_text.contains(':') || gap_text.contains('—')) && gap.len() <= 10
        } else {
            (gap_text.contains(',') || gap.iter().any(|w| w == "and")) && gap.len() <= 8
        };
        if !joined
            || gap_text.contains(';')
            || (!list.is_empty() && gap_text.contains(':'))
            || parts::has_non_exhaustive(&gap)
            || gap.iter().any(|w| w == "of" || w == "or")
        {
            break;
        }
        list.push(k);
        prev = c;
        if list.len() == MAX_PARTS {
            break;
        }
    }
    list
}

/// "Of the 52 complaints, 30 …, 12 … and the remaining 7 …": the parts after the whole.
fn breakdown(ctx: &Context, sentence: &Sentence, w: usize, first: usize) -> Option<Finding> {
    let whole = &ctx.claims[w];
    if !parts::is_countish(whole) && !parts::is_amount(whole) {
        return None;
    }
    let start = sentence.claims.iter().position(|&c| c == first)?;
    let mut list = Vec::new();
    let mut prev = whole;
    let mut exhaustive = false;
    for &k in &sentence.claims[start..] {
        let c = &ctx.claims[k];
        if !parts::is_amount(c) || !parts::same_unit(c, whole) {
            break;
        }
        let gap = parts::words(parts::between(ctx, prev.span, c.span));
        if parts::has_non_exhaustive(&gap) || (!list.is_empty() && gap.iter().any(|w| w == "of")) {
            return None;
        }
        if !parts::same_thing(ctx, c, whole) {
            return None;
        }
        exhaustive = parts::has_exhaustive(&gap);
        list.push(k);
        prev = c;
        if list.len() > MAX_PARTS {
            return None;
        }
    }
    if list.len() < 2 {
        return None;
    }
    let rest = parts::words(parts::after_in_sentence(ctx, sentence.span, prev));
    if parts::has_non_exhaustive(&rest) {
        return None;
    }
    // A bound on a part ("at least 20") leaves room for overlap: no sum to check.
    if list.iter().any(|&p| ctx.claims[p].hedge.is_bound()) {
        return None;
    }
    let whole_reading = parts::read(ctx, whole)?;
    let readings: Vec<(usize, Reading)> = list
        .iter()
        .map(|&p| parts::read(ctx, &ctx.claims[p]).map(|r| (p, r)))
        .collect::<Option<_>>()?;
    let default = if exhaustive {
        Severity::Error
    } else {
        Severity::Warning
    };
    check(ctx, w, &whole_reading, &readings, default, !exhaustive)
}

fn check(
    ctx: &Context,
    total: usize,
    total_reading: &Reading,
    parts_read: &[(usize, Reading)],
    default: Severity,
    excess_only: bool,
) -> Option<Finding> {
    let mut readings: Vec<Reading> = parts_read.iter().map(|(_, r)| r.clone()).collect();
    let mut total_reading = total_reading.clone();
    let mut all: Vec<&mut Reading> = readings.iter_mut().collect();
    all.push(&mut total_reading);
    parts::exact_if_plain_counts(&mut all);
    let computation = parts::sum(&readings)?;
    let t = &ctx.claims[total];
    let binding = if parts_read
        .iter()
        .all(|(p, _)| parts::binding(ctx, &ctx.claims[*p], t) == Binding::OneClause)
    {
        Binding::OneClause
    } else {
        Binding::CrossClause
    };
    let operation = parts_read
        .iter()
        .map(|(p, _)| ctx.text(ctx.claims[*p].span))
        .collect::<Vec<_>>()
        .join(" + ");
    parts::finish(
        ctx,
        Check {
            rule: "NUM-SUM-PARTS",
            default,
            binding,
            checked: (total, &total_reading),
            inputs: parts_read.iter().map(|(p, _)| (*p, "part")).collect(),
            computation,
            operation,
            cap: Some(default),
            excess_only,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Verdict;
    use crate::rules::parts::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&SumParts, text, false)
    }

    #[test]
    fn exhaustive_breakdown_that_misses_is_an_error() {
        let f =
            run("Of the 52 complaints, 30 concerned noise, 12 parking and the remaining 7 litter.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].message,
            "30 + 12 + 7 is 49; the text says 52: inconsistent"
        );
        assert_eq!(f[0].related.len(), 3);
        assert!(f[0].related.iter().all(|r| r.label == "part"));
    }

    #[test]
    fn a_stated_total_binds_the_list_before_it() {
        assert!(run("The storm destroyed 14 homes and damaged 23 others, 37 in all.").is_empty());
        let f = run("Troops killed three fighters, captured four, eight in all.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        // A run of the list that adds up is enough.
        assert!(run("The 3 shelters took in 14 dogs and 23 cats, 37 in all.").is_empty());
    }

    #[test]
    fn a_total_may_lead_its_breakdown() {
        assert!(run("A total of 37 homes were damaged: 14 in Arden and 23 in Bexley.").is_empty());
        let f = run("In all, 37 homes were damaged: 14 in Arden and 24 in Bexley.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "14 + 24 is 38; the text says 37: inconsistent"
        );
        assert!(run("A total of 37 homes were damaged, 14 of them in Arden.").is_empty());
    }

    #[test]
    fn no_total_no_finding() {
        assert!(run("Troops killed three fighters, capturing four, near the border.").is_empty());
        assert!(
            run("Of the 52 complaints, 30 concerned noise, including 12 about parties.").is_empty()
        );
        assert!(run("Of the 40 staff, 25 are women and at least 20 have degrees.").is_empty());
    }

    #[test]
    fn without_a_marker_only_an_excess_is_reported_as_a_warning() {
        assert!(run("Of the 30 vans, 17 run on diesel and 11 are electric.").is_empty());
        let f = run("Of the 25 vans, 17 run on diesel and 11 are electric.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn consistent_sums_show_only_when_asked() {
        let f = run_rule(&SumParts, "It hit 14 homes and 23 barns, 37 in all.", true);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].verdict, Verdict::Consistent);
        assert_eq!(f[0].severity, Severity::Note);
    }
}
