#!/usr/bin/env bash
# Side by side: numcheck against quantulum3 and Recognizers-Text's number recognizer on the
# same file. The Python tools are installed from PyPI into a throwaway virtual environment
# under a temporary directory, removed on exit.
#
# Usage: bench/compare.sh [FILE]   (default: the example article repeated to ~100 KB)
# Env:   RUNS (timed runs per tool, median reported; default 3)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $# -ge 1 ]]; then
    input="$1"
else
    # Deterministic input: the example article repeated until it reaches 100 KB.
    input="$work/input.txt"
    while [[ $(stat -c %s "$input" 2>/dev/null || echo 0) -lt 102400 ]]; do
        cat "$root/tests/fixtures/is-resurgence.txt" >>"$input"
        printf '\n' >>"$input"
    done
fi
bytes=$(stat -c %s "$input")

echo "== machine"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $input ($bytes bytes)"

echo "== building numcheck (release)"
(cd "$root" && cargo build --release --quiet)
numcheck="$root/target/release/numcheck"

echo "== installing quantulum3 and recognizers-text-number into $work/venv"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check quantulum3 recognizers-text-number \
    "emoji<1" # Recognizers-Text 1.0.2a2 imports emoji.UNICODE_EMOJI, gone since emoji 1.0

cat >"$work/peers.py" <<'PY'
# Times each peer on the file, one paragraph per call (their usual unit), after a warm-up
# call so that import and model loading are not counted. Prints "name seconds claims".
import statistics, sys, time
path, runs = sys.argv[1], int(sys.argv[2])
paragraphs = [p for p in open(path, encoding="utf-8").read().split("\n") if p.strip()]

def quantulum(p):
    from quantulum3 import parser
    return parser.parse(p)

def recognizers(p):
    from recognizers_number import recognize_number, Culture
    return recognize_number(p, Culture.English)

for name, fn in [("quantulum3", quantulum), ("recognizers-text-number", recognizers)]:
    fn(paragraphs[0])
    times, found = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        found = sum(len(fn(p)) for p in paragraphs)
        times.append(time.perf_counter() - t)
    print(name, statistics.median(times), found, flush=True)
PY

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Wall time of a whole numcheck process (start-up, reading, extraction, checking, output).
time_numcheck() {
    for _ in $(seq "$runs"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$numcheck" "$@" "$input" >/dev/null || true
        t1=$(date +%s.%N)
        echo "$t1 - $t0" | bc -l
    done | median
}

echo "== timing (median of $runs runs)"
extract_s=$(time_numcheck extract --format json-lines)
check_s=$(time_numcheck check --format json-lines)
claims=$("$numcheck" extract --format json-lines "$input" | python3 -c 'import json,sys; print(sum(len(json.loads(l)["claims"]) for l in sys.stdin))')

report() { # name seconds claims
    awk -v n="$1" -v s="$2" -v c="$3" -v b="$bytes" -v base="$check_s" \
        'BEGIN {printf "%-26s %9.4f s %10.1f KB/s %8s claims %9.0fx numcheck check time\n", n, s, b/1024/s, c, s/base}'
}
printf '%-26s %11s %15s %15s %s\n' tool time throughput found ratio
report "numcheck extract" "$extract_s" "$claims"
report "numcheck check" "$check_s" "$claims"
if ! "$work/venv/bin/python" -W ignore "$work/peers.py" "$input" "$runs" >"$work/peers.out" 2>"$work/peers.err"; then
    cat "$work/peers.err" >&2
fi
while read -r name s found; do
    report "$name" "$s" "$found"
done <"$work/peers.out"
