//! NUM-HEADLINE-BODY (`rules.md` #3).

use crate::analysis::pairing::{change_note, describe_with_interval, Mention};
use crate::analysis::Context;
use crate::declare_rule;
use crate::extract::key::{compatible, KeyMatch, QuantityKey};
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Hedge, Kind, Quantity, Span, TimeBase, TimeUnit, Unit};
use crate::rules::RuleCheck;
use crate::semantics::severity::is_hedged;
use crate::semantics::{format, reading, Interval, Reading};
use rust_decimal::Decimal;
use std::borrow::Cow;

declare_rule! {
    /// ## What it checks
    /// A figure in a heading, deck or caption (the first line of a plain-text article is a
    /// heading whatever its case) against the body's figures of its kind: counts of the same
    /// thing (same key, `semantics.md` §7.3: troop = soldier; or, when no body mention has
    /// the heading's key, any body count of the same head noun), money, percentages and
    /// measures in the same unit, and a number with no noun ("Two hurt", "dies at 72")
    /// against the body's counts, numbers and percentages; that last is silent when the
    /// body writes the figure anywhere, in digits or words. The heading figure must follow
    /// from the body in one step: a copy, a rounding or rescaling (word ↔ digits, "2.2K",
    /// "£1.4m" for £1,362,000), the sum or difference of two body figures of neighbouring
    /// sentences (a count with the bare numbers of its sentence: "keep 240 jobs, down from
    /// 420"), the total of a list of parts in one sentence ("19 on Friday, 15 on Saturday
    /// and 12 on Sunday"), a per-unit amount times a count of its sentence (money), or the
    /// change between two figures of one sentence (a percentage). A percentage keeps its
    /// strict reading ("27%" is no copy of "about 30%", nor "18%" of 14% + 3%); a body
    /// bound ("up to 5.3%", "at least 3,000") supports only its own figure; a heading bound
    /// ("at least 12", "up to 54 inches") must lie within twice its figure of the body's on
    /// its open side; money multiplies by a count only when stated per unit ("£3,000 to
    /// each of"). A heading rate ("18 sailings a day", "averages 54 points") that no body
    /// figure copies is set against the body's rates of the same period or kind (a day,
    /// each, average), never against totals or sums of them. A heading count whose noun
    /// has no body count ("96,000 pickups" for "32,000 light trucks") is set against the
    /// body's counts of any noun, unless it is a name, a count of ten or fewer, or a
    /// figure the body writes anywhere.
    ///
    /// ## Why it matters
    /// Headings are rewritten late and by other hands; about a third of heading figures are
    /// reworded, and a heading that no longer matches its story is the figure most readers
    /// see.
    ///
    /// ## Example
    /// Heading "Nearly 700 Flights Cancelled in Port Ellery Storm", body "the airport
    /// cancelled 412 flights on Monday" → warning (630–699 vs 412); no finding if the body
    /// adds "and 270 on Tuesday" (412 + 270 = 682). Heading "Council approves £8.5m for
    /// pool", body "approved £5.8m" → warning.
    ///
    /// ## Known limits
    /// A heading figure with no body figure of its kind is not reported, since it may come
    /// from a linked story or an update. Rates and shares ("30 a day", "£500 each", a heading
    /// with "each", "per" or "average") are not set against body totals, only against body
    /// rates of the same mark ("30 a day" against "900 a month" is silent); a bound ("over 3
    /// permits") also accepts its own figure, since "over" may mean "because of". Numbers
    /// in names or scores ("Route 66", "7-3") are not checked. Durations are compared in
    /// the heading's unit ("30 months" = "two and a half years"); a span of years may also
    /// be the distance between two years of the body or to the reference date; "in a week"
    /// is a period, not a figure; and a heading with "total" or "combined" is not set
    /// against the body's parts. An error needs the same unhedged noun phrase and key in
    /// both places. Only the first 64 body figures of a kind are compared, and 12 combined.
    pub struct HeadlineBody = ("NUM-HEADLINE-BODY", "heading figures must follow from the body");
}

/// Body counts tried as operands of a sum or difference, at most.
const MAX_OPERANDS: usize = 8;
/// Body mentions of one head a heading figure is compared with, at most (the first ones):
/// keeps a page of many heading-like lines linear.
const MAX_BODY: usize = 64;
/// Body mentions quoted in a message, at most.
const MAX_QUOTED: usize = 3;

impl RuleCheck for HeadlineBody {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        // Most passes hold no heading: their mentions need not be indexed.
        if !ctx.claims.iter().any(|c| c.in_heading) {
            return;
        }
        for mentions in ctx.mentions().values() {
            if !mentions.iter().any(|m| m.claim.in_heading) {
                continue;
            }
            let body: Vec<&Mention> = mentions.iter().filter(|m| !m.claim.in_heading).collect();
            for heading in mentions.iter().filter(|m| m.claim.in_heading) {
                if let Some(f) = check_heading(ctx, heading, &body) {
                    out.push(f);
                }
            }
        }
        for claim in ctx.claims.iter().filter(|c| c.in_heading) {
            let found = match claim.kind {
                Kind::Money | Kind::Percent | Kind::Measure => check_by_unit(ctx, claim),
                Kind::Duration => check_duration(ctx, claim),
                Kind::Number if claim.head.is_none() && claim.counted.is_none() => {
                    check_bare(ctx, claim)
                }
                _ => None,
            };
            out.extend(found);
        }
    }
}

fn check_heading(ctx: &Context, heading: &Mention, body: &[&Mention]) -> Option<Finding> {
    // "Four suspects charged" … "One suspect is also charged in …": one of them singled out
    // is a member of the heading's group, not its count.
    let several = heading.reading.value.is_some_and(|v| v > Decimal::ONE);
    let body: Vec<&Mention> = body
        .iter()
        .copied()
        .filter(|b| !(several && b.reading.value == Some(Decimal::ONE)))
        .collect();
    let body = body.as_slice();
    let line = heading_line(ctx, heading.claim.span);
    let line_stems = stems(&line);
    let candidates: Vec<&Mention> = body
        .iter()
        .copied()
        .take(MAX_BODY)
        .filter(|b| compatible(&heading.key, &relaxed(&b.key, &line_stems)) == KeyMatch::Same)
        .collect();
    if candidates.is_empty() {
        // Headings drop and change qualifiers ("12 new frog species" for "nine previously
        // unknown species"): the body's figures of the same thing stand in for the key.
        let mut figures: Vec<Figure> = body
            .iter()
            .take(MAX_BODY)
            .map(|m| Figure {
                claim: m.claim,
                reading: m.reading.clone(),
            })
            .collect();
        if figures.is_empty() {
            // Nor does it keep the body's noun ("SUVs" for "sport utility vehicles", "jobs"
            // for "workers"): with no body count of its own head, every body count of a
            // noun is of its kind, unless the figure is a name ("S&P 500"), the body writes
            // it anywhere, or it is a small count ("Two banks agree merger") the body may
            // give by naming its members.
            let value = heading.reading.value;
            if in_name_or_score(ctx, heading.claim)
                || value.is_none_or(|v| v <= Decimal::TEN || body_writes(ctx, heading.claim, v))
            {
                return None;
            }
            figures = ctx
                .claims
                .iter()
                .filter(|c| !c.in_heading && c.kind == Kind::Count && c.head.is_some())
                .filter_map(|c| {
                    let reading = reading(c, &ctx.settings.tolerances)?;
                    Some(Figure { claim: c, reading })
                })
                .take(MAX_BODY)
                .collect();
        }
        return check_against_kind(ctx, heading.claim, &heading.reading, &figures);
    }
    let copies = |b: &Mention| copies(heading.claim, &heading.reading, b.claim, &b.reading);
    if let Some(found) = candidates.iter().find(|c| copies(c)) {
        return ctx
            .settings
            .show_consistent
            .then(|| consistent(ctx, heading, found));
    }
    // Headings drop modifiers ("3,400 homes" for the body's "3,400 new homes"): the same
    // value under the same head noun anywhere in the body is the heading's source, whatever
    // qualifiers the body adds.
    if let Some(found) = body.iter().take(MAX_BODY).find(|b| copies(b)) {
        return ctx
            .settings
            .show_consistent
            .then(|| consistent(ctx, heading, found));
    }
    // A rate is no sum or difference of totals: a body rate of its kind decides.
    if let Some(f) = against_rates(ctx, heading.claim, &heading.reading) {
        return Some(f);
    }
    if let Some(f) = derived_by_sum(ctx, heading, &candidates) {
        return ctx.settings.show_consistent.then_some(f);
    }
    // The derivations of other kinds too: a list of parts in one sentence, a bare figure.
    let figures: Vec<Figure> = body
        .iter()
        .take(MAX_BODY)
        .map(|m| Figure {
            claim: m.claim,
            reading: m.reading.clone(),
        })
        .collect();
    if supported(ctx, heading.claim, &heading.reading, &figures).is_some() {
        return None;
    }
    Some(inconsistent(ctx, heading, &candidates))
}

/// The heading line (or the claim itself) in lower case.
fn heading_line(ctx: &Context, span: Span) -> String {
    let line = ctx.doc.heading_of(span).unwrap_or(span);
    ctx.text(line).to_lowercase()
}

/// A heading drops the verbs the body uses ("Flights Cancelled" vs "cancelled 412 flights"
/// gives the body a qualifier): body qualifiers spelled in the heading line, in any
/// inflection ("Launch" / "launched"), are no difference. The key is copied only when it
/// loses a qualifier: most body mentions keep theirs.
fn relaxed<'k, 'a>(key: &'k QuantityKey<'a>, heading_stems: &[&str]) -> Cow<'k, QuantityKey<'a>> {
    let in_heading = |q: &Cow<str>| {
        q.split_whitespace()
            .all(|w| heading_stems.contains(&stem(w)))
    };
    if !key.qualifiers.iter().any(in_heading) {
        return Cow::Borrowed(key);
    }
    let mut key = key.clone();
    key.qualifiers.retain(|q| !in_heading(q));
    Cow::Owned(key)
}

/// The stems of the heading line's words, for [`relaxed`].
fn stems(heading_line: &str) -> Vec<&str> {
    heading_line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// A crude verb stem: "launched", "launches", "launching" → "launch".
fn stem(word: &str) -> &str {
    ["ing", "ed", "es", "s", "d"]
        .iter()
        .find_map(|s| word.strip_suffix(s).filter(|r| r.len() >= 3))
        .unwrap_or(word)
}

fn consistent(ctx: &Context, heading: &Mention, found: &Mention) -> Finding {
    Finding {
        rule: HeadlineBody::ID,
        severity: Severity::Note,
        verdict: Verdict::Consistent,
        message: format!(
            "heading says {}; body says {}: consistent",
            describe_with_interval(ctx, heading.claim, &heading.reading),
            describe_with_interval(ctx, found.claim, &found.reading),
        ),
        primary: heading.claim.span,
        related: vec![body(found.claim.span)],
        computed: Some(point_of(&found.reading)),
    }
}

fn body(span: Span) -> Related {
    Related {
        span,
        label: Role::Body,
    }
}

fn point_of(r: &Reading) -> crate::finding::Computed {
    let point = r
        .value
        .or_else(|| r.permissive.midpoint())
        .unwrap_or_default();
    format::computed(point, &r.permissive)
}

/// One operand of a sum: a body count and what it reads as.
struct Operand<'a> {
    claim: &'a Claim,
    reading: Reading,
}

/// The candidates, plus bare numbers that continue a candidate's sentence ("412 flights on
/// Monday and 270 on Tuesday"): these count the same thing.
fn operands<'a>(ctx: &'a Context, candidates: &[&Mention<'a>]) -> Vec<Operand<'a>> {
    let mut ops: Vec<Operand> = Vec::new();
    for c in candidates {
        ops.push(Operand {
            claim: c.claim,
            reading: c.reading.clone(),
        });
        let sentence = ctx.segments.sentence_of(c.claim.span.start).map(|s| s.1);
        // Dates between ("on Monday and 270 on Tuesday") are skipped, not a stop.
        let following = ctx
            .claims
            .iter()
            .skip(c.index + 1)
            .filter(|c| !c.kind.is_temporal_or_ordinal())
            .take(3);
        for claim in following {
            let inside = sentence.is_some_and(|s| s.contains(claim.span));
            let bare = matches!(claim.kind, Kind::Number | Kind::Count) && claim.head.is_none();
            if !inside || !bare {
                break;
            }
            if let Some(r) = reading(claim, &ctx.settings.tolerances) {
                ops.push(Operand { claim, reading: r });
            }
        }
    }
    ops.truncate(MAX_OPERANDS);
    ops
}

/// A sum or difference of two body counts that the heading figure can stand for.
fn derived_by_sum(ctx: &Context, heading: &Mention, candidates: &[&Mention]) -> Option<Finding> {
    let ops = operands(ctx, candidates);
    let target = &heading.reading.permissive;
    for (i, a) in ops.iter().enumerate() {
        for b in &ops[i + 1..] {
            let (pa, pb) = (&a.reading.permissive, &b.reading.permissive);
            let tries = [
                (pa.add(pb).ok(), "+"),
                (pa.sub(pb).ok().map(|d| abs(&d)), "−"),
            ];
            for (result, op) in tries {
                let Some(result) = result.filter(|r| r.overlaps(target)) else {
                    continue;
                };
                let (Some(va), Some(vb)) = (a.reading.value, b.reading.value) else {
                    continue;
                };
                let point = if op == "+" {
                    va.checked_add(vb)
                } else {
                    va.checked_sub(vb).map(|d| d.abs())
                };
                // The heading's own rounding must reach the exact result ("six − 12" is
                // no source for "5 seats").
                let Some(point) = point.filter(|p| target.contains(*p)) else {
                    continue;
                };
                return Some(Finding {
                    rule: HeadlineBody::ID,
                    severity: Severity::Note,
                    verdict: Verdict::Consistent,
                    message: format!(
                        "heading says {}; body says {} {op} {} = {}: consistent",
                        describe_with_interval(ctx, heading.claim, &heading.reading),
                        ctx.text(a.claim.span),
                        ctx.text(b.claim.span),
                        format::number(point, 0),
                    ),
                    primary: heading.claim.span,
                    related: vec![body(a.claim.span), body(b.claim.span)],
                    computed: Some(format::computed(point, &result)),
                });
            }
        }
    }
    None
}

/// A heading figure of money, a percentage or a measure against the body's figures of the
/// same kind and unit (currency, `%`, `°C`).
fn check_by_unit(ctx: &Context, heading: &Claim) -> Option<Finding> {
    let stated = reading(heading, &ctx.settings.tolerances)?;
    let figures: Vec<Figure> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading && c.kind == heading.kind && c.unit == heading.unit)
        .filter_map(|c| {
            let reading = reading(c, &ctx.settings.tolerances)?;
            Some(Figure { claim: c, reading })
        })
        .take(MAX_BODY)
        .collect();
    check_against_kind(ctx, heading, &stated, &figures)
}

/// A heading number with no noun ("Two hurt in crash", "dies at 72", "majority of 42")
/// against the body's counts, bare numbers and percentages (a lead "by seven points" is a
/// difference of two shares). Silent when the body writes the figure
/// anywhere, as digits or in words, even where it is no claim ("game six"), and for a
/// number that is part of a name or a score ("Boeing 737", "finish 7-3").
fn check_bare(ctx: &Context, heading: &Claim) -> Option<Finding> {
    let stated = reading(heading, &ctx.settings.tolerances)?;
    let value = stated.value?;
    if in_name_or_score(ctx, heading) || body_writes(ctx, heading, value) {
        return None;
    }
    // "48% to 41%" read as one pair: the gap between its two figures is a margin.
    let margin = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading)
        .any(|c| match &c.quantity {
            Quantity::Range { first, second } => first
                .value
                .checked_sub(second.value)
                .is_some_and(|d| stated.permissive.contains(d.abs())),
            _ => false,
        });
    if margin {
        return None;
    }
    let figures: Vec<Figure> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading && matches!(c.kind, Kind::Count | Kind::Number | Kind::Percent))
        .filter_map(|c| {
            let reading = reading(c, &ctx.settings.tolerances)?;
            Some(Figure { claim: c, reading })
        })
        .take(MAX_BODY)
        .collect();
    check_against_kind(ctx, heading, &stated, &figures)
}

/// A number glued to a hyphen ("7-3", "Covid-19") or after a capitalised word other than
/// the heading's first ("Boeing 737", "Route 66").
fn in_name_or_score(ctx: &Context, claim: &Claim) -> bool {
    let text = &ctx.doc.text;
    let before = text.get(..claim.span.start).unwrap_or("");
    let after = text.get(claim.span.end..).unwrap_or("");
    if before.ends_with(['-', '–']) || after.starts_with(['-', '–', '/']) {
        return true;
    }
    let line_start = ctx.doc.heading_of(claim.span).map_or(0, |h| h.start);
    let in_line = text.get(line_start..claim.span.start).unwrap_or("");
    let mut words = in_line.split_whitespace().rev();
    let previous = words.next();
    let first_of_line = words.next().is_none();
    previous.is_some_and(|w| w.starts_with(char::is_uppercase) && !first_of_line)
}

/// Race and finishing times ("2:02:35") are no claims: a heading span of seconds or hours
/// may be their difference.
fn body_has_clock_times(ctx: &Context, heading: &Claim) -> bool {
    let from = ctx
        .doc
        .heading_of(heading.span)
        .map_or(heading.span.end, |h| h.end);
    let body = ctx.doc.text.get(from..).unwrap_or("").as_bytes();
    body.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

/// Whether the text after the heading line writes `value` followed by a word starting with
/// `unit` ("two years", "48 hours").
fn body_writes_before(ctx: &Context, heading: &Claim, value: Decimal, unit: &str) -> bool {
    let from = ctx
        .doc
        .heading_of(heading.span)
        .map_or(heading.span.end, |h| h.end);
    ctx.written_numbers()
        .written_before(ctx.doc.masked(), from, value, unit)
}

/// Whether the text after the heading line writes `value` as a word: digits ("1,200") or a
/// number word ("two").
fn body_writes(ctx: &Context, heading: &Claim, value: Decimal) -> bool {
    let from = ctx
        .doc
        .heading_of(heading.span)
        .map_or(heading.span.end, |h| h.end);
    ctx.written_numbers()
        .written_after(ctx.doc.masked(), from, value)
}

/// A reading in another unit: every figure times `k`.
fn rescaled(r: &Reading, k: Decimal) -> Option<Reading> {
    let mut out = r.clone();
    out.value = match r.value {
        Some(v) => Some(v.checked_mul(k)?),
        None => None,
    };
    out.strict = r.strict.scale(k).ok()?;
    out.permissive = r.permissive.scale(k).ok()?;
    Some(out)
}

/// A heading duration ("jailed for seven years", "56 hours") against the body's durations
/// in the heading's unit. A span of years may also be the distance between two years of
/// the body, or from one of them to the reference date ("40 years after" a 1985 flood).
fn check_duration(ctx: &Context, heading: &Claim) -> Option<Finding> {
    let stated = reading(heading, &ctx.settings.tolerances)?;
    let heading_unit = heading.unit?;
    let unit = heading_unit.symbol();
    let (base, factor) = heading_unit.time()?.in_base()?;
    // "in a week" names a period, not a figure; and a span the body writes with its unit
    // ("over the next two years") is there even where no claim was read.
    let literal = ctx.text(heading.span).to_lowercase();
    if literal.starts_with("a ") || literal.starts_with("an ") || literal.starts_with("the ") {
        return None;
    }
    // "from $12 to $15 over three years": after a change, "over" a span of time says how
    // long it runs, not "more than" ("waits of over four hours") — the heading gives the
    // span, not a figure to support.
    let line = ctx.doc.heading_of(heading.span).unwrap_or(heading.span);
    let before = ctx
        .doc
        .text
        .get(line.start..heading.span.start)
        .unwrap_or("")
        .to_lowercase();
    if literal.starts_with("over ") && before.contains(" from ") && before.contains(" to ") {
        return None;
    }
    if stated
        .value
        .is_some_and(|v| body_writes_before(ctx, heading, v, unit))
        || (base == TimeBase::Seconds && body_has_clock_times(ctx, heading))
    {
        return None;
    }
    let figures: Vec<Figure> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading && c.kind == Kind::Duration)
        .filter_map(|c| {
            let (b, f) = c.unit?.time()?.in_base()?;
            let k = Decimal::from(f).checked_div(Decimal::from(factor))?;
            let reading = rescaled(&reading(c, &ctx.settings.tolerances)?, k)?;
            (b == base).then_some(Figure { claim: c, reading })
        })
        .take(MAX_BODY)
        .collect();
    if heading.unit == Some(Unit::Time(TimeUnit::Year)) && years_apart(ctx, &stated) {
        return None;
    }
    check_against_kind(ctx, heading, &stated, &figures)
}

/// Whether two years of the body, or one and the reference date's, lie the heading's span
/// of years apart.
fn years_apart(ctx: &Context, stated: &Reading) -> bool {
    let mut years: Vec<i32> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading)
        .filter_map(|c| match &c.quantity {
            Quantity::Date(d) => d.year,
            _ => None,
        })
        .take(MAX_COMBINED)
        .collect();
    if let Some(date) = ctx.settings.reference_date {
        years.push(i32::from(date.year()));
    }
    years.iter().enumerate().any(|(i, a)| {
        years[i + 1..]
            .iter()
            .any(|b| stated.permissive.contains(Decimal::from(a.abs_diff(*b))))
    })
}

/// A body figure a heading figure may be derived from.
struct Figure<'a> {
    claim: &'a Claim,
    reading: Reading,
}

/// The first few body figures as a message quotes them: "38 attacks and about 90 attacks".
fn quote<'a>(ctx: &Context, figures: impl Iterator<Item = (&'a Claim, &'a Reading)>) -> String {
    figures
        .take(MAX_QUOTED)
        .map(|(claim, reading)| describe_with_interval(ctx, claim, reading))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The warning that no body figure of the heading's kind supports it, pointing at them all.
fn unsupported(heading: &Claim, figures: &[Figure], message: String) -> Option<Finding> {
    Some(Finding {
        rule: HeadlineBody::ID,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message,
        primary: heading.span,
        related: figures.iter().map(|f| body(f.claim.span)).collect(),
        computed: Some(point_of(&figures.first()?.reading)),
    })
}

/// How the heading figure follows from the body: a copy (rounded, rescaled, in words), or
/// one operation on two body figures.
enum Support<'a> {
    Copy(&'a Claim),
    Operation {
        a: &'a Claim,
        b: &'a Claim,
        op: &'static str,
        point: Decimal,
        result: Interval,
    },
}

/// Words after a figure that make it a rate or a share ("30 a day", "£500 each"): set
/// against a body total it is no restatement.
const RATE_NOUNS: &[&str] = &[
    "day",
    "night",
    "week",
    "month",
    "year",
    "hour",
    "minute",
    "head",
    "person",
    "game",
    "match",
    "season",
    "household",
    "family",
    "player",
    "team",
    "pupil",
    "patient",
];

/// A figure stated per unit or per member ("30 a day", "£5,000 per player", "£1m each"), or
/// a heading that shares a sum out ("Each club gets £1m").
fn is_rate_or_share(ctx: &Context, claim: &Claim, line: &str) -> bool {
    let after = claim.phrase_end();
    let words = next_words(ctx, after, 2);
    let first = words.first().map_or("", String::as_str);
    let second = words.get(1).map_or("", String::as_str);
    let shared = line.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "each" | "apiece" | "per" | "every" | "average" | "averages" | "total" | "combined"
        )
    });
    shared
        || matches!(first, "per" | "each" | "apiece" | "every")
        || (matches!(first, "a" | "an") && RATE_NOUNS.contains(&second))
}

/// What makes a figure a rate: the noun after "a", "an", "per" or "every" ("30 a month" →
/// "month", "goals a game" → "game"), "each" for "each" and "apiece", and "average" after
/// "average of" or "averaged". Empty for a plain figure.
fn rate_marks(ctx: &Context, claim: &Claim) -> Vec<String> {
    let text = &ctx.doc.text;
    let after = claim.phrase_end();
    let words: Vec<String> = text
        .get(after..)
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut marks = Vec::new();
    match words.first().map(String::as_str) {
        Some("each" | "apiece") => marks.push("each".to_string()),
        Some("a" | "an" | "per" | "every") => {
            if let Some(noun) = words.get(1).filter(|w| RATE_NOUNS.contains(&w.as_str())) {
                marks.push(noun.clone());
            }
        }
        _ => {}
    }
    let before: Vec<String> = text
        .get(..claim.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let average = |w: &String| w.starts_with("averag");
    if before.first().is_some_and(average)
        || (before.first().is_some_and(|w| w == "of") && before.get(1).is_some_and(average))
    {
        marks.push("average".to_string());
    }
    marks
}

/// A heading rate ("90 staff a month", "averages 54 points") against the body's rates of
/// the same kind and mark (per month, per game, each, average): a total or a rate of
/// another period is no source for it, but a body rate of its own kind that differs is.
/// Silent when the body states no such rate or one matches.
fn against_rates(ctx: &Context, heading: &Claim, stated: &Reading) -> Option<Finding> {
    let marks = rate_marks(ctx, heading);
    if marks.is_empty() {
        return None;
    }
    let counts = |k: Kind| matches!(k, Kind::Count | Kind::Number);
    let rates: Vec<Figure> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading)
        .filter(|c| {
            (counts(heading.kind) && counts(c.kind))
                || (c.kind == heading.kind && c.unit == heading.unit)
        })
        .filter(|c| rate_marks(ctx, c).iter().any(|m| marks.contains(m)))
        .filter_map(|c| {
            let reading = reading(c, &ctx.settings.tolerances)?;
            Some(Figure { claim: c, reading })
        })
        .take(MAX_BODY)
        .collect();
    if rates.is_empty()
        || rates
            .iter()
            .any(|f| copies(heading, stated, f.claim, &f.reading))
    {
        return None;
    }
    let message = format!(
        "heading says {}; the body's rate of its kind differs (body says {})",
        describe_with_interval(ctx, heading, stated),
        quote(ctx, rates.iter().map(|f| (f.claim, &f.reading))),
    );
    unsupported(heading, &rates, message)
}

/// The heading figure against body figures of its kind: silent when the body has none of
/// them (the figure may come from a linked story) or one supports it; a warning otherwise.
fn check_against_kind(
    ctx: &Context,
    heading: &Claim,
    reading: &Reading,
    figures: &[Figure],
) -> Option<Finding> {
    if figures.is_empty() {
        return None;
    }
    let line = heading_line(ctx, heading.span);
    let described = describe_with_interval(ctx, heading, reading);
    let support = supported(ctx, heading, reading, figures);
    if matches!(support, Some(Support::Operation { .. })) {
        // A rate is no sum or difference of totals: a body rate of its kind decides.
        if let Some(f) = against_rates(ctx, heading, reading) {
            return Some(f);
        }
    }
    match support {
        Some(Support::Copy(found)) => {
            let found_reading = figures.iter().find(|f| std::ptr::eq(f.claim, found))?;
            ctx.settings.show_consistent.then(|| Finding {
                rule: HeadlineBody::ID,
                severity: Severity::Note,
                verdict: Verdict::Consistent,
                message: format!(
                    "heading says {described}; body says {}: consistent",
                    describe_with_interval(ctx, found, &found_reading.reading),
                ),
                primary: heading.span,
                related: vec![body(found.span)],
                computed: Some(point_of(&found_reading.reading)),
            })
        }
        Some(Support::Operation {
            a,
            b,
            op,
            point,
            result,
        }) => ctx.settings.show_consistent.then(|| Finding {
            rule: HeadlineBody::ID,
            severity: Severity::Note,
            verdict: Verdict::Consistent,
            message: if op == "%" {
                format!(
                    "heading says {described}; body says {} and {}, a change of {}%: consistent",
                    ctx.text(a.span),
                    ctx.text(b.span),
                    format::number(point, 1),
                )
            } else {
                format!(
                    "heading says {described}; body says {} {op} {} = {}: consistent",
                    ctx.text(a.span),
                    ctx.text(b.span),
                    format::number(point, point.normalize().scale().min(2)),
                )
            },
            primary: heading.span,
            related: vec![body(a.span), body(b.span)],
            computed: Some(format::computed(point, &result)),
        }),
        None if is_rate_or_share(ctx, heading, &line) => against_rates(ctx, heading, reading),
        None => {
            let message = format!(
                "heading says {described}; no body figure of its kind supports it (body says {})",
                quote(ctx, figures.iter().map(|f| (f.claim, &f.reading))),
            );
            unsupported(heading, figures, message)
        }
    }
}

/// Body figures an operation may combine, at most (the first ones).
const MAX_COMBINED: usize = 12;

/// The first derivation of the heading figure from the body: a copy, then a sum or a
/// difference of two figures of its kind, then (money) a per-unit amount times a count in
/// its sentence, then (a percentage) the relative change between two figures of one
/// sentence.
fn supported<'a>(
    ctx: &'a Context,
    heading: &Claim,
    stated: &Reading,
    figures: &[Figure<'a>],
) -> Option<Support<'a>> {
    let copied = |f: &Figure| copies(heading, stated, f.claim, &f.reading);
    if let Some(f) = figures.iter().find(|f| copied(f)) {
        return Some(Support::Copy(f.claim));
    }
    // A count's figure may stand bare in the body ("About 2,200 of the city's computers",
    // "1.4 million current and former customers" read without its noun).
    if heading.kind == Kind::Count {
        let bare = ctx
            .claims
            .iter()
            .filter(|c| !c.in_heading && c.head.is_none())
            .filter(|c| matches!(c.kind, Kind::Number | Kind::Count))
            .take(MAX_BODY)
            .filter_map(|c| {
                Some(Figure {
                    claim: c,
                    reading: reading(c, &ctx.settings.tolerances)?,
                })
            })
            .find(|f| copied(f));
        if let Some(f) = bare {
            return Some(Support::Copy(f.claim));
        }
    }
    let ops = operands_of_kind(ctx, heading, figures);
    let sentence = |c: &Claim| ctx.segments.sentence_of(c.span.start).map(|s| s.0);
    // Each operand's sentence, looked up once: the loops below compare every pair.
    let op_sentences: Vec<Option<usize>> = ops.iter().map(|f| sentence(f.claim)).collect();
    // Figures far apart are seldom added up for a heading, and any two far-off figures
    // would otherwise make some sum.
    let near = |x: Option<usize>, y: Option<usize>| match (x, y) {
        (Some(x), Some(y)) => x.abs_diff(y) <= 1,
        _ => false,
    };
    for (i, a) in ops.iter().enumerate() {
        for (j, b) in ops.iter().enumerate().skip(i + 1) {
            if !near(op_sentences[i], op_sentences[j]) {
                continue;
            }
            if let Some(s) =
                combine(a, b, stated, heading, "+").or_else(|| combine(a, b, stated, heading, "−"))
            {
                return Some(s);
            }
        }
    }
    // A list of parts in one sentence ("19 on Friday, 15 on Saturday and 12 on Sunday").
    for (i, first) in ops.iter().enumerate() {
        let parts: Vec<&Figure> = ops
            .iter()
            .zip(&op_sentences)
            .filter(|(_, s)| **s == op_sentences[i])
            .map(|(f, _)| f)
            .collect();
        if parts.len() < 3 || !std::ptr::eq(parts[0], first) {
            continue;
        }
        let total = parts
            .iter()
            .try_fold(Decimal::ZERO, |sum, f| sum.checked_add(f.reading.value?));
        let last = parts[parts.len() - 1];
        if let Some(point) = total.filter(|t| stated.permissive.contains(*t)) {
            return Some(Support::Operation {
                a: first.claim,
                b: last.claim,
                op: "+ … +",
                point,
                result: Interval::point(point),
            });
        }
    }
    // Only money (a per-unit amount times a count) and percentages (a change) derive from
    // two figures of one sentence.
    if !matches!(heading.kind, Kind::Money | Kind::Percent) {
        return None;
    }
    let others: Vec<Figure<'a>> = ctx
        .claims
        .iter()
        .filter(|c| !c.in_heading && !c.kind.is_temporal_or_ordinal())
        .filter(|c| {
            matches!(
                c.kind,
                Kind::Count | Kind::Number | Kind::Money | Kind::Measure
            )
        })
        .filter_map(|c| {
            let reading = reading(c, &ctx.settings.tolerances)?;
            Some(Figure { claim: c, reading })
        })
        .take(MAX_BODY)
        .collect();
    let other_sentences: Vec<Option<usize>> = others.iter().map(|f| sentence(f.claim)).collect();
    for (i, a) in others.iter().enumerate() {
        for (j, b) in others.iter().enumerate() {
            if std::ptr::eq(a.claim, b.claim)
                || other_sentences[i].is_none()
                || other_sentences[i] != other_sentences[j]
            {
                continue;
            }
            let found = match heading.kind {
                Kind::Money
                    if a.claim.kind == Kind::Money
                        && b.claim.kind != Kind::Money
                        && per_unit(ctx, a.claim) =>
                {
                    combine(a, b, stated, heading, "×")
                }
                Kind::Percent if a.claim.kind == b.claim.kind && a.claim.unit == b.claim.unit => {
                    combine(a, b, stated, heading, "%")
                }
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Whether a hedge makes a figure a bound ("over 3", "up to 18 inches").
fn is_bound(claim: &Claim) -> bool {
    matches!(
        claim.hedge,
        Hedge::MoreThan | Hedge::AtLeast | Hedge::FewerThan | Hedge::AtMost | Hedge::UpTo
    )
}

/// Whether the heading figure copies a body figure, rounded or rescaled. The heading takes
/// its own rounding around the body's stated value ("40 homes" for 38 homes), or falls
/// inside the body's strict reading; a percentage is seldom rounded by more than its last
/// digit, so it keeps its strict interval ("9%" is no copy of "about 8%"). A body bound
/// ("up to 5.3%", "at least 5,000") supports only its own figure, since its interval
/// holds every smaller or larger one; and a heading bound ("at least 13", "up to 54
/// inches") must stay within twice its figure of the body's: "at least 13" is no headline
/// for 41 dead.
fn copies(heading: &Claim, stated: &Reading, body: &Claim, r: &Reading) -> bool {
    if !r.permissive.is_bounded() && !is_bound(body) {
        return false;
    }
    let target = if heading.kind == Kind::Percent {
        &stated.strict
    } else {
        &stated.permissive
    };
    let Some(v) = r.value else {
        // A range ("14 to 18 inches") by the end that a heading bound leaves open.
        let end = match heading.hedge {
            Hedge::MoreThan | Hedge::AtLeast => r.permissive.low,
            _ => r.permissive.high,
        };
        return end.is_none_or(|e| near_bound(heading, stated, e))
            && stated.strict.overlaps(&r.permissive);
    };
    if !near_bound(heading, stated, v) {
        return false;
    }
    if is_bound(body) {
        return target.contains(v);
    }
    // "Over 3 permits" may mean "because of three permits": a bound's own figure counts.
    // A percentage's own figure must be the body's, give or take its last digit.
    let within = |h: Decimal| heading.kind != Kind::Percent && r.strict.contains(h);
    target.contains(v)
        || stated
            .value
            .is_some_and(|h| within(h) || (is_bound(heading) && r.permissive.contains(h)))
}

/// For a heading bound, whether the body value lies within twice its figure on the side the
/// bound leaves open; any other heading passes.
fn near_bound(heading: &Claim, stated: &Reading, v: Decimal) -> bool {
    let Some(h) = stated.value else {
        return true;
    };
    let two = Decimal::TWO;
    match heading.hedge {
        Hedge::MoreThan | Hedge::AtLeast => h.checked_mul(two).is_some_and(|m| v <= m),
        Hedge::FewerThan | Hedge::AtMost | Hedge::UpTo => {
            v.checked_mul(two).is_some_and(|m| m >= h)
        }
        _ => true,
    }
}

/// The first `n` words of the text from `at`, punctuation trimmed, in lower case.
fn next_words(ctx: &Context, at: usize, n: usize) -> Vec<String> {
    ctx.doc
        .text
        .get(at..)
        .unwrap_or("")
        .split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect()
}

/// A money figure stated per unit ("£3,000 to each of", "$300 per runner", "£50 a head"):
/// only these multiply by a count.
fn per_unit(ctx: &Context, claim: &Claim) -> bool {
    let words = next_words(ctx, claim.span.end, 2);
    let first = words.first().map_or("", String::as_str);
    let second = words.get(1).map_or("", String::as_str);
    matches!(first, "each" | "apiece" | "per" | "a" | "an" | "every")
        || (matches!(first, "to" | "for") && matches!(second, "each" | "every"))
}

/// The figures an operation may combine: for a count, also the bare numbers that share a
/// figure's sentence ("keep 240 jobs, down from 420": 420 − 240).
fn operands_of_kind<'a>(
    ctx: &'a Context,
    heading: &Claim,
    figures: &[Figure<'a>],
) -> Vec<Figure<'a>> {
    let mut ops: Vec<Figure<'a>> = figures
        .iter()
        .take(MAX_COMBINED)
        .map(|f| Figure {
            claim: f.claim,
            reading: f.reading.clone(),
        })
        .collect();
    if heading.kind != Kind::Count {
        return ops;
    }
    let sentences: Vec<usize> = ops
        .iter()
        .filter_map(|f| ctx.segments.sentence_of(f.claim.span.start).map(|s| s.0))
        .collect();
    for claim in ctx.claims.iter().filter(|c| !c.in_heading) {
        if ops.len() >= MAX_COMBINED {
            break;
        }
        let bare = matches!(claim.kind, Kind::Number | Kind::Count) && claim.head.is_none();
        let near = ctx
            .segments
            .sentence_of(claim.span.start)
            .is_some_and(|s| sentences.contains(&s.0));
        if bare && near {
            if let Some(reading) = reading(claim, &ctx.settings.tolerances) {
                ops.push(Figure { claim, reading });
            }
        }
    }
    ops
}

/// `a op b` when it supports the heading figure. "%" is the
/// relative change from `a` to `b`, in percent and unsigned; "−" is unsigned too.
fn combine<'a>(
    a: &Figure<'a>,
    b: &Figure<'a>,
    stated: &Reading,
    heading: &Claim,
    op: &'static str,
) -> Option<Support<'a>> {
    let (pa, pb) = (&a.reading.permissive, &b.reading.permissive);
    let (va, vb) = (a.reading.value?, b.reading.value?);
    let hundred = Decimal::ONE_HUNDRED;
    let (result, point) = match op {
        "+" => (pa.add(pb).ok()?, va.checked_add(vb)?),
        "−" => (abs(&pa.sub(pb).ok()?), va.checked_sub(vb)?.abs()),
        "×" => (pa.mul(pb).ok()?, va.checked_mul(vb)?),
        _ => {
            let ratio = pb.div(pa).ok()?.sub(&Interval::point(Decimal::ONE)).ok()?;
            let point = vb.checked_div(va)?.checked_sub(Decimal::ONE)?;
            (
                abs(&ratio.scale(hundred).ok()?),
                point.checked_mul(hundred)?.abs(),
            )
        }
    };
    // A difference reads larger first: "420 − 240".
    let (a, b) = if op == "−" && va < vb {
        (b, a)
    } else {
        (a, b)
    };
    // The heading's own rounding around the exact result: a tolerance on each operand as
    // well would let far-off figures pass.
    // A percentage keeps its strict interval for a sum or difference: "17%" is no "18%".
    let supports = if !near_bound(heading, stated, point) {
        false
    } else if heading.kind == Kind::Percent && matches!(op, "+" | "−") {
        stated.strict.contains(point)
    } else {
        stated.permissive.contains(point)
    };
    supports.then_some(Support::Operation {
        a: a.claim,
        b: b.claim,
        op,
        point,
        result,
    })
}

/// |d| for an interval of differences.
fn abs(d: &Interval) -> Interval {
    match (d.low, d.high) {
        (Some(l), _) if !l.is_sign_negative() => *d,
        (_, Some(h)) if h.is_sign_negative() => d.neg(),
        _ => *d,
    }
}

fn inconsistent(ctx: &Context, heading: &Mention, candidates: &[&Mention]) -> Finding {
    let mut message = format!(
        "heading says {}; body says {}",
        describe_with_interval(ctx, heading.claim, &heading.reading),
        quote(ctx, candidates.iter().map(|c| (c.claim, &c.reading))),
    );
    if let Some(change) = candidates.iter().find_map(|c| change_note(ctx, c.claim)) {
        message.push_str(&format!("; the body mentions {change}"));
    }
    let severity = if candidates
        .iter()
        .any(|c| same_plain_phrase(ctx, heading.claim, c.claim))
    {
        Severity::Error
    } else {
        Severity::Warning
    };
    Finding {
        rule: HeadlineBody::ID,
        severity,
        verdict: Verdict::Inconsistent,
        message,
        primary: heading.claim.span,
        related: candidates.iter().map(|c| body(c.claim.span)).collect(),
        computed: Some(point_of(&candidates[0].reading)),
    }
}

/// The same noun phrase, unhedged, in heading and body: the heading figure is plainly wrong.
fn same_plain_phrase(ctx: &Context, heading: &Claim, body: &Claim) -> bool {
    let phrase = |c: &Claim| {
        c.counted
            .and_then(|s| ctx.doc.text.get(s.start..s.end))
            .map(str::to_lowercase)
    };
    phrase(heading).is_some()
        && phrase(heading) == phrase(body)
        && !is_hedged(heading)
        && !is_hedged(body)
}

#[cfg(test)]
mod tests {
    use crate::finding::{Finding, Severity, Verdict};
    use crate::rules::test_support::findings_of;

    fn run(text: &str) -> Vec<Finding> {
        findings_of("NUM-HEADLINE-BODY", text, None)
    }

    #[test]
    fn a_rounded_heading_figure_is_consistent() {
        let f = run("Nearly 300 Homes Lose Power\nWind brought down lines, and 287 homes lost power overnight.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].verdict, f[0].severity),
            (Verdict::Consistent, Severity::Note)
        );
    }

    #[test]
    fn the_heading_value_under_a_fuller_body_phrase_is_found() {
        let f = run("Plan Promises 3,400 Homes\nThe plan calls for 3,400 new homes by 2030. The largest site will take 1,100 homes.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].verdict, Verdict::Consistent, "{f:?}");
    }

    #[test]
    fn a_sum_of_two_body_counts_derives_the_heading() {
        let f = run("Nearly 700 Flights Cancelled in Storm\nThe airport cancelled 412 flights on Monday and 270 on Tuesday.\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].verdict, Verdict::Consistent);
        assert!(f[0].message.contains("412 + 270 = 682"), "{}", f[0].message);
    }

    #[test]
    fn a_heading_without_a_matching_body_mention_is_silent() {
        assert!(
            run("Sport: 3,000 Runners Expected at Marathon\nThe quay opens in spring.\n")
                .is_empty()
        );
    }
}
