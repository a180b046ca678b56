//! NUM-DIRECTION-WORD (`rules.md` #6).

use crate::analysis::change::{self, formula, Change, MultipleHedge, Sign, Word};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, FractionForm, Hedge, Kind, Quantity, Span};
use crate::rules::RuleCheck;
use crate::semantics::format::{self, computed};
use crate::semantics::propagate::ops;
use crate::semantics::{compute, judge, reading, Interval, Reading};
use crate::text::{contains_ignoring_ascii_case, lower_in};
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// Qualitative words against the numbers they describe in the same sentence:
    /// * a direction word ("rose", "fell", "lost", "up from", "a 40% slide from") against the
    ///   sign of B − A, for the change relations NUM-PCT-CHANGE reads (durations included:
    ///   "14 minutes, down from nine minutes");
    /// * "more than doubled/tripled" against the ratio B/A;
    /// * a proportion word ("a majority", "most", "a minority", "more than half", "nearly
    ///   half") against an "X of Y" in apposition ("a majority of the council, 5 of its 11")
    ///   or a bare percentage in apposition ("a majority of voters, 44%, backed it");
    /// * a direction word governing a fraction, percentage or multiple that links the current
    ///   figure to an earlier one ("has diminished: … 90 attacks, a third of last year's
    ///   count"): the fraction's interval against 1 gives the direction.
    ///
    /// ## Why it matters
    /// The word is what readers remember; when the numbers say the opposite, one of them is
    /// wrong (a decision inconsistency, `semantics.md` §6.5).
    ///
    /// ## Example
    /// "Monthly rents rose to €1,140 from €1,185." → error. "A majority of the council, 5 of its
    /// 11 members, backed it." → error (45.5%).
    ///
    /// ## Known limits
    /// The word must be in the clause of the values and within a few words of them; two pairs
    /// of values in one sentence are skipped. For an earlier figure the word must open the
    /// elaboration with a colon or stand right before the current figure, and a part of a
    /// period ("in the first quarter, 80% of last year's total") is skipped. Sentences about
    /// registered or eligible voters are skipped (votes cast vs the electorate); quotations
    /// and irony are not recognised. "Record"/"lowest" are not checked.
    pub struct DirectionWord = ("NUM-DIRECTION-WORD", "direction or proportion word contradicted by the numbers");
}

impl RuleCheck for DirectionWord {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for c in ctx.changes() {
            out.extend(sign_finding(ctx, c));
        }
        for m in ctx.multiples() {
            if m.hedge == MultipleHedge::MoreThan {
                out.extend(more_than_multiple(ctx, m));
            }
        }
        proportions(ctx, out);
        earlier_fractions(ctx, out);
    }
}

fn report(ctx: &Context, verdict: Verdict, on_estimate: bool) -> Option<Severity> {
    match verdict {
        Verdict::Inconsistent => Some(Severity::Error),
        Verdict::ConsistentByRounding | Verdict::Derived => Some(Severity::Note),
        Verdict::Consistent => {
            (on_estimate || ctx.settings.show_consistent).then_some(Severity::Note)
        }
    }
}

fn direction_noun(sign: Sign) -> &'static str {
    match sign {
        Sign::Up => "a rise",
        Sign::Down => "a fall",
    }
}

/// "rose to €1,140 from €1,185".
fn sign_finding(ctx: &Context, c: &Change) -> Option<Finding> {
    let word = c.word;
    let contradicted = change::direction_contradicted(c)?;
    let verdict = if contradicted {
        Verdict::Inconsistent
    } else {
        Verdict::Consistent
    };
    let severity = report(ctx, verdict, false)?;
    let diff = compute(&[&c.from.reading, &c.to.reading], &[], formula::difference).ok()?;
    let point = diff.point?;
    let actual = if point.is_sign_negative() {
        Sign::Down
    } else {
        Sign::Up
    };
    let message = format!(
        "\"{}\": {} is {}: {}",
        ctx.text(word.span),
        change::values_text(ctx, c),
        direction_noun(actual),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: DirectionWord::ID,
        severity,
        verdict,
        message,
        primary: word.span,
        related: change::related(c),
        computed: Some(computed(point, &diff.permissive)),
    })
}

/// "more than doubled to $4.1 billion from $2.3 billion".
fn more_than_multiple(ctx: &Context, m: &change::Multiple) -> Option<Finding> {
    let n = *m.readings.first()?;
    let check = change::multiple_check(m, n)?;
    let verdict = check.verdict()?;
    let severity = report(ctx, verdict, false)?;
    let point = check.computation.point?;
    let iv = check.judgement.computed;
    let message = format!(
        "\"{}\": {} → {} is ×{} ({}{}); the text says more than ×{}: {}",
        ctx.text(m.span),
        ctx.text(m.from.span).trim(),
        ctx.text(m.to.span).trim(),
        format::number(point, 2),
        format::interval(&iv, 2),
        change::rounding_words(verdict),
        format::number(n, 0),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: DirectionWord::ID,
        severity,
        verdict,
        message,
        primary: m.span,
        related: vec![
            Related {
                span: m.from.span,
                label: Role::From,
            },
            Related {
                span: m.to.span,
                label: Role::To,
            },
        ],
        computed: Some(computed(point, &iv)),
    })
}

/// A proportion word: a fraction claim, or "most of" outside any claim.
/// A proportion word: its span, its reading and the whole it names ("of the 60 players").
type Proportion = (Span, Reading, Option<Span>);

fn proportion_words(ctx: &Context, sentence: Span) -> Vec<Proportion> {
    let mut out = Vec::new();
    for i in change::claims_in(ctx, sentence) {
        let c = &ctx.claims[i];
        if let Quantity::Fraction(form) = &c.quantity {
            if matches!(form, FractionForm::OutOf(..) | FractionForm::OneIn(_)) {
                continue;
            }
            if let Some(r) = reading(c, &ctx.settings.tolerances) {
                out.push((c.span, r, c.of));
            }
        }
    }
    // The scan compares ignoring ASCII case: a sentence without "most" so is not read.
    if !contains_ignoring_ascii_case(ctx.text(sentence), "most") {
        return out;
    }
    let mut previous: Option<(Span, &str)> = None;
    for word in change::words(&ctx.doc.text, sentence) {
        let pair = [previous.replace(word), Some(word)];
        let [Some(first), Some(second)] = pair else {
            continue;
        };
        if first.1.eq_ignore_ascii_case("most") && second.1.eq_ignore_ascii_case("of") {
            let iv = Interval::new(Some(Decimal::new(5, 1)), Some(Decimal::ONE), true, false);
            out.push((
                first.0,
                Reading {
                    value: None,
                    strict: iv,
                    permissive: iv,
                    decimals: 0,
                    unit: Decimal::ONE,
                    is_count: false,
                    hedge: Hedge::None,
                    plain: false,
                    untestable: false,
                },
                None,
            ));
        }
    }
    out
}

/// Words allowed between a proportion word and its "X of Y" apposition.
const MAX_APPOSITION_WORDS: usize = 6;

/// Words that make the whole of an "X of Y" the electorate rather than the votes cast: a
/// majority of votes may be a minority of those registered.
const ELECTORATE: &[&str] = &["registered", "eligible", "electorate", "turnout"];

/// "A majority of the council, 5 of its 11 members, …".
fn proportions(ctx: &Context, out: &mut Vec<Finding>) {
    for &sentence in &ctx.segments.sentences {
        // The "X of Y" is two claims, a percentage one; the word lists are read only where
        // they may matter.
        if change::claims_in(ctx, sentence).is_empty() {
            continue;
        }
        let words = proportion_words(ctx, sentence);
        if words.is_empty() {
            continue;
        }
        let lower = ctx.text(sentence).to_lowercase();
        if ELECTORATE.iter().any(|w| lower.contains(w)) {
            continue;
        }
        for (word, stated, whole) in words {
            let after: Vec<usize> =
                change::claims_in(ctx, Span::new(word.end, sentence.end.max(word.end))).collect();
            if let Some(&p) = after.first() {
                if let Some(share) = percent_apposition(ctx, word, &ctx.claims[p]) {
                    out.extend(percent_share_finding(ctx, word, &stated, share));
                    continue;
                }
            }
            let Some(pair) = after.windows(2).next() else {
                continue;
            };
            let (a, b) = (&ctx.claims[pair[0]], &ctx.claims[pair[1]]);
            let found = x_of_y(ctx, word, a, b).or_else(|| part_of_named_whole(ctx, whole?, a, b));
            if let Some((x, y)) = found.filter(|(x, y)| counts(x) && counts(y)) {
                out.extend(share_finding(ctx, word, &stated, x, y));
            }
        }
    }
}

/// "a majority of the council, 5 of its 11 members": X of Y in apposition to the word.
fn x_of_y<'c>(
    ctx: &Context,
    word: Span,
    x: &'c Claim,
    y: &'c Claim,
) -> Option<(&'c Claim, &'c Claim)> {
    let text = &ctx.doc.text;
    let gap = text.get(word.end..x.span.start)?;
    let between = text.get(x.span.end..y.span.start)?.trim().to_lowercase();
    let of_link = matches!(
        between.as_str(),
        "of" | "of the" | "of its" | "of their" | "out of" | "out of the" | "of our"
    );
    let apposition = gap.contains([',', '(', '—', ':'])
        && change::words(text, Span::new(word.end, x.span.start)).count() <= MAX_APPOSITION_WORDS;
    (of_link && apposition).then_some((x, y))
}

/// "nearly half of the 60 players, 31 of them": the whole named by the word, the part in
/// apposition after it.
fn part_of_named_whole<'c>(
    ctx: &Context,
    whole: Span,
    y: &'c Claim,
    x: &'c Claim,
) -> Option<(&'c Claim, &'c Claim)> {
    let text = &ctx.doc.text;
    let gap = text.get(y.span.end..x.span.start)?;
    // Only the next few words matter: lower-casing the rest of the document for every
    // proportion word made long documents quadratic.
    let rest = change::text_after(text, x.span.end, 40);
    let rest = rest.trim_start();
    let of_them = ["of them", "of those", "of which", "of whom"]
        .iter()
        .any(|p| rest.starts_with(p));
    let apposition = gap.contains([',', '(', '—', ':'])
        && change::words(text, Span::new(y.span.end, x.span.start)).count() <= MAX_APPOSITION_WORDS;
    (whole.contains(y.span) && of_them && apposition).then_some((x, y))
}

/// Nouns of a change that the direction stems do not cover.
const CHANGE_NOUNS: &[&str] = &["growth", "change", "gains", "losses", "loss", "difference"];

/// "a majority, 44 percent, said", "more than half of the members (45%)": a bare
/// percentage in apposition to the word, closed by a comma, bracket or dash, is its share.
fn percent_apposition<'c>(ctx: &Context, word: Span, p: &'c Claim) -> Option<&'c Claim> {
    let text = &ctx.doc.text;
    if p.kind != Kind::Percent || p.of.is_some() || !matches!(p.quantity, Quantity::Point(_)) {
        return None;
    }
    let gap = text.get(word.end..p.span.start)?;
    // "most of the growth, 3.2%, came from exports": a share of a change is its size.
    let of_a_change = change::words(text, Span::new(word.end, p.span.start))
        .any(|(_, w)| change::direction_of(w).is_some() || lower_in(w, CHANGE_NOUNS));
    if of_a_change {
        return None;
    }
    let opened = gap.trim_end().ends_with([',', '(', '—', ':']);
    let short =
        change::words(text, Span::new(word.end, p.span.start)).count() <= MAX_APPOSITION_WORDS;
    let closed = text
        .get(p.span.end..)?
        .trim_start_matches(' ')
        .starts_with([',', ')', '—', ';', '.']);
    (opened && short && closed).then_some(p)
}

/// The word's interval against a percentage in apposition, read as a share.
fn percent_share_finding(
    ctx: &Context,
    word: Span,
    stated: &Reading,
    p: &Claim,
) -> Option<Finding> {
    let rp = reading(p, &ctx.settings.tolerances)?;
    let hundred = Decimal::ONE_HUNDRED;
    let computation = compute(&[&rp], &[], |v| ops::div(v[0], hundred)).ok()?;
    let judgement = judge(stated, &computation);
    let verdict = judgement.verdict?;
    let severity = report(ctx, verdict, false)?;
    let point = computation.point?;
    let message = format!(
        "\"{}\": {} is a share of {}%; the word means {}: {}",
        ctx.text(word),
        ctx.text(p.span).trim(),
        format::number(point * hundred, 1),
        percent_interval(&stated.permissive),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: DirectionWord::ID,
        severity,
        verdict,
        message,
        primary: word,
        related: vec![Related {
            span: p.span,
            label: Role::Share,
        }],
        computed: Some(computed(point, &judgement.computed)),
    })
}

fn counts(c: &Claim) -> bool {
    matches!(c.quantity, Quantity::Point(_)) && matches!(c.kind, Kind::Count | Kind::Number)
}

fn share_finding(
    ctx: &Context,
    word: Span,
    stated: &Reading,
    x: &Claim,
    y: &Claim,
) -> Option<Finding> {
    let rx = reading(x, &ctx.settings.tolerances)?;
    let ry = reading(y, &ctx.settings.tolerances)?;
    let computation = compute(&[&rx, &ry], &[1], |v| ops::div(v[0], v[1])).ok()?;
    let judgement = judge(stated, &computation);
    let verdict = judgement.verdict?;
    let severity = report(ctx, verdict, false)?;
    let point = computation.point?;
    let hundred = Decimal::ONE_HUNDRED;
    let message = format!(
        "\"{}\": {} of {} is {}%; the word means {}: {}",
        ctx.text(word),
        ctx.text(x.span).trim(),
        ctx.text(y.span).trim(),
        format::number(point * hundred, 1),
        percent_interval(&stated.permissive),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: DirectionWord::ID,
        severity,
        verdict,
        message,
        primary: word,
        related: vec![
            Related {
                span: x.span,
                label: Role::Share,
            },
            Related {
                span: y.span,
                label: Role::Share,
            },
        ],
        computed: Some(computed(point, &judgement.computed)),
    })
}

fn percent_interval(iv: &Interval) -> String {
    let scaled = iv.scale(Decimal::ONE_HUNDRED).unwrap_or(*iv);
    format!("{}%", format::interval(&scaled, 1))
}

/// Words in a base that name an earlier figure: "last year's count", "the 2023 total".
const EARLIER: &[&str] = &[
    "last year",
    "previous",
    "prior",
    "a year earlier",
    "a year ago",
    "the year before",
    "last month",
    "last season",
    "a decade ago",
];

fn names_earlier(base: &str) -> bool {
    let lower = base.to_lowercase();
    EARLIER.iter().any(|e| lower.contains(e))
        || change::words(base, Span::new(0, base.len())).any(|(_, w)| {
            w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        })
}

/// A figure stated as a fraction or multiple of an earlier one.
struct Link {
    span: Span,
    /// The factor current/earlier.
    factor: Reading,
    /// What it is a fraction of, as written ("last year's count").
    base: String,
}

/// "has even diminished: … a possible 90 attacks …—approximately a third of last year's
/// count"; "have risen: … 300 in May, twice last year's figure".
fn earlier_fractions(ctx: &Context, out: &mut Vec<Finding>) {
    let changed: std::collections::HashSet<Span> = ctx
        .changes()
        .iter()
        .filter_map(|c| ctx.segments.sentence_of(c.sentence.start).map(|(_, s)| s))
        .collect();
    for &sentence in &ctx.segments.sentences {
        // The current figure is a claim, and the direction word is sought only for a link.
        if change::claims_in(ctx, sentence).is_empty() || changed.contains(&sentence) {
            continue;
        }
        let links: Vec<Link> = share_links(ctx, sentence)
            .chain(multiple_links(ctx, sentence))
            .collect();
        if links.is_empty() {
            continue;
        }
        let words = change::direction_words(&ctx.doc.text, sentence);
        for link in links {
            let Some(word) = words.iter().rev().find(|w| w.span.end <= link.span.start) else {
                continue;
            };
            out.extend(earlier_finding(ctx, *word, &link));
        }
    }
}

/// Fractions and percentages of an earlier figure ("a third of last year's count").
fn share_links<'a, 'c>(
    ctx: &'a Context<'c>,
    sentence: Span,
) -> impl Iterator<Item = Link> + use<'a, 'c> {
    change::claims_in(ctx, sentence).filter_map(move |i| {
        let share = &ctx.claims[i];
        let base = ctx.text(share.of?);
        let is_share =
            matches!(share.quantity, Quantity::Fraction(_)) || share.kind == Kind::Percent;
        if !is_share || !names_earlier(base) {
            return None;
        }
        let mut factor = reading(share, &ctx.settings.tolerances)?;
        if share.kind == Kind::Percent {
            factor = change::scaled(&factor, Decimal::new(1, 2))?;
        }
        Some(Link {
            span: share.span,
            factor,
            base: base.to_string(),
        })
    })
}

/// Multiples of an earlier figure ("twice last year's", "three times the 2023 total").
fn multiple_links(ctx: &Context, sentence: Span) -> Vec<Link> {
    let text = &ctx.doc.text;
    let mut previous: Option<Span> = None;
    let mut out = Vec::new();
    let sentence_text = ctx.text(sentence);
    if !["twice", "times"]
        .iter()
        .any(|w| contains_ignoring_ascii_case(sentence_text, w))
    {
        return out;
    }
    for (span, w) in change::words(text, sentence) {
        let before = previous.replace(span);
        let (start, n) = if w.eq_ignore_ascii_case("twice") {
            (span.start, Decimal::TWO)
        } else if let Some(before) = before.filter(|_| w.eq_ignore_ascii_case("times")) {
            let Some(n) = change::claims_in(ctx, before)
                .next()
                .and_then(|i| ctx.claims[i].numeral().map(|n| n.value))
            else {
                continue;
            };
            (before.start, n)
        } else {
            continue;
        };
        let rest = text.get(span.end..sentence.end).unwrap_or("");
        let phrase_end = rest
            .find([',', '.', ';', '—', '(', ':'])
            .unwrap_or(rest.len())
            .min(60);
        let Some(base) = rest.get(..phrase_end).map(str::trim) else {
            continue;
        };
        if base.is_empty() || !names_earlier(base) {
            continue;
        }
        if let Some(factor) = change::multiple_reading(n, MultipleHedge::None) {
            out.push(Link {
                span: Span::new(start, span.end),
                factor,
                base: base.to_string(),
            });
        }
    }
    out
}

/// Markers of a part of a period: "in the first quarter", "so far", "by June".
const PARTIAL: &[&str] = &[
    "first",
    "quarter",
    "so far",
    "to date",
    "half",
    "through",
    "until",
    "year to",
    "year-to-date",
    "by january",
    "by february",
    "by march",
    "by april",
    "by may",
    "by june",
    "by july",
    "by august",
    "by september",
    "by october",
    "by november",
];

fn partial_period(text: &str) -> bool {
    PARTIAL.iter().any(|p| text.contains(p))
}

/// Words allowed between a direction word and the current figure in one clause ("fell to
/// about 90"); across a colon the elaboration may be longer.
const MAX_CURRENT_GAP: usize = 2;

fn earlier_finding(ctx: &Context, word: Word, link: &Link) -> Option<Finding> {
    let f = &link.factor;
    // The current figure: the nearest number before the link, after the word.
    let current_i = change::claims_in(ctx, Span::new(word.span.end, link.span.start))
        .rev()
        .find(|&j| {
            let c = &ctx.claims[j];
            matches!(c.quantity, Quantity::Point(_) | Quantity::Vague(_))
                && !c.kind.is_temporal_or_ordinal()
                && c.numeral()
                    .is_none_or(|n| !change::year_like(c, n, ctx.text(c.span)))
        })?;
    let current = &ctx.claims[current_i];
    // The word governs the figure: a colon opens its elaboration, or the figure follows
    // closely in the word's clause.
    let between = ctx.doc.text.get(word.span.end..current.span.start)?;
    let close = ctx.segments.clause_of(word.span.start).map(|c| c.0)
        == ctx.segments.clause_of(current.span.start).map(|c| c.0)
        && change::words(&ctx.doc.text, Span::new(word.span.end, current.span.start)).count()
            <= MAX_CURRENT_GAP;
    if !between.contains(':') && !close {
        return None;
    }
    // "spent $4 million in the first quarter, 80% of last year's total": a part of a period
    // against a whole one says nothing about the direction.
    let after_current = ctx
        .doc
        .text
        .get(current.span.end..link.span.start)?
        .to_lowercase();
    if partial_period(&after_current) {
        return None;
    }
    let rc = reading(current, &ctx.settings.tolerances)?;
    let one = Decimal::ONE;
    let implied = match (f.permissive.high, f.permissive.low) {
        (Some(h), _) if h < one => Sign::Down,
        (_, Some(l)) if l > one => Sign::Up,
        _ => return None,
    };
    let verdict = if implied == word.sign {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent
    };
    let on_estimate = current.hedge == Hedge::Estimate;
    let severity = match verdict {
        // Across a colon or a dash the binding is looser than one clause.
        Verdict::Inconsistent => Severity::Warning,
        v => report(ctx, v, on_estimate)?,
    };
    let earlier = compute(&[&rc, f], &[1], |v| ops::div(v[0], v[1])).ok()?;
    let point = earlier.point?;
    let about = |c: &Claim| if c.hedge == Hedge::None { "" } else { "about " };
    let value = |c: &Claim| {
        c.numeral().map_or_else(
            || ctx.text(c.span).to_string(),
            |n| format::number(n.value, n.decimals),
        )
    };
    let message = format!(
        "\"{}\": {}{} against about {} ({}) for {} ({} ÷ {}) is {}: {}",
        ctx.text(word.span),
        about(current),
        value(current),
        format::number(point, 0),
        format::interval(&earlier.permissive, 1),
        link.base,
        value(current),
        ctx.text(link.span).trim(),
        direction_noun(implied),
        format::verdict_words(verdict),
    );
    Some(Finding {
        rule: DirectionWord::ID,
        severity,
        verdict,
        message,
        primary: word.span,
        related: vec![
            Related {
                span: current.span,
                label: Role::To,
            },
            Related {
                span: link.span,
                label: Role::Share,
            },
        ],
        computed: Some(computed(point, &earlier.permissive)),
    })
}
