//! Load benchmark for `numcheck serve` (not a test): N clients, each on its own keep-alive
//! connection, post a document to `/api/v1/check` back to back for a fixed time; prints
//! requests/s, p50/p99 latency and errors. Run by `bench/serve-load.sh`, which also starts
//! the server and reads its peak memory.
//!
//! `cargo run --release --example serve_load -- 127.0.0.1:PORT [CLIENTS] [SECONDS] [FILE]`
//!
//! Bounded on purpose: it talks only to a loopback address, stops itself after SECONDS, and
//! gives up on a response after 30 s.

use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Tally {
    latencies: Vec<Duration>,
    errors: usize,
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr: SocketAddr = args
        .first()
        .ok_or("usage: serve_load ADDR [CLIENTS] [SECONDS] [FILE]")?
        .parse()
        .map_err(|e| format!("ADDR: {e}"))?;
    if !addr.ip().is_loopback() {
        return Err("serve_load only talks to a loopback address".into());
    }
    let clients: usize = args
        .get(1)
        .map_or(Ok(200), |s| s.parse())
        .map_err(|e| format!("CLIENTS: {e}"))?;
    let seconds: u64 = args
        .get(2)
        .map_or(Ok(20), |s| s.parse())
        .map_err(|e| format!("SECONDS: {e}"))?;
    let file = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "tests/fixtures/is-resurgence.txt".into());
    let text = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let mut request = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        text.len()
    )
    .into_bytes();
    request.extend_from_slice(&text);
    let request: &'static [u8] = request.leak();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let tallies = runtime.block_on(async {
        let tasks: Vec<_> = (0..clients)
            .map(|_| tokio::spawn(client(addr, request, deadline)))
            .collect();
        let mut all = Vec::new();
        for t in tasks {
            if let Ok(t) = t.await {
                all.push(t);
            }
        }
        all
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut latencies: Vec<Duration> = tallies.iter().flat_map(|t| t.latencies.clone()).collect();
    let errors: usize = tallies.iter().map(|t| t.errors).sum::<usize>() + (clients - tallies.len());
    latencies.sort_unstable();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1000.0
    };
    println!(
        "clients {clients}, {seconds} s, document {} bytes: {} ok in {elapsed:.1} s = {:.0} requests/s; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; errors {errors}",
        text.len(),
        latencies.len(),
        latencies.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0),
    );
    Ok(())
}

/// One client: a keep-alive connection, requests back to back until the deadline; any
/// failure counts as an error and the client reconnects.
async fn client(addr: SocketAddr, request: &'static [u8], deadline: Instant) -> Tally {
    let mut tally = Tally {
        latencies: Vec::new(),
        errors: 0,
    };
    let mut conn: Option<TcpStream> = None;
    let mut buf = Vec::with_capacity(64 * 1024);
    while Instant::now() < deadline {
        let stream = match conn.as_mut() {
            Some(s) => s,
            None => match TcpStream::connect(addr).await {
                Ok(s) => conn.insert(s),
                Err(_) => {
                    tally.errors += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let start = Instant::now();
        let result =
            tokio::time::timeout(Duration::from_secs(30), exchange(stream, request, &mut buf))
                .await;
        match result {
            Ok(Ok(200)) => tally.latencies.push(start.elapsed()),
            Ok(Ok(_)) => tally.errors += 1,
            _ => {
                tally.errors += 1;
                conn = None;
            }
        }
    }
    tally
}

/// Sends one request and reads its response; returns the status.
async fn exchange(
    stream: &mut TcpStream,
    request: &[u8],
    buf: &mut Vec<u8>,
) -> std::io::Result<u16> {
    stream.write_all(request).await?;
    buf.clear();
    let mut chunk = [0u8; 16 * 1024];
    let (head_end, length) = loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .ok_or(std::io::ErrorKind::InvalidData)?;
            break (i + 4, length);
        }
    };
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let status = std::str::from_utf8(&buf[9..12])
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or(std::io::ErrorKind::InvalidData)?;
    Ok(status)
}
