//! Code actions on a finding: suppress it with the comment its format reads, and show its
//! whole arithmetic when the diagnostic cannot.

use super::analysis::Analysis;
use crate::finding::Finding;
use crate::source::Format;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionResponse, Command, DocumentChanges,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

/// The command "Show the arithmetic" runs: its one argument is the text to show.
pub const SHOW_ARITHMETIC: &str = "numcheck.showArithmetic";

/// The actions for the findings whose primary span meets `range`, in finding order.
pub fn code_actions(analysis: &Analysis, range: Range) -> CodeActionResponse {
    let text = &analysis.checked.doc.text;
    let from = analysis.lines.offset(text, range.start);
    let to = analysis.lines.offset(text, range.end);
    let mut out = Vec::new();
    for (f, diagnostic) in analysis.shown.iter().zip(&analysis.diagnostics) {
        // A caret inside or at either end of the span, or a selection overlapping it.
        if f.primary.start > to || f.primary.end < from {
            continue;
        }
        // Neither the unused-suppression warning nor the work-cap note is a rule that a
        // comment could switch off for a paragraph: the fix for the first is deleting its
        // comment, and the second is about the whole document.
        let suppressible = f.rule != crate::source::suppress::UNUSED_SUPPRESSION
            && f.rule != crate::limits::LIMIT_RULE;
        if suppressible {
            out.push(lsp_types::CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} here", f.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(suppress_edit(analysis, f)),
                ..CodeAction::default()
            }));
        }
        if !f.related.is_empty() || f.computed.is_some() {
            let full =
                crate::report::render::full::render(&analysis.checked.doc, std::slice::from_ref(f));
            out.push(lsp_types::CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Show the arithmetic of {}", f.rule),
                // No kind: it changes nothing, so it is neither a quick fix nor a refactor.
                kind: None,
                diagnostics: Some(vec![diagnostic.clone()]),
                command: Some(Command {
                    title: "Show the arithmetic".into(),
                    command: SHOW_ARITHMETIC.into(),
                    arguments: Some(vec![serde_json::Value::String(full)]),
                }),
                ..CodeAction::default()
            }));
        }
    }
    out
}

/// Inserts `<!-- numcheck: ignore[RULE] -->` on a line of its own before the block holding
/// the finding: an `ignore` covers the paragraph after it, so it must not split that
/// paragraph (in Markdown a comment line inside a paragraph would end it).
fn suppress_edit(analysis: &Analysis, f: &Finding) -> WorkspaceEdit {
    let doc = &analysis.checked.doc;
    let text = &doc.text;
    let at = insertion_point(text, doc.format, f.primary.start);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let pos = analysis.lines.position(text, at);
    let edit = TextEdit {
        range: Range::new(pos, pos),
        new_text: format!("<!-- numcheck: ignore[{}] -->{newline}", f.rule),
    };
    // Versioned, so a client applies it only to the text it was computed for.
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: analysis.uri.clone(),
                version: Some(analysis.version),
            },
            edits: vec![lsp_types::OneOf::Left(edit)],
        }])),
        ..WorkspaceEdit::default()
    }
}

/// Start of the line holding `offset`; in Markdown, of the first line of its paragraph (a
/// heading is a block of its own).
fn insertion_point(text: &str, format: Format, offset: usize) -> usize {
    let line_start = |at: usize| text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let mut start = line_start(offset.min(text.len()));
    if format != Format::Markdown || is_heading(&text[start..]) {
        return start;
    }
    while start > 0 {
        // `start - 1` is the previous line's break; a `\r\n` break is two bytes.
        let mut end = start - 1;
        if text[..end].ends_with('\r') && text[end..].starts_with('\n') {
            end -= 1;
        }
        let prev = line_start(end);
        let prev_line = text[prev..end].trim();
        if prev_line.is_empty() || is_heading(prev_line) {
            break;
        }
        start = prev;
    }
    start
}

fn is_heading(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_suppressions_go_before_the_paragraph() {
        let text = "# Title\nFirst line\nsecond 38 attacks\n\nNext";
        let at = text.find("38").unwrap();
        assert_eq!(
            insertion_point(text, Format::Markdown, at),
            text.find("First").unwrap()
        );
        assert_eq!(
            insertion_point(text, Format::Plain, at),
            text.find("second").unwrap()
        );
        let heading = text.find("Title").unwrap();
        assert_eq!(insertion_point(text, Format::Markdown, heading), 0);
        let crlf = text.replace('\n', "\r\n");
        let at = crlf.find("38").unwrap();
        assert_eq!(
            insertion_point(&crlf, Format::Markdown, at),
            crlf.find("First").unwrap()
        );
    }
}
