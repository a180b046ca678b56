//! The default human format, in the style of rustc and ruff: severity, rule id and message,
//! the source line with carets under the primary span and labelled dashes under each related
//! span, then the computation.

use crate::report::claim_json::decimal_string;
use crate::report::Finding;
use crate::source::Document;
use std::fmt::Write;

/// Renders findings of one document (no colour).
pub fn render(doc: &Document, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        render_one(&mut out, doc, f);
    }
    out
}

fn render_one(out: &mut String, doc: &Document, f: &Finding) {
    let (line, col) = doc.lines.position(&doc.text, f.primary.start);
    let _ = writeln!(out, "{}[{}]: {}", f.severity.as_str(), f.rule, f.message);
    let _ = writeln!(out, "  --> {}:{}:{}", doc.path, line, col);
    let mut spans = vec![(f.primary, "^", String::new())];
    spans.extend(f.related.iter().map(|r| (r.span, "-", r.label.to_string())));
    let mut lines: Vec<usize> = spans
        .iter()
        .map(|(s, _, _)| doc.lines.position(&doc.text, s.start).0)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let width = lines.last().map(|l| l.to_string().len()).unwrap_or(1);
    let _ = writeln!(out, "{:width$} |", "");
    for l in lines {
        let (ls, le) = doc.lines.line_span(&doc.text, l);
        let _ = writeln!(out, "{l:width$} | {}", &doc.text[ls..le]);
        for (span, mark, label) in &spans {
            let (sl, sc) = doc.lines.position(&doc.text, span.start);
            if sl != l {
                continue;
            }
            let end = span.end.min(le);
            let len = doc.text[span.start..end].chars().count().max(1);
            let _ = writeln!(
                out,
                "{:width$} | {}{} {}",
                "",
                " ".repeat(sc - 1),
                mark.repeat(len),
                label
            );
        }
    }
    if let Some(c) = &f.computed {
        let low = c.low.map(decimal_string).unwrap_or_else(|| "-∞".into());
        let high = c.high.map(decimal_string).unwrap_or_else(|| "∞".into());
        let _ = writeln!(
            out,
            "{:width$} = computed: {} ({}–{}); verdict: {}",
            "",
            decimal_string(c.value),
            low,
            high,
            f.verdict.as_str()
        );
    } else {
        let _ = writeln!(out, "{:width$} = verdict: {}", "", f.verdict.as_str());
    }
    out.push('\n');
}
