//! Extraction never panics, and its spans are sound: on char boundaries, in order and not
//! overlapping, whatever the input.

use numcheck::extract::extract;
use numcheck::source::{Document, Format};
use proptest::prelude::*;

/// Text built from the pieces numbers are made of, so that the grammar's deeper paths run.
fn numberish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,12}",
        Just(",".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just(" ".to_string()),
        Just("%".to_string()),
        Just("$".to_string()),
        Just("½".to_string()),
        Just("\u{a0}".to_string()),
        Just("é".to_string()),
        Just("\n".to_string()),
        prop::sample::select(vec![
            "between",
            "and",
            "to",
            "or more",
            "about",
            "a",
            "third",
            "half",
            "dozen",
            "million",
            "bn",
            "k",
            "m",
            "percent",
            "per cent",
            "twenty",
            "one",
            "in",
            "out of",
            "more than",
            "fewer than",
            "hundred",
            "thousands",
            "first",
            "[",
            "]",
            ":",
            "@",
            "F-",
            "version",
            "years",
            "minus",
            "plus",
            "+",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new("prop.txt", text.to_string(), Format::Plain);
    let claims = extract(&doc);
    let mut last_end = 0;
    for c in &claims {
        prop_assert!(c.span.start < c.span.end, "empty span {:?}", c.span);
        prop_assert!(c.span.end <= text.len());
        prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        prop_assert!(
            c.span.start >= last_end,
            "overlap or disorder at {:?}",
            c.span
        );
        last_end = c.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_spans(&text)?;
    }

    #[test]
    fn number_like_strings(text in numberish()) {
        check_spans(&text)?;
    }
}
