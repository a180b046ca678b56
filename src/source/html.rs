//! HTML: text content only. Tags, comments, `script` and `style` are masked; entities are
//! decoded into the masked copy within their own bytes; `title` and `h1`–`h6` are headings;
//! `<meta property="article:published_time">`, or else the first `<time datetime>` before the
//! first paragraph, gives the reference date.

use super::{
    blank, into_masked, leading_date, write_decoded, DateSource, Document, Format, LineIndex,
};
use crate::model::Span;
use crate::suppress::{parse_comment, Suppressions};

pub fn read(path: String, text: String) -> Document {
    let mut masked = blank(&text);
    let mut headings = Vec::new();
    let mut directives = Vec::new();
    let mut meta_date = None;
    let mut time_date = None;
    let mut seen_paragraph = false;
    let mut heading_open: Option<(String, usize)> = None;
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if text[i..].starts_with("<!--") => {
                let end = text[i + 4..]
                    .find("-->")
                    .map(|j| i + 4 + j + 3)
                    .unwrap_or(text.len());
                if let Some(d) = parse_comment(&text[i..end]) {
                    directives.push((Span::new(i, end), d));
                }
                i = end;
            }
            b'<' if is_tag_start(bytes, i) => {
                let end = tag_end(bytes, i);
                let tag = &text[i..end];
                let name = tag_name(tag);
                if !tag.starts_with("</") {
                    match name.as_str() {
                        "script" | "style" | "pre" | "code" | "template" | "noscript" => {
                            let close = format!("</{name}");
                            i = lower[end..]
                                .find(&close)
                                .map(|j| end + j)
                                .unwrap_or(text.len());
                            continue;
                        }
                        "meta"
                            if attr(tag, "property").as_deref()
                                == Some("article:published_time") =>
                        {
                            meta_date = meta_date
                                .or_else(|| attr(tag, "content").and_then(|v| leading_date(&v)));
                        }
                        "time" if !seen_paragraph => {
                            time_date = time_date
                                .or_else(|| attr(tag, "datetime").and_then(|v| leading_date(&v)));
                        }
                        "p" => seen_paragraph = true,
                        "title" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            heading_open = Some((name.clone(), end));
                        }
                        _ => {}
                    }
                } else if let Some((open, start)) = &heading_open {
                    if *open == name {
                        headings.push(Span::new(*start, i));
                        heading_open = None;
                    }
                }
                if is_block(&name) && end - i >= 3 {
                    // Blocks end sentences: "<p>up 5%</p><p>10 people" must not read as one.
                    masked[i] = b'\n';
                    masked[i + 1] = b'\n';
                }
                i = end;
            }
            b'&' => {
                let (len, decoded) = entity(&text[i..]);
                match decoded {
                    Some(c) => {
                        let mut buf = [0u8; 4];
                        write_decoded(&mut masked, &text, i, i + len, c.encode_utf8(&mut buf));
                    }
                    None => masked[i] = b'&',
                }
                i += len;
            }
            _ => {
                let len = utf8_len(bytes[i]);
                let end = (i + len).min(bytes.len());
                masked[i..end].copy_from_slice(&bytes[i..end]);
                i = end;
            }
        }
    }
    let masked = into_masked(masked);
    let suppressions = Suppressions::build(directives, &text, &masked, Format::Html);
    let reference_date = meta_date.or(time_date).map(|d| (d, DateSource::HtmlMeta));
    Document {
        path,
        lines: LineIndex::new(&text),
        masked,
        text,
        format: Format::Html,
        headings,
        reference_date,
        suppressions,
    }
}

/// Elements whose boundaries separate paragraphs.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "hr"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "title"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "body"
            | "head"
            | "html"
    )
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// `<` followed by a letter, `/`, `!` or `?` opens markup; anything else is a literal `<`.
fn is_tag_start(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i + 1), Some(b) if b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// The byte after the tag's closing `>`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (j, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The value of attribute `name` in a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let value = tag[value_start..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    None
}

/// An entity at the start of `s`: its length in bytes and the character, or (1, None) for a
/// bare `&`.
fn entity(s: &str) -> (usize, Option<char>) {
    let Some(semi) = s.get(..s.len().min(12)).and_then(|h| h.find(';')) else {
        return (1, None);
    };
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        };
        n.and_then(char::from_u32)
    } else {
        named_entity(body)
    };
    match c {
        Some(c) => (semi + 1, Some(c)),
        None => (1, None),
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" | "numsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "percnt" => '%',
        "dollar" => '$',
        "times" => '×',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "middot" => '·',
        "shy" | "zwj" | "zwnj" => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_content_only_with_entities_decoded_in_place() {
        let text = "<html><head><title>Deaths Up 12%</title><meta property=\"article:published_time\" content=\"2025-03-14T08:00:00Z\"><style>p{width:40px}</style></head>\n<body><script>var x = 99;</script><h2>Toll</h2><p>About 38&nbsp;attacks cost &euro;5&nbsp;million &amp; more.</p></body></html>";
        let d = read("a.html".into(), text.to_string());
        assert_eq!(d.masked().len(), d.text.len());
        assert!(!d.masked().contains("99") && !d.masked().contains("40px"));
        assert!(d.masked().contains("About 38 "));
        let p = text.find("<p>").unwrap();
        assert_eq!(&d.masked()[p..p + 3], "\n\n ", "blocks separate paragraphs");
        let euro = text.find("&euro;").unwrap();
        assert_eq!(&d.masked()[euro..euro + 8], "€   5 ");
        assert_eq!(d.headings.len(), 2);
        assert_eq!(d.headings[0].text(&d.text), "Deaths Up 12%");
        assert_eq!(
            d.reference_date.map(|(d, _)| d.to_string()),
            Some("2025-03-14".into())
        );
    }

    #[test]
    fn time_before_first_paragraph_and_comments() {
        let text = "<header><time datetime=\"2024-12-03\">Dec 3</time></header><!-- numcheck: off --><p>x</p><!-- numcheck: on --><time datetime=\"2020-01-01\"></time>";
        let d = read("a.html".into(), text.to_string());
        assert_eq!(
            d.reference_date.map(|(d, _)| d.to_string()),
            Some("2024-12-03".into())
        );
        assert_eq!(d.suppressions.items.len(), 1);
        assert!(!d.masked().contains("numcheck"));
    }

    #[test]
    fn malformed_markup_does_not_panic() {
        for t in [
            "<",
            "&",
            "&#xZZ;",
            "<p",
            "<a href=\"x",
            "é<b>é</b>&#233;",
            "a < b & c > d",
        ] {
            let d = read("a.html".into(), t.to_string());
            assert_eq!(d.masked().len(), t.len());
        }
    }
}
