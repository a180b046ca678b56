//! The input formats.

/// The input formats numcheck reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// The format a path's extension implies; plain text when unknown.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            Format::Html
        } else {
            Format::Plain
        }
    }

    /// The format named `plain`, `markdown` or `html` (as front ends and batch lines name it).
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "plain" => Some(Format::Plain),
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            _ => None,
        }
    }
}
