#!/usr/bin/env python3
"""check_many on one thread and on two: the speed-up of the Python package's batch call.

A benchmark, not a test (a timed assertion fails on a loaded machine). Run it with the
wheel installed, e.g. after `bash python/tests/run.sh`:

    target/python-venv/bin/python bench/python-threads.py
"""
import os
import statistics
import time

import numcheck


def documents(n):
    """Article-sized texts, some consistent and some not, all different."""
    docs = []
    for i in range(n):
        before, after = 200 + i, 300 + 2 * i
        pct = round(100 * (after - before) / before) + (i % 3) * 7
        docs.append(
            f"Council spending update {i}\n\n"
            f"Spending on road repairs rose {pct}% to {after} million from {before} million, "
            f"the council said on Tuesday. About {i % 50 + 10} roads were resurfaced. "
            + "Officials expect the work to finish by the end of the year. " * 3
        )
    return docs


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
