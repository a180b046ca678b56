//! `numcheck server` driven over its pipes by a JSON-RPC client (`lsp_harness`).
//! `NUMCHECK_LSP_TRANSCRIPT=1 cargo test --test lsp example_article -- --nocapture` prints the
//! transcript that the README shows.

mod lsp_harness;

use lsp_harness::{file_uri, position, range, Client};
use serde_json::{json, Value};
use std::time::Duration;

const ARTICLE: &str = include_str!("fixtures/is-resurgence.txt");

/// The article in a directory of its own, so that no `numcheck.toml` above the repository
/// changes its settings.
fn article_in_tempdir(text: &str, name: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let uri = file_uri(&path);
    (dir, uri)
}

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().filter_map(|d| d["code"].as_str()).collect()
}

fn only_headline_body(diags: &[Value]) -> &Value {
    assert_eq!(codes(diags), ["NUM-HEADLINE-BODY"], "{diags:#?}");
    &diags[0]
}

#[test]
fn example_article_diagnostics_hover_fix_suppress_and_exit() {
    let (_dir, uri) = article_in_tempdir(ARTICLE, "is-resurgence.txt");
    let mut c = Client::spawn();
    let init = c.initialize(Value::Null);
    assert_eq!(
        init["result"]["capabilities"]["textDocumentSync"]["change"],
        2
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    c.open(&uri, "plaintext", ARTICLE);

    // The one warning, at the heading's "Approximately 900", with the body's figure related.
    let diags = c.diagnostics(&uri, 1);
    let d = only_headline_body(&diags);
    let start = ARTICLE.find("Approximately 900").unwrap();
    assert_eq!(
        d["range"],
        range(ARTICLE, start, start + "Approximately 900".len())
    );
    assert_eq!(d["severity"], 2);
    assert_eq!(d["source"], "numcheck");
    assert!(d["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("docs/rules.md#num-headline-body"));
    let message = d["message"].as_str().unwrap();
    assert!(
        message.starts_with("heading says about 900 soldiers (810–990)"),
        "{message}"
    );
    assert!(
        message.contains("\ncomputed: 2000 (1500–2500); verdict: inconsistent"),
        "{message}"
    );
    let related = d["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    let body = ARTICLE.find("approximately 2000").unwrap();
    assert_eq!(related[0]["location"]["uri"], uri.as_str());
    assert_eq!(
        related[0]["location"]["range"],
        range(ARTICLE, body, body + "approximately 2000".len())
    );
    assert_eq!(related[0]["message"], "body: approximately 2000");

    // Hover on "38 attacks": its reading.
    let at = ARTICLE.find("38 attacks").unwrap();
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(ARTICLE, at + 1)}),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**38** — count"), "{value}");
    assert!(value.contains("strict interval: [38, 38]"), "{value}");
    assert!(value.contains("permissive interval: [38, 38]"), "{value}");
    assert!(value.contains("counts: attacks"), "{value}");
    assert!(value.contains("hedge: none"), "{value}");
    assert_eq!(hover["result"]["range"], range(ARTICLE, at, at + 2));

    // Fixing the figure: the diagnostic disappears.
    let fixed = ARTICLE.replacen("approximately 2000 troops", "approximately 900 troops", 1);
    let figure = body + "approximately ".len();
    c.change(&uri, 2, range(ARTICLE, figure, figure + 4), "900");
    assert_eq!(c.diagnostics(&uri, 2), Vec::<Value>::new());

    // Back to 2000: it returns; its code action suppresses it.
    let fixed_figure = fixed.find("approximately 900 troops").unwrap() + "approximately ".len();
    c.change(
        &uri,
        3,
        range(&fixed, fixed_figure, fixed_figure + 3),
        "2000",
    );
    let diags = c.diagnostics(&uri, 3);
    let d = only_headline_body(&diags).clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Suppress NUM-HEADLINE-BODY here",
            "Show the arithmetic of NUM-HEADLINE-BODY"
        ]
    );
    let edit = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["version"], 3);
    let edit = &edit["edits"][0];
    let heading_line = ARTICLE[..start].matches('\n').count();
    assert_eq!(
        edit["range"]["start"],
        json!({"line": heading_line, "character": 0})
    );
    assert_eq!(
        edit["newText"],
        "<!-- numcheck: ignore[NUM-HEADLINE-BODY] -->\n"
    );
    c.change(
        &uri,
        4,
        edit["range"].clone(),
        edit["newText"].as_str().unwrap(),
    );
    assert_eq!(c.diagnostics(&uri, 4), Vec::<Value>::new());

    // "Show the arithmetic" shows the terminal's rendering of the finding.
    let command = &actions[1]["command"];
    let shown = c.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    assert_eq!(shown["result"], Value::Null);
    let message = c.wait_for(|m| m["method"] == "window/showMessage");
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("^^^^^^^^^^^^^^^^^"), "{text}");
    assert!(text.contains("------------------ body"), "{text}");

    let (response, status) = c.shutdown_keep_transcript();
    assert_eq!(response["result"], Value::Null);
    assert_eq!(status.code(), Some(0));
}

impl Client {
    /// shutdown + exit, printing the transcript when asked.
    fn shutdown_keep_transcript(mut self) -> (Value, std::process::ExitStatus) {
        let r = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.wait_exit();
        if std::env::var_os("NUMCHECK_LSP_TRANSCRIPT").is_some() {
            for line in &self.transcript {
                println!("{line}");
            }
        }
        (r, status)
    }
}

#[test]
fn positions_are_utf16_after_emoji_and_accents() {
    let text = ARTICLE.replacen(
        "Politics: Approximately 900",
        "Politics 🙂 Café — Approximately 900",
        1,
    );
    let (_dir, uri) = article_in_tempdir(&text, "emoji.txt");
    let mut c = Client::spawn();
    c.initialize(Value::Null);
    c.open(&uri, "plaintext", &text);
    let diags = c.diagnostics(&uri, 1);
    let d = only_headline_body(&diags);
    let start = text.find("Approximately 900").unwrap();
    // "Politics 🙂 Café — " is 18 characters, 19 UTF-16 units and 24 bytes.
    assert_eq!(d["range"]["start"]["character"], 19);
    assert_eq!(
        d["range"],
        range(&text, start, start + "Approximately 900".len())
    );

    // An edit addressed in UTF-16 after the emoji lands on the right bytes.
    c.change(&uri, 2, range(&text, start + 14, start + 17), "2000");
    assert_eq!(c.diagnostics(&uri, 2), Vec::<Value>::new());
}

#[test]
fn twenty_rapid_edits_publish_once() {
    let (_dir, uri) = article_in_tempdir(ARTICLE, "a.txt");
    let mut c = Client::spawn();
    c.initialize(Value::Null);
    c.open(&uri, "plaintext", ARTICLE);
    c.diagnostics(&uri, 1);
    // Twenty edits well inside the 300 ms debounce: append one character each time.
    let end = position(ARTICLE, ARTICLE.len());
    for v in 2..=21 {
        c.change(&uri, v, json!({"start": end, "end": end}), " ");
    }
    let published: Vec<Value> = c
        .collect_for(Duration::from_millis(2500))
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    let versions: Vec<&Value> = published.iter().map(|m| &m["params"]["version"]).collect();
    assert_eq!(versions, [&json!(21)]);
}

#[test]
fn malformed_messages_get_errors_and_the_server_keeps_serving() {
    let (_dir, uri) = article_in_tempdir(ARTICLE, "a.txt");
    let mut c = Client::spawn();
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    c.initialize(Value::Null);
    c.send_raw("{not json");
    let parse_error = c.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    c.send_raw(r#"{"jsonrpc":"2.0","id":"x","method":42}"#);
    let invalid = c.wait_for(|m| m["id"] == "x");
    assert_eq!(invalid["error"]["code"], -32600);
    let bad_params = c.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad_params["error"]["code"], -32602);
    let unknown = c.request("numcheck/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    c.notify("textDocument/didChange", json!({"oops": true}));
    c.open(&uri, "plaintext", ARTICLE);
    only_headline_body(&c.diagnostics(&uri, 1));
    let (_, status) = c.shutdown();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_panicking_check_is_logged_and_the_server_keeps_serving() {
    let mut c = Client::spawn_with_env(&[("NUMCHECK_LSP_TEST_PANIC", "BOOM-7f3")]);
    c.initialize(Value::Null);
    let (_dir, bad) = article_in_tempdir("BOOM-7f3 and 38 attacks", "bad.txt");
    c.open(&bad, "plaintext", "BOOM-7f3 and 38 attacks");
    let log = c.wait_for(|m| m["method"] == "window/logMessage");
    let text = log["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("panicked") && text.contains("keeps serving"),
        "{text}"
    );
    assert_eq!(log["params"]["type"], 1);
    let (_dir2, good) = article_in_tempdir(ARTICLE, "good.txt");
    c.open(&good, "plaintext", ARTICLE);
    only_headline_body(&c.diagnostics(&good, 1));
    // A panic in the server's own code: an internal error for that request, and on.
    let r = c.request("numcheck/testPanic", json!({}));
    assert_eq!(r["error"]["code"], -32603);
    // A hover on the panicking document is answered (with nothing), not left hanging.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": bad}, "position": {"line": 0, "character": 14}}),
    );
    assert_eq!(hover["result"], Value::Null);
    let (_, status) = c.shutdown();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn numcheck_toml_is_found_upward_and_reloaded_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("numcheck.toml");
    std::fs::write(&config, "ignore = [\"NUM-HEADLINE\"]\n").unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    let path = dir.path().join("articles/a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let uri = file_uri(&path);
    let mut c = Client::spawn();
    c.initialize(Value::Null);
    let register = c.wait_for(|m| m["method"] == "client/registerCapability");
    let watcher = &register["params"]["registrations"][0];
    assert_eq!(watcher["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        watcher["registerOptions"]["watchers"][0]["globPattern"],
        "**/numcheck.toml"
    );
    c.open(&uri, "plaintext", ARTICLE);
    assert_eq!(c.diagnostics(&uri, 1), Vec::<Value>::new());

    std::fs::write(&config, "[severity]\nNUM-HEADLINE-BODY = \"error\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(only_headline_body(&diags)["severity"], 1);

    // An invalid file: said once, and the document is still checked, with the defaults.
    std::fs::write(&config, "colour = \"red\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(only_headline_body(&diags)["severity"], 2);
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("colour") && text.ends_with("using the defaults"),
        "{text}"
    );
}

#[test]
fn notes_are_published_only_when_asked() {
    let (_dir, uri) = article_in_tempdir(ARTICLE, "a.txt");
    let mut c = Client::spawn();
    c.initialize(json!({"showConsistent": true}));
    c.open(&uri, "plaintext", ARTICLE);
    let diags = c.diagnostics(&uri, 1);
    let notes: Vec<&str> = diags
        .iter()
        .filter(|d| d["severity"] == 3)
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(notes.contains(&"NUM-EXTRAPOLATION"), "{notes:?}");
    assert!(codes(&diags).contains(&"NUM-HEADLINE-BODY"));
}

#[test]
fn the_reference_date_comes_from_initialization_options_last() {
    // A weekday that is wrong in 2025 and right in 2024: only a reference date decides.
    let text = "The vote took place on Tuesday, March 4.\n";
    let (_dir, uri) = article_in_tempdir(text, "a.txt");
    let mut c = Client::spawn();
    c.initialize(json!({"referenceDate": "2024-06-01"}));
    c.open(&uri, "plaintext", text);
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(codes(&diags), ["DATE-WEEKDAY"], "{diags:#?}");
}

#[test]
fn a_document_past_the_work_cap_gets_one_information_diagnostic() {
    let text: String = (0..2100)
        .map(|i| format!("Team {i} scored {} points.\n", i % 90 + 3))
        .collect();
    let (_dir, uri) = article_in_tempdir(&text, "big.txt");
    let mut c = Client::spawn();
    c.initialize(Value::Null);
    c.open(&uri, "plaintext", &text);
    let diags = c.diagnostics(&uri, 1);
    let limits: Vec<&Value> = diags.iter().filter(|d| d["code"] == "NUM-LIMIT").collect();
    assert_eq!(limits.len(), 1, "{diags:#?}");
    assert_eq!(limits[0]["severity"], 3);
    assert!(limits[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("too many figures to cross-check"));
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": limits[0]["range"], "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(
        titles.iter().all(|t| !t.contains("NUM-LIMIT")),
        "{titles:?}"
    );
}

#[test]
fn markdown_by_language_id_and_closing_clears_diagnostics() {
    let text = "# Sales\n\nSales rose 50% to $3 million from $1 million last year.\n";
    let dir = tempfile::tempdir().unwrap();
    // The extension says plain text; the language id says Markdown, and wins.
    let uri = file_uri(&dir.path().join("notes.txt"));
    let mut c = Client::spawn();
    c.initialize(Value::Null);
    c.open(&uri, "markdown", text);
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(codes(&diags), ["NUM-PCT-CHANGE"], "{diags:#?}");
    let d = diags[0].clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let edit = &actions["result"][0]["edit"]["documentChanges"][0]["edits"][0];
    // Before the paragraph, not inside it.
    assert_eq!(edit["range"]["start"], json!({"line": 2, "character": 0}));
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = c.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"].is_null()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
}

#[test]
fn save_rechecks_and_html_is_read_by_language_id() {
    let text = "<html><body><script>var x = '50% of 3';</script>\n\
                <p>Sales rose 50% to $3 million from $1 million last year.</p></body></html>\n";
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("page"));
    let mut c = Client::spawn();
    c.initialize(Value::Null);
    c.open(&uri, "html", text);
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(codes(&diags), ["NUM-PCT-CHANGE"], "{diags:#?}");
    let start = text.find("50% to").unwrap();
    assert_eq!(diags[0]["range"]["start"], position(text, start));
    // Saving publishes again, for the same version.
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(codes(&c.diagnostics(&uri, 1)), ["NUM-PCT-CHANGE"]);
}

#[test]
fn unknown_initialization_options_are_reported_and_the_defaults_apply() {
    let (_dir, uri) = article_in_tempdir(ARTICLE, "a.txt");
    let mut c = Client::spawn();
    c.initialize(json!({"showConsistent": true, "colour": "red"}));
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("colour") && text.ends_with("using the defaults"),
        "{text}"
    );
    c.open(&uri, "plaintext", ARTICLE);
    // The defaults: no notes, although the invalid options asked for them.
    only_headline_body(&c.diagnostics(&uri, 1));
}
