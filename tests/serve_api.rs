//! `numcheck serve`'s HTTP API, over real connections to the binary: every endpoint, every
//! error status, the same JSON as the CLI, and openapi.json held against what the server
//! actually accepts and answers.

mod serve_support;

use serde_json::{json, Value};
use serve_support::*;
use std::process::Command;

fn cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(args)
        .output()
        .expect("numcheck runs");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn check_answers_what_the_cli_prints_for_the_example_article() {
    let s = Server::start(&[]);
    let expected = cli(&["check", "--output-format", "json", ARTICLE_PATH]);
    let body = json!({"text": article(), "path": ARTICLE_PATH});
    let r = post_json(s.addr, "/api/v1/check", &body);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    // Byte for byte: the same renderer, the same findings.
    assert_eq!(r.text(), expected);
    let report = r.json();
    let rules: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"NUM-HEADLINE-BODY"), "{rules:?}");

    // The raw body with its options in the query string gives the same report.
    let target = format!("/api/v1/check?path={ARTICLE_PATH}");
    let raw = post(
        s.addr,
        &target,
        "text/plain; charset=utf-8",
        article().as_bytes(),
    );
    assert_eq!(raw.status, 200);
    assert_eq!(raw.text(), expected);
}

#[test]
fn check_options_match_the_cli_flags() {
    let s = Server::start(&[]);
    let expected = cli(&[
        "check",
        "--output-format",
        "json",
        "--show-consistent",
        "--date",
        "2025-06-20",
        "--ignore",
        "NUM-HEADLINE-BODY",
        ARTICLE_PATH,
    ]);
    let body = json!({
        "text": article(), "path": ARTICLE_PATH, "show_consistent": true,
        "date": "2025-06-20", "ignore": ["NUM-HEADLINE-BODY"],
    });
    let r = post_json(s.addr, "/api/v1/check", &body);
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), expected);
    assert!(!r.text().contains("NUM-HEADLINE-BODY"));
    assert_eq!(
        r.json()["files"][0]["reference_date"],
        json!({"date": "2025-06-20", "source": "--date"})
    );

    let target = format!(
        "/api/v1/check?path={ARTICLE_PATH}&show_consistent=true&date=2025-06-20&ignore=NUM-HEADLINE-BODY"
    );
    let raw = post(s.addr, &target, "text/plain", article().as_bytes());
    assert_eq!(raw.text(), expected);

    // select keeps only the named rules.
    let body = json!({"text": article(), "select": ["DATE"], "show_consistent": true});
    let r = post_json(s.addr, "/api/v1/check", &body).json();
    let findings = r["files"][0]["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings
        .iter()
        .all(|f| f["rule"].as_str().unwrap().starts_with("DATE-")));
}

#[test]
fn markdown_and_html_are_read_as_such() {
    let s = Server::start(&[]);
    let md =
        "---\ndate: 2025-03-14\n---\n# Sales\n\nSales rose 50% to $3 million from $1 million.\n";
    // The format comes from the media type, or from the path's extension in JSON.
    let a = post(s.addr, "/api/v1/check", "text/markdown", md.as_bytes()).json();
    let b = post_json(
        s.addr,
        "/api/v1/check",
        &json!({"text": md, "path": "x.md"}),
    )
    .json();
    for r in [&a, &b] {
        assert_eq!(
            r["files"][0]["reference_date"]["source"],
            json!("front matter")
        );
        assert!(r.to_string().contains("NUM-PCT-CHANGE"), "{r}");
    }
    let html = "<p>Sales rose <b>50%</b> to $3 million from $1 million.</p>";
    let r = post(s.addr, "/api/v1/extract", "text/html", html.as_bytes()).json();
    let claims = r["files"][0]["claims"].as_array().unwrap();
    assert_eq!(claims[0]["text"], json!("50%"));
    // Offsets point into the HTML as sent, markup included.
    assert_eq!(claims[0]["start"], json!(html.find("50%").unwrap()));
}

#[test]
fn check_answers_sarif_when_asked() {
    let s = Server::start(&[]);
    let r = request(
        s.addr,
        "POST",
        "/api/v1/check",
        &[
            ("Content-Type", "text/plain"),
            ("Accept", "application/sarif+json"),
        ],
        article().as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/sarif+json"));
    let sarif = r.json();
    assert_eq!(sarif["version"], json!("2.1.0"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|x| x["ruleId"] == json!("NUM-HEADLINE-BODY")));
}

#[test]
fn extract_answers_what_the_cli_prints() {
    let s = Server::start(&[]);
    let expected = cli(&["extract", "--format", "json", ARTICLE_PATH]);
    let r = post_json(
        s.addr,
        "/api/v1/extract",
        &json!({"text": article(), "path": ARTICLE_PATH}),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), expected);
    let claims = r.json()["files"][0]["claims"].as_array().unwrap().clone();
    assert!(claims.len() > 20);
    // Every span is the text's own slice (byte offsets).
    let text = article();
    for c in &claims {
        let (a, b) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(c["text"].as_str().unwrap(), &text[a..b]);
    }
    // Extraction takes no rule or date options, as `numcheck extract` takes none.
    let bad = post_json(
        s.addr,
        "/api/v1/extract",
        &json!({"text": "x", "date": "2025-01-01"}),
    );
    assert_eq!(bad.status, 400);
    assert_eq!(bad.error_code(), "unknown_field");
}

#[test]
fn rules_lists_every_rule_with_its_docs() {
    let s = Server::start(&[]);
    let r = get(s.addr, "/api/v1/rules");
    assert_eq!(r.status, 200);
    let listed: Vec<String> = r.json()["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            assert!(!x["summary"].as_str().unwrap().is_empty());
            assert!(
                x["docs"].as_str().unwrap().contains("What it checks"),
                "{x}"
            );
            x["id"].as_str().unwrap().to_string()
        })
        .collect();
    let table = cli(&["rules"]);
    let ids: Vec<String> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(listed, ids);
}

#[test]
fn healthz_and_unknown_paths() {
    let s = Server::start(&[]);
    let r = get(s.addr, "/healthz");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], json!("ok"));
    let r = get(s.addr, "/api/v1/nope");
    assert_eq!((r.status, r.error_code().as_str()), (404, "not_found"));
    let r = get(s.addr, "/api/v1/check");
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (405, "method_not_allowed")
    );
    let r = post(s.addr, "/healthz", "text/plain", b"x");
    assert_eq!(r.status, 405);
}

#[test]
fn bad_requests_get_json_errors_with_the_right_status() {
    let s = Server::start(&["--max-body", "1K"]);
    let check = "/api/v1/check";
    let cases: Vec<(Response, u16, &str)> = vec![
        (
            post(s.addr, check, "application/json", b"{\"text\": "),
            400,
            "invalid_json",
        ),
        (
            post(s.addr, check, "application/json", b"{\"text\": \"x\" oops}"),
            400,
            "invalid_json",
        ),
        (
            post(s.addr, check, "application/json", b"{}"),
            400,
            "invalid_request",
        ),
        (
            post(s.addr, check, "application/json", b"{\"text\": 5}"),
            400,
            "invalid_request",
        ),
        (
            post(
                s.addr,
                check,
                "application/json",
                br#"{"text":"x","format":"rtf"}"#,
            ),
            400,
            "invalid_request",
        ),
        (
            post(s.addr, check, "application/json", b"{\"text\":\"\xff\"}"),
            400,
            "invalid_utf8",
        ),
        (
            post(s.addr, check, "text/plain", b"caf\xe9 50%"),
            400,
            "invalid_utf8",
        ),
        (
            post(s.addr, check, "application/xml", b"<x/>"),
            415,
            "unsupported_media_type",
        ),
        (
            post(s.addr, check, "application/x-www-form-urlencoded", b"x"),
            415,
            "unsupported_media_type",
        ),
        (
            post(s.addr, check, "text/plain; charset=latin1", b"x"),
            415,
            "unsupported_media_type",
        ),
        (
            request(s.addr, "POST", check, &[], b"x"),
            415,
            "unsupported_media_type",
        ),
        (
            post(s.addr, check, "text/plain", &[b'a'; 1025]),
            413,
            "payload_too_large",
        ),
        (
            post(
                s.addr,
                check,
                "application/json",
                br#"{"text":"x","date":"2025-02-30"}"#,
            ),
            422,
            "invalid_date",
        ),
        (
            post(s.addr, "/api/v1/check?date=yesterday", "text/plain", b"x"),
            422,
            "invalid_date",
        ),
        (
            post(
                s.addr,
                check,
                "application/json",
                br#"{"text":"x","select":["NUM-NOPE"]}"#,
            ),
            422,
            "unknown_rule",
        ),
        (
            post(s.addr, "/api/v1/check?ignore=BOGUS", "text/plain", b"x"),
            422,
            "unknown_rule",
        ),
        (
            post(s.addr, "/api/v1/check?colour=red", "text/plain", b"x"),
            400,
            "unknown_field",
        ),
        (
            post(
                s.addr,
                "/api/v1/check?date=2025-01-01",
                "application/json",
                b"{\"text\":\"x\"}",
            ),
            400,
            "invalid_request",
        ),
        (
            post(s.addr, "/api/v1/extract", "text/plain", &[b'a'; 2048]),
            413,
            "payload_too_large",
        ),
    ];
    for (i, (r, status, code)) in cases.iter().enumerate() {
        assert_eq!(r.status, *status, "case {i}: {}", r.text());
        assert_eq!(
            r.header("content-type"),
            Some("application/json"),
            "case {i}"
        );
        assert_eq!(r.error_code(), *code, "case {i}: {}", r.text());
        assert!(!r.json()["error"]["message"].as_str().unwrap().is_empty());
    }
    // An unknown field is named, with the ones allowed.
    let r = post(
        s.addr,
        check,
        "application/json",
        br#"{"text":"x","show_consitent":true}"#,
    );
    assert_eq!((r.status, r.error_code().as_str()), (400, "unknown_field"));
    assert!(r.text().contains("show_consitent"), "{}", r.text());
    // The invalid byte's offset is given.
    let r = post(s.addr, check, "text/plain", b"caf\xe9 50%");
    assert!(r.text().contains("offset 3"), "{}", r.text());
    // The server is still up and answering after all that.
    assert_eq!(get(s.addr, "/healthz").status, 200);
}

/// The example article `copies` times: 120 copies (876 KB) take the debug build about a
/// second to check.
fn slow_document(copies: usize) -> Vec<u8> {
    article().repeat(copies).into_bytes()
}

#[test]
fn past_the_queue_limit_requests_get_503_with_retry_after() {
    let s = Server::start(&["--workers", "1", "--max-queue", "0", "--max-body", "64M"]);
    let addr = s.addr;
    let doc = std::sync::Arc::new(slow_document(120));
    // Sent at once, they overlap: one runs, the others find no room.
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let doc = std::sync::Arc::clone(&doc);
            std::thread::spawn(move || post(addr, "/api/v1/check", "text/plain", &doc))
        })
        .collect();
    let responses: Vec<Response> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let ok = responses.iter().filter(|r| r.status == 200).count();
    let refused: Vec<&Response> = responses.iter().filter(|r| r.status == 503).collect();
    assert!(
        ok >= 1,
        "{:?}",
        responses.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    assert!(!refused.is_empty());
    for r in refused {
        assert_eq!(r.error_code(), "overloaded");
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    // Health checks do not queue behind checks.
    assert_eq!(get(addr, "/healthz").status, 200);
}

#[cfg(unix)]
#[test]
fn sigterm_lets_the_request_in_flight_finish() {
    let mut s = Server::start(&["--max-body", "64M"]);
    let addr = s.addr;
    // Large enough to be still running after the pause below even on a busy machine, and
    // the pause long enough for the server to have accepted the connection (a connection
    // still in the listen queue at shutdown is refused, not finished).
    let doc = slow_document(300);
    let in_flight = std::thread::spawn(move || post(addr, "/api/v1/check", "text/plain", &doc));
    std::thread::sleep(std::time::Duration::from_millis(1000));
    let killed = Command::new("kill")
        .args(["-TERM", &s.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let r = in_flight.join().unwrap();
    assert_eq!(r.status, 200);
    assert!(r.json()["files"][0]["findings"].is_array());
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    // The log thread may lag the exit by a moment; "stopped" is the last line.
    let mut err = s.stderr();
    for _ in 0..100 {
        if err.contains("numcheck: stopped") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        err = s.stderr();
    }
    // The request was still running when the signal came: it is logged after the notice.
    let notice = err.find("shutting down").unwrap_or_else(|| panic!("{err}"));
    let logged = err
        .find("POST /api/v1/check 200")
        .unwrap_or_else(|| panic!("{err}"));
    assert!(notice < logged, "{err}");
}

#[test]
fn every_request_is_logged_on_stderr_without_its_text() {
    let s = Server::start(&[]);
    post(
        s.addr,
        "/api/v1/check",
        "text/plain",
        b"The secret figure is 41 attacks.",
    );
    get(s.addr, "/api/v1/nope");
    // The log thread may lag the response by a moment.
    let mut err = String::new();
    for _ in 0..50 {
        err = s.stderr();
        if err.contains("/api/v1/nope") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(err.contains("POST /api/v1/check 200"), "{err}");
    assert!(err.contains("GET /api/v1/nope 404"), "{err}");
    assert!(!err.contains("secret"), "{err}");
}

#[test]
fn a_host_other_than_loopback_is_announced() {
    let s = Server::start(&["--host", "0.0.0.0"]);
    let mut err = String::new();
    for _ in 0..50 {
        err = s.stderr();
        if !err.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(err.contains("other machines can reach"), "{err}");
    let quiet = Server::start(&[]);
    assert_eq!(quiet.addr.ip().to_string(), "127.0.0.1");
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(!quiet.stderr().contains("other machines"));
}

#[test]
fn the_page_and_its_assets_are_served_from_the_binary() {
    let s = Server::start(&[]);
    let page = get(s.addr, "/");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let html = page.text();
    for asset in ["/assets/app.css", "/assets/app.js"] {
        assert!(html.contains(asset));
        let r = get(s.addr, asset);
        assert_eq!(r.status, 200, "{asset}");
        // Nothing is fetched from elsewhere: no absolute URL in any asset.
        for text in [r.text(), html.clone()] {
            assert!(
                !text.contains("http://") && !text.contains("https://"),
                "{asset}"
            );
            assert!(
                !text.contains("//cdn") && !text.contains("url(//"),
                "{asset}"
            );
        }
    }
}

// ---- openapi.json against the server ----

fn spec(s: &Server) -> Value {
    let r = get(s.addr, "/api/v1/openapi.json");
    assert_eq!(r.status, 200);
    r.json()
}

/// Resolves a local `$ref`.
fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            &spec["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// The subset of JSON Schema openapi.json uses: `$ref`, `type` (one or a list), `const`,
/// `enum`, `oneOf`, `properties`, `required`, `additionalProperties: false`, `items`.
fn validate(spec: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let schema = resolve(spec, schema);
    let mut errors = Vec::new();
    if let Some(options) = schema["oneOf"].as_array() {
        let matching = options
            .iter()
            .filter(|o| validate(spec, o, value, at).is_empty())
            .count();
        if matching != 1 {
            errors.push(format!("{at}: matches {matching} of oneOf"));
        }
        return errors;
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            errors.push(format!("{at}: {value} is not {c}"));
        }
    }
    if let Some(e) = schema["enum"].as_array() {
        if !e.contains(value) {
            errors.push(format!("{at}: {value} not in enum"));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => vec![],
    };
    let type_of = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if !types.is_empty() && !types.contains(&type_of) {
        errors.push(format!("{at}: {type_of}, expected {types:?}"));
        return errors;
    }
    if let (Some(props), Value::Object(obj)) = (schema["properties"].as_object(), value) {
        for req in schema["required"].as_array().into_iter().flatten() {
            let req = req.as_str().unwrap();
            if !obj.contains_key(req) {
                errors.push(format!("{at}: missing {req}"));
            }
        }
        for (k, v) in obj {
            match props.get(k) {
                Some(p) => errors.extend(validate(spec, p, v, &format!("{at}.{k}"))),
                None if schema["additionalProperties"] == json!(false) => {
                    errors.push(format!("{at}: undocumented field {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Value::Array(arr)) = (schema.get("items"), value) {
        for (i, v) in arr.iter().enumerate() {
            errors.extend(validate(spec, items, v, &format!("{at}[{i}]")));
        }
    }
    errors
}

fn response_schema<'a>(spec: &'a Value, path: &str, method: &str, status: &str) -> &'a Value {
    &spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
}

#[test]
fn openapi_describes_what_the_server_answers() {
    let s = Server::start(&[]);
    let spec = spec(&s);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1."));
    let text = article();
    let answers = [
        (
            "/api/v1/check",
            "post",
            post_json(
                s.addr,
                "/api/v1/check",
                &json!({"text": text, "show_consistent": true}),
            ),
        ),
        (
            "/api/v1/extract",
            "post",
            post_json(s.addr, "/api/v1/extract", &json!({"text": text})),
        ),
        ("/api/v1/rules", "get", get(s.addr, "/api/v1/rules")),
        ("/healthz", "get", get(s.addr, "/healthz")),
    ];
    for (path, method, r) in &answers {
        assert_eq!(r.status, 200, "{path}");
        let schema = response_schema(&spec, path, method, "200");
        assert!(!schema.is_null(), "{path}: no 200 schema");
        let errors = validate(&spec, schema, &r.json(), path);
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
    // A document with front matter: a non-null reference date validates too.
    let md = json!({"text": "---\ndate: 2025-03-14\n---\nSales rose 50% to $3 million from $1 million.", "format": "markdown"});
    let r = post_json(s.addr, "/api/v1/check", &md);
    let errors = validate(
        &spec,
        response_schema(&spec, "/api/v1/check", "post", "200"),
        &r.json(),
        "md",
    );
    assert!(errors.is_empty(), "{errors:#?}");

    // Every error status the server gives is documented, with the Error schema.
    let errors_seen = [
        (
            "/api/v1/check",
            "400",
            post(s.addr, "/api/v1/check", "application/json", b"{"),
        ),
        (
            "/api/v1/check",
            "415",
            post(s.addr, "/api/v1/check", "application/xml", b"x"),
        ),
        (
            "/api/v1/check",
            "422",
            post(s.addr, "/api/v1/check?date=2025-13-01", "text/plain", b"x"),
        ),
        (
            "/api/v1/extract",
            "400",
            post(s.addr, "/api/v1/extract", "application/json", b"{}"),
        ),
    ];
    for (path, status, r) in &errors_seen {
        assert_eq!(r.status.to_string(), *status);
        let schema = response_schema(&spec, path, "post", status);
        assert!(!schema.is_null(), "{path} {status} undocumented");
        let errors = validate(&spec, schema, &r.json(), path);
        assert!(errors.is_empty(), "{path} {status}: {errors:#?}");
    }
    for path in ["/api/v1/check", "/api/v1/extract"] {
        for status in ["413", "503"] {
            assert!(!response_schema(&spec, path, "post", status).is_null());
        }
    }
}

/// The fields each request schema documents are exactly those the server accepts: the
/// server's own "unknown field" message lists what it takes.
#[test]
fn openapi_request_fields_are_the_servers() {
    let s = Server::start(&[]);
    let spec = spec(&s);
    for (path, schema) in [
        ("/api/v1/check", "CheckRequest"),
        ("/api/v1/extract", "ExtractRequest"),
    ] {
        let documented: std::collections::BTreeSet<String> = spec["components"]["schemas"][schema]
            ["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let r = post_json(s.addr, path, &json!({"text": "x", "zzz": 1}));
        assert_eq!(r.error_code(), "unknown_field");
        let message = r.json()["error"]["message"].as_str().unwrap().to_string();
        let expected = message
            .split("expected one of ")
            .nth(1)
            .unwrap_or_else(|| panic!("{message}"));
        let accepted: std::collections::BTreeSet<String> = expected
            .split(',')
            .filter_map(|f| f.split('`').nth(1))
            .map(String::from)
            .collect();
        assert_eq!(documented, accepted, "{path}");
        let required: Vec<&str> = spec["components"]["schemas"][schema]["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(required, ["text"]);
        // The raw-body query parameters, likewise.
        let r = post(s.addr, &format!("{path}?zzz=1"), "text/plain", b"x");
        let message = r.json()["error"]["message"].as_str().unwrap().to_string();
        let accepted: std::collections::BTreeSet<String> = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .unwrap_or_else(|| panic!("{message}"))
            .split(',')
            .filter_map(|f| f.split('`').nth(1))
            .map(String::from)
            .collect();
        let params: std::collections::BTreeSet<String> = spec["paths"][path]["post"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(params, accepted, "{path} query");
    }
}
