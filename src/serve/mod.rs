//! `numcheck serve`: the checker as a local web page for fact-checkers and an HTTP API for
//! newsroom systems (`/api/v1`, described by `assets/openapi.json`).
//!
//! Built only on the library's public API (`numcheck::check`, the renderers), so the
//! server reports exactly what `numcheck check` reports. Nothing is stored and nothing is
//! fetched from elsewhere: the page's assets are compiled in, and the page may talk to this
//! server only (its Content-Security-Policy says so).

mod admission;
mod api;
mod error;
mod page;
mod request;

use admission::Admission;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use error::ApiError;
use std::net::{SocketAddr, ToSocketAddrs};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on. Anything but loopback makes the server (and the copy sent
    /// to it) reachable from other machines.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// The port (0: any free port; the URL printed says which).
    #[arg(long, default_value_t = 8484)]
    pub port: u16,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Refuse request bodies larger than this with 413: bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "5M")]
    pub max_body: usize,
    /// Checks run at once (default: one per core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Checks that may wait for a worker; past that, 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 1024)]
    pub max_queue: usize,
}

fn parse_size(s: &str) -> Result<usize, String> {
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let n: usize = digits.parse().map_err(|_| format!("not a size: `{s}`"))?;
    let scale: usize = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1 << 10,
        "M" | "MB" => 1 << 20,
        "G" | "GB" => 1 << 30,
        _ => return Err(format!("unknown size unit in `{s}` (use K, M or G)")),
    };
    n.checked_mul(scale)
        .ok_or_else(|| format!("size too large: `{s}`"))
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    admission: Arc<Admission>,
    max_body: usize,
}

/// Every route with its method, in one list: the router is built from it and the unit test
/// below holds it against openapi.json.
fn routes() -> Vec<(&'static str, &'static str, MethodRouter<AppState>)> {
    vec![
        ("POST", "/api/v1/check", post(api::check)),
        ("POST", "/api/v1/extract", post(api::extract)),
        ("GET", "/api/v1/rules", get(api::rules)),
        ("GET", "/api/v1/openapi.json", get(api::openapi)),
        ("GET", "/healthz", get(api::healthz)),
        ("GET", "/", get(page::index)),
        ("GET", "/assets/app.css", get(page::css)),
        ("GET", "/assets/app.js", get(page::js)),
    ]
}

pub fn router(state: AppState) -> Router {
    routes()
        .into_iter()
        .fold(Router::new(), |r, (_, path, m)| {
            r.route(path, m.fallback(method_not_allowed))
        })
        .fallback(not_found)
        .layer(axum::middleware::from_fn(log_and_harden))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

async fn method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}

/// The page may load and call only this server, and no response may be cached: unpublished
/// copy must not linger in a browser cache or travel anywhere else.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Logs one line per request on stderr (method, path, status, time; never the text) and sets
/// the headers every response carries.
async fn log_and_harden(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    eprintln!(
        "{method} {path} {} {:.1} ms",
        response.status().as_u16(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// The address to bind: the first `host` resolves to.
fn address(host: &str, port: u16) -> Result<SocketAddr, String> {
    (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("--host {host}: {e}"))?
        .next()
        .ok_or_else(|| format!("--host {host}: no address"))
}

pub fn run(args: ServeArgs) -> Result<ExitCode, String> {
    let addr = address(&args.host, args.port)?;
    let workers = args
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let state = AppState {
        admission: Admission::new(workers, args.max_queue),
        max_body: args.max_body,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        if !local.ip().is_loopback() {
            eprintln!(
                "numcheck: warning: listening on {local}, which other machines can reach; \
                 anyone who can connect can use this server"
            );
        }
        let url = format!("http://{local}/");
        // The URL goes to stdout (first line), so scripts and tests can read it.
        println!("numcheck: serving on {url}  (Ctrl-C to stop)");
        if args.open {
            open_browser(&url);
        }
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| format!("server error: {e}"))
    })?;
    eprintln!("numcheck: stopped");
    Ok(ExitCode::SUCCESS)
}

/// Resolves on Ctrl-C or SIGTERM; axum then stops accepting and lets requests in flight
/// finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("numcheck: shutting down; finishing requests in flight");
}

/// Opens `url` with the platform's opener; a failure is reported, not fatal (the URL is
/// printed anyway).
fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = cmd
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        eprintln!("numcheck: could not open a browser ({e}); open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// openapi.json documents exactly the API routes the router serves, with their methods.
    #[test]
    fn openapi_paths_match_the_router() {
        let spec: serde_json::Value = serde_json::from_str(api::OPENAPI).unwrap();
        let documented: BTreeSet<(String, String)> = spec["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .map(move |m| (m.to_ascii_uppercase(), path.clone()))
            })
            .collect();
        let served: BTreeSet<(String, String)> = routes()
            .into_iter()
            .filter(|(_, path, _)| path.starts_with("/api/") || *path == "/healthz")
            .map(|(m, p, _)| (m.to_string(), p.to_string()))
            .collect();
        assert_eq!(documented, served);
        assert!(spec["openapi"].as_str().unwrap().starts_with("3.1."));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("5M"), Ok(5 << 20));
        assert_eq!(parse_size("1024"), Ok(1024));
        assert!(parse_size("5X").is_err());
        assert!(parse_size("").is_err());
    }
}
