//! Suppression comments: reading them, the regions they cover, and applying them to findings.
//!
//! In Markdown, HTML (and plain text, where the comment is masked like markup):
//! * `<!-- numcheck: ignore[RULE-ID, …] -->` — the next paragraph; `ignore` alone: every rule;
//! * `<!-- numcheck: disable[RULE-ID, …] -->` … `<!-- numcheck: enable -->` — a range
//!   (`enable[RULE-ID, …]` closes only the disables naming those rules; `disable` alone: every
//!   rule; an unclosed range runs to the end of the file);
//! * `<!-- numcheck: off -->` … `<!-- numcheck: on -->` — every rule.
//!
//! A finding is suppressed when its primary span starts inside a covered region. The engine,
//! not a rule, knows which suppressions were used, so [`apply`] reports the unused ones (and
//! directives it cannot read) under [`UNUSED_SUPPRESSION`] (documented as an engine rule in `rules::engine`).

use crate::finding::{Finding, Severity, Verdict};
use crate::model::Span;
use crate::source::format::Format;

/// The id of the engine rule that reports suppressions that suppressed nothing.
pub const UNUSED_SUPPRESSION: &str = "NUM-UNUSED-SUPPRESSION";

/// What one comment says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    /// `None` = every rule.
    Ignore(Option<Vec<String>>),
    Disable(Option<Vec<String>>),
    Enable(Option<Vec<String>>),
    Off,
    On,
    /// `numcheck:` followed by something else.
    Unknown(String),
}

/// One suppression: the comment and the region it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub comment: Span,
    /// `None` = every rule.
    pub rules: Option<Vec<String>>,
    pub region: Span,
}

impl Suppression {
    fn covers(&self, f: &Finding) -> bool {
        let rule_matches = match &self.rules {
            None => true,
            Some(ids) => ids.iter().any(|id| id.eq_ignore_ascii_case(f.rule)),
        };
        rule_matches && self.region.start <= f.primary.start && f.primary.start < self.region.end
    }
}

/// The suppressions of one document and the directives it could not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    pub items: Vec<Suppression>,
    /// Directives that cannot act: unreadable ones, and `on`/`enable` closing nothing; each
    /// with the message to report.
    pub unknown: Vec<(Span, String)>,
}

/// Reads the directive of an HTML comment's text (`<!-- numcheck: ignore[X] -->`).
pub fn parse_comment(comment: &str) -> Option<Directive> {
    let inner = comment.strip_prefix("<!--")?;
    let inner = inner.strip_suffix("-->").unwrap_or(inner).trim();
    let rest = inner.strip_prefix("numcheck:")?.trim();
    let (word, list) = match rest.find('[') {
        Some(i) => {
            let close = rest.rfind(']').filter(|&c| c > i);
            let Some(close) = close else {
                return Some(Directive::Unknown(rest.to_string()));
            };
            if !rest[close + 1..].trim().is_empty() {
                return Some(Directive::Unknown(rest.to_string()));
            }
            let ids: Vec<String> = rest[i + 1..close]
                .split(',')
                .map(|s| s.trim().to_ascii_uppercase())
                .filter(|s| !s.is_empty())
                .collect();
            (rest[..i].trim(), Some(ids))
        }
        None => (rest, None),
    };
    Some(match (word, list) {
        ("ignore", l) => Directive::Ignore(l),
        ("disable", l) => Directive::Disable(l),
        ("enable", l) => Directive::Enable(l),
        ("off", None) => Directive::Off,
        ("on", None) => Directive::On,
        _ => Directive::Unknown(rest.to_string()),
    })
}

/// Every `<!-- … -->` comment in `text[from..to]`, as spans (an unclosed one runs to `to`).
pub fn comments_in(text: &str, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = from;
    // memchr's searcher skips through prose several bytes at a time; `str::find` reads
    // every byte of every document, most of which have no comment at all.
    let opens = memchr::memmem::Finder::new("<!--");
    let closes = memchr::memmem::Finder::new("-->");
    while let Some(i) = text.get(at..to).and_then(|s| opens.find(s.as_bytes())) {
        let start = at + i;
        let end = closes
            .find(&text.as_bytes()[start + 4..to])
            .map(|j| start + 4 + j + 3)
            .unwrap_or(to);
        out.push(Span::new(start, end));
        at = end;
    }
    out
}

impl Suppressions {
    /// Builds the regions from the directives in document order. `masked` is the document's
    /// masked text, which tells where the next paragraph ends.
    pub fn build(
        directives: Vec<(Span, Directive)>,
        text: &str,
        masked: &str,
        format: Format,
    ) -> Suppressions {
        let mut out = Suppressions::default();
        let mut open_disables: Vec<(Span, Option<Vec<String>>)> = Vec::new();
        let mut open_off: Option<Span> = None;
        for (comment, directive) in directives {
            match directive {
                Directive::Ignore(rules) => {
                    let end = paragraph_end(text, masked, format, comment.end);
                    out.items.push(Suppression {
                        comment,
                        rules,
                        region: Span::new(comment.end, end),
                    });
                }
                Directive::Disable(rules) => open_disables.push((comment, rules)),
                Directive::Enable(which) => {
                    let (closed, kept): (Vec<_>, Vec<_>) =
                        open_disables
                            .into_iter()
                            .partition(|(_, rules)| match (&which, rules) {
                                (None, _) => true,
                                (Some(w), Some(r)) => r.iter().all(|id| w.contains(id)),
                                (Some(_), None) => false,
                            });
                    open_disables = kept;
                    if closed.is_empty() {
                        out.unknown.push((comment, "`enable` without an open `disable`".into()));
                    }
                    for (c, rules) in closed {
                        out.items.push(Suppression {
                            comment: c,
                            rules,
                            region: Span::new(c.end, comment.start),
                        });
                    }
                }
                Directive::Off => {
                    open_off.get_or_insert(comment);
                }
                Directive::On => match open_off.take() {
                    Some(c) => out.items.push(Suppression {
                        comment: c,
                        rules: None,
                        region: Span::new(c.end, comment.start),
                    }),
                    None => out.unknown.push((comment, "`on` without an open `off`".into())),
                },
                Directive::Unknown(what) => out.unknown.push((
                    comment,
                    format!("unknown numcheck directive `{what}`: expected ignore[…], disable[…], enable, off or on"),
                )),
            }
        }
        let eof = text.len();
        for (c, rules) in open_disables {
            out.items.push(Suppression {
                comment: c,
                rules,
                region: Span::new(c.end, eof),
            });
        }
        if let Some(c) = open_off {
            out.items.push(Suppression {
                comment: c,
                rules: None,
                region: Span::new(c.end, eof),
            });
        }
        out.items.sort_by_key(|s| s.comment.start);
        out
    }
}

/// Where the paragraph after `from` ends: at the first blank line after some prose, or in
/// HTML at the first closing block tag after some prose.
fn paragraph_end(text: &str, masked: &str, format: Format, from: usize) -> usize {
    let bytes = masked.as_bytes();
    let mut i = from;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let prose_start = i;
    if format == Format::Html {
        let lower = text.to_ascii_lowercase();
        const CLOSERS: [&str; 12] = [
            "</p",
            "</li",
            "</h1",
            "</h2",
            "</h3",
            "</h4",
            "</h5",
            "</h6",
            "</div",
            "</blockquote",
            "</td",
            "</figcaption",
        ];
        return CLOSERS
            .iter()
            .filter_map(|c| lower.get(prose_start..).and_then(|s| s.find(c)))
            .min()
            .map(|j| prose_start + j)
            .unwrap_or(text.len());
    }
    let mut line_has_prose = false;
    let mut j = prose_start;
    while j < bytes.len() {
        match bytes[j] {
            b'\n' => {
                if !line_has_prose && j > prose_start {
                    return j;
                }
                line_has_prose = false;
            }
            b' ' | b'\t' | b'\r' => {}
            _ => line_has_prose = true,
        }
        j += 1;
    }
    bytes.len()
}

/// Drops suppressed findings and appends one [`UNUSED_SUPPRESSION`] warning per suppression
/// that suppressed nothing (unless every rule it names is disabled) and per unreadable
/// directive. Findings stay sorted.
pub fn apply(
    sup: &Suppressions,
    findings: Vec<Finding>,
    enabled: impl Fn(&str) -> bool,
) -> Vec<Finding> {
    let mut used = vec![false; sup.items.len()];
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let mut suppressed = false;
            for (i, s) in sup.items.iter().enumerate() {
                if s.covers(f) {
                    used[i] = true;
                    suppressed = true;
                }
            }
            !suppressed
        })
        .collect();
    if enabled(UNUSED_SUPPRESSION) {
        for (s, _) in sup.items.iter().zip(&used).filter(|(_, u)| !**u) {
            let relevant = match &s.rules {
                None => true,
                Some(ids) => ids.iter().any(|id| enabled(id)),
            };
            if relevant {
                let what = match &s.rules {
                    None => "every rule".to_string(),
                    Some(ids) => ids.join(", "),
                };
                kept.push(unused(
                    s.comment,
                    format!(
                        "unused suppression of {what}: no such finding in the region it covers"
                    ),
                ));
            }
        }
        for (span, what) in &sup.unknown {
            kept.push(unused(*span, what.clone()));
        }
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}

fn unused(span: Span, message: String) -> Finding {
    Finding {
        rule: UNUSED_SUPPRESSION,
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message,
        primary: span,
        related: Vec::new(),
        computed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_parse() {
        assert_eq!(
            parse_comment("<!-- numcheck: ignore[num-pct-change, DATE-OFFSET] -->"),
            Some(Directive::Ignore(Some(vec![
                "NUM-PCT-CHANGE".into(),
                "DATE-OFFSET".into()
            ])))
        );
        assert_eq!(
            parse_comment("<!-- numcheck: off -->"),
            Some(Directive::Off)
        );
        assert_eq!(
            parse_comment("<!--numcheck: enable-->"),
            Some(Directive::Enable(None))
        );
        assert_eq!(parse_comment("<!-- a note -->"), None);
        assert!(matches!(
            parse_comment("<!-- numcheck: ignor[X] -->"),
            Some(Directive::Unknown(_))
        ));
    }

    fn finding(rule: &'static str, at: usize) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            verdict: Verdict::Inconsistent,
            message: String::new(),
            primary: Span::new(at, at + 1),
            related: vec![],
            computed: None,
        }
    }

    #[test]
    fn ignore_covers_the_next_paragraph_only() {
        let text = "<!-- numcheck: ignore[R-A] -->\nfirst para\nstill first\n\nsecond\n";
        let masked = text.replace("<!-- numcheck: ignore[R-A] -->", &" ".repeat(30));
        let dirs = vec![(Span::new(0, 30), parse_comment(&text[..30]).unwrap())];
        let sup = Suppressions::build(dirs, text, &masked, Format::Markdown);
        let second = text.find("second").unwrap();
        let kept = apply(
            &sup,
            vec![finding("R-A", 35), finding("R-A", second)],
            |_| true,
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].primary.start, second);
    }

    #[test]
    fn unused_and_disabled_ranges() {
        let text = "a <!-- numcheck: disable[R-A] --> b <!-- numcheck: enable --> c";
        let comments = comments_in(text, 0, text.len());
        assert_eq!(comments.len(), 2);
        let dirs = comments
            .iter()
            .map(|c| (*c, parse_comment(c.text(text)).unwrap()))
            .collect();
        let sup = Suppressions::build(dirs, text, text, Format::Plain);
        assert_eq!(
            sup.items[0].region,
            Span::new(comments[0].end, comments[1].start)
        );
        let kept = apply(&sup, vec![], |_| true);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rule, UNUSED_SUPPRESSION);
        // A suppression of a rule that is not selected is not reported.
        assert!(apply(&sup, vec![], |id| id != "R-A").is_empty());
    }
}
