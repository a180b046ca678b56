//! Diagnostics latency of `numcheck server` on a 100 KB Markdown document:
//! `cargo bench --bench lsp`.
//!
//! * `edit_and_check`: in process, what the server does once an edit's debounce has run
//!   out: apply the incremental edit, check the text, convert the findings to diagnostics.
//! * `change_to_publish`: the real binary over pipes, with the debounce set to 0: from
//!   writing a `didChange` to reading its `publishDiagnostics`. An editor sees this plus the
//!   debounce (300 ms by default).
//!
//! Each iteration changes one figure, alternating between two values, so every check is of
//! a new text.

#[path = "../tests/lsp_harness/mod.rs"]
#[allow(dead_code)]
mod lsp_harness;

use divan::Bencher;
use lsp_types::{Range, TextDocumentContentChangeEvent};
use numcheck::config::{Overrides, Resolved};
use numcheck::lsp::analysis::{analyze, Job};
use numcheck::lsp::text::{apply_changes, LineMap};
use numcheck::source::Format;
use serde_json::{json, Value};
use std::sync::Arc;

fn main() {
    divan::main();
}

const ARTICLE: &str = include_str!("../tests/fixtures/is-resurgence.txt");

/// The example article as Markdown (each line a heading or a paragraph), repeated to 100 KB,
/// each copy followed by a sentence whose percent change is wrong, so that every check has
/// findings to convert (repeated copies of the article alone give none).
fn markdown_100kb() -> String {
    let mut body = String::new();
    for line in ARTICLE.lines() {
        let heading = line.len() < 100 && !line.ends_with(['.', '"', ']']);
        body.push_str(if heading { "## " } else { "" });
        body.push_str(line);
        body.push_str("\n\n");
    }
    let mut text = String::from("---\ntitle: IS resurgence\n---\n\n");
    let mut copy = 0;
    while text.len() < 100 * 1024 {
        text.push_str(&body);
        text.push_str(&format!(
            "In {}, sales at store {} rose 50% to $3 million from $1 million.\n\n",
            1990 + copy,
            copy + 1
        ));
        copy += 1;
    }
    text
}

/// The range of the first "38" (in "38 attacks") and the two values it alternates between.
fn figure(text: &str) -> (usize, [&'static str; 2]) {
    (
        text.find("38 attacks").expect("the article has 38 attacks"),
        ["38", "48"],
    )
}

#[divan::bench(sample_count = 30)]
fn edit_and_check(bencher: Bencher) {
    let mut text = markdown_100kb();
    let (at, values) = figure(&text);
    let resolved = Arc::new(Resolved::new(None, &Overrides::default()));
    let uri: lsp_types::Uri = "file:///bench/article.md".parse().expect("a URI");
    let mut version = 0;
    bencher.bench_local(|| {
        version += 1;
        let lines = LineMap::new(&text);
        let range = Range::new(lines.position(&text, at), lines.position(&text, at + 2));
        let change = TextDocumentContentChangeEvent {
            range: Some(range),
            range_length: None,
            text: values[version as usize % 2].into(),
        };
        apply_changes(&mut text, vec![change]);
        let analysis = analyze(Job {
            id: version as u64,
            uri: uri.clone(),
            version,
            path: "/bench/article.md".into(),
            text: text.clone(),
            format: Format::Markdown,
            resolved: resolved.clone(),
            show_consistent: false,
        });
        divan::black_box(analysis.diagnostics.len())
    });
}

#[divan::bench(sample_count = 30)]
fn change_to_publish(bencher: Bencher) {
    let text = markdown_100kb();
    let (at, values) = figure(&text);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let uri = lsp_harness::file_uri(&dir.path().join("article.md"));
    let mut client = lsp_harness::Client::spawn();
    client.initialize(json!({"debounceMs": 0}));
    client.open(&uri, "markdown", &text);
    client.diagnostics(&uri, 1);
    let range: Value = lsp_harness::range(&text, at, at + 2);
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        client.change(&uri, version, range.clone(), values[version as usize % 2]);
        divan::black_box(client.diagnostics(&uri, version).len())
    });
}
