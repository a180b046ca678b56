//! The source a sentence attributes its figures to: "according to X", "X said", "…, said X"
//! (`semantics.md` §7.3, field `source`).

use super::lexicon;
use super::tokens::{Token, TokenKind, Tokens};
use crate::fnv;
use crate::model::Span;
use std::borrow::Cow;

/// The attribution of a sentence: "according to X", "X said", "…, said X", as written.
pub fn source_of(text: &str, sentence: Span) -> Option<Span> {
    if text
        .get(sentence.start..sentence.end)
        .is_some_and(|s| !may_attribute(s))
    {
        return None;
    }
    // Sized for the sentence up front: growing from empty cost more than tokenizing it.
    let mut toks: Vec<Token> = Vec::with_capacity(sentence.len() / 4 + 4);
    toks.extend(
        Tokens::new(text, sentence.start, sentence.end).filter(|t| t.kind != TokenKind::Citation),
    );
    for (i, t) in toks.iter().enumerate() {
        if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            let rest = &toks[i + 2..];
            let end = rest
                .iter()
                .take(8)
                .take_while(|t| t.is_word() && !is_clause_word(t))
                .last()?;
            return Some(Span::new(rest[0].span.start, end.span.end));
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        // Most words are already lower case: lower-casing every one allocated per token.
        let low: Cow<str> = if t.text.chars().any(char::is_uppercase) {
            Cow::Owned(t.text.to_lowercase())
        } else {
            Cow::Borrowed(t.text)
        };
        if low == "according" || !lexicon::attribution_verbs().contains(low.as_ref()) {
            continue;
        }
        if let Some(s) = capitalised_run_before(&toks[..i]) {
            return Some(s);
        }
        // "…," said X / "…," explains X
        if toks[i.saturating_sub(2)..i].iter().any(|p| p.text == ",") {
            if let Some(s) = capitalised_run_after(&toks[i + 1..]) {
                return Some(s);
            }
        }
    }
    None
}

/// The shortest and the longest attribution verb [`may_attribute`] compares.
const MIN_VERB: usize = 3;
const MAX_VERB: usize = 16;

/// Whether a run of ASCII letters in `sentence` is "according" or an attribution verb. Every
/// sentence [`source_of`] finds a source in has one (a word token made of ASCII letters only
/// is such a run, and those words are), while most sentences have none: this pass spares
/// them the tokenizer.
fn may_attribute(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    let verbs = lexicon::attribution_verbs();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if !(MIN_VERB..=MAX_VERB).contains(&(i - start)) {
            continue;
        }
        // ASCII letters begin and end on char boundaries; most words need no lower-casing.
        let word = &sentence[start..i];
        let found = if word.bytes().any(|c| c.is_ascii_uppercase()) {
            fnv::contains_lowercase(verbs, word.as_bytes())
        } else {
            verbs.contains(word)
        };
        if found {
            return true;
        }
    }
    false
}

fn is_clause_word(t: &Token) -> bool {
    ["that", "which", "who", "and", "but"]
        .iter()
        .any(|w| t.is(w))
}

fn joins_name(t: &Token) -> bool {
    t.is("of") || t.is("for") || t.is("the")
}

fn capitalised_run_before(toks: &[Token]) -> Option<Span> {
    let mut start = None;
    let end = toks.last().filter(|t| t.is_capitalised())?.span.end;
    for t in toks.iter().rev() {
        if t.is_capitalised() && !t.is("The") {
            start = Some(t.span.start);
        } else if !joins_name(t) {
            break;
        }
    }
    Some(Span::new(start?, end))
}

fn capitalised_run_after(toks: &[Token]) -> Option<Span> {
    let first = toks.first().filter(|t| t.is_capitalised())?;
    let last = toks.iter().take_while(|t| t.is_capitalised()).last()?;
    Some(Span::new(first.span.start, last.span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_check_sees_every_attribution_verb() {
        for verb in lexicon::attribution_verbs() {
            assert!((MIN_VERB..=MAX_VERB).contains(&verb.len()));
            assert!(verb.bytes().all(|b| b.is_ascii_lowercase()));
        }
        assert!(may_attribute("Officials SAID on Monday"));
        assert!(may_attribute("According to the ministry"));
        assert!(!may_attribute("The ferry ran aground on August 9."));
    }
}
