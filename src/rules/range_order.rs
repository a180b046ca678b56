//! NUM-RANGE-ORDER (`rules.md` #16).

use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Severity, Verdict};
use crate::grammar::lex::{self, ChangeReading};
use crate::model::{Claim, Kind, Numeral, Quantity};
use crate::rules::RuleCheck;
use crate::semantics::format::number;
use crate::semantics::Interval;
use crate::text::normalize;

declare_rule! {
    /// ## What it checks
    /// A range of a non-negative quantity written high-to-low: "between 800 and 450",
    /// "90–60 tonnes", "expect from 40 to 25 hikers".
    ///
    /// ## Why it matters
    /// An inverted range is almost always a typo in one end, and a reader cannot tell which.
    /// Other rules read the range as [low, high]; only this rule sees the written order.
    ///
    /// ## What counts as a range
    /// A range construction: "between A and B", or "A–B" / "A to B" / "from A to B" governing
    /// one unit or noun. "between A and B" and a dashed span with its unit or noun are errors;
    /// "A to B" and "from A to B" are warnings, since "to" has other work to do.
    ///
    /// ## Example
    /// "Officials expect between 800 and 450 evacuees." → error: read as 450–800.
    /// "Guides expect from 40 to 25 hikers a day." → warning.
    /// "between 1,500 and 3,000 fighters" → no finding.
    ///
    /// ## Known limits
    /// Negative ranges ("−3 to −9 degrees") are normal order and never flagged. Pairs that are
    /// not ranges are skipped, and an inverted range among them is missed rather than risk a
    /// false alarm:
    /// - scores, votes and tallies: "won 3–1", "a 5–4 vote", "passed it 61-39", "voted 7 to
    ///   2", "rallied from 3-1 down" (a score word nearby, a bare dashed pair with no unit or
    ///   noun, or a bare "A to B");
    /// - comparisons and margins: "leads 48% to 41%", "outraised him $12,000 to $3,500" (a
    ///   comparing verb in the clause, or "A to B" with each end written in full);
    /// - ratios: "3 to 1", "nine to one";
    /// - changes and thresholds: "fell from 30 to 12", "cut the limit from 30 to 20 mph",
    ///   "lower the age limit from 21 to 18" (a change word or threshold noun in the clause);
    /// - an amount and its recipients: "paid $2 million to 450 families".
    pub struct RangeOrder = ("NUM-RANGE-ORDER", "range written high-to-low");
}

/// Words that make a pair of numbers a score, tally, margin or ratio rather than a range.
#[rustfmt::skip]
const SCORE_WORDS: &[&str] = &[
    "vote", "votes", "voted", "tally", "margin", "ratio", "odds", "win", "won", "victory", "loss",
    "lost", "defeat", "defeated", "beat", "decision", "ruling", "lead", "leads", "led", "score",
    "scored", "final", "record", "trailed", "gap", "difference", "split",
];

/// Nouns naming a setting or threshold: "from A to B" after one is the setting moved ("the age
/// limit from 21 to 18"), whatever verb the sentence uses.
#[rustfmt::skip]
const THRESHOLD_NOUNS: &[&str] = &[
    "limit", "limits", "threshold", "thresholds", "cap", "caps", "ceiling", "floor", "minimum",
    "maximum", "age", "rate", "rates", "target", "targets", "quota", "allowance", "deadline",
    "requirement", "requirements", "standard", "level", "levels", "fee", "fees", "fare",
    "fares", "price", "prices", "tax", "toll", "charge", "wage", "salary", "speed", "size",
];

/// Verbs that set two figures against each other ("leads 48% to 41%", "backed it 55% to
/// 38%"): the pair after them is a comparison or a tally.
#[rustfmt::skip]
const COMPARING_WORDS: &[&str] = &[
    "lead", "leads", "led", "leading", "trail", "trails", "trailed", "trailing", "beat",
    "beats", "beating", "defeated", "edged", "passed", "pass", "passes", "cleared", "approved",
    "rejected", "backed", "back", "backs", "favour", "favours", "favoured", "favor", "favors",
    "favored", "prefer", "prefers", "preferred", "split", "voted", "vote", "won", "lost",
    "against", "versus", "vs",
];

/// Words starting with "out" that are no comparing verb.
#[rustfmt::skip]
const OUT_WORDS: &[&str] = &[
    "outside", "outlook", "output", "outputs", "outbreak", "outbreaks", "outcome", "outcomes",
    "outstanding", "outlet", "outlets", "outreach", "outline", "outlined", "outdoor",
    "outdoors", "outer", "outright", "outgoing", "outfit", "outage", "outages", "outpatient",
    "outpatients", "outset", "outskirts", "outpost", "outward",
];

/// A verb of the "outraised", "outspent", "outnumbered", "outpolled" family.
fn is_out_verb(word: &str) -> bool {
    word.len() >= 6 && word.starts_with("out") && !OUT_WORDS.contains(&word)
}

/// Words right after a pair that make it a tally or a poll: "48,213 to 39,870 for Lund",
/// "48% to 41% among likely voters".
const TALLY_AFTER: &[&str] = &["for", "against", "among"];

/// How the range is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Construction {
    Between,
    FromTo,
    To,
    Dash,
}

fn construction(text: &str) -> Construction {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.contains(&"between") {
        Construction::Between
    } else if words.contains(&"from") {
        Construction::FromTo
    } else if words
        .iter()
        .any(|w| matches!(*w, "to" | "through" | "thru"))
    {
        Construction::To
    } else {
        Construction::Dash
    }
}

/// Up to `n` words before the claim, nearest first.
fn words_before(ctx: &Context, claim: &Claim, n: usize) -> Vec<String> {
    crate::text::last_words(ctx.doc.text.get(..claim.span.start).unwrap_or(""), n)
}

/// The first word after the claim.
fn word_after(ctx: &Context, claim: &Claim) -> Option<String> {
    let after = ctx.doc.text.get(claim.span.end..).unwrap_or("");
    after.split_whitespace().next().map(normalize)
}

/// A score word among the two words before the claim or the word after it.
fn next_to_score_word(ctx: &Context, claim: &Claim) -> bool {
    words_before(ctx, claim, 2)
        .into_iter()
        .chain(word_after(ctx, claim))
        .any(|w| SCORE_WORDS.contains(&w.as_str()))
}

/// The words of the claim's clause before it, or the five words before it when no clause is
/// known.
fn clause_words_before(ctx: &Context, claim: &Claim) -> Vec<String> {
    let clause_start = ctx
        .segments
        .clause_of(claim.span.start)
        .map(|(_, span)| span.start);
    match clause_start {
        Some(start) => ctx
            .doc
            .text
            .get(start..claim.span.start)
            .unwrap_or("")
            .split_whitespace()
            .map(normalize)
            .collect(),
        None => words_before(ctx, claim, 5),
    }
}

/// `word` is one of `list` or a regular inflection of one ("shifts", "moving", "backs").
fn inflects(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
        || ["s", "es", "d", "ed", "ing"].iter().any(|suffix| {
            word.strip_suffix(suffix)
                .is_some_and(|stem| stem.len() >= 3 && list.contains(&stem))
        })
}

/// A change word earlier in the claim's clause ("cut its deposit rate by 35 basis points,
/// from 4.10% to 3.75%").
fn governed_by_change(words: &[String]) -> bool {
    // "fell from 30 to 12" is a decrease for the change rules, never an inverted range
    // (`semantics.md` §5).
    let change_words = lex::change_words(ChangeReading::Earlier);
    words.iter().any(|w| inflects(w, change_words))
}

/// A threshold noun among the four words before "from": "the speed limit from 30 to 20".
fn owned_by_threshold(ctx: &Context, claim: &Claim) -> bool {
    words_before(ctx, claim, 4)
        .iter()
        .any(|w| THRESHOLD_NOUNS.contains(&w.as_str()))
}

/// A comparing verb earlier in the clause ("leads", "outraised", "backed").
fn governed_by_comparison(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| inflects(w, COMPARING_WORDS) || is_out_verb(w))
}

/// The range governs one unit or noun: "800 to 450 evacuees", "90–60 tonnes".
fn governs_unit_or_noun(claim: &Claim) -> bool {
    claim.unit.is_some() || claim.counted.is_some()
}

/// Each end carries its own unit or currency sign ("48% to 41%", "$4.2 million to $3.1
/// million"): two figures set side by side, not one quantity's bounds.
fn each_end_written_in_full(text: &str) -> bool {
    let marks = text
        .chars()
        .filter(|c| matches!(c, '%' | '$' | '£' | '€' | '¥' | '₹'))
        .count();
    marks >= 2
}

/// An amount "to" its recipients: "$500,000 to 40 schools". A money range writes its currency
/// on both ends ("$12 to $18") or its scale after the second ("$14 to 19 million"); a currency
/// sign on the first end alone, with no scale after the second, is no range.
fn amount_to_recipients(claim: &Claim, text: &str) -> bool {
    const SCALES: &[&str] = &[
        "thousand", "million", "billion", "trillion", "m", "bn", "k", "mn", "tn",
    ];
    let marks = text
        .chars()
        .filter(|c| matches!(c, '$' | '£' | '€' | '¥' | '₹'))
        .count();
    let last = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let scale_after = SCALES.contains(&last.as_str()) || last.ends_with(['m', 'k']);
    claim.kind == Kind::Money && (claim.counted.is_some() || (marks == 1 && !scale_after))
}

/// "3 to 1", "nine to one": a ratio.
fn is_ratio(second: &Numeral) -> bool {
    second.value == rust_decimal::Decimal::ONE
}

/// An inverted range: both ends non-negative and the first above the second.
fn inverted(first: &Numeral, second: &Numeral) -> bool {
    !first.value.is_sign_negative()
        && !second.value.is_sign_negative()
        && first.value > second.value
}

/// The severity of an inverted pair written this way, or `None` when it is no range.
fn severity(ctx: &Context, claim: &Claim, first: &Numeral, second: &Numeral) -> Option<Severity> {
    if next_to_score_word(ctx, claim)
        || crate::analysis::pairing::reads_as_score(ctx, claim, first, second)
    {
        return None;
    }
    let clause = clause_words_before(ctx, claim);
    if governed_by_change(&clause) || governed_by_comparison(&clause) {
        return None;
    }
    let text = ctx.text(claim.span);
    let after = word_after(ctx, claim);
    let tally_after = after.is_some_and(|w| TALLY_AFTER.contains(&w.as_str()));
    let recipients = amount_to_recipients(claim, text);
    match construction(text) {
        Construction::Between => Some(Severity::Error),
        Construction::Dash => governs_unit_or_noun(claim).then_some(Severity::Error),
        Construction::FromTo => (!owned_by_threshold(ctx, claim) && !recipients && !tally_after)
            .then_some(Severity::Warning),
        Construction::To => (governs_unit_or_noun(claim)
            && !each_end_written_in_full(text)
            && !is_ratio(second)
            && !recipients
            && !tally_after)
            .then_some(Severity::Warning),
    }
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
            let Some(severity) = severity(ctx, claim, first, second) else {
                continue;
            };
            let decimals = first.decimals.max(second.decimals);
            let read_as = Interval::closed(second.value, first.value);
            out.push(Finding {
                rule: RangeOrder::ID,
                severity,
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
    use crate::analysis::Settings;
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

    /// `range_claim` with the noun it counts.
    fn counting(text: &str, literal: &str, noun: &str, first: i64, second: i64) -> Claim {
        let mut c = range_claim(text, literal, first, second);
        let at = text.find(noun).expect("noun in text");
        c.counted = Some(Span::new(at, at + noun.len()));
        c
    }

    /// `range_claim` with a unit and kind.
    fn measured(
        text: &str,
        literal: &str,
        unit: &'static str,
        kind: Kind,
        a: i64,
        b: i64,
    ) -> Claim {
        let mut c = range_claim(text, literal, a, b);
        c.unit = crate::model::Unit::percent(unit)
            .or_else(|| crate::model::Unit::currency(unit))
            .or_else(|| crate::grammar::unit::by_symbol(unit).map(crate::model::Unit::Measure));
        c.kind = kind;
        c
    }

    fn severities(text: &str, claim: Claim) -> Vec<Severity> {
        run(text, vec![claim]).iter().map(|f| f.severity).collect()
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
        let c = measured(text, "900–600 pounds", "GBP", Kind::Money, 900, 600);
        assert_eq!(severities(text, c), vec![Severity::Error]);
    }

    #[test]
    fn bare_pairs_with_no_unit_or_noun_are_tallies() {
        let text = "The Senate took it up again, and the count was 228-201 on Friday.";
        assert!(run(text, vec![range_claim(text, "228-201", 228, 201)]).is_empty());
        let text = "The measure cleared the House 228 to 201.";
        assert!(run(text, vec![range_claim(text, "228 to 201", 228, 201)]).is_empty());
        let text = "The tally in the hall was 130 to 95 at midnight.";
        assert!(run(text, vec![range_claim(text, "130 to 95", 130, 95)]).is_empty());
    }

    #[test]
    fn small_bare_dash_pairs_read_as_scores() {
        let text = "Harwick beat the visitors 2-1 after extra time.";
        assert!(run(text, vec![range_claim(text, "2-1", 2, 1)]).is_empty());
        let text = "The Ospreys came back from 3-1 down to take the series.";
        assert!(run(text, vec![range_claim(text, "from 3-1", 3, 1)]).is_empty());
        let text = "Officials expect between 80 and 45 evacuees.";
        assert_eq!(
            run(text, vec![range_claim(text, "between 80 and 45", 80, 45)]).len(),
            1
        );
    }

    #[test]
    fn polls_comparisons_and_ratios_are_not_ranges() {
        let text = "The challenger leads 48% to 41% among likely voters.";
        let c = measured(text, "48% to 41%", "%", Kind::Percent, 48, 41);
        assert!(severities(text, c).is_empty());
        let text = "Voters on Tuesday were 55% to 38% on the question.";
        let c = measured(text, "55% to 38%", "%", Kind::Percent, 55, 38);
        assert!(severities(text, c).is_empty(), "each end written in full");
        let text = "She outraised her rival $12,000 to $3,500 in the quarter.";
        let c = measured(text, "$12,000 to $3,500", "USD", Kind::Money, 12000, 3500);
        assert!(severities(text, c).is_empty());
        let text = "Okafor had 48,213 votes to 39,870 for Lund.";
        let c = counting(text, "48,213 votes to 39,870", "votes", 48213, 39870);
        assert!(severities(text, c).is_empty());
        let text = "Home fans will be 3 to 1 fans of the visitors.";
        let c = counting(text, "3 to 1", "fans", 3, 1);
        assert!(severities(text, c).is_empty());
        let text = "The fund sent $500,000 to 40 schools.";
        let c = counting(text, "$500,000 to 40", "schools", 500_000, 40);
        let mut c = c;
        c.kind = Kind::Money;
        c.unit = crate::model::Unit::currency("USD");
        assert!(
            severities(text, c).is_empty(),
            "an amount and its recipients"
        );
    }

    #[test]
    fn a_to_range_governing_a_noun_is_a_warning() {
        let text = "Officials expect 800 to 450 evacuees.";
        let c = counting(text, "800 to 450", "evacuees", 800, 450);
        assert_eq!(severities(text, c), vec![Severity::Warning]);
        let text = "Officials expect 800 to 450 on the night.";
        assert!(run(text, vec![range_claim(text, "800 to 450", 800, 450)]).is_empty());
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
    fn from_to_after_a_change_word_or_threshold_is_a_change() {
        let text = "Bus fares fell from 30 to 12 cents on the night routes.";
        assert!(run(text, vec![range_claim(text, "from 30 to 12", 30, 12)]).is_empty());
        let text = "The plant made a cut in staff from 40 to 25.";
        assert!(run(text, vec![range_claim(text, "40 to 25", 40, 25)]).is_empty());
        let text = "The council will cut the speed limit from 30 to 20 mph.";
        let c = measured(text, "from 30 to 20 mph", "mph", Kind::Measure, 30, 20);
        assert!(severities(text, c).is_empty());
        let text = "Under the bill the drinking age limit goes from 21 to 18.";
        let c = counting(text, "from 21 to 18", "age", 21, 18);
        assert!(severities(text, c).is_empty(), "a threshold noun owns it");
        let text = "The plan shifts spending from 60 to 40 percent of the budget.";
        let c = measured(text, "from 60 to 40 percent", "%", Kind::Percent, 60, 40);
        assert!(severities(text, c).is_empty(), "an inflected change verb");
        let text = "Guides expect from 40 to 25 hikers a day.";
        let c = counting(text, "from 40 to 25", "hikers", 40, 25);
        assert_eq!(severities(text, c), vec![Severity::Warning]);
    }

    #[test]
    fn malformed_literals_are_left_to_num_malformed() {
        let text = "Officials expect between 800 and 450 evacuees.";
        let mut c = range_claim(text, "between 800 and 450", 800, 450);
        c.flags.malformed = true;
        assert!(run(text, vec![c]).is_empty());
    }
}
