//! Input formats → one [`Document`]: the original text plus a same-length *masked* copy in
//! which everything that is not prose (markup, code, front matter) is blanked to spaces.
//!
//! Because the masked copy has the same length and keeps prose bytes untouched, every offset
//! the grammar finds in it is also an offset into the original file (Harper's approach).

pub mod lines;
pub mod plain;

use crate::model::Span;
pub use lines::LineIndex;

/// The input formats numcheck reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// The format a path's extension implies; plain text when unknown.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            Format::Html
        } else {
            Format::Plain
        }
    }
}

/// One input, ready for extraction.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as the user gave it (or `<stdin>`), never made absolute.
    pub path: String,
    /// The original text (a leading BOM excluded from nothing: offsets count it).
    pub text: String,
    /// Same length as `text`; non-prose bytes blanked to spaces, newlines kept.
    pub masked: String,
    pub format: Format,
    /// Title and heading lines.
    pub headings: Vec<Span>,
    pub lines: LineIndex,
}

impl Document {
    /// Builds a document from text, reading it as `format`.
    pub fn new(path: impl Into<String>, text: String, format: Format) -> Document {
        match format {
            Format::Plain | Format::Markdown | Format::Html => plain::read(path.into(), text),
        }
    }

    /// Whether a span lies in a heading.
    pub fn in_heading(&self, span: Span) -> bool {
        self.headings.iter().any(|h| h.contains(span))
    }
}
