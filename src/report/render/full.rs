//! The default human format, in the style of rustc and ruff, drawn by `annotate-snippets`:
//! severity, rule id and message, the location, the source lines with carets under the
//! primary span and labelled dashes under each related span, then the computation. Colour
//! (ANSI) only when the caller asks for it.
//!
//! `annotate-snippets` is given only what is shown: each line cut to a window around its
//! spans (news paragraphs are single lines; a document without line breaks is one line of
//! megabytes, and the crate reads every character of what it is given), line breaks as
//! `\n` and no byte-order mark. The lines of a finding are split into snippets, each with
//! its own location line: headings apart from the body, and spans more than two lines or
//! [`FAR`] characters apart. Since the crate counts the location's column in the window it
//! was given, each snippet's path is a placeholder that [`restore_locations`] replaces by the
//! document's path and the column as `LineIndex` counts it.

use crate::finding::{Finding, Severity};
use crate::model::Span;
use crate::report::claim_json::decimal_string;
use crate::source::Document;
use annotate_snippets::renderer::{AnsiColor, Effects, Style};
use annotate_snippets::{Annotation, AnnotationKind, Level, Renderer, Snippet};
use std::fmt::Write;
use std::ops::Range;

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
    let renderer = if colour { &STYLED } else { &PLAIN };
    for f in findings {
        let mut one = render_one(renderer, doc, f);
        one.push_str("\n\n");
        out.write_all(one.as_bytes())?;
    }
    Ok(())
}

/// Columns the renderers may use: the windows cut here are the only trimming wanted (the
/// crate's own cuts at 140 columns mid-word and would add a second ellipsis to ours). Not
/// `usize::MAX`: the crate doubles it.
const NO_TRIM: usize = 1 << 20;
const PLAIN: Renderer = Renderer::plain().term_width(NO_TRIM);
/// The crate's palette with explicit colours: its defaults differ on Windows.
const STYLED: Renderer = Renderer::styled()
    .term_width(NO_TRIM)
    .error(bold(AnsiColor::Red))
    .warning(bold(AnsiColor::Yellow))
    .note(bold(AnsiColor::Cyan))
    .line_num(bold(AnsiColor::Blue))
    .context(bold(AnsiColor::Blue))
    .emphasis(Style::new().effects(Effects::BOLD));

const fn bold(colour: AnsiColor) -> Style {
    colour.on_default().effects(Effects::BOLD)
}

/// Spans of one line further apart than this many characters are shown in separate
/// snippets, each windowed around its own spans, rather than in one window holding all
/// that lies between them.
const FAR: usize = 100;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

fn render_one(renderer: &Renderer, doc: &Document, f: &Finding) -> String {
    let marks = marks(doc, f);
    let chunks = snippets(doc, &marks);
    let mut views = Vec::with_capacity(chunks.len());
    let mut elements = Vec::with_capacity(chunks.len());
    for (k, chunk) in chunks.iter().enumerate() {
        let (snippet, view) = snippet(doc, chunk, k);
        elements.push(snippet);
        views.push(view);
    }
    let verdict = f.verdict.as_str();
    let note = match &f.computed {
        Some(c) => format!(
            "computed: {} ({}–{}); verdict: {verdict}",
            decimal_string(c.value),
            c.low.map(decimal_string).unwrap_or_else(|| "-∞".into()),
            c.high.map(decimal_string).unwrap_or_else(|| "∞".into()),
        ),
        None => format!("verdict: {verdict}"),
    };
    let group = level(f.severity)
        .primary_title(f.message.as_str())
        .id(f.rule)
        .elements(elements)
        .element(Level::NOTE.no_name().message(note));
    restore_locations(&renderer.render(&[group]), &doc.path, &views)
}

/// One span to draw.
struct Mark<'a> {
    /// Byte range in the document, on character boundaries, cut at the end of its line.
    start: usize,
    end: usize,
    /// 1-based line.
    line: usize,
    /// Column of `start` from 0, as `LineIndex` counts it.
    column: usize,
    /// Characters covered on the line; an empty span still gets one mark.
    width: usize,
    label: Option<&'a str>,
    primary: bool,
}

/// The largest character boundary of `text` at or before byte `at`.
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The primary span, then the related ones, clamped into the text.
fn marks<'a>(doc: &Document, f: &'a Finding) -> Vec<Mark<'a>> {
    let text = doc.text.as_str();
    let related = f
        .related
        .iter()
        .map(|r| (r.span, Some(r.label.as_str()), false));
    std::iter::once((f.primary, None, true))
        .chain(related)
        .map(|(span, label, primary)| {
            let start = floor_char(text, span.start);
            let (line, column) = doc.lines.position(text, start);
            let (_, line_end) = doc.lines.line_span(text, line);
            let end = floor_char(text, span.end.min(line_end)).max(start);
            Mark {
                start,
                end,
                line,
                column: column - 1,
                width: text[start..end].chars().count().max(1),
                label,
                primary,
            }
        })
        .collect()
}

/// The spans of one line that share a window.
struct Piece<'m, 'a> {
    line: usize,
    marks: Vec<&'m Mark<'a>>,
    heading: bool,
}

impl Piece<'_, '_> {
    /// The columns from the first mark's start to the last mark's end.
    fn columns(&self) -> (usize, usize) {
        let lo = self.marks.iter().map(|m| m.column).min().unwrap_or(0);
        let hi = self
            .marks
            .iter()
            .map(|m| m.column + m.width)
            .max()
            .unwrap_or(lo);
        (lo, hi)
    }
}

/// The marks in pieces, and the pieces in snippets: lines at most two apart (the crate
/// shows the line between) and alike in being a heading or not share a snippet. The
/// primary span's snippet comes first, since its location line is the finding's; the
/// others follow in document order.
fn snippets<'m, 'a>(doc: &Document, marks: &'m [Mark<'a>]) -> Vec<Vec<Piece<'m, 'a>>> {
    let mut order: Vec<&Mark> = marks.iter().collect();
    order.sort_by_key(|m| (m.line, m.column));
    let mut pieces: Vec<Piece> = Vec::new();
    for m in order {
        match pieces.last_mut() {
            Some(p) if p.line == m.line && m.column <= p.columns().1 + FAR => p.marks.push(m),
            _ => pieces.push(Piece {
                line: m.line,
                marks: vec![m],
                heading: doc.in_heading(Span::new(m.start, m.end)),
            }),
        }
    }
    let mut chunks: Vec<Vec<Piece>> = Vec::new();
    for p in pieces {
        let joins = chunks.last().and_then(|c| c.last()).is_some_and(|last| {
            last.line < p.line && p.line - last.line <= 2 && last.heading == p.heading
        });
        match chunks.last_mut() {
            Some(chunk) if joins => chunk.push(p),
            _ => chunks.push(vec![p]),
        }
    }
    let primary = chunks
        .iter()
        .position(|c| c.iter().any(|p| p.marks.iter().any(|m| m.primary)));
    if let Some(k) = primary {
        let chunk = chunks.remove(k);
        chunks.insert(0, chunk);
    }
    chunks
}

/// The shown lines of a snippet, by line number.
type View = Vec<(usize, Window)>;

/// The snippet of one chunk: its lines, each cut to a window, with the marks moved into
/// them; `k` names it in the placeholder path.
fn snippet<'a>(
    doc: &Document,
    chunk: &[Piece<'_, 'a>],
    k: usize,
) -> (Snippet<'a, Annotation<'a>>, View) {
    let text = doc.text.as_str();
    let (first, last) = (chunk[0].line, chunk[chunk.len() - 1].line);
    let mut source = String::new();
    let mut annotations = Vec::new();
    let mut view = Vec::with_capacity(last - first + 1);
    for l in first..=last {
        let (ls, le) = doc.lines.line_span(text, l);
        let line = &text[ls..le];
        let piece = chunk.iter().find(|p| p.line == l);
        let window = match piece {
            Some(p) => {
                let (lo, hi) = p.columns();
                // Any span on the line ties a column to a byte offset; the first one will do.
                let anchor = (p.marks[0].column, p.marks[0].start - ls);
                Window::around(line, lo, hi, anchor, ls == 0)
            }
            // The line between two shown ones: its start.
            None => Window::around(line, 0, 0, (0, 0), ls == 0),
        };
        let base = source.len();
        for m in piece.map_or(&[][..], |p| &p.marks[..]) {
            let kind = if m.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let span = base + window.locate(m.start - ls)..base + window.locate(m.end - ls);
            annotations.push(kind.span(span).label(m.label));
        }
        source.push_str(&window.text);
        if l < last {
            source.push('\n');
        }
        view.push((l, window));
    }
    let snippet = Snippet::source(source)
        .line_start(first)
        .path(placeholder(k))
        .annotations(annotations);
    (snippet, view)
}

/// The path given to snippet `k`: NUL never reaches the output otherwise (the crate shows
/// control characters of the text and message as symbols, and no path holds one).
fn placeholder(k: usize) -> String {
    format!("\0{k}\0")
}

/// The rendering with each placeholder path replaced by the document's path, and the column
/// after it (counted by the crate in the window) by the column in the line.
fn restore_locations(rendered: &str, path: &str, views: &[View]) -> String {
    let mut out = String::with_capacity(rendered.len() + views.len() * path.len());
    let mut rest = rendered;
    while let Some((before, after)) = rest.split_once('\0') {
        let Some((k, after)) = after.split_once('\0') else {
            break;
        };
        out.push_str(before);
        out.push_str(path);
        rest = after;
        let view = k.parse::<usize>().ok().and_then(|k| views.get(k));
        if let (Some(view), Some((line, column, len))) = (view, line_column(rest)) {
            let column = view
                .iter()
                .find(|(l, _)| *l == line)
                .map_or(column, |(_, w)| w.line_column(column));
            let _ = write!(out, ":{line}:{column}");
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// `:LINE:COLUMN` at the start of `s`, and its length.
fn line_column(s: &str) -> Option<(usize, usize, usize)> {
    let number = |s: &str| {
        let s = s.strip_prefix(':')?;
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        Some((s[..digits].parse::<usize>().ok()?, digits + 1))
    };
    let (line, a) = number(s)?;
    let (column, b) = number(&s[a..])?;
    Some((line, column, a + b))
}

/// Lines longer than this many characters are shown as a window around their spans: news
/// paragraphs are single lines hundreds of characters long.
const MAX_LINE: usize = 100;
/// Characters of context kept on each side of the spans in a window.
const CONTEXT: usize = 30;

/// The part of a source line that is shown, and where its columns start.
struct Window {
    text: String,
    /// Character index, in the line without its leading byte-order marks, where the window
    /// starts.
    first: usize,
    /// Whether an ellipsis stands before the window.
    clipped: bool,
    /// The bytes of the line (byte-order marks included) that the window shows.
    shown: Range<usize>,
    /// Leading byte-order marks that `LineIndex` counts as columns (all but the one it
    /// skips at the start of the text).
    counted_boms: usize,
}

impl Window {
    /// The whole line when it is short; otherwise the columns `lo..hi` with some context,
    /// cut at spaces and marked with ellipses. `anchor` is a column of the line (as
    /// `LineIndex` counts it) and its byte offset: the window is found by walking from
    /// there, so a long line costs the window's length, not the line's. `first_line` tells
    /// whether the column skipped a byte-order mark.
    fn around(
        line: &str,
        lo: usize,
        hi: usize,
        anchor: (usize, usize),
        first_line: bool,
    ) -> Window {
        let source = line.trim_start_matches('\u{feff}');
        let trimmed = line.len() - source.len();
        let counted_boms =
            (trimmed / '\u{feff}'.len_utf8()).saturating_sub(usize::from(first_line));
        let cursor = Cursor::new(line, source, anchor, first_line);
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
                shown: trimmed..line.len(),
                counted_boms,
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
            shown: trimmed + from..trimmed + to,
            counted_boms,
        }
    }

    /// Where byte `at` of the line (a character boundary) is in the window's text; bytes
    /// outside the window go to its nearer end.
    fn locate(&self, at: usize) -> usize {
        let ellipsis = if self.clipped { '…'.len_utf8() } else { 0 };
        ellipsis + at.clamp(self.shown.start, self.shown.end) - self.shown.start
    }

    /// The 1-based column in the line (as `LineIndex` counts it) of the 1-based column
    /// `shown` of the window's text.
    fn line_column(&self, shown: usize) -> usize {
        let index = shown
            .saturating_sub(1)
            .saturating_sub(usize::from(self.clipped));
        index + self.first + self.counted_boms + 1
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
    use crate::finding::{Computed, Related, Role, Verdict};
    use crate::source::Format;

    fn doc(path: &str, text: &str) -> Document {
        Document::new(path, text.to_string(), Format::from_path(path))
    }

    fn finding(primary: Span, related: &[(Span, Role)]) -> Finding {
        Finding {
            rule: "NUM-TEST",
            severity: Severity::Warning,
            verdict: Verdict::Inconsistent,
            message: "a test finding".into(),
            primary,
            related: related
                .iter()
                .map(|&(span, label)| Related { span, label })
                .collect(),
            computed: None,
        }
    }

    /// The byte span of the `nth` occurrence of `needle`.
    fn span(text: &str, needle: &str, nth: usize) -> Span {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Span::new(start, start + needle.len())
    }

    /// The rendering's lines after the header, as the tests below spell them out.
    fn body(out: &str) -> Vec<&str> {
        out.trim_end().lines().skip(1).collect()
    }

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
                    let (text, first) = indexed(line, column, column + len);
                    // Any span of the line may be the anchor, not only the leftmost.
                    let later = line[byte..].char_indices().nth(len).map(|(b, _)| byte + b);
                    let anchors = [Some((column, byte)), later.map(|b| (column + len, b))];
                    for anchor in anchors.into_iter().flatten() {
                        let window = Window::around(line, column, column + len, anchor, first_line);
                        assert_eq!(window.text, text, "at byte {byte}, length {len}");
                        assert_eq!(window.first, first, "at byte {byte}, length {len}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_typical_finding() {
        let text = "There were 38 attacks from January to May, on pace for a possible 90.\n";
        let d = doc("news/café.txt", text);
        let mut f = finding(
            span(text, "a possible 90", 0),
            &[
                (span(text, "38 attacks", 0), Role::Count),
                (span(text, "January to May", 0), Role::Period),
            ],
        );
        f.computed = Some(Computed {
            value: "91.2".parse().unwrap(),
            low: Some("90".parse().unwrap()),
            high: None,
        });
        assert_eq!(
            render(&d, &[f]),
            "\
warning[NUM-TEST]: a test finding
 --> news/café.txt:1:56
  |
1 | There were 38 attacks from January to May, on pace for a possible 90.
  |            ----------      -------------- period       ^^^^^^^^^^^^^
  |            |
  |            count
  |
  = computed: 91.2 (90–∞); verdict: inconsistent

"
        );
    }

    #[test]
    fn carets_count_characters_not_bytes() {
        let text = "Le café — fermé — a 12 tables.\n";
        let d = doc("x.txt", text);
        let out = render(
            &d,
            &[finding(
                span(text, "12", 0),
                &[(span(text, "fermé", 0), Role::Item)],
            )],
        );
        // "Le café — fermé — a " is 20 characters and 26 bytes.
        assert!(out.contains(" --> x.txt:1:21\n"), "{out}");
        assert_eq!(body(&out)[3], "  |           -----     ^^", "{out}");
        assert!(out.contains("  |           item\n"), "{out}");
    }

    #[test]
    fn carets_under_wide_characters_and_tabs_count_terminal_cells() {
        // Two CJK characters take two cells each; a tab is shown as four spaces.
        let text = "人口\t12 people.\n";
        let d = doc("x.txt", text);
        let out = render(&d, &[finding(span(text, "12", 0), &[])]);
        assert!(out.contains(" --> x.txt:1:4\n"), "{out}");
        assert_eq!(body(&out)[2], "1 | 人口    12 people.", "{out}");
        assert_eq!(body(&out)[3], "  |         ^^", "{out}");
    }

    #[test]
    fn crlf_and_lone_cr_lines() {
        let text = "Officials met.\r\nThey counted 38 boats.\rThen 40 boats.\r\n";
        let d = doc("x.txt", text);
        let out = render(
            &d,
            &[finding(
                span(text, "40", 0),
                &[(span(text, "38", 0), Role::Earlier)],
            )],
        );
        assert!(!out.contains('\r'), "{out:?}");
        assert_eq!(
            body(&out),
            [
                " --> x.txt:3:6",
                "  |",
                "2 | They counted 38 boats.",
                "  |              -- earlier",
                "3 | Then 40 boats.",
                "  |      ^^",
                "  |",
                "  = verdict: inconsistent",
            ],
            "{out}"
        );
    }

    #[test]
    fn a_byte_order_mark_takes_no_column_and_is_not_shown() {
        let text = "\u{feff}38 boats sank.\n";
        let d = doc("x.txt", text);
        let out = render(&d, &[finding(span(text, "38", 0), &[])]);
        assert!(!out.contains('\u{feff}'), "{out:?}");
        assert_eq!(
            body(&out)[..4],
            [" --> x.txt:1:1", "  |", "1 | 38 boats sank.", "  | ^^"]
        );
        // A span over the mark itself is shown at the line's start.
        let out = render(&d, &[finding(Span::new(0, 5), &[])]);
        assert_eq!(
            body(&out)[..4],
            [" --> x.txt:1:1", "  |", "1 | 38 boats sank.", "  | ^^"]
        );
    }

    #[test]
    fn long_lines_show_windows_with_exact_columns() {
        let filler = "and the council met again on the matter ".repeat(40);
        let text = format!("In all 38 boats sank, {filler}so 40 boats were lost, {filler}the end.");
        let d = doc("x.txt", &text);
        let (p, r) = (span(&text, "40 boats", 0), span(&text, "38 boats", 0));
        let out = render(&d, &[finding(p, &[(r, Role::Earlier)])]);
        let column = text[..p.start].chars().count() + 1;
        // Far apart on one line: a window around each, the primary's first.
        assert_eq!(
            body(&out),
            [
                &format!(" --> x.txt:1:{column}"),
                "  |",
                "1 | …council met again on the matter so 40 boats were lost, and the council met…",
                "  |                                     ^^^^^^^^",
                "  |",
                " ::: x.txt:1:8",
                "  |",
                "1 | In all 38 boats sank, and the council met again…",
                "  |        -------- earlier",
                "  |",
                "  = verdict: inconsistent",
            ],
            "{out}"
        );
        // A line of megabytes costs its window.
        let huge = format!("{} 12 boats.", "word ".repeat(400_000));
        let d = doc("x.txt", &huge);
        let out = render(&d, &[finding(span(&huge, "12", 0), &[])]);
        assert!(out.len() < 400, "{out}");
        assert!(out.contains(" --> x.txt:1:2000002\n"), "{out}");
    }

    #[test]
    fn spans_at_the_end_of_the_text_and_empty_spans() {
        for text in ["It cost 12", "It cost 12\n", "It cost 12\r\n", ""] {
            let d = doc("x.txt", text);
            let end = Span::new(text.len(), text.len());
            let out = render(&d, &[finding(end, &[(Span::new(0, 0), Role::Anchor)])]);
            let last = text.trim_end().chars().count();
            let line = if text.ends_with('\n') { 2 } else { 1 };
            let column = if line == 2 { 1 } else { last + 1 };
            assert!(
                out.contains(&format!(" --> x.txt:{line}:{column}\n")),
                "{text:?}: {out}"
            );
            assert!(out.contains("anchor"), "{text:?}: {out}");
        }
        let text = "It cost 12 euros.";
        let d = doc("x.txt", text);
        let out = render(&d, &[finding(Span::new(8, 8), &[])]);
        assert_eq!(
            body(&out)[2..4],
            ["1 | It cost 12 euros.", "  |         ^"],
            "{out}"
        );
    }

    #[test]
    fn spans_out_of_range_or_inside_a_character_do_not_panic() {
        let text = "Le café a 12 tables.";
        let d = doc("x.txt", text);
        let inside = text.find('é').unwrap() + 1;
        for primary in [
            Span::new(inside, inside + 3),
            Span::new(inside, inside),
            Span { start: 15, end: 4 },
            Span::new(text.len() + 5, text.len() + 9),
        ] {
            let out = render(&d, &[finding(primary, &[(Span::new(0, 99), Role::Total)])]);
            assert!(out.starts_with("warning[NUM-TEST]"), "{out}");
            assert!(out.contains("total"), "{out}");
        }
    }

    #[test]
    fn headings_and_far_lines_get_snippets_of_their_own() {
        let text = "# 60 homes lost in hill fire\n\nThe fire destroyed 16 homes.\n\nNeighbours said so.\n\nOthers said 16 homes too.\n";
        let d = doc("x.md", text);
        let f = finding(
            span(text, "60 homes", 0),
            &[
                (span(text, "16 homes", 0), Role::Body),
                (span(text, "16 homes", 1), Role::Body),
            ],
        );
        let out = render(&d, &[f]);
        assert_eq!(
            body(&out),
            [
                " --> x.md:1:3",
                "  |",
                "1 | # 60 homes lost in hill fire",
                "  |   ^^^^^^^^",
                "  |",
                " ::: x.md:3:20",
                "  |",
                "3 | The fire destroyed 16 homes.",
                "  |                    -------- body",
                "  |",
                " ::: x.md:7:13",
                "  |",
                "7 | Others said 16 homes too.",
                "  |             -------- body",
                "  |",
                "  = verdict: inconsistent",
            ],
            "{out}"
        );
    }

    #[test]
    fn colour_only_when_asked_and_no_placeholder_leaks() {
        // The path looks like a location, the message and the text hold NUL.
        let text = "Nul \0 here: 12 boats.\n";
        let d = doc("dir:9:9/x.txt", text);
        let mut f = finding(span(text, "12", 0), &[]);
        f.message = "odd\0message".into();
        let plain = render_styled(&d, std::slice::from_ref(&f), false);
        assert!(!plain.contains('\x1b'), "{plain}");
        assert!(!plain.contains('\0'), "{plain:?}");
        assert!(plain.contains(" --> dir:9:9/x.txt:1:13\n"), "{plain}");
        let styled = render_styled(&d, std::slice::from_ref(&f), true);
        assert!(
            styled.contains("\x1b[1m\x1b[33mwarning[NUM-TEST]"),
            "{styled:?}"
        );
        assert!(styled.contains("dir:9:9/x.txt:1:13\n"), "{styled:?}");
        assert!(!styled.contains('\0'), "{styled:?}");
        assert_eq!(render_styled(&d, &[f], true), styled);
    }
}
