"""Ingestion: a file in, a :class:`Document` of laid-out pages out.

Every page is one task (``PageTask``); tasks from all files share one process pool, so a
batch keeps every core busy with one single-threaded Tesseract each. A page with a usable
text layer is read with pdfplumber; any other page is rendered (at its scan's own
resolution when it is one full-page image) and OCR'd.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np
from PIL import Image, ImageSequence

from pipeline import layout, ocr, pdftext
from pipeline.cache import PageCache
from pipeline.document import Document, Page, PageError, Word
from pipeline.errors import EncryptedPdfError, InputError, MinutesError, UnsupportedFileError
from pipeline.executors import page_executor, single_threaded_ocr
from pipeline.settings import Settings
from pipeline.tables import grids_from_image

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


# ------------------------------------------------------------------ one page


def read_page(task: PageTask, settings: Settings, engine: ocr.OcrEngine | None = None) -> Page:
    """Read one page: text layer when usable, OCR otherwise."""
    started = time.perf_counter()
    engine = engine or ocr.TesseractEngine()
    if task.kind == "image":
        with Image.open(task.path) as img:
            img.seek(task.index)
            dpi = _image_dpi(img, settings)
            frame = img.copy()
        page = ocr_page(frame, number=task.number, dpi=dpi, settings=settings, engine=engine)
    else:
        import pdfplumber

        with pdfplumber.open(task.path) as pdf:
            pp = pdf.pages[task.index]
            words = pdftext.page_words(pp)
            if pdftext.usable_text_layer(words, min_chars=settings.min_text_chars):
                page = Page(number=task.number, method="pdf", width=float(pp.width), height=float(pp.height))
                page = layout.build_page(page, layout.lines_from_words(words), pdftext.ruled_grids(pp))
                page.seconds = time.perf_counter() - started
                return page
            native = pdftext.full_page_image_dpi(pp)
        if native and 100 <= native <= 600:  # one scan filling the page: OCR it as scanned
            dpi = round(native)
            image = pdftext.embedded_scan(task.path, task.index) or pdftext.render_page(task.path, task.index, dpi)
        else:
            dpi = settings.dpi
            image = pdftext.render_page(task.path, task.index, dpi)
        page = ocr_page(image, number=task.number, dpi=dpi, settings=settings, engine=engine)
    page.seconds = time.perf_counter() - started
    return page


def _image_dpi(img: Image.Image, settings: Settings) -> int:
    info = img.info.get("dpi")
    if info and 100 <= float(info[0]) <= 1200:
        return round(float(info[0]))
    return settings.dpi


def ocr_page(image: Image.Image, *, number: int, dpi: int, settings: Settings, engine: ocr.OcrEngine) -> Page:
    """Preprocess, find ruled tables, OCR and lay out one page image.

    A page Tesseract reads with low confidence (a poor scan) is read a second time,
    despeckled and with automatic page segmentation; the better-scored reading wins.
    """
    gray, _angle = ocr.preprocess(image, settings=settings)
    grids, words = _recognize(gray, dpi=dpi, settings=settings, engine=engine)
    rotation = 0
    if settings.detect_orientation and _looks_unreadable(words) and hasattr(engine, "orientation"):
        rotation = engine.orientation(gray, settings=settings)
        if rotation:
            turned = ocr.to_gray(image).rotate(-rotation, expand=True, fillcolor=255)
            gray, _angle = ocr.preprocess(turned, settings=settings)
            grids, words = _recognize(gray, dpi=dpi, settings=settings, engine=engine)
    if words and _mean_conf(words) < POOR_SCAN_CONFIDENCE:
        retry = replace(settings, psm=3)
        grids2, words2 = _recognize(ocr.despeckle(gray), dpi=dpi, settings=retry, engine=engine)
        if _mean_conf(words2) > _mean_conf(words):
            grids, words = grids2, words2
    # specks are dropped only now: they are part of what marks a page as a poor scan above
    words = [w for w in words if not ocr.is_noise(w.text, w.conf)]
    scale = 72.0 / dpi
    page_words = [
        Word(
            text=w.text,
            bbox=(w.left * scale, w.top * scale, (w.left + w.width) * scale, (w.top + w.height) * scale),
            conf=w.conf,
        )
        for w in words
    ]
    lines = ocr.repair_bullets(layout.lines_from_words(page_words))
    page = Page(
        number=number,
        method="ocr",
        width=gray.width * scale,
        height=gray.height * scale,
        mean_confidence=round(_mean_conf(words), 2) if words else 0.0,
        dpi=dpi,
        rotation=rotation,
    )
    return layout.build_page(page, lines, grids)


POOR_SCAN_CONFIDENCE = 88.0


def _recognize(gray: Image.Image, *, dpi: int, settings: Settings, engine: ocr.OcrEngine):
    grids, cleaned = grids_from_image(np.asarray(gray, dtype=np.uint8), scale=72.0 / dpi)
    image = Image.fromarray(cleaned)
    image.info["dpi"] = (dpi, dpi)
    return grids, engine.recognize(image, settings=settings)


def _mean_conf(words: list[ocr.OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _looks_unreadable(words: list[ocr.OcrWord]) -> bool:
    if len(words) < 15:
        return True
    return sum(w.conf for w in words) / len(words) < 55


# ------------------------------------------------------------------ one file


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


# ------------------------------------------------------------------ many files


def _run_task(task: PageTask, settings: Settings) -> Page:
    single_threaded_ocr()  # also on Dask workers, which no pool initializer reaches
    return read_page(task, settings)


def read_documents(
    items: list[InputFile],
    *,
    settings: Settings,
    engine: ocr.OcrEngine | None = None,
    cache: PageCache | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_page: Callable[[InputFile, Page | None, bool], None] | None = None,
) -> Iterator[Document]:
    """Read files page by page on a shared pool; yields Documents in input order.

    Pages found in ``cache`` are not read again; pages read are put in it. ``on_plan`` is
    told how many pages there are in all, ``on_page`` of each page as it is done (and whether
    it came from the cache). A page that fails becomes a PageError on its document; a file
    that cannot be opened becomes a Document with no pages and one error. Nothing is dropped.
    """
    planned: list[tuple[InputFile, Document, list[PageTask]]] = []
    for item in items:
        doc = Document(source_file=item.source_file, sha256="")
        tasks: list[PageTask] = []
        try:
            doc.sha256 = item.sha256 or sha256_of(item.path)
            if item.path.suffix.lower() in TEXT_SUFFIXES:
                doc.pages = read_text_file(item)
            else:
                tasks = plan(item)
        except MinutesError as err:
            doc.errors.append(PageError(None, err.stage, type(err).__name__, str(err)))
        except OSError as err:
            doc.errors.append(PageError(None, "ingest", type(err).__name__, f"{err}; check the file can be read"))
        planned.append((item, doc, tasks))

    # which pages the cache holds; each is loaded only when its document's turn comes
    cached = cache.keys({doc.sha256 for _, doc, _ in planned}) if cache is not None else set()
    if on_plan:
        on_plan(sum(len(t) + len(doc.pages) for _, doc, t in planned))
    to_read = sum((doc.sha256, t.index) not in cached for _, doc, tasks in planned for t in tasks)
    with page_executor(settings if engine is None else replace(settings, workers=1, executor="local"), to_read) as submit:
        futures: list[list[Future[Page] | None]] = []
        for _, doc, tasks in planned:
            futures.append([
                submit(_run_task, t, settings) if submit and (doc.sha256, t.index) not in cached else None
                for t in tasks
            ])
        for (item, doc, tasks), futs in zip(planned, futures, strict=True):
            for page in doc.pages:  # text files: already read
                if on_page:
                    on_page(item, page, False)
            for task, fut in zip(tasks, futs, strict=True):
                hit = cache.get(doc.sha256, task.index) if (doc.sha256, task.index) in cached else None
                page = hit
                try:
                    if page is None:  # not cached (or unreadable there): read now unless a worker did
                        page = fut.result() if fut is not None else read_page(task, settings, engine)
                        if cache is not None:
                            cache.put(doc.sha256, task.index, page)
                    doc.pages.append(page)
                except MinutesError as err:
                    doc.errors.append(PageError(task.number, err.stage, type(err).__name__, str(err)))
                    page = None
                except Exception as err:  # one bad page never stops the batch
                    log.debug("page %s of %s failed", task.number, item.source_file, exc_info=True)
                    doc.errors.append(
                        PageError(task.number, "ingest", type(err).__name__, f"{err}; run 'minutes text' on the file to inspect it")
                    )
                    page = None
                if on_page:
                    on_page(item, page, hit is not None)
            layout.remove_repeated_furniture(doc)
            yield doc


def read_document(path: str | Path, *, settings: Settings | None = None, engine: ocr.OcrEngine | None = None) -> Document:
    """Read one file (the Python API behind ``minutes text``)."""
    path = Path(path)
    return next(read_documents([InputFile(path, str(path))], settings=settings or Settings(), engine=engine))
