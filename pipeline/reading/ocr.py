"""OCR stage: page image -> preprocessed image -> Tesseract words with boxes and confidence.

Tesseract runs single-threaded per call (``OMP_THREAD_LIMIT=1``); parallelism comes from
running pages in separate worker processes (see ``pipeline.batch.schedule``). The engine sits behind
the small :class:`OcrEngine` interface so recorded output or another engine can slot in.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from PIL import Image

from pipeline.errors import MissingDependencyError, OcrError, OcrTimeoutError
from pipeline.reading.charclasses import OCR_BULLET_GLYPHS, char_class
from pipeline.reading.document import Line, Word
from pipeline.settings import Settings

log = logging.getLogger(__name__)

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
_SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None  # page images never touch the disk


@dataclass
class OcrWord:
    """A word as the engine saw it, in image pixels, with Tesseract's line address."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line_key: tuple[int, int, int]  # (block, paragraph, line)


NOISE_CONFIDENCE = 25.0  # below this a one- or two-character word is a speck
SPECK_CONFIDENCE = 60.0  # below this a word of punctuation alone is a speck
EDGE_GLYPHS = set("_=~|¦")


def is_noise(text: str, conf: float) -> bool:
    """Specks, not text: punctuation-only marks Tesseract doubts, marks made only of
    ``_ = ~ |`` (what it reads from table edges and wide gaps), and one- or two-character
    words it barely believes."""
    if text in OCR_BULLET_GLYPHS:
        return False  # a bullet, repaired to "•" by the layout step
    if any(ch.isalnum() for ch in text):
        return len(text) <= 2 and conf < NOISE_CONFIDENCE  # a speck read as "7", "i" or "fe"
    return conf < SPECK_CONFIDENCE or set(text) <= EDGE_GLYPHS


class OcrEngine(Protocol):
    def recognize(self, image: Image.Image, *, settings: Settings) -> list[OcrWord]: ...


class TesseractEngine:
    """Tesseract through pytesseract ``image_to_data``."""

    def recognize(self, image: Image.Image, *, settings: Settings) -> list[OcrWord]:
        config = f"--oem {settings.oem} --psm {settings.psm} -c preserve_interword_spaces=0"
        # Hand Tesseract an uncompressed file: pytesseract would PNG-encode the image first,
        # about 0.27 s of a 3-4 s page at 300 dpi; BMP costs a few milliseconds.
        with tempfile.NamedTemporaryFile(suffix=".bmp", dir=_SCRATCH) as tmp:
            image.save(tmp.name, format="BMP", dpi=image.info.get("dpi", (300, 300)))
            data = self._image_to_data(tmp.name, config=config, settings=settings)
        words = []
        for i, text in enumerate(data["text"]):
            conf = float(data["conf"][i])
            if conf < 0 or not text.strip():
                continue
            words.append(
                OcrWord(
                    text=text.strip(),
                    left=int(data["left"][i]),
                    top=int(data["top"][i]),
                    width=int(data["width"][i]),
                    height=int(data["height"][i]),
                    conf=max(0.0, min(100.0, conf)),
                    line_key=(int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])),
                )
            )
        return words

    def _image_to_data(self, path: str, *, config: str, settings: Settings) -> dict:
        import pytesseract

        try:
            return pytesseract.image_to_data(
                path,
                lang=settings.language,
                config=config,
                output_type=pytesseract.Output.DICT,
                timeout=settings.page_timeout,
            )
        except pytesseract.TesseractNotFoundError as err:
            raise MissingDependencyError(
                "Tesseract is not installed or not on PATH; install it with "
                "'apt-get install tesseract-ocr' (or run 'make run', which does)"
            ) from err
        except RuntimeError as err:
            if "timeout" in str(err).lower():
                raise OcrTimeoutError(
                    f"OCR took longer than {settings.page_timeout:.0f} s on this page; "
                    "raise --page-timeout or check the page image"
                ) from err
            raise OcrError(f"Tesseract failed: {err}") from err
        except pytesseract.TesseractError as err:
            raise OcrError(f"Tesseract failed: {err.message}; check --lang is installed") from err

    def orientation(self, image: Image.Image, *, settings: Settings) -> int:
        """Degrees (0/90/180/270) to rotate the image clockwise so its text stands upright."""
        import pytesseract

        try:
            osd = pytesseract.image_to_osd(
                image, config="--psm 0 -c min_characters_to_try=5", timeout=settings.page_timeout,
                output_type=pytesseract.Output.DICT,
            )
        except (pytesseract.TesseractError, RuntimeError) as err:
            log.debug("orientation check failed: %s", err)
            return 0
        if float(osd.get("orientation_conf", 0)) < 2.0:
            return 0
        return int(osd.get("rotate", 0)) % 360


# ---------------------------------------------------------------- preprocessing


def to_gray(image: Image.Image) -> Image.Image:
    if image.mode == "L":
        return image
    if image.mode == "1":
        return image.convert("L")
    return image.convert("RGB").convert("L")


def reduced(arr: np.ndarray, width: int = 1000) -> np.ndarray:
    """The page at most ``width`` pixels wide, for statistics and the skew estimate (computed
    once and shared: Pillow's bicubic reduction, the one the skew angles were tuned on)."""
    h, w = arr.shape
    scale = min(1.0, width / max(w, 1))
    if scale >= 1.0:
        return arr
    small = Image.fromarray(arr).resize((max(1, int(w * scale)), max(1, int(h * scale))))
    return np.asarray(small, dtype=np.uint8)


def estimate_skew(gray: Image.Image | np.ndarray, *, max_angle: float = 3.0, step: float = 0.1) -> float:
    """Skew angle in degrees by maximising the row-profile variance of dark pixels.

    Works on a reduced copy (about 1000 px wide; pass one to share it), so it costs a few
    milliseconds a page.
    """
    arr = reduced(np.asarray(gray, dtype=np.uint8))
    ink = arr < min(160, int(arr.mean() * 0.75))
    ys, xs = np.nonzero(ink)
    if len(ys) < 200:
        return 0.0
    xs = xs - arr.shape[1] / 2
    best_angle, best_score = 0.0, -1.0
    for angle in np.arange(-max_angle, max_angle + step / 2, step):
        shifted = ys + xs * np.tan(np.radians(angle))
        hist = np.bincount(np.clip(shifted, 0, arr.shape[0] * 2).astype(int)).astype(np.float64)
        score = float(hist @ hist)
        if score > best_score:
            best_angle, best_score = float(angle), score
    return round(best_angle, 2)


def rotate(gray: Image.Image, angle: float) -> Image.Image:
    """``gray`` turned ``angle`` degrees clockwise about its centre, same size, white fill.

    OpenCV's bicubic warp: a seventh of the cost of Pillow's rotation (20 ms against 150 ms for
    a 200-dpi page, 50 against 330 at 300 dpi), on one thread in a page worker.
    """
    import cv2

    arr = np.asarray(gray, dtype=np.uint8)
    h, w = arr.shape
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2.0, (h - 1) / 2.0), -angle, 1.0)
    out = cv2.warpAffine(arr, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=255)
    return Image.fromarray(out)


READ_DPI = 300  # the resolution a low-resolution page is read at: Tesseract reads best at 300 dpi
ENLARGE_BELOW = 200  # scans under this many dpi are enlarged to READ_DPI


def enlarge(gray: Image.Image, dpi: int, *, max_pixels: int) -> tuple[Image.Image, int]:
    """A scan under ``ENLARGE_BELOW`` dpi enlarged to ``READ_DPI`` (bicubic), and the
    resolution it is read at.

    For a page binarised before Tesseract reads it (a poor scan, despeckled): binarised at 150
    or 175 dpi, a letter's counters and joins, grey at that resolution, fall to one side of the
    threshold (``Floreace``, ``Pogsoa``); enlarged first, they are drawn as strokes. Against
    their digital text, the poor pages of two tuning draws read at 150 dpi rose in word recall
    0.917 -> 0.937 and 0.920 -> 0.937, at 175 dpi 0.930 -> 0.936 and 0.929 -> 0.939, for about
    35 % more time a page. At 200 dpi the gain was not there (0.976 -> 0.974 on one draw,
    0.963 -> 0.972 on the other) and the sample series' 200-dpi poor scans lost table rows and
    fields, so those are read as they came. A clean page is read in grey, and Tesseract scales
    each line itself: enlarged, clean 200-dpi pages read a few more words, but the tables of
    three splits lost more rows than they gained, so clean pages are never enlarged. Never
    beyond ``max_pixels``.
    """
    if dpi >= ENLARGE_BELOW:
        return gray, dpi
    w, h = gray.size
    factor = min(READ_DPI / dpi, (max_pixels / max(1, w * h)) ** 0.5)
    if factor <= 1.05:
        return gray, dpi
    import cv2

    arr = np.asarray(gray, dtype=np.uint8)
    out = cv2.resize(arr, (round(w * factor), round(h * factor)), interpolation=cv2.INTER_CUBIC)
    return Image.fromarray(out), round(dpi * factor)


BACKGROUND_REDUCTION = 4  # the background is estimated on a copy this many times smaller


def background(arr: np.ndarray) -> np.ndarray:
    """The paper's brightness under the page: a median over a window about a twentieth of the
    page's short side, wide enough to step over any letter.

    Estimated on a copy reduced ``BACKGROUND_REDUCTION`` times and scaled back (a median this
    wide at full size was 130 ms of a 200-dpi page; reduced it is a few): lighting changes
    over centimetres, not pixels.
    """
    import cv2

    h, w = arr.shape
    f = BACKGROUND_REDUCTION
    small = cv2.resize(arr, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    k = min(255, max(9, (min(h, w) // (20 * f)) | 1))  # odd, within medianBlur's range for uint8
    k = min(k, (min(small.shape) - 1) | 1) if min(small.shape) > 2 else 1
    blurred = cv2.medianBlur(small, k) if k > 1 else small
    return cv2.resize(blurred, (w, h), interpolation=cv2.INTER_LINEAR)


def binarize(gray: Image.Image) -> Image.Image:
    """Otsu threshold after flattening uneven lighting (the :func:`background` divided out)."""
    import cv2

    arr = np.asarray(gray, dtype=np.uint8)
    flat = cv2.divide(arr, background(arr), scale=255)
    _, out = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(out)


def despeckle(gray: Image.Image) -> Image.Image:
    """Binarise against a flattened background and erase isolated specks.

    Small ink blobs far from any larger ink (scanner dust, JPEG speckle) are removed;
    small blobs next to letters (i-dots, full stops) stay.
    """
    import cv2

    arr = np.asarray(binarize(gray), dtype=np.uint8)
    ink = (arr == 0).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = np.zeros(n, dtype=bool)
    small[1:] = stats[1:, cv2.CC_STAT_AREA] < 14
    big_ink = (ink > 0) & ~small[labels]
    near = cv2.dilate(big_ink.astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
    out = arr.copy()
    out[small[labels] & ~near] = 255
    return Image.fromarray(out)


BULLET_GLYPH = re.compile(r"^" + char_class(OCR_BULLET_GLYPHS) + r"\s+(?=[A-Z‘'\"(])")


def repair_bullets(lines: list[Line]) -> list[Line]:
    """A bullet that OCR read as ``e``, ``¢``, ``«`` or ``°`` at the start of a line becomes ``•``."""
    for line in lines:
        if len(line.words) > 1 and line.words[0].text in OCR_BULLET_GLYPHS and BULLET_GLYPH.match(line.text):
            first = line.words[0]
            line.words[0] = Word(text="•", bbox=first.bbox, conf=first.conf)
            line.text = BULLET_GLYPH.sub("• ", line.text)
    return lines


SPECK_SIZE = 0.35  # a speck's box, as a share of the page's typical word height, in both directions


def drop_speck_lines(lines: list[Line]) -> list[Line]:
    """Lines that are only specks: one or two characters in a box a third of a word's height
    or less (a ``:`` or ``3`` read from a dot of dust or a tick's end).

    Left in, such a line sits between the rows of a list or an unruled table and parts them
    (``Present:`` from the names under it; a table's first row from the rest). Whole lines
    only: a small mark inside a line of text may be its full stop.
    """
    heights = sorted(w.bbox[3] - w.bbox[1] for ln in lines for w in ln.words if len(w.text) >= 3)
    if not heights:
        return lines
    most = SPECK_SIZE * heights[len(heights) // 2]

    def speck(w: Word) -> bool:
        return len(w.text) <= 2 and w.bbox[3] - w.bbox[1] < most and w.bbox[2] - w.bbox[0] < most

    return [ln for ln in lines if not all(speck(w) for w in ln.words)]


def preprocess(image: Image.Image, *, settings: Settings) -> tuple[Image.Image, float]:
    """Grayscale, deskew, optionally binarise. Returns the image and the skew corrected."""
    gray = to_gray(image)
    angle = 0.0
    if settings.deskew:
        angle = estimate_skew(gray)
        if abs(angle) >= 0.15:
            gray = rotate(gray, angle)
    if settings.binarize:
        gray = binarize(gray)
    return gray, angle


# ---------------------------------------------------------------- page statistics and the choice of preprocessing


@dataclass(frozen=True)
class ImageStats:
    """Cheap statistics of a grayscale page image (a few ms: a reduced copy and one crop).

    ``contrast``: paper level minus ink level (grey levels, from the reduced copy);
    ``noise``: the paper's pixel-to-pixel jitter away from ink (mean absolute difference from a
    3x3 median, grey levels); ``specks``: isolated dark blobs under about 1.2 pt across and 3 pt
    from any other ink (dust, toner spatter, JPEG speckle) per million pixels; ``stroke``: mean
    stroke width in points; the last three from a full-resolution crop of the page's middle.
    """

    contrast: float
    noise: float
    specks: float
    stroke: float
    skew: float = 0.0

    def describe(self) -> str:
        return (f"contrast {self.contrast:.0f}, noise {self.noise:.2f}, specks {self.specks:.0f}/Mpx, "
                f"stroke {self.stroke:.2f} pt, skew {self.skew:+.1f}°")


CROP = 1024  # side of the full-resolution crop noise, specks and stroke width are measured on


def image_stats(gray: Image.Image | np.ndarray, *, dpi: int, skew: float = 0.0,
                small: np.ndarray | None = None) -> ImageStats:
    """Contrast, noise, speck density and stroke width of a page (see :class:`ImageStats`)."""
    import cv2

    arr = np.asarray(gray, dtype=np.uint8)
    small = reduced(arr) if small is None else small
    # contrast: the paper (the median: most of a page is paper) against the ink (the darkest
    # half percent), on the reduced copy's histogram
    cum = np.cumsum(np.bincount(small.ravel(), minlength=256))
    paper = float(np.searchsorted(cum, cum[-1] * 0.5))
    ink_level = float(np.searchsorted(cum, cum[-1] * 0.005))
    t = int((paper + ink_level) / 2)
    # the rest on a full-resolution crop of the page's middle (specks and grain keep their size)
    h, w = arr.shape
    y0, x0 = max(0, (h - CROP) // 2), max(0, (w - CROP) // 2)
    crop = np.ascontiguousarray(arr[y0 : y0 + CROP, x0 : x0 + CROP])
    ink = (crop <= t).astype(np.uint8)
    n_ink = int(ink.sum())
    px_pt = dpi / 72.0  # pixels per point
    near_ink = cv2.dilate(ink, np.ones((5, 5), np.uint8))
    resid = cv2.absdiff(crop, cv2.medianBlur(crop, 3))
    far = near_ink == 0
    noise = float(resid[far].mean()) if far.any() else 0.0
    n, labels, cstats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small_comp = np.zeros(n, dtype=bool)
    small_comp[1:] = cstats[1:, cv2.CC_STAT_AREA] <= max(2, round((1.2 * px_pt) ** 2))
    big = ink.astype(bool) & ~small_comp[labels]
    reach = max(3, round(6 * px_pt)) | 1
    near_big = cv2.dilate(big.astype(np.uint8), np.ones((reach, reach), np.uint8)) > 0
    lone = np.unique(labels[small_comp[labels] & ~near_big])
    eroded = cv2.erode(ink, np.ones((3, 3), np.uint8))
    boundary = n_ink - int(eroded.sum())
    return ImageStats(
        contrast=round(paper - ink_level, 1),
        noise=round(noise, 2),
        specks=round(len(lone) / (crop.size / 1e6), 1),
        stroke=round(2.0 * n_ink / boundary / px_pt, 3) if boundary else 0.0,
        skew=skew,
    )


# What marks a page as a poor scan, from the statistics of every scanned page of the sample
# series, the tuning split and the real scans (184 pages): clean scans show at most 15 lone
# specks per Mpx and paper noise under 0.6; poor ones (150-200 dpi, grain, spatter, JPEG 30-55)
# 28 specks or more, and contrast under 205. Specks count only on a page under CRISP_CONTRAST:
# on black print on white paper small lone marks are print (dot leaders, bullets, full stops;
# ops_31's first page shows 30 per Mpx), where spatter comes with greyed paper and faded ink.
POOR_SPECKS = 20.0  # lone specks per million pixels
CRISP_CONTRAST = 235.0  # paper minus ink, grey levels: a crisp page
POOR_NOISE = 1.0  # paper noise, grey levels
FADED_CONTRAST = 100.0  # paper minus ink, grey levels


@dataclass(frozen=True)
class Preprocessing:
    """How a page is prepared for its one OCR pass, and why."""

    despeckle: bool
    psm: int
    reason: str

    def describe(self) -> str:
        how = "despeckled" if self.despeckle else "plain"
        return f"{how}, psm {self.psm} ({self.reason})"

    def apply(self, gray: Image.Image) -> Image.Image:
        return despeckle(gray) if self.despeckle else gray


def choose_preprocessing(stats: ImageStats, settings: Settings | None = None) -> Preprocessing:
    """The preprocessing a page is OCR'd with, chosen once from its statistics.

    A poor scan (spatter, grain or faded ink) is binarised against a flattened background,
    despeckled and read with automatic page segmentation (``--psm 3``), which is what reads
    such pages best (the reading that used to win when every poor page was read twice); any
    other page is read as it is, with the run's page segmentation mode.
    """
    psm = settings.psm if settings is not None else 6
    why = []
    if stats.specks >= POOR_SPECKS and stats.contrast < CRISP_CONTRAST:
        why.append(f"specks {stats.specks:.0f}/Mpx >= {POOR_SPECKS:.0f} on contrast {stats.contrast:.0f} < {CRISP_CONTRAST:.0f}")
    if stats.noise >= POOR_NOISE:
        why.append(f"noise {stats.noise:.2f} >= {POOR_NOISE:.1f}")
    if stats.contrast < FADED_CONTRAST:
        why.append(f"contrast {stats.contrast:.0f} < {FADED_CONTRAST:.0f}")
    if why:
        return Preprocessing(despeckle=True, psm=3, reason="poor scan: " + ", ".join(why))
    return Preprocessing(despeckle=False, psm=psm, reason="clean scan")
