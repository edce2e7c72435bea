"""Sources: which files are inputs, what each one is, what pages it holds, and ``.txt`` text.

A file's *content* decides how it is read, never its name: :func:`sniff` looks at its first
bytes (PDF, PNG, JPEG, TIFF, or text by a decode-and-printable check). :func:`open_source`
turns a file into a :class:`Source`: the :class:`PageTask` of each PDF page or image frame (each
read by :func:`pipeline.reading.page.read_page`), or the pages of a text file, read here. Images
are opened by Pillow restricted to PNG, JPEG and TIFF (never EPS or another format that hands
the bytes to an outside program), and no image larger than ``--max-pixels`` is decoded.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import hashlib
import logging
import stat
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pipeline.errors import (
    EncryptedPdfError,
    InputError,
    MinutesError,
    TooLargeError,
    UnsupportedFileError,
)
from pipeline.reading import limits
from pipeline.reading.document import Page
from pipeline.settings import Settings

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
TEXT_SUFFIXES = {".txt"}
SUPPORTED = PDF_SUFFIXES | IMAGE_SUFFIXES | TEXT_SUFFIXES
IMAGE_FORMATS = ("PNG", "JPEG", "TIFF")  # the only decoders Pillow may use on an input

Kind = Literal["pdf", "image", "text"]
SNIFF_BYTES = 1 << 16

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# what other common files begin with, and what to do about them
OTHER_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (a Word, Excel or OpenDocument file?)", "save it as PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older Word or Excel file", "save it as PDF"),
    (b"%!PS", "a PostScript file", "convert it to PDF (e.g. ps2pdf)"),
    (b"\xc5\xd0\xd3\xc6", "a PostScript file", "convert it to PDF (e.g. ps2pdf)"),
    (b"GIF8", "a GIF image", "convert it to PNG"),
    (b"BM", "a BMP image", "convert it to PNG"),
    (b"RIFF", "a WebP image or media file", "convert it to PNG or PDF"),
    (b"{\\rtf", "an RTF document", "save it as PDF or plain text"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
)
TEXT_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
TEXT_CONTROLS = "\n\r\t\f\v"
MIN_PRINTABLE = 0.97  # share of printable characters text must have; random bytes have about 0.87


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


@dataclass
class Source:
    """What one input file is and holds."""

    kind: Kind
    tasks: list[PageTask] = field(default_factory=list)  # PDF pages, image frames
    pages: list[Page] = field(default_factory=list)  # a text file's pages, read already
    problem: MinutesError | None = None  # what stopped the pages short (a truncated multi-page TIFF)


def discover(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[Path]]:
    """Inputs under ``paths`` (folders searched recursively) and the files skipped there.

    A file named directly is always an input, so an unsupported one is reported as an error
    rather than passed over; inside folders only entries named as inputs are taken (links that
    lead nowhere and pipes included: each becomes an error row rather than vanishing), and every
    other file is listed as skipped. Links to folders are not followed.
    """
    found: list[InputFile] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append(InputFile(path, str(path)))
            continue
        for child in sorted(path.rglob("*")):
            if child.is_dir() or any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            if child.suffix.lower() in SUPPORTED:
                found.append(InputFile(child, str(child)))
            else:
                skipped.append(child)
    return found, skipped


def sha256_of(path: Path) -> str:
    """The sha256 of a regular file's bytes (never opens a pipe or a device, which could block)."""
    _regular_file(path)
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _regular_file(path: Path) -> int:
    """The size of ``path``; InputError when it is missing, a loop, a folder, a pipe or a device."""
    try:
        st = path.stat()
    except FileNotFoundError as err:
        if path.is_symlink():
            raise InputError(f"{path.name} is a link to a file that does not exist; fix or remove the link") from err
        raise InputError(f"{path} does not exist; check the path") from err
    except OSError as err:  # ELOOP, EACCES, ...
        raise InputError(f"{path.name} cannot be opened ({err.strerror or err}); check the file and its links") from err
    if stat.S_ISDIR(st.st_mode):
        raise UnsupportedFileError(f"{path.name} is a folder, not a file; skipped")
    if not stat.S_ISREG(st.st_mode):
        raise UnsupportedFileError(f"{path.name} is not a regular file (a pipe, socket or device); skipped")
    return st.st_size


def sniff(path: Path) -> Kind:
    """What ``path`` holds, from its content: ``pdf``, ``image`` or ``text``.

    Raises InputError for an empty or unreadable file and UnsupportedFileError for any other
    kind of content (saying what it looks like and what to do).
    """
    size = _regular_file(path)
    if size == 0:
        raise InputError(f"{path.name} is empty (0 bytes); nothing to extract")
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as err:
        raise InputError(f"{path.name} cannot be read ({err.strerror or err}); check its permissions") from err
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if b"%PDF-" in head[:1024]:  # readers accept the header anywhere in the first KB
        return "pdf"
    for magic, what, fix in OTHER_MAGIC:
        if head.startswith(magic) and not (magic == b"BM" and decode_text(head) is not None):
            raise UnsupportedFileError(f"{path.name} is {what}, not a PDF, an image or text; {fix} and run again (skipped)")
    if decode_text(head, partial=len(head) < size) is not None:
        return "text"
    raise UnsupportedFileError(
        f"{path.name} is not a PDF, a PNG/JPEG/TIFF image or text (its content is binary data of an "
        "unknown kind); skipped"
    )


def _text_encoding(raw: bytes) -> str:
    for bom, encoding in TEXT_BOMS:
        if raw.startswith(bom):
            return encoding
    sample = raw[:4096]
    half = max(len(sample) // 2, 1)
    if sample[1::2].count(0) > 0.4 * half and sample[0::2].count(0) < 0.05 * half:
        return "utf-16-le"  # UTF-16 without a byte-order mark
    if sample[0::2].count(0) > 0.4 * half and sample[1::2].count(0) < 0.05 * half:
        return "utf-16-be"
    return "utf-8"


def decode_text(raw: bytes, *, partial: bool = False) -> str | None:
    """``raw`` as text (UTF-8, UTF-16/32 with or without a byte-order mark, else Windows-1252),
    or None when it is not text: fewer than 97% printable characters once decoded.

    ``partial``: ``raw`` is the start of a longer file (a character may be cut at the end).
    """
    encoding = _text_encoding(raw)
    if partial and encoding.startswith("utf-16"):
        raw = raw[: len(raw) // 2 * 2]
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        if partial and err.start >= len(raw) - 3:
            text = raw[: err.start].decode(encoding, errors="replace")
        elif encoding == "utf-8":
            text = raw.decode("cp1252", errors="replace")
        else:
            text = raw.decode(encoding, errors="replace")
    if not text:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in TEXT_CONTROLS)
    return text if printable >= MIN_PRINTABLE * len(text) else None


def open_source(path: Path, *, settings: Settings) -> Source:
    """What ``path`` holds: its page tasks, or a text file's pages; InputError when unreadable."""
    kind = sniff(path)
    if kind == "text":
        return Source("text", pages=read_text(path, settings=settings))
    if kind == "pdf":
        return Source("pdf", [PageTask(str(path), "pdf", i) for i in range(_pdf_page_count(path, settings))])
    frames, problem = _image_frames(path, settings)
    return Source("image", [PageTask(str(path), "image", i) for i in range(frames)], problem=problem)


@functools.cache
def _quiet_libtiff() -> None:
    """libtiff prints what it finds wrong in a damaged TIFF straight to stderr; the file's error
    row says it already (``-v``/``--debug`` keep libtiff's own words)."""
    if log.isEnabledFor(logging.INFO):
        return
    import PIL

    for lib in (Path(PIL.__file__).parents[1] / "pillow.libs").glob("libtiff*.so*"):
        with contextlib.suppress(OSError, AttributeError):
            tiff = ctypes.CDLL(str(lib))
            tiff.TIFFSetErrorHandler(None)
            tiff.TIFFSetWarningHandler(None)


def open_image(path: str | Path) -> Image.Image:
    """``path`` opened (not decoded) by Pillow's PNG, JPEG and TIFF readers only.

    Nothing is decoded yet: the caller checks each frame's size against ``--max-pixels`` first.
    """
    from PIL import Image

    name = Path(path).name
    _quiet_libtiff()
    pillow_limit = Image.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = None  # the caller checks the size against --max-pixels, in its words
            return Image.open(path, formats=IMAGE_FORMATS)
    except Image.DecompressionBombError as err:
        raise TooLargeError(
            f"{name} declares more pixels than any page scan ({err}); it is not a page scan, or it is damaged"
        ) from err
    except Exception as err:  # Pillow raises OSError, SyntaxError, ValueError, struct.error ... on damaged files
        raise InputError(f"{name} is not a readable PNG, JPEG or TIFF image ({short_error(err)}); re-export it and run again") from err
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit


def _image_frames(path: Path, settings: Settings) -> tuple[int, MinutesError | None]:
    """How many frames (pages) the image holds, each checked against ``--max-pixels``, and what
    stopped the count short: the frames before a damaged one are still read."""
    with limits.time_limit(settings.page_timeout, what=f"opening {path.name}"), open_image(path) as img:
        frames = 0
        try:
            while True:
                img.seek(frames)
                limits.check_pixels(*img.size, limit=settings.max_pixels, what=f"{path.name} page {frames + 1}")
                frames += 1
        except EOFError:
            return frames, None
        except Exception as err:  # a truncated multi-page TIFF: TypeError, ValueError, OSError ...
            if isinstance(unwrap(err), MinutesError):
                raise unwrap(err) from None
            if frames == 0:
                raise InputError(f"{path.name} is a damaged image ({short_error(err)}); re-export it and run again") from err
            return frames, InputError(
                f"{path.name} is damaged after page {frames} ({short_error(err)}): the pages before were read; "
                "the file is incomplete, get a complete copy"
            )


def _pdf_page_count(path: Path, settings: Settings) -> int:
    import pdfplumber

    try:
        with limits.time_limit(settings.page_timeout, what=f"opening {path.name}"), pdfplumber.open(path) as pdf:
            n = len(pdf.pages)
    except Exception as err:  # pdfminer raises many types (PDFSyntaxError, KeyError, ...) on damaged files
        cause = unwrap(err)
        if isinstance(cause, MinutesError):  # a limit, raised inside the library and wrapped by it
            raise cause from None
        if type(cause).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            raise EncryptedPdfError(
                f"{path.name} is protected by a password; decrypt it first (e.g. 'qpdf --password=PASSWORD --decrypt "
                "in.pdf out.pdf') and run again"
            ) from err
        raise InputError(f"{path.name} is not a readable PDF ({short_error(err)}); check the file is complete") from err
    if n == 0:
        raise InputError(f"{path.name} is a PDF with no pages; nothing to extract")
    return n


def unwrap(err: BaseException) -> BaseException:
    """The error a library wrapped (pdfplumber: ``PdfminerException(PDFSyntaxError(...))``), or ``err``.

    The project's own errors are never unwrapped: they already say what happened.
    """
    seen = {id(err)}
    while not isinstance(err, MinutesError):
        inner = err.__cause__ or (err.args[0] if len(err.args) == 1 and isinstance(err.args[0], BaseException) else None)
        if inner is None or id(inner) in seen:
            break
        seen.add(id(inner))
        err = inner
    return err


def read_text(path: Path, *, settings: Settings) -> list[Page]:
    """The pages of a text file (a form feed separates pages); InputError when it is not text."""
    size = _regular_file(path)
    limit = settings.max_text_mb * 2**20
    if size > limit:
        raise TooLargeError(
            f"{path.name} holds {size / 2**20:,.0f} MB of text, more than the {settings.max_text_mb:g} MB a "
            ".txt input may have; split it into one file per meeting"
        )
    text = decode_text(path.read_bytes())
    if text is None:
        raise UnsupportedFileError(f"{path.name} is not text (it holds binary data); skipped")
    text = "".join(ch for ch in text if ch.isprintable() or ch in TEXT_CONTROLS)  # NULs and other controls
    if not text.strip():
        raise InputError(f"{path.name} is empty; nothing to extract")
    from pipeline.reading import layout

    started = time.perf_counter()
    with limits.time_limit(settings.page_timeout, what=f"laying out {path.name}"):
        pages = [layout.page_from_text(i + 1, chunk) for i, chunk in enumerate(text.split("\f")) if chunk.strip()]
    for page in pages:
        page.seconds = (time.perf_counter() - started) / len(pages)
        page.provenance = "text file"
    return pages


def short_error(err: BaseException, limit: int = 160) -> str:
    """An exception as one short line: its type and the start of its message (a wrapped one's)."""
    err = unwrap(err)
    message = " ".join(str(err).split())
    if len(message) > limit:
        message = message[: limit - 1] + "…"
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
