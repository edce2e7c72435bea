"""Rows -> DataFrames -> CSV files in the contract's column order (the database is ``store.Store``).

CSVs are safe to open: a text cell that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading ``'`` (OWASP's
advice for CSV injection); the database keeps the raw value. The CSVs of a run are written side
by side and swapped in together, so a failure (a full disk) leaves the previous ones as they were.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from pipeline.errors import OutputError
from pipeline.store.records import TABLES, columns

CSV_NAMES = {name: f"{name}.csv" for name in TABLES}
if TYPE_CHECKING:
    import pandas as pd

DB_NAME = "minutes.sqlite"


def frame(table: str, rows: list) -> pd.DataFrame:
    """A DataFrame with exactly the contract's columns, in order, even when empty."""
    import pandas as pd

    df = pd.DataFrame([asdict(r) for r in rows], columns=columns(table))
    return df.astype(object).where(df.notna(), None)


# what a spreadsheet takes for the start of a formula (with the full-width forms some locales accept)
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet shows and never runs: one that starts like a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every formula-leading text cell neutralised (column names included)."""
    out = df.map(safe_cell) if len(df) else df.copy()
    out.columns = [safe_cell(c) for c in df.columns]
    return out


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value == value else ""
    return safe_cell(value)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    out = df.map(_csv_value) if len(df) else df
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def write_csvs(frames: dict[str, pd.DataFrame], out_dir: Path) -> dict[str, Path]:
    """Write every table as CSV; returns the paths.

    All tables are written to ``.csv.tmp`` files first and renamed over the old CSVs only when
    every one is complete: a failure (a full disk) removes the temporary files, keeps the
    previous CSVs, and raises OutputError.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, df in frames.items():
            path = out_dir / CSV_NAMES[name]
            staged.append((path.with_suffix(".csv.tmp"), path))
            write_csv(df, staged[-1][0])
        for tmp, path in staged:
            tmp.replace(path)
    except OSError as err:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        raise OutputError(
            f"could not write the CSVs in {out_dir} ({err.strerror or err}); the previous CSVs are kept. Free some "
            "disk space and run again: the database holds every file extracted so far"
        ) from err
    return {name: path for name, (_, path) in zip(frames, staged, strict=True)}


def read_tables(db: Path, tables: tuple[str, ...] | None = None) -> dict[str, pd.DataFrame]:
    """The tables of ``db`` read-only, each in the contract's column order (added columns after).

    The one loader for readers of a database (``minutes audit``, tools, tests): opened with
    ``mode=ro``, so reading never changes it; a table the database lacks is absent from the
    result. Any path works, ``#`` and ``?`` included.
    """
    import pandas as pd

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
