//! HTML: text content only, read with html5gum, a WHATWG-conformant tokenizer that decodes
//! character references by the full table and lets positions be tracked in bytes.
//!
//! * Markup, comments and non-prose elements (script, style, template, noscript, textarea,
//!   pre, code, form controls, SVG and MathML islands) are blanked; prose is copied into the
//!   masked copy, character references decoded within their own bytes.
//! * Block boundaries write a blank line into their own tag bytes, which the segmenter
//!   already reads as a paragraph break.
//! * `title` and `h1`–`h6` are headings; so are captions (`figcaption`) and decks (an
//!   element with a `dek`, `standfirst`, `subtitle`… class), which NUM-HEADLINE-BODY reads
//!   like headlines.
//! * The reference date comes from JSON-LD, `<meta>`, microdata or an early `<time>`
//!   ([`dates`]).

mod dates;
mod elements;
mod tokens;

use super::{blank, into_masked, write_decoded, Document, Format, LineIndex};
use crate::model::Span;
use crate::source::suppress::{parse_comment, Suppressions};
use dates::Dates;
use elements::{
    breaks_out_of_foreign, closes_paragraph, is_block, is_deck_class, is_foreign, is_heading,
    is_numbered_heading, is_skipped,
};
use tokens::{StartTag, Token};

pub fn read(path: String, text: String) -> Document {
    let mut r = Reader::new(&text);
    for token in tokens::tokenize(&text) {
        r.token(token);
    }
    let Reader {
        masked,
        headings,
        directives,
        dates,
        ..
    } = r;
    let masked = into_masked(masked);
    let suppressions = Suppressions::build(directives, &text, &masked, Format::Html);
    Document {
        path,
        lines: LineIndex::new(&text),
        masked,
        headings: disjoint(headings),
        reference_date: dates.best(),
        text,
        format: Format::Html,
        suppressions,
    }
}

/// An open element whose content becomes a heading.
struct Open {
    name: String,
    /// Where its content starts: the end of its start tag.
    start: usize,
    /// Open elements of the same name inside it (nested `<div class="dek"><div>`).
    depth: usize,
    /// Elements opened inside it and not yet closed: an end tag of an element opened
    /// outside (`</div>`, `</header>` around an unclosed `<h1>`) closes it, as the tree
    /// builder does, instead of the heading running to the end of the page.
    inner: Vec<String>,
}

struct Reader<'t> {
    text: &'t str,
    masked: Vec<u8>,
    headings: Vec<Span>,
    directives: Vec<(Span, crate::source::suppress::Directive)>,
    dates: Dates,
    /// Open non-prose elements, innermost last: nothing inside them is read.
    skipped: Vec<String>,
    /// Where the body of an open JSON-LD script starts.
    json_ld: Option<usize>,
    heading: Option<Open>,
    /// An open caption or deck.
    headline_like: Option<Open>,
    /// Whether a `<p>` was opened, and whether the first one has ended: a `<time>` up to
    /// then dates the page (bylines often sit in the first `<p>`), one later an event.
    opened_paragraph: bool,
    seen_paragraph: bool,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            masked: blank(text),
            headings: Vec::new(),
            directives: Vec::new(),
            dates: Dates::default(),
            skipped: Vec::new(),
            json_ld: None,
            heading: None,
            headline_like: None,
            opened_paragraph: false,
            seen_paragraph: false,
        }
    }

    fn token(&mut self, token: Token) {
        match token {
            Token::Text {
                start,
                end,
                decoded,
            } if self.skipped.is_empty() => self.prose(start, end, decoded.as_deref()),
            Token::Text { .. } => {}
            Token::Start(tag) if self.skipped.is_empty() => self.start(&tag),
            Token::Start(tag) => self.start_inside_skipped(&tag),
            Token::End { name, start, end } => self.end(&name, start, end),
            Token::Comment { start, end } if self.skipped.is_empty() => {
                if let Some(d) = self.text.get(start..end).and_then(parse_comment) {
                    self.directives.push((span(start, end), d));
                }
            }
            Token::Comment { .. } => {}
        }
    }

    /// Copies prose into the masked copy, whole characters only.
    fn prose(&mut self, start: usize, end: usize, decoded: Option<&str>) {
        let text = self.text;
        if start > end || end > text.len() {
            return;
        }
        match decoded {
            // The tokenizer reads bytes and may hand a character over in pieces ("&é" in a
            // title): copying whole characters of the original keeps the copy valid UTF-8.
            None => {
                let (mut start, mut end) = (start, end);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                // NUL is dropped by browsers wherever it stands: never prose.
                for (m, &b) in self.masked[start..end]
                    .iter_mut()
                    .zip(&text.as_bytes()[start..end])
                {
                    *m = if b == 0 { b' ' } else { b };
                }
            }
            Some(d) if text.is_char_boundary(start) && text.is_char_boundary(end) => {
                write_decoded(&mut self.masked, text, start, end, d)
            }
            Some(_) => {}
        }
    }

    fn start(&mut self, tag: &StartTag) {
        let name = tag.name.as_str();
        if is_block(name) {
            self.boundary(tag.start, tag.end);
            // An unclosed deck paragraph ends where the next block starts.
            if closes_paragraph(name) {
                self.close_headline_like_if("p", tag.start);
            }
        }
        self.dates.tag(tag, !self.seen_paragraph);
        if is_skipped(name) || is_widget(tag) {
            if has_content(tag) {
                self.skipped.push(tag.name.clone());
            }
            if name == "script" && dates::is_json_ld(tag) {
                self.json_ld = Some(tag.end);
            }
            return;
        }
        if name == "p" {
            self.seen_paragraph |= self.opened_paragraph;
            self.opened_paragraph = true;
        }
        if is_heading(name) {
            // A heading start inside an open heading closes it, as the tree builder does.
            if let Some(open) = self.heading.take() {
                self.headings.push(span(open.start, tag.start));
            }
            self.heading = Some(Open {
                name: tag.name.clone(),
                start: tag.end,
                depth: 1,
                inner: Vec::new(),
            });
            return;
        }
        if let Some(open) = &mut self.heading {
            if has_content(tag) {
                open.inner.push(tag.name.clone());
            }
        }
        match &mut self.headline_like {
            Some(open) if open.name == name => open.depth += 1,
            Some(_) => {}
            None => {
                let deck = tag.attr("class").is_some_and(is_deck_class);
                if name == "figcaption" || (deck && !is_void(name)) {
                    self.headline_like = Some(Open {
                        name: tag.name.clone(),
                        start: tag.end,
                        depth: 1,
                        inner: Vec::new(),
                    });
                }
            }
        }
    }

    /// Inside a non-prose element only its own nesting matters, and a block start that
    /// breaks out of an unclosed SVG or MathML island.
    fn start_inside_skipped(&mut self, tag: &StartTag) {
        let name = tag.name.as_str();
        if breaks_out_of_foreign(name) && self.skipped.iter().all(|s| is_foreign(s)) {
            self.skipped.clear();
            self.start(tag);
            return;
        }
        // Elements named like an open skipped one are counted, so that a share widget's
        // inner `</div>` does not end the widget.
        let nests = is_skipped(name) || self.skipped.iter().any(|s| s == name);
        if nests && has_content(tag) {
            self.skipped.push(tag.name.clone());
        }
    }

    fn end(&mut self, name: &str, start: usize, end: usize) {
        if !self.skipped.is_empty() {
            if let Some(k) = self.skipped.iter().rposition(|s| s == name) {
                self.skipped.truncate(k);
                if name == "script" {
                    if let Some(body) = self.json_ld.take() {
                        let body = self.text.get(body..start).unwrap_or("");
                        self.dates.json_ld(body);
                    }
                }
            }
            return;
        }
        if is_block(name) {
            self.boundary(start, end);
        }
        if name == "p" {
            self.seen_paragraph |= self.opened_paragraph;
        }
        if let Some(open) = &mut self.heading {
            // Any `</hN>` closes any open `<hM>`, as the tree builder does.
            let own =
                open.name == name || (is_numbered_heading(name) && is_numbered_heading(&open.name));
            if let Some(k) = open.inner.iter().rposition(|n| n == name).filter(|_| !own) {
                open.inner.truncate(k);
            } else if own || (is_block(name) && name != "br") {
                self.headings.push(span(open.start, start));
                self.heading = None;
            }
        }
        if name == "figure" {
            self.close_headline_like_if("figcaption", start);
        }
        if let Some(open) = &mut self.headline_like {
            if open.name == name {
                open.depth -= 1;
                if open.depth == 0 {
                    self.headings.push(span(open.start, start));
                    self.headline_like = None;
                }
            }
        }
    }

    fn close_headline_like_if(&mut self, name: &str, at: usize) {
        if self.headline_like.as_ref().is_some_and(|o| o.name == name) {
            if let Some(open) = self.headline_like.take() {
                self.headings.push(span(open.start, at));
            }
        }
    }

    /// A blank line in the tag's own bytes: "<p>up 5%</p><p>10 people" must not read as one
    /// sentence, and the segmenter ends a paragraph at a blank line.
    fn boundary(&mut self, start: usize, end: usize) {
        if end >= start + 3 {
            if let Some(slot) = self.masked.get_mut(start..start + 2) {
                slot.copy_from_slice(b"\n\n");
            }
        }
    }
}

/// Navigation and share widgets: link lists and share counts ("214"), never prose.
fn is_widget(tag: &StartTag) -> bool {
    tag.name == "nav" || tag.attr("class").is_some_and(elements::is_share_class)
}

/// A span from the tokenizer's positions, never reversed.
fn span(start: usize, end: usize) -> Span {
    Span::new(start.min(end), end)
}

/// Whether a start tag opens an element with content: not a void one, nor a self-closed SVG
/// or MathML one (`<svg/>`; in HTML proper a `/>` closes nothing).
fn has_content(tag: &StartTag) -> bool {
    !(is_void(&tag.name) || (is_foreign(&tag.name) && tag.self_closing))
}

/// Void elements have no content to capture.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Headings sorted and disjoint, as `Document::heading_of` and the segmenter rely on: a
/// caption holding a heading, or a heading closed late, is merged with what it overlaps.
fn disjoint(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests;
