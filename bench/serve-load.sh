#!/usr/bin/env bash
# Load benchmark of `numcheck serve` (not a test): the release server on a loopback port,
# CLIENTS concurrent clients (default 200) posting the example article to /api/v1/check for
# DURATION seconds (default 20) over keep-alive connections; prints requests/s, p50/p99 latency,
# errors, and the server's peak resident memory (VmHWM).
#
# Usage: bench/serve-load.sh   Env: CLIENTS, DURATION (seconds), FILE (default the example article)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
clients="${CLIENTS:-200}"
seconds="${DURATION:-20}"
file="${FILE:-tests/fixtures/is-resurgence.txt}"
cargo build --release --quiet --bin numcheck --example serve_load
work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The request log goes to a file, not the terminal: writing 200 clients' lines to a
# terminal would measure the terminal.
target/release/numcheck serve --port 0 >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" 2>/dev/null && break; sleep 0.1; done
addr="$(grep -o 'http://[^/ ]*' "$work/out" | head -1 | sed 's|http://||')"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $addr (pid $server)"
target/release/examples/serve_load "$addr" "$clients" "$seconds" "$file"
echo "server peak memory: $(sed -n 's/^VmHWM:[[:space:]]*//p' /proc/$server/status)"
echo "log lines: $(wc -l <"$work/log"), non-200: $(grep -vc ' 200 ' "$work/log" || true)"
