//! `path:line:col: severity RULE-ID message`, one finding a line.

use super::FileReport;
use std::fmt::Write;

pub fn render(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        for f in file.findings {
            let (line, col) = file.doc.lines.position(&file.doc.text, f.primary.start);
            let _ = writeln!(
                out,
                "{}:{line}:{col}: {} {} {}",
                file.doc.path,
                f.severity.as_str(),
                f.rule,
                f.message
            );
        }
    }
    out
}
