//! NUM-ELAPSED-YEARS (`rules.md` #10).

mod later;
mod since;

use crate::analysis::timeline::{
    by_sentence, clause_text, computed_range, related, same_clause, sentence_around, speaks_of_now,
    words_before, year_of,
};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Role, Severity, Verdict};
use crate::model::{Claim, Direction, Hedge, Kind, Quantity, Span, TimeUnit};
use crate::rules::RuleCheck;
use crate::semantics::format::verdict_words;
use crate::text::normalize;
use rust_decimal::prelude::ToPrimitive;

declare_rule! {
    /// ## What it checks
    /// "N years after the sinking", "N years ago, in 1994" and "the Nth anniversary of the
    /// 2000 collapse" against the years the text gives for the two events: N must be the
    /// difference of the years, give or take one (exact for anniversaries). Also counts of
    /// years since a start written in the sentence ("opened in 1932", "founded in 1998",
    /// "first elected in 2009", "since 1992") up to the article's days: "marks its 93rd
    /// anniversary", "celebrating 26 years", "after 15 years in office", "has remained
    /// unchanged for nearly four decades", "ending a 33-year wait"; ordinals are counts here,
    /// and "nearly"/"more than" widen the allowed span on their side only. Count words
    /// read the same way: "celebrates its centenary" (exact), "for half a century",
    /// "a quarter-century in business". And "N years later, in YEAR" / "N years on, in
    /// YEAR" against the year counted from (the offset's anchor, or the paragraph's nearest
    /// earlier year that is not a limit such as "since 2001"). And "N years since …
    /// YEAR" ("It is 29 years since the tannery shut in 1996"), to the one other year of
    /// its clause or to the article's days. A "N years later" in a sentence of the present
    /// with no year of its own ("Thirty-one years later, the quay is being turned into
    /// flats") runs from its anchor's year to the article's days.
    ///
    /// ## Why it matters
    /// Elapsed times are computed once and then carried into later stories; a year off is
    /// common, ten years off is a typo a reader can check.
    ///
    /// ## Example
    /// "The bell of the trawler Aldora, which sank off Cape Dorran in March 1986, returned to
    /// the harbour museum on Saturday, 41 years after the sinking." (2025-09-20) → warning:
    /// 39 years.
    /// "The mill, built in 1912, reopened 30 years after it closed." → no finding (1912 is
    /// not the closing).
    ///
    /// ## Known limits
    /// The start year is bound only when it is the object of the same event: a verb sharing
    /// the stem of the event after "after" ("sank … in 1986 … after the sinking"). The later
    /// event's year comes from its clause; otherwise the reference date is used only when the
    /// clause dates it to the article's days ("on Saturday"). Durations ("after 13 years of
    /// conflict") and hedged offsets are not checked. A count since a start is read only when
    /// the start is the sentence's one year and the count's clause is present or perfect
    /// ("is", "has", "marks", "now") or the sentence dates it to the article's days; "will",
    /// "had", "next" or "before" in its clause, or a start in another sentence, and it is not.
    /// "for N years" counts the started thing's years only after a word of lasting ("has
    /// remained unchanged for"): "has been run by the family for 40 years" is another span.
    pub struct ElapsedYears = ("NUM-ELAPSED-YEARS", "years after/ago and anniversaries vs the years");
}

/// Nouns (or verbs) after "after" whose event verb is irregular.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("sinking", &["sank", "sunk", "sink"]),
    ("death", &["died", "dies", "killed"]),
    ("fall", &["fell", "fallen"]),
    ("rising", &["rose", "risen"]),
    ("uprising", &["rose"]),
    ("birth", &["born"]),
    ("loss", &["lost"]),
    ("win", &["won"]),
    ("victory", &["won"]),
    ("sale", &["sold"]),
    ("theft", &["stole", "stolen"]),
    ("flight", &["flew", "flown"]),
    ("building", &["built"]),
    ("construction", &["built", "constructed"]),
];

/// Words skipped between "after" and the event word.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "it", "he", "she", "they", "was", "were",
    "had", "been", "first",
];

/// A rough stem: "closing", "closure", "closed" → "clos"; "collapse", "collapsed" →
/// "collaps"; "eruption", "erupted" → "erupt".
fn stem(word: &str) -> &str {
    for suffix in [
        "ation", "ition", "ings", "ing", "ure", "ion", "ed", "es", "e", "s", "d",
    ] {
        if let Some(s) = word.strip_suffix(suffix) {
            if s.len() >= 3 {
                return s;
            }
        }
    }
    word
}

/// Whether `verb` names the event `event` names ("sank" / "sinking", "closed" / "closure").
fn same_event(event: &str, verb: &str) -> bool {
    if IRREGULAR
        .iter()
        .any(|(noun, verbs)| *noun == event && verbs.contains(&verb))
    {
        return true;
    }
    let (a, b) = (stem(event), stem(verb));
    a.len() >= 4 && a == b
}

/// The event word after "after"/"before": "the sinking" → "sinking", "it closed" → "closed".
fn event_word(after: &str) -> Option<String> {
    after
        .split_whitespace()
        .take(4)
        .map(normalize)
        .find(|w| !DETERMINERS.contains(&w.as_str()))
        .filter(|w| w.chars().all(char::is_alphabetic))
}

/// The amount of a whole-year offset ("41 years after", "30 years ago"), unhedged.
fn years_offset(claim: &Claim) -> Option<(i64, Direction, bool)> {
    let Quantity::Relative {
        amount,
        unit,
        direction,
        anchored_to_phrase,
        ..
    } = &claim.quantity
    else {
        return None;
    };
    if *unit != TimeUnit::Year || claim.hedge != Hedge::None || amount.decimals != 0 {
        return None;
    }
    Some((amount.value.to_i64()?, *direction, *anchored_to_phrase))
}

/// The year of the later (or, for "ago", the only) event: the one other year in the claim's
/// clause, or the reference date's when the clause speaks of the article's days.
fn year_of_clause<'a>(
    ctx: &Context,
    claim: &Claim,
    years: &[(&'a Claim, i32)],
    exclude: Option<&Claim>,
) -> Option<(i32, Option<&'a Claim>)> {
    let in_clause: Vec<_> = years
        .iter()
        .filter(|(c, _)| exclude.is_none_or(|e| !std::ptr::eq(*c, e)))
        .filter(|(c, _)| same_clause(ctx, c, claim))
        .collect();
    match in_clause[..] {
        [(c, y)] => Some((*y, Some(*c))),
        [] if speaks_of_now(clause_text(ctx, claim)) => ctx
            .settings
            .reference_date
            .map(|d| (i32::from(d.year()), None)),
        _ => None,
    }
}

pub(super) struct Check<'a> {
    /// Where the count is written (a claim's span, or a word's: "centenary").
    stated: Span,
    amount: i64,
    start: (i32, &'a Claim),
    end: (i32, Option<&'a Claim>),
    /// How far the true span may lie below and above the stated amount: (0, 0) for
    /// anniversaries, (1, 1) for years without full dates, more for "nearly N".
    slack: (i64, i64),
}

const EXACT: (i64, i64) = (0, 0);
const WHOLE_YEARS: (i64, i64) = (1, 1);

pub(super) fn report(ctx: &Context, c: Check, out: &mut Vec<Finding>) {
    let span = i64::from(c.end.0) - i64::from(c.start.0);
    let (below, above) = c.slack;
    let fits = c.amount.saturating_sub(below) <= span && span <= c.amount.saturating_add(above);
    let slack = i64::from(c.slack != EXACT);
    let verdict = if fits {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent
    };
    let severity = if fits {
        if !ctx.settings.show_consistent {
            return;
        }
        Severity::Note
    } else {
        Severity::Warning
    };
    let end_label = if c.end.1.is_some() {
        ""
    } else {
        " (reference date)"
    };
    let range = if c.slack == EXACT {
        String::new()
    } else if c.slack == WHOLE_YEARS {
        format!(" ({}–{} without full dates)", span - 1, span + 1)
    } else {
        let high = if above > 1_000 {
            String::from(" or more")
        } else {
            format!("–{}", c.amount.saturating_add(above))
        };
        format!(
            " (the text's wording allows {}{high})",
            c.amount.saturating_sub(below)
        )
    };
    let message = format!(
        "{} to {}{end_label} is {span} years{range}; the text says {}: {}",
        c.start.0,
        c.end.0,
        ctx.text(c.stated),
        verdict_words(verdict)
    );
    let mut rel = vec![related(c.start.1, Role::Event)];
    rel.extend(c.end.1.map(|e| related(e, Role::Date)));
    out.push(Finding {
        rule: ElapsedYears::ID,
        severity,
        verdict,
        message,
        primary: c.stated,
        related: rel,
        computed: Some(computed_range(span - slack, span + slack, span)),
    });
}

/// Up to six words before a year, back to the claim before it: "which flooded in 1961,
/// reopened in 1999" gives 1999 the words "reopened in", not "flooded".
pub(super) fn verb_words(ctx: &Context, year: &Claim, claims: &[&Claim]) -> Vec<String> {
    let floor = claims
        .iter()
        .map(|c| c.span.end)
        .filter(|&end| end <= year.span.start)
        .max();
    let words = words_before(ctx, year, 6);
    let Some(floor) = floor else {
        return words;
    };
    let gap = ctx.doc.text.get(floor..year.span.start).unwrap_or("");
    let n = gap.split_whitespace().count();
    words.into_iter().take(n).collect()
}

/// "41 years after the sinking": the start year is the one whose clause names the event.
fn after_event<'a>(
    ctx: &Context,
    claims: &[&'a Claim],
    claim: &'a Claim,
    amount: i64,
    direction: Direction,
    years: &[(&'a Claim, i32)],
) -> Option<Check<'a>> {
    let (_, after) = sentence_around(ctx, claim);
    let event = event_word(after)?;
    let named: Vec<&(&Claim, i32)> = years
        .iter()
        .filter(|(c, _)| {
            verb_words(ctx, c, claims)
                .iter()
                .any(|w| same_event(&event, w))
        })
        .collect();
    let [&(start_claim, start)] = named[..] else {
        return None;
    };
    let (end, end_claim) = year_of_clause(ctx, claim, years, Some(start_claim))?;
    // "two years before the crash": the dated event is the later one.
    let (start, end) = match direction {
        Direction::After => ((start, start_claim), (end, end_claim)),
        Direction::Before => {
            let end_claim = end_claim?;
            ((end, end_claim), (start, Some(start_claim)))
        }
    };
    Some(Check {
        stated: claim.span,
        amount,
        start,
        end,
        slack: WHOLE_YEARS,
    })
}

/// "30 years ago, in 1994": the year must stand right beside the offset.
fn ago<'a>(
    ctx: &Context,
    claim: &'a Claim,
    amount: i64,
    years: &[(&'a Claim, i32)],
) -> Option<Check<'a>> {
    let text = ctx.doc.text.as_str();
    if !ctx.text(claim.span).to_lowercase().ends_with("ago") {
        return None;
    }
    let reference = i32::from(ctx.settings.reference_date?.year());
    let beside = years.iter().find(|(c, _)| {
        let gap = if c.span.start >= claim.span.end {
            text.get(claim.span.end..c.span.start)
        } else if c.span.end <= claim.span.start {
            text.get(c.span.end..claim.span.start)
        } else {
            None
        };
        gap.is_some_and(|g| matches!(g.trim(), "" | "," | ", in" | "in" | "(in" | "("))
    })?;
    Some(Check {
        stated: claim.span,
        amount,
        start: (beside.1, beside.0),
        end: (reference, None),
        slack: WHOLE_YEARS,
    })
}

/// "the 25th anniversary of the 2000 collapse".
fn anniversary<'a>(
    ctx: &Context,
    claim: &'a Claim,
    years: &[(&'a Claim, i32)],
) -> Option<Check<'a>> {
    if claim.kind != Kind::Ordinal {
        return None;
    }
    let Quantity::Point(n) = &claim.quantity else {
        return None;
    };
    let amount = n.value.to_i64()?;
    let (_, after) = sentence_around(ctx, claim);
    let lower = after.to_lowercase();
    let rest = lower.strip_prefix(" anniversary of ")?;
    let rest = ["the ", "its ", "their ", "his ", "her "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .unwrap_or(rest);
    let at = claim.span.end + (after.len() - rest.len());
    let &(start_claim, start) = years.iter().find(|(c, _)| c.span.start == at)?;
    let before = sentence_around(ctx, claim).0.to_lowercase();
    if ["next", "last", "will", "would", "previous"]
        .iter()
        .any(|w| before.split_whitespace().any(|x| x == *w))
    {
        return None;
    }
    let others: Vec<_> = years
        .iter()
        .filter(|(c, _)| !std::ptr::eq(*c, start_claim))
        .copied()
        .collect();
    let end = match others[..] {
        [(c, y)] if same_clause(ctx, c, claim) => (y, Some(c)),
        [] => (i32::from(ctx.settings.reference_date?.year()), None),
        _ => return None,
    };
    Some(Check {
        stated: claim.span,
        amount,
        start: (start, start_claim),
        end,
        slack: EXACT,
    })
}

impl RuleCheck for ElapsedYears {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claims in by_sentence(ctx) {
            let years: Vec<(&Claim, i32)> = claims
                .iter()
                .filter_map(|c| year_of(c).map(|y| (*c, y)))
                .collect();
            if years.is_empty() {
                continue;
            }
            for &claim in &claims {
                let check = match years_offset(claim) {
                    Some((n, d, true)) => after_event(ctx, &claims, claim, n, d, &years),
                    Some((n, Direction::Before, false)) => ago(ctx, claim, n, &years),
                    Some(_) => None,
                    None => anniversary(ctx, claim, &years),
                }
                .or_else(|| since::years_since(ctx, claim, &years))
                .or_else(|| since::since_start(ctx, &claims, claim, &years));
                if let Some(check) = check {
                    report(ctx, check, out);
                }
            }
            for check in since::word_counts(ctx, &claims, &years) {
                report(ctx, check, out);
            }
        }
        for check in later::later_in_year(ctx) {
            report(ctx, check, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Severity, Verdict};
    use crate::rules::test_support::findings_of;

    fn findings(text: &str, date: Option<&str>) -> Vec<(Severity, Verdict)> {
        findings_of("NUM-ELAPSED-YEARS", text, date)
            .into_iter()
            .map(|f| (f.severity, f.verdict))
            .collect()
    }

    #[test]
    fn years_after_a_named_event() {
        let text = "The Aldora, which sank in March 1986, was raised on Saturday, 41 years after the sinking.";
        assert_eq!(
            findings(text, Some("2025-09-20")),
            [(Severity::Warning, Verdict::Inconsistent)]
        );
        assert!(findings(text, None).is_empty());
        let text = "The pier, which closed in 1975, reopened in 2005, 30 years after the closure.";
        assert_eq!(
            findings(text, None),
            [(Severity::Note, Verdict::Consistent)]
        );
    }

    #[test]
    fn a_year_of_another_event_is_not_bound() {
        let text = "The mill, built in 1912, reopened 30 years after it closed.";
        assert!(findings(text, Some("2025-09-20")).is_empty());
        let text = "After 13 years of conflict, the valleys signed a treaty in 2024.";
        assert!(findings(text, Some("2025-09-20")).is_empty());
    }

    #[test]
    fn anniversaries_are_exact() {
        let text = "Sunday's service marked the 25th anniversary of the 2000 collapse.";
        assert_eq!(
            findings(text, Some("2025-09-20")),
            [(Severity::Note, Verdict::Consistent)]
        );
        let text = "Sunday's service marked the 24th anniversary of the 2000 collapse.";
        assert_eq!(
            findings(text, Some("2025-09-20")),
            [(Severity::Warning, Verdict::Inconsistent)]
        );
        let text = "Next year will bring the 30th anniversary of the 2000 collapse.";
        assert!(findings(text, Some("2025-09-20")).is_empty());
    }

    #[test]
    fn events_match_by_stem_or_irregular_verb() {
        assert!(same_event("sinking", "sank"));
        assert!(same_event("closure", "closed"));
        assert!(same_event("closing", "closed"));
        assert!(same_event("collapse", "collapsed"));
        assert!(same_event("eruption", "erupted"));
        assert!(!same_event("closed", "built"));
        assert!(!same_event("sinking", "built"));
        // Short stems say too little: "use" and "used" are not an event pair.
        assert!(!same_event("use", "used"));
    }

    #[test]
    fn event_word_skips_determiners_and_pronouns() {
        assert_eq!(event_word(" the sinking.").as_deref(), Some("sinking"));
        assert_eq!(event_word(" it closed.").as_deref(), Some("closed"));
        assert_eq!(event_word(" its 1986 sale"), None);
        assert_eq!(event_word(""), None);
    }
}
