"""Preprocessing chosen once from image statistics, on real rendered pages, with real Tesseract.

- a clean page (the digital sample rendered at 300 dpi; the scan300 sample when rendered) and a
  poor scan (``csc_15__scan200poor.pdf``, kept in the repository) get the right statistics and
  the right decision;
- each is OCR'd exactly once (a counting wrapper around the real ``TesseractEngine``), and the
  page's provenance says how it was prepared and why;
- the cheap replacements behind it (skew on a shared reduced copy, OpenCV's rotation, the
  background from a reduced copy, rule components labelled on a reduced mask) give what the
  slower originals gave.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from conftest import RENDERED, require
from PIL import Image

from pipeline.reading import ocr, pdftext
from pipeline.reading.page import ocr_page
from pipeline.reading.tables import grids_from_image
from pipeline.settings import Settings

POOR = RENDERED / "csc_15__scan200poor.pdf"
DIGITAL = RENDERED / "csc_15__digital.pdf"
CLEAN_SCAN = RENDERED / "csc_15__scan300.pdf"


def _scan(path, index: int = 0) -> tuple[Image.Image, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        dpi = round(pdftext.full_page_image_dpi(pdf.pages[index]) or 300)
    return pdftext.embedded_scan(str(path), index), dpi


def _clean() -> tuple[Image.Image, int]:
    return pdftext.render_page(str(DIGITAL), 0, 300), 300


class CountingEngine:
    """The real Tesseract engine, counting its calls."""

    def __init__(self) -> None:
        self.engine = ocr.TesseractEngine()
        self.calls = 0

    def recognize(self, image, *, settings):
        self.calls += 1
        return self.engine.recognize(image, settings=settings)

    def orientation(self, image, *, settings):
        return self.engine.orientation(image, settings=settings)


def _decide(image: Image.Image, dpi: int) -> tuple[ocr.ImageStats, ocr.Preprocessing]:
    stats = ocr.image_stats(ocr.to_gray(image), dpi=dpi)
    return stats, ocr.choose_preprocessing(stats, Settings())


def test_clean_page_is_read_plain():
    stats, choice = _decide(*_clean())
    assert stats.specks < ocr.POOR_SPECKS and stats.noise < ocr.POOR_NOISE and stats.contrast > 200
    assert 0.3 < stats.stroke < 1.5  # points: body text
    assert not choice.despeckle and choice.psm == 6 and choice.reason == "clean scan"


def test_clean_scan_is_read_plain():
    if not CLEAN_SCAN.exists():
        pytest.skip(f"{CLEAN_SCAN.name} not rendered ('make samples')")
    for index in range(2):
        stats, choice = _decide(*_scan(CLEAN_SCAN, index))
        assert not choice.despeckle, stats


def test_print_marks_on_a_crisp_page_are_not_specks():
    """ops_31's first page: dot leaders and bullets make 30 lone marks per Mpx, on crisp print."""
    path = RENDERED / "ops_31__scan300.pdf"
    if not path.exists():
        pytest.skip(f"{path.name} not rendered ('make samples')")
    stats, choice = _decide(*_scan(path, 0))
    assert stats.specks >= ocr.POOR_SPECKS and stats.contrast >= ocr.CRISP_CONTRAST
    assert not choice.despeckle


def test_poor_scan_is_despeckled():
    for index in range(2):
        stats, choice = _decide(*_scan(POOR, index))
        assert stats.specks >= ocr.POOR_SPECKS, stats
        assert choice.despeckle and choice.psm == 3 and choice.reason.startswith("poor scan: specks")


def test_statistics_are_cheap():
    import time

    image, dpi = _scan(POOR)
    gray = ocr.to_gray(image)
    arr = np.asarray(gray)
    small = ocr.reduced(arr)
    ocr.image_stats(arr, dpi=dpi, small=small)  # warm
    started = time.perf_counter()
    ocr.image_stats(arr, dpi=dpi, small=small)
    assert time.perf_counter() - started < 0.5  # tens of ms on a loaded machine; a Tesseract pass takes seconds


@pytest.fixture(scope="module")
def tesseract():
    require(shutil.which("tesseract"), "tesseract is not installed", fix="apt-get install tesseract-ocr")


@pytest.mark.parametrize("which", ["poor", "clean"])
def test_page_is_ocrd_once(tesseract, which):
    image, dpi = _scan(POOR) if which == "poor" else _clean()
    engine = CountingEngine()
    page = ocr_page(image, number=1, dpi=dpi, settings=Settings(), engine=engine)
    assert engine.calls == 1
    assert page.lines and page.mean_confidence > 80
    if which == "poor":
        assert page.provenance.startswith("despeckled, psm 3 (poor scan: specks")
    else:
        assert page.provenance.startswith("plain, psm 6 (clean scan)")
    assert "specks" in page.provenance and "stroke" in page.provenance  # the statistics behind the choice


def test_skew_measured_and_rotation_matches_pil():
    gray = ocr.to_gray(_clean()[0])
    tilted = gray.rotate(1.2, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)  # counter-clockwise
    assert ocr.estimate_skew(tilted) == pytest.approx(1.2, abs=0.15)  # the angle preprocessing turns back
    assert ocr.estimate_skew(ocr.reduced(np.asarray(tilted))) == ocr.estimate_skew(tilted)
    ours = np.asarray(ocr.rotate(tilted, 1.2), dtype=np.int16)
    pil = np.asarray(tilted.rotate(-1.2, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255), dtype=np.int16)
    assert np.abs(ours - pil).mean() < 2.0


def test_background_is_flattened_from_a_reduced_copy():
    """Paper lit unevenly (a 150-to-250 gradient) with dark text on both ends: after dividing
    the background (estimated on a reduced copy) every letter stays ink and the paper is white
    at both ends."""
    h, w = 800, 1200
    page = np.tile(np.linspace(150, 250, w, dtype=np.float64), (h, 1))
    letters = np.zeros((h, w), dtype=bool)
    for x0 in (60, 300, 600, 900, 1100):
        for y0 in range(80, 720, 80):
            letters[y0 : y0 + 20, x0 : x0 + 4] = True  # strokes of text
            letters[y0 : y0 + 3, x0 : x0 + 30] = True
    page[letters] *= 0.35
    arr = page.astype(np.uint8)
    bg = ocr.background(arr)
    assert bg.shape == arr.shape
    assert abs(int(bg[400, 5]) - 151) <= 6 and abs(int(bg[400, w - 5]) - 250) <= 6
    out = np.asarray(ocr.binarize(Image.fromarray(arr)))
    assert (out[letters] == 0).mean() > 0.97
    assert (out[~letters] == 255).mean() > 0.99
    for tiny in [(1, 1), (3, 5), (40, 30)]:  # a page too small to reduce still comes back whole
        assert ocr.binarize(Image.fromarray(np.full(tiny, 200, np.uint8))).size == tiny[::-1]


def test_a_line_that_is_only_a_speck_is_dropped_and_small_marks_in_text_stay():
    from pipeline.reading.document import Line, Word

    def word(text, x0, y0, x1, y1):
        return Word(text=text, bbox=(x0, y0, x1, y1), conf=80.0)

    present = Line(words=[word("Present:", 50, 100, 90, 108), word("Priya", 94, 100, 120, 108)])
    speck = Line(words=[word("3", 31.5, 112, 32.4, 112.6)])  # a dot of dust read as "3"
    colon = Line(words=[word(":", 273, 113, 274, 114)])
    full_stop = Line(words=[word("noted", 50, 130, 80, 138), word(".", 81, 136, 82, 137)])
    item = Line(words=[word("3", 30, 150, 35, 158)])  # a real item number, letter-sized
    kept = ocr.drop_speck_lines([present, speck, colon, full_stop, item])
    assert [ln.text for ln in kept] == ["Present: Priya", "noted .", "3"]


def test_ruled_table_found_from_reduced_rule_mask():
    import cv2

    page = np.full((1200, 1000), 255, dtype=np.uint8)
    for y in (200, 300, 400, 500):
        cv2.line(page, (100, y), (900, y), 0, 3)
    for x in (100, 400, 900):
        cv2.line(page, (x, 200), (x, 500), 0, 3)
    cv2.line(page, (100, 800), (700, 800), 0, 2)  # a lone rule: erased, not a table
    cv2.putText(page, "Text", (150, 270), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    grids, cleaned = grids_from_image(page, scale=1.0)
    assert len(grids) == 1
    assert len(grids[0].xs) == 3 and len(grids[0].ys) == 4
    assert cleaned[800, 400] == 255 and cleaned[300, 250] == 255  # rules gone
    assert (cleaned[230:280, 150:300] < 128).sum() > 100  # the text stays


def test_scans_under_200_dpi_are_enlarged_to_300():
    page = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    big, dpi = ocr.enlarge(page, 150, max_pixels=36_000_000)
    assert dpi == 300 and big.size == (2480, 3508)
    for as_is in (200, 300):  # 200 dpi and more: read as it came
        same, dpi = ocr.enlarge(page, as_is, max_pixels=36_000_000)
        assert dpi == as_is and same is page
    # never past the pixel limit: a page already at the limit is read as it came
    capped, dpi = ocr.enlarge(page, 150, max_pixels=1240 * 1754)
    assert dpi == 150 and capped is page
    half, dpi = ocr.enlarge(page, 150, max_pixels=4 * 1240 * 1754 // 2)  # room for about 1.41x
    assert dpi == 212 and half.width * half.height <= 4 * 1240 * 1754 // 2 + 2 * (1240 + 1754)


def _words(text: str) -> set[str]:
    import re

    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}


def test_a_150_dpi_poor_scan_is_read_at_300_and_reads_better_for_it(tesseract):
    """A poor 150-dpi page of a tuning draw is read at 300 dpi: its provenance says so, its
    words' boxes are in points on the page as before, and it reads more of the page's words
    (against its digital twin's text layer) than the same page read at its own resolution.
    The poor sample page (200 dpi) is read as it came."""
    import pdfplumber

    image, dpi = _scan(POOR)
    as_scanned = ocr_page(image, number=1, dpi=dpi, settings=Settings(), engine=ocr.TesseractEngine())
    assert dpi == 200 and as_scanned.dpi == 200 and "read at" not in as_scanned.provenance
    poor = RENDERED / "tuning3" / "r06_tabasc__poor.pdf"
    if not poor.exists():
        pytest.skip(f"{poor} not rendered ('make samples')")
    low, dpi = _scan(poor, 1)
    assert dpi == 150
    page = ocr_page(low, number=2, dpi=dpi, settings=Settings(), engine=ocr.TesseractEngine())
    assert page.dpi == 300 and "read at 300 dpi from 150" in page.provenance
    assert page.width == pytest.approx(595, abs=3) and page.height == pytest.approx(842, abs=3)  # A4 in points
    assert all(0 <= w.bbox[0] < w.bbox[2] <= page.width + 1 for ln in page.lines for w in ln.words)
    as_it_came = ocr_page(low, number=2, dpi=dpi, settings=Settings(max_pixels=max(1_000_000, low.width * low.height)),
                         engine=ocr.TesseractEngine())
    assert as_it_came.dpi == 150
    with pdfplumber.open(str(poor).replace("__poor", "__digital")) as pdf:
        truth = _words(pdf.pages[1].extract_text())
    read = _words("\n".join(b.text for b in page.blocks))
    read_small = _words("\n".join(b.text for b in as_it_came.blocks))
    assert len(read & truth) / len(truth) > 0.85
    assert len(read & truth) > len(read_small & truth), (sorted(truth - read), sorted(truth - read_small))
