//! NUM-SHARES-SUM (`rules.md` #7).

use crate::analysis::parts;
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Computed, Finding, Related, Role, Severity, Verdict};
use crate::grammar::lex::MONTH_NAMES;
use crate::model::{Claim, FractionForm, Hedge, Kind, Quantity, Span};
use crate::rules::RuleCheck;
use crate::semantics::format::{computed_decimal, number, verdict_words};
use rust_decimal::Decimal;
use std::borrow::Cow;

declare_rule! {
    /// ## What it checks
    /// Shares of one whole, listed together in a sentence, that add up to more than 100%
    /// ("Ferrante won 44% of the vote, Pallister 41% and Okafor 19%"), or that fall short of
    /// it when the last is stated as the rest ("55% of the port's income, with passengers
    /// bringing in the remaining 35%"); fraction words that split one whole past itself
    /// ("Two-thirds of the valley is planted with vines and half with wheat").
    ///
    /// ## Why it matters
    /// Vote and poll results, budgets and market shares are split into parts; a total above
    /// 100% means one of the shares is wrong.
    ///
    /// ## Example
    /// "Ferrante won 44% of the vote, Pallister 41% and Okafor 19%." → warning: 104%.
    /// "61% favoured the plan, 33% opposed it and 6% had no opinion." → no finding.
    ///
    /// ## Known limits
    /// Only percentages written side by side in one sentence (joined by commas, "and",
    /// "against", or "to" before a share or an owner's share: "58% of possession to the
    /// visitors' 42%") are read as one set, and only in a sentence that speaks of shares
    /// ("of the vote", favoured, opposed, possession, a named base) or whose last share is
    /// marked as the rest ("the remaining", "the other", "all other"). Rates ("5% a year"),
    /// several answers per person ("multiple", "more than one", "all that apply", here or
    /// in the sentence before) and shares of different bases ("44% of men and 60% of
    /// women") are skipped anywhere in the sentence; so are bare shares after a count of as
    /// many things ("Two judges won, with 71% and 68%": one share each); change and
    /// contrast words (rose, from, than, while) only among the shares or just before them;
    /// two dates among them make shares of different times. k shares written to unit u may
    /// sum to 100 + k·u/2
    /// (rounding). A sum short of 100% is reported only when the last share is the stated
    /// rest, every share is unhedged and the run holds every share of the sentence. A rest
    /// is the rest of the paragraph's shares: one share of a named base in the sentence
    /// before joins the set ("X won 52.4% of the vote. Y took 41.3% and the other
    /// candidates 6.3%."); with more shares before it, or a run that opens with "another"
    /// ("Another 31% was burned and the remaining 17% …"), the run is only checked for
    /// excess.
    /// Fractions are read only as words of one named whole, the later ones without a verb
    /// of their own ("and half with wheat"), since "two-thirds are women and half are over
    /// 40" describes the whole twice.
    pub struct SharesSum = ("NUM-SHARES-SUM", "shares of one whole sum past 100%");
}

/// Words that make a sentence speak of parts of one whole.
#[rustfmt::skip]
const SHARE_WORDS: &[&str] = &[
    "favoured", "favored", "favour", "favor", "opposed", "backed", "supported", "undecided",
    "opinion", "vote", "votes", "voters", "share", "shares", "split", "survey", "poll",
    "polled", "respondents", "possession", "won", "secured", "garnered", "took", "ballots",
];

/// Words anywhere in the sentence that make the percentages rates or overlapping answers.
#[rustfmt::skip]
const NOT_SHARES: &[&str] = &[
    "rate", "rates", "inflation", "interest", "growth", "grew", "yield", "tax", "turnout",
    "unemployment", "jobless", "margin", "return", "returns", "annual", "annually", "each",
    "both", "respectively", "multiple", "answers", "several", "men", "women",
];

/// Words among the shares, or in the phrase before the first, that make them changes,
/// comparisons or shares of different groups.
#[rustfmt::skip]
const NOT_SHARES_NEAR: &[&str] = &[
    "rose", "fell", "rise", "fall", "up", "down", "from", "increase", "increased", "decrease",
    "decreased", "points", "than", "compared", "versus", "whom", "them", "those", "among",
    "while", "whereas", "but",
];

/// "could name more than one", "one or more", "all that apply": each person gave several
/// answers, so the shares overlap.
fn several_answers(words: &[Cow<str>]) -> bool {
    let at = |i: usize, w: &str| words.get(i).is_some_and(|x| x == w);
    (0..words.len()).any(|i| {
        (at(i, "more") && at(i + 1, "than") && at(i + 2, "one"))
            || (at(i, "one") && at(i + 1, "or") && at(i + 2, "more"))
            || (at(i, "all") && at(i + 1, "that") && at(i + 2, "apply"))
    })
}

/// "5% a year", "2% per month": a rate, not a share.
fn rate_phrase(words: &[Cow<str>]) -> bool {
    words.windows(2).any(|w| {
        ["a", "per", "every"].contains(&w[0].as_ref())
            && ["year", "month", "week", "day", "annum", "quarter"].contains(&w[1].as_ref())
    })
}

impl RuleCheck for SharesSum {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let sentences = parts::sentences(ctx);
        for (k, sentence) in sentences.iter().enumerate() {
            let shares = shares_of(ctx, sentence);
            if let Some(f) = fractions(ctx, sentence) {
                out.push(f);
            }
            // Most sentences have fewer than two shares: their words need no reading.
            if shares.len() < 2 {
                continue;
            }
            let text = ctx.text(sentence.span);
            // "Respondents could name more than one. 71% cited speed, 48% cost…"
            let answers_before = k
                .checked_sub(1)
                .and_then(|j| sentences.get(j))
                .is_some_and(|s| several_answers(&parts::words(ctx.text(s.span))));
            if not_shares(text) || answers_before {
                continue;
            }
            let has_base = shares.iter().any(|&i| ctx.claims[i].of.is_some());
            let share_words = has_base || parts::has_word(text, SHARE_WORDS);
            let earlier = earlier_in_paragraph(ctx, sentences, k);
            for run in runs(ctx, &shares) {
                // "the remaining 38%", "the other 28%": a remainder says the run is one whole.
                // Only when the run holds every share of the sentence: a share left out
                // may be the rest's other part.
                let remainder = remainder_marked(ctx, &run) && run.len() == shares.len();
                if !(share_words || remainder)
                    || !near_words_allow(ctx, sentence, &run)
                    || one_each(ctx, sentence, &run)
                {
                    continue;
                }
                // A rest is the rest of every share before it in the paragraph: with one
                // share of a named base in the sentence before ("X won 52.4% of the vote.
                // Y took 43.3% and the other candidates 6.3%."), the set starts there; with
                // more, the rest is not read.
                let mut set = run.clone();
                // "Another 31% … and the remaining 17%": the set began in an earlier
                // sentence, so the rest is not the rest of this run.
                let mut exhaustive = remainder && !continues_earlier(ctx, sentence, &run);
                if remainder {
                    match earlier {
                        Earlier::None => {}
                        Earlier::OneShare(p) => set.insert(0, p),
                        Earlier::Other => exhaustive = false,
                    }
                }
                if let Some(f) = check(ctx, &set, exhaustive) {
                    out.push(f);
                }
            }
        }
    }
}

/// The percentage shares of a sentence.
fn shares_of(ctx: &Context, sentence: &parts::Sentence) -> Vec<usize> {
    sentence
        .claims
        .iter()
        .copied()
        .filter(|&i| is_share(&ctx.claims[i]))
        .collect()
}

/// A sentence whose percentages are rates or overlapping answers.
fn not_shares(text: &str) -> bool {
    let words = parts::words(text);
    parts::has_word(text, NOT_SHARES) || rate_phrase(&words) || several_answers(&words)
}

/// The percentages earlier in a sentence's paragraph.
enum Earlier {
    None,
    /// One share of a named base, in the sentence just before.
    OneShare(usize),
    Other,
}

fn earlier_in_paragraph(ctx: &Context, sentences: &[parts::Sentence], k: usize) -> Earlier {
    let paragraph = |s: &parts::Sentence| ctx.segments.paragraph_of(s.span.start).map(|(i, _)| i);
    let Some(here) = sentences.get(k) else {
        return Earlier::Other;
    };
    let mut found = Earlier::None;
    for (j, s) in sentences[..k].iter().enumerate().rev() {
        if paragraph(s) != paragraph(here) {
            break;
        }
        let percents = s
            .claims
            .iter()
            .filter(|&&i| ctx.claims[i].kind == Kind::Percent)
            .count();
        if percents == 0 {
            continue;
        }
        let shares = shares_of(ctx, s);
        let one = j + 1 == k
            && percents == 1
            && shares.len() == 1
            && ctx.claims[shares[0]].of.is_some()
            && !not_shares(ctx.text(s.span));
        if !one || !matches!(found, Earlier::None) {
            return Earlier::Other;
        }
        found = Earlier::OneShare(shares[0]);
    }
    found
}

fn is_share(claim: &Claim) -> bool {
    claim.kind == Kind::Percent
        && claim.unit == Some(crate::model::Unit::Percent)
        && parts::is_amount(claim)
}

/// Runs of percentages joined by commas, "and", "against" or "to" ("63% of possession to
/// the visitors' 37%"), with no other base named between them; a share marked as the rest
/// ("with imports making up the remaining 38%") may stand further off.
fn runs(ctx: &Context, shares: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &i in shares {
        let joined = run.last().is_some_and(|&prev| {
            // The gap starts after the share's base: "44% of thefts reported in the city
            // centre this year, phones 31%".
            let p = &ctx.claims[prev];
            let from =
                p.of.map_or(p.span, |o| Span::new(p.span.start, o.end.max(p.span.end)));
            let gap_text = parts::between(ctx, from, ctx.claims[i].span);
            let gap = parts::words(gap_text);
            let to_join = gap.iter().any(|w| w == "to")
                && (gap.last().is_some_and(|w| w == "to")
                    || gap_text.contains("'s ")
                    || gap_text.contains("’s ")
                    || gap_text.contains("s' "));
            let limit = if parts::has_exhaustive(&gap) { 14 } else { 8 };
            (gap_text.contains(',') || gap.iter().any(|w| w == "and" || w == "against") || to_join)
                && gap.len() <= limit
                && !gap_text.contains([';', ':', '('])
        });
        if !joined && !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        run.push(i);
    }
    out.push(run);
    out.retain(|r| r.len() >= 2);
    out
}

/// The last share of a run is marked as the rest: "the remaining 10%", "the other 28%",
/// "all other items 25%".
fn remainder_marked(ctx: &Context, run: &[usize]) -> bool {
    let [.., prev, last] = run else {
        return false;
    };
    let gap = parts::words(parts::between(
        ctx,
        ctx.claims[*prev].span,
        ctx.claims[*last].span,
    ));
    gap.iter()
        .rev()
        .take(4)
        .any(|w| ["remaining", "rest", "other", "remainder"].contains(&w.as_ref()))
}

/// No change or contrast word among the shares or in the phrase before the first, and at
/// most one date or period among them (two make shares of different times).
fn near_words_allow(ctx: &Context, sentence: &parts::Sentence, run: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return false;
    };
    let (first, last) = (&ctx.claims[first], &ctx.claims[last]);
    let before = parts::before_in_sentence(ctx, sentence.span, first);
    let phrase_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| [',', ';', ':', '—', '('].contains(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let near = format!(
        "{} {}",
        &before[phrase_start..],
        parts::between(ctx, first.span, last.span)
    );
    // Dates up to the end of the last share's phrase: "40% in May and 65% in June".
    let after = parts::after_in_sentence(ctx, sentence.span, last);
    let phrase_end = last.span.end + after.find([',', ';', ':', '—', '(']).unwrap_or(after.len());
    let times = sentence
        .claims
        .iter()
        .filter(|&&i| {
            let c = &ctx.claims[i];
            parts::is_time(c) && c.span.start > first.span.start && c.span.start < phrase_end
        })
        .count();
    // "May" is seldom read as a date: month names are counted as written too.
    let span_text = ctx.doc.text.get(first.span.start..phrase_end).unwrap_or("");
    let months = parts::words_as_written(span_text)
        .filter(|w| MONTH_NAMES.contains(w))
        .count();
    let times = times.max(months);
    // "62% in the north and 58% in the south": each share of its own place or group.
    let own_group = run
        .iter()
        .filter(|&&i| {
            let after = parts::words(parts::after_in_sentence(ctx, sentence.span, &ctx.claims[i]));
            after
                .iter()
                .take(2)
                .any(|w| ["in", "among", "across"].contains(&w.as_ref()))
        })
        .count();
    if own_group >= 2 {
        return false;
    }
    let words = parts::words(&near);
    // "made up 40%" is a share's verb, not a rise.
    let change = words.iter().enumerate().any(|(k, w)| {
        NOT_SHARES_NEAR.contains(&w.as_ref())
            && !(w == "up"
                && k > 0
                && ["make", "makes", "made", "making"].contains(&words[k - 1].as_ref()))
    });
    !change && times < 2
}

/// "Another 31%", "a further 12%": the first share adds to shares stated before.
fn continues_earlier(ctx: &Context, sentence: &parts::Sentence, run: &[usize]) -> bool {
    let Some(&first) = run.first() else {
        return false;
    };
    let before = parts::words(parts::before_in_sentence(
        ctx,
        sentence.span,
        &ctx.claims[first],
    ));
    before
        .iter()
        .rev()
        .take(3)
        .any(|w| ["another", "further", "additional"].contains(&w.as_ref()))
}

/// "Two judges won retention, with 71% and 68%": bare shares joined only by "and" or
/// commas after a count of as many things are one share of each thing, not parts of one.
fn one_each(ctx: &Context, sentence: &parts::Sentence, run: &[usize]) -> bool {
    const COUNTS: &[&str] = &["", "", "two", "three", "four", "five", "six"];
    let (Some(&first), Some(count)) = (run.first(), COUNTS.get(run.len())) else {
        return false;
    };
    let bare = run.windows(2).all(|w| {
        parts::words(parts::between(
            ctx,
            ctx.claims[w[0]].span,
            ctx.claims[w[1]].span,
        ))
        .iter()
        .all(|g| g == "and")
    });
    let digits = run.len().to_string();
    bare && parts::words(parts::before_in_sentence(
        ctx,
        sentence.span,
        &ctx.claims[first],
    ))
    .iter()
    .any(|w| w == count || *w == digits)
}

/// Shares naming different bases ("of men", "of women") are not parts of one whole.
fn one_base(ctx: &Context, run: &[usize]) -> bool {
    let mut bases = run
        .iter()
        .filter_map(|&i| ctx.claims[i].of)
        .map(|s| ctx.text(s).to_lowercase());
    match bases.next() {
        Some(first) => bases.all(|b| b == first),
        None => true,
    }
}

fn check(ctx: &Context, run: &[usize], remainder: bool) -> Option<Finding> {
    if !one_base(ctx, run) {
        return None;
    }
    let mut low = Decimal::ZERO;
    let mut high = Decimal::ZERO;
    let mut point = Decimal::ZERO;
    let mut decimals = 0;
    for &i in run {
        let r = parts::read(ctx, &ctx.claims[i])?;
        low = low.checked_add(r.strict.low.unwrap_or(Decimal::ZERO))?;
        high = high.checked_add(r.strict.high?)?;
        point = point.checked_add(r.value?)?;
        decimals = decimals.max(r.decimals);
    }
    let short = remainder && high < Decimal::ONE_HUNDRED && run.iter().all(|&i| unhedged(ctx, i));
    let (verdict, severity) = if low > Decimal::ONE_HUNDRED {
        (Verdict::Inconsistent, Severity::Warning)
    } else if short {
        return Some(short_of_whole(ctx, run, (low, point, high), decimals));
    } else if ctx.settings.show_consistent && point <= Decimal::ONE_HUNDRED {
        (Verdict::Consistent, Severity::Note)
    } else {
        return None;
    };
    let last = *run.last()?;
    let operation = run
        .iter()
        .map(|&i| ctx.text(ctx.claims[i].span))
        .collect::<Vec<_>>()
        .join(" + ");
    let shown = decimals.min(4);
    Some(Finding {
        rule: SharesSum::ID,
        severity,
        verdict,
        message: format!(
            "{operation} is {}% (at least {}% given rounding); shares of one whole add up to at most 100%: {}",
            number(point, shown),
            number(low, shown + 1),
            verdict_words(verdict)
        ),
        primary: ctx.claims[last].span,
        related: earlier_shares(ctx, run),
        computed: Some(Computed {
            value: computed_decimal(point),
            low: Some(computed_decimal(low)),
            high: None,
        }),
    })
}

/// A fraction word of a whole ("three-quarters", "half"), not a bound or a rate.
fn fraction_word(claim: &Claim) -> bool {
    matches!(claim.quantity, Quantity::Fraction(FractionForm::Word(_)))
        && matches!(claim.hedge, Hedge::None | Hedge::Exactly)
        && !claim.flags.malformed
}

/// Words that may follow the gapped fraction: "and half by farmland", "a quarter on rent".
const GAPPED: &[&str] = &["by", "on", "to", "for", "in", "from", "with", "at", "under"];

/// "Three-quarters of the island is covered by forest and half by farmland": fraction
/// words of one named whole, the later ones gapped (no verb of their own, so they split
/// the same whole rather than describe it twice), that add up to more than the whole.
fn fractions(ctx: &Context, sentence: &parts::Sentence) -> Option<Finding> {
    let fr: Vec<usize> = sentence
        .claims
        .iter()
        .copied()
        .filter(|&i| fraction_word(&ctx.claims[i]))
        .collect();
    let (&first, rest) = fr.split_first()?;
    if rest.is_empty() || ctx.claims[first].of.is_none() {
        return None;
    }
    let text = ctx.text(sentence.span);
    if parts::has_word(text, NOT_SHARES) {
        return None;
    }
    let mut prev = first;
    for &i in rest {
        let c = &ctx.claims[i];
        let p = &ctx.claims[prev];
        let from =
            p.of.map_or(p.span, |o| Span::new(p.span.start, o.end.max(p.span.end)));
        let gap = parts::words(parts::between(ctx, from, c.span));
        let next = parts::words(parts::after_in_sentence(ctx, sentence.span, c));
        let joined = gap.last().is_some_and(|w| w == "and") || gap.is_empty();
        if !joined
            || gap.len() > 10
            || c.of.is_some()
            || !next.first().is_some_and(|w| GAPPED.contains(&w.as_ref()))
            || parts::has_word(&gap.join(" "), NOT_SHARES_NEAR)
        {
            return None;
        }
        prev = i;
    }
    if !near_words_allow(ctx, sentence, &fr) {
        return None;
    }
    let mut low = Decimal::ZERO;
    let mut point = Decimal::ZERO;
    for &i in &fr {
        let r = parts::read(ctx, &ctx.claims[i])?;
        low = low.checked_add(r.permissive.low?)?;
        point = point.checked_add(r.value?)?;
    }
    if low <= Decimal::ONE {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let operation = fr
        .iter()
        .map(|&i| ctx.text(ctx.claims[i].span))
        .collect::<Vec<_>>()
        .join(" + ");
    let last = *fr.last()?;
    Some(Finding {
        rule: SharesSum::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{operation} is {}% of the whole (at least {}% given rounding); parts of one whole add up to at most 100%: {}",
            number(point.checked_mul(hundred)?, 0),
            number(low.checked_mul(hundred)?, 0),
            verdict_words(Verdict::Inconsistent)
        ),
        primary: ctx.claims[last].span,
        related: earlier_shares(ctx, &fr),
        computed: Some(Computed {
            value: computed_decimal(point.checked_mul(hundred)?),
            low: Some(computed_decimal(low.checked_mul(hundred)?)),
            high: None,
        }),
    })
}

/// A share with no hedge or bound: "about 30%" may leave the rest short of 100%.
fn unhedged(ctx: &Context, i: usize) -> bool {
    matches!(ctx.claims[i].hedge, Hedge::None | Hedge::Exactly)
}

/// Shares whose last is stated as the rest ("the remaining 28%") but that fall short of
/// 100% beyond rounding.
fn short_of_whole(
    ctx: &Context,
    run: &[usize],
    (low, point, high): (Decimal, Decimal, Decimal),
    decimals: u32,
) -> Finding {
    let last = run[run.len() - 1];
    let operation = run
        .iter()
        .map(|&i| ctx.text(ctx.claims[i].span))
        .collect::<Vec<_>>()
        .join(" + ");
    let shown = decimals.min(4);
    Finding {
        rule: SharesSum::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{operation} is {}% (at most {}% given rounding); with the last share stated as the rest they add up to 100%: {}",
            number(point, shown),
            number(high, shown + 1),
            verdict_words(Verdict::Inconsistent)
        ),
        primary: ctx.claims[last].span,
        related: earlier_shares(ctx, run),
        computed: Some(Computed {
            value: computed_decimal(point),
            low: Some(computed_decimal(low)),
            high: Some(computed_decimal(high)),
        }),
    }
}

/// Every share of a run but the last (the finding's primary), labelled as shares.
fn earlier_shares(ctx: &Context, run: &[usize]) -> Vec<Related> {
    let earlier = &run[..run.len().saturating_sub(1)];
    earlier
        .iter()
        .map(|&i| Related {
            span: ctx.claims[i].span,
            label: Role::Share,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&SharesSum, text, false)
    }

    #[test]
    fn flags_shares_past_100() {
        let f = run("Ferrante won 44% of the vote, Pallister 41% and Okafor 19%.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].related.len(), 2);
        assert!(f[0].message.starts_with("44% + 41% + 19% is 104%"));
    }

    #[test]
    fn remainders_possession_and_fractions() {
        assert_eq!(
            run("Cargo makes up 55% of income, with fees bringing in the remaining 35%.").len(),
            1
        );
        assert!(
            run("Cargo makes up 55% of income, with fees bringing in the remaining 45%.")
                .is_empty()
        );
        assert_eq!(
            run("The hosts enjoyed 58% of possession to the visitors' 52%.").len(),
            1
        );
        assert_eq!(
            run("Two-thirds of the valley is planted with vines and half with wheat.").len(),
            1
        );
        assert!(run("Two-thirds of the staff are women and half are over 40.").is_empty());
        assert!(run("Support stood at 40% in the May poll and 65% in June.").is_empty());
        assert!(
            run("Asked about the plan from the council, 48% said yes and 39% said no.").is_empty()
        );
    }

    #[test]
    fn rounding_bases_and_rates_pass() {
        assert!(
            run("In the poll, 34% favoured it, 34% opposed it and 33% had no opinion.").is_empty()
        );
        assert!(run("Some 44% of men and 60% of women backed the plan.").is_empty());
        assert!(run("Inflation reached 60% in one province and 50% in the next.").is_empty());
        assert!(run(
            "Asked what they use (several answers allowed), 72% named buses and 58% trams."
        )
        .is_empty());
    }
}
