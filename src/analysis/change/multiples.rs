//! Multiples and fold changes ("quadrupled", "six times as many", "tenfold") with the two
//! values they compare: the change they name, or an "X against Y" pair.

use super::*;
use crate::text::{ascii_case_insensitive, lower_in};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// How a multiple word is hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MultipleHedge {
    None,
    /// "more than doubled": the ratio must exceed N (a direction claim, NUM-DIRECTION-WORD).
    MoreThan,
    /// "nearly doubled": [0.9N, N).
    Nearly,
}

/// "doubled", "halved", "six times as many", "three times higher", "fourfold".
#[derive(Clone, Debug)]
pub struct Multiple {
    pub span: Span,
    /// The readings of the ratio new/old: N, and N + 1 for "N times more" and "N-fold".
    pub readings: Vec<Decimal>,
    pub hedge: MultipleHedge,
    /// The values: old/second value first, new/first value second, so B/A is the ratio.
    pub from: End,
    pub to: End,
    pub binding: Binding,
}

const MULTIPLE_VERBS: &[(&str, i64)] = &[
    ("doubled", 2),
    ("doubling", 2),
    ("tripled", 3),
    ("trebled", 3),
    ("tripling", 3),
    ("quadrupled", 4),
    ("quintupled", 5),
];

/// Multiples that compare two things rather than name a change ("twice as many as").
const COMPARATIVE_MULTIPLES: &[(&str, i64)] = &[("twice", 2), ("double", 2), ("triple", 3)];

const SMALL_NUMBERS: &[(&str, i64)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("twenty", 20),
    ("hundred", 100),
];

/// Words after "N times" that make it "N times more" (read as N or N + 1).
const COMPARATIVES: &[&str] = &[
    "more", "higher", "larger", "bigger", "greater", "faster", "longer", "heavier", "costlier",
];

/// Connectives of a comparison pair: "9.2 million against 2.3 million".
const AGAINST: &[&str] = &[
    "against",
    "compared with",
    "compared to",
    "versus",
    "vs",
    "vs.",
];

/// Two spans that overlap or have at most one loose word between them.
fn next_to(ctx: &Context, a: Span, b: Span) -> bool {
    if a.overlaps(b) {
        return true;
    }
    let gap = Span::new(a.end.min(b.end), a.start.max(b.start).max(a.end.min(b.end)));
    loose_words(ctx, gap) <= 1
}

/// Periods a compared value may carry before "against".
const PERIOD_WORDS: &[&str] = &[
    "a year", "a month", "a week", "a day", "per year", "annually",
];

/// The multiple words of every sentence with the two values they compare.
pub fn multiples(ctx: &Context) -> Vec<Multiple> {
    let all_changes = ctx.changes();
    let mut out = Vec::new();
    for &sentence in &ctx.segments.sentences {
        // The values compared are claims of the sentence (a change's, or the pair after
        // the word): a sentence without claims is not read.
        if claims_in(ctx, sentence).is_empty() {
            continue;
        }
        // Two multiple words in one sentence: which compares what is a guess.
        let Ok([(span, readings, hedge, n_claim)]) =
            <[MultipleWord; 1]>::try_from(multiple_words(ctx, sentence))
        else {
            continue;
        };
        // A verb-like multiple ("quadrupled", "grew tenfold") reads the change it is, or sits
        // next to; "N times more than X" compares with X, never with a change.
        let from_change = all_changes
            .iter()
            .filter(|_| n_claim.is_none())
            .find(|c| sentence.contains(c.sentence) && next_to(ctx, c.word.span, span))
            .map(|c| (c.from.clone(), c.to.clone(), c.binding));
        let values = from_change
            .or_else(|| comparison_pair(ctx, sentence, span.end, n_claim))
            .or_else(|| around_pair(ctx, sentence, span, n_claim));
        let Some((from, to, binding)) = values else {
            continue;
        };
        out.push(Multiple {
            span,
            readings,
            hedge,
            from,
            to,
            binding,
        });
    }
    out
}

type MultipleWord = (Span, Vec<Decimal>, MultipleHedge, Option<usize>);

/// Whether a text may hold a multiple word. Each ends in or contains one of these stems,
/// and besides ASCII letters only the Kelvin sign lower-cases to ASCII alone (to "k", in no
/// stem), so a word that lower-cases to a multiple word holds a stem in some ASCII case.
fn may_hold_multiple(text: &str) -> bool {
    static STEMS: OnceLock<AhoCorasick> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            ascii_case_insensitive(&[
                "doubl", "tripl", "trebl", "quadrupl", "quintupl", "halv", "times", "fold",
                "twice", "half", "factor",
            ])
        })
        .is_match(text)
}

fn multiple_words(ctx: &Context, sentence: Span) -> Vec<MultipleWord> {
    if !may_hold_multiple(ctx.text(sentence)) {
        return Vec::new();
    }
    let text = &ctx.doc.text;
    let mut ws = words(text, sentence).peekable();
    // The two words before the current one, nearest last.
    let mut previous: [Option<(Span, &str)>; 2] = [None, None];
    let mut out = Vec::new();
    while let Some((span, w)) = ws.next() {
        let [two_back, one_back] = previous;
        previous = [one_back, Some((span, w))];
        // Every multiple word ends in "d", "e", "f", "g", "r" or "s" ("doubled", "twice",
        // "half", "halving", "factor", "times", "tenfold"): most words are rejected on their
        // last letter.
        if w.is_ascii()
            && !matches!(
                w.as_bytes().last().map(u8::to_ascii_lowercase),
                Some(b'd' | b'e' | b'f' | b'g' | b'r' | b's')
            )
        {
            continue;
        }
        let lw = lower(w);
        let lw = lw.as_ref();
        let is_word =
            |back: Option<(Span, &str)>, word: &str| back.is_some_and(|(_, w)| lower_eq(w, word));
        let hedge = || {
            if is_word(two_back, "more") && is_word(one_back, "than") {
                MultipleHedge::MoreThan
            } else if is_word(one_back, "nearly") || is_word(one_back, "almost") {
                MultipleHedge::Nearly
            } else {
                MultipleHedge::None
            }
        };
        let hedged = |end: Span| {
            let hedge = hedge();
            let hedge_start = match hedge {
                MultipleHedge::MoreThan => two_back.map(|x| x.0),
                MultipleHedge::Nearly => one_back.map(|x| x.0),
                MultipleHedge::None => None,
            };
            (hedge_start.map_or(end, |s| s.cover(end)), hedge)
        };
        if let Some(&(_, n)) = COMPARATIVE_MULTIPLES.iter().find(|(v, _)| *v == lw) {
            // "twice as many", "double the diameter": a comparison, not a verb.
            if ws.peek().is_some_and(|(_, w)| lower_in(w, COMPARED_WITH)) {
                let (full, hedge) = hedged(span);
                out.push((full, vec![Decimal::from(n)], hedge, None));
            }
        } else if let Some(&(_, n)) = MULTIPLE_VERBS.iter().find(|(v, _)| *v == lw) {
            let (full, hedge) = hedged(span);
            out.push((full, vec![Decimal::from(n)], hedge, None));
        } else if lw == "halved" || lw == "halving" {
            let (full, hedge) = hedged(span);
            out.push((full, vec![Decimal::new(5, 1)], hedge, None));
        } else if lw == "half" {
            // "half as many as": a comparison; "half of" is a share, not a multiple.
            if ws.peek().is_some_and(|(_, w)| lower_eq(w, "as")) {
                let (full, hedge) = hedged(span);
                out.push((full, vec![Decimal::new(5, 1)], hedge, None));
            }
        } else if lw == "factor" {
            // "by a factor of four": N is the number after "of".
            let rest = Span::new(span.end, sentence.end);
            let mut after = words(text, rest);
            let of = after.next().is_some_and(|(_, w)| lower_eq(w, "of"));
            let n = after.next().and_then(|(s, w)| {
                let lw = w.to_lowercase();
                SMALL_NUMBERS
                    .iter()
                    .find(|(x, _)| *x == lw)
                    .map(|&(_, n)| (s, Decimal::from(n)))
                    .or_else(|| w.parse::<i64>().ok().map(|n| (s, Decimal::from(n))))
            });
            if let (true, Some((end, n))) = (of, n.filter(|(_, n)| *n >= Decimal::TWO)) {
                // "grew by a factor of four": the phrase reads like a verb's multiple.
                let by_a = is_word(two_back, "by") && is_word(one_back, "a");
                let start = two_back.filter(|_| by_a).map_or(span, |(s, _)| s);
                out.push((start.cover(end), vec![n], hedge(), None));
            }
        } else if lw == "times" {
            // N is the claim just before "times".
            let Some(i) = claims_in(ctx, Span::new(sentence.start, span.start))
                .rev()
                .find(|&i| {
                    ctx.doc
                        .text
                        .get(ctx.claims[i].span.end..span.start)
                        .is_some_and(|gap| gap.trim().is_empty())
                })
            else {
                continue;
            };
            let Some(n) = ctx.claims[i].numeral().map(|n| n.value) else {
                continue;
            };
            let comparative = ws.peek().is_some_and(|(_, w)| lower_in(w, COMPARATIVES));
            let readings = if comparative {
                vec![n, n + Decimal::ONE]
            } else {
                vec![n]
            };
            // The hedge stands before N: "nearly four times", "more than three times".
            let before = words_before(text, sentence.start, ctx.claims[i].span.start, 2);
            let hedge = match (before.as_slice(), ctx.claims[i].hedge) {
                (_, crate::model::Hedge::Nearly) => MultipleHedge::Nearly,
                (_, crate::model::Hedge::MoreThan) => MultipleHedge::MoreThan,
                ([w, ..], _) if w == "nearly" || w == "almost" => MultipleHedge::Nearly,
                ([than, more, ..], _) if than == "than" && more == "more" => {
                    MultipleHedge::MoreThan
                }
                _ => hedge(),
            };
            out.push((ctx.claims[i].span.cover(span), readings, hedge, Some(i)));
        } else if let Some(prefix) = lw.strip_suffix("fold") {
            let prefix = prefix.trim_end_matches('-');
            let n = prefix.parse::<i64>().ok().or_else(|| {
                SMALL_NUMBERS
                    .iter()
                    .find(|(w, _)| *w == prefix)
                    .map(|&(_, n)| n)
            });
            if let Some(n) = n.filter(|&n| n >= 2) {
                let n = Decimal::from(n);
                let (full, hedge) = hedged(span);
                out.push((full, vec![n, n + Decimal::ONE], hedge, None));
            }
        }
    }
    out
}

/// "X against Y" after the multiple word: X is the new value, Y the old one.
fn comparison_pair(
    ctx: &Context,
    sentence: Span,
    after: usize,
    n_claim: Option<usize>,
) -> Option<(End, End, Binding)> {
    // A period read as a duration ("9.2 million a year against …") is no compared value.
    let period = |i: usize| lower_in(ctx.text(ctx.claims[i].span), PERIOD_WORDS);
    let idx: Vec<usize> = claims_in(ctx, Span::new(after, sentence.end))
        .filter(|&i| Some(i) != n_claim && !period(i))
        .collect();
    let mut found = None;
    for pair in idx.windows(2) {
        let (a, b) = (&ctx.claims[pair[0]], &ctx.claims[pair[1]]);
        let between = ctx
            .doc
            .text
            .get(a.span.end..b.span.start)
            .unwrap_or("")
            .trim()
            .trim_matches(',')
            .trim()
            .to_lowercase();
        // "9.2 million a year against 2.3 million": a period after the first value is fine.
        let between = PERIOD_WORDS
            .iter()
            .find_map(|p| between.strip_prefix(p))
            .map_or(between.as_str(), str::trim);
        if !AGAINST.contains(&between) {
            continue;
        }
        let (Quantity::Point(na), Quantity::Point(nb)) = (&a.quantity, &b.quantity) else {
            continue;
        };
        let new = end_of(ctx, pair[0], a.span, na)?;
        let old = end_of(ctx, pair[1], b.span, nb)?;
        if !same_measure(ctx, &new, &old) || found.is_some() {
            return None;
        }
        found = Some((old, new, Binding::OneClause));
    }
    found
}

/// Words after a comparative multiple that name what it is compared with: "three times as
/// many as", "double the diameter of", "twice that of".
const COMPARED_WITH: &[&str] = &["as", "the", "that"];

/// "has scored 24 goals, three times as many as his rival, who has 12"; "8 metres across,
/// double the diameter of the old 2-metre mirror": the one value of the sentence before a
/// comparative multiple is the new value, the one after it the old. Any other value of that
/// measure on either side, and the pair is a guess.
fn around_pair(
    ctx: &Context,
    sentence: Span,
    span: Span,
    n_claim: Option<usize>,
) -> Option<(End, End, Binding)> {
    let text = &ctx.doc.text;
    let last = words(text, span).last()?.1;
    if !lower_in(last, &["times", "twice", "double", "triple", "half"]) {
        return None;
    }
    let next: Vec<String> = words(text, Span::new(span.end, sentence.end))
        .take(3)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let next: Vec<&str> = next.iter().map(String::as_str).collect();
    // "as many as", "as long as": no noun of its own between, so the values are the compared
    // quantity ("twice as many passengers as" compares passengers, not the buses counted).
    let as_form = matches!(next.as_slice(), ["as", _, "as"]);
    // "double the diameter of", "twice that of", "three times the 9 million litres of".
    let value_next = next
        .get(1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let of_form = matches!(next.as_slice(), ["the", _, "of"] | ["that", "of", ..])
        || (next.first() == Some(&"the") && value_next);
    let values = |within: Span| -> Vec<End> {
        claims_in(ctx, within)
            .filter(|&i| Some(i) != n_claim && ctx.claims[i].span.end <= within.end)
            .filter_map(|i| {
                let c = &ctx.claims[i];
                let (Quantity::Point(n) | Quantity::Duration { amount: n, .. }) = &c.quantity
                else {
                    return None;
                };
                end_of(ctx, i, c.span, n)
            })
            .collect()
    };
    let [new] = <[End; 1]>::try_from(values(Span::new(sentence.start, span.start))).ok()?;
    let [old] = <[End; 1]>::try_from(values(Span::new(span.end, sentence.end))).ok()?;
    // The multiple stands in apposition to the new value ("24 goals, three times as many
    // as"), or both values carry a unit ("8 metres … double the diameter of the 2-metre"):
    // a bare count before it may count the things compared ("the 3 teams scored twice as").
    let apposition = text
        .get(new.span.end..span.start)
        .is_some_and(|gap| gap.trim_end().ends_with(','));
    let units = ctx.claims[new.claim].unit.is_some() && ctx.claims[old.claim].unit.is_some();
    let bound = (as_form && apposition) || (of_form && (apposition || units));
    (bound && same_measure(ctx, &old, &new)).then_some((old, new, Binding::CrossClause))
}

/// A ratio reading for a multiple: N ± 2.5% (`rules.md` #11: the inputs' rounding is the
/// tolerance, the word adds none of its own); "nearly": [0.9N, N).
pub fn multiple_reading(n: Decimal, hedge: MultipleHedge) -> Option<Reading> {
    let pct = |p: i64| n.checked_mul(Decimal::new(p, 3));
    let (strict, permissive) = match hedge {
        MultipleHedge::None => {
            let iv = Interval::closed(pct(975)?, pct(1025)?);
            (iv, iv)
        }
        MultipleHedge::Nearly => {
            let iv = Interval::new(Some(pct(900)?), Some(n), false, true);
            (iv, iv)
        }
        MultipleHedge::MoreThan => {
            let iv = Interval::new(Some(n), None, true, false);
            (iv, iv)
        }
    };
    Some(Reading {
        value: Some(n),
        strict,
        permissive,
        decimals: 0,
        unit: Decimal::ONE,
        is_count: false,
        hedge: crate::model::Hedge::None,
        plain: false,
        untestable: false,
    })
}

/// B/A of a multiple's values judged against one reading.
pub fn multiple_check(m: &Multiple, n: Decimal) -> Option<Check> {
    let stated = multiple_reading(n, m.hedge)?;
    let computation = compute(&[&m.from.reading, &m.to.reading], &[0], formula::ratio).ok()?;
    let judgement = judge(&stated, &computation);
    Some(Check {
        computation,
        judgement,
    })
}
