//! Serializable views of claims and findings, and the renderers of every output format.

pub mod claim_json;
pub mod finding;
pub mod render;

pub use finding::{Computed, Finding, Related, Severity, Verdict};
