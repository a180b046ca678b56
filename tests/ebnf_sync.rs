//! The EBNF and the parsers name the same productions: every production of
//! `grammar/claims.ebnf` is a `fn` of that name under `src/grammar/`, and every parser fn
//! whose doc comment starts with "`name = " is a production of the EBNF.

use std::collections::BTreeSet;
use std::path::Path;

fn ebnf_productions() -> BTreeSet<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/claims.ebnf"))
        .expect("grammar/claims.ebnf exists");
    // Drop the comments, then every `name =` at the start of a line defines a production.
    let mut code = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find("(*") {
        code.push_str(&rest[..open]);
        rest = rest[open..]
            .find("*)")
            .map_or("", |close| &rest[open + close + 2..]);
    }
    code.push_str(rest);
    code.lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(name, _)| name.trim())
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_string)
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("src/grammar is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).expect("source is readable"));
        }
    }
}

/// (all fn names, fn names marked as productions by their doc comment)
fn parser_fns() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut sources = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/grammar")),
        &mut sources,
    );
    let mut all = BTreeSet::new();
    let mut marked = BTreeSet::new();
    for source in &sources {
        let mut doc_names: Option<String> = None;
        for line in source.lines() {
            let t = line.trim_start();
            if let Some(doc) = t.strip_prefix("///") {
                if doc_names.is_none() {
                    doc_names = doc
                        .trim_start()
                        .strip_prefix('`')
                        .and_then(|d| d.split_once(" ="))
                        .map(|(n, _)| n.to_string());
                }
                continue;
            }
            let sig = t
                .strip_prefix("pub fn ")
                .or_else(|| t.strip_prefix("fn "))
                .or_else(|| t.strip_prefix("pub(crate) fn "));
            if let Some(sig) = sig {
                let name: String = sig
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if doc_names.as_deref() == Some(name.as_str()) {
                    marked.insert(name.clone());
                }
                all.insert(name);
            }
            if !t.starts_with("#[") {
                doc_names = None;
            }
        }
    }
    (all, marked)
}

#[test]
fn every_production_has_a_parser_fn() {
    let (all, _) = parser_fns();
    assert!(
        ebnf_productions().len() > 20,
        "too few EBNF productions were read"
    );
    let missing: Vec<_> = ebnf_productions()
        .into_iter()
        .filter(|p| !all.contains(p))
        .collect();
    assert!(
        missing.is_empty(),
        "EBNF productions without a parser fn: {missing:?}"
    );
}

#[test]
fn every_marked_parser_fn_is_a_production() {
    let (_, marked) = parser_fns();
    let productions = ebnf_productions();
    assert!(
        marked.len() > 10,
        "the doc-comment convention found too few parsers"
    );
    let missing: Vec<_> = marked
        .into_iter()
        .filter(|f| !productions.contains(f))
        .collect();
    assert!(
        missing.is_empty(),
        "parser fns missing from the EBNF: {missing:?}"
    );
}
