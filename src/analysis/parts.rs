//! Shared relation finders for the part/whole rules (`semantics.md` §7.2): "part-whole" (X of
//! (the) Y, X out of Y, of the Y …, X; Y …, of whom X), "total" (N in all, in total,
//! altogether, a total of N, bringing the total to N) and the markers that say whether a set
//! of parts is exhaustive ("the remaining", "the rest") or not ("including", "such as").
//!
//! Everything here works inside one sentence on claims in text order, so the rules that use
//! it stay linear in the number of claims.

use crate::analysis::Context;
use crate::finding::{Finding, Related, Severity};
use crate::model::{Claim, Hedge, Kind, Quantity, Span};
use crate::semantics::format::{self, verdict_words};
use crate::semantics::severity::is_hedged;
use crate::semantics::{judge, reading, severity, Binding, Computation, Facts, Interval, Reading};
use crate::text::{ascii_case_insensitive, lower_eq, lower_in};
use aho_corasick::AhoCorasick;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The claims of one sentence, as indices into `ctx.claims`, in text order.
pub struct Sentence {
    pub span: Span,
    pub claims: Vec<usize>,
    /// Its part-whole pairs ([`part_wholes`]), found on first use: three rules read them.
    pairs: OnceLock<Vec<PartWhole>>,
    /// Whether its text may hold a total marker ([`may_hold_total`]), found on first use:
    /// [`total_form`] is asked about each of its claims.
    may_total: OnceLock<bool>,
}

/// The claims grouped by sentence (claims outside every sentence are dropped), grouped
/// once per rule pass: seven rules walk them.
pub fn sentences<'c>(ctx: &'c Context) -> &'c [Sentence] {
    ctx.claim_sentences()
}

/// Groups the claims by sentence, for [`Context::claim_sentences`].
pub fn group_by_sentence(ctx: &Context) -> Vec<Sentence> {
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
                    pairs: OnceLock::new(),
                    may_total: OnceLock::new(),
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
pub fn words(text: &str) -> Vec<Cow<'_, str>> {
    words_as_written(text).map(crate::text::lower).collect()
}

/// The words of [`words`] as written (not lower-cased), read lazily from either end: most
/// checks need only the first or last few, compared with [`lower_eq`].
pub fn words_as_written(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split_whitespace()
        .map(crate::analysis::written::trimmed)
        .filter(|w| !w.is_empty())
}

/// Whether the words of the text, lower-cased, are exactly `expected`.
pub fn words_are_exactly(text: &str, expected: &[&str]) -> bool {
    let words: Vec<&str> = words_as_written(text).take(expected.len() + 1).collect();
    words_are(&words, expected)
}

/// Whether the words, lower-cased, are exactly `expected`.
fn words_are(words: &[&str], expected: &[&str]) -> bool {
    words.len() == expected.len() && words.iter().zip(expected).all(|(w, e)| lower_eq(w, e))
}

/// Whether the text has a word that, lower-cased, is one of `set`.
pub fn has_word(text: &str, set: &[&str]) -> bool {
    words_as_written(text).any(|w| one_of(w, set))
}

/// Whether the word, lower-cased, is one of `set`.
fn one_of(word: &str, set: &[&str]) -> bool {
    lower_in(word, set)
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
pub fn has_non_exhaustive(words: &[Cow<str>]) -> bool {
    words.iter().any(|w| NON_EXHAUSTIVE.contains(&w.as_ref()))
}

/// An exhaustiveness marker among these words.
pub fn has_exhaustive(words: &[Cow<str>]) -> bool {
    words.iter().any(|w| EXHAUSTIVE.contains(&w.as_ref()))
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

fn of_the(gap: &[&str]) -> bool {
    match gap {
        [of] => lower_eq(of, "of"),
        [of, det] => lower_eq(of, "of") && one_of(det, OF_DETERMINERS),
        _ => false,
    }
}

fn out_of(gap: &[&str]) -> bool {
    match gap {
        [out, of] => lower_eq(out, "out") && lower_eq(of, "of"),
        [out, of, det] => lower_eq(out, "out") && lower_eq(of, "of") && one_of(det, OF_DETERMINERS),
        _ => false,
    }
}

/// Whether the sentence opens with "Of (the)" or "Out of (the)" right before this claim.
fn leads_with_of(before: &str) -> bool {
    // Four words are already too many.
    let w: Vec<&str> = words_as_written(before).take(4).collect();
    match w.as_slice() {
        [of] => lower_eq(of, "of"),
        [a, b] => words_are(&w, &["out", "of"]) || (lower_eq(a, "of") && one_of(b, OF_DETERMINERS)),
        [_, _, det] => words_are(&w[..2], &["out", "of"]) && one_of(det, OF_DETERMINERS),
        _ => false,
    }
}

/// Whether the words right after a claim are "of whom" / "of which" / "of them".
fn followed_by_of_whom(after: &str) -> bool {
    let mut w = words_as_written(after);
    w.next().is_some_and(|of| lower_eq(of, "of"))
        && w.next()
            .is_some_and(|w| one_of(w, &["whom", "which", "them"]))
}

/// A bare four-digit number that may be a year ("2021 champion Ruiz").
fn year_like(ctx: &Context, claim: &Claim) -> bool {
    let t = ctx.text(claim.span);
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && t.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// A number glued to a word by a hyphen is a modifier ("a 45-year-old"), not a part.
fn compound(ctx: &Context, claim: &Claim) -> bool {
    let after = ctx.doc.text.get(claim.span.end..).unwrap_or("");
    after.starts_with('-') || after.starts_with('‑')
}

/// "the 3 clubs' players": the whole modifies another noun, so it is not the whole.
fn possessive(ctx: &Context, claim: &Claim) -> bool {
    let end = claim.phrase_end();
    let after = ctx.doc.text.get(end..).unwrap_or("");
    after.starts_with('\'') || after.starts_with('’')
}

/// "12 passengers, of whom 5": the gap ends with "of whom" / "of which" after a comma.
fn of_whom_before(gap: &[&str], gap_text: &str) -> bool {
    gap.len() >= 2
        && gap.len() <= 6
        && gap_text.contains(',')
        && lower_eq(gap[gap.len() - 2], "of")
        && one_of(gap[gap.len() - 1], &["whom", "which"])
}

/// More words between two claims than any part-whole form allows.
const MAX_PART_WHOLE_GAP: usize = 6;

/// The words of a gap, as written, up to one more than [`MAX_PART_WHOLE_GAP`] (so a longer
/// gap is still seen as too long).
fn gap_words(gap_text: &str) -> Vec<&str> {
    words_as_written(gap_text)
        .take(MAX_PART_WHOLE_GAP + 1)
        .collect()
}

/// Every part-whole pair of a sentence, each tied by one of the explicit forms.
pub fn part_wholes<'s>(ctx: &Context, sentence: &'s Sentence) -> &'s [PartWhole] {
    sentence
        .pairs
        .get_or_init(|| find_part_wholes(ctx, sentence))
}

fn find_part_wholes(ctx: &Context, sentence: &Sentence) -> Vec<PartWhole> {
    find_part_wholes_in(ctx, sentence.span, &sentence.claims)
}

/// The part-whole pairs among these claims of one sentence, in text order.
fn find_part_wholes_in(ctx: &Context, sentence: Span, claims: &[usize]) -> Vec<PartWhole> {
    let mut out = Vec::new();
    for (k, pair) in claims.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let (ca, cb) = (&ctx.claims[a], &ctx.claims[b]);
        let gap_text = between(ctx, ca.span, cb.span);
        let gap = gap_words(gap_text);
        if year_like(ctx, ca) || year_like(ctx, cb) {
            continue;
        }
        // "14 matches out of the 18": the part's own noun may stand before "of". Without
        // one in the gap, the words after it are the gap's own (not copied).
        let noun_in_gap = ca
            .counted
            .filter(|c| c.start >= ca.span.end && c.end <= cb.span.start);
        let words_after_noun;
        let after_noun: &[&str] = match noun_in_gap {
            Some(c) => {
                words_after_noun = gap_words(between(ctx, c, cb.span));
                &words_after_noun
            }
            None => &gap,
        };
        let form = if of_the(&gap) || of_the(after_noun) {
            Some((a, b, PartWholeForm::OfThe))
        } else if out_of(&gap) || out_of(after_noun) {
            Some((a, b, PartWholeForm::OutOf))
        } else if k == 0
            && leads_with_of(before_in_sentence(ctx, sentence, ca))
            && gap_text.matches(',').count() == 1
            && gap_text
                .rsplit(',')
                .next()
                .is_some_and(|t| t.trim().is_empty())
        {
            Some((b, a, PartWholeForm::LeadOf))
        } else if of_whom_before(&gap, gap_text)
            || (gap.len() <= 4
                && gap_text.contains(',')
                && !gap_text.contains(';')
                && followed_by_of_whom(after_in_sentence(ctx, sentence, cb)))
        {
            Some((b, a, PartWholeForm::OfWhom))
        } else {
            None
        };
        if let Some((part, whole, form)) = form {
            let (p, w) = (&ctx.claims[part], &ctx.claims[whole]);
            if !compound(ctx, p) && !possessive(ctx, w) {
                out.push(PartWhole { part, whole, form });
            }
        }
    }
    out
}

/// Dates, periods and durations: a list of amounts runs across them ("19 on Friday, 15 on
/// Saturday") without their being parts or wholes.
pub fn is_time(claim: &Claim) -> bool {
    matches!(
        claim.kind,
        Kind::Year | Kind::Date | Kind::Period | Kind::Duration | Kind::RelativeDate
    )
}

/// The claims of a sentence with dates, periods and durations set aside.
pub fn untimed(ctx: &Context, sentence: &Sentence) -> Vec<usize> {
    sentence
        .claims
        .iter()
        .copied()
        .filter(|&i| !is_time(&ctx.claims[i]))
        .collect()
}

/// [`part_wholes`] read over the sentence's claims with dates and periods set aside
/// ("tested 640 people last month, and 52 of them …"), plus "N of them/those/these" tied
/// back to the nearest earlier count that names what it counts ("sampled 96 wells and found
/// the chemical in 104 of them"). Not cached: only the part/whole rules ask.
pub fn part_wholes_across_time(ctx: &Context, sentence: &Sentence) -> Vec<PartWhole> {
    let claims = untimed(ctx, sentence);
    let mut out = find_part_wholes_in(ctx, sentence.span, &claims);
    for (k, &p) in claims.iter().enumerate().skip(1) {
        let part = &ctx.claims[p];
        let mut after = words_as_written(after_in_sentence(ctx, sentence.span, part));
        let refers_back = after.next().is_some_and(|of| lower_eq(of, "of"))
            && after
                .next()
                .is_some_and(|w| one_of(w, &["them", "those", "these"]));
        if !refers_back || out.iter().any(|pw| pw.part == p) {
            continue;
        }
        let w = claims[k - 1];
        let whole = &ctx.claims[w];
        let gap_text = between(ctx, whole.span, part.span);
        let gap = words(gap_text);
        if whole.counted.is_none()
            || !is_countish(whole)
            || year_like(ctx, whole)
            || gap.len() > 12
            || gap_text.contains([';', ':', '(', ')'])
            || compound(ctx, part)
            || possessive(ctx, whole)
        {
            continue;
        }
        out.push(PartWhole {
            part: p,
            whole: w,
            form: PartWholeForm::OfWhom,
        });
    }
    out
}

/// "Of the 60 seats on the council, Labour won 28, …": a sentence that opens with its whole,
/// its parts after the first comma. The whole and the first part.
pub fn lead_whole(ctx: &Context, sentence: &Sentence) -> Option<(usize, usize)> {
    let claims = untimed(ctx, sentence);
    let (&w, &first) = (claims.first()?, claims.get(1)?);
    let whole = &ctx.claims[w];
    if !leads_with_of(before_in_sentence(ctx, sentence.span, whole)) || possessive(ctx, whole) {
        return None;
    }
    let gap_text = between(ctx, whole.span, ctx.claims[first].span);
    let comma = gap_text.find(',')?;
    let noun_phrase = words(&gap_text[..comma]);
    (noun_phrase.len() <= 8 && !gap_text.contains([';', ':', '(', ')', '—', '–']))
        .then_some((w, first))
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

/// Whether the text ends with these lower-case words (read back from its end only).
pub fn ends_with_words(text: &str, phrase: &[&str]) -> bool {
    ends_with(words_as_written(text).rev(), phrase)
}

/// Whether words given last first end with these lower-case words.
fn ends_with<'t>(mut last_first: impl Iterator<Item = &'t str>, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .rev()
        .all(|p| last_first.next().is_some_and(|w| lower_eq(w, p)))
}

/// Punctuation marks that bound a phrase.
const PHRASE_MARKS: [char; 11] = [',', '.', ';', ':', '(', ')', '—', '–', '!', '?', '"'];

/// The words of a text up to its first punctuation mark, as [`words_as_written`] reads
/// them, without scanning past the words taken.
fn phrase_words_after(text: &str) -> impl Iterator<Item = &str> {
    let mut ended = false;
    text.split_whitespace()
        .map_while(move |token| {
            if ended {
                return None;
            }
            Some(match token.find(PHRASE_MARKS) {
                Some(p) => {
                    ended = true;
                    &token[..p]
                }
                None => token,
            })
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// The words of a text after its last punctuation mark, last first, read back from its end
/// only.
fn phrase_words_before(text: &str) -> impl Iterator<Item = &str> {
    let mut ended = false;
    text.split_whitespace()
        .rev()
        .map_while(move |token| {
            if ended {
                return None;
            }
            Some(match token.rfind(PHRASE_MARKS) {
                Some(p) => {
                    ended = true;
                    &token[p + token[p..].chars().next().map_or(1, char::len_utf8)..]
                }
                None => token,
            })
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Whether a text may hold a total marker. Each marker has one of these words, and besides
/// ASCII letters only the Kelvin sign lower-cases to ASCII alone (to "k", in none of them),
/// so a text with a marker holds one of them in some ASCII case.
fn may_hold_total(text: &str) -> bool {
    static WORDS: OnceLock<AhoCorasick> = OnceLock::new();
    WORDS
        .get_or_init(|| ascii_case_insensitive(&["total", "all", "altogether", "toll", "number"]))
        .is_match(text)
}

/// Whether the claim is marked as a total, and how.
pub fn total_form(ctx: &Context, sentence: &Sentence, claim: &Claim) -> Option<TotalForm> {
    let may_total = sentence
        .may_total
        .get_or_init(|| may_hold_total(ctx.text(sentence.span)));
    if !may_total {
        return None;
    }
    let sentence = sentence.span;
    let before_text = before_in_sentence(ctx, sentence, claim);
    let after_text = after_in_sentence(ctx, sentence, claim);
    // Every marker before a number ends in one of these words; the longest has five.
    let ends_like_marker = phrase_words_before(before_text).next().is_some_and(|w| {
        one_of(
            w,
            &[
                "to",
                "of",
                "totalling",
                "totaling",
                "altogether",
                "all",
                "total",
            ],
        )
    });
    if ends_like_marker {
        let last: Vec<&str> = phrase_words_before(before_text).take(5).collect();
        let ends_phrase = |p: &[&str]| ends_with(last.iter().copied(), p);
        if RUNNING_BEFORE.iter().any(|p| ends_phrase(p)) {
            return Some(TotalForm::Running);
        }
        if TOTAL_BEFORE.iter().any(|p| ends_phrase(p)) {
            return Some(TotalForm::Sum);
        }
    }
    // "In all, 37 homes …": the marker opens the sentence (three words are too many).
    let opening: Vec<&str> = words_as_written(before_text).take(3).collect();
    if [&["in", "all"][..], &["in", "total"], &["altogether"]]
        .iter()
        .any(|m| words_are(&opening, m))
    {
        return Some(TotalForm::Sum);
    }
    // "37 in all", "37 homes in total", "37 altogether": the marker ends the phrase (five
    // words are too many).
    let after: Vec<&str> = phrase_words_after(after_text).take(5).collect();
    let n = after.len();
    let marked =
        (n >= 2 && lower_eq(after[n - 2], "in") && one_of(after[n - 1], &["all", "total"]))
            || after.last().is_some_and(|w| lower_eq(w, "altogether"));
    (marked && n <= 4).then_some(TotalForm::Sum)
}

/// The canonical head noun of a claim, when it has one.
pub fn head(ctx: &Context, claim: &Claim) -> Option<String> {
    crate::extract::key::QuantityKey::of(claim, &ctx.doc.text)
        .head
        .map(std::borrow::Cow::into_owned)
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
    let mut point = Some(Decimal::ZERO);
    let mut strict = Interval::point(Decimal::ZERO);
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

/// What a stated claim says, with its interval (divided by `factor`, followed by `word`)
/// when that is wider than the number.
pub fn stated(ctx: &Context, claim: &Claim, r: &Reading, factor: Decimal, word: &str) -> String {
    let text = ctx.text(claim.span);
    match (r.permissive.low, r.permissive.high) {
        (Some(l), Some(h)) if l == h => text.to_string(),
        _ => format!(
            "{text} ({}{word})",
            format::interval(&in_scale(&r.permissive, factor), shown_decimals(r, factor))
        ),
    }
}

/// Decimals for a stated interval: one more than written when shown in a scale word
/// ("$2 million" → 1.8–2.2 million).
fn shown_decimals(r: &Reading, factor: Decimal) -> u32 {
    if factor == Decimal::ONE {
        r.decimals
    } else {
        r.decimals.saturating_add(1)
    }
}

/// The word for a scale factor, with its leading space.
fn scale_word(scale: Decimal) -> Option<&'static str> {
    [
        (Decimal::from(1_000_000_000_000i64), " trillion"),
        (Decimal::from(1_000_000_000i64), " billion"),
        (Decimal::from(1_000_000i64), " million"),
    ]
    .into_iter()
    .find(|(f, _)| *f == scale)
    .map(|(_, w)| w)
}

/// An interval divided by a positive factor.
fn in_scale(iv: &Interval, factor: Decimal) -> Interval {
    let div = |v: Option<Decimal>| v.and_then(|x| x.checked_div(factor));
    Interval::new(div(iv.low), div(iv.high), iv.low_open, iv.high_open)
}

/// One check of a stated claim against a computation, ready to become a finding.
pub struct Check<'a> {
    pub rule: &'static str,
    pub default: Severity,
    pub binding: Binding,
    pub checked: (usize, &'a Reading),
    pub inputs: Vec<(usize, crate::finding::Role)>,
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
    // Figures written with a scale word are shown in it: "1.9–2.1 million", not 1,900,000.
    let (factor, word) = claim
        .numeral()
        .and_then(|n| scale_word(n.scale).map(|w| (n.scale, w)))
        .unwrap_or((Decimal::ONE, ""));
    let message = format!(
        "{} is {}{}{}; the text says {}: {}",
        check.operation,
        format::number(point / factor, decimals),
        word,
        given(&in_scale(&j.computed, factor), decimals, hedged)
            .replace(" given", &format!("{word} given")),
        stated(ctx, claim, checked, factor, word),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::source::{Document, Format};

    /// The part-whole pairs of the first sentence, as (part text, whole text, form).
    fn pairs(text: &str) -> Vec<(String, String, PartWholeForm)> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let claims = crate::extract::extract(&doc);
        let segments = crate::extract::segment::Segments::new(&doc);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        let sentence = sentences(&ctx).first().expect("a sentence");
        part_wholes(&ctx, sentence)
            .iter()
            .map(|pw| {
                (
                    ctx.text(claims[pw.part].span).to_string(),
                    ctx.text(claims[pw.whole].span).to_string(),
                    pw.form,
                )
            })
            .collect()
    }

    fn pair(part: &str, whole: &str, form: PartWholeForm) -> (String, String, PartWholeForm) {
        (part.to_string(), whole.to_string(), form)
    }

    #[test]
    fn finds_each_part_whole_form() {
        assert_eq!(
            pairs("Nine of the 14 finalists come from the north."),
            vec![pair("Nine", "14", PartWholeForm::OfThe)]
        );
        assert_eq!(
            pairs("The club won 14 matches out of the 18 it played."),
            vec![pair("14", "18", PartWholeForm::OutOf)]
        );
        assert_eq!(
            pairs("Of the 26 schools inspected, 31 failed."),
            vec![pair("31", "26", PartWholeForm::LeadOf)]
        );
        assert_eq!(
            pairs("The crash killed 12 people, of whom 5 were children."),
            vec![pair("5", "12", PartWholeForm::OfWhom)]
        );
        assert_eq!(
            pairs("The council owns 12 depots, 15 of which are empty."),
            vec![pair("15", "12", PartWholeForm::OfWhom)]
        );
    }

    #[test]
    fn modifiers_years_and_possessives_are_no_parts() {
        assert!(pairs("Of the three suspects, a 19-year-old was released.").is_empty());
        assert!(pairs("Of the four victims, 45-year-old Dana Cole was the oldest.").is_empty());
        assert!(pairs("Of the two finalists, 2021 champion Ruiz is the favourite.").is_empty());
        assert!(pairs("The court heard 20 of the 3 clubs' players.").is_empty());
    }

    fn total(text: &str) -> Option<TotalForm> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let claims = crate::extract::extract(&doc);
        let segments = crate::extract::segment::Segments::new(&doc);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        let sentence = sentences(&ctx).first()?;
        let last = *sentence.claims.last()?;
        total_form(&ctx, sentence, &claims[last])
    }

    #[test]
    fn total_markers() {
        assert_eq!(
            total("It hit 14 homes and 23 barns, 37 in all."),
            Some(TotalForm::Sum)
        );
        assert_eq!(
            total("It hit 14 homes, a total of 37."),
            Some(TotalForm::Sum)
        );
        assert_eq!(
            total("It hit 14 homes and 3 barns, 17 buildings altogether."),
            Some(TotalForm::Sum)
        );
        assert_eq!(
            total("Two more died, bringing the total to 19."),
            Some(TotalForm::Running)
        );
        assert_eq!(
            total("Police made 9 arrests, 40 in all since May began."),
            None
        );
        assert_eq!(total("Troops killed three fighters, capturing four."), None);
    }

    #[test]
    fn phrase_words_stop_at_punctuation() {
        let text = "Of 9 — (the rest,in all\"… 37 homes) ,x: in total";
        for cut in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let (before, after) = text.split_at(cut);
            let start = before.rfind(PHRASE_MARKS).map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
            let mut expected: Vec<&str> = words_as_written(&before[start..]).collect();
            expected.reverse();
            assert_eq!(phrase_words_before(before).collect::<Vec<_>>(), expected);
            let end = after.find(PHRASE_MARKS).unwrap_or(after.len());
            let expected: Vec<&str> = words_as_written(&after[..end]).collect();
            assert_eq!(phrase_words_after(after).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn exhaustiveness_markers() {
        assert!(has_exhaustive(&words("and the remaining")));
        assert!(has_exhaustive(&words("while the rest,")));
        assert!(!has_exhaustive(&words("and")));
        assert!(has_non_exhaustive(&words(", including")));
        assert!(has_non_exhaustive(&words("among them")));
        assert!(has_non_exhaustive(&words("such as")));
    }

    const TOKENS: &[&str] = &[
        "Of",
        "the",
        "14",
        "nine",
        "of",
        "whom",
        "which",
        ",",
        "in all",
        "40%",
        "7.5%",
        "per",
        "100,000",
        "an average of",
        "$2,650",
        "each",
        ":",
        "and",
        "or",
        "—",
        "Über",
        "€3",
        "out of",
        "bringing the total to",
        ".",
        "a 12-year-old",
        "2021",
        "schools",
        "the rest",
        "including",
        "at least",
        "about",
        "3 million",
        "residents",
        "a total of",
        "altogether",
        "research and development",
        "'",
        "’",
        "five causes",
        "polled",
        "\n\n",
        ";",
    ];

    proptest::proptest! {
        /// Any mix of the words these rules look for runs every rule without a panic.
        #[test]
        fn rules_never_panic(picks in proptest::collection::vec(0..TOKENS.len(), 0..40)) {
            let text = picks.iter().map(|&i| TOKENS[i]).collect::<Vec<_>>().join(" ");
            let rules: [&dyn crate::rules::Rule; 7] = [
                &crate::rules::sum_parts::SumParts,
                &crate::rules::shares_sum::SharesSum,
                &crate::rules::part_exceeds::PartExceedsWhole,
                &crate::rules::list_count::ListCount,
                &crate::rules::pct_of_count::PctOfCount,
                &crate::rules::rate_per_capita::RatePerCapita,
                &crate::rules::average_total::AverageTotal,
            ];
            for rule in rules {
                let _ = crate::rules::test_support::run_rule(rule, &text, true);
            }
        }
    }

    #[test]
    fn window_stays_on_char_boundaries() {
        let text = "Über 5 of the 9 ünits.";
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let segments = crate::extract::segment::Segments::new(&doc);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &[], &segments, &settings);
        let at = text.find('5').unwrap_or(0);
        // Five bytes back lands inside "Ü": the window widens to the character's start.
        assert_eq!(
            window(&ctx, Span::new(at, at + 1), 5, 12),
            "Über 5 of the 9 ü"
        );
    }
}
