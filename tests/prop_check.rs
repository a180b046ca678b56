//! Properties of the whole check on arbitrary and on article-like text: no panic, sound
//! spans whose text is the input's, intervals that hold their stated values, and verdicts
//! that survive reflowed whitespace and Markdown emphasis around numbers.

use numcheck::check::{check_document, Settings};
use numcheck::model::{Claim, Hedge, Quantity};
use numcheck::report::claim_json::ClaimJson;
use numcheck::semantics::claim_interval;
use numcheck::source::{Document, Format};
use proptest::prelude::*;

const FORMATS: [Format; 3] = [Format::Plain, Format::Markdown, Format::Html];

fn cases() -> u32 {
    // `PROPTEST_CASES=100000 cargo test --release --test prop_check` for a long stress run.
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Every claim's and finding's span is a slice of the input, and the JSON text is that slice.
fn sound(text: &str, format: Format) -> Result<Vec<Claim>, TestCaseError> {
    let doc = Document::new("p", text.to_string(), format);
    let (claims, findings) = check_document(&doc, &Settings::default());
    for c in &claims {
        let slice = text.get(c.span.start..c.span.end);
        prop_assert!(slice.is_some(), "span {:?} off the text", c.span);
        let json = ClaimJson::new(&doc, c);
        prop_assert_eq!(json.text, slice.unwrap_or_default());
        for s in [c.counted, c.of].into_iter().flatten() {
            prop_assert!(text.get(s.start..s.end).is_some(), "attached span {:?}", s);
        }
    }
    for f in &findings {
        prop_assert!(text.get(f.primary.start..f.primary.end).is_some());
        for r in &f.related {
            prop_assert!(text.get(r.span.start..r.span.end).is_some());
        }
    }
    Ok(claims)
}

/// A claim's interval holds what it states, unless its hedge excludes the value itself
/// ("more than 38", "nearly 40").
fn holds_its_values(c: &Claim) -> Result<(), TestCaseError> {
    let Some(interval) = claim_interval(c) else {
        return Ok(());
    };
    if matches!(c.hedge, Hedge::MoreThan | Hedge::FewerThan | Hedge::Nearly) {
        return Ok(());
    }
    let stated = match &c.quantity {
        Quantity::Range { first, second } => vec![first.value, second.value],
        _ => c.point_value().into_iter().collect(),
    };
    for v in stated {
        prop_assert!(
            interval.contains(v),
            "{:?} does not hold {} of {:?}",
            interval,
            v,
            c
        );
    }
    Ok(())
}

/// An article as pieces: words, and numbers that emphasis may wrap.
#[derive(Clone, Debug)]
enum Piece {
    Word(&'static str),
    Number(String),
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..1000).prop_map(|n| n.to_string()),
        (1u32..100, 0u32..10).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..100).prop_map(|n| format!("{n}%")),
        (1u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        (1u32..100).prop_map(|n| format!("${n}")),
        Just("6,5000,000".to_string()),
    ]
}

fn sentence() -> impl Strategy<Value = Vec<Piece>> {
    use Piece::{Number as N, Word as W};
    prop_oneof![
        (number(), number()).prop_map(|(a, b)| vec![
            W("Officials"),
            W("expect"),
            W("between"),
            N(a),
            W("and"),
            N(b),
            W("evacuees.")
        ]),
        (number(), number()).prop_map(|(a, b)| vec![
            W("The"),
            W("count"),
            W("went"),
            W("from"),
            N(a),
            W("to"),
            N(b),
            W("cases.")
        ]),
        number().prop_map(|a| vec![W("Police"), W("recorded"), N(a), W("attacks.")]),
        (number(), number()).prop_map(|(a, b)| vec![
            N(a),
            W("of"),
            W("the"),
            N(b),
            W("voters"),
            W("agreed.")
        ]),
        (number(), number()).prop_map(|(a, b)| vec![
            W("About"),
            N(a),
            W("people"),
            W("came,"),
            W("up"),
            W("from"),
            N(b),
            W("last"),
            W("year.")
        ]),
        number().prop_map(|a| vec![W("Sales"), W("rose"), N(a), W("in"), W("March.")]),
    ]
}

fn article() -> impl Strategy<Value = Vec<Vec<Piece>>> {
    prop::collection::vec(sentence(), 1..6)
}

/// Renders pieces; `gap(i)` is the whitespace before piece `i` after the first, `emphasis`
/// wraps numbers.
fn render(sentences: &[Vec<Piece>], gap: impl Fn(usize) -> &'static str, emphasis: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    for s in sentences {
        for p in s {
            if i > 0 {
                out.push_str(gap(i));
            }
            match p {
                Piece::Word(w) => out.push_str(w),
                Piece::Number(n) => {
                    out.push_str(emphasis);
                    out.push_str(n);
                    out.push_str(emphasis);
                }
            }
            i += 1;
        }
    }
    out.push('\n');
    out
}

/// What a reader is told: rule, verdict and severity of each finding, in order (messages
/// quote the source, emphasis marks included).
fn verdicts(text: &str, format: Format) -> Vec<(&'static str, &'static str, &'static str)> {
    let doc = Document::new("p.md", text.to_string(), format);
    let (_, findings) = check_document(&doc, &Settings::default());
    findings
        .iter()
        .map(|f| (f.rule, f.verdict.as_str(), f.severity.as_str()))
        .collect()
}

/// Reflowed whitespace: spaces doubled or made no-break, and line breaks between words
/// well away from any number. A line break inside a claim ("between 800\nand 450") is not
/// covered: the grammar reads claims within a line, and a short unpunctuated line of plain
/// text may read as a heading.
fn reflow_gap(sentences: &[Vec<Piece>], seed: u64) -> impl Fn(usize) -> &'static str {
    let flat: Vec<Piece> = sentences.iter().flatten().cloned().collect();
    let is_word = |p: Option<&Piece>| matches!(p, Some(Piece::Word(w)) if !w.ends_with('.'));
    let far_from_numbers: Vec<bool> = (0..flat.len())
        .map(|i| (i.saturating_sub(3)..(i + 3).min(flat.len())).all(|j| is_word(flat.get(j))))
        .collect();
    move |i| match (seed >> (i % 62)) & 3 {
        0 if far_from_numbers[i] => "\n",
        1 => "  ",
        2 => " \u{a0}",
        _ => " ",
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_strings_never_panic_and_spans_are_sound(text in any::<String>()) {
        for format in FORMATS {
            for c in sound(&text, format)? {
                holds_its_values(&c)?;
            }
        }
    }

    #[test]
    fn article_like_text_has_sound_spans_and_intervals(a in article()) {
        let text = render(&a, |_| " ", "");
        for format in FORMATS {
            for c in sound(&text, format)? {
                holds_its_values(&c)?;
            }
        }
    }

    #[test]
    fn reflowed_whitespace_keeps_every_verdict(a in article(), seed in any::<u64>()) {
        let plain = render(&a, |_| " ", "");
        let reflowed = render(&a, reflow_gap(&a, seed), "");
        for format in [Format::Plain, Format::Markdown] {
            prop_assert_eq!(
                verdicts(&plain, format),
                verdicts(&reflowed, format),
                "{:?} vs {:?}",
                plain,
                reflowed
            );
        }
    }

    #[test]
    fn markdown_emphasis_around_numbers_keeps_every_verdict(
        a in article(),
        mark in prop::sample::select(vec!["*", "**", "_", "__", "***"]),
    ) {
        let plain = render(&a, |_| " ", "");
        let emphasised = render(&a, |_| " ", mark);
        prop_assert_eq!(
            verdicts(&plain, Format::Markdown),
            verdicts(&emphasised, Format::Markdown),
            "{:?} vs {:?}",
            plain,
            emphasised
        );
    }
}
