"""Documents per second: numcheck.check_many in one process, the Spark job in local mode,
and batch mode, on the same synthetic articles.

    python bench_archive.py [N] [--master local[2]]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import numcheck
from synthetic import article


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=20000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--bin", default=os.environ.get("NUMCHECK_BIN", "target/release/numcheck"))
    args = parser.parse_args()
    rng = random.Random(7)
    docs = [article(i, rng) for i in range(args.n)]
    texts = [d["text"] for d in docs]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{args.n} documents, {mb:.1f} MB")
    for threads in (1, 2):
        t = min(timed(lambda: numcheck.check_many(texts, threads=threads)) for _ in range(3))
        print(f"check_many, {threads} thread(s): {t:.2f} s, {args.n / t:,.0f} docs/s")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "articles.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        with open(src, "rb") as stdin:
            t = timed(
                lambda: subprocess.run(
                    [args.bin, "-j", "2", "check", "--batch", "--format", "json-lines"],
                    stdin=stdin,
                    stdout=subprocess.DEVNULL,
                    check=True,
                )
            )
        print(f"batch mode, 2 threads: {t:.2f} s, {args.n / t:,.0f} docs/s")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        from pyspark.sql import SparkSession

        import check_archive

        spark = (
            SparkSession.builder.master(args.master)
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        spark.range(1).collect()  # JVM start-up is not the job's cost
        t = timed(lambda: check_archive.check_archive(spark, src, os.path.join(tmp, "out")))
        print(f"Spark {args.master}: {t:.2f} s, {args.n / t:,.0f} docs/s")
        spark.stop()


if __name__ == "__main__":
    main()
