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
