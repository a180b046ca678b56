//! The page end to end in headless Chromium, driven over WebDriver (chromedriver): paste the
//! example article, check it with Ctrl-Enter, find the NUM-HEADLINE-BODY warning, select it
//! and see both of its spans marked and labelled; then the page at 375 px wide. Screenshots
//! go to `target/serve-browser*.png`.
//!
//! Needs Debian's `chromium` and `chromium-driver`, so it is ignored by `cargo test`; run it
//! with `cargo test --test serve_browser -- --ignored` (`.ci/run` does).

mod serve_support;

use serde_json::{json, Value};
use serve_support::*;
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    process: Child,
    addr: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start() -> Driver {
        // A free port for chromedriver: bind, read it, release it.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let process = Command::new(std::env::var("CHROMEDRIVER").unwrap_or("chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (apt-get install chromium chromium-driver)");
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        wait_for(Duration::from_secs(20), "chromedriver", || {
            std::net::TcpStream::connect(addr).is_ok()
        });
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--window-size=1280,900",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let binary = std::env::var("CHROMIUM").unwrap_or("/usr/bin/chromium".into());
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": binary, "args": args},
        }}});
        let mut d = Driver {
            process,
            addr,
            session: String::new(),
            _profile: profile,
        };
        let v = d.call("POST", "/session", Some(&caps));
        d.session = v["sessionId"].as_str().expect("a session").to_string();
        d
    }

    /// One WebDriver command; returns its `value`, panicking on a WebDriver error.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let r = request(
            self.addr,
            method,
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        let v = r.json();
        assert_eq!(r.status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn cmd(&self, method: &str, rest: &str, body: Value) -> Value {
        let path = format!("/session/{}{rest}", self.session);
        // A GET carries no body at all (chromedriver refuses even `null`).
        self.call(method, &path, (!body.is_null()).then_some(&body))
    }

    fn script(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": args}),
        )
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        v[ELEMENT].as_str().expect("element id").to_string()
    }

    fn count(&self, css: &str) -> usize {
        self.script(
            "return document.querySelectorAll(arguments[0]).length",
            json!([css]),
        )
        .as_u64()
        .unwrap() as usize
    }

    fn screenshot(&self, name: &str) -> std::path::PathBuf {
        let b64 = self.cmd("GET", "/screenshot", Value::Null);
        let png = base64_decode(b64.as_str().unwrap());
        assert_eq!(&png[1..4], b"PNG");
        let dir = std::path::PathBuf::from(
            std::env::var("CARGO_TARGET_DIR")
                .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").into()),
        );
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = request(self.addr, "DELETE", &path, &[], b"");
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn wait_for(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=' && c != b'\n').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &c)| n | val(c) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test serve_browser -- --ignored"]
fn the_page_checks_the_example_article_and_marks_a_findings_spans() {
    let server = Server::start(&[]);
    let d = Driver::start();
    let origin = server.url("");
    d.cmd("POST", "/url", json!({"url": server.url("/")}));
    assert_eq!(
        d.script("return document.title", json!([])),
        json!("numcheck")
    );

    // Paste the article, then check with the keyboard shortcut.
    let text = article();
    d.script(
        "const t = document.getElementById('text'); t.focus(); t.value = arguments[0]; \
         t.dispatchEvent(new Event('input'));",
        json!([text]),
    );
    let textarea = d.find("#text");
    d.cmd(
        "POST",
        &format!("/element/{textarea}/value"),
        json!({"text": "\u{E009}\u{E007}\u{E000}"}),
    );
    let finding = "button.finding[data-rule='NUM-HEADLINE-BODY']";
    wait_for(Duration::from_secs(60), "the findings", || {
        d.count(finding) == 1
    });
    let summary = d.script(
        "return document.getElementById('summary').textContent",
        json!([]),
    );
    assert!(summary.as_str().unwrap().contains("1 warning"), "{summary}");
    // Notes stay behind the toggle.
    assert_eq!(d.count("button.finding.sev-note"), 0);

    // Select the finding: its primary span and its related span are marked and labelled.
    let button = d.find(finding);
    d.cmd("POST", &format!("/element/{button}/click"), json!({}));
    wait_for(Duration::from_secs(10), "the marked spans", || {
        d.count("#article .used") >= 2
    });
    let marked = d.script(
        "const by = {}; for (const e of document.querySelectorAll('#article .used')) \
           by[e.dataset.span] = (by[e.dataset.span] || '') + e.textContent; \
         return {spans: by, badges: [...document.querySelectorAll('#article .badge')].map(b => b.textContent), \
           pressed: document.querySelector(\"button.finding[aria-pressed='true']\").dataset.rule};",
        json!([]),
    );
    // What the API says the finding used is what the page marks.
    let report = post_json(server.addr, "/api/v1/check", &json!({"text": text})).json();
    let f = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == json!("NUM-HEADLINE-BODY"))
        .unwrap()
        .clone();
    assert_eq!(marked["spans"]["0"], f["text"], "{marked}");
    assert_eq!(marked["spans"]["1"], f["related"][0]["text"], "{marked}");
    assert_eq!(
        marked["spans"].as_object().unwrap().len(),
        1 + f["related"].as_array().unwrap().len()
    );
    let badges = marked["badges"].as_array().unwrap();
    assert!(badges.contains(&f["related"][0]["label"]), "{marked}");
    assert!(badges.contains(&json!("^")), "{marked}");
    assert_eq!(marked["pressed"], json!("NUM-HEADLINE-BODY"));

    // Figures are highlighted by kind and show their reading on focus.
    assert!(d.count("#article mark.claim.k-count") > 3);
    let tip = d.script(
        "const m = document.querySelector('#article mark.k-count'); m.focus(); \
         const t = document.getElementById('tip'); return [t.hidden, t.textContent];",
        json!([]),
    );
    assert_eq!(tip[0], json!(false), "{tip}");
    assert!(tip[1].as_str().unwrap().contains("kind"), "{tip}");
    d.script("document.activeElement.blur()", json!([]));

    // The reference date field took the document's date (none here) and nothing was
    // fetched from anywhere but this server.
    let foreign = d.script(
        "return performance.getEntriesByType('resource').map(e => e.name)\
           .filter(n => !n.startsWith(arguments[0]))",
        json!([origin]),
    );
    assert_eq!(foreign, json!([]));

    // The whole page with both of the finding's spans in view, for the screenshot.
    d.cmd(
        "POST",
        "/window/rect",
        json!({"width": 1280, "height": 1900}),
    );
    d.script(
        "document.querySelector('#article .used[data-span=\"1\"]').scrollIntoView({block: 'start'}); \
         window.scrollTo(0, 0);",
        json!([]),
    );
    std::thread::sleep(Duration::from_millis(300));
    let shot = d.screenshot("serve-browser.png");
    eprintln!("screenshot: {}", shot.display());

    // Readable at 375 px: nothing wider than the viewport.
    d.cmd("POST", "/window/rect", json!({"width": 375, "height": 800}));
    std::thread::sleep(Duration::from_millis(300));
    let widths = d.script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
        json!([]),
    );
    assert!(
        widths[0].as_u64().unwrap() <= widths[1].as_u64().unwrap(),
        "horizontal overflow at 375 px: {widths}"
    );
    d.script("window.scrollTo(0, 0)", json!([]));
    let narrow = d.screenshot("serve-browser-375.png");
    eprintln!("screenshot: {}", narrow.display());
}
