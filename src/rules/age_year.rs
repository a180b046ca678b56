//! NUM-AGE-YEAR with its sub-check AGE-AT-EVENT (`rules.md` #9).
//!
//! The grammar reads "52" in "the 52-year-old" or ", 63," as a plain number; the words around
//! it make it an age, so the rule recognises ages itself rather than adding a claim kind.

use super::timeline::{
    by_sentence, clause_text, computed_range, normalize, related, same_clause, sentence_around,
    speaks_of_now, words_before, year_of,
};
use crate::check::Context;
use crate::declare_rule;
use crate::model::{Claim, Kind, Quantity};
use crate::report::{Finding, Severity, Verdict};
use crate::rules::lowercase::contains_ignoring_ascii_case;
use crate::rules::RuleCheck;
use crate::semantics::{severity, Binding, Facts};
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
    /// Ages are read from "N-year-old", "Name, N,", "aged N", "at N" and "at the age of N".
    /// Age and birth year must share a sentence with exactly one age in it. A current age
    /// ("52-year-old", "Name, 52,") is compared with the reference date's year only when no
    /// other year stands in the sentence; an age at an event ("retired at 63") needs that
    /// event's year in its clause or a word dating it to the article's days ("on Friday").
    /// Without a reference date only ages whose event year is written are checked. "was 52
    /// when …" (an earlier age) is never read as an age.
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
    if !matches!(claim.kind, Kind::Number | Kind::Count) || claim.hedge != Default::default() {
        return None;
    }
    let age = whole_number(claim)?;
    let (before, after) = sentence_around(ctx, claim);
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
    after.starts_with(',') && name.starts_with(char::is_uppercase) && name.len() > 1
}

/// Words before "born" that make it someone else's birth ("whose daughter was born").
const OTHER_PERSON: &[&str] = &[
    "whose",
    "his",
    "her",
    "their",
    "its",
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
    if !contains_ignoring_ascii_case(before, "born") {
        return false;
    }
    let lower = before.to_lowercase();
    let Some(at) = lower.rfind("born") else {
        return false;
    };
    let between = &lower[at + "born".len()..];
    if between.contains(|c: char| c.is_ascii_digit()) || between.split_whitespace().count() > 4 {
        return false;
    }
    let whose = lower[..at]
        .split_whitespace()
        .rev()
        .take(5)
        .map(normalize)
        .any(|w| OTHER_PERSON.contains(&w.as_str()));
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
        AgeForm::Now => s.others.is_empty().then_some(reference?).map(|y| (y, None)),
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
    related: Vec<crate::report::Related>,
    (low, high, value): (i64, i64, i64),
) -> Finding {
    Finding {
        rule: "NUM-AGE-YEAR",
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
    let fits = age == span || age == span - 1;
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
    let message = format!(
        "born in {birth}, at the {event_label} {event}: {event} − {birth} is {span}, so the age is {}–{span}; the text says {}: {}",
        span - 1,
        ctx.text(age_claim.span),
        crate::semantics::format::verdict_words(verdict),
    );
    let mut rel = vec![related(birth_claim, "birth")];
    rel.extend(event_claim.map(|c| related(c, "event")));
    out.push(finding(
        severity,
        verdict,
        message,
        age_claim,
        rel,
        (span - 1, span, span),
    ));
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
            vec![related(event_claim, "event"), related(claim, "event")],
            (low, high, high),
        ));
    }
}

impl RuleCheck for AgeYear {
    fn run(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for claims in by_sentence(ctx) {
            let Some(sentence) = read_sentence(ctx, &claims) else {
                continue;
            };
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
