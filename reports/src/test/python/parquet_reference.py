"""Reads lrlab's Parquet results with the readers users analyse them with, and writes what they saw.

The Java test TrialTableFixtureTest writes the records of TrialTableTest.everyField() as a part
(trials + metrics) and checks that its bytes equal reports/src/test/resources/parquet/every-field-*.parquet;
this script reads those files with pandas (pyarrow), DuckDB and polars and writes
every-field.readers.json, which the test compares with the records. CI needs none of these
libraries: only this script does.

Regenerate (after a change of the format):
    mvn -pl reports test -Dtest=TrialTableFixtureTest -Dlrlab.write-fixtures=true
    python3 -m pip install pandas pyarrow duckdb polars
    python3 reports/src/test/python/parquet_reference.py
"""
import json
import math
import pathlib

import duckdb
import pandas as pd
import polars as pl
import pyarrow

HERE = pathlib.Path(__file__).resolve().parents[1] / "resources" / "parquet"


def plain(v):
    """JSON-safe values: arrays as lists, NaN and infinities as strings, numpy scalars as Python ones."""
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


def rows(frame):
    return [{c: plain(r[c]) for c in frame.columns} for _, r in frame.iterrows()]


trials = pd.read_parquet(HERE / "every-field-trials.parquet")
metrics = pd.read_parquet(HERE / "every-field-metrics.parquet")
duck = duckdb.sql(f"select key, list_sum(lengths) as total, len(returns) as n from '{HERE / 'every-field-trials.parquet'}' order by key").fetchall()
polars_total = pl.read_parquet(HERE / "every-field-trials.parquet").select(pl.col("lengths").list.sum()).to_series().to_list()

out = {
    "readers": {"pandas": pd.__version__, "pyarrow": pyarrow.__version__, "duckdb": duckdb.__version__, "polars": pl.__version__},
    "trials_columns": list(trials.columns),
    "trials": rows(trials),
    "metrics": rows(metrics),
    "duckdb_lengths_sum": [[k, t, n] for k, t, n in duck],
    "polars_lengths_sum": polars_total,
}
(HERE / "every-field.readers.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
print("wrote", HERE / "every-field.readers.json")
