//! One renderer per output format.

pub mod full;
