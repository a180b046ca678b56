//! docs/rules.md is generated from the rules' doc comments (`numcheck rules --markdown`);
//! this test fails when it is stale. Regenerate with `NUMCHECK_BLESS=1 cargo test --test
//! cli_docs` (or `cargo run -- rules --markdown > docs/rules.md`).

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::Command;

#[test]
fn rules_md_is_up_to_date() {
    let out = Command::new(get_cargo_bin("numcheck"))
        .args(["rules", "--markdown"])
        .output()
        .expect("numcheck runs");
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(generated.contains("| [NUM-UNUSED-SUPPRESSION](#num-unused-suppression) |"));
    assert!(
        generated.contains("### What it checks"),
        "rule sections sit under each rule"
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("NUMCHECK_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/rules.md is stale: run `NUMCHECK_BLESS=1 cargo test --test cli_docs`"
    );
}

/// The README's "Rules" table lists every rule the registry has, with its summary.
#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    for rule in numcheck::rules::registry() {
        let row = format!("| `{}` | {} |", rule.id(), rule.summary());
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
}
