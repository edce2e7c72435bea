"""Page results cached by content, so an unchanged archive is never OCR'd twice.

A page's key is the sha256 of its file's bytes, the page's index, and the *reader
fingerprint*: everything that changes how a page is read (the reading code, the Tesseract
version, the reading settings). Same bytes read the same way give the same page, whatever
the file is called or wherever it moved. The cache is one SQLite file holding pickled
``Page`` objects; only the main process writes it.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path

from pipeline import MODEL_PATH, __version__
from pipeline.document import Page
from pipeline.settings import Settings

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent
FORMAT = 1  # bump when the cached Page layout changes incompatibly

# the modules whose code decides what a page reads as
READER_MODULES = ("document", "ingest", "layout", "ocr", "pdftext", "tables")
# ... and what a file's rows are (with the whole NLP package); the CLI, audit, report and
# export are left out: changing them changes no stored row
EXTRACTOR_MODULES = (*READER_MODULES, "records", "run")


def _hash_files(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    try:
        import pytesseract

        return str(pytesseract.get_tesseract_version())
    except Exception:  # not installed: only text-layer and .txt pages can be read, and none are OCR'd
        return "none"


@lru_cache(maxsize=8)
def reader_fingerprint(settings: Settings) -> str:
    """What a cached page depends on besides the file's bytes."""
    parts = [
        f"format={FORMAT}",
        f"version={__version__}",
        f"code={_hash_files([PACKAGE / f'{m}.py' for m in READER_MODULES])}",
        f"tesseract={tesseract_version()}",
        f"dpi={settings.dpi} lang={settings.language} psm={settings.psm} oem={settings.oem}",
        f"deskew={settings.deskew} binarize={settings.binarize} orient={settings.detect_orientation}",
        f"min_text_chars={settings.min_text_chars}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@lru_cache(maxsize=8)
def extractor_fingerprint(settings: Settings) -> str:
    """What a file's extracted rows depend on besides its bytes: the reader, the NLP code, the spaCy model."""
    code = _hash_files([PACKAGE / f"{m}.py" for m in EXTRACTOR_MODULES] + list((PACKAGE / "nlp").rglob("*.py")))
    model = _hash_files([p for p in MODEL_PATH.rglob("*") if p.is_file()])
    parts = [reader_fingerprint(settings), code, model]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class PageCache:
    """Pickled pages by (file sha256, page index, reader fingerprint) in one SQLite file."""

    def __init__(self, path: Path, settings: Settings) -> None:
        self.path = path
        self.fingerprint = reader_fingerprint(settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(path)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute("PRAGMA synchronous=NORMAL")
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS pages (sha256 TEXT, page_index INTEGER, reader TEXT, page BLOB, "
            "PRIMARY KEY (sha256, page_index, reader))"
        )
        self._con.commit()

    def keys(self, sha256s: set[str]) -> set[tuple[str, int]]:
        """The (sha256, page index) pairs held for these files, without loading any page."""
        rows = self._con.execute("SELECT sha256, page_index FROM pages WHERE reader = ?", (self.fingerprint,))
        return {(sha, index) for sha, index in rows if sha in sha256s}

    def get(self, sha256: str, index: int) -> Page | None:
        row = self._con.execute(
            "SELECT page FROM pages WHERE sha256 = ? AND page_index = ? AND reader = ?",
            (sha256, index, self.fingerprint),
        ).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # written by an incompatible version: read the page again
            return None

    def put(self, sha256: str, index: int, page: Page) -> None:
        self._con.execute(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
            (sha256, index, self.fingerprint, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)),
        )
        self._con.commit()

    def close(self) -> None:
        self._con.close()
