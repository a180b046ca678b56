//! Turning an HTTP request into a document and check options: a JSON body
//! (`application/json`), or the raw text (`text/plain`, `text/markdown`, `text/html`) with
//! its options in the query string. Every way a request can be wrong maps to one
//! [`ApiError`] with the status the API documents.

use super::error::ApiError;
use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use http_body_util::BodyExt;
use jiff::civil::Date;
use numcheck::check::Options;
use numcheck::source::Format;
use serde::Deserialize;

/// The report's name for a text sent without a `path`.
pub const DEFAULT_PATH: &str = "<request>";

/// A document to check or extract, with the options that apply to it.
pub struct Input {
    pub path: String,
    pub text: String,
    pub format: Format,
    pub options: Options,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum DocFormat {
    Plain,
    Markdown,
    Html,
}

impl From<DocFormat> for Format {
    fn from(f: DocFormat) -> Format {
        match f {
            DocFormat::Plain => Format::Plain,
            DocFormat::Markdown => Format::Markdown,
            DocFormat::Html => Format::Html,
        }
    }
}

/// `POST /api/v1/check` as JSON. Unknown fields are refused (naming the field) so that a
/// misspelt `show_consitent` is an error instead of a silently different report.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckBody {
    text: String,
    format: Option<DocFormat>,
    path: Option<String>,
    date: Option<String>,
    select: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    show_consistent: bool,
}

/// `POST /api/v1/extract` as JSON: extraction takes no rule or date options, as `numcheck
/// extract` takes none.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractBody {
    text: String,
    format: Option<DocFormat>,
    path: Option<String>,
}

/// The query string of a raw-text check; lists are comma-separated as on the command line.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CheckQuery {
    path: Option<String>,
    date: Option<String>,
    select: Option<String>,
    ignore: Option<String>,
    show_consistent: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExtractQuery {
    path: Option<String>,
}

/// Which endpoint the input is for: the two accept different fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Check,
    Extract,
}

/// What the `Content-Type` header says the body is.
enum Media {
    Json,
    Text(Format),
}

const ACCEPTED: &str =
    "send application/json, or the text as text/plain, text/markdown or text/html (UTF-8)";

fn media(headers: &HeaderMap) -> Result<Media, ApiError> {
    let unsupported = |what: &str| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("{what}: {ACCEPTED}"),
        )
    };
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Err(unsupported("no Content-Type"));
    };
    let value = value
        .to_str()
        .map_err(|_| unsupported("unreadable Content-Type"))?;
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    // Only UTF-8 is read; a body declared in another charset would be misread, not checked.
    for param in parts {
        if let Some((name, val)) = param.split_once('=') {
            let val = val.trim().trim_matches('"');
            if name.trim().eq_ignore_ascii_case("charset") && !val.eq_ignore_ascii_case("utf-8") {
                return Err(unsupported(&format!("charset {val}")));
            }
        }
    }
    match essence.as_str() {
        "application/json" => Ok(Media::Json),
        "text/plain" => Ok(Media::Text(Format::Plain)),
        "text/markdown" | "text/x-markdown" => Ok(Media::Text(Format::Markdown)),
        "text/html" => Ok(Media::Text(Format::Html)),
        other => Err(unsupported(&format!("Content-Type {other}"))),
    }
}

/// Reads the body, refusing it with 413 as soon as it passes `limit` bytes (a declared
/// length over the limit is refused before anything is read).
pub async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is larger than the server's limit of {limit} bytes (--max-body)"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let mut buf = Vec::with_capacity(declared.map_or(0, |n| n as usize));
    let mut body = body;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| {
            ApiError::bad_request("body_unreadable", format!("could not read the body: {e}"))
        })?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > limit {
                return Err(too_large());
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(buf)
}

fn utf8(bytes: Vec<u8>) -> Result<String, ApiError> {
    String::from_utf8(bytes).map_err(|e| {
        ApiError::bad_request(
            "invalid_utf8",
            format!(
                "the body is not valid UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// A serde_json error as the API reports it: syntax errors are `invalid_json`, unknown
/// fields `unknown_field` (serde's message names the field and the ones allowed), anything
/// else (a missing `text`, a wrong type, an unknown format) `invalid_request`.
fn json_error(e: serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    let message = e.to_string();
    let code = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => "invalid_json",
        Category::Data if message.starts_with("unknown field") => "unknown_field",
        Category::Data => "invalid_request",
    };
    ApiError::bad_request(code, message)
}

fn query<T: serde::de::DeserializeOwned + Default>(uri: &Uri) -> Result<T, ApiError> {
    match uri.query() {
        None | Some("") => Ok(T::default()),
        Some(_) => axum::extract::Query::<T>::try_from_uri(uri)
            .map(|q| q.0)
            .map_err(|e| {
                let message = e.body_text();
                let code = if message.contains("unknown field") {
                    "unknown_field"
                } else {
                    "invalid_request"
                };
                ApiError::bad_request(code, message)
            }),
    }
}

fn parse_date(date: Option<String>) -> Result<Option<Date>, ApiError> {
    date.map(|d| {
        d.parse::<Date>().map_err(|e| {
            ApiError::unprocessable(
                "invalid_date",
                format!("date `{d}` is not a valid YYYY-MM-DD date: {e}"),
            )
        })
    })
    .transpose()
}

fn list(s: Option<String>) -> Option<Vec<String>> {
    s.map(|s| {
        s.split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    })
}

/// The format when the request names none: the path's extension, as `--stdin-filename`
/// decides it for the CLI; plain text without a path.
fn format_of(given: Option<DocFormat>, path: &Option<String>) -> Format {
    given
        .map(Format::from)
        .or(path.as_deref().map(Format::from_path))
        .unwrap_or(Format::Plain)
}

/// Reads one request for `endpoint`.
pub async fn parse(
    endpoint: Endpoint,
    headers: &HeaderMap,
    uri: &Uri,
    body: Body,
    limit: usize,
) -> Result<Input, ApiError> {
    // The media type is checked before the body is read: a wrong one is refused cheaply.
    let media = media(headers)?;
    let bytes = read_body(headers, body, limit).await?;
    let text = utf8(bytes)?;
    match (media, endpoint) {
        (Media::Json, Endpoint::Check) => {
            if uri.query().is_some_and(|q| !q.is_empty()) {
                return Err(ApiError::bad_request(
                    "invalid_request",
                    "a JSON body carries its options in the body, not the query string",
                ));
            }
            let b: CheckBody = serde_json::from_str(&text).map_err(json_error)?;
            Ok(Input {
                format: format_of(b.format, &b.path),
                path: b.path.unwrap_or_else(|| DEFAULT_PATH.into()),
                text: b.text,
                options: Options {
                    date: parse_date(b.date)?,
                    select: b.select,
                    ignore: b.ignore,
                    show_consistent: b.show_consistent,
                },
            })
        }
        (Media::Json, Endpoint::Extract) => {
            let b: ExtractBody = serde_json::from_str(&text).map_err(json_error)?;
            Ok(Input {
                format: format_of(b.format, &b.path),
                path: b.path.unwrap_or_else(|| DEFAULT_PATH.into()),
                text: b.text,
                options: Options::default(),
            })
        }
        (Media::Text(format), Endpoint::Check) => {
            let q: CheckQuery = query(uri)?;
            Ok(Input {
                path: q.path.unwrap_or_else(|| DEFAULT_PATH.into()),
                text,
                format,
                options: Options {
                    date: parse_date(q.date)?,
                    select: list(q.select),
                    ignore: list(q.ignore).unwrap_or_default(),
                    show_consistent: q.show_consistent.unwrap_or(false),
                },
            })
        }
        (Media::Text(format), Endpoint::Extract) => {
            let q: ExtractQuery = query(uri)?;
            Ok(Input {
                path: q.path.unwrap_or_else(|| DEFAULT_PATH.into()),
                text,
                format,
                options: Options::default(),
            })
        }
    }
}
