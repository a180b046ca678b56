//! NUM-RATE-PER-CAPITA (`rules.md` #23).

use crate::analysis::parts::{self, Check, Sentence};
use crate::analysis::per_unit::{self, Per};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Hedge, Kind};
use crate::rules::RuleCheck;
use crate::semantics::propagate::ops;
use crate::semantics::{compute, Binding, Reading};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A stated rate against the count and the population the same sentence gives before it:
    /// "a rate of 15 per 100,000" (84 cases among 56,000 residents give 150), "13 deaths per
    /// million inhabitants", "$4,500 per head" ($540 billion across 12 million people),
    /// "8 wolves per 100 sq km" (640 wolves across 80,000 sq km); the inverse "one doctor
    /// for every 20,000 people" (1,500 GPs for a population of 3 million give 2,000); and
    /// "one in every 12" after "3,000 of the island's 60,000 homes" (20). The "per" phrase
    /// may also stand before the rate ("a GDP per capita of $30,000"), and "for every N"
    /// may stand for "per N" ("3 beds for every 1,000 people"). Also a "%"
    /// written on a "per N" rate.
    ///
    /// ## Why it matters
    /// Rates are where a slipped digit or a wrong base hides best; the reader cannot redo
    /// the division in their head.
    ///
    /// ## Example
    /// "The county recorded 84 cases among its 56,000 residents, a rate of 15 per 100,000."
    /// → warning: the figures give 150 per 100,000.
    ///
    /// ## Known limits
    /// Count and population must stand before the rate in one sentence, each the only
    /// candidate of its kind: the population is named as residents, people, inhabitants, a
    /// population ("population 250,000", "a population of 3 million") or by the base's own
    /// noun; the count is the one other count (or sum of money, for money per head), or the
    /// one with the rate's noun. A "per N" base must be a power of ten from 100 up (or a
    /// word: "per million"), or a measure whose unit the population shares. "One in N" and
    /// "one for every N" are read as approximate.
    pub struct RatePerCapita = ("NUM-RATE-PER-CAPITA", "count / population ≠ stated rate");
}

/// Head nouns that name a population.
const POPULATION_HEADS: &[&str] = &[
    "resident",
    "inhabitant",
    "person",
    "people",
    "citizen",
    "population",
    "adult",
    "child",
    "pupil",
    "student",
    "member",
    "worker",
    "employee",
    "patient",
    "user",
    "rider",
    "driver",
];

impl RuleCheck for RatePerCapita {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            for (pos, &rate) in sentence.claims.iter().enumerate() {
                let finding = match per_unit::per_around(ctx, sentence, rate) {
                    Some(Per::Base { value, claim }) => {
                        if ctx.claims[rate].unit == Some(crate::model::Unit::Percent) {
                            // Only "5.8% per 1,000": "8% every 100 metres" is a gradient.
                            claim
                                .filter(|&b| {
                                    let gap = parts::between(
                                        ctx,
                                        ctx.claims[rate].span,
                                        ctx.claims[b].span,
                                    );
                                    parts::words_are_exactly(gap, &["per"])
                                })
                                .map(|b| percent_on_rate(ctx, rate, b))
                        } else {
                            per_base_rate(ctx, sentence, pos, value, claim)
                        }
                    }
                    Some(Per::Capita) => per_base_rate(ctx, sentence, pos, Decimal::ONE, None),
                    _ => None,
                }
                .or_else(|| one_for_every(ctx, sentence, pos))
                .or_else(|| one_in_every(ctx, sentence, pos));
                out.extend(finding);
            }
        }
    }
}

/// The base of a "per N" rate: a plain power of ten from 100 up, or an area or length ("8
/// wolves per 100 sq km").
fn per_base(claim: &Claim) -> Option<Decimal> {
    let n = claim.numeral()?;
    let v = n.value;
    if claim.kind == Kind::Measure {
        return Some(v);
    }
    if !parts::is_countish(claim) && claim.kind != Kind::Number {
        return None;
    }
    let mut p = Decimal::ONE_HUNDRED;
    while p <= v {
        if p == v {
            return Some(v);
        }
        p = p.checked_mul(Decimal::TEN)?;
    }
    None
}

fn percent_on_rate(ctx: &Context, rate: usize, base: usize) -> Finding {
    Finding {
        rule: RatePerCapita::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: format!(
            "{} is written as a percentage but stated per {}; a rate per N is not a percentage: inconsistent",
            ctx.text(ctx.claims[rate].span),
            ctx.text(ctx.claims[base].span)
        ),
        primary: ctx.claims[rate].span,
        related: vec![Related {
            span: ctx.claims[base].span,
            label: Role::Population,
        }],
        computed: None,
    }
}

/// Whether a claim names a population: its head, the head of the rate's base ("per 1,000
/// voters"), or "(a) population (of) N".
fn is_population(
    ctx: &Context,
    sentence: &Sentence,
    claim: &Claim,
    base_head: Option<&str>,
) -> bool {
    if let Some(h) = parts::head(ctx, claim) {
        return POPULATION_HEADS.contains(&h.as_str()) || base_head == Some(h.as_str());
    }
    let before = parts::before_in_sentence(ctx, sentence.span, claim);
    parts::ends_with_words(before, &["population", "of"])
        || parts::ends_with_words(before, &["population"])
        || PLACES
            .iter()
            .any(|p| parts::ends_with_words(before, &[p, "of"]))
}

/// "a city of 600,000": places whose size is their population.
const PLACES: &[&str] = &[
    "city", "town", "country", "nation", "county", "region", "state", "province", "village",
    "island", "borough", "district", "suburb",
];

/// Whether a claim's head names a population (residents, people, …): such rates are this
/// rule's, not NUM-AVERAGE-TOTAL's.
pub fn is_population_head(ctx: &Context, claim: &Claim) -> bool {
    parts::head(ctx, claim).is_some_and(|h| POPULATION_HEADS.contains(&h.as_str()))
}

/// The only index the filter keeps, or `None` when there are none or several.
fn single(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// The population and the count a rate is computed from, among the claims before it.
/// The base's unit decides the population's kind: an area for "per 100 sq km", people
/// otherwise. The count is the one thing left, or the one with the rate's own noun.
fn count_and_population(
    ctx: &Context,
    sentence: &Sentence,
    earlier: &[usize],
    rate: &Claim,
    base: Option<&Claim>,
) -> Option<(usize, usize)> {
    let base_head = base.and_then(|b| parts::head(ctx, b));
    let pop =
        match base {
            Some(b) if b.kind == Kind::Measure => single(earlier.iter().copied().filter(|&i| {
                parts::is_amount(&ctx.claims[i]) && parts::same_unit(&ctx.claims[i], b)
            }))?,
            _ => single(earlier.iter().copied().filter(|&i| {
                let c = &ctx.claims[i];
                parts::is_countish(c) && is_population(ctx, sentence, c, base_head.as_deref())
            }))?,
        };
    let base_head = base_head.as_deref();
    let candidates = || {
        earlier.iter().copied().filter(move |&i| {
            let c = &ctx.claims[i];
            let kind_fits = if rate.kind == Kind::Money {
                c.kind == Kind::Money && c.unit == rate.unit
            } else {
                parts::is_countish(c)
            };
            i != pop && kind_fits && !is_population(ctx, sentence, c, base_head)
        })
    };
    let rate_head = parts::head(ctx, rate);
    let count = match rate_head {
        Some(h)
            if candidates().any(|i| parts::head(ctx, &ctx.claims[i]).as_deref() == Some(&h)) =>
        {
            single(
                candidates().filter(|&i| parts::head(ctx, &ctx.claims[i]).as_deref() == Some(&h)),
            )?
        }
        _ => single(candidates())?,
    };
    Some((count, pop))
}

/// The amounts of a sentence before position `pos`, periods, years and other rates (with
/// their bases) left out.
fn amounts_before(ctx: &Context, sentence: &Sentence, pos: usize) -> Vec<usize> {
    let mut bases = Vec::new();
    let mut out = Vec::new();
    for &i in &sentence.claims[..pos] {
        match per_unit::per_of(ctx, sentence, i) {
            Some(Per::Base { claim, .. }) => bases.extend(claim),
            // "$2.4 billion a year" is still a total; per head or per item it is a rate.
            Some(Per::Time(_)) | None
                if parts::is_amount(&ctx.claims[i]) && !year_like(ctx, &ctx.claims[i]) =>
            {
                out.push(i)
            }
            _ => {}
        }
    }
    out.retain(|i| !bases.contains(i));
    out
}

/// A bare four-digit number that may be a year.
fn year_like(ctx: &Context, claim: &Claim) -> bool {
    let t = ctx.text(claim.span);
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// "1,200 cases among 400,000 people, a rate of 300 per 100,000", "$540 billion across 12
/// million people, $45,000 per head": rate = count / population × base.
fn per_base_rate(
    ctx: &Context,
    sentence: &Sentence,
    pos: usize,
    base_value: Decimal,
    base: Option<usize>,
) -> Option<Finding> {
    let rate = sentence.claims[pos];
    let r = &ctx.claims[rate];
    if !parts::is_amount(r) {
        return None;
    }
    let per = match base {
        Some(b) => per_base(&ctx.claims[b])?,
        None => base_value,
    };
    // Only the first rate of a sentence is the count's: "6 per 100,000, up from 5 per
    // 100,000 in 2022" sets another year's rate beside it.
    let earlier_rate = sentence.claims[..pos].iter().any(|&i| {
        matches!(
            per_unit::per_of(ctx, sentence, i),
            Some(Per::Base { .. } | Per::Capita)
        )
    });
    if earlier_rate {
        return None;
    }
    let earlier = amounts_before(ctx, sentence, pos);
    let (count, pop) =
        count_and_population(ctx, sentence, &earlier, r, base.map(|b| &ctx.claims[b]))?;
    let (c, p) = (&ctx.claims[count], &ctx.claims[pop]);
    let cr = parts::read(ctx, c)?;
    let pr = parts::read(ctx, p)?;
    let rr = crate::semantics::reading(r, &ctx.settings.tolerances)?;
    let computation = compute(&[&cr, &pr], &[1], |x| ops::mul(ops::div(x[0], x[1])?, per)).ok()?;
    let per_text = match base {
        Some(b) => format!(" × {}", ctx.text(ctx.claims[b].span)),
        None if per == Decimal::ONE => String::new(),
        None => format!(" × {}", crate::semantics::format::number(per, 0)),
    };
    finish(
        ctx,
        (rate, &rr),
        vec![(count, Role::Count), (pop, Role::Population)],
        computation,
        format!("{} / {}{per_text}", ctx.text(c.span), ctx.text(p.span)),
    )
}

fn finish(
    ctx: &Context,
    checked: (usize, &Reading),
    inputs: Vec<(usize, crate::finding::Role)>,
    computation: crate::semantics::Computation,
    operation: String,
) -> Option<Finding> {
    parts::finish(
        ctx,
        Check {
            rule: RatePerCapita::ID,
            default: Severity::Warning,
            binding: Binding::OneClause,
            checked,
            inputs,
            computation,
            operation,
            cap: Some(Severity::Warning),
            excess_only: false,
        },
    )
}

/// Whether the claim is the word or figure "one".
fn is_one(c: &Claim) -> bool {
    c.hedge == Hedge::None
        && c.numeral().is_some_and(|n| n.value == Decimal::ONE)
        && matches!(c.kind, Kind::Count | Kind::Number)
}

/// "one in 20", "one for every 1,500 voters": a ratio written loosely, read as approximate.
fn loose_reading(ctx: &Context, c: &Claim) -> Option<Reading> {
    let mut approx = c.clone();
    if approx.hedge == Hedge::None {
        approx.hedge = Hedge::Approximately;
    }
    parts::read(ctx, &approx)
}

/// "180 polling stations … 270,000 voters, one for every 1,500 voters", "1,500 GPs for a
/// population of 3 million, one doctor for every 2,000 people": N = population / count.
fn one_for_every(ctx: &Context, sentence: &Sentence, pos: usize) -> Option<Finding> {
    let one = sentence.claims[pos];
    let n = *sentence.claims.get(pos + 1)?;
    let (o, nc) = (&ctx.claims[one], &ctx.claims[n]);
    if !is_one(o) || !parts::is_countish(nc) {
        return None;
    }
    let gap = parts::between(ctx, per_unit_end(o), nc.span);
    let words = parts::words(gap);
    if !(words.ends_with(&["for".into(), "every".into()]) && words.len() <= 3) {
        return None;
    }
    let earlier = amounts_before(ctx, sentence, pos);
    let base_head = parts::head(ctx, nc);
    let pop = single(earlier.iter().copied().filter(|&i| {
        let c = &ctx.claims[i];
        parts::is_countish(c) && is_population(ctx, sentence, c, base_head.as_deref())
    }))?;
    let count = single(earlier.iter().copied().filter(|&i| {
        let c = &ctx.claims[i];
        i != pop && parts::is_countish(c) && !is_population(ctx, sentence, c, base_head.as_deref())
    }))?;
    let (c, p) = (&ctx.claims[count], &ctx.claims[pop]);
    let cr = parts::read(ctx, c)?;
    let pr = parts::read(ctx, p)?;
    let nr = loose_reading(ctx, nc)?;
    let computation = compute(&[&pr, &cr], &[1], |x| ops::div(x[0], x[1])).ok()?;
    finish(
        ctx,
        (n, &nr),
        vec![(count, Role::Count), (pop, Role::Population)],
        computation,
        format!("{} / {}", ctx.text(p.span), ctx.text(c.span)),
    )
}

/// "3,000 of the island's 60,000 homes": part "of", determiners and possessives, whole — the
/// two counts right before position `pos`.
fn of_possessed(ctx: &Context, sentence: &Sentence, pos: usize) -> Option<(usize, usize)> {
    let whole = *sentence.claims.get(pos.checked_sub(1)?)?;
    let part = *sentence.claims.get(pos.checked_sub(2)?)?;
    let (p, w) = (&ctx.claims[part], &ctx.claims[whole]);
    if !parts::is_countish(p) || !parts::is_countish(w) {
        return None;
    }
    let words = parts::words(parts::between(ctx, p.span, w.span));
    let (first, rest) = words.split_first()?;
    let tied = first == "of"
        && rest.len() <= 3
        && rest.iter().all(|w| {
            ["the", "its", "their", "his", "her", "our"].contains(&w.as_ref())
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
    tied.then_some((part, whole))
}

/// The end of a claim with its counted noun ("one doctor").
fn per_unit_end(c: &Claim) -> crate::model::Span {
    crate::model::Span::new(c.span.start, c.phrase_end())
}

/// "destroyed 3,000 of the island's 60,000 homes — one in every 20": N = whole / part.
fn one_in_every(ctx: &Context, sentence: &Sentence, pos: usize) -> Option<Finding> {
    let one = sentence.claims[pos];
    let n = *sentence.claims.get(pos + 1)?;
    let (o, nc) = (&ctx.claims[one], &ctx.claims[n]);
    if !is_one(o) || !parts::is_countish(nc) {
        return None;
    }
    let words = parts::words(parts::between(ctx, o.span, nc.span));
    let form = matches!(
        words.iter().map(|w| &**w).collect::<Vec<_>>().as_slice(),
        ["in"] | ["in", "every"]
    );
    if !form {
        return None;
    }
    // The part-whole pair right before it, with nothing else between.
    let (part_i, whole_i) = parts::part_wholes(ctx, sentence)
        .iter()
        .filter(|pw| ctx.claims[pw.part.max(pw.whole)].span.end <= o.span.start)
        .max_by_key(|pw| ctx.claims[pw.part.max(pw.whole)].span.start)
        .map(|pw| (pw.part, pw.whole))
        .or_else(|| of_possessed(ctx, sentence, pos))?;
    let last = if ctx.claims[part_i].span.start > ctx.claims[whole_i].span.start {
        part_i
    } else {
        whole_i
    };
    let between_amounts = sentence.claims.iter().any(|&k| {
        let c = &ctx.claims[k];
        c.span.start > ctx.claims[last].span.end
            && c.span.end <= o.span.start
            && parts::is_amount(c)
    });
    let link = parts::between(ctx, ctx.claims[last].span, o.span);
    if between_amounts || !link.contains([',', '—', '–', '(', ':']) {
        return None;
    }
    let (part, whole) = (&ctx.claims[part_i], &ctx.claims[whole_i]);
    let pr = parts::read(ctx, part)?;
    let wr = parts::read(ctx, whole)?;
    let nr = loose_reading(ctx, nc)?;
    let computation = compute(&[&wr, &pr], &[1], |x| ops::div(x[0], x[1])).ok()?;
    finish(
        ctx,
        (n, &nr),
        vec![(part_i, Role::Part), (whole_i, Role::Whole)],
        computation,
        format!("{} / {}", ctx.text(whole.span), ctx.text(part.span)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&RatePerCapita, text, false)
    }

    #[test]
    fn flags_a_rate_the_figures_do_not_give() {
        let f = run(
            "The county recorded 84 cases among its 56,000 residents, a rate of 15 per 100,000.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        let labels: Vec<&str> = f[0].related.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["count", "population"]);
        assert!(run(
            "The county recorded 84 cases among its 56,000 residents, a rate of 150 per 100,000."
        )
        .is_empty());
    }

    #[test]
    fn a_percent_on_a_per_n_rate() {
        let f = run("Cycling injuries reached 5.8% per 1,000 riders last year.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }
}
