//! Open documents: their text, version, format and where they live on disk.

use super::analysis::Analysis;
use crate::source::Format;
use lsp_types::Uri;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

pub struct Doc {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub format: Format,
    /// The file behind a `file:` URI (for `numcheck.toml` and `per-file-ignores`).
    pub path: Option<PathBuf>,
    /// When the pending check is due; `None` when none is pending.
    pub due: Option<Instant>,
    /// The id of the latest job started for this document: only its result is published.
    pub latest_job: u64,
    /// The latest published check (of `version` or an older one).
    pub analysis: Option<Arc<Analysis>>,
}

impl Doc {
    pub fn new(uri: Uri, language_id: &str, version: i32, text: String) -> Doc {
        let path = file_path(uri.as_str());
        Doc {
            format: format_of(language_id, uri.as_str()),
            uri,
            version,
            text,
            path,
            due: None,
            latest_job: 0,
            analysis: None,
        }
    }

    /// The analysis of the current text, if it has been checked.
    pub fn current(&self) -> Option<&Arc<Analysis>> {
        self.analysis.as_ref().filter(|a| a.version == self.version)
    }

    /// What the engine calls the document: its path, or the URI when it is not a file.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => self.uri.as_str().to_string(),
        }
    }
}

/// The format by language id, falling back to the extension (as `numcheck check` decides).
pub fn format_of(language_id: &str, uri: &str) -> Format {
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" | "mdx" | "quarto" | "rmd" => Format::Markdown,
        "html" | "xhtml" => Format::Html,
        "plaintext" | "text" | "txt" => Format::Plain,
        _ => Format::from_path(uri.split(['?', '#']).next().unwrap_or(uri)),
    }
}

/// The path of a `file:` URI, percent-decoded; `None` for other schemes.
pub fn file_path(uri: &str) -> Option<PathBuf> {
    let rest = uri
        .strip_prefix("file://")
        .or_else(|| uri.strip_prefix("FILE://"))?;
    // `file://localhost/x` and `file:///x` name the same file; other hosts are not local.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = percent_decode(path.split(['?', '#']).next().unwrap_or(path));
    let decoded = String::from_utf8(bytes).ok()?;
    // `file:///C:/x` on Windows is `C:/x`.
    #[cfg(windows)]
    let decoded = match decoded.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() => decoded[1..].to_string(),
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            file_path("file:///tmp/a%20b/caf%C3%A9.md"),
            Some(PathBuf::from("/tmp/a b/café.md"))
        );
        assert_eq!(
            file_path("file://localhost/x.md"),
            Some(PathBuf::from("/x.md"))
        );
        assert_eq!(file_path("untitled:Untitled-1"), None);
        assert_eq!(file_path("file:///x%2"), Some(PathBuf::from("/x%2")));
    }

    #[test]
    fn language_id_wins_over_the_extension() {
        assert_eq!(format_of("markdown", "file:///a.txt"), Format::Markdown);
        assert_eq!(format_of("plaintext", "file:///a.md"), Format::Plain);
        assert_eq!(format_of("whatever", "file:///a.html"), Format::Html);
        assert_eq!(format_of("whatever", "untitled:1"), Format::Plain);
    }
}
