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

/// Reads one input as a document, refusing one larger than `max_size` bytes before reading
/// it; errors name the file.
pub fn read(input: &Input, stdin_name: Option<&str>, max_size: u64) -> Result<Document, String> {
    let display = input.display(stdin_name);
    let too_large = |size: &str| {
        format!(
            "{display}: {size} is over the --max-file-size limit of {}; not checked \
             (raise the limit to check it)",
            ByteSize(max_size)
        )
    };
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(max_size + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("{display}: {e}"))?;
            if buf.len() as u64 > max_size {
                return Err(too_large("the input"));
            }
            buf
        }
        Input::File(p) => {
            let size = std::fs::metadata(p)
                .map_err(|e| format!("{display}: {e}"))?
                .len();
            if size > max_size {
                return Err(too_large(&format!("the file ({})", ByteSize(size))));
            }
            std::fs::read(p).map_err(|e| format!("{display}: {e}"))?
        }
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

/// `--max-file-size`'s default: generous for prose, yet bounding memory (about 3× the size).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;

/// Parses a size such as `1000`, `64K`, `256M`, `256MB` or `2G` (binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, suffix) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size (e.g. 500K, 256M, 1G)"))?;
    let shift = match suffix.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("{s:?}: unknown size unit (use K, M or G)")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

/// A byte count for messages: "256 MB", "1.5 GB", "812 bytes".
struct ByteSize(u64);

impl std::fmt::Display for ByteSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let units = [(30, "GB"), (20, "MB"), (10, "KB")];
        for (shift, name) in units {
            if self.0 >= 1 << shift {
                let whole = self.0 >> shift;
                let tenths = ((self.0 % (1 << shift)) * 10) >> shift;
                return if tenths == 0 {
                    write!(f, "{whole} {name}")
                } else {
                    write!(f, "{whole}.{tenths} {name}")
                };
            }
        }
        write!(f, "{} bytes", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("256MB"), Ok(256 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn sizes_print_readably() {
        assert_eq!(ByteSize(812).to_string(), "812 bytes");
        assert_eq!(ByteSize(256 << 20).to_string(), "256 MB");
        assert_eq!(ByteSize(3 << 29).to_string(), "1.5 GB");
    }
}
