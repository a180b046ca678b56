//! NUM-AGE-YEAR with its sub-check AGE-AT-EVENT (`rules.md` #9).
//!
//! The grammar reads "52" in "the 52-year-old" or ", 63," as a plain number; the words around
//! it make it an age, so the rule recognises ages itself rather than adding a claim kind.

use crate::analysis::timeline::{
    by_sentence, clause_text, computed_range, related, same_clause, sentence_around, speaks_of_now,
    words_before, year_of,
};
use crate::analysis::Context;
use crate::declare_rule;
use crate::finding::{Finding, Role, Severity, Verdict};
use crate::model::{Claim, Kind, Quantity};
use crate::rules::RuleCheck;
use crate::semantics::{severity, Binding, Facts};
use crate::text::contains_ignoring_ascii_case;
use crate::text::normalize;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

declare_rule! {
    /// ## What it checks
    /// A person's age against their birth year and the year of the event ("Brannock, born in
    /// 1978, is the 52-year-old coach"): the age must be Y_event − Y_birth or one less. The
    /// sub-check AGE-AT-EVENT takes an age at death with its year ("died in 2011 at the age of
    /// 88") and an earlier milestone in the same sentence ("qualified in 1929") and flags a
    /// milestone reached implausibly young.
    ///
    /// ## Why it matters
    /// Ages and birth years are copied from different sources and drift apart between
    /// editions; the arithmetic is exact, so a mismatch is a real error.
    ///
    /// ## Example
    /// "Brannock, born in 1978, is the 52-year-old coach." (reference date in 2025) → error:
    /// 46 or 47.
    /// "Halvorsen, who was born in 1961, retired on Friday at 63." (2025-02-14) → no finding.
    ///
    /// ## Known limits
    /// Ages are read from "N-year-old", "Name, N,", "the mayor, N," (a noun for one
    /// person), "Name (N)", "Name, aged N", "Name is N", "Name, who was born …, is N", "has
    /// died aged N", "aged N", "at N", "at the age of N" and "her Nth birthday". Birth is
    /// "born …" or "date of birth … as".
    /// A full birth date ("born on 2 February 1983") decides between the two ages a year
    /// allows, on the reference date or up to a month before it. Age and birth year share a
    /// sentence with exactly one age in it, or the birth follows in the next sentence with a
    /// pronoun ("… Nowak, aged 61. Records show he was born in 1971.") when the first names
    /// no relative and no pronoun of the other gender. A current age ("52-year-old", "Name,
    /// 52,") is compared with the reference date's year; when other years stand in the
    /// sentence it is flagged only if none of them fits it either. An age at an event
    /// ("retired at 63") needs that event's year in its clause or a word dating it to the
    /// article's days ("on Friday"). Without a reference date only ages whose event year is
    /// written are checked. "was 52 when …" (an earlier age) is never read as an age.
    pub struct AgeYear = ("NUM-AGE-YEAR", "age vs birth year vs event date");
}

/// How an age relates to time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AgeForm {
    /// "the 52-year-old coach", "Halvorsen, 63,": the age now.
    Now,
    /// "retired at 63", "died aged 88", "at the age of 88": the age at the clause's event.
    AtEvent,
}

/// The oldest age read as such; larger numbers after "at" are something else.
const MAX_AGE: i64 = 125;

/// Milestones with the youngest plausible age for them (rules.md #9).
const MILESTONES: &[(&str, i64)] = &[
    ("qualified", 14),
    ("graduated", 14),
    ("degree", 14),
    ("diploma", 14),
    ("enlisted", 15),
    ("elected", 18),
];

fn whole_number(claim: &Claim) -> Option<i64> {
    let Quantity::Point(n) = &claim.quantity else {
        return None;
    };
    if n.decimals != 0 || n.scale != Decimal::ONE || claim.unit.is_some() {
        return None;
    }
    n.value.to_i64().filter(|v| (1..=MAX_AGE).contains(v))
}

/// The age a number states, read from the words around it.
fn age_of(ctx: &Context, claim: &Claim) -> Option<(i64, AgeForm)> {
    if claim.hedge != Default::default() {
        return None;
    }
    let (before, after) = sentence_around(ctx, claim);
    if claim.kind == Kind::Ordinal {
        // "celebrated her 100th birthday": the age at that day.
        let Quantity::Point(n) = &claim.quantity else {
            return None;
        };
        let age = n.value.to_i64().filter(|v| (1..=MAX_AGE).contains(v))?;
        return opens_with(after, " birthday").then_some((age, AgeForm::AtEvent));
    }
    if !matches!(claim.kind, Kind::Number | Kind::Count) {
        return None;
    }
    let age = whole_number(claim)?;
    if [
        "-year-old",
        " year-old",
        " years old",
        "-years-old",
        " year old",
    ]
    .iter()
    .any(|s| opens_with(after, s))
    {
        return Some((age, AgeForm::Now));
    }
    let previous = words_before(ctx, claim, 4);
    let prev = |i: usize| previous.get(i).map(String::as_str);
    if prev(0) == Some("aged")
        && (named_before(before, "aged")
            || prev(1) == Some("died") && matches!(prev(2), Some("has" | "have")))
    {
        // "Nowak, aged 61," is "Nowak, 61,"; "who has died aged 88" speaks of these days.
        return Some((age, AgeForm::Now));
    }
    if prev(0) == Some("is")
        && (ends_an_age(after) || opens_with(after, " and "))
        && (named_before(before, "is") || relative_then_is(before))
    {
        // "Born in 2001, Fischer is 23 and …", "Smith, who was born in 1980, is 45".
        return Some((age, AgeForm::Now));
    }
    if before.ends_with('(') && after.starts_with(')') && named_before(before, "(") {
        // "Daniel Price (26), …".
        return Some((age, AgeForm::Now));
    }
    if prev(0) == Some("aged")
        || (prev(0) == Some("age") && prev(1) == Some("at"))
        || (prev(0) == Some("of") && prev(1) == Some("age") && prev(2) == Some("the"))
    {
        return Some((age, AgeForm::AtEvent));
    }
    if prev(0) == Some("at") && ends_an_age(after) {
        return Some((age, AgeForm::AtEvent));
    }
    apposition(before, after).then_some((age, AgeForm::Now))
}

/// Whether a capitalised name (or "he"/"she") stands right before `marker` at the end of
/// `before`: "Nowak, aged", "Fischer is", "Price (".
fn named_before(before: &str, marker: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(marker) else {
        return false;
    };
    let trimmed = head.trim_end();
    let head = trimmed.trim_end_matches(',');
    let name = head.split_whitespace().next_back().unwrap_or("");
    // A capital opening the sentence is no name unless set off by a comma: "It is 31".
    let set_off = head.len() < trimmed.len() || head.split_whitespace().count() > 1;
    is_person(name, set_off)
}

/// A pronoun, a noun for one person, or a capitalised name (a capital opening the sentence
/// only when set off by a comma).
fn is_person(name: &str, set_off: bool) -> bool {
    matches!(name, "he" | "she" | "He" | "She")
        || PERSON_NOUNS.contains(&name)
        || name.len() > 1
            && name.starts_with(char::is_uppercase)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
            && set_off
}

/// "Smith, who was born in 1980, is": a name (or a noun for one person) set off by a
/// relative or "born" clause that ends right before "is".
fn relative_then_is(before: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix("is") else {
        return false;
    };
    let Some(head) = head.trim_end().strip_suffix(',') else {
        return false;
    };
    let Some((subject, clause)) = head.split_once(", ") else {
        return false;
    };
    (clause.starts_with("who ") || clause.starts_with("born "))
        && !clause.contains(',')
        && is_person(subject.split_whitespace().next_back().unwrap_or(""), true)
}

/// "retired at 63." / "at 63, she …" / "died at 88 in 2011": nothing counted after the number.
fn ends_an_age(after: &str) -> bool {
    after.is_empty()
        || after.starts_with(['.', ',', ';', ')'])
        || [" in ", " on ", " after "]
            .iter()
            .any(|s| opens_with(after, s))
}

/// Whether `text` lower-cased opens with `pattern` (lower-case ASCII, no "k", not ending in
/// "i"), read without lower-casing the rest of the sentence: then only ASCII letters
/// lower-case onto the pattern ("İ" gives "i" and a combining dot, the Kelvin sign "k").
fn opens_with(text: &str, pattern: &str) -> bool {
    text.as_bytes()
        .get(..pattern.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(pattern.as_bytes()))
}

/// "Halvorsen, 63, retired": a number between commas right after a capitalised name.
fn apposition(before: &str, after: &str) -> bool {
    let Some(head) = before.strip_suffix(", ") else {
        return false;
    };
    let name = head.split_whitespace().next_back().unwrap_or("");
    after.starts_with(',')
        && (name.starts_with(char::is_uppercase) && name.len() > 1
            || PERSON_NOUNS.contains(&normalize(name).as_str()))
}

/// Nouns that name one person, so that "the mayor, 52," is an age like "Keller, 52,".
const PERSON_NOUNS: &[&str] = &[
    "mayor",
    "senator",
    "governor",
    "president",
    "minister",
    "chairman",
    "chairwoman",
    "founder",
    "driver",
    "victim",
    "suspect",
    "defendant",
    "teacher",
    "coach",
    "manager",
    "captain",
    "striker",
    "goalkeeper",
    "actor",
    "actress",
    "singer",
    "author",
    "man",
    "woman",
    "boy",
    "girl",
    "pensioner",
    "officer",
    "pilot",
    "nurse",
    "doctor",
    "farmer",
    "owner",
    "landlord",
    "candidate",
    "widow",
    "widower",
];

/// Possessives before "born" that make it someone else's birth ("whose daughter was born").
const OTHER_PERSON: &[&str] = &["whose", "his", "her", "their", "its"];

/// Relatives: another person than the one named ("her father", "whose daughter").
const RELATIVES: &[&str] = &[
    "daughter",
    "son",
    "child",
    "children",
    "baby",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "parents",
    "grandson",
    "granddaughter",
    "grandchild",
    "twins",
    "first",
];

/// A small whole number between commas, name or not: "her father, 71, who …".
fn between_commas(ctx: &Context, claim: &Claim) -> bool {
    let (before, after) = sentence_around(ctx, claim);
    whole_number(claim).is_some() && before.ends_with(", ") && after.starts_with(',')
}

/// A year written as the birth of the sentence's person: "who was born in 1961", ", born
/// March 3, 1961", "(born 1961)", "was born in Oslo in 1961".
fn is_birth_year(ctx: &Context, claim: &Claim) -> bool {
    let (before, _) = sentence_around(ctx, claim);
    // Only ASCII letters lower-case to "born": most sentences are not lower-cased at all.
    let born = contains_ignoring_ascii_case(before, "born");
    if !born && !contains_ignoring_ascii_case(before, "date of birth") {
        return false;
    }
    let lower = before.to_lowercase();
    // "whose date of birth was given as 14 August 1998": the sentence's person's own, unless
    // a relative stands between "whose" and "date".
    let (at, marker, reach, skip) = match (lower.rfind("born"), lower.rfind("date of birth")) {
        (Some(b), d) if d.is_none_or(|d| b > d) => (b, "born", 4, &[][..]),
        (_, Some(d)) => (d, "date of birth", 6, &["whose", "his", "her", "their"][..]),
        _ => return false,
    };
    let between = &lower[at + marker.len()..];
    if between.contains(|c: char| c.is_ascii_digit()) || between.split_whitespace().count() > reach
    {
        return false;
    }
    let whose = lower[..at]
        .split_whitespace()
        .rev()
        .take(5)
        .map(normalize)
        .take_while(|w| !skip.contains(&w.as_str()))
        .any(|w| OTHER_PERSON.contains(&w.as_str()) || RELATIVES.contains(&w.as_str()));
    !whose
}

/// The youngest plausible age for the milestone a year is written with ("qualified in 1929").
fn milestone(ctx: &Context, claim: &Claim) -> Option<(&'static str, i64)> {
    let words = words_before(ctx, claim, 4);
    MILESTONES
        .iter()
        .find(|(w, _)| words.iter().any(|x| x == w))
        .copied()
}

/// One sentence's facts.
struct Sentence<'a> {
    age: (&'a Claim, i64, AgeForm),
    birth: Option<(&'a Claim, i32)>,
    /// Years that are neither the birth nor a milestone.
    others: Vec<(&'a Claim, i32)>,
    milestones: Vec<(&'a Claim, i32, &'static str, i64)>,
}

fn read_sentence<'a>(ctx: &Context, claims: &[&'a Claim]) -> Option<Sentence<'a>> {
    let mut ages = Vec::new();
    let mut births = Vec::new();
    let mut others = Vec::new();
    let mut milestones = Vec::new();
    // Other numbers set off like ages ("her father, 71,"): more people in the sentence.
    let mut people = 0;
    for &claim in claims {
        if let Some(year) = year_of(claim) {
            if is_birth_year(ctx, claim) {
                births.push((claim, year));
            } else if let Some((word, min)) = milestone(ctx, claim) {
                milestones.push((claim, year, word, min));
            } else {
                others.push((claim, year));
            }
        } else if let Some((age, form)) = age_of(ctx, claim) {
            ages.push((claim, age, form));
        } else if between_commas(ctx, claim) {
            people += 1;
        }
    }
    // Several people in one sentence: which age goes with which year is guesswork.
    let [age] = ages[..] else {
        return None;
    };
    if people > 0 {
        return None;
    }
    if births.len() > 1 {
        return None;
    }
    Some(Sentence {
        age,
        birth: births.first().copied(),
        others,
        milestones,
    })
}

/// The event year an age is measured at, with the claim that states it (none for the
/// reference date).
fn event_year<'a>(ctx: &Context, s: &Sentence<'a>) -> Option<(i32, Option<&'a Claim>)> {
    let (age_claim, _, form) = s.age;
    let reference = ctx.settings.reference_date.map(|d| i32::from(d.year()));
    match form {
        // With other years standing, a current age is still checked against the reference
        // date, but only flagged when no year of the sentence fits it (check_birth).
        AgeForm::Now => (s.others.is_empty() || s.birth.is_some())
            .then_some(reference?)
            .map(|y| (y, None)),
        AgeForm::AtEvent => {
            let in_clause: Vec<_> = s
                .others
                .iter()
                .filter(|(c, _)| same_clause(ctx, c, age_claim))
                .collect();
            match in_clause[..] {
                [(claim, year)] if s.others.len() == 1 => Some((*year, Some(*claim))),
                [] if s.others.is_empty() && speaks_of_now(clause_text(ctx, age_claim)) => {
                    reference.map(|y| (y, None))
                }
                _ => None,
            }
        }
    }
}

fn finding(
    severity: Severity,
    verdict: Verdict,
    message: String,
    age: &Claim,
    related: Vec<crate::finding::Related>,
    (low, high, value): (i64, i64, i64),
) -> Finding {
    Finding {
        rule: AgeYear::ID,
        severity,
        verdict,
        message,
        primary: age.span,
        related,
        computed: Some(computed_range(low, high, value)),
    }
}

/// Age vs birth year at the event year.
fn check_birth(
    ctx: &Context,
    s: &Sentence,
    (event, event_claim): (i32, Option<&Claim>),
    out: &mut Vec<Finding>,
) {
    let (age_claim, age, _) = s.age;
    let Some((birth_claim, birth)) = s.birth else {
        return;
    };
    let span = i64::from(event) - i64::from(birth);
    let fits_year = |y: i32| {
        let span = i64::from(y) - i64::from(birth);
        age == span || age == span - 1
    };
    let other_years = s.others.iter().map(|(_, y)| *y);
    let milestone_years = s.milestones.iter().map(|(_, y, _, _)| *y);
    if event_claim.is_none() && other_years.chain(milestone_years).any(fits_year) {
        // "Ruiz, 38, … joined in 2015" may give her age then: no verdict either way.
        return;
    }
    let exact = event_claim
        .is_none()
        .then(|| exact_ages(ctx, birth_claim))
        .flatten();
    let (low, high) = exact.unwrap_or((span - 1, span));
    let fits = (low..=high).contains(&age);
    let verdict = if fits {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent
    };
    let binding = if same_clause(ctx, age_claim, birth_claim) {
        Binding::OneClause
    } else {
        Binding::CrossClause
    };
    let facts = Facts {
        default: Severity::Error,
        binding,
        hedged: false,
        up_to_violation: false,
        different_sources: false,
        decision_flip: false,
        checked_is_estimate: false,
    };
    let severity = match severity(verdict, &facts) {
        Some(s) => s,
        None if ctx.settings.show_consistent => Severity::Note,
        None => return,
    };
    let event_label = if event_claim.is_some() {
        "event year"
    } else {
        "reference date"
    };
    let message = match exact {
        Some((low, high)) => format!(
            "born on {}, at the reference date {}: the age is {}; the text says {}: {}",
            ctx.text(birth_claim.span),
            ctx.settings.reference_date.map(|d| d.to_string()).unwrap_or_default(),
            if low == high { low.to_string() } else { format!("{low}–{high}") },
            ctx.text(age_claim.span),
            crate::semantics::format::verdict_words(verdict),
        ),
        None => format!(
            "born in {birth}, at the {event_label} {event}: {event} − {birth} is {span}, so the age is {}–{span}; the text says {}: {}",
            span - 1,
            ctx.text(age_claim.span),
            crate::semantics::format::verdict_words(verdict),
        ),
    };
    let mut rel = vec![related(birth_claim, Role::Birth)];
    rel.extend(event_claim.map(|c| related(c, Role::Event)));
    out.push(finding(
        severity,
        verdict,
        message,
        age_claim,
        rel,
        (low, high, high),
    ));
}

/// Ages on the reference date and a month before it (an event of the article's days), for a full birth date ("born on 2
/// February 1983"): the birthday decides between the two ages a year allows.
fn exact_ages(ctx: &Context, birth: &Claim) -> Option<(i64, i64)> {
    let Quantity::Date(d) = birth.quantity else {
        return None;
    };
    let born = crate::extract::resolve::civil(d)?;
    let r = ctx.settings.reference_date?;
    let age_on = |day: jiff::civil::Date| -> Option<i64> {
        let years = i64::from(day.year()) - i64::from(born.year());
        let before_birthday = (day.month(), day.day()) < (born.month(), born.day());
        Some(years - i64::from(before_birthday))
    };
    let month_before = r.checked_sub(jiff::ToSpan::days(30)).ok()?;
    Some((age_on(month_before)?, age_on(r)?))
}

/// AGE-AT-EVENT: a milestone year against the birth years an age at a dated event allows.
fn check_milestones(s: &Sentence, (event, event_claim): (i32, &Claim), out: &mut Vec<Finding>) {
    let (age_claim, age, _) = s.age;
    let (born_low, born_high) = match s.birth {
        Some((_, b)) => (i64::from(b), i64::from(b)),
        None => (i64::from(event) - age - 1, i64::from(event) - age),
    };
    for &(claim, year, word, min) in &s.milestones {
        if year >= event {
            continue;
        }
        let (low, high) = (i64::from(year) - born_high, i64::from(year) - born_low);
        if high >= min {
            continue;
        }
        let message = format!(
            "AGE-AT-EVENT: {age} in {event} puts the birth in {born_low}–{born_high}, so {word} in {year} at {}; below the plausible minimum of {min}: inconsistent",
            if low == high { low.to_string() } else { format!("{low}–{high}") },
        );
        out.push(finding(
            Severity::Warning,
            Verdict::Inconsistent,
            message,
            age_claim,
            vec![
                related(event_claim, Role::Event),
                related(claim, Role::Event),
            ],
            (low, high, high),
        ));
    }
}

/// A sentence whose one birth year is a pronoun's ("she was born in 1927") and that states
/// no age of its own: the previous sentence's person, when that sentence names no relative
/// and no pronoun of the other gender ("met her husband … He was born").
fn pronoun_birth(ctx: &Context, first: &[&Claim], claims: &[&Claim]) -> bool {
    let births: Vec<_> = claims
        .iter()
        .filter(|c| year_of(c).is_some() && is_birth_year(ctx, c))
        .collect();
    let [birth] = births[..] else {
        return false;
    };
    let words = words_before(ctx, birth, 8);
    let until_born = words.iter().position(|w| w == "born").map_or(0, |p| p + 1);
    let Some(pronoun) = words
        .iter()
        .skip(until_born)
        .take(3)
        .find(|w| matches!(w.as_str(), "he" | "she"))
    else {
        return false;
    };
    let other_gender: &[&str] = if pronoun == "he" {
        &["she", "her", "hers", "herself"]
    } else {
        &["he", "him", "his", "himself"]
    };
    let Some(first_claim) = first.first() else {
        return false;
    };
    let Some((_, sentence)) = ctx.segments.sentence_of(first_claim.span.start) else {
        return false;
    };
    let text = ctx.doc.text.get(sentence.start..sentence.end).unwrap_or("");
    let clean = text
        .split_whitespace()
        .map(normalize)
        .all(|w| !other_gender.contains(&w.as_str()) && !RELATIVES.contains(&w.as_str()));
    clean && claims.iter().all(|c| age_of(ctx, c).is_none())
}

impl RuleCheck for AgeYear {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let sentences = by_sentence(ctx);
        for (i, claims) in sentences.iter().enumerate() {
            let Some(mut sentence) = read_sentence(ctx, claims) else {
                continue;
            };
            if sentence.birth.is_none() {
                // "… Nowak, aged 61. Records show he was born in March 1971."
                let next = sentences
                    .get(i + 1)
                    .filter(|n| pronoun_birth(ctx, claims, n));
                if let Some(next) = next {
                    let joined: Vec<&Claim> = claims.iter().chain(next.iter()).copied().collect();
                    if let Some(s) = read_sentence(ctx, &joined).filter(|s| s.birth.is_some()) {
                        sentence = s;
                    }
                }
            }
            let Some(event) = event_year(ctx, &sentence) else {
                continue;
            };
            check_birth(ctx, &sentence, event, out);
            if let (AgeForm::AtEvent, Some(event_claim)) = (sentence.age.2, event.1) {
                check_milestones(&sentence, (event.0, event_claim), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::findings_of;

    fn findings(text: &str, date: Option<&str>) -> Vec<(Severity, Verdict)> {
        findings_of("NUM-AGE-YEAR", text, date)
            .into_iter()
            .map(|f| (f.severity, f.verdict))
            .collect()
    }

    #[test]
    fn age_against_birth_year_and_reference_date() {
        let text = "Brannock, born in 1978, is the 52-year-old coach.";
        assert_eq!(
            findings(text, Some("2025-03-01")),
            [(Severity::Error, Verdict::Inconsistent)]
        );
        assert!(findings(text, None).is_empty());
        let text = "Halvorsen, who was born in 1961, retired on Friday at 63.";
        assert_eq!(
            findings(text, Some("2025-02-14")),
            [(Severity::Note, Verdict::Consistent)]
        );
    }

    #[test]
    fn ages_of_other_people_and_earlier_ages_are_not_bound() {
        let date = Some("2025-03-01");
        let text = "Aalto, 44, and her father, 71, who was born in 1953, farm together.";
        assert!(findings(text, date).is_empty());
        let text = "Ruiz, 45, whose daughter was born in 2010, spoke on Monday.";
        assert!(findings(text, date).is_empty());
        let text = "Olsen, born in 1950, was 52 when she opened the bakery.";
        assert!(findings(text, date).is_empty());
        // An age at an undated past event says nothing about today.
        let text = "Dahl, who was born in 1940, retired at 60.";
        assert!(findings(text, date).is_empty());
    }

    #[test]
    fn a_milestone_too_young_for_the_age_at_death() {
        let text = "Moreau, a teacher who qualified in 1931, died in 2012 at the age of 89.";
        assert_eq!(
            findings(text, None),
            [(Severity::Warning, Verdict::Inconsistent)]
        );
        let text = "Moreau, a teacher who qualified in 1945, died in 2012 at the age of 89.";
        assert!(findings(text, None).is_empty());
    }

    #[test]
    fn an_age_at_an_event_ends_before_anything_counted() {
        assert!(ends_an_age(". She"));
        assert!(ends_an_age(", the club said"));
        assert!(ends_an_age(" in 2011."));
        assert!(ends_an_age(""));
        assert!(!ends_an_age(" Main Street"));
        assert!(!ends_an_age(" degrees"));
        assert!(!ends_an_age("-year mark"));
    }

    #[test]
    fn apposition_needs_a_name_and_two_commas() {
        assert!(apposition("Halvorsen, ", ", retired on Friday."));
        assert!(!apposition("the club, ", ", retired on Friday."));
        assert!(!apposition("Halvorsen, ", " retired on Friday."));
        assert!(!apposition("Halvorsen ", ", retired."));
    }
}
