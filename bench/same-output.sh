#!/usr/bin/env bash
# Compares the outputs of two numcheck binaries, for changes that must not change any output
# (speed work): `check --show-consistent --format json` and `extract --format json` on every
# fixture file (recursive), the example article, 1 MB of the clean-prose articles; and, if the
# shared evaluation sets exist, score.py's tables and raw predictions and pairs.py's tables with
# every miss. Exit status 1 and a diff on any difference.
#
# Usage: bench/same-output.sh BEFORE_BIN AFTER_BIN   Env: EVAL (default ../shared/eval)
set -uo pipefail

if [[ $# -ne 2 || ! -x $1 || ! -x $2 ]]; then
    echo "usage: bench/same-output.sh BEFORE_BIN AFTER_BIN (two executable numcheck binaries)" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
before="$(realpath "$1")" after="$(realpath "$2")"
eval_dir="${EVAL:-$root/../shared/eval}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"

# 1 MB of the clean-prose articles, one after another.
: >"$work/articles-1mb.txt"
while [[ $(stat -c %s "$work/articles-1mb.txt") -lt 1048576 ]]; do
    for f in tests/fixtures/clean-prose/*; do cat "$f" >>"$work/articles-1mb.txt"; printf '\n\n' >>"$work/articles-1mb.txt"; done
done
{ find tests/fixtures -type f | sort; echo tests/fixtures/is-resurgence.txt; echo "$work/articles-1mb.txt"; } >"$work/files"

run_all() { # bin out_dir
    local bin=$1 out=$2
    mkdir -p "$out"
    local i=0
    while read -r f; do
        i=$((i + 1))
        { "$bin" check --show-consistent --format json "$f"; echo "exit $?"; } >"$out/$i.check" 2>&1
        { "$bin" extract --format json "$f"; echo "exit $?"; } >"$out/$i.extract" 2>&1
    done <"$work/files"
    if [[ -d $eval_dir ]]; then
        mkdir -p "$out/preds"
        python3 "$eval_dir/score.py" --bin "$bin" --save-preds "$out/preds" "$eval_dir"/data/*.jsonl >"$out/score.txt" 2>&1
        python3 "$eval_dir/pairs.py" --bin "$bin" --show-misses "$eval_dir"/pairs/*.jsonl >"$out/pairs.txt" 2>&1
    fi
}
run_all "$before" "$work/before" &
run_all "$after" "$work/after" &
wait
# Timings in score.py's tables differ from run to run.
for d in before after; do [[ -f $work/$d/score.txt ]] && sed -i -E 's/[0-9.]+ ?(s|ms)\b/TIME/g; /[Tt]ime|elapsed|seconds/d' "$work/$d/score.txt"; done
if diff -r "$work/before" "$work/after" >"$work/diff"; then
    echo "same output: $(wc -l <"$work/files") files (check + extract)$([[ -d $eval_dir ]] && echo ", score.py tables and predictions, pairs.py tables and misses")"
else
    head -100 "$work/diff"
    echo "OUTPUT DIFFERS" >&2
    exit 1
fi
