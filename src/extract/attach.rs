//! Attachment: what each number counts (`counted`, `head`), the base of a share (`of`), and
//! the scope it lives in (`Scope`: owner, place, time, qualifiers, source, change) —
//! `semantics.md` §7.3, `json.md` CLAIM.
//!
//! Everything here works on the text and a claim's span, never on how the number was parsed,
//! and looks only at a few words around the claim, inside its clause (the source of a figure
//! is looked for in its sentence, once per sentence). A claim of kind `number` that gets a
//! counted noun becomes a `count`. An elided count ("neutralizing three IS fighters,
//! capturing four") inherits the head of the count before it but keeps `counted` empty,
//! because nothing is written after it.

use super::attribution::source_of;
use super::lexicon::{self, singular};
use super::segment::Segments;
use super::tokens::{Token, TokenKind, Tokens};
use crate::grammar::lex;
use crate::model::{Claim, Kind, Qualifier, Quantity, Span};
use crate::text::lower;
use std::borrow::Cow;

/// Words a counted noun phrase may run to, at most.
const MAX_PHRASE_WORDS: usize = 6;
/// Trailing phrases ("in Syria", "from January to May of 2025", "and their families").
const MAX_TRAILING: usize = 4;
/// How far before a number "the number of X" may stand.
const NUMBER_OF_WINDOW: usize = 160;

const POSSESSIVE_PRONOUNS: [&str; 7] = ["its", "their", "his", "her", "our", "my", "your"];
const DETERMINERS: [&str; 11] = [
    "the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "this",
];
const PLACE_PREPOSITIONS: [&str; 8] = [
    "in",
    "across",
    "inside",
    "within",
    "throughout",
    "at",
    "on",
    "near",
];
const TIME_PREPOSITIONS: [&str; 10] = [
    "in", "during", "for", "from", "since", "between", "over", "through", "at", "on",
];
const TIME_DEICTICS: [&str; 4] = ["last", "this", "next", "past"];
const TIME_NOUNS: [&str; 19] = [
    "year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "decade",
    "century", "height", "mid-year", "midyear", "period", "weekend", "season", "summer", "half",
];
/// Words that may stand inside a time phrase without being times themselves.
const TIME_FILLERS: [&str; 21] = [
    "the",
    "of",
    "to",
    "and",
    "whole",
    "entire",
    "full",
    "first",
    "second",
    "last",
    "past",
    "next",
    "this",
    "same",
    "early",
    "late",
    "end",
    "start",
    "beginning",
    "its",
    "fiscal",
];
/// Verbs of state or report that do not restrict what is counted ("There were 38 attacks").
const NEUTRAL_VERBS: [&str; 15] = [
    "had",
    "reported",
    "recorded",
    "counted",
    "deployed",
    "stationed",
    "estimated",
    "totaled",
    "totalled",
    "numbered",
    "included",
    "including",
    "involved",
    "listed",
    "remaining",
];

/// Fills `counted`, `head`, `of` and `scope` of every claim, in place.
pub fn attach(text: &str, segments: &Segments, claims: &mut [Claim]) {
    let mut source_cache: Option<(usize, Option<Span>)> = None;
    for i in 0..claims.len() {
        let span = claims[i].span;
        if span.end > text.len() || !text.is_char_boundary(span.start) {
            continue;
        }
        let clause = segments
            .clause_of(span.start)
            .map_or(Span::new(span.start, text.len()), |(_, c)| c);
        let window = Window {
            text,
            clause: Span::new(clause.start.min(span.start), clause.end.max(span.end)),
            in_heading: claims[i].in_heading,
        };
        let kind = claims[i].kind;
        let mut after = span.end;
        match kind {
            Kind::Count | Kind::Number => {
                let previous = i.checked_sub(1).map(|p| &claims[p]);
                let found = counted_noun(&window, &claims[i])
                    .map(|np| (Some(np), None))
                    .or_else(|| {
                        elided_head(&window, &claims[i], previous).map(|h| (None, Some(h)))
                    });
                if let Some((np, inherited)) = found {
                    let claim = &mut claims[i];
                    if let Some(np) = np {
                        claim.counted = Some(np.span);
                        claim.head = Some(np.head);
                        claim.scope.owner = np.owner;
                        claim.scope.qualifiers = np.qualifiers;
                        if np.span.start >= span.end {
                            after = np.span.end;
                        }
                        if np.extend_scope_from > 0 {
                            after = np.extend_scope_from;
                        }
                    } else {
                        claim.head = inherited;
                    }
                    if claim.kind == Kind::Number {
                        claim.kind = Kind::Count;
                    }
                }
            }
            Kind::Percent | Kind::Fraction => {
                claims[i].of = of_phrase(&window, span.end);
            }
            Kind::Money | Kind::Measure => {}
            _ => continue,
        }
        let sentence = segments.sentence_of(span.start);
        let source = match (&source_cache, sentence) {
            (Some((idx, s)), Some((si, _))) if *idx == si => *s,
            (_, Some((si, sspan))) => {
                let s = source_of(text, sspan);
                source_cache = Some((si, s));
                s
            }
            (_, None) => None,
        };
        let claim = &mut claims[i];
        claim.scope.source = source;
        if claim.of.is_none() {
            trailing_scope(&window, after, claim);
        }
        before_scope(&window, claim);
    }
}

struct Window<'a> {
    text: &'a str,
    clause: Span,
    in_heading: bool,
}

impl<'a> Window<'a> {
    fn after(&self, from: usize) -> Tokens<'a> {
        Tokens::new(self.text, from, self.clause.end)
    }
    /// Up to `n` tokens before `to`, nearest last.
    fn before(&self, to: usize, n: usize) -> Vec<Token<'a>> {
        let from = self.clause.start.max(to.saturating_sub(n * 16));
        let from = (from..to)
            .find(|&p| self.text.is_char_boundary(p))
            .unwrap_or(to);
        // No token spans a space, so tokens read from a space on are the ones read from any
        // point before it; a run of other bytes holds a token or more (unless it is all
        // white space of another kind). Read from the space before the `n`th run back, the
        // tail usually holds the `n` tokens wanted, and little more.
        if let Some(space) = space_before_runs(&self.text.as_bytes()[from..to], n) {
            let tail = self.last_tokens(from + space, to, n);
            if tail.len() == n {
                return tail;
            }
        }
        self.last_tokens(from, to, n)
    }
    /// The last `n` tokens of `text[from..to]`.
    fn last_tokens(&self, from: usize, to: usize, n: usize) -> Vec<Token<'a>> {
        // Sized for the window up front: growing from empty cost more than tokenizing it.
        let mut toks = Vec::with_capacity((to - from) / 4 + 4);
        toks.extend(Tokens::new(self.text, from, to));
        toks.drain(..toks.len().saturating_sub(n));
        toks
    }
}

/// Where in `bytes` the space before the `n`th run of non-space bytes from the end stands.
fn space_before_runs(bytes: &[u8], n: usize) -> Option<usize> {
    let mut runs = 0;
    let mut in_run = false;
    for (i, &b) in bytes.iter().enumerate().rev() {
        if b != b' ' {
            in_run = true;
        } else if in_run {
            in_run = false;
            runs += 1;
            if runs == n {
                return Some(i);
            }
        }
    }
    None
}

/// A counted noun phrase found around a number.
struct NounPhrase {
    span: Span,
    head: String,
    owner: Vec<Span>,
    qualifiers: Vec<Qualifier>,
    /// Where trailing scope should be read from when the phrase stands before the number
    /// ("the number of IS fighters in Syria … to be 1,500"): the end of the phrase there.
    extend_scope_from: usize,
}

fn counted_noun(w: &Window, claim: &Claim) -> Option<NounPhrase> {
    let span = claim.span;
    let mut toks = w
        .after(span.end)
        .filter(|t| t.kind != TokenKind::Citation)
        .peekable();
    let first = *toks.peek()?;
    if first.is("of") {
        toks.next();
        // "dozens of X", "38 of the 52 attacks", "two of his supporters": the whole's noun.
        let mut rest = toks.skip_while(|t| DETERMINERS.iter().any(|d| t.is(d)));
        let next = rest.next()?;
        let from = if next.kind == TokenKind::Number || is_number_word(next.text) {
            next.span.end
        } else {
            next.span.start
        };
        return noun_phrase(w, from, false);
    }
    if first.is_word() {
        let counts_one = claim.point_value() == Some(rust_decimal::Decimal::ONE);
        return noun_phrase(w, first.span.start, counts_one);
    }
    // Nothing counted after the number: "the number of X … to be between A and B".
    if matches!(claim.quantity, Quantity::Point(_) | Quantity::Range { .. }) {
        return number_of_before(w, span.start);
    }
    None
}

fn is_number_word(word: &str) -> bool {
    const WORDS: [&str; 20] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "dozen", "hundred", "thousand", "million", "billion", "few", "several", "many",
    ];
    WORDS.iter().any(|n| word.eq_ignore_ascii_case(n))
}

fn number_of_before(w: &Window, start: usize) -> Option<NounPhrase> {
    let from = w.clause.start.max(start.saturating_sub(NUMBER_OF_WINDOW));
    let from = (from..start).find(|&p| w.text.is_char_boundary(p))?;
    let before = w.text.get(from..start)?.to_ascii_lowercase();
    let at = before.rfind("number of ")?;
    if at > 0 && before.as_bytes()[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    let mut np = noun_phrase(w, from + at + "number of ".len(), false)?;
    // Only a direct link ("the number of X in Y to be N", "the number of X stood at N"): no
    // other figure and no colon, dash or bracket between the phrase and the number.
    let between = w.text.get(np.span.end..start)?;
    if between.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '—' | '–' | '(' | ')'))
    {
        return None;
    }
    np.extend_scope_from = np.span.end;
    Some(np)
}

/// The noun phrase starting at `from`: modifiers then a head noun, ending at a function
/// word, punctuation, a possessive, a participle after a noun ("soldiers deployed"), or the
/// word after a plural ("attacks IS declared").
fn noun_phrase(w: &Window, from: usize, counts_one: bool) -> Option<NounPhrase> {
    let mut words: Vec<Token> = Vec::with_capacity(MAX_PHRASE_WORDS);
    let mut toks = Vec::with_capacity(MAX_PHRASE_WORDS + 1);
    for t in w.after(from).take(MAX_PHRASE_WORDS + 1) {
        toks.push(t);
        // The phrase ends at the first token that is not a word, and nothing after it is read.
        if !t.is_word() {
            break;
        }
    }
    for (i, &t) in toks.iter().take(MAX_PHRASE_WORDS).enumerate() {
        if !t.is_word() || t.is_possessive() {
            break;
        }
        let low = lower(t.text);
        if is_stop(&t) {
            break;
        }
        if words.is_empty() && is_not_counted(&low) {
            return None;
        }
        // "23 needed urgent repairs": an -ed word that opens a longer phrase is a verb whose
        // subject is the number, unless news uses it as a modifier ("12 planned attacks").
        if words.is_empty()
            && low.ends_with("ed")
            && toks.get(i + 1).is_some_and(|n| n.is_word())
            && !lexicon::adjectival_participles().contains(low.as_ref())
        {
            return None;
        }
        if let Some(prev) = words.last() {
            let prev_is_noun = prev.is_plural_like()
                || (!prev.is_acronym() && !prev.is_participle() && !ends_ly(prev.text));
            if t.is_participle() && prev_is_noun {
                break;
            }
            if prev.is_plural_like() && !t.is_plural_like() {
                break;
            }
            // A word before a determiner or a number is a verb taking an object ("attack hit
            // a market", "one couple lost $240,000").
            if toks.get(i + 1).is_some_and(|n| {
                DETERMINERS.iter().any(|d| n.is(d))
                    || n.kind == TokenKind::Number
                    || ["$", "£", "€", "¥"].contains(&n.text)
            }) {
                break;
            }
        }
        words.push(t);
    }
    while words
        .last()
        .is_some_and(|t| ends_ly(t.text) || t.is_participle())
    {
        words.pop();
    }
    let head_tok = *words.last()?;
    let head_low = lower(head_tok.text);
    if is_not_counted(&head_low) || head_low.chars().count() < 2 {
        return None;
    }
    // More than one thing is counted by a plural: a singular head after such a number is a
    // misreading ("10 Downing Street", "the 2024 budget set aside").
    if !head_tok.is_plural_like() && !counts_one {
        return None;
    }
    let mut owner = Vec::new();
    let mut qualifiers = Vec::new();
    for m in &words[..words.len() - 1] {
        let proper = if w.in_heading {
            m.is_acronym()
        } else {
            m.is_capitalised()
        };
        if proper {
            owner.push(m.span);
        } else {
            qualifiers.push(Qualifier::Written(m.span));
        }
    }
    let span = Span::new(words[0].span.start, head_tok.span.end);
    Some(NounPhrase {
        span,
        head: singular(&head_low).into_owned(),
        owner,
        qualifiers,
        extend_scope_from: 0,
    })
}

/// A function word; an acronym that spells one ("IS", "US") is a name, not a stop.
fn is_stop(t: &Token) -> bool {
    !t.is_acronym() && lexicon::phrase_stops().contains(lower(t.text).as_ref())
}

fn ends_ly(word: &str) -> bool {
    word.len() > 4 && word.as_bytes()[word.len() - 2..].eq_ignore_ascii_case(b"ly")
}

fn is_not_counted(low: &str) -> bool {
    let nc = lexicon::not_counted();
    nc.contains(low) || nc.contains(singular(low).as_ref())
}

/// "neutralizing three IS fighters, capturing four": a bare number after a comma and a
/// participle, right after a count in the same clause, counts the same thing.
fn elided_head(w: &Window, claim: &Claim, previous: Option<&Claim>) -> Option<String> {
    let prev = previous?;
    let head = prev.head.clone()?;
    let prev_end = prev.phrase_end();
    if prev_end > claim.span.start || prev.span.start < w.clause.start {
        return None;
    }
    let between: Vec<_> = Tokens::new(w.text, prev_end, claim.span.start).collect();
    let shape_ok = match between.as_slice() {
        [comma, verb] => comma.text == "," && verb.is_participle(),
        [comma, and, verb] => comma.text == "," && and.is("and") && verb.is_participle(),
        _ => false,
    };
    let ends_bare = match w.after(claim.span.end).next() {
        None => true,
        Some(t) => t.kind == TokenKind::Punct || t.is("and") || t.kind == TokenKind::Citation,
    };
    (shape_ok && ends_bare).then_some(head)
}

/// The base of a share: "a third of last year's count" → "last year's count".
fn of_phrase(w: &Window, from: usize) -> Option<Span> {
    let mut toks = w.after(from);
    if !toks.next()?.is("of") {
        return None;
    }
    let mut start = None;
    let mut end = None;
    let mut prev: Option<Token> = None;
    for t in toks.take(8) {
        let ok = match t.kind {
            TokenKind::Number => true,
            TokenKind::Word => {
                let low = lower(t.text);
                let allowed = DETERMINERS.contains(&low.as_ref()) || low == "and";
                let stop = is_stop(&t) && !allowed;
                // "of the vote and ending 12 years": a participle after "and" opens a new
                // verb phrase, not more of the base.
                let after_noun =
                    prev.is_some_and(|p| p.is_plural_like() || p.is("and")) && t.is_participle();
                !stop && !after_noun
            }
            _ => false,
        };
        if !ok {
            break;
        }
        start.get_or_insert(t.span.start);
        if !(t.is("and") || DETERMINERS.iter().any(|d| t.is(d))) {
            end = Some(t.span.end);
        }
        prev = Some(t);
    }
    Some(Span::new(start?, end?))
}

fn is_time_word(t: &Token) -> bool {
    let low = lower(t.text);
    lex::month_of_word(&low).is_some_and(|_| low.len() >= 3)
        || lex::weekday_of_word(&low).is_some()
        || TIME_NOUNS.contains(&low.as_ref())
        || (t.kind == TokenKind::Number && t.text.len() == 4 && t.text.starts_with(['1', '2']))
}

fn is_time_filler(t: &Token) -> bool {
    t.kind == TokenKind::Number || is_number_word(t.text) || TIME_FILLERS.iter().any(|f| t.is(f))
}

/// Place, time and trailing qualifiers after the counted noun (or after the number).
fn trailing_scope(w: &Window, from: usize, claim: &mut Claim) {
    let mut pos = from;
    let mut toks: Vec<Token> = Vec::with_capacity(10);
    for _ in 0..MAX_TRAILING {
        let mut after = w.after(pos).filter(|t| t.kind != TokenKind::Citation);
        let Some(first) = after.next() else { return };
        let low = lower(first.text);
        // Most figures are followed by no trailing phrase: the rest is read only after a word
        // that may open one.
        if !opens_trailing_phrase(&low) {
            return;
        }
        toks.clear();
        toks.push(first);
        toks.extend(after.take(9));
        let first = &toks[0];
        let consumed = if first.is("and")
            && toks
                .get(1)
                .is_some_and(|t| POSSESSIVE_PRONOUNS.iter().any(|p| t.is(p)))
        {
            // "and their families"
            phrase_end(&toks[1..]).inspect(|&end| {
                claim
                    .scope
                    .qualifiers
                    .push(Qualifier::Written(Span::new(first.span.start, end)));
            })
        } else if TIME_DEICTICS.contains(&low.as_ref()) && toks.get(1).is_some_and(is_time_word) {
            let end = with_alone(&toks, 2);
            set_once(&mut claim.scope.time, Span::new(first.span.start, end));
            Some(end)
        } else if let Some(n) = time_after_preposition(&low, &toks) {
            let end = with_alone(&toks, n + 1);
            set_once(&mut claim.scope.time, Span::new(first.span.start, end));
            Some(end)
        } else if PLACE_PREPOSITIONS.contains(&low.as_ref()) {
            place_or_qualifier(w, &toks, claim)
        } else if matches!(low.as_ref(), "who" | "that") && claim.counted.is_some() {
            // A restrictive relative clause, up to its first verb: "who were evacuated".
            relative_clause_end(&toks).inspect(|&end| {
                claim
                    .scope
                    .qualifiers
                    .push(Qualifier::Written(Span::new(first.span.start, end)));
            })
        } else if matches!(low.as_ref(), "now" | "currently") {
            // "5,000 members now": the result of a change, set against older figures.
            claim.scope.changed = true;
            Some(first.span.end)
        } else if matches!(low.as_ref(), "a" | "an" | "per" | "each")
            && toks
                .get(1)
                .is_some_and(|t| TIME_NOUNS.iter().any(|n| t.is(n)))
        {
            // A rate: "1,500 cars a day" counts per day.
            if let Some(&noun) = TIME_NOUNS.iter().find(|n| toks[1].is(n)) {
                claim.scope.qualifiers.push(Qualifier::Per(per_unit(noun)));
            }
            Some(toks[1].span.end)
        } else {
            None
        };
        match consumed {
            Some(end) if end > pos => pos = end,
            _ => return,
        }
    }
}

/// How many tokens after a time preposition `toks[0]` (lower-cased `low`) form a time
/// phrase ("in the first quarter of 2025"), if any do.
fn time_after_preposition(low: &str, toks: &[Token]) -> Option<usize> {
    if !TIME_PREPOSITIONS.contains(&low) {
        return None;
    }
    Some(time_run(&toks[1..])).filter(|&n| n > 0)
}

/// Whether `low` is a word some branch of [`trailing_scope`] starts with.
fn opens_trailing_phrase(low: &str) -> bool {
    TIME_DEICTICS.contains(&low)
        || TIME_PREPOSITIONS.contains(&low)
        || PLACE_PREPOSITIONS.contains(&low)
        || matches!(
            low,
            "and" | "who" | "that" | "now" | "currently" | "a" | "an" | "per" | "each"
        )
}

fn set_once(slot: &mut Option<Span>, value: Span) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// The singular of a time noun, for a rate's qualifier ("days" → "day").
fn per_unit(noun: &'static str) -> &'static str {
    match singular(noun) {
        Cow::Borrowed(s) => s,
        // No time noun ends in "-ies": `singular` borrows for each of them (a test checks).
        Cow::Owned(_) => noun,
    }
}

/// "who/that" + optional auxiliaries + one verb.
fn relative_clause_end(toks: &[Token]) -> Option<usize> {
    const AUXILIARIES: [&str; 9] = [
        "were", "was", "are", "is", "have", "has", "had", "been", "be",
    ];
    let mut i = 1;
    while toks
        .get(i)
        .is_some_and(|t| AUXILIARIES.iter().any(|a| t.is(a)))
    {
        i += 1;
    }
    toks.get(i).filter(|t| t.is_word()).map(|t| t.span.end)
}

/// The end of token `n` plus a following "alone".
fn with_alone(toks: &[Token], n: usize) -> usize {
    match toks.get(n) {
        Some(t) if t.is("alone") => t.span.end,
        _ => toks[n - 1].span.end,
    }
}

/// How many tokens form a time phrase: time words and fillers, with at least one time word,
/// not ending in a filler.
fn time_run(toks: &[Token]) -> usize {
    let mut last_time = 0;
    for (i, t) in toks.iter().enumerate() {
        if is_time_word(t) {
            last_time = i + 1;
        } else if !is_time_filler(t) {
            break;
        }
    }
    last_time
}

/// Determiner + words up to punctuation or a function word other than "and".
fn phrase_end(toks: &[Token]) -> Option<usize> {
    let mut end = None;
    for (i, t) in toks.iter().enumerate() {
        let low = lower(t.text);
        let inner = i == 0 && DETERMINERS.contains(&low.as_ref());
        let joins = low == "and" && toks.get(i + 1).is_some_and(|n| n.is_word());
        if !t.is_word() || (is_stop(t) && !inner && !joins) {
            break;
        }
        if !joins && !inner {
            end = Some(t.span.end);
        }
    }
    end
}

/// "in Syria and Iraq" → place; "in prisons and camps" → qualifier.
fn place_or_qualifier(w: &Window, toks: &[Token], claim: &mut Claim) -> Option<usize> {
    let prep = toks.first()?;
    let mut i = 1;
    if toks.get(i).is_some_and(|t| t.is("the")) {
        i += 1;
    }
    let first = toks.get(i)?;
    if first.is_capitalised() && !w.in_heading {
        let mut end = first.span.end;
        let mut j = i + 1;
        loop {
            match (toks.get(j), toks.get(j + 1)) {
                (Some(t), _) if t.is_capitalised() => {
                    end = t.span.end;
                    j += 1;
                }
                (Some(t), Some(n)) if (t.is("and") || t.text == ",") && n.is_capitalised() => {
                    end = n.span.end;
                    j += 2;
                }
                _ => break,
            }
        }
        set_once(&mut claim.scope.place, Span::new(first.span.start, end));
        return Some(end);
    }
    if first.is_word()
        && !first.is_capitalised()
        && matches!(lower(prep.text).as_ref(), "in" | "inside" | "at" | "within")
    {
        let end = phrase_end(&toks[1..])?;
        claim
            .scope
            .qualifiers
            .push(Qualifier::Written(Span::new(prep.span.start, end)));
        return Some(end);
    }
    None
}

/// Owner, governing event verb and change, from the words just before the number.
fn before_scope(w: &Window, claim: &mut Claim) {
    let before = w.before(claim.span.start, 6);
    let mut k = before.len();
    // A possessor right before the number: "its", "the county's"; or a bare "the".
    let mut determined = false;
    if let Some(t) = k.checked_sub(1).and_then(|j| before.get(j)) {
        let low = lower(t.text);
        let stem = low.trim_end_matches(['s', '\'', '’']);
        let possessive = t.is_possessive();
        let time_possessive = possessive
            && (TIME_NOUNS.contains(&stem) || matches!(stem, "today" | "yesterday" | "tomorrow"));
        if time_possessive {
            // "last year's 38 attacks": a time, not an owner.
            let start = match k.checked_sub(2).and_then(|j| before.get(j)) {
                Some(d) if TIME_DEICTICS.iter().any(|x| d.is(x)) => d.span.start,
                _ => t.span.start,
            };
            set_once(&mut claim.scope.time, Span::new(start, t.span.end));
            determined = true;
            k -= 1;
        } else if POSSESSIVE_PRONOUNS.contains(&low.as_ref()) || possessive {
            let start = match k.checked_sub(2).and_then(|j| before.get(j)) {
                Some(d) if d.is("the") && possessive => d.span.start,
                _ => t.span.start,
            };
            claim.scope.owner = vec![Span::new(start, t.span.end)];
            determined = true;
            k -= 1;
        } else if low == "the" {
            determined = true;
            k -= 1;
        }
    }
    // Skip adverbs between a verb and its object ("significantly reduce").
    let rest = &before[..k];
    let verb_at = rest.iter().rposition(|t| !t.is_word() || !ends_ly(t.text));
    if let Some(v) = verb_at.map(|i| &rest[i]).filter(|v| v.is_word()) {
        let low = lower(v.text);
        let prev = verb_at.and_then(|i| i.checked_sub(1)).map(|i| &rest[i]);
        let after_change_verb = prev.is_some_and(|p| is_change_verb(&lower(p.text)));
        if (low == "to" && after_change_verb) || low.starts_with("reach") {
            claim.scope.changed = true;
        } else if is_change_verb(&low) {
            // "reduce its 2,000 troops": the object of a change keeps its key; "cut 1,200
            // jobs", "fell 4%": the amount of a change is no standing figure.
            claim.scope.changed = true;
            claim.scope.change_object = determined;
        } else if v.is_participle()
            && !NEUTRAL_VERBS.contains(&low.as_ref())
            && !lexicon::attribution_verbs().contains(low.as_ref())
            && !v.is_capitalised()
        {
            claim.scope.qualifiers.push(Qualifier::Written(v.span));
        }
    }
    if before.iter().any(|t| t.is("now") || t.is("currently"))
        || before.windows(2).any(|p| p[0].is("as") && p[1].is("of"))
    {
        claim.scope.changed = true;
        claim.scope.change_object = false;
    }
}

fn is_change_verb(low: &str) -> bool {
    lexicon::change_stems().iter().any(|s| low.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_time_noun_has_a_borrowed_singular() {
        for n in TIME_NOUNS {
            assert!(matches!(singular(n), Cow::Borrowed(_)), "{n}");
        }
    }

    #[test]
    fn the_short_tail_reads_the_tokens_the_whole_window_reads() {
        let text = "Officials said U.S. forces [3] killed 1,500 IS fighters—about a third of \
                    last year's count—in Syria, while é-flights ran 12 times a day.";
        let w = Window {
            text,
            clause: Span::new(0, text.len()),
            in_heading: false,
        };
        for to in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            for n in [1, 3, 6] {
                let from = to.saturating_sub(n * 16);
                let from = (from..to).find(|&p| text.is_char_boundary(p)).unwrap_or(to);
                assert_eq!(w.before(to, n), w.last_tokens(from, to, n), "{to} {n}");
            }
        }
    }
}
