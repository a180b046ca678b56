//! Clause roles of per-unit amounts, shared by the rate, average and projection rules: what
//! a figure is counted per ("$300 per runner", "41 mm a day", "30 each", "16 per 100,000
//! people", "$4,500 per head"), whether it is marked as an average ("an average of",
//! "averaging", "on average") or a total ("a combined", "a total of", "in all"), the link
//! that sets a figure beside another as a restatement (", or", "—", "worth"), and how many
//! days, weeks or months one period holds.
//!
//! Like `parts`, everything reads the words right around one claim of one sentence.

use crate::analysis::parts::{self, Sentence, TotalForm};
use crate::analysis::Context;
use crate::extract::singular;
use crate::model::{Claim, Kind, Quantity, TimeUnit};
use crate::semantics::{Interval, Reading};
use crate::text::{lower_eq, lower_in};
use rust_decimal::Decimal;

/// What a figure is counted per.
#[derive(Clone, Debug, PartialEq)]
pub enum Per {
    /// "a day", "per week", "each month", "annually", "over the year".
    Time(TimeUnit),
    /// "per runner", "a family", "per store": the singular noun.
    Item(String),
    /// A bare "each" or "apiece": each of the things the sentence counts.
    Each,
    /// "per capita", "per head", "per person": one member of a population.
    Capita,
    /// "per 100,000 residents", "per million people", "per 100 sq km": the base, and its
    /// claim when it is written as one.
    Base {
        value: Decimal,
        claim: Option<usize>,
    },
}

/// Words that open a per-unit phrase after a figure.
const PER_WORDS: &[&str] = &["a", "an", "per", "each", "every"];
/// Nouns for one member of a population.
const CAPITA: &[&str] = &[
    "capita",
    "head",
    "person",
    "resident",
    "inhabitant",
    "citizen",
];
/// Words after "a year", "a week" that make it a time, not a rate ("a year ago").
const NOT_RATE_AFTER: &[&str] = &["ago", "earlier", "later", "before", "after", "old"];

/// A time-unit word, singular or plural.
pub fn time_unit_word(word: &str) -> Option<TimeUnit> {
    let w = word.to_lowercase();
    let unit = match singular(&w).as_ref() {
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "year" => TimeUnit::Year,
        _ => return None,
    };
    Some(unit)
}

/// Adverbs that make a figure a rate: "daily", "annually".
fn time_adverb(word: &str) -> Option<TimeUnit> {
    let unit = match word.to_lowercase().as_str() {
        "hourly" => TimeUnit::Hour,
        "daily" => TimeUnit::Day,
        "weekly" => TimeUnit::Week,
        "monthly" => TimeUnit::Month,
        "annually" | "yearly" => TimeUnit::Year,
        _ => return None,
    };
    Some(unit)
}

/// Scale words that may stand as a base: "per million people".
fn scale_word(word: &str) -> Option<Decimal> {
    match word.to_lowercase().as_str() {
        "hundred" => Some(Decimal::ONE_HUNDRED),
        "thousand" => Some(Decimal::from(1_000)),
        "million" => Some(Decimal::from(1_000_000)),
        _ => None,
    }
}

/// The next claim of the sentence after `claim`, when it starts within `within` bytes.
fn claim_at(ctx: &Context, sentence: &Sentence, at: usize, within: usize) -> Option<usize> {
    sentence
        .claims
        .iter()
        .copied()
        .find(|&i| ctx.claims[i].span.start >= at && ctx.claims[i].span.start <= at + within)
}

/// What the figure at `i` is counted per, read from the words right after its phrase: "a
/// day", "per store", "each", "per 100,000 residents". "litres of water a day": an "of"
/// phrase of one or two words may stand between.
pub fn per_of(ctx: &Context, sentence: &Sentence, i: usize) -> Option<Per> {
    // Three rules ask about the same figures, some once per pair: read once per claim. A
    // claim has one sentence, so the claim alone keys the answer.
    let in_sentence = ctx
        .claims
        .get(i)
        .is_some_and(|c| sentence.span.start <= c.span.start && c.span.start < sentence.span.end);
    match ctx.per_of_cell(i) {
        Some(cell) if in_sentence => cell.get_or_init(|| read_per_of(ctx, sentence, i)).clone(),
        _ => read_per_of(ctx, sentence, i),
    }
}

fn read_per_of(ctx: &Context, sentence: &Sentence, i: usize) -> Option<Per> {
    let claim = &ctx.claims[i];
    let start = claim.phrase_end();
    let after = ctx.doc.text.get(start..sentence.span.end)?;
    // Only the words of this phrase: a comma or a dash ends it.
    let cut = after
        .find([',', ';', ':', '—', '–', '(', ')', '.'])
        .unwrap_or(after.len());
    let phrase = &after[..cut];
    let words: Vec<&str> = parts::words_as_written(phrase).take(8).collect();
    let mut k = 0;
    if words.first().is_some_and(|w| lower_eq(w, "of"))
        && words
            .get(1)
            .is_some_and(|w| !lower_in(w, &["the", "every", "a", "an", "each"]))
    {
        // Skip "of water" / "of cooking oil" up to the per word.
        k = (2..=3)
            .find(|&j| words.get(j).is_some_and(|w| lower_in(w, PER_WORDS)))
            .unwrap_or(usize::MAX);
    }
    let first = *words.get(k)?;
    if let Some(unit) = time_adverb(first) {
        return Some(Per::Time(unit));
    }
    if lower_in(first, &["each", "apiece"])
        && words
            .get(k + 1)
            .is_none_or(|w| lower_in(w, &["on", "in", "over", "for"]))
    {
        return Some(Per::Each);
    }
    // "2.5 beds for every 1,000 people", "4 in every 1,000 births": a base like "per".
    if lower_in(first, &["for", "in"]) && words.get(k + 1).is_some_and(|w| lower_eq(w, "every")) {
        let third = *words.get(k + 2)?;
        let word_at = phrase.find(third).map(|p| start + p)?;
        let b = claim_at(ctx, sentence, word_at, 0)?;
        let value = ctx.claims[b].numeral()?.value;
        return Some(Per::Base {
            value,
            claim: Some(b),
        });
    }
    if lower_in(first, &["over", "for", "in"]) {
        // "over the year", "for the whole year", "in a year": the period of a total.
        let rest: Vec<&str> = words[k + 1..].iter().copied().take(3).collect();
        return match rest.as_slice() {
            [det, w] | [det, _, w] if lower_in(det, &["the", "a"]) => time_unit_word(w)
                .filter(|u| *u == TimeUnit::Year)
                .map(Per::Time),
            _ => None,
        };
    }
    if !lower_in(first, PER_WORDS) {
        return None;
    }
    let second = *words.get(k + 1)?;
    if lower_eq(first, "per") && lower_in(second, &["cent", "annum"]) {
        return lower_eq(second, "annum").then_some(Per::Time(TimeUnit::Year));
    }
    if let Some(unit) = time_unit_word(second) {
        let third = words.get(k + 2);
        if third.is_some_and(|w| lower_in(w, NOT_RATE_AFTER)) {
            return None;
        }
        return Some(Per::Time(unit));
    }
    // "per 100,000 residents": the base is the next claim.
    if lower_in(first, &["per", "every"]) {
        let word_at = phrase.find(second).map(|p| start + p)?;
        if let Some(b) = claim_at(ctx, sentence, word_at, 0) {
            let value = ctx.claims[b].numeral()?.value;
            return Some(Per::Base {
                value,
                claim: Some(b),
            });
        }
    }
    if let Some(value) = scale_word(second) {
        return lower_eq(first, "per").then_some(Per::Base { value, claim: None });
    }
    let noun = second.to_lowercase();
    if !noun.chars().all(char::is_alphabetic) || noun.len() < 3 {
        return None;
    }
    let noun = singular(&noun).into_owned();
    if CAPITA.contains(&noun.as_str()) {
        return Some(Per::Capita);
    }
    // "a" and "an" before a noun are rates only in a phrase of their own: "$300 a runner",
    // not "$300 a month" (handled) or "12 a share price" (the noun goes on).
    if lower_in(first, &["a", "an"]) && words.len() > k + 2 {
        return None;
    }
    Some(Per::Item(noun))
}

/// Words that may link a "per" phrase before a figure to it: "GDP per capita of $4,500",
/// "spending per pupil is £6,000", "per head stood at about £40".
const PER_LINKS: &[&str] = &[
    "of", "is", "was", "at", "stands", "stood", "reached", "came", "comes", "to", "about",
    "around", "roughly", "nearly", "some", "just", "over", "under",
];

/// What the figure at `i` is counted per when the "per" phrase stands before it: "GDP per
/// capita of $4,500" (per capita), "spending per pupil of £6,000" (per pupil).
pub fn per_before(ctx: &Context, sentence: &Sentence, i: usize) -> Option<Per> {
    let before = parts::before_in_sentence(ctx, sentence.span, &ctx.claims[i]);
    let cut = before
        .rfind([',', ';', ':', '—', '–', '(', ')'])
        .map_or(0, |p| p + 1);
    let phrase = before.get(cut..)?;
    let words: Vec<&str> = parts::words_as_written(phrase).rev().take(6).collect();
    let links = words.iter().take_while(|w| lower_in(w, PER_LINKS)).count();
    let (noun, per) = (words.get(links)?, words.get(links + 1)?);
    if !lower_eq(per, "per") || links == 0 {
        return None;
    }
    let noun = singular(&noun.to_lowercase()).into_owned();
    if CAPITA.contains(&noun.as_str()) {
        return Some(Per::Capita);
    }
    if time_unit_word(&noun).is_some() || !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    Some(Per::Item(noun))
}

/// What the figure is counted per, after it or before it.
pub fn per_around(ctx: &Context, sentence: &Sentence, i: usize) -> Option<Per> {
    per_of(ctx, sentence, i).or_else(|| per_before(ctx, sentence, i))
}

/// Whether the figure is stated as an average: "an average of X", "averaging X", "averaged
/// X", "X on average", "an average X".
pub fn is_average(ctx: &Context, sentence: &Sentence, c: &Claim) -> bool {
    let before = parts::before_in_sentence(ctx, sentence.span, c);
    let marked_before = parts::ends_with_words(before, &["average", "of"])
        || parts::ends_with_words(before, &["an", "average"])
        || parts::ends_with_words(before, &["averaging"])
        || parts::ends_with_words(before, &["averaged"]);
    let after = parts::after_in_sentence(ctx, sentence.span, c);
    let cut = after
        .find([',', ';', '—', '–', '(', '.'])
        .unwrap_or(after.len());
    let words: Vec<&str> = parts::words_as_written(&after[..cut]).take(6).collect();
    let marked_after = words
        .windows(2)
        .any(|w| lower_eq(w[0], "on") && lower_eq(w[1], "average"));
    marked_before || marked_after
}

/// Whether the figure is marked as a total: "a combined X", "a total of X", "X in all".
pub fn is_total(ctx: &Context, sentence: &Sentence, c: &Claim) -> bool {
    let before = parts::before_in_sentence(ctx, sentence.span, c);
    parts::ends_with_words(before, &["a", "combined"])
        || parts::ends_with_words(before, &["in", "combined"])
        || parts::total_form(ctx, sentence, c) == Some(TotalForm::Sum)
}

/// Whether a count is distributive: "each of the 30 schools", "the 15 finalists will each
/// get": what its clause then gives, it gives to every one of them.
pub fn is_distributive(ctx: &Context, sentence: &Sentence, c: &Claim) -> bool {
    let before = parts::before_in_sentence(ctx, sentence.span, c);
    let each_of = ["the", "its", "their", "our", "his", "her"]
        .iter()
        .any(|det| parts::ends_with_words(before, &["each", "of", det]));
    let after = ctx
        .doc
        .text
        .get(c.phrase_end()..sentence.span.end)
        .unwrap_or("");
    let words: Vec<&str> = parts::words_as_written(after).take(3).collect();
    let each_after = match words.as_slice() {
        [w, ..] if lower_eq(w, "each") => true,
        [aux, w, ..] => {
            lower_in(
                aux,
                &[
                    "will", "would", "can", "could", "have", "had", "were", "are",
                ],
            ) && lower_eq(w, "each")
        }
        _ => false,
    };
    each_of || each_after
}

/// Words that set a second figure beside a first as the same amount restated: "$350 a week,
/// or $18,200 a year", "£150 a month, worth £1,800 a year", "45,000 a day — 16 million a
/// year".
const RESTATE_WORDS: &[&str] = &[
    "or",
    "worth",
    "equivalent",
    "equal",
    "equating",
    "meaning",
    "making",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "more",
    "less",
    "than",
    "over",
    "under",
    "to",
    "that",
    "is",
    "which",
    "comes",
    "works",
    "out",
    "at",
    // "€250,000 a week, he will earn €13 million a year": a pronoun subject and a verb of
    // amounts restate the figure for the same payer.
    "he",
    "she",
    "it",
    "they",
    "this",
    "will",
    "would",
    "could",
    "can",
    "earn",
    "earns",
    "make",
    "makes",
    "cost",
    "costs",
    "pay",
    "pays",
    "come",
    "comes",
    "amount",
    "amounts",
    "add",
    "adds",
    "up",
    "total",
    "totals",
    "totalling",
    "totaling",
    "mean",
    "means",
];

/// Whether the text between two figures restates the first as the second: a comma, a dash,
/// a colon or an opening bracket, then only restating words (the second figure's own hedge
/// among them).
pub fn restates(between: &str) -> bool {
    let Some(mark) = between.find([',', '—', '–', '(', ':']) else {
        return false;
    };
    if parts::words_as_written(&between[..mark]).count() > 6 {
        return false;
    }
    let rest = &between[mark..];
    let words: Vec<&str> = parts::words_as_written(rest).take(7).collect();
    words.len() <= 6 && words.iter().all(|w| lower_in(w, RESTATE_WORDS))
}

/// How many `small` units one `large` unit holds, as an interval wide enough for the
/// calendar and for working time: a month is 28–31 days (20 working days at least), a year
/// 52–52.18 weeks (48 for one with holidays) or 365–366 days (220 working days).
pub fn units_in(large: TimeUnit, small: TimeUnit) -> Option<(Decimal, Interval)> {
    let d = |v: i64, s: u32| Decimal::new(v, s);
    let (typical, low, high) = match (large, small) {
        (TimeUnit::Week, TimeUnit::Day) => (d(7, 0), d(5, 0), d(7, 0)),
        (TimeUnit::Month, TimeUnit::Day) => (d(30, 0), d(20, 0), d(31, 0)),
        (TimeUnit::Year, TimeUnit::Day) => (d(365, 0), d(220, 0), d(366, 0)),
        (TimeUnit::Month, TimeUnit::Week) => (d(433, 2), d(4, 0), d(443, 2)),
        (TimeUnit::Year, TimeUnit::Week) => (d(52, 0), d(48, 0), d(5218, 2)),
        (TimeUnit::Year, TimeUnit::Month) => (d(12, 0), d(12, 0), d(12, 0)),
        _ => return None,
    };
    Some((typical, Interval::closed(low, high)))
}

/// A reading of an exact factor known only to lie in an interval (days in a month).
pub fn factor_reading(typical: Decimal, iv: Interval) -> Reading {
    Reading {
        value: Some(typical),
        strict: iv,
        permissive: iv,
        decimals: 2,
        unit: Decimal::ONE,
        is_count: false,
        hedge: crate::model::Hedge::None,
        plain: false,
        untestable: false,
    }
}

/// How many `unit`s the period claim covers: "over six days" (6 days), "in April" (30
/// days). February, and months of unknown length, are not read.
pub fn period_count(claim: &Claim, unit: TimeUnit) -> Option<Decimal> {
    match &claim.quantity {
        Quantity::Duration { amount, unit: u } if *u == unit => Some(amount.value),
        Quantity::Date(d) if unit == TimeUnit::Day && d.day.is_none() => {
            let days = match d.month? {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                _ => return None,
            };
            Some(Decimal::from(days))
        }
        _ => None,
    }
}

/// A plain amount of money, a measure or things: what a per-unit figure can be.
pub fn is_rate_amount(c: &Claim) -> bool {
    parts::is_amount(c) && c.kind != Kind::Percent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::source::{Document, Format};

    /// What each claim of the first sentence is counted per, by claim text.
    fn pers(text: &str) -> Vec<(String, Option<Per>)> {
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let claims = crate::extract::extract(&doc);
        let segments = crate::extract::segment::Segments::new(&doc);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &claims, &segments, &settings);
        let Some(sentence) = parts::sentences(&ctx).first() else {
            return Vec::new();
        };
        sentence
            .claims
            .iter()
            .map(|&i| {
                (
                    ctx.text(claims[i].span).to_string(),
                    per_of(&ctx, sentence, i),
                )
            })
            .collect()
    }

    fn per_for(text: &str, claim: &str) -> Option<Per> {
        pers(text)
            .into_iter()
            .find(|(t, _)| t == claim)
            .and_then(|(_, p)| p)
    }

    #[test]
    fn reads_time_item_each_and_base() {
        let s = "The fund paid $4,000 a week to the club, or $2.50 per member.";
        assert_eq!(per_for(s, "$4,000"), Some(Per::Time(TimeUnit::Week)));
        assert_eq!(per_for(s, "$2.50"), Some(Per::Item("member".into())));
        let s = "The pumps move 3 million litres of seawater a day.";
        assert_eq!(
            per_for(s, "3 million litres"),
            Some(Per::Time(TimeUnit::Day))
        );
        let s = "The six finalists won $500 each on the night.";
        assert_eq!(per_for(s, "$500"), Some(Per::Each));
        let s = "The town saw 42 thefts per 10,000 residents and $900 per head.";
        assert!(matches!(
            per_for(s, "42"),
            Some(Per::Base { claim: Some(_), .. })
        ));
        assert_eq!(per_for(s, "$900"), Some(Per::Capita));
        let s = "There were 7 deaths per million people.";
        assert!(matches!(
            per_for(s, "7"),
            Some(Per::Base { claim: None, .. })
        ));
    }

    #[test]
    fn times_that_are_no_rates() {
        let s = "Prices rose 4% a year ago and the club paid $80 a season ticket holder.";
        assert_eq!(per_for(s, "4%"), None);
        assert_eq!(per_for(s, "$80"), None);
    }

    #[test]
    fn restating_links() {
        assert!(restates(" a week, or more than "));
        assert!(restates(" — "));
        assert!(restates(", worth "));
        assert!(!restates(" and "));
        assert!(!restates(", while the rival spent "));
    }
}
