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
        let source = doc.text.get(ls..le).unwrap_or("");
        // Character columns (0-based) of every span on this line.
        let marks: Vec<(usize, usize, &str, &String)> = spans
            .iter()
            .filter(|(span, _, _)| doc.lines.position(&doc.text, span.start).0 == l)
            .map(|(span, mark, label)| {
                let start = doc.lines.position(&doc.text, span.start).1 - 1;
                let end = span.end.min(le).max(span.start);
                let len = doc
                    .text
                    .get(span.start..end)
                    .map(|s| s.chars().count())
                    .unwrap_or(1)
                    .max(1);
                (start, start + len, *mark, label)
            })
            .collect();
        let window = Window::around(source, &marks);
        let _ = writeln!(
            out,
            "{} {bar} {}",
            style.paint(GUTTER, &format!("{l:width$}")),
            window.text
        );
        for (start, end, mark, label) in &marks {
            let code = if *mark == "^" { sev } else { GUTTER };
            let len = end - start;
            let underline = if label.is_empty() {
                mark.repeat(len)
            } else {
                format!("{} {label}", mark.repeat(len))
            };
            let marks = style.paint(code, &underline);
            let indent = window.column(*start);
            let _ = writeln!(out, "{:width$} {bar} {}{}", "", " ".repeat(indent), marks);
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

/// Lines longer than this many characters are shown as a window around their spans: news
/// paragraphs are single lines hundreds of characters long.
const MAX_LINE: usize = 100;
/// Characters of context kept on each side of the spans in a window.
const CONTEXT: usize = 30;

/// The part of a source line that is printed, and where its columns start.
struct Window {
    text: String,
    /// Character column of the line where the window starts.
    first: usize,
    /// Whether an ellipsis stands before the window.
    clipped: bool,
}

impl Window {
    /// The whole line when it is short; otherwise the spans with some context, cut at spaces
    /// and marked with ellipses.
    fn around(source: &str, marks: &[(usize, usize, &str, &String)]) -> Window {
        let source = source.trim_start_matches('\u{feff}');
        let chars: Vec<char> = source.chars().collect();
        let lo = marks.iter().map(|m| m.0).min().unwrap_or(0);
        let hi = marks.iter().map(|m| m.1).max().unwrap_or(0);
        if chars.len() <= MAX_LINE || hi.saturating_sub(lo) + 2 * CONTEXT >= chars.len() {
            return Window {
                text: source.to_string(),
                first: 0,
                clipped: false,
            };
        }
        let mut first = lo.saturating_sub(CONTEXT);
        while first > 0 && !chars[first - 1].is_whitespace() {
            first -= 1;
        }
        let mut last = (hi + CONTEXT).min(chars.len());
        while last < chars.len() && !chars[last].is_whitespace() {
            last += 1;
        }
        let mut text = String::new();
        if first > 0 {
            text.push('…');
        }
        text.extend(&chars[first..last]);
        if last < chars.len() {
            text.push('…');
        }
        Window {
            text,
            first,
            clipped: first > 0,
        }
    }

    /// Where a line column is printed inside the window.
    fn column(&self, column: usize) -> usize {
        column.saturating_sub(self.first) + usize::from(self.clipped)
    }
}
