#!/usr/bin/env python3
"""check_many on one thread and on two: the speed-up of the Python package's batch call.

A benchmark, not a test (a timed assertion fails on a loaded machine). Run it with the
wheel installed, e.g. after `bash python/tests/run.sh`:

    target/python-venv/bin/python bench/python-threads.py
"""
import os
import pathlib
import statistics
import sys
import time

import numcheck

# The test suite's article-sized documents (it needs pytest, which run.sh installs).
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "python" / "tests"))
from test_numcheck import documents  # noqa: E402


def median_seconds(docs, threads, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        numcheck.check_many(docs, threads=threads)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    docs = documents(4000)
    one, two = median_seconds(docs, 1), median_seconds(docs, 2)
    load = os.getloadavg()[0]
    print(f"{len(docs)} documents: 1 thread {one:.3f} s, 2 threads {two:.3f} s, "
          f"speed-up {one / two:.2f}x (medians of 5; load average {load:.2f})")


if __name__ == "__main__":
    main()
