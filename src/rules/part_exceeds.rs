//! NUM-PART-EXCEEDS-WHOLE (`rules.md` #15).

use crate::analysis::parts::{self, PartWholeForm};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, FractionForm, Numeral, Quantity};
use crate::rules::RuleCheck;
use crate::semantics::format::number;
use rust_decimal::Decimal;
use std::borrow::Cow;

declare_rule! {
    /// ## What it checks
    /// A part larger than its whole: "31 of the 26 schools", "Of the 26 schools inspected,
    /// 31 failed", "the 12 passengers, 15 of whom …", "14 out of 9".
    ///
    /// ## Why it matters
    /// No reading makes a part exceed its whole: one of the two figures is a typo.
    ///
    /// ## Example
    /// "Of the 26 schools inspected, 31 failed the check." → error: 31 is more than 26.
    /// "Nine of the 14 finalists come from the north." → no finding.
    ///
    /// Also a part picked out of a set a verb names in the same sentence, as a warning:
    /// "tested 640 people …, and 652 of them …", "stopped 2,100 vehicles … found 2,300
    /// drivers over the limit", "employs 240 people, will cut 260 jobs"; and, as an error,
    /// a part named by "including" or "among them" after the count ("killed 12 people,
    /// including 15 children").
    ///
    /// ## Known limits
    /// Dates between a part and its whole are skipped ("tested 640 people last month, and
    /// 52 of them"); "N of them/those" binds the nearest earlier count that names its noun.
    /// The whole must name what it counts, and the part the same thing or nothing of its
    /// own (for the verb relations, people, jobs and vehicles stand for one another; a
    /// workforce in another scope, "worldwide", "across the group", is skipped). Ordinals,
    /// dates, ages, weights and durations are never parts or wholes. Ratings and hyperbole
    /// on small scales ("4 out of 5 stars", "11 out of 10") and idioms ("two of a kind")
    /// are skipped. A part that exceeds its whole only within rounding is not reported.
    pub struct PartExceedsWhole = ("NUM-PART-EXCEEDS-WHOLE", "a part larger than its whole");
}

/// Words beside "X out of Y" that make it a rating, score or hyperbole.
const RATING_WORDS: &[&str] = &[
    "star", "stars", "rated", "rating", "rates", "rate", "scored", "score", "points", "marks",
    "mark", "grade", "ten", "10",
];

impl RuleCheck for PartExceedsWhole {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            for pw in parts::part_wholes_across_time(ctx, sentence) {
                let (part, whole) = (&ctx.claims[pw.part], &ctx.claims[pw.whole]);
                if !parts::is_countish(part) || !parts::is_countish(whole) {
                    continue;
                }
                // The whole must name what it counts ("the 26 schools"): a bare number after
                // "of" may be a rate, a coupon or a share ("guilders of 7 3/4% bonds").
                if parts::head(ctx, whole).is_none()
                    || !parts::same_thing(ctx, part, whole)
                    || rating(ctx, pw.form, part, whole)
                {
                    continue;
                }
                if let Some(f) = exceeds(ctx, pw.part, pw.whole) {
                    out.push(f);
                }
            }
            for &i in &sentence.claims {
                if let Some(f) = out_of_claim(ctx, i) {
                    out.push(f);
                }
            }
            out.extend(subset_by_verb(ctx, sentence));
            out.extend(included_parts(ctx, sentence));
        }
    }
}

/// Verbs whose object is a set looked through: what they find is a part of it.
#[rustfmt::skip]
const SCREENING: &[&str] = &[
    "tested", "screened", "checked", "stopped", "inspected", "examined", "sampled",
    "searched", "surveyed", "interviewed", "questioned", "breathalysed", "breathalyzed",
    "audited", "sequenced", "x-rayed",
];

/// Words right before a part found in the screened set.
const FINDING: &[&str] = &["found", "detected", "identified", "caught", "discovered"];

/// Words right after a part found in the screened set ("620 failed", "52 tested positive").
const FINDING_AFTER: &[&str] = &["failed", "tested", "were", "was"];

/// Verbs whose object is a workforce, and verbs that cut jobs from it.
const EMPLOYING: &[&str] = &["employs", "employed", "employing", "employ"];
#[rustfmt::skip]
const CUTTING: &[&str] = &[
    "cut", "cuts", "cutting", "shed", "sheds", "shedding", "axe", "axes", "axing", "eliminate",
    "eliminates", "eliminating", "off",
];

/// What a workforce is counted in, and what a cut removes from it.
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "people", "person", "worker", "employee", "staff", "driver", "passenger", "patient",
    "resident", "adult", "child", "pupil", "student", "motorist", "rider", "visitor", "man",
    "woman", "job", "post", "position", "role", "vehicle", "car", "van", "lorry", "truck",
];

/// A workforce in another scope than the cut ("across the group", "worldwide").
#[rustfmt::skip]
const OTHER_SCOPE: &[&str] = &[
    "worldwide", "globally", "group", "nationwide", "across", "overall", "elsewhere",
    "company-wide", "total",
];

/// The word before a claim, past an article.
fn word_before(ctx: &Context, sentence: &parts::Sentence, claim: &Claim) -> Option<String> {
    let before = parts::before_in_sentence(ctx, sentence.span, claim);
    parts::words(before)
        .into_iter()
        .rev()
        .find(|w| !["the", "a", "an", "all", "some"].contains(&w.as_ref()))
        .map(Cow::into_owned)
}

/// Whether the part and whole count things one of which stands for one of the other: the
/// same head, no head on the part, or both people, jobs or vehicles ("stopped 3,400
/// vehicles … found 41 drivers over the limit").
fn one_for_one(ctx: &Context, part: &Claim, whole: &Claim) -> bool {
    match (parts::head(ctx, part), parts::head(ctx, whole)) {
        (None, Some(_)) => true,
        (Some(p), Some(w)) => {
            p == w || (PEOPLE.contains(&p.as_str()) && PEOPLE.contains(&w.as_str()))
        }
        _ => false,
    }
}

/// "tested 850 people …, and found 1,020 …", "stopped 3,400 vehicles … found 4,100
/// drivers over the limit", "employs 120 people, will cut 135 jobs": a part picked out of
/// a set that a verb names in the same sentence. A warning: the binding is the verbs'.
fn subset_by_verb(ctx: &Context, sentence: &parts::Sentence) -> Vec<Finding> {
    let claims: Vec<usize> = parts::untimed(ctx, sentence)
        .into_iter()
        .filter(|&i| parts::is_countish(&ctx.claims[i]))
        .collect();
    let mut out = Vec::new();
    if claims.len() < 2 {
        return out;
    }
    let sentence_words = parts::words(ctx.text(sentence.span));
    for (k, &w) in claims.iter().enumerate() {
        let whole = &ctx.claims[w];
        let Some(verb) = word_before(ctx, sentence, whole) else {
            continue;
        };
        let screening = SCREENING.contains(&verb.as_str());
        let employing = EMPLOYING.contains(&verb.as_str());
        if !(screening || employing) || whole.hedge.is_bound() {
            continue;
        }
        // The next count after the whole is the only one read as its part.
        let Some(&p) = claims.get(k + 1) else {
            continue;
        };
        let part = &ctx.claims[p];
        if parts::between(ctx, whole.span, part.span).contains(';')
            || !one_for_one(ctx, part, whole)
        {
            continue;
        }
        let before = word_before(ctx, sentence, part).unwrap_or_default();
        let after = parts::words(parts::after_in_sentence(ctx, sentence.span, part));
        let related = if screening {
            FINDING.contains(&before.as_str())
                || (part.counted.is_none()
                    && after
                        .first()
                        .is_some_and(|a| FINDING_AFTER.contains(&a.as_ref()))
                    && after
                        .iter()
                        .take(3)
                        .any(|a| ["positive", "failed", "over", "infected"].contains(&a.as_ref())))
        } else {
            CUTTING.contains(&before.as_str())
                && parts::head(ctx, part).is_some_and(|h| PEOPLE.contains(&h.as_str()))
                && !sentence_words
                    .iter()
                    .any(|x| OTHER_SCOPE.contains(&x.as_ref()))
        };
        if related {
            if let Some(mut f) = exceeds(ctx, p, w) {
                f.severity = Severity::Warning;
                out.push(f);
            }
        }
    }
    out
}

/// "killed 12 people, including 15 children", "…, among them 15 children": a part named
/// after a comma by "including" or "among them", of the count just before.
fn included_parts(ctx: &Context, sentence: &parts::Sentence) -> Vec<Finding> {
    let claims = parts::untimed(ctx, sentence);
    let mut out = Vec::new();
    for pair in claims.windows(2) {
        let (w, p) = (pair[0], pair[1]);
        let (whole, part) = (&ctx.claims[w], &ctx.claims[p]);
        if !parts::is_countish(whole) || !parts::is_countish(part) || whole.counted.is_none() {
            continue;
        }
        let from = whole.phrase_end();
        let gap_text = ctx.doc.text.get(from..part.span.start).unwrap_or("");
        let gap = parts::words(gap_text);
        let marked = gap.last().is_some_and(|x| x == "including")
            || gap.ends_with(&["among".into(), "them".into()])
            || gap.ends_with(&["among".into(), "whom".into()]);
        let comma_only = gap_text.rsplit_once(',').is_some_and(|(head, _)| {
            parts::words(head).len() <= 4 && !head.contains([',', ';', ':'])
        });
        if marked
            && comma_only
            && one_for_one(ctx, part, whole)
            && !part.hedge.is_bound()
            && !whole.hedge.is_bound()
        {
            out.extend(exceeds(ctx, p, w));
        }
    }
    out
}

/// "X out of 10 …" next to a rating word, or any "out of" whole of 10 or less (hyperbole).
fn rating(ctx: &Context, form: PartWholeForm, part: &Claim, whole: &Claim) -> bool {
    if form != PartWholeForm::OutOf {
        return false;
    }
    let small = whole.point_value().is_some_and(|v| v <= Decimal::TEN);
    let near = parts::words(parts::window(ctx, part.span.cover(whole.span), 40, 20));
    small || near.iter().any(|w| RATING_WORDS.contains(&w.as_ref()))
}

fn exceeds(ctx: &Context, part: usize, whole: usize) -> Option<Finding> {
    let (p, w) = (&ctx.claims[part], &ctx.claims[whole]);
    let pr = parts::read(ctx, p)?;
    let wr = parts::read(ctx, w)?;
    let (low, high) = (pr.permissive.low?, wr.permissive.high?);
    if low <= high {
        return None;
    }
    Some(Finding {
        rule: PartExceedsWhole::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: format!(
            "the part {} is more than the whole {}; a part cannot exceed its whole: inconsistent",
            parts::stated(ctx, p, &pr, Decimal::ONE, ""),
            parts::stated(ctx, w, &wr, Decimal::ONE, ""),
        ),
        primary: p.span,
        related: vec![Related {
            span: w.span,
            label: Role::Total,
        }],
        computed: None,
    })
}

/// One claim "14 out of 9": the grammar reads it as a fraction with both numbers.
fn out_of_claim(ctx: &Context, i: usize) -> Option<Finding> {
    let c = &ctx.claims[i];
    let Quantity::Fraction(FractionForm::OutOf(a, b)) = &c.quantity else {
        return None;
    };
    if b.value <= Decimal::TEN || a.value <= b.value || c.flags.malformed {
        return None;
    }
    if parts::words(parts::window(ctx, c.span, 40, 20))
        .iter()
        .any(|w| RATING_WORDS.contains(&w.as_ref()))
    {
        return None;
    }
    Some(Finding {
        rule: PartExceedsWhole::ID,
        severity: Severity::Error,
        verdict: Verdict::Inconsistent,
        message: format!(
            "the part {} is more than the whole {}; a part cannot exceed its whole: inconsistent",
            plain(a),
            plain(b)
        ),
        primary: c.span,
        related: Vec::new(),
        computed: None,
    })
}

fn plain(n: &Numeral) -> String {
    number(n.value, n.decimals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&PartExceedsWhole, text, true)
    }

    #[test]
    fn flags_a_part_above_its_whole() {
        let f = run("Of the 26 schools inspected, 31 failed the check.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].related[0].label, "total");
        assert_eq!(
            run("Officials said 31 of the 26 ferries were late.").len(),
            1
        );
    }

    #[test]
    fn parts_across_dates_of_them_and_verbs() {
        assert_eq!(
            run("The clinic tested 640 people last month, and 652 of them were ill.").len(),
            1
        );
        assert_eq!(
            run("Divers sampled 80 wrecks and found the coral on 95 of them.").len(),
            1
        );
        let f = run("The mill, which employs 240 people, will cut 260 jobs.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            run("Officers stopped 2,100 cars and found 2,300 drivers over the limit.").len(),
            1
        );
        assert!(run("Inspectors checked 200 cafes and found 350 breaches.").is_empty());
        assert!(
            run("The firm, which employs 900 people in Ohio, will cut 1,200 jobs worldwide.")
                .is_empty()
        );
    }

    #[test]
    fn idioms_ratings_and_other_heads_are_skipped() {
        assert!(run("Nine of the 14 finalists come from the north.").is_empty());
        assert!(run("Critics rated the album 4 out of 5 stars.").is_empty());
        assert!(run("The chef called the soup 11 out of 10.").is_empty());
        assert!(run("She was the second of three witnesses.").is_empty());
        assert!(run("They were two of a kind.").is_empty());
        assert!(run("Of the 6 new trains, 14 carriages were damaged.").is_empty());
        assert!(run("They sold 250 million guilders of 7 bonds.").is_empty());
    }
}
