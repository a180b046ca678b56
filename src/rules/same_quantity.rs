//! NUM-SAME-QUANTITY (`rules.md` #2).

use crate::analysis::pairing::{change_note, describe_with_interval, Mention, MAX_EARLIER};
use crate::analysis::Context;
use crate::declare_rule;
use crate::extract::key::{compatible, sources_differ, KeyMatch};
use crate::finding::{Finding, Related, Role, Severity, Verdict};
use crate::grammar::lex;
use crate::model::Claim;
use crate::rules::RuleCheck;
use crate::semantics::severity::is_hedged;
use crate::semantics::{format, judge, Computation};
use crate::text::{lower, lower_in};
use std::cell::OnceCell;
use std::collections::BTreeSet;

mod ages;
mod chains;

declare_rule! {
    /// ## What it checks
    /// One quantity stated twice, in different sentences, with values that cannot both be
    /// true: "The rail yard has about 1,200 employees." … "the yard's 3,400 employees".
    /// Two mentions are one quantity only when their quantity keys match: the same thing
    /// counted (through synonyms: troop = soldier), no conflicting owner, place or time, the
    /// same restrictive qualifiers, and neither a change result nor a forecast set against an
    /// actual figure.
    ///
    /// A definite noun phrase that refers back joins the earlier mention's key (a reference
    /// chain): "ordered 16 electric buses … The 18 new buses" (a referring adjective),
    /// "carrying 148 passengers … All 184 passengers were evacuated" ("all" or "the" after
    /// a whole), and, for money, durations and measures, "the $7 million agreement", "the
    /// 18-year term", "the fee of €13 million", "the 34.8C reading" after the one
    /// figure of that unit in the two sentences before; and an age in apposition to a
    /// definite noun ("the man, 32,") after the one earlier age given with that noun ("A
    /// 23-year-old man"), unless a new person of that noun ("a man") comes between. A
    /// chain of money, durations or measures does not cross clauses naming other years or
    /// sentences naming other weekdays.
    ///
    /// Not paired: a part named as such ("Two of the nurses", "one of the drivers"), a
    /// single individual ("one suspect"), a goal or limit ("a target of fewer than 200
    /// deaths") against an actual figure, and figures whose clauses name different years
    /// ("12.1 million people in 2015") or different periods ("19 goals last season" …
    /// "78 goals this season"); a bare figure whose clause names another holder ("The county
    /// has 32 ambulances" … "the town's 12 ambulances"; "The district has 148,000 residents"
    /// … "Its largest village, Brook, has 6,200 residents"); sentences or paragraphs opening
    /// on different frames ("At the largest school, …" / "At the smallest, …"), which the
    /// age chain does not cross either; and clause-opening counts with different verbs
    /// ("Eight crews attended" … "12 crews fought a fire").
    ///
    /// ## Why it matters
    /// Long stories repeat their figures; an edit that updates one mention and not the other
    /// leaves the reader with two answers.
    ///
    /// ## Example
    /// "The 47 delegates met on Tuesday. The 52 delegates then voted." → error (same noun
    /// phrase, unhedged, same paragraph). "Crews evacuated about 300 residents." … "the
    /// village's 2,100 residents" → no finding: "evacuated" restricts the first count.
    ///
    /// ## Known limits
    /// Mentions in one sentence are never paired (they are usually parts or contrasts), nor
    /// are heading figures (NUM-HEADLINE-BODY checks those), nor a mention that shares its
    /// sentence with another of the same thing (a part or a contrast there). Mentions whose
    /// clauses open on different time words ("In 2019, …", "Today …") are different
    /// quantities; an indefinite count followed by an event verb ("ten walkers were rescued")
    /// pairs only with another such count. Pronoun owners ("its") are not resolved: they
    /// count as missing within a paragraph and keep mentions apart across paragraphs. Each
    /// mention is compared with at most 16 earlier mentions of the same head noun.
    pub struct SameQuantity = ("NUM-SAME-QUANTITY", "one quantity, two incompatible values");
}

impl RuleCheck for SameQuantity {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for mentions in ctx.mentions().values() {
            let crowded = crowded_sentences(ctx, mentions);
            let sentence = |m: &Mention| ctx.segments.sentence_of(m.claim.span.start).map(|s| s.0);
            let body: Vec<&Mention> = mentions
                .iter()
                .filter(|m| {
                    !m.claim.in_heading && sentence(m).is_some_and(|s| !crowded.contains(&s))
                })
                .collect();
            // A mention meets up to MAX_EARLIER others: what surrounds it is read once.
            let around: Vec<Around> = body
                .iter()
                .map(|m| Around::new(m.claim, sentence(m)))
                .collect();
            for (i, later) in body.iter().enumerate() {
                for (j, earlier) in body[..i].iter().enumerate().rev().take(MAX_EARLIER) {
                    if let Some(f) = check_pair(ctx, (earlier, &around[j]), (later, &around[i])) {
                        out.push(f);
                    }
                }
            }
        }
        chains::check(ctx, out);
        ages::check(ctx, out);
    }
}

/// What the pair checks read around one mention, each computed on first use.
struct Around<'c> {
    claim: &'c Claim,
    /// The index of its sentence (every body mention has one).
    sentence: Option<usize>,
    event_count: OnceCell<bool>,
    time_markers: OnceCell<BTreeSet<String>>,
    definite: OnceCell<bool>,
    governor: OnceCell<String>,
    subset_or_individual: OnceCell<bool>,
    goal: OnceCell<bool>,
    years: OnceCell<BTreeSet<String>>,
    holders: OnceCell<BTreeSet<String>>,
    frame: OnceCell<Option<String>>,
    periods: OnceCell<BTreeSet<String>>,
}

impl<'c> Around<'c> {
    fn new(claim: &'c Claim, sentence: Option<usize>) -> Self {
        Around {
            claim,
            sentence,
            event_count: OnceCell::new(),
            time_markers: OnceCell::new(),
            definite: OnceCell::new(),
            governor: OnceCell::new(),
            subset_or_individual: OnceCell::new(),
            goal: OnceCell::new(),
            years: OnceCell::new(),
            holders: OnceCell::new(),
            frame: OnceCell::new(),
            periods: OnceCell::new(),
        }
    }
    fn event_count(&self, ctx: &Context) -> bool {
        *self
            .event_count
            .get_or_init(|| event_count(ctx, self.claim))
    }
    fn time_markers(&self, ctx: &Context) -> &BTreeSet<String> {
        self.time_markers
            .get_or_init(|| time_markers(ctx, self.claim))
    }
    fn definite(&self, ctx: &Context) -> bool {
        *self.definite.get_or_init(|| is_definite(ctx, self.claim))
    }
    fn governor(&self, ctx: &Context) -> &str {
        self.governor.get_or_init(|| governor(ctx, self.claim))
    }
    fn subset_or_individual(&self, ctx: &Context, m: &Mention) -> bool {
        *self
            .subset_or_individual
            .get_or_init(|| subset_or_individual(ctx, m))
    }
    fn goal(&self, ctx: &Context) -> bool {
        *self.goal.get_or_init(|| goal(ctx, self.claim))
    }
    fn years(&self, ctx: &Context) -> &BTreeSet<String> {
        self.years.get_or_init(|| years_in_clause(ctx, self.claim))
    }
    fn holders(&self, ctx: &Context) -> &BTreeSet<String> {
        self.holders.get_or_init(|| holder_words(ctx, self.claim))
    }
    /// Mentions set in different frames are different groups: "At the largest school, 18
    /// teachers …" and "At the smallest, 3 teachers …"; a framed figure against an
    /// unframed one is a part of the whole.
    fn frame(&self, ctx: &Context) -> &Option<String> {
        self.frame.get_or_init(|| opening_frame(ctx, self.claim))
    }
    fn periods(&self, ctx: &Context) -> &BTreeSet<String> {
        self.periods.get_or_init(|| periods(ctx, self.claim))
    }
}

fn check_pair(
    ctx: &Context,
    (earlier, earlier_around): (&Mention, &Around),
    (later, later_around): (&Mention, &Around),
) -> Option<Finding> {
    if earlier_around.sentence.is_none() || earlier_around.sentence == later_around.sentence {
        return None;
    }
    if !keys_join(ctx, earlier, later, later_around)
        || earlier_around.subset_or_individual(ctx, earlier)
        || later_around.subset_or_individual(ctx, later)
        || earlier_around.goal(ctx) != later_around.goal(ctx)
        || earlier_around.years(ctx) != later_around.years(ctx)
        || earlier_around.event_count(ctx) != later_around.event_count(ctx)
        || earlier_around.time_markers(ctx) != later_around.time_markers(ctx)
        || pronoun_across_paragraphs(ctx, earlier.claim, later.claim)
        || governed_apart(ctx, earlier_around, later_around)
        || owned_apart(ctx, earlier, later)
        || holders_apart(ctx, earlier_around, later_around)
        || earlier_around.frame(ctx) != later_around.frame(ctx)
        || periods_apart(ctx, earlier_around, later_around)
    {
        return None;
    }
    let as_computed = Computation {
        point: earlier.reading.value,
        strict: earlier.reading.strict,
        permissive: earlier.reading.permissive,
        untestable: earlier.reading.untestable,
    };
    let judgement = judge(&later.reading, &as_computed);
    let verdict = judgement.verdict?;
    let hedged = is_hedged(earlier.claim) || is_hedged(later.claim);
    let severity = match verdict {
        Verdict::Inconsistent if sources_differ(&earlier.key, &later.key) => Severity::Note,
        Verdict::Inconsistent if plain_repeat(ctx, earlier, later) => Severity::Error,
        Verdict::Inconsistent => Severity::Warning,
        // A hedge already says the writer was approximate: rounding adds nothing.
        Verdict::ConsistentByRounding if !hedged => Severity::Note,
        Verdict::Consistent if ctx.settings.show_consistent => Severity::Note,
        _ => return None,
    };
    let mut message = format!(
        "{} earlier; {} here: {}",
        describe_with_interval(ctx, earlier.claim, &earlier.reading),
        describe_with_interval(ctx, later.claim, &later.reading),
        format::verdict_words(verdict),
    );
    for m in [earlier, later] {
        if let Some(change) = change_note(ctx, m.claim) {
            let at = if m.index == earlier.index {
                "the earlier mention"
            } else {
                "this mention"
            };
            message.push_str(&format!("; {at} is the object of {change}"));
        }
    }
    let point = earlier
        .reading
        .value
        .or_else(|| judgement.computed.midpoint())?;
    Some(Finding {
        rule: SameQuantity::ID,
        severity,
        verdict,
        message,
        primary: later.claim.span,
        related: vec![Related {
            span: earlier.claim.span,
            label: Role::Earlier,
        }],
        computed: Some(format::computed(point, &judgement.computed)),
    })
}

/// Adjectives with which a definite noun phrase refers back to a mention ("ordered 16
/// electric buses … The 18 new buses"): they add no restriction of their own.
const REFERRING_ADJECTIVES: &[&str] = &["new", "latest", "same", "recent", "additional", "extra"];

/// Verbs whose object is a whole ("carrying 148 passengers", "employs 300 staff"): "all"
/// or "the" can restate it, whatever happens to them next.
const WHOLE_VERBS: &[&str] = &[
    "carrying",
    "carried",
    "carries",
    "holding",
    "held",
    "holds",
    "housing",
    "houses",
    "employing",
    "employs",
    "employed",
    "seating",
    "seats",
    "containing",
    "contains",
    "has",
    "had",
    "with",
];

/// The two keys match, or the later mention is a definite noun phrase that refers back (a
/// reference chain) and joins the earlier mention's key: with a referring adjective ("the
/// 18 new buses" after "16 electric buses"), or as "all"/"the" plus the bare noun after a
/// whole ("carrying 148 passengers … All 184 passengers were evacuated"). A phrase with an
/// owner ("the village's 1,900 residents") or a restricting modifier of its own states
/// another figure, and a subset ("evacuated 250 residents") is no antecedent for "all".
fn keys_join(ctx: &Context, earlier: &Mention, later: &Mention, later_around: &Around) -> bool {
    match compatible(&earlier.key, &later.key) {
        KeyMatch::Same => true,
        KeyMatch::Different(_) if later_around.definite(ctx) && later.key.owner.is_none() => {
            let modifiers = counted_modifiers(ctx, later.claim);
            if !modifiers
                .iter()
                .all(|m| REFERRING_ADJECTIVES.contains(&m.as_str()))
            {
                return false;
            }
            let whole = earlier
                .key
                .qualifiers
                .iter()
                .all(|q| WHOLE_VERBS.contains(&q.as_ref()));
            if modifiers.is_empty() && !whole {
                return false;
            }
            let (mut a, mut b) = (earlier.key.clone(), later.key.clone());
            a.qualifiers.clear();
            b.qualifiers.clear();
            compatible(&a, &b) == KeyMatch::Same
        }
        _ => false,
    }
}

/// The words of a counted phrase before its last (head) word, lower case.
fn counted_modifiers(ctx: &Context, claim: &Claim) -> Vec<String> {
    let phrase = claim
        .counted
        .and_then(|s| ctx.doc.text.get(s.start..s.end))
        .unwrap_or("");
    let mut words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    words.pop();
    words
}

/// A part named as such ("Two of the nurses", "one of the drivers") or a single individual
/// ("one suspect"): neither restates a group's figure.
fn subset_or_individual(ctx: &Context, m: &Mention) -> bool {
    let after = ctx.doc.text.get(m.claim.span.end..).unwrap_or("");
    // Markup around the figure ("*2* of") is no word.
    let partitive = after
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with("of ");
    partitive
        || m.reading.value == Some(rust_decimal::Decimal::ONE)
        || margin_or_restricted(ctx, m.claim)
}

/// Words after a counted noun that make the figure a margin: "three games ahead of
/// Houston", "two points clear", "40 votes short".
const MARGIN_WORDS: &[&str] = &[
    "ahead", "behind", "clear", "adrift", "short", "back", "more", "fewer", "less", "better",
    "worse",
];

/// A margin between two figures, or a count narrowed by a restrictive clause ("the 1,800
/// members who work at the airport", "the 40 homes that flooded"): neither restates the
/// group's own figure. A comma before "who" makes the clause an aside, and the figure the
/// group's.
fn margin_or_restricted(ctx: &Context, claim: &Claim) -> bool {
    let word = word_after_counted(ctx, claim);
    if MARGIN_WORDS.contains(&word.as_str()) {
        return true;
    }
    let after = claim.phrase_end();
    let comma = ctx
        .doc
        .text
        .get(after..)
        .is_some_and(|t| t.trim_start_matches(' ').starts_with(','));
    claim.counted.is_some() && !comma && matches!(word.as_str(), "who" | "that" | "whose")
}

/// Nouns that make a figure a goal or a limit ("a target of fewer than 200 deaths"), never
/// the actual figure.
const GOAL_NOUNS: &[&str] = &[
    "target",
    "targets",
    "goal",
    "goals",
    "aim",
    "cap",
    "limit",
    "ceiling",
    "quota",
    "pledge",
    "pledged",
    "promise",
    "promised",
    "ambition",
    "threshold",
    "maximum",
    "minimum",
];

/// Words after a counted noun that make the figure a threshold ("the 21 seats needed for a
/// majority").
const THRESHOLD_WORDS: &[&str] = &["needed", "required", "necessary"];

/// Whether a goal noun stands among the four words before a figure in its clause, or a
/// threshold word follows its counted noun.
fn goal(ctx: &Context, claim: &Claim) -> bool {
    let after = claim.phrase_end();
    let next = ctx
        .doc
        .text
        .get(after..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    if next.is_some_and(|w| THRESHOLD_WORDS.contains(&w.as_str())) {
        return true;
    }
    let start = ctx
        .segments
        .clause_of(claim.span.start)
        .map_or(claim.span.start, |c| c.1.start.min(claim.span.start));
    ctx.doc
        .text
        .get(start..claim.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            GOAL_NOUNS.contains(&w.as_str())
        })
}

/// The years written in a figure's clause ("12.1 million people in 2015"): a figure of
/// another year is another quantity, even where the other mention names no year.
fn years_in_clause(ctx: &Context, claim: &Claim) -> BTreeSet<String> {
    let Some((_, clause)) = ctx.segments.clause_of(claim.span.start) else {
        return BTreeSet::new();
    };
    let years = ctx.year_spans();
    let from = years.partition_point(|s| s.start < clause.start);
    years[from..]
        .iter()
        .take_while(|s| s.start <= clause.end)
        .filter(|s| clause.contains(**s))
        .map(|s| ctx.text(*s).to_string())
        .collect()
}

/// An error needs the same noun phrase twice, unhedged, non-round, in one paragraph (§2).
fn plain_repeat(ctx: &Context, earlier: &Mention, later: &Mention) -> bool {
    let phrase = |m: &Mention| {
        m.claim
            .counted
            .and_then(|s| ctx.doc.text.get(s.start..s.end))
            .map(str::to_lowercase)
    };
    let paragraph = |m: &Mention| ctx.segments.paragraph_of(m.claim.span.start).map(|p| p.0);
    let plain =
        |m: &Mention| !is_hedged(m.claim) && m.claim.numeral().is_some_and(|n| !n.is_round());
    phrase(earlier).is_some()
        && phrase(earlier) == phrase(later)
        && plain(earlier)
        && plain(later)
        && paragraph(earlier).is_some()
        && paragraph(earlier) == paragraph(later)
}

/// Sentences holding more than one mention of the same head: there a mention is a part, a
/// whole or one side of a contrast ("Of its 900 pupils, 120 take Latin"), not a
/// restatement, and is not paired across sentences.
fn crowded_sentences(ctx: &Context, mentions: &[Mention]) -> BTreeSet<usize> {
    let mut seen = BTreeSet::new();
    let mut crowded = BTreeSet::new();
    for m in mentions {
        if let Some((s, _)) = ctx.segments.sentence_of(m.claim.span.start) {
            if !seen.insert(s) {
                crowded.insert(s);
            }
        }
    }
    crowded
}

/// Words that set a figure in time when they open its clause ("In 2020, the town had …",
/// "Today it has …", "By the end, the club had …"). A `match`, not a list: every word
/// before a mention is looked up.
fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "today"
            | "now"
            | "currently"
            | "yesterday"
            | "tomorrow"
            | "ago"
            | "last"
            | "this"
            | "next"
            | "previous"
            | "former"
            | "formerly"
            | "earlier"
            | "later"
            | "then"
            | "once"
            | "initially"
            | "originally"
            | "since"
            | "until"
            | "start"
            | "end"
            | "beginning"
            | "season"
            | "year"
            | "month"
            | "week"
            | "decade"
            | "century"
            | "spring"
            | "autumn"
    ) || lex::is_full_month(word)
}

/// The time words (and years) before a figure in its clause. The quantity key holds only
/// times written after the count; two mentions set in different times are different
/// quantities, so both must open on the same time words, or on none.
fn time_markers(ctx: &Context, claim: &Claim) -> BTreeSet<String> {
    let start = ctx
        .segments
        .clause_of(claim.span.start)
        .map_or(claim.span.start, |c| c.1.start.min(claim.span.start));
    ctx.doc
        .text
        .get(start..claim.span.start)
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .map(lower)
        .filter(|w| {
            is_time_word(w)
                || (w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y)))
        })
        .map(|w| w.into_owned())
        .collect()
}

/// "its 56,000 residents" … "its 12,000 inhabitants": a possessive pronoun is not resolved,
/// so it may name another owner once the paragraph changes.
fn pronoun_across_paragraphs(ctx: &Context, a: &Claim, b: &Claim) -> bool {
    let pronoun = |c: &Claim| {
        c.scope
            .owner_text(&ctx.doc.text)
            .is_some_and(|o| lower_in(&o, &DEFINITE[1..]))
    };
    let paragraph = |c: &Claim| ctx.segments.paragraph_of(c.span.start).map(|p| p.0);
    (pronoun(a) || pronoun(b)) && (paragraph(a).is_none() || paragraph(a) != paragraph(b))
}

/// Determiners and possessive pronouns that make a mention definite ("the 47 delegates").
const DEFINITE: [&str; 7] = ["the", "its", "their", "his", "her", "our", "these"];
/// Auxiliaries that start a passive or perfect after a subject ("were treated").
const AUXILIARIES: [&str; 6] = ["were", "was", "are", "is", "have", "had"];

/// The word before a figure in its sentence, lower case, or "" at the sentence's start.
fn previous_word(ctx: &Context, claim: &Claim) -> String {
    let start = ctx
        .segments
        .sentence_of(claim.span.start)
        .map_or(0, |(_, s)| s.start.min(claim.span.start));
    let head = ctx.doc.text.get(start..claim.span.start).unwrap_or("");
    let word = head.split_whitespace().next_back().unwrap_or("");
    if word.ends_with(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        return String::new();
    }
    word.to_lowercase()
}

/// "In all 41,400 ballots": "all" closes a total there, it does not restate a figure.
fn after_in(ctx: &Context, claim: &Claim) -> bool {
    let before = ctx.doc.text.get(..claim.span.start).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    words.next();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("in"))
}

/// A definite mention ("the 47 delegates", "the yard's 2,800 employees") restates a
/// standing figure and may pair with any other mention.
fn is_definite(ctx: &Context, claim: &Claim) -> bool {
    let low = previous_word(ctx, claim);
    DEFINITE.contains(&low.as_str())
        || (low == "all" && !after_in(ctx, claim))
        || low.ends_with("'s")
        || low.ends_with("’s")
}

/// What an indefinite figure is governed by: for the subject of an event, the verb after
/// its auxiliaries ("140 people were injured" → "injured"); for a figure opening its
/// clause, the word after its noun; otherwise the word before it
/// ("Employers added 210,000 jobs" → "added", "a margin of 8,343 votes" → "of").
fn governor(ctx: &Context, claim: &Claim) -> String {
    if event_count(ctx, claim) {
        let after = claim.phrase_end();
        let verb = ctx
            .doc
            .text
            .get(after..)
            .unwrap_or("")
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .find(|w| {
                !AUXILIARIES.contains(&w.as_str()) && !["been", "being"].contains(&w.as_str())
            });
        return format!("event:{}", verb.unwrap_or_default());
    }
    let previous = previous_word(ctx, claim);
    if previous.is_empty() {
        // A figure opening its clause is its subject: the verb after it governs it ("Eight
        // crews attended" the farm fire, "12 crews fought" the warehouse fire).
        return format!("subject:{}", word_after_counted(ctx, claim));
    }
    previous
}

/// The first word after a figure's counted noun, lower case.
fn word_after_counted(ctx: &Context, claim: &Claim) -> String {
    let after = claim.phrase_end();
    ctx.doc
        .text
        .get(after..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default()
}

/// Two indefinite figures of one noun governed differently count different sets: "Fourteen
/// people died" … "140 people were injured"; "Employers added 210,000 jobs" …
/// "Manufacturing lost 8,000 jobs". Only a definite mention restates a figure whatever
/// governs the other.
fn governed_apart(ctx: &Context, a: &Around, b: &Around) -> bool {
    let (da, db) = (a.definite(ctx), b.definite(ctx));
    // "The city's 750 cameras" … "plans to add 150 cameras": the amount of a change is
    // not the standing figure.
    let change_amount = |x: &Around, definite: bool| !definite && is_change_verb(x.governor(ctx));
    (!da && !db && a.governor(ctx) != b.governor(ctx))
        || (da != db && (change_amount(a, da) || change_amount(b, db)))
}

/// Prepositions that open a scene-setting phrase ("At the largest school, 18 teachers …").
const FRAME_PREPOSITIONS: &[&str] = &[
    "at",
    "in",
    "among",
    "across",
    "for",
    "on",
    "within",
    "outside",
    "inside",
    "elsewhere",
];

/// The phrase a figure's sentence opens with, up to its first comma, when it is a
/// prepositional frame before the figure ("at the smallest"); totals ("In all,") are none.
/// A sentence without one takes its paragraph's opening frame ("In the arson trial, 14
/// jurors were sworn in. The defendant, 35, …").
pub(super) fn opening_frame(ctx: &Context, claim: &Claim) -> Option<String> {
    let (_, sentence) = ctx.segments.sentence_of(claim.span.start)?;
    let head = ctx.doc.text.get(sentence.start..claim.span.start)?;
    if let Some(frame) = frame_in(head) {
        return Some(frame);
    }
    let (_, paragraph) = ctx.segments.paragraph_of(claim.span.start)?;
    let (_, first) = ctx.segments.sentence_of(paragraph.start)?;
    if first.start == sentence.start {
        return None;
    }
    frame_in(ctx.doc.text.get(first.start..first.end)?)
}

fn frame_in(head: &str) -> Option<String> {
    let frame = head.split_once(',')?.0.trim().to_lowercase();
    let first = frame.split_whitespace().next()?;
    let total = ["in all", "in total", "all told", "in the end", "in short"];
    (FRAME_PREPOSITIONS.contains(&first) && !total.contains(&frame.as_str())).then_some(frame)
}

/// Relative periods named anywhere in a figure's clause: "last season", "this year".
fn periods(ctx: &Context, claim: &Claim) -> BTreeSet<String> {
    const SHIFTS: &[&str] = &["last", "this", "next", "previous", "past", "coming"];
    const UNITS: &[&str] = &[
        "season", "year", "month", "week", "quarter", "term", "spring", "summer", "autumn",
        "winter", "decade",
    ];
    let Some((_, clause)) = ctx.segments.clause_of(claim.span.start) else {
        return BTreeSet::new();
    };
    // Up to the first comma after the figure: "…, 20 more than last season" is another.
    let text = ctx.doc.text.get(clause.start..clause.end).unwrap_or("");
    let cut = claim.span.end.saturating_sub(clause.start).min(text.len());
    let end = text
        .get(cut..)
        .and_then(|rest| rest.find([',', ';']))
        .map_or(text.len(), |i| cut + i);
    let words: Vec<String> = text
        .get(..end)
        .unwrap_or(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(2)
        .filter(|w| SHIFTS.contains(&w[0].as_str()) && UNITS.contains(&w[1].as_str()))
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

/// "19 goals last season" and "78 goals … this season" count different periods.
fn periods_apart(ctx: &Context, a: &Around, b: &Around) -> bool {
    let (pa, pb) = (a.periods(ctx), b.periods(ctx));
    !pa.is_empty() && !pb.is_empty() && pa.is_disjoint(pb)
}

/// Words that name no holder of a figure: "There are about 32 ambulances".
#[rustfmt::skip]
const NO_HOLDER: &[&str] = &[
    "the", "a", "an", "there", "here", "it", "they", "we", "he", "she", "is", "are", "was",
    "were", "has", "have", "had", "now", "about", "some", "around", "nearly", "almost", "more",
    "than", "over", "under", "fewer", "less", "just", "only", "all", "in", "total", "and",
    "but", "so", "still", "also", "of", "with", "roughly", "approximately", "least", "at",
    "its", "their", "his", "her", "our", "this", "that", "these", "those",
];

/// The words naming who holds a bare figure: its clause before it, without function words
/// and without the verb just before it ("The surrounding district has 148,000" →
/// surrounding, district).
fn holder_words(ctx: &Context, claim: &Claim) -> BTreeSet<String> {
    let start = ctx
        .segments
        .clause_of(claim.span.start)
        .map_or(claim.span.start, |(_, span)| span.start);
    let mut words: Vec<String> = ctx
        .doc
        .text
        .get(start..claim.span.start)
        .unwrap_or("")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    // "Officials said it killed 36 people": the holder is what follows the reporting verb.
    const REPORTING: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "reported",
        "according",
        "stated",
    ];
    if let Some(at) = words.iter().rposition(|w| REPORTING.contains(&w.as_str())) {
        words.drain(..=at);
    }
    // The word just before the figure governs it. After a preposition ("won by 312 votes",
    // "a town with 7 boats") the figure is no holder's stock: who won and who lost may name
    // one margin.
    const PREPOSITIONS: &[&str] = &[
        "by", "to", "from", "for", "than", "on", "into", "per", "with", "of", "at", "in",
    ];
    match words.pop() {
        Some(verb) if !PREPOSITIONS.contains(&verb.as_str()) => words
            .into_iter()
            .filter(|w| !NO_HOLDER.contains(&w.as_str()))
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// Two bare figures whose clauses name different holders ("The surrounding district has
/// 148,000 residents" … "Its largest village, Brook, has 6,200 residents"; "Mensah scored
/// 19 goals" … "The club scored 78 goals") count different things.
fn holders_apart(ctx: &Context, a: &Around, b: &Around) -> bool {
    if !a.claim.scope.owner.is_empty() || !b.claim.scope.owner.is_empty() {
        return false;
    }
    let (ha, hb) = (a.holders(ctx), b.holders(ctx));
    !ha.is_empty() && !hb.is_empty() && ha.is_disjoint(hb)
}

/// One mention has a possessive owner ("the town's 12 ambulances") and the other none, but
/// its clause names another holder before it ("The county has 32 ambulances"): the county's
/// fleet and the town's are two figures. A clause that names the same owner ("The rail yard
/// has 1,200 employees" … "the yard's 3,400 employees"), a name, or no holder at all still
/// pairs.
fn owned_apart(ctx: &Context, a: &Mention, b: &Mention) -> bool {
    let (owned, bare) = match (&a.key.owner, &b.key.owner) {
        (Some(_), None) => (a, b),
        (None, Some(_)) => (b, a),
        _ => return false,
    };
    let Some(owner) = owned.key.owner.as_deref() else {
        return false;
    };
    let start = ctx
        .segments
        .clause_of(bare.claim.span.start)
        .map_or(bare.claim.span.start, |(_, span)| span.start);
    let words: Vec<&str> = ctx
        .doc
        .text
        .get(start..bare.claim.span.start)
        .unwrap_or("")
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !NO_HOLDER.contains(&w.to_lowercase().as_str()))
        .collect();
    // A name ("The Kestrel Bay shipyard") may be what "the yard's" refers back to.
    if words.is_empty() || words.iter().any(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    !owner.split_whitespace().any(|o| {
        words.iter().any(|w| {
            let w = w.to_lowercase();
            w.ends_with(o) || o.ends_with(w.as_str())
        })
    })
}

/// Verbs whose object is the amount of a change ("add 150", "cut 300", "hire 40").
fn is_change_verb(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "add", "cut", "shed", "los", "lost", "gain", "hir", "creat", "eliminat", "reduc", "rais",
        "boost", "trim", "slash", "remov", "build", "buil", "open", "clos", "sell", "sold", "buy",
        "bought", "recruit", "lay",
    ];
    STEMS.iter().any(|s| word.starts_with(s))
}

/// An indefinite count that is the subject of an event verb ("two firefighters were treated
/// for heat exhaustion", "nine boats sank"): a subset that something happened to, not the
/// standing figure a definite mention ("the yard's 3,400 employees") or a "there were" /
/// "has" predicate states. Such counts pair only with each other.
fn event_count(ctx: &Context, claim: &Claim) -> bool {
    let text = &ctx.doc.text;
    let before = text.get(..claim.span.start).unwrap_or("");
    let previous = before.split_whitespace().next_back().unwrap_or("");
    let low = previous.to_lowercase();
    // "All 184 passengers were evacuated" restates the whole, like "the" ("In all" totals).
    if DEFINITE.contains(&low.as_str())
        || (low == "all" && !after_in(ctx, claim))
        || low.ends_with("'s")
        || low.ends_with("’s")
    {
        return false;
    }
    let after = claim.phrase_end();
    let next = text
        .get(after..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    if next.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    let next = next.to_lowercase();
    AUXILIARIES.contains(&next.as_str()) || (next.len() > 3 && next.ends_with("ed"))
}

#[cfg(test)]
mod tests {
    use crate::finding::{Finding, Severity, Verdict};
    use crate::rules::test_support::findings_of;

    fn run(text: &str) -> Vec<Finding> {
        findings_of("NUM-SAME-QUANTITY", text, None)
    }

    #[test]
    fn consistent_repeats_show_only_when_asked() {
        let f = run("The shrine drew some 3,000 pilgrims this week.\nThe shrine's roughly 3,000 pilgrims slept in tents.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].verdict, f[0].severity),
            (Verdict::Consistent, Severity::Note)
        );
    }

    #[test]
    fn indefinite_figures_governed_differently_are_different_sets() {
        let f = run("Fourteen people died in the floods. A further 140 people were injured.");
        assert!(f.is_empty(), "{f:?}");
        let f = run("Employers added 210,000 jobs in April. Manufacturing lost 8,000 jobs.");
        assert!(f.is_empty(), "{f:?}");
        // The same verb, or a definite restatement, still pairs.
        let f = run("The storm killed 38 people. Officials said it killed 36 people.");
        assert_eq!(f.len(), 1, "{f:?}");
        let f = run("The yard has about 1,200 employees. Managers told the yard's 3,400 employees to expect overtime.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn an_event_subset_is_not_the_whole() {
        let f = run("More than 600 firefighters fought the blaze. Later, two firefighters were treated for burns.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn the_object_of_a_planned_change_keeps_its_key_and_is_named() {
        let f = run(
            "The army has 4,000 troops in Chad. It plans to cut its 2,500 troops in Chad by June.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            f[0].message
                .ends_with("this mention is the object of a planned reduction"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_pronoun_owner_does_not_reach_into_another_paragraph() {
        let f = run("The county counted 90 cases among its 56,000 residents.\nThe town logged 36 thefts among its 12,000 residents.");
        assert!(f.is_empty(), "{f:?}");
    }
}
