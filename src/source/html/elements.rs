//! What each element means to a reader of prose.

/// Elements whose content is not prose: code, embedded documents, form controls, scripts
/// and the SVG / MathML islands (chart labels and formulae are not sentences).
pub fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "textarea"
            | "svg"
            | "math"
            | "iframe"
            | "noembed"
            | "noframes"
            | "xmp"
            | "pre"
            | "code"
            | "button"
            | "select"
            | "object"
    )
}

/// Foreign-content islands: `<svg/>` closes itself there, and HTML blocks break out of them.
pub fn is_foreign(name: &str) -> bool {
    matches!(name, "svg" | "math")
}

/// Start tags that end an unclosed SVG or MathML island (the tree builder's "breakout" list).
pub fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// Elements whose boundaries end a sentence segment: "<td>12</td><td>15</td>" are two
/// figures, not "12 15".
pub fn is_block(name: &str) -> bool {
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
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "address"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "fieldset"
            | "legend"
            | "form"
            | "hgroup"
            | "menu"
            | "center"
            | "dialog"
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

/// `title` and `h1`–`h6`: headings by their own element.
pub fn is_heading(name: &str) -> bool {
    matches!(name, "title" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

pub fn is_numbered_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Start tags that close an open `<p>` (HTML's "close a p element" list, less the rare ones).
pub fn closes_paragraph(name: &str) -> bool {
    is_block(name) && !matches!(name, "br" | "td" | "th" | "tr" | "caption" | "title")
}

/// A class naming a deck / standfirst / subtitle under the headline, in the spellings
/// WordPress themes, Arc XP, Drupal and static-site templates use: `dek`, `c-article__dek`,
/// `entry-subtitle`, `field--name-field-standfirst`, `article-deck`.
pub fn is_deck_class(class: &str) -> bool {
    class
        .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
        .any(|part| {
            matches!(
                part.to_ascii_lowercase().as_str(),
                "dek"
                    | "deck"
                    | "standfirst"
                    | "subhead"
                    | "subheadline"
                    | "subtitle"
                    | "strapline"
            )
        })
}

/// A class of a share bar or button: `sharedaddy`, `sd-sharing`, `b-share-bar`,
/// `share-count`. Whole parts only: `market-share-chart` holds "share" too, and prose.
pub fn is_share_class(class: &str) -> bool {
    let parts: Vec<String> = class
        .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
        .map(str::to_ascii_lowercase)
        .collect();
    parts
        .iter()
        .any(|p| matches!(p.as_str(), "sharing" | "sharedaddy" | "sharethis"))
        || parts.windows(2).any(|w| {
            w[0] == "share"
                && matches!(
                    w[1].as_str(),
                    "bar" | "buttons" | "count" | "tools" | "links"
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_classes() {
        for yes in [
            "sharedaddy sd-sharing-enabled",
            "b-share-bar",
            "c-share-buttons",
            "share-count",
            "sharethis-inline",
        ] {
            assert!(is_share_class(yes), "{yes}");
        }
        for no in [
            "market-share-chart",
            "share",
            "shared-ownership",
            "article-body",
        ] {
            assert!(!is_share_class(no), "{no}");
        }
    }

    #[test]
    fn deck_classes() {
        for yes in [
            "dek",
            "c-article__dek",
            "entry-subtitle",
            "field--name-field-standfirst",
            "a Article-Deck b",
        ] {
            assert!(is_deck_class(yes), "{yes}");
        }
        for no in ["desktop", "decked-out-ad", "subheading-free", "summary", ""] {
            assert!(!is_deck_class(no), "{no}");
        }
    }
}
