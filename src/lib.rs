//! numcheck finds the quantitative claims in news prose and checks the figures against each
//! other for internal arithmetic consistency.
//!
//! Data flows one way: [`source`] (plain, Markdown, HTML → [`source::Document`]) →
//! [`extract`] (candidate scan → [`grammar`] → [`model::Claim`]s) → [`semantics`] (claims →
//! intervals) → [`analysis`] (what several rules share) → [`rules`] → [`check`] (selection,
//! suppressions, severities) → [`report`] (findings → output formats).
//!
//! The modules are layered and import downward only (`tests/layering.rs` fails otherwise):
//!
//! ```text
//!  11  cli (binary)                    front doors: the command line
//!  10  lsp, serve (binary)             the language server, the HTTP API and page
//!   9  report, baseline, ledger        renderers; baselines; the extraction ledger
//!   8  check                           the one entry point: extract, analyse, rules, select,
//!                                      suppress, override severities
//!   7  config                          numcheck.toml, selectors, per-file ignores
//!   6  rules                           the registry and one file per rule, nothing else
//!   5  analysis                        Context, memo, change relations, parts, pairing, timeline
//!   4  extract                         candidate scan, grammar calls, attachment, resolution
//!   3  semantics, source, limits       intervals and verdicts; documents and suppression
//!                                      comments; work caps
//!   2  finding, grammar                the finding data; the nom grammar
//!   1  model, fnv, atomic, text        claims and spans; hashing; file writes; text helpers
//! ```
//!
//! The library never prints; only the binary's `cli` module writes to stdout and stderr.
#![deny(clippy::print_stdout, clippy::print_stderr)]

/// The crate's version, for front ends that report it (the Python package's `__version__`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod analysis;
pub mod atomic;
pub mod baseline;
pub mod check;
pub mod config;
pub mod extract;
pub mod finding;
#[cfg(test)]
mod fixture_texts;
pub mod fnv;
pub mod grammar;
pub mod ledger;
pub mod limits;
pub mod lsp;
pub mod model;
pub mod report;
pub mod rules;
pub mod semantics;
pub mod source;
pub mod text;
