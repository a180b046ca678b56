//! NUM-SERIES-SCORE (`rules.md` #25).

use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Computed, Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Numeral, Quantity};
use crate::rules::RuleCheck;
use crate::semantics::format;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A series score W–L against the game that settled it ("4–2 in game six": W + L games)
    /// and against the series length ("clinched the best-of-seven final 4–2": the winner
    /// needs ⌈N/2⌉ wins).
    ///
    /// ## Why it matters
    /// Series scores are retyped from game to game; "4–1 in game six" tells the reader a
    /// game that cannot have happened.
    ///
    /// ## Example
    /// "Harwick clinched the final 4–1 in game six." → warning: 4–1 is five games.
    /// "Harwick clinched the best-of-seven final 4–2 in game six." → no finding.
    ///
    /// ## Known limits
    /// Only scores governed by a series noun ("the series 3–1", "the final 4–2", "a 3–1
    /// series lead") count: a match score ("beat Dunmore 4–1 in game six") is not a series
    /// score. The best-of check needs a clinching verb ("clinched", "won"); a lead
    /// ("leads the best-of-seven series 3–1") says nothing about the winner's total. Two-leg
    /// aggregates and records are skipped.
    pub struct SeriesScore = ("NUM-SERIES-SCORE", "series score vs game number and series length");
}

/// Verbs saying the series is over, so the winner has all the wins it needs.
const CLINCH_VERBS: &[&str] = &[
    "clinched", "clinch", "clinches", "won", "win", "wins", "sealed", "seals", "captured",
    "claimed", "took", "take", "takes", "swept",
];

/// Words that make a pair of numbers something other than a series score.
const NOT_A_SERIES: &[&str] = &["aggregate", "record", "records", "standings"];

/// Words of a running series: the leader need not have all its wins yet.
const LEAD_WORDS: &[&str] = &[
    "lead", "leads", "led", "leading", "trail", "trails", "trailed", "trailing",
];

/// Largest number of wins a series score may show; beyond it the pair is something else.
const MAX_WINS: u32 = 20;

fn normalize(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

fn small_integer(n: &Numeral) -> Option<u32> {
    if n.is_decimal_mantissa() || n.scale != Decimal::ONE || n.value.is_sign_negative() {
        return None;
    }
    n.value.to_u32().filter(|&v| v <= MAX_WINS)
}

/// W and L of a dash-written pair ("4–2", "4-2").
fn score(ctx: &Context, claim: &Claim) -> Option<(u32, u32)> {
    let Quantity::Range { first, second } = &claim.quantity else {
        return None;
    };
    let text = ctx.text(claim.span);
    if !text.contains(['–', '-', '—']) || text.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((small_integer(first)?, small_integer(second)?))
}

/// The text of the sentence around `claim`, split at the claim.
fn sentence_around<'a>(ctx: &'a Context, claim: &Claim) -> Option<(&'a str, &'a str)> {
    let (_, sentence) = ctx.segments.sentence_of(claim.span.start)?;
    let before = ctx.doc.text.get(sentence.start..claim.span.start)?;
    let after = ctx
        .doc
        .text
        .get(claim.span.end..sentence.end.max(claim.span.end))?;
    Some((before, after))
}

/// "the final 4–2", "the series 3–1" or "a 3–1 series lead".
fn governed_by_series_noun(before: &str, after: &str) -> bool {
    let previous = before.split_whitespace().next_back().map(normalize);
    let next = after.split_whitespace().next().map(normalize);
    previous.is_some_and(|w| crate::grammar::range::SERIES_NOUNS.contains(&w.as_str()))
        || next.as_deref() == Some("series")
}

/// The claim of a number written right after `prefix` (e.g. "in game "), when that prefix
/// follows the score closely: at most two words between, no punctuation.
fn number_after<'a>(
    ctx: &'a Context,
    claim: &Claim,
    after: &str,
    prefix: &str,
) -> Option<&'a Claim> {
    let lower = after.to_lowercase();
    let at = lower.find(prefix)?;
    let gap = lower.get(..at)?;
    if gap.contains(|c: char| c.is_ascii_punctuation()) || gap.split_whitespace().count() > 2 {
        return None;
    }
    let start = claim.span.end + at + prefix.len();
    ctx.claims.iter().find(|c| c.span.start == start)
}

/// N of a "best-of-N" (or "best of N") written in the sentence.
fn best_of<'a>(ctx: &'a Context, sentence_start: usize, before: &str) -> Option<&'a Claim> {
    let lower = before.to_lowercase();
    ["best-of-", "best of "].iter().find_map(|prefix| {
        let at = lower.find(prefix)?;
        let start = sentence_start + at + prefix.len();
        ctx.claims.iter().find(|c| c.span.start == start)
    })
}

/// One check's result: a warning when the score contradicts the game or the series length,
/// a note for a passed check when the engine is asked to show them.
fn finding(
    ctx: &Context,
    (claim, related): (&Claim, &Claim),
    games: u32,
    consistent: bool,
    what: String,
) -> Option<Finding> {
    let (severity, verdict) = if consistent {
        if !ctx.settings.show_consistent {
            return None;
        }
        (Severity::Note, Verdict::Consistent)
    } else {
        (Severity::Warning, Verdict::Inconsistent)
    };
    Some(Finding {
        rule: SeriesScore::ID,
        severity,
        verdict,
        message: format!("{what}: {}", format::verdict_words(verdict)),
        primary: claim.span,
        related: vec![Related {
            span: related.span,
            label: Role::Count,
        }],
        computed: Some(Computed {
            value: Decimal::from(games),
            low: Some(Decimal::from(games)),
            high: Some(Decimal::from(games)),
        }),
    })
}

fn point_integer(claim: &Claim) -> Option<u32> {
    match &claim.quantity {
        Quantity::Point(n) => small_integer(n),
        _ => None,
    }
}

fn has_any(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

impl RuleCheck for SeriesScore {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claim in ctx.claims {
            let Some((wins, losses)) = score(ctx, claim) else {
                continue;
            };
            let Some((before, after)) = sentence_around(ctx, claim) else {
                continue;
            };
            if !governed_by_series_noun(before, after) {
                continue;
            }
            let before_words: Vec<String> = before.split_whitespace().map(normalize).collect();
            let after_words: Vec<String> = after.split_whitespace().map(normalize).collect();
            if has_any(&before_words, NOT_A_SERIES) || has_any(&after_words, NOT_A_SERIES) {
                continue;
            }
            let text = ctx.text(claim.span);
            let played = wins + losses;
            if let Some(game) = number_after(ctx, claim, after, "in game ") {
                if let Some(g) = point_integer(game) {
                    let what = format!(
                        "a series score of {text} means {played} games played; the text says game {}",
                        ctx.text(game.span)
                    );
                    out.extend(finding(ctx, (claim, game), played, g == played, what));
                    continue;
                }
            }
            let running = has_any(&before_words, LEAD_WORDS) || has_any(&after_words, LEAD_WORDS);
            if running || !has_any(&before_words, CLINCH_VERBS) {
                continue;
            }
            let sentence_start = claim.span.start - before.len();
            let Some(length) = best_of(ctx, sentence_start, before) else {
                continue;
            };
            let Some(n) = point_integer(length) else {
                continue;
            };
            let needed = n.div_ceil(2);
            let what =
                format!("a best-of-{n} series is won with {needed} wins; the text says {text}");
            let fits = wins.max(losses) == needed && played <= n;
            out.extend(finding(ctx, (claim, length), needed, fits, what));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::{Severity, Verdict};
    use crate::rules::test_support::findings_of;

    fn verdicts(text: &str) -> Vec<(Severity, Verdict, String)> {
        findings_of("NUM-SERIES-SCORE", text, None)
            .into_iter()
            .map(|f| (f.severity, f.verdict, f.message))
            .collect()
    }

    #[test]
    fn score_against_game_number() {
        let found = verdicts("Harwick clinched the final 4–1 in game six.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Severity::Warning);
        assert_eq!(
            found[0].2,
            "a series score of 4–1 means 5 games played; the text says game six: inconsistent"
        );
        let found = verdicts("Harwick clinched the best-of-seven final 4–2 in game six.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Verdict::Consistent);
    }

    #[test]
    fn score_against_series_length_needs_a_finished_series() {
        let found = verdicts("Dunmore won the best-of-seven series 3–2 on Sunday.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Severity::Warning);
        assert!(verdicts("Dunmore lead the best-of-seven series 3–2.").is_empty());
    }

    #[test]
    fn match_scores_aggregates_and_records_are_not_series_scores() {
        assert!(verdicts("Kestrel beat the Wardens 5–2 in game six of the series.").is_empty());
        assert!(verdicts("Eastfield won the final 4–2 on aggregate in game two.").is_empty());
        assert!(verdicts("After trailing the series 3–1, they won in game five.").is_empty());
    }
}
