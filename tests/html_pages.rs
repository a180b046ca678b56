//! Article pages in the shapes real CMSs publish (`tests/fixtures/html-pages/*.html`): one
//! insta snapshot each of what the HTML reader makes of the page (reference date, headings,
//! the prose it reads), what `extract` finds and what `check` reports. Plus a property test:
//! arbitrary HTML never panics and every span points at the original bytes it reports.

use numcheck::check::{check_text, Options};
use numcheck::finding::Finding;
use numcheck::model::{Claim, Span};
use numcheck::report::claim_json::ClaimJson;
use numcheck::source::{Document, Format};
use proptest::prelude::*;
use std::fmt::Write;

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `line:col`, 1-based, columns in characters.
fn at(doc: &Document, offset: usize) -> String {
    let (line, col) = doc.lines.position(&doc.text, offset);
    format!("{line}:{col}")
}

fn quote(doc: &Document, span: Span) -> String {
    format!("{:?}", one_line(span.text(&doc.text)))
}

fn render(doc: &Document, claims: &[Claim], findings: &[Finding]) -> String {
    let mut out = String::new();
    // What `check` reports, which here is always the page's own date.
    match doc.reference_date {
        Some((d, src)) => {
            let _ = writeln!(out, "reference date: {d} ({})", src.as_str());
        }
        None => out.push_str("no reference date\n"),
    }
    out.push_str("\n## headings\n");
    for h in &doc.headings {
        let _ = writeln!(
            out,
            "{} {:?}",
            at(doc, h.start),
            one_line(h.text(doc.masked()))
        );
    }
    // The prose as the reader sees it: one line per paragraph-like run of the masked copy.
    out.push_str("\n## prose\n");
    for block in doc.masked().split("\n\n") {
        let line = one_line(block);
        if !line.is_empty() {
            let _ = writeln!(out, "{line}");
        }
    }
    out.push_str("\n## extract\n");
    for c in claims {
        let json = ClaimJson::new(doc, c);
        let _ = write!(
            out,
            "{} {} {:?} {}",
            at(doc, c.span.start),
            json.kind,
            one_line(json.text),
            json.value.as_deref().unwrap_or("-")
        );
        if let Some(counted) = c.counted {
            let _ = write!(out, " counted={}", quote(doc, counted));
        }
        if c.in_heading {
            out.push_str(" [heading]");
        }
        out.push('\n');
    }
    out.push_str("\n## check\n");
    for f in findings {
        let _ = writeln!(
            out,
            "{} {} {} {}: {}",
            at(doc, f.primary.start),
            f.severity.as_str(),
            f.rule,
            f.verdict.as_str(),
            f.message
        );
        for r in &f.related {
            let _ = writeln!(
                out,
                "  {} {} {}",
                r.label,
                at(doc, r.span.start),
                quote(doc, r.span)
            );
        }
    }
    out
}

/// What `numcheck check --show-consistent` does: the page's own date, suppressions applied.
fn run(path: &str, text: String) -> (Document, Vec<Claim>, Vec<Finding>) {
    let options = Options {
        show_consistent: true,
        ..Options::default()
    };
    let checked = check_text(path, text, Format::Html, &options).expect("no selectors");
    (checked.doc, checked.claims, checked.findings)
}

#[test]
fn html_pages() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let _guard = settings.bind_to_scope();
    insta::glob!("fixtures/html-pages/*.html", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (doc, claims, findings) = run(&name, text);
        assert_sound(&doc, &claims, &findings).unwrap();
        insta::assert_snapshot!("page", render(&doc, &claims, &findings));
    });
}

/// Every claim and finding span lies on character boundaries of the original, reports that
/// very slice, starts on prose, and each of its bytes that the reader changed lies in a
/// character reference (the only change prose may undergo).
fn assert_sound(doc: &Document, claims: &[Claim], findings: &[Finding]) -> Result<(), String> {
    let text = &doc.text;
    let masked = doc.masked();
    if masked.len() != text.len() {
        return Err(format!("masked {} vs text {}", masked.len(), text.len()));
    }
    let check = |span: Span, what: &str| -> Result<(), String> {
        let (Some(orig), Some(read)) = (
            text.get(span.start..span.end),
            masked.get(span.start..span.end),
        ) else {
            return Err(format!("{what} {span:?} not on character boundaries"));
        };
        if read.starts_with(char::is_whitespace) && !orig.is_empty() {
            return Err(format!(
                "{what} {span:?} {orig:?} starts on markup: {read:?}"
            ));
        }
        for (i, (&o, &m)) in orig.as_bytes().iter().zip(read.as_bytes()).enumerate() {
            if o == m || m == b' ' || m == b'\n' {
                continue;
            }
            let abs = span.start + i;
            let from = abs.saturating_sub(64);
            let in_reference = text.as_bytes()[from..=abs]
                .iter()
                .rposition(|&b| b == b'&')
                .is_some_and(|amp| !text.as_bytes()[from + amp..=abs].contains(&b'<'));
            if !in_reference {
                return Err(format!("{what} {span:?} {orig:?} reads {read:?}"));
            }
        }
        Ok(())
    };
    for c in claims {
        check(c.span, "claim")?;
        decodes_to_what_was_read(doc, c.span)?;
        let json = ClaimJson::new(doc, c);
        if Some(json.text) != text.get(c.span.start..c.span.end) {
            return Err(format!("claim text {:?} is not its span's", json.text));
        }
    }
    for f in findings {
        if text.get(f.primary.start..f.primary.end).is_none() {
            return Err(format!("finding {:?} off the text", f.primary));
        }
        for r in &f.related {
            if text.get(r.span.start..r.span.end).is_none() {
                return Err(format!("related {:?} off the text", r.span));
            }
        }
    }
    Ok(())
}

/// The claim's span, widened over a reference it ends inside (`20&#37;`), sliced from the
/// original and read again as HTML on its own, gives the prose the page's reader read there.
fn decodes_to_what_was_read(doc: &Document, span: Span) -> Result<(), String> {
    let wide = doc.widen_to_references(span);
    let (Some(original), Some(read)) = (
        doc.text.get(wide.start..wide.end),
        doc.masked().get(wide.start..wide.end),
    ) else {
        return Err(format!("widened {wide:?} not on character boundaries"));
    };
    let again = Document::new("slice.html", original.to_string(), Format::Html);
    if one_line(again.masked()) != one_line(read) {
        return Err(format!(
            "{original:?} reads {:?} alone but {:?} in the page",
            one_line(again.masked()),
            one_line(read)
        ));
    }
    Ok(())
}

/// Pieces real pages are made of, glued in any order: tags that open and close islands,
/// references with and without semicolons, figures, non-ASCII and line-ending noise.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "<p>", "</p>", "<p class=dek>", "<li>", "<td>", "</td>", "<br>", "<div>", "</div>",
            "<h1>", "</h1>", "<h2>", "<title>", "</title>", "<figure>", "<figcaption>",
            "</figcaption>", "</figure>", "<script>", "</script>",
            "<script type=application/ld+json>", "<style>", "</style>", "<svg>", "</svg>",
            "<svg/>", "<math>", "<template>", "</template>", "<noscript>", "<textarea>",
            "<![CDATA[", "]]>", "<!--", "-->", "<!-- numcheck: off -->", "<a href=\"x>y\">",
            "</a>", "<b>", "<img alt='5 > 3'>", "<meta property=article:published_time content=2024-05-06>",
            "&amp;", "&amp", "&nbsp", "&nbsp;", "&#8212;", "&#x2014", "&#0;", "&euro;",
            "&frac12;", "&notit;", "&", "<", ">", "\"", "'", "=", " ", "\n", "\r\n", "\r", "\0",
            "é", "€", "—", "12", "3.5%", "$4 million", "1,200", "38 attacks", "of the", "rose",
            "to", "from", "March 3, 2024", "Sunday", "percent", ". ",
        ]).prop_map(str::to_string),
        1 => ".{0,6}",
    ]
}

fn cases() -> u32 {
    // `PROPTEST_CASES=20000 cargo test --test html_pages` for a longer run.
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_html_never_panics_and_spans_are_true(
        pieces in prop::collection::vec(piece(), 0..60),
    ) {
        let text: String = pieces.concat();
        let (doc, claims, findings) = run("p.html", text);
        if let Err(e) = assert_sound(&doc, &claims, &findings) {
            prop_assert!(false, "{}", e);
        }
        for pair in doc.headings.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "headings overlap: {:?}", doc.headings);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(text in ".{0,300}") {
        let (doc, claims, findings) = run("p.html", text);
        if let Err(e) = assert_sound(&doc, &claims, &findings) {
            prop_assert!(false, "{}", e);
        }
    }
}
