//! Inputs: files, directories (walked respecting `.gitignore`, only article extensions
//! picked, sorted) and `-` for stdin, named by `--stdin-filename` for format detection.

use ignore::WalkBuilder;
use numcheck::source::{Document, Format};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions picked from directories; a file named explicitly is read whatever its name.
const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The path to show, and to match configuration against.
    pub fn display(&self, stdin_name: Option<&str>) -> String {
        match self {
            Input::Stdin => stdin_name.unwrap_or("<stdin>").to_string(),
            Input::File(p) => {
                let s = p.to_string_lossy().replace('\\', "/");
                s.strip_prefix("./").map(str::to_string).unwrap_or(s)
            }
        }
    }
}

/// Expands the paths the user gave; paths that do not exist become errors naming them.
pub fn collect(paths: &[String]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in WalkBuilder::new(path).require_git(false).build() {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_article(e.path()) => {
                        found.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(format!("{p}: {e}")),
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else if path.exists() {
            inputs.push(Input::File(path.to_path_buf()));
        } else {
            errors.push(format!("{p}: No such file or directory"));
        }
    }
    (inputs, errors)
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Reads one input as a document; errors name the file.
pub fn read(input: &Input, stdin_name: Option<&str>) -> Result<Document, String> {
    let display = input.display(stdin_name);
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("{display}: {e}"))?;
            buf
        }
        Input::File(p) => std::fs::read(p).map_err(|e| format!("{display}: {e}"))?,
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{display}: not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let format = Format::from_path(&display);
    Ok(Document::new(display, text, format))
}
