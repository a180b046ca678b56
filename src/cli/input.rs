//! Reading inputs: files, `-` for stdin, named for format detection by `--stdin-filename`.

use numcheck::source::{Document, Format};
use std::io::Read;

/// Reads one input. `-` is stdin, shown as `stdin_name` or `<stdin>`.
pub fn read_document(path: &str, stdin_name: Option<&str>) -> Result<Document, String> {
    let (display, bytes) = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("<stdin>: {e}"))?;
        (stdin_name.unwrap_or("<stdin>").to_string(), buf)
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        (path.to_string(), bytes)
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
