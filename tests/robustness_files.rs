//! Files numcheck writes are replaced atomically: an interrupted write leaves the old file
//! intact and no temporary file behind.

use numcheck::atomic;
use std::io;
use std::path::Path;

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_replaces_the_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("article.md.numcheck");
    atomic::write(&path, "old\n").expect("first write");
    atomic::write(&path, "new\n").expect("second write");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "new\n");
    assert_eq!(entries(dir.path()), ["article.md.numcheck"]);
}

#[test]
fn an_interrupted_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("baseline.json");
    std::fs::write(&path, "{\"old\": true}\n").expect("seed");
    let mut staged = None;
    let result = atomic::write_with(&path, "{\"new\": true}\n", |tmp| {
        // The new contents are complete and synced beside the target, not yet renamed.
        staged = Some((
            tmp.parent().map(Path::to_path_buf),
            std::fs::read_to_string(tmp)?,
        ));
        Err(io::Error::new(io::ErrorKind::Interrupted, "killed"))
    });
    let err = result.expect_err("the interruption is reported");
    assert!(
        err.contains("baseline.json") && err.contains("killed"),
        "{err}"
    );
    let (tmp_dir, tmp_contents) = staged.expect("the hook ran");
    assert_eq!(
        tmp_dir.as_deref(),
        Some(dir.path()),
        "temp file in the same directory"
    );
    assert_eq!(tmp_contents, "{\"new\": true}\n");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "{\"old\": true}\n"
    );
    assert_eq!(
        entries(dir.path()),
        ["baseline.json"],
        "no temporary file left"
    );
}

#[test]
fn a_failed_first_write_creates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("out.sarif");
    let result = atomic::write_with(&path, "x", |_| Err(io::Error::other("disk full")));
    assert!(result.is_err());
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn a_write_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("no/such/dir/out.json");
    let err = atomic::write(&path, "x").expect_err("no directory");
    assert!(err.contains("out.json"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_mode_and_a_new_one_is_readable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let new = dir.path().join("new.numcheck");
    atomic::write(&new, "x").expect("write");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&new), 0o644);
    let kept = dir.path().join("kept.numcheck");
    std::fs::write(&kept, "old").expect("seed");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    atomic::write(&kept, "new").expect("write");
    assert_eq!(mode(&kept), 0o640);
}
