"""The Spark job in local mode against `numcheck check --batch` on the same articles.

Run by ../../python/tests/run.sh (which builds the package); alone:
    python -m pytest examples/spark -q      (with numcheck and pyspark installed)
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import subprocess
import sys

import pytest

pyspark = pytest.importorskip("pyspark")

from pyspark.sql import SparkSession  # noqa: E402

import check_archive  # noqa: E402
from synthetic import article  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
N_DOCS = 2000

@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> pathlib.Path:
    rng = random.Random(2026)
    path = tmp_path_factory.mktemp("archive") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(N_DOCS):
            f.write(json.dumps(article(i, rng)) + "\n")
    return path


@pytest.fixture(scope="module")
def cli() -> str:
    path = os.environ.get("NUMCHECK_BIN", str(ROOT / "target" / "release" / "numcheck"))
    assert pathlib.Path(path).exists(), f"build numcheck first ({path})"
    return path


@pytest.fixture(scope="module")
def spark():
    # Spark's Python workers run this interpreter, the one that has numcheck installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("numcheck-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")
        .getOrCreate()
    )
    yield session
    session.stop()


def batch_findings(lines: list[str]) -> set[tuple]:
    rows = set()
    for line in lines:
        result = json.loads(line)
        assert "error" not in result, result
        for f in result["findings"]:
            rows.add(
                (result["id"], f["rule"], f["severity"], f["verdict"], f["message"], f["start"], f["end"])
            )
    return rows


def test_spark_job_equals_batch_mode(spark, articles, cli, tmp_path):
    out = subprocess.run(
        [cli, "check", "--batch", "--format", "json-lines"],
        stdin=articles.open("rb"),
        capture_output=True,
        check=True,
    )
    want = batch_findings(out.stdout.decode().splitlines())
    assert len({row[0] for row in want}) > N_DOCS // 10, "the archive must hold findings"

    summary = check_archive.check_archive(spark, str(articles), str(tmp_path / "out"))
    got = {tuple(r) for r in spark.read.parquet(str(tmp_path / "out" / "findings")).collect()}
    assert got == want

    counted = {(r["rule"], r["severity"]): r["count"] for r in summary.collect()}
    for rule, severity in counted:
        assert counted[(rule, severity)] == sum(1 for w in want if w[1:3] == (rule, severity))


def test_pipe_route_equals_batch_mode(spark, articles, cli):
    """The no-Python route: each partition's JSON Lines piped through the binary."""
    piped = spark.sparkContext.textFile(str(articles), 4).pipe(
        f"{cli} check --batch --format json-lines"
    )
    out = subprocess.run(
        [cli, "check", "--batch", "--format", "json-lines"],
        stdin=articles.open("rb"),
        capture_output=True,
        check=True,
    )
    assert batch_findings(piped.collect()) == batch_findings(out.stdout.decode().splitlines())
