//! The library's modules import downward only (the layering drawn in `src/lib.rs`): a lower
//! layer never names a module of a higher one, so no import circle can span two layers.
//!
//! The check reads every `crate::…`, `numcheck::…` and `super::…` path in `src/` outside
//! comments and `#[cfg(test)]` modules (tests may drive the whole engine) and maps it to the
//! top-level module it names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Top-level modules by layer, lowest first; a module may use its own layer and lower ones.
const LAYERS: &[&[&str]] = &[
    &["model", "fnv", "atomic", "text", "fixture_texts"],
    &["finding", "grammar"],
    &["semantics", "source", "limits"],
    &["extract"],
    &["analysis"],
    &["rules"],
    &["config"],
    &["check"],
    &["report", "baseline", "ledger"],
    &["lsp", "serve"],
    &["cli"],
    &["main", "lib"],
];

/// The layer of a top-level module, counted from 1 as `src/lib.rs` draws them.
fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .map(|i| i + 1)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `rules/change/x.rs` → `["rules", "change", "x"]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without line comments and without its `#[cfg(test)]` modules (which
/// by convention close the file).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines.peek().is_some_and(|next| {
                let next = next.trim_start();
                next.starts_with("mod ") || next.starts_with("pub(crate) mod ")
            })
        {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        code.push_str(line.split(" // ").next().unwrap_or(line));
        code.push('\n');
    }
    code
}

/// The identifier at the start of `s`.
fn leading_name(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level modules a file's code names (other than its own).
fn imported_modules(module: &[String], code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for prefix in ["crate::", "numcheck::", "super::"] {
        // `super` of a file below a top-level module stays inside that module.
        if prefix == "super::" && module.len() > 1 {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let glued = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + prefix.len()..];
            if glued {
                continue;
            }
            let names: Vec<String> = match rest.strip_prefix('{') {
                // `crate::{a::b, c}`: the head of every item of the group.
                Some(group) => group[..group.find('}').unwrap_or(group.len())]
                    .split(',')
                    .map(leading_name)
                    .collect(),
                None => vec![leading_name(rest)],
            };
            found.extend(
                names
                    .into_iter()
                    .filter(|n| !n.is_empty() && *n != module[0]),
            );
        }
    }
    found
}

#[test]
fn modules_import_downward_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    let mut unplaced = BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src/");
        // A file of its own holding a `#[cfg(test)] mod tests;`.
        if relative.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let module = module_path(relative);
        let Some(own) = layer_of(&module[0]) else {
            unplaced.insert(module[0].clone());
            continue;
        };
        let text = std::fs::read_to_string(file).expect("source file is UTF-8");
        for target in imported_modules(&module, &code_of(&text)) {
            match layer_of(&target) {
                Some(theirs) if theirs > own => upward.push(format!(
                    "{} (layer {own}) imports {target} (layer {theirs})",
                    relative.display()
                )),
                Some(_) => {}
                // Names of external crates and macros (`numcheck::declare_rule!`) are not
                // modules of ours.
                None if src.join(&target).is_dir()
                    || src.join(format!("{target}.rs")).is_file() =>
                {
                    unplaced.insert(target);
                }
                None => {}
            }
        }
    }
    assert!(
        unplaced.is_empty(),
        "modules with no layer in LAYERS (add them, and to src/lib.rs's drawing): {unplaced:?}"
    );
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn the_check_sees_an_upward_import() {
    let module = vec!["extract".to_string(), "resolve".to_string()];
    let code = code_of("use crate::analysis::Context;\n// crate::check in a comment\n");
    let found = imported_modules(&module, &code);
    assert_eq!(found.into_iter().collect::<Vec<_>>(), vec!["analysis"]);
    let code = code_of("use super::{parts, change::Multiple};\n");
    let inside: Vec<String> = vec!["analysis".into(), "x".into()];
    assert!(imported_modules(&inside, &code).is_empty());
    let found = imported_modules(&["check".into()], &code);
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        vec!["change", "parts"]
    );
}
