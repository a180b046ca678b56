//! The `/api/v1` handlers. Each builds its answer with the library's own renderers, so the
//! bytes equal what `numcheck check --output-format json` and `numcheck extract --format
//! json` print for the same text and settings.

use super::error::ApiError;
use super::request::{self, Endpoint, Input};
use super::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use numcheck::check;
use numcheck::model::Claim;
use numcheck::report::claim_json::ClaimJson;
use numcheck::report::render::{json, sarif};
use numcheck::rules::Rule;
use numcheck::source::Document;
use serde::ser::{Serialize, Serializer};

/// A JSON body with its media type.
fn json_response(body: String, media: &'static str) -> Response {
    let mut r = body.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    r
}

/// Whether the client asked for SARIF instead of numcheck's JSON.
fn wants_sarif(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("application/sarif+json"))
}

/// Runs `work` on the blocking pool once admitted: a check is CPU-bound and must not stall
/// the event loop that serves the page, health checks and other connections.
async fn run_blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let ticket = state.admission.enter().await?;
    tokio::task::spawn_blocking(move || {
        let _ticket = ticket;
        work()
    })
    .await
    // A panic in the engine is a bug; the client still gets a JSON 500, not a reset.
    .map_err(|_| ApiError::internal("the check failed unexpectedly"))?
}

pub async fn check(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Body,
) -> Result<Response, ApiError> {
    let input = request::parse(Endpoint::Check, &headers, &uri, body, state.max_body).await?;
    let sarif = wants_sarif(&headers);
    let body = run_blocking(&state, move || {
        let Input {
            path,
            text,
            format,
            options,
        } = input;
        let checked = check::check_text(&path, text, format, &options)
            .map_err(|e| ApiError::unprocessable("unknown_rule", e.to_string()))?;
        let report = [numcheck::report::render::FileReport::from(&checked)];
        Ok(if sarif {
            sarif::render(&report, numcheck::rules::registry(), docs_text)
        } else {
            json::render(&report)
        })
    })
    .await?;
    Ok(json_response(
        body,
        if sarif {
            "application/sarif+json"
        } else {
            "application/json"
        },
    ))
}

pub async fn extract(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Body,
) -> Result<Response, ApiError> {
    let input = request::parse(Endpoint::Extract, &headers, &uri, body, state.max_body).await?;
    let body = run_blocking(&state, move || {
        let doc = Document::new(input.path, input.text, input.format);
        let claims = numcheck::extract::extract(&doc);
        let root = ExtractJson {
            version: 1,
            files: [FileClaims {
                path: &doc.path,
                claims: ClaimsJson {
                    doc: &doc,
                    claims: &claims,
                },
            }],
        };
        let mut out = serde_json::to_string_pretty(&root)
            .map_err(|e| ApiError::internal(format!("could not write the claims: {e}")))?;
        out.push('\n');
        Ok(out)
    })
    .await?;
    Ok(json_response(body, "application/json"))
}

/// `{"version": 1, "files": [{"path", "claims"}]}`, as `numcheck extract --format json`.
#[derive(serde::Serialize)]
struct ExtractJson<'a> {
    version: u32,
    files: [FileClaims<'a>; 1],
}

#[derive(serde::Serialize)]
struct FileClaims<'a> {
    path: &'a str,
    claims: ClaimsJson<'a>,
}

/// Claims serialized one by one as they are written (no tree of the whole list).
struct ClaimsJson<'a> {
    doc: &'a Document,
    claims: &'a [Claim],
}

impl Serialize for ClaimsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.claims.iter().map(|c| ClaimJson::new(self.doc, c)))
    }
}

/// A rule's documentation without the one-space indent of its doc comment (as `numcheck
/// rule ID` prints it).
pub fn docs_text(rule: &dyn Rule) -> String {
    let text: Vec<&str> = rule
        .docs()
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    text.join("\n").trim_end().to_string()
}

#[derive(serde::Serialize)]
struct RuleJson {
    id: &'static str,
    summary: &'static str,
    docs: String,
}

#[derive(serde::Serialize)]
struct RulesJson {
    version: u32,
    rules: Vec<RuleJson>,
}

pub async fn rules() -> Response {
    let rules = numcheck::rules::registry()
        .iter()
        .copied()
        .map(|r| RuleJson {
            id: r.id(),
            summary: r.summary(),
            docs: docs_text(r),
        })
        .collect();
    let body = serde_json::to_string_pretty(&RulesJson { version: 1, rules })
        .unwrap_or_else(|_| "{}".into());
    json_response(body, "application/json")
}

pub async fn healthz() -> Response {
    json_response(
        format!(
            "{{\"status\":\"ok\",\"version\":\"{}\"}}",
            env!("CARGO_PKG_VERSION")
        ),
        "application/json",
    )
}

/// The OpenAPI 3.1 document, written by hand; `tests/serve_api.rs` and the unit test in
/// `serve/mod.rs` fail when it and the server disagree.
pub const OPENAPI: &str = include_str!("assets/openapi.json");

pub async fn openapi() -> Response {
    json_response(OPENAPI.to_string(), "application/json")
}
