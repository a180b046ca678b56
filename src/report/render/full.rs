//! The default human format, in the style of rustc and ruff: severity, rule id and message,
//! the source line with carets under the primary span and labelled dashes under each related
//! span, then the computation. Colour (ANSI) only when the caller asks for it.

use crate::finding::{Finding, Severity};
use crate::report::claim_json::decimal_string;
use crate::source::Document;
use std::fmt::Write;

/// Renders findings of one document (no colour).
pub fn render(doc: &Document, findings: &[Finding]) -> String {
    render_styled(doc, findings, false)
}

/// Renders findings of one document, with ANSI colour when `colour` is set.
pub fn render_styled(doc: &Document, findings: &[Finding], colour: bool) -> String {
    super::to_string(|out| write_styled(out, doc, findings, colour))
}

/// [`render_styled`] written finding by finding (a long report is not held whole).
pub fn write_styled(
    out: &mut dyn std::io::Write,
    doc: &Document,
    findings: &[Finding],
    colour: bool,
) -> std::io::Result<()> {
    let style = Style { on: colour };
    let mut one = String::new();
    for f in findings {
        one.clear();
        render_one(&mut one, doc, f, style);
        out.write_all(one.as_bytes())?;
    }
    Ok(())
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
        let marks: Vec<Mark> = spans
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
        // Any span on the line ties a column to a byte offset; the first one will do.
        let anchor = spans
            .iter()
            .map(|(span, _, _)| span.start)
            .find(|&at| doc.lines.position(&doc.text, at).0 == l)
            .map(|at| (doc.lines.position(&doc.text, at).1 - 1, at - ls))
            .unwrap_or((0, 0));
        let window = Window::around(source, &marks, anchor, ls == 0);
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

/// Start and end columns (0-based, in characters), mark and label of one span on a line.
type Mark<'a> = (usize, usize, &'a str, &'a String);

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
    /// and marked with ellipses. `anchor` is a column of the line (as `LineIndex` counts it)
    /// and its byte offset: the window is found by walking from there, so a long line costs
    /// the window's length, not the line's. `first_line` tells whether the column skipped a
    /// byte-order mark.
    fn around(line: &str, marks: &[Mark], anchor: (usize, usize), first_line: bool) -> Window {
        let source = line.trim_start_matches('\u{feff}');
        let cursor = Cursor::new(line, source, anchor, first_line);
        let lo = marks.iter().map(|m| m.0).min().unwrap_or(0);
        let hi = marks.iter().map(|m| m.1).max().unwrap_or(0);
        let long = source.char_indices().nth(MAX_LINE).is_some();
        let needed = hi.saturating_sub(lo) + 2 * CONTEXT;
        // The anchor's character exists (or is the end), so a line reaching past it is
        // known to be longer without walking back.
        let longer_than_needed = needed < cursor.index || {
            let (reached, at) = cursor.seek(needed);
            reached == needed && at < source.len()
        };
        if !long || !longer_than_needed {
            return Window {
                text: source.to_string(),
                first: 0,
                clipped: false,
            };
        }
        let (mut first, mut from) = cursor.seek(lo.saturating_sub(CONTEXT));
        while let Some(c) = source[..from].chars().next_back() {
            if first == 0 || c.is_whitespace() {
                break;
            }
            first -= 1;
            from -= c.len_utf8();
        }
        let (_, mut to) = cursor.seek(hi + CONTEXT);
        while let Some(c) = source[to..].chars().next() {
            if c.is_whitespace() {
                break;
            }
            to += c.len_utf8();
        }
        let mut text = String::new();
        if first > 0 {
            text.push('…');
        }
        text.push_str(&source[from..to]);
        if to < source.len() {
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

/// A character index of a line (leading byte-order marks trimmed) with its byte offset, from
/// which other indices are found by walking.
struct Cursor<'a> {
    text: &'a str,
    index: usize,
    byte: usize,
}

impl<'a> Cursor<'a> {
    /// `anchor` is a column and byte offset of the untrimmed `line`; the column skipped one
    /// byte-order mark on the first line, `text` is the line without all of them.
    fn new(line: &str, text: &'a str, anchor: (usize, usize), first_line: bool) -> Cursor<'a> {
        let trimmed = line.len() - text.len();
        let skipped = usize::from(first_line && trimmed > 0);
        let boms = trimmed / '\u{feff}'.len_utf8();
        match (anchor.0 + skipped).checked_sub(boms) {
            Some(index) if anchor.1 >= trimmed && text.is_char_boundary(anchor.1 - trimmed) => {
                Cursor {
                    text,
                    index,
                    byte: anchor.1 - trimmed,
                }
            }
            _ => Cursor {
                text,
                index: 0,
                byte: 0,
            },
        }
    }

    /// The byte offset of character `index`, or the line's end (and its length in characters)
    /// when it is shorter.
    fn seek(&self, index: usize) -> (usize, usize) {
        let (mut i, mut byte) = (self.index, self.byte);
        if index >= i {
            for c in self.text[byte..].chars() {
                if i == index {
                    break;
                }
                i += 1;
                byte += c.len_utf8();
            }
        } else {
            for c in self.text[..byte].chars().rev() {
                if i == index {
                    break;
                }
                i -= 1;
                byte -= c.len_utf8();
            }
        }
        (i, byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window by indexing every character of the line (what `Window::around` must match).
    fn indexed(line: &str, lo: usize, hi: usize) -> (String, usize) {
        let chars: Vec<char> = line.trim_start_matches('\u{feff}').chars().collect();
        if chars.len() <= MAX_LINE || hi.saturating_sub(lo) + 2 * CONTEXT >= chars.len() {
            return (chars.iter().collect(), 0);
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
        (text, first)
    }

    #[test]
    fn windows_found_by_walking_match_windows_found_by_indexing() {
        let label = String::new();
        let body = "Officials counted 38 attacks – €1.2m in damage, ".repeat(12);
        let lines = [
            body.clone(),
            format!("\u{feff}{body}"),
            format!("\u{feff}\u{feff}{body}"),
            "x".repeat(400),
            "short line".to_string(),
        ];
        for line in &lines {
            let first_line = line.starts_with('\u{feff}');
            let skipped = usize::from(first_line);
            for (byte, _) in line.char_indices().skip_while(|(_, c)| *c == '\u{feff}') {
                let column = line[..byte].chars().count() - skipped;
                for len in [1, 9, 150] {
                    let marks: [Mark; 1] = [(column, column + len, "^", &label)];
                    let (text, first) = indexed(line, column, column + len);
                    // Any span of the line may be the anchor, not only the leftmost.
                    let later = line[byte..].char_indices().nth(len).map(|(b, _)| byte + b);
                    let anchors = [Some((column, byte)), later.map(|b| (column + len, b))];
                    for anchor in anchors.into_iter().flatten() {
                        let window = Window::around(line, &marks, anchor, first_line);
                        assert_eq!(window.text, text, "at byte {byte}, length {len}");
                        assert_eq!(window.first, first, "at byte {byte}, length {len}");
                    }
                }
            }
        }
    }
}
