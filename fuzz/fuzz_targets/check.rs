//! The whole check pipeline on arbitrary bytes, as the CLI would see them: the first byte
//! picks the format, the rest is the article (lossily decoded, as `--lossy` does).
#![no_main]

use libfuzzer_sys::fuzz_target;
use numcheck::check::{check_document, Settings};
use numcheck::source::{Document, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::Plain,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let doc = Document::new("fuzz", text, format);
    let (claims, findings) = check_document(&doc, &Settings::default());
    for c in &claims {
        assert!(doc.text.get(c.span.start..c.span.end).is_some());
    }
    for f in &findings {
        assert!(doc.text.get(f.primary.start..f.primary.end).is_some());
        for r in &f.related {
            assert!(doc.text.get(r.span.start..r.span.end).is_some());
        }
    }
});
