//! html5gum, turned into a flat list of tokens that carry byte ranges of the original text.
//!
//! The tokenizer reports decoded text (character references resolved, per the WHATWG table)
//! but only tells an emitter where it is through `move_position`. A forwarding emitter tracks
//! that position, so each piece of text it is handed is placed in the original bytes: a
//! piece that equals the bytes just before the position is raw prose; any other piece is one
//! character reference, flushed on its own by the tokenizer, and spans from its `&`.

use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

/// How far back from its end a character reference may start (`&CounterClockwiseContourIntegral;`
/// is the longest name, 33 bytes; numeric ones can carry leading zeros).
const MAX_REFERENCE: usize = 64;

/// One token, its range in the original bytes, names lower-cased by the tokenizer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// Text between tags: `decoded` is `None` when the range holds it verbatim, else what a
    /// character reference there decodes to.
    Text {
        start: usize,
        end: usize,
        decoded: Option<String>,
    },
    Start(StartTag),
    End {
        name: String,
        start: usize,
        end: usize,
    },
    Comment {
        start: usize,
        end: usize,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartTag {
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub self_closing: bool,
    /// Attribute names lower-cased, values decoded, first occurrence only (as browsers do).
    pub attrs: Vec<(String, String)>,
}

impl StartTag {
    /// The value of attribute `name` (lower case).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The tokens of `text`, in document order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let tokens = Rc::new(RefCell::new(Vec::new()));
    let mut inner = CallbackEmitter::new(Collector {
        tokens: Rc::clone(&tokens),
        tag: StartTag::default(),
        attr_name: None,
    });
    // The tokenizer alone cannot know that `<script>` or `<textarea>` switch it to raw text
    // (tree construction decides that); the naive switch by tag name is what scrapers use.
    inner.naively_switch_states(true);
    let emitter = Positioned {
        inner,
        text,
        position: 0,
        tokens: Rc::clone(&tokens),
    };
    // The string reader cannot fail: the error type is `Infallible`.
    let _ = Tokenizer::new_with_emitter(text, emitter).finish();
    tokens.take()
}

/// Gathers tags and comments from the callback emitter's events.
struct Collector {
    tokens: Rc<RefCell<Vec<Token>>>,
    tag: StartTag,
    attr_name: Option<String>,
}

impl Callback<Infallible, usize> for Collector {
    fn handle_event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) -> Option<Infallible> {
        let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = StartTag {
                    name: lossy(name),
                    start: span.start,
                    ..StartTag::default()
                };
                self.attr_name = None;
            }
            CallbackEvent::AttributeName { name } => {
                let name = lossy(name).to_ascii_lowercase();
                if self.tag.attr(&name).is_none() {
                    self.tag.attrs.push((name.clone(), String::new()));
                    self.attr_name = Some(name);
                } else {
                    self.attr_name = None;
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some(name) = &self.attr_name {
                    if let Some(slot) = self.tag.attrs.iter_mut().find(|(n, _)| n == name) {
                        slot.1.push_str(&String::from_utf8_lossy(value));
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                let mut tag = std::mem::take(&mut self.tag);
                tag.end = span.end;
                tag.self_closing = self_closing;
                self.tokens.borrow_mut().push(Token::Start(tag));
            }
            CallbackEvent::EndTag { name } => self.tokens.borrow_mut().push(Token::End {
                name: lossy(name),
                start: span.start,
                end: span.end,
            }),
            CallbackEvent::Comment { .. } => self.tokens.borrow_mut().push(Token::Comment {
                start: span.start,
                end: span.end,
            }),
            // Text comes from `Positioned::emit_string`, piece by piece; doctypes and
            // parse errors say nothing about prose.
            CallbackEvent::String { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
        None
    }
}

/// Forwards everything to the callback emitter, tracking the byte position to place text.
struct Positioned<'t> {
    inner: CallbackEmitter<Collector, Infallible, usize>,
    text: &'t str,
    position: usize,
    tokens: Rc<RefCell<Vec<Token>>>,
}

impl ForwardingEmitter for Positioned<'_> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
        self.inner.move_position(offset);
    }

    fn emit_string(&mut self, s: &[u8]) {
        if let Some(token) = place(self.text, self.position, s) {
            self.tokens.borrow_mut().push(token);
        }
        self.inner.emit_string(s);
    }
}

/// Where a piece of text handed over at byte `end` lies in the original.
fn place(text: &str, end: usize, piece: &[u8]) -> Option<Token> {
    let bytes = text.as_bytes();
    let start = end.checked_sub(piece.len());
    if let Some(start) = start {
        if bytes.get(start..end) == Some(piece) {
            return Some(Token::Text {
                start,
                end,
                decoded: None,
            });
        }
    }
    // Not verbatim: a character reference (newline normalisation and NUL replacement also
    // land here, and find no `&`: they stay blank, which is right for NUL and harmless for a
    // carriage return, which the masked copy keeps anyway).
    let window = end.saturating_sub(MAX_REFERENCE);
    let amp = window + bytes.get(window..end)?.iter().rposition(|&b| b == b'&')?;
    let raw = text.get(amp..end)?;
    if !is_reference(raw) {
        return None;
    }
    let decoded = std::str::from_utf8(piece).ok()?.to_string();
    Some(Token::Text {
        start: amp,
        end,
        decoded: Some(decoded),
    })
}

/// `&name`, `&#123`, `&#x1F`, each with an optional `;`: ASCII only, so that decoding it in
/// place never splits a character of the original.
fn is_reference(raw: &str) -> bool {
    let Some(body) = raw.strip_prefix('&') else {
        return false;
    };
    let body = body.strip_suffix(';').unwrap_or(body);
    let body = body
        .strip_prefix("#x")
        .or_else(|| body.strip_prefix("#X"))
        .or_else(|| body.strip_prefix('#'))
        .unwrap_or(body);
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(String, Option<String>)> {
        tokenize(html)
            .into_iter()
            .filter_map(|t| match t {
                Token::Text {
                    start,
                    end,
                    decoded,
                } => Some((
                    String::from_utf8_lossy(&html.as_bytes()[start..end]).into_owned(),
                    decoded,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_pieces_are_placed_on_their_original_bytes() {
        let t = texts("<p>5&nbsp;km &amp 3&#8212;4 &#x2014;x &notit; a&b</p>");
        let raw: String = t.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(raw, "5&nbsp;km &amp 3&#8212;4 &#x2014;x &notit; a&b");
        let decoded: Vec<(&str, &str)> = t
            .iter()
            .filter_map(|(r, d)| Some((r.as_str(), d.as_deref()?)))
            .collect();
        assert_eq!(
            decoded,
            [
                ("&nbsp;", "\u{a0}"),
                ("&amp", "&"),
                ("&#8212;", "—"),
                ("&#x2014;", "—"),
                ("&not", "¬")
            ]
        );
    }

    #[test]
    fn only_references_are_decoded_in_place() {
        // In a title NUL becomes U+FFFD: not a reference, though an `&` stands before it.
        let t = texts("<title>12&\u{e000}\0</title>");
        assert!(t.iter().all(|(_, d)| d.is_none()), "{t:?}");
        for (raw, yes) in [
            ("&amp;", true),
            ("&#x2014", true),
            ("&#8212;", true),
            ("&", false),
            ("&#;", false),
            ("&a b", false),
        ] {
            assert_eq!(is_reference(raw), yes, "{raw}");
        }
    }

    #[test]
    fn tag_ranges_cover_the_markup() {
        let html = "<div class=\"a>b\" data-x=1>t</div><!-- c --><br/>";
        let tokens = tokenize(html);
        let ranges: Vec<&str> = tokens
            .iter()
            .map(|t| match t {
                Token::Start(s) => &html[s.start..s.end],
                Token::End { start, end, .. }
                | Token::Comment { start, end }
                | Token::Text { start, end, .. } => &html[*start..*end],
            })
            .collect();
        assert_eq!(
            ranges,
            [
                "<div class=\"a>b\" data-x=1>",
                "t",
                "</div>",
                "<!-- c -->",
                "<br/>"
            ]
        );
        let Token::Start(div) = &tokens[0] else {
            panic!("a start tag first: {tokens:?}");
        };
        assert_eq!(div.attr("class"), Some("a>b"));
        assert_eq!(div.attr("data-x"), Some("1"));
    }

    #[test]
    fn raw_text_elements_hold_no_tags() {
        let html = "<script>if (a<b) x = '<p>';</script><p>ok";
        let starts: Vec<String> = tokenize(html)
            .into_iter()
            .filter_map(|t| match t {
                Token::Start(s) => Some(s.name),
                _ => None,
            })
            .collect();
        assert_eq!(starts, ["script", "p"]);
    }
}
