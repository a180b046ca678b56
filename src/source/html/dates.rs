//! The page's own publication date: schema.org JSON-LD, `<meta>` tags, microdata, or a
//! `<time datetime>` before the first paragraph. Each source is kept apart so that the most
//! deliberate one wins whatever the order the CMS wrote them in.

use super::tokens::StartTag;
use crate::source::{leading_date, DateSource};
use jiff::civil::Date;
use serde_json::Value;

/// The first date each source gave.
#[derive(Debug, Default)]
pub struct Dates {
    json_ld: Option<Date>,
    open_graph: Option<Date>,
    itemprop: Option<Date>,
    meta_date: Option<Date>,
    time: Option<Date>,
}

impl Dates {
    /// Reads a start tag's date attributes. `before_body_text` is whether no paragraph has
    /// been seen yet: a `<time>` further down dates an event in the story, not the story.
    pub fn tag(&mut self, tag: &StartTag, before_body_text: bool) {
        let value = || tag.attr("content").or_else(|| tag.attr("datetime"));
        let eq = |name: &str, want: &str| {
            tag.attr(name)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(want))
        };
        if tag.name == "meta" {
            if eq("property", "article:published_time") || eq("name", "article:published_time") {
                first(&mut self.open_graph, tag.attr("content"));
            }
            if eq("name", "date") {
                first(&mut self.meta_date, tag.attr("content"));
            }
        }
        // Microdata puts `itemprop` on a `<meta>` or on the `<time>` it marks up.
        if eq("itemprop", "datePublished") {
            first(&mut self.itemprop, value());
        }
        if tag.name == "time" && before_body_text {
            first(&mut self.time, tag.attr("datetime"));
        }
    }

    /// Reads the body of a `<script type="application/ld+json">`.
    pub fn json_ld(&mut self, body: &str) {
        if self.json_ld.is_none() {
            self.json_ld = json_ld_date(body);
        }
    }

    /// The date to use and where it came from, most deliberate source first.
    pub fn best(&self) -> Option<(Date, DateSource)> {
        [
            (self.json_ld, DateSource::HtmlJsonLd),
            (self.open_graph, DateSource::HtmlMeta),
            (self.itemprop, DateSource::HtmlItemprop),
            (self.meta_date, DateSource::HtmlMetaDate),
            (self.time, DateSource::HtmlTime),
        ]
        .into_iter()
        .find_map(|(d, src)| Some((d?, src)))
    }
}

fn first(slot: &mut Option<Date>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.and_then(leading_date);
    }
}

/// Whether a script's `type` holds JSON-LD.
pub fn is_json_ld(tag: &StartTag) -> bool {
    tag.attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// `datePublished` of the first article the JSON-LD describes: a top-level object, an array
/// of them, or an `@graph` holding them (Yoast and most WordPress SEO plugins write a graph in
/// which the `WebPage` has a `datePublished` too: only an article's counts).
fn json_ld_date(body: &str) -> Option<Date> {
    let body = unwrap_markup(body);
    let value: Value = serde_json::from_str(body).ok()?;
    let nodes: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        v => vec![v],
    };
    nodes
        .iter()
        .flat_map(|n| {
            let graph = n.get("@graph").and_then(Value::as_array);
            std::iter::once(*n).chain(graph.into_iter().flatten())
        })
        .filter(|n| is_article(n))
        .find_map(|n| leading_date(n.get("datePublished")?.as_str()?))
}

/// `NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`… as a string or in a list,
/// with or without a `schema:` or full-IRI prefix.
fn is_article(node: &Value) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|t| t.ends_with("Article") || t.ends_with("BlogPosting"))
    };
    match node.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// Strips the comment and CDATA wrappers some CMSs still put around script bodies.
fn unwrap_markup(body: &str) -> &str {
    let mut b = body.trim();
    for (open, close) in [
        ("/*<![CDATA[*/", "/*]]>*/"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        b = b.strip_prefix(open).unwrap_or(b).trim_start();
        b = b.strip_suffix(close).unwrap_or(b).trim_end();
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_in_a_graph_wins_over_the_web_page() {
        let body = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","datePublished":"2020-01-01T00:00:00+00:00"},
            {"@type":["NewsArticle"],"datePublished":"2025-03-14T08:00:00-05:00"}]}"#;
        assert_eq!(
            json_ld_date(body).map(|d| d.to_string()),
            Some("2025-03-14".into())
        );
    }

    #[test]
    fn json_ld_variants_and_junk() {
        let wrapped = "<!--\n[{\"@type\":\"Organization\"},{\"@type\":\"schema:ReportageNewsArticle\",\"datePublished\":\"2024-12-03\"}]\n-->";
        assert_eq!(
            json_ld_date(wrapped).map(|d| d.to_string()),
            Some("2024-12-03".into())
        );
        for junk in [
            "",
            "{",
            "{\"@type\":\"WebPage\",\"datePublished\":\"2024-12-03\"}",
            "[[[[",
            "{\"@type\":\"Article\",\"datePublished\":12}",
        ] {
            assert_eq!(json_ld_date(junk), None, "{junk}");
        }
    }
}
