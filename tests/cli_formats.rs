//! The machine formats checked field by field against their specifications (json.md, SARIF
//! 2.1.0, GitHub workflow commands), with findings built by hand so that related spans,
//! computed intervals, multi-byte text and CRLF line endings are all exercised.

use numcheck::finding::{Computed, Finding, Related, Severity, Verdict};
use numcheck::model::Span;
use numcheck::report::render::{concise, full, github, json, sarif, FileReport};
use numcheck::source::{Document, Format};
use rust_decimal::Decimal;
use serde_json::Value;

const TEXT: &str =
    "Café Report\r\n\r\nThere were 38 attacks from January to May, on pace for a possible 90.\r\n";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn findings() -> Vec<Finding> {
    vec![Finding {
        rule: "NUM-EXTRAPOLATION",
        severity: Severity::Warning,
        verdict: Verdict::Inconsistent,
        message: "38 attacks in 5 months is 91.2 a year; the text says 50%: inconsistent".into(),
        primary: span_of(TEXT, "a possible 90"),
        related: vec![
            Related {
                span: span_of(TEXT, "38 attacks"),
                label: numcheck::finding::Role::Count,
            },
            Related {
                span: span_of(TEXT, "January to May"),
                label: numcheck::finding::Role::Period,
            },
        ],
        computed: Some(Computed {
            value: Decimal::new(912, 1),
            low: Some(Decimal::new(90, 0)),
            high: Some(Decimal::new(925, 1)),
        }),
    }]
}

fn doc() -> Document {
    Document::new("news/café.txt", TEXT.to_string(), Format::Plain)
}

#[test]
fn json_finding_fields() {
    let doc = doc();
    let findings = findings();
    let files = [FileReport {
        doc: &doc,
        findings: &findings,
        reference_date: None,
    }];
    let v: Value = serde_json::from_str(&json::render(&files)).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 0, "warnings": 1, "notes": 0})
    );
    let f = &v["files"][0]["findings"][0];
    assert_eq!(v["files"][0]["path"], "news/café.txt");
    assert_eq!(f["rule"], "NUM-EXTRAPOLATION");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["verdict"], "inconsistent");
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&TEXT[start..end], f["text"]);
    assert_eq!(f["text"], "a possible 90");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(56))
    );
    for r in f["related"].as_array().unwrap() {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&TEXT[s..e], r["text"]);
    }
    assert_eq!(f["related"][0]["label"], "count");
    assert_eq!(
        f["computed"],
        serde_json::json!({"value": "91.2", "low": "90", "high": "92.5"})
    );
    let line: Value =
        serde_json::from_str(json::render_lines(&files).lines().next().unwrap()).unwrap();
    assert_eq!(line["findings"][0]["text"], "a possible 90");
}

#[test]
fn sarif_fields() {
    let doc = doc();
    let findings = findings();
    let files = [FileReport {
        doc: &doc,
        findings: &findings,
        reference_date: None,
    }];
    let rules = numcheck::rules::registry();
    let v: Value =
        serde_json::from_str(&sarif::render(&files, rules, |r| r.docs().to_string())).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "numcheck");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rule = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "NUM-UNUSED-SUPPRESSION")
        .expect("every registered rule is described");
    assert!(rule["shortDescription"]["text"]
        .as_str()
        .unwrap()
        .contains("suppress"));
    assert!(rule["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .contains("What it checks"));
    assert!(rule["help"]["text"]
        .as_str()
        .unwrap()
        .contains("Known limits"));
    let r = &run["results"][0];
    assert_eq!(r["ruleId"], "NUM-EXTRAPOLATION");
    let index = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .position(|d| d["id"] == "NUM-EXTRAPOLATION")
        .expect("NUM-EXTRAPOLATION is in the catalogue");
    assert_eq!(r["ruleIndex"], index);
    assert_eq!(r["level"], "warning");
    assert_eq!(r["message"]["text"], findings[0].message);
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "news/café.txt");
    let region = &loc["region"];
    // Line 3 after CRLF endings; columns in characters (the é of line 1 does not matter here).
    assert_eq!(region["startLine"], 3);
    assert_eq!(region["startColumn"], 56);
    assert_eq!(region["endLine"], 3);
    assert_eq!(region["endColumn"], 56 + "a possible 90".len());
    assert_eq!(region["snippet"]["text"], "a possible 90");
    let related = &r["relatedLocations"];
    assert_eq!(related[0]["message"]["text"], "count");
    assert_eq!(
        related[1]["physicalLocation"]["region"]["snippet"]["text"],
        "January to May"
    );
}

#[test]
fn sarif_columns_count_characters() {
    let text = "Ré: 5 €9 x";
    let doc = Document::new("a.txt", text.to_string(), Format::Plain);
    let f = Finding {
        primary: span_of(text, "€9"),
        related: vec![],
        computed: None,
        ..findings().remove(0)
    };
    let files = [FileReport {
        doc: &doc,
        findings: std::slice::from_ref(&f),
        reference_date: None,
    }];
    let v: Value = serde_json::from_str(&sarif::render(&files, &[], |_| String::new())).unwrap();
    let region = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(7), Some(9))
    );
    assert_eq!(
        (region["byteOffset"].as_u64(), region["byteLength"].as_u64()),
        (Some(7), Some(4))
    );
}

#[test]
fn github_annotation_fields() {
    let doc = doc();
    let mut findings = findings();
    findings[0].message = "50% off, 100%: line\nbreak".into();
    let files = [FileReport {
        doc: &doc,
        findings: &findings,
        reference_date: None,
    }];
    let out = github::render(&files);
    let line = out.lines().next().unwrap();
    let (head, message) = line
        .split_once("::")
        .map(|(_, rest)| rest.split_once("::").unwrap())
        .unwrap();
    let (level, props) = head.split_once(' ').unwrap();
    assert_eq!(level, "warning");
    let props: Vec<(&str, &str)> = props
        .split(',')
        .map(|p| p.split_once('=').unwrap())
        .collect();
    assert_eq!(
        props,
        vec![
            ("file", "news/café.txt"),
            ("line", "3"),
            ("col", "56"),
            ("endLine", "3"),
            ("endColumn", "69"),
            ("title", "NUM-EXTRAPOLATION")
        ]
    );
    assert_eq!(message, "50%25 off, 100%25: line%0Abreak");
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn concise_and_full() {
    let doc = doc();
    let findings = findings();
    let files = [FileReport {
        doc: &doc,
        findings: &findings,
        reference_date: None,
    }];
    assert_eq!(
        concise::render(&files),
        "news/café.txt:3:56: warning NUM-EXTRAPOLATION 38 attacks in 5 months is 91.2 a year; the text says 50%: inconsistent\n"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
        .bind(|| insta::assert_snapshot!("cli_render_full_related", full::render(&doc, &findings)));
}

#[test]
fn ledger_lists_figures_with_their_checks() {
    let doc = doc();
    let claims = numcheck::extract::extract(&doc);
    let date = Some((
        "2025-06-01".parse().unwrap(),
        numcheck::source::DateSource::CommandLine,
    ));
    let ledger = numcheck::ledger::render(&doc, &claims, &findings(), date);
    assert!(
        ledger.contains("NUM-EXTRAPOLATION inconsistent (count)")
            && ledger.contains("NUM-EXTRAPOLATION inconsistent (checked)"),
        "{ledger}"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("cli_ledger", ledger));
}
