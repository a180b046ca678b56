//! Input formats → one [`Document`]: the original text plus a same-length *masked* copy in
//! which everything that is not prose (markup, code, front matter) is blanked to spaces.
//!
//! Because the masked copy has the same length and keeps prose bytes untouched, every offset
//! the grammar finds in it is also an offset into the original file (Harper's approach).
//! Where the masked copy decodes something (an HTML entity), the decoded character is written
//! at the entity's first byte and the rest of the entity is padded with spaces.

pub mod dateline;
pub mod format;
pub mod html;
pub mod lines;
pub mod markdown;
pub mod plain;
pub mod suppress;

use crate::model::Span;
use crate::source::suppress::Suppressions;
pub use format::Format;
use jiff::civil::Date;
pub use lines::LineIndex;

/// Where a reference date came from (`semantics.md` §8), first match wins in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateSource {
    /// `--date` on the command line.
    CommandLine,
    /// Markdown front matter `date:` / `date =`.
    FrontMatter,
    /// HTML: schema.org JSON-LD (`NewsArticle`, `Article`…, or one in an `@graph`)
    /// `datePublished`, where most news CMSs put it.
    HtmlJsonLd,
    /// HTML: Open Graph `<meta property="article:published_time">`.
    HtmlMeta,
    /// HTML microdata: `itemprop="datePublished"` on a `<meta>` or `<time>`.
    HtmlItemprop,
    /// HTML `<meta name="date">`.
    HtmlMetaDate,
    /// HTML: the first `<time datetime>` before the first paragraph.
    HtmlTime,
    /// A dateline before the first sentence ("HARWICK, March 14, 2025 —").
    Dateline,
    /// `reference-date` in numcheck.toml.
    Config,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::CommandLine => "--date",
            DateSource::FrontMatter => "front matter",
            DateSource::HtmlJsonLd => "schema.org JSON-LD datePublished",
            DateSource::HtmlMeta => "Open Graph article:published_time",
            DateSource::HtmlItemprop => "microdata itemprop=datePublished",
            DateSource::HtmlMetaDate => "html meta name=date",
            DateSource::HtmlTime => "html time datetime before the first paragraph",
            DateSource::Dateline => "dateline",
            DateSource::Config => "numcheck.toml",
        }
    }
}

/// One input, ready for extraction.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as the user gave it (or `<stdin>`), never made absolute.
    pub path: String,
    /// The original text; offsets count a leading BOM like any other bytes.
    pub text: String,
    /// Same length as `text`; non-prose bytes blanked to spaces, newlines kept. Read it
    /// through [`Document::masked`]: it is emptied when it equals `text` (plain prose without
    /// web addresses or comments), so that a large file is not held twice.
    pub(super) masked: String,
    pub format: Format,
    /// Title and heading lines.
    pub headings: Vec<Span>,
    pub lines: LineIndex,
    /// The date the document itself gives: front matter, HTML metadata or a dateline.
    pub reference_date: Option<(Date, DateSource)>,
    /// `<!-- numcheck: … -->` comments and the regions they cover.
    pub suppressions: Suppressions,
}

impl Document {
    /// Builds a document from text, reading it as `format`.
    pub fn new(path: impl Into<String>, text: String, format: Format) -> Document {
        let mut doc = match format {
            Format::Plain => plain::read(path.into(), text),
            Format::Markdown => markdown::read(path.into(), text),
            Format::Html => html::read(path.into(), text),
        };
        mask_urls(&mut doc.masked);
        // A byte-order mark is not prose: blanked, it cannot glue itself to the first word.
        if doc.masked.starts_with('\u{feff}') {
            doc.masked.replace_range(..'\u{feff}'.len_utf8(), "   ");
        }
        if doc.reference_date.is_none() {
            doc.reference_date =
                dateline::find(&doc.masked, &doc.headings).map(|date| (date, DateSource::Dateline));
        }
        debug_assert_eq!(doc.text.len(), doc.masked.len());
        if doc.masked == doc.text {
            doc.masked = String::new();
        }
        doc
    }

    /// The text with every non-prose byte blanked, the same length as `text`: what the
    /// grammar and the segmenter read.
    pub fn masked(&self) -> &str {
        // A kept copy always has the text's length; any other length means it was dropped.
        if self.masked.len() == self.text.len() {
            &self.masked
        } else {
            &self.text
        }
    }

    /// `span` widened to cover any character reference it cuts. A reference decodes into
    /// its first byte (`20&#37;` reads `20%    `), so a claim found in the masked copy ends
    /// inside it; sliced from the original, the widened span holds the whole reference and
    /// decodes to what the claim read. The rest of a decoded reference is the padding the
    /// masked copy has where the original has no whitespace.
    pub fn widen_to_references(&self, span: Span) -> Span {
        let (text, masked) = (self.text.as_bytes(), self.masked().as_bytes());
        if span.end == 0 || span.end >= text.len() || masked.len() != text.len() {
            return span;
        }
        // The byte before the end is the decoded character's last byte: find its start.
        let mut first = span.end - 1;
        while first > span.start && !self.masked().is_char_boundary(first) {
            first -= 1;
        }
        if text[first] != b'&' || masked[first] == b'&' {
            return span;
        }
        // A reference is `&`, a name or `#` and digits, and an optional `;`: the padded
        // bytes that spell that much, no further (a tag may follow, blanked too).
        let padded = |i: usize| i < text.len() && masked[i] == b' ';
        let mut end = span.end;
        while padded(end) && (text[end].is_ascii_alphanumeric() || text[end] == b'#') {
            end += 1;
        }
        if padded(end) && text[end] == b';' {
            end += 1;
        }
        Span::new(span.start, end)
    }

    /// Whether a span lies in a heading.
    pub fn in_heading(&self, span: Span) -> bool {
        self.heading_of(span).is_some()
    }

    /// The heading line a span lies in, if any.
    pub fn heading_of(&self, span: Span) -> Option<Span> {
        // Headings are in document order and disjoint (as `Segments` also relies on): a
        // binary search, since a scan per claim made long documents quadratic.
        let k = self.headings.partition_point(|h| h.start <= span.start);
        let heading = self.headings[k.checked_sub(1)?];
        heading.contains(span).then_some(heading)
    }
}

/// Blanks web addresses in a masked copy: their digits are paths and ids, not figures.
fn mask_urls(masked: &mut String) {
    let mut spans = Vec::new();
    let bytes = masked.as_bytes();
    for prefix in ["http://", "https://", "www."] {
        // memchr's substring search: `str::find` cost more than the rest of reading.
        let finder = memchr::memmem::Finder::new(prefix);
        let mut from = 0;
        while let Some(i) = bytes.get(from..).and_then(|s| finder.find(s)) {
            let start = from + i;
            let at_token_start = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
            let len = masked[start..]
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '\'' | '<')
                })
                .unwrap_or(masked.len() - start);
            if at_token_start {
                spans.push((start, start + len));
            }
            from = start + len.max(1);
        }
    }
    for (start, end) in spans {
        let blanks = " ".repeat(masked[start..end].len());
        masked.replace_range(start..end, &blanks);
    }
}

/// A masked copy with every byte blanked except line breaks (the starting point of the
/// Markdown and HTML readers, which then copy the prose back in).
pub(crate) fn blank(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect()
}

/// Turns a masked byte buffer back into a string. Readers only copy whole characters or
/// ASCII, so this succeeds; anything else falls back to a lossy copy of the same length.
pub(crate) fn into_masked(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            bytes
                .iter()
                .map(|&b| if b.is_ascii() { b as char } else { ' ' })
                .collect()
        }
    }
}

/// Writes `decoded` over `range` of a masked buffer when it fits, padding with spaces;
/// copies the original bytes otherwise.
pub(crate) fn write_decoded(
    masked: &mut [u8],
    original: &str,
    start: usize,
    end: usize,
    decoded: &str,
) {
    let Some(slot) = masked.get_mut(start..end) else {
        return;
    };
    let same = original.get(start..end) == Some(decoded);
    // A decoded no-break space reads as a space, as it looks.
    let owned;
    let decoded = if !same && decoded.contains('\u{a0}') {
        owned = decoded.replace('\u{a0}', " ");
        owned.as_str()
    } else {
        decoded
    };
    if decoded.len() <= slot.len() {
        slot[..decoded.len()].copy_from_slice(decoded.as_bytes());
        for b in &mut slot[decoded.len()..] {
            *b = b' ';
        }
    } else if let Some(src) = original.get(start..end) {
        slot.copy_from_slice(src.as_bytes());
    }
}

/// `YYYY-MM-DD` at the start of a metadata value (quotes and a time part allowed).
pub(crate) fn leading_date(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    v.get(..10)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_not_prose() {
        let text = "See https://example.org/2024/05/story-38 and (www.x.org/7). Then 12 boats.";
        let doc = Document::new("a.txt", text.to_string(), Format::Plain);
        assert_eq!(doc.masked().len(), text.len());
        assert!(!doc.masked().contains("2024") && !doc.masked().contains('7'));
        assert!(doc.masked().contains("Then 12 boats."));
        assert!(doc.masked().contains("(") && doc.masked().contains(")."));
    }

    #[test]
    fn spans_widen_over_the_references_they_cut() {
        let text = "<p>Up 20&#37; to &pound;3 &amp; 5&nbsp;cars, 7&#8212;8, 1&frac12;</p>";
        let doc = Document::new("a.html", text.to_string(), Format::Html);
        let widen = |needle: &str, len: usize| {
            let start = text.find(needle).expect("in the text");
            doc.widen_to_references(Span::new(start, start + len))
                .text(text)
        };
        assert_eq!(widen("20&#37;", 3), "20&#37;");
        assert_eq!(widen("7&#8212;", 1 + '—'.len_utf8()), "7&#8212;");
        assert_eq!(widen("&pound;3", 8), "&pound;3", "a whole span stays");
        assert_eq!(
            widen("5&nbsp;", 1),
            "5",
            "a span ending before a reference stays"
        );
        assert_eq!(widen("Up 20", 5), "Up 20");
        assert_eq!(
            widen("1&frac12;</p>", 1 + '½'.len_utf8()),
            "1&frac12;",
            "not into the tag"
        );
    }

    #[test]
    fn in_heading_finds_the_heading_among_many() {
        let text = "# One 1\n\nBody 2.\n\n# Two 3\n\nBody 4.\n\n# Three 5\n";
        let doc = Document::new("a.md", text.to_string(), Format::Markdown);
        assert_eq!(doc.headings.len(), 3);
        let at = |needle: &str| {
            let start = text.find(needle).expect("in the text");
            Span::new(start, start + needle.len())
        };
        assert!(doc.in_heading(at("3")) && doc.in_heading(at("5")) && doc.in_heading(at("1")));
        assert!(!doc.in_heading(at("2")) && !doc.in_heading(at("4")));
        // A span running out of a heading is not in it.
        assert!(!doc.in_heading(at("3\n\nBody")));
    }
}
