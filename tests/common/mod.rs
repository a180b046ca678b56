//! Helpers shared by the integration tests that read the clean-prose corpus.

use std::path::PathBuf;

/// The clean-prose articles (`tests/fixtures/clean-prose`), as (file name, text), in name
/// order.
pub fn articles() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean-prose");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("clean-prose directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable article"))
        })
        .collect()
}
