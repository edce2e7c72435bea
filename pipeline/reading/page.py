"""One page in, one laid-out :class:`Page` out: the text layer when usable, OCR otherwise.

A page with a usable text layer is read with pdfplumber; any other page is rendered (at its
scan's own resolution when it is one full-page image), preprocessed and OCR'd.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from PIL import Image

from pipeline.reading import layout, ocr, pdftext
from pipeline.reading.document import Page, Word
from pipeline.reading.sources import PageTask
from pipeline.reading.tables import grids_from_image
from pipeline.settings import Settings


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
