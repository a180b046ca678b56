//! Workflows across runs: baselines, claim ledgers, atomic `-o` writes and the commands the
//! pre-commit hooks declare. Each test works on copies in a temporary directory.

use insta_cmd::get_cargo_bin;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(get_cargo_bin("numcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("numcheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An article with two unused suppressions (the only findings the engine alone makes).
const ARTICLE: &str = "# Harbour Report\n\nThe council counted 38 moorings.\n\n<!-- numcheck: off -->\nFees rose 12 percent.\n";

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().to_path_buf();
    std::fs::write(path.join("article.md"), ARTICLE).expect("write");
    (dir, path)
}

#[test]
fn baseline_round_trip_hides_known_findings_only() {
    let (_guard, dir) = workspace();
    let wrote = run(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "--fail-on",
            "warning",
            "--write-baseline",
            "base.json",
            "article.md",
        ],
    );
    assert_eq!(wrote.status.code(), Some(0), "{}", stderr(&wrote));
    let base = std::fs::read_to_string(dir.join("base.json")).expect("baseline written");
    assert!(
        base.contains("\"path\": \"article.md\"") && base.contains("<!-- numcheck: off -->"),
        "{base}"
    );
    assert!(!base.contains("\"line\""), "keyed without line numbers");

    // New lines above move every line; the known finding stays hidden.
    let moved = format!("Intro line.\n\n{ARTICLE}");
    std::fs::write(dir.join("article.md"), &moved).expect("write");
    let again = run(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "--fail-on",
            "warning",
            "--baseline",
            "base.json",
            "article.md",
        ],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    assert!(
        stdout(&again).contains("0 errors, 0 warnings in 1 file (1 more in the baseline)"),
        "{}",
        stdout(&again)
    );

    // A new finding is reported.
    std::fs::write(
        dir.join("article.md"),
        format!("{moved}\n<!-- numcheck: enable -->\n"),
    )
    .expect("write");
    let new = run(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "--fail-on",
            "warning",
            "--baseline",
            "base.json",
            "article.md",
        ],
    );
    assert_eq!(new.status.code(), Some(1));
    assert!(
        stdout(&new).contains("`enable` without an open `disable`"),
        "{}",
        stdout(&new)
    );
    assert!(stdout(&new).contains("0 errors, 1 warning in 1 file (1 more in the baseline)"));

    // A broken baseline is an error naming the file.
    std::fs::write(dir.join("bad.json"), "{").expect("write");
    let bad = run(&dir, &["check", "--baseline", "bad.json", "article.md"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("bad.json"), "{}", stderr(&bad));
}

#[test]
fn ledger_is_written_beside_the_article_and_goes_stale_when_it_changes() {
    let (_guard, dir) = workspace();
    let missing = run(&dir, &["snapshot", "--check", "article.md"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stdout(&missing), "missing ledger: article.md.numcheck\n");

    let wrote = run(&dir, &["snapshot", "article.md"]);
    assert_eq!(wrote.status.code(), Some(0), "{}", stderr(&wrote));
    let ledger = std::fs::read_to_string(dir.join("article.md.numcheck")).expect("ledger");
    assert!(ledger.contains("\"38\" count 38 → [38, 38]"), "{ledger}");
    assert_eq!(
        std::fs::read_to_string(dir.join("article.md")).expect("article"),
        ARTICLE,
        "the article is never written"
    );

    let fresh = run(&dir, &["snapshot", "--check", "article.md"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stdout(&fresh));
    let again = run(&dir, &["snapshot", "article.md"]);
    assert_eq!(
        stdout(&again),
        "0 of 1 ledgers updated\n",
        "deterministic: nothing to rewrite"
    );

    std::fs::write(dir.join("article.md"), ARTICLE.replace("38", "48")).expect("write");
    let stale = run(&dir, &["snapshot", "--check", "."]);
    assert_eq!(stale.status.code(), Some(1));
    assert_eq!(stdout(&stale), "stale ledger: article.md.numcheck\n");
    assert!(stderr(&stale).contains("numcheck snapshot"));
    run(&dir, &["snapshot", "."]);
    let updated = std::fs::read_to_string(dir.join("article.md.numcheck")).expect("ledger");
    assert!(
        updated.contains("\"48\" count 48") && !updated.contains("\"38\""),
        "{updated}"
    );
}

#[test]
fn output_file_is_replaced_atomically() {
    let (_guard, dir) = workspace();
    std::fs::create_dir(dir.join("out")).expect("mkdir");
    std::fs::write(dir.join("out/report.json"), "old contents").expect("write");
    let o = run(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "-o",
            "out/report.json",
            "article.md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The terminal gets the human summary; the file the whole report.
    assert_eq!(stdout(&o), "0 errors, 1 warning in 1 file\n");
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("out/report.json")).expect("report"),
    )
    .expect("valid JSON");
    assert_eq!(report["summary"]["warnings"], 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("out"))
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("report.json")],
        "no temporary file left behind"
    );
    // A directory that does not exist is an I/O error naming the file.
    let bad = run(&dir, &["check", "-o", "nowhere/report.txt", "article.md"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("nowhere/report.txt"),
        "{}",
        stderr(&bad)
    );
}

/// `(entry, args)` of each hook in .pre-commit-hooks.yaml.
fn hooks() -> Vec<(String, Vec<String>)> {
    let yaml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .expect("hooks file");
    let mut hooks = Vec::new();
    let mut entry = None;
    for line in yaml.lines() {
        let line = line.trim_start_matches(['-', ' ']);
        if let Some(e) = line.strip_prefix("entry:") {
            entry = Some(e.trim().to_string());
        } else if let Some(a) = line.strip_prefix("args:") {
            let list = a.trim().trim_start_matches('[').trim_end_matches(']');
            let args = list
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            hooks.push((entry.take().expect("entry before args"), args));
        }
    }
    hooks
}

#[test]
fn pre_commit_hooks_run_as_declared() {
    let hooks = hooks();
    assert_eq!(hooks.len(), 2);
    let (_guard, dir) = workspace();
    run(&dir, &["snapshot", "article.md"]);
    for (entry, args) in hooks {
        let mut words = entry.split_whitespace();
        assert_eq!(words.next(), Some("numcheck"));
        let mut cmd: Vec<String> = words.map(str::to_string).collect();
        cmd.extend(args);
        cmd.push("article.md".into());
        let refs: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let o = run(&dir, &refs);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{entry}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        if entry == "numcheck check" {
            assert!(
                stdout(&o).starts_with("article.md:5:1: warning NUM-UNUSED-SUPPRESSION"),
                "{}",
                stdout(&o)
            );
        }
    }
}

#[test]
fn github_actions_example_commands_run() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let commands: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run: numcheck "))
        .collect();
    assert_eq!(commands.len(), 3, "{commands:?}");
    let (_guard, dir) = workspace();
    std::fs::create_dir(dir.join("articles")).expect("mkdir");
    std::fs::rename(dir.join("article.md"), dir.join("articles/article.md")).expect("move");
    run(&dir, &["snapshot", "articles/"]);
    for c in commands {
        let args: Vec<&str> = c.split_whitespace().collect();
        let o = run(&dir, &args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{c}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        if c.contains("github") {
            assert!(
                stdout(&o).starts_with("::warning file=articles/article.md,line=5,col=1,"),
                "{}",
                stdout(&o)
            );
        }
    }
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("numcheck.sarif")).expect("sarif written"),
    )
    .expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
}
