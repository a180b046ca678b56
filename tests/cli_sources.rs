//! Every reader survives any input: the masked copy keeps the original's length, so every
//! offset found in it points into the original, and positions stay in range.

use numcheck::source::{Document, Format};
use proptest::prelude::*;

fn markup() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("&amp;".to_string()),
        Just("&#x20AC;".to_string()),
        Just("&euro".to_string()),
        Just("<!-- numcheck: off -->".to_string()),
        Just("<!-- numcheck: ignore[NUM-X] -->".to_string()),
        Just("<!-- numcheck: enable -->".to_string()),
        Just("---\ndate: 2025-01-02\n---\n".to_string()),
        Just("```\n".to_string()),
        Just("**".to_string()),
        Just("[a](b)".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("<script>".to_string()),
        "[a-zé€ 0-9,.<>&;#]{0,12}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn masked_copies_keep_length_and_offsets(text in markup()) {
        for format in [Format::Plain, Format::Markdown, Format::Html] {
            let doc = Document::new("p", text.clone(), format);
            prop_assert_eq!(doc.masked().len(), doc.text.len());
            for h in &doc.headings {
                prop_assert!(doc.text.get(h.start..h.end).is_some());
            }
            for s in &doc.suppressions.items {
                prop_assert!(s.region.start <= s.region.end && s.region.end <= text.len());
            }
            for claim in numcheck::extract::extract(&doc) {
                prop_assert!(doc.text.get(claim.span.start..claim.span.end).is_some());
                let (line, col) = doc.lines.position(&doc.text, claim.span.start);
                prop_assert!(line >= 1 && col >= 1);
            }
        }
    }
}
