//! Serializable views of claims, and the renderers of every output format.

pub mod claim_json;
pub mod render;
