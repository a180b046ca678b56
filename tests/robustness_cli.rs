//! Bad files through the command line: a clear message naming the file, the right exit code,
//! the other files still checked, and nothing written to an article.

use std::path::Path;
use std::process::{Command, Output};

fn numcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run numcheck")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A directory with one good article and whatever `bad` adds.
fn workdir(bad: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("good.txt"),
        "Officials expect between 800 and 450 evacuees.\n",
    )
    .expect("write");
    for (name, bytes) in bad {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

#[test]
fn invalid_utf8_fails_that_file_naming_the_offset_and_the_rest_is_checked() {
    let dir = workdir(&[("bad.txt", b"38 attacks \xff and 12 raids\n")]);
    let out = numcheck(
        dir.path(),
        &["check", "--format", "concise", "good.txt", "bad.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bad.txt: not valid UTF-8 (invalid byte at offset 11)"),
        "{err}"
    );
    assert!(stdout(&out).contains("good.txt:1:"), "{}", stdout(&out));
}

#[test]
fn lossy_replaces_invalid_bytes_with_a_warning_and_goes_on() {
    let dir = workdir(&[("bad.txt", b"Between 800 and 450 \xff evacuees.\n")]);
    let out = numcheck(
        dir.path(),
        &["check", "--lossy", "--format", "concise", "bad.txt"],
    );
    let err = stderr(&out);
    assert!(
        err.contains("warning: bad.txt: invalid UTF-8 from byte offset 20"),
        "{err}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the range is still checked: {err}"
    );
    assert!(stdout(&out).contains("bad.txt:1:1"), "{}", stdout(&out));
    // The global flag works on extract too.
    let out = numcheck(dir.path(), &["extract", "--lossy", "bad.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("800..450"), "{}", stdout(&out));
}

#[test]
fn binary_files_are_skipped_with_a_message() {
    let dir = workdir(&[("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR 38 12")]);
    let out = numcheck(
        dir.path(),
        &["check", "--format", "concise", "image.txt", "good.txt"],
    );
    let err = stderr(&out);
    assert!(
        err.contains("image.txt: binary file (NUL byte at offset 8), skipped"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1), "good.txt still checked: {err}");
    assert!(!stdout(&out).contains("image.txt"));
}

#[test]
fn utf16_is_named() {
    let dir = workdir(&[("wide.txt", b"\xff\xfe3\x008\x00")]);
    let out = numcheck(dir.path(), &["check", "wide.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("wide.txt: UTF-16"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_files_and_a_bom_are_ordinary() {
    let dir = workdir(&[
        ("empty.md", b""),
        (
            "bom.txt",
            "\u{feff}Between 800 and 450 evacuees.\n".as_bytes(),
        ),
    ]);
    let out = numcheck(
        dir.path(),
        &["check", "--format", "concise", "empty.md", "bom.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // The BOM is invisible: the range starts in column 1.
    assert!(stdout(&out).contains("bom.txt:1:1:"), "{}", stdout(&out));
    let out = numcheck(dir.path(), &["extract", "--format", "json", "empty.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("\"claims\": []"), "{}", stdout(&out));
}

#[test]
fn crlf_and_lone_cr_give_the_same_positions_as_lf() {
    let body =
        |eol: &str| format!("Intro line.{eol}Officials expect between 800 and 450 evacuees.{eol}");
    let dir = workdir(&[
        ("lf.txt", body("\n").as_bytes()),
        ("crlf.txt", body("\r\n").as_bytes()),
        ("cr.txt", body("\r").as_bytes()),
    ]);
    for name in ["lf.txt", "crlf.txt", "cr.txt"] {
        let out = numcheck(dir.path(), &["check", "--format", "concise", name]);
        assert!(
            stdout(&out).contains(&format!("{name}:2:18:")),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn a_missing_file_among_good_ones_is_reported_and_the_rest_checked() {
    let dir = workdir(&[]);
    let out = numcheck(
        dir.path(),
        &["check", "--format", "concise", "missing.txt", "good.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.txt: No such file or directory"));
    assert!(stdout(&out).contains("good.txt:1:"), "{}", stdout(&out));
}

/// A file that exists but cannot be read: `/proc/self/mem` fails every read at offset 0,
/// even as root (where permission bits would not stop a read).
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_among_good_ones_is_reported_and_the_rest_checked() {
    let dir = workdir(&[]);
    let out = numcheck(
        dir.path(),
        &["check", "--format", "concise", "/proc/self/mem", "good.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/proc/self/mem:"), "{}", stderr(&out));
    assert!(stdout(&out).contains("good.txt:1:"), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_among_good_ones_is_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workdir(&[]);
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::write(locked.join("a.txt"), "38").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read_dir(&locked).is_ok() {
        // Root reads it anyway: nothing to prove here.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    }
    let out = numcheck(
        dir.path(),
        &["check", "--format", "concise", "locked", "good.txt"],
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("locked"), "{}", stderr(&out));
    assert!(stdout(&out).contains("good.txt:1:"), "{}", stdout(&out));
}

#[test]
fn checking_never_writes_to_an_article_and_output_files_replace_whole() {
    let dir = workdir(&[]);
    let article = dir.path().join("good.txt");
    let before = std::fs::read(&article).expect("read");
    let mtime = std::fs::metadata(&article)
        .expect("meta")
        .modified()
        .expect("mtime");
    std::fs::write(dir.path().join("report.json"), "old report").expect("seed");
    let out = numcheck(
        dir.path(),
        &["check", "--format", "json", "-o", "report.json", "good.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = std::fs::read_to_string(dir.path().join("report.json")).expect("read");
    assert!(report.starts_with('{') && report.contains("NUM-RANGE-ORDER"));
    let out = numcheck(dir.path(), &["snapshot", "good.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read(&article).expect("read"), before);
    assert_eq!(
        std::fs::metadata(&article)
            .expect("meta")
            .modified()
            .expect("mtime"),
        mtime
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["good.txt", "good.txt.numcheck", "report.json"],
        "no temporary files"
    );
}

#[test]
fn an_output_file_in_a_missing_directory_is_an_error_not_a_panic() {
    let dir = workdir(&[]);
    let out = numcheck(
        dir.path(),
        &["check", "-o", "no/such/dir/out.txt", "good.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("out.txt"), "{}", stderr(&out));
}
