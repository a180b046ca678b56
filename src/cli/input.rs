//! Inputs: files, directories (walked respecting `.gitignore`, only article extensions
//! picked, sorted) and `-` for stdin, named by `--stdin-filename` for format detection.

use ignore::WalkBuilder;
use numcheck::source::{Document, Format};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// How many leading bytes are searched for a NUL to tell binary files from text (as git and
/// ripgrep do).
const BINARY_PROBE: usize = 8 * 1024;

static LOSSY: AtomicBool = AtomicBool::new(false);

/// `--lossy`: replace invalid UTF-8 with U+FFFD and go on, instead of failing the file.
pub fn set_lossy(lossy: bool) {
    LOSSY.store(lossy, Ordering::Relaxed);
}

/// Reads one input as a document, refusing one larger than `max_size` bytes before reading
/// it; errors name the file. A binary file is skipped with a warning (`Ok(None)`); warnings
/// go to stderr.
pub fn read(
    input: &Input,
    stdin_name: Option<&str>,
    max_size: u64,
) -> Result<Option<Document>, String> {
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
    let text = match decode(bytes, LOSSY.load(Ordering::Relaxed)) {
        Decoded::Text(text) => text,
        Decoded::Replaced(text, offset) => {
            eprintln!(
                "numcheck: warning: {display}: invalid UTF-8 from byte offset {offset} replaced \
                 with U+FFFD (--lossy); later offsets count the replacements"
            );
            text
        }
        Decoded::Binary(offset) => {
            eprintln!(
                "numcheck: warning: {display}: binary file (NUL byte at offset {offset}), skipped"
            );
            return Ok(None);
        }
        Decoded::Utf16 => {
            return Err(format!(
                "{display}: UTF-16 text (byte-order mark); convert it to UTF-8"
            ))
        }
        Decoded::Invalid(offset) => {
            return Err(format!(
                "{display}: not valid UTF-8 (invalid byte at offset {offset}); \
                 --lossy replaces invalid bytes"
            ))
        }
    };
    let format = Format::from_path(&display);
    Ok(Some(Document::new(display, text, format)))
}

/// What a file's bytes are, as far as reading them as an article goes.
#[derive(Debug, PartialEq, Eq)]
enum Decoded {
    Text(String),
    /// Lossily decoded; the byte offset of the first invalid sequence.
    Replaced(String, usize),
    /// A NUL byte at this offset, within the first [`BINARY_PROBE`] bytes.
    Binary(usize),
    Utf16,
    /// The byte offset of the first invalid sequence.
    Invalid(usize),
}

fn decode(bytes: Vec<u8>, lossy: bool) -> Decoded {
    // UTF-16 is checked first: its ASCII letters carry NUL bytes.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Decoded::Utf16;
    }
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    if let Some(offset) = memchr::memchr(0, probe) {
        return Decoded::Binary(offset);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if lossy {
                Decoded::Replaced(String::from_utf8_lossy(e.as_bytes()).into_owned(), offset)
            } else {
                Decoded::Invalid(offset)
            }
        }
    }
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
    fn invalid_utf8_names_the_offset_or_is_replaced() {
        let bytes = b"38 attacks \xff\xfe and 12".to_vec();
        assert_eq!(decode(bytes.clone(), false), Decoded::Invalid(11));
        assert_eq!(
            decode(bytes, true),
            Decoded::Replaced("38 attacks \u{fffd}\u{fffd} and 12".into(), 11)
        );
    }

    #[test]
    fn nul_bytes_early_make_a_file_binary_late_ones_do_not() {
        assert_eq!(
            decode(b"PK\x03\x04\0\0".to_vec(), false),
            Decoded::Binary(4)
        );
        let mut late = vec![b'a'; BINARY_PROBE];
        late.extend_from_slice(b"\0 12");
        assert!(matches!(decode(late, false), Decoded::Text(_)));
    }

    #[test]
    fn utf16_is_named_and_a_utf8_bom_is_kept() {
        assert_eq!(
            decode(b"\xff\xfe3\x008\x00".to_vec(), false),
            Decoded::Utf16
        );
        assert_eq!(
            decode(b"\xef\xbb\xbf38".to_vec(), false),
            Decoded::Text("\u{feff}38".into())
        );
        assert_eq!(decode(Vec::new(), false), Decoded::Text(String::new()));
    }

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
