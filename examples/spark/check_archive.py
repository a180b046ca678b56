"""Check every article of an archive with numcheck on Spark.

Reads articles from Parquet or JSON Lines (columns ``id``, ``text``, optional ``date``
(YYYY-MM-DD) and ``format`` (plain, markdown, html)), checks them inside ``mapInPandas`` with
the numcheck Python package (documents batched per Arrow batch, checked in parallel by
``numcheck.check_many``), and writes:

* ``OUT/findings``: one row per finding: id, rule, severity, verdict, message, start, end
  (byte offsets into the article's UTF-8 text);
* ``OUT/summary``: findings per rule and severity, also printed.

    spark-submit check_archive.py articles.jsonl out/ [--master local[2]] [--show-consistent]

Every executor needs the numcheck wheel installed (``pip install numcheck``, or ship it with
``--py-files``/a packed virtualenv as Spark's Python packaging guide describes).
"""

from __future__ import annotations

import argparse
import sys
from typing import Iterator

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

FINDINGS = StructType(
    [
        StructField("id", StringType(), False),
        StructField("rule", StringType(), False),
        StructField("severity", StringType(), False),
        StructField("verdict", StringType(), False),
        StructField("message", StringType(), False),
        StructField("start", LongType(), False),
        StructField("end", LongType(), False),
    ]
)


def read_articles(spark: SparkSession, path: str) -> DataFrame:
    if path.endswith(".parquet") or not (path.endswith(".jsonl") or path.endswith(".json")):
        df = spark.read.parquet(path)
    else:
        df = spark.read.json(path)
    for optional in ("date", "format"):
        if optional not in df.columns:
            df = df.withColumn(optional, F.lit(None).cast(StringType()))
    return df.select(
        F.col("id").cast(StringType()).alias("id"),
        F.col("text").cast(StringType()).alias("text"),
        F.col("date").cast(StringType()).alias("date"),
        F.col("format").cast(StringType()).alias("format"),
    )


def check_partition(show_consistent: bool, threads: int | None):
    """The function mapInPandas runs once per partition: one import, batches of documents."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import numcheck  # imported on the executor

        for batch in batches:
            rows = []
            batch = batch.assign(
                format=batch["format"].fillna("plain"),
                date=batch["date"].where(batch["date"].notna(), None),
            )
            # check_many takes one format and date per call: group the batch by them.
            for (fmt, date), group in batch.groupby(["format", "date"], dropna=False, sort=False):
                date = None if pd.isna(date) else date
                results = numcheck.check_many(
                    group["text"].fillna("").tolist(),
                    format=fmt,
                    date=date,
                    show_consistent=show_consistent,
                    threads=threads,
                )
                for doc_id, findings in zip(group["id"], results):
                    for f in findings:
                        rows.append(
                            (
                                doc_id,
                                f["rule"],
                                f["severity"],
                                f["verdict"],
                                f["message"],
                                f["start"],
                                f["end"],
                            )
                        )
            yield pd.DataFrame(rows, columns=FINDINGS.fieldNames())

    return run


def check_archive(
    spark: SparkSession,
    source: str,
    out: str,
    show_consistent: bool = False,
    threads: int | None = 1,
) -> DataFrame:
    articles = read_articles(spark, source)
    findings = articles.mapInPandas(check_partition(show_consistent, threads), FINDINGS)
    findings.write.mode("overwrite").parquet(f"{out}/findings")
    written = spark.read.parquet(f"{out}/findings")
    summary = written.groupBy("rule", "severity").count().orderBy("rule", "severity")
    summary.write.mode("overwrite").parquet(f"{out}/summary")
    return summary


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="articles: a Parquet path, or JSON Lines (.jsonl/.json)")
    parser.add_argument("out", help="output folder (findings/ and summary/ as Parquet)")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2]")
    parser.add_argument("--show-consistent", action="store_true", help="also keep passed checks")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="numcheck threads per Python worker (Spark already runs one worker per core)",
    )
    args = parser.parse_args(argv)
    builder = SparkSession.builder.appName("numcheck-archive")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        summary = check_archive(spark, args.source, args.out, args.show_consistent, args.threads)
        for row in summary.collect():
            print(f"{row['rule']:28} {row['severity']:8} {row['count']:>8}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
