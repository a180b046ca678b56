//! The Markdown source: the masked copy keeps the original's length and every claim's span
//! lies on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numcheck::extract::extract;
use numcheck::source::{Document, Format};

fuzz_target!(|text: &str| {
    let doc = Document::new("fuzz.md", text.to_string(), Format::Markdown);
    assert_eq!(doc.masked().len(), doc.text.len());
    for c in extract(&doc) {
        assert!(doc.text.get(c.span.start..c.span.end).is_some());
    }
});
