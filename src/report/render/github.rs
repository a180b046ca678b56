//! GitHub Actions workflow commands: one annotation a finding,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE-ID::message`.
//! Notes become `::notice`. Columns count characters, 1-based; `endColumn` is the column after
//! the span, as in SARIF. Values are escaped as the runner expects (`%`, CR, LF, and in
//! properties `:` and `,`).

use super::{end_position, FileReport};
use crate::finding::Severity;
use std::fmt::Write;

pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        for f in file.findings {
            let (line, col) = file.doc.lines.position(&file.doc.text, f.primary.start);
            let (end_line, end_col) = end_position(file.doc, f.primary.end);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let _ = writeln!(
                out,
                "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                escape_property(&file.doc.path),
                escape_property(f.rule),
                escape_data(&f.message)
            );
        }
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("5% a\nb"), "5%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
