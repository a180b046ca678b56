//! numcheck finds the quantitative claims in news prose and checks the figures against each
//! other for internal arithmetic consistency.
//!
//! Data flows one way: [`source`] (plain, Markdown, HTML → [`source::Document`]) →
//! [`extract`] (candidate scan → [`grammar`] → [`model::Claim`]s) → [`semantics`] (claims →
//! intervals) → rules → [`report`] (findings → output formats).
//!
//! The library never prints; only the binary's `cli` module writes to stdout and stderr.
#![deny(clippy::print_stdout, clippy::print_stderr)]

/// The crate's version, for front ends that report it (the Python package's `__version__`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod atomic;
pub mod baseline;
pub mod check;
pub mod config;
pub mod extract;
#[cfg(test)]
mod fixture_texts;
pub mod fnv;
pub mod grammar;
pub mod ledger;
pub mod limits;
pub mod lsp;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod semantics;
pub mod source;
pub mod suppress;
