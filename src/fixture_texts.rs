//! The texts of `tests/fixtures`, for unit tests that check a shortcut of the scan or the
//! grammar against the full search over every fixture.

use std::path::{Path, PathBuf};

/// Every UTF-8 file under `tests/fixtures`, with its path, in path order.
pub fn all() -> Vec<(PathBuf, String)> {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    let mut texts = Vec::new();
    while let Some(dir) = dirs.pop() {
        for path in std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((path, text));
            }
        }
    }
    texts.sort();
    texts
}

/// The token starts of `text`: its first byte and every character after one that is not a
/// letter or digit.
pub fn token_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .map(|(at, _)| at)
        .filter(|&at| at == 0 || text[..at].ends_with(|c: char| !c.is_alphanumeric()))
}
