//! Batch mode at scale and the input size guard, through the binary.

use insta_cmd::get_cargo_bin;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(get_cargo_bin("numcheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numcheck runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Written from another thread so that a full stdout pipe cannot deadlock the test.
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().expect("numcheck finishes");
    writer.join().expect("writer joins").expect("stdin written");
    out
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Many documents of different lengths, so that parallel workers finish out of order.
fn documents(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = "About 40 people were hurt. ".repeat(1 + i % 5);
            format!("{{\"id\": {i}, \"text\": \"{text}Then {i} more.\"}}\n")
        })
        .collect()
}

#[test]
fn extract_batch_keeps_input_order_on_two_threads() {
    let n = 1100;
    let out = run(
        &["-j", "2", "extract", "--format", "json-lines", "--batch"],
        documents(n).as_bytes(),
    );
    assert!(out.status.success());
    let got = lines(&out);
    assert_eq!(got.len(), n);
    for (i, line) in got.iter().enumerate() {
        assert_eq!(line["id"], serde_json::json!(i));
        let claims = line["claims"].as_array().expect("claims");
        assert_eq!(claims.len(), 2 + i % 5, "document {i}");
    }
}

#[test]
fn check_batch_gives_an_error_line_for_a_bad_line_and_goes_on() {
    let mut input = documents(3).into_bytes();
    input.extend_from_slice(b"{\"id\": 3, \"text\": \"broken\n\xff\xfe\n");
    input.extend_from_slice(documents(5).lines().nth(4).unwrap().as_bytes());
    let out = run(
        &["check", "-j", "2", "--format", "json-lines", "--batch"],
        &input,
    );
    assert!(out.status.success());
    let got = lines(&out);
    let ids: Vec<_> = got.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        serde_json::json!([0, 1, 2, null, null, 4])
            .as_array()
            .unwrap()
            .clone()
    );
    assert!(got[3]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert_eq!(got[4]["line"], serde_json::json!(5));
    assert!(got[5]["findings"].is_array());
}

#[test]
fn check_batch_reads_each_lines_format_and_date() {
    // The age needs a reference date, and Markdown reads an indented line as code; the same
    // text is read three ways.
    let text = "    Jones, 52, was born in 1961.";
    let line = |extra: &str| format!("{{\"id\": 1, \"text\": \"{text}\"{extra}}}\n");
    let input = [
        line(""),
        line(", \"date\": \"2025-06-01\""),
        line(", \"format\": \"markdown\", \"date\": \"2025-06-01\""),
        line(", \"format\": \"pdf\""),
        line(", \"date\": \"2025-02-30\""),
    ]
    .concat();
    let out = run(
        &["check", "--format", "json-lines", "--batch"],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let got = lines(&out);
    let rules = |i: usize| -> Vec<String> {
        got[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules(0), Vec::<String>::new());
    assert_eq!(rules(1), vec!["NUM-AGE-YEAR".to_string()]);
    assert_eq!(rules(2), Vec::<String>::new());
    assert!(got[3]["error"].as_str().unwrap().contains("\"pdf\""));
    assert!(got[4]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid \"date\""));
}

#[test]
fn max_file_size_refuses_a_larger_file_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "Some 300 people attended. ".repeat(100)).unwrap();
    let path = path.to_str().unwrap();
    for command in ["check", "extract"] {
        let out = run(&[command, "--max-file-size", "1K", path], b"");
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(path) && err.contains("--max-file-size"),
            "{err}"
        );
        let ok = run(&[command, "--max-file-size", "4K", path], b"");
        assert_ne!(ok.status.code(), Some(2), "{command}");
    }
}

#[test]
fn max_file_size_applies_to_stdin() {
    let out = run(
        &["extract", "--max-file-size", "10", "-"],
        b"12 apples and 13 pears",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>"));
}
