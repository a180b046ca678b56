//! Generates the claim vocabulary (`$OUT_DIR/claim_words.rs`): every word the grammar can
//! match, taken from the string literals of `src/grammar` and from the lexicon files those
//! sources read. The scanner uses it to skip look-back starts that no claim can begin at
//! (`src/extract/scan.rs`); deriving it from the sources keeps it complete when a production
//! or a lexicon gains a word.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let mut sources = Vec::new();
    collect_rs_files(Path::new("src/grammar"), &mut sources);
    sources.sort();
    println!("cargo:rerun-if-changed=src/grammar");
    println!("cargo:rerun-if-changed=grammar/lexicon");

    let mut words = BTreeSet::new();
    let mut lexicons = BTreeSet::new();
    for path in &sources {
        println!("cargo:rerun-if-changed={}", path.display());
        let code = fs::read_to_string(path).expect("grammar sources are UTF-8");
        for literal in string_literals(&code) {
            match literal.rsplit_once("grammar/lexicon/") {
                Some((_, file)) if file.ends_with(".txt") => {
                    lexicons.insert(file.to_string());
                }
                _ => add_words(&literal, &mut words),
            }
        }
    }
    for file in &lexicons {
        let path = Path::new("grammar/lexicon").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("lexicon files are UTF-8");
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            add_words(line, &mut words);
        }
    }

    let mut out = String::from(
        "/// Every word (lower case) a production or a lexicon of the grammar matches; generated \
         by build.rs.\npub(crate) static CLAIM_WORDS: &[&str] = &[\n",
    );
    for w in &words {
        out.push_str(&format!("    {w:?},\n"));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("claim_words.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect_rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir)
        .expect("src/grammar is readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect_rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The alphabetic runs of `text`, lower-cased ("more than" gives "more" and "than").
fn add_words(text: &str, words: &mut BTreeSet<String>) {
    for run in text.split(|c: char| !c.is_alphabetic()) {
        if !run.is_empty() {
            words.insert(run.to_lowercase());
        }
    }
}

/// The contents of the string literals of Rust `code`, skipping comments, char literals (a
/// `'"'` would otherwise throw the pairing of quotes off) and `#[cfg(test)]` items, whose
/// sample sentences ("officials said …") are not words of the grammar.
fn string_literals(code: &str) -> Vec<String> {
    const TEST_ITEM: &str = "#[cfg(test)]";
    let chars: Vec<char> = code.chars().collect();
    let mut literals = Vec::new();
    // Inside a test item: None outside one, Some(0) before its body, Some(n) at brace depth n.
    let mut test_depth: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '#' if chars[i..]
                .iter()
                .take(TEST_ITEM.len())
                .copied()
                .eq(TEST_ITEM.chars()) =>
            {
                test_depth = Some(0);
                i += TEST_ITEM.len();
            }
            '{' if test_depth.is_some() => {
                test_depth = test_depth.map(|d| d + 1);
                i += 1;
            }
            '}' if test_depth.is_some() => {
                test_depth = match test_depth {
                    Some(1) => None,
                    d => d.map(|d| d.saturating_sub(1)),
                };
                i += 1;
            }
            ';' if test_depth == Some(0) => {
                test_depth = None;
                i += 1;
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                // A char literal ('"', '\'', '\u{a0}') or a lifetime ('a).
                let end = if chars.get(i + 1) == Some(&'\\') {
                    chars[i + 2..]
                        .iter()
                        .position(|&c| c == '\'')
                        .map(|p| i + 2 + p)
                } else if chars.get(i + 2) == Some(&'\'') {
                    Some(i + 2)
                } else {
                    None
                };
                i = end.unwrap_or(i) + 1;
            }
            'r' if is_raw_string_start(&chars, i) => {
                // r"…" or r#"…"#: no escapes; it ends at a quote followed by as many hashes.
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                let body = i + 1 + hashes + 1;
                let closing: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let end = (body..=chars.len().saturating_sub(closing.len()))
                    .find(|&j| chars[j..].starts_with(&closing))
                    .unwrap_or(chars.len());
                if test_depth.is_none() {
                    literals.push(chars[body.min(end)..end].iter().collect());
                }
                i = end + closing.len();
            }
            '"' => {
                let mut literal = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        // An escape ("\n", "\u{a0}") separates words; it is not a letter.
                        literal.push(' ');
                        i += 2;
                        continue;
                    }
                    literal.push(chars[i]);
                    i += 1;
                }
                if test_depth.is_none() {
                    literals.push(literal);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    literals
}

/// An `r` that opens a raw string (`r"`, `r#"`), not the end of an identifier (`for"` is not
/// Rust, but `bar#` could precede an attribute).
fn is_raw_string_start(chars: &[char], i: usize) -> bool {
    let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
    !after_ident && chars.get(i + 1 + hashes) == Some(&'"')
}
