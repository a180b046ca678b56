//! NUM-LIST-COUNT (`rules.md` #18).

use crate::analysis::parts;
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::model::{Claim, Hedge, Span};
use crate::rules::RuleCheck;
use rust_decimal::Decimal;
use std::sync::OnceLock;

declare_rule! {
    /// ## What it checks
    /// An announced count against the items listed after it in the same sentence: "five
    /// causes: A, B, C and D"; "the three finalists — A, B and C"; "named the four victims
    /// as A, 44, B, 23, C, 37, and D, 58"; "Four candidates are standing: A (Labour), …";
    /// "A, B and C, the three clubs relegated …".
    ///
    /// ## Why it matters
    /// An item dropped in editing leaves the count behind, and readers count lists.
    ///
    /// ## Example
    /// "The review named five causes: ageing cables, a software fault, storm damage and
    /// understaffing." → warning: four items listed.
    ///
    /// ## Known limits
    /// Items are split at commas and at the final "and"/"or"; a bracketed note stays in its
    /// item and a number set off after a name (an age) is no item; fixed phrases from
    /// `grammar/lexicon/fixed_phrases.txt` ("research and development") stay whole. When an
    /// item may itself contain "and", every reading is tried and only a count no reading gives
    /// is reported. Lists without a final "and"/"or", lists with "including", "such as", "among
    /// others" or "etc.", items that count things themselves ("four plants: two in Ohio and two
    /// in Texas"), clause-long items and counts above twelve are skipped. A verb between the
    /// count and the colon ("are standing in the ward:") is read only before a list of names
    /// (every item capitalised), and so is a list right after "were", "are" or "have been named
    /// as" ("The three victims were A, B, C and D"). Names may also open the sentence and the
    /// count follow as "the N <noun>" after a comma, a dash or "are"/"were" ("Ashford, Bramley
    /// and Coleton, the three clubs relegated …").
    pub struct ListCount = ("NUM-LIST-COUNT", "announced count vs listed items");
}

/// Fixed phrases with "and"/"or" inside that name one item.
fn fixed_phrases() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../grammar/lexicon/fixed_phrases.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Words that may open the phrase between the counted noun and the list.
const LEAD_WORDS: &[&str] = &[
    "for", "of", "in", "at", "on", "from", "this", "last", "next", "with", "to", "behind",
    "across", "into", "over", "under", "since", "during", "by", "so", "named", "listed",
];

/// Items longer than this are clauses, not list items.
const MAX_ITEM_WORDS: usize = 8;

/// Endings that say a list is not complete ("…, and more", "… among others", "etc.").
const OPEN_ENDINGS: &[&[&str]] = &[
    &["and", "more"],
    &["and", "others"],
    &["or", "more"],
    &["etc"],
];

impl RuleCheck for ListCount {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for sentence in parts::sentences(ctx) {
            for &i in &sentence.claims {
                if let Some(f) = check(ctx, sentence, i) {
                    out.push(f);
                }
            }
        }
    }
}

/// The announced count: a small whole number that counts a plural noun.
fn announced(claim: &Claim) -> Option<u32> {
    if !parts::is_countish(claim) || claim.counted.is_none() {
        return None;
    }
    if !matches!(
        claim.hedge,
        Hedge::None | Hedge::Exactly | Hedge::Approximately
    ) {
        return None;
    }
    let v = claim.point_value()?;
    if v.fract() != Decimal::ZERO || v < Decimal::TWO || v > Decimal::from(12) {
        return None;
    }
    u32::try_from(v.mantissa()).ok()
}

/// Where the list starts: a colon or a dash within a few words after the counted noun.
fn list_start(ctx: &Context, sentence: Span, claim: &Claim) -> Option<(usize, Lead)> {
    let from = claim.counted?.end.max(claim.span.end);
    let rest = ctx.doc.text.get(from..sentence.end)?;
    // "Police named the four victims as A, B, C and D": a naming verb and "as".
    if rest.starts_with(" as ") && named_before(ctx, sentence, claim) {
        return Some((from + 4, Lead::Phrase));
    }
    // "The three victims were A, B and C", "… have been named as A, B and C": names only.
    let verb = NAMES_FOLLOW
        .iter()
        .filter(|v| {
            rest.get(..v.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(v))
        })
        .map(|v| v.len())
        .max();
    if let Some(len) = verb {
        // Only a name right after the verb: "are standing in the ward: …" reads on below.
        if rest[len..].starts_with(char::is_uppercase) {
            return Some((from + len, Lead::Clause));
        }
    }
    let (pos, len) = [":", " — ", " – "]
        .iter()
        .filter_map(|m| rest.find(m).map(|p| (p, m.len())))
        .min()?;
    let lead = &rest[..pos];
    let lead_words = parts::words(lead);
    // "five causes for the outage:", "three players this week:" — but not "three officials
    // told reporters:", where a clause, not a list, follows. "Four candidates are standing
    // in the ward:" opens a list of names only.
    let lead_kind = match lead_words.first() {
        None => Lead::Phrase,
        Some(w) if LEAD_WORDS.contains(&w.as_ref()) => Lead::Phrase,
        Some(w) if AUXILIARIES.contains(&w.as_ref()) => Lead::Clause,
        Some(_) => return None,
    };
    if lead_words.len() > 5 || lead.contains([',', ';', '(', ')']) {
        return None;
    }
    Some((from + pos + len, lead_kind))
}

/// "Ashford, Bramley and Coleton, the four clubs relegated …", "A, B and C are the three
/// finalists": names that open the sentence, then "the N <noun>" after a comma, a dash or
/// "are"/"were". The list's start and end.
fn list_before(ctx: &Context, sentence: Span, claim: &Claim) -> Option<(usize, usize)> {
    claim.counted?;
    let before = parts::before_in_sentence(ctx, sentence, claim);
    let body = before.trim_end();
    let body = body
        .strip_suffix("the")
        .or_else(|| body.strip_suffix("The"))?;
    if !body.ends_with(|c: char| c.is_whitespace() || c == '—' || c == '–') {
        return None;
    }
    let body = body.trim_end();
    let list = if let Some(b) = body.strip_suffix(',') {
        b
    } else if let Some(b) = body.strip_suffix('—').or_else(|| body.strip_suffix('–')) {
        b
    } else {
        let w = parts::words_as_written(body).next_back()?;
        if !["are", "were"].iter().any(|v| w.eq_ignore_ascii_case(v)) {
            return None;
        }
        body.get(..body.len() - w.len())?
    };
    let list = list.trim_end();
    let lead = before.len() - before.trim_start().len();
    let start = sentence.start + lead;
    let end = sentence.start + list.len();
    let text = ctx.doc.text.get(start..end)?;
    let words = parts::words(text);
    let coordinated = words.iter().any(|w| w == "and" || w == "or");
    (coordinated && !text.contains([':', ';', '(', ')', '"', '“']) && end > start)
        .then_some((start, end))
}

/// Verbs after a count that a list of names may follow directly.
#[rustfmt::skip]
const NAMES_FOLLOW: &[&str] = &[
    " were ", " are ", " were named as ", " have been named as ", " were identified as ",
    " have been identified as ", " are named as ",
];

/// What stands between the counted noun and its list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// Nothing, or a phrase ("for the outage", "this week").
    Phrase,
    /// A verb ("are standing in the ward"): only a list of names is read after it.
    Clause,
}

/// Verbs that may open a clause between a count and its list of names.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "are", "were", "is", "was", "will", "have", "has", "had", "remain", "remained",
];

/// Verbs that name things: "named the four victims as …".
const NAMING: &[&str] = &[
    "named",
    "identified",
    "listed",
    "names",
    "identifies",
    "lists",
];

/// The claim is the object of a naming verb, perhaps after "the" or a possessive.
fn named_before(ctx: &Context, sentence: Span, claim: &Claim) -> bool {
    let before = parts::before_in_sentence(ctx, sentence, claim);
    let mut w = parts::words_as_written(before).rev();
    let Some(mut word) = w.next() else {
        return false;
    };
    if ["the", "its", "their", "all"]
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
    {
        let Some(next) = w.next() else {
            return false;
        };
        word = next;
    }
    NAMING.iter().any(|n| word.eq_ignore_ascii_case(n))
}

/// "Ana Silva, 34, Mark Doyle, 51": an age after a name is no item.
fn appositive_number(text: &str, claim: &Claim) -> bool {
    let before = text.get(..claim.span.start).unwrap_or("");
    let after = text.get(claim.span.end..).unwrap_or("");
    before.trim_end().ends_with(',')
        && (after.starts_with(',') || after.starts_with('.') || after.is_empty())
}

/// One list item: its span in the text.
type Item = Span;

/// The readings of a list as item spans: the list ends at the first "and"/"or" (split
/// there); after an Oxford comma, that last piece may also be one item; and when pieces
/// follow, the list may run to its end (each piece split at "and" or not).
fn readings(text: &str, start: usize, end: usize) -> Option<Vec<Vec<Item>>> {
    let raw = text.get(start..end)?;
    let mut lower = raw.to_ascii_lowercase();
    for phrase in fixed_phrases() {
        let mut from = 0;
        while let Some(p) = lower[from..].find(phrase) {
            let at = from + p;
            let glued: String = phrase.replace(' ', "_");
            lower.replace_range(at..at + phrase.len(), &glued);
            from = at + phrase.len();
        }
    }
    let lower = mask_brackets(&lower);
    let mut pieces: Vec<Span> = Vec::new();
    let mut piece_start = 0;
    for (i, b) in lower.bytes().enumerate() {
        if b == b',' {
            pieces.push(Span::new(piece_start, i));
            piece_start = i + 1;
        }
    }
    pieces.push(Span::new(piece_start, lower.len()));
    // An age or figure set off after a name ("Ana Silva, 34,") belongs to that item.
    let trimmed: Vec<Span> = pieces
        .into_iter()
        .map(|s| trim(&lower, s))
        .filter(|s| !s.is_empty() && !lower[s.start..s.end].bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let coordinated = |s: &Span| {
        let t = &lower[s.start..s.end];
        t.starts_with("and ") || t.starts_with("or ") || inner(t).is_some()
    };
    let a = trimmed.iter().position(coordinated)?;
    let shift = |s: Span| Span::new(start + s.start, start + s.end);
    let split = |s: Span| -> Vec<Span> {
        let t = &lower[s.start..s.end];
        let body = t
            .strip_prefix("and ")
            .or_else(|| t.strip_prefix("or "))
            .map_or(s, |b| Span::new(s.end - b.len(), s.end));
        match inner(&lower[body.start..body.end]) {
            Some((p, len)) => vec![
                Span::new(body.start, body.start + p),
                Span::new(body.start + p + len, body.end),
            ],
            None => vec![body],
        }
    };
    let strip = |s: Span| -> Span {
        let t = &lower[s.start..s.end];
        t.strip_prefix("and ")
            .or_else(|| t.strip_prefix("or "))
            .map_or(s, |b| Span::new(s.end - b.len(), s.end))
    };
    let head: Vec<Span> = trimmed[..a].to_vec();
    let mut out = Vec::new();
    let mut ends_split = head.clone();
    ends_split.extend(split(trimmed[a]));
    out.push(ends_split.into_iter().map(shift).collect());
    // "…, and fish and chips": after an Oxford-comma "and", an inner "and" may belong to
    // the item. Without the comma it is read as the list's own "and".
    let oxford = strip(trimmed[a]) != trimmed[a];
    if oxford {
        let mut ends_whole = head;
        ends_whole.push(strip(trimmed[a]));
        out.push(ends_whole.into_iter().map(shift).collect());
    }
    if trimmed.len() > a + 1 {
        let mut all: Vec<Span> = Vec::new();
        for s in &trimmed {
            all.extend(split(*s));
        }
        out.push(all.into_iter().map(shift).collect());
        out.push(trimmed.iter().map(|s| shift(strip(*s))).collect());
    }
    Some(out)
}

/// The text with the commas and spaces inside brackets hidden, so "(Plaid Cymru)" stays
/// in its item (ASCII bytes only are replaced: the length and UTF-8 stay as they were).
fn mask_brackets(text: &str) -> String {
    let mut depth = 0u32;
    text.chars()
        .map(|c| match c {
            '(' => {
                depth += 1;
                c
            }
            ')' => {
                depth = depth.saturating_sub(1);
                c
            }
            ',' | ' ' if depth > 0 => '_',
            _ => c,
        })
        .collect()
}

/// Where a list ends: at a semicolon, a dash or a colon, or at a bracket left open.
fn list_end(rest: &str) -> usize {
    let mut depth = 0u32;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => {
                if !rest[i..].contains(')') {
                    return i;
                }
                depth += 1;
            }
            ')' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
            }
            ';' | '—' | '–' | ':' if depth == 0 => return i,
            _ => {}
        }
    }
    rest.len()
}

/// An " and " or " or " inside an item: its offset and length.
fn inner(t: &str) -> Option<(usize, usize)> {
    [" and ", " or "]
        .iter()
        .filter_map(|m| t.find(m).map(|p| (p, m.len())))
        .min()
}

fn trim(text: &str, s: Span) -> Span {
    let t = &text[s.start..s.end];
    let lead = t.len() - t.trim_start().len();
    let body = t.trim();
    let body = body.trim_end_matches(['.', '!', '?', '"', '”']);
    Span::new(s.start + lead, s.start + lead + body.len())
}

fn check(ctx: &Context, sentence: &parts::Sentence, i: usize) -> Option<Finding> {
    let claim = &ctx.claims[i];
    let (claims_in_sentence, sentence) = (&sentence.claims, sentence.span);
    let n = announced(claim)?;
    let (start, end, lead) = match list_start(ctx, sentence, claim) {
        Some((start, lead)) => {
            let rest = ctx.doc.text.get(start..sentence.end)?;
            (start, start + list_end(rest), lead)
        }
        None => {
            let (start, end) = list_before(ctx, sentence, claim)?;
            (start, end, Lead::Clause)
        }
    };
    let list_words = parts::words(ctx.doc.text.get(start..end)?);
    if parts::has_non_exhaustive(&list_words)
        || list_words.iter().any(|w| w == "etc")
        || OPEN_ENDINGS
            .iter()
            .any(|e| parts::ends_with_words(ctx.doc.text.get(start..end).unwrap_or(""), e))
    {
        return None;
    }
    // "four plants: two in Ohio and two in Texas": items that count things of their own
    // split the announced count, they do not list it.
    let counts_inside = claims_in_sentence.iter().any(|&k| {
        let c = &ctx.claims[k];
        c.span.start >= start
            && c.span.end <= end
            && parts::is_countish(c)
            && !appositive_number(&ctx.doc.text, c)
    });
    if counts_inside {
        return None;
    }
    let options = readings(&ctx.doc.text, start, end)?;
    let clause_like = options
        .iter()
        .flatten()
        .any(|s| parts::words(ctx.text(*s)).len() > MAX_ITEM_WORDS);
    let names_only = options.iter().flatten().all(|s| {
        ctx.text(*s)
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase)
    });
    if clause_like || (lead == Lead::Clause && !names_only) {
        return None;
    }
    let slack = u32::from(claim.hedge == Hedge::Approximately);
    let fits = |items: &Vec<Item>| {
        let k = items.len() as u32;
        k + slack >= n && k <= n + slack
    };
    let fitting = options.iter().find(|o| fits(o));
    let verdict = if fitting.is_some() {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent
    };
    let severity = match verdict {
        Verdict::Inconsistent => Severity::Warning,
        _ if ctx.settings.show_consistent => Severity::Note,
        _ => return None,
    };
    let shown = fitting.unwrap_or(&options[0]);
    let mut counts: Vec<usize> = options.iter().map(Vec::len).collect();
    counts.sort_unstable();
    counts.dedup();
    let listed = counts
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" or ");
    let item_texts: Vec<&str> = shown.iter().map(|s| ctx.text(*s)).collect();
    Some(Finding {
        rule: ListCount::ID,
        severity,
        verdict,
        message: format!(
            "the list names {listed} items ({}); the text says {}: {}",
            item_texts.join("; "),
            ctx.text(claim.span),
            crate::semantics::format::verdict_words(verdict)
        ),
        primary: claim.span,
        related: shown
            .iter()
            .map(|s| Related {
                span: *s,
                label: Role::Item,
            })
            .collect(),
        computed: Some(crate::finding::Computed {
            value: Decimal::from(shown.len() as u64),
            low: counts.first().map(|&c| Decimal::from(c as u64)),
            high: counts.last().map(|&c| Decimal::from(c as u64)),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run_rule;

    fn run(text: &str) -> Vec<Finding> {
        run_rule(&ListCount, text, false)
    }

    #[test]
    fn flags_a_count_the_list_does_not_match() {
        let f =
            run("The review named five causes: worn cables, a bad relay, storm damage and haste.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].related.len(), 4);
        assert!(f[0].message.starts_with("the list names 4 items"));
    }

    #[test]
    fn names_with_ages_notes_and_naming_verbs() {
        assert_eq!(run("Police named the three victims as Ann Reed, 44, Joe Lam, 23, Ravi Patel, 37, and Sue Kerr, 58.").len(), 1);
        assert!(run("Police named the four victims as Ann Reed, 44, Joe Lam, 23, Ravi Patel, 37, and Sue Kerr, 58.").is_empty());
        assert_eq!(run("Five candidates are standing: Amy Hart (Labour), Ben Cole (Tory), Cara Wynn (Green) and Dan Fry (Reform).").len(), 1);
        assert!(run("Three officials were asked: who approved it, when, and why?").is_empty());
    }

    #[test]
    fn fixed_phrases_clauses_and_open_lists_are_respected() {
        assert!(
            run("The grant pays for two programmes: research and development, and training.")
                .is_empty()
        );
        assert!(run("The club signed three players: a keeper, a winger and a striker.").is_empty());
        assert!(
            run("Three officials told reporters: the plan is dead, and the money is gone.")
                .is_empty()
        );
        assert!(run("The city has three problems, including noise and traffic.").is_empty());
        assert!(
            run("It set four goals: cheaper fares, cleaner buses, longer hours and more.")
                .is_empty()
        );
    }
}
