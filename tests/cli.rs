//! The command line, snapshotted with insta-cmd: every output format, exit code and
//! subcommand on the fixtures in `tests/fixtures/cli/` (run from that directory so paths in
//! the output are short and stable).

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

fn numcheck() -> Command {
    let mut cmd = Command::new(get_cargo_bin("numcheck"));
    cmd.current_dir(fixtures());
    cmd
}

macro_rules! snap {
    ($name:expr, $cmd:expr) => {{
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| assert_cmd_snapshot!($name, $cmd));
    }};
}

const INPUTS: [&str; 4] = ["article.md", "entities.html", "crlf.txt", "bom.txt"];

#[test]
fn check_full() {
    snap!("cli_check_full", numcheck().arg("check").args(INPUTS));
}

#[test]
fn check_full_show_consistent_in_colour() {
    snap!(
        "cli_check_full_colour",
        numcheck().args([
            "check",
            "--show-consistent",
            "--color",
            "always",
            "crlf.txt"
        ])
    );
}

#[test]
fn check_concise() {
    snap!(
        "cli_check_concise",
        numcheck()
            .args(["check", "--output-format", "concise"])
            .args(INPUTS)
    );
}

#[test]
fn check_json() {
    snap!(
        "cli_check_json",
        numcheck().args(["check", "--format", "json"]).args(INPUTS)
    );
}

#[test]
fn check_json_lines() {
    snap!(
        "cli_check_json_lines",
        numcheck()
            .args(["check", "--format", "json-lines"])
            .args(INPUTS)
    );
}

#[test]
fn check_sarif() {
    snap!(
        "cli_check_sarif",
        numcheck().args(["check", "--format", "sarif", "crlf.txt", "bom.txt"])
    );
}

#[test]
fn check_github() {
    snap!(
        "cli_check_github",
        numcheck()
            .args(["check", "--format", "github"])
            .args(INPUTS)
    );
}

#[test]
fn exit_codes() {
    // Warnings only: 0 by default, 1 with --fail-on warning, 0 again with --exit-zero.
    snap!(
        "cli_exit_default",
        numcheck().args(["check", "--format", "concise", "crlf.txt"])
    );
    snap!(
        "cli_exit_fail_on_warning",
        numcheck().args([
            "check",
            "--format",
            "concise",
            "--fail-on",
            "warning",
            "crlf.txt"
        ])
    );
    snap!(
        "cli_exit_zero",
        numcheck().args([
            "check",
            "--format",
            "concise",
            "--fail-on",
            "warning",
            "--exit-zero",
            "crlf.txt"
        ])
    );
    // The config's severity override makes it an error: exit 1.
    snap!(
        "cli_exit_config",
        numcheck().args(["check", "configured/new.txt"])
    );
}

#[test]
fn missing_file_among_good_ones_exits_2_and_checks_the_rest() {
    snap!(
        "cli_missing_file",
        numcheck().args(["check", "--format", "concise", "crlf.txt", "nope.md", "bom.txt"])
    );
}

#[test]
fn usage_errors_exit_2() {
    snap!(
        "cli_bad_flag",
        numcheck().args(["check", "--format", "xml", "crlf.txt"])
    );
    snap!(
        "cli_bad_date",
        numcheck().args(["check", "--date", "2025-02-30", "crlf.txt"])
    );
    snap!(
        "cli_unknown_select",
        numcheck().args(["check", "--select", "NUM-NOPE", "crlf.txt"])
    );
    snap!(
        "cli_batch_needs_json_lines",
        numcheck().args(["check", "--batch"])
    );
}

#[test]
fn config_errors_name_the_key_and_file() {
    snap!(
        "cli_config_unknown_key",
        numcheck().args(["check", "badconfig/a.txt"])
    );
}

#[test]
fn directories_respect_gitignore_and_extensions() {
    snap!(
        "cli_check_tree",
        numcheck().args(["check", "--format", "json", "tree"])
    );
}

#[test]
fn stdin_with_filename() {
    let mut cmd = numcheck();
    cmd.args([
        "check",
        "--format",
        "concise",
        "--stdin-filename",
        "piped.md",
        "-",
    ]);
    snap!(
        "cli_stdin",
        cmd.pass_stdin("---\ndate: 2024-06-01\n---\n\n<!-- numcheck: off -->\n")
    );
}

#[test]
fn batch_mode() {
    let mut cmd = numcheck();
    cmd.args(["check", "--format", "json-lines", "--batch"]);
    snap!(
        "cli_check_batch",
        cmd.pass_stdin("{\"id\": 1, \"text\": \"No figures here.\"}\nnot json\n{\"id\": \"b\"}\n{\"id\": 2, \"text\": \"A <!-- numcheck: on --> b\"}\n")
    );
}

#[test]
fn date_flag_wins_over_the_document() {
    snap!(
        "cli_date_flag",
        numcheck().args(["check", "--date", "2025-07-10", "article.md"])
    );
}

#[test]
fn select_and_ignore() {
    snap!(
        "cli_ignore",
        numcheck().args([
            "check",
            "--ignore",
            "NUM-UNUSED",
            "--format",
            "concise",
            "crlf.txt"
        ])
    );
}

#[test]
fn extract_reads_markdown_html_and_directories() {
    snap!(
        "cli_extract_inputs",
        numcheck().args(["extract", "article.md", "entities.html", "tree"])
    );
}

#[test]
fn rules_and_rule() {
    snap!("cli_rules", numcheck().arg("rules"));
    snap!(
        "cli_rule",
        numcheck().args(["rule", "num-unused-suppression"])
    );
    snap!("cli_rule_unknown", numcheck().args(["rule", "NUM-NOPE"]));
}

#[test]
fn config_command() {
    snap!(
        "cli_config_default",
        numcheck().args(["config", "--isolated", "tree"])
    );
    let mut cmd = numcheck();
    cmd.current_dir(fixtures().join("configured"))
        .args(["config", "new.txt"]);
    snap!("cli_config_found", cmd);
}

#[test]
fn help_has_examples() {
    snap!("cli_help", numcheck().arg("--help"));
}
