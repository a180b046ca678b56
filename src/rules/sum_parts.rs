//! NUM-SUM-PARTS (`rules.md` #4).

use crate::analysis::parts::{self, Check, Sentence, TotalForm};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Role, Severity};
use crate::model::{Claim, Hedge, Kind};
use crate::rules::RuleCheck;
use crate::semantics::{Binding, Reading};
use rust_decimal::Decimal;
use std::borrow::Cow;

declare_rule! {
    /// ## What it checks
    /// Parts that do not add up to the total the text states: "14 homes destroyed and 23
    /// damaged, 37 in all"; "Of the 52 complaints, 30 …, 12 … and the remaining 7 …";
    /// "made 38 arrests: 17 on Thursday, 12 on Friday and nine on Saturday"; "screened 900
    /// people — 610 adults and 290 children"; "190 species, of which 120 …"; "Thirty people
    /// were hurt. Twelve were taken to …, ten to … and the remaining eight …".
    ///
    /// ## Why it matters
    /// A breakdown that misses its total by a few is the commonest slip in casualty, vote
    /// and budget figures, and readers add the numbers up.
    ///
    /// ## Example
    /// "Of the 52 complaints, 30 concerned noise, 12 parking and the remaining 7 litter." →
    /// error: 30 + 12 + 7 is 49; the text says 52.
    ///
    /// ## Known limits
    /// A total after its parts ("…, 37 in all") binds the coordinated numbers right before it,
    /// dates between them skipped; any run of two or more of them next to the total that adds
    /// up counts as consistent. A breakdown set off after its total by a colon, a dash, a
    /// bracket, ", of which" or ", with" binds the coordinated amounts of the total's kind that
    /// follow (dates between them are skipped; a second dash or the bracket closes the list);
    /// the total is the nearest amount of that kind before the mark, in one phrase with it, and
    /// never smaller than a part (an attribution may stand between: "killed 23 people,
    /// officials said:"). Such a list is read as the whole breakdown: a miss is a warning, an
    /// error when a part is marked as the rest ("the other six") or a group count matches the
    /// parts ("came from three divisions: …"). A whole that leads the sentence ("Of the 60
    /// seats on the council, …"; its parts joined by commas or "and", a hyphenated modifier
    /// such as "the 100-seat chamber" ending them) is an error only with such a marker;
    /// without one, parts are
    /// reported (as a warning) only when they exceed the whole. ", of which" and ", with"
    /// lists are complete only with such a marker, too. Without a marker, parts whose
    /// predicates mix states and events ("22 were unvaccinated and 12 were taken to
    /// hospital") or carry a modal ("of which seven could become hurricanes") are overlapping
    /// groups or forecasts, not a breakdown, and give nothing. A sentence whose subject is a
    /// bare number ("Eleven were taken …", "Officials said 14 died …", "Of those, 12 …") lists
    /// parts of the one count of the sentence before, in the same paragraph, and is read only
    /// with a rest marker or a matching group count ("all of them in two districts").
    /// "including", "such as", "among them", an unquantified rest ("with the rest abroad") and
    /// bounds ("at least") make a list non-exhaustive; alternatives ("or"), comparisons ("more
    /// than", "against"), rates and prices ("cost $40: …") end the reading. Parts set off after
    /// their total may name its categories ("610 adults and 290 children"); elsewhere parts
    /// that count something other than the total are skipped.
    pub struct SumParts = ("NUM-SUM-PARTS", "parts do not add up to the stated total");
}

impl RuleCheck for SumParts {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let sentences = parts::sentences(ctx);
        for (k, sentence) in sentences.iter().enumerate() {
            let mut found: Vec<Finding> = Vec::new();
            // A total with its parts, or a whole with its parts: two claims at least.
            if sentence.claims.len() >= 2 {
                for (pos, &t) in sentence.claims.iter().enumerate() {
                    found.extend(total_after_parts(ctx, sentence, pos, t));
                }
                for pw in parts::part_wholes(ctx, sentence) {
                    if matches!(
                        pw.form,
                        parts::PartWholeForm::LeadOf | parts::PartWholeForm::OfWhom
                    ) {
                        found.extend(breakdown(ctx, sentence, pw.whole, pw.part));
                    }
                }
                if let Some((w, first)) = parts::lead_whole(ctx, sentence) {
                    found.extend(breakdown(ctx, sentence, w, first));
                }
                found.extend(appositions(ctx, sentence));
            }
            if let Some(prev) = k.checked_sub(1).and_then(|p| sentences.get(p)) {
                found.extend(parts_in_next_sentence(ctx, prev, sentence));
            }
            // One finding per total: the forms overlap ("a total of 37: 14 … and 23 …").
            let mut seen = Vec::new();
            for f in found {
                if !seen.contains(&f.primary) {
                    seen.push(f.primary);
                    out.push(f);
                }
            }
        }
    }
}

/// The coordinated amounts right before a total, nearest first: "14 homes and 23 others,
/// 37 in all" → [23, 14].
fn coordinated_before(ctx: &Context, sentence: &Sentence, pos: usize, total: usize) -> Vec<usize> {
    let t = &ctx.claims[total];
    let mut list = Vec::new();
    let mut next = t;
    for &k in sentence.claims[..pos].iter().rev() {
        let c = &ctx.claims[k];
        // "10 on Monday and 25 on Tuesday, 35 in all": dates are no parts.
        if parts::is_time(c) {
            continue;
        }
        if !parts::is_amount(c) || !parts::same_unit(c, t) {
            break;
        }
        let gap_text = parts::between(ctx, c.span, next.span);
        let gap = parts::words(gap_text);
        let joined = gap_text.contains(',')
            || gap_text.contains('—')
            || (!list.is_empty() && gap.iter().any(|w| w == "and"));
        if !joined
            || gap.len() > 8
            || gap_text.contains([';', ':'])
            || parts::has_non_exhaustive(&gap)
            || gap.iter().any(|w| w == "of" || w == "or")
        {
            break;
        }
        list.push(k);
        next = c;
        if list.len() == MAX_PARTS {
            break;
        }
    }
    list
}

/// A breakdown longer than this is a table, not a sentence; it also bounds the work.
const MAX_PARTS: usize = 12;

/// "…, 37 in all" or "a total of 37 homes: 14 … and 23 …": some run of the coordinated
/// amounts next to the total must add up to it.
fn total_after_parts(ctx: &Context, sentence: &Sentence, pos: usize, t: usize) -> Option<Finding> {
    let total = &ctx.claims[t];
    if !parts::is_amount(total) || total.kind == crate::model::Kind::Percent {
        return None;
    }
    let form = parts::total_form(ctx, sentence, total)?;
    let min_parts = if form == TotalForm::Running { 1 } else { 2 };
    let mut list = coordinated_before(ctx, sentence, pos, t);
    list.reverse();
    let mut before = true;
    if list.len() < min_parts && form == TotalForm::Sum {
        list = coordinated_after(ctx, sentence, pos, t);
        before = false;
    }
    if list.len() < min_parts
        || list
            .iter()
            .any(|&p| !parts::same_thing(ctx, &ctx.claims[p], total))
        || list.iter().any(|&p| ctx.claims[p].hedge.is_bound())
    {
        return None;
    }
    let total_reading = parts::read(ctx, total)?;
    let readings: Vec<(usize, Reading)> = list
        .iter()
        .map(|&p| parts::read(ctx, &ctx.claims[p]).map(|r| (p, r)))
        .collect::<Option<_>>()?;
    if form == TotalForm::Running {
        return check(ctx, t, &total_reading, &readings, Severity::Warning, true);
    }
    // Longest run first, growing away from the total: the first that fits is the breakdown
    // the writer meant.
    let mut first_try = None;
    for cut in 0..=readings.len() - 2 {
        let run = if before {
            &readings[cut..]
        } else {
            &readings[..readings.len() - cut]
        };
        let found = check(ctx, t, &total_reading, run, Severity::Error, false);
        let fits = found
            .as_ref()
            .is_none_or(|f| f.verdict != crate::finding::Verdict::Inconsistent);
        if fits {
            return found;
        }
        first_try.get_or_insert(found);
    }
    first_try.flatten()
}

/// The coordinated amounts after a colon or dash that follows a total: "a total of 37
/// homes were damaged: 14 in Arden and 23 in Bexley" → [14, 23].
fn coordinated_after(ctx: &Context, sentence: &Sentence, pos: usize, total: usize) -> Vec<usize> {
    let t = &ctx.claims[total];
    let mut list = Vec::new();
    let mut prev = t;
    for &k in &sentence.claims[pos + 1..] {
        let c = &ctx.claims[k];
        if parts::is_time(c) {
            continue;
        }
        if !parts::is_amount(c) || !parts::same_unit(c, t) {
            break;
        }
        let gap_text = parts::between(ctx, prev.span, c.span);
        let gap = parts::words(gap_text);
        let joined = if list.is_empty() {
            (gap_text.contains(':') || gap_text.contains('—')) && gap.len() <= 10
        } else {
            (gap_text.contains(',') || gap.iter().any(|w| w == "and")) && gap.len() <= 8
        };
        if !joined
            || gap_text.contains(';')
            || (!list.is_empty() && gap_text.contains(':'))
            || parts::has_non_exhaustive(&gap)
            || gap.iter().any(|w| w == "of" || w == "or")
        {
            break;
        }
        list.push(k);
        prev = c;
        if list.len() == MAX_PARTS {
            break;
        }
    }
    list
}

/// "Of the 52 complaints, 30 …, 12 … and the remaining 7 …": the parts after the whole.
fn breakdown(ctx: &Context, sentence: &Sentence, w: usize, first: usize) -> Option<Finding> {
    let whole = &ctx.claims[w];
    if !parts::is_countish(whole) && !parts::is_amount(whole) {
        return None;
    }
    let start = sentence.claims.iter().position(|&c| c == first)?;
    let mut list = Vec::new();
    let mut prev = whole;
    let mut exhaustive = false;
    for &k in &sentence.claims[start..] {
        let c = &ctx.claims[k];
        if parts::is_time(c) {
            continue;
        }
        if !parts::is_amount(c) || !parts::same_unit(c, whole) {
            break;
        }
        let gap_text = parts::between(ctx, prev.span, c.span);
        let gap = parts::words(gap_text);
        // "the 100-seat chamber", "the 90-point mark": a modifier, not a part; nor is an
        // amount that is not coordinated with the part before ("hold 23; overall, 51").
        let modifier = ctx
            .doc
            .text
            .get(c.span.end..)
            .is_some_and(|t| t.starts_with(['-', '‑']));
        let coordinated = gap_text.contains(',') || gap.iter().any(|w| w == "and");
        if modifier || (!list.is_empty() && (!coordinated || gap_text.contains([';', ':']))) {
            break;
        }
        if parts::has_non_exhaustive(&gap) || (!list.is_empty() && gap.iter().any(|w| w == "of")) {
            return None;
        }
        if !parts::same_thing(ctx, c, whole) {
            return None;
        }
        exhaustive = parts::has_exhaustive(&gap);
        list.push(k);
        prev = c;
        if list.len() > MAX_PARTS {
            return None;
        }
    }
    if list.len() < 2 {
        return None;
    }
    let rest = parts::words(parts::after_in_sentence(ctx, sentence.span, prev));
    if parts::has_non_exhaustive(&rest) {
        return None;
    }
    // A bound on a part ("at least 20") leaves room for overlap: no sum to check.
    if list.iter().any(|&p| ctx.claims[p].hedge.is_bound()) {
        return None;
    }
    // Without a rest marker only an excess is reported, and an excess means something only
    // when the parts are categories of one kind ("80 were men and 50 were women"), not
    // overlapping groups ("19 were unvaccinated and six were admitted to hospital").
    if !exhaustive && !parallel_predicates(ctx, sentence, &list) {
        return None;
    }
    let whole_reading = parts::read(ctx, whole)?;
    let readings: Vec<(usize, Reading)> = list
        .iter()
        .map(|&p| parts::read(ctx, &ctx.claims[p]).map(|r| (p, r)))
        .collect::<Option<_>>()?;
    let default = if exhaustive {
        Severity::Error
    } else {
        Severity::Warning
    };
    check(ctx, w, &whole_reading, &readings, default, !exhaustive)
}

/// Modal verbs: a part that "could" or "may" happen is a forecast of a subset, not a part.
const MODALS: &[&str] = &["could", "may", "might", "would", "will", "should", "can"];

/// Whether the words after each part (up to the next part, or the clause's end for the last)
/// can describe categories of one whole: no modal verb, and not a mix of states and events
/// ("19 were unvaccinated and six were admitted to hospital" — an event such as "were taken
/// to", "were treated for" happens to members of any category). "80 were men and 50 were
/// women", "17 run on diesel and 11 are electric" are categories.
fn parallel_predicates(ctx: &Context, sentence: &Sentence, list: &[usize]) -> bool {
    let mut events = 0;
    for (i, &p) in list.iter().enumerate() {
        let c = &ctx.claims[p];
        let from = c.phrase_end();
        let to = match list.get(i + 1) {
            Some(&next) => ctx.claims[next].span.start,
            None => sentence.span.end,
        };
        let text = ctx.doc.text.get(from..to.max(from)).unwrap_or("");
        // The last part's predicate ends with its clause.
        let text = text.split([',', ';', '.', '—', '(']).next().unwrap_or("");
        let words = parts::words(text);
        if words.iter().any(|w| MODALS.contains(&w.as_ref())) {
            return false;
        }
        let event = matches!(
            words.as_slice(),
            [be, done, prep, ..]
                if ["were", "was", "are", "is", "have", "had", "been"].contains(&be.as_ref())
                    && (done.ends_with("ed")
                        || done.ends_with("en")
                        || ["sent", "brought", "held", "kept", "found", "put", "caught", "flown"]
                            .contains(&done.as_ref()))
                    && ["to", "for", "in", "into", "at", "by", "with", "from"].contains(&prep.as_ref())
        );
        events += usize::from(event);
    }
    events == 0 || events == list.len()
}

/// Words in a gap of a list that make its amounts something other than parts: alternatives,
/// comparisons, rates.
const NOT_A_LIST: &[&str] = &[
    "or", "than", "more", "fewer", "less", "per", "each", "every", "average", "up", "down",
    "against", "versus", "vs", "compared",
];

/// A gap ending "of" or "of the": the next amount is a whole, not a part ("12 of the 30").
fn partitive(gap: &[Cow<str>]) -> bool {
    match gap {
        [.., of, det] if of == "of" => ["the", "its", "their"].contains(&det.as_ref()),
        [.., of] => of == "of",
        _ => false,
    }
}

/// Words that make an amount of money a price per item.
#[rustfmt::skip]
const PRICE_WORDS: &[&str] = &[
    "cost", "costs", "costing", "price", "prices", "priced", "fare", "fares", "fee", "fees",
    "ticket", "tickets", "charge", "charges", "per", "each",
];

/// A run of coordinated parts.
struct List {
    parts: Vec<usize>,
    /// A part is marked as the rest ("the remaining four", "the other six").
    exhaustive: bool,
    /// The list says it leaves things out ("including", "among them", "and the rest").
    open: bool,
}

/// The coordinated amounts of one family among `claims` (time claims set aside), the first
/// within a few words of `from`; the list ends at `close` (a closing dash or bracket), at the
/// first amount of another kind, or at the sentence's end. `None` when the amounts are
/// alternatives, comparisons or rates, or the sentence goes on with more of them.
fn list_from(
    ctx: &Context,
    sentence: &Sentence,
    from: usize,
    claims: &[usize],
    close: &[char],
) -> Option<List> {
    let text = &ctx.doc.text;
    let end = sentence.span.end;
    let close_at = text
        .get(from..end)
        .and_then(|t| t.find(close))
        .map_or(end, |p| from + p);
    let mut list = List {
        parts: Vec::new(),
        exhaustive: false,
        open: false,
    };
    let mut prev_end = from;
    for &k in claims {
        let c = &ctx.claims[k];
        if c.span.start < from {
            continue;
        }
        if c.span.start >= close_at {
            break;
        }
        let gap_text = text.get(prev_end..c.span.start).unwrap_or("");
        let gap = parts::words(gap_text);
        let first = list.parts.is_empty();
        let family_ok = list
            .parts
            .first()
            .is_none_or(|&f| parts::same_unit(&ctx.claims[f], c));
        if !parts::is_amount(c) || c.kind == Kind::Percent || !family_ok {
            if first {
                return None;
            }
            break;
        }
        if first {
            if gap.len() > 4 || gap_text.contains([',', ';', '"', '“', '”']) {
                return None;
            }
        } else {
            let joined = gap_text.contains(',') || gap.iter().any(|w| w == "and");
            if !joined || gap.len() > 8 || gap_text.contains([';', ':']) {
                return None;
            }
        }
        if gap.iter().any(|w| NOT_A_LIST.contains(&w.as_ref()))
            || partitive(&gap)
            || c.hedge.is_bound()
            || text.get(c.span.end..).is_some_and(|t| t.starts_with('-'))
        {
            return None;
        }
        list.open |= parts::has_non_exhaustive(&gap);
        list.exhaustive |= parts::has_exhaustive(&gap);
        list.parts.push(k);
        prev_end = c.phrase_end();
        if list.parts.len() > MAX_PARTS {
            return None;
        }
    }
    let last = *list.parts.last()?;
    // More amounts of the list's family later in the clause: a structure not read here.
    let more = claims.iter().any(|&k| {
        let c = &ctx.claims[k];
        c.span.start > ctx.claims[last].span.start
            && c.span.start < close_at
            && !list.parts.contains(&k)
            && parts::same_unit(c, &ctx.claims[last])
    });
    if more {
        return None;
    }
    // "…, and the rest in Kerry": an unquantified remainder leaves the list open.
    let tail = parts::words(text.get(prev_end..close_at).unwrap_or(""));
    list.open |= parts::has_non_exhaustive(&tail) || parts::has_exhaustive(&tail);
    Some(list)
}

/// A small whole count of a named plural ("three divisions", "two districts"): when it equals
/// the number of parts listed, it says the list is complete.
fn group_count(claim: &Claim, n: usize) -> bool {
    parts::is_countish(claim)
        && claim.counted.is_some()
        && matches!(claim.hedge, Hedge::None | Hedge::Exactly)
        && claim
            .point_value()
            .is_some_and(|v| v >= Decimal::TWO && v == Decimal::from(n as u64))
}

/// Where a breakdown opens after its total: a colon, a dash, an opening bracket or ", of
/// which" / ", of whom". Byte offsets (start, end) and the marks that close it.
fn openers(text: &str, base: usize) -> Vec<Opener> {
    let mut out: Vec<Opener> = Vec::new();
    let mut push = |i: usize, end: usize, close: &'static [char], loose: bool| {
        out.push(Opener {
            start: base + i,
            end: base + end,
            close,
            loose,
        });
    };
    for (i, ch) in text.char_indices() {
        let end = i + ch.len_utf8();
        match ch {
            ':' => push(i, end, &[], false),
            '—' | '–' => push(i, end, &['—', '–'], false),
            '(' => push(i, end, &[')'], false),
            ',' => {
                let rest = &text[end..];
                let mut w = parts::words_as_written(rest);
                let first = w.next().unwrap_or("");
                if first.eq_ignore_ascii_case("of")
                    && w.next()
                        .is_some_and(|x| parts::has_word(x, &["which", "whom"]))
                {
                    // "17 storms, of which eight could become hurricanes": a subset as often
                    // as a breakdown, so complete only when the list says so.
                    push(i, end, &[], true);
                } else if first.eq_ignore_ascii_case("with") {
                    push(i, end, &[], true);
                }
            }
            _ => {}
        }
    }
    out
}

/// Where a breakdown opens after its total.
struct Opener {
    start: usize,
    end: usize,
    /// The marks that close it (a second dash, a closing bracket).
    close: &'static [char],
    /// ", with 19 on Friday, …": complete only with a total marker ("a total of"), a rest
    /// marker or a matching group count.
    loose: bool,
}

/// "Police made 38 arrests at the fair: 17 on Thursday, 12 on Friday and nine on
/// Saturday"; "vaccinated 1,150 people — 640 adults and 510 children"; "£3.1bn of sales
/// came from three divisions: retail (£1.9bn), …"; "180 species, of which 100 …": a total,
/// then its parts set off after it. The parts make up the total unless the list says it
/// leaves things out; a group count matching the parts ("three divisions") or a part marked
/// as the rest makes a miss an error, otherwise a warning.
fn appositions(ctx: &Context, sentence: &Sentence) -> Vec<Finding> {
    let text = ctx.text(sentence.span);
    // Most sentences have no opener: their claims need no reading.
    if !text.contains([':', '—', '–', '(', ',']) {
        return Vec::new();
    }
    let claims = parts::untimed(ctx, sentence);
    let mut out = Vec::new();
    for opener in openers(text, sentence.span.start) {
        if let Some(f) = apposition(ctx, sentence, &claims, &opener) {
            out.push(f);
        }
    }
    out
}

fn apposition(
    ctx: &Context,
    sentence: &Sentence,
    claims: &[usize],
    opener: &Opener,
) -> Option<Finding> {
    let start = opener.start;
    let list = list_from(ctx, sentence, opener.end, claims, opener.close)?;
    if list.parts.len() < 2 {
        return None;
    }
    let first = &ctx.claims[list.parts[0]];
    // The total: the nearest amount of the parts' family before the opener, in one phrase
    // with it; a group count may stand between ("£3.1bn … came from three divisions:").
    let before: Vec<usize> = claims
        .iter()
        .copied()
        .filter(|&k| ctx.claims[k].span.end <= start)
        .collect();
    let lead_ok = |k: usize| {
        let c = &ctx.claims[k];
        let from = c.phrase_end();
        let lead = ctx.doc.text.get(from..start).unwrap_or("");
        // ", officials said on Wednesday:" — an attribution between total and list.
        let lead = match lead.split_once(',') {
            Some((phrase, said)) if attribution(said) => phrase,
            _ => lead,
        };
        parts::words(lead).len() <= 10 && !lead.contains([',', ';', ':', '(', ')', '—', '–', '"'])
    };
    let mut rev = before.iter().rev().copied();
    let near = rev.next().filter(|&k| lead_ok(k))?;
    let mut group = false;
    let t = if group_count(&ctx.claims[near], list.parts.len())
        && !parts::same_unit(&ctx.claims[near], first)
    {
        group = true;
        rev.next().filter(|&k| lead_ok(k))?
    } else if group_count(&ctx.claims[near], list.parts.len()) {
        match rev
            .next()
            .filter(|&k| lead_ok(k) && parts::same_unit(&ctx.claims[k], first))
        {
            Some(k) => {
                group = true;
                k
            }
            None => near,
        }
    } else {
        near
    };
    let total = &ctx.claims[t];
    if !parts::is_amount(total)
        || total.kind == Kind::Percent
        || !parts::same_unit(total, first)
        || parts::is_countish(total) && total.counted.is_none() && !noun_follows(ctx, total)
    {
        return None;
    }
    let lead = parts::words(ctx.doc.text.get(total.span.end..start).unwrap_or(""));
    // "Tickets cost $40: $25 for …": prices per item are alternatives, not parts.
    let before_total = parts::words(parts::before_in_sentence(ctx, sentence.span, total));
    if total.kind == Kind::Money
        && before_total
            .iter()
            .chain(&lead)
            .any(|w| PRICE_WORDS.contains(&w.as_ref()))
    {
        return None;
    }
    // "four times as many": a multiple, not a total. A total below one of its parts is a
    // misreading of the sentence rather than a breakdown.
    let largest = list
        .parts
        .iter()
        .filter_map(|&p| ctx.claims[p].point_value())
        .max();
    if lead.first().is_some_and(|w| w == "times")
        || largest.is_some_and(|m| total.point_value().is_none_or(|v| m > v))
    {
        return None;
    }
    let marked_total = parts::total_form(ctx, sentence, total) == Some(TotalForm::Sum);
    let open = list.open
        || parts::has_non_exhaustive(&lead)
        || (opener.loose && !(list.exhaustive || group || marked_total));
    // A part that names the total's group noun counts the groups, not the total's things.
    let total_reading = parts::read(ctx, total)?;
    let readings: Vec<(usize, Reading)> = list
        .parts
        .iter()
        .map(|&p| parts::read(ctx, &ctx.claims[p]).map(|r| (p, r)))
        .collect::<Option<_>>()?;
    let default = if (list.exhaustive || group) && !open {
        Severity::Error
    } else {
        Severity::Warning
    };
    check(ctx, t, &total_reading, &readings, default, open)
}

/// A bare number followed by a word that is not a function word: the noun it counts, which
/// the extractor left unattached ("60 league goals").
fn noun_follows(ctx: &Context, claim: &Claim) -> bool {
    let after = ctx.doc.text.get(claim.span.end..).unwrap_or("");
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    word.chars().next().is_some_and(char::is_lowercase) && !FUNCTION_WORDS.contains(&word.as_str())
}

#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "and", "or", "was", "were", "is", "are", "per",
    "percent", "by", "from", "with", "a", "the", "than", "more", "less", "fewer", "had", "have",
    "has", "as", "said", "says",
];

/// "Twenty-four people were hurt. Eleven were taken to …, nine to … and the remaining four
/// …": parts in the next sentence whose subject is a bare number (it refers back to the
/// one count of the sentence before). Read only when the list is marked complete: a part
/// marked as the rest, or a group count matching the parts ("all of them in two
/// districts").
fn parts_in_next_sentence(ctx: &Context, prev: &Sentence, sentence: &Sentence) -> Option<Finding> {
    let paragraph = |s: &Sentence| ctx.segments.paragraph_of(s.span.start).map(|(i, _)| i);
    if paragraph(prev) != paragraph(sentence) {
        return None;
    }
    let claims = parts::untimed(ctx, sentence);
    let &p0 = claims.first()?;
    let first = &ctx.claims[p0];
    if !parts::is_countish(first) || first.counted.is_some() {
        return None;
    }
    let before = parts::before_in_sentence(ctx, sentence.span, first);
    let lead = parts::words(before);
    let speech = lead.last().is_some_and(|w| SPEECH.contains(&w.as_ref()));
    // "Of those, 12 …", "Of the injured, 12 …": the lead names the earlier set.
    let of_those = lead.first().is_some_and(|w| w == "of")
        && lead.len() <= 3
        && before.trim_end().ends_with(',');
    if !(lead.is_empty() || of_those || (speech && lead.len() <= 4 && !before.contains(','))) {
        return None;
    }
    let list = list_from(ctx, sentence, first.span.start, &claims, &[])?;
    let n = list.parts.len();
    if n < 2 || list.open {
        return None;
    }
    let prev_claims = parts::untimed(ctx, prev);
    let mut group = false;
    let mut wholes = Vec::new();
    for &k in &prev_claims {
        let c = &ctx.claims[k];
        if group_count(c, n) && !group {
            group = true;
        } else if parts::is_amount(c) {
            wholes.push(k);
        }
    }
    let [w] = wholes[..] else {
        return None;
    };
    let whole = &ctx.claims[w];
    // The parts refer back: no noun of their own, or the whole's ("12 people … 5 people").
    let own_noun = list.parts.iter().any(|&p| {
        let c = &ctx.claims[p];
        c.counted.is_some() && parts::head(ctx, c) != parts::head(ctx, whole)
    });
    if !parts::is_countish(whole)
        || whole.counted.is_none()
        || own_noun
        || !(group || list.exhaustive)
    {
        return None;
    }
    let whole_reading = parts::read(ctx, whole)?;
    let readings: Vec<(usize, Reading)> = list
        .parts
        .iter()
        .map(|&p| parts::read(ctx, &ctx.claims[p]).map(|r| (p, r)))
        .collect::<Option<_>>()?;
    check(ctx, w, &whole_reading, &readings, Severity::Error, false)
}

/// A short clause of saying: "officials said on Wednesday", "police said".
fn attribution(text: &str) -> bool {
    let words = parts::words(text);
    words.len() <= 6
        && !text.contains([',', ';', '(', ')', '"', '“'])
        && words.iter().any(|w| SPEECH[..6].contains(&w.as_ref()))
}

/// Verbs of saying that may stand before a part that refers back ("Officials said 14 …").
const SPEECH: &[&str] = &[
    "said",
    "say",
    "says",
    "added",
    "reported",
    "confirmed",
    "that",
];

fn check(
    ctx: &Context,
    total: usize,
    total_reading: &Reading,
    parts_read: &[(usize, Reading)],
    default: Severity,
    excess_only: bool,
) -> Option<Finding> {
    let mut readings: Vec<Reading> = parts_read.iter().map(|(_, r)| r.clone()).collect();
    let mut total_reading = total_reading.clone();
    let mut all: Vec<&mut Reading> = readings.iter_mut().collect();
    all.push(&mut total_reading);
    parts::exact_if_plain_counts(&mut all);
    let computation = parts::sum(&readings)?;
    let t = &ctx.claims[total];
    let binding = if parts_read
        .iter()
        .all(|(p, _)| parts::binding(ctx, &ctx.claims[*p], t) == Binding::OneClause)
    {
        Binding::OneClause
    } else {
        Binding::CrossClause
    };
    let operation = parts_read
        .iter()
        .map(|(p, _)| ctx.text(ctx.claims[*p].span))
        .collect::<Vec<_>>()
        .join(" + ");
    parts::finish(
        ctx,
        Check {
            rule: SumParts::ID,
            default,
            binding,
            checked: (total, &total_reading),
            inputs: parts_read.iter().map(|(p, _)| (*p, Role::Part)).collect(),
            computation,
            operation,
            cap: Some(default),
            excess_only,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Verdict;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&SumParts, text, false)
    }

    #[test]
    fn exhaustive_breakdown_that_misses_is_an_error() {
        let f =
            run("Of the 52 complaints, 30 concerned noise, 12 parking and the remaining 7 litter.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].message,
            "30 + 12 + 7 is 49; the text says 52: inconsistent"
        );
        assert_eq!(f[0].related.len(), 3);
        assert!(f[0].related.iter().all(|r| r.label == "part"));
    }

    #[test]
    fn a_stated_total_binds_the_list_before_it() {
        assert!(run("The storm destroyed 14 homes and damaged 23 others, 37 in all.").is_empty());
        let f = run("Troops killed three fighters, captured four, eight in all.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        // A run of the list that adds up is enough.
        assert!(run("The 3 shelters took in 14 dogs and 23 cats, 37 in all.").is_empty());
    }

    #[test]
    fn a_total_may_lead_its_breakdown() {
        assert!(run("A total of 37 homes were damaged: 14 in Arden and 23 in Bexley.").is_empty());
        let f = run("In all, 37 homes were damaged: 14 in Arden and 24 in Bexley.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "14 + 24 is 38; the text says 37: inconsistent"
        );
        assert!(run("A total of 37 homes were damaged, 14 of them in Arden.").is_empty());
    }

    #[test]
    fn no_total_no_finding() {
        assert!(run("Troops killed three fighters, capturing four, near the border.").is_empty());
        assert!(
            run("Of the 52 complaints, 30 concerned noise, including 12 about parties.").is_empty()
        );
        assert!(run("Of the 40 staff, 25 are women and at least 20 have degrees.").is_empty());
    }

    #[test]
    fn without_a_marker_only_an_excess_is_reported_as_a_warning() {
        assert!(run("Of the 30 vans, 17 run on diesel and 11 are electric.").is_empty());
        let f = run("Of the 25 vans, 17 run on diesel and 11 are electric.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn overlapping_groups_and_forecast_subsets_are_no_breakdown() {
        // Being admitted to hospital happens to the vaccinated and the unvaccinated alike.
        assert!(
            run("Of the 31 patients, 22 were unvaccinated and 12 were taken to hospital.")
                .is_empty()
        );
        // "of which … could": a forecast subset, and hurricanes include major ones.
        assert!(run(
            "The agency expects 15 storms, of which seven could become hurricanes and three major hurricanes."
        )
        .is_empty());
        // An "of which" list that exceeds its total is still an error of the list.
        let f =
            run("The shelter took in 40 dogs, of which 31 were strays and 14 were surrendered.");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn a_breakdown_set_off_after_its_total() {
        let f = run(
            "Deputies made 41 arrests at the fair: 17 on Thursday, 12 on Friday and 9 on Saturday.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(run(
            "Deputies made 38 arrests at the fair: 17 on Thursday, 12 on Friday and 9 on Saturday."
        )
        .is_empty());
        assert_eq!(
            run("The unit screened 930 people — 610 adults and 290 children.").len(),
            1
        );
        // A group count that matches the parts makes the list complete: an error.
        let f = run("The firm's 60 stores are in three regions: 25 in the north, 20 in the west and 10 in the east.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        // Open lists, comparisons and multiples are no breakdowns.
        assert!(run(
            "The firm has 1,200 staff: 700 in Leeds and 300 in York, with the rest abroad."
        )
        .is_empty());
        assert!(run("The museum drew 40,000 visitors: 12,000 more than in July.").is_empty());
        assert!(
            run("Clinics saw four times as many cases: 1,600, against 400 a year earlier.")
                .is_empty()
        );
    }

    #[test]
    fn parts_in_the_next_sentence_need_a_rest_marker() {
        let f = run("Thirty people were hurt. Twelve went to the General, ten to Mercy, and the remaining five went home.");
        assert_eq!(f.len(), 1);
        assert!(run(
            "About 300 people came. Some 120 came from the town and 90 from the villages."
        )
        .is_empty());
    }

    #[test]
    fn consistent_sums_show_only_when_asked() {
        let f = run_rule(&SumParts, "It hit 14 homes and 23 barns, 37 in all.", true);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].verdict, Verdict::Consistent);
        assert_eq!(f[0].severity, Severity::Note);
    }
}
