//! Byte offsets ↔ LSP positions, and incremental edits.
//!
//! LSP counts lines split at `\n`, `\r\n` or `\r`, and characters in UTF-16 code units (the
//! only encoding every client supports, so the server never negotiates another). The engine
//! counts bytes of UTF-8; every conversion between the two lives here.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Start offsets of every line of one text.
pub struct LineMap {
    starts: Vec<usize>,
}

impl LineMap {
    pub fn new(text: &str) -> LineMap {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` is one break: the line starts after the `\n`.
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineMap { starts }
    }

    /// The byte range of a 0-based line without its line break; `None` past the last line.
    fn line(&self, text: &str, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line)?;
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some((start, end))
    }

    /// The LSP position of a byte offset (clamped into the text, moved back to a char start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of an LSP position. A character past the line's end means the line's
    /// end, a line past the last means the text's end, and a position inside a surrogate pair
    /// means the character's start (as the specification asks of servers).
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some((start, end)) = self.line(text, pos.line as usize) else {
            return text.len();
        };
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            units += c.len_utf16();
            if units > pos.character as usize {
                return start + i;
            }
        }
        end
    }

    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }
}

/// Applies content changes in order, as `didChange` sends them: each change's range refers
/// to the text left by the changes before it; a change without a range replaces everything.
pub fn apply_changes(text: &mut String, changes: Vec<TextDocumentContentChangeEvent>) {
    for change in changes {
        match change.range {
            None => *text = change.text,
            Some(range) => {
                let lines = LineMap::new(text);
                let start = lines.offset(text, range.start);
                let end = lines.offset(text, range.end).max(start);
                text.replace_range(start..end, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, range: ((u32, u32), (u32, u32)), new: &str) -> String {
        let mut s = text.to_string();
        let ((a, b), (c, d)) = range;
        apply_changes(
            &mut s,
            vec![TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(a, b), Position::new(c, d))),
                range_length: None,
                text: new.into(),
            }],
        );
        s
    }

    #[test]
    fn positions_count_utf16_units_after_emoji_and_accents() {
        // "🙂" is 4 bytes and 2 UTF-16 units; "é" 2 bytes and 1 unit.
        let text = "ok\n🙂 é 38 attacks";
        let lines = LineMap::new(text);
        let at = text.find("38").unwrap();
        assert_eq!(lines.position(text, at), Position::new(1, 5));
        assert_eq!(lines.offset(text, Position::new(1, 5)), at);
    }

    #[test]
    fn crlf_and_lone_cr_break_lines() {
        let text = "a\r\nb\rc\nd";
        let lines = LineMap::new(text);
        assert_eq!(
            lines.position(text, text.find('b').unwrap()),
            Position::new(1, 0)
        );
        assert_eq!(
            lines.position(text, text.find('c').unwrap()),
            Position::new(2, 0)
        );
        assert_eq!(
            lines.position(text, text.find('d').unwrap()),
            Position::new(3, 0)
        );
        // Past the end of a line is its end, not the next line.
        assert_eq!(lines.offset(text, Position::new(0, 99)), 1);
        assert_eq!(lines.offset(text, Position::new(99, 0)), text.len());
    }

    #[test]
    fn inside_a_surrogate_pair_is_the_characters_start() {
        let text = "🙂x";
        assert_eq!(LineMap::new(text).offset(text, Position::new(0, 1)), 0);
    }

    #[test]
    fn incremental_edits_replace_ranges() {
        assert_eq!(
            edit("née 38 attacks", ((0, 4), (0, 6)), "48"),
            "née 48 attacks"
        );
        assert_eq!(edit("a\nb", ((0, 1), (1, 0)), ""), "ab");
        assert_eq!(edit("🙂", ((0, 2), (0, 2)), "!"), "🙂!");
    }
}
