//! A small word tokenizer for attachment: words (with internal hyphens, apostrophes and the
//! periods of "U.S."), numbers, citation markers ("[3]") and single punctuation characters.
//! It borrows the text and allocates nothing.

use super::lexicon;
use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Citation,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Span,
    pub kind: TokenKind,
    pub text: &'a str,
}

impl<'a> Token<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// Case-insensitive word comparison.
    pub fn is(&self, word: &str) -> bool {
        self.is_word() && self.text.eq_ignore_ascii_case(word)
    }
    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// An acronym or dotted abbreviation: "IS", "U.S.", "SDF".
    pub fn is_acronym(&self) -> bool {
        self.is_word()
            && (self.text.contains('.')
                || (self.text.len() > 1 && !self.text.chars().any(char::is_lowercase)))
    }
    /// Ends in "'s" / "’s": a possessor ("the county's").
    pub fn is_possessive(&self) -> bool {
        self.is_word()
            && ["'s", "’s", "s'", "s’"]
                .iter()
                .any(|e| self.text.len() > e.len() && self.text.ends_with(e))
    }
    /// Looks like a plural noun: a lower-case final "s" (not "ss", "us", "is"), or a known
    /// irregular plural.
    pub fn is_plural_like(&self) -> bool {
        if !self.is_word() || self.is_acronym() || self.is_possessive() {
            return false;
        }
        let lower = crate::text::lower(self.text);
        if lexicon::irregular_plurals().contains_key(lower.as_ref()) {
            return true;
        }
        self.text.ends_with('s') && !["ss", "us", "is"].iter().any(|e| lower.ends_with(e))
    }
    /// A participle or gerund ("planned", "deployed", "neutralizing").
    pub fn is_participle(&self) -> bool {
        self.is_word()
            && self.text.len() > 4
            && (ends_with_ci(self.text, "ed") || ends_with_ci(self.text, "ing"))
    }
}

/// Whether `word` ends in the lower-case ASCII `suffix`, in any case.
fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Tokens of `text[from..end]`, in order.
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, from: usize, end: usize) -> Tokens<'a> {
        let end = end.min(text.len());
        Tokens {
            text,
            pos: from.min(end),
            end,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// What `char::is_whitespace` says of an ASCII byte (unlike `u8::is_ascii_whitespace`, it
/// counts the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The character starting at byte `i` of `s` (a char boundary).
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.text.get(self.pos..self.end)?;
        // Byte by byte over ASCII white space; a non-ASCII character is decoded only here.
        let bytes = rest.as_bytes();
        let mut skipped = 0;
        let first = loop {
            let &b = bytes.get(skipped)?;
            if b.is_ascii() {
                if !is_ascii_space(b) {
                    break b as char;
                }
                skipped += 1;
            } else {
                let c = char_at(rest, skipped)?;
                if !c.is_whitespace() {
                    break c;
                }
                skipped += c.len_utf8();
            }
        };
        let start = self.pos + skipped;
        let rest = &rest[skipped..];
        let (len, kind) = if first == '[' {
            let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && rest.as_bytes().get(1 + digits) == Some(&b']') {
                (digits + 2, TokenKind::Citation)
            } else {
                (1, TokenKind::Punct)
            }
        } else if first.is_ascii_digit() {
            (number_len(rest), TokenKind::Number)
        } else if first.is_alphabetic() {
            (word_len(rest), TokenKind::Word)
        } else {
            (first.len_utf8(), TokenKind::Punct)
        };
        self.pos = start + len;
        Some(Token {
            span: Span::new(start, start + len),
            kind,
            text: &rest[..len],
        })
    }
}

fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit()
            || (matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A word: letters and digits, joined by single hyphens, apostrophes or periods; a final
/// period is kept when the word is a dotted abbreviation ("U.S.").
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < b.len() {
        // ASCII letters and digits, the bulk of every word, in a tight loop; only the byte
        // after such a run is decoded.
        if b[i].is_ascii_alphanumeric() {
            i += 1;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            end = i;
            continue;
        }
        // Any other ASCII byte but a joiner ends the word, with no character to decode.
        if b[i].is_ascii() && !matches!(b[i], b'-' | b'\'' | b'.') {
            break;
        }
        let Some(c) = char_at(s, i) else { break };
        let len = c.len_utf8();
        if is_word_char(c) {
            i += len;
            end = i;
        } else if matches!(c, '-' | '\'' | '’' | '.') {
            if char_at(s, i + len).is_some_and(is_word_char) {
                i += len;
            } else {
                if c == '.' && s[..end].contains('.') {
                    end = i + 1;
                }
                break;
            }
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_citations_and_abbreviations() {
        let text = "two U.S. defense officials [3], 1,500 year's—x.";
        let toks: Vec<_> = Tokens::new(text, 0, text.len()).map(|t| t.text).collect();
        assert_eq!(
            toks,
            [
                "two",
                "U.S.",
                "defense",
                "officials",
                "[3]",
                ",",
                "1,500",
                "year's",
                "—",
                "x",
                "."
            ]
        );
    }
}
