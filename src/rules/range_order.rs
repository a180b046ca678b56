//! NUM-RANGE-ORDER (`rules.md` #16).

use crate::check::Context;
use crate::declare_rule;
use crate::model::{Claim, Numeral, Quantity};
use crate::report::{Finding, Severity, Verdict};
use crate::rules::RuleCheck;
use crate::semantics::format::number;
use crate::semantics::Interval;

declare_rule! {
    /// ## What it checks
    /// A range of a non-negative quantity written high-to-low: "between 800 and 450",
    /// "from 30 to 12 percent", "90–60 tonnes".
    ///
    /// ## Why it matters
    /// An inverted range is almost always a typo in one end, and a reader cannot tell which.
    /// Other rules read the range as [low, high]; only this rule sees the written order.
    ///
    /// ## Example
    /// "Officials expect between 800 and 450 evacuees." → error: read as 450–800.
    /// "between 1,500 and 3,000 fighters" → no finding.
    ///
    /// ## Known limits
    /// Negative ranges ("−3 to −9 degrees") are normal order and never flagged. Scores and
    /// votes ("won 3–1", "a 5–4 vote", "voted 7 to 2") are not ranges; a pair next to a score
    /// word is skipped in case the grammar read one as a range, and so is a bare pair of
    /// small integers joined by a dash ("beating Millbrook 2-1"). So is a pair after a change
    /// word ("fell from 30 to 12", "a cut in staff from 40 to 25"): that is a change, and an
    /// inverted range right after one is missed rather than risk a false alarm.
    pub struct RangeOrder = ("NUM-RANGE-ORDER", "range written high-to-low");
}

/// Words that make a pair of numbers a score, tally or ratio rather than a range.
const SCORE_WORDS: &[&str] = &[
    "vote", "votes", "voted", "tally", "margin", "ratio", "odds", "win", "won", "victory", "loss",
    "lost", "defeat", "defeated", "beat", "decision", "ruling", "lead", "led", "score", "scored",
    "final", "record", "trailed",
];

/// Words that make "from A to B" a change, not a range (`semantics.md` §5): "fell from 30 to
/// 12" is a decrease for the change rules, never an inverted range.
#[rustfmt::skip]
const CHANGE_WORDS: &[&str] = &[
    "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "declined", "decline",
    "declines", "decreased", "decrease", "cut", "cuts", "reduced", "reduce", "reduction", "slid",
    "slipped", "plunged", "plummeted", "shrank", "shrunk", "sank", "eased", "tumbled", "lowered",
    "down", "dipped", "rose", "rise", "rises", "increased", "increase", "grew", "grow", "climbed",
    "jumped", "soared", "up", "raised", "went", "changed", "moved", "shifted", "narrowed",
    "widened", "trimmed", "slashed", "halved", "revised", "downgraded", "upgraded",
];

fn normalize(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Up to `n` words before the claim, nearest first.
fn words_before(ctx: &Context, claim: &Claim, n: usize) -> Vec<String> {
    let before = ctx.doc.text.get(..claim.span.start).unwrap_or("");
    before
        .split_whitespace()
        .rev()
        .take(n)
        .map(normalize)
        .collect()
}

/// A score word among the two words before the claim or the word after it.
fn next_to_score_word(ctx: &Context, claim: &Claim) -> bool {
    let after = ctx.doc.text.get(claim.span.end..).unwrap_or("");
    words_before(ctx, claim, 2)
        .into_iter()
        .chain(after.split_whitespace().take(1).map(normalize))
        .any(|w| SCORE_WORDS.contains(&w.as_str()))
}

/// A change word earlier in the claim's clause ("cut its deposit rate by 35 basis points,
/// from 4.10% to 3.75%"), or among the five words before it when no clause is known.
fn governed_by_change(ctx: &Context, claim: &Claim) -> bool {
    let clause_start = ctx
        .segments
        .clause_of(claim.span.start)
        .map(|(_, span)| span.start);
    let words: Vec<String> = match clause_start {
        Some(start) => ctx
            .doc
            .text
            .get(start..claim.span.start)
            .unwrap_or("")
            .split_whitespace()
            .map(normalize)
            .collect(),
        None => words_before(ctx, claim, 5),
    };
    words.iter().any(|w| CHANGE_WORDS.contains(&w.as_str()))
}

/// "2-1", "5–4": two bare integers below 100 joined by a dash, high first, with no unit, are
/// how news writes scores, tallies and votes, whatever words stand around them.
pub(crate) fn reads_as_score(
    ctx: &Context,
    claim: &Claim,
    first: &Numeral,
    second: &Numeral,
) -> bool {
    let text = ctx.text(claim.span);
    let dash_joined = !text.contains(char::is_whitespace) && text.contains(['-', '–', '—']);
    let small = |n: &Numeral| n.decimals == 0 && n.value < rust_decimal::Decimal::ONE_HUNDRED;
    dash_joined && claim.unit.is_none() && small(first) && small(second)
}

/// An inverted range: both ends non-negative and the first above the second.
fn inverted(first: &Numeral, second: &Numeral) -> bool {
    !first.value.is_sign_negative()
        && !second.value.is_sign_negative()
        && first.value > second.value
}

impl RuleCheck for RangeOrder {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claim in ctx.claims {
            let Quantity::Range { first, second } = &claim.quantity else {
                continue;
            };
            if claim.flags.malformed
                || claim.kind.is_temporal_or_ordinal()
                || !inverted(first, second)
            {
                continue;
            }
            if next_to_score_word(ctx, claim)
                || governed_by_change(ctx, claim)
                || reads_as_score(ctx, claim, first, second)
            {
                continue;
            }
            let decimals = first.decimals.max(second.decimals);
            let read_as = Interval::closed(second.value, first.value);
            out.push(Finding {
                rule: "NUM-RANGE-ORDER",
                severity: Severity::Error,
                verdict: Verdict::Inconsistent,
                message: format!(
                    "range written high-to-low: {} comes before {}; read as {}, or check which end is wrong",
                    number(first.value, decimals),
                    number(second.value, decimals),
                    crate::semantics::format::interval(&read_as, decimals),
                ),
                primary: claim.span,
                related: Vec::new(),
                computed: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Settings;
    use crate::model::{Kind, Span};
    use crate::rules::Rule;
    use crate::source::{Document, Format};

    fn range_claim(text: &str, literal: &str, first: i64, second: i64) -> Claim {
        let start = text.find(literal).expect("literal in text");
        let q = Quantity::Range {
            first: Numeral::integer(first),
            second: Numeral::integer(second),
        };
        Claim::new(Span::new(start, start + literal.len()), Kind::Count, q)
    }

    fn run(text: &str, claims: Vec<Claim>) -> Vec<Finding> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let settings = Settings::default();
        let segments = crate::extract::segment::Segments::new(&doc);
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        let mut out = Vec::new();
        RangeOrder.check(&ctx, &mut out);
        out
    }

    #[test]
    fn flags_a_range_written_high_to_low() {
        let text = "Officials expect between 800 and 450 evacuees.";
        let findings = run(
            text,
            vec![range_claim(text, "between 800 and 450", 800, 450)],
        );
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.rule, "NUM-RANGE-ORDER");
        assert_eq!(f.primary.text(text), "between 800 and 450");
        assert_eq!(
            f.message,
            "range written high-to-low: 800 comes before 450; read as 450–800, or check which end is wrong"
        );
    }

    #[test]
    fn ordered_and_negative_ranges_are_silent() {
        let text = "Estimates put the crew at between 1,500 and 3,000 workers.";
        assert!(run(
            text,
            vec![range_claim(text, "between 1,500 and 3,000", 1500, 3000)]
        )
        .is_empty());
        let text = "Lows will range from -3 to -9 degrees overnight.";
        let mut c = range_claim(text, "from -3 to -9 degrees", -3, -9);
        c.kind = Kind::Measure;
        assert!(run(text, vec![c]).is_empty());
    }

    #[test]
    fn dash_pairs_beside_a_score_word_are_skipped() {
        let text = "The board passed it in a 5–4 vote.";
        assert!(run(text, vec![range_claim(text, "5–4", 5, 4)]).is_empty());
        let text = "The council voted 7 to 2 on Tuesday.";
        assert!(run(text, vec![range_claim(text, "7 to 2", 7, 2)]).is_empty());
        let text = "It passed by a vote of 7 to 2.";
        assert!(run(text, vec![range_claim(text, "7 to 2", 7, 2)]).is_empty());
        let text = "Rents were 900–600 pounds a month.";
        assert_eq!(
            run(text, vec![range_claim(text, "900–600", 900, 600)]).len(),
            1
        );
    }

    #[test]
    fn small_bare_dash_pairs_read_as_scores() {
        let text = "Harwick beat the visitors 2-1 after extra time.";
        assert!(run(text, vec![range_claim(text, "2-1", 2, 1)]).is_empty());
        let text = "Officials expect between 80 and 45 evacuees.";
        assert_eq!(
            run(text, vec![range_claim(text, "between 80 and 45", 80, 45)]).len(),
            1
        );
    }

    #[test]
    fn from_to_later_in_a_change_clause_is_a_change() {
        let text = "The bank cut its deposit rate by 35 basis points, from 4.10% to 3.75%.";
        assert!(run(
            text,
            vec![range_claim(text, "from 4.10% to 3.75%", 410, 375)]
        )
        .is_empty());
    }

    #[test]
    fn from_to_after_a_change_word_is_a_change() {
        let text = "Bus fares fell from 30 to 12 cents on the night routes.";
        assert!(run(text, vec![range_claim(text, "from 30 to 12", 30, 12)]).is_empty());
        let text = "The plant made a cut in staff from 40 to 25.";
        assert!(run(text, vec![range_claim(text, "40 to 25", 40, 25)]).is_empty());
        let text = "Guides expect from 40 to 25 hikers a day.";
        assert_eq!(
            run(text, vec![range_claim(text, "from 40 to 25", 40, 25)]).len(),
            1
        );
    }

    #[test]
    fn malformed_literals_are_left_to_num_malformed() {
        let text = "Officials expect between 800 and 450 evacuees.";
        let mut c = range_claim(text, "between 800 and 450", 800, 450);
        c.flags.malformed = true;
        assert!(run(text, vec![c]).is_empty());
    }
}
