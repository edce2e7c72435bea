"""Rows -> DataFrames -> CSV files in the contract's column order (the database is ``store.Store``)."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from pipeline.store.records import TABLES, columns

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


def write_csvs(frames: dict[str, pd.DataFrame], out_dir: Path) -> dict[str, Path]:
    """Write every table as CSV (replacing each file atomically); returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, df in frames.items():
        path = out_dir / CSV_NAMES[name]
        tmp = path.with_suffix(".csv.tmp")
        write_csv(df, tmp)
        tmp.replace(path)
        written[name] = path
    return written


def read_tables(db: Path, tables: tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    """The tables of ``db`` read-only, each in the contract's column order (added columns after).

    The one loader for readers of a database (``minutes audit``, tools, tests): opened with
    ``mode=ro``, so reading never changes it; a table the database lacks is absent from the
    result. Any path works, ``#`` and ``?`` included.
    """
    uri = "file:" + quote(str(Path(db).resolve())) + "?mode=ro"
    out: dict[str, pd.DataFrame] = {}
    con = sqlite3.connect(uri, uri=True)
    try:
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in tables or tuple(TABLES):
            if table not in present:
                continue
            have = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            order = [c for c in columns(table) if c in have] if table in TABLES else []
            order += [c for c in have if c not in order]
            out[table] = pd.read_sql_query(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in order)} FROM "{table}"', con)
    finally:
        con.close()
    return out


def read_table(db: Path, table: str) -> pd.DataFrame:
    return read_tables(db, (table,))[table]
