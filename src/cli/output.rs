//! Where output goes: stdout or `-o FILE` (written atomically: a temporary file in the same
//! directory, then a rename), and whether it is coloured.

use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// `auto`: only when writing to a terminal and `NO_COLOR` is unset.
    pub fn enabled(self, to_file: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                !to_file
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

pub use numcheck::atomic::{write as write_atomic, write_streaming as write_atomic_with};

/// Writes to stdout, reporting a closed pipe as success (like `head` closing early).
pub fn print(contents: &str) -> Result<(), String> {
    print_with(|w| w.write_all(contents.as_bytes()))
}

/// Like [`print`], for output written piece by piece by `write`.
pub fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), String> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("<stdout>: {e}")),
        _ => Ok(()),
    }
}

/// `-o FILE` atomically, or stdout.
pub fn emit_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match path {
        Some(p) => write_atomic_with(p, write),
        None => print_with(write),
    }
}
