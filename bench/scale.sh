#!/usr/bin/env bash
# Whole-process scaling of the release binary: one file of 1 KB, 100 KB, 10 MB and 100 MB
# (the example article repeated, or with PROSE=articles our 35 clean-prose news articles),
# with wall time, MB/s and peak memory; then batch mode on 10 MB of article-sized JSON Lines
# documents with 1 and 2 threads.
#
# Usage: bench/scale.sh   Env: RUNS (median of; default 3), SIZES_KB (default "1 100 10240
# 102400"), PROSE (example | articles; default example), NUMCHECK (a binary to measure
# instead of building this tree's release binary, e.g. one saved before a change)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
sizes="${SIZES_KB:-1 100 10240 102400}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
article="$root/tests/fixtures/is-resurgence.txt"

if [[ -n ${NUMCHECK:-} ]]; then
    numcheck="$(realpath "$NUMCHECK")"
else
    (cd "$root" && cargo build --release --quiet)
    numcheck="$root/target/release/numcheck"
fi
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# The source texts, one after another, until 1 MiB; inputs repeat that and are cut at `kb`
# KiB (at a character boundary).
case "${PROSE:-example}" in
example) sources=("$article") ;;
articles) sources=("$root"/tests/fixtures/clean-prose/*) ;;
*) echo "PROSE must be example or articles" >&2; exit 2 ;;
esac
: >"$work/base"
while [[ $(stat -c %s "$work/base") -lt 1048576 ]]; do
    for f in "${sources[@]}"; do
        cat "$f" >>"$work/base"
        printf '\n\n' >>"$work/base"
    done
done
make_input() {
    local kb=$1 out=$2
    : >"$out.tmp"
    while [[ $(stat -c %s "$out.tmp") -lt $((kb * 1024)) ]]; do cat "$work/base" >>"$out.tmp"; done
    head -c $((kb * 1024)) "$out.tmp" | iconv -c -f utf-8 -t utf-8 >"$out"
    rm -f "$out.tmp"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Prints "wall_seconds peak_kb cpu_seconds" for one run of numcheck with the given arguments.
# CPU time (user + system) is reported beside wall time: on a shared, loaded machine the
# process gets only part of a core, and CPU time is what it actually cost.
timed() {
    /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$numcheck" "$@" >/dev/null 2>&1 || true
    awk '{print $1, $2, $3 + $4}' "$work/t"
}

printf '%-10s %9s %9s %9s %9s %10s %8s\n' input wall_s MB/s cpu_s MB/s/cpu claims peak_MB
for kb in $sizes; do
    make_input "$kb" "$work/in.txt"
    claims=$("$numcheck" extract --format json-lines "$work/in.txt" | grep -o '"kind"' | wc -l)
    for _ in $(seq "$runs"); do timed check -j 1 --format json-lines "$work/in.txt"; done >"$work/runs"
    s=$(cut -d' ' -f1 "$work/runs" | median)
    cpu=$(cut -d' ' -f3 "$work/runs" | median)
    peak=$(cut -d' ' -f2 "$work/runs" | sort -n | tail -1)
    awk -v kb="$kb" -v s="$s" -v u="$cpu" -v c="$claims" -v p="$peak" \
        'BEGIN {printf "%-10s %9.2f %9.2f %9.2f %9.2f %10d %8.1f\n", kb " KB", s, (s > 0 ? kb/1024/s : 0), u, (u > 0 ? kb/1024/u : 0), c, p/1024}'
done

# Batch: 10 MB of documents, the source texts in turn, each with its own id.
python3 - "${sources[@]}" >"$work/batch.jsonl" <<'PY'
import json, sys
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
size, i = 0, 0
while size < 10 * 1024 * 1024:
    text = texts[i % len(texts)]
    print(json.dumps({"id": i, "text": text}))
    size += len(text.encode())
    i += 1
PY
echo "batch: $(wc -l <"$work/batch.jsonl") documents, $(($(stat -c %s "$work/batch.jsonl") / 1024 / 1024)) MB"
for j in 1 2; do
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M %U %S" -o "$work/t" "$numcheck" -j "$j" check --format json-lines \
            --batch <"$work/batch.jsonl" >/dev/null
        awk '{print $1, $2, $3 + $4}' "$work/t"
    done >"$work/runs.$j"
    printf 'batch -j %s: wall %s s, cpu %s s (medians), peak %s MB\n' "$j" \
        "$(cut -d' ' -f1 "$work/runs.$j" | median)" "$(cut -d' ' -f3 "$work/runs.$j" | median)" \
        "$(($(cut -d' ' -f2 "$work/runs.$j" | sort -n | tail -1) / 1024))"
done
awk -v a="$(cut -d' ' -f1 "$work/runs.1" | median)" -v b="$(cut -d' ' -f1 "$work/runs.2" | median)" \
    'BEGIN {printf "batch wall-time speed-up on 2 threads: %.2fx (load average now %s)\n", a/b, "'"$(cut -d' ' -f1 /proc/loadavg)"'"}'
