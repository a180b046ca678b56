//! The default human format, in the style of rustc and ruff: severity, rule id and message,
//! the source line with carets under the primary span and labelled dashes under each related
//! span, then the computation. Colour (ANSI) only when the caller asks for it.

use crate::report::claim_json::decimal_string;
use crate::report::{Finding, Severity};
use crate::source::Document;
use std::fmt::Write;

/// Renders findings of one document (no colour).
pub fn render(doc: &Document, findings: &[Finding]) -> String {
    render_styled(doc, findings, false)
}

/// Renders findings of one document, with ANSI colour when `colour` is set.
pub fn render_styled(doc: &Document, findings: &[Finding], colour: bool) -> String {
    let mut out = String::new();
    let style = Style { on: colour };
    for f in findings {
        render_one(&mut out, doc, f, style);
    }
    out
}

#[derive(Clone, Copy)]
struct Style {
    on: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity_code(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note => "1;36",
        }
    }
}

const GUTTER: &str = "1;34";

fn render_one(out: &mut String, doc: &Document, f: &Finding, style: Style) {
    let sev = Style::severity_code(f.severity);
    let (line, col) = doc.lines.position(&doc.text, f.primary.start);
    let _ = writeln!(
        out,
        "{}{} {}",
        style.paint(sev, &format!("{}[{}]", f.severity.as_str(), f.rule)),
        style.paint("1", ":"),
        style.paint("1", &f.message)
    );
    let mut spans = vec![(f.primary, "^", String::new())];
    spans.extend(f.related.iter().map(|r| (r.span, "-", r.label.to_string())));
    let mut lines: Vec<usize> = spans
        .iter()
        .map(|(s, _, _)| doc.lines.position(&doc.text, s.start).0)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let width = lines.last().map(|l| l.to_string().len()).unwrap_or(1);
    let bar = style.paint(GUTTER, "|");
    let _ = writeln!(
        out,
        "  {} {}:{}:{}",
        style.paint(GUTTER, "-->"),
        doc.path,
        line,
        col
    );
    let _ = writeln!(out, "{:width$} {bar}", "");
    for l in lines {
        let (ls, le) = doc.lines.line_span(&doc.text, l);
        let source = doc
            .text
            .get(ls..le)
            .unwrap_or("")
            .trim_start_matches('\u{feff}');
        let _ = writeln!(
            out,
            "{} {bar} {}",
            style.paint(GUTTER, &format!("{l:width$}")),
            source
        );
        for (span, mark, label) in &spans {
            let (sl, sc) = doc.lines.position(&doc.text, span.start);
            if sl != l {
                continue;
            }
            let end = span.end.min(le).max(span.start);
            let len = doc
                .text
                .get(span.start..end)
                .map(|s| s.chars().count())
                .unwrap_or(1)
                .max(1);
            let code = if *mark == "^" { sev } else { GUTTER };
            let underline = if label.is_empty() {
                mark.repeat(len)
            } else {
                format!("{} {label}", mark.repeat(len))
            };
            let marks = style.paint(code, &underline);
            let _ = writeln!(out, "{:width$} {bar} {}{}", "", " ".repeat(sc - 1), marks);
        }
    }
    let eq = style.paint(GUTTER, "=");
    if let Some(c) = &f.computed {
        let low = c.low.map(decimal_string).unwrap_or_else(|| "-∞".into());
        let high = c.high.map(decimal_string).unwrap_or_else(|| "∞".into());
        let _ = writeln!(
            out,
            "{:width$} {eq} computed: {} ({}–{}); verdict: {}",
            "",
            decimal_string(c.value),
            low,
            high,
            f.verdict.as_str()
        );
    } else {
        let _ = writeln!(out, "{:width$} {eq} verdict: {}", "", f.verdict.as_str());
    }
    out.push('\n');
}
