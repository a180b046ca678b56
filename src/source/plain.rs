//! Plain text: all prose, headings recognised by layout.
//!
//! A plain-text line is a heading when it stands alone (a line of its own), is short (at most
//! 25 words), does not end like a sentence (`.`, `?`, `!`, `:`, `;`, `,`, or a closing quote
//! after one), starts with a capital letter and is not a list item. The first such line is the
//! title. This is how news exports mark headings, section titles and links to other stories.
//! The article's first line is a heading whatever its case ("40 homes lost in hill fire",
//! "iPhone sales slip") when it passes the other tests and a body follows it.
//!
//! `<!-- numcheck: … -->` suppression comments work here too; they are masked like markup.

use super::{blank, Document, Format, LineIndex};
use crate::model::Span;
use crate::source::suppress::{comments_in, parse_comment, Suppressions};

pub fn read(path: String, text: String) -> Document {
    let lines = LineIndex::new(&text);
    let mut headings = Vec::new();
    let first = first_line_heading(&text, &lines);
    for line in 1..=lines.line_count() {
        let (start, end) = lines.line_span(&text, line);
        if !wraps_on(&text, &lines, line)
            && (Some(line) == first || is_heading_line(&text[start..end]))
        {
            headings.push(Span::new(start, end));
        }
    }
    let mut masked = text.clone();
    let mut directives = Vec::new();
    for c in comments_in(&text, 0, text.len()) {
        if let Some(d) = parse_comment(c.text(&text)) {
            masked.replace_range(
                c.start..c.end,
                &String::from_utf8_lossy(&blank(c.text(&text))),
            );
            directives.push((c, d));
        }
    }
    let suppressions = Suppressions::build(directives, &text, &masked, Format::Plain);
    Document {
        path,
        masked,
        text,
        format: Format::Plain,
        headings,
        lines,
        reference_date: None,
        suppressions,
    }
}

/// A hard-wrapped sentence goes on in the next line, in lower case ("… where a new" /
/// "railing now runs …"): that line is prose, however it ends.
fn wraps_on(text: &str, lines: &LineIndex, line: usize) -> bool {
    if line >= lines.line_count() {
        return false;
    }
    let (start, end) = lines.line_span(text, line + 1);
    text[start..end]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// The first non-blank line, when it reads as a heading in any case and a non-blank line
/// follows it: position, not capitals, makes a title ("Two hurt in Main Street crash").
fn first_line_heading(text: &str, lines: &LineIndex) -> Option<usize> {
    let non_blank = |line: usize| {
        let (start, end) = lines.line_span(text, line);
        !text[start..end]
            .trim()
            .trim_start_matches('\u{feff}')
            .is_empty()
    };
    let first = (1..=lines.line_count()).find(|&l| non_blank(l))?;
    let (start, end) = lines.line_span(text, first);
    let line = text[start..end].trim().trim_start_matches('\u{feff}');
    let list_item = line.starts_with(['-', '*', '•', '#', '>', '|']);
    let body_follows = (first + 1..=lines.line_count()).any(non_blank);
    (!list_item && body_follows && unpunctuated_short(line)).then_some(first)
}

/// The layout test of the module docs.
pub fn is_heading_line(line: &str) -> bool {
    let trimmed = line.trim().trim_start_matches('\u{feff}');
    let Some(first) = trimmed.chars().next() else {
        return false;
    };
    first.is_uppercase() && unpunctuated_short(trimmed)
}

/// No closing punctuation, and at most 25 words.
fn unpunctuated_short(trimmed: &str) -> bool {
    let last = trimmed
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .chars()
        .last();
    // The word limit last, and counted only up to the limit: a paragraph is a long line.
    !matches!(last, Some('.' | '?' | '!' | ':' | ';' | ','))
        && trimmed.split_whitespace().nth(25).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_unpunctuated_capitalised_lines_are_headings() {
        assert!(is_heading_line("Waves of IS Resurgence Spark Anxiety"));
        assert!(is_heading_line(
            "Politics: Approximately 900 Soldiers Deployed"
        ));
        assert!(!is_heading_line("The ferry ran aground on August 9."));
        assert!(!is_heading_line("- Islamic State"));
        assert!(!is_heading_line(""));
        assert!(!is_heading_line("Enrichment Data:"));
    }

    #[test]
    fn document_lists_heading_spans() {
        let doc = read("a.txt".into(), "Title Here\nBody text runs on.\n".into());
        assert_eq!(doc.headings, vec![Span::new(0, 10)]);
        assert_eq!(doc.masked().len(), doc.text.len());
    }

    #[test]
    fn the_first_line_is_a_heading_whatever_its_case() {
        let doc = read(
            "a.txt".into(),
            "40 homes lost in hill fire\nThe fire spread.\n".into(),
        );
        assert_eq!(doc.headings, vec![Span::new(0, 26)]);
        // Alone, or ending like a sentence, it is prose.
        let doc = read("a.txt".into(), "40 homes were lost in the fire\n".into());
        assert!(doc.headings.is_empty());
        let doc = read(
            "a.txt".into(),
            "40 homes were lost.\nThe fire spread.\n".into(),
        );
        assert!(doc.headings.is_empty());
        // A wrapped line of a paragraph is not a heading.
        let doc = read(
            "a.txt".into(),
            "A cliff 120 metres high, where a new\nrailing runs.\n".into(),
        );
        assert!(doc.headings.is_empty());
    }
}
