//! Byte offset → 1-based line and character column.

/// Start offsets of every line, for offset → (line, column) look-ups.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line and 1-based column in characters of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        // A byte-order mark is invisible in every editor: columns start after it.
        let column = text
            .get(start..offset)
            .map(|s| {
                s.strip_prefix('\u{feff}')
                    .filter(|_| start == 0)
                    .unwrap_or(s)
            })
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line + 1, column + 1)
    }

    /// Byte range of a 1-based line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line - 1];
        let mut end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let text = "a\r\nbé c\rd\ne";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), (1, 1));
        assert_eq!(idx.position(text, 3), (2, 1));
        // 'c' sits after "bé " : 3 characters, 4 bytes.
        assert_eq!(idx.position(text, 7), (2, 4));
        assert_eq!(idx.position(text, 9), (3, 1));
        assert_eq!(idx.position(text, 11), (4, 1));
        assert_eq!(idx.line_span(text, 2), (3, 8));
    }

    #[test]
    fn a_bom_takes_no_column() {
        let text = "\u{feff}ab\r\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 3), (1, 1));
        assert_eq!(idx.position(text, 4), (1, 2));
        assert_eq!(idx.position(text, 7), (2, 1));
    }
}
