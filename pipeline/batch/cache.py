"""Page results cached by content, so an unchanged archive is never OCR'd twice.

A page's key is the sha256 of its file's bytes, the page's index, and the *reader
fingerprint* (``fingerprint.py``): everything that changes how a page is read. Same bytes read the same way give the same page, whatever
the file is called or wherever it moved. The cache is one SQLite file holding each ``Page``
as JSON (never a pickle: a tampered cache must not run code); only the main process writes it.
A cache that cannot be read or written (damaged, a full disk) costs time, never a page: a row
it cannot read is read again from the file, and a write that fails turns the cache off.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from pathlib import Path

from pipeline.batch.fingerprint import reader_fingerprint
from pipeline.reading.document import Page, page_from_dict, page_to_dict
from pipeline.settings import Settings

log = logging.getLogger(__name__)


class PageCache:
    """Pages as JSON by (file sha256, page index, reader fingerprint) in one SQLite file."""

    def __init__(self, path: Path, settings: Settings) -> None:
        """Open (or create) the cache; sqlite3.Error when ``path`` is not a usable cache."""
        self.path = path
        self._writable = True
        self.fingerprint = reader_fingerprint(settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(path)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute("PRAGMA synchronous=NORMAL")
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS pages (sha256 TEXT, page_index INTEGER, reader TEXT, page TEXT, "
            "PRIMARY KEY (sha256, page_index, reader))"
        )
        self._con.commit()

    def keys(self, sha256s: set[str]) -> set[tuple[str, int]]:
        """The (sha256, page index) pairs held for these files, without loading any page."""
        try:
            rows = self._con.execute("SELECT sha256, page_index FROM pages WHERE reader = ?", (self.fingerprint,)).fetchall()
        except sqlite3.Error as err:
            log.warning("the page cache %s cannot be read (%s); every page is read anew", self.path, err)
            return set()
        return {(sha, index) for sha, index in rows if sha in sha256s}

    def get(self, sha256: str, index: int) -> Page | None:
        try:
            row = self._con.execute(
                "SELECT page FROM pages WHERE sha256 = ? AND page_index = ? AND reader = ?",
                (sha256, index, self.fingerprint),
            ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            return page_from_dict(json.loads(row[0]))
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):  # damaged or not ours: read it again
            return None

    def put(self, sha256: str, index: int, page: Page) -> None:
        if not self._writable:
            return
        try:
            self._con.execute(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                (sha256, index, self.fingerprint, json.dumps(page_to_dict(page), separators=(",", ":"))),
            )
            self._con.commit()
        except sqlite3.Error as err:  # a full disk, a read-only folder: pages read now are read again next time
            self._writable = False
            log.warning("the page cache %s cannot be written (%s); pages read now will be read again next run", self.path, err)
            with contextlib.suppress(sqlite3.Error):
                self._con.rollback()

    def close(self) -> None:
        self._con.close()
