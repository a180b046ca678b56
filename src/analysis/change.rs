//! Change relations inside one sentence (`semantics.md` §7.2 "change"), shared by the
//! percent-change family of rules: "rose 8.4% to 1.29 million from 1.19 million", "from A to
//! B", "B, up from A", "to B from A, a drop of D, or P%", "an increase of P%".
//!
//! One analysis per sentence decides which numbers are the from/to values, the stated percent
//! change and the absolute change, and which direction word governs them. The rules only
//! judge. Years are never from/to values (§7.4); a percentage with its own base (", or 11.2% of
//! turnover") or an annual rate ("4% a year") is never the stated change.

use crate::analysis::Context;
use crate::finding::{Related, Severity, Verdict};
use crate::model::{ceil_char_boundary, Claim, Kind, Numeral, Quantity, Span};
use crate::semantics::severity::is_hedged;
use crate::semantics::{
    compute, judge, reading, severity, Binding, Computation, Facts, Interval, Judgement, Reading,
};
use crate::text::{lower, lower_eq, lower_in};
use rust_decimal::Decimal;
use std::sync::OnceLock;

mod analysis;
mod multiples;

pub use analysis::*;
pub use multiples::*;

/// The direction a word gives a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Up,
    Down,
}

/// A direction word: a change verb or noun, or "up"/"down" before "from".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub sign: Sign,
}

/// Stems of direction words with their sign. Stems, so that "rose", "rising", "increases" and
/// "an increase of" all match.
#[rustfmt::skip]
const DIRECTION_STEMS: &[(&str, Sign)] = &[
    ("rose", Sign::Up), ("rise", Sign::Up), ("risen", Sign::Up), ("rising", Sign::Up),
    ("grew", Sign::Up), ("grow", Sign::Up), ("increas", Sign::Up), ("climb", Sign::Up),
    ("jump", Sign::Up), ("surg", Sign::Up), ("soar", Sign::Up), ("gain", Sign::Up),
    ("rais", Sign::Up), ("boost", Sign::Up), ("expand", Sign::Up), ("swell", Sign::Up),
    ("balloon", Sign::Up), ("doubl", Sign::Up), ("tripl", Sign::Up), ("quadrupl", Sign::Up),
    ("up", Sign::Up), ("hike", Sign::Up), ("spike", Sign::Up),
    ("fell", Sign::Down), ("fall", Sign::Down), ("declin", Sign::Down),
    ("decreas", Sign::Down), ("drop", Sign::Down), ("plung", Sign::Down), ("slip", Sign::Down),
    ("slid", Sign::Down), ("sank", Sign::Down), ("sink", Sign::Down), ("reduc", Sign::Down),
    ("cut", Sign::Down), ("lower", Sign::Down), ("trim", Sign::Down), ("slash", Sign::Down),
    ("shrink", Sign::Down), ("shrank", Sign::Down), ("shrunk", Sign::Down), ("halv", Sign::Down),
    ("dimin", Sign::Down), ("tumbl", Sign::Down), ("plummet", Sign::Down), ("dip", Sign::Down),
    ("down", Sign::Down), ("contract", Sign::Down), ("lost", Sign::Down), ("lose", Sign::Down),
    ("losing", Sign::Down), ("lift", Sign::Up), ("eased", Sign::Down), ("easing", Sign::Down),
    ("slump", Sign::Down), ("trebl", Sign::Up),
];

/// Words a stem would swallow that are no direction words.
const NOT_DIRECTION: &[&str] = &[
    "upon",
    "update",
    "updated",
    "upper",
    "downtown",
    "download",
    "downloads",
    "contract",
    "contracts",
    "contractor",
    "contractors",
    "raisin",
    "surgeon",
    "surgery",
    "cutter",
];

/// Endings a short stem may take ("cut" → "cuts", "cutting"; "dip" → "dipped").
const SHORT_STEM_ENDINGS: &[&str] = &[
    "s", "es", "e", "d", "ed", "ing", "n", "en", "ped", "ping", "ting", "med", "ming", "pped",
];

/// Words after a percentage that make it a rate per period, not the change ("4% a year").
const RATE_AFTER: &[&str] = &[
    "a year",
    "per year",
    "a month",
    "per month",
    "annually",
    "per annum",
    "each year",
    "every year",
    "a quarter",
    "per cent a year",
    "a week",
];

/// Phrases that put the stated change on another basis than the two values: it is not theirs.
#[rustfmt::skip]
const OTHER_TERMS: &[&str] = &[
    "per share", "a share", "real terms", "inflation-adjusted", "adjusted", "constant currenc",
    "constant-currenc", "organic", "like-for-like", "like for like", "excluding", "seasonally",
    "local currenc", "local-currenc", "constant exchange", "currency-neutral",
];

/// The sign of a direction word, if it is one.
pub fn direction_of(word: &str) -> Option<Sign> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    // The lexicons are lower-case ASCII: an ASCII word is compared ignoring ASCII case, which
    // is what lower-casing it would give, without the copy; any other word is lower-cased.
    if w.is_ascii() {
        direction_of_folded(w.as_bytes())
    } else {
        direction_of_folded(w.to_lowercase().as_bytes())
    }
}

/// [`direction_of`] for a word that is ASCII or already lower case.
fn direction_of_folded(w: &[u8]) -> Option<Sign> {
    let first = w.first()?.to_ascii_lowercase();
    let is = |part: &[u8], lexeme: &str| part.eq_ignore_ascii_case(lexeme.as_bytes());
    // Short stems ("up", "cut", "dip") must be the whole word or an inflection of it.
    let sign = stems_starting_with(first)
        .iter()
        .find_map(|&(stem, sign)| {
            let (head, rest) = w.split_at_checked(stem.len())?;
            let ok = is(head, stem)
                && (stem.len() > 4
                    || rest.is_empty()
                    || SHORT_STEM_ENDINGS.iter().any(|e| is(rest, e)));
            ok.then_some(sign)
        })?;
    // The exceptions matter only for a word that matched a stem.
    (!NOT_DIRECTION.iter().any(|n| is(w, n))).then_some(sign)
}

/// The direction stems beginning with the byte `first`, in table order: every word of a
/// sentence is looked up, and most share no first letter with most stems.
fn stems_starting_with(first: u8) -> &'static [(&'static str, Sign)] {
    static BY_FIRST_LETTER: OnceLock<Vec<(&str, Sign)>> = OnceLock::new();
    let sorted = BY_FIRST_LETTER.get_or_init(|| {
        let mut stems = DIRECTION_STEMS.to_vec();
        // Stable: among stems of one letter the table order still decides.
        stems.sort_by_key(|(stem, _)| stem.as_bytes()[0]);
        stems
    });
    let lo = sorted.partition_point(|(stem, _)| stem.as_bytes()[0] < first);
    let hi = sorted.partition_point(|(stem, _)| stem.as_bytes()[0] <= first);
    &sorted[lo..hi]
}

/// Direction words of `span`, in order.
pub fn direction_words(text: &str, span: Span) -> Vec<Word> {
    words(text, span)
        // "up to 40" is a bound, not a direction.
        .filter(|(s, w)| !(w.eq_ignore_ascii_case("up") && text_after(text, s.end, 4) == " to "))
        .filter_map(|(s, w)| direction_of(w).map(|sign| Word { span: s, sign }))
        .collect()
}

/// Words of `text[span]` with their spans (letters, digits, inner hyphens and apostrophes),
/// found lazily: callers often stop after a few.
pub fn words(text: &str, span: Span) -> impl Iterator<Item = (Span, &str)> {
    let slice = text.get(span.start..span.end).unwrap_or("");
    let word = move |s: usize, e: usize| {
        let w = slice[s..e].trim_end_matches(['-', '\'']);
        (Span::new(span.start + s, span.start + s + w.len()), w)
    };
    let mut chars = slice.char_indices();
    std::iter::from_fn(move || {
        let mut start: Option<usize> = None;
        for (i, c) in chars.by_ref() {
            let inner = c.is_alphanumeric() || ((c == '-' || c == '\'') && start.is_some());
            match (inner, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => return Some(word(s, i)),
                _ => {}
            }
        }
        start.map(|s| word(s, slice.len()))
    })
}

/// The words of [`words`], last first, found by scanning back from the end of the span:
/// a look-behind needs only the nearest few.
pub fn words_back(text: &str, span: Span) -> impl Iterator<Item = (Span, &str)> {
    let slice = text.get(span.start..span.end).unwrap_or("");
    // A word is the part from the first letter or digit of a run of letters, digits,
    // hyphens and apostrophes, without trailing hyphens and apostrophes.
    let in_run = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
    let mut end = slice.len();
    std::iter::from_fn(move || loop {
        let before = slice.get(..end)?;
        let (last, c) = before.char_indices().rev().find(|&(_, c)| in_run(c))?;
        let run_end = last + c.len_utf8();
        let run_start = before[..last]
            .char_indices()
            .rev()
            .find(|&(_, c)| !in_run(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        end = run_start;
        let run = &slice[run_start..run_end];
        let w = run
            .trim_start_matches(['-', '\''])
            .trim_end_matches(['-', '\'']);
        if !w.is_empty() {
            let at =
                span.start + run_start + (run.len() - run.trim_start_matches(['-', '\'']).len());
            return Some((Span::new(at, at + w.len()), w));
        }
    })
}

/// How far back a look-behind reads: a few words, so that long sentences stay linear.
const LOOKBEHIND_BYTES: usize = 80;

/// The start of the look-behind window before `at`, not before `from`, on a char boundary.
pub fn window_start(text: &str, from: usize, at: usize) -> usize {
    ceil_char_boundary(text, at.saturating_sub(LOOKBEHIND_BYTES).max(from)).min(at.max(from))
}

/// Up to `n` lower-case words before `at` within `from..at`, nearest first.
pub fn words_before(text: &str, from: usize, at: usize, n: usize) -> Vec<String> {
    nearest_words(text, from, at)
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// The words before `at` within `from..at` and the look-behind window, as written,
/// nearest first.
fn nearest_words(text: &str, from: usize, at: usize) -> impl Iterator<Item = &str> {
    let from = window_start(text, from, at);
    words_back(text, Span::new(from, at.max(from))).map(|(_, w)| w)
}

/// The text right after `at`, lower case, up to `n` bytes (on a char boundary).
pub fn text_after(text: &str, at: usize, n: usize) -> String {
    let rest = text.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= n)
        .unwrap_or(rest.len());
    rest[..end].to_lowercase()
}

/// One end of a change: a point claim, or one end of a "from A to B" range claim.
#[derive(Clone, Debug)]
pub struct End {
    pub span: Span,
    pub claim: usize,
    pub reading: Reading,
    pub decimals: u32,
    pub is_percent: bool,
}

/// A change between two stated values of one measure, in one sentence.
#[derive(Clone, Debug)]
pub struct Change {
    /// The sentence, or the clause when the sentence holds more than one change.
    pub sentence: Span,
    /// The governing direction word.
    pub word: Word,
    pub from: End,
    pub to: End,
    /// The stated change as a percentage (or points), a claim index.
    pub pct: Option<usize>,
    /// The stated absolute change ("a drop of $1,380"), a claim index.
    pub amount: Option<usize>,
    /// How the stated change is tied to the values.
    pub binding: Binding,
}

/// A year written as a bare number ("from 2016 to 2022"): never a from/to value (§7.4).
pub fn year_like(claim: &Claim, n: &Numeral, literal: &str) -> bool {
    if claim.kind.is_temporal_or_ordinal() {
        return true;
    }
    // "1,936 entries" is grouped like a count; a year never is.
    !literal.contains(',')
        && claim.unit.is_none()
        && claim.counted.is_none()
        && n.decimals == 0
        && n.scale == rust_decimal::Decimal::ONE
        && n.value >= rust_decimal::Decimal::from(1800)
        && n.value <= rust_decimal::Decimal::from(2100)
}

/// The reading of one numeral of `claim`, as if it stood alone.
fn end_of(ctx: &Context, index: usize, span: Span, n: &Numeral) -> Option<End> {
    let claim = ctx.claims.get(index)?;
    if year_like(claim, n, ctx.text(span)) || claim.flags.malformed || claim.flags.too_large {
        return None;
    }
    let tolerances = &ctx.settings.tolerances;
    // A point claim already stands alone: only a range end is read from a copy.
    let whole_claim = span == claim.span && matches!(&claim.quantity, Quantity::Point(p) if p == n);
    let reading = if whole_claim {
        reading(claim, tolerances)?
    } else {
        let mut alone = claim.clone();
        alone.quantity = Quantity::Point(n.clone());
        alone.span = span;
        reading(&alone, tolerances)?
    };
    Some(End {
        span,
        claim: index,
        reading,
        decimals: n.decimals,
        is_percent: claim.kind == Kind::Percent,
    })
}

/// The two ends of a "from A to B" / "A–B" range claim, with their spans.
fn range_ends(ctx: &Context, index: usize) -> Option<(End, End)> {
    let claim = ctx.claims.get(index)?;
    let Quantity::Range { first, second } = &claim.quantity else {
        return None;
    };
    let text = ctx.text(claim.span);
    let lower = text.to_ascii_lowercase();
    let (cut, len) = [" to ", "–", "—", "-"]
        .iter()
        .filter_map(|sep| lower.rfind(sep).map(|i| (i, sep.len())))
        .next()?;
    let first_start = if lower.starts_with("from ") { 5 } else { 0 };
    if cut < first_start {
        return None;
    }
    let a = Span::new(claim.span.start + first_start, claim.span.start + cut);
    let b = Span::new(claim.span.start + cut + len, claim.span.end);
    Some((
        end_of(ctx, index, a, first)?,
        end_of(ctx, index, b, second)?,
    ))
}

/// Claim indices whose start lies in `span` (claims are sorted by start).
pub fn claims_in(ctx: &Context, span: Span) -> std::ops::Range<usize> {
    let lo = ctx.claims.partition_point(|c| c.span.start < span.start);
    let hi = ctx.claims.partition_point(|c| c.span.start < span.end);
    lo..hi.max(lo)
}

/// The two ends are values of one measure: same unit (or one unwritten), compatible kinds.
fn same_measure(ctx: &Context, a: &End, b: &End) -> bool {
    let (ca, cb) = (&ctx.claims[a.claim], &ctx.claims[b.claim]);
    if a.is_percent != b.is_percent {
        return false;
    }
    let units_ok = match (&ca.unit, &cb.unit) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let kinds_ok = ca.kind == cb.kind || ca.kind == Kind::Number || cb.kind == Kind::Number;
    // "to 420, data from 38 agencies": a from value counting its own noun is another quantity.
    let heads_ok = match (&ca.head, &cb.head) {
        (Some(x), Some(y)) => x == y,
        // "from 84,000 trips in 2019 to 63,000": a to value after its from value shares its
        // noun; one before it may count something else.
        (Some(_), None) => a.span.end <= b.span.start,
        _ => true,
    };
    units_ok && kinds_ok && heads_ok
}

/// Verbs whose "at" value is where a period started or ended: "opened at", "closing at".
const START_VERBS: &[&str] = &["opened", "opening", "opens", "started", "starting", "began"];
const END_VERBS: &[&str] = &["closed", "closing", "closes", "ended", "ending", "finished"];

/// Candidate roles in one sentence.
#[derive(Default)]
struct Roles {
    from: Vec<End>,
    to: Vec<End>,
    /// "B, up from A": the from value and the up/down word.
    up_from: Vec<(End, Word)>,
    /// "B, compared with A": the base and where its marker starts.
    compared: Vec<(End, usize)>,
    pairs: Vec<(End, End)>,
}

fn roles(ctx: &Context, sentence: Span) -> Roles {
    let text = &ctx.doc.text;
    let mut r = Roles::default();
    for i in claims_in(ctx, sentence) {
        let claim = &ctx.claims[i];
        match &claim.quantity {
            Quantity::Range { .. } if ctx.text(claim.span).to_lowercase().starts_with("from ") => {
                if let Some(pair) = range_ends(ctx, i) {
                    r.pairs.push(pair);
                }
            }
            // "14 minutes, down from nine minutes": a duration is a value like any other, but
            // "the ten-year average" is a modifier.
            Quantity::Duration { .. } if ctx.text(claim.span).contains('-') => {}
            Quantity::Point(n) | Quantity::Duration { amount: n, .. } => {
                // Only a value after "from" or "to" has a role: the reading waits for that.
                let mut before = nearest_words(text, sentence.start, claim.span.start);
                let first = before.next();
                let is = |w: Option<&str>, word: &str| w.is_some_and(|w| lower_eq(w, word));
                if let Some(marker) = reference_marker(ctx, sentence, claim.span.start) {
                    let Some(end) = end_of(ctx, i, claim.span, n) else {
                        continue;
                    };
                    let mut before = words_back(text, Span::new(sentence.start, marker.start));
                    let sign = match before.next() {
                        Some((at, w)) if lower_eq(w, "up") => Some(Word {
                            span: at,
                            sign: Sign::Up,
                        }),
                        Some((at, w)) if lower_eq(w, "down") => Some(Word {
                            span: at,
                            sign: Sign::Down,
                        }),
                        _ => None,
                    };
                    let is_from = lower_eq(ctx.text(marker), "from");
                    match sign.or_else(|| up_pct_before(ctx, sentence, i, marker.start)) {
                        Some(word) => r.up_from.push((end, word)),
                        // "on the average of 95 mm" is a base only after "up/down P%".
                        None if is_from => r.from.push(end),
                        None if lower_in(first_word(ctx, marker), COMPARE_MARKERS) => {
                            r.compared.push((end, marker.start));
                        }
                        None => {}
                    }
                } else if is(first, "to") || to_phrase(ctx, sentence, claim.span.start) {
                    if let Some(end) = end_of(ctx, i, claim.span, n) {
                        r.to.push(end);
                    }
                } else if is(first, "at") {
                    // "opening at $50.00 and closing at $46.00": a start and an end value.
                    let verb = before.next().map(lower);
                    let role = verb.as_deref().and_then(|v| {
                        let stem = |set: &[&str]| set.iter().any(|s| v.starts_with(s));
                        if stem(START_VERBS) {
                            Some(true)
                        } else if stem(END_VERBS) {
                            Some(false)
                        } else {
                            None
                        }
                    });
                    match (role, end_of(ctx, i, claim.span, n)) {
                        (Some(true), Some(end)) => r.from.push(end),
                        (Some(false), Some(end)) => r.to.push(end),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    r
}

/// "B, up 10% from A", "down 13 points on A", "a 40% slide from A": the word that sizes a
/// change whose stated size stands right before the marker ("from", "on") of A: "up"/"down"
/// before the size, or a direction noun after "a"/"an" + size.
fn up_pct_before(ctx: &Context, sentence: Span, from_claim: usize, marker: usize) -> Option<Word> {
    // The size is the last claim before the marker: claims inside the reference phrase
    // ("from last year's", "from Monday's close of") are not it.
    let p = ctx
        .claims
        .partition_point(|c| c.span.start < marker)
        .min(from_claim)
        .checked_sub(1)?;
    let prev = ctx.claims.get(p)?;
    let text = &ctx.doc.text;
    let sized = is_change_percent(ctx, p)
        || points_scale_at(ctx, p).is_some()
        || fraction_size(ctx, p).is_some();
    if !sized || prev.span.start < sentence.start || prev.span.end > marker {
        return None;
    }
    let gap: Vec<(Span, &str)> = words(text, Span::new(prev.span.end, marker)).collect();
    let article = words_before(text, sentence.start, prev.span.start, 1);
    let article = article.first().map(String::as_str);
    match gap.as_slice() {
        // "a 40% slide from", "a 12% rise on"
        [(span, noun)] if matches!(article, Some("a" | "an")) => {
            let sign =
                direction_of(noun).filter(|_| !lower_eq(noun, "up") && !lower_eq(noun, "down"))?;
            return Some(Word { span: *span, sign });
        }
        // "12% more than the 70,000", "8% lower than"
        [(span, cmp)] if lower_in(cmp, MORE) || lower_in(cmp, LESS) => {
            let sign = if lower_in(cmp, MORE) {
                Sign::Up
            } else {
                Sign::Down
            };
            return Some(Word { span: *span, sign });
        }
        // "13 points from", "40 basis points on"
        gap if gap.iter().all(|(_, w)| lower_in(w, POINTS_WORDS)) => {}
        _ => return None,
    }
    // "an increase of 45% on the previous year's $6 billion": the noun before "of".
    let lead_words = words_before(text, sentence.start, prev.span.start, 4);
    if let [of, noun, article, ..] = lead_words.as_slice() {
        let sign =
            direction_of(noun).filter(|_| of == "of" && matches!(article.as_str(), "a" | "an"));
        if let Some(sign) = sign {
            let span = word_span_before(text, sentence.start, prev.span.start, 2);
            return Some(Word { span, sign });
        }
    }
    // "up 10%", "up by 10%", "up by a third".
    let lead = lead_words
        .iter()
        .position(|w| !matches!(w.as_str(), "by" | "a" | "an" | "one"))?;
    let sign = match lead_words[lead].as_str() {
        "up" => Sign::Up,
        "down" => Sign::Down,
        _ => return None,
    };
    let span = word_span_before(text, sentence.start, prev.span.start, lead + 1);
    Some(Word { span, sign })
}

/// Comparatives between a size and "than": "12% more than", "8% lower than".
const MORE: &[&str] = &["more", "higher", "greater", "larger", "bigger", "above"];
const LESS: &[&str] = &["fewer", "less", "lower", "smaller", "below"];

/// Words of a size in points between it and its base: "13 points from".
const POINTS_WORDS: &[&str] = &["points", "point", "percentage", "basis", "pts"];

/// Words that may open the phrase naming an earlier value: "from last year's 25,000", "from
/// a peak of 84,000", "on the long-term average of 95 mm".
const REFERENCE_MARKERS: &[&str] = &["from", "on"];

/// Markers right before the base value: "from 500", "on 95 mm", "than 70,000", "against
/// $380 million", "versus 12".
const DIRECT_MARKERS: &[&str] = &["from", "on", "than", "against", "versus", "vs"];

/// Markers of a comparison base, which make a change only with a stated size.
const COMPARE_MARKERS: &[&str] = &["compared", "compares", "against", "versus", "vs"];

/// Words that end a reference phrase's search: they belong to another construction.
const NOT_IN_REFERENCE: &[&str] = &[
    "to", "from", "on", "and", "or", "but", "by", "with", "than", "at", "for", "while", "as",
];

/// The marker word ("from", "on") that introduces the value at `at` as the base of a change:
/// right before it ("from 500"), or before a short reference phrase that ends in a possessive
/// or "of" ("from last year's 25,000", "from Monday's close of 105", "on the average of 95").
fn reference_marker(ctx: &Context, sentence: Span, at: usize) -> Option<Span> {
    let text = &ctx.doc.text;
    let from = window_start(text, sentence.start, at);
    let near: Vec<(Span, &str)> = words_back(text, Span::new(from, at.max(from)))
        .take(8)
        .collect();
    let (first_span, first) = *near.first()?;
    let second = near.get(1).copied();
    if lower_in(first, DIRECT_MARKERS) {
        return Some(first_span);
    }
    // "compared with 3.5 million", "compared to".
    if lower_in(first, &["with", "to"]) {
        return second
            .filter(|(_, w)| lower_in(w, &["compared", "compares"]))
            .map(|(s, _)| s.cover(first_span));
    }
    // "than the 70,000 it lent", "from the 450 it announced".
    if lower_in(first, &["the", "its", "their"]) {
        return second
            .filter(|(_, w)| lower_in(w, &["from", "than", "on"]))
            .map(|(s, _)| s);
    }
    let ends_phrase = lower_eq(first, "of") || first.ends_with("'s") || first.ends_with("s'");
    if !ends_phrase {
        return None;
    }
    for &(span, w) in near.iter().skip(1).take(6) {
        if lower_in(w, REFERENCE_MARKERS) {
            return Some(span);
        }
        if lower_in(w, NOT_IN_REFERENCE) || direction_of(w).is_some() {
            return None;
        }
        // A number inside the phrase other than a year is a value of its own.
        if w.starts_with(|c: char| c.is_ascii_digit())
            && !(w.len() == 4 && w.starts_with(['1', '2']))
        {
            return None;
        }
    }
    None
}

/// "to a record 5,000", "to a low of 3.2%", "to an all-time high of 7,500": the result of a
/// change after a short phrase that ends in "record" or "of".
fn to_phrase(ctx: &Context, sentence: Span, at: usize) -> bool {
    let text = &ctx.doc.text;
    let from = window_start(text, sentence.start, at);
    let near: Vec<(Span, &str)> = words_back(text, Span::new(from, at.max(from)))
        .take(7)
        .collect();
    let Some(&(_, first)) = near.first() else {
        return false;
    };
    if !lower_in(first, &["of", "record"]) {
        return false;
    }
    for &(_, w) in near.iter().skip(1) {
        if lower_eq(w, "to") {
            return true;
        }
        let number = w.starts_with(|c: char| c.is_ascii_digit());
        if number || lower_in(w, NOT_IN_REFERENCE) || direction_of(w).is_some() {
            return false;
        }
    }
    false
}

/// The first word of `span` ("compared" of "compared with").
fn first_word<'a>(ctx: &'a Context, span: Span) -> &'a str {
    words(&ctx.doc.text, span).next().map_or("", |(_, w)| w)
}

/// The span of the `nth` word (1-based) before `at`.
fn word_span_before(text: &str, from: usize, at: usize, nth: usize) -> Span {
    let from = window_start(text, from, at);
    nth.checked_sub(1)
        .and_then(|k| words_back(text, Span::new(from, at.max(from))).nth(k))
        .map_or(Span::new(at, at), |(s, _)| s)
}

/// The one value before `at` in the sentence of the same measure as `from` ("5,120, up from
/// 4,800"); none when two could be meant ("1,400 passengers and 35 cars, up from 1,100").
fn value_before(ctx: &Context, sentence: Span, at: usize, from: &End) -> Option<End> {
    let mut found = claims_in(ctx, Span::new(sentence.start, at))
        .filter(|&i| ctx.claims[i].span.end <= at)
        .filter_map(|i| {
            let c = &ctx.claims[i];
            let (Quantity::Point(n) | Quantity::Duration { amount: n, .. }) = &c.quantity else {
                return None;
            };
            end_of(ctx, i, c.span, n).filter(|e| same_measure(ctx, from, e))
        });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// A percentage that may be a stated change: not a share of its own base, not a rate per
/// period, not a from/to value.
pub fn is_change_percent(ctx: &Context, index: usize) -> bool {
    let Some(claim) = ctx.claims.get(index) else {
        return false;
    };
    if claim.kind != Kind::Percent || claim.of.is_some() || claim.numeral().is_none() {
        return false;
    }
    let after = text_after(&ctx.doc.text, claim.span.end, 24);
    let after = after.trim_start_matches([' ', ',']);
    if after.starts_with("of ") || RATE_AFTER.iter().any(|r| after.starts_with(r)) {
        return false;
    }
    let sentence = ctx
        .segments
        .sentence_of(claim.span.start)
        .map_or(claim.span, |(_, s)| s);
    let before = words_before(&ctx.doc.text, sentence.start, claim.span.start, 1);
    !matches!(before.first().map(String::as_str), Some("to" | "from"))
}

/// An absolute change: "by D", "a drop of D", "an increase of D" (not a percentage).
fn is_amount(ctx: &Context, sentence: Span, index: usize) -> bool {
    let claim = &ctx.claims[index];
    if claim.kind == Kind::Percent || claim.numeral().is_none() {
        return false;
    }
    let before = words_before(&ctx.doc.text, sentence.start, claim.span.start, 2);
    match before.as_slice() {
        [by, ..] if by == "by" => true,
        [of, noun, ..] if of == "of" => direction_of(noun).is_some(),
        _ => false,
    }
}

/// The change relations of every sentence of the document.
///
/// A sentence with one pair of values is one relation (its stated change may sit in another
/// clause); a sentence with more pairs is split into its clauses, each with at most one.
pub fn changes(ctx: &Context) -> Vec<Change> {
    let clauses = &ctx.segments.clauses;
    let mut out = Vec::new();
    for &sentence in &ctx.segments.sentences {
        // Every change has a claim for its values.
        if claims_in(ctx, sentence).is_empty() {
            continue;
        }
        if let Some(c) = change_in(ctx, sentence) {
            out.push(c);
            continue;
        }
        let first = clauses.partition_point(|c| c.start < sentence.start);
        let inside = clauses[first..]
            .iter()
            .take_while(|c| c.end <= sentence.end);
        let parts: Vec<Span> = inside.copied().collect();
        if parts.len() > 1 {
            out.extend(parts.into_iter().filter_map(|c| change_in(ctx, c)));
        }
    }
    out
}

/// The percentage belongs to the relation's word: before the values, the nearest direction
/// word before it is the relation's ("rose 8.4% to … from …", not "prices have risen 30%
/// since 2019, and wages rose to … from …"); after them, only nouns ("a drop of", "an
/// increase of") stand between ("…, a drop of $1,380, or 12.6%", not "… and margins rose 2%").
fn governed(ctx: &Context, words: &[Word], word: Word, from: &End, to: &End, p: usize) -> bool {
    let at = ctx.claims[p].span.start;
    // "a 40% slide from A": the noun right after the percentage.
    let noun_after = ctx.doc.text.get(ctx.claims[p].span.end..word.span.start) == Some(" ");
    let last_end = from.span.end.max(to.span.end);
    if noun_after {
        return true;
    }
    // "fell by 9% to 12,400 offences, down from 14,100": the size of the relation's to value.
    let sizes_to = ctx
        .doc
        .text
        .get(ctx.claims[p].span.end..to.span.start)
        .is_some_and(|gap| gap.eq_ignore_ascii_case(" to "));
    if at < last_end {
        return sizes_to || words.iter().rev().find(|w| w.span.end <= at) == Some(&word);
    }
    let text = &ctx.doc.text;
    let between = |w: &&Word| w.span.start >= last_end && w.span.end <= at;
    // A percentage after the values needs a change word of its own before it ("a drop of",
    // "up"): "31% of the vote, up from 24%, and Labour 40%" states no change.
    let before_pct = words_before(text, last_end, at, 3);
    // "an improvement of 3.5 points", "a swing of 6 points": a noun of change before it.
    let noun_of = matches!(
        before_pct.as_slice(),
        [of, _, article, ..] if of == "of" && (article == "a" || article == "an")
    );
    // "— a 38 per cent increase": a direction noun right after it.
    let noun_after_pct = matches!(before_pct.first().map(String::as_str), Some("a" | "an"))
        && self::words(text, Span::new(ctx.claims[p].span.end, text.len()))
            .next()
            .is_some_and(|(_, w)| direction_of(w).is_some());
    if noun_after_pct {
        return true;
    }
    if !noun_of && !words.iter().any(|w| between(&w)) {
        return false;
    }
    words.iter().filter(|w| between(w) && **w != word).all(|w| {
        let article = words_before(text, last_end, w.span.start, 1);
        // "…, up 6 percent": an elaboration of the same change right after a comma.
        let elaboration = w.sign == word.sign
            && lower_in(ctx.text(w.span), &["up", "down"])
            && text
                .get(last_end..w.span.start)
                .is_some_and(|gap| gap.trim_end().ends_with(','));
        elaboration || matches!(article.first().map(String::as_str), Some("a" | "an"))
    })
}

/// What may follow a value and change its terms: a period ("2,000 a day") or a quote
/// against another currency ("152 per dollar", where a rising number is a falling yen).
const TERMS_AFTER: &[&str] = &[
    "a day",
    "a week",
    "a month",
    "a year",
    "an hour",
    "per day",
    "per week",
    "per month",
    "per year",
    "per hour",
    "per dollar",
    "per euro",
    "per pound",
    "to the dollar",
    "to the euro",
    "to the pound",
    "against the dollar",
    "against the euro",
    "against the pound",
    "a barrel",
    "per barrel",
];

/// The two values carry different periods, or one is an exchange-rate quote: "dropped from
/// 2,000 a day to 3,500 a week", "the yen fell to 152 per dollar from 149".
fn different_terms(text: &str, from: &End, to: &End) -> bool {
    let terms = |e: &End| {
        let after = text_after(text, e.span.end, 24);
        let after = after.trim_start();
        TERMS_AFTER.iter().find(|t| after.starts_with(*t)).copied()
    };
    let (a, b) = (terms(from), terms(to));
    let quote = |t: Option<&str>| {
        t.is_some_and(|t| t.contains("dollar") || t.contains("euro") || t.contains("pound"))
    };
    quote(a) || quote(b) || (a.is_some() && b.is_some() && a != b)
}

/// Words allowed between a direction word and the values it governs (numbers not counted):
/// "rose 8.4% to", "slipped by $1,380, or 12.6%, to".
const MAX_GAP_WORDS: usize = 4;

/// Words allowed between a direction word and a "from A to B" range it turns into a change.
const MAX_RANGE_GAP_WORDS: usize = 1;

/// Words of a period phrase after a stated size: "in the year to March", "over the past 12
/// months", "last year".
const PERIOD_PHRASE_WORDS: &[&str] = &[
    "in",
    "the",
    "year",
    "years",
    "to",
    "over",
    "during",
    "past",
    "last",
    "this",
    "financial",
    "fiscal",
    "calendar",
    "months",
    "month",
    "quarter",
    "weeks",
    "week",
    "ended",
    "ending",
    "period",
    "same",
    "previous",
    "prior",
    "on",
    "at",
];

/// `span` holds nothing but a period phrase, dates and commas (or nothing at all).
fn only_period_words(ctx: &Context, span: Span) -> bool {
    if span.len() > LOOKBEHIND_BYTES {
        return false;
    }
    let claims = &ctx.claims[claims_in(ctx, span)];
    if claims
        .iter()
        .any(|c| !c.kind.is_temporal_or_ordinal() && c.kind != Kind::Duration)
    {
        return false;
    }
    let inside = |s: Span| claims.iter().any(|c| c.span.contains(s));
    words(&ctx.doc.text, span).all(|(s, w)| inside(s) || lower_in(w, PERIOD_PHRASE_WORDS))
}

/// Words in `span` outside every claim.
fn loose_words(ctx: &Context, span: Span) -> usize {
    if span.len() > LOOKBEHIND_BYTES {
        return usize::MAX;
    }
    let inside = |s: Span| {
        ctx.claims[claims_in(ctx, span)]
            .iter()
            .any(|c| c.span.contains(s))
    };
    words(&ctx.doc.text, span)
        .filter(|(s, _)| !inside(*s))
        .count()
}

/// The one change relation of a sentence, if it has exactly one pair of values.
/// "rose to 1,200 from 1,000 in 2022 and 800 in 2020, a 50% rise": the from value is one of
/// several dated earlier values joined by "and"/"or", and which one a stated size measures
/// from is a guess.
fn another_base_after(ctx: &Context, sentence: Span, from: &End, to: &End) -> bool {
    let fc = &ctx.claims[from.claim];
    let next = claims_in(ctx, sentence)
        .filter(|&i| i > from.claim && !crate::analysis::parts::is_time(&ctx.claims[i]))
        .find(|&i| ctx.claims[i].span.start >= from.span.end);
    next.filter(|&i| i != to.claim).is_some_and(|i| {
        let c = &ctx.claims[i];
        let gap = ctx.doc.text.get(from.span.end..c.span.start).unwrap_or("");
        let gap_words: Vec<&str> = words(gap, Span::new(0, gap.len()))
            .map(|(_, w)| w)
            .collect();
        // The earlier values are dated: "from 1,000 in 2022 and 800 in 2020", not "up
        // from 24%, and Labour 40%".
        let dated = (from.claim + 1..i).any(|j| crate::analysis::parts::is_time(&ctx.claims[j]));
        dated
            && c.kind == fc.kind
            && c.unit == fc.unit
            && gap_words.len() <= 5
            && gap_words.iter().any(|w| lower_in(w, &["and", "or"]))
            && !gap_words.iter().any(|w| lower_in(w, &["to", "from", "by"]))
    })
}

/// A participle or comparative used as an adjective before its noun, after a preposition or
/// determiner: "the income limit for reduced fares", "the lower rate". It names a thing; it
/// does not state the change of the sentence's values.
fn attributive(text: &str, sentence: Span, w: &Word) -> bool {
    const BEFORE: &[&str] = &[
        "for", "of", "with", "at", "on", "a", "an", "the", "its", "their", "his", "her",
    ];
    let word = text.get(w.span.start..w.span.end).unwrap_or("");
    let adjective = word.len() > 4 && (word.ends_with("ed") || word.ends_with("er"));
    let before = words_before(text, sentence.start, w.span.start, 1);
    let next = words(text, Span::new(w.span.end, sentence.end)).next();
    adjective
        && before.first().is_some_and(|b| BEFORE.contains(&b.as_str()))
        && next.is_some_and(|(_, n)| {
            n.chars().next().is_some_and(char::is_alphabetic)
                && !lower_in(n, &["by", "from", "to", "than", "of", "in", "at"])
        })
}

fn change_in(ctx: &Context, sentence: Span) -> Option<Change> {
    let text = &ctx.doc.text;
    let r = roles(ctx, sentence);
    let mut pairs: Vec<(End, End, Option<Word>)> = Vec::new();
    for (a, b) in r.pairs {
        pairs.push((a, b, None));
    }
    match (r.from.as_slice(), r.to.as_slice()) {
        ([a], [b]) if same_measure(ctx, a, b) => pairs.push((a.clone(), b.clone(), None)),
        ([], []) | ([_], []) | ([], [_]) => {}
        _ => return None,
    }
    // "fell 3% to 45%, down from 48%": the one "to" value before the word is B, whatever
    // other values (the size) stand before it.
    let lone_to = match (r.from.as_slice(), r.to.as_slice()) {
        ([], [b]) => Some(b.clone()),
        _ => None,
    };
    for (a, word) in r.up_from {
        let b = lone_to
            .clone()
            .filter(|b| b.span.end <= word.span.start && same_measure(ctx, &a, b))
            .or_else(|| value_before(ctx, sentence, word.span.start, &a));
        pairs.push((a, b?, Some(word)));
    }
    // A comparison is a change only with a stated size ("…, a rise of 35%").
    let compared = !r.compared.is_empty();
    for (a, at) in r.compared {
        let b = value_before(ctx, sentence, at, &a)?;
        pairs.push((a, b, None));
    }
    // Two from/to pairs in one sentence: which change is which is a guess.
    let [(from, to, up_word)] = <[_; 1]>::try_from(pairs).ok()?;
    // Checked once a pair is found: most sentences have none, and lower-casing is not free.
    let lower = ctx.text(sentence).to_lowercase();
    if OTHER_TERMS.iter().any(|t| lower.contains(t)) {
        return None;
    }
    if different_terms(text, &from, &to) || another_base_after(ctx, sentence, &from, &to) {
        return None;
    }
    let first = from.span.start.min(to.span.start);
    let words = direction_words(text, sentence);
    let word = up_word.or_else(|| {
        words
            .iter()
            .rev()
            .filter(|w| !attributive(text, sentence, w))
            .find(|w| w.span.end <= first)
            .or_else(|| words.iter().find(|w| w.span.start >= first))
            .copied()
    })?;
    // A comparison's change word after the values is a noun ("…, a rise of 35%") or
    // "up"/"down", never a verb of another clause ("a lead that grew 10%").
    if compared {
        let article = words_before(text, sentence.start, word.span.start, 1);
        let noun = matches!(article.first().map(String::as_str), Some("a" | "an"));
        let up_down = lower_in(ctx.text(word.span), &["up", "down"]);
        if word.span.start > first && !(noun || up_down) {
            return None;
        }
    }
    let (near_start, near_end) = if word.span.end <= first {
        (word.span.end, first)
    } else {
        (from.span.end.max(to.span.end), word.span.start)
    };
    // The grammar read a "from A to B" as a range when no change word stood right before it;
    // such a pair is a change only next to its word ("quadrupled, from 310 to 1,260").
    // A stated size right before the range ("cut the base rate 0.25%, from 4.50% to 4.25%")
    // marks it as a change too.
    // The size may be followed by the period it covers: "rose by 8% in the year to March,
    // from 1,250 to 1,450".
    let size_before = (0..from.claim.min(to.claim))
        .rev()
        .find(|&p| !ctx.claims[p].kind.is_temporal_or_ordinal() || fraction_size(ctx, p).is_some())
        .filter(|&p| ctx.claims[p].span.start >= word.span.end);
    let sized = size_before.filter(|&p| {
        let values_start = ctx.claims[from.claim.min(to.claim)].span.start;
        let gap = Span::new(
            ctx.claims[p].span.end,
            values_start.max(ctx.claims[p].span.end),
        );
        only_period_words(ctx, gap)
    });
    let max_gap = if from.claim == to.claim && sized.is_none() {
        MAX_RANGE_GAP_WORDS
    } else {
        MAX_GAP_WORDS
    };
    // With a size before the values, the words that count are those before the size.
    let near_end = match sized {
        Some(p) if word.span.end <= first => ctx.claims[p].span.start.max(near_start),
        _ => near_end,
    };
    if loose_words(ctx, Span::new(near_start, near_end.max(near_start))) > max_gap {
        return None;
    }
    let clause_of = |at: usize| ctx.segments.clause_of(at).map(|(i, _)| i);
    let clause = clause_of(from.span.start);
    if clause != clause_of(to.span.start) || clause != clause_of(word.span.start) {
        return None;
    }
    let used = |i: usize| i == from.claim || i == to.claim;
    let others: Vec<usize> = claims_in(ctx, sentence).filter(|&i| !used(i)).collect();
    let pcts: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| {
            is_change_percent(ctx, i)
                || points_scale_at(ctx, i).is_some()
                || fraction_size(ctx, i).is_some()
        })
        .collect();
    // A percentage in another clause with its own direction word describes another change
    // ("…, while margins rose 2%").
    let own_clause = |p: usize| {
        let at = ctx.claims[p].span.start;
        clause_of(at) == clause
            || ctx
                .segments
                .clause_of(at)
                .is_none_or(|(_, c)| direction_words(text, c).is_empty())
    };
    let pct = match pcts.as_slice() {
        [p] if own_clause(*p) && governed(ctx, &words, word, &from, &to, *p) => Some(*p),
        [_] => None,
        [] => None,
        _ => return None,
    };
    if compared && pct.is_none() {
        return None;
    }
    let amount = others
        .iter()
        .copied()
        .find(|&i| is_amount(ctx, sentence, i) && Some(i) != pct);
    let binding = match pct {
        Some(p) if clause_of(ctx.claims[p].span.start) != clause => Binding::CrossClause,
        _ => Binding::OneClause,
    };
    Some(Change {
        sentence,
        word,
        from,
        to,
        pct,
        amount,
        binding,
    })
}

/// A stated percent change without from/to values, governed by a direction word right
/// before it ("dropped 160%", "fell by 130%", "a drop of 160%") or after it ("a 160% drop").
#[derive(Clone, Copy, Debug)]
pub struct BarePercent {
    pub word: Word,
    pub pct: usize,
}

pub fn bare_percents(ctx: &Context) -> Vec<BarePercent> {
    let text = &ctx.doc.text;
    let mut out = Vec::new();
    for (i, claim) in ctx.claims.iter().enumerate() {
        if !is_change_percent(ctx, i) {
            continue;
        }
        let Some((_, sentence)) = ctx.segments.sentence_of(claim.span.start) else {
            continue;
        };
        let mut near = words_back(
            text,
            Span::new(
                window_start(text, sentence.start, claim.span.start),
                claim.span.start,
            ),
        )
        .take(3);
        let governing = near.find_map(|(s, w)| {
            let lw = w.to_lowercase();
            direction_of(w)
                .map(|sign| Word { span: s, sign })
                .filter(|_| !matches!(lw.as_str(), "up" | "down"))
        });
        let skipped_ok = |word: &Word| {
            words(text, Span::new(word.span.end, claim.span.start))
                .all(|(_, w)| matches!(w.to_lowercase().as_str(), "by" | "of" | "some" | "a"))
        };
        let word = governing.filter(skipped_ok).or_else(|| {
            words(
                text,
                Span::new(claim.span.end, sentence.end.max(claim.span.end)),
            )
            .next()
            .and_then(|(s, w)| direction_of(w).map(|sign| Word { span: s, sign }))
            .filter(|w| text.get(claim.span.end..w.span.start) == Some(" "))
        });
        if let Some(word) = word {
            out.push(BarePercent { word, pct: i });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::analysis::Settings;
    use crate::extract::segment::Segments;
    use crate::source::{Document, Format};

    fn with_ctx<R>(text: &str, f: impl FnOnce(&Context) -> R) -> R {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let claims = crate::extract::extract(&doc);
        let segments = Segments::new(&doc);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        f(&ctx)
    }

    /// (from, to, stated %) as written, for each change found.
    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        with_ctx(text, |ctx| {
            changes(ctx)
                .iter()
                .map(|c| {
                    (
                        ctx.text(c.from.span).to_string(),
                        ctx.text(c.to.span).to_string(),
                        c.pct.map(|p| ctx.text(ctx.claims[p].span).to_string()),
                    )
                })
                .collect()
        })
    }

    fn one(from: &str, to: &str, pct: Option<&str>) -> Vec<(String, String, Option<String>)> {
        vec![(from.into(), to.into(), pct.map(String::from))]
    }

    #[test]
    fn finds_the_change_patterns() {
        assert_eq!(
            found("Ridership rose 8.4% to 1.29 million from 1.19 million."),
            one("1.19 million", "1.29 million", Some("8.4%"))
        );
        assert_eq!(
            found("Sales reached 5,120, up from 4,800 a year earlier."),
            one("4,800", "5,120", None)
        );
        assert_eq!(
            found("Turnout fell 6% from 48% to 42%."),
            one("48%", "42%", Some("6%"))
        );
        assert_eq!(
            found("Applications rose from 48 to 1,530, an increase of 3,188%."),
            one("48", "1,530", Some("3,188%"))
        );
    }

    #[test]
    fn skips_the_false_alarm_traps() {
        // Years are never values; a share has its own base; a rate per year is no change.
        assert!(found("Sales rose 23% from 2016 to 2022.").is_empty());
        assert_eq!(
            found("Profit grew to $12.5 million, or 11.2% of turnover, from $11 million."),
            one("$11 million", "$12.5 million", None)
        );
        assert_eq!(
            found("Fares rose 4% a year to $2.10 from $1.80."),
            one("$1.80", "$2.10", None)
        );
        // Two pairs in one clause: which is which is a guess.
        assert!(found("Rents rose to $900 from $850 and to $700 from $650.").is_empty());
        // A percentage in another clause with its own verb.
        assert_eq!(
            found("Sales rose to $5.2 million from $4.9 million, while margins rose 2%."),
            one("$4.9 million", "$5.2 million", None)
        );
        assert_eq!(
            found("Revenue was $5 billion, up 10% from $4.5 billion."),
            one("$4.5 billion", "$5 billion", Some("10%"))
        );
        // "B, up from A" with two candidates for B.
        assert!(
            found("About 1,400 riders and 35 bikes crossed on Monday, up from 1,100.").is_empty()
        );
        // A percentage governed by another verb.
        assert_eq!(
            found("Prices have risen 30% since 2019, and wages rose to $52,000 from $48,000."),
            one("$48,000", "$52,000", None)
        );
        assert_eq!(
            found("Sales rose to $5.2 million from $4.9 million and margins rose 2%."),
            one("$4.9 million", "$5.2 million", None)
        );
        // One of several dated earlier values: which one the size measures from is a guess.
        assert!(
            found("Membership rose to 1,200 from 1,000 in 2022 and 800 in 2020, a 50% rise.")
                .is_empty()
        );
        // A percentage after the values without a change word of its own.
        assert_eq!(
            found("The Greens took 31% of the vote, up from 24%, and Labour 40%."),
            one("24%", "31%", None)
        );
        // Reference phrases, comparison bases and sizes in points.
        assert_eq!(
            found("Attendance reached 9,100, up 4% on last season's average of 8,750."),
            one("8,750", "9,100", Some("4%"))
        );
        assert_eq!(
            found("Fees rose to £240, compared with £200 a year earlier, a rise of 20%."),
            one("£200", "£240", Some("20%"))
        );
        assert!(found("The county has 4,000 nurses, compared with 3,500 next door.").is_empty());
        assert_eq!(
            found("Backing for the mayor stands at 38%, down 6 points from 44%."),
            one("44%", "38%", Some("6"))
        );
        // A range the word does not govern.
        assert!(
            found("Temperatures will fall on Tuesday, with highs from 25 to 28 degrees.")
                .is_empty()
        );
        // Different periods, and inverted currency quotes.
        assert!(found("Attendance dropped from 2,000 a day to 3,500 a week.").is_empty());
        assert!(found("The yen fell to 152 per dollar from 149.").is_empty());
        // A direction word far from the values governs something else.
        assert!(found("Prices rose in the year when the grant went to $400 from $420.").is_empty());
    }

    const VOCAB: &[&str] = &[
        "rose",
        "fell",
        "up",
        "down",
        "to",
        "from",
        "by",
        "of",
        "a",
        "the",
        "an",
        "increase",
        "drop",
        ",",
        ":",
        ".",
        "—",
        "$5",
        "$0",
        "0",
        "0%",
        "5%",
        "160%",
        "1,900",
        "2024",
        "7",
        "-3",
        "4.25%",
        "15",
        "percentage",
        "points",
        "basis",
        "more",
        "than",
        "doubled",
        "halved",
        "three",
        "times",
        "twice",
        "as",
        "against",
        "majority",
        "most",
        "nearly",
        "half",
        "third",
        "last",
        "year's",
        "count",
        "İstanbul",
        "é",
        "possible",
        "90",
        "million",
        "or",
        "profit",
        "a year",
        "and",
        "while",
        "fourfold",
        "0-fold",
    ];

    proptest::proptest! {
        /// Any jumble of change words and numbers is checked without a panic.
        #[test]
        fn rules_never_panic(
            picks in proptest::collection::vec(proptest::sample::select(VOCAB.to_vec()), 0..40)
        ) {
            let text = picks.join(" ");
            let doc = Document::new("t.txt", text, Format::Plain);
            let settings = Settings { show_consistent: true, ..Settings::default() };
            let _ = crate::check::check_document(&doc, &settings);
        }
    }

    #[test]
    fn direction_words_carry_their_sign() {
        assert_eq!(direction_of("rose"), Some(Sign::Up));
        assert_eq!(direction_of("Increases"), Some(Sign::Up));
        assert_eq!(direction_of("slipped"), Some(Sign::Down));
        assert_eq!(direction_of("diminished"), Some(Sign::Down));
        assert_eq!(direction_of("cuts"), Some(Sign::Down));
        assert_eq!(direction_of("upon"), None);
        assert_eq!(direction_of("cutter"), None);
        assert_eq!(direction_of("update"), None);
        assert_eq!(direction_of("reached"), None);
    }

    #[test]
    fn words_keep_their_offsets() {
        let text = "Sales, up 5%, rose.";
        let w: Vec<(Span, &str)> = words(text, Span::new(0, text.len())).collect();
        assert_eq!(w[1].1, "up");
        assert_eq!(w[1].0.text(text), "up");
        assert_eq!(w.last().map(|x| x.1), Some("rose"));
        assert_eq!(words_before(text, 0, 13, 2), vec!["5", "up"]);
    }

    #[test]
    fn words_back_are_words_reversed() {
        for text in [
            "Sales, up 5%, rose.",
            "--a-b' 'c -'- d--e'' İstanbul's x\u{00e9}y ,, 7.5 z",
            "",
            "''",
            "tail-",
            "é",
        ] {
            let span = Span::new(0, text.len());
            let mut forward: Vec<(Span, &str)> = words(text, span).collect();
            forward.reverse();
            let back: Vec<(Span, &str)> = words_back(text, span).collect();
            assert_eq!(back, forward, "{text:?}");
        }
    }
}
