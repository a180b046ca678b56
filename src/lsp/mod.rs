//! `numcheck server`: a language server (LSP 3.17 over stdio), so editors show the findings
//! of `numcheck check` as the text is typed.
//!
//! Built only on the library's public entry points: [`crate::check::check`] for the
//! findings (the same selection, suppressions and severities as the CLI),
//! [`crate::config`] for `numcheck.toml`, and the claim JSON and semantics for hovers.
//!
//! Threads: a reader and a writer for stdio ([`transport`]), the main loop ([`server`]),
//! and one worker that runs checks ([`worker`]).

pub mod actions;
pub mod analysis;
pub mod documents;
pub mod hover;
pub mod server;
pub mod settings;
pub mod text;
pub mod transport;
pub mod worker;

pub use server::{run_stdio, End};
