//! Byte offset → 1-based line and character column.

/// Bytes between column checkpoints: a column costs at most this much counting.
const CHECKPOINT: usize = 1024;

/// Start offsets of every line, for offset → (line, column) look-ups.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(offset, characters from its line's start to it)` about every [`CHECKPOINT`] bytes,
    /// at character boundaries: without them a column in a long line (a document without
    /// line breaks) costs a count from the line's start, quadratic over all claims.
    checkpoints: Vec<(usize, usize)>,
}

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// Checkpoints about every [`CHECKPOINT`] bytes through the line `bytes[start..end]`, each
/// at a character start with the characters from `start` to it.
fn add_checkpoints(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut column = 0;
    while end - at > CHECKPOINT {
        let Some(next) = (at + CHECKPOINT..end).find(|&i| starts_char(bytes[i])) else {
            return;
        };
        // `chars().count()` counts a word of bytes at a time.
        column += text[at..next].chars().count();
        out.push((next, column));
        at = next;
    }
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut checkpoints = Vec::new();
        // Line breaks found with memchr: the bytes between them are only looked at again
        // in lines long enough to need checkpoints.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                add_checkpoints(text, *starts.last().unwrap_or(&0), i, &mut checkpoints);
                starts.push(i + 1);
            }
        }
        add_checkpoints(
            text,
            *starts.last().unwrap_or(&0),
            bytes.len(),
            &mut checkpoints,
        );
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// 1-based line and 1-based column in characters of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let column = match text.get(start..offset) {
            Some(_) => {
                let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
                let (from, counted) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
                    Some((at, counted)) if at >= start => (at, counted),
                    _ => (start, 0),
                };
                let rest = text.get(from..offset).map_or(0, |s| s.chars().count());
                // A byte-order mark is invisible in every editor: columns start after it.
                let bom = start == 0 && offset > 0 && text.starts_with('\u{feff}');
                counted + rest - usize::from(bom)
            }
            None => offset - start,
        };
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
    fn columns_in_long_lines_count_every_character() {
        let line = "é 38 attacks, ".repeat(500);
        let text = format!("{line}\n{line}\r{line}");
        let idx = LineIndex::new(&text);
        assert!(idx.checkpoints.len() > 10);
        let starts = [0, line.len() + 1, 2 * line.len() + 2];
        for (offset, _) in text.char_indices().step_by(7) {
            let l = starts.iter().rposition(|&s| s <= offset).unwrap_or(0);
            let column = text[starts[l]..offset].chars().count() + 1;
            assert_eq!(idx.position(&text, offset), (l + 1, column), "at {offset}");
        }
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
