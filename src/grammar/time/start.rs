//! The words a time expression may begin with: the cheap failure path of [`super::claim_at`].
//!
//! The scanner tries every token start in the few words before an anchor ("said", "the",
//! "of", …), and running every time production there costs far more than the lookup. A
//! start whose first word no production begins with is rejected with one set lookup. The
//! list is the lexicon words plus [`KEYWORDS`]; a test keeps it in step with the words the
//! productions match.

use super::lexicon;
use crate::fnv::{self, FnvSet};
use crate::grammar::lex;
use std::sync::OnceLock;

/// Words outside the lexicons that begin a time production: determiners and hedges ("the
/// first quarter", "about two weeks"), parts ("early", "mid-", "the end of"), relative
/// words ("last", "coming") and stand-alone period words.
pub(super) const KEYWORDS: &[&str] = &[
    "a",
    "about",
    "additional",
    "afternoon",
    "ago",
    "all",
    "almost",
    "always",
    "an",
    "another",
    "approximately",
    "around",
    "at",
    "basis",
    "beginning",
    "circa",
    "close",
    "coming",
    "commencing",
    "couple",
    "current",
    "date",
    "earlier",
    "early",
    "end",
    "ending",
    "evening",
    "exactly",
    "extra",
    "few",
    "fewer",
    "final",
    "first",
    "fiscal",
    "following",
    "from",
    "further",
    "h",
    "half",
    "hence",
    "last",
    "late",
    "later",
    "less",
    "mid",
    "middle",
    "midyear",
    "more",
    "morning",
    "nearly",
    "new",
    "next",
    "night",
    "now",
    "other",
    "others",
    "out",
    "over",
    "past",
    "plus",
    "preceding",
    "previous",
    "prior",
    "q",
    "quarter",
    "remainder",
    "rest",
    "roughly",
    "same",
    "several",
    "start",
    "starting",
    "that",
    "the",
    "this",
    "time",
    "times",
    "today",
    "tomorrow",
    "total",
    "twice",
    "up",
    "upcoming",
    "yesterday",
    "between",
];

/// Every lower-case word a time expression can begin with.
fn start_words() -> &'static FnvSet<&'static str> {
    static WORDS: OnceLock<FnvSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&'static str> = KEYWORDS.to_vec();
        words.extend(super::anchors().into_iter().filter(|w| !opens_nothing(w)));
        words.extend(lex::number_words().iter().map(|(w, _)| *w));
        words.extend(lex::ordinal_words().iter().map(|(w, _)| *w));
        words.extend(lex::fraction_words().iter().map(|(w, _)| *w));
        words.extend(lex::scales().iter().map(|(w, _)| *w));
        // Only the letters before a hyphen or digit are looked up ("twenty-one", "Q3").
        let heads: Vec<&'static str> = words
            .into_iter()
            .map(|w| {
                w.split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or(w)
            })
            .filter(|w| !w.is_empty())
            .collect();
        heads.into_iter().collect()
    })
}

/// A unit word follows an amount, a hedge or a determiner ("two weeks", "the past few
/// days", "next month") and opens no production itself, except "year" in "year-to-date"
/// and "month" in "month of May" (both may drop their "the"). Units that are keywords or
/// number words as well ("quarter", "half", "second") still begin one through those lists.
fn opens_nothing(word: &str) -> bool {
    !matches!(word, "year" | "month")
        && lexicon::time_unit(word).is_ok_and(|(rest, _)| rest.is_empty())
}

/// Whether `input` may begin a time expression: a digit, the apostrophe of "'90s", or a
/// start word of ASCII letters in any case. No production begins with other signs or
/// letters ("$", "(", "é"), which the scanner meets before every amount of money.
pub(super) fn may_begin(input: &str) -> bool {
    let bytes = input.as_bytes();
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if len == 0 {
        return input.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '\'' | '’'));
    }
    // No start word has more than 16 letters (a test checks).
    len <= 16 && fnv::contains_lowercase(start_words(), &bytes[..len])
}

/// First words of hedges and amounts ("about three weeks", "two days later", "a year ago"):
/// they open durations and offsets but never a period or a date, which open with a digit,
/// a determiner or preposition ("the", "this", "from"), a month or weekday, an ordinal
/// ("first", "twenty-first": so not "twenty" or "thirty"), a part word ("mid", "early",
/// "end") or a season. A test keeps the list clear of those.
fn length_words() -> impl Iterator<Item = &'static str> {
    const HEDGES_AND_AMOUNTS: &[&str] = &[
        "a",
        "an",
        "about",
        "approximately",
        "around",
        "roughly",
        "nearly",
        "almost",
        "over",
        "more",
        "less",
        "fewer",
        "at",
        "up",
        "exactly",
        "several",
        "few",
        "couple",
        "another",
        "half",
    ];
    let cardinals = lex::number_words()
        .iter()
        .filter(|(_, v)| !matches!(v, 20 | 30))
        .map(|(w, _)| *w);
    HEDGES_AND_AMOUNTS.iter().copied().chain(cardinals)
}

/// Whether `input` opens with one of the [`length_words`], where no period or date begins. A
/// production's keyword matches only as a whole word, so its letters would have to be the
/// input's leading letters exactly.
pub(super) fn opens_a_length(input: &str) -> bool {
    #[cfg(test)]
    if super::tests::UNGATED.with(std::cell::Cell::get) {
        return false;
    }
    static WORDS: OnceLock<FnvSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| length_words().collect());
    let bytes = input.as_bytes();
    let len = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    len > 0 && fnv::contains_lowercase(words, &bytes[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words the time productions match only around an expression, never first: the
    /// prepositions before it ("since", "in"), the nouns and verbs after a number that make
    /// it a count rather than a year ("2000 troops", "rose"), other units, suffixes.
    const CONTEXT_WORDS: &[&str] = &[
        // Words of a game before "the second half" (period.rs).
        "assists",
        "break",
        "equaliser",
        "equalizer",
        "goal",
        "goals",
        "halftime",
        "hosts",
        "innings",
        "interval",
        "kick",
        "kickoff",
        "match",
        "opener",
        "penalties",
        "penalty",
        "quarterback",
        "rebounds",
        "scored",
        "scoring",
        "striker",
        "substitute",
        "touchdown",
        "touchdowns",
        "visitors",
        "whistle",
        "yards",
        // Before the verb "last" (period.rs).
        "can",
        "cannot",
        "could",
        "did",
        "didn",
        "do",
        "does",
        "doesn",
        "might",
        "must",
        "should",
        "will",
        "won",
        "would",
        "wouldn",
        "across",
        "age",
        "aged",
        "ages",
        "dated",
        "high",
        "highs",
        "low",
        "lows",
        "after",
        "afterward",
        "afterwards",
        "analysis",
        "and",
        "as",
        "before",
        "besides",
        "by",
        "cattle",
        "centuries",
        "children",
        "climbed",
        "crisis",
        "cut",
        "declined",
        "decreased",
        "degrees",
        "down",
        "dropped",
        "during",
        "each",
        "elections",
        "every",
        "f",
        "feet",
        "fell",
        "fish",
        "ft",
        "gained",
        "grew",
        "handful",
        "has",
        "her",
        "his",
        "in",
        "increased",
        "is",
        "its",
        "jumped",
        "kg",
        "km",
        "kurdish",
        "lb",
        "lost",
        "m",
        "men",
        "mi",
        "nevertheless",
        "news",
        "nd",
        "of",
        "old",
        "on",
        "once",
        "or",
        "people",
        "per",
        "percent",
        "perhaps",
        "personnel",
        "police",
        "raised",
        "rd",
        "reduced",
        "rose",
        "s",
        "series",
        "sheep",
        "shrank",
        "since",
        "slipped",
        "ss",
        "st",
        "staff",
        "status",
        "temperature",
        "temperatures",
        "th",
        "their",
        "through",
        "throughout",
        "thru",
        "thus",
        "till",
        "to",
        "tonnes",
        "tons",
        "towards",
        "troops",
        "u",
        "unless",
        "until",
        "us",
        "v",
        "was",
        "whereas",
        "women",
        "yes",
    ];

    const SOURCES: &[&str] = &[
        include_str!("date.rs"),
        include_str!("duration.rs"),
        include_str!("lexicon.rs"),
        include_str!("mod.rs"),
        include_str!("part.rs"),
        include_str!("period.rs"),
        include_str!("relative.rs"),
        include_str!("year.rs"),
    ];

    /// The first word of every string literal in the productions (tests excluded).
    fn literal_words() -> Vec<String> {
        literal_words_of(SOURCES)
    }

    /// The first word of every string literal in `sources` (tests excluded).
    fn literal_words_of(sources: &[&str]) -> Vec<String> {
        let mut words = Vec::new();
        for source in sources {
            let code = source.split("#[cfg(test)]").next().unwrap_or("");
            // A quote as a char literal would throw the pairing of quotes off.
            let code = code.replace("'\"'", "");
            for (i, literal) in code.split('"').enumerate() {
                let word: String = literal
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                // Odd pieces lie between quotes; comments' quoted examples are included too,
                // which only makes the check stricter.
                if i % 2 == 1 && !word.is_empty() {
                    words.push(word);
                }
            }
        }
        words.sort();
        words.dedup();
        words
    }

    #[test]
    fn every_word_the_productions_match_is_a_start_or_context_word() {
        let unknown: Vec<String> = literal_words()
            .into_iter()
            .filter(|w| !may_begin(w) && !opens_nothing(w) && !CONTEXT_WORDS.contains(&w.as_str()))
            .collect();
        assert!(
            unknown.is_empty(),
            "add to KEYWORDS (may begin a time expression) or CONTEXT_WORDS: {unknown:?}"
        );
    }

    /// No length word is a month, weekday or ordinal day, nor a word the period and date
    /// productions match other than before or after an expression.
    #[test]
    fn length_words_open_no_period_or_date() {
        let context_only = ["around", "over", "more", "less", "up", "half", "nineteen"];
        let dated = [
            include_str!("date.rs"),
            include_str!("part.rs"),
            include_str!("period.rs"),
            include_str!("year.rs"),
        ];
        let matched = literal_words_of(&dated);
        for w in length_words() {
            let lexical = lex::month_of_word(w).or(lex::weekday_of_word(w));
            assert!(lexical.is_none(), "{w}");
            assert!(lexicon::ordinal_day_word(w).is_err(), "{w}");
            let known = context_only.contains(&w);
            assert!(
                !matched.contains(&w.to_string()) || known,
                "{w} opens a period?"
            );
            assert!(opens_a_length(&format!("{w} days")), "{w}");
        }
        assert!(!opens_a_length("twenty-first of May"));
        assert!(!opens_a_length("aboutface"));
    }

    /// Whatever follows a unit word that is no start, no production parses from it.
    #[test]
    fn unit_words_open_no_production() {
        let units: Vec<&str> = lexicon::all_forms()
            .into_iter()
            .filter(|w| !may_begin(w))
            .collect();
        assert!(
            units.contains(&"weeks") && units.contains(&"hrs"),
            "{units:?}"
        );
        assert!(may_begin("year-to-date") && may_begin("month of May"));
        assert!(may_begin("second quarter"));
        let rests = [
            " ago",
            " later",
            " earlier",
            " of 2024",
            " of January",
            " of Jan",
            "-to-date",
            " to date",
            " 5",
            " after next",
            " of the year",
            " 2024",
            "-long",
        ];
        for unit in units {
            for rest in rests {
                for text in [
                    format!("{unit}{rest}"),
                    format!("{}{rest}", unit.to_uppercase()),
                ] {
                    for before in ["", "the ", "for ", "in "] {
                        let parsed = super::super::longest_production(&text, before);
                        assert!(parsed.is_none(), "{before}{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn start_words_have_at_most_16_letters() {
        assert!(start_words().iter().all(|w| w.len() <= 16));
    }

    #[test]
    fn context_words_never_begin_one() {
        for w in CONTEXT_WORDS {
            assert!(!KEYWORDS.contains(w), "{w} is in both lists");
        }
        assert!(!may_begin("since 2019"));
        assert!(!may_begin("said on"));
    }

    #[test]
    fn starts_in_any_case_and_with_hyphens_or_digits() {
        for input in [
            "December 2",
            "the first quarter",
            "Mid-2025",
            "Q3 2024",
            "2024",
            "'90s",
            "’90s",
            "twenty-one days",
            "LAST WEEK",
            "a fortnight",
        ] {
            assert!(may_begin(input), "{input}");
        }
        assert!(!may_begin("Officials"));
        assert!(!may_begin("supercalifragilisticexpialidocious"));
        for sign in ["$5", "(2024)", "½ an hour", "-3 days", "éclair"] {
            assert!(!may_begin(sign), "{sign}");
        }
    }

    /// Over every text of the test fixtures, no token start the filter rejects would have
    /// parsed: the filter changes the cost of the scan, never its result.
    #[test]
    fn rejected_starts_never_parse_in_the_fixtures() {
        let mut checked = 0;
        for (path, text) in crate::fixture_texts::all() {
            for at in crate::fixture_texts::token_starts(&text) {
                let (before, input) = text.split_at(at);
                if may_begin(input) {
                    continue;
                }
                checked += 1;
                let parsed = super::super::longest_production(input, before);
                assert!(
                    parsed.is_none(),
                    "{}: {:?} parses as time but is filtered",
                    path.display(),
                    &input[..input.len().min(40)]
                );
            }
        }
        assert!(checked > 5_000, "only {checked} starts checked");
    }
}
