//! Shared relation finders for the part/whole rules (`semantics.md` §7.2): "part-whole" (X of
//! (the) Y, X out of Y, of the Y …, X; Y …, of whom X), "total" (N in all, in total,
//! altogether, a total of N, bringing the total to N) and the markers that say whether a set
//! of parts is exhaustive ("the remaining", "the rest") or not ("including", "such as").
//!
//! Everything here works inside one sentence on claims in text order, so the rules that use
//! it stay linear in the number of claims.

use crate::check::Context;
use crate::model::{Claim, Hedge, Kind, Quantity, Span};
use crate::report::{Finding, Related, Severity};
use crate::semantics::format::{self, verdict_words};
use crate::semantics::severity::is_hedged;
use crate::semantics::{judge, reading, severity, Binding, Computation, Facts, Interval, Reading};

/// The claims of one sentence, as indices into `ctx.claims`, in text order.
pub struct Sentence {
    pub span: Span,
    pub claims: Vec<usize>,
}

/// Groups the claims by sentence (claims outside every sentence are dropped).
pub fn sentences(ctx: &Context) -> Vec<Sentence> {
    let mut order: Vec<usize> = (0..ctx.claims.len()).collect();
    order.sort_by_key(|&i| (ctx.claims[i].span.start, ctx.claims[i].span.end));
    let mut out: Vec<(usize, Sentence)> = Vec::new();
    for i in order {
        let Some((k, span)) = ctx.segments.sentence_of(ctx.claims[i].span.start) else {
            continue;
        };
        match out.last_mut() {
            Some((last, s)) if *last == k => s.claims.push(i),
            _ => out.push((
                k,
                Sentence {
                    span,
                    claims: vec![i],
                },
            )),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// A plain amount: one number, not a date, ordinal, fraction or duration, and readable.
pub fn is_amount(claim: &Claim) -> bool {
    matches!(claim.quantity, Quantity::Point(_))
        && matches!(
            claim.kind,
            Kind::Count | Kind::Number | Kind::Money | Kind::Measure | Kind::Percent
        )
        && !claim.flags.malformed
        && !claim.flags.too_large
}

/// A whole-number amount of things (counts, and bare numbers that may count something).
pub fn is_countish(claim: &Claim) -> bool {
    is_amount(claim) && matches!(claim.kind, Kind::Count | Kind::Number)
}

/// Lower-case words of a text, punctuation trimmed, empty pieces dropped.
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The text between two spans (empty when they touch or overlap).
pub fn between<'a>(ctx: &'a Context, a: Span, b: Span) -> &'a str {
    ctx.doc.text.get(a.end..b.start).unwrap_or("")
}

/// The text around a span, widened by up to `before` and `after` bytes (kept on character
/// boundaries).
pub fn window<'a>(ctx: &'a Context, span: Span, before: usize, after: usize) -> &'a str {
    let text = &ctx.doc.text;
    let mut start = span.start.saturating_sub(before);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.saturating_add(after).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    text.get(start..end).unwrap_or("")
}

/// The text of the sentence before a claim.
pub fn before_in_sentence<'a>(ctx: &'a Context, sentence: Span, claim: &Claim) -> &'a str {
    ctx.doc
        .text
        .get(sentence.start..claim.span.start)
        .unwrap_or("")
}

/// The text of the sentence after a claim.
pub fn after_in_sentence<'a>(ctx: &'a Context, sentence: Span, claim: &Claim) -> &'a str {
    ctx.doc.text.get(claim.span.end..sentence.end).unwrap_or("")
}

/// Determiners that may stand between "of" and a whole: "of the 14", "of its 41".
const OF_DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "these", "those"];

/// Words that say a list of parts leaves things out.
const NON_EXHAUSTIVE: &[&str] = &[
    "including",
    "included",
    "among",
    "such",
    "e.g",
    "etc",
    "example",
    "instance",
    "notably",
    "like",
    "plus",
    "excluding",
    "besides",
];

/// Words that say the parts cover the whole: "the remaining 7", "the rest", "the other 12".
const EXHAUSTIVE: &[&str] = &["remaining", "rest", "other", "others", "remainder"];

/// A non-exhaustive marker among these words.
pub fn has_non_exhaustive(words: &[String]) -> bool {
    words.iter().any(|w| NON_EXHAUSTIVE.contains(&w.as_str()))
}

/// An exhaustiveness marker among these words.
pub fn has_exhaustive(words: &[String]) -> bool {
    words.iter().any(|w| EXHAUSTIVE.contains(&w.as_str()))
}

/// How a part is tied to its whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartWholeForm {
    /// "Nine of the 14 finalists", "40% of the nine inspectors".
    OfThe,
    /// "12 out of 15 schools".
    OutOf,
    /// "Of the 26 schools inspected, 31 failed": the whole leads the sentence.
    LeadOf,
    /// "the 12 passengers, of whom 5 …" or "the 12 passengers, 5 of whom …".
    OfWhom,
}

/// A part tied to a whole in one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartWhole {
    pub part: usize,
    pub whole: usize,
    pub form: PartWholeForm,
}

fn of_the(gap: &[String]) -> bool {
    match gap {
        [of] => of == "of",
        [of, det] => of == "of" && OF_DETERMINERS.contains(&det.as_str()),
        _ => false,
    }
}

fn out_of(gap: &[String]) -> bool {
    match gap {
        [out, of] => out == "out" && of == "of",
        [out, of, det] => out == "out" && of == "of" && OF_DETERMINERS.contains(&det.as_str()),
        _ => false,
    }
}

/// Whether the sentence opens with "Of (the)" or "Out of (the)" right before this claim.
fn leads_with_of(before: &str) -> bool {
    let w = words(before);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    match w.as_slice() {
        ["of"] | ["out", "of"] => true,
        ["of", det] | ["out", "of", det] => OF_DETERMINERS.contains(det),
        _ => false,
    }
}

/// Whether the words right after a claim are "of whom" / "of which" / "of them".
fn followed_by_of_whom(after: &str) -> bool {
    let w = words(after);
    w.len() >= 2 && w[0] == "of" && matches!(w[1].as_str(), "whom" | "which" | "them")
}

/// "12 passengers, of whom 5": the gap ends with "of whom" / "of which" after a comma.
fn of_whom_before(gap: &[String], gap_text: &str) -> bool {
    gap.len() >= 2
        && gap.len() <= 6
        && gap_text.contains(',')
        && gap[gap.len() - 2] == "of"
        && matches!(gap[gap.len() - 1].as_str(), "whom" | "which")
}

/// Every part-whole pair of a sentence, each tied by one of the explicit forms.
pub fn part_wholes(ctx: &Context, sentence: &Sentence) -> Vec<PartWhole> {
    let mut out = Vec::new();
    let claims = &sentence.claims;
    for (k, pair) in claims.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
        let gap_text = between(ctx, ca.span, cb.span);
        let gap = words(gap_text);
        let form = if of_the(&gap) {
            Some((a, b, PartWholeForm::OfThe))
        } else if out_of(&gap) {
            Some((a, b, PartWholeForm::OutOf))
        } else if k == 0
            && leads_with_of(before_in_sentence(ctx, sentence.span, ca))
            && gap_text.matches(',').count() == 1
        {
            Some((b, a, PartWholeForm::LeadOf))
        } else if of_whom_before(&gap, gap_text)
            || (gap.len() <= 4
                && gap_text.contains(',')
                && !gap_text.contains(';')
                && followed_by_of_whom(after_in_sentence(ctx, sentence.span, cb)))
        {
            Some((b, a, PartWholeForm::OfWhom))
        } else {
            None
        };
        if let Some((part, whole, form)) = form {
            out.push(PartWhole { part, whole, form });
        }
    }
    out
}

/// How a total is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalForm {
    /// "37 in all", "37 in total", "37 altogether", "a total of 37": the sum of what the
    /// sentence lists before it.
    Sum,
    /// "bringing the total to 40": the parts are an increment, not the whole.
    Running,
}

/// Phrases before a number that make it a total.
const TOTAL_BEFORE: &[&[&str]] = &[
    &["a", "total", "of"],
    &["totalling"],
    &["totaling"],
    &["altogether"],
    &["in", "all"],
    &["in", "total"],
];

/// Phrases before a number that make it a running total.
const RUNNING_BEFORE: &[&[&str]] = &[
    &["bringing", "the", "total", "to"],
    &["bringing", "the", "number", "to"],
    &["bringing", "the", "toll", "to"],
    &["bringing", "the", "death", "toll", "to"],
    &["taking", "the", "total", "to"],
    &["raising", "the", "total", "to"],
];

fn ends_with(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len()
        && words[words.len() - phrase.len()..]
            .iter()
            .zip(phrase)
            .all(|(w, p)| w == p)
}

/// Whether the text ends with these lower-case words.
pub fn ends_with_words(text: &str, phrase: &[&str]) -> bool {
    ends_with(&words(text), phrase)
}

/// Text from `from` up to the next punctuation mark that ends a phrase.
fn phrase_after(text: &str) -> &str {
    let end = text
        .find([',', '.', ';', ':', '(', ')', '—', '–', '!', '?', '"'])
        .unwrap_or(text.len());
    &text[..end]
}

/// Text back to the previous punctuation mark that starts a phrase.
fn phrase_before(text: &str) -> &str {
    let start = text
        .rfind([',', '.', ';', ':', '(', ')', '—', '–', '!', '?', '"'])
        .map_or(0, |p| {
            p + text[p..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

/// Whether the claim is marked as a total, and how.
pub fn total_form(ctx: &Context, sentence: Span, claim: &Claim) -> Option<TotalForm> {
    let before = words(phrase_before(before_in_sentence(ctx, sentence, claim)));
    if RUNNING_BEFORE.iter().any(|p| ends_with(&before, p)) {
        return Some(TotalForm::Running);
    }
    if TOTAL_BEFORE.iter().any(|p| ends_with(&before, p)) {
        return Some(TotalForm::Sum);
    }
    // "37 in all", "37 homes in total", "37 altogether": the marker ends the phrase.
    let after = words(phrase_after(after_in_sentence(ctx, sentence, claim)));
    let n = after.len();
    let marked =
        (n >= 2 && after[n - 2] == "in" && matches!(after[n - 1].as_str(), "all" | "total"))
            || after.last().is_some_and(|w| w == "altogether");
    (marked && n <= 4).then_some(TotalForm::Sum)
}

/// The canonical head noun of a claim, when it has one.
pub fn head(ctx: &Context, claim: &Claim) -> Option<String> {
    crate::extract::key::QuantityKey::of(claim, &ctx.doc.text).head
}

/// Whether two claims may count the same kind of thing: same head, or no head on `part`.
pub fn same_thing(ctx: &Context, part: &Claim, whole: &Claim) -> bool {
    match (head(ctx, part), head(ctx, whole)) {
        (Some(p), Some(w)) => p == w,
        _ => true,
    }
}

/// Same measure: both counts, or the same money or measure unit.
pub fn same_unit(a: &Claim, b: &Claim) -> bool {
    let family = |c: &Claim| match c.kind {
        Kind::Count | Kind::Number => 0,
        Kind::Money => 1,
        Kind::Measure => 2,
        _ => 3,
    };
    family(a) == family(b) && family(a) != 3 && a.unit == b.unit
}

/// Whether two claims sit in one clause.
pub fn binding(ctx: &Context, a: &Claim, b: &Claim) -> Binding {
    let clause = |c: &Claim| ctx.segments.clause_of(c.span.start).map(|(i, _)| i);
    if clause(a) == clause(b) {
        Binding::OneClause
    } else {
        Binding::CrossClause
    }
}

/// The sum of several readings, both passes (counts stay whole numbers).
pub fn sum(readings: &[Reading]) -> Option<Computation> {
    let mut point = Some(rust_decimal::Decimal::ZERO);
    let mut strict = Interval::point(rust_decimal::Decimal::ZERO);
    let mut permissive = strict;
    for r in readings {
        point = match (point, r.value) {
            (Some(p), Some(v)) => p.checked_add(v),
            _ => None,
        };
        strict = strict.add(&r.strict).ok()?;
        permissive = permissive.add(&r.permissive).ok()?;
    }
    if readings.iter().all(|r| r.is_count) {
        strict = strict.to_whole();
        permissive = permissive.to_whole();
    }
    Some(Computation {
        point,
        strict,
        permissive,
        untestable: readings.iter().any(|r| r.untestable),
    })
}

/// The "(low–high given rounding)" part of a message, empty when the interval is a point.
pub fn given(iv: &Interval, decimals: u32, hedged: bool) -> String {
    match (iv.low, iv.high) {
        (Some(l), Some(h)) if format::number(l, decimals) == format::number(h, decimals) => {
            String::new()
        }
        _ => format!(
            " ({} given rounding{})",
            format::interval(iv, decimals),
            if hedged { " and hedges" } else { "" }
        ),
    }
}

/// What a stated claim says, with its interval when that is wider than the number.
pub fn stated(ctx: &Context, claim: &Claim, r: &Reading) -> String {
    let text = ctx.text(claim.span);
    match (r.permissive.low, r.permissive.high) {
        (Some(l), Some(h)) if l == h => text.to_string(),
        _ => format!("{text} ({})", format::interval(&r.permissive, r.decimals)),
    }
}

/// One check of a stated claim against a computation, ready to become a finding.
pub struct Check<'a> {
    pub rule: &'static str,
    pub default: Severity,
    pub binding: Binding,
    pub checked: (usize, &'a Reading),
    pub inputs: Vec<(usize, &'static str)>,
    pub computation: Computation,
    /// "14 + 23", "3 × $2,400": the inputs and the operation.
    pub operation: String,
    /// Rule-specific cap on the severity (e.g. warning without an exhaustiveness marker).
    pub cap: Option<Severity>,
    /// Report only a computed value above the stated one (parts that may leave things out
    /// can fall short of the whole, never exceed it).
    pub excess_only: bool,
}

/// Judges a check and applies the severity policy; `None` when nothing is to be reported.
pub fn finish(ctx: &Context, check: Check) -> Option<Finding> {
    let (checked_idx, checked) = check.checked;
    let j = judge(checked, &check.computation);
    let verdict = j.verdict?;
    if check.excess_only && !exceeds(&j.computed, &checked.permissive) {
        return None;
    }
    let claim = &ctx.claims[checked_idx];
    let hedged = is_hedged(claim) || check.inputs.iter().any(|&(i, _)| is_hedged(&ctx.claims[i]));
    let facts = Facts {
        default: check.default,
        binding: check.binding,
        hedged,
        up_to_violation: false,
        different_sources: false,
        decision_flip: false,
        checked_is_estimate: checked.hedge == Hedge::Estimate,
    };
    let mut sev = severity(verdict, &facts);
    if sev.is_none() && ctx.settings.show_consistent {
        sev = Some(Severity::Note);
    }
    let mut sev = sev?;
    if let Some(cap) = check.cap {
        sev = sev.min(cap);
    }
    let decimals = format::message_decimals(checked.decimals).min(6);
    let decimals = if checked.is_count && checked.decimals == 0 {
        0
    } else {
        decimals
    };
    let point = check
        .computation
        .point
        .or_else(|| j.computed.midpoint())
        .unwrap_or_default();
    let message = format!(
        "{} is {}{}; the text says {}: {}",
        check.operation,
        format::number(point, decimals),
        given(&j.computed, decimals, hedged),
        stated(ctx, claim, checked),
        verdict_words(verdict)
    );
    Some(Finding {
        rule: check.rule,
        severity: sev,
        verdict,
        message,
        primary: claim.span,
        related: check
            .inputs
            .iter()
            .map(|&(i, label)| Related {
                span: ctx.claims[i].span,
                label,
            })
            .collect(),
        computed: Some(format::computed(point, &j.computed)),
    })
}

/// Unhedged counts are exact (`rules.md` #4: "exact for unhedged counts"): when every reading
/// is one, the permissive pass uses the strict intervals, so a round part gets no halo.
pub fn exact_if_plain_counts(readings: &mut [&mut Reading]) {
    let plain_counts = readings
        .iter()
        .all(|r| r.is_count && matches!(r.hedge, Hedge::None | Hedge::Exactly) && r.decimals == 0);
    if plain_counts {
        for r in readings.iter_mut() {
            r.permissive = r.strict;
        }
    }
}

/// The computed interval lies wholly above the stated one.
fn exceeds(computed: &Interval, stated: &Interval) -> bool {
    match (computed.low, stated.high) {
        (Some(low), Some(high)) => low > high,
        _ => false,
    }
}

/// The reading of a claim under the configured tolerances. A bare number tied to a count by
/// one of these relations counts the same things ("Of the 26 schools, 31 failed"), so it is
/// read as a whole number too.
pub fn read(ctx: &Context, claim: &Claim) -> Option<Reading> {
    if claim.kind == Kind::Number && claim.unit.is_none() {
        let mut as_count = claim.clone();
        as_count.kind = Kind::Count;
        return reading(&as_count, &ctx.settings.tolerances);
    }
    reading(claim, &ctx.settings.tolerances)
}
