//! Markdown (CommonMark via pulldown-cmark): only text events are copied into the masked
//! copy, so code blocks, inline code, HTML, front matter, emphasis markers, link syntax, list
//! and heading markers all read as blanks ("**38** attacks" → "  38   attacks").
//! Headings are known from the parser; front matter `title:` stays prose and is the title
//! heading, front matter `date:` gives the reference date.

use super::{
    blank, into_masked, leading_date, write_decoded, DateSource, Document, Format, LineIndex,
};
use crate::model::Span;
use crate::source::suppress::{comments_in, parse_comment, Suppressions};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn read(path: String, text: String) -> Document {
    let mut masked = blank(&text);
    let mut headings = Vec::new();
    let mut directives = Vec::new();
    let mut reference_date = None;
    // Inside code blocks and front matter nothing is prose.
    let mut skip_depth = 0usize;
    let mut in_metadata = false;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock) => skip_depth = skip_depth.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(Tag::Heading { .. }) => {
                let end = trim_end(&text, range.start, range.end);
                headings.push(Span::new(range.start, end));
            }
            Event::Text(t) if in_metadata => {
                if reference_date.is_none() {
                    reference_date = front_matter_date(&t).map(|d| (d, DateSource::FrontMatter));
                }
                // The title is prose and a heading; the rest of the front matter is not.
                if text.get(range.clone()) == Some(&*t) {
                    if let Some(title) = front_matter_title(&t) {
                        let span = Span::new(range.start + title.start, range.start + title.end);
                        masked[span.start..span.end].copy_from_slice(span.text(&text).as_bytes());
                        headings.push(span);
                    }
                }
            }
            Event::Text(t) if skip_depth == 0 => {
                write_decoded(&mut masked, &text, range.start, range.end, &t);
            }
            Event::Html(_) | Event::InlineHtml(_) if skip_depth == 0 => {
                for c in comments_in(&text, range.start, range.end) {
                    if let Some(d) = parse_comment(c.text(&text)) {
                        directives.push((c, d));
                    }
                }
            }
            _ => {}
        }
    }
    let masked = into_masked(masked);
    let suppressions = Suppressions::build(directives, &text, &masked, Format::Markdown);
    Document {
        path,
        lines: LineIndex::new(&text),
        masked,
        text,
        format: Format::Markdown,
        headings,
        reference_date,
        suppressions,
    }
}

/// `date: 2025-03-14` (YAML) or `date = 2025-03-14` (TOML) in a front-matter block.
fn front_matter_date(block: &str) -> Option<jiff::civil::Date> {
    block.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix("date")?.trim_start();
        let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
        leading_date(value)
    })
}

/// The span of the `title:` / `title =` value within a front-matter block, quotes excluded.
fn front_matter_title(block: &str) -> Option<Span> {
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.trim_start().strip_prefix("title") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(value) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) else {
            continue;
        };
        let value = value.trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        if unquoted.is_empty() {
            return None;
        }
        // `unquoted` is a sub-slice of `line`: its offset is a pointer difference.
        let at = unquoted.as_ptr() as usize - line.as_ptr() as usize;
        return Some(Span::new(start + at, start + at + unquoted.len()));
    }
    None
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let trimmed = text
        .get(start..end)
        .map(|s| s.trim_end().len())
        .unwrap_or(0);
    start + trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        read("a.md".into(), text.to_string())
    }

    #[test]
    fn markup_code_and_front_matter_are_masked() {
        let d = doc("---\ntitle: X 12\ndate: 2025-03-14\n---\n# Up 5 Points\n\nThere were **38** attacks, see [the 9 report](http://x/7).\n\n```\ncode 99\n```\n\nInline `42` here.\n");
        assert_eq!(d.masked().len(), d.text.len());
        assert!(!d.masked().contains("date"), "front matter masked");
        let title = d.headings[0];
        assert_eq!(title.text(&d.text), "X 12");
        assert_eq!(title.text(d.masked()), "X 12", "the title is prose");
        assert!(
            !d.masked().contains("99") && !d.masked().contains("42"),
            "code masked"
        );
        assert!(!d.masked().contains("http") && !d.masked().contains('7'));
        assert!(d.masked().contains("  38   attacks"));
        assert!(d.masked().contains("the 9 report"));
        assert_eq!(
            d.reference_date.map(|(d, _)| d.to_string()),
            Some("2025-03-14".into())
        );
        let h = d.headings[1];
        assert_eq!(h.text(&d.text), "# Up 5 Points");
        assert!(d.in_heading(Span::new(h.start + 5, h.start + 6)));
    }

    #[test]
    fn toml_front_matter_and_suppressions() {
        let d = doc(
            "+++\ndate = \"2024-12-03\"\n+++\n\n<!-- numcheck: ignore[NUM-X] -->\nSome text.\n",
        );
        assert_eq!(
            d.reference_date.map(|(d, _)| d.to_string()),
            Some("2024-12-03".into())
        );
        assert_eq!(d.suppressions.items.len(), 1);
        assert!(!d.masked().contains("numcheck"));
    }

    #[test]
    fn entities_are_decoded_within_their_bytes() {
        let d = doc("Costs rose 5&nbsp;% &amp; more.\n");
        assert_eq!(d.masked().len(), d.text.len());
        assert!(d.masked().contains('&'));
        assert!(!d.masked().contains("amp;"));
    }
}
