//! One renderer per output format. Every renderer takes the checked files in path order,
//! each with its findings sorted by offset and rule id (`semantics.md` §9).

pub mod concise;
pub mod full;
pub mod github;
pub mod json;
pub mod sarif;

use crate::finding::Finding;
use crate::source::{DateSource, Document};
use jiff::civil::Date;

/// One checked file as the renderers see it.
pub struct FileReport<'a> {
    pub doc: &'a Document,
    pub findings: &'a [Finding],
    /// The reference date used, and where it came from.
    pub reference_date: Option<(Date, DateSource)>,
}

impl<'a> From<&'a crate::check::Checked> for FileReport<'a> {
    fn from(checked: &'a crate::check::Checked) -> Self {
        FileReport {
            doc: &checked.doc,
            findings: &checked.findings,
            reference_date: checked.date,
        }
    }
}

/// Error, warning and note counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Counts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                crate::finding::Severity::Error => c.errors += 1,
                crate::finding::Severity::Warning => c.warnings += 1,
                crate::finding::Severity::Note => c.notes += 1,
            }
        }
        c
    }
}

/// 1-based line and character column of the character after a span (SARIF `endColumn`).
pub(crate) fn end_position(doc: &Document, end: usize) -> (usize, usize) {
    doc.lines.position(&doc.text, end)
}

/// Writes `value` as JSON, compact or pretty. serde_json writes a document in pieces of a
/// few bytes; through `&mut dyn Write` each piece cost a virtual call into the caller's
/// writer, so they are gathered in a buffer of a known type first.
pub fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        serde_json::to_writer_pretty(&mut buf, value)?;
    } else {
        serde_json::to_writer(&mut buf, value)?;
    }
    std::io::Write::flush(&mut buf)
}

/// What a writing renderer writes, as a string (for callers that want the whole report).
pub(crate) fn to_string(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let mut buf = Vec::new();
    // Writing to memory cannot fail, and the renderers write only UTF-8.
    let _ = write(&mut buf);
    String::from_utf8(buf).unwrap_or_default()
}
