//! Time expressions through the whole extractor: kinds, values and resolution.

use numcheck::extract::extract;
use numcheck::model::{Claim, Kind, Quantity};
use numcheck::source::{Document, Format};

fn claims(text: &str) -> Vec<Claim> {
    extract(&Document::new("t.txt", text.to_string(), Format::Plain))
}

/// (text, kind, value) of every claim; value is the TIMEX form for dates and periods.
fn summary(text: &str) -> Vec<(String, &'static str, String)> {
    claims(text)
        .into_iter()
        .map(|c| {
            let value = match &c.quantity {
                Quantity::Date(d) => d.timex(),
                Quantity::Period { from, to } => format!("{}..{}", from.timex(), to.timex()),
                Quantity::Relative {
                    resolved: Some(d), ..
                } => format!("→{}", d.timex()),
                _ => c.point_value().map(|v| v.to_string()).unwrap_or_default(),
            };
            (c.span.text(text).to_string(), c.kind.as_str(), value)
        })
        .collect()
}

fn has(text: &str, span: &str, kind: &str, value: &str) {
    let all = summary(text);
    assert!(
        all.iter()
            .any(|(s, k, v)| s == span && *k == kind && v == value),
        "{span:?} as {kind} {value} not in {all:?}"
    );
}

#[test]
fn years_and_counts() {
    let text = "The depot closed in 2019. It kept 2000 lorries and 3000 vans.";
    has(text, "2019", "year", "2019");
    assert!(!summary(text)
        .iter()
        .any(|(s, k, _)| s == "2000" && *k == "year"));
}

#[test]
fn periods_and_durations() {
    let text = "Between 2011 and 2015, and again from March to June of 2024, the fleet \
                spent 13 years at sea; after a decade, the six-month refit began.";
    has(text, "Between 2011 and 2015", "period", "2011..2015");
    has(
        text,
        "from March to June of 2024",
        "period",
        "2024-03..2024-06",
    );
    has(text, "13 years", "duration", "13");
    has(text, "a decade", "duration", "1");
    has(text, "six-month", "duration", "6");
}

#[test]
fn relative_dates_resolve_on_the_nearest_date() {
    let text = "The pilot was detained on November 3. Eleven days later she was freed, \
                two days after her lawyer's appeal.";
    has(text, "November 3", "date", "XXXX-11-03");
    has(text, "Eleven days later", "relative_date", "→XXXX-11-14");
    let after = claims(text)
        .into_iter()
        .find(|c| c.kind == Kind::RelativeDate && c.span.text(text) == "two days after")
        .expect("two days after");
    assert!(matches!(
        after.quantity,
        Quantity::Relative {
            anchored_to_phrase: true,
            resolved: None,
            ..
        }
    ));
}

#[test]
fn example_article() {
    let text = include_str!("fixtures/is-resurgence.txt");
    has(
        text,
        "from January to May of 2025",
        "period",
        "2025-01..2025-05",
    );
    has(text, "13 years", "duration", "13");
    has(text, "between 2014 and 2017", "period", "2014..2017");
    has(text, "December 2", "date", "XXXX-12-02");
    has(text, "eleven days later", "relative_date", "→XXXX-12-13");
    has(text, "three days after", "relative_date", "3");
    has(text, "last year", "period", "1");
    assert!(!summary(text)
        .iter()
        .any(|(s, k, _)| s.starts_with("2000") && *k == "year"));
}

mod never_panics {
    use numcheck::check::{check_document, Settings};
    use numcheck::source::{Document, Format};
    use proptest::prelude::*;

    /// Pieces of time expressions and awkward characters, glued at random.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Dec.", "December", "May", "2", "31", "2024", "2014", "–", "-", "—", "/", ".", ",",
            " ", "\n\n", "to", "from", "between", "and", "later", "after", "days", "a", "the",
            "next", "Friday", "Q", "Q3", "mid-", "year", "ago", "half", "é", "½", "’s", "'s",
            "eleven", "twenty-", "first", "quarter", "of", "1995-01", "29", "Feb",
        ])
    }

    proptest! {
        #[test]
        fn spans_stay_on_char_boundaries(pieces in prop::collection::vec(piece(), 0..24)) {
            let text: String = pieces.concat();
            let doc = Document::new("p.txt", text.clone(), Format::Plain);
            let settings = Settings { reference_date: "2025-07-10".parse().ok(), ..Settings::default() };
            let (claims, findings) = check_document(&doc, &settings);
            for c in &claims {
                prop_assert!(text.get(c.span.start..c.span.end).is_some());
            }
            for f in &findings {
                prop_assert!(text.get(f.primary.start..f.primary.end).is_some());
            }
        }
    }
}

#[test]
fn example_article_offset_with_and_without_a_reference_date() {
    use numcheck::check::{check_document, Settings};
    let text = include_str!("fixtures/is-resurgence.txt");
    let doc = Document::new("a.txt", text.to_string(), Format::Plain);
    let messages = |settings: &Settings| -> Vec<String> {
        let (_, findings) = check_document(&doc, settings);
        findings
            .into_iter()
            .filter(|f| f.rule.starts_with("DATE-"))
            .map(|f| f.message)
            .collect()
    };
    assert_eq!(
        messages(&Settings::default()),
        ["December 2 + 11 days is December 13 (year not stated): implied date"]
    );
    let mid_2025 = Settings {
        reference_date: "2025-07-10".parse().ok(),
        ..Settings::default()
    };
    assert_eq!(
        messages(&mid_2025),
        ["December 2, 2024 + 11 days is December 13, 2024: implied date"]
    );
}

#[test]
fn every_time_production_has_a_parser() {
    let ebnf = include_str!("../grammar/claims.ebnf");
    let section = ebnf
        .split("(* ===== time ===== *)")
        .nth(1)
        .expect("time section");
    let sources = [
        include_str!("../src/grammar/time/mod.rs"),
        include_str!("../src/grammar/time/lexicon.rs"),
        include_str!("../src/grammar/time/year.rs"),
        include_str!("../src/grammar/time/date.rs"),
        include_str!("../src/grammar/time/period.rs"),
        include_str!("../src/grammar/time/part.rs"),
        include_str!("../src/grammar/time/duration.rs"),
        include_str!("../src/grammar/time/relative.rs"),
    ]
    .concat();
    for line in section.lines() {
        let Some((name, _)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            continue;
        }
        assert!(
            sources.contains(&format!("fn {name}(")) || sources.contains(&format!("fn {name}<")),
            "production {name} has no parser function"
        );
    }
}

fn none_as(text: &str, span: &str) {
    let all = summary(text);
    assert!(
        !all.iter().any(|(s, _, _)| s == span),
        "{span:?} should not be a claim: {all:?}"
    );
}

#[test]
fn seasons_weekends_and_decades() {
    let text = "The ferry ran last summer and through the spring of 2023; repairs finish \
                over the weekend. Fares were lower in the 1980s, in the '60s and in the fifties.";
    has(text, "last summer", "period", "XXXX-06..XXXX-08");
    has(text, "the spring of 2023", "period", "2023-03..2023-05");
    has(text, "the 1980s", "period", "1980..1989");
    has(text, "the '60s", "period", "1960..1969");
    has(text, "the fifties", "period", "1950..1959");
    assert!(summary(text)
        .iter()
        .any(|(s, k, _)| s == "the weekend" && *k == "period"));
    none_as("Daytime highs reached the 80s on the coast.", "the 80s");
    none_as("After the fall of the old regime, shares rose.", "the fall");
}

#[test]
fn parts_of_periods() {
    let text = "Output dipped in mid-April, recovered in early 2022 and slowed late last \
                year; the first half of 2021 and the rest of the year look flat, and by the \
                end of next month the depot reopens. Orders rose earlier this year.";
    has(text, "mid-April", "period", "XXXX-04..XXXX-04");
    has(text, "early 2022", "period", "2022-01..2022-04");
    has(text, "the first half of 2021", "period", "2021-01..2021-06");
    for span in [
        "late last year",
        "the rest of the year",
        "the end of next month",
        "earlier this year",
    ] {
        assert!(
            summary(text)
                .iter()
                .any(|(s, k, _)| s == span && *k == "period"),
            "{span}"
        );
    }
    none_as("Later March parades were cancelled.", "Later March");
}

#[test]
fn spans_ending_now_or_today() {
    let text = "Rents have climbed from 2018 to today, and between now and July 4 the \
                council will vote. The mayor is now to be replaced.";
    has(text, "from 2018 to today", "period", "2018..XXXX");
    has(text, "between now and July 4", "period", "XXXX..XXXX-07-04");
    none_as(text, "now to be");
}

#[test]
fn weekday_references() {
    let text = "The panel met on Wednesday, again last Thursday, and meets Monday of next \
                week and the second Tuesday of October, after the day before yesterday.";
    has(text, "Wednesday", "date", "XXXX-WXX-3");
    has(text, "last Thursday", "date", "XXXX-WXX-4");
    has(text, "Monday of next week", "date", "XXXX-WXX-1");
    has(text, "the second Tuesday of October", "date", "XXXX-10");
    assert!(summary(text)
        .iter()
        .any(|(s, k, _)| s == "the day before yesterday" && *k == "relative_date"));
}

#[test]
fn numeric_dates_only_when_unambiguous() {
    let text = "The ruling came on 3/27 and the appeal by 14/05; support runs 24/7 and \
                odds stood at 11/4. The plan dates from 9/2019 and from 2020/6.";
    has(text, "3/27", "date", "XXXX-03-27");
    has(text, "14/05", "date", "XXXX-05-14");
    has(text, "9/2019", "date", "2019-09");
    has(text, "2020/6", "date", "2020-06");
    none_as(text, "24/7");
    none_as(text, "11/4");
    none_as("Traders met on 6/5 to settle.", "6/5");
}

#[test]
fn compound_durations() {
    let text = "The strike lasted 2 years 3 months; the flight took two and a half hours, \
                the taxi a minute and a half, and the crossing two days, 6 hours.";
    has(text, "2 years 3 months", "duration", "27");
    has(text, "two and a half hours", "duration", "2.5");
    has(text, "two days, 6 hours", "duration", "54");
    has(text, "a minute and a half", "duration", "1.5");
    none_as("It lasted a month and 3 days.", "a month and 3 days");
}

#[test]
fn vague_recent_periods_and_weeks_of_a_date() {
    let text = "Over the past few weeks the plant idled; it restarts the week of March 9 \
                and will run for three weeks from tomorrow.";
    let all = summary(text);
    assert!(
        all.iter()
            .any(|(s, k, _)| s == "the past few weeks" && *k == "period"),
        "{all:?}"
    );
    has(text, "the week of March 9", "period", "XXXX-03-09..XXXX-03");
    assert!(all
        .iter()
        .any(|(s, k, _)| s == "three weeks from tomorrow" && *k == "relative_date"));
}
