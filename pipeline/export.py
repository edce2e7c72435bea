"""Rows -> DataFrames -> CSV files and one SQLite database, in the contract's column order."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from pipeline.records import TABLES, columns

CSV_NAMES = {name: f"{name}.csv" for name in TABLES}
DB_NAME = "minutes.sqlite"


def frame(table: str, rows: list) -> pd.DataFrame:
    """A DataFrame with exactly the contract's columns, in order, even when empty."""
    df = pd.DataFrame([asdict(r) for r in rows], columns=columns(table))
    return df.astype(object).where(df.notna(), None)


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value == value else ""
    return value


def write_csv(df: pd.DataFrame, path: Path) -> None:
    out = df.map(_csv_value) if len(df) else df
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path) -> dict[str, Path]:
    """Write every table as CSV and all of them into ``minutes.sqlite``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, df in frames.items():
        path = out_dir / CSV_NAMES[name]
        write_csv(df, path)
        written[name] = path
    db = out_dir / DB_NAME
    tmp = db.with_suffix(".sqlite.tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(tmp) as con:
        for name, df in frames.items():
            sql_df = df.copy()
            for col in sql_df.columns:
                if sql_df[col].map(lambda v: isinstance(v, bool)).any():
                    sql_df[col] = sql_df[col].map(lambda v: None if v is None else int(bool(v)))
            sql_df.to_sql(name, con, index=False, if_exists="replace")
    con.close()
    tmp.replace(db)
    written["sqlite"] = db
    return written


def read_table(db: Path, table: str) -> pd.DataFrame:
    with sqlite3.connect(db) as con:
        df = pd.read_sql_query(f'SELECT * FROM "{table}"', con)
    con.close()
    return df
