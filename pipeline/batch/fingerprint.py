"""What a cached page and a stored row depend on, besides the file's bytes.

- The *reader* fingerprint: the whole ``pipeline/reading`` package, the Tesseract version and
  the reading settings. A page read with the same fingerprint reads the same.
- The *extractor* fingerprint: the reader's, plus the whole ``pipeline/nlp`` package and the
  spaCy model's files (``models/minutes_nlp``).

Whole folders are hashed, not hand-kept file lists, so a new module in a stage counts at once;
the batch, the store, the audit and the CLI are outside both, so editing them invalidates
neither the page cache nor the database.
"""

from __future__ import annotations

import hashlib
import re
import string
import subprocess
from functools import lru_cache
from pathlib import Path

from pipeline import MODEL_PATH, __version__
from pipeline.settings import Settings

PACKAGE = Path(__file__).resolve().parents[1]
FORMAT = 2  # bump when the cached Page layout changes incompatibly


def hash_tree(root: Path, pattern: str = "*") -> str:
    """sha256 over every file under ``root`` matching ``pattern``: relative path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Tesseract's version as pytesseract gives it ("5.3.0"), read from ``tesseract --version``
    directly: importing pytesseract imports pandas, a second of a short run's start-up."""
    try:
        raw = subprocess.run(["tesseract", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, check=True, timeout=30).stdout.decode()
        version = raw.lstrip(string.printable[10:]).partition(" ")[0].partition("-")[0]
        return re.match(r"\d+(?:\.\d+)*", version)[0]  # "5.3.0", as pytesseract's Version prints it
    except Exception:  # not installed: only text-layer and .txt pages can be read, and none are OCR'd
        return "none"


@lru_cache(maxsize=8)
def reader_fingerprint(settings: Settings) -> str:
    parts = [
        f"format={FORMAT}",
        f"reading={hash_tree(PACKAGE / 'reading', '*.py')}",
        f"tesseract={tesseract_version()}",
        f"dpi={settings.dpi} lang={settings.language} psm={settings.psm} oem={settings.oem}",
        f"deskew={settings.deskew} binarize={settings.binarize} orient={settings.detect_orientation}",
        f"min_text_chars={settings.min_text_chars}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@lru_cache(maxsize=8)
def extractor_fingerprint(settings: Settings) -> str:
    parts = [
        reader_fingerprint(settings),
        f"version={__version__}",
        f"nlp={hash_tree(PACKAGE / 'nlp', '*.py')}",
        f"model={hash_tree(MODEL_PATH)}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
