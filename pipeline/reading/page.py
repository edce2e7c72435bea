"""One page in, one laid-out :class:`Page` out: the text layer when it can be trusted, OCR otherwise.

A page whose text layer is judged usable (``pdftext.text_layer``) is read with pdfplumber; any
other page is rendered (at its scan's own resolution when it is one full-page image),
preprocessed and OCR'd, and its provenance says why. Every stage runs under the run's limits:
``--page-timeout`` on parsing and rendering (Tesseract has its own), ``--max-pixels`` before any
image is decoded or rendered.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from pipeline.errors import InputError, MinutesError
from pipeline.reading import layout, limits, ocr, pdftext
from pipeline.reading.document import Page, Word
from pipeline.reading.sources import PageTask, open_image, short_error, unwrap
from pipeline.reading.tables import grids_from_image
from pipeline.settings import Settings

if TYPE_CHECKING:
    import pdfplumber


def read_page(task: PageTask, settings: Settings, engine: ocr.OcrEngine | None = None) -> Page:
    """Read one page: text layer when usable, OCR otherwise."""
    started = time.perf_counter()
    engine = engine or ocr.TesseractEngine()
    if task.kind == "image":
        frame, dpi = _decode_frame(task, settings)
        page = ocr_page(frame, number=task.number, dpi=dpi, settings=settings, engine=engine)
        page.provenance = f"image: OCR'd {page.provenance}"
    else:
        layer, native = _read_text_layer(task, settings)
        if isinstance(layer, Page):
            layer.seconds = time.perf_counter() - started
            return layer
        image, dpi = _render(task, settings, native)
        page = ocr_page(image, number=task.number, dpi=dpi, settings=settings, engine=engine)
        page.provenance = f"{layer.reason}: OCR'd {page.provenance}"
    page.seconds = time.perf_counter() - started
    return page


def _read_text_layer(task: PageTask, settings: Settings) -> tuple[Page | pdftext.TextLayer, float | None]:
    """The page laid out from its text layer when usable; else the judgement and the scan's dpi."""
    with limits.time_limit(settings.page_timeout, what=f"reading the text of page {task.number}"):
        try:
            pp = _open_pdf(task.path).pages[task.index]
            try:
                layer = pdftext.text_layer(pp, min_chars=settings.min_text_chars)
                if layer.usable:
                    page = Page(number=task.number, method="pdf", width=float(pp.width), height=float(pp.height),
                                provenance=layer.reason)
                    return layout.build_page(page, layout.lines_from_words(layer.words), pdftext.ruled_grids(pp)), None
                pdftext.check_images(pp, max_pixels=settings.max_pixels, number=task.number)
                return layer, pdftext.full_page_image_dpi(pp)
            finally:
                pp.close()  # its parsed objects: memory stays flat however long the document
        except Exception as err:  # pdfminer raises many types on damaged pages
            _close_pdf()  # a failure may leave the parser in any state: open it afresh next time
            if isinstance(unwrap(err), MinutesError):  # a limit, raised inside pdfplumber and wrapped by it
                raise unwrap(err) from None
            raise InputError(f"page {task.number} is damaged and cannot be read ({short_error(err)})") from err


# The PDF this thread read a page of last, kept open: a worker given a run of one file's pages
# parses the file's structure once, not once per page (which made long documents quadratic).
# Per thread (Dask runs tasks in threads) and per process: what a forked worker inherits from
# its parent is dropped unused, never touched.
_local = threading.local()


def _held() -> dict[str, pdfplumber.PDF]:
    if getattr(_local, "pid", None) != os.getpid():
        _local.pid, _local.open = os.getpid(), {}
    return _local.open


def _open_pdf(path: str) -> pdfplumber.PDF:
    import pdfplumber

    st = Path(path).stat()
    key = f"{path}\0{st.st_size}\0{st.st_mtime_ns}"
    held = _held()
    if key not in held:
        _close_pdf()
        held[key] = pdfplumber.open(path)
    return held[key]


def _close_pdf() -> None:
    held = _held()
    for pdf in held.values():
        with contextlib.suppress(Exception):  # closing a damaged document must not hide the error that matters
            pdf.close()
    held.clear()


def _render(task: PageTask, settings: Settings, native: float | None) -> tuple[Image.Image, int]:
    """The page as an image to OCR: the scan as stored when it is one, else rendered."""
    with limits.time_limit(settings.page_timeout, what=f"rendering page {task.number}"):
        try:
            if native and 100 <= native <= 600:  # one scan filling the page: OCR it as scanned
                dpi = round(native)
                image = pdftext.embedded_scan(task.path, task.index, max_pixels=settings.max_pixels)
                if image is None:
                    image = pdftext.render_page(task.path, task.index, dpi, max_pixels=settings.max_pixels)
                return image, dpi
            return pdftext.render_page(task.path, task.index, settings.dpi, max_pixels=settings.max_pixels), settings.dpi
        except Exception as err:  # PdfiumError and the like on a damaged page
            if isinstance(unwrap(err), MinutesError):
                raise unwrap(err) from None
            raise InputError(f"page {task.number} is damaged and cannot be rendered for OCR ({short_error(err)})") from err


def _decode_frame(task: PageTask, settings: Settings) -> tuple[Image.Image, int]:
    """One frame of an image file, decoded, after its size is checked against ``--max-pixels``.

    Decoding is not under the time limit: its cost is bounded by the pixel limit.
    """
    with open_image(task.path) as img:
        try:
            img.seek(task.index)
            limits.check_pixels(*img.size, limit=settings.max_pixels, what=f"page {task.number} of the image")
            dpi = _image_dpi(img, settings)
            frame = img.copy()
        except Exception as err:  # truncated data, a broken TIFF directory ...
            if isinstance(unwrap(err), MinutesError):
                raise unwrap(err) from None
            raise InputError(f"page {task.number} of the image is damaged or incomplete ({short_error(err)})") from err
    return frame, dpi


def _image_dpi(img: Image.Image, settings: Settings) -> int:
    info = img.info.get("dpi")
    if info and 100 <= float(info[0]) <= 1200:
        return round(float(info[0]))
    return settings.dpi


def ocr_page(image: Image.Image, *, number: int, dpi: int, settings: Settings, engine: ocr.OcrEngine) -> Page:
    """Preprocess, find ruled tables, OCR and lay out one page image.

    The preprocessing is chosen once, from cheap statistics of the image
    (``ocr.choose_preprocessing``): a poor scan is despeckled and read with automatic page
    segmentation, a clean one read as it is. Each page is OCR'd once (twice only when it
    reads as unreadable and turns out to lie on its side). The choice goes into the page's
    provenance.
    """
    native = dpi
    gray, dpi, stats, choice = _prepare(image, dpi=native, settings=settings)
    grids, words = _recognize(choice.apply(gray), dpi=dpi, settings=replace(settings, psm=choice.psm), engine=engine)
    rotation = 0
    if settings.detect_orientation and _looks_unreadable(words) and hasattr(engine, "orientation"):
        rotation = engine.orientation(gray, settings=settings)
        if rotation:
            turned = ocr.to_gray(image).rotate(-rotation, expand=True, fillcolor=255)
            gray, dpi, stats, choice = _prepare(turned, dpi=native, settings=settings)
            grids, words = _recognize(choice.apply(gray), dpi=dpi, settings=replace(settings, psm=choice.psm), engine=engine)
    # specks are dropped only now, after the reading they may have coloured
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
    lines = ocr.drop_speck_lines(ocr.repair_bullets(layout.lines_from_words(page_words)))
    page = Page(
        number=number,
        method="ocr",
        width=gray.width * scale,
        height=gray.height * scale,
        mean_confidence=round(_mean_conf(words), 2) if words else 0.0,
        dpi=dpi,
        rotation=rotation,
        provenance=f"{choice.describe()}{f', read at {dpi} dpi from {native}' if dpi != native else ''}; {stats.describe()}",
    )
    for w in page_words:
        page.word_confidence[w.text] = max(w.conf or 0.0, page.word_confidence.get(w.text, 0.0))
    return layout.build_page(page, lines, grids)


def _prepare(image: Image.Image, *, dpi: int, settings: Settings) -> tuple[Image.Image, int, ocr.ImageStats, ocr.Preprocessing]:
    """Grayscale, measure (on one reduced copy, shared with the skew estimate), deskew, choose,
    and enlarge a page that is to be binarised to the reading resolution (``ocr.enlarge``).
    Returns the image, the resolution it is read at, its statistics (of the scan as it came)
    and the preprocessing chosen."""
    gray = ocr.to_gray(image)
    arr = np.asarray(gray, dtype=np.uint8)
    small = ocr.reduced(arr)
    angle = ocr.estimate_skew(small) if settings.deskew else 0.0
    stats = ocr.image_stats(arr, dpi=dpi, skew=angle, small=small)
    if abs(angle) >= 0.15:
        gray = ocr.rotate(gray, angle)
    choice = ocr.choose_preprocessing(stats, settings)
    read_dpi = dpi
    if choice.despeckle or settings.binarize:  # a page binarised here is binarised at the reading resolution
        gray, read_dpi = ocr.enlarge(gray, dpi, max_pixels=settings.max_pixels)
    if settings.binarize:
        gray = ocr.binarize(gray)
    return gray, read_dpi, stats, choice


def _recognize(gray: Image.Image, *, dpi: int, settings: Settings, engine: ocr.OcrEngine):
    """Ruled tables found and their rules erased, then one Tesseract pass (and a second over a
    ruled table only, when the page's reading lost it)."""
    grids, cleaned = grids_from_image(np.asarray(gray, dtype=np.uint8), scale=72.0 / dpi)
    image = Image.fromarray(cleaned)
    image.info["dpi"] = (dpi, dpi)
    words = engine.recognize(image, settings=settings)
    return grids, reread_lost_tables(image, grids, words, dpi=dpi, settings=settings, engine=engine)


REREAD_CONFIDENCE = 60.0  # a word read at least this surely counts as read


def reread_lost_tables(image: Image.Image, grids: list, words: list[ocr.OcrWord], *, dpi: int, settings: Settings,
                       engine: ocr.OcrEngine) -> list[ocr.OcrWord]:
    """The page's words, with those of a ruled table its reading lost read again from the table alone.

    Tesseract segments a page as a whole: text bleeding through from the back of the sheet, or
    a shaded header, between a table's rows can make it read the whole table as noise (no word,
    or only low-confidence fragments, where the grid has rows). Such a table, and only it, is
    read again on its own as one block (``--psm 6``), and its words replace the page's inside
    the grid when more of them are read surely. A page whose tables were read costs nothing more.
    """
    k = dpi / 72.0
    for n, grid in enumerate(grids):
        x0, y0, x1, y1 = (round(v * k) for v in grid.bbox)
        inside = [w for w in words if x0 <= w.left + w.width / 2 <= x1 and y0 <= w.top + w.height / 2 <= y1]
        if sum(w.conf >= REREAD_CONFIDENCE for w in inside) >= len(grid.ys) - 1:
            continue  # a word read surely for every row at least: the table was read
        left, top = max(0, x0 - 4), max(0, y0 - 4)
        crop = image.crop((left, top, min(image.width, x1 + 4), min(image.height, y1 + 4)))
        crop.info["dpi"] = (dpi, dpi)
        again = [replace(w, left=w.left + left, top=w.top + top, line_key=(-1 - n, *w.line_key[1:]))
                 for w in engine.recognize(crop, settings=replace(settings, psm=6))]
        if sum(w.conf >= REREAD_CONFIDENCE for w in again) > sum(w.conf >= REREAD_CONFIDENCE for w in inside):
            lost = {id(w) for w in inside}
            words = [w for w in words if id(w) not in lost] + again
    return words


def _mean_conf(words: list[ocr.OcrWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _looks_unreadable(words: list[ocr.OcrWord]) -> bool:
    if len(words) < 15:
        return True
    return sum(w.conf for w in words) / len(words) < 55
