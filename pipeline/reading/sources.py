"""Sources: which files are inputs, what pages each holds, and the text of ``.txt`` inputs.

A PDF or image file becomes a list of :class:`PageTask` (one per page or frame), each read by
:func:`pipeline.reading.page.read_page`; a ``.txt`` file is read here directly.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image, ImageSequence

from pipeline.errors import EncryptedPdfError, InputError, UnsupportedFileError
from pipeline.reading import layout
from pipeline.reading.document import Page

log = logging.getLogger(__name__)

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
TEXT_SUFFIXES = {".txt"}
SUPPORTED = PDF_SUFFIXES | IMAGE_SUFFIXES | TEXT_SUFFIXES


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_file: str  # the path as found under the PATH the user gave
    sha256: str = ""  # of the file's bytes, when already known


@dataclass(frozen=True)
class PageTask:
    path: str
    kind: Literal["pdf", "image"]
    index: int  # 0-based page or frame

    @property
    def number(self) -> int:
        return self.index + 1


def discover(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[Path]]:
    """Inputs under ``paths`` (folders searched recursively) and the files skipped there.

    A file named directly is always an input, so an unsupported one is reported as an error
    rather than passed over; inside folders only supported suffixes are taken.
    """
    found: list[InputFile] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in SUPPORTED:
                    found.append(InputFile(child, str(child)))
                else:
                    skipped.append(child)
        else:
            found.append(InputFile(path, str(path)))
    return found, skipped


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def plan(item: InputFile) -> list[PageTask]:
    """The page tasks of a PDF or image file; raises InputError for unreadable files."""
    path = item.path
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(f"{path} does not exist; check the path")
    if suffix in PDF_SUFFIXES:
        return [PageTask(str(path), "pdf", i) for i in range(_pdf_page_count(path))]
    if suffix in IMAGE_SUFFIXES:
        try:
            with Image.open(path) as img:
                frames = sum(1 for _ in ImageSequence.Iterator(img))
        except (OSError, SyntaxError) as err:
            raise InputError(f"{path} is not a readable image ({err}); re-export it as PNG, JPEG or TIFF") from err
        return [PageTask(str(path), "image", i) for i in range(frames)]
    raise UnsupportedFileError(
        f"{path.name}: unsupported file type '{suffix or 'none'}'; inputs are .pdf, "
        ".png/.jpg/.jpeg/.tif/.tiff images and .txt text"
    )


def _pdf_page_count(path: Path) -> int:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            n = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise EncryptedPdfError(
            f"{path.name} is encrypted; decrypt it first (e.g. 'qpdf --decrypt in.pdf out.pdf') and run again"
        ) from err
    except Exception as err:  # pdfminer raises many types (PDFSyntaxError, KeyError, ...) on damaged files
        raise InputError(f"{path.name} is not a readable PDF ({type(err).__name__}: {err}); check the file is complete") from err
    if n == 0:
        raise InputError(f"{path.name} has no pages")
    return n


def read_text_file(item: InputFile) -> list[Page]:
    raw = item.path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise InputError(f"{item.path.name} is empty; nothing to extract")
    started = time.perf_counter()
    pages = [layout.page_from_text(i + 1, chunk) for i, chunk in enumerate(text.split("\f")) if chunk.strip()]
    for page in pages:
        page.seconds = (time.perf_counter() - started) / len(pages)
    return pages
