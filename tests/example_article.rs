//! The example article end to end (`rules.md` §3): the binary's full and JSON output on
//! `tests/fixtures/is-resurgence.txt`, snapshotted, plus the expectations of §3 asserted one
//! by one so that a snapshot accepted in haste cannot hide a regression.

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use serde_json::Value;
use std::process::Command;

const ARTICLE: &str = "tests/fixtures/is-resurgence.txt";

fn numcheck() -> Command {
    let mut cmd = Command::new(get_cargo_bin("numcheck"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
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

#[test]
fn full_output_with_consistent_checks() {
    snap!(
        "example_article_full",
        numcheck().args(["check", ARTICLE, "--show-consistent"])
    );
}

#[test]
fn json_output() {
    snap!(
        "example_article_json",
        numcheck().args([
            "check",
            ARTICLE,
            "--show-consistent",
            "--output-format",
            "json"
        ])
    );
}

/// The findings of the JSON output.
fn findings() -> Vec<Value> {
    let out = numcheck()
        .args([
            "check",
            ARTICLE,
            "--show-consistent",
            "--output-format",
            "json",
        ])
        .output()
        .expect("run numcheck");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    json["files"][0]["findings"]
        .as_array()
        .expect("findings array")
        .clone()
}

fn of_rule<'a>(all: &'a [Value], rule: &str) -> Vec<&'a Value> {
    all.iter().filter(|f| f["rule"] == rule).collect()
}

fn text(f: &Value) -> &str {
    f["text"].as_str().unwrap_or_default()
}

#[test]
fn only_the_heading_figure_is_a_warning_and_nothing_is_an_error() {
    let all = findings();
    let loud: Vec<&Value> = all.iter().filter(|f| f["severity"] != "note").collect();
    assert_eq!(loud.len(), 1, "{loud:#?}");
    let heading = loud[0];
    assert_eq!(heading["rule"], "NUM-HEADLINE-BODY");
    assert_eq!(heading["severity"], "warning");
    assert_eq!(heading["verdict"], "inconsistent");
    assert_eq!(text(heading), "Approximately 900");
    assert_eq!(
        heading["message"],
        "heading says about 900 soldiers (810–990); body says about 2000 troops in Syria \
         (1,500–2,500); the body mentions a planned reduction"
    );
    assert_eq!(heading["related"][0]["text"], "approximately 2000");
    assert_eq!(heading["related"][0]["label"], "body");
}

#[test]
fn the_traps_stay_silent() {
    let all = findings();
    // 9,000 fighters "and their families in prisons and camps" vs the UN's 1,500–3,000;
    // "a dozen planned attacks in 2025 alone" vs "38 attacks": different quantities.
    assert!(of_rule(&all, "NUM-SAME-QUANTITY").is_empty(), "{all:#?}");
    for f in &all {
        let mut spans = vec![text(f).to_string()];
        if let Some(related) = f["related"].as_array() {
            spans.extend(related.iter().map(|r| text(r).to_string()));
        }
        let has = |s: &str| spans.iter().any(|t| t.contains(s));
        assert!(!(has("9,000") && has("1,500")), "{f:#?}");
        assert!(!(has("a dozen") && has("38")), "{f:#?}");
    }
}

#[test]
fn the_projection_is_consistent_and_last_years_count_is_derived() {
    let all = findings();
    let extrapolation = of_rule(&all, "NUM-EXTRAPOLATION");
    let consistent = extrapolation
        .iter()
        .find(|f| f["verdict"] == "consistent")
        .expect("projection note");
    assert_eq!(consistent["severity"], "note");
    assert_eq!(text(consistent), "a possible 90");
    assert_eq!(
        consistent["message"],
        "38 attacks in 5 months is 91.2 a year; the text projects about 90 (81–99): consistent"
    );
    let labels: Vec<&str> = consistent["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| r["label"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["count", "period"]);
    assert_eq!(consistent["computed"]["value"], "91.2");

    let derived = extrapolation
        .iter()
        .find(|f| f["verdict"] == "derived")
        .expect("implied count note");
    assert_eq!(derived["severity"], "note");
    assert_eq!(text(derived), "approximately a third");
    let message = derived["message"].as_str().unwrap_or_default();
    assert!(message.contains("≈ 270 (211.3–349.4)"), "{message}");
    assert_eq!(derived["computed"]["value"], "270");
    assert_eq!(derived["computed"]["low"], "211.304348");
    assert_eq!(derived["computed"]["high"], "349.411765");
}
