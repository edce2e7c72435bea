"""The accumulating database: ``minutes.sqlite`` holds every file ever extracted into it.

Each source file's rows are keyed by its path (``source_file``) and the sha256 of its bytes,
recorded in the ``files`` table together with the extractor fingerprint that produced them.
A run re-extracts only files that are new, changed, previously failed, or read by a
different extractor; a changed file's old rows are replaced in one transaction, and files
that no longer exist on disk can be pruned. The CSVs are regenerated from this database, so
the two always hold the same rows.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import astuple, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import DatabaseError, OutputError
from pipeline.store.records import TABLES, ErrorRow, Records, columns

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # PRAGMA user_version; older databases are migrated in place (columns added)

# the files table: one row per source file, what its rows were extracted from and by
FILES_SCHEMA = {
    "source_file": "TEXT PRIMARY KEY", "sha256": "TEXT NOT NULL", "extractor": "TEXT NOT NULL",
    "status": "TEXT NOT NULL", "page_count": "INTEGER", "ocr_page_count": "INTEGER", "seconds": "REAL",
    "extracted_at": "TEXT",
}


def _sql_type(annotation: str) -> str:
    if "bool" in annotation or "int" in annotation:
        return "INTEGER"
    if "float" in annotation:
        return "REAL"
    return "TEXT"


def _q(name: str) -> str:
    return f'"{name}"'


def _bool_columns(table: str) -> list[str]:
    return [f.name for f in fields(TABLES[table]) if "bool" in str(f.type)]


def _unwritable(err: sqlite3.Error) -> bool:
    """A database that is fine but cannot be written now (a full disk, a read-only folder)."""
    return isinstance(err, sqlite3.OperationalError) and any(
        words in str(err) for words in ("disk is full", "readonly", "read-only", "disk I/O error", "unable to open")
    )


def output_error(path: Path, err: BaseException) -> OutputError:
    """The error for a write that failed: what happened, that nothing was lost, what to do."""
    return OutputError(
        f"could not write {path} ({err}); every file stored before is kept, and the file being stored was "
        "not half-written. Free some disk space (or make the folder writable) and run again to finish the rest"
    )


class Store:
    """The contract's tables plus ``files``, in one SQLite database.

    Each file's rows are written in one transaction, so a failure (a full disk, the run being
    killed) leaves the database as it was before that file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(path)
        except (OSError, sqlite3.Error) as err:
            raise output_error(path, err) from err
        self._migrate()

    # -------------------------------------------------------------- schema

    def _migrate(self) -> None:
        """Bring the database to this version's schema in place: add missing tables and columns.

        Rows are never dropped. A table with a column this version does not know (written by a
        newer version, or not by ``minutes`` at all) cannot be migrated: the run stops with a
        clear error and the file is left as it was.
        """
        wanted = {name: {f.name: _sql_type(str(f.type)) for f in fields(row_type)} for name, row_type in TABLES.items()}
        wanted["files"] = FILES_SCHEMA
        try:
            have = {name: [r[1] for r in self.con.execute(f'PRAGMA table_info("{name}")')] for name in wanted}
        except sqlite3.DatabaseError as err:
            if _unwritable(err):
                raise output_error(self.path, err) from err
            raise DatabaseError(f"{self.path} is not a database minutes can use ({err}); give another --out folder") from err
        for name, cols in have.items():
            unknown = [c for c in cols if c not in wanted[name]]
            if unknown:
                raise DatabaseError(
                    f"{self.path} has a table '{name}' with columns this version of minutes does not know "
                    f"({', '.join(unknown)}); it was left untouched. Give another --out folder, or move the file away"
                )
        try:
            with self.con:
                for name, cols in wanted.items():
                    if not have[name]:
                        self.con.execute(f'CREATE TABLE "{name}" ({", ".join(f"{_q(c)} {t}" for c, t in cols.items())})')
                        if name != "files":
                            self.con.execute(f'CREATE INDEX "{name}_source_file" ON "{name}" (source_file)')
                        continue
                    for col, sql_type in cols.items():
                        if col not in have[name]:
                            log.info("%s: adding column %s.%s", self.path, name, col)
                            self.con.execute(f'ALTER TABLE "{name}" ADD COLUMN {_q(col)} {sql_type.replace(" PRIMARY KEY", "")}')
                self.con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as err:
            if _unwritable(err):
                raise output_error(self.path, err) from err
            raise DatabaseError(f"{self.path} is not a database minutes can use ({err}); give another --out folder") from err

    # -------------------------------------------------------------- files

    def known(self) -> dict[str, tuple[str, str, str]]:
        """source_file -> (sha256, extractor fingerprint, status) of every file in the database."""
        rows = self.con.execute("SELECT source_file, sha256, extractor, status FROM files")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def replace_file(
        self,
        source_file: str,
        *,
        sha256: str,
        extractor: str,
        records: Records | None,
        errors: list[ErrorRow],
        page_count: int,
        ocr_page_count: int,
        seconds: float,
    ) -> None:
        """Put one file's rows in place of whatever the database held for it, atomically."""
        status = "failed" if errors or records is None else "extracted"
        rows: dict[str, list] = {"errors": list(errors)}
        if records is not None:
            rows.update(
                meetings=[records.meeting], attendees=records.attendees, identifiers=records.identifiers,
                decisions=records.decisions, actions=records.actions,
            )
        try:
            with self.con:  # one transaction: all of this file's rows, or none
                self._delete(source_file)
                for table, items in rows.items():
                    if not items:
                        continue
                    cols = columns(table)
                    self.con.executemany(
                        f'INSERT INTO "{table}" ({", ".join(map(_q, cols))}) VALUES ({", ".join("?" for _ in cols)})',
                        [tuple(_sql_value(v) for v in astuple(item)) for item in items],
                    )
                self.con.execute(
                    f"INSERT INTO files ({', '.join(FILES_SCHEMA)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (source_file, sha256, extractor, status, page_count, ocr_page_count, round(seconds, 3),
                     datetime.now(UTC).isoformat(timespec="seconds")),
                )
        except sqlite3.Error as err:
            raise output_error(self.path, err) from err

    def _delete(self, source_file: str) -> None:
        for table in (*TABLES, "files"):
            self.con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', (source_file,))

    def forget_aliases(self, inputs: dict[str, Path]) -> list[str]:
        """Drop rows stored for an input under another spelling (``./a.pdf``, an absolute path).

        ``inputs`` maps each input's ``source_file`` (the path as the user gave it) to its path;
        without this the same file reached another way would be counted twice.
        """
        wanted = {_real(path): source for source, path in inputs.items()}
        aliases = []
        for stored in self.known():
            if stored in inputs:
                continue
            path = Path(stored)
            if path.exists() and wanted.get(_real(path)) not in (None, stored):
                aliases.append(stored)
        with self.con:
            for alias in aliases:
                self._delete(alias)
        return aliases

    def prune_missing(self) -> list[str]:
        """Drop the rows of files that no longer exist on disk; returns their paths."""
        gone = [s for s in self.known() if not Path(s).exists()]  # failed files have a files row too
        with self.con:
            for source_file in gone:
                self._delete(source_file)
        return sorted(gone)

    # -------------------------------------------------------------- tables

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table in the contract's column order, rows by source file then document order."""
        import pandas as pd

        out: dict[str, pd.DataFrame] = {}
        for table in TABLES:
            cols = columns(table)
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = self.con.execute(f'SELECT {quoted} FROM "{table}" ORDER BY source_file, rowid').fetchall()
            df = pd.DataFrame(rows, columns=cols, dtype=object)
            for col in _bool_columns(table):
                df[col] = df[col].map(lambda v: None if v is None else bool(v))
            out[table] = df.astype(object).where(df.notna(), None)
        return out

    def close(self) -> None:
        self.con.close()


def _real(path: Path) -> str:
    """The path with links followed as far as they go (a link loop is left as it is, never an error)."""
    return os.path.realpath(path)


def _sql_value(value: object) -> object:
    return int(value) if isinstance(value, bool) else value
